//! Target extraction on any text: every target's ranges lie in the text
//! on character boundaries, inside its sentence, with a finite value, and
//! the scripted outputs of them never carry a control character.
#![no_main]

use gangmu::document::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = Document::from_bytes("fuzz", data) else {
        return;
    };
    let targets = gangmu::targets::extract(&doc);
    let text = &doc.text;
    let ok = |r: &std::ops::Range<usize>| {
        r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end)
    };
    for t in &targets {
        assert!(
            ok(&t.span) && ok(&t.sentence) && ok(&t.subject) && ok(&t.quantity),
            "{t:?}"
        );
        assert!(
            t.verb.iter().chain(&t.qualifier).chain(&t.deadline).all(ok),
            "{t:?}"
        );
        assert!(t.node < doc.outline.len());
        assert!(t.value.is_finite(), "{t:?}");
    }
    let csv = gangmu::cli::targets::targets_csv(&doc, true);
    let table = gangmu::cli::targets::targets_text(&doc, true);
    for out in [&csv, &table] {
        assert!(
            !out.chars()
                .any(|c| c != '\r' && gangmu::layout::safe::placeholder(c).is_some()),
            "{out:?}"
        );
    }
});
