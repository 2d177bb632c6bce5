//! What the reader remembers: bookmarks (`m` + letter sets, `'` + letter
//! goes), the jump history (`Ctrl-o` back, `Ctrl-i`/`Ctrl-n` forward), and
//! their conversion to and from [`crate::persist::SavedState`] with the reading
//! position and the folds.
//!
//! Part of a report's state ([`Report::memory`]): each report remembers
//! its own. The app's mode handlers call the actions here. Every go-to of
//! the reader goes through [`Report::jump_to_offset`], which records where
//! the jump started.

use std::collections::BTreeMap;

use crate::persist::{Position, SavedState};
use crate::tui::lines::Pos;
use crate::tui::list::{ListState, Motion};

use super::Report;

/// How many places the jump history keeps (back and forward together).
pub const HISTORY_MAX: usize = crate::persist::HISTORY_LIMIT;

/// Bookmarks and the jump history, as byte offsets into the text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Memory {
    pub bookmarks: BTreeMap<char, usize>,
    /// Places to go back to, oldest first.
    pub back: Vec<usize>,
    /// Places to go forward to, the next one last.
    pub forward: Vec<usize>,
    /// The list of bookmarks: its selected row and scroll.
    pub list: ListState,
}

impl Memory {
    /// A jump starts at `from`: remember it; the forward places are dropped.
    pub fn record(&mut self, from: usize) {
        if self.back.last() != Some(&from) {
            self.back.push(from);
        }
        self.forward.clear();
        self.trim();
    }

    /// The place before `current`, which becomes a forward place.
    pub fn go_back(&mut self, current: usize) -> Option<usize> {
        let mut to = self.back.pop()?;
        // A place equal to where we are is no step back: skip it.
        while to == current {
            to = self.back.pop()?;
        }
        self.forward.push(current);
        self.trim();
        Some(to)
    }

    /// The place after `current`, which becomes a back place.
    pub fn go_forward(&mut self, current: usize) -> Option<usize> {
        let mut to = self.forward.pop()?;
        while to == current {
            to = self.forward.pop()?;
        }
        self.back.push(current);
        self.trim();
        Some(to)
    }

    fn trim(&mut self) {
        while self.back.len() + self.forward.len() > HISTORY_MAX {
            if self.back.is_empty() {
                self.forward.remove(0);
            } else {
                self.back.remove(0);
            }
        }
    }
}

/// The letters that name bookmarks.
pub fn is_mark_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
}

impl Report {
    fn position(&self, offset: usize) -> Position {
        let node = self
            .doc
            .outline
            .node_at(offset)
            .map(|n| self.doc.outline.dotted_id(n))
            .unwrap_or_default();
        Position { offset, node }
    }

    /// The display line starting at `offset` when there is one (the blank
    /// line after a paragraph starts where its last line ends), else the
    /// line holding it.
    pub(super) fn pos_exact(&self, offset: usize) -> Pos {
        let p = self.pos_of(offset);
        let next = self.step(p, 1);
        if self.offset_of(p) != offset && next != p && self.offset_of(next) == offset {
            next
        } else {
            p
        }
    }

    /// The byte offset at the top of the detail pane.
    /// When the node being read starts on that line (a point whose marker
    /// is mid-line), its start: so a bookmark or a saved position goes
    /// back to that node, not to the one before it on the line.
    pub fn reading_offset(&self) -> usize {
        let top = self.detail.top;
        let lines = self.para_lines(top.para);
        let Some(line) = lines.get(top.line) else {
            return self.offset_of(top);
        };
        match self.detail.reading.map(|r| self.doc.outline.span(r).start) {
            Some(start) if line.range.start < start && start < line.range.end => start,
            _ => line.range.start,
        }
    }

    /// What is saved for this document: the reading position (the offset
    /// at the top of the detail pane and the node being read), the unfolded
    /// nodes, the bookmarks and the jump history.
    pub fn saved_state(&self) -> SavedState {
        let offset = self.reading_offset();
        let outline = &self.doc.outline;
        let mut s = SavedState::new();
        s.position = Some(Position {
            offset,
            node: self
                .detail
                .reading
                .map(|n| outline.dotted_id(n))
                .unwrap_or_default(),
        });
        s.open = (0..outline.len())
            .filter(|&i| self.tree.expanded[i] && outline.has_children(i))
            .map(|i| outline.dotted_id(i))
            .collect();
        s.bookmarks = self
            .memory
            .bookmarks
            .iter()
            .map(|(&c, &o)| (c, self.position(o)))
            .collect();
        let m = &self.memory;
        s.history = m
            .back
            .iter()
            .chain(m.forward.iter().rev())
            .map(|&o| self.position(o))
            .collect();
        s.history_forward = m.forward.len();
        s
    }

    /// Puts back what [`Report::saved_state`] saved: folds, position (and
    /// with it the tree's selection), bookmarks and history. Offsets past
    /// the end of the text are clamped; unknown node ids are ignored.
    pub fn restore(&mut self, saved: &SavedState) {
        let len = self.doc.text.len();
        let outline = &self.doc.outline;
        let open: Vec<usize> = saved
            .open
            .iter()
            .filter_map(|d| outline.find_dotted(d))
            .collect();
        if !saved.open.is_empty() || saved.position.is_some() {
            self.tree.expanded.iter_mut().for_each(|e| *e = false);
            for n in open {
                self.tree.expanded[n] = true;
            }
            self.refresh_visible();
        }
        self.restore_memory(saved);
        if let Some(p) = &saved.position {
            let offset = p.offset.min(len);
            self.detail.top = self.pos_exact(offset);
            self.follow_reading();
            // The node that was being read, when it is on the top line.
            if let Some(n) = self.doc.outline.find_dotted(&p.node) {
                let top = self.detail.top;
                let lines = self.para_lines(top.para);
                let start = self.doc.outline.span(n).start;
                if lines
                    .get(top.line)
                    .is_some_and(|l| l.range.start <= start && start < l.range.end)
                {
                    self.detail.reading = Some(n);
                    self.select_node(n);
                }
            }
        }
    }

    /// Puts back the saved bookmarks and jump history alone (offsets past
    /// the end of the text clamped): for a report already being read when
    /// its state arrives.
    pub fn restore_memory(&mut self, saved: &SavedState) {
        let len = self.doc.text.len();
        let m = &mut self.memory;
        m.bookmarks = saved
            .bookmarks
            .iter()
            .filter(|(c, _)| is_mark_letter(**c))
            .map(|(&c, p)| (c, p.offset.min(len)))
            .collect();
        let fwd = saved.history_forward.min(saved.history.len());
        let split = saved.history.len() - fwd;
        m.back = saved.history[..split]
            .iter()
            .map(|p| p.offset.min(len))
            .collect();
        m.forward = saved.history[split..]
            .iter()
            .rev()
            .map(|p| p.offset.min(len))
            .collect();
        m.trim();
    }

    /// The bookmarks in the list's order (by letter).
    pub fn bookmark_rows(&self) -> Vec<(char, usize)> {
        self.memory
            .bookmarks
            .iter()
            .map(|(&c, &o)| (c, o))
            .collect()
    }

    /// Sets bookmark `c` where reading is.
    pub fn set_mark(&mut self, c: char) {
        let at = self.reading_offset();
        self.memory.bookmarks.insert(c, at);
    }

    /// Goes to bookmark `c`; `false` when there is none.
    pub fn jump_to_mark(&mut self, c: char) -> bool {
        match self.memory.bookmarks.get(&c) {
            Some(&o) => {
                self.jump_to_offset(o);
                true
            }
            None => false,
        }
    }

    /// `''` (as in less): back to where the last jump started, itself a
    /// jump, so that `''` again comes back; `false` when there is none.
    pub fn jump_last(&mut self) -> bool {
        let here = self.reading_offset();
        let to = self.memory.back.iter().rev().find(|&&o| o != here).copied();
        to.inspect(|&o| self.jump_to_offset(o)).is_some()
    }

    /// Back to where the last jump started; `false` when there is none.
    pub fn jump_back(&mut self) -> bool {
        let here = self.reading_offset();
        let to = self.memory.go_back(here);
        to.inspect(|&o| self.go_to_offset(o)).is_some()
    }

    /// Forward again in the jump history; `false` at its end.
    pub fn jump_forward(&mut self) -> bool {
        let here = self.reading_offset();
        let to = self.memory.go_forward(here);
        to.inspect(|&o| self.go_to_offset(o)).is_some()
    }

    fn bookmarks_page(&self) -> usize {
        self.view.popup_rows(self.memory.bookmarks.len())
    }

    /// The list of bookmarks opens on its first row.
    pub fn open_bookmarks(&mut self) {
        let (n, page) = (self.memory.bookmarks.len(), self.bookmarks_page());
        self.memory.list.reset();
        self.memory.list.select(Some(0), n, page);
    }

    /// Moves in the list of bookmarks.
    pub fn bookmarks_move(&mut self, m: Motion) {
        let (n, page) = (self.memory.bookmarks.len(), self.bookmarks_page());
        self.memory.list.apply(m, n, page);
    }

    /// Goes to the bookmark selected in the list.
    pub fn bookmark_go(&mut self) {
        let rows = self.bookmark_rows();
        if let Some(&(_, o)) = self.memory.list.selected().and_then(|i| rows.get(i)) {
            self.jump_to_offset(o);
        }
    }

    /// Deletes the bookmark selected in the list; the row below (or the
    /// new last) is selected.
    pub fn delete_bookmark(&mut self) {
        let rows = self.bookmark_rows();
        if let Some(&(c, _)) = self.memory.list.selected().and_then(|i| rows.get(i)) {
            self.memory.bookmarks.remove(&c);
            let sel = self.memory.list.selected();
            let (n, page) = (self.memory.bookmarks.len(), self.bookmarks_page());
            self.memory.list.select(sel, n, page);
            self.memory.list.clamp(n, page);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_goes_back_and_forward_and_is_bounded() {
        let mut m = Memory::default();
        m.record(10);
        m.record(20);
        assert_eq!(m.go_back(30), Some(20));
        assert_eq!(m.go_back(20), Some(10));
        assert_eq!(m.go_back(10), None);
        assert_eq!(m.go_forward(10), Some(20));
        assert_eq!(m.go_forward(20), Some(30));
        m.record(5);
        assert!(m.forward.is_empty());
        for i in 0..500 {
            m.record(i);
        }
        assert_eq!(m.back.len(), HISTORY_MAX);
        assert_eq!(*m.back.last().unwrap(), 499);
    }
}
