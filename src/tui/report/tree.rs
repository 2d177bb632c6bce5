//! The outline tree: folds, the visible rows, org-mode cycling, showing
//! to a depth, the selection and the tree's scrolling.
//!
//! [`Tree`] holds the folds and the rows with one [`ListState`] for the
//! selection (a row) and the scroll; the selected node is the node on the
//! selected row, so it cannot go stale when folds change the rows. The
//! moves that also scroll the text are [`Report`]'s.

use crate::document::{NodeId, Outline};
use crate::tui::action::Action;
use crate::tui::list::{ListState, Motion};

use super::Report;

/// The last whole-tree fold applied by [`Action::CycleGlobal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobalFold {
    Overview,
    Contents,
    All,
}

/// The tree's folds, rows and selection.
#[derive(Clone, Debug)]
pub struct Tree {
    /// Per node: its children are shown.
    pub expanded: Vec<bool>,
    /// The rows: the nodes shown, in document order.
    pub visible: Vec<NodeId>,
    /// The selected row and the first row shown.
    pub list: ListState,
    pub global: GlobalFold,
}

fn has_children(outline: &Outline, id: NodeId) -> bool {
    outline.has_children(id)
}

impl Tree {
    /// Everything folded, no rows yet, for an outline of `n` nodes.
    pub fn new(n: usize) -> Tree {
        Tree {
            expanded: vec![false; n],
            visible: Vec::new(),
            list: ListState::default(),
            global: GlobalFold::Contents,
        }
    }

    /// The node on the selected row.
    pub fn selected(&self) -> Option<NodeId> {
        self.visible.get(self.list.selected()?).copied()
    }

    /// The node itself, or its closest ancestor shown by the folds.
    pub fn visible_ancestor(&self, outline: &Outline, id: NodeId) -> NodeId {
        let path = outline.path(id);
        for (i, &n) in path.iter().enumerate() {
            if !self.expanded[n] || i + 1 == path.len() {
                return n;
            }
        }
        id
    }

    /// The row that stands for `id`: its own, its closest shown ancestor's,
    /// or (the sparse tree hiding it) the closest shown row before it.
    fn row_for(&self, outline: &Outline, id: NodeId) -> Option<usize> {
        let shown = self.visible_ancestor(outline, id);
        match self.visible.binary_search(&shown) {
            Ok(row) => Some(row),
            Err(_) if self.visible.is_empty() => None,
            Err(i) => Some(i.saturating_sub(1)),
        }
    }

    /// Selects the row that stands for `id` and keeps it in view.
    pub fn select_node(&mut self, outline: &Outline, id: NodeId, page: usize) {
        let row = self.row_for(outline, id);
        self.list.select(row, self.visible.len(), page);
        self.list.clamp(self.visible.len(), page);
    }

    /// Keeps the selected row in view, with no blank rows after the last.
    pub fn follow(&mut self, page: usize) {
        if let Some(row) = self.list.selected() {
            self.list.reveal(row, row, page);
        }
        self.list.clamp(self.visible.len(), page);
    }

    /// Recomputes the rows after the folds changed (skipping the subtrees
    /// `hides` says to hide); the selection stays on its node or the row
    /// that now stands for it.
    pub fn refresh(&mut self, outline: &Outline, hides: impl Fn(NodeId) -> bool, page: usize) {
        let selected = self.selected();
        // Two walks, the first to count: a report can have hundreds of
        // thousands of rows, and a vector grown by doubling holds up to
        // twice what it needs.
        let rows = |push: &mut dyn FnMut(NodeId)| {
            let mut i = 0;
            while i < outline.len() {
                if hides(i) {
                    i = outline.last_descendant(i) + 1;
                    continue;
                }
                push(i);
                i = if self.expanded[i] {
                    i + 1
                } else {
                    outline.last_descendant(i) + 1
                };
            }
        };
        let mut count = 0;
        rows(&mut |_| count += 1);
        let mut v = Vec::with_capacity(count);
        rows(&mut |id| v.push(id));
        self.visible = v;
        match selected {
            Some(id) => self.select_node(outline, id, page),
            None => self.follow(page),
        }
    }

    /// Opens every ancestor of `id`.
    pub fn unfold_to(&mut self, outline: &Outline, id: NodeId) {
        let mut cur = outline.parent(id);
        while let Some(p) = cur {
            self.expanded[p] = true;
            cur = outline.parent(p);
        }
    }

    fn set_subtree(&mut self, outline: &Outline, id: NodeId, open: bool) {
        let last = outline.last_descendant(id);
        for e in &mut self.expanded[id..=last] {
            *e = open;
        }
    }

    /// org-mode cycling on one node's folds: folded → children → subtree →
    /// folded. Whether anything changed.
    fn cycle(&mut self, outline: &Outline, id: NodeId) -> bool {
        if !has_children(outline, id) {
            return false;
        }
        let last = outline.last_descendant(id);
        if !self.expanded[id] {
            self.set_subtree(outline, id, false);
            self.expanded[id] = true;
        } else if (id + 1..=last).all(|d| self.expanded[d] || !has_children(outline, d)) {
            self.expanded[id] = false;
        } else {
            self.set_subtree(outline, id, true);
        }
        true
    }
}

impl Report {
    fn has_children(&self, id: NodeId) -> bool {
        has_children(&self.doc.outline, id)
    }

    /// Recomputes the tree's rows after a fold changed (the sparse tree of
    /// a search hides the nodes without hits).
    pub fn refresh_visible(&mut self) {
        let search = &self.search;
        self.tree.refresh(
            &self.doc.outline,
            |id| search.hides(id),
            self.view.tree_height,
        );
    }

    /// Selects the tree's row for `id` (its closest shown ancestor's).
    pub fn select_node(&mut self, id: NodeId) {
        self.tree
            .select_node(&self.doc.outline, id, self.view.tree_height);
    }

    /// Keeps the tree's selection in view.
    pub fn tree_follow(&mut self) {
        self.tree.follow(self.view.tree_height);
    }

    /// Shows the tree to a depth: nodes above it open, the rest folded.
    pub fn show_depth(&mut self, depth: usize) {
        for (i, n) in self.doc.outline.iter().enumerate() {
            self.tree.expanded[i] = n.depth + 1 < depth;
        }
        self.refresh_visible();
    }

    /// org-mode `S-TAB`: overview → contents → everything.
    pub fn cycle_global(&mut self) {
        self.tree.global = match self.tree.global {
            GlobalFold::Overview => GlobalFold::Contents,
            GlobalFold::Contents => GlobalFold::All,
            GlobalFold::All => GlobalFold::Overview,
        };
        match self.tree.global {
            GlobalFold::Overview => self.show_depth(1),
            GlobalFold::Contents => self.show_depth(2),
            GlobalFold::All => self.show_depth(usize::MAX),
        }
    }

    /// Selects a row of the tree and scrolls the text to its node.
    pub fn tree_select_row(&mut self, row: usize) {
        let len = self.tree.visible.len();
        if len == 0 {
            return;
        }
        self.tree.list.select(Some(row), len, self.view.tree_height);
        self.go_to_selected();
    }

    fn go_to_selected(&mut self) {
        if let Some(id) = self.tree.selected() {
            self.jump_to_node(id);
        }
        self.tree_follow();
    }

    /// A click on row `row` of the tree: selects it, opens or folds it when
    /// the click was `on_arrow`, and scrolls the text to it.
    pub fn tree_click(&mut self, row: usize, on_arrow: bool) {
        let len = self.tree.visible.len();
        self.tree.list.select(Some(row), len, self.view.tree_height);
        let Some(id) = self.tree.selected() else {
            return;
        };
        if on_arrow {
            self.toggle_fold(id);
        }
        self.jump_to_node(id);
        self.tree_follow();
    }

    /// Opens or folds a node.
    pub fn toggle_fold(&mut self, id: NodeId) {
        if self.has_children(id) {
            self.tree.expanded[id] = !self.tree.expanded[id];
            self.refresh_visible();
        }
    }

    /// The fold keys, on the tree's selection (from the tree or the detail
    /// pane). Returns whether `Activate` went to a passage (a node without
    /// children), after which a tree overlay closes.
    pub fn fold_action(&mut self, action: Action) -> bool {
        let Some(id) = self.tree.selected() else {
            return false;
        };
        let outline = &self.doc.outline;
        match action {
            Action::Collapse => {
                if self.tree.expanded[id] && self.has_children(id) {
                    self.tree.expanded[id] = false;
                    self.refresh_visible();
                } else if let Some(p) = outline.parent(id) {
                    self.select_node(p);
                    self.jump_to_node(p);
                    self.tree_follow();
                }
            }
            Action::Expand => {
                if !self.has_children(id) {
                } else if !self.tree.expanded[id] {
                    self.tree.expanded[id] = true;
                    self.refresh_visible();
                } else {
                    let c = id + 1;
                    self.select_node(c);
                    self.jump_to_node(c);
                    self.tree_follow();
                }
            }
            Action::Activate => {
                self.toggle_fold(id);
                self.jump_to_node(id);
                return !self.has_children(id);
            }
            Action::CycleFold if self.tree.cycle(&self.doc.outline, id) => {
                self.refresh_visible();
            }
            _ => {}
        }
        false
    }

    /// Keys of the tree pane: moves select a row and scroll the text to
    /// it; fold keys fold. Returns what [`Report::fold_action`] returns.
    pub fn tree_action(&mut self, action: Action) -> bool {
        match Motion::of(action) {
            Some(m) => {
                let len = self.tree.visible.len();
                if len > 0 {
                    self.tree.list.apply(m, len, self.view.tree_height);
                    self.go_to_selected();
                }
                false
            }
            None => self.fold_action(action),
        }
    }
}
