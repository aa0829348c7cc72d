//! The JSON form of a structure: a `sdk_runtime::json_struct!` table of its body members
//! (field, wire name, codec), which expands to `Serialize`, `Deserialize` and the runtime's
//! one-`match` field reader. Members bound elsewhere (headers, labels, query, payload, status
//! code) are left out, so they are neither written nor read as JSON. The generated crate so
//! needs no `serde_derive`, and each structure compiles to far less code than derived impls.

use proc_macro2::TokenStream;
use quote::quote;

use crate::error::CodegenError;
use crate::ir::{Location, MemberDef, Service, ShapeDef, ShapeKind, StructDef, TimestampFormat};
use crate::naming::ident;

/// `sdk_runtime::json_struct!` for one structure: a table of its body members.
pub fn struct_serde(
    svc: &Service,
    shape: &ShapeDef,
    st: &StructDef,
) -> Result<TokenStream, CodegenError> {
    let name = ident(&shape.rust_name);
    let mut rows = Vec::new();
    for m in st.members.iter().filter(|m| m.location == Location::Body) {
        let f = ident(&m.field);
        let wire = &m.wire_name;
        // Error bodies of some services spell the message member with a capital letter.
        let alias = match wire.as_str() {
            "message" if shape.exception.is_some() => quote!(| "Message"),
            "Message" if shape.exception.is_some() => quote!(| "message"),
            _ => quote!(),
        };
        let codec = ident(codec(svc, &shape.wire_name, m)?);
        rows.push(quote!(#f: #wire #alias => #codec));
    }
    Ok(quote! {
        sdk_runtime::json_struct!(#name { #(#rows),* });
    })
}

/// The codec of a body member: the marker type in `sdk_runtime::wire::json_codec` for how its
/// JSON form differs from its Rust type's own serde form. Unsupported combinations are named
/// errors.
fn codec(svc: &Service, owner: &str, m: &MemberDef) -> Result<&'static str, CodegenError> {
    let what = || format!("{owner}.{}", m.name);
    let default_ts = |id| {
        svc.timestamp_format(None, id, TimestampFormat::EpochSeconds)
            == TimestampFormat::EpochSeconds
    };
    Ok(match &svc.shape(m.target).kind {
        ShapeKind::Float | ShapeKind::Double => "Float",
        ShapeKind::Timestamp => {
            match svc.timestamp_format(m.timestamp_format, m.target, TimestampFormat::EpochSeconds)
            {
                TimestampFormat::EpochSeconds => "Plain",
                TimestampFormat::Iso8601 => "DateTimeText",
                TimestampFormat::HttpDate => "HttpDateText",
            }
        }
        ShapeKind::List { member } => match svc.shape(*member).kind {
            ShapeKind::Float | ShapeKind::Double => "FloatList",
            ShapeKind::Timestamp if !default_ts(*member) => {
                return Err(CodegenError::unsupported(
                    &what(),
                    "a list of timestamps with a non-default `timestampFormat` in a JSON body",
                ))
            }
            _ => "DenseList",
        },
        ShapeKind::Map { value, .. } => match svc.shape(*value).kind {
            ShapeKind::Float | ShapeKind::Double => {
                return Err(CodegenError::unsupported(
                    &what(),
                    "a map of floats in a JSON body",
                ))
            }
            ShapeKind::Timestamp if !default_ts(*value) => {
                return Err(CodegenError::unsupported(
                    &what(),
                    "a map of timestamps with a non-default `timestampFormat` in a JSON body",
                ))
            }
            _ => "DenseMap",
        },
        _ => "Plain",
    })
}
