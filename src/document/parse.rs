//! Building the outline from paragraphs.
//!
//! One pass over the paragraphs keeps a stack of open blocks (themes,
//! sections, formal headings), ordered by rank. A paragraph-opening marker is
//! accepted only if it continues the series of a sibling (`二` right after
//! `一`) or starts a new one with `一` under a new parent; anything else is
//! plain text. Inside each paragraph a second scan finds sentence-opening
//! sub-points (`一是`, `一方面…另一方面`, `一手抓…一手抓`, `首先…其次`,
//! `其一…`), which never reach past their paragraph.

use std::collections::HashMap;
use std::ops::Range;

use super::markers::{
    BlockMarker, BlockStyle, InlineMarker, InlineStyle, THEME_RANK, block_marker, bullet,
    ends_sentence, inline_marker, title_end,
};
use super::outline::{Node, NodeId, NodeKind, Outline};
use super::paragraphs::{Paragraph, is_space};

/// Rank of top-level-only nodes (preamble, contents, closing, paragraph):
/// any block closes them.
const TOP_RANK: u8 = 0;
const BULLET_RANK: u8 = 19;
const POINT_RANK: u8 = 20;
const PAIR_RANK: u8 = 21;

/// Paragraph openings that mark the closing remarks of a speech.
const CLOSING_CUES: [&str; 6] = ["另外", "此外", "总之", "同志们", "最后,", "最后，"];

struct Open {
    id: NodeId,
    rank: u8,
    style: Option<BlockStyle>,
    ordinal: u32,
}

struct Builder<'a> {
    text: &'a str,
    nodes: Vec<Node>,
    roots: Vec<NodeId>,
    stack: Vec<Open>,
    /// Last accepted ordinal of each inline series, per parent.
    series: HashMap<(NodeId, InlineStyle), u32>,
}

impl<'a> Builder<'a> {
    fn add(
        &mut self,
        kind: NodeKind,
        marker: Option<Range<usize>>,
        title: Range<usize>,
        start: usize,
        parent: Option<NodeId>,
    ) -> NodeId {
        let id = self.nodes.len();
        let depth = parent.map_or(0, |p| self.nodes[p].depth + 1);
        self.nodes.push(Node {
            kind,
            marker,
            title,
            span: start..start,
            parent,
            children: Vec::new(),
            depth,
            last_descendant: id,
        });
        match parent {
            Some(p) => self.nodes[p].children.push(id),
            None => self.roots.push(id),
        }
        id
    }

    /// End offset for nodes closed by something starting at `next`: the
    /// last non-whitespace byte before it.
    fn end_before(&self, next: usize) -> usize {
        self.text[..next].trim_end_matches(is_space).len()
    }

    /// Closes open blocks until the stack has `keep` entries.
    fn close_to(&mut self, keep: usize, end: usize) {
        while self.stack.len() > keep {
            let open = self.stack.pop().expect("stack longer than keep");
            self.nodes[open.id].span.end = end;
        }
    }

    /// Closes blocks of rank `rank` or more, and top-level-only blocks.
    fn close_rank(&mut self, rank: u8, end: usize) {
        let keep = self
            .stack
            .iter()
            .position(|o| o.rank >= rank || o.rank == TOP_RANK)
            .unwrap_or(self.stack.len());
        self.close_to(keep, end);
    }

    fn top(&self) -> Option<NodeId> {
        self.stack.last().map(|o| o.id)
    }

    fn push_block(
        &mut self,
        kind: NodeKind,
        rank: u8,
        series: Option<(BlockStyle, u32)>,
        marker: Option<Range<usize>>,
        title: Range<usize>,
        start: usize,
    ) -> NodeId {
        let (style, ordinal) = series.map_or((None, 0), |(s, n)| (Some(s), n));
        let parent = self.top();
        let id = self.add(kind, marker, title, start, parent);
        self.stack.push(Open {
            id,
            rank,
            style,
            ordinal,
        });
        id
    }

    /// Whether a block marker is valid here, and how many stack entries
    /// stay open if it is.
    fn accept_block(&self, m: &BlockMarker) -> Option<usize> {
        match self.stack.iter().rposition(|o| o.style == Some(m.style)) {
            Some(pos) => (self.stack[pos].ordinal + 1 == m.ordinal).then_some(pos),
            None => {
                let rank = m.style.rank();
                (m.ordinal == 1).then(|| {
                    self.stack
                        .iter()
                        .position(|o| o.rank >= rank || o.rank == TOP_RANK)
                        .unwrap_or(self.stack.len())
                })
            }
        }
    }
}

/// First sentence of `r` (for themes, preambles, closings), as a range.
fn first_sentence(text: &str, r: &Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let end = title_end(s, 0);
    if end == 0 {
        r.clone()
    } else {
        r.start..r.start + end
    }
}

fn is_contents_heading(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !is_space(*c)).collect();
    t == "目录"
}

/// A table-of-contents line without page numbers or dot leaders.
fn toc_key(s: &str) -> String {
    s.trim_end_matches(|c: char| {
        c.is_ascii_digit() || is_space(c) || matches!(c, '.' | '…' | '·' | '-' | '—')
    })
    .chars()
    .filter(|c| !is_space(*c))
    .collect()
}

/// How many paragraphs after `start` (a `目录` line) form the table of
/// contents: heading-only lines, up to the first one that repeats an entry.
fn contents_len(text: &str, paras: &[Paragraph], start: usize) -> usize {
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    for p in &paras[start + 1..] {
        let s = &text[p.content.clone()];
        let key = toc_key(s);
        if s.chars().count() > 60 || s.contains('。') || key.is_empty() || !seen.insert(key) {
            break;
        }
        n += 1;
    }
    n
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

/// A close upper estimate of the node count, so the node vector is
/// allocated once: a 13 MB report would otherwise hold two copies of it
/// while growing. Paragraphs plus the sentence-opening markers a quick
/// substring count finds.
fn estimate_nodes(text: &str, paragraphs: usize) -> usize {
    let count = |needle: &str| memchr::memmem::find_iter(text.as_bytes(), needle).count();
    let shi = memchr::memmem::find_iter(text.as_bytes(), "是")
        .filter(|&i| {
            text[..i]
                .chars()
                .next_back()
                .and_then(super::numerals::cn_digit)
                .is_some()
        })
        .count();
    // Pairs are common in speeches; 一手抓, 首先… are rare enough to grow
    // into the slack.
    paragraphs + shi + count("方面") + paragraphs / 8 + 8
}

/// The outline of `text`, given its paragraphs.
pub fn build(text: &str, paras: &[Paragraph]) -> Outline {
    let mut b = Builder {
        text,
        nodes: Vec::with_capacity(estimate_nodes(text, paras.len())),
        roots: Vec::new(),
        stack: Vec::new(),
        series: HashMap::new(),
    };
    let markers: Vec<Option<BlockMarker>> = paras
        .iter()
        .map(|p| block_marker(&text[p.content.clone()]))
        .collect();
    let structured = markers.iter().any(Option::is_some);
    // Index of the first paragraph at or after i that opens a block.
    let mut next_block = vec![paras.len(); paras.len() + 1];
    for i in (0..paras.len()).rev() {
        next_block[i] = if markers[i].is_some() {
            i
        } else {
            next_block[i + 1]
        };
    }
    let is_theme = |i: usize| {
        markers[i].is_none()
            && bullet(&text[paras[i].content.clone()]).is_none()
            && markers
                .get(i + 1)
                .copied()
                .flatten()
                .is_some_and(|m| m.style == BlockStyle::Di && m.ordinal == 1)
    };

    let mut i = 0;
    while i < paras.len() {
        let p = &paras[i];
        let content = &text[p.content.clone()];
        let end_prev = b.end_before(p.span.start);
        let mut scan_from = 0; // where sentence-opening markers may start, in content
        let mut inline_parent = None;

        if b.nodes.is_empty() && is_contents_heading(content) {
            let n = contents_len(text, paras, i);
            if n > 0 {
                b.push_block(
                    NodeKind::Contents,
                    TOP_RANK,
                    None,
                    None,
                    p.content.clone(),
                    p.span.start,
                );
                i += n + 1;
                continue;
            }
        }

        let accepted = markers[i].and_then(|m| b.accept_block(&m).map(|keep| (m, keep)));
        if let Some((m, keep)) = accepted {
            b.close_to(keep, end_prev);
            let c0 = p.content.start;
            let title =
                c0 + m.title_start..c0 + title_end(content, m.title_start).max(m.title_start);
            let kind = if m.style == BlockStyle::Di {
                NodeKind::Section
            } else {
                NodeKind::Heading
            };
            b.push_block(
                kind,
                m.style.rank(),
                Some((m.style, m.ordinal)),
                Some(c0..c0 + m.len),
                title.clone(),
                p.span.start,
            );
            scan_from = title.end - c0;
        } else if is_theme(i) {
            b.close_rank(THEME_RANK, end_prev);
            b.push_block(
                NodeKind::Theme,
                THEME_RANK,
                None,
                None,
                first_sentence(text, &p.content),
                p.span.start,
            );
        } else if let Some(len) = bullet(content) {
            let c0 = p.content.start;
            let t0 = c0 + len;
            let title = t0..t0 + title_end(&text[t0..p.content.end], 0);
            let parent = b.top();
            let id = b.add(NodeKind::Bullet, Some(c0..t0), title, p.span.start, parent);
            b.nodes[id].span.end = p.span.end;
            inline_parent = Some((id, BULLET_RANK));
            scan_from = len;
        } else if b.stack.is_empty()
            || !structured
            || b.stack
                .last()
                .is_some_and(|o| o.rank == TOP_RANK && b.nodes[o.id].kind == NodeKind::Paragraph)
        {
            b.close_to(0, end_prev);
            let kind = if structured {
                NodeKind::Preamble
            } else {
                NodeKind::Paragraph
            };
            b.push_block(
                kind,
                TOP_RANK,
                None,
                None,
                first_sentence(text, &p.content),
                p.span.start,
            );
        } else if next_block[i] == paras.len()
            && CLOSING_CUES.iter().any(|c| content.starts_with(c))
            && b.stack
                .iter()
                .any(|o| matches!(b.nodes[o.id].kind, NodeKind::Section | NodeKind::Theme))
        {
            b.close_to(0, end_prev);
            b.push_block(
                NodeKind::Closing,
                TOP_RANK,
                None,
                None,
                first_sentence(text, &p.content),
                p.span.start,
            );
        }
        scan_inline(
            &mut b,
            p,
            scan_from,
            inline_parent,
            &next_block[i + 1..],
            paras,
        );
        i += 1;
    }
    let end = text.trim_end_matches(is_space).len();
    b.close_to(0, end);
    // Top-level nodes reach to the next one, so markup lines between them
    // (`---`, a lone `>`) belong to the node before.
    for k in 0..b.roots.len() {
        let next = b
            .roots
            .get(k + 1)
            .map_or(end, |&r| b.end_before(b.nodes[r].span.start));
        let n = &mut b.nodes[b.roots[k]];
        n.span.end = n.span.end.max(next);
    }
    // Only markup (a lone `---` or `**`): keep it visible as one paragraph.
    let start = text.len() - text.trim_start_matches(is_space).len();
    if b.nodes.is_empty() && start < end {
        let id = b.add(NodeKind::Paragraph, None, start..end, start, None);
        b.nodes[id].span.end = end;
    }

    // The first node also holds whatever precedes it (front matter).
    if let Some(first) = b.nodes.first_mut() {
        first.span.start = text.len() - text.trim_start_matches(is_space).len();
        first.span.start = first.span.start.min(first.title.start);
    }
    // Subtree ends, children before parents.
    for id in (0..b.nodes.len()).rev() {
        if let Some(&last) = b.nodes[id].children.last() {
            b.nodes[id].last_descendant = b.nodes[last].last_descendant;
        }
    }
    Outline {
        nodes: b.nodes,
        roots: b.roots,
    }
}

/// Finds sentence-opening sub-points in one paragraph and adds them.
fn scan_inline(
    b: &mut Builder,
    p: &Paragraph,
    scan_from: usize,
    outer: Option<(NodeId, u8)>,
    next_block: &[usize],
    paras: &[Paragraph],
) {
    let text = b.text;
    let c0 = p.content.start;
    let content = &text[p.content.clone()];
    // Pairs and series may be confirmed up to the next block paragraph.
    let region_end = next_block.first().map_or(text.len(), |&j| {
        paras.get(j).map_or(text.len(), |q| q.span.start)
    });
    let Some(block) = b.top().or(outer.map(|o| o.0)) else {
        return;
    };
    let mut open: Vec<(NodeId, u8)> = outer.into_iter().collect();
    let mut prev: Option<char> = if scan_from == 0 {
        None
    } else {
        content[..scan_from].chars().next_back()
    };
    let mut skip_to = scan_from;
    for (i, ch) in content[scan_from..].char_indices() {
        let i = i + scan_from;
        // Markdown bold marks are invisible to sentences: in
        // `**第一，重点企业。**一方面` the 一方面 opens a sentence.
        if ch == '*' {
            continue;
        }
        let at_sentence = prev.is_none_or(ends_sentence);
        let after_comma = matches!(prev, Some(',' | '，'));
        prev = Some(ch);
        if i < skip_to || !(at_sentence || after_comma) {
            continue;
        }
        let Some(m) = inline_marker(&content[i..], !at_sentence) else {
            continue;
        };
        let rank = if matches!(m.style, InlineStyle::OneHand | InlineStyle::Grasp) {
            PAIR_RANK
        } else {
            POINT_RANK
        };
        let parent = open
            .iter()
            .rev()
            .find(|o| o.1 < rank)
            .map_or(block, |o| o.0);
        let Some(ordinal) = accept_inline(b, parent, &m, c0 + i, region_end) else {
            continue;
        };
        let start = c0 + i;
        while open.last().is_some_and(|o| o.1 >= rank) {
            let (id, _) = open.pop().expect("checked");
            let n = &mut b.nodes[id];
            n.span.end = start;
            // A title never runs into the next point (`一手抓：一手抓`).
            n.title.end = n.title.end.min(start);
            n.title.start = n.title.start.min(n.title.end);
        }
        let t0 = super::markers::skip_separators(content, i + m.len);
        let title = c0 + t0..c0 + title_end(content, t0).max(t0);
        let id = b.add(
            NodeKind::Point,
            Some(start..start + m.len),
            title,
            start,
            Some(parent),
        );
        b.series.insert((parent, m.style), ordinal);
        open.push((id, rank));
        skip_to = i + m.len;
    }
    for (id, _) in open {
        b.nodes[id].span.end = p.span.end;
    }
}

/// The ordinal of an inline marker if it is a real sub-point here.
fn accept_inline(
    b: &Builder,
    parent: NodeId,
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
