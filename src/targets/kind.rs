//! The last stage of the pipeline: is a quantity a target (what the
//! report commits to) or a result (what it reports as done)?
//!
//! The signals, most general first:
//! - the part: everything in a part that reviews (`2023年工作回顾`) is a
//!   result (see [`super::report`]);
//! - the time a sentence sets before the quantity: the *nearest* time
//!   word governs. A past (`过去一年`, `去年`, `五年来`, a year before the
//!   report's own, `截至2023年底`) makes a result; a forward one (`今年`,
//!   `年内`, `到2030年`, `力争`, `确保`, `拟`, `要`) a target. `已`, `目前`
//!   in the quantity's own clause state what is, not what will be;
//! - weaker look-back words (`累计`, `首次`, `比上年`, `同比`) make a
//!   result unless the sentence looks forward;
//! - the verb ([`VerbClass`]): an action or a level commits by itself, a
//!   comparator only in a forward-looking sentence, a bare value after a
//!   metric's name too; elsewhere they state what is observed, a result.
//!   A goal named as such (`…“30强”目标`) is a target wherever it is. A
//!   `预计` forecast, a threshold (`600人以上学校`) and, outside a forward
//!   sentence, a size in passing (`前湾10平方公里重点开发区域`) are
//!   neither.

use super::deadline::{Deadline, When, deadlines, time_years};
use super::lexicon::{self, Tag, VerbClass};

/// What the report does with a quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Forward-looking: a commitment.
    Target,
    /// Looking back: an achievement.
    Result,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Result => "result",
        }
    }
}

/// Why a quantity could be a commitment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Basis {
    /// A verb before it (or opening its clause).
    Verb(VerbClass),
    /// Its clause opens with `确保`, `力争`, `争取`.
    Pledged,
    /// A bare value after a metric's name, or after `近`/`超`.
    Implied,
    /// A bare value after a subject that is no metric.
    Stated(Standing),
    /// A goal by name (`…“30强”目标`): a target wherever it is named.
    Goal,
    /// A change against an earlier figure (`比上年增加1000亿元`).
    Delta,
    /// The next value of a list the sentence started.
    Continues(Kind),
}

/// How a verbless value stands in its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Standing {
    /// Ends its clause: `缓税缓费7500多亿元。`
    Alone,
    /// Sizes the noun after it: `10平方公里重点开发区域`.
    Attributive,
    /// Picks whom a rule concerns: `600人以上学校`, `后20%学生`.
    Threshold,
}

/// The time signals of one sentence, read once (relative positions).
#[derive(Debug, Default)]
pub(super) struct Signals {
    pub(super) deadlines: Vec<Deadline>,
    /// Bare years that set the time (`2012年达到4%`).
    pub(super) years: Vec<(std::ops::Range<usize>, i32)>,
    /// Positions of forward signals (cues, forward deadlines, years not
    /// before the report's), in order.
    forward: Vec<usize>,
    /// Positions of past signals, in order.
    past: Vec<usize>,
    /// Positions of `已`, `目前` ….
    done: Vec<usize>,
    weak_past: bool,
    /// Position of `预计`.
    pub(super) forecast: Option<usize>,
    /// Positions of past words that date a noun (`去年出台的…政策`): past
    /// only for a quantity in their own clause.
    dating: Vec<usize>,
    /// Position of the first cue that commits (`要`, `确保`, `力争`…).
    first_cue: Option<usize>,
    /// Position of the first cue that opens a clause after a comma
    /// ([`opens_clause`]: `，要…`, `，必须确保…`).
    first_clause_cue: Option<usize>,
}

/// Modal adverbs that may stand between a comma and the cue opening a
/// clause (`，必须确保…`, `，还要…`).
const CLAUSE_CUE_LEADS: [&str; 7] = ["必须", "务必", "还", "也", "更", "都", "就"];

/// Whether the cue at `i` opens a clause of `s`: right after a comma, or
/// after a comma and a modal adverb.
fn opens_clause(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let before = CLAUSE_CUE_LEADS
        .iter()
        .find_map(|w| before.strip_suffix(w))
        .unwrap_or(before);
    before.ends_with(['，', ','])
}

impl Signals {
    /// Reads the signals of `s`; `report_year` tells past years from
    /// future ones.
    pub(super) fn read(s: &str, report_year: Option<i32>) -> Signals {
        let deadlines = deadlines(s);
        let years = time_years(s);
        let mut forward = Vec::new();
        let mut past = Vec::new();
        for d in &deadlines {
            let y = d.when.resolve(report_year);
            let before_report = matches!((d.when, report_year), (When::Year(y), Some(r)) if y < r);
            if d.as_of {
                if before_report || y == report_year {
                    past.push(d.range.start);
                }
            } else if !before_report {
                forward.push(d.range.start);
            }
        }
        for (r, y) in &years {
            match report_year {
                Some(ry) if *y < ry => past.push(r.start),
                Some(_) => forward.push(r.start),
                None => {}
            }
        }
        let mut done = Vec::new();
        let mut weak_past = false;
        let mut forecast = None;
        let mut first_cue = None;
        let mut first_clause_cue = None;
        let mut dating = Vec::new();
        for (i, c) in s.char_indices() {
            if !lexicon::may_start(c) {
                continue;
            }
            for (w, tag) in lexicon::words_at(&s[i..]) {
                match tag {
                    Tag::Cue if lexicon::is_cue_at(s, i, w) => {
                        forward.push(i);
                        first_cue = first_cue.or(Some(i));
                        if first_clause_cue.is_none() && opens_clause(s, i) {
                            first_clause_cue = Some(i);
                        }
                    }
                    Tag::Past if !["比", "较", "同"].iter().any(|c| s[..i].ends_with(c)) => {
                        if dates_a_noun(&s[i + w.len()..]) {
                            dating.push(i);
                        } else {
                            past.push(i);
                        }
                    }
                    Tag::Done
                        if !["而已", "不得已"]
                            .iter()
                            .any(|x| s[..i + w.len()].ends_with(x)) =>
                    {
                        done.push(i)
                    }
                    Tag::WeakPast => weak_past = true,
                    Tag::Forecast => forecast = forecast.or(Some(i)),
                    _ => {}
                }
            }
        }
        forward.sort_unstable();
        past.sort_unstable();
        done.sort_unstable();
        Signals {
            weak_past,
            forecast,
            dating,
            first_cue,
            first_clause_cue,
            deadlines,
            years,
            forward,
            past,
            done,
        }
    }

    /// Whether the sentence looks forward anywhere.
    pub(super) fn forward(&self) -> bool {
        !self.forward.is_empty()
    }

    /// Whether the sentence commits only after the quantity at `at..end`,
    /// in a later clause (`今年高校毕业生超过1000万人，要加强就业指导`): the
    /// quantity is the premise of that commitment, not its object.
    fn commits_after(&self, at: usize, end: usize) -> bool {
        self.first_cue.is_some_and(|c| c >= end) && self.first_clause_cue.is_some_and(|c| c > at)
    }

    /// Whether the nearest time signal before `at` looks back, or `已`,
    /// `目前` stand in its clause (from `clause`).
    fn past_at(&self, clause: usize, at: usize) -> bool {
        let last = |v: &[usize]| v[..v.partition_point(|&p| p < at)].last().copied();
        let done = last(&self.done).is_some_and(|d| d >= clause);
        let dated = last(&self.dating).filter(|&d| d >= clause);
        let past = last(&self.past).max(dated);
        match (past, last(&self.forward)) {
            (Some(p), Some(f)) => p > f || done,
            (Some(_), None) => true,
            _ => done,
        }
    }
}

/// How far after a past word a `的` may show that it dates a noun.
const DATING_CHARS: usize = 6;

/// Whether the words after a past word make it date a noun (`去年出台的
/// 政策`): a verb and `的` within a few characters, before any delimiter.
fn dates_a_noun(after: &str) -> bool {
    after
        .chars()
        .take(DATING_CHARS)
        .take_while(|&c| !super::clause::is_delimiter(c))
        .skip(1)
        .any(|c| c == '的')
}

/// What the part and the paragraph around a sentence say.
#[derive(Clone, Debug, Default)]
pub(super) struct Frame {
    /// The part reviews what was done.
    pub(super) lookback: bool,
    /// A heading or a list's introduction looks forward (`主要预期目标：`).
    pub(super) forward: bool,
    /// The report's year (for past and future years).
    pub(super) report_year: Option<i32>,
    /// The year `今年`, `年内`, `全年` mean here.
    pub(super) this_year: Option<i32>,
}

/// Whether the quantity at `at..end` is the premise of a commitment the
/// sentence makes after it (`全国近3亿人领取养老金，必须确保按时足额发放`):
/// observed, with no verb that commits and no cue before it, outside a
/// part that reviews. It is then neither a target nor a result.
pub(super) fn is_premise(
    basis: Basis,
    sig: &Signals,
    frame: &Frame,
    at: usize,
    end: usize,
) -> bool {
    let observed = matches!(
        basis,
        Basis::Verb(VerbClass::Comparator) | Basis::Implied | Basis::Stated(_)
    );
    observed && !frame.lookback && sig.commits_after(at, end)
}

/// The kind of a quantity at `at` (clause starting at `clause`), read on
/// `basis`; `None` when it is neither (a description, a forecast).
pub(super) fn decide(
    basis: Basis,
    sig: &Signals,
    frame: &Frame,
    clause: usize,
    at: usize,
) -> Option<Kind> {
    if basis == Basis::Goal {
        return Some(Kind::Target);
    }
    if frame.lookback {
        return Some(Kind::Result);
    }
    if let Basis::Continues(k) = basis {
        return Some(k);
    }
    let forward = sig.forward() || frame.forward;
    if sig.past_at(clause, at) {
        return Some(Kind::Result);
    }
    if sig.weak_past && !forward {
        return Some(Kind::Result);
    }
    // What is not said to be ahead is observed: a result.
    let ahead = if forward { Kind::Target } else { Kind::Result };
    match basis {
        Basis::Verb(VerbClass::Action | VerbClass::Level) | Basis::Pledged | Basis::Goal => {
            Some(Kind::Target)
        }
        Basis::Verb(VerbClass::Comparator) | Basis::Implied | Basis::Stated(Standing::Alone) => {
            Some(ahead)
        }
        Basis::Stated(Standing::Attributive) => forward.then_some(Kind::Target),
        Basis::Delta => (!forward).then_some(Kind::Result),
        Basis::Stated(Standing::Threshold) | Basis::Continues(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(s: &str, basis: Basis) -> Option<Kind> {
        let sig = Signals::read(s, Some(2024));
        let at = s.rfind('5').unwrap();
        decide(basis, &sig, &Frame::default(), 0, at)
    }

    #[test]
    fn the_nearest_time_governs() {
        let c = Basis::Verb(VerbClass::Comparator);
        assert_eq!(kind("力争增长5%", c), Some(Kind::Target));
        assert_eq!(kind("增长5%", c), Some(Kind::Result));
        assert_eq!(kind("去年增长5%", c), Some(Kind::Result));
        assert_eq!(kind("过去一年，今年要增长5%", c), Some(Kind::Target));
        assert_eq!(kind("今年要巩固过去五年增长5%", c), Some(Kind::Result));
        assert_eq!(kind("2023年增长5%", c), Some(Kind::Result));
        assert_eq!(kind("到2025年增长5%", c), Some(Kind::Target));
        assert_eq!(kind("比去年增长5%", c), Some(Kind::Result));
        // A past word that dates a noun in an earlier clause sets no time
        // for a later one; in the quantity's own clause it still does.
        let a = Basis::Verb(VerbClass::Action);
        let s = "继续执行去年出台的政策，新增减税5%";
        let sig = Signals::read(s, Some(2024));
        let clause = s.find('，').unwrap() + '，'.len_utf8();
        let at = s.find('5').unwrap();
        let k = decide(a, &sig, &Frame::default(), clause, at);
        assert_eq!(k, Some(Kind::Target));
        assert_eq!(kind("去年出台的政策减税5%", a), Some(Kind::Result));
        assert_eq!(kind("去年新增减税5%", a), Some(Kind::Result));
        assert_eq!(kind("力争比去年增长5%", c), Some(Kind::Target));
        assert_eq!(
            kind("已完成5%", Basis::Verb(VerbClass::Action)),
            Some(Kind::Result)
        );
        assert_eq!(
            kind("完成5%", Basis::Verb(VerbClass::Action)),
            Some(Kind::Target)
        );
        assert_eq!(
            kind("累计完成5%", Basis::Verb(VerbClass::Action)),
            Some(Kind::Result)
        );
        assert_eq!(kind("比上年增加5%", Basis::Delta), Some(Kind::Result));
        assert_eq!(kind("“5强”目标", Basis::Goal), Some(Kind::Target));
        assert_eq!(kind("5家", Basis::Stated(Standing::Threshold)), None);
        assert_eq!(kind("5家", Basis::Stated(Standing::Attributive)), None);
        assert_eq!(
            kind("力争5家", Basis::Stated(Standing::Attributive)),
            Some(Kind::Target)
        );
        assert_eq!(kind("拟比上年增加5%", Basis::Delta), None);
    }

    #[test]
    fn a_value_before_the_commitment_is_its_premise() {
        let c = Basis::Verb(VerbClass::Comparator);
        let frame = Frame::default();
        let premise = |s: &str, basis| {
            let sig = Signals::read(s, Some(2024));
            let at = s.find('5').unwrap();
            is_premise(basis, &sig, &frame, at, at + "5万人".len())
        };
        assert!(premise("今年毕业生超过5万人，要加强就业指导", c));
        assert!(premise(
            "全国近5万人领取养老金，必须确保按时发放",
            Basis::Implied
        ));
        // A cue before it, or an action, or no later clause: it commits.
        assert!(!premise("今年要让毕业生超过5万人，加强指导", c));
        assert!(!premise(
            "今明两年培训5万人次以上，要使更多劳动者长技能",
            Basis::Verb(VerbClass::Action)
        ));
        assert!(!premise("今年毕业生超过5万人要就业", c));
        // A cue word inside a noun of a later clause opens nothing.
        assert!(!premise("入学率达到5万人，人均预期寿命达到82岁", c));
        let review = Frame {
            lookback: true,
            ..Frame::default()
        };
        let s = "去年毕业生超过5万人，要总结经验";
        let sig = Signals::read(s, Some(2024));
        assert!(!is_premise(c, &sig, &review, s.find('5').unwrap(), s.len()));
    }

    #[test]
    fn a_part_that_reviews_holds_results() {
        let sig = Signals::read("力争增长5%", Some(2024));
        let frame = Frame {
            lookback: true,
            ..Frame::default()
        };
        let k = decide(Basis::Verb(VerbClass::Level), &sig, &frame, 0, 6);
        assert_eq!(k, Some(Kind::Result));
    }
}
