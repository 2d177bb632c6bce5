//! One table that dispatches by mode: for each [`Mode`], the keys it takes
//! (the keymap is built from this column) and the handler that carries out
//! its actions. A mode's handler is the only place that decides what an
//! action means in that mode; the commands themselves (name, doc) are one
//! table too, [`crate::tui::action::COMMANDS`].

use crate::tui::action::{Action, Mode};
use crate::tui::geometry::Overlay;
use crate::tui::keymap::ModeKeys;
use crate::tui::list::Motion;

use super::{App, Focus};

/// A mode's row: its keys and its handler.
pub struct ModeRow {
    pub mode: Mode,
    pub keys: ModeKeys,
    pub run: fn(&mut App, Action),
}

/// Every mode, with its keys and its handler.
pub const MODES: &[ModeRow] = &[
    ModeRow {
        mode: Mode::Normal,
        // The bookmark list's own key means nothing outside it.
        keys: ModeKeys::Commands {
            except: &[Action::DeleteBookmark],
        },
        run: App::normal,
    },
    ModeRow {
        mode: Mode::Help,
        // A pager: Space, b, d, u page it as they page the text.
        keys: ModeKeys::List {
            own: Action::ToggleHelp,
            extra: &[Action::HalfPageUp, Action::HalfPageDown],
            pager: true,
        },
        run: App::help_key,
    },
    ModeRow {
        mode: Mode::SetMark,
        keys: ModeKeys::Letter,
        run: App::letter,
    },
    ModeRow {
        mode: Mode::JumpToMark,
        keys: ModeKeys::Letter,
        run: App::letter,
    },
    ModeRow {
        mode: Mode::Bookmarks,
        keys: ModeKeys::List {
            own: Action::Bookmarks,
            extra: &[Action::DeleteBookmark],
            pager: false,
        },
        run: App::bookmarks_key,
    },
    ModeRow {
        mode: Mode::Search,
        keys: ModeKeys::Prompt,
        run: App::prompt_key,
    },
    ModeRow {
        mode: Mode::Results,
        keys: ModeKeys::List {
            own: Action::SearchResults,
            extra: &[Action::Yank, Action::YankBreadcrumb],
            pager: false,
        },
        run: App::results_key,
    },
    ModeRow {
        mode: Mode::Percent,
        keys: ModeKeys::Number,
        run: App::percent_key,
    },
    ModeRow {
        mode: Mode::Filter,
        keys: ModeKeys::Prompt,
        run: App::filter_key,
    },
    ModeRow {
        mode: Mode::Library,
        keys: ModeKeys::List {
            own: Action::Library,
            extra: &[
                Action::LibrarySort,
                Action::AlternateReport,
                Action::SearchLibrary,
            ],
            pager: false,
        },
        run: App::library_key,
    },
    ModeRow {
        mode: Mode::LibraryHits,
        keys: ModeKeys::List {
            own: Action::SearchResults,
            extra: &[Action::SearchLibrary],
            pager: false,
        },
        run: App::library_hits_key,
    },
    ModeRow {
        mode: Mode::Compare,
        // `f` (search_filter): only the changes.
        keys: ModeKeys::List {
            own: Action::Compare,
            extra: &[
                Action::HalfPageUp,
                Action::HalfPageDown,
                Action::SearchFilter,
            ],
            pager: false,
        },
        run: App::compare_key,
    },
    ModeRow {
        mode: Mode::Passages,
        keys: ModeKeys::List {
            own: Action::Compare,
            extra: &[Action::Yank, Action::YankBreadcrumb],
            pager: false,
        },
        run: App::passages_key,
    },
];

/// The row of a mode.
pub fn row(mode: Mode) -> &'static ModeRow {
    MODES.iter().find(|r| r.mode == mode).unwrap_or(&MODES[0])
}

/// The keys column of the table, for the keymap.
pub fn mode_keys() -> Vec<(Mode, ModeKeys)> {
    MODES.iter().map(|r| (r.mode, r.keys)).collect()
}

impl App {
    /// Normal mode: the commands, on the pane with the focus.
    fn normal(&mut self, action: Action) {
        if self.library_command(action) {
            return;
        }
        match action {
            Action::ToggleHelp => {
                self.mode = Mode::Help;
                self.help.reset();
            }
            // memory
            Action::SetMark => self.mode = Mode::SetMark,
            Action::JumpToMark => self.mode = Mode::JumpToMark,
            Action::Bookmarks => {
                self.mode = Mode::Bookmarks;
                self.report_mut().open_bookmarks();
            }
            Action::JumpBack => {
                if !self.report_mut().jump_back() {
                    self.notices.status = Some("no earlier place".into());
                }
            }
            Action::JumpForward => {
                if !self.report_mut().jump_forward() {
                    self.notices.status = Some("no later place".into());
                }
            }
            // search; in the sidebar `/` filters the targets
            Action::SearchOpen if self.focus == Focus::Sidebar => {
                self.report_mut().filter_open();
                self.mode = Mode::Filter;
            }
            Action::SearchOpen => {
                self.report_mut().search_open();
                self.mode = Mode::Search;
            }
            Action::SearchNext | Action::SearchPrev => {
                let said = self.report_mut().next_hit(action == Action::SearchNext);
                self.say(said);
            }
            Action::SearchFilter => {
                let said = self.report_mut().search_filter();
                self.say(said);
                if self.report().search.filter_on() {
                    self.notices.status =
                        Some("sparse tree: only the nodes with hits (again restores)".into());
                }
            }
            Action::SearchResults => {
                if self.report().search.is_active() {
                    self.report_mut().results_open();
                    self.mode = Mode::Results;
                } else {
                    self.say(Some("no hits to list (/ searches)"));
                }
            }
            // moving by the outline and by percent
            Action::NextSection | Action::PrevSection => {
                if !self
                    .report_mut()
                    .section_jump(action == Action::NextSection)
                {
                    self.notices.status = Some(
                        if action == Action::NextSection && self.report().loading {
                            super::STILL_READING
                        } else if action == Action::NextSection {
                            "no later section or point at this level"
                        } else {
                            "no earlier section or point at this level"
                        }
                        .into(),
                    );
                }
            }
            Action::Percent => {
                self.number.clear();
                self.mode = Mode::Percent;
            }
            Action::Digit(d) => {
                self.number = d.to_string();
                self.mode = Mode::Percent;
            }
            // quoting
            Action::Yank | Action::YankBreadcrumb => self.yank(action == Action::Yank),
            Action::Compare => self.compare_open(),
            // panes
            Action::Close
                if self.focus == Focus::Sidebar && self.report().sidebar.filter.is_some() =>
            {
                self.report_mut().filter_clear();
            }
            Action::Close => {
                if self.overlay.take().is_some() {
                    self.focus = Focus::Detail;
                }
                self.report_mut().sidebar.highlight = None;
            }
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::ToggleResults => {
                let said = self.report_mut().toggle_results();
                self.notices.status = Some(said);
            }
            Action::ToggleTree => self.toggle_tree(),
            Action::FocusNext | Action::FocusPrev => self.cycle_focus(action == Action::FocusNext),
            Action::CycleGlobal => self.report_mut().cycle_global(),
            Action::ShowDepth(d) => self.report_mut().show_depth(d as usize),
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            _ => self.pane_action(action),
        }
    }

    /// Moves and fold keys, on the pane with the focus. Going to a passage
    /// from an overlay closes it.
    fn pane_action(&mut self, action: Action) {
        match self.focus {
            Focus::Tree => {
                if self.report_mut().tree_action(action) {
                    self.close_overlay(Overlay::Tree);
                }
            }
            Focus::Detail => self.report_mut().detail_action(action),
            Focus::Sidebar => {
                self.report_mut().sidebar_action(action);
                if action == Action::Activate {
                    self.close_overlay(Overlay::Sidebar);
                }
            }
        }
    }

    /// The help: scrolls (it selects nothing); closes on its key, `close`,
    /// a plain quit key or a click.
    fn help_key(&mut self, action: Action) {
        if let Some(m) = Motion::of(action) {
            let rows = self.keymap.help_rows().len();
            let page = self.viewport().popup_rows(rows);
            self.help.scroll(m, rows, page);
        } else if matches!(
            action,
            Action::Close | Action::ToggleHelp | Action::Click { .. }
        ) {
            self.mode = Mode::Normal;
        }
    }

    /// After `m` or `'`: a letter sets or goes to a bookmark; anything
    /// else cancels.
    fn letter(&mut self, action: Action) {
        let setting = self.mode == Mode::SetMark;
        self.mode = Mode::Normal;
        let Action::Letter(c) = action else {
            return;
        };
        if !crate::tui::report::memory::is_mark_letter(c) {
            // `''`: back to the last jump, as in less.
            if setting {
                self.notices.status = Some("bookmarks are letters: m then a–z, A–Z".into());
            } else if !self.report_mut().jump_last() {
                self.notices.status = Some("no jump to go back to".into());
            }
        } else if setting {
            self.report_mut().set_mark(c);
            self.notices.status = Some(format!("bookmark {c} set"));
        } else if !self.report_mut().jump_to_mark(c) {
            self.notices.status = Some(format!("no bookmark {c}"));
        }
    }

    /// The list of bookmarks.
    fn bookmarks_key(&mut self, action: Action) {
        if let Some(m) = Motion::of(action) {
            self.report_mut().bookmarks_move(m);
            return;
        }
        match action {
            Action::Activate => {
                self.mode = Mode::Normal;
                self.report_mut().bookmark_go();
            }
            Action::DeleteBookmark => self.report_mut().delete_bookmark(),
            Action::Close | Action::Bookmarks | Action::Click { .. } => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// The search prompt: editing keys edit (and search), `Enter` keeps
    /// the hits, `Esc` goes back.
    fn prompt_key(&mut self, action: Action) {
        if self.report().search.prompt.is_none() {
            self.mode = Mode::Normal;
            return;
        }
        if self.library_prompt(action) {
            return;
        }
        match action {
            Action::SearchAccept => {
                self.mode = Mode::Normal;
                // `n`/`N` walk this report's hits again.
                if let Some(l) = &mut self.library {
                    l.walk = false;
                }
                let said = self.report_mut().search_accept();
                self.say(said);
            }
            Action::SearchCancel => {
                self.mode = Mode::Normal;
                self.report_mut().search_cancel();
            }
            _ => {
                let said = self.report_mut().prompt_edit(action);
                self.say(said);
            }
        }
    }

    /// The percentage prompt: digits, `Backspace`; `Enter`, `%` or `p`
    /// go there; anything else cancels.
    fn percent_key(&mut self, action: Action) {
        match action {
            Action::Digit(d) => {
                if self.number.len() < 3 {
                    self.number.push(char::from(b'0' + d));
                }
            }
            Action::SearchBackspace => {
                if self.number.pop().is_none() {
                    self.mode = Mode::Normal;
                }
            }
            Action::SearchClear => self.number.clear(),
            Action::SearchAccept => {
                self.mode = Mode::Normal;
                match self.number.parse::<usize>() {
                    Ok(n) => self.report_mut().go_to_percent(n.min(100)),
                    Err(_) => self.notices.status = Some("no percentage typed".into()),
                }
                self.number.clear();
            }
            Action::SearchLeft | Action::SearchRight => {}
            _ => {
                self.mode = Mode::Normal;
                self.number.clear();
            }
        }
    }

    /// The sidebar's filter prompt: each change filters the targets;
    /// `Enter` keeps the filter, `Esc` drops it.
    fn filter_key(&mut self, action: Action) {
        match action {
            Action::SearchAccept => self.mode = Mode::Normal,
            Action::SearchCancel => {
                self.mode = Mode::Normal;
                self.report_mut().filter_clear();
            }
            _ => self.report_mut().filter_edit(action),
        }
    }

    /// The list of hits.
    fn results_key(&mut self, action: Action) {
        if let Some(m) = Motion::of(action) {
            self.report_mut().results_move(m);
            return;
        }
        match action {
            Action::Activate => {
                self.mode = Mode::Normal;
                self.report_mut().results_go();
            }
            Action::Yank | Action::YankBreadcrumb => self.yank(action == Action::Yank),
            Action::Close | Action::Click { .. } => self.mode = Mode::Normal,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_has_one_row() {
        let all = [
            Mode::Normal,
            Mode::Help,
            Mode::SetMark,
            Mode::JumpToMark,
            Mode::Bookmarks,
            Mode::Search,
            Mode::Results,
            Mode::Percent,
            Mode::Filter,
            Mode::Library,
            Mode::LibraryHits,
            Mode::Compare,
            Mode::Passages,
        ];
        for m in all {
            assert_eq!(MODES.iter().filter(|r| r.mode == m).count(), 1, "{m:?}");
            assert_eq!(row(m).mode, m);
        }
        assert_eq!(MODES.len(), all.len());
    }
}
