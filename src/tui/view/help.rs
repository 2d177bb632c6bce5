//! The help overlay, generated from the keymap: one row per command (keys,
//! then what it does), cut with `…` to the popup's width, never wrapped;
//! a mark on the lower border says when more rows are below or above.

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
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    // The keys take at most half the row; what they do gets the rest.
    let kw = kw.min(inner.width / 2);
    let page = inner.height as usize;
    let skip = app.help.offset().min(rows.len().saturating_sub(page));
    for (i, (keys, what)) in rows.iter().skip(skip).take(page).enumerate() {
        let y = inner.y + i as u16;
        put(buf, inner.x, y, keys, kw, theme.key());
        let x = (inner.x + kw + 1).min(inner.right());
        put(buf, x, y, what, inner.right() - x, Style::new());
    }
    let below = skip + page < rows.len();
    let above = skip > 0;
    let mark = match (above, below) {
        (_, true) => format!(" ↓ more {}/{} ", skip + page, rows.len()),
        (true, false) => format!(" ↑ {}/{} ", rows.len(), rows.len()),
        (false, false) => String::new(),
    };
    let mw = str_width(&mark) as u16;
    if mw > 0 && mw + 2 <= inner.width {
        let y = inner.bottom();
        put(buf, inner.right() - mw, y, &mark, mw, theme.key());
    }
}
