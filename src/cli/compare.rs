//! `--compare OLD NEW`: the rows of [`crate::compare`] as a table, CSV,
//! JSON or YAML.
//!
//! JSON and YAML are [`CompareOut`]: the two reports (source, title,
//! year) and the rows, each target and result serialised as `--targets`
//! serialises it ([`super::targets::target_out`]). The table lines up in
//! display width; CSV has a header row (RFC 4180). Report text in the
//! table and CSV shows control characters as visible stand-ins.
//!
//! When NEW is the earlier report (both years known), the two are
//! compared in time order and standard error says so.

use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::targets::{TargetOut, csv_record, target_out};
use super::{CliError, Format, emit, say, to_stdout};
use crate::compare::{self, Comparison, Order, Row};
use crate::document::Document;
use crate::layout::safe::visible;

/// One report of the comparison.
#[derive(Debug, Serialize)]
pub struct ReportOut {
    pub source: String,
    pub title: String,
    pub year: Option<i32>,
}

/// What NEW's look-back says of OLD's target.
#[derive(Debug, Serialize)]
pub struct OutcomeOut {
    /// `met`, `missed` or `unclear`.
    pub verdict: &'static str,
    pub result: TargetOut,
}

/// One measure across the two reports.
#[derive(Debug, Serialize)]
pub struct RowOut {
    pub measure: String,
    pub unit: String,
    pub old: Option<TargetOut>,
    pub new: Option<TargetOut>,
    /// `unchanged`, `changed`, `new` or `dropped`.
    pub change: &'static str,
    pub outcome: Option<OutcomeOut>,
}

/// The serde model of a comparison.
#[derive(Debug, Serialize)]
pub struct CompareOut {
    pub old: ReportOut,
    pub new: ReportOut,
    pub rows: Vec<RowOut>,
}

fn report_out(r: &compare::Side) -> ReportOut {
    ReportOut {
        source: r.source.clone(),
        title: r.title.clone(),
        year: r.year,
    }
}

/// The serde model of `c`, comparing `old` with `new`.
pub fn compare_out(c: &Comparison, old: &Document, new: &Document) -> CompareOut {
    let row = |r: &Row| RowOut {
        measure: r.measure.clone(),
        unit: r.unit.clone(),
        old: r.old.as_ref().map(|t| target_out(old, t)),
        new: r.new.as_ref().map(|t| target_out(new, t)),
        change: r.change.as_str(),
        outcome: r.outcome.as_ref().map(|o| OutcomeOut {
            verdict: o.verdict.as_str(),
            result: target_out(new, &o.result),
        }),
    };
    CompareOut {
        old: report_out(&c.old),
        new: report_out(&c.new),
        rows: c.rows.iter().map(row).collect(),
    }
}

/// A row's cells: change, measure, unit, old and new values as written,
/// verdict, the result's words, and the old and new targets' words.
fn cells(r: &Row, old: &Document, new: &Document) -> [String; 9] {
    let written = |t: &Option<crate::targets::Item>, d: &Document| {
        t.as_ref()
            .map(|t| compare::written(t, d))
            .unwrap_or_default()
    };
    let words = |t: &Option<crate::targets::Item>, d: &Document| {
        t.as_ref()
            .map(|t| t.text(d).to_string())
            .unwrap_or_default()
    };
    [
        r.change.as_str().to_string(),
        r.measure.clone(),
        r.unit.clone(),
        written(&r.old, old),
        written(&r.new, new),
        r.outcome
            .as_ref()
            .map(|o| o.verdict.as_str().to_string())
            .unwrap_or_default(),
        r.outcome
            .as_ref()
            .map(|o| o.result.text(new).to_string())
            .unwrap_or_default(),
        words(&r.old, old),
        words(&r.new, new),
    ]
    .map(|cell| visible(&cell).into_owned())
}

const HEADER: [&str; 9] = [
    "change", "measure", "unit", "old", "new", "outcome", "result", "old_text", "new_text",
];

/// The comparison as two lines naming the reports, then a table: change,
/// measure, old, new, outcome and the result's words.
pub fn compare_text(c: &Comparison, old: &Document, new: &Document) -> String {
    let name = |r: &compare::Side| {
        let year = r
            .year
            .map_or_else(|| "year unknown".to_string(), |y| y.to_string());
        visible(&format!("{}  {}  {}", year, r.title, r.source)).into_owned()
    };
    let mut out = format!("old  {}\nnew  {}\n\n", name(&c.old), name(&c.new));
    let pick = |r: &[String; 9]| -> Vec<String> {
        [0, 1, 3, 4, 5, 6].iter().map(|&i| r[i].clone()).collect()
    };
    let mut rows = vec![pick(&HEADER.map(str::to_string))];
    rows.extend(c.rows.iter().map(|r| pick(&cells(r, old, new))));
    out.push_str(&super::table::aligned(&rows));
    out
}

/// The comparison as CSV with a header row (CRLF line ends).
pub fn compare_csv(c: &Comparison, old: &Document, new: &Document) -> String {
    let mut out = String::new();
    csv_record(&mut out, &HEADER.map(str::to_string));
    for r in &c.rows {
        csv_record(&mut out, &cells(r, old, new));
    }
    out
}

/// OLD and NEW, checked: two of them, standard input at most one.
pub fn two(paths: &[PathBuf]) -> Result<[&PathBuf; 2], CliError> {
    let [a, b] = paths else {
        return Err(CliError::usage("--compare needs two reports: OLD NEW"));
    };
    if a.as_os_str() == "-" && b.as_os_str() == "-" {
        return Err(CliError::usage(
            "--compare: standard input (-) can be only one of OLD and NEW",
        ));
    }
    Ok([a, b])
}

/// Loads OLD and NEW, puts them in time order (saying so when they were
/// not), and prints the comparison.
pub fn view(paths: &[PathBuf], format: Format) -> Result<ExitCode, CliError> {
    let [a, b] = two(paths)?;
    if matches!(format, Format::Md | Format::Org) {
        return Err(CliError::usage(
            "--compare supports --format text, csv, json or yaml",
        ));
    }
    let mut old = Document::open(a)?;
    let mut new = Document::open(b)?;
    for d in [&old, &new] {
        if let Some(w) = d.decoding.warning() {
            say(&format!("{}: {w}", d.source));
        }
    }
    if compare::order(&old, &new) == Order::Reversed {
        std::mem::swap(&mut old, &mut new);
        let year = |d: &Document| {
            crate::targets::report_year(d).map_or_else(String::new, |y| y.to_string())
        };
        say(&format!(
            "{} ({}) is older than {} ({}): compared in time order, {} → {}",
            old.source,
            year(&old),
            new.source,
            year(&new),
            year(&old),
            year(&new)
        ));
    }
    let c = compare::compare(&old, &new);
    match format {
        Format::Text => emit(&compare_text(&c, &old, &new))?,
        Format::Csv => emit(&compare_csv(&c, &old, &new))?,
        f => {
            to_stdout(|out| super::output::write_serialized(out, &compare_out(&c, &old, &new), f))?
        }
    }
    Ok(ExitCode::SUCCESS)
}
