//! Target extraction on the seed and on the seed repeated 1000 times. The
//! document is parsed once outside the timed loop: only `extract` is timed.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gangmu::document::{BUNDLED, Document};
use gangmu::targets::extract;

fn bench(c: &mut Criterion) {
    let seed = Document::bundled();
    let mut big = Vec::with_capacity(BUNDLED.len() * 1000 + 1000);
    for _ in 0..1000 {
        big.extend_from_slice(BUNDLED);
        big.push(b'\n');
    }
    let big = Document::from_bytes("seed×1000", &big).expect("valid UTF-8");
    assert_eq!(extract(&big).len(), 9 * 1000);

    let mut g = c.benchmark_group("targets");
    g.throughput(Throughput::Bytes(seed.text.len() as u64));
    g.bench_function("seed", |b| b.iter(|| extract(black_box(&seed))));
    g.throughput(Throughput::Bytes(big.text.len() as u64));
    g.sample_size(20);
    g.bench_function("seed_x1000", |b| b.iter(|| extract(black_box(&big))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
