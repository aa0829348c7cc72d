//! Paginators: for operations with a token pair (from `paginators-1.json`, or found in the
//! input and output), `into_paginator()` on the fluent builder and a paginator type whose
//! `send()` streams pages and `items()` streams the result-key items, on the runtime's
//! `paginate` streams.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::operations::{input_members, op_names};
use super::rust_types::rust_type;
use crate::error::CodegenError;
use crate::ir::{MemberDef, OperationDef, PaginatorDef, Service, ShapeKind, StructDef};
use crate::naming::ident;

/// The doc note for operations whose paging the paginators file does not list.
pub fn inferred_note(p: &PaginatorDef) -> String {
    format!(
        "The model's paginators file does not list this operation; the generator found the \
         `{}`/`{}` token pair in its input and output and generated `into_paginator()` for it.",
        p.input_token, p.output_token
    )
}

fn member<'a>(
    members: &'a [MemberDef],
    name: &str,
    op: &str,
) -> Result<&'a MemberDef, CodegenError> {
    members.iter().find(|m| m.name == name).ok_or_else(|| {
        CodegenError::invalid(op, format!("paginator member `{name}` is not in the shape"))
    })
}

/// The paginator for `op`, or nothing when it does not page.
pub fn emit_paginator(svc: &Service, op: &OperationDef) -> Result<TokenStream, CodegenError> {
    let Some(p) = &op.paginator else {
        return Ok(quote!());
    };
    let n = op_names(svc, op)?;
    let ins = input_members(svc, op);
    let outs: &[MemberDef] = match op.output.map(|id| &svc.shape(id).kind) {
        Some(ShapeKind::Structure(StructDef { members, .. })) => members,
        _ => {
            return Err(CodegenError::invalid(
                &op.name,
                "a paginated operation needs an output structure",
            ))
        }
    };
    let in_token = ident(&member(ins, &p.input_token, &op.name)?.field);
    let out_token_member = member(outs, &p.output_token, &op.name)?;
    if !matches!(svc.shape(out_token_member.target).kind, ShapeKind::String) {
        return Err(CodegenError::unsupported(
            &op.name,
            "a pagination token that is not a string",
        ));
    }
    let out_token = ident(&out_token_member.field);

    let fluent = &n.fluent;
    let input = &n.input;
    let output = &n.output;
    let error = &n.error;
    let paginator = format_ident!("{}Paginator", op.name);
    let builder = super::operations::builder_type(input);

    let page_size = match &p.limit_key {
        Some(limit) => {
            let m = member(ins, limit, &op.name)?;
            let setter = format_ident!(
                "set_{}",
                m.field.trim_start_matches("r#").trim_end_matches('_')
            );
            let ty = rust_type(svc, m.target)?;
            let doc = format!(" Sets the page size: the `{limit}` of every request.");
            quote! {
                #[doc = #doc]
                pub fn page_size(mut self, size: #ty) -> Self {
                    self.inner = self.inner.#setter(Some(size));
                    self
                }
            }
        }
        None => quote!(),
    };

    let items = match &p.result_key {
        Some(key) => {
            let m = member(outs, key, &op.name)?;
            let ShapeKind::List { member: item_id } = svc.shape(m.target).kind else {
                return Err(CodegenError::unsupported(
                    &op.name,
                    format!("result key `{key}` that is not a list"),
                ));
            };
            let item = rust_type(svc, item_id)?;
            let field = ident(&m.field);
            let doc = format!(
                " Streams the items of `{key}` across all pages. Consume it with\n \
                 `futures::TryStreamExt::try_next` (`while let Some(item) = items.try_next().await? {{ .. }}`)\n \
                 or any `StreamExt` adapter. An error is yielded once and ends the stream."
            );
            quote! {
                #[doc = #doc]
                pub fn items(self) -> sdk_runtime::paginate::ItemStream<#input, #output, #item, #error> {
                    self.send().items(|page: #output| page.#field.unwrap_or_default())
                }
            }
        }
        None => quote!(),
    };

    let mut paginator_doc = format!(
        "Paginator for `{}`: `send()` streams whole pages, following `{}` until the service\n\
         returns no token or an empty one; each page is a full call with signing and retries.\n\
         A token the service already returned ends the stream with `Error::Pagination`.",
        op.name, p.output_token
    );
    if p.inferred {
        paginator_doc.push_str("\n\n");
        paginator_doc.push_str(&inferred_note(p));
    }
    let paginator_doc = super::docs::doc_attrs(&paginator_doc, "");
    let into_doc = format!(
        " Turns this call into a [`{paginator}`] that follows `{}` across pages.",
        p.output_token
    );

    Ok(quote! {
        impl #fluent {
            #[doc = #into_doc]
            pub fn into_paginator(self) -> #paginator {
                #paginator { handle: self.handle, inner: self.inner, max_pages: None }
            }
        }

        #paginator_doc
        #[derive(Clone, Debug)]
        pub struct #paginator {
            handle: std::sync::Arc<sdk_runtime::ClientHandle>,
            inner: #builder,
            max_pages: Option<usize>,
        }

        impl #paginator {
            #page_size

            /// Stops after this many pages (requests).
            pub fn max_pages(mut self, pages: usize) -> Self {
                self.max_pages = Some(pages);
                self
            }

            /// Streams the pages. Consume it with `futures::TryStreamExt::try_next` or any
            /// `StreamExt` adapter; an error is yielded once and ends the stream.
            pub fn send(self) -> sdk_runtime::paginate::PageStream<#input, #output, #error> {
                let handle = self.handle;
                let send: sdk_runtime::paginate::SendPage<#input, #output, #error> =
                    std::sync::Arc::new(move |input: #input| {
                        let handle = handle.clone();
                        Box::pin(async move { send(&handle, input).await })
                    });
                let tokens = sdk_runtime::paginate::TokenAccess {
                    output_token: |page: &#output| page.#out_token.as_deref(),
                    set_input_token: |input: &mut #input, token: String| input.#in_token = Some(token),
                };
                sdk_runtime::paginate::PageStream::new(self.inner.build(), send, tokens, self.max_pages)
            }

            #items
        }
    })
}
