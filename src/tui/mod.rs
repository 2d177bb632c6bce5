//! The reader: outline tree, continuous detail pane and targets sidebar.
//!
//! Television/gitui/helix style: keys become [`action::Action`]s through
//! the [`keymap`] table; [`app::App::apply`] is the only thing that changes
//! state (pure, testable without a terminal), dispatching by mode through
//! one table ([`app::modes::MODES`]); the [`app::App`] holds the app-wide
//! state and the open reports, each a [`report::Report`] with its own
//! tree, text position, sidebar, search and memory; [`view::draw`] is a
//! pure function of the app; [`event_loop`] is the only place that reads
//! or writes the terminal (and turns its events into the reader's own
//! keys), and [`terminal`] sets it up and restores it.
//!
//! The modules depend on each other in one direction only: `action` ←
//! `list` ← `report` ← `app` ← `view` ← `event_loop` ← [`run`], with
//! `keymap` (← `action`) used by `app`, and `geometry`, `lines` and `text`
//! leaves that state and view share. The state never calls the view.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod event_loop;
pub mod geometry;
pub mod keymap;
pub mod lines;
pub mod list;
pub mod report;
pub mod terminal;
pub mod text;
pub mod view;

use std::io;
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, mpsc::Receiver};

use crate::config::Config;
use crate::document::Document;
use crate::layout::safe;
use crate::persist::{Loaded, StateStore, document_key};
use app::{App, ReportId};
pub use report::sidebar_items;
use report::{Report, Update};

/// The state of the first frame for a document and a screen size, its
/// targets extracted.
pub fn initial_state(doc: Document, width: u16, height: u16) -> App {
    initial_state_with(doc, width, height, Config::default())
}

/// [`initial_state`] under a configuration. `NO_COLOR` wins over the
/// config's colours.
pub fn initial_state_with(doc: Document, width: u16, height: u16, config: Config) -> App {
    let targets = sidebar_items(&doc);
    let mut s = App::with_config(doc, Some(targets), width, height, config);
    s.no_color = no_color();
    s
}

/// tmux's `set-clipboard` option, when the reader runs inside tmux (for
/// [`clipboard::support`]): asked once at start, `None` when tmux cannot
/// be asked.
fn tmux_clipboard() -> Option<String> {
    std::env::var_os("TMUX")?;
    let out = std::process::Command::new("tmux")
        .args(["show-options", "-gv", "set-clipboard"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `NO_COLOR` is set (and not empty).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// How the reader is started: the configuration, and where the state of
/// documents is kept (`None` with `--no-state`: nothing read or written).
#[derive(Debug, Default)]
pub struct Options {
    pub config: Config,
    pub store: Option<StateStore>,
}

/// Starts the slow work on a report's document on two threads: the
/// targets, sent as an [`Update`] for report `id`, and the search index
/// (prepared in place, shared with the report's search).
pub fn start_background(id: ReportId, report: &Report, tx: Sender<(ReportId, Update)>) {
    let doc = report.doc.clone();
    std::thread::spawn(move || {
        let _ = tx.send((id, Update::Targets(sidebar_items(&doc))));
    });
    let index = report.search.index();
    std::thread::spawn(move || index.prepare());
}

/// Opens the reader on a document and returns when it is closed (by a
/// quit key, SIGTERM, SIGHUP or SIGINT), after saving where reading
/// stopped; with the signal that closed it, if one did.
///
/// The first frame does not wait for the slow work on big documents: the
/// targets are extracted and the search index is built on two threads
/// ([`start_background`]), and the event loop hands the targets to their
/// report when they arrive (the sidebar says "finding targets…"
/// meanwhile).
pub fn run(doc: Document, opts: Options) -> io::Result<Option<i32>> {
    let key = document_key(&doc.text);
    let loaded = opts.store.as_ref().map(|s| s.load(&key));
    let signals = terminal::Signals::register()?;
    terminal::install_panic_hook();
    terminal::watch_hangup();
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::with_config(Arc::new(doc), None, w, h, opts.config);
    app.no_color = no_color();
    // Replaced bytes are said on the first frame too, not only on stderr.
    app.notices.status = app.report().doc.decoding.warning();
    app.clipboard = clipboard::support(|k| std::env::var(k).ok(), tmux_clipboard().as_deref());
    match loaded {
        Some(Loaded::Found(saved)) => app.restore(&saved),
        Some(Loaded::SetAside(notice) | Loaded::Kept(notice)) => app.notices.status = Some(notice),
        Some(Loaded::Missing) | None => {}
    }
    let (tx, updates): (_, Receiver<(ReportId, Update)>) = mpsc::channel();
    terminal::enter(app.mouse)?;
    let result = terminal::terminal().and_then(|mut term| {
        // The size may have changed between the query and the first frame.
        let size = term.size()?;
        app.apply(action::Action::Resize {
            width: size.width,
            height: size.height,
        });
        // The first frame, then the slow work: started earlier, the two
        // threads would compete with it for the CPU.
        term.draw(|f| view::draw(f, &app))?;
        start_background(app.current(), app.report(), tx);
        // Saved now and then while reading too, so a killed or crashed
        // reader (or a closed SSH session) loses little; errors are said
        // once, at exit.
        let mut save = |app: &App| {
            if let Some(store) = &opts.store {
                let _ = store.save(&key, &app.saved_state());
            }
        };
        event_loop::run(&mut term, &mut app, signals, Some(updates), &mut save)
    });
    terminal::restore();
    if let Some(store) = &opts.store
        && let Err(e) = store.save(&key, &app.saved_state())
    {
        let message = format!(
            "gangmu: could not save the reading state in {}: {e}",
            store.dir().display()
        );
        eprintln!("{}", safe::one_line(&message, safe::MESSAGE_CHARS));
    }
    result.map(|()| signals.ended_by())
}
