//! Finding targets in one sentence.
//!
//! The scanner walks a sentence looking for quantities (a number and a
//! unit), then reads around each one: a qualifier on either side (`近`,
//! `左右`, `以上`), the verb right before it (`达到`, `新增`, `控制在`), the
//! subject before the verb or, when the verb opens its clause, after the
//! unit (`新增60公顷绿地`), and the nearest deadline (`年内`, `到2027年`).
//!
//! Whether a quantity is a *commitment* is decided here, favouring
//! precision:
//! - an action verb (`新增`, `新建`, `推进`, `落地`, …) makes one;
//! - a comparator (`达到`, `突破`, `增长`, `降低`, …) makes one only when the
//!   sentence looks forward (a deadline, `力争`, `确保`, `目标`, `拟`, …) and
//!   its clause is not a forecast (`预计`): `比重超过80%` in a description
//!   is no target; a later clause after `预计` needs a subject of its own;
//! - a verbless value opening a forward-looking sentence counts after a
//!   metric noun (`一般公共预算支出规模28.5万亿元`, see [`infer`]);
//! - a duration (`30年`) needs a duration verb right before it (`延长`);
//! - without a verb, a quantity continues a list after a target of the
//!   same sentence: after `、` it shares the verb (`新建7公里绿道、1万平方米
//!   立体绿化`), after `，` or `；` it needs its own subject (`城镇调查失业率
//!   5.5%左右`);
//! - Chinese numerals need their own verb, are never `一` alone (that is the
//!   article), and never start a slogan (`两个一百年`);
//! - nothing in quotes (`“一个产业、一个集聚区”`), after `第`, or glued to
//!   Latin letters (`C919`, `5G`) counts.
//!
//! The parts it reads with live beside it: `quantity.rs` reads a number and
//! its unit, `lexicon.rs` holds the verbs, cues and qualifiers,
//! `deadline.rs` finds the deadlines, `subject.rs` trims a subject and
//! `clause.rs` knows the punctuation.

use std::ops::Range;

use super::clause::{after_is_empty, clause_start_of};
use super::lexicon::{ACTIONS, COMPARATORS, CUES, POST_QUALIFIERS, PRE_QUALIFIERS, suffix_in};
use super::quantity::{glued, quantity_at, starts_number};
use super::subject::{SUBJECT_SUFFIXES, trim_subject};
use super::{infer, number};

pub use super::clause::{is_delimiter, is_sentence_end, quoted};
pub use super::deadline::deadlines;

/// A target found in a sentence; ranges are absolute offsets in the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub quantity: Range<usize>,
    pub value: f64,
    pub unit: &'static str,
    pub qualifier: Option<Range<usize>>,
    pub verb: Option<Range<usize>>,
    pub subject: Range<usize>,
    pub text: Range<usize>,
    pub deadline: Option<Range<usize>>,
}

/// What the previous target of the sentence left for the next one.
struct Prev {
    end: usize,
    verb: Option<Range<usize>>,
    subject_after: bool,
}

/// Finds the targets of the sentence `text[sentence]`. `quotes` are the
/// quoted ranges of the paragraph (absolute).
pub fn scan_sentence(
    text: &str,
    sentence: Range<usize>,
    quotes: &[Range<usize>],
    out: &mut Vec<Found>,
) {
    let base = sentence.start;
    let s = &text[sentence];
    if !s.bytes().any(|b| b.is_ascii_digit() || b >= 0x80) {
        return;
    }
    // Deadlines and cues are read once a quantity survives the filters:
    // most sentences have none.
    let mut context: Option<(Vec<Range<usize>>, bool, Option<usize>)> = None;
    let in_quotes = |i: usize| quotes.iter().any(|q| q.contains(&(base + i)));
    let mut prev: Option<Prev> = None;
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().expect("in bounds");
        if !starts_number(s, i) {
            i += c.len_utf8();
            continue;
        }
        let Some(q) = quantity_at(s, i) else {
            i += c.len_utf8();
            continue;
        };
        let prev_char = s[..i].chars().next_back();
        let next_char = s[q.end..].chars().next();
        let rejected = glued(prev_char, q.chinese)
            || in_quotes(i)
            || q.chinese && &s[i..q.end - q.unit.len()] == "一"
            || q.chinese && next_char.is_some_and(number::is_cn_numeral_char);
        if rejected {
            i = q.end;
            continue;
        }
        let (dls, forward, forecast) = context.get_or_insert_with(|| {
            let dls = deadlines(s);
            let forward = !dls.is_empty() || CUES.iter().any(|c| s.contains(c));
            (dls, forward, s.find("预计"))
        });
        let (dls, forward, forecast) = (&*dls, *forward, *forecast);
        // `预计` forecasts its own clause; a later clause of the sentence is
        // the forecast's too unless it names a subject of its own.
        let forecast_before = forecast.is_some_and(|f| f < i);
        let forecast_here = forecast.is_some_and(|f| f < i && f >= clause_start_of(s, i));
        // Qualifiers.
        let pre_q = suffix_in(&s[..i], PRE_QUALIFIERS).map(|p| i - p.len()..i);
        let post_q = POST_QUALIFIERS
            .iter()
            .find(|p| s[q.end..].starts_with(*p))
            .map(|p| q.end..q.end + p.len());
        let qualifier = post_q.clone().or(q.more.clone()).or(pre_q.clone());
        let q_start = pre_q.as_ref().map_or(i, |r| r.start);
        let q_end = post_q.as_ref().map_or(q.end, |r| r.end);
        // The verb right before the quantity.
        let before = &s[..q_start];
        let verb = if let Some(v) = suffix_in(before, ACTIONS) {
            Some((q_start - v.len()..q_start, true))
        } else if let Some(v) = suffix_in(before, COMPARATORS) {
            let ok = match v {
                "为" => before[..before.len() - v.len()].ends_with("目标"),
                "按" => before[..before.len() - v.len()].ends_with('拟'),
                _ => true,
            };
            // An absolute rise (`提高30元`) commits like an action.
            let action = matches!(v, "提高" | "增加" | "减少") && q.unit != "%";
            ok.then_some((q_start - v.len()..q_start, action))
        } else {
            None
        };
        // Verb, object, quantity: `拟安排地方政府专项债券3.9万亿元`.
        let mut clause_verb = None;
        let mut metric_value = false;
        if verb.is_none() {
            let cs = clause_start_of(s, q_start);
            let lead = trim_subject(s, cs..q_start, dls);
            if let Some(v) = ACTIONS.iter().find(|v| s[lead.clone()].starts_with(*v))
                && lead.len() > v.len()
            {
                clause_verb = Some(lead.start..lead.start + v.len());
            }
            metric_value = infer::is_metric(s, lead);
        }
        let verb = verb.or(clause_verb.clone().map(|r| (r, true)));
        let implied_comparator = verb.is_none() && pre_q.is_some() && !q.chinese;
        // Continuation of a list.
        let mut shared_verb = None;
        let mut subject_after = false;
        let mut needs_subject = false;
        let accepted = match &verb {
            Some((_, true)) => true,
            Some((_, false)) => forward && !forecast_here,
            None if implied_comparator && prev.is_none() => forward && !forecast_here,
            None if metric_value && prev.is_none() && !q.chinese => forward && !forecast_here,
            None => match &prev {
                Some(p) if !q.chinese => {
                    let gap = &s[p.end..q_start];
                    if matches!(gap, "、" | "和" | "及" | "," | "，") && p.subject_after {
                        shared_verb = p.verb.clone();
                        subject_after = true;
                        true
                    } else {
                        needs_subject = true;
                        true
                    }
                }
                _ => false,
            },
        };
        if !accepted {
            i = q.end;
            continue;
        }
        let verb_range = verb.as_ref().map(|(r, _)| r.clone());
        let mut borrowed = false;
        let head = verb_range.as_ref().map_or(q_start, |r| r.start);
        // The subject: the clause before the verb (or between a
        // clause-initial verb and the quantity), else the words after.
        let before_subject = if let Some(cv) = &clause_verb {
            trim_subject(s, cv.end..q_start, dls)
        } else {
            let clause_start = clause_start_of(s, head).max(prev.as_ref().map_or(0, |p| p.end));
            trim_subject(s, clause_start..head, dls)
        };
        if s[before_subject.clone()].starts_with('比') {
            // `比上年增加1000亿元`: a change restating the figure before it,
            // naming no metric of its own.
            i = q.end;
            continue;
        }
        let committed = matches!(verb, Some((_, true)));
        if (needs_subject || forecast_before && !committed) && before_subject.is_empty() {
            i = q.end;
            continue;
        }
        let subject = if !subject_after && !before_subject.is_empty() {
            before_subject
        } else if let Some(o) = verb_range
            .clone()
            .filter(|_| committed && after_is_empty(s, q_end))
            .and_then(|v| infer::earlier_object(s, v))
        {
            // `今年先发行1万亿元` after `发行超长期特别国债`: the object
            // the verb took earlier, outside the target's own words.
            borrowed = true;
            o
        } else {
            subject_after = true;
            let stop = s[q_end..]
                .char_indices()
                .find(|&(_, c)| is_delimiter(c))
                .map_or(s.len(), |(j, _)| q_end + j);
            let mut r = q_end..stop;
            if let Some(suf) = suffix_in(&s[r.clone()], SUBJECT_SUFFIXES)
                && r.len() > suf.len()
            {
                r.end -= suf.len();
            }
            r
        };
        if subject.is_empty() && verb.is_none() && shared_verb.is_none() {
            // A bare number continuing nothing.
            i = q.end;
            continue;
        }
        let start = if borrowed {
            head
        } else {
            subject.start.min(head)
        };
        let end = subject.end.max(q_end);
        let deadline = dls
            .iter()
            .rev()
            .find(|d| d.end <= q_start)
            .or_else(|| {
                dls.iter()
                    .find(|d| d.start >= q_end && !s[q_end..d.start].chars().any(is_delimiter))
            })
            .cloned();
        let verb_out = verb_range.clone().or(shared_verb);
        // A metric whose name holds the verb (`城镇新增就业1200万人以上`).
        let verb_out = verb_out.or_else(|| {
            (!subject_after)
                .then(|| infer::verb_in_subject(s, subject.clone(), ACTIONS))
                .flatten()
        });
        let abs = |r: Range<usize>| base + r.start..base + r.end;
        out.push(Found {
            quantity: abs(i..q.end),
            value: q.value,
            unit: q.unit,
            qualifier: qualifier.map(abs),
            verb: verb_out.clone().map(abs),
            subject: abs(subject),
            text: abs(start..end),
            deadline: deadline.map(abs),
        });
        prev = Some(Prev {
            end,
            verb: verb_out,
            subject_after,
        });
        i = end.max(q.end);
    }
}
