//! `rest-json output`: each case's `response` (status, headers, body) is returned by the
//! in-memory HTTP client and parsed by the suite's generated client; the result in params form
//! must equal `result`, or the call must fail with the modelled error `errorCode` whose
//! members equal `error`.

use super::compare::json_equal;
use super::{endpoint_of, recording_config, suites};
use crate::params::Sent;
use crate::report::{Category, Outcome};
use crate::skips;
use sdk_runtime::HttpResponse;

const VECTORS: &str =
    include_str!("../../../tests/conformance-data/protocols/output/rest-json.json");

/// Runs every output case.
pub async fn run() -> Category {
    let mut category = Category::new("rest-json output");
    let suites = match suites(VECTORS) {
        Ok(s) => s,
        Err(e) => {
            category.push("output/rest-json.json", Outcome::Failed(e));
            return category;
        }
    };
    for (i, suite) in suites.iter().enumerate() {
        let dispatch = crate::suites::OUTPUT.get(i).copied();
        for case in suite["cases"].as_array().into_iter().flatten() {
            let id = case["id"].as_str().unwrap_or("(no id)").to_owned();
            let outcome = if let Some(reason) = skips::reason(skips::OUTPUT, &id) {
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

fn response_of(case: &serde_json::Value) -> Result<HttpResponse, String> {
    let r = &case["response"];
    let status = r["status_code"].as_u64().ok_or("no status_code")?;
    let mut builder = http::Response::builder().status(status as u16);
    for (name, value) in r["headers"].as_object().into_iter().flatten() {
        builder = builder.header(name.as_str(), value.as_str().unwrap_or_default());
    }
    let body = r["body"].as_str().unwrap_or_default().to_owned();
    builder
        .body(bytes::Bytes::from(body))
        .map_err(|e| format!("the vector's response is not valid HTTP: {e}"))
}

async fn run_case(
    send: crate::params::SendFn,
    suite: &serde_json::Value,
    case: &serde_json::Value,
) -> Result<(), String> {
    let response = response_of(case)?;
    let (status, headers, body) = (
        response.status(),
        response.headers().clone(),
        response.body().clone(),
    );
    let (config, _) = recording_config(&endpoint_of(suite), move || {
        let mut r = http::Response::new(body.clone());
        *r.status_mut() = status;
        *r.headers_mut() = headers.clone();
        r
    });
    let operation = case["given"]["name"].as_str().ok_or("no operation name")?;
    let params = case
        .get("params")
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    let sent = send(config, operation, &params).await?;
    if let Some(code) = case.get("errorCode").and_then(|c| c.as_str()) {
        let want_fields = case
            .get("error")
            .cloned()
            .unwrap_or_else(|| serde_json::json!({}));
        return match sent {
            Sent::ServiceError {
                modelled: Some(shape),
                fields,
                ..
            } if shape == code => {
                if json_equal(&fields, &want_fields) {
                    Ok(())
                } else {
                    Err(format!(
                        "error {code}: expected members {want_fields}, got {fields}"
                    ))
                }
            }
            other => Err(format!("expected modelled error {code}, got {other:?}")),
        };
    }
    let want = case
        .get("result")
        .cloned()
        .unwrap_or_else(|| serde_json::json!({}));
    match sent {
        Sent::Output(got) if json_equal(&got, &want) => Ok(()),
        Sent::Output(got) => Err(format!("expected {want}, got {got}")),
        other => Err(format!("expected output {want}, got {other:?}")),
    }
}
