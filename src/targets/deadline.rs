//! Deadlines and periods a target is tied to: `年内`, `全年`, `到2027年`,
//! `2035年前`, `“十四五”期间`, ….

use std::ops::Range;

use super::number;

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
