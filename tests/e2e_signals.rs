//! End-to-end, in a pseudo-terminal: the reader's exit status after a
//! signal, and its start while a report is still loading.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Pty {
    fn spawn(program: &str, args: &[&str]) -> Pty {
        let home = tempfile::tempdir().unwrap();
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(24, 80, 0)));
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        Pty {
            parser,
            writer,
            child,
            master: pair.master,
            _home: home,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn until(&self, what: &str, f: impl Fn(&Pty) -> bool) {
        let start = Instant::now();
        while !f(self) {
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s.exit_code();
            }
            if start.elapsed() > TIMEOUT {
                self.child.kill().ok();
                panic!("did not exit; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.child.kill().ok();
        }
    }
}

/// Shells and scripts tell a reader ended by a signal from one that quit:
/// 128 + the signal, as for a process the signal killed (it was 0).
#[test]
fn signals_end_the_reader_with_128_plus_their_number() {
    for (sig, code) in [("-TERM", 143), ("-HUP", 129), ("-INT", 130)] {
        let mut p = Pty::spawn(env!("CARGO_BIN_EXE_gangmu"), &[]);
        p.until("the first frame", |p| p.contents().contains("锚定目标"));
        let pid = p.child.process_id().expect("a pid");
        let st = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap();
        assert!(st.success());
        assert_eq!(p.wait_exit(), code, "{sig}");
        let screen = p.parser.lock().unwrap().screen().clone();
        assert!(!screen.alternate_screen() && !screen.hide_cursor(), "{sig}");
    }
}

/// Whether the terminal echoes what is typed (cooked mode).
fn echoes(p: &Pty) -> bool {
    let fd = p.master.as_raw_fd().expect("a descriptor");
    // SAFETY: a zeroed termios filled by tcgetattr on an open descriptor
    // (a pty's master reports its slave's settings on Linux).
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
    t.c_lflag & libc::ECHO != 0
}

/// Keys typed while a big report loads were echoed by the terminal onto
/// the main screen and stayed there after quitting: the reader takes the
/// terminal before it reads the report. Here the report comes through a
/// FIFO that the test holds open, so the load lasts as long as it wants.
#[test]
fn keys_typed_while_loading_are_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("report");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let mut p = Pty::spawn(
        "sh",
        &[
            "-c",
            r#"cat "$0" | "$1" -"#,
            fifo.to_str().unwrap(),
            env!("CARGO_BIN_EXE_gangmu"),
        ],
    );
    p.until("raw mode while the report is read", |p| !echoes(p));
    p.send("hello");
    std::thread::sleep(Duration::from_millis(100));
    assert!(!p.contents().contains("hello"), "{}", p.contents());
    let mut w = std::fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    w.write_all(gangmu::document::BUNDLED).unwrap();
    drop(w);
    p.until("the first frame", |p| p.contents().contains("锚定目标"));
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
    p.until("the main screen", |p| {
        !p.parser.lock().unwrap().screen().alternate_screen()
    });
    assert!(!p.contents().contains("hello"), "{}", p.contents());
}

/// A report that cannot be opened, after the terminal was taken: one
/// line where the cursor was, the terminal as it was (leaving an
/// alternate screen never entered would restore a stale cursor and write
/// the error over the screen).
#[test]
fn a_load_error_after_taking_the_terminal_is_one_line_in_place() {
    let mut p = Pty::spawn(
        "sh",
        &[
            "-c",
            r#"printf 'one\ntwo\n'; "$0" /nonexistent/report.txt; echo "status $?""#,
            env!("CARGO_BIN_EXE_gangmu"),
        ],
    );
    assert_eq!(p.wait_exit(), 0);
    p.until("the status", |p| p.contents().contains("status 2"));
    let screen = p.contents();
    let lines: Vec<&str> = screen.lines().collect();
    assert_eq!(lines[0], "one", "{screen}");
    assert_eq!(lines[1], "two", "{screen}");
    assert!(
        lines[2].starts_with("gangmu: /nonexistent/report.txt: no such file"),
        "{screen}"
    );
    assert_eq!(lines[3], "status 2", "{screen}");
    assert!(echoes(&p), "raw mode left on");
}

/// `gangmu -` at the terminal reads a report typed or pasted there, to
/// Ctrl-D: the terminal is not taken before (raw mode has no Ctrl-D).
#[test]
fn a_report_typed_at_the_terminal_ends_with_ctrl_d() {
    let mut p = Pty::spawn(env!("CARGO_BIN_EXE_gangmu"), &["-"]);
    std::thread::sleep(Duration::from_millis(200));
    p.send("一、总则\n大零号湾在闵行。\n\u{4}");
    p.until("the reader on the typed report", |p| {
        let s = p.parser.lock().unwrap().screen().clone();
        s.alternate_screen() && s.contents().contains("大零号湾在闵行")
    });
    p.send("q");
    assert_eq!(p.wait_exit(), 0);
}
