//! Tests of `invoke` over in-memory transports: headers and signing, retries and their
//! limits, credentials and region checks (nothing sent), timeouts, endpoints and tracing.

use super::*;
use crate::error::{ErrorMetadata, ProvideErrorMetadata, ServiceError, UnhandledError};
use crate::http_client::{FnHttpClient, ReplayClient};
use crate::retry::RetryConfig;
use crate::timeout::TimeoutConfig;
use crate::{HttpRequest, HttpResponse};
use aws_credential_types::provider::error::CredentialsError;
use aws_credential_types::provider::{future, ProvideCredentials};
use aws_credential_types::Credentials;
use bytes::Bytes;
use http::Method;
use std::time::Duration;

static FINSPACE: ServiceMeta = ServiceMeta {
    service_id: "finspace data",
    signing_name: "finspace-api",
    api_version: "2020-07-13",
    sdk_name: "finspace-data",
    sdk_version: "0.1.0",
    endpoint_rule_set: include_str!(
        "../../../model/finspace-data/2020-07-13/endpoint-rule-set-1.json"
    ),
    partitions: include_str!("../../../model/partitions.json"),
};

static OP: OperationMeta = OperationMeta {
    name: "CreateChangeset",
};

const SECRET: &str = "SECRETKEYdo-not-log";
const TOKEN: &str = "SESSIONTOKENdo-not-log";

fn credentials() -> Credentials {
    Credentials::new("AKIDTEST", SECRET, Some(TOKEN.to_owned()), None, "test")
}

fn config(client: impl crate::HttpClient) -> crate::ConfigBuilder {
    Config::builder()
        .region("us-east-1")
        .credentials_provider(credentials())
        .http_client(client)
}

fn handle(builder: crate::ConfigBuilder) -> ClientHandle {
    ClientHandle::new(builder.build(), &FINSPACE)
}

fn create_changeset() -> Result<OperationRequest, ConstructionError> {
    Ok(
        OperationRequest::new(Method::POST, "/datasets/ds%201/changesetsv2").body(
            Bytes::from_static(b"{\"changeType\":\"REPLACE\",\"clientToken\":\"tok-1\"}"),
            "application/json",
        ),
    )
}

/// What generated code does: 2xx is the output (here the body), anything else a service
/// error with metadata read from the response.
fn parse(response: &HttpResponse) -> Result<String, Error<UnhandledError>> {
    if crate::wire::is_success(response.status()) {
        Ok(String::from_utf8_lossy(response.body()).into_owned())
    } else {
        Err(Error::Service(ServiceError::new(
            UnhandledError::new(crate::wire::error_metadata(response)),
            crate::wire::clone_response(response),
        )))
    }
}

fn ok() -> HttpResponse {
    ReplayClient::response(200, &[("x-amzn-RequestId", "req-ok")], "{\"ok\":true}")
}

fn error(status: u16, code: &str) -> HttpResponse {
    ReplayClient::response(
        status,
        &[("x-amzn-ErrorType", code), ("x-amzn-RequestId", "req-err")],
        "{\"message\":\"it failed\"}",
    )
}

fn header<'a>(request: &'a HttpRequest, name: &str) -> &'a str {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("missing header {name}"))
}

#[tokio::test]
async fn sends_a_signed_request_with_sdk_headers() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(config(replay.clone()).app_name("tester"));
    let out = h.invoke(&OP, create_changeset(), parse).await.unwrap();
    assert_eq!(out, "{\"ok\":true}");
    let requests = replay.requests();
    assert_eq!(requests.len(), 1);
    let r = &requests[0];
    assert_eq!(r.method(), Method::POST);
    assert_eq!(
        r.uri().to_string(),
        "https://finspace-api.us-east-1.amazonaws.com/datasets/ds%201/changesetsv2"
    );
    assert_eq!(header(r, "host"), "finspace-api.us-east-1.amazonaws.com");
    assert_eq!(header(r, "content-type"), "application/json");
    assert_eq!(header(r, "content-length"), r.body().len().to_string());
    assert_eq!(header(r, "amz-sdk-request"), "attempt=1; max=3");
    assert_eq!(header(r, "x-amz-security-token"), TOKEN);
    let invocation = uuid::Uuid::parse_str(header(r, "amz-sdk-invocation-id")).unwrap();
    assert_eq!(invocation.get_version_num(), 4);
    assert!(header(r, "user-agent").starts_with("finspace-data/0.1.0 os/"));
    assert!(header(r, "user-agent").ends_with(" app/tester"));
    assert!(header(r, "x-amz-user-agent").contains("api/finspace-data#2020-07-13"));
    let date = header(r, "x-amz-date");
    assert_eq!(date.len(), 16);
    let auth = header(r, "authorization");
    let prefix = format!(
        "AWS4-HMAC-SHA256 Credential=AKIDTEST/{}/us-east-1/finspace-api/aws4_request, \
         SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=",
        &date[..8]
    );
    assert!(auth.starts_with(&prefix), "{auth}");
    let signature = &auth[prefix.len()..];
    assert_eq!(signature.len(), 64);
    assert!(signature.bytes().all(|b| b.is_ascii_hexdigit()));
}

#[tokio::test(start_paused = true)]
async fn retries_500_and_429_with_the_same_invocation_id_and_body() {
    let replay = ReplayClient::new([
        error(500, "InternalServerException"),
        error(429, "ThrottlingException"),
        ok(),
    ]);
    let h = handle(config(replay.clone()));
    let out = h.invoke(&OP, create_changeset(), parse).await.unwrap();
    assert_eq!(out, "{\"ok\":true}");
    let requests = replay.requests();
    assert_eq!(requests.len(), 3);
    let ids: Vec<_> = requests
        .iter()
        .map(|r| header(r, "amz-sdk-invocation-id"))
        .collect();
    assert!(ids.iter().all(|id| *id == ids[0]), "{ids:?}");
    let attempts: Vec<_> = requests
        .iter()
        .map(|r| header(r, "amz-sdk-request"))
        .collect();
    assert_eq!(
        attempts,
        ["attempt=1; max=3", "attempt=2; max=3", "attempt=3; max=3"]
    );
    assert!(requests.iter().all(|r| r.body() == requests[0].body()));
    assert!(requests
        .iter()
        .all(|r| r.headers().get_all("authorization").iter().count() == 1));
}

#[tokio::test(start_paused = true)]
async fn gives_up_after_max_attempts_and_parses_the_last_response() {
    let replay = ReplayClient::new([error(503, "A"), error(503, "B"), error(503, "C"), ok()]);
    let h = handle(config(replay.clone()));
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(replay.request_count(), 3);
    assert_eq!(err.code(), Some("C"));
    assert_eq!(err.http_status(), Some(503));
    assert!(err.is_retryable());
    assert_eq!(
        err.to_string(),
        "C: it failed (HTTP 503, request id req-err)"
    );
}

#[tokio::test(start_paused = true)]
async fn honours_max_attempts_setting() {
    let replay = ReplayClient::new((0..10).map(|_| error(500, "X")));
    let h = handle(config(replay.clone()).retry_config(RetryConfig::standard().max_attempts(5)));
    assert!(h.invoke(&OP, create_changeset(), parse).await.is_err());
    assert_eq!(replay.request_count(), 5);
    assert_eq!(
        header(&replay.requests()[4], "amz-sdk-request"),
        "attempt=5; max=5"
    );
    let replay = ReplayClient::new((0..10).map(|_| error(500, "X")));
    let h = handle(config(replay.clone()).retry_config(RetryConfig::disabled()));
    assert!(h.invoke(&OP, create_changeset(), parse).await.is_err());
    assert_eq!(replay.request_count(), 1);
}

#[tokio::test]
async fn never_retries_client_errors() {
    for (status, code) in [
        (400, "ValidationException"),
        (403, "AccessDeniedException"),
        (404, "ResourceNotFoundException"),
        (409, "ConflictException"),
    ] {
        let replay = ReplayClient::new([error(status, code), ok()]);
        let h = handle(config(replay.clone()));
        let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
        assert_eq!(replay.request_count(), 1, "{code}");
        assert_eq!(err.code(), Some(code));
        assert_eq!(err.request_id(), Some("req-err"));
        assert!(!err.is_retryable());
    }
}

#[tokio::test(start_paused = true)]
async fn retries_throttling_codes_even_on_400() {
    let replay = ReplayClient::new([error(400, "LimitExceededException"), ok()]);
    let h = handle(config(replay.clone()));
    assert!(h.invoke(&OP, create_changeset(), parse).await.is_ok());
    assert_eq!(replay.request_count(), 2);
}

#[tokio::test(start_paused = true)]
async fn retries_io_errors_but_not_other_transport_errors() {
    let replay = ReplayClient::default();
    replay.push_error(ConnectorError::io("connection reset"));
    replay.push_error(ConnectorError::timeout("connect timeout"));
    replay.push_response(ok());
    let h = handle(config(replay.clone()));
    assert!(h.invoke(&OP, create_changeset(), parse).await.is_ok());
    assert_eq!(replay.request_count(), 3);

    let replay = ReplayClient::default();
    replay.push_error(ConnectorError::other("invalid request"));
    replay.push_response(ok());
    let h = handle(config(replay.clone()));
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(replay.request_count(), 1);
    assert!(matches!(err, Error::Transport(_)), "{err:?}");
    assert!(err.to_string().contains("invalid request"));
}

#[tokio::test(start_paused = true)]
async fn transport_errors_on_every_attempt_are_returned() {
    let replay = ReplayClient::default();
    for _ in 0..3 {
        replay.push_error(ConnectorError::io("refused"));
    }
    let h = handle(config(replay.clone()));
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(replay.request_count(), 3);
    assert!(matches!(&err, Error::Transport(t) if t.connector_error().is_io()));
    assert!(err.is_retryable());
}

#[tokio::test]
async fn missing_credentials_provider_sends_nothing() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(
        Config::builder()
            .region("us-east-1")
            .http_client(replay.clone()),
    );
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(replay.request_count(), 0);
    match &err {
        Error::Construction(e) => assert!(e.is_credentials_error()),
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("credentials provider"), "{err}");
}

#[derive(Debug)]
struct FailingProvider;

impl ProvideCredentials for FailingProvider {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::ready(Err(CredentialsError::not_loaded("no profile found")))
    }
}

#[tokio::test]
async fn failing_credentials_provider_sends_nothing() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(
        Config::builder()
            .region("us-east-1")
            .credentials_provider(FailingProvider)
            .http_client(replay.clone()),
    );
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(replay.request_count(), 0);
    assert!(matches!(&err, Error::Construction(e) if e.is_credentials_error()));
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn missing_region_sends_nothing() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(
        Config::builder()
            .credentials_provider(credentials())
            .http_client(replay.clone()),
    );
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(replay.request_count(), 0);
    assert!(
        matches!(&err, Error::Construction(e) if e.kind() == crate::ConstructionErrorKind::Region)
    );
}

#[tokio::test]
async fn construction_errors_are_returned_unsent() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(config(replay.clone()));
    let err = h
        .invoke(
            &OP,
            Err(ConstructionError::missing_field("datasetId")),
            parse,
        )
        .await
        .unwrap_err();
    assert_eq!(replay.request_count(), 0);
    assert_eq!(
        err.to_string(),
        "invalid input: field `datasetId`: is required but was not set"
    );
}

#[cfg(not(feature = "default-https-client"))]
#[tokio::test]
async fn no_http_client_is_a_construction_error() {
    let h = ClientHandle::new(
        Config::builder()
            .region("us-east-1")
            .credentials_provider(credentials())
            .build(),
        &FINSPACE,
    );
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert!(
        matches!(&err, Error::Construction(e) if e.kind() == crate::ConstructionErrorKind::HttpClient)
    );
}

fn slow_client(
    delay: Duration,
    calls: std::sync::Arc<std::sync::atomic::AtomicU32>,
) -> FnHttpClient {
    FnHttpClient::new(move |_request| {
        let calls = calls.clone();
        async move {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            tokio::time::sleep(delay).await;
            Ok(ok())
        }
    })
}

#[tokio::test(start_paused = true)]
async fn attempt_timeouts_are_retried_then_reported() {
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let h = handle(
        config(slow_client(Duration::from_secs(10), calls.clone()))
            .timeout_config(TimeoutConfig::default().attempt_timeout(Duration::from_secs(1))),
    );
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 3);
    match &err {
        Error::Timeout(t) => assert_eq!(t.kind(), crate::error::TimeoutKind::Attempt),
        other => panic!("{other:?}"),
    }
    assert!(err.is_retryable());
}

#[tokio::test(start_paused = true)]
async fn operation_timeout_covers_all_attempts() {
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let h = handle(
        config(slow_client(Duration::from_secs(10), calls.clone())).timeout_config(
            TimeoutConfig::default()
                .attempt_timeout(Duration::from_secs(4))
                .operation_timeout(Duration::from_secs(5)),
        ),
    );
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert!(calls.load(std::sync::atomic::Ordering::SeqCst) <= 2);
    match &err {
        Error::Timeout(t) => {
            assert_eq!(t.kind(), crate::error::TimeoutKind::Operation);
            assert_eq!(t.after(), Duration::from_secs(5));
        }
        other => panic!("{other:?}"),
    }
    // Fast enough: no timeout.
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let h = handle(
        config(slow_client(Duration::from_millis(10), calls))
            .timeout_config(TimeoutConfig::default().operation_timeout(Duration::from_secs(5))),
    );
    assert!(h.invoke(&OP, create_changeset(), parse).await.is_ok());
}

#[tokio::test]
async fn explicit_endpoint_with_base_path_and_http() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(config(replay.clone()).endpoint_url("http://127.0.0.1:9000/prefix/"));
    h.invoke(&OP, create_changeset(), parse).await.unwrap();
    let r = &replay.requests()[0];
    assert_eq!(
        r.uri().to_string(),
        "http://127.0.0.1:9000/prefix/datasets/ds%201/changesetsv2"
    );
    assert_eq!(header(r, "host"), "127.0.0.1:9000");
}

#[tokio::test]
async fn endpoint_settings_pick_the_endpoint() {
    let cases = [
        (
            "us-west-2",
            false,
            false,
            "https://finspace-api.us-west-2.amazonaws.com",
        ),
        (
            "us-east-1",
            true,
            false,
            "https://finspace-api-fips.us-east-1.amazonaws.com",
        ),
        (
            "us-east-1",
            false,
            true,
            "https://finspace-api.us-east-1.api.aws",
        ),
        (
            "cn-north-1",
            false,
            false,
            "https://finspace-api.cn-north-1.amazonaws.com.cn",
        ),
    ];
    for (region, fips, dual, expected) in cases {
        let h = handle(
            config(ReplayClient::default())
                .region(region)
                .use_fips(fips)
                .use_dual_stack(dual),
        );
        assert_eq!(h.resolve_endpoint().unwrap().url(), expected);
    }
}

#[tokio::test]
async fn endpoint_rule_errors_send_nothing() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(
        config(replay.clone())
            .endpoint_url("https://example.com")
            .use_fips(true),
    );
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert_eq!(replay.request_count(), 0);
    assert!(
        err.to_string()
            .contains("Invalid Configuration: FIPS and custom endpoint are not supported"),
        "{err}"
    );
}

static HTTP_RULES: ServiceMeta = ServiceMeta {
    endpoint_rule_set: r#"{"version": "1.0", "parameters": {
            "Region": {"type": "String", "builtIn": "AWS::Region"},
            "Endpoint": {"type": "String", "builtIn": "SDK::Endpoint"}},
        "rules": [
            {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}],
             "endpoint": {"url": {"ref": "Endpoint"}}},
            {"type": "endpoint", "conditions": [],
             "endpoint": {"url": "http://svc.{Region}.example.com",
                          "headers": {"x-from-rules": ["yes"]},
                          "properties": {"authSchemes": [{"name": "sigv4", "signingName": "other-name", "signingRegion": "us-west-1"}]}}}
        ]}"#,
    ..FINSPACE
};

#[tokio::test]
async fn plain_http_only_from_an_explicit_endpoint() {
    let replay = ReplayClient::new([ok(), ok()]);
    let h = ClientHandle::new(config(replay.clone()).build(), &HTTP_RULES);
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert!(err.to_string().contains("plain http"), "{err}");
    assert_eq!(replay.request_count(), 0);
    let h = ClientHandle::new(
        config(replay.clone())
            .endpoint_url("http://localhost:1234")
            .build(),
        &HTTP_RULES,
    );
    h.invoke(&OP, create_changeset(), parse).await.unwrap();
    assert_eq!(replay.request_count(), 1);
}

#[tokio::test]
async fn endpoint_headers_and_auth_scheme_overrides_apply() {
    static HTTPS_RULES: ServiceMeta = ServiceMeta {
        endpoint_rule_set: r#"{"version": "1.0", "parameters": {},
            "rules": [{"type": "endpoint", "conditions": [],
                 "endpoint": {"url": "https://svc.example.com",
                              "headers": {"x-from-rules": ["yes"]},
                              "properties": {"authSchemes": [{"name": "sigv4", "signingName": "other-name", "signingRegion": "us-west-1"}]}}}]}"#,
        ..FINSPACE
    };
    let replay = ReplayClient::new([ok()]);
    let h = ClientHandle::new(config(replay.clone()).build(), &HTTPS_RULES);
    h.invoke(&OP, create_changeset(), parse).await.unwrap();
    let r = &replay.requests()[0];
    assert_eq!(header(r, "x-from-rules"), "yes");
    assert!(header(r, "authorization").contains("/us-west-1/other-name/aws4_request"));
}

#[tokio::test]
async fn invalid_rule_set_is_an_error_at_invoke_time() {
    static BROKEN: ServiceMeta = ServiceMeta {
        endpoint_rule_set: "{ not json",
        ..FINSPACE
    };
    let replay = ReplayClient::new([ok()]);
    let h = ClientHandle::new(config(replay.clone()).build(), &BROKEN);
    let err = h.invoke(&OP, create_changeset(), parse).await.unwrap_err();
    assert!(
        matches!(&err, Error::Construction(e) if e.kind() == crate::ConstructionErrorKind::Endpoint)
    );
    assert_eq!(replay.request_count(), 0);
}

#[tokio::test]
async fn host_prefix_is_applied() {
    let replay = ReplayClient::new([ok()]);
    let h = handle(config(replay.clone()));
    let request =
        OperationRequest::new(Method::GET, "/datasetsv2?maxResults=5").host_prefix("data-");
    h.invoke(&OP, Ok(request), parse).await.unwrap();
    let r = &replay.requests()[0];
    assert_eq!(
        header(r, "host"),
        "data-finspace-api.us-east-1.amazonaws.com"
    );
    assert_eq!(r.uri().query(), Some("maxResults=5"));
    assert!(r.headers().get("content-type").is_none());
    assert!(r.headers().get("content-length").is_none());
    assert!(
        header(r, "authorization").contains("SignedHeaders=host;x-amz-date;x-amz-security-token,")
    );
}

#[tokio::test]
async fn parse_errors_keep_status_and_body() {
    let replay = ReplayClient::new([ReplayClient::response(200, &[], "{not json")]);
    let h = handle(config(replay.clone()));
    let err = h
        .invoke(&OP, create_changeset(), |r: &HttpResponse| {
            serde_json::from_slice::<serde_json::Value>(r.body()).map_err(|e| {
                Error::<UnhandledError>::ResponseParse(crate::ResponseParseError::new(
                    r.status(),
                    r.body().clone(),
                    e,
                ))
            })
        })
        .await
        .unwrap_err();
    match err {
        Error::ResponseParse(e) => {
            assert_eq!(e.status(), 200);
            assert_eq!(e.body().as_ref(), b"{not json");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn handle_is_send_sync_and_invoke_is_send() {
    fn assert_send_sync<T: Send + Sync>(_: &T) {}
    fn assert_send<T: Send>(_: &T) {}
    let h = handle(config(ReplayClient::default()));
    assert_send_sync(&h);
    let fut = h.invoke(&OP, create_changeset(), parse);
    assert_send(&fut);
    let shown = format!("{h:?}");
    assert!(!shown.contains(SECRET) && !shown.contains(TOKEN), "{shown}");
}

#[test]
fn service_error_metadata_is_reachable() {
    let meta = ErrorMetadata::builder().code("X").build();
    let err: Error<UnhandledError> = Error::service(UnhandledError::new(meta), ok());
    assert_eq!(err.as_service_error().and_then(|e| e.code()), Some("X"));
}

#[derive(Debug, Default)]
struct CountingProvider(std::sync::atomic::AtomicU32);

impl ProvideCredentials for CountingProvider {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        future::ProvideCredentials::ready(Ok(credentials()))
    }
}

#[tokio::test(start_paused = true)]
async fn credentials_are_cached_across_attempts_and_calls() {
    let provider = std::sync::Arc::new(CountingProvider::default());
    let replay = ReplayClient::new([error(500, "X"), ok(), ok()]);
    let h = handle(
        Config::builder()
            .region("us-east-1")
            .credentials_provider(
                aws_credential_types::provider::SharedCredentialsProvider::new(
                    provider.clone() as std::sync::Arc<dyn ProvideCredentials>
                ),
            )
            .http_client(replay.clone()),
    );
    h.invoke(&OP, create_changeset(), parse).await.unwrap();
    h.invoke(&OP, create_changeset(), parse).await.unwrap();
    assert_eq!(replay.request_count(), 3);
    assert_eq!(provider.0.load(std::sync::atomic::Ordering::SeqCst), 1);
}
