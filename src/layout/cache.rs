//! A cache of laid-out paragraphs, so a key press never re-wraps the whole document.
//!
//! Keyed by (paragraph id, width, options). The caller guarantees that one id always names the
//! same text (call [`LayoutCache::clear`] when the document changes). The cache is bounded:
//! when full, entries for other widths go first (a resize makes them useless), then everything.

use std::collections::HashMap;
use std::sync::Arc;

use super::{DisplayLine, LayoutOptions, wrap};

type Key = (usize, usize, LayoutOptions);

/// Laid-out lines per (paragraph id, width, options).
#[derive(Debug)]
pub struct LayoutCache {
    map: HashMap<Key, Arc<[DisplayLine]>>,
    capacity: usize,
    wraps: u64,
}

impl Default for LayoutCache {
    fn default() -> Self {
        Self::with_capacity(4096)
    }
}

impl LayoutCache {
    /// A cache holding at most `capacity` paragraphs (at least 1).
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            map: HashMap::new(),
            capacity: capacity.max(1),
            wraps: 0,
        }
    }

    /// The lines of paragraph `id` (whose text is `text`) at `width`, wrapping only on a miss.
    pub fn lines(
        &mut self,
        id: usize,
        text: &str,
        width: usize,
        opts: &LayoutOptions,
    ) -> Arc<[DisplayLine]> {
        let key = (id, width, *opts);
        if let Some(lines) = self.map.get(&key) {
            return Arc::clone(lines);
        }
        if self.map.len() >= self.capacity {
            self.map.retain(|k, _| k.1 == width);
            if self.map.len() >= self.capacity {
                self.map.clear();
            }
        }
        self.wraps += 1;
        let lines: Arc<[DisplayLine]> = wrap(text, width, opts).into();
        self.map.insert(key, Arc::clone(&lines));
        lines
    }

    /// Forget everything (the document changed).
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Paragraphs held.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Nothing held.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// How many times [`wrap`] ran (misses), for tests and diagnostics.
    pub fn wrap_count(&self) -> u64 {
        self.wraps
    }
}
