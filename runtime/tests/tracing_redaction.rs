//! Checks that tracing output (every span and event, of every target and level) carries the
//! operation and attempt spans but never credentials, signatures or bodies. A separate test
//! binary so a global subscriber sees every callsite.

use sdk_runtime::aws_credential_types::Credentials;
use sdk_runtime::bytes::Bytes;
use sdk_runtime::http::Method;
use sdk_runtime::{
    ClientHandle, Config, Error, OperationMeta, OperationRequest, ReplayClient, ServiceMeta,
    UnhandledError,
};
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Metadata, Subscriber};

static SERVICE: ServiceMeta = ServiceMeta {
    service_id: "finspace data",
    signing_name: "finspace-api",
    api_version: "2020-07-13",
    sdk_name: "finspace-data",
    sdk_version: "0.1.0",
    endpoint_rule_set: include_str!(
        "../../model/finspace-data/2020-07-13/endpoint-rule-set-1.json"
    ),
    partitions: include_str!("../../model/partitions.json"),
};

static OP: OperationMeta = OperationMeta { name: "CreateUser" };

const SECRET: &str = "SECRETKEYdo-not-log";
const TOKEN: &str = "SESSIONTOKENdo-not-log";

#[derive(Clone, Default)]
struct Capture {
    text: Arc<Mutex<String>>,
    next: Arc<AtomicU64>,
}

struct Writer<'a>(&'a mut String);

impl Visit for Writer<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        let _ = write!(self.0, "{}={:?} ", field.name(), value);
    }
}

impl Capture {
    fn write(&self, meta: &Metadata<'_>, record: impl FnOnce(&mut Writer<'_>)) {
        let mut text = self.text.lock().unwrap();
        let _ = write!(
            text,
            "\n[{} {}] {} ",
            meta.level(),
            meta.target(),
            meta.name()
        );
        record(&mut Writer(&mut text));
    }
}

impl Subscriber for Capture {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &Attributes<'_>) -> Id {
        self.write(span.metadata(), |w| span.record(w));
        Id::from_u64(self.next.fetch_add(1, Ordering::Relaxed) + 1)
    }
    fn record(&self, _: &Id, values: &Record<'_>) {
        let mut text = self.text.lock().unwrap();
        values.record(&mut Writer(&mut text));
    }
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        self.write(event.metadata(), |w| event.record(w));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

#[tokio::test(start_paused = true)]
async fn tracing_has_spans_but_no_secrets_or_bodies() {
    let capture = Capture::default();
    tracing::subscriber::set_global_default(capture.clone()).unwrap();
    let replay = ReplayClient::new([
        ReplayClient::response(500, &[], "{\"message\":\"server body do-not-log\"}"),
        ReplayClient::response(200, &[], "{\"userId\":\"u-1\"}"),
    ]);
    let config = Config::builder()
        .region("us-east-1")
        .credentials_provider(Credentials::new(
            "AKIDTEST",
            SECRET,
            Some(TOKEN.to_owned()),
            None,
            "test",
        ))
        .http_client(replay.clone())
        .build();
    let handle = ClientHandle::new(config, &SERVICE);
    let request = OperationRequest::new(Method::POST, "/user/secret-user-id").body(
        Bytes::from_static(b"{\"emailAddress\":\"pw-do-not-log@example.com\"}"),
        "application/json",
    );
    let out = handle
        .invoke(&OP, Ok(request), |r| {
            Ok::<_, Error<UnhandledError>>(r.status().as_u16())
        })
        .await
        .unwrap();
    assert_eq!(out, 200);
    assert_eq!(replay.request_count(), 2);
    let text = capture.text.lock().unwrap().clone();
    assert!(text.contains("operation=\"CreateUser\""), "{text}");
    assert!(text.contains("service=\"finspace data\""), "{text}");
    assert!(text.contains("attempt=1"), "{text}");
    assert!(text.contains("attempt=2"), "{text}");
    assert!(text.contains("status=500"), "{text}");
    for secret in [
        SECRET,
        TOKEN,
        "pw-do-not-log",
        "server body do-not-log",
        "Signature=",
    ] {
        assert!(!text.contains(secret), "{secret} leaked:\n{text}");
    }
    // The runtime's own spans and events do not even show the path (aws-sigv4 logs the
    // URI at trace level).
    for line in text.lines().filter(|l| l.contains(" sdk_runtime")) {
        assert!(!line.contains("secret-user-id"), "path leaked: {line}");
    }
}
