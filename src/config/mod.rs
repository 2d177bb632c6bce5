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

/// Colours of one theme, by role.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Palette {
    pub title: ColorName,
    pub heading: ColorName,
    pub marker: ColorName,
    pub text: ColorName,
    pub dim: ColorName,
    pub border: ColorName,
    pub focus: ColorName,
    pub selection_fg: ColorName,
    pub selection_bg: ColorName,
    pub hit_fg: ColorName,
    pub hit_bg: ColorName,
    pub current_hit_fg: ColorName,
    pub current_hit_bg: ColorName,
    pub target: ColorName,
    pub status_fg: ColorName,
    pub status_bg: ColorName,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    pub dark: Palette,
    pub light: Palette,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Panes {
    /// Width of the outline tree, in columns.
    pub tree_width: u16,
    /// Width of the targets sidebar, in columns.
    pub sidebar_width: u16,
    /// Whether the sidebar starts shown (on terminals wide enough for it).
    pub sidebar: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Display {
    /// Show ASCII `,;:?!()` next to Han characters as `，；：？！（）`.
    pub fullwidth_punctuation: bool,
    /// Indent each paragraph's first line by two full-width cells.
    pub first_line_indent: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Search {
    /// Let ASCII queries match Han text by pinyin and initials.
    pub pinyin: bool,
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
}

/// A config file as written: any subset of [`Config`].
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Partial {
    theme: Option<ThemeName>,
    colors: Option<PartialColors>,
    panes: Option<Panes>,
    display: Option<Display>,
    search: Option<Search>,
    #[serde(default)]
    keys: BTreeMap<String, KeyList>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PartialColors {
    dark: Option<Palette>,
    light: Option<Palette>,
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
        let colors = partial.colors.expect("default colours");
        Config {
            theme: partial.theme.unwrap_or_default(),
            colors: Colors {
                dark: colors.dark.expect("dark palette"),
                light: colors.light.expect("light palette"),
            },
            panes: partial.panes.expect("default panes"),
            display: partial.display.expect("default display"),
            search: partial.search.expect("default search"),
            keys: partial.keys.into_iter().map(|(a, k)| (a, k.0)).collect(),
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
/// as a key under `keys:`, for errors serde cannot place.
fn line_of_key(yaml: &str, needle: &str) -> Option<usize> {
    let mut in_keys = false;
    for (i, line) in yaml.lines().enumerate() {
        let t = line.trim_start();
        if !line.starts_with(' ') && !t.is_empty() && !t.starts_with('#') {
            in_keys = t.starts_with("keys:");
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
        if let Some(c) = partial.colors {
            if let Some(d) = c.dark {
                config.colors.dark = d;
            }
            if let Some(l) = c.light {
                config.colors.light = l;
            }
        }
        if let Some(p) = partial.panes {
            config.panes = p;
        }
        if let Some(d) = partial.display {
            config.display = d;
        }
        if let Some(s) = partial.search {
            config.search = s;
        }
        for (action, keys) in partial.keys {
            if !actions.contains(&action.as_str()) {
                return Err(err(
                    line_of_key(yaml, &action),
                    Some(3),
                    format!(
                        "unknown action `{action}` under keys: expected one of {}",
                        actions.join(", ")
                    ),
                ));
            }
            config.keys.insert(action, keys.0);
        }
        // One key, one action.
        let mut owner: BTreeMap<KeySpec, &str> = BTreeMap::new();
        for (action, keys) in &config.keys {
            for k in keys {
                if let Some(other) = owner.insert(*k, action) {
                    let line = line_of_key(yaml, action).or_else(|| line_of_key(yaml, other));
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
