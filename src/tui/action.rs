//! Everything the reader can be asked to do. Keys and mouse events become
//! [`Action`]s (see [`super::keymap`]); [`super::state::AppState::apply`]
//! carries them out.

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
            Action::Resize { .. } | Action::Click { .. } | Action::Wheel { .. } => "",
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
}
