//! Unions: a `#[non_exhaustive]` enum with one variant per member plus `Unknown` for members a
//! newer service sends, serialized as a JSON object with exactly one key. Reading ignores
//! `__type` and `null` members and rejects objects with no or several members set.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{deprecated_attr, doc_attrs};
use super::rust_types::rust_type;
use super::serialize::timestamp_format_tokens;
use super::structs::REDACTED;
use crate::error::CodegenError;
use crate::ir::{Service, ShapeDef, ShapeKind, StructDef, TimestampFormat};
use crate::naming::{ident, type_name};

/// One union's file.
pub fn emit_union(
    svc: &Service,
    shape: &ShapeDef,
    st: &StructDef,
) -> Result<TokenStream, CodegenError> {
    let name = ident(&shape.rust_name);
    let docs = doc_attrs(&shape.docs, &format!("The `{}` union.", shape.wire_name));
    let deprecated = deprecated_attr(&shape.deprecated);
    let mut variants = Vec::new();
    let mut ser_arms = Vec::new();
    let mut de_arms = Vec::new();
    let mut accessors = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for m in &st.members {
        let variant_name = type_name(&m.name);
        if variant_name == "Unknown" || !seen.insert(variant_name.clone()) {
            return Err(CodegenError::invalid(
                &shape.wire_name,
                format!(
                    "union member `{}` maps to a taken variant name `{variant_name}`",
                    m.name
                ),
            ));
        }
        let v = ident(&variant_name);
        let ty = rust_type(svc, m.target)?;
        let field_ty = if m.boxed {
            quote!(Box<#ty>)
        } else {
            ty.clone()
        };
        let wire = &m.wire_name;
        let mdocs = doc_attrs(&m.docs, &format!("The `{}` member.", m.name));
        let mdep = deprecated_attr(&m.deprecated);
        variants.push(quote! { #mdocs #mdep #v(#field_ty), });
        let (to_json, from_json) = match svc.shape(m.target).kind {
            ShapeKind::Float | ShapeKind::Double => (
                quote!(&sdk_runtime::wire::json_adapters::float_to_value(*v)),
                quote!(sdk_runtime::wire::json_adapters::float_from_value(&value)
                    .map_err(serde::de::Error::custom)?),
            ),
            ShapeKind::Timestamp => {
                let f = svc.timestamp_format(
                    m.timestamp_format,
                    m.target,
                    TimestampFormat::EpochSeconds,
                );
                let f = timestamp_format_tokens(f);
                (
                    quote!(&sdk_runtime::wire::json_adapters::timestamp_to_value(v, #f)),
                    quote!(sdk_runtime::wire::json_adapters::timestamp_from_value(&value, #f).map_err(serde::de::Error::custom)?),
                )
            }
            _ => (
                quote!(v),
                quote!(
                    sdk_runtime::serde_json::from_value(value).map_err(serde::de::Error::custom)?
                ),
            ),
        };
        let from_json = if m.boxed {
            quote!(Box::new(#from_json))
        } else {
            from_json
        };
        ser_arms.push(quote!(#name::#v(v) => map.serialize_entry(#wire, #to_json)?,));
        de_arms.push(quote!(#wire => #name::#v(#from_json),));
        let as_fn = quote::format_ident!("as_{}", crate::naming::module_name(&variant_name));
        let as_doc = format!(" The `{}` value, if that is the member set.", m.name);
        accessors.push(quote! {
            #[doc = #as_doc]
            pub fn #as_fn(&self) -> Option<&#field_ty> {
                match self {
                    #name::#v(v) => Some(v),
                    _ => None,
                }
            }
        });
    }
    let sensitive = shape.sensitive || st.members.iter().any(|m| m.sensitive);
    let (debug_derive, debug_impl) = if sensitive {
        (
            quote!(),
            quote! {
                impl std::fmt::Debug for #name {
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(#REDACTED)
                    }
                }
            },
        )
    } else {
        (quote!(Debug,), quote!())
    };
    Ok(quote! {
        #docs
        #deprecated
        #[non_exhaustive]
        #[derive(Clone, PartialEq, #debug_derive)]
        pub enum #name {
            #(#variants)*
            /// A member this version of the SDK does not know (sent by a newer service). It
            /// cannot be serialized.
            Unknown,
        }

        impl #name {
            #(#accessors)*

            /// True for a member this version of the SDK does not know.
            pub fn is_unknown(&self) -> bool {
                matches!(self, #name::Unknown)
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeMap;
                let mut map = serializer.serialize_map(Some(1))?;
                match self {
                    #(#ser_arms)*
                    #name::Unknown => {
                        return Err(serde::ser::Error::custom("cannot serialize an unknown union member"))
                    }
                }
                map.end()
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let object = <sdk_runtime::serde_json::Map<String, sdk_runtime::serde_json::Value> as serde::Deserialize>::deserialize(deserializer)?;
                let mut found = None;
                for (key, value) in object {
                    if value.is_null() || key == "__type" {
                        continue;
                    }
                    if found.is_some() {
                        return Err(serde::de::Error::custom("more than one union member is set"));
                    }
                    found = Some(match key.as_str() {
                        #(#de_arms)*
                        _ => #name::Unknown,
                    });
                }
                found.ok_or_else(|| serde::de::Error::custom("no union member is set"))
            }
        }

        #debug_impl
    })
}
