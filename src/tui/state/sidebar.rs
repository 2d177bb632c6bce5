//! The targets sidebar: its rows, the selected target (and the words it
//! highlights) and moving between targets.

use crate::tui::action::Action;
use crate::tui::geometry::Overlay;

use super::{AppState, Focus, SidebarItem, SidebarRow};

impl AppState {
    pub(super) fn select_target(&mut self, i: usize) {
        if i >= self.targets.len() {
            return;
        }
        // Going from the text to a target is a jump; moving between
        // targets is not.
        if self.highlight.is_none() {
            let from = self.reading_offset();
            self.memory.record(from);
        }
        let t = &self.targets[i];
        self.target_sel = Some(i);
        self.highlight = Some(t.range.clone());
        self.top = self.pos_of(t.range.start);
        self.reading = Some(t.node);
        self.selected = Some(self.visible_ancestor(t.node));
        self.tree_follow();
        let row = self
            .sidebar_rows
            .iter()
            .position(|r| *r == SidebarRow::Item(i))
            .unwrap_or(0);
        let h = self.sidebar_height();
        // Keep the theme heading above the first target in view.
        let want = if row > 0 && matches!(self.sidebar_rows[row - 1], SidebarRow::Header(_)) {
            row - 1
        } else {
            row
        };
        if want < self.sidebar_scroll {
            self.sidebar_scroll = want;
        } else if row >= self.sidebar_scroll + h {
            self.sidebar_scroll = row + 1 - h;
        }
    }

    fn target_move(&mut self, n: isize) {
        if self.targets.is_empty() {
            return;
        }
        let i = match self.target_sel {
            Some(i) => i.saturating_add_signed(n).min(self.targets.len() - 1),
            None => 0,
        };
        self.select_target(i);
    }

    pub(super) fn sidebar_action(&mut self, action: Action) {
        let page = self.sidebar_height() as isize;
        match action {
            Action::Up => self.target_move(-1),
            Action::Down => self.target_move(1),
            Action::PageUp => self.target_move(-page),
            Action::PageDown => self.target_move(page),
            Action::HalfPageUp => self.target_move(-page / 2),
            Action::HalfPageDown => self.target_move(page / 2),
            Action::Top => self.select_target(0),
            Action::Bottom => self.select_target(self.targets.len().saturating_sub(1)),
            Action::Activate => {
                if let Some(i) = self.target_sel.or((!self.targets.is_empty()).then_some(0)) {
                    self.select_target(i);
                }
                if self.overlay == Some(Overlay::Sidebar) {
                    self.overlay = None;
                    self.focus = Focus::Detail;
                }
            }
            _ => {}
        }
    }
}

/// The sidebar's rows: each theme's heading before its targets.
pub(super) fn sidebar_rows(targets: &[SidebarItem]) -> Vec<SidebarRow> {
    let mut rows = Vec::new();
    let mut theme = None;
    for (i, t) in targets.iter().enumerate() {
        if theme != Some(t.theme) {
            theme = Some(t.theme);
            rows.push(SidebarRow::Header(t.theme));
        }
        rows.push(SidebarRow::Item(i));
    }
    rows
}
