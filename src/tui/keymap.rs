//! Keys to [`Action`]s: one table, so that a configuration can rebind every
//! action and the help overlay is generated from the same rows.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::state::Mode;

/// One key bound to one action in one mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub action: Action,
}

/// The table of bindings, searched in order.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;

impl Default for Keymap {
    fn default() -> Keymap {
        use Action::*;
        use KeyCode::*;
        let mut b = Vec::new();
        let mut n = |code: KeyCode, mods: KeyModifiers, action: Action| {
            b.push(Binding {
                mode: Mode::Normal,
                code,
                mods,
                action,
            })
        };
        n(Char('j'), NONE, Action::Down);
        n(KeyCode::Down, NONE, Action::Down);
        n(Char('k'), NONE, Action::Up);
        n(KeyCode::Up, NONE, Action::Up);
        n(Char('h'), NONE, Collapse);
        n(Left, NONE, Collapse);
        n(Char('l'), NONE, Expand);
        n(Right, NONE, Expand);
        n(Enter, NONE, Activate);
        n(Char(' '), NONE, Activate);
        n(Char('z'), NONE, CycleFold);
        n(Char('Z'), NONE, CycleGlobal);
        for d in 1..=4u8 {
            n(Char((b'0' + d) as char), NONE, ShowDepth(d));
        }
        n(Char('g'), NONE, Top);
        n(Home, NONE, Top);
        n(Char('G'), NONE, Bottom);
        n(End, NONE, Bottom);
        n(KeyCode::PageUp, NONE, Action::PageUp);
        n(Char('b'), CTRL, Action::PageUp);
        n(KeyCode::PageDown, NONE, Action::PageDown);
        n(Char('f'), CTRL, Action::PageDown);
        n(Char('u'), CTRL, HalfPageUp);
        n(Char('d'), CTRL, HalfPageDown);
        n(Tab, NONE, FocusNext);
        n(Char('w'), NONE, FocusNext);
        n(BackTab, NONE, FocusPrev);
        n(Char('t'), NONE, ToggleSidebar);
        n(Char('o'), NONE, ToggleTree);
        n(Char('m'), NONE, ToggleMouse);
        n(Char('?'), NONE, ToggleHelp);
        n(F(1), NONE, ToggleHelp);
        n(Esc, NONE, Close);
        n(Char('q'), NONE, Quit);
        n(Char('c'), CTRL, Quit);
        n(Char('z'), CTRL, Suspend);
        // search: `/` prompt, `n`/`N` hits, `f` sparse tree, `F` hit list
        n(Char('/'), NONE, SearchOpen);
        n(Char('n'), NONE, SearchNext);
        n(Char('N'), NONE, SearchPrev);
        n(Char('f'), NONE, SearchFilter);
        n(Char('F'), NONE, SearchResults);
        let mut mode_key = |mode: Mode, code: KeyCode, mods: KeyModifiers, action: Action| {
            b.push(Binding {
                mode,
                code,
                mods,
                action,
            })
        };
        let p = Mode::Search;
        mode_key(p, Enter, NONE, SearchAccept);
        mode_key(p, Esc, NONE, SearchCancel);
        mode_key(p, Char('c'), CTRL, SearchCancel);
        mode_key(p, Char('g'), CTRL, SearchCancel);
        mode_key(p, Backspace, NONE, SearchBackspace);
        mode_key(p, Char('h'), CTRL, SearchBackspace);
        mode_key(p, Left, NONE, SearchLeft);
        mode_key(p, Right, NONE, SearchRight);
        mode_key(p, Char('u'), CTRL, SearchClear);
        mode_key(p, Char('z'), CTRL, Suspend);
        let r = Mode::Results;
        mode_key(r, Char('j'), NONE, Action::Down);
        mode_key(r, KeyCode::Down, NONE, Action::Down);
        mode_key(r, Char('k'), NONE, Action::Up);
        mode_key(r, KeyCode::Up, NONE, Action::Up);
        mode_key(r, KeyCode::PageDown, NONE, Action::PageDown);
        mode_key(r, KeyCode::PageUp, NONE, Action::PageUp);
        mode_key(r, Char('g'), NONE, Top);
        mode_key(r, Char('G'), NONE, Bottom);
        mode_key(r, Enter, NONE, Activate);
        mode_key(r, Esc, NONE, Close);
        mode_key(r, Char('q'), NONE, Close);
        mode_key(r, Char('F'), NONE, Close);
        mode_key(r, Char('c'), CTRL, Quit);
        mode_key(r, Char('z'), CTRL, Suspend);
        let mut h = |code: KeyCode, mods: KeyModifiers, action: Action| {
            b.push(Binding {
                mode: Mode::Help,
                code,
                mods,
                action,
            })
        };
        h(Char('j'), NONE, Action::Down);
        h(KeyCode::Down, NONE, Action::Down);
        h(Char('k'), NONE, Action::Up);
        h(KeyCode::Up, NONE, Action::Up);
        h(Char('?'), NONE, Close);
        h(Esc, NONE, Close);
        h(Char('q'), NONE, Close);
        h(Char('c'), CTRL, Quit);
        h(Char('z'), CTRL, Suspend);
        Keymap { bindings: b }
    }
}

/// A key as the help shows it.
pub fn key_label(code: KeyCode, mods: KeyModifiers) -> String {
    let base = match code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        KeyCode::BackTab => "S-Tab".into(),
        KeyCode::F(n) => format!("F{n}"),
        KeyCode::Backspace => "BS".into(),
        other => format!("{other:?}"),
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("C-{base}")
    } else {
        base
    }
}

impl Keymap {
    /// The action for a key in a mode. Shift is part of the character
    /// (`G`), so it is ignored for character keys. In the search prompt,
    /// a character without Ctrl or Alt that no row binds is typed.
    pub fn lookup(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        let bound = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.code == ev.code && b.mods == mods)
            .map(|b| b.action);
        match (bound, mode, ev.code) {
            (None, Mode::Search, KeyCode::Char(c)) if mods.is_empty() => {
                Some(Action::SearchInput(c))
            }
            _ => bound,
        }
    }

    /// The first key bound to an action in normal mode, as shown.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.mode == Mode::Normal && b.action == action)
            .map(|b| key_label(b.code, b.mods))
    }

    /// Rows of the help overlay: the keys of each action, in table order,
    /// with what the action does. `1`…`4` share one row.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(Action, Vec<String>)> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.mode == Mode::Normal) {
            let key = match b.action {
                Action::ShowDepth(_) => Action::ShowDepth(0),
                a => a,
            };
            let label = key_label(b.code, b.mods);
            match rows.iter_mut().find(|(a, _)| *a == key) {
                Some((_, keys)) => keys.push(label),
                None => rows.push((key, vec![label])),
            }
        }
        rows.into_iter()
            .map(|(a, keys)| {
                let keys = if a == Action::ShowDepth(0) {
                    format!("{}…{}", keys[0], keys[keys.len() - 1])
                } else {
                    keys.join(" ")
                };
                (keys, a.describe())
            })
            .collect()
    }
}
