//! `--targets`: the report's quantified targets (and with `--all` its
//! results, marked `result`) as a table, CSV, JSON or YAML.
//!
//! JSON and YAML share [`TargetOut`], which `--outline` also embeds as its
//! top-level `targets` list (targets only). The text table lines up in
//! terminal display width (CJK characters take two columns); CSV follows
//! RFC 4180 (a header row, fields quoted when they hold `,`, `"` or a line
//! break).

use std::borrow::Cow;

use crate::document::Document;
use crate::targets::{self, Item};
use serde::{Serialize, Serializer};

/// One serialised target or result.
#[derive(Debug, Serialize)]
pub struct TargetOut {
    /// `target` or `result`.
    pub kind: &'static str,
    pub subject: String,
    pub verb: Option<String>,
    #[serde(serialize_with = "number")]
    pub value: f64,
    pub unit: String,
    pub qualifier: Option<String>,
    pub deadline: Option<String>,
    /// The year it is for, where the text says it.
    pub year: Option<i32>,
    pub text: String,
    pub node: String,
    pub start: usize,
    pub end: usize,
}

/// Writes whole values as integers (`4000`, not `4000.0`).
fn number<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        s.serialize_i64(*v as i64)
    } else {
        s.serialize_f64(*v)
    }
}

/// A value as the table and CSV show it.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The serde model of one item (`--targets`, and `--compare`'s rows).
pub fn target_out(doc: &Document, t: &Item) -> TargetOut {
    TargetOut {
        kind: t.kind.as_str(),
        subject: t.subject(doc),
        verb: t.verb(doc).map(str::to_string),
        value: t.value,
        unit: t.unit.clone(),
        qualifier: t.qualifier(doc).map(str::to_string),
        deadline: t.deadline(doc).map(str::to_string),
        year: t.year,
        text: t.text(doc).to_string(),
        node: doc.outline.dotted_id(t.node),
        start: t.span.start,
        end: t.span.end,
    }
}

/// A document's targets (with `all` its results too) for JSON and YAML,
/// each serialised from its [`Item`] as it is written: the output model is
/// never held whole.
pub struct TargetsOut<'a> {
    doc: &'a Document,
    items: Cow<'a, [Item]>,
    all: bool,
}

impl<'a> TargetsOut<'a> {
    /// Extracts the targets now; they are serialised as they are written.
    pub fn new(doc: &'a Document, all: bool) -> TargetsOut<'a> {
        TargetsOut {
            doc,
            items: Cow::Owned(targets::extract(doc)),
            all,
        }
    }

    /// [`TargetsOut::new`] of targets already extracted (a library's,
    /// cached).
    pub fn of(doc: &'a Document, items: &'a [Item], all: bool) -> TargetsOut<'a> {
        TargetsOut {
            doc,
            items: Cow::Borrowed(items),
            all,
        }
    }
}

impl Serialize for TargetsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(
            self.items
                .iter()
                .filter(|t| self.all || t.is_target())
                .map(|t| target_out(self.doc, t)),
        )
    }
}

/// The serde model of a document's targets, and with `all` its results.
pub fn targets_out(doc: &Document, all: bool) -> Vec<TargetOut> {
    items_out(doc, &targets::extract(doc), all)
}

/// [`targets_out`] of targets already extracted (a library's, cached).
pub fn items_out(doc: &Document, items: &[Item], all: bool) -> Vec<TargetOut> {
    listed(doc, items, all).collect()
}

/// The items a view lists (with `all`, the results too), each made into
/// its serde model only when it is reached (a long list is never held
/// whole, only its output).
pub fn listed<'a>(
    doc: &'a Document,
    items: &'a [Item],
    all: bool,
) -> impl Iterator<Item = TargetOut> + 'a {
    items
        .iter()
        .filter(move |t| all || t.is_target())
        .map(move |t| target_out(doc, t))
}

/// The columns of the table and the CSV.
pub const HEADER: [&str; 12] = [
    "node",
    "kind",
    "subject",
    "verb",
    "value",
    "unit",
    "qualifier",
    "deadline",
    "year",
    "text",
    "start",
    "end",
];

/// A row's cells for the table and CSV, control characters shown as the
/// reader's visible stand-ins (report text never drives the terminal).
pub fn row(t: &TargetOut) -> [String; 12] {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    [
        t.node.clone(),
        t.kind.to_string(),
        t.subject.clone(),
        opt(&t.verb),
        format_value(t.value),
        t.unit.clone(),
        opt(&t.qualifier),
        opt(&t.deadline),
        t.year.map(|y| y.to_string()).unwrap_or_default(),
        t.text.clone(),
        t.start.to_string(),
        t.end.to_string(),
    ]
    .map(|cell| crate::layout::safe::visible(&cell).into_owned())
}

/// The targets (with `all`, the results too) as a table whose columns
/// line up in display width. The byte offsets are left to the other
/// formats, and the kind column to `--all`, where it tells them apart.
pub fn targets_text(doc: &Document, all: bool) -> String {
    let items = targets::extract(doc);
    table_text_of(|| listed(doc, &items, all).map(|t| row(&t)), all)
}

/// [`targets_text`] of rows already made.
pub fn table_text(targets: &[TargetOut], all: bool) -> String {
    table_text_of(|| targets.iter().map(row), all)
}

/// The table of the rows (see [`row`]) `rows` makes, made twice (once for
/// the widths, once to write them).
fn table_text_of<I>(rows: impl Fn() -> I, all: bool) -> String
where
    I: Iterator<Item = [String; 12]>,
{
    let cols: Vec<usize> = (0..HEADER.len() - 2) // without start/end
        .filter(|&c| all || HEADER[c] != "kind")
        .collect();
    let pick = |r: &[String; 12]| -> Vec<String> { cols.iter().map(|&c| r[c].clone()).collect() };
    let header = pick(&HEADER.map(str::to_string));
    super::table::aligned_twice(|| std::iter::once(header.clone()).chain(rows().map(|r| pick(&r))))
}

/// One CSV field, quoted when it must be.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The targets (with `all`, the results too) as CSV with a header row
/// (CRLF line ends, as RFC 4180 asks).
pub fn targets_csv(doc: &Document, all: bool) -> String {
    table_csv(listed(doc, &targets::extract(doc), all))
}

/// [`targets_csv`] of rows made as they are reached.
pub fn table_csv(targets: impl IntoIterator<Item = TargetOut>) -> String {
    let mut out = String::new();
    csv_record(&mut out, &HEADER.map(str::to_string));
    for t in targets {
        csv_record(&mut out, &row(&t));
    }
    out
}

/// Appends one CSV record: the fields quoted where they must be, a CRLF
/// line end (RFC 4180).
pub fn csv_record(out: &mut String, cells: &[String]) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(c));
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quoting() {
        assert_eq!(csv_field("绿地"), "绿地");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
    }

    #[test]
    fn values() {
        assert_eq!(format_value(4000.0), "4000");
        assert_eq!(format_value(1.3e12), "1300000000000");
        assert_eq!(format_value(5.5), "5.5");
    }
}
