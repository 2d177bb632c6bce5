//! The one place the layout meets ratatui: segments to a `Line`.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::{DisplayLine, LayoutOptions, Mark, Segment, segments};

/// A ratatui `Line` from a line's segments: the indent as blank cells, then one span per
/// segment styled by `style_of`. Render it without `Wrap`.
pub fn to_line(
    line: &DisplayLine,
    segs: &[Segment],
    style_of: impl Fn(Mark) -> Style,
) -> Line<'static> {
    let mut spans = Vec::with_capacity(segs.len() + 1);
    if line.indent > 0 {
        spans.push(Span::raw(" ".repeat(line.indent)));
    }
    spans.extend(
        segs.iter()
            .map(|s| Span::styled(s.text.clone(), style_of(s.mark))),
    );
    Line::from(spans)
}

/// [`segments`] then [`to_line`].
pub fn render_line(
    line: &DisplayLine,
    text: &str,
    opts: &LayoutOptions,
    styles: &[(Range<usize>, Mark)],
    style_of: impl Fn(Mark) -> Style,
) -> Line<'static> {
    to_line(line, &segments(line, text, opts, styles), style_of)
}
