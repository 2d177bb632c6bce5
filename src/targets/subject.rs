//! A target's subject: the steering words and deadlines trimmed off its
//! front, the steering words off its end, and the words dropped from a
//! subject that follows the quantity.

use std::ops::Range;

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
pub(super) const SUBJECT_SUFFIXES: &[&str] = &["建设", "开放共享"];

/// Trims steering words and deadlines off the front of a subject.
pub(super) fn trim_subject(s: &str, mut r: Range<usize>, dls: &[Range<usize>]) -> Range<usize> {
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
