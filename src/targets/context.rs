//! What a paragraph reads in the light of: its part (from [`report`]) and
//! what the paragraphs before it hand on.
//!
//! - A `——` bullet after a paragraph that ends with `：`
//!   (`今年主要预期目标是：`) reads in that paragraph's light: its cue,
//!   deadline and year.
//! - A paragraph that opens with a year deadline or a period (`到2020年，…`,
//!   `2010- 2012年，…`, also right after a run-in heading: `(三)战略目标。
//!   到2020年，…`) sets the time of the paragraphs after it in the same
//!   part.
//!
//! [`report`]: super::report

use std::ops::Range;

use super::clause;
use super::deadline::{self, When};
use super::kind::{Frame, Signals};
use super::report::Report;
use crate::document::NodeId;

/// What a paragraph is handed: a forward-looking frame, a deadline and a
/// year for the sentences that name none.
#[derive(Clone, Debug, Default)]
pub(super) struct Given {
    pub(super) forward: bool,
    pub(super) deadline: Option<Range<usize>>,
    pub(super) year: Option<i32>,
}

/// A paragraph split for reading: its sentences and quotes (absolute).
pub(super) struct Para<'a> {
    body: &'a str,
    bullet: bool,
    pub(super) sentences: Vec<Range<usize>>,
    quotes: Vec<Range<usize>>,
}

impl<'a> Para<'a> {
    pub(super) fn new(text: &'a str, content: Range<usize>) -> Para<'a> {
        let body = &text[content.clone()];
        Para {
            body,
            bullet: body.trim_start().starts_with("——"),
            sentences: clause::sentences(text, content.clone()),
            quotes: clause::quoted(body)
                .into_iter()
                .map(|q| content.start + q.start..content.start + q.end)
                .collect(),
        }
    }

    /// The quotes that overlap `sentence`, relative to it.
    pub(super) fn quotes_in(&self, sentence: Range<usize>) -> Vec<Range<usize>> {
        let base = sentence.start;
        let first = self.quotes.partition_point(|q| q.end <= base);
        self.quotes[first..]
            .iter()
            .take_while(|q| q.start < sentence.end)
            .map(|q| q.start.max(base) - base..q.end.min(sentence.end) - base)
            .collect()
    }
}

/// What the paragraphs read so far hand on.
#[derive(Debug, Default)]
pub(super) struct Light {
    /// A list's introduction, for its `——` bullets.
    intro: Option<Given>,
    /// A paragraph that opened its part with a deadline, and the part.
    carry: Option<(NodeId, Given)>,
}

impl Light {
    /// The frame a paragraph of `node` reads in, and what it is given.
    pub(super) fn enter(&mut self, report: &Report, node: NodeId, para: &Para) -> (Frame, Given) {
        if !para.bullet {
            self.intro = None;
        }
        if self.carry.as_ref().is_some_and(|(n, _)| *n != node) {
            self.carry = None;
        }
        let part = report.parts[node];
        let given = match (&self.intro, &self.carry) {
            (Some(i), _) if para.bullet => i.clone(),
            (_, Some((_, c))) => c.clone(),
            _ => Given::default(),
        };
        let frame = Frame {
            lookback: part.lookback,
            forward: part.forward || given.forward || report.plan && !part.lookback,
            report_year: report.year,
            this_year: if part.lookback {
                part.year
            } else {
                report.year.or(part.year)
            },
        };
        (frame, given)
    }

    /// Takes what a paragraph hands on once it is read.
    pub(super) fn leave(
        &mut self,
        text: &str,
        report: &Report,
        node: NodeId,
        para: &Para,
        frame: &Frame,
    ) {
        if !para.bullet && para.body.trim_end().ends_with(['：', ':']) {
            self.intro = para
                .sentences
                .last()
                .map(|r| intro_of(&text[r.clone()], r.start, frame));
        }
        if report.parts[node].lookback {
            return;
        }
        if let Some(c) = para
            .sentences
            .iter()
            .take(2)
            .find_map(|r| opening_year(text, r.clone()))
        {
            self.carry = Some((node, c));
        }
    }
}

/// A year deadline or a period that opens the sentence `text[r]`
/// (`到2020年，`, `2010- 2012年，`).
fn opening_year(text: &str, r: Range<usize>) -> Option<Given> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let at = |n: usize| Some(r.start + lead..r.start + lead + n);
    if let Some((n, y)) = deadline::opening_period(&s[lead..]) {
        return Some(Given {
            forward: true,
            deadline: at(n),
            year: Some(y),
        });
    }
    // A deadline is a few words: look no further than that.
    let head: usize = s[lead..].chars().take(12).map(char::len_utf8).sum();
    let d = deadline::deadlines(&s[lead..lead + head])
        .into_iter()
        .next()?;
    match d.when {
        When::Year(y) if d.range.start == 0 && !d.as_of => Some(Given {
            forward: true,
            deadline: at(d.range.end),
            year: Some(y),
        }),
        _ => None,
    }
}

/// What a sentence that introduces a list gives its items.
fn intro_of(s: &str, base: usize, frame: &Frame) -> Given {
    let sig = Signals::read(s, frame.report_year);
    let d = sig.deadlines.first();
    Given {
        forward: sig.forward(),
        deadline: d.map(|d| base + d.range.start..base + d.range.end),
        year: d.and_then(|d| d.when.resolve(frame.this_year)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deadlines_that_open_a_paragraph() {
        let t = "到2020年，基本实现现代化。";
        assert_eq!(opening_year(t, 0..t.len()).and_then(|g| g.year), Some(2020));
        let t = "2010- 2012年，组织实施一批重大工程。";
        assert_eq!(opening_year(t, 0..t.len()).and_then(|g| g.year), Some(2012));
        let t = "基本实现现代化，到2020年。";
        assert!(opening_year(t, 0..t.len()).is_none());
        let t = "截至2023年底，共有企业。";
        assert!(opening_year(t, 0..t.len()).is_none());
    }

    #[test]
    fn quotes_relative_to_their_sentence() {
        let t = "甲。“乙”丙。";
        let p = Para::new(t, 0..t.len());
        assert_eq!(p.sentences.len(), 2);
        assert_eq!(p.quotes_in(p.sentences[1].clone()), vec![0..9]);
        assert!(p.quotes_in(p.sentences[0].clone()).is_empty());
    }
}
