//! The library in the reader: its state through actions (the pane,
//! opening, switching, each report's own place, the search across the
//! library, its grouped hits, `n`/`N` across reports, the compare view on
//! the report read and the alternate one), with requests carried out by
//! the real edge ([`LibraryEdge`]) and its threads' updates applied as the
//! event loop does; and snapshots of the pane and of the
//! grouped hits at 40×15, 80×24, 120×40 and 200×60.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use gangmu::config::Config;
use gangmu::library::{Library, Options};
use gangmu::tui::action::{Action, Mode};
use gangmu::tui::app::{App, ReportId};
use gangmu::tui::library::Row;
use gangmu::tui::report::Update;
use gangmu::tui::{LibraryEdge, UpdateSender, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 4] = [(40, 15), (80, 24), (120, 40), (200, 60)];

/// The 2023 and 2024 government work reports and the Minhang seed.
fn library_dir() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("tui-library");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        for f in [
            "tests/fixtures/2023-government-work-report.txt",
            "tests/fixtures/2024-government-work-report.txt",
            "assets/minhang-2024-07-24.txt",
        ] {
            let p = root.join(f);
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
        dir
    })
    .clone()
}

/// An app on the library, every report counted, and the edge that
/// serves it (no cache, no saved state).
struct Rig {
    app: App,
    edge: LibraryEdge,
    tx: UpdateSender,
    rx: Receiver<(ReportId, Update)>,
}

impl Rig {
    fn new(w: u16, h: u16) -> Rig {
        let options = Options {
            cache: None,
            threads: 1,
        };
        let lib = Library::build(&[library_dir()], &options);
        let mut app = App::with_library(lib, w, h, Config::default());
        app.no_color = true;
        let (tx, rx) = channel();
        Rig {
            app,
            edge: LibraryEdge {
                store: None,
                options,
                pinyin: true,
                wanted: Arc::new(AtomicU64::new(0)),
            },
            tx,
            rx,
        }
    }

    /// Applies actions, serving the app's requests after each.
    fn keys(&mut self, actions: &[Action]) {
        for &a in actions {
            self.app.apply(a);
            self.edge.serve(&mut self.app, &self.tx);
        }
    }

    fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            self.keys(&[Action::SearchInput(c)]);
        }
    }

    /// Applies what the threads send until the search across the library
    /// is done (and the reports' own updates that came meanwhile).
    fn settle_search(&mut self) {
        let start = Instant::now();
        while !self
            .app
            .library
            .as_ref()
            .and_then(|l| l.search.as_ref())
            .is_some_and(|s| s.done)
        {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "search never ended"
            );
            if let Ok((id, u)) = self.rx.recv_timeout(Duration::from_millis(50)) {
                self.app.update(id, u);
            }
        }
        while let Ok((id, u)) = self.rx.try_recv() {
            self.app.update(id, u);
        }
        self.app.search_finish();
    }

    fn title(&self) -> String {
        self.app.report().doc.display_report_title().into_owned()
    }
}

/// The screen's rows as text, wide characters once.
fn screen(app: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            out.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        out.push_str("|\n");
    }
    out
}

/// The library's rows as (year, title), as listed now.
fn listed(app: &App) -> Vec<(Option<i32>, String)> {
    let l = app.library.as_ref().unwrap();
    l.lib
        .reports()
        .iter()
        .map(|r| (r.year, r.title.clone()))
        .collect()
}

#[test]
fn the_pane_lists_sorts_and_opens() {
    let mut r = Rig::new(100, 30);
    assert_eq!(r.app.mode, Mode::Library);
    let seed = "7月24日,闵行区第七届人民代表大会第七次会议召开".to_string();
    assert_eq!(
        listed(&r.app),
        [
            (Some(2024), seed.clone()),
            (Some(2024), "政府工作报告".to_string()),
            (Some(2023), "2023政府工作报告".to_string()),
        ]
    );
    let l = r.app.library.as_ref().unwrap();
    assert_eq!(
        l.lib
            .reports()
            .iter()
            .map(|r| r.targets)
            .collect::<Vec<_>>(),
        [Some(9), Some(16), Some(8)]
    );
    // Nothing open yet: Esc and `a` leave the pane where it is.
    r.keys(&[Action::Close, Action::AlternateReport]);
    assert_eq!(r.app.mode, Mode::Library);
    // By title: the selection stays on its report (the seed).
    r.keys(&[Action::LibrarySort]);
    assert_eq!(listed(&r.app)[0].1, "2023政府工作报告");
    let l = r.app.library.as_ref().unwrap();
    assert_eq!(l.selected().unwrap().title, seed);
    assert_eq!(l.list.selected(), Some(1));
    // Open the 2023 report: it replaces the blank stand-in.
    r.keys(&[Action::Top, Action::Activate]);
    assert_eq!(r.app.mode, Mode::Normal);
    assert_eq!(r.title(), "2023政府工作报告");
    assert_eq!(r.app.reports().len(), 1);
    assert!(!r.app.report().loading, "a small report opens whole");
    assert!(
        r.app.report().sidebar.items.len() >= 8,
        "targets from the library"
    );
    // The pane again, on the report read; open the seed.
    r.keys(&[Action::Library]);
    assert_eq!(r.app.mode, Mode::Library);
    assert_eq!(r.app.library.as_ref().unwrap().list.selected(), Some(0));
    r.keys(&[Action::Down, Action::Activate]);
    assert_eq!(r.title(), "7月24日,闵行区第七届人民代表大会第七次会议召开");
    assert_eq!(r.app.reports().len(), 2);
    assert_eq!(r.app.previous(), Some(ReportId(0)));
}

#[test]
fn each_report_keeps_its_place_and_a_switches_back() {
    let mut r = Rig::new(100, 30);
    r.keys(&[Action::LibrarySort, Action::Top, Action::Activate]);
    assert_eq!(r.title(), "2023政府工作报告");
    // Down the 2023 report's tree a few rows; fold its first part.
    r.app.focus = gangmu::tui::app::Focus::Tree;
    r.keys(&[Action::Down, Action::Down, Action::Down]);
    let place_2023 = (r.app.report().tree.selected(), r.app.report().detail.top);
    // The seed, a bookmark in it.
    r.keys(&[Action::Library, Action::Down, Action::Activate]);
    assert!(r.title().contains("闵行区"));
    r.keys(&[Action::PageDown, Action::SetMark, Action::Letter('a')]);
    let place_seed = (r.app.report().tree.selected(), r.app.report().detail.top);
    assert_ne!(place_seed.0, None);
    // `a`: back to 2023 where it was, and again forth.
    r.keys(&[Action::AlternateReport]);
    assert_eq!(r.title(), "2023政府工作报告");
    assert_eq!(
        (r.app.report().tree.selected(), r.app.report().detail.top),
        place_2023
    );
    assert!(r.app.report().bookmark_rows().is_empty());
    r.keys(&[Action::AlternateReport]);
    assert!(r.title().contains("闵行区"));
    assert_eq!(
        (r.app.report().tree.selected(), r.app.report().detail.top),
        place_seed
    );
    assert_eq!(r.app.report().bookmark_rows().len(), 1);
    // Opening a report already open switches to it: no second copy.
    r.keys(&[Action::Library, Action::Up, Action::Activate]);
    assert_eq!(r.title(), "2023政府工作报告");
    assert_eq!(r.app.reports().len(), 2);
}

#[test]
fn searching_across_the_library_groups_hits_and_walks_them() {
    let mut r = Rig::new(100, 30);
    r.keys(&[Action::LibrarySort, Action::Top, Action::Activate]);
    // S opens the prompt widened; each edit searches every report.
    r.keys(&[Action::SearchLibrary]);
    assert_eq!(r.app.mode, Mode::Search);
    assert!(r.app.library.as_ref().unwrap().wide);
    r.type_text("国内生产总值");
    r.settle_search();
    let s = r.app.library.as_ref().unwrap().search.clone().unwrap();
    assert_eq!(s.query, "国内生产总值");
    // In the list's order (by title): 2023 then 2024; the seed has none.
    let l = r.app.library.as_ref().unwrap();
    let groups: Vec<(&str, usize)> = s
        .groups
        .iter()
        .map(|g| (l.title_of(g.id).0, g.total))
        .collect();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert_eq!(groups[0].0, "2023政府工作报告");
    assert_eq!(groups[1].0, "政府工作报告");
    for (g, group) in s.groups.iter().enumerate() {
        assert!(group.total >= 1 && group.hits.len() == group.total);
        assert_eq!(s.rows.iter().filter(|r| **r == Row::Report(g)).count(), 1);
        for h in &group.hits {
            assert_eq!(h.hit, "国内生产总值");
            assert!(!h.crumb.is_empty());
        }
    }
    // Enter lists them; the typing left the 2023 report where it was.
    r.keys(&[Action::SearchAccept]);
    assert_eq!(r.app.mode, Mode::LibraryHits);
    assert_eq!(r.title(), "2023政府工作报告");
    // The first hit of 2024: its header's row, then down one.
    let row = s.rows.iter().position(|r| *r == Row::Report(1)).unwrap();
    for _ in 0..=row {
        r.keys(&[Action::Down]);
    }
    let want = s.groups[1].hits[0].range.clone();
    r.keys(&[Action::Activate]);
    assert_eq!(r.app.mode, Mode::Normal);
    assert_eq!(r.title(), "政府工作报告");
    let rep = r.app.report();
    assert_eq!(
        rep.search.query(),
        Some("国内生产总值"),
        "the hit is highlighted"
    );
    let read = rep.detail.reading.unwrap();
    assert!(rep.doc.outline.span(read).contains(&want.start));
    // n walks on across reports, wrapping to 2023's first hit.
    let last = s.groups[1].hits.len();
    for _ in 0..last {
        r.keys(&[Action::SearchNext]);
    }
    assert_eq!(r.title(), "2023政府工作报告");
    let first = s.groups[0].hits[0].range.start;
    let rep = r.app.report();
    assert!(
        rep.doc
            .outline
            .span(rep.detail.reading.unwrap())
            .contains(&first)
    );
    r.keys(&[Action::SearchPrev]);
    assert_eq!(r.title(), "政府工作报告");
    // A search in one report gives n back to it.
    r.keys(&[Action::SearchOpen]);
    r.type_text("就业");
    r.keys(&[Action::SearchAccept]);
    assert!(!r.app.library.as_ref().unwrap().walk);
}

#[test]
fn pinyin_initials_and_a_newer_query_across_the_library() {
    let mut r = Rig::new(100, 30);
    r.keys(&[Action::Activate]);
    // Tab in the prompt widens it.
    r.keys(&[Action::SearchOpen]);
    r.type_text("dl");
    r.keys(&[Action::SearchLibrary]);
    assert!(r.app.library.as_ref().unwrap().wide);
    r.type_text("hw");
    r.settle_search();
    let s = r.app.library.as_ref().unwrap().search.clone().unwrap();
    assert_eq!(s.query, "dlhw");
    let l = r.app.library.as_ref().unwrap();
    assert_eq!(s.groups.len(), 1);
    assert!(l.title_of(s.groups[0].id).0.contains("闵行区"));
    assert_eq!(s.groups[0].hits[0].hit, "大零号湾");
    // A stale generation's hits are dropped.
    let stale = s.generation - 1;
    let before = s.rows.len();
    r.app.update(
        ReportId(usize::MAX),
        Update::Library(gangmu::tui::library::LibraryUpdate::Hits {
            generation: stale,
            group: s.groups[0].clone(),
        }),
    );
    let now = r.app.library.as_ref().unwrap().search.as_ref().unwrap();
    assert_eq!(now.rows.len(), before);
    // Esc drops the widened search and goes back.
    r.keys(&[Action::SearchCancel]);
    assert_eq!(r.app.mode, Mode::Normal);
    assert!(!r.app.library.as_ref().unwrap().wide);
}

#[test]
fn library_commands_with_one_report_say_so() {
    let mut app = gangmu::tui::initial_state(gangmu::document::Document::bundled(), 80, 24);
    for a in [
        Action::Library,
        Action::AlternateReport,
        Action::SearchLibrary,
    ] {
        app.apply(a);
        assert_eq!(app.mode, Mode::Normal);
        assert!(
            app.notices
                .status
                .as_deref()
                .unwrap()
                .starts_with("one report: no library"),
            "{a:?}"
        );
    }
}

#[test]
fn snapshots_of_the_pane_and_the_grouped_hits() {
    for (w, h) in SIZES {
        let mut r = Rig::new(w, h);
        insta::assert_snapshot!(format!("library_pane_{w}x{h}"), screen(&r.app));
        r.keys(&[Action::Activate, Action::SearchLibrary]);
        r.type_text("国内生产总值");
        r.settle_search();
        r.keys(&[Action::SearchAccept, Action::Down]);
        insta::assert_snapshot!(format!("library_hits_{w}x{h}"), screen(&r.app));
    }
}

#[test]
fn the_pane_searches_before_a_report_is_open() {
    let mut r = Rig::new(100, 30);
    r.keys(&[Action::SearchLibrary]);
    assert_eq!(r.app.mode, Mode::Search);
    r.type_text("虹桥");
    r.settle_search();
    r.keys(&[Action::SearchAccept]);
    assert_eq!(r.app.mode, Mode::LibraryHits);
    // Esc: back to the pane, nothing being open.
    r.keys(&[Action::Close]);
    assert_eq!(r.app.mode, Mode::Library);
    r.keys(&[Action::SearchResults]);
    assert_eq!(r.app.mode, Mode::Library, "F means nothing in the pane");
    // Open a hit from the list: the report opens in place of the blank.
    r.keys(&[Action::SearchLibrary, Action::SearchCancel]);
    assert_eq!(r.app.mode, Mode::Library);
    r.keys(&[Action::SearchLibrary]);
    r.type_text("虹桥");
    r.settle_search();
    r.keys(&[Action::SearchAccept, Action::Down, Action::Activate]);
    assert_eq!(r.app.mode, Mode::Normal);
    assert_eq!(r.app.reports().len(), 1);
    assert!(r.title().contains("闵行区"), "{}", r.title());
    let rep = r.app.report();
    let at = rep.detail.reading.unwrap();
    assert!(rep.doc.text[rep.doc.outline.span(at)].contains("虹桥"));
}

#[test]
fn a_big_report_opens_from_its_head_and_goes_to_the_hit_once_whole() {
    // The seed ×20 (260 KB, past the 64 KiB head) and the 2023 report; a
    // hit near the big report's end.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::str::from_utf8(gangmu::document::BUNDLED).unwrap();
    let big = format!("{}\n结尾处的独特词语甲乙丙。\n", seed.repeat(20));
    std::fs::write(dir.join("big.txt"), &big).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/2023-government-work-report.txt"),
        dir.join("2023.txt"),
    )
    .unwrap();
    let options = Options {
        cache: Some(gangmu::library::Cache::at(tmp.path().join("cache"))),
        threads: 1,
    };
    let lib = Library::build(std::slice::from_ref(&dir), &options);
    let app = App::with_library(lib, 100, 30, Config::default());
    let (tx, rx) = channel();
    let edge = LibraryEdge {
        store: None,
        options,
        pinyin: true,
        wanted: Arc::new(AtomicU64::new(0)),
    };
    let mut r = Rig { app, edge, tx, rx };
    r.keys(&[Action::SearchLibrary]);
    r.type_text("独特词语甲乙丙");
    r.settle_search();
    let s = r.app.library.as_ref().unwrap().search.clone().unwrap();
    assert_eq!(s.groups.len(), 1);
    let at = s.groups[0].hits[0].range.start;
    assert_eq!(at, big.find("独特词语甲乙丙").unwrap());
    r.keys(&[Action::SearchAccept, Action::Down, Action::Activate]);
    // Shown from its head at once, still being read.
    assert!(r.app.report().loading);
    assert!(r.app.report().doc.text.len() < big.len());
    assert!(r.app.hit_pending.is_some());
    // The whole arrives (from a thread, through the library's cache): the
    // reader goes to the hit.
    let start = Instant::now();
    while r.app.report().loading || r.app.report().sidebar.pending {
        assert!(start.elapsed() < Duration::from_secs(20), "never whole");
        if let Ok((id, u)) = r.rx.recv_timeout(Duration::from_millis(50)) {
            r.app.update(id, u);
        }
    }
    assert_eq!(r.app.report().doc.text.len(), big.len());
    assert!(r.app.hit_pending.is_none());
    let rep = r.app.report();
    assert!(
        rep.doc
            .outline
            .span(rep.detail.reading.unwrap())
            .contains(&at)
    );
    assert!(
        !rep.sidebar.items.is_empty(),
        "its targets from the library"
    );
    assert_eq!(r.app.reports().len(), 1);
}

#[test]
fn snapshot_of_the_widened_prompt_with_its_hits_streaming_in() {
    let mut r = Rig::new(80, 24);
    r.keys(&[Action::Activate, Action::SearchOpen]);
    r.type_text("城镇");
    r.keys(&[Action::SearchLibrary]);
    r.type_text("新增就业");
    r.settle_search();
    insta::assert_snapshot!("library_typing_80x24", screen(&r.app));
}

#[test]
fn a_report_gone_since_listing_is_said_and_the_pane_stays() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    std::fs::create_dir_all(&dir).unwrap();
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/minhang-2024-07-24.txt");
    std::fs::copy(&seed, dir.join("a.txt")).unwrap();
    let options = Options {
        cache: None,
        threads: 1,
    };
    let lib = Library::list(std::slice::from_ref(&dir), &options);
    let app = App::with_library(lib, 80, 24, Config::default());
    let (tx, rx) = channel();
    let edge = LibraryEdge {
        store: None,
        options,
        pinyin: true,
        wanted: Arc::new(AtomicU64::new(0)),
    };
    let mut r = Rig { app, edge, tx, rx };
    std::fs::remove_file(dir.join("a.txt")).unwrap();
    r.keys(&[Action::Activate]);
    assert_eq!(r.app.mode, Mode::Library);
    let said = r.app.notices.status.clone().unwrap();
    assert!(
        said.contains("a.txt") && said.contains("no such file"),
        "{said}"
    );
    assert!(r.app.library.as_ref().unwrap().blank);
}

/// Moves the pane's selection to the report whose file name ends with
/// `file`, and opens it.
fn open_file(r: &mut Rig, file: &str) {
    r.keys(&[Action::Library, Action::Top]);
    for _ in 0..listed(&r.app).len() {
        let l = r.app.library.as_ref().unwrap();
        if l.selected().unwrap().found.path.ends_with(file) {
            r.keys(&[Action::Activate]);
            assert!(r.app.report().doc.source.ends_with(file));
            return;
        }
        r.keys(&[Action::Down]);
    }
    panic!("{file} not listed");
}

#[test]
fn compare_in_a_library_is_the_report_read_against_the_alternate() {
    const Y2023: &str = "2023-government-work-report.txt";
    const Y2024: &str = "2024-government-work-report.txt";
    const SEED: &str = "minhang-2024-07-24.txt";
    let mut r = Rig::new(120, 40);
    // One report open: `c` says how to get a second.
    open_file(&mut r, Y2024);
    r.keys(&[Action::Compare]);
    assert_eq!(r.app.mode, Mode::Normal);
    let said = r.app.notices.status.clone().unwrap();
    assert_eq!(
        said,
        "compare needs two open reports: open another from the library (L)"
    );
    // 2024 then 2023 (current): the alternate is 2024, compared as NEW.
    open_file(&mut r, Y2023);
    assert_eq!(r.app.previous(), Some(ReportId(0)));
    r.keys(&[Action::Compare]);
    assert_eq!(r.app.mode, Mode::Compare);
    r.app.compare_finish();
    let v = r.app.compare.as_ref().unwrap();
    let c = &v.compared.as_ref().unwrap().comparison;
    assert_eq!((c.old.year, c.new.year), (Some(2023), Some(2024)));
    assert!(r.app.reports()[v.old.0].doc.source.ends_with(Y2023));
    assert!(r.app.reports()[v.new.0].doc.source.ends_with(Y2024));
    let first = &v.compared.as_ref().unwrap().texts[0];
    assert_eq!(
        (
            first.measure.as_str(),
            first.old.as_str(),
            first.new.as_str()
        ),
        ("国内生产总值增长", "5%左右", "5%左右")
    );
    // `a` switches to the alternate; `c` compares the same pair again,
    // kept, not made again.
    r.keys(&[Action::Close, Action::AlternateReport]);
    assert!(r.app.report().doc.source.ends_with(Y2024));
    assert_eq!(r.app.previous(), Some(ReportId(1)));
    r.keys(&[Action::Compare]);
    assert_eq!(r.app.mode, Mode::Compare);
    assert!(r.app.compare_job.is_none(), "the same two reports");
    assert!(r.app.compare.as_ref().unwrap().compared.is_some());
    // A third report: compared with the one read before it (2024).
    r.keys(&[Action::Close]);
    open_file(&mut r, SEED);
    assert_eq!(r.app.previous(), Some(ReportId(0)));
    r.keys(&[Action::Compare]);
    assert!(r.app.compare_job.is_some(), "another pair: made again");
    r.app.compare_finish();
    let v = r.app.compare.as_ref().unwrap();
    let mut pair = [v.old.0, v.new.0];
    pair.sort();
    assert_eq!(pair, [0, 2]);
}
