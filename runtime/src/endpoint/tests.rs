//! Endpoint resolution tests: every case of botocore's FinSpace Data endpoint tests, plus the
//! rules-language semantics the FinSpace rule set does not exercise.

use super::*;

const FINSPACE_RULES: &str =
    include_str!("../../../model/finspace-data/2020-07-13/endpoint-rule-set-1.json");
const PARTITIONS: &str = include_str!("../../../model/partitions.json");
const FINSPACE_CASES: &str = include_str!("../../testdata/finspace-data-endpoint-tests-1.json");

#[test]
fn finspace_endpoint_test_suite() {
    let resolver = EndpointResolver::new(FINSPACE_RULES, PARTITIONS).unwrap();
    let cases: serde_json::Value = serde_json::from_str(FINSPACE_CASES).unwrap();
    let cases = cases["testCases"].as_array().unwrap();
    assert_eq!(cases.len(), 25);
    for case in cases {
        let doc = case["documentation"].as_str().unwrap();
        let mut params = EndpointParams::new();
        if let Some(p) = case.get("params") {
            if let Some(region) = p.get("Region").and_then(|v| v.as_str()) {
                params = params.region(region);
            }
            if let Some(fips) = p.get("UseFIPS").and_then(|v| v.as_bool()) {
                params = params.use_fips(fips);
            }
            if let Some(ds) = p.get("UseDualStack").and_then(|v| v.as_bool()) {
                params = params.use_dual_stack(ds);
            }
            if let Some(ep) = p.get("Endpoint").and_then(|v| v.as_str()) {
                params = params.endpoint(ep);
            }
        }
        let result = resolver.resolve(&params);
        let expect = &case["expect"];
        if let Some(endpoint) = expect.get("endpoint") {
            let resolved = result.unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(resolved.url(), endpoint["url"].as_str().unwrap(), "{doc}");
            let expected_headers = endpoint
                .get("headers")
                .and_then(|h| h.as_object())
                .map_or(0, |h| h.len());
            assert_eq!(resolved.headers().len(), expected_headers, "{doc}");
        } else {
            let message = expect["error"].as_str().unwrap();
            assert_eq!(result.unwrap_err().message(), message, "{doc}");
        }
    }
}

fn resolver(rules: serde_json::Value) -> EndpointResolver {
    EndpointResolver::new(&rules.to_string(), PARTITIONS).unwrap()
}

#[test]
fn assignments_are_scoped_to_their_rule() {
    let r = resolver(serde_json::json!({
        "version": "1.0",
        "parameters": {"Region": {"type": "String", "builtIn": "AWS::Region"}},
        "rules": [
            {"type": "tree", "conditions": [
                {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"},
                {"fn": "booleanEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "P"}, "supportsFIPS"]}, false]}
             ], "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://no-fips"}}]},
            {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "P"}]}],
             "endpoint": {"url": "https://leaked"}},
            {"type": "endpoint", "conditions": [
                {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}
             ], "endpoint": {
                "url": "https://svc.{Region}.{P#dnsSuffix}",
                "headers": {"x-extra": ["a", "{P#name}"]},
                "properties": {"authSchemes": [{"name": "sigv4", "signingRegion": "{Region}", "disableDoubleEncoding": true}]}
            }}
        ]
    }));
    let endpoint = r
        .resolve(&EndpointParams::new().region("cn-north-1"))
        .unwrap();
    assert_eq!(endpoint.url(), "https://svc.cn-north-1.amazonaws.com.cn");
    assert_eq!(
        endpoint.headers(),
        &[(
            "x-extra".to_owned(),
            vec!["a".to_owned(), "aws-cn".to_owned()]
        )]
    );
    let schemes = endpoint.property("authSchemes").unwrap().to_json();
    assert_eq!(
        schemes,
        serde_json::json!([{"name": "sigv4", "signingRegion": "cn-north-1", "disableDoubleEncoding": true}])
    );
}

#[test]
fn exhausted_tree_is_an_error_and_no_match_is_an_error() {
    let r = resolver(serde_json::json!({
        "parameters": {"Flag": {"type": "Boolean", "required": true, "default": false}},
        "rules": [
            {"type": "tree", "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "Flag"}, true]}],
             "rules": [{"type": "endpoint", "conditions": [{"fn": "not", "argv": [{"ref": "Flag"}]}],
                        "endpoint": {"url": "https://never"}}]}
        ]
    }));
    assert!(r
        .resolve(&EndpointParams::new().set("Flag", true))
        .unwrap_err()
        .message()
        .contains("tree"));
    assert!(r
        .resolve(&EndpointParams::new())
        .unwrap_err()
        .message()
        .contains("no endpoint rule matched"));
    assert!(r
        .resolve(&EndpointParams::new().set("Flag", "yes"))
        .unwrap_err()
        .message()
        .contains("wrong type"));
}

#[test]
fn required_parameters_and_templates_in_errors() {
    let r = resolver(serde_json::json!({
        "parameters": {"Bucket": {"type": "String", "required": true}},
        "rules": [{"type": "error", "conditions": [], "error": "bad bucket {Bucket}"}]
    }));
    assert!(r
        .resolve(&EndpointParams::new())
        .unwrap_err()
        .message()
        .contains("`Bucket` is required"));
    assert_eq!(
        r.resolve(&EndpointParams::new().set("Bucket", "b"))
            .unwrap_err()
            .message(),
        "bad bucket b"
    );
}

#[test]
fn url_parsing_rules() {
    let r = resolver(serde_json::json!({
        "parameters": {"Endpoint": {"type": "String", "builtIn": "SDK::Endpoint"}},
        "rules": [
            {"type": "endpoint", "conditions": [
                {"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "U"},
                {"fn": "booleanEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "U"}, "isIp"]}, false]}
            ], "endpoint": {"url": "{U#scheme}://bucket.{U#authority}{U#normalizedPath}"}},
            {"type": "error", "conditions": [], "error": "unusable"}
        ]
    }));
    assert_eq!(
        r.resolve(&EndpointParams::new().endpoint("https://example.com:8443/base"))
            .unwrap()
            .url(),
        "https://bucket.example.com:8443/base/"
    );
    assert_eq!(
        r.resolve(&EndpointParams::new().endpoint("http://10.0.0.1"))
            .unwrap_err()
            .message(),
        "unusable"
    );
}

#[test]
fn invalid_documents_are_errors_not_panics() {
    assert!(EndpointResolver::new("{", PARTITIONS).is_err());
    assert!(EndpointResolver::new(FINSPACE_RULES, "[]").is_err());
    let r = resolver(serde_json::json!({
        "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": "{Nope}"}}]
    }));
    assert!(r.resolve(&EndpointParams::new()).is_err());
    let r = resolver(serde_json::json!({
        "rules": [{"type": "endpoint", "conditions": [{"fn": "mystery", "argv": []}], "endpoint": {"url": "x"}}]
    }));
    assert!(r
        .resolve(&EndpointParams::new())
        .unwrap_err()
        .message()
        .contains("mystery"));
    let r = resolver(serde_json::json!({
        "rules": [{"type": "endpoint", "conditions": [], "endpoint": {"url": true}}]
    }));
    assert!(r.resolve(&EndpointParams::new()).is_err());
}

#[test]
fn debug_is_short() {
    let r = EndpointResolver::new(FINSPACE_RULES, PARTITIONS).unwrap();
    let shown = format!("{r:?}");
    assert!(shown.len() < 100, "{shown}");
}
