//! Deadlines, periods and the years they name: `年内`, `全年`, `今年`,
//! `明年`, `到2027年`, `2035年前`, `“十四五”期间`, and bare years that set a
//! sentence's time (`2012年达到4%`).
//!
//! A deadline's year is relative ([`When`]) until the report's year is
//! known: `今年` is the report's year, `明年` the one after, `到2030年` is
//! 2030 whatever the report, and a five-year plan's period ends in its
//! last year (`十四五` → 2025).

use std::ops::Range;

use super::number;

/// The year a time expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum When {
    /// `今年`, `年内`, `全年`, `本年度`, `年底前`: the year in question.
    ThisYear,
    /// `明年`, `今明两年` (a span that ends next year).
    NextYear,
    /// `到2030年`, `2035年前`, `十四五末`.
    Year(i32),
    /// `三年内`: a span from an unsaid start.
    Span,
}

impl When {
    /// The calendar year, given the year `今年` means.
    pub(super) fn resolve(self, this_year: Option<i32>) -> Option<i32> {
        match self {
            When::ThisYear => this_year,
            When::NextYear => this_year.map(|y| y + 1),
            When::Year(y) => Some(y),
            When::Span => None,
        }
    }
}

/// A deadline or period in a sentence (relative range).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Deadline {
    pub(super) range: Range<usize>,
    pub(super) when: When,
    /// `截至2023年底`: a point the report looks back from, not ahead to.
    pub(super) as_of: bool,
}

/// The years spelled as four digits before `年` at `i` (`2027年`).
fn year_before(s: &str, i: usize) -> Option<(usize, i32)> {
    let before = &s[..i];
    let digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    if digits != 4 {
        return None;
    }
    let start = i - 4;
    Some((start, s[start..i].parse().ok()?))
}

/// Deadline and period expressions in `s` (relative, in order, not
/// overlapping).
pub(super) fn deadlines(s: &str) -> Vec<Deadline> {
    let mut found: Vec<Deadline> = Vec::new();
    // Every keyword holds `年`: find them around each `年` in one pass.
    const WORDS: [(&str, When); 7] = [
        // This year and the next: the span ends next year.
        ("今明两年", When::NextYear),
        ("年内", When::ThisYear),
        ("全年", When::ThisYear),
        ("今年", When::ThisYear),
        ("明年", When::NextYear),
        ("本年度", When::ThisYear),
        ("年底前", When::ThisYear),
    ];
    for (y, _) in s.match_indices('年') {
        for (kw, when) in WORDS {
            let Some(k) = kw.find('年') else { continue };
            let Some(i) = y.checked_sub(k) else { continue };
            if !s.get(i..).is_some_and(|t| t.starts_with(kw)) {
                continue;
            }
            let mut start = i;
            let mut when = when;
            if kw == "年内" {
                // `三年内`, `5年内`: the span includes the count (and the
                // year is not this one); `今年内` is `今年`'s.
                let before = &s[..i];
                let lead = before
                    .char_indices()
                    .rev()
                    .take(8)
                    .take_while(|&(_, c)| {
                        number::arabic_digit(c).is_some() || number::is_cn_numeral_char(c)
                    })
                    .last();
                if let Some((j, _)) = lead {
                    start = j;
                    when = When::Span;
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
            found.push(Deadline {
                range: start..i + kw.len(),
                when,
                as_of: false,
            });
        }
    }
    // Years: `到2027年`, `至2035年`, `2035年前`, `2025年底`, `截至2023年底`.
    for (i, _) in s.match_indices('年') {
        let Some((mut start, year)) = year_before(s, i) else {
            continue;
        };
        let mut end = i + '年'.len_utf8();
        let mut marked = false;
        let mut as_of = false;
        for pre in ["截至", "截止", "到", "至", "在"] {
            if s[..start].ends_with(pre) {
                start -= pre.len();
                marked = true;
                as_of = pre.starts_with('截');
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
            found.push(Deadline {
                range: start..end,
                when: When::Year(year),
                as_of,
            });
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
        // `十四五` (the 14th plan), `十五` (the 10th).
        let mut back = s[..i].chars().rev();
        let (plan, n) = match (back.next(), back.next()) {
            (Some('十'), _) => (i - '十'.len_utf8(), 10),
            (Some(c), Some('十')) => match crate::document::numerals::cn_digit(c) {
                Some(d) => (i - c.len_utf8() - '十'.len_utf8(), 10 + d as i32),
                None => continue,
            },
            _ => continue,
        };
        let start = if s[..plan].ends_with('“') {
            plan - '“'.len_utf8()
        } else {
            plan
        };
        let end = s.len() - after_q.len() + post.len();
        found.push(Deadline {
            range: start..end,
            when: When::Year(plan_end(n)),
            as_of: false,
        });
    }
    found.sort_by_key(|d| (d.range.start, std::cmp::Reverse(d.range.end)));
    let mut out: Vec<Deadline> = Vec::new();
    for d in found {
        if out.last().is_none_or(|l| d.range.start >= l.range.end) {
            out.push(d);
        }
    }
    out
}

/// The deadline of the sorted, disjoint `dls` that starts at `at`.
pub(super) fn starting_at(dls: &[Deadline], at: usize) -> Option<&Deadline> {
    let i = dls.partition_point(|d| d.range.start < at);
    dls.get(i).filter(|d| d.range.start == at)
}

/// The deadline of `dls` (sorted, apart) that ends at `at`, if any.
pub(super) fn ending_at(dls: &[Deadline], at: usize) -> Option<&Deadline> {
    let i = dls.partition_point(|d| d.range.end < at);
    dls.get(i).filter(|d| d.range.end == at)
}

/// The last year of the `n`th five-year plan (the first ran 1953–1957,
/// the second to 1962; the third, after three years of readjustment,
/// from 1966).
fn plan_end(n: i32) -> i32 {
    match n {
        ..=2 => 1952 + 5 * n,
        _ => 1970 + 5 * (n - 3),
    }
}

/// Bare years that set the time of what follows (`2012年达到4%`,
/// `确保2010年399所学校…`): four digits and `年`, not a baseline (`比
/// 2009年`, `在2009年的基础上`), not a period's end (`2010-2020年`), not
/// a deadline (those are [`deadlines`]). Relative ranges and years.
pub(super) fn time_years(s: &str) -> Vec<(Range<usize>, i32)> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('年') {
        let Some((start, year)) = year_before(s, i) else {
            continue;
        };
        let end = i + '年'.len_utf8();
        let before = &s[..start];
        let after = &s[end..];
        let baseline = [
            "比", "较", "同", "与", "和", "从", "自", "由", "到", "至", "截至", "截止",
        ]
        .iter()
        .any(|w| before.ends_with(w))
            || before.ends_with('在')
                && (after.starts_with("的基础上") || after.starts_with("基础上"))
            || before.ends_with(['-', '－', '—', '–', '~', '～'])
            || ["前", "底", "末", "以前", "之前", "以来", "起"]
                .iter()
                .any(|w| after.starts_with(w));
        if !baseline {
            out.push((start..end, year));
        }
    }
    out
}

/// A period opening `s` (`2010- 2012年，…`, `2018－2022年`): its length
/// in bytes and its last year, which is the deadline it sets.
pub(super) fn opening_period(s: &str) -> Option<(usize, i32)> {
    let year = |t: &str| -> Option<i32> {
        (t.len() >= 4 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit))
            .then(|| t[..4].parse().ok())
            .flatten()
    };
    year(s)?;
    let rest = s[4..].trim_start();
    let dash = ['-', '－', '—', '–', '~', '～', '至', '到']
        .into_iter()
        .find(|d| rest.starts_with(*d))?;
    let rest = rest[dash.len_utf8()..].trim_start();
    let end = year(rest)?;
    let after = rest[4..].strip_prefix('年')?;
    Some((s.len() - after.len(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<(&str, When)> {
        deadlines(s)
            .into_iter()
            .map(|d| (&s[d.range], d.when))
            .collect()
    }

    #[test]
    fn deadline_words_and_years() {
        assert_eq!(
            texts("力争年内达到，到2027年建成，2035年前完成"),
            [
                ("年内", When::ThisYear),
                ("到2027年", When::Year(2027)),
                ("2035年前", When::Year(2035))
            ]
        );
        assert_eq!(texts("明年开工"), [("明年", When::NextYear)]);
        assert_eq!(texts("今明两年培训"), [("今明两年", When::NextYear)]);
        assert_eq!(texts("三年内建成"), [("三年内", When::Span)]);
        assert_eq!(texts("今年内建成"), [("今年", When::ThisYear)]);
        assert_eq!(texts("“十四五”期间"), [("“十四五”期间", When::Year(2025))]);
        assert_eq!(texts("十五期间"), [("十五期间", When::Year(2005))]);
        let d = deadlines("截至2023年底");
        assert!(d[0].as_of);
        assert_eq!(When::NextYear.resolve(Some(2024)), Some(2025));
        assert_eq!(When::ThisYear.resolve(None), None);
    }

    #[test]
    fn bare_years() {
        let s = "2012年达到4%，比2009年翻一番，在2009年的基础上，2010-2020年";
        let got: Vec<i32> = time_years(s).into_iter().map(|(_, y)| y).collect();
        assert_eq!(got, [2012]);
        assert_eq!(opening_period("2010- 2012年，围绕"), Some((13, 2012)));
        assert_eq!(opening_period("2018－2022年"), Some((14, 2022)));
        assert_eq!(opening_period("2018年"), None);
    }
}
