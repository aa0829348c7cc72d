//! One attempt: copy the base request, add `amz-sdk-request`, fetch credentials, sign, send
//! with the attempt timeout.

use super::{AttemptContext, Failure};
use crate::error::{ConstructionError, TimeoutError};
use crate::{HttpRequest, HttpResponse};
use http::header::{HeaderName, HeaderValue};
use std::time::SystemTime;

pub(crate) async fn run(
    context: &AttemptContext<'_>,
    base: &HttpRequest,
    attempt: u32,
) -> Result<HttpResponse, Failure> {
    let mut request = crate::clone_request(base);
    let retry_header = format!("attempt={attempt}; max={}", context.max_attempts);
    request.headers_mut().insert(
        HeaderName::from_static("amz-sdk-request"),
        HeaderValue::from_str(&retry_header).map_err(|_| {
            ConstructionError::unexpected("the amz-sdk-request header could not be built")
        })?,
    );
    let now = SystemTime::now();
    let credentials = context
        .credentials_cache
        .get(context.credentials, now)
        .await?;
    crate::signing::sign_request(
        &mut request,
        &credentials,
        context.signing_region,
        context.signing_name,
        now,
    )?;
    tracing::debug!(method = %request.method(), "sending request");
    let sent = context.client.call(request);
    let result = match context.attempt_timeout {
        Some(limit) => match tokio::time::timeout(limit, sent).await {
            Ok(result) => result,
            Err(_) => {
                tracing::debug!(?limit, "attempt timed out");
                return Err(Failure::Timeout(TimeoutError::attempt(limit)));
            }
        },
        None => sent.await,
    };
    match result {
        Ok(response) => {
            tracing::debug!(status = response.status().as_u16(), "response received");
            Ok(response)
        }
        Err(e) => {
            tracing::debug!(kind = ?e.kind(), "transport error");
            Err(Failure::Transport(e))
        }
    }
}
