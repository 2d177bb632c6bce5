//! The outline tree: node kinds, the arena that holds the nodes, and queries
//! over it (parents, children, paths, the node at a byte offset).
//!
//! Nodes live in one `Vec` in document (pre-)order, so a node's descendants
//! are the nodes that follow it up to its last descendant, its first child
//! (if any) is the node right after it, and each child's next sibling is
//! the node after that child's last descendant: the tree needs no list of
//! children. Markers and titles are byte ranges into the decoded text: the
//! outline never copies or rewrites the report.
//!
//! A node is stored in 24 bytes ([`Packed`]): a report of 13 MB can have
//! hundreds of thousands. Its offsets are `u32` (reports are at most
//! 256 MiB); its marker is kept as two bytes before its title; the rare
//! label that does not fit (a title longer than 64 KiB, a marker far from
//! its title) is kept whole on the side. Views read a node as a [`Node`].

use std::ops::Range;

use serde::Serialize;

/// Index of a node in the outline, in document order.
pub type NodeId = usize;

/// What a node is. The names are the `kind` strings of the JSON/YAML output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NodeKind {
    /// Lead paragraphs before the first heading or theme.
    Preamble,
    /// A table of contents (`目录` and its heading-only lines).
    Contents,
    /// An unmarked theme paragraph that opens a run of `第一,…` sections.
    Theme,
    /// A speech-style section opened by `第一,` `第二,` ….
    Section,
    /// A sub-point: `一是`, `一方面`, `一手抓`, `首先`, `其一` ….
    Point,
    /// The closing paragraph(s) after the last section (`另外,…`).
    Closing,
    /// A formal GB/T 9704 heading: `第X篇/章/节`, `一、`, `（一）`, `1.`, `（1）`, `①`.
    Heading,
    /// A passage of a document that has no recognisable structure: a
    /// paragraph, with the short lines after it that it takes in.
    Paragraph,
    /// A `——` bullet paragraph.
    Bullet,
}

impl NodeKind {
    /// Every kind, by its 4-bit code in [`Packed`] (the library's cache
    /// writes the same codes).
    pub const ALL: [NodeKind; 9] = [
        NodeKind::Preamble,
        NodeKind::Contents,
        NodeKind::Theme,
        NodeKind::Section,
        NodeKind::Point,
        NodeKind::Closing,
        NodeKind::Heading,
        NodeKind::Paragraph,
        NodeKind::Bullet,
    ];

    /// The name used in JSON/YAML and in the text outline.
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Preamble => "preamble",
            NodeKind::Contents => "contents",
            NodeKind::Theme => "theme",
            NodeKind::Section => "section",
            NodeKind::Point => "point",
            NodeKind::Closing => "closing",
            NodeKind::Heading => "heading",
            NodeKind::Paragraph => "paragraph",
            NodeKind::Bullet => "bullet",
        }
    }

    fn code(self) -> u32 {
        NodeKind::ALL.iter().position(|&k| k == self).unwrap_or(0) as u32
    }
}

/// One node of the outline, as the views read it ([`Outline::node`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub kind: NodeKind,
    /// The marker as written (`第一`, `一是`, `一、`, `（三）`), if any.
    pub marker: Option<Range<usize>>,
    /// The title: the heading sentence without marker and closing punctuation.
    pub title: Range<usize>,
    /// Bytes of the whole node, its children included.
    pub span: Range<usize>,
    pub parent: Option<NodeId>,
    /// 0 for top-level nodes.
    pub depth: usize,
    /// The last node of this node's subtree (itself when it has no children).
    pub last_descendant: NodeId,
}

// One per node: a report can have hundreds of thousands.
const _: () = assert!(size_of::<Packed>() == 24);

/// A node as stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Packed {
    start: u32,
    end: u32,
    /// The parent's id + 1 in the low 28 bits (0: a top-level node), the
    /// kind's code in the top 4.
    up: u32,
    last_descendant: u32,
    title_start: u32,
    /// [`LONG`]: the label is in [`Outline::long`].
    title_len: u16,
    /// The marker ends this many bytes before the title starts.
    marker_gap: u8,
    /// 0: no marker.
    marker_len: u8,
}

/// The most nodes an outline holds (the parent field has 28 bits).
pub const MAX_NODES: usize = (1 << 28) - 2;

const PARENT_BITS: u32 = (1 << 28) - 1;

/// A title length that says the label is kept whole on the side.
const LONG: u16 = u16::MAX;

/// A label that does not fit in [`Packed`].
#[derive(Clone, Debug, PartialEq, Eq)]
struct Long {
    id: u32,
    title: Range<usize>,
    marker: Option<Range<usize>>,
}

/// A text offset as stored: reports are at most 256 MiB (a few times that
/// decoded), far below 4 GiB.
fn offset32(x: usize) -> u32 {
    debug_assert!(u32::try_from(x).is_ok(), "text offsets fit in u32");
    x as u32
}

/// The outline of a document: nodes in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    nodes: Vec<Packed>,
    /// Labels that do not fit in their node, by id.
    long: Vec<Long>,
}

impl Outline {
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The heap the outline holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.nodes.capacity() * size_of::<Packed>() + self.long.capacity() * size_of::<Long>()
    }

    /// An empty outline with room for `capacity` nodes.
    pub(in crate::document) fn with_capacity(capacity: usize) -> Outline {
        Outline {
            nodes: Vec::with_capacity(capacity),
            long: Vec::new(),
        }
    }

    /// Adds a node under `parent` (after every node added so far, in
    /// document order); its span is `start..start` until it is closed, and
    /// it is its own last descendant until [`Outline::link`]. The caller
    /// keeps the count below [`MAX_NODES`].
    pub(in crate::document) fn push(
        &mut self,
        kind: NodeKind,
        marker: Option<Range<usize>>,
        title: Range<usize>,
        start: usize,
        parent: Option<NodeId>,
    ) -> NodeId {
        let id = self.nodes.len();
        let up = parent.map_or(0, |p| offset32(p + 1)) | kind.code() << 28;
        self.nodes.push(Packed {
            start: offset32(start),
            end: offset32(start),
            up,
            last_descendant: offset32(id),
            title_start: 0,
            title_len: 0,
            marker_gap: 0,
            marker_len: 0,
        });
        self.set_label(id, marker, title);
        id
    }

    /// Sets a node's marker and title.
    fn set_label(&mut self, id: NodeId, marker: Option<Range<usize>>, title: Range<usize>) {
        let short = |len: usize| u8::try_from(len).ok().filter(|&l| l < u8::MAX);
        let packed = match &marker {
            None => Some((0, 0)),
            Some(m) => title
                .start
                .checked_sub(m.end)
                .and_then(short)
                .zip(short(m.len()).filter(|&l| l > 0)),
        };
        let title_len = u16::try_from(title.len()).ok().filter(|&l| l < LONG);
        let at = self.long.binary_search_by_key(&offset32(id), |l| l.id);
        let n = &mut self.nodes[id];
        n.title_start = offset32(title.start);
        match (packed, title_len) {
            (Some((gap, len)), Some(title_len)) => {
                n.title_len = title_len;
                n.marker_gap = gap;
                n.marker_len = len;
                if let Ok(k) = at {
                    self.long.remove(k);
                }
            }
            _ => {
                n.title_len = LONG;
                let long = Long {
                    id: offset32(id),
                    title,
                    marker,
                };
                match at {
                    Ok(k) => self.long[k] = long,
                    Err(k) => self.long.insert(k, long),
                }
            }
        }
    }

    /// Sets a node's title (its marker stays).
    pub(in crate::document) fn set_title(&mut self, id: NodeId, title: Range<usize>) {
        let marker = self.marker(id);
        self.set_label(id, marker, title);
    }

    pub(in crate::document) fn set_end(&mut self, id: NodeId, end: usize) {
        self.nodes[id].end = offset32(end);
    }

    pub(in crate::document) fn set_start(&mut self, id: NodeId, start: usize) {
        self.nodes[id].start = offset32(start);
    }

    /// Fills in every node's last descendant (children before parents).
    pub(in crate::document) fn link(&mut self) {
        for id in (0..self.nodes.len()).rev() {
            let last = self.nodes[id].last_descendant;
            if let Some(p) = self.parent(id) {
                let up = &mut self.nodes[p].last_descendant;
                *up = (*up).max(last);
            }
        }
    }

    /// An empty outline to restore, with room for `capacity` nodes
    /// ([`Outline::restore_node`]).
    pub fn restoring(capacity: usize) -> Outline {
        Outline::with_capacity(capacity)
    }

    /// Appends a whole node of an outline stored elsewhere (the library's
    /// cache), in document order; [`Outline::restored`] once the last is
    /// in. The caller checks what parsing guarantees: fewer than
    /// [`MAX_NODES`] nodes, offsets inside the text, `parent` among the
    /// node before and its ancestors (pre-order), spans nested.
    pub fn restore_node(
        &mut self,
        kind: NodeKind,
        marker: Option<Range<usize>>,
        title: Range<usize>,
        span: Range<usize>,
        parent: Option<NodeId>,
    ) -> NodeId {
        let id = self.push(kind, marker, title, span.start, parent);
        self.set_end(id, span.end);
        id
    }

    /// Ends a restore: every node's last descendant filled in.
    pub fn restored(mut self) -> Outline {
        self.link();
        self
    }

    /// A node as the views read it. Its depth is counted up its parents.
    pub fn node(&self, id: NodeId) -> Node {
        Node {
            kind: self.kind(id),
            marker: self.marker(id),
            title: self.title(id),
            span: self.span(id),
            parent: self.parent(id),
            depth: self.depth(id),
            last_descendant: self.last_descendant(id),
        }
    }

    /// Every node, in document order (depths counted as they go).
    pub fn iter(&self) -> impl Iterator<Item = Node> + '_ {
        let mut depths: Vec<(NodeId, usize)> = Vec::new();
        (0..self.len()).map(move |id| {
            let parent = self.parent(id);
            while depths.last().is_some_and(|&(p, _)| Some(p) != parent) {
                depths.pop();
            }
            let depth = depths.last().map_or(0, |&(_, d)| d + 1);
            depths.push((id, depth));
            Node {
                depth,
                ..self.node_shallow(id)
            }
        })
    }

    /// A node without its depth (0).
    fn node_shallow(&self, id: NodeId) -> Node {
        Node {
            kind: self.kind(id),
            marker: self.marker(id),
            title: self.title(id),
            span: self.span(id),
            parent: self.parent(id),
            depth: 0,
            last_descendant: self.last_descendant(id),
        }
    }

    pub fn kind(&self, id: NodeId) -> NodeKind {
        NodeKind::ALL[(self.nodes[id].up >> 28) as usize % NodeKind::ALL.len()]
    }

    /// Bytes of the whole node, its children included.
    pub fn span(&self, id: NodeId) -> Range<usize> {
        let n = &self.nodes[id];
        n.start as usize..n.end as usize
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        (self.nodes[id].up & PARENT_BITS)
            .checked_sub(1)
            .map(|p| p as usize)
    }

    /// The last node of `id`'s subtree (itself when it has no children).
    pub fn last_descendant(&self, id: NodeId) -> NodeId {
        self.nodes[id].last_descendant as usize
    }

    /// 0 for top-level nodes.
    pub fn depth(&self, id: NodeId) -> usize {
        let mut depth = 0;
        let mut cur = id;
        while let Some(p) = self.parent(cur) {
            depth += 1;
            cur = p;
        }
        depth
    }

    fn long(&self, id: NodeId) -> Option<&Long> {
        let at = self.long.binary_search_by_key(&offset32(id), |l| l.id);
        at.ok().map(|k| &self.long[k])
    }

    /// The title: a range of the text.
    pub fn title(&self, id: NodeId) -> Range<usize> {
        let n = &self.nodes[id];
        match (n.title_len, self.long(id)) {
            (LONG, Some(l)) => l.title.clone(),
            _ => n.title_start as usize..(n.title_start as usize + usize::from(n.title_len)),
        }
    }

    /// The marker as written, if any: a range of the text.
    pub fn marker(&self, id: NodeId) -> Option<Range<usize>> {
        let n = &self.nodes[id];
        if n.title_len == LONG {
            return self.long(id).and_then(|l| l.marker.clone());
        }
        let end = (n.title_start as usize).checked_sub(usize::from(n.marker_gap))?;
        (n.marker_len > 0).then(|| end - usize::from(n.marker_len)..end)
    }

    /// Whether `id` has children.
    pub fn has_children(&self, id: NodeId) -> bool {
        self.last_descendant(id) > id
    }

    /// The children of `id`, or the top-level nodes for `None`, in order.
    pub fn children(&self, id: Option<NodeId>) -> Children<'_> {
        let (next, end) = match id {
            Some(id) => (id + 1, self.last_descendant(id) + 1),
            None => (0, self.len()),
        };
        Children {
            outline: self,
            next,
            end,
        }
    }

    /// The top-level nodes, in order.
    pub fn roots(&self) -> Children<'_> {
        self.children(None)
    }

    /// The node and its ancestors, from the top down.
    pub fn path(&self, id: NodeId) -> Vec<NodeId> {
        let mut path = vec![id];
        let mut cur = id;
        while let Some(p) = self.parent(cur) {
            path.push(p);
            cur = p;
        }
        path.reverse();
        path
    }

    /// The dotted 1-based id of a node (`"3.1"`). Costs the number of
    /// siblings before each node of its path.
    pub fn dotted_id(&self, id: NodeId) -> String {
        let path = self.path(id);
        let mut parts = Vec::with_capacity(path.len());
        let mut parent = None;
        for &n in &path {
            let pos = self.children(parent).position(|s| s == n).unwrap_or(0);
            parts.push((pos + 1).to_string());
            parent = Some(n);
        }
        parts.join(".")
    }

    /// Finds a node by its dotted id.
    pub fn find_dotted(&self, dotted: &str) -> Option<NodeId> {
        let mut parent = None;
        for part in dotted.split('.') {
            let n: usize = part.parse().ok()?;
            parent = Some(self.children(parent).nth(n.checked_sub(1)?)?);
        }
        parent
    }

    /// The deepest node whose span contains `offset`. Offsets between
    /// top-level nodes (blank lines) belong to the node before them.
    pub fn node_at(&self, offset: usize) -> Option<NodeId> {
        if self.nodes.is_empty() {
            return None;
        }
        // Nodes are in pre-order with increasing starts: the last node
        // starting at or before `offset` is the candidate; walk up until a
        // span contains the offset.
        let idx = self.nodes.partition_point(|n| n.start as usize <= offset);
        let mut cur = idx.checked_sub(1)?;
        loop {
            if self.span(cur).contains(&offset) {
                return Some(cur);
            }
            match self.parent(cur) {
                Some(p) => cur = p,
                None => return Some(cur),
            }
        }
    }

    /// How many nodes start before `offset` (so the first node starting at
    /// or after it, when there is one).
    pub fn starting_before(&self, offset: usize) -> usize {
        self.nodes.partition_point(|n| (n.start as usize) < offset)
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    pub fn is_ancestor_or_self(&self, ancestor: NodeId, id: NodeId) -> bool {
        ancestor <= id && id <= self.last_descendant(ancestor)
    }

    /// The top-level node that holds `id`.
    pub fn root_of(&self, id: NodeId) -> NodeId {
        let mut cur = id;
        while let Some(p) = self.parent(cur) {
            cur = p;
        }
        cur
    }

    /// The greatest depth in the tree plus one (0 for an empty outline).
    pub fn height(&self) -> usize {
        self.iter().map(|n| n.depth + 1).max().unwrap_or(0)
    }
}

/// The children of a node (or the top-level nodes), hopping from each to
/// the node after its subtree.
#[derive(Clone, Debug)]
pub struct Children<'a> {
    outline: &'a Outline,
    next: NodeId,
    end: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next >= self.end {
            return None;
        }
        let id = self.next;
        self.next = self.outline.last_descendant(id) + 1;
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 一、… (1) … (2) …, 二、…: built as the parser builds.
    fn sample() -> Outline {
        let mut o = Outline::default();
        let a = o.push(NodeKind::Heading, Some(0..6), 6..12, 0, None);
        let b = o.push(NodeKind::Point, Some(20..26), 27..30, 20, Some(a));
        o.set_end(b, 40);
        let c = o.push(NodeKind::Point, Some(40..46), 46..46, 40, Some(a));
        o.set_end(c, 50);
        o.set_end(a, 50);
        let d = o.push(NodeKind::Heading, None, 60..70, 60, None);
        o.set_end(d, 80);
        o.link();
        o
    }

    #[test]
    fn the_arena_is_a_tree_without_lists_of_children() {
        let o = sample();
        assert_eq!(o.len(), 4);
        assert_eq!(o.roots().collect::<Vec<_>>(), [0, 3]);
        assert_eq!(o.children(Some(0)).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(o.children(Some(1)).count(), 0);
        assert_eq!(o.last_descendant(0), 2);
        assert_eq!(o.parent(2), Some(0));
        assert_eq!(o.parent(3), None);
        assert_eq!(o.depth(2), 1);
        assert_eq!(o.dotted_id(2), "1.2");
        assert_eq!(o.find_dotted("1.2"), Some(2));
        assert_eq!(o.find_dotted("2"), Some(3));
        assert_eq!(o.find_dotted("3"), None);
        assert_eq!(o.node_at(45), Some(2));
        assert_eq!(o.node_at(55), Some(0));
        let depths: Vec<usize> = o.iter().map(|n| n.depth).collect();
        assert_eq!(depths, [0, 1, 1, 0]);
        assert_eq!(o.height(), 2);
        let n = o.node(1);
        assert_eq!(n.kind, NodeKind::Point);
        assert_eq!(n.marker, Some(20..26));
        assert_eq!(n.title, 27..30);
        assert_eq!(n.span, 20..40);
        assert_eq!(o.node(3).marker, None);
        assert_eq!(o.node(2).title, 46..46);
        assert!(o.long.is_empty());
    }

    #[test]
    fn labels_that_do_not_fit_are_kept_whole() {
        let mut o = Outline::default();
        // A title of 100 KB, a marker 300 bytes before its title, a marker
        // after its title.
        let a = o.push(NodeKind::Contents, None, 0..100_000, 0, None);
        let b = o.push(NodeKind::Heading, Some(0..6), 306..310, 0, None);
        let c = o.push(NodeKind::Heading, Some(10..16), 0..5, 0, None);
        let d = o.push(NodeKind::Bullet, Some(20..26), 26..30, 20, None);
        assert_eq!(o.title(a), 0..100_000);
        assert_eq!(o.marker(a), None);
        assert_eq!((o.marker(b), o.title(b)), (Some(0..6), 306..310));
        assert_eq!((o.marker(c), o.title(c)), (Some(10..16), 0..5));
        assert_eq!((o.marker(d), o.title(d)), (Some(20..26), 26..30));
        assert_eq!(o.long.len(), 3);
        // A label that fits again leaves the side table.
        o.set_title(b, 8..10);
        assert_eq!((o.marker(b), o.title(b)), (Some(0..6), 8..10));
        assert_eq!(o.long.len(), 2);
        o.set_title(d, 26..26);
        assert_eq!((o.marker(d), o.title(d)), (Some(20..26), 26..26));
    }
}
