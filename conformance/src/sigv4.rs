//! The SigV4 test suite (`tests/conformance-data/aws4_testsuite/`): each case's `.req` is parsed
//! into an HTTP request and signed by the runtime's own signing path
//! ([`sdk_runtime::signing::sign_standalone`], the function every attempt uses); the
//! `Authorization` header must equal the case's `.authz`. The signing time comes from the
//! request's `X-Amz-Date`, a session token from the signed request (`.sreq`) when it has one.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_credential_types::Credentials;

use crate::report::{Category, Outcome};
use crate::skips;

/// The suite's documented inputs (its README): credentials, region and service name.
const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-east-1";
const SERVICE: &str = "service";

/// `tests/conformance-data/aws4_testsuite`.
pub fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance-data/aws4_testsuite")
}

/// Every case directory (one holding `<name>.req`), as `(id, dir)`; ids of nested cases keep
/// their group (`normalize-path/get-slash`). Sorted.
pub fn cases(root: &Path) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    collect(root, root, &mut out)?;
    out.sort();
    Ok(out)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !path.is_dir() {
            continue;
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let has_req = name
            .as_ref()
            .is_some_and(|n| path.join(format!("{n}.req")).exists());
        if has_req {
            let id = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((id, path.clone()));
        }
        collect(root, &path, out)?;
    }
    Ok(())
}

/// Runs every case.
pub fn run() -> Category {
    let mut category = Category::new("sigv4");
    let cases = match cases(&suite_dir()) {
        Ok(c) => c,
        Err(e) => {
            category.push("aws4_testsuite", Outcome::Failed(e.to_string()));
            return category;
        }
    };
    for (id, dir) in cases {
        let outcome = match skips::reason(skips::SIGV4, &id) {
            Some(reason) => Outcome::Skipped(reason.to_owned()),
            None => match run_case(&dir) {
                Ok(()) => Outcome::Passed,
                Err(why) => Outcome::Failed(why),
            },
        };
        category.push(id, outcome);
    }
    category
}

fn read(dir: &Path, ext: &str) -> Result<Option<String>, String> {
    let name = dir.file_name().unwrap_or_default().to_string_lossy();
    let path = dir.join(format!("{name}.{ext}"));
    if !path.exists() {
        return Ok(None);
    }
    std::fs::read_to_string(&path)
        .map(Some)
        .map_err(|e| format!("read {}: {e}", path.display()))
}

fn run_case(dir: &Path) -> Result<(), String> {
    let req = read(dir, "req")?.ok_or("no .req file")?;
    let want = read(dir, "authz")?.ok_or("no .authz file")?;
    let parsed = RawRequest::parse(&req)?;
    let token = match read(dir, "sreq")? {
        Some(sreq) => RawRequest::parse(&sreq)?
            .header("x-amz-security-token")
            .map(str::to_owned),
        None => None,
    };
    let time = parsed
        .header("x-amz-date")
        .ok_or("the request has no X-Amz-Date")
        .and_then(|d| parse_amz_date(d).ok_or("X-Amz-Date is not yyyymmddThhmmssZ"))?;
    let mut request = parsed.to_http()?;
    let credentials = Credentials::new(ACCESS_KEY, SECRET_KEY, token, None, "aws4_testsuite");
    sdk_runtime::signing::sign_standalone(&mut request, &credentials, REGION, SERVICE, time)
        .map_err(|e| format!("signing failed: {e}"))?;
    let got = request
        .headers()
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .ok_or("no Authorization header after signing")?;
    if got == want.trim() {
        Ok(())
    } else {
        Err(format!("expected `{}`, signed `{got}`", want.trim()))
    }
}

/// A request as written in a `.req` file: request line, `Name:value` headers (continuation
/// lines start with white space), a blank line, the body.
#[derive(Debug)]
struct RawRequest {
    method: String,
    target: String,
    headers: Vec<(String, String)>,
    body: String,
}

impl RawRequest {
    fn parse(text: &str) -> Result<Self, String> {
        let (head, body) = match text.split_once("\n\n") {
            Some((h, b)) => (h, b.to_owned()),
            None => (text, String::new()),
        };
        let mut lines = head.lines();
        let line = lines.next().ok_or("empty request")?;
        let (method, rest) = line.split_once(' ').ok_or("no request target")?;
        let (target, _version) = rest.rsplit_once(' ').ok_or("no HTTP version")?;
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.starts_with([' ', '\t']) {
                let last = headers.last_mut().ok_or("continuation before any header")?;
                last.1.push('\n');
                last.1.push_str(line);
            } else {
                let (name, value) = line.split_once(':').ok_or("header without `:`")?;
                headers.push((name.to_owned(), value.to_owned()));
            }
        }
        Ok(Self {
            method: method.to_owned(),
            target: target.to_owned(),
            headers,
            body,
        })
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn to_http(&self) -> Result<sdk_runtime::HttpRequest, String> {
        let host = self.header("host").ok_or("the request has no Host")?;
        let uri = format!("https://{host}{}", self.target);
        let mut builder = http::Request::builder()
            .method(self.method.as_str())
            .uri(uri.as_str());
        for (name, value) in &self.headers {
            let value = http::HeaderValue::from_str(value)
                .map_err(|_| format!("header `{name}` cannot be sent in an HTTP request"))?;
            builder = builder.header(name.as_str(), value);
        }
        builder
            .body(bytes::Bytes::from(self.body.clone()))
            .map_err(|e| format!("not a valid HTTP request ({uri}): {e}"))
    }
}

/// `20150830T123600Z` as a time.
fn parse_amz_date(s: &str) -> Option<SystemTime> {
    let b = s.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<i64>().ok();
    let (y, mo, d) = (num(0..4)?, num(4..6)?, num(6..8)?);
    let (h, mi, se) = (num(9..11)?, num(11..13)?, num(13..15)?);
    let days = days_from_civil(y, mo, d);
    let secs = days * 86_400 + h * 3600 + mi * 60 + se;
    Some(UNIX_EPOCH + Duration::from_secs(u64::try_from(secs).ok()?))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_amz_dates() {
        let t = parse_amz_date("20150830T123600Z").unwrap();
        assert_eq!(
            t.duration_since(UNIX_EPOCH).unwrap().as_secs(),
            1_440_938_160
        );
        assert!(parse_amz_date("2015-08-30").is_none());
    }

    #[test]
    fn parses_requests_with_continuations_and_bodies() {
        let r = RawRequest::parse("POST /a b/ HTTP/1.1\nHost:h\nX:1\n  2\n\nbody").unwrap();
        assert_eq!(r.method, "POST");
        assert_eq!(r.target, "/a b/");
        assert_eq!(r.header("x"), Some("1\n  2"));
        assert_eq!(r.body, "body");
    }
}
