//! `--format md` and `--format org`: the outline as Markdown or Org
//! headings and the targets as a Markdown table, to paste into notes.
//!
//! Report text is made terminal-safe by the one sanitizer
//! ([`crate::layout::safe::visible`]: controls become visible stand-ins)
//! and, for Markdown, the characters that would change how a line renders
//! are escaped with a backslash, so a title shows as written.

use crate::document::Document;
use crate::layout::safe::visible;

use super::targets::{TargetOut, format_value, listed};

/// The deepest Markdown heading; deeper nodes become nested list items.
const MD_DEEPEST: usize = 6;

/// Report text for one Markdown line: terminal-safe, with `\ ` * _ [ ] <
/// > # |` escaped.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in visible(s).chars() {
        if "\\`*_[]<>#|".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The report's title, or its source when it has none.
fn title(doc: &Document) -> String {
    if doc.title().is_empty() {
        doc.source.clone()
    } else {
        doc.title().to_string()
    }
}

/// The outline as Markdown: the title as `#`, each node a heading one
/// level below its parent (`##` for the top level), nodes deeper than
/// `######` as nested list items.
pub fn outline_md(doc: &Document) -> String {
    let mut out = format!("# {}\n\n", md_escape(&title(doc)));
    for (id, n) in doc.outline.iter().enumerate() {
        let level = n.depth + 2;
        let label = md_escape(&doc.node_label(id));
        if level <= MD_DEEPEST {
            out.push_str(&"#".repeat(level));
            out.push(' ');
        } else {
            out.push_str(&"  ".repeat(level - MD_DEEPEST - 1));
            out.push_str("- ");
        }
        out.push_str(&label);
        out.push('\n');
    }
    out
}

/// A report's title as a Markdown heading at `level` (a library's
/// section per report).
pub fn title_md(doc: &Document, level: usize) -> String {
    format!(
        "{} {}\n",
        "#".repeat(level.clamp(1, MD_DEEPEST)),
        md_escape(&title(doc))
    )
}

/// The outline as Org under a heading of its own: the title as a
/// top-level `*` heading, every node one level deeper (a library's
/// reports, one after the other).
pub fn outline_org_section(doc: &Document) -> String {
    let mut out = format!("* {}\n", visible(&title(doc)));
    org_nodes(doc, 2, &mut out);
    out
}

/// Every node as an Org heading, `top` stars for the top level.
fn org_nodes(doc: &Document, top: usize, out: &mut String) {
    for (id, n) in doc.outline.iter().enumerate() {
        out.push_str(&"*".repeat(n.depth + top));
        out.push(' ');
        out.push_str(&visible(&doc.node_label(id)));
        out.push('\n');
    }
}

/// The outline as Org: `#+TITLE:`, then one `*` a level.
pub fn outline_org(doc: &Document) -> String {
    let mut out = format!("#+TITLE: {}\n\n", visible(&title(doc)));
    org_nodes(doc, 1, &mut out);
    out
}

/// The targets (with `all`, the results too) as a Markdown table: kind,
/// node, subject, verb, value, unit, qualifier, deadline, year and the
/// item's words.
pub fn targets_md(doc: &Document, all: bool) -> String {
    table_md(listed(doc, &crate::targets::extract(doc), all))
}

/// [`targets_md`] of rows already made.
pub fn table_md(targets: impl IntoIterator<Item = TargetOut>) -> String {
    let mut out = String::from(
        "| kind | node | subject | verb | value | unit | qualifier | deadline | year | text |\n\
         |---|---|---|---|--:|---|---|---|--:|---|\n",
    );
    for t in targets {
        let opt = |o: &Option<String>| o.as_deref().map(md_escape).unwrap_or_default();
        let cells = [
            t.kind.to_string(),
            md_escape(&t.node),
            md_escape(&t.subject),
            opt(&t.verb),
            format_value(t.value),
            md_escape(&t.unit),
            opt(&t.qualifier),
            opt(&t.deadline),
            t.year.map(|y| y.to_string()).unwrap_or_default(),
            md_escape(&t.text),
        ];
        out.push_str("| ");
        out.push_str(&cells.join(" | "));
        out.push_str(" |\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::targets::targets_out;

    fn doc(text: &str) -> Document {
        Document::from_bytes("r.txt", text.as_bytes()).unwrap()
    }

    #[test]
    fn headings_follow_the_outline() {
        let d = doc("报告*标题\n一、总体要求\n（一）指导思想\n正文。\n二、主要任务\n正文。\n");
        let md = outline_md(&d);
        let lines: Vec<&str> = md.lines().collect();
        assert_eq!(lines[0], "# 报告\\*标题");
        assert!(
            lines.contains(&"## 一、 总体要求") || lines.contains(&"## 一、总体要求"),
            "{md}"
        );
        let org = outline_org(&d);
        assert!(org.starts_with("#+TITLE: 报告*标题\n"), "{org}");
        let depth_of = |l: &str| l.chars().take_while(|&c| c == '*').count();
        let stars: Vec<usize> = org.lines().skip(2).map(depth_of).collect();
        let marks: Vec<usize> = md
            .lines()
            .skip(2)
            .map(|l| l.chars().take_while(|&c| c == '#').count() - 1)
            .collect();
        assert_eq!(stars, marks, "{md}\n{org}");
    }

    #[test]
    fn markdown_is_escaped_and_terminal_safe() {
        assert_eq!(md_escape("a|b*c\x1b[2J"), "a\\|b\\*c␛\\[2J");
    }

    #[test]
    fn the_targets_table_has_a_row_per_target() {
        let d = Document::bundled();
        let md = targets_md(&d, false);
        let rows = md.lines().count() - 2;
        assert_eq!(rows, targets_out(&d, false).len());
        let all = targets_md(&d, true);
        assert_eq!(all.lines().count() - 2, targets_out(&d, true).len());
        assert!(all.lines().any(|l| l.starts_with("| result |")), "{all}");
        assert!(
            md.lines()
                .all(|l| l.starts_with("| ") || l.starts_with("|---"))
        );
        assert!(md.contains("| 4000 | 家 |"), "{md}");
    }
}
