//! [`SearchIndex`]: what search precomputes once per document (the folded
//! text with its offset map, and the Han runs), built lazily; and
//! `Shared`, the borrowed-or-owned handle the index and a
//! [`Searcher`](super::Searcher) hold.

use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use crate::document::Document;

use super::{Folded, pinyin};

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
pub(super) enum Shared<'a, T> {
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
