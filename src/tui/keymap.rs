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
    /// One of the text pane's keys (the config's `text_keys:`), which come
    /// first where the text is read.
    pub text: bool,
}

/// What keys a mode takes: its column in the app's mode table
/// ([`crate::tui::app::modes::MODES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModeKeys {
    /// Every command's keys but those in `except`; in the text pane the
    /// `text_keys:` first, and digits start a percentage.
    Commands { except: &'static [Action] },
    /// A list: the moves, `activate` and the `extra` commands; it closes
    /// on its own key `own`, on `close` and on a plain quit key (`q`),
    /// while the `ctrl-` quit keys still quit. A `pager` (the help) also
    /// takes the text pane's keys (`Space` pages).
    List {
        own: Action,
        extra: &'static [Action],
        pager: bool,
    },
    /// A prompt that edits like a line editor (fixed keys); any other
    /// plain character is typed.
    Prompt,
    /// A letter names a bookmark; any other key but a quit cancels.
    Letter,
    /// A number: digits are typed, the prompt's keys edit, the `percent`
    /// keys go; any other key but a quit cancels.
    Number,
}

/// The table of bindings, searched in order.
#[derive(Clone, Debug)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
    /// Each command's action with its keys, in [`COMMANDS`] order (the
    /// help's rows).
    pub keys: Vec<(Action, Vec<KeySpec>)>,
    /// Each command's keys in the text pane (`text_keys:`), same order.
    pub text_keys: Vec<(Action, Vec<KeySpec>)>,
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

/// The prompts' editing keys, fixed like a line editor's.
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
    // The search prompt's scope: this report, or the whole library.
    ("tab", Action::SearchLibrary),
];

/// Keys the help lists that are not commands: what digits and `''` do.
pub const FIXED_HELP: &[(&str, &str)] = &[
    ("0…9 % p", "text: go to NN% (as less's 50%)"),
    ("' '", "back to the last jump (as less's '')"),
    ("/ then Tab", "search the whole library / this report"),
];

fn keys_from(
    config: &std::collections::BTreeMap<String, Vec<KeySpec>>,
) -> Vec<(Action, Vec<KeySpec>)> {
    COMMANDS
        .iter()
        .map(|c| (c.action, config.get(c.name).cloned().unwrap_or_default()))
        .collect()
}

impl Keymap {
    /// The keymap of a config for the modes given, each taking the keys
    /// its [`ModeKeys`] says.
    pub fn new(config: &Config, modes: &[(Mode, ModeKeys)]) -> Keymap {
        let mut km = Keymap {
            bindings: Vec::new(),
            keys: keys_from(&config.keys),
            text_keys: keys_from(&config.text_keys),
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

    fn text_keys_of(&self, a: Action) -> Vec<KeySpec> {
        self.text_keys
            .iter()
            .find(|(b, _)| *b == a)
            .map(|(_, k)| k.clone())
            .unwrap_or_default()
    }

    fn bind(&mut self, mode: Mode, keys: Vec<KeySpec>, action: impl Fn(KeySpec) -> Action) {
        for key in keys {
            let action = action(key);
            self.bindings.push(Binding {
                mode,
                key,
                action,
                text: false,
            });
        }
    }

    fn bind_text(&mut self, mode: Mode, a: Action) {
        for key in self.text_keys_of(a) {
            self.bindings.push(Binding {
                mode,
                key,
                action: a,
                text: true,
            });
        }
    }

    fn bind_mode(&mut self, mode: Mode, kind: ModeKeys) {
        match kind {
            ModeKeys::Commands { except } => {
                for (a, ks) in self.keys.clone() {
                    if !except.contains(&a) {
                        self.bind(mode, ks, |_| a);
                        self.bind_text(mode, a);
                    }
                }
            }
            ModeKeys::List { own, extra, pager } => {
                for &a in LIST_KEYS.iter().chain(extra) {
                    self.bind(mode, self.keys_of(a), |_| a);
                    if pager {
                        self.bind_text(mode, a);
                    }
                }
                self.bind(mode, self.keys_of(own), |_| Action::Close);
                let quit = |k: KeySpec| if k.ctrl { Action::Quit } else { Action::Close };
                self.bind(mode, self.keys_of(Action::Quit), quit);
                self.bind(mode, self.keys_of(Action::Suspend), |_| Action::Suspend);
                self.bind(mode, self.keys_of(Action::Close), |_| Action::Close);
            }
            ModeKeys::Prompt | ModeKeys::Number => {
                for &(name, a) in PROMPT_KEYS {
                    if let Ok(key) = name.parse() {
                        self.bind(mode, vec![key], |_| a);
                    }
                }
                if kind == ModeKeys::Number {
                    self.bind(mode, self.keys_of(Action::Percent), |_| {
                        Action::SearchAccept
                    });
                }
                self.bind(mode, self.keys_of(Action::Suspend), |_| Action::Suspend);
            }
            // Looked up by rule, see `lookup`.
            ModeKeys::Letter => {}
        }
    }

    /// The action for a key in a mode, outside the text pane (see
    /// [`Keymap::lookup_in`]).
    pub fn lookup(&self, mode: Mode, key: KeySpec) -> Option<Action> {
        self.lookup_in(mode, false, key)
    }

    /// The action for a key in a mode; `text`: the text pane (or a pager)
    /// has the keys, so its `text_keys:` come first and, in normal mode, a
    /// digit starts a percentage. After `m` or `'` a letter is the
    /// bookmark's name (`'` after `'` goes back to the last jump); any
    /// other key but a quit cancels. In a prompt a plain character that no
    /// row binds is typed. With no key left for `quit`, `ctrl-c` quits
    /// wherever it means nothing else.
    pub fn lookup_in(&self, mode: Mode, text: bool, key: KeySpec) -> Option<Action> {
        let plain = !key.ctrl && !key.alt;
        let kind = self.modes.iter().find(|(m, _)| *m == mode).map(|(_, k)| *k);
        let quit_or_cancel = || match self.lookup(Mode::Normal, key) {
            Some(a @ (Action::Quit | Action::Suspend)) => Some(a),
            _ => Some(Action::Close),
        };
        let digit = match key.key {
            KeyName::Char(c) if plain => c.to_digit(10).map(|d| d as u8),
            _ => None,
        };
        match kind {
            Some(ModeKeys::Letter) => {
                return match key.key {
                    KeyName::Char(c)
                        if plain && (c.is_ascii_alphabetic() || c == '\'' || c == '`') =>
                    {
                        Some(Action::Letter(c))
                    }
                    _ => quit_or_cancel(),
                };
            }
            Some(ModeKeys::Number) if digit.is_some() => return digit.map(Action::Digit),
            _ => {}
        }
        let find = |text: bool| {
            self.bindings
                .iter()
                .find(|b| b.mode == mode && b.key == key && b.text == text)
                .map(|b| b.action)
        };
        if text {
            if let Some(a) = find(true) {
                return Some(a);
            }
            if matches!(kind, Some(ModeKeys::Commands { .. })) && digit.is_some() {
                return digit.map(Action::Digit);
            }
        }
        let bound = find(false);
        let no_quit = self.keys_of(Action::Quit).is_empty();
        match (bound, kind, key.key) {
            (None, Some(ModeKeys::Prompt), KeyName::Char(c)) if plain => {
                Some(Action::SearchInput(c))
            }
            (None, Some(ModeKeys::Number), _) => quit_or_cancel(),
            (None, _, _) if no_quit && key == KeySpec::ctrl('c') => Some(Action::Quit),
            _ => bound,
        }
    }

    /// The first key bound to an action in normal mode, as shown.
    pub fn first_key(&self, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.mode == Mode::Normal && b.action == action && !b.text)
            .map(|b| key_label(b.key))
    }

    /// The first key the config gives a command, as shown (whatever mode
    /// it is used in: `delete_bookmark` in the list of bookmarks).
    pub fn command_key(&self, action: Action) -> Option<String> {
        self.keys_of(action).first().map(|&k| key_label(k))
    }

    /// The first key the text pane has for a command (its `text_keys:`
    /// first), as shown.
    pub fn first_text_key(&self, action: Action) -> Option<String> {
        self.text_keys_of(action)
            .first()
            .map(|&k| key_label(k))
            .or_else(|| self.command_key(action))
    }

    /// Rows of the help overlay: the keys of each command, with what it
    /// does; commands that share a description (`1`…`4`) share a row; a
    /// command's text-pane keys follow on a row of their own; then the
    /// keys that are no command (digits, `''`).
    pub fn help_rows(&self) -> Vec<(String, String)> {
        let mut rows: Vec<(String, String)> = Vec::new();
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
            rows.push((keys, doc.to_string()));
            let text: Vec<String> = self.text_keys[i..i + same]
                .iter()
                .flat_map(|(_, ks)| ks.iter().map(|&k| key_label(k)))
                .collect();
            if !text.is_empty() {
                rows.push((text.join(" "), format!("text: {doc}")));
            }
            i += same;
        }
        for &(k, d) in FIXED_HELP {
            rows.push((k.to_string(), d.to_string()));
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
            pager: false,
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
    fn the_text_pane_takes_less_keys_first_and_digits_start_a_percentage() {
        let km = Keymap::new(
            &Config::default(),
            &[NORMAL, (Mode::Percent, ModeKeys::Number)],
        );
        let text = |name| km.lookup_in(Mode::Normal, true, k(name));
        let tree = |name| km.lookup_in(Mode::Normal, false, k(name));
        assert_eq!(text("space"), Some(Action::PageDown));
        assert_eq!(text("f"), Some(Action::PageDown));
        assert_eq!(text("b"), Some(Action::PageUp));
        assert_eq!(text("d"), Some(Action::HalfPageDown));
        assert_eq!(text("u"), Some(Action::HalfPageUp));
        assert_eq!(text("5"), Some(Action::Digit(5)));
        assert_eq!(text("2"), Some(Action::Digit(2)));
        assert_eq!(text("j"), Some(Action::Down));
        assert_eq!(tree("space"), Some(Action::Activate));
        assert_eq!(tree("f"), Some(Action::SearchFilter));
        assert_eq!(tree("2"), Some(Action::ShowDepth(2)));
        let num = |name| km.lookup_in(Mode::Percent, false, k(name));
        assert_eq!(num("7"), Some(Action::Digit(7)));
        assert_eq!(num("%"), Some(Action::SearchAccept));
        assert_eq!(num("enter"), Some(Action::SearchAccept));
        assert_eq!(num("backspace"), Some(Action::SearchBackspace));
        assert_eq!(num("x"), Some(Action::Close));
        assert_eq!(num("ctrl-c"), Some(Action::SearchCancel));
    }

    #[test]
    fn with_quit_unbound_ctrl_c_still_quits() {
        let config = Config::from_yaml("keys: {quit: []}", "f", &Action::names()).unwrap();
        let km = Keymap::new(&config, &[NORMAL, (Mode::Search, ModeKeys::Prompt)]);
        assert_eq!(km.lookup(Mode::Normal, k("q")), None);
        assert_eq!(km.lookup(Mode::Normal, k("ctrl-c")), Some(Action::Quit));
        assert_eq!(
            km.lookup(Mode::Search, k("ctrl-c")),
            Some(Action::SearchCancel)
        );
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
