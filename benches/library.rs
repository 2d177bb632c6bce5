//! A library of 1,000 reports (~60 MB) built from the corpus with varied
//! text: listing it cold (no cache) and from the cache, opening a report
//! from the cache, the first screenful (40 hits) of a search across it,
//! and the peak heap of each, against the goals:
//!
//! - lists in ≤ 300 ms cold and ≤ 50 ms with the cache;
//! - opens (switches to) a report in ≤ 16 ms from the cache;
//! - a literal search shows its first 40 hits in ≤ 100 ms;
//! - peak heap ≤ 2× the library's text.
//!
//! Then the reader's own path ([`reader`]): an [`App`] on the library,
//! its requests carried out by the real edge ([`LibraryEdge`]) and every
//! frame drawn into a `TestBackend` of 120×40: switching between two open
//! reports (`a`, goal ≤ 16 ms a frame), opening a report from the pane,
//! and typing a query into the widened prompt until its first screen of
//! grouped hits is drawn (goal ≤ 100 ms).
//!
//! "Cold" is without gangmu's cache; the reports' files are in the page
//! cache (they were just written), as they are for a user who opens a
//! library twice. Each figure is the median of several runs.
//!
//! `cargo bench --bench library`

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gangmu::library::cache::Cache;
use gangmu::library::{Library, Options, Sort};
use gangmu::tui::action::Action;
use gangmu::tui::app::App;
use gangmu::tui::{LibraryEdge, view};

#[path = "common/counting.rs"]
mod counting;

const REPORTS: usize = 1000;

/// The corpus reports' texts.
fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect()
}

/// Report `i`: a corpus report, its years moved back by `i % 12`, and
/// about 12 KB of another report's paragraphs appended as an annex with a
/// line of its own, so that every text (and hash) differs.
fn report(i: usize, corpus: &[String]) -> String {
    let base = &corpus[i % corpus.len()];
    let shift = (i % 12) as i32;
    let mut text = String::with_capacity(base.len() + 16_000);
    let mut rest = base.as_str();
    // Years 2000–2029 written as four digits, moved back.
    while let Some(at) = rest.find("20") {
        let (head, tail) = rest.split_at(at);
        text.push_str(head);
        let year = tail
            .get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (2000..2030).contains(y));
        match year {
            Some(y) => {
                text.push_str(&(y - shift).to_string());
                rest = &tail[4..];
            }
            None => {
                text.push_str("20");
                rest = &tail[2..];
            }
        }
    }
    text.push_str(rest);
    let other = &corpus[(i / corpus.len() + i + 3) % corpus.len()];
    let paras: Vec<&str> = other.lines().filter(|l| l.len() > 60).collect();
    text.push_str(&format!("\n附件{}\n", i + 1));
    let mut added = 0;
    let mut k = (i * 37) % paras.len();
    while added < 12_000 {
        text.push_str(paras[k]);
        text.push('\n');
        added += paras[k].len();
        k = (k + 1) % paras.len();
    }
    text.push_str(&format!("本附件为第{}号。\n", i + 1));
    text
}

/// Writes the library: ten directories of a hundred reports.
fn write_library(root: &Path) -> usize {
    let corpus = corpus();
    let mut bytes = 0;
    for i in 0..REPORTS {
        let dir = root.join(format!("d{}", i / 100));
        std::fs::create_dir_all(&dir).unwrap();
        let text = report(i, &corpus);
        bytes += text.len();
        std::fs::write(dir.join(format!("r{i:04}.txt")), text).unwrap();
    }
    bytes
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn verdict(d: Duration, goal_ms: f64) -> &'static str {
    if d.as_secs_f64() * 1e3 <= goal_ms {
        "ok"
    } else {
        "OVER"
    }
}

fn options(cache: Option<&Path>, threads: usize) -> Options {
    Options {
        cache: cache.map(Cache::at),
        threads,
    }
}

/// Times `f` `runs` times, `fresh` run before each (not timed).
fn time<T>(runs: usize, mut fresh: impl FnMut(), mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        fresh();
        let t = Instant::now();
        let out = f();
        times.push(t.elapsed());
        last = Some(out);
    }
    (median(times), last.unwrap())
}

fn main() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("library");
    let cache_dir = tmp.path().join("cache");
    let text_bytes = write_library(&root);
    let paths = [root.clone()];
    let mb = text_bytes as f64 / 1e6;
    println!("library: {REPORTS} reports, {mb:.1} MB of text");
    let clear = || {
        let _ = std::fs::remove_dir_all(&cache_dir);
    };
    let peak_of = |f: &mut dyn FnMut()| -> f64 {
        let ((), peak) = counting::peak_during(f);
        peak as f64 / text_bytes as f64
    };

    // Listing cold: title, year, kind, size of every report, its targets
    // left to count on other threads.
    for threads in [1, 2] {
        let (d, lib) = time(3, clear, || Library::list(&paths, &options(None, threads)));
        assert_eq!(lib.len(), REPORTS);
        println!(
            "list, cold, {threads} thread(s): {} (goal ≤ 300 ms: {})",
            ms(d),
            verdict(d, 300.0)
        );
    }
    // Everything, cold: listed, targets extracted and counted, entries
    // written.
    for threads in [1, 2] {
        let (d, lib) = time(3, clear, || {
            Library::build(&paths, &options(Some(&cache_dir), threads))
        });
        assert!(lib.pending().is_empty() && lib.len() == REPORTS);
        println!(
            "list + count targets + write the cache, cold, {threads} thread(s): {}",
            ms(d)
        );
    }
    let cached: u64 = std::fs::read_dir(&cache_dir)
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "cache: {:.1} MB for {mb:.1} MB of text ({:.2}x)",
        cached as f64 / 1e6,
        cached as f64 / text_bytes as f64
    );

    // Listing with the cache.
    let opts = options(Some(&cache_dir), 2);
    for threads in [1, 2] {
        let (d, lib) = time(
            7,
            || {},
            || Library::list(&paths, &options(Some(&cache_dir), threads)),
        );
        assert!(lib.pending().is_empty());
        println!(
            "list, cached, {threads} thread(s): {} (goal ≤ 50 ms: {})",
            ms(d),
            verdict(d, 50.0)
        );
    }

    // Opening a report from the cache (switching to it).
    let mut lib = Library::list(&paths, &opts);
    lib.sort(Sort::Year);
    let mut opens = Vec::new();
    for i in (0..REPORTS).step_by(5) {
        let t = Instant::now();
        let o = lib.open(i).unwrap();
        opens.push(t.elapsed());
        assert!(o.from_cache);
    }
    opens.sort();
    let (med, p95, max) = (
        opens[opens.len() / 2],
        opens[opens.len() * 95 / 100],
        opens[opens.len() - 1],
    );
    println!(
        "open from the cache: median {}, p95 {}, max {} (goal ≤ 16 ms: {})",
        ms(med),
        ms(p95),
        ms(max),
        verdict(max, 16.0)
    );

    // A big report (the seed ×1000, 13 MB): opened from the cache, and
    // parsed with its targets extracted.
    let big_dir = tmp.path().join("big");
    std::fs::create_dir_all(&big_dir).unwrap();
    let seed = std::str::from_utf8(gangmu::document::BUNDLED).unwrap();
    std::fs::write(big_dir.join("seed-x1000.txt"), seed.repeat(1000)).unwrap();
    let mut big = Library::build(std::slice::from_ref(&big_dir), &opts);
    let (cached, o) = time(5, || {}, || big.open(0).unwrap());
    assert!(o.from_cache);
    let (parsed, _) = time(
        3,
        || {},
        || {
            let doc = gangmu::document::Document::open(&big_dir.join("seed-x1000.txt")).unwrap();
            gangmu::targets::extract(&doc).len()
        },
    );
    println!(
        "open the seed x1000 ({:.1} MB): from the cache {}, parsed and its targets extracted {}",
        o.doc.text.len() as f64 / 1e6,
        ms(cached),
        ms(parsed)
    );

    // A search across the library: time to its first 40 hits, and to the
    // end.
    for (query, pinyin) in [
        ("发展", false),
        ("高新技术企业", false),
        ("本附件为第999号", false),
        ("5%左右", false),
        ("C919", false),
        ("dlhw", true),
    ] {
        let first = |n: usize| {
            let mut hits = 0;
            let mut reports = 0;
            for r in lib.search(query, pinyin) {
                let r = r.unwrap();
                hits += r.total;
                reports += 1;
                if hits >= n {
                    break;
                }
            }
            (hits, reports)
        };
        let (d40, _) = time(5, || {}, || first(40));
        let (dall, (hits, reports)) = time(3, || {}, || first(usize::MAX));
        println!(
            "search {query:?}: first 40 hits {} (goal ≤ 100 ms: {}); all {hits} hits in {reports} reports {}",
            ms(d40),
            verdict(d40, 100.0),
            ms(dall)
        );
    }

    // Is the search index worth caching? What folding costs.
    let t = Instant::now();
    let mut folded = 0;
    for r in lib.reports() {
        let text = std::fs::read_to_string(&r.found.path).unwrap();
        folded += gangmu::search::Folded::new(&text).text.len();
    }
    println!(
        "folding every text (the search index): {} for {:.1} MB",
        ms(t.elapsed()),
        folded as f64 / 1e6
    );

    // Peak heap, as a multiple of the library's text.
    let cold = peak_of(&mut || {
        clear();
        let lib = Library::build(&paths, &opts);
        assert_eq!(lib.len(), REPORTS);
    });
    let warm = peak_of(&mut || {
        let lib = Library::list(&paths, &opts);
        assert_eq!(lib.len(), REPORTS);
    });
    let search = peak_of(&mut || {
        let n = lib.search("发展", false).count();
        assert!(n > 0);
    });
    let open = peak_of(&mut || {
        let o = lib.open(0).unwrap();
        assert!(!o.doc.text.is_empty());
    });
    println!(
        "peak heap (x the library's text): cold build {cold:.3}, cached list {warm:.3}, \
         whole search {search:.3}, open {open:.4} (goal ≤ 2: {})",
        if [cold, warm, search, open].iter().all(|&p| p <= 2.0) {
            "ok"
        } else {
            "OVER"
        }
    );

    reader(&paths, &opts);
    reader_big(&big_dir, &root, &opts);
}

/// Draws a frame of the app, as the event loop does after a key.
fn frame(term: &mut ratatui::Terminal<ratatui::backend::TestBackend>, app: &App) {
    term.draw(|f| view::draw(f, app)).unwrap();
}

/// The reader on the library (see the module docs).
fn reader(paths: &[PathBuf], opts: &Options) {
    let (w, h) = (120, 40);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    let lib = Library::list(paths, opts);
    let mut app = App::with_library(lib, w, h, gangmu::config::Config::default());
    let (tx, rx) = std::sync::mpsc::channel();
    let edge = LibraryEdge {
        store: None,
        options: opts.clone(),
        pinyin: true,
        wanted: std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0)),
    };
    let key = |app: &mut App, a: Action| {
        app.apply(a);
        edge.serve(app, &tx);
    };
    frame(&mut term, &app);
    // Opening a report from the pane: the key, the report read (from the
    // cache) and its first frame.
    let mut opens = Vec::new();
    for i in 0..20 {
        key(&mut app, Action::Library);
        let t = Instant::now();
        for _ in 0..(i * 7) % 50 + 1 {
            app.apply(Action::Down);
        }
        key(&mut app, Action::Activate);
        frame(&mut term, &app);
        opens.push(t.elapsed());
    }
    println!(
        "reader: open a report from the pane (key, read from the cache, first frame): median {}, max {}",
        ms(median(opens.clone())),
        ms(*opens.iter().max().unwrap())
    );
    // Switching: `a` and the frame, back and forth between the last two.
    let mut switches = Vec::new();
    for _ in 0..40 {
        let t = Instant::now();
        key(&mut app, Action::AlternateReport);
        frame(&mut term, &app);
        switches.push(t.elapsed());
    }
    let max = *switches.iter().max().unwrap();
    println!(
        "reader: switch report (a + frame): median {}, max {} (goal ≤ 16 ms: {})",
        ms(median(switches)),
        ms(max),
        verdict(max, 16.0)
    );
    // The first screen of hits across the library: the query typed into
    // the widened prompt (each key searches again, cancelling the last),
    // then until a screen of rows (or the end) is drawn.
    let page = app.library_page();
    for query in [
        "发展",
        "高新技术企业",
        "本附件为第999号",
        "5%左右",
        "C919",
        "dlhw",
    ] {
        let mut firsts = Vec::new();
        for _ in 0..5 {
            key(&mut app, Action::SearchLibrary);
            // Typed a key at a time (each search after the first stops
            // the one before), timed from the last key: what a reader
            // waits for once the query is typed.
            let mut t = Instant::now();
            for c in query.chars() {
                t = Instant::now();
                key(&mut app, Action::SearchInput(c));
            }
            loop {
                let s = app.library.as_ref().unwrap().search.as_ref().unwrap();
                if s.rows.len() >= page || s.done {
                    break;
                }
                let (id, u) = rx.recv().unwrap();
                app.update(id, u);
            }
            frame(&mut term, &app);
            firsts.push(t.elapsed());
            key(&mut app, Action::SearchCancel);
            // What the cancelled search still sends is dropped.
            while let Ok((id, u)) = rx.recv_timeout(Duration::from_millis(20)) {
                app.update(id, u);
            }
        }
        let d = median(firsts);
        println!(
            "reader: {query:?} typed, first screen of hits across the library drawn: {} (goal ≤ 100 ms: {})",
            ms(d),
            verdict(d, 100.0)
        );
    }
}

/// Switching between the seed ×1000 (13 MB, opened from its head, the
/// whole from the cache on a thread) and a small report, in the reader.
fn reader_big(big_dir: &Path, root: &Path, opts: &Options) {
    let (w, h) = (120, 40);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    let small = root.join("d0").join("r0000.txt");
    let lib = Library::list(&[big_dir.to_path_buf(), small], opts);
    let mut app = App::with_library(lib, w, h, gangmu::config::Config::default());
    let (tx, rx) = std::sync::mpsc::channel();
    let edge = LibraryEdge {
        store: None,
        options: opts.clone(),
        pinyin: true,
        wanted: std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0)),
    };
    let key = |app: &mut App, a: Action| {
        app.apply(a);
        edge.serve(app, &tx);
    };
    frame(&mut term, &app);
    // The big report: its first frame from its head, then the whole.
    let big_row = (app.library.as_ref().unwrap().lib.reports().iter())
        .position(|r| r.bytes > 1_000_000)
        .unwrap();
    let t = Instant::now();
    for _ in 0..big_row {
        app.apply(Action::Down);
    }
    key(&mut app, Action::Activate);
    frame(&mut term, &app);
    let first = t.elapsed();
    while app.report().loading || app.report().sidebar.pending {
        let (id, u) = rx.recv().unwrap();
        app.update(id, u);
    }
    let whole = t.elapsed();
    println!(
        "reader: open the seed x1000 from the pane: first frame {}, whole (from the cache) {}",
        ms(first),
        ms(whole)
    );
    key(&mut app, Action::Library);
    let other =
        (app.library.as_ref().unwrap().lib.reports().iter()).position(|r| r.bytes < 1_000_000);
    key(&mut app, Action::Top);
    for _ in 0..other.unwrap() {
        app.apply(Action::Down);
    }
    key(&mut app, Action::Activate);
    frame(&mut term, &app);
    // Somewhere in the middle of the big one, then back and forth.
    key(&mut app, Action::AlternateReport);
    app.report_mut().go_to_percent(50);
    frame(&mut term, &app);
    let mut switches = Vec::new();
    for _ in 0..40 {
        let t = Instant::now();
        key(&mut app, Action::AlternateReport);
        frame(&mut term, &app);
        switches.push(t.elapsed());
    }
    let max = *switches.iter().max().unwrap();
    println!(
        "reader: switch between the seed x1000 (at 50%) and a small report (a + frame): median {}, max {} (goal ≤ 16 ms: {})",
        ms(median(switches)),
        ms(max),
        verdict(max, 16.0)
    );
}
