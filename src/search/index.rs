//! [`SearchIndex`]: what search precomputes once per document (the folded
//! text with its offset map), built lazily; and
//! `Shared`, the borrowed-or-owned handle the index and a
//! [`Searcher`](super::Searcher) hold.

use std::ops::Deref;
use std::sync::{Arc, OnceLock};

use crate::document::Document;

use super::Folded;

/// What search precomputes once per document, built on first use.
///
/// `Sync`: it can be warmed up ([`SearchIndex::prepare`]) on another
/// thread while the reader starts.
#[derive(Debug)]
pub struct SearchIndex<'d> {
    doc: Shared<'d, Document>,
    folded: OnceLock<Folded>,
}

impl<'d> SearchIndex<'d> {
    /// Free: nothing is computed until a search needs it.
    pub fn new(doc: &'d Document) -> SearchIndex<'d> {
        SearchIndex {
            doc: Shared::Borrowed(doc),
            folded: OnceLock::new(),
        }
    }

    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// The folded text and its offset map.
    pub fn folded(&self) -> &Folded {
        self.folded.get_or_init(|| Folded::new(&self.doc.text))
    }

    /// Whether everything is built (by [`SearchIndex::prepare`] on another
    /// thread, say): searching will not wait.
    pub fn is_prepared(&self) -> bool {
        self.folded.get().is_some()
    }

    /// Builds everything now.
    pub fn prepare(&self) {
        self.folded();
    }

    /// Heap bytes held by what has been built so far.
    pub fn heap_bytes(&self) -> usize {
        self.folded.get().map_or(0, Folded::heap_bytes)
    }
}

impl SearchIndex<'static> {
    /// An index that owns a share of its document, so that it can live in
    /// the reader's state and be built on another thread.
    pub fn shared(doc: Arc<Document>) -> SearchIndex<'static> {
        SearchIndex {
            doc: Shared::Owned(doc),
            folded: OnceLock::new(),
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
