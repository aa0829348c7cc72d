//! JSON body helpers for generated parsers: strict parsing of output bodies (an empty body
//! is `{}`) and lenient parsing of error bodies (anything unparsable gives the default).

use crate::error::ResponseParseError;
use crate::HttpResponse;
use serde::de::DeserializeOwned;

/// Parses the response body as JSON into `T`. An empty (or all-whitespace) body is read as
/// `{}`, as rest-json responses without body members may have no body at all. A malformed
/// body is a [`ResponseParseError`] keeping the status and body.
pub fn parse_json_body<T: DeserializeOwned>(
    response: &HttpResponse,
) -> Result<T, ResponseParseError> {
    let body = response.body();
    let text: &[u8] = if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    };
    serde_json::from_slice(text)
        .map_err(|e| ResponseParseError::new(response.status(), body.clone(), e))
}

/// Parses `body` as JSON into `T`, or returns `T::default()` when it is empty or malformed
/// (for error bodies, where the error code already decided the type).
pub fn parse_json_lenient<T: DeserializeOwned + Default>(body: &[u8]) -> T {
    serde_json::from_slice(body).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use std::collections::BTreeMap;

    fn response(status: u16, body: &str) -> HttpResponse {
        http::Response::builder()
            .status(status)
            .body(Bytes::copy_from_slice(body.as_bytes()))
            .unwrap()
    }

    type Map = BTreeMap<String, serde_json::Value>;

    #[test]
    fn strict_body_parsing() {
        let out: Map = parse_json_body(&response(200, r#"{"a": 1, "unknown": [true]}"#)).unwrap();
        assert_eq!(out["a"], 1);
        let empty: Map = parse_json_body(&response(200, "")).unwrap();
        assert!(empty.is_empty());
        let blank: Map = parse_json_body(&response(200, " \n")).unwrap();
        assert!(blank.is_empty());
        let err = parse_json_body::<Map>(&response(200, "{\"a\":")).unwrap_err();
        assert_eq!(err.status(), 200);
        assert_eq!(err.body().as_ref(), b"{\"a\":");
        assert!(parse_json_body::<Map>(&response(200, "\u{ff}")).is_err());
    }

    #[test]
    fn lenient_body_parsing() {
        let out: Map = parse_json_lenient(br#"{"message": "m"}"#);
        assert_eq!(out["message"], "m");
        let out: Map = parse_json_lenient(b"<html>oops</html>");
        assert!(out.is_empty());
        let out: Map = parse_json_lenient(b"");
        assert!(out.is_empty());
    }
}
