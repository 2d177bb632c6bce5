//! The detail pane's lines: each paragraph laid out at a width, cached per
//! paragraph, and the maps between byte offsets and display lines.
//!
//! The pane never lays out the whole report: a position is a paragraph and a
//! line inside it ([`Pos`]), and scrolling lays out only the paragraphs it
//! walks through.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use crate::document::{Document, NodeKind};

use super::text::char_width;

/// One screen line of the detail pane.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DLine {
    /// Bytes of the document's text on this line (empty for the blank line
    /// after a paragraph).
    pub range: Range<usize>,
    /// Cells of indentation before the text.
    pub indent: u16,
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
}

/// Paragraphs kept before the cache starts over (bounds memory on huge
/// reports).
const CACHE_MAX: usize = 4096;

impl LineCache {
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
            .or_insert_with(|| detail_lines(doc, para, width).into())
            .clone()
    }

    /// How many paragraphs are laid out (for tests).
    pub fn cached(&self) -> usize {
        self.inner.borrow().1.len()
    }
}

/// Characters that may not start a line (clreq "basic" set plus ASCII).
fn no_start(c: char) -> bool {
    "，。、：；！？）》」』】〕〉〗”’·・…—～％%,.:;!?)]}".contains(c)
}

/// Characters that may not end a line.
fn no_end(c: char) -> bool {
    "（《「『【〔〈〖“‘([{".contains(c)
}

fn word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Lays out one paragraph for the detail pane: the paragraph's lines and a
/// blank line after it. This is the one function to swap for the layout
/// module.
pub fn detail_lines(doc: &Document, para: usize, width: u16) -> Vec<DLine> {
    let Some(p) = doc.paragraphs.get(para) else {
        return vec![DLine {
            range: 0..0,
            indent: 0,
        }];
    };
    let heading = p.md_heading > 0
        || doc
            .outline
            .node_at(p.content.start)
            .map(|n| {
                let node = &doc.outline.nodes[n];
                node.kind == NodeKind::Theme && node.span.start <= p.content.start
            })
            .unwrap_or(false);
    let first_indent = if heading || width < 24 { 0 } else { 4 };
    let mut out = wrap(&doc.text, p.content.clone(), width as usize, first_indent);
    out.push(DLine {
        range: p.content.end..p.content.end,
        indent: 0,
    });
    out
}

/// Greedy line filling by display width; a line never starts with a
/// closing mark nor ends with an opening one, and ASCII words stay whole.
pub fn wrap(text: &str, range: Range<usize>, width: usize, first_indent: u16) -> Vec<DLine> {
    let cs: Vec<(usize, char, usize)> = text[range.clone()]
        .char_indices()
        .map(|(i, c)| (range.start + i, c, char_width(c)))
        .collect();
    let mut out = Vec::new();
    let mut indent = first_indent;
    let mut i = 0;
    while i < cs.len() {
        let avail = width.saturating_sub(indent as usize).max(1);
        let mut j = i;
        let mut w = 0;
        while j < cs.len() && (w + cs[j].2 <= avail || j == i) {
            w += cs[j].2;
            j += 1;
        }
        if j < cs.len() {
            let bad = |k: usize| {
                no_start(cs[k].1)
                    || no_end(cs[k - 1].1)
                    || (word_char(cs[k].1) && word_char(cs[k - 1].1))
                    || (cs[k].1 == '.' && cs[k - 1].1.is_ascii_digit())
            };
            let mut k = j;
            while k > i + 1 && bad(k) {
                k -= 1;
            }
            if !bad(k) {
                j = k;
            }
        }
        let end = cs.get(j).map(|c| c.0).unwrap_or(range.end);
        out.push(DLine {
            range: cs[i].0..end,
            indent,
        });
        indent = 0;
        i = j;
    }
    if out.is_empty() {
        out.push(DLine {
            range: range.start..range.start,
            indent: 0,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(s: &str, w: usize) -> Vec<&str> {
        wrap(s, 0..s.len(), w, 0)
            .into_iter()
            .map(|l| &s[l.range])
            .collect()
    }

    #[test]
    fn no_line_starts_with_closing_punctuation() {
        let s = "重点行业稳定支撑，工业、服务业。";
        for w in 4..20 {
            for l in lines(s, w).iter().skip(1) {
                assert!(!no_start(l.chars().next().unwrap()), "{w}: {l}");
            }
        }
    }

    #[test]
    fn words_stay_whole() {
        assert_eq!(lines("超过80%的比重", 6), vec!["超过", "80%的", "比重"]);
    }

    #[test]
    fn width_one_progresses() {
        assert_eq!(lines("重点", 1), vec!["重", "点"]);
    }
}
