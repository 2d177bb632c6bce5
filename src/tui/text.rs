//! Small text helpers for the screen: display width, cutting with `…`, and
//! making report text safe to put on a terminal.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// The cell width of a character as the screen shows it (control
/// characters are replaced by a one-cell picture, see [`sanitize`]).
pub fn char_width(c: char) -> usize {
    if c == '\t' || crate::layout::safe::placeholder(c).is_some() {
        1
    } else {
        c.width().unwrap_or(1)
    }
}

/// The cell width of a string as the screen shows it.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Terminal-safe text for labels and breadcrumbs (see
/// [`crate::layout::safe`]).
pub use crate::layout::safe::visible as sanitize;

/// Cuts `s` to at most `width` cells, ending with `…` when cut. Never
/// splits a wide character.
pub fn truncate(s: &str, width: usize) -> Cow<'_, str> {
    if str_width(s) <= width {
        return Cow::Borrowed(s);
    }
    if width == 0 {
        return Cow::Borrowed("");
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = char_width(c);
        if w + cw > width - 1 {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_never_splits_wide() {
        assert_eq!(truncate("重点行业稳定支撑", 5), "重点…");
        assert_eq!(truncate("重点行业稳定支撑", 6), "重点…");
        assert_eq!(truncate("重点", 4), "重点");
        assert_eq!(truncate("重点", 1), "…");
        assert_eq!(truncate("重点", 0), "");
    }

    #[test]
    fn sanitize_controls() {
        assert_eq!(sanitize("a\x1b[2Jb\u{9b}c"), "a␛[2Jb␦c");
        assert!("␛␦␡".chars().all(|c| char_width(c) == 1));
    }
}
