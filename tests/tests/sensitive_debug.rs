//! Secrets never show in `Debug` (plain or `{:#?}`) of what a user of the client holds: fluent
//! builders and request structures with sensitive members, responses read from the wire that
//! carry a temporary password or credentials, the configuration and client with secret
//! credentials, and errors (`Debug` and `Display` of `Error<E>`) whose responses echo secrets.
//! `tests/sensitive.rs` covers every generated structure; this file covers the client side.
#![allow(deprecated)] // every FinSpace Data operation is deprecated in the model

use finspace_data::types::{CreateUserRequest, UpdatePermissionGroupRequest};
use std::fmt::{Debug, Display};
use tests::harness;
use tests::loopback::{Response, Server};

const EMAIL: &str = "jane.secret.doe@example.com";
const FIRST: &str = "Janesecretfirst";
const LAST: &str = "Doesecretlast";
const PASSWORD: &str = "Tmp-Pa55word-Secret!";
const SECRET_KEY: &str = "wJalrSECRETbPxRfiCYEXAMPLEKEYzz";
const SESSION: &str = "FQoSECRETSESSIONTOKENzz";
const PG_NAME: &str = "Secret quant desk";
const PG_DESCRIPTION: &str = "Secret description of the desk";

/// Asserts neither `{:?}` nor `{:#?}` of `value` contains any of `secrets`, and that the
/// output still says what it is (`visible`).
fn assert_debug_hides(value: &impl Debug, secrets: &[&str], visible: &str) {
    for text in [format!("{value:?}"), format!("{value:#?}")] {
        for secret in secrets {
            assert!(!text.contains(secret), "Debug shows {secret:?}:\n{text}");
        }
        assert!(text.contains(visible), "Debug lacks {visible:?}:\n{text}");
    }
}

/// Asserts `Display` and both `Debug` forms of `err` contain none of `secrets`.
fn assert_error_hides(err: &(impl Debug + Display), secrets: &[&str]) {
    for text in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
        for secret in secrets {
            assert!(!text.contains(secret), "error shows {secret:?}:\n{text}");
        }
    }
}

#[test]
fn fluent_builders_hide_sensitive_input() {
    let server = Server::start();
    let client = harness::client(&server);
    let create = client
        .create_user(EMAIL, "APP_USER")
        .first_name(FIRST)
        .last_name(LAST)
        .client_token("visible-token");
    assert_debug_hides(&create, &[EMAIL, FIRST, LAST], "visible-token");
    assert_debug_hides(create.as_input(), &[EMAIL, FIRST, LAST], "visible-token");

    let update = client
        .update_user("usr-visible")
        .first_name(FIRST)
        .last_name(LAST);
    assert_debug_hides(&update, &[FIRST, LAST], "usr-visible");

    let group = client
        .create_permission_group(PG_NAME, vec!["CreateDataset".into()])
        .description(PG_DESCRIPTION);
    assert_debug_hides(&group, &[PG_NAME, PG_DESCRIPTION], "CreateDataset");
    let group = client
        .update_permission_group("pg-visible")
        .name(PG_NAME)
        .description(PG_DESCRIPTION);
    assert_debug_hides(&group, &[PG_NAME, PG_DESCRIPTION], "pg-visible");
    assert_eq!(server.request_count(), 0, "building sends nothing");
}

#[test]
fn request_structures_hide_sensitive_input() {
    let request = CreateUserRequest::builder()
        .email_address(EMAIL)
        .r#type("SUPER_USER")
        .first_name(FIRST)
        .last_name(LAST)
        .build();
    assert_debug_hides(&request, &[EMAIL, FIRST, LAST], "SuperUser");
    let request = UpdatePermissionGroupRequest::builder()
        .permission_group_id("pg-visible")
        .name(PG_NAME)
        .description(PG_DESCRIPTION)
        .build();
    assert_debug_hides(&request, &[PG_NAME, PG_DESCRIPTION], "pg-visible");
}

#[tokio::test]
async fn responses_from_the_wire_hide_passwords_and_credentials() {
    let server = Server::with_script([
        Response::json(
            200,
            &format!(r#"{{"userId": "usr-visible", "temporaryPassword": "{PASSWORD}"}}"#),
        ),
        Response::json(
            200,
            &format!(
                r#"{{"credentials": {{"accessKeyId": "AKIAVISIBLEKEYID", "secretAccessKey": "{SECRET_KEY}", "sessionToken": "{SESSION}"}}, "durationInMinutes": 60}}"#
            ),
        ),
        Response::json(
            200,
            &format!(
                r#"{{"userId": "usr-visible", "emailAddress": "{EMAIL}", "firstName": "{FIRST}", "lastName": "{LAST}"}}"#
            ),
        ),
    ]);
    let client = harness::client(&server);

    let reset = client
        .reset_user_password("usr-visible")
        .send()
        .await
        .expect("200");
    assert_eq!(reset.temporary_password(), Some(PASSWORD));
    assert_debug_hides(&reset, &[PASSWORD], "usr-visible");

    let creds = client
        .get_programmatic_access_credentials("env-1")
        .send()
        .await
        .expect("200");
    let inner = creds.credentials().expect("credentials");
    assert_eq!(inner.secret_access_key(), Some(SECRET_KEY));
    assert_eq!(inner.session_token(), Some(SESSION));
    assert_eq!(creds.duration_in_minutes(), Some(60));
    assert_debug_hides(&creds, &[SECRET_KEY, SESSION], "60");

    let user = client.get_user("usr-visible").send().await.expect("200");
    assert_eq!(user.email_address(), Some(EMAIL));
    assert_debug_hides(&user, &[EMAIL, FIRST, LAST], "usr-visible");
}

#[test]
fn config_and_client_hide_credentials() {
    let server = Server::start();
    let credentials = aws_credential_types::Credentials::new(
        "AKIDSECRETID",
        SECRET_KEY,
        Some(SESSION.to_owned()),
        None,
        "tests",
    );
    let builder = harness::config_without_credentials(&server).credentials_provider(credentials);
    let secrets = ["AKIDSECRETID", SECRET_KEY, SESSION];
    assert_debug_hides(&builder, &secrets, "us-east-1");
    let config = builder.build();
    assert_debug_hides(&config, &secrets, "us-east-1");
    let client = finspace_data::Client::from_conf(config);
    assert_debug_hides(&client, &secrets, "us-east-1");
    assert_debug_hides(client.config(), &secrets, "us-east-1");
}

#[tokio::test]
async fn service_errors_do_not_show_what_the_response_echoes() {
    let body = format!(
        r#"{{"__type": "aws.finspace#ValidationException", "message": "invalid user", "emailAddress": "{EMAIL}", "temporaryPassword": "{PASSWORD}"}}"#
    );
    let server = Server::with_script([Response::json(400, &body)
        .header("x-amzn-RequestId", "req-1")
        .header("x-secret-header", SECRET_KEY)]);
    let client = harness::client(&server);
    let err = client
        .create_user(EMAIL, "APP_USER")
        .first_name(FIRST)
        .last_name(LAST)
        .send()
        .await
        .expect_err("400");
    assert_eq!(err.code(), Some("ValidationException"));
    assert_error_hides(&err, &[EMAIL, FIRST, LAST, PASSWORD, SECRET_KEY]);
    assert_error_hides(
        err.as_service_error().expect("service error"),
        &[EMAIL, PASSWORD, SECRET_KEY],
    );
}

#[tokio::test]
async fn parse_errors_do_not_show_the_body() {
    let server = Server::with_script([
        // Truncated JSON after the password.
        Response::json(
            200,
            &format!(r#"{{"temporaryPassword": "{PASSWORD}", "userId"#),
        ),
        // The password where a string is expected is fine; the user id has the wrong type.
        Response::json(
            200,
            &format!(r#"{{"temporaryPassword": "{PASSWORD}", "userId": 42}}"#),
        ),
    ]);
    let client = harness::client(&server);
    for _ in 0..2 {
        let err = client
            .reset_user_password("usr-1")
            .send()
            .await
            .expect_err("malformed");
        assert!(
            matches!(err, finspace_data::error::Error::ResponseParse(_)),
            "{err:?}"
        );
        assert_error_hides(&err, &[PASSWORD]);
    }
}

/// A sensitive structure sent with the wrong JSON type must not be quoted by the parse error
/// (serde's messages quote the offending string: `invalid type: string "...", expected ...`).
#[tokio::test]
async fn parse_errors_do_not_quote_sensitive_values_of_the_wrong_type() {
    let server = Server::with_script([Response::json(
        200,
        &format!(r#"{{"credentials": "{SECRET_KEY}", "durationInMinutes": 60}}"#),
    )]);
    let client = harness::client(&server);
    let err = client
        .get_programmatic_access_credentials("env-1")
        .send()
        .await
        .expect_err("credentials must be a structure");
    assert!(
        matches!(err, finspace_data::error::Error::ResponseParse(_)),
        "{err:?}"
    );
    assert_error_hides(&err, &[SECRET_KEY]);
}
