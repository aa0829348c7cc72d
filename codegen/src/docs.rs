//! Turns the model's HTML documentation into rustdoc Markdown: paragraphs, bullet lists,
//! `code`, links and emphasis. Text is escaped so rustdoc sees no stray HTML tags, no
//! intra-doc links from `[x]` and no bare URLs. Unknown tags are dropped, their text kept.

/// Converts model HTML to Markdown lines (no trailing blank lines).
pub fn html_to_markdown(html: &str) -> String {
    let mut w = Writer::default();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(stripped) = rest.strip_prefix('<') {
            match stripped.find('>') {
                Some(end) => {
                    w.tag(&stripped[..end]);
                    rest = &stripped[end + 1..];
                }
                None => {
                    w.text("<");
                    rest = stripped;
                }
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            w.text(&decode_entities(&rest[..end]));
            rest = &rest[end..];
        }
    }
    w.finish()
}

#[derive(Default)]
struct Writer {
    blocks: Vec<Block>,
    current: String,
    list_depth: usize,
    in_item: bool,
    code: Option<String>,
    link: Option<(String, String)>,
}

struct Block {
    text: String,
    /// `Some(depth)` for a list item.
    item: Option<usize>,
}

impl Writer {
    fn tag(&mut self, raw: &str) {
        let raw = raw.trim();
        let closing = raw.starts_with('/');
        let body = raw.trim_start_matches('/').trim_end_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match (name.as_str(), closing) {
            (
                "p" | "div" | "note" | "important" | "dl" | "dt" | "dd" | "h1" | "h2" | "h3" | "h4",
                _,
            ) => {
                if !self.in_item {
                    self.flush();
                } else {
                    self.push_space();
                }
            }
            ("br", _) => self.push_space(),
            ("ul" | "ol", false) => {
                self.flush();
                self.list_depth += 1;
                self.in_item = false;
            }
            ("ul" | "ol", true) => {
                self.flush();
                self.list_depth = self.list_depth.saturating_sub(1);
                self.in_item = false;
            }
            ("li", false) => {
                self.flush();
                self.in_item = true;
            }
            ("li", true) => {
                self.flush();
                self.in_item = false;
            }
            ("code", false) if self.code.is_none() => self.code = Some(String::new()),
            ("code", true) => {
                if let Some(code) = self.code.take() {
                    let code = collapse_ws(&code);
                    let code = code.trim();
                    if !code.is_empty() {
                        let fence = if code.contains('`') { "``" } else { "`" };
                        let pad = if code.starts_with('`') || code.ends_with('`') {
                            " "
                        } else {
                            ""
                        };
                        let s = format!("{fence}{pad}{code}{pad}{fence}");
                        self.push_raw(&s);
                    }
                }
            }
            ("a", false) => {
                let href = attr(body, "href").unwrap_or_default();
                self.link = Some((href, String::new()));
            }
            ("a", true) => {
                if let Some((href, text)) = self.link.take() {
                    let text = text.trim().to_string();
                    let s = if href.starts_with("http://") || href.starts_with("https://") {
                        if text.is_empty() {
                            format!("<{href}>")
                        } else {
                            format!("[{text}]({})", href.replace(' ', "%20").replace(')', "%29"))
                        }
                    } else {
                        text
                    };
                    self.push_raw(&s);
                }
            }
            ("b" | "strong", _) => self.push_raw("**"),
            ("i" | "em", _) => self.push_raw("*"),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(code) = self.code.as_mut() {
            code.push_str(text);
            return;
        }
        let escaped = escape_text(&collapse_ws(text));
        self.push_raw(&escaped);
    }

    fn push_raw(&mut self, s: &str) {
        if let Some(code) = self.code.as_mut() {
            code.push_str(s);
        } else if let Some((_, text)) = self.link.as_mut() {
            text.push_str(s);
        } else {
            self.current.push_str(s);
        }
    }

    fn push_space(&mut self) {
        self.push_raw(" ");
    }

    fn flush(&mut self) {
        let text = collapse_ws(&self.current).trim().to_string();
        self.current.clear();
        if text.is_empty() {
            return;
        }
        let text = escape_block_start(&text);
        let item = (self.in_item && self.list_depth > 0).then_some(self.list_depth);
        self.blocks.push(Block { text, item });
    }

    fn finish(mut self) -> String {
        if let Some(code) = self.code.take() {
            let s = escape_text(&collapse_ws(&code));
            self.current.push_str(&s);
        }
        if let Some((_, text)) = self.link.take() {
            self.current.push_str(&text);
        }
        self.flush();
        let mut out = String::new();
        let mut prev_item = false;
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push('\n');
                if !(prev_item && b.item.is_some()) {
                    out.push('\n');
                }
            }
            if let Some(depth) = b.item {
                out.push_str(&"  ".repeat(depth - 1));
                out.push_str("- ");
            }
            out.push_str(&b.text);
            prev_item = b.item.is_some();
        }
        out
    }
}

fn attr(tag_body: &str, name: &str) -> Option<String> {
    let lower = tag_body.to_ascii_lowercase();
    let start = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag_body[start..];
    let quote = rest.chars().next()?;
    if quote == '"' || quote == '\'' {
        let end = rest[1..].find(quote)? + 1;
        Some(decode_entities(&rest[1..end]))
    } else {
        Some(rest.split_whitespace().next().unwrap_or("").to_string())
    }
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let ent = &after[1..e];
            let c = match ent {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => ent
                    .strip_prefix("#x")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Escapes Markdown-active characters in running text and wraps bare URLs in `<...>`.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if let Some(url_start) = word.find("http://").or_else(|| word.find("https://")) {
            let (before, url) = word.split_at(url_start);
            let url_end = url.find(['"', '<', '>', ')', ',']).unwrap_or(url.len());
            let (url, after) = url.split_at(url_end);
            let (url, trailing_dot) = match url.strip_suffix('.') {
                Some(u) => (u, "."),
                None => (url, ""),
            };
            escape_word(before, &mut out);
            out.push('<');
            out.push_str(url);
            out.push('>');
            out.push_str(trailing_dot);
            escape_word(after, &mut out);
        } else {
            escape_word(word, &mut out);
        }
    }
    out
}

fn escape_word(word: &str, out: &mut String) {
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' | '[' | ']' | '<' | '>' | '*' | '`' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                let prev_alnum = i > 0 && chars[i - 1].is_alphanumeric();
                let next_alnum = chars.get(i + 1).is_some_and(|n| n.is_alphanumeric());
                if !(prev_alnum && next_alnum) {
                    out.push('\\');
                }
                out.push('_');
            }
            _ => out.push(c),
        }
    }
}

/// A block must not start with something Markdown reads as a heading, list or quote.
fn escape_block_start(s: &str) -> String {
    let first = s.chars().next();
    let numbered = {
        let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
        !digits.is_empty() && matches!(s[digits.len()..].chars().next(), Some('.' | ')'))
    };
    if matches!(first, Some('#' | '-' | '+' | '=' | '>' | '~')) {
        format!("\\{s}")
    } else if numbered {
        let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
        format!("{}\\{}", &s[..digits], &s[digits..])
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::html_to_markdown as md;

    #[test]
    fn paragraphs_and_code() {
        assert_eq!(
            md("<p>Creates a new <code>Changeset</code>.</p> <p>Second.</p>"),
            "Creates a new `Changeset`.\n\nSecond."
        );
    }

    #[test]
    fn lists_with_nested_paragraphs() {
        let html = "<p>Status:</p> <ul> <li> <p> <code>CREATING</code> – in progress.</p> </li> <li> <p><code>ENABLED</code> – active.</p> </li> </ul> <p>After.</p>";
        assert_eq!(
            md(html),
            "Status:\n\n- `CREATING` – in progress.\n- `ENABLED` – active.\n\nAfter."
        );
    }

    #[test]
    fn links_and_bare_urls() {
        assert_eq!(
            md(
                r#"<p>See <a href="https://docs.aws.amazon.com/x.html">the guide</a> or https://example.com/a.</p>"#
            ),
            "See [the guide](https://docs.aws.amazon.com/x.html) or <https://example.com/a>."
        );
        assert_eq!(md(r#"<a href="relative">text</a>"#), "text");
    }

    #[test]
    fn escapes_brackets_and_tags() {
        assert_eq!(
            md("<p>a [b] &lt;c&gt; *d* _e_ snake_case</p>"),
            r"a \[b\] \<c\> \*d\* \_e\_ snake_case"
        );
        assert_eq!(md("<p>- not a list</p>"), r"\- not a list");
        assert_eq!(md("<p>1. not a list</p>"), r"1\. not a list");
    }

    #[test]
    fn code_keeps_text_and_entities() {
        assert_eq!(md("<code> { \"a\": [1] } </code>"), "`{ \"a\": [1] }`");
        assert_eq!(md("<code>a`b</code>"), "``a`b``");
        assert_eq!(md("<p>x &amp; y &#39;z&#x27;</p>"), "x & y 'z'");
    }

    #[test]
    fn plain_text_and_unclosed_markup() {
        assert_eq!(md("Common Boolean data type"), "Common Boolean data type");
        assert_eq!(md("a < b"), r"a \< b");
        assert_eq!(md("<p><b>Bold</b> <i>it</i></p>"), "**Bold** *it*");
        assert_eq!(md(""), "");
    }
}
