//! Grapheme clusters as the layout engine sees them.
//!
//! A cluster is one user-perceived character of the source text (an extended grapheme cluster).
//! The layout never splits one. Each cluster has a *display form*, which is what is written to
//! the screen and what line breaking measures:
//!
//! * the source itself, in the common case;
//! * a full-width form for ASCII `, ; : ? ! ( )` next to CJK text when
//!   [`LayoutOptions::fullwidth_punct`](super::LayoutOptions) is on (display only);
//! * a visible placeholder for characters that must never reach a terminal: C0 controls other
//!   than newline and tab (`␀`…`␟`, so ESC is `␛`), DEL (`␡`), C1 controls and the bidirectional
//!   controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C, and the separators
//!   U+2028/U+2029 (all `␦`), as decided by [`super::safe`];
//! * a tab is shown as one space;
//! * a newline (`\n` or `\r\n`) is a *hard break*: it ends its line, displays nothing and has no
//!   width. A lone `\r` is a control like any other (`␍`).
//!
//! Widths are `unicode-width` widths of the display form, so East Asian Ambiguous characters
//! (`“ ” … — ·`) are one cell, as ratatui draws them.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use super::LayoutOptions;
use super::safe::placeholder;

/// What the layout needs to know about one cluster beyond its display form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Anything else.
    Normal,
    /// An ASCII space or a tab: may hang (be hidden) at the end of a line.
    Space,
    /// `\n` or `\r\n`: ends the line.
    HardBreak,
}

/// Han ideographs, kana, CJK symbols and punctuation, full-width forms: the context in which an
/// ASCII punctuation mark is shown in its full-width form.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF // kana
        | 0x3400..=0x4DBF // Han extension A
        | 0x4E00..=0x9FFF // Han
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF01..=0xFF60 // full-width forms
        | 0x20000..=0x3FFFF)
}

/// Han ideographs only (what may follow a number as its unit or measure word).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

fn fullwidth(c: char) -> Option<&'static str> {
    Some(match c {
        ',' => "，",
        ';' => "；",
        ':' => "：",
        '?' => "？",
        '!' => "！",
        '(' => "（",
        ')' => "）",
        _ => return None,
    })
}

/// The kind of a source cluster.
pub(crate) fn kind_of(g: &str) -> Kind {
    match g {
        "\n" | "\r\n" => Kind::HardBreak,
        " " | "\t" => Kind::Space,
        _ => Kind::Normal,
    }
}

/// The display form of cluster `g`, given the source clusters before and after it.
pub(crate) fn display_form<'a>(
    g: &'a str,
    prev: Option<&str>,
    next: Option<&str>,
    opts: &LayoutOptions,
) -> Cow<'a, str> {
    let bytes = g.as_bytes();
    if bytes.len() == 1 {
        let b = bytes[0];
        if b == b'\t' {
            return Cow::Borrowed(" ");
        }
        if b == b'\n' {
            return Cow::Borrowed("");
        }
        if opts.fullwidth_punct
            && let Some(fw) = fullwidth(b as char)
        {
            let cjk_before = prev.and_then(|p| p.chars().next_back()).is_some_and(is_cjk);
            let cjk_after = next.and_then(|n| n.chars().next()).is_some_and(is_cjk);
            if cjk_before || cjk_after {
                return Cow::Borrowed(fw);
            }
        }
        if b >= 0x20 && b != 0x7F {
            return Cow::Borrowed(g);
        }
    }
    if g == "\r\n" {
        return Cow::Borrowed("");
    }
    if g.chars().any(|c| placeholder(c).is_some()) {
        return Cow::Owned(g.chars().map(|c| placeholder(c).unwrap_or(c)).collect());
    }
    Cow::Borrowed(g)
}

/// Cell width of a display form.
pub(crate) fn width_of(display: &str) -> usize {
    display.width()
}
