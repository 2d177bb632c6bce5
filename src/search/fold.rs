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
//! bytes, `,` is 1) are recorded, as checkpoints: between checkpoints the two
//! texts advance in step, so the map costs 8 bytes per changed character.

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

/// Folds a string (a query, say). No offset map: use [`Folded`] for text
/// whose offsets matter.
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A folded copy of a text with the map back to the original's offsets.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    /// The folded text.
    pub text: String,
    /// `(folded, original)` offsets just after each character whose folded
    /// form has a different UTF-8 length, in increasing order.
    checkpoints: Vec<(u32, u32)>,
}

impl Folded {
    /// Folds `original`. Texts are at most 256 MiB (the loader's limit), so
    /// offsets fit in `u32`.
    pub fn new(original: &str) -> Folded {
        assert!(original.len() <= u32::MAX as usize, "text too long to fold");
        let mut text = String::with_capacity(original.len());
        let mut checkpoints = Vec::new();
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
                checkpoints.push((text.len() as u32, i as u32));
            }
        }
        Folded { text, checkpoints }
    }

    /// The original offset of a folded offset that lies on a character
    /// boundary (or at the end).
    pub fn to_original(&self, folded: usize) -> usize {
        let idx = self
            .checkpoints
            .partition_point(|&(f, _)| f as usize <= folded);
        match idx.checked_sub(1) {
            None => folded,
            Some(k) => {
                let (f, o) = self.checkpoints[k];
                o as usize + (folded - f as usize)
            }
        }
    }

    /// The folded offset of an original offset on a character boundary.
    pub fn to_folded(&self, original: usize) -> usize {
        let idx = self
            .checkpoints
            .partition_point(|&(_, o)| o as usize <= original);
        match idx.checked_sub(1) {
            None => original,
            Some(k) => {
                let (f, o) = self.checkpoints[k];
                f as usize + (original - o as usize)
            }
        }
    }

    /// Bytes of heap this copy holds.
    pub fn heap_bytes(&self) -> usize {
        self.text.capacity() + self.checkpoints.capacity() * std::mem::size_of::<(u32, u32)>()
    }
}

#[cfg(test)]
mod tests {
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
            let oi = f.to_original(fi);
            let oc = s[oi..].chars().next().unwrap();
            assert_eq!(fold_char(oc), fc);
            assert_eq!(f.to_folded(oi), fi);
        }
        assert_eq!(f.to_original(f.text.len()), s.len());
    }

    proptest! {
        #[test]
        fn folding_keeps_offsets_right(s in "\\PC{0,64}|[a-zA-Z０-９Ａ-Ｚａ-ｚ，。 　大零号湾\u{212A}İ]{0,64}") {
            let f = Folded::new(&s);
            prop_assert_eq!(&f.text, &fold_str(&s));
            let orig: Vec<(usize, char)> = s.char_indices().collect();
            let fold: Vec<(usize, char)> = f.text.char_indices().collect();
            prop_assert_eq!(orig.len(), fold.len());
            for ((oi, oc), (fi, fc)) in orig.iter().zip(&fold) {
                prop_assert_eq!(f.to_original(*fi), *oi);
                prop_assert_eq!(f.to_folded(*oi), *fi);
                prop_assert_eq!(fold_char(*oc), *fc);
            }
            prop_assert_eq!(f.to_original(f.text.len()), s.len());
        }
    }
}
