//! One query over every report of a library, a report at a time, so that
//! hits stream in: [`LibrarySearch`] is an iterator over the reports that
//! have a hit, in the library's order, each with its document and hits.
//!
//! Each report is read from its file when its turn comes (the library
//! holds no text): decoded, then searched as a single report is
//! ([`RankedHits`]: literal hits, then pinyin hits), its outline from the
//! cache or parsed only when it has a hit. A query of characters that fold
//! only to themselves (Han text: [`fold::is_fixed`]) is first looked for
//! in the text as written, which skips a report without it unfolded and
//! unparsed.
//!
//! The iterator owns what it needs (`Send + 'static`): a reader runs it on
//! a thread and drops it to cancel. Each report's hits are kept up to a
//! limit ([`LibrarySearch::keep`]) and the rest counted.

use std::sync::Arc;

use crate::document::Document;
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

/// A search over a library's reports (see the module docs).
pub struct LibrarySearch {
    reports: std::vec::IntoIter<(usize, Found)>,
    query: String,
    pinyin: bool,
    /// The query as the text writes it, when it can be looked for there.
    unfolded: Option<String>,
    cache: Option<Cache>,
    keep: usize,
    count_rest: bool,
}

impl LibrarySearch {
    /// A search of `reports` (id, file) in that order.
    pub fn new(
        reports: Vec<(usize, Found)>,
        query: &str,
        pinyin: bool,
        cache: Option<Cache>,
    ) -> LibrarySearch {
        let folded = fold::fold_str(query);
        let unfolded = (!folded.is_empty() && folded.chars().all(fold::is_fixed)).then_some(folded);
        LibrarySearch {
            reports: reports.into_iter(),
            query: query.to_string(),
            pinyin,
            unfolded,
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

    /// The hits of one report, `None` when it has none.
    fn search(&self, id: usize, found: &Found) -> Result<Option<ReportHits>, Note> {
        let (text, decoding) = load::read_text(found)?;
        if let Some(q) = &self.unfolded
            && memchr::memmem::find(text.as_bytes(), q.as_bytes()).is_none()
        {
            return Ok(None);
        }
        let doc = Arc::new(load::document(
            found.source(),
            text,
            decoding,
            self.cache.as_ref(),
        ));
        let index = SearchIndex::shared(Arc::clone(&doc));
        let mut ranked = RankedHits::new(&index, &self.query, self.pinyin);
        let hits: Vec<Hit> = ranked.by_ref().take(self.keep).collect();
        let rest = if self.count_rest && hits.len() == self.keep {
            ranked.count()
        } else {
            0
        };
        if hits.is_empty() {
            return Ok(None);
        }
        Ok(Some(ReportHits {
            id,
            source: found.source(),
            total: hits.len() + rest,
            hits,
            doc,
        }))
    }
}

impl Iterator for LibrarySearch {
    /// The next report with a hit, or a note on one that could not be read.
    type Item = Result<ReportHits, Note>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let (id, found) = self.reports.next()?;
            match self.search(id, &found) {
                Ok(None) => continue,
                Ok(Some(h)) => return Some(Ok(h)),
                Err(n) => return Some(Err(n)),
            }
        }
    }
}
