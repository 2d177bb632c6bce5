//! Two reports side by side: which targets are unchanged, changed, new or
//! dropped, and what the later report's look-back says of the earlier
//! report's targets (met, missed, unclear).
//!
//! [`compare`] reads both reports' targets (and the new report's results)
//! with [`crate::targets::extract`] and returns one [`Row`] per measure:
//! - `measure`: what a target measures, its stem, headline
//!   class, operation and polarity, and when two measures are the same;
//! - `unit`: which units compare, and how they convert;
//! - `pair`: restatements folded, the pairing of old and new targets, and
//!   the result that judges an old target;
//! - `bound`: how a quantity is bounded (`以上`, `左右`, `控制在`…), what a
//!   target asks for, and the verdict.
//!
//! Rows follow the new report's order, each dropped target placed before
//! the first row whose old target comes after it. A row keeps both items
//! whole, so a view shows each side's passage (`item.sentence(doc)`) and
//! the result's ([`Outcome::result`], in the new report).
//!
//! Nothing here knows the terminal: `--compare` prints the rows
//! (`crate::cli::compare`), the reader shows them.

mod bound;
mod measure;
mod pair;
mod unit;

pub use bound::{ABOUT_TOLERANCE, Verdict};
pub use measure::MATCH_SCORE;
pub use pair::Outcome;

use crate::document::Document;
use crate::targets::{self, Item, Kind};
use pair::{Entry, Years};

/// What a row says changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    /// The same value, unit and bound (`5%左右 → 5%左右`).
    Unchanged,
    /// Another value or bound (`3% → 4%`, `1200万人左右 → 1200万人以上`).
    Changed,
    /// Only in the new report.
    New,
    /// Only in the old report.
    Dropped,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Unchanged => "unchanged",
            Change::Changed => "changed",
            Change::New => "new",
            Change::Dropped => "dropped",
        }
    }
}

/// One measure across the two reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The measure as the new report names it (else the old): the subject
    /// as `--targets` prints it, with the verb of a change after it
    /// (`国内生产总值增长`).
    pub measure: String,
    /// The unit of the new target (else the old), with its rate
    /// (`微克/立方米`, where the item's unit is `微克`).
    pub unit: String,
    /// The old report's target, if it has one.
    pub old: Option<Item>,
    /// The new report's target, if it has one.
    pub new: Option<Item>,
    pub change: Change,
    /// For an old target, the new report's result for it.
    pub outcome: Option<Outcome>,
}

/// One side of a comparison: what identifies its report.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    /// The path as given, `-` or `<bundled>`.
    pub source: String,
    pub title: String,
    pub year: Option<i32>,
}

impl Side {
    pub fn of(doc: &Document) -> Side {
        Side {
            source: doc.source.clone(),
            title: doc.display_report_title().into_owned(),
            year: targets::report_year(doc),
        }
    }
}

/// The comparison of an old and a new report.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub old: Side,
    pub new: Side,
    pub rows: Vec<Row>,
}

/// How the two reports' years stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// The old report is the earlier.
    Forward,
    /// The same year.
    Same,
    /// The "new" report is the earlier: the arguments are the wrong way
    /// round.
    Reversed,
    /// A year is unknown.
    Unknown,
}

/// How the years of `old` and `new` stand.
pub fn order(old: &Document, new: &Document) -> Order {
    match (targets::report_year(old), targets::report_year(new)) {
        (Some(a), Some(b)) if a < b => Order::Forward,
        (Some(a), Some(b)) if a == b => Order::Same,
        (Some(_), Some(_)) => Order::Reversed,
        _ => Order::Unknown,
    }
}

/// Compares the targets of `old` and `new`, and judges `old`'s targets by
/// `new`'s results (as given: see [`order`] for the reports' years).
pub fn compare(old: &Document, new: &Document) -> Comparison {
    compare_items(old, &targets::extract(old), new, &targets::extract(new))
}

/// [`compare`], on items already extracted (`targets::extract` of each
/// report, as a view that lists them holds them).
pub fn compare_items(
    old: &Document,
    old_items: &[Item],
    new: &Document,
    new_items: &[Item],
) -> Comparison {
    let (old_report, new_report) = (Side::of(old), Side::of(new));
    let years = Years {
        old: old_report.year,
        new: new_report.year,
    };
    let olds = pair::distinct(pair::entries(old, old_items, Kind::Target));
    let news = pair::distinct(pair::entries(new, new_items, Kind::Target));
    let results = pair::entries(new, new_items, Kind::Result);
    let mut partner_of_new = vec![None; news.len()];
    for (i, j) in pair::pair(&olds, &news, years) {
        partner_of_new[j] = Some(i);
    }
    let rows = row_order(olds.len(), &partner_of_new)
        .into_iter()
        .map(|(i, j)| row(i.map(|i| &olds[i]), j.map(|j| &news[j]), &results, years))
        .collect();
    Comparison {
        old: old_report,
        new: new_report,
        rows,
    }
}

/// The rows as (old, new) indices: the new targets in order, each with
/// its partner, and each old target without one (dropped) before the first
/// row whose old target comes after it, or at the end.
fn row_order(olds: usize, partner_of_new: &[Option<usize>]) -> Vec<(Option<usize>, Option<usize>)> {
    let mut paired = vec![false; olds];
    for &i in partner_of_new.iter().flatten() {
        if let Some(p) = paired.get_mut(i) {
            *p = true;
        }
    }
    let mut rows = Vec::with_capacity(olds + partner_of_new.len());
    let mut next_old = 0;
    for (j, partner) in partner_of_new.iter().enumerate() {
        if let Some(i) = *partner {
            rows.extend(
                (next_old..i)
                    .filter(|&k| !paired[k])
                    .map(|k| (Some(k), None)),
            );
            next_old = next_old.max(i + 1);
        }
        rows.push((*partner, Some(j)));
    }
    rows.extend(
        (next_old..olds)
            .filter(|&k| !paired[k])
            .map(|k| (Some(k), None)),
    );
    rows
}

/// The row of an old and a new target (one may be missing).
fn row(old: Option<&Entry>, new: Option<&Entry>, results: &[Entry], years: Years) -> Row {
    let change = match (old, new) {
        (Some(o), Some(n)) if o.same_commitment(n) => Change::Unchanged,
        (Some(_), Some(_)) => Change::Changed,
        (None, _) => Change::New,
        (Some(_), None) => Change::Dropped,
    };
    let named = new.or(old);
    Row {
        measure: named.map(|e| e.measure.name.clone()).unwrap_or_default(),
        unit: named.map(|e| e.unit.clone()).unwrap_or_default(),
        old: old.map(|e| e.item.clone()),
        new: new.map(|e| e.item.clone()),
        change,
        outcome: old.and_then(|o| pair::outcome(o, results, years)),
    }
}

/// A target's value as written, with its bound: the quantity, its
/// qualifier on the side it is written (`5%左右`, `近30%`), or else a verb
/// that bounds it (`不低于5%`, `控制在3%`).
pub fn written(item: &Item, doc: &Document) -> String {
    let mut s = String::new();
    let q = item.qualifier.clone().map(|r| (r.start, &doc.text[r]));
    if q.is_none()
        && let Some(v) = item.verb(doc).filter(|v| bound::is_bound_verb(v))
    {
        s.push_str(v);
    }
    if let Some((_, q)) = q.filter(|(start, _)| *start < item.quantity.start) {
        s.push_str(q);
    }
    s.push_str(item.quantity(doc));
    if let Some((_, q)) = q.filter(|(start, _)| *start >= item.quantity.end) {
        s.push_str(q);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_the_new_report_with_dropped_ones_in_place() {
        // old 0 1 2 3 4; new 0↔1, 1 new, 2↔4, 3↔0 (old 0 comes late: its
        // partner's place)
        let order = row_order(5, &[Some(1), None, Some(4), Some(0)]);
        assert_eq!(
            order,
            [
                (Some(1), Some(0)),
                (None, Some(1)),
                // old 2 and 3 dropped, before the row of old 4
                (Some(2), None),
                (Some(3), None),
                (Some(4), Some(2)),
                (Some(0), Some(3)),
            ]
        );
        assert_eq!(row_order(2, &[]), [(Some(0), None), (Some(1), None)]);
        assert_eq!(row_order(0, &[None]), [(None, Some(0))]);
    }
}
