//! [`FnHttpClient`]: an [`HttpClient`] backed by a closure, for tests that need to compute
//! responses, delay them or fail.

use super::{ConnectorError, HttpClient};
use crate::{BoxFuture, HttpRequest, HttpResponse};
use std::fmt;
use std::future::Future;
use std::sync::Arc;

type Handler =
    dyn Fn(HttpRequest) -> BoxFuture<'static, Result<HttpResponse, ConnectorError>> + Send + Sync;

/// Calls a closure for every request.
#[derive(Clone)]
pub struct FnHttpClient {
    handler: Arc<Handler>,
}

impl FnHttpClient {
    /// A client whose responses are produced by `f`.
    pub fn new<F, Fut>(f: F) -> Self
    where
        F: Fn(HttpRequest) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<HttpResponse, ConnectorError>> + Send + 'static,
    {
        Self {
            handler: Arc::new(move |request| Box::pin(f(request))),
        }
    }
}

impl fmt::Debug for FnHttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("FnHttpClient")
    }
}

impl HttpClient for FnHttpClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, ConnectorError>> {
        (self.handler)(request)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    #[tokio::test]
    async fn calls_the_closure() {
        let client = FnHttpClient::new(|request: HttpRequest| async move {
            Ok(http::Response::builder()
                .status(200)
                .body(Bytes::from(request.uri().path().to_owned()))
                .unwrap())
        });
        let request = http::Request::builder()
            .uri("https://example.com/echo")
            .body(Bytes::new())
            .unwrap();
        let response = client.call(request).await.unwrap();
        assert_eq!(response.body().as_ref(), b"/echo");
        assert_eq!(format!("{client:?}"), "FnHttpClient");
    }
}
