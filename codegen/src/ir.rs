//! The resolved, typed intermediate representation. Every shape has a `ShapeId` (its index in
//! `Service::shapes`, assigned before any shape is converted, so forward and cyclic references
//! resolve). Protocol strings are enums, names are final `(rust_name, wire_name)` pairs and docs
//! are Markdown. Emitters read only this.

use std::collections::BTreeMap;

/// Index of a shape in `Service::shapes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ShapeId(pub usize);

/// The resolved service.
#[derive(Debug, Clone)]
pub struct Service {
    pub meta: ServiceMeta,
    /// Shapes in model order.
    pub shapes: Vec<ShapeDef>,
    /// Model shape name -> id.
    pub by_name: BTreeMap<String, ShapeId>,
    /// Operations in model order.
    pub operations: Vec<OperationDef>,
    /// Service documentation, Markdown.
    pub docs: String,
    /// Raw endpoint rule set JSON, when the model has one.
    pub endpoint_rule_set: Option<String>,
    /// Raw partitions JSON, when found.
    pub partitions: Option<String>,
}

impl Service {
    pub fn shape(&self, id: ShapeId) -> &ShapeDef {
        &self.shapes[id.0]
    }

    /// The format of a timestamp member: its own `timestampFormat`, else its target's, else
    /// the protocol default for where it travels (`default`).
    pub fn timestamp_format(
        &self,
        member: Option<TimestampFormat>,
        target: ShapeId,
        default: TimestampFormat,
    ) -> TimestampFormat {
        member
            .or(self.shape(target).timestamp_format)
            .unwrap_or(default)
    }
}

/// Service metadata the emitters need.
#[derive(Debug, Clone)]
pub struct ServiceMeta {
    pub service_id: String,
    pub service_full_name: String,
    pub signing_name: String,
    pub api_version: String,
    pub protocol: String,
}

/// One shape.
#[derive(Debug, Clone)]
pub struct ShapeDef {
    /// Name in the model.
    pub wire_name: String,
    /// Rust type name (used for structures and enums).
    pub rust_name: String,
    /// Module/file name for structures and enums.
    pub module: String,
    pub kind: ShapeKind,
    pub docs: String,
    pub sensitive: bool,
    pub deprecated: Option<String>,
    pub exception: Option<ExceptionInfo>,
    /// The shape's own `timestampFormat` (timestamps only).
    pub timestamp_format: Option<TimestampFormat>,
    /// True for the empty input structure the generator adds to an operation without input.
    pub synthetic: bool,
}

/// What a shape is.
#[derive(Debug, Clone)]
pub enum ShapeKind {
    Structure(StructDef),
    /// A tagged union: exactly one member is set.
    Union(StructDef),
    Enum(EnumDef),
    String,
    Integer,
    Long,
    Boolean,
    Float,
    Double,
    Timestamp,
    Blob,
    /// An untyped JSON document.
    Document,
    List {
        member: ShapeId,
    },
    Map {
        key: ShapeId,
        value: ShapeId,
    },
}

/// How a timestamp is written on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    /// Seconds since the epoch, as a JSON number or decimal text (`unixTimestamp`).
    EpochSeconds,
    /// RFC 3339 date-time (`iso8601`).
    Iso8601,
    /// RFC 7231 IMF-fixdate (`rfc822`).
    HttpDate,
}

/// Error trait details of an exception shape.
#[derive(Debug, Clone)]
pub struct ExceptionInfo {
    /// Error code on the wire (the `error.code` or the shape name).
    pub code: String,
    pub http_status: Option<u16>,
    pub fault: bool,
}

/// A structure.
#[derive(Debug, Clone)]
pub struct StructDef {
    pub members: Vec<MemberDef>,
    /// Index into `members` of the member bound to the whole HTTP payload (`payload`).
    pub payload: Option<usize>,
}

/// Where a member travels in a rest-json request or response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    Uri,
    Greedy,
    Query,
    Header,
    /// Prefix headers (`location: headers`); `wire_name` is the prefix.
    Headers,
    StatusCode,
    Body,
    Payload,
}

/// A structure member.
#[derive(Debug, Clone)]
pub struct MemberDef {
    /// Member name in the model (what botocore calls the parameter).
    pub name: String,
    /// Name on the wire (`locationName` or the member name).
    pub wire_name: String,
    /// Rust field name.
    pub field: String,
    /// Builder setter name (differs from `field` on clashes with builder methods).
    pub setter: String,
    pub target: ShapeId,
    pub location: Location,
    pub required: bool,
    pub idempotency_token: bool,
    /// The member or what it holds is sensitive: `Debug` redacts it.
    pub sensitive: bool,
    /// The field is boxed to break a recursive type.
    pub boxed: bool,
    /// The member's own `timestampFormat`, which wins over the target shape's.
    pub timestamp_format: Option<TimestampFormat>,
    /// The member fills a `{label}` of the operation's host prefix.
    pub host_label: bool,
    /// A string member carried as base64-encoded JSON text (`jsonvalue` headers).
    pub json_value: bool,
    pub docs: String,
    pub deprecated: Option<String>,
}

/// A string enum.
#[derive(Debug, Clone)]
pub struct EnumDef {
    pub variants: Vec<EnumVariant>,
}

/// One enum value.
#[derive(Debug, Clone)]
pub struct EnumVariant {
    pub rust_name: String,
    pub value: String,
}

/// One operation.
#[derive(Debug, Clone)]
pub struct OperationDef {
    pub name: String,
    /// snake_case method and module name.
    pub fn_name: String,
    pub method: String,
    pub request_uri: String,
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    pub errors: Vec<ShapeId>,
    pub docs: String,
    pub deprecated: Option<String>,
    pub host_prefix: Option<String>,
    pub paginator: Option<PaginatorDef>,
    /// `httpChecksumRequired`: the request carries a `Content-MD5` of its body.
    pub checksum_required: bool,
    /// `requestcompression` encodings the body may be compressed with (e.g. `gzip`).
    pub request_compression: Vec<String>,
}

impl OperationDef {
    /// True when request bodies are gzipped (`requestcompression` lists `gzip`).
    pub fn gzips_requests(&self) -> bool {
        self.request_compression.iter().any(|e| e == "gzip")
    }
}

/// How an operation pages.
#[derive(Debug, Clone)]
pub struct PaginatorDef {
    pub input_token: String,
    pub output_token: String,
    pub limit_key: Option<String>,
    pub result_key: Option<String>,
    /// True when found from a token pair rather than listed in `paginators-1.json`.
    pub inferred: bool,
}
