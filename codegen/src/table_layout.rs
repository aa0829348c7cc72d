//! Lays out `sdk_runtime::json_struct!` invocations one member per line after formatting.
//! `prettyplease` prints macro arguments as a filled token stream (`field : "wire" => Plain,`
//! wrapped at the margin); a table is easier to read and diff one row per member.

/// The macro whose invocations are re-laid out.
const MACRO: &str = "sdk_runtime::json_struct!(";

/// Rewrites every `json_struct!` invocation in `text`; everything else is unchanged.
pub fn layout_tables(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(MACRO) {
        let args_start = start + MACRO.len();
        let Some(len) = closing_paren(&rest[args_start..]) else {
            break;
        };
        out.push_str(&rest[..args_start]);
        out.push_str(&table(&rest[args_start..args_start + len]));
        // Skip the argument text and its `)`; the `;` and what follows stay as they are.
        out.push(')');
        rest = &rest[args_start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The byte length of the text before the `)` that closes an already opened `(`.
fn closing_paren(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut lit = Literal::default();
    for (i, c) in s.char_indices() {
        if lit.step(c) {
            continue;
        }
        match c {
            '(' | '{' | '[' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' | '}' | ']' => depth = depth.checked_sub(1)?,
            _ => {}
        }
    }
    None
}

/// `Name { a : "x" => Plain, b : "y" => Float }` as `Name {\n    a: "x" => Plain,\n ...}`.
fn table(args: &str) -> String {
    let flat = squeeze(args);
    let (Some(open), Some(close)) = (flat.find('{'), flat.rfind('}')) else {
        return args.to_owned();
    };
    let name = flat[..open].trim();
    let rows: Vec<String> = split_rows(&flat[open + 1..close])
        .into_iter()
        .map(|row| row.replacen(" :", ":", 1))
        .collect();
    if rows.is_empty() {
        return format!("{name} {{}}");
    }
    let mut s = format!("{name} {{\n");
    for row in rows {
        s.push_str("    ");
        s.push_str(&row);
        s.push_str(",\n");
    }
    s.push('}');
    s
}

/// Collapses each run of whitespace outside string literals to one space.
fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut lit = Literal::default();
    let mut space = false;
    for c in s.chars() {
        if !lit.step(c) && c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    out
}

/// The comma-separated rows of a table body, trimmed, without empty ones.
fn split_rows(body: &str) -> Vec<String> {
    let mut rows = Vec::new();
    let mut current = String::new();
    let mut lit = Literal::default();
    for c in body.chars() {
        if !lit.step(c) && c == ',' {
            rows.push(std::mem::take(&mut current));
            continue;
        }
        current.push(c);
    }
    rows.push(current);
    rows.into_iter()
        .map(|r| r.trim().to_owned())
        .filter(|r| !r.is_empty())
        .collect()
}

/// Tracks whether a character stream is inside a string literal.
#[derive(Default)]
struct Literal {
    inside: bool,
    escaped: bool,
}

impl Literal {
    /// Feeds `c`; true when `c` belongs to a string literal (its quotes included).
    fn step(&mut self, c: char) -> bool {
        if !self.inside {
            self.inside = c == '"';
            return self.inside;
        }
        match c {
            _ if self.escaped => self.escaped = false,
            '\\' => self.escaped = true,
            '"' => self.inside = false,
            _ => {}
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_row_per_member() {
        let text = "struct A;\nsdk_runtime::json_struct!(\n    A { a : \"x, y\" => Plain, b_c : \"q\\\"\" |\n    \"Q\" => Float }\n);\nfn f() {}\n";
        assert_eq!(
            layout_tables(text),
            "struct A;\nsdk_runtime::json_struct!(A {\n    a: \"x, y\" => Plain,\n    b_c: \"q\\\"\" | \"Q\" => Float,\n});\nfn f() {}\n"
        );
    }

    #[test]
    fn empty_tables_and_other_text_are_kept() {
        let text = "sdk_runtime::json_struct!(E {});\nlet s = \"json_struct!(\";\n";
        assert_eq!(layout_tables(text), text);
        assert_eq!(layout_tables("no macro here"), "no macro here");
    }
}
