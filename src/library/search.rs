//! One query over every report of a library, a report at a time, so that
//! hits stream in: [`LibrarySearch`] is an iterator over the reports that
//! have a hit, in the library's order, each with its document and hits.
//!
//! Each report is read from its file when its turn comes (the library
//! holds no text), then searched as a single report is ([`RankedHits`]:
//! literal hits, then pinyin hits); its outline (for the hits' nodes) is
//! taken from the cache or parsed only when it has a hit. Two shortcuts
//! keep a report without hits cheap:
//! - a hit of a literal query holds the query's longest run of characters
//!   that only fold to themselves (Han text: [`fold::is_fixed`]) as
//!   written, so a report whose text lacks that run is passed over without
//!   being folded;
//! - a report listed with the cache is looked for in its file's bytes as
//!   they are: when their hash is the listed key they are its text, so
//!   they need not even be decoded.
//!
//! The iterator owns what it needs (`Send + 'static`): a reader runs it on
//! a thread and drops it to cancel. Each report's hits are kept up to a
//! limit ([`LibrarySearch::keep`]) and the rest counted.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::document::{Decoding, Document};
use crate::persist::bytes_key;
use crate::search::{Hit, RankedHits, SearchIndex, fold};

use super::cache::Cache;
use super::discover::{Found, Note};
use super::load;

/// How many hits of a report are kept by default (the rest are counted).
pub const KEEP: usize = 10_000;

/// A report with hits.
#[derive(Debug)]
pub struct ReportHits {
    /// The report's [`super::ReportInfo::id`].
    pub id: usize,
    pub source: String,
    /// The document searched (its outline from the cache when valid), for
    /// breadcrumbs and snippets, and to open it at a hit.
    pub doc: Arc<Document>,
    /// The first hits, ranked (literal, then pinyin, each in document
    /// order), at most the limit.
    pub hits: Vec<Hit>,
    /// Every hit, kept or counted.
    pub total: usize,
}

/// A report to search: its id, its file, and the key it was listed with.
pub type Target = (usize, Found, Option<String>);

/// A search over a library's reports (see the module docs).
pub struct LibrarySearch {
    reports: std::vec::IntoIter<Target>,
    /// Reports searched ahead, in order.
    ready: VecDeque<Result<Option<ReportHits>, Note>>,
    threads: usize,
    /// Reports searched at a time: one per thread at first, growing.
    batch: usize,
    query: String,
    pinyin: bool,
    /// A run of the query that every hit holds as written.
    run: Option<String>,
    cache: Option<Cache>,
    keep: usize,
    count_rest: bool,
}

/// The longest run of characters of the folded query that fold only to
/// themselves.
fn fixed_run(query: &str) -> Option<String> {
    let folded = fold::fold_str(query);
    folded
        .split(|c: char| !fold::is_fixed(c))
        .max_by_key(|r| r.len())
        .filter(|r| !r.is_empty())
        .map(str::to_string)
}

impl LibrarySearch {
    /// A search of `reports` in that order.
    pub fn new(
        reports: Vec<Target>,
        query: &str,
        pinyin: bool,
        cache: Option<Cache>,
    ) -> LibrarySearch {
        LibrarySearch {
            reports: reports.into_iter(),
            ready: VecDeque::new(),
            threads: 1,
            batch: 1,
            query: query.to_string(),
            pinyin,
            run: fixed_run(query),
            cache,
            keep: KEEP,
            count_rest: true,
        }
    }

    /// Keeps at most `n` hits a report; with `count_rest`, counts the
    /// others into [`ReportHits::total`] (else `total` is the hits kept).
    pub fn keep(mut self, n: usize, count_rest: bool) -> LibrarySearch {
        self.keep = n;
        self.count_rest = count_rest;
        self
    }

    /// Searches `n` reports at a time, on `n` threads: the first results
    /// come after one report per thread, then batches grow to 16 reports
    /// per thread (results stay in the library's order).
    pub fn threads(mut self, n: usize) -> LibrarySearch {
        self.threads = n.max(1);
        self.batch = self.threads;
        self
    }

    /// Whether `text` may hold a hit.
    fn may_hold(&self, text: &[u8]) -> bool {
        self.run
            .as_ref()
            .is_none_or(|r| memchr::memmem::find(text, r.as_bytes()).is_some())
    }

    /// The hits of one report, `None` when it has none.
    fn search(
        &self,
        id: usize,
        found: &Found,
        key: Option<&str>,
    ) -> Result<Option<ReportHits>, Note> {
        let mut bytes = load::read_bytes(found)?;
        let raw = load::without_bom(&bytes);
        let listed = key.is_some_and(|k| bytes_key(raw) == k);
        if listed && !self.may_hold(raw) {
            return Ok(None);
        }
        let (text, decoding) = if listed {
            let bom = raw.len() < bytes.len();
            bytes.drain(..bytes.len() - raw.len());
            match String::from_utf8(bytes) {
                Ok(t) => (
                    t,
                    Decoding {
                        bom,
                        ..Decoding::default()
                    },
                ),
                Err(e) => load::decode(found, e.into_bytes())?,
            }
        } else {
            load::decode(found, bytes)?
        };
        if !self.may_hold(text.as_bytes()) {
            return Ok(None);
        }
        // Searched without its outline, which is read only for a hit.
        let bare = Arc::new(load::bare(found.source(), text, decoding));
        let (mut hits, total) = {
            let index = SearchIndex::shared(Arc::clone(&bare));
            let mut ranked = RankedHits::new(&index, &self.query, self.pinyin);
            let hits: Vec<Hit> = ranked.by_ref().take(self.keep).collect();
            let rest = if self.count_rest && hits.len() == self.keep {
                ranked.count()
            } else {
                0
            };
            (hits, rest)
        };
        if hits.is_empty() {
            return Ok(None);
        }
        let bare = Arc::try_unwrap(bare).unwrap_or_else(|shared| (*shared).clone());
        let doc = load::document(bare.source, bare.text, bare.decoding, self.cache.as_ref());
        for h in &mut hits {
            h.node = doc.outline.node_at(h.range.start);
        }
        Ok(Some(ReportHits {
            id,
            source: found.source(),
            total: hits.len() + total,
            hits,
            doc: Arc::new(doc),
        }))
    }
}

impl Iterator for LibrarySearch {
    /// The next report with a hit, or a note on one that could not be read.
    type Item = Result<ReportHits, Note>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            match self.ready.pop_front() {
                Some(Ok(None)) => continue,
                Some(Ok(Some(h))) => return Some(Ok(h)),
                Some(Err(n)) => return Some(Err(n)),
                None => {}
            }
            let batch: Vec<Target> = self.reports.by_ref().take(self.batch).collect();
            if batch.is_empty() {
                return None;
            }
            let this = &*self;
            let done = super::parallel(&batch, this.threads, |(id, found, key)| {
                this.search(*id, found, key.as_deref())
            });
            self.ready.extend(done);
            self.batch = (self.batch * 2).min(self.threads * 16);
        }
    }
}
