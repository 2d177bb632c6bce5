//! Key names in the config file (`q`, `ctrl-c`, `pagedown`, `shift-tab`, `?`)
//! and their parsed, terminal-free form.
//!
//! The reader converts a terminal key event to a [`KeySpec`] and looks it up;
//! the config and the help overlay print the same names.

use std::fmt;

/// A key without modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyName {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Delete,
    Insert,
    F(u8),
}

/// A key with modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeySpec {
    pub ctrl: bool,
    pub alt: bool,
    pub key: KeyName,
}

impl KeySpec {
    pub const fn plain(key: KeyName) -> KeySpec {
        KeySpec {
            ctrl: false,
            alt: false,
            key,
        }
    }
    pub const fn ctrl(c: char) -> KeySpec {
        KeySpec {
            ctrl: true,
            alt: false,
            key: KeyName::Char(c),
        }
    }
}

const NAMED: &[(&str, KeyName)] = &[
    ("enter", KeyName::Enter),
    ("esc", KeyName::Esc),
    ("tab", KeyName::Tab),
    ("shift-tab", KeyName::BackTab),
    ("backspace", KeyName::Backspace),
    ("up", KeyName::Up),
    ("down", KeyName::Down),
    ("left", KeyName::Left),
    ("right", KeyName::Right),
    ("pageup", KeyName::PageUp),
    ("pagedown", KeyName::PageDown),
    ("home", KeyName::Home),
    ("end", KeyName::End),
    ("delete", KeyName::Delete),
    ("insert", KeyName::Insert),
    ("space", KeyName::Char(' ')),
];

impl std::str::FromStr for KeySpec {
    type Err = String;

    /// Parses `q`, `G`, `?`, `ctrl-d`, `alt-x`, `pagedown`, `shift-tab`, `f1`.
    fn from_str(s: &str) -> Result<KeySpec, String> {
        let mut rest = s;
        let mut spec = KeySpec::plain(KeyName::Esc);
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                spec.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                spec.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        if let Some((_, k)) = NAMED.iter().find(|(n, _)| *n == lower) {
            spec.key = *k;
            return Ok(spec);
        }
        if let Some(n) = lower
            .strip_prefix('f')
            .and_then(|d| d.parse::<u8>().ok())
            .filter(|n| (1..=12).contains(n))
        {
            spec.key = KeyName::F(n);
            return Ok(spec);
        }
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => {
                spec.key = KeyName::Char(if spec.ctrl { c.to_ascii_lowercase() } else { c });
                Ok(spec)
            }
            _ => Err(format!(
                "`{s}` is not a key: expected a character (`q`, `?`), a name ({}) or f1–f12, with optional `ctrl-`/`alt-`",
                NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
            )),
        }
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.key {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "f{n}"),
            k => f.write_str(NAMED.iter().find(|(_, v)| *v == k).map_or("?", |(n, _)| n)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in [
            "q",
            "G",
            "?",
            "/",
            "ctrl-d",
            "ctrl-c",
            "alt-x",
            "pagedown",
            "shift-tab",
            "space",
            "f5",
            "enter",
            "1",
        ] {
            let k: KeySpec = s.parse().unwrap();
            assert_eq!(k.to_string(), s);
        }
        assert_eq!(
            "PageDown".parse::<KeySpec>().unwrap().to_string(),
            "pagedown"
        );
        assert_eq!("ctrl-D".parse::<KeySpec>().unwrap(), KeySpec::ctrl('d'));
        assert_eq!("-".parse::<KeySpec>().unwrap().to_string(), "-");
    }

    #[test]
    fn bad_names_say_what_was_expected() {
        for s in ["", "ctrl-", "pgdn", "f13", "qq"] {
            let e = s.parse::<KeySpec>().unwrap_err();
            assert!(e.contains("expected"), "{e}");
        }
    }
}
