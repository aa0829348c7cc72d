//! SigV4 signing and credentials over loopback. Without credentials (or with a failing
//! provider) a call fails with a clear error and the server receives nothing. Every request
//! of every operation carries an `Authorization` header of the SigV4 shape for
//! `us-east-1/finspace-api` with `host`, `x-amz-date` (and `content-type` with a body) signed,
//! and its signature is recomputed here with `aws-sigv4` from the request as the server
//! received it. A session token is sent as `x-amz-security-token` and signed.
#![allow(deprecated)] // every FinSpace Data operation is deprecated in the model

use aws_credential_types::provider::{self, future, ProvideCredentials};
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use finspace_data::error::Error;
// `finspace_data::error` does not re-export the kind, so it is named through the runtime.
use sdk_runtime::ConstructionErrorKind;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tests::harness::{self, ACCESS_KEY_ID, REGION};
use tests::loopback::{RecordedRequest, Server};
use tests::operations::{self, botocore_requests};

const SERVICE: &str = "finspace-api";
const SESSION_TOKEN: &str = "FwoGZXIvYXdzEXAMPLESESSIONTOKEN//+=";

/// The parts of an `Authorization: AWS4-HMAC-SHA256 ...` header.
#[derive(Debug)]
struct Authorization {
    access_key: String,
    date: String,
    region: String,
    service: String,
    terminator: String,
    signed_headers: Vec<String>,
    signature: String,
}

fn parse_authorization(value: &str) -> Result<Authorization, String> {
    let rest = value
        .strip_prefix("AWS4-HMAC-SHA256 ")
        .ok_or_else(|| format!("not AWS4-HMAC-SHA256: {value:?}"))?;
    let parts: Vec<&str> = rest.split(", ").collect();
    let [credential, signed, signature] = parts.as_slice() else {
        return Err(format!("expected 3 comma-separated parts: {value:?}"));
    };
    let credential = credential
        .strip_prefix("Credential=")
        .ok_or_else(|| format!("no Credential=: {value:?}"))?;
    let scope: Vec<&str> = credential.split('/').collect();
    let [access_key, date, region, service, terminator] = scope.as_slice() else {
        return Err(format!("credential scope has not 5 parts: {credential:?}"));
    };
    let signed = signed
        .strip_prefix("SignedHeaders=")
        .ok_or_else(|| format!("no SignedHeaders=: {value:?}"))?;
    let signature = signature
        .strip_prefix("Signature=")
        .ok_or_else(|| format!("no Signature=: {value:?}"))?;
    Ok(Authorization {
        access_key: (*access_key).to_owned(),
        date: (*date).to_owned(),
        region: (*region).to_owned(),
        service: (*service).to_owned(),
        terminator: (*terminator).to_owned(),
        signed_headers: signed.split(';').map(str::to_owned).collect(),
        signature: signature.to_owned(),
    })
}

/// `YYYYMMDDTHHMMSSZ` as a `SystemTime`.
fn parse_amz_date(text: &str) -> Option<SystemTime> {
    let b = text.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (y, m, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (hh, mm, ss) = (num(9..11)?, num(11..13)?, num(13..15)?);
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let secs = days * 86_400 + hh * 3600 + mm * 60 + ss;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

/// Every problem with the signature of `request` (empty when it is valid): the header shape,
/// which headers are signed, and the signature recomputed with `aws-sigv4`.
fn signature_problems(
    server: &Server,
    request: &RecordedRequest,
    credentials: &Credentials,
) -> Vec<String> {
    let mut problems = Vec::new();
    let authorization = request.header_all("authorization");
    let [authorization] = authorization.as_slice() else {
        return vec![format!("{} authorization headers", authorization.len())];
    };
    let auth = match parse_authorization(authorization) {
        Ok(auth) => auth,
        Err(e) => return vec![e],
    };
    let Some(amz_date) = request.header("x-amz-date") else {
        return vec!["no x-amz-date".to_owned()];
    };
    let Some(time) = parse_amz_date(amz_date) else {
        return vec![format!("x-amz-date {amz_date:?} is not YYYYMMDDTHHMMSSZ")];
    };
    let mut check = |ok: bool, what: String| {
        if !ok {
            problems.push(what);
        }
    };
    check(
        auth.access_key == ACCESS_KEY_ID,
        format!("access key {}", auth.access_key),
    );
    check(
        auth.date == amz_date[..8],
        format!("scope date {} vs x-amz-date {amz_date}", auth.date),
    );
    check(auth.region == REGION, format!("region {}", auth.region));
    check(auth.service == SERVICE, format!("service {}", auth.service));
    check(
        auth.terminator == "aws4_request",
        format!("terminator {}", auth.terminator),
    );
    check(
        auth.signature.len() == 64
            && auth
                .signature
                .chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c)),
        format!(
            "signature {:?} is not 64 lower-case hex digits",
            auth.signature
        ),
    );
    let mut sorted = auth.signed_headers.clone();
    sorted.sort();
    sorted.dedup();
    check(
        sorted == auth.signed_headers,
        format!(
            "SignedHeaders not sorted and unique: {:?}",
            auth.signed_headers
        ),
    );
    let signed = |name: &str| auth.signed_headers.iter().any(|h| h == name);
    check(signed("host"), "host is not signed".to_owned());
    check(signed("x-amz-date"), "x-amz-date is not signed".to_owned());
    if !request.body.is_empty() {
        check(
            signed("content-type"),
            "content-type is not signed on a request with a body".to_owned(),
        );
    }
    let has_token = credentials.session_token().is_some();
    check(
        signed("x-amz-security-token") == has_token,
        format!(
            "x-amz-security-token signed: {}",
            signed("x-amz-security-token")
        ),
    );
    check(
        request.header("x-amz-security-token") == credentials.session_token(),
        format!(
            "x-amz-security-token sent {:?}",
            request.header("x-amz-security-token")
        ),
    );
    for unsigned in ["user-agent", "amz-sdk-invocation-id", "amz-sdk-request"] {
        check(!signed(unsigned), format!("{unsigned} is signed"));
    }
    for name in &auth.signed_headers {
        check(
            request.header(name).is_some(),
            format!("signed header {name} was not sent"),
        );
    }

    // Recompute: the same signed headers with the values received (x-amz-date and the token
    // are added by the signer from the time and the credentials).
    let headers: Vec<(&str, &str)> = auth
        .signed_headers
        .iter()
        .filter(|h| *h != "x-amz-date" && *h != "x-amz-security-token")
        .filter_map(|h| request.header(h).map(|v| (h.as_str(), v)))
        .collect();
    let uri = format!("http://{}{}", server.host(), request.target);
    let identity = Identity::from(credentials.clone());
    let recomputed = SignableRequest::new(
        &request.method,
        uri,
        headers.into_iter(),
        SignableBody::Bytes(&request.body),
    )
    .map_err(|e| e.to_string())
    .and_then(|signable| {
        let params = v4::SigningParams::builder()
            .identity(&identity)
            .region(REGION)
            .name(SERVICE)
            .time(time)
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| e.to_string())?
            .into();
        sign(signable, &params)
            .map(|out| out.into_parts().1)
            .map_err(|e| e.to_string())
    });
    match recomputed {
        Ok(signature) => check(
            signature == auth.signature,
            format!(
                "signature {} does not validate (aws-sigv4 computes {signature})",
                auth.signature
            ),
        ),
        Err(e) => check(false, format!("aws-sigv4 could not sign: {e}")),
    }
    problems
}

/// Calls every operation with botocore's params and checks each request's signature.
async fn every_operation_is_signed(credentials: Credentials) {
    let server = Server::start();
    let client = finspace_data::Client::from_conf(
        harness::config_without_credentials(&server)
            .credentials_provider(credentials.clone())
            .build(),
    );
    let mut failures = Vec::new();
    for entry in botocore_requests() {
        let operation = entry["operation"].as_str().expect("operation name");
        server.clear();
        if let Err(e) = operations::call(&client, operation, &entry["params"]).await {
            failures.push(format!("{operation}: call failed: {e}"));
            continue;
        }
        let requests = server.requests();
        let [request] = requests.as_slice() else {
            failures.push(format!("{operation}: {} requests", requests.len()));
            continue;
        };
        let problems = signature_problems(&server, request, &credentials);
        if !problems.is_empty() {
            failures.push(format!("{operation}: {}", problems.join("; ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} operations are not signed correctly:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_operation_carries_a_valid_sigv4_signature() {
    every_operation_is_signed(harness::credentials(None)).await;
}

#[tokio::test]
async fn a_session_token_is_sent_and_signed_on_every_operation() {
    every_operation_is_signed(harness::credentials(Some(SESSION_TOKEN))).await;
}

#[tokio::test]
async fn the_authorization_header_has_the_sigv4_shape() {
    let server = Server::start();
    harness::client(&server)
        .get_working_location()
        .location_type("SAGEMAKER")
        .send()
        .await
        .expect("200");
    let request = &server.requests()[0];
    let auth = parse_authorization(request.header("authorization").expect("authorization"))
        .expect("SigV4 shape");
    assert_eq!(auth.access_key, ACCESS_KEY_ID);
    assert_eq!(
        (
            auth.region.as_str(),
            auth.service.as_str(),
            auth.terminator.as_str()
        ),
        ("us-east-1", "finspace-api", "aws4_request")
    );
    assert_eq!(auth.signed_headers, ["content-type", "host", "x-amz-date"]);
    assert_eq!(auth.signature.len(), 64);
    assert!(request.header("x-amz-security-token").is_none());
}

#[tokio::test]
async fn no_credentials_provider_is_a_clear_error_and_sends_nothing() {
    let server = Server::start();
    let client =
        finspace_data::Client::from_conf(harness::config_without_credentials(&server).build());
    let err = client
        .list_users(10)
        .send()
        .await
        .expect_err("no credentials");
    match &err {
        Error::Construction(e) => {
            assert_eq!(e.kind(), ConstructionErrorKind::Credentials, "{e:?}");
            assert!(e.is_credentials_error(), "{e:?}");
        }
        other => panic!("expected a construction error, got {other:?}"),
    }
    let shown = err.to_string();
    assert!(shown.contains("credentials"), "{shown}");
    assert!(!err.is_retryable());
    assert_eq!(server.request_count(), 0);
    assert_eq!(server.connection_count(), 0);
}

/// A provider that always fails.
#[derive(Debug)]
struct FailingProvider;

impl ProvideCredentials for FailingProvider {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::ready(Err(provider::error::CredentialsError::not_loaded(
            "no credentials in this test",
        )))
    }
}

#[tokio::test]
async fn a_failing_credentials_provider_is_a_clear_error_and_sends_nothing() {
    let server = Server::start();
    let client = finspace_data::Client::from_conf(
        harness::config_without_credentials(&server)
            .credentials_provider(FailingProvider)
            .build(),
    );
    let err = client
        .get_user("usr-1")
        .send()
        .await
        .expect_err("the provider fails");
    match &err {
        Error::Construction(e) => {
            assert_eq!(e.kind(), ConstructionErrorKind::Credentials, "{e:?}");
            assert!(e.is_credentials_error(), "{e:?}");
        }
        other => panic!("expected a construction error, got {other:?}"),
    }
    assert!(err.to_string().contains("credentials"), "{err}");
    assert_eq!(server.request_count(), 0);
    assert_eq!(server.connection_count(), 0);
}

#[test]
fn amz_dates_parse() {
    assert_eq!(
        parse_amz_date("20150830T123600Z"),
        Some(UNIX_EPOCH + Duration::from_secs(1_440_938_160))
    );
    assert_eq!(parse_amz_date("19700101T000000Z"), Some(UNIX_EPOCH));
    assert_eq!(parse_amz_date("2015-08-30T12:36:00Z"), None);
}
