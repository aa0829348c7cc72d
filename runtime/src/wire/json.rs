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
    // Checking UTF-8 once for the whole body and parsing from `&str` is measurably cheaper
    // than `from_slice`, which validates every string separately. Invalid UTF-8 falls back
    // to `from_slice` so the error is the same.
    // JSON text is UTF-8 (RFC 8259), so a body that is not cannot parse; checking once up
    // front lets every type be read through one deserializer type (`from_str`) instead of two.
    let parsed = match std::str::from_utf8(text) {
        Ok(s) => serde_json::from_str(s).map_err(|e| JsonShapeError::from(&e)),
        Err(e) => Err(JsonShapeError::not_utf8(text, e.valid_up_to())),
    };
    parsed.map_err(|e| ResponseParseError::new(response.status(), body.clone(), e))
}

/// Why a body did not parse, without the offending value: serde_json's own message quotes
/// the value it rejected, which may be a secret (a password or key of an unexpected type), so
/// only the error category and position are kept. The raw body stays available on purpose
/// through [`ResponseParseError::body`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonShapeError {
    category: &'static str,
    line: usize,
    column: usize,
}

impl JsonShapeError {
    /// The error for a body whose bytes stop being UTF-8 at `offset`.
    fn not_utf8(text: &[u8], offset: usize) -> Self {
        let before = &text[..offset];
        let line = 1 + before.iter().filter(|b| **b == b'\n').count();
        let line_start = before
            .iter()
            .rposition(|b| *b == b'\n')
            .map_or(0, |i| i + 1);
        Self {
            category: "JSON that is not UTF-8",
            line,
            column: offset - line_start + 1,
        }
    }
}

impl From<&serde_json::Error> for JsonShapeError {
    fn from(e: &serde_json::Error) -> Self {
        let category = match e.classify() {
            serde_json::error::Category::Io => "I/O error",
            serde_json::error::Category::Syntax => "malformed JSON",
            serde_json::error::Category::Data => "JSON of an unexpected shape",
            serde_json::error::Category::Eof => "truncated JSON",
        };
        Self {
            category,
            line: e.line(),
            column: e.column(),
        }
    }
}

impl std::fmt::Display for JsonShapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.category, self.line, self.column
        )
    }
}

impl std::error::Error for JsonShapeError {}

/// Parses `body` as JSON into `T`, or returns `T::default()` when it is empty or malformed
/// (for error bodies, where the error code already decided the type).
pub fn parse_json_lenient<T: DeserializeOwned + Default>(body: &[u8]) -> T {
    std::str::from_utf8(body)
        .ok()
        .and_then(|s| serde_json::from_str(s).ok())
        .unwrap_or_default()
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
    fn bodies_that_are_not_utf8_are_errors_with_a_position() {
        let body = http::Response::builder()
            .status(200)
            .body(Bytes::from_static(b"{\n  \"a\": \"\xff\"}"))
            .unwrap();
        let err = parse_json_body::<Map>(&body).unwrap_err();
        let text = std::error::Error::source(&err).unwrap().to_string();
        assert_eq!(text, "JSON that is not UTF-8 at line 2 column 9");
        let out: Map = parse_json_lenient(b"{\"message\": \"\xff\"}");
        assert!(out.is_empty());
    }

    #[test]
    fn parse_errors_do_not_quote_values() {
        let err =
            parse_json_body::<BTreeMap<String, u32>>(&response(200, r#"{"a": "hunter2-secret"}"#))
                .unwrap_err();
        let text = format!("{err} {err:?} {:?}", std::error::Error::source(&err));
        assert!(!text.contains("hunter2"), "{text}");
        assert!(text.contains("unexpected shape at line 1"), "{text}");
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
