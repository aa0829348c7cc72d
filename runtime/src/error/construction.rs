//! [`ConstructionError`]: the request could not be built or authorised, so nothing was sent
//! (invalid input, missing credentials or region, endpoint resolution or signing failures).

use std::borrow::Cow;
use std::error::Error as StdError;
use std::fmt;

type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// Why a request could not be constructed.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConstructionErrorKind {
    /// An input member is missing or invalid.
    InvalidInput,
    /// No credentials provider is configured, or it failed to provide credentials.
    Credentials,
    /// No region is configured.
    Region,
    /// The endpoint could not be resolved, or the resolved endpoint is not usable.
    Endpoint,
    /// No HTTP client is configured (the `default-https-client` feature is off and none was given).
    HttpClient,
    /// The request could not be signed.
    Signing,
    /// Anything else.
    Other,
}

/// The request could not be built, so nothing was sent.
pub struct ConstructionError {
    kind: ConstructionErrorKind,
    field: Option<Cow<'static, str>>,
    reason: Cow<'static, str>,
    source: Option<BoxError>,
}

impl ConstructionError {
    fn new(
        kind: ConstructionErrorKind,
        field: Option<Cow<'static, str>>,
        reason: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            kind,
            field,
            reason: reason.into(),
            source: None,
        }
    }

    /// A required input member was not set.
    pub fn missing_field(field: impl Into<Cow<'static, str>>) -> Self {
        Self::new(
            ConstructionErrorKind::InvalidInput,
            Some(field.into()),
            "is required but was not set",
        )
    }

    /// An input member has a value that cannot be sent; `reason` says why.
    pub fn invalid_field(
        field: impl Into<Cow<'static, str>>,
        reason: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::new(
            ConstructionErrorKind::InvalidInput,
            Some(field.into()),
            reason,
        )
    }

    /// Invalid input that is not tied to one member.
    pub fn other(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ConstructionErrorKind::InvalidInput, None, message)
    }

    /// No credentials provider is configured.
    pub fn no_credentials_provider() -> Self {
        Self::new(
            ConstructionErrorKind::Credentials,
            None,
            "no credentials provider is configured; set one with \
             `Config::builder().credentials_provider(..)` or set the AWS_ACCESS_KEY_ID and \
             AWS_SECRET_ACCESS_KEY environment variables",
        )
    }

    /// The credentials provider failed.
    pub fn credentials(source: impl Into<BoxError>) -> Self {
        Self::new(
            ConstructionErrorKind::Credentials,
            None,
            "the credentials provider failed to provide credentials",
        )
        .with_source(source)
    }

    /// No region is configured.
    pub fn no_region() -> Self {
        Self::new(
            ConstructionErrorKind::Region,
            None,
            "no region is configured; set one with `Config::builder().region(..)` or the \
             AWS_REGION environment variable",
        )
    }

    /// The endpoint could not be resolved or is not usable.
    pub fn endpoint(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ConstructionErrorKind::Endpoint, None, message)
    }

    /// No HTTP client is configured.
    pub fn no_http_client() -> Self {
        Self::new(
            ConstructionErrorKind::HttpClient,
            None,
            "no HTTP client is configured; enable the `default-https-client` feature or set one with \
             `Config::builder().http_client(..)`",
        )
    }

    /// Signing failed.
    pub fn signing(source: impl Into<BoxError>) -> Self {
        Self::new(
            ConstructionErrorKind::Signing,
            None,
            "the request could not be signed",
        )
        .with_source(source)
    }

    /// Any other reason a request could not be built.
    pub fn unexpected(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ConstructionErrorKind::Other, None, message)
    }

    /// Attaches the underlying cause.
    pub fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// The kind of failure.
    pub fn kind(&self) -> ConstructionErrorKind {
        self.kind
    }

    /// The input member at fault, if the failure is about one (model wire name).
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }

    /// Why the request could not be built.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// True when the failure is about credentials.
    pub fn is_credentials_error(&self) -> bool {
        self.kind == ConstructionErrorKind::Credentials
    }
}

impl fmt::Debug for ConstructionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConstructionError")
            .field("kind", &self.kind)
            .field("field", &self.field)
            .field("reason", &self.reason)
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for ConstructionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ConstructionErrorKind::InvalidInput => f.write_str("invalid input: ")?,
            ConstructionErrorKind::Credentials => f.write_str("missing credentials: ")?,
            ConstructionErrorKind::Region => f.write_str("missing region: ")?,
            ConstructionErrorKind::Endpoint => f.write_str("endpoint error: ")?,
            ConstructionErrorKind::HttpClient => f.write_str("no HTTP client: ")?,
            ConstructionErrorKind::Signing => f.write_str("signing error: ")?,
            ConstructionErrorKind::Other => f.write_str("request not sent: ")?,
        }
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        f.write_str(&self.reason)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl StdError for ConstructionError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.source
            .as_ref()
            .map(|s| s.as_ref() as &(dyn StdError + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_field_reads_well() {
        let err = ConstructionError::missing_field("datasetId");
        assert_eq!(
            err.to_string(),
            "invalid input: field `datasetId`: is required but was not set"
        );
        assert_eq!(err.field(), Some("datasetId"));
        assert_eq!(err.kind(), ConstructionErrorKind::InvalidInput);
    }

    #[test]
    fn invalid_field_and_other() {
        let err = ConstructionError::invalid_field("maxResults", "must be at least 1");
        assert_eq!(
            err.to_string(),
            "invalid input: field `maxResults`: must be at least 1"
        );
        let err = ConstructionError::other(String::from("bad"));
        assert_eq!(err.to_string(), "invalid input: bad");
        assert_eq!(err.field(), None);
    }

    #[test]
    fn credentials_error_keeps_its_source() {
        let err = ConstructionError::credentials("profile not found");
        assert!(err.is_credentials_error());
        assert!(err.to_string().contains("profile not found"));
        assert_eq!(
            StdError::source(&err).map(ToString::to_string),
            Some("profile not found".to_owned())
        );
        assert!(ConstructionError::no_credentials_provider().is_credentials_error());
        assert!(ConstructionError::no_region()
            .to_string()
            .starts_with("missing region"));
    }
}
