//! The reader: outline tree, continuous detail pane and targets sidebar.
//!
//! Television/gitui style: keys become [`action::Action`]s through the
//! [`keymap`] table; [`state::AppState::apply`] is the only thing that
//! changes state (pure, testable without a terminal); [`view::draw`] is a
//! pure function of the state; [`event_loop`] is the only place that reads
//! or writes the terminal, and [`terminal`] sets it up and restores it.

pub mod action;
pub mod event_loop;
pub mod geometry;
pub mod keymap;
pub mod lines;
pub mod memory;
pub mod search;
pub mod state;
pub mod terminal;
pub mod text;
pub mod view;

use std::io;
use std::sync::{Arc, mpsc};

use crate::config::Config;
use crate::document::Document;
use crate::layout::safe;
use crate::persist::{Loaded, StateStore, document_key};
use state::{AppState, SidebarItem};

/// The sidebar's rows: each target's quantity as written (value and unit,
/// `4000家`) and subject, under the theme that holds it.
pub fn sidebar_items(doc: &Document) -> Vec<SidebarItem> {
    crate::targets::extract(doc)
        .into_iter()
        .map(|t| {
            let q = t.quantity(doc);
            let subject = t.subject(doc);
            let label = if subject.is_empty() {
                q.to_string()
            } else {
                format!("{q} {subject}")
            };
            SidebarItem {
                node: t.node,
                theme: doc.outline.root_of(t.node),
                label,
                range: t.span.clone(),
            }
        })
        .collect()
}

/// The state of the first frame for a document and a screen size.
pub fn initial_state(doc: Document, width: u16, height: u16) -> AppState {
    initial_state_with(doc, width, height, Config::default())
}

/// [`initial_state`] under a configuration. `NO_COLOR` wins over the
/// config's colours.
pub fn initial_state_with(doc: Document, width: u16, height: u16, config: Config) -> AppState {
    let targets = sidebar_items(&doc);
    let mut s = AppState::with_config(doc, targets, width, height, config);
    s.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    s
}

/// How the reader is started: the configuration, and where the state of
/// documents is kept (`None` with `--no-state`: nothing read or written).
#[derive(Debug, Default)]
pub struct Options {
    pub config: Config,
    pub store: Option<StateStore>,
}

/// Opens the reader on a document and returns when it is closed (by a
/// quit key, SIGTERM, SIGHUP or SIGINT), after saving where reading
/// stopped; with the signal that closed it, if one did.
///
/// The first frame does not wait for the slow work on big documents: the
/// targets are extracted and the search index is built on two threads, and
/// the event loop hands the targets to the state when they arrive (the
/// sidebar says "finding targets…" meanwhile).
pub fn run(doc: Document, opts: Options) -> io::Result<Option<i32>> {
    let key = document_key(&doc.text);
    let loaded = opts.store.as_ref().map(|s| s.load(&key));
    let signals = terminal::Signals::register()?;
    terminal::install_panic_hook();
    terminal::watch_hangup();
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let doc = Arc::new(doc);
    let mut state = AppState::with_config(doc.clone(), Vec::new(), w, h, opts.config);
    state.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    state.targets_pending = true;
    // Replaced bytes are said on the first frame too, not only on stderr.
    state.memory.notice = state.doc.decoding.warning();
    match loaded {
        Some(Loaded::Found(saved)) => state.restore(&saved),
        Some(Loaded::SetAside(notice) | Loaded::Kept(notice)) => state.memory.notice = Some(notice),
        Some(Loaded::Missing) | None => {}
    }
    let (tx, targets) = mpsc::channel();
    terminal::enter(state.mouse)?;
    let result = terminal::terminal().and_then(|mut term| {
        // The size may have changed between the query and the first frame.
        let size = term.size()?;
        state.apply(action::Action::Resize {
            width: size.width,
            height: size.height,
        });
        // The first frame, then the slow work: started earlier, the two
        // threads would compete with it for the CPU.
        term.draw(|f| view::draw(f, &state))?;
        std::thread::spawn(move || {
            let _ = tx.send(sidebar_items(&doc));
        });
        let index = state.search.index();
        std::thread::spawn(move || index.prepare());
        // Saved now and then while reading too, so a killed or crashed
        // reader (or a closed SSH session) loses little; errors are said
        // once, at exit.
        let mut save = |state: &AppState| {
            if let Some(store) = &opts.store {
                let _ = store.save(&key, &state.saved_state());
            }
        };
        event_loop::run(&mut term, &mut state, signals, Some(targets), &mut save)
    });
    terminal::restore();
    if let Some(store) = &opts.store
        && let Err(e) = store.save(&key, &state.saved_state())
    {
        let message = format!(
            "gangmu: could not save the reading state in {}: {e}",
            store.dir().display()
        );
        eprintln!("{}", safe::one_line(&message, safe::MESSAGE_CHARS));
    }
    result.map(|()| signals.ended_by())
}
