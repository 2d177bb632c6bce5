//! The library's modes and commands on the app: its pane (`L`), opening a
//! report from it and switching between the open ones (the alternate
//! report, `a`), and the search across the library (`S`, or `Tab` in the
//! `/` prompt) with its grouped list of hits and `n`/`N` across reports.
//!
//! Opening is asked of the event loop ([`Request::Open`]), which reads the
//! report (the way the single-report reader does) and calls
//! [`App::open_library_report`]; a report already open is switched to at
//! once.

use std::sync::Arc;

use crate::document::Document;
use crate::library::Library;
use crate::tui::action::{Action, Mode};
use crate::tui::library::{LibraryUi, Request};
use crate::tui::list::Motion;
use crate::tui::report::SidebarItem;

use super::{App, ReportId};

/// Said where a library command is used with one report open.
const NO_LIBRARY: &str = "one report: no library (gangmu DIR, or several reports)";

impl App {
    /// The first frame of a library: its pane, over a blank report until
    /// one is opened.
    pub fn with_library(
        lib: Library,
        width: u16,
        height: u16,
        config: crate::config::Config,
    ) -> App {
        let blank = Document::from_text("", String::new(), Default::default());
        let mut app = App::with_config(blank, Some(Vec::new()), width, height, config);
        app.library = Some(LibraryUi::new(lib));
        app.mode = Mode::Library;
        app
    }

    /// Rows the library's lists show at a time.
    pub fn library_page(&self) -> usize {
        usize::from(self.height.saturating_sub(5)).max(1)
    }

    /// A report of the library read by the event loop: opened and made
    /// current (in place of the blank stand-in, for the first). `loading`:
    /// shown from its head while the rest is read.
    pub fn open_library_report(
        &mut self,
        library_id: usize,
        doc: Arc<Document>,
        targets: Option<Vec<SidebarItem>>,
        loading: bool,
    ) -> ReportId {
        let blank = self.library.as_ref().is_some_and(|l| l.blank);
        let id = if blank {
            let report =
                crate::tui::report::Report::new(doc, targets, &self.config, self.viewport());
            self.reports[0] = report;
            ReportId(0)
        } else {
            self.open(doc, targets)
        };
        self.current = id;
        // Its saved place is put back when it arrives, unless a key moves
        // this report first.
        self.moved = false;
        self.report_mut().loading = loading;
        if let Some(l) = &mut self.library {
            l.blank = false;
            l.open.push((library_id, id.0));
        }
        self.fix_focus();
        id
    }

    /// Goes to `offset` of report `id`, its search set to `query` (a hit
    /// opened from the library). A report still being read goes there once
    /// it is whole.
    pub fn go_to_hit(&mut self, id: ReportId, offset: usize, query: &str) {
        self.switch_to(id);
        if self.report().loading {
            self.hit_pending = Some((id, offset, query.to_string()));
            return;
        }
        let r = self.report_mut();
        r.search_for(query);
        r.jump_to_offset(offset);
    }

    /// The library's pane.
    pub(super) fn library_key(&mut self, action: Action) {
        let page = self.library_page();
        let blank = self.library.as_ref().is_none_or(|l| l.blank);
        let Some(l) = &mut self.library else {
            self.mode = Mode::Normal;
            return;
        };
        if let Some(m) = Motion::of(action) {
            l.move_by(m, page);
            return;
        }
        match action {
            Action::Activate => {
                l.open_selected();
                self.mode = Mode::Normal;
            }
            Action::LibrarySort => l.toggle_sort(page),
            Action::SearchLibrary => {
                self.library_command(action);
            }
            Action::AlternateReport if !blank => {
                self.mode = Mode::Normal;
                self.alternate();
            }
            // With no report open yet there is nothing to go back to.
            Action::Close | Action::Library if !blank => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// The grouped list of hits across the library.
    pub(super) fn library_hits_key(&mut self, action: Action) {
        let page = self.library_page();
        let Some(s) = self.library.as_mut().and_then(|l| l.search.as_mut()) else {
            self.mode = Mode::Normal;
            return;
        };
        if let Some(m) = Motion::of(action) {
            s.list.apply(m, s.rows.len(), page);
            return;
        }
        match action {
            Action::Activate => {
                let row = s.list.selected().unwrap_or(0);
                let target = s.target(row);
                s.at = s.rows.get(row).map(|r| match *r {
                    crate::tui::library::Row::Report(g) => (g, 0),
                    crate::tui::library::Row::Hit(g, h) => (g, h),
                });
                self.mode = Mode::Normal;
                if let Some((id, offset)) = target {
                    self.open_hit(id, offset);
                }
            }
            Action::Close | Action::SearchResults | Action::SearchLibrary => {
                self.mode = self.home_mode()
            }
            _ => {}
        }
    }

    /// Opens the library's report `id` at `offset` (at once when open).
    fn open_hit(&mut self, id: usize, offset: usize) {
        let Some(l) = &mut self.library else {
            return;
        };
        let query = l
            .search
            .as_ref()
            .map(|s| s.query.clone())
            .unwrap_or_default();
        match l.report_of(id) {
            Some(r) => self.go_to_hit(ReportId(r), offset, &query),
            None => l.requests.push(Request::Open {
                id,
                at: Some((offset, query)),
            }),
        }
    }

    /// The mode a list or prompt of the library closes to: the text, or
    /// the pane while no report is open.
    pub fn home_mode(&self) -> Mode {
        match &self.library {
            Some(l) if l.blank => Mode::Library,
            _ => Mode::Normal,
        }
    }

    /// `a`: back to the report read before.
    fn alternate(&mut self) {
        match self.previous() {
            Some(p) => self.switch_to(p),
            None => self.notices.status = Some("no other report read yet (L lists them)".into()),
        }
    }

    /// The library's commands in normal mode; `false` when `action` is not
    /// one of them (`n`/`N` are theirs only after a search across the
    /// library).
    pub(super) fn library_command(&mut self, action: Action) -> bool {
        let walking = self
            .library
            .as_ref()
            .is_some_and(|l| l.walk && l.search.is_some());
        match action {
            Action::Library | Action::AlternateReport | Action::SearchLibrary
                if self.library.is_none() =>
            {
                self.notices.status = Some(NO_LIBRARY.into());
            }
            Action::Library => {
                let current = self.current.0;
                let page = self.library_page();
                if let Some(l) = &mut self.library {
                    // The pane opens on the report read.
                    let at = l
                        .id_of(current)
                        .and_then(|id| l.lib.by_id(id))
                        .map(|(i, _)| i);
                    if at.is_some() {
                        l.list.select(at, l.lib.len(), page);
                    }
                }
                self.mode = Mode::Library;
            }
            Action::AlternateReport => self.alternate(),
            Action::SearchLibrary => {
                self.report_mut().search_open();
                if let Some(l) = &mut self.library {
                    l.wide = true;
                }
                self.mode = Mode::Search;
            }
            Action::SearchResults if walking => self.mode = Mode::LibraryHits,
            Action::SearchNext | Action::SearchPrev if walking => {
                let step = self
                    .library
                    .as_mut()
                    .and_then(|l| l.search.as_mut())
                    .and_then(|s| s.step(action == Action::SearchNext));
                match step {
                    Some((id, offset)) => self.open_hit(id, offset),
                    None => self.notices.search = Some("no hits in the library"),
                }
            }
            _ => return false,
        }
        true
    }

    /// The `/` prompt widened to the library: `Tab` widens or narrows it,
    /// each edit searches every report, `Enter` lists the hits grouped by
    /// report, `Esc` drops the search. `false` when the prompt is not
    /// widened and `action` is not `Tab`.
    pub(super) fn library_prompt(&mut self, action: Action) -> bool {
        let Some(l) = &mut self.library else {
            return false;
        };
        if action == Action::SearchLibrary {
            l.wide = !l.wide;
            let text = self.report().search.prompt.as_ref().map(|p| p.text.clone());
            let Some(l) = &mut self.library else {
                return true;
            };
            match (l.wide, text) {
                (true, Some(t)) => l.search_for(&t),
                _ => l.stop_search(),
            }
            return true;
        }
        if !l.wide {
            return false;
        }
        match action {
            Action::SearchAccept => {
                l.wide = false;
                l.walk = l.search.is_some();
                self.report_mut().search_cancel();
                self.mode = if self.library.as_ref().is_some_and(|l| l.search.is_some()) {
                    Mode::LibraryHits
                } else {
                    self.home_mode()
                };
            }
            Action::SearchCancel => {
                l.wide = false;
                l.stop_search();
                self.report_mut().search_cancel();
                self.mode = self.home_mode();
            }
            _ => {
                // The prompt edits as in one report (its own hits are the
                // preview behind the list); the library is searched again.
                let said = self.report_mut().prompt_edit(action);
                self.say(said);
                let text = self.report().search.prompt.as_ref().map(|p| p.text.clone());
                if let (Some(l), Some(t)) = (&mut self.library, text)
                    && l.search.as_ref().is_none_or(|s| s.query != t)
                {
                    l.search_for(&t);
                }
            }
        }
        true
    }
}
