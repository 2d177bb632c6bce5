//! The node arena being built and the stack of open blocks.
//!
//! Blocks (themes, sections, headings, the preamble…) stay open until
//! something of equal or higher rank starts; their spans are closed then.
//! The builder also remembers the last ordinal of every block series and of
//! every inline series, which is what makes a marker real.
//!
//! The tree holds at most one node per [`BYTES_PER_NODE`] bytes of the text
//! read so far, besides the first [`FREE_NODES`] ([`Builder::room`]): a
//! text denser in markers than any report (`①a` on every line, a bullet of
//! one letter on every line) reads the markers past that budget as text,
//! so that its outline costs at most the text's size, whatever its shape.
//! Real reports have a node per few hundred bytes.

use std::collections::HashMap;
use std::ops::Range;

use super::super::markers::{BlockMarker, BlockStyle, InlineStyle};
use super::super::outline::{MAX_NODES, NodeId, NodeKind, Outline};
use super::super::paragraphs::is_space;
use super::super::title::{prefix_end, title_end};

/// Rank of top-level-only nodes (preamble, contents, closing, paragraph):
/// any block closes them.
pub const TOP_RANK: u8 = 0;

/// The tree holds at most one node per this many bytes of the text read
/// so far (beyond [`FREE_NODES`]).
pub const BYTES_PER_NODE: usize = 32;

/// Nodes the tree may hold before [`BYTES_PER_NODE`] counts: far more than
/// any short report's.
pub const FREE_NODES: usize = 1024;

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
    pub outline: Outline,
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
            outline: Outline::with_capacity(capacity),
            stack: Vec::new(),
            series: HashMap::new(),
            last_ordinal: [0; BlockStyle::ALL.len()],
        }
    }

    /// Whether the tree has room for a node starting at byte `at`
    /// ([`BYTES_PER_NODE`]).
    pub fn room(&self, at: usize) -> bool {
        let n = self.outline.len();
        n < FREE_NODES + at / BYTES_PER_NODE && n < MAX_NODES
    }

    /// Adds a node (its span is closed later) under `parent`. The walk
    /// asks for [`Builder::room`] first.
    pub fn add(
        &mut self,
        kind: NodeKind,
        marker: Option<Range<usize>>,
        title: Range<usize>,
        start: usize,
        parent: Option<NodeId>,
    ) -> NodeId {
        self.outline.push(kind, marker, title, start, parent)
    }

    pub fn kind(&self, id: NodeId) -> NodeKind {
        self.outline.kind(id)
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
                self.outline.set_end(open.id, end);
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
        self.top().map(|id| self.kind(id))
    }

    /// Whether a block of one of `kinds` is open.
    pub fn is_open(&self, kinds: &[NodeKind]) -> bool {
        self.stack.iter().any(|o| kinds.contains(&self.kind(o.id)))
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

    /// Counts an accepted block marker in its series without making it a
    /// heading (past the budget): an open sibling takes its number (and its
    /// text), blocks below that sibling close at `end`; with no sibling open
    /// the series goes on from it.
    pub fn skip_block(&mut self, m: &BlockMarker, keep: usize, end: usize) {
        self.last_ordinal[m.style.index()] = m.ordinal;
        if self
            .stack
            .get(keep)
            .is_some_and(|o| o.style == Some(m.style))
        {
            self.close_to(keep + 1, end);
            self.stack[keep].ordinal = m.ordinal;
        }
    }

    /// The finished outline: spans closed at `end`, top-level nodes reaching
    /// to the next one, subtree ends filled in.
    pub fn finish(mut self) -> Outline {
        let text = self.text;
        let end = text.trim_end_matches(is_space).len();
        self.close_to(0, end);
        self.outline.link();
        // Top-level nodes reach to the next one, so markup lines between them
        // (`---`, a lone `>`) belong to the node before.
        let mut root = 0;
        while root < self.outline.len() {
            let after = self.outline.last_descendant(root) + 1;
            let next = match after < self.outline.len() {
                true => self.end_before(self.outline.span(after).start),
                false => end,
            };
            let own = self.outline.span(root).end;
            self.outline.set_end(root, own.max(next));
            root = after;
        }
        // Only markup (a lone `---` or `**`, front matter): keep it visible
        // as one paragraph.
        let start = text.len() - text.trim_start_matches(is_space).len();
        if self.outline.is_empty() && start < end {
            let s = &text[start..end];
            let t = match title_end(s, 0) {
                0 => prefix_end(s),
                t => t,
            };
            let id = self.add(NodeKind::Paragraph, None, start..start + t, start, None);
            self.outline.set_end(id, end);
        }
        // The first node also holds whatever precedes it (front matter).
        if !self.outline.is_empty() {
            let title = self.outline.title(0);
            self.outline.set_start(0, start.min(title.start));
        }
        self.outline
    }
}
