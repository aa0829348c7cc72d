//! The one place where model names become Rust names. Every name is computed once during
//! `resolve` and stored next to its wire name; emitters never re-case anything.
//!
//! Rules: heck does the case conversion, then the result is sanitised (leading digits,
//! characters that cannot appear in identifiers), then keywords become raw identifiers, except
//! `self`, `Self`, `super`, `crate` (which cannot be raw) and names that clash with generated
//! methods or prelude types, which get a suffix.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Rust keywords (strict and reserved, all editions) that need `r#` to be used as identifiers.
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NON_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// Type names a generated type must not take: they would shadow prelude or std items used by
/// the generated code.
const RESERVED_TYPES: &[&str] = &[
    "Option", "Result", "String", "Vec", "Box", "Some", "None", "Ok", "Err", "Self", "Send",
    "Sync", "Sized", "Copy", "Clone", "Default", "Debug", "Display", "Error", "Fn", "Iterator",
    "BTreeMap", "HashMap", "Client", "Config",
];

/// Builder method names a member setter must not take.
const RESERVED_BUILDER_METHODS: &[&str] = &[
    "build",
    "builder",
    "send",
    "send_input",
    "config",
    "customize",
    "into_paginator",
];

/// Enum variant names reserved by the generated enum itself.
const RESERVED_VARIANTS: &[&str] = &["Unknown", "SelfValue", "Self"];

fn sanitise(s: &str, digit_prefix: &str) -> String {
    let mut out: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if out.is_empty() {
        out.push_str(digit_prefix);
    } else if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, digit_prefix);
    }
    out
}

fn escape_value_name(name: String) -> String {
    if NON_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// A shape name as a Rust type name: `dataViewARN` -> `DataViewArn`, `locationType` -> `LocationType`.
pub fn type_name(shape: &str) -> String {
    let name = sanitise(&shape.to_upper_camel_case(), "Shape");
    if RESERVED_TYPES.contains(&name.as_str()) {
        format!("{name}Value")
    } else {
        name
    }
}

/// A member or operation name as a snake_case Rust identifier (field, method or module).
pub fn snake_name(name: &str) -> String {
    escape_value_name(sanitise(&name.to_snake_case(), "n"))
}

/// The builder setter for a field; clashes with `build` and other generated methods get `_value`.
pub fn setter_name(field: &str) -> String {
    let bare = field.trim_start_matches("r#");
    if RESERVED_BUILDER_METHODS.contains(&bare) {
        format!("{bare}_value")
    } else {
        field.to_string()
    }
}

/// A string enum value as a variant name: `FAILED_CLEANUP_FAILED` -> `FailedCleanupFailed`.
pub fn variant_name(value: &str) -> String {
    let name = sanitise(&value.to_upper_camel_case(), "V");
    if RESERVED_VARIANTS.contains(&name.as_str()) {
        format!("{name}Value")
    } else {
        name
    }
}

/// A file/module name for a type: `CreateChangesetRequest` -> `create_changeset_request`.
pub fn module_name(type_name: &str) -> String {
    let name = snake_name(type_name);
    match name.strip_prefix("r#") {
        Some(bare) => format!("{bare}_"),
        None => name,
    }
}

/// An identifier for `quote!`, raw when the name carries `r#`.
pub fn ident(name: &str) -> proc_macro2::Ident {
    match name.strip_prefix("r#") {
        Some(raw) => proc_macro2::Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => proc_macro2::Ident::new(name, proc_macro2::Span::call_site()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_names() {
        let cases = [
            ("datasetId", "dataset_id"),
            ("dataViewARN", "data_view_arn"),
            ("s3SourcePath", "s3_source_path"),
            (
                "S3DestinationFormatOptions",
                "s3_destination_format_options",
            ),
            ("type", "r#type"),
            ("match", "r#match"),
            ("async", "r#async"),
            ("self", "self_"),
            ("Self", "self_"),
            ("crate", "crate_"),
            ("super", "super_"),
            ("1stValue", "n1st_value"),
            ("2", "n2"),
            ("foo-bar", "foo_bar"),
            ("ListUsers", "list_users"),
            ("clientToken", "client_token"),
        ];
        for (input, want) in cases {
            assert_eq!(snake_name(input), want, "snake_name({input:?})");
        }
    }

    #[test]
    fn type_names() {
        let cases = [
            ("CreateChangesetRequest", "CreateChangesetRequest"),
            ("locationType", "LocationType"),
            ("dataViewARN", "DataViewArn"),
            ("S3DestinationFormatOptions", "S3DestinationFormatOptions"),
            ("Option", "OptionValue"),
            ("Result", "ResultValue"),
            ("String", "StringValue"),
            ("Error", "ErrorValue"),
            ("3dThing", "Shape3dThing"),
            ("Self", "SelfValue"),
        ];
        for (input, want) in cases {
            assert_eq!(type_name(input), want, "type_name({input:?})");
        }
    }

    #[test]
    fn setter_names_avoid_builder_methods() {
        assert_eq!(setter_name("build"), "build_value");
        assert_eq!(setter_name("send"), "send_value");
        assert_eq!(setter_name("dataset_id"), "dataset_id");
        assert_eq!(setter_name("r#type"), "r#type");
    }

    #[test]
    fn variant_names() {
        let cases = [
            ("REPLACE", "Replace"),
            ("FAILED_CLEANUP_FAILED", "FailedCleanupFailed"),
            ("CreateDataset", "CreateDataset"),
            ("S3", "S3"),
            ("1GB", "V1gb"),
            ("UNKNOWN", "UnknownValue"),
            ("Self", "SelfValue"),
            ("us-east-1", "UsEast1"),
            ("", "V"),
        ];
        for (input, want) in cases {
            assert_eq!(variant_name(input), want, "variant_name({input:?})");
        }
    }

    #[test]
    fn raw_idents_print_with_prefix() {
        assert_eq!(ident("r#type").to_string(), "r#type");
        assert_eq!(ident("dataset_id").to_string(), "dataset_id");
        assert_eq!(module_name("Type"), "type_");
        assert_eq!(module_name("DataViewSummary"), "data_view_summary");
    }
}
