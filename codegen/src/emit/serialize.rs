//! rest-json wire code for one operation: the request serializer (URI labels, query string,
//! headers, JSON body) and the response parser (JSON body, status-code and header members,
//! modelled errors).

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::{op_names, OpNames};
use super::uri::{self, Piece};
use crate::error::CodegenError;
use crate::ir::{Location, MemberDef, OperationDef, Service, ShapeId, ShapeKind, StructDef};
use crate::naming::ident;

/// An expression turning `v` (a reference to a scalar of shape `id`) into `&str`.
fn scalar_str(svc: &Service, id: ShapeId, what: &str) -> Result<TokenStream, CodegenError> {
    Ok(match svc.shape(id).kind {
        ShapeKind::String => quote!(v.as_str()),
        ShapeKind::Enum(_) => quote!(v.as_str()),
        ShapeKind::Integer | ShapeKind::Long => quote!(&v.to_string()),
        ShapeKind::Boolean => quote!(if *v { "true" } else { "false" }),
        _ => {
            return Err(CodegenError::unsupported(
                what,
                "a non-scalar value in a URI label, query string or header",
            ))
        }
    })
}

/// `fn serialize_request(input) -> Result<OperationRequest, ConstructionError>`.
pub fn request_serializer(
    svc: &Service,
    op: &OperationDef,
    members: &[MemberDef],
) -> Result<TokenStream, CodegenError> {
    let n = op_names(svc, op)?;
    let input = &n.input;
    let template = uri::parse(&op.name, &op.request_uri)?;

    let mut steps = Vec::new();
    // Required members that are not labels must still be present.
    for m in members
        .iter()
        .filter(|m| m.required && !matches!(m.location, Location::Uri | Location::Greedy))
    {
        let f = ident(&m.field);
        let wire = &m.name;
        steps.push(quote! {
            if input.#f.is_none() {
                return Err(sdk_runtime::error::ConstructionError::missing_field(#wire));
            }
        });
    }

    // Path.
    let mut labels_seen = Vec::new();
    steps.push(quote!(let mut path = String::with_capacity(64);));
    for piece in &template.pieces {
        match piece {
            Piece::Literal(text) => steps.push(quote!(path.push_str(#text);)),
            Piece::Label { name, greedy } => {
                let m = members
                    .iter()
                    .find(|m| {
                        matches!(m.location, Location::Uri | Location::Greedy)
                            && &m.wire_name == name
                    })
                    .ok_or_else(|| {
                        CodegenError::invalid(
                            &op.name,
                            format!("URI label `{name}` has no `uri` member in the input"),
                        )
                    })?;
                labels_seen.push(m.name.clone());
                let f = ident(&m.field);
                let wire = &m.name;
                let conv = scalar_str(svc, m.target, &format!("{}.{}", op.name, m.name))?;
                steps.push(quote! {
                    {
                        let v = input.#f.as_ref().ok_or_else(|| sdk_runtime::error::ConstructionError::missing_field(#wire))?;
                        let s: &str = #conv;
                        if s.is_empty() {
                            return Err(sdk_runtime::error::ConstructionError::invalid_field(
                                #wire,
                                "must not be empty, because it is part of the URI path",
                            ));
                        }
                        sdk_runtime::wire::push_label(&mut path, s, #greedy);
                    }
                });
            }
        }
    }
    for m in members
        .iter()
        .filter(|m| matches!(m.location, Location::Uri | Location::Greedy))
    {
        if !labels_seen.contains(&m.name) {
            return Err(CodegenError::invalid(
                &op.name,
                format!(
                    "`uri` member `{}` has no label in `{}`",
                    m.name, op.request_uri
                ),
            ));
        }
    }

    // Query.
    let literal_query = &template.literal_query;
    let query_members: Vec<&MemberDef> = members
        .iter()
        .filter(|m| m.location == Location::Query)
        .collect();
    if !query_members.is_empty() || !literal_query.is_empty() {
        let q_mut = if query_members.is_empty() {
            quote!()
        } else {
            quote!(mut)
        };
        steps.push(quote!(let #q_mut query = sdk_runtime::wire::QueryWriter::new(#literal_query);));
        for m in &query_members {
            steps.push(query_push(svc, op, m)?);
        }
        steps.push(quote!(path.push_str(&query.finish());));
    }

    // Headers.
    let header_members: Vec<&MemberDef> = members
        .iter()
        .filter(|m| m.location == Location::Header)
        .collect();
    let headers_mut = if header_members.is_empty() {
        quote!()
    } else {
        quote!(mut)
    };
    steps.push(quote!(let #headers_mut headers = Vec::new();));
    for m in &header_members {
        steps.push(header_push(svc, op, m)?);
    }

    // Body: botocore sends `{}` whenever the input has body members, even if none is set.
    let has_body_members = members.iter().any(|m| m.location == Location::Body);
    let body = if has_body_members {
        quote! {
            let body = sdk_runtime::serde_json::to_vec(input).map_err(|e| {
                sdk_runtime::error::ConstructionError::other(format!("cannot serialize the request body: {e}"))
            })?;
            Some((sdk_runtime::bytes::Bytes::from(body), "application/json"))
        }
    } else {
        quote!(None)
    };
    let method = match op.method.as_str() {
        m @ ("GET" | "PUT" | "POST" | "DELETE" | "HEAD" | "PATCH" | "OPTIONS") => {
            let m = quote::format_ident!("{m}");
            quote!(sdk_runtime::http::Method::#m)
        }
        other => quote! {
            sdk_runtime::http::Method::from_bytes(#other.as_bytes())
                .map_err(|e| sdk_runtime::error::ConstructionError::other(e.to_string()))?
        },
    };
    let host_prefix = match &op.host_prefix {
        Some(p) => quote!(Some(String::from(#p))),
        None => quote!(None),
    };
    let _ = &n;
    Ok(quote! {
        /// Builds the HTTP request for this operation from its input.
        fn serialize_request(input: &#input) -> Result<sdk_runtime::OperationRequest, sdk_runtime::error::ConstructionError> {
            #(#steps)*
            let body = { #body };
            Ok(sdk_runtime::OperationRequest {
                method: #method,
                path_and_query: path,
                headers,
                body,
                host_prefix: #host_prefix,
            })
        }
    })
}

fn query_push(
    svc: &Service,
    op: &OperationDef,
    m: &MemberDef,
) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let wire = &m.wire_name;
    let what = format!("{}.{}", op.name, m.name);
    Ok(match svc.shape(m.target).kind {
        ShapeKind::List { member } => {
            let conv = scalar_str(svc, member, &what)?;
            quote! {
                if let Some(list) = &input.#f {
                    for v in list {
                        query.push(#wire, #conv);
                    }
                }
            }
        }
        ShapeKind::Map { value, .. } => {
            let conv = match svc.shape(value).kind {
                ShapeKind::List { member } => {
                    let c = scalar_str(svc, member, &what)?;
                    quote! { for v in values { query.push(k.as_str(), #c); } }
                }
                _ => {
                    let c = scalar_str(svc, value, &what)?;
                    quote! { let v = values; query.push(k.as_str(), #c); }
                }
            };
            quote! {
                if let Some(map) = &input.#f {
                    for (k, values) in map {
                        #conv
                    }
                }
            }
        }
        _ => {
            let conv = scalar_str(svc, m.target, &what)?;
            quote! {
                if let Some(v) = &input.#f {
                    query.push(#wire, #conv);
                }
            }
        }
    })
}

fn header_push(
    svc: &Service,
    op: &OperationDef,
    m: &MemberDef,
) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let wire = &m.wire_name;
    let what = format!("{}.{}", op.name, m.name);
    Ok(match svc.shape(m.target).kind {
        ShapeKind::List { member } => {
            let conv = scalar_str(svc, member, &what)?;
            quote! {
                if let Some(list) = &input.#f {
                    let joined: Vec<String> = list.iter().map(|v| String::from(#conv)).collect();
                    headers.push(sdk_runtime::wire::header_value(#wire, &joined.join(", "))?);
                }
            }
        }
        _ => {
            let conv = scalar_str(svc, m.target, &what)?;
            quote! {
                if let Some(v) = &input.#f {
                    headers.push(sdk_runtime::wire::header_value(#wire, #conv)?);
                }
            }
        }
    })
}

/// `fn parse_response(response) -> Result<Output, Error<OpError>>`.
pub fn response_parser(
    svc: &Service,
    op: &OperationDef,
    n: &OpNames,
) -> Result<TokenStream, CodegenError> {
    let OpNames { output, error, .. } = n;
    let success = match op.output.map(|id| (id, &svc.shape(id).kind)) {
        None => quote!(Ok(())),
        Some((_, ShapeKind::Structure(StructDef { members }))) => {
            let mut fills = Vec::new();
            for m in members {
                match m.location {
                    Location::StatusCode => {
                        let f = ident(&m.field);
                        let conv = match svc.shape(m.target).kind {
                            ShapeKind::Long => quote!(i64::from(status)),
                            _ => quote!(i32::from(status)),
                        };
                        fills.push(quote!(out.#f = Some(#conv);));
                    }
                    Location::Header => fills.push(header_read(svc, op, m, &quote!(out))?),
                    Location::Body => {}
                    other => {
                        return Err(CodegenError::unsupported(
                            &format!("{}.{}", op.name, m.name),
                            format!("output location {other:?}"),
                        ))
                    }
                }
            }
            let mut_kw = if fills.is_empty() {
                quote!()
            } else {
                quote!(mut)
            };
            quote! {
                let #mut_kw out: #output = sdk_runtime::wire::parse_json_body(response)
                    .map_err(crate::error::Error::ResponseParse)?;
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
        let s = svc.shape(*id);
        let mut header_fills = Vec::new();
        if let ShapeKind::Structure(st) = &s.kind {
            for m in st.members.iter().filter(|m| m.location == Location::Header) {
                header_fills.push(header_read_lenient(svc, op, m)?);
            }
        }
        let variant = ident(&s.rust_name);
        let has_message = matches!(&s.kind, ShapeKind::Structure(st) if st.members.iter().any(|m| m.field == "message"));
        let fill_message = if has_message {
            quote! {
                if e.message.is_none() {
                    e.message = meta.message().map(str::to_owned);
                }
            }
        } else {
            quote!()
        };
        arms.push(quote! {
            Some(crate::types::error::#variant::CODE) => {
                let mut e: crate::types::error::#variant = sdk_runtime::wire::parse_json_lenient(response.body());
                #fill_message
                #(#header_fills)*
                e.meta = meta;
                #error::#variant(e)
            }
        });
    }
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
                let code = meta.code().map(str::to_owned);
                let err = match code.as_deref() {
                    #(#arms)*
                    _ => #error::Unhandled(sdk_runtime::error::UnhandledError::new(meta)),
                };
                return Err(crate::error::Error::Service(sdk_runtime::error::ServiceError::from_response(err, response)));
            }
            #status_used
            #success
        }
    })
}

fn header_read(
    svc: &Service,
    op: &OperationDef,
    m: &MemberDef,
    target: &TokenStream,
) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let wire = &m.wire_name;
    let parse = match svc.shape(m.target).kind {
        ShapeKind::String => quote!(Some(v.to_string())),
        ShapeKind::Enum(_) => quote!(Some(v.into())),
        ShapeKind::Integer | ShapeKind::Long | ShapeKind::Boolean => quote! {
            Some(v.trim().parse().map_err(|e| crate::error::Error::ResponseParse(
                sdk_runtime::error::ResponseParseError::new(status, response.body().clone(), e)
            ))?)
        },
        _ => {
            return Err(CodegenError::unsupported(
                &format!("{}.{}", op.name, m.name),
                "a header member that is not a scalar",
            ))
        }
    };
    Ok(quote! {
        if let Some(v) = response.headers().get(#wire).and_then(|v| v.to_str().ok()) {
            #target.#f = #parse;
        }
    })
}

/// Reads a header member of an error shape; a value that does not parse is left unset, since
/// the error itself is what the caller gets.
fn header_read_lenient(
    svc: &Service,
    op: &OperationDef,
    m: &MemberDef,
) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let wire = &m.wire_name;
    let parse = match svc.shape(m.target).kind {
        ShapeKind::String => quote!(Some(v.to_string())),
        ShapeKind::Enum(_) => quote!(Some(v.into())),
        ShapeKind::Integer | ShapeKind::Long | ShapeKind::Boolean => quote!(v.trim().parse().ok()),
        _ => {
            return Err(CodegenError::unsupported(
                &format!("{}.{}", op.name, m.name),
                "a header member that is not a scalar",
            ))
        }
    };
    Ok(quote! {
        if let Some(v) = response.headers().get(#wire).and_then(|v| v.to_str().ok()) {
            e.#f = #parse;
        }
    })
}
