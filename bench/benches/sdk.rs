//! Criterion benchmarks: the same four calls through `finspace-data` ("ours") and
//! `aws-sdk-finspacedata` ("theirs"), on one current-thread tokio runtime, each client built
//! once and reused. Groups are the cases (`get_user`, `create_changeset`, `list_datasets`,
//! `paging`); functions are `ours` and `theirs`. `cargo xtask bench` reads the estimates
//! criterion writes to `target/criterion/<case>/<sdk>/new/estimates.json`.
//! Sample sizes are small so that all eight run in about a minute on two cores.

use bench::fixtures::Fixtures;
use bench::{ours, theirs};
use criterion::{criterion_group, criterion_main, Criterion};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// Benchmarks one case for both SDKs; `ours_call` and `theirs_call` must succeed.
fn case<O, T, OF, TF>(
    c: &mut Criterion,
    name: &str,
    samples: usize,
    measure: Duration,
    ours_call: O,
    theirs_call: T,
) where
    O: Fn(finspace_data::Client) -> OF,
    OF: Future<Output = Result<bench::Summary, ours::BoxError>>,
    T: Fn(aws_sdk_finspacedata::Client) -> TF,
    TF: Future<Output = Result<bench::Summary, theirs::BoxError>>,
{
    let rt = runtime();
    let fixtures = Arc::new(Fixtures::new());
    let our_client = ours::client(fixtures.clone());
    let their_client = {
        let _guard = rt.enter();
        theirs::client(fixtures)
    };
    let mut group = c.benchmark_group(name);
    group
        .sample_size(samples)
        .measurement_time(measure)
        .warm_up_time(Duration::from_secs(1));
    group.bench_function("ours", |b| {
        b.to_async(&rt)
            .iter(|| async { ours_call(our_client.clone()).await.expect("ours") })
    });
    group.bench_function("theirs", |b| {
        b.to_async(&rt)
            .iter(|| async { theirs_call(their_client.clone()).await.expect("theirs") })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let short = Duration::from_secs(3);
    case(
        c,
        "get_user",
        30,
        short,
        |c| async move { ours::get_user(&c).await },
        |c| async move { theirs::get_user(&c).await },
    );
    case(
        c,
        "create_changeset",
        30,
        short,
        |c| async move { ours::create_changeset(&c).await },
        |c| async move { theirs::create_changeset(&c).await },
    );
    case(
        c,
        "list_datasets",
        20,
        short,
        |c| async move { ours::list_datasets(&c).await },
        |c| async move { theirs::list_datasets(&c).await },
    );
    case(
        c,
        "paging",
        10,
        Duration::from_secs(5),
        |c| async move { ours::page_users(&c).await },
        |c| async move { theirs::page_users(&c).await },
    );
}

criterion_group!(sdk, benches);
criterion_main!(sdk);
