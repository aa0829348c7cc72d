//! Conformance helpers, emitted only with `GenerateOptions::conformance_helpers`: conversions
//! between every generated type and botocore's "params" form (member names, timestamps as
//! epoch seconds, blobs as text) and `send_params`, which calls an operation by name. The
//! traits they implement live in the crate named by the option; FinSpace never gets this file.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::op_names;
use super::rust_types::rust_type;
use crate::error::CodegenError;
use crate::ir::{Service, ShapeKind};
use crate::naming::{ident, type_name};

/// `src/conformance.rs`; `helpers` is the path of the module with `Params`, `ErrorParams` and
/// `sent`.
pub fn conformance_rs(svc: &Service, helpers: &str) -> Result<TokenStream, CodegenError> {
    let path: syn::Path = syn::parse_str(helpers)
        .map_err(|e| CodegenError::invalid("options", format!("conformance helpers path: {e}")))?;
    let p = quote!(#path);
    let mut impls = Vec::new();
    for shape in &svc.shapes {
        let ty = match &shape.kind {
            ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) => {
                rust_type(svc, svc.by_name[&shape.wire_name])?
            }
            _ => continue,
        };
        let what = &shape.wire_name;
        impls.push(match &shape.kind {
            ShapeKind::Structure(st) => {
                let names: Vec<&str> = st.members.iter().map(|m| m.name.as_str()).collect();
                let fields: Vec<_> = st.members.iter().map(|m| ident(&m.field)).collect();
                quote! {
                    impl #p::Params for #ty {
                        fn from_params(v: &sdk_runtime::serde_json::Value) -> Result<Self, String> {
                            let obj = v.as_object().ok_or_else(|| format!("{}: expected an object", #what))?;
                            #[allow(unused_mut)]
                            let mut out = Self::default();
                            #(
                                if let Some(x) = obj.get(#names).filter(|x| !x.is_null()) {
                                    out.#fields = Some(#p::Params::from_params(x).map_err(|e| format!("{}: {e}", #names))?);
                                }
                            )*
                            let _ = obj;
                            Ok(out)
                        }
                        fn to_params(&self) -> sdk_runtime::serde_json::Value {
                            #[allow(unused_mut)]
                            let mut obj = sdk_runtime::serde_json::Map::new();
                            #(
                                if let Some(x) = &self.#fields {
                                    obj.insert(#names.into(), #p::Params::to_params(x));
                                }
                            )*
                            sdk_runtime::serde_json::Value::Object(obj)
                        }
                    }
                }
            }
            ShapeKind::Union(st) => {
                let names: Vec<&str> = st.members.iter().map(|m| m.name.as_str()).collect();
                let variants: Vec<_> = st
                    .members
                    .iter()
                    .map(|m| ident(&type_name(&m.name)))
                    .collect();
                quote! {
                    impl #p::Params for #ty {
                        fn from_params(v: &sdk_runtime::serde_json::Value) -> Result<Self, String> {
                            let obj = v.as_object().ok_or_else(|| format!("{}: expected an object", #what))?;
                            let mut set = obj.iter().filter(|(_, x)| !x.is_null());
                            let (key, x) = set.next().ok_or_else(|| format!("{}: no member set", #what))?;
                            if set.next().is_some() {
                                return Err(format!("{}: several members set", #what));
                            }
                            match key.as_str() {
                                #( #names => Ok(Self::#variants(#p::Params::from_params(x)?)), )*
                                other => Err(format!("{}: unknown member `{other}`", #what)),
                            }
                        }
                        fn to_params(&self) -> sdk_runtime::serde_json::Value {
                            let mut obj = sdk_runtime::serde_json::Map::new();
                            match self {
                                #( Self::#variants(x) => { obj.insert(#names.into(), #p::Params::to_params(x)); } )*
                                _ => {}
                            }
                            sdk_runtime::serde_json::Value::Object(obj)
                        }
                    }
                }
            }
            _ => quote! {
                impl #p::Params for #ty {
                    fn from_params(v: &sdk_runtime::serde_json::Value) -> Result<Self, String> {
                        v.as_str().map(Self::from).ok_or_else(|| format!("{}: expected a string", #what))
                    }
                    fn to_params(&self) -> sdk_runtime::serde_json::Value {
                        self.as_str().into()
                    }
                }
            },
        });
    }
    let mut arms = Vec::new();
    for op in &svc.operations {
        let n = op_names(svc, op)?;
        let (module, error, input) = (&n.module, &n.error, &n.input);
        let name = &op.name;
        let variants: Vec<_> = op
            .errors
            .iter()
            .map(|id| ident(&svc.shape(*id).rust_name))
            .collect();
        let codes: Vec<&str> = op
            .errors
            .iter()
            .map(|id| svc.shape(*id).wire_name.as_str())
            .collect();
        impls.push(quote! {
            impl #p::ErrorParams for crate::operation::#module::#error {
                fn modelled_shape(&self) -> Option<&'static str> {
                    match self {
                        #( Self::#variants(_) => Some(#codes), )*
                        _ => None,
                    }
                }
                fn fields(&self) -> sdk_runtime::serde_json::Value {
                    match self {
                        #( Self::#variants(e) => #p::Params::to_params(e), )*
                        _ => sdk_runtime::serde_json::Value::Object(Default::default()),
                    }
                }
            }
        });
        arms.push(quote! {
            #name => {
                let input = <#input as #p::Params>::from_params(&params)?;
                Ok(#p::sent(client.send_input(input).await))
            }
        });
    }
    Ok(quote! {
        //! Conformance helpers: botocore params <-> generated types, and operations by name.

        #(#impls)*

        /// Calls `operation` with `params` (botocore member names) through a client built from
        /// `config`; `Err` when the params do not fit the input.
        pub fn send_params(
            config: sdk_runtime::Config,
            operation: &str,
            params: &sdk_runtime::serde_json::Value,
        ) -> sdk_runtime::BoxFuture<'static, Result<#p::Sent, String>> {
            let client = crate::Client::from_conf(config);
            let operation = operation.to_owned();
            let params = params.clone();
            Box::pin(async move {
                let _ = (&client, &params);
                match operation.as_str() {
                    #(#arms)*
                    other => Err(format!("unknown operation `{other}`")),
                }
            })
        }
    })
}
