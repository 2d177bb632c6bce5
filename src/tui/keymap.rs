//! Keys to [`Action`]s: one table, built from the config's `keys:` section
//! (the default keymap is the parsed `assets/config.yaml`, so the file
//! `--print-config` prints and the reader's keys never drift apart), and the
//! help overlay generated from the same bindings.
//!
//! The keymap binds the config's own terminal-free key, [`KeySpec`]: the
//! event loop converts the terminal's key events to it at the edge
//! ([`super::event_loop::key_of`]), so neither the keymap nor the state
//! knows the terminal library.

use super::action::{Action, COMMANDS, Mode};
use crate::config::{Config, KeyName, KeySpec};

/// One key bound to one action in one mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub mode: Mode,
    pub key: KeySpec,
    pub action: Action,
}

/// The table of bindings, searched in order.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    /// Each command's action with its keys, in [`COMMANDS`] order (the
    /// help's rows).
    pub keys: Vec<(Action, Vec<KeySpec>)>,
}

impl Default for Keymap {
    /// The keys of the default config (`assets/config.yaml`).
    fn default() -> Keymap {
        Keymap::from_config(&Config::default())
    }
}

impl Keymap {
    /// The keymap of a config. Normal mode gets every action's keys; the
    /// help and the list of bookmarks reuse the movement keys, and close on
    /// `close`, their own toggle and the plain `quit` keys (`q`) while the
    /// `ctrl-` quit keys still quit.
    pub fn from_config(config: &Config) -> Keymap {
        let keys: Vec<(Action, Vec<KeySpec>)> = COMMANDS
            .iter()
            .map(|c| {
                (
                    c.action,
                    config.keys.get(c.name).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let of = |a: Action| -> Vec<KeySpec> {
            keys.iter()
                .find(|(b, _)| *b == a)
                .map(|(_, k)| k.clone())
                .unwrap_or_default()
        };
        let mut bindings = Vec::new();
        let mut bind = |mode: Mode, key: KeySpec, action: Action| {
            bindings.push(Binding { mode, key, action });
        };
        for (a, ks) in &keys {
            if *a == Action::DeleteBookmark {
                continue;
            }
            for &k in ks {
                bind(Mode::Normal, k, *a);
            }
        }
        let quits = |mode: Mode, bind: &mut dyn FnMut(Mode, KeySpec, Action)| {
            for k in of(Action::Quit) {
                bind(mode, k, if k.ctrl { Action::Quit } else { Action::Close });
            }
            for k in of(Action::Suspend) {
                bind(mode, k, Action::Suspend);
            }
            for k in of(Action::Close) {
                bind(mode, k, Action::Close);
            }
        };
        for a in [Action::Up, Action::Down] {
            for k in of(a) {
                bind(Mode::Help, k, a);
            }
        }
        for k in of(Action::ToggleHelp) {
            bind(Mode::Help, k, Action::Close);
        }
        quits(Mode::Help, &mut bind);
        // The lists (bookmarks, search hits) move like the tree, go with
        // `activate`, and close on their own key or a plain quit key.
        let list = |mode: Mode,
                    extra: &[Action],
                    own: Action,
                    bind: &mut dyn FnMut(Mode, KeySpec, Action)| {
            let moves = [
                Action::Up,
                Action::Down,
                Action::PageUp,
                Action::PageDown,
                Action::Top,
                Action::Bottom,
                Action::Activate,
            ];
            for &a in moves.iter().chain(extra) {
                for k in of(a) {
                    bind(mode, k, a);
                }
            }
            for k in of(own) {
                bind(mode, k, Action::Close);
            }
            quits(mode, bind);
        };
        // memory: the list of bookmarks
        list(
            Mode::Bookmarks,
            &[Action::DeleteBookmark],
            Action::Bookmarks,
            &mut bind,
        );
        // search: the prompt edits like a line editor (fixed keys); any
        // other plain character is typed (see `lookup`).
        let fixed = |name: &str| name.parse::<KeySpec>().expect("a valid key name");
        for (k, a) in [
            ("enter", Action::SearchAccept),
            ("esc", Action::SearchCancel),
            ("ctrl-c", Action::SearchCancel),
            ("ctrl-g", Action::SearchCancel),
            ("backspace", Action::SearchBackspace),
            ("ctrl-h", Action::SearchBackspace),
            ("left", Action::SearchLeft),
            ("right", Action::SearchRight),
            ("ctrl-u", Action::SearchClear),
        ] {
            bind(Mode::Search, fixed(k), a);
        }
        for k in of(Action::Suspend) {
            bind(Mode::Search, k, Action::Suspend);
        }
        // search: the list of hits
        list(Mode::Results, &[], Action::SearchResults, &mut bind);
        Keymap { bindings, keys }
    }

    /// The action for a key in a mode. After `m` or `'` a letter is the
    /// bookmark's name; any other key but a quit cancels. In the search
    /// prompt a plain character that no row binds is typed.
    pub fn lookup(&self, mode: Mode, key: KeySpec) -> Option<Action> {
        let plain = !key.ctrl && !key.alt;
        if matches!(mode, Mode::SetMark | Mode::JumpToMark) {
            return match key.key {
                KeyName::Char(c) if plain && c.is_ascii_alphabetic() => Some(Action::Letter(c)),
                _ => match self.lookup(Mode::Normal, key) {
                    Some(a @ (Action::Quit | Action::Suspend)) => Some(a),
                    _ => Some(Action::Close),
                },
            };
        }
        let bound = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.key == key)
            .map(|b| b.action);
        match (bound, mode, key.key) {
            (None, Mode::Search, KeyName::Char(c)) if plain => Some(Action::SearchInput(c)),
            _ => bound,
        }
    }

    /// The first key bound to an action in normal mode, as shown.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.mode == Mode::Normal && b.action == action)
            .map(|b| key_label(b.key))
    }

    /// Rows of the help overlay: the keys of each command, with what it
    /// does. Commands that share a description (`1`…`4`) share a row.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        let mut i = 0;
        while i < self.keys.len() {
            let doc = self.keys[i].0.describe();
            let same = self.keys[i..]
                .iter()
                .take_while(|(a, _)| a.describe() == doc)
                .count();
            let labels: Vec<String> = self.keys[i..i + same]
                .iter()
                .flat_map(|(_, ks)| ks.iter().map(|&k| key_label(k)))
                .collect();
            let keys = match labels.as_slice() {
                [first, .., last] if same > 1 => format!("{first}…{last}"),
                _ => labels.join(" "),
            };
            rows.push((keys, doc));
            i += same;
        }
        rows
    }
}

/// A key as the help shows it.
pub fn key_label(key: KeySpec) -> String {
    let base = match key.key {
        KeyName::Char(' ') => "Space".to_string(),
        KeyName::Char(c) => c.to_string(),
        KeyName::Up => "↑".into(),
        KeyName::Down => "↓".into(),
        KeyName::Left => "←".into(),
        KeyName::Right => "→".into(),
        KeyName::PageUp => "PgUp".into(),
        KeyName::PageDown => "PgDn".into(),
        KeyName::BackTab => "S-Tab".into(),
        KeyName::F(n) => format!("F{n}"),
        KeyName::Enter => "Enter".into(),
        KeyName::Esc => "Esc".into(),
        KeyName::Tab => "Tab".into(),
        KeyName::Backspace => "Backspace".into(),
        KeyName::Home => "Home".into(),
        KeyName::End => "End".into(),
        KeyName::Delete => "Delete".into(),
        KeyName::Insert => "Insert".into(),
    };
    let alt = if key.alt { "M-" } else { "" };
    if key.ctrl {
        format!("C-{alt}{base}")
    } else {
        format!("{alt}{base}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(name: &str) -> KeySpec {
        name.parse().unwrap()
    }

    #[test]
    fn ctrl_i_is_jump_forward_where_the_terminal_tells_it_from_tab() {
        let km = Keymap::default();
        assert_eq!(
            km.lookup(Mode::Normal, k("ctrl-i")),
            Some(Action::JumpForward)
        );
        assert_eq!(
            km.lookup(Mode::Normal, k("ctrl-n")),
            Some(Action::JumpForward)
        );
        assert_eq!(km.lookup(Mode::Normal, k("tab")), Some(Action::FocusNext));
    }

    #[test]
    fn labels_as_the_help_shows_them() {
        let labels: Vec<String> = [
            "space",
            "ctrl-d",
            "alt-x",
            "shift-tab",
            "pagedown",
            "G",
            "f5",
        ]
        .iter()
        .map(|n| key_label(k(n)))
        .collect();
        assert_eq!(labels, ["Space", "C-d", "M-x", "S-Tab", "PgDn", "G", "F5"]);
    }
}
