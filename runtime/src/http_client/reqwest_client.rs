//! [`ReqwestClient`]: the default [`HttpClient`], reqwest with rustls, pooled connections,
//! a connect timeout and no redirects.

use super::{ConnectorError, HttpClient};
use crate::{BoxFuture, HttpRequest, HttpResponse};
use std::sync::Arc;
use std::time::Duration;

/// The default transport: one pooled `reqwest::Client` (rustls TLS), shared by every clone.
#[derive(Clone, Debug)]
pub struct ReqwestClient {
    inner: Result<reqwest::Client, Arc<reqwest::Error>>,
}

impl ReqwestClient {
    /// A client with the default connect timeout (3.1 seconds).
    pub fn new() -> Self {
        Self::builder().build()
    }

    /// A builder for a client with custom settings.
    pub fn builder() -> ReqwestClientBuilder {
        ReqwestClientBuilder {
            connect_timeout: Some(crate::timeout::DEFAULT_CONNECT_TIMEOUT),
        }
    }

    /// Uses an already configured `reqwest::Client`. It should not follow redirects.
    pub fn from_client(client: reqwest::Client) -> Self {
        Self { inner: Ok(client) }
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, ConnectorError> {
        let client = match &self.inner {
            Ok(client) => client,
            Err(e) => return Err(ConnectorError::other(SharedError(e.clone()))),
        };
        let request = reqwest::Request::try_from(request).map_err(ConnectorError::other)?;
        let response = client.execute(request).await.map_err(classify)?;
        let mut builder = http::Response::builder()
            .status(response.status())
            .version(response.version());
        if let Some(headers) = builder.headers_mut() {
            *headers = response.headers().clone();
        }
        let body = response.bytes().await.map_err(classify)?;
        builder.body(body).map_err(ConnectorError::other)
    }
}

impl Default for ReqwestClient {
    fn default() -> Self {
        Self::new()
    }
}

impl HttpClient for ReqwestClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, ConnectorError>> {
        Box::pin(self.send(request))
    }
}

/// Settings for a [`ReqwestClient`].
#[derive(Clone, Debug)]
pub struct ReqwestClientBuilder {
    connect_timeout: Option<Duration>,
}

impl ReqwestClientBuilder {
    /// Sets (or with `None` removes) the connect timeout.
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.connect_timeout = timeout.into();
        self
    }

    /// Builds the client. A TLS initialisation failure is reported by every call rather than
    /// here, so building never fails.
    pub fn build(self) -> ReqwestClient {
        let mut builder = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none());
        if let Some(timeout) = self.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        ReqwestClient {
            inner: builder.build().map_err(Arc::new),
        }
    }
}

fn classify(err: reqwest::Error) -> ConnectorError {
    if err.is_timeout() {
        ConnectorError::timeout(err)
    } else if err.is_connect() || err.is_request() || err.is_body() {
        ConnectorError::io(err)
    } else {
        ConnectorError::other(err)
    }
}

/// A build error shared by every call of a client that failed to initialise.
#[derive(Debug)]
struct SharedError(Arc<reqwest::Error>);

impl std::fmt::Display for SharedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the HTTP client could not be initialised: {}", self.0)
    }
}

impl std::error::Error for SharedError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(self.0.as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// Serves one canned response on loopback and returns what the client sent.
    fn serve_once(response: &'static [u8]) -> (String, std::thread::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let handle = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut buf = vec![0u8; 8192];
            let mut seen = Vec::new();
            loop {
                let n = stream.read(&mut buf).unwrap();
                seen.extend_from_slice(&buf[..n]);
                let text = String::from_utf8_lossy(&seen);
                if let Some(end) = text.find("\r\n\r\n") {
                    let len = text
                        .lines()
                        .find_map(|l| l.strip_prefix("content-length: "))
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(0);
                    if seen.len() >= end + 4 + len {
                        break;
                    }
                }
                if n == 0 {
                    break;
                }
            }
            stream.write_all(response).unwrap();
            String::from_utf8_lossy(&seen).into_owned()
        });
        (format!("http://{addr}"), handle)
    }

    #[tokio::test]
    async fn sends_and_reads_over_loopback() {
        let (base, server) = serve_once(
            b"HTTP/1.1 201 Created\r\nx-amzn-RequestId: r1\r\ncontent-length: 2\r\n\r\n{}",
        );
        let request = http::Request::builder()
            .method("POST")
            .uri(format!("{base}/a%20b?x=1"))
            .header("content-type", "application/json")
            .header("host", "signed-host.example:1234")
            .body(Bytes::from_static(b"{\"k\":1}"))
            .unwrap();
        let response = ReqwestClient::new().call(request).await.unwrap();
        assert_eq!(response.status(), 201);
        assert_eq!(response.headers()["x-amzn-requestid"], "r1");
        assert_eq!(response.body().as_ref(), b"{}");
        let seen = server.join().unwrap();
        assert!(seen.starts_with("POST /a%20b?x=1 HTTP/1.1\r\n"), "{seen}");
        assert!(seen.ends_with("{\"k\":1}"), "{seen}");
        let hosts: Vec<_> = seen
            .lines()
            .filter(|l| l.to_ascii_lowercase().starts_with("host:"))
            .collect();
        assert_eq!(hosts.len(), 1, "{seen}");
        assert!(hosts[0].ends_with("signed-host.example:1234"), "{seen}");
    }

    #[tokio::test]
    async fn connection_refused_is_an_io_error() {
        let addr = {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap()
        };
        let request = http::Request::builder()
            .uri(format!("http://{addr}/"))
            .body(Bytes::new())
            .unwrap();
        let err = ReqwestClient::builder()
            .connect_timeout(Duration::from_secs(2))
            .build()
            .call(request)
            .await
            .unwrap_err();
        assert!(err.is_retryable(), "{err:?}");
    }
}
