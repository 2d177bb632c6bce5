//! The reader's compare view on two open reports, the 2023 and 2024
//! government work reports: which two are compared and in what order, the
//! rows (the same as `--compare`'s, tests/compare_reports.rs), moving,
//! paging, the filter, `Enter` on a row (both passages), back, and going
//! into a report at a passage; then snapshots of the view and of the
//! passages at 40×15, 80×24, 120×40 and 200×60.

use std::sync::Arc;

use gangmu::compare::Change;
use gangmu::document::Document;
use gangmu::tui::action::{Action, Mode};
use gangmu::tui::app::compare::Which;
use gangmu::tui::app::{App, Focus, ReportId};
use gangmu::tui::{initial_state, sidebar_items, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 4] = [(40, 15), (80, 24), (120, 40), (200, 60)];

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Document::open(std::path::Path::new(&path)).expect("fixture")
}

/// The reader with `first` opened, then `second` (current).
fn opened(first: &str, second: &str, w: u16, h: u16) -> App {
    let mut app = initial_state(fixture(first), w, h);
    app.no_color = true;
    let doc = fixture(second);
    let targets = sidebar_items(&doc);
    app.open(Arc::new(doc), Some(targets));
    app
}

const Y2023: &str = "2023-government-work-report.txt";
const Y2024: &str = "2024-government-work-report.txt";

/// 2023 then 2024 opened, the comparison made.
fn compared(w: u16, h: u16) -> App {
    let mut app = opened(Y2023, Y2024, w, h);
    app.apply(Action::Compare);
    assert_eq!(app.mode, Mode::Compare);
    app.compare_finish();
    app
}

/// The measure and values of the selected row.
fn selected(app: &App) -> (String, String, String) {
    let v = app.compare.as_ref().unwrap();
    let c = v.compared.as_ref().unwrap();
    let t = &c.texts[v.selected_row().unwrap()];
    (t.measure.clone(), t.old.clone(), t.new.clone())
}

/// Moves down to the row of `measure`.
fn go_to(app: &mut App, measure: &str) {
    app.apply(Action::Top);
    for _ in 0..100 {
        if selected(app).0 == measure {
            return;
        }
        app.apply(Action::Down);
    }
    panic!("no row {measure}");
}

fn screen(s: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    term.draw(|f| view::draw(f, s)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut row = String::new();
        while x < buf.area.width {
            let sym = buf[(x, y)].symbol();
            row.push_str(sym);
            x += sym.width().max(1) as u16;
        }
        out.push_str(&row);
        out.push_str("|\n");
    }
    out
}

#[test]
fn one_report_open_says_so() {
    let mut app = initial_state(fixture(Y2024), 80, 24);
    app.apply(Action::Compare);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.compare.is_none() && app.compare_job.is_none());
    let said = app.notices.status.clone().unwrap();
    assert!(said.starts_with("compare needs two open reports"), "{said}");
    assert!(screen(&app).contains("compare needs two open reports"));
}

#[test]
fn the_older_report_is_old_whichever_was_opened_first() {
    for (first, second) in [(Y2023, Y2024), (Y2024, Y2023)] {
        let mut app = opened(first, second, 120, 40);
        app.apply(Action::Compare);
        // Computed off the UI thread: nothing yet, the view says so.
        assert!(app.comparing());
        assert!(app.compare.as_ref().unwrap().computing());
        assert!(screen(&app).contains("comparing the two reports' targets…"));
        app.compare_finish();
        assert!(!app.comparing());
        let v = app.compare.as_ref().unwrap();
        let c = &v.compared.as_ref().unwrap().comparison;
        assert_eq!((c.old.year, c.new.year), (Some(2023), Some(2024)));
        let old_doc = &app.reports()[v.old.0].doc;
        assert!(old_doc.source.ends_with(Y2023), "{}", old_doc.source);
    }
}

#[test]
fn the_rows_are_those_of_compare() {
    let app = compared(120, 40);
    let v = app.compare.as_ref().unwrap();
    let c = v.compared.as_ref().unwrap();
    let rows: Vec<String> = c
        .texts
        .iter()
        .map(|t| {
            format!(
                "{} {} {} → {} {} {}",
                t.change, t.measure, t.old, t.new, t.outcome, t.result
            )
        })
        .collect();
    // As tests/compare_reports.rs and tests/compare_pty.rs read them.
    assert_eq!(
        rows,
        [
            "unchanged 国内生产总值增长 5%左右 → 5%左右 met 增长5.2%",
            "changed 城镇新增就业 1200万人左右 → 1200万人以上 met 城镇新增就业1244万人",
            "unchanged 城镇调查失业率 5.5%左右 → 5.5%左右 met 城镇调查失业率平均为5.2%",
            "unchanged 居民消费价格涨幅 3%左右 → 3%左右 met 居民消费价格上涨0.2%",
            "unchanged 粮食产量 1.3万亿斤以上 → 1.3万亿斤以上 met 粮食产量1.39万亿斤",
            "new 单位国内生产总值能耗降低  → 2.5%左右  ",
            "unchanged 赤字率 3% → 3%  ",
            "new 赤字规模  → 4.06万亿元  ",
            "new 一般公共预算支出规模  → 28.5万亿元  ",
            "changed 地方政府专项债券 3.8万亿元 → 3.9万亿元  ",
            "new 超长期特别国债  → 1万亿元  ",
            "new 中央预算内投资  → 7000亿元  ",
            "unchanged 第二轮土地承包延长 30年 → 30年  ",
            "new 居民医保人均财政补助标准提高  → 30元  ",
            "new 城乡居民基础养老金月最低标准提高  → 20元  ",
        ]
    );
    assert_eq!(v.counts(), [6, 2, 7, 0]);
    assert_eq!(v.selected_row(), Some(0), "the first row is chosen");
}

#[test]
fn moving_paging_and_the_filter() {
    let mut app = compared(80, 24);
    let page = app.compare_page();
    assert_eq!(
        page, 18,
        "24 rows less the title, the box, its header and the two status rows"
    );
    app.apply(Action::Down);
    assert_eq!(selected(&app).0, "城镇新增就业");
    app.apply(Action::Bottom);
    assert_eq!(selected(&app).0, "城乡居民基础养老金月最低标准提高");
    app.apply(Action::Down);
    assert_eq!(selected(&app).0, "城乡居民基础养老金月最低标准提高");
    app.apply(Action::PageUp);
    assert_eq!(selected(&app).0, "国内生产总值增长");
    // Only the changes: the selection goes to the next row shown.
    go_to(&mut app, "赤字率");
    app.apply(Action::SearchFilter);
    let v = app.compare.as_ref().unwrap();
    assert!(v.changes_only);
    assert_eq!(v.shown.len(), 9);
    let c = v.compared.as_ref().unwrap();
    assert!(
        v.shown
            .iter()
            .all(|&i| c.comparison.rows[i].change != Change::Unchanged)
    );
    assert_eq!(selected(&app).0, "赤字规模");
    assert!(screen(&app).contains("changes only: 9 of 15 rows"));
    app.apply(Action::SearchFilter);
    assert_eq!(app.compare.as_ref().unwrap().shown.len(), 15);
    assert_eq!(selected(&app).0, "赤字规模");
    // Esc closes; opened again on the same reports, it is kept as it was.
    app.apply(Action::Close);
    assert_eq!(app.mode, Mode::Normal);
    app.apply(Action::Compare);
    assert_eq!(app.mode, Mode::Compare);
    assert!(app.compare_job.is_none(), "not made again");
    assert_eq!(selected(&app).0, "赤字规模");
    // Its own key closes it too.
    app.apply(Action::Compare);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn enter_shows_both_passages_and_esc_goes_back() {
    let mut app = compared(120, 40);
    go_to(&mut app, "赤字率");
    assert_eq!(selected(&app), ("赤字率".into(), "3%".into(), "3%".into()));
    app.apply(Action::Activate);
    assert_eq!(app.mode, Mode::Passages);
    let v = app.compare.as_ref().unwrap();
    let passages = v.passages();
    let which: Vec<Which> = passages.iter().map(|p| p.which).collect();
    assert_eq!(which, [Which::Old, Which::New]);
    assert_eq!(v.chosen, 1, "the new report's passage is chosen first");
    let text = |i: usize| {
        let p = &passages[i];
        p.item.sentence(&app.reports()[p.report.0].doc).to_string()
    };
    assert!(text(0).contains("赤字率拟按3%安排"), "{}", text(0));
    assert!(text(1).contains("赤字率拟按3%安排"), "{}", text(1));
    let s = screen(&app);
    assert!(s.contains("old  2023 2023政府工作报告"), "{s}");
    assert!(s.contains("new  2024 政府工作报告"), "{s}");
    let old_at = s.find("old  2023").unwrap();
    let new_at = s.find("new  2024").unwrap();
    assert!(old_at < new_at, "one above the other");
    // j/k choose, bounded.
    app.apply(Action::Up);
    assert_eq!(app.compare.as_ref().unwrap().chosen, 0);
    app.apply(Action::Up);
    assert_eq!(app.compare.as_ref().unwrap().chosen, 0);
    app.apply(Action::Down);
    app.apply(Action::Down);
    assert_eq!(app.compare.as_ref().unwrap().chosen, 1);
    app.apply(Action::Close);
    assert_eq!(app.mode, Mode::Compare);
    assert_eq!(selected(&app).0, "赤字率");
    // A row with a result has three passages: old, new, the look-back.
    go_to(&mut app, "粮食产量");
    app.apply(Action::Activate);
    let v = app.compare.as_ref().unwrap();
    let which: Vec<Which> = v.passages().iter().map(|p| p.which).collect();
    assert_eq!(which, [Which::Old, Which::New, Which::Result]);
    let result = v.passages()[2];
    let doc = &app.reports()[result.report.0].doc;
    assert_eq!(result.item.text(doc), "粮食产量1.39万亿斤");
    assert!(screen(&app).contains("result (met)  2024 政府工作报告"));
    // A new target has one.
    app.apply(Action::Close);
    go_to(&mut app, "赤字规模");
    app.apply(Action::Activate);
    let v = app.compare.as_ref().unwrap();
    assert_eq!(v.passages().len(), 1);
    assert_eq!(v.chosen, 0);
}

#[test]
fn enter_on_a_passage_opens_its_report_there() {
    let mut app = compared(120, 40);
    let (old, new) = {
        let v = app.compare.as_ref().unwrap();
        (v.old, v.new)
    };
    assert_eq!((old, new), (ReportId(0), ReportId(1)));
    go_to(&mut app, "地方政府专项债券");
    app.apply(Action::Activate);
    app.apply(Action::Up);
    app.apply(Action::Activate);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.current(), old, "the 2023 report is now current");
    assert_eq!(app.previous(), Some(new));
    assert_eq!(app.focus, Focus::Detail);
    let r = app.report();
    let words = &r.doc.text[r.sidebar.highlight.clone().unwrap()];
    assert!(words.contains("3.8万亿元"), "{words}");
    // The passage is at the top of the text, and the tree follows.
    let top = r.reading_offset();
    let start = r.sidebar.highlight.clone().unwrap().start;
    assert!(top <= start, "{top} {start}");
    let para = r.doc.paragraph_at(start).unwrap();
    assert_eq!(r.doc.paragraph_at(top), Some(para));
    assert!(screen(&app).contains("3.8万亿元"));
    // `compare` again: the same two (the alternate is now the 2024 one),
    // kept, in time order.
    app.apply(Action::Compare);
    assert!(app.compare_job.is_none());
    let v = app.compare.as_ref().unwrap();
    assert_eq!((v.old, v.new), (old, new));
    assert_eq!(selected(&app).0, "地方政府专项债券");
    // Back into the new report.
    app.apply(Action::Activate);
    app.apply(Action::Activate);
    assert_eq!(app.current(), new);
    let r = app.report();
    assert!(r.doc.text[r.sidebar.highlight.clone().unwrap()].contains("3.9万亿元"));
}

#[test]
fn y_copies_the_chosen_passage_with_its_citation() {
    let mut app = compared(120, 40);
    go_to(&mut app, "地方政府专项债券");
    app.apply(Action::Activate);
    app.apply(Action::Up);
    app.apply(Action::Yank);
    let copy = app.copy.take().expect("a copy");
    assert!(copy.contains("3.8万亿元"), "{copy}");
    assert!(copy.contains("——《2023政府工作报告》，2023，"), "{copy}");
    app.apply(Action::Down);
    app.apply(Action::YankBreadcrumb);
    let copy = app.copy.take().expect("a copy");
    assert_eq!(copy, "二、 2024年经济社会发展总体要求和政策取向");
    assert_eq!(app.mode, Mode::Passages, "copying stays in the passages");
}

#[test]
fn the_mouse_chooses_a_row_and_opens_it() {
    let mut app = compared(120, 40);
    // Rows start below the title row, the border and the header row.
    app.apply(Action::Click {
        column: 10,
        row: 3 + 6,
    });
    assert_eq!(selected(&app).0, "赤字率");
    assert_eq!(app.mode, Mode::Compare);
    app.apply(Action::Wheel {
        column: 10,
        row: 10,
        down: true,
    });
    assert_eq!(selected(&app).0, "赤字规模");
    app.apply(Action::Click {
        column: 10,
        row: 3 + 6,
    });
    assert_eq!(selected(&app).0, "赤字率");
    app.apply(Action::Click {
        column: 10,
        row: 3 + 6,
    });
    assert_eq!(
        app.mode,
        Mode::Passages,
        "a click on the chosen row opens it"
    );
    app.apply(Action::Click { column: 0, row: 0 });
    assert_eq!(app.mode, Mode::Compare);
    // Below the last row: nothing; outside the box: closed.
    app.apply(Action::Click {
        column: 10,
        row: 30,
    });
    assert_eq!(app.mode, Mode::Compare);
    assert_eq!(selected(&app).0, "赤字率");
    app.apply(Action::Click { column: 0, row: 0 });
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn every_change_and_verdict_is_marked_in_colour_and_without() {
    let old = "2023年政府工作报告\n\n今年发展主要预期目标是：国内生产总值增长5%左右；\
               粮食产量保持在1.3万亿斤以上；赤字率拟按3%安排。\n";
    let new = "2024年政府工作报告\n\n一、2023年工作回顾\n\n过去一年，国内生产总值增长4%。\
               粮食产量约1.3万亿斤。\n\n二、2024年政府工作任务\n\n今年发展主要预期目标是：\
               国内生产总值增长5%左右；城镇新增就业1200万人以上。\n";
    let doc = |t: &str, name: &str| Document::from_bytes(name, t.as_bytes()).unwrap();
    // NEW opened first: compared in time order all the same.
    let mut app = initial_state(doc(new, "2024.txt"), 100, 20);
    let d = doc(old, "2023.txt");
    let t = sidebar_items(&d);
    app.open(Arc::new(d), Some(t));
    app.apply(Action::Compare);
    app.compare_finish();
    app.no_color = true;
    let s = screen(&app);
    let rows: Vec<&str> = s
        .lines()
        .filter(|l| l.starts_with("│") && !l.contains("measure"))
        .map(|l| l.trim_start_matches('│'))
        .filter(|l| !l.trim_end_matches(['│', '|']).trim().is_empty())
        .collect();
    let words = |l: &str| -> Vec<String> {
        l.trim_end_matches(['│', '|'])
            .split("  ")
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let got: Vec<Vec<String>> = rows.iter().map(|r| words(r)).collect();
    assert_eq!(
        got,
        [
            vec![
                "= 国内生产总值增长",
                "%",
                "5%左右",
                "→ 5%左右",
                "unchanged",
                "✗ missed",
                "国内生产总值增长4%"
            ],
            vec!["+ 城镇新增就业", "人", "1200万人以上", "new"],
            vec![
                "- 粮食产量",
                "斤",
                "1.3万亿斤以上",
                "dropped",
                "? unclear",
                "粮食产量约1.3万亿斤"
            ],
            vec!["- 赤字率", "%", "3%", "dropped"],
        ],
        "{s}"
    );
    // In colour: dropped and missed in red, new in the targets' colour.
    app.no_color = false;
    let mut term = Terminal::new(TestBackend::new(100, 20)).unwrap();
    term.draw(|f| view::draw(f, &app)).unwrap();
    let buf = term.backend().buffer();
    let fg_of = |text: &str| {
        let y = (0..buf.area.height)
            .find(|&y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    .contains(text)
            })
            .unwrap();
        (0..buf.area.width)
            .map(|x| &buf[(x, y)])
            .find(|c| c.symbol() == text.chars().next().unwrap().to_string())
            .map(|c| c.fg)
            .unwrap()
    };
    use ratatui::style::Color;
    assert_eq!(fg_of("✗"), Color::LightRed);
    assert_eq!(fg_of("-"), Color::LightRed);
    assert_eq!(fg_of("+"), Color::LightGreen);
    assert_eq!(fg_of("?"), Color::Yellow);
}

#[test]
fn a_report_still_being_read_is_compared_once_read() {
    let whole = fixture(Y2024);
    // The 2024 report shown from its head, as the reader shows a big one.
    let head: String = whole.text.chars().take(300).collect();
    let shown = Document::from_text(whole.source.clone(), head, whole.decoding.clone());
    let mut app = initial_state(fixture(Y2023), 120, 40);
    app.no_color = true;
    let id = app.open(Arc::new(shown), None);
    app.report_mut().loading = true;
    app.apply(Action::Compare);
    assert_eq!(app.mode, Mode::Compare);
    assert!(app.compare.is_none() && app.compare_job.is_none());
    assert!(screen(&app).contains("reading the reports… (compared once read)"));
    // Moves mean nothing meanwhile; the view stays.
    app.apply(Action::Down);
    assert_eq!(app.mode, Mode::Compare);
    // The whole arrives: compared now, the 2023 report as OLD.
    let whole = Arc::new(whole);
    let index = Arc::new(gangmu::search::SearchIndex::shared(whole.clone()));
    app.update(
        id,
        gangmu::tui::report::Update::Document {
            doc: whole,
            index,
            state: None,
        },
    );
    assert!(app.compare_job.is_some());
    app.compare_finish();
    let v = app.compare.as_ref().unwrap();
    assert_eq!(v.shown.len(), 15);
    assert_eq!((v.old, v.new), (ReportId(0), id));
    // Closed while waiting, it does not open by itself.
    let mut app = initial_state(fixture(Y2023), 120, 40);
    let shown = Document::from_text("x.txt", "2024年\n".to_string(), Default::default());
    let id = app.open(Arc::new(shown), None);
    app.report_mut().loading = true;
    app.apply(Action::Compare);
    app.apply(Action::Close);
    assert_eq!(app.mode, Mode::Normal);
    let whole = Arc::new(fixture(Y2024));
    let index = Arc::new(gangmu::search::SearchIndex::shared(whole.clone()));
    app.update(
        id,
        gangmu::tui::report::Update::Document {
            doc: whole,
            index,
            state: None,
        },
    );
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.compare_job.is_none());
}

#[test]
fn any_size_is_safe() {
    let mut app = compared(80, 24);
    go_to(&mut app, "粮食产量");
    let sizes = (1..=48u16)
        .step_by(3)
        .flat_map(|w| (1..=18u16).step_by(2).map(move |h| (w, h)))
        .chain([(300, 5), (20, 100)]);
    for (w, h) in sizes {
        for mode in [Mode::Compare, Mode::Passages] {
            app.apply(Action::Resize {
                width: w,
                height: h,
            });
            if mode == Mode::Passages && app.mode == Mode::Compare {
                app.apply(Action::Activate);
            } else if mode == Mode::Compare && app.mode == Mode::Passages {
                app.apply(Action::Close);
            }
            assert_eq!(app.mode, mode);
            let s = screen(&app);
            assert_eq!(s.lines().count(), h as usize, "{w}×{h}");
        }
    }
}

#[test]
fn the_compare_view() {
    for (w, h) in SIZES {
        let mut app = compared(w, h);
        go_to(&mut app, "赤字率");
        insta::assert_snapshot!(format!("compare_{w}x{h}"), screen(&app));
    }
}

#[test]
fn the_two_passages() {
    for (w, h) in SIZES {
        let mut app = compared(w, h);
        go_to(&mut app, "城镇新增就业");
        app.apply(Action::Activate);
        insta::assert_snapshot!(format!("compare_passages_{w}x{h}"), screen(&app));
    }
}

#[test]
fn report_text_never_reaches_the_terminal_raw() {
    let old = "2023年政府工作报告\n\n今年发展主要预期目标是：赤字\x1b]52;c;eA==\x07率按3%安排。\n";
    let new = "2024年政府工作报告\n\n今年发展主要预期目标是：赤字\x1b]52;c;eA==\x07率按4%安排。\n";
    let doc = |t: &str, name: &str| Document::from_bytes(name, t.as_bytes()).unwrap();
    let mut app = initial_state(doc(old, "a.txt"), 100, 30);
    let d = doc(new, "b.txt");
    let t = sidebar_items(&d);
    app.open(Arc::new(d), Some(t));
    app.apply(Action::Compare);
    app.compare_finish();
    let v = app.compare.as_ref().unwrap();
    assert!(!v.shown.is_empty());
    for s in [screen(&app), {
        app.apply(Action::Activate);
        screen(&app)
    }] {
        assert!(!s.contains('\x1b') && !s.contains('\x07'), "{s}");
    }
}
