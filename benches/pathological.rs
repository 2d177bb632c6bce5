//! Every view on pathological shapes of input, at 1×, 2×, 4× and 8× a base
//! size: the time of each, its growth per doubling of the input (linear is
//! 2×; the goal is at most 2.5×) and the peak heap as a multiple of the
//! input (the goal is at most 5×).
//!
//! Run: `cargo bench --bench pathological` (release build; about a minute
//! while every view is linear). `… -- SHAPE` runs the shapes whose name
//! contains SHAPE.
//!
//! The views are the library calls behind the command line: `outline` is
//! loading and parsing (`--outline`), `targets` extraction, `search-lit`
//! and `search-pinyin` a search to the end (`--search ，`, `--search
//! dlhw`), `outline-json` the `--outline --format json` output (the
//! outline with its targets) and `search-json` the streamed `--search ，
//! --format json`, both written to a sink; `reader` is the reader once
//! every thread's work is in: the document, the state of its first frame
//! at 120×40 with its targets, and the search index built. Apart from
//! `outline` and `reader`, a view runs on a document parsed beforehand;
//! its peak counts that document.
//!
//! Besides shapes that are hard on one stage, the node-dense shapes (a
//! sentence, a bullet, a numbered or circled heading or a point every few
//! bytes) are hard on the outline and on what each view keeps per node.
//!
//! A run longer than [`SLOW`] stops a shape's larger sizes for that view
//! (marked `>`): a quadratic view at 8× would take hours.

use std::hint::black_box;
use std::io;
use std::time::{Duration, Instant};

use gangmu::cli::Format;
use gangmu::cli::output::write_serialized;
use gangmu::cli::{outline, search as cli_search};
use gangmu::document::{BUNDLED, Document};
use gangmu::search::{RankedHits, SearchIndex};

#[path = "common/counting.rs"]
mod counting;

/// The input size at 1×.
const BASE: usize = 64 * 1024;

/// The longest single run before the larger sizes are skipped.
const SLOW: Duration = Duration::from_secs(4);

/// The most time spent repeating a fast run to time it.
const REPEAT_FOR: Duration = Duration::from_millis(300);

/// A generator of about `n` bytes of one shape.
type Shape = fn(usize) -> String;

/// The shapes, by name.
fn shapes() -> Vec<(&'static str, Shape)> {
    vec![
        ("seed", |n| {
            repeat_to(std::str::from_utf8(BUNDLED).unwrap_or(""), n)
        }),
        ("long-line-no-punct", |n| {
            // The seed's Han characters and digits, one line, no punctuation.
            let seed = std::str::from_utf8(BUNDLED).unwrap_or("");
            let han: String = seed
                .chars()
                .filter(|c| c.is_alphanumeric() && !c.is_ascii_alphabetic())
                .collect();
            let mut s = repeat_to(&han, n);
            s.retain(|c| c != '\n');
            s.push('\n');
            s
        }),
        ("one-letter-lines", |n| "a\n".repeat(n / 2)),
        ("digit-run", |n| format!("{}\n", "9".repeat(n))),
        ("cn-numeral-run", |n| format!("{}\n", "九".repeat(n / 3))),
        ("quote-dense", |n| {
            let unit = "力争新增1家“甲”，";
            format!("{}\n", unit.repeat(n / unit.len()))
        }),
        ("punct-run", |n| {
            let unit = "。；：！？，、";
            format!("{}\n", unit.repeat(n / unit.len()))
        }),
        ("clause-run", |n| {
            // The issue's `--search` case: one paragraph of clauses.
            let unit = "高新技术企业达到4000家，";
            format!("{}\n", unit.repeat(n / unit.len()))
        }),
        ("sentence-lines", |n| "a。\n".repeat(n / 5)),
        ("bullet-lines", |n| {
            format!("一、总则\n{}", "--a\n".repeat(n / 4))
        }),
        ("numbered-lines", |n| {
            // `（一）` then `1.a` … `9999.a`, `（二）` …: a heading every 7 bytes.
            let mut s = String::with_capacity(n + 64);
            for part in 1..1000 {
                s.push_str(&format!("（{}）\n", cn(part)));
                for k in 1..=9999 {
                    if s.len() >= n {
                        return s;
                    }
                    s.push_str(&format!("{k}.a\n"));
                }
            }
            s
        }),
        ("circled-lines", |n| {
            // `1.a` then `①a` … `⑳a`: a heading every 5 bytes.
            let mut s = String::with_capacity(n + 64);
            for k in 1.. {
                s.push_str(&format!("{k}.a\n"));
                for c in '①'..='⑳' {
                    s.push(c);
                    s.push_str("a\n");
                }
                if s.len() >= n {
                    break;
                }
            }
            s
        }),
        ("point-run", |n| {
            // Headings whose paragraphs are `一是a。二是a。…九十九是a。`.
            let mut s = String::with_capacity(n + 1024);
            for part in 0.. {
                s.push_str(&format!("{}、标题\n", cn(part % 999 + 1)));
                for k in 1..100 {
                    s.push_str(&format!("{}是a。", cn(k)));
                }
                s.push('\n');
                if s.len() >= n {
                    break;
                }
            }
            s
        }),
    ]
}

/// A Chinese numeral from 1 to 999 (`一百零五`, `九十九`).
fn cn(n: usize) -> String {
    let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let (h, t, u) = (n / 100 % 10, n / 10 % 10, n % 10);
    let mut s = String::new();
    if h > 0 {
        s.push_str(d[h]);
        s.push('百');
    }
    match (h, t) {
        (0, 0) => {}
        (0, 1) => s.push('十'),
        (_, 0) if u > 0 => s.push('零'),
        (_, 0) => {}
        _ => {
            s.push_str(d[t]);
            s.push('十');
        }
    }
    s.push_str(d[u]);
    s
}

fn repeat_to(unit: &str, n: usize) -> String {
    let mut s = String::with_capacity(n + unit.len());
    while s.len() < n {
        s.push_str(unit);
        s.push('\n');
    }
    s
}

/// The views: a name and what it runs on the input.
/// `outline` gets no document (it makes one); the others get the input
/// parsed.
type View = fn(&[u8], Option<&Document>);

fn views() -> Vec<(&'static str, View)> {
    vec![
        ("outline", |bytes, _| {
            black_box(Document::from_vec("bench", bytes.to_vec()).ok());
        }),
        ("targets", |_, doc| {
            if let Some(doc) = doc {
                black_box(gangmu::targets::extract(doc));
            }
        }),
        ("search-lit", |_, doc| {
            if let Some(doc) = doc {
                let index = SearchIndex::new(doc);
                black_box(RankedHits::new(&index, "，", true).count());
            }
        }),
        ("search-pinyin", |_, doc| {
            if let Some(doc) = doc {
                let index = SearchIndex::new(doc);
                black_box(RankedHits::new(&index, "dlhw", true).count());
            }
        }),
        ("outline-json", |_, doc| {
            if let Some(doc) = doc {
                let out = outline::outline_out(doc);
                black_box(write_serialized(&mut io::sink(), &out, Format::Json).ok());
            }
        }),
        ("search-json", |_, doc| {
            if let Some(doc) = doc {
                let index = SearchIndex::new(doc);
                let out = cli_search::SearchOut::new(&index, "，", true);
                black_box(write_serialized(&mut io::sink(), &out, Format::Json).ok());
            }
        }),
        ("reader", |bytes, _| {
            if let Ok(doc) = Document::from_vec("bench", bytes.to_vec()) {
                let app = gangmu::tui::initial_state(doc, 120, 40);
                app.report().search.index().prepare();
                black_box(&app);
            }
        }),
    ]
}

/// One measurement: the time of a run (the fastest of several when fast)
/// and the peak heap of the first, above what was in use before the
/// document was made.
struct Run {
    time: Duration,
    peak: usize,
}

fn measure(bytes: &[u8], view: View, name: &str) -> Run {
    let base = counting::reset_peak();
    let doc = if matches!(name, "outline" | "reader") {
        None
    } else {
        Document::from_vec("bench", bytes.to_vec()).ok()
    };
    let doc = doc.as_ref();
    let start = Instant::now();
    view(bytes, doc);
    let first = start.elapsed();
    let peak = counting::peak() - base;
    // The fastest of a few runs: the machine is shared, and other work
    // only ever adds time.
    let (mut best, mut total) = (first, first);
    while total < REPEAT_FOR && first < REPEAT_FOR / 4 {
        let start = Instant::now();
        view(bytes, doc);
        let t = start.elapsed();
        best = best.min(t);
        total += t;
    }
    Run { time: best, peak }
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

fn main() {
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    println!(
        "pathological: base {} KiB; time in ms at 1x 2x 4x 8x; growth per doubling (goal <= 2.5); peak heap / input at 1x..8x (goal <= 5)",
        BASE / 1024
    );
    let mut worst: Vec<(f64, String)> = Vec::new();
    for (shape, make) in shapes() {
        if filter.as_ref().is_some_and(|f| !shape.contains(f.as_str())) {
            continue;
        }
        let inputs: Vec<String> = [1, 2, 4, 8].iter().map(|k| make(BASE * k)).collect();
        for (name, view) in views() {
            let mut runs: Vec<Run> = Vec::new();
            let mut skipped = false;
            for input in &inputs {
                if runs.last().is_some_and(|r| r.time > SLOW) {
                    skipped = true;
                    break;
                }
                runs.push(measure(input.as_bytes(), view, name));
            }
            let times: Vec<String> = runs.iter().map(|r| ms(r.time)).collect();
            let growth: Vec<f64> = runs
                .windows(2)
                .map(|w| w[1].time.as_secs_f64() / w[0].time.as_secs_f64().max(1e-9))
                .collect();
            let peaks: Vec<String> = runs
                .iter()
                .zip(&inputs)
                .map(|(r, i)| format!("{:.1}", r.peak as f64 / i.len() as f64))
                .collect();
            let max = growth.iter().copied().fold(0.0f64, f64::max);
            let verdict = if skipped {
                "QUADRATIC OR WORSE (stopped)"
            } else if max > 2.5 {
                "above 2.5"
            } else {
                "ok"
            };
            println!(
                "{shape:<20} {name:<14} {:<40} growth {:<22} peak/input {:<22} {verdict}",
                format!("{}{}", times.join(" "), if skipped { " >" } else { "" }),
                growth
                    .iter()
                    .map(|g| format!("{g:.2}"))
                    .collect::<Vec<_>>()
                    .join(" "),
                peaks.join(" "),
            );
            worst.push((
                if skipped { f64::INFINITY } else { max },
                format!("{shape}/{name}"),
            ));
        }
    }
    worst.sort_by(|a, b| b.0.total_cmp(&a.0));
    let above: Vec<&String> = worst
        .iter()
        .filter(|(g, _)| *g > 2.5)
        .map(|(_, n)| n)
        .collect();
    println!(
        "above 2.5x per doubling: {}",
        if above.is_empty() {
            "none".to_string()
        } else {
            above
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        }
    );
}
