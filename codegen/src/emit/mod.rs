//! Stage 3, emit: the IR becomes token streams, one function per concern, collected into an
//! ordered map from output path to tokens (the map, not emission order, decides file order).
//! Nothing here touches the file system.

mod client;
mod docs;
mod enums;
mod krate;
mod operations;
mod paginators;
mod rust_types;
mod serialize;
mod structs;
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
        .insert("Cargo.toml".into(), krate::cargo_toml(opts));
    Ok(out)
}
