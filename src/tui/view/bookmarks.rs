//! The list of bookmarks: an overlay with each bookmark's breadcrumb,
//! every level shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::theme::Theme;
use super::{bordered_popup, put};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::report::Report;

/// The breadcrumb of the node holding `offset` in `width` cells, every
/// level shown: `抢抓虹桥… › 第一 强化… › 二是 …`.
pub fn crumb(r: &Report, offset: usize, width: usize) -> String {
    match r.doc.outline.node_at(offset) {
        Some(n) => super::status::crumb_fit(r, n, width),
        None => String::new(),
    }
}

pub fn render(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let r = app.report();
    let rows = r.bookmark_rows();
    let w = area.width.saturating_sub(4).clamp(3.min(area.width), 90);
    let h = geometry::popup_height(area.height, rows.len());
    let del = app
        .keymap
        .keys
        .iter()
        .find(|(a, _)| *a == Action::DeleteBookmark)
        .and_then(|(_, k)| k.first())
        .map(|&k| format!(" · {} deletes", crate::tui::keymap::key_label(k)))
        .unwrap_or_default();
    let inner = bordered_popup(
        buf,
        area,
        w,
        h,
        format!(" bookmarks · Enter goes{del} · Esc closes "),
        theme,
    );
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if rows.is_empty() {
        let hint = format!(
            "(no bookmarks: {} and a letter sets one)",
            app.keymap.first_key(Action::SetMark).unwrap_or_default()
        );
        put(buf, inner.x, inner.y, &hint, inner.width, theme.dim());
        return;
    }
    let h = inner.height as usize;
    let list = &r.memory.list;
    let sel = list.selected().unwrap_or(0).min(rows.len() - 1);
    let skip = list.shown_from(h);
    for (i, &(c, offset)) in rows.iter().enumerate().skip(skip).take(h) {
        let y = inner.y + (i - skip) as u16;
        let style = if i == sel {
            let s = theme.selected(true);
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), s);
            s
        } else {
            Style::new()
        };
        let x = put(
            buf,
            inner.x,
            y,
            &format!("{c} "),
            inner.width,
            theme.key().patch(style),
        );
        let room = inner.right().saturating_sub(x);
        let crumb = crumb(r, offset, room as usize);
        put(buf, x, y, &crumb, room, style);
    }
}
