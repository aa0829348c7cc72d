//! [`ResponseParseError`]: the service answered but the response could not be understood. The
//! HTTP status and raw body are kept for inspection but never printed.

use bytes::Bytes;
use std::error::Error as StdError;
use std::fmt;

type BoxError = Box<dyn StdError + Send + Sync + 'static>;

/// The response could not be parsed. Keeps the HTTP status and raw body (reachable through
/// [`ResponseParseError::body`]; `Debug` and `Display` only show its length).
pub struct ResponseParseError {
    status: u16,
    body: Bytes,
    source: BoxError,
}

impl ResponseParseError {
    /// A parse failure of a response with this status and body.
    pub fn new(status: impl Into<u16>, body: Bytes, source: impl Into<BoxError>) -> Self {
        Self {
            status: status.into(),
            body,
            source: source.into(),
        }
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The raw response body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }
}

impl fmt::Debug for ResponseParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseParseError")
            .field("status", &self.status)
            .field("body_len", &self.body.len())
            .field("source", &self.source)
            .finish()
    }
}

impl fmt::Display for ResponseParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not parse the response (HTTP {}, {} byte body): {}",
            self.status,
            self.body.len(),
            self.source
        )
    }
}

impl StdError for ResponseParseError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(self.source.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_status_and_body_but_does_not_print_the_body() {
        let err = ResponseParseError::new(
            http::StatusCode::OK,
            Bytes::from_static(b"{\"secret\": \"hunter2\""),
            "EOF while parsing",
        );
        assert_eq!(err.status(), 200);
        assert_eq!(err.body().as_ref(), b"{\"secret\": \"hunter2\"");
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("HTTP 200"));
        assert!(shown.contains("EOF while parsing"));
    }
}
