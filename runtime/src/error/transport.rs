//! [`TransportError`]: the HTTP client failed to send the request or receive the response.

use crate::http_client::ConnectorError;
use std::fmt;

/// The request could not be sent or the response could not be received.
#[derive(Debug)]
pub struct TransportError {
    source: ConnectorError,
}

impl TransportError {
    /// Wraps the HTTP client's error.
    pub fn new(source: ConnectorError) -> Self {
        Self { source }
    }

    /// The HTTP client's error.
    pub fn connector_error(&self) -> &ConnectorError {
        &self.source
    }

    /// Unwraps the HTTP client's error.
    pub fn into_connector_error(self) -> ConnectorError {
        self.source
    }
}

impl From<ConnectorError> for TransportError {
    fn from(source: ConnectorError) -> Self {
        Self::new(source)
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "transport error: {}", self.source)
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::error::Error as _;

    #[test]
    fn display_includes_the_cause() {
        let err = TransportError::new(ConnectorError::io(std::io::Error::new(
            std::io::ErrorKind::ConnectionRefused,
            "refused",
        )));
        assert_eq!(err.to_string(), "transport error: I/O error: refused");
        assert!(err.source().is_some());
        assert!(err.connector_error().is_io());
    }
}
