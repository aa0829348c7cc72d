//! Doc attributes: Markdown text becomes `#[doc = " line"]` attributes (one per line, leading
//! space, as rustdoc and prettyplease expect), with a fallback sentence when the model has none.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` attributes for `markdown`, or for `fallback` when `markdown` is empty.
pub fn doc_attrs(markdown: &str, fallback: &str) -> TokenStream {
    let text = if markdown.trim().is_empty() {
        fallback
    } else {
        markdown
    };
    lines(text, false)
}

/// Inner `#![doc]` attributes (module and crate docs).
pub fn inner_doc_attrs(markdown: &str) -> TokenStream {
    lines(markdown, true)
}

fn lines(text: &str, inner: bool) -> TokenStream {
    let mut out = TokenStream::new();
    for line in text.lines() {
        let line = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        out.extend(if inner {
            quote!(#![doc = #line])
        } else {
            quote!(#[doc = #line])
        });
    }
    out
}

/// `#[deprecated(note = ...)]` when the model marks the item deprecated.
pub fn deprecated_attr(deprecated: &Option<String>) -> TokenStream {
    match deprecated {
        Some(note) if !note.is_empty() => quote!(#[deprecated(note = #note)]),
        Some(_) => quote!(#[deprecated]),
        None => TokenStream::new(),
    }
}
