//! The targets sidebar: value, unit and subject of each target, grouped
//! under its theme.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Borders, Widget};

use super::theme::Theme;
use super::{pane_block, put};
use crate::tui::geometry;
use crate::tui::state::{AppState, Focus, SidebarRow};

pub fn render(buf: &mut Buffer, area: Rect, overlay: bool, state: &AppState, theme: &Theme) {
    let focused = state.focus == Focus::Sidebar;
    pane_block(overlay, " 目标 targets ", Borders::LEFT, focused, theme).render(area, buf);
    let inner = geometry::sidebar_inner(area, overlay);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if state.sidebar_rows.is_empty() {
        put(
            buf,
            inner.x,
            inner.y,
            if state.targets_pending {
                "finding targets…"
            } else {
                "(no targets)"
            },
            inner.width,
            theme.dim(),
        );
        return;
    }
    let rows = state
        .sidebar_rows
        .iter()
        .skip(state.sidebar_scroll)
        .take(inner.height as usize);
    // Focused with nothing chosen yet: the cursor sits on the first target,
    // which is where `Enter` or `j` goes.
    let cursor = state
        .target_sel
        .or((focused && !state.targets.is_empty()).then_some(0));
    for (i, row) in rows.enumerate() {
        let y = inner.y + i as u16;
        match *row {
            SidebarRow::Header(theme_id) => {
                let title = state.display(&state.doc.display_title(theme_id));
                put(buf, inner.x, y, &title, inner.width, theme.theme_title());
            }
            SidebarRow::Item(t) => {
                let label = format!(" {}", state.display(&state.targets[t].label));
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
