//! Stage 2, resolve: the loaded botocore JSON becomes the typed IR in `ir`. Operations without
//! an input get an empty `{Operation}Input` structure, then every shape gets an id, then each is
//! converted; names come from `naming`, docs from `docs`. Constructs the generator does not
//! handle (event streams, streaming non-blobs, unknown timestamp formats, traits on the wrong
//! kind of member) are rejected here with the shape and construct named.

use std::collections::{BTreeMap, BTreeSet};

use crate::docs::html_to_markdown;
use crate::error::CodegenError;
use crate::ir::*;
use crate::load::{self, ModelFiles};
use crate::naming;

const SUPPORTED_PROTOCOL: &str = "rest-json";

/// Resolves loaded model files into the IR.
pub fn resolve(files: &ModelFiles) -> Result<Service, CodegenError> {
    let model = &files.service;
    let protocol = model.metadata.protocol.clone().unwrap_or_default();
    if protocol != SUPPORTED_PROTOCOL {
        return Err(CodegenError::unsupported(
            "metadata",
            format!("protocol `{protocol}` (only `{SUPPORTED_PROTOCOL}` is generated)"),
        ));
    }

    // 0. operations without an input get an empty input structure, so every operation has a
    // request type (`{Operation}Input`, like smithy-rs).
    let mut model_shapes = model.shapes.clone();
    let mut synthetic_inputs: BTreeMap<String, String> = BTreeMap::new();
    for (name, op) in &model.operations {
        if op.input.is_none() {
            let shape_name = format!("{name}Input");
            if model_shapes.contains_key(&shape_name) {
                return Err(CodegenError::unsupported(
                    name,
                    format!("an operation without input whose synthetic input name `{shape_name}` is taken"),
                ));
            }
            model_shapes.insert(shape_name.clone(), synthetic_shape());
            synthetic_inputs.insert(name.clone(), shape_name);
        }
    }

    // 1. ids for every shape, before anything is converted.
    let by_name: BTreeMap<String, ShapeId> = model_shapes
        .keys()
        .enumerate()
        .map(|(i, name)| (name.clone(), ShapeId(i)))
        .collect();
    let lookup = |from: &str, name: &str| -> Result<ShapeId, CodegenError> {
        by_name
            .get(name)
            .copied()
            .ok_or_else(|| CodegenError::invalid(from, format!("refers to unknown shape `{name}`")))
    };

    // Request URIs that bind each input shape, to tell greedy labels apart.
    let mut uri_of_input: BTreeMap<&str, &str> = BTreeMap::new();
    for op in model.operations.values() {
        if let Some(input) = &op.input {
            uri_of_input.insert(input.shape.as_str(), op.http.request_uri.as_str());
        }
    }

    // 2. convert shapes.
    let mut shapes = Vec::with_capacity(model_shapes.len());
    for (name, shape) in &model_shapes {
        let kind = convert_kind(
            name,
            shape,
            &lookup,
            uri_of_input.get(name.as_str()).copied(),
        )?;
        let rust_name = naming::type_name(name);
        let exception = (shape.exception || shape.error.is_some()).then(|| {
            let err = shape.error.clone().unwrap_or_default();
            ExceptionInfo {
                code: err.code.unwrap_or_else(|| name.clone()),
                http_status: err.http_status_code,
                fault: shape.fault,
            }
        });
        shapes.push(ShapeDef {
            wire_name: name.clone(),
            module: naming::module_name(&rust_name),
            rust_name,
            kind,
            docs: shape
                .documentation
                .as_deref()
                .map(html_to_markdown)
                .unwrap_or_default(),
            sensitive: shape.sensitive,
            deprecated: deprecation(shape.deprecated, &shape.deprecated_message),
            exception,
            timestamp_format: shape
                .timestamp_format
                .as_deref()
                .map(|f| timestamp_format(name, f))
                .transpose()?,
            synthetic: synthetic_inputs.values().any(|s| s == name),
        });
    }

    check_unique_type_names(&shapes)?;
    check_member_traits(&shapes)?;
    apply_locations_only_at_top_level(model, &mut shapes)?;
    mark_sensitive_members(&mut shapes);
    mark_boxed_members(&mut shapes);

    let mut service = Service {
        meta: ServiceMeta {
            service_id: model.metadata.service_id.clone().unwrap_or_default(),
            service_full_name: model.metadata.service_full_name.clone().unwrap_or_default(),
            signing_name: model
                .metadata
                .signing_name
                .clone()
                .or_else(|| model.metadata.endpoint_prefix.clone())
                .unwrap_or_default(),
            api_version: model.metadata.api_version.clone().unwrap_or_default(),
            protocol,
        },
        shapes,
        by_name: by_name.clone(),
        operations: Vec::new(),
        docs: model
            .documentation
            .as_deref()
            .map(html_to_markdown)
            .unwrap_or_default(),
        endpoint_rule_set: files.endpoint_rule_set.clone(),
        partitions: files.partitions.clone(),
    };

    // 3. operations.
    let mut fn_names = BTreeSet::new();
    for (name, op) in &model.operations {
        let input = match (&op.input, synthetic_inputs.get(name)) {
            (Some(r), _) => Some(lookup(name, &r.shape)?),
            (None, Some(synthetic)) => Some(lookup(name, synthetic)?),
            (None, None) => None,
        };
        let output = op
            .output
            .as_ref()
            .map(|r| lookup(name, &r.shape))
            .transpose()?;
        let errors = op
            .errors
            .iter()
            .map(|r| lookup(name, &r.shape))
            .collect::<Result<Vec<_>, _>>()?;
        let fn_name = naming::snake_name(name);
        if !fn_names.insert(fn_name.clone()) {
            return Err(CodegenError::invalid(
                name,
                format!("operation name `{fn_name}` is not unique"),
            ));
        }
        let paginator = paginator_for(
            name,
            files.paginators.pagination.get(name),
            input,
            output,
            &service,
        )?;
        service.operations.push(OperationDef {
            name: name.clone(),
            fn_name,
            method: op.http.method.clone(),
            request_uri: op.http.request_uri.clone(),
            input,
            output,
            errors,
            docs: op
                .documentation
                .as_deref()
                .map(html_to_markdown)
                .unwrap_or_default(),
            deprecated: deprecation(op.deprecated, &op.deprecated_message),
            host_prefix: op.endpoint.as_ref().and_then(|e| e.host_prefix.clone()),
            paginator,
            checksum_required: op.http_checksum_required,
            request_compression: op
                .request_compression
                .as_ref()
                .map(|c| c.encodings.clone())
                .unwrap_or_default(),
        });
    }
    Ok(service)
}

/// The empty structure used as the input of an operation that has none.
fn synthetic_shape() -> load::Shape {
    load::Shape {
        kind: "structure".into(),
        members: Default::default(),
        member: None,
        key: None,
        value: None,
        required: Vec::new(),
        enum_values: None,
        sensitive: false,
        exception: false,
        error: None,
        fault: false,
        documentation: None,
        deprecated: false,
        deprecated_message: None,
        payload: None,
        timestamp_format: None,
        streaming: false,
        document: false,
        union: false,
        eventstream: false,
        event: false,
    }
}

fn timestamp_format(what: &str, format: &str) -> Result<TimestampFormat, CodegenError> {
    match format {
        "unixTimestamp" => Ok(TimestampFormat::EpochSeconds),
        "iso8601" => Ok(TimestampFormat::Iso8601),
        "rfc822" => Ok(TimestampFormat::HttpDate),
        other => Err(CodegenError::unsupported(
            what,
            format!("`timestampFormat` `{other}`"),
        )),
    }
}

fn deprecation(deprecated: bool, message: &Option<String>) -> Option<String> {
    deprecated.then(|| message.clone().unwrap_or_default())
}

fn convert_kind(
    name: &str,
    shape: &load::Shape,
    lookup: &dyn Fn(&str, &str) -> Result<ShapeId, CodegenError>,
    request_uri: Option<&str>,
) -> Result<ShapeKind, CodegenError> {
    for (flag, construct) in [
        (
            shape.streaming && shape.kind != "blob",
            "`streaming` on a shape that is not a blob",
        ),
        (shape.eventstream, "event streams"),
        (shape.event, "event shapes"),
        (
            shape.timestamp_format.is_some() && shape.kind != "timestamp",
            "`timestampFormat` on a shape that is not a timestamp",
        ),
    ] {
        if flag {
            return Err(CodegenError::unsupported(name, construct));
        }
    }
    Ok(match shape.kind.as_str() {
        "structure" if shape.document => ShapeKind::Document,
        "structure" => {
            if shape.union && !shape.required.is_empty() {
                return Err(CodegenError::invalid(name, "a union with required members"));
            }
            for req in &shape.required {
                if !shape.members.contains_key(req) {
                    return Err(CodegenError::invalid(
                        name,
                        format!("required member `{req}` is not a member"),
                    ));
                }
            }
            let mut members = Vec::with_capacity(shape.members.len());
            let mut fields = BTreeSet::new();
            for (mname, m) in &shape.members {
                let what = format!("{name}.{mname}");
                if m.event_payload {
                    return Err(CodegenError::unsupported(&what, "`eventpayload`"));
                }
                let wire_name = m.location_name.clone().unwrap_or_else(|| mname.clone());
                let location = match m.location.as_deref() {
                    None => Location::Body,
                    Some("uri") => {
                        let greedy =
                            request_uri.is_some_and(|u| u.contains(&format!("{{{wire_name}+}}")));
                        if greedy {
                            Location::Greedy
                        } else {
                            Location::Uri
                        }
                    }
                    Some("querystring") => Location::Query,
                    Some("header") => Location::Header,
                    Some("statusCode") => Location::StatusCode,
                    Some("headers") => Location::Headers,
                    Some(other) => {
                        return Err(CodegenError::unsupported(
                            &what,
                            format!("location `{other}`"),
                        ))
                    }
                };
                let field = naming::snake_name(mname);
                if !fields.insert(field.clone()) {
                    return Err(CodegenError::invalid(
                        &what,
                        format!("field name `{field}` is used twice"),
                    ));
                }
                members.push(MemberDef {
                    name: mname.clone(),
                    wire_name,
                    setter: naming::setter_name(&field),
                    field,
                    target: lookup(&what, &m.shape)?,
                    location,
                    required: shape.required.contains(mname),
                    idempotency_token: m.idempotency_token,
                    sensitive: m.sensitive,
                    boxed: false,
                    timestamp_format: m
                        .timestamp_format
                        .as_deref()
                        .map(|f| timestamp_format(&what, f))
                        .transpose()?,
                    host_label: m.host_label,
                    json_value: m.json_value,
                    docs: m
                        .documentation
                        .as_deref()
                        .map(html_to_markdown)
                        .unwrap_or_default(),
                    deprecated: deprecation(m.deprecated, &m.deprecated_message),
                });
            }
            let payload = match &shape.payload {
                None => None,
                Some(p) => Some(members.iter().position(|m| &m.name == p).ok_or_else(|| {
                    CodegenError::invalid(name, format!("payload `{p}` is not a member"))
                })?),
            };
            if let Some(i) = payload {
                if members[i].location == Location::Body {
                    members[i].location = Location::Payload;
                }
            }
            let st = StructDef { members, payload };
            if shape.union {
                ShapeKind::Union(st)
            } else {
                ShapeKind::Structure(st)
            }
        }
        "string" => match &shape.enum_values {
            Some(values) => {
                let mut seen = BTreeSet::new();
                let mut variants = Vec::with_capacity(values.len());
                for v in values {
                    let rust_name = naming::variant_name(v);
                    if !seen.insert(rust_name.clone()) {
                        return Err(CodegenError::invalid(
                            name,
                            format!("enum values map to the same variant `{rust_name}`"),
                        ));
                    }
                    variants.push(EnumVariant {
                        rust_name,
                        value: v.clone(),
                    });
                }
                ShapeKind::Enum(EnumDef { variants })
            }
            None => ShapeKind::String,
        },
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "boolean" => ShapeKind::Boolean,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "timestamp" => ShapeKind::Timestamp,
        "blob" => ShapeKind::Blob,
        "list" => {
            let m = shape
                .member
                .as_ref()
                .ok_or_else(|| CodegenError::invalid(name, "list without `member`"))?;
            ShapeKind::List {
                member: lookup(name, &m.shape)?,
            }
        }
        "map" => {
            let k = shape
                .key
                .as_ref()
                .ok_or_else(|| CodegenError::invalid(name, "map without `key`"))?;
            let v = shape
                .value
                .as_ref()
                .ok_or_else(|| CodegenError::invalid(name, "map without `value`"))?;
            ShapeKind::Map {
                key: lookup(name, &k.shape)?,
                value: lookup(name, &v.shape)?,
            }
        }
        other => {
            return Err(CodegenError::unsupported(
                name,
                format!("shape type `{other}`"),
            ))
        }
    })
}

/// HTTP bindings (`location`) only mean something on an operation's own input or output; a
/// structure nested in a body carries all its members in the body. A structure used both ways
/// with bound members would need two wire forms, which the generator does not produce yet.
fn apply_locations_only_at_top_level(
    model: &load::ServiceModel,
    shapes: &mut [ShapeDef],
) -> Result<(), CodegenError> {
    let mut top: BTreeSet<&str> = BTreeSet::new();
    for op in model.operations.values() {
        top.extend(
            op.input
                .iter()
                .chain(op.output.iter())
                .chain(op.errors.iter())
                .map(|r| r.shape.as_str()),
        );
    }
    let mut nested: BTreeSet<&str> = BTreeSet::new();
    for shape in model.shapes.values() {
        nested.extend(shape.members.values().map(|m| m.shape.as_str()));
        nested.extend(
            [&shape.member, &shape.key, &shape.value]
                .into_iter()
                .flatten()
                .map(|m| m.shape.as_str()),
        );
    }
    for s in shapes.iter_mut() {
        let ShapeKind::Structure(st) = &mut s.kind else {
            continue;
        };
        let is_top = top.contains(s.wire_name.as_str());
        let bound = st.members.iter().any(|m| m.location != Location::Body);
        if is_top && bound && nested.contains(s.wire_name.as_str()) {
            return Err(CodegenError::unsupported(
                &s.wire_name,
                "a structure that is an operation input/output and also nested in another shape, with HTTP-bound members",
            ));
        }
        if !is_top {
            st.payload = None;
            for m in &mut st.members {
                m.location = Location::Body;
            }
        }
    }
    Ok(())
}

/// Member traits that only mean something on some targets or locations are rejected elsewhere,
/// rather than ignored: `timestampFormat` on a non-timestamp, `jsonvalue` outside a string
/// header, `hostLabel` on a non-string.
fn check_member_traits(shapes: &[ShapeDef]) -> Result<(), CodegenError> {
    for s in shapes {
        let (ShapeKind::Structure(st) | ShapeKind::Union(st)) = &s.kind else {
            continue;
        };
        for m in &st.members {
            let what = format!("{}.{}", s.wire_name, m.name);
            let target = &shapes[m.target.0].kind;
            let is_string = matches!(target, ShapeKind::String);
            if m.timestamp_format.is_some() && !matches!(target, ShapeKind::Timestamp) {
                return Err(CodegenError::unsupported(
                    &what,
                    "`timestampFormat` on a member that is not a timestamp",
                ));
            }
            if m.json_value && !(is_string && m.location == Location::Header) {
                return Err(CodegenError::unsupported(
                    &what,
                    "`jsonvalue` on a member that is not a string header",
                ));
            }
            if m.host_label && !is_string {
                return Err(CodegenError::unsupported(
                    &what,
                    "`hostLabel` on a member that is not a string",
                ));
            }
            if m.location == Location::Headers
                && !matches!(target, ShapeKind::Map { value, .. } if matches!(shapes[value.0].kind, ShapeKind::String))
            {
                return Err(CodegenError::unsupported(
                    &what,
                    "prefix headers (`location: headers`) that are not a map of strings",
                ));
            }
        }
    }
    Ok(())
}

fn check_unique_type_names(shapes: &[ShapeDef]) -> Result<(), CodegenError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for s in shapes {
        if matches!(
            s.kind,
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_)
        ) {
            if let Some(other) = seen.insert(&s.module, &s.wire_name) {
                return Err(CodegenError::invalid(
                    &s.wire_name,
                    format!(
                        "its Rust name `{}` clashes with shape `{other}`",
                        s.rust_name
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Whether a value of this shape holds sensitive data that the holder must redact itself
/// (sensitive strings, and lists/maps of them). Sensitive structures redact themselves.
fn holds_sensitive(shapes: &[ShapeDef], id: ShapeId, depth: usize) -> bool {
    let s = &shapes[id.0];
    if s.sensitive {
        return true;
    }
    if depth > 32 {
        return false;
    }
    match &s.kind {
        ShapeKind::List { member } => holds_sensitive(shapes, *member, depth + 1),
        ShapeKind::Map { key, value } => {
            holds_sensitive(shapes, *key, depth + 1) || holds_sensitive(shapes, *value, depth + 1)
        }
        _ => false,
    }
}

fn mark_sensitive_members(shapes: &mut [ShapeDef]) {
    let flags: Vec<Vec<bool>> = shapes
        .iter()
        .map(|s| match &s.kind {
            ShapeKind::Structure(st) | ShapeKind::Union(st) => st
                .members
                .iter()
                .map(|m| m.sensitive || s.sensitive || holds_sensitive(shapes, m.target, 0))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    for (s, f) in shapes.iter_mut().zip(flags) {
        if let ShapeKind::Structure(st) | ShapeKind::Union(st) = &mut s.kind {
            for (m, flag) in st.members.iter_mut().zip(f) {
                m.sensitive = flag;
            }
        }
    }
}

/// Boxes a structure-typed field when its target can reach the containing structure through
/// structure fields alone (lists and maps already allocate), so recursive types have a size.
fn mark_boxed_members(shapes: &mut [ShapeDef]) {
    let is_aggregate = |id: ShapeId| {
        matches!(
            shapes[id.0].kind,
            ShapeKind::Structure(_) | ShapeKind::Union(_)
        )
    };
    let direct: Vec<Vec<usize>> = shapes
        .iter()
        .map(|s| match &s.kind {
            ShapeKind::Structure(st) | ShapeKind::Union(st) => st
                .members
                .iter()
                .filter(|m| is_aggregate(m.target))
                .map(|m| m.target.0)
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let reaches = |from: usize, to: usize| -> bool {
        let mut stack = vec![from];
        let mut seen = BTreeSet::new();
        while let Some(n) = stack.pop() {
            if n == to {
                return true;
            }
            if seen.insert(n) {
                stack.extend(direct[n].iter().copied());
            }
        }
        false
    };
    let boxes: Vec<Vec<bool>> = shapes
        .iter()
        .enumerate()
        .map(|(i, s)| match &s.kind {
            ShapeKind::Structure(st) | ShapeKind::Union(st) => st
                .members
                .iter()
                .map(|m| is_aggregate(m.target) && reaches(m.target.0, i))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    for (s, b) in shapes.iter_mut().zip(boxes) {
        if let ShapeKind::Structure(st) | ShapeKind::Union(st) = &mut s.kind {
            for (m, flag) in st.members.iter_mut().zip(b) {
                m.boxed = flag;
            }
        }
    }
}

fn token_name(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        _ => None,
    }
}

fn paginator_for(
    op: &str,
    listed: Option<&load::Paginator>,
    input: Option<ShapeId>,
    output: Option<ShapeId>,
    service: &Service,
) -> Result<Option<PaginatorDef>, CodegenError> {
    let members = |id: Option<ShapeId>| -> Vec<&MemberDef> {
        match id.map(|i| &service.shape(i).kind) {
            Some(ShapeKind::Structure(st)) => st.members.iter().collect(),
            _ => Vec::new(),
        }
    };
    if let Some(p) = listed {
        let (Some(input_token), Some(output_token)) =
            (token_name(&p.input_token), token_name(&p.output_token))
        else {
            return Err(CodegenError::unsupported(
                op,
                "a paginator with several tokens",
            ));
        };
        let result_key = match &p.result_key {
            None => None,
            Some(v) => Some(token_name(v).ok_or_else(|| {
                CodegenError::unsupported(op, "a paginator with several result keys")
            })?),
        };
        for (side, id, key) in [
            ("input", input, &input_token),
            ("output", output, &output_token),
        ] {
            if !members(id).iter().any(|m| &m.name == key) {
                return Err(CodegenError::invalid(
                    op,
                    format!("paginator token `{key}` is not an {side} member"),
                ));
            }
        }
        return Ok(Some(PaginatorDef {
            input_token,
            output_token,
            limit_key: p.limit_key.clone(),
            result_key,
            inferred: false,
        }));
    }
    let ins = members(input);
    let outs = members(output);
    let has_token = |ms: &[&MemberDef]| ms.iter().any(|m| m.name == "nextToken");
    if !(has_token(&ins) && has_token(&outs)) {
        return Ok(None);
    }
    let lists: Vec<&&MemberDef> = outs
        .iter()
        .filter(|m| matches!(service.shape(m.target).kind, ShapeKind::List { .. }))
        .collect();
    let limit_key = ins
        .iter()
        .find(|m| m.name == "maxResults")
        .map(|m| m.name.clone());
    Ok(Some(PaginatorDef {
        input_token: "nextToken".into(),
        output_token: "nextToken".into(),
        limit_key,
        result_key: (lists.len() == 1).then(|| lists[0].name.clone()),
        inferred: true,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn model(json: serde_json::Value) -> ModelFiles {
        ModelFiles::from_service(serde_json::from_value(json).expect("a botocore model"))
    }

    #[test]
    fn operations_without_input_get_a_synthetic_one() {
        let svc = resolve(&model(serde_json::json!({
            "metadata": {"protocol": "rest-json"},
            "operations": {"Ping": {"name": "Ping", "http": {"method": "GET", "requestUri": "/ping"}}},
            "shapes": {}
        })))
        .unwrap();
        let input = svc.operations[0].input.expect("an input");
        let shape = svc.shape(input);
        assert_eq!(shape.wire_name, "PingInput");
        assert!(shape.synthetic);
        assert!(matches!(&shape.kind, ShapeKind::Structure(st) if st.members.is_empty()));
    }

    #[test]
    fn payload_unions_documents_and_formats_resolve() {
        let svc = resolve(&model(serde_json::json!({
            "metadata": {"protocol": "rest-json"},
            "operations": {"Put": {"name": "Put", "http": {"method": "PUT", "requestUri": "/"},
                                   "input": {"shape": "In"}}},
            "shapes": {
                "In": {"type": "structure", "payload": "u",
                       "members": {"u": {"shape": "U"}, "t": {"shape": "T", "location": "header",
                                   "locationName": "X-T", "timestampFormat": "iso8601"}}},
                "U": {"type": "structure", "union": true, "members": {"d": {"shape": "D"}}},
                "D": {"type": "structure", "document": true, "members": {}},
                "T": {"type": "timestamp", "timestampFormat": "rfc822"}
            }
        })))
        .unwrap();
        let ShapeKind::Structure(input) = &svc.shape(svc.by_name["In"]).kind else {
            panic!("In is a structure");
        };
        assert_eq!(input.payload, Some(0));
        assert_eq!(input.members[0].location, Location::Payload);
        assert_eq!(
            input.members[1].timestamp_format,
            Some(TimestampFormat::Iso8601)
        );
        let t = svc.by_name["T"];
        assert_eq!(
            svc.timestamp_format(None, t, TimestampFormat::EpochSeconds),
            TimestampFormat::HttpDate
        );
        assert!(matches!(
            svc.shape(svc.by_name["U"]).kind,
            ShapeKind::Union(_)
        ));
        assert!(matches!(
            svc.shape(svc.by_name["D"]).kind,
            ShapeKind::Document
        ));
    }
}
