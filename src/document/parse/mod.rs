//! Building the outline from paragraphs, as a pipeline:
//!
//! 1. [`lines`]: what each paragraph looks like on its own (a block marker,
//!    a bullet, prose or a heading-only line, words only, a page number).
//! 2. [`contents`]: the table of contents, labelled or told by a series
//!    that starts over.
//! 3. [`roles`]: the role of each paragraph among its neighbours (head
//!    matter, contents, marker, stand-alone heading, bullet, text).
//!    A report without numbered headings may have unnumbered parts
//!    ([`roles::mark_unnumbered`]).
//! 4. [`walk`]: the tree, one paragraph at a time, on a stack of open blocks
//!    ordered by rank ([`tree`]); a marker counts only where its series
//!    allows it.
//! 5. [`inline`]: sentence-opening sub-points inside each paragraph.
//!
//! [`tree::Builder::finish`] then closes the spans.

pub mod contents;
pub mod inline;
pub mod lines;
pub mod roles;
pub mod tree;
pub mod walk;

use std::ops::Range;

use super::outline::Outline;
use super::paragraphs::Paragraphs;
use lines::Role;

/// A close upper estimate of the node count, so the node vector is
/// allocated once: paragraphs (of a text without structure, its passages
/// and bullets) plus the sentence-opening markers a quick substring count
/// finds, within the tree's budget ([`tree::Builder::room`]).
fn estimate_nodes(text: &str, plan: &roles::Plan) -> usize {
    let count = |needle: &str| memchr::memmem::find_iter(text.as_bytes(), needle).count();
    let shi = memchr::memmem::find_iter(text.as_bytes(), "是")
        .filter(|&i| {
            text[..i]
                .chars()
                .next_back()
                .and_then(super::numerals::cn_digit)
                .is_some()
        })
        .count();
    let paragraphs = plan.lines.len();
    let structured = plan.lines.iter().any(|l| l.role() == Role::Marker);
    let blocks = if structured {
        paragraphs
    } else {
        // Prose paragraphs, bullets and the runs of other lines between.
        let own = |l: &lines::Line| l.prose() || l.bullet().is_some();
        2 * plan.lines.iter().filter(|l| own(l)).count() + 1
    };
    // Pairs are common in speeches; 一手抓, 首先… are rare enough to grow
    // into the slack.
    let estimate = blocks + shi + count("方面") + blocks / 8 + 8;
    estimate.min(tree::FREE_NODES + text.len() / tree::BYTES_PER_NODE)
}

/// The outline of `text`, given its paragraphs and the report's title (a
/// range of `text`, which titles the preamble when it lies in the head).
pub fn build(text: &str, paras: &Paragraphs, title: Range<usize>) -> Outline {
    let lines = lines::classify_all(text, paras);
    let contents = contents::find(text, paras, &lines);
    let mut plan = roles::plan(lines, contents);
    roles::mark_unnumbered(&mut plan, text, paras);
    let mut b = tree::Builder::new(text, estimate_nodes(text, &plan));
    walk::walk(&mut b, paras, &plan, title);
    b.finish()
}
