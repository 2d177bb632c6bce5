//! Terminal-safe text: the one place that decides which characters may
//! never reach a terminal and what is shown instead.
//!
//! A report must not be able to move the cursor, clear the screen, set the
//! window title or write the clipboard, so C0 controls (other than newline
//! and tab, which callers lay out), DEL, C1 controls (U+009B is a one-byte
//! CSI), the bidirectional controls and the line/paragraph separators are
//! replaced by visible stand-ins: the Control Pictures (`␛` for ESC, `␡`
//! for DEL) and `␦` for the rest. All stand-ins are one cell wide in every
//! terminal (none is East Asian Ambiguous, unlike `�`).

use std::borrow::Cow;

/// The stand-in for a character that must not reach a terminal, if `c` is
/// one. Newline and tab are not replaced here.
pub fn placeholder(c: char) -> Option<char> {
    let u = c as u32;
    match u {
        0x00..=0x1F if c != '\n' && c != '\t' => char::from_u32(0x2400 + u),
        0x7F => Some('\u{2421}'),
        0x80..=0x9F
        | 0x202A..=0x202E
        | 0x2066..=0x2069
        | 0x200E
        | 0x200F
        | 0x061C
        | 0x2028
        | 0x2029 => Some('\u{2426}'),
        _ => None,
    }
}

/// A one-line, terminal-safe copy of `s` for labels, breadcrumbs and
/// snippets: stand-ins as above, a tab as one space, a newline as `␊`.
pub fn visible(s: &str) -> Cow<'_, str> {
    let bad = |c: char| c == '\t' || c == '\n' || placeholder(c).is_some();
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' => ' ',
                '\n' => '\u{240A}',
                c => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

/// The most characters of a message on standard error: one line, however
/// long the file name or the value it quotes.
pub const MESSAGE_CHARS: usize = 240;

/// A terminal-safe message of one short line: [`visible`], cut to
/// `max_chars` characters with `…` (a file name or a config value can be
/// megabytes long). For error messages.
pub fn one_line(s: &str, max_chars: usize) -> Cow<'_, str> {
    let cut = s.char_indices().nth(max_chars).map(|(i, _)| i);
    match cut {
        None => visible(s),
        Some(i) => {
            let mut out = visible(&s[..i]).into_owned();
            out.push('…');
            Cow::Owned(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthChar;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(
            visible("a\x1b[2Jb\u{9b}c\u{202e}d\te\nf\x7f"),
            "a␛[2Jb␦c␦d e␊f␡"
        );
        assert!(matches!(visible("大零号湾 ok"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_is_short_and_safe() {
        assert_eq!(one_line("no\x1b[2Jsuch\nfile", 40), "no␛[2Jsuch␊file");
        let long = "x".repeat(1_000_000);
        let cut = one_line(&long, 100);
        assert_eq!(cut.chars().count(), 101);
        assert!(cut.ends_with('…'));
        assert!(matches!(one_line("大零号湾", 4), Cow::Borrowed(_)));
        assert_eq!(one_line("大零号湾", 2), "大零…");
    }

    #[test]
    fn every_stand_in_is_one_cell_and_safe() {
        for u in (0..0x100).chain(0x2000..0x2070).chain([0x061C]) {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(p) = placeholder(c) {
                assert_eq!(p.width(), Some(1), "{u:#x}");
                assert_eq!(placeholder(p), None);
                assert!(!p.is_control());
            }
        }
    }
}
