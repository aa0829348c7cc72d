//! Operations: per operation one file holding the `Client` method (required members as
//! positional arguments), the fluent builder, the error enum, and the rest-json request
//! serializer and response parser that the runtime's `invoke` drives.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::deserialize::response_parser;
use super::docs::{deprecated_attr, doc_attrs};
use super::rust_types::rust_type;
use super::serialize::request_serializer;
use crate::error::CodegenError;
use crate::ir::{MemberDef, OperationDef, Service, ShapeKind, StructDef};
use crate::naming::ident;

/// The members of an operation's input structure (empty when it has none).
pub fn input_members<'a>(svc: &'a Service, op: &OperationDef) -> &'a [MemberDef] {
    match op.input.map(|id| &svc.shape(id).kind) {
        Some(ShapeKind::Structure(StructDef { members, .. })) => members,
        _ => &[],
    }
}

/// Names derived from an operation, shared by every emitter.
pub struct OpNames {
    pub module: proc_macro2::Ident,
    pub method: proc_macro2::Ident,
    pub fluent: proc_macro2::Ident,
    pub error: proc_macro2::Ident,
    pub input: TokenStream,
    pub output: TokenStream,
}

/// Computes the Rust names for `op`.
pub fn op_names(svc: &Service, op: &OperationDef) -> Result<OpNames, CodegenError> {
    let input = op.input.ok_or_else(|| {
        CodegenError::unsupported(&op.name, "an operation without an input shape")
    })?;
    let output = match op.output {
        Some(id) => rust_type(svc, id)?,
        None => quote!(()),
    };
    Ok(OpNames {
        module: ident(op.fn_name.trim_start_matches("r#")),
        method: ident(&op.fn_name),
        fluent: format_ident!("{}FluentBuilder", op.name),
        error: format_ident!("{}Error", op.name),
        input: rust_type(svc, input)?,
        output,
    })
}

/// One operation's file.
pub fn emit_operation(svc: &Service, op: &OperationDef) -> Result<TokenStream, CodegenError> {
    let n = op_names(svc, op)?;
    let members = input_members(svc, op);
    let client_method = client_method(svc, op, &n, members)?;
    let fluent = fluent_builder(svc, op, &n, members)?;
    let error_enum = error_enum(svc, op, &n);
    let serializer = request_serializer(svc, op, members)?;
    let parser = response_parser(svc, op, &n)?;
    let paginator = super::paginators::emit_paginator(svc, op)?;
    let name = &op.name;
    let input = &n.input;
    let output = &n.output;
    let error = &n.error;
    let fill_tokens = members.iter().filter(|m| m.idempotency_token).map(|m| {
        let f = ident(&m.field);
        quote! {
            if input.#f.is_none() {
                input.#f = Some(handle.config().idempotency_token());
            }
        }
    });
    let mut_kw = if members.iter().any(|m| m.idempotency_token) {
        quote!(mut)
    } else {
        quote!()
    };
    let module_doc =
        format!(" The `{name}` operation: client method, fluent builder, errors, and wire format.");
    Ok(quote! {
        #![doc = #module_doc]

        static META: sdk_runtime::OperationMeta = sdk_runtime::OperationMeta { name: #name };

        #client_method
        #fluent
        #paginator
        #error_enum

        impl crate::operation::SendInput for #input {
            type Output = #output;
            type Error = #error;
            fn send_with(
                self,
                handle: &sdk_runtime::ClientHandle,
            ) -> impl std::future::Future<Output = Result<#output, crate::error::Error<#error>>> + Send {
                send(handle, self)
            }
        }

        impl crate::operation::sealed::Sealed for #input {}

        /// Fills idempotency tokens once (so every retry carries the same one), serializes, and
        /// hands the request to the runtime.
        async fn send(
            handle: &sdk_runtime::ClientHandle,
            #mut_kw input: #input,
        ) -> Result<#output, crate::error::Error<#error>> {
            #(#fill_tokens)*
            let request = serialize_request(&input);
            handle.invoke(&META, request, parse_response).await
        }

        #serializer
        #parser
    })
}

/// Rust type of a positional argument for a required member.
fn arg_type(svc: &Service, m: &MemberDef) -> Result<TokenStream, CodegenError> {
    let ty = rust_type(svc, m.target)?;
    Ok(if by_value(svc, m) {
        ty
    } else {
        quote!(impl Into<#ty>)
    })
}

/// Required members of these kinds are positional arguments by value, not `impl Into`.
fn by_value(svc: &Service, m: &MemberDef) -> bool {
    matches!(
        svc.shape(m.target).kind,
        ShapeKind::Integer
            | ShapeKind::Long
            | ShapeKind::Boolean
            | ShapeKind::Float
            | ShapeKind::Double
    )
}

fn client_method(
    svc: &Service,
    op: &OperationDef,
    n: &OpNames,
    members: &[MemberDef],
) -> Result<TokenStream, CodegenError> {
    let required: Vec<&MemberDef> = members.iter().filter(|m| m.required).collect();
    let mut args = Vec::new();
    let mut sets = Vec::new();
    for m in &required {
        let f = ident(&m.field);
        let ty = arg_type(svc, m)?;
        let set = format_ident!(
            "set_{}",
            m.field.trim_start_matches("r#").trim_end_matches('_')
        );
        args.push(quote!(#f: #ty));
        let value = if by_value(svc, m) {
            quote!(#f)
        } else {
            quote!(#f.into())
        };
        let value = if m.boxed {
            quote!(Box::new(#value))
        } else {
            value
        };
        sets.push(quote!(.#set(Some(#value))));
    }
    let mut text = op.docs.clone();
    if !required.is_empty() {
        text.push_str("\n\nRequired members, in model order, are the arguments:");
        for m in &required {
            text.push_str(&format!(
                "\n- `{}`: the `{}` member",
                m.field.trim_start_matches("r#"),
                m.name
            ));
        }
    }
    if let Some(p) = op.paginator.as_ref().filter(|p| p.inferred) {
        text.push_str("\n\n");
        text.push_str(&super::paginators::inferred_note(p));
    }
    text.push_str(&format!(
        "\n\nOptional members are set on the returned [`{}`](crate::operation::{}::{}); finish with `send().await`.",
        n.fluent, n.module, n.fluent
    ));
    let docs = doc_attrs(&text, "");
    let dep = deprecated_attr(&op.deprecated);
    let method = &n.method;
    let fluent = &n.fluent;
    let input = &n.input;
    let builder = builder_type(input);
    // Required members are positional by design, however many the model has.
    let allow = if args.len() > 6 {
        quote!(#[allow(clippy::too_many_arguments)])
    } else {
        quote!()
    };
    Ok(quote! {
        impl crate::Client {
            #docs
            #dep
            #allow
            pub fn #method(&self, #(#args),*) -> #fluent {
                #fluent {
                    handle: self.handle.clone(),
                    inner: #builder::default() #(#sets)*,
                }
            }
        }
    })
}

/// `crate::types::XBuilder` from `crate::types::X`.
pub(super) fn builder_type(input: &TokenStream) -> TokenStream {
    let text = format!("{input}Builder").replace(' ', "");
    text.parse().unwrap_or_else(|_| input.clone())
}

fn fluent_builder(
    svc: &Service,
    op: &OperationDef,
    n: &OpNames,
    members: &[MemberDef],
) -> Result<TokenStream, CodegenError> {
    let fluent = &n.fluent;
    let input = &n.input;
    let output = &n.output;
    let error = &n.error;
    let builder = builder_type(input);
    let mut setters = Vec::new();
    for m in members.iter().filter(|m| !m.required) {
        setters.push(fluent_setter(svc, m)?);
    }
    let doc = format!(
        " Fluent builder for the `{}` operation; created by `Client::{}`.",
        op.name,
        op.fn_name.trim_start_matches("r#")
    );
    let dep = deprecated_attr(&op.deprecated);
    Ok(quote! {
        #[doc = #doc]
        #[derive(Clone, Debug)]
        pub struct #fluent {
            handle: std::sync::Arc<sdk_runtime::ClientHandle>,
            inner: #builder,
        }

        impl #fluent {
            #(#setters)*

            /// The input built so far.
            pub fn as_input(&self) -> &#builder {
                &self.inner
            }

            /// Sends the request and waits for the response (with retries).
            #dep
            pub async fn send(self) -> Result<#output, crate::error::Error<#error>> {
                send(&self.handle, self.inner.build()).await
            }
        }
    })
}

fn fluent_setter(svc: &Service, m: &MemberDef) -> Result<TokenStream, CodegenError> {
    let s = ident(&m.setter);
    let bare = m.field.trim_start_matches("r#").trim_end_matches('_');
    let set = format_ident!("set_{}", bare);
    let full = rust_type(svc, m.target)?;
    let full = if m.boxed { quote!(Box<#full>) } else { full };
    let docs = doc_attrs(&m.docs, &format!("The `{}` member.", m.name));
    let dep = deprecated_attr(&m.deprecated);
    let set_doc = format!(" Sets or clears `{}`.", m.name);
    let main = match &svc.shape(m.target).kind {
        ShapeKind::List { member } => {
            let item = rust_type(svc, *member)?;
            let d = format!(" Appends one item to `{}`.", m.name);
            quote! {
                #[doc = #d]
                #docs
                #dep
                pub fn #s(mut self, item: impl Into<#item>) -> Self {
                    self.inner = self.inner.#s(item);
                    self
                }
            }
        }
        ShapeKind::Map { key, value } => {
            let k = rust_type(svc, *key)?;
            let v = rust_type(svc, *value)?;
            let d = format!(" Inserts one entry into `{}`.", m.name);
            quote! {
                #[doc = #d]
                #docs
                #dep
                pub fn #s(mut self, key: impl Into<#k>, value: impl Into<#v>) -> Self {
                    self.inner = self.inner.#s(key, value);
                    self
                }
            }
        }
        _ => {
            let ty = rust_type(svc, m.target)?;
            quote! {
                #docs
                #dep
                pub fn #s(mut self, input: impl Into<#ty>) -> Self {
                    self.inner = self.inner.#s(input);
                    self
                }
            }
        }
    };
    Ok(quote! {
        #main
        #[doc = #set_doc]
        #dep
        pub fn #set(mut self, input: Option<#full>) -> Self {
            self.inner = self.inner.#set(input);
            self
        }
    })
}

fn error_enum(svc: &Service, op: &OperationDef, n: &OpNames) -> TokenStream {
    let error = &n.error;
    let variants: Vec<_> = op
        .errors
        .iter()
        .map(|id| ident(&svc.shape(*id).rust_name))
        .collect();
    let variant_docs: Vec<String> = op
        .errors
        .iter()
        .map(|id| {
            let s = svc.shape(*id);
            let first = s.docs.lines().next().unwrap_or("").to_string();
            if first.is_empty() {
                format!(" The service returned `{}`.", s.wire_name)
            } else {
                format!(" `{}`: {first}", s.wire_name)
            }
        })
        .collect();
    let doc = format!(" Errors the `{}` operation can return.", op.name);
    quote! {
        #[doc = #doc]
        #[non_exhaustive]
        #[derive(Debug)]
        pub enum #error {
            #(
                #[doc = #variant_docs]
                #variants(crate::types::error::#variants),
            )*
            /// An error code this operation does not model; see its code and message.
            Unhandled(sdk_runtime::error::UnhandledError),
        }

        sdk_runtime::impl_operation_error!(#error { #(#variants),* });
    }
}
