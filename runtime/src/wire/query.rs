//! [`QueryWriter`]: builds a query string from the literal query of a `requestUri` plus
//! encoded member values.

use super::percent_encode;

/// Builds the `?...` part of a request URI. Names and values are percent-encoded (RFC 3986
/// unreserved characters kept, space as `%20`); the literal query of the `requestUri` is kept
/// as written.
///
/// ```
/// use sdk_runtime::wire::QueryWriter;
/// let mut q = QueryWriter::new("versioning");
/// q.push("max results", "10");
/// q.push_list("id", ["a", "b/c"]);
/// assert_eq!(q.finish(), "?versioning&max%20results=10&id=a&id=b%2Fc");
/// ```
#[derive(Clone, Debug, Default)]
pub struct QueryWriter {
    query: String,
}

impl QueryWriter {
    /// Starts from the literal query of a `requestUri` (the part after `?`; a leading `?` is
    /// ignored; pass `""` when there is none).
    pub fn new(literal_query: &str) -> Self {
        let literal = literal_query.strip_prefix('?').unwrap_or(literal_query);
        Self {
            query: literal.to_owned(),
        }
    }

    fn separator(&mut self) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
    }

    /// Appends `name=value`.
    pub fn push(&mut self, name: &str, value: &str) {
        self.separator();
        self.query.push_str(&percent_encode(name));
        self.query.push('=');
        self.query.push_str(&percent_encode(value));
    }

    /// Appends `name=value` once per value, in order (nothing for an empty list).
    pub fn push_list<I>(&mut self, name: &str, values: I)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        for value in values {
            self.push(name, value.as_ref());
        }
    }

    /// Appends a name without a value (`name`).
    pub fn push_flag(&mut self, name: &str) {
        self.separator();
        self.query.push_str(&percent_encode(name));
    }

    /// True when nothing would be appended.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
    }

    /// The query with its leading `?`, or an empty string when there is nothing to send.
    pub fn finish(self) -> String {
        if self.query.is_empty() {
            String::new()
        } else {
            format!("?{}", self.query)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_writer_appends_nothing() {
        let q = QueryWriter::new("");
        assert!(q.is_empty());
        assert_eq!(q.finish(), "");
        let mut q = QueryWriter::new("?");
        q.push_list("a", Vec::<String>::new());
        assert_eq!(q.finish(), "");
    }

    #[test]
    fn encodes_names_and_values() {
        let mut q = QueryWriter::new("");
        q.push("clientToken", "a b&c=d");
        q.push("ümlaut", "x+y/z");
        q.push("nextToken", "");
        assert_eq!(
            q.finish(),
            "?clientToken=a%20b%26c%3Dd&%C3%BCmlaut=x%2By%2Fz&nextToken="
        );
    }

    #[test]
    fn keeps_literal_query_first() {
        let mut q = QueryWriter::new("?uploads&x-id=Put");
        q.push("a", "1");
        q.push_flag("f");
        assert_eq!(q.finish(), "?uploads&x-id=Put&a=1&f");
        assert_eq!(QueryWriter::new("literal").finish(), "?literal");
    }
}
