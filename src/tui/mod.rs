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
pub mod search;
pub mod state;
pub mod terminal;
pub mod text;
pub mod view;

use std::io;
use std::sync::{Arc, mpsc};

use crate::document::Document;
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
    let targets = sidebar_items(&doc);
    let mut s = AppState::new(doc, targets, width, height);
    s.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    s
}

/// Opens the reader on a document and returns when it is closed.
///
/// The first frame does not wait for the slow work on big documents: the
/// targets are extracted and the search index is built on two threads, and
/// the event loop hands the targets to the state when they arrive (the
/// sidebar says "finding targets…" meanwhile).
pub fn run(doc: Document) -> io::Result<()> {
    let signals = terminal::Signals::register()?;
    terminal::install_panic_hook();
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    let doc = Arc::new(doc);
    let mut state = AppState::new(doc.clone(), Vec::new(), w, h);
    state.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    state.targets_pending = true;
    let (tx, targets) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(sidebar_items(&doc));
    });
    let index = state.search.index();
    std::thread::spawn(move || index.prepare());
    terminal::enter(state.mouse)?;
    let result = terminal::terminal().and_then(|mut term| {
        // The size may have changed between the query and the first frame.
        let size = term.size()?;
        state.apply(action::Action::Resize {
            width: size.width,
            height: size.height,
        });
        event_loop::run(&mut term, &mut state, &signals, Some(targets))
    });
    terminal::restore();
    result
}
