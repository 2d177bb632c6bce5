//! The detail pane: display-line positions in the text, scrolling, the
//! node being read at the top line, and the jumps that every "go to" of
//! the reader goes through.

use std::ops::Range;

use crate::document::{Document, NodeId, NodeKind};
use crate::tui::action::Action;
use crate::tui::lines::{DLine, Pos};

use super::Report;

/// What a part of the detail text is, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Marker,
    ThemeTitle,
    SectionTitle,
}

/// The markers and headings in the paragraph whose span is `span`, sorted
/// and disjoint: those of the nodes that start in it (a node's marker and
/// title lie in its first paragraph), and of the first node, which also
/// holds what precedes it. Read from the outline for each paragraph drawn,
/// so the reader keeps nothing per node for them.
pub fn marks_in(doc: &Document, span: Range<usize>) -> Vec<(Range<usize>, Mark)> {
    let outline = &doc.outline;
    let from = outline.starting_before(span.start);
    let to = outline.starting_before(span.end + 1);
    let first = (from > 0 && !outline.is_empty()).then_some(0);
    let mut marks = Vec::new();
    for id in first.into_iter().chain(from..to) {
        let node = outline.node(id);
        if let Some(m) = &node.marker {
            marks.push((m.clone(), Mark::Marker));
        }
        let title = match node.kind {
            NodeKind::Theme => Some(Mark::ThemeTitle),
            NodeKind::Section | NodeKind::Heading => Some(Mark::SectionTitle),
            _ => None,
        };
        if let Some(t) = title
            && !node.title.is_empty()
        {
            marks.push((node.title.clone(), t));
        }
    }
    marks.retain(|(r, _)| r.start < span.end && span.start < r.end);
    marks.sort_by_key(|(r, _)| (r.start, r.end));
    let mut last_end = 0;
    marks.retain(|(r, _)| {
        let keep = r.start >= last_end;
        if keep {
            last_end = r.end;
        }
        keep
    });
    marks
}

impl Report {
    /// The laid-out lines of a paragraph at the current width.
    pub fn para_lines(&self, para: usize) -> std::rc::Rc<[DLine]> {
        self.detail
            .cache
            .lines(&self.doc, para, self.view.text_width)
    }

    fn paras(&self) -> usize {
        self.doc.paragraph_count().max(1)
    }

    /// The display line holding a byte offset.
    pub fn pos_of(&self, offset: usize) -> Pos {
        let para = self.doc.paragraph_at(offset).unwrap_or(0);
        let lines = self.para_lines(para);
        let line = lines
            .iter()
            .take(lines.len().saturating_sub(1).max(1))
            .rposition(|l| l.range.start <= offset)
            .unwrap_or(0);
        Pos { para, line }
    }

    /// The display line `n` lines after (or before) `p`, stopping at the ends.
    pub fn step(&self, mut p: Pos, n: isize) -> Pos {
        if n >= 0 {
            let mut n = n as usize;
            while n > 0 {
                let len = self.para_lines(p.para).len();
                let room = len - 1 - p.line.min(len - 1);
                if n <= room {
                    p.line += n;
                    break;
                } else if p.para + 1 < self.paras() {
                    n -= room + 1;
                    p = Pos {
                        para: p.para + 1,
                        line: 0,
                    };
                } else {
                    p.line = len - 1;
                    break;
                }
            }
        } else {
            let mut n = n.unsigned_abs();
            while n > 0 {
                if n <= p.line {
                    p.line -= n;
                    break;
                } else if p.para > 0 {
                    n -= p.line + 1;
                    p.para -= 1;
                    p.line = self.para_lines(p.para).len() - 1;
                } else {
                    p.line = 0;
                    break;
                }
            }
        }
        p
    }

    /// The last top line that still fills the pane.
    pub fn max_top(&self) -> Pos {
        let last = self.paras() - 1;
        let end = Pos {
            para: last,
            line: self.para_lines(last).len() - 1,
        };
        self.step(end, -(self.view.detail_height as isize - 1))
    }

    /// The first byte shown on a display line.
    pub fn offset_of(&self, p: Pos) -> usize {
        let lines = self.para_lines(p.para);
        lines
            .get(p.line)
            .or(lines.last())
            .map(|l| l.range.start)
            .unwrap_or(0)
    }

    /// Where the report's text starts: its first paragraph (after YAML
    /// front matter, a byte-order mark or blank lines), so that the top
    /// reads 0%.
    fn text_start(&self) -> usize {
        self.doc.paragraph(0).map_or(0, |p| p.content.start)
    }

    /// How far through the report the top line is, in percent: 0 at the
    /// top, 100 where the last line shows.
    pub fn percent(&self) -> usize {
        if self.detail.top == Pos::default() {
            return 0;
        }
        if self.detail.top >= self.max_top() || self.doc.text.is_empty() {
            return 100;
        }
        let start = self.text_start();
        let span = self.doc.text.len().saturating_sub(start).max(1);
        self.offset_of(self.detail.top).saturating_sub(start) * 100 / span
    }

    /// Goes to `n` percent of the report (as less's `50%`): the first line
    /// starting at or after that point goes to the top (100: the end).
    /// A jump, so `''` and `Ctrl-o` come back.
    pub fn go_to_percent(&mut self, n: usize) {
        let from = self.reading_offset();
        self.memory.record(from);
        let start = self.text_start();
        let span = self.doc.text.len().saturating_sub(start);
        let target = start + span * n.min(100) / 100;
        let mut top = self.pos_of(target);
        if self.offset_of(top) < target {
            top = self.step(top, 1);
        }
        let max = self.max_top();
        self.detail.top = if n >= 100 || top > max { max } else { top };
        if n == 0 {
            self.detail.top = Pos::default();
        }
        self.follow_reading();
    }

    /// `]` (forward) and `[`: the next section or point at the level of
    /// the node read or higher; back, the start of the node read when the
    /// top line is past it, else the previous one at its level or higher
    /// (its parent for a first child). From anywhere in the node; a jump.
    /// Whether there was one to go to.
    pub fn section_jump(&mut self, forward: bool) -> bool {
        let Some(here) = self.detail.reading else {
            return false;
        };
        let outline = &self.doc.outline;
        let depth = outline.depth(here);
        let here_start = outline.span(here).start;
        let to = if forward {
            // The first node after its subtree: a sibling or an
            // ancestor's.
            Some(outline.last_descendant(here) + 1).filter(|&i| i < outline.len())
        } else if self.offset_of(self.detail.top) > here_start
            && self.pos_of(here_start) < self.detail.top
        {
            Some(here)
        } else {
            (0..here).rev().find(|&i| outline.depth(i) <= depth)
        };
        let Some(to) = to else {
            return false;
        };
        let start = self.doc.outline.span(to).start;
        self.jump_to_offset(start);
        // The line may hold the end of the node before: the node gone to
        // is the one read.
        self.detail.reading = Some(to);
        self.select_node(to);
        true
    }

    /// The node read at the top line: the first node starting on it, else
    /// the node holding its first character.
    fn node_on_top(&self) -> Option<NodeId> {
        let top = self.detail.top;
        let lines = self.para_lines(top.para);
        let line = lines.get(top.line)?;
        // The blank line after a paragraph: what is read is the paragraph
        // right below it (the one above has scrolled away).
        if line.range.is_empty()
            && let Some(next) = self.doc.paragraph(top.para + 1)
        {
            return self.doc.node_before(next.span.start);
        }
        let outline = &self.doc.outline;
        let i = outline.starting_before(line.range.start);
        if i < outline.len() && outline.span(i).start < line.range.end {
            return Some(i);
        }
        self.doc.node_before(line.range.start)
    }

    /// Scrolls the detail pane by `n` lines, no further than its ends.
    pub fn scroll_detail(&mut self, n: isize) {
        let mut top = self.step(self.detail.top, n);
        let max = self.max_top();
        if n > 0 && top > max {
            top = max.max(self.detail.top);
        }
        self.detail.top = top;
        self.follow_reading();
    }

    /// After the detail pane scrolled: the tree and breadcrumb follow.
    pub fn follow_reading(&mut self) {
        self.detail.reading = self.node_on_top().or(self.detail.reading);
        if let Some(r) = self.detail.reading {
            self.select_node(r);
        }
    }

    /// Jumps to a place in the text (a search hit, a target, a bookmark):
    /// the line holding `offset` goes to the top of the detail pane, the
    /// node there becomes the one being read, and the tree unfolds down to
    /// it and selects it. Every "go to" of the reader goes through here, so
    /// it is the one place that records the jump history.
    pub fn jump_to_offset(&mut self, offset: usize) {
        let from = self.reading_offset();
        self.memory.record(from);
        self.go_to_offset(offset);
    }

    /// [`Report::jump_to_offset`] without recording the jump (for moves
    /// through the history itself and restoring).
    pub fn go_to_offset(&mut self, offset: usize) {
        let offset = offset.min(self.doc.text.len());
        self.detail.top = self.pos_of(offset);
        let Some(node) = self.doc.outline.node_at(offset) else {
            return;
        };
        self.detail.reading = Some(node);
        self.tree.unfold_to(&self.doc.outline, node);
        self.refresh_visible();
        self.select_node(node);
    }

    /// Scrolls the detail pane so that `node` is at the top.
    pub fn jump_to_node(&mut self, node: NodeId) {
        self.detail.top = self.pos_of(self.doc.outline.span(node).start);
        self.detail.reading = Some(node);
    }

    /// Before the panes change size: the byte at the top, to put back
    /// there at the new size. Kept through a run of resizes (a window
    /// dragged, a screen too small to show text), so the place read does
    /// not drift to line starts of each passing width; any other action
    /// forgets it ([`Detail::anchor`](super::Detail::anchor)).
    pub fn anchor_for_resize(&mut self) {
        let offset = self
            .detail
            .anchor
            .take()
            .unwrap_or_else(|| self.offset_of(self.detail.top));
        self.detail.anchor = Some(offset);
    }

    /// After the panes changed size: the anchored byte goes back to the
    /// top line, and the tree's selection stays in view.
    pub fn resized(&mut self) {
        if let Some(offset) = self.detail.anchor {
            self.detail.top = self.pos_of(offset);
        }
        self.tree_follow();
    }

    /// Keys of the detail pane: scrolling; fold keys act on the tree's
    /// selection.
    pub fn detail_action(&mut self, action: Action) {
        let h = self.view.detail_height as isize;
        match action {
            Action::Up => self.scroll_detail(-1),
            Action::Down => self.scroll_detail(1),
            Action::PageUp => self.scroll_detail(-(h - 2).max(1)),
            Action::PageDown => self.scroll_detail((h - 2).max(1)),
            Action::HalfPageUp => self.scroll_detail(-(h / 2).max(1)),
            Action::HalfPageDown => self.scroll_detail((h / 2).max(1)),
            // Top and bottom are jumps, as in less and vim.
            Action::Top => {
                let from = self.reading_offset();
                self.memory.record(from);
                self.detail.top = Pos::default();
                self.follow_reading();
            }
            Action::Bottom => {
                let from = self.reading_offset();
                self.memory.record(from);
                self.detail.top = self.max_top();
                self.follow_reading();
            }
            _ => {
                self.fold_action(action);
            }
        }
    }
}
