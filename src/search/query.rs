//! [`Query`]: a query as typed, parsed into what each kind of search looks
//! for (the folded text, and the letters to match by pinyin).

use super::{fold, pinyin};

/// The longest query the reader's `/` prompt takes, in characters: a
/// sentence or two, more than a prompt row shows. (`--search` takes any
/// length: literal search is linear in the query, and pinyin matching
/// stops at [`pinyin::MAX_LETTERS`].)
pub const MAX_QUERY_CHARS: usize = 256;

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
