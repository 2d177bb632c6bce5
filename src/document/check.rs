//! Invariants every outline keeps, checked by tests and property tests.
//!
//! Spans nest and are ordered, lie on char boundaries, and the top-level
//! spans together cover every non-whitespace character of the text.

use super::outline::Outline;
use super::paragraphs::is_space;

/// Checks the outline of `text`; the error names the first broken rule.
pub fn check(text: &str, outline: &Outline) -> Result<(), String> {
    let on_boundary = |i: usize| text.is_char_boundary(i);
    let mut prev_start = 0;
    for (id, n) in outline.nodes.iter().enumerate() {
        let s = &n.span;
        if s.start > s.end || s.end > text.len() || !on_boundary(s.start) || !on_boundary(s.end) {
            return Err(format!("node {id}: bad span {s:?}"));
        }
        if s.start < prev_start {
            return Err(format!("node {id}: starts before the node before it"));
        }
        prev_start = s.start;
        for r in n.marker.iter().chain(std::iter::once(&n.title)) {
            if r.start < s.start
                || r.end > s.end
                || r.start > r.end
                || !on_boundary(r.start)
                || !on_boundary(r.end)
            {
                return Err(format!("node {id}: marker/title {r:?} outside span {s:?}"));
            }
        }
        let siblings = outline.children(n.parent);
        if !siblings.contains(&id) {
            return Err(format!("node {id}: missing from its parent's children"));
        }
        if let Some(p) = n.parent {
            let ps = &outline.nodes[p].span;
            if s.start < ps.start || s.end > ps.end {
                return Err(format!("node {id}: span {s:?} outside parent {p} {ps:?}"));
            }
            if n.depth != outline.nodes[p].depth + 1 {
                return Err(format!("node {id}: wrong depth"));
            }
        }
        for w in n.children.windows(2) {
            if outline.nodes[w[0]].span.end > outline.nodes[w[1]].span.start {
                return Err(format!("node {id}: children {} and {} overlap", w[0], w[1]));
            }
        }
        let expected_last = n
            .children
            .last()
            .map_or(id, |&c| outline.nodes[c].last_descendant);
        if n.last_descendant != expected_last {
            return Err(format!("node {id}: wrong last_descendant"));
        }
    }
    for w in outline.roots.windows(2) {
        if outline.nodes[w[0]].span.end > outline.nodes[w[1]].span.start {
            return Err(format!("roots {} and {} overlap", w[0], w[1]));
        }
    }
    // Coverage: non-whitespace outside every root span is lost text.
    let mut pos = 0;
    for &r in &outline.roots {
        let s = &outline.nodes[r].span;
        if let Some(c) = text[pos..s.start].chars().find(|&c| !is_space(c)) {
            return Err(format!("{c:?} before byte {} belongs to no node", s.start));
        }
        pos = s.end;
    }
    if let Some(c) = text[pos..].chars().find(|&c| !is_space(c)) {
        return Err(format!("{c:?} after byte {pos} belongs to no node"));
    }
    Ok(())
}
