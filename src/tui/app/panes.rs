//! The screen's panes as the app sees them: their areas at the current
//! size, the viewport they give the current report, which are shown, the
//! focus among them, the overlays, and resizing.

use super::{App, Focus};
use crate::tui::geometry::{self, Areas, Overlay, Viewport};

impl App {
    pub fn areas(&self) -> Areas {
        geometry::areas_with(
            self.width,
            self.height,
            self.tree_hidden,
            self.sidebar_hidden,
            self.overlay,
            self.pane_widths(),
        )
    }

    /// The docked panes' widths from the config.
    pub fn pane_widths(&self) -> geometry::PaneWidths {
        geometry::PaneWidths {
            tree: self.config.panes.tree_width,
            sidebar: self.config.panes.sidebar_width,
            text: self.config.display.max_width,
        }
    }

    /// The sizes the current layout gives a report's panes.
    pub fn viewport(&self) -> Viewport {
        Viewport::of(&self.areas(), self.width, self.height)
    }

    // ----- focus and overlays ---------------------------------------------

    pub(super) fn panes(&self) -> Vec<Focus> {
        let a = self.areas();
        let mut p = Vec::new();
        if a.tree.is_some() {
            p.push(Focus::Tree);
        }
        if !a.tree_overlay && !a.sidebar_overlay {
            p.push(Focus::Detail);
        }
        if a.sidebar.is_some() {
            p.push(Focus::Sidebar);
        }
        p
    }

    /// Puts the focus back on a pane that is shown.
    pub(super) fn fix_focus(&mut self) {
        let p = self.panes();
        if !p.contains(&self.focus) {
            self.focus = *p.first().unwrap_or(&Focus::Detail);
        }
    }

    /// The next or previous pane shown gets the focus.
    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let p = self.panes();
        if let Some(i) = p.iter().position(|f| *f == self.focus) {
            let n = p.len();
            let j = if forward {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            self.focus = p[j];
        } else {
            self.fix_focus();
        }
    }

    fn toggle_overlay(&mut self, o: Overlay, focus: Focus) {
        if self.overlay == Some(o) {
            self.overlay = None;
            self.focus = Focus::Detail;
        } else {
            self.overlay = Some(o);
            self.focus = focus;
        }
    }

    /// Whether the sidebar docks beside the text at the current size.
    pub fn sidebar_docks(&self) -> bool {
        geometry::sidebar_docks(self.width, self.tree_hidden, self.pane_widths())
    }

    /// Shows or hides the sidebar: docked on wide screens, an overlay on
    /// narrow ones.
    pub(super) fn toggle_sidebar(&mut self) {
        if self.sidebar_docks() {
            self.sidebar_hidden = !self.sidebar_hidden;
        } else {
            self.toggle_overlay(Overlay::Sidebar, Focus::Sidebar);
        }
    }

    /// Shows or hides the tree: docked on wide screens, an overlay on
    /// narrow ones.
    pub(super) fn toggle_tree(&mut self) {
        if self.width >= geometry::TREE_DOCK_MIN {
            self.tree_hidden = !self.tree_hidden;
        } else {
            self.toggle_overlay(Overlay::Tree, Focus::Tree);
        }
    }

    /// Closes `o` if it is the overlay shown; the text gets the focus.
    pub(super) fn close_overlay(&mut self, o: Overlay) {
        if self.overlay == Some(o) {
            self.overlay = None;
            self.focus = Focus::Detail;
        }
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        // The place read is taken at the old size, put back at the new.
        self.report_mut().anchor_for_resize();
        self.width = width;
        self.height = height;
        if self.areas().too_small {
            return;
        }
        if self.overlay == Some(Overlay::Tree) && width >= geometry::TREE_DOCK_MIN
            || self.overlay == Some(Overlay::Sidebar) && self.sidebar_docks()
        {
            self.overlay = None;
        }
        self.report_mut().resized();
        self.fix_focus();
    }
}
