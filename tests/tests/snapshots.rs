//! Snapshot tests of the generator. Every fixture model in `tests/fixtures/` is generated and each
//! output file is snapshotted on its own (`snapshots/snapshots__<fixture>__<path>.snap`), so a
//! change to the generator shows up as a diff of exactly the items it touches. Every failing
//! snapshot of a fixture is reported, not only the first.
//!
//! To update after an intended change: `INSTA_UPDATE=always cargo test -p tests --test snapshots`
//! (or `cargo insta review`), then read the diffs before committing them.

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use tests::{fixture_dir, generate_fixture, FIXTURES};

/// Snapshot name of one generated file: `<fixture>/<path>`; insta turns `/` into `__`.
fn snapshot_name(fixture: &str, path: &Path) -> String {
    let path = path.to_string_lossy().replace('\\', "/");
    format!("{fixture}/{path}")
}

/// Snapshots every file generated from `fixture`, then fails listing all mismatches.
fn snapshot_fixture(fixture: &str) {
    let files = generate_fixture(fixture);
    assert!(
        files.contains_key(Path::new("src/lib.rs")),
        "{fixture}: no src/lib.rs generated"
    );
    let mut failed = Vec::new();
    for (path, content) in &files {
        let name = snapshot_name(fixture, path);
        let description = format!("generated from tests/fixtures/{fixture}.json");
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            insta::with_settings!({ description => description.as_str(), omit_expression => true }, {
                insta::assert_snapshot!(name.as_str(), content);
            });
        }));
        if outcome.is_err() {
            failed.push(name);
        }
    }
    assert!(
        failed.is_empty(),
        "{} snapshot(s) of `{fixture}` differ: {failed:#?}",
        failed.len()
    );
}

#[test]
fn media() {
    snapshot_fixture("media");
}

#[test]
fn widgets() {
    snapshot_fixture("widgets");
}

#[test]
fn vault() {
    snapshot_fixture("vault");
}

#[test]
fn naming() {
    snapshot_fixture("naming");
}

#[test]
fn every_fixture_has_a_snapshot_test() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixture_dir())
        .expect("read tests/fixtures")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".json").map(str::to_owned)
        })
        .collect();
    let listed: BTreeSet<String> = FIXTURES.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        on_disk, listed,
        "tests/fixtures/*.json and tests::FIXTURES disagree"
    );
}

/// A snapshot whose generated file no longer exists would otherwise linger unnoticed.
#[test]
fn no_stale_snapshots() {
    let mut expected = BTreeSet::new();
    for fixture in FIXTURES {
        for path in generate_fixture(fixture).keys() {
            let file = format!(
                "snapshots__{}.snap",
                snapshot_name(fixture, path).replace('/', "__")
            );
            expected.insert(file);
        }
    }
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let on_disk: BTreeSet<String> = std::fs::read_dir(&dir)
        .expect("read tests/tests/snapshots")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("snapshots__") && n.ends_with(".snap"))
        .collect();
    let stale: Vec<&String> = on_disk.difference(&expected).collect();
    assert!(
        stale.is_empty(),
        "snapshots without a generated file (delete them): {stale:#?}"
    );
}

/// Snapshots hold only what the generator wrote, never a path of the machine that ran it.
#[test]
fn generated_files_hold_no_absolute_paths() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_string_lossy()
        .into_owned();
    for fixture in FIXTURES {
        let files: BTreeMap<PathBuf, String> = generate_fixture(fixture);
        for (path, content) in &files {
            assert!(
                !content.contains(&root),
                "{fixture}/{}: contains the absolute path {root}",
                path.display()
            );
        }
    }
}
