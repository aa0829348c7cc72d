//! The canned responses and the router both SDKs' in-process transports answer from.
//!
//! Bodies are built once ([`Fixtures::new`]) and handed out as cheap `Bytes` clones, so the
//! transport costs the same few hundred nanoseconds for either SDK. The router checks the two
//! things a benchmark must not skip: every request is SigV4-signed with the shared access key,
//! and `CreateChangeset` carries an auto-filled `clientToken`. A request failing either check
//! gets a modelled `ValidationException`, so the call errors and the benchmark panics.

use crate::{ACCESS_KEY_ID, COLUMNS, DATASETS, PAGES, PER_PAGE};
use bytes::Bytes;
use serde_json::{json, Value};

/// One user as the service returns it (also the `GetUser` response's shape).
fn user(id: usize) -> Value {
    json!({
        "userId": format!("user-{id:08}"),
        "status": "ENABLED",
        "firstName": "First",
        "lastName": "Last",
        "emailAddress": format!("user{id}@example.com"),
        "type": "APP_USER",
        "apiAccess": "ENABLED",
        "apiAccessPrincipalArn": "arn:aws:iam::123456789012:role/finspace-api",
        "createTime": 1_700_000_000_000_i64 + id as i64,
        "lastEnabledTime": 1_700_000_100_000_i64,
        "lastModifiedTime": 1_700_000_200_000_i64,
        "lastLoginTime": 1_700_000_300_000_i64,
    })
}

/// One dataset with a tabular schema of [`COLUMNS`] columns.
fn dataset(id: usize) -> Value {
    const TYPES: [&str; 6] = ["STRING", "INTEGER", "DOUBLE", "DATE", "BOOLEAN", "BIGINT"];
    let columns: Vec<Value> = (0..COLUMNS)
        .map(|c| {
            json!({
                "dataType": TYPES[c % TYPES.len()],
                "columnName": format!("column_{c:02}"),
                "columnDescription": format!("Column {c} of dataset {id}"),
            })
        })
        .collect();
    json!({
        "datasetId": format!("ds-{id:06}"),
        "datasetArn": format!("arn:aws:finspace:us-east-1:123456789012:dataset/ds-{id:06}"),
        "datasetTitle": format!("Dataset number {id}"),
        "kind": "TABULAR",
        "datasetDescription": "Daily end-of-day prices for listed equities",
        "ownerInfo": { "name": "Data Team", "phoneNumber": "+1-555-0100", "email": "data@example.com" },
        "createTime": 1_700_000_000_000_i64 + id as i64,
        "lastModifiedTime": 1_700_000_500_000_i64,
        "schemaDefinition": {
            "tabularSchemaConfig": {
                "columns": columns,
                "primaryKeyColumns": ["column_00", "column_01"],
            }
        },
        "alias": format!("equity-prices-{id}"),
    })
}

/// The `nextToken` of page `n` (pages are numbered from 0; page 0 is asked for without one).
pub fn page_token(n: usize) -> String {
    format!("p{n}")
}

/// The page a `ListUsers` query asks for: the number after `nextToken=p`, 0 without one.
pub fn page_number(query: Option<&str>) -> usize {
    query
        .unwrap_or("")
        .split('&')
        .find_map(|pair| pair.strip_prefix("nextToken=p"))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// All canned bodies, serialized once.
#[derive(Debug)]
pub struct Fixtures {
    /// `GetUser` response.
    pub user: Bytes,
    /// `CreateChangeset` response.
    pub changeset: Bytes,
    /// `ListDatasets` response: [`DATASETS`] datasets of [`COLUMNS`] columns, no `nextToken`.
    pub datasets: Bytes,
    /// `ListUsers` pages: [`PAGES`] pages of [`PER_PAGE`] users, each but the last with a token.
    pub user_pages: Vec<Bytes>,
    /// The error body for requests that fail the router's checks.
    pub rejected: Bytes,
}

impl Default for Fixtures {
    fn default() -> Self {
        Self::new()
    }
}

impl Fixtures {
    /// Builds every body.
    pub fn new() -> Self {
        let bytes = |v: Value| Bytes::from(v.to_string());
        let user_pages = (0..PAGES)
            .map(|n| {
                let users: Vec<Value> = (0..PER_PAGE).map(|i| user(n * PER_PAGE + i)).collect();
                let mut page = json!({ "users": users });
                if n + 1 < PAGES {
                    page["nextToken"] = page_token(n + 1).into();
                }
                bytes(page)
            })
            .collect();
        Self {
            user: bytes(user(42)),
            changeset: bytes(json!({ "datasetId": "ds-1", "changesetId": "cs-0001" })),
            datasets: bytes(json!({
                "datasets": (0..DATASETS).map(dataset).collect::<Vec<_>>(),
            })),
            user_pages,
            rejected: bytes(json!({ "message": "request not signed or missing clientToken" })),
        }
    }

    /// The status and body for a request. `authorization` is the request's `Authorization`
    /// header; `body` its body.
    pub fn respond(
        &self,
        method: &str,
        path: &str,
        query: Option<&str>,
        authorization: Option<&[u8]>,
        body: &[u8],
    ) -> (u16, Bytes) {
        let signed = authorization.is_some_and(|a| {
            a.starts_with(b"AWS4-HMAC-SHA256 Credential=")
                && a[28..].starts_with(ACCESS_KEY_ID.as_bytes())
        });
        if !signed {
            return (400, self.rejected.clone());
        }
        match (method, path) {
            ("GET", "/user") => {
                let page = page_number(query).min(PAGES - 1);
                (200, self.user_pages[page].clone())
            }
            ("GET", p) if p.starts_with("/user/") => (200, self.user.clone()),
            ("GET", "/datasetsv2") => (200, self.datasets.clone()),
            ("POST", p) if p.starts_with("/datasets/") && p.ends_with("/changesetsv2") => {
                let has_token = body.windows(13).any(|w| w == b"\"clientToken\"");
                if has_token {
                    (200, self.changeset.clone())
                } else {
                    (400, self.rejected.clone())
                }
            }
            _ => (404, self.rejected.clone()),
        }
    }
}

/// The response headers both transports send with every body.
pub const RESPONSE_HEADERS: [(&str, &str); 2] = [
    ("content-type", "application/json"),
    ("x-amzn-requestid", "11111111-2222-3333-4444-555555555555"),
];

/// The `x-amzn-errortype` header value for a failed status, `None` for success.
pub fn error_type(status: u16) -> Option<&'static str> {
    match status {
        200 => None,
        404 => Some("ResourceNotFoundException"),
        _ => Some("ValidationException"),
    }
}
