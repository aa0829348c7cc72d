//! [`ClientHandle`]: the shared state of a generated client (configuration, service facts,
//! cached endpoint rules, user agent, retry quota) and [`ClientHandle::invoke`], which sends
//! one operation: endpoint, headers, signing, retries, timeouts, tracing, then parsing.

mod attempt;
mod credentials_cache;
#[cfg(test)]
mod tests;

use crate::config::Config;
use crate::endpoint::{Endpoint, EndpointError, EndpointParams, EndpointResolver, Value};
use crate::error::{ConstructionError, Error, TimeoutError, TransportError};
use crate::http_client::ConnectorError;
use crate::operation::{build_request, CommonHeaders, OperationMeta, OperationRequest};
use crate::retry::{backoff, classify, quota::RetryQuota};
use crate::service::ServiceMeta;
use crate::user_agent::UserAgent;
use crate::HttpResponse;
use std::fmt;
use std::sync::OnceLock;
use tracing::Instrument;

/// Shared state of one client. Generated clients hold it in an `Arc`; it is `Send + Sync`.
pub struct ClientHandle {
    config: Config,
    service: &'static ServiceMeta,
    resolver: OnceLock<Result<EndpointResolver, EndpointError>>,
    endpoint: OnceLock<Result<Endpoint, EndpointError>>,
    user_agent: UserAgent,
    quota: RetryQuota,
    credentials_cache: credentials_cache::CredentialsCache,
}

/// Why no response is available (non-generic, so the retry loop is compiled once).
pub(crate) enum Failure {
    Construction(ConstructionError),
    Timeout(TimeoutError),
    Transport(ConnectorError),
}

impl From<ConstructionError> for Failure {
    fn from(e: ConstructionError) -> Self {
        Self::Construction(e)
    }
}

impl<E> From<Failure> for Error<E> {
    fn from(failure: Failure) -> Self {
        match failure {
            Failure::Construction(e) => Error::Construction(e),
            Failure::Timeout(e) => Error::Timeout(e),
            Failure::Transport(e) => Error::Transport(TransportError::new(e)),
        }
    }
}

/// What one signed attempt needs.
pub(crate) struct AttemptContext<'a> {
    pub(crate) client: &'a dyn crate::HttpClient,
    pub(crate) credentials: &'a aws_credential_types::provider::SharedCredentialsProvider,
    pub(crate) credentials_cache: &'a credentials_cache::CredentialsCache,
    pub(crate) signing_region: &'a str,
    pub(crate) signing_name: &'a str,
    pub(crate) max_attempts: u32,
    pub(crate) attempt_timeout: Option<std::time::Duration>,
}

impl ClientHandle {
    /// A handle for `service` with `config`. Never fails: invalid endpoint rules surface as
    /// a construction error when an operation is invoked.
    pub fn new(config: Config, service: &'static ServiceMeta) -> Self {
        let user_agent = UserAgent::new(service, config.app_name());
        Self {
            config,
            service,
            resolver: OnceLock::new(),
            endpoint: OnceLock::new(),
            user_agent,
            quota: RetryQuota::new(),
            credentials_cache: credentials_cache::CredentialsCache::default(),
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The service facts.
    pub fn service(&self) -> &'static ServiceMeta {
        self.service
    }

    /// The endpoint requests are sent to (resolved once, then cached).
    pub fn resolve_endpoint(&self) -> Result<Endpoint, ConstructionError> {
        self.endpoint().cloned()
    }

    fn endpoint(&self) -> Result<&Endpoint, ConstructionError> {
        self.endpoint
            .get_or_init(|| self.resolve_uncached())
            .as_ref()
            .map_err(|e| ConstructionError::endpoint(e.message().to_owned()))
    }

    fn resolve_uncached(&self) -> Result<Endpoint, EndpointError> {
        let resolver = self
            .resolver
            .get_or_init(|| {
                EndpointResolver::new(self.service.endpoint_rule_set, self.service.partitions)
            })
            .as_ref()
            .map_err(Clone::clone)?;
        let params = EndpointParams::new()
            .set_region(self.config.region().map(str::to_owned))
            .use_fips(self.config.use_fips())
            .use_dual_stack(self.config.use_dual_stack())
            .set_endpoint(self.config.endpoint_url().map(str::to_owned));
        let endpoint = resolver.resolve(&params)?;
        let plain_http = endpoint
            .url()
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"));
        if plain_http && self.config.endpoint_url().is_none() {
            return Err(EndpointError::new(format!(
                "the resolved endpoint `{}` uses plain http, which is allowed only for an \
                 explicitly configured endpoint URL",
                endpoint.url()
            )));
        }
        Ok(endpoint)
    }

    /// Sends one operation and parses the result.
    ///
    /// `request` is the serialized input (or why it could not be serialized); `parse` turns
    /// the final response, successful or not, into the output or an [`Error::Service`]. It is
    /// called once, with the response of the last attempt. Transport failures and timeouts
    /// of the last attempt are returned without calling it.
    pub async fn invoke<O, E>(
        &self,
        op: &'static OperationMeta,
        request: Result<OperationRequest, ConstructionError>,
        parse: impl Fn(&HttpResponse) -> Result<O, Error<E>> + Send,
    ) -> Result<O, Error<E>> {
        match self.dispatch(op, request).await {
            Ok(response) => parse(&response),
            Err(failure) => Err(failure.into()),
        }
    }

    /// The non-generic part of [`invoke`](Self::invoke): the operation span, the operation
    /// timeout and the retry loop, boxed so that its state machine is compiled once in this
    /// crate instead of once per operation in every generated crate. Never inlined, so the
    /// boxing (and with it the state machine's code) stays in this crate.
    #[inline(never)]
    fn dispatch(
        &self,
        op: &'static OperationMeta,
        request: Result<OperationRequest, ConstructionError>,
    ) -> crate::BoxFuture<'_, Result<HttpResponse, Failure>> {
        let span = tracing::debug_span!(
            "operation",
            service = self.service.service_id,
            operation = op.name
        );
        Box::pin(
            async move {
                let request = request?;
                match self.config.timeout_config().operation_timeout {
                    Some(limit) => tokio::time::timeout(limit, self.send(request))
                        .await
                        .unwrap_or_else(|_| {
                            tracing::debug!(?limit, "operation timed out");
                            Err(Failure::Timeout(TimeoutError::operation(limit)))
                        }),
                    None => self.send(request).await,
                }
            }
            .instrument(span),
        )
    }

    /// Checks the configuration, builds the request and runs the retry loop.
    async fn send(&self, request: OperationRequest) -> Result<HttpResponse, Failure> {
        let region = self
            .config
            .region()
            .ok_or_else(ConstructionError::no_region)?;
        let client = self
            .config
            .http_client()
            .ok_or_else(ConstructionError::no_http_client)?;
        let credentials = self
            .config
            .credentials_provider()
            .ok_or_else(ConstructionError::no_credentials_provider)?;
        let endpoint = self.endpoint()?;
        let (signing_name, signing_region) =
            signing_scope(endpoint, self.service.signing_name, region);
        let invocation_id = uuid::Uuid::new_v4().to_string();
        let base = build_request(
            request,
            endpoint.url(),
            &CommonHeaders {
                user_agent: &self.user_agent.user_agent,
                amz_user_agent: &self.user_agent.amz_user_agent,
                invocation_id: &invocation_id,
                endpoint_headers: endpoint.headers(),
            },
        )?;
        let retry = self.config.retry_config();
        let context = AttemptContext {
            client: client.as_ref(),
            credentials,
            credentials_cache: &self.credentials_cache,
            signing_region: &signing_region,
            signing_name: &signing_name,
            max_attempts: retry.max_attempts.max(1),
            attempt_timeout: self.config.timeout_config().attempt_timeout,
        };
        let mut last_retry_cost = None;
        let mut attempt = 1;
        loop {
            let outcome = attempt::run(&context, &base, attempt)
                .instrument(tracing::debug_span!("attempt", attempt))
                .await;
            let reason = match &outcome {
                Ok(response) => classify::classify_response(response),
                Err(Failure::Transport(e)) => classify::classify_connector_error(e),
                Err(Failure::Timeout(_)) => Some(classify::RetryReason::TransportOrTimeout),
                Err(Failure::Construction(_)) => None,
            };
            let Some(reason) = reason else {
                if outcome.as_ref().is_ok_and(|r| r.status().is_success()) {
                    self.quota.release(last_retry_cost);
                }
                return outcome;
            };
            if attempt >= context.max_attempts {
                tracing::debug!(?reason, attempt, "not retrying: no attempts left");
                return outcome;
            }
            let Some(cost) = self.quota.acquire(reason) else {
                tracing::debug!(?reason, attempt, "not retrying: retry quota exhausted");
                return outcome;
            };
            last_retry_cost = Some(cost);
            let delay = backoff::random_delay(retry, attempt);
            tracing::debug!(?reason, attempt, ?delay, "retrying after backoff");
            tokio::time::sleep(delay).await;
            attempt += 1;
        }
    }
}

/// The signing name and region: the endpoint's `sigv4` auth scheme may override them.
fn signing_scope(
    endpoint: &Endpoint,
    default_name: &str,
    default_region: &str,
) -> (String, String) {
    let scheme = match endpoint.property("authSchemes") {
        Some(Value::Array(schemes)) => schemes.iter().find_map(|s| match s {
            Value::Object(fields)
                if fields.get("name").and_then(Value::as_str) == Some("sigv4") =>
            {
                Some(fields)
            }
            _ => None,
        }),
        _ => None,
    };
    let field = |key: &str| {
        scheme
            .and_then(|fields| fields.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    (
        field("signingName").unwrap_or_else(|| default_name.to_owned()),
        field("signingRegion").unwrap_or_else(|| default_region.to_owned()),
    )
}

impl fmt::Debug for ClientHandle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientHandle")
            .field("service", &self.service.service_id)
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}
