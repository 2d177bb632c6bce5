//! Snapshots of the reader's screen for the seed report, drawn with
//! ratatui's TestBackend at 40×15, 80×24, 120×40 and 200×60.

use gangmu::document::Document;
use gangmu::tui::action::Action;
use gangmu::tui::app::{App, Focus};
use gangmu::tui::{initial_state, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 4] = [(40, 15), (80, 24), (120, 40), (200, 60)];

fn state(w: u16, h: u16) -> App {
    let mut s = initial_state(Document::bundled(), w, h);
    s.no_color = true;
    s
}

/// The screen's rows as text: wide characters once, their hidden cells
/// skipped; trailing spaces kept so that the width shows.
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
        out.push('|');
        out.push('\n');
    }
    out
}

fn apply(s: &mut App, actions: &[Action]) {
    for &a in actions {
        s.apply(a);
    }
}

/// Moves the tree's selection to the node labelled `label`.
fn select(s: &mut App, label: &str) {
    s.focus = Focus::Tree;
    for _ in 0..200 {
        if s.report()
            .tree
            .selected()
            .map(|id| s.report().doc.node_label(id))
            .as_deref()
            == Some(label)
        {
            return;
        }
        s.apply(Action::Down);
    }
    panic!("{label} not found");
}

#[test]
fn first_frame() {
    for (w, h) in SIZES {
        let s = state(w, h);
        insta::assert_snapshot!(format!("first_frame_{w}x{h}"), screen(&s));
    }
}

#[test]
fn unfolded_point() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        if s.areas().tree.is_none() {
            s.apply(Action::ToggleTree);
        }
        select(&mut s, "第一 强化大零号湾科技创新策源功能");
        apply(&mut s, &[Action::Activate, Action::Down]);
        insta::assert_snapshot!(format!("unfolded_point_{w}x{h}"), screen(&s));
    }
}

#[test]
fn help_overlay() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        s.apply(Action::ToggleHelp);
        insta::assert_snapshot!(format!("help_{w}x{h}"), screen(&s));
    }
}

#[test]
fn sidebar_selection() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        if s.areas().sidebar.is_none() {
            s.apply(Action::ToggleSidebar);
        }
        s.focus = Focus::Sidebar;
        apply(&mut s, &[Action::Down, Action::Down, Action::Down]);
        insta::assert_snapshot!(format!("sidebar_{w}x{h}"), screen(&s));
    }
}

#[test]
fn help_paged_to_its_end() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        apply(&mut s, &[Action::ToggleHelp, Action::PageDown]);
        insta::assert_snapshot!(format!("help_paged_{w}x{h}"), screen(&s));
        s.apply(Action::Bottom);
        insta::assert_snapshot!(format!("help_end_{w}x{h}"), screen(&s));
    }
}

/// The text pane focused and read on: the reading column (centred, at
/// most 80 columns), its keys in the hint bar.
#[test]
fn reading_the_text() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        s.focus = Focus::Detail;
        apply(&mut s, &[Action::PageDown, Action::NextSection]);
        insta::assert_snapshot!(format!("reading_{w}x{h}"), screen(&s));
    }
}

/// The sidebar scrolled down: the theme of the targets in view stays on
/// the top row.
#[test]
fn sidebar_sticky_header() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        if s.areas().sidebar.is_none() {
            s.apply(Action::ToggleSidebar);
        }
        s.focus = Focus::Sidebar;
        for _ in 0..9 {
            s.apply(Action::Down);
        }
        insta::assert_snapshot!(format!("sidebar_sticky_{w}x{h}"), screen(&s));
    }
}

/// `T`: the results (marked ✓, dimmed) listed beside the targets.
#[test]
fn sidebar_with_results() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        if s.areas().sidebar.is_none() {
            s.apply(Action::ToggleSidebar);
        }
        s.focus = Focus::Sidebar;
        s.apply(Action::ToggleResults);
        insta::assert_snapshot!(format!("sidebar_results_{w}x{h}"), screen(&s));
    }
}

/// `/` in the sidebar filters the targets; after `Enter` the filter is
/// said on the sidebar's first row.
#[test]
fn sidebar_filter() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        if s.areas().sidebar.is_none() {
            s.apply(Action::ToggleSidebar);
        }
        s.focus = Focus::Sidebar;
        s.apply(Action::SearchOpen);
        for c in "绿".chars() {
            s.apply(Action::SearchInput(c));
        }
        insta::assert_snapshot!(format!("sidebar_filter_typing_{w}x{h}"), screen(&s));
        apply(&mut s, &[Action::SearchAccept, Action::Down]);
        insta::assert_snapshot!(format!("sidebar_filter_{w}x{h}"), screen(&s));
    }
}

/// The list of bookmarks: each with its breadcrumb, every level shown.
#[test]
fn bookmarks_list() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        s.focus = Focus::Detail;
        for (c, n) in [('a', 10), ('b', 25), ('c', 60)] {
            for _ in 0..n {
                s.apply(Action::Down);
            }
            apply(&mut s, &[Action::SetMark, Action::Letter(c)]);
        }
        s.apply(Action::Bookmarks);
        insta::assert_snapshot!(format!("bookmarks_{w}x{h}"), screen(&s));
    }
}

/// `5`, `0` in the text: the percentage prompt in the status bar.
#[test]
fn percent_prompt() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        s.focus = Focus::Detail;
        apply(&mut s, &[Action::Digit(5), Action::Digit(0)]);
        insta::assert_snapshot!(format!("percent_prompt_{w}x{h}"), screen(&s));
    }
}

#[test]
fn no_size_panics() {
    for w in 0..50 {
        for h in 0..14 {
            let mut s = state(w, h);
            screen(&s);
            apply(&mut s, &[Action::ToggleHelp, Action::Down, Action::Bottom]);
            screen(&s);
            apply(
                &mut s,
                &[Action::Close, Action::ToggleSidebar, Action::Down],
            );
            screen(&s);
            apply(&mut s, &[Action::SearchOpen, Action::SearchInput('1')]);
            screen(&s);
            apply(
                &mut s,
                &[Action::SearchAccept, Action::Close, Action::Percent],
            );
            screen(&s);
            s.apply(Action::Close);
            apply(
                &mut s,
                &[
                    Action::ToggleHelp,
                    Action::ToggleTree,
                    Action::ToggleSidebar,
                    Action::PageDown,
                ],
            );
            screen(&s);
        }
    }
}

#[test]
fn a_focused_sidebar_shows_its_cursor_on_the_first_target() {
    let mut s = state(200, 60);
    apply(&mut s, &[Action::FocusNext, Action::FocusNext]);
    assert_eq!(s.focus, gangmu::tui::app::Focus::Sidebar);
    assert_eq!(s.report().sidebar.selected(), None);
    let mut term = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    term.draw(|f| view::draw(f, &s)).unwrap();
    let buf = term.backend().buffer();
    let reversed_row = |needle: &str| {
        (0..buf.area.height).find(|&y| {
            let row: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.contains(needle)
                && (0..buf.area.width).any(|x| {
                    buf[(x, y)].symbol() == "4"
                        && buf[(x, y)]
                            .modifier
                            .contains(ratatui::style::Modifier::REVERSED)
                })
        })
    };
    assert!(reversed_row("4000家").is_some(), "{}", screen(&s));
    // Enter goes to that target.
    s.apply(Action::Activate);
    let first = s.report().sidebar.shown()[0];
    assert_eq!(s.report().sidebar.items[first].label, "4000家 高新技术企业");
    assert_eq!(s.report().sidebar.selected(), Some(first));
}

/// The hint bar follows what has the focus (a pane, the help, a list)
/// and, however short, keeps the keys of help and quit (or close).
#[test]
fn the_hint_bar_keeps_help_and_quit_at_small_sizes() {
    for (w, h) in [(40, 15), (60, 20), (80, 24)] {
        let hint_row = |s: &App| screen(s).lines().nth(h as usize - 1).unwrap().to_string();
        let mut s = state(w, h);
        if s.areas().tree.is_none() {
            s.apply(Action::ToggleTree);
        }
        s.focus = Focus::Tree;
        let row = hint_row(&s);
        assert!(
            row.contains("? help") && row.contains("q quit"),
            "{w}x{h} tree: {row}"
        );
        assert!(row.contains("j move"), "{w}x{h} tree: {row}");

        let mut s = state(w, h);
        s.focus = Focus::Detail;
        let row = hint_row(&s);
        assert!(
            row.contains("? help") && row.contains("q quit"),
            "{w}x{h} text: {row}"
        );
        assert!(row.contains("Space page"), "{w}x{h} text: {row}");

        let mut s = state(w, h);
        s.apply(Action::ToggleSidebar);
        assert_eq!(s.focus, Focus::Sidebar);
        let row = hint_row(&s);
        assert!(
            row.contains("? help") && row.contains("q quit"),
            "{w}x{h} sidebar: {row}"
        );
        assert!(row.contains("Enter go"), "{w}x{h} sidebar: {row}");

        let mut s = state(w, h);
        s.apply(Action::ToggleHelp);
        let row = hint_row(&s);
        assert!(
            row.contains("? close") && row.contains("q close"),
            "{w}x{h} help: {row}"
        );

        let mut s = state(w, h);
        s.apply(Action::Bookmarks);
        let row = hint_row(&s);
        assert!(
            row.contains("Esc close") && row.contains("q close"),
            "{w}x{h} bookmarks: {row}"
        );
    }
}
