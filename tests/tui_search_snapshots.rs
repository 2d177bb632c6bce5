//! Snapshots of the reader's search for the seed report (TestBackend at 40×15,
//! 80×24, 120×40 and 200×60): hits highlighted after `/大零号湾⏎`, the sparse tree,
//! the list of hits and the prompt. Under each screen, the runs of
//! reverse-video cells (hits; `*` marks the bold current hit) prove the
//! highlighting.

use gangmu::document::Document;
use gangmu::tui::action::Action;
use gangmu::tui::app::App;
use gangmu::tui::{initial_state, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

const SIZES: [(u16, u16); 4] = [(40, 15), (80, 24), (120, 40), (200, 60)];

fn state(w: u16, h: u16) -> App {
    let mut s = initial_state(Document::bundled(), w, h);
    s.no_color = true;
    s
}

fn search(s: &mut App, q: &str, accept: bool) {
    s.apply(Action::SearchOpen);
    for c in q.chars() {
        s.apply(Action::SearchInput(c));
    }
    s.search_finish();
    if accept {
        s.apply(Action::SearchAccept);
    }
}

/// The screen's rows as text, then the reverse-video runs of the detail
/// pane and tree (the status rows, always reverse, are left out).
fn screen(s: &App) -> String {
    let mut term = Terminal::new(TestBackend::new(s.width, s.height)).unwrap();
    term.draw(|f| view::draw(f, s)).unwrap();
    let buf = term.backend().buffer();
    let mut out = String::new();
    let mut runs = String::new();
    let body = buf.area.height.saturating_sub(2);
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut row = String::new();
        let mut run = String::new();
        let mut bold = false;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            let sym = cell.symbol();
            row.push_str(sym);
            let rev = cell.modifier.contains(Modifier::REVERSED);
            if rev && y > 0 && y < body {
                run.push_str(sym);
                bold |= cell.modifier.contains(Modifier::BOLD);
            } else if !run.is_empty() {
                let star = if bold { "*" } else { "" };
                runs.push_str(&format!("{y}: {star}{}\n", run.trim()));
                run.clear();
                bold = false;
            }
            x += sym.width().max(1) as u16;
        }
        if !run.is_empty() {
            runs.push_str(&format!("{y}: {}\n", run.trim()));
        }
        out.push_str(&row);
        out.push_str("|\n");
    }
    out.push_str("--- reverse ---\n");
    out.push_str(&runs);
    out
}

#[test]
fn hits_highlighted() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        search(&mut s, "大零号湾", true);
        insta::assert_snapshot!(format!("search_hits_{w}x{h}"), screen(&s));
    }
}

#[test]
fn prompt_while_typing() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        search(&mut s, "dlhw", false);
        insta::assert_snapshot!(format!("search_prompt_{w}x{h}"), screen(&s));
    }
}

#[test]
fn filter_on() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        if s.areas().tree.is_none() {
            s.apply(Action::ToggleTree);
        }
        search(&mut s, "莘庄", true);
        s.apply(Action::SearchFilter);
        insta::assert_snapshot!(format!("search_filter_{w}x{h}"), screen(&s));
    }
}

#[test]
fn results_list() {
    for (w, h) in SIZES {
        let mut s = state(w, h);
        search(&mut s, "mhq", true);
        s.apply(Action::SearchResults);
        s.apply(Action::Down);
        insta::assert_snapshot!(format!("search_results_{w}x{h}"), screen(&s));
    }
}

#[test]
fn no_size_panics_with_search() {
    for w in 0..50 {
        for h in 0..14 {
            let mut s = state(w, h);
            search(&mut s, "闵行", false);
            screen(&s);
            s.apply(Action::SearchAccept);
            s.apply(Action::SearchFilter);
            screen(&s);
            s.apply(Action::SearchResults);
            screen(&s);
        }
    }
}
