//! The word tables the scanner matches around a quantity: action verbs,
//! comparators, duration verbs, forward-looking cues and qualifiers, and
//! [`suffix_in`] to find the one a text ends with.

/// Verbs that by themselves commit to a quantity. Longest first among
/// those sharing a suffix.
pub(super) const ACTIONS: &[&str] = &[
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
pub(super) const COMPARATORS: &[&str] = &[
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
pub(super) const DURATION_VERBS: &[&str] = &["延长", "缩短"];

/// Words that make a sentence forward-looking (besides a deadline).
pub(super) const CUES: &[&str] = &[
    "力争", "确保", "争取", "目标", "预期", "拟", "计划", "努力", "力促", "将", "推动",
];

/// Qualifiers before the number and after the unit.
pub(super) const PRE_QUALIFIERS: &[&str] = &["近", "超", "约", "逾"];
pub(super) const POST_QUALIFIERS: &[&str] = &["左右", "以上", "以内", "以下", "上下", "之内"];

pub(super) fn suffix_in<'a>(s: &str, list: &[&'a str]) -> Option<&'a str> {
    list.iter().copied().find(|w| s.ends_with(w))
}
