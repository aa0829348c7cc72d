//! String templates of the rules language: `"https://svc.{Region}.{PartitionResult#dnsSuffix}"`,
//! with `{{` and `}}` for literal braces.

use super::EndpointError;

/// One piece of a template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// Literal text.
    Text(String),
    /// `{Name}` or `{Name#path}`.
    Ref { name: String, path: Option<String> },
}

/// A parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Template {
    pub(crate) parts: Vec<Part>,
}

impl Template {
    pub(crate) fn parse(text: &str) -> Result<Self, EndpointError> {
        let mut parts = Vec::new();
        let mut literal = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '{' => {
                    let mut inner = String::new();
                    let mut closed = false;
                    for c in chars.by_ref() {
                        if c == '}' {
                            closed = true;
                            break;
                        }
                        inner.push(c);
                    }
                    if !closed || inner.is_empty() || inner.contains('{') {
                        return Err(EndpointError::new(format!(
                            "invalid template `{text}`: unbalanced or empty `{{}}`"
                        )));
                    }
                    if !literal.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut literal)));
                    }
                    let (name, path) = match inner.split_once('#') {
                        Some((name, path)) => (name.to_owned(), Some(path.to_owned())),
                        None => (inner, None),
                    };
                    parts.push(Part::Ref { name, path });
                }
                '}' => {
                    return Err(EndpointError::new(format!(
                        "invalid template `{text}`: unmatched `}}`"
                    )))
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() || parts.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(Self { parts })
    }

    /// The text when the template has no references.
    #[cfg(test)]
    pub(crate) fn as_literal(&self) -> Option<&str> {
        match self.parts.as_slice() {
            [Part::Text(text)] => Some(text),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(name: &str, path: Option<&str>) -> Part {
        Part::Ref {
            name: name.into(),
            path: path.map(Into::into),
        }
    }

    #[test]
    fn parses_refs_and_paths() {
        let t = Template::parse("https://svc.{Region}.{PartitionResult#dnsSuffix}").unwrap();
        assert_eq!(
            t.parts,
            vec![
                Part::Text("https://svc.".into()),
                r("Region", None),
                Part::Text(".".into()),
                r("PartitionResult", Some("dnsSuffix")),
            ]
        );
        assert_eq!(t.as_literal(), None);
    }

    #[test]
    fn escapes_and_literals() {
        let t = Template::parse("a{{b}}c").unwrap();
        assert_eq!(t.as_literal(), Some("a{b}c"));
        assert_eq!(Template::parse("").unwrap().as_literal(), Some(""));
        assert_eq!(Template::parse("{X}").unwrap().parts, vec![r("X", None)]);
    }

    #[test]
    fn rejects_unbalanced() {
        for bad in ["{", "{a", "a}", "{}", "{a{b}"] {
            assert!(Template::parse(bad).is_err(), "{bad}");
        }
    }
}
