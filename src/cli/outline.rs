//! `--outline`: the outline as an indented tree, JSON or YAML.
//!
//! JSON and YAML share one serde model, documented in the README.

use serde::Serialize;

use crate::document::{Document, NodeId};

/// One node of the serialised outline.
#[derive(Debug, Serialize)]
pub struct NodeOut {
    pub id: String,
    pub kind: &'static str,
    pub marker: Option<String>,
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub children: Vec<NodeOut>,
}

/// The serialised outline.
#[derive(Debug, Serialize)]
pub struct OutlineOut {
    pub source: String,
    pub title: String,
    pub bytes: usize,
    pub nodes: Vec<NodeOut>,
    /// The quantified targets, in document order.
    pub targets: Vec<super::targets::TargetOut>,
}

fn node_out(doc: &Document, id: NodeId, dotted: String) -> NodeOut {
    let n = &doc.outline.nodes[id];
    NodeOut {
        kind: n.kind.as_str(),
        marker: doc.node_marker(id).map(str::to_string),
        title: doc.display_title(id).into_owned(),
        start: n.span.start,
        end: n.span.end,
        children: n
            .children
            .iter()
            .enumerate()
            .map(|(i, &c)| node_out(doc, c, format!("{dotted}.{}", i + 1)))
            .collect(),
        id: dotted,
    }
}

/// The serde model of a document's outline.
pub fn outline_out(doc: &Document) -> OutlineOut {
    outline_out_with(doc, super::targets::targets_out(doc, false))
}

/// [`outline_out`] with its targets already made (a library's, cached).
pub fn outline_out_with(doc: &Document, targets: Vec<super::targets::TargetOut>) -> OutlineOut {
    OutlineOut {
        source: doc.source.clone(),
        title: doc.display_report_title().into_owned(),
        bytes: doc.text.len(),
        nodes: doc
            .outline
            .roots
            .iter()
            .enumerate()
            .map(|(i, &r)| node_out(doc, r, (i + 1).to_string()))
            .collect(),
        targets,
    }
}

/// The outline as an indented tree: two spaces a level, marker and title,
/// control characters shown as visible stand-ins.
pub fn outline_text(doc: &Document) -> String {
    let mut out = String::new();
    for (id, n) in doc.outline.nodes.iter().enumerate() {
        for _ in 0..n.depth {
            out.push_str("  ");
        }
        if n.marker.is_none() {
            out.push('[');
            out.push_str(n.kind.as_str());
            out.push_str("] ");
        }
        // Report text never drives the terminal: control characters as
        // the reader's stand-ins.
        out.push_str(&crate::layout::safe::visible(&doc.node_label(id)));
        out.push('\n');
    }
    out
}
