//! The targets sidebar: value, unit and subject of each target, grouped
//! under its theme. The theme of the targets in view stays on the top row
//! while they scroll (a sticky header); a filter typed after `/` shows on
//! that row too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Borders, Widget};

use super::theme::Theme;
use super::{pane_block, put};
use crate::tui::action::Mode;
use crate::tui::app::{App, Focus};
use crate::tui::geometry;
use crate::tui::report::SidebarRow;
use crate::tui::text::sanitize;

pub fn render(buf: &mut Buffer, area: Rect, overlay: bool, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Sidebar;
    let r = app.report();
    let sidebar = &r.sidebar;
    let title = if sidebar.show_results {
        " 目标+结果 targets+results "
    } else {
        " 目标 targets "
    };
    pane_block(overlay, title, Borders::LEFT, focused, theme).render(area, buf);
    let mut inner = geometry::sidebar_inner(area, overlay);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    // A filter kept (not being typed: the prompt shows it then) is said
    // on the first row.
    if let Some(f) = sidebar.filter.as_ref().filter(|_| app.mode != Mode::Filter)
        && inner.height > 1
    {
        let line = format!("/{} ({})", sanitize(&f.text), sidebar.shown().len());
        put(buf, inner.x, inner.y, &line, inner.width, theme.key());
        inner.y += 1;
        inner.height -= 1;
    }
    if sidebar.rows.is_empty() {
        let what = if sidebar.pending {
            "finding targets…".to_string()
        } else if sidebar.filter.is_some() {
            "(no target matches)".to_string()
        } else if sidebar.results() > 0 {
            format!("(no targets; T lists {} results)", sidebar.results())
        } else {
            "(no targets)".to_string()
        };
        put(buf, inner.x, inner.y, &what, inner.width, theme.dim());
        return;
    }
    let h = inner.height as usize;
    let skip = sidebar
        .list
        .shown_from(h)
        .min(sidebar.rows.len().saturating_sub(1));
    // Focused with nothing chosen yet: the cursor sits on the first target
    // shown, which is where `Enter` goes (and `j` moves from).
    let cursor = sidebar
        .selected()
        .or(focused.then(|| sidebar.shown().first().copied()).flatten());
    for (i, row) in sidebar.rows.iter().skip(skip).take(h).enumerate() {
        let y = inner.y + i as u16;
        // The first row: the heading of the targets below it, even when
        // the heading itself has scrolled away.
        let row = match (i, *row) {
            (0, SidebarRow::Item(t)) if h > 1 => SidebarRow::Header(sidebar.items[t].theme),
            (_, row) => row,
        };
        match row {
            SidebarRow::Header(theme_id) => {
                let title = r.display(&r.doc.display_title(theme_id));
                put(buf, inner.x, y, &title, inner.width, theme.theme_title());
            }
            SidebarRow::Item(t) => {
                // A result is marked ✓ (done) and dimmed, so that it reads
                // apart from the commitments even without colour.
                let item = &sidebar.items[t];
                let mark = if item.result { "✓" } else { " " };
                let label = format!("{mark}{}", r.display(&item.label));
                let style = if cursor == Some(t) {
                    let s = theme.selected(focused);
                    buf.set_style(Rect::new(inner.x, y, inner.width, 1), s);
                    s
                } else if item.result {
                    theme.dim()
                } else {
                    Style::new()
                };
                put(buf, inner.x, y, &label, inner.width, style);
            }
        }
    }
}
