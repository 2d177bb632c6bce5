//! Chinese text layout in a grid of terminal cells.
//!
//! gangmu lays its text out itself instead of using ratatui's `Wrap`, which knows no Chinese
//! line-breaking rules (lines start with `，` `、` `”`) and can panic at small widths.
//!
//! The engine is terminal-free: [`wrap`] turns a paragraph into [`DisplayLine`]s (byte ranges of
//! the source, indent and width in cells); [`segments`] turns one line plus styled byte ranges
//! into display strings tagged with a [`Mark`]; [`column_to_offset`] and [`offset_to_column`]
//! map screen columns and source offsets both ways; [`LayoutCache`] keeps the lines of a
//! paragraph per (paragraph id, width, options). Only [`ratatui_edge`] knows ratatui.
//!
//! Rules (details in [`rules`]): widths are `unicode-width` widths of grapheme clusters, measured
//! on the display forms ([`LayoutOptions::fullwidth_punct`] makes `,` two cells wide); breaks are
//! UAX #14 opportunities minus the W3C clreq "basic" prohibitions; no line is wider than the
//! width, except a single cluster wider than the whole line (a wide character at width 1), which
//! then sits alone on its line; nothing is ever dropped. Latin words are cut only when longer
//! than a line. Control and bidirectional characters display as placeholders (see
//! `cluster.rs`).
//!
//! Paragraph texts are not expected to contain newlines; if one does, `\n` (or `\r\n`) is a
//! forced line break inside the paragraph: it belongs to the end of its line's range, displays
//! nothing, and the next line has no indent. A text ending in a newline ends with an empty line.

mod cache;
mod cluster;
pub mod ratatui_edge;
pub mod rules;
pub mod safe;
mod style;
mod wrap;

use std::ops::Range;

pub use cache::LayoutCache;
pub use style::{Mark, Segment, column_to_offset, offset_to_column, segments};
pub use wrap::wrap;

/// One line of text (a tree label, a breadcrumb, a sidebar entry) in the
/// display forms the detail pane uses: full-width punctuation next to Han
/// characters when the options say so, and terminal-safe stand-ins for
/// control characters (a newline shows as `␊`). Display only.
pub fn display_line(s: &str, opts: &LayoutOptions) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let clusters: Vec<&str> = s.graphemes(true).collect();
    let mut out = String::with_capacity(s.len());
    for (i, g) in clusters.iter().enumerate() {
        if matches!(*g, "\n" | "\r\n") {
            out.push('\u{240A}');
            continue;
        }
        let prev = i.checked_sub(1).map(|j| clusters[j]);
        let next = clusters.get(i + 1).copied();
        out.push_str(&cluster::display_form(g, prev, next, opts));
    }
    out
}

/// How to lay a text out. `Default` is the detail pane's choice: indent and full-width
/// punctuation on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Cells of indent on the first line (2 = one full-width character). Dropped when the width
    /// leaves less than two cells beside it.
    pub first_line_indent: u8,
    /// Show ASCII `, ; : ? ! ( )` next to CJK text as `，；：？！（）` (display only: source,
    /// offsets and search are unchanged).
    pub fullwidth_punct: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            first_line_indent: 2,
            fullwidth_punct: true,
        }
    }
}

impl LayoutOptions {
    /// No indent, no punctuation mapping: the text as it is.
    pub const PLAIN: Self = Self {
        first_line_indent: 0,
        fullwidth_punct: false,
    };

    /// The first-line indent in force at `width`.
    pub fn effective_indent(&self, width: usize) -> usize {
        let indent = usize::from(self.first_line_indent);
        if width >= indent + 2 { indent } else { 0 }
    }
}

/// One line on screen.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DisplayLine {
    /// Source bytes of this line, relative to the text given to [`wrap`] (add the paragraph's
    /// base offset to get document offsets). Lines' ranges are in order and cover the text.
    pub range: Range<usize>,
    /// End of the displayed part of `range`: hung trailing spaces and a newline are in `range`
    /// but after `visible_end`.
    pub visible_end: usize,
    /// Cells of blank indent before the text.
    pub indent: usize,
    /// Cells taken by the displayed text (without the indent).
    pub width: usize,
}

impl DisplayLine {
    /// Indent plus text width: the columns this line covers.
    pub fn total_width(&self) -> usize {
        self.indent + self.width
    }

    /// The displayed part of the source range.
    pub fn visible(&self) -> Range<usize> {
        self.range.start..self.visible_end
    }
}

#[cfg(test)]
mod tests;
