//! Comparisons the protocol vectors ask for: query strings as multisets of raw `name=value`
//! pairs (rest-json does not fix their order), JSON bodies as values, other bodies byte for
//! byte, and parsed outputs as params-form JSON where numbers compare with a small tolerance
//! (timestamps like `946845296.123` go through `f64`).

use serde_json::Value;

/// The raw `name=value` pairs of a query string (without `?`), sorted.
pub fn query_pairs(query: &str) -> Vec<String> {
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    pairs.sort();
    pairs
}

/// Splits `/path?query` into the path and the query.
pub fn split_uri(uri: &str) -> (&str, &str) {
    uri.split_once('?').unwrap_or((uri, ""))
}

/// Whether two JSON values are equal, numbers within a relative `1e-9`.
pub fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => x == y || (x - y).abs() <= 1e-9 * x.abs().max(y.abs()),
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}

/// Compares a request body with the expected one: as JSON values when the expected body is
/// JSON and the request says so in its `Content-Type`, otherwise byte for byte.
pub fn body_matches(
    expected: &str,
    content_type: Option<&str>,
    actual: &[u8],
) -> Result<(), String> {
    let json_request = content_type.is_some_and(|ct| ct.contains("json"));
    if json_request && !expected.trim().is_empty() {
        let want: Value = serde_json::from_str(expected)
            .map_err(|e| format!("expected body is not JSON ({e}): {expected}"))?;
        let got: Value = serde_json::from_slice(actual).map_err(|e| {
            format!(
                "body is not JSON ({e}): {}",
                String::from_utf8_lossy(actual)
            )
        })?;
        if json_equal(&want, &got) {
            Ok(())
        } else {
            Err(format!("body: expected {want}, got {got}"))
        }
    } else if expected.as_bytes() == actual {
        Ok(())
    } else {
        Err(format!(
            "body: expected {expected:?}, got {:?}",
            String::from_utf8_lossy(actual)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn queries_ignore_order() {
        assert_eq!(query_pairs("b=2&a=1&a=0"), ["a=0", "a=1", "b=2"]);
        assert_eq!(split_uri("/p?x=1"), ("/p", "x=1"));
        assert_eq!(split_uri("/p"), ("/p", ""));
    }

    #[test]
    fn json_numbers_within_tolerance() {
        assert!(json_equal(&json!({"a": [1.0, 2]}), &json!({"a": [1, 2.0]})));
        assert!(json_equal(&json!(946845296.123), &json!(946845296.1230001)));
        assert!(!json_equal(&json!({"a": 1}), &json!({"a": 1, "b": 2})));
        assert!(!json_equal(&json!("1"), &json!(1)));
    }

    #[test]
    fn bodies() {
        assert!(body_matches("{\"a\": 1}", Some("application/json"), b"{\"a\":1}").is_ok());
        assert!(body_matches("raw", Some("text/plain"), b"raw").is_ok());
        assert!(body_matches("", None, b"").is_ok());
        assert!(body_matches("", None, b"{}").is_err());
        assert!(body_matches("{}", Some("application/json"), b"").is_err());
    }
}
