//! Everything the reader can be asked to do, and the modes that decide
//! what a key means. Keys and mouse events become [`Action`]s (see
//! [`super::keymap`]); [`super::state::AppState::apply`] carries them out.

/// What the keys currently drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Normal,
    Help,
    // memory
    /// After `m`: a letter names the bookmark to set.
    SetMark,
    /// After `'`: a letter names the bookmark to go to.
    JumpToMark,
    /// The list of bookmarks.
    Bookmarks,
    /// Typing a search query in the prompt.
    Search,
    /// The list of search hits.
    Results,
}

/// One thing to do to the reader's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move up one row (tree, sidebar) or scroll up one line (detail).
    Up,
    Down,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// Fold the node, or go to its parent when it is folded (`h`, `←`).
    Collapse,
    /// Unfold the node, or go to its first child when it is open (`l`, `→`).
    Expand,
    /// Fold or unfold the node (`Enter`, `Space`); in the sidebar, go to the target.
    Activate,
    /// org-mode `TAB` on a node: folded → children → whole subtree.
    CycleFold,
    /// org-mode `S-TAB`: overview → contents → everything.
    CycleGlobal,
    /// Show the tree to this depth (1–4).
    ShowDepth(u8),
    FocusNext,
    FocusPrev,
    /// Show or hide the targets sidebar (an overlay on narrow terminals).
    ToggleSidebar,
    /// Show or hide the outline tree (an overlay on narrow terminals).
    ToggleTree,
    ToggleHelp,
    /// Close the help or an overlay.
    Close,
    /// Turn mouse capture off (so the terminal can select text) or on.
    ToggleMouse,
    Quit,
    Suspend,
    /// The terminal changed size.
    Resize {
        width: u16,
        height: u16,
    },
    /// A left click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    /// A wheel step over a screen cell.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    // memory: bookmarks and the jump history (src/tui/memory.rs).
    /// `m`: the next letter sets a bookmark here.
    SetMark,
    /// `'`: the next letter jumps to its bookmark.
    JumpToMark,
    /// Show or hide the list of bookmarks.
    Bookmarks,
    /// In the list of bookmarks: delete the selected one.
    DeleteBookmark,
    /// Back to where the last jump started (`Ctrl-o`).
    JumpBack,
    /// Forward again in the jump history (`Ctrl-i`, or `Ctrl-n` where the
    /// terminal sends `Ctrl-i` as `Tab`).
    JumpForward,
    /// A letter typed after `m` or `'` (not bindable).
    Letter(char),
    // search
    /// Open the search prompt (`/`).
    SearchOpen,
    /// A character typed into the prompt (any character, CJK from an IME too).
    SearchInput(char),
    /// Delete the character before the prompt's cursor.
    SearchBackspace,
    /// Move the prompt's cursor one character left.
    SearchLeft,
    /// Move the prompt's cursor one character right.
    SearchRight,
    /// Empty the prompt.
    SearchClear,
    /// Keep the hits and go to the current one (`Enter`).
    SearchAccept,
    /// Drop the query typed and go back to where reading was (`Esc`).
    SearchCancel,
    /// Go to the next hit after the reading position (`n`).
    SearchNext,
    /// Go to the previous hit (`N`).
    SearchPrev,
    /// Narrow the tree to the nodes with hits, or restore it (`f`).
    SearchFilter,
    /// Show the list of hits (`F`).
    SearchResults,
}

impl Action {
    /// What the action does, as the help overlay says it.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Up => "up one line / row",
            Action::Down => "down one line / row",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::HalfPageUp => "half a page up",
            Action::HalfPageDown => "half a page down",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::Collapse => "fold, or go to the parent",
            Action::Expand => "unfold, or go to the first child",
            Action::Activate => "fold/unfold; go to a target",
            Action::CycleFold => "cycle: folded → children → subtree",
            Action::CycleGlobal => "cycle all: themes → sections → all",
            Action::ShowDepth(_) => "show the tree to depth 1–4",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::ToggleSidebar => "show/hide the targets",
            Action::ToggleTree => "show/hide the outline",
            Action::ToggleHelp => "this help",
            Action::Close => "close help / overlay",
            Action::ToggleMouse => "mouse capture off/on (select text)",
            Action::Quit => "quit",
            Action::Suspend => "suspend (fg resumes)",
            Action::SetMark => "set a bookmark: m then a letter",
            Action::JumpToMark => "go to a bookmark: ' then a letter",
            Action::Bookmarks => "list the bookmarks",
            Action::DeleteBookmark => "delete a bookmark (in the list)",
            Action::JumpBack => "back to where the last jump started",
            Action::JumpForward => "forward in the jump history",
            Action::Resize { .. }
            | Action::Click { .. }
            | Action::Wheel { .. }
            | Action::Letter(_) => "",
            Action::SearchOpen => "search (Chinese, pinyin, initials)",
            Action::SearchInput(_) => "type into the search",
            Action::SearchBackspace => "delete a character",
            Action::SearchLeft => "cursor left",
            Action::SearchRight => "cursor right",
            Action::SearchClear => "clear the search",
            Action::SearchAccept => "keep the hits",
            Action::SearchCancel => "cancel the search",
            Action::SearchNext => "next hit",
            Action::SearchPrev => "previous hit",
            Action::SearchFilter => "tree: only nodes with hits / restore",
            Action::SearchResults => "list of hits",
        }
    }

    /// The normal-mode search actions (handled by [`super::search`]).
    pub fn is_search(self) -> bool {
        matches!(
            self,
            Action::SearchOpen
                | Action::SearchNext
                | Action::SearchPrev
                | Action::SearchFilter
                | Action::SearchResults
        )
    }

    /// Every action a key can be bound to, in the order of the help and of
    /// the `keys:` section of the config.
    pub const BINDABLE: &'static [Action] = &[
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::Collapse,
        Action::Expand,
        Action::Activate,
        Action::CycleFold,
        Action::CycleGlobal,
        Action::ShowDepth(1),
        Action::ShowDepth(2),
        Action::ShowDepth(3),
        Action::ShowDepth(4),
        Action::FocusNext,
        Action::FocusPrev,
        Action::ToggleSidebar,
        Action::ToggleTree,
        Action::ToggleHelp,
        Action::Close,
        Action::ToggleMouse,
        Action::Quit,
        Action::Suspend,
        // memory
        Action::SetMark,
        Action::JumpToMark,
        Action::Bookmarks,
        Action::DeleteBookmark,
        Action::JumpBack,
        Action::JumpForward,
        // search
        Action::SearchOpen,
        Action::SearchNext,
        Action::SearchPrev,
        Action::SearchFilter,
        Action::SearchResults,
    ];

    /// The action's stable name in the config's `keys:` section; `None`
    /// for events that are not keys (resize, mouse, a pending letter).
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page_up",
            Action::PageDown => "page_down",
            Action::HalfPageUp => "half_page_up",
            Action::HalfPageDown => "half_page_down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Collapse => "collapse",
            Action::Expand => "expand",
            Action::Activate => "activate",
            Action::CycleFold => "cycle_fold",
            Action::CycleGlobal => "cycle_global",
            Action::ShowDepth(1) => "depth_1",
            Action::ShowDepth(2) => "depth_2",
            Action::ShowDepth(3) => "depth_3",
            Action::ShowDepth(4) => "depth_4",
            Action::ShowDepth(_) => return None,
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::ToggleSidebar => "toggle_sidebar",
            Action::ToggleTree => "toggle_tree",
            Action::ToggleHelp => "toggle_help",
            Action::Close => "close",
            Action::ToggleMouse => "toggle_mouse",
            Action::Quit => "quit",
            Action::Suspend => "suspend",
            Action::SetMark => "set_mark",
            Action::JumpToMark => "jump_to_mark",
            Action::Bookmarks => "bookmarks",
            Action::DeleteBookmark => "delete_bookmark",
            Action::JumpBack => "jump_back",
            Action::JumpForward => "jump_forward",
            Action::SearchOpen => "search",
            Action::SearchNext => "search_next",
            Action::SearchPrev => "search_prev",
            Action::SearchFilter => "search_filter",
            Action::SearchResults => "search_results",
            // Prompt editing keys are fixed, like a line editor's.
            Action::SearchInput(_)
            | Action::SearchBackspace
            | Action::SearchLeft
            | Action::SearchRight
            | Action::SearchClear
            | Action::SearchAccept
            | Action::SearchCancel => return None,
            Action::Resize { .. }
            | Action::Click { .. }
            | Action::Wheel { .. }
            | Action::Letter(_) => return None,
        })
    }

    /// The action a config name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        Action::BINDABLE
            .iter()
            .copied()
            .find(|a| a.name() == Some(name))
    }

    /// The names of every bindable action, for the config's checks.
    pub fn names() -> Vec<&'static str> {
        Action::BINDABLE.iter().filter_map(|a| a.name()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let names = Action::names();
        assert_eq!(names.len(), Action::BINDABLE.len());
        for a in Action::BINDABLE {
            assert_eq!(Action::from_name(a.name().unwrap()), Some(*a));
        }
        let mut sorted = names.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len());
        assert_eq!(
            Action::Resize {
                width: 1,
                height: 1
            }
            .name(),
            None
        );
    }
}
