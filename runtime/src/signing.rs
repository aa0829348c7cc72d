//! SigV4 signing of one attempt with `aws-sigv4`. Signs the headers botocore signs (host,
//! content-type, `x-amz-*` and modelled headers) and leaves out headers that proxies or the
//! retry loop change (user agents, `amz-sdk-*`, content-length, hop-by-hop headers).

use crate::error::ConstructionError;
use crate::HttpRequest;
use aws_credential_types::Credentials;
use aws_sigv4::http_request::{sign, SignableBody, SignableRequest, SigningSettings};
use aws_sigv4::sign::v4;
use aws_smithy_runtime_api::client::identity::Identity;
use http::header::{HeaderValue, AUTHORIZATION};
use std::time::SystemTime;

/// Headers that are sent but never signed (lower case).
const UNSIGNED_HEADERS: &[&str] = &[
    "authorization",
    "user-agent",
    "x-amz-user-agent",
    "amz-sdk-invocation-id",
    "amz-sdk-request",
    "content-length",
    "x-amzn-trace-id",
    "expect",
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
];

const SECURITY_TOKEN: &str = "x-amz-security-token";

/// Signs `request` exactly as every attempt of an operation is signed (same header selection,
/// same `aws-sigv4` settings), for conformance suites and custom transports that need to check
/// or reproduce a signature: adds `x-amz-date`, `x-amz-security-token` (when the credentials
/// carry a session token) and `authorization`. The request must have an absolute URI.
pub fn sign_standalone(
    request: &mut HttpRequest,
    credentials: &Credentials,
    region: &str,
    signing_name: &str,
    time: SystemTime,
) -> Result<(), ConstructionError> {
    sign_request(request, credentials, region, signing_name, time)
}

/// Signs `request` in place: adds `x-amz-date`, `x-amz-security-token` (when the credentials
/// have a session token) and `authorization`. The request must have an absolute URI.
pub(crate) fn sign_request(
    request: &mut HttpRequest,
    credentials: &Credentials,
    region: &str,
    signing_name: &str,
    time: SystemTime,
) -> Result<(), ConstructionError> {
    for stale in [AUTHORIZATION.as_str(), "x-amz-date", SECURITY_TOKEN] {
        request.headers_mut().remove(stale);
    }
    if request.uri().host().is_none() {
        return Err(ConstructionError::signing(
            "the request URI has no host to sign",
        ));
    }
    let headers = request
        .headers()
        .iter()
        .filter(|(name, _)| !UNSIGNED_HEADERS.contains(&name.as_str()))
        .map(|(name, value)| {
            std::str::from_utf8(value.as_bytes())
                .map(|v| (name.as_str(), v))
                .map_err(|_| {
                    ConstructionError::signing(format!(
                        "header `{name}` is not UTF-8 and cannot be signed"
                    ))
                })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let uri = request.uri().to_string();
    let signable = SignableRequest::new(
        request.method().as_str(),
        uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )
    .map_err(ConstructionError::signing)?;
    let identity = Identity::from(credentials.clone());
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(signing_name)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .map_err(ConstructionError::signing)?
        .into();
    let (instructions, _signature) = sign(signable, &params)
        .map_err(ConstructionError::signing)?
        .into_parts();
    let (new_headers, _query) = instructions.into_parts();
    let mut signed = Vec::with_capacity(new_headers.len());
    for header in &new_headers {
        let mut value = HeaderValue::from_str(header.value()).map_err(|_| {
            ConstructionError::signing(format!(
                "the `{}` value produced by signing is not a valid header",
                header.name()
            ))
        })?;
        value.set_sensitive(header.sensitive() || header.name() != "x-amz-date");
        signed.push((header.name(), value));
    }
    for (name, value) in signed {
        request.headers_mut().insert(name, value);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;
    use std::time::{Duration, UNIX_EPOCH};

    const SUITE_TIME: u64 = 1_440_938_160; // 2015-08-30T12:36:00Z
    const SUITE_SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    fn at(secs: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(secs)
    }

    fn creds(id: &str, secret: &str, token: Option<&str>) -> Credentials {
        Credentials::new(id, secret, token.map(str::to_owned), None, "test")
    }

    fn request(method: &str, uri: &str, headers: &[(&str, &str)], body: &[u8]) -> HttpRequest {
        let mut builder = http::Request::builder().method(method).uri(uri);
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(Bytes::copy_from_slice(body)).unwrap()
    }

    fn authorization(request: &HttpRequest) -> &str {
        request.headers()["authorization"].to_str().unwrap()
    }

    /// aws4_testsuite/get-vanilla
    #[test]
    fn sigv4_suite_get_vanilla() {
        let mut req = request(
            "GET",
            "https://example.amazonaws.com/",
            &[("host", "example.amazonaws.com")],
            b"",
        );
        sign_request(
            &mut req,
            &creds("AKIDEXAMPLE", SUITE_SECRET, None),
            "us-east-1",
            "service",
            at(SUITE_TIME),
        )
        .unwrap();
        assert_eq!(
            authorization(&req),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
             SignedHeaders=host;x-amz-date, \
             Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
        );
        assert_eq!(req.headers()["x-amz-date"], "20150830T123600Z");
        assert!(req.headers().get(SECURITY_TOKEN).is_none());
    }

    /// aws4_testsuite/post-x-www-form-urlencoded
    #[test]
    fn sigv4_suite_post_form() {
        let mut req = request(
            "POST",
            "https://example.amazonaws.com/",
            &[
                ("host", "example.amazonaws.com"),
                ("content-type", "application/x-www-form-urlencoded"),
            ],
            b"Param1=value1",
        );
        sign_request(
            &mut req,
            &creds("AKIDEXAMPLE", SUITE_SECRET, None),
            "us-east-1",
            "service",
            at(SUITE_TIME),
        )
        .unwrap();
        assert_eq!(
            authorization(&req),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
             SignedHeaders=content-type;host;x-amz-date, \
             Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"
        );
    }

    /// aws4_testsuite/get-vanilla-with-session-token
    #[test]
    fn sigv4_suite_session_token() {
        let token = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";
        let mut req = request(
            "GET",
            "https://example.amazonaws.com/",
            &[("host", "example.amazonaws.com")],
            b"",
        );
        sign_request(
            &mut req,
            &creds("AKIDEXAMPLE", SUITE_SECRET, Some(token)),
            "us-east-1",
            "service",
            at(SUITE_TIME),
        )
        .unwrap();
        assert_eq!(
            authorization(&req),
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
             SignedHeaders=host;x-amz-date;x-amz-security-token, \
             Signature=07ec1639c89043aa0e3e2de82b96708f198cceab042d4a97044c66dd9f74e7f8"
        );
        assert_eq!(req.headers()[SECURITY_TOKEN], token);
        assert!(req.headers()[SECURITY_TOKEN].is_sensitive());
        assert!(req.headers()["authorization"].is_sensitive());
    }

    /// Matches botocore 1.43.11 `SigV4Auth` for the same FinSpace-shaped request (signature
    /// computed with `botocore.auth.SigV4Auth(Credentials('AKID', 'SECRET', 'TOKEN'),
    /// 'finspace-api', 'us-east-1')` at 2026-01-02T03:04:05Z); the SDK headers are not signed.
    #[test]
    fn matches_botocore_for_a_finspace_request() {
        let mut req = request(
            "POST",
            "https://finspace-api.us-east-1.amazonaws.com/datasets/ds%201/changesetsv2?clientToken=a%20b",
            &[
                ("host", "finspace-api.us-east-1.amazonaws.com"),
                ("content-type", "application/json"),
                ("content-length", "24"),
                ("user-agent", "ua"),
                ("x-amz-user-agent", "ua"),
                ("amz-sdk-invocation-id", "00000000-0000-4000-8000-000000000000"),
                ("amz-sdk-request", "attempt=1; max=3"),
            ],
            b"{\"changeType\":\"REPLACE\"}",
        );
        sign_request(
            &mut req,
            &creds("AKID", "SECRET", Some("TOKEN")),
            "us-east-1",
            "finspace-api",
            at(1_767_323_045),
        )
        .unwrap();
        assert_eq!(
            authorization(&req),
            "AWS4-HMAC-SHA256 Credential=AKID/20260102/us-east-1/finspace-api/aws4_request, \
             SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, \
             Signature=41d3b82084c712e37e33fcb754221b9c185cc3bca9d462dc10daf7f5f8891f78"
        );
    }

    #[test]
    fn resigning_replaces_the_old_signature() {
        let mut req = request(
            "GET",
            "https://example.amazonaws.com/",
            &[("host", "example.amazonaws.com")],
            b"",
        );
        let c = creds("AKIDEXAMPLE", SUITE_SECRET, None);
        sign_request(&mut req, &c, "us-east-1", "service", at(SUITE_TIME + 60)).unwrap();
        sign_request(&mut req, &c, "us-east-1", "service", at(SUITE_TIME)).unwrap();
        assert_eq!(req.headers().get_all("authorization").iter().count(), 1);
        assert!(authorization(&req)
            .ends_with("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"));
    }

    #[test]
    fn relative_uri_is_an_error_not_a_panic() {
        let mut req = request("GET", "/only/a/path", &[], b"");
        let err = sign_request(
            &mut req,
            &creds("a", "b", None),
            "us-east-1",
            "svc",
            at(SUITE_TIME),
        )
        .unwrap_err();
        assert!(err.to_string().contains("no host"));
    }
}
