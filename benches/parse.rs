//! Parse throughput on the seed and on the seed ×1000 (13 MB), and the peak
//! heap used to build the 13 MB outline, measured with a counting allocator.
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

/// Peak heap while decoding and parsing the 13 MB report, counted from
/// before its bytes were read (the bytes become the text without a copy),
/// as a multiple of the text's size.
fn peak_memory() {
    let big = seed_times(1000);
    let base = counting::reset_peak();
    let doc = Document::from_vec("big", big.clone()).unwrap();
    let peak = counting::peak() - base;
    let resident = counting::current() - base;
    let text = doc.text.len() as f64;
    println!(
        "memory/seed_x1000: text {:.1} MB, {} nodes, {} paragraphs; peak heap {:.1} MB ({:.2}x text), \
         retained {:.1} MB ({:.2}x text: the text plus an outline of {:.2}x)",
        text / 1e6,
        doc.outline.len(),
        doc.paragraph_count(),
        peak as f64 / 1e6,
        peak as f64 / text,
        resident as f64 / 1e6,
        resident as f64 / text,
        (resident as f64 - text) / text,
    );
}

criterion_group!(benches, parse);

fn main() {
    peak_memory();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
