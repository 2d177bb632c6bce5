//! End-to-end: `gangmu --compare OLD NEW --reader`, the real binary in a
//! pseudo-terminal read by a VT100 emulator, on the 2023 and 2024
//! government work reports: the compare view opens with the rows of the
//! hand-checked comparison, a known row's `Enter` shows both passages one
//! above the other, `f` keeps only the changes, `Enter` on a passage opens
//! its report there, `c` comes back, `q` closes and quits. Every wait polls
//! the screen with a timeout.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    _home: tempfile::TempDir,
}

impl Pty {
    fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        let home = tempfile::tempdir().unwrap();
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
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
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
            _home: home,
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

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The row of the screen that holds `text`.
    fn row_of(&self, text: &str) -> Option<u16> {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        (0..rows).find(|&r| screen.contents_between(r, 0, r, cols).contains(text))
    }

    /// Whether row `row` is drawn as the selection (its background set).
    fn highlighted(&self, row: u16) -> bool {
        let parser = self.parser.lock().unwrap();
        let cell = parser.screen().cell(row, 2).map(|c| c.bgcolor());
        cell.is_some_and(|c| c != vt100::Color::Default)
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

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn compare_in_the_reader_enter_shows_both_passages() {
    // NEW first: the view puts them in time order itself.
    let (old, new) = (
        fixture("2023-government-work-report.txt"),
        fixture("2024-government-work-report.txt"),
    );
    let mut p = Pty::spawn(&["--compare", &new, &old, "--reader"], 120, 40);
    p.wait_text("15 rows: 6 unchanged, 2 changed, 7 new, 0 dropped");
    p.wait_text("compare 2023 2023政府工作报告 → 2024 政府工作报告");
    for row in [
        "= 国内生产总值增长",
        "~ 城镇新增就业",
        "= 赤字率",
        "~ 地方政府专项债券                  元    3.8万亿元     → 3.9万亿元      changed",
        "+ 城乡居民基础养老金月最低标准提高",
    ] {
        assert!(p.contents().contains(row), "{row}:\n{}", p.contents());
    }
    // The first row is chosen; six rows down is the deficit ratio.
    let first = p.row_of("= 国内生产总值增长").unwrap();
    assert!(p.highlighted(first));
    for _ in 0..6 {
        p.send("j");
    }
    let deficit = p.row_of("= 赤字率").unwrap();
    p.wait_for("the deficit ratio's row chosen", |_| {
        p.highlighted(deficit) && !p.highlighted(first)
    });
    p.send("\r");
    p.wait_text("赤字率 3% → 3% · unchanged");
    p.wait_text("old  2023 2023政府工作报告");
    p.wait_text("new  2024 政府工作报告");
    let (o, n) = (
        p.row_of("old  2023 2023政府工作报告").unwrap(),
        p.row_of("new  2024 政府工作报告").unwrap(),
    );
    assert!(o < n, "one above the other");
    // Each passage is the sentence that states the ratio.
    let screen = p.contents();
    assert_eq!(screen.matches("赤字率拟按3%安排").count(), 2, "{screen}");
    // Back, only the changes, down to the special bonds, both passages.
    p.send("\x1b");
    p.wait_text("15 rows: 6 unchanged");
    p.send("f");
    p.wait_text("changes only: 9 of 15 rows");
    assert!(!p.contents().contains("= 国内生产总值增长"));
    let bonds = p.row_of("~ 地方政府专项债券").unwrap();
    p.send("G");
    p.wait_for("the last row chosen", |_| {
        p.row_of("+ 城乡居民基础养老金")
            .is_some_and(|r| p.highlighted(r))
    });
    for _ in 0..4 {
        p.send("k");
    }
    p.wait_for("the special bonds' row chosen", |_| p.highlighted(bonds));
    p.send("\r");
    p.wait_text("地方政府专项债券 3.8万亿元 → 3.9万亿元 · changed");
    // The old passage chosen, Enter: the 2023 report, at that passage.
    p.send("k");
    p.send("\r");
    p.wait_text("old report");
    p.wait_for("the 2023 report's title", |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.contains("2023政府工作报告"))
    });
    assert!(p.contents().contains("3.8万亿元"), "{}", p.contents());
    // `c` comes back to the comparison, as it was left.
    p.send("c");
    p.wait_text("changes only: 9 of 15 rows");
    p.send("q");
    p.wait_for("the comparison closed", |s| !s.contains("changes only"));
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn a_bad_report_is_one_line_and_the_terminal_is_given_back() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"2023\x00\x01").unwrap();
    let good = fixture("2024-government-work-report.txt");
    let mut p = Pty::spawn(
        &["--compare", bad.to_str().unwrap(), &good, "--reader"],
        100,
        20,
    );
    let status = p.wait_exit();
    assert_eq!(status.exit_code(), 2);
    p.wait_text("gangmu: ");
    let parser = p.parser.lock().unwrap();
    let screen = parser.screen();
    assert!(!screen.alternate_screen() && !screen.hide_cursor());
    let text = screen.contents();
    let line = text.lines().find(|l| l.contains("gangmu: ")).unwrap();
    assert!(line.contains("bad.txt"), "{text}");
    assert_eq!(text.matches("gangmu: ").count(), 1, "{text}");
}
