//! How the behaviour tests build a FinSpace Data client pointed at a loopback [`Server`]:
//! region `us-east-1`, the fake credentials botocore's recording used, the server as
//! `endpoint_url`, retries off unless asked for. With the `default-https-client` feature the client uses
//! its default HTTP client; without it, the runtime's `FnHttpClient` with
//! [`loopback::http_client`](crate::loopback::http_client).

use crate::loopback::Server;
use aws_credential_types::Credentials;
use finspace_data::config::{ConfigBuilder, RetryConfig};
use std::time::Duration;

/// The region every test client uses.
pub const REGION: &str = "us-east-1";
/// The access key id of the test credentials (the one `record.py` used).
pub const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
/// The secret access key of the test credentials (the one `record.py` used).
pub const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// The test credentials, with an optional session token.
pub fn credentials(session_token: Option<&str>) -> Credentials {
    Credentials::new(
        ACCESS_KEY_ID,
        SECRET_ACCESS_KEY,
        session_token.map(str::to_owned),
        None,
        "tests",
    )
}

/// A configuration for `server` without a credentials provider: region, endpoint, no retries
/// and the HTTP client for this feature set.
pub fn config_without_credentials(server: &Server) -> ConfigBuilder {
    let builder = finspace_data::Config::builder()
        .region(REGION)
        .endpoint_url(server.endpoint_url())
        .retry_config(RetryConfig::disabled());
    with_transport(builder)
}

/// A configuration for `server` with the test credentials and no retries.
pub fn config(server: &Server) -> ConfigBuilder {
    config_without_credentials(server).credentials_provider(credentials(None))
}

/// A client for `server` with the test credentials and no retries.
pub fn client(server: &Server) -> finspace_data::Client {
    finspace_data::Client::from_conf(config(server).build())
}

/// Standard retries with `max_attempts` and a 1 ms backoff ceiling, so tests do not wait.
pub fn fast_retries(max_attempts: u32) -> RetryConfig {
    RetryConfig::standard()
        .max_attempts(max_attempts)
        .initial_backoff(Duration::from_millis(1))
        .max_backoff(Duration::from_millis(1))
}

#[cfg(feature = "default-https-client")]
fn with_transport(builder: ConfigBuilder) -> ConfigBuilder {
    builder
}

#[cfg(not(feature = "default-https-client"))]
fn with_transport(builder: ConfigBuilder) -> ConfigBuilder {
    builder.http_client(crate::loopback::http_client())
}
