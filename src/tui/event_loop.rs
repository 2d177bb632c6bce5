//! The only place with terminal I/O: read events, turn them into actions,
//! apply them, draw. Also the edge where the terminal's events become the
//! reader's own types: keys become [`KeySpec`]s ([`key_of`]), mouse and
//! resize events become [`Action`]s.

use std::io;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{
    self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

use crate::config::{KeyName, KeySpec};
use crate::search;

use super::action::Action;
use super::app::compare::{CompareJob, Compared};
use super::app::{App, ReportId};
use super::report::Update;
use super::terminal::{self, Signals, Term};
use super::view;

/// A terminal key as the keymap knows it; `None` for a key release and for
/// keys the config has no name for. Shift is part of the character (`G`)
/// and of `shift-tab`; with any other key it makes a key without a name.
pub fn key_of(ev: &KeyEvent) -> Option<KeySpec> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
    let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
    let key = match ev.code {
        KeyCode::Char(c) if ctrl => KeyName::Char(c.to_ascii_lowercase()),
        KeyCode::Char(c) => KeyName::Char(c),
        KeyCode::Tab if shift => KeyName::BackTab,
        KeyCode::BackTab => KeyName::BackTab,
        _ if shift => return None,
        KeyCode::Tab => KeyName::Tab,
        KeyCode::Enter => KeyName::Enter,
        KeyCode::Esc => KeyName::Esc,
        KeyCode::Backspace => KeyName::Backspace,
        KeyCode::Up => KeyName::Up,
        KeyCode::Down => KeyName::Down,
        KeyCode::Left => KeyName::Left,
        KeyCode::Right => KeyName::Right,
        KeyCode::PageUp => KeyName::PageUp,
        KeyCode::PageDown => KeyName::PageDown,
        KeyCode::Home => KeyName::Home,
        KeyCode::End => KeyName::End,
        KeyCode::Delete => KeyName::Delete,
        KeyCode::Insert => KeyName::Insert,
        KeyCode::F(n) => KeyName::F(n),
        _ => return None,
    };
    Some(KeySpec {
        ctrl,
        alt: ev.modifiers.contains(KeyModifiers::ALT),
        key,
    })
}

/// Translates a terminal event: a key through the keymap of the current
/// mode, mouse and resize events as they are.
pub fn to_action(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) => app.key_action(key_of(k)?),
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

/// Makes a comparison on a thread ([`CompareJob`]); it comes back through
/// the receiver (see [`App::compare_poll`]).
pub fn start_compare(job: CompareJob) -> Receiver<Compared> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(job.run());
    });
    rx
}

/// How long the loop searches between two looks at the keyboard: short
/// enough that keys stay responsive, long enough to redraw rarely.
const SEARCH_SLICE: Duration = Duration::from_millis(12);

/// How often the reading state is saved while keys come in (it is also
/// saved before a suspend and at exit).
const AUTOSAVE: Duration = Duration::from_secs(5);

/// Runs until the reader quits or is told to end. `updates` delivers
/// what other threads derive for the open reports (their targets) after
/// the first frame; `save` stores the reading state; `serve` carries out
/// what the app asks of the outside (the library's requests: open a
/// report, search across it), when it asks.
pub fn run(
    term: &mut Term,
    app: &mut App,
    signals: &Signals,
    mut updates: Option<Receiver<(ReportId, Update)>>,
    save: &mut dyn FnMut(&App),
    serve: &mut dyn FnMut(&mut App),
) -> io::Result<()> {
    let mut mouse = app.mouse;
    let mut saved_at = Instant::now();
    let mut unsaved = false;
    term.draw(|f| view::draw(f, app))?;
    loop {
        let mut dirty = false;
        while let Some(rx) = &updates {
            match rx.try_recv() {
                Ok((id, update)) => {
                    app.update(id, update);
                    dirty = true;
                }
                Err(TryRecvError::Disconnected) => {
                    app.updates_ended();
                    updates = None;
                    dirty = true;
                }
                Err(TryRecvError::Empty) => break,
            }
        }
        if let Some(job) = app.compare_job.take() {
            app.compare_started(start_compare(job));
        }
        dirty |= app.compare_poll();
        let searching = app.report().search.is_running();
        let index_ready = app.report().search.index_ready();
        // Something to draw, or busy (a search to finish, updates or a
        // comparison to wait for): look at the keyboard without sleeping
        // long.
        let timeout = if dirty || searching && index_ready {
            Duration::ZERO
        } else if updates.is_some() || searching || app.comparing() {
            Duration::from_millis(5)
        } else {
            Duration::from_millis(100)
        };
        if event::poll(timeout)? {
            loop {
                let ev = event::read()?;
                if let Some(a) = to_action(app, &ev) {
                    app.apply(a);
                    dirty = true;
                    unsaved = true;
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        if app.quit || signals.ended_by().is_some() {
            return Ok(());
        }
        if app.library.as_ref().is_some_and(|l| !l.requests.is_empty()) {
            serve(app);
            dirty = true;
        }
        if app.report().search.is_running() && !dirty {
            // No key waiting: search a slice of the document, then show
            // the hits found so far.
            let start = Instant::now();
            while start.elapsed() < SEARCH_SLICE
                && !app.search_step_nowait(search::DEFAULT_BUDGET)
                && app.report().search.index_ready()
            {
                if event::poll(Duration::ZERO)? {
                    break;
                }
            }
            dirty = true;
        }
        if unsaved && saved_at.elapsed() >= AUTOSAVE {
            save(app);
            saved_at = Instant::now();
            unsaved = false;
        }
        if app.suspend || signals.stop.swap(false, Ordering::Relaxed) {
            app.suspend = false;
            save(app);
            terminal::suspend(term, mouse)?;
            dirty = true;
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            terminal::repaint(term)?;
            dirty = true;
        }
        if let Some(text) = app.copy.take() {
            terminal::write_raw(&super::clipboard::osc52(&text))?;
        }
        if app.mouse != mouse {
            mouse = app.mouse;
            terminal::set_mouse(mouse)?;
        }
        if dirty {
            term.draw(|f| view::draw(f, app))?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, mods: KeyModifiers) -> Option<KeySpec> {
        key_of(&KeyEvent::new(code, mods))
    }

    fn spec(name: &str) -> Option<KeySpec> {
        Some(name.parse().unwrap())
    }

    #[test]
    fn terminal_keys_become_config_keys() {
        use KeyModifiers as M;
        assert_eq!(key(KeyCode::Char('q'), M::NONE), spec("q"));
        assert_eq!(key(KeyCode::Char('G'), M::SHIFT), spec("G"));
        assert_eq!(key(KeyCode::Char('D'), M::CONTROL), spec("ctrl-d"));
        assert_eq!(key(KeyCode::Char('x'), M::ALT), spec("alt-x"));
        assert_eq!(key(KeyCode::Tab, M::SHIFT), spec("shift-tab"));
        assert_eq!(key(KeyCode::BackTab, M::SHIFT), spec("shift-tab"));
        assert_eq!(key(KeyCode::F(5), M::NONE), spec("f5"));
        assert_eq!(key(KeyCode::Char(' '), M::NONE), spec("space"));
        assert_eq!(key(KeyCode::Char('\''), M::NONE), spec("'"));
        assert_eq!(key(KeyCode::PageDown, M::NONE), spec("pagedown"));
        // No name in the config: shift with a named key, keys it lacks.
        assert_eq!(key(KeyCode::Up, M::SHIFT), None);
        assert_eq!(key(KeyCode::CapsLock, M::NONE), None);
        let mut release = KeyEvent::new(KeyCode::Char('q'), M::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(key_of(&release), None);
    }
}
