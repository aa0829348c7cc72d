//! `rest-json input`: each case's params are serialized and sent by the suite's generated
//! client; the recorded request must match `serialized`: method, path, query (as a multiset),
//! the listed headers, `forbidHeaders` absent, `requireHeaders` present, host, and body.

use super::compare::{body_matches, query_pairs, split_uri};
use super::{endpoint_of, recording_config, suites};
use crate::report::{Category, Outcome};
use crate::skips;
use sdk_runtime::HttpRequest;

const VECTORS: &str =
    include_str!("../../../tests/conformance-data/protocols/input/rest-json.json");

/// Runs every input case.
pub async fn run() -> Category {
    let mut category = Category::new("rest-json input");
    let suites = match suites(VECTORS) {
        Ok(s) => s,
        Err(e) => {
            category.push("input/rest-json.json", Outcome::Failed(e));
            return category;
        }
    };
    for (i, suite) in suites.iter().enumerate() {
        let dispatch = crate::suites::INPUT.get(i).copied();
        for case in suite["cases"].as_array().into_iter().flatten() {
            let id = case["id"].as_str().unwrap_or("(no id)").to_owned();
            let outcome = if let Some(reason) = skips::reason(skips::INPUT, &id) {
                Outcome::Skipped(reason.to_owned())
            } else {
                match dispatch {
                    None => Outcome::Failed("the suite was not generated".into()),
                    Some(Err(why)) => Outcome::Failed(why.to_owned()),
                    Some(Ok(send)) => match run_case(send, suite, case).await {
                        Ok(()) => Outcome::Passed,
                        Err(why) => Outcome::Failed(why),
                    },
                }
            };
            category.push(id, outcome);
        }
    }
    category
}

async fn run_case(
    send: crate::params::SendFn,
    suite: &serde_json::Value,
    case: &serde_json::Value,
) -> Result<(), String> {
    let endpoint = endpoint_of(suite);
    let (config, seen) = recording_config(&endpoint, || {
        http::Response::builder()
            .status(200)
            .body(bytes::Bytes::from_static(b"{}"))
            .unwrap_or_default()
    });
    let operation = case["given"]["name"].as_str().ok_or("no operation name")?;
    let params = case.get("params").cloned().unwrap_or_default();
    let sent = send(config, operation, &params).await?;
    let request = seen
        .lock()
        .map_err(|_| "request recorder poisoned")?
        .pop()
        .ok_or_else(|| format!("no request was sent: {sent:?}"))?;
    check(&case["serialized"], &request)
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> Option<&'a str> {
    request
        .headers()
        .get(name)
        .map(|v| std::str::from_utf8(v.as_bytes()).unwrap_or("<not utf-8>"))
}

fn check(want: &serde_json::Value, request: &HttpRequest) -> Result<(), String> {
    let mut problems = Vec::new();
    if let Some(method) = want["method"].as_str() {
        if request.method().as_str() != method {
            problems.push(format!(
                "method: expected {method}, got {}",
                request.method()
            ));
        }
    }
    if let Some(uri) = want["uri"].as_str() {
        let (want_path, want_query) = split_uri(uri);
        let got_path = request.uri().path();
        let got_query = request.uri().query().unwrap_or("");
        if got_path != want_path {
            problems.push(format!("path: expected {want_path}, got {got_path}"));
        }
        if query_pairs(got_query) != query_pairs(want_query) {
            problems.push(format!("query: expected {want_query:?}, got {got_query:?}"));
        }
    }
    // `host` is the host the request goes to, followed by the endpoint's base path if any
    // (`example.com/custom`).
    if let Some(host) = want["host"].as_str() {
        let (want_host, base) = match host.split_once('/') {
            Some((h, p)) => (h, format!("/{p}")),
            None => (host, String::new()),
        };
        let got = request.uri().host().unwrap_or("");
        if got != want_host || !request.uri().path().starts_with(&base) {
            problems.push(format!(
                "host: expected {host}, got {got}{}",
                request.uri().path()
            ));
        }
    }
    for (name, value) in want["headers"].as_object().into_iter().flatten() {
        let expected = value.as_str().unwrap_or_default();
        match header(request, name) {
            Some(got) if got == expected => {}
            got => problems.push(format!("header {name}: expected {expected:?}, got {got:?}")),
        }
    }
    for name in want["forbidHeaders"].as_array().into_iter().flatten() {
        let name = name.as_str().unwrap_or_default();
        if let Some(got) = header(request, name) {
            problems.push(format!("header {name} must be absent, got {got:?}"));
        }
    }
    for name in want["requireHeaders"].as_array().into_iter().flatten() {
        let name = name.as_str().unwrap_or_default();
        if header(request, name).is_none() {
            problems.push(format!("header {name} is required"));
        }
    }
    if let Some(body) = want.get("body").and_then(|b| b.as_str()) {
        if let Err(e) = body_matches(body, header(request, "content-type"), request.body()) {
            problems.push(e);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
