//! One list state for every list on screen: the outline tree, the targets
//! sidebar, the list of hits, the list of bookmarks and the help.
//!
//! A [`ListState`] is a selected row (or none) and the first row shown;
//! its moves are bounded by the list's length and its pages by the rows
//! the list shows, both passed in, so that the state holds no copy of the
//! list and knows nothing of the screen. What the rows are (nodes,
//! targets, hits) is the owner's business.

use super::action::Action;

/// A move in a list, from the keys that move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
}

impl Motion {
    /// The motion of an action, if it is one.
    pub fn of(action: Action) -> Option<Motion> {
        Some(match action {
            Action::Up => Motion::Up,
            Action::Down => Motion::Down,
            Action::PageUp => Motion::PageUp,
            Action::PageDown => Motion::PageDown,
            Action::HalfPageUp => Motion::HalfPageUp,
            Action::HalfPageDown => Motion::HalfPageDown,
            Action::Top => Motion::Top,
            Action::Bottom => Motion::Bottom,
            _ => return None,
        })
    }

    /// Where the motion goes from row `from` in a list of `len` rows shown
    /// `page` at a time; `None` in an empty list. From no row at all, every
    /// motion but `Bottom` goes to the first row (nothing was chosen yet:
    /// the first move chooses).
    pub fn target(self, from: Option<usize>, len: usize, page: usize) -> Option<usize> {
        let last = len.checked_sub(1)?;
        let by = |n: isize| from.map_or(0, |f| f.saturating_add_signed(n)).min(last);
        let page = page as isize;
        Some(match self {
            Motion::Up => by(-1),
            Motion::Down => by(1),
            Motion::PageUp => by(-page),
            Motion::PageDown => by(page),
            Motion::HalfPageUp => by(-page / 2),
            Motion::HalfPageDown => by(page / 2),
            Motion::Top => 0,
            Motion::Bottom => last,
        })
    }
}

/// The selected row of a list and the first row shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    selected: Option<usize>,
    offset: usize,
}

impl ListState {
    /// The selected row, if one is.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The first row shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// Nothing selected, the list shown from its start.
    pub fn reset(&mut self) {
        *self = ListState::default();
    }

    /// Selects row `i` (cut to the list; nothing in an empty list or for
    /// `None`) and scrolls it into view.
    pub fn select(&mut self, i: Option<usize>, len: usize, page: usize) {
        self.select_under(i, 0, len, page);
    }

    /// [`ListState::select`], also showing the `above` rows before the
    /// selected one when they fit (a heading above its first item).
    pub fn select_under(&mut self, i: Option<usize>, above: usize, len: usize, page: usize) {
        self.selected = i.and_then(|i| Some(i.min(len.checked_sub(1)?)));
        if let Some(s) = self.selected {
            self.reveal(s.saturating_sub(above), s, page);
        }
    }

    /// Moves the selection; returns the row selected after the move
    /// (`None` in an empty list).
    pub fn apply(&mut self, m: Motion, len: usize, page: usize) -> Option<usize> {
        let to = m.target(self.selected, len, page);
        self.select(to, len, page);
        to
    }

    /// Scrolls so that rows `first..=last` are shown, `last` first when
    /// they do not all fit: a heading kept above its first row.
    pub fn reveal(&mut self, first: usize, last: usize, page: usize) {
        let page = page.max(1);
        if first < self.offset {
            self.offset = first;
        } else if last >= self.offset + page {
            self.offset = last + 1 - page;
        }
    }

    /// Moves the first row shown as `m` would move a selection from it (a
    /// list that selects nothing, like the help), no further than where
    /// the last page starts.
    pub fn scroll(&mut self, m: Motion, len: usize, page: usize) {
        if let Some(to) = m.target(Some(self.offset), len, page) {
            self.offset = to;
        }
        self.clamp(len, page);
    }

    /// Moves the first row shown by `n` rows (the wheel, the help), no
    /// further than where the last page starts.
    pub fn scroll_by(&mut self, n: isize, len: usize, page: usize) {
        self.offset = self.offset.saturating_add_signed(n);
        self.clamp(len, page);
    }

    /// Keeps the first row shown no further than where the last page
    /// starts (after the list shrank or the page grew).
    pub fn clamp(&mut self, len: usize, page: usize) {
        self.offset = self.offset.min(len.saturating_sub(page));
    }

    /// The first row to draw in a page of `page` rows: the offset, moved
    /// as little as needed to show the selection (when the page drawn is
    /// smaller than the one the state last saw).
    pub fn shown_from(&self, page: usize) -> usize {
        let page = page.max(1);
        match self.selected {
            Some(s) if s < self.offset => s,
            Some(s) if s >= self.offset + page => s + 1 - page,
            _ => self.offset,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motions_are_bounded_by_the_list() {
        let t = |m: Motion, from| m.target(from, 10, 4);
        assert_eq!(t(Motion::Up, Some(0)), Some(0));
        assert_eq!(t(Motion::Down, Some(9)), Some(9));
        assert_eq!(t(Motion::Down, Some(3)), Some(4));
        assert_eq!(t(Motion::PageDown, Some(3)), Some(7));
        assert_eq!(t(Motion::PageDown, Some(8)), Some(9));
        assert_eq!(t(Motion::PageUp, Some(3)), Some(0));
        assert_eq!(t(Motion::HalfPageDown, Some(3)), Some(5));
        assert_eq!(t(Motion::HalfPageUp, Some(3)), Some(1));
        assert_eq!(t(Motion::Top, Some(7)), Some(0));
        assert_eq!(t(Motion::Bottom, Some(2)), Some(9));
        // Nothing chosen yet: the first move chooses the first row.
        assert_eq!(t(Motion::Down, None), Some(0));
        assert_eq!(t(Motion::PageDown, None), Some(0));
        assert_eq!(t(Motion::Bottom, None), Some(9));
        // An empty list has nowhere to go.
        for m in [Motion::Up, Motion::Down, Motion::Top, Motion::Bottom] {
            assert_eq!(m.target(Some(0), 0, 4), None);
        }
    }

    #[test]
    fn the_selection_stays_in_view() {
        let mut l = ListState::default();
        assert_eq!(l.apply(Motion::Down, 10, 4), Some(0));
        for want in 1..10 {
            assert_eq!(l.apply(Motion::Down, 10, 4), Some(want));
            let s = l.selected().unwrap();
            assert!(l.offset() <= s && s < l.offset() + 4, "{l:?}");
        }
        assert_eq!(l.offset(), 6);
        l.apply(Motion::Top, 10, 4);
        assert_eq!((l.selected(), l.offset()), (Some(0), 0));
        l.apply(Motion::Bottom, 10, 4);
        assert_eq!((l.selected(), l.offset()), (Some(9), 6));
        l.apply(Motion::PageUp, 10, 4);
        assert_eq!((l.selected(), l.offset()), (Some(5), 5));
    }

    #[test]
    fn select_cuts_to_the_list_and_empties() {
        let mut l = ListState::default();
        l.select(Some(50), 10, 4);
        assert_eq!((l.selected(), l.offset()), (Some(9), 6));
        l.select(Some(3), 0, 4);
        assert_eq!(l.selected(), None);
        l.select(None, 10, 4);
        assert_eq!(l.selected(), None);
        l.reset();
        assert_eq!(l, ListState::default());
    }

    #[test]
    fn reveal_keeps_a_heading_above_its_first_row() {
        let mut l = ListState::default();
        l.select(Some(12), 20, 5);
        assert_eq!(l.offset(), 8);
        // Going up to row 4, with its heading on row 3: both shown.
        l.select(Some(4), 20, 5);
        l.reveal(3, 4, 5);
        assert_eq!(l.offset(), 3);
        // Going down: the row wins over the heading when both cannot fit.
        l.reveal(10, 16, 5);
        assert_eq!(l.offset(), 12);
        let mut l = ListState::default();
        l.select_under(Some(9), 1, 20, 5);
        assert_eq!(l.offset(), 5);
        l.select_under(Some(3), 1, 20, 5);
        assert_eq!((l.selected(), l.offset()), (Some(3), 2));
        l.select_under(Some(9), 1, 20, 1);
        assert_eq!(l.offset(), 9, "a page of one row shows the row");
    }

    #[test]
    fn scrolling_stops_at_the_last_page() {
        let mut l = ListState::default();
        l.scroll_by(3, 10, 4);
        assert_eq!(l.offset(), 3);
        l.scroll_by(30, 10, 4);
        assert_eq!(l.offset(), 6);
        l.scroll_by(-100, 10, 4);
        assert_eq!(l.offset(), 0);
        l.scroll_by(5, 3, 4);
        assert_eq!(
            l.offset(),
            0,
            "a list shorter than its page does not scroll"
        );
        l.scroll_by(6, 10, 4);
        l.clamp(7, 4);
        assert_eq!(l.offset(), 3);
        // Scrolling by motions, as the help does.
        let mut l = ListState::default();
        l.scroll(Motion::Down, 10, 4);
        assert_eq!(l.offset(), 1);
        l.scroll(Motion::PageDown, 10, 4);
        assert_eq!(l.offset(), 5);
        l.scroll(Motion::Bottom, 10, 4);
        assert_eq!(l.offset(), 6);
        l.scroll(Motion::Up, 10, 4);
        assert_eq!(l.offset(), 5, "one up from the last page moves at once");
        l.scroll(Motion::Top, 10, 4);
        assert_eq!((l.offset(), l.selected()), (0, None));
    }

    #[test]
    fn drawing_a_smaller_page_still_shows_the_selection() {
        let mut l = ListState::default();
        l.select(Some(9), 10, 10);
        assert_eq!(l.offset(), 0);
        assert_eq!(l.shown_from(10), 0);
        assert_eq!(l.shown_from(4), 6);
        let mut l = ListState::default();
        l.scroll_by(5, 10, 2);
        l.select(Some(1), 10, 0);
        assert_eq!(l.shown_from(2), 1);
    }
}
