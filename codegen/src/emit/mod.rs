//! Stage 3, emit: the IR becomes token streams, one function per concern, collected into an
//! ordered map from output path to tokens (the map, not emission order, decides file order).
//! Nothing here touches the file system.

mod client;
mod conformance;
mod deserialize;
mod docs;
mod enums;
mod krate;
mod operations;
mod paginators;
mod rust_types;
mod serde_impls;
mod serialize;
mod structs;
mod unions;
mod uri;

use std::collections::BTreeMap;
use std::path::PathBuf;

use proc_macro2::TokenStream;

use crate::error::CodegenError;
use crate::ir::{Service, ShapeKind};
use crate::GenerateOptions;

/// Everything one generation run produces, before formatting.
#[derive(Default)]
pub struct Emitted {
    /// Rust files, formatted later by `format`.
    pub rust: BTreeMap<PathBuf, TokenStream>,
    /// Other files (Cargo.toml), already final.
    pub text: BTreeMap<PathBuf, String>,
}

/// Emits the whole crate.
pub fn emit(svc: &Service, opts: &GenerateOptions) -> Result<Emitted, CodegenError> {
    let mut out = Emitted::default();
    let mut type_mods = Vec::new();
    let mut error_mods = Vec::new();
    for shape in &svc.shapes {
        let tokens = match &shape.kind {
            ShapeKind::Structure(st) => structs::emit_struct(svc, shape, st)?,
            ShapeKind::Union(st) => unions::emit_union(svc, shape, st)?,
            ShapeKind::Enum(en) => enums::emit_enum(shape, en),
            _ => continue,
        };
        let dir = if shape.exception.is_some() {
            error_mods.push(shape);
            "src/types/error"
        } else {
            type_mods.push(shape);
            "src/types"
        };
        out.rust
            .insert(PathBuf::from(format!("{dir}/{}.rs", shape.module)), tokens);
    }
    out.rust.insert(
        "src/types/mod.rs".into(),
        krate::types_mod(&type_mods, !error_mods.is_empty()),
    );
    if !error_mods.is_empty() {
        out.rust.insert(
            "src/types/error/mod.rs".into(),
            krate::error_mod(&error_mods),
        );
    }
    for op in &svc.operations {
        let n = operations::op_names(svc, op)?;
        let path = format!("src/operation/{}.rs", n.module);
        out.rust
            .insert(PathBuf::from(path), operations::emit_operation(svc, op)?);
    }
    out.rust
        .insert("src/operation/mod.rs".into(), client::operation_mod(svc)?);
    out.rust
        .insert("src/client.rs".into(), client::client_rs(svc));
    out.rust
        .insert("src/config.rs".into(), client::config_rs(svc, opts));
    out.rust.insert("src/error.rs".into(), client::error_rs());
    out.rust
        .insert("src/lib.rs".into(), krate::lib_rs(svc, opts));
    out.text
        .insert("Cargo.toml".into(), krate::cargo_toml(svc, opts));
    if let Some(helpers) = &opts.conformance_helpers {
        out.rust.insert(
            "src/conformance.rs".into(),
            conformance::conformance_rs(svc, helpers)?,
        );
    }
    if opts.crate_root != "crate" {
        let root: syn::Path = syn::parse_str(&opts.crate_root).map_err(|e| {
            CodegenError::invalid("options", format!("crate root `{}`: {e}", opts.crate_root))
        })?;
        let root = quote::quote!(#root);
        for tokens in out.rust.values_mut() {
            *tokens = reroot(std::mem::take(tokens), &root);
        }
    }
    Ok(out)
}

/// Replaces every path that starts with `crate::` by one that starts with `root::`, so the
/// output works as a module of another crate. `pub(crate)` and other uses of `crate` not
/// followed by `::` are kept.
fn reroot(tokens: TokenStream, root: &TokenStream) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut out = TokenStream::new();
    for (i, tree) in trees.iter().enumerate() {
        match tree {
            TokenTree::Ident(id) if id == "crate" => {
                let path_follows = matches!(
                    (trees.get(i + 1), trees.get(i + 2)),
                    (Some(TokenTree::Punct(a)), Some(TokenTree::Punct(b)))
                        if a.as_char() == ':' && b.as_char() == ':'
                );
                if path_follows {
                    out.extend(root.clone());
                } else {
                    out.extend([tree.clone()]);
                }
            }
            TokenTree::Group(g) => {
                let mut inner = Group::new(g.delimiter(), reroot(g.stream(), root));
                inner.set_span(g.span());
                out.extend([TokenTree::Group(inner)]);
            }
            other => out.extend([other.clone()]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reroot_rewrites_paths_only() {
        let root = quote::quote!(crate::suites::input_01);
        let tokens = quote::quote! {
            pub(crate) fn f(x: crate::types::X) -> Vec<crate::types::Y> { crate_name() }
        };
        let out = reroot(tokens, &root).to_string();
        assert_eq!(
            out,
            quote::quote! {
                pub(crate) fn f(x: crate::suites::input_01::types::X) -> Vec<crate::suites::input_01::types::Y> { crate_name() }
            }
            .to_string()
        );
    }
}
