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

use std::ops::Range;

use super::{infer, number, units};

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

/// Verbs that by themselves commit to a quantity. Longest first among
/// those sharing a suffix.
const ACTIONS: &[&str] = &[
    "新开工",
    "新改建",
    "新培育",
    "新引进",
    "新增",
    "新建",
    "改造",
    "建设",
    "建成",
    "推进",
    "落地",
    "完成",
    "培育",
    "打造",
    "开工",
    "实施",
    "安排",
    "发行",
    "增发",
    "引进",
    "招引",
    "创建",
    "提供",
    "累计",
    "设立",
    "举办",
    "筹集",
    "延长",
];

/// Comparators: a commitment only in a forward-looking sentence.
const COMPARATORS: &[&str] = &[
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增长到",
    "降低到",
    "降低至",
    "下降到",
    "控制在",
    "保持在",
    "稳定在",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "达到",
    "突破",
    "超过",
    "增长",
    "提高",
    "提升",
    "增加",
    "降低",
    "下降",
    "减少",
    "降至",
    "降到",
    "缩短",
    "低于",
    "高于",
    "达",
    "为",
    "按",
];

/// Verbs after which a duration (`30年`, `6个月`) is a quantity.
const DURATION_VERBS: &[&str] = &["延长", "缩短"];

/// Words that make a sentence forward-looking (besides a deadline).
const CUES: &[&str] = &[
    "力争", "确保", "争取", "目标", "预期", "拟", "计划", "努力", "力促", "将", "推动",
];

/// Qualifiers before the number and after the unit.
const PRE_QUALIFIERS: &[&str] = &["近", "超", "约", "逾"];
const POST_QUALIFIERS: &[&str] = &["左右", "以上", "以内", "以下", "上下", "之内"];

/// Words dropped from the front of a subject: they steer the clause but
/// name nothing.
const SUBJECT_PREFIXES: &[&str] = &[
    "力争",
    "确保",
    "争取",
    "努力",
    "持续",
    "继续",
    "进一步",
    "同时",
    "其中",
    "并且",
    "并",
    "将",
    "拟",
    "计划",
    "推动",
    "力促",
    "实现",
    "启动",
    "衔接",
    "落实好",
    "全年",
    "年内",
    "今年",
    "明年",
    "先",
    "再",
    "还",
    "共",
    "每年",
    "要",
];

/// Words dropped from the end of a subject that follows the quantity.
const SUBJECT_SUFFIXES: &[&str] = &["建设", "开放共享"];

/// Clause delimiters (the seed uses ASCII punctuation).
pub fn is_delimiter(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '、' | '。' | '！' | '？' | '!' | '?'
    )
}

/// Sentence ends.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Byte ranges of quoted passages of `s` (relative), balanced pairs only.
pub fn quoted(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, c) in s.char_indices() {
        let close = match c {
            '“' | '「' | '『' | '‘' => {
                open.push((c, i));
                continue;
            }
            '"' if !open.iter().any(|&(o, _)| o == '"') => {
                open.push(('"', i));
                continue;
            }
            '”' => '“',
            '」' => '「',
            '』' => '『',
            '’' => '‘',
            '"' => '"',
            _ => continue,
        };
        if let Some(pos) = open.iter().rposition(|&(o, _)| o == close) {
            let (_, start) = open[pos];
            open.truncate(pos);
            if open.is_empty() {
                out.push(start..i + c.len_utf8());
            }
        }
    }
    out
}

/// Deadline and period expressions in `s` (relative ranges, in order):
/// `年内`, `三年内`, `全年`, `今年`, `明年`, `年底前`, `到2027年`, `2035年前`,
/// `2025年底`, `“十四五”期间`.
pub fn deadlines(s: &str) -> Vec<Range<usize>> {
    let mut found: Vec<Range<usize>> = Vec::new();
    for kw in ["年内", "全年", "今年", "明年", "本年度", "年底前"] {
        for (i, _) in s.match_indices(kw) {
            let mut start = i;
            if kw == "年内" {
                // `三年内`, `5年内`: the span includes the count; `今年内`
                // is `今年`'s.
                let before = &s[..i];
                let lead = before
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| {
                        number::arabic_digit(c).is_some() || number::is_cn_numeral_char(c)
                    })
                    .last();
                if let Some((j, _)) = lead {
                    start = j;
                }
                if before.ends_with('今') {
                    continue;
                }
            }
            if kw == "年底前"
                && s[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit())
            {
                continue; // `2025年底前` is a year deadline, found below
            }
            found.push(start..i + kw.len());
        }
    }
    // Years: `到2027年`, `至2035年`, `2035年前`, `2025年底`, `2025年底前`.
    for (i, _) in s.match_indices('年') {
        let before = &s[..i];
        let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if digits != 4 {
            continue;
        }
        let mut start = i - 4;
        let mut end = i + '年'.len_utf8();
        let mut marked = false;
        for pre in ["截至", "到", "至", "在"] {
            if s[..start].ends_with(pre) {
                start -= pre.len();
                marked = true;
                break;
            }
        }
        for post in ["底前", "末前", "以前", "之前", "前", "底", "末"] {
            if s[end..].starts_with(post) {
                end += post.len();
                marked = true;
                break;
            }
        }
        if marked {
            found.push(start..end);
        }
    }
    // Plan periods: `十四五`期间, “十五五”时期, 十四五末.
    for (i, _) in s.match_indices('五') {
        let after = &s[i + '五'.len_utf8()..];
        let after_q = after.strip_prefix('”').unwrap_or(after);
        let Some(post) = ["期间", "时期", "末"]
            .into_iter()
            .find(|p| after_q.starts_with(p))
        else {
            continue;
        };
        let before = &s[..i];
        let Some(plan) = before.strip_suffix("十").and_then(|b| {
            let c = b.chars().next_back()?;
            super::super::document::numerals::cn_digit(c).map(|_| b.len() - c.len_utf8())
        }) else {
            continue;
        };
        let start = if s[..plan].ends_with('“') {
            plan - '“'.len_utf8()
        } else {
            plan
        };
        let end = s.len() - after_q.len() + post.len();
        found.push(start..end);
    }
    found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in found {
        if out.last().is_none_or(|l| r.start >= l.end) {
            out.push(r);
        }
    }
    out
}

/// A quantity at a position: value, unit and where its parts are.
struct Quantity {
    value: f64,
    unit: &'static str,
    /// End of the unit (relative).
    end: usize,
    chinese: bool,
    /// `多` inside the quantity (`1100多万`).
    more: Option<Range<usize>>,
}

fn quantity_at(s: &str, i: usize) -> Option<Quantity> {
    let before = &s[..i];
    let before =
        suffix_in(before, PRE_QUALIFIERS).map_or(before, |p| &before[..before.len() - p.len()]);
    let duration = suffix_in(before, DURATION_VERBS).is_some();
    let rest = &s[i..];
    let (value, mut end, chinese, more) = if let Some((v, n)) = number::parse_percent_words(rest) {
        return Some(Quantity {
            value: v,
            unit: "%",
            end: i + n,
            chinese: false,
            more: None,
        });
    } else if let Some((v, n)) = number::parse_arabic(rest) {
        let mut end = i + n;
        let mut more = None;
        if s[end..].starts_with('多') {
            more = Some(end..end + '多'.len_utf8());
            end += '多'.len_utf8();
        }
        let (m, mlen) = number::parse_multiplier(&s[end..]);
        (number::scale(v, m), end + mlen, false, more)
    } else {
        let (v, n) = number::parse_chinese(rest)?;
        (v, i + n, true, None)
    };
    let unit = duration
        .then(|| units::match_duration(&s[end..]))
        .flatten()
        .or_else(|| units::match_unit(&s[end..]))?;
    end += unit.len();
    Some(Quantity {
        value,
        unit: units::normalise(unit),
        end,
        chinese,
        more,
    })
}

fn starts_number(s: &str, i: usize) -> bool {
    let Some(c) = s[i..].chars().next() else {
        return false;
    };
    number::arabic_digit(c).is_some()
        || crate::document::numerals::cn_digit(c).is_some()
        || c == '十'
        || s[i..].starts_with("百分之")
}

/// Whether the character before a number shows it is part of something
/// else: another number, a Latin code (`C919`), a version, an ordinal.
fn glued(prev: Option<char>, chinese: bool) -> bool {
    let Some(p) = prev else { return false };
    number::arabic_digit(p).is_some()
        || p.is_ascii_alphabetic()
        || matches!(p, '.' | '．' | '第' | '-' | '+' | '/')
        || chinese && number::is_cn_numeral_char(p)
}

fn suffix_in<'a>(s: &str, list: &[&'a str]) -> Option<&'a str> {
    list.iter().copied().find(|w| s.ends_with(w))
}

/// Trims steering words and deadlines off the front of a subject.
fn trim_subject(s: &str, mut r: Range<usize>, dls: &[Range<usize>]) -> Range<usize> {
    loop {
        let t = &s[r.clone()];
        let lead = t.len() - t.trim_start().len();
        if lead > 0 {
            r.start += lead;
            continue;
        }
        if let Some(p) = SUBJECT_PREFIXES.iter().find(|p| t.starts_with(*p)) {
            r.start += p.len();
            continue;
        }
        if let Some(d) = dls.iter().find(|d| d.start == r.start && d.end <= r.end) {
            r.start = d.end;
            continue;
        }
        break;
    }
    loop {
        let t = &s[r.clone()];
        let t2 = t.trim_end();
        if t2.len() < t.len() {
            r.end = r.start + t2.len();
            continue;
        }
        match SUBJECT_TRAILERS.iter().find(|w| t.ends_with(*w)) {
            Some(w) if t.len() > w.len() => r.end -= w.len(),
            _ => break,
        }
    }
    r
}

/// Steering words dropped from the end of a subject (`赤字率拟按3%`).
const SUBJECT_TRAILERS: &[&str] = &["拟", "将", "要", "力争", "先", "再", "到期后"];

/// Start of the clause that holds `at` (relative).
fn clause_start_of(s: &str, at: usize) -> usize {
    s[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_delimiter(c))
        .map_or(0, |(j, c)| j + c.len_utf8())
}

/// Whether no subject follows the quantity ending at `end`: the clause
/// ends there.
fn after_is_empty(s: &str, end: usize) -> bool {
    s[end..].chars().next().is_none_or(is_delimiter)
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
