//! [`ConnectorError`]: why an [`HttpClient`](super::HttpClient) could not complete a request.

use std::error::Error as StdError;
use std::fmt;

type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// The broad class of a transport failure; decides whether the runtime retries.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConnectorErrorKind {
    /// Connecting, writing or reading failed (retried).
    Io,
    /// The transport's own timeout fired, e.g. the connect timeout (retried).
    Timeout,
    /// Anything else, e.g. an invalid request or TLS configuration (not retried).
    Other,
}

/// A transport failure reported by an [`HttpClient`](super::HttpClient).
#[derive(Debug)]
pub struct ConnectorError {
    kind: ConnectorErrorKind,
    source: BoxError,
}

impl ConnectorError {
    /// An I/O failure (connection refused or reset, DNS failure, ...).
    pub fn io(source: impl Into<BoxError>) -> Self {
        Self::new(ConnectorErrorKind::Io, source)
    }

    /// A timeout inside the transport (connect timeout, ...).
    pub fn timeout(source: impl Into<BoxError>) -> Self {
        Self::new(ConnectorErrorKind::Timeout, source)
    }

    /// Any other failure.
    pub fn other(source: impl Into<BoxError>) -> Self {
        Self::new(ConnectorErrorKind::Other, source)
    }

    /// A failure of the given kind.
    pub fn new(kind: ConnectorErrorKind, source: impl Into<BoxError>) -> Self {
        Self {
            kind,
            source: source.into(),
        }
    }

    /// The class of failure.
    pub fn kind(&self) -> ConnectorErrorKind {
        self.kind
    }

    /// True for I/O failures.
    pub fn is_io(&self) -> bool {
        self.kind == ConnectorErrorKind::Io
    }

    /// True for transport timeouts.
    pub fn is_timeout(&self) -> bool {
        self.kind == ConnectorErrorKind::Timeout
    }

    /// Whether the runtime retries this failure (I/O errors and timeouts).
    pub fn is_retryable(&self) -> bool {
        matches!(
            self.kind,
            ConnectorErrorKind::Io | ConnectorErrorKind::Timeout
        )
    }
}

impl fmt::Display for ConnectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ConnectorErrorKind::Io => "I/O error",
            ConnectorErrorKind::Timeout => "timed out",
            ConnectorErrorKind::Other => "HTTP client error",
        };
        write!(f, "{what}: {}", self.source)
    }
}

impl StdError for ConnectorError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(self.source.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_retryability() {
        let io = ConnectorError::io(std::io::Error::other("reset"));
        assert!(io.is_io() && io.is_retryable());
        assert_eq!(io.to_string(), "I/O error: reset");
        let timeout = ConnectorError::timeout("connect timeout");
        assert!(timeout.is_timeout() && timeout.is_retryable());
        let other = ConnectorError::other("bad request");
        assert_eq!(other.kind(), ConnectorErrorKind::Other);
        assert!(!other.is_retryable());
        assert!(other.source().is_some());
    }
}
