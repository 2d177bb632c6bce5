//! Pairing: one report's restatements folded, the two reports' targets
//! paired one to one, and for an old target the new report's result.
//!
//! - **Restatements.** Within one report, a target that repeats an
//!   earlier one (the same measure by name or class, the same operation,
//!   the same value in a compatible unit and the same bound: the 2024
//!   report's `经济增长预期目标为5%左右` after `国内生产总值增长5%左右`) is
//!   folded into the first.
//! - **Pairs.** Every old and new target whose measures match
//!   ([`Measure::matches`]) in compatible units ([`unit::compatible`]) and
//!   whose years agree (the same horizon from each report, `今年` and
//!   `今年`; or the same year, `到2030年` and `到2030年`; or a year unknown:
//!   a target for 2020 and one for 2010 are two commitments) is a
//!   candidate; candidates are taken best first (the higher similarity,
//!   then document order), each target in at most one pair.
//! - **Results.** For an old target, the new report's results for the
//!   target's year (its own, else the old report's; a result with no year
//!   counts when the new report is the next year's) whose measures match
//!   its measure: the best one in a comparable unit and operation gives
//!   the verdict ([`bound::verdict`]); when there is none, the best one by
//!   name is **unclear** (the look-back speaks of the measure but gives no
//!   number to compare: `粮食产量增长1.3%` against `1.3万亿斤以上`).

use std::collections::HashMap;

use crate::document::Document;
use crate::targets::{Item, Kind};

use super::bound::{self, Bound, Goal, Span, Verdict, approx_eq};
use super::measure::{Measure, Op};
use super::unit;

/// An item read for comparison.
#[derive(Clone, Debug)]
pub struct Entry {
    pub item: Item,
    pub measure: Measure,
    pub bound: Bound,
    /// The verb as written, if any.
    pub verb: Option<String>,
    /// The unit with its rate (`微克/立方米`), see [`unit::of`].
    pub unit: String,
}

impl Entry {
    pub fn of(item: Item, doc: &Document) -> Entry {
        Entry {
            measure: Measure::of(&item, doc),
            bound: Bound::of(&item, doc),
            verb: item.verb(doc).map(str::to_string),
            unit: unit::of(&item, doc),
            item,
        }
    }

    /// `other`'s value (and a range's lower end) in this entry's unit.
    fn value_of(&self, other: &Entry) -> (f64, Bound) {
        let conv = |v: f64| unit::convert(v, &other.unit, &self.unit);
        let bound = match other.bound {
            Bound::Range(lo) => Bound::Range(conv(lo)),
            b => b,
        };
        (conv(other.item.value), bound)
    }

    /// The same commitment: same operation, value and bound (in
    /// compatible units).
    pub fn same_commitment(&self, other: &Entry) -> bool {
        if !unit::compatible(&self.unit, &other.unit) || self.measure.op != other.measure.op {
            return false;
        }
        let (v, b) = self.value_of(other);
        approx_eq(v, self.item.value) && b.same(self.bound)
    }
}

/// The entries of `doc`'s items of `kind`, in document order.
pub fn entries(doc: &Document, items: &[Item], kind: Kind) -> Vec<Entry> {
    items
        .iter()
        .filter(|t| t.kind == kind)
        .map(|t| Entry::of(t.clone(), doc))
        .collect()
}

/// The key that restatements share: the class or stem, and the operation.
fn restatement_key(e: &Entry) -> (String, Op) {
    let name = match e.measure.class {
        Some(c) => format!("{c:?}"),
        None => e.measure.stem.clone(),
    };
    (name, e.measure.op.clone())
}

/// `entries` without the ones that restate an earlier one.
pub fn distinct(entries: Vec<Entry>) -> Vec<Entry> {
    let mut kept: Vec<Entry> = Vec::with_capacity(entries.len());
    let mut by_key: HashMap<(String, Op), Vec<usize>> = HashMap::new();
    for e in entries {
        let slot = by_key.entry(restatement_key(&e)).or_default();
        if slot.iter().any(|&k| kept[k].same_commitment(&e)) {
            continue;
        }
        slot.push(kept.len());
        kept.push(e);
    }
    kept
}

/// The report years, for the horizons of targets.
#[derive(Clone, Copy, Debug, Default)]
pub struct Years {
    pub old: Option<i32>,
    pub new: Option<i32>,
}

/// Whether the two targets' years agree: the same year, or the same
/// horizon from each report (`今年` and `今年`), or a year unknown.
fn years_agree(old: &Item, new: &Item, years: Years) -> bool {
    match (old.year, new.year) {
        (Some(a), Some(b)) if a == b => true,
        (Some(a), Some(b)) => match (years.old, years.new) {
            (Some(ra), Some(rb)) => a - ra == b - rb,
            _ => false,
        },
        _ => true,
    }
}

/// Where two entries may pair at all: the operation's kind and the unit's
/// dimension.
fn bucket(e: &Entry) -> (String, String) {
    let op = match &e.measure.op {
        Op::Level => "level".to_string(),
        Op::Change(_) => "change".to_string(),
        Op::Action(v) => format!("action {v}"),
    };
    (op, unit::dimension(&e.unit).base)
}

/// The pairs `(old, new)` of matching targets, one to one (indices into
/// `old` and `new`).
pub fn pair(old: &[Entry], new: &[Entry], years: Years) -> Vec<(usize, usize)> {
    let mut buckets: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (j, e) in new.iter().enumerate() {
        buckets.entry(bucket(e)).or_default().push(j);
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, o) in old.iter().enumerate() {
        for &j in buckets.get(&bucket(o)).map_or(&[][..], Vec::as_slice) {
            if !years_agree(&o.item, &new[j].item, years) {
                continue;
            }
            if let Some(score) = o.measure.matches(&new[j].measure) {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_taken = vec![false; old.len()];
    let mut new_taken = vec![false; new.len()];
    let mut pairs = Vec::new();
    for (_, i, j) in candidates {
        if !old_taken[i] && !new_taken[j] {
            old_taken[i] = true;
            new_taken[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// A result for a target, and the verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub verdict: Verdict,
    pub result: Item,
}

/// Whether a result of `result_year` reports on a target for
/// `target_year`, in a report of `new_year`.
fn same_year(target_year: i32, result_year: Option<i32>, new_year: Option<i32>) -> bool {
    match result_year {
        Some(y) => y == target_year,
        None => new_year == Some(target_year + 1),
    }
}

/// What the new report's `results` say of the old `target`.
pub fn outcome(target: &Entry, results: &[Entry], years: Years) -> Option<Outcome> {
    let target_year = target.item.year.or(years.old)?;
    let mut best_comparable: Option<(f64, &Entry)> = None;
    let mut best_named: Option<(f64, &Entry)> = None;
    for r in results {
        if !same_year(target_year, r.item.year, years.new) {
            continue;
        }
        let score = target.measure.similarity(&r.measure);
        if score < super::measure::MATCH_SCORE {
            continue;
        }
        let comparable =
            target.measure.op.compatible(&r.measure.op) && unit::compatible(&target.unit, &r.unit);
        let slot = if comparable {
            &mut best_comparable
        } else {
            &mut best_named
        };
        if slot.is_none_or(|(s, _)| score > s) {
            *slot = Some((score, r));
        }
    }
    if let Some((_, r)) = best_comparable {
        return Some(Outcome {
            verdict: judge(target, r),
            result: r.item.clone(),
        });
    }
    best_named.map(|(_, r)| Outcome {
        verdict: Verdict::Unclear,
        result: r.item.clone(),
    })
}

/// The verdict of a comparable result on a target.
fn judge(target: &Entry, result: &Entry) -> Verdict {
    let goal = Goal::of(
        target.item.value,
        target.bound,
        &target.measure,
        target.verb.as_deref(),
    );
    let (value, b) = target.value_of(result);
    let turn = match (&target.measure.op, &result.measure.op) {
        (Op::Change(t), Op::Change(r)) => t.factor() * r.factor(),
        _ => 1.0,
    };
    bound::verdict(goal, Span::of(value, b).scaled(turn))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::measure::Sign;

    fn entry(stem: &str, op: Op, value: f64, unit: &str, bound: Bound, year: Option<i32>) -> Entry {
        Entry {
            item: Item {
                kind: Kind::Target,
                node: 0,
                span: 0..0,
                sentence: 0..0,
                subject: 0..0,
                subject_head: None,
                verb: None,
                quantity: 0..0,
                value,
                unit: unit.to_string(),
                qualifier: None,
                deadline: None,
                year,
            },
            measure: Measure::new(stem.to_string(), stem.to_string(), op),
            bound,
            verb: None,
            unit: unit.to_string(),
        }
    }

    fn result(e: Entry) -> Entry {
        Entry {
            item: Item {
                kind: Kind::Result,
                ..e.item
            },
            ..e
        }
    }

    fn up() -> Op {
        Op::Change(Sign::Up)
    }

    const YEARS: Years = Years {
        old: Some(2023),
        new: Some(2024),
    };

    #[test]
    fn restatements_fold_into_the_first() {
        let list = vec![
            entry("国内生产总值", up(), 5.0, "%", Bound::About, Some(2024)),
            entry("经济", up(), 5.0, "%", Bound::About, Some(2024)),
            // another value, another bound, another unit: kept
            entry("经济", up(), 5.5, "%", Bound::About, Some(2024)),
            entry("经济", up(), 5.0, "%", Bound::AtLeast, Some(2024)),
            entry(
                "粮食产量",
                Op::Level,
                1.3e12,
                "斤",
                Bound::AtLeast,
                Some(2024),
            ),
            entry(
                "粮食产量",
                Op::Level,
                6.5e8,
                "吨",
                Bound::AtLeast,
                Some(2024),
            ),
            entry(
                "粮食产量",
                Op::Level,
                1.3e12,
                "元",
                Bound::AtLeast,
                Some(2024),
            ),
        ];
        let kept: Vec<(f64, String)> = distinct(list)
            .iter()
            .map(|e| (e.item.value, e.unit.clone()))
            .collect();
        assert_eq!(
            kept,
            [
                (5.0, "%".to_string()),
                (5.5, "%".to_string()),
                (5.0, "%".to_string()),
                (1.3e12, "斤".to_string()),
                (1.3e12, "元".to_string()),
            ]
        );
    }

    #[test]
    fn the_best_match_pairs_first() {
        let action = || Op::Action("发行".to_string());
        let old = [entry(
            "特别国债",
            action(),
            5e11,
            "元",
            Bound::Exact,
            Some(2023),
        )];
        let new = [
            entry(
                "超长期特别国债",
                action(),
                1.3e12,
                "元",
                Bound::Exact,
                Some(2024),
            ),
            entry("特别国债", action(), 5e11, "元", Bound::Exact, Some(2024)),
        ];
        assert_eq!(pair(&old, &new, YEARS), [(0, 1)]);
        // with the exact name gone, the similar one pairs
        assert_eq!(pair(&old, &new[..1], YEARS), [(0, 0)]);
        // one to one: a second old target finds no partner left
        let two = [old[0].clone(), old[0].clone()];
        assert_eq!(pair(&two, &new[1..], YEARS), [(0, 0)]);
    }

    #[test]
    fn units_and_years_must_agree() {
        let grain =
            |unit: &str, year| entry("粮食产量", Op::Level, 1.3e12, unit, Bound::AtLeast, year);
        assert_eq!(
            pair(
                &[grain("斤", Some(2023))],
                &[grain("吨", Some(2024))],
                YEARS
            ),
            [(0, 0)]
        );
        assert!(
            pair(
                &[grain("斤", Some(2023))],
                &[grain("元", Some(2024))],
                YEARS
            )
            .is_empty()
        );
        // the same horizon, the same year, or unknown
        assert_eq!(
            pair(
                &[grain("斤", Some(2030))],
                &[grain("斤", Some(2030))],
                YEARS
            ),
            [(0, 0)]
        );
        assert_eq!(
            pair(&[grain("斤", None)], &[grain("斤", Some(2024))], YEARS),
            [(0, 0)]
        );
        assert!(
            pair(
                &[grain("斤", Some(2025))],
                &[grain("斤", Some(2024))],
                YEARS
            )
            .is_empty()
        );
        let unknown = Years {
            old: None,
            new: Some(2024),
        };
        assert!(
            pair(
                &[grain("斤", Some(2023))],
                &[grain("斤", Some(2024))],
                unknown
            )
            .is_empty()
        );
    }

    #[test]
    fn a_result_for_the_target_year_judges_it() {
        let target = entry(
            "粮食产量",
            Op::Level,
            1.3e12,
            "斤",
            Bound::AtLeast,
            Some(2023),
        );
        let level =
            |v: f64, year| result(entry("粮食产量", Op::Level, v, "斤", Bound::Exact, year));
        let rise = result(entry("粮食产量", up(), 1.3, "%", Bound::Exact, Some(2023)));
        let judged = |results: &[Entry]| {
            outcome(&target, results, YEARS).map(|o| (o.verdict, o.result.value))
        };
        assert_eq!(
            judged(&[level(1.39e12, Some(2023))]),
            Some((Verdict::Met, 1.39e12))
        );
        assert_eq!(
            judged(&[level(1.2e12, Some(2023))]),
            Some((Verdict::Missed, 1.2e12))
        );
        // another year's figure says nothing
        assert_eq!(judged(&[level(1.39e12, Some(2022))]), None);
        // a figure without a year, in the next year's report, counts
        assert_eq!(
            judged(&[level(1.39e12, None)]),
            Some((Verdict::Met, 1.39e12))
        );
        // a comparable figure wins over one that only names the measure
        assert_eq!(
            judged(&[rise.clone(), level(1.39e12, Some(2023))]),
            Some((Verdict::Met, 1.39e12))
        );
        assert_eq!(judged(&[rise]), Some((Verdict::Unclear, 1.3)));
        // another measure: nothing
        let other = result(entry(
            "棉花产量",
            Op::Level,
            1.4e12,
            "斤",
            Bound::Exact,
            Some(2023),
        ));
        assert_eq!(judged(&[other]), None);
        // a target whose year nobody knows is not judged
        let mut no_year = target.clone();
        no_year.item.year = None;
        let years = Years {
            old: None,
            new: None,
        };
        assert!(outcome(&no_year, &[level(1.39e12, None)], years).is_none());
    }
}
