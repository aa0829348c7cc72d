//! String enums: a `#[non_exhaustive]` enum with one variant per model value plus `Unknown`
//! holding any other string, so values a newer service sends round-trip unchanged.

use proc_macro2::TokenStream;
use quote::quote;

use super::docs::{deprecated_attr, doc_attrs};
use super::structs::REDACTED;
use crate::ir::{EnumDef, ShapeDef};
use crate::naming::ident;

/// One enum's file.
pub fn emit_enum(shape: &ShapeDef, en: &EnumDef) -> TokenStream {
    let name = ident(&shape.rust_name);
    let docs = doc_attrs(
        &shape.docs,
        &format!("The `{}` enumeration.", shape.wire_name),
    );
    let deprecated = deprecated_attr(&shape.deprecated);
    let variants: Vec<_> = en.variants.iter().map(|v| ident(&v.rust_name)).collect();
    let values: Vec<&str> = en.variants.iter().map(|v| v.value.as_str()).collect();
    let variant_docs: Vec<String> = values.iter().map(|v| format!(" `{v}`")).collect();
    let debug = if shape.sensitive {
        quote! {
            impl std::fmt::Debug for #name {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(#REDACTED)
                }
            }
        }
    } else {
        quote!()
    };
    let debug_derive = if shape.sensitive {
        quote!()
    } else {
        quote!(Debug,)
    };

    quote! {
        #docs
        #deprecated
        #[non_exhaustive]
        #[derive(Clone, #debug_derive PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum #name {
            #(
                #[doc = #variant_docs]
                #variants,
            )*
            /// A value this version of the SDK does not know. It holds the string exactly as
            /// received, and serializes back to it. Construct values with `From<&str>`.
            Unknown(String),
        }

        impl #name {
            /// The string this value has on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #( #name::#variants => #values, )*
                    #name::Unknown(value) => value.as_str(),
                }
            }

            /// Every value the model defines, in model order.
            pub const fn values() -> &'static [&'static str] {
                &[#(#values),*]
            }
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #( #values => #name::#variants, )*
                    other => #name::Unknown(other.to_owned()),
                }
            }
        }

        impl From<String> for #name {
            fn from(value: String) -> Self {
                match #name::from(value.as_str()) {
                    #name::Unknown(_) => #name::Unknown(value),
                    known => known,
                }
            }
        }

        impl std::str::FromStr for #name {
            type Err = std::convert::Infallible;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok(#name::from(s))
            }
        }

        impl AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                sdk_runtime::wire::json_adapters::string_enum(deserializer)
            }
        }

        #debug
    }
}
