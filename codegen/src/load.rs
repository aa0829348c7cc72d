//! Stage 1, load: plain serde mirrors of the botocore JSON files (service model, paginators,
//! endpoint rules). Maps are `IndexMap`s so the model's member and shape order is kept all the
//! way to the output. Nothing here interprets the model; that is `resolve`'s job.

use indexmap::IndexMap;
use serde::Deserialize;
use std::path::{Path, PathBuf};

use crate::error::CodegenError;

/// The whole `service-2.json` document.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceModel {
    /// Service-wide metadata (protocol, signing name, ...).
    pub metadata: Metadata,
    /// Operations in model order.
    #[serde(default)]
    pub operations: IndexMap<String, Operation>,
    /// Shapes in model order.
    #[serde(default)]
    pub shapes: IndexMap<String, Shape>,
    /// Service documentation (HTML).
    #[serde(default)]
    pub documentation: Option<String>,
}

/// `metadata` of a service model.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Metadata {
    #[serde(default)]
    pub api_version: Option<String>,
    #[serde(default)]
    pub endpoint_prefix: Option<String>,
    #[serde(default)]
    pub protocol: Option<String>,
    #[serde(default)]
    pub protocols: Option<Vec<String>>,
    #[serde(default)]
    pub service_id: Option<String>,
    #[serde(default)]
    pub service_full_name: Option<String>,
    #[serde(default)]
    pub signing_name: Option<String>,
    #[serde(default)]
    pub signature_version: Option<String>,
    #[serde(default)]
    pub json_version: Option<String>,
    #[serde(default)]
    pub target_prefix: Option<String>,
}

/// One entry of `operations`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Operation {
    pub name: String,
    pub http: Http,
    #[serde(default)]
    pub input: Option<ShapeRef>,
    #[serde(default)]
    pub output: Option<ShapeRef>,
    #[serde(default)]
    pub errors: Vec<ShapeRef>,
    #[serde(default)]
    pub documentation: Option<String>,
    #[serde(default)]
    pub deprecated: bool,
    #[serde(default)]
    pub deprecated_message: Option<String>,
    #[serde(default)]
    pub endpoint: Option<OperationEndpoint>,
    #[serde(default)]
    pub idempotent: bool,
    #[serde(default)]
    pub http_checksum_required: bool,
    #[serde(default, rename = "requestcompression")]
    pub request_compression: Option<RequestCompression>,
}

/// `requestcompression` of an operation.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RequestCompression {
    #[serde(default)]
    pub encodings: Vec<String>,
}

/// `http` of an operation.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Http {
    pub method: String,
    pub request_uri: String,
    #[serde(default)]
    pub response_code: Option<u16>,
}

/// `endpoint` of an operation (host prefix).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OperationEndpoint {
    #[serde(default)]
    pub host_prefix: Option<String>,
}

/// A reference to a shape by name.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ShapeRef {
    pub shape: String,
}

/// One entry of `shapes`. Fields the generator does not handle yet are still read so that
/// `resolve` can reject them with a clear message instead of generating wrong code.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Shape {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub members: IndexMap<String, Member>,
    #[serde(default)]
    pub member: Option<Member>,
    #[serde(default)]
    pub key: Option<Member>,
    #[serde(default)]
    pub value: Option<Member>,
    #[serde(default)]
    pub required: Vec<String>,
    #[serde(default, rename = "enum")]
    pub enum_values: Option<Vec<String>>,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub exception: bool,
    #[serde(default)]
    pub error: Option<ErrorTrait>,
    #[serde(default)]
    pub fault: bool,
    #[serde(default)]
    pub documentation: Option<String>,
    #[serde(default)]
    pub deprecated: bool,
    #[serde(default)]
    pub deprecated_message: Option<String>,
    #[serde(default)]
    pub payload: Option<String>,
    #[serde(default)]
    pub timestamp_format: Option<String>,
    #[serde(default)]
    pub streaming: bool,
    #[serde(default)]
    pub document: bool,
    #[serde(default)]
    pub union: bool,
    #[serde(default)]
    pub eventstream: bool,
    #[serde(default)]
    pub event: bool,
}

/// The `error` trait of an exception shape.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorTrait {
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub http_status_code: Option<u16>,
    #[serde(default)]
    pub sender_fault: bool,
}

/// A structure member, or the `member`/`key`/`value` of a list or map.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub shape: String,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub location_name: Option<String>,
    #[serde(default)]
    pub documentation: Option<String>,
    #[serde(default)]
    pub idempotency_token: bool,
    #[serde(default, rename = "box")]
    pub boxed: bool,
    #[serde(default)]
    pub deprecated: bool,
    #[serde(default)]
    pub deprecated_message: Option<String>,
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub host_label: bool,
    #[serde(default, rename = "jsonvalue")]
    pub json_value: bool,
    #[serde(default)]
    pub timestamp_format: Option<String>,
    #[serde(default)]
    pub streaming: bool,
    #[serde(default, rename = "eventpayload")]
    pub event_payload: bool,
}

/// `paginators-1.json`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Paginators {
    #[serde(default)]
    pub pagination: IndexMap<String, Paginator>,
}

/// One paginator entry. Token and key fields may be a string or a list in botocore.
#[derive(Debug, Clone, Deserialize)]
pub struct Paginator {
    pub input_token: serde_json::Value,
    pub output_token: serde_json::Value,
    #[serde(default)]
    pub limit_key: Option<String>,
    #[serde(default)]
    pub result_key: Option<serde_json::Value>,
}

/// Every file the generator reads for one service.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    pub service: ServiceModel,
    pub paginators: Paginators,
    /// Raw JSON text of `endpoint-rule-set-1.json`, when present.
    pub endpoint_rule_set: Option<String>,
    /// Raw JSON text of botocore's `partitions.json`, when found.
    pub partitions: Option<String>,
}

impl ModelFiles {
    /// Loads `service-2.json` and, when they sit beside it, `paginators-1.json` and
    /// `endpoint-rule-set-1.json`. `partitions.json` is looked up in the same directory and
    /// then up to three parents (botocore keeps it at `data/partitions.json`).
    pub fn load(service_path: &Path) -> Result<Self, CodegenError> {
        let text = read(service_path)?;
        let service: ServiceModel =
            serde_json::from_str(&text).map_err(|e| CodegenError::Parse {
                path: service_path.to_path_buf(),
                message: e.to_string(),
            })?;
        let dir = service_path.parent().unwrap_or_else(|| Path::new("."));
        let pag_path = dir.join("paginators-1.json");
        let paginators = if pag_path.exists() {
            serde_json::from_str(&read(&pag_path)?).map_err(|e| CodegenError::Parse {
                path: pag_path.clone(),
                message: e.to_string(),
            })?
        } else {
            Paginators::default()
        };
        let rules_path = dir.join("endpoint-rule-set-1.json");
        let endpoint_rule_set = if rules_path.exists() {
            Some(read(&rules_path)?)
        } else {
            None
        };
        let partitions = find_partitions(dir).map(|p| read(&p)).transpose()?;
        Ok(ModelFiles {
            service,
            paginators,
            endpoint_rule_set,
            partitions,
        })
    }

    /// Builds the files from already-parsed parts (used by tests and the conformance runner).
    pub fn from_service(service: ServiceModel) -> Self {
        ModelFiles {
            service,
            paginators: Paginators::default(),
            endpoint_rule_set: None,
            partitions: None,
        }
    }
}

fn find_partitions(dir: &Path) -> Option<PathBuf> {
    let mut cur = Some(dir);
    for _ in 0..4 {
        let d = cur?;
        let candidate = d.join("partitions.json");
        if candidate.exists() {
            return Some(candidate);
        }
        cur = d.parent();
    }
    None
}

fn read(path: &Path) -> Result<String, CodegenError> {
    std::fs::read_to_string(path).map_err(|e| CodegenError::Io {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}
