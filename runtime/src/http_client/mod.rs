//! The [`HttpClient`] trait the runtime sends requests through, its error type
//! [`ConnectorError`], the default reqwest transport and in-memory transports for tests.

mod connector_error;
mod fn_client;
mod replay;
#[cfg(feature = "reqwest")]
mod reqwest_client;

pub use connector_error::{ConnectorError, ConnectorErrorKind};
pub use fn_client::FnHttpClient;
pub use replay::ReplayClient;
#[cfg(feature = "reqwest")]
pub use reqwest_client::{ReqwestClient, ReqwestClientBuilder};

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
