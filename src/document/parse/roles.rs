//! Stage 3: the role of each paragraph, from its [`Line`] and its
//! neighbours.
//!
//! - **Head matter** is everything before the body starts (the first prose
//!   paragraph, numbered heading or contents list): title lines, a
//!   `——在…上的讲话` subtitle, the author, the date, a salutation, the
//!   furniture of a web page. It belongs to the preamble.
//! - **Contents** are the paragraphs of the contents list ([`contents`]).
//! - A **stand-alone heading** is an unnumbered heading (`序 言`, `实 施`,
//!   `结束语`, `附件1`): a short line of words only (no punctuation but
//!   quotes), standing alone after prose (or right after the contents),
//!   followed by prose (at most one more such line between), and placed
//!   where a top-level part could start: the next numbered heading, if
//!   any, is of the report's top level. It sits at that level.
//! - In a report **without numbered headings**, its parts may still have
//!   headings of their own: a short line of words (commas inside allowed:
//!   `加大宏观政策实施力度，着力稳企业保就业`), no sentence end, standing
//!   alone between a paragraph that ends a sentence and prose (or a `——`
//!   bullet of prose). Two or more
//!   such lines are the report's unnumbered top level ([`mark_unnumbered`]);
//!   a single one is not enough to tell a part from a motto.
//! - A **marker** paragraph opens with a block marker; whether it is a real
//!   heading is decided in sequence by the tree walk.
//! - Everything else is a **bullet** (`——`) or **text**.
//!
//! [`contents`]: super::contents

use std::cell::Cell;

use super::super::markers::{BlockStyle, THEME_RANK};
use super::super::paragraphs::Paragraphs;
use super::contents::Contents;
use super::lines::{Line, Opens, Role};

/// The paragraphs with their roles, and what the walk needs to know about
/// what lies ahead.
#[derive(Clone, Debug)]
pub struct Plan {
    pub lines: Vec<Line>,
    pub contents: Option<Contents>,
    /// The rank of the report's top level (`第一部分`, `一、`, a theme), if
    /// it has numbered headings at all.
    pub top_rank: Option<u8>,
    /// The last answer of [`Plan::next_marker`]: no marker paragraph lies
    /// in `.0..=.1` but `.1` (a table of the next marker of every
    /// paragraph would cost four bytes a paragraph; the walk asks in
    /// order, so one remembered answer makes the scans linear in all).
    next_marker: Cell<(usize, usize)>,
    /// The last marker paragraph, if any.
    last_marker: Option<usize>,
    /// The first paragraph of the body (after the head matter).
    pub body_start: usize,
}

impl Plan {
    /// The first marker paragraph at or after `i` (the paragraph count when
    /// there is none).
    pub fn next_marker(&self, i: usize) -> usize {
        let (from, found) = self.next_marker.get();
        if (from..=found).contains(&i) {
            return found;
        }
        let n = self.lines.len();
        let found = match self.last_marker {
            Some(last) if i <= last => (i..=last)
                .find(|&k| self.lines[k].role() == Role::Marker)
                .unwrap_or(n),
            _ => n,
        };
        self.next_marker.set((i, found));
        found
    }

    /// Whether no marker paragraph follows paragraph `i`.
    pub fn after_last_marker(&self, i: usize) -> bool {
        self.last_marker.is_none_or(|last| last <= i)
    }

    /// The marker that opens paragraph `i`, if its role is a marker.
    pub fn marker(&self, i: usize) -> Option<Opens> {
        self.lines
            .get(i)
            .filter(|l| l.role() == Role::Marker)
            .and_then(|l| l.marker())
    }
}

/// The rank a style's series gives its level: a speech-style `第一,` sits
/// under a theme, so its level is the theme's.
fn level_rank(style: BlockStyle) -> u8 {
    match style {
        BlockStyle::Di => THEME_RANK,
        s => s.rank(),
    }
}

/// Where the body starts: the first prose paragraph, marker or contents.
fn body_start(lines: &[Line], contents: Option<&Contents>) -> usize {
    let first = lines
        .iter()
        .position(|l| l.prose() || l.marker().is_some())
        .unwrap_or(lines.len());
    contents.map_or(first, |c| first.min(c.paragraphs().start))
}

/// The role of a paragraph on its own.
fn own_role(l: Line) -> Role {
    if l.marker().is_some() {
        Role::Marker
    } else if l.bullet().is_some() {
        Role::Bullet
    } else {
        Role::Text
    }
}

/// Decides the role of every paragraph.
pub fn plan(mut lines: Vec<Line>, contents: Option<Contents>) -> Plan {
    let n = lines.len();
    let head_end = body_start(&lines, contents.as_ref());
    let listed = contents.as_ref().map_or(0..0, Contents::paragraphs);
    for (i, l) in lines.iter_mut().enumerate() {
        l.set_role(if i < head_end {
            Role::Head
        } else if listed.contains(&i) {
            Role::Contents
        } else {
            own_role(*l)
        });
    }
    let last_marker = lines.iter().rposition(|l| l.role() == Role::Marker);
    let top_rank = lines
        .iter()
        .filter(|l| l.role() == Role::Marker)
        .filter_map(|l| l.marker())
        .filter(|m| m.first)
        .map(|m| level_rank(m.style))
        .min();
    let mut plan = Plan {
        lines,
        contents,
        top_rank,
        next_marker: Cell::new((n, n)),
        last_marker,
        body_start: head_end,
    };
    mark_standalone(&mut plan);
    plan
}

/// Marks the stand-alone headings: short lines of words only, alone after
/// prose (or right after the contents, or after one caption line that
/// follows prose), where a top-level part could start (the next numbered
/// heading, if any, is of the top level), and followed by something to
/// head: prose or that top-level heading (a bare numbered label, `附件1`,
/// may have its title line first).
fn mark_standalone(plan: &mut Plan) {
    let Some(top) = plan.top_rank else {
        return;
    };
    let after_contents = plan.contents.as_ref().map(|c| c.entries.end);
    for i in plan.body_start..plan.lines.len() {
        let lines = &plan.lines;
        let at_top = |k: usize| plan.marker(k).is_some_and(|m| level_rank(m.style) <= top);
        let content = |k: usize| lines.get(k).is_some_and(|l| l.prose()) || at_top(k);
        let prose = |k: Option<usize>| k.and_then(|k| lines.get(k)).is_some_and(|l| l.prose());
        let caption = |k: usize| lines[k].words_only() && lines[k].role() == Role::Text;
        let alone = prose(i.checked_sub(1))
            || Some(i) == after_contents
            || (i >= 1 && caption(i - 1) && prose(i.checked_sub(2)));
        let heads = content(i + 1)
            || (lines[i].numbered_label()
                && lines
                    .get(i + 1)
                    .is_some_and(|l| l.words_only() && l.marker().is_none())
                && content(i + 2));
        let next = plan.next_marker(i);
        let where_parts_start = next == lines.len() || at_top(next);
        if lines[i].role() == Role::Text
            && lines[i].words_only()
            && alone
            && heads
            && where_parts_start
        {
            plan.lines[i].set_role(Role::Standalone);
        }
    }
}

/// A report without numbered headings needs at least this many unnumbered
/// ones to have parts.
pub const MIN_UNNUMBERED_PARTS: usize = 2;

/// Whether `s` ends a sentence (closing quotes and brackets aside).
fn ends_a_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['”', '’', '"', '）', ')', '*', '》']);
    s.ends_with(['。', '！', '!', '？', '?', '；', ';'])
}

/// The parts of a report without numbered headings: the lines of words
/// (commas inside allowed) after the head matter that stand alone between
/// a paragraph ending a sentence and prose, when there are at least
/// [`MIN_UNNUMBERED_PARTS`]. They become stand-alone headings at the top
/// level, and the last of them is where the closing may start after.
pub fn mark_unnumbered(plan: &mut Plan, text: &str, paras: &Paragraphs) {
    if plan.top_rank.is_some() || plan.contents.is_some() {
        return;
    }
    let ends_sentence = |k: usize| {
        paras
            .get(text, k)
            .is_some_and(|p| ends_a_sentence(&text[p.content]))
    };
    let is_part = |lines: &[Line], i: usize| {
        lines[i].role() == Role::Text
            && lines[i].clause_heading()
            && lines[i + 1].prose()
            && matches!(lines[i + 1].role(), Role::Text | Role::Bullet)
            && lines[i - 1].prose()
            && ends_sentence(i - 1)
    };
    // Two passes, so that nothing is kept per part.
    let range = plan.body_start.max(1)..plan.lines.len().saturating_sub(1);
    let found = range.clone().filter(|&i| is_part(&plan.lines, i));
    if found.take(MIN_UNNUMBERED_PARTS).count() < MIN_UNNUMBERED_PARTS {
        return;
    }
    let mut last = None;
    for i in range {
        if is_part(&plan.lines, i) {
            plan.lines[i].set_role(Role::Standalone);
            last = Some(i);
        }
    }
    plan.top_rank = Some(BlockStyle::Pian.rank());
    plan.last_marker = last;
}

#[cfg(test)]
mod tests {
    use super::super::lines::classify;
    use super::*;

    fn roles(paras: &[&str]) -> Vec<Role> {
        let lines: Vec<Line> = paras.iter().map(|s| classify(s)).collect();
        plan(lines, None).lines.iter().map(|l| l.role()).collect()
    }

    #[test]
    fn head_matter_runs_to_the_first_prose() {
        let r = roles(&[
            "弘 扬“四气” 提 振 精 神",
            "——在市政府全体会议上的讲话",
            "盛 阅 春",
            "同志们：",
            "一分部署，九分落实。",
            "一、大力弘扬精神",
        ]);
        assert_eq!(&r[..4], &[Role::Head; 4]);
        assert_eq!(r[4], Role::Text);
        assert_eq!(r[5], Role::Marker);
    }

    #[test]
    fn standalone_headings_stand_between_prose_at_the_top_level() {
        let r = roles(&[
            "导语。",
            "序 言",
            "正文。",
            "一、总则",
            "正文。",
            "（一）目的",
            "正文。",
            "口号一句",
            "正文。",
            "（二）范围",
            "正文。",
            "结束语",
            "正文。",
            "附件1",
            "实施方案",
            "一、总则",
            "正文。",
            "打印",
        ]);
        assert_eq!(r[1], Role::Standalone);
        // Followed by a lower-level heading: a line inside a part.
        assert_eq!(r[7], Role::Text);
        assert_eq!(r[11], Role::Standalone);
        // An annex heading, its title line, then its own top-level parts.
        assert_eq!(r[13], Role::Standalone);
        assert_eq!(r[14], Role::Text);
        // Nothing after it: web furniture, not a heading.
        assert_eq!(r[17], Role::Text);
    }

    #[test]
    fn no_standalone_heading_without_numbered_ones() {
        let r = roles(&["导语。", "小标题", "正文。"]);
        assert_eq!(r[1], Role::Text);
    }

    fn unnumbered(paras: &[&str]) -> (Vec<Role>, Option<u8>) {
        let text = paras.join("\n");
        let ps = super::super::super::paragraphs::split(&text);
        let lines = super::super::lines::classify_all(&text, &ps);
        let mut p = plan(lines, None);
        mark_unnumbered(&mut p, &text, &ps);
        (p.lines.iter().map(|l| l.role()).collect(), p.top_rank)
    }

    #[test]
    fn parts_without_numbers_stand_alone_between_sentences_and_prose() {
        let (r, top) = unnumbered(&[
            "报告",
            "各位代表：",
            "现在报告工作。",
            "过去一年回顾",
            "去年经济平稳。",
            "各位代表！",
            "稳就业，保民生",
            "今年要稳就业。",
            "扩大内需",
            "——推动消费回升。",
            "各位代表！",
            "让我们团结奋斗。",
        ]);
        assert_eq!(r[3], Role::Standalone);
        assert_eq!(r[6], Role::Standalone);
        // A part may open with bullets.
        assert_eq!(r[8], Role::Standalone);
        assert_eq!(top, Some(BlockStyle::Pian.rank()));
        // An address is no part; the head matter holds the title.
        assert_eq!(r[5], Role::Text);
        assert_eq!(r[0], Role::Head);
    }

    #[test]
    fn one_line_or_hard_wrapped_text_has_no_unnumbered_parts() {
        // A single stand-alone line: a motto, not a part.
        let (r, top) = unnumbered(&["导语。", "一句口号", "正文。"]);
        assert_eq!((r[1], top), (Role::Text, None));
        // Hard-wrapped prose: the line before does not end a sentence.
        let (r, top) = unnumbered(&[
            "开头一句。又一句话写到",
            "这里，还没有完",
            "结束。再来一句话写到",
            "这里，也没有完",
            "结束。",
        ]);
        assert_eq!(top, None);
        assert!(r.iter().all(|&r| r != Role::Standalone));
    }
}
