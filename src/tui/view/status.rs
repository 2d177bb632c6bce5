//! The bottom rows: the breadcrumb of the node being read (or a prompt or
//! notice), the position in percent, and the keys that matter for what
//! has the focus.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::put;
use super::theme::Theme;
use crate::document::NodeId;
use crate::tui::action::{Action, Mode};
use crate::tui::app::{App, Focus};
use crate::tui::report::Report;
use crate::tui::text::{sanitize, str_width, truncate};

/// `抢抓虹桥… › 第一 强化… › 二是 …`: the breadcrumb of the node read, cut
/// to fit `width`.
pub fn breadcrumb(r: &Report, width: usize) -> String {
    match r.detail.reading {
        Some(n) => crumb_fit(r, n, width),
        None => String::new(),
    }
}

/// The breadcrumb of `node` in `width` cells: each ancestor gets a short
/// share, the node itself the rest, so that every level shows.
pub fn crumb_fit(r: &Report, node: NodeId, width: usize) -> String {
    let path = r.doc.outline.path(node);
    let labels: Vec<String> = path
        .iter()
        .map(|&id| r.display(&r.doc.node_label(id)))
        .collect();
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

/// The status bar's line while a letter or a number is awaited, or the
/// notice of the last action (or of a state file set aside), until the
/// next key.
pub fn status_line(app: &App) -> Option<String> {
    let key = |a: Action| app.keymap.first_key(a).unwrap_or_default();
    match app.mode {
        Mode::SetMark => Some(format!(
            "{} set a bookmark: press a letter (Esc cancels)",
            key(Action::SetMark)
        )),
        Mode::JumpToMark => {
            let marks: String = app.report().memory.bookmarks.keys().collect();
            let have = if marks.is_empty() {
                "no bookmarks yet".to_string()
            } else {
                format!("bookmarks: {marks}")
            };
            Some(format!(
                "{} go to a bookmark: press a letter — {have} (Esc cancels)",
                key(Action::JumpToMark)
            ))
        }
        Mode::Percent => Some(format!(
            "go to {}% — Enter goes, Esc cancels",
            if app.number.is_empty() {
                "_"
            } else {
                &app.number
            }
        )),
        _ => app
            .notices
            .status
            .as_ref()
            .map(|n| sanitize(n).into_owned()),
    }
}

/// A key to show, its label taken from the keymap.
enum Hint {
    /// The first key of a command (in the text pane: of its text keys).
    Cmd(Action, &'static str),
    /// A fixed key.
    Key(&'static str, &'static str),
}

/// The keys that matter for what has the focus: the mode's list or
/// overlay, else the focused pane. The last two (help and quit, or what
/// closes) are kept when the row is short.
fn hints(app: &App) -> Vec<Hint> {
    use Hint::{Cmd, Key};
    match app.mode {
        Mode::Help => vec![
            Cmd(Action::Down, "scroll"),
            Cmd(Action::PageDown, "page"),
            Cmd(Action::Bottom, "end"),
            Cmd(Action::ToggleHelp, "close"),
            Cmd(Action::Quit, "close"),
        ],
        Mode::Bookmarks => vec![
            Cmd(Action::Down, "move"),
            Key("Enter", "go"),
            Cmd(Action::DeleteBookmark, "delete"),
            Cmd(Action::Close, "close"),
            Cmd(Action::Quit, "close"),
        ],
        Mode::Results => vec![
            Cmd(Action::Down, "move"),
            Key("Enter", "go"),
            Cmd(Action::Yank, "copy"),
            Cmd(Action::Close, "close"),
            Cmd(Action::Quit, "close"),
        ],
        Mode::Library => vec![
            Cmd(Action::Down, "move"),
            Key("Enter", "open"),
            Cmd(Action::LibrarySort, "sort"),
            Cmd(Action::SearchLibrary, "search"),
            Cmd(Action::Close, "close"),
            Cmd(Action::Quit, "close"),
        ],
        Mode::LibraryHits => vec![
            Cmd(Action::Down, "move"),
            Key("Enter", "open"),
            Cmd(Action::Close, "close"),
            Cmd(Action::Quit, "close"),
        ],
        Mode::Compare => vec![
            Cmd(Action::Down, "move"),
            Key("Enter", "passages"),
            Cmd(Action::SearchFilter, "changes only"),
            Cmd(Action::Close, "close"),
            Cmd(Action::Quit, "close"),
        ],
        Mode::Passages => vec![
            Cmd(Action::Down, "choose"),
            Key("Enter", "go"),
            Cmd(Action::Yank, "copy"),
            Cmd(Action::Close, "back"),
            Cmd(Action::Quit, "back"),
        ],
        Mode::Percent => vec![
            Key("0-9", "percent"),
            Key("Enter", "go"),
            Key("Esc", "cancel"),
        ],
        Mode::SetMark | Mode::JumpToMark => vec![
            Key("a-z", "bookmark"),
            Key("'", "last jump"),
            Key("Esc", "cancel"),
        ],
        Mode::Normal | Mode::Search | Mode::Filter => match app.focus {
            Focus::Tree => vec![
                Cmd(Action::Down, "move"),
                Cmd(Action::Activate, "fold"),
                Cmd(Action::CycleFold, "cycle"),
                Cmd(Action::NextSection, "section"),
                Cmd(Action::FocusNext, "pane"),
                Cmd(Action::ToggleSidebar, "targets"),
                Cmd(Action::SearchOpen, "search"),
                Cmd(Action::Yank, "copy"),
                Cmd(Action::ToggleHelp, "help"),
                Cmd(Action::Quit, "quit"),
            ],
            Focus::Detail => vec![
                Cmd(Action::PageDown, "page"),
                Cmd(Action::NextSection, "section"),
                Cmd(Action::Percent, "go to %"),
                Cmd(Action::SearchOpen, "search"),
                Cmd(Action::Yank, "copy"),
                Cmd(Action::FocusNext, "pane"),
                Cmd(Action::ToggleTree, "outline"),
                Cmd(Action::ToggleSidebar, "targets"),
                Cmd(Action::ToggleMouse, "mouse"),
                Cmd(Action::ToggleHelp, "help"),
                Cmd(Action::Quit, "quit"),
            ],
            Focus::Sidebar => vec![
                Cmd(Action::Down, "move"),
                Cmd(Action::Activate, "go"),
                Cmd(Action::SearchOpen, "filter"),
                Cmd(Action::ToggleResults, "results"),
                Cmd(Action::Yank, "copy"),
                Cmd(Action::FocusNext, "pane"),
                Cmd(Action::ToggleSidebar, "hide"),
                Cmd(Action::ToggleHelp, "help"),
                Cmd(Action::Quit, "quit"),
            ],
        },
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
    let sparse = if r.search.filter_on() { " sparse" } else { "" };
    // A library with no report open yet has no place to say.
    let blank = app.library.as_ref().is_some_and(|l| l.blank);
    let pct = match r.loading {
        _ if blank => String::new(),
        true => format!("{search}{sparse} reading… "),
        false => format!("{search}{sparse} {:>3}% ", r.percent()),
    };
    let pw = str_width(&pct) as u16;
    buf.set_style(status, theme.status());
    if status.width > pw + 2 {
        let crumb = match status_line(app) {
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
    let text = app.mode == Mode::Help || app.mode == Mode::Normal && app.focus == Focus::Detail;
    let mut items: Vec<(String, &str)> = Vec::new();
    for h in hints(app) {
        let key = match h {
            Hint::Cmd(a, what) => {
                let key = if text {
                    app.keymap.first_text_key(a)
                } else {
                    app.keymap.command_key(a)
                };
                key.map(|k| (k, what))
            }
            Hint::Key(k, what) => Some((k.to_string(), what)),
        };
        items.extend(key);
    }
    if !app.mouse {
        items.insert(0, ("".into(), "mouse off"));
    }
    // The last two (help and quit, or what closes) always show: the others
    // fill the room left before them.
    let need = |(key, what): &(String, &str)| (str_width(key) + str_width(what) + 3) as u16;
    let pinned = items.len().saturating_sub(2);
    let tail: u16 = items[pinned..].iter().map(need).sum();
    let mut x = k.x + 1;
    let mut room = k.width.saturating_sub(1 + tail);
    for (i, item) in items.iter().enumerate() {
        let n = need(item);
        if i < pinned {
            if n > room {
                continue;
            }
            room -= n;
        }
        if x >= k.right() {
            break;
        }
        let (key, what) = item;
        x = put(buf, x, k.y, key, k.right() - x, theme.key());
        if !key.is_empty() {
            x += 1;
        }
        x = put(buf, x, k.y, what, k.right().saturating_sub(x), Style::new());
        x += 2;
    }
}
