//! One open report's state: the document and everything the reader keeps
//! about it — the tree's folds and selection, where the detail pane is and
//! its laid-out lines, the targets sidebar, the search, and the memory
//! (bookmarks, jump history). The app ([`super::app::App`]) holds the open
//! reports; a report knows nothing of the app, the modes or the screen but
//! the sizes of its panes ([`Viewport`]), which the app sets.
//!
//! Pure: no terminal, no I/O. The report's methods are by concern in the
//! child modules:
//! - `detail`: positions in the text, scrolling, jumps;
//! - `tree`: folds, visible rows, selection;
//! - `sidebar`: the targets and their selection;
//! - `memory`: bookmarks, the jump history, the saved state;
//! - `quote`: what `y` copies and its citation;
//! - `search`: the prompt, hits, `n`/`N`, the sparse tree, the list of hits.
//!
//! What is derived from the document on other threads (the targets, the
//! search index) arrives after the first frame: the targets as an
//! [`Update`] for this report, the index through
//! [`search::SearchUi::index`], which the search waits for or skips. A
//! document parsed in the background would reach its report the same
//! way: an [`Update`] carrying the grown outline, after which
//! [`Report::update`] re-derives what depends on it (the tree's folds and
//! rows, the marks, the search's counts).

mod detail;
pub mod memory;
pub mod quote;
pub mod search;
pub mod sidebar;
pub mod tree;

use std::sync::Arc;

use crate::config::Config;
use crate::document::{Document, NodeId};

use super::geometry::Viewport;
use super::lines::{LineCache, Pos, layout_options};
pub use detail::{Mark, marks_in};
use memory::Memory;
use search::SearchUi;
pub use sidebar::{Sidebar, SidebarItem, SidebarRow, sidebar_items};
pub use tree::{GlobalFold, Tree};

/// The detail pane of a report: where reading is and the laid-out lines.
#[derive(Debug)]
pub struct Detail {
    /// The top line.
    pub top: Pos,
    /// The node being read (the breadcrumb's).
    pub reading: Option<NodeId>,
    /// Each paragraph laid out at the text's width, as it is shown.
    pub cache: LineCache,
    /// The byte read at the top when a run of resizes began: where the
    /// text is put back at each new size (see [`Report::resized`]).
    pub anchor: Option<usize>,
}

/// Everything the reader keeps about one open report.
#[derive(Debug)]
pub struct Report {
    pub doc: Arc<Document>,
    /// The sizes of the panes the report is shown in, set by the app.
    pub view: Viewport,
    pub tree: Tree,
    pub detail: Detail,
    pub sidebar: Sidebar,
    pub search: SearchUi,
    /// Bookmarks and the jump history.
    pub memory: Memory,
}

/// Data derived from a report on another thread, delivered after the
/// first frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Update {
    /// The targets, extracted.
    Targets(Vec<SidebarItem>),
}

impl Report {
    /// A report as first shown: themes open to their sections, the first
    /// node selected and read. `targets` is `None` while they are still
    /// being extracted (they come as an [`Update`]).
    pub fn new(
        doc: Arc<Document>,
        targets: Option<Vec<SidebarItem>>,
        config: &Config,
        view: Viewport,
    ) -> Report {
        let n = doc.outline.len();
        let mut search = SearchUi::new(doc.clone());
        search.pinyin = config.search.pinyin;
        let mut r = Report {
            view,
            tree: Tree::new(n),
            detail: Detail {
                top: Pos::default(),
                reading: (n > 0).then_some(0),
                cache: LineCache::with_options(layout_options(config)),
                anchor: None,
            },
            sidebar: Sidebar::new(targets),
            search,
            memory: Memory::default(),
            doc,
        };
        r.show_depth(2);
        if n > 0 {
            r.select_node(0);
        }
        r
    }

    /// Takes in what another thread derived.
    pub fn update(&mut self, update: Update) {
        match update {
            Update::Targets(items) => self.set_targets(items),
        }
    }

    /// The targets, when they were extracted after the first frame.
    pub fn set_targets(&mut self, items: Vec<SidebarItem>) {
        self.sidebar.set_items(items);
    }

    /// Report text for one screen line (a tree label, a breadcrumb, a
    /// target): in the detail pane's display forms (full-width punctuation
    /// next to Han characters when the config says so) and terminal-safe.
    pub fn display(&self, s: &str) -> String {
        crate::layout::display_line(s, self.detail.cache.options())
    }
}
