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
//! folded copy with its offset map, and the Han runs. A [`Searcher`] then
//! scans in slices of a byte budget ([`Searcher::step`]) so a reader can
//! search a large document a little per frame; [`search`] runs one to the
//! end.

pub mod counts;
pub mod fold;
pub mod pinyin;

use std::ops::{Deref, Range};
use std::sync::{Arc, OnceLock};

use memchr::memmem;
use serde::Serialize;

use crate::document::{Document, NodeId};

pub use counts::NodeCounts;
pub use fold::Folded;

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

/// A parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// As typed.
    pub text: String,
    /// Folded ([`fold::fold_str`]): what the literal search looks for.
    pub folded: String,
    /// The letters to match by pinyin, if the query qualifies.
    pub pinyin: Option<String>,
}

impl Query {
    pub fn parse(text: &str) -> Query {
        let folded = fold::fold_str(text);
        let pinyin = pinyin::pattern(&folded);
        Query {
            text: text.to_string(),
            folded,
            pinyin,
        }
    }

    /// An empty query finds nothing.
    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }
}

/// What search precomputes once per document, built on first use.
///
/// `Sync`: it can be warmed up ([`SearchIndex::prepare`]) on another
/// thread while the reader starts.
#[derive(Debug)]
pub struct SearchIndex<'d> {
    doc: Shared<'d, Document>,
    folded: OnceLock<Folded>,
    han_runs: OnceLock<Vec<(u32, u32)>>,
}

impl<'d> SearchIndex<'d> {
    /// Free: nothing is computed until a search needs it.
    pub fn new(doc: &'d Document) -> SearchIndex<'d> {
        SearchIndex {
            doc: Shared::Borrowed(doc),
            folded: OnceLock::new(),
            han_runs: OnceLock::new(),
        }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The folded text and its offset map.
    pub fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(&self.doc.text))
    }

    /// The Han runs, as `(start, end)` bytes of the original text.
    pub fn han_runs(&self) -> &[(u32, u32)] {
        self.han_runs
            .get_or_init(|| pinyin::han_runs(&self.doc.text))
    }

    /// Whether everything is built (by [`SearchIndex::prepare`] on another
    /// thread, say): searching will not wait.
    pub fn is_prepared(&self) -> bool {
        self.folded.get().is_some() && self.han_runs.get().is_some()
    }

    /// Builds everything now.
    pub fn prepare(&self) {
        self.folded();
        self.han_runs();
    }

    /// Heap bytes held by what has been built so far.
    pub fn heap_bytes(&self) -> usize {
        self.folded.get().map_or(0, Folded::heap_bytes)
            + self
                .han_runs
                .get()
                .map_or(0, |r| r.capacity() * std::mem::size_of::<(u32, u32)>())
    }
}

impl SearchIndex<'static> {
    /// An index that owns a share of its document, so that it can live in
    /// the reader's state and be built on another thread.
    pub fn shared(doc: Arc<Document>) -> SearchIndex<'static> {
        SearchIndex {
            doc: Shared::Owned(doc),
            folded: OnceLock::new(),
            han_runs: OnceLock::new(),
        }
    }
}

/// A borrowed or shared `T`.
#[derive(Debug)]
enum Shared<'a, T> {
    Borrowed(&'a T),
    Owned(Arc<T>),
}

impl<T> Deref for Shared<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Shared::Borrowed(t) => t,
            Shared::Owned(t) => t,
        }
    }
}

/// The default slice of [`Searcher::step`]: 256 KiB, well under a
/// millisecond for either kind of search.
pub const DEFAULT_BUDGET: usize = 256 * 1024;

/// An incremental search: call [`Searcher::step`] until it returns `true`.
///
/// Each step advances both the literal and the pinyin scan by at most
/// `budget` bytes of text (plus the rest of a hit or Han run that straddles
/// the edge), so hits of both kinds arrive from the top of the document down.
pub struct Searcher<'a> {
    index: Shared<'a, SearchIndex<'a>>,
    query: Query,
    literal: Vec<Hit>,
    pinyin: Vec<Hit>,
    /// Next folded offset the literal scan looks at.
    lit_pos: usize,
    /// Next Han run the pinyin scan looks at, and the byte it reached.
    run_idx: usize,
    py_pos: usize,
    literal_done: bool,
    pinyin_done: bool,
}

impl<'a> Searcher<'a> {
    pub fn new(index: &'a SearchIndex<'a>, query: &str) -> Searcher<'a> {
        Searcher::with(Shared::Borrowed(index), query)
    }

    fn with(index: Shared<'a, SearchIndex<'a>>, query: &str) -> Searcher<'a> {
        let query = Query::parse(query);
        let empty = query.is_empty();
        let no_pinyin = query.pinyin.is_none();
        Searcher {
            index,
            query,
            literal: Vec::new(),
            pinyin: Vec::new(),
            lit_pos: 0,
            run_idx: 0,
            py_pos: 0,
            literal_done: empty,
            pinyin_done: empty || no_pinyin,
        }
    }

    /// The same search without pinyin matching (literal hits only).
    pub fn literal_only(mut self) -> Searcher<'a> {
        self.query.pinyin = None;
        self.pinyin_done = true;
        self
    }

    pub fn index(&self) -> &SearchIndex<'a> {
        &self.index
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    /// Whether the whole document has been searched.
    pub fn is_done(&self) -> bool {
        self.literal_done && self.pinyin_done
    }

    /// Searches at most about `budget` more bytes (at least one byte);
    /// returns whether the search is complete.
    pub fn step(&mut self, budget: usize) -> bool {
        let budget = budget.max(1);
        if !self.literal_done {
            self.step_literal(budget);
        }
        if !self.pinyin_done {
            self.step_pinyin(budget);
        }
        self.is_done()
    }

    /// Steps until at least `limit` hits are known or the search is done;
    /// returns whether it is done. For "first hits" on a big document.
    pub fn run_until(&mut self, limit: usize) -> bool {
        while !self.is_done() && self.len() < limit {
            self.step(DEFAULT_BUDGET);
        }
        self.is_done()
    }

    /// Runs to the end.
    pub fn finish(&mut self) {
        while !self.step(usize::MAX / 4) {}
    }

    fn step_literal(&mut self, budget: usize) {
        let folded = self.index.folded();
        let hay = folded.text.as_bytes();
        let needle = self.query.folded.as_bytes();
        let end = self.lit_pos.saturating_add(budget).min(hay.len());
        // Look a needle's length past the edge for a hit that starts
        // inside the slice.
        let stop = end.saturating_add(needle.len() - 1).min(hay.len());
        let mut next = end;
        if self.lit_pos < stop {
            let doc = self.index.doc();
            for s in memmem::find_iter(&hay[self.lit_pos..stop], needle) {
                let s = self.lit_pos + s;
                if s >= end {
                    break;
                }
                let e = s + needle.len();
                let start = folded.to_original(s);
                self.literal.push(Hit {
                    range: start..folded.to_original(e),
                    node: doc.outline.node_at(start),
                    kind: HitKind::Literal,
                });
                next = next.max(e);
            }
        }
        self.lit_pos = next;
        self.literal_done = self.lit_pos >= hay.len();
    }

    fn step_pinyin(&mut self, budget: usize) {
        let index: &SearchIndex<'_> = &self.index;
        let runs = index.han_runs();
        let doc = index.doc();
        let pattern = self.query.pinyin.as_deref().unwrap_or_default();
        let finder = pinyin::PinyinFinder::new(pattern);
        let end = self.py_pos.saturating_add(budget);
        while let Some(&(s, e)) = self.runs_at(runs) {
            let (s, e) = (s as usize, e as usize);
            if s >= end {
                break;
            }
            let hits = &mut self.pinyin;
            finder.find_in_run(&doc.text[s..e], s, |range| {
                hits.push(Hit {
                    node: doc.outline.node_at(range.start),
                    range,
                    kind: HitKind::Pinyin,
                })
            });
            self.run_idx += 1;
            self.py_pos = e;
        }
        self.py_pos = self.py_pos.max(end);
        self.pinyin_done = self.run_idx >= runs.len();
    }

    fn runs_at<'r>(&self, runs: &'r [(u32, u32)]) -> Option<&'r (u32, u32)> {
        runs.get(self.run_idx)
    }

    /// Hits found so far.
    pub fn len(&self) -> usize {
        self.literal.len() + self.pinyin.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Literal hits so far, in document order.
    pub fn literal_hits(&self) -> &[Hit] {
        &self.literal
    }

    /// Pinyin hits so far, in document order.
    pub fn pinyin_hits(&self) -> &[Hit] {
        &self.pinyin
    }

    /// Hits so far, ranked: literal hits, then pinyin hits, each in
    /// document order.
    pub fn hits(&self) -> impl Iterator<Item = &Hit> + '_ {
        self.literal.iter().chain(&self.pinyin)
    }

    /// The ranked hits.
    pub fn into_hits(self) -> Vec<Hit> {
        let mut v = self.literal;
        v.extend(self.pinyin);
        v
    }
}

impl Searcher<'static> {
    /// A search that holds a share of its index (see [`SearchIndex::shared`]).
    pub fn shared(index: Arc<SearchIndex<'static>>, query: &str) -> Searcher<'static> {
        Searcher::with(Shared::Owned(index), query)
    }
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
    let s = Searcher::new(&index, query);
    let mut s = if pinyin { s } else { s.literal_only() };
    s.finish();
    s.into_hits()
}

/// Hits sorted by position (ties: literal first), for moving from hit to
/// hit through the document.
pub fn in_document_order(hits: &[Hit]) -> Vec<Hit> {
    let mut v = hits.to_vec();
    v.sort_by_key(|h| (h.range.start, h.kind));
    v
}

/// A hit with some context, cleaned for a terminal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// Text before the hit, `…`-prefixed when cut.
    pub before: String,
    pub hit: String,
    /// Text after the hit, `…`-suffixed when cut.
    pub after: String,
}

impl Snippet {
    /// The snippet as one plain string.
    pub fn plain(&self) -> String {
        format!("{}{}{}", self.before, self.hit, self.after)
    }
}

/// Up to `context` characters either side of `range`, within its line,
/// with control characters made visible ([`visible`]).
///
/// A range off the character boundaries is widened to them, never cut.
pub fn snippet(text: &str, range: Range<usize>, context: usize) -> Snippet {
    let mut start = range.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = range.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let range = start..end;
    let stop = |c: char| c == '\n' || c == '\r';
    let mut b = range.start;
    let mut cut_before = false;
    for (n, (i, c)) in text[..range.start].char_indices().rev().enumerate() {
        if stop(c) {
            break;
        }
        if n == context {
            cut_before = true;
            break;
        }
        b = i;
    }
    let mut a = range.end;
    let mut cut_after = false;
    for (n, c) in text[range.end..].chars().enumerate() {
        if stop(c) {
            break;
        }
        if n == context {
            cut_after = true;
            break;
        }
        a += c.len_utf8();
    }
    let mut before = String::new();
    if cut_before {
        before.push('…');
    }
    before.push_str(&visible(text[b..range.start].trim_start()));
    let mut after = visible(text[range.end..a].trim_end()).into_owned();
    if cut_after {
        after.push('…');
    }
    Snippet {
        before,
        hit: visible(&text[range]).into_owned(),
        after,
    }
}

/// Terminal-safe text for snippets (see [`crate::layout::safe`]).
pub use crate::layout::safe::visible;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Decoding;
    use proptest::prelude::*;

    fn doc(text: &str) -> Document {
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

    #[test]
    fn steps_equal_one_shot() {
        let text = "大零号湾,dlhw,大零号湾。\n".repeat(50);
        let d = doc(&text);
        let index = SearchIndex::new(&d);
        for q in ["dlhw", "大零", ",", "d"] {
            let all = search_with(&index, q);
            for budget in [1, 7, 64, 1000] {
                let mut s = Searcher::new(&index, q);
                while !s.step(budget) {}
                assert_eq!(s.into_hits(), all, "{q} {budget}");
            }
        }
    }

    #[test]
    fn snippets_are_clean() {
        let t = "a\u{1b}[31mb大零号湾c\td\nnext";
        let s = snippet(t, 7..19, 3);
        assert_eq!(s.before, "…1mb");
        assert_eq!(s.hit, "大零号湾");
        assert_eq!(s.after, "c d");
        let s = snippet(t, 7..19, 20);
        assert_eq!(s.before, "a␛[31mb");
    }

    #[test]
    fn counts_bubble_up() {
        let d = Document::bundled();
        let hits = search(&d, "大零号湾");
        let c = NodeCounts::new(&d.outline, &hits);
        let mut inc = NodeCounts::empty(&d.outline);
        for h in &hits {
            inc.add(&d.outline, h);
        }
        assert_eq!(c, inc);
        let roots: usize = d.outline.roots.iter().map(|&r| c.total(r)).sum();
        assert_eq!(roots + c.unplaced, hits.len());
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

    #[test]
    fn literal_only_drops_pinyin_hits() {
        let doc = Document::bundled();
        let index = SearchIndex::new(&doc);
        let mut s = Searcher::new(&index, "dlhw").literal_only();
        s.finish();
        assert_eq!(s.len(), 0);
        let mut s = Searcher::new(&index, "dlhw");
        s.finish();
        assert_eq!(s.len(), 2);
    }
}
