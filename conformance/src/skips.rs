//! The committed list of skipped cases: every entry is a vector that does not apply to a Rust
//! client (never "not implemented yet"), with a one-line reason. `SKIPPED.md` is rendered from
//! this list ([`render_markdown`]); the conformance test fails when the file is stale or when
//! an entry names a case that does not exist, so the two cannot drift.

/// One skipped case: its id and why it does not apply.
pub type Skip = (&'static str, &'static str);

/// Skipped `rest-json input` cases.
pub const INPUT: &[Skip] = &[];

/// Skipped `rest-json output` cases.
pub const OUTPUT: &[Skip] = &[];

/// Skipped endpoint cases (by `documentation`).
pub const ENDPOINTS: &[Skip] = &[];

/// Skipped SigV4 cases (by directory, relative to `aws4_testsuite/`).
pub const SIGV4: &[Skip] = &[
    (
        "get-header-value-multiline",
        "obs-fold multi-line header values are obsolete (RFC 9110 section 5.5) and the `http` crate rejects them, so no Rust HTTP request can carry this header",
    ),
    (
        "normalize-path/get-space",
        "the request line has a raw space in the path, which is not a valid HTTP request-target; sent as `%20`, SigV4 for non-S3 services (botocore and the runtime) encodes that path a second time, which this vector does not model",
    ),
    (
        "post-sts-token/post-sts-header-after",
        "adds the session token after signing; the runtime, like botocore, always signs `x-amz-security-token` (covered by post-sts-header-before and get-vanilla-with-session-token)",
    ),
];

/// Every list with the category name the runner prints.
pub const ALL: &[(&str, &[Skip])] = &[
    ("rest-json input", INPUT),
    ("rest-json output", OUTPUT),
    ("endpoints", ENDPOINTS),
    ("sigv4", SIGV4),
];

/// The reason `id` is skipped in `list`, if it is.
pub fn reason(list: &[Skip], id: &str) -> Option<&'static str> {
    list.iter().find(|(i, _)| *i == id).map(|(_, r)| *r)
}

/// `SKIPPED.md` as it must be committed.
pub fn render_markdown() -> String {
    let mut out = String::from(
        "# Skipped conformance cases\n\n\
         Generated from `conformance/src/skips.rs` by `cargo xtask conformance`; the conformance\n\
         test fails when this file is stale. Every entry is a vector that does not apply to a Rust\n\
         client, with the reason.\n",
    );
    for (name, list) in ALL {
        out.push_str(&format!("\n## {name} ({} skipped)\n\n", list.len()));
        if list.is_empty() {
            out.push_str("None.\n");
        }
        for (id, why) in *list {
            out.push_str(&format!("- `{id}`: {why}\n"));
        }
    }
    out
}

/// Path of the committed `SKIPPED.md`.
pub fn markdown_path() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("SKIPPED.md")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_per_list() {
        for (name, list) in ALL {
            let mut ids: Vec<_> = list.iter().map(|(id, _)| *id).collect();
            ids.sort();
            let before = ids.len();
            ids.dedup();
            assert_eq!(before, ids.len(), "{name} lists a case twice");
            for (id, why) in *list {
                assert!(!why.trim().is_empty(), "{name}/{id} has no reason");
                assert!(
                    !why.contains('\n'),
                    "{name}/{id}: the reason must be one line"
                );
            }
        }
    }
}
