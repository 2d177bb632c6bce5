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
}

#[derive(Debug, Parser)]
#[command(
    name = "gangmu",
    version,
    about = "纲目 — read Chinese policy reports in the terminal: outline, targets, search",
    after_help = "Examples:\n  gangmu                          open the bundled report in the reader\n  gangmu 报告.txt                  open a report (UTF-8, GB18030/GBK or UTF-16)\n  gangmu --outline --format json 报告.txt\n  gangmu --targets --format csv 报告.txt\n  cat 报告.txt | gangmu --outline -"
)]
pub struct Args {
    /// The report to open (`-` for standard input). Without it, the bundled
    /// Minhang district report opens.
    pub file: Option<PathBuf>,

    /// Print the outline instead of opening the reader.
    #[arg(long)]
    pub outline: bool,

    /// Print the report's quantified targets instead of opening the reader.
    #[arg(long, conflicts_with = "outline")]
    pub targets: bool,

    /// Output format of the scripted views.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}
