//! The bottom rows: the breadcrumb of the node being read, the position in
//! percent, and the keys that matter in the focused pane.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::put;
use super::theme::Theme;
use crate::tui::action::Action;
use crate::tui::app::{App, Focus};
use crate::tui::report::Report;
use crate::tui::text::{sanitize, str_width, truncate};

/// `抢抓虹桥… › 第一 强化… › 二是 …`, cut to fit `width`.
pub fn breadcrumb(r: &Report, width: usize) -> String {
    let Some(reading) = r.detail.reading else {
        return String::new();
    };
    let path = r.doc.outline.path(reading);
    let labels: Vec<String> = path
        .iter()
        .map(|&id| r.display(&r.doc.node_label(id)))
        .collect();
    // Ancestors get a short share, the node itself the rest.
    let n = labels.len();
    let sep = " › ";
    let mut parts: Vec<String> = Vec::new();
    for (i, l) in labels.iter().enumerate() {
        if i + 1 < n {
            let share = (width / (n + 1)).clamp(5, 16);
            parts.push(truncate(l, share).into_owned());
        } else {
            let used: usize = parts.iter().map(|p| str_width(p) + str_width(sep)).sum();
            parts.push(truncate(l, width.saturating_sub(used).max(1)).into_owned());
        }
    }
    truncate(&parts.join(sep), width).into_owned()
}

fn focus_keys(focus: Focus) -> &'static [(Action, &'static str)] {
    match focus {
        Focus::Tree => &[
            (Action::Down, "move"),
            (Action::Activate, "fold"),
            (Action::CycleFold, "cycle"),
            (Action::CycleGlobal, "all"),
            (Action::FocusNext, "pane"),
            (Action::ToggleSidebar, "targets"),
            (Action::SearchOpen, "search"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ],
        Focus::Detail => &[
            (Action::Down, "scroll"),
            (Action::PageDown, "page"),
            (Action::Top, "top"),
            (Action::FocusNext, "pane"),
            (Action::ToggleTree, "outline"),
            (Action::ToggleSidebar, "targets"),
            (Action::SearchOpen, "search"),
            (Action::ToggleMouse, "mouse"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ],
        Focus::Sidebar => &[
            (Action::Down, "move"),
            (Action::Activate, "go"),
            (Action::FocusNext, "pane"),
            (Action::ToggleSidebar, "hide"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ],
    }
}

pub fn render(buf: &mut Buffer, status: Rect, keys: Option<Rect>, app: &App, theme: &Theme) {
    let r = app.report();
    let search = match r.search.query() {
        Some(q) if r.search.prompt.is_none() => {
            let q = truncate(&sanitize(q), 16).into_owned();
            format!(" /{q} {}", r.search.position_label())
        }
        _ => String::new(),
    };
    let pct = format!("{search} {:>3}% ", r.percent());
    let pw = str_width(&pct) as u16;
    buf.set_style(status, theme.status());
    if status.width > pw + 2 {
        let crumb = match super::bookmarks::status_line(app) {
            Some(line) => truncate(&line, (status.width - pw - 1) as usize).into_owned(),
            None => breadcrumb(r, (status.width - pw - 1) as usize),
        };
        put(
            buf,
            status.x + 1,
            status.y,
            &crumb,
            status.width - pw - 1,
            theme.status(),
        );
        put(buf, status.right() - pw, status.y, &pct, pw, theme.status());
    } else {
        put(buf, status.x, status.y, &pct, status.width, theme.status());
    }
    let Some(k) = keys else {
        return;
    };
    if let Some(n) = app.notices.search {
        put(buf, k.x + 1, k.y, n, k.width.saturating_sub(1), theme.key());
        return;
    }
    let mut x = k.x + 1;
    let mut items: Vec<(String, &str)> = Vec::new();
    for &(a, what) in focus_keys(app.focus) {
        if let Some(key) = app.keymap.first_key(a) {
            items.push((key, what));
        }
    }
    if !app.mouse {
        items.insert(0, ("".into(), "mouse off"));
    }
    for (key, what) in items {
        let need = (str_width(&key) + str_width(what) + 3) as u16;
        if x + need > k.right() {
            break;
        }
        x = put(buf, x, k.y, &key, k.right() - x, theme.key());
        if !key.is_empty() {
            x += 1;
        }
        x = put(buf, x, k.y, what, k.right() - x, Style::new());
        x += 2;
    }
}
