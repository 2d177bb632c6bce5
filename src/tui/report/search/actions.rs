//! What the search keys do to a report: the `/` prompt and its
//! incremental preview, stepping the search, `n`/`N`, the sparse tree
//! (`f`) and the results list (`F`).
//!
//! The app's mode handlers call these and set the mode; an action that
//! has something to say (no hits, wrapped around) returns it as a
//! [`Said`] for the app to show.

use crate::search::DEFAULT_BUDGET;
use crate::tui::action::Action;
use crate::tui::list::Motion;
use crate::tui::report::Report;

use super::{Origin, Prompt};

/// A one-line message for the keys row, or nothing to say.
pub type Said = Option<&'static str>;

/// Said when the prompt refuses a character
/// ([`MAX_QUERY_CHARS`](crate::search::MAX_QUERY_CHARS)).
const QUERY_TOO_LONG: &str = "query at its longest (256 characters)";

impl Report {
    /// Advances an unfinished search by about `budget` bytes; returns
    /// whether it is finished, and what to say (an `Enter` typed before
    /// the first hit that found none). The event loop calls this between
    /// events.
    pub fn search_step(&mut self, budget: usize) -> (bool, Said) {
        self.step_search(budget, true)
    }

    /// Like [`Report::search_step`], but without waiting for an index
    /// still being built on another thread (then nothing happens).
    pub fn search_step_nowait(&mut self, budget: usize) -> (bool, Said) {
        self.step_search(budget, false)
    }

    fn step_search(&mut self, budget: usize, wait: bool) -> (bool, Said) {
        if !wait && !self.search.index.is_prepared() {
            return (self.search.searcher.is_none(), None);
        }
        let Some(s) = &mut self.search.searcher else {
            return (true, None);
        };
        let done = s.step(budget);
        let typing = self.search.prompt.is_some();
        let doc = self.doc.clone();
        if self.search.count_new(&doc) {
            if self.search.filter_on() {
                self.apply_filter_folds();
            }
            if typing && self.search.current.is_none() {
                self.preview();
            }
        }
        if done && typing && self.search.current.is_none() {
            // Nothing after where reading was: wrap to the first hit.
            self.preview();
        }
        let mut said = None;
        if let Some(from) = self.search.pending_jump {
            let hit = match self.search.next_from(from, false) {
                Some(h) => Some(h.clone()),
                None if done => self.search.first().cloned(),
                None => None,
            };
            if let Some(h) = hit {
                self.search.pending_jump = None;
                self.jump_to_offset(h.range.start);
                self.search.current = Some(h);
            } else if done {
                self.search.pending_jump = None;
                said = Some("no hits");
            }
        }
        (done, said)
    }

    /// Runs the search to its end (tests, small documents).
    pub fn search_finish(&mut self) {
        while !self.search_step(usize::MAX / 4).0 {}
    }

    fn origin_offset(&self) -> usize {
        let top = self
            .search
            .origin
            .as_ref()
            .map_or(self.detail.top, |o| o.top);
        self.offset_of(top)
    }

    /// While typing: the first hit from where reading was becomes current
    /// and is shown at the top (without unfolding the tree).
    fn preview(&mut self) {
        let from = self.origin_offset();
        let hit = match self.search.next_from(from, false) {
            Some(h) => Some(h.clone()),
            None if !self.search.is_running() => self.search.first().cloned(),
            None => None,
        };
        let Some(hit) = hit else {
            return;
        };
        self.detail.top = self.pos_of(hit.range.start);
        self.search.current = Some(hit);
        self.follow_reading();
    }

    fn restore_origin(&mut self) {
        if let Some(o) = &self.search.origin {
            self.detail.top = o.top;
            self.detail.reading = o.reading;
            self.tree.list = o.tree;
            if let Some(id) = o.selected {
                self.select_node(id);
            } else {
                self.tree_follow();
            }
        }
    }

    fn retype(&mut self) {
        let text = self.search.prompt.clone().unwrap_or_default().text;
        let doc = self.doc.clone();
        self.search.restart(&doc, &text);
        self.restore_origin();
        if self.search.filter_on() {
            self.apply_filter_folds();
        }
        self.search_step_nowait(DEFAULT_BUDGET);
    }

    /// Searches for `query` without moving (a hit opened from a search
    /// across the library): its hits are highlighted and counted as the
    /// event loop steps the search.
    pub fn search_for(&mut self, query: &str) {
        let doc = self.doc.clone();
        self.search.restart(&doc, query);
        self.search_step_nowait(DEFAULT_BUDGET);
    }

    /// Opens the prompt (`/`), remembering where reading is and the search
    /// before this one, to go back to both on `Esc`.
    pub fn search_open(&mut self) {
        self.search.origin = Some(Origin {
            top: self.detail.top,
            reading: self.detail.reading,
            selected: self.tree.selected(),
            tree: self.tree.list,
            previous: self
                .search
                .query()
                .map(|q| (q.to_string(), self.search.current.clone())),
        });
        self.search.prompt = Some(Prompt::default());
    }

    /// The prompt's editing keys: typing, deleting and moving the cursor;
    /// each change of the query searches again. A query at its longest
    /// takes no more characters, and says so.
    pub fn prompt_edit(&mut self, action: Action) -> Said {
        let Some(p) = &mut self.search.prompt else {
            return None;
        };
        if matches!(action, Action::SearchInput(_)) && p.is_full() {
            return Some(QUERY_TOO_LONG);
        }
        if p.edit(action) {
            self.retype();
        }
        None
    }

    /// `Enter` in the prompt: keeps the hits and goes to the current one
    /// (or to the first one found, when none is yet).
    pub fn search_accept(&mut self) -> Said {
        self.search.prompt = None;
        let current = self.search.current.clone();
        let from = self.origin_offset();
        // Back to the origin first, so that the jump is recorded from
        // where reading was.
        self.restore_origin();
        self.search.origin = None;
        if self.search.searcher.is_none() {
            self.filter_off();
        } else if let Some(h) = current {
            self.jump_to_offset(h.range.start);
            self.search.current = Some(h);
        } else if self.search.is_running() {
            self.search.pending_jump = Some(from);
        } else {
            return Some("no hits");
        }
        None
    }

    /// `Esc` in the prompt: back to where reading was, and to the search
    /// before this one.
    pub fn search_cancel(&mut self) {
        self.search.prompt = None;
        self.restore_origin();
        let previous = self.search.origin.take().and_then(|o| o.previous);
        let doc = self.doc.clone();
        match previous {
            Some((q, cur)) => {
                self.search.restart(&doc, &q);
                self.search_finish_quietly();
                self.search.current = cur;
            }
            None => {
                self.search.restart(&doc, "");
                self.filter_off();
            }
        }
        if self.search.filter_on() {
            self.apply_filter_folds();
        }
    }

    /// Re-runs a previous search up to one budget (the loop does the rest).
    fn search_finish_quietly(&mut self) {
        if let Some(s) = &mut self.search.searcher
            && self.search.index.is_prepared()
        {
            s.step(DEFAULT_BUDGET);
        }
        let doc = self.doc.clone();
        self.search.count_new(&doc);
    }

    /// `f`: narrows the tree to the nodes with hits, or restores it.
    pub fn search_filter(&mut self) -> Said {
        if self.search.filter_on() {
            self.filter_off();
        } else if self.search.is_active() {
            self.search.saved_folds = Some(self.tree.expanded.clone());
            self.apply_filter_folds();
        } else {
            return Some("no hits to filter by (/ searches)");
        }
        None
    }

    /// The offset `n`/`N` count from: the current hit while it is on
    /// screen, else the top line.
    fn hit_origin(&self) -> (usize, bool) {
        let top = self.detail.top;
        if let Some(h) = &self.search.current {
            let p = self.pos_of(h.range.start);
            let bottom = self.step(top, self.view.detail_height as isize - 1);
            if top <= p && p <= bottom {
                return (h.range.start, true);
            }
        }
        (self.offset_of(top), false)
    }

    /// `n`/`N`: the next or previous hit from where reading is, wrapping
    /// around the ends (and saying so).
    pub fn next_hit(&mut self, forward: bool) -> Said {
        if self.search.searcher.is_none() {
            return Some("no search (/ searches)");
        }
        let (at, on_hit) = self.hit_origin();
        let found = if forward {
            self.search.next_from(at, on_hit).cloned()
        } else {
            self.search.prev_from(at).cloned()
        };
        let mut said = None;
        let hit = match found {
            Some(h) => h,
            None => {
                let wrapped = if forward {
                    self.search.first()
                } else {
                    self.search.last()
                };
                let Some(h) = wrapped.cloned() else {
                    return Some("no hits");
                };
                said = Some(if forward {
                    "search hit BOTTOM, continuing at TOP"
                } else {
                    "search hit TOP, continuing at BOTTOM"
                });
                h
            }
        };
        self.jump_to_offset(hit.range.start);
        self.search.current = Some(hit);
        said
    }

    /// Sparse tree: open exactly the nodes with hits below them.
    fn apply_filter_folds(&mut self) {
        for (id, e) in self.tree.expanded.iter_mut().enumerate() {
            *e = self.search.counts.total(id) > self.search.counts.own(id);
        }
        self.refresh_visible();
    }

    fn filter_off(&mut self) {
        if let Some(folds) = self.search.saved_folds.take() {
            self.tree.expanded = folds;
            self.refresh_visible();
        }
    }

    /// The list of hits opens on the current hit.
    pub fn results_open(&mut self) {
        let sel = self
            .search
            .current
            .as_ref()
            .and_then(|h| self.search.rank_of(h))
            .unwrap_or(0);
        let (n, page) = (self.search.len(), self.view.results_height);
        self.search.results.select(Some(sel), n, page);
    }

    /// Moves in the list of hits.
    pub fn results_move(&mut self, m: Motion) {
        let (n, page) = (self.search.len(), self.view.results_height);
        self.search.results.apply(m, n, page);
    }

    /// Goes to the hit selected in the list of hits.
    pub fn results_go(&mut self) {
        let sel = self.search.results.selected().unwrap_or(0);
        if let Some(h) = self.search.ranked(sel).cloned() {
            self.jump_to_offset(h.range.start);
            self.search.current = Some(h);
        }
    }
}
