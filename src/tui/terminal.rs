//! Terminal setup and restore: alternate screen, raw mode, mouse capture;
//! restored on every way out (normal exit, panic hook, SIGTERM/SIGHUP) and
//! around a suspend (`Ctrl-z`).

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Once, OnceLock};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{
    DisableMouseCapture, EnableMouseCapture, KeyboardEnhancementFlags, PopKeyboardEnhancementFlags,
    PushKeyboardEnhancementFlags,
};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Whether the terminal is in the reader's mode (so restore runs once).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Whether the alternate screen is on (not yet after [`take_early`]):
/// leaving one never entered would restore a stale cursor position and
/// write what follows over the shell's screen.
static SCREEN: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, hidden cursor and (if asked) mouse capture.
pub fn enter(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    SCREEN.store(true, Ordering::SeqCst);
    execute!(out, EnterAlternateScreen, Hide)?;
    // Ask terminals that speak the kitty keyboard protocol to tell Ctrl-i
    // from Tab (jump forward vs. next pane); others ignore the request.
    let _ = execute!(
        out,
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
    );
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts the terminal back as it was. Safe to call more than once and from
/// the panic hook.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if SCREEN.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, PopKeyboardEnhancementFlags);
        let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    }
    let _ = disable_raw_mode();
    let _ = out.flush();
}

/// Creates the ratatui terminal (after [`enter`]).
pub fn terminal() -> io::Result<Term> {
    Terminal::new(CrosstermBackend::new(BufWriter::with_capacity(
        1 << 16,
        io::stdout(),
    )))
}

/// Takes the terminal before a slow start (a big report loading): raw
/// mode, so that keys typed meanwhile are not echoed onto the screen but
/// wait for the reader; with the signal flags and the panic hook that give
/// it back. [`restore`] undoes it, [`enter`] goes on from it.
pub fn take_early() -> io::Result<()> {
    Signals::register()?;
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    Ok(())
}

/// Restores the terminal before the default panic message is printed
/// (installed once, however often called).
pub fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Signals the event loop checks between events.
pub struct Signals {
    /// The signal (SIGTERM, SIGHUP or SIGINT) that asked the reader to
    /// end, 0 while none has.
    pub terminate: Arc<AtomicUsize>,
    pub stop: Arc<AtomicBool>,
    pub resumed: Arc<AtomicBool>,
}

impl Signals {
    /// The process's signal flags, registered on the first call: SIGTERM,
    /// SIGHUP and SIGINT end the reader cleanly; SIGTSTP suspends it;
    /// SIGCONT forces a full redraw.
    pub fn register() -> io::Result<&'static Signals> {
        static SIGNALS: OnceLock<Signals> = OnceLock::new();
        if let Some(s) = SIGNALS.get() {
            return Ok(s);
        }
        use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
        use signal_hook::flag::{register, register_usize};
        let s = Signals {
            terminate: Arc::new(AtomicUsize::new(0)),
            stop: Arc::new(AtomicBool::new(false)),
            resumed: Arc::new(AtomicBool::new(false)),
        };
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            register_usize(sig, s.terminate.clone(), sig as usize)?;
        }
        register(SIGTSTP, s.stop.clone())?;
        register(SIGCONT, s.resumed.clone())?;
        Ok(SIGNALS.get_or_init(|| s))
    }

    /// The signal that asked the reader to end, if one did: the process
    /// then exits with 128 + its number (143, 129, 130), as shells expect.
    pub fn ended_by(&self) -> Option<i32> {
        match self.terminate.load(Ordering::Relaxed) {
            0 => None,
            sig => i32::try_from(sig).ok(),
        }
    }
}

/// Ends the process when its terminal goes away (the window closed, the
/// SSH connection dropped without a SIGHUP reaching us).
///
/// crossterm 0.29 cannot be relied on here: on a hung-up tty its event
/// reader re-reads the dead descriptor forever and `event::poll` never
/// returns, so the event loop would spin at 100% CPU (crossterm#793). A
/// small thread polls the terminal (standard output, which the reader
/// checked is a tty) for `POLLHUP` and exits the process; the reading
/// state was saved by the event loop's autosave moments before.
pub fn watch_hangup() {
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(std::time::Duration::from_millis(250));
            if hung_up(libc::STDOUT_FILENO) {
                ACTIVE.store(false, Ordering::SeqCst);
                std::process::exit(129);
            }
        }
    });
}

/// Whether a terminal descriptor reports a hang-up (or is no longer open).
fn hung_up(fd: libc::c_int) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, count 1, no timeout; poll only writes
    // `revents`.
    let n = unsafe { libc::poll(&mut p, 1, 0) };
    n > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Restores the terminal, stops the process like a default SIGTSTP, and
/// takes the terminal back when the shell resumes it (`fg`).
pub fn suspend(term: &mut Term, mouse: bool) -> io::Result<()> {
    restore();
    stop_like_sigtstp();
    enter(mouse)?;
    repaint(term)
}

/// Clears the screen and makes the next draw repaint every cell.
///
/// Not `Terminal::clear`: ratatui 0.30 asks the terminal for the cursor
/// position there (`ESC[6n`), which fails after two seconds on a terminal
/// or link that does not answer, and the reader would end. A resize to the
/// same full-screen size clears without asking.
pub fn repaint(term: &mut Term) -> io::Result<()> {
    let size = term.size()?;
    term.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Stops the process with a real SIGTSTP, as a shell expects of `Ctrl-z`
/// (job "Stopped", status 148), and returns when it is continued.
///
/// Our SIGTSTP handler is set aside for the moment of the stop and put
/// back after: signal-hook's own `emulate_default_handler` would stop
/// with SIGSTOP instead ("Stopped (signal)").
fn stop_like_sigtstp() {
    // SAFETY: plain sigaction/raise calls on a zeroed, fully initialised
    // `sigaction`; the saved action is reinstated unchanged.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        libc::sigemptyset(&mut default.sa_mask);
        let mut ours: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGTSTP, &default, &mut ours) != 0 {
            libc::raise(libc::SIGSTOP);
            return;
        }
        libc::raise(libc::SIGTSTP);
        libc::sigaction(libc::SIGTSTP, &ours, std::ptr::null_mut());
    }
}

/// Writes an escape sequence of the reader's own (an OSC 52 copy) to the
/// terminal, between frames.
pub fn write_raw(seq: &str) -> io::Result<()> {
    let mut out = io::stdout();
    out.write_all(seq.as_bytes())?;
    out.flush()
}

/// Turns mouse capture on or off.
pub fn set_mouse(on: bool) -> io::Result<()> {
    let mut out = io::stdout();
    if on {
        execute!(out, EnableMouseCapture)
    } else {
        execute!(out, DisableMouseCapture)
    }
}
