//! Endpoint resolution by evaluating a service's `endpoint-rule-set-1.json` (the Smithy
//! rules language) against botocore's `partitions.json`: [`EndpointResolver`],
//! [`EndpointParams`] in, [`Endpoint`] or [`EndpointError`] out.

mod ast;
mod eval;
mod functions;
mod partition;
mod template;
mod url;
mod value;

#[cfg(test)]
mod tests;

pub use value::Value;

pub(crate) use url::is_valid_host_label;

use ast::{ParamType, RuleSetAst};
use partition::Partitions;
use std::collections::BTreeMap;
use std::fmt;

/// Why no endpoint could be resolved: an error rule of the rule set matched (its message is
/// kept verbatim, e.g. `Invalid Configuration: Missing Region`), or the documents are invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EndpointError {
    message: String,
}

impl EndpointError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
        }
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EndpointError {}

/// A resolved endpoint: the URL, extra headers and properties (e.g. `authSchemes`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoint {
    url: String,
    headers: Vec<(String, Vec<String>)>,
    properties: BTreeMap<String, Value>,
}

impl Endpoint {
    /// An endpoint from its parts.
    pub fn new(
        url: impl Into<String>,
        headers: Vec<(String, Vec<String>)>,
        properties: BTreeMap<String, Value>,
    ) -> Self {
        Self {
            url: url.into(),
            headers,
            properties,
        }
    }

    /// The URL, e.g. `https://finspace-api.us-east-1.amazonaws.com`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Headers the rules require on every request.
    pub fn headers(&self) -> &[(String, Vec<String>)] {
        &self.headers
    }

    /// All properties.
    pub fn properties(&self) -> &BTreeMap<String, Value> {
        &self.properties
    }

    /// One property.
    pub fn property(&self, name: &str) -> Option<&Value> {
        self.properties.get(name)
    }
}

/// The inputs of endpoint resolution. The AWS built-ins (`AWS::Region`, `AWS::UseFIPS`,
/// `AWS::UseDualStack`, `SDK::Endpoint`) have setters; other parameters are set by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EndpointParams {
    region: Option<String>,
    use_fips: bool,
    use_dual_stack: bool,
    endpoint: Option<String>,
    by_name: BTreeMap<String, Value>,
}

impl EndpointParams {
    /// No region, no endpoint override, FIPS and dual-stack off.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets `AWS::Region`.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// Sets or clears `AWS::Region`.
    pub fn set_region(mut self, region: Option<String>) -> Self {
        self.region = region;
        self
    }

    /// Sets `AWS::UseFIPS`.
    pub fn use_fips(mut self, on: bool) -> Self {
        self.use_fips = on;
        self
    }

    /// Sets `AWS::UseDualStack`.
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.use_dual_stack = on;
        self
    }

    /// Sets `SDK::Endpoint`, an explicit endpoint URL.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some(url.into());
        self
    }

    /// Sets or clears `SDK::Endpoint`.
    pub fn set_endpoint(mut self, url: Option<String>) -> Self {
        self.endpoint = url;
        self
    }

    /// Sets a parameter by its name in the rule set (wins over built-ins).
    pub fn set(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        self.by_name.insert(name.into(), value.into());
        self
    }

    fn built_in(&self, name: &str) -> Option<Value> {
        match name {
            "AWS::Region" => self.region.clone().map(Value::String),
            "AWS::UseFIPS" => Some(Value::Bool(self.use_fips)),
            "AWS::UseDualStack" => Some(Value::Bool(self.use_dual_stack)),
            "SDK::Endpoint" => self.endpoint.clone().map(Value::String),
            _ => None,
        }
    }
}

/// A parsed rule set and partitions document, ready to resolve endpoints. Parse once and
/// keep it; resolution does not re-parse.
pub struct EndpointResolver {
    rules: RuleSetAst,
    partitions: Partitions,
}

impl EndpointResolver {
    /// Parses the JSON text of `endpoint-rule-set-1.json` and `partitions.json`.
    pub fn new(rule_set_json: &str, partitions_json: &str) -> Result<Self, EndpointError> {
        Ok(Self {
            rules: RuleSetAst::parse(rule_set_json)?,
            partitions: Partitions::parse(partitions_json)?,
        })
    }

    /// Resolves the endpoint for `params`.
    pub fn resolve(&self, params: &EndpointParams) -> Result<Endpoint, EndpointError> {
        let mut bound = Vec::with_capacity(self.rules.parameters.len());
        for p in &self.rules.parameters {
            let value = params
                .by_name
                .get(&p.name)
                .cloned()
                .or_else(|| p.built_in.as_deref().and_then(|b| params.built_in(b)))
                .or_else(|| p.default.clone());
            match value {
                Some(value) => {
                    let type_ok = matches!(
                        (p.ty, &value),
                        (ParamType::String, Value::String(_))
                            | (ParamType::Boolean, Value::Bool(_))
                            | (ParamType::StringArray, Value::Array(_))
                    );
                    if !type_ok {
                        return Err(EndpointError::new(format!(
                            "endpoint parameter `{}` has the wrong type ({})",
                            p.name,
                            value.type_name()
                        )));
                    }
                    bound.push((p.name.clone(), value));
                }
                None if p.required => {
                    return Err(EndpointError::new(format!(
                        "endpoint parameter `{}` is required but not set",
                        p.name
                    )))
                }
                None => {}
            }
        }
        eval::Evaluator::new(&self.partitions, bound).run(&self.rules.rules)
    }
}

impl fmt::Debug for EndpointResolver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EndpointResolver")
            .field("parameters", &self.rules.parameters.len())
            .field("rules", &self.rules.rules.len())
            .finish_non_exhaustive()
    }
}
