//! Quantified targets: the commitments a report makes, with their subject,
//! verb, value, unit, qualifier and deadline.
//!
//! `高新技术企业达到4000家`, `全年新增60公顷绿地`, `国内生产总值增长5%左右`:
//! [`extract`] finds them in document order, each tied to the outline node
//! it sits in. Every part is a byte range into [`Document::text`], so a view
//! can quote or highlight the report's own words; only the value (a number)
//! and the unit (a base unit, multipliers folded into the value) are
//! normalised.
//!
//! Verbs: a metric named right before its value (`城镇调查失业率5.5%左右`,
//! `粮食产量1.3万亿斤以上`) has an implied copula (为, 达到) that the report
//! does not write, so the verb is `None` and the target is kept; when the
//! metric's name holds exactly one action verb (`城镇新增就业1200万人以上`),
//! that word is the verb. A verb with no subject takes the object the same
//! verb had earlier in the sentence (`发行超长期特别国债，…今年先发行1万亿元`).
//! `预计` marks a forecast, not a commitment, in its own clause and in later
//! clauses that name no subject of their own; a budget figure stated after
//! it (`一般公共预算支出规模28.5万亿元`) is the plan and counts. A duration
//! counts only after `延长`/`缩短` (`再延长30年`), so a year stays a date.
//!
//! The parts: [`number`] reads Arabic and Chinese numerals, [`units`] knows
//! which words make a number a quantity, [`scan`] reads a sentence and
//! [`infer`] fills in what it leaves implicit. The scanner's helpers are
//! private: `quantity` (a number with its unit at a position), `lexicon`
//! (verbs, comparators, cues, qualifiers), `deadline` (deadlines and
//! periods), `subject` (trimming a subject) and `clause` (punctuation,
//! quotes, clause bounds). Sections
//! that look back (`2023年工作回顾`) hold achievements, not commitments, and
//! are skipped.

mod clause;
mod deadline;
pub mod infer;
mod lexicon;
pub mod number;
mod quantity;
pub mod scan;
mod subject;
pub mod units;

use std::ops::Range;

use crate::document::{Document, NodeId};

/// One quantified commitment.
#[derive(Clone, Debug, PartialEq)]
pub struct Target {
    /// The outline node the quantity sits in (an index into
    /// `doc.outline.nodes`; `doc.outline.dotted_id(node)` for output).
    pub node: NodeId,
    /// The target's own words: subject, verb, quantity and qualifier (a
    /// subject borrowed from an earlier clause lies outside it).
    pub span: Range<usize>,
    /// The whole sentence.
    pub sentence: Range<usize>,
    /// The metric or thing (`高新技术企业`, `绿地`), possibly the object an
    /// earlier clause gave the same verb; empty when the sentence names none.
    pub subject: Range<usize>,
    /// The verb or comparator (`达到`, `新增`); for a list item that shares
    /// it (`1万平方米立体绿化` after `新建7公里绿道、`), the shared one; for
    /// a metric whose name holds one (`城镇新增就业`), that word inside the
    /// subject; `None` when the copula is implied (`城镇调查失业率5.5%`).
    pub verb: Option<Range<usize>>,
    /// The number and unit as written (`1.3万亿斤`).
    pub quantity: Range<usize>,
    /// The normalised value (`1.3万亿斤` → 1.3e12).
    pub value: f64,
    /// The unit without multiplier (`斤`, `平方米`, `%`, `个百分点`).
    pub unit: String,
    /// `左右`, `以上`, `以内`, `以下`, `近`, `超`, `约`, `多` …
    pub qualifier: Option<Range<usize>>,
    /// The deadline or period (`年内`, `全年`, `到2027年`), possibly shared
    /// by a whole list.
    pub deadline: Option<Range<usize>>,
}

impl Target {
    /// The target's own words.
    pub fn text<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.span.clone()]
    }

    pub fn subject<'a>(&self, doc: &'a Document) -> &'a str {
        &doc.text[self.subject.clone()]
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

/// Titles of sections that review the past: what they hold was achieved,
/// not committed to.
const RETROSPECTIVE: &[&str] = &["回顾", "过去一年", "过去五年", "工作总结"];

/// Whether each node lies in a retrospective section.
fn retrospective(doc: &Document) -> Vec<bool> {
    let mut out = Vec::with_capacity(doc.outline.len());
    for (id, n) in doc.outline.nodes.iter().enumerate() {
        let own = RETROSPECTIVE.iter().any(|w| doc.node_title(id).contains(w));
        out.push(own || n.parent.is_some_and(|p| out[p]));
    }
    out
}

/// Every target of the document, in document order.
pub fn extract(doc: &Document) -> Vec<Target> {
    let retro = retrospective(doc);
    let text = doc.text.as_str();
    let mut found = Vec::new();
    let mut out = Vec::new();
    for p in &doc.paragraphs {
        let para = p.content.clone();
        let quotes: Vec<Range<usize>> = scan::quoted(&text[para.clone()])
            .into_iter()
            .map(|q| para.start + q.start..para.start + q.end)
            .collect();
        let mut start = para.start;
        let body = &text[para.clone()];
        let ends = body
            .char_indices()
            .filter(|&(_, c)| scan::is_sentence_end(c))
            .map(|(i, c)| para.start + i + c.len_utf8())
            .chain(std::iter::once(para.end));
        for end in ends {
            if end <= start {
                continue;
            }
            let sentence = start..end;
            found.clear();
            scan::scan_sentence(text, sentence.clone(), &quotes, &mut found);
            for f in found.drain(..) {
                let Some(node) = doc.outline.node_at(f.quantity.start) else {
                    continue;
                };
                if retro[node] {
                    continue;
                }
                out.push(Target {
                    node,
                    span: f.text,
                    sentence: sentence.clone(),
                    subject: f.subject,
                    verb: f.verb,
                    quantity: f.quantity,
                    value: f.value,
                    unit: f.unit.to_string(),
                    qualifier: f.qualifier,
                    deadline: f.deadline,
                });
            }
            start = end;
        }
    }
    out
}
