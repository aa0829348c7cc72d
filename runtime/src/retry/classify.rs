//! Which outcomes are retried in standard mode: 500/502/503/504 and 429 statuses, throttling
//! and transient error codes, I/O failures and timeouts. Other 4xx responses never are.

use crate::http_client::ConnectorError;
use crate::HttpResponse;

/// Error codes that mean "slow down" (the union the AWS SDKs use).
pub const THROTTLING_ERROR_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes of transient failures.
pub const TRANSIENT_ERROR_CODES: &[&str] = &[
    "RequestTimeout",
    "RequestTimeoutException",
    "PriorRequestNotComplete",
];

/// HTTP statuses that are retried whatever the error code.
pub const RETRYABLE_STATUSES: &[u16] = &[429, 500, 502, 503, 504];

/// Why an outcome is retried; decides the retry-quota cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryReason {
    /// A throttling error code.
    Throttling,
    /// A transient error code or a retryable status.
    Transient,
    /// An I/O failure or a timeout.
    TransportOrTimeout,
}

/// True for the statuses in [`RETRYABLE_STATUSES`].
pub fn is_retryable_status(status: u16) -> bool {
    RETRYABLE_STATUSES.contains(&status)
}

/// True for throttling or transient error codes.
pub fn is_retryable_error_code(code: &str) -> bool {
    is_throttling_error_code(code) || TRANSIENT_ERROR_CODES.contains(&code)
}

/// True for throttling error codes.
pub fn is_throttling_error_code(code: &str) -> bool {
    THROTTLING_ERROR_CODES.contains(&code)
}

/// Classifies a response: `None` when it must not be retried (success or a non-retryable
/// error).
pub fn classify_response(response: &HttpResponse) -> Option<RetryReason> {
    let status = response.status();
    if status.is_success() || status.is_informational() || status.is_redirection() {
        return None;
    }
    let meta = crate::wire::error_metadata(response);
    if let Some(code) = meta.code() {
        if is_throttling_error_code(code) {
            return Some(RetryReason::Throttling);
        }
        if TRANSIENT_ERROR_CODES.contains(&code) {
            return Some(RetryReason::Transient);
        }
    }
    if status.as_u16() == 429 {
        return Some(RetryReason::Throttling);
    }
    is_retryable_status(status.as_u16()).then_some(RetryReason::Transient)
}

/// Classifies a transport failure: I/O errors and transport timeouts are retried.
pub fn classify_connector_error(error: &ConnectorError) -> Option<RetryReason> {
    error
        .is_retryable()
        .then_some(RetryReason::TransportOrTimeout)
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn response(status: u16, error_type: Option<&str>, body: &str) -> HttpResponse {
        let mut builder = http::Response::builder().status(status);
        if let Some(t) = error_type {
            builder = builder.header("x-amzn-ErrorType", t);
        }
        builder
            .body(Bytes::copy_from_slice(body.as_bytes()))
            .unwrap()
    }

    #[test]
    fn statuses() {
        for status in [500, 502, 503, 504] {
            assert_eq!(
                classify_response(&response(status, None, "")),
                Some(RetryReason::Transient),
                "{status}"
            );
        }
        assert_eq!(
            classify_response(&response(429, None, "")),
            Some(RetryReason::Throttling)
        );
        for status in [200, 201, 204, 301, 400, 401, 403, 404, 409, 413, 501] {
            assert_eq!(
                classify_response(&response(status, None, "")),
                None,
                "{status}"
            );
        }
    }

    #[test]
    fn codes_from_header_and_body() {
        assert_eq!(
            classify_response(&response(400, Some("ThrottlingException:http://x"), "")),
            Some(RetryReason::Throttling)
        );
        assert_eq!(
            classify_response(&response(400, None, r#"{"__type":"a.b#SlowDown"}"#)),
            Some(RetryReason::Throttling)
        );
        assert_eq!(
            classify_response(&response(400, None, r#"{"code":"RequestTimeout"}"#)),
            Some(RetryReason::Transient)
        );
        assert_eq!(
            classify_response(&response(400, Some("ValidationException"), "")),
            None
        );
        assert_eq!(
            classify_response(&response(
                403,
                None,
                r#"{"__type":"AccessDeniedException"}"#
            )),
            None
        );
        // A non-retryable code does not stop a retryable status.
        assert_eq!(
            classify_response(&response(503, Some("InternalServerException"), "")),
            Some(RetryReason::Transient)
        );
    }

    #[test]
    fn every_listed_code_is_retryable() {
        for code in THROTTLING_ERROR_CODES.iter().chain(TRANSIENT_ERROR_CODES) {
            assert!(is_retryable_error_code(code), "{code}");
        }
        assert!(!is_retryable_error_code("ValidationException"));
        assert!(!is_retryable_error_code("ResourceNotFoundException"));
        assert!(!is_retryable_error_code("throttlingexception"));
    }

    #[test]
    fn connector_errors() {
        assert_eq!(
            classify_connector_error(&ConnectorError::io("reset")),
            Some(RetryReason::TransportOrTimeout)
        );
        assert_eq!(
            classify_connector_error(&ConnectorError::timeout("connect")),
            Some(RetryReason::TransportOrTimeout)
        );
        assert_eq!(
            classify_connector_error(&ConnectorError::other("bad uri")),
            None
        );
    }
}
