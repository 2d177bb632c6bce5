//! [`Searcher`]: an incremental search over a [`SearchIndex`], literal and
//! pinyin scans advancing a byte budget per step.

use std::sync::Arc;

use memchr::memmem;

use super::fold::Cursor;
use super::index::Shared;
use super::{Hit, HitKind, Query, SearchIndex, pinyin};

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
    /// The compiled pinyin pattern (`None` without one).
    finder: Option<pinyin::PinyinFinder>,
    literal: Vec<Hit>,
    pinyin: Vec<Hit>,
    /// Next folded offset the literal scan looks at.
    lit_pos: usize,
    /// The byte the pinyin scan reached (on a character boundary).
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
            finder: query.pinyin.as_deref().map(pinyin::PinyinFinder::new),
            query,
            literal: Vec::new(),
            pinyin: Vec::new(),
            lit_pos: 0,
            py_pos: 0,
            literal_done: empty,
            pinyin_done: empty || no_pinyin,
        }
    }

    /// The same search without pinyin matching (literal hits only).
    pub fn literal_only(mut self) -> Searcher<'a> {
        self.query.pinyin = None;
        self.finder = None;
        self.pinyin_done = true;
        self
    }

    /// The same search without literal matching (pinyin hits only).
    pub fn pinyin_only(mut self) -> Searcher<'a> {
        self.literal_done = true;
        self
    }

    /// Moves out the hits found so far (literal, then pinyin): the
    /// searcher goes on from where it was, holding none.
    fn take_found(&mut self) -> Vec<Hit> {
        let mut v = std::mem::take(&mut self.literal);
        v.append(&mut self.pinyin);
        v
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
            let mut cursor = Cursor::default();
            for s in memmem::find_iter(&hay[self.lit_pos..stop], needle) {
                let s = self.lit_pos + s;
                if s >= end {
                    break;
                }
                let e = s + needle.len();
                let start = folded.to_original_from(&doc.text, &mut cursor, s);
                self.literal.push(Hit {
                    range: start..folded.to_original_from(&doc.text, &mut cursor, e),
                    node: doc.outline.node_at(start),
                    kind: HitKind::Literal,
                });
                next = next.max(e);
            }
        }
        self.lit_pos = next;
        self.literal_done = self.lit_pos >= hay.len();
    }

    /// Finds the pinyin matches that start in the next `budget` bytes (the
    /// last may end past them).
    fn step_pinyin(&mut self, budget: usize) {
        let doc = self.index.doc();
        let text = &doc.text;
        let Some(finder) = &self.finder else {
            self.pinyin_done = true;
            return;
        };
        let end = self.py_pos.saturating_add(budget).min(text.len());
        let hits = &mut self.pinyin;
        self.py_pos = finder.find(text, self.py_pos, end, |range| {
            hits.push(Hit {
                node: doc.outline.node_at(range.start),
                range,
                kind: HitKind::Pinyin,
            })
        });
        self.pinyin_done = self.py_pos >= text.len();
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

/// The slice [`RankedHits`] searches at a time: its hits are all it holds
/// (at most 64 Ki of them, 2.5 MB, for a one-byte query).
const RANKED_STEP: usize = 64 * 1024;

/// Every hit of a query, ranked as [`Searcher::hits`] ranks them (literal
/// hits in document order, then pinyin hits), found a step at a time as
/// the iterator is read: it holds one step's hits, never all of them, so
/// `--search` writes its results as they are found.
pub struct RankedHits<'a> {
    /// The literal search, then the pinyin search; the first is current.
    stages: Vec<Searcher<'a>>,
    found: std::vec::IntoIter<Hit>,
}

impl<'a> RankedHits<'a> {
    /// The hits of `query`, pinyin ones only if `pinyin` (the
    /// configuration's `search.pinyin`).
    pub fn new(index: &'a SearchIndex<'a>, query: &str, pinyin: bool) -> RankedHits<'a> {
        let mut stages = vec![Searcher::new(index, query).literal_only()];
        if pinyin {
            stages.push(Searcher::new(index, query).pinyin_only());
        }
        RankedHits {
            stages,
            found: Vec::new().into_iter(),
        }
    }
}

impl Iterator for RankedHits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        loop {
            if let Some(h) = self.found.next() {
                return Some(h);
            }
            let s = self.stages.first_mut()?;
            if s.is_done() {
                self.stages.remove(0);
                continue;
            }
            s.step(RANKED_STEP);
            self.found = s.take_found().into_iter();
        }
    }
}

impl Searcher<'static> {
    /// A search that holds a share of its index (see [`SearchIndex::shared`]).
    pub fn shared(index: Arc<SearchIndex<'static>>, query: &str) -> Searcher<'static> {
        Searcher::with(Shared::Owned(index), query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::search::search_with;
    use crate::search::tests::doc;

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
    fn ranked_hits_are_the_one_shot_hits() {
        let text = "大零号湾,dlhw,大零号湾。\n".repeat(20_000);
        let d = doc(&text);
        let index = SearchIndex::new(&d);
        for q in ["dlhw", "大零", ","] {
            let all = search_with(&index, q);
            assert!(all.len() >= 20_000, "{q}");
            assert!(RankedHits::new(&index, q, true).eq(all.iter().cloned()));
            let literal: Vec<Hit> = all
                .iter()
                .filter(|h| h.kind == HitKind::Literal)
                .cloned()
                .collect();
            assert!(RankedHits::new(&index, q, false).eq(literal));
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
