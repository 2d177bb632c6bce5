//! The YAML configuration: key bindings, colours, pane widths, display and
//! search defaults.
//!
//! `assets/config.yaml` is the commented default, compiled in:
//! `--print-config` prints it and [`Config::default`] parses it, so the two
//! never drift apart. A user file (`$XDG_CONFIG_HOME/gangmu/config.yaml` or
//! `--config FILE`) may set any subset of it; unknown fields and bad values
//! are rejected with the file, line and column.

pub mod keys;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize};

pub use keys::{KeyName, KeySpec};

/// The default configuration, commented.
pub const DEFAULT_YAML: &str = include_str!("../../assets/config.yaml");

/// The largest config file read (the default is 6 KB).
pub const MAX_BYTES: u64 = 1 << 20;

/// The deepest nesting of flow collections (`[`, `{`) a config may have
/// (the default has 1): the YAML parser takes time quadratic in it
/// (`{a: `×40,000 took 11 s to refuse), so deeper is refused first.
pub const MAX_NESTING: usize = 32;

/// Which palette to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

/// A colour as written: a name (`yellow`, `darkgray`, `reset`), `#rrggbb`
/// or a 256-colour index. Checked when the file is read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ColorName(pub String);

impl<'de> Deserialize<'de> for ColorName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse::<ratatui::style::Color>().map_err(|_| {
            serde::de::Error::custom(format!(
                "`{s}` is not a colour: expected a name (black, red, green, yellow, blue, magenta, cyan, gray, darkgray, light-red…, white, reset), #rrggbb or 0–255"
            ))
        })?;
        Ok(ColorName(s))
    }
}

impl ColorName {
    pub fn color(&self) -> ratatui::style::Color {
        self.0.parse().unwrap_or(ratatui::style::Color::Reset)
    }
}

/// Declares a config section twice: the full struct the reader uses
/// (every field set) and the partial form a file may write (every field
/// optional: what is left out keeps its default), with the merge of the
/// one over the other.
macro_rules! section {
    (
        $(#[$m:meta])*
        $name:ident / $partial:ident {
            $( $(#[$fm:meta])* $field:ident : $ty:ty ),* $(,)?
        }
    ) => {
        $(#[$m])*
        #[derive(Clone, Debug, PartialEq, Eq, Serialize)]
        pub struct $name {
            $( $(#[$fm])* pub $field: $ty ),*
        }

        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $partial {
            $( $field: Option<$ty> ),*
        }

        impl $partial {
            /// Sets the fields the file gives; the others stay.
            fn merge_into(self, base: &mut $name) {
                $( if let Some(v) = self.$field { base.$field = v; } )*
            }

            /// The section when every field is given (the default file).
            fn complete(self) -> Option<$name> {
                Some($name { $( $field: self.$field? ),* })
            }
        }
    };
}

section! {
    /// Colours of one theme, by role.
    Palette / PartialPalette {
        title: ColorName,
        heading: ColorName,
        marker: ColorName,
        text: ColorName,
        dim: ColorName,
        border: ColorName,
        focus: ColorName,
        selection_fg: ColorName,
        selection_bg: ColorName,
        hit_fg: ColorName,
        hit_bg: ColorName,
        current_hit_fg: ColorName,
        current_hit_bg: ColorName,
        target: ColorName,
        status_fg: ColorName,
        status_bg: ColorName,
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Colors {
    pub dark: Palette,
    pub light: Palette,
}

section! {
    Panes / PartialPanes {
        /// Width of the outline tree, in columns (at least; wide windows
        /// give it more).
        tree_width: u16,
        /// Width of the targets sidebar, in columns (at least; wide windows
        /// give it more).
        sidebar_width: u16,
        /// Whether the sidebar starts shown (on terminals wide enough for it).
        sidebar: bool,
    }
}

section! {
    Display / PartialDisplay {
        /// Show ASCII `,;:?!()` next to Han characters as `，；：？！（）`.
        fullwidth_punctuation: bool,
        /// Indent each paragraph's first line by two full-width cells.
        first_line_indent: bool,
        /// The widest the text column gets, in columns (0: no maximum); the
        /// column is centred in its pane.
        max_width: u16,
    }
}

section! {
    Search / PartialSearch {
        /// Let ASCII queries match Han text by pinyin and initials.
        pinyin: bool,
    }
}

/// The whole configuration, every field filled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub colors: Colors,
    pub panes: Panes,
    pub display: Display,
    pub search: Search,
    /// Action name → keys.
    pub keys: BTreeMap<String, Vec<KeySpec>>,
    /// Action name → keys that come first in the text pane (less's
    /// `Space`, `b`, `d`, `u`); they may be keys of other actions elsewhere.
    pub text_keys: BTreeMap<String, Vec<KeySpec>>,
}

/// A config file as written: any subset of [`Config`].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Partial {
    theme: Option<ThemeName>,
    #[serde(default)]
    colors: PartialColors,
    #[serde(default)]
    panes: PartialPanes,
    #[serde(default)]
    display: PartialDisplay,
    #[serde(default)]
    search: PartialSearch,
    #[serde(default)]
    keys: BTreeMap<String, KeyList>,
    #[serde(default)]
    text_keys: BTreeMap<String, KeyList>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialColors {
    #[serde(default)]
    dark: PartialPalette,
    #[serde(default)]
    light: PartialPalette,
}

/// One or more keys: `q` or `[q, ctrl-c]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum KeyListRepr {
    One(String),
    Many(Vec<String>),
}

#[derive(Debug)]
struct KeyList(Vec<KeySpec>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names = match KeyListRepr::deserialize(d)? {
            KeyListRepr::One(s) => vec![s],
            KeyListRepr::Many(v) => v,
        };
        names
            .iter()
            .map(|s| s.parse::<KeySpec>().map_err(serde::de::Error::custom))
            .collect::<Result<_, _>>()
            .map(KeyList)
    }
}

/// A rejected config: where and why, on one line.
#[derive(Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Default for Config {
    fn default() -> Config {
        let partial: Partial =
            serde_yaml::from_str(DEFAULT_YAML).expect("assets/config.yaml is valid");
        let keys = |k: BTreeMap<String, KeyList>| k.into_iter().map(|(a, k)| (a, k.0)).collect();
        Config {
            theme: partial.theme.unwrap_or_default(),
            colors: Colors {
                dark: partial.colors.dark.complete().expect("dark palette"),
                light: partial.colors.light.complete().expect("light palette"),
            },
            panes: partial.panes.complete().expect("default panes"),
            display: partial.display.complete().expect("default display"),
            search: partial.search.complete().expect("default search"),
            keys: keys(partial.keys),
            text_keys: keys(partial.text_keys),
        }
    }
}

/// serde_yaml places errors of a value checked in our own `Deserialize`
/// (a colour, a key name) at the mapping that holds it. The message quotes
/// the bad value in backticks: find it at or after that line.
fn refine_location(yaml: &str, line: usize, column: usize, msg: &str) -> (usize, usize) {
    let mut parts = msg.split('`');
    let (Some(_), Some(value)) = (parts.next(), parts.next()) else {
        return (line, column);
    };
    if value.is_empty() {
        return (line, column);
    }
    for (i, text) in yaml.lines().enumerate().skip(line.saturating_sub(1)) {
        if let Some(col) = text.find(value) {
            let before = text[..col].trim_end();
            if before.ends_with(':')
                || before.ends_with('[')
                || before.ends_with(',')
                || before.ends_with('-')
            {
                return (i + 1, text[..col].chars().count() + 1);
            }
        }
    }
    (line, column)
}

/// The line (1-based) of the first line in `yaml` that mentions `needle`
/// as a key under `section:` (`keys:`, `text_keys:`), for errors serde
/// cannot place.
fn line_of_key(yaml: &str, section: &str, needle: &str) -> Option<usize> {
    let mut in_keys = false;
    for (i, line) in yaml.lines().enumerate() {
        let t = line.trim_start();
        if !line.starts_with(' ') && !t.is_empty() && !t.starts_with('#') {
            in_keys = t.starts_with(&format!("{section}:"));
        }
        if in_keys
            && (t.starts_with(&format!("{needle}:")) || t.starts_with(&format!("\"{needle}\":")))
        {
            return Some(i + 1);
        }
    }
    None
}

/// Where `yaml` first nests flow collections deeper than [`MAX_NESTING`]
/// (1-based line and column), if it does. Quoted scalars and comments are
/// skipped; a quote counts only where a scalar may start.
fn too_deep(yaml: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    // Inside a comment (`#`) or a quoted scalar (`'`, `"`).
    let mut inside: Option<char> = None;
    let mut prev = ' ';
    let (mut line, mut column) = (1, 0);
    let mut chars = yaml.chars();
    while let Some(c) = chars.next() {
        column += 1;
        if c == '\n' {
            (line, column) = (line + 1, 0);
            if inside == Some('#') {
                inside = None;
            }
            prev = ' ';
            continue;
        }
        match inside {
            Some('#') => {}
            Some('\'') if c == '\'' => inside = None,
            Some('"') if c == '\\' => {
                chars.next();
                column += 1;
            }
            Some('"') if c == '"' => inside = None,
            Some(_) => {}
            None => match c {
                '#' if prev.is_whitespace() => inside = Some('#'),
                '\'' | '"' if prev.is_whitespace() || "[{,:-?".contains(prev) => inside = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return Some((line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        prev = c;
    }
    None
}

impl Config {
    /// The default config merged with a YAML text. `actions` are the names
    /// a `keys:` entry may use.
    pub fn from_yaml(yaml: &str, file: &str, actions: &[&str]) -> Result<Config, ConfigError> {
        let err = |line, column, message: String| ConfigError {
            file: file.to_string(),
            line,
            column,
            message,
        };
        if let Some((line, column)) = too_deep(yaml) {
            return Err(err(
                Some(line),
                Some(column),
                format!("nested deeper than {MAX_NESTING} levels"),
            ));
        }
        let partial: Partial = if yaml.trim().is_empty() {
            Partial::default()
        } else {
            serde_yaml::from_str(yaml).map_err(|e| {
                let loc = e.location();
                let msg = e.to_string();
                // serde_yaml appends "at line L column C"; keep the message itself.
                let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
                let (line, column) = match loc {
                    Some(l) => {
                        let (line, column) = refine_location(yaml, l.line(), l.column(), &msg);
                        (Some(line), Some(column))
                    }
                    None => (None, None),
                };
                err(line, column, msg)
            })?
        };
        let mut config = Config::default();
        if let Some(t) = partial.theme {
            config.theme = t;
        }
        partial.colors.dark.merge_into(&mut config.colors.dark);
        partial.colors.light.merge_into(&mut config.colors.light);
        partial.panes.merge_into(&mut config.panes);
        partial.display.merge_into(&mut config.display);
        partial.search.merge_into(&mut config.search);
        for (section, given, map) in [
            ("keys", partial.keys, &mut config.keys),
            ("text_keys", partial.text_keys, &mut config.text_keys),
        ] {
            for (action, keys) in given {
                if !actions.contains(&action.as_str()) {
                    return Err(err(
                        line_of_key(yaml, section, &action),
                        Some(3),
                        format!(
                            "unknown action `{action}` under {section}: expected one of {}",
                            actions.join(", ")
                        ),
                    ));
                }
                map.insert(action, keys.0);
            }
            // One key, one action (in each section: the text pane's keys
            // come before the others there).
            let mut owner: BTreeMap<KeySpec, &str> = BTreeMap::new();
            for (action, keys) in map.iter() {
                for k in keys {
                    if let Some(other) = owner.insert(*k, action) {
                        let line = line_of_key(yaml, section, action)
                            .or_else(|| line_of_key(yaml, section, other));
                        return Err(err(
                            line,
                            line.map(|_| 3),
                            format!(
                                "key `{k}` is bound to both `{other}` and `{action}`: give each key one action"
                            ),
                        ));
                    }
                }
            }
        }
        // Never a reader that cannot be left: with no key for `quit`,
        // ctrl-c quits, so it must not be taken by another action.
        let quit_keys = config.keys.get("quit").is_some_and(|k| !k.is_empty());
        if !quit_keys && actions.contains(&"quit") {
            let ctrl_c = KeySpec::ctrl('c');
            if let Some((other, _)) = config.keys.iter().find(|(_, ks)| ks.contains(&ctrl_c)) {
                let line = line_of_key(yaml, "keys", other);
                return Err(err(
                    line,
                    line.map(|_| 3),
                    format!(
                        "no key would quit: `quit` has none, and ctrl-c (which then quits) is bound to `{other}`"
                    ),
                ));
            }
        }
        Ok(config)
    }

    /// Reads a config file: a regular file of at most [`MAX_BYTES`].
    pub fn load(path: &Path, actions: &[&str]) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        let fail = |message: String| ConfigError {
            file: file.clone(),
            line: None,
            column: None,
            message,
        };
        let bytes = crate::persist::read_small(path, MAX_BYTES).map_err(|e| fail(e.to_string()))?;
        let text = String::from_utf8(bytes).map_err(|_| fail("not UTF-8 text".to_string()))?;
        Config::from_yaml(&text, &file, actions)
    }

    /// `$XDG_CONFIG_HOME/gangmu/config.yaml` (or `~/.config/gangmu/config.yaml`).
    pub fn default_path() -> Option<PathBuf> {
        let dirs = directories::BaseDirs::new()?;
        Some(dirs.config_dir().join("gangmu").join("config.yaml"))
    }

    /// The palette in force.
    pub fn palette(&self) -> &Palette {
        match self.theme {
            ThemeName::Dark => &self.colors.dark,
            ThemeName::Light => &self.colors.light,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ACTIONS: &[&str] = &["quit", "down", "up"];

    #[test]
    fn default_is_the_asset() {
        let c = Config::default();
        assert_eq!(c.theme, ThemeName::Dark);
        assert!(c.display.fullwidth_punctuation);
        let names: Vec<&str> = c.keys.keys().map(String::as_str).collect();
        assert_eq!(Config::from_yaml(DEFAULT_YAML, "d", &names).unwrap(), c);
        assert_eq!(Config::from_yaml("", "empty", ACTIONS).unwrap(), c);
    }

    #[test]
    fn partial_files_merge() {
        let c = Config::from_yaml("theme: light\npanes:\n  tree_width: 40\n  sidebar_width: 20\n  sidebar: false\nkeys:\n  quit: [x, ctrl-c]\n", "f", ACTIONS).unwrap();
        assert_eq!(c.theme, ThemeName::Light);
        assert_eq!(c.panes.tree_width, 40);
        assert_eq!(
            c.keys["quit"],
            vec!["x".parse().unwrap(), KeySpec::ctrl('c')]
        );
    }

    #[test]
    fn every_field_of_every_section_is_optional() {
        let d = Config::default();
        let c = Config::from_yaml("panes: {sidebar: false}\n", "f", ACTIONS).unwrap();
        assert!(!c.panes.sidebar);
        assert_eq!(c.panes.tree_width, d.panes.tree_width);
        let c = Config::from_yaml("display: {max_width: 0}\n", "f", ACTIONS).unwrap();
        assert_eq!(c.display.max_width, 0);
        assert_eq!(c.display.first_line_indent, d.display.first_line_indent);
        // A palette keeps its own defaults for the roles left out.
        let c = Config::from_yaml("colors: {light: {title: red}}\n", "f", ACTIONS).unwrap();
        assert_eq!(c.colors.light.title, ColorName("red".into()));
        assert_eq!(c.colors.light.heading, d.colors.light.heading);
        assert_eq!(c.colors.dark, d.colors.dark);
        let c = Config::from_yaml("search: {}\ncolors: {}\n", "f", ACTIONS).unwrap();
        assert_eq!(c, d);
    }

    #[test]
    fn quit_may_be_unbound_while_ctrl_c_is_free() {
        let c = Config::from_yaml("keys: {quit: []}\n", "f", ACTIONS).unwrap();
        assert!(c.keys["quit"].is_empty());
        let e = error("keys:\n  quit: []\n  down: [j, ctrl-c]\n");
        assert!(e.message.contains("no key would quit"), "{e}");
        assert_eq!(e.line, Some(3), "{e}");
    }

    #[test]
    fn text_keys_may_share_keys_with_the_others_but_not_among_themselves() {
        let c = Config::from_yaml("text_keys:\n  down: [q]\n", "f", ACTIONS).unwrap();
        assert_eq!(c.text_keys["down"], vec!["q".parse().unwrap()]);
        let e = error("text_keys:\n  down: [x]\n  up: [x]\n");
        assert!(e.message.contains("key `x` is bound to both"), "{e}");
        assert_eq!(e.line, Some(3), "{e}");
        let e = error("text_keys:\n  jump: [x]\n");
        assert!(e.message.contains("under text_keys"), "{e}");
        assert_eq!(e.line, Some(2), "{e}");
    }

    fn error(yaml: &str) -> ConfigError {
        Config::from_yaml(yaml, "c.yaml", ACTIONS).unwrap_err()
    }

    #[test]
    fn deep_nesting_is_refused_before_parsing() {
        let deep = "{a: ".repeat(40_000);
        let e = error(&deep);
        assert_eq!(
            (e.line, e.column),
            (Some(1), Some(4 * MAX_NESTING + 1)),
            "{e}"
        );
        assert!(e.message.contains("nested deeper than 32 levels"), "{e}");
        let e = error(&format!(
            "theme: dark\nkeys:\n  quit: {}",
            "[".repeat(40_000)
        ));
        assert_eq!((e.line, e.column), (Some(3), Some(9 + MAX_NESTING)), "{e}");
        // Brackets in quotes and comments do not nest.
        let many = "[".repeat(100);
        for yaml in [
            format!("# {many}\ntheme: dark\n"),
            format!("theme: dark # {many}\n"),
            format!("theme: '{many}'\n"),
            format!("theme: \"\\\"{many}\"\n"),
        ] {
            assert_eq!(too_deep(&yaml), None, "{yaml}");
        }
        assert_eq!(too_deep(DEFAULT_YAML), None);
        // As deep as allowed: serde's own error, not ours.
        let ok = format!("{}{}", "[".repeat(MAX_NESTING), "]".repeat(MAX_NESTING));
        assert!(!error(&ok).message.contains("nested"));
    }

    #[test]
    fn errors_name_line_and_column() {
        let e = error("theme: dark\ncolour: red\n");
        assert_eq!((e.line, e.column), (Some(2), Some(1)), "{e}");
        assert!(
            e.message.contains("unknown field `colour`") && e.message.contains("expected"),
            "{e}"
        );
        assert!(e.to_string().starts_with("c.yaml:2:1: "));

        let e = error("theme: sepia\n");
        assert_eq!(e.line, Some(1));
        assert!(e.message.contains("unknown variant `sepia`"), "{e}");

        let e = error("display:\n  fullwidth_punctuation: yes please\n  first_line_indent: true\n");
        assert_eq!(e.line, Some(2), "{e}");

        let e = error("panes:\n  tree_width: -3\n  sidebar_width: 1\n  sidebar: true\n");
        assert_eq!(e.line, Some(2), "{e}");

        let mut pal = String::from("colors:\n  dark:\n");
        for (i, role) in [
            "title",
            "heading",
            "marker",
            "text",
            "dim",
            "border",
            "focus",
            "selection_fg",
            "selection_bg",
            "hit_fg",
            "hit_bg",
            "current_hit_fg",
            "current_hit_bg",
            "target",
            "status_fg",
            "status_bg",
        ]
        .iter()
        .enumerate()
        {
            pal.push_str(&format!(
                "    {role}: {}\n",
                if i == 3 { "mauve" } else { "red" }
            ));
        }
        let e = error(&pal);
        assert_eq!(e.line, Some(6), "{e}");
        assert!(e.message.contains("`mauve` is not a colour"), "{e}");

        let e = error("keys:\n  down: [j, pgdn]\n");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("`pgdn` is not a key"), "{e}");

        let e = error("keys:\n  jump: [x]\n");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("unknown action `jump`"), "{e}");

        let e = error("theme: [unclosed\n");
        assert!(e.line.is_some(), "{e}");
    }

    #[test]
    fn one_key_two_actions_is_rejected() {
        let e = error("keys:\n  quit: [q]\n  down: [q]\n");
        assert!(e.message.contains("key `q` is bound to both"), "{e}");
        assert!(e.line.is_some());
    }
}
