//! Runs every conformance vector (`cargo test -p conformance`), prints the summary lines and
//! the failures, and fails when a case that is not listed as skipped fails, when a category
//! passes fewer cases than it did when this was last raised, or when `SKIPPED.md` is stale.

use conformance::{run_all, skips};

/// Cases each category passed when the floor was last raised; a run below it fails.
const MIN_PASSED: &[(&str, usize)] = &[
    ("rest-json input", 113),
    ("rest-json output", 91),
    ("endpoints", 25),
    ("sigv4", 31),
];

#[test]
fn conformance_vectors() {
    let categories = run_all();
    let mut problems = Vec::new();
    for c in &categories {
        for (id, why) in c.failures() {
            println!("FAILED {} / {id}: {why}", c.name);
        }
    }
    for c in &categories {
        println!("{c}");
        if let Some((_, floor)) = MIN_PASSED.iter().find(|(n, _)| *n == c.name) {
            if c.passed() < *floor {
                problems.push(format!("{}: {} passed, below {floor}", c.name, c.passed()));
            }
        }
        if c.failed() > 0 {
            problems.push(format!("{}: {} failed", c.name, c.failed()));
        }
        let known: Vec<&str> = c.cases.iter().map(|r| r.id.as_str()).collect();
        if let Some((_, list)) = skips::ALL.iter().find(|(n, _)| *n == c.name) {
            for (id, _) in *list {
                if !known.contains(id) {
                    problems.push(format!("{}: skip list names unknown case `{id}`", c.name));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn skipped_md_is_current() {
    let committed = std::fs::read_to_string(skips::markdown_path()).unwrap_or_default();
    assert!(
        committed == skips::render_markdown(),
        "conformance/SKIPPED.md is stale; run `cargo xtask conformance` to rewrite it"
    );
}
