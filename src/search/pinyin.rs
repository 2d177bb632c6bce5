//! Pinyin matching: a query of ASCII letters finds Han text by its readings.
//!
//! The data and the matcher are ib-pinyin's ([`PinyinMatcher`]), with the
//! notations [`PinyinNotation::Ascii`] (full pinyin, `dalinghaowan`) and
//! [`PinyinNotation::AsciiFirstLetter`] (initials, `dlhw`), mixed freely
//! character by character (`dalhw`), every reading of a polyphonic character
//! accepted (`minhang` and `minxing` both find 闵行). The last syllable may be
//! a prefix (`dalinghaowa` already finds 大零号湾), so hits do not flicker
//! while a query is typed.
//!
//! Matching runs only over *Han runs*: maximal runs of Han characters. A
//! pinyin hit therefore contains Han characters only; it never matches the
//! letters of the query themselves (that is the literal search's job), never
//! spans punctuation, and never overlaps a literal hit of the same query.

use std::ops::Range;
use std::sync::OnceLock;

use ib_pinyin::matcher::PinyinMatcher;
use ib_pinyin::pinyin::{PinyinData, PinyinNotation};

/// The fewest letters a query needs to be matched by pinyin: one letter
/// would match every character with that initial.
pub const MIN_LETTERS: usize = 2;

fn notations() -> PinyinNotation {
    PinyinNotation::Ascii | PinyinNotation::AsciiFirstLetter
}

/// The crate's pinyin tables, built once per process (about 1 ms).
pub fn data() -> &'static PinyinData {
    static DATA: OnceLock<PinyinData> = OnceLock::new();
    DATA.get_or_init(|| PinyinData::new(notations()))
}

/// The pinyin pattern of a folded query: its letters, when the query is
/// made only of ASCII letters, spaces and apostrophes (`da ling hao wan`,
/// `xi'an`) and has at least [`MIN_LETTERS`] letters. `None` otherwise.
pub fn pattern(folded_query: &str) -> Option<String> {
    let mut letters = String::new();
    for c in folded_query.chars() {
        match c {
            'a'..='z' => letters.push(c),
            ' ' | '\'' => {}
            _ => return None,
        }
    }
    (letters.len() >= MIN_LETTERS).then_some(letters)
}

/// Whether a character is a Han ideograph (the characters with pinyin).
#[inline]
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// The Han runs of a text as `(start, end)` byte offsets, in order.
pub fn han_runs(text: &str) -> Vec<(u32, u32)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_han(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.push((s as u32, i as u32));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.push((s as u32, text.len() as u32));
    }
    runs.shrink_to_fit();
    runs
}

/// First letters of the readings of the CJK Unified Ideographs
/// (U+4E00–9FFF), one bit per letter, read once from the crate's data.
fn first_letters() -> &'static [u32] {
    static MASKS: OnceLock<Vec<u32>> = OnceLock::new();
    MASKS.get_or_init(|| {
        let data = data();
        ('\u{4E00}'..='\u{9FFF}')
            .map(|c| {
                let mut mask = 0;
                data.get_pinyins_and_for_each(c, |p| {
                    if let Some(&b) = p
                        .notation(PinyinNotation::Ascii)
                        .and_then(|a| a.as_bytes().first())
                        && b.is_ascii_lowercase()
                    {
                        mask |= 1 << (b - b'a');
                    }
                });
                mask
            })
            .collect()
    })
}

/// Whether a reading of `c` may start with a letter of `mask` (always
/// true outside the table, to leave those to the matcher).
#[inline]
fn may_start(masks: &[u32], c: char, mask: u32) -> bool {
    match (c as usize).checked_sub(0x4E00).and_then(|i| masks.get(i)) {
        Some(&m) => m & mask != 0,
        None => true,
    }
}

/// A compiled pinyin pattern.
pub struct PinyinFinder<'p> {
    matcher: PinyinMatcher<'p>,
    /// The bit of the pattern's first letter: a prefilter, since a match
    /// starts with the initial (which is also the first letter of the full
    /// pinyin) of its first character.
    first: u32,
    masks: &'static [u32],
}

impl<'p> PinyinFinder<'p> {
    /// Compiles a pattern from [`pattern`] (a few microseconds).
    pub fn new(pattern: &'p str) -> PinyinFinder<'p> {
        PinyinFinder {
            matcher: PinyinMatcher::builder(pattern)
                .pinyin_data(data())
                .pinyin_notations(notations())
                .is_pattern_partial(true)
                .build(),
            first: pattern
                .bytes()
                .next()
                .filter(u8::is_ascii_lowercase)
                .map_or(u32::MAX, |b| 1 << (b - b'a')),
            masks: first_letters(),
        }
    }

    /// Calls `hit` with every non-overlapping match in `run` (a Han run
    /// starting at byte `base` of the text), leftmost first.
    pub fn find_in_run(&self, run: &str, base: usize, mut hit: impl FnMut(Range<usize>)) {
        let mut i = 0;
        while let Some(c) = run[i..].chars().next() {
            if may_start(self.masks, c, self.first)
                && let Some(m) = self.matcher.test(&run[i..])
                && m.end() > 0
            {
                hit(base + i..base + i + m.end());
                i += m.end();
            } else {
                i += c.len_utf8();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(q: &str, text: &str) -> Vec<Range<usize>> {
        let p = pattern(q).unwrap();
        let f = PinyinFinder::new(&p);
        let mut out = Vec::new();
        for (s, e) in han_runs(text) {
            f.find_in_run(&text[s as usize..e as usize], s as usize, |r| out.push(r));
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn prefilter_loses_nothing(text in "[大零号湾闵行区莘庄的地了和重长乐]{0,40}", q in "[dlhwmxzcaoing]{2,8}") {
            let p = pattern(&q).unwrap();
            let plain = PinyinMatcher::builder(p.as_str())
                .pinyin_data(data())
                .pinyin_notations(notations())
                .is_pattern_partial(true)
                .build();
            let mut expected = Vec::new();
            let mut i = 0;
            while let Some(m) = plain.find(&text[i..]) {
                expected.push(i + m.start()..i + m.end());
                i += m.end();
            }
            proptest::prop_assert_eq!(find(&q, &text), expected);
        }
    }

    #[test]
    fn patterns() {
        assert_eq!(pattern("da ling hao wan").as_deref(), Some("dalinghaowan"));
        assert_eq!(pattern("xi'an").as_deref(), Some("xian"));
        assert_eq!(pattern("d"), None);
        assert_eq!(pattern("5g"), None);
        assert_eq!(pattern("大"), None);
    }

    #[test]
    fn initials_full_and_polyphones() {
        let t = "在闵行区,大零号湾。";
        assert_eq!(find("mhq", t), vec![3..12]);
        assert_eq!(find("minhang", t), vec![3..9]);
        assert_eq!(find("minxing", t), vec![3..9]);
        assert_eq!(find("dlhw", t), vec![13..25]);
        assert_eq!(find("dalinghaowan", t), vec![13..25]);
        assert_eq!(find("dalinghaowa", t), vec![13..25]);
        assert!(find("dlhw", "dlhw").is_empty());
    }
}
