//! The first frame of a big report: drawn from the report's head while the
//! whole is read and parsed on another thread, keys that work meanwhile,
//! and the whole document (and the saved state) taking over when it
//! arrives. The state is tested without a terminal; one end-to-end test
//! runs the real binary in a pseudo-terminal on a report big enough that
//! its parse is still running when the first keys are answered.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use gangmu::document::load::HEAD_BYTES;
use gangmu::document::{BUNDLED, Decoding, Document};
use gangmu::persist::{Loaded, Position, SavedState};
use gangmu::search::SearchIndex;
use gangmu::tui::action::Action;
use gangmu::tui::app::{App, Focus, STILL_READING};
use gangmu::tui::report::Update;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

fn seed_times(n: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity((BUNDLED.len() + 1) * n);
    for _ in 0..n {
        v.extend_from_slice(BUNDLED);
        v.push(b'\n');
    }
    v
}

/// A reader on the head of `bytes`, as `gangmu FILE` first shows it, and
/// the whole document that will replace it.
fn opened(bytes: &[u8]) -> (App, Arc<Document>) {
    // The head cut at its last line break, as Opening::head_text cuts it.
    let head = &bytes[..HEAD_BYTES.min(bytes.len())];
    let cut = head.iter().rposition(|&b| b == b'\n').unwrap() + 1;
    let text = String::from_utf8(bytes[..cut].to_vec()).unwrap();
    let preview = Document::from_text("big", text, Decoding::default());
    let mut app = App::new(preview, None, 120, 40);
    app.report_mut().loading = true;
    let whole = Arc::new(Document::from_bytes("big", bytes).unwrap());
    (app, whole)
}

fn arrive(app: &mut App, whole: &Arc<Document>, state: Option<Loaded>) {
    let update = Update::Document {
        doc: whole.clone(),
        index: Arc::new(SearchIndex::shared(whole.clone())),
        state,
    };
    let id = app.current();
    app.update(id, update);
}

#[test]
fn keys_work_on_the_head_and_what_needs_the_whole_says_it_waits() {
    let bytes = seed_times(50);
    let (mut app, whole) = opened(&bytes);
    assert!(app.report().doc.text.len() < HEAD_BYTES);
    let tree_rows = app.report().tree.visible.len();
    assert!(tree_rows > 1);
    // Moves work on what is there.
    app.apply(Action::Down);
    assert_eq!(app.report().tree.list.selected(), Some(1));
    app.focus = Focus::Detail;
    app.apply(Action::PageDown);
    let top = app.report().detail.top;
    assert!(top.para > 0 || top.line > 0);
    // The end, a percentage, a search: not yet.
    for a in [
        Action::Bottom,
        Action::Percent,
        Action::Digit(5),
        Action::SearchOpen,
    ] {
        app.apply(a);
        assert_eq!(app.notices.status.as_deref(), Some(STILL_READING), "{a:?}");
        assert_eq!(app.report().detail.top, top, "{a:?}");
    }
    // The whole arrives: the place read and the selection carry over, the
    // end is the report's.
    let reading = app.report().reading_offset();
    arrive(&mut app, &whole, None);
    let r = app.report();
    assert!(!r.loading);
    assert_eq!(r.doc.text.len(), bytes.len());
    assert_eq!(r.reading_offset(), reading);
    assert!(r.tree.visible.len() > tree_rows);
    app.apply(Action::Bottom);
    assert_eq!(app.report().percent(), 100);
    assert!(app.report().reading_offset() > 49 * BUNDLED.len());
}

#[test]
fn the_saved_state_is_put_back_when_the_whole_arrives_unless_the_reader_moved() {
    let bytes = seed_times(50);
    // Saved far beyond the head, with a bookmark.
    let offset = 40 * (BUNDLED.len() + 1);
    let saved = SavedState {
        position: Some(Position {
            offset,
            node: String::new(),
        }),
        bookmarks: [(
            'a',
            Position {
                offset: 30 * (BUNDLED.len() + 1),
                node: String::new(),
            },
        )]
        .into(),
        ..SavedState::new()
    };
    let (mut app, whole) = opened(&bytes);
    assert!(offset > HEAD_BYTES);
    arrive(&mut app, &whole, Some(Loaded::Found(saved.clone())));
    assert_eq!(app.report().reading_offset(), offset);
    assert_eq!(app.report().memory.bookmarks.len(), 1);
    // A reader who moved first keeps their place; the bookmarks come.
    let (mut app, whole) = opened(&bytes);
    app.focus = Focus::Detail;
    app.apply(Action::PageDown);
    let here = app.report().reading_offset();
    arrive(&mut app, &whole, Some(Loaded::Found(saved)));
    assert_eq!(app.report().reading_offset(), here);
    assert_eq!(app.report().memory.bookmarks.len(), 1);
}

#[test]
fn folds_made_on_the_head_carry_over() {
    let bytes = seed_times(50);
    let (mut app, whole) = opened(&bytes);
    // The first theme folded, the tree's selection on it.
    app.apply(Action::Down);
    app.apply(Action::Collapse);
    let rows = app.report().tree.visible.clone();
    let first = app.report().tree.selected().unwrap();
    assert!(!app.report().tree.expanded[first]);
    arrive(&mut app, &whole, None);
    let r = app.report();
    assert!(!r.tree.expanded[first]);
    assert_eq!(r.tree.selected(), Some(first));
    // The head's rows start the whole tree's rows.
    assert_eq!(&r.tree.visible[..rows.len() - 1], &rows[..rows.len() - 1]);
}

// ------------------------------------------------------------ end to end

const TIMEOUT: Duration = Duration::from_secs(30);

struct Pty {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Pty {
    fn spawn(file: &Path, home: &Path) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gangmu"));
        cmd.arg(file);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("TMUX");
        cmd.env_remove("STY");
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(40, 120, 0)));
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

    fn wait(&self, what: &str, f: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.contents();
            if f(&s) {
                return s;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    fn wait_exit(&mut self) {
        let start = Instant::now();
        while self.child.try_wait().unwrap().is_none() {
            assert!(start.elapsed() < TIMEOUT, "the reader did not exit");
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

/// Big enough that reading and parsing the whole takes a good part of a
/// second in the build the tests run (the test build is unoptimised; an
/// optimised one parses some 300 MB/s), small enough to write fast.
fn big_report_copies() -> usize {
    if cfg!(debug_assertions) { 600 } else { 6000 }
}

#[test]
fn a_big_report_shows_its_head_at_once_answers_keys_then_grows_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.txt");
    std::fs::write(&file, seed_times(big_report_copies())).unwrap();
    let mut p = Pty::spawn(&file, dir.path());
    // The first frame: the head, the tree still growing.
    p.wait("the first frame from the head", |s| {
        s.contains("锚定目标") && s.contains("reading…")
    });
    // A key works before the parse has finished: the tree's selection
    // moves to the next node and the text follows it.
    let before = p.contents();
    p.send("j");
    let after = p.wait("j to move the tree", |s| s != before);
    assert!(
        after.contains("reading…"),
        "the parse ended first:\n{after}"
    );
    // What needs the whole says so.
    p.send("G");
    let s = p.wait("G to wait", |s| {
        s.contains("still reading") || !s.contains("reading…")
    });
    assert!(s.contains("still reading"), "the parse ended first:\n{s}");
    // The whole arrives: the tree stops growing and G goes to the end.
    p.wait("the whole report", |s| !s.contains("reading…"));
    p.send("G");
    p.wait("the end", |s| s.contains("100%"));
    p.send("q");
    p.wait_exit();
    // Opened again: shown from the head, then put back at the end once the
    // whole arrives.
    let mut p = Pty::spawn(&file, dir.path());
    p.wait("the first frame again", |s| s.contains("reading…"));
    p.wait("the saved place", |s| s.contains("100%"));
    p.send("q");
    p.wait_exit();
}
