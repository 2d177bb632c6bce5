//! `--search QUERY`: every hit with its breadcrumb and a snippet, as text
//! lines or JSON (YAML too). Exit status 1 when nothing is found, like grep.
//!
//! Text is one hit per line: `breadcrumb: snippet`, the breadcrumb being
//! the node labels from the top (cut to [`CRUMB`] characters) joined by
//! ` › `. The hit is shown in bold
//! red when stdout is a terminal and `NO_COLOR` is not set; otherwise it is
//! bracketed `⟦…⟧`, so the mark survives a pipe. Control characters in
//! snippets and labels are replaced by visible placeholders.

use std::io::IsTerminal;

use serde::Serialize;

use crate::document::Document;
use crate::search::{self, Hit};

/// Characters of context either side of a hit.
pub const CONTEXT: usize = 20;

/// Characters of a node label kept in a text breadcrumb (theme titles are
/// whole sentences).
pub const CRUMB: usize = 20;

fn crumb(label: &str) -> String {
    let mut out: String = label.chars().take(CRUMB).collect();
    if label.chars().nth(CRUMB).is_some() {
        out.push('…');
    }
    search::visible(&out).into_owned()
}

/// One hit of the JSON output.
#[derive(Debug, Serialize)]
pub struct HitOut {
    /// Dotted id of the deepest node holding the hit (`null` before the
    /// first node).
    pub node: Option<String>,
    /// Node titles from the top down to `node`.
    pub path: Vec<String>,
    pub start: usize,
    pub end: usize,
    pub snippet: String,
    pub kind: &'static str,
}

/// The JSON output.
#[derive(Debug, Serialize)]
pub struct SearchOut {
    pub query: String,
    pub total: usize,
    pub hits: Vec<HitOut>,
}

/// The serde model of a search's hits.
pub fn search_out(doc: &Document, query: &str, hits: &[Hit]) -> SearchOut {
    SearchOut {
        query: query.to_string(),
        total: hits.len(),
        hits: hits
            .iter()
            .map(|h| HitOut {
                node: h.node.map(|id| doc.outline.dotted_id(id)),
                path: h.node.map_or_else(Vec::new, |id| {
                    doc.outline
                        .path(id)
                        .into_iter()
                        .map(|n| doc.display_title(n).into_owned())
                        .collect()
                }),
                start: h.range.start,
                end: h.range.end,
                snippet: search::snippet(&doc.text, h.range.clone(), CONTEXT).plain(),
                kind: h.kind.as_str(),
            })
            .collect(),
    }
}

/// Whether to colour: stdout is a terminal and `NO_COLOR` is not set.
pub fn use_colour() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// The hits as text lines.
pub fn search_text(doc: &Document, hits: &[Hit], colour: bool) -> String {
    let (open, close) = if colour {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("⟦", "⟧")
    };
    let mut out = String::new();
    for h in hits {
        let crumbs = h.node.map_or_else(Vec::new, |id| {
            doc.outline
                .path(id)
                .into_iter()
                .map(|n| crumb(&doc.node_label(n)))
                .collect()
        });
        let s = search::snippet(&doc.text, h.range.clone(), CONTEXT);
        if crumbs.is_empty() {
            out.push_str("(top)");
        } else {
            out.push_str(&crumbs.join(" › "));
        }
        out.push_str(": ");
        out.push_str(&s.before);
        out.push_str(open);
        out.push_str(&s.hit);
        out.push_str(close);
        out.push_str(&s.after);
        out.push('\n');
    }
    out
}
