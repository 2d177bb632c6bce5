//! Snapshots of the reader's screen for the seed report, drawn with
//! ratatui's TestBackend at 120×40, 80×24 and 40×12.

use gangmu::document::Document;
use gangmu::tui::action::Action;
use gangmu::tui::app::{App, Focus};
use gangmu::tui::{initial_state, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (40, 12)];

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
fn no_size_panics() {
    for w in 0..50 {
        for h in 0..14 {
            let mut s = state(w, h);
            screen(&s);
            apply(&mut s, &[Action::ToggleHelp, Action::Down]);
            screen(&s);
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
    let mut s = state(120, 40);
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
    assert_eq!(s.report().sidebar.selected(), Some(0));
}
