//! Property tests: arbitrary text (CJK, Latin, digits, punctuation, controls, emoji, combining
//! marks, spaces, a rare newline) at widths 1–200.

mod layout_common;

use std::ops::Range;

use gangmu::layout::{LayoutOptions, Mark, column_to_offset, offset_to_column, segments, wrap};
use layout_common::{Check, check, clusters};
use proptest::prelude::*;

fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('\u{4E00}', '\u{9FFF}'),
        2 => prop::sample::select("，。、；：？！）》」』】〕〉”’…‥·～／（《「『【〔〈“‘——,.;:?!()[]{}%".chars().collect::<Vec<_>>()),
        2 => prop::char::range('a', 'z'),
        1 => prop::char::range('0', '9'),
        1 => prop::sample::select(vec![' ', '\t', ' ', '万', '家', '公', '顷', '%', '.']),
        1 => prop::sample::select(vec!['\u{1b}', '\0', '\u{7f}', '\u{85}', '\u{9b}', '\u{202e}', '\u{2067}', '\r', '\u{200b}', '\u{ad}']),
        1 => prop::sample::select(vec!['😀', '👍', '\u{1F3FD}', '\u{200D}', '\u{FE0F}', '🇨', '🇳', '한', 'ᄀ', 'ᅡ']),
        1 => prop::sample::select(vec!['\u{301}', '\u{308}', '\u{20DD}', 'é', '\u{3099}']),
        1 => any::<char>(),
    ]
}

fn text() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(any_char(), 0..120),
        prop::bool::weighted(0.05),
        any::<prop::sample::Index>(),
    )
        .prop_map(|(cs, nl, at)| {
            let mut s: String = cs.into_iter().collect();
            if nl && !s.is_empty() {
                let mut i = at.index(s.len());
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                s.insert(i, '\n');
            }
            s
        })
}

fn opts() -> impl Strategy<Value = LayoutOptions> {
    (0u8..=4, any::<bool>()).prop_map(|(i, f)| LayoutOptions {
        first_line_indent: i,
        fullwidth_punct: f,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// No panic; widths; coverage; prohibited starts/ends only where no clreq-legal break fits.
    #[test]
    fn layout_is_sound(t in text(), width in 1usize..=200, o in opts()) {
        let lines = wrap(&t, width, &o);
        let errs = check(&t, width, &o, &lines, Check { strict: false, fullness: false });
        prop_assert!(errs.is_empty(), "{}", errs.join("\n"));
        // Nothing unsafe reaches the screen; nothing is dropped.
        for l in &lines {
            for s in segments(l, &t, &o, &[]) {
                prop_assert!(!s.text.chars().any(|c| c.is_control() || ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)), "{:?}", s.text);
            }
        }
    }

    /// Latin words are not cut unless longer than the line.
    #[test]
    fn latin_words_whole(words in prop::collection::vec("[a-z]{1,12}", 1..20), width in 12usize..=60) {
        let t = words.join(" ");
        let lines = wrap(&t, width, &LayoutOptions::PLAIN);
        for l in &lines[1..] {
            prop_assert!(l.range.start == 0 || t.as_bytes()[l.range.start - 1] == b' ', "cut at {}", l.range.start);
        }
    }

    /// Styled ranges split across lines: every cluster gets exactly the marks overlapping it,
    /// and the segments cover each line's visible text in order.
    #[test]
    fn styles_split(t in text(), width in 1usize..=60, raw in prop::collection::vec((any::<prop::sample::Index>(), 0usize..30, 0u8..6), 0..6)) {
        let o = LayoutOptions::default();
        let styles: Vec<(Range<usize>, Mark)> = raw.iter().map(|(i, len, bit)| {
            let mut a = i.index(t.len() + 1);
            while !t.is_char_boundary(a) { a -= 1; }
            let mut b = (a + len).min(t.len());
            while !t.is_char_boundary(b) { b -= 1; }
            (a..b, Mark(1 << bit))
        }).collect();
        let cl = clusters(&t, &o);
        for l in wrap(&t, width, &o) {
            let segs = segments(&l, &t, &o, &styles);
            let mut pos = l.range.start;
            for s in &segs {
                prop_assert_eq!(s.range.start, pos);
                pos = s.range.end;
                for c in cl.iter().filter(|c| c.range.start >= s.range.start && c.range.end <= s.range.end) {
                    let want = styles.iter().filter(|(r, _)| if r.is_empty() { c.range.contains(&r.start) } else { r.start < c.range.end && c.range.start < r.end }).fold(Mark::NONE, |m, (_, k)| m | *k);
                    prop_assert_eq!(want, s.mark);
                }
            }
            prop_assert_eq!(pos, l.visible_end);
        }
    }

    /// Columns and offsets map both ways.
    #[test]
    fn columns_round_trip(t in text(), width in 1usize..=80) {
        let o = LayoutOptions::default();
        for l in wrap(&t, width, &o) {
            let mut col = l.indent;
            for c in clusters(&t, &o).iter().filter(|c| c.range.start >= l.range.start && c.range.end <= l.visible_end) {
                prop_assert_eq!(offset_to_column(&l, &t, &o, c.range.start), Some(col));
                for k in 0..c.width {
                    prop_assert_eq!(column_to_offset(&l, &t, &o, col + k), c.range.start);
                }
                col += c.width;
            }
            prop_assert_eq!(col, l.total_width());
            prop_assert_eq!(column_to_offset(&l, &t, &o, col + 3), l.visible_end);
        }
    }
}
