//! How a quantity is bounded, what a target asks for, and whether a result
//! meets it.
//!
//! A quantity's [`Bound`] is read from its qualifier, else its verb:
//! - at least: `以上`, `多`, `超`, `逾`, `余`; `不低于`, `不少于`, `不小于`,
//!   `超过`, `突破`, `高于`, `≥`;
//! - at most: `以内`, `以下`, `之内`; `不超过`, `不高于`, `不多于`,
//!   `不大于`, `低于`, `控制在`, `≤`;
//! - about: `左右`, `上下`, `约`; near (just under): `近`;
//! - a range `5%—5.5%` (its lower bound read from the text);
//! - else exactly the value.
//!
//! A target's [`Goal`] is a floor or a ceiling. At least / at most say
//! which themselves. For the others the side comes from, in order: a verb
//! that moves to a level (`提高到`, `达到`, `突破` → floor; `降至`, `降低到`,
//! `压减到`, `控制在` → ceiling); the measure's polarity (a measure to keep
//! down, [`super::measure`]: its level and its rise have a ceiling, its
//! fall a floor: `居民消费价格涨幅3%左右` is at most about 3%, `能耗降低2.5%
//! 左右` at least about 2.5% down); else a floor (`国内生产总值增长5%左右`,
//! `城镇新增就业1200万人左右`). About and near widen the target by
//! [`ABOUT_TOLERANCE`] of its value on the lenient side (5%左右 growth is met
//! from 4.75%; 3%左右 inflation up to 3.15%); a range's floor is its lower
//! end, its ceiling the upper.
//!
//! A result is a [`Span`] of values (exact; at least `超过60%` from 60 up;
//! at most; about ± the tolerance; near `近30%` from 28.5 up to, not
//! including, 30; a range), in the target's unit, and for a change in the
//! target's direction (`下降0.5%` against a rise is −0.5). The verdict is
//! **met** when every value of the span meets the goal, **missed** when
//! none does, and **unclear** when some do (`约5%` against `5%以上`).

use crate::document::Document;
use crate::targets::Item;
use crate::targets::number::{parse_arabic, parse_number};

use super::measure::{Measure, Op, Sign};

/// How far `左右`, `约` and `近` reach, as a share of the value.
pub const ABOUT_TOLERANCE: f64 = 0.05;

/// How a quantity is bounded, as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    AtLeast,
    AtMost,
    About,
    /// Just under (`近`).
    Near,
    /// A range, with its lower end (the item's value is the upper).
    Range(f64),
    Exact,
}

const AT_LEAST_QUALIFIERS: &[&str] = &["以上", "之上", "多", "超", "逾", "余"];
const AT_MOST_QUALIFIERS: &[&str] = &["以内", "之内", "以下"];
const ABOUT_QUALIFIERS: &[&str] = &["左右", "上下", "约"];
const NEAR_QUALIFIERS: &[&str] = &["近"];

/// Verbs that bound their value from below or above.
const AT_LEAST_VERBS: &[&str] = &[
    "不低于",
    "不少于",
    "不小于",
    "超过",
    "突破",
    "高于",
    "≥",
    "⩾",
    "＞",
    ">",
];
const AT_MOST_VERBS: &[&str] = &[
    "不超过",
    "不高于",
    "不多于",
    "不大于",
    "低于",
    "控制在",
    "≤",
    "⩽",
    "＜",
    "<",
];

/// Whether a verb bounds its value (and so belongs with it when shown:
/// `不低于5%`).
pub fn is_bound_verb(v: &str) -> bool {
    AT_LEAST_VERBS.contains(&v) || AT_MOST_VERBS.contains(&v)
}

impl Bound {
    /// The bound of `item` in `doc`.
    pub fn of(item: &Item, doc: &Document) -> Bound {
        let range = range_low(item.quantity(doc), item.value);
        Bound::read(item.qualifier(doc), item.verb(doc), range)
    }

    /// The bound from a qualifier, else a verb, else a range's lower end.
    pub fn read(qualifier: Option<&str>, verb: Option<&str>, range_low: Option<f64>) -> Bound {
        let q = |list: &[&str]| qualifier.is_some_and(|q| list.contains(&q));
        let v = |list: &[&str]| verb.is_some_and(|v| list.contains(&v));
        if q(AT_LEAST_QUALIFIERS) {
            Bound::AtLeast
        } else if q(AT_MOST_QUALIFIERS) {
            Bound::AtMost
        } else if q(ABOUT_QUALIFIERS) {
            Bound::About
        } else if q(NEAR_QUALIFIERS) {
            Bound::Near
        } else if v(AT_LEAST_VERBS) {
            Bound::AtLeast
        } else if v(AT_MOST_VERBS) {
            Bound::AtMost
        } else if let Some(lo) = range_low {
            Bound::Range(lo)
        } else {
            Bound::Exact
        }
    }

    /// The same bound: equal kinds, and for ranges equal lower ends.
    pub fn same(self, other: Bound) -> bool {
        match (self, other) {
            (Bound::Range(a), Bound::Range(b)) => approx_eq(a, b),
            (a, b) => a == b,
        }
    }
}

/// The lower end of a range quantity (`5%—5.5%` → 5, `3—5万人` → 30000),
/// whose upper end is `value`; `None` for a single value.
pub fn range_low(quantity: &str, value: f64) -> Option<f64> {
    let (lo, n) = parse_number(quantity)?;
    let rest = &quantity[n..];
    let rest = rest.strip_prefix(['%', '％']).unwrap_or(rest);
    let sep = rest.chars().next()?;
    if !"—–-－~～至到".contains(sep) {
        return None;
    }
    let upper = &rest[sep.len_utf8()..];
    // `3—5万人`: the lower end takes the upper end's multiplier.
    let (digits, _) = parse_arabic(upper)?;
    let digits_only = parse_arabic(quantity).is_some_and(|(_, m)| m == n);
    let lo = if digits_only && digits > 0.0 {
        lo * value / digits
    } else {
        lo
    };
    (lo.is_finite() && lo <= value).then_some(lo)
}

/// A floor or a ceiling.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Goal {
    AtLeast(f64),
    AtMost(f64),
}

/// Verbs that move to a level, by the way they move.
const UP_TO: &[&str] = &["提高", "提升", "增加", "增长", "扩大", "上升", "增"];
const DOWN_TO: &[&str] = &[
    "降低", "下降", "降", "减少", "减", "压减", "压缩", "缩小", "缩短", "回落",
];

/// The side a level verb moves to: `Some(true)` for a floor.
fn verb_side(verb: &str) -> Option<bool> {
    if matches!(verb, "达到" | "突破" | "超过") {
        return Some(true);
    }
    if verb == "控制在" {
        return Some(false);
    }
    let stem = verb.strip_suffix(['到', '至'])?;
    if UP_TO.contains(&stem) {
        Some(true)
    } else if DOWN_TO.contains(&stem) {
        Some(false)
    } else {
        None
    }
}

impl Goal {
    /// What a target of `value` with `bound`, on `measure`, asks for; its
    /// verb is `verb` (see the module doc).
    pub fn of(value: f64, bound: Bound, measure: &Measure, verb: Option<&str>) -> Goal {
        let floor = match bound {
            Bound::AtLeast => true,
            Bound::AtMost => false,
            _ => verb.and_then(verb_side).unwrap_or(match measure.op {
                Op::Change(Sign::Down) => true,
                _ => !measure.keep_low,
            }),
        };
        let widen = |v: f64| match bound {
            Bound::About | Bound::Near => v * ABOUT_TOLERANCE,
            _ => 0.0,
        };
        match (floor, bound) {
            (true, Bound::Range(lo)) => Goal::AtLeast(lo),
            (true, _) => Goal::AtLeast(value - widen(value)),
            (false, _) => Goal::AtMost(value + widen(value)),
        }
    }
}

/// The values a result may stand for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub lo: f64,
    pub lo_open: bool,
    pub hi: f64,
    pub hi_open: bool,
}

impl Span {
    /// The values a result of `value` with `bound` may stand for.
    pub fn of(value: f64, bound: Bound) -> Span {
        let t = value * ABOUT_TOLERANCE;
        let (lo, hi, hi_open) = match bound {
            Bound::Exact => (value, value, false),
            Bound::AtLeast => (value, f64::INFINITY, false),
            Bound::AtMost => (f64::NEG_INFINITY, value, false),
            Bound::About => (value - t, value + t, false),
            Bound::Near => (value - t, value, true),
            Bound::Range(lo) => (lo, value, false),
        };
        Span {
            lo,
            lo_open: false,
            hi,
            hi_open,
        }
    }

    /// The span scaled by `k` (a negative `k` turns it round).
    pub fn scaled(self, k: f64) -> Span {
        if k >= 0.0 {
            Span {
                lo: self.lo * k,
                hi: self.hi * k,
                ..self
            }
        } else {
            Span {
                lo: self.hi * k,
                lo_open: self.hi_open,
                hi: self.lo * k,
                hi_open: self.lo_open,
            }
        }
    }
}

/// Whether a result meets a target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    Met,
    Missed,
    Unclear,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::Unclear => "unclear",
        }
    }
}

/// Met when every value of the span meets the goal, missed when none
/// does, else unclear.
pub fn verdict(goal: Goal, span: Span) -> Verdict {
    let (all, none) = match goal {
        Goal::AtLeast(b) => (
            ge(span.lo, b),
            lt(span.hi, b) || (approx_eq(span.hi, b) && span.hi_open),
        ),
        Goal::AtMost(b) => (
            ge(b, span.hi),
            lt(b, span.lo) || (approx_eq(span.lo, b) && span.lo_open),
        ),
    };
    if all {
        Verdict::Met
    } else if none {
        Verdict::Missed
    } else {
        Verdict::Unclear
    }
}

/// Equal up to rounding (a relative 1e-9; infinities only to themselves).
pub fn approx_eq(a: f64, b: f64) -> bool {
    a == b || (a.is_finite() && b.is_finite() && (a - b).abs() <= 1e-9 * a.abs().max(b.abs()))
}

fn ge(a: f64, b: f64) -> bool {
    a >= b || approx_eq(a, b)
}

fn lt(a: f64, b: f64) -> bool {
    a < b && !approx_eq(a, b)
}

#[cfg(test)]
mod tests {
    use super::super::measure::{Measure, stem};
    use super::*;

    fn measure(subject: &str, op: Op) -> Measure {
        let (s, change) = stem(subject);
        let op = match (op, change) {
            (Op::Level, Some(sign)) => Op::Change(sign),
            (op, _) => op,
        };
        Measure::new(subject.into(), s, op)
    }

    fn up() -> Op {
        Op::Change(Sign::Up)
    }

    #[test]
    fn bounds_from_qualifiers_then_verbs() {
        assert_eq!(
            Bound::read(Some("以上"), Some("保持在"), None),
            Bound::AtLeast
        );
        assert_eq!(
            Bound::read(Some("以内"), Some("控制在"), None),
            Bound::AtMost
        );
        assert_eq!(
            Bound::read(Some("左右"), Some("控制在"), None),
            Bound::About
        );
        assert_eq!(Bound::read(Some("近"), None, None), Bound::Near);
        assert_eq!(Bound::read(None, Some("不低于"), None), Bound::AtLeast);
        assert_eq!(Bound::read(None, Some("不超过"), None), Bound::AtMost);
        assert_eq!(Bound::read(None, Some("控制在"), None), Bound::AtMost);
        assert_eq!(Bound::read(None, Some("≥"), None), Bound::AtLeast);
        assert_eq!(Bound::read(None, Some("达到"), None), Bound::Exact);
        assert_eq!(Bound::read(None, None, Some(5.0)), Bound::Range(5.0));
        assert_eq!(Bound::read(None, Some("按"), None), Bound::Exact);
    }

    #[test]
    fn ranges_read_their_lower_end() {
        assert_eq!(range_low("5%—5.5%", 5.5), Some(5.0));
        assert_eq!(range_low("5%-5.5%", 5.5), Some(5.0));
        assert_eq!(range_low("6-6.5%", 6.5), Some(6.0));
        assert_eq!(range_low("3—5万人", 50000.0), Some(30000.0));
        assert_eq!(range_low("3万—5万人", 50000.0), Some(30000.0));
        assert_eq!(range_low("5%", 5.0), None);
        assert_eq!(range_low("1.3万亿斤", 1.3e12), None);
        assert_eq!(range_low("五千人", 5000.0), None);
    }

    #[test]
    fn about_reads_by_polarity() {
        let gdp = measure("国内生产总值", up());
        assert_eq!(
            Goal::of(5.0, Bound::About, &gdp, Some("增长")),
            Goal::AtLeast(4.75)
        );
        let cpi = measure("居民消费价格涨幅", Op::Level);
        assert_eq!(Goal::of(3.0, Bound::About, &cpi, None), Goal::AtMost(3.15));
        // worded with the verb, still a ceiling on a rise of prices
        let cpi = measure("居民消费价格", up());
        assert_eq!(
            Goal::of(3.0, Bound::About, &cpi, Some("上涨")),
            Goal::AtMost(3.15)
        );
        let jobless = measure("城镇调查失业率", Op::Level);
        assert!(
            matches!(Goal::of(5.5, Bound::About, &jobless, None), Goal::AtMost(b) if approx_eq(b, 5.775))
        );
        // a fall of a measure to keep down: at least that much
        let energy = measure("单位国内生产总值能耗", Op::Change(Sign::Down));
        assert_eq!(
            Goal::of(2.5, Bound::About, &energy, Some("降低")),
            Goal::AtLeast(2.375)
        );
        let jobs = measure("城镇就业", Op::Action("新增".into()));
        assert_eq!(
            Goal::of(1.2e7, Bound::About, &jobs, None),
            Goal::AtLeast(1.14e7)
        );
    }

    #[test]
    fn explicit_bounds_and_level_verbs_win() {
        let gdp = measure("国内生产总值", up());
        assert_eq!(Goal::of(5.0, Bound::AtMost, &gdp, None), Goal::AtMost(5.0));
        let jobless = measure("城镇调查失业率", Op::Level);
        assert_eq!(
            Goal::of(5.5, Bound::AtLeast, &jobless, None),
            Goal::AtLeast(5.5)
        );
        let forest = measure("森林覆盖率", Op::Level);
        assert_eq!(
            Goal::of(30.0, Bound::Exact, &forest, Some("达到")),
            Goal::AtLeast(30.0)
        );
        assert_eq!(
            Goal::of(30.0, Bound::Exact, &forest, Some("降至")),
            Goal::AtMost(30.0)
        );
        assert_eq!(
            Goal::of(30.0, Bound::Exact, &forest, Some("提高到")),
            Goal::AtLeast(30.0)
        );
        let deficit = measure("赤字率", Op::Level);
        assert_eq!(
            Goal::of(3.0, Bound::Exact, &deficit, Some("按")),
            Goal::AtMost(3.0)
        );
        assert_eq!(
            Goal::of(6.5, Bound::Range(6.0), &gdp, None),
            Goal::AtLeast(6.0)
        );
        assert_eq!(
            Goal::of(3.0, Bound::Range(2.0), &deficit, None),
            Goal::AtMost(3.0)
        );
    }

    #[test]
    fn verdicts() {
        let at_least = Goal::AtLeast(4.75);
        assert_eq!(verdict(at_least, Span::of(5.2, Bound::Exact)), Verdict::Met);
        assert_eq!(
            verdict(at_least, Span::of(4.75, Bound::Exact)),
            Verdict::Met
        );
        assert_eq!(
            verdict(at_least, Span::of(4.7, Bound::Exact)),
            Verdict::Missed
        );
        assert_eq!(
            verdict(at_least, Span::of(5.0, Bound::AtLeast)),
            Verdict::Met
        );
        assert_eq!(
            verdict(at_least, Span::of(5.0, Bound::AtMost)),
            Verdict::Unclear
        );
        assert_eq!(
            verdict(at_least, Span::of(4.0, Bound::AtMost)),
            Verdict::Missed
        );
        // 约4.9: 4.655 … 5.145
        assert_eq!(
            verdict(at_least, Span::of(4.9, Bound::About)),
            Verdict::Unclear
        );
        // 近10%: under 10 whatever it is
        assert_eq!(
            verdict(Goal::AtLeast(10.0), Span::of(10.0, Bound::Near)),
            Verdict::Missed
        );
        let at_most = Goal::AtMost(3.15);
        assert_eq!(verdict(at_most, Span::of(0.2, Bound::Exact)), Verdict::Met);
        assert_eq!(
            verdict(at_most, Span::of(3.2, Bound::Exact)),
            Verdict::Missed
        );
        assert_eq!(
            verdict(at_most, Span::of(3.0, Bound::AtLeast)),
            Verdict::Unclear
        );
        assert_eq!(verdict(at_most, Span::of(2.0, Bound::AtMost)), Verdict::Met);
        assert_eq!(
            verdict(at_most, Span::of(3.0, Bound::Range(2.0))),
            Verdict::Met
        );
    }

    #[test]
    fn a_fall_against_a_rise_turns_round() {
        // 居民消费价格下降0.5% against a ceiling on the rise
        let fall = Span::of(0.5, Bound::Exact).scaled(-1.0);
        assert_eq!(fall.lo, -0.5);
        assert_eq!(verdict(Goal::AtMost(3.15), fall), Verdict::Met);
        // 近5% down against at least 2.5 up: missed
        let s = Span::of(5.0, Bound::Near).scaled(-1.0);
        assert!(s.lo_open && !s.hi_open);
        assert_eq!(verdict(Goal::AtLeast(2.5), s), Verdict::Missed);
    }
}
