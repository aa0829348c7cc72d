//! Text forms of model values in URI labels, query strings and headers, and reading them back
//! from response headers: floats (`NaN`, `Infinity`, `-Infinity`), timestamps in a chosen
//! format, base64 blobs and `jsonvalue` strings, header lists (comma-separated, quoted where an
//! item holds a comma or quote; HTTP dates are never quoted) and prefix headers.

use crate::error::ResponseParseError;
use crate::primitives::{Blob, DateTime, TimestampFormat};
use crate::HttpResponse;
use std::collections::BTreeMap;

use super::json_adapters::WireFloat;

/// A float as text: `NaN`, `Infinity`, `-Infinity`, or the shortest decimal that reads back
/// as the same value (`1.1`, `5`).
pub fn fmt_float<F: WireFloat>(v: F) -> String {
    let f = v.to_f64();
    if f.is_nan() {
        "NaN".into()
    } else if f == f64::INFINITY {
        "Infinity".into()
    } else if f == f64::NEG_INFINITY {
        "-Infinity".into()
    } else {
        v.shortest_text()
    }
}

/// A timestamp as text in `format`.
pub fn fmt_timestamp(v: &DateTime, format: TimestampFormat) -> String {
    v.fmt(format)
}

/// Base64 text of `bytes` (blob headers, `jsonvalue` headers).
pub fn base64_encode(bytes: impl AsRef<[u8]>) -> String {
    aws_smithy_types::base64::encode(bytes)
}

/// One header value for a list member: items joined by `, `, an item that holds a comma or a
/// double quote is quoted (with `"` and `\` escaped). HTTP-date items are never quoted.
pub fn header_list<I>(items: I, http_dates: bool) -> String
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut out = String::new();
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let item = item.as_ref();
        if !http_dates && (item.contains(',') || item.contains('"')) {
            out.push('"');
            for c in item.chars() {
                if c == '"' || c == '\\' {
                    out.push('\\');
                }
                out.push(c);
            }
            out.push('"');
        } else {
            out.push_str(item);
        }
    }
    out
}

/// Splits a list header value on commas outside double quotes; items are trimmed and unquoted.
pub fn split_header_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut was_quoted = false;
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted => quoted = false,
            '"' if current.trim().is_empty() => {
                current.clear();
                quoted = true;
                was_quoted = true;
            }
            '\\' if quoted => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            ',' if !quoted => {
                items.push(finish_item(&current, was_quoted));
                current.clear();
                was_quoted = false;
            }
            c => current.push(c),
        }
    }
    if !current.trim().is_empty() || was_quoted || !items.is_empty() {
        items.push(finish_item(&current, was_quoted));
    }
    items
}

fn finish_item(item: &str, quoted: bool) -> String {
    if quoted {
        item.trim_end().to_owned()
    } else {
        item.trim().to_owned()
    }
}

/// Splits a list of HTTP dates (`Mon, 16 Dec 2019 23:48:18 GMT, Tue, ...`): every second comma
/// separates two dates.
pub fn split_http_date_list(value: &str) -> Vec<String> {
    let parts: Vec<&str> = value.split(',').collect();
    parts
        .chunks(2)
        .map(|pair| pair.join(",").trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// A scalar read from header text.
pub trait FromHeader: Sized {
    /// Parses one (trimmed) header value or list item.
    fn from_header(text: &str) -> Result<Self, String>;
}

impl FromHeader for String {
    fn from_header(text: &str) -> Result<Self, String> {
        Ok(text.to_owned())
    }
}

macro_rules! from_header_parse {
    ($($t:ty),*) => {$(
        impl FromHeader for $t {
            fn from_header(text: &str) -> Result<Self, String> {
                text.trim().parse().map_err(|e| format!("`{text}`: {e}"))
            }
        }
    )*};
}

from_header_parse!(i32, i64, bool);

impl FromHeader for f64 {
    fn from_header(text: &str) -> Result<Self, String> {
        parse_float(text)
    }
}

impl FromHeader for f32 {
    fn from_header(text: &str) -> Result<Self, String> {
        parse_float::<f64>(text).map(|f| f as f32)
    }
}

impl FromHeader for Blob {
    fn from_header(text: &str) -> Result<Self, String> {
        aws_smithy_types::base64::decode(text.trim())
            .map(Blob::new)
            .map_err(|e| format!("invalid base64: {e}"))
    }
}

fn parse_float<F: WireFloat>(text: &str) -> Result<F, String> {
    match text.trim() {
        "NaN" => Ok(F::from_f64(f64::NAN)),
        "Infinity" => Ok(F::from_f64(f64::INFINITY)),
        "-Infinity" => Ok(F::from_f64(f64::NEG_INFINITY)),
        t => t
            .parse::<f64>()
            .map(F::from_f64)
            .map_err(|e| format!("`{t}`: {e}")),
    }
}

fn parse_error(
    response: &HttpResponse,
    name: &str,
    why: impl std::fmt::Display,
) -> ResponseParseError {
    ResponseParseError::new(
        response.status(),
        response.body().clone(),
        format!("header `{name}`: {why}"),
    )
}

/// Every value of header `name`, joined with `, ` (how repeated headers combine), or `None`.
fn header_text(response: &HttpResponse, name: &str) -> Result<Option<String>, ResponseParseError> {
    let mut values = response.headers().get_all(name).iter().peekable();
    if values.peek().is_none() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for v in values {
        out.push(
            std::str::from_utf8(v.as_bytes())
                .map_err(|e| parse_error(response, name, e))?
                .to_owned(),
        );
    }
    Ok(Some(out.join(", ")))
}

/// Reads a scalar header member.
pub fn read_header<T: FromHeader>(
    response: &HttpResponse,
    name: &str,
) -> Result<Option<T>, ResponseParseError> {
    match header_text(response, name)? {
        None => Ok(None),
        Some(text) => T::from_header(&text)
            .map(Some)
            .map_err(|e| parse_error(response, name, e)),
    }
}

/// Reads a list header member (see [`split_header_list`]).
pub fn read_header_list<T: FromHeader>(
    response: &HttpResponse,
    name: &str,
) -> Result<Option<Vec<T>>, ResponseParseError> {
    match header_text(response, name)? {
        None => Ok(None),
        Some(text) => split_header_list(&text)
            .iter()
            .map(|item| T::from_header(item))
            .collect::<Result<Vec<T>, String>>()
            .map(Some)
            .map_err(|e| parse_error(response, name, e)),
    }
}

/// Reads a timestamp header member in `format`.
pub fn read_header_timestamp(
    response: &HttpResponse,
    name: &str,
    format: TimestampFormat,
) -> Result<Option<DateTime>, ResponseParseError> {
    match header_text(response, name)? {
        None => Ok(None),
        Some(text) => DateTime::parse(&text, format)
            .map(Some)
            .map_err(|e| parse_error(response, name, e)),
    }
}

/// Reads a timestamp list header member in `format`.
pub fn read_header_timestamp_list(
    response: &HttpResponse,
    name: &str,
    format: TimestampFormat,
) -> Result<Option<Vec<DateTime>>, ResponseParseError> {
    let Some(text) = header_text(response, name)? else {
        return Ok(None);
    };
    let items = match format {
        TimestampFormat::HttpDate => split_http_date_list(&text),
        _ => split_header_list(&text),
    };
    items
        .iter()
        .map(|item| DateTime::parse(item, format))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
        .map_err(|e| parse_error(response, name, e))
}

/// Reads a `jsonvalue` header member: base64 of JSON text, returned as the JSON text.
pub fn read_header_json_value(
    response: &HttpResponse,
    name: &str,
) -> Result<Option<String>, ResponseParseError> {
    let Some(text) = header_text(response, name)? else {
        return Ok(None);
    };
    let bytes = aws_smithy_types::base64::decode(text.trim())
        .map_err(|e| parse_error(response, name, format!("invalid base64: {e}")))?;
    let json = String::from_utf8(bytes).map_err(|e| parse_error(response, name, e))?;
    serde_json::from_str::<serde_json::Value>(&json)
        .map_err(|e| parse_error(response, name, format!("not JSON: {e}")))?;
    Ok(Some(json))
}

/// Reads prefix headers: every header whose (lower-case) name starts with `prefix`, keyed by
/// the rest of the name. `None` when there is none.
pub fn read_prefix_headers(
    response: &HttpResponse,
    prefix: &str,
) -> Result<Option<BTreeMap<String, String>>, ResponseParseError> {
    let prefix = prefix.to_ascii_lowercase();
    let mut out = BTreeMap::new();
    for name in response.headers().keys() {
        if let Some(rest) = name.as_str().strip_prefix(prefix.as_str()) {
            if let Some(v) = header_text(response, name.as_str())? {
                out.insert(rest.to_owned(), v);
            }
        }
    }
    Ok((!out.is_empty()).then_some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn response(headers: &[(&str, &str)]) -> HttpResponse {
        let mut b = http::Response::builder().status(200);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Bytes::new()).unwrap()
    }

    #[test]
    fn floats_as_text() {
        assert_eq!(fmt_float(1.1f64), "1.1");
        assert_eq!(fmt_float(1.1f32), "1.1");
        assert_eq!(fmt_float(5.0f64), "5");
        assert_eq!(fmt_float(f64::NAN), "NaN");
        assert_eq!(fmt_float(f32::NEG_INFINITY), "-Infinity");
        assert!(f64::from_header("NaN").unwrap().is_nan());
        assert_eq!(f32::from_header(" 1.5 ").unwrap(), 1.5);
        assert!(i32::from_header("x").is_err());
    }

    #[test]
    fn header_lists_quote_and_split() {
        let v = header_list(["b,c", "\"def\"", "a"], false);
        assert_eq!(v, r#""b,c", "\"def\"", a"#);
        assert_eq!(split_header_list(&v), ["b,c", "\"def\"", "a"]);
        assert_eq!(split_header_list("a, b ,c"), ["a", "b", "c"]);
        assert_eq!(split_header_list(""), Vec::<String>::new());
        let dates = header_list(
            [
                "Mon, 16 Dec 2019 23:48:18 GMT",
                "Mon, 16 Dec 2019 23:48:18 GMT",
            ],
            true,
        );
        assert_eq!(
            split_http_date_list(&dates),
            [
                "Mon, 16 Dec 2019 23:48:18 GMT",
                "Mon, 16 Dec 2019 23:48:18 GMT"
            ]
        );
    }

    #[test]
    fn reads_typed_headers() {
        let r = response(&[
            ("x-int", "123"),
            ("x-list", "1, 2, 3"),
            ("x-bad", "nope"),
            ("x-json", "dHJ1ZQ=="),
            ("x-foo-abc", "Abc"),
            ("x-foo-def", "Def"),
            ("x-date", "Mon, 16 Dec 2019 23:48:18 GMT"),
        ]);
        assert_eq!(read_header::<i32>(&r, "X-Int").unwrap(), Some(123));
        assert_eq!(read_header::<i32>(&r, "x-none").unwrap(), None);
        assert!(read_header::<i32>(&r, "x-bad").is_err());
        assert_eq!(
            read_header_list::<i64>(&r, "x-list").unwrap(),
            Some(vec![1, 2, 3])
        );
        assert_eq!(
            read_header_json_value(&r, "x-json").unwrap().as_deref(),
            Some("true")
        );
        let map = read_prefix_headers(&r, "X-Foo-").unwrap().unwrap();
        assert_eq!(map["abc"], "Abc");
        assert_eq!(map.len(), 2);
        assert_eq!(
            read_header_timestamp(&r, "x-date", TimestampFormat::HttpDate)
                .unwrap()
                .map(|t| t.secs()),
            Some(1_576_540_098)
        );
    }
}
