//! The outline tree: node kinds, the arena that holds the nodes, and queries
//! over it (parents, paths, the node at a byte offset).
//!
//! Nodes live in one `Vec` in document (pre-)order, so a node's descendants
//! are the nodes that follow it up to `Node::last_descendant`. Markers and
//! titles are byte ranges into the decoded text: the outline never copies or
//! rewrites the report.

use std::ops::Range;

use serde::Serialize;

/// Index of a node in [`Outline::nodes`].
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
    /// A paragraph of a document that has no recognisable structure.
    Paragraph,
    /// A `——` bullet paragraph.
    Bullet,
}

impl NodeKind {
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
}

/// One node of the outline.
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
    pub children: Vec<NodeId>,
    /// 0 for top-level nodes.
    pub depth: usize,
    /// The last node of this node's subtree (itself when it has no children).
    pub last_descendant: NodeId,
}

/// The outline of a document: nodes in document order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outline {
    pub nodes: Vec<Node>,
    pub roots: Vec<NodeId>,
}

impl Outline {
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id]
    }

    /// The children of `id`, or the roots for `None`.
    pub fn children(&self, id: Option<NodeId>) -> &[NodeId] {
        match id {
            Some(id) => &self.nodes[id].children,
            None => &self.roots,
        }
    }

    /// The node and its ancestors, from the top down.
    pub fn path(&self, id: NodeId) -> Vec<NodeId> {
        let mut path = vec![id];
        let mut cur = id;
        while let Some(p) = self.nodes[cur].parent {
            path.push(p);
            cur = p;
        }
        path.reverse();
        path
    }

    /// The dotted 1-based id of a node (`"3.1"`).
    pub fn dotted_id(&self, id: NodeId) -> String {
        let mut parts = Vec::new();
        let mut cur = id;
        loop {
            let parent = self.nodes[cur].parent;
            let siblings = self.children(parent);
            let pos = siblings.iter().position(|&s| s == cur).unwrap_or(0);
            parts.push((pos + 1).to_string());
            match parent {
                Some(p) => cur = p,
                None => break,
            }
        }
        parts.reverse();
        parts.join(".")
    }

    /// Finds a node by its dotted id.
    pub fn find_dotted(&self, dotted: &str) -> Option<NodeId> {
        let mut parent = None;
        for part in dotted.split('.') {
            let n: usize = part.parse().ok()?;
            parent = Some(*self.children(parent).get(n.checked_sub(1)?)?);
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
        let idx = self.nodes.partition_point(|n| n.span.start <= offset);
        let mut cur = idx.checked_sub(1)?;
        loop {
            if self.nodes[cur].span.contains(&offset) {
                return Some(cur);
            }
            match self.nodes[cur].parent {
                Some(p) => cur = p,
                None => return Some(cur),
            }
        }
    }

    /// Whether `ancestor` is `id` or one of its ancestors.
    pub fn is_ancestor_or_self(&self, ancestor: NodeId, id: NodeId) -> bool {
        ancestor <= id && id <= self.nodes[ancestor].last_descendant
    }

    /// The top-level node that holds `id`.
    pub fn root_of(&self, id: NodeId) -> NodeId {
        let mut cur = id;
        while let Some(p) = self.nodes[cur].parent {
            cur = p;
        }
        cur
    }

    /// The greatest depth in the tree plus one (0 for an empty outline).
    pub fn height(&self) -> usize {
        self.nodes.iter().map(|n| n.depth + 1).max().unwrap_or(0)
    }
}
