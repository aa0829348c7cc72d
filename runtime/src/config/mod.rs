//! [`Config`] and [`ConfigBuilder`]: region, credentials, endpoint settings, retries,
//! timeouts, HTTP client and application name; plus loading them from the environment or an
//! `aws_types::SdkConfig`.

mod env;
#[cfg(feature = "aws-types")]
mod sdk;
#[cfg(feature = "aws-config")]
mod smithy_http;

#[cfg(feature = "aws-config")]
pub use smithy_http::SmithyHttpClient;

pub use crate::retry::RetryConfig;
pub use crate::timeout::TimeoutConfig;

use crate::http_client::{HttpClient, SharedHttpClient};
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use std::fmt;
use std::sync::Arc;

/// Client configuration. Cheap to clone; `Debug` never shows credentials.
#[derive(Clone)]
pub struct Config {
    region: Option<String>,
    credentials_provider: Option<SharedCredentialsProvider>,
    endpoint_url: Option<String>,
    use_fips: bool,
    use_dual_stack: bool,
    retry_config: RetryConfig,
    timeout_config: TimeoutConfig,
    http_client: Option<SharedHttpClient>,
    app_name: Option<String>,
    idempotency_token_provider: Option<IdempotencyTokenProvider>,
}

/// Makes the idempotency tokens filled into unset `idempotencyToken` members.
pub type IdempotencyTokenProvider = Arc<dyn Fn() -> String + Send + Sync>;

impl Config {
    /// A builder with nothing set (standard retries, default timeouts).
    pub fn builder() -> ConfigBuilder {
        ConfigBuilder::default()
    }

    /// A builder pre-filled with this configuration.
    pub fn to_builder(&self) -> ConfigBuilder {
        ConfigBuilder {
            region: self.region.clone(),
            credentials_provider: self.credentials_provider.clone(),
            endpoint_url: self.endpoint_url.clone(),
            use_fips: self.use_fips,
            use_dual_stack: self.use_dual_stack,
            retry_config: self.retry_config,
            timeout_config: self.timeout_config,
            http_client: self.http_client.clone(),
            app_name: self.app_name.clone(),
            idempotency_token_provider: self.idempotency_token_provider.clone(),
        }
    }

    /// A token for an unset idempotency-token member: from the configured provider, else a
    /// fresh v4 UUID.
    pub fn idempotency_token(&self) -> String {
        match &self.idempotency_token_provider {
            Some(provider) => provider(),
            None => crate::wire::idempotency_token(),
        }
    }

    /// The region requests are signed for and sent to.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The credentials provider.
    pub fn credentials_provider(&self) -> Option<&SharedCredentialsProvider> {
        self.credentials_provider.as_ref()
    }

    /// The explicit endpoint URL, if any.
    pub fn endpoint_url(&self) -> Option<&str> {
        self.endpoint_url.as_deref()
    }

    /// Whether FIPS endpoints are used.
    pub fn use_fips(&self) -> bool {
        self.use_fips
    }

    /// Whether dual-stack endpoints are used.
    pub fn use_dual_stack(&self) -> bool {
        self.use_dual_stack
    }

    /// Retry settings.
    pub fn retry_config(&self) -> &RetryConfig {
        &self.retry_config
    }

    /// Timeout settings.
    pub fn timeout_config(&self) -> &TimeoutConfig {
        &self.timeout_config
    }

    /// The HTTP client (`None` only without the `default-https-client` feature when none was set).
    pub fn http_client(&self) -> Option<&SharedHttpClient> {
        self.http_client.as_ref()
    }

    /// The application name added to the user agent.
    pub fn app_name(&self) -> Option<&str> {
        self.app_name.as_deref()
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("region", &self.region)
            .field(
                "credentials_provider",
                &self.credentials_provider.as_ref().map(|_| "** set **"),
            )
            .field("endpoint_url", &self.endpoint_url)
            .field("use_fips", &self.use_fips)
            .field("use_dual_stack", &self.use_dual_stack)
            .field("retry_config", &self.retry_config)
            .field("timeout_config", &self.timeout_config)
            .field("http_client", &self.http_client)
            .field("app_name", &self.app_name)
            .field(
                "idempotency_token_provider",
                &self.idempotency_token_provider.as_ref().map(|_| "custom"),
            )
            .finish()
    }
}

/// Builder for [`Config`].
#[derive(Clone, Default)]
pub struct ConfigBuilder {
    region: Option<String>,
    credentials_provider: Option<SharedCredentialsProvider>,
    endpoint_url: Option<String>,
    use_fips: bool,
    use_dual_stack: bool,
    retry_config: RetryConfig,
    timeout_config: TimeoutConfig,
    http_client: Option<SharedHttpClient>,
    app_name: Option<String>,
    idempotency_token_provider: Option<IdempotencyTokenProvider>,
}

impl ConfigBuilder {
    /// Replaces how idempotency tokens are made (default: a v4 UUID per call), e.g. with a
    /// fixed token in tests. Every retry of one call still sends the same token.
    pub fn idempotency_token_provider(
        mut self,
        provider: impl Fn() -> String + Send + Sync + 'static,
    ) -> Self {
        self.idempotency_token_provider = Some(Arc::new(provider));
        self
    }

    /// Sets the region, e.g. `us-east-1`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sets or clears the region.
    pub fn set_region(mut self, region: Option<String>) -> Self {
        self.region = region;
        self
    }

    /// Sets the credentials provider (any `aws-credential-types` provider, including
    /// `Credentials` itself and the providers of `aws-config`).
    pub fn credentials_provider(mut self, provider: impl ProvideCredentials + 'static) -> Self {
        self.credentials_provider = Some(SharedCredentialsProvider::new(provider));
        self
    }

    /// Sets or clears an already shared credentials provider.
    pub fn set_credentials_provider(mut self, provider: Option<SharedCredentialsProvider>) -> Self {
        self.credentials_provider = provider;
        self
    }

    /// Sends requests to this URL instead of the resolved endpoint (`http://` is allowed
    /// here only). It may include a base path.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// Sets or clears the endpoint URL.
    pub fn set_endpoint_url(mut self, url: Option<String>) -> Self {
        self.endpoint_url = url;
        self
    }

    /// Uses FIPS endpoints.
    pub fn use_fips(mut self, on: bool) -> Self {
        self.use_fips = on;
        self
    }

    /// Uses dual-stack (IPv6) endpoints.
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.use_dual_stack = on;
        self
    }

    /// Sets the retry settings.
    pub fn retry_config(mut self, retry: RetryConfig) -> Self {
        self.retry_config = retry;
        self
    }

    /// Sets the timeouts. The connect timeout applies to the default HTTP client only.
    pub fn timeout_config(mut self, timeouts: TimeoutConfig) -> Self {
        self.timeout_config = timeouts;
        self
    }

    /// Sets the HTTP client.
    pub fn http_client(mut self, client: impl HttpClient) -> Self {
        self.http_client = Some(Arc::new(client));
        self
    }

    /// Sets or clears an already shared HTTP client.
    pub fn set_http_client(mut self, client: Option<SharedHttpClient>) -> Self {
        self.http_client = client;
        self
    }

    /// Adds `app/<name>` to the user agent.
    pub fn app_name(mut self, name: impl Into<String>) -> Self {
        self.app_name = Some(name.into());
        self
    }

    /// Finishes the configuration. Without an HTTP client, the `default-https-client` feature
    /// provides one using the configured connect timeout.
    pub fn build(self) -> Config {
        #[cfg(feature = "default-https-client")]
        let http_client = self.http_client.or_else(|| {
            let client = crate::http_client::HyperClient::builder()
                .connect_timeout(self.timeout_config.connect_timeout)
                .build();
            Some(Arc::new(client) as SharedHttpClient)
        });
        #[cfg(not(feature = "default-https-client"))]
        let http_client = self.http_client;
        Config {
            region: self.region,
            credentials_provider: self.credentials_provider,
            endpoint_url: self.endpoint_url,
            use_fips: self.use_fips,
            use_dual_stack: self.use_dual_stack,
            retry_config: self.retry_config,
            timeout_config: self.timeout_config,
            http_client,
            app_name: self.app_name,
            idempotency_token_provider: self.idempotency_token_provider,
        }
    }
}

impl fmt::Debug for ConfigBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConfigBuilder")
            .field("region", &self.region)
            .field(
                "credentials_provider",
                &self.credentials_provider.as_ref().map(|_| "** set **"),
            )
            .field("endpoint_url", &self.endpoint_url)
            .field("use_fips", &self.use_fips)
            .field("use_dual_stack", &self.use_dual_stack)
            .field("retry_config", &self.retry_config)
            .field("timeout_config", &self.timeout_config)
            .field("http_client", &self.http_client)
            .field("app_name", &self.app_name)
            .field(
                "idempotency_token_provider",
                &self.idempotency_token_provider.as_ref().map(|_| "custom"),
            )
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http_client::ReplayClient;
    use aws_credential_types::Credentials;
    use std::time::Duration;

    #[test]
    fn builder_sets_everything() {
        let config = Config::builder()
            .region("eu-west-1")
            .credentials_provider(Credentials::new("AKID", "SECRET", None, None, "test"))
            .endpoint_url("http://localhost:8000")
            .use_fips(true)
            .use_dual_stack(true)
            .retry_config(RetryConfig::standard().max_attempts(5))
            .timeout_config(TimeoutConfig::default().attempt_timeout(Duration::from_secs(3)))
            .http_client(ReplayClient::default())
            .app_name("my-app")
            .build();
        assert_eq!(config.region(), Some("eu-west-1"));
        assert!(config.credentials_provider().is_some());
        assert_eq!(config.endpoint_url(), Some("http://localhost:8000"));
        assert!(config.use_fips() && config.use_dual_stack());
        assert_eq!(config.retry_config().max_attempts, 5);
        assert_eq!(
            config.timeout_config().attempt_timeout,
            Some(Duration::from_secs(3))
        );
        assert!(config.http_client().is_some());
        assert_eq!(config.app_name(), Some("my-app"));
        let rebuilt = config.to_builder().set_region(None).build();
        assert_eq!(rebuilt.region(), None);
        assert_eq!(rebuilt.app_name(), Some("my-app"));
    }

    #[test]
    fn debug_hides_credentials() {
        let config = Config::builder()
            .credentials_provider(Credentials::new(
                "AKIDVISIBLE",
                "SUPERSECRET",
                Some("SESSIONTOKEN".into()),
                None,
                "test",
            ))
            .http_client(ReplayClient::default())
            .build();
        let shown = format!("{config:?} {:?}", config.to_builder());
        for secret in ["AKIDVISIBLE", "SUPERSECRET", "SESSIONTOKEN"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("** set **"));
    }

    #[test]
    fn defaults() {
        let config = Config::builder().build();
        assert_eq!(config.region(), None);
        assert!(config.credentials_provider().is_none());
        assert!(!config.use_fips() && !config.use_dual_stack());
        assert_eq!(*config.retry_config(), RetryConfig::standard());
        assert_eq!(*config.timeout_config(), TimeoutConfig::default());
        assert_eq!(
            config.http_client().is_some(),
            cfg!(feature = "default-https-client")
        );
    }
}
