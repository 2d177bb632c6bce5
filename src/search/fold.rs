//! Folding: the form both the text and a query are compared in.
//!
//! Every character folds to exactly one character:
//! - full-width ASCII forms (`Ａ`, `４`, `，`, U+FF01–FF5E) and the ideographic
//!   space (U+3000) fold to their ASCII twins, half-width CJK punctuation
//!   (`｡`, `､`, `｢`, `｣`) to the full-width forms, and the full-width signs
//!   U+FFE0–FFE6 (`￥`, …) to their usual forms;
//! - letters fold to lower case when their lower case is one character
//!   (Latin `A`→`a`, Greek, Cyrillic, …).
//!
//! Because folding is one character for one character, a byte offset at a
//! character boundary of the folded text maps to exactly one boundary of
//! the original. Only the characters whose UTF-8 length changes (`，` is 3
//! bytes, `,` is 1) put the two texts out of step, and only some of those
//! are recorded, as checkpoints: one after at most [`EVERY`] of them, and
//! any that comes [`SPAN`] bytes or more after the last checkpoint. A
//! mapping walks the original from the checkpoint before it for at most
//! `SPAN` folded bytes (where the unrecorded changes are), then the texts
//! advance in step. The map costs at most 8 bytes per `EVERY` changed
//! characters (it cost 8 bytes per changed character: 2.7 times the text
//! for a run of full-width punctuation).

/// A checkpoint is recorded after at most this many changed characters.
pub const EVERY: usize = 16;

/// Changed characters more than this many folded bytes after the last
/// checkpoint are recorded: a mapping walks at most this far.
pub const SPAN: usize = 256;

/// Folds one character (see the module documentation).
#[inline]
pub fn fold_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        '\u{3000}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => {
            // The full-width block mirrors ASCII 0x21..=0x7E.
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |a| a.to_ascii_lowercase())
        }
        '\u{FF61}' => '。',
        '\u{FF62}' => '「',
        '\u{FF63}' => '」',
        '\u{FF64}' => '、',
        '\u{FFE0}' => '¢',
        '\u{FFE1}' => '£',
        '\u{FFE2}' => '¬',
        '\u{FFE3}' => '¯',
        '\u{FFE4}' => '¦',
        '\u{FFE5}' => '¥',
        '\u{FFE6}' => '₩',
        // CJK ideographs and most punctuation have no case: skip the
        // case tables for the common case.
        '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' => c,
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Whether `c` folds to itself and no other character folds to it (Han
/// characters and most CJK symbols): a query made of such characters is
/// found in the folded text exactly where it is in the original, so the
/// original can be scanned for it first (the library's search skips a
/// report that cannot hold it without folding it).
pub fn is_fixed(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{A4CF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
        && !matches!(c, '\u{3000}' | '。' | '「' | '」' | '、')
}

/// Every character that folds to `c` (`c` itself first when it folds to
/// itself): what a text may hold where a folded query has `c` (`9` and
/// `９` for `9`; `k`, `K`, `ｋ`, `Ｋ` and the Kelvin sign for `k`). The
/// table is built from every character on first use (a few milliseconds).
pub fn preimages(c: char) -> Vec<char> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<char, Vec<char>>> =
        std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: std::collections::HashMap<char, Vec<char>> = std::collections::HashMap::new();
        for x in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let f = fold_char(x);
            if f != x {
                t.entry(f).or_default().push(x);
            }
        }
        t
    });
    let mut v: Vec<char> = (fold_char(c) == c).then_some(c).into_iter().collect();
    v.extend(table.get(&c).into_iter().flatten());
    v
}

/// Folds a string (a query, say). No offset map: use [`Folded`] for text
/// whose offsets matter.
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// The length of the UTF-8 character that starts with byte `lead`.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// A pair of offsets that correspond, folded and original: where a mapping
/// may go on from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    folded: usize,
    original: usize,
}

/// A folded copy of a text with the map back to the original's offsets
/// (which the mappings are given again: it is not kept here).
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `(folded, original)` offsets just after some of the characters whose
    /// folded form has a different UTF-8 length, in increasing order (see
    /// the module documentation).
    checkpoints: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds `original`. Texts are at most 256 MiB (the loader's limit), so
    /// offsets fit in `u32`.
    pub fn new(original: &str) -> Folded {
        assert!(original.len() <= u32::MAX as usize, "text too long to fold");
        let mut text = String::with_capacity(original.len());
        let mut checkpoints = Vec::new();
        let (mut last, mut unrecorded) = (0, 0);
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Runs of ASCII go through in one copy.
            let run = bytes[i..].iter().take_while(|b| b.is_ascii()).count();
            if run > 0 {
                let start = text.len();
                text.push_str(&original[i..i + run]);
                text[start..].make_ascii_lowercase();
                i += run;
                continue;
            }
            let c = original[i..].chars().next().expect("at a char boundary");
            let f = fold_char(c);
            text.push(f);
            i += c.len_utf8();
            if f.len_utf8() != c.len_utf8() {
                unrecorded += 1;
                if unrecorded >= EVERY || text.len() - last >= SPAN {
                    checkpoints.push((text.len() as u32, i as u32));
                    (last, unrecorded) = (text.len(), 0);
                }
            }
        }
        if text.capacity() - text.len() > text.len() / 8 {
            text.shrink_to_fit();
        }
        checkpoints.shrink_to_fit();
        Folded { text, checkpoints }
    }

    /// From the checkpoint at or before an offset (chosen by `key`), or
    /// from `from` when that lies between them, walks the two texts
    /// character by character (by their UTF-8 lead bytes: the folded text
    /// says what each character became) until `done` says stop or the
    /// unrecorded changes are behind; returns the `(folded, original)`
    /// offsets reached.
    fn walk(
        &self,
        original: &str,
        key: impl Fn(&(u32, u32)) -> usize,
        at: usize,
        from: Cursor,
        done: impl Fn(usize, usize) -> bool,
    ) -> (usize, usize) {
        let idx = self.checkpoints.partition_point(|c| key(c) <= at);
        let (f0, o0) = idx.checked_sub(1).map_or((0, 0), |k| {
            let (f, o) = self.checkpoints[k];
            (f as usize, o as usize)
        });
        let (mut f, mut o) =
            if from.folded >= f0 && key(&(from.folded as u32, from.original as u32)) <= at {
                (from.folded, from.original)
            } else {
                (f0, o0)
            };
        let (fb, ob) = (self.text.as_bytes(), original.as_bytes());
        while f < fb.len() && o < ob.len() && f < f0 + SPAN && !done(f, o) {
            f += utf8_len(fb[f]);
            o += utf8_len(ob[o]);
        }
        (f, o)
    }

    /// The offset in `original` (the text this was folded from) of a folded
    /// offset that lies on a character boundary (or at the end).
    pub fn to_original(&self, original: &str, folded: usize) -> usize {
        self.to_original_from(original, &mut Cursor::default(), folded)
    }

    /// [`Folded::to_original`] for increasing offsets in turn: the cursor
    /// remembers the last answer, so a run of hits in one stretch between
    /// checkpoints walks it once.
    pub fn to_original_from(&self, original: &str, cursor: &mut Cursor, folded: usize) -> usize {
        let (f, o) = self.walk(
            original,
            |c| c.0 as usize,
            folded,
            *cursor,
            |f, _| f >= folded,
        );
        let at = o + (folded - f.min(folded));
        *cursor = Cursor {
            folded,
            original: at,
        };
        at
    }

    /// The folded offset of an offset of `original` on a character boundary.
    pub fn to_folded(&self, original: &str, at: usize) -> usize {
        let (f, o) = self.walk(
            original,
            |c| c.1 as usize,
            at,
            Cursor::default(),
            |_, o| o >= at,
        );
        f + (at - o.min(at))
    }

    /// Bytes of heap this copy holds.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.checkpoints.capacity() * std::mem::size_of::<(u32, u32)>()
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn fixed_characters_fold_to_themselves_alone() {
        for x in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let f = fold_char(x);
            if is_fixed(x) {
                assert_eq!(f, x, "{x:?}");
            }
            if f != x {
                assert!(!is_fixed(f), "{x:?} folds to the fixed {f:?}");
            }
        }
        assert!(is_fixed('大') && is_fixed('〇') && is_fixed('《'));
        assert_eq!(preimages('大'), ['大']);
        assert_eq!(preimages('9'), ['9', '９']);
        assert_eq!(preimages(','), [',', '，']);
        assert!(preimages('k').contains(&'\u{212A}'), "the Kelvin sign");
        assert_eq!(preimages('A'), Vec::<char>::new(), "A never stays A");
        assert!(!is_fixed('。') && !is_fixed('，') && !is_fixed('a'));
    }

    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_width_and_case() {
        assert_eq!(fold_str("４０００，ＡＢｃ　Mhq"), "4000,abc mhq");
        assert_eq!(fold_str("大零号湾"), "大零号湾");
        assert_eq!(fold_str("ΣΑ"), "σα");
        assert_eq!(fold_str("｡､"), "。、");
    }

    #[test]
    fn maps_offsets_back() {
        let s = "甲，Ａ乙,b";
        let f = Folded::new(s);
        assert_eq!(f.text, "甲,a乙,b");
        for (fi, fc) in f.text.char_indices() {
            let oi = f.to_original(s, fi);
            let oc = s[oi..].chars().next().unwrap();
            assert_eq!(fold_char(oc), fc);
            assert_eq!(f.to_folded(s, oi), fi);
        }
        assert_eq!(f.to_original(s, f.text.len()), s.len());
    }

    proptest! {
        #[test]
        fn folding_keeps_offsets_right(s in "\\PC{0,64}|[a-zA-Z０-９Ａ-Ｚａ-ｚ，。 　大零号湾\u{212A}İ]{0,64}|([a-z大，]{0,40}[，Ａ]{0,40}){0,12}") {
            let f = Folded::new(&s);
            prop_assert_eq!(&f.text, &fold_str(&s));
            let orig: Vec<(usize, char)> = s.char_indices().collect();
            let fold: Vec<(usize, char)> = f.text.char_indices().collect();
            prop_assert_eq!(orig.len(), fold.len());
            for ((oi, oc), (fi, fc)) in orig.iter().zip(&fold) {
                prop_assert_eq!(f.to_original(&s, *fi), *oi);
                prop_assert_eq!(f.to_folded(&s, *oi), *fi);
                prop_assert_eq!(fold_char(*oc), *fc);
            }
            prop_assert_eq!(f.to_original(&s, f.text.len()), s.len());
            let mut cursor = Cursor::default();
            for (oi, fi) in orig.iter().zip(&fold) {
                prop_assert_eq!(f.to_original_from(&s, &mut cursor, fi.0), oi.0);
            }
        }
    }

    #[test]
    fn a_run_of_full_width_punctuation_costs_little_map() {
        let s = "，".repeat(100_000);
        let f = Folded::new(&s);
        assert_eq!(f.text, ",".repeat(100_000));
        assert_eq!(f.checkpoints.len(), 100_000 / EVERY);
        assert!(f.heap_bytes() < 100_000 + 100_000 / EVERY * 8 + 64);
        for i in [0, 1, 15, 16, 17, 99_999, 100_000] {
            assert_eq!(f.to_original(&s, i), 3 * i);
            assert_eq!(f.to_folded(&s, 3 * i), i);
        }
        // Sparse changes: each is recorded (more than SPAN apart).
        let t = format!("{}，", "a".repeat(SPAN)).repeat(50);
        let f = Folded::new(&t);
        assert_eq!(f.checkpoints.len(), 50);
        let last = t.len() - 3;
        assert_eq!(f.to_original(&t, f.text.len() - 1), last);
    }
}
