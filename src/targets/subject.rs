//! What a quantity measures: its subject, read from the report's words.
//!
//! The subject is the clause before the verb (`高新技术企业达到4000家`),
//! the object between a clause-opening verb and the quantity
//! (`拟安排地方政府专项债券3.9万亿元`), or the words after the unit when
//! nothing precedes (`新增60公顷绿地`). It always starts where its clause
//! does (after steering words like `力争`, deadlines and bare years are
//! trimmed off), right after a verb, or right after the unit: never at an
//! arbitrary point inside a clause. Words that name nothing (`和`,
//! `2024年`, `一次性`) are no subject ([`is_junk`]).
//!
//! Also here: a `分别` list's subjects ([`distribute`]), the object a verb
//! took earlier in the sentence ([`earlier_object`]), and whether a
//! subject is a metric whose value may follow it with no verb
//! ([`is_metric`]).

use std::ops::Range;

use super::clause::is_delimiter;
use super::deadline::Deadline;
use super::lexicon;

/// Words dropped from the front of a subject: they steer the clause but
/// name nothing.
const STEERING: &[&str] = &[
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
    "的",
    "逐步",
    "保证",
    "加快",
    "早日",
    "围绕",
    "我们",
    "目前",
];

/// Verbs that open a clause without naming its measure (`推动…`,
/// `实现…`): dropped from a subject, but kept by [`trim_steering`] so a
/// clause-opening verb is still seen.
const OPENERS: &[&str] = &[
    "推动",
    "力促",
    "实现",
    "启动",
    "衔接",
    "落实好",
    "设定",
    "做到",
];

/// Steering words dropped from the end of a subject (`赤字率拟按3%`,
/// `排放量分别下降`, `增加值年均增长`).
const TRAILERS: &[&str] = &[
    "拟",
    "将",
    "要",
    "力争",
    "争取",
    "确保",
    "努力",
    "先",
    "再",
    "到期后",
    "分别",
    "年均",
    "平均",
    "每年",
    "都",
    "也",
    "还",
    "共",
    "累计",
    "继续",
    "进一步",
    "的",
    "和",
    "在",
    "为",
    "平均",
];

/// Words that name no measure on their own.
const NON_NAMING: &[&str] = &[
    "年均", "平均", "分别", "累计", "同比", "均", "共", "总计", "合计", "其中", "目前", "当前",
    "对", "在", "向", "为", "把", "将", "从", "按", "给", "由", "以", "目标", "任务", "要求",
    "水平", "已",
];

/// Whether `t` is empty or a word that qualifies a figure without naming
/// one (`同比`, `年均`, `累计`), after a span of years that dates it
/// (`五年年均`).
pub(super) fn names_nothing(t: &str) -> bool {
    let t = t.trim();
    let t = span_of_years(t).map_or(t, |n| &t[n..]);
    t.is_empty() || NON_NAMING.contains(&t)
}

/// Words dropped from the end of a subject that follows the quantity.
const AFTER_SUFFIXES: &[&str] = &["建设", "开放共享", "的", "和", "及", "等"];

/// Trims steering words, opening verbs, deadlines and bare years off a
/// subject's front, and steering words off its end.
pub(super) fn trim(s: &str, r: Range<usize>, dls: &[Deadline]) -> Range<usize> {
    trim_with(s, r, dls, true)
}

/// [`trim`] that keeps opening verbs (`实现全市省级示范专业…`).
pub(super) fn trim_steering(s: &str, r: Range<usize>, dls: &[Deadline]) -> Range<usize> {
    trim_with(s, r, dls, false)
}

fn trim_with(s: &str, mut r: Range<usize>, dls: &[Deadline], openers: bool) -> Range<usize> {
    loop {
        let t = &s[r.clone()];
        let lead = t.len() - t.trim_start().len();
        if lead > 0 {
            r.start += lead;
            continue;
        }
        let words = STEERING.iter().chain(if openers { OPENERS } else { &[] });
        if let Some(p) = words.into_iter().find(|p| t.starts_with(*p)) {
            r.start += p.len();
            continue;
        }
        if let Some(c) = t
            .chars()
            .next()
            .filter(|&c| "—-－─·•●■□◆◇▪*、，,：:".contains(c))
        {
            r.start += c.len_utf8();
            continue;
        }
        if let Some(d) = super::deadline::starting_at(dls, r.start).filter(|d| d.range.end <= r.end)
        {
            r.start = d.range.end;
            continue;
        }
        if let Some(n) = bare_year(t).or_else(|| span_of_years(t)) {
            r.start += n;
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
        // An opening quote before the quantity (`全国“30强”`).
        if let Some(q) = t.strip_suffix(['“', '"', '‘', '「']) {
            r.end = r.start + q.len();
            continue;
        }
        // A deadline at the end dates the value, it does not name the
        // measure: `城镇调查失业率全年控制在5.5%以内`.
        if let Some(d) = super::deadline::ending_at(dls, r.end).filter(|d| d.range.start > r.start)
        {
            r.end = d.range.start;
            continue;
        }
        // A baseline at the end: `人数比2009年`, `收入比上年`.
        if let Some(k) = t.rfind('比').filter(|&k| k > 0 && is_baseline(&t[k..])) {
            r.end = r.start + k;
            continue;
        }
        match TRAILERS.iter().find(|w| t.ends_with(*w)) {
            Some(w) if t.len() > w.len() => r.end -= w.len(),
            _ => break,
        }
    }
    r
}

/// Whether `t` is a comparison's baseline: `比2009年`, `比上年`, `比去年`.
fn is_baseline(t: &str) -> bool {
    let rest = &t['比'.len_utf8()..];
    ["上年", "去年", "前年", "上年同期"].contains(&rest) || bare_year(rest) == Some(rest.len())
}

/// The length of a span of years at the start of `t` when more follows
/// (`五年总体赤字率`, `十年来`): it dates the subject, it does not name it.
fn span_of_years(t: &str) -> Option<usize> {
    let n: usize = t
        .chars()
        .take_while(|&c| crate::document::numerals::cn_digit(c).is_some() || c == '十' || c == '多')
        .map(char::len_utf8)
        .sum();
    let rest = t[n..].strip_prefix('年')?;
    let rest = rest.strip_prefix('来').unwrap_or(rest);
    (n > 0 && !rest.is_empty()).then(|| t.len() - rest.len())
}

/// The length of a bare year at the start of `t` (`2010年`, `2024年3月5日`).
fn bare_year(t: &str) -> Option<usize> {
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 4 && t[4..].starts_with('年')).then_some(4 + '年'.len_utf8())
}

/// The subject that follows a quantity ending at `from`: the words up to
/// the clause's end, `limit`, or the next verb (`的` and `和` trimmed).
pub(super) fn after(s: &str, from: usize, limit: usize) -> Range<usize> {
    let mut start = from;
    if s[start..limit].starts_with('的') {
        start += '的'.len_utf8();
    }
    let mut end = start;
    for (j, c) in s[start..limit].char_indices() {
        if is_delimiter(c) || lexicon::verb_at(s, start + j) {
            break;
        }
        end = start + j + c.len_utf8();
    }
    let mut r = start..end;
    while let Some(suf) = lexicon::suffix_in(&s[r.clone()], AFTER_SUFFIXES) {
        if r.len() <= suf.len() {
            break;
        }
        r.end -= suf.len();
    }
    r
}

/// Whether a subject names nothing: empty, only function words or
/// punctuation, a date or a count (`2024年`, `一次性`), or a clause that
/// starts with a comparison (`比上年`).
pub(super) fn is_junk(t: &str) -> bool {
    let named = || {
        t.chars().filter(|&c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '和' | '与'
                        | '及'
                        | '或'
                        | '并'
                        | '的'
                        | '了'
                        | '、'
                        | '，'
                        | ','
                        | '“'
                        | '”'
                        | '"'
                        | '《'
                        | '》'
                        | '（'
                        | '）'
                        | '('
                        | ')'
                )
        })
    };
    let numeric = |c: char| {
        super::number::arabic_digit(c).is_some()
            || crate::document::numerals::cn_digit(c).is_some()
            || c == '十'
    };
    let Some(first) = named().next() else {
        return true;
    };
    if named().nth(1).is_none() && !t.contains(['“', '"', '‘', '「']) {
        return true; // one character names nothing here (`有`, `计`), unless quoted
    }
    // A date or a count and nothing else: digits (or a numeral) and a
    // counter (`2024年`, `一次性`).
    let lead = named().take_while(|&c| numeric(c)).count();
    let mut rest = named().skip(lead);
    let date_or_count = lead > 0
        && match rest.next() {
            None => true,
            Some(c) => {
                matches!(
                    c,
                    '年' | '月' | '日' | '次' | '个' | '项' | '批' | '期' | '届' | '号'
                ) && rest
                    .all(|c| matches!(c, '性' | '的' | '后' | '前' | '底' | '末' | '来' | '内'))
            }
        };
    let trimmed = t.trim();
    date_or_count
        || NON_NAMING.contains(&trimmed)
        || [
            "全市", "全省", "全国", "全区", "全县", "各地", "市区", "全年", "每年",
        ]
        .contains(&trimmed)
        || first == '比'
        || first == '较'
        || !named().any(|c| c.is_alphabetic() && !numeric(c))
}

/// Last words of a metric's name: the value that follows is the metric's.
const METRIC_HEADS: &[&str] = &[
    "规模", "率", "产量", "总量", "总值", "涨幅", "增幅", "就业", "支出", "收入", "投资", "比重",
    "比例", "占比", "强度", "浓度", "能耗", "年限", "寿命", "面积", "人数", "数量", "标准",
];

/// Whether the subject `t` ends in a metric noun.
pub(super) fn is_metric(t: &str) -> bool {
    METRIC_HEADS
        .iter()
        .any(|h| t.ends_with(h) && t.len() > h.len())
}

/// Words that name a span of time: a time unit after them is a duration.
const DURATION_NOUNS: &[&str] = &[
    "年限", "时间", "时长", "寿命", "期限", "学制", "工期", "周期",
];

/// Whether a subject names a span of time (`平均受教育年限`).
pub(super) fn names_duration(t: &str) -> bool {
    DURATION_NOUNS.iter().any(|h| t.contains(h))
}

/// A conjunct of a `分别` list and the head the conjuncts share.
pub(super) type Share = (Range<usize>, Option<Range<usize>>);

/// The subjects of a `分别` list: `小学、初中、高中学生近视率` for three
/// values is `小学`, `初中` and `高中` with the shared head `学生近视率`.
/// Returns, per value, the conjunct and the head the conjuncts share
/// (absolute to `s`), or `None` when the counts differ.
pub(super) fn distribute(s: &str, subject: Range<usize>, values: usize) -> Option<Vec<Share>> {
    let t = &s[subject.clone()];
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (j, c) in t.char_indices() {
        if c == '、' {
            parts.push(start..j);
            start = j + c.len_utf8();
        }
    }
    parts.push(start..t.len());
    // `A和B`: the last conjunct may be joined by a word.
    if parts.len() + 1 == values
        && let Some(last) = parts.pop()
    {
        let lt = &t[last.clone()];
        let joint = ["和", "及", "与", "以及"]
            .into_iter()
            .find_map(|w| lt.find(w).map(|k| (k, w.len())));
        let (k, n) = joint?;
        parts.push(last.start..last.start + k);
        parts.push(last.start + k + n..last.end);
    }
    if parts.len() != values || values < 2 || parts.iter().any(|p| p.is_empty()) {
        return None;
    }
    let last = parts[values - 1].clone();
    let head = shared_head(t, &parts[..values - 1], last.clone());
    let abs = |r: Range<usize>| subject.start + r.start..subject.start + r.end;
    let mut out: Vec<Share> = parts[..values - 1]
        .iter()
        .map(|p| (abs(p.clone()), head.clone().map(abs)))
        .collect();
    // The last conjunct carries the head in its own words.
    out.push((abs(last), None));
    Some(out)
}

/// The conjuncts of a subject (`A、B和C` → 3), for a `分别` list with a
/// single value (`氮氧化物、挥发性有机物排放量分别下降8%以上`: both fall).
pub(super) fn conjuncts(s: &str, subject: Range<usize>) -> usize {
    let t = &s[subject];
    let commas = t.matches('、').count();
    let last = t.rsplit('、').next().unwrap_or(t);
    let joined = ["和", "及", "与"].iter().any(|w| last.contains(w));
    commas + 1 + usize::from(joined && commas > 0)
}

/// The head the conjuncts share, inside the last one: after as many
/// characters as the other conjuncts have when two or more are all that
/// long (`小学、初中、高中学生近视率` → `学生近视率`), else its metric noun
/// (`氮氧化物、挥发性有机物排放量` → `排放量`).
fn shared_head(t: &str, others: &[Range<usize>], last: Range<usize>) -> Option<Range<usize>> {
    let chars = |r: &Range<usize>| t[r.clone()].chars().count();
    let n = chars(&others[0]);
    let lt = &t[last.clone()];
    if others.len() >= 2 && others.iter().all(|o| chars(o) == n) && lt.chars().count() > n {
        let k: usize = lt.chars().take(n).map(char::len_utf8).sum();
        return Some(last.start + k..last.end);
    }
    let head_chars = SHARED_HEADS
        .iter()
        .filter(|h| lt.ends_with(*h) && lt.len() > h.len())
        .map(|h| h.len())
        .max()?;
    Some(last.end - head_chars..last.end)
}

/// Metric nouns a `分别` list's conjuncts share.
const SHARED_HEADS: &[&str] = &[
    "排放量",
    "增加值",
    "投资",
    "上线率",
    "近视率",
    "覆盖率",
    "入学率",
    "比重",
    "比例",
    "产量",
    "收入",
    "能耗",
    "浓度",
    "总额",
    "余额",
    "规模",
    "人数",
    "数量",
    "面积",
];

/// The object the verb `s[verb]` took earlier in the sentence, no
/// earlier than `floor`: the words after its last earlier occurrence, up
/// to the clause's end, when they do not start with a number
/// (`发行超长期特别国债` for `先发行1万亿元`).
pub(super) fn earlier_object(s: &str, verb: Range<usize>, floor: usize) -> Option<Range<usize>> {
    let v = &s[verb.clone()];
    let at = s[floor..verb.start].rfind(v)? + floor;
    let start = at + v.len();
    let end = s[start..verb.start]
        .char_indices()
        .find(|&(_, c)| is_delimiter(c))
        .map_or(verb.start, |(j, _)| start + j);
    let first = s[start..end].chars().next()?;
    let numeric = super::number::is_cn_numeral_char(first)
        || super::number::arabic_digit(first).is_some()
        || "到至了在为".contains(first);
    (!numeric).then_some(start..end)
}

/// The object of a clause that opens with a verb and holds no number
/// (`提高国家财政性教育经费支出占国内生产总值比例，` before `2012年达到4%`).
pub(super) fn previous_object(s: &str, clause: Range<usize>) -> Option<Range<usize>> {
    let t = &s[clause.clone()];
    if t.chars().any(|c| super::number::arabic_digit(c).is_some()) {
        return None;
    }
    let (v, _) = lexicon::verb_opening_any(t)?;
    let end = clause.end
        - t.chars()
            .next_back()
            .filter(|&c| is_delimiter(c))
            .map_or(0, char::len_utf8);
    let r = clause.start + v.len()..end;
    (!r.is_empty()).then_some(r)
}

/// The one action verb inside a subject (`城镇新增就业` → `新增`), or
/// `None` when it holds none or several.
pub(super) fn verb_inside(s: &str, subject: Range<usize>) -> Option<Range<usize>> {
    let t = &s[subject.clone()];
    let mut found: Option<Range<usize>> = None;
    let mut i = 0;
    while i < t.len() {
        match lexicon::verb_opening(&t[i..]) {
            Some((v, lexicon::VerbClass::Action)) => {
                if found.is_some() {
                    return None;
                }
                found = Some(subject.start + i..subject.start + i + v.len());
                i += v.len();
            }
            _ => i += t[i..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trimmed(s: &str) -> &str {
        let r = trim(s, 0..s.len(), &super::super::deadline::deadlines(s));
        &s[r]
    }

    #[test]
    fn trimming() {
        assert_eq!(trimmed("力争年内高新技术企业"), "高新技术企业");
        assert_eq!(trimmed("确保2010年"), "");
        assert_eq!(trimmed("地区生产总值年均"), "地区生产总值");
        assert_eq!(trimmed("今年的经济增长目标"), "经济增长目标");
        assert_eq!(trimmed("赤字率拟"), "赤字率");
        assert_eq!(trimmed("城镇调查失业率全年"), "城镇调查失业率");
        assert_eq!(
            trimmed("具有高等教育文化程度的人数比2009年"),
            "具有高等教育文化程度的人数"
        );
    }

    #[test]
    fn words_that_name_nothing() {
        assert!(names_nothing("年均") && names_nothing("五年年均") && names_nothing(" "));
        assert!(!names_nothing("五年规划") && !names_nothing("地区生产总值"));
    }

    #[test]
    fn junk() {
        for t in ["", "和", "2024年", "一次性", "的", "比上年", "，"] {
            assert!(is_junk(t), "{t}");
        }
        for t in [
            "绿地",
            "一般公共预算支出规模",
            "高新技术企业",
            "PM2.5平均浓度",
        ] {
            assert!(!is_junk(t), "{t}");
        }
    }

    #[test]
    fn after_the_unit() {
        let s = "新增60公顷绿地，";
        let from = s.find("绿").unwrap();
        assert_eq!(&s[after(s, from, s.len())], "绿地");
        let s = "100%的乡镇中心幼儿园和70%";
        let from = s.find("的").unwrap();
        assert_eq!(&s[after(s, from, s.find('7').unwrap())], "乡镇中心幼儿园");
        let s = "70%的中心村幼儿园进入省等级幼儿园行列";
        let from = s.find("的").unwrap();
        assert_eq!(&s[after(s, from, s.len())], "中心村幼儿园");
    }

    #[test]
    fn distributing() {
        let s = "小学、初中、高中学生近视率";
        let d = distribute(s, 0..s.len(), 3).unwrap();
        let shown: Vec<String> = d
            .iter()
            .map(|(c, h)| format!("{}{}", &s[c.clone()], h.clone().map_or("", |h| &s[h])))
            .collect();
        assert_eq!(
            shown,
            ["小学学生近视率", "初中学生近视率", "高中学生近视率"]
        );
        let s = "氮氧化物、挥发性有机物排放量";
        let d = distribute(s, 0..s.len(), 2).unwrap();
        assert_eq!(&s[d[0].1.clone().unwrap()], "排放量");
        assert_eq!(&s[d[1].0.clone()], "挥发性有机物排放量");
        assert!(distribute(s, 0..s.len(), 3).is_none());
    }

    #[test]
    fn objects_and_verbs() {
        let s = "拟连续几年发行超长期特别国债，今年先发行1万亿元";
        let v = s.rfind("发行").unwrap();
        let o = earlier_object(s, v..v + "发行".len(), 0).unwrap();
        assert_eq!(&s[o], "超长期特别国债");
        let s = "发行1万亿元，再发行2万亿元";
        let v = s.rfind("发行").unwrap();
        assert_eq!(earlier_object(s, v..v + "发行".len(), 0), None);
        let s = "城镇新增就业";
        assert_eq!(verb_inside(s, 0..s.len()), Some(6..12));
        assert!(is_metric("一般公共预算支出规模"));
        assert!(!is_metric("率"));
        assert!(names_duration("平均受教育年限"));
    }
}
