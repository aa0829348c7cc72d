//! The [`HttpClient`] trait the runtime sends requests through, its error type
//! [`ConnectorError`], the default hyper transport and in-memory transports for tests.

mod connector_error;
mod fn_client;
#[cfg(feature = "default-https-client")]
mod hyper_client;
mod replay;

pub use connector_error::{ConnectorError, ConnectorErrorKind};
pub use fn_client::FnHttpClient;
#[cfg(feature = "default-https-client")]
pub use hyper_client::{HyperClient, HyperClientBuilder};
pub use replay::ReplayClient;

use crate::{BoxFuture, HttpRequest, HttpResponse};
use std::sync::Arc;

/// Sends one HTTP request and returns the full response. Implementations must not follow
/// redirects or retry; the runtime does that. Shared by all clones of a client, so it should
/// pool connections.
pub trait HttpClient: Send + Sync + std::fmt::Debug + 'static {
    /// Sends `request` and reads the whole response body.
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, ConnectorError>>;
}

impl<T: HttpClient + ?Sized> HttpClient for Arc<T> {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, ConnectorError>> {
        (**self).call(request)
    }
}

impl<T: HttpClient + ?Sized> HttpClient for Box<T> {
    fn call(&self, request: HttpRequest) -> BoxFuture<'_, Result<HttpResponse, ConnectorError>> {
        (**self).call(request)
    }
}

/// A reference-counted [`HttpClient`], as stored in [`Config`](crate::Config).
pub type SharedHttpClient = Arc<dyn HttpClient>;
