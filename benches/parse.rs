//! Parse throughput on the seed and on the seed ×1000 (13 MB), and the peak
//! heap used to build the 13 MB outline (and that of 13 MB of one-letter
//! lines, a paragraph every two bytes), measured with a counting allocator.
//!
//! Run: `cargo bench --bench parse`

use criterion::{Criterion, Throughput, criterion_group};
use gangmu::document::{BUNDLED, Document};

#[path = "common/counting.rs"]
mod counting;

fn seed_times(n: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity((BUNDLED.len() + 1) * n);
    for _ in 0..n {
        v.extend_from_slice(BUNDLED);
        v.push(b'\n');
    }
    v
}

fn parse(c: &mut Criterion) {
    let mut g = c.benchmark_group("parse");
    g.throughput(Throughput::Bytes(BUNDLED.len() as u64));
    g.bench_function("seed", |b| {
        b.iter(|| Document::from_bytes("seed", BUNDLED).unwrap())
    });
    let big = seed_times(1000);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(10);
    g.bench_function("seed_x1000", |b| {
        b.iter(|| Document::from_bytes("big", &big).unwrap())
    });
    g.finish();
}

/// Peak heap while decoding and parsing a 13 MB report, counted from
/// before its bytes were read (the bytes become the text without a copy),
/// as a multiple of the text's size; and what the outline and the table of
/// paragraphs keep, a node and a paragraph.
fn peak_memory(name: &str, bytes: &[u8]) {
    let base = counting::reset_peak();
    let doc = Document::from_vec(name, bytes.to_vec()).unwrap();
    let peak = counting::peak() - base;
    let resident = counting::current() - base;
    let text = doc.text.len() as f64;
    let (nodes, paras) = (doc.outline.len(), doc.paragraph_count());
    let (outline, table) = (doc.outline.heap_bytes(), doc.paragraph_table().heap_bytes());
    println!(
        "memory/{name}: text {:.1} MB, {nodes} nodes, {paras} paragraphs; peak heap {:.1} MB \
         ({:.2}x text), retained {:.1} MB ({:.2}x text); outline {:.1} MB ({:.1} B a node), \
         paragraphs {:.1} MB ({:.2} B a paragraph)",
        text / 1e6,
        peak as f64 / 1e6,
        peak as f64 / text,
        resident as f64 / 1e6,
        resident as f64 / text,
        outline as f64 / 1e6,
        outline as f64 / nodes.max(1) as f64,
        table as f64 / 1e6,
        table as f64 / paras.max(1) as f64,
    );
}

criterion_group!(benches, parse);

fn main() {
    peak_memory("seed_x1000", &seed_times(1000));
    // The 13 MB of one-letter lines.
    peak_memory("one_letter_lines", "a\n".repeat(6_500_000).as_bytes());
    benches();
    Criterion::default().configure_from_args().final_summary();
}
