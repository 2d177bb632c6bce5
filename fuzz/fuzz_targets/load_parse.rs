//! Loading and parsing any bytes: decoding (UTF-8, GB18030, UTF-16, BOMs,
//! invalid sequences) and the outline, whose invariants must hold.
#![no_main]

use gangmu::document::{Document, check};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes("fuzz", data) else {
        return;
    };
    if let Err(e) = check::check(&doc.text, &doc.outline) {
        panic!("outline invariant broken: {e}");
    }
    for id in 0..doc.outline.len() {
        let dotted = doc.outline.dotted_id(id);
        assert_eq!(doc.outline.find_dotted(&dotted), Some(id));
        let _ = doc.node_label(id);
    }
    let _ = doc.title();
    assert_eq!(
        Document::from_vec("fuzz", data.to_vec())
            .ok()
            .map(|d| d.text),
        Some(doc.text)
    );
});
