//! Project tasks, run as `cargo xtask <task>`:
//! - `codegen [--check] [--model PATH --out DIR --crate-name NAME --runtime-path PATH]`
//! - `update-model --from PATH` (a botocore sdist `.tar.gz` or an unpacked botocore tree)
//! - `conformance` (every conformance vector; rewrites `conformance/SKIPPED.md`)

mod bench;
mod codegen_cmd;
mod conformance;
mod update_model;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

const USAGE: &str = "usage: cargo xtask <codegen [--check] [--model PATH --out DIR --crate-name NAME --runtime-path PATH] | update-model --from PATH | conformance | bench [--calls-only|--builds-only|--no-write]>";

fn main() {
    if let Err(e) = run() {
        eprintln!("error: {e:#}");
        std::process::exit(1);
    }
}

fn run() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = workspace_root();
    match args.first().map(String::as_str) {
        Some("codegen") => codegen_cmd::run(&root, codegen_cmd::CodegenArgs::parse(&args[1..])?),
        Some("update-model") => {
            let from = match args.get(1..) {
                Some([flag, path]) if flag == "--from" => PathBuf::from(path),
                _ => bail!("{USAGE}"),
            };
            update_model::run(&from, &root).context("update-model")
        }
        Some("conformance") => conformance::run(&root),
        Some("bench") => bench::run(&root, &args[1..]),
        _ => bail!("{USAGE}"),
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}
