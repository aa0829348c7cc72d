//! `finspace-data` (this project's generated crate): the client over the runtime's
//! `FnHttpClient` answering from [`Fixtures`], and the four benchmarked calls.

use crate::fixtures::{error_type, Fixtures, RESPONSE_HEADERS};
use crate::{Summary, PER_PAGE, REGION};
use finspace_data::config::RetryConfig;
use finspace_data::types::ChangeType;
use futures::TryStreamExt;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The error type of every call here.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A client whose transport answers in-process from `fixtures`; endpoint from the rules for
/// [`REGION`], static credentials, retries off.
pub fn client(fixtures: Arc<Fixtures>) -> finspace_data::Client {
    let transport = sdk_runtime::FnHttpClient::new(move |request: sdk_runtime::HttpRequest| {
        let fixtures = fixtures.clone();
        async move {
            let (status, body) = fixtures.respond(
                request.method().as_str(),
                request.uri().path(),
                request.uri().query(),
                request.headers().get("authorization").map(|v| v.as_bytes()),
                request.body(),
            );
            let mut response = sdk_runtime::http::Response::builder().status(status);
            for (name, value) in RESPONSE_HEADERS {
                response = response.header(name, value);
            }
            if let Some(code) = error_type(status) {
                response = response.header("x-amzn-errortype", code);
            }
            Ok(response.body(body).expect("static response parts"))
        }
    });
    let config = finspace_data::Config::builder()
        .region(REGION)
        .credentials_provider(crate::credentials())
        .retry_config(RetryConfig::disabled())
        .http_client(transport)
        .build();
    finspace_data::Client::from_conf(config)
}

/// `GetUser`: small request, small response.
pub async fn get_user(client: &finspace_data::Client) -> Result<Summary, BoxError> {
    let out = client.get_user("user-00000042").send().await?;
    Ok(Summary {
        items: 1,
        columns: 0,
        last_id: out.user_id().unwrap_or_default().to_owned(),
    })
}

/// `CreateChangeset` with two maps and an auto-filled `clientToken`.
pub async fn create_changeset(client: &finspace_data::Client) -> Result<Summary, BoxError> {
    let source = BTreeMap::from([(
        "s3SourcePath".to_owned(),
        "s3://bucket/data/prices/".to_owned(),
    )]);
    let format = BTreeMap::from([
        ("formatType".to_owned(), "CSV".to_owned()),
        ("withHeader".to_owned(), "true".to_owned()),
        ("separator".to_owned(), ",".to_owned()),
    ]);
    let out = client
        .create_changeset("ds-1", ChangeType::Replace, source, format)
        .send()
        .await?;
    Ok(Summary {
        items: 1,
        columns: 0,
        last_id: out.changeset_id().unwrap_or_default().to_owned(),
    })
}

/// `ListDatasets`: one page of 100 datasets with 20-column schemas.
pub async fn list_datasets(client: &finspace_data::Client) -> Result<Summary, BoxError> {
    let out = client.list_datasets().max_results(100).send().await?;
    let datasets = out.datasets();
    let columns = datasets
        .iter()
        .filter_map(|d| d.schema_definition())
        .filter_map(|s| s.tabular_schema_config())
        .map(|t| t.columns().len())
        .sum();
    Ok(Summary {
        items: datasets.len(),
        columns,
        last_id: datasets
            .last()
            .and_then(|d| d.dataset_id())
            .unwrap_or_default()
            .to_owned(),
    })
}

/// `ListUsers` through the item paginator: every user of every page.
pub async fn page_users(client: &finspace_data::Client) -> Result<Summary, BoxError> {
    let mut items = client.list_users(PER_PAGE as i32).into_paginator().items();
    let (mut count, mut last) = (0, None);
    while let Some(user) = items.try_next().await? {
        count += 1;
        last = Some(user);
    }
    Ok(Summary {
        items: count,
        columns: 0,
        last_id: last
            .and_then(|u| u.user_id().map(str::to_owned))
            .unwrap_or_default(),
    })
}
