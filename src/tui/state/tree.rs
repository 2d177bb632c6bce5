//! The outline tree: folds, the visible rows, org-mode cycling, showing
//! to a depth, the selection and the tree's scrolling.

use crate::document::NodeId;
use crate::tui::action::Action;
use crate::tui::geometry::Overlay;

use super::{AppState, Focus};

impl AppState {
    pub(super) fn has_children(&self, id: NodeId) -> bool {
        !self.doc.outline.nodes[id].children.is_empty()
    }

    /// Recomputes the tree's rows after a fold changed.
    pub fn refresh_visible(&mut self) {
        let nodes = &self.doc.outline.nodes;
        let mut v = Vec::new();
        let mut i = 0;
        while i < nodes.len() {
            if self.search.hides(i) {
                i = nodes[i].last_descendant + 1;
                continue;
            }
            v.push(i);
            i = if self.expanded[i] {
                i + 1
            } else {
                nodes[i].last_descendant + 1
            };
        }
        self.visible = v;
        if let Some(s) = self.selected {
            self.selected = Some(self.visible_ancestor(s));
        }
        self.fix_filtered_selection();
        self.tree_follow();
    }

    /// The node itself, or its closest ancestor shown in the tree.
    pub fn visible_ancestor(&self, id: NodeId) -> NodeId {
        let path = self.doc.outline.path(id);
        for (i, &n) in path.iter().enumerate() {
            if !self.expanded[n] {
                return n;
            }
            if i + 1 == path.len() {
                return n;
            }
        }
        id
    }

    pub(super) fn show_depth(&mut self, depth: usize) {
        for (i, n) in self.doc.outline.nodes.iter().enumerate() {
            self.expanded[i] = n.depth + 1 < depth;
        }
        self.refresh_visible();
    }

    fn set_subtree(&mut self, id: NodeId, open: bool) {
        let last = self.doc.outline.nodes[id].last_descendant;
        for e in &mut self.expanded[id..=last] {
            *e = open;
        }
    }

    /// org-mode cycling on one node: folded → children → subtree → folded.
    fn cycle(&mut self, id: NodeId) {
        if !self.has_children(id) {
            return;
        }
        let last = self.doc.outline.nodes[id].last_descendant;
        if !self.expanded[id] {
            self.set_subtree(id, false);
            self.expanded[id] = true;
        } else if (id + 1..=last).all(|d| self.expanded[d] || !self.has_children(d)) {
            self.expanded[id] = false;
        } else {
            self.set_subtree(id, true);
        }
        self.refresh_visible();
    }

    fn selected_row(&self) -> Option<usize> {
        let s = self.selected?;
        self.visible.binary_search(&s).ok()
    }

    pub(crate) fn tree_follow(&mut self) {
        let h = self.tree_height();
        if let Some(row) = self.selected_row() {
            if row < self.tree_scroll {
                self.tree_scroll = row;
            } else if row >= self.tree_scroll + h {
                self.tree_scroll = row + 1 - h;
            }
        }
        self.tree_scroll = self.tree_scroll.min(self.visible.len().saturating_sub(h));
    }

    fn tree_select_row(&mut self, row: usize) {
        if self.visible.is_empty() {
            return;
        }
        let row = row.min(self.visible.len() - 1);
        let id = self.visible[row];
        self.selected = Some(id);
        self.jump_to_node(id);
        self.tree_follow();
    }

    fn tree_move(&mut self, n: isize) {
        let row = self.selected_row().unwrap_or(0);
        self.tree_select_row(row.saturating_add_signed(n));
    }

    /// The node that fold keys act on: the tree's selection.
    fn fold_target(&self) -> Option<NodeId> {
        self.selected
    }

    pub(super) fn fold_action(&mut self, action: Action) {
        let Some(id) = self.fold_target() else {
            return;
        };
        match action {
            Action::Collapse => {
                if self.expanded[id] && self.has_children(id) {
                    self.expanded[id] = false;
                    self.refresh_visible();
                } else if let Some(p) = self.doc.outline.nodes[id].parent {
                    self.selected = Some(p);
                    self.jump_to_node(p);
                    self.tree_follow();
                }
            }
            Action::Expand => {
                if !self.has_children(id) {
                } else if !self.expanded[id] {
                    self.expanded[id] = true;
                    self.refresh_visible();
                } else {
                    let c = self.doc.outline.nodes[id].children[0];
                    self.selected = Some(c);
                    self.jump_to_node(c);
                    self.tree_follow();
                }
            }
            Action::Activate => {
                if self.has_children(id) {
                    self.expanded[id] = !self.expanded[id];
                    self.refresh_visible();
                }
                self.jump_to_node(id);
                if self.overlay == Some(Overlay::Tree) && !self.has_children(id) {
                    self.overlay = None;
                    self.focus = Focus::Detail;
                }
            }
            Action::CycleFold => self.cycle(id),
            _ => {}
        }
    }

    pub(super) fn tree_action(&mut self, action: Action) {
        let page = self.tree_height() as isize;
        match action {
            Action::Up => self.tree_move(-1),
            Action::Down => self.tree_move(1),
            Action::PageUp => self.tree_move(-page),
            Action::PageDown => self.tree_move(page),
            Action::HalfPageUp => self.tree_move(-page / 2),
            Action::HalfPageDown => self.tree_move(page / 2),
            Action::Top => self.tree_select_row(0),
            Action::Bottom => self.tree_select_row(usize::MAX),
            _ => self.fold_action(action),
        }
    }
}
