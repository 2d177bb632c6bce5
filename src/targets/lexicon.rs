//! The word tables the pipeline matches: verbs by what they commit to,
//! the cues that make a sentence look forward or back, and qualifiers.
//!
//! [`words_at`] finds every word of every table that starts at a position
//! in one lookup (the tables are indexed by first and last character), so
//! a sentence's signals are read in one pass.
//!
//! Verbs come in three classes ([`VerbClass`]):
//! - an *action* (`新增`, `新建`, `推进`) commits to its quantity by itself;
//! - a *level* (`控制在`, `提高到`, `不低于`, `≥`) prescribes the level to
//!   hold or reach, which is a commitment too;
//! - a *comparator* (`达到`, `增长`, `突破`) only states a level, and
//!   commits only in a sentence that looks forward (`力争`, `今年`, …).

/// What a verb before a quantity commits to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum VerbClass {
    Action,
    Level,
    Comparator,
}

use std::collections::HashMap;
use std::sync::OnceLock;

/// Verbs that by themselves commit to a quantity.
const ACTIONS: &[&str] = &[
    "新开工",
    "新改建",
    "新培育",
    "新引进",
    "新增",
    "新建",
    "改造",
    "改建",
    "扩建",
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
    "招聘",
    "招收",
    "选拔",
    "培训",
    "配备",
    "增设",
    "发放",
    "带动",
    "吸纳",
    "新设",
];

/// Verbs that prescribe a level.
const LEVELS: &[&str] = &[
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "增长到",
    "增长至",
    "增至",
    "扩大到",
    "扩大至",
    "上升到",
    "上升至",
    "降低到",
    "降低至",
    "下降到",
    "下降至",
    "降至",
    "降到",
    "减少到",
    "减少至",
    "减至",
    "缩小到",
    "缩小至",
    "缩短到",
    "缩短至",
    "压减到",
    "压减至",
    "压缩到",
    "压缩至",
    "控制在",
    "保持在",
    "稳定在",
    "维持在",
    "不低于",
    "不少于",
    "不超过",
    "不高于",
    "不多于",
    "不大于",
    "不小于",
    "定为",
    "确定为",
    "设定为",
    "≥",
    "≤",
    "⩾",
    "⩽",
    "＞",
    "＜",
];

/// Verbs that state a level: a commitment only in a forward sentence.
const COMPARATORS: &[&str] = &[
    "达到", "突破", "超过", "增长", "提高", "提升", "增加", "降低", "下降", "减少", "缩短", "扩大",
    "上升", "上涨", "下跌", "低于", "高于", "保持", "实现", "重返", "跻身", "迈入", "都有", "均有",
    "各有", "达", "为", "按",
];

/// Verbs after which a unit of time is a duration (`延长30年`).
/// (`延长至2030年` is a date.)
pub(super) const DURATION_VERBS: &[&str] = &["延长", "缩短"];

/// What a word of the tables is, for the index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tag {
    Verb(VerbClass),
    /// Ends a subject read after its quantity.
    Object,
    Cue,
    Forecast,
    Past,
    Done,
    WeakPast,
}

/// Every word of the tables, indexed by its first and its last character,
/// so each lookup tries only the few words that could match; a bit per
/// character of the Basic Multilingual Plane says which characters start
/// or end a word at all, so most characters cost one bit test.
struct Index {
    by_first: HashMap<char, Vec<(&'static str, Tag)>>,
    by_last: HashMap<char, Vec<(&'static str, Tag)>>,
    firsts: Vec<u64>,
    lasts: Vec<u64>,
}

/// Sets the bit of `c` (characters past the BMP are always looked up).
fn set_bit(bits: &mut [u64], c: char) {
    if let Some(w) = bits.get_mut(c as usize / 64) {
        *w |= 1 << (c as usize % 64);
    }
}

/// Whether `c` may start (or end) a word.
fn has_bit(bits: &[u64], c: char) -> bool {
    bits.get(c as usize / 64)
        .is_none_or(|w| w & (1 << (c as usize % 64)) != 0)
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let tables: [(&[&'static str], Tag); 9] = [
            (ACTIONS, Tag::Verb(VerbClass::Action)),
            (LEVELS, Tag::Verb(VerbClass::Level)),
            (COMPARATORS, Tag::Verb(VerbClass::Comparator)),
            (OBJECT_VERBS, Tag::Object),
            (CUES, Tag::Cue),
            (FORECASTS, Tag::Forecast),
            (PAST, Tag::Past),
            (DONE, Tag::Done),
            (WEAK_PAST, Tag::WeakPast),
        ];
        let mut by_first: HashMap<char, Vec<(&'static str, Tag)>> = HashMap::new();
        let mut by_last: HashMap<char, Vec<(&'static str, Tag)>> = HashMap::new();
        let mut firsts = vec![0u64; 1024];
        let mut lasts = vec![0u64; 1024];
        for (table, tag) in tables {
            for &w in table {
                if let (Some(f), Some(l)) = (w.chars().next(), w.chars().next_back()) {
                    by_first.entry(f).or_default().push((w, tag));
                    by_last.entry(l).or_default().push((w, tag));
                    set_bit(&mut firsts, f);
                    set_bit(&mut lasts, l);
                }
            }
        }
        Index {
            by_first,
            by_last,
            firsts,
            lasts,
        }
    })
}

/// Whether some word of the tables starts with `c` (a bit test).
pub(super) fn may_start(c: char) -> bool {
    has_bit(&index().firsts, c)
}

/// The words of the tables that start at the beginning of `s`.
pub(super) fn words_at(s: &str) -> impl Iterator<Item = (&'static str, Tag)> + '_ {
    let ix = index();
    let list = s
        .chars()
        .next()
        .filter(|&c| has_bit(&ix.firsts, c))
        .and_then(|c| ix.by_first.get(&c))
        .map_or(&[][..], Vec::as_slice);
    list.iter().copied().filter(move |(w, _)| s.starts_with(w))
}

/// The words of the tables that `s` ends with.
fn words_ending(s: &str) -> impl Iterator<Item = (&'static str, Tag)> + '_ {
    let ix = index();
    let list = s
        .chars()
        .next_back()
        .filter(|&c| has_bit(&ix.lasts, c))
        .and_then(|c| ix.by_last.get(&c))
        .map_or(&[][..], Vec::as_slice);
    list.iter().copied().filter(move |(w, _)| s.ends_with(w))
}

/// The longest verb among `words` that `keep` accepts.
fn longest_verb(
    words: impl Iterator<Item = (&'static str, Tag)>,
    keep: impl Fn(&str, VerbClass) -> bool,
) -> Option<(&'static str, VerbClass)> {
    words
        .filter_map(|(w, t)| match t {
            Tag::Verb(c) if keep(w, c) => Some((w, c)),
            _ => None,
        })
        .max_by_key(|(w, _)| w.len())
}

/// The verb that `before` ends with, longest first, with its class.
pub(super) fn verb_before(before: &str) -> Option<(&'static str, VerbClass)> {
    longest_verb(words_ending(before), |_, _| true)
}

/// The verb `before` ends with, any class.
pub(super) fn verb_suffix(before: &str) -> Option<&'static str> {
    verb_before(before).map(|(w, _)| w)
}

/// The verb `s` starts with, longest first, with its class (actions, and
/// `实现`, `保持`: a clause opened by one of them names its object next).
pub(super) fn verb_opening(s: &str) -> Option<(&'static str, VerbClass)> {
    longest_verb(words_at(s), |w, c| {
        c == VerbClass::Action || matches!(w, "实现" | "保持" | "重返" | "跻身" | "迈入")
    })
}

/// The verb of any table `s` starts with (comparators of two characters
/// or more), longest first.
pub(super) fn verb_opening_any(s: &str) -> Option<(&'static str, VerbClass)> {
    longest_verb(words_at(s), |w, c| {
        c != VerbClass::Comparator || w.chars().count() > 1
    })
}

/// Whether a verb starts at `at` in `s` (it ends a subject that follows
/// its quantity: `100%的乡镇中心幼儿园进入…`).
pub(super) fn verb_at(s: &str, at: usize) -> bool {
    words_at(&s[at..]).any(|(w, t)| match t {
        Tag::Verb(VerbClass::Comparator) => w.chars().count() > 1,
        Tag::Verb(_) | Tag::Object => true,
        _ => false,
    })
}

/// Verbs that end a subject read after its quantity.
const OBJECT_VERBS: &[&str] = &[
    "进入", "得到", "获得", "纳入", "入学", "参与", "参加", "接受", "享受", "覆盖", "受益", "用于",
    "开展", "进行",
];

/// Words that make a sentence forward-looking (besides a deadline).
const CUES: &[&str] = &[
    "力争", "确保", "争取", "保证", "目标", "预期", "拟", "计划", "努力", "力促", "将", "推动",
    "要",
];

/// `要` is a cue only as the modal verb, not inside these words.
pub(super) fn is_cue_at(s: &str, at: usize, cue: &str) -> bool {
    if cue != "要" {
        return true;
    }
    let prev = s[..at].chars().next_back();
    let next = s[at + cue.len()..].chars().next();
    !prev.is_some_and(|p| "需重主只纲提摘必首紧想不简概".contains(p))
        && !next.is_some_and(|n| "求素点害闻务职件义领旨".contains(n))
}

/// Verbs of a change by an amount or a rate (not to a level).
pub(super) const CHANGE_VERBS: &[&str] = &[
    "增加", "增长", "减少", "下降", "提高", "降低", "扩大", "新增",
];

/// Determiners that refer back to figures already given (`上述2万亿元`).
pub(super) const ANAPHORS: &[&str] = &["上述", "前述", "上列"];

/// Nouns that name the size of what was just named (`规模近9.8万亿元`).
pub(super) const SIZE_NOUNS: &[&str] = &["规模", "总规模", "总量", "总额", "总数", "余额"];

/// Words that, opening a clause, pledge what follows.
pub(super) const PLEDGES: &[&str] = &["确保", "力争", "争取", "保证"];

/// Verbs that apply a rate (`按…的3%足额征收`).
pub(super) const RATE_VERBS: &[&str] =
    &["征收", "足额征收", "安排", "计提", "提取", "补助", "配套"];

/// A forecast: what follows is expected, not committed to.
const FORECASTS: &[&str] = &["预计"];

/// Words that set a sentence in the past: what it quantifies was done.
const PAST: &[&str] = &[
    "过去一年",
    "过去五年",
    "过去的一年",
    "过去的五年",
    "去年",
    "前年",
    "一年来",
    "两年来",
    "三年来",
    "五年来",
    "十年来",
    "多年来",
    "近年来",
    "以来",
    "截至目前",
    "截至去年",
];

/// Words that set a clause in the past or present (`已完成`, `目前共有`).
const DONE: &[&str] = &["已经", "已", "目前", "现有", "现已"];

/// Words that report a result unless the sentence looks forward.
const WEAK_PAST: &[&str] = &["累计", "首次", "比上年", "比去年", "同比", "较上年"];

/// Qualifiers before the number and after the unit.
pub(super) const PRE_QUALIFIERS: &[&str] = &["近", "超", "约", "逾"];
pub(super) const POST_QUALIFIERS: &[&str] = &["左右", "以上", "以内", "以下", "上下", "之内"];

/// The word of `list` that `s` ends with (the first listed).
pub(super) fn suffix_in<'a>(s: &str, list: &[&'a str]) -> Option<&'a str> {
    list.iter().copied().find(|w| s.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_verb_wins() {
        assert_eq!(
            verb_before("能耗降低到"),
            Some(("降低到", VerbClass::Level))
        );
        assert_eq!(
            verb_before("能耗降低"),
            Some(("降低", VerbClass::Comparator))
        );
        assert_eq!(verb_before("城镇新增"), Some(("新增", VerbClass::Action)));
        assert_eq!(verb_before("经济增长≥"), Some(("≥", VerbClass::Level)));
        assert_eq!(verb_before("目标定为"), Some(("定为", VerbClass::Level)));
        assert_eq!(verb_before("产业社区"), None);
    }

    #[test]
    fn the_modal_yao() {
        let s = "主要目标要实现";
        assert!(!is_cue_at(s, s.find('要').unwrap(), "要"));
        assert!(is_cue_at(s, s.rfind('要').unwrap(), "要"));
        let s = "要求";
        assert!(!is_cue_at(s, 0, "要"));
    }
}
