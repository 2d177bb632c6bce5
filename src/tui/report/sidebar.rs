//! The targets sidebar: its rows, the chosen target (and the words it
//! highlights in the text), moving between targets, the filter typed
//! after `/` in the sidebar (literal, or pinyin and initials as the
//! search matches them), and whether the report's results (what it
//! reports as done) are listed beside its targets.

use std::ops::Range;

use crate::document::{Document, NodeId};
use crate::search::{fold, pinyin};
use crate::tui::action::Action;
use crate::tui::list::{ListState, Motion};

use super::Report;
use super::search::Prompt;

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
    /// A result (a look-back figure), listed only when the sidebar shows
    /// results; otherwise a target.
    pub result: bool,
}

/// A row of the sidebar: a theme heading or a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SidebarRow {
    Header(NodeId),
    Item(usize),
}

/// The sidebar's items: each target's and each result's quantity as
/// written (value and unit, `4000家`) and subject, under the theme that
/// holds it. The sidebar lists the results only when asked
/// ([`Sidebar::show_results`]).
pub fn sidebar_items(doc: &Document) -> Vec<SidebarItem> {
    sidebar_items_of(doc, &crate::targets::extract(doc))
}

/// [`sidebar_items`] of targets already extracted (a library's, cached).
pub fn sidebar_items_of(doc: &Document, items: &[crate::targets::Item]) -> Vec<SidebarItem> {
    items
        .iter()
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
                result: !t.is_target(),
            }
        })
        .collect()
}

/// The targets sidebar of a report.
#[derive(Clone, Debug, Default)]
pub struct Sidebar {
    /// The targets and results, in document order.
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
    /// The filter typed after `/` in the sidebar: only the targets whose
    /// label matches are rows.
    pub filter: Option<Prompt>,
    /// Results are listed beside the targets (`T`).
    pub show_results: bool,
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
        self.items = items;
        self.pending = false;
        self.refilter();
        self.list.reset();
    }

    /// Recomputes the rows: the targets (and the results, when shown)
    /// that the filter keeps (all of them without one).
    fn refilter(&mut self) {
        let query = self.filter.as_ref().map(|p| p.text.trim()).unwrap_or("");
        let m = (!query.is_empty()).then(|| Matcher::new(query));
        let keep: Vec<bool> = self
            .items
            .iter()
            .map(|t| {
                (self.show_results || !t.result) && m.as_ref().is_none_or(|m| m.matches(&t.label))
            })
            .collect();
        self.rows = sidebar_rows(&self.items, &keep);
    }

    /// What the filter chooses from: `N targets`, or `N items` with the
    /// results shown.
    pub fn listable(&self) -> String {
        if self.show_results {
            format!("{} items", self.items.len())
        } else {
            format!("{} targets", self.items.len() - self.results())
        }
    }

    /// How many of the items are results (listed or not).
    pub fn results(&self) -> usize {
        self.items.iter().filter(|t| t.result).count()
    }

    /// The targets shown (filtered), in order.
    pub fn shown(&self) -> Vec<usize> {
        self.rows
            .iter()
            .filter_map(|r| match r {
                SidebarRow::Item(i) => Some(*i),
                SidebarRow::Header(_) => None,
            })
            .collect()
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

/// A filter's query, folded as the search folds (full-width, case), and
/// its pinyin pattern for ASCII letters.
struct Matcher {
    folded: String,
    pinyin: Option<String>,
}

impl Matcher {
    fn new(query: &str) -> Matcher {
        let folded = fold::fold_str(query);
        Matcher {
            pinyin: pinyin::pattern(&folded),
            folded,
        }
    }

    /// Whether a label holds the query, literally or by pinyin.
    fn matches(&self, label: &str) -> bool {
        if fold::fold_str(label).contains(&self.folded) {
            return true;
        }
        let Some(p) = &self.pinyin else {
            return false;
        };
        let mut hit = false;
        pinyin::PinyinFinder::new(p).find(label, 0, label.len(), |_| hit = true);
        hit
    }
}

/// The sidebar's rows: each theme's heading before its targets, the
/// targets `keep` says.
fn sidebar_rows(items: &[SidebarItem], keep: &[bool]) -> Vec<SidebarRow> {
    let mut rows = Vec::new();
    let mut theme = None;
    for (i, t) in items.iter().enumerate() {
        if !keep.get(i).copied().unwrap_or(true) {
            continue;
        }
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

    /// Keys of the focused sidebar: moves go from target to target among
    /// those shown, from the chosen one or, before one is chosen, from the
    /// first (where the focused sidebar shows its cursor: one `j`, one
    /// row); `Activate` goes to the chosen one.
    pub fn sidebar_action(&mut self, action: Action) {
        let shown = self.sidebar.shown();
        let at = self
            .sidebar
            .selected()
            .and_then(|i| shown.iter().position(|&s| s == i));
        if let Some(m) = Motion::of(action) {
            let from = at.or((!shown.is_empty()).then_some(0));
            let page = self.view.sidebar_height.saturating_sub(1).max(1);
            if let Some(k) = m.target(from, shown.len(), page)
                && (at.is_some() || k != 0 || m == Motion::Top)
            {
                self.select_target(shown[k]);
            }
        } else if action == Action::Activate
            && let Some(&i) = at.map(|k| &shown[k]).or(shown.first())
        {
            self.select_target(i);
        }
    }

    /// `T`: lists the results beside the targets, or the targets alone
    /// again; what is chosen stays chosen if it is still listed. Returns
    /// what to say.
    pub fn toggle_results(&mut self) -> String {
        self.sidebar.show_results = !self.sidebar.show_results;
        self.sidebar.refilter();
        self.sidebar_reselect();
        let n = self.sidebar.results();
        let results = if n == 1 { "result" } else { "results" };
        if self.sidebar.show_results {
            format!("targets and {n} {results} (✓) listed")
        } else {
            format!("targets only ({n} {results} hidden)")
        }
    }

    /// `/` in the sidebar: a filter prompt, empty.
    pub fn filter_open(&mut self) {
        self.sidebar.filter = Some(Prompt::default());
        self.sidebar.refilter();
        self.sidebar_reselect();
    }

    /// The filter prompt's editing keys: each change filters again.
    pub fn filter_edit(&mut self, action: Action) {
        if let Some(p) = &mut self.sidebar.filter
            && p.edit(action)
        {
            self.sidebar.refilter();
            self.sidebar_reselect();
        }
    }

    /// No filter: every target is a row again.
    pub fn filter_clear(&mut self) {
        self.sidebar.filter = None;
        self.sidebar.refilter();
        self.sidebar_reselect();
    }

    /// After the rows changed: the chosen target's row stays selected
    /// when it is shown, else nothing is selected.
    fn sidebar_reselect(&mut self) {
        let chosen = self
            .sidebar
            .list
            .selected()
            .and(self.sidebar.highlight.as_ref())
            .and_then(|h| self.sidebar.items.iter().position(|t| t.range == *h));
        let s = &mut self.sidebar;
        let row = chosen.and_then(|i| s.rows.iter().position(|r| *r == SidebarRow::Item(i)));
        s.list.reset();
        s.list
            .select_under(row, 1, s.rows.len(), self.view.sidebar_height);
    }
}
