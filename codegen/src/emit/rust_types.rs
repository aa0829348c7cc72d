//! Maps IR shapes to the Rust types that hold them: strings to `String`, integers to `i32`,
//! longs to `i64`, floats to `f32`, doubles to `f64`, timestamps, blobs and documents to the
//! runtime's `DateTime`, `Blob` and `Document`, lists to `Vec`, maps to `BTreeMap` (ordered, so a serialized request body and
//! its signature are the same bytes on every run), structures and enums to their generated types.

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::CodegenError;
use crate::ir::{Service, ShapeId, ShapeKind};
use crate::naming::ident;

/// The Rust type of a value of shape `id`, as seen from inside the generated crate.
pub fn rust_type(svc: &Service, id: ShapeId) -> Result<TokenStream, CodegenError> {
    let shape = svc.shape(id);
    Ok(match &shape.kind {
        ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) => {
            let name = ident(&shape.rust_name);
            if shape.exception.is_some() {
                quote!(crate::types::error::#name)
            } else {
                quote!(crate::types::#name)
            }
        }
        ShapeKind::String => quote!(String),
        ShapeKind::Integer => quote!(i32),
        ShapeKind::Long => quote!(i64),
        ShapeKind::Boolean => quote!(bool),
        ShapeKind::Float => quote!(f32),
        ShapeKind::Double => quote!(f64),
        ShapeKind::Timestamp => quote!(sdk_runtime::DateTime),
        ShapeKind::Blob => quote!(sdk_runtime::Blob),
        ShapeKind::Document => quote!(sdk_runtime::Document),
        ShapeKind::List { member } => {
            let inner = rust_type(svc, *member)?;
            quote!(Vec<#inner>)
        }
        ShapeKind::Map { key, value } => {
            if !matches!(svc.shape(*key).kind, ShapeKind::String | ShapeKind::Enum(_)) {
                return Err(CodegenError::unsupported(
                    &shape.wire_name,
                    "a map key that is not a string",
                ));
            }
            let k = rust_type(svc, *key)?;
            let v = rust_type(svc, *value)?;
            quote!(std::collections::BTreeMap<#k, #v>)
        }
    })
}

/// How an accessor hands out a field of this shape.
pub enum Access {
    /// `Option<&str>` via `as_deref`.
    Str,
    /// `Option<T>` by copy.
    Copy,
    /// `&[T]`, empty when unset.
    Slice,
    /// `Option<&T>`.
    Ref,
}

/// The accessor style for a shape.
pub fn access(svc: &Service, id: ShapeId) -> Access {
    match svc.shape(id).kind {
        ShapeKind::String => Access::Str,
        ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::Boolean
        | ShapeKind::Float
        | ShapeKind::Double
        | ShapeKind::Timestamp => Access::Copy,
        ShapeKind::List { .. } => Access::Slice,
        _ => Access::Ref,
    }
}
