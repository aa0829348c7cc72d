//! [`SmithyHttpClient`]: this crate's [`HttpClient`] seen as an aws-smithy
//! `HttpClient`, so aws-config's providers that need HTTP (SSO, IMDS, STS web identity, ECS)
//! send through the same transport as the SDK instead of bringing a second HTTP stack.

use crate::http_client::{ConnectorError, ConnectorErrorKind, HttpClient, SharedHttpClient};
use aws_smithy_runtime_api::client::http::{
    HttpClient as SmithyClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings,
    SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError as SmithyError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use bytes::Bytes;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// Builds a client with the given connect timeout.
type MakeClient = fn(Duration) -> SharedHttpClient;

/// An aws-smithy `HttpClient` over an [`HttpClient`] of this crate. Pass it to
/// `aws_config::ConfigLoader::http_client`. Request bodies must be in memory.
#[derive(Clone)]
pub struct SmithyHttpClient {
    client: SharedHttpClient,
    /// When set, a connect timeout in the connector settings gets its own client.
    make: Option<MakeClient>,
    by_timeout: Arc<Mutex<HashMap<Duration, SharedHttpConnector>>>,
}

impl SmithyHttpClient {
    /// Sends every request through `client`; connector settings are not applied.
    pub fn new(client: impl HttpClient) -> Self {
        Self {
            client: Arc::new(client),
            make: None,
            by_timeout: Arc::default(),
        }
    }

    /// Also honours the connect timeout aws-config asks for (IMDS, for example, wants a short
    /// one) with a client from `make`, built once per distinct timeout.
    pub fn with_connect_timeouts(mut self, make: fn(Duration) -> SharedHttpClient) -> Self {
        self.make = Some(make);
        self
    }
}

impl fmt::Debug for SmithyHttpClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SmithyHttpClient")
            .field("client", &self.client)
            .finish_non_exhaustive()
    }
}

impl SmithyClient for SmithyHttpClient {
    fn http_connector(
        &self,
        settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        let (Some(make), Some(timeout)) = (self.make, settings.connect_timeout()) else {
            return SharedHttpConnector::new(Connector(self.client.clone()));
        };
        let mut cache = self
            .by_timeout
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        cache
            .entry(timeout)
            .or_insert_with(|| SharedHttpConnector::new(Connector(make(timeout))))
            .clone()
    }
}

/// One aws-smithy connector: converts, sends, converts back.
#[derive(Debug)]
struct Connector(SharedHttpClient);

impl HttpConnector for Connector {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let client = self.0.clone();
        HttpConnectorFuture::new(async move {
            let request = to_http(request)?;
            let response = client.call(request).await.map_err(to_smithy_error)?;
            HttpResponse::try_from(response.map(SdkBody::from))
                .map_err(|e| SmithyError::other(e.into(), None))
        })
    }
}

fn to_http(request: HttpRequest) -> Result<crate::HttpRequest, SmithyError> {
    let request = request
        .try_into_http1x()
        .map_err(|e| SmithyError::other(e.into(), None))?;
    let (parts, body) = request.into_parts();
    let body = match body.bytes() {
        Some(bytes) => Bytes::copy_from_slice(bytes),
        None => {
            let msg = "streaming request bodies cannot be sent through sdk-runtime's HttpClient";
            return Err(SmithyError::other(msg.into(), None));
        }
    };
    Ok(http::Request::from_parts(parts, body))
}

fn to_smithy_error(err: ConnectorError) -> SmithyError {
    match err.kind() {
        ConnectorErrorKind::Timeout => SmithyError::timeout(err.into()),
        ConnectorErrorKind::Io => SmithyError::io(err.into()),
        ConnectorErrorKind::Other => SmithyError::other(err.into(), None),
    }
}

#[cfg(test)]
mod tests;
