//! [`ReplayClient`]: an in-memory [`HttpClient`] for tests that answers with queued responses
//! in order and records every request it was given.

use super::{ConnectorError, HttpClient};
use crate::{BoxFuture, HttpRequest, HttpResponse};
use bytes::Bytes;
use std::collections::VecDeque;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Default)]
struct State {
    responses: VecDeque<Result<HttpResponse, ConnectorError>>,
    requests: Vec<HttpRequest>,
}

/// Answers each request with the next queued response (or transport error) and records the
/// request. Clones share the queue and the record, so keep a clone to inspect after handing
/// one to a [`Config`](crate::Config). When the queue is empty, calls fail with a
/// non-retryable [`ConnectorError`].
#[derive(Clone, Default)]
pub struct ReplayClient {
    state: Arc<Mutex<State>>,
}

impl ReplayClient {
    /// A client that will answer with `responses`, in order.
    pub fn new(responses: impl IntoIterator<Item = HttpResponse>) -> Self {
        let client = Self::default();
        for response in responses {
            client.push_response(response);
        }
        client
    }

    /// Queues a response.
    pub fn push_response(&self, response: HttpResponse) {
        self.lock().responses.push_back(Ok(response));
    }

    /// Queues a transport failure.
    pub fn push_error(&self, error: ConnectorError) {
        self.lock().responses.push_back(Err(error));
    }

    /// Copies of the requests received so far (extensions are not copied).
    pub fn requests(&self) -> Vec<HttpRequest> {
        self.lock()
            .requests
            .iter()
            .map(crate::clone_request)
            .collect()
    }

    /// How many requests were received.
    pub fn request_count(&self) -> usize {
        self.lock().requests.len()
    }

    /// How many queued responses are left.
    pub fn remaining(&self) -> usize {
        self.lock().responses.len()
    }

    /// A response with this status, headers and body, for building queues.
    ///
    /// # Panics
    /// If a header name or value is not valid HTTP (this is a test helper).
    pub fn response(status: u16, headers: &[(&str, &str)], body: &str) -> HttpResponse {
        let mut builder = http::Response::builder().status(status);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder
            .body(Bytes::copy_from_slice(body.as_bytes()))
            .expect("ReplayClient::response: invalid status or header")
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl fmt::Debug for ReplayClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = self.lock();
        f.debug_struct("ReplayClient")
            .field("queued", &state.responses.len())
            .field("received", &state.requests.len())
            .finish()
    }
}

impl HttpClient for ReplayClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, ConnectorError>> {
        let mut state = self.lock();
        state.requests.push(request);
        let next = state
            .responses
            .pop_front()
            .unwrap_or_else(|| Err(ConnectorError::other("ReplayClient has no more responses")));
        Box::pin(std::future::ready(next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn replays_in_order_and_records() {
        let client = ReplayClient::new([
            ReplayClient::response(500, &[], ""),
            ReplayClient::response(200, &[("x-a", "b")], "{}"),
        ]);
        client.push_error(ConnectorError::io("reset"));
        assert_eq!(client.remaining(), 3);
        let request = || {
            http::Request::builder()
                .uri("https://example.com/x")
                .body(Bytes::from_static(b"body"))
                .unwrap()
        };
        assert_eq!(client.call(request()).await.unwrap().status(), 500);
        let second = client.call(request()).await.unwrap();
        assert_eq!(second.headers()["x-a"], "b");
        assert!(client.call(request()).await.unwrap_err().is_io());
        let exhausted = client.call(request()).await.unwrap_err();
        assert!(!exhausted.is_retryable());
        assert_eq!(client.request_count(), 4);
        let recorded = client.requests();
        assert_eq!(recorded[0].uri(), "https://example.com/x");
        assert_eq!(recorded[0].body().as_ref(), b"body");
        assert_eq!(
            format!("{client:?}"),
            "ReplayClient { queued: 0, received: 4 }"
        );
    }
}
