//! The library in the reader, end to end: the real binary in a
//! pseudo-terminal on a directory of reports, read by a VT100 emulator.
//! Open the directory, search across it, open a hit, switch back. Every
//! wait polls the screen with a timeout.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    /// Runs gangmu with its state, config and cache under `home`.
    fn spawn(args: &[&str], cols: u16, rows: u16, home: &Path) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gangmu"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("TMUX");
        cmd.env_remove("STY");
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("XDG_CACHE_HOME", home.join("cache"));
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
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
            _master: pair.master,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait_for(&self, what: &str, f: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            if f(&self.contents()) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait_for(text, |s| s.contains(text));
    }

    /// The first line of the screen: the title bar, or the top of a list.
    fn top_line(&self) -> String {
        self.contents().lines().next().unwrap_or("").to_string()
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            if start.elapsed() > TIMEOUT {
                self.child.kill().ok();
                panic!("the reader did not exit; screen:\n{}", self.contents());
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

/// A directory of three reports: the 2023 and 2024 government work
/// reports and the Minhang seed.
fn library(home: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = home.join("reports");
    std::fs::create_dir_all(&dir).unwrap();
    for f in [
        "tests/fixtures/2023-government-work-report.txt",
        "tests/fixtures/2024-government-work-report.txt",
        "assets/minhang-2024-07-24.txt",
    ] {
        let p = root.join(f);
        std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
    }
    dir
}

#[test]
fn open_a_directory_search_across_it_open_a_hit_and_switch_back() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let mut p = Pty::spawn(&[dir.to_str().unwrap()], 120, 40, home.path());
    // The pane lists the three reports, newest first, their targets
    // counted as they come.
    p.wait_text("书库 library · 3 reports · by year");
    p.wait_for("every report counted", |s| !s.contains('…'));
    let screen = p.contents();
    let at = |t: &str| screen.find(t).unwrap_or_else(|| panic!("{t}:\n{screen}"));
    assert!(at("闵行区第七届") < at("政府工作报告") && at("政府工作报告") < at("2023政府工作报告"));
    // Sorted by title: `2023…` before `7月…` before `政府…`.
    p.send("s");
    p.wait_text("by title");
    let screen = p.contents();
    let at = |t: &str| screen.find(t).unwrap_or_else(|| panic!("{t}:\n{screen}"));
    assert!(at("2023政府工作报告") < at("闵行区第七届"));
    // The selection stayed on its report (the seed): to the top, and
    // open the 2023 report.
    p.send("g");
    p.send("\r");
    p.wait_for("its title bar", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("2023政府工作报告"))
    });
    // Search across the library: S, a query; the hits stream in grouped
    // by report; Enter lists them.
    p.send("S");
    p.send("大零号湾");
    p.wait_text("书库搜索 library: 大零号湾");
    p.wait_for("the seed's hits", |s| {
        s.contains("闵行区第七届") && s.contains(" hits in 1 reports")
    });
    p.send("\r");
    p.wait_for("the grouped list", |s| s.contains("▸ 7月24日"));
    // Down to its first hit, and open it: the seed, at the hit.
    p.send("j");
    p.send("\r");
    p.wait_for("the seed open", |s| {
        s.lines().next().is_some_and(|l| l.contains("闵行区第七届"))
    });
    p.wait_text("大零号湾");
    // `a` goes back to the report read before, and again forth.
    p.send("a");
    p.wait_for("back to 2023", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("2023政府工作报告"))
    });
    p.send("a");
    p.wait_for("forth to the seed", |s| {
        s.lines().next().is_some_and(|l| l.contains("闵行区第七届"))
    });
    // `L` shows the library again, the seed marked as read, 2023 open.
    p.send("L");
    p.wait_text("书库 library");
    let pane = p.contents();
    assert!(
        pane.lines()
            .any(|l| l.contains("●") && l.contains("闵行区第七届")),
        "{pane}"
    );
    assert!(
        pane.lines()
            .any(|l| l.contains("+") && l.contains("2023政府工作报告")),
        "{pane}"
    );
    p.send("\x1b");
    p.wait_for("the pane closed", |s| !s.contains("书库 library"));
    assert!(p.top_line().contains("闵行区第七届"));
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The percentage read, at the end of the status row.
fn percent(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    let status = lines.iter().rev().nth(1).copied().unwrap_or("");
    status.split_whitespace().last().unwrap_or("").to_string()
}

#[test]
fn each_report_of_a_library_reopens_where_it_was_left() {
    let home = tempfile::tempdir().unwrap();
    let dir = library(home.path());
    let dir = dir.to_str().unwrap();
    // Open the 2024 report (second by year), go to its end; then the seed
    // (first), a bookmark-free move down; quit.
    let mut p = Pty::spawn(&[dir], 120, 40, home.path());
    p.wait_text("书库 library · 3 reports");
    p.send("j\r");
    p.wait_for("the 2024 report", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.starts_with("政府工作报告"))
    });
    p.send("G");
    p.wait_for("its last part", |s| percent(s) != "0%");
    // The place once the screen has stayed still (a frame read half
    // drawn cannot be taken for it).
    let mut left_at = percent(&p.contents());
    let mut still = Instant::now();
    while still.elapsed() < Duration::from_millis(300) {
        std::thread::sleep(Duration::from_millis(20));
        let now = percent(&p.contents());
        if now != left_at {
            left_at = now;
            still = Instant::now();
        }
    }
    p.send("L");
    p.wait_text("书库 library");
    p.send("k\r");
    p.wait_for("the seed", |s| {
        s.lines().next().is_some_and(|l| l.contains("闵行区第七届"))
    });
    p.send("q");
    assert!(p.wait_exit().success());
    // Again: the 2024 report opens at its end.
    let mut p = Pty::spawn(&[dir], 120, 40, home.path());
    p.wait_text("书库 library · 3 reports");
    p.send("j\r");
    p.wait_for("the 2024 report where it was left", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.starts_with("政府工作报告"))
            && percent(s) == left_at
    });
    p.send("q");
    assert!(p.wait_exit().success());
}
