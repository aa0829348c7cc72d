//! Configuration from an `aws_types::SdkConfig` (what `aws-config` loads), and
//! [`Config::load_from_env`] with the `aws-config` feature.

use super::{Config, ConfigBuilder};
use aws_types::SdkConfig;

impl Config {
    /// Configuration from a shared AWS `SdkConfig`: region, credentials provider, endpoint
    /// URL, FIPS/dual-stack, retry attempts and backoff, timeouts and app name. The
    /// `SdkConfig`'s HTTP client is not used (it is a different client abstraction); the
    /// default client of this crate is.
    pub fn from_sdk_config(sdk: &SdkConfig) -> Config {
        ConfigBuilder::from_sdk_config(sdk).build()
    }

    /// Loads the standard AWS configuration chain (environment, profiles, SSO, web
    /// identity, IMDS, ...) with `aws-config` and converts it. The providers that need HTTP
    /// send through this crate's default client (`default-https-client`); without that
    /// feature they have no HTTP client and report an error, and the rest of the chain
    /// (environment, profiles, `credential_process`) still works.
    #[cfg(feature = "aws-config")]
    pub async fn load_from_env() -> Config {
        load_from_env_boxed().await
    }
}

/// The loading future, boxed behind `dyn Future` here: aws-config's state machines are then
/// compiled once, in this crate, instead of in every binary that awaits `load_from_env`
/// (about half the code of a one-call binary). Never inlined, so the boxing stays here.
#[cfg(feature = "aws-config")]
#[inline(never)]
fn load_from_env_boxed() -> crate::BoxFuture<'static, Config> {
    Box::pin(async {
        let loader = aws_config::defaults(aws_config::BehaviorVersion::latest());
        #[cfg(feature = "default-https-client")]
        let loader = loader.http_client(default_smithy_client());
        let sdk = loader.load().await;
        Config::from_sdk_config(&sdk)
    })
}

/// `HyperClient` for aws-config, with the connect timeouts its providers ask for. It is a
/// separate pool from the SDK's own client, which takes its settings from the loaded config.
#[cfg(all(feature = "aws-config", feature = "default-https-client"))]
fn default_smithy_client() -> super::SmithyHttpClient {
    use crate::http_client::{HyperClient, SharedHttpClient};
    use std::sync::Arc;
    super::SmithyHttpClient::new(HyperClient::new()).with_connect_timeouts(|timeout| {
        Arc::new(HyperClient::builder().connect_timeout(timeout).build()) as SharedHttpClient
    })
}

impl ConfigBuilder {
    /// A builder pre-filled from an `SdkConfig`, see [`Config::from_sdk_config`].
    pub fn from_sdk_config(sdk: &SdkConfig) -> ConfigBuilder {
        let mut builder = ConfigBuilder::default()
            .set_region(sdk.region().map(|r| r.as_ref().to_owned()))
            .set_credentials_provider(sdk.credentials_provider())
            .set_endpoint_url(sdk.endpoint_url().map(str::to_owned))
            .use_fips(sdk.use_fips().unwrap_or(false))
            .use_dual_stack(sdk.use_dual_stack().unwrap_or(false));
        if let Some(retry) = sdk.retry_config() {
            builder.retry_config = builder
                .retry_config
                .max_attempts(retry.max_attempts())
                .initial_backoff(retry.initial_backoff())
                .max_backoff(retry.max_backoff());
        }
        if let Some(timeouts) = sdk.timeout_config() {
            let mut t = builder.timeout_config;
            if let Some(d) = timeouts.connect_timeout() {
                t = t.connect_timeout(d);
            }
            if let Some(d) = timeouts.operation_attempt_timeout() {
                t = t.attempt_timeout(d);
            }
            if let Some(d) = timeouts.operation_timeout() {
                t = t.operation_timeout(d);
            }
            builder.timeout_config = t;
        }
        if let Some(app) = sdk.app_name() {
            builder = builder.app_name(app.as_ref());
        }
        builder
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http_client::ReplayClient;
    use aws_credential_types::provider::SharedCredentialsProvider;
    use aws_credential_types::Credentials;
    use aws_types::app_name::AppName;
    use aws_types::region::Region;
    use std::time::Duration;

    #[test]
    fn converts_an_sdk_config() {
        let sdk = SdkConfig::builder()
            .region(Region::new("ap-southeast-2"))
            .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
                "AKID", "SECRET", None, None, "test",
            )))
            .endpoint_url("https://proxy.example.com")
            .use_fips(true)
            .retry_config(
                aws_types::sdk_config::RetryConfig::standard()
                    .with_max_attempts(6)
                    .with_initial_backoff(Duration::from_millis(10)),
            )
            .timeout_config(
                aws_types::sdk_config::TimeoutConfig::builder()
                    .connect_timeout(Duration::from_secs(1))
                    .operation_attempt_timeout(Duration::from_secs(2))
                    .operation_timeout(Duration::from_secs(9))
                    .build(),
            )
            .app_name(AppName::new("cool-app").unwrap())
            .build();
        let config = ConfigBuilder::from_sdk_config(&sdk)
            .http_client(ReplayClient::default())
            .build();
        assert_eq!(config.region(), Some("ap-southeast-2"));
        assert!(config.credentials_provider().is_some());
        assert_eq!(config.endpoint_url(), Some("https://proxy.example.com"));
        assert!(config.use_fips());
        assert!(!config.use_dual_stack());
        assert_eq!(config.retry_config().max_attempts, 6);
        assert_eq!(
            config.retry_config().initial_backoff,
            Duration::from_millis(10)
        );
        let t = config.timeout_config();
        assert_eq!(t.connect_timeout, Some(Duration::from_secs(1)));
        assert_eq!(t.attempt_timeout, Some(Duration::from_secs(2)));
        assert_eq!(t.operation_timeout, Some(Duration::from_secs(9)));
        assert_eq!(config.app_name(), Some("cool-app"));
    }

    #[test]
    fn empty_sdk_config_gives_defaults() {
        let config = Config::from_sdk_config(&SdkConfig::builder().build());
        assert_eq!(config.region(), None);
        assert!(config.credentials_provider().is_none());
        assert_eq!(*config.retry_config(), crate::RetryConfig::standard());
    }
}
