//! State transitions of the reader: actions in, state out, no terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::Arc;

use gangmu::document::{Decoding, Document, NodeKind};
use gangmu::tui::action::{Action, Mode};
use gangmu::tui::app::{App, Focus};
use gangmu::tui::event_loop::key_of;
use gangmu::tui::geometry::Overlay;
use gangmu::tui::initial_state;
use gangmu::tui::report::Update;

fn state() -> App {
    initial_state(Document::bundled(), 120, 40)
}

fn find(s: &App, label: &str) -> usize {
    (0..s.report().doc.outline.len())
        .find(|&i| s.report().doc.node_label(i) == label)
        .unwrap_or_else(|| panic!("no node {label}"))
}

fn kinds_visible(s: &App) -> Vec<NodeKind> {
    s.report()
        .tree
        .visible
        .iter()
        .map(|&i| s.report().doc.outline.kind(i))
        .collect()
}

#[test]
fn first_frame_opens_themes_to_sections() {
    let s = state();
    let k = kinds_visible(&s);
    assert_eq!(k.iter().filter(|k| **k == NodeKind::Theme).count(), 4);
    assert!(k.contains(&NodeKind::Section));
    assert!(!k.contains(&NodeKind::Point));
    assert_eq!(s.focus, Focus::Tree);
    assert_eq!(s.report().tree.selected(), Some(0));
}

#[test]
fn moving_in_the_tree_scrolls_the_detail_pane() {
    let mut s = state();
    let target = find(&s, "第一 强化大零号湾科技创新策源功能");
    while s.report().tree.selected() != Some(target) {
        s.apply(Action::Down);
    }
    assert_eq!(s.report().detail.reading, Some(target));
    let start = s.report().doc.outline.span(target).start;
    let lines = s.report().para_lines(s.report().detail.top.para);
    let line = &lines[s.report().detail.top.line];
    assert!(line.range.start <= start && start < line.range.end.max(start + 1));
}

#[test]
fn scrolling_the_detail_moves_the_tree_highlight() {
    let mut s = state();
    s.apply(Action::FocusNext);
    assert_eq!(s.focus, Focus::Detail);
    for _ in 0..60 {
        s.apply(Action::Down);
    }
    let r = s.report().detail.reading.unwrap();
    assert_ne!(r, 0);
    // The highlight is the node read, or its closest shown ancestor.
    let sel = s.report().tree.selected().unwrap();
    assert!(s.report().doc.outline.is_ancestor_or_self(sel, r));
    assert!(s.report().tree.visible.contains(&sel));
    assert!(s.report().percent() > 0);
    s.apply(Action::Bottom);
    assert_eq!(s.report().percent(), 100);
    s.apply(Action::Top);
    assert_eq!(s.report().detail.top, Default::default());
}

#[test]
fn org_cycling_on_a_node() {
    let mut s = state();
    let sec = find(&s, "第二 以科技创新引领产业创新");
    let point = find(&s, "三是 加快传统产业转型升级");
    let sub = s.report().doc.outline.children(Some(point)).next().unwrap();
    while s.report().tree.selected() != Some(sec) {
        s.apply(Action::Down);
    }
    s.apply(Action::CycleFold); // children
    assert!(s.report().tree.visible.contains(&point) && !s.report().tree.visible.contains(&sub));
    s.apply(Action::CycleFold); // subtree
    assert!(s.report().tree.visible.contains(&sub));
    s.apply(Action::CycleFold); // folded
    assert!(!s.report().tree.visible.contains(&point));
}

#[test]
fn global_cycling_and_depths() {
    let mut s = state();
    s.apply(Action::CycleGlobal);
    assert_eq!(s.report().tree.visible.len(), s.report().doc.outline.len());
    s.apply(Action::CycleGlobal);
    assert_eq!(
        s.report().tree.visible,
        s.report().doc.outline.roots().collect::<Vec<_>>()
    );
    s.apply(Action::CycleGlobal);
    assert!(kinds_visible(&s).contains(&NodeKind::Section));
    s.apply(Action::ShowDepth(3));
    assert!(kinds_visible(&s).contains(&NodeKind::Point));
    s.apply(Action::ShowDepth(1));
    assert_eq!(
        s.report().tree.visible,
        s.report().doc.outline.roots().collect::<Vec<_>>()
    );
}

#[test]
fn h_and_l_fold_and_walk() {
    let mut s = state();
    let sec = find(&s, "第二 重点企业靠前发力");
    while s.report().tree.selected() != Some(sec) {
        s.apply(Action::Down);
    }
    s.apply(Action::Expand);
    assert!(s.report().tree.expanded[sec]);
    s.apply(Action::Expand);
    assert_eq!(
        s.report().tree.selected(),
        Some(s.report().doc.outline.children(Some(sec)).next().unwrap())
    );
    s.apply(Action::Collapse);
    assert_eq!(s.report().tree.selected(), Some(sec));
    s.apply(Action::Collapse);
    assert!(!s.report().tree.expanded[sec]);
    s.apply(Action::Activate);
    assert!(s.report().tree.expanded[sec]);
}

#[test]
fn narrow_terminals_use_overlays() {
    let mut s = initial_state(Document::bundled(), 80, 24);
    assert!(s.areas().sidebar.is_none());
    s.apply(Action::ToggleSidebar);
    assert_eq!(s.overlay, Some(Overlay::Sidebar));
    assert_eq!(s.focus, Focus::Sidebar);
    s.apply(Action::Close);
    assert_eq!(s.overlay, None);
    let mut s = initial_state(Document::bundled(), 50, 20);
    assert!(s.areas().tree.is_none());
    assert_eq!(s.focus, Focus::Detail);
    s.apply(Action::ToggleTree);
    assert_eq!(s.focus, Focus::Tree);
    s.apply(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(s.overlay, None);
}

#[test]
fn resize_keeps_the_place() {
    let mut s = state();
    s.apply(Action::FocusNext);
    for _ in 0..40 {
        s.apply(Action::Down);
    }
    let before = s.report().offset_of(s.report().detail.top);
    s.apply(Action::Resize {
        width: 70,
        height: 20,
    });
    let after = s.report().offset_of(s.report().detail.top);
    let p = s.report().doc.paragraph_at(before);
    assert_eq!(s.report().doc.paragraph_at(after), p);
    assert!(after <= before);
}

#[test]
fn help_quit_and_mouse() {
    let mut s = state();
    s.apply(Action::ToggleHelp);
    assert_eq!(s.mode, Mode::Help);
    s.apply(Action::Down); // scrolls the help, not the tree
    assert_eq!(s.report().tree.selected(), Some(0));
    s.apply(Action::Close);
    assert_eq!(s.mode, Mode::Normal);
    s.apply(Action::ToggleMouse);
    assert!(!s.mouse);
    s.apply(Action::Quit);
    assert!(s.quit);
}

#[test]
fn clicks_select_and_toggle() {
    let mut s = state();
    let a = s.areas();
    let tree = a.tree.unwrap();
    // Row 3 of the tree is 第二 重点企业靠前发力 (a folded section).
    let id = s.report().tree.visible[3];
    s.apply(Action::Click {
        column: tree.x + 10,
        row: tree.y + 3,
    });
    assert_eq!(s.report().tree.selected(), Some(id));
    assert!(!s.report().tree.expanded[id]);
    s.apply(Action::Click {
        column: tree.x + 2,
        row: tree.y + 3,
    });
    assert!(s.report().tree.expanded[id]);
    s.apply(Action::Click {
        column: a.detail.x + 5,
        row: a.detail.y + 5,
    });
    assert_eq!(s.focus, Focus::Detail);
    let top = s.report().detail.top;
    s.apply(Action::Wheel {
        column: a.detail.x + 5,
        row: a.detail.y + 5,
        down: true,
    });
    assert!(s.report().detail.top > top);
}

#[test]
fn keymap_table() {
    let s = state();
    // Through the edge, as the event loop sees the terminal's keys.
    let k = |code, mods| {
        s.keymap
            .lookup(Mode::Normal, key_of(&KeyEvent::new(code, mods))?)
    };
    assert_eq!(
        k(KeyCode::Char('G'), KeyModifiers::SHIFT),
        Some(Action::Bottom)
    );
    assert_eq!(
        k(KeyCode::Char('c'), KeyModifiers::CONTROL),
        Some(Action::Quit)
    );
    assert_eq!(
        k(KeyCode::Char('d'), KeyModifiers::CONTROL),
        Some(Action::HalfPageDown)
    );
    assert_eq!(
        k(KeyCode::Char('3'), KeyModifiers::NONE),
        Some(Action::ShowDepth(3))
    );
    assert_eq!(k(KeyCode::Char('x'), KeyModifiers::NONE), None);
    // Every bound action has a help row.
    let rows = s.keymap.help_rows();
    for b in &s.keymap.bindings {
        if b.mode == Mode::Normal {
            assert!(rows.iter().any(|(_, d)| *d == b.action.describe()));
        }
    }
}

#[test]
fn lays_out_only_what_it_shows() {
    let mut s = state();
    s.apply(Action::FocusNext);
    s.apply(Action::PageDown);
    assert!(s.report().detail.cache.cached() < s.report().doc.paragraph_count());
}

#[test]
fn jumping_to_an_offset_unfolds_and_selects_its_node() {
    let mut s = state();
    s.apply(Action::ShowDepth(1));
    let offset = s
        .report()
        .doc
        .text
        .find("二是强化园区科创承载功能")
        .unwrap();
    s.report_mut().jump_to_offset(offset + 3);
    let point = find(&s, "二是 强化园区科创承载功能");
    assert_eq!(s.report().detail.reading, Some(point));
    assert_eq!(s.report().tree.selected(), Some(point));
    assert!(s.report().tree.visible.contains(&point));
    assert!(s.report().offset_of(s.report().detail.top) <= offset + 3);
}

#[test]
fn reading_at_a_blank_line_is_reading_the_paragraph_below() {
    let mut s = state();
    s.apply(Action::FocusNext);
    assert_eq!(s.focus, Focus::Detail);
    // Scroll line by line: whenever the top line is the blank line after a
    // paragraph, the node read is the one starting just below it.
    let mut blanks = 0;
    for _ in 0..400 {
        s.apply(Action::Down);
        let lines = s.report().para_lines(s.report().detail.top.para);
        if lines[s.report().detail.top.line].range.is_empty()
            && s.report().detail.top.para + 1 < s.report().doc.paragraph_count()
        {
            blanks += 1;
            let next = s
                .report()
                .doc
                .paragraph(s.report().detail.top.para + 1)
                .unwrap();
            let r = s.report().detail.reading.unwrap();
            assert_eq!(
                s.report().doc.outline.span(r).start,
                next.span.start,
                "{}",
                s.report().doc.node_label(r)
            );
        }
    }
    assert!(blanks > 5);
    s.apply(Action::Bottom);
    let r = s.report().detail.reading.unwrap();
    assert_ne!(
        s.report().doc.outline.kind(r),
        NodeKind::Theme,
        "{}",
        s.report().doc.node_label(r)
    );
}

#[test]
fn a_too_small_terminal_keeps_the_reading_place() {
    let mut s = state();
    s.apply(Action::FocusNext);
    for _ in 0..3 {
        s.apply(Action::HalfPageDown);
    }
    let before = s.report().offset_of(s.report().detail.top);
    assert!(s.report().detail.top.line > 0, "mid-paragraph");
    for (w, h) in [(15, 5), (1, 1), (0, 0), (70, 20), (120, 40)] {
        s.apply(Action::Resize {
            width: w,
            height: h,
        });
    }
    assert_eq!(s.report().offset_of(s.report().detail.top), before);
}

#[test]
fn the_help_pages_and_stops_at_its_last_page() {
    let mut s = initial_state(Document::bundled(), 80, 24);
    s.apply(Action::ToggleHelp);
    let rows = s.keymap.help_rows().len();
    // The popup is the screen less a row above and below, less its border.
    let shown = 24 - 2 - 2;
    assert!(rows > shown, "the help scrolls at 80×24");
    s.apply(Action::PageDown);
    assert_eq!(s.help.offset(), shown.min(rows - shown));
    s.apply(Action::Bottom);
    assert_eq!(s.help.offset(), rows - shown);
    s.apply(Action::Down);
    assert_eq!(
        s.help.offset(),
        rows - shown,
        "no further than the last page"
    );
    s.apply(Action::Up);
    assert_eq!(s.help.offset(), rows - shown - 1, "and back up at once");
    s.apply(Action::Top);
    assert_eq!(s.help.offset(), 0);
    assert_eq!(s.mode, Mode::Help);
    s.apply(Action::ToggleHelp);
    assert_eq!(s.mode, Mode::Normal);
}

#[test]
fn each_open_report_keeps_its_own_state() {
    let mut s = state();
    s.apply(Action::FocusNext);
    for _ in 0..30 {
        s.apply(Action::Down);
    }
    let first = s.current();
    let (top, reading) = (s.report().detail.top, s.report().detail.reading);
    // Longer than a screen, so that it scrolls.
    let text = format!(
        "一、总体要求\n{}二、主要任务\n新增就业1200万人以上。\n",
        "坚持稳中求进。\n".repeat(60)
    );
    let other = Document::from_text(
        "other.txt",
        text,
        Decoding {
            encoding: "UTF-8",
            bom: false,
            replaced: 0,
        },
    );
    let second = s.open(Arc::new(other), None);
    assert_ne!(first, second);
    assert_eq!((s.current(), s.reports().len()), (second, 2));
    // The new report starts at its top, its targets still to come.
    assert_eq!(s.report().detail.top, Default::default());
    assert_eq!(s.report().doc.source, "other.txt");
    assert!(s.report().sidebar.pending);
    s.apply(Action::Bottom);
    assert_ne!(s.report().detail.top, Default::default());
    // The first report is where it was left.
    let r = &s.reports()[first.0];
    assert_eq!((r.detail.top, r.detail.reading), (top, reading));
    // Updates reach the report they are for.
    s.update(first, Update::Targets(Vec::new()));
    assert!(s.reports()[first.0].sidebar.items.is_empty());
    assert!(s.report().sidebar.pending);
    s.updates_ended();
    assert!(!s.report().sidebar.pending);
}

// ----- round two ------------------------------------------------------------

fn wide() -> App {
    initial_state(Document::bundled(), 200, 60)
}

#[test]
fn one_j_in_a_focused_sidebar_moves_one_target() {
    let mut s = wide();
    s.focus = Focus::Sidebar;
    assert_eq!(s.report().sidebar.selected(), None);
    let shown = s.report().sidebar.shown();
    s.apply(Action::Down);
    // The cursor showed on the first target: one j goes to the second.
    assert_eq!(s.report().sidebar.selected(), Some(shown[1]));
    s.apply(Action::Up);
    assert_eq!(s.report().sidebar.selected(), Some(shown[0]));
}

/// `T` lists the results (look-back figures) beside the targets and hides
/// them again; the filter counts what is listed.
#[test]
fn t_lists_the_results_beside_the_targets() {
    let mut s = wide();
    let r = &s.report().sidebar;
    let (targets, results) = (r.shown().len(), r.results());
    // The seed: nine targets and one result, 比重超过80% (a description of
    // today's economy).
    assert_eq!((targets, results), (9, 1));
    assert!(r.shown().iter().all(|&i| !r.items[i].result));
    s.apply(Action::ToggleResults);
    let r = &s.report().sidebar;
    assert_eq!(r.shown().len(), 10);
    let first = &r.items[r.shown()[0]];
    assert!(first.result && first.label.starts_with("80%"), "{first:?}");
    assert!(
        s.notices
            .status
            .as_deref()
            .unwrap_or("")
            .contains("1 result (✓)")
    );
    assert_eq!(r.listable(), "10 items");
    s.apply(Action::ToggleResults);
    assert_eq!(s.report().sidebar.shown().len(), 9);
    assert_eq!(s.report().sidebar.listable(), "9 targets");
    // A report whose targets are all kept out shows them all with T: the
    // 2023 report's look-back part holds over a hundred results.
    let d = Document::from_bytes(
        "2023",
        include_bytes!("fixtures/2023-government-work-report.txt"),
    )
    .unwrap();
    let mut s = initial_state(d, 200, 60);
    let before = s.report().sidebar.shown().len();
    s.apply(Action::ToggleResults);
    let after = s.report().sidebar.shown().len();
    assert!(before >= 8 && after > before + 100, "{before} → {after}");
}

#[test]
fn a_report_with_front_matter_reads_0_percent_at_the_top() {
    let text = "---\ntitle: 报告\ndate: 2024-01-01\n---\n\n# 报告\n\n".to_string()
        + &"第一,重点工作。这是正文，很长的一段。\n".repeat(200);
    let doc = Document::from_bytes("r.md", text.as_bytes()).unwrap();
    let mut s = initial_state(doc, 100, 30);
    assert_eq!(s.report().percent(), 0);
    s.focus = Focus::Detail;
    s.apply(Action::Percent);
    for d in [5, 0] {
        s.apply(Action::Digit(d));
    }
    s.apply(Action::SearchAccept);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.report().percent(), 50);
    s.apply(Action::Bottom);
    assert_eq!(s.report().percent(), 100);
    s.apply(Action::Top);
    assert_eq!(s.report().percent(), 0);
}

#[test]
fn percent_jumps_and_quote_quote_comes_back() {
    let mut s = state();
    s.focus = Focus::Detail;
    let top = s.report().detail.top;
    for a in [Action::Digit(3), Action::Digit(0), Action::SearchAccept] {
        s.apply(a);
    }
    let at = s.report().detail.top;
    assert!(
        at > top && s.report().percent() == 30,
        "{}",
        s.report().percent()
    );
    s.apply(Action::JumpToMark);
    s.apply(Action::Letter('\''));
    assert_eq!(s.report().detail.top, top);
    s.apply(Action::JumpToMark);
    s.apply(Action::Letter('\''));
    assert_eq!(s.report().detail.top, at, "'' again toggles back");
}

#[test]
fn the_focused_pane_is_saved_and_comes_back() {
    let mut s = state();
    s.apply(Action::FocusNext);
    assert_eq!(s.focus, Focus::Detail);
    let saved = s.saved_state();
    assert_eq!(saved.focus.as_deref(), Some("text"));
    let mut t = state();
    assert_eq!(t.focus, Focus::Tree);
    t.restore(&saved);
    assert_eq!(t.focus, Focus::Detail);
    // A pane not shown at this size does not take the focus.
    let mut saved = saved;
    saved.focus = Some("sidebar".into());
    let mut t = state();
    t.restore(&saved);
    assert_eq!(t.focus, Focus::Tree, "the sidebar is not docked at 120");
}

#[test]
fn the_sparse_tree_is_said_in_the_status_bar() {
    let mut s = state();
    s.apply(Action::SearchOpen);
    for c in "莘庄".chars() {
        s.apply(Action::SearchInput(c));
    }
    s.search_finish();
    s.apply(Action::SearchAccept);
    s.apply(Action::SearchFilter);
    assert!(s.report().search.filter_on());
    assert!(s.notices.status.as_deref().unwrap().contains("sparse tree"));
}

#[test]
fn y_queues_a_quote_unless_the_terminal_cannot_take_it() {
    let mut s = state();
    s.focus = Focus::Detail;
    s.apply(Action::Yank);
    let copy = s.copy.take().expect("a copy");
    assert!(copy.starts_with("7月24日"), "{copy}");
    assert!(copy.contains("\n——《7月24日"), "{copy}");
    assert!(s.notices.status.as_deref().unwrap().starts_with("copied"));
    s.clipboard = gangmu::tui::clipboard::Support::No("tmux set-clipboard is off".into());
    s.apply(Action::YankBreadcrumb);
    assert!(s.copy.is_none());
    assert!(
        s.notices
            .status
            .as_deref()
            .unwrap()
            .contains("could not copy: tmux")
    );
}

#[test]
fn slash_in_the_sidebar_filters_its_targets() {
    let mut s = wide();
    s.focus = Focus::Sidebar;
    s.apply(Action::SearchOpen);
    assert_eq!(s.mode, Mode::Filter);
    // Pinyin initials match as the search's do: lh → 绿化.
    for c in "lh".chars() {
        s.apply(Action::SearchInput(c));
    }
    let r = s.report();
    let shown: Vec<&str> = r
        .sidebar
        .shown()
        .iter()
        .map(|&i| r.sidebar.items[i].label.as_str())
        .collect();
    assert_eq!(shown, ["1万平方米 立体绿化"]);
    s.apply(Action::SearchCancel);
    let r = &s.report().sidebar;
    assert_eq!(r.shown().len(), r.items.len() - r.results());
}
