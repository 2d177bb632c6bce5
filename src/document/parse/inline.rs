//! Stage 5: sub-points that open a sentence inside a paragraph (`一是`,
//! `一要`,
//! `一方面…另一方面`, `一手抓…一手抓`, `首先…其次`, `其一…`).
//!
//! Sub-points divide a node's own paragraph (a section's, a run-in
//! heading's, a point's); in a body paragraph under a node only a point
//! that opens the paragraph counts (`一是…` paragraphs under `一、`), and the
//! paragraph is then that point's own. A list's first point opens a
//! sentence after a full stop (`。！？`): after a colon, a semicolon or a comma
//! it is a clause of the sentence (`…三个转变：一是…；二是…`). A pair or a
//! sequence (`一方面`, `一手抓`, `首先`) opens right after its parent's own
//! title sentence, so that it divides the parent's whole body rather than
//! one topic of it. A sub-point never reaches past its paragraph.
//!
//! Within a paragraph the open points form a stack by style: a marker of a
//! style already open continues that series (its sibling); a first marker
//! of a new style (or a `一是` restarting while a `一是` is open) nests under
//! the innermost open point, as a list inside an item does.

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
    /// Where its title ends, in the paragraph's words: a pair under it
    /// opens right there.
    title_end: usize,
    /// Whether it restarted its style's series under a point of that
    /// style: a list inside an item, which holds no further restart.
    restarted: bool,
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
        // A 要 series must go on: a lone `一要…` is a sentence.
        InlineStyle::Yao => match m.ordinal {
            1 => later("二要").then_some(1),
            n => (n == last + 1).then_some(n),
        },
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

/// Candidate sub-point markers of `content` from byte `from`, at sentence
/// starts, with the character before each (Markdown `*` and opening quotes
/// skipped).
fn candidates(
    content: &str,
    from: usize,
) -> impl Iterator<Item = (usize, InlineMarker, Option<char>)> + '_ {
    let mut prev: Option<char> = content[..from].chars().next_back();
    content[from..].char_indices().filter_map(move |(i, ch)| {
        // Markdown bold marks are invisible to sentences: in
        // `**第一，重点企业。**一方面` the 一方面 opens a sentence.
        if ch == '*' {
            return None;
        }
        let before = prev;
        prev = Some(ch);
        if !before.is_none_or(ends_sentence) {
            return None;
        }
        inline_marker(&content[from + i..]).map(|m| (from + i, m, before))
    })
}

/// Whether a list's first point may follow `prev`: the paragraph's start
/// or a full stop.
fn opens_list(prev: Option<char>) -> bool {
    prev.is_none_or(|c| matches!(c, '。' | '！' | '!' | '？' | '?'))
}

/// Whether only punctuation and spaces lie in `s` (between a title and
/// what follows it).
fn only_punctuation(s: &str) -> bool {
    s.chars().all(|c| {
        is_space(c) || c == '*' || ends_sentence(c) || matches!(c, ',' | '，' | '、' | '.' | '．')
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
    /// Whether it is the block's own paragraph (else a body paragraph under
    /// it, where only a leading point counts).
    pub own: bool,
    /// Where in `content` the block's title sentence ends, so where a pair
    /// under the block may open (`None`: nowhere in this paragraph).
    pub anchor: Option<usize>,
    /// Where a pair's second half may still be found.
    pub region_end: usize,
}

/// Where a candidate marker goes.
enum Placement {
    /// A point: how many open points stay open, its parent, its ordinal.
    Point(usize, NodeId, u32),
    /// Not a point.
    Skip,
    /// A list opening after a colon: a clause, and so are its other items,
    /// to the end of the sentence.
    Clause,
}

/// Decides where the candidate `m` at byte `i` of the paragraph `s` goes,
/// `prev` being the character before it.
fn place(
    b: &Builder,
    open: &[OpenPoint],
    block: NodeId,
    at: &Scan,
    (i, m, prev): (usize, &InlineMarker, Option<char>),
) -> Placement {
    let s = &b.text[at.content.clone()];
    let pos = at.content.start + i;
    // A sibling of an open point of its style…
    let same = open.iter().rposition(|o| o.style == m.style);
    if let Some(k) = same {
        let parent = open[k].parent;
        if let Some(n) = accept(b, Some(parent), m, pos, at.region_end).filter(|&n| n > 1) {
            return Placement::Point(k, parent, n);
        }
        // …or a list restarting inside one (once: lists nest one deep).
        if m.ordinal != 1 || open[k].restarted {
            return Placement::Skip;
        }
    }
    // …else a child of the innermost open point (or of the block).
    let (parent, anchor) = open
        .last()
        .map_or((block, at.anchor), |o| (o.id, Some(o.title_end)));
    let last = b.series.get(&(Some(parent), m.style)).copied().unwrap_or(0);
    let opening = m.ordinal == 1 && !(m.style == InlineStyle::Grasp && last == 1);
    if opening {
        if !opens_list(prev) {
            return Placement::Clause;
        }
        let pair = matches!(
            m.style,
            InlineStyle::OneHand | InlineStyle::Grasp | InlineStyle::Sequence
        );
        if pair && !anchor.is_some_and(|a| a <= i && only_punctuation(&s[a..i])) {
            return Placement::Skip;
        }
    }
    match accept(b, Some(parent), m, pos, at.region_end) {
        Some(n) => Placement::Point(open.len(), parent, n),
        None => Placement::Skip,
    }
}

/// Adds the sub-points of one paragraph under `block`.
pub fn scan(b: &mut Builder, at: Scan, block: NodeId) {
    let text = b.text;
    let c0 = at.content.start;
    let s = &text[at.content.clone()];
    let mut open: Vec<OpenPoint> = Vec::new();
    let mut skip_to = at.from;
    for (i, m, prev) in candidates(s, at.from) {
        if i < skip_to {
            continue;
        }
        if !at.own && open.is_empty() && i != 0 {
            break;
        }
        let (keep, parent, ordinal) = match place(b, &open, block, &at, (i, &m, prev)) {
            Placement::Point(keep, parent, n) => (keep, parent, n),
            Placement::Skip => continue,
            Placement::Clause => {
                skip_to = s[i..]
                    .find(['。', '！', '!', '？', '?'])
                    .map_or(s.len(), |k| i + k);
                continue;
            }
        };
        // In a restarted list: a child while a point of its style is open,
        // or a sibling of such a child.
        let restarted = match open.get(keep) {
            Some(sibling) => sibling.restarted,
            None => open.iter().any(|o| o.style == m.style),
        };
        let start = c0 + i;
        if !b.room(start) {
            // Past the tree's budget: text of the open point, but its
            // number counts in the series.
            b.series.insert((Some(parent), m.style), ordinal);
            skip_to = i + m.len;
            continue;
        }
        close_points(b, &mut open, keep, start);
        let t0 = skip_separators(s, i + m.len);
        let t_end = title_end(s, t0).max(t0);
        let id = b.add(
            NodeKind::Point,
            Some(start..start + m.len),
            c0 + t0..c0 + t_end,
            start,
            Some(parent),
        );
        b.series.insert((Some(parent), m.style), ordinal);
        open.push(OpenPoint {
            id,
            parent,
            style: m.style,
            title_end: t_end,
            restarted,
        });
        skip_to = i + m.len;
    }
    close_points(b, &mut open, 0, at.end);
}

/// Closes open points until `keep` remain, at `end`.
fn close_points(b: &mut Builder, open: &mut Vec<OpenPoint>, keep: usize, end: usize) {
    while open.len() > keep {
        if let Some(o) = open.pop() {
            b.outline.set_end(o.id, end);
            // A title never runs into the next point (`一手抓：一手抓`).
            let title = b.outline.title(o.id);
            let title_end = title.end.min(end);
            if title_end < title.end {
                b.outline
                    .set_title(o.id, title.start.min(title_end)..title_end);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::{Decoding, Document};

    fn render(text: &str) -> Vec<(usize, String, String)> {
        let doc = Document::from_text("t", text.to_string(), Decoding::default());
        (0..doc.outline.len())
            .map(|id| {
                (
                    doc.outline.depth(id),
                    doc.node_marker(id).unwrap_or("").to_string(),
                    doc.node_title(id).to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_yao_series_divides_a_heading_like_a_shi_series() {
        let r = render("一、任务\n1.着力创新。一要建设高地。二要集聚人才。\n2.着力改革。");
        let points: Vec<_> = r.iter().filter(|(_, m, _)| m.ends_with('要')).collect();
        assert_eq!(points.len(), 2, "{r:?}");
        assert_eq!((points[0].0, points[0].2.as_str()), (2, "建设高地"));
        assert_eq!(
            (points[1].1.as_str(), points[1].2.as_str()),
            ("二要", "集聚人才")
        );
        // A lone 一要 is a sentence; after a colon the list is a clause.
        for text in [
            "一、任务\n1.着力创新。一要建设高地。\n2.着力改革。",
            "一、任务\n1.着力创新。两项要求：一要建设高地；二要集聚人才。",
        ] {
            let r = render(text);
            assert!(r.iter().all(|(_, m, _)| !m.ends_with('要')), "{r:?}");
        }
    }
}
