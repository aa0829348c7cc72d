//! Turns a generated crate (file path -> content, as [`crate::generate`] returns it) into one
//! module with every `mod x;` replaced by its file's content inline, so another crate can
//! `include!` it (the conformance runner does this for each protocol-test suite).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::CodegenError;

/// `pub mod <name> { ... }` holding the whole crate in `files` (rooted at `src/lib.rs`),
/// formatted. Generate it with `GenerateOptions::crate_root` set to where the module will sit.
pub fn crate_as_module(
    name: &str,
    files: &BTreeMap<PathBuf, String>,
) -> Result<String, CodegenError> {
    let lib = Path::new("src/lib.rs");
    let root = parse(files, lib)?;
    let items = inline_items(files, Path::new("src"), root.items)?;
    let ident = syn::Ident::new(name, proc_macro2::Span::call_site());
    let module = syn::ItemMod {
        attrs: root.attrs,
        vis: syn::parse_quote!(pub),
        unsafety: None,
        mod_token: Default::default(),
        ident,
        content: Some((Default::default(), items)),
        semi: None,
    };
    let file = syn::File {
        shebang: None,
        attrs: Vec::new(),
        items: vec![syn::Item::Mod(module)],
    };
    Ok(prettyplease::unparse(&file))
}

fn parse(files: &BTreeMap<PathBuf, String>, path: &Path) -> Result<syn::File, CodegenError> {
    let text = files.get(path).ok_or_else(|| CodegenError::Format {
        path: path.to_path_buf(),
        message: "module file is missing from the generated files".into(),
    })?;
    syn::parse_file(text).map_err(|e| CodegenError::Format {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Replaces `mod x;` items declared in a file whose child modules live in `dir`.
fn inline_items(
    files: &BTreeMap<PathBuf, String>,
    dir: &Path,
    items: Vec<syn::Item>,
) -> Result<Vec<syn::Item>, CodegenError> {
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        match item {
            syn::Item::Mod(mut m) if m.content.is_none() => {
                let name = m.ident.to_string();
                let flat = dir.join(format!("{name}.rs"));
                let nested = dir.join(&name).join("mod.rs");
                let path = if files.contains_key(&flat) {
                    flat
                } else {
                    nested
                };
                let file = parse(files, &path)?;
                let inner = inline_items(files, &dir.join(&name), file.items)?;
                m.attrs.extend(file.attrs);
                m.content = Some((Default::default(), inner));
                m.semi = None;
                out.push(syn::Item::Mod(m));
            }
            other => out.push(other),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inlines_nested_modules() {
        let files: BTreeMap<PathBuf, String> = [
            ("src/lib.rs", "//! Crate docs.\npub mod a;\nmod b;\n"),
            ("src/a.rs", "//! A.\npub fn f() {}\n"),
            ("src/b/mod.rs", "pub mod c;\n"),
            ("src/b/c.rs", "pub struct C;\n"),
        ]
        .into_iter()
        .map(|(p, t)| (PathBuf::from(p), t.to_owned()))
        .collect();
        let text = crate_as_module("suite", &files).unwrap();
        let parsed = syn::parse_file(&text).unwrap();
        assert_eq!(parsed.items.len(), 1);
        for needle in [
            "pub mod suite",
            "//! Crate docs.",
            "pub mod a",
            "//! A.",
            "pub struct C;",
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
        assert!(!text.contains("mod b;"));
        let missing: BTreeMap<PathBuf, String> =
            [(PathBuf::from("src/lib.rs"), "mod gone;".to_owned())].into();
        assert!(crate_as_module("x", &missing).is_err());
    }
}
