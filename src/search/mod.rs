//! Search: find a query in a whole document, literally or by pinyin.
//!
//! # Matching
//! - **Literal**: a substring search over a *folded* copy of the text
//!   ([`fold`]: full-width/half-width and case folded), so `４０００` finds
//!   `4000`, `,` finds `，` and `mhq` finds `MHQ`. Offsets are mapped back:
//!   every [`Hit::range`] is a range of the original [`Document::text`], on
//!   character boundaries.
//! - **Pinyin** ([`pinyin`]): a query made of ASCII letters (spaces and
//!   apostrophes allowed, at least [`pinyin::MIN_LETTERS`] letters) also
//!   finds Han text by initials (`dlhw`), full pinyin (`dalinghaowan`,
//!   `da ling hao wan`) or a mix, any reading of a polyphone counting.
//!
//! An ASCII-letter query is searched **both** ways: `MHQ` finds the letters
//! `MHQ` (any case) literally and 闵行区 by pinyin. Pinyin hits contain only
//! Han characters and literal hits of such a query contain none, so the two
//! kinds never overlap and nothing is reported twice.
//!
//! # Order
//! Hits within a kind are non-overlapping and in document order (leftmost
//! first, like grep). A result lists literal hits first, then pinyin hits
//! ([`Searcher::hits`], [`search`]): literal hits rank first.
//! [`in_document_order`] merges both kinds by position for `n`/`N`.
//!
//! # Cost
//! [`SearchIndex`] holds what is computed once per document, lazily: the
//! folded copy with its (sparse) offset map, about the text's size. The
//! pinyin scan finds Han runs as it goes. A [`Searcher`] then
//! scans in slices of a byte budget ([`Searcher::step`]) so a reader can
//! search a large document a little per frame; [`search`] runs one to the
//! end. [`RankedHits`] yields the ranked hits a step at a time without
//! keeping them, for output written as it is found.
//!
//! # Files
//! This module is the public face: [`Hit`], the one-shot searches and
//! re-exports. [`Query`] lives in `query.rs`, [`SearchIndex`] in
//! `index.rs`, [`Searcher`] in `searcher.rs`, [`Snippet`] in `snippet.rs`;
//! [`fold`], [`pinyin`] and [`counts`] are public submodules.

pub mod counts;
pub mod fold;
mod index;
pub mod pinyin;
mod query;
mod searcher;
mod snippet;

use std::ops::Range;

use serde::Serialize;

use crate::document::{Document, NodeId};

pub use counts::NodeCounts;
pub use fold::Folded;
pub use index::SearchIndex;
pub use query::{MAX_QUERY_CHARS, Query};
pub use searcher::{DEFAULT_BUDGET, RankedHits, Searcher};
pub use snippet::{Snippet, snippet};

/// How a hit was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HitKind {
    Literal,
    Pinyin,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Literal => "literal",
            HitKind::Pinyin => "pinyin",
        }
    }
}

/// One hit.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Hit {
    /// Bytes of [`Document::text`], on character boundaries, never empty.
    pub range: Range<usize>,
    /// The deepest outline node holding the hit's start; `None` only for
    /// text before the first node (or a document without nodes).
    pub node: Option<NodeId>,
    pub kind: HitKind,
}

/// Searches a whole document at once: literal hits, then pinyin hits.
pub fn search(doc: &Document, query: &str) -> Vec<Hit> {
    search_opts(doc, query, true)
}

/// [`search`] with an index kept between queries.
pub fn search_with(index: &SearchIndex<'_>, query: &str) -> Vec<Hit> {
    let mut s = Searcher::new(index, query);
    s.finish();
    s.into_hits()
}

/// [`search`], with pinyin matching on or off (`search.pinyin` in the
/// configuration).
pub fn search_opts(doc: &Document, query: &str, pinyin: bool) -> Vec<Hit> {
    let index = SearchIndex::new(doc);
    RankedHits::new(&index, query, pinyin).collect()
}

/// Hits sorted by position (ties: literal first), for moving from hit to
/// hit through the document.
pub fn in_document_order(hits: &[Hit]) -> Vec<Hit> {
    let mut v = hits.to_vec();
    v.sort_by_key(|h| (h.range.start, h.kind));
    v
}

/// Terminal-safe text for snippets (see [`crate::layout::safe`]).
pub use crate::layout::safe::visible;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Decoding;
    use proptest::prelude::*;

    pub(super) fn doc(text: &str) -> Document {
        Document::from_text(
            "t",
            text.to_string(),
            Decoding {
                encoding: "UTF-8",
                bom: false,
                replaced: 0,
            },
        )
    }

    fn found(d: &Document, q: &str) -> Vec<(&'static str, String)> {
        search(d, q)
            .into_iter()
            .map(|h| (h.kind.as_str(), d.text[h.range].to_string()))
            .collect()
    }

    #[test]
    fn literal_is_folded() {
        let d = doc("预计4000亿元,ＭＨＱ与mhq，A。\n");
        assert_eq!(found(&d, "４０００"), [("literal", "4000".into())]);
        assert_eq!(found(&d, "，").len(), 2);
        assert_eq!(
            found(&d, "mhq"),
            [("literal", "ＭＨＱ".into()), ("literal", "mhq".into())]
        );
        assert!(found(&d, "").is_empty());
    }

    #[test]
    fn ascii_query_is_literal_then_pinyin() {
        let d = doc("闵行区的MHQ。\n");
        assert_eq!(
            found(&d, "MHQ"),
            [("literal", "MHQ".into()), ("pinyin", "闵行区".into())]
        );
        assert_eq!(found(&d, "5g"), Vec::<(&str, String)>::new());
    }

    proptest! {
        #[test]
        fn never_panics_and_hits_are_sound(
            text in "[大零号湾闵行区莘庄dlhwMHQ４，, 。\n\u{1b}é]{0,80}|\\PC{0,80}",
            q in "[大零号湾闵行区dlhwmhq４，, ]{0,6}|\\PC{0,6}",
        ) {
            let d = doc(&text);
            let hits = search(&d, &q);
            let fq = fold::fold_str(&q);
            for kind in [HitKind::Literal, HitKind::Pinyin] {
                let mut last = 0;
                for h in hits.iter().filter(|h| h.kind == kind) {
                    prop_assert!(h.range.start >= last, "document order");
                    prop_assert!(h.range.start < h.range.end);
                    prop_assert!(d.text.is_char_boundary(h.range.start));
                    prop_assert!(d.text.is_char_boundary(h.range.end));
                    if kind == HitKind::Literal {
                        prop_assert_eq!(fold::fold_str(&d.text[h.range.clone()]), fq.clone());
                    } else {
                        prop_assert!(d.text[h.range.clone()].chars().all(pinyin::is_han));
                    }
                    last = h.range.end;
                }
            }
            for h in &hits {
                let s = snippet(&d.text, h.range.clone(), 5).plain();
                prop_assert!(!s.chars().any(char::is_control));
            }
        }
    }
}
