//! The reader: outline tree, continuous detail pane and targets sidebar.
//!
//! Television/gitui/helix style: keys become [`action::Action`]s through
//! the [`keymap`] table; [`app::App::apply`] is the only thing that changes
//! state (pure, testable without a terminal), dispatching by mode through
//! one table ([`app::modes::MODES`]); the [`app::App`] holds the app-wide
//! state and the open reports, each a [`report::Report`] with its own
//! tree, text position, sidebar, search and memory; [`view::draw`] is a
//! pure function of the app; [`event_loop`] is the only place that reads
//! or writes the terminal (and turns its events into the reader's own
//! keys), and [`terminal`] sets it up and restores it.
//!
//! With two reports open, the app's compare view ([`app::compare`]) shows
//! their targets side by side; the event loop makes the comparison on a
//! thread ([`event_loop::start_compare`]), and `gangmu --compare OLD NEW
//! --reader` opens the reader straight on it ([`run_compare`]).
//!
//! The modules depend on each other in one direction only: `action` ←
//! `list` ← `library` ← `report` ← `app` ← `view` ← `event_loop` ← [`run`]
//! and [`run_library`], with
//! `keymap` (← `action`) used by `app`, and `geometry`, `lines` and `text`
//! leaves that state and view share. The state never calls the view.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod event_loop;
pub mod geometry;
pub mod keymap;
pub mod library;
pub mod lines;
pub mod list;
pub mod report;
pub mod terminal;
pub mod text;
pub mod view;

use std::io;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, mpsc::Receiver};

use crate::config::Config;
use crate::document::load::HEAD_BYTES;
use crate::document::{Decoding, Document, LoadError, Opening};
use crate::layout::safe;
use crate::library::LibrarySearch;
use crate::persist::{Loaded, StateStore, document_key};
use crate::search::SearchIndex;
use app::{App, ReportId};
use library::{LibraryUpdate, Request};
pub use report::sidebar_items;
use report::{Report, Update, sidebar_items_of};

/// Where the threads send what they derive, for a report (or, under an
/// id no report has, for the library).
pub type UpdateSender = Sender<(ReportId, Update)>;

/// The state of the first frame for a document and a screen size, its
/// targets extracted.
pub fn initial_state(doc: Document, width: u16, height: u16) -> App {
    initial_state_with(doc, width, height, Config::default())
}

/// [`initial_state`] under a configuration. `NO_COLOR` wins over the
/// config's colours.
pub fn initial_state_with(doc: Document, width: u16, height: u16, config: Config) -> App {
    let targets = sidebar_items(&doc);
    let mut s = App::with_config(doc, Some(targets), width, height, config);
    s.no_color = no_color();
    s
}

/// tmux's `set-clipboard` option, when the reader runs inside tmux (for
/// [`clipboard::support`]): asked once at start, `None` when tmux cannot
/// be asked.
fn tmux_clipboard() -> Option<String> {
    std::env::var_os("TMUX")?;
    let out = std::process::Command::new("tmux")
        .args(["show-options", "-gv", "set-clipboard"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// `NO_COLOR` is set (and not empty).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// How the reader is started: the configuration, and where the state of
/// documents is kept (`None` with `--no-state`: nothing read or written).
#[derive(Debug, Default)]
pub struct Options {
    pub config: Config,
    pub store: Option<StateStore>,
}

/// Starts the slow work on a report's document on two threads: the
/// targets, sent as an [`Update`] for report `id`, and the search index
/// (prepared in place, shared with the report's search).
pub fn start_background(id: ReportId, report: &Report, tx: Sender<(ReportId, Update)>) {
    let doc = report.doc.clone();
    std::thread::spawn(move || {
        let _ = tx.send((id, Update::Targets(sidebar_items(&doc))));
    });
    let index = report.search.index();
    std::thread::spawn(move || index.prepare());
}

/// Reads the rest of a report shown from its head, and parses it, on a
/// thread: sends the whole document for report `id` with its search index
/// and saved state ([`Update::Document`]), builds the index on another
/// thread, then sends the targets; or says why the report could not be
/// read ([`Update::Failed`]).
pub fn start_reading(
    id: ReportId,
    opening: Opening,
    store: Option<StateStore>,
    tx: Sender<(ReportId, Update)>,
) {
    std::thread::spawn(move || {
        let doc = match Document::from_opening(opening) {
            Ok(doc) => Arc::new(doc),
            Err(e) => {
                let _ = tx.send((id, Update::Failed(e)));
                return;
            }
        };
        let state = store.map(|s| s.load(&document_key(&doc.text)));
        let index = Arc::new(SearchIndex::shared(doc.clone()));
        let update = Update::Document {
            doc: doc.clone(),
            index: index.clone(),
            state,
        };
        if tx.send((id, update)).is_err() {
            return;
        }
        std::thread::spawn(move || index.prepare());
        let _ = tx.send((id, Update::Targets(sidebar_items(&doc))));
    });
}

/// Saves the reading state of every open report that has been read whole,
/// each under its own text's key (the state of one still being read is
/// not saved: it is not known whose it is yet; nor the blank stand-in of
/// a library); the current one's with the pane that has the focus.
fn save_reports(store: &StateStore, app: &App) -> io::Result<()> {
    let mut result = Ok(());
    for (i, r) in app.reports().iter().enumerate() {
        if r.loading || r.doc.text.is_empty() {
            continue;
        }
        let state = if ReportId(i) == app.current() {
            app.saved_state()
        } else {
            r.saved_state()
        };
        if let Err(e) = store.save(&document_key(&r.doc.text), &state) {
            result = Err(e);
        }
    }
    result
}

/// The reader's session on the terminal: takes it, draws the first frame
/// of `app`, then starts the slow work (`start`, given where to send what
/// it derives: started earlier, the threads would compete with the first
/// frame for the CPU), runs the event loop (`serve` carries out the app's
/// requests), gives the terminal back and saves the reading state of
/// every report read (saying once why it could not).
fn drive(
    mut app: App,
    store: Option<&StateStore>,
    signals: &terminal::Signals,
    start: impl FnOnce(&App, UpdateSender),
    serve: &mut dyn FnMut(&mut App, &UpdateSender),
) -> io::Result<Ended> {
    let (tx, updates): (_, Receiver<(ReportId, Update)>) = mpsc::channel();
    let served = tx.clone();
    let mut serve = |app: &mut App| serve(app, &served);
    terminal::enter(app.mouse)?;
    let result = terminal::terminal().and_then(|mut term| {
        // The size may have changed between the query and the first frame.
        let size = term.size()?;
        app.apply(action::Action::Resize {
            width: size.width,
            height: size.height,
        });
        term.draw(|f| view::draw(f, &app))?;
        start(&app, tx);
        // Saved now and then while reading too, so a killed or crashed
        // reader (or a closed SSH session) loses little; errors are said
        // once, at exit.
        let mut save = |app: &App| {
            if let Some(store) = store {
                let _ = save_reports(store, app);
            }
        };
        event_loop::run(
            &mut term,
            &mut app,
            signals,
            Some(updates),
            &mut save,
            &mut serve,
        )
    });
    terminal::restore();
    if let Some(store) = store
        && let Err(e) = save_reports(store, &app)
    {
        let message = format!(
            "gangmu: could not save the reading state in {}: {e}",
            store.dir().display()
        );
        eprintln!("{}", safe::one_line(&message, safe::MESSAGE_CHARS));
    }
    result.map(|()| Ended {
        signal: signals.ended_by(),
        failed: app.failed.take(),
        warning: warning(&app),
    })
}

/// A report's first document: its head when the report is longer than
/// it ([`Opening::head_text`]; the rest is then read on a thread, see
/// [`start_reading`]), else the whole.
fn first_document(opening: Opening) -> Result<(Document, Option<Opening>), LoadError> {
    match opening.head_text() {
        Some(text) => {
            let doc = Document::from_text(opening.label(), text, Decoding::default());
            Ok((doc, Some(opening)))
        }
        None => Document::from_opening(opening).map(|doc| (doc, None)),
    }
}

/// Opens the reader on two reports, OLD then NEW (current), on the
/// compare view (`gangmu --compare OLD NEW --reader`); returns when it is
/// closed, after saving where reading stopped in each. As [`run`] does
/// for one: the first frame waits for nothing slow (a big report is shown
/// from its head, the compare view waits until both are read), each
/// report gets its saved state back, and the rest, the targets, the
/// search indexes and the comparison are made on other threads.
pub fn run_compare(old: Opening, new: Opening, opts: Options) -> io::Result<Ended> {
    let (signals, w, h) = take_edge()?;
    let firsts = first_document(old).and_then(|a| Ok((a, first_document(new)?)));
    let ((old, old_rest), (new, new_rest)) = match firsts {
        Ok(firsts) => firsts,
        Err(e) => return Ok(unread(e)),
    };
    let mut app = App::with_config(Arc::new(old), None, w, h, opts.config);
    attach_environment(&mut app);
    let store = opts.store;
    restore_saved(&mut app, store.as_ref(), old_rest.is_some());
    app.open(Arc::new(new), None);
    restore_saved(&mut app, store.as_ref(), new_rest.is_some());
    app.apply(action::Action::Compare);
    if let Some(w) = warning(&app) {
        app.notices.status = Some(w);
    }
    let rests = [(ReportId(0), old_rest), (ReportId(1), new_rest)];
    let start = |app: &App, tx: UpdateSender| {
        for (id, rest) in rests {
            match rest {
                Some(opening) => start_reading(id, opening, store.clone(), tx.clone()),
                None => start_background(id, &app.reports()[id.0], tx.clone()),
            }
        }
    };
    drive(app, store.as_ref(), signals, start, &mut |_, _| {})
}

/// What every reader takes before its first frame: the signals that end
/// it (SIGTERM, SIGHUP, SIGINT), the panic hook and hang-up watch that give
/// the terminal back, and the screen's size.
fn take_edge() -> io::Result<(&'static terminal::Signals, u16, u16)> {
    let signals = terminal::Signals::register()?;
    terminal::install_panic_hook();
    terminal::watch_hangup();
    let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
    Ok((signals, w, h))
}

/// The end of a reader whose report could not be read before its first
/// frame: the terminal given back (it may have been taken early,
/// `take_early`), the error to say.
fn unread(e: LoadError) -> Ended {
    terminal::restore();
    Ended {
        failed: Some(e),
        ..Ended::default()
    }
}

/// What the app learns of its environment: whether to use colour, and
/// whether the terminal takes a copy (OSC 52).
fn attach_environment(app: &mut App) {
    app.no_color = no_color();
    app.clipboard = clipboard::support(|k| std::env::var(k).ok(), tmux_clipboard().as_deref());
}

/// The current report's saved state: put back now if the report was read
/// whole; one still being read (`reading`) gets it when the whole arrives.
fn restore_saved(app: &mut App, store: Option<&StateStore>, reading: bool) {
    app.report_mut().loading = reading;
    let Some(store) = store.filter(|_| !reading) else {
        return;
    };
    apply_saved(app, store.load(&document_key(&app.report().doc.text)));
}

/// A saved state read for the current report: put back, or its notice said
/// (a state set aside or kept unread).
fn apply_saved(app: &mut App, loaded: Loaded) {
    match loaded {
        Loaded::Found(saved) => app.restore(&saved),
        Loaded::SetAside(notice) | Loaded::Kept(notice) => app.notices.status = Some(notice),
        Loaded::Missing => {}
    }
}

/// The first open report's bytes replaced while decoding, as said once
/// the terminal is back (`source: …`).
fn warning(app: &App) -> Option<String> {
    app.reports().iter().find_map(|r| {
        r.doc
            .decoding
            .warning()
            .map(|w| format!("{}: {w}", r.doc.source))
    })
}

/// How the reader ended.
#[derive(Debug, Default)]
pub struct Ended {
    /// The signal that closed it (SIGTERM, SIGHUP, SIGINT), if one did.
    pub signal: Option<i32>,
    /// Why the report could not be read to its end, if it could not (the
    /// reader then closed by itself).
    pub failed: Option<LoadError>,
    /// Bytes replaced with U+FFFD while decoding, to say once the terminal
    /// is back.
    pub warning: Option<String>,
}

/// Opens the reader on a report being opened and returns when it is closed
/// (by a quit key, SIGTERM, SIGHUP or SIGINT, or because the report could
/// not be read to its end), after saving where reading stopped.
///
/// The first frame waits for nothing slow. A report longer than its head
/// ([`Opening::head_text`]) is shown from its head (the tree and the
/// status bar say it is still being read) while the rest is read and the
/// whole parsed on a thread ([`start_reading`]); its saved state is put
/// back when the whole arrives. The targets are extracted and the search
/// index built on other threads ([`start_background`]); the event loop
/// hands what they derive to the report when it arrives.
pub fn run(opening: Opening, opts: Options) -> io::Result<Ended> {
    let (signals, w, h) = take_edge()?;
    let (doc, rest) = match first_document(opening) {
        Ok(first) => first,
        Err(e) => return Ok(unread(e)),
    };
    let mut app = App::with_config(Arc::new(doc), None, w, h, opts.config);
    attach_environment(&mut app);
    // Replaced bytes are said on the first frame too, not only on stderr.
    app.notices.status = app.report().doc.decoding.warning();
    let store = opts.store;
    restore_saved(&mut app, store.as_ref(), rest.is_some());
    let current = app.current();
    let start = |app: &App, tx: UpdateSender| match rest {
        Some(opening) => start_reading(current, opening, store.clone(), tx),
        None => start_background(current, app.report(), tx),
    };
    drive(app, store.as_ref(), signals, start, &mut |_, _| {})
}

/// What the library's requests need from outside the app: where updates
/// go, the saved states, the library's options (its cache, its threads),
/// and the generation of the search across it that is still wanted.
pub struct LibraryEdge {
    pub store: Option<StateStore>,
    pub options: crate::library::Options,
    pub pinyin: bool,
    pub wanted: Arc<AtomicU64>,
}

/// The id that library updates travel under (they are for no report).
const LIBRARY: ReportId = ReportId(usize::MAX);

impl LibraryEdge {
    /// Carries out the app's library requests: opens a report (the way
    /// the single-report reader does: a big one from its head, the rest
    /// read and parsed, or taken from the cache, on a thread), starts a
    /// search across the library on a thread, or stops one.
    pub fn serve(&self, app: &mut App, tx: &Sender<(ReportId, Update)>) {
        let requests = match &mut app.library {
            Some(l) => std::mem::take(&mut l.requests),
            None => return,
        };
        for r in requests {
            match r {
                Request::Open { id, at } => self.open(app, id, at, tx),
                Request::Search { query, generation } => {
                    self.wanted.store(generation, Ordering::Relaxed);
                    let Some(l) = &app.library else { continue };
                    let search = LibrarySearch::new(
                        (l.lib.reports().iter())
                            .map(|r| (r.id, r.found.clone(), Some(r.key.clone())))
                            .collect(),
                        &query,
                        self.pinyin,
                        self.options.cache.clone(),
                    )
                    .threads(self.options.threads);
                    let (tx, wanted) = (tx.clone(), self.wanted.clone());
                    std::thread::spawn(move || {
                        let still = move || wanted.load(Ordering::Relaxed) == generation;
                        for u in library::search_updates(search, generation, still) {
                            if tx.send((LIBRARY, Update::Library(u))).is_err() {
                                return;
                            }
                        }
                    });
                }
                Request::CancelSearch { generation } => {
                    self.wanted.store(generation, Ordering::Relaxed)
                }
            }
        }
    }

    /// Opens the library's report `id` (or switches to it, when open), at
    /// a hit if asked.
    fn open(
        &self,
        app: &mut App,
        id: usize,
        at: Option<(usize, String)>,
        tx: &Sender<(ReportId, Update)>,
    ) {
        let Some(l) = &app.library else { return };
        if let Some(r) = l.report_of(id) {
            match at {
                Some((offset, query)) => app.go_to_hit(ReportId(r), offset, &query),
                None => app.switch_to(ReportId(r)),
            }
            return;
        }
        let Some(found) = l.lib.by_id(id).map(|(_, r)| r.found.clone()) else {
            return;
        };
        let big = std::fs::metadata(&found.path).is_ok_and(|m| m.len() > HEAD_BYTES as u64);
        let opening = big
            .then(|| Opening::file(&found.path, HEAD_BYTES).ok())
            .flatten();
        let head = opening.as_ref().and_then(Opening::head_text);
        let rid = match (opening, head) {
            (Some(opening), Some(text)) => {
                let doc = Document::from_text(opening.label(), text, Decoding::default());
                let rid = app.open_library_report(id, Arc::new(doc), None, true);
                let cache = self.options.cache.clone();
                start_reading_library(rid, opening, self.store.clone(), cache, tx.clone());
                rid
            }
            _ => match crate::library::load::load(&found, self.options.cache.as_ref()) {
                Ok(loaded) => {
                    let items = sidebar_items_of(&loaded.doc, &loaded.items);
                    let doc = Arc::new(loaded.doc);
                    let rid = app.open_library_report(id, doc, Some(items), false);
                    let index = app.report().search.index();
                    std::thread::spawn(move || index.prepare());
                    if let Some(store) = &self.store {
                        apply_saved(app, store.load(&loaded.key));
                    }
                    rid
                }
                Err(note) => {
                    let note = note.to_string();
                    let said = safe::one_line(&note, safe::MESSAGE_CHARS).into_owned();
                    app.notices.status = Some(said);
                    // Nothing open yet: back to the pane.
                    app.mode = app.home_mode();
                    return;
                }
            },
        };
        if let Some(w) = app.report().doc.decoding.warning() {
            app.notices.status = Some(w);
        }
        if let Some((offset, query)) = at {
            app.go_to_hit(rid, offset, &query);
        }
    }
}

/// [`start_reading`] for a report of the library: the whole taken from
/// the library's cache when it has it (else parsed, and cached), its
/// targets from there too.
fn start_reading_library(
    id: ReportId,
    opening: Opening,
    store: Option<StateStore>,
    cache: Option<crate::library::Cache>,
    tx: Sender<(ReportId, Update)>,
) {
    std::thread::spawn(move || {
        let source = opening.label().to_string();
        let (text, decoding) = match opening.finish() {
            Ok(t) => t,
            Err(e) => {
                let _ = tx.send((id, Update::Failed(e)));
                return;
            }
        };
        let loaded = crate::library::load::parse(source, text, decoding, cache.as_ref());
        let doc = Arc::new(loaded.doc);
        let state = store.map(|s| s.load(&loaded.key));
        let index = Arc::new(SearchIndex::shared(doc.clone()));
        let update = Update::Document {
            doc: doc.clone(),
            index: index.clone(),
            state,
        };
        if tx.send((id, update)).is_err() {
            return;
        }
        std::thread::spawn(move || index.prepare());
        let _ = tx.send((id, Update::Targets(sidebar_items_of(&doc, &loaded.items))));
    });
}

/// Opens the reader on a library: its pane first (no report is read
/// before one is chosen), its targets counted on other threads as the
/// pane is shown; returns when the reader is closed.
pub fn run_library(lib: crate::library::Library, opts: Options) -> io::Result<Ended> {
    let (signals, w, h) = take_edge()?;
    let options = lib.options().clone();
    let pending = lib.pending();
    let pinyin = opts.config.search.pinyin;
    let notes = lib.notes().len();
    let mut app = App::with_library(lib, w, h, opts.config);
    attach_environment(&mut app);
    if notes > 0 {
        app.notices.status = Some(format!(
            "{notes} files skipped or unreadable (gangmu --list says which)"
        ));
    }
    let edge = LibraryEdge {
        store: opts.store.clone(),
        options: options.clone(),
        pinyin,
        wanted: Arc::new(AtomicU64::new(0)),
    };
    let start = move |_: &App, tx: Sender<(ReportId, Update)>| {
        std::thread::spawn(move || {
            crate::library::count(&pending, &options, |c| {
                let _ = tx.send((LIBRARY, Update::Library(LibraryUpdate::Counted(c))));
            });
        });
    };
    let mut serve = |app: &mut App, tx: &Sender<(ReportId, Update)>| edge.serve(app, tx);
    drive(app, opts.store.as_ref(), signals, start, &mut serve)
}
