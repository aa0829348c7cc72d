//! Shared helpers for the integration tests in `tests/tests/`: where the fixture models are,
//! how a fixture is run through the generator, a recording loopback HTTP server
//! ([`loopback`]), clients of the generated SDK pointed at it ([`harness`]) and a call of every
//! operation from a botocore params dict ([`operations`]).

pub mod harness;
pub mod loopback;
pub mod operations;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The fixture models in `tests/fixtures/`, by file stem.
pub const FIXTURES: &[&str] = &["media", "naming", "vault", "widgets"];

/// `tests/fixtures/`.
pub fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The workspace root (the directory holding `model/`, `generated-sdk/`, ...).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// Parses a botocore service model from JSON text.
pub fn parse_model(json: &str) -> codegen::ModelFiles {
    let service: codegen::load::ServiceModel = serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("fixture is not a service model: {e}"));
    codegen::ModelFiles::from_service(service)
}

/// Generation options used for fixtures: the crate is named after the fixture and points at the
/// runtime by a relative path, so nothing machine-specific reaches a snapshot.
pub fn fixture_options(fixture: &str) -> codegen::GenerateOptions {
    codegen::GenerateOptions::new(format!("{fixture}-sdk"), "../../runtime")
}

/// Runs the generator on `tests/fixtures/<fixture>.json`; panics with the generator's message on
/// failure.
pub fn generate_fixture(fixture: &str) -> BTreeMap<PathBuf, String> {
    let path = fixture_dir().join(format!("{fixture}.json"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    let files = parse_model(&text);
    codegen::generate(&files, &fixture_options(fixture))
        .unwrap_or_else(|e| panic!("generating {fixture}: {e}"))
}

/// `model/finspace-data/2020-07-13/service-2.json`.
pub fn finspace_model_path() -> PathBuf {
    workspace_root().join("model/finspace-data/2020-07-13/service-2.json")
}

/// The FinSpace Data model as plain JSON, for tests that compute expectations from it.
pub fn finspace_model_json() -> serde_json::Value {
    let path = finspace_model_path();
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("parse {}: {e}", path.display()))
}

/// The README's Rust examples, compiled as doctests so the usage section stays true.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;
