//! The library in the reader: the reports a directory or several paths
//! make ([`crate::library`]), listed in a pane (title, year, kind, size,
//! targets), opened one at a time, and searched together.
//!
//! App-wide state, pure like the rest: what needs a file or a thread
//! (opening a report, searching every report) is asked for as a
//! [`Request`] that the event loop carries out, and what the threads
//! derive (targets counted, a report's hits) comes back as a
//! [`LibraryUpdate`]. A search across the library is tagged with a
//! generation: a newer query drops what an older one still sends.
//!
//! The list of hits is grouped by report: a header row per report (its
//! title, year and count), then its hits (breadcrumb and snippet, made on
//! the search's thread so that no report's document is kept here).

use std::ops::Range;

use crate::library::{Counted, Library, LibrarySearch, ReportHits, ReportInfo, Sort};

use super::list::{ListState, Motion};

/// Something the event loop does for the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    /// Open the report with this library id ([`ReportInfo::id`]), at a
    /// byte offset of its text, with a query to highlight.
    Open {
        id: usize,
        at: Option<(usize, String)>,
    },
    /// Search every report, in the list's order, for `query`; what comes
    /// back carries `generation`.
    Search { query: String, generation: u64 },
    /// Stop the running search: nothing it finds is wanted.
    CancelSearch { generation: u64 },
}

/// What the library's threads send back.
#[derive(Debug)]
pub enum LibraryUpdate {
    /// A report's targets counted (or why it can no longer be read).
    Counted(Counted),
    /// The hits of one report, for the search `generation`.
    Hits { generation: u64, group: HitGroup },
    /// A report the search could not read.
    Unreadable { generation: u64 },
    /// The search `generation` has been through every report.
    SearchDone { generation: u64 },
}

/// One report's hits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HitGroup {
    /// The report's library id.
    pub id: usize,
    /// Every hit, kept or only counted.
    pub total: usize,
    /// The first hits, ranked (literal, then pinyin).
    pub hits: Vec<HitRow>,
}

/// One hit as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HitRow {
    /// Where it is in the report's text.
    pub range: Range<usize>,
    /// Its node and the node's ancestors, `›` between.
    pub crumb: String,
    /// The text around it, and itself.
    pub before: String,
    pub hit: String,
    pub after: String,
}

/// Hits kept a report (the rest are counted): a list to read, not every
/// `的` of a thousand reports (each row keeps its snippet and breadcrumb,
/// a few hundred bytes: 50 a report over the bench's 1,000 reports is
/// about 20 MB at most).
pub const KEEP_HITS: usize = 50;

/// Characters of context on each side of a hit's snippet.
const SNIPPET_CONTEXT: usize = 30;

/// A report's hits as the list shows them: breadcrumbs and snippets made
/// now, so that the report's document need not be kept.
pub fn hit_group(h: &ReportHits) -> HitGroup {
    let doc = &h.doc;
    let hits = h
        .hits
        .iter()
        .map(|hit| {
            let s = crate::search::snippet(&doc.text, hit.range.clone(), SNIPPET_CONTEXT);
            let crumb = match hit.node {
                Some(n) => {
                    let parts: Vec<String> = (doc.outline.path(n).into_iter())
                        .map(|id| doc.node_label(id))
                        .collect();
                    parts.join(" › ")
                }
                None => String::new(),
            };
            HitRow {
                range: hit.range.clone(),
                crumb,
                before: s.before,
                hit: s.hit,
                after: s.after,
            }
        })
        .collect();
    HitGroup {
        id: h.id,
        total: h.total,
        hits,
    }
}

/// What a search across the library sends, report by report, tagged with
/// its `generation`, then [`LibraryUpdate::SearchDone`]; once `wanted`
/// says no (a newer query has made this one stale) the search stops
/// before its next report, and dropping it cancels the rest.
pub fn search_updates(
    search: LibrarySearch,
    generation: u64,
    wanted: impl Fn() -> bool + Send + Sync + Clone + 'static,
) -> impl Iterator<Item = LibraryUpdate> {
    let still = wanted.clone();
    let mut search = Some(search.keep(KEEP_HITS, true).stop_when(move || !still()));
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let next = search
            .as_mut()
            .filter(|_| wanted())
            .and_then(Iterator::next);
        match next {
            Some(Ok(h)) => Some(LibraryUpdate::Hits {
                generation,
                group: hit_group(&h),
            }),
            Some(Err(_)) => Some(LibraryUpdate::Unreadable { generation }),
            None => {
                done = true;
                search = None;
                Some(LibraryUpdate::SearchDone { generation })
            }
        }
    })
}

/// A row of the grouped list of hits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    /// A report's header: group `g`.
    Report(usize),
    /// Hit `h` of group `g`.
    Hit(usize, usize),
}

/// A search across the library.
#[derive(Clone, Debug, Default)]
pub struct CrossSearch {
    pub query: String,
    pub generation: u64,
    /// The reports with hits, as they came (in the list's order).
    pub groups: Vec<HitGroup>,
    /// The list's rows: each group's header, then its hits.
    pub rows: Vec<Row>,
    /// The list of hits: selection and scroll.
    pub list: ListState,
    /// Every report has been searched.
    pub done: bool,
    /// Reports that could not be read.
    pub unreadable: usize,
    /// The hit `n`/`N` went to last: (group, hit).
    pub at: Option<(usize, usize)>,
}

impl CrossSearch {
    /// Adds a report's hits: its header row, then a row a hit.
    pub fn push(&mut self, group: HitGroup) {
        let g = self.groups.len();
        self.rows.push(Row::Report(g));
        self.rows
            .extend((0..group.hits.len()).map(|h| Row::Hit(g, h)));
        self.groups.push(group);
        if self.list.selected().is_none() {
            self.list.select(Some(0), self.rows.len(), 1);
        }
    }

    /// Every hit kept, over every report.
    pub fn hits(&self) -> usize {
        self.groups.iter().map(|g| g.hits.len()).sum()
    }

    /// Every hit, counted.
    pub fn total(&self) -> usize {
        self.groups.iter().map(|g| g.total).sum()
    }

    /// The report and place a row opens: a header opens its report at its
    /// first hit.
    pub fn target(&self, row: usize) -> Option<(usize, usize)> {
        let (g, h) = match *self.rows.get(row)? {
            Row::Report(g) => (g, 0),
            Row::Hit(g, h) => (g, h),
        };
        let group = self.groups.get(g)?;
        Some((group.id, group.hits.get(h)?.range.start))
    }

    /// The next (or previous) hit after the one gone to last, across
    /// reports, wrapping around; it becomes the one gone to.
    pub fn step(&mut self, forward: bool) -> Option<(usize, usize)> {
        let flat: Vec<(usize, usize)> = (self.groups.iter().enumerate())
            .flat_map(|(g, group)| (0..group.hits.len()).map(move |h| (g, h)))
            .collect();
        if flat.is_empty() {
            return None;
        }
        let here = self.at.and_then(|a| flat.iter().position(|&f| f == a));
        let next = match (here, forward) {
            (None, true) => 0,
            (None, false) => flat.len() - 1,
            (Some(i), true) => (i + 1) % flat.len(),
            (Some(i), false) => (i + flat.len() - 1) % flat.len(),
        };
        let (g, h) = flat[next];
        self.at = Some((g, h));
        if let Some(row) = self.rows.iter().position(|&r| r == Row::Hit(g, h)) {
            self.list.select(Some(row), self.rows.len(), 1);
        }
        Some((self.groups[g].id, self.groups[g].hits[h].range.start))
    }
}

/// The library's state in the reader.
#[derive(Debug)]
pub struct LibraryUi {
    pub lib: Library,
    pub sort: Sort,
    /// The pane's list: selection and scroll.
    pub list: ListState,
    /// The open reports: library id and the app's index of the report.
    pub open: Vec<(usize, usize)>,
    /// The search prompt searches the whole library (`Tab` in it).
    pub wide: bool,
    /// The search across the library, if one was made.
    pub search: Option<CrossSearch>,
    /// `n`/`N` walk the library's hits (the last search was across it).
    pub walk: bool,
    /// What the event loop is asked to do.
    pub requests: Vec<Request>,
    /// No report is open yet: the app's report is a blank stand-in.
    pub blank: bool,
    generation: u64,
}

impl LibraryUi {
    /// A library listed, sorted by year, its first report selected.
    pub fn new(lib: Library) -> LibraryUi {
        let mut ui = LibraryUi {
            lib,
            sort: Sort::Year,
            list: ListState::default(),
            open: Vec::new(),
            wide: false,
            search: None,
            walk: false,
            requests: Vec::new(),
            blank: true,
            generation: 0,
        };
        ui.lib.sort(Sort::Year);
        ui.list.select(Some(0), ui.lib.len(), 1);
        ui
    }

    /// The report listed at the selection.
    pub fn selected(&self) -> Option<&ReportInfo> {
        self.lib.reports().get(self.list.selected()?)
    }

    /// Moves the pane's selection.
    pub fn move_by(&mut self, m: Motion, page: usize) {
        self.list.apply(m, self.lib.len(), page);
    }

    /// Sorts by year, or by title; the selection stays on its report.
    pub fn toggle_sort(&mut self, page: usize) {
        let id = self.selected().map(|r| r.id);
        self.sort = match self.sort {
            Sort::Year => Sort::Title,
            _ => Sort::Year,
        };
        self.lib.sort(self.sort);
        let at = id.and_then(|id| self.lib.by_id(id)).map(|(i, _)| i);
        self.list.select(at.or(Some(0)), self.lib.len(), page);
    }

    /// The app's index of the open report with library id `id`.
    pub fn report_of(&self, id: usize) -> Option<usize> {
        self.open.iter().find(|(i, _)| *i == id).map(|(_, r)| *r)
    }

    /// The library id of the app's report `report`, if it is one of the
    /// library's.
    pub fn id_of(&self, report: usize) -> Option<usize> {
        self.open
            .iter()
            .find(|(_, r)| *r == report)
            .map(|(i, _)| *i)
    }

    /// Asks for the selected report to be opened.
    pub fn open_selected(&mut self) {
        if let Some(id) = self.selected().map(|r| r.id) {
            self.requests.push(Request::Open { id, at: None });
        }
    }

    /// Searches the whole library for `query` (an empty query stops the
    /// search and forgets it).
    pub fn search_for(&mut self, query: &str) {
        self.generation += 1;
        let generation = self.generation;
        if query.is_empty() {
            self.search = None;
            self.requests.push(Request::CancelSearch { generation });
            return;
        }
        self.search = Some(CrossSearch {
            query: query.to_string(),
            generation,
            ..CrossSearch::default()
        });
        self.requests.push(Request::Search {
            query: query.to_string(),
            generation,
        });
    }

    /// Stops the search running, keeping what it found.
    pub fn stop_search(&mut self) {
        self.generation += 1;
        self.requests.push(Request::CancelSearch {
            generation: self.generation,
        });
    }

    /// The title and year of the report with library id `id`.
    pub fn title_of(&self, id: usize) -> (&str, Option<i32>) {
        match self.lib.by_id(id) {
            Some((_, r)) => (r.title.as_str(), r.year),
            None => ("", None),
        }
    }

    /// Takes in what a thread sent.
    pub fn update(&mut self, u: LibraryUpdate) {
        match u {
            LibraryUpdate::Counted(c) => self.lib.apply(c),
            LibraryUpdate::Hits { generation, group } => {
                let Some(s) = self.search.as_mut().filter(|s| s.generation == generation) else {
                    return;
                };
                s.push(group);
            }
            LibraryUpdate::Unreadable { generation } => {
                if let Some(s) = self.search.as_mut().filter(|s| s.generation == generation) {
                    s.unreadable += 1;
                }
            }
            LibraryUpdate::SearchDone { generation } => {
                if let Some(s) = self.search.as_mut().filter(|s| s.generation == generation) {
                    s.done = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(id: usize, starts: &[usize]) -> HitGroup {
        HitGroup {
            id,
            total: starts.len(),
            hits: starts
                .iter()
                .map(|&s| HitRow {
                    range: s..s + 3,
                    crumb: String::new(),
                    before: String::new(),
                    hit: "城市".into(),
                    after: String::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn hits_are_grouped_and_walked_across_reports() {
        let mut s = CrossSearch::default();
        s.push(group(4, &[10, 20]));
        s.push(group(7, &[5]));
        assert_eq!(s.list.selected(), Some(0));
        assert_eq!(
            s.rows,
            [
                Row::Report(0),
                Row::Hit(0, 0),
                Row::Hit(0, 1),
                Row::Report(1),
                Row::Hit(1, 0)
            ]
        );
        assert_eq!(s.target(0), Some((4, 10)));
        assert_eq!(s.target(2), Some((4, 20)));
        assert_eq!(s.target(3), Some((7, 5)));
        assert_eq!(s.target(9), None);
        assert_eq!(s.step(true), Some((4, 10)));
        assert_eq!(s.step(true), Some((4, 20)));
        assert_eq!(s.step(true), Some((7, 5)));
        assert_eq!(s.step(true), Some((4, 10)), "wraps around");
        assert_eq!(s.step(false), Some((7, 5)));
        assert_eq!(s.list.selected(), Some(4));
        assert_eq!((s.hits(), s.total()), (3, 3));
    }
}
