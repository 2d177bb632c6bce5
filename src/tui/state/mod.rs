//! The reader's state and the one function that changes it,
//! [`AppState::apply`]. Pure: no terminal, no I/O, so every transition is
//! testable with actions in and state out.
//!
//! Here: the state's types, its constructors and the dispatch in
//! [`AppState::apply`]. The transitions, by concern, are in the child
//! modules:
//! - `panes`: pane areas and heights, focus, overlays, resizing;
//! - `detail`: positions in the text, scrolling, jumps;
//! - `tree`: folds, visible rows, selection;
//! - `sidebar`: the targets and their selection;
//! - `mouse`: clicks and the wheel.

mod detail;
mod mouse;
mod panes;
mod sidebar;
mod tree;

use std::ops::Range;
use std::sync::Arc;

use crate::document::{Document, NodeId, NodeKind};

use super::action::Action;
pub use super::action::Mode;
use super::geometry::{self, Overlay};
use super::keymap::Keymap;
use super::lines::{LineCache, Pos};
use super::memory::Memory;
use super::search::SearchUi;
use crate::config::Config;

/// The pane that receives movement keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
    Sidebar,
}

/// The last whole-tree fold applied by [`Action::CycleGlobal`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlobalFold {
    Overview,
    Contents,
    All,
}

/// What a part of the detail text is, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Marker,
    ThemeTitle,
    SectionTitle,
}

/// One line of the targets sidebar.
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

/// Everything the view draws from.
#[derive(Debug)]
pub struct AppState {
    pub doc: Arc<Document>,
    pub keymap: Keymap,
    pub mode: Mode,
    pub focus: Focus,
    pub width: u16,
    pub height: u16,
    /// Per node: its children are shown.
    pub expanded: Vec<bool>,
    /// The tree's rows, recomputed when folds change.
    pub visible: Vec<NodeId>,
    /// The tree's highlighted row.
    pub selected: Option<NodeId>,
    pub tree_scroll: usize,
    pub global: GlobalFold,
    /// The detail pane's top line.
    pub top: Pos,
    /// The node being read (the breadcrumb's).
    pub reading: Option<NodeId>,
    pub targets: Vec<SidebarItem>,
    pub sidebar_rows: Vec<SidebarRow>,
    /// Index into `targets`.
    pub target_sel: Option<usize>,
    pub sidebar_scroll: usize,
    /// Words highlighted in the detail pane (the selected target).
    pub highlight: Option<Range<usize>>,
    pub tree_hidden: bool,
    pub sidebar_hidden: bool,
    pub overlay: Option<Overlay>,
    pub help_scroll: usize,
    /// The byte read at the top when a run of resizes began: where the
    /// text is put back at each new size (see `panes.rs`).
    pub resize_anchor: Option<usize>,
    pub mouse: bool,
    pub no_color: bool,
    pub quit: bool,
    /// Set by `Ctrl-z`; the event loop suspends and clears it.
    pub suspend: bool,
    /// Markers and headings of the text, sorted and disjoint.
    pub marks: Vec<(Range<usize>, Mark)>,
    pub cache: LineCache,
    /// Bookmarks, jump history, the status notice (src/tui/memory.rs).
    pub memory: Memory,
    /// The configuration in force: colours, pane widths, display and
    /// search defaults (`config.search.pinyin` for the search UI).
    pub config: Config,
    /// The targets are still being extracted (on another thread).
    pub targets_pending: bool,
    /// Search: prompt, hits, filter, results list.
    pub search: SearchUi,
}

impl AppState {
    /// The first frame's state: themes open to their sections.
    pub fn new(
        doc: impl Into<Arc<Document>>,
        targets: Vec<SidebarItem>,
        width: u16,
        height: u16,
    ) -> AppState {
        AppState::with_config(doc, targets, width, height, Config::default())
    }

    /// The first frame's state under a configuration: its keys, colours,
    /// pane widths, display options and whether the sidebar starts shown.
    pub fn with_config(
        doc: impl Into<Arc<Document>>,
        targets: Vec<SidebarItem>,
        width: u16,
        height: u16,
        config: Config,
    ) -> AppState {
        let doc: Arc<Document> = doc.into();
        let n = doc.outline.len();
        let mut marks = Vec::new();
        for node in &doc.outline.nodes {
            if let Some(m) = &node.marker {
                marks.push((m.clone(), Mark::Marker));
            }
            let title = match node.kind {
                NodeKind::Theme => Some(Mark::ThemeTitle),
                NodeKind::Section | NodeKind::Heading => Some(Mark::SectionTitle),
                _ => None,
            };
            if let Some(t) = title
                && !node.title.is_empty()
            {
                marks.push((node.title.clone(), t));
            }
        }
        marks.sort_by_key(|(r, _)| (r.start, r.end));
        let mut last_end = 0;
        marks.retain(|(r, _)| {
            let keep = r.start >= last_end;
            if keep {
                last_end = r.end;
            }
            keep
        });
        let sidebar_rows = sidebar::sidebar_rows(&targets);
        let mut s = AppState {
            keymap: Keymap::from_config(&config),
            mode: Mode::Normal,
            focus: Focus::Tree,
            width,
            height,
            expanded: vec![false; n],
            visible: Vec::new(),
            selected: (n > 0).then_some(0),
            tree_scroll: 0,
            global: GlobalFold::Contents,
            top: Pos::default(),
            reading: (n > 0).then_some(0),
            targets,
            sidebar_rows,
            target_sel: None,
            sidebar_scroll: 0,
            highlight: None,
            tree_hidden: false,
            sidebar_hidden: !config.panes.sidebar,
            overlay: None,
            help_scroll: 0,
            resize_anchor: None,
            mouse: true,
            no_color: false,
            quit: false,
            suspend: false,
            marks,
            cache: LineCache::with_options(super::lines::layout_options(&config)),
            memory: Memory::default(),
            config,
            targets_pending: false,
            search: SearchUi::new(doc.clone()),
            doc,
        };
        s.search.pinyin = s.config.search.pinyin;
        s.show_depth(2);
        if s.areas().tree.is_none() {
            s.focus = Focus::Detail;
        }
        s
    }

    /// The targets, when they were extracted after the first frame.
    pub fn set_targets(&mut self, targets: Vec<SidebarItem>) {
        self.sidebar_rows = sidebar::sidebar_rows(&targets);
        self.targets = targets;
        self.targets_pending = false;
        self.target_sel = None;
        self.sidebar_scroll = 0;
    }

    // ----- actions --------------------------------------------------------

    /// Carries out one action.
    pub fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. }) {
            self.memory.notice = None;
            self.search.notice = None;
            self.resize_anchor = None;
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::ToggleMouse => self.mouse = !self.mouse,
            Action::Resize { width, height } => self.resize(width, height),
            _ if self.mode == Mode::Search => self.prompt_action(action),
            _ if self.mode == Mode::Results => self.results_action(action),
            a if a.is_search() => self.search_action(a),
            Action::ToggleHelp => {
                self.mode = match self.mode {
                    Mode::Help => Mode::Normal,
                    _ => Mode::Help,
                };
                self.help_scroll = 0;
            }
            _ if self.mode == Mode::Help => match action {
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::Down => {
                    let rows = self.keymap.help_rows().len();
                    self.help_scroll = (self.help_scroll + 1).min(rows.saturating_sub(1));
                }
                Action::Close | Action::Click { .. } => self.mode = Mode::Normal,
                _ => {}
            },
            _ if self.memory_action(action) => {}
            Action::Close => {
                if self.overlay.take().is_some() {
                    self.focus = Focus::Detail;
                }
                self.highlight = None;
            }
            Action::ToggleSidebar => {
                if self.width >= geometry::SIDEBAR_DOCK_MIN {
                    self.sidebar_hidden = !self.sidebar_hidden;
                } else {
                    self.toggle_overlay(Overlay::Sidebar, Focus::Sidebar);
                }
            }
            Action::ToggleTree => {
                if self.width >= geometry::TREE_DOCK_MIN {
                    self.tree_hidden = !self.tree_hidden;
                } else {
                    self.toggle_overlay(Overlay::Tree, Focus::Tree);
                }
            }
            Action::FocusNext | Action::FocusPrev => {
                let p = self.panes();
                if let Some(i) = p.iter().position(|f| *f == self.focus) {
                    let n = p.len();
                    let j = if action == Action::FocusNext {
                        (i + 1) % n
                    } else {
                        (i + n - 1) % n
                    };
                    self.focus = p[j];
                } else {
                    self.fix_focus();
                }
            }
            Action::CycleGlobal => {
                self.global = match self.global {
                    GlobalFold::Overview => GlobalFold::Contents,
                    GlobalFold::Contents => GlobalFold::All,
                    GlobalFold::All => GlobalFold::Overview,
                };
                match self.global {
                    GlobalFold::Overview => self.show_depth(1),
                    GlobalFold::Contents => self.show_depth(2),
                    GlobalFold::All => self.show_depth(usize::MAX),
                }
            }
            Action::ShowDepth(d) => self.show_depth(d as usize),
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            _ => match self.focus {
                Focus::Tree => self.tree_action(action),
                Focus::Detail => self.detail_action(action),
                Focus::Sidebar => self.sidebar_action(action),
            },
        }
        self.fix_focus();
    }
}
