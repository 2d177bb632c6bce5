//! The detail pane: the report as one continuous text, from the top line
//! on. Only the paragraphs on screen are laid out (they come from the
//! per-paragraph cache); each line is drawn from the layout module's
//! segments (display forms, marks), never with ratatui's `Wrap`.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::theme::Theme;
use crate::layout::{self, Mark as LMark};
use crate::tui::lines::{DLine, options};
use crate::tui::report::{Mark, Report, marks_in};

/// Draws the report's text in `text_area`, the text column of the
/// detail pane.
pub fn render(buf: &mut Buffer, text_area: Rect, r: &Report, theme: &Theme) {
    if text_area.width == 0 || text_area.height == 0 || r.doc.paragraph_count() == 0 {
        return;
    }
    let mut pos = r.detail.top;
    let mut y = text_area.y;
    'outer: while y < text_area.bottom() {
        let lines = r.para_lines(pos.para);
        let styles = para_styles(r, pos.para);
        for line in lines.iter().skip(pos.line) {
            if y >= text_area.bottom() {
                break 'outer;
            }
            draw_line(buf, text_area, y, line, pos.para, &styles, r, theme);
            y += 1;
        }
        if pos.para + 1 >= r.doc.paragraph_count() {
            break;
        }
        pos.para += 1;
        pos.line = 0;
    }
}

/// Marks of a paragraph, relative to its content, as the layout takes them.
fn para_styles(r: &Report, para: usize) -> Vec<(Range<usize>, LMark)> {
    let Some(p) = r.doc.paragraph(para) else {
        return Vec::new();
    };
    let content = p.content;
    let rel = |r: &Range<usize>| {
        r.start.clamp(content.start, content.end) - content.start
            ..r.end.clamp(content.start, content.end) - content.start
    };
    let mut out = Vec::new();
    for (r, m) in marks_in(&r.doc, p.span)
        .iter()
        .filter(|(r, _)| content.start < r.end && r.start < content.end)
    {
        let lm = match m {
            Mark::Marker => LMark::MARKER,
            Mark::ThemeTitle | Mark::SectionTitle => LMark::TITLE,
        };
        out.push((rel(r), lm));
    }
    let t = &r.sidebar.items;
    let chosen = r.sidebar.selected();
    let first = t.partition_point(|t| t.range.end <= content.start);
    for (i, target) in t[first..]
        .iter()
        .enumerate()
        .take_while(|(_, t)| t.range.start < content.end)
    {
        let lm = if chosen == Some(first + i) {
            LMark::SELECTED_TARGET
        } else {
            LMark::TARGET
        };
        out.push((rel(&target.range), lm));
    }
    for (h, current) in r.search.hits_in(content.clone()) {
        let lm = if current {
            LMark::CURRENT_HIT
        } else {
            LMark::HIT
        };
        out.push((rel(&h.range), lm));
    }
    if let Some(h) = &r.sidebar.highlight
        && h.start < content.end
        && content.start < h.end
    {
        out.push((rel(h), LMark::SELECTED_TARGET));
    }
    out
}

fn style_of(mark: LMark, heading: bool, theme: &Theme) -> Style {
    if mark.contains(LMark::CURRENT_HIT) {
        return theme.hit(true);
    }
    if mark.contains(LMark::HIT) {
        return theme.hit(false);
    }
    if mark.contains(LMark::SELECTED_TARGET) {
        return theme.highlight();
    }
    let mut style = Style::new();
    if mark.contains(LMark::TITLE) {
        style = if heading {
            theme.theme_title()
        } else {
            theme.section_title()
        };
    }
    if mark.contains(LMark::MARKER) {
        style = theme.marker();
    }
    if mark.contains(LMark::TARGET) {
        style = style.patch(theme.target());
    }
    style
}

#[allow(clippy::too_many_arguments)]
fn draw_line(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    line: &DLine,
    para: usize,
    styles: &[(Range<usize>, LMark)],
    r: &Report,
    theme: &Theme,
) {
    let Some(l) = &line.line else {
        return;
    };
    let text = &r.doc.text[r.doc.paragraph(para).map_or(0..0, |p| p.content)];
    let segs = layout::segments(
        l,
        text,
        &options(r.detail.cache.options(), line.heading),
        styles,
    );
    let mut x = area.x + line.indent.min(area.width);
    for seg in segs {
        if x >= area.right() {
            break;
        }
        let style = style_of(seg.mark, line.heading, theme);
        let (nx, _) = buf.set_stringn(x, y, &seg.text, (area.right() - x) as usize, style);
        x = nx;
    }
}
