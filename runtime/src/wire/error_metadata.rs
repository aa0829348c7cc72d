//! Reads [`ErrorMetadata`] from a rest-json error response: the code from `x-amzn-ErrorType`
//! or the body's `code`/`Code`/`__type`, the message from `message`/`Message`/`errorMessage`,
//! the request id from `x-amzn-RequestId`/`x-amz-request-id`. Malformed input yields fewer
//! parts, never a panic.

use crate::error::ErrorMetadata;
use crate::HttpResponse;

/// Error metadata of a rest-json error response (see the module docs for the sources, which
/// follow botocore's order).
pub fn error_metadata(response: &HttpResponse) -> ErrorMetadata {
    let headers = response.headers();
    let header_text = |name: &str| {
        headers
            .get(name)
            .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let body: Option<serde_json::Map<String, serde_json::Value>> =
        match serde_json::from_slice::<serde_json::Value>(response.body()) {
            Ok(serde_json::Value::Object(map)) => Some(map),
            _ => None,
        };
    let body_text = |key: &str| {
        body.as_ref()
            .and_then(|b| b.get(key))
            .and_then(serde_json::Value::as_str)
    };
    let code = header_text("x-amzn-errortype")
        .or_else(|| body_text("code"))
        .or_else(|| body_text("Code"))
        .or_else(|| body_text("__type"))
        .map(sanitize_error_code)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    let message = body_text("message")
        .or_else(|| body_text("Message"))
        .or_else(|| body_text("errorMessage"))
        .map(str::to_owned);
    let request_id = header_text("x-amzn-requestid")
        .or_else(|| header_text("x-amz-request-id"))
        .map(str::to_owned);
    ErrorMetadata::new(code, message, request_id, Some(response.status().as_u16()))
}

/// Reduces a wire error code to its shape name: the text before the first `:`, then after the
/// last `#` (`aws.protocoltests#FooError:http://...` becomes `FooError`).
pub fn sanitize_error_code(code: &str) -> &str {
    let before_colon = code.split(':').next().unwrap_or(code);
    before_colon
        .rsplit('#')
        .next()
        .unwrap_or(before_colon)
        .trim()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn response(status: u16, headers: &[(&str, &str)], body: &[u8]) -> HttpResponse {
        let mut builder = http::Response::builder().status(status);
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(Bytes::copy_from_slice(body)).unwrap()
    }

    #[test]
    fn code_from_header() {
        let meta = error_metadata(&response(
            400,
            &[
                (
                    "x-amzn-ErrorType",
                    "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
                ),
                ("x-amzn-RequestId", "req-1"),
            ],
            br#"{"message":"bad input","__type":"Other"}"#,
        ));
        assert_eq!(meta.code(), Some("ValidationException"));
        assert_eq!(meta.message(), Some("bad input"));
        assert_eq!(meta.request_id(), Some("req-1"));
        assert_eq!(meta.http_status(), Some(400));
    }

    #[test]
    fn code_from_body_code() {
        let meta = error_metadata(&response(
            404,
            &[("x-amz-request-id", "req-2")],
            br#"{"code":"ResourceNotFoundException","Message":"nope"}"#,
        ));
        assert_eq!(meta.code(), Some("ResourceNotFoundException"));
        assert_eq!(meta.message(), Some("nope"));
        assert_eq!(meta.request_id(), Some("req-2"));
        let meta = error_metadata(&response(404, &[], br#"{"Code":"NotFound"}"#));
        assert_eq!(meta.code(), Some("NotFound"));
    }

    #[test]
    fn code_from_body_type() {
        let meta = error_metadata(&response(
            409,
            &[],
            br#"{"__type":"com.amazonaws.finspace#ConflictException:http://x","errorMessage":"busy"}"#,
        ));
        assert_eq!(meta.code(), Some("ConflictException"));
        assert_eq!(meta.message(), Some("busy"));
        assert_eq!(meta.request_id(), None);
    }

    #[test]
    fn malformed_bodies_give_partial_metadata() {
        for body in [
            &b""[..],
            b"not json",
            b"[1,2]",
            b"{\"__type\": 5, \"message\": {\"a\":1}}",
            b"\xff\xfe",
            b"{\"__type\": \"\"}",
        ] {
            let meta = error_metadata(&response(500, &[], body));
            assert_eq!(meta.code(), None, "{body:?}");
            assert_eq!(meta.message(), None);
            assert_eq!(meta.http_status(), Some(500));
        }
        let meta = error_metadata(&response(
            400,
            &[("x-amzn-ErrorType", "  ")],
            br#"{"__type":"Fallback"}"#,
        ));
        assert_eq!(meta.code(), Some("Fallback"));
    }

    #[test]
    fn sanitizes_codes() {
        assert_eq!(sanitize_error_code("FooError"), "FooError");
        assert_eq!(
            sanitize_error_code("aws.protocoltests.restjson#FooError"),
            "FooError"
        );
        assert_eq!(
            sanitize_error_code("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/"),
            "FooError"
        );
        assert_eq!(sanitize_error_code("FooError:http://x#y"), "FooError");
        assert_eq!(sanitize_error_code(""), "");
    }
}
