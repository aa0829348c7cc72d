//! [`Config::from_env`]: configuration from the standard AWS environment variables, without
//! `aws-config`.

use super::{Config, ConfigBuilder};
use aws_credential_types::Credentials;

/// The provider name reported by credentials read from the environment.
const ENV_PROVIDER: &str = "Environment";

impl Config {
    /// Configuration from environment variables: `AWS_REGION` (or `AWS_DEFAULT_REGION`),
    /// `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, `AWS_ENDPOINT_URL`,
    /// `AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS` and
    /// `AWS_SDK_UA_APP_ID`. Unset or empty variables leave the setting unset.
    pub fn from_env() -> Config {
        ConfigBuilder::from_env().build()
    }
}

impl ConfigBuilder {
    /// A builder pre-filled from environment variables, see [`Config::from_env`].
    pub fn from_env() -> ConfigBuilder {
        from_lookup(|name| std::env::var(name).ok())
    }
}

/// Builds from any variable lookup (the environment, or a map in tests).
pub(crate) fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> ConfigBuilder {
    let var = |name: &str| lookup(name).filter(|v| !v.trim().is_empty());
    let flag = |name: &str| var(name).is_some_and(|v| v.trim().eq_ignore_ascii_case("true"));
    let mut builder = ConfigBuilder::default()
        .set_region(var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION")))
        .set_endpoint_url(var("AWS_ENDPOINT_URL"))
        .use_fips(flag("AWS_USE_FIPS_ENDPOINT"))
        .use_dual_stack(flag("AWS_USE_DUALSTACK_ENDPOINT"));
    if let (Some(id), Some(secret)) = (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
        let token = var("AWS_SESSION_TOKEN");
        builder =
            builder.credentials_provider(Credentials::new(id, secret, token, None, ENV_PROVIDER));
    }
    if let Some(attempts) = var("AWS_MAX_ATTEMPTS").and_then(|v| v.trim().parse::<u32>().ok()) {
        builder.retry_config = builder.retry_config.max_attempts(attempts);
    }
    if let Some(app) = var("AWS_SDK_UA_APP_ID") {
        builder = builder.app_name(app);
    }
    builder
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http_client::ReplayClient;
    use aws_credential_types::provider::ProvideCredentials;
    use std::collections::HashMap;

    fn build(vars: &[(&str, &str)]) -> Config {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        from_lookup(|name| map.get(name).cloned())
            .http_client(ReplayClient::default())
            .build()
    }

    #[tokio::test]
    async fn reads_the_standard_variables() {
        let config = build(&[
            ("AWS_REGION", "eu-central-1"),
            ("AWS_DEFAULT_REGION", "us-west-2"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_SECRET_ACCESS_KEY", "SECRET"),
            ("AWS_SESSION_TOKEN", "TOKEN"),
            ("AWS_ENDPOINT_URL", "http://localhost:4566"),
            ("AWS_USE_FIPS_ENDPOINT", "TRUE"),
            ("AWS_USE_DUALSTACK_ENDPOINT", "false"),
            ("AWS_MAX_ATTEMPTS", "7"),
            ("AWS_SDK_UA_APP_ID", "app"),
        ]);
        assert_eq!(config.region(), Some("eu-central-1"));
        assert_eq!(config.endpoint_url(), Some("http://localhost:4566"));
        assert!(config.use_fips());
        assert!(!config.use_dual_stack());
        assert_eq!(config.retry_config().max_attempts, 7);
        assert_eq!(config.app_name(), Some("app"));
        let creds = config
            .credentials_provider()
            .unwrap()
            .provide_credentials()
            .await
            .unwrap();
        assert_eq!(creds.access_key_id(), "AKID");
        assert_eq!(creds.secret_access_key(), "SECRET");
        assert_eq!(creds.session_token(), Some("TOKEN"));
    }

    #[test]
    fn falls_back_and_ignores_partial_or_empty_values() {
        let config = build(&[
            ("AWS_REGION", ""),
            ("AWS_DEFAULT_REGION", "us-west-2"),
            ("AWS_ACCESS_KEY_ID", "AKID"),
            ("AWS_MAX_ATTEMPTS", "lots"),
        ]);
        assert_eq!(config.region(), Some("us-west-2"));
        assert!(config.credentials_provider().is_none());
        assert_eq!(config.retry_config().max_attempts, 3);
        let empty = build(&[]);
        assert_eq!(empty.region(), None);
        assert_eq!(empty.endpoint_url(), None);
    }
}
