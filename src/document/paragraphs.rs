//! Splitting decoded text into paragraphs.
//!
//! A paragraph is a non-blank line (LF, CRLF or CR). Its `span` is the line
//! without surrounding whitespace (spaces, tabs, full-width `　`); its
//! `content` also drops the Markdown artefacts real reports carry: `#`
//! heading marks, `>` quote marks and `**` bold around a line. YAML front
//! matter and thematic breaks (`---`) are not paragraphs. Offsets always
//! refer to the original text.

use std::ops::Range;

/// One paragraph of the report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The line without surrounding whitespace.
    pub span: Range<usize>,
    /// The words of the paragraph without Markdown marks.
    pub content: Range<usize>,
    /// Markdown heading level (`#` count), 0 for none.
    pub md_heading: u8,
}

/// The paragraphs of a text and the YAML front matter, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraphs {
    pub paragraphs: Vec<Paragraph>,
    /// The front matter block, `---` lines included.
    pub front_matter: Option<Range<usize>>,
}

/// Byte ranges of the lines of `text`, without their line terminators.
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(i) => {
                let end = pos + i;
                pos = end + 1;
                if bytes[end] == b'\r' && bytes.get(pos) == Some(&b'\n') {
                    pos += 1;
                }
                Some(start..end)
            }
            None => {
                pos = bytes.len();
                Some(start..bytes.len())
            }
        }
    })
}

/// Whether `c` is indentation or padding.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let t = s.trim_start_matches(is_space).trim_end_matches(is_space);
    r.start + lead..r.start + lead + t.len()
}

fn is_thematic_break(s: &str) -> bool {
    let Some(mark) = s.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 0;
    for c in s.chars() {
        if c == mark {
            count += 1;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    count >= 3
}

/// Removes Markdown marks from a trimmed line, returning the content range
/// and the heading level.
fn strip_markdown(text: &str, span: Range<usize>) -> (Range<usize>, u8) {
    let mut r = span;
    let mut level = 0u8;
    // `> ` quote marks (a byline), possibly nested.
    while text[r.clone()].starts_with('>') {
        r = trim_range(text, r.start + 1..r.end);
    }
    // `#` headings: 1–6 marks followed by a space.
    let s = &text[r.clone()];
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(|c: char| c.is_whitespace()) {
        level = hashes as u8;
        r = trim_range(text, r.start + hashes..r.end);
        // Optional closing hashes.
        let s = &text[r.clone()];
        let t = s.trim_end_matches('#');
        if t.len() < s.len() && t.ends_with(|c: char| c.is_whitespace()) {
            r = trim_range(text, r.start..r.start + t.len());
        }
    }
    // Bold around the line or its start: `**一、总体要求**`.
    for mark in ["**", "__"] {
        if text[r.clone()].starts_with(mark) {
            r = trim_range(text, r.start + 2..r.end);
            if text[r.clone()].ends_with(mark) {
                r = trim_range(text, r.start..r.end - 2);
            }
        }
    }
    (r, level)
}

/// Splits `text` into paragraphs.
pub fn split(text: &str) -> Paragraphs {
    let mut out = Paragraphs::default();
    let mut lines = lines(text).peekable();
    // YAML front matter: `---` on the first line, closed by `---` or `...`.
    if text.starts_with("---") {
        let first = lines.peek().cloned();
        if let Some(first) = first
            && text[first.clone()].trim_end() == "---"
        {
            let rest: Vec<Range<usize>> =
                super::paragraphs::lines(text).skip(1).take(200).collect();
            if let Some(close) = rest
                .iter()
                .position(|l| matches!(text[l.clone()].trim_end(), "---" | "..."))
            {
                let end = rest[close].end;
                out.front_matter = Some(0..end);
                for _ in 0..close + 2 {
                    lines.next();
                }
            }
        }
    }
    for line in lines {
        let span = trim_range(text, line);
        if span.is_empty() || is_thematic_break(&text[span.clone()]) {
            continue;
        }
        let (content, md_heading) = strip_markdown(text, span.clone());
        if content.is_empty() {
            continue;
        }
        out.paragraphs.push(Paragraph {
            span,
            content,
            md_heading,
        });
    }
    out
}

/// The `title:` of YAML front matter, if present.
pub fn front_matter_title(text: &str, fm: Range<usize>) -> Option<Range<usize>> {
    for line in lines(&text[fm.clone()]) {
        let l = &text[fm.start + line.start..fm.start + line.end];
        if let Some(v) = l.strip_prefix("title:") {
            let lead = l.len() - v.len();
            let v_trim = v.trim().trim_matches(|c| c == '"' || c == '\'');
            if v_trim.is_empty() {
                return None;
            }
            let off = v.find(v_trim)?;
            let start = fm.start + line.start + lead + off;
            return Some(start..start + v_trim.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        split(text)
            .paragraphs
            .iter()
            .map(|p| &text[p.content.clone()])
            .collect()
    }

    #[test]
    fn line_endings_and_indents() {
        let t = "　　第一段\r\n\r\n  第二段\r第三段\n\n";
        assert_eq!(contents(t), ["第一段", "第二段", "第三段"]);
    }

    #[test]
    fn markdown_artefacts() {
        let t = "---\ntitle: 报告\n---\n# 政府工作报告\n> 李强\n\n**一、总体要求**\n***\n**（一）指导思想。**全面贯彻。";
        let p = split(t);
        assert_eq!(
            contents(t),
            [
                "政府工作报告",
                "李强",
                "一、总体要求",
                "（一）指导思想。**全面贯彻。"
            ]
        );
        assert_eq!(p.paragraphs[0].md_heading, 1);
        let fm = p.front_matter.clone().unwrap();
        assert_eq!(&t[front_matter_title(t, fm).unwrap()], "报告");
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        assert_eq!(contents("---\n正文"), ["正文"]);
    }
}
