//! The only place with terminal I/O: read events, turn them into actions,
//! apply them, draw.

use std::io;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crossterm::event::{self, Event, MouseButton, MouseEventKind};

use super::action::Action;
use super::state::AppState;
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

/// Runs until the reader quits or is told to end.
pub fn run(term: &mut Term, state: &mut AppState, signals: &Signals) -> io::Result<()> {
    let mut mouse = state.mouse;
    term.draw(|f| view::draw(f, state))?;
    loop {
        let mut dirty = false;
        if event::poll(Duration::from_millis(100))? {
            loop {
                let ev = event::read()?;
                if let Some(a) = to_action(state, &ev) {
                    state.apply(a);
                    dirty = true;
                }
                if state.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if state.quit || signals.terminate.load(Ordering::Relaxed) {
            return Ok(());
        }
        if state.suspend || signals.stop.swap(false, Ordering::Relaxed) {
            state.suspend = false;
            terminal::suspend(term, mouse)?;
            dirty = true;
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            term.clear()?;
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
