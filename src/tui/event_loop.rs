//! The only place with terminal I/O: read events, turn them into actions,
//! apply them, draw.

use std::io;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use crate::search;

use super::action::Action;
use super::state::{AppState, SidebarItem};
use super::terminal::{self, Signals, Term};
use super::view;

/// Translates a terminal event.
pub fn to_action(state: &AppState, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => state.keymap.lookup(state.mode, k),
        Event::Resize(w, h) => Some(Action::Resize {
            width: *w,
            height: *h,
        }),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// How long the loop searches between two looks at the keyboard: short
/// enough that keys stay responsive, long enough to redraw rarely.
const SEARCH_SLICE: Duration = Duration::from_millis(12);

/// How often the reading state is saved while keys come in (it is also
/// saved before a suspend and at exit).
const AUTOSAVE: Duration = Duration::from_secs(5);

/// Runs until the reader quits or is told to end. `targets` delivers the
/// sidebar's items when they are extracted after the first frame; `save`
/// stores the reading state.
pub fn run(
    term: &mut Term,
    state: &mut AppState,
    signals: &Signals,
    mut targets: Option<Receiver<Vec<SidebarItem>>>,
    save: &mut dyn FnMut(&AppState),
) -> io::Result<()> {
    let mut mouse = state.mouse;
    let mut saved_at = Instant::now();
    let mut unsaved = false;
    term.draw(|f| view::draw(f, state))?;
    loop {
        let mut dirty = false;
        if let Some(rx) = &targets {
            match rx.try_recv() {
                Ok(items) => {
                    state.set_targets(items);
                    targets = None;
                    dirty = true;
                }
                Err(TryRecvError::Disconnected) => {
                    state.set_targets(Vec::new());
                    targets = None;
                    dirty = true;
                }
                Err(TryRecvError::Empty) => {}
            }
        }
        // Something to draw, or busy (a search to finish, targets to wait
        // for): look at the keyboard without sleeping long.
        let timeout = if dirty || state.search.is_running() && state.search.index_ready() {
            Duration::ZERO
        } else if targets.is_some() || state.search.is_running() {
            Duration::from_millis(5)
        } else {
            Duration::from_millis(100)
        };
        if event::poll(timeout)? {
            loop {
                let ev = event::read()?;
                if let Some(a) = to_action(state, &ev) {
                    state.apply(a);
                    dirty = true;
                    unsaved = true;
                }
                if state.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if state.quit || signals.ended_by().is_some() {
            return Ok(());
        }
        if state.search.is_running() && !dirty {
            // No key waiting: search a slice of the document, then show
            // the hits found so far.
            let start = Instant::now();
            while start.elapsed() < SEARCH_SLICE
                && !state.search_step_nowait(search::DEFAULT_BUDGET)
                && state.search.index_ready()
            {
                if event::poll(Duration::ZERO)? {
                    break;
                }
            }
            dirty = true;
        }
        if unsaved && saved_at.elapsed() >= AUTOSAVE {
            save(state);
            saved_at = Instant::now();
            unsaved = false;
        }
        if state.suspend || signals.stop.swap(false, Ordering::Relaxed) {
            state.suspend = false;
            save(state);
            terminal::suspend(term, mouse)?;
            dirty = true;
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            terminal::repaint(term)?;
            dirty = true;
        }
        if state.mouse != mouse {
            mouse = state.mouse;
            terminal::set_mouse(mouse)?;
        }
        if dirty {
            term.draw(|f| view::draw(f, state))?;
        }
    }
}
