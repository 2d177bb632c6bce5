//! The targets sidebar: its rows, the chosen target (and the words it
//! highlights in the text) and moving between targets.

use std::ops::Range;

use crate::document::{Document, NodeId};
use crate::tui::action::Action;
use crate::tui::list::{ListState, Motion};

use super::Report;

/// One target of the sidebar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SidebarItem {
    pub node: NodeId,
    /// The theme (top-level node) it is grouped under.
    pub theme: NodeId,
    /// `4000家 高新技术企业`.
    pub label: String,
    /// The words to highlight in the detail pane.
    pub range: Range<usize>,
}

/// A row of the sidebar: a theme heading or a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidebarRow {
    Header(NodeId),
    Item(usize),
}

/// The sidebar's rows: each target's quantity as written (value and unit,
/// `4000家`) and subject, under the theme that holds it. Results are not
/// listed.
pub fn sidebar_items(doc: &Document) -> Vec<SidebarItem> {
    crate::targets::extract(doc)
        .into_iter()
        .filter(|t| t.is_target())
        .map(|t| {
            let q = t.quantity(doc);
            let subject = t.subject(doc);
            let label = if subject.is_empty() {
                q.to_string()
            } else {
                format!("{q} {subject}")
            };
            SidebarItem {
                node: t.node,
                theme: doc.outline.root_of(t.node),
                label,
                range: t.span.clone(),
            }
        })
        .collect()
}

/// The targets sidebar of a report.
#[derive(Clone, Debug, Default)]
pub struct Sidebar {
    /// The targets, in document order.
    pub items: Vec<SidebarItem>,
    /// The rows: each theme's heading before its targets.
    pub rows: Vec<SidebarRow>,
    /// The chosen target's row (none before one is chosen) and the first
    /// row shown.
    pub list: ListState,
    /// The targets are still being extracted (on another thread).
    pub pending: bool,
    /// Words highlighted in the detail pane (the chosen target), until
    /// `Esc`.
    pub highlight: Option<Range<usize>>,
}

impl Sidebar {
    /// A sidebar with its targets, or waiting for them (`None`).
    pub fn new(items: Option<Vec<SidebarItem>>) -> Sidebar {
        let mut s = Sidebar {
            pending: items.is_none(),
            ..Sidebar::default()
        };
        if let Some(items) = items {
            s.set_items(items);
        }
        s
    }

    /// The targets, found: nothing chosen yet.
    pub fn set_items(&mut self, items: Vec<SidebarItem>) {
        self.rows = sidebar_rows(&items);
        self.items = items;
        self.pending = false;
        self.list.reset();
    }

    /// The chosen target (an index into `items`).
    pub fn selected(&self) -> Option<usize> {
        match self.rows.get(self.list.selected()?)? {
            SidebarRow::Item(i) => Some(*i),
            SidebarRow::Header(_) => None,
        }
    }

    fn row_of(&self, item: usize) -> usize {
        self.rows
            .iter()
            .position(|r| *r == SidebarRow::Item(item))
            .unwrap_or(0)
    }
}

/// The sidebar's rows: each theme's heading before its targets.
fn sidebar_rows(items: &[SidebarItem]) -> Vec<SidebarRow> {
    let mut rows = Vec::new();
    let mut theme = None;
    for (i, t) in items.iter().enumerate() {
        if theme != Some(t.theme) {
            theme = Some(t.theme);
            rows.push(SidebarRow::Header(t.theme));
        }
        rows.push(SidebarRow::Item(i));
    }
    rows
}

impl Report {
    /// Chooses target `i`: its words are highlighted and go to the top of
    /// the text, the tree follows, and its row shows (with its theme's
    /// heading above it when that fits).
    pub fn select_target(&mut self, i: usize) {
        let Some(t) = self.sidebar.items.get(i).cloned() else {
            return;
        };
        // Going from the text to a target is a jump; moving between
        // targets is not.
        if self.sidebar.highlight.is_none() {
            let from = self.reading_offset();
            self.memory.record(from);
        }
        self.sidebar.highlight = Some(t.range.clone());
        self.detail.top = self.pos_of(t.range.start);
        self.detail.reading = Some(t.node);
        self.select_node(t.node);
        let s = &mut self.sidebar;
        let row = s.row_of(i);
        let heading = row > 0 && matches!(s.rows[row - 1], SidebarRow::Header(_));
        s.list.select_under(
            Some(row),
            usize::from(heading),
            s.rows.len(),
            self.view.sidebar_height,
        );
    }

    /// Keys of the sidebar: moves go from target to target (the first
    /// move chooses the first), `Activate` goes to the chosen one.
    pub fn sidebar_action(&mut self, action: Action) {
        let n = self.sidebar.items.len();
        if let Some(m) = Motion::of(action) {
            let page = self.view.sidebar_height;
            if let Some(i) = m.target(self.sidebar.selected(), n, page) {
                self.select_target(i);
            }
        } else if action == Action::Activate
            && let Some(i) = self.sidebar.selected().or((n > 0).then_some(0))
        {
            self.select_target(i);
        }
    }
}
