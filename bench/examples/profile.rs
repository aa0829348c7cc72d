//! A loop of one benchmark case for one SDK, for profilers (callgrind, perf), without
//! criterion's statistics around it:
//! `cargo run --release -p bench --example profile -- <ours|theirs> <case> [iterations]`
//! with case one of `get_user`, `create_changeset`, `list_datasets`, `paging`. Prints the
//! wall time per call (a rough figure; use the criterion benches for real numbers).

use bench::fixtures::Fixtures;
use bench::{ours, theirs, Summary};
use std::sync::Arc;
use std::time::Instant;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

async fn call_ours(client: &finspace_data::Client, case: &str) -> Result<Summary, BoxError> {
    match case {
        "get_user" => ours::get_user(client).await,
        "create_changeset" => ours::create_changeset(client).await,
        "list_datasets" => ours::list_datasets(client).await,
        "paging" => ours::page_users(client).await,
        other => Err(format!("unknown case `{other}`").into()),
    }
}

async fn call_theirs(
    client: &aws_sdk_finspacedata::Client,
    case: &str,
) -> Result<Summary, BoxError> {
    match case {
        "get_user" => theirs::get_user(client).await,
        "create_changeset" => theirs::create_changeset(client).await,
        "list_datasets" => theirs::list_datasets(client).await,
        "paging" => theirs::page_users(client).await,
        other => Err(format!("unknown case `{other}`").into()),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), BoxError> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (sdk, case) = match (args.first(), args.get(1)) {
        (Some(sdk), Some(case)) => (sdk.as_str(), case.as_str()),
        _ => return Err("usage: profile <ours|theirs> <case> [iterations]".into()),
    };
    let iterations: u32 = args.get(2).map_or(Ok(100), |n| n.parse())?;
    let fixtures = Arc::new(Fixtures::new());
    let start;
    let summary = match sdk {
        "ours" => {
            let client = ours::client(fixtures);
            call_ours(&client, case).await?; // warm-up: endpoint, credentials cache
            start = Instant::now();
            let mut last = Summary::default();
            for _ in 0..iterations {
                last = call_ours(&client, case).await?;
            }
            last
        }
        "theirs" => {
            let client = theirs::client(fixtures);
            call_theirs(&client, case).await?;
            start = Instant::now();
            let mut last = Summary::default();
            for _ in 0..iterations {
                last = call_theirs(&client, case).await?;
            }
            last
        }
        other => return Err(format!("unknown SDK `{other}` (ours or theirs)").into()),
    };
    let per_call = start.elapsed() / iterations.max(1);
    println!("{sdk} {case}: {iterations} calls, {per_call:?} per call, last {summary:?}");
    Ok(())
}
