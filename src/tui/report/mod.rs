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
//! What is derived from the document on other threads arrives after the
//! first frame as an [`Update`] for this report. A big report is first
//! shown from its head ([`Report::loading`]): the whole document, parsed on
//! another thread, replaces it ([`Report::set_document`]: the folds, the
//! selection and the place read are carried over by byte offset), with
//! its search index; then come its targets. The search index is built on
//! another thread too ([`search::SearchUi::index`]); the search waits for
//! it or skips.

mod detail;
pub mod memory;
pub mod quote;
pub mod search;
pub mod sidebar;
pub mod tree;

use std::sync::Arc;

use crate::config::Config;
use crate::document::{Document, LoadError, Node, NodeId};
use crate::persist::Loaded;
use crate::search::SearchIndex;

use super::geometry::Viewport;
use super::lines::{LineCache, Pos, layout_options};
pub use detail::{Mark, marks_in};
use memory::Memory;
use search::SearchUi;
pub use sidebar::{Sidebar, SidebarItem, SidebarRow, sidebar_items, sidebar_items_of};
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
    /// The document is the report's head, shown while the whole is read
    /// and parsed: what needs the whole (the end, a percentage, a search)
    /// waits for [`Update::Document`].
    pub loading: bool,
}

/// Data derived from a report on another thread, delivered after the
/// first frame.
#[derive(Debug)]
pub enum Update {
    /// The whole document, for a report shown from its head, with its
    /// search index (built on another thread) and its saved reading state
    /// (`None` without a store).
    Document {
        doc: Arc<Document>,
        index: Arc<SearchIndex<'static>>,
        state: Option<Loaded>,
    },
    /// The report could not be read to its end after all (a NUL byte
    /// past its head, an I/O error).
    Failed(LoadError),
    /// The targets, extracted.
    Targets(Vec<SidebarItem>),
    /// For the library, not for one report (its listing counted, hits of
    /// a search across it).
    Library(crate::tui::library::LibraryUpdate),
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
            loading: false,
            doc,
        };
        r.show_depth(2);
        if n > 0 {
            r.select_node(0);
        }
        r
    }

    /// Takes in the whole document of a report shown from its head (and
    /// its search index). When its text goes on from the head's (as it
    /// does unless the head decoded otherwise), the folds of the head's
    /// nodes, the tree's selection, the place read and the memory carry
    /// over by byte offset; the nodes past the head are shown to the
    /// default depth.
    pub fn set_document(&mut self, doc: Arc<Document>, index: Arc<SearchIndex<'static>>) {
        let old = self.doc.clone();
        let continues = doc.text.starts_with(old.text.as_str());
        let offset = self.reading_offset();
        let selected = self.tree.selected().map(|n| old.outline.node(n));
        let folds: Vec<(Node, bool)> = (0..old.outline.len())
            .filter(|&n| old.outline.has_children(n))
            .map(|n| (old.outline.node(n), self.tree.expanded[n]))
            .collect();
        let n = doc.outline.len();
        let pinyin = self.search.pinyin;
        self.search = SearchUi::with_index(index);
        self.search.pinyin = pinyin;
        self.tree = Tree::new(n);
        self.detail = Detail {
            top: Pos::default(),
            reading: (n > 0).then_some(0),
            cache: LineCache::with_options(*self.detail.cache.options()),
            anchor: None,
        };
        self.doc = doc;
        self.loading = false;
        self.show_depth(2);
        if !continues {
            self.memory = Memory::default();
            if n > 0 {
                self.select_node(0);
            }
            return;
        }
        for (node, open) in folds {
            if let Some(id) = self.same_node(&node) {
                self.tree.expanded[id] = open;
            }
        }
        self.refresh_visible();
        self.detail.top = self.pos_exact(offset);
        self.follow_reading();
        match selected.and_then(|s| self.same_node(&s)) {
            Some(id) => self.select_node(id),
            None => self.tree_follow(),
        }
    }

    /// The node of the document that stands where `node` stood in the
    /// head's: the same start, kind and depth.
    fn same_node(&self, node: &Node) -> Option<NodeId> {
        let o = &self.doc.outline;
        let start = node.span.start;
        (o.starting_before(start)..o.len())
            .take_while(|&id| o.span(id).start == start)
            .find(|&id| o.kind(id) == node.kind && o.depth(id) == node.depth)
    }

    /// Takes in what another thread derived (the saved state and a
    /// failure are the app's: [`crate::tui::app::App::update`]).
    pub fn update(&mut self, update: Update) {
        match update {
            Update::Document { doc, index, .. } => self.set_document(doc, index),
            Update::Targets(items) => self.set_targets(items),
            Update::Failed(_) | Update::Library(_) => {}
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
