//! The rest-json protocol vectors. Each suite was generated into a client by `build.rs`; a
//! case's `params` go through that client's real serializer and `ClientHandle::invoke`
//! (signing included) to an in-memory HTTP client that records the request
//! ([`input`]), or a case's `response` is returned by that HTTP client and parsed by the real
//! response path ([`output`]).
//!
//! Test conventions from the protocol-test specification: requests go to
//! `https://example.com` (or the suite's `clientEndpoint`), and the idempotency token
//! provider returns `00000000-0000-4000-8000-000000000000`, the fixed token the vectors
//! assume for auto-filled tokens.

mod compare;
pub mod input;
pub mod output;

use std::sync::{Arc, Mutex};

use aws_credential_types::Credentials;
use sdk_runtime::{Config, HttpRequest, HttpResponse, RetryConfig};

/// The token the protocol tests expect an auto-filled idempotency token to be.
const TEST_IDEMPOTENCY_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

/// The endpoint requests go to unless a suite sets `clientEndpoint`.
const DEFAULT_ENDPOINT: &str = "https://example.com";

/// The suites of one file.
pub(crate) fn suites(text: &str) -> Result<Vec<serde_json::Value>, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// A client configuration whose HTTP client records each request and answers with
/// `response()`; no retries.
pub(crate) fn recording_config(
    endpoint: &str,
    response: impl Fn() -> HttpResponse + Send + Sync + 'static,
) -> (Config, Arc<Mutex<Vec<HttpRequest>>>) {
    let seen: Arc<Mutex<Vec<HttpRequest>>> = Arc::default();
    let record = seen.clone();
    let response = Arc::new(response);
    let http = sdk_runtime::FnHttpClient::new(move |request: HttpRequest| {
        if let Ok(mut list) = record.lock() {
            list.push(request);
        }
        let response = response.clone();
        async move { Ok(response()) }
    });
    let config = Config::builder()
        .region("us-east-1")
        .credentials_provider(Credentials::from_keys("AKID", "SECRET", None))
        .endpoint_url(endpoint)
        .retry_config(RetryConfig::standard().max_attempts(1))
        .idempotency_token_provider(|| TEST_IDEMPOTENCY_TOKEN.to_owned())
        .http_client(http)
        .build();
    (config, seen)
}

/// The endpoint of a suite.
pub(crate) fn endpoint_of(suite: &serde_json::Value) -> String {
    suite
        .get("clientEndpoint")
        .and_then(|e| e.as_str())
        .unwrap_or(DEFAULT_ENDPOINT)
        .to_owned()
}
