//! Quantified targets and results: what a report commits to and what it
//! reports as done, each with its subject, verb, value, unit, qualifier,
//! deadline and year.
//!
//! `高新技术企业达到4000家`, `全年新增60公顷绿地`, `国内生产总值增长5%左右`
//! are targets; `国内生产总值增加到121万亿元` in `过去五年工作回顾` is a
//! result. [`extract`] finds both in document order, each tied to the
//! outline node it sits in, with its [`Kind`]. Every part is a byte range
//! into [`Document::text`], so a view can quote or highlight the report's
//! own words; only the value (a number: `1.3万亿斤` → 1.3e12) and the unit
//! (the base unit, multipliers folded into the value) are normalised.
//!
//! The pipeline, one module a stage:
//! 1. `report`: the report's year, and for every part of the outline
//!    whether it reviews, names targets, and which year it is about;
//! 2. `clause`: a paragraph's sentences, a sentence's clauses and quotes;
//! 3. `quantity`: every number with its unit, in one linear pass
//!    ([`number`] reads the numerals, [`units`] the units);
//! 4. `sentence`: for each quantity its verb (`verb`), subject
//!    (`subject`), the reason it could be a commitment, its deadline
//!    and year (`deadline`);
//! 5. `kind`: target, result, or neither (a description, a forecast).
//!
//! The words they match live in `lexicon`; `context` carries what a
//! paragraph hands the ones after it (a list's introduction, a deadline
//! that opens a part).

mod clause;
mod context;
mod deadline;
mod kind;
mod lexicon;
pub mod number;
mod quantity;
mod report;
mod sentence;
mod subject;
pub mod units;
mod verb;

use std::ops::Range;

pub use kind::Kind;

use crate::document::{Document, NodeId};

/// One quantity the report commits to or reports as done.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Target or result.
    pub kind: Kind,
    /// The outline node the quantity sits in (an index into
    /// `doc.outline.nodes`; `doc.outline.dotted_id(node)` for output).
    pub node: NodeId,
    /// The item's own words: subject, verb, quantity and qualifier (a
    /// subject borrowed from an earlier clause lies outside it).
    pub span: Range<usize>,
    /// The whole sentence.
    pub sentence: Range<usize>,
    /// The metric or thing (`高新技术企业`, `绿地`), possibly the object an
    /// earlier clause gave the same verb; empty when the sentence names none.
    pub subject: Range<usize>,
    /// In a `分别` list, the head the conjuncts share, read after the
    /// subject (`小学` + `学生近视率`).
    pub subject_head: Option<Range<usize>>,
    /// The verb or comparator (`达到`, `新增`); for a list item that shares
    /// it (`1万平方米立体绿化` after `新建7公里绿道、`), the shared one; for
    /// a metric whose name holds one (`城镇新增就业`), that word inside the
    /// subject; `None` when the copula is implied (`城镇调查失业率5.5%`).
    pub verb: Option<Range<usize>>,
    /// The number and unit as written (`1.3万亿斤`, `5%—5.5%`).
    pub quantity: Range<usize>,
    /// The normalised value (`1.3万亿斤` → 1.3e12; a range's upper bound).
    pub value: f64,
    /// The unit without multiplier (`斤`, `平方米`, `%`, `个百分点`).
    pub unit: String,
    /// `左右`, `以上`, `以内`, `以下`, `近`, `超`, `约`, `多` …
    pub qualifier: Option<Range<usize>>,
    /// The deadline or period (`年内`, `全年`, `到2027年`), possibly shared
    /// by a whole list or given by the paragraph introducing it.
    pub deadline: Option<Range<usize>>,
    /// The year it is for, where the text says it: its deadline's
    /// (`今年` → the report's year, `到2030年` → 2030, `明年` → the next),
    /// a year its sentence names, or its part's heading's.
    pub year: Option<i32>,
}

impl Item {
    pub fn is_target(&self) -> bool {
        self.kind == Kind::Target
    }

    /// The item's own words.
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.span.clone()]
    }

    /// The subject as a reader names it: its words, and a `分别` list's
    /// shared head after them.
    pub fn subject(&self, doc: &Document) -> String {
        let mut s = doc.text[self.subject.clone()].to_string();
        if let Some(h) = &self.subject_head {
            s.push_str(&doc.text[h.clone()]);
        }
        s
    }

    pub fn sentence<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.sentence.clone()]
    }

    pub fn verb<'a>(&self, doc: &'a Document) -> Option<&'a str> {
        self.verb.clone().map(|r| &doc.text[r])
    }

    pub fn quantity<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.quantity.clone()]
    }

    pub fn qualifier<'a>(&self, doc: &'a Document) -> Option<&'a str> {
        self.qualifier.clone().map(|r| &doc.text[r])
    }

    pub fn deadline<'a>(&self, doc: &'a Document) -> Option<&'a str> {
        self.deadline.clone().map(|r| &doc.text[r])
    }
}

/// The year the report is delivered in, where its text says it (a date in
/// its opening lines, a year in its title, a heading that reviews or plans
/// a year, a `今年` sentence); `None` when it never says.
pub fn report_year(doc: &Document) -> Option<i32> {
    report::report_year(doc)
}

/// Every target and result of the document, in document order.
pub fn extract(doc: &Document) -> Vec<Item> {
    let report = report::Report::read(doc);
    let mut light = context::Light::default();
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let Some(node) = doc.outline.node_at(p.content.start) else {
            continue;
        };
        let para = context::Para::new(&doc.text, p.content.clone());
        let (frame, given) = light.enter(&report, node, &para);
        let part = report.parts[node];
        for sentence in &para.sentences {
            let quotes = para.quotes_in(sentence.clone());
            let s = &doc.text[sentence.clone()];
            for f in sentence::read(s, &quotes, &frame) {
                out.push(item(doc, sentence.clone(), f, node, part.year, &given));
            }
        }
        light.leave(&doc.text, &report, node, &para, &frame);
    }
    out
}

/// An item from what the sentence at `sentence` found, its deadline and
/// year completed from its part (`part_year`) or the paragraph it reads in
/// the light of (`given`).
fn item(
    doc: &Document,
    sentence: Range<usize>,
    f: sentence::Found,
    node: NodeId,
    part_year: Option<i32>,
    given: &context::Given,
) -> Item {
    let base = sentence.start;
    let abs = |r: Range<usize>| base + r.start..base + r.end;
    // A year of its own (`2012年达到4%`) takes no other deadline.
    let deadline = match f.deadline {
        Some(d) => Some(abs(d)),
        None if f.year.is_none() => given.deadline.clone(),
        None => None,
    };
    Item {
        kind: f.kind,
        node: doc.outline.node_at(base + f.quantity.start).unwrap_or(node),
        span: abs(f.text),
        sentence,
        subject: abs(f.subject),
        subject_head: f.head.map(abs),
        verb: f.verb.map(abs),
        quantity: abs(f.quantity),
        value: f.value,
        unit: f.unit.to_string(),
        qualifier: f.qualifier.map(abs),
        deadline,
        year: f.year.or(given.year).or(part_year),
    }
}
