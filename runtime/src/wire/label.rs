//! URI label encoding: each label value is percent-encoded on its own; greedy labels keep `/`.

use crate::error::ConstructionError;

const UNRESERVED_AND_SLASH: &percent_encoding::AsciiSet = &super::UNRESERVED.remove(b'/');

/// Appends `value` to `path`, percent-encoding every byte outside the RFC 3986 unreserved set;
/// a greedy label also keeps `/`.
pub fn push_label(path: &mut String, value: &str, greedy: bool) {
    let set = if greedy {
        UNRESERVED_AND_SLASH
    } else {
        super::UNRESERVED
    };
    path.extend(percent_encoding::utf8_percent_encode(value, set));
}

/// [`push_label`] for a required label: an empty value is an error naming `field`, because it
/// would change the path.
pub fn push_required_label(
    path: &mut String,
    field: &'static str,
    value: &str,
    greedy: bool,
) -> Result<(), ConstructionError> {
    if value.is_empty() {
        return Err(ConstructionError::invalid_field(
            field,
            "must not be empty (it is part of the request URI)",
        ));
    }
    push_label(path, value, greedy);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(value: &str, greedy: bool) -> String {
        let mut path = String::from("/p/");
        push_label(&mut path, value, greedy);
        path
    }

    #[test]
    fn encodes_per_segment() {
        assert_eq!(label("ds 1", false), "/p/ds%201");
        assert_eq!(label("a/b", false), "/p/a%2Fb");
        assert_eq!(label("a/b c", true), "/p/a/b%20c");
        assert_eq!(label("%2F", false), "/p/%252F");
        assert_eq!(label("a+b:c@d", false), "/p/a%2Bb%3Ac%40d");
        assert_eq!(label("-._~", false), "/p/-._~");
        assert_eq!(label("ü", false), "/p/%C3%BC");
        assert_eq!(label("?#[]", true), "/p/%3F%23%5B%5D");
    }

    #[test]
    fn required_label_rejects_empty() {
        let mut path = String::new();
        let err = push_required_label(&mut path, "datasetId", "", false).unwrap_err();
        assert_eq!(err.field(), Some("datasetId"));
        push_required_label(&mut path, "datasetId", "x y", false).unwrap();
        assert_eq!(path, "x%20y");
    }
}
