//! The scripted views over a library: `--outline`, `--targets` and
//! `--search` on several files or directories, and `--list`.
//!
//! Reports come in the order found (the command line's, directories in
//! name order), each read through the library's cache
//! ([`crate::library`]; `--no-cache` bypasses it).
//!
//! - Text names the report on every line: `path: ` before the line the
//!   single-report view prints (the path made terminal-safe).
//! - JSON and YAML wrap the single-report objects: `{"reports": [{"source":
//!   …, …}]}` (for `--targets`, `{"source", "targets": [...]}`; for
//!   `--search`, only the reports with a hit).
//! - CSV (`--targets`, `--list`) has one header row, `source` first.
//! - Markdown: each report under its title as a heading; Org: each report
//!   a top-level heading, its outline below it.
//!
//! A report that cannot be read is one line on standard error naming it;
//! the others are still printed. Exit status: 2 if any path named or file
//! found could not be read (files found in a directory that are not
//! reports are skipped with a note and do not count); else, for
//! `--search`, 1 when no report has a hit; else 0.

use std::cell::{Cell, RefCell};
use std::io::{self, Write};
use std::process::ExitCode;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};
use unicode_width::UnicodeWidthStr;

use super::args::SortBy;
use super::output::write_serialized;
use super::{Args, CliError, Format, markdown, outline, say, search, targets, to_stdout};
use crate::document::Document;
use crate::layout::safe::visible;
use crate::library::{self, Found, Library, Loaded, Note, Options, Sort};
use crate::search::{RankedHits, SearchIndex};

/// Runs the library view the arguments ask for.
pub fn run(args: &Args, config: &crate::config::Config) -> Result<ExitCode, CliError> {
    if args.files.is_empty() {
        return Err(CliError::usage("--list needs files or directories"));
    }
    let options = Options::from_env(!args.no_cache);
    let failed = Cell::new(false);
    if args.list {
        list_view(args, &options, &failed)?;
        return Ok(status(&failed, true));
    }
    let (found, notes) = library::discover::discover(&args.files);
    for n in &notes {
        note(n, &failed);
    }
    if found.is_empty() {
        return Err(no_report(args));
    }
    let run = Run {
        found: &found,
        options: &options,
        failed: &failed,
    };
    if args.outline {
        run.outline(args.format)?;
    } else if args.targets {
        run.targets(args.format, args.all)?;
    } else {
        let query = args.search.as_deref().unwrap_or_default();
        let hit = run.search(query, config.search.pinyin, args.format)?;
        return Ok(status(&failed, hit));
    }
    Ok(status(&failed, true))
}

/// The error when the paths hold no report.
fn no_report(args: &Args) -> CliError {
    let paths: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
    CliError::usage(format!(
        "no report (.txt or .md) found in {}",
        paths.join(", ")
    ))
}

/// The exit status: 2 after an error, else 1 when nothing was found.
fn status(failed: &Cell<bool>, found: bool) -> ExitCode {
    if failed.get() {
        ExitCode::from(2)
    } else {
        ExitCode::from(u8::from(!found))
    }
}

/// Says a note; an error marks the run as failed.
fn note(n: &Note, failed: &Cell<bool>) {
    say(&n.to_string());
    if n.is_error() {
        failed.set(true);
    }
}

/// Writes `prefix` before every line written through it.
struct Prefixed<'a, W: Write> {
    out: &'a mut W,
    prefix: &'a str,
    at_start: bool,
}

impl<'a, W: Write> Prefixed<'a, W> {
    fn new(out: &'a mut W, prefix: &'a str) -> Prefixed<'a, W> {
        Prefixed {
            out,
            prefix,
            at_start: true,
        }
    }
}

impl<W: Write> Write for Prefixed<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut rest = buf;
        while !rest.is_empty() {
            if self.at_start {
                self.out.write_all(self.prefix.as_bytes())?;
                self.at_start = false;
            }
            let line = match memchr::memchr(b'\n', rest) {
                Some(i) => {
                    self.at_start = true;
                    i + 1
                }
                None => rest.len(),
            };
            self.out.write_all(&rest[..line])?;
            rest = &rest[line..];
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The line prefix naming a report: its path, terminal-safe.
fn prefix(source: &str) -> String {
    format!("{}: ", visible(source))
}

/// A sequence serialised as its items are produced (each report loaded
/// as its turn comes).
struct Lazy<I>(RefCell<Option<I>>);

impl<I: Iterator<Item = T>, T: Serialize> Serialize for Lazy<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = self.0.borrow_mut().take();
        s.collect_seq(items.into_iter().flatten())
    }
}

/// `{"reports": [...]}`.
#[derive(Serialize)]
struct Reports<R> {
    reports: R,
}

fn reports<I: Iterator<Item = T>, T: Serialize>(items: I) -> Reports<Lazy<I>> {
    Reports {
        reports: Lazy(RefCell::new(Some(items))),
    }
}

/// One report's outline in JSON/YAML, serialised as it is walked.
struct ReportOutline(Loaded);

impl Serialize for ReportOutline {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        outline::outline_out_with(&self.0.doc, &self.0.items).serialize(s)
    }
}

/// One report's targets in JSON/YAML: `source`, then `targets`, each
/// serialised as it is written.
struct ReportTargets {
    loaded: Loaded,
    all: bool,
}

impl Serialize for ReportTargets {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = &self.loaded.doc;
        let mut m = s.serialize_struct("ReportTargets", 2)?;
        m.serialize_field("source", &doc.source)?;
        let t = targets::TargetsOut::of(doc, &self.loaded.items, self.all);
        m.serialize_field("targets", &t)?;
        m.end()
    }
}

/// One report's hits in JSON/YAML: its source, then the single-report
/// object, its hits found as they are written.
struct ReportSearch<'q> {
    source: String,
    index: SearchIndex<'static>,
    query: &'q str,
    pinyin: bool,
}

impl Serialize for ReportSearch<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let out = search::SearchOut::new(&self.index, self.query, self.pinyin);
        let mut m = s.serialize_struct("ReportSearch", 4)?;
        m.serialize_field("source", &self.source)?;
        m.serialize_field("query", out.query)?;
        m.serialize_field("total", &out.total)?;
        m.serialize_field("hits", &out.hits)?;
        m.end()
    }
}

/// The reports of a run and what it has met.
struct Run<'a> {
    found: &'a [Found],
    options: &'a Options,
    failed: &'a Cell<bool>,
}

impl Run<'_> {
    /// Each report read, in order; those that cannot be are said and
    /// passed over.
    fn loaded(&self) -> impl Iterator<Item = Loaded> + '_ {
        self.found.iter().filter_map(|f| {
            match library::load::load(f, self.options.cache.as_ref()) {
                Ok(l) => {
                    warn(&l.doc);
                    Some(l)
                }
                Err(n) => {
                    note(&n, self.failed);
                    None
                }
            }
        })
    }

    fn outline(&self, format: Format) -> Result<(), CliError> {
        match format {
            Format::Csv => Err(CliError::usage(
                "--outline supports --format text, json, yaml, md or org",
            )),
            Format::Text => to_stdout(|out| {
                for l in self.loaded() {
                    let p = prefix(&l.doc.source);
                    outline::write_text(&mut Prefixed::new(out, &p), &l.doc)?;
                }
                Ok(())
            }),
            Format::Md | Format::Org => to_stdout(|out| {
                for (i, l) in self.loaded().enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    let s = if format == Format::Md {
                        markdown::outline_md(&l.doc)
                    } else {
                        markdown::outline_org_section(&l.doc)
                    };
                    out.write_all(s.as_bytes())?;
                }
                Ok(())
            }),
            f => to_stdout(|out| {
                let each = self.loaded().map(ReportOutline);
                write_serialized(out, &reports(each), f)
            }),
        }
    }

    fn targets(&self, format: Format, all: bool) -> Result<(), CliError> {
        let rows = |l: &Loaded| targets::items_out(&l.doc, &l.items, all);
        match format {
            Format::Org => Err(CliError::usage(
                "--targets supports --format text, csv, json, yaml or md",
            )),
            Format::Text => to_stdout(|out| {
                for l in self.loaded() {
                    let p = prefix(&l.doc.source);
                    let table = targets::table_text(&rows(&l), all);
                    Prefixed::new(out, &p).write_all(table.as_bytes())?;
                }
                Ok(())
            }),
            Format::Csv => to_stdout(|out| {
                let header = std::iter::once("source").chain(targets::HEADER);
                writeln_crlf(out, header.map(targets::csv_field))?;
                for l in self.loaded() {
                    let source = visible(&l.doc.source).into_owned();
                    for t in rows(&l) {
                        let cells = std::iter::once(source.clone()).chain(targets::row(&t));
                        writeln_crlf(out, cells.map(|c| targets::csv_field(&c)))?;
                    }
                }
                Ok(())
            }),
            Format::Md => to_stdout(|out| {
                for (i, l) in self.loaded().enumerate() {
                    if i > 0 {
                        out.write_all(b"\n")?;
                    }
                    out.write_all(markdown::title_md(&l.doc, 2).as_bytes())?;
                    out.write_all(b"\n")?;
                    out.write_all(markdown::table_md(rows(&l)).as_bytes())?;
                }
                Ok(())
            }),
            f => to_stdout(|out| {
                let each = self.loaded().map(|loaded| ReportTargets { loaded, all });
                write_serialized(out, &reports(each), f)
            }),
        }
    }

    /// Writes the hits of every report that has one; returns whether one
    /// had.
    fn search(&self, query: &str, pinyin: bool, format: Format) -> Result<bool, CliError> {
        if query.trim().is_empty() {
            return Err(CliError::usage("--search needs a query"));
        }
        if matches!(format, Format::Csv | Format::Md | Format::Org) {
            return Err(CliError::usage(
                "--search supports --format text, json or yaml",
            ));
        }
        let list: Vec<_> = (self.found.iter().cloned().enumerate())
            .map(|(i, f)| (i, f, None))
            .collect();
        // Only whether a report has a hit: each is then searched as it is
        // written, its hits never held.
        let with_hits =
            library::LibrarySearch::new(list, query, pinyin, self.options.cache.clone())
                .keep(1, false)
                .threads(self.options.threads)
                .filter_map(|r| match r {
                    Ok(h) => {
                        warn(&h.doc);
                        Some(h)
                    }
                    Err(n) => {
                        note(&n, self.failed);
                        None
                    }
                });
        let found = Cell::new(false);
        match format {
            Format::Text => to_stdout(|out| {
                for h in with_hits {
                    found.set(true);
                    let p = prefix(&h.source);
                    let index = SearchIndex::shared(h.doc);
                    let hits = RankedHits::new(&index, query, pinyin);
                    let mut out = Prefixed::new(out, &p);
                    search::write_text(&mut out, index.doc(), hits, search::use_colour())?;
                }
                Ok(())
            })?,
            f => to_stdout(|out| {
                let each = with_hits.map(|h| {
                    found.set(true);
                    ReportSearch {
                        source: h.source,
                        index: SearchIndex::shared(h.doc),
                        query,
                        pinyin,
                    }
                });
                write_serialized(out, &reports(each), f)
            })?,
        }
        Ok(found.get())
    }
}

/// Says a report's decoding warning (bytes replaced), as one report's
/// views do.
fn warn(doc: &Document) {
    if let Some(w) = doc.decoding.warning() {
        say(&format!("{}: {w}", doc.source));
    }
}

/// One CSV record (CRLF, as RFC 4180 asks).
fn writeln_crlf(out: &mut impl Write, cells: impl Iterator<Item = String>) -> io::Result<()> {
    let line: Vec<String> = cells.collect();
    out.write_all(line.join(",").as_bytes())?;
    out.write_all(b"\r\n")
}

/// One report of `--list` in JSON/YAML.
#[derive(Serialize)]
struct ListOut<'a> {
    source: &'a str,
    title: &'a str,
    year: Option<i32>,
    kind: Option<&'static str>,
    bytes: usize,
    targets: Option<usize>,
    results: Option<usize>,
}

/// The columns of `--list` as text and CSV.
const LIST_HEADER: [&str; 6] = ["year", "kind", "targets", "bytes", "title", "source"];

/// `--list`: the library, every report's targets counted.
fn list_view(args: &Args, options: &Options, failed: &Cell<bool>) -> Result<(), CliError> {
    let mut lib = Library::build(&args.files, options);
    for n in lib.notes() {
        note(n, failed);
    }
    if lib.is_empty() {
        return Err(no_report(args));
    }
    lib.sort(match args.sort {
        SortBy::Year => Sort::Year,
        SortBy::Title => Sort::Title,
    });
    let rows: Vec<ListOut> = lib
        .reports()
        .iter()
        .map(|r| ListOut {
            source: &r.source,
            title: &r.title,
            year: r.year,
            kind: r.kind.map(|k| k.as_str()),
            bytes: r.bytes,
            targets: r.targets,
            results: r.results,
        })
        .collect();
    let cells = |r: &ListOut| -> [String; 6] {
        let opt = |o: Option<usize>| o.map(|n| n.to_string()).unwrap_or_default();
        [
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.kind.unwrap_or_default().to_string(),
            opt(r.targets),
            r.bytes.to_string(),
            visible(r.title).into_owned(),
            visible(r.source).into_owned(),
        ]
    };
    match args.format {
        Format::Text => to_stdout(|out| {
            let table: Vec<[String; 6]> = std::iter::once(LIST_HEADER.map(str::to_string))
                .chain(rows.iter().map(cells))
                .collect();
            let mut widths = [0usize; 6];
            for r in &table {
                for (w, c) in widths.iter_mut().zip(r) {
                    *w = (*w).max(c.width());
                }
            }
            for r in &table {
                let mut line = String::new();
                for (i, c) in r.iter().enumerate() {
                    line.push_str(c);
                    if i + 1 < r.len() {
                        line.extend(std::iter::repeat_n(' ', widths[i] - c.width() + 2));
                    }
                }
                writeln!(out, "{}", line.trim_end())?;
            }
            Ok(())
        }),
        Format::Csv => to_stdout(|out| {
            writeln_crlf(out, LIST_HEADER.iter().map(|h| h.to_string()))?;
            for r in &rows {
                writeln_crlf(out, cells(r).iter().map(|c| targets::csv_field(c)))?;
            }
            Ok(())
        }),
        Format::Md | Format::Org => Err(CliError::usage(
            "--list supports --format text, json, yaml or csv",
        )),
        f => to_stdout(|out| write_serialized(out, &Reports { reports: &rows }, f)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixed_lines() {
        let mut v = Vec::new();
        {
            let mut p = Prefixed::new(&mut v, "a.txt: ");
            p.write_all(b"one\ntw").unwrap();
            p.write_all(b"o\n\nthree").unwrap();
        }
        assert_eq!(
            String::from_utf8(v).unwrap(),
            "a.txt: one\na.txt: two\na.txt: \na.txt: three"
        );
    }

    #[test]
    fn a_path_cannot_drive_the_terminal() {
        assert_eq!(prefix("a\u{1b}[2Jb.txt"), "a␛[2Jb.txt: ");
    }
}
