//! The detail pane: the report as one continuous text, from the top line
//! on. Only the paragraphs on screen are laid out (and they come from the
//! per-paragraph cache).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::theme::Theme;
use crate::tui::geometry;
use crate::tui::state::{AppState, Mark};
use crate::tui::text::{sanitize, str_width};

pub fn render(buf: &mut Buffer, area: Rect, state: &AppState, theme: &Theme) {
    let text_area = geometry::detail_text(area);
    if text_area.width == 0 || text_area.height == 0 || state.doc.paragraphs.is_empty() {
        return;
    }
    let width = state.text_width();
    let mut pos = state.top;
    let mut y = text_area.y;
    'outer: while y < text_area.bottom() {
        let lines = state.cache.lines(&state.doc, pos.para, width);
        for line in lines.iter().skip(pos.line) {
            if y >= text_area.bottom() {
                break 'outer;
            }
            let x = text_area.x + line.indent.min(text_area.width);
            let w = text_area.right() - x;
            draw_line(buf, x, y, w, line.range.clone(), state, theme);
            y += 1;
        }
        if pos.para + 1 >= state.doc.paragraphs.len() {
            break;
        }
        pos.para += 1;
        pos.line = 0;
    }
}

/// Writes one line of text, split into styled pieces at marks and the
/// highlight.
fn draw_line(
    buf: &mut Buffer,
    mut x: u16,
    y: u16,
    width: u16,
    range: Range<usize>,
    state: &AppState,
    theme: &Theme,
) {
    let end_x = x + width;
    for (r, style) in pieces(range, state, theme) {
        if x >= end_x {
            break;
        }
        let s = sanitize(&state.doc.text[r]);
        let (nx, _) = buf.set_stringn(x, y, &*s, (end_x - x) as usize, style);
        x = nx.max(x + str_width(&s).min((end_x - x) as usize) as u16);
    }
}

/// The line cut into ranges with their styles.
fn pieces(range: Range<usize>, state: &AppState, theme: &Theme) -> Vec<(Range<usize>, Style)> {
    let mut cuts = vec![range.start, range.end];
    let marks = &state.marks;
    let first = marks.partition_point(|(r, _)| r.end <= range.start);
    let line_marks: Vec<&(Range<usize>, Mark)> = marks[first..]
        .iter()
        .take_while(|(r, _)| r.start < range.end)
        .collect();
    for (r, _) in &line_marks {
        cuts.push(r.start.clamp(range.start, range.end));
        cuts.push(r.end.clamp(range.start, range.end));
    }
    if let Some(h) = &state.highlight {
        cuts.push(h.start.clamp(range.start, range.end));
        cuts.push(h.end.clamp(range.start, range.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let r = w[0]..w[1];
            let mut style = Style::new();
            if let Some((_, m)) = line_marks
                .iter()
                .find(|(m, _)| m.start <= r.start && r.end <= m.end)
            {
                style = match m {
                    Mark::Marker => theme.marker(),
                    Mark::ThemeTitle => theme.theme_title(),
                    Mark::SectionTitle => theme.section_title(),
                };
            }
            if let Some(h) = &state.highlight
                && h.start <= r.start
                && r.end <= h.end
            {
                style = theme.highlight();
            }
            (r, style)
        })
        .collect()
}
