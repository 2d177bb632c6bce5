//! What gangmu remembers about each document between runs: the reading
//! position, the folds, bookmarks and the jump history.
//!
//! State is keyed by a hash of the document's decoded text, so a renamed
//! file keeps its state and an edited one starts afresh. It lives in one
//! small JSON file per document under `$XDG_STATE_HOME/gangmu/` (or
//! `~/.local/state/gangmu/`), written atomically by [`store`]. Nothing here
//! knows about terminals: the reader converts its state to and from
//! [`SavedState`].

pub mod store;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use store::{Loaded, StateStore};

/// The current format of [`SavedState`].
pub const STATE_VERSION: u32 = 1;

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
    /// Jump history, oldest first, and how many entries are "forward".
    #[serde(default)]
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
}

/// The key of a document's state: a 128-bit xxh3 hash of its text, in hex.
pub fn document_key(text: &str) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(text.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_depends_on_content_only() {
        assert_eq!(document_key("闵行"), document_key("闵行"));
        assert_ne!(document_key("闵行"), document_key("闵行。"));
        assert_eq!(document_key("").len(), 32);
    }
}
