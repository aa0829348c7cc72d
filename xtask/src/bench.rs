//! `cargo xtask bench [--calls-only | --builds-only] [--no-write]`: measures `finspace-data`
//! (ours) against `aws-sdk-finspacedata` (theirs) and prints one table.
//!
//! - Per-call cost: runs the criterion benches of the `bench` crate (`cargo bench -p bench`)
//!   and reads each estimate from `<target>/criterion/<case>/<sdk>/new/estimates.json`.
//! - Build cost: generates tiny binaries into a temporary directory (ours with default
//!   features, ours with the lightest set `default-features = false, features =
//!   ["default-https-client"]` (the hyper/rustls transport, no aws-config),
//!   theirs with `aws-sdk-finspacedata` + `aws-config` + `tokio`), each SDK crate copied beside
//!   them as a path dependency so both are compiled the same way, and builds each from fresh
//!   empty target directories: clean debug and release wall time, crates compiled, stripped
//!   release binary size, and the release rebuild after touching the SDK crate's `lib.rs`.
//!   `CARGO_INCREMENTAL=0` throughout, as for a dependency from a registry.
//! - Lines of Rust in each SDK crate's `src/` (ours: `generated-sdk/src`; theirs: the crate in
//!   the cargo registry).
//!
//! A full run writes the table, the date, the machine and the run time to `BENCHMARKS.md`.
//! Temporary directories are removed at the end, also on failure.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Instant, SystemTime};

use anyhow::{bail, Context, Result};

const USAGE: &str = "usage: cargo xtask bench [--calls-only | --builds-only] [--no-write]";

/// The criterion groups of `bench/benches/sdk.rs`, with their table labels.
const CASES: [(&str, &str); 4] = [
    ("get_user", "`get_user` call (incl. signing)"),
    (
        "create_changeset",
        "`create_changeset` (maps, idempotency token)",
    ),
    (
        "list_datasets",
        "`list_datasets`, 100 datasets x 20 columns",
    ),
    ("paging", "paging 50 pages x 100 items via `items()`"),
];

/// The per-call target of the issue: at most this ratio ours/theirs.
const CALL_TARGET: f64 = 0.5;

/// The tiny binaries' `main.rs` for ours (both feature sets).
const OURS_MAIN: &str = r#"//! Tiny binary for build-time and size measurements: one FinSpace Data call.
#[allow(deprecated)]
#[tokio::main]
async fn main() {
    let client = finspace_data::Client::from_env().await;
    match client.get_user("user-1").send().await {
        Ok(user) => println!("{:?}", user.user_id()),
        Err(e) => eprintln!("{e}"),
    }
}
"#;

/// The tiny binary's `main.rs` for theirs.
const THEIRS_MAIN: &str = r#"//! Tiny binary for build-time and size measurements: one FinSpace Data call.
#[allow(deprecated)]
#[tokio::main]
async fn main() {
    let config = aws_config::load_defaults(aws_config::BehaviorVersion::latest()).await;
    let client = aws_sdk_finspacedata::Client::new(&config);
    match client.get_user().user_id("user-1").send().await {
        Ok(user) => println!("{:?}", user.user_id()),
        Err(e) => eprintln!("{e}"),
    }
}
"#;

/// Which parts to run.
struct Options {
    calls: bool,
    builds: bool,
    write: bool,
}

impl Options {
    fn parse(args: &[String]) -> Result<Self> {
        let mut options = Options {
            calls: true,
            builds: true,
            write: true,
        };
        for arg in args {
            match arg.as_str() {
                "--calls-only" => options.builds = false,
                "--builds-only" => options.calls = false,
                "--no-write" => options.write = false,
                _ => bail!("{USAGE}"),
            }
        }
        if !options.calls && !options.builds {
            bail!("--calls-only and --builds-only exclude each other\n{USAGE}");
        }
        Ok(options)
    }
}

/// One row of the result table.
struct Row {
    what: String,
    ours: String,
    theirs: String,
    ratio: f64,
    /// The issue's target for the ratio (at most), if it sets one.
    target: Option<f64>,
}

/// What building one tiny binary cost.
struct BuildFigures {
    debug_secs: f64,
    debug_crates: usize,
    release_secs: f64,
    release_crates: usize,
    stripped_bytes: u64,
    /// Release rebuild after touching the SDK crate's `lib.rs` (SDK crate + tiny binary).
    rebuild_secs: Option<f64>,
}

/// Runs `cargo xtask bench`.
pub fn run(root: &Path, args: &[String]) -> Result<()> {
    let options = Options::parse(args)?;
    let started = Instant::now();
    let mut rows = Vec::new();
    let mut versions = Versions::from_lock(&std::fs::read_to_string(root.join("Cargo.lock"))?);
    if options.calls {
        rows.extend(per_call(root)?);
    }
    if options.builds {
        let scratch = Scratch::new()?;
        let (build_rows, built_versions) = builds(root, &scratch.0)?;
        rows.extend(build_rows);
        versions = built_versions;
    }
    let elapsed = started.elapsed().as_secs_f64();
    let table = render_table(&rows);
    println!("\n{table}");
    println!("bench run took {}", minutes(elapsed));
    if options.write && options.calls && options.builds {
        let path = root.join("BENCHMARKS.md");
        std::fs::write(&path, report(&table, &versions, elapsed)?)
            .with_context(|| format!("writing {}", path.display()))?;
        println!("wrote {}", path.display());
    } else if options.write {
        println!("(partial run: BENCHMARKS.md not written)");
    }
    Ok(())
}

/// The cargo executable running this task (or `cargo` from `PATH`).
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The shared target directory criterion writes into.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"))
}

/// Runs the criterion benches and reads one estimate per case and SDK.
fn per_call(root: &Path) -> Result<Vec<Row>> {
    let criterion = target_dir(root).join("criterion");
    for (case, _) in CASES {
        // Stale estimates from an earlier run must not be read if this one fails halfway.
        let _ = std::fs::remove_dir_all(criterion.join(case));
    }
    println!("== per-call benchmarks: cargo bench -p bench --bench sdk");
    let status = cargo()
        .current_dir(root)
        .args(["bench", "-p", "bench", "--bench", "sdk"])
        .status()
        .context("running cargo bench")?;
    if !status.success() {
        bail!("cargo bench -p bench failed ({status})");
    }
    let mut rows = Vec::new();
    for (case, label) in CASES {
        let ours = estimate_ns(&criterion.join(case).join("ours"))?;
        let theirs = estimate_ns(&criterion.join(case).join("theirs"))?;
        rows.push(Row {
            what: (*label).to_owned(),
            ours: duration_ns(ours),
            theirs: duration_ns(theirs),
            ratio: ours / theirs,
            target: Some(CALL_TARGET),
        });
    }
    Ok(rows)
}

/// Criterion's time per iteration in nanoseconds: the slope estimate (what it prints as
/// `time:`), or the mean where it used flat sampling.
fn estimate_ns(dir: &Path) -> Result<f64> {
    let path = dir.join("new").join("estimates.json");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let json: serde_json::Value = serde_json::from_str(&text)?;
    ["slope", "mean"]
        .iter()
        .find_map(|k| json.get(k)?.get("point_estimate")?.as_f64())
        .with_context(|| format!("no estimate in {}", path.display()))
}

/// A temporary directory removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Result<Self> {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir =
            std::env::temp_dir().join(format!("finspace-bench-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Self(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Versions of the compared crates, for the report.
struct Versions {
    theirs: String,
    aws_config: String,
    tokio: String,
}

impl Versions {
    fn from_lock(lock: &str) -> Self {
        let get = |name| lock_version(lock, name).unwrap_or_else(|| "?".to_owned());
        Versions {
            theirs: get("aws-sdk-finspacedata"),
            aws_config: get("aws-config"),
            tokio: get("tokio"),
        }
    }
}

/// The version of package `name` in a `Cargo.lock` (the first entry of that name).
fn lock_version(lock: &str, name: &str) -> Option<String> {
    let header = format!("name = \"{name}\"\n");
    let at = lock.find(&header)? + header.len();
    let rest = lock[at..].strip_prefix("version = \"")?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// The directory of a crate in the cargo registry's unpacked sources.
fn registry_source(name: &str, version: &str) -> Result<PathBuf> {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .context("neither CARGO_HOME nor HOME is set")?;
    let src = cargo_home.join("registry").join("src");
    for index in std::fs::read_dir(&src).with_context(|| format!("reading {}", src.display()))? {
        let dir = index?.path().join(format!("{name}-{version}"));
        if dir.join("Cargo.toml").is_file() {
            return Ok(dir);
        }
    }
    bail!(
        "{name} {version} is not unpacked under {} (run `cargo fetch`)",
        src.display()
    )
}

/// Copies a directory tree (files and directories only).
fn copy_tree(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Lines in the `.rs` files under `dir`.
fn rust_lines(dir: &Path) -> Result<usize> {
    let mut lines = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            lines += rust_lines(&path)?;
        } else if path.extension().is_some_and(|e| e == "rs") {
            lines += std::fs::read_to_string(&path)?.lines().count();
        }
    }
    Ok(lines)
}

/// Writes a tiny binary crate `name` in `dir` with these dependency lines and `main.rs`,
/// and the workspace's `Cargo.lock` so it resolves to the same versions.
fn tiny_crate(root: &Path, dir: &Path, name: &str, deps: &str, main: &str) -> Result<()> {
    std::fs::create_dir_all(dir.join("src"))?;
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         [workspace]\n\n[dependencies]\n{deps}"
    );
    std::fs::write(dir.join("Cargo.toml"), manifest)?;
    std::fs::write(dir.join("src").join("main.rs"), main)?;
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))?;
    let status = cargo()
        .current_dir(dir)
        .arg("fetch")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()?;
    if !status.success() {
        bail!("cargo fetch failed in {}", dir.display());
    }
    Ok(())
}

/// `cargo build --offline [--release]` of the crate in `dir` into `target`: wall seconds and
/// the number of crates compiled.
fn timed_build(dir: &Path, target: &Path, release: bool) -> Result<(f64, usize)> {
    let mut command = cargo();
    command
        .current_dir(dir)
        .args(["build", "--offline"])
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUSTFLAGS")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if release {
        command.arg("--release");
    }
    let start = Instant::now();
    let output = command.output().context("running cargo build")?;
    let secs = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() {
        let tail: Vec<&str> = stderr.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "cargo build in {} failed:\n{}",
            dir.display(),
            tail.join("\n")
        );
    }
    let crates = stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("Compiling "))
        .count();
    Ok((secs, crates))
}

/// Measures one tiny crate: clean debug build, clean release build, stripped size and, with
/// `touch`, the release rebuild after touching that file. Each build starts from its own empty
/// target directory under `scratch`, deleted after use.
fn measure(
    label: &str,
    dir: &Path,
    bin: &str,
    scratch: &Path,
    touch: Option<&Path>,
) -> Result<BuildFigures> {
    let debug_target = scratch.join(format!("target-{bin}-debug"));
    let (debug_secs, debug_crates) = timed_build(dir, &debug_target, false)?;
    std::fs::remove_dir_all(&debug_target)?;
    println!("   {label}: clean debug build {debug_secs:.1} s, {debug_crates} crates");

    let release_target = scratch.join(format!("target-{bin}-release"));
    let (release_secs, release_crates) = timed_build(dir, &release_target, true)?;
    let stripped = scratch.join(format!("{bin}.stripped"));
    std::fs::copy(release_target.join("release").join(bin), &stripped)?;
    let status = Command::new("strip").arg(&stripped).status()?;
    if !status.success() {
        bail!("strip failed on {}", stripped.display());
    }
    let stripped_bytes = std::fs::metadata(&stripped)?.len();
    println!(
        "   {label}: clean release build {release_secs:.1} s, {release_crates} crates, stripped \
         binary {}",
        megabytes(stripped_bytes)
    );

    let rebuild_secs = match touch {
        Some(file) => {
            std::fs::File::options()
                .write(true)
                .open(file)?
                .set_modified(SystemTime::now())?;
            let (secs, crates) = timed_build(dir, &release_target, true)?;
            println!("   {label}: release rebuild after touching the SDK's lib.rs {secs:.1} s ({crates} crates)");
            Some(secs)
        }
        None => None,
    };
    std::fs::remove_dir_all(&release_target)?;
    Ok(BuildFigures {
        debug_secs,
        debug_crates,
        release_secs,
        release_crates,
        stripped_bytes,
        rebuild_secs,
    })
}

/// Builds the three tiny binaries and compares them; also counts lines of Rust.
fn builds(root: &Path, scratch: &Path) -> Result<(Vec<Row>, Versions)> {
    let versions = Versions::from_lock(&std::fs::read_to_string(root.join("Cargo.lock"))?);
    if versions.theirs == "?" {
        bail!("aws-sdk-finspacedata is not in Cargo.lock (is `bench` a workspace member?)");
    }
    let theirs_src = registry_source("aws-sdk-finspacedata", &versions.theirs)?;

    // Both SDK crates are copied beside the tiny crates, so each is a path dependency built
    // the same way and touching its lib.rs never touches the checkout or the registry.
    let vendor = scratch.join("vendor");
    let ours_copy = vendor.join("finspace-data");
    copy_tree(&root.join("generated-sdk"), &ours_copy)?;
    let manifest = std::fs::read_to_string(ours_copy.join("Cargo.toml"))?;
    let runtime_dep = "path = \"../runtime\"";
    if !manifest.contains(runtime_dep) {
        bail!("generated-sdk/Cargo.toml has no `{runtime_dep}` dependency to re-point");
    }
    let runtime_path = root.join("runtime");
    let manifest = manifest.replace(
        runtime_dep,
        &format!("path = {:?}", runtime_path.display().to_string()),
    );
    std::fs::write(ours_copy.join("Cargo.toml"), manifest)?;
    let theirs_copy = vendor.join("aws-sdk-finspacedata");
    copy_tree(&theirs_src, &theirs_copy)?;

    let tokio = "tokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }\n";
    let ours_default_dir = scratch.join("tiny-ours-default");
    tiny_crate(
        root,
        &ours_default_dir,
        "tiny-ours-default",
        &format!("finspace-data = {{ path = \"../vendor/finspace-data\" }}\n{tokio}"),
        OURS_MAIN,
    )?;
    let ours_light_dir = scratch.join("tiny-ours-light");
    tiny_crate(
        root,
        &ours_light_dir,
        "tiny-ours-light",
        &format!(
            "finspace-data = {{ path = \"../vendor/finspace-data\", default-features = false, \
             features = [\"default-https-client\"] }}\n{tokio}"
        ),
        OURS_MAIN,
    )?;
    let theirs_dir = scratch.join("tiny-theirs");
    tiny_crate(
        root,
        &theirs_dir,
        "tiny-theirs",
        &format!(
            "aws-config = \"={}\"\naws-sdk-finspacedata = {{ path = \"../vendor/aws-sdk-finspacedata\" }}\n{tokio}",
            versions.aws_config
        ),
        THEIRS_MAIN,
    )?;
    let built_versions =
        Versions::from_lock(&std::fs::read_to_string(theirs_dir.join("Cargo.lock"))?);

    println!("== clean builds of tiny binaries (fresh target directories, CARGO_INCREMENTAL=0)");
    let theirs = measure(
        "theirs (aws-sdk-finspacedata + aws-config + tokio)",
        &theirs_dir,
        "tiny-theirs",
        scratch,
        Some(&theirs_copy.join("src").join("lib.rs")),
    )?;
    let ours = measure(
        "ours, default features",
        &ours_default_dir,
        "tiny-ours-default",
        scratch,
        Some(&ours_copy.join("src").join("lib.rs")),
    )?;
    let light = measure(
        "ours, lightest features",
        &ours_light_dir,
        "tiny-ours-light",
        scratch,
        None,
    )?;

    let ours_lines = rust_lines(&root.join("generated-sdk").join("src"))?;
    let theirs_lines = rust_lines(&theirs_src.join("src"))?;

    let secs_row = |what: &str, ours: f64, theirs: f64, target| Row {
        what: what.to_owned(),
        ours: format!("{ours:.1} s"),
        theirs: format!("{theirs:.1} s"),
        ratio: ours / theirs,
        target,
    };
    let size_row = |what: &str, ours: u64, theirs: u64, target| Row {
        what: what.to_owned(),
        ours: megabytes(ours),
        theirs: megabytes(theirs),
        ratio: ours as f64 / theirs as f64,
        target,
    };
    let count_row = |what: &str, ours: usize, theirs: usize, target| Row {
        what: what.to_owned(),
        ours: thousands(ours),
        theirs: thousands(theirs),
        ratio: ours as f64 / theirs as f64,
        target,
    };
    let rows = vec![
        secs_row(
            "tiny binary, clean debug build, default features",
            ours.debug_secs,
            theirs.debug_secs,
            Some(1.0),
        ),
        secs_row(
            "tiny binary, clean debug build, ours lightest",
            light.debug_secs,
            theirs.debug_secs,
            Some(0.4),
        ),
        secs_row(
            "tiny binary, clean release build, default features",
            ours.release_secs,
            theirs.release_secs,
            None,
        ),
        secs_row(
            "tiny binary, clean release build, ours lightest",
            light.release_secs,
            theirs.release_secs,
            None,
        ),
        secs_row(
            "release rebuild of the SDK crate alone (touch lib.rs)",
            ours.rebuild_secs.unwrap_or(f64::NAN),
            theirs.rebuild_secs.unwrap_or(f64::NAN),
            Some(0.35),
        ),
        size_row(
            "stripped release binary, default features",
            ours.stripped_bytes,
            theirs.stripped_bytes,
            Some(0.8),
        ),
        size_row(
            "stripped release binary, ours lightest",
            light.stripped_bytes,
            theirs.stripped_bytes,
            Some(0.4),
        ),
        count_row(
            "crates compiled, debug, default features",
            ours.debug_crates,
            theirs.debug_crates,
            None,
        ),
        count_row(
            "crates compiled, debug, ours lightest",
            light.debug_crates,
            theirs.debug_crates,
            None,
        ),
        count_row(
            "crates compiled, release, default features",
            ours.release_crates,
            theirs.release_crates,
            None,
        ),
        count_row(
            "lines of Rust in the SDK crate's src/",
            ours_lines,
            theirs_lines,
            Some(0.4),
        ),
    ];
    Ok((rows, built_versions))
}

/// The table as GitHub Markdown.
fn render_table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| case | ours (finspace-data) | theirs (aws-sdk-finspacedata) | ours/theirs | target | met |\n\
         | --- | ---: | ---: | ---: | ---: | --- |\n",
    );
    for row in rows {
        let (target, met) = match row.target {
            Some(t) if row.ratio <= t => (format!("<= {t:.2}"), "yes"),
            Some(t) => (format!("<= {t:.2}"), "**no**"),
            None => (String::new(), ""),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2} | {target} | {met} |",
            row.what, row.ours, row.theirs, row.ratio
        );
    }
    out
}

/// The contents of `BENCHMARKS.md`.
fn report(table: &str, versions: &Versions, elapsed: f64) -> Result<String> {
    let date = command_line("date", &["-u", "+%Y-%m-%d %H:%M UTC"]);
    let cores = command_line("nproc", &[]);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".to_owned());
    let rustc = command_line("rustc", &["--version"]);
    let mut out = String::new();
    writeln!(out, "# Benchmarks: finspace-data vs aws-sdk-finspacedata\n")?;
    writeln!(
        out,
        "Written by `cargo xtask bench` (do not edit by hand; run it again to update).\n"
    )?;
    writeln!(out, "- date: {date}")?;
    writeln!(out, "- machine: {cores} cores (`nproc`), {cpu}; {rustc}")?;
    writeln!(
        out,
        "- compared with: aws-sdk-finspacedata {}, aws-config {}, tokio {}",
        versions.theirs, versions.aws_config, versions.tokio
    )?;
    writeln!(out, "- command: `nice -n 10 cargo xtask bench`")?;
    writeln!(out, "- the whole run took {}\n", minutes(elapsed))?;
    writeln!(out, "{table}")?;
    out.push_str(
        "## How it is measured\n\n\
         - Per-call rows: criterion benches in `bench/benches/sdk.rs`; both clients run on one \
         current-thread tokio runtime against the same in-process transport (no sockets) that \
         answers from the same canned JSON bodies (`bench/src/fixtures.rs`), with the same \
         region (`us-east-1`, endpoint from each SDK's rules), the same static credentials, \
         retries off, and for aws-sdk-finspacedata stalled-stream protection off. Each figure is \
         criterion's time per whole call (build input, serialize, resolve endpoint, sign, send, \
         parse). The transport rejects unsigned requests and changesets without `clientToken`; \
         `cargo test -p bench` checks both SDKs read the same data.\n\
         - Build rows: tiny binaries generated into a temporary directory, each making one \
         `get_user` call: ours with default features, ours with the lightest feature set \
         (`default-features = false, features = [\"default-https-client\"]`: the hyper/rustls \
         transport without aws-config, explicit or environment-variable credentials), theirs with aws-sdk-finspacedata + aws-config + tokio (default features). \
         Each SDK crate is copied beside them and used as a path dependency; every build starts \
         from its own empty target directory, with `CARGO_INCREMENTAL=0` and the workspace's \
         `Cargo.lock`. Times are wall clock on a machine shared with other work, so expect a \
         few percent of noise. \"Crates compiled\" counts cargo's `Compiling` lines. The rebuild \
         row touches the SDK crate's `lib.rs` after the clean release build and rebuilds \
         (the SDK crate plus the tiny binary). Sizes are after `strip`, in MB of 10^6 bytes.\n\
         - Lines: all lines of the `.rs` files under each SDK crate's `src/` (ours: \
         `generated-sdk/src`; theirs: the published crate's `src/`).\n\
         - Profiling: `bench/examples/profile.rs` runs one case in a loop without criterion, e.g. \
         `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release -p bench --example \
         profile`, then `valgrind --tool=callgrind --toggle-collect='profile::call_ours*' \
         target/release/examples/profile ours list_datasets 20` (instruction counts are \
         stable on a busy machine, unlike wall time).\n",
    );
    Ok(out)
}

/// The trimmed stdout of a command, or `?`.
fn command_line(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|| "?".to_owned())
}

/// A time in nanoseconds with a readable unit.
fn duration_ns(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.1} us", ns / 1e3)
    } else {
        format!("{ns:.0} ns")
    }
}

/// Bytes as MB (10^6 bytes).
fn megabytes(bytes: u64) -> String {
    format!("{:.2} MB", bytes as f64 / 1e6)
}

/// An integer with thousands separators.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Seconds as `Mm SSs`.
fn minutes(secs: f64) -> String {
    let whole = secs.round() as u64;
    format!("{}m {:02}s", whole / 60, whole % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_versions_from_a_lock_file() {
        let lock = "[[package]]\nname = \"aws-config\"\nversion = \"1.13.0\"\nsource = \"x\"\n\n\
                    [[package]]\nname = \"aws-sdk-finspacedata\"\nversion = \"1.114.0\"\n";
        assert_eq!(lock_version(lock, "aws-config").as_deref(), Some("1.13.0"));
        assert_eq!(
            lock_version(lock, "aws-sdk-finspacedata").as_deref(),
            Some("1.114.0")
        );
        assert_eq!(lock_version(lock, "tokio"), None);
    }

    #[test]
    fn formats_figures() {
        assert_eq!(duration_ns(9_875.6), "9.9 us");
        assert_eq!(duration_ns(6_448_300.0), "6.45 ms");
        assert_eq!(duration_ns(512.0), "512 ns");
        assert_eq!(megabytes(11_400_000), "11.40 MB");
        assert_eq!(thousands(51_267), "51,267");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(minutes(754.4), "12m 34s");
    }

    #[test]
    fn table_marks_targets() {
        let rows = [
            Row {
                what: "a".into(),
                ours: "1".into(),
                theirs: "4".into(),
                ratio: 0.25,
                target: Some(0.5),
            },
            Row {
                what: "b".into(),
                ours: "3".into(),
                theirs: "4".into(),
                ratio: 0.75,
                target: Some(0.5),
            },
            Row {
                what: "c".into(),
                ours: "3".into(),
                theirs: "4".into(),
                ratio: 0.75,
                target: None,
            },
        ];
        let table = render_table(&rows);
        assert!(
            table.contains("| a | 1 | 4 | 0.25 | <= 0.50 | yes |"),
            "{table}"
        );
        assert!(
            table.contains("| b | 3 | 4 | 0.75 | <= 0.50 | **no** |"),
            "{table}"
        );
        assert!(table.contains("| c | 3 | 4 | 0.75 |  |  |"), "{table}");
    }

    #[test]
    fn options_parse() {
        let o = Options::parse(&["--calls-only".into()]).unwrap();
        assert!(o.calls && !o.builds && o.write);
        assert!(Options::parse(&["--calls-only".into(), "--builds-only".into()]).is_err());
        assert!(Options::parse(&["--bogus".into()]).is_err());
    }
}
