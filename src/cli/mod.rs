//! The command line: argument parsing, the scripted views, and dispatch to
//! the reader.
//!
//! Every error is one line on stderr (`gangmu: …`), cut short and with
//! control characters made visible ([`say`]), and exit status 2. Output
//! goes to standard output as it is produced ([`output`]). Several paths,
//! or a directory, go to the library's views ([`library`]).

pub mod args;
pub mod compare;
pub mod library;
pub mod markdown;
pub mod outline;
pub mod output;
pub mod search;
pub mod table;
pub mod targets;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use crate::document::load::HEAD_BYTES;
use crate::document::{Document, Opening};
use crate::layout::safe::{MESSAGE_CHARS, one_line};
pub use args::{Args, Format};
use output::{Out, write_serialized};

/// Prints `gangmu: message` on standard error as one short line that
/// cannot drive the terminal.
pub fn say(message: &str) {
    eprintln!("gangmu: {}", one_line(message, MESSAGE_CHARS));
}

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
            say(&e.message);
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
    say(&format!("{first} (gangmu --help lists every flag)"));
    ExitCode::from(2)
}

/// Loads the report named by the arguments (or the bundled one).
pub fn load(args: &Args) -> Result<Document, CliError> {
    match args.files.first() {
        None => Ok(Document::bundled()),
        Some(path) => Ok(Document::open(path)?),
    }
}

/// Writes to stdout as `write` produces, treating a closed pipe (`| head`)
/// as success.
fn to_stdout(write: impl FnOnce(&mut Out) -> io::Result<()>) -> Result<(), CliError> {
    let mut out = Out::stdout();
    let written = write(&mut out);
    out.finish(written)
}

fn emit(s: &str) -> Result<(), CliError> {
    to_stdout(|out| out.write_all(s.as_bytes()))
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
    if let Some(pair) = &args.compare {
        if args.reader {
            return compare_reader(pair, args, config);
        }
        return compare::view(pair, args.format);
    }
    if args.reader {
        return Err(CliError::usage("--reader goes with --compare OLD NEW"));
    }
    let reader = !(args.outline || args.targets || args.search.is_some() || args.list);
    let several = crate::library::discover::is_library(&args.files);
    if reader && several {
        return run_library_reader(args, config);
    }
    if reader {
        return run_reader(args, config);
    }
    if several || args.list {
        return library::run(args, &config);
    }
    let doc = load(args)?;
    if let Some(w) = doc.decoding.warning() {
        say(&format!("{}: {w}", doc.source));
    }
    if args.outline {
        outline_view(&doc, args.format)
    } else if args.targets {
        targets_view(&doc, args.format, args.all)
    } else {
        let query = args.search.as_deref().unwrap_or_default();
        search_view(&doc, query, config.search.pinyin, args.format)
    }
}

fn outline_view(doc: &Document, format: Format) -> Result<ExitCode, CliError> {
    match format {
        Format::Text => to_stdout(|out| outline::write_text(out, doc))?,
        Format::Md => emit(&markdown::outline_md(doc))?,
        Format::Org => emit(&markdown::outline_org(doc))?,
        Format::Csv => {
            return Err(CliError::usage(
                "--outline supports --format text, json, yaml, md or org",
            ));
        }
        f => to_stdout(|out| write_serialized(out, &outline::outline_out(doc), f))?,
    }
    Ok(ExitCode::SUCCESS)
}

fn targets_view(doc: &Document, format: Format, all: bool) -> Result<ExitCode, CliError> {
    match format {
        Format::Text => emit(&targets::targets_text(doc, all))?,
        Format::Csv => emit(&targets::targets_csv(doc, all))?,
        Format::Md => emit(&markdown::targets_md(doc, all))?,
        Format::Org => {
            return Err(CliError::usage(
                "--targets supports --format text, csv, json, yaml or md",
            ));
        }
        f => to_stdout(|out| write_serialized(out, &targets::TargetsOut::new(doc, all), f))?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes the hits as they are found; exit status 1 when there is none.
fn search_view(
    doc: &Document,
    query: &str,
    pinyin: bool,
    format: Format,
) -> Result<ExitCode, CliError> {
    if query.trim().is_empty() {
        return Err(CliError::usage("--search needs a query"));
    }
    let index = crate::search::SearchIndex::new(doc);
    let mut found = false;
    match format {
        Format::Text => to_stdout(|out| {
            let hits = crate::search::RankedHits::new(&index, query, pinyin);
            let mut counted = hits.inspect(|_| found = true);
            search::write_text(out, doc, &mut counted, search::use_colour()).map(drop)
        })?,
        Format::Csv | Format::Md | Format::Org => {
            return Err(CliError::usage(
                "--search supports --format text, json or yaml",
            ));
        }
        f => {
            let s = search::SearchOut::new(&index, query, pinyin);
            found = s.total > 0;
            to_stdout(|out| write_serialized(out, &s, f))?;
        }
    }
    Ok(ExitCode::from(u8::from(!found)))
}

/// The reader's options: the config, and the saved states unless
/// `--no-state`.
fn reader_options(args: &Args, config: crate::config::Config) -> crate::tui::Options {
    let store = if args.no_state {
        None
    } else {
        crate::persist::StateStore::from_env()
    };
    crate::tui::Options { config, store }
}

/// How a reader's run ends: its warning said once the terminal is back
/// (it was on the status bar), a failure as the error, a signal as
/// 128 + its number.
fn reader_ended(ended: crate::tui::Ended) -> Result<ExitCode, CliError> {
    if let Some(w) = &ended.warning {
        say(w);
    }
    if let Some(e) = ended.failed {
        return Err(e.into());
    }
    Ok(match ended.signal {
        Some(sig) => ExitCode::from(u8::try_from(128 + sig).unwrap_or(u8::MAX)),
        None => ExitCode::SUCCESS,
    })
}

/// Opens the reader on a library (several paths, or a directory): lists
/// it (from the cache; `--no-cache` bypasses it) with the terminal taken,
/// then shows its pane; a path without reports is an error before the
/// screen changes.
fn run_library_reader(args: &Args, config: crate::config::Config) -> Result<ExitCode, CliError> {
    if !std::io::stdout().is_terminal() {
        return Err(CliError::usage(
            "standard output is not a terminal; use --list, --outline, --targets or --search for scripts",
        ));
    }
    if args.files.iter().any(|p| p.as_os_str() == "-") {
        return Err(CliError::usage(
            "standard input cannot be part of a library (it cannot be read again)",
        ));
    }
    crate::tui::terminal::take_early()?;
    let options = crate::library::Options::from_env(!args.no_cache);
    let lib = crate::library::Library::list(&args.files, &options);
    if lib.is_empty() {
        crate::tui::terminal::restore();
        for n in lib.notes() {
            say(&n.to_string());
        }
        let paths: Vec<String> = args.files.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::usage(format!(
            "no report (.txt or .md) found in {}",
            paths.join(", ")
        )));
    }
    let ended = crate::tui::run_library(lib, reader_options(args, config))?;
    reader_ended(ended)
}

/// `--compare OLD NEW --reader`: opens the reader on both reports, on the
/// compare view (OLD and NEW are put in time order by the view itself).
fn compare_reader(
    paths: &[std::path::PathBuf],
    args: &Args,
    config: crate::config::Config,
) -> Result<ExitCode, CliError> {
    let [a, b] = compare::two(paths)?;
    if !std::io::stdout().is_terminal() {
        return Err(CliError::usage(
            "standard output is not a terminal; without --reader, --compare prints the comparison",
        ));
    }
    // As `run_reader`: the terminal taken first, unless a report is typed
    // at it (`-`), whose Ctrl-D ends it.
    let typed = [a, b].iter().any(|p| p.as_os_str() == "-") && std::io::stdin().is_terminal();
    if !typed {
        crate::tui::terminal::take_early()?;
    }
    let head = if typed { usize::MAX } else { HEAD_BYTES };
    let openings =
        Opening::open(Some(a), head).and_then(|o| Ok((o, Opening::open(Some(b), head)?)));
    let (old, new) = match openings {
        Ok(openings) => openings,
        Err(e) => {
            crate::tui::terminal::restore();
            return Err(e.into());
        }
    };
    let ended = crate::tui::run_compare(old, new, reader_options(args, config))?;
    reader_ended(ended)
}

/// Opens the reader: refuses a stdout that is not a terminal, takes the
/// terminal before the report loads (keys typed meanwhile wait for the
/// reader instead of being echoed onto the screen), and exits with 128 +
/// the signal that ended it, if one did.
fn run_reader(args: &Args, config: crate::config::Config) -> Result<ExitCode, CliError> {
    if !std::io::stdout().is_terminal() {
        return Err(CliError::usage(
            "standard output is not a terminal; use --outline, --targets or --search for scripts",
        ));
    }
    // Not while the report is typed or pasted at the terminal itself
    // (`gangmu -`): raw mode would take away Ctrl-D, its end.
    let typed = args.files.first().map(|p| p.as_path()) == Some(std::path::Path::new("-"))
        && std::io::stdin().is_terminal();
    if !typed {
        crate::tui::terminal::take_early()?;
    }
    // The head of a big report is read now, the rest while it is shown
    // (all of it when typed at the terminal, whose Ctrl-D ends it).
    let head = if typed { usize::MAX } else { HEAD_BYTES };
    let opening = match Opening::open(args.files.first().map(|p| p.as_path()), head) {
        Ok(opening) => opening,
        Err(e) => {
            crate::tui::terminal::restore();
            return Err(e.into());
        }
    };
    let ended = crate::tui::run(opening, reader_options(args, config))?;
    reader_ended(ended)
}
