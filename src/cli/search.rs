//! `--search QUERY`: every hit with its breadcrumb and a snippet, as text
//! lines or JSON (YAML too). Exit status 1 when nothing is found, like grep.
//!
//! Text is one hit per line: `breadcrumb: snippet`, the breadcrumb being
//! the node labels from the top (cut to [`CRUMB`] characters) joined by
//! ` › `. The hit is shown in bold
//! red when stdout is a terminal and `NO_COLOR` is not set; otherwise it is
//! bracketed `⟦…⟧`, so the mark survives a pipe. Control characters in
//! snippets and labels are replaced by visible placeholders.

use std::io::{self, IsTerminal, Write};

use serde::{Serialize, Serializer};

use crate::document::{Document, NodeId};
use crate::search::{self, Hit, RankedHits, SearchIndex};

/// Characters of context either side of a hit.
pub const CONTEXT: usize = 20;

/// Characters of a node label kept in a text breadcrumb (theme titles are
/// whole sentences).
pub const CRUMB: usize = 20;

/// A node's label (`marker title`) cut to [`CRUMB`] characters, read no
/// further than that: a title can be a whole paragraph, and every hit in
/// it shows its breadcrumb.
fn crumb(doc: &Document, node: NodeId) -> String {
    let marker = doc.node_marker(node).into_iter();
    let mut label = marker
        .flat_map(|m| m.chars().chain([' ']))
        .chain(doc.node_title(node).chars());
    let mut out: String = label.by_ref().take(CRUMB).collect();
    if label.next().is_some() {
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

/// One hit as the JSON output shows it.
pub fn hit_out(doc: &Document, h: &Hit) -> HitOut {
    HitOut {
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
    }
}

/// The JSON/YAML output. Its hits are searched while it is written
/// ([`RankedHits`]), so neither the hits nor their output are ever held
/// whole; `total` comes first, from a counting pass.
#[derive(Serialize)]
pub struct SearchOut<'a> {
    pub query: &'a str,
    pub total: usize,
    pub hits: HitsOut<'a>,
}

/// The hits of a [`SearchOut`], found as they are serialised.
pub struct HitsOut<'a> {
    index: &'a SearchIndex<'a>,
    query: &'a str,
    pinyin: bool,
}

impl Serialize for HitsOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.index.doc();
        s.collect_seq(
            RankedHits::new(self.index, self.query, self.pinyin).map(|h| hit_out(doc, &h)),
        )
    }
}

impl<'a> SearchOut<'a> {
    /// The output for `query`: counts its hits now, finds them again as it
    /// is written.
    pub fn new(index: &'a SearchIndex<'a>, query: &'a str, pinyin: bool) -> SearchOut<'a> {
        SearchOut {
            query,
            total: RankedHits::new(index, query, pinyin).count(),
            hits: HitsOut {
                index,
                query,
                pinyin,
            },
        }
    }
}

/// Whether to colour: stdout is a terminal and `NO_COLOR` is not set.
pub fn use_colour() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

/// Writes the hits as text lines as they come; returns how many there were.
pub fn write_text(
    out: &mut impl Write,
    doc: &Document,
    hits: impl Iterator<Item = Hit>,
    colour: bool,
) -> io::Result<usize> {
    let (open, close) = if colour {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("⟦", "⟧")
    };
    let mut n = 0;
    for h in hits {
        n += 1;
        let crumbs = h.node.map_or_else(Vec::new, |id| {
            doc.outline
                .path(id)
                .into_iter()
                .map(|n| crumb(doc, n))
                .collect()
        });
        let s = search::snippet(&doc.text, h.range.clone(), CONTEXT);
        let crumbs = if crumbs.is_empty() {
            "(top)".to_string()
        } else {
            crumbs.join(" › ")
        };
        writeln!(
            out,
            "{crumbs}: {}{open}{}{close}{}",
            s.before, s.hit, s.after
        )?;
    }
    Ok(n)
}
