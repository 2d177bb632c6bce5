//! What the search keys do to the reader's state: the `/` prompt and its
//! incremental preview, stepping the search, `n`/`N`, the sparse tree
//! (`f`) and the results list (`F`).

use crate::search::{DEFAULT_BUDGET, MAX_QUERY_CHARS};
use crate::tui::action::Action;
use crate::tui::state::{AppState, Mode};

use super::{Origin, Prompt};

/// Said when the prompt refuses a character ([`MAX_QUERY_CHARS`]).
const QUERY_TOO_LONG: &str = "query at its longest (256 characters)";

impl AppState {
    /// Advances an unfinished search by about `budget` bytes; returns
    /// whether it is finished. The event loop calls this between events.
    pub fn search_step(&mut self, budget: usize) -> bool {
        self.step_search(budget, true)
    }

    /// Like [`AppState::search_step`], but without waiting for an index
    /// still being built on another thread (then nothing happens).
    pub fn search_step_nowait(&mut self, budget: usize) -> bool {
        self.step_search(budget, false)
    }

    fn step_search(&mut self, budget: usize, wait: bool) -> bool {
        if !wait && !self.search.index.is_prepared() {
            return self.search.searcher.is_none();
        }
        let Some(s) = &mut self.search.searcher else {
            return true;
        };
        let done = s.step(budget);
        let doc = self.doc.clone();
        if self.search.count_new(&doc) {
            if self.search.filter_on() {
                self.apply_filter_folds();
            }
            if self.mode == Mode::Search && self.search.current.is_none() {
                self.preview();
            }
        }
        if done && self.mode == Mode::Search && self.search.current.is_none() {
            // Nothing after where reading was: wrap to the first hit.
            self.preview();
        }
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
                self.search.notice = Some("no hits");
            }
        }
        done
    }

    /// Runs the search to its end (tests, small documents).
    pub fn search_finish(&mut self) {
        while !self.search_step(usize::MAX / 4) {}
    }

    fn origin_offset(&self) -> usize {
        self.search
            .origin
            .as_ref()
            .map_or(self.offset_of(self.top), |o| self.offset_of(o.top))
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
        self.top = self.pos_of(hit.range.start);
        self.search.current = Some(hit);
        self.follow_reading();
    }

    fn restore_origin(&mut self) {
        if let Some(o) = &self.search.origin {
            self.top = o.top;
            self.reading = o.reading;
            self.selected = o.selected;
            self.tree_scroll = o.tree_scroll;
            self.tree_follow();
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

    /// Keys typed while the prompt is open.
    pub(in crate::tui) fn prompt_action(&mut self, action: Action) {
        let Some(p) = &mut self.search.prompt else {
            self.mode = Mode::Normal;
            return;
        };
        match action {
            Action::SearchInput(_) if p.text.chars().count() >= MAX_QUERY_CHARS => {
                self.search.notice = Some(QUERY_TOO_LONG);
            }
            Action::SearchInput(c) => {
                let c = if c.is_control() { ' ' } else { c };
                p.text.insert(p.cursor, c);
                p.cursor += c.len_utf8();
                self.retype();
            }
            Action::SearchBackspace => {
                if let Some(c) = p.text[..p.cursor].chars().next_back() {
                    p.cursor -= c.len_utf8();
                    p.text.remove(p.cursor);
                    self.retype();
                }
            }
            Action::SearchClear => {
                *p = Prompt::default();
                self.retype();
            }
            Action::SearchLeft => {
                if let Some(c) = p.text[..p.cursor].chars().next_back() {
                    p.cursor -= c.len_utf8();
                }
            }
            Action::SearchRight => {
                if let Some(c) = p.text[p.cursor..].chars().next() {
                    p.cursor += c.len_utf8();
                }
            }
            Action::SearchAccept => {
                self.mode = Mode::Normal;
                self.search.prompt = None;
                let current = self.search.current.clone();
                let from = self.origin_offset();
                // Back to the origin first, so that the jump is recorded
                // from where reading was.
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
                    self.search.notice = Some("no hits");
                }
            }
            Action::SearchCancel => {
                self.mode = Mode::Normal;
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
            _ => {}
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

    /// Normal-mode search keys: `/`, `n`, `N`, `f`, `F`.
    pub(in crate::tui) fn search_action(&mut self, action: Action) {
        match action {
            Action::SearchOpen => {
                self.search.origin = Some(Origin {
                    top: self.top,
                    reading: self.reading,
                    selected: self.selected,
                    tree_scroll: self.tree_scroll,
                    previous: self
                        .search
                        .query()
                        .map(|q| (q.to_string(), self.search.current.clone())),
                });
                self.search.prompt = Some(Prompt::default());
                self.mode = Mode::Search;
            }
            Action::SearchNext | Action::SearchPrev => self.next_hit(action == Action::SearchNext),
            Action::SearchFilter => {
                if self.search.filter_on() {
                    self.filter_off();
                } else if self.search.is_active() {
                    self.search.saved_folds = Some(self.expanded.clone());
                    self.apply_filter_folds();
                } else {
                    self.search.notice = Some("no hits to filter by (/ searches)");
                }
            }
            Action::SearchResults => {
                if self.search.is_active() {
                    let sel = self
                        .search
                        .current
                        .as_ref()
                        .and_then(|h| self.search.rank_of(h))
                        .unwrap_or(0);
                    self.search.results_sel = sel;
                    self.mode = Mode::Results;
                } else {
                    self.search.notice = Some("no hits to list (/ searches)");
                }
            }
            _ => {}
        }
    }

    /// The offset `n`/`N` count from: the current hit while it is on
    /// screen, else the top line.
    fn hit_origin(&self) -> (usize, bool) {
        if let Some(h) = &self.search.current {
            let p = self.pos_of(h.range.start);
            let bottom = self.step(self.top, self.detail_height() as isize - 1);
            if self.top <= p && p <= bottom {
                return (h.range.start, true);
            }
        }
        (self.offset_of(self.top), false)
    }

    fn next_hit(&mut self, forward: bool) {
        if self.search.searcher.is_none() {
            self.search.notice = Some("no search (/ searches)");
            return;
        }
        let (at, on_hit) = self.hit_origin();
        let found = if forward {
            self.search.next_from(at, on_hit).cloned()
        } else {
            self.search.prev_from(at).cloned()
        };
        let hit = match found {
            Some(h) => h,
            None => {
                let wrapped = if forward {
                    self.search.first()
                } else {
                    self.search.last()
                };
                let Some(h) = wrapped.cloned() else {
                    self.search.notice = Some("no hits");
                    return;
                };
                self.search.notice = Some(if forward {
                    "search hit BOTTOM, continuing at TOP"
                } else {
                    "search hit TOP, continuing at BOTTOM"
                });
                h
            }
        };
        self.jump_to_offset(hit.range.start);
        self.search.current = Some(hit);
    }

    /// Sparse tree: open exactly the nodes with hits below them.
    fn apply_filter_folds(&mut self) {
        for (id, e) in self.expanded.iter_mut().enumerate() {
            *e = self.search.counts.total(id) > self.search.counts.own(id);
        }
        self.refresh_visible();
    }

    fn filter_off(&mut self) {
        if let Some(folds) = self.search.saved_folds.take() {
            self.expanded = folds;
            self.refresh_visible();
        }
    }

    /// With the sparse tree on, a selection it hides moves to the closest
    /// shown node before it.
    pub(in crate::tui) fn fix_filtered_selection(&mut self) {
        if !self.search.filter_on() {
            return;
        }
        let Some(s) = self.selected else {
            return;
        };
        if self.visible.binary_search(&s).is_err() {
            let i = self.visible.partition_point(|&v| v < s);
            self.selected = self
                .visible
                .get(i.saturating_sub(1))
                .or(self.visible.first())
                .copied();
        }
    }

    fn results_height(&self) -> usize {
        crate::tui::view::results::list_height(self.width, self.height).max(1)
    }

    /// Keys of the results list.
    pub(in crate::tui) fn results_action(&mut self, action: Action) {
        let n = self.search.len();
        let page = self.results_height() as isize;
        let sel = self.search.results_sel;
        let moved = match action {
            Action::Up => sel.saturating_sub(1),
            Action::Down => sel + 1,
            Action::PageUp => sel.saturating_sub(page as usize),
            Action::PageDown => sel + page as usize,
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::Activate => {
                self.mode = Mode::Normal;
                if let Some(h) = self.search.ranked(sel).cloned() {
                    self.jump_to_offset(h.range.start);
                    self.search.current = Some(h);
                }
                return;
            }
            Action::Close | Action::Click { .. } => {
                self.mode = Mode::Normal;
                return;
            }
            _ => return,
        };
        let sel = moved.min(n.saturating_sub(1));
        self.search.results_sel = sel;
        let h = self.results_height();
        let scroll = &mut self.search.results_scroll;
        if sel < *scroll {
            *scroll = sel;
        } else if sel >= *scroll + h {
            *scroll = sel + 1 - h;
        }
    }
}
