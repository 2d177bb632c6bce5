//! Layout benchmarks: the whole seed at 80 columns, the seed ×1000 (19,000 paragraphs), and the
//! cost of one detail-pane frame served from the cache.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gangmu::layout::{LayoutCache, LayoutOptions, segments, wrap};

const SEED: &str = include_str!("../assets/minhang-2024-07-24.txt");

fn bench(c: &mut Criterion) {
    let opts = LayoutOptions::default();
    let paras: Vec<&str> = SEED.lines().collect();
    let mut g = c.benchmark_group("layout");
    g.throughput(Throughput::Bytes(SEED.len() as u64));
    g.bench_function("seed_80", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| wrap(black_box(p), 80, &opts).len())
                .sum::<usize>()
        })
    });
    g.bench_function("seed_80_with_segments", |b| {
        b.iter(|| {
            paras
                .iter()
                .map(|p| {
                    wrap(black_box(p), 80, &opts)
                        .iter()
                        .map(|l| segments(l, p, &opts, &[]).len())
                        .sum::<usize>()
                })
                .sum::<usize>()
        })
    });
    g.throughput(Throughput::Bytes(SEED.len() as u64 * 1000));
    g.sample_size(10);
    g.bench_function("seed_x1000_80", |b| {
        b.iter(|| {
            (0..1000)
                .flat_map(|_| paras.iter())
                .map(|p| wrap(black_box(p), 80, &opts).len())
                .sum::<usize>()
        })
    });
    g.finish();

    // A key press in the detail pane: 50 visible paragraphs, all cache hits.
    let mut cache = LayoutCache::default();
    for (i, p) in paras.iter().enumerate() {
        cache.lines(i, p, 80, &opts);
    }
    c.bench_function("layout/cached_frame_80", |b| {
        b.iter(|| {
            (0..50)
                .map(|i| {
                    cache
                        .lines(i % paras.len(), paras[i % paras.len()], 80, &opts)
                        .len()
                })
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
