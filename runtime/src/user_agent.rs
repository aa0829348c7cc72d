//! The `User-Agent` and `x-amz-user-agent` values: SDK name and version, OS, Rust version,
//! runtime version and the optional application name.

use crate::service::ServiceMeta;

const RUSTC_VERSION: &str = env!("SDK_RUNTIME_RUSTC_VERSION");
const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Both user-agent header values, computed once per client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UserAgent {
    /// `User-Agent`: `<sdk>/<version> os/<os> lang/rust/<rustc>[ app/<name>]`.
    pub(crate) user_agent: String,
    /// `x-amz-user-agent`: the same plus `ua/2.1`, the API and metadata.
    pub(crate) amz_user_agent: String,
}

/// Keeps the characters allowed in a user-agent token, replacing others with `-`.
fn token(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.is_empty() {
        "unknown".to_owned()
    } else {
        cleaned
    }
}

impl UserAgent {
    pub(crate) fn new(service: &ServiceMeta, app_name: Option<&str>) -> Self {
        let sdk = format!("{}/{}", token(service.sdk_name), token(service.sdk_version));
        let os = format!("os/{}", token(std::env::consts::OS));
        let lang = format!("lang/rust/{}", token(RUSTC_VERSION));
        let app = app_name.map(|name| format!(" app/{}", token(name)));
        let app = app.as_deref().unwrap_or("");
        let user_agent = format!("{sdk} {os} {lang}{app}");
        let amz_user_agent = format!(
            "{sdk} ua/2.1 api/{}#{} {os} {lang} md/arch#{} md/sdk-runtime#{}{app}",
            token(&service.service_id.to_ascii_lowercase()),
            token(service.api_version),
            token(std::env::consts::ARCH),
            token(RUNTIME_VERSION),
        );
        Self {
            user_agent,
            amz_user_agent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const META: ServiceMeta = ServiceMeta {
        service_id: "finspace data",
        signing_name: "finspace-api",
        api_version: "2020-07-13",
        sdk_name: "finspace-data",
        sdk_version: "0.1.0",
        endpoint_rule_set: "{}",
        partitions: "{}",
    };

    #[test]
    fn shapes() {
        let ua = UserAgent::new(&META, Some("my app/1"));
        let os = std::env::consts::OS;
        assert_eq!(
            ua.user_agent,
            format!("finspace-data/0.1.0 os/{os} lang/rust/{RUSTC_VERSION} app/my-app-1")
        );
        assert!(ua
            .amz_user_agent
            .starts_with("finspace-data/0.1.0 ua/2.1 api/finspace-data#2020-07-13 os/"));
        assert!(ua.amz_user_agent.ends_with(" app/my-app-1"));
        assert!(http::HeaderValue::from_str(&ua.user_agent).is_ok());
        assert!(http::HeaderValue::from_str(&ua.amz_user_agent).is_ok());
        let plain = UserAgent::new(&META, None);
        assert!(!plain.user_agent.contains("app/"));
        assert!(!RUSTC_VERSION.is_empty());
        assert_eq!(token(""), "unknown");
    }
}
