//! The FinSpace Data endpoint tests (`tests/conformance-data/endpoint-tests-1.json`): every case
//! is resolved by [`ClientHandle::resolve_endpoint`] with the model's rule set and partitions
//! (what the generated client embeds), and every case that expects an endpoint and sets a
//! region is also sent through the generated `finspace_data::Client` to check the request
//! really goes there.

use std::sync::{Arc, Mutex};

use aws_credential_types::Credentials;
use sdk_runtime::{ClientHandle, Config, ServiceMeta};

use crate::report::{Category, Outcome};
use crate::skips;

const CASES: &str = include_str!("../../tests/conformance-data/endpoint-tests-1.json");

static FINSPACE: ServiceMeta = ServiceMeta {
    service_id: "finspace data",
    signing_name: "finspace-api",
    api_version: "2020-07-13",
    sdk_name: "conformance",
    sdk_version: "0",
    endpoint_rule_set: include_str!(
        "../../model/finspace-data/2020-07-13/endpoint-rule-set-1.json"
    ),
    partitions: include_str!("../../model/partitions.json"),
};

/// The settings one case gives.
#[derive(Debug, Default)]
struct Params {
    region: Option<String>,
    use_fips: bool,
    use_dual_stack: bool,
    endpoint: Option<String>,
}

impl Params {
    fn from_json(p: Option<&serde_json::Value>) -> Result<Self, String> {
        let mut out = Params::default();
        let Some(p) = p else { return Ok(out) };
        let obj = p.as_object().ok_or("`params` is not an object")?;
        for (key, value) in obj {
            match key.as_str() {
                "Region" => out.region = Some(str_param(key, value)?),
                "Endpoint" => out.endpoint = Some(str_param(key, value)?),
                "UseFIPS" => out.use_fips = bool_param(key, value)?,
                "UseDualStack" => out.use_dual_stack = bool_param(key, value)?,
                other => return Err(format!("unknown endpoint parameter `{other}`")),
            }
        }
        Ok(out)
    }

    fn config(&self) -> sdk_runtime::ConfigBuilder {
        Config::builder()
            .set_region(self.region.clone())
            .use_fips(self.use_fips)
            .use_dual_stack(self.use_dual_stack)
            .set_endpoint_url(self.endpoint.clone())
            .credentials_provider(Credentials::from_keys("AKID", "SECRET", None))
    }
}

fn str_param(key: &str, v: &serde_json::Value) -> Result<String, String> {
    v.as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("`{key}` is not a string"))
}

fn bool_param(key: &str, v: &serde_json::Value) -> Result<bool, String> {
    v.as_bool()
        .ok_or_else(|| format!("`{key}` is not a boolean"))
}

/// Runs every endpoint case.
pub async fn run() -> Category {
    let mut category = Category::new("endpoints");
    let doc: serde_json::Value = match serde_json::from_str(CASES) {
        Ok(doc) => doc,
        Err(e) => {
            category.push("endpoint-tests-1.json", Outcome::Failed(e.to_string()));
            return category;
        }
    };
    let cases = doc["testCases"].as_array().cloned().unwrap_or_default();
    for case in &cases {
        let id = case["documentation"].as_str().unwrap_or("(undocumented)");
        let outcome = match skips::reason(skips::ENDPOINTS, id) {
            Some(reason) => Outcome::Skipped(reason.to_owned()),
            None => match run_case(case).await {
                Ok(()) => Outcome::Passed,
                Err(why) => Outcome::Failed(why),
            },
        };
        category.push(id, outcome);
    }
    category
}

async fn run_case(case: &serde_json::Value) -> Result<(), String> {
    let params = Params::from_json(case.get("params"))?;
    let handle = ClientHandle::new(params.config().build(), &FINSPACE);
    let resolved = handle.resolve_endpoint();
    let expect = &case["expect"];
    if let Some(endpoint) = expect.get("endpoint") {
        let want = endpoint["url"]
            .as_str()
            .ok_or("expected url is not a string")?;
        let got = resolved.map_err(|e| format!("expected {want}, got error: {e}"))?;
        if got.url() != want {
            return Err(format!("expected {want}, resolved {}", got.url()));
        }
        let want_headers = endpoint
            .get("headers")
            .and_then(|h| h.as_object())
            .map_or(0, |h| h.len());
        if got.headers().len() != want_headers {
            return Err(format!(
                "expected {want_headers} endpoint headers, got {}",
                got.headers().len()
            ));
        }
        if params.region.is_some() {
            check_sent_to(&params, want).await?;
        }
        Ok(())
    } else if let Some(want) = expect.get("error").and_then(|e| e.as_str()) {
        match resolved {
            Ok(got) => Err(format!("expected error `{want}`, resolved {}", got.url())),
            Err(e) if e.to_string().contains(want) => Ok(()),
            Err(e) => Err(format!("expected error `{want}`, got `{e}`")),
        }
    } else {
        Err("the case expects neither an endpoint nor an error".into())
    }
}

/// Sends `ListDatasets` through the generated FinSpace client and checks the request URL.
async fn check_sent_to(params: &Params, want: &str) -> Result<(), String> {
    let seen: Arc<Mutex<Option<String>>> = Arc::default();
    let record = seen.clone();
    let http = sdk_runtime::FnHttpClient::new(move |request: sdk_runtime::HttpRequest| {
        if let Ok(mut slot) = record.lock() {
            *slot = Some(request.uri().to_string());
        }
        async {
            http::Response::builder()
                .status(200)
                .body(bytes::Bytes::from_static(b"{}"))
                .map_err(sdk_runtime::ConnectorError::other)
        }
    });
    let config = params.config().http_client(http).build();
    let client = finspace_data::Client::from_conf(config);
    #[allow(deprecated)]
    let sent = client.list_datasets().send().await;
    sent.map_err(|e| format!("sending ListDatasets failed: {e}"))?;
    let uri = seen
        .lock()
        .map_err(|_| "request recorder poisoned".to_owned())?
        .clone()
        .ok_or("no request was sent")?;
    let expected_prefix = format!("{}/", want.trim_end_matches('/'));
    if uri.starts_with(&expected_prefix) {
        Ok(())
    } else {
        Err(format!("the client sent ListDatasets to {uri}, not {want}"))
    }
}
