//! Stage 5: sub-points that open a sentence inside a paragraph (`一是`,
//! `一方面…另一方面`, `一手抓…一手抓`, `首先…其次`, `其一…`).
//!
//! A sub-point never reaches past its paragraph. Within a paragraph the
//! open points form a stack by style: a marker of a style already open
//! continues that series (its sibling), a first marker of a new style (or
//! a `一是` restarting while a `一是` is open) nests under the innermost open
//! point, as a list inside an item does.

use std::ops::Range;

use super::super::markers::{
    InlineMarker, InlineStyle, ends_sentence, inline_marker, skip_separators, title_end,
};
use super::super::outline::{NodeId, NodeKind};
use super::super::paragraphs::is_space;
use super::tree::Builder;

/// An open sub-point.
struct OpenPoint {
    id: NodeId,
    parent: NodeId,
    style: InlineStyle,
}

/// Finds `needle` in `text[from..to]` at a sentence start.
fn found_at_sentence_start(text: &str, from: usize, to: usize, needle: &str) -> bool {
    text[from..to].match_indices(needle).any(|(i, _)| {
        let before = text[..from + i].trim_end_matches(['*', '“', '"']);
        match before.chars().next_back() {
            None => true,
            Some(c) => ends_sentence(c) || c == '\n' || c == '\r' || is_space(c),
        }
    })
}

/// The ordinal of an inline marker if it is a real sub-point under
/// `parent`: series run in order, pairs must close before `region_end`.
pub fn accept(
    b: &Builder,
    parent: Option<NodeId>,
    m: &InlineMarker,
    at: usize,
    region_end: usize,
) -> Option<u32> {
    let last = b.series.get(&(parent, m.style)).copied().unwrap_or(0);
    let after = at + m.len;
    let later = |needle: &str| {
        after <= region_end && found_at_sentence_start(b.text, after, region_end, needle)
    };
    match m.style {
        InlineStyle::Shi | InlineStyle::Qi => {
            (m.ordinal == 1 || m.ordinal == last + 1).then_some(m.ordinal)
        }
        InlineStyle::OneHand => match m.ordinal {
            1 => later("另一方面").then_some(1),
            _ => (last == 1).then_some(2),
        },
        InlineStyle::Grasp => {
            if last == 1 {
                Some(2)
            } else {
                later("一手抓").then_some(1)
            }
        }
        InlineStyle::Sequence => match m.ordinal {
            1 => (later("其次") || later("再次") || later("最后")).then_some(1),
            n => (last >= 1 && n > last && (n == last + 1 || n == 4)).then_some(n),
        },
    }
}

/// Candidate sub-point markers of `content` from byte `from`: at a
/// sentence start, or (for the opening half of a pair) after a comma.
fn candidates(content: &str, from: usize) -> impl Iterator<Item = (usize, InlineMarker)> + '_ {
    let mut prev: Option<char> = content[..from].chars().next_back();
    content[from..].char_indices().filter_map(move |(i, ch)| {
        // Markdown bold marks are invisible to sentences: in
        // `**第一，重点企业。**一方面` the 一方面 opens a sentence.
        if ch == '*' {
            return None;
        }
        let at_sentence = prev.is_none_or(ends_sentence);
        let after_comma = matches!(prev, Some(',' | '，'));
        prev = Some(ch);
        if !(at_sentence || after_comma) {
            return None;
        }
        inline_marker(&content[from + i..], !at_sentence).map(|m| (from + i, m))
    })
}

/// Where a paragraph's sub-points are looked for.
pub struct Scan {
    /// The paragraph's words.
    pub content: Range<usize>,
    /// Its end, closing marks included: the last point ends there.
    pub end: usize,
    /// Where in `content` (bytes from its start) points may start.
    pub from: usize,
    /// Where a pair's second half may still be found.
    pub region_end: usize,
}

/// Adds the sub-points of one paragraph under `block`.
pub fn scan(b: &mut Builder, at: Scan, block: NodeId) {
    let Scan {
        content,
        end,
        from,
        region_end,
    } = at;
    let text = b.text;
    let c0 = content.start;
    let s = &text[content.clone()];
    let mut open: Vec<OpenPoint> = Vec::new();
    let mut skip_to = from;
    for (i, m) in candidates(s, from) {
        if i < skip_to {
            continue;
        }
        let same = open.iter().rposition(|o| o.style == m.style);
        // A sibling of an open point of its style, else a child of the
        // innermost open point (or of the block).
        let sibling = same.and_then(|k| {
            let parent = open[k].parent;
            let n = accept(b, Some(parent), &m, c0 + i, region_end)?;
            (n > 1).then_some((k, parent, n))
        });
        let (keep, parent, ordinal) = match sibling {
            Some((k, parent, n)) => (k, parent, n),
            None => {
                let parent = open.last().map_or(block, |o| o.id);
                match accept(b, Some(parent), &m, c0 + i, region_end) {
                    Some(n) if same.is_none() || n == 1 => (open.len(), parent, n),
                    _ => continue,
                }
            }
        };
        let start = c0 + i;
        close_points(b, &mut open, keep, start);
        let t0 = skip_separators(s, i + m.len);
        let title = c0 + t0..c0 + title_end(s, t0).max(t0);
        let id = b.add(
            NodeKind::Point,
            Some(start..start + m.len),
            title,
            start,
            Some(parent),
        );
        b.series.insert((Some(parent), m.style), ordinal);
        open.push(OpenPoint {
            id,
            parent,
            style: m.style,
        });
        skip_to = i + m.len;
    }
    close_points(b, &mut open, 0, end);
}

/// Closes open points until `keep` remain, at `end`.
fn close_points(b: &mut Builder, open: &mut Vec<OpenPoint>, keep: usize, end: usize) {
    while open.len() > keep {
        if let Some(o) = open.pop() {
            let n = &mut b.nodes[o.id];
            n.span.end = end;
            // A title never runs into the next point (`一手抓：一手抓`).
            n.title.end = n.title.end.min(end);
            n.title.start = n.title.start.min(n.title.end);
        }
    }
}
