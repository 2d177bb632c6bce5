//! Everything the reader can be asked to do, and the modes that decide
//! what a key means. Keys and mouse events become [`Action`]s (see
//! [`super::keymap`]); [`super::app::App::apply`] carries them out.

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
    /// Typing a percentage to go to (`p`, or digits in the text: `50%`).
    Percent,
    /// Typing a filter for the targets sidebar (`/` in the sidebar).
    Filter,
    // the library (src/tui/library.rs)
    /// The library's pane: its reports, to open one.
    Library,
    /// The hits of a search across the library, grouped by report.
    LibraryHits,
    /// The comparison of two open reports: one row per measure.
    Compare,
    /// A row of the comparison: both reports' passages, one above the
    /// other (and the look-back's result, where there is one).
    Passages,
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
    ToggleResults,
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
    // memory: bookmarks and the jump history (src/tui/report/memory.rs).
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
    // moving by the outline and by percent
    /// Next section or point at the level read or higher (`]`, `}`).
    NextSection,
    /// The start of the node read, or the previous section or point at its
    /// level or higher (`[`, `{`).
    PrevSection,
    /// Go to a percentage: a prompt for the number (`p`, `%`); after digits
    /// typed in the text, go there (`50%`).
    Percent,
    /// A digit typed in the text pane (starts a percentage, as in less) or
    /// in the percentage prompt (not bindable).
    Digit(u8),
    // quoting
    /// Copy the paragraph read (or the target, hit or tree node chosen)
    /// with its citation, to the clipboard (OSC 52).
    Yank,
    /// Copy the breadcrumb of what is read or chosen.
    YankBreadcrumb,
    // the library
    /// Show the library's pane (the reports a directory or several paths
    /// make).
    Library,
    /// Back to the report read before this one (as vim's alternate file).
    AlternateReport,
    /// In the library's pane: sort by year, or by title.
    LibrarySort,
    /// Search the whole library: opens the prompt widened, or (`Tab` in
    /// the prompt) widens or narrows the search typed.
    SearchLibrary,
    // comparing two reports
    /// Compare the current report with the one current before it (the
    /// older as OLD), or close the comparison.
    Compare,
}

/// A command a key can be bound to: the action, its stable name in the
/// config's `keys:` section, and what it does as the help says it. One row
/// per command, in the order of the help and of the config (as helix's
/// command table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Command {
    pub action: Action,
    pub name: &'static str,
    pub doc: &'static str,
}

const fn cmd(action: Action, name: &'static str, doc: &'static str) -> Command {
    Command { action, name, doc }
}

/// Every command a key can be bound to. The other actions are events
/// (resize, mouse), a letter after `m`/`'`, a digit, or the prompts'
/// editing keys, which are fixed like a line editor's.
pub const COMMANDS: &[Command] = &[
    cmd(Action::Up, "up", "up one line / row"),
    cmd(Action::Down, "down", "down one line / row"),
    cmd(Action::PageUp, "page_up", "page up"),
    cmd(Action::PageDown, "page_down", "page down"),
    cmd(Action::HalfPageUp, "half_page_up", "half a page up"),
    cmd(Action::HalfPageDown, "half_page_down", "half a page down"),
    cmd(Action::Top, "top", "go to the top"),
    cmd(Action::Bottom, "bottom", "go to the bottom"),
    cmd(Action::Collapse, "collapse", "fold, or go to the parent"),
    cmd(Action::Expand, "expand", "unfold, or go to the first child"),
    cmd(Action::Activate, "activate", "fold/unfold; go to a target"),
    cmd(
        Action::CycleFold,
        "cycle_fold",
        "cycle: folded → children → subtree",
    ),
    cmd(
        Action::CycleGlobal,
        "cycle_global",
        "cycle all: themes → sections → all",
    ),
    cmd(Action::ShowDepth(1), "depth_1", DEPTH_DOC),
    cmd(Action::ShowDepth(2), "depth_2", DEPTH_DOC),
    cmd(Action::ShowDepth(3), "depth_3", DEPTH_DOC),
    cmd(Action::ShowDepth(4), "depth_4", DEPTH_DOC),
    cmd(Action::FocusNext, "focus_next", "next pane"),
    cmd(Action::FocusPrev, "focus_prev", "previous pane"),
    cmd(
        Action::ToggleSidebar,
        "toggle_sidebar",
        "show/hide the targets",
    ),
    cmd(
        Action::ToggleResults,
        "toggle_results",
        "show/hide results beside targets",
    ),
    cmd(Action::ToggleTree, "toggle_tree", "show/hide the outline"),
    cmd(Action::ToggleHelp, "toggle_help", "this help"),
    cmd(Action::Close, "close", "close help / overlay"),
    cmd(
        Action::ToggleMouse,
        "toggle_mouse",
        "mouse capture off/on (select text)",
    ),
    cmd(Action::Quit, "quit", "quit"),
    cmd(Action::Suspend, "suspend", "suspend (fg resumes)"),
    // memory
    cmd(
        Action::SetMark,
        "set_mark",
        "set a bookmark: m then a letter",
    ),
    cmd(
        Action::JumpToMark,
        "jump_to_mark",
        "go to a bookmark: ' then a letter",
    ),
    cmd(Action::Bookmarks, "bookmarks", "list the bookmarks"),
    cmd(
        Action::DeleteBookmark,
        "delete_bookmark",
        "delete a bookmark (in the list)",
    ),
    cmd(
        Action::JumpBack,
        "jump_back",
        "back to where the last jump started",
    ),
    cmd(
        Action::JumpForward,
        "jump_forward",
        "forward in the jump history",
    ),
    // search
    cmd(
        Action::SearchOpen,
        "search",
        "search (Chinese, pinyin, initials)",
    ),
    cmd(Action::SearchNext, "search_next", "next hit"),
    cmd(Action::SearchPrev, "search_prev", "previous hit"),
    cmd(
        Action::SearchFilter,
        "search_filter",
        "only nodes with hits (compare: changes)",
    ),
    cmd(Action::SearchResults, "search_results", "list of hits"),
    // moving by the outline and by percent
    cmd(
        Action::NextSection,
        "next_section",
        "next section / point, same level or up",
    ),
    cmd(
        Action::PrevSection,
        "prev_section",
        "previous section / point (or its start)",
    ),
    cmd(
        Action::Percent,
        "percent",
        "go to a percentage (50% in the text)",
    ),
    // quoting
    cmd(Action::Yank, "yank", "copy the paragraph with its citation"),
    cmd(
        Action::YankBreadcrumb,
        "yank_breadcrumb",
        "copy the breadcrumb",
    ),
    // the library
    cmd(
        Action::Library,
        "library",
        "the library: its reports, to open",
    ),
    cmd(
        Action::AlternateReport,
        "alternate_report",
        "back to the report read before",
    ),
    cmd(
        Action::LibrarySort,
        "library_sort",
        "library: sort by year / by title",
    ),
    cmd(
        Action::SearchLibrary,
        "search_library",
        "search the whole library (Tab in /)",
    ),
    // comparing two reports
    cmd(
        Action::Compare,
        "compare",
        "compare this report with the previous one",
    ),
];

const DEPTH_DOC: &str = "show the tree to depth 1–4";

impl Action {
    /// The action's row in [`COMMANDS`]; `None` for actions no key can be
    /// bound to.
    pub fn command(self) -> Option<&'static Command> {
        COMMANDS.iter().find(|c| c.action == self)
    }

    /// What the action does, as the help overlay says it (empty for
    /// actions that are not commands).
    pub fn describe(self) -> &'static str {
        self.command().map_or("", |c| c.doc)
    }

    /// The action's stable name in the config's `keys:` section; `None`
    /// for actions that are not commands.
    pub fn name(self) -> Option<&'static str> {
        self.command().map(|c| c.name)
    }

    /// The action a config name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        COMMANDS.iter().find(|c| c.name == name).map(|c| c.action)
    }

    /// The names of every command, for the config's checks.
    pub fn names() -> Vec<&'static str> {
        COMMANDS.iter().map(|c| c.name).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let names = Action::names();
        assert_eq!(names.len(), COMMANDS.len());
        for c in COMMANDS {
            assert_eq!(Action::from_name(c.name), Some(c.action));
            assert_eq!(c.action.name(), Some(c.name));
            assert!(!c.doc.is_empty());
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
        assert_eq!(Action::SearchInput('x').name(), None);
        assert_eq!(Action::Letter('a').describe(), "");
    }
}
