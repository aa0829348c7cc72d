//! rest-json wire helpers for generated serializers and deserializers: URI labels, query
//! strings, header values and lists, text forms of floats and timestamps, JSON adapters
//! ([`json_adapters`]), request checksums and compression, host prefixes, idempotency tokens
//! and error metadata from responses.

mod body;
mod error_metadata;
mod header;
mod json;
pub mod json_adapters;
pub mod json_codec;
pub mod json_struct;
mod label;
mod query;
mod text;

#[cfg(feature = "content-md5")]
pub use body::content_md5;
#[cfg(feature = "gzip")]
pub use body::gzip_if_large;
pub use body::{expand_host_prefix, MIN_COMPRESSION_SIZE};
pub use error_metadata::{error_metadata, sanitize_error_code};
pub use header::{header_value, prefixed_header, response_header, sensitive_header_value};
pub use json::{parse_json_body, parse_json_lenient};
pub use label::{push_label, push_required_label};
pub use query::QueryWriter;
pub use text::{
    base64_encode, fmt_float, fmt_timestamp, header_list, read_header, read_header_json_value,
    read_header_list, read_header_timestamp, read_header_timestamp_list, read_prefix_headers,
    split_header_list, split_http_date_list, FromHeader,
};

/// A fresh idempotency token: a random (v4) UUID in its hyphenated form.
pub fn idempotency_token() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Copies a response (status, version, headers, body; not extensions), e.g. to keep it in a
/// [`ServiceError`](crate::ServiceError) from inside a parser that only borrows it.
pub fn clone_response(response: &crate::HttpResponse) -> crate::HttpResponse {
    let mut copy = http::Response::new(response.body().clone());
    *copy.status_mut() = response.status();
    *copy.version_mut() = response.version();
    *copy.headers_mut() = response.headers().clone();
    copy
}

/// True for 2xx statuses. Accepts a `u16` or an [`http::StatusCode`].
pub fn is_success(status: impl Into<u16>) -> bool {
    (200..300).contains(&status.into())
}

/// The characters kept as-is in labels and query strings: RFC 3986 unreserved characters.
const UNRESERVED: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Percent-encodes everything but RFC 3986 unreserved characters (space becomes `%20`).
pub fn percent_encode(value: &str) -> String {
    percent_encoding::utf8_percent_encode(value, UNRESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_v4_uuids_and_differ() {
        let a = idempotency_token();
        let b = idempotency_token();
        assert_ne!(a, b);
        let parsed = uuid::Uuid::parse_str(&a).unwrap();
        assert_eq!(parsed.get_version_num(), 4);
        assert_eq!(a.len(), 36);
    }

    #[test]
    fn success_statuses() {
        assert!(is_success(200u16));
        assert!(is_success(http::StatusCode::NO_CONTENT));
        assert!(!is_success(199u16));
        assert!(!is_success(300u16));
        assert!(!is_success(http::StatusCode::BAD_REQUEST));
    }

    #[test]
    fn percent_encoding_keeps_unreserved_only() {
        assert_eq!(percent_encode("aZ09-._~"), "aZ09-._~");
        assert_eq!(
            percent_encode("a b/c?d&e=f+g%h"),
            "a%20b%2Fc%3Fd%26e%3Df%2Bg%25h"
        );
        assert_eq!(percent_encode("é☃"), "%C3%A9%E2%98%83");
    }
}
