//! Hit counts per node, bubbled up to the ancestors.
//!
//! `own[id]` counts the hits whose deepest node is `id`; `total[id]` adds
//! those of its whole subtree, so a folded node in the tree can show how
//! many hits it hides, and the sparse tree keeps the nodes with
//! `total > 0`. Counts can be built at once or grown hit by hit while an
//! incremental search runs. Nothing is allocated until a hit lies in a
//! node (the reader keeps counts for every report, searched or not).

use crate::document::{NodeId, Outline};

use super::Hit;

/// Hit counts for every node of an outline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeCounts {
    /// Hits whose deepest node is the node itself (empty while no hit lies
    /// in a node).
    pub own: Vec<usize>,
    /// Hits in the node's subtree (`own` plus the descendants' `own`;
    /// empty while `own` is).
    pub total: Vec<usize>,
    /// Hits outside every node (text before the first node).
    pub unplaced: usize,
}

impl NodeCounts {
    /// All zero (nothing allocated yet).
    pub fn empty(_outline: &Outline) -> NodeCounts {
        NodeCounts::default()
    }

    /// Room for a count per node, at the first hit in a node.
    fn allocate(&mut self, outline: &Outline) {
        if self.own.is_empty() {
            self.own = vec![0; outline.len()];
            self.total = vec![0; outline.len()];
        }
    }

    /// Counts a set of hits: one pass for `own`, one reverse pass over the
    /// pre-ordered nodes to bubble totals up (children come after parents).
    pub fn new<'h>(outline: &Outline, hits: impl IntoIterator<Item = &'h Hit>) -> NodeCounts {
        let mut c = NodeCounts::empty(outline);
        for h in hits {
            match h.node {
                Some(id) => {
                    c.allocate(outline);
                    c.own[id] += 1;
                }
                None => c.unplaced += 1,
            }
        }
        if c.own.is_empty() {
            return c;
        }
        c.total.clone_from(&c.own);
        for id in (0..outline.len()).rev() {
            if let Some(p) = outline.parent(id) {
                c.total[p] += c.total[id];
            }
        }
        c
    }

    /// Adds one hit, updating the totals of its ancestors (O(depth)).
    pub fn add(&mut self, outline: &Outline, hit: &Hit) {
        let Some(id) = hit.node else {
            self.unplaced += 1;
            return;
        };
        self.allocate(outline);
        self.own[id] += 1;
        let mut cur = Some(id);
        while let Some(n) = cur {
            self.total[n] += 1;
            cur = outline.parent(n);
        }
    }

    /// Hits in the subtree of `id`.
    pub fn total(&self, id: NodeId) -> usize {
        self.total.get(id).copied().unwrap_or(0)
    }

    /// Hits in `id` itself, not its children.
    pub fn own(&self, id: NodeId) -> usize {
        self.own.get(id).copied().unwrap_or(0)
    }

    /// The nodes a sparse tree keeps: those with a hit in their subtree,
    /// in document order (every kept node's ancestors are kept too).
    pub fn nodes_with_hits(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.total
            .iter()
            .enumerate()
            .filter(|&(_, &n)| n > 0)
            .map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::search::search;

    #[test]
    fn counts_bubble_up() {
        let d = Document::bundled();
        let hits = search(&d, "大零号湾");
        let c = NodeCounts::new(&d.outline, &hits);
        let mut inc = NodeCounts::empty(&d.outline);
        for h in &hits {
            inc.add(&d.outline, h);
        }
        assert_eq!(c, inc);
        let roots: usize = d.outline.roots().map(|r| c.total(r)).sum();
        assert_eq!(roots + c.unplaced, hits.len());
    }
}
