//! Generates a Rust client crate from a botocore rest-json service model.
//!
//! The pipeline has four stages that hand data on: [`load`] (serde mirrors of the JSON),
//! [`resolve`] (the typed IR in [`ir`]), [`emit`] (token streams, no I/O) and [`format`](mod@format)
//! (prettyplease). [`generate`] runs them all and returns file contents by relative path;
//! writing them is the caller's job (see `xtask`).

pub mod docs;
pub mod emit;
pub mod error;
pub mod format;
pub mod inline;
pub mod ir;
pub mod load;
pub mod naming;
pub mod resolve;
mod table_layout;

use std::collections::BTreeMap;
use std::path::PathBuf;

pub use error::CodegenError;
pub use load::ModelFiles;

/// Settings for one generation run.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// Package name of the generated crate (`finspace-data`).
    pub crate_name: String,
    /// Package version of the generated crate.
    pub crate_version: String,
    /// Path of the runtime crate as written into the generated `Cargo.toml`.
    pub runtime_path: String,
    /// Emit an empty `[workspace]` table so the crate builds on its own wherever it is.
    pub standalone: bool,
    /// Human-readable service title for the crate description.
    pub title: String,
    /// The path generated code uses for its own crate root: `crate` for a crate of its own,
    /// or e.g. `crate::suites::input_07` when the output is included as a module of another
    /// crate (see [`inline::crate_as_module`]).
    pub crate_root: String,
    /// Emit `src/conformance.rs` (params conversions and a dispatcher by operation name for the
    /// conformance runner), implementing the traits of the module at this path. Off (`None`)
    /// for real clients.
    pub conformance_helpers: Option<String>,
}

impl GenerateOptions {
    /// Defaults for a crate named `crate_name` next to the runtime at `runtime_path`.
    pub fn new(crate_name: impl Into<String>, runtime_path: impl Into<String>) -> Self {
        GenerateOptions {
            crate_name: crate_name.into(),
            crate_version: "0.1.0".into(),
            runtime_path: runtime_path.into(),
            standalone: false,
            title: String::new(),
            crate_root: "crate".into(),
            conformance_helpers: None,
        }
    }
}

/// Runs the whole pipeline on loaded model files.
pub fn generate(
    files: &ModelFiles,
    opts: &GenerateOptions,
) -> Result<BTreeMap<PathBuf, String>, CodegenError> {
    let service = resolve::resolve(files)?;
    let mut opts = opts.clone();
    if opts.title.is_empty() {
        opts.title = if service.meta.service_full_name.is_empty() {
            service.meta.service_id.clone()
        } else {
            service.meta.service_full_name.clone()
        };
    }
    let emitted = emit::emit(&service, &opts)?;
    format::format(emitted)
}
