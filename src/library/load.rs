//! Reading one report for the library: its text (with the checks a
//! directory walk applies), then its outline and targets from the cache
//! when its entry is valid, else parsed and extracted (and cached).
//!
//! A file named on the command line is read whatever it holds, as the
//! single-report views read it. A file found in a directory must be a
//! report: not binary, not empty, and Chinese ([`super::meta::is_chinese`]);
//! otherwise it is skipped with a note. What cannot be read is an error
//! note. A cache that cannot be written is not an error: the report is
//! still read, only not remembered.

use crate::document::load::{self as doc_load, LoadError};
use crate::document::{Decoding, Document};
use crate::persist::{bytes_key, document_key};
use crate::targets::Item;

use super::cache::{Cache, Listing, Lookup};
use super::discover::{Found, Note};
use super::meta::Meta;

/// A report read whole: its document and targets.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub doc: Document,
    /// Targets and results, in document order ([`crate::targets::extract`]).
    pub items: Vec<Item>,
    /// The hash of the text ([`document_key`]), the key of its cache entry
    /// and of its saved reading state.
    pub key: String,
    pub meta: Meta,
    /// Whether the outline and targets came from the cache.
    pub from_cache: bool,
}

/// What listing a report found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    pub key: String,
    pub text_len: usize,
    pub meta: Meta,
    /// Targets and results, when known (from the cache, or once counted).
    pub counts: Option<(usize, usize)>,
}

impl Listed {
    fn from_listing(key: String, l: Listing) -> Listed {
        Listed {
            key,
            text_len: l.text_len,
            meta: l.meta,
            counts: Some((l.targets, l.results)),
        }
    }
}

/// A load error as a note on its path.
fn load_note(source: &str, e: &LoadError) -> Note {
    let line = e.to_string();
    let message = line
        .strip_prefix(source)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(&line);
    Note::error(source, message)
}

/// Reads a report's bytes (standard input for `-`), with the size checks
/// of one report's views.
pub fn read_bytes(found: &Found) -> Result<Vec<u8>, Note> {
    let source = found.source();
    if found.path.as_os_str() == "-" {
        doc_load::Opening::stdin(usize::MAX)
    } else {
        doc_load::Opening::file(&found.path, usize::MAX)
    }
    .and_then(doc_load::Opening::read_all)
    .map_err(|e| load_note(&source, &e))
}

/// Decodes a report's bytes, applying a walk's checks to a file found in
/// a directory.
pub fn decode(found: &Found, bytes: Vec<u8>) -> Result<(String, Decoding), Note> {
    let source = found.source();
    let (text, decoding) = match doc_load::decode_owned(bytes, &source) {
        Ok(t) => t,
        Err(LoadError::Binary(_)) if !found.explicit => {
            return Err(Note::skipped(
                source,
                "skipped: a binary file, not a report",
            ));
        }
        Err(e) => return Err(load_note(&source, &e)),
    };
    if !found.explicit {
        check_report(&source, text.trim().len(), super::meta::is_chinese(&text))?;
    }
    Ok((text, decoding))
}

/// Reads and decodes a report's text ([`read_bytes`], [`decode`]).
pub fn read_text(found: &Found) -> Result<(String, Decoding), Note> {
    decode(found, read_bytes(found)?)
}

/// The bytes of a file without a UTF-8 byte-order mark: the text itself
/// when the file is UTF-8, so that their hash is the text's key.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// A walk's checks on a text: not empty, and Chinese.
fn check_report(source: &str, trimmed_len: usize, chinese: bool) -> Result<(), Note> {
    if trimmed_len == 0 {
        Err(Note::skipped(source, "skipped: empty"))
    } else if !chinese {
        Err(Note::skipped(
            source,
            "skipped: not a Chinese report (few Han characters)",
        ))
    } else {
        Ok(())
    }
}

/// A text as a document without an outline (not parsed: for searching
/// before the outline is needed).
pub fn bare(source: String, text: String, decoding: Decoding) -> Document {
    Document::from_parts(
        source,
        text,
        decoding,
        Default::default(),
        Default::default(),
        0..0,
    )
}

/// The document of a text: from its cache entry when valid, else parsed
/// (not cached: the targets are not extracted).
pub fn document(
    source: String,
    text: String,
    decoding: Decoding,
    cache: Option<&Cache>,
) -> Document {
    let key = document_key(&text);
    if let Some(c) = cache
        && let Lookup::Hit((_, parsed)) = c.entry(&key, &text)
    {
        return super::cache::document(source, text, decoding, parsed).0;
    }
    Document::from_text(source, text, decoding)
}

/// A text's document and targets: from its cache entry when valid, else
/// parsed, extracted and cached.
pub fn parse(source: String, text: String, decoding: Decoding, cache: Option<&Cache>) -> Loaded {
    let key = document_key(&text);
    if let Some(c) = cache
        && let Lookup::Hit((listing, parsed)) = c.entry(&key, &text)
    {
        let (doc, items) = super::cache::document(source, text, decoding, parsed);
        return Loaded {
            doc,
            items,
            key,
            meta: listing.meta,
            from_cache: true,
        };
    }
    let doc = Document::from_text(source, text, decoding);
    let items = crate::targets::extract(&doc);
    let meta = Meta::read(&doc);
    if let Some(c) = cache {
        // A cache that cannot be written only makes the next run slower.
        let _ = c.store(&key, &doc, &items, &meta);
    }
    Loaded {
        doc,
        items,
        key,
        meta,
        from_cache: false,
    }
}

/// Reads a report whole.
pub fn load(found: &Found, cache: Option<&Cache>) -> Result<Loaded, Note> {
    let (text, decoding) = read_text(found)?;
    Ok(parse(found.source(), text, decoding, cache))
}

/// Lists a report: its entry's header when the cache has it, else what
/// parsing it tells (title, year, kind), its targets left to count.
///
/// With the cache, the file's bytes are hashed before they are decoded:
/// when they are an entry's text (UTF-8; their hash is its key and their
/// length its length), the entry lists the report without decoding it.
pub fn list(found: &Found, cache: Option<&Cache>) -> Result<Listed, Note> {
    let source = found.source();
    if found.path.as_os_str() == "-" {
        return Err(Note::error(
            source,
            "standard input cannot be part of a library (it cannot be read again)",
        ));
    }
    let bytes = read_bytes(found)?;
    let raw_key = cache.map(|c| {
        let raw = without_bom(&bytes);
        let key = bytes_key(raw);
        match c.listing(&key) {
            Lookup::Hit(l) if l.text_len == raw.len() => Ok(Listed::from_listing(key, l)),
            _ => Err(key),
        }
    });
    if let Some(Ok(listed)) = raw_key {
        if !found.explicit {
            check_report(&source, listed.text_len, listed.meta.chinese)?;
        }
        return Ok(listed);
    }
    let (text, decoding) = decode(found, bytes)?;
    let key = document_key(&text);
    if let Some(c) = cache
        && raw_key != Some(Err(key.clone()))
        && let Lookup::Hit(l) = c.listing(&key)
        && l.text_len == text.len()
    {
        return Ok(Listed::from_listing(key, l));
    }
    let doc = Document::from_text(source, text, decoding);
    Ok(Listed {
        key,
        text_len: doc.text.len(),
        meta: Meta::read(&doc),
        counts: None,
    })
}

/// Lists a report with its targets counted (extracting them and caching
/// the entry when the cache does not have it).
pub fn list_counted(found: &Found, cache: Option<&Cache>) -> Result<Listed, Note> {
    let l = load(found, cache)?;
    let targets = l.items.iter().filter(|t| t.is_target()).count();
    Ok(Listed {
        key: l.key,
        text_len: l.doc.text.len(),
        meta: l.meta,
        counts: Some((targets, l.items.len() - targets)),
    })
}
