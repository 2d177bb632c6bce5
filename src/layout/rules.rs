//! Where a line may break: UAX #14 opportunities plus the W3C clreq "basic" prohibitions.
//!
//! A boundary is the position between two clusters. Each boundary gets a [`Level`]:
//!
//! * [`Level::Legal`]: UAX #14 (unicode-linebreak, Unicode 15.0, run on the *display* forms)
//!   allows a break, extended by Unicode 15.1's LB19a (a break is allowed before an opening
//!   quote `“ ‘` that follows CJK text, and after a closing quote `” ’` that precedes CJK text;
//!   15.0 forbade any break next to a quotation mark), and none of the clreq rules below forbids
//!   it.
//! * [`Level::Clreq`]: UAX #14 or the number rule forbids it, but the clreq start/end rules do
//!   not (inside a Latin word or a long number): used only when a line has no legal break.
//! * [`Level::Never`]: a clreq rule forbids it; used only when nothing better fits.
//!
//! clreq rules: no line starts with [`PROHIBITED_START`], no line ends with [`PROHIBITED_END`],
//! `——` and `……` are never split; a number stays with its decimal point, its `%` and the unit
//! or measure word that follows it (`4000家`, `5.2%`, `1万平方米`, `60公顷`).

/// How acceptable a break at a boundary is. Ordered from worst to best.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// A clreq start/end prohibition (or `——`/`……`) forbids it.
    Never,
    /// Allowed by clreq's start/end rules, forbidden by UAX #14 or the number rule.
    Clreq,
    /// Allowed by every rule.
    Legal,
}

/// Characters that may not start a line (clreq basic set, with ASCII and a few full-width
/// variants).
pub const PROHIBITED_START: &str = "，。、；：？！）》」』】〕〉”’…‥·～／,.;:?!)]}%］｝％〗〙〞・";

/// Characters that may not end a line.
pub const PROHIBITED_END: &str = "（《「『【〔〈“‘([{［｛〖〘〝";

/// May `c` start a line?
pub fn is_prohibited_start(c: char) -> bool {
    !plain(c) && PROHIBITED_START.contains(c)
}

/// May `c` end a line?
pub fn is_prohibited_end(c: char) -> bool {
    !plain(c) && PROHIBITED_END.contains(c)
}

/// Fast path: letters, digits and Han are in neither set.
fn plain(c: char) -> bool {
    c.is_ascii_alphanumeric() || super::cluster::is_han(c)
}

/// Pairs that are never split: `——` (U+2014 or U+2015) and `……` (U+2026 or U+22EF).
pub fn is_inseparable_pair(a: char, b: char) -> bool {
    matches!((a, b), ('—' | '―', '—' | '―') | ('…' | '⋯', '…' | '⋯'))
}

/// Multi-character units kept with the number before them, longest first.
const UNITS: &[&str] = &[
    "个百分点",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "百分点",
    "公顷",
    "公里",
    "千米",
    "厘米",
    "毫米",
    "公斤",
    "千克",
    "小时",
    "分钟",
    "周年",
    "个月",
    "千瓦",
    "兆瓦",
    "万元",
    "亿元",
];

/// Numeral multipliers that may sit between a number and its unit (`1万平方米`).
const MULTIPLIERS: &str = "十百千万亿";

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The part of a cluster list the rules need: display first/last char of each cluster.
pub(crate) trait ClusterView {
    fn len(&self) -> usize;
    /// First char of cluster `i`'s display form (`None` if empty).
    fn first(&self, i: usize) -> Option<char>;
    /// Last char of cluster `i`'s display form.
    fn last(&self, i: usize) -> Option<char>;
    /// Cluster `i` is a single char `c` (display form).
    fn single(&self, i: usize) -> Option<char>;
}

/// Clreq start/end/pair check for the boundary before cluster `i` (1 ≤ i < n).
pub(crate) fn clreq_ok(v: &impl ClusterView, i: usize) -> bool {
    let (a, b) = (v.last(i - 1), v.first(i));
    if b.is_some_and(is_prohibited_start) || a.is_some_and(is_prohibited_end) {
        return false;
    }
    match (a, b) {
        (Some(a), Some(b)) => !is_inseparable_pair(a, b),
        _ => true,
    }
}

/// LB19a of Unicode 15.1: breaks next to quotation marks in CJK context.
pub(crate) fn quote_relaxation(v: &impl ClusterView, i: usize) -> bool {
    let (a, b) = (v.last(i - 1), v.first(i));
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let cjk = super::cluster::is_cjk;
    (matches!(b, '“' | '‘') && cjk(a) && !is_prohibited_end(a))
        || (matches!(a, '”' | '’') && cjk(b) && !is_prohibited_start(b))
}

/// Marks boundaries inside numbers-with-units as glued (`glued[i]`: no break before cluster i).
pub(crate) fn glue_numbers(v: &impl ClusterView, glued: &mut [bool]) {
    let n = v.len();
    let single = |i: usize| if i < n { v.single(i) } else { None };
    let mut i = 0;
    while i < n {
        if !single(i).is_some_and(is_digit) {
            i += 1;
            continue;
        }
        // The number: digits, with `.` `,` `．` between digits.
        let mut j = i + 1;
        loop {
            match single(j) {
                Some(c) if is_digit(c) => j += 1,
                Some('.' | ',' | '．') if single(j + 1).is_some_and(is_digit) => j += 2,
                _ => break,
            }
        }
        if matches!(single(j), Some('%' | '％' | '‰')) {
            j += 1;
        } else {
            // Multipliers, then a listed unit or one measure word.
            while single(j).is_some_and(|c| MULTIPLIERS.contains(c)) {
                j += 1;
            }
            if let Some(len) = UNITS.iter().find_map(|u| {
                let k = u.chars().count();
                (u.chars().enumerate().all(|(x, c)| single(j + x) == Some(c))).then_some(k)
            }) {
                j += len;
            } else if single(j).is_some_and(super::cluster::is_han) {
                j += 1;
            }
        }
        for g in &mut glued[i + 1..j] {
            *g = true;
        }
        i = j;
    }
}
