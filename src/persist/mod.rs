//! What gangmu remembers about each document between runs: the reading
//! position, the folds, bookmarks and the jump history.
//!
//! State is keyed by a hash of the document's decoded text, so a renamed
//! file keeps its state and an edited one starts afresh. It lives in one
//! small JSON file per document under `$XDG_STATE_HOME/gangmu/` (or
//! `~/.local/state/gangmu/`), written atomically by [`store`]. Nothing here
//! knows about terminals: the reader converts its state to and from
//! [`SavedState`].

pub mod atomic;
pub mod small_file;
pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use small_file::{Links, SmallFileError, read_small, read_small_with};
pub use store::{Loaded, StateStore};

/// The current format of [`SavedState`].
pub const STATE_VERSION: u32 = 1;

/// How many places of the jump history are kept (back and forward
/// together): the reader trims to it, and reading a file keeps the last
/// ones only (200,000 entries delayed the first frame by 4 s).
pub const HISTORY_LIMIT: usize = 100;

/// A place in the document: a byte offset into the decoded text, with the
/// dotted id of the node there (for people reading the file).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub offset: usize,
    #[serde(default)]
    pub node: String,
}

/// Everything remembered about one document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedState {
    pub version: u32,
    /// Where reading stopped.
    pub position: Option<Position>,
    /// Dotted ids of the nodes shown unfolded.
    #[serde(default)]
    pub open: Vec<String>,
    /// Bookmarks by letter.
    #[serde(default)]
    pub bookmarks: BTreeMap<char, Position>,
    /// Jump history, oldest first, and how many entries are "forward" (at
    /// the end). At most [`HISTORY_LIMIT`] are read.
    #[serde(default, deserialize_with = "last_places")]
    pub history: Vec<Position>,
    #[serde(default)]
    pub history_forward: usize,
    /// The pane that had the focus (`tree`, `text`, `sidebar`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
}

impl SavedState {
    pub fn new() -> SavedState {
        SavedState {
            version: STATE_VERSION,
            ..SavedState::default()
        }
    }

    /// `ours` (this reader's state) merged into `theirs` (what is on disk
    /// now, perhaps saved by another reader of the same report since
    /// `base`, what this reader last read or saved): each part this
    /// reader changed since `base` is its own, the rest is theirs. So two
    /// readers both keep their new bookmarks, a deleted bookmark stays
    /// deleted, and the position is the one that moved last.
    pub fn merge(base: &SavedState, ours: &SavedState, theirs: &SavedState) -> SavedState {
        fn pick<T: PartialEq + Clone>(base: &T, ours: &T, theirs: &T) -> T {
            if ours != base { ours } else { theirs }.clone()
        }
        let mut bookmarks = theirs.bookmarks.clone();
        let letters = base.bookmarks.keys().chain(ours.bookmarks.keys());
        for c in letters.copied().collect::<std::collections::BTreeSet<_>>() {
            let (b, o) = (base.bookmarks.get(&c), ours.bookmarks.get(&c));
            if b != o {
                match o {
                    Some(p) => bookmarks.insert(c, p.clone()),
                    None => bookmarks.remove(&c),
                };
            }
        }
        let (history, history_forward) = pick(
            &(&base.history, base.history_forward),
            &(&ours.history, ours.history_forward),
            &(&theirs.history, theirs.history_forward),
        );
        SavedState {
            version: STATE_VERSION,
            position: pick(&base.position, &ours.position, &theirs.position),
            open: pick(&base.open, &ours.open, &theirs.open),
            bookmarks,
            history: history.clone(),
            history_forward,
            focus: pick(&base.focus, &ours.focus, &theirs.focus),
        }
    }
}

/// Reads a history list keeping only its last [`HISTORY_LIMIT`] places,
/// as they are read.
fn last_places<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Position>, D::Error> {
    struct Last;
    impl<'de> serde::de::Visitor<'de> for Last {
        type Value = Vec<Position>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a list of places")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut kept = std::collections::VecDeque::with_capacity(HISTORY_LIMIT + 1);
            while let Some(p) = seq.next_element::<Position>()? {
                if kept.len() == HISTORY_LIMIT {
                    kept.pop_front();
                }
                kept.push_back(p);
            }
            Ok(kept.into())
        }
    }
    d.deserialize_seq(Last)
}

/// The key of a document's state: a 128-bit xxh3 hash of its text, in hex.
/// The library's cache keys its entries the same way.
pub fn document_key(text: &str) -> String {
    bytes_key(text.as_bytes())
}

/// [`document_key`] of text given as its UTF-8 bytes (a file read but not
/// yet decoded: the key matches only if the bytes are that text).
pub fn bytes_key(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(offset: usize) -> Position {
        Position {
            offset,
            node: String::new(),
        }
    }

    #[test]
    fn a_long_history_is_cut_to_its_last_places_while_read() {
        let mut s = SavedState::new();
        s.history = (0..200_000).map(at).collect();
        s.history_forward = 3;
        let json = serde_json::to_string(&s).unwrap();
        let back: SavedState = serde_json::from_str(&json).unwrap();
        assert_eq!(back.history.len(), HISTORY_LIMIT);
        assert_eq!(back.history[0].offset, 200_000 - HISTORY_LIMIT);
        assert_eq!(back.history.last().unwrap().offset, 199_999);
        assert_eq!(back.history_forward, 3);
    }

    #[test]
    fn merging_keeps_both_readers_changes() {
        let mut base = SavedState::new();
        base.position = Some(at(10));
        base.bookmarks.insert('a', at(1));
        base.bookmarks.insert('d', at(4));
        // This reader: set b, deleted d, did not move.
        let mut ours = base.clone();
        ours.bookmarks.insert('b', at(2));
        ours.bookmarks.remove(&'d');
        // The other: set c, moved a, read on to 500.
        let mut theirs = base.clone();
        theirs.bookmarks.insert('c', at(3));
        theirs.bookmarks.insert('a', at(11));
        theirs.position = Some(at(500));
        theirs.history = vec![at(10)];
        let m = SavedState::merge(&base, &ours, &theirs);
        let marks: Vec<(char, usize)> = m.bookmarks.iter().map(|(&c, p)| (c, p.offset)).collect();
        assert_eq!(marks, [('a', 11), ('b', 2), ('c', 3)]);
        assert_eq!(m.position, Some(at(500)));
        assert_eq!(m.history, [at(10)]);
        // Had this reader moved, its position would be the newer.
        ours.position = Some(at(42));
        assert_eq!(
            SavedState::merge(&base, &ours, &theirs).position,
            Some(at(42))
        );
        // Nothing on disk changed: ours, whole.
        assert_eq!(SavedState::merge(&base, &ours, &base), ours);
    }

    #[test]
    fn key_depends_on_content_only() {
        assert_eq!(document_key("闵行"), document_key("闵行"));
        assert_ne!(document_key("闵行"), document_key("闵行。"));
        assert_eq!(document_key("").len(), 32);
    }
}
