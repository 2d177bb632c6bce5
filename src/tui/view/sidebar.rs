//! The targets sidebar: value, unit and subject of each target, grouped
//! under its theme.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Borders, Widget};

use super::theme::Theme;
use super::{pane_block, put};
use crate::tui::app::{App, Focus};
use crate::tui::geometry;
use crate::tui::report::SidebarRow;

pub fn render(buf: &mut Buffer, area: Rect, overlay: bool, app: &App, theme: &Theme) {
    let focused = app.focus == Focus::Sidebar;
    let r = app.report();
    let sidebar = &r.sidebar;
    pane_block(overlay, " 目标 targets ", Borders::LEFT, focused, theme).render(area, buf);
    let inner = geometry::sidebar_inner(area, overlay);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if sidebar.rows.is_empty() {
        put(
            buf,
            inner.x,
            inner.y,
            if sidebar.pending {
                "finding targets…"
            } else {
                "(no targets)"
            },
            inner.width,
            theme.dim(),
        );
        return;
    }
    let rows = sidebar
        .rows
        .iter()
        .skip(sidebar.list.offset())
        .take(inner.height as usize);
    // Focused with nothing chosen yet: the cursor sits on the first target,
    // which is where `Enter` or `j` goes.
    let cursor = sidebar
        .selected()
        .or((focused && !sidebar.items.is_empty()).then_some(0));
    for (i, row) in rows.enumerate() {
        let y = inner.y + i as u16;
        match *row {
            SidebarRow::Header(theme_id) => {
                let title = r.display(&r.doc.display_title(theme_id));
                put(buf, inner.x, y, &title, inner.width, theme.theme_title());
            }
            SidebarRow::Item(t) => {
                let label = format!(" {}", r.display(&sidebar.items[t].label));
                let style = if cursor == Some(t) {
                    let s = theme.selected(focused);
                    buf.set_style(Rect::new(inner.x, y, inner.width, 1), s);
                    s
                } else {
                    Style::new()
                };
                put(buf, inner.x, y, &label, inner.width, style);
            }
        }
    }
}
