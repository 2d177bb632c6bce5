//! Small text helpers for the screen: display width, cutting with `…`, and
//! making report text safe to put on a terminal.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

/// The cell width of a character as the screen shows it (control
/// characters are replaced by a one-cell picture, see [`sanitize`]).
pub fn char_width(c: char) -> usize {
    if unsafe_char(c) {
        1
    } else {
        c.width().unwrap_or(1)
    }
}

/// The cell width of a string as the screen shows it.
pub fn str_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Replaces control characters (C0, DEL and C1, including the one-byte CSI
/// U+009B) so that report text can never drive the terminal.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' => ' ',
                c if unsafe_char(c) => control_picture(c),
                c => c,
            })
            .collect(),
    )
}

/// Characters that must never reach a terminal: controls, and the
/// bidirectional controls and separators that reorder or break lines.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c as u32, 0x202A..=0x202E | 0x2066..=0x2069 | 0x200E | 0x200F | 0x061C | 0x2028 | 0x2029)
}

/// A visible stand-in for a control character: the Control Pictures
/// block (`␛` for ESC), `␦` for C1 characters. All are one cell wide
/// everywhere (not East Asian Ambiguous).
fn control_picture(c: char) -> char {
    match c as u32 {
        n @ 0..0x20 => char::from_u32(0x2400 + n).unwrap_or('␦'),
        0x7f => '␡',
        _ => '␦',
    }
}

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
