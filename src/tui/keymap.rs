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

/// What keys a mode takes: its column in the app's mode table
/// ([`crate::tui::app::modes::MODES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeKeys {
    /// Every command's keys but those in `except`.
    Commands { except: &'static [Action] },
    /// A list: the moves, `activate` and the `extra` commands; it closes
    /// on its own key `own`, on `close` and on a plain quit key (`q`),
    /// while the `ctrl-` quit keys still quit.
    List {
        own: Action,
        extra: &'static [Action],
    },
    /// A prompt that edits like a line editor (fixed keys); any other
    /// plain character is typed.
    Prompt,
    /// A letter names a bookmark; any other key but a quit cancels.
    Letter,
}

/// The table of bindings, searched in order.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    /// Each command's action with its keys, in [`COMMANDS`] order (the
    /// help's rows).
    pub keys: Vec<(Action, Vec<KeySpec>)>,
    /// What keys each mode takes.
    modes: Vec<(Mode, ModeKeys)>,
}

/// The moves every list takes, and `activate`.
const LIST_KEYS: &[Action] = &[
    Action::Up,
    Action::Down,
    Action::PageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
    Action::Activate,
];

/// The search prompt's editing keys, fixed like a line editor's.
const PROMPT_KEYS: &[(&str, Action)] = &[
    ("enter", Action::SearchAccept),
    ("esc", Action::SearchCancel),
    ("ctrl-c", Action::SearchCancel),
    ("ctrl-g", Action::SearchCancel),
    ("backspace", Action::SearchBackspace),
    ("ctrl-h", Action::SearchBackspace),
    ("left", Action::SearchLeft),
    ("right", Action::SearchRight),
    ("ctrl-u", Action::SearchClear),
];

impl Keymap {
    /// The keymap of a config for the modes given, each taking the keys
    /// its [`ModeKeys`] says.
    pub fn new(config: &Config, modes: &[(Mode, ModeKeys)]) -> Keymap {
        let keys: Vec<(Action, Vec<KeySpec>)> = COMMANDS
            .iter()
            .map(|c| {
                (
                    c.action,
                    config.keys.get(c.name).cloned().unwrap_or_default(),
                )
            })
            .collect();
        let mut km = Keymap {
            bindings: Vec::new(),
            keys,
            modes: modes.to_vec(),
        };
        for &(mode, kind) in modes {
            km.bind_mode(mode, kind);
        }
        km
    }

    fn keys_of(&self, a: Action) -> Vec<KeySpec> {
        self.keys
            .iter()
            .find(|(b, _)| *b == a)
            .map(|(_, k)| k.clone())
            .unwrap_or_default()
    }

    fn bind(&mut self, mode: Mode, keys: Vec<KeySpec>, action: impl Fn(KeySpec) -> Action) {
        for key in keys {
            let action = action(key);
            self.bindings.push(Binding { mode, key, action });
        }
    }

    fn bind_mode(&mut self, mode: Mode, kind: ModeKeys) {
        match kind {
            ModeKeys::Commands { except } => {
                for (a, ks) in self.keys.clone() {
                    if !except.contains(&a) {
                        self.bind(mode, ks, |_| a);
                    }
                }
            }
            ModeKeys::List { own, extra } => {
                for &a in LIST_KEYS.iter().chain(extra) {
                    self.bind(mode, self.keys_of(a), |_| a);
                }
                self.bind(mode, self.keys_of(own), |_| Action::Close);
                let quit = |k: KeySpec| if k.ctrl { Action::Quit } else { Action::Close };
                self.bind(mode, self.keys_of(Action::Quit), quit);
                self.bind(mode, self.keys_of(Action::Suspend), |_| Action::Suspend);
                self.bind(mode, self.keys_of(Action::Close), |_| Action::Close);
            }
            ModeKeys::Prompt => {
                for &(name, a) in PROMPT_KEYS {
                    if let Ok(key) = name.parse() {
                        self.bind(mode, vec![key], |_| a);
                    }
                }
                self.bind(mode, self.keys_of(Action::Suspend), |_| Action::Suspend);
            }
            // Looked up by rule, see `lookup`.
            ModeKeys::Letter => {}
        }
    }

    /// The action for a key in a mode. After `m` or `'` a letter is the
    /// bookmark's name; any other key but a quit cancels. In the search
    /// prompt a plain character that no row binds is typed.
    pub fn lookup(&self, mode: Mode, key: KeySpec) -> Option<Action> {
        let plain = !key.ctrl && !key.alt;
        let kind = self.modes.iter().find(|(m, _)| *m == mode).map(|(_, k)| *k);
        if kind == Some(ModeKeys::Letter) {
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
        match (bound, kind, key.key) {
            (None, Some(ModeKeys::Prompt), KeyName::Char(c)) if plain => {
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

    const NORMAL: (Mode, ModeKeys) = (Mode::Normal, ModeKeys::Commands { except: &[] });

    #[test]
    fn ctrl_i_is_jump_forward_where_the_terminal_tells_it_from_tab() {
        let km = Keymap::new(&Config::default(), &[NORMAL]);
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
    fn each_mode_takes_the_keys_its_kind_says() {
        let list = ModeKeys::List {
            own: Action::Bookmarks,
            extra: &[Action::DeleteBookmark],
        };
        let km = Keymap::new(
            &Config::default(),
            &[
                NORMAL,
                (Mode::Bookmarks, list),
                (Mode::Search, ModeKeys::Prompt),
                (Mode::SetMark, ModeKeys::Letter),
            ],
        );
        let at = |mode, name| km.lookup(mode, k(name));
        // A list: moves, its own extra key, closes on its key and plain q.
        assert_eq!(at(Mode::Bookmarks, "j"), Some(Action::Down));
        assert_eq!(at(Mode::Bookmarks, "d"), Some(Action::DeleteBookmark));
        assert_eq!(at(Mode::Bookmarks, "B"), Some(Action::Close));
        assert_eq!(at(Mode::Bookmarks, "q"), Some(Action::Close));
        assert_eq!(at(Mode::Bookmarks, "ctrl-c"), Some(Action::Quit));
        assert_eq!(at(Mode::Bookmarks, "/"), None);
        // A prompt: fixed keys, characters typed, ctrl-z still suspends.
        assert_eq!(at(Mode::Search, "j"), Some(Action::SearchInput('j')));
        assert_eq!(at(Mode::Search, "ctrl-c"), Some(Action::SearchCancel));
        assert_eq!(at(Mode::Search, "ctrl-z"), Some(Action::Suspend));
        assert_eq!(at(Mode::Search, "alt-x"), None);
        // A letter: a bookmark's name; quits quit; anything else cancels.
        assert_eq!(at(Mode::SetMark, "a"), Some(Action::Letter('a')));
        assert_eq!(at(Mode::SetMark, "ctrl-c"), Some(Action::Quit));
        assert_eq!(at(Mode::SetMark, "1"), Some(Action::Close));
        // A mode with no row takes no keys.
        assert_eq!(at(Mode::Results, "j"), None);
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
