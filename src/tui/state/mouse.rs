//! The mouse: clicks that focus a pane and pick a row or fold, and the
//! wheel that scrolls the pane under it.

use crate::tui::geometry;

use super::{AppState, Focus, SidebarRow};

impl AppState {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let a = self.areas();
        let hit = |r: Option<ratatui::layout::Rect>| {
            r.is_some_and(|r| r.contains(ratatui::layout::Position::new(column, row)))
        };
        if let Some(t) = a.tree
            && hit(Some(t))
        {
            self.focus = Focus::Tree;
            let inner = geometry::tree_inner(t, a.tree_overlay);
            if row < inner.y || row >= inner.bottom() {
                return;
            }
            let r = self.tree_scroll + (row - inner.y) as usize;
            let Some(&id) = self.visible.get(r) else {
                return;
            };
            let arrow = inner.x + 2 * self.doc.outline.nodes[id].depth as u16;
            self.selected = Some(id);
            if column >= arrow && column < arrow + 2 && self.has_children(id) {
                self.expanded[id] = !self.expanded[id];
                self.refresh_visible();
            }
            self.jump_to_node(id);
            self.tree_follow();
        } else if let Some(s) = a.sidebar
            && hit(Some(s))
        {
            self.focus = Focus::Sidebar;
            let inner = geometry::sidebar_inner(s, a.sidebar_overlay);
            if row < inner.y || row >= inner.bottom() {
                return;
            }
            let r = self.sidebar_scroll + (row - inner.y) as usize;
            if let Some(SidebarRow::Item(i)) = self.sidebar_rows.get(r).copied() {
                self.select_target(i);
            }
        } else if hit(Some(a.detail)) {
            self.overlay = None;
            self.focus = Focus::Detail;
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let a = self.areas();
        let p = ratatui::layout::Position::new(column, row);
        let n: isize = if down { 3 } else { -3 };
        if a.tree.is_some_and(|r| r.contains(p)) {
            let max = self.visible.len().saturating_sub(self.tree_height());
            self.tree_scroll = self.tree_scroll.saturating_add_signed(n).min(max);
        } else if a.sidebar.is_some_and(|r| r.contains(p)) {
            let max = self
                .sidebar_rows
                .len()
                .saturating_sub(self.sidebar_height());
            self.sidebar_scroll = self.sidebar_scroll.saturating_add_signed(n).min(max);
        } else if a.detail.contains(p) {
            self.scroll_detail(n);
        }
    }
}
