//! Structures: the struct (its JSON form is in `serde_impls`), accessors, a builder, `Debug` that redacts
//! sensitive members, and for exception shapes `Display` and `std::error::Error`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::docs::{deprecated_attr, doc_attrs};
use super::rust_types::{access, rust_type, Access};
use crate::error::CodegenError;
use crate::ir::{MemberDef, Service, ShapeDef, ShapeKind, StructDef};
use crate::naming::ident;

/// Text `Debug` prints in place of a sensitive value.
pub const REDACTED: &str = "*** Sensitive Data Redacted ***";

/// One structure's file.
pub fn emit_struct(
    svc: &Service,
    shape: &ShapeDef,
    st: &StructDef,
) -> Result<TokenStream, CodegenError> {
    let name = ident(&shape.rust_name);
    let builder = format_ident!("{}Builder", shape.rust_name);
    let docs = doc_attrs(
        &shape.docs,
        &format!("The `{}` structure.", shape.wire_name),
    );
    let deprecated = deprecated_attr(&shape.deprecated);

    let mut fields = Vec::new();
    let mut builder_fields = Vec::new();
    let mut accessors = Vec::new();
    let mut setters = Vec::new();
    let mut build_fields = Vec::new();
    for m in &st.members {
        let f = ident(&m.field);
        let ty = field_type(svc, m)?;
        let mdocs = member_docs(m);
        let mdep = deprecated_attr(&m.deprecated);
        fields.push(quote! {
            #mdocs
            #mdep
            pub #f: Option<#ty>,
        });
        builder_fields.push(quote!(#f: Option<#ty>,));
        accessors.push(accessor(svc, m)?);
        setters.push(setter(svc, m)?);
        build_fields.push(quote!(#f: self.#f,));
    }

    let (meta_field, meta_build) = if shape.exception.is_some() {
        (
            quote! {
                /// Error metadata read from the response (code, message, request id, status).
                pub(crate) meta: sdk_runtime::error::ErrorMetadata,
            },
            quote!(meta: Default::default(),),
        )
    } else {
        (quote!(), quote!())
    };
    let derive_debug = !needs_manual_debug(shape, st);
    let debug_derive = if derive_debug {
        quote!(Debug,)
    } else {
        quote!()
    };
    let manual_debug = if derive_debug {
        quote!()
    } else {
        let a = manual_debug(shape, st, &shape.rust_name, &name);
        let b = manual_debug(
            shape,
            st,
            &format!("{}Builder", shape.rust_name),
            &quote!(#builder),
        );
        quote!(#a #b)
    };
    let exception_impls = exception_impls(shape, st);
    let serde_impls = super::serde_impls::struct_serde(svc, shape, st)?;
    let exception_reader = if shape.exception.is_some() {
        super::deserialize::exception_from_response(svc, shape, st)?
    } else {
        quote!()
    };
    let builder_doc = format!(" A builder for [`{}`].", shape.rust_name);
    let new_doc = format!(" Creates a new builder for [`{}`].", shape.rust_name);
    let build_doc = format!(" Builds the [`{}`].", shape.rust_name);

    Ok(quote! {
        #docs
        #deprecated
        #[non_exhaustive]
        #[derive(Clone, PartialEq, Default, #debug_derive)]
        pub struct #name {
            #(#fields)*
            #meta_field
        }

        impl #name {
            #[doc = #new_doc]
            pub fn builder() -> #builder {
                #builder::default()
            }
            #(#accessors)*
        }

        #[doc = #builder_doc]
        #deprecated
        #[non_exhaustive]
        #[derive(Clone, PartialEq, Default, #debug_derive)]
        pub struct #builder {
            #(#builder_fields)*
        }

        impl #builder {
            #(#setters)*
            #[doc = #build_doc]
            pub fn build(self) -> #name {
                #name { #(#build_fields)* #meta_build }
            }
        }

        #serde_impls
        #manual_debug
        #exception_impls
        #exception_reader
    })
}

fn field_type(svc: &Service, m: &MemberDef) -> Result<TokenStream, CodegenError> {
    let ty = rust_type(svc, m.target)?;
    Ok(if m.boxed { quote!(Box<#ty>) } else { ty })
}

fn member_docs(m: &MemberDef) -> TokenStream {
    let mut text = if m.docs.trim().is_empty() {
        format!("The `{}` member.", m.name)
    } else {
        m.docs.clone()
    };
    if m.required {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str("This member is required.");
    }
    doc_attrs(&text, "")
}

fn accessor(svc: &Service, m: &MemberDef) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let docs = member_docs(m);
    let dep = deprecated_attr(&m.deprecated);
    let ty = rust_type(svc, m.target)?;
    let body = match access(svc, m.target) {
        Access::Str => quote!(pub fn #f(&self) -> Option<&str> { self.#f.as_deref() }),
        Access::Copy => quote!(pub fn #f(&self) -> Option<#ty> { self.#f }),
        Access::Slice => {
            let ShapeKind::List { member } = svc.shape(m.target).kind else {
                unreachable!("slice access is only chosen for lists")
            };
            let item = rust_type(svc, member)?;
            quote!(pub fn #f(&self) -> &[#item] { self.#f.as_deref().unwrap_or_default() })
        }
        Access::Ref if m.boxed => quote!(pub fn #f(&self) -> Option<&#ty> { self.#f.as_deref() }),
        Access::Ref => quote!(pub fn #f(&self) -> Option<&#ty> { self.#f.as_ref() }),
    };
    Ok(quote! { #docs #dep #body })
}

fn setter(svc: &Service, m: &MemberDef) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let s = ident(&m.setter);
    let bare = m.field.trim_start_matches("r#").trim_end_matches('_');
    let set = format_ident!("set_{}", bare);
    let get = format_ident!("get_{}", bare);
    let ty = field_type(svc, m)?;
    let dep = deprecated_attr(&m.deprecated);
    let name = &m.name;
    let (main, main_doc) = match &svc.shape(m.target).kind {
        ShapeKind::List { member } => {
            let item = rust_type(svc, *member)?;
            (
                quote!(pub fn #s(mut self, item: impl Into<#item>) -> Self {
                    self.#f.get_or_insert_with(Vec::new).push(item.into());
                    self
                }),
                format!(
                    " Appends one item to `{name}`; use `set_{bare}` to replace the whole list."
                ),
            )
        }
        ShapeKind::Map { key, value } => {
            let k = rust_type(svc, *key)?;
            let v = rust_type(svc, *value)?;
            (
                quote!(pub fn #s(mut self, key: impl Into<#k>, value: impl Into<#v>) -> Self {
                    self.#f.get_or_insert_with(Default::default).insert(key.into(), value.into());
                    self
                }),
                format!(
                    " Inserts one entry into `{name}`; use `set_{bare}` to replace the whole map."
                ),
            )
        }
        _ => {
            let inner = rust_type(svc, m.target)?;
            let wrap = if m.boxed {
                quote!(Box::new(input.into()))
            } else {
                quote!(input.into())
            };
            (
                quote!(pub fn #s(mut self, input: impl Into<#inner>) -> Self {
                    self.#f = Some(#wrap);
                    self
                }),
                format!(" Sets `{name}`."),
            )
        }
    };
    let set_doc = format!(" Sets or clears `{name}`.");
    let get_doc = format!(" Returns the current value of `{name}`.");
    Ok(quote! {
        #[doc = #main_doc]
        #dep
        #main
        #[doc = #set_doc]
        #dep
        pub fn #set(mut self, input: Option<#ty>) -> Self {
            self.#f = input;
            self
        }
        #[doc = #get_doc]
        #dep
        pub fn #get(&self) -> &Option<#ty> {
            &self.#f
        }
    })
}

fn needs_manual_debug(shape: &ShapeDef, st: &StructDef) -> bool {
    shape.sensitive || st.members.iter().any(|m| m.sensitive)
}

fn manual_debug(
    shape: &ShapeDef,
    st: &StructDef,
    label: &str,
    ty: &dyn quote::ToTokens,
) -> TokenStream {
    let fields = st.members.iter().map(|m| {
        let f = ident(&m.field);
        let name = m.field.trim_start_matches("r#");
        if m.sensitive || shape.sensitive {
            quote!(s.field(#name, &#REDACTED);)
        } else {
            quote!(s.field(#name, &self.#f);)
        }
    });
    quote! {
        impl std::fmt::Debug for #ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let mut s = f.debug_struct(#label);
                #(#fields)*
                s.finish()
            }
        }
    }
}

fn exception_impls(shape: &ShapeDef, st: &StructDef) -> TokenStream {
    let Some(info) = &shape.exception else {
        return quote!();
    };
    let name = ident(&shape.rust_name);
    let code = &info.code;
    let code_doc = format!(" The error code of this exception on the wire (`{code}`).");
    let message = st.members.iter().find(|m| m.field == "message");
    let with_message = format!("{}: {{}}", code.replace('{', "{{").replace('}', "}}"));
    let display = match message {
        Some(_) => quote! {
            match self.message.as_deref() {
                Some(msg) => write!(f, #with_message, msg),
                None => f.write_str(#code),
            }
        },
        None => quote!(f.write_str(#code)),
    };
    let message_fn = match message {
        Some(_) => quote!(self.message.as_deref()),
        None => quote!(None),
    };
    quote! {
        impl #name {
            #[doc = #code_doc]
            pub const CODE: &'static str = #code;

            /// The human-readable message the service sent, if any.
            pub fn error_message(&self) -> Option<&str> {
                #message_fn
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                #display
            }
        }

        impl std::error::Error for #name {}

        impl sdk_runtime::error::ProvideErrorMetadata for #name {
            fn meta(&self) -> &sdk_runtime::error::ErrorMetadata {
                &self.meta
            }
        }
    }
}
