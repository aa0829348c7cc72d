//! The committed `generated-sdk/` covers the whole FinSpace Data model: one file defining each of
//! the model's 88 structures and 14 string enums (names computed with `codegen::naming`), fields
//! in model order, re-exported from `types`. Generation is deterministic, and the committed crate
//! is exactly what the generator produces now (what `cargo xtask codegen --check` verifies).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use codegen::load::Shape;
use codegen::{naming, GenerateOptions, ModelFiles};

fn load() -> ModelFiles {
    ModelFiles::load(&tests::finspace_model_path()).unwrap_or_else(|e| panic!("{e}"))
}

fn sdk_dir() -> PathBuf {
    tests::workspace_root().join("generated-sdk")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

fn is_structure(shape: &Shape) -> bool {
    shape.kind == "structure"
}

fn is_enum(shape: &Shape) -> bool {
    shape.kind == "string" && shape.enum_values.is_some()
}

fn is_exception(shape: &Shape) -> bool {
    shape.exception || shape.error.is_some()
}

/// The options `cargo xtask codegen` uses for the default FinSpace run.
fn finspace_options() -> GenerateOptions {
    GenerateOptions::new("finspace-data", "../runtime")
}

fn generate(files: &ModelFiles) -> BTreeMap<PathBuf, String> {
    codegen::generate(files, &finspace_options()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_model_has_88_structures_14_enums_and_7_exceptions() {
    let files = load();
    let shapes = &files.service.shapes;
    let structures = shapes.values().filter(|s| is_structure(s)).count();
    let enums = shapes.values().filter(|s| is_enum(s)).count();
    let exceptions = shapes.values().filter(|s| is_exception(s)).count();
    assert_eq!((structures, enums, exceptions), (88, 14, 7));
}

#[test]
fn every_structure_and_enum_has_its_file_and_export() {
    let files = load();
    let sdk = sdk_dir();
    let mut expected_files = BTreeSet::new();
    let (mut structs, mut enums) = (0, 0);
    for (name, shape) in &files.service.shapes {
        let keyword = if is_structure(shape) {
            structs += 1;
            "struct"
        } else if is_enum(shape) {
            enums += 1;
            "enum"
        } else {
            continue;
        };
        let ty = naming::type_name(name);
        let module = naming::module_name(&ty);
        let dir = if is_exception(shape) {
            "src/types/error"
        } else {
            "src/types"
        };
        let rel = PathBuf::from(format!("{dir}/{module}.rs"));
        let text = read(&sdk.join(&rel));
        assert!(
            text.contains(&format!("pub {keyword} {ty} {{")),
            "{}: does not define `pub {keyword} {ty}` (shape `{name}`)",
            rel.display()
        );
        let mod_rs = read(&sdk.join(dir).join("mod.rs"));
        assert!(
            mod_rs.contains(&format!("mod {module};")),
            "{dir}/mod.rs lacks `mod {module};`"
        );
        assert!(
            mod_rs.contains(&format!("pub use self::{module}::")),
            "{dir}/mod.rs does not re-export {ty}"
        );
        if is_structure(shape) {
            assert!(
                mod_rs.contains(&format!("{ty}Builder")),
                "{dir}/mod.rs does not re-export {ty}Builder"
            );
            // Every member is a field, in model order.
            let mut last = 0;
            for member in shape.members.keys() {
                let field = naming::snake_name(member);
                let decl = format!("pub {field}: Option<");
                let at = text.find(&decl).unwrap_or_else(|| {
                    panic!(
                        "{}: no field `{field}` for `{name}.{member}`",
                        rel.display()
                    )
                });
                assert!(
                    at > last,
                    "{}: field `{field}` is out of model order",
                    rel.display()
                );
                last = at;
            }
        } else {
            for value in shape.enum_values.iter().flatten() {
                let variant = naming::variant_name(value);
                assert!(
                    text.contains(&format!("{ty}::{variant}"))
                        && text.contains(&format!("\"{value}\"")),
                    "{}: no variant `{variant}` for value {value:?}",
                    rel.display()
                );
            }
        }
        expected_files.insert(rel);
    }
    assert_eq!((structs, enums), (88, 14));

    // No type files beyond those: exactly one per structure or enum.
    let mut on_disk = BTreeSet::new();
    for dir in ["src/types", "src/types/error"] {
        for entry in std::fs::read_dir(sdk.join(dir)).expect("read types dir") {
            let entry = entry.expect("dir entry");
            let file = entry.file_name().to_string_lossy().into_owned();
            if file.ends_with(".rs") && file != "mod.rs" {
                on_disk.insert(PathBuf::from(format!("{dir}/{file}")));
            }
        }
    }
    assert_eq!(on_disk, expected_files);
}

#[test]
fn resolved_names_agree_with_the_naming_module() {
    let files = load();
    let service = codegen::resolve::resolve(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(service.shapes.len(), files.service.shapes.len());
    for (def, name) in service.shapes.iter().zip(files.service.shapes.keys()) {
        assert_eq!(&def.wire_name, name);
        assert_eq!(def.rust_name, naming::type_name(name));
        assert_eq!(def.module, naming::module_name(&def.rust_name));
    }
    assert_eq!(service.operations.len(), files.service.operations.len());
    assert_eq!(service.operations.len(), 31);
}

#[test]
fn generation_is_deterministic() {
    let first = generate(&load());
    let second = generate(&load());
    assert_eq!(first.len(), second.len());
    let differing: Vec<&PathBuf> = first
        .keys()
        .filter(|p| first.get(*p) != second.get(*p))
        .collect();
    assert!(differing.is_empty(), "two runs differ in {differing:#?}");
    assert_eq!(first, second);

    let files = load();
    assert_eq!(generate(&files), generate(&files));
}

#[test]
fn every_generated_file_says_it_is_generated() {
    for (path, content) in generate(&load()) {
        let first_line = content.lines().next().unwrap_or_default();
        assert!(
            first_line.contains("cargo xtask codegen") && first_line.contains("do not edit"),
            "{}: first line is {first_line:?}",
            path.display()
        );
    }
}

/// Relative paths of every file under `dir`, skipping `target/` and dot-files.
fn files_under(base: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(base.join(rel)) else {
        return;
    };
    for entry in entries {
        let entry = entry.expect("dir entry");
        let name = entry.file_name();
        if name == "target" || name.to_string_lossy().starts_with('.') {
            continue;
        }
        let child = rel.join(&name);
        if entry.file_type().expect("file type").is_dir() {
            files_under(base, &child, out);
        } else {
            out.push(child);
        }
    }
}

/// The same comparison as `cargo xtask codegen --check`: every generated file is committed with
/// identical content, and no committed generated file is stale.
#[test]
fn committed_crate_matches_the_generator() {
    let generated = generate(&load());
    let sdk = sdk_dir();
    let differing: Vec<&PathBuf> = generated
        .iter()
        .filter(|(rel, content)| {
            std::fs::read_to_string(sdk.join(rel)).ok().as_deref() != Some(content.as_str())
        })
        .map(|(rel, _)| rel)
        .collect();
    let mut on_disk = Vec::new();
    files_under(&sdk, Path::new(""), &mut on_disk);
    let stale: Vec<&PathBuf> = on_disk
        .iter()
        .filter(|rel| !generated.contains_key(*rel))
        .filter(|rel| {
            let text = std::fs::read_to_string(sdk.join(rel)).unwrap_or_default();
            text.lines()
                .next()
                .is_some_and(|l| l.contains("cargo xtask codegen"))
        })
        .collect();
    assert!(
        differing.is_empty() && stale.is_empty(),
        "generated-sdk/ is out of date; run `cargo xtask codegen`.\ndiffering: {differing:#?}\nstale: {stale:#?}"
    );
}
