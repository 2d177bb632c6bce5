//! End-to-end: the real binary in a pseudo-terminal, its output read by a
//! VT100 emulator. Every wait polls the screen with a timeout.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the reader wrote, for what the emulator does not keep
    /// (an OSC 52 copy).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
    /// The XDG state and config homes of a run that did not name them.
    _home: Option<tempfile::TempDir>,
}

impl Pty {
    /// Runs gangmu with its state and config in a fresh temporary
    /// directory, so that no test reads or writes the user's.
    fn spawn(args: &[&str], cols: u16, rows: u16) -> Pty {
        let home = tempfile::tempdir().unwrap();
        let mut p = Pty::spawn_with_home(args, cols, rows, home.path());
        p._home = Some(home);
        p
    }

    /// Runs gangmu with `$XDG_STATE_HOME` and `$XDG_CONFIG_HOME` under `home`.
    fn spawn_with_home(args: &[&str], cols: u16, rows: u16, home: &Path) -> Pty {
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
        // Not the tmux or screen the tests may run in: the reader's copy
        // goes to this terminal.
        cmd.env_remove("TMUX");
        cmd.env_remove("STY");
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                r.lock().unwrap().extend_from_slice(&buf[..n]);
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        Pty {
            parser,
            raw,
            writer,
            child,
            _master: pair.master,
            _home: None,
        }
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn wait<F: Fn(&vt100::Screen) -> bool>(&self, what: &str, f: F) {
        let start = Instant::now();
        loop {
            if f(self.parser.lock().unwrap().screen()) {
                return;
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; screen:\n{}", self.contents());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn wait_text(&self, text: &str) {
        self.wait(text, |s| s.contents().contains(text));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends one key and waits (bounded) until the screen has changed and
    /// then stayed still for 50 ms, so a frame read half-drawn or a loaded
    /// machine cannot make the test run ahead of the reader.
    fn send_and_settle(&mut self, key: &str) {
        let before = self.contents();
        self.send(key);
        let start = Instant::now();
        while self.contents() == before && start.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(5));
        }
        let mut last = self.contents();
        let mut still = Instant::now();
        while still.elapsed() < Duration::from_millis(50)
            && start.elapsed() < Duration::from_secs(4)
        {
            std::thread::sleep(Duration::from_millis(5));
            let now = self.contents();
            if now != last {
                last = now;
                still = Instant::now();
            }
        }
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

const THEMES: [&str; 4] = ["锚定目标", "充分发挥", "抢抓虹桥", "切实聚焦"];

#[test]
fn first_frame_shows_the_four_themes_and_q_restores() {
    let mut p = Pty::spawn(&[], 120, 40);
    p.wait("the four themes", |s| {
        let c = s.contents();
        THEMES.iter().all(|t| c.contains(t))
    });
    assert!(p.parser.lock().unwrap().screen().alternate_screen());
    p.send("q");
    assert!(p.wait_exit().success());
    p.wait("the main screen with the cursor shown", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
}

/// The text column at a size with the default panes (the sidebar shown).
fn text_column(cols: u16, rows: u16) -> (u16, u16) {
    let a = gangmu::tui::geometry::areas(cols, rows, false, false, None);
    (a.text.x, a.text.width)
}

#[test]
fn moving_to_a_section_brings_its_text() {
    // Wide enough for the sidebar to dock beside the text.
    let mut p = Pty::spawn(&[], 160, 40);
    let (tx, tw) = text_column(160, 40);
    p.wait_text("切实聚焦");
    // The sidebar's targets arrive from a thread: wait for them, so that
    // every screen change below is a key's.
    p.wait_text("4000家");
    // Down through the tree to 第一 强化大零号湾科技创新策源功能.
    let mut found = false;
    let mut seen = Vec::new();
    for _ in 0..30 {
        p.send_and_settle("j");
        let screen = p.contents();
        let last = screen.lines().rev().nth(1).unwrap_or("").to_string();
        seen.push(last.clone());
        if last.contains("第一 强化大零号湾") {
            found = true;
            break;
        }
    }
    assert!(
        found,
        "breadcrumb never reached the section:\n{}\nbreadcrumbs seen:\n{}",
        p.contents(),
        seen.join("\n")
    );
    p.wait("its text in the detail pane", |s| {
        s.rows(tx, tw)
            .skip(1)
            .take(5)
            .any(|r| r.contains("大零号湾"))
    });
    // No screen line of the detail pane starts with a prohibited mark.
    let screen = p.parser.lock().unwrap().screen().clone();
    for row in screen.rows(tx, tw).skip(1).take(36) {
        let first = row.trim_start().chars().next();
        if let Some(c) = first {
            assert!(
                !"，。、：；！？）》”,.:;!?)".contains(c),
                "line starts with {c}: {row}"
            );
        }
    }
    p.send("\x03");
    assert!(p.wait_exit().success());
}

#[test]
fn hostile_report_leaves_the_screen_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    let text = "恶意报告标题\n第一,清屏测试。\x1b[2J这里有清屏序列。\n\
                第二,标题测试。\x1b]0;pwned\x07这里有标题序列。\n\
                第三,剪贴板测试。\x1b]52;c;cHduZWQ=\x07这里有剪贴板序列。\u{9b}31m红色\n";
    std::fs::write(&path, text).unwrap();
    let mut p = Pty::spawn(&[path.to_str().unwrap()], 120, 30);
    p.wait_text("剪贴板序列");
    p.wait_text("这里有清屏序列");
    p.wait_text("␛]52;c;");
    let screen = p.parser.lock().unwrap().screen().clone();
    assert!(screen.contents().contains("恶意报告标题"));
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn not_a_terminal_exits_2() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a terminal"));
    assert!(out.stdout.is_empty());
    assert!(Path::new(env!("CARGO_BIN_EXE_gangmu")).exists());
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for sig in ["-TERM", "-HUP"] {
        let mut p = Pty::spawn(&[], 80, 24);
        p.wait_text("锚定目标");
        let pid = p.child.process_id().expect("a pid");
        let st = std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap();
        assert!(st.success());
        p.wait_exit();
        p.wait("the main screen with the cursor shown", |s| {
            !s.alternate_screen() && !s.hide_cursor()
        });
    }
}

// ----- the saved reading state --------------------------------------------

/// The detail pane and the status row: what says where reading is.
fn reading_rows(p: &Pty, rows: u16) -> Vec<String> {
    let screen = p.parser.lock().unwrap().screen().clone();
    // Trailing blanks are left out: a cell cleared and a cell never
    // written read differently.
    screen
        .rows(0, 120)
        .skip(1)
        .take(rows as usize - 2)
        .map(|r| r.trim_end().to_string())
        .collect()
}

fn state_files(home: &Path) -> Vec<std::path::PathBuf> {
    match std::fs::read_dir(home.join("state/gangmu")) {
        Ok(d) => d.map(|e| e.unwrap().path()).collect(),
        Err(_) => Vec::new(),
    }
}

fn bundled_key() -> String {
    gangmu::persist::document_key(&gangmu::document::Document::bundled().text)
}

fn load_saved(home: &Path) -> gangmu::persist::SavedState {
    let store = gangmu::persist::StateStore::at(home.join("state/gangmu"));
    match store.load(&bundled_key()) {
        gangmu::persist::Loaded::Found(s) => s,
        other => panic!("no valid state: {other:?}"),
    }
}

/// Sends keys one at a time, letting the reader draw after each.
fn keys(p: &mut Pty, keys: &str) {
    for c in keys.chars() {
        p.send(&c.to_string());
        std::thread::sleep(Duration::from_millis(30));
    }
    std::thread::sleep(Duration::from_millis(200));
}

#[test]
fn position_folds_and_bookmarks_survive_a_restart() {
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn_with_home(&[], 120, 40, home.path());
    p.wait_text("切实聚焦");
    // Tree: down to a section, unfold it, into its first point; bookmark
    // it; then on, and read on in the detail pane.
    keys(&mut p, "jjjjjjl");
    keys(&mut p, "l");
    let at_mark = p.contents().lines().rev().nth(1).unwrap().to_string();
    keys(&mut p, "ma");
    p.wait_text("bookmark a set");
    keys(&mut p, "jjj\tjjjjj");
    let before = reading_rows(&p, 40);
    p.send("q");
    assert!(p.wait_exit().success());
    assert_eq!(state_files(home.path()).len(), 1);
    let saved = load_saved(home.path());
    assert!(saved.position.as_ref().unwrap().offset > 0);
    assert!(saved.bookmarks.contains_key(&'a'));

    let mut p = Pty::spawn_with_home(&[], 120, 40, home.path());
    p.wait_text("切实聚焦");
    std::thread::sleep(Duration::from_millis(300));
    let after = reading_rows(&p, 40);
    assert_eq!(
        after,
        before,
        "the reader did not reopen at the same place:\n{}",
        p.contents()
    );
    // The bookmark is still there: go to the top, then to it.
    keys(&mut p, "g'a");
    let crumb = at_mark
        .trim()
        .rsplit_once(' ')
        .unwrap()
        .0
        .trim()
        .to_string();
    p.wait("the bookmark's breadcrumb", |s| {
        s.contents()
            .lines()
            .rev()
            .nth(1)
            .unwrap_or("")
            .contains(&crumb)
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn no_state_reads_and_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn_with_home(&["--no-state"], 100, 30, home.path());
    p.wait_text("锚定目标");
    keys(&mut p, "jjjma");
    p.send("q");
    assert!(p.wait_exit().success());
    assert!(state_files(home.path()).is_empty());
}

#[test]
fn sigterm_and_sighup_save_the_state() {
    for sig in ["-TERM", "-HUP"] {
        let home = tempfile::tempdir().unwrap();
        let mut p = Pty::spawn_with_home(&[], 100, 30, home.path());
        p.wait_text("锚定目标");
        keys(&mut p, "jjjjmz");
        let pid = p.child.process_id().expect("a pid");
        std::process::Command::new("kill")
            .args([sig, &pid.to_string()])
            .status()
            .unwrap();
        p.wait_exit();
        let saved = load_saved(home.path());
        assert!(saved.bookmarks.contains_key(&'z'), "{sig}");
    }
}

#[test]
fn a_corrupt_state_file_is_a_notice_not_a_crash() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("state/gangmu");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join(format!("{}.json", bundled_key())),
        "{\"version\": 1, \"pos",
    )
    .unwrap();
    let mut p = Pty::spawn_with_home(&[], 120, 40, home.path());
    p.wait_text("saved state was unreadable");
    p.send("j");
    p.wait("the notice gone after a key", |s| {
        !s.contents().contains("saved state was unreadable")
    });
    p.send("q");
    assert!(p.wait_exit().success());
    assert!(
        state_files(home.path())
            .iter()
            .any(|f| f.to_string_lossy().ends_with(".corrupt"))
    );
    load_saved(home.path());
}

#[test]
fn two_readers_saving_at_once_leave_a_valid_file() {
    let home = tempfile::tempdir().unwrap();
    for _ in 0..3 {
        let mut a = Pty::spawn_with_home(&[], 100, 30, home.path());
        let mut b = Pty::spawn_with_home(&[], 100, 30, home.path());
        a.wait_text("锚定目标");
        b.wait_text("锚定目标");
        keys(&mut a, "jjjma");
        keys(&mut b, "jjjjjjmb");
        a.send("q");
        b.send("q");
        assert!(a.wait_exit().success());
        assert!(b.wait_exit().success());
        let saved = load_saved(home.path());
        assert!(saved.bookmarks.contains_key(&'a') || saved.bookmarks.contains_key(&'b'));
        let files = state_files(home.path());
        assert_eq!(files.len(), 1, "temporary files left: {files:?}");
    }
}

#[test]
fn ctrl_o_goes_back_and_ctrl_i_or_ctrl_n_forward() {
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn_with_home(&[], 120, 40, home.path());
    p.wait_text("切实聚焦");
    let crumb = |p: &Pty| p.contents().lines().rev().nth(1).unwrap_or("").to_string();
    keys(&mut p, "jjjjjjjjjjjj");
    keys(&mut p, "mag");
    let top = crumb(&p);
    keys(&mut p, "'a");
    let marked = crumb(&p);
    assert_ne!(top, marked);
    p.send("\x0f"); // Ctrl-o
    p.wait("back at the top", |s| {
        s.contents().lines().rev().nth(1) == Some(top.as_str())
    });
    p.send("\x1b[105;5u"); // Ctrl-i as the kitty keyboard protocol sends it
    p.wait("forward at the bookmark", |s| {
        s.contents().lines().rev().nth(1) == Some(marked.as_str())
    });
    p.send("\x0f");
    p.wait("back again", |s| {
        s.contents().lines().rev().nth(1) == Some(top.as_str())
    });
    p.send("\x0e"); // Ctrl-n
    p.wait("forward again", |s| {
        s.contents().lines().rev().nth(1) == Some(marked.as_str())
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

/// The cells of the screen that show `word` (each char's first cell), row
/// by row, with whether each is in reverse video.
fn word_cells(screen: &vt100::Screen, word: &str) -> Vec<Vec<bool>> {
    let (rows, cols) = screen.size();
    let chars: Vec<char> = word.chars().collect();
    let mut found = Vec::new();
    for r in 0..rows {
        let mut cells: Vec<(String, bool)> = Vec::new();
        for c in 0..cols {
            if let Some(cell) = screen.cell(r, c)
                && !cell.is_wide_continuation()
            {
                cells.push((cell.contents().to_string(), cell.inverse()));
            }
        }
        for i in 0..cells.len() {
            if i + chars.len() <= cells.len()
                && chars
                    .iter()
                    .enumerate()
                    .all(|(k, ch)| cells[i + k].0 == ch.to_string())
            {
                found.push(cells[i..i + chars.len()].iter().map(|c| c.1).collect());
            }
        }
    }
    found
}

#[test]
fn search_by_initials_highlights_the_hits() {
    let mut p = Pty::spawn(&[], 160, 40);
    p.wait_text("锚定目标");
    // The targets arrive from their thread.
    p.wait_text("4000家");
    p.send("/dlhw");
    p.wait("the prompt with its count", |s| {
        let c = s.contents();
        c.contains("/dlhw") && c.contains("1/2")
    });
    p.send("\r");
    p.wait("大零号湾 in reverse video", |s| {
        word_cells(s, "大零号湾")
            .iter()
            .any(|cells| cells.iter().all(|&rev| rev))
    });
    p.wait_text("/dlhw 1/2");
    // n goes to the second hit, n again wraps with a notice.
    p.send("n");
    p.wait_text("/dlhw 2/2");
    p.send("n");
    p.wait_text("continuing at TOP");
    // Esc in a new prompt leaves the old search.
    p.send("/莘");
    p.wait("the prompt", |s| {
        s.contents().lines().any(|l| l.starts_with("/莘"))
    });
    p.send("\x1b");
    p.wait("the old search back", |s| {
        let c = s.contents();
        c.contains("/dlhw 1/2") && c.contains("q quit")
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn replaced_bytes_are_told_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.txt");
    let mut bytes = std::fs::read(format!(
        "{}/assets/minhang-2024-07-24.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    bytes.insert(3, 0xFF);
    std::fs::write(&f, &bytes).unwrap();
    let mut p = Pty::spawn(&[f.to_str().unwrap()], 120, 40);
    p.wait_text("replaced with U+FFFD");
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn state_is_saved_while_reading_so_a_kill_loses_little() {
    let home = tempfile::tempdir().unwrap();
    let mut p = Pty::spawn_with_home(&[], 120, 40, home.path());
    p.wait_text("切实聚焦");
    keys(&mut p, "\tjjjjjjjjjj");
    // The autosave runs within 5 s of the last key; then the reader is
    // killed without a chance to save (SIGKILL). On a loaded machine a
    // first autosave may land before the keys are read: wait for one that
    // holds the new position.
    let start = Instant::now();
    let moved = || {
        !state_files(home.path()).is_empty()
            && load_saved(home.path())
                .position
                .is_some_and(|p| p.offset > 0)
    };
    while !moved() {
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "no autosave of the new position"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    p.child.kill().unwrap();
    p.wait_exit();
}

/// Processes whose environment holds `mark`.
fn marked_processes(mark: &str) -> Vec<u32> {
    let needle = format!("GANGMU_TEST_MARK={mark}");
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            std::fs::read(format!("/proc/{pid}/environ"))
                .map(|env| env.split(|&b| b == 0).any(|v| v == needle.as_bytes()))
                .unwrap_or(false)
        })
        .collect()
}

/// A closed terminal (window closed, SSH gone) ends the reader: it must not
/// linger spinning on a dead tty (crossterm#793).
#[test]
fn the_reader_exits_when_its_terminal_goes_away() {
    let home = tempfile::tempdir().unwrap();
    let mark = format!("{}-{:?}", std::process::id(), Instant::now());
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gangmu"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("GANGMU_TEST_MARK", &mark);
    cmd.env("XDG_STATE_HOME", home.path().join("state"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    let _child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    // Read until the first frame is drawn, then close every handle on the
    // terminal's master side: the terminal is gone.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let mut parser = vt100::Parser::new(24, 80, 0);
    let mut buf = [0u8; 8192];
    let start = Instant::now();
    while !parser.screen().contents().contains("锚定目标") {
        assert!(start.elapsed() < TIMEOUT, "no first frame");
        let n = reader.read(&mut buf).unwrap();
        parser.process(&buf[..n]);
    }
    assert!(!marked_processes(&mark).is_empty());
    drop(reader);
    drop(writer);
    drop(pair.master);
    let start = Instant::now();
    loop {
        let left = marked_processes(&mark);
        if left.is_empty() {
            break;
        }
        if start.elapsed() > Duration::from_secs(10) {
            for pid in left {
                let _ = std::process::Command::new("kill")
                    .args(["-9", &pid.to_string()])
                    .status();
            }
            panic!("the reader outlived its terminal");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `Ctrl-z` gives the terminal back and stops with a real SIGTSTP, as job
/// control expects (bash says "Stopped", status 148, not "Stopped
/// (signal)"); `fg` takes the screen back. Run under an interactive bash in
/// the pseudo-terminal, since only a shell with job control can stop and
/// continue a job.
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_redraws() {
    let home = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"]);
    cmd.env("TERM", "xterm-256color");
    cmd.env("PS1", "$ ");
    cmd.env("XDG_STATE_HOME", home.path().join("state"));
    cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let writer = pair.master.take_writer().unwrap();
    let parser = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
    let pp = parser.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            pp.lock().unwrap().process(&buf[..n]);
        }
    });
    let mut p = Pty {
        parser,
        raw: Arc::new(Mutex::new(Vec::new())),
        writer,
        child,
        _master: pair.master,
        _home: None,
    };
    p.wait_text("$ ");
    p.send(&format!("{}\r", env!("CARGO_BIN_EXE_gangmu")));
    p.wait_text("锚定目标");
    p.send("\x1a");
    p.wait("the job stopped", |s| {
        s.contents().contains("Stopped") && !s.alternate_screen()
    });
    assert!(
        !p.contents().contains("Stopped (signal)"),
        "{}",
        p.contents()
    );
    p.send("echo status=$?\r");
    p.wait_text("status=148");
    p.send("fg\r");
    p.wait("the reader back", |s| {
        s.alternate_screen() && s.contents().contains("锚定目标")
    });
    p.send("q");
    p.wait("the shell again", |s| !s.alternate_screen());
    p.send("exit\r");
    p.wait_exit();
}

// ----- round two: less's keys, quoting, the sidebar overlay, the config ---

/// The status row (breadcrumb and percent).
fn status_row(p: &Pty) -> String {
    p.contents().lines().rev().nth(1).unwrap_or("").to_string()
}

/// The rows of the text column.
fn text_rows(p: &Pty, cols: u16, rows: u16) -> Vec<String> {
    let (x, w) = text_column(cols, rows);
    let screen = p.parser.lock().unwrap().screen().clone();
    screen
        .rows(x, w)
        .skip(1)
        .take(rows as usize - 3)
        .map(|r| r.trim_end().to_string())
        .collect()
}

/// Tab until the status bar's keys are the text pane's (`Space page`).
fn focus_text(p: &mut Pty) {
    for _ in 0..4 {
        if p.contents().contains("Space page") {
            return;
        }
        p.send_and_settle("\t");
    }
    panic!("the text pane never had the focus:\n{}", p.contents());
}

#[test]
fn space_pages_down_and_b_back_up_in_the_text() {
    let mut p = Pty::spawn(&[], 100, 30);
    p.wait_text("锚定目标");
    p.wait_text("0%");
    focus_text(&mut p);
    let top = text_rows(&p, 100, 30);
    p.send_and_settle(" ");
    let paged = text_rows(&p, 100, 30);
    assert_ne!(paged, top, "Space did not page");
    // A page down keeps two lines of the page before (as less -z-2 does).
    let last_two: Vec<&String> = top.iter().rev().skip(1).take(3).collect();
    assert!(
        last_two
            .iter()
            .any(|l| paged.contains(l) && !l.trim().is_empty()),
        "nothing of the last page stays:\n{}",
        p.contents()
    );
    p.send_and_settle("b");
    assert_eq!(text_rows(&p, 100, 30), top, "b did not page back");
    p.send_and_settle("f");
    assert_eq!(text_rows(&p, 100, 30), paged, "f pages as Space");
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn bracket_goes_to_the_next_section_at_the_same_level_or_higher() {
    let mut p = Pty::spawn(&[], 100, 30);
    p.wait_text("锚定目标");
    focus_text(&mut p);
    // Down into the first theme's first section, then on.
    p.send_and_settle("]");
    p.wait("the first theme", |s| {
        s.contents()
            .lines()
            .rev()
            .nth(1)
            .unwrap_or("")
            .contains("锚定目标")
    });
    // Three lines on, reading is in the theme's first section: ] goes to
    // the next section (the same level), from wherever in it reading is.
    p.send_and_settle("j");
    p.send_and_settle("j");
    p.send_and_settle("j");
    let inside = status_row(&p);
    assert!(inside.contains("第一 重点行业稳定支撑"), "{inside}");
    p.send_and_settle("]");
    p.wait("the second section", |s| {
        s.contents()
            .lines()
            .rev()
            .nth(1)
            .unwrap_or("")
            .contains("第二 重点企业靠前发力")
    });
    // [ goes back to the section before (reading is at this one's start).
    p.send_and_settle("[");
    p.wait("the first section again", |s| {
        s.contents()
            .lines()
            .rev()
            .nth(1)
            .unwrap_or("")
            .contains("第一 重点行业稳定支撑")
    });
    // '' goes back to where that jump started (as less's '').
    p.send_and_settle("'");
    p.send_and_settle("'");
    p.wait("back at the second section", |s| {
        s.contents()
            .lines()
            .rev()
            .nth(1)
            .unwrap_or("")
            .contains("第二 重点企业靠前发力")
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

/// Standard base64, decoded (the test's own, to check the reader's).
fn unbase64(s: &str) -> Vec<u8> {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for b in s.bytes().filter(|&b| b != b'=') {
        let v = ABC.iter().position(|&c| c == b).expect("base64") as u32;
        acc = acc << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// The text of the last OSC 52 copy the reader sent, decoded.
fn last_copy(p: &Pty) -> Option<String> {
    let raw = p.raw.lock().unwrap();
    let raw = String::from_utf8_lossy(&raw);
    let start = raw.rfind("\x1b]52;c;")? + "\x1b]52;c;".len();
    let end = start + raw[start..].find(['\x07', '\x1b'])?;
    Some(String::from_utf8(unbase64(&raw[start..end])).expect("UTF-8 copied"))
}

#[test]
fn y_copies_the_paragraph_with_its_citation_through_osc_52() {
    let mut p = Pty::spawn(&[], 100, 30);
    p.wait_text("锚定目标");
    focus_text(&mut p);
    p.send_and_settle("]");
    p.send_and_settle("]");
    p.send_and_settle("y");
    p.wait_text("copied");
    let start = Instant::now();
    let copy = loop {
        if let Some(c) = last_copy(&p) {
            break c;
        }
        assert!(start.elapsed() < TIMEOUT, "no OSC 52 sequence received");
        std::thread::sleep(Duration::from_millis(20));
    };
    let (words, cite) = copy.trim_end().rsplit_once('\n').expect("two parts");
    assert!(
        words.starts_with("充分发挥“科创策源”和“高端制造”两大优势"),
        "{copy}"
    );
    assert!(cite.starts_with("——《7月24日"), "{cite}");
    assert!(cite.contains("，2024，"), "{cite}");
    assert!(cite.ends_with("充分发挥“科创策源”和“高端制造”两大优势，坚定推进创新驱动、转型发展，以科技创新引领新质生产力发展，加快向产业链高端迈进"), "{cite}");
    // Y: the breadcrumb alone.
    p.send_and_settle("Y");
    p.wait_text("copied the breadcrumb");
    let start = Instant::now();
    while last_copy(&p).as_deref() == Some(copy.as_str()) {
        assert!(start.elapsed() < TIMEOUT, "no second copy");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(last_copy(&p).unwrap().starts_with("充分发挥"));
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn the_sidebar_overlay_shows_the_passage_above_it() {
    let mut p = Pty::spawn(&[], 80, 24);
    p.wait_text("锚定目标");
    p.send_and_settle("t");
    p.wait_text("目标 targets");
    p.wait_text("4000家");
    // Moving in the list: the passage of the target chosen goes to the
    // top of the text, above the overlay (which covers the lower half).
    p.send_and_settle("j");
    p.wait("125家 in the text above the overlay", |s| {
        let overlay_top = (0..24)
            .find(|&r| s.contents_between(r, 0, r, 80).contains("目标 targets"))
            .unwrap_or(0);
        overlay_top > 4
            && (1..overlay_top).any(|r| s.contents_between(r, 32, r, 80).contains("125家"))
    });
    let first = p.contents();
    p.send_and_settle("j");
    p.wait("5家 in the text above the overlay", |s| {
        let overlay_top = (0..24)
            .find(|&r| s.contents_between(r, 0, r, 80).contains("目标 targets"))
            .unwrap_or(0);
        (1..overlay_top).any(|r| s.contents_between(r, 32, r, 80).contains("业突破5家"))
    });
    assert_ne!(first, p.contents());
    // Enter goes there and closes the overlay.
    p.send_and_settle("\r");
    p.wait("the overlay closed", |s| {
        !s.contents().contains("目标 targets")
    });
    p.send("q");
    assert!(p.wait_exit().success());
}

#[test]
fn a_config_that_unbinds_quit_still_lets_ctrl_c_quit() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("c.yaml");
    std::fs::write(&config, "keys:\n  quit: []\n").unwrap();
    let mut p = Pty::spawn_with_home(
        &["--config", config.to_str().unwrap()],
        100,
        30,
        home.path(),
    );
    p.wait_text("锚定目标");
    // q quits no more: the reader still takes keys after it (j moves the
    // tree from the lead paragraph to the first theme, in the breadcrumb).
    p.send("q");
    p.send("j");
    p.wait("j moving the tree after q", |s| {
        s.alternate_screen()
            && s.contents()
                .lines()
                .rev()
                .nth(1)
                .unwrap_or("")
                .contains("锚定目标")
    });
    assert!(
        p.child.try_wait().unwrap().is_none(),
        "the reader quit on q"
    );
    p.send("\x03");
    assert!(p.wait_exit().success());
    p.wait("the main screen", |s| !s.alternate_screen());
}
