//! The library's cache: what listing and opening a report need, kept by
//! the hash of its text under `$XDG_CACHE_HOME/gangmu/` (else
//! `~/.cache/gangmu/`), one file per text: `<key>.bin`, the key being the
//! xxh3-128 of the decoded text in hex, as the saved reading state's is
//! ([`crate::persist::document_key`]).
//!
//! An entry holds a header (title, year, kind, counts: what a list shows)
//! and a body (the paragraphs, the outline and the targets: what opening
//! the report needs besides its text). The search index (the folded
//! text) is not kept: it is as large as the text, nine times an entry,
//! and a literal search folds only the reports that hold a hit
//! ([`super::search`]); folding all 60 MB of the library bench takes
//! about 240 ms.
//!
//! Never trusted: an entry is read only as a regular file, never through
//! a symlink, capped in size ([`MAX_ENTRY_BYTES`], the header alone
//! [`codec::MAX_HEADER`]), and it must carry the magic, the format version
//! and the fingerprint of this build's parser, the key asked for, the
//! text's length, matching checksums and sizes, and ranges inside the
//! text ([`codec`]). Anything else is a [`Lookup::Invalid`]: the caller
//! rebuilds the entry from the text and replaces it.
//!
//! Writes replace an entry atomically ([`crate::persist::atomic`]): a
//! temporary file created exclusively, renamed over the entry, so that
//! concurrent gangmu processes each leave a whole entry and a reader sees
//! the old one or the new. They are not fsynced: a crash can lose or tear
//! an entry, which is then rebuilt. Nothing is ever evicted; the
//! directory can be deleted at any time.

pub mod codec;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use codec::{Invalid, Listing, Parsed};

use crate::document::Document;
use crate::persist::atomic::{self, Durability};
use crate::persist::small_file::{Links, SmallFileError, open_regular, read_small_with};
use crate::targets::Item;

use super::meta::Meta;

/// The largest entry read or written (a 256 MiB report's outline and
/// targets fit in less).
pub const MAX_ENTRY_BYTES: u64 = 128 << 20;

/// What looking an entry up found.
#[derive(Debug, PartialEq)]
pub enum Lookup<T> {
    Hit(T),
    /// No entry for the key.
    Miss,
    /// An entry that is not to be trusted, and why.
    Invalid(String),
}

/// A directory of cache entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// `$XDG_CACHE_HOME/gangmu`, or `~/.cache/gangmu`.
    pub fn from_env() -> Option<Cache> {
        let dirs = directories::BaseDirs::new()?;
        Some(Cache::at(dirs.cache_dir().join("gangmu")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file of the entry for `key` (32 hex digits).
    pub fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.bin"))
    }

    /// The header of the entry for `key`: what a list shows, read without
    /// the body.
    pub fn listing(&self, key: &str) -> Lookup<Listing> {
        let Some(want) = parse_key(key) else {
            return Lookup::Invalid("a malformed key".into());
        };
        let (mut file, len) = match open_regular(&self.path(key), Links::Refuse) {
            Ok(f) => f,
            Err(e) => return missing_or_invalid(e),
        };
        let mut head = [0u8; codec::PREFIX];
        if let Err(e) = file.read_exact(&mut head) {
            return Lookup::Invalid(format!("truncated ({e})"));
        }
        let p = match codec::prefix(&head) {
            Ok(p) => p,
            Err(e) => return Lookup::Invalid(e.0),
        };
        if p.key != want {
            return Lookup::Invalid("the key does not match the file's name".into());
        }
        if len != p.total() as u64 || len > MAX_ENTRY_BYTES {
            return Lookup::Invalid(format!("{len} bytes where the entry says {}", p.total()));
        }
        let mut header = vec![0u8; p.header_len];
        if let Err(e) = file.read_exact(&mut header) {
            return Lookup::Invalid(format!("truncated ({e})"));
        }
        match codec::listing(&head, &p, &header) {
            Ok(l) => Lookup::Hit(l),
            Err(e) => Lookup::Invalid(e.0),
        }
    }

    /// The whole entry for `text` (whose key is `key`), checked against it.
    pub fn entry(&self, key: &str, text: &str) -> Lookup<(Listing, Parsed)> {
        let Some(want) = parse_key(key) else {
            return Lookup::Invalid("a malformed key".into());
        };
        let bytes = match read_small_with(&self.path(key), MAX_ENTRY_BYTES, Links::Refuse) {
            Ok(b) => b,
            Err(e) => return missing_or_invalid(e),
        };
        match codec::decode(&bytes, want, text) {
            Ok(e) => Lookup::Hit(e),
            Err(e) => Lookup::Invalid(e.0),
        }
    }

    /// Writes the entry of a parsed report (replacing any): `Ok(false)`
    /// when it is too large to be cached.
    pub fn store(
        &self,
        key: &str,
        doc: &Document,
        items: &[Item],
        meta: &Meta,
    ) -> std::io::Result<bool> {
        let Some(key_bits) = parse_key(key) else {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "a malformed key",
            ));
        };
        let targets = items.iter().filter(|t| t.is_target()).count();
        let listing = Listing {
            key: key_bits,
            text_len: doc.text.len(),
            meta: meta.clone(),
            targets,
            results: items.len() - targets,
        };
        let body = codec::Body {
            title: &doc.title,
            paragraphs: doc.paragraph_table(),
            outline: &doc.outline,
            items,
        };
        let Ok(bytes) = codec::encode(&listing, body) else {
            return Ok(false);
        };
        if bytes.len() as u64 > MAX_ENTRY_BYTES {
            return Ok(false);
        }
        create_private_dir(&self.dir)?;
        atomic::replace(&self.dir, &format!("{key}.bin"), &bytes, Durability::Atomic)?;
        Ok(true)
    }
}

/// A key of 32 hex digits as its bits.
fn parse_key(key: &str) -> Option<u128> {
    (key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| u128::from_str_radix(key, 16).ok())
        .flatten()
}

fn missing_or_invalid<T>(e: SmallFileError) -> Lookup<T> {
    if e.is_missing() {
        Lookup::Miss
    } else {
        Lookup::Invalid(e.to_string())
    }
}

/// Creates the cache directory (and its parents), readable by its owner
/// only.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

/// A document rebuilt from its text and its entry's body, without parsing.
pub fn document(
    source: String,
    text: String,
    decoding: crate::document::Decoding,
    parsed: Parsed,
) -> (Document, Vec<Item>) {
    let doc = Document::from_parts(
        source,
        text,
        decoding,
        parsed.paragraphs,
        parsed.outline,
        parsed.title,
    );
    (doc, parsed.items)
}
