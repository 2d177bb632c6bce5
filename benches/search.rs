//! A keystroke's search on the seed and on the seed ×1000 (13 MB), literal
//! and pinyin; the index build; the first hits of an incremental search.
//!
//! `cargo bench --bench search`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gangmu::document::{BUNDLED, Document};
use gangmu::search::{DEFAULT_BUDGET, SearchIndex, Searcher, search_with};

const QUERIES: [(&str, &str); 4] = [
    ("literal", "大零号湾"),
    ("pinyin_initials", "dlhw"),
    ("pinyin_full", "dalinghaowan"),
    ("ascii_both", "mhq"),
];

fn seed(c: &mut Criterion) {
    let doc = Document::bundled();
    let mut g = c.benchmark_group("seed");
    g.bench_function("index_build", |b| {
        b.iter(|| {
            let index = SearchIndex::new(&doc);
            index.prepare();
            black_box(index.heap_bytes())
        })
    });
    let index = SearchIndex::new(&doc);
    index.prepare();
    for (name, q) in QUERIES {
        g.bench_function(name, |b| b.iter(|| black_box(search_with(&index, q))));
    }
    g.finish();
}

fn big(c: &mut Criterion) {
    let text = std::str::from_utf8(BUNDLED).unwrap().repeat(1000);
    let doc = Document::from_bytes("seed×1000", text.as_bytes()).unwrap();
    let t = Instant::now();
    let index = SearchIndex::new(&doc);
    index.prepare();
    eprintln!(
        "seed×1000: {} bytes; index built once in {:?}, {} heap bytes",
        doc.text.len(),
        t.elapsed(),
        index.heap_bytes(),
    );
    let mut g = c.benchmark_group("seed_x1000");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(3));
    g.bench_function("index_build", |b| {
        b.iter(|| {
            let index = SearchIndex::new(&doc);
            index.prepare();
            black_box(index.heap_bytes())
        })
    });
    for (name, q) in QUERIES {
        g.bench_function(format!("{name}/first_hit"), |b| {
            b.iter(|| {
                let mut s = Searcher::new(&index, q);
                s.run_until(1);
                black_box(s.len())
            })
        });
        g.bench_function(format!("{name}/one_step_256k"), |b| {
            b.iter(|| {
                let mut s = Searcher::new(&index, q);
                s.step(DEFAULT_BUDGET);
                black_box(s.len())
            })
        });
        g.bench_function(format!("{name}/all"), |b| {
            b.iter(|| black_box(search_with(&index, q).len()))
        });
    }
    g.finish();
}

criterion_group!(benches, seed, big);
criterion_main!(benches);
