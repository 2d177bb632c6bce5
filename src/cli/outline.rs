//! `--outline`: the outline as an indented tree, JSON or YAML.
//!
//! JSON and YAML share one serde model, documented in the README. Both are
//! written as the tree is walked ([`OutlineOut`] serialises each node as it
//! comes to it), and so is the text, so the output is never held whole.

use std::io::{self, Write};

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::document::{Document, NodeId};
use crate::targets::Item;

/// The serialised outline: `source`, `title`, `bytes`, `nodes` (each with
/// `id`, `kind`, `marker`, `title`, `start`, `end` and its `children`) and
/// the `targets`.
pub struct OutlineOut<'a> {
    doc: &'a Document,
    /// Its targets already extracted (a library's, cached), else `None`:
    /// extracted when they are written.
    items: Option<&'a [Item]>,
}

/// The serde model of a document's outline, serialised as it is walked.
pub fn outline_out(doc: &Document) -> OutlineOut<'_> {
    OutlineOut { doc, items: None }
}

/// [`outline_out`] with its targets already extracted (a library's,
/// cached).
pub fn outline_out_with<'a>(doc: &'a Document, items: &'a [Item]) -> OutlineOut<'a> {
    OutlineOut {
        doc,
        items: Some(items),
    }
}

impl Serialize for OutlineOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let doc = self.doc;
        let mut st = s.serialize_struct("OutlineOut", 5)?;
        st.serialize_field("source", &doc.source)?;
        st.serialize_field("title", &doc.display_report_title())?;
        st.serialize_field("bytes", &doc.text.len())?;
        st.serialize_field(
            "nodes",
            &NodesOut {
                doc,
                parent: None,
                dotted: "",
            },
        )?;
        // The quantified targets, in document order.
        let targets = match self.items {
            Some(items) => super::targets::TargetsOut::of(doc, items, false),
            None => super::targets::TargetsOut::new(doc, false),
        };
        st.serialize_field("targets", &targets)?;
        st.end()
    }
}

/// The children of `parent` (the top level for `None`), serialised as
/// they are walked.
struct NodesOut<'a> {
    doc: &'a Document,
    parent: Option<NodeId>,
    /// The parent's dotted id.
    dotted: &'a str,
}

impl Serialize for NodesOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for (i, id) in self.doc.outline.children(self.parent).enumerate() {
            let dotted = match self.parent {
                None => (i + 1).to_string(),
                Some(_) => format!("{}.{}", self.dotted, i + 1),
            };
            seq.serialize_element(&NodeOut {
                doc: self.doc,
                id,
                dotted: &dotted,
            })?;
        }
        seq.end()
    }
}

/// One node of the serialised outline, its children walked in turn.
struct NodeOut<'a> {
    doc: &'a Document,
    id: NodeId,
    dotted: &'a str,
}

impl Serialize for NodeOut<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (doc, id) = (self.doc, self.id);
        let span = doc.outline.span(id);
        let mut st = s.serialize_struct("NodeOut", 7)?;
        st.serialize_field("id", self.dotted)?;
        st.serialize_field("kind", doc.outline.kind(id).as_str())?;
        st.serialize_field("marker", &doc.node_marker(id))?;
        st.serialize_field("title", &doc.display_title(id))?;
        st.serialize_field("start", &span.start)?;
        st.serialize_field("end", &span.end)?;
        st.serialize_field(
            "children",
            &NodesOut {
                doc,
                parent: Some(id),
                dotted: self.dotted,
            },
        )?;
        st.end()
    }
}

/// Writes the outline as an indented tree: two spaces a level, marker and
/// title, control characters shown as visible stand-ins.
pub fn write_text(out: &mut impl Write, doc: &Document) -> io::Result<()> {
    for (id, n) in doc.outline.iter().enumerate() {
        for _ in 0..n.depth {
            out.write_all(b"  ")?;
        }
        if n.marker.is_none() {
            write!(out, "[{}] ", n.kind.as_str())?;
        }
        // Report text never drives the terminal: control characters as
        // the reader's stand-ins.
        out.write_all(crate::layout::safe::visible(&doc.node_label(id)).as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The outline as an indented tree ([`write_text`]), as a string.
pub fn outline_text(doc: &Document) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_text(&mut out, doc);
    String::from_utf8_lossy(&out).into_owned()
}
