//! The reader's comparison (`CompareJob::run`: both reports' targets
//! extracted, paired and judged, and the rows' cells made, as the compare
//! view's thread does it) on the 2023 and 2024 government work reports;
//! printed first: the same on big reports — the seed ×1000 (13 MB, 9,000
//! targets) against itself, and two reports of N distinct targets whose
//! subjects all look alike (every pair a candidate: the worst case of the
//! pairing) at N = 250, 500, 1000, 2000, with the growth per doubling.
//!
//! Run: `cargo bench --bench compare`

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use gangmu::document::{BUNDLED, Document};
use gangmu::layout::LayoutOptions;
use gangmu::tui::app::compare::CompareJob;

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Document::open(std::path::Path::new(&path)).expect("fixture")
}

fn job(old: Document, new: Document) -> CompareJob {
    CompareJob {
        old: Arc::new(old),
        new: Arc::new(new),
        opts: LayoutOptions::default(),
    }
}

/// A report of `n` targets (`力争乙甲甲工程新增2个。`), subjects three
/// Han characters apart at most, values varying with `seed`.
fn many_targets(year: i32, n: usize, seed: usize) -> Document {
    const H: [char; 20] = [
        '甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子', '丑', '寅', '卯', '辰',
        '巳', '午', '未', '申', '酉',
    ];
    let code = |mut i: usize| -> String {
        (0..3)
            .map(|_| {
                let c = H[i % 20];
                i /= 20;
                c
            })
            .collect()
    };
    let mut text = format!("{year}年政府工作报告\n\n今年主要预期目标是：");
    for i in 0..n {
        text.push_str(&format!("力争{}工程新增{}个。", code(i), i % seed + 1));
    }
    text.push('\n');
    Document::from_bytes(format!("many-{year}-{n}"), text.as_bytes()).expect("UTF-8")
}

/// The best of `runs` runs, after one untimed run.
fn best(j: &CompareJob, runs: usize) -> (Duration, usize) {
    let rows = black_box(j.run()).texts.len();
    let t = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(j.run());
            t.elapsed()
        })
        .min()
        .unwrap_or_default();
    (t, rows)
}

fn big() {
    let mut seed = Vec::with_capacity(BUNDLED.len() * 1000 + 1000);
    for _ in 0..1000 {
        seed.extend_from_slice(BUNDLED);
        seed.push(b'\n');
    }
    let d = || Document::from_bytes("seed×1000", &seed).expect("UTF-8");
    let (t, rows) = best(&job(d(), d()), 2);
    println!(
        "compare/seed_x1000 against itself: {:.0} ms, {rows} rows",
        t.as_secs_f64() * 1e3
    );
    let mut line = "compare/alike_targets:".to_string();
    let mut last: Option<Duration> = None;
    for n in [250, 500, 1000, 2000] {
        let (t, rows) = best(&job(many_targets(2023, n, 7), many_targets(2024, n, 5)), 2);
        line.push_str(&format!(
            " {n} {:.1} ms ({rows} rows)",
            t.as_secs_f64() * 1e3
        ));
        if let Some(p) = last {
            line.push_str(&format!(
                " [{:.2}×]",
                t.as_secs_f64() / p.as_secs_f64().max(1e-9)
            ));
        }
        last = Some(t);
    }
    println!("{line}");
}

fn fixtures(c: &mut Criterion) {
    let j = job(
        fixture("2023-government-work-report.txt"),
        fixture("2024-government-work-report.txt"),
    );
    assert_eq!(j.run().texts.len(), 15);
    let mut g = c.benchmark_group("compare");
    g.bench_function("2023_2024", |b| b.iter(|| j.run()));
    g.finish();
}

criterion_group!(benches, fixtures);

fn main() {
    big();
    benches();
    Criterion::default().configure_from_args().final_summary();
}
