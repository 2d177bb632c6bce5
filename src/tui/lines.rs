//! The detail pane's lines: each paragraph laid out at a width, cached per
//! paragraph, and the maps between byte offsets and display lines.
//!
//! The pane never lays out the whole report: a position is a paragraph and a
//! line inside it ([`Pos`]), and scrolling lays out only the paragraphs it
//! walks through. A paragraph longer than [`PIECE`] bytes (a report with no
//! line breaks) is laid out a piece at a time ([`wrap_in_pieces`]), so the
//! layout's working memory (tens of bytes a character) stays small.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::document::{Document, NodeKind};
use crate::layout::{self, DisplayLine, LayoutOptions};

/// One screen line of the detail pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DLine {
    /// Bytes of the document's text on this line (empty for the blank line
    /// after a paragraph).
    pub range: Range<usize>,
    /// Cells of indentation before the text.
    pub indent: u16,
    /// The layout's line, relative to the paragraph's content (`None` for
    /// the blank line).
    pub line: Option<DisplayLine>,
    /// The paragraph is a heading.
    pub heading: bool,
}

impl DLine {
    fn blank(at: usize) -> DLine {
        DLine {
            range: at..at,
            indent: 0,
            line: None,
            heading: false,
        }
    }
}

/// A display line: a paragraph and a line of its layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Pos {
    pub para: usize,
    pub line: usize,
}

type ParaMap = HashMap<usize, Rc<[DLine]>>;

/// Laid-out paragraphs, for one width at a time.
#[derive(Debug, Default)]
pub struct LineCache {
    inner: RefCell<(u16, ParaMap)>,
    /// The display options (from the config's `display:`).
    opts: LayoutOptions,
}

/// The layout options of the config's `display:` section.
pub fn layout_options(config: &crate::config::Config) -> LayoutOptions {
    LayoutOptions {
        first_line_indent: if config.display.first_line_indent {
            2
        } else {
            0
        },
        fullwidth_punct: config.display.fullwidth_punctuation,
    }
}

/// Paragraphs kept before the cache starts over (bounds memory on huge
/// reports).
const CACHE_MAX: usize = 4096;

impl LineCache {
    /// An empty cache laying out with `opts`.
    pub fn with_options(opts: LayoutOptions) -> LineCache {
        LineCache {
            inner: RefCell::default(),
            opts,
        }
    }

    /// The display options the lines are laid out with.
    pub fn options(&self) -> &LayoutOptions {
        &self.opts
    }

    /// The lines of paragraph `para` at `width`, laid out once.
    pub fn lines(&self, doc: &Document, para: usize, width: u16) -> Rc<[DLine]> {
        let mut inner = self.inner.borrow_mut();
        if inner.0 != width || inner.1.len() >= CACHE_MAX {
            inner.0 = width;
            inner.1.clear();
        }
        inner
            .1
            .entry(para)
            .or_insert_with(|| detail_lines_with(doc, para, width, &self.opts).into())
            .clone()
    }

    /// How many paragraphs are laid out (for tests).
    pub fn cached(&self) -> usize {
        self.inner.borrow().1.len()
    }
}

/// The layout options of a paragraph: headings (theme paragraphs, `#`
/// lines) without first-line indent.
pub fn options(base: &LayoutOptions, heading: bool) -> LayoutOptions {
    if heading {
        LayoutOptions {
            first_line_indent: 0,
            ..*base
        }
    } else {
        *base
    }
}

/// Whether paragraph `para` is a heading (a theme or a Markdown heading).
pub fn is_heading(doc: &Document, para: usize) -> bool {
    let Some(p) = doc.paragraph(para) else {
        return false;
    };
    p.md_heading > 0
        || doc.outline.node_at(p.content.start).is_some_and(|n| {
            doc.outline.kind(n) == NodeKind::Theme && doc.outline.span(n).start <= p.content.start
        })
}

/// Lays out one paragraph for the detail pane with [`crate::layout`]: the
/// paragraph's lines and a blank line after it. The one place that calls
/// the layout module.
pub fn detail_lines(doc: &Document, para: usize, width: u16) -> Vec<DLine> {
    detail_lines_with(doc, para, width, &LayoutOptions::default())
}

/// [`detail_lines`] with the display options of a config.
pub fn detail_lines_with(
    doc: &Document,
    para: usize,
    width: u16,
    opts: &LayoutOptions,
) -> Vec<DLine> {
    let Some(p) = doc.paragraph(para) else {
        return vec![DLine::blank(0)];
    };
    let heading = is_heading(doc, para);
    let base = p.content.start;
    let text = &doc.text[p.content.clone()];
    let mut out: Vec<DLine> = wrap_in_pieces(text, width as usize, &options(opts, heading), PIECE)
        .into_iter()
        .map(|l| DLine {
            range: base + l.range.start..base + l.range.end,
            indent: l.indent as u16,
            heading,
            line: Some(l),
        })
        .collect();
    out.push(DLine::blank(p.content.end));
    out
}

/// A paragraph longer than this many bytes is laid out a piece at a time.
pub const PIECE: usize = 16 * 1024;

/// [`layout::wrap`] of `text`, a piece of about `piece` bytes at a time:
/// each piece's lines but the last are kept, and the next piece starts where
/// that last line started (its end may have been cut by the piece's), so
/// the lines are those of the whole text wherever a line's breaks depend
/// only on the line and what follows it closely, as they do in prose. The
/// layout's working memory is that of a piece.
pub fn wrap_in_pieces(
    text: &str,
    width: usize,
    opts: &LayoutOptions,
    piece: usize,
) -> Vec<DisplayLine> {
    let mut out: Vec<DisplayLine> = Vec::new();
    let mut start = 0;
    loop {
        let mut end = (start + piece).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let last_piece = end + piece / 2 >= text.len();
        let end = if last_piece { text.len() } else { end };
        // Only the paragraph's first line is indented.
        let opts = match start {
            0 => *opts,
            _ => LayoutOptions {
                first_line_indent: 0,
                ..*opts
            },
        };
        let mut lines = layout::wrap(&text[start..end], width, &opts);
        let cut = !last_piece && lines.len() > 1 && lines.last().is_some_and(|l| l.range.start > 0);
        let next = match cut {
            true => lines.pop().map(|l| start + l.range.start),
            false => None,
        };
        out.extend(lines.into_iter().map(|l| DisplayLine {
            range: start + l.range.start..start + l.range.end,
            visible_end: start + l.visible_end,
            ..l
        }));
        match next {
            Some(next) => start = next,
            None if end < text.len() => start = end,
            None => return out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_paragraph_is_laid_out_in_pieces_as_a_whole() {
        let seed = std::str::from_utf8(crate::document::BUNDLED).unwrap();
        // The seed as one long paragraph: prose, numbers, quotes, Latin.
        let text: String = seed.lines().collect::<Vec<_>>().join("");
        for (width, opts) in [
            (80, LayoutOptions::default()),
            (37, LayoutOptions::default()),
            (21, LayoutOptions::PLAIN),
        ] {
            let whole = layout::wrap(&text, width, &opts);
            for piece in [700, 4096] {
                assert_eq!(
                    wrap_in_pieces(&text, width, &opts, piece),
                    whole,
                    "{width} {piece}"
                );
            }
        }
    }

    #[test]
    fn lines_cover_each_paragraph_and_end_blank() {
        let doc = Document::bundled();
        for w in [10u16, 37, 80] {
            for (i, p) in doc.paragraphs().enumerate() {
                let lines = detail_lines(&doc, i, w);
                assert_eq!(lines.first().unwrap().range.start, p.content.start);
                assert!(lines.last().unwrap().line.is_none());
                assert_eq!(lines[lines.len() - 2].range.end, p.content.end);
            }
        }
    }
}
