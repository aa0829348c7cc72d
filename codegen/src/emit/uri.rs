//! Parses an operation's `requestUri` template (`/datasets/{datasetId}/x?literal`) into literal
//! pieces and labels, checked against the input's `uri` members.

use crate::error::CodegenError;

/// One piece of a request URI path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Label { name: String, greedy: bool },
}

/// A parsed template: path pieces plus the literal query string after `?` (without the `?`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UriTemplate {
    pub pieces: Vec<Piece>,
    pub literal_query: String,
}

/// Parses `template`; `op` names the operation in errors.
pub fn parse(op: &str, template: &str) -> Result<UriTemplate, CodegenError> {
    let (path, query) = match template.split_once('?') {
        Some((p, q)) => (p, q.to_string()),
        None => (template, String::new()),
    };
    let mut pieces = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        match rest.find('{') {
            Some(0) => {
                let end = rest.find('}').ok_or_else(|| {
                    CodegenError::invalid(op, format!("unclosed label in requestUri `{template}`"))
                })?;
                let inner = &rest[1..end];
                let (name, greedy) = match inner.strip_suffix('+') {
                    Some(n) => (n, true),
                    None => (inner, false),
                };
                if name.is_empty() {
                    return Err(CodegenError::invalid(
                        op,
                        format!("empty label in requestUri `{template}`"),
                    ));
                }
                pieces.push(Piece::Label {
                    name: name.to_string(),
                    greedy,
                });
                rest = &rest[end + 1..];
            }
            Some(i) => {
                pieces.push(Piece::Literal(rest[..i].to_string()));
                rest = &rest[i..];
            }
            None => {
                pieces.push(Piece::Literal(rest.to_string()));
                rest = "";
            }
        }
    }
    Ok(UriTemplate {
        pieces,
        literal_query: query,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_labels_greedy_and_query() {
        let t = parse("Op", "/datasets/{datasetId}/x/{key+}?versioning").unwrap();
        assert_eq!(
            t.pieces,
            vec![
                Piece::Literal("/datasets/".into()),
                Piece::Label {
                    name: "datasetId".into(),
                    greedy: false
                },
                Piece::Literal("/x/".into()),
                Piece::Label {
                    name: "key".into(),
                    greedy: true
                },
            ]
        );
        assert_eq!(t.literal_query, "versioning");
    }

    #[test]
    fn rejects_broken_templates() {
        assert!(parse("Op", "/a/{b").is_err());
        assert!(parse("Op", "/a/{}").is_err());
    }
}
