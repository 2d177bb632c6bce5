//! The reader's search: the `/` prompt, incremental hits, `n`/`N`, the
//! sparse tree (`f`) and the list of hits (`F`).
//!
//! Pure like the rest of the state: [`SearchUi`] holds a
//! [`Searcher`] that the event loop advances a slice at a time
//! ([`Report::search_step`](crate::tui::report::Report::search_step))
//! while a search is unfinished, so typing into the prompt never waits
//! for a whole 13 MB document. Hits stay in the
//! searcher's two lists (literal and pinyin, each in document order); the
//! detail pane and `n`/`N` look them up by position, the results list
//! ranks them (literal first).
//!
//! Here: [`SearchUi`], the search's data and its queries over the hits.
//! What the search keys do to a report (prompt, `n`/`N`, the sparse
//! tree, the results list) is in `actions`.

mod actions;

pub use actions::Said;

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::document::{Document, NodeId};
use crate::search::{Hit, MAX_QUERY_CHARS, NodeCounts, SearchIndex, Searcher};

use crate::tui::lines::Pos;
use crate::tui::list::ListState;

/// The text being typed after `/`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prompt {
    pub text: String,
    /// Byte offset of the cursor in `text`, on a character boundary.
    pub cursor: usize,
}

impl Prompt {
    /// The prompts' editing keys: typing, deleting and moving the cursor
    /// (control characters are typed as spaces). Whether the text changed.
    /// A prompt at its longest ([`MAX_QUERY_CHARS`]) takes no more
    /// characters: see [`Prompt::is_full`].
    pub fn edit(&mut self, action: crate::tui::action::Action) -> bool {
        use crate::tui::action::Action;
        match action {
            Action::SearchInput(_) if self.is_full() => false,
            Action::SearchInput(c) => {
                let c = if c.is_control() { ' ' } else { c };
                self.text.insert(self.cursor, c);
                self.cursor += c.len_utf8();
                true
            }
            Action::SearchBackspace => match self.text[..self.cursor].chars().next_back() {
                Some(c) => {
                    self.cursor -= c.len_utf8();
                    self.text.remove(self.cursor);
                    true
                }
                None => false,
            },
            Action::SearchClear => {
                *self = Prompt::default();
                true
            }
            Action::SearchLeft => {
                if let Some(c) = self.text[..self.cursor].chars().next_back() {
                    self.cursor -= c.len_utf8();
                }
                false
            }
            Action::SearchRight => {
                if let Some(c) = self.text[self.cursor..].chars().next() {
                    self.cursor += c.len_utf8();
                }
                false
            }
            _ => false,
        }
    }
}

impl Prompt {
    /// Whether the prompt holds [`MAX_QUERY_CHARS`] characters and refuses
    /// more (a pasted page of letters must not freeze the reader).
    pub fn is_full(&self) -> bool {
        self.text.chars().count() >= MAX_QUERY_CHARS
    }
}

/// Where reading was when the prompt opened, to go back on `Esc`.
#[derive(Clone, Debug)]
struct Origin {
    top: Pos,
    reading: Option<NodeId>,
    /// The tree's selected node and its list (selection and scroll).
    selected: Option<NodeId>,
    tree: ListState,
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
    /// The list of hits: its selected row and scroll.
    pub results: ListState,
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
        SearchUi::with_index(Arc::new(SearchIndex::shared(doc)))
    }

    /// No search yet, on an index made (and perhaps being built) elsewhere.
    pub fn with_index(index: Arc<SearchIndex<'static>>) -> SearchUi {
        SearchUi {
            counts: NodeCounts::empty(&index.doc().outline),
            index,
            prompt: None,
            searcher: None,
            counted: (0, 0),
            current: None,
            saved_folds: None,
            results: ListState::default(),
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
        self.results.reset();
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
