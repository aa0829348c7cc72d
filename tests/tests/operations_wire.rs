//! Every FinSpace Data operation, called through the generated client over a loopback server,
//! sends what botocore 1.43.11 sends for the same input. The expectations are read at test time
//! from `tests/data/botocore-requests/requests.json` (see the README beside it): method, raw
//! path, decoded query pairs in order, `Host`, `Content-Type` (present only with a body),
//! `Content-Length`, and the JSON body compared as a value. The file's `client_token_unset`
//! cases check the auto-filled idempotency token (a v4 UUID in the place botocore puts it) and
//! its `empty_input` cases calls without any input member. Each test runs every case and
//! reports all mismatching operations at once.
//!
//! Two differences are by design and not mismatches: JSON text layout (botocore writes `", "`
//! and `": "` separators and `\uXXXX` escapes, so its `Content-Length` differs for the same
//! value; ours must equal the length of the body we send), and map key order.

use finspace_data::types::{CreateChangesetRequest, GetProgrammaticAccessCredentialsRequest};
use percent_encoding::percent_decode_str;
use serde_json::Value;
use tests::loopback::{RecordedRequest, Server};
use tests::operations::{self, botocore_requests, OPERATIONS};
use tests::{finspace_model_json, harness};

/// One expectation of the data file.
struct Case {
    label: String,
    operation: String,
    params: Value,
    request: Value,
    /// For `client_token_unset` cases: the token member and whether botocore auto-filled it.
    token: Option<(String, bool)>,
}

/// The cases of one kind: `None` for the full calls, or `client_token_unset`/`empty_input`.
fn cases(kind: Option<&str>) -> Vec<Case> {
    botocore_requests()
        .into_iter()
        .filter_map(|entry| {
            let operation = entry["operation"].as_str()?.to_owned();
            let (label, case) = match kind {
                None => (operation.clone(), &entry),
                Some(kind) => (format!("{operation} ({kind})"), entry.get(kind)?),
            };
            let token = case.get("member").map(|m| {
                (
                    m.as_str().expect("member is a string").to_owned(),
                    case["autofilled_client_token"] == Value::Bool(true),
                )
            });
            Some(Case {
                label,
                operation,
                params: case["params"].clone(),
                request: case["request"].clone(),
                token,
            })
        })
        .collect()
}

/// The query string as `(name, value)` pairs, percent-decoded (`+` is not a space), in order.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

/// True for a lower-case hyphenated v4 (random, RFC 4122 variant) UUID.
fn is_v4_uuid(text: &str) -> bool {
    let lower_hex = text.len() == 36
        && text
            .chars()
            .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c));
    lower_hex
        && uuid::Uuid::try_parse(text)
            .is_ok_and(|u| u.get_version_num() == 4 && u.get_variant() == uuid::Variant::RFC4122)
}

/// Every difference between `got` and botocore's `want` (empty when they agree).
fn compare(
    server: &Server,
    got: &RecordedRequest,
    want: &Value,
    token: Option<&(String, bool)>,
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |what: &str, ok: bool, detail: String| {
        if !ok {
            problems.push(format!("{what}: {detail}"));
        }
    };

    let want_method = want["method"].as_str().unwrap_or_default();
    check(
        "method",
        got.method == want_method,
        format!("sent {} , botocore {want_method}", got.method),
    );
    let want_path = want["path"].as_str().unwrap_or_default();
    check(
        "path",
        got.path() == want_path,
        format!("sent {:?}, botocore {want_path:?}", got.path()),
    );

    // Query and body, with an auto-filled token checked and replaced by `<uuid>` as in the file.
    let mut query = query_pairs(got.query());
    let mut body: Option<Value> = if got.body.is_empty() {
        None
    } else {
        match serde_json::from_slice(&got.body) {
            Ok(v) => Some(v),
            Err(e) => {
                check(
                    "body",
                    false,
                    format!("not JSON ({e}): {:?}", got.body_text()),
                );
                return problems;
            }
        }
    };
    if let Some((member, true)) = token {
        let mut places = Vec::new();
        for (name, value) in query.iter_mut().filter(|(n, _)| n == member) {
            places.push(format!("query {name}={value}"));
            check(
                "auto-filled token",
                is_v4_uuid(value),
                format!("query {member}={value:?} is not a v4 UUID"),
            );
            *value = "<uuid>".to_owned();
        }
        if let Some(value) = body.as_mut().and_then(|b| b.get_mut(member.as_str())) {
            places.push(format!("body {member}={value}"));
            let text = value.as_str().unwrap_or_default().to_owned();
            check(
                "auto-filled token",
                is_v4_uuid(&text),
                format!("body {member}={value} is not a v4 UUID string"),
            );
            *value = Value::String("<uuid>".to_owned());
        }
        check(
            "auto-filled token",
            places.len() == 1,
            format!("expected exactly one {member}, found {places:?}"),
        );
    }
    let want_query: Vec<(String, String)> = want["query"]
        .as_array()
        .map(|pairs| {
            pairs
                .iter()
                .map(|p| {
                    (
                        p[0].as_str().unwrap_or_default().to_owned(),
                        p[1].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    check(
        "query",
        query == want_query,
        format!(
            "sent {query:?} (raw {:?}), botocore {want_query:?} (raw {})",
            got.query(),
            want["query_raw"]
        ),
    );
    let want_body = match &want["body"] {
        Value::Null => None,
        other => Some(other.clone()),
    };
    check(
        "body",
        body == want_body,
        format!(
            "sent {}, botocore {}",
            got.body_text(),
            want["body_raw"].as_str().unwrap_or_default()
        ),
    );

    // Headers: Host, Content-Type, Content-Length and any modelled header.
    let want_headers = want["headers"].as_object().cloned().unwrap_or_default();
    let port = server.port().to_string();
    for (name, value) in &want_headers {
        let value = value.as_str().unwrap_or_default().replace("{port}", &port);
        let sent = got.header_all(name);
        match name.as_str() {
            "content-length" => {
                let ok = sent.len() == 1 && sent[0] == got.body.len().to_string();
                check(
                    "content-length",
                    ok,
                    format!("sent {sent:?} for a {}-byte body", got.body.len()),
                );
                if want["body_raw"].as_str() == Some("") {
                    check(
                        "content-length",
                        sent == [value.as_str()],
                        format!("sent {sent:?}, botocore {value:?} for an empty body"),
                    );
                }
            }
            _ => check(
                name,
                sent == [value.as_str()],
                format!("sent {sent:?}, botocore {value:?}"),
            ),
        }
    }
    for name in ["content-type", "content-length"] {
        if !want_headers.contains_key(name) {
            let sent = got.header_all(name);
            check(
                name,
                sent.is_empty(),
                format!("sent {sent:?}, botocore sends none"),
            );
        }
    }
    // The other headers botocore sends (values vary per run): signing, user agent, SDK ids.
    // `accept-encoding` is left out: botocore's `identity` is what no header means anyway.
    let sent_names = got.header_names();
    for name in want["header_names"].as_array().into_iter().flatten() {
        let name = name.as_str().unwrap_or_default();
        if name != "accept-encoding" {
            check(
                "headers",
                sent_names.iter().any(|n| n == name),
                format!("botocore sends `{name}`, we do not (sent {sent_names:?})"),
            );
        }
    }
    problems
}

/// Calls every case through one client and one server (so connections are reused across
/// operations) and fails with the list of every mismatching case.
async fn run(cases: Vec<Case>, expected_count: usize) {
    assert_eq!(
        cases.len(),
        expected_count,
        "number of cases in the data file"
    );
    let server = Server::start();
    let client = harness::client(&server);
    let mut failures = Vec::new();
    for case in &cases {
        server.clear();
        let outcome = operations::call(&client, &case.operation, &case.params).await;
        let recorded = server.requests();
        let mut problems = Vec::new();
        if let Err(e) = outcome {
            problems.push(format!("call failed: {e}"));
        }
        match recorded.as_slice() {
            [one] => problems.extend(compare(&server, one, &case.request, case.token.as_ref())),
            other => problems.push(format!("expected 1 request, got {}", other.len())),
        }
        if !problems.is_empty() {
            failures.push(format!("{}:\n    {}", case.label, problems.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from botocore:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn the_data_file_covers_every_model_operation_in_order() {
    let model = finspace_model_json();
    let from_model: Vec<&str> = model["operations"]
        .as_object()
        .expect("model has operations")
        .keys()
        .map(String::as_str)
        .collect();
    let entries = botocore_requests();
    let from_file: Vec<&str> = entries
        .iter()
        .map(|e| e["operation"].as_str().expect("operation name"))
        .collect();
    assert_eq!(from_model, OPERATIONS);
    assert_eq!(from_file, OPERATIONS);
}

#[tokio::test]
async fn every_operation_sends_what_botocore_sends() {
    run(cases(None), 31).await;
}

#[tokio::test]
async fn unset_client_tokens_are_v4_uuids_where_botocore_puts_them() {
    run(cases(Some("client_token_unset")), 16).await;
}

#[tokio::test]
async fn operations_without_required_members_accept_empty_input() {
    run(cases(Some("empty_input")), 2).await;
}

/// `Client::send_input` with request structures built by hand sends the same requests as the
/// fluent builders.
#[tokio::test]
async fn send_input_sends_what_botocore_sends() {
    let entries = botocore_requests();
    let entry = |name: &str| {
        entries
            .iter()
            .find(|e| e["operation"] == name)
            .unwrap_or_else(|| panic!("{name} is in the data file"))
            .clone()
    };
    let server = Server::start();
    let client = harness::client(&server);
    let mut failures = Vec::new();

    let changeset = entry("CreateChangeset");
    let p = operations::Params(&changeset["params"]);
    let input = CreateChangesetRequest::builder()
        .client_token(p.s("clientToken"))
        .dataset_id(p.s("datasetId"))
        .change_type(p.s("changeType").as_str())
        .set_source_params(Some(p.map("sourceParams")))
        .set_format_params(Some(p.map("formatParams")))
        .build();
    if let Err(e) = client.send_input(input).await {
        failures.push(format!("CreateChangeset: call failed: {e}"));
    }
    let credentials = entry("GetProgrammaticAccessCredentials");
    let p = operations::Params(&credentials["params"]);
    let input = GetProgrammaticAccessCredentialsRequest::builder()
        .set_duration_in_minutes(p.oi64("durationInMinutes"))
        .environment_id(p.s("environmentId"))
        .build();
    if let Err(e) = client.send_input(input).await {
        failures.push(format!(
            "GetProgrammaticAccessCredentials: call failed: {e}"
        ));
    }

    let recorded = server.requests();
    assert_eq!(recorded.len(), 2, "one request per call");
    for (got, want) in recorded.iter().zip([&changeset, &credentials]) {
        let problems = compare(&server, got, &want["request"], None);
        if !problems.is_empty() {
            failures.push(format!("{}: {}", want["operation"], problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The default (hyper) client keeps one pooled connection for sequential calls.
#[cfg(feature = "default-https-client")]
#[tokio::test]
async fn the_default_client_reuses_its_connection() {
    let server = Server::start();
    let client = harness::client(&server);
    for entry in botocore_requests().iter().take(5) {
        let operation = entry["operation"].as_str().expect("operation name");
        operations::call(&client, operation, &entry["params"])
            .await
            .unwrap_or_else(|e| panic!("{operation}: {e}"));
    }
    assert_eq!(server.request_count(), 5);
    assert_eq!(server.connection_count(), 1);
}

/// A request structure missing a required member fails before anything is sent.
#[tokio::test]
async fn send_input_checks_required_members_before_sending() {
    let server = Server::start();
    let client = harness::client(&server);
    let input = CreateChangesetRequest::builder()
        .dataset_id("ds-1")
        .change_type("REPLACE")
        .build();
    let err = client
        .send_input(input)
        .await
        .expect_err("sourceParams and formatParams are required");
    assert!(
        matches!(err, finspace_data::error::Error::Construction(_)),
        "{err:?}"
    );
    let shown = err.to_string();
    assert!(shown.contains("sourceParams"), "{shown}");
    assert_eq!(server.request_count(), 0);
}
