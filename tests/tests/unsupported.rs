//! Models the generator cannot handle yet (event streams, streaming strings, unknown timestamp
//! formats, traits on the wrong kind of member, ...) and
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

/// Runs the whole generator and returns the files; an error or a panic fails the test.
fn generate_ok(model: Value) -> std::collections::BTreeMap<std::path::PathBuf, String> {
    let files = files(model);
    let opts = GenerateOptions::new("unsupported-sdk", "../runtime");
    match catch_unwind(AssertUnwindSafe(|| codegen::generate(&files, &opts))) {
        Err(_) => panic!("the generator panicked"),
        Ok(Err(e)) => panic!("expected generated code, got: {e}"),
        Ok(Ok(out)) => out,
    }
}

/// Constructs the conformance work (issue 5) added: they generate, with the expected types.
#[test]
fn timestamps_blobs_floats_documents_unions_and_payloads_generate() {
    let out = generate_ok(model_with(json!({
        "Input": {
            "type": "structure",
            "members": {
                "createdAt": {"shape": "CreatedAt"},
                "at": {"shape": "Iso", "location": "header", "locationName": "X-At"},
                "data": {"shape": "Data"},
                "ratio": {"shape": "Ratio"},
                "scale": {"shape": "Scale"},
                "doc": {"shape": "Doc"},
                "choice": {"shape": "Choice"},
                "meta": {"shape": "Meta", "location": "headers", "locationName": "x-meta-"},
                "attrs": {"shape": "String", "jsonvalue": true, "location": "header", "locationName": "X-Attrs"},
                "body": {"shape": "Body"}
            },
            "payload": "body"
        },
        "CreatedAt": {"type": "timestamp"},
        "Iso": {"type": "timestamp", "timestampFormat": "iso8601"},
        "LonelyTime": {"type": "timestamp", "timestampFormat": "rfc822"},
        "Data": {"type": "blob"},
        "Ratio": {"type": "float"},
        "Scale": {"type": "double"},
        "Doc": {"type": "structure", "members": {}, "document": true},
        "Choice": {
            "type": "structure",
            "members": {"a": {"shape": "String"}, "b": {"shape": "Ratio"}},
            "union": true
        },
        "Meta": {"type": "map", "key": {"shape": "String"}, "value": {"shape": "String"}},
        "Body": {"type": "structure", "members": {"text": {"shape": "String"}}},
        "String": {"type": "string"}
    })));
    let input = &out[std::path::Path::new("src/types/input.rs")];
    for needle in [
        "Option<sdk_runtime::DateTime>",
        "Option<sdk_runtime::Blob>",
        "Option<f32>",
        "Option<f64>",
        "Option<sdk_runtime::Document>",
        "Option<crate::types::Choice>",
    ] {
        assert!(input.contains(needle), "{needle} missing in {input}");
    }
    let choice = &out[std::path::Path::new("src/types/choice.rs")];
    assert!(choice.contains("pub enum Choice"), "{choice}");
    assert!(choice.contains("Unknown"), "{choice}");
}

#[test]
fn unknown_timestamp_format_names_the_shape() {
    let err = generate_err(model_with(json!({
        "Input": {"type": "structure", "members": {}},
        "LonelyTime": {"type": "timestamp", "timestampFormat": "unixMillis"}
    })));
    assert_unsupported(&err, "LonelyTime", "unixMillis");
}

#[test]
fn payload_member_of_an_unsupported_kind() {
    let err = generate_err(model_with(json!({
        "Input": {
            "type": "structure",
            "members": {"items": {"shape": "Items"}},
            "payload": "items"
        },
        "Items": {"type": "list", "member": {"shape": "String"}},
        "String": {"type": "string"}
    })));
    assert_unsupported(&err, "DoThing.items", "payload");
}

#[test]
fn streaming_strings_and_event_streams() {
    let cases = [
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
fn member_traits_on_the_wrong_target_name_the_member() {
    let cases = [
        (json!({"shape": "Integer", "hostLabel": true}), "hostLabel"),
        (
            json!({"shape": "String", "location": "headers", "locationName": "x-meta-"}),
            "headers",
        ),
        (
            json!({"shape": "String", "timestampFormat": "iso8601"}),
            "timestampFormat",
        ),
        (
            json!({"shape": "Integer", "jsonvalue": true, "location": "header", "locationName": "X-A"}),
            "jsonvalue",
        ),
    ];
    for (member, construct) in cases {
        let err = generate_err(model_with(json!({
            "Input": {"type": "structure", "members": {"odd": member}},
            "String": {"type": "string"},
            "Integer": {"type": "integer"}
        })));
        assert_unsupported(&err, "Input.odd", construct);
    }
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
        "Input": {"type": "structure", "members": {"events": {"shape": "Events"}}},
        "Events": {"type": "structure", "members": {}, "eventstream": true}
    }));
    let from_resolve = codegen::resolve::resolve(&files(model.clone()))
        .expect_err("event streams are unsupported");
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
