//! The pipeline for one sentence: clauses → quantities → for each, its
//! verb, subject, basis, deadline and year → its kind.
//!
//! ```text
//! 力争年内高新技术企业达到4000家、专精特新企业突破125家。
//! └ clauses ┘ └ subject ┘└verb┘└quantity┘
//! ```
//!
//! Each stage is a small function of this module or of the one it names:
//! [`Clauses`] (stage 1), [`quantity::scan`] (stage 2), [`verb::before`]
//! and [`verb::opening`], [`Reader::subject`], [`Reader::basis`],
//! [`Reader::deadline`] (stage 3), [`kind::decide`] (stage 4). The
//! sentence is read once; every look back from a quantity stops at the
//! previous quantity, so the work is linear in the sentence's length.
//!
//! Lists: after a target, a value joined by `、`/`和` shares its verb
//! (`新建7公里绿道、1万平方米立体绿化`); after `，`/`；` it needs a subject
//! of its own (`城镇调查失业率5.5%左右`). A `分别` list hands each value
//! its own subject (`小学、初中、高中学生近视率分别控制在46.8%、67.51%、
//! 72.73%`). `从12.4年提高到13.5年`: the starting value is no target.

use std::ops::Range;
use std::rc::Rc;

use super::clause::Clauses;
use super::kind::{self, Basis, Frame, Kind, Signals, Standing};
use super::lexicon::{self, PLEDGES, VerbClass};
use super::quantity::{self, Quantity};
use super::subject::{self, Share};
use super::verb::{self, Verb};

/// Adverbs that may stand between `分别` and its verb (`分别再提高`).
const RESPECTIVE_ADVERBS: [char; 7] = ['再', '又', '还', '将', '均', '都', '各'];

/// A quantity read in its sentence; ranges relative to the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Found {
    pub(super) quantity: Range<usize>,
    pub(super) value: f64,
    pub(super) unit: &'static str,
    pub(super) qualifier: Option<Range<usize>>,
    pub(super) verb: Option<Range<usize>>,
    pub(super) subject: Range<usize>,
    /// A `分别` list's shared head, shown after the subject.
    pub(super) head: Option<Range<usize>>,
    pub(super) text: Range<usize>,
    pub(super) deadline: Option<Range<usize>>,
    /// The year, where the sentence says it.
    pub(super) year: Option<i32>,
    pub(super) kind: Kind,
}

/// What the last item of the sentence leaves for the next one.
#[derive(Clone, Debug)]
struct Prev {
    end: usize,
    verb: Option<Range<usize>>,
    subject_after: bool,
    /// Its subject, for a value that follows with a verb and none of its
    /// own (`国内生产总值超过126万亿元，增长5.2%`).
    subject: Range<usize>,
    kind: Kind,
    /// Subjects still to hand out in a `分别` list.
    shares: Handout,
}

/// A `分别` list's subjects and the next one to hand out (shared, so
/// passing it along a list costs nothing).
#[derive(Clone, Debug, Default)]
struct Handout {
    list: Rc<[Share]>,
    next: usize,
}

impl Handout {
    fn new(list: Vec<Share>) -> Handout {
        Handout {
            list: list.into(),
            next: 0,
        }
    }

    fn first(&self) -> Option<&Share> {
        self.list.get(self.next)
    }

    fn is_empty(&self) -> bool {
        self.next >= self.list.len()
    }

    /// The subjects after the first.
    fn rest(&self) -> Handout {
        Handout {
            list: self.list.clone(),
            next: (self.next + 1).min(self.list.len()),
        }
    }
}

/// A subject and where it came from.
#[derive(Clone, Debug, Default)]
struct Subject {
    range: Range<usize>,
    head: Option<Range<usize>>,
    /// Read after the unit (`新增60公顷绿地`).
    after: bool,
    /// Lies outside the item's own words: the object an earlier clause
    /// gave the verb, or a `分别` list's conjunct.
    outside: bool,
}

/// The verbs around a quantity.
#[derive(Clone, Debug)]
struct Verbs {
    /// Right before it (`达到4000家`).
    near: Option<Verb>,
    /// Opening its clause, an object between (`安排…债券3.9万亿元`).
    opening: Option<Verb>,
}

impl Verbs {
    fn main(&self) -> Option<&Verb> {
        self.near.as_ref().or(self.opening.as_ref())
    }
}

/// A quantity's subject and its place among the items before it.
#[derive(Clone, Debug)]
struct Reading {
    subject: Subject,
    /// The item it continues, if any.
    continues: Option<Prev>,
    /// It shares that item's verb (`新建7公里绿道、1万平方米立体绿化`).
    shared_verb: bool,
    /// The `分别` subjects left for the values after it.
    shares: Handout,
    /// The other subjects of a `分别` list with this single value.
    copies: Vec<Share>,
}

/// Where a quantity stands in its sentence.
#[derive(Clone, Debug)]
struct Place {
    k: usize,
    /// Start of its clause (minor delimiters too).
    clause: usize,
    /// Where its subject may start: its clause, or the phrase when the
    /// clauses before it only enumerate (`小学、初中和…入学率100％`), never
    /// before the previous quantity.
    lead: usize,
    /// Where the previous quantity's words end: no look back passes it.
    floor: usize,
    /// No earlier quantity lies in its clause.
    own_clause: bool,
    /// Where a starting value before it begins (`从12.4年提高到`).
    cut: Option<usize>,
}

/// Reads the sentence `s`, whose quoted passages are `quotes` (relative,
/// sorted), in the part described by `frame`.
pub(super) fn read(s: &str, quotes: &[Range<usize>], frame: &Frame) -> Vec<Found> {
    if !s.bytes().any(|b| b.is_ascii_digit() || b >= 0x80) {
        return Vec::new();
    }
    let quantities = quantity::scan(s, quotes);
    if quantities.is_empty() {
        return Vec::new();
    }
    let reader = Reader {
        s,
        clauses: Clauses::new(s, quotes),
        signals: Signals::read(s, frame.report_year),
        frame,
        quantities: &quantities,
    };
    reader.run()
}

struct Reader<'a> {
    s: &'a str,
    clauses: Clauses,
    signals: Signals,
    frame: &'a Frame,
    quantities: &'a [Quantity],
}

impl Reader<'_> {
    /// Stage 3 for every quantity, in order. `floor` is where the last
    /// quantity's words end: no look back passes it, so the sentence is
    /// read in linear time.
    fn run(&self) -> Vec<Found> {
        let mut out = Vec::new();
        let mut prev: Option<Prev> = None;
        let mut floor = 0;
        let mut cut = None;
        let baselines = self.baselines();
        for (k, q) in self.quantities.iter().enumerate() {
            if q.time && !self.is_duration(q) {
                continue; // a date: it bounds nothing
            }
            let here = floor;
            floor = floor.max(q.end());
            if let Some(from) = self.starting_value(k, q, here) {
                // `从12.4年提高到13.5年`: read 13.5 from here, its subject
                // ending before `从`.
                floor = here;
                cut = Some(from);
                continue;
            }
            if baselines[k] {
                continue;
            }
            let place = self.place(k, q, here, cut.take());
            let found = self.read_one(q, &place, &mut prev);
            if let Some(last) = found.last() {
                floor = floor.max(last.text.end);
            }
            out.extend(found);
        }
        self.restated_changes(&mut out);
        out
    }

    /// `转移支付增加约1.5万亿元、规模近9.8万亿元，增长18%`: a level given
    /// by a noun of size alone (`规模`, `总量`) measures the subject before
    /// it, which it takes; the changes of that subject right around it
    /// restate the level and are no commitments of their own. One pass.
    fn restated_changes(&self, out: &mut Vec<Found>) {
        let s = self.s;
        let is_change = |f: &Found| {
            f.kind == Kind::Target
                && f.verb
                    .as_ref()
                    .is_some_and(|v| lexicon::CHANGE_VERBS.contains(&&s[v.clone()]))
        };
        let mut drop = vec![false; out.len()];
        for j in 0..out.len() {
            let level = &out[j];
            if level.verb.is_some() || !lexicon::SIZE_NOUNS.contains(&&s[level.subject.clone()]) {
                continue;
            }
            let size = level.subject.clone();
            if let Some(i) = j.checked_sub(1).filter(|&i| is_change(&out[i])) {
                out[j].subject = out[i].subject.clone();
                drop[i] = true;
            }
            if let Some(k) = Some(j + 1).filter(|&k| {
                out.get(k)
                    .is_some_and(|f| is_change(f) && (f.subject == size || f.subject.is_empty()))
            }) {
                drop[k] = true;
            }
        }
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            !drop[k - 1]
        });
    }

    /// `从12.4年提高到13.5年`, `从月销售额3万元提高到15万元`: a value
    /// after `从`/`由` in its clause (no earlier than `floor`) and right
    /// before `提高到`, `降至`, `增至`, … and the next value is a starting
    /// value; returns where its `从` starts.
    fn starting_value(&self, k: usize, q: &Quantity, floor: usize) -> Option<usize> {
        let s = self.s;
        let next = self.quantities.get(k + 1)?;
        let gap = s.get(q.end()..next.start())?.trim();
        let to = gap == "到"
            || gap == "至"
            || lexicon::verb_before(gap).is_some_and(|(w, c)| {
                w.len() == gap.len() && c == VerbClass::Level && w.ends_with(['到', '至'])
            });
        if !to {
            return None;
        }
        let from = self.clauses.clause_start(q.range.start).max(floor);
        let before = &s[from..q.start()];
        before
            .char_indices()
            .rev()
            .find(|&(i, c)| {
                let next = before[i + c.len_utf8()..].chars().next();
                c == '从' && !matches!(next, Some('而' | '事' | '严' | '快' | '优'))
                    || c == '由' && !matches!(next, Some('于' | '此'))
            })
            .map(|(i, _)| from + i)
    }

    /// `在600元、800元的基础上`: the values of a list followed by `的基础上`
    /// are a baseline, not a target. One pass over the lists.
    fn baselines(&self) -> Vec<bool> {
        let qs = self.quantities;
        let mut out = vec![false; qs.len()];
        let mut start = 0;
        for k in 0..qs.len() {
            let last = qs
                .get(k + 1)
                .is_none_or(|n| !self.joined(qs[k].end(), n.start()));
            if !last {
                continue;
            }
            let after = &self.s[qs[k].end()..];
            if after.starts_with("的基础上") || after.starts_with("基础上") {
                out[start..=k].fill(true);
            }
            start = k + 1;
        }
        out
    }

    /// Whether a unit of time makes a duration here: after `延长`, with a
    /// decimal (`13.5年` is no date), or near a noun that names a span of
    /// time (`受教育年限…11.2年`, `1小时的体育锻炼时间`).
    fn is_duration(&self, q: &Quantity) -> bool {
        let s = self.s;
        let clause = self.clauses.clause_start(q.range.start);
        let end = self.clauses.clause_end(s, q.range.start).max(q.end());
        let window = |from: usize, to: usize| &s[from..to];
        let back = char_back(s, q.start(), 12).max(clause);
        let ahead = char_ahead(s, q.end(), 12).min(end);
        let before = window(back, q.start());
        q.fraction
            || verb::is_duration_verb(s, q.start())
            || subject::names_duration(before)
            || subject::names_duration(window(q.end(), ahead))
            || ["每天", "每日", "每周", "每月", "每年"]
                .iter()
                .any(|w| before.contains(w))
    }

    /// Where the `k`th quantity stands, the previous one ending at `floor`.
    fn place(&self, k: usize, q: &Quantity, floor: usize, cut: Option<usize>) -> Place {
        let clause = self.clauses.clause_start(q.range.start);
        let phrase = self.clauses.phrase_start(clause);
        let enumerates = self
            .clauses
            .minor_starts(phrase.max(floor), clause)
            .windows(2)
            .all(|w| is_enumerated(&self.s[w[0]..w[1]]));
        let lead = if enumerates {
            phrase.max(floor)
        } else {
            clause.max(floor)
        };
        Place {
            k,
            clause,
            lead,
            floor,
            own_clause: floor <= clause,
            cut,
        }
    }

    /// Stage 3 for one quantity: one item, or one per subject of a `分别`
    /// list with a single value; none when it is no commitment or result.
    fn read_one(&self, q: &Quantity, at: &Place, prev: &mut Option<Prev>) -> Vec<Found> {
        let verbs = self.verbs(q, at);
        let Some(reading) = self.reading(q, at, &verbs, prev.as_ref()) else {
            return Vec::new();
        };
        let Some(kind) = self.kind(q, at, &verbs, &reading) else {
            return Vec::new();
        };
        let verb = self.shown_verb(&verbs, &reading);
        let (deadline, year) = self.deadline(q);
        let text = self.text_span(q, &reading.subject, verb.as_ref(), at.lead);
        *prev = Some(Prev {
            end: text.end,
            verb: verb.clone(),
            subject_after: reading.subject.after,
            subject: reading.subject.range.clone(),
            kind,
            shares: reading.shares,
        });
        let found = Found {
            quantity: q.range.clone(),
            value: q.value,
            unit: q.unit,
            qualifier: q.post.clone().or(q.pre.clone()),
            verb,
            subject: reading.subject.range,
            head: reading.subject.head,
            text,
            deadline,
            year,
            kind,
        };
        // A single value for several subjects: one item each.
        let copies = reading.copies.into_iter().map(|(c, h)| Found {
            subject: c,
            head: h,
            text: q.start()..q.end(),
            ..found.clone()
        });
        std::iter::once(found.clone()).chain(copies).collect()
    }

    /// Stage 3a: the verb right before the quantity, or the one opening
    /// its clause.
    fn verbs(&self, q: &Quantity, at: &Place) -> Verbs {
        let s = self.s;
        let near = verb::before(s, at.lead, q.start(), q.unit);
        let opening = near
            .is_none()
            .then(|| {
                let lead = at.clause.max(at.lead)..q.start();
                verb::opening(s, subject::trim_steering(s, lead, &self.signals.deadlines))
            })
            .flatten();
        Verbs { near, opening }
    }

    /// Stage 3b: the subject, and how the quantity stands to the items
    /// before it (a list it continues, a `分别` list's subjects).
    fn reading(
        &self,
        q: &Quantity,
        at: &Place,
        verbs: &Verbs,
        prev: Option<&Prev>,
    ) -> Option<Reading> {
        // A value right after the last item (`、1万平方米`) continues it.
        let direct = prev.filter(|p| self.joined(p.end, q.start())).cloned();
        let handed = direct.as_ref().is_some_and(|p| !p.shares.is_empty());
        let shares = match direct.as_ref().filter(|p| !p.shares.is_empty()) {
            Some(p) => p.shares.clone(),
            None => Handout::new(self.shares(q, at, verbs.near.as_ref()).unwrap_or_default()),
        };
        let subject = match shares.first() {
            Some((c, h)) => Subject {
                range: c.clone(),
                head: h.clone(),
                outside: handed,
                ..Subject::default()
            },
            None => self.subject(q, at, verbs, direct.as_ref(), prev)?,
        };
        let shared_verb = !shares.is_empty() || direct.as_ref().is_some_and(|p| p.subject_after);
        // So does a value whose own subject comes right after the last
        // item (`…40个以上，省级以上实训基地25个以上`).
        let continues = direct.or_else(|| {
            prev.filter(|p| !subject.after && self.joined(p.end, subject.range.start))
                .cloned()
        });
        let opens = shares.first().is_some() && !handed;
        let mut rest = shares.rest();
        let single = self
            .quantities
            .get(at.k + 1)
            .is_none_or(|n| !self.joined(q.end(), n.start()));
        let copies = if single && opens {
            let all = std::mem::take(&mut rest);
            all.list[all.next..].to_vec()
        } else {
            Vec::new()
        };
        Some(Reading {
            subject,
            continues,
            shared_verb,
            shares: rest,
            copies,
        })
    }

    /// Stages 3c and 4: why the quantity could be a commitment, then
    /// whether it is a target, a result or neither.
    fn kind(&self, q: &Quantity, at: &Place, verbs: &Verbs, r: &Reading) -> Option<Kind> {
        let basis = self.basis(q, at, verbs.main(), &r.subject, r.continues.as_ref())?;
        if self.forecast_covers(at.clause, q.start(), &r.subject, basis)
            || kind::is_premise(basis, &self.signals, self.frame, q.start(), q.end())
            || self.names_bracket(q)
            || self.refers_back(q)
        {
            return None;
        }
        kind::decide(basis, &self.signals, self.frame, at.clause, q.start())
    }

    /// The verb as shown: its own, a list's shared one, or the one a
    /// metric's name holds (`城镇新增就业`).
    fn shown_verb(&self, verbs: &Verbs, r: &Reading) -> Option<Range<usize>> {
        verbs
            .main()
            .map(|v| v.range.clone())
            .or_else(|| {
                r.continues
                    .as_ref()
                    .filter(|_| r.shared_verb)
                    .and_then(|p| p.verb.clone())
            })
            .or_else(|| {
                (!r.subject.after)
                    .then(|| subject::verb_inside(self.s, r.subject.range.clone()))
                    .flatten()
            })
    }

    /// The item's own words: subject, verb, quantity and qualifiers. A
    /// subject that lies outside (borrowed, handed out) and a verb before
    /// `lead` (a list's shared verb) are not among them; a quote around
    /// the quantity (`“30强”`) is.
    fn text_span(
        &self,
        q: &Quantity,
        subject: &Subject,
        verb: Option<&Range<usize>>,
        lead: usize,
    ) -> Range<usize> {
        let s = self.s;
        let mut start = q.start();
        if let Some(v) = verb.filter(|v| v.end <= q.start() && v.start >= lead) {
            start = start.min(v.start);
        }
        let mut end = q.end();
        if !subject.outside {
            start = start.min(subject.range.start);
            end = end.max(subject.range.end);
        }
        if s[..q.range.start].ends_with(['“', '"', '‘', '「'])
            && let Some(c) = s[end..].chars().next().filter(|c| "”\"’」".contains(*c))
        {
            end += c.len_utf8();
        }
        start..end
    }

    /// Whether only a list joiner and words that name nothing (`同比`,
    /// `年均`) lie between the previous item and `at`.
    fn follows(&self, from: usize, at: usize) -> bool {
        from <= at && {
            let gap = self.s[from..at].trim_start();
            let rest = gap.trim_start_matches(['、', '，', ',', '；', ';', '和', '及']);
            rest.len() < gap.len() && subject::names_nothing(rest)
        }
    }

    /// Whether only a list joiner lies between the previous item and `at`.
    fn joined(&self, from: usize, at: usize) -> bool {
        from <= at
            && matches!(
                self.s[from..at].trim(),
                "、" | "和" | "及" | "," | "，" | "；" | ";" | "以及"
            )
    }

    /// Stage 3b: what the quantity measures, the first of these that
    /// names something.
    fn subject(
        &self,
        q: &Quantity,
        at: &Place,
        verbs: &Verbs,
        continues: Option<&Prev>,
        last: Option<&Prev>,
    ) -> Option<Subject> {
        let limit = self
            .quantities
            .get(at.k + 1)
            .map_or(self.s.len(), |n| n.start())
            .min(self.clauses.clause_end(self.s, q.range.start))
            .max(q.end());
        // After a list item whose subject followed it, so does this one's.
        if continues.is_some_and(|p| p.subject_after) {
            return Some(self.after(q.end(), limit));
        }
        self.levied(q, at, limit)
            .or_else(|| self.counted(q, verbs, limit))
            .or_else(|| self.qualified(q, limit))
            .or_else(|| self.object(q, verbs))
            .or_else(|| self.before(q, at, verbs))
            .or_else(|| Some(self.after(q.end(), limit)).filter(|a| self.named(&a.range)))
            .or_else(|| self.borrowed(at, verbs, last))
    }

    fn named(&self, r: &Range<usize>) -> bool {
        !subject::is_junk(&self.s[r.clone()])
    }

    /// The words after `from` (read after the quantity).
    fn after(&self, from: usize, limit: usize) -> Subject {
        Subject {
            range: subject::after(self.s, from, limit.max(from)),
            after: true,
            ..Subject::default()
        }
    }

    /// `按…的3%足额征收教育费附加`: the rate is the levy's.
    fn levied(&self, q: &Quantity, at: &Place, limit: usize) -> Option<Subject> {
        let v = self.rate_verb(q, at)?;
        Some(self.after(q.end() + v.len(), limit)).filter(|a| self.named(&a.range))
    }

    /// An action counts the thing named after the unit
    /// (`配备1名心理健康指导教师`, `都有一所…`), unless that is a
    /// duration's.
    fn counted(&self, q: &Quantity, verbs: &Verbs, limit: usize) -> Option<Subject> {
        let v = verbs.main()?;
        let counts = v.class == VerbClass::Action
            || matches!(&self.s[v.range.clone()], "都有" | "均有" | "各有");
        (counts && !q.time)
            .then(|| self.after(q.end(), limit))
            .filter(|a| self.named(&a.range))
    }

    /// `1小时的体育锻炼时间`, `100%的乡镇中心幼儿园`: the quantity
    /// qualifies the noun after it (for a duration, a noun naming time).
    fn qualified(&self, q: &Quantity, limit: usize) -> Option<Subject> {
        if !self.s[q.end()..].starts_with('的') {
            return None;
        }
        let a = self.after(q.end(), limit);
        let fits = !q.time || subject::names_duration(&self.s[a.range.clone()]);
        (fits && self.named(&a.range)).then_some(a)
    }

    /// The object between a clause-opening verb and the quantity
    /// (`拟安排地方政府专项债券3.9万亿元`).
    fn object(&self, q: &Quantity, verbs: &Verbs) -> Option<Subject> {
        let v = verbs.opening.as_ref()?;
        let range = subject::trim(self.s, v.range.end..q.start(), &self.signals.deadlines);
        self.named(&range).then(|| Subject {
            range,
            ..Subject::default()
        })
    }

    /// The words before the verb, when no earlier quantity lies in the
    /// clause (a subject never starts inside a clause), ending before a
    /// starting value (`…年限从12.4年提高到`).
    fn before(&self, q: &Quantity, at: &Place, verbs: &Verbs) -> Option<Subject> {
        if !at.own_clause {
            return None;
        }
        let head = verbs.near.as_ref().map_or(q.start(), |v| v.range.start);
        let head = at
            .cut
            .filter(|&c| c >= at.lead)
            .map_or(head, |c| c.min(head));
        let range = subject::trim(self.s, at.lead..head, &self.signals.deadlines);
        let delta = self.s[range.clone()].starts_with(['比', '较']);
        (self.named(&range) || delta).then(|| Subject {
            range,
            ..Subject::default()
        })
    }

    /// A subject from outside the item's words: the object the verb took
    /// earlier (`发行超长期特别国债，今年先发行1万亿元`), the object of the
    /// clause before (`提高…比例，2012年达到4%`), or the last item's subject
    /// for a verb right after it (`…超过126万亿元，增长5.2%`). Without one,
    /// a value whose measure goes unnamed (`再延长近3个月`) is no item:
    /// there is no empty subject.
    fn borrowed(&self, at: &Place, verbs: &Verbs, last: Option<&Prev>) -> Option<Subject> {
        let s = self.s;
        let near = verbs.near.as_ref()?;
        let outside = |range: Range<usize>| Subject {
            range,
            outside: true,
            ..Subject::default()
        };
        let earlier = (near.class == VerbClass::Action)
            .then(|| subject::earlier_object(s, near.range.clone(), at.floor))
            .flatten();
        let prev_clause = self.clauses.clause_start(at.clause.saturating_sub(1));
        let before = (at.clause > 0 && prev_clause >= at.floor)
            .then(|| subject::previous_object(s, prev_clause..at.clause))
            .flatten();
        earlier
            .or(before)
            .filter(|o| self.named(o))
            .map(outside)
            .or_else(|| {
                last.filter(|p| self.follows(p.end, near.range.start) && self.named(&p.subject))
                    .map(|p| outside(p.subject.clone()))
            })
    }

    /// `A、B、C…分别<verb>x、y、z` (an adverb may follow 分别: `分别再提高`):
    /// the subjects of the list this
    /// quantity opens, one per value, or one per subject when the list
    /// has a single value (`氮氧化物、挥发性有机物排放量分别下降8%以上`).
    fn shares(&self, q: &Quantity, at: &Place, near: Option<&Verb>) -> Option<Vec<Share>> {
        let s = self.s;
        let v = near?;
        // An adverb may stand between 分别 and the verb (`分别再提高`).
        let before = s[at.lead..v.range.start].trim_end();
        let stem = before
            .strip_suffix(RESPECTIVE_ADVERBS)
            .unwrap_or(before)
            .strip_suffix("分别")?;
        let from = self
            .clauses
            .phrase_start(at.clause)
            .max(at.lead.min(at.clause));
        let subject = subject::trim(s, from..at.lead + stem.len(), &self.signals.deadlines);
        let mut values = 1;
        let mut end = q.end();
        for n in &self.quantities[at.k + 1..] {
            if !self.joined(end, n.start()) || s[end..n.start()].trim() == "；" {
                break;
            }
            values += 1;
            end = n.end();
        }
        if values == 1 {
            values = subject::conjuncts(s, subject.clone());
        }
        subject::distribute(s, subject, values)
    }

    /// Stage 3c: why this quantity could be a commitment.
    fn basis(
        &self,
        q: &Quantity,
        at: &Place,
        verb: Option<&Verb>,
        subject: &Subject,
        continues: Option<&Prev>,
    ) -> Option<Basis> {
        let s = self.s;
        let t = &s[subject.range.clone()];
        if t.starts_with(['比', '较']) {
            return Some(Basis::Delta);
        }
        // `…“30强”目标`: a goal by name.
        let after = s[q.end()..].trim_start_matches(['”', '"', '’', '」']);
        if after.starts_with("目标") && !q.chinese {
            return Some(Basis::Goal);
        }
        if let Some(v) = verb {
            return Some(Basis::Verb(v.class));
        }
        let phrase = self.clauses.phrase_start(at.clause);
        let opening = s[phrase..q.start()].trim_start();
        let pledged = PLEDGES.iter().any(|p| opening.starts_with(p));
        if self.applies_rate(q, at) {
            return Some(Basis::Verb(VerbClass::Level));
        }
        if q.chinese {
            // Chinese numerals need a verb or a pledge of their own.
            return (pledged && !subject::is_junk(t)).then_some(Basis::Pledged);
        }
        if let Some(p) = continues {
            let needs_own = !p.subject_after && subject.after;
            return (!needs_own && !subject::is_junk(t)).then_some(Basis::Continues(p.kind));
        }
        if subject::is_junk(t) {
            return None;
        }
        Some(if pledged {
            Basis::Pledged
        } else if q.pre.is_some() || subject::is_metric(t) && !subject.after {
            Basis::Implied
        } else {
            Basis::Stated(self.standing(q))
        })
    }

    /// `按增值税、营业税、消费税的3%足额征收`: a rate after `按` in its clause,
    /// right before the verb that applies it.
    fn applies_rate(&self, q: &Quantity, at: &Place) -> bool {
        self.rate_verb(q, at).is_some()
    }

    /// The verb that applies a rate after `按` (`征收`), if this is one.
    fn rate_verb(&self, q: &Quantity, at: &Place) -> Option<&'static str> {
        let s = self.s;
        if !s[at.lead..q.start()].contains('按') {
            return None;
        }
        lexicon::RATE_VERBS
            .iter()
            .copied()
            .filter(|v| s[q.end()..].starts_with(v))
            .max_by_key(|v| v.len())
    }

    /// How a verbless value stands in its clause: alone (`缓税缓费7500多
    /// 亿元。`), before the noun it sizes (`10平方公里重点开发区域`), or as
    /// a threshold or span that picks whom a rule concerns (`600人以上学校`,
    /// `后20%学生`, `0-3岁婴幼儿`).
    /// Whether the quantity ends its clause.
    fn stands_alone(&self, q: &Quantity) -> bool {
        self.s[q.end()..]
            .chars()
            .next()
            .is_none_or(super::clause::is_delimiter)
    }

    /// Whether the quantity is a range (`20—60万元`).
    fn is_range(&self, q: &Quantity) -> bool {
        self.s[q.range.clone()].contains(['—', '–', '－', '-', '～', '~', '〜'])
    }

    fn standing(&self, q: &Quantity) -> Standing {
        let s = self.s;
        let alone = self.stands_alone(q);
        let before = &s[..q.start()];
        let range = self.is_range(q);
        let threshold = ["前", "后", "每"].iter().any(|w| before.ends_with(w))
            || !alone && range
            || !alone
                && q.post
                    .as_ref()
                    .is_some_and(|p| matches!(&s[p.clone()], "以上" | "以下"));
        if threshold {
            Standing::Threshold
        } else if alone {
            Standing::Alone
        } else {
            Standing::Attributive
        }
    }

    /// `预计` forecasts its own clause, later clauses that name no subject
    /// of their own unless they commit by a verb, and a `其中` clause (a
    /// part of the forecast whole: `预计…约2.5万亿元，其中留抵退税约1.5万亿元`).
    fn forecast_covers(&self, clause: usize, at: usize, subject: &Subject, basis: Basis) -> bool {
        let Some(f) = self.signals.forecast.filter(|&f| f < at) else {
            return false;
        };
        if self.frame.lookback {
            return false;
        }
        let committed = matches!(basis, Basis::Verb(VerbClass::Action));
        let part_of = self.s[clause..].starts_with("其中");
        f >= clause || part_of || !committed && (subject.after || subject.range.is_empty())
    }

    /// `上述2万亿元`: a value that refers back to figures already given
    /// (their sum) is no new commitment nor result.
    fn refers_back(&self, q: &Quantity) -> bool {
        let before = self.s[..q.start()].trim_end();
        lexicon::ANAPHORS.iter().any(|w| before.ends_with(w))
    }

    /// A value that bounds a bracket of a base (`应纳税所得额100万元至300万元
    /// 部分`, `超过100万元的部分`): it picks what a rule applies to, like a
    /// threshold, and commits to nothing.
    fn names_bracket(&self, q: &Quantity) -> bool {
        let s = self.s;
        let mut end = q.end();
        // The low end of `A至B`: what follows B decides.
        if let Some(rest) = s[end..].strip_prefix(['至', '到']) {
            let at = s.len() - rest.len();
            let k = self.quantities.partition_point(|n| n.start() < at);
            if let Some(n) = self.quantities.get(k).filter(|n| n.start() == at) {
                end = n.end();
            }
        }
        let after = &s[end..];
        after.starts_with("部分") || after.starts_with("的部分")
    }

    /// Stage 3d: the deadline (the nearest before the quantity, else one
    /// right after it in its clause) and the year: a bare year nearer
    /// than the deadline (`2012年达到4%`), else the deadline's.
    fn deadline(&self, q: &Quantity) -> (Option<Range<usize>>, Option<i32>) {
        let dls = &self.signals.deadlines;
        let at = q.start();
        let clause_end = self.clauses.clause_end(self.s, at);
        // Both lists are sorted and disjoint: binary searches keep a
        // sentence of many deadlines linear.
        let before = dls.partition_point(|d| d.range.end <= at);
        let d = before.checked_sub(1).map(|i| &dls[i]).or_else(|| {
            let after = dls.partition_point(|d| d.range.start < q.end());
            dls.get(after).filter(|d| d.range.end <= clause_end)
        });
        let years = &self.signals.years;
        let bare = years
            .partition_point(|(r, _)| r.end <= at)
            .checked_sub(1)
            .map(|i| &years[i])
            .filter(|(r, _)| d.is_none_or(|d| r.start > d.range.start));
        let year = match (d, bare) {
            (_, Some((_, y))) => Some(*y),
            (Some(d), None) => d.when.resolve(self.frame.this_year),
            (None, None) => None,
        };
        (d.map(|d| d.range.clone()), year)
    }
}

/// Whether a clause only names something in a list (`小学、`, `初中和`):
/// short, no digits.
fn is_enumerated(clause: &str) -> bool {
    clause.chars().count() <= 10 && !clause.chars().any(|c| c.is_ascii_digit())
}

/// The position `n` characters before `at` (or 0).
fn char_back(s: &str, at: usize, n: usize) -> usize {
    s[..at]
        .char_indices()
        .rev()
        .nth(n - 1)
        .map_or(0, |(i, _)| i)
}

/// The position `n` characters after `at` (or the end).
fn char_ahead(s: &str, at: usize, n: usize) -> usize {
    s[at..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| at + i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame() -> Frame {
        Frame {
            report_year: Some(2024),
            this_year: Some(2024),
            ..Frame::default()
        }
    }

    /// `subject|verb|quantity|kind|year` of each item.
    fn items(s: &str) -> Vec<String> {
        let quotes = super::super::clause::quoted(s);
        read(s, &quotes, &frame())
            .into_iter()
            .map(|f| {
                let head = f.head.clone().map_or("", |h| &s[h]);
                format!(
                    "{}{}|{}|{}|{}|{}",
                    &s[f.subject.clone()],
                    head,
                    f.verb.clone().map_or("", |v| &s[v]),
                    &s[f.quantity.clone()],
                    f.kind.as_str(),
                    f.year.map_or(String::new(), |y| y.to_string())
                )
            })
            .collect()
    }

    #[test]
    fn lists_share_verbs_and_deadlines() {
        assert_eq!(
            items("力争年内高新技术企业达到4000家、专精特新“小巨人”企业突破125家。"),
            [
                "高新技术企业|达到|4000家|target|2024",
                "专精特新“小巨人”企业|突破|125家|target|2024"
            ]
        );
        assert_eq!(
            items("全年新增60公顷绿地，新建7公里绿道、1万平方米立体绿化。"),
            [
                "绿地|新增|60公顷|target|2024",
                "绿道|新建|7公里|target|2024",
                "立体绿化|新建|1万平方米|target|2024"
            ]
        );
    }

    #[test]
    fn respectively() {
        assert_eq!(
            items("小学、初中、高中学生近视率分别控制在46.8%、67.51%、72.73%。"),
            [
                "小学学生近视率|控制在|46.8%|target|",
                "初中学生近视率|控制在|67.51%|target|",
                "高中学生近视率|控制在|72.73%|target|"
            ]
        );
        assert_eq!(
            items("今年氮氧化物、挥发性有机物排放量分别下降8%以上。"),
            [
                "氮氧化物排放量|下降|8%|target|2024",
                "挥发性有机物排放量|下降|8%|target|2024"
            ]
        );
        // An adverb after 分别: still one value per subject.
        let got = items("今年居民医保和公共卫生服务补助标准分别再提高30元和5元。");
        let values: Vec<&str> = got.iter().filter_map(|i| i.split('|').nth(2)).collect();
        assert_eq!(values, ["30元", "5元"]);
        assert!(got[1].starts_with("公共卫生服务补助标准|"), "{got:?}");
    }

    #[test]
    fn a_level_by_its_size_takes_the_subject_and_its_changes_restate_it() {
        assert_eq!(
            items("今年转移支付增加约1.5万亿元、规模近9.8万亿元，增长18%。"),
            ["转移支付||9.8万亿元|target|2024"]
        );
        // Changes of other subjects stay.
        assert_eq!(
            items("今年国内生产总值增长5%左右，城镇调查失业率5.5%左右。"),
            [
                "国内生产总值|增长|5%|target|2024",
                "城镇调查失业率||5.5%|target|2024"
            ]
        );
    }

    #[test]
    fn brackets_sums_and_parts_of_a_forecast_commit_to_nothing() {
        assert_eq!(
            items("今年对应纳税所得额100万元至300万元部分，再减半征收。"),
            Vec::<String>::new()
        );
        assert_eq!(
            items("今年超过100万元的部分减半征收。"),
            Vec::<String>::new()
        );
        // A change dated by a span of years borrows the subject before it.
        let got = items("过去五年，地区生产总值超过7万亿元，五年年均增长6.7%。");
        let heads: Vec<String> = got
            .iter()
            .map(|i| i.split('|').take(4).collect::<Vec<_>>().join("|"))
            .collect();
        assert_eq!(
            heads,
            [
                "地区生产总值|超过|7万亿元|result",
                "地区生产总值|增长|6.7%|result"
            ]
        );
        // A sum of figures already given.
        assert_eq!(items("今年上述2万亿元全部转给地方。"), Vec::<String>::new());
        assert_eq!(
            items("今年预计退税约2.5万亿元，其中留抵退税约1.5万亿元。"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn starting_values_baselines_and_durations() {
        assert_eq!(
            items("新增劳动力平均受教育年限从12.4年提高到13.5年。"),
            ["新增劳动力平均受教育年限|提高到|13.5年|target|"]
        );
        assert_eq!(
            items("确保生均公用经费在600元、800元的基础上有所增长。"),
            Vec::<String>::new()
        );
        assert_eq!(items("确保2024年3月5日前完成。"), Vec::<String>::new());
        assert_eq!(
            items("确保学生每天在校1小时的体育锻炼时间。"),
            ["体育锻炼时间||1小时|target|"]
        );
    }

    #[test]
    fn pledges_and_objects() {
        assert_eq!(
            items("力争100%的乡镇中心幼儿园和70%的中心村幼儿园进入省等级幼儿园行列。"),
            ["乡镇中心幼儿园||100%|target|", "中心村幼儿园||70%|target|"]
        );
        assert_eq!(
            items("逐步做到每所规模学校配备1名心理健康指导教师。"),
            ["心理健康指导教师|配备|1名|target|"]
        );
        assert_eq!(
            items("提高国家财政性教育经费支出占国内生产总值比例，2026年达到4%。"),
            ["国家财政性教育经费支出占国内生产总值比例|达到|4%|target|2026"]
        );
    }

    #[test]
    fn looking_back() {
        assert_eq!(
            items("2023年国内生产总值增长5.2%。"),
            ["国内生产总值|增长|5.2%|result|2023"]
        );
        assert_eq!(
            items("预计今年高校毕业生超过1170万人。"),
            Vec::<String>::new()
        );
    }
}
