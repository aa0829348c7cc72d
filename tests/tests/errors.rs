//! Error responses over loopback become the right typed errors. Each of the 7 modelled
//! exception codes is read from each place botocore reads one (the `x-amzn-ErrorType` header
//! with the text after `:` dropped, the body's `__type` with the text up to `#` dropped, the
//! body's `code`), with the message from `message` or `Message`, the request id from
//! `x-amzn-RequestId` and the HTTP status; `Display` reads
//! `Code: message (HTTP status, request id id)`. Unknown codes are `Unhandled` with their code,
//! malformed bodies give `ResponseParse` (never a panic), and `statusCode` output members are
//! filled from the HTTP status.
#![allow(deprecated)] // every FinSpace Data operation is deprecated in the model

use finspace_data::error::Error;
use finspace_data::operation::associate_user_to_permission_group::AssociateUserToPermissionGroupError;
use finspace_data::operation::create_changeset::CreateChangesetError;
use finspace_data::operation::get_programmatic_access_credentials::GetProgrammaticAccessCredentialsError;
use std::collections::BTreeMap;
use tests::harness;
use tests::loopback::{Response, Server};

/// The modelled exceptions with the status the model gives each.
const CODES: [(&str, u16); 7] = [
    ("AccessDeniedException", 403),
    ("ConflictException", 409),
    ("InternalServerException", 500),
    ("LimitExceededException", 400),
    ("ResourceNotFoundException", 404),
    ("ThrottlingException", 429),
    ("ValidationException", 400),
];

/// Where the error code is put.
#[derive(Clone, Copy, Debug)]
enum Place {
    /// `x-amzn-ErrorType: Code:http://internal.amazon.com/...`
    Header,
    /// `{"__type": "aws.finspace#Code", ...}`
    BodyType,
    /// `{"code": "Code", ...}`
    BodyCode,
}

const PLACES: [Place; 3] = [Place::Header, Place::BodyType, Place::BodyCode];

/// An error response with `code` in `place`, the message under `message_key`, and a request id.
fn error_response(
    code: &str,
    status: u16,
    place: Place,
    message_key: &str,
    message: &str,
    request_id: &str,
) -> Response {
    let mut body = serde_json::Map::new();
    body.insert(message_key.to_owned(), message.into());
    body.insert("reason".to_owned(), "reason text".into());
    match place {
        Place::Header => {}
        Place::BodyType => {
            body.insert("__type".to_owned(), format!("aws.finspace#{code}").into());
        }
        Place::BodyCode => {
            body.insert("code".to_owned(), code.into());
        }
    }
    let response = Response::json(status, &serde_json::Value::Object(body).to_string())
        .header("x-amzn-RequestId", request_id);
    match place {
        Place::Header => response.header(
            "x-amzn-ErrorType",
            &format!("{code}:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
        ),
        _ => response,
    }
}

/// The variant name of a `CreateChangeset` error.
fn variant(err: &CreateChangesetError) -> &'static str {
    match err {
        CreateChangesetError::AccessDeniedException(_) => "AccessDeniedException",
        CreateChangesetError::ConflictException(_) => "ConflictException",
        CreateChangesetError::InternalServerException(_) => "InternalServerException",
        CreateChangesetError::LimitExceededException(_) => "LimitExceededException",
        CreateChangesetError::ResourceNotFoundException(_) => "ResourceNotFoundException",
        CreateChangesetError::ThrottlingException(_) => "ThrottlingException",
        CreateChangesetError::ValidationException(_) => "ValidationException",
        CreateChangesetError::Unhandled(_) => "Unhandled",
        _ => "another variant",
    }
}

/// The `reason` member of the exceptions that model one.
fn reason(err: &CreateChangesetError) -> Option<&str> {
    match err {
        CreateChangesetError::ConflictException(e) => e.reason(),
        CreateChangesetError::ResourceNotFoundException(e) => e.reason(),
        CreateChangesetError::ValidationException(e) => e.reason(),
        _ => None,
    }
}

async fn create_changeset(
    client: &finspace_data::Client,
) -> Result<finspace_data::types::CreateChangesetResponse, Error<CreateChangesetError>> {
    let params = BTreeMap::from([("s3SourcePath".to_owned(), "s3://b/k".to_owned())]);
    let format = BTreeMap::from([("formatType".to_owned(), "CSV".to_owned())]);
    client
        .create_changeset("ds-1", "REPLACE", params, format)
        .client_token("token-1")
        .send()
        .await
}

#[tokio::test]
async fn every_modelled_code_is_parsed_from_every_place() {
    let server = Server::start();
    let client = harness::client(&server);
    let mut failures = Vec::new();
    let mut calls = 0;
    for (code, status) in CODES {
        for place in PLACES {
            for message_key in ["message", "Message"] {
                calls += 1;
                let label = format!("{code} in {place:?} with `{message_key}`");
                let message = format!("{code} says no ({place:?})");
                let request_id = format!("req-{calls}");
                server.push(error_response(
                    code,
                    status,
                    place,
                    message_key,
                    &message,
                    &request_id,
                ));
                let err = match create_changeset(&client).await {
                    Ok(out) => {
                        failures.push(format!("{label}: succeeded with {out:?}"));
                        continue;
                    }
                    Err(err) => err,
                };
                let mut problems = Vec::new();
                let Some(service) = err.as_service_error() else {
                    failures.push(format!("{label}: not a service error: {err:?}"));
                    continue;
                };
                if variant(service) != code {
                    problems.push(format!("variant {}", variant(service)));
                }
                if service.code() != Some(code) || err.code() != Some(code) {
                    problems.push(format!("code {:?} / {:?}", service.code(), err.code()));
                }
                if service.message() != Some(message.as_str()) || err.message() != Some(&message) {
                    problems.push(format!(
                        "message {:?} / {:?}",
                        service.message(),
                        err.message()
                    ));
                }
                if err.request_id() != Some(request_id.as_str()) {
                    problems.push(format!("request id {:?}", err.request_id()));
                }
                if err.http_status() != Some(status) {
                    problems.push(format!("status {:?}", err.http_status()));
                }
                let models_reason = matches!(
                    code,
                    "ConflictException" | "ResourceNotFoundException" | "ValidationException"
                );
                if models_reason && reason(service) != Some("reason text") {
                    problems.push(format!("reason {:?}", reason(service)));
                }
                let display = err.to_string();
                let want = format!("{code}: {message} (HTTP {status}, request id {request_id})");
                if display != want {
                    problems.push(format!("Display {display:?}, want {want:?}"));
                }
                if !problems.is_empty() {
                    failures.push(format!("{label}: {}", problems.join("; ")));
                }
            }
        }
    }
    assert_eq!(calls, 42);
    assert_eq!(
        server.request_count(),
        42,
        "one request per call (no retries)"
    );
    assert!(
        failures.is_empty(),
        "{} of 42 error responses were parsed wrongly:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// botocore reads the header first, then the body.
#[tokio::test]
async fn the_header_code_wins_over_the_body() {
    let server = Server::with_script([Response::json(
        400,
        r#"{"__type": "aws.finspace#ConflictException", "code": "ConflictException", "message": "m"}"#,
    )
    .header("x-amzn-ErrorType", "ValidationException:http://x/")]);
    let client = harness::client(&server);
    let err = create_changeset(&client).await.expect_err("400");
    assert!(
        matches!(
            err.as_service_error(),
            Some(CreateChangesetError::ValidationException(_))
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn unknown_codes_are_unhandled_with_their_code() {
    let server = Server::start();
    let client = harness::client(&server);
    for place in PLACES {
        server.push(error_response(
            "BrandNewException",
            400,
            place,
            "message",
            "something new",
            "req-new",
        ));
        let err = create_changeset(&client).await.expect_err("400");
        match err.as_service_error() {
            Some(CreateChangesetError::Unhandled(e)) => {
                assert_eq!(e.meta().code(), Some("BrandNewException"), "{place:?}");
            }
            other => panic!("{place:?}: expected Unhandled, got {other:?}"),
        }
        assert_eq!(err.code(), Some("BrandNewException"), "{place:?}");
        assert_eq!(err.message(), Some("something new"), "{place:?}");
        assert_eq!(err.request_id(), Some("req-new"), "{place:?}");
        assert_eq!(err.http_status(), Some(400), "{place:?}");
        assert_eq!(
            err.to_string(),
            "BrandNewException: something new (HTTP 400, request id req-new)",
            "{place:?}"
        );
    }
}

/// A code the service models but this operation does not is unhandled for this operation.
#[tokio::test]
async fn codes_the_operation_does_not_model_are_unhandled() {
    let server = Server::with_script([error_response(
        "ConflictException",
        409,
        Place::Header,
        "message",
        "busy",
        "req-9",
    )]);
    let client = harness::client(&server);
    let err = client
        .get_programmatic_access_credentials("env-1")
        .send()
        .await
        .expect_err("409");
    assert!(
        matches!(
            err.as_service_error(),
            Some(GetProgrammaticAccessCredentialsError::Unhandled(_))
        ),
        "{err:?}"
    );
    assert_eq!(err.code(), Some("ConflictException"));
    assert_eq!(err.http_status(), Some(409));
}

#[tokio::test]
async fn a_malformed_success_body_is_a_response_parse_error() {
    let bodies: [&[u8]; 4] = [
        br#"{"changesetId": "cs-1", "datasetId": "#,
        b"<html>not json</html>",
        br#"{"changesetId": 42}"#,
        br#"["not", "an", "object"]"#,
    ];
    let server = Server::start();
    let client = harness::client(&server);
    for body in bodies {
        server.push(Response::new(200, body).header("Content-Type", "application/json"));
        let err = create_changeset(&client).await.expect_err("malformed");
        match &err {
            Error::ResponseParse(e) => {
                assert_eq!(e.status(), 200);
                assert_eq!(e.body().as_ref(), body);
            }
            other => panic!("expected ResponseParse for {body:?}, got {other:?}"),
        }
        assert_eq!(err.http_status(), Some(200));
        assert!(!err.is_retryable());
        assert!(err.to_string().contains("HTTP 200"), "{err}");
    }
}

#[tokio::test]
async fn a_malformed_error_body_is_still_a_service_error() {
    let server = Server::with_script([
        Response::new(502, "<html>Bad Gateway</html>").header("x-amzn-RequestId", "req-502"),
        Response::new(400, "").header("x-amzn-ErrorType", "ValidationException"),
    ]);
    let client = harness::client(&server);
    let err = create_changeset(&client).await.expect_err("502");
    assert!(
        matches!(
            err.as_service_error(),
            Some(CreateChangesetError::Unhandled(_))
        ),
        "{err:?}"
    );
    assert_eq!(err.http_status(), Some(502));
    assert_eq!(err.request_id(), Some("req-502"));
    assert_eq!(err.code(), None);
    let err = create_changeset(&client).await.expect_err("400");
    assert!(
        matches!(
            err.as_service_error(),
            Some(CreateChangesetError::ValidationException(_))
        ),
        "{err:?}"
    );
    assert_eq!(err.message(), None);
    assert_eq!(err.to_string(), "ValidationException (HTTP 400)");
}

#[tokio::test]
async fn status_code_members_come_from_the_http_status() {
    let server = Server::with_script([
        Response::json(201, r#"{"statusCode": 999, "unknownField": true}"#),
        Response::json(200, "{}"),
        Response::json(202, ""),
    ]);
    let client = harness::client(&server);
    let out = client
        .associate_user_to_permission_group("pg-1", "usr-1")
        .send()
        .await
        .expect("201");
    assert_eq!(out.status_code(), Some(201));
    let out = client
        .disassociate_user_from_permission_group("pg-1", "usr-1")
        .send()
        .await
        .expect("200");
    assert_eq!(out.status_code(), Some(200));
    let out = client
        .associate_user_to_permission_group("pg-1", "usr-1")
        .send()
        .await
        .expect("202 with an empty body");
    assert_eq!(out.status_code(), Some(202));
}

#[tokio::test]
async fn error_status_code_outputs_keep_typed_errors() {
    let server = Server::with_script([error_response(
        "ResourceNotFoundException",
        404,
        Place::BodyType,
        "Message",
        "no such user",
        "req-404",
    )]);
    let client = harness::client(&server);
    let err = client
        .associate_user_to_permission_group("pg-1", "usr-404")
        .send()
        .await
        .expect_err("404");
    match err.as_service_error() {
        Some(AssociateUserToPermissionGroupError::ResourceNotFoundException(e)) => {
            assert_eq!(e.message(), Some("no such user"));
        }
        other => panic!("expected ResourceNotFoundException, got {other:?}"),
    }
}
