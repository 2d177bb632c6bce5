//! The node arena being built and the stack of open blocks.
//!
//! Blocks (themes, sections, headings, the preamble…) stay open until
//! something of equal or higher rank starts; their spans are closed then.
//! The builder also remembers the last ordinal of every block series and of
//! every inline series, which is what makes a marker real.

use std::collections::HashMap;
use std::ops::Range;

use super::super::markers::{BlockMarker, BlockStyle, InlineStyle};
use super::super::outline::{Node, NodeId, NodeKind, Outline};
use super::super::paragraphs::is_space;
use super::super::title::{prefix_end, title_end};

/// Rank of top-level-only nodes (preamble, contents, closing, paragraph):
/// any block closes them.
pub const TOP_RANK: u8 = 0;

/// An open block.
pub struct Open {
    pub id: NodeId,
    pub rank: u8,
    pub style: Option<BlockStyle>,
    pub ordinal: u32,
    /// The paragraph that opened it.
    pub para: usize,
    /// Whether it holds text besides its heading (a run-in body, a
    /// paragraph, a child).
    pub has_body: bool,
}

/// The outline under construction.
pub struct Builder<'a> {
    pub text: &'a str,
    pub nodes: Vec<Node>,
    pub roots: Vec<NodeId>,
    pub stack: Vec<Open>,
    /// Last accepted ordinal of each inline series, per parent (`None`: the
    /// top level).
    pub series: HashMap<(Option<NodeId>, InlineStyle), u32>,
    /// Last accepted ordinal of each block style, wherever it was: a series
    /// may continue across parents (`（五）` after `（四）` of the part before).
    pub last_ordinal: [u32; BlockStyle::ALL.len()],
}

impl<'a> Builder<'a> {
    pub fn new(text: &'a str, capacity: usize) -> Builder<'a> {
        Builder {
            text,
            nodes: Vec::with_capacity(capacity),
            roots: Vec::new(),
            stack: Vec::new(),
            series: HashMap::new(),
            last_ordinal: [0; BlockStyle::ALL.len()],
        }
    }

    /// Adds a node (its span is closed later) under `parent`.
    pub fn add(
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
    pub fn end_before(&self, next: usize) -> usize {
        self.text[..next].trim_end_matches(is_space).len()
    }

    /// Closes open blocks until the stack has `keep` entries.
    pub fn close_to(&mut self, keep: usize, end: usize) {
        while self.stack.len() > keep {
            if let Some(open) = self.stack.pop() {
                self.nodes[open.id].span.end = end;
            }
        }
    }

    /// How many open blocks stay open when a block of `rank` starts: those
    /// of lower rank, up to the first top-level-only one.
    pub fn kept_below(&self, rank: u8) -> usize {
        self.stack
            .iter()
            .position(|o| o.rank >= rank || o.rank == TOP_RANK)
            .unwrap_or(self.stack.len())
    }

    pub fn top(&self) -> Option<NodeId> {
        self.stack.last().map(|o| o.id)
    }

    pub fn top_kind(&self) -> Option<NodeKind> {
        self.top().map(|id| self.nodes[id].kind)
    }

    /// Whether a block of one of `kinds` is open.
    pub fn is_open(&self, kinds: &[NodeKind]) -> bool {
        self.stack
            .iter()
            .any(|o| kinds.contains(&self.nodes[o.id].kind))
    }

    /// Marks the innermost open block as holding text.
    pub fn note_body(&mut self) {
        if let Some(o) = self.stack.last_mut() {
            o.has_body = true;
        }
    }

    /// Opens a block under the innermost open one.
    #[allow(clippy::too_many_arguments)]
    pub fn push_block(
        &mut self,
        kind: NodeKind,
        rank: u8,
        series: Option<(BlockStyle, u32)>,
        marker: Option<Range<usize>>,
        title: Range<usize>,
        start: usize,
        para: usize,
    ) -> NodeId {
        let (style, ordinal) = series.map_or((None, 0), |(s, n)| (Some(s), n));
        if let Some((s, n)) = series {
            self.last_ordinal[s.index()] = n;
        }
        let parent = self.top();
        if parent.is_some() {
            self.note_body();
        }
        let id = self.add(kind, marker, title, start, parent);
        self.stack.push(Open {
            id,
            rank,
            style,
            ordinal,
            para,
            has_body: false,
        });
        id
    }

    /// Whether a block marker is real here, and how many open blocks stay
    /// open if it is. It must continue the series of an open sibling
    /// (`二` right after `一`); or, with no sibling open, start a series
    /// (`一`) or continue the last one of its style under a new parent
    /// (`（五）` under `二、` after `（四）` under `一、`).
    pub fn accept_block(&self, m: &BlockMarker) -> Option<usize> {
        match self.stack.iter().rposition(|o| o.style == Some(m.style)) {
            Some(pos) => (self.stack[pos].ordinal + 1 == m.ordinal).then_some(pos),
            None => {
                let continues = self.last_ordinal[m.style.index()] + 1 == m.ordinal;
                (m.ordinal == 1 || continues).then(|| self.kept_below(m.style.rank()))
            }
        }
    }

    /// The finished outline: spans closed at `end`, top-level nodes reaching
    /// to the next one, subtree ends filled in.
    pub fn finish(mut self) -> Outline {
        let text = self.text;
        let end = text.trim_end_matches(is_space).len();
        self.close_to(0, end);
        // Top-level nodes reach to the next one, so markup lines between them
        // (`---`, a lone `>`) belong to the node before.
        for k in 0..self.roots.len() {
            let next = self
                .roots
                .get(k + 1)
                .map_or(end, |&r| self.end_before(self.nodes[r].span.start));
            let n = &mut self.nodes[self.roots[k]];
            n.span.end = n.span.end.max(next);
        }
        // Only markup (a lone `---` or `**`, front matter): keep it visible
        // as one paragraph.
        let start = text.len() - text.trim_start_matches(is_space).len();
        if self.nodes.is_empty() && start < end {
            let s = &text[start..end];
            let t = match title_end(s, 0) {
                0 => prefix_end(s),
                t => t,
            };
            let id = self.add(NodeKind::Paragraph, None, start..start + t, start, None);
            self.nodes[id].span.end = end;
        }
        // The first node also holds whatever precedes it (front matter).
        if let Some(first) = self.nodes.first_mut() {
            first.span.start = start.min(first.title.start);
        }
        // Subtree ends, children before parents.
        for id in (0..self.nodes.len()).rev() {
            if let Some(&last) = self.nodes[id].children.last() {
                self.nodes[id].last_descendant = self.nodes[last].last_descendant;
            }
        }
        Outline {
            nodes: self.nodes,
            roots: self.roots,
        }
    }
}
