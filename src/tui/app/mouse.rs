//! The mouse: clicks that focus a pane and pick a row or fold, and the
//! wheel that scrolls the pane under it.

use ratatui::layout::{Position, Rect};

use crate::tui::geometry;
use crate::tui::report::SidebarRow;

use super::{App, Focus};

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        let a = self.areas();
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains(Position::new(column, row)));
        if let Some(t) = a.tree
            && hit(Some(t))
        {
            self.focus = Focus::Tree;
            let inner = geometry::tree_inner(t, a.tree_overlay);
            if row < inner.y || row >= inner.bottom() {
                return;
            }
            let r = self.report_mut();
            let at = r.tree.list.offset() + (row - inner.y) as usize;
            let Some(&id) = r.tree.visible.get(at) else {
                return;
            };
            let arrow = inner.x + 2 * r.doc.outline.depth(id) as u16;
            r.tree_click(at, column >= arrow && column < arrow + 2);
        } else if let Some(s) = a.sidebar
            && hit(Some(s))
        {
            self.focus = Focus::Sidebar;
            let mut inner = geometry::sidebar_inner(s, a.sidebar_overlay);
            // The row that says a kept filter (see the sidebar's view).
            if self.report().sidebar.filter.is_some() && inner.height > 1 {
                inner.y += 1;
                inner.height -= 1;
            }
            if row < inner.y || row >= inner.bottom() {
                return;
            }
            let r = self.report_mut();
            let at = r.sidebar.list.shown_from(inner.height as usize) + (row - inner.y) as usize;
            if let Some(SidebarRow::Item(i)) = r.sidebar.rows.get(at).copied() {
                r.select_target(i);
            }
        } else if hit(Some(a.detail)) {
            self.overlay = None;
            self.focus = Focus::Detail;
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let a = self.areas();
        let p = Position::new(column, row);
        let n: isize = if down { 3 } else { -3 };
        let r = self.report_mut();
        if a.tree.is_some_and(|t| t.contains(p)) {
            let (len, page) = (r.tree.visible.len(), r.view.tree_height);
            r.tree.list.scroll_by(n, len, page);
        } else if a.sidebar.is_some_and(|s| s.contains(p)) {
            let (len, page) = (r.sidebar.rows.len(), r.view.sidebar_height);
            r.sidebar.list.scroll_by(n, len, page);
        } else if a.detail.contains(p) {
            r.scroll_detail(n);
        }
    }
}
