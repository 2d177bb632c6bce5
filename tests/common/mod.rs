//! Helpers shared by the integration tests.
#![allow(dead_code)]

use gangmu::document::Document;

/// The outline as `kind marker title` lines indented two spaces a level.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    for (id, n) in doc.outline.iter().enumerate() {
        out.push_str(&"  ".repeat(n.depth));
        out.push_str(n.kind.as_str());
        if let Some(m) = doc.node_marker(id) {
            out.push(' ');
            out.push_str(m);
        }
        out.push_str(" | ");
        out.push_str(doc.node_title(id));
        out.push('\n');
    }
    out
}

pub fn parse(text: &str) -> Document {
    let doc = Document::from_bytes("test", text.as_bytes()).expect("decodes");
    gangmu::document::check::check(&doc.text, &doc.outline).expect("outline invariants");
    doc
}

pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}
