//! Target extraction on the seed and on the seed repeated 1000 times (the
//! document is parsed once, outside the timed loop: only `extract` is
//! timed), and on pathological shapes at 1×, 2×, 4× and 8× their base size
//! with the growth of the time per doubling printed first (goal ≤ 2.5×:
//! linear, where the old scanner was quadratic on runs of digits and on
//! paragraphs full of quotes).
//!
//! Run: `cargo bench --bench targets`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use gangmu::document::{BUNDLED, Document};
use gangmu::targets::extract;

/// A shape: its name, its base count and the text for a count.
type Shape = (&'static str, usize, fn(usize) -> String);

/// Inputs whose cost once grew faster than their length.
const SHAPES: &[Shape] = &[
    ("digits", 100_000, |n| {
        format!("力争新增{}。", "9".repeat(n))
    }),
    ("numerals", 50_000, |n| {
        format!("力争新增{}。", "九".repeat(n))
    }),
    ("quotes", 5_000, |n| "力争新增1家“甲”，".repeat(n)),
    ("quoted", 20_000, |n| "力争新增“1家企业”，".repeat(n)),
    ("list", 5_000, |n| {
        format!("力争新增{}。", "1家企业、".repeat(n))
    }),
    ("sentences", 5_000, |n| "今年新增1家企业。".repeat(n)),
    ("deadlines", 5_000, |n| "年内新增1家企业，".repeat(n)),
    ("respectively", 2_000, |n| {
        format!("力争{}。", "甲乙分别新增1家、".repeat(n))
    }),
];

const SCALES: [usize; 4] = [1, 2, 4, 8];

fn doc(text: &str) -> Document {
    Document::from_bytes("shape", text.as_bytes()).expect("valid UTF-8")
}

/// The best of a few runs of `extract`, after one untimed run (the
/// first run of a size pays the allocator's page faults).
fn best_time(d: &Document) -> Duration {
    black_box(extract(black_box(d)));
    (0..7)
        .map(|_| {
            let t = Instant::now();
            black_box(extract(black_box(d)));
            t.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// Prints, per shape, the time at each scale and its growth per doubling.
fn growth() {
    for &(name, base, make) in SHAPES {
        let mut line = format!("growth/{name}:");
        let mut last: Option<Duration> = None;
        let mut worst: f64 = 0.0;
        for k in SCALES {
            let d = doc(&make(base * k));
            let t = best_time(&d);
            line.push_str(&format!(" {k}× {:.2} ms", t.as_secs_f64() * 1e3));
            if let Some(p) = last {
                let r = t.as_secs_f64() / p.as_secs_f64().max(1e-9);
                worst = worst.max(r);
                line.push_str(&format!(" ({r:.2}×)"));
            }
            last = Some(t);
        }
        println!("{line}; worst growth per doubling {worst:.2}× (goal ≤ 2.5×)");
    }
}

fn seed(c: &mut Criterion) {
    let seed = Document::bundled();
    let mut big = Vec::with_capacity(BUNDLED.len() * 1000 + 1000);
    for _ in 0..1000 {
        big.extend_from_slice(BUNDLED);
        big.push(b'\n');
    }
    let big = Document::from_bytes("seed×1000", &big).expect("valid UTF-8");
    let targets = extract(&big).iter().filter(|t| t.is_target()).count();
    assert_eq!(targets, 9 * 1000);

    let mut g = c.benchmark_group("targets");
    g.throughput(Throughput::Bytes(seed.text.len() as u64));
    g.bench_function("seed", |b| b.iter(|| extract(black_box(&seed))));
    g.throughput(Throughput::Bytes(big.text.len() as u64));
    g.sample_size(20);
    g.bench_function("seed_x1000", |b| b.iter(|| extract(black_box(&big))));
    g.finish();
}

fn shapes(c: &mut Criterion) {
    let mut g = c.benchmark_group("targets_shapes");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    for &(name, base, make) in SHAPES {
        for k in SCALES {
            let d = doc(&make(base * k));
            g.throughput(Throughput::Bytes(d.text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, format!("{k}x")), &d, |b, d| {
                b.iter(|| extract(black_box(d)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, seed, shapes);

fn main() {
    growth();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
