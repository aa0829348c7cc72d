//! rest-json request serializer of one operation: URI labels, query string, headers and
//! prefix headers, JSON body or payload member, host prefix, checksum, compression. The
//! response side is in `deserialize`.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::op_names;
use super::uri::{self, Piece};
use crate::error::CodegenError;
use crate::ir::{Location, MemberDef, OperationDef, Service, ShapeId, ShapeKind, TimestampFormat};
use crate::naming::ident;

/// The runtime's `TimestampFormat` for an IR format.
pub fn timestamp_format_tokens(f: TimestampFormat) -> TokenStream {
    match f {
        TimestampFormat::EpochSeconds => quote!(sdk_runtime::TimestampFormat::EpochSeconds),
        TimestampFormat::Iso8601 => quote!(sdk_runtime::TimestampFormat::DateTime),
        TimestampFormat::HttpDate => quote!(sdk_runtime::TimestampFormat::HttpDate),
    }
}

/// An expression turning `v` (a reference to a scalar of shape `id`) into `&str`. Timestamps
/// use `member_format`, else the shape's format, else `default_format` (the location's).
fn scalar_str(
    svc: &Service,
    id: ShapeId,
    member_format: Option<TimestampFormat>,
    default_format: TimestampFormat,
    what: &str,
) -> Result<TokenStream, CodegenError> {
    Ok(match svc.shape(id).kind {
        ShapeKind::String => quote!(v.as_str()),
        ShapeKind::Enum(_) => quote!(v.as_str()),
        ShapeKind::Integer | ShapeKind::Long => quote!(&v.to_string()),
        ShapeKind::Boolean => quote!(if *v { "true" } else { "false" }),
        ShapeKind::Float | ShapeKind::Double => quote!(&sdk_runtime::wire::fmt_float(*v)),
        ShapeKind::Timestamp => {
            let f =
                timestamp_format_tokens(svc.timestamp_format(member_format, id, default_format));
            quote!(&sdk_runtime::wire::fmt_timestamp(v, #f))
        }
        ShapeKind::Blob => quote!(&sdk_runtime::wire::base64_encode(v)),
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
    if members.is_empty() {
        steps.push(quote!(let _ = input;));
    }
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
            Piece::Literal(text) => steps.push(match text.chars().collect::<Vec<_>>()[..] {
                [c] => quote!(path.push(#c);),
                _ => quote!(path.push_str(#text);),
            }),
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
                let conv = scalar_str(
                    svc,
                    m.target,
                    m.timestamp_format,
                    TimestampFormat::Iso8601,
                    &format!("{}.{}", op.name, m.name),
                )?;
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
        // Members bound to one query name win over the same name in a map of query params.
        let bound: Vec<&str> = query_members
            .iter()
            .filter(|m| !matches!(svc.shape(m.target).kind, ShapeKind::Map { .. }))
            .map(|m| m.wire_name.as_str())
            .collect();
        for m in &query_members {
            steps.push(query_push(svc, op, m, &bound)?);
        }
        steps.push(quote!(path.push_str(&query.finish());));
    }

    // Headers.
    let header_members: Vec<&MemberDef> = members
        .iter()
        .filter(|m| matches!(m.location, Location::Header | Location::Headers))
        .collect();
    let headers_mut = if header_members.is_empty()
        && !op.checksum_required
        && op.request_compression.is_empty()
    {
        quote!()
    } else {
        quote!(mut)
    };
    steps.push(quote!(let #headers_mut headers = Vec::new();));
    for m in &header_members {
        steps.push(if m.location == Location::Headers {
            prefix_headers_push(svc, op, m)?
        } else {
            header_push(svc, op, m)?
        });
    }

    // Body: a payload member is the whole body; otherwise botocore sends `{}` whenever the
    // input has body members, even if none is set.
    let payload = members.iter().find(|m| m.location == Location::Payload);
    let has_body_members = members.iter().any(|m| m.location == Location::Body);
    let body = if let Some(m) = payload {
        payload_body(svc, op, m)?
    } else if has_body_members {
        quote! {
            let body = sdk_runtime::serde_json::to_vec(input).map_err(|e| {
                sdk_runtime::error::ConstructionError::other(format!("cannot serialize the request body: {e}"))
            })?;
            Some((sdk_runtime::bytes::Bytes::from(body), "application/json"))
        }
    } else {
        quote!(None)
    };
    let mut body_steps = Vec::new();
    if op.gzips_requests() {
        body_steps.push(quote! {
            let body = match body {
                Some((bytes, content_type)) => Some((
                    sdk_runtime::bytes::Bytes::from(sdk_runtime::wire::gzip_if_large(bytes.to_vec(), &mut headers)?),
                    content_type,
                )),
                None => None,
            };
        });
    } else if !op.request_compression.is_empty() {
        return Err(CodegenError::unsupported(
            &op.name,
            format!(
                "request compression `{}`",
                op.request_compression.join(", ")
            ),
        ));
    }
    if op.checksum_required {
        body_steps.push(quote! {
            if let Some((bytes, _)) = &body {
                headers.push(sdk_runtime::wire::content_md5(bytes));
            }
        });
    }
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
        Some(p) if p.contains('{') => {
            let mut pairs = Vec::new();
            for m in members.iter().filter(|m| m.host_label) {
                let f = ident(&m.field);
                let name = &m.wire_name;
                if !matches!(svc.shape(m.target).kind, ShapeKind::String) {
                    return Err(CodegenError::unsupported(
                        &format!("{}.{}", op.name, m.name),
                        "a `hostLabel` member that is not a string",
                    ));
                }
                pairs.push(quote!((#name, input.#f.as_deref().unwrap_or(""))));
            }
            quote!(Some(sdk_runtime::wire::expand_host_prefix(#p, &[#(#pairs),*])?))
        }
        Some(p) => quote!(Some(String::from(#p))),
        None => quote!(None),
    };
    let _ = &n;
    Ok(quote! {
        /// Builds the HTTP request for this operation from its input.
        fn serialize_request(input: &#input) -> Result<sdk_runtime::OperationRequest, sdk_runtime::error::ConstructionError> {
            #(#steps)*
            let body = { #body };
            #(#body_steps)*
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
    bound: &[&str],
) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let wire = &m.wire_name;
    let what = format!("{}.{}", op.name, m.name);
    let iso = TimestampFormat::Iso8601;
    Ok(match svc.shape(m.target).kind {
        ShapeKind::List { member } => {
            let conv = scalar_str(svc, member, None, iso, &what)?;
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
                    let c = scalar_str(svc, member, None, iso, &what)?;
                    quote! { for v in values { query.push(k.as_str(), #c); } }
                }
                _ => {
                    let c = scalar_str(svc, value, None, iso, &what)?;
                    quote! { let v = values; query.push(k.as_str(), #c); }
                }
            };
            let skip = if bound.is_empty() {
                quote!()
            } else {
                quote! {
                    if [#(#bound),*].contains(&k.as_str()) {
                        continue;
                    }
                }
            };
            quote! {
                if let Some(map) = &input.#f {
                    for (k, values) in map {
                        #skip
                        #conv
                    }
                }
            }
        }
        _ => {
            let conv = scalar_str(svc, m.target, m.timestamp_format, iso, &what)?;
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
    let http_date = TimestampFormat::HttpDate;
    Ok(match svc.shape(m.target).kind {
        ShapeKind::List { member } => {
            let conv = scalar_str(svc, member, None, http_date, &what)?;
            let dates = matches!(svc.shape(member).kind, ShapeKind::Timestamp)
                && svc.timestamp_format(None, member, http_date) == http_date;
            quote! {
                if let Some(list) = &input.#f {
                    let items: Vec<String> = list.iter().map(|v| String::from(#conv)).collect();
                    headers.push(sdk_runtime::wire::header_value(#wire, &sdk_runtime::wire::header_list(items, #dates))?);
                }
            }
        }
        ShapeKind::String if m.json_value => quote! {
            if let Some(v) = &input.#f {
                headers.push(sdk_runtime::wire::header_value(#wire, &sdk_runtime::wire::base64_encode(v))?);
            }
        },
        _ => {
            let conv = scalar_str(svc, m.target, m.timestamp_format, http_date, &what)?;
            quote! {
                if let Some(v) = &input.#f {
                    headers.push(sdk_runtime::wire::header_value(#wire, #conv)?);
                }
            }
        }
    })
}

/// Prefix headers: one header per map entry, named by the prefix plus the key.
fn prefix_headers_push(
    svc: &Service,
    op: &OperationDef,
    m: &MemberDef,
) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let prefix = &m.wire_name;
    match svc.shape(m.target).kind {
        ShapeKind::Map { value, .. } if matches!(svc.shape(value).kind, ShapeKind::String) => {
            Ok(quote! {
                if let Some(map) = &input.#f {
                    for (k, v) in map {
                        headers.push(sdk_runtime::wire::prefixed_header(#prefix, k, v)?);
                    }
                }
            })
        }
        _ => Err(CodegenError::unsupported(
            &format!("{}.{}", op.name, m.name),
            "prefix headers (`location: headers`) that are not a map of strings",
        )),
    }
}

/// The body when a member is bound to the whole payload.
fn payload_body(
    svc: &Service,
    op: &OperationDef,
    m: &MemberDef,
) -> Result<TokenStream, CodegenError> {
    let f = ident(&m.field);
    let json = quote! {
        sdk_runtime::bytes::Bytes::from(sdk_runtime::serde_json::to_vec(v).map_err(|e| {
            sdk_runtime::error::ConstructionError::other(format!("cannot serialize the request body: {e}"))
        })?)
    };
    Ok(match svc.shape(m.target).kind {
        // An unset structure payload is still an (empty) JSON object, as botocore sends.
        ShapeKind::Structure(_) => quote! {
            match &input.#f {
                Some(v) => Some((#json, "application/json")),
                None => Some((sdk_runtime::bytes::Bytes::from_static(b"{}"), "application/json")),
            }
        },
        ShapeKind::Union(_) | ShapeKind::Document => quote! {
            match &input.#f {
                Some(v) => Some((#json, "application/json")),
                None => None,
            }
        },
        ShapeKind::Blob => quote! {
            input.#f.as_ref().map(|v| (
                sdk_runtime::bytes::Bytes::copy_from_slice(v.as_bytes()),
                "application/octet-stream",
            ))
        },
        ShapeKind::String => quote! {
            input.#f.as_ref().map(|v| (sdk_runtime::bytes::Bytes::from(v.clone()), "text/plain"))
        },
        ShapeKind::Enum(_) => quote! {
            input.#f.as_ref().map(|v| (sdk_runtime::bytes::Bytes::from(v.as_str().to_owned()), "text/plain"))
        },
        _ => {
            return Err(CodegenError::unsupported(
                &format!("{}.{}", op.name, m.name),
                "a payload member that is not a structure, union, document, blob or string",
            ))
        }
    })
}
