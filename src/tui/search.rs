//! The reader's search: the `/` prompt, incremental hits, `n`/`N`, the
//! sparse tree (`f`) and the list of hits (`F`).
//!
//! Pure like the rest of the state: [`SearchUi`] holds a
//! [`Searcher`] that the event loop advances a slice at a time
//! ([`AppState::search_step`]) while a search is unfinished, so typing into
//! the prompt never waits for a whole 13 MB document. Hits stay in the
//! searcher's two lists (literal and pinyin, each in document order); the
//! detail pane and `n`/`N` look them up by position, the results list
//! ranks them (literal first).

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::document::{Document, NodeId};
use crate::search::{DEFAULT_BUDGET, Hit, NodeCounts, SearchIndex, Searcher};

use super::action::Action;
use super::lines::Pos;
use super::state::{AppState, Mode};

/// The text being typed after `/`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    /// Byte offset of the cursor in `text`, on a character boundary.
    pub cursor: usize,
}

/// Where reading was when the prompt opened, to go back on `Esc`.
#[derive(Clone, Debug)]
struct Origin {
    top: Pos,
    reading: Option<NodeId>,
    selected: Option<NodeId>,
    tree_scroll: usize,
    /// The search before this one: its query and current hit.
    previous: Option<(String, Option<Hit>)>,
}

/// The state of search in the reader.
pub struct SearchUi {
    index: Arc<SearchIndex<'static>>,
    /// `Some` while the prompt is open.
    pub prompt: Option<Prompt>,
    searcher: Option<Searcher<'static>>,
    /// Hit counts per node, bubbled up (grown as hits arrive).
    pub counts: NodeCounts,
    /// Literal and pinyin hits already counted.
    counted: (usize, usize),
    /// The hit `n`/`N` and the detail pane's distinct highlight refer to.
    pub current: Option<Hit>,
    /// The folds to restore when the sparse tree is on.
    saved_folds: Option<Vec<bool>>,
    /// A one-time message (wrapped around, no hits…).
    pub notice: Option<&'static str>,
    /// Selected row and first shown row of the results list.
    pub results_sel: usize,
    pub results_scroll: usize,
    origin: Option<Origin>,
    /// `Enter` came before the first hit: go to the first hit from this
    /// offset as soon as it is found.
    pending_jump: Option<usize>,
    /// ASCII queries also match by pinyin (`search.pinyin` in the config).
    pub pinyin: bool,
}

impl fmt::Debug for SearchUi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SearchUi")
            .field("prompt", &self.prompt)
            .field("query", &self.query())
            .field("hits", &self.len())
            .field("current", &self.current)
            .field("filter", &self.filter_on())
            .finish_non_exhaustive()
    }
}

impl SearchUi {
    /// No search yet; the index is built on first use (or warmed up on
    /// another thread: [`SearchUi::index`]).
    pub fn new(doc: Arc<Document>) -> SearchUi {
        SearchUi {
            counts: NodeCounts::empty(&doc.outline),
            index: Arc::new(SearchIndex::shared(doc)),
            prompt: None,
            searcher: None,
            counted: (0, 0),
            current: None,
            saved_folds: None,
            notice: None,
            results_sel: 0,
            results_scroll: 0,
            origin: None,
            pending_jump: None,
            pinyin: true,
        }
    }

    /// The index is built: stepping the search will not wait for it.
    pub fn index_ready(&self) -> bool {
        self.index.is_prepared()
    }

    /// The index, to prepare it off the UI thread.
    pub fn index(&self) -> Arc<SearchIndex<'static>> {
        self.index.clone()
    }

    /// The query searched (as typed), if any.
    pub fn query(&self) -> Option<&str> {
        self.searcher.as_ref().map(|s| s.query().text.as_str())
    }

    /// A search is running and has not reached the end of the document.
    pub fn is_running(&self) -> bool {
        self.searcher.as_ref().is_some_and(|s| !s.is_done())
    }

    /// There are hits to highlight and count.
    pub fn is_active(&self) -> bool {
        self.searcher.as_ref().is_some_and(|s| !s.is_empty())
    }

    pub fn filter_on(&self) -> bool {
        self.saved_folds.is_some()
    }

    /// Hits found so far.
    pub fn len(&self) -> usize {
        self.searcher.as_ref().map_or(0, |s| s.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lists(&self) -> (&[Hit], &[Hit]) {
        match &self.searcher {
            Some(s) => (s.literal_hits(), s.pinyin_hits()),
            None => (&[], &[]),
        }
    }

    /// The `i`-th hit ranked as the results list shows them: literal hits,
    /// then pinyin hits, each in document order.
    pub fn ranked(&self, i: usize) -> Option<&Hit> {
        let (lit, py) = self.lists();
        lit.get(i).or_else(|| py.get(i.checked_sub(lit.len())?))
    }

    fn rank_of(&self, hit: &Hit) -> Option<usize> {
        let (lit, py) = self.lists();
        let in_list = |l: &[Hit]| {
            let i = l.partition_point(|h| h.range.start < hit.range.start);
            (l.get(i) == Some(hit)).then_some(i)
        };
        in_list(lit).or_else(|| in_list(py).map(|i| i + lit.len()))
    }

    /// Hits overlapping `range`, with whether each is the current one.
    pub fn hits_in(&self, range: Range<usize>) -> impl Iterator<Item = (&Hit, bool)> + '_ {
        let (lit, py) = self.lists();
        overlapping(lit, range.clone())
            .chain(overlapping(py, range))
            .map(|h| (h, self.current.as_ref() == Some(h)))
    }

    /// How many hits start before `offset`.
    fn before(&self, offset: usize) -> usize {
        let (lit, py) = self.lists();
        lit.partition_point(|h| h.range.start < offset)
            + py.partition_point(|h| h.range.start < offset)
    }

    /// The current hit's number in document order (1-based).
    pub fn current_number(&self) -> Option<usize> {
        self.current
            .as_ref()
            .map(|h| self.before(h.range.start) + 1)
    }

    /// `3/12` (with `+` while the search is still running).
    pub fn position_label(&self) -> String {
        let more = if self.is_running() { "+" } else { "" };
        match self.current_number() {
            Some(i) => format!("{i}/{}{more}", self.len()),
            None => format!("{}{more}", self.len()),
        }
    }

    /// The first hit starting at or after `offset` (`after`: strictly
    /// after), in document order.
    fn next_from(&self, offset: usize, strict: bool) -> Option<&Hit> {
        let (lit, py) = self.lists();
        [next_in(lit, offset, strict), next_in(py, offset, strict)]
            .into_iter()
            .flatten()
            .min_by_key(|h| h.range.start)
    }

    /// The last hit starting before `offset`.
    fn prev_from(&self, offset: usize) -> Option<&Hit> {
        let (lit, py) = self.lists();
        [prev_in(lit, offset), prev_in(py, offset)]
            .into_iter()
            .flatten()
            .max_by_key(|h| h.range.start)
    }

    fn first(&self) -> Option<&Hit> {
        self.next_from(0, false)
    }

    fn last(&self) -> Option<&Hit> {
        self.prev_from(usize::MAX)
    }

    /// Whether the sparse tree hides a node (no hit in its subtree).
    pub fn hides(&self, id: NodeId) -> bool {
        self.filter_on() && self.counts.total(id) == 0
    }

    /// Starts searching for `text` (nothing for an empty query).
    fn restart(&mut self, doc: &Document, text: &str) {
        self.searcher = (!text.is_empty()).then(|| {
            let s = Searcher::shared(self.index.clone(), text);
            if self.pinyin { s } else { s.literal_only() }
        });
        self.counts = NodeCounts::empty(&doc.outline);
        self.counted = (0, 0);
        self.current = None;
        self.pending_jump = None;
        self.results_sel = 0;
        self.results_scroll = 0;
    }

    /// Counts the hits found since the last call; whether there were any.
    fn count_new(&mut self, doc: &Document) -> bool {
        let Some(s) = &self.searcher else {
            return false;
        };
        let (l, p) = self.counted;
        let (lit, py) = (s.literal_hits(), s.pinyin_hits());
        for h in lit[l..].iter().chain(&py[p..]) {
            self.counts.add(&doc.outline, h);
        }
        let grew = lit.len() > l || py.len() > p;
        self.counted = (lit.len(), py.len());
        grew
    }
}

fn overlapping(l: &[Hit], range: Range<usize>) -> impl Iterator<Item = &Hit> {
    let first = l.partition_point(|h| h.range.end <= range.start);
    l[first..]
        .iter()
        .take_while(move |h| h.range.start < range.end)
}

fn next_in(l: &[Hit], offset: usize, strict: bool) -> Option<&Hit> {
    let i = l.partition_point(|h| h.range.start < offset || strict && h.range.start == offset);
    l.get(i)
}

fn prev_in(l: &[Hit], offset: usize) -> Option<&Hit> {
    let i = l.partition_point(|h| h.range.start < offset);
    i.checked_sub(1).map(|i| &l[i])
}

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
    pub(super) fn prompt_action(&mut self, action: Action) {
        let Some(p) = &mut self.search.prompt else {
            self.mode = Mode::Normal;
            return;
        };
        match action {
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
    pub(super) fn search_action(&mut self, action: Action) {
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
    pub(super) fn fix_filtered_selection(&mut self) {
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
        super::view::results::list_height(self.width, self.height).max(1)
    }

    /// Keys of the results list.
    pub(super) fn results_action(&mut self, action: Action) {
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
