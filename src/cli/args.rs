//! The command line, declared with clap.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Output formats of the scripted views.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    #[default]
    Text,
    Json,
    Yaml,
    Csv,
    /// Markdown: headings for --outline, a table for --targets.
    Md,
    /// Org: headings for --outline.
    Org,
}

/// Orders of `--list`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum SortBy {
    /// Newest first, then by title.
    #[default]
    Year,
    /// By title, in pinyin order.
    Title,
}

#[derive(Debug, Parser)]
#[command(
    name = "gangmu",
    version,
    about = "纲目 — read Chinese policy reports in the terminal: outline, targets, search",
    after_help = "Examples:\n  gangmu                          open the bundled report in the reader\n  gangmu 报告.txt                  open a report (UTF-8, GB18030/GBK or UTF-16)\n  gangmu reports/                  open a library: its reports listed, searched together\n  gangmu --outline --format json 报告.txt\n  gangmu --targets --format csv 报告.txt\n  gangmu --search 大零号湾 reports/\n  gangmu --list --sort title reports/\n  gangmu --compare 2023.txt 2024.txt --reader\n  cat 报告.txt | gangmu --outline -\n  gangmu --config my.yaml --no-state 报告.txt\n  gangmu --print-config > ~/.config/gangmu/config.yaml\n\nThe reader reopens each report where reading stopped (state in\n$XDG_STATE_HOME/gangmu). Keys: ? in the reader; m+letter bookmarks,\n'+letter goes back to one, Ctrl-o/Ctrl-n move through the jump history."
)]
pub struct Args {
    /// The reports to open: files (`-` for standard input) or directories
    /// (their .txt and .md reports, recursively). Without one, the bundled
    /// Minhang district report opens. A directory or several paths make a
    /// library: the scripted views then name the report on each line and
    /// wrap JSON/YAML per report.
    #[arg(value_name = "PATH")]
    pub files: Vec<PathBuf>,

    /// Print the outline instead of opening the reader.
    #[arg(long)]
    pub outline: bool,

    /// Print the report's quantified targets instead of opening the reader.
    #[arg(long, conflicts_with_all = ["outline", "search"])]
    pub targets: bool,

    /// With --targets: list the results (what the report says was done)
    /// too, marked `result`.
    #[arg(long, requires = "targets")]
    pub all: bool,

    /// Print every hit of QUERY (literal, or pinyin for ASCII letters:
    /// `dlhw`, `dalinghaowan`) instead of opening the reader. Exit status 1
    /// when nothing is found.
    #[arg(long, value_name = "QUERY", conflicts_with = "outline")]
    pub search: Option<String>,

    /// Compare the targets of two reports (unchanged, changed, new,
    /// dropped) and judge OLD's targets by NEW's look-back (met, missed,
    /// unclear) instead of opening the reader.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"],
          conflicts_with_all = ["files", "outline", "targets", "search", "list"])]
    pub compare: Option<Vec<PathBuf>>,

    /// Print the library the paths make: each report's year, kind,
    /// targets, size, title and path.
    #[arg(long, conflicts_with_all = ["outline", "targets", "search"])]
    pub list: bool,

    /// With --list: the order, newest first (year) or by title in pinyin
    /// order (title).
    #[arg(long, value_enum, value_name = "ORDER", requires = "list", default_value_t = SortBy::Year)]
    pub sort: SortBy,

    /// Neither read nor write the library's cache of parsed reports
    /// ($XDG_CACHE_HOME/gangmu).
    #[arg(long)]
    pub no_cache: bool,

    /// With --compare: open the reader on the comparison instead of
    /// printing it (both reports open; Enter on a row shows both passages).
    #[arg(long, requires = "compare", conflicts_with = "format")]
    pub reader: bool,

    /// Output format of the scripted views.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    /// Read the configuration from FILE instead of
    /// $XDG_CONFIG_HOME/gangmu/config.yaml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Neither read nor write the saved reading state (position, folds,
    /// bookmarks, jump history).
    #[arg(long)]
    pub no_state: bool,

    /// Print the full default configuration, commented, as a starting file.
    #[arg(long, exclusive = true)]
    pub print_config: bool,

    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[arg(long, value_name = "SHELL", exclusive = true)]
    pub completions: Option<clap_complete::Shell>,

    /// Print the man page (roff), generated from these options.
    #[arg(long, exclusive = true)]
    pub man: bool,
}
