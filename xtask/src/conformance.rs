//! `cargo xtask conformance`: rewrites `conformance/SKIPPED.md` from the skip list and runs every
//! conformance vector (the `conformance` binary), printing one line per category
//! (`rest-json input: N passed, M failed, K skipped`) and any failures.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context, Result};

/// Runs the conformance binary from the workspace at `root`.
pub fn run(root: &Path) -> Result<()> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .args([
            "run",
            "--quiet",
            "--package",
            "conformance",
            "--bin",
            "conformance",
            "--",
            "--write-skipped",
        ])
        .status()
        .context("running the conformance binary")?;
    if !status.success() {
        bail!("conformance vectors failed (see above)");
    }
    Ok(())
}
