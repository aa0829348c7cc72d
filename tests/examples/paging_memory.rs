//! Memory check for paginators: streams 100,000 users (1,000 pages of 100) from a transport
//! that generates each page on demand from the request's `nextToken`, and prints the process's
//! peak resident set size (`VmHWM`) after 1,000 items and after all 100,000. Flat numbers show
//! the items are streamed, not accumulated. Run with
//! `cargo run --release -p tests --example paging_memory`.
#![allow(deprecated)] // every FinSpace Data operation is deprecated in the model

use futures::TryStreamExt;

const PAGES: usize = 1_000;
const PER_PAGE: usize = 100;

/// The page a request asks for: the number after `p` in its `nextToken`, 0 without one.
fn page_number(uri: &sdk_runtime::http::Uri) -> usize {
    uri.query()
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("nextToken=p"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Generates page `n`: 100 users with realistic fields and the next token.
fn page_body(n: usize) -> String {
    let mut users = Vec::with_capacity(PER_PAGE);
    for i in 0..PER_PAGE {
        let id = n * PER_PAGE + i;
        users.push(serde_json::json!({
            "userId": format!("user-{id:08}"), "status": "ENABLED", "firstName": "First",
            "lastName": "Last", "emailAddress": format!("user{id}@example.com"), "type": "APP_USER",
            "apiAccess": "ENABLED", "createTime": 1_700_000_000_000_i64 + id as i64,
        }));
    }
    let mut body = serde_json::json!({ "users": users });
    if n + 1 < PAGES {
        body["nextToken"] = format!("p{}", n + 1).into();
    }
    body.to_string()
}

/// Peak resident set size of this process in KiB (Linux `VmHWM`), 0 where unavailable.
fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let transport =
        sdk_runtime::FnHttpClient::new(|request: sdk_runtime::HttpRequest| async move {
            let body = page_body(page_number(request.uri()));
            Ok(sdk_runtime::http::Response::builder()
                .status(200)
                .header("content-type", "application/json")
                .body(sdk_runtime::bytes::Bytes::from(body))
                .expect("static response parts"))
        });
    let config = finspace_data::Config::builder()
        .region("us-east-1")
        .credentials_provider(aws_credential_types::Credentials::new(
            "AKID", "SECRET", None, None, "example",
        ))
        .endpoint_url("http://127.0.0.1:1")
        .http_client(transport)
        .build();
    let client = finspace_data::Client::from_conf(config);

    let start = peak_rss_kib();
    let mut items = client.list_users(PER_PAGE as i32).into_paginator().items();
    let (mut count, mut last_id, mut after_first_thousand) = (0usize, String::new(), 0);
    while let Some(user) = items.try_next().await? {
        count += 1;
        last_id = user.user_id.unwrap_or_default();
        if count == 1_000 {
            after_first_thousand = peak_rss_kib();
        }
    }
    let end = peak_rss_kib();
    println!("items streamed: {count} (last {last_id}) over {PAGES} pages");
    println!("peak RSS before paging:   {start} KiB");
    println!("peak RSS after 1,000:     {after_first_thousand} KiB");
    println!("peak RSS after {count}: {end} KiB");
    println!(
        "growth from 1,000 to {count} items: {} KiB",
        end.saturating_sub(after_first_thousand)
    );
    assert_eq!(count, PAGES * PER_PAGE, "every item arrives exactly once");
    Ok(())
}
