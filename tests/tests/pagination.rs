//! Paginators over a loopback server: items stream in order across pages, each request carries
//! the previous `nextToken` (and `maxResults` from `page_size`), a repeated token ends the
//! stream with `Error::Pagination` after the items seen, a 500 on a later page is retried
//! transparently and a 400 ends the stream after the earlier items.
#![allow(deprecated)] // every FinSpace Data operation is deprecated in the model

use finspace_data::error::Error;
use finspace_data::operation::list_datasets::ListDatasetsError;
use futures::{StreamExt, TryStreamExt};
use tests::harness::{self, fast_retries};
use tests::loopback::{RecordedRequest, Response, Server};

/// A `ListDatasets` page with the given dataset ids and optional next token.
fn datasets_page(ids: &[&str], next: Option<&str>) -> Response {
    let datasets: Vec<_> = ids
        .iter()
        .map(|id| serde_json::json!({"datasetId": id, "kind": "TABULAR"}))
        .collect();
    let mut body = serde_json::json!({ "datasets": datasets });
    if let Some(token) = next {
        body["nextToken"] = token.into();
    }
    Response::json(200, &body.to_string())
}

/// The decoded query pairs of a recorded request.
fn query(request: &RecordedRequest) -> Vec<(String, String)> {
    request
        .query()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| {
                percent_encoding::percent_decode_str(s)
                    .decode_utf8_lossy()
                    .into_owned()
            };
            (decode(k), decode(v))
        })
        .collect()
}

fn token_of(request: &RecordedRequest) -> Option<String> {
    query(request)
        .into_iter()
        .find(|(k, _)| k == "nextToken")
        .map(|(_, v)| v)
}

fn max_results_of(request: &RecordedRequest) -> Option<String> {
    query(request)
        .into_iter()
        .find(|(k, _)| k == "maxResults")
        .map(|(_, v)| v)
}

#[tokio::test]
async fn items_stream_across_four_pages_in_order() {
    let server = Server::with_script([
        datasets_page(&["d1", "d2"], Some("t/1")),
        datasets_page(&["d3", "d4"], Some("t 2")),
        datasets_page(&["d5", "d6"], Some("t3")),
        datasets_page(&["d7"], None),
    ]);
    let client = harness::client(&server);
    let items: Vec<_> = client
        .list_datasets()
        .into_paginator()
        .page_size(2)
        .items()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = items
        .iter()
        .map(|d| d.dataset_id().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["d1", "d2", "d3", "d4", "d5", "d6", "d7"]);

    let requests = server.requests();
    assert_eq!(requests.len(), 4, "exactly one request per page");
    let tokens: Vec<_> = requests.iter().map(token_of).collect();
    assert_eq!(
        tokens,
        [
            None,
            Some("t/1".into()),
            Some("t 2".into()),
            Some("t3".into())
        ]
    );
    for r in &requests {
        assert_eq!(r.method, "GET");
        assert_eq!(r.path(), "/datasetsv2");
        assert_eq!(
            max_results_of(r).as_deref(),
            Some("2"),
            "page_size sets maxResults on every page"
        );
        assert!(
            r.header("authorization")
                .is_some_and(|a| a.starts_with("AWS4-HMAC-SHA256 ")),
            "every page is signed"
        );
    }
}

#[tokio::test]
async fn pages_stream_whole_outputs_and_stop_on_an_empty_token() {
    let server = Server::with_script([
        datasets_page(&["d1"], Some("t1")),
        datasets_page(&["d2"], Some("")),
    ]);
    let client = harness::client(&server);
    let pages: Vec<_> = client
        .list_datasets()
        .into_paginator()
        .send()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[1].datasets()[0].dataset_id(), Some("d2"));
    assert_eq!(server.request_count(), 2, "an empty token ends paging");
    assert_eq!(
        max_results_of(&server.requests()[0]),
        None,
        "no page_size, no maxResults"
    );
}

#[tokio::test]
async fn max_pages_limits_the_requests() {
    let server = Server::with_script([
        datasets_page(&["d1"], Some("t1")),
        datasets_page(&["d2"], Some("t2")),
    ]);
    let client = harness::client(&server);
    let items: Vec<_> = client
        .list_datasets()
        .into_paginator()
        .max_pages(1)
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 1);
    assert_eq!(server.request_count(), 1);
}

#[tokio::test]
async fn a_repeated_token_ends_with_the_pagination_error_after_the_items_seen() {
    let server = Server::with_script([
        datasets_page(&["d1", "d2"], Some("same")),
        datasets_page(&["d3"], Some("same")),
        datasets_page(&["never"], None),
    ]);
    let client = harness::client(&server);
    let results: Vec<_> = client
        .list_datasets()
        .into_paginator()
        .items()
        .collect()
        .await;
    assert_eq!(results.len(), 4, "three items, then one error: {results:?}");
    let ids: Vec<_> = results[..3]
        .iter()
        .map(|r| r.as_ref().unwrap().dataset_id().unwrap().to_owned())
        .collect();
    assert_eq!(ids, ["d1", "d2", "d3"]);
    match &results[3] {
        Err(Error::Pagination(e)) => {
            assert_eq!(e.token(), "same");
            assert!(e.to_string().contains("a second time"), "{e}");
        }
        other => panic!("expected Error::Pagination, got {other:?}"),
    }
    assert_eq!(
        server.request_count(),
        2,
        "the repeated token is never sent again"
    );
}

#[tokio::test]
async fn a_500_on_page_two_is_retried_transparently() {
    let server = Server::with_script([
        datasets_page(&["d1", "d2"], Some("t1")),
        Response::json(500, r#"{"message":"try again"}"#)
            .header("x-amzn-ErrorType", "InternalServerException"),
        datasets_page(&["d3"], None),
    ]);
    let config = harness::config(&server)
        .retry_config(fast_retries(3))
        .build();
    let client = finspace_data::Client::from_conf(config);
    let items: Vec<_> = client
        .list_datasets()
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(items.len(), 3);
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    assert_eq!(token_of(&requests[1]).as_deref(), Some("t1"));
    assert_eq!(
        token_of(&requests[2]).as_deref(),
        Some("t1"),
        "the retry repeats the same page request"
    );
}

#[tokio::test]
async fn a_400_on_page_two_ends_the_stream_after_page_one_items() {
    let server = Server::with_script([
        datasets_page(&["d1", "d2"], Some("t1")),
        Response::json(400, r#"{"message":"bad token"}"#)
            .header("x-amzn-ErrorType", "ValidationException"),
        datasets_page(&["never"], None),
    ]);
    let config = harness::config(&server)
        .retry_config(fast_retries(3))
        .build();
    let client = finspace_data::Client::from_conf(config);
    let mut items = client.list_datasets().into_paginator().items();
    assert_eq!(
        items.try_next().await.unwrap().unwrap().dataset_id(),
        Some("d1")
    );
    assert_eq!(
        items.try_next().await.unwrap().unwrap().dataset_id(),
        Some("d2")
    );
    let err = items.try_next().await.expect_err("page 2 fails");
    assert!(
        matches!(
            err.as_service_error(),
            Some(ListDatasetsError::ValidationException(_))
        ),
        "{err:?}"
    );
    assert!(
        items.next().await.is_none(),
        "the stream ends after the error"
    );
    assert_eq!(server.request_count(), 2, "a 400 is not retried");
}

#[tokio::test]
async fn operations_without_a_paginators_entry_page_too() {
    let server = Server::with_script([
        Response::json(
            200,
            r#"{"users":[{"userId":"u1"},{"userId":"u2"}],"nextToken":"n1"}"#,
        ),
        Response::json(200, r#"{"users":[{"userId":"u3"}]}"#),
        Response::json(200, r#"{"permissionGroups":[{"permissionGroupId":"g1"}]}"#),
    ]);
    let client = harness::client(&server);
    let users: Vec<_> = client
        .list_users_by_permission_group("pg-1", 2)
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = users.iter().map(|u| u.user_id().unwrap()).collect();
    assert_eq!(ids, ["u1", "u2", "u3"]);
    let groups: Vec<_> = client
        .list_permission_groups_by_user("u1", 10)
        .into_paginator()
        .items()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(groups[0].permission_group_id(), Some("g1"));
    let requests = server.requests();
    assert_eq!(requests[0].path(), "/permission-group/pg-1/users");
    assert_eq!(token_of(&requests[1]).as_deref(), Some("n1"));
    assert_eq!(requests[2].path(), "/user/u1/permission-groups");
}
