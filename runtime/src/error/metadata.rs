//! Error metadata every service error carries (code, message, request id, HTTP status), the
//! [`ProvideErrorMetadata`] trait that exposes it, and [`UnhandledError`] for codes a model
//! does not list.

use std::fmt;

/// What is known about a service error from the HTTP response: the error code, the message,
/// the request id and the HTTP status. All parts are optional because servers may omit them.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ErrorMetadata {
    // Boxed so error types embedding the metadata stay small.
    inner: Box<Parts>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Parts {
    code: Option<String>,
    message: Option<String>,
    request_id: Option<String>,
    http_status: Option<u16>,
}

impl fmt::Debug for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ErrorMetadata")
            .field("code", &self.inner.code)
            .field("message", &self.inner.message)
            .field("request_id", &self.inner.request_id)
            .field("http_status", &self.inner.http_status)
            .finish()
    }
}

impl ErrorMetadata {
    /// Metadata from its parts.
    pub fn new(
        code: Option<String>,
        message: Option<String>,
        request_id: Option<String>,
        http_status: Option<u16>,
    ) -> Self {
        Self {
            inner: Box::new(Parts {
                code,
                message,
                request_id,
                http_status,
            }),
        }
    }

    /// A builder with every part unset.
    pub fn builder() -> ErrorMetadataBuilder {
        ErrorMetadataBuilder::default()
    }

    /// The error code, e.g. `ValidationException`.
    pub fn code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// The human-readable message the service sent.
    pub fn message(&self) -> Option<&str> {
        self.inner.message.as_deref()
    }

    /// The request id the service assigned (`x-amzn-RequestId`).
    pub fn request_id(&self) -> Option<&str> {
        self.inner.request_id.as_deref()
    }

    /// The HTTP status code of the response.
    pub fn http_status(&self) -> Option<u16> {
        self.inner.http_status
    }

    /// A builder pre-filled with this metadata.
    pub fn to_builder(&self) -> ErrorMetadataBuilder {
        ErrorMetadataBuilder {
            inner: self.clone(),
        }
    }
}

/// Writes `CODE: message` (or whichever parts exist), falling back to `unknown error`.
impl fmt::Display for ErrorMetadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.code(), self.message()) {
            (Some(code), Some(message)) => write!(f, "{code}: {message}"),
            (Some(code), None) => f.write_str(code),
            (None, Some(message)) => write!(f, "service error: {message}"),
            (None, None) => f.write_str("unknown service error"),
        }
    }
}

/// Builder for [`ErrorMetadata`].
#[derive(Clone, Debug, Default)]
pub struct ErrorMetadataBuilder {
    inner: ErrorMetadata,
}

impl ErrorMetadataBuilder {
    /// Sets the error code.
    pub fn code(mut self, code: impl Into<String>) -> Self {
        self.inner.inner.code = Some(code.into());
        self
    }

    /// Sets the message.
    pub fn message(mut self, message: impl Into<String>) -> Self {
        self.inner.inner.message = Some(message.into());
        self
    }

    /// Sets the request id.
    pub fn request_id(mut self, request_id: impl Into<String>) -> Self {
        self.inner.inner.request_id = Some(request_id.into());
        self
    }

    /// Sets the HTTP status.
    pub fn http_status(mut self, status: u16) -> Self {
        self.inner.inner.http_status = Some(status);
        self
    }

    /// Finishes the metadata.
    pub fn build(self) -> ErrorMetadata {
        self.inner
    }
}

/// Implemented by every service error type (generated error enums and [`UnhandledError`]).
pub trait ProvideErrorMetadata {
    /// The metadata read from the response.
    fn meta(&self) -> &ErrorMetadata;

    /// The error code, e.g. `ValidationException`.
    fn code(&self) -> Option<&str> {
        self.meta().code()
    }

    /// The message the service sent.
    fn message(&self) -> Option<&str> {
        self.meta().message()
    }

    /// The request id of the failed request.
    fn request_id(&self) -> Option<&str> {
        self.meta().request_id()
    }
}

impl ProvideErrorMetadata for ErrorMetadata {
    fn meta(&self) -> &ErrorMetadata {
        self
    }
}

/// A service error whose code the model does not list (or that has no code at all).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnhandledError {
    meta: ErrorMetadata,
}

impl UnhandledError {
    /// Wraps the metadata read from the response.
    pub fn new(meta: ErrorMetadata) -> Self {
        Self { meta }
    }

    /// The metadata read from the response.
    pub fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

impl fmt::Display for UnhandledError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.meta.code() {
            Some(_) => write!(f, "unhandled error {}", self.meta),
            None => match self.meta.message() {
                Some(message) => write!(f, "unhandled service error: {message}"),
                None => f.write_str("unhandled service error"),
            },
        }
    }
}

impl std::error::Error for UnhandledError {}

impl ProvideErrorMetadata for UnhandledError {
    fn meta(&self) -> &ErrorMetadata {
        &self.meta
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_sets_every_part() {
        let meta = ErrorMetadata::builder()
            .code("ValidationException")
            .message("bad")
            .request_id("req-1")
            .http_status(400)
            .build();
        assert_eq!(meta.code(), Some("ValidationException"));
        assert_eq!(meta.message(), Some("bad"));
        assert_eq!(meta.request_id(), Some("req-1"));
        assert_eq!(meta.http_status(), Some(400));
        assert_eq!(meta.to_builder().build(), meta);
    }

    #[test]
    fn stays_small() {
        assert_eq!(
            std::mem::size_of::<ErrorMetadata>(),
            std::mem::size_of::<usize>()
        );
        assert!(std::mem::size_of::<crate::Error<UnhandledError>>() <= 96);
    }

    #[test]
    fn display_uses_whichever_parts_exist() {
        let both = ErrorMetadata::new(Some("E".into()), Some("m".into()), None, None);
        assert_eq!(both.to_string(), "E: m");
        let code = ErrorMetadata::new(Some("E".into()), None, None, None);
        assert_eq!(code.to_string(), "E");
        let message = ErrorMetadata::new(None, Some("m".into()), None, None);
        assert_eq!(message.to_string(), "service error: m");
        assert_eq!(
            ErrorMetadata::default().to_string(),
            "unknown service error"
        );
    }

    #[test]
    fn unhandled_error_exposes_metadata() {
        let err = UnhandledError::new(
            ErrorMetadata::builder()
                .code("Weird")
                .message("odd")
                .request_id("r")
                .build(),
        );
        assert_eq!(err.code(), Some("Weird"));
        assert_eq!(ProvideErrorMetadata::message(&err), Some("odd"));
        assert_eq!(err.request_id(), Some("r"));
        assert_eq!(err.to_string(), "unhandled error Weird: odd");
        let bare = UnhandledError::new(ErrorMetadata::default());
        assert_eq!(bare.to_string(), "unhandled service error");
    }
}
