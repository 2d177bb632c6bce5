//! Issue 10's proof: scores the outline and the targets of every corpus report
//! and the seed against the hand-written expectations in
//! `tests/fixtures/expect/` (the format is described in
//! `tests/fixtures/README.md`).
//!
//! The pipeline: find the fixtures (every `expect/<stem>.outline`), read the
//! expectations (`parse_outline`, `load_targets`), turn the crate's output
//! into scoring items (`actual_nodes`, `items` — the one adapter), score
//! (`score_outline`: longest common subsequence of agreeing lines;
//! `score_targets`: one-to-one matching of quantities inside quotes), then
//! print one table and check the goals.
//!
//! `cargo test --test corpus_score -- --include-ignored --nocapture` prints
//! the table and runs the goal test; `CORPUS_SCORE_DETAIL=1` adds the
//! missed and extra outline lines of each report.

use std::ops::Range;
use std::path::{Path, PathBuf};

use gangmu::document::Document;
use serde::Deserialize;

// ---------------------------------------------------------------- fixtures

/// One report with its expectations.
struct Fixture {
    stem: String,
    text_path: PathBuf,
    outline_path: PathBuf,
    targets_path: PathBuf,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn expect_dir() -> PathBuf {
    root().join("tests/fixtures/expect")
}

/// Every report that has an outline expectation, by stem. The text is
/// `tests/fixtures/<stem>.txt`, or `assets/<stem>.txt` for the seed.
fn fixtures() -> Vec<Fixture> {
    let mut stems: Vec<String> = std::fs::read_dir(expect_dir())
        .expect("tests/fixtures/expect exists")
        .map(|e| e.expect("readable dir entry").file_name())
        .filter_map(|n| n.to_str()?.strip_suffix(".outline").map(str::to_string))
        .collect();
    stems.sort();
    stems
        .into_iter()
        .map(|stem| {
            let corpus = root().join(format!("tests/fixtures/{stem}.txt"));
            let text_path = if corpus.exists() {
                corpus
            } else {
                root().join(format!("assets/{stem}.txt"))
            };
            Fixture {
                outline_path: expect_dir().join(format!("{stem}.outline")),
                targets_path: expect_dir().join(format!("{stem}.targets.yaml")),
                text_path,
                stem,
            }
        })
        .collect()
}

fn open(f: &Fixture) -> Document {
    let bytes =
        std::fs::read(&f.text_path).unwrap_or_else(|e| panic!("{}: {e}", f.text_path.display()));
    Document::from_bytes(f.stem.clone(), &bytes).expect("the report decodes")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------- outlines

const KINDS: [&str; 9] = [
    "preamble",
    "contents",
    "theme",
    "section",
    "point",
    "closing",
    "heading",
    "paragraph",
    "bullet",
];

/// One line of an outline: expected (from a file) or actual (from the parser).
#[derive(Clone, Debug, PartialEq)]
struct Line {
    depth: usize,
    kind: String,
    marker: Option<String>,
    title: String,
    /// 1-based line in the expectation file (0 for actual nodes).
    at: usize,
}

/// Reads `kind marker | title` lines indented two spaces a level; `#` lines
/// and blank lines are skipped.
fn parse_outline(src: &str) -> Result<Vec<Line>, String> {
    let mut out: Vec<Line> = Vec::new();
    for (i, raw) in src.lines().enumerate() {
        let at = i + 1;
        let trimmed = raw.trim_start_matches(' ');
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let line = parse_line(raw, at)?;
        let limit = out.last().map_or(0, |p| p.depth + 1);
        if line.depth > limit {
            return Err(format!(
                "line {at}: depth {} after depth {} (steps of at most +1, the first at 0)",
                line.depth,
                limit.saturating_sub(1)
            ));
        }
        out.push(line);
    }
    if out.is_empty() {
        return Err("no nodes".into());
    }
    Ok(out)
}

fn parse_line(raw: &str, at: usize) -> Result<Line, String> {
    let body = raw.trim_start_matches(' ');
    let indent = raw.len() - body.len();
    if indent % 2 != 0 {
        return Err(format!("line {at}: odd indentation ({indent} spaces)"));
    }
    let (head, title) = body
        .split_once(" |")
        .ok_or_else(|| format!("line {at}: no ` | ` between kind and title"))?;
    let title = title.strip_prefix(' ').unwrap_or(title);
    let (kind, marker) = match head.split_once(' ') {
        Some((k, m)) => (k, Some(m.trim().to_string())),
        None => (head, None),
    };
    if !KINDS.contains(&kind) {
        return Err(format!("line {at}: unknown kind {kind:?}"));
    }
    if marker.as_deref() == Some("") {
        return Err(format!("line {at}: empty marker"));
    }
    Ok(Line {
        depth: indent / 2,
        kind: kind.to_string(),
        marker,
        title: title.to_string(),
        at,
    })
}

/// The parser's outline as lines.
fn actual_nodes(doc: &Document) -> Vec<Line> {
    (0..doc.outline.len())
        .map(|id| Line {
            depth: doc.outline.depth(id),
            kind: doc.outline.kind(id).as_str().to_string(),
            marker: doc.node_marker(id).map(str::to_string),
            title: doc.display_title(id).into_owned(),
            at: 0,
        })
        .collect()
}

/// Whitespace and Markdown `*` removed.
fn squeeze(s: &str) -> Vec<char> {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect()
}

/// Titles agree when their first n characters are equal, n = min(8, both
/// lengths), whitespace and `*` ignored; an empty title agrees only with an
/// empty one.
fn titles_agree(a: &str, b: &str) -> bool {
    let (a, b) = (squeeze(a), squeeze(b));
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    let n = 8.min(a.len()).min(b.len());
    a[..n] == b[..n]
}

fn markers_agree(a: Option<&str>, b: Option<&str>) -> bool {
    let norm = |m: Option<&str>| m.map(squeeze).unwrap_or_default();
    norm(a) == norm(b)
}

/// An expected line and an actual node agree: same kind, depth and marker,
/// and agreeing titles.
fn lines_agree(e: &Line, a: &Line) -> bool {
    e.kind == a.kind
        && e.depth == a.depth
        && markers_agree(e.marker.as_deref(), a.marker.as_deref())
        && titles_agree(&e.title, &a.title)
}

/// Pairs (expected index, actual index) of a longest common subsequence of
/// agreeing lines, in order.
fn align(expected: &[Line], actual: &[Line]) -> Vec<(usize, usize)> {
    let (n, m) = (expected.len(), actual.len());
    // best[i][j]: LCS length of expected[i..] and actual[j..].
    let mut best = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            best[i][j] = if lines_agree(&expected[i], &actual[j]) {
                best[i + 1][j + 1] + 1
            } else {
                best[i + 1][j].max(best[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut pairs) = (0, 0, Vec::new());
    while i < n && j < m {
        if lines_agree(&expected[i], &actual[j]) && best[i][j] == best[i + 1][j + 1] + 1 {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if best[i + 1][j] >= best[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}

struct OutlineScore {
    expected: usize,
    aligned: usize,
    extra: usize,
    /// Expected lines no node agreed with.
    missed: Vec<Line>,
    /// Actual nodes no expected line agreed with.
    unexpected: Vec<Line>,
}

fn score_outline(expected: &[Line], actual: &[Line]) -> OutlineScore {
    let pairs = align(expected, actual);
    let hit_e: Vec<usize> = pairs.iter().map(|p| p.0).collect();
    let hit_a: Vec<usize> = pairs.iter().map(|p| p.1).collect();
    let missed = (0..expected.len())
        .filter(|i| !hit_e.contains(i))
        .map(|i| expected[i].clone())
        .collect();
    let unexpected = (0..actual.len())
        .filter(|j| !hit_a.contains(j))
        .map(|j| actual[j].clone())
        .collect();
    OutlineScore {
        expected: expected.len(),
        aligned: pairs.len(),
        extra: actual.len() - pairs.len(),
        missed,
        unexpected,
    }
}

fn render(l: &Line) -> String {
    let marker = l
        .marker
        .as_deref()
        .map(|m| format!(" {m}"))
        .unwrap_or_default();
    format!("{}{}{marker} | {}", "  ".repeat(l.depth), l.kind, l.title)
}

// ---------------------------------------------------------------- targets

/// `<stem>.targets.yaml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetsFile {
    source: String,
    report_year: Option<i32>,
    #[serde(default)]
    lookback: Vec<Lookback>,
    /// Hand count of the quantities reported as done.
    results: Option<usize>,
    #[serde(default)]
    targets: Vec<ExpectedTarget>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Lookback {
    from: String,
    to: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedTarget {
    quote: String,
    /// 1-based occurrence of `quote` when it is not unique.
    nth: Option<usize>,
    quantity: String,
    subject: String,
    value: f64,
    unit: String,
    #[allow(dead_code)] // documented in the schema; not scored yet
    qualifier: Option<String>,
    year: Option<i32>,
}

/// `<stem>.targets.yaml` if it exists (`Ok(None)` when it does not yet).
fn load_targets(f: &Fixture) -> Result<Option<TargetsFile>, String> {
    if !f.targets_path.exists() {
        return Ok(None);
    }
    serde_yaml::from_str(&read(&f.targets_path))
        .map(Some)
        .map_err(|e| format!("{}: {e}", f.targets_path.display()))
}

/// Whether an item is a commitment or something reported as done.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ItemKind {
    Target,
    Result,
}

/// One extracted quantity as the scorer sees it.
#[derive(Clone, Debug)]
struct Item {
    /// Byte range of the number and unit in the text.
    quantity: Range<usize>,
    quantity_text: String,
    kind: ItemKind,
    subject: String,
    value: f64,
    unit: String,
    year: Option<i32>,
}

/// THE adapter from the crate's extraction to scoring items: the only place
/// that knows the crate's target API: every extracted item, a target or a
/// result, with its year.
fn items(doc: &Document) -> Vec<Item> {
    gangmu::targets::extract(doc)
        .iter()
        .map(|t| Item {
            quantity: t.quantity.clone(),
            quantity_text: t.quantity(doc).to_string(),
            kind: match t.kind {
                gangmu::targets::Kind::Target => ItemKind::Target,
                gangmu::targets::Kind::Result => ItemKind::Result,
            },
            subject: t.subject(doc),
            value: t.value,
            unit: t.unit.clone(),
            year: t.year,
        })
        .collect()
}

/// Byte ranges of every occurrence of `needle` in `hay`.
fn occurrences(hay: &str, needle: &str) -> Vec<Range<usize>> {
    if needle.is_empty() {
        return Vec::new();
    }
    hay.match_indices(needle)
        .map(|(i, s)| i..i + s.len())
        .collect()
}

/// The occurrence of a target's quote: the only one, or the `nth`.
fn quote_range(text: &str, t: &ExpectedTarget) -> Result<Range<usize>, String> {
    let all = occurrences(text, &t.quote);
    let pick = match t.nth {
        None if all.len() == 1 => all.into_iter().next(),
        None if all.is_empty() => None,
        None => {
            return Err(format!(
                "quote {:?} occurs {} times (add nth)",
                t.quote,
                all.len()
            ));
        }
        Some(0) => return Err(format!("quote {:?}: nth is 1-based", t.quote)),
        Some(n) => all.into_iter().nth(n - 1),
    };
    pick.ok_or_else(|| format!("quote {:?} (nth {:?}) not found", t.quote, t.nth))
}

/// Start of the only line that begins (after spaces) with `start`.
fn line_start(text: &str, start: &str) -> Result<usize, String> {
    let hits: Vec<usize> = occurrences(text, start)
        .into_iter()
        .map(|r| r.start)
        .filter(|&i| {
            let before = text[..i].trim_end_matches([' ', '\t', '\u{3000}']);
            before.is_empty() || before.ends_with('\n')
        })
        .collect();
    match hits.as_slice() {
        [one] => Ok(*one),
        [] => Err(format!("lookback {start:?} starts no line")),
        _ => Err(format!("lookback {start:?} starts {} lines", hits.len())),
    }
}

/// The byte ranges of the look-back parts.
fn lookback_ranges(text: &str, parts: &[Lookback]) -> Result<Vec<Range<usize>>, String> {
    parts
        .iter()
        .map(|p| {
            let from = line_start(text, &p.from)?;
            let to = match &p.to {
                Some(to) => line_start(text, to)?,
                None => text.len(),
            };
            if to <= from {
                return Err(format!("lookback {:?}: `to` is not after `from`", p.from));
            }
            Ok(from..to)
        })
        .collect()
}

fn inside(inner: &Range<usize>, outer: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// A maximum one-to-one matching: `edges[e]` lists the items expected target
/// `e` may match; returns, per expected target, its item.
fn match_one_to_one(edges: &[Vec<usize>], n_items: usize) -> Vec<Option<usize>> {
    fn augment(
        e: usize,
        edges: &[Vec<usize>],
        seen: &mut [bool],
        owner: &mut [Option<usize>],
    ) -> bool {
        for &it in &edges[e] {
            if seen[it] {
                continue;
            }
            seen[it] = true;
            if owner[it].is_none_or(|o| augment(o, edges, seen, owner)) {
                owner[it] = Some(e);
                return true;
            }
        }
        false
    }
    let mut owner: Vec<Option<usize>> = vec![None; n_items];
    for e in 0..edges.len() {
        let mut seen = vec![false; n_items];
        augment(e, edges, &mut seen, &mut owner);
    }
    let mut out = vec![None; edges.len()];
    for (it, o) in owner.iter().enumerate() {
        if let Some(e) = o {
            out[*e] = Some(it);
        }
    }
    out
}

#[derive(Default)]
struct TargetScore {
    expected: usize,
    extracted: usize,
    matched: usize,
    results_as_targets: usize,
    results_got: usize,
    results_expected: Option<usize>,
    subjects_right: usize,
    values_right: usize,
    units_right: usize,
    years_right: usize,
    /// Expected targets no extracted target matched: `quote [quantity]`.
    missed: Vec<String>,
    /// Extracted targets that match no expected target, with their context
    /// (and whether they sit in a look-back part).
    false_targets: Vec<String>,
    /// Matched targets whose subject, value, unit or year differ.
    wrong_fields: Vec<String>,
}

/// Up to `n` characters either side of `r` in `text`, the quantity marked
/// with «»: where an item sits, for the detail listing.
fn context(text: &str, r: &Range<usize>, n: usize) -> String {
    let before: String = {
        let mut v: Vec<char> = text[..r.start].chars().rev().take(n).collect();
        v.reverse();
        v.into_iter().collect()
    };
    let after: String = text[r.end..].chars().take(n).collect();
    format!("{before}«{}»{after}", &text[r.clone()]).replace(['\r', '\n'], " ")
}

fn score_targets(text: &str, file: &TargetsFile, items: &[Item]) -> Result<TargetScore, String> {
    let quotes = file
        .targets
        .iter()
        .map(|t| quote_range(text, t))
        .collect::<Result<Vec<_>, _>>()?;
    let lookback = lookback_ranges(text, &file.lookback)?;
    let targets: Vec<&Item> = items
        .iter()
        .filter(|i| i.kind == ItemKind::Target)
        .collect();
    let edges: Vec<Vec<usize>> = file
        .targets
        .iter()
        .zip(&quotes)
        .map(|(t, q)| {
            (0..targets.len())
                .filter(|&k| {
                    squeeze(&targets[k].quantity_text) == squeeze(&t.quantity)
                        && inside(&targets[k].quantity, q)
                })
                .collect()
        })
        .collect();
    let matching = match_one_to_one(&edges, targets.len());
    let mut s = TargetScore {
        expected: file.targets.len(),
        extracted: targets.len(),
        results_got: items.iter().filter(|i| i.kind == ItemKind::Result).count(),
        results_expected: file.results,
        ..TargetScore::default()
    };
    for (t, m) in file.targets.iter().zip(&matching) {
        let Some(k) = *m else {
            s.missed.push(format!("{} [{}]", t.quote, t.quantity));
            continue;
        };
        let item = targets[k];
        s.matched += 1;
        let subject = squeeze(&item.subject) == squeeze(&t.subject);
        let value = same_value(item.value, t.value);
        let unit = item.unit == t.unit;
        let year = item.year == t.year;
        s.subjects_right += usize::from(subject);
        s.values_right += usize::from(value);
        s.units_right += usize::from(unit);
        s.years_right += usize::from(year);
        let mut wrong = Vec::new();
        if !subject {
            wrong.push(format!(
                "subject {:?} (hand: {:?})",
                item.subject, t.subject
            ));
        }
        if !value {
            wrong.push(format!("value {} (hand: {})", item.value, t.value));
        }
        if !unit {
            wrong.push(format!("unit {:?} (hand: {:?})", item.unit, t.unit));
        }
        if !year {
            wrong.push(format!("year {:?} (hand: {:?})", item.year, t.year));
        }
        if !wrong.is_empty() {
            s.wrong_fields.push(format!(
                "{} [{}]: {}",
                t.quote,
                t.quantity,
                wrong.join(", ")
            ));
        }
    }
    for (k, item) in targets.iter().enumerate() {
        if matching.contains(&Some(k)) {
            continue;
        }
        let in_lookback = lookback.iter().any(|r| inside(&item.quantity, r));
        s.results_as_targets += usize::from(in_lookback);
        s.false_targets.push(format!(
            "{}{} (subject {:?})",
            context(text, &item.quantity, 12),
            if in_lookback { " [in look-back]" } else { "" },
            item.subject
        ));
    }
    Ok(s)
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

// ---------------------------------------------------------------- report

struct Score {
    stem: String,
    outline: OutlineScore,
    /// `None`: no targets file yet.
    targets: Option<TargetScore>,
}

fn score(f: &Fixture) -> Score {
    let doc = open(f);
    let expected = parse_outline(&read(&f.outline_path))
        .unwrap_or_else(|e| panic!("{}: {e}", f.outline_path.display()));
    let outline = score_outline(&expected, &actual_nodes(&doc));
    let targets = load_targets(f)
        .unwrap_or_else(|e| panic!("{e}"))
        .map(|file| {
            score_targets(&doc.text, &file, &items(&doc))
                .unwrap_or_else(|e| panic!("{}: {e}", f.targets_path.display()))
        });
    Score {
        stem: f.stem.clone(),
        outline,
        targets,
    }
}

fn pct(num: usize, den: usize) -> String {
    if den == 0 {
        "—".into()
    } else {
        format!("{:.0}%", 100.0 * num as f64 / den as f64)
    }
}

/// `n/d p%`.
fn frac(n: usize, d: usize) -> String {
    format!("{n}/{d} {}", pct(n, d))
}

/// The target columns of one row (or of the corpus total).
fn target_cells(t: &TargetScore) -> [String; 5] {
    let hand = t.results_expected.map_or("—".into(), |n| n.to_string());
    [
        frac(t.matched, t.extracted),
        frac(t.matched, t.expected),
        t.results_as_targets.to_string(),
        format!("{}/{hand}", t.results_got),
        format!(
            "{}/{}/{}/{} of {}",
            t.subjects_right, t.values_right, t.units_right, t.years_right, t.matched
        ),
    ]
}

fn row(cells: &[String]) -> String {
    const WIDTHS: [usize; 8] = [58, 14, 5, 16, 14, 10, 9, 0];
    let mut out = String::new();
    for (i, (c, w)) in cells.iter().zip(WIDTHS).enumerate() {
        out.push_str(&if i == 0 {
            format!("{c:<w$}")
        } else {
            format!(" {c:>w$}")
        });
    }
    out.trim_end().to_string() + "\n"
}

/// The corpus total of the scored reports.
fn total(scores: &[Score]) -> TargetScore {
    let mut t = TargetScore::default();
    for s in scores.iter().filter_map(|s| s.targets.as_ref()) {
        t.expected += s.expected;
        t.extracted += s.extracted;
        t.matched += s.matched;
        t.results_as_targets += s.results_as_targets;
        t.results_got += s.results_got;
        t.results_expected =
            Some(t.results_expected.unwrap_or(0) + s.results_expected.unwrap_or(0));
        t.subjects_right += s.subjects_right;
        t.values_right += s.values_right;
        t.units_right += s.units_right;
        t.years_right += s.years_right;
    }
    t
}

/// One line per report and a total, labelled `total_label` (`corpus`, `held out`).
fn table(scores: &[Score], total_label: &str) -> String {
    let head = [
        "document",
        "headings right",
        "extra",
        "target precision",
        "recall",
        "res-as-tgt",
        "results",
        "subj/value/unit/year right",
    ];
    let mut out = row(&head.map(String::from));
    for s in scores {
        let o = &s.outline;
        let mut cells = vec![
            s.stem.clone(),
            frac(o.aligned, o.expected),
            o.extra.to_string(),
        ];
        match &s.targets {
            Some(t) => cells.extend(target_cells(t)),
            None => cells.push("targets: no file yet, skipped".into()),
        }
        out.push_str(&row(&cells));
    }
    let with = scores.iter().filter(|s| s.targets.is_some()).count();
    let (a, e, x) = scores.iter().fold((0, 0, 0), |(a, e, x), s| {
        (
            a + s.outline.aligned,
            e + s.outline.expected,
            x + s.outline.extra,
        )
    });
    let mut cells = vec![
        format!("{total_label} ({with} of {} with targets)", scores.len()),
        frac(a, e),
        x.to_string(),
    ];
    cells.extend(target_cells(&total(scores)));
    out.push_str(&row(&cells));
    out
}

fn detail(scores: &[Score]) -> String {
    let mut out = String::new();
    for s in scores {
        for l in &s.outline.missed {
            out.push_str(&format!(
                "{} missed  (line {}): {}\n",
                s.stem,
                l.at,
                render(l)
            ));
        }
        for l in &s.outline.unexpected {
            out.push_str(&format!("{} extra: {}\n", s.stem, render(l)));
        }
        let Some(t) = &s.targets else { continue };
        for m in &t.missed {
            out.push_str(&format!("{} target missed: {m}\n", s.stem));
        }
        for f in &t.false_targets {
            out.push_str(&format!("{} false target: {f}\n", s.stem));
        }
        for w in &t.wrong_fields {
            out.push_str(&format!("{} target fields: {w}\n", s.stem));
        }
    }
    out
}

/// Every way the scores fall short of issue 10's goals.
fn shortfalls(scores: &[Score]) -> Vec<String> {
    let mut out = Vec::new();
    let ratio = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    for s in scores {
        let o = &s.outline;
        if o.aligned != o.expected || o.extra != 0 {
            out.push(format!(
                "{}: headings {}/{} right, {} extra",
                s.stem, o.aligned, o.expected, o.extra
            ));
        }
        let Some(t) = &s.targets else {
            out.push(format!("{}: no targets file", s.stem));
            continue;
        };
        if t.expected >= 5 && ratio(t.matched, t.expected) < 0.95 {
            out.push(format!("{}: recall {}", s.stem, pct(t.matched, t.expected)));
        }
        if t.expected >= 5 && ratio(t.matched, t.extracted) < 0.95 {
            out.push(format!(
                "{}: precision {}",
                s.stem,
                pct(t.matched, t.extracted)
            ));
        }
        if t.results_as_targets > 0 {
            out.push(format!(
                "{}: {} results listed as targets",
                s.stem, t.results_as_targets
            ));
        }
        // ±25% of the hand count, and at least ±2 so a report with a
        // handful of results (or none) is not held to an exact count.
        if let Some(n) = t.results_expected {
            let n = n as f64;
            let (lo, hi) = ((n * 0.75).min(n - 2.0), (n * 1.25).max(n + 2.0));
            if !(lo..=hi).contains(&(t.results_got as f64)) {
                out.push(format!(
                    "{}: {} results, hand count {n} (±25%, at least ±2)",
                    s.stem, t.results_got
                ));
            }
        }
    }
    let t = total(scores);
    if ratio(t.matched, t.expected) < 0.95 || ratio(t.matched, t.extracted) < 0.95 {
        out.push(format!(
            "corpus: precision {}, recall {}",
            pct(t.matched, t.extracted),
            pct(t.matched, t.expected)
        ));
    }
    out
}

/// Held-out reports (tests/fixtures/HELDOUT.md): real reports whose
/// expectations were written by reading them before gangmu was run on them,
/// to measure the rules on reports they were not tuned on. Their rows are
/// printed (in a table of their own) but kept out of the goal assertion
/// until they meet the goals; the lead removes a stem when the fixes for it
/// land. A listed stem that meets every goal fails the test, so the list
/// cannot go stale and hide a later regression.
const HELD_OUT_NOT_YET_MET: &[&str] = &[];

/// The report's own shortfalls (the corpus-wide line left out).
fn own_shortfalls(s: &Score) -> Vec<String> {
    shortfalls(std::slice::from_ref(s))
        .into_iter()
        .filter(|l| !l.starts_with("corpus:"))
        .collect()
}

#[test]
fn corpus_meets_the_goals() {
    let all = fixtures();
    assert!(all.len() >= 8, "the seven corpus reports and the seed");
    for stem in HELD_OUT_NOT_YET_MET {
        assert!(
            all.iter().any(|f| f.stem == *stem),
            "HELD_OUT_NOT_YET_MET names {stem}, which has no fixture"
        );
    }
    let (held, asserted): (Vec<Score>, Vec<Score>) = all
        .iter()
        .map(score)
        .partition(|s| HELD_OUT_NOT_YET_MET.contains(&s.stem.as_str()));
    println!("{}", table(&asserted, "corpus"));
    if !held.is_empty() {
        println!("held out (HELD_OUT_NOT_YET_MET: printed, not asserted)");
        println!("{}", table(&held, "held out"));
    }
    if std::env::var_os("CORPUS_SCORE_DETAIL").is_some() {
        println!("{}", detail(&asserted));
        println!("{}", detail(&held));
    }
    let mut short = shortfalls(&asserted);
    for s in held.iter().filter(|s| own_shortfalls(s).is_empty()) {
        short.push(format!(
            "{} meets the goals now: remove it from HELD_OUT_NOT_YET_MET",
            s.stem
        ));
    }
    assert!(short.is_empty(), "below the goals:\n{}", short.join("\n"));
}

// ---------------------------------------------------------------- fixtures are well-formed

/// Every expected title (but the contents label) is in the text, in order,
/// whitespace and `*` ignored: catches a mistyped or misplaced line.
fn titles_in_order(text: &str, lines: &[Line]) -> Result<(), String> {
    let hay = squeeze(text);
    let mut from = 0;
    for l in lines.iter().filter(|l| l.kind != "contents") {
        let needle = squeeze(&l.title);
        if needle.is_empty() {
            continue;
        }
        let found = hay
            .get(from..)
            .and_then(|rest| rest.windows(needle.len()).position(|w| *w == needle[..]))
            .map(|i| from + i);
        match found {
            Some(i) => from = i + needle.len(),
            None => {
                return Err(format!(
                    "line {}: title {:?} not found after the previous one",
                    l.at, l.title
                ));
            }
        }
    }
    Ok(())
}

fn check_targets_file(text: &str, source: &str, file: &TargetsFile) -> Vec<String> {
    let mut errs = Vec::new();
    if file.source != source {
        errs.push(format!("source {:?}, expected {source:?}", file.source));
    }
    if let Some(y) = file.report_year.filter(|y| !(1949..=2100).contains(y)) {
        errs.push(format!("report_year {y}"));
    }
    for t in &file.targets {
        match quote_range(text, t) {
            Err(e) => errs.push(e),
            Ok(q) if !text[q.clone()].contains(&t.quantity) || t.quantity.is_empty() => {
                errs.push(format!(
                    "quantity {:?} is not inside {:?}",
                    t.quantity, t.quote
                ));
            }
            Ok(_) => {}
        }
        if !t.value.is_finite() || t.unit.is_empty() {
            errs.push(format!(
                "{:?}: value {} unit {:?}",
                t.quote, t.value, t.unit
            ));
        }
    }
    if let Err(e) = lookback_ranges(text, &file.lookback) {
        errs.push(e);
    }
    errs
}

#[test]
fn fixtures_are_well_formed() {
    let all = fixtures();
    let stems: Vec<&str> = all.iter().map(|f| f.stem.as_str()).collect();
    assert!(
        stems.contains(&"minhang-2024-07-24"),
        "the seed has an outline"
    );
    // Every corpus text in tests/fixtures has an outline expectation.
    for e in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        if let Some(stem) = name.strip_suffix(".txt") {
            assert!(stems.contains(&stem), "{name} has no expect/{stem}.outline");
        }
    }
    assert!(all.len() >= 8, "{stems:?}");
    let mut errs = Vec::new();
    for f in &all {
        let doc = open(f);
        match parse_outline(&read(&f.outline_path)) {
            Err(e) => errs.push(format!("{}.outline: {e}", f.stem)),
            Ok(lines) => {
                if let Err(e) = titles_in_order(&doc.text, &lines) {
                    errs.push(format!("{}.outline: {e}", f.stem));
                }
            }
        }
        match load_targets(f) {
            Err(e) => errs.push(e),
            Ok(None) => {}
            Ok(Some(file)) => {
                let source = format!("{}.txt", f.stem);
                for e in check_targets_file(&doc.text, &source, &file) {
                    errs.push(format!("{}.targets.yaml: {e}", f.stem));
                }
            }
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

// ---------------------------------------------------------------- the scorer's own tests

fn line(depth: usize, kind: &str, marker: Option<&str>, title: &str) -> Line {
    Line {
        depth,
        kind: kind.into(),
        marker: marker.map(str::to_string),
        title: title.into(),
        at: 0,
    }
}

#[test]
fn titles_agree_on_the_first_eight_characters() {
    assert!(titles_agree(
        "大力推进现代化产业体系建设",
        "大力推进现代化产业体系，加快"
    ));
    assert!(!titles_agree(
        "大力推进现代化产业体系建设",
        "大力推进现代化工业体系建设"
    ));
    // Whitespace and `*` do not count.
    assert!(titles_agree("序 言", "**序言**"));
    assert!(titles_agree("弘 扬“四气” 提 振", "弘扬“四气”提振精神"));
    // A short title is compared on its own length.
    assert!(titles_agree("总体要求", "总体要求和主要目标"));
    assert!(!titles_agree("总体要求", "总体目标"));
    // Empty agrees only with empty.
    assert!(titles_agree("", " "));
    assert!(!titles_agree("", "目录"));
    assert!(!titles_agree("目录", ""));
}

#[test]
fn lines_agree_on_kind_depth_and_marker() {
    let e = line(1, "heading", Some("(十 八)"), "全面提高高等教育质量");
    assert!(lines_agree(
        &e,
        &line(1, "heading", Some("(十八)"), "全面提高高等教育质量。高等")
    ));
    assert!(!lines_agree(
        &e,
        &line(2, "heading", Some("(十八)"), "全面提高高等教育质量")
    ));
    assert!(!lines_agree(
        &e,
        &line(1, "point", Some("(十八)"), "全面提高高等教育质量")
    ));
    assert!(!lines_agree(
        &e,
        &line(1, "heading", Some("(十九)"), "全面提高高等教育质量")
    ));
    assert!(!lines_agree(
        &e,
        &line(1, "heading", None, "全面提高高等教育质量")
    ));
}

#[test]
fn alignment_counts_right_and_extra_and_reports_mismatches() {
    let expected = vec![
        line(0, "preamble", None, "政府工作报告"),
        line(0, "heading", Some("一、"), "总体要求"),
        line(1, "heading", Some("（一）"), "指导思想"),
        line(0, "heading", Some("二、"), "提高发展质量效益"),
        line(1, "heading", Some("（五）"), "大力提升自主创新能力"),
    ];
    // Identical: all right, none extra.
    let s = score_outline(&expected, &expected);
    assert_eq!((s.aligned, s.extra), (5, 0));
    // The contents swallowed the body, （五） went under 一、 at the wrong
    // depth, and one node is extra.
    let actual = vec![
        line(0, "preamble", None, "政府工作报告"),
        line(0, "contents", None, "目录"),
        line(0, "heading", Some("一、"), "总体要求"),
        line(1, "heading", Some("（一）"), "指导思想"),
        line(0, "heading", Some("二、"), "提高发展质量效益"),
        line(2, "heading", Some("（五）"), "大力提升自主创新能力"),
    ];
    let s = score_outline(&expected, &actual);
    assert_eq!(s.expected, 5);
    assert_eq!(s.aligned, 4);
    assert_eq!(s.extra, 2);
    assert_eq!(s.missed, vec![expected[4].clone()]);
    assert_eq!(s.unexpected.len(), 2);
    assert_eq!(s.unexpected[0].kind, "contents");
    // Order matters: a swapped pair aligns only one of the two.
    let swapped = vec![
        expected[0].clone(),
        expected[3].clone(),
        expected[1].clone(),
    ];
    let s = score_outline(&expected[..4], &swapped);
    assert_eq!(s.aligned, 2);
    assert_eq!(s.extra, 1);
    // Nothing produced: nothing right.
    assert_eq!(score_outline(&expected, &[]).aligned, 0);
}

#[test]
fn outline_files_are_parsed_strictly() {
    let ok = "# comment\npreamble | 标题\nheading 一、 | 总则\n  heading (十 八) | 质量\n\n    bullet —— | 坚持\nclosing | \n";
    let lines = parse_outline(ok).unwrap();
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[2].marker.as_deref(), Some("(十 八)"));
    assert_eq!((lines[3].depth, lines[3].kind.as_str()), (2, "bullet"));
    assert_eq!(lines[4].title, "");
    assert_eq!(lines[0].at, 2);
    assert!(parse_outline("preamble | 标题\n    heading 一、 | 跳级\n").is_err());
    assert!(parse_outline("  heading 一、 | 先缩进\n").is_err());
    assert!(parse_outline("preamble | 标题\n heading 一、 | 奇数\n").is_err());
    assert!(parse_outline("title | 标题\n").is_err());
    assert!(parse_outline("preamble 标题\n").is_err());
    assert!(parse_outline("# only comments\n").is_err());
}

#[test]
fn titles_in_order_finds_a_misplaced_line() {
    let text = "标题\n一、总 则\n内容。\n二、目标\n";
    let good = [
        line(0, "preamble", None, "标题"),
        line(0, "heading", Some("一、"), "总则"),
    ];
    assert!(titles_in_order(text, &good).is_ok());
    let swapped = [
        line(0, "heading", Some("二、"), "目标"),
        line(0, "heading", Some("一、"), "总则"),
    ];
    assert!(titles_in_order(text, &swapped).is_err());
    assert!(titles_in_order(text, &[line(0, "heading", None, "没有")]).is_err());
}

fn target(quote: &str, quantity: &str, nth: Option<usize>) -> ExpectedTarget {
    ExpectedTarget {
        quote: quote.into(),
        nth,
        quantity: quantity.into(),
        subject: "国内生产总值".into(),
        value: 5.0,
        unit: "%".into(),
        qualifier: None,
        year: Some(2024),
    }
}

fn item(text: &str, quantity: &str, nth: usize) -> Item {
    let r = occurrences(text, quantity)[nth].clone();
    Item {
        quantity: r,
        quantity_text: quantity.into(),
        kind: ItemKind::Target,
        subject: "国内生产总值".into(),
        value: 5.0,
        unit: "%".into(),
        year: None,
    }
}

#[test]
fn quotes_and_lookbacks_are_located_exactly() {
    let text = "一、回顾\n增长5%。增长5%。\n二、今年\n国内生产总值增长5%左右。\n";
    assert!(quote_range(text, &target("增长5%", "5%", None)).is_err());
    assert_eq!(
        quote_range(text, &target("增长5%", "5%", Some(2))).unwrap(),
        occurrences(text, "增长5%")[1]
    );
    assert!(quote_range(text, &target("增长5%", "5%", Some(9))).is_err());
    assert!(quote_range(text, &target("增长6%", "6%", None)).is_err());
    let lb = [Lookback {
        from: "一、回顾".into(),
        to: Some("二、今年".into()),
    }];
    let r = lookback_ranges(text, &lb).unwrap();
    assert_eq!(&text[r[0].clone()], "一、回顾\n增长5%。增长5%。\n");
    // `回顾` occurs, but starts no line.
    let bad = [Lookback {
        from: "回顾".into(),
        to: None,
    }];
    assert!(lookback_ranges(text, &bad).is_err());
}

#[test]
fn targets_match_one_to_one_inside_their_quote() {
    let text = "一、回顾\n增长5%。\n二、今年\n国内生产总值增长5%左右，物价涨幅3%左右。\n";
    let file = TargetsFile {
        source: "t.txt".into(),
        report_year: Some(2024),
        lookback: vec![Lookback {
            from: "一、回顾".into(),
            to: Some("二、今年".into()),
        }],
        results: Some(1),
        targets: vec![
            target("国内生产总值增长5%左右", "5%", None),
            target("物价涨幅3%左右", "3%", None),
        ],
    };
    // The look-back's 5% is extracted as a target: a result listed as a target,
    // and it must not match the quote of this year's 5%.
    let items = vec![item(text, "5%", 0), item(text, "5%", 1)];
    let s = score_targets(text, &file, &items).unwrap();
    assert_eq!((s.expected, s.extracted, s.matched), (2, 2, 1));
    assert_eq!(s.results_as_targets, 1);
    assert_eq!((s.subjects_right, s.values_right, s.units_right), (1, 1, 1));
    assert_eq!(s.years_right, 0, "year None against 2024");
    assert_eq!((s.results_got, s.results_expected), (0, Some(1)));
    // The detail names each miss.
    assert_eq!(s.missed, vec!["物价涨幅3%左右 [3%]".to_string()]);
    assert_eq!(s.false_targets.len(), 1);
    assert!(
        s.false_targets[0].contains("增长«5%»。") && s.false_targets[0].contains("[in look-back]"),
        "{:?}",
        s.false_targets
    );
    assert_eq!(
        s.wrong_fields,
        vec!["国内生产总值增长5%左右 [5%]: year None (hand: Some(2024))".to_string()]
    );
    // Both found, none in the look-back: perfect.
    let items = vec![item(text, "5%", 1), item(text, "3%", 0)];
    let s = score_targets(text, &file, &items).unwrap();
    assert_eq!((s.matched, s.results_as_targets), (2, 0));
}

#[test]
fn context_marks_the_quantity_and_keeps_to_one_line() {
    let text = "一、回顾\n增长5%。\n二、今年";
    let r = occurrences(text, "5%")[0].clone();
    assert_eq!(context(text, &r, 3), " 增长«5%»。 二");
    assert_eq!(context(text, &r, 0), "«5%»");
}

#[test]
fn matching_is_maximal_not_greedy() {
    // Expected 0 may take item 0 or 1, expected 1 only item 0: a greedy pass
    // would give item 0 to expected 0 and leave expected 1 unmatched.
    let m = match_one_to_one(&[vec![0, 1], vec![0]], 2);
    assert_eq!(m, vec![Some(1), Some(0)]);
    assert_eq!(
        match_one_to_one(&[vec![0], vec![0]], 1),
        vec![Some(0), None]
    );
    assert_eq!(match_one_to_one(&[vec![]], 0), vec![None]);
}

#[test]
fn shortfalls_name_every_goal_missed() {
    let expected = vec![line(0, "heading", Some("一、"), "总则")];
    let good = Score {
        stem: "good".into(),
        outline: score_outline(&expected, &expected),
        targets: Some(TargetScore {
            expected: 10,
            extracted: 10,
            matched: 10,
            results_got: 20,
            results_expected: Some(22),
            ..TargetScore::default()
        }),
    };
    assert!(shortfalls(std::slice::from_ref(&good)).is_empty());
    let bad = Score {
        stem: "bad".into(),
        outline: score_outline(&expected, &[]),
        targets: Some(TargetScore {
            expected: 10,
            extracted: 20,
            matched: 9,
            results_as_targets: 3,
            results_got: 0,
            results_expected: Some(22),
            ..TargetScore::default()
        }),
    };
    let none = Score {
        stem: "none".into(),
        outline: score_outline(&expected, &expected),
        targets: None,
    };
    let short = shortfalls(&[good, bad, none]);
    let text = short.join("\n");
    for needle in [
        "bad: headings 0/1",
        "bad: recall 90%",
        "bad: precision 45%",
        "bad: 3 results listed",
        "bad: 0 results, hand count 22",
        "none: no targets file",
        "corpus: precision",
    ] {
        assert!(text.contains(needle), "{needle} missing from:\n{text}");
    }
}
