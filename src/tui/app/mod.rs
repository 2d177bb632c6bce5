//! The reader's app-wide state and the one function that changes it,
//! [`App::apply`]. Pure: no terminal, no I/O, so every transition is
//! testable with actions in and state out.
//!
//! [`App`] holds what does not belong to one report — the mode, the focus,
//! the screen's size and panes, the keymap, the config, the notices — and
//! the open reports ([`Report`]), one of them current. A key's action is
//! carried out by the current mode's handler, found in one table
//! ([`modes::MODES`]); the handlers change the app and call the current
//! report's methods.
//!
//! Here: the app's types, its constructors, the reports it holds, what a
//! key means now ([`App::key_action`]: the text pane's keys first where
//! the text has the focus), the saved state with the focus, quoting
//! (`y`/`Y`: what has the focus decides what is quoted) and
//! [`App::apply`]. In the child modules:
//! - `modes`: the mode table and each mode's handler;
//! - `panes`: pane areas, the viewport of the reports, focus, overlays,
//!   resizing;
//! - `mouse`: clicks and the wheel;
//! - `library`: the library's pane, switching reports (the alternate
//!   report), the search across the library and its grouped hits;
//! - `compare`: the compare view of two open reports and its passages.

pub mod compare;
mod library;
pub mod modes;
mod mouse;
mod panes;

use std::sync::Arc;

use crate::config::Config;
use crate::document::{Document, LoadError};

use super::action::{Action, Mode};
use super::clipboard::{self, Support};
use super::geometry::Overlay;
use super::keymap::Keymap;
use super::list::ListState;
use super::report::{Report, SidebarItem, Update, quote};
use crate::config::KeySpec;
use crate::persist::{Loaded, SavedState};

/// What a key that needs the whole report says while it is being read.
pub const STILL_READING: &str = "still reading the report…";

/// The pane that receives movement keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    Tree,
    Detail,
    Sidebar,
}

/// One-line messages, shown until the next key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    /// In the status bar, in place of the breadcrumb: a state file set
    /// aside, bytes replaced while decoding, "bookmark a set", "no
    /// bookmark x".
    pub status: Option<String>,
    /// In the keys row: what a search key found or could not do ("no
    /// hits", wrapped around).
    pub search: Option<&'static str>,
}

/// Which of the open reports: an index into [`App::reports`], stable
/// while the app runs (reports are added, never removed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ReportId(pub usize);

/// Everything the view draws from.
#[derive(Debug)]
pub struct App {
    /// The configuration in force: keys, colours, pane widths, display
    /// and search defaults.
    pub config: Config,
    pub keymap: Keymap,
    pub mode: Mode,
    pub focus: Focus,
    pub width: u16,
    pub height: u16,
    pub tree_hidden: bool,
    pub sidebar_hidden: bool,
    pub overlay: Option<Overlay>,
    /// The help's scroll (a list without a selection).
    pub help: ListState,
    pub notices: Notices,
    pub mouse: bool,
    pub no_color: bool,
    pub quit: bool,
    /// Set by `Ctrl-z`; the event loop suspends and clears it.
    pub suspend: bool,
    /// The digits typed in the percentage prompt.
    pub number: String,
    /// Whether the terminal can take a copy (OSC 52), as the environment
    /// says (set at start).
    pub clipboard: Support,
    /// Text to put on the clipboard: the event loop sends it and clears it.
    pub copy: Option<String>,
    /// A key has moved the text or the tree's selection since the first
    /// frame (a saved state that arrives later then keeps that place).
    pub moved: bool,
    /// A report could not be read to its end: the reader quits and says
    /// why.
    pub failed: Option<LoadError>,
    /// The library, when the reader opened several reports or a
    /// directory (`None` for one report).
    pub library: Option<crate::tui::library::LibraryUi>,
    /// A hit to go to in a report still being read: report, offset, query.
    pub hit_pending: Option<(ReportId, usize, String)>,
    /// The compare view (kept when closed: opened again on the same
    /// reports, it is not made again).
    pub compare: Option<compare::CompareView>,
    /// A comparison to make: the event loop hands it to a thread
    /// ([`crate::tui::event_loop::start_compare`]) and clears it.
    pub compare_job: Option<compare::CompareJob>,
    reports: Vec<Report>,
    current: ReportId,
    /// The report current before this one: the alternate report (`a`
    /// goes back to it) and the one `compare` compares with.
    previous: Option<ReportId>,
}

impl App {
    /// The first frame's state for a document: themes open to their
    /// sections. `targets`: `None` while they are being extracted.
    pub fn new(
        doc: impl Into<Arc<Document>>,
        targets: Option<Vec<SidebarItem>>,
        width: u16,
        height: u16,
    ) -> App {
        App::with_config(doc, targets, width, height, Config::default())
    }

    /// The first frame's state under a configuration: its keys, colours,
    /// pane widths, display options and whether the sidebar starts shown.
    pub fn with_config(
        doc: impl Into<Arc<Document>>,
        targets: Option<Vec<SidebarItem>>,
        width: u16,
        height: u16,
        config: Config,
    ) -> App {
        let mut app = App {
            keymap: Keymap::new(&config, &modes::mode_keys()),
            mode: Mode::Normal,
            focus: Focus::Tree,
            width,
            height,
            tree_hidden: false,
            sidebar_hidden: !config.panes.sidebar,
            overlay: None,
            help: ListState::default(),
            notices: Notices::default(),
            mouse: true,
            no_color: false,
            quit: false,
            suspend: false,
            number: String::new(),
            clipboard: Support::default(),
            copy: None,
            moved: false,
            failed: None,
            library: None,
            hit_pending: None,
            compare: None,
            compare_job: None,
            reports: Vec::new(),
            current: ReportId(0),
            previous: None,
            config,
        };
        app.open(doc.into(), targets);
        if app.areas().tree.is_none() {
            app.focus = Focus::Detail;
        }
        app
    }

    /// Opens a report and makes it the current one (the one current
    /// before becomes the previous one).
    pub fn open(&mut self, doc: Arc<Document>, targets: Option<Vec<SidebarItem>>) -> ReportId {
        let report = Report::new(doc, targets, &self.config, self.viewport());
        self.reports.push(report);
        let id = ReportId(self.reports.len() - 1);
        self.switch_to(id);
        id
    }

    /// Makes an open report the current one; the one current before
    /// becomes the previous one. Nothing for a report that is not open
    /// or already current.
    pub fn switch_to(&mut self, id: ReportId) {
        if id.0 >= self.reports.len() {
            return;
        }
        if id != self.current {
            self.previous = Some(self.current);
        }
        self.current = id;
        self.sync_view();
        self.fix_focus();
    }

    /// The report current before this one, if any: the alternate report
    /// (`a` goes back to it) and the one the compare view compares the
    /// current one with.
    pub fn previous(&self) -> Option<ReportId> {
        self.previous
            .filter(|p| *p != self.current && p.0 < self.reports.len())
    }

    /// The open reports, in the order they were opened.
    pub fn reports(&self) -> &[Report] {
        &self.reports
    }

    /// Which report is current.
    pub fn current(&self) -> ReportId {
        self.current
    }

    /// The current report.
    pub fn report(&self) -> &Report {
        &self.reports[self.current.0]
    }

    /// The current report, for a change; its viewport is brought up to
    /// date first, so its pages and widths are the screen's.
    pub fn report_mut(&mut self) -> &mut Report {
        self.sync_view();
        &mut self.reports[self.current.0]
    }

    /// Gives the current report the sizes of its panes on the screen.
    fn sync_view(&mut self) {
        let view = self.viewport();
        self.reports[self.current.0].view = view;
    }

    /// Takes in what another thread derived for report `id` (ignored for
    /// a report that is not open). The whole document of a report shown
    /// from its head comes with its saved state: put back whole when no
    /// key has moved the reader yet, else only its bookmarks and history.
    pub fn update(&mut self, id: ReportId, update: Update) {
        let update = match update {
            Update::Library(u) => {
                if let Some(l) = &mut self.library {
                    l.update(u);
                }
                return;
            }
            other => other,
        };
        let Some(r) = self.reports.get_mut(id.0) else {
            return;
        };
        match update {
            Update::Document { doc, index, state } => {
                let warning = doc.decoding.warning();
                r.set_document(doc, index);
                match state {
                    Some(Loaded::Found(saved)) if !self.moved && id == self.current => {
                        self.restore(&saved)
                    }
                    Some(Loaded::Found(saved)) => r.restore_memory(&saved),
                    Some(Loaded::SetAside(notice) | Loaded::Kept(notice)) => {
                        self.notices.status = Some(notice)
                    }
                    Some(Loaded::Missing) | None => {}
                }
                if warning.is_some() {
                    self.notices.status = warning;
                }
                if let Some((_, offset, query)) =
                    self.hit_pending.take_if(|(pending, _, _)| *pending == id)
                {
                    let r = &mut self.reports[id.0];
                    r.search_for(&query);
                    r.jump_to_offset(offset);
                }
                self.compare_when_read();
            }
            Update::Failed(e) => {
                self.failed = Some(e);
                self.quit = true;
            }
            other => r.update(other),
        }
    }

    /// Whether `action` needs the whole document, so waits while the
    /// current report is shown from its head: the end, a percentage, a
    /// search.
    fn needs_whole(&self, action: Action) -> bool {
        let search = matches!(
            action,
            Action::SearchNext | Action::SearchPrev | Action::SearchFilter | Action::SearchResults
        ) || action == Action::SearchOpen && self.focus != Focus::Sidebar;
        let end = matches!(action, Action::Bottom | Action::Percent | Action::Digit(_));
        self.report().loading && self.mode == Mode::Normal && (search || end)
    }

    /// No more updates will come (their threads ended): a report still
    /// waiting for its targets gets none, rather than waiting forever.
    pub fn updates_ended(&mut self) {
        for r in &mut self.reports {
            if r.sidebar.pending {
                r.set_targets(Vec::new());
            }
        }
    }

    /// Advances the current report's unfinished search by about `budget`
    /// bytes (see [`Report::search_step`]); whether it is finished.
    pub fn search_step(&mut self, budget: usize) -> bool {
        let (done, said) = self.report_mut().search_step(budget);
        self.say(said);
        done
    }

    /// [`App::search_step`] without waiting for a search index still being
    /// built on another thread.
    pub fn search_step_nowait(&mut self, budget: usize) -> bool {
        let (done, said) = self.report_mut().search_step_nowait(budget);
        self.say(said);
        done
    }

    /// Runs the current report's search to its end (tests, small
    /// documents).
    pub fn search_finish(&mut self) {
        while !self.search_step(usize::MAX / 4) {}
    }

    /// Shows a search notice, if there is one.
    fn say(&mut self, said: Option<&'static str>) {
        if said.is_some() {
            self.notices.search = said;
        }
    }

    // ----- keys, saved state, quoting -------------------------------------

    /// The action a key means now: in the mode, with the text pane's keys
    /// first where the text (or the help, a pager) has them.
    pub fn key_action(&self, key: KeySpec) -> Option<Action> {
        let text = match self.mode {
            Mode::Normal => self.focus == Focus::Detail,
            _ => true,
        };
        self.keymap.lookup_in(self.mode, text, key)
    }

    /// What is saved for the current report, with the pane that has the
    /// focus.
    pub fn saved_state(&self) -> SavedState {
        let mut s = self.report().saved_state();
        s.focus = Some(
            match self.focus {
                Focus::Tree => "tree",
                Focus::Detail => "text",
                Focus::Sidebar => "sidebar",
            }
            .to_string(),
        );
        s
    }

    /// Puts back a saved state on the current report, and the focus when
    /// its pane is shown (docked) at this size.
    pub fn restore(&mut self, saved: &SavedState) {
        self.report_mut().restore(saved);
        let focus = match saved.focus.as_deref() {
            Some("tree") => Some(Focus::Tree),
            Some("text") => Some(Focus::Detail),
            Some("sidebar") => Some(Focus::Sidebar),
            _ => None,
        };
        if let Some(f) = focus
            && self.panes().contains(&f)
        {
            self.focus = f;
        }
    }

    /// `y` (`full`) or `Y`: the passage chosen with its citation, or its
    /// breadcrumb, to the clipboard — the passage chosen in the compare
    /// view's passages (in its report), the hit chosen in the list of hits,
    /// the tree's node, the sidebar's target, else the paragraph read.
    fn yank(&mut self, full: bool) {
        let chosen = self.chosen_passage();
        let r = match &chosen {
            Some((id, ..)) => &self.reports[id.0],
            None => self.report(),
        };
        let doc = &r.doc;
        let (range, node) = if let Some((_, sentence, node)) = chosen {
            (sentence, Some(node))
        } else if self.mode == Mode::Results {
            let sel = r.search.results.selected().unwrap_or(0);
            match r.search.ranked(sel) {
                Some(h) => (quote::sentence_around(doc, h.range.clone()), h.node),
                None => (r.paragraph_read(), None),
            }
        } else {
            match self.focus {
                Focus::Tree => match r.tree.selected() {
                    Some(n) => (doc.outline.span(n), Some(n)),
                    None => (r.paragraph_read(), None),
                },
                Focus::Sidebar => {
                    let chosen = r.sidebar.selected().or(r.sidebar.shown().first().copied());
                    match chosen.and_then(|i| r.sidebar.items.get(i)) {
                        Some(t) => (quote::sentence_around(doc, t.range.clone()), Some(t.node)),
                        None => (r.paragraph_read(), None),
                    }
                }
                Focus::Detail => (r.paragraph_read(), r.detail.reading),
            }
        };
        let text = if full {
            r.quote(range.clone(), node)
        } else {
            match node {
                Some(n) => r.breadcrumb_of(n),
                None => r.breadcrumb_at(range.start),
            }
        };
        let what = if full {
            let words = doc.text[range].trim().chars().count();
            format!("{words} characters with their citation")
        } else {
            "the breadcrumb".to_string()
        };
        self.notices.status = Some(match &self.clipboard {
            Support::No(why) => format!("could not copy: {why}"),
            Support::Likely if text.len() > clipboard::MAX_BYTES => format!(
                "could not copy: {} kB is more than a terminal takes ({} kB)",
                text.len() / 1024,
                clipboard::MAX_BYTES / 1024
            ),
            Support::Likely => {
                self.copy = Some(text);
                format!("copied {what} (OSC 52)")
            }
        });
    }

    // ----- actions --------------------------------------------------------

    /// Carries out one action: the few that mean the same in every mode
    /// here, the rest by the current mode's handler (see [`modes::MODES`]).
    pub fn apply(&mut self, action: Action) {
        if !matches!(action, Action::Resize { .. }) {
            self.notices = Notices::default();
            self.report_mut().detail.anchor = None;
        }
        if self.needs_whole(action) {
            self.notices.status = Some(STILL_READING.into());
            return;
        }
        let place = |app: &App| (app.report().detail.top, app.report().tree.selected());
        let before = place(self);
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.suspend = true,
            Action::ToggleMouse => self.mouse = !self.mouse,
            Action::Resize { width, height } => self.resize(width, height),
            _ => (modes::row(self.mode).run)(self, action),
        }
        self.fix_focus();
        // A pane shown or hidden changes the report's widths and pages.
        self.sync_view();
        if !matches!(action, Action::Resize { .. }) && place(self) != before {
            self.moved = true;
        }
    }
}
