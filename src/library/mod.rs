//! A library of reports: the files a command line names (several files,
//! directories walked for `.txt` and `.md`), listed with their title,
//! year, kind, size and number of targets, opened one at a time, and
//! searched together. Nothing here knows about terminals.
//!
//! The stages, one module each:
//! - [`discover`]: paths → the files to read, with a [`Note`] for what is
//!   skipped (not a report, a symlink loop) or cannot be read;
//! - [`load`]: one file → its text (with a walk's checks), then its
//!   outline and targets from the [`cache`] or parsed;
//! - [`meta`]: what a list shows, read from the text (title, year, kind);
//! - [`cache`]: entries by the text's hash under `$XDG_CACHE_HOME/gangmu/`;
//! - [`search`]: one query over every report, a report at a time.
//!
//! # For a reader
//! ```no_run
//! use gangmu::library::{Library, Options, Sort};
//! # let paths = vec![std::path::PathBuf::from("reports/")];
//! let mut lib = Library::list(&paths, &Options::from_env(true));
//! lib.sort(Sort::Year);
//! // Count the targets not in the cache, on other threads; the list is
//! // usable meanwhile (`targets` is `None` until counted).
//! let pending = lib.pending();
//! let options = lib.options().clone();
//! let (tx, rx) = std::sync::mpsc::channel();
//! std::thread::spawn(move || {
//!     gangmu::library::count(&pending, &options, |c| {
//!         let _ = tx.send(c);
//!     })
//! });
//! for counted in rx {
//!     lib.apply(counted);
//! }
//! let opened = lib.open(0).expect("readable"); // Document + targets
//! let mut search = lib.search("大零号湾", true); // an Iterator, Send
//! let first = search.next(); // the first report with a hit
//! ```

pub mod cache;
pub mod discover;
pub mod load;
pub mod meta;
pub mod search;

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use cache::Cache;
pub use discover::{Found, Note, Severity};
pub use load::{Listed, Loaded};
pub use meta::{Meta, ReportKind};
pub use search::{LibrarySearch, ReportHits};

/// How a library is read.
#[derive(Clone, Debug)]
pub struct Options {
    /// The cache, or `None` (`--no-cache`).
    pub cache: Option<Cache>,
    /// Threads that read reports (at least one).
    pub threads: usize,
}

impl Options {
    /// The cache in `$XDG_CACHE_HOME/gangmu` if `use_cache`, and one thread
    /// per core.
    pub fn from_env(use_cache: bool) -> Options {
        Options {
            cache: if use_cache { Cache::from_env() } else { None },
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// One report of a library, as a list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportInfo {
    /// Its place among the files found: stable however the list is sorted.
    pub id: usize,
    pub found: Found,
    /// The path as output shows it.
    pub source: String,
    /// The hash of its text ([`crate::persist::document_key`]).
    pub key: String,
    /// Its title as views show it, or the file's name when it has none.
    pub title: String,
    /// Where the text says it, else a year in the file's name.
    pub year: Option<i32>,
    pub kind: Option<ReportKind>,
    /// Bytes of its text, decoded to UTF-8.
    pub bytes: usize,
    /// Targets, and results (what it reports as done), once counted.
    pub targets: Option<usize>,
    pub results: Option<usize>,
}

impl ReportInfo {
    fn new(id: usize, found: Found, listed: Listed) -> ReportInfo {
        let mut r = ReportInfo {
            id,
            source: found.source(),
            found,
            key: String::new(),
            title: String::new(),
            year: None,
            kind: None,
            bytes: 0,
            targets: None,
            results: None,
        };
        r.update(listed);
        r
    }

    fn update(&mut self, listed: Listed) {
        let name = self
            .found
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.source.clone());
        self.key = listed.key;
        self.title = if listed.meta.title.is_empty() {
            name.clone()
        } else {
            listed.meta.title
        };
        self.year = listed.meta.year.or_else(|| meta::name_year(&name));
        self.kind = listed.meta.kind;
        self.bytes = listed.text_len;
        self.targets = listed.counts.map(|c| c.0);
        self.results = listed.counts.map(|c| c.1);
    }
}

/// The orders a library is listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    /// Newest first, reports without a year last; then by title.
    Year,
    /// By title in pinyin order (`2023…` before `国…` before `在…`); then
    /// newest first.
    Title,
    /// As found: the command line's order, directories in name order.
    Found,
}

/// A report whose targets are being counted ([`count`]).
#[derive(Clone, Debug)]
pub struct Pending {
    pub id: usize,
    pub found: Found,
}

/// A report counted: what it lists now (the file may have changed since
/// it was listed), or why it could not be read.
#[derive(Clone, Debug)]
pub struct Counted {
    pub id: usize,
    pub listed: Result<Listed, Note>,
}

/// A report opened from the library.
pub type Opened = Loaded;

/// A list of reports (see the module docs).
#[derive(Debug)]
pub struct Library {
    reports: Vec<ReportInfo>,
    notes: Vec<Note>,
    options: Options,
}

impl Library {
    /// Finds and lists the reports `paths` name: from their cache entries
    /// where valid, else by parsing them (title, year, kind), their
    /// targets left to [`count`]. Files are read on `options.threads`
    /// threads. Listed in [`Sort::Found`] order.
    pub fn list(paths: &[PathBuf], options: &Options) -> Library {
        let (found, mut notes) = discover::discover(paths);
        let listed = parallel(&found, options.threads, |f| {
            load::list(f, options.cache.as_ref())
        });
        let mut reports = Vec::with_capacity(found.len());
        for (id, (f, l)) in found.into_iter().zip(listed).enumerate() {
            match l {
                Ok(l) => reports.push(ReportInfo::new(id, f, l)),
                Err(n) => notes.push(n),
            }
        }
        Library {
            reports,
            notes,
            options: options.clone(),
        }
    }

    /// [`Library::list`] with every report's targets counted.
    pub fn build(paths: &[PathBuf], options: &Options) -> Library {
        let mut lib = Library::list(paths, options);
        let pending = lib.pending();
        let done = Mutex::new(Vec::new());
        count(&pending, options, |c| {
            if let Ok(mut d) = done.lock() {
                d.push(c);
            }
        });
        for c in done.into_inner().unwrap_or_default() {
            lib.apply(c);
        }
        lib
    }

    pub fn reports(&self) -> &[ReportInfo] {
        &self.reports
    }

    /// The report with `id` ([`ReportInfo::id`], [`ReportHits::id`]) and
    /// its index in the list as sorted now.
    pub fn by_id(&self, id: usize) -> Option<(usize, &ReportInfo)> {
        self.reports.iter().enumerate().find(|(_, r)| r.id == id)
    }

    pub fn len(&self) -> usize {
        self.reports.len()
    }

    pub fn is_empty(&self) -> bool {
        self.reports.is_empty()
    }

    /// What was skipped or could not be read, in the order met.
    pub fn notes(&self) -> &[Note] {
        &self.notes
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Sorts the list (stable: equal keys keep their order).
    pub fn sort(&mut self, by: Sort) {
        match by {
            Sort::Found => self.reports.sort_by_key(|r| r.id),
            Sort::Year => self.reports.sort_by_cached_key(|r| {
                (
                    std::cmp::Reverse(r.year.map_or(i64::MIN, i64::from)),
                    title_key(&r.title),
                    r.id,
                )
            }),
            Sort::Title => self.reports.sort_by_cached_key(|r| {
                (
                    title_key(&r.title),
                    std::cmp::Reverse(r.year.map_or(i64::MIN, i64::from)),
                    r.id,
                )
            }),
        }
    }

    /// The reports whose targets are not counted yet.
    pub fn pending(&self) -> Vec<Pending> {
        self.reports
            .iter()
            .filter(|r| r.targets.is_none())
            .map(|r| Pending {
                id: r.id,
                found: r.found.clone(),
            })
            .collect()
    }

    /// Takes in a report counted by [`count`]; one that can no longer be
    /// read leaves the list with a note.
    pub fn apply(&mut self, counted: Counted) {
        let Some((i, _)) = self.by_id(counted.id) else {
            return;
        };
        match counted.listed {
            Ok(l) => self.reports[i].update(l),
            Err(n) => {
                self.reports.remove(i);
                self.notes.push(n);
            }
        }
    }

    /// Opens the report at `index` of the list: its document and targets,
    /// from the cache when valid. Its row is brought up to date (the file
    /// may have changed since it was listed).
    pub fn open(&mut self, index: usize) -> Result<Opened, Note> {
        let r = self
            .reports
            .get(index)
            .ok_or_else(|| Note::error(format!("#{index}"), "no such report in the library"))?;
        let opened = load::load(&r.found, self.options.cache.as_ref())?;
        let targets = opened.items.iter().filter(|t| t.is_target()).count();
        self.reports[index].update(Listed {
            key: opened.key.clone(),
            text_len: opened.doc.text.len(),
            meta: opened.meta.clone(),
            counts: Some((targets, opened.items.len() - targets)),
        });
        Ok(opened)
    }

    /// Searches every report, in the list's order, on `options.threads`
    /// threads (see [`LibrarySearch`]).
    pub fn search(&self, query: &str, pinyin: bool) -> LibrarySearch {
        LibrarySearch::new(
            self.reports
                .iter()
                .map(|r| (r.id, r.found.clone(), Some(r.key.clone())))
                .collect(),
            query,
            pinyin,
            self.options.cache.clone(),
        )
        .threads(self.options.threads)
    }
}

/// Counts the targets of the pending reports on `options.threads`
/// threads (extracting them, and caching the entries), calling `done` as
/// each is counted, from the thread that counted it.
pub fn count(pending: &[Pending], options: &Options, done: impl Fn(Counted) + Sync) {
    parallel(pending, options.threads, |p| {
        done(Counted {
            id: p.id,
            listed: load::list_counted(&p.found, options.cache.as_ref()),
        })
    });
}

/// `f` of every item, on up to `threads` threads, in the items' order.
pub(crate) fn parallel<I: Sync, T: Send>(
    items: &[I],
    threads: usize,
    f: impl Fn(&I) -> T + Sync,
) -> Vec<T> {
    let threads = threads.clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut out: Vec<(usize, T)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                    }
                    mine
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    out.sort_by_key(|(i, _)| *i);
    out.into_iter().map(|(_, t)| t).collect()
}

/// A title's sort key: each Han character as its (first) pinyin reading,
/// other characters folded, joined by spaces, then the title itself.
pub fn title_key(title: &str) -> (String, String) {
    use ib_matcher::pinyin::PinyinNotation;
    let mut key = String::with_capacity(title.len() * 2);
    for c in title.chars() {
        if crate::search::pinyin::is_han(c) {
            let mut reading = None;
            crate::search::pinyin::data().get_pinyins_and_for_each(c, |p| {
                if reading.is_none() {
                    reading = p.notation(PinyinNotation::Ascii).map(str::to_string);
                }
            });
            match reading {
                Some(r) => {
                    key.push_str(&r);
                    key.push(' ');
                }
                None => key.push(c),
            }
        } else {
            key.push(crate::search::fold::fold_char(c));
        }
    }
    (key, title.to_string())
}
