//! The prompts on the bottom row: the search's `/query` with the cursor
//! and how many hits the query has so far, and the sidebar's filter with
//! how many targets it leaves.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::put;
use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::report::search::Prompt;
use crate::tui::text::{sanitize, str_width};

/// Draws the search prompt in `row`; returns where the terminal cursor
/// goes.
pub fn render(buf: &mut Buffer, row: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let search = &app.report().search;
    let p = search.prompt.as_ref()?;
    // Widened to the library: its count, and a prefix that says so.
    if let Some(l) = app.library.as_ref().filter(|l| l.wide) {
        let count = match &l.search {
            Some(s) if s.done && s.groups.is_empty() => " no hits ".to_string(),
            Some(s) => format!(" {} hits in {} reports ", s.total(), s.groups.len()),
            None => String::new(),
        };
        return draw(buf, row, p, "library /", &count, theme);
    }
    let count = if let Some(n) = app.notices.search {
        format!(" {n} ")
    } else if p.text.is_empty() {
        String::new()
    } else if search.is_empty() && !search.is_running() {
        " no hits ".to_string()
    } else {
        format!(" {} ", search.position_label())
    };
    draw(buf, row, p, "/", &count, theme)
}

/// Draws the sidebar's filter prompt in `row`.
pub fn render_filter(buf: &mut Buffer, row: Rect, app: &App, theme: &Theme) -> Option<Position> {
    let sidebar = &app.report().sidebar;
    let p = sidebar.filter.as_ref()?;
    let n = sidebar.shown().len();
    let count = format!(" {n} of {} ", sidebar.listable());
    draw(buf, row, p, "filter targets: ", &count, theme)
}

fn draw(
    buf: &mut Buffer,
    row: Rect,
    p: &Prompt,
    prefix: &str,
    count: &str,
    theme: &Theme,
) -> Option<Position> {
    for x in row.left()..row.right() {
        buf[(x, row.y)].reset();
    }
    let prefix = if str_width(prefix) + 4 > row.width as usize {
        "/"
    } else {
        prefix
    };
    let cw = str_width(count) as u16;
    let room = row.width.saturating_sub(cw + 1);
    // Keep the cursor in view: drop characters from the left when the
    // query is wider than the row.
    let before = sanitize(&p.text[..p.cursor]).into_owned();
    let after = sanitize(&p.text[p.cursor..]).into_owned();
    let mut shown_before = before.as_str();
    while str_width(shown_before) + str_width(prefix) + 1 > room as usize
        && !shown_before.is_empty()
    {
        let mut it = shown_before.chars();
        it.next();
        shown_before = it.as_str();
    }
    let x = put(buf, row.x, row.y, prefix, room, theme.key());
    let x = put(
        buf,
        x,
        row.y,
        shown_before,
        row.x + room - x,
        theme.prompt(),
    );
    let cursor = Position::new(x, row.y);
    put(
        buf,
        x,
        row.y,
        &after,
        (row.x + room).saturating_sub(x),
        theme.prompt(),
    );
    if cw > 0 && row.width > cw {
        put(buf, row.right() - cw, row.y, count, cw, theme.dim());
    }
    Some(cursor)
}
