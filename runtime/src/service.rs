//! [`ServiceMeta`]: the facts about one service that a generated crate hands to the runtime
//! (ids, signing name, version, endpoint rules and partitions).

use std::fmt;

/// Describes one service; each generated crate has one `static` of this.
#[derive(Clone, Copy)]
pub struct ServiceMeta {
    /// The model's `serviceId`, e.g. `"finspace data"`.
    pub service_id: &'static str,
    /// The SigV4 signing name, e.g. `"finspace-api"`.
    pub signing_name: &'static str,
    /// The model's API version, e.g. `"2020-07-13"`.
    pub api_version: &'static str,
    /// The generated crate's name, used in the user agent.
    pub sdk_name: &'static str,
    /// The generated crate's version, used in the user agent.
    pub sdk_version: &'static str,
    /// JSON text of the service's `endpoint-rule-set-1.json`.
    pub endpoint_rule_set: &'static str,
    /// JSON text of botocore's `partitions.json`.
    pub partitions: &'static str,
}

/// Omits the two JSON documents.
impl fmt::Debug for ServiceMeta {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceMeta")
            .field("service_id", &self.service_id)
            .field("signing_name", &self.signing_name)
            .field("api_version", &self.api_version)
            .field("sdk_name", &self.sdk_name)
            .field("sdk_version", &self.sdk_version)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_is_short() {
        let meta = ServiceMeta {
            service_id: "finspace data",
            signing_name: "finspace-api",
            api_version: "2020-07-13",
            sdk_name: "finspace-data",
            sdk_version: "0.1.0",
            endpoint_rule_set: "{\"long\": true}",
            partitions: "{}",
        };
        let shown = format!("{meta:?}");
        assert!(
            shown.contains("finspace-api") && !shown.contains("long"),
            "{shown}"
        );
    }
}
