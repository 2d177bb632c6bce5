//! The compare view: two open reports' targets side by side, one row per
//! measure, as `--compare` prints them ([`crate::compare`]), and a row's
//! passages, one above the other.
//!
//! Which two: the current report and the one current before it (the
//! alternate report, as vim's `#`), in time order by the reports' years
//! (the older is OLD), as `--compare` orders them. The comparison is
//! computed off the UI thread: [`App::compare_open`] leaves a
//! [`CompareJob`] that the event loop hands to a thread
//! ([`crate::tui::event_loop::start_compare`]) and whose [`Compared`] it takes back
//! ([`App::compare_poll`]); meanwhile the view says it is comparing and
//! every key still answers. The rows' cells are made on that thread too,
//! in the display forms of the detail pane and terminal-safe, so the view
//! only measures and cuts them.
//!
//! The rows are one list ([`ListState`]): moves, pages, `Enter` shows the
//! row's passages (the old target's sentence, the new one's and, where the
//! new report's look-back judges the old target, the result's), `Esc`
//! goes back; in the passages `j`/`k` choose one and `Enter` opens its
//! report there (it becomes the current report, the words highlighted).
//! `search_filter` (`f`) shows only the changes (changed, new, dropped).

use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::compare::{self, Change, Comparison, Order};
use crate::document::Document;
use crate::layout::{LayoutOptions, display_line};
use crate::targets::Item;
use crate::tui::action::{Action, Mode};
use crate::tui::geometry;
use crate::tui::list::{ListState, Motion};

use super::{App, Focus, ReportId, STILL_READING};

/// A row's cells, as shown: display forms, terminal-safe, one line each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowText {
    /// `unchanged`, `changed`, `new`, `dropped`.
    pub change: &'static str,
    pub measure: String,
    pub unit: String,
    /// The old target's value with its bound as written (`5%左右`), or
    /// empty.
    pub old: String,
    pub new: String,
    /// `met`, `missed`, `unclear`, or empty.
    pub outcome: &'static str,
    /// The result's own words (`增长5.2%`), or empty.
    pub result: String,
}

/// A comparison and its rows' cells.
#[derive(Debug)]
pub struct Compared {
    pub comparison: Comparison,
    /// One per row of the comparison.
    pub texts: Vec<RowText>,
    /// The reports were given newer first, and compared the other way
    /// round (in time order).
    pub swapped: bool,
}

/// One line of report text in the display forms of `opts`, terminal-safe.
fn one_line(s: &str, opts: &LayoutOptions) -> String {
    display_line(s.trim(), opts)
}

/// Compares `old` with `new` in time order (swapped when `new` is the
/// older, as `--compare` does) and makes the rows' cells.
pub fn compute(old: &Document, new: &Document, opts: &LayoutOptions) -> Compared {
    let swapped = compare::order(old, new) == Order::Reversed;
    let (old, new) = if swapped { (new, old) } else { (old, new) };
    let comparison = compare::compare(old, new);
    let written = |t: &Option<Item>, d: &Document| {
        t.as_ref()
            .map(|t| one_line(&compare::written(t, d), opts))
            .unwrap_or_default()
    };
    let texts = comparison
        .rows
        .iter()
        .map(|r| RowText {
            change: r.change.as_str(),
            measure: one_line(&r.measure, opts),
            unit: one_line(&r.unit, opts),
            old: written(&r.old, old),
            new: written(&r.new, new),
            outcome: r.outcome.as_ref().map_or("", |o| o.verdict.as_str()),
            result: r
                .outcome
                .as_ref()
                .map(|o| one_line(o.result.text(new), opts))
                .unwrap_or_default(),
        })
        .collect();
    Compared {
        comparison,
        texts,
        swapped,
    }
}

/// The work of a comparison, for a thread: the two documents (shared) and
/// the display options of the cells.
#[derive(Clone, Debug)]
pub struct CompareJob {
    pub old: Arc<Document>,
    pub new: Arc<Document>,
    pub opts: LayoutOptions,
}

impl CompareJob {
    /// Does the work (on whatever thread calls it).
    pub fn run(&self) -> Compared {
        compute(&self.old, &self.new, &self.opts)
    }
}

/// Which passage of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    /// The old report's target.
    Old,
    /// The new report's target.
    New,
    /// The new report's result for the old target (its look-back).
    Result,
}

impl Which {
    pub fn as_str(self) -> &'static str {
        match self {
            Which::Old => "old",
            Which::New => "new",
            Which::Result => "result",
        }
    }
}

/// One passage of a row: which, the report it is in, and the item.
#[derive(Clone, Copy, Debug)]
pub struct Passage<'a> {
    pub which: Which,
    pub report: ReportId,
    pub item: &'a Item,
}

/// The state of the compare view.
#[derive(Debug)]
pub struct CompareView {
    /// The older report (OLD) and the newer (NEW): as given (the previous
    /// report, the current one) until the comparison, made on a thread,
    /// says which is the older.
    pub old: ReportId,
    pub new: ReportId,
    /// The documents compared (a report shown from its head gets another
    /// when the whole arrives: the comparison is then made again).
    docs: (Arc<Document>, Arc<Document>),
    /// The comparison, once computed.
    pub compared: Option<Arc<Compared>>,
    /// Where the comparison comes from while it is computed on a thread.
    pending: Option<Receiver<Compared>>,
    /// The rows shown (indices into the comparison's rows).
    pub shown: Vec<usize>,
    /// The selected row among those shown, and the first shown.
    pub list: ListState,
    /// Only the changes (changed, new, dropped) are shown.
    pub changes_only: bool,
    /// The passage chosen in the passages view.
    pub chosen: usize,
}

impl CompareView {
    fn new(old: ReportId, new: ReportId, docs: (Arc<Document>, Arc<Document>)) -> CompareView {
        CompareView {
            old,
            new,
            docs,
            compared: None,
            pending: None,
            shown: Vec::new(),
            list: ListState::default(),
            changes_only: false,
            chosen: 0,
        }
    }

    /// Whether the comparison is still being computed.
    pub fn computing(&self) -> bool {
        self.compared.is_none()
    }

    /// Takes in the comparison: every row shown (or the changes), the
    /// first selected.
    fn set(&mut self, compared: Compared, page: usize) {
        if compared.swapped {
            std::mem::swap(&mut self.old, &mut self.new);
            let (a, b) = self.docs.clone();
            self.docs = (b, a);
        }
        self.compared = Some(Arc::new(compared));
        self.pending = None;
        self.refilter(page);
    }

    /// Recomputes the rows shown; the selection stays on the same row
    /// when it is still shown, else on the next one shown.
    fn refilter(&mut self, page: usize) {
        let Some(c) = &self.compared else {
            return;
        };
        let before = self.selected_row();
        self.shown = c
            .comparison
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| !self.changes_only || r.change != Change::Unchanged)
            .map(|(i, _)| i)
            .collect();
        let at = before.map_or(0, |b| self.shown.partition_point(|&i| i < b));
        self.list.reset();
        self.list.select(Some(at), self.shown.len(), page);
    }

    /// The row selected (an index into the comparison's rows).
    pub fn selected_row(&self) -> Option<usize> {
        self.list
            .selected()
            .and_then(|s| self.shown.get(s).copied())
    }

    /// The passages of the selected row: the old target's, the new
    /// target's, and the result that judges the old target.
    pub fn passages(&self) -> Vec<Passage<'_>> {
        let (Some(c), Some(i)) = (&self.compared, self.selected_row()) else {
            return Vec::new();
        };
        let Some(row) = c.comparison.rows.get(i) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(3);
        if let Some(item) = &row.old {
            out.push(Passage {
                which: Which::Old,
                report: self.old,
                item,
            });
        }
        if let Some(item) = &row.new {
            out.push(Passage {
                which: Which::New,
                report: self.new,
                item,
            });
        }
        if let Some(o) = &row.outcome {
            out.push(Passage {
                which: Which::Result,
                report: self.new,
                item: &o.result,
            });
        }
        out
    }

    /// How many rows are unchanged, changed, new and dropped.
    pub fn counts(&self) -> [usize; 4] {
        let mut n = [0; 4];
        if let Some(c) = &self.compared {
            for r in &c.comparison.rows {
                let i = match r.change {
                    Change::Unchanged => 0,
                    Change::Changed => 1,
                    Change::New => 2,
                    Change::Dropped => 3,
                };
                n[i] += 1;
            }
        }
        n
    }
}

impl App {
    /// Rows of the comparison a page shows (the list's box, less its
    /// header row).
    pub fn compare_page(&self) -> usize {
        geometry::results_list_height(self.width, self.height)
            .saturating_sub(1)
            .max(1)
    }

    /// `compare`: the current report and the alternate one, in time order,
    /// compared; made again only when a report changed. With fewer than
    /// two reports open the status bar says so; while one is still being
    /// read the view waits for it ([`App::compare_when_read`]).
    pub(super) fn compare_open(&mut self) {
        let current = self.current;
        let Some(other) = self.previous() else {
            let how = match self.library {
                Some(_) => "open another from the library (L)",
                None => "open another (gangmu --compare OLD NEW --reader)",
            };
            self.notices.status = Some(format!("compare needs two open reports: {how}"));
            return;
        };
        if self.reports[current.0].loading || self.reports[other.0].loading {
            // Compared once read: see `App::update`.
            self.compare = None;
            self.compare_job = None;
            self.mode = Mode::Compare;
            self.notices.status = Some(STILL_READING.into());
            return;
        }
        // As given, the previous one first; the thread puts them in time
        // order (the years may take a pass over a report to find).
        let (old, new) = (other, current);
        let doc = |id: ReportId| self.reports[id.0].doc.clone();
        let same = self.compare.as_ref().is_some_and(|v| {
            let is = |id: ReportId, d: &Arc<Document>| Arc::ptr_eq(&self.reports[id.0].doc, d);
            (v.old, v.new) == (old, new) && is(old, &v.docs.0) && is(new, &v.docs.1)
                || (v.old, v.new) == (new, old) && is(new, &v.docs.0) && is(old, &v.docs.1)
        });
        if !same {
            let docs = (doc(old), doc(new));
            self.compare_job = Some(CompareJob {
                old: docs.0.clone(),
                new: docs.1.clone(),
                opts: *self.reports[new.0].detail.cache.options(),
            });
            self.compare = Some(CompareView::new(old, new, docs));
        }
        self.mode = Mode::Compare;
    }

    /// A report has been read whole: the compare view waiting for it
    /// compares, once no report is still being read.
    pub(super) fn compare_when_read(&mut self) {
        if self.mode == Mode::Compare
            && self.compare.is_none()
            && self.reports.iter().all(|r| !r.loading)
        {
            self.compare_open();
        }
    }

    /// The event loop has started the job on a thread: the comparison will
    /// come from `rx`.
    pub fn compare_started(&mut self, rx: Receiver<Compared>) {
        if let Some(v) = &mut self.compare {
            v.pending = Some(rx);
        }
    }

    /// Takes in the comparison if its thread has sent it; whether it did
    /// (the screen then needs drawing).
    pub fn compare_poll(&mut self) -> bool {
        let page = self.compare_page();
        let Some(v) = &mut self.compare else {
            return false;
        };
        let Some(rx) = &v.pending else {
            return false;
        };
        match rx.try_recv() {
            Ok(c) => {
                v.set(c, page);
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                v.pending = None;
                self.notices.status = Some("the comparison could not be made".into());
                true
            }
        }
    }

    /// Whether a comparison is being computed (the event loop then looks
    /// for it often).
    pub fn comparing(&self) -> bool {
        self.compare_job.is_some() || self.compare.as_ref().is_some_and(|v| v.pending.is_some())
    }

    /// Makes the comparison asked for here, on this thread (tests, or no
    /// thread to give it to).
    pub fn compare_finish(&mut self) {
        let page = self.compare_page();
        let Some(v) = &mut self.compare else {
            return;
        };
        if let Some(job) = self.compare_job.take() {
            v.set(job.run(), page);
        } else if let Some(rx) = v.pending.take()
            && let Ok(c) = rx.recv()
        {
            v.set(c, page);
        }
    }

    /// The compare view's rows: moves, `Enter` shows the row's passages,
    /// `f` only the changes, `Esc` (or `compare`) closes.
    pub(super) fn compare_key(&mut self, action: Action) {
        let page = self.compare_page();
        let Some(v) = &mut self.compare else {
            // Waiting for a report to be read: only closing means anything.
            if matches!(
                action,
                Action::Close | Action::Compare | Action::Click { .. }
            ) {
                self.mode = Mode::Normal;
            }
            return;
        };
        if let Some(m) = Motion::of(action) {
            v.list.apply(m, v.shown.len(), page);
            return;
        }
        match action {
            Action::Activate if v.selected_row().is_some() => {
                let passages = v.passages();
                // The new target first where there is one: what the
                // report read now says.
                v.chosen = passages
                    .iter()
                    .position(|p| p.which == Which::New)
                    .unwrap_or(0);
                self.mode = Mode::Passages;
            }
            Action::SearchFilter if !v.computing() => {
                v.changes_only = !v.changes_only;
                v.refilter(page);
                self.notices.status = Some(
                    if v.changes_only {
                        "only the changes: changed, new, dropped (again shows every row)"
                    } else {
                        "every row"
                    }
                    .into(),
                );
            }
            Action::Click { column, row } => self.compare_click(column, row),
            Action::Wheel { down, .. } => {
                let m = if down { Motion::Down } else { Motion::Up };
                v.list.apply(m, v.shown.len(), page);
            }
            Action::Close | Action::Compare => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// A click on a row of the comparison chooses it (a second click on
    /// the chosen row shows its passages); anywhere outside the list
    /// closes it.
    fn compare_click(&mut self, column: u16, row: u16) {
        let area = geometry::results_area(self.width, self.height);
        let page = self.compare_page();
        let Some(v) = &mut self.compare else {
            return;
        };
        let inside = column > area.x && column + 1 < area.right() && row < area.bottom();
        // The rows start below the border and the header row.
        let first = area.y + 2;
        if !inside || row < area.y {
            self.mode = Mode::Normal;
            return;
        }
        if row < first || row + 1 >= area.bottom() {
            return;
        }
        let k = v.list.shown_from(page) + (row - first) as usize;
        if k >= v.shown.len() {
            return;
        }
        if v.list.selected() == Some(k) {
            self.compare_key(Action::Activate);
        } else {
            v.list.select(Some(k), v.shown.len(), page);
        }
    }

    /// A row's passages: `j`/`k` choose one, `Enter` goes there, `y`/`Y`
    /// copy it with its citation / its breadcrumb, `Esc` goes back to the
    /// rows.
    pub(super) fn passages_key(&mut self, action: Action) {
        let Some(v) = &mut self.compare else {
            self.mode = Mode::Normal;
            return;
        };
        let n = v.passages().len();
        if let Some(m) = Motion::of(action) {
            v.chosen = m.target(Some(v.chosen), n, 1).unwrap_or(0);
            return;
        }
        match action {
            Action::Activate => self.compare_go(),
            Action::Yank | Action::YankBreadcrumb => self.yank(action == Action::Yank),
            Action::Close | Action::Compare | Action::Click { .. } => self.mode = Mode::Compare,
            _ => {}
        }
    }

    /// The chosen passage, in the passages view: its report, its sentence
    /// and its node (what `y` copies).
    pub(super) fn chosen_passage(&self) -> Option<(ReportId, std::ops::Range<usize>, usize)> {
        if self.mode != Mode::Passages {
            return None;
        }
        let v = self.compare.as_ref()?;
        let p = *v.passages().get(v.chosen)?;
        Some((p.report, p.item.sentence.clone(), p.item.node))
    }

    /// Opens the chosen passage's report (it becomes the current one) with
    /// the passage's words at the top of the text, highlighted.
    fn compare_go(&mut self) {
        let Some(v) = &self.compare else {
            return;
        };
        let Some(p) = v.passages().get(v.chosen).copied() else {
            return;
        };
        let (id, span, which) = (p.report, p.item.span.clone(), p.which);
        self.switch_to(id);
        let r = self.report_mut();
        r.jump_to_offset(span.start);
        r.sidebar.highlight = Some(span);
        self.mode = Mode::Normal;
        self.overlay = None;
        self.focus = Focus::Detail;
        let key = self
            .keymap
            .first_key(Action::Compare)
            .map(|k| format!(" ({k}: back to the comparison)"))
            .unwrap_or_default();
        let title = self.report().doc.display_report_title().into_owned();
        self.notices.status = Some(format!("{} report: {title}{key}", which.as_str()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_one_safe_line_in_display_forms() {
        let opts = LayoutOptions::default();
        assert_eq!(one_line(" 赤字率\x1b[2J\n ", &opts), "赤字率␛[2J");
        assert_eq!(one_line("增长5%,左右", &opts), "增长5%，左右");
    }
}
