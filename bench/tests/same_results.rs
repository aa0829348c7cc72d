//! Both SDKs, on the benchmark's transport, send signed requests the router accepts and read
//! the same data from the same canned responses (so the benchmarks compare equal work).

use bench::fixtures::Fixtures;
use bench::{ours, theirs, Summary, COLUMNS, DATASETS, PAGES, PER_PAGE};
use std::sync::Arc;

fn clients() -> (finspace_data::Client, aws_sdk_finspacedata::Client) {
    let fixtures = Arc::new(Fixtures::new());
    (ours::client(fixtures.clone()), theirs::client(fixtures))
}

#[tokio::test]
async fn get_user_matches() {
    let (o, t) = clients();
    let ours = ours::get_user(&o).await.unwrap();
    assert_eq!(ours.last_id, "user-00000042");
    assert_eq!(ours, theirs::get_user(&t).await.unwrap());
}

#[tokio::test]
async fn create_changeset_matches() {
    let (o, t) = clients();
    let ours = ours::create_changeset(&o).await.unwrap();
    assert_eq!(ours.last_id, "cs-0001");
    assert_eq!(ours, theirs::create_changeset(&t).await.unwrap());
}

#[tokio::test]
async fn list_datasets_matches() {
    let (o, t) = clients();
    let ours = ours::list_datasets(&o).await.unwrap();
    let expected = Summary {
        items: DATASETS,
        columns: DATASETS * COLUMNS,
        last_id: format!("ds-{:06}", DATASETS - 1),
    };
    assert_eq!(ours, expected);
    assert_eq!(theirs::list_datasets(&t).await.unwrap(), expected);
}

#[tokio::test]
async fn paging_matches() {
    let (o, t) = clients();
    let expected = Summary {
        items: PAGES * PER_PAGE,
        columns: 0,
        last_id: format!("user-{:08}", PAGES * PER_PAGE - 1),
    };
    assert_eq!(ours::page_users(&o).await.unwrap(), expected);
    assert_eq!(theirs::page_users(&t).await.unwrap(), expected);
}

#[test]
fn router_rejects_unsigned_requests_and_missing_tokens() {
    let f = Fixtures::new();
    assert_eq!(f.respond("GET", "/user/u", None, None, b"").0, 400);
    let auth =
        b"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/finspace-api/aws4_request";
    assert_eq!(f.respond("GET", "/user/u", None, Some(auth), b"").0, 200);
    let post = "/datasets/ds-1/changesetsv2";
    assert_eq!(f.respond("POST", post, None, Some(auth), b"{}").0, 400);
    let with_token = br#"{"clientToken":"x"}"#;
    assert_eq!(f.respond("POST", post, None, Some(auth), with_token).0, 200);
}
