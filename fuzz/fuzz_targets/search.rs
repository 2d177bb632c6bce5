//! Search: the first line of the input is the query (literal, or pinyin for
//! letters), the rest the report. Hits are sound (on character boundaries,
//! ordered, literal ones equal to the query once folded, pinyin ones Han
//! only), the streamed outputs agree with the one-shot search, and the
//! reader's prompt takes the query.
#![no_main]

use gangmu::document::Document;
use gangmu::search::{self, HitKind, RankedHits, SearchIndex, fold, pinyin};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let Ok(query) = std::str::from_utf8(&data[..split]) else {
        return;
    };
    let Ok(doc) = Document::from_bytes("fuzz", data.get(split + 1..).unwrap_or_default()) else {
        return;
    };
    let hits = search::search(&doc, query);
    let folded = fold::fold_str(query);
    for kind in [HitKind::Literal, HitKind::Pinyin] {
        let mut last = 0;
        for h in hits.iter().filter(|h| h.kind == kind) {
            let r = h.range.clone();
            assert!(r.start >= last && r.start < r.end && r.end <= doc.text.len());
            assert!(doc.text.is_char_boundary(r.start) && doc.text.is_char_boundary(r.end));
            match kind {
                HitKind::Literal => assert_eq!(fold::fold_str(&doc.text[r.clone()]), folded),
                HitKind::Pinyin => assert!(doc.text[r.clone()].chars().all(pinyin::is_han)),
            }
            assert_eq!(h.node, doc.outline.node_at(r.start));
            last = r.end;
        }
    }
    let index = SearchIndex::new(&doc);
    assert!(RankedHits::new(&index, query, true).eq(hits.iter().cloned()));
    // Stepped in small slices, as the reader does: the same hits.
    let mut s = search::Searcher::new(&index, query);
    while !s.step(7) {}
    assert_eq!(s.into_hits(), hits);
    let mut text = Vec::new();
    let n = gangmu::cli::search::write_text(&mut text, &doc, hits.iter().cloned(), false).unwrap();
    assert_eq!(n, hits.len());
    let text = String::from_utf8(text).unwrap();
    assert!(
        !text
            .chars()
            .any(|c| c != '\n' && gangmu::layout::safe::placeholder(c).is_some())
    );
    let mut json = Vec::new();
    let out = gangmu::cli::search::SearchOut::new(&index, query, true);
    gangmu::cli::output::write_serialized(&mut json, &out, gangmu::cli::Format::Json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(v["total"].as_u64(), Some(hits.len() as u64));
});
