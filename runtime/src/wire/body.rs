//! Request body and host helpers for generated serializers: `Content-MD5` for operations
//! with `httpChecksumRequired` (feature `content-md5`), gzip for operations with
//! `requestcompression` (feature `gzip`), and host prefixes with `{label}`s filled from input
//! members.

use crate::error::ConstructionError;
#[cfg(any(feature = "gzip", feature = "content-md5"))]
use http::{HeaderName, HeaderValue};

/// Bodies smaller than this are sent uncompressed (botocore's
/// `request_min_compression_size_bytes` default).
pub const MIN_COMPRESSION_SIZE: usize = 10_240;

/// The `Content-MD5` header for `body` (base64 of its MD5 digest).
#[cfg(feature = "content-md5")]
pub fn content_md5(body: &[u8]) -> (HeaderName, HeaderValue) {
    use md5::Digest;
    let digest = md5::Md5::digest(body);
    let value = aws_smithy_types::base64::encode(digest);
    (
        HeaderName::from_static("content-md5"),
        // Base64 text is always a valid header value.
        HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static("")),
    )
}

/// Gzips `body` when it is at least [`MIN_COMPRESSION_SIZE`] bytes and appends `gzip` to the
/// `Content-Encoding` in `headers` (after any modelled encoding). Smaller bodies pass as is.
#[cfg(feature = "gzip")]
pub fn gzip_if_large(
    body: Vec<u8>,
    headers: &mut Vec<(HeaderName, HeaderValue)>,
) -> Result<Vec<u8>, ConstructionError> {
    use std::io::Write;
    if body.len() < MIN_COMPRESSION_SIZE {
        return Ok(body);
    }
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder
        .write_all(&body)
        .and_then(|_| encoder.try_finish())
        .map_err(|e| ConstructionError::other(format!("cannot gzip the request body: {e}")))?;
    let compressed = encoder
        .finish()
        .map_err(|e| ConstructionError::other(format!("cannot gzip the request body: {e}")))?;
    let encoding = http::header::CONTENT_ENCODING;
    let existing: Vec<String> = headers
        .iter()
        .filter(|(n, _)| *n == encoding)
        .filter_map(|(_, v)| v.to_str().ok().map(str::to_owned))
        .collect();
    headers.retain(|(n, _)| *n != encoding);
    let mut value = existing.join(", ");
    if !value.is_empty() {
        value.push_str(", ");
    }
    value.push_str("gzip");
    let value = HeaderValue::from_str(&value).map_err(|_| {
        ConstructionError::invalid_field("Content-Encoding", "is not a valid header value")
    })?;
    headers.push((encoding, value));
    Ok(compressed)
}

/// Fills the `{name}` labels of a host prefix template with `values`; each value must be a
/// valid host label (letters, digits, hyphens; not starting with a hyphen).
pub fn expand_host_prefix(
    template: &str,
    values: &[(&'static str, &str)],
) -> Result<String, ConstructionError> {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map(|e| start + e)
            .ok_or_else(|| ConstructionError::other("unclosed label in host prefix"))?;
        let name = &rest[start + 1..end];
        let (field, value) = values
            .iter()
            .find(|(n, _)| *n == name)
            .ok_or_else(|| ConstructionError::missing_field("hostLabel"))?;
        if !crate::endpoint::is_valid_host_label(value, false) {
            return Err(ConstructionError::invalid_field(
                *field,
                "must be a valid host label (it is part of the host name)",
            ));
        }
        out.push_str(value);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "content-md5")]
    #[test]
    fn md5_header() {
        let (name, value) = content_md5(br#"{"foo":"base64 encoded md5 checksum"}"#);
        assert_eq!(name, "content-md5");
        assert_eq!(value, "iB0/3YSo7maijL0IGOgA9g==");
    }

    #[cfg(feature = "gzip")]
    #[test]
    fn gzip_only_large_bodies() {
        use std::io::Read;
        let mut headers = Vec::new();
        assert_eq!(
            gzip_if_large(b"small".to_vec(), &mut headers).unwrap(),
            b"small"
        );
        assert!(headers.is_empty());
        let big = vec![b'a'; MIN_COMPRESSION_SIZE];
        let mut headers = vec![(
            http::header::CONTENT_ENCODING,
            HeaderValue::from_static("custom"),
        )];
        let zipped = gzip_if_large(big.clone(), &mut headers).unwrap();
        assert_eq!(headers.len(), 1);
        assert_eq!(headers[0].1, "custom, gzip");
        let mut back = Vec::new();
        flate2::read::GzDecoder::new(zipped.as_slice())
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, big);
    }

    #[test]
    fn host_labels() {
        assert_eq!(
            expand_host_prefix("foo.{label}.", &[("label", "bar")]).unwrap(),
            "foo.bar."
        );
        assert!(expand_host_prefix("foo.{label}.", &[("label", "b.r")]).is_err());
        assert!(expand_host_prefix("foo.{label}.", &[("label", "")]).is_err());
        assert!(expand_host_prefix("{x}", &[]).is_err());
    }
}
