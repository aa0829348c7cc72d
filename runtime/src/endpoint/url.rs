//! URL and host helpers of the rules language: `parseURL`, `isValidHostLabel`,
//! `aws.isVirtualHostableS3Bucket` and `uriEncode`.

use super::value::Value;
use std::collections::BTreeMap;
use std::net::Ipv4Addr;

/// `parseURL`: an `http`/`https` URL without query or fragment becomes a record of `scheme`,
/// `authority`, `path`, `normalizedPath` and `isIp`; anything else is unset.
pub(crate) fn parse_url(url: &str) -> Option<Value> {
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        return None;
    }
    if rest.contains(['?', '#']) {
        return None;
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
        return None;
    }
    // Reject what `http` cannot parse, so the URL can actually be used.
    url.parse::<http::Uri>().ok()?;
    let host = host_of(authority);
    let is_ip = host.starts_with('[') || host.parse::<Ipv4Addr>().is_ok();
    let mut normalized = String::with_capacity(path.len() + 2);
    if !path.starts_with('/') {
        normalized.push('/');
    }
    normalized.push_str(path);
    if !normalized.ends_with('/') {
        normalized.push('/');
    }
    let mut record = BTreeMap::new();
    record.insert("scheme".to_owned(), Value::String(scheme));
    record.insert("authority".to_owned(), Value::from(authority));
    record.insert("path".to_owned(), Value::from(path));
    record.insert("normalizedPath".to_owned(), Value::String(normalized));
    record.insert("isIp".to_owned(), Value::Bool(is_ip));
    Some(Value::Object(record))
}

/// The host part of an authority (without the port; IPv6 literals keep their brackets).
fn host_of(authority: &str) -> &str {
    if authority.starts_with('[') {
        match authority.find(']') {
            Some(end) => &authority[..=end],
            None => authority,
        }
    } else {
        authority.split(':').next().unwrap_or(authority)
    }
}

fn is_single_host_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 63
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

/// `isValidHostLabel`: an RFC 1123 label (1-63 letters, digits or `-`, not starting with
/// `-`); with `allow_subdomains`, dot-separated labels.
pub(crate) fn is_valid_host_label(value: &str, allow_subdomains: bool) -> bool {
    if allow_subdomains {
        value.split('.').all(is_single_host_label)
    } else {
        is_single_host_label(value)
    }
}

/// `aws.isVirtualHostableS3Bucket`: a bucket name usable as a host label: 3-63 lowercase
/// letters, digits or `-` (and `.` between labels with `allow_subdomains`), starting and
/// ending with a letter or digit, not an IPv4 address.
pub(crate) fn is_virtual_hostable_s3_bucket(value: &str, allow_subdomains: bool) -> bool {
    let lowercase_label = |label: &str| {
        is_single_host_label(label)
            && !label.ends_with('-')
            && label.bytes().all(|b| !b.is_ascii_uppercase())
    };
    let len_ok = (3..=63).contains(&value.len());
    let labels_ok = if allow_subdomains {
        value.split('.').all(lowercase_label)
    } else {
        lowercase_label(value)
    };
    len_ok && labels_ok && value.parse::<Ipv4Addr>().is_err()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn get(record: &Value, key: &str) -> Value {
        match record {
            Value::Object(m) => m[key].clone(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn parses_urls() {
        let u = parse_url("https://example.com:8443/a/b").unwrap();
        assert_eq!(get(&u, "scheme"), Value::from("https"));
        assert_eq!(get(&u, "authority"), Value::from("example.com:8443"));
        assert_eq!(get(&u, "path"), Value::from("/a/b"));
        assert_eq!(get(&u, "normalizedPath"), Value::from("/a/b/"));
        assert_eq!(get(&u, "isIp"), Value::Bool(false));
        let u = parse_url("http://127.0.0.1").unwrap();
        assert_eq!(get(&u, "path"), Value::from(""));
        assert_eq!(get(&u, "normalizedPath"), Value::from("/"));
        assert_eq!(get(&u, "isIp"), Value::Bool(true));
        let u = parse_url("https://[::1]:443/").unwrap();
        assert_eq!(get(&u, "isIp"), Value::Bool(true));
        for bad in [
            "example.com",
            "ftp://example.com",
            "https://example.com?x=1",
            "https://example.com/#f",
            "https://",
            "https://user@example.com",
            "https://exa mple.com",
        ] {
            assert_eq!(parse_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(is_valid_host_label("a", false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label("-a", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
        assert!(!is_valid_host_label("a_b", false));
    }

    #[test]
    fn s3_buckets() {
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("My-Bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket("bucket-", false));
        assert!(!is_virtual_hostable_s3_bucket("a.b.c", false));
        assert!(is_virtual_hostable_s3_bucket("abc.def", true));
        assert!(!is_virtual_hostable_s3_bucket("192.168.0.1", true));
        assert!(!is_virtual_hostable_s3_bucket("abc..def", true));
    }
}
