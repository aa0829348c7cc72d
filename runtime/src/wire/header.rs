//! Header helpers: building request header pairs from model values (errors instead of
//! panics) and reading response headers as text.

use crate::error::{ConstructionError, ResponseParseError};
use crate::HttpResponse;
use http::{HeaderName, HeaderValue};

/// A request header from a model header name (any case) and a member value. Values may hold
/// any visible ASCII or UTF-8 text; control characters such as line breaks are rejected.
pub fn header_value(
    name: &'static str,
    value: &str,
) -> Result<(HeaderName, HeaderValue), ConstructionError> {
    let header = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| ConstructionError::invalid_field(name, "is not a valid HTTP header name"))?;
    let value = HeaderValue::from_bytes(value.as_bytes()).map_err(|_| {
        ConstructionError::invalid_field(
            name,
            "contains characters that cannot be sent in an HTTP header",
        )
    })?;
    Ok((header, value))
}

/// A request header whose name is built at run time (prefix headers: the model's prefix plus
/// a map key).
pub fn prefixed_header(
    prefix: &str,
    key: &str,
    value: &str,
) -> Result<(HeaderName, HeaderValue), ConstructionError> {
    let name = format!("{prefix}{key}");
    let header = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
        ConstructionError::invalid_field(name.clone(), "is not a valid HTTP header name")
    })?;
    let value = HeaderValue::from_bytes(value.as_bytes()).map_err(|_| {
        ConstructionError::invalid_field(
            name,
            "contains characters that cannot be sent in an HTTP header",
        )
    })?;
    Ok((header, value))
}

/// [`header_value`] marked sensitive, so `http`'s `Debug` output hides it.
pub fn sensitive_header_value(
    name: &'static str,
    value: &str,
) -> Result<(HeaderName, HeaderValue), ConstructionError> {
    let (name, mut value) = header_value(name, value)?;
    value.set_sensitive(true);
    Ok((name, value))
}

/// The text of response header `name` (case-insensitive), `None` when absent. A value that
/// is not UTF-8 is a parse error rather than a panic.
pub fn response_header<'a>(
    response: &'a HttpResponse,
    name: &str,
) -> Result<Option<&'a str>, ResponseParseError> {
    match response.headers().get(name) {
        None => Ok(None),
        Some(value) => std::str::from_utf8(value.as_bytes())
            .map(Some)
            .map_err(|e| {
                ResponseParseError::new(
                    response.status(),
                    response.body().clone(),
                    format!("header `{name}` is not valid UTF-8: {e}"),
                )
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    #[test]
    fn builds_headers_from_model_names() {
        let (name, value) = header_value("X-Amz-Meta-Thing", "a b, ü").unwrap();
        assert_eq!(name.as_str(), "x-amz-meta-thing");
        assert_eq!(value.as_bytes(), "a b, ü".as_bytes());
        let err = header_value("X-Bad", "line\nbreak").unwrap_err();
        assert_eq!(err.field(), Some("X-Bad"));
        assert!(header_value("bad name", "v").is_err());
    }

    #[test]
    fn prefixed_headers() {
        let (name, value) = prefixed_header("X-Foo-", "abc", "").unwrap();
        assert_eq!(name.as_str(), "x-foo-abc");
        assert_eq!(value, "");
        assert!(prefixed_header("X-Foo-", "a b", "v").is_err());
    }

    #[test]
    fn sensitive_values_are_hidden_in_debug() {
        let (_, value) = sensitive_header_value("x-token", "hunter2").unwrap();
        assert!(value.is_sensitive());
        assert!(!format!("{value:?}").contains("hunter2"));
    }

    #[test]
    fn reads_response_headers() {
        let response = http::Response::builder()
            .header("X-Thing", "v")
            .header("x-bin", HeaderValue::from_bytes(b"\xff").unwrap())
            .body(Bytes::new())
            .unwrap();
        assert_eq!(response_header(&response, "x-thing").unwrap(), Some("v"));
        assert_eq!(response_header(&response, "x-none").unwrap(), None);
        assert!(response_header(&response, "x-bin").is_err());
    }
}
