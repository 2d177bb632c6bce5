//! The library's cache entries: the body of a valid entry for the seed
//! report, changed by the input (each three bytes set one byte of the
//! body: two for where, one for what; a last lone byte cuts the body
//! there), wrapped in a valid prefix and header (magic, version, build
//! fingerprint, key, lengths and both checksums recomputed), so that the
//! fuzzer reaches the body's decoding past the checksums. Decoding
//! never panics, and what it accepts is sound: the outline keeps every
//! invariant of `document::check`, paragraphs and targets lie in the text.
#![no_main]

use std::sync::OnceLock;

use gangmu::document::{Document, check};
use gangmu::library::cache::codec::{self, Listing, PREFIX};
use gangmu::library::Meta;
use libfuzzer_sys::fuzz_target;

/// The seed's text, its key and a valid entry for it.
fn seed() -> &'static (String, u128, Vec<u8>) {
    static SEED: OnceLock<(String, u128, Vec<u8>)> = OnceLock::new();
    SEED.get_or_init(|| {
        let text = std::str::from_utf8(gangmu::document::BUNDLED).unwrap().to_string();
        let doc = Document::from_bytes("seed", text.as_bytes()).unwrap();
        let items = gangmu::targets::extract(&doc);
        let key = u128::from_str_radix(&gangmu::persist::document_key(&text), 16).unwrap();
        let targets = items.iter().filter(|t| t.is_target()).count();
        let listing = Listing {
            key,
            text_len: text.len(),
            meta: Meta::read(&doc),
            targets,
            results: items.len() - targets,
        };
        let body = codec::Body {
            title: &doc.title,
            paragraphs: doc.paragraph_table(),
            outline: &doc.outline,
            items: &items,
        };
        let entry = codec::encode(&listing, body).unwrap();
        (text, key, entry)
    })
}

fuzz_target!(|changes: &[u8]| {
    let (text, key, entry) = seed();
    let p = codec::prefix(entry).unwrap();
    let header = &entry[PREFIX..PREFIX + p.header_len];
    let mut body = entry[PREFIX + p.header_len..].to_vec();
    let mut chunks = changes.chunks_exact(3);
    for c in &mut chunks {
        let at = usize::from(u16::from_le_bytes([c[0], c[1]])) % body.len().max(1);
        if let Some(b) = body.get_mut(at) {
            *b = c[2];
        }
    }
    if let [cut] = chunks.remainder() {
        body.truncate(usize::from(*cut) * body.len() / 256);
    }
    let body = body.as_slice();
    let mut forged = entry[..PREFIX].to_vec();
    forged[44..48].copy_from_slice(&(body.len() as u32).to_le_bytes());
    forged[48..56].copy_from_slice(&xxhash_rust::xxh3::xxh3_64(body).to_le_bytes());
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&forged[..56]);
    h.update(header);
    forged[56..64].copy_from_slice(&h.digest().to_le_bytes());
    forged.extend_from_slice(header);
    forged.extend_from_slice(body);
    let Ok((_, parsed)) = codec::decode(&forged, *key, text) else {
        return;
    };
    if let Err(e) = check::check(text, &parsed.outline) {
        panic!("an entry accepted with a broken outline: {e}");
    }
    for start in parsed.paragraphs.starts() {
        assert!(start < text.len() && text.is_char_boundary(start));
    }
    for t in &parsed.items {
        assert!(t.node < parsed.outline.len());
        assert!(text.get(t.span.clone()).is_some() && t.value.is_finite());
    }
});
