//! The list of hits (like Emacs `occur`): one row per hit, its kind, its
//! breadcrumb and a snippet with the hit highlighted, drawn over the
//! panes. `j`/`k` move, `Enter` jumps, `Esc` closes.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::theme::Theme;
use super::{clear_popup_area, put};
use crate::search::{Hit, HitKind, snippet};
use crate::tui::geometry;
use crate::tui::report::Report;
use crate::tui::text::{char_width, sanitize, str_width, truncate};

/// `第一 强化… › 二是 …`: the hit's node and its ancestors, each cut short.
fn crumb(r: &Report, hit: &Hit, width: usize) -> String {
    let Some(node) = hit.node else {
        return String::new();
    };
    let path = r.doc.outline.path(node);
    let n = path.len();
    let share = (width / n.max(1)).max(6);
    let parts: Vec<String> = path
        .iter()
        .map(|&id| truncate(&r.display(&r.doc.node_label(id)), share).into_owned())
        .collect();
    truncate(&parts.join("›"), width).into_owned()
}

/// Keeps the last `width` cells of `s`, starting with `…` when cut.
pub(super) fn keep_right(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut w = 0;
    let mut start = s.len();
    for (i, c) in s.char_indices().rev() {
        if w + char_width(c) > width - 1 {
            break;
        }
        w += char_width(c);
        start = i;
    }
    format!("…{}", &s[start..])
}

pub fn render(buf: &mut Buffer, screen: Rect, r: &Report, theme: &Theme) {
    let area = geometry::results_area(screen.width, screen.height);
    if area.width < 8 || area.height < 3 {
        return;
    }
    clear_popup_area(buf, area);
    let title = format!(
        " 结果 hits: {} ({}) ",
        sanitize(r.search.query().unwrap_or("")),
        r.search.position_label()
    );
    Block::new()
        .borders(Borders::ALL)
        .title(truncate(&title, area.width.saturating_sub(2) as usize).into_owned())
        .border_style(theme.border(true))
        .render(area, buf);
    let inner = Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2);
    let h = inner.height as usize;
    let list = &r.search.results;
    let sel = list.selected().unwrap_or(0);
    let scroll = list.shown_from(h);
    let w = inner.width as usize;
    let kind_w = 3;
    let crumb_w = (w * 2 / 5).clamp(6, 40);
    for row in 0..h {
        let i = scroll + row;
        let Some(hit) = r.search.ranked(i) else {
            break;
        };
        let y = inner.y + row as u16;
        let selected = i == sel;
        let base = if selected {
            theme.selected(true)
        } else {
            ratatui::style::Style::new()
        };
        if selected {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
        }
        let kind = match hit.kind {
            HitKind::Literal => "字 ",
            HitKind::Pinyin => "拼 ",
        };
        let mut x = put(buf, inner.x, y, kind, inner.width, base.patch(theme.dim()));
        x = x.max(inner.x + kind_w);
        let cw = crumb_w.min(w.saturating_sub(kind_w as usize + 4));
        let c = crumb(r, hit, cw);
        put(buf, x, y, &c, cw as u16, base.patch(theme.dim()));
        x += cw as u16 + 1;
        if x >= inner.right() {
            continue;
        }
        let room = (inner.right() - x) as usize;
        let s = snippet(&r.doc.text, hit.range.clone(), 40);
        // The detail pane's display forms (full-width `，` beside Han text).
        let (s_before, s_hit, s_after) =
            (r.display(&s.before), r.display(&s.hit), r.display(&s.after));
        let hit_text = truncate(&s_hit, room).into_owned();
        let before_w = (room.saturating_sub(str_width(&hit_text)) / 3).min(str_width(&s_before));
        let before = keep_right(&s_before, before_w);
        x = put(buf, x, y, &before, inner.right() - x, base);
        x = put(buf, x, y, &hit_text, inner.right() - x, theme.hit(true));
        if x < inner.right() {
            put(buf, x, y, &s_after, inner.right() - x, base);
        }
    }
}
