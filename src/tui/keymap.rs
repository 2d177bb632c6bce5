//! Keys to [`Action`]s: one table, built from the config's `keys:` section
//! (the default keymap is the parsed `assets/config.yaml`, so the file
//! `--print-config` prints and the reader's keys never drift apart), and the
//! help overlay generated from the same bindings.
//!
//! Terminal keys ([`KeyEvent`]) and config keys ([`KeySpec`]) are converted
//! here, so the config module stays free of terminal types.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::Action;
use super::state::Mode;
use crate::config::{Config, KeyName, KeySpec};

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
    /// Each bindable action with its keys, in [`Action::BINDABLE`] order
    /// (the help's rows).
    pub keys: Vec<(Action, Vec<KeySpec>)>,
}

/// A config key as crossterm reports it.
pub fn to_crossterm(k: KeySpec) -> (KeyCode, KeyModifiers) {
    let code = match k.key {
        KeyName::Char(c) => KeyCode::Char(c),
        KeyName::Enter => KeyCode::Enter,
        KeyName::Esc => KeyCode::Esc,
        KeyName::Tab => KeyCode::Tab,
        KeyName::BackTab => KeyCode::BackTab,
        KeyName::Backspace => KeyCode::Backspace,
        KeyName::Up => KeyCode::Up,
        KeyName::Down => KeyCode::Down,
        KeyName::Left => KeyCode::Left,
        KeyName::Right => KeyCode::Right,
        KeyName::PageUp => KeyCode::PageUp,
        KeyName::PageDown => KeyCode::PageDown,
        KeyName::Home => KeyCode::Home,
        KeyName::End => KeyCode::End,
        KeyName::Delete => KeyCode::Delete,
        KeyName::Insert => KeyCode::Insert,
        KeyName::F(n) => KeyCode::F(n),
    };
    let mut mods = KeyModifiers::NONE;
    if k.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if k.alt {
        mods |= KeyModifiers::ALT;
    }
    (code, mods)
}

/// A terminal key as the config names it; `None` for keys the config has
/// no name for. Shift is part of the character (`G`) and of `shift-tab`.
pub fn from_crossterm(ev: &KeyEvent) -> Option<KeySpec> {
    let key = match ev.code {
        KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
            KeyName::Char(c.to_ascii_lowercase())
        }
        KeyCode::Char(c) => KeyName::Char(c),
        KeyCode::Enter => KeyName::Enter,
        KeyCode::Esc => KeyName::Esc,
        KeyCode::Tab if ev.modifiers.contains(KeyModifiers::SHIFT) => KeyName::BackTab,
        KeyCode::Tab => KeyName::Tab,
        KeyCode::BackTab => KeyName::BackTab,
        KeyCode::Backspace => KeyName::Backspace,
        KeyCode::Up => KeyName::Up,
        KeyCode::Down => KeyName::Down,
        KeyCode::Left => KeyName::Left,
        KeyCode::Right => KeyName::Right,
        KeyCode::PageUp => KeyName::PageUp,
        KeyCode::PageDown => KeyName::PageDown,
        KeyCode::Home => KeyName::Home,
        KeyCode::End => KeyName::End,
        KeyCode::Delete => KeyName::Delete,
        KeyCode::Insert => KeyName::Insert,
        KeyCode::F(n) => KeyName::F(n),
        _ => return None,
    };
    Some(KeySpec {
        ctrl: ev.modifiers.contains(KeyModifiers::CONTROL),
        alt: ev.modifiers.contains(KeyModifiers::ALT),
        key,
    })
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
        let keys: Vec<(Action, Vec<KeySpec>)> = Action::BINDABLE
            .iter()
            .map(|&a| {
                let name = a.name().expect("bindable actions have names");
                (a, config.keys.get(name).cloned().unwrap_or_default())
            })
            .collect();
        let of = |a: Action| -> Vec<KeySpec> {
            keys.iter()
                .find(|(b, _)| *b == a)
                .map(|(_, k)| k.clone())
                .unwrap_or_default()
        };
        let mut bindings = Vec::new();
        let mut bind = |mode: Mode, k: KeySpec, action: Action| {
            let (code, mods) = to_crossterm(k);
            bindings.push(Binding {
                mode,
                code,
                mods,
                action,
            });
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

    /// The action for a key in a mode. Shift is part of the character
    /// (`G`), so it is ignored for character keys. After `m` or `'` a
    /// letter is the bookmark's name; any other key but a quit cancels.
    pub fn lookup(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        if matches!(mode, Mode::SetMark | Mode::JumpToMark) {
            let plain = !ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            return match ev.code {
                KeyCode::Char(c) if plain && c.is_ascii_alphabetic() => Some(Action::Letter(c)),
                _ => match self.lookup(Mode::Normal, ev) {
                    Some(a @ (Action::Quit | Action::Suspend)) => Some(a),
                    _ => Some(Action::Close),
                },
            };
        }
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let mut code = ev.code;
        if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        if let KeyCode::Char(c) = code
            && mods.contains(KeyModifiers::CONTROL)
        {
            code = KeyCode::Char(c.to_ascii_lowercase());
        }
        if code == KeyCode::Tab && mods.contains(KeyModifiers::SHIFT) {
            code = KeyCode::BackTab;
            mods.remove(KeyModifiers::SHIFT);
        }
        let bound = self
            .bindings
            .iter()
            .find(|b| b.mode == mode && b.code == code && b.mods == mods)
            .map(|b| b.action);
        // In the search prompt a character no row binds is typed.
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

    /// Rows of the help overlay: the keys of each bindable action, with
    /// what the action does. `1`…`4` share one row.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(String, &'static str)> = Vec::new();
        let mut depth_keys: Vec<String> = Vec::new();
        for (a, ks) in &self.keys {
            let labels: Vec<String> = ks
                .iter()
                .map(|&k| {
                    let (c, m) = to_crossterm(k);
                    key_label(c, m)
                })
                .collect();
            if let Action::ShowDepth(d) = a {
                depth_keys.extend(labels);
                if *d == 4 {
                    let keys = match depth_keys.as_slice() {
                        [] => String::new(),
                        [one] => one.clone(),
                        [first, .., last] => format!("{first}…{last}"),
                    };
                    rows.push((keys, a.describe()));
                }
                continue;
            }
            rows.push((labels.join(" "), a.describe()));
        }
        rows
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
        other => format!("{other:?}"),
    };
    let alt = if mods.contains(KeyModifiers::ALT) {
        "M-"
    } else {
        ""
    };
    if mods.contains(KeyModifiers::CONTROL) {
        format!("C-{alt}{base}")
    } else {
        format!("{alt}{base}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_events_and_config_keys_convert_both_ways() {
        for name in ["q", "G", "ctrl-d", "alt-x", "shift-tab", "f5", "space", "'"] {
            let k: KeySpec = name.parse().unwrap();
            let (code, mods) = to_crossterm(k);
            assert_eq!(
                from_crossterm(&KeyEvent::new(code, mods)),
                Some(k),
                "{name}"
            );
        }
        let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(from_crossterm(&shift_g), Some("G".parse().unwrap()));
    }

    #[test]
    fn ctrl_i_is_jump_forward_where_the_terminal_tells_it_from_tab() {
        let km = Keymap::default();
        let ctrl_i = KeyEvent::new(KeyCode::Char('i'), KeyModifiers::CONTROL);
        let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(km.lookup(Mode::Normal, &ctrl_i), Some(Action::JumpForward));
        assert_eq!(km.lookup(Mode::Normal, &ctrl_n), Some(Action::JumpForward));
        assert_eq!(km.lookup(Mode::Normal, &tab), Some(Action::FocusNext));
    }
}
