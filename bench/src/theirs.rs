//! `aws-sdk-finspacedata` (AWS's generated crate): the client over
//! `aws_smithy_http_client::test_util::infallible_client_fn` answering from [`Fixtures`], and
//! the four benchmarked calls. Retries and stalled-stream protection (which arms timers) are
//! off; the behaviour version is the latest.

use crate::fixtures::{error_type, Fixtures, RESPONSE_HEADERS};
use crate::{Summary, PER_PAGE, REGION};
use aws_sdk_finspacedata::config::{
    retry::RetryConfig, BehaviorVersion, Region, StalledStreamProtectionConfig,
};
use aws_sdk_finspacedata::types::ChangeType;
use aws_smithy_http_client::test_util::infallible_client_fn;
use aws_smithy_types::body::SdkBody;
use std::collections::HashMap;
use std::sync::Arc;

/// The error type of every call here.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A client whose transport answers in-process from `fixtures`; endpoint from the rules for
/// [`REGION`], static credentials, retries and stalled-stream protection off.
pub fn client(fixtures: Arc<Fixtures>) -> aws_sdk_finspacedata::Client {
    let transport = infallible_client_fn(move |request: http::Request<SdkBody>| {
        let (status, body) = fixtures.respond(
            request.method().as_str(),
            request.uri().path(),
            request.uri().query(),
            request.headers().get("authorization").map(|v| v.as_bytes()),
            request.body().bytes().unwrap_or_default(),
        );
        let mut response = http::Response::builder().status(status);
        for (name, value) in RESPONSE_HEADERS {
            response = response.header(name, value);
        }
        if let Some(code) = error_type(status) {
            response = response.header("x-amzn-errortype", code);
        }
        response
            .body(SdkBody::from(body))
            .expect("static response parts")
    });
    let config = aws_sdk_finspacedata::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(REGION))
        .credentials_provider(crate::credentials())
        .retry_config(RetryConfig::disabled())
        .stalled_stream_protection(StalledStreamProtectionConfig::disabled())
        .http_client(transport)
        .build();
    aws_sdk_finspacedata::Client::from_conf(config)
}

/// `GetUser`: small request, small response.
pub async fn get_user(client: &aws_sdk_finspacedata::Client) -> Result<Summary, BoxError> {
    let out = client.get_user().user_id("user-00000042").send().await?;
    Ok(Summary {
        items: 1,
        columns: 0,
        last_id: out.user_id().unwrap_or_default().to_owned(),
    })
}

/// `CreateChangeset` with two maps and an auto-filled `clientToken`.
pub async fn create_changeset(client: &aws_sdk_finspacedata::Client) -> Result<Summary, BoxError> {
    let source = HashMap::from([(
        "s3SourcePath".to_owned(),
        "s3://bucket/data/prices/".to_owned(),
    )]);
    let format = HashMap::from([
        ("formatType".to_owned(), "CSV".to_owned()),
        ("withHeader".to_owned(), "true".to_owned()),
        ("separator".to_owned(), ",".to_owned()),
    ]);
    let out = client
        .create_changeset()
        .dataset_id("ds-1")
        .change_type(ChangeType::Replace)
        .set_source_params(Some(source))
        .set_format_params(Some(format))
        .send()
        .await?;
    Ok(Summary {
        items: 1,
        columns: 0,
        last_id: out.changeset_id().unwrap_or_default().to_owned(),
    })
}

/// `ListDatasets`: one page of 100 datasets with 20-column schemas.
pub async fn list_datasets(client: &aws_sdk_finspacedata::Client) -> Result<Summary, BoxError> {
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

/// `ListUsers` through the paginator's item stream: every user of every page.
pub async fn page_users(client: &aws_sdk_finspacedata::Client) -> Result<Summary, BoxError> {
    let mut items = client
        .list_users()
        .max_results(PER_PAGE as i32)
        .into_paginator()
        .items()
        .send();
    let (mut count, mut last) = (0, None);
    while let Some(user) = items.next().await {
        count += 1;
        last = Some(user?);
    }
    Ok(Summary {
        items: count,
        columns: 0,
        last_id: last
            .and_then(|u| u.user_id().map(str::to_owned))
            .unwrap_or_default(),
    })
}
