//! [`Snippet`]: a hit with some context around it, cleaned for a terminal.

use std::ops::Range;

use super::visible;

/// A hit with some context, cleaned for a terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// Text before the hit, `…`-prefixed when cut.
    pub before: String,
    pub hit: String,
    /// Text after the hit, `…`-suffixed when cut.
    pub after: String,
}

impl Snippet {
    /// The snippet as one plain string.
    pub fn plain(&self) -> String {
        format!("{}{}{}", self.before, self.hit, self.after)
    }
}

/// Up to `context` characters either side of `range`, within its line,
/// with control characters made visible ([`visible`]) and Markdown bold
/// marks (`**`) left out of the context.
///
/// A range off the character boundaries is widened to them, never cut.
pub fn snippet(text: &str, range: Range<usize>, context: usize) -> Snippet {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let range = start..end;
    let stop = |c: char| c == '\n' || c == '\r';
    let mut b = range.start;
    let mut cut_before = false;
    for (n, (i, c)) in text[..range.start].char_indices().rev().enumerate() {
        if stop(c) {
            break;
        }
        if n == context {
            cut_before = true;
            break;
        }
        b = i;
    }
    let mut a = range.end;
    let mut cut_after = false;
    for (n, c) in text[range.end..].chars().enumerate() {
        if stop(c) {
            break;
        }
        if n == context {
            cut_after = true;
            break;
        }
        a += c.len_utf8();
    }
    let mut before = String::new();
    if cut_before {
        before.push('…');
    }
    before.push_str(&visible(&without_bold(text[b..range.start].trim_start())));
    let mut after = visible(&without_bold(text[range.end..a].trim_end())).into_owned();
    if cut_after {
        after.push('…');
    }
    Snippet {
        before,
        hit: visible(&text[range]).into_owned(),
        after,
    }
}

/// `s` without Markdown bold marks.
fn without_bold(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains("**") {
        s.replace("**", "").into()
    } else {
        s.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_clean() {
        let t = "a\u{1b}[31mb大零号湾c\td\nnext";
        let s = snippet(t, 7..19, 3);
        assert_eq!(s.before, "…1mb");
        assert_eq!(s.hit, "大零号湾");
        assert_eq!(s.after, "c d");
        let s = snippet(t, 7..19, 20);
        assert_eq!(s.before, "a␛[31mb");
    }

    #[test]
    fn bold_marks_never_reach_a_snippet() {
        let t = "**（一）指导思想。**全面贯彻大零号湾**精神**。";
        let at = t.find("大零号湾").unwrap();
        let s = snippet(t, at..at + "大零号湾".len(), 40);
        assert_eq!(s.plain(), "（一）指导思想。全面贯彻大零号湾精神。");
    }
}
