//! What a sentence leaves implicit around a quantity: the verb a metric's
//! own name carries, the object an earlier clause gave the same verb, and
//! whether a bare value is a metric's.
//!
//! Every inference points at the report's own words; nothing is invented.
//! - A metric named right before its value (`城镇调查失业率5.5%左右`,
//!   `粮食产量1.3万亿斤以上`, `赤字规模4.06万亿元`) has an implied copula
//!   (为, 达到) that the report does not write: the verb stays `None`.
//!   When the metric's name itself holds exactly one action verb
//!   (`城镇新增就业1200万人以上`), that word is the verb.
//! - An action verb with no subject around it (`今年先发行1万亿元`) takes the object
//!   the same verb has earlier in the sentence (`发行超长期特别国债`).
//! - A verbless value opening a forward-looking sentence is a target only
//!   after a metric noun (`规模`, `率`, `产量`, …): `一般公共预算支出规模
//!   28.5万亿元` is one, `对100家企业` is not.

use std::ops::Range;

use super::scan::is_delimiter;

/// Last words of a metric's name: the value that follows is the metric's.
const METRIC_HEADS: &[&str] = &[
    "规模", "率", "产量", "总量", "总值", "涨幅", "增幅", "就业", "支出", "收入", "投资",
];

/// Whether the subject `s[subject]` ends in a metric noun.
pub fn is_metric(s: &str, subject: Range<usize>) -> bool {
    let t = &s[subject];
    METRIC_HEADS
        .iter()
        .any(|h| t.ends_with(h) && t.len() > h.len())
}

/// The one action verb inside a subject (`城镇新增就业` → `新增`), or `None`
/// when it holds none or several.
pub fn verb_in_subject(s: &str, subject: Range<usize>, actions: &[&str]) -> Option<Range<usize>> {
    let t = &s[subject.clone()];
    let mut found: Option<Range<usize>> = None;
    let mut i = 0;
    while i < t.len() {
        if let Some(v) = actions.iter().find(|v| t[i..].starts_with(*v)) {
            if found.is_some() {
                return None;
            }
            found = Some(subject.start + i..subject.start + i + v.len());
            i += v.len();
        } else {
            i += t[i..].chars().next().map_or(1, char::len_utf8);
        }
    }
    found
}

/// The object the verb `s[verb]` takes earlier in the sentence: the words
/// after its last earlier occurrence, up to the clause's end, when they do
/// not start with a number (`发行超长期特别国债` for `先发行1万亿元`).
pub fn earlier_object(s: &str, verb: Range<usize>) -> Option<Range<usize>> {
    let v = &s[verb.clone()];
    let (at, _) = s[..verb.start].rmatch_indices(v).next()?;
    let start = at + v.len();
    let end = s[start..]
        .char_indices()
        .find(|&(_, c)| is_delimiter(c))
        .map_or(s.len(), |(j, _)| start + j);
    let first = s[start..end].chars().next()?;
    let numeric = first.is_ascii_digit()
        || super::number::is_cn_numeral_char(first)
        || super::number::arabic_digit(first).is_some();
    (!numeric).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_one_verb_in_a_metric() {
        let s = "城镇新增就业";
        assert_eq!(
            verb_in_subject(s, 0..s.len(), &["新增", "新建"]),
            Some(6..12)
        );
        let s = "新增新建";
        assert_eq!(verb_in_subject(s, 0..s.len(), &["新增", "新建"]), None);
        let s = "城镇调查失业率";
        assert_eq!(verb_in_subject(s, 0..s.len(), &["新增"]), None);
    }

    #[test]
    fn an_object_given_before() {
        let s = "拟连续几年发行超长期特别国债，今年先发行1万亿元";
        let v = s.rfind("发行").unwrap();
        let o = earlier_object(s, v..v + "发行".len()).unwrap();
        assert_eq!(&s[o], "超长期特别国债");
        let s = "发行1万亿元，再发行2万亿元";
        let v = s.rfind("发行").unwrap();
        assert_eq!(earlier_object(s, v..v + "发行".len()), None);
    }

    #[test]
    fn metric_nouns() {
        let s = "一般公共预算支出规模";
        assert!(is_metric(s, 0..s.len()));
        assert!(!is_metric("对", 0..3));
        assert!(!is_metric("率", 0..3));
    }
}
