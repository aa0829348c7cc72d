//! `cargo xtask codegen`: runs the generator and writes the crate, touching only files whose
//! content changed and removing stale generated files; `--check` writes nothing and fails
//! listing the files that differ.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use codegen::{GenerateOptions, ModelFiles};

/// Parsed arguments of `codegen`.
pub struct CodegenArgs {
    pub check: bool,
    pub model: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub crate_name: Option<String>,
    pub runtime_path: Option<PathBuf>,
}

impl CodegenArgs {
    pub fn parse(args: &[String]) -> Result<Self> {
        let mut parsed = CodegenArgs {
            check: false,
            model: None,
            out: None,
            crate_name: None,
            runtime_path: None,
        };
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            let mut value = |name: &str| -> Result<String> {
                it.next()
                    .cloned()
                    .with_context(|| format!("{name} needs a value"))
            };
            match arg.as_str() {
                "--check" => parsed.check = true,
                "--model" => parsed.model = Some(value("--model")?.into()),
                "--out" => parsed.out = Some(value("--out")?.into()),
                "--crate-name" => parsed.crate_name = Some(value("--crate-name")?),
                "--runtime-path" => parsed.runtime_path = Some(value("--runtime-path")?.into()),
                other => bail!("unknown codegen argument `{other}`"),
            }
        }
        Ok(parsed)
    }
}

/// Generates the crate described by `args`; `root` is the workspace root.
pub fn run(root: &Path, args: CodegenArgs) -> Result<()> {
    let default_model = root.join("model/finspace-data/2020-07-13/service-2.json");
    let model = args.model.clone().unwrap_or(default_model);
    let default_out = root.join("generated-sdk");
    let out = args.out.clone().unwrap_or_else(|| default_out.clone());
    let is_default_out = out == default_out;
    let runtime = match &args.runtime_path {
        Some(p) => p.clone(),
        None if is_default_out => PathBuf::from("../runtime"),
        None => std::path::absolute(root.join("runtime"))?,
    };
    let crate_name = args
        .crate_name
        .clone()
        .unwrap_or_else(|| "finspace-data".into());

    let started = Instant::now();
    let files = ModelFiles::load(&model).map_err(anyhow::Error::msg)?;
    let mut opts = GenerateOptions::new(crate_name, runtime.to_string_lossy().replace('\\', "/"));
    opts.standalone = !is_default_out;
    let generated = codegen::generate(&files, &opts)
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| format!("generating from {}", model.display()))?;
    let elapsed = started.elapsed();

    let plan = plan(&out, &generated)?;
    if args.check {
        if plan.is_clean() {
            println!(
                "codegen --check: {} is up to date ({} files, generated in {:.0?})",
                out.display(),
                generated.len(),
                elapsed
            );
            return Ok(());
        }
        for p in &plan.changed {
            eprintln!("  differs: {}", p.display());
        }
        for p in &plan.stale {
            eprintln!("  stale:   {}", p.display());
        }
        bail!(
            "{} is out of date ({} differing, {} stale); run `cargo xtask codegen` and commit the result",
            out.display(),
            plan.changed.len(),
            plan.stale.len()
        );
    }
    for rel in &plan.changed {
        let path = out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&path, &generated[rel])
            .with_context(|| format!("writing {}", path.display()))?;
    }
    for rel in &plan.stale {
        let path = out.join(rel);
        std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
    }
    remove_empty_dirs(&out.join("src"));
    println!(
        "codegen: {} files in {} ({} written, {} removed); generation took {:.1?}",
        generated.len(),
        out.display(),
        plan.changed.len(),
        plan.stale.len(),
        elapsed
    );
    Ok(())
}

struct Plan {
    changed: Vec<PathBuf>,
    stale: Vec<PathBuf>,
}

impl Plan {
    fn is_clean(&self) -> bool {
        self.changed.is_empty() && self.stale.is_empty()
    }
}

/// Compares generated contents with what is on disk. A file is stale when it sits under the
/// crate's `src/` or is a top-level generated file, carries the generated header and is no
/// longer produced; hand-placed files without the header are left alone.
fn plan(out: &Path, generated: &BTreeMap<PathBuf, String>) -> Result<Plan> {
    let mut changed = Vec::new();
    for (rel, content) in generated {
        let existing = std::fs::read_to_string(out.join(rel)).ok();
        if existing.as_deref() != Some(content.as_str()) {
            changed.push(rel.clone());
        }
    }
    let mut stale = Vec::new();
    let mut on_disk = Vec::new();
    list_files(out, Path::new(""), &mut on_disk)?;
    for rel in on_disk {
        if generated.contains_key(&rel) {
            continue;
        }
        let text = std::fs::read_to_string(out.join(&rel)).unwrap_or_default();
        if text.starts_with(codegen::format::HEADER)
            || text.starts_with("# Generated by `cargo xtask codegen`")
        {
            stale.push(rel);
        }
    }
    Ok(Plan { changed, stale })
}

fn list_files(base: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let dir = base.join(rel);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(());
    };
    let mut entries: Vec<_> = entries.collect::<std::io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = e.file_name();
        if name == "target" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        let child = rel.join(&name);
        if e.file_type()?.is_dir() {
            list_files(base, &child, out)?;
        } else {
            out.push(child);
        }
    }
    Ok(())
}

fn remove_empty_dirs(dir: &Path) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                remove_empty_dirs(&e.path());
                let _ = std::fs::remove_dir(e.path());
            }
        }
    }
}
