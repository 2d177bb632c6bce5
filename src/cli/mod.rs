//! The command line: argument parsing, the scripted views, and dispatch to
//! the reader.
//!
//! Every error is one line on stderr (`gangmu: …`) and exit status 2.

pub mod args;
pub mod markdown;
pub mod outline;
pub mod search;
pub mod targets;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::document::Document;
pub use args::{Args, Format};

/// A failure to report on one line, with its exit status.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub status: u8,
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            status: 2,
        }
    }
}

impl<E: std::error::Error> From<E> for CliError {
    fn from(e: E) -> CliError {
        CliError::usage(e.to_string())
    }
}

/// Runs gangmu with the process's arguments.
pub fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(e) => return usage_error(e),
    };
    match run(&args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("gangmu: {}", e.message);
            ExitCode::from(e.status)
        }
    }
}

/// A bad command line: one line on stderr and exit 2 (`--help` and
/// `--version` print as usual).
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let text = e.render().to_string();
    let first = text.lines().next().unwrap_or("bad arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    eprintln!("gangmu: {first} (gangmu --help lists every flag)");
    ExitCode::from(2)
}

/// Loads the report named by the arguments (or the bundled one).
pub fn load(args: &Args) -> Result<Document, CliError> {
    match &args.file {
        None => Ok(Document::bundled()),
        Some(path) => Ok(Document::open(path)?),
    }
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
fn emit(s: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Serialises a value in the chosen format.
pub fn serialize<T: serde::Serialize>(value: &T, format: Format) -> Result<String, CliError> {
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(value)? + "\n"),
        Format::Yaml => Ok(serde_yaml::to_string(value)?),
        Format::Text | Format::Csv | Format::Md | Format::Org => {
            Err(CliError::usage("this view has no such format"))
        }
    }
}

/// The configuration: `--config FILE`, else
/// `$XDG_CONFIG_HOME/gangmu/config.yaml` when it exists, else the default.
pub fn load_config(args: &Args) -> Result<crate::config::Config, CliError> {
    let names = crate::tui::action::Action::names();
    let path = match &args.config {
        Some(p) => Some(p.clone()),
        None => crate::config::Config::default_path().filter(|p| p.exists()),
    };
    match path {
        Some(p) => {
            crate::config::Config::load(&p, &names).map_err(|e| CliError::usage(e.to_string()))
        }
        None => Ok(crate::config::Config::default()),
    }
}

/// The man page, generated from the clap definition (so `--help` and the
/// man page say the same).
pub fn man_page() -> Result<String, CliError> {
    let mut out = Vec::new();
    clap_mangen::Man::new(<Args as clap::CommandFactory>::command()).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn run(args: &Args) -> Result<ExitCode, CliError> {
    if args.print_config {
        emit(crate::config::DEFAULT_YAML)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.man {
        emit(&man_page()?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(shell) = args.completions {
        let mut out = Vec::new();
        clap_complete::generate(
            shell,
            &mut <Args as clap::CommandFactory>::command(),
            "gangmu",
            &mut out,
        );
        emit(&String::from_utf8_lossy(&out))?;
        return Ok(ExitCode::SUCCESS);
    }
    // Checked first, for every view: a bad config is one line naming
    // file:line:col, exit 2, before anything is printed or drawn.
    let config = load_config(args)?;
    let doc = load(args)?;
    if let Some(w) = doc.decoding.warning() {
        eprintln!("gangmu: {}: {w}", doc.source);
    }
    if args.outline {
        let s = match args.format {
            Format::Text => outline::outline_text(&doc),
            Format::Md => markdown::outline_md(&doc),
            Format::Org => markdown::outline_org(&doc),
            Format::Csv => {
                return Err(CliError::usage(
                    "--outline supports --format text, json, yaml, md or org",
                ));
            }
            f => serialize(&outline::outline_out(&doc), f)?,
        };
        emit(&s)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.targets {
        let s = match args.format {
            Format::Text => targets::targets_text(&doc),
            Format::Csv => targets::targets_csv(&doc),
            Format::Md => markdown::targets_md(&doc),
            Format::Org => {
                return Err(CliError::usage(
                    "--targets supports --format text, csv, json, yaml or md",
                ));
            }
            f => serialize(&targets::targets_out(&doc), f)?,
        };
        emit(&s)?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(query) = &args.search {
        if query.trim().is_empty() {
            return Err(CliError::usage("--search needs a query"));
        }
        let hits = crate::search::search_opts(&doc, query, config.search.pinyin);
        let s = match args.format {
            Format::Text => search::search_text(&doc, &hits, search::use_colour()),
            Format::Csv | Format::Md | Format::Org => {
                return Err(CliError::usage(
                    "--search supports --format text, json or yaml",
                ));
            }
            f => serialize(&search::search_out(&doc, query, &hits), f)?,
        };
        emit(&s)?;
        return Ok(ExitCode::from(u8::from(hits.is_empty())));
    }
    if !std::io::stdout().is_terminal() {
        return Err(CliError::usage(
            "standard output is not a terminal; use --outline, --targets or --search for scripts",
        ));
    }
    let store = if args.no_state {
        None
    } else {
        crate::persist::StateStore::from_env()
    };
    crate::tui::run(doc, crate::tui::Options { config, store })?;
    Ok(ExitCode::SUCCESS)
}
