//! [`HyperClient`]: the default [`HttpClient`], hyper 1 over hyper-util's pooled client with
//! rustls (ring provider, the platform's root certificates), HTTP/1.1, a connect timeout and
//! no redirects. Both `http` and `https` URLs are accepted.

use super::{ConnectorError, HttpClient};
use crate::{BoxFuture, HttpRequest, HttpResponse};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_rustls::{ConfigBuilderExt, HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::{TokioExecutor, TokioTimer};
use rustls::ClientConfig;
use std::error::Error as StdError;
use std::sync::Arc;
use std::time::Duration;

type BoxError = Box<dyn StdError + Send + Sync + 'static>;
type Inner = Client<HttpsConnector<HttpConnector>, Full<Bytes>>;

/// The default transport: one pooled hyper client, shared by every clone.
#[derive(Clone, Debug)]
pub struct HyperClient {
    /// `Err` only when no TLS configuration could be built at all; every call reports it.
    inner: Result<Inner, SharedError>,
    /// Set when the platform's root certificates could not be loaded; `https` calls report it.
    tls_error: Option<SharedError>,
}

impl HyperClient {
    /// A client with the default connect timeout (3.1 seconds).
    pub fn new() -> Self {
        Self::builder().build()
    }

    /// A builder for a client with custom settings.
    pub fn builder() -> HyperClientBuilder {
        HyperClientBuilder {
            connect_timeout: Some(crate::timeout::DEFAULT_CONNECT_TIMEOUT),
        }
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, ConnectorError> {
        let client = self.inner.as_ref().map_err(|e| e.to_connector_error())?;
        if let Some(e) = &self.tls_error {
            if request.uri().scheme() == Some(&http::uri::Scheme::HTTPS) {
                return Err(e.to_connector_error());
            }
        }
        let response = client
            .request(request.map(Full::new))
            .await
            .map_err(|e| classify(e.into()))?;
        let (parts, body) = response.into_parts();
        let body = body
            .collect()
            .await
            .map_err(|e| classify(e.into()))?
            .to_bytes();
        Ok(http::Response::from_parts(parts, body))
    }
}

impl Default for HyperClient {
    fn default() -> Self {
        Self::new()
    }
}

impl HttpClient for HyperClient {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, ConnectorError>> {
        Box::pin(self.send(request))
    }
}

/// Settings for a [`HyperClient`].
#[derive(Clone, Debug)]
pub struct HyperClientBuilder {
    connect_timeout: Option<Duration>,
}

impl HyperClientBuilder {
    /// Sets (or with `None` removes) the connect timeout.
    pub fn connect_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.connect_timeout = timeout.into();
        self
    }

    /// Builds the client. A TLS initialisation failure (for example no root certificates on
    /// the machine) is reported by every affected call rather than here, so building never
    /// fails.
    pub fn build(self) -> HyperClient {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = match ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
        {
            Ok(builder) => builder,
            Err(e) => {
                return HyperClient {
                    inner: Err(SharedError(Arc::new(e.into()))),
                    tls_error: None,
                }
            }
        };
        // Without usable roots, keep plain `http` working and fail `https` calls.
        let (tls, tls_error) = match builder.clone().with_native_roots() {
            Ok(b) => (b.with_no_client_auth(), None),
            Err(e) => (
                builder
                    .with_root_certificates(rustls::RootCertStore::empty())
                    .with_no_client_auth(),
                Some(SharedError(Arc::new(e.into()))),
            ),
        };
        let mut http = HttpConnector::new();
        http.enforce_http(false);
        http.set_connect_timeout(self.connect_timeout);
        let connector = HttpsConnectorBuilder::new()
            .with_tls_config(tls)
            .https_or_http()
            .enable_http1()
            .wrap_connector(http);
        let client = Client::builder(TokioExecutor::new())
            .pool_timer(TokioTimer::new())
            .build(connector);
        HyperClient {
            inner: Ok(client),
            tls_error,
        }
    }
}

/// Timeouts anywhere in the error chain are timeouts; connect failures, I/O errors and
/// connections closed early are I/O (retried); anything else is not retried.
fn classify(err: BoxError) -> ConnectorError {
    let mut timeout = false;
    let mut io = false;
    let mut source: Option<&(dyn StdError + 'static)> = Some(err.as_ref());
    while let Some(e) = source {
        if let Some(e) = e.downcast_ref::<std::io::Error>() {
            timeout |= e.kind() == std::io::ErrorKind::TimedOut;
            io = true;
        } else if let Some(e) = e.downcast_ref::<hyper::Error>() {
            timeout |= e.is_timeout();
            io |= e.is_incomplete_message() || e.is_closed() || e.is_canceled();
        } else if let Some(e) = e.downcast_ref::<hyper_util::client::legacy::Error>() {
            io |= e.is_connect();
        }
        source = e.source();
    }
    if timeout {
        ConnectorError::timeout(err)
    } else if io {
        ConnectorError::io(err)
    } else {
        ConnectorError::other(err)
    }
}

/// An initialisation error shared by every call it affects.
#[derive(Clone, Debug)]
struct SharedError(Arc<BoxError>);

impl SharedError {
    fn to_connector_error(&self) -> ConnectorError {
        ConnectorError::other(self.clone())
    }
}

impl std::fmt::Display for SharedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TLS could not be initialised: {}", self.0)
    }
}

impl StdError for SharedError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(self.0.as_ref().as_ref())
    }
}

#[cfg(test)]
mod tests;
