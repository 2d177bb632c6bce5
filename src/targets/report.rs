//! What the report as a whole says about time: the year it is delivered
//! in, and for every part of its outline whether the part reviews what
//! was done, names targets, and which year it is about.
//!
//! The report's year comes from, in order: a date in its opening lines
//! (`（2010年2月22日）`, `——2024年3月5日在…`), a year in its title
//! (`2023政府工作报告`), a heading that reviews a year
//! (`2009年工作回顾` → 2010) or plans one (`2010年工作重点` → 2010), and
//! last the earliest year a `今年` sentence names. It is `None` when the
//! text never says.
//!
//! The top-level parts after one that reviews are the report's plans: they
//! look forward (a work report reviews the past year, then plans this one).
//!
//! A report whose title names a plan (`规划纲要`, `意见`, `方案`) looks
//! forward throughout, outside the parts that review.
//!
//! A part reviews when its heading says so (`回顾`, `执行情况`, `总结`,
//! `成就`, `过去一年`, `一年来`) or names a year before the report's
//! (`2023年主要工作`); its whole subtree holds results. A part names
//! targets when its heading does (`主要预期目标`, `（五）明确工作目标`:
//! `目标` or `指标` in a heading that is no sentence).

use super::clause;
use super::deadline::{When, deadlines, time_years};
use crate::document::{Document, NodeKind};

/// Words of a heading whose part reviews the past.
const REVIEW: &[&str] = &[
    "回顾",
    "执行情况",
    "完成情况",
    "总结",
    "成就",
    "成绩",
    "过去一年",
    "过去五年",
    "过去的一年",
    "一年来",
    "五年来",
    "发展基础",
];

/// Words of a heading whose part names targets.
const TARGET_HEADS: &[&str] = &["目标", "指标"];

/// What a part of the outline is about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Part {
    pub(super) lookback: bool,
    pub(super) forward: bool,
    /// The year the part is about (its heading's or an ancestor's).
    pub(super) year: Option<i32>,
}

/// The report-level reading.
#[derive(Debug)]
pub(super) struct Report {
    pub(super) year: Option<i32>,
    /// The document is a plan (`规划纲要`, `意见`, `方案`): outside its
    /// look-back parts it looks forward throughout.
    pub(super) plan: bool,
    /// One per outline node.
    pub(super) parts: Vec<Part>,
}

impl Report {
    pub(super) fn read(doc: &Document) -> Report {
        let year = report_year(doc);
        let mut parts: Vec<Part> = Vec::with_capacity(doc.outline.len());
        // Whether a top-level part that reviews has been passed: the parts
        // after a review are the report's plans.
        let mut after_review = false;
        for (id, n) in doc.outline.iter().enumerate() {
            let parent = n.parent.map(|p| parts[p]).unwrap_or_default();
            let heading = matches!(
                n.kind,
                NodeKind::Heading | NodeKind::Theme | NodeKind::Section
            );
            let own = if heading {
                heading_part(doc.node_title(id), year)
            } else {
                Part::default()
            };
            let lookback = parent.lookback || own.lookback;
            let planned = n.parent.is_none() && heading && after_review;
            if n.parent.is_none() && heading && own.lookback {
                after_review = true;
            }
            parts.push(Part {
                lookback,
                forward: (parent.forward || own.forward || planned) && !lookback,
                // A plan after the review is for the report's year unless
                // its heading says otherwise.
                year: own
                    .year
                    .or(parent.year)
                    .or(if planned && !lookback { year } else { None }),
            });
        }
        Report {
            year,
            plan: is_plan(doc),
            parts,
        }
    }
}

/// Words of a title that name a plan, whose body commits.
const PLAN_TITLES: &[&str] = &["规划", "纲要", "计划", "方案", "意见", "决定", "行动"];

/// Whether the report's title (its first paragraph) names a plan.
fn is_plan(doc: &Document) -> bool {
    let title = doc.paragraph(0).map_or("", |p| &doc.text[p.content]);
    title.chars().count() <= 60
        && !title.contains("报告")
        && PLAN_TITLES.iter().any(|w| title.contains(w))
}

/// What a heading's title says of its part.
fn heading_part(title: &str, report_year: Option<i32>) -> Part {
    let years: Vec<i32> = time_years(title).into_iter().map(|(_, y)| y).collect();
    let deadline_year = deadlines(title)
        .iter()
        .find_map(|d| d.when.resolve(report_year));
    let past_year = years.iter().any(|&y| report_year.is_some_and(|r| y < r));
    let named_review = REVIEW.iter().any(|w| title.contains(w));
    let lookback = named_review || past_year;
    let is_sentence = title.contains(['，', ',', '；', ';', '。']);
    let mut year = years.first().copied().or(deadline_year);
    // A heading about this year or a later one plans it.
    let plans_year = year.is_some_and(|y| report_year.is_some_and(|r| y >= r));
    let forward =
        !lookback && (plans_year || !is_sentence && TARGET_HEADS.iter().any(|w| title.contains(w)));
    if lookback
        && year.is_none()
        && ["过去一年", "过去的一年", "一年来"]
            .iter()
            .any(|w| title.contains(w))
    {
        year = report_year.map(|y| y - 1);
    }
    Part {
        lookback,
        forward,
        year,
    }
}

/// The year the report is delivered in, where the text says it.
pub(super) fn report_year(doc: &Document) -> Option<i32> {
    let text = doc.text.as_str();
    let outline = &doc.outline;
    let first_heading = (0..outline.len())
        .find(|&id| outline.kind(id) == NodeKind::Heading)
        .map_or(text.len(), |id| outline.span(id).start);
    let head: Vec<&str> = doc
        .paragraphs()
        .take(6)
        .filter(|p| p.content.start < first_heading || p.content.start == 0)
        .map(|p| &text[p.content])
        .collect();
    head.iter()
        .find_map(|p| date_year(p))
        .or_else(|| head.first().and_then(|t| title_year(t)))
        .or_else(|| heading_year(doc))
        .or_else(|| this_year_sentences(doc))
}

/// The year of a full date (`2024年3月5日`) in `s`.
fn date_year(s: &str) -> Option<i32> {
    for (i, _) in s.match_indices('年') {
        let digits = s[..i].bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits != 4 {
            continue;
        }
        let rest = &s[i + '年'.len_utf8()..];
        let m = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=2).contains(&m) && rest[m..].starts_with('月') {
            let after = &rest[m + '月'.len_utf8()..];
            let d = after.bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&d) && after[d..].starts_with('日') {
                return s[i - 4..i].parse().ok();
            }
        }
    }
    None
}

/// A year in the title: `2023政府工作报告`, `关于2023年…与2024年计划的报告`
/// (the latest), never a deadline's (`2035年远景目标`).
fn title_year(t: &str) -> Option<i32> {
    if t.chars().count() > 60 {
        return None;
    }
    let lead = t.bytes().take_while(u8::is_ascii_digit).count();
    if lead == 4 {
        return t[..4].parse().ok();
    }
    time_years(t)
        .into_iter()
        .filter(|(r, _)| !t[r.end..].starts_with("远景"))
        .map(|(_, y)| y)
        .max()
}

/// A heading that reviews a year (the report comes the year after) or
/// plans one.
fn heading_year(doc: &Document) -> Option<i32> {
    (0..doc.outline.len())
        .filter(|&id| doc.outline.kind(id) == NodeKind::Heading)
        .find_map(|id| {
            let title = doc.node_title(id);
            let (_, y) = time_years(title).into_iter().next()?;
            let reviews = REVIEW.iter().any(|w| title.contains(w));
            let plans = [
                "工作重点",
                "工作任务",
                "主要任务",
                "工作安排",
                "目标任务",
                "计划",
                "建议",
            ]
            .iter()
            .any(|w| title.contains(w));
            if reviews {
                Some(y + 1)
            } else if plans {
                Some(y)
            } else {
                None
            }
        })
}

/// The earliest year named in a sentence about this year (`今年`, `新的一
/// 年`): `展望新一年…2019年要过苦日子` → 2019.
fn this_year_sentences(doc: &Document) -> Option<i32> {
    let text = doc.text.as_str();
    let says_now = |s: &str| {
        s.match_indices('年').any(|(y, _)| {
            let before = &s[..y];
            before.ends_with('今')
                || before.ends_with("新一")
                || before.ends_with("新的一")
                || before.ends_with('本') && s[y..].starts_with("年度")
        })
    };
    let mut best: Option<i32> = None;
    for p in doc.paragraphs() {
        if !says_now(&text[p.content.clone()]) {
            continue;
        }
        for r in clause::sentences(text, p.content.clone()) {
            let s = &text[r];
            if !says_now(s) {
                continue;
            }
            let explicit = deadlines(s).iter().any(|d| matches!(d.when, When::Year(_)));
            if explicit {
                continue; // `到2020年…`: a deadline, not this year
            }
            for (_, y) in time_years(s) {
                best = Some(best.map_or(y, |b| b.min(y)));
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year_of(text: &str) -> Option<i32> {
        report_year(&Document::from_bytes("<t>", text.as_bytes()).unwrap())
    }

    #[test]
    fn the_reports_year() {
        assert_eq!(
            year_of("讲话\n（2010年2月22日）\n同志们：\n一、回顾\n内容。\n"),
            Some(2010)
        );
        assert_eq!(
            year_of(
                "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上\n各位代表：\n"
            ),
            Some(2024)
        );
        assert_eq!(year_of("2023政府工作报告\n各位代表：\n"), Some(2023));
        // A plan's span is not the year it is delivered in.
        assert_eq!(year_of("规划纲要\n(2010-2020年)\n内容。\n"), None);
        assert_eq!(
            year_of("讲话\n一、2009年工作回顾\n内容。\n二、任务\n内容。\n"),
            Some(2010)
        );
        assert_eq!(
            year_of("讲话\n展望新一年，2019年要过苦日子。\n"),
            Some(2019)
        );
        assert_eq!(year_of("讲话\n力争到2020年建成。\n"), None);
        assert_eq!(year_of(""), None);
    }

    #[test]
    fn the_parts_after_a_review_look_forward() {
        let doc = Document::from_bytes(
            "<t>",
            "2020报告\n各位代表：\n现在报告。\n去年工作回顾\n增长了。\n稳就业，保民生\n\
             要稳就业。\n扩内需，促消费\n要促消费。\n各位代表！\n让我们奋斗。"
                .as_bytes(),
        )
        .unwrap();
        let r = Report::read(&doc);
        let titled = |t: &str| (0..doc.outline.len()).find(|&id| doc.node_title(id) == t);
        let part = |t: &str| r.parts[titled(t).unwrap()];
        assert!(part("去年工作回顾").lookback);
        assert!(part("稳就业，保民生").forward && part("扩内需，促消费").forward);
        // They plan the report's year.
        assert_eq!(part("扩内需，促消费").year, Some(2020));
        // Without a review before them, parts look forward only by name.
        let doc = Document::from_bytes("<t>", "一、稳就业\n要稳就业。\n二、总结\n好。".as_bytes())
            .unwrap();
        let r = Report::read(&doc);
        assert!(!r.parts[0].forward);
    }

    #[test]
    fn headings_that_review_or_name_targets() {
        let p = heading_part("2023年工作回顾", Some(2024));
        assert!(p.lookback && !p.forward);
        assert_eq!(p.year, Some(2023));
        assert!(heading_part("2023年主要工作", Some(2024)).lookback);
        assert!(!heading_part("2024年政府工作任务", Some(2024)).lookback);
        assert!(heading_part("2024年政府工作任务", Some(2024)).forward);
        assert_eq!(
            heading_part("2024年政府工作任务", Some(2024)).year,
            Some(2024)
        );
        assert!(heading_part("主要预期目标", Some(2024)).forward);
        assert!(!heading_part("锚定目标,切实巩固增强经济回升向好态势", None).forward);
        let p = heading_part("过去一年和五年工作回顾", Some(2023));
        assert_eq!(p.year, Some(2022));
        assert_eq!(
            heading_part("对今年政府工作的建议", Some(2023)).year,
            Some(2023)
        );
    }
}
