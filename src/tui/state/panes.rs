//! The screen's panes as the state sees them: their areas and heights
//! at the current size, which are shown, the focus among them, the
//! overlays, and resizing.

use super::AppState;
use super::Focus;
use crate::tui::geometry::{self, Areas, Overlay};

impl AppState {
    // ----- geometry -------------------------------------------------------

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
        }
    }

    /// Width of the detail pane's text.
    pub fn text_width(&self) -> u16 {
        geometry::detail_text(self.areas().detail).width.max(1)
    }

    pub(in crate::tui) fn detail_height(&self) -> usize {
        (self.areas().detail.height as usize).max(1)
    }

    pub(super) fn tree_height(&self) -> usize {
        let a = self.areas();
        a.tree
            .map(|t| geometry::tree_inner(t, a.tree_overlay).height as usize)
            .unwrap_or(1)
            .max(1)
    }

    pub(super) fn sidebar_height(&self) -> usize {
        let a = self.areas();
        a.sidebar
            .map(|t| geometry::sidebar_inner(t, a.sidebar_overlay).height as usize)
            .unwrap_or(1)
            .max(1)
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

    pub(super) fn toggle_overlay(&mut self, o: Overlay, focus: Focus) {
        if self.overlay == Some(o) {
            self.overlay = None;
            self.focus = Focus::Detail;
        } else {
            self.overlay = Some(o);
            self.focus = focus;
        }
    }

    pub(super) fn resize(&mut self, width: u16, height: u16) {
        let offset = self
            .resize_anchor
            .take()
            .unwrap_or_else(|| self.offset_of(self.top));
        self.width = width;
        self.height = height;
        // Kept through a run of resizes (a window dragged, a screen too
        // small to show text), so the place read does not drift to line
        // starts of each passing width; any other action forgets it.
        self.resize_anchor = Some(offset);
        if self.areas().too_small {
            return;
        }
        if self.overlay == Some(Overlay::Tree) && width >= geometry::TREE_DOCK_MIN
            || self.overlay == Some(Overlay::Sidebar) && width >= geometry::SIDEBAR_DOCK_MIN
        {
            self.overlay = None;
        }
        self.top = self.pos_of(offset);
        self.tree_follow();
        self.fix_focus();
    }
}
