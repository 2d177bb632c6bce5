//! Reading a quantity (a number and its unit) at a position, and telling
//! a number that stands alone from one glued to something else (`C919`,
//! `第3`).

use std::ops::Range;

use super::lexicon::{DURATION_VERBS, PRE_QUALIFIERS, suffix_in};
use super::{number, units};

/// A quantity at a position: value, unit and where its parts are.
pub(super) struct Quantity {
    pub(super) value: f64,
    pub(super) unit: &'static str,
    /// End of the unit (relative).
    pub(super) end: usize,
    pub(super) chinese: bool,
    /// `多` inside the quantity (`1100多万`).
    pub(super) more: Option<Range<usize>>,
}

pub(super) fn quantity_at(s: &str, i: usize) -> Option<Quantity> {
    let before = &s[..i];
    let before =
        suffix_in(before, PRE_QUALIFIERS).map_or(before, |p| &before[..before.len() - p.len()]);
    let duration = suffix_in(before, DURATION_VERBS).is_some();
    let rest = &s[i..];
    let (value, mut end, chinese, more) = if let Some((v, n)) = number::parse_percent_words(rest) {
        return Some(Quantity {
            value: v,
            unit: "%",
            end: i + n,
            chinese: false,
            more: None,
        });
    } else if let Some((v, n)) = number::parse_arabic(rest) {
        let mut end = i + n;
        let mut more = None;
        if s[end..].starts_with('多') {
            more = Some(end..end + '多'.len_utf8());
            end += '多'.len_utf8();
        }
        let (m, mlen) = number::parse_multiplier(&s[end..]);
        (number::scale(v, m), end + mlen, false, more)
    } else {
        let (v, n) = number::parse_chinese(rest)?;
        (v, i + n, true, None)
    };
    let unit = duration
        .then(|| units::match_duration(&s[end..]))
        .flatten()
        .or_else(|| units::match_unit(&s[end..]))?;
    end += unit.len();
    Some(Quantity {
        value,
        unit: units::normalise(unit),
        end,
        chinese,
        more,
    })
}

pub(super) fn starts_number(s: &str, i: usize) -> bool {
    let Some(c) = s[i..].chars().next() else {
        return false;
    };
    number::arabic_digit(c).is_some()
        || crate::document::numerals::cn_digit(c).is_some()
        || c == '十'
        || s[i..].starts_with("百分之")
}

/// Whether the character before a number shows it is part of something
/// else: another number, a Latin code (`C919`), a version, an ordinal.
pub(super) fn glued(prev: Option<char>, chinese: bool) -> bool {
    let Some(p) = prev else { return false };
    number::arabic_digit(p).is_some()
        || p.is_ascii_alphabetic()
        || matches!(p, '.' | '．' | '第' | '-' | '+' | '/')
        || chinese && number::is_cn_numeral_char(p)
}
