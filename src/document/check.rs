//! Invariants every outline keeps, checked by tests and property tests.
//!
//! The arena is in pre-order (each node's parent is the node before it or
//! one of that node's ancestors) and each node's last descendant is right;
//! spans nest and are ordered, lie on char boundaries, and the top-level
//! spans together cover every non-whitespace character of the text.

use super::outline::Outline;
use super::paragraphs::is_space;

/// Checks the outline of `text`; the error names the first broken rule.
pub fn check(text: &str, outline: &Outline) -> Result<(), String> {
    check_links(outline)?;
    let on_boundary = |i: usize| text.is_char_boundary(i);
    let mut prev_start = 0;
    for (id, n) in outline.iter().enumerate() {
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
        if let Some(p) = n.parent {
            let ps = outline.span(p);
            if s.start < ps.start || s.end > ps.end {
                return Err(format!("node {id}: span {s:?} outside parent {p} {ps:?}"));
            }
            if n.depth != outline.depth(p) + 1 {
                return Err(format!("node {id}: wrong depth"));
            }
        }
        let children: Vec<usize> = outline.children(Some(id)).collect();
        for w in children.windows(2) {
            if outline.span(w[0]).end > outline.span(w[1]).start {
                return Err(format!("node {id}: children {} and {} overlap", w[0], w[1]));
            }
        }
    }
    let roots: Vec<usize> = outline.roots().collect();
    for w in roots.windows(2) {
        if outline.span(w[0]).end > outline.span(w[1]).start {
            return Err(format!("roots {} and {} overlap", w[0], w[1]));
        }
    }
    // Coverage: non-whitespace outside every root span is lost text.
    let mut pos = 0;
    for &r in &roots {
        let s = outline.span(r);
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

/// The arena is in pre-order and every last descendant is right.
fn check_links(outline: &Outline) -> Result<(), String> {
    let n = outline.len();
    // The path from the top to the node before, for the pre-order.
    let mut path: Vec<usize> = Vec::new();
    let mut last: Vec<usize> = (0..n).collect();
    for id in 0..n {
        let parent = outline.parent(id);
        while path.last().is_some_and(|&p| Some(p) != parent) {
            path.pop();
        }
        if parent.is_some() && path.is_empty() {
            return Err(format!(
                "node {id}: its parent is not an ancestor of the node before"
            ));
        }
        path.push(id);
    }
    for id in (0..n).rev() {
        if let Some(p) = outline.parent(id) {
            last[p] = last[p].max(last[id]);
        }
    }
    match (0..n).find(|&id| outline.last_descendant(id) != last[id]) {
        Some(id) => Err(format!("node {id}: wrong last descendant")),
        None => Ok(()),
    }
}
