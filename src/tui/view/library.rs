//! The library's two lists, drawn over the panes (the status and keys rows
//! stay below): the pane of reports (year, kind, targets, size, title; the
//! report read marked `●`, the others open `+`), and the hits of a search
//! across the library grouped by report (a header with its title, year and
//! count, then each hit's breadcrumb and snippet).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Widget};

use super::results::keep_right;
use super::theme::Theme;
use super::{clear_popup_area, put};
use crate::tui::app::App;
use crate::tui::library::{CrossSearch, LibraryUi, Row};
use crate::tui::text::{sanitize, str_width, truncate};

/// The box the lists are drawn in: the screen but its two bottom rows;
/// returns the area inside its border (empty when there is no room).
fn frame(buf: &mut Buffer, area: Rect, title: &str, theme: &Theme) -> Rect {
    let h = area.height.saturating_sub(2);
    let outer = Rect::new(area.x, area.y, area.width, h);
    if outer.width < 8 || outer.height < 3 {
        return Rect::default();
    }
    clear_popup_area(buf, outer);
    Block::new()
        .borders(Borders::ALL)
        .title(truncate(title, outer.width.saturating_sub(2) as usize).into_owned())
        .border_style(theme.border(true))
        .render(outer, buf);
    Rect::new(outer.x + 1, outer.y + 1, outer.width - 2, outer.height - 2)
}

/// A size in bytes as people read it: `812 B`, `64 KB`, `13 MB`.
pub fn size_label(bytes: usize) -> String {
    const K: usize = 1024;
    if bytes < K {
        format!("{bytes} B")
    } else if bytes < K * K {
        format!("{} KB", bytes.div_ceil(K))
    } else {
        format!("{:.1} MB", bytes as f64 / (K * K) as f64)
    }
}

/// Pads `s` to `w` cells on the left (numbers line up on the right).
fn right(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(str_width(s))))
}

/// Pads `s` to `w` cells on the right.
fn left(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(str_width(s))))
}

/// The pane of reports.
pub fn render_pane(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let Some(l) = &app.library else {
        return;
    };
    let sort = match l.sort {
        crate::library::Sort::Title => "by title",
        _ => "by year",
    };
    let title = format!(
        " 书库 library · {} reports · {sort} · Enter opens · {} sorts ",
        l.lib.len(),
        app.keymap
            .first_key(crate::tui::action::Action::LibrarySort)
            .unwrap_or_default()
    );
    let inner = frame(buf, area, &title, theme);
    if inner.height < 2 {
        return;
    }
    let w = inner.width as usize;
    // Narrow screens keep the year, the targets and the title.
    let wide = w >= 60;
    let header = if wide {
        format!(
            "  {} {} {} {} title",
            left("year", 4),
            left("kind", 10),
            right("targets", 7),
            right("size", 8)
        )
    } else {
        format!("  {} {} title", left("year", 4), right("tgts", 4))
    };
    put(buf, inner.x, inner.y, &header, inner.width, theme.dim());
    let rows = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
    if l.lib.is_empty() {
        put(buf, rows.x, rows.y, "(no reports)", rows.width, theme.dim());
        return;
    }
    let h = rows.height as usize;
    let sel = l.list.selected().unwrap_or(0);
    let skip = l.list.shown_from(h);
    let current = app.current().0;
    for (i, r) in l.lib.reports().iter().enumerate().skip(skip).take(h) {
        let y = rows.y + (i - skip) as u16;
        let style = if i == sel {
            let s = theme.selected(true);
            buf.set_style(Rect::new(rows.x, y, rows.width, 1), s);
            s
        } else {
            Style::new()
        };
        let mark = match l.report_of(r.id) {
            Some(rep) if rep == current && !l.blank => "●",
            Some(_) => "+",
            None => " ",
        };
        let year = r.year.map(|y| y.to_string()).unwrap_or_default();
        // Counted on other threads: `…` until they are.
        let targets = r.targets.map_or("…".to_string(), |n| n.to_string());
        let cells = if wide {
            let kind = r.kind.map(|k| k.label()).unwrap_or_default();
            format!(
                "{mark} {} {} {} {} ",
                left(&year, 4),
                left(kind, 10),
                right(&targets, 7),
                right(&size_label(r.bytes), 8)
            )
        } else {
            format!("{mark} {} {} ", left(&year, 4), right(&targets, 4))
        };
        let x = put(buf, rows.x, y, &cells, rows.width, style);
        let room = rows.right().saturating_sub(x);
        put(
            buf,
            x,
            y,
            &sanitize(&r.title),
            room,
            theme.title().patch(style),
        );
    }
}

/// The title of the list of hits: the query, the count so far, and
/// whether the search is still going.
fn hits_title(s: &CrossSearch) -> String {
    let state = if s.done { "" } else { " · searching…" };
    let unreadable = match s.unreadable {
        0 => String::new(),
        n => format!(" · {n} unreadable"),
    };
    format!(
        " 书库搜索 library: {} · {} hits in {} reports{state}{unreadable} · Enter opens ",
        sanitize(&s.query),
        s.total(),
        s.groups.len()
    )
}

/// The hits of a search across the library, grouped by report.
pub fn render_hits(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let Some(l) = &app.library else {
        return;
    };
    let Some(s) = &l.search else {
        return;
    };
    let inner = frame(buf, area, &hits_title(s), theme);
    if inner.height == 0 {
        return;
    }
    if s.rows.is_empty() {
        let msg = if s.done {
            "(no hits)"
        } else {
            "(searching…)"
        };
        put(buf, inner.x, inner.y, msg, inner.width, theme.dim());
        return;
    }
    let h = inner.height as usize;
    let sel = s.list.selected().unwrap_or(0);
    let skip = s.list.shown_from(h);
    for (i, row) in s.rows.iter().enumerate().skip(skip).take(h) {
        let y = inner.y + (i - skip) as u16;
        let selected = i == sel;
        let base = if selected {
            let st = theme.selected(true);
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), st);
            st
        } else {
            Style::new()
        };
        match *row {
            Row::Report(g) => header_row(buf, inner, y, l, s, g, base, theme),
            Row::Hit(g, k) => hit_row(buf, inner, y, s, g, k, base, theme),
        }
    }
}

/// A report's header: `▸ title (year) · N hits`.
#[allow(clippy::too_many_arguments)]
fn header_row(
    buf: &mut Buffer,
    inner: Rect,
    y: u16,
    l: &LibraryUi,
    s: &CrossSearch,
    g: usize,
    base: Style,
    theme: &Theme,
) {
    let group = &s.groups[g];
    let (title, year) = l.title_of(group.id);
    let year = year.map(|y| format!(" ({y})")).unwrap_or_default();
    let count = format!(" · {} hits", group.total);
    let x = put(buf, inner.x, y, "▸ ", inner.width, base.patch(theme.dim()));
    let room = inner.right().saturating_sub(x) as usize;
    let tail = format!("{year}{count}");
    let title_w = room.saturating_sub(str_width(&tail)).max(1);
    let t = truncate(&sanitize(title), title_w).into_owned();
    let x = put(buf, x, y, &t, inner.right() - x, theme.title().patch(base));
    if x < inner.right() {
        put(buf, x, y, &tail, inner.right() - x, base.patch(theme.dim()));
    }
}

/// A hit: its breadcrumb, then the snippet with the hit highlighted.
#[allow(clippy::too_many_arguments)]
fn hit_row(
    buf: &mut Buffer,
    inner: Rect,
    y: u16,
    s: &CrossSearch,
    g: usize,
    k: usize,
    base: Style,
    theme: &Theme,
) {
    let hit = &s.groups[g].hits[k];
    let w = inner.width as usize;
    let crumb_w = (w * 2 / 5).clamp(4, 40).min(w.saturating_sub(6));
    let x = inner.x + 2;
    // The end of the path: the node the hit is in.
    let crumb = keep_right(&sanitize(&hit.crumb), crumb_w);
    put(buf, x, y, &crumb, crumb_w as u16, base.patch(theme.dim()));
    let x = x + crumb_w as u16 + 1;
    if x >= inner.right() {
        return;
    }
    let room = (inner.right() - x) as usize;
    let shown = truncate(&sanitize(&hit.hit), room).into_owned();
    let before = sanitize(&hit.before);
    let before_w = (room.saturating_sub(str_width(&shown)) / 3).min(str_width(&before));
    let before = keep_right(&before, before_w);
    let x = put(buf, x, y, &before, inner.right() - x, base);
    let x = put(buf, x, y, &shown, inner.right() - x, theme.hit(true));
    if x < inner.right() {
        put(buf, x, y, &sanitize(&hit.after), inner.right() - x, base);
    }
}
