//! Pinyin matching: a query of ASCII letters finds Han text by its readings.
//!
//! The readings are ib-matcher's data ([`PinyinData`]), in the notations
//! [`PinyinNotation::Ascii`] (full pinyin, `dalinghaowan`) and
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
//!
//! # Cost
//! The matcher is ours, a set-of-states walk ([`PinyinFinder`]): from a
//! start character it carries the *set* of query positions reached so far,
//! so two ways of spelling the same letters (啊 has five tones, all `a`, and
//! its initial is `a` too) are one state, not two branches. ib-matcher's own
//! matcher backtracks through every branch: `aaaaaaaab` against a run of 啊
//! took seconds per kilobyte, exponential in the query. Here a start costs
//! at most one step per character it can reach (at most the query's
//! letters) times the states alive, and a query has at most
//! [`MAX_LETTERS`] letters: linear in the text. Every spelling moves all
//! the states at once (bit masks per spelling, computed when the pattern
//! is compiled: a pass over the few hundred spellings and the table's
//! characters, tens of microseconds whatever the query).

use std::ops::Range;
use std::sync::OnceLock;

use ib_matcher::pinyin::{PinyinData, PinyinNotation};

/// The fewest letters a query needs to be matched by pinyin: one letter
/// would match every character with that initial.
pub const MIN_LETTERS: usize = 2;

/// The most letters a query is matched by pinyin with (a whole sentence in
/// full pinyin; longer queries are searched literally only). It bounds the
/// work per character of the text.
pub const MAX_LETTERS: usize = 64;

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
/// `xi'an`) and has from [`MIN_LETTERS`] to [`MAX_LETTERS`] letters.
/// `None` otherwise.
pub fn pattern(folded_query: &str) -> Option<String> {
    let mut letters = String::new();
    for c in folded_query.chars() {
        match c {
            'a'..='z' if letters.len() < MAX_LETTERS => letters.push(c),
            'a'..='z' => return None,
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

/// One way to spell a character: a full reading (`zhuang`, six letters at
/// most) or an initial.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Spelling {
    bytes: [u8; 7],
    len: u8,
}

impl Spelling {
    fn new(s: &str) -> Option<Spelling> {
        let mut bytes = [0; 7];
        bytes.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
        (!s.is_empty()).then_some(Spelling {
            bytes,
            len: s.len() as u8,
        })
    }

    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// The spellings of a character a query may use: each full reading and
/// each initial, without repeats (啊's five tones are one `a`). Empty for a
/// character without pinyin.
fn spellings_of(c: char, out: &mut Vec<Spelling>) {
    out.clear();
    data().get_pinyins_and_for_each(c, |p| {
        for n in [PinyinNotation::Ascii, PinyinNotation::AsciiFirstLetter] {
            if let Some(s) = p.notation(n).and_then(Spelling::new)
                && !out.contains(&s)
            {
                out.push(s);
            }
        }
    });
}

/// The characters [`Table`] holds: the CJK Unified Ideographs and
/// Extension A. Others (compatibility and supplementary ideographs) are
/// looked up as met.
const TABLE_CHARS: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

/// Every distinct spelling, and the spellings of each character of
/// [`TABLE_CHARS`] as indices into them: read once from ib-matcher's data
/// (a few milliseconds, about 250 KB), so that matching looks a character
/// up in an array.
struct Table {
    spellings: Vec<Spelling>,
    /// Per character: `start << 8 | count` into `ids`.
    chars: Vec<u32>,
    ids: Vec<u16>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = Table {
            spellings: Vec::new(),
            chars: Vec::with_capacity(TABLE_CHARS.clone().count()),
            ids: Vec::new(),
        };
        let mut known = std::collections::HashMap::new();
        let mut one = Vec::new();
        for u in TABLE_CHARS {
            let c = char::from_u32(u).unwrap_or_default();
            spellings_of(c, &mut one);
            let start = t.ids.len() as u32;
            for s in &one {
                let id = *known.entry(*s).or_insert_with(|| {
                    t.spellings.push(*s);
                    t.spellings.len() - 1
                });
                t.ids.push(id as u16);
            }
            t.chars.push(start << 8 | one.len().min(255) as u32);
        }
        t
    })
}

impl Table {
    /// The spelling ids of `c`, if the table holds it.
    fn ids(&self, c: char) -> Option<&[u16]> {
        let i = (c as u32).checked_sub(*TABLE_CHARS.start())? as usize;
        let packed = *self.chars.get(i)?;
        let start = (packed >> 8) as usize;
        self.ids.get(start..start + (packed & 0xFF) as usize)
    }
}

/// Query positions as bits: bit `p` set means "the first `p` letters are
/// matched". [`MAX_LETTERS`] + 1 positions fit.
type States = u128;
const _: () = assert!(MAX_LETTERS < States::BITS as usize);

/// What a spelling does from each query position, as [`States`] masks.
#[derive(Clone, Copy, Default)]
struct Step {
    /// Positions `p` where the query's rest starts with the spelling (it
    /// moves them `len` letters on).
    full: States,
    /// Positions where the query's rest is a proper prefix of the
    /// spelling: the query ends inside this reading (`wa` of 湾).
    partial: States,
    len: u8,
}

impl Step {
    fn new(pattern: &[u8], s: &Spelling) -> Step {
        let s = s.as_bytes();
        let mut step = Step {
            len: s.len() as u8,
            ..Step::default()
        };
        for p in 0..pattern.len() {
            let rest = &pattern[p..];
            if rest.starts_with(s) {
                step.full |= 1 << p;
            } else if s.starts_with(rest) {
                step.partial |= 1 << p;
            }
        }
        step
    }
}

/// A compiled pinyin pattern.
pub struct PinyinFinder {
    pattern: Box<[u8]>,
    /// The [`Step`] of each spelling of the [`Table`], by id.
    steps: Vec<Step>,
    /// Per character of [`TABLE_CHARS`], one bit: whether a match can
    /// start there (a spelling takes the query's first letters). Most
    /// characters cannot, and are passed over at the cost of a bit test.
    starts: Vec<u64>,
    table: &'static Table,
}

impl PinyinFinder {
    /// Compiles a pattern from [`pattern`], in time linear in its length
    /// (a pass over the few hundred spellings per letter, then one over the
    /// table's characters). Any other string (too short or long, not
    /// lowercase letters) finds nothing.
    pub fn new(pattern: &str) -> PinyinFinder {
        let ok = (MIN_LETTERS..=MAX_LETTERS).contains(&pattern.len())
            && pattern.bytes().all(|b| b.is_ascii_lowercase());
        let pattern: Box<[u8]> = if ok {
            pattern.as_bytes().into()
        } else {
            Box::new([])
        };
        let table = table();
        let steps: Vec<Step> = if ok {
            table
                .spellings
                .iter()
                .map(|s| Step::new(&pattern, s))
                .collect()
        } else {
            Vec::new()
        };
        let mut starts = vec![0u64; table.chars.len().div_ceil(64)];
        if ok {
            for (i, &packed) in table.chars.iter().enumerate() {
                let start = (packed >> 8) as usize;
                let ids = &table.ids[start..start + (packed & 0xFF) as usize];
                let step = |id: &u16| &steps[usize::from(*id)];
                if ids.iter().map(step).any(|s| (s.full | s.partial) & 1 != 0) {
                    starts[i / 64] |= 1 << (i % 64);
                }
            }
        }
        PinyinFinder {
            steps,
            starts,
            pattern,
            table,
        }
    }

    /// Whether a match may start at `c` (always, outside the table).
    #[inline]
    fn may_start(&self, c: char) -> bool {
        match (c as u32).checked_sub(*TABLE_CHARS.start()) {
            Some(i) if (i as usize) < self.table.chars.len() => {
                let i = i as usize;
                self.starts[i / 64] & (1 << (i % 64)) != 0
            }
            _ => true,
        }
    }

    /// Calls `hit` with every non-overlapping match that starts in
    /// `text[from..to]` (`from` a character boundary), leftmost first, each
    /// as long as it can be; a match may end past `to`. Returns where the
    /// scan stopped: a character boundary at or just past `to` (never
    /// inside a match), so that scanning on from there finds what one scan
    /// to the end would.
    pub fn find(
        &self,
        text: &str,
        from: usize,
        to: usize,
        mut hit: impl FnMut(Range<usize>),
    ) -> usize {
        if self.pattern.is_empty() {
            return text.len();
        }
        let bytes = text.as_bytes();
        let to = to.min(text.len());
        let mut i = from;
        while i < to {
            if bytes[i].is_ascii() {
                i += 1;
                continue;
            }
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let found = if is_han(c) && self.may_start(c) {
                self.longest_at(&text[i..])
            } else {
                None
            };
            match found {
                Some(len) => {
                    hit(i..i + len);
                    i += len;
                }
                None => i += c.len_utf8(),
            }
        }
        i
    }

    /// The byte length of the longest match at the start of `text`, if any.
    ///
    /// Walks the Han characters carrying the set of query positions
    /// reached, all of them moved at once by each spelling of the
    /// character. Every spelling consumes at least one letter, so the walk
    /// ends within as many characters as the query has letters (or at the
    /// first character that is not Han: a match never spans one).
    fn longest_at(&self, text: &str) -> Option<usize> {
        let done: States = 1 << self.pattern.len();
        let mut states: States = 1;
        let mut longest = None;
        let mut other = Vec::new();
        for (at, c) in text.char_indices() {
            if !is_han(c) {
                break;
            }
            let end = at + c.len_utf8();
            let mut next: States = 0;
            let mut apply = |step: &Step| {
                if states & step.partial != 0 {
                    longest = Some(end);
                }
                next |= (states & step.full) << step.len;
            };
            match self.table.ids(c) {
                Some(ids) => ids
                    .iter()
                    .for_each(|&id| apply(&self.steps[usize::from(id)])),
                None => {
                    spellings_of(c, &mut other);
                    other
                        .iter()
                        .for_each(|s| apply(&Step::new(&self.pattern, s)));
                }
            }
            if next & done != 0 {
                longest = Some(end);
                next &= !done;
            }
            if next == 0 {
                break;
            }
            states = next;
        }
        longest
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ib_matcher::matcher::{IbMatcher, PinyinMatchConfig};

    fn find(q: &str, text: &str) -> Vec<Range<usize>> {
        let p = pattern(q).unwrap();
        let f = PinyinFinder::new(&p);
        let mut out = Vec::new();
        f.find(text, 0, text.len(), |r| out.push(r));
        out
    }

    /// ib-matcher's own matcher, which backtracks (the reference).
    fn reference(pattern: &str, ends_with: bool) -> IbMatcher<'static> {
        IbMatcher::builder(pattern)
            .pinyin(PinyinMatchConfig::builder(notations()).data(data()).build())
            .is_pattern_partial(true)
            .ends_with(ends_with)
            .build()
    }

    proptest::proptest! {
        /// At every start, a match exactly when ib-matcher finds one, at
        /// least as long as its, and one it accepts too.
        #[test]
        fn agrees_with_ib_matcher(
            text in "[大零号湾闵行区莘庄的地了和重长乐安啊西先中]{0,30}",
            q in "[dlhwmxzcaoingeu]{2,8}",
        ) {
            let p = pattern(&q).unwrap();
            let ours = PinyinFinder::new(&p);
            let theirs = reference(&p, false);
            let exact = reference(&p, true);
            for (i, _) in text.char_indices() {
                let mine = ours.longest_at(&text[i..]);
                let other = theirs.test(&text[i..]).map(|m| m.end());
                proptest::prop_assert_eq!(mine.is_some(), other.is_some(), "at {}", i);
                if let (Some(m), Some(o)) = (mine, other) {
                    proptest::prop_assert!(m >= o);
                    proptest::prop_assert!(exact.test(&text[i..i + m]).is_some());
                }
            }
        }
    }

    #[test]
    fn one_spelling_reached_two_ways_is_one_state() {
        // 啊 is `a` five times over (tones) and `a` as an initial: a
        // backtracking matcher tries 10^k paths for k letters.
        let run = "啊".repeat(2000);
        let q = format!("{}b", "a".repeat(MAX_LETTERS - 1));
        let f = PinyinFinder::new(&q);
        let mut n = 0;
        f.find(&run, 0, run.len(), |_| n += 1);
        assert_eq!(n, 0);
        let f = PinyinFinder::new(&"a".repeat(MAX_LETTERS));
        let mut hits = Vec::new();
        f.find(&run, 0, run.len(), |r| hits.push(r));
        assert_eq!(hits.len(), 2000 / MAX_LETTERS);
        assert_eq!(hits[1], 3 * MAX_LETTERS..6 * MAX_LETTERS);
    }

    #[test]
    fn matches_stay_within_han_runs_and_resume_anywhere() {
        let t = "大零a号湾,大零号湾。大零号湾";
        assert_eq!(find("dlhw", t), vec![14..26, 29..41]);
        assert_eq!(find("dl", t), vec![0..6, 14..20, 29..35]);
        // Scanning in slices of any size finds the same.
        let f = PinyinFinder::new("dlhw");
        for step in 1..8 {
            let mut out = Vec::new();
            let mut at = 0;
            while at < t.len() {
                at = f.find(t, at, at + step, |r| out.push(r));
                assert!(t.is_char_boundary(at));
            }
            assert_eq!(out, find("dlhw", t), "{step}");
        }
    }

    #[test]
    fn patterns() {
        assert_eq!(
            pattern(&"a".repeat(MAX_LETTERS)).map(|p| p.len()),
            Some(MAX_LETTERS)
        );
        assert_eq!(pattern(&"a".repeat(MAX_LETTERS + 1)), None);
        assert!(
            PinyinFinder::new(&"a".repeat(MAX_LETTERS + 1))
                .pattern
                .is_empty()
        );
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
