//! The help overlay, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::theme::Theme;
use super::{bordered_popup, put};
use crate::tui::app::App;
use crate::tui::geometry;
use crate::tui::text::str_width;

pub fn render(buf: &mut Buffer, area: Rect, app: &App, theme: &Theme) {
    let rows = app.keymap.help_rows();
    let kw = rows.iter().map(|(k, _)| str_width(k)).max().unwrap_or(0) as u16;
    let dw = rows.iter().map(|(_, d)| str_width(d)).max().unwrap_or(0) as u16;
    let w = (kw + dw + 5)
        .min(area.width.saturating_sub(2))
        .max(3.min(area.width));
    let h = geometry::popup_height(area.height, rows.len());
    let inner = bordered_popup(buf, area, w, h, " keys · ?/Esc closes ".into(), theme);
    if inner.width == 0 {
        return;
    }
    let skip = app
        .help
        .offset()
        .min(rows.len().saturating_sub(inner.height as usize));
    for (i, (keys, what)) in rows
        .iter()
        .skip(skip)
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        let x = put(buf, inner.x, y, keys, inner.width.min(kw), theme.key());
        let x = x.max(inner.x + kw + 2).min(inner.right());
        put(buf, x, y, what, inner.right() - x, Style::new());
    }
}
