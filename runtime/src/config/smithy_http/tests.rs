//! Tests of [`SmithyHttpClient`](super::SmithyHttpClient): requests and responses cross the
//! adapter intact, connector errors keep their kind, streaming bodies are refused, and a
//! connect timeout from the settings selects its own client.

use super::*;
use crate::http_client::{FnHttpClient, ReplayClient};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponentsBuilder;

fn connector(client: &SmithyHttpClient, settings: &HttpConnectorSettings) -> SharedHttpConnector {
    let components = RuntimeComponentsBuilder::for_tests().build().unwrap();
    client.http_connector(settings, &components)
}

fn request(body: SdkBody) -> HttpRequest {
    let request = http::Request::builder()
        .method("PUT")
        .uri("https://portal.sso.us-east-1.amazonaws.com/federation/credentials?role_name=r")
        .header("x-amz-sso_bearer_token", "token")
        .body(body)
        .unwrap();
    HttpRequest::try_from(request).unwrap()
}

#[tokio::test]
async fn request_and_response_cross_the_adapter() {
    let replay = ReplayClient::new([ReplayClient::response(
        202,
        &[("x-amzn-requestid", "r1")],
        "{\"ok\":true}",
    )]);
    let adapter = SmithyHttpClient::new(replay.clone());
    let settings = HttpConnectorSettings::builder().build();
    let response = connector(&adapter, &settings)
        .call(request(SdkBody::from("payload")))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 202);
    assert_eq!(response.headers().get("x-amzn-requestid"), Some("r1"));
    assert_eq!(response.body().bytes(), Some(&b"{\"ok\":true}"[..]));

    let sent = replay.requests();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].method(), "PUT");
    assert_eq!(
        sent[0].uri().to_string(),
        "https://portal.sso.us-east-1.amazonaws.com/federation/credentials?role_name=r"
    );
    assert_eq!(sent[0].headers()["x-amz-sso_bearer_token"], "token");
    assert_eq!(sent[0].body().as_ref(), b"payload");
}

#[tokio::test]
async fn connector_errors_keep_their_kind() {
    let settings = HttpConnectorSettings::builder().build();
    for kind in [
        ConnectorErrorKind::Timeout,
        ConnectorErrorKind::Io,
        ConnectorErrorKind::Other,
    ] {
        let client =
            FnHttpClient::new(move |_| async move { Err(ConnectorError::new(kind, "boom")) });
        let err = connector(&SmithyHttpClient::new(client), &settings)
            .call(request(SdkBody::empty()))
            .await
            .unwrap_err();
        let mapped = match kind {
            ConnectorErrorKind::Timeout => err.is_timeout(),
            ConnectorErrorKind::Io => err.is_io(),
            _ => err.is_other(),
        };
        assert!(mapped, "{kind:?} became {err:?}");
    }
}

#[tokio::test]
async fn a_streaming_body_is_an_error_not_a_panic() {
    let replay = ReplayClient::default();
    let adapter = SmithyHttpClient::new(replay.clone());
    // A body produced on demand rather than held in memory, like a streaming one.
    let body = SdkBody::retryable(SdkBody::taken);
    let settings = HttpConnectorSettings::builder().build();
    let err = connector(&adapter, &settings)
        .call(request(body))
        .await
        .unwrap_err();
    assert!(err.is_other(), "{err:?}");
    assert!(err.to_string().contains("streaming") || format!("{err:?}").contains("streaming"));
    assert_eq!(replay.request_count(), 0);
}

#[tokio::test]
async fn a_connect_timeout_selects_a_client_built_for_it() {
    fn make(timeout: Duration) -> SharedHttpClient {
        let status = 200 + timeout.as_secs() as u16;
        Arc::new(FnHttpClient::new(move |_| async move {
            Ok(ReplayClient::response(status, &[], ""))
        }))
    }
    let adapter = SmithyHttpClient::new(ReplayClient::default()).with_connect_timeouts(make);
    let settings = HttpConnectorSettings::builder()
        .connect_timeout(Duration::from_secs(1))
        .build();
    let response = connector(&adapter, &settings)
        .call(request(SdkBody::empty()))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201);
    connector(&adapter, &settings);
    assert_eq!(adapter.by_timeout.lock().unwrap().len(), 1);
}
