//! Shared pieces of the side-by-side benchmarks of `finspace-data` (ours) and
//! `aws-sdk-finspacedata` (theirs): the canned JSON bodies, one in-process router that both
//! SDKs' transports answer from, and for each SDK a client constructor and the four benchmarked
//! calls. Both clients use the same region, credentials and (rule-resolved) endpoint, no
//! retries, and transports that never touch a socket.
//!
//! Every call returns a [`Summary`] of what it read, so the tests can check that both SDKs
//! really sent the request and parsed the same response.
#![allow(deprecated)] // every FinSpace Data operation is deprecated in the model

pub mod fixtures;
pub mod ours;
pub mod theirs;

/// The region both clients use (the endpoint comes from each SDK's endpoint rules).
pub const REGION: &str = "us-east-1";
/// The access key id both clients sign with.
pub const ACCESS_KEY_ID: &str = "AKIDEXAMPLE";
/// The secret access key both clients sign with.
pub const SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

/// Datasets in the `list_datasets` response.
pub const DATASETS: usize = 100;
/// Columns in each dataset's schema.
pub const COLUMNS: usize = 20;
/// Pages served to the paginators.
pub const PAGES: usize = 50;
/// Users on each page.
pub const PER_PAGE: usize = 100;

/// The static credentials both SDKs sign with.
pub fn credentials() -> aws_credential_types::Credentials {
    aws_credential_types::Credentials::new(ACCESS_KEY_ID, SECRET_ACCESS_KEY, None, None, "bench")
}

/// What one benchmarked call read from its response: enough to compare the two SDKs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Items (users, datasets) or 1 for single-object responses.
    pub items: usize,
    /// Columns summed over all datasets (`list_datasets` only).
    pub columns: usize,
    /// An identifier from the response: the user id, changeset id, or the last item's id.
    pub last_id: String,
}
