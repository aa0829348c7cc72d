//! Retries in standard mode over loopback, with a 1 ms backoff so nothing waits: 5xx, 429 and
//! throttling codes are retried up to 3 attempts, 4xx validation errors never; every attempt of
//! one call carries the same auto-filled `clientToken` and `amz-sdk-invocation-id`, and
//! `amz-sdk-request` counts the attempts.
#![allow(deprecated)] // every FinSpace Data operation is deprecated in the model

use finspace_data::error::Error;
use finspace_data::operation::create_changeset::CreateChangesetError;
use std::collections::BTreeMap;
use tests::harness;
use tests::loopback::{RecordedRequest, Response, Server};

/// A client for `server` with standard retries (3 attempts) and a 1 ms backoff.
fn retrying_client(server: &Server) -> finspace_data::Client {
    finspace_data::Client::from_conf(
        harness::config(server)
            .retry_config(harness::fast_retries(3))
            .build(),
    )
}

/// `CreateChangeset` without a client token, so the SDK fills one in.
async fn create_changeset(
    client: &finspace_data::Client,
) -> Result<finspace_data::types::CreateChangesetResponse, Error<CreateChangesetError>> {
    let source = BTreeMap::from([("s3SourcePath".to_owned(), "s3://b/k".to_owned())]);
    let format = BTreeMap::from([("formatType".to_owned(), "CSV".to_owned())]);
    client
        .create_changeset("ds-1", "REPLACE", source, format)
        .send()
        .await
}

fn error(status: u16, code: &str) -> Response {
    Response::json(status, &format!(r#"{{"message": "{code} happened"}}"#))
        .header("x-amzn-ErrorType", code)
        .header("x-amzn-RequestId", "req-retry")
}

fn ok() -> Response {
    Response::json(200, r#"{"datasetId": "ds-1", "changesetId": "cs-1"}"#)
}

/// The `clientToken` of a recorded `CreateChangeset` body.
fn body_token(request: &RecordedRequest) -> String {
    let body: serde_json::Value = serde_json::from_slice(&request.body).expect("JSON body");
    body["clientToken"]
        .as_str()
        .expect("clientToken in the body")
        .to_owned()
}

#[tokio::test]
async fn retryable_statuses_are_retried_once_then_succeed() {
    for status in [500, 502, 503, 504, 429] {
        let server = Server::with_script([Response::json(status, "{}"), ok()]);
        let out = create_changeset(&retrying_client(&server))
            .await
            .unwrap_or_else(|e| panic!("HTTP {status} then 200 should succeed: {e}"));
        assert_eq!(out.changeset_id(), Some("cs-1"));
        assert_eq!(server.request_count(), 2, "HTTP {status} then 200");
    }
}

#[tokio::test]
async fn three_server_errors_fail_after_exactly_three_attempts() {
    let server = Server::with_script([
        error(500, "InternalServerException"),
        error(500, "InternalServerException"),
        error(500, "InternalServerException"),
        ok(),
    ]);
    let err = create_changeset(&retrying_client(&server))
        .await
        .expect_err("three 500s exhaust the attempts");
    assert_eq!(server.request_count(), 3);
    assert!(
        matches!(
            err.as_service_error(),
            Some(CreateChangesetError::InternalServerException(_))
        ),
        "{err:?}"
    );
    assert_eq!(err.http_status(), Some(500));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    for (status, code) in [
        (400, "ValidationException"),
        (403, "AccessDeniedException"),
        (404, "ResourceNotFoundException"),
        (409, "ConflictException"),
    ] {
        let server = Server::with_script([error(status, code), ok()]);
        let err = create_changeset(&retrying_client(&server))
            .await
            .expect_err("a 4xx error is returned at once");
        assert_eq!(server.request_count(), 1, "{code} must not be retried");
        assert_eq!(err.code(), Some(code));
        assert!(!err.is_retryable(), "{code}");
    }
}

#[tokio::test]
async fn throttling_codes_are_retried() {
    for (status, code) in [
        (400, "ThrottlingException"),
        (429, "ThrottlingException"),
        (400, "LimitExceededException"),
    ] {
        let server = Server::with_script([error(status, code), ok()]);
        create_changeset(&retrying_client(&server))
            .await
            .unwrap_or_else(|e| panic!("{code} ({status}) then 200 should succeed: {e}"));
        assert_eq!(server.request_count(), 2, "{code} ({status}) is retried");
    }
}

#[tokio::test]
async fn every_attempt_of_one_call_carries_the_same_tokens_and_counts_attempts() {
    let server = Server::with_script([
        Response::json(503, "{}"),
        error(429, "ThrottlingException"),
        ok(),
    ]);
    let client = retrying_client(&server);
    create_changeset(&client)
        .await
        .expect("third attempt succeeds");
    let attempts = server.requests();
    assert_eq!(attempts.len(), 3);

    let tokens: Vec<String> = attempts.iter().map(body_token).collect();
    assert_eq!(tokens[0].len(), 36, "a UUID: {}", tokens[0]);
    assert!(
        tokens.iter().all(|t| *t == tokens[0]),
        "clientToken changed between attempts: {tokens:?}"
    );

    let ids: Vec<&str> = attempts
        .iter()
        .map(|r| {
            r.header("amz-sdk-invocation-id")
                .expect("amz-sdk-invocation-id")
        })
        .collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    let counts: Vec<&str> = attempts
        .iter()
        .map(|r| r.header("amz-sdk-request").expect("amz-sdk-request"))
        .collect();
    assert_eq!(
        counts,
        ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]
    );
    for attempt in &attempts {
        assert_eq!(attempt.header_all("authorization").len(), 1);
        assert_eq!(attempt.header_all("x-amz-date").len(), 1);
    }

    // A second call gets a new token and a new invocation id.
    server.clear();
    create_changeset(&client).await.expect("200");
    let next = &server.requests()[0];
    assert_ne!(body_token(next), tokens[0]);
    assert_ne!(next.header("amz-sdk-invocation-id"), Some(ids[0]));
    assert_eq!(next.header("amz-sdk-request"), Some("attempt=1; max=3"));
}

/// Tokens bound to the query (`DeleteDataset`) stay the same across attempts too.
#[tokio::test]
async fn a_query_bound_client_token_is_the_same_on_every_attempt() {
    let server = Server::with_script([Response::json(500, "{}"), Response::json(500, "{}")]);
    client_delete(&server).await;
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(targets.len(), 3, "{targets:?}");
    assert!(
        targets[0].starts_with("/datasetsv2/ds-1?clientToken="),
        "{targets:?}"
    );
    assert!(targets.iter().all(|t| *t == targets[0]), "{targets:?}");
}

async fn client_delete(server: &Server) {
    retrying_client(server)
        .delete_dataset("ds-1")
        .send()
        .await
        .expect("third attempt succeeds");
}

#[tokio::test]
async fn an_explicit_client_token_is_sent_unchanged_on_every_attempt() {
    let server = Server::with_script([Response::json(500, "{}"), ok()]);
    let source = BTreeMap::from([("s3SourcePath".to_owned(), "s3://b/k".to_owned())]);
    let format = BTreeMap::from([("formatType".to_owned(), "CSV".to_owned())]);
    retrying_client(&server)
        .create_changeset("ds-1", "REPLACE", source, format)
        .client_token("my-token")
        .send()
        .await
        .expect("second attempt succeeds");
    let tokens: Vec<String> = server.requests().iter().map(body_token).collect();
    assert_eq!(tokens, ["my-token", "my-token"]);
}

#[tokio::test]
async fn retries_disabled_means_one_attempt() {
    let server = Server::with_script([Response::json(503, "{}"), ok()]);
    let err = create_changeset(&harness::client(&server))
        .await
        .expect_err("no retry");
    assert_eq!(err.http_status(), Some(503));
    assert_eq!(server.request_count(), 1);
    assert_eq!(
        server.requests()[0].header("amz-sdk-request"),
        Some("attempt=1; max=1")
    );
}
