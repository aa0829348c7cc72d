//! `cargo xtask update-model --from PATH`: refresh the pinned model and conformance vectors.
//!
//! PATH is a botocore source distribution (`botocore-X.Y.Z.tar.gz`) or an unpacked botocore tree
//! (the sdist's top directory, or a directory holding it). The FinSpace Data model files,
//! `partitions.json`, the licence files and the conformance vectors are copied byte for byte
//! (`.json.gz` files are decompressed), `model/SOURCE.md` is rewritten, and the changes to the
//! service model are printed. Nothing is read from the network.
//!
//! Everything is read and checked before anything is written, so a bad source leaves the
//! repository as it was.

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use flate2::read::GzDecoder;
use serde_json::Value;
use sha2::{Digest, Sha256};

/// The service whose model this project pins.
const SERVICE: &str = "finspace-data";
/// The API version of that service.
const API_VERSION: &str = "2020-07-13";
/// The model files of the service, under `botocore/data/SERVICE/API_VERSION/`.
const SERVICE_FILES: [&str; 3] = [
    "service-2.json",
    "paginators-1.json",
    "endpoint-rule-set-1.json",
];
/// The SigV4 test suite directory in the sdist, copied whole.
const AWS4_SUITE: &str = "tests/unit/auth/aws4_testsuite";
/// Where the conformance vectors live in the repository.
const CONFORMANCE_DIR: &str = "tests/conformance-data";

/// One file to copy: where it is in the sdist and where it goes in the repository.
struct Wanted {
    /// Path in the sdist, relative to its top directory, without any `.gz`.
    source: String,
    /// Path in the repository, relative to the workspace root.
    dest: String,
}

/// The fixed list of single files to copy (the SigV4 suite directory is handled apart).
fn wanted_files() -> Vec<Wanted> {
    let data = format!("botocore/data/{SERVICE}/{API_VERSION}");
    let model_dir = format!("model/{SERVICE}/{API_VERSION}");
    let mut out: Vec<Wanted> = SERVICE_FILES
        .iter()
        .map(|f| Wanted {
            source: format!("{data}/{f}"),
            dest: format!("{model_dir}/{f}"),
        })
        .collect();
    let pairs = [
        ("botocore/data/partitions.json", "model/partitions.json"),
        ("LICENSE.txt", "model/LICENSE.txt"),
        ("NOTICE", "model/NOTICE"),
        (
            "tests/unit/protocols/input/rest-json.json",
            "tests/conformance-data/protocols/input/rest-json.json",
        ),
        (
            "tests/unit/protocols/output/rest-json.json",
            "tests/conformance-data/protocols/output/rest-json.json",
        ),
        (
            "tests/functional/endpoint-rules/finspace-data/endpoint-tests-1.json",
            "tests/conformance-data/endpoint-tests-1.json",
        ),
        ("LICENSE.txt", "tests/conformance-data/LICENSE.txt"),
        ("NOTICE", "tests/conformance-data/NOTICE"),
    ];
    out.extend(pairs.iter().map(|(s, d)| Wanted {
        source: (*s).to_string(),
        dest: (*d).to_string(),
    }));
    out
}

/// The files of interest read out of an sdist or tree, keyed by their path relative to the
/// sdist's top directory (`/`-separated, `.gz` kept as stored).
#[derive(Default)]
struct Source {
    files: BTreeMap<String, Vec<u8>>,
}

impl Source {
    /// Whether a path inside the sdist is one this task may need.
    fn is_interesting(rel: &str) -> bool {
        let plain = rel.strip_suffix(".gz").unwrap_or(rel);
        rel == "PKG-INFO"
            || rel.starts_with(&format!("{AWS4_SUITE}/"))
            || wanted_files().iter().any(|w| w.source == plain)
    }

    /// Reads a `.tar.gz` sdist, keeping only the interesting regular files.
    fn from_tarball(path: &Path) -> Result<Self> {
        let file = fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut archive = tar::Archive::new(GzDecoder::new(file));
        let mut files = BTreeMap::new();
        let entries = archive
            .entries()
            .with_context(|| format!("reading {} as a .tar.gz", path.display()))?;
        for entry in entries {
            let mut entry =
                entry.with_context(|| format!("reading {} as a .tar.gz sdist", path.display()))?;
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let full = entry.path()?.to_string_lossy().replace('\\', "/");
            // Drop the sdist's top directory (`botocore-X.Y.Z/`).
            let Some((_, rel)) = full.split_once('/') else {
                continue;
            };
            if rel.split('/').any(|c| c == "..") || !Self::is_interesting(rel) {
                continue;
            }
            let mut bytes = Vec::new();
            entry
                .read_to_end(&mut bytes)
                .with_context(|| format!("reading {full} from {}", path.display()))?;
            files.insert(rel.to_string(), bytes);
        }
        Ok(Self { files })
    }

    /// Reads an unpacked tree whose top directory is `top`.
    fn from_tree(top: &Path) -> Result<Self> {
        let mut files = BTreeMap::new();
        let mut stack = vec![top.to_path_buf()];
        while let Some(dir) = stack.pop() {
            let entries =
                fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?;
            for entry in entries {
                let entry = entry?;
                let path = entry.path();
                let rel = path
                    .strip_prefix(top)
                    .expect("walked paths are under the top directory")
                    .to_string_lossy()
                    .replace('\\', "/");
                let kind = entry.file_type()?;
                if kind.is_dir() {
                    // Only descend where an interesting file can be.
                    let useful = wanted_files()
                        .iter()
                        .map(|w| w.source.as_str())
                        .chain([AWS4_SUITE])
                        .any(|s| s.starts_with(&format!("{rel}/")))
                        || rel.starts_with(&format!("{AWS4_SUITE}/"))
                        || rel == AWS4_SUITE;
                    if useful {
                        stack.push(path);
                    }
                } else if kind.is_file() && Self::is_interesting(&rel) {
                    let bytes =
                        fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
                    files.insert(rel, bytes);
                }
            }
        }
        Ok(Self { files })
    }

    /// A file by its path in the sdist, decompressed if only a `.gz` of it is stored.
    fn get(&self, rel: &str) -> Result<Vec<u8>> {
        if let Some(bytes) = self.files.get(rel) {
            return Ok(bytes.clone());
        }
        if let Some(gz) = self.files.get(&format!("{rel}.gz")) {
            let mut out = Vec::new();
            GzDecoder::new(gz.as_slice())
                .read_to_end(&mut out)
                .with_context(|| format!("decompressing {rel}.gz"))?;
            return Ok(out);
        }
        bail!("{rel} (or {rel}.gz) is not in the source; is it a botocore sdist?")
    }
}

/// Finds the sdist's top directory for an unpacked tree given as `from`.
fn tree_top(from: &Path) -> Result<PathBuf> {
    let has_data = |p: &Path| p.join("botocore").join("data").is_dir();
    if has_data(from) {
        return Ok(from.to_path_buf());
    }
    // The `botocore` package directory itself.
    if from.join("data").is_dir() && from.file_name().is_some_and(|n| n == "botocore") {
        if let Some(parent) = from.parent() {
            return Ok(parent.to_path_buf());
        }
    }
    // A directory holding the unpacked sdist (`botocore-X.Y.Z/`).
    let mut found = Vec::new();
    for entry in fs::read_dir(from).with_context(|| format!("listing {}", from.display()))? {
        let path = entry?.path();
        if path.is_dir() && has_data(&path) {
            found.push(path);
        }
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!(
            "{} holds no botocore/data directory; pass the sdist .tar.gz or its unpacked top directory",
            from.display()
        ),
        _ => bail!(
            "{} holds several botocore trees; pass one of them",
            from.display()
        ),
    }
}

/// Reads `Name` and `Version` from PKG-INFO (RFC 822 style headers).
fn package_version(pkg_info: &str) -> Result<(String, String)> {
    let field = |key: &str| {
        pkg_info
            .lines()
            .take_while(|l| !l.is_empty())
            .find_map(|l| l.strip_prefix(key).map(|v| v.trim().to_string()))
    };
    let name = field("Name:").context("PKG-INFO has no Name")?;
    let version = field("Version:").context("PKG-INFO has no Version")?;
    if name != "botocore" {
        bail!("PKG-INFO names package {name:?}, not botocore");
    }
    Ok((name, version))
}

/// What changed between two versions of a botocore service model.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ModelDiff {
    /// Operations only in the new model.
    pub operations_added: Vec<String>,
    /// Operations only in the old model.
    pub operations_removed: Vec<String>,
    /// Operations in both whose definitions differ.
    pub operations_changed: Vec<String>,
    /// Shapes only in the new model.
    pub shapes_added: Vec<String>,
    /// Shapes only in the old model.
    pub shapes_removed: Vec<String>,
    /// Shapes in both whose definitions differ.
    pub shapes_changed: Vec<String>,
    /// Other top-level keys (`metadata`, `documentation`, ...) whose values differ.
    pub other_changed: Vec<String>,
}

impl ModelDiff {
    /// True when the two models are equal as JSON values.
    pub fn is_empty(&self) -> bool {
        self.operations_added.is_empty()
            && self.operations_removed.is_empty()
            && self.operations_changed.is_empty()
            && self.shapes_added.is_empty()
            && self.shapes_removed.is_empty()
            && self.shapes_changed.is_empty()
            && self.other_changed.is_empty()
    }
}

impl fmt::Display for ModelDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return writeln!(f, "service model: no change");
        }
        let groups = [
            ("operations added", &self.operations_added),
            ("operations removed", &self.operations_removed),
            ("operations changed", &self.operations_changed),
            ("shapes added", &self.shapes_added),
            ("shapes removed", &self.shapes_removed),
            ("shapes changed", &self.shapes_changed),
            ("other top-level keys changed", &self.other_changed),
        ];
        writeln!(f, "service model changes:")?;
        for (title, names) in groups {
            if !names.is_empty() {
                writeln!(f, "  {title} ({}): {}", names.len(), names.join(", "))?;
            }
        }
        Ok(())
    }
}

/// Compares two service models (`service-2.json` values) by operation and shape.
///
/// Names keep the new model's order (removed ones the old model's order). Entries are compared
/// as JSON values, so formatting and key order do not count as changes.
pub fn diff_models(old: &Value, new: &Value) -> ModelDiff {
    let empty = serde_json::Map::new();
    let section = |model: &Value, key: &str| model.get(key).and_then(Value::as_object).cloned();
    let mut diff = ModelDiff::default();
    for (key, added, removed, changed) in [
        (
            "operations",
            &mut diff.operations_added,
            &mut diff.operations_removed,
            &mut diff.operations_changed,
        ),
        (
            "shapes",
            &mut diff.shapes_added,
            &mut diff.shapes_removed,
            &mut diff.shapes_changed,
        ),
    ] {
        let old_map = section(old, key).unwrap_or_else(|| empty.clone());
        let new_map = section(new, key).unwrap_or_else(|| empty.clone());
        for (name, value) in &new_map {
            match old_map.get(name) {
                None => added.push(name.clone()),
                Some(prev) if prev != value => changed.push(name.clone()),
                Some(_) => {}
            }
        }
        removed.extend(
            old_map
                .keys()
                .filter(|name| !new_map.contains_key(*name))
                .cloned(),
        );
    }
    let top_keys = |model: &Value| -> Vec<String> {
        model
            .as_object()
            .map(|o| o.keys().cloned().collect())
            .unwrap_or_default()
    };
    let mut keys = top_keys(new);
    keys.extend(top_keys(old).into_iter().filter(|k| new.get(k).is_none()));
    diff.other_changed = keys
        .into_iter()
        .filter(|k| k != "operations" && k != "shapes" && old.get(k) != new.get(k))
        .collect();
    diff
}

/// Lower-case hex sha256 of some bytes.
fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The text of `model/SOURCE.md` for a given package version and output set.
fn source_md(version: &str, outputs: &BTreeMap<String, Vec<u8>>, aws4_count: usize) -> String {
    let mut s = String::new();
    s.push_str("# Where the model comes from\n\n");
    s.push_str(&format!(
        "The files in `model/` and `{CONFORMANCE_DIR}/` are copied unchanged (decompressed where the \
         package stores them gzipped) from the **botocore {version}** source distribution on PyPI. \
         This file is written by `cargo xtask update-model`; do not edit it by hand.\n\n"
    ));
    s.push_str("- Package: `botocore`\n");
    s.push_str(&format!("- Version: `{version}`\n"));
    s.push_str(&format!(
        "- Get it: `pip download --no-binary :all: --no-deps botocore=={version}`\n"
    ));
    s.push_str(&format!(
        "- Refresh from it: `cargo xtask update-model --from botocore-{version}.tar.gz`\n"
    ));
    s.push_str(
        "- Licence: Apache-2.0; see `LICENSE.txt` and `NOTICE` in this directory (copied from \
         the package, and also kept beside the conformance vectors).\n\n",
    );
    s.push_str("## Files\n\n| file | from the package | sha256 |\n| --- | --- | --- |\n");
    for w in wanted_files() {
        if let Some(bytes) = outputs.get(&w.dest) {
            s.push_str(&format!(
                "| `{}` | `{}` | `{}` |\n",
                w.dest,
                w.source,
                sha256_hex(bytes)
            ));
        }
    }
    s.push_str(&format!(
        "\n`{CONFORMANCE_DIR}/aws4_testsuite/` is the package's `{AWS4_SUITE}/` directory, \
         copied whole ({aws4_count} files).\n"
    ));
    s
}

/// Writes `bytes` to `path` unless it already holds them; returns whether it wrote.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool> {
    if fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
    Ok(true)
}

/// Every file under `dir`, as paths relative to it (`/`-separated); empty if it does not exist.
fn list_files(dir: &Path) -> Result<Vec<String>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).with_context(|| format!("listing {}", d.display()))? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("under dir");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Refreshes the model and conformance vectors under `root` from the botocore sdist or tree at
/// `from`, rewrites `model/SOURCE.md`, and prints what changed in the service model.
pub fn run(from: &Path, root: &Path) -> Result<()> {
    let is_tarball = from.is_file();
    let source = if is_tarball {
        Source::from_tarball(from)?
    } else if from.is_dir() {
        Source::from_tree(&tree_top(from)?)?
    } else {
        bail!(
            "{} is neither a .tar.gz sdist nor a directory",
            from.display()
        );
    };

    let pkg_info = String::from_utf8(source.get("PKG-INFO")?).context("PKG-INFO is not UTF-8")?;
    let (name, version) = package_version(&pkg_info)?;

    // Gather every output in memory first.
    let mut outputs: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for w in wanted_files() {
        outputs.insert(w.dest.clone(), source.get(&w.source)?);
    }
    let suite_prefix = format!("{AWS4_SUITE}/");
    let suite_dest = format!("{CONFORMANCE_DIR}/aws4_testsuite");
    let mut suite_files = Vec::new();
    for (rel, bytes) in &source.files {
        if let Some(inner) = rel.strip_prefix(&suite_prefix) {
            suite_files.push(inner.to_string());
            outputs.insert(format!("{suite_dest}/{inner}"), bytes.clone());
        }
    }
    if suite_files.is_empty() {
        bail!("{AWS4_SUITE}/ is missing or empty in the source; is it a botocore sdist?");
    }

    // Check the JSON files parse before writing anything.
    for (dest, bytes) in &outputs {
        if dest.ends_with(".json") && !dest.contains("aws4_testsuite") {
            serde_json::from_slice::<Value>(bytes)
                .with_context(|| format!("{dest} from the source is not valid JSON"))?;
        }
    }
    let service_dest = format!("model/{SERVICE}/{API_VERSION}/service-2.json");
    let new_model: Value = serde_json::from_slice(&outputs[&service_dest])?;
    let old_model: Option<Value> = match fs::read(root.join(&service_dest)) {
        Ok(bytes) => serde_json::from_slice(&bytes).ok(),
        Err(_) => None,
    };

    let source_text = source_md(&version, &outputs, suite_files.len());
    outputs.insert("model/SOURCE.md".to_string(), source_text.into_bytes());

    // Write, then drop SigV4 suite files the new package no longer has.
    let mut written = Vec::new();
    for (dest, bytes) in &outputs {
        if write_if_changed(&root.join(dest), bytes)? {
            written.push(dest.clone());
        }
    }
    let mut removed = Vec::new();
    for rel in list_files(&root.join(&suite_dest))? {
        if !suite_files.contains(&rel) {
            let path = root.join(&suite_dest).join(&rel);
            fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
            // Drop directories the removal left empty (remove_dir fails on non-empty ones).
            let suite_root = root.join(&suite_dest);
            let mut dir = path.parent();
            while let Some(d) = dir.filter(|d| *d != suite_root) {
                if fs::remove_dir(d).is_err() {
                    break;
                }
                dir = d.parent();
            }
            removed.push(format!("{suite_dest}/{rel}"));
        }
    }

    println!("{name} {version} from {}", from.display());
    if written.is_empty() && removed.is_empty() {
        println!("files: all {} already up to date", outputs.len());
    } else {
        println!(
            "files: {} written, {} removed, {} unchanged",
            written.len(),
            removed.len(),
            outputs.len() - written.len()
        );
        let in_suite = |dest: &&String| dest.starts_with(&format!("{suite_dest}/"));
        for dest in written.iter().filter(|d| !in_suite(d)) {
            println!("  wrote {dest}");
        }
        let suite_written = written.iter().filter(in_suite).count();
        if suite_written > 0 {
            println!("  wrote {suite_written} files under {suite_dest}/");
        }
        for dest in &removed {
            println!("  removed {dest}");
        }
    }
    match old_model {
        Some(old) => print!("{}", diff_models(&old, &new_model)),
        None => {
            let diff = diff_models(&Value::Null, &new_model);
            println!(
                "service model: new ({} operations, {} shapes)",
                diff.operations_added.len(),
                diff.shapes_added.len()
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn model() -> Value {
        json!({
            "version": "2.0",
            "metadata": {"protocol": "rest-json", "apiVersion": "2020-07-13"},
            "operations": {
                "GetThing": {"name": "GetThing", "http": {"method": "GET", "requestUri": "/t"}},
                "PutThing": {"name": "PutThing", "http": {"method": "PUT", "requestUri": "/t"}}
            },
            "shapes": {
                "Thing": {"type": "structure", "members": {"id": {"shape": "Id"}}},
                "Id": {"type": "string"}
            }
        })
    }

    #[test]
    fn identical_models_have_no_change() {
        let diff = diff_models(&model(), &model());
        assert!(diff.is_empty());
        assert_eq!(diff.to_string(), "service model: no change\n");
    }

    #[test]
    fn key_order_is_not_a_change() {
        let reordered: Value = serde_json::from_str(
            r#"{"shapes": {"Id": {"type": "string"},
                "Thing": {"members": {"id": {"shape": "Id"}}, "type": "structure"}},
               "operations": {
                "PutThing": {"http": {"requestUri": "/t", "method": "PUT"}, "name": "PutThing"},
                "GetThing": {"name": "GetThing", "http": {"method": "GET", "requestUri": "/t"}}},
               "metadata": {"apiVersion": "2020-07-13", "protocol": "rest-json"},
               "version": "2.0"}"#,
        )
        .unwrap();
        assert!(diff_models(&model(), &reordered).is_empty());
    }

    #[test]
    fn added_removed_and_changed_are_reported() {
        let old = model();
        let mut new = model();
        let ops = new["operations"].as_object_mut().unwrap();
        ops.remove("PutThing");
        ops.insert("ListThings".into(), json!({"name": "ListThings"}));
        new["operations"]["GetThing"]["deprecated"] = json!(true);
        let shapes = new["shapes"].as_object_mut().unwrap();
        shapes.insert("Name".into(), json!({"type": "string"}));
        new["shapes"]["Id"]["max"] = json!(26);
        new["metadata"]["serviceId"] = json!("thing");

        let diff = diff_models(&old, &new);
        assert_eq!(
            diff,
            ModelDiff {
                operations_added: vec!["ListThings".into()],
                operations_removed: vec!["PutThing".into()],
                operations_changed: vec!["GetThing".into()],
                shapes_added: vec!["Name".into()],
                shapes_removed: vec![],
                shapes_changed: vec!["Id".into()],
                other_changed: vec!["metadata".into()],
            }
        );
        let text = diff.to_string();
        assert!(text.contains("operations added (1): ListThings"), "{text}");
        assert!(text.contains("operations removed (1): PutThing"), "{text}");
        assert!(text.contains("shapes changed (1): Id"), "{text}");
        assert!(!text.contains("shapes removed"), "{text}");
    }

    #[test]
    fn removed_shapes_and_top_level_keys() {
        let old = model();
        let mut new = model();
        new["shapes"].as_object_mut().unwrap().remove("Thing");
        new.as_object_mut().unwrap().remove("version");
        let diff = diff_models(&old, &new);
        assert_eq!(diff.shapes_removed, vec!["Thing".to_string()]);
        assert_eq!(diff.other_changed, vec!["version".to_string()]);
        assert!(diff.operations_changed.is_empty());
    }

    #[test]
    fn everything_is_added_against_nothing() {
        let diff = diff_models(&Value::Null, &model());
        assert_eq!(diff.operations_added, vec!["GetThing", "PutThing"]);
        assert_eq!(diff.shapes_added, vec!["Thing", "Id"]);
    }

    #[test]
    fn pkg_info_is_parsed() {
        let text =
            "Metadata-Version: 2.1\nName: botocore\nVersion: 1.43.11\nSummary: x\n\nName: body";
        assert_eq!(
            package_version(text).unwrap(),
            ("botocore".to_string(), "1.43.11".to_string())
        );
        assert!(package_version("Name: boto3\nVersion: 1\n").is_err());
    }

    #[test]
    fn gzipped_files_are_decompressed() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"{\"a\": 1}").unwrap();
        let mut source = Source::default();
        source
            .files
            .insert("botocore/data/x.json.gz".into(), enc.finish().unwrap());
        source.files.insert("plain".into(), b"p".to_vec());
        assert_eq!(source.get("botocore/data/x.json").unwrap(), b"{\"a\": 1}");
        assert_eq!(source.get("plain").unwrap(), b"p");
        assert!(source.get("missing").is_err());
    }

    #[test]
    fn sha256_is_lower_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    /// Builds a miniature sdist as a tarball and as a tree, runs both, and checks the output.
    #[test]
    fn run_from_tarball_and_tree() {
        let base = std::env::temp_dir().join(format!("xtask-update-model-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        let top = base.join("src").join("botocore-9.9.9");
        let files: Vec<(String, Vec<u8>)> = wanted_files()
            .iter()
            .map(|w| {
                let body = if w.source.ends_with("service-2.json") {
                    serde_json::to_vec(&model()).unwrap()
                } else if w.source.ends_with(".json") {
                    b"{}".to_vec()
                } else {
                    format!("text of {}", w.source).into_bytes()
                };
                (w.source.clone(), body)
            })
            .chain([
                (
                    "PKG-INFO".to_string(),
                    b"Name: botocore\nVersion: 9.9.9\n".to_vec(),
                ),
                (
                    format!("{AWS4_SUITE}/get-vanilla/get-vanilla.req"),
                    b"GET /".to_vec(),
                ),
                (format!("{AWS4_SUITE}/LICENSE"), b"licence".to_vec()),
                ("botocore/data/other/x.json".to_string(), b"{}".to_vec()),
            ])
            .collect();
        for (rel, bytes) in &files {
            let p = top.join(rel);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, bytes).unwrap();
        }
        let tarball = base.join("botocore-9.9.9.tar.gz");
        {
            let gz = flate2::write::GzEncoder::new(
                fs::File::create(&tarball).unwrap(),
                flate2::Compression::fast(),
            );
            let mut builder = tar::Builder::new(gz);
            builder.append_dir_all("botocore-9.9.9", &top).unwrap();
            builder.into_inner().unwrap().finish().unwrap();
        }

        let root_a = base.join("a");
        let stale = root_a
            .join(CONFORMANCE_DIR)
            .join("aws4_testsuite/old/old.req");
        fs::create_dir_all(stale.parent().unwrap()).unwrap();
        fs::write(&stale, b"old").unwrap();
        run(&tarball, &root_a).unwrap();
        let root_b = base.join("b");
        run(&base.join("src"), &root_b).unwrap();

        for root in [&root_a, &root_b] {
            let service = root.join("model/finspace-data/2020-07-13/service-2.json");
            assert_eq!(fs::read(service).unwrap(), files[0].1);
            assert_eq!(
                fs::read(root.join(CONFORMANCE_DIR).join("aws4_testsuite/LICENSE")).unwrap(),
                b"licence"
            );
            assert!(root.join(CONFORMANCE_DIR).join("NOTICE").is_file());
            let md = fs::read_to_string(root.join("model/SOURCE.md")).unwrap();
            assert!(md.contains("botocore==9.9.9"), "{md}");
            assert!(md.contains(&sha256_hex(&files[0].1)), "{md}");
        }
        assert!(!stale.exists(), "stale suite files are removed");
        assert!(
            !stale.parent().unwrap().exists(),
            "and their emptied directories"
        );
        assert!(!root_a.join("model/other").exists());
        let listed = list_files(&root_a).unwrap();
        let listed_b = list_files(&root_b).unwrap();
        assert_eq!(listed, listed_b);
        fs::remove_dir_all(&base).unwrap();
    }
}
