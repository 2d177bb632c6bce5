//! Styling a laid-out line, and mapping between screen columns and source offsets.
//!
//! Styles are byte ranges of the source tagged with a [`Mark`] (a small bitmask, no terminal
//! types). A cluster gets the union of the marks of every range it overlaps; an empty range
//! marks the cluster containing its position. A range crossing a line break is split by the
//! lines naturally: each line only looks at its own clusters.

use std::ops::{BitAnd, BitOr, BitOrAssign, Range};

use super::wrap::display_clusters;
use super::{DisplayLine, LayoutOptions};

/// What a piece of text is, for styling. Combine with `|`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Mark(pub u8);

impl Mark {
    /// Nothing special.
    pub const NONE: Mark = Mark(0);
    /// The marker of a heading (`第一，`, `一、`).
    pub const MARKER: Mark = Mark(1);
    /// A heading's title.
    pub const TITLE: Mark = Mark(1 << 1);
    /// A search hit.
    pub const HIT: Mark = Mark(1 << 2);
    /// The current search hit.
    pub const CURRENT_HIT: Mark = Mark(1 << 3);
    /// A target (a number, a deadline...).
    pub const TARGET: Mark = Mark(1 << 4);
    /// The selected target.
    pub const SELECTED_TARGET: Mark = Mark(1 << 5);

    /// Does `self` have every flag of `other`?
    pub fn contains(self, other: Mark) -> bool {
        self.0 & other.0 == other.0
    }

    /// No flag set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl BitOr for Mark {
    type Output = Mark;
    fn bitor(self, rhs: Mark) -> Mark {
        Mark(self.0 | rhs.0)
    }
}

impl BitOrAssign for Mark {
    fn bitor_assign(&mut self, rhs: Mark) {
        self.0 |= rhs.0;
    }
}

impl BitAnd for Mark {
    type Output = Mark;
    fn bitand(self, rhs: Mark) -> Mark {
        Mark(self.0 & rhs.0)
    }
}

/// A run of displayed text with one mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// What to draw (display forms: full-width punctuation, placeholders).
    pub text: String,
    /// The source bytes it shows.
    pub range: Range<usize>,
    /// Its mark.
    pub mark: Mark,
    /// Its width in cells.
    pub width: usize,
}

fn overlaps(style: &Range<usize>, cluster: &Range<usize>) -> bool {
    if style.start == style.end {
        cluster.start <= style.start && style.start < cluster.end
    } else {
        style.start < cluster.end && cluster.start < style.end
    }
}

/// The displayed segments of `line` (from [`wrap`](super::wrap) on the same `text` and `opts`),
/// split wherever the mark changes. `styles` are byte ranges of `text`, in any order. The indent
/// is not a segment: draw `line.indent` blank cells first.
pub fn segments(
    line: &DisplayLine,
    text: &str,
    opts: &LayoutOptions,
    styles: &[(Range<usize>, Mark)],
) -> Vec<Segment> {
    let vis = line.visible();
    let here: Vec<&(Range<usize>, Mark)> = styles
        .iter()
        .filter(|(r, _)| {
            (r.start < vis.end && vis.start < r.end)
                || (r.start == r.end && vis.start <= r.start && r.start < vis.end)
        })
        .collect();
    let mut out: Vec<Segment> = Vec::new();
    for (range, d, w) in display_clusters(text, vis, opts) {
        let mark = here
            .iter()
            .filter(|(r, _)| overlaps(r, &range))
            .fold(Mark::NONE, |m, (_, s)| m | *s);
        match out.last_mut() {
            Some(seg) if seg.mark == mark => {
                seg.text.push_str(&d);
                seg.range.end = range.end;
                seg.width += w;
            }
            _ => out.push(Segment {
                text: d.into_owned(),
                range,
                mark,
                width: w,
            }),
        }
    }
    out
}

/// The source offset shown at screen column `col` of `line` (0 = the line's first column,
/// indent included). Both cells of a wide character give its start; the indent gives the line's
/// start; a column past the text gives `line.visible_end`.
pub fn column_to_offset(line: &DisplayLine, text: &str, opts: &LayoutOptions, col: usize) -> usize {
    if col < line.indent {
        return line.range.start;
    }
    let mut x = line.indent;
    for (range, _, w) in display_clusters(text, line.visible(), opts) {
        if col < x + w {
            return range.start;
        }
        x += w;
    }
    line.visible_end
}

/// The screen column (indent included) where source offset `offset` is shown on `line`, or
/// `None` if the offset is not on this line (the end of the text counts as on the last line). An offset inside a cluster gives the cluster's
/// column; an offset in the hidden tail (hung spaces, newline) gives the column after the text.
pub fn offset_to_column(
    line: &DisplayLine,
    text: &str,
    opts: &LayoutOptions,
    offset: usize,
) -> Option<usize> {
    let at_text_end = offset == text.len() && offset == line.range.end;
    if offset < line.range.start || (offset >= line.range.end && !at_text_end) {
        return None;
    }
    if offset >= line.visible_end {
        return Some(line.total_width());
    }
    let mut x = line.indent;
    for (range, _, w) in display_clusters(text, line.visible(), opts) {
        if offset < range.end {
            return Some(x);
        }
        x += w;
    }
    Some(line.total_width())
}
