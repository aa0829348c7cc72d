//! rest-json response parser of one operation: JSON body or payload member, status-code,
//! header and prefix-header members, and the modelled errors (dispatched on the error code).

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::OpNames;
use super::serialize::timestamp_format_tokens;
use crate::error::CodegenError;
use crate::ir::{
    Location, MemberDef, OperationDef, Service, ShapeKind, StructDef, TimestampFormat,
};
use crate::naming::ident;

/// `fn parse_response(response) -> Result<Output, Error<OpError>>`.
pub fn response_parser(
    svc: &Service,
    op: &OperationDef,
    n: &OpNames,
) -> Result<TokenStream, CodegenError> {
    let OpNames { output, error, .. } = n;
    let success = match op.output.map(|id| (id, &svc.shape(id).kind)) {
        None => quote!(Ok(())),
        Some((_, ShapeKind::Structure(StructDef { members, .. }))) => {
            let mut fills = Vec::new();
            let mut payload = None;
            for m in members {
                let f = ident(&m.field);
                match m.location {
                    Location::StatusCode => {
                        let conv = match svc.shape(m.target).kind {
                            ShapeKind::Long => quote!(i64::from(status)),
                            _ => quote!(i32::from(status)),
                        };
                        fills.push(quote!(out.#f = Some(#conv);));
                    }
                    Location::Header | Location::Headers => {
                        let read = header_read(svc, &op.name, m)?;
                        fills.push(quote! {
                            out.#f = #read.map_err(crate::error::Error::ResponseParse)?;
                        });
                    }
                    Location::Payload => {
                        let read = payload_read(svc, op, m)?;
                        payload = Some(quote! {
                            out.#f = #read;
                        });
                    }
                    // URI and query bindings do not exist in a response; the protocol says to
                    // ignore them there.
                    Location::Body | Location::Uri | Location::Greedy | Location::Query => {}
                }
            }
            let mut_kw = if fills.is_empty() && payload.is_none() {
                quote!()
            } else {
                quote!(mut)
            };
            let init = match payload {
                Some(read) => quote! {
                    let mut out = <#output>::default();
                    #read
                },
                None => quote! {
                    let #mut_kw out: #output = sdk_runtime::wire::parse_json_body(response)
                        .map_err(crate::error::Error::ResponseParse)?;
                },
            };
            quote! {
                #init
                #(#fills)*
                Ok(out)
            }
        }
        Some(_) => {
            return Err(CodegenError::unsupported(
                &op.name,
                "an output shape that is not a structure",
            ))
        }
    };
    let mut arms = Vec::new();
    for id in &op.errors {
        let variant = ident(&svc.shape(*id).rust_name);
        arms.push(quote! {
            Some(crate::types::error::#variant::CODE) => {
                #error::#variant(crate::types::error::#variant::from_response(response, meta))
            }
        });
    }
    let dispatch = if arms.is_empty() {
        quote!(let err = #error::Unhandled(sdk_runtime::error::UnhandledError::new(meta));)
    } else {
        quote! {
            let code = meta.code().map(str::to_owned);
            let err = match code.as_deref() {
                #(#arms)*
                _ => #error::Unhandled(sdk_runtime::error::UnhandledError::new(meta)),
            };
        }
    };
    let status_used = if success.to_string().contains("status") {
        quote!()
    } else {
        quote!(let _ = status;)
    };
    Ok(quote! {
        /// Turns the final HTTP response into the output or a typed error.
        fn parse_response(response: &sdk_runtime::HttpResponse) -> Result<#output, crate::error::Error<#error>> {
            let status = response.status().as_u16();
            if !response.status().is_success() {
                let meta = sdk_runtime::wire::error_metadata(response);
                #dispatch
                return Err(crate::error::Error::Service(sdk_runtime::error::ServiceError::from_response(err, response)));
            }
            #status_used
            #success
        }
    })
}

/// An expression of type `Result<Option<T>, ResponseParseError>` reading a header (or
/// prefix-header) member from `response`.
fn header_read(svc: &Service, owner: &str, m: &MemberDef) -> Result<TokenStream, CodegenError> {
    let wire = &m.wire_name;
    let what = format!("{owner}.{}", m.name);
    let unsupported = || {
        CodegenError::unsupported(
            &what,
            "a header member that is not a scalar or a list of scalars",
        )
    };
    let http_date = TimestampFormat::HttpDate;
    if m.location == Location::Headers {
        return match svc.shape(m.target).kind {
            ShapeKind::Map { value, .. } if matches!(svc.shape(value).kind, ShapeKind::String) => {
                Ok(quote!(sdk_runtime::wire::read_prefix_headers(response, #wire)))
            }
            _ => Err(CodegenError::unsupported(
                &what,
                "prefix headers (`location: headers`) that are not a map of strings",
            )),
        };
    }
    Ok(match svc.shape(m.target).kind {
        ShapeKind::String if m.json_value => {
            quote!(sdk_runtime::wire::read_header_json_value(response, #wire))
        }
        ShapeKind::Enum(_) => quote! {
            sdk_runtime::wire::read_header::<String>(response, #wire).map(|v| v.map(Into::into))
        },
        ShapeKind::Timestamp => {
            let f = timestamp_format_tokens(svc.timestamp_format(
                m.timestamp_format,
                m.target,
                http_date,
            ));
            quote!(sdk_runtime::wire::read_header_timestamp(response, #wire, #f))
        }
        ShapeKind::String
        | ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::Boolean
        | ShapeKind::Float
        | ShapeKind::Double
        | ShapeKind::Blob => {
            let ty = super::rust_types::rust_type(svc, m.target)?;
            quote!(sdk_runtime::wire::read_header::<#ty>(response, #wire))
        }
        ShapeKind::List { member } => match svc.shape(member).kind {
            ShapeKind::Enum(_) => quote! {
                sdk_runtime::wire::read_header_list::<String>(response, #wire)
                    .map(|v| v.map(|items| items.into_iter().map(Into::into).collect()))
            },
            ShapeKind::Timestamp => {
                let f = timestamp_format_tokens(svc.timestamp_format(None, member, http_date));
                quote!(sdk_runtime::wire::read_header_timestamp_list(response, #wire, #f))
            }
            ShapeKind::String
            | ShapeKind::Integer
            | ShapeKind::Long
            | ShapeKind::Boolean
            | ShapeKind::Float
            | ShapeKind::Double
            | ShapeKind::Blob => {
                let ty = super::rust_types::rust_type(svc, member)?;
                quote!(sdk_runtime::wire::read_header_list::<#ty>(response, #wire))
            }
            _ => return Err(unsupported()),
        },
        _ => return Err(unsupported()),
    })
}

/// An expression of type `Option<T>` reading the payload member from the body (nothing for an
/// empty body); it returns early with a parse error when the body does not parse.
fn payload_read(
    svc: &Service,
    op: &OperationDef,
    m: &MemberDef,
) -> Result<TokenStream, CodegenError> {
    let parse_error = quote! {
        |e| crate::error::Error::ResponseParse(sdk_runtime::error::ResponseParseError::new(
            status, response.body().clone(), e,
        ))
    };
    Ok(match svc.shape(m.target).kind {
        ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Document => quote! {
            if response.body().iter().all(u8::is_ascii_whitespace) {
                None
            } else {
                Some(sdk_runtime::wire::parse_json_body(response).map_err(crate::error::Error::ResponseParse)?)
            }
        },
        ShapeKind::Blob => quote! {
            (!response.body().is_empty()).then(|| sdk_runtime::Blob::new(response.body().to_vec()))
        },
        ShapeKind::String => quote! {
            if response.body().is_empty() {
                None
            } else {
                Some(String::from_utf8(response.body().to_vec()).map_err(#parse_error)?)
            }
        },
        ShapeKind::Enum(_) => quote! {
            if response.body().is_empty() {
                None
            } else {
                Some(std::str::from_utf8(response.body()).map_err(#parse_error)?.into())
            }
        },
        _ => {
            return Err(CodegenError::unsupported(
                &format!("{}.{}", op.name, m.name),
                "a payload member that is not a structure, union, document, blob or string",
            ))
        }
    })
}

/// `X::from_response` for an exception shape: its JSON body read leniently, the message taken
/// from the error metadata when the body has none, header members, and the metadata itself.
/// Written once per exception and called from every operation that lists it.
pub fn exception_from_response(
    svc: &Service,
    shape: &crate::ir::ShapeDef,
    st: &crate::ir::StructDef,
) -> Result<TokenStream, CodegenError> {
    let mut header_fills = Vec::new();
    for m in &st.members {
        match m.location {
            Location::Header | Location::Headers => {
                let f = ident(&m.field);
                let read = header_read(svc, &shape.wire_name, m)?;
                // A value that does not parse is left unset: the error itself is what the
                // caller gets.
                header_fills.push(quote!(e.#f = #read.ok().flatten();));
            }
            Location::Body | Location::StatusCode => {}
            other => {
                return Err(CodegenError::unsupported(
                    &format!("{}.{}", shape.wire_name, m.name),
                    format!("error member location {other:?}"),
                ))
            }
        }
    }
    let fill_message = if st.members.iter().any(|m| m.field == "message") {
        quote! {
            if e.message.is_none() {
                e.message = meta.message().map(str::to_owned);
            }
        }
    } else {
        quote!()
    };
    let name = ident(&shape.rust_name);
    Ok(quote! {
        impl #name {
            /// Reads this error from an error response whose code selected it.
            #[allow(dead_code)] // unused when no operation lists this error
            pub(crate) fn from_response(
                response: &sdk_runtime::HttpResponse,
                meta: sdk_runtime::error::ErrorMetadata,
            ) -> Self {
                let mut e: Self = sdk_runtime::wire::parse_json_lenient(response.body());
                #fill_message
                #(#header_fills)*
                e.meta = meta;
                e
            }
        }
    })
}
