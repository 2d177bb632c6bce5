//! Stage 2: the table of contents, if the report has one.
//!
//! A contents list repeats the headings before the body repeats them again.
//! It is a run of heading-only lines before the first prose paragraph,
//! either after a `目录` label (`目  录`, `**目 录**`) or, unlabelled, told by
//! what follows it: the series that leads the run (`第一篇`, `第一部分`, `一、`)
//! starts over from one later on. The run ends where its leading series
//! restarts or an entry repeats, so the body's first headings are never
//! swallowed, and page numbers (`... 2`, `………1`) or titles that differ
//! slightly from the body's do not matter.

use std::collections::HashSet;
use std::ops::Range;

use super::super::markers::{BlockMarker, BlockStyle, block_marker};
use super::super::paragraphs::{Paragraphs, is_space};
use super::lines::{Line, strip_page_number};

/// A contents list: its label paragraph (if any) and its entries, as
/// paragraph indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contents {
    pub label: Option<usize>,
    pub entries: Range<usize>,
}

impl Contents {
    /// Every paragraph of the list, label included.
    pub fn paragraphs(&self) -> Range<usize> {
        self.label.unwrap_or(self.entries.start)..self.entries.end
    }
}

/// An unlabelled list has at least this many entries.
const MIN_UNLABELLED: usize = 3;

/// A list has at most this many entries (a longer run of short lines is
/// something else, and is not held in memory as keys).
const MAX_ENTRIES: usize = 1000;

fn is_label(s: &str) -> bool {
    let mut letters = s.chars().filter(|&c| !is_space(c) && c != '*');
    matches!(
        (letters.next(), letters.next(), letters.next()),
        (Some('目'), Some('录' | '次'), None)
    )
}

/// An entry without page number, spaces or bold marks: two entries with
/// the same key are the same heading.
fn key(s: &str) -> String {
    strip_page_number(s)
        .0
        .chars()
        .filter(|&c| !is_space(c) && c != '*')
        .collect()
}

/// Where a run of entries starting at `from` ends: at the first prose
/// paragraph or bullet, the first entry seen before, or the first restart
/// of the run's leading series. `None` past [`MAX_ENTRIES`].
fn run_end(text: &str, paras: &Paragraphs, lines: &[Line], from: usize) -> Option<usize> {
    let mut seen = HashSet::new();
    let mut last = [0u32; BlockStyle::ALL.len()];
    let mut top: Option<u8> = None;
    for (k, line) in lines.iter().enumerate().skip(from) {
        if k - from > MAX_ENTRIES {
            return None;
        }
        let content = paras.get(text, k).map_or("", |p| &text[p.content]);
        if line.prose() || line.bullet().is_some() || !seen.insert(key(content)) {
            return Some(k);
        }
        if let Some(m) = block_marker(content) {
            let rank = m.style.rank();
            let leading = top.is_none_or(|t| rank <= t);
            if leading && last[m.style.index()] >= m.ordinal {
                return Some(k);
            }
            last[m.style.index()] = m.ordinal;
            top = Some(top.map_or(rank, |t| t.min(rank)));
        }
    }
    Some(lines.len())
}

/// A list whose entries carry page numbers gives back a last line without
/// one that stands right before prose: the body's first heading (`序言`).
fn give_back(lines: &[Line], entries: Range<usize>) -> Range<usize> {
    let run = &lines[entries.clone()];
    let paged = run.iter().filter(|l| l.page_number()).count();
    let last_unpaged = run.last().is_some_and(|l| !l.page_number());
    let before_prose = lines.get(entries.end).is_some_and(|l| l.prose());
    if run.len() > 1 && paged * 2 >= run.len() && last_unpaged && before_prose {
        entries.start..entries.end - 1
    } else {
        entries
    }
}

/// The leading series of entries (their markers): the highest-ranked
/// style, how often it occurs, and its first ordinal.
fn leading_series(markers: &[BlockMarker]) -> Option<(BlockStyle, usize, u32)> {
    let style = markers.iter().map(|m| m.style).min()?;
    let mut of_style = markers.iter().filter(|m| m.style == style);
    let first = of_style.next()?.ordinal;
    Some((style, 1 + of_style.count(), first))
}

/// The contents list of a report, if it has one. It stands before the
/// body's first heading: after a label found before the first marker (or
/// page-numbered) line, or, unlabelled, starting at that line, when its
/// leading series starts over later or its entries carry page numbers.
pub fn find(text: &str, paras: &Paragraphs, lines: &[Line]) -> Option<Contents> {
    let content = |i: usize| paras.get(text, i).map_or("", |p| &text[p.content]);
    let first_entry = lines
        .iter()
        .position(|l| l.marker().is_some() || l.page_number())
        .unwrap_or(lines.len());
    if let Some(label) = (0..first_entry).find(|&i| is_label(content(i))) {
        let end = run_end(text, paras, lines, label + 1)?;
        return (end > label + 1).then(|| Contents {
            label: Some(label),
            entries: give_back(lines, label + 1..end),
        });
    }
    let start = first_entry;
    let end = run_end(text, paras, lines, start)?;
    let run = lines.get(start..end)?;
    if run.len() < MIN_UNLABELLED {
        return None;
    }
    let paged = run.iter().filter(|l| l.page_number()).count();
    let markers: Vec<BlockMarker> = (start..end)
        .filter_map(|k| block_marker(content(k)))
        .collect();
    // The series starts over (from one) after the run.
    let restarts = leading_series(&markers).is_some_and(|(style, count, first)| {
        count >= 2
            && first == 1
            && lines[end..]
                .iter()
                .any(|l| l.marker().is_some_and(|m| m.style == style && m.first))
    });
    (restarts || paged * 2 >= run.len()).then(|| Contents {
        label: None,
        entries: give_back(lines, start..end),
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::paragraphs;
    use super::super::lines::classify_all;
    use super::*;

    fn contents(text: &str) -> Option<(Option<String>, Vec<String>)> {
        let ps = paragraphs::split(text);
        let lines = classify_all(text, &ps);
        let c = find(text, &ps, &lines)?;
        let s = |i: usize| text[ps.get(text, i).unwrap().content].to_string();
        Some((c.label.map(s), c.entries.map(s).collect()))
    }

    #[test]
    fn a_labelled_list_ends_where_its_series_restarts() {
        let t = "标题\n目  录\n第一篇 总则\n第一章 一\n第二篇 目标\n第二章 二\n**第一篇 总则**\n第一章 一\n内容。";
        let (label, entries) = contents(t).unwrap();
        assert_eq!(label.as_deref(), Some("目  录"));
        assert_eq!(
            entries,
            ["第一篇 总则", "第一章 一", "第二篇 目标", "第二章 二"]
        );
    }

    #[test]
    fn a_labelled_list_ends_at_a_repeated_entry() {
        let t = "**目 录**\n前言\n总则\n附则\n前言\n正文。";
        let (label, entries) = contents(t).unwrap();
        assert_eq!(label.as_deref(), Some("目 录"));
        assert_eq!(entries, ["前言", "总则", "附则"]);
    }

    #[test]
    fn an_unlabelled_list_is_told_by_the_restart() {
        let t = "纲要\n(草案)\n序 言... 1\n第一部分 总体... 2\n第一章 方针... 2\n第二部分 任务... 4\n第二章 学前... 4\n实 施... 9\n根据规划，制定本纲要。\n序 言\n正文。\n第一部分 总体\n第一章 方针\n正文。";
        let (label, entries) = contents(t).unwrap();
        assert_eq!(label, None);
        assert_eq!(entries.first().unwrap(), "序 言... 1");
        assert_eq!(entries.last().unwrap(), "实 施... 9");
        assert_eq!(entries.len(), 6);
    }

    #[test]
    fn a_paged_list_gives_back_the_bodys_first_heading() {
        let t = "纲要\n目  录\n第一章 基础……1\n第二章 指导……8\n序言\n“十四五”时期很关键。\n第一章 基础\n正文。";
        let (_, entries) = contents(t).unwrap();
        assert_eq!(entries, ["第一章 基础……1", "第二章 指导……8"]);
        // Not when the list has no page numbers: the line may be an entry.
        let t = "纲要\n目  录\n第一章 基础\n第二章 指导\n附则\n本纲要自发布之日起施行。\n第一章 基础\n正文。";
        let (_, entries) = contents(t).unwrap();
        assert_eq!(entries.len(), 3);
    }

    #[test]
    fn page_numbers_alone_tell_a_list() {
        let t = "纲要\n前言……1\n总则……2\n附则……9\n前言\n正文。";
        let (label, entries) = contents(t).unwrap();
        assert_eq!(label, None);
        assert_eq!(entries, ["前言……1", "总则……2", "附则……9"]);
    }

    #[test]
    fn a_foreword_may_precede_the_list() {
        let t = "纲要\n本纲要依据规划制定。\n目  录\n第一章 总则\n第二章 附则\n第一章 总则\n正文。";
        let (label, entries) = contents(t).unwrap();
        assert_eq!(label.as_deref(), Some("目  录"));
        assert_eq!(entries, ["第一章 总则", "第二章 附则"]);
        let t = "纲要\n本纲要依据规划制定。\n第一章 总则\n第二章 任务\n第三章 附则\n第一章 总则\n正文。";
        let (label, entries) = contents(t).unwrap();
        assert_eq!(label, None);
        assert_eq!(entries.len(), 3);
    }

    #[test]
    fn headings_without_a_restart_are_no_list() {
        // Consecutive heading lines of a body: no series starts over.
        assert_eq!(
            contents("第一章 总则\n第一节 目的\n一、总体要求\n（一）指导思想。全面贯彻。"),
            None
        );
        // A lower series restarting under a new parent is no list either.
        assert_eq!(
            contents("一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n正文。"),
            None
        );
        // Two entries are not enough without a label.
        assert_eq!(contents("一、甲\n二、乙\n一、甲\n正文。"), None);
        // A label followed by prose lists nothing.
        assert_eq!(contents("目录\n正文。"), None);
        // Thousands of short lines are no contents list.
        let many: String = (0..3000).map(|n| format!("条目{n}\n")).collect();
        assert_eq!(contents(&format!("目录\n{many}正文。")), None);
    }
}
