//! Models the generator cannot handle yet (timestamps, blobs, unions, `payload` members, ...) and
//! inconsistent models (references to missing shapes, name clashes) must fail with a
//! `CodegenError` whose message names the shape and the construct: never a panic, never code.

use std::panic::{catch_unwind, AssertUnwindSafe};

use codegen::{CodegenError, GenerateOptions, ModelFiles};
use serde_json::{json, Value};

/// A minimal rest-json model around `shapes`, with one operation using `Input` when present.
fn model_with(shapes: Value) -> Value {
    let mut operations = serde_json::Map::new();
    if shapes.get("Input").is_some() {
        operations.insert(
            "DoThing".into(),
            json!({
                "name": "DoThing",
                "http": {"method": "POST", "requestUri": "/things"},
                "input": {"shape": "Input"}
            }),
        );
    }
    json!({
        "version": "2.0",
        "metadata": {
            "apiVersion": "2021-01-01",
            "protocol": "rest-json",
            "serviceFullName": "Example Unsupported Service",
            "serviceId": "Unsupported",
            "signingName": "unsupported"
        },
        "operations": operations,
        "shapes": shapes
    })
}

fn files(model: Value) -> ModelFiles {
    ModelFiles::from_service(serde_json::from_value(model).expect("a well-formed botocore model"))
}

/// Runs the whole generator and returns its error; a panic or a success fails the test.
fn generate_err(model: Value) -> CodegenError {
    let files = files(model);
    let opts = GenerateOptions::new("unsupported-sdk", "../runtime");
    match catch_unwind(AssertUnwindSafe(|| codegen::generate(&files, &opts))) {
        Err(_) => panic!("the generator panicked instead of returning an error"),
        Ok(Ok(out)) => panic!("expected an error, but {} files were generated", out.len()),
        Ok(Err(e)) => e,
    }
}

/// Asserts an `Unsupported` error for `shape` whose construct and message mention `construct`.
fn assert_unsupported(err: &CodegenError, shape: &str, construct: &str) {
    let message = err.to_string();
    match err {
        CodegenError::Unsupported {
            shape: s,
            construct: c,
        } => {
            assert_eq!(s, shape, "wrong shape in {message:?}");
            assert!(
                c.contains(construct),
                "construct {c:?} does not mention {construct:?}"
            );
        }
        other => panic!("expected Unsupported for `{shape}`, got {other:?}"),
    }
    assert!(
        message.contains(shape),
        "message {message:?} does not name `{shape}`"
    );
    assert!(
        message.contains(construct),
        "message {message:?} does not name {construct:?}"
    );
}

/// Asserts an `Invalid` error at `shape` whose message mentions every string of `mentions`.
fn assert_invalid(err: &CodegenError, shape: &str, mentions: &[&str]) {
    let message = err.to_string();
    match err {
        CodegenError::Invalid { shape: s, .. } => {
            assert_eq!(s, shape, "wrong shape in {message:?}")
        }
        other => panic!("expected Invalid at `{shape}`, got {other:?}"),
    }
    assert!(
        message.contains(shape),
        "message {message:?} does not name `{shape}`"
    );
    for m in mentions {
        assert!(
            message.contains(m),
            "message {message:?} does not mention {m:?}"
        );
    }
}

#[test]
fn timestamp_shape() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {"createdAt": {"shape": "CreatedAt"}}},
        "CreatedAt": {"type": "timestamp"}
    })));
    assert_unsupported(&err, "CreatedAt", "timestamp");
}

#[test]
fn timestamp_shape_even_when_unreferenced() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {}},
        "LonelyTime": {"type": "timestamp", "timestampFormat": "iso8601"}
    })));
    match &err {
        CodegenError::Unsupported { shape, .. } => assert_eq!(shape, "LonelyTime"),
        other => panic!("expected Unsupported, got {other:?}"),
    }
    assert!(err.to_string().contains("LonelyTime"), "{err}");
}

#[test]
fn blob_shape() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {"data": {"shape": "Data"}}},
        "Data": {"type": "blob"}
    })));
    assert_unsupported(&err, "Data", "blob");
}

#[test]
fn float_and_double_shapes() {
    for kind in ["float", "double"] {
        let err = generate_err(model_with(json!({
            "Input": {"type": "structure", "members": {"ratio": {"shape": "Ratio"}}},
            "Ratio": {"type": kind}
        })));
        assert_unsupported(&err, "Ratio", kind);
    }
}

#[test]
fn union_structure() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {"choice": {"shape": "Choice"}}},
        "Choice": {
            "type": "structure",
            "members": {"a": {"shape": "String"}, "b": {"shape": "String"}},
            "union": true
        },
        "String": {"type": "string"}
    })));
    assert_unsupported(&err, "Choice", "union");
}

#[test]
fn payload_member() {
    let err = generate_err(model_with(json!({
        "Input": {
            "type": "structure",
            "members": {"body": {"shape": "Body"}},
            "payload": "body"
        },
        "Body": {"type": "structure", "members": {"text": {"shape": "String"}}},
        "String": {"type": "string"}
    })));
    assert_unsupported(&err, "Input", "payload");
    assert!(
        err.to_string().contains("body"),
        "the payload member is not named: {err}"
    );
}

#[test]
fn document_streaming_and_event_stream_shapes() {
    let cases = [
        (
            "Doc",
            json!({"type": "structure", "members": {}, "document": true}),
            "document",
        ),
        (
            "Stream",
            json!({"type": "string", "streaming": true}),
            "streaming",
        ),
        (
            "Events",
            json!({"type": "structure", "members": {}, "eventstream": true}),
            "event",
        ),
        (
            "Event",
            json!({"type": "structure", "members": {}, "event": true}),
            "event",
        ),
    ];
    for (name, shape, construct) in cases {
        let mut shapes = json!({"Input": {"type": "structure", "members": {"x": {"shape": name}}}});
        shapes[name] = shape;
        let err = generate_err(model_with(shapes));
        assert_unsupported(&err, name, construct);
    }
}

#[test]
fn unsupported_member_traits_name_the_member() {
    let cases = [
        (json!({"shape": "String", "hostLabel": true}), "hostLabel"),
        (
            json!({"shape": "String", "location": "headers", "locationName": "x-meta-"}),
            "headers",
        ),
        (
            json!({"shape": "String", "timestampFormat": "iso8601"}),
            "timestampFormat",
        ),
    ];
    for (member, construct) in cases {
        let err = generate_err(model_with(json!({
            "Input": {"type": "structure", "members": {"odd": member}},
            "String": {"type": "string"}
        })));
        assert_unsupported(&err, "Input.odd", construct);
    }
}

/// botocore spells the trait `jsonvalue` (all lower case, see `botocore/model.py`
/// `SERIALIZED_ATTRS` and the rest-json protocol vectors).
#[test]
fn jsonvalue_member_is_rejected() {
    let err = generate_err(model_with(json!({
        "Input": {
            "type": "structure",
            "members": {
                "attributes": {
                    "shape": "String",
                    "jsonvalue": true,
                    "location": "header",
                    "locationName": "X-Attributes"
                }
            }
        },
        "String": {"type": "string"}
    })));
    assert_unsupported(&err, "Input.attributes", "jsonvalue");
}

#[test]
fn map_with_a_non_string_key() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {"counts": {"shape": "CountMap"}}},
        "CountMap": {"type": "map", "key": {"shape": "Integer"}, "value": {"shape": "Integer"}},
        "Integer": {"type": "integer"}
    })));
    assert_unsupported(&err, "CountMap", "map key");
}

#[test]
fn protocol_other_than_rest_json() {
    let mut model = model_with(json!({"Input": {"type": "structure", "members": {}}}));
    model["metadata"]["protocol"] = json!("json");
    let err = generate_err(model);
    match &err {
        CodegenError::Unsupported { construct, .. } => {
            assert!(construct.contains("json"), "{construct}")
        }
        other => panic!("expected Unsupported, got {other:?}"),
    }
    assert!(err.to_string().contains("protocol"), "{err}");
}

#[test]
fn member_refers_to_a_missing_shape() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {"ghost": {"shape": "Ghost"}}}
    })));
    assert_invalid(&err, "Input.ghost", &["Ghost"]);
}

#[test]
fn list_member_map_value_and_operation_refer_to_missing_shapes() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {}},
        "Names": {"type": "list", "member": {"shape": "MissingName"}}
    })));
    assert_invalid(&err, "Names", &["MissingName"]);

    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {}},
        "Lookup": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "MissingValue"}},
        "String": {"type": "string"}
    })));
    assert_invalid(&err, "Lookup", &["MissingValue"]);

    let mut model = model_with(json!({"Input": {"type": "structure", "members": {}}}));
    model["operations"]["DoThing"]["output"] = json!({"shape": "MissingOutput"});
    let err = generate_err(model);
    assert_invalid(&err, "DoThing", &["MissingOutput"]);

    let mut model = model_with(json!({"Input": {"type": "structure", "members": {}}}));
    model["operations"]["DoThing"]["errors"] = json!([{"shape": "MissingException"}]);
    let err = generate_err(model);
    assert_invalid(&err, "DoThing", &["MissingException"]);
}

#[test]
fn required_member_that_does_not_exist() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "required": ["absent"], "members": {}}
    })));
    assert_invalid(&err, "Input", &["absent"]);
}

#[test]
fn members_that_map_to_the_same_field() {
    let err = generate_err(model_with(json!({
        "Input": {
            "type": "structure",
            "members": {"fooBar": {"shape": "String"}, "foo_bar": {"shape": "String"}}
        },
        "String": {"type": "string"}
    })));
    assert!(matches!(err, CodegenError::Invalid { .. }), "{err:?}");
    let message = err.to_string();
    assert!(message.contains("Input"), "{message}");
    assert!(message.contains("foo_bar"), "{message}");
}

#[test]
fn shapes_that_map_to_the_same_type() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {}},
        "dataView": {"type": "structure", "members": {}},
        "DataView": {"type": "structure", "members": {}}
    })));
    assert!(matches!(err, CodegenError::Invalid { .. }), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("dataView") && message.contains("DataView"),
        "{message}"
    );
}

#[test]
fn enum_values_that_map_to_the_same_variant() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {}},
        "Mode": {"type": "string", "enum": ["fast-mode", "fast_mode"]}
    })));
    assert_invalid(&err, "Mode", &["FastMode"]);
}

#[test]
fn resolve_reports_the_same_error_as_generate() {
    let model = model_with(json!({
        "Input": {"type": "structure", "members": {"data": {"shape": "Data"}}},
        "Data": {"type": "blob"}
    }));
    let from_resolve =
        codegen::resolve::resolve(&files(model.clone())).expect_err("blob is unsupported");
    assert_eq!(from_resolve, generate_err(model));
}

/// A structure that is an operation's input (with a URI-bound member) and also nested in a
/// response body would need two wire forms; the generator refuses it by name.
#[test]
fn input_structure_reused_in_a_body_is_rejected() {
    let model = serde_json::json!({
        "metadata": {"protocol": "rest-json", "apiVersion": "2024-01-01", "serviceId": "Reuse", "signingName": "reuse"},
        "operations": {
            "PutThing": {"name": "PutThing", "http": {"method": "PUT", "requestUri": "/things/{id}"},
                          "input": {"shape": "Thing"}, "output": {"shape": "Listing"}}
        },
        "shapes": {
            "Thing": {"type": "structure", "required": ["id"], "members": {
                "id": {"shape": "Str", "location": "uri", "locationName": "id"},
                "name": {"shape": "Str"}}},
            "Listing": {"type": "structure", "members": {"things": {"shape": "Things"}}},
            "Things": {"type": "list", "member": {"shape": "Thing"}},
            "Str": {"type": "string"}
        }
    });
    let service: codegen::load::ServiceModel = serde_json::from_value(model).unwrap();
    let files = codegen::ModelFiles::from_service(service);
    let err = codegen::generate(
        &files,
        &codegen::GenerateOptions::new("reuse", "../runtime"),
    )
    .expect_err("reused input structure must be rejected");
    let text = err.to_string();
    assert!(text.contains("`Thing`"), "{text}");
    assert!(text.contains("nested"), "{text}");
}
