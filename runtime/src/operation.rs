//! What generated code hands to [`ClientHandle::invoke`](crate::ClientHandle::invoke):
//! [`OperationMeta`] and [`OperationRequest`]; and turning an operation request plus a
//! resolved endpoint into the HTTP request sent on every attempt.

use crate::error::ConstructionError;
use crate::HttpRequest;
use bytes::Bytes;
use http::header::{HeaderName, HeaderValue, CONTENT_LENGTH, CONTENT_TYPE, HOST};
use http::{Method, Uri};
use std::fmt;

/// Static facts about one operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperationMeta {
    /// The model's operation name, e.g. `CreateChangeset`.
    pub name: &'static str,
}

/// A serialized operation input, before endpoint resolution and signing.
pub struct OperationRequest {
    /// The HTTP method.
    pub method: Method,
    /// The encoded path and query, e.g. `/datasets/ds%201/changesetsv2?clientToken=...`.
    pub path_and_query: String,
    /// Headers from modelled header members.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// The body and its content type; `None` sends no body and no `Content-Type`.
    pub body: Option<(Bytes, &'static str)>,
    /// The expanded host prefix of the operation's endpoint trait, e.g. `data-`.
    pub host_prefix: Option<String>,
}

impl OperationRequest {
    /// A request without headers, body or host prefix.
    pub fn new(method: Method, path_and_query: impl Into<String>) -> Self {
        Self {
            method,
            path_and_query: path_and_query.into(),
            headers: Vec::new(),
            body: None,
            host_prefix: None,
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    /// Sets the body and its content type.
    pub fn body(mut self, body: impl Into<Bytes>, content_type: &'static str) -> Self {
        self.body = Some((body.into(), content_type));
        self
    }

    /// Sets the host prefix.
    pub fn host_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.host_prefix = Some(prefix.into());
        self
    }
}

/// Shows the method, header names and body size only: paths, header values and bodies may
/// hold sensitive input.
impl fmt::Debug for OperationRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let header_names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("OperationRequest")
            .field("method", &self.method)
            .field("header_names", &header_names)
            .field(
                "body",
                &self
                    .body
                    .as_ref()
                    .map(|(b, ct)| format!("{} bytes of {ct}", b.len())),
            )
            .field("host_prefix", &self.host_prefix)
            .finish_non_exhaustive()
    }
}

/// The absolute URI and `Host` value for `path_and_query` on `endpoint_url` (which may carry
/// a base path), with the host prefix applied.
pub(crate) fn join_endpoint(
    endpoint_url: &str,
    path_and_query: &str,
    host_prefix: Option<&str>,
) -> Result<(Uri, String), ConstructionError> {
    let invalid =
        |why: &str| ConstructionError::endpoint(format!("the endpoint URL `{endpoint_url}` {why}"));
    let base: Uri = endpoint_url
        .parse()
        .map_err(|_| invalid("is not a valid URL"))?;
    let scheme = base
        .scheme_str()
        .ok_or_else(|| invalid("has no scheme"))?
        .to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return Err(invalid("must use http or https"));
    }
    let authority = base
        .authority()
        .ok_or_else(|| invalid("has no host"))?
        .as_str();
    if authority.contains('@') {
        return Err(invalid("must not contain user information"));
    }
    if base.query().is_some() {
        return Err(invalid("must not contain a query"));
    }
    let host = match host_prefix {
        Some(prefix) if !prefix.is_empty() => {
            let valid = prefix
                .trim_end_matches('.')
                .split('.')
                .all(|label| crate::endpoint::is_valid_host_label(label, false));
            if !valid {
                return Err(ConstructionError::invalid_field(
                    "hostPrefix",
                    format!("`{prefix}` does not form a valid host name"),
                ));
            }
            format!("{prefix}{authority}")
        }
        _ => authority.to_owned(),
    };
    let base_path = base.path().trim_end_matches('/');
    let separator = if path_and_query.starts_with('/') {
        ""
    } else {
        "/"
    };
    let full = format!("{scheme}://{host}{base_path}{separator}{path_and_query}");
    let uri: Uri = full.parse().map_err(|_| {
        ConstructionError::unexpected("the request URI is not valid (check labels and host prefix)")
    })?;
    Ok((uri, host))
}

/// Headers the runtime adds to every attempt.
pub(crate) struct CommonHeaders<'a> {
    pub(crate) user_agent: &'a str,
    pub(crate) amz_user_agent: &'a str,
    pub(crate) invocation_id: &'a str,
    pub(crate) endpoint_headers: &'a [(String, Vec<String>)],
}

/// The unsigned request for one operation: URI, `Host`, modelled headers, endpoint headers,
/// `Content-Type`/`Content-Length`, user agents and the invocation id.
pub(crate) fn build_request(
    request: OperationRequest,
    endpoint_url: &str,
    common: &CommonHeaders<'_>,
) -> Result<HttpRequest, ConstructionError> {
    let (uri, host) = join_endpoint(
        endpoint_url,
        &request.path_and_query,
        request.host_prefix.as_deref(),
    )?;
    let method = request.method;
    let (body, content_type) = match request.body {
        Some((body, content_type)) => (body, Some(content_type)),
        None => (Bytes::new(), None),
    };
    let mut http_request = http::Request::builder()
        .method(method.clone())
        .uri(uri)
        .body(body)
        .map_err(|e| {
            ConstructionError::unexpected("the HTTP request could not be built").with_source(e)
        })?;
    let headers = http_request.headers_mut();
    let value = |v: &str, what: &str| {
        HeaderValue::from_str(v).map_err(|_| {
            ConstructionError::unexpected(format!("the {what} is not a valid header value"))
        })
    };
    headers.insert(HOST, value(&host, "host")?);
    for (name, value) in request.headers {
        headers.append(name, value);
    }
    for (name, values) in common.endpoint_headers {
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
            ConstructionError::endpoint(format!("endpoint header `{name}` is not a valid name"))
        })?;
        for v in values {
            headers.append(name.clone(), value(v, "endpoint header")?);
        }
    }
    if let Some(content_type) = content_type {
        if !headers.contains_key(CONTENT_TYPE) {
            headers.insert(CONTENT_TYPE, value(content_type, "content type")?);
        }
    }
    let has_body = content_type.is_some();
    if has_body || !matches!(method, Method::GET | Method::HEAD | Method::OPTIONS) {
        let len = http_request.body().len().to_string();
        http_request
            .headers_mut()
            .insert(CONTENT_LENGTH, value(&len, "content length")?);
    }
    let headers = http_request.headers_mut();
    headers.insert(
        http::header::USER_AGENT,
        value(common.user_agent, "user agent")?,
    );
    headers.insert(
        HeaderName::from_static("x-amz-user-agent"),
        value(common.amz_user_agent, "user agent")?,
    );
    headers.insert(
        HeaderName::from_static("amz-sdk-invocation-id"),
        value(common.invocation_id, "invocation id")?,
    );
    Ok(http_request)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_endpoints_and_paths() {
        let (uri, host) = join_endpoint(
            "https://finspace-api.us-east-1.amazonaws.com",
            "/datasetsv2?maxResults=5",
            None,
        )
        .unwrap();
        assert_eq!(
            uri.to_string(),
            "https://finspace-api.us-east-1.amazonaws.com/datasetsv2?maxResults=5"
        );
        assert_eq!(host, "finspace-api.us-east-1.amazonaws.com");
        let (uri, host) = join_endpoint("http://localhost:8000/base/", "/x/y%20z", None).unwrap();
        assert_eq!(uri.to_string(), "http://localhost:8000/base/x/y%20z");
        assert_eq!(host, "localhost:8000");
        let (uri, _) = join_endpoint("https://h.example.com/", "relative", None).unwrap();
        assert_eq!(uri.to_string(), "https://h.example.com/relative");
    }

    #[test]
    fn applies_host_prefix() {
        let (uri, host) =
            join_endpoint("https://svc.us-east-1.amazonaws.com", "/", Some("data-")).unwrap();
        assert_eq!(host, "data-svc.us-east-1.amazonaws.com");
        assert_eq!(uri.host(), Some("data-svc.us-east-1.amazonaws.com"));
        let (_, host) = join_endpoint("http://127.0.0.1:9000", "/", Some("foo.bar.")).unwrap();
        assert_eq!(host, "foo.bar.127.0.0.1:9000");
        let err = join_endpoint("https://h.com", "/", Some("bad prefix.")).unwrap_err();
        assert_eq!(err.field(), Some("hostPrefix"));
    }

    #[test]
    fn rejects_unusable_endpoints() {
        for bad in [
            "not a url",
            "/just/a/path",
            "ftp://h.com",
            "https://user:pw@h.com",
            "https://h.com?x=1",
        ] {
            assert!(join_endpoint(bad, "/", None).is_err(), "{bad}");
        }
    }

    fn common() -> CommonHeaders<'static> {
        CommonHeaders {
            user_agent: "ua/1",
            amz_user_agent: "ua/1 ua/2.1",
            invocation_id: "inv-1",
            endpoint_headers: &[],
        }
    }

    #[test]
    fn builds_a_post_with_body() {
        let op = OperationRequest::new(Method::POST, "/datasets/ds%201/changesetsv2")
            .header(
                HeaderName::from_static("x-modelled"),
                HeaderValue::from_static("m"),
            )
            .body(Bytes::from_static(b"{\"a\":1}"), "application/json");
        let request = build_request(op, "https://h.example.com", &common()).unwrap();
        assert_eq!(request.method(), Method::POST);
        assert_eq!(
            request.uri().to_string(),
            "https://h.example.com/datasets/ds%201/changesetsv2"
        );
        let h = request.headers();
        assert_eq!(h["host"], "h.example.com");
        assert_eq!(h["content-type"], "application/json");
        assert_eq!(h["content-length"], "7");
        assert_eq!(h["x-modelled"], "m");
        assert_eq!(h["user-agent"], "ua/1");
        assert_eq!(h["x-amz-user-agent"], "ua/1 ua/2.1");
        assert_eq!(h["amz-sdk-invocation-id"], "inv-1");
        assert_eq!(request.body().as_ref(), b"{\"a\":1}");
    }

    #[test]
    fn bodiless_requests_follow_botocore() {
        let get = build_request(
            OperationRequest::new(Method::GET, "/datasetsv2"),
            "https://h.example.com",
            &common(),
        )
        .unwrap();
        assert!(get.headers().get("content-type").is_none());
        assert!(get.headers().get("content-length").is_none());
        let delete = build_request(
            OperationRequest::new(Method::DELETE, "/datasetsv2/ds?clientToken=t"),
            "https://h.example.com",
            &common(),
        )
        .unwrap();
        assert!(delete.headers().get("content-type").is_none());
        assert_eq!(delete.headers()["content-length"], "0");
    }

    #[test]
    fn modelled_content_type_wins_and_endpoint_headers_are_added() {
        let op = OperationRequest::new(Method::PUT, "/p")
            .header(CONTENT_TYPE, HeaderValue::from_static("text/plain"))
            .body(Bytes::from_static(b"x"), "application/octet-stream");
        let endpoint_headers = vec![(
            "x-endpoint".to_owned(),
            vec!["a".to_owned(), "b".to_owned()],
        )];
        let common = CommonHeaders {
            endpoint_headers: &endpoint_headers,
            ..common()
        };
        let request = build_request(op, "https://h.example.com", &common).unwrap();
        assert_eq!(request.headers()["content-type"], "text/plain");
        let values: Vec<_> = request.headers().get_all("x-endpoint").iter().collect();
        assert_eq!(values, ["a", "b"]);
    }

    #[test]
    fn debug_shows_no_values() {
        let op = OperationRequest::new(Method::POST, "/users/secret-user?token=hunter2")
            .header(
                HeaderName::from_static("x-secret"),
                HeaderValue::from_static("s3cr3t"),
            )
            .body(
                Bytes::from_static(b"{\"password\":\"pw123\"}"),
                "application/json",
            );
        let shown = format!("{op:?}");
        for secret in ["secret-user", "hunter2", "s3cr3t", "pw123"] {
            assert!(!shown.contains(secret), "{shown}");
        }
        assert!(shown.contains("x-secret"));
    }
}
