//! Conformance runner: AWS's published vectors run through this project's generator and
//! runtime, the same code paths the FinSpace client uses.
//!
//! - `rest-json input`/`output`: every suite of botocore's protocol tests is generated into a
//!   client by the normal generator (see `build.rs`), each case's params become the typed input
//!   and go through the real serializer and `ClientHandle::invoke` with an in-memory HTTP client
//!   ([`protocol`]).
//! - `endpoints`: the FinSpace Data endpoint tests ([`endpoints`]).
//! - `sigv4`: the SigV4 test suite through the runtime's signing path ([`sigv4`]).
//!
//! [`run_all`] runs everything; each category prints as
//! `rest-json input: N passed, M failed, K skipped`. Skipped cases are listed with reasons in
//! [`skips`] and `SKIPPED.md`.

// The generated suites name this crate's helper traits by an absolute path.
extern crate self as conformance;

pub mod endpoints;
pub mod params;
pub mod protocol;
pub mod report;
pub mod sigv4;
pub mod skips;
mod suites;

pub use report::{Category, Outcome};

/// Runs every category, in the order the summary lines are printed.
pub fn run_all() -> Vec<Category> {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let mut c = Category::new("runner");
            c.push("tokio runtime", Outcome::Failed(e.to_string()));
            return vec![c];
        }
    };
    let input = runtime.block_on(protocol::input::run());
    let output = runtime.block_on(protocol::output::run());
    let endpoints = runtime.block_on(endpoints::run());
    vec![input, output, endpoints, sigv4::run()]
}
