//! The error type every operation returns, [`Error<E>`], and its parts: service errors with
//! their metadata, construction (nothing sent), timeout, transport and response-parse errors.

mod construction;
mod metadata;
mod operation_error;
mod pagination;
mod response_parse;
mod service;
mod timeout;
mod transport;

pub use construction::{ConstructionError, ConstructionErrorKind};
pub use metadata::{ErrorMetadata, ErrorMetadataBuilder, ProvideErrorMetadata, UnhandledError};
pub use pagination::PaginationError;
pub use response_parse::ResponseParseError;
pub use service::ServiceError;
pub use timeout::{TimeoutError, TimeoutKind};
pub use transport::TransportError;

use crate::http_client::ConnectorError;
use crate::retry::classify;
use crate::HttpResponse;
use std::fmt;

/// The error of an operation whose service errors are `E` (a generated per-operation enum).
#[non_exhaustive]
#[derive(Debug)]
pub enum Error<E> {
    /// The service answered with an error (modelled or not); the raw response is kept.
    Service(ServiceError<E>),
    /// The request could not be built (invalid input, no credentials, no region, endpoint
    /// error); nothing was sent.
    Construction(ConstructionError),
    /// An attempt or the whole operation timed out.
    Timeout(TimeoutError),
    /// The HTTP client failed to send the request or to receive the response.
    Transport(TransportError),
    /// The service answered but the response could not be parsed.
    ResponseParse(ResponseParseError),
    /// A paginator stopped because the service broke the paging protocol.
    Pagination(PaginationError),
}

impl<E> Error<E> {
    /// A service error from its parsed error and the raw response.
    pub fn service(err: E, raw: HttpResponse) -> Self {
        Self::Service(ServiceError::new(err, raw))
    }

    /// The parsed service error, if this is one.
    pub fn as_service_error(&self) -> Option<&E> {
        match self {
            Self::Service(e) => Some(e.err()),
            _ => None,
        }
    }

    /// The parsed service error, if this is one.
    pub fn into_service_error(self) -> Option<E> {
        match self {
            Self::Service(e) => Some(e.into_err()),
            _ => None,
        }
    }

    /// The parsed service error, or `self` back when this is another kind of error.
    pub fn try_into_service_error(self) -> Result<E, Self> {
        match self {
            Self::Service(e) => Ok(e.into_err()),
            other => Err(other),
        }
    }

    /// The raw HTTP response of a service error.
    pub fn raw_response(&self) -> Option<&HttpResponse> {
        match self {
            Self::Service(e) => Some(e.raw()),
            _ => None,
        }
    }

    /// The HTTP status of the response, when there was one.
    pub fn http_status(&self) -> Option<u16> {
        match self {
            Self::Service(e) => Some(e.raw().status().as_u16()),
            Self::ResponseParse(e) => Some(e.status()),
            _ => None,
        }
    }

    /// Converts the service error type, keeping every other variant.
    pub fn map_service_error<F>(self, f: impl FnOnce(E) -> F) -> Error<F> {
        match self {
            Self::Service(e) => Error::Service(e.map(f)),
            Self::Construction(e) => Error::Construction(e),
            Self::Timeout(e) => Error::Timeout(e),
            Self::Transport(e) => Error::Transport(e),
            Self::ResponseParse(e) => Error::ResponseParse(e),
            Self::Pagination(e) => Error::Pagination(e),
        }
    }
}

impl<E: ProvideErrorMetadata> Error<E> {
    /// The service error code, e.g. `ValidationException`.
    pub fn code(&self) -> Option<&str> {
        match self {
            Self::Service(e) => e.err().code(),
            _ => None,
        }
    }

    /// The message the service sent.
    pub fn message(&self) -> Option<&str> {
        match self {
            Self::Service(e) => e.err().message(),
            _ => None,
        }
    }

    /// The request id of the failed request (`x-amzn-RequestId`).
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Service(e) => e.err().request_id().or_else(|| {
                e.raw()
                    .headers()
                    .get("x-amzn-requestid")
                    .or_else(|| e.raw().headers().get("x-amz-request-id"))
                    .and_then(|v| v.to_str().ok())
            }),
            _ => None,
        }
    }

    /// Whether retrying the same request may succeed: throttling and transient service
    /// errors, 5xx/429 statuses, timeouts and I/O transport errors. Never 4xx validation
    /// errors, construction errors or parse errors.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Service(e) => {
                classify::is_retryable_status(e.raw().status().as_u16())
                    || e.err()
                        .code()
                        .is_some_and(classify::is_retryable_error_code)
            }
            Self::Timeout(_) => true,
            Self::Transport(e) => e.connector_error().is_retryable(),
            Self::Construction(_) | Self::ResponseParse(_) | Self::Pagination(_) => false,
        }
    }
}

impl<E: ProvideErrorMetadata> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Service(e) => {
                let err = e.err();
                match (err.code(), err.message()) {
                    (Some(code), Some(message)) => write!(f, "{code}: {message}")?,
                    (Some(code), None) => f.write_str(code)?,
                    (None, Some(message)) => write!(f, "service error: {message}")?,
                    (None, None) => f.write_str("unhandled service error")?,
                }
                write!(f, " (HTTP {}", e.raw().status().as_u16())?;
                if let Some(id) = self.request_id() {
                    write!(f, ", request id {id}")?;
                }
                f.write_str(")")
            }
            Self::Construction(e) => fmt::Display::fmt(e, f),
            Self::Timeout(e) => fmt::Display::fmt(e, f),
            Self::Transport(e) => fmt::Display::fmt(e, f),
            Self::ResponseParse(e) => fmt::Display::fmt(e, f),
            Self::Pagination(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl<E> std::error::Error for Error<E>
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Service(e) => Some(e.err()),
            Self::Construction(e) => Some(e),
            Self::Timeout(e) => Some(e),
            Self::Transport(e) => Some(e),
            Self::ResponseParse(e) => Some(e),
            Self::Pagination(e) => Some(e),
        }
    }
}

impl<E> From<ConstructionError> for Error<E> {
    fn from(e: ConstructionError) -> Self {
        Self::Construction(e)
    }
}

impl<E> From<TimeoutError> for Error<E> {
    fn from(e: TimeoutError) -> Self {
        Self::Timeout(e)
    }
}

impl<E> From<TransportError> for Error<E> {
    fn from(e: TransportError) -> Self {
        Self::Transport(e)
    }
}

impl<E> From<ConnectorError> for Error<E> {
    fn from(e: ConnectorError) -> Self {
        Self::Transport(TransportError::new(e))
    }
}

impl<E> From<ResponseParseError> for Error<E> {
    fn from(e: ResponseParseError) -> Self {
        Self::ResponseParse(e)
    }
}

impl<E> From<PaginationError> for Error<E> {
    fn from(e: PaginationError) -> Self {
        Self::Pagination(e)
    }
}

impl<E> From<ServiceError<E>> for Error<E> {
    fn from(e: ServiceError<E>) -> Self {
        Self::Service(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use std::error::Error as _;
    use std::time::Duration;

    fn response(status: u16, request_id: Option<&str>) -> HttpResponse {
        let mut builder = http::Response::builder().status(status);
        if let Some(id) = request_id {
            builder = builder.header("x-amzn-RequestId", id);
        }
        builder
            .body(Bytes::from_static(b"{\"message\":\"top secret body\"}"))
            .unwrap()
    }

    fn service(code: Option<&str>, message: Option<&str>, status: u16) -> Error<UnhandledError> {
        let mut meta = ErrorMetadata::builder().http_status(status);
        if let Some(code) = code {
            meta = meta.code(code);
        }
        if let Some(message) = message {
            meta = meta.message(message);
        }
        Error::service(
            UnhandledError::new(meta.build()),
            response(status, Some("abc")),
        )
    }

    #[test]
    fn service_display_reads_well_alone() {
        let err = service(Some("ValidationException"), Some("the message"), 400);
        assert_eq!(
            err.to_string(),
            "ValidationException: the message (HTTP 400, request id abc)"
        );
        let err = service(Some("ThrottlingException"), None, 429);
        assert_eq!(
            err.to_string(),
            "ThrottlingException (HTTP 429, request id abc)"
        );
        let err: Error<UnhandledError> = Error::service(
            UnhandledError::new(ErrorMetadata::default()),
            response(500, None),
        );
        assert_eq!(err.to_string(), "unhandled service error (HTTP 500)");
    }

    #[test]
    fn accessors() {
        let err = service(Some("ValidationException"), Some("m"), 400);
        assert_eq!(err.code(), Some("ValidationException"));
        assert_eq!(err.message(), Some("m"));
        assert_eq!(err.request_id(), Some("abc"));
        assert_eq!(err.http_status(), Some(400));
        assert!(err.raw_response().is_some());
        assert!(err.as_service_error().is_some());
        assert!(err.source().is_some());
        assert_eq!(
            err.into_service_error()
                .and_then(|e| e.code().map(str::to_owned)),
            Some("ValidationException".to_owned())
        );
        let err: Error<UnhandledError> = ConstructionError::missing_field("datasetId").into();
        assert!(err.as_service_error().is_none());
        assert_eq!(err.code(), None);
        assert_eq!(err.http_status(), None);
        assert!(err.try_into_service_error().is_err());
    }

    #[test]
    fn retryability() {
        assert!(!service(Some("ValidationException"), None, 400).is_retryable());
        assert!(!service(Some("AccessDeniedException"), None, 403).is_retryable());
        assert!(service(Some("ThrottlingException"), None, 429).is_retryable());
        assert!(service(Some("LimitExceededException"), None, 400).is_retryable());
        assert!(service(None, None, 503).is_retryable());
        assert!(service(Some("InternalServerException"), None, 500).is_retryable());
        assert!(service(Some("RequestTimeout"), None, 400).is_retryable());
        let timeout: Error<UnhandledError> = TimeoutError::attempt(Duration::from_secs(1)).into();
        assert!(timeout.is_retryable());
        let io: Error<UnhandledError> = ConnectorError::io(std::io::Error::other("reset")).into();
        assert!(io.is_retryable());
        let other: Error<UnhandledError> = ConnectorError::other("bad tls config").into();
        assert!(!other.is_retryable());
        let parse: Error<UnhandledError> =
            ResponseParseError::new(200u16, Bytes::new(), "bad json").into();
        assert!(!parse.is_retryable());
        assert_eq!(parse.http_status(), Some(200));
    }

    #[test]
    fn error_is_send_sync_static() {
        fn assert_bounds<T: std::error::Error + Send + Sync + 'static>() {}
        assert_bounds::<Error<UnhandledError>>();
    }

    #[test]
    fn debug_never_shows_the_body() {
        let err = service(Some("ValidationException"), Some("m"), 400);
        let shown = format!("{err:?}");
        assert!(!shown.contains("top secret body"), "{shown}");
    }

    #[test]
    fn map_service_error_keeps_other_variants() {
        let err = service(Some("X"), None, 400).map_service_error(|e| e.meta().clone());
        assert_eq!(err.code(), Some("X"));
        let err: Error<UnhandledError> = TimeoutError::operation(Duration::from_secs(1)).into();
        assert!(matches!(
            err.map_service_error(|e| e.meta().clone()),
            Error::Timeout(_)
        ));
    }
}
