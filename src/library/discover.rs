//! Finding the reports a command line names: files as given, directories
//! walked for `.txt` and `.md` files.
//!
//! - A path named on the command line is taken as it is (any name; `-` is
//!   standard input); a directory is walked.
//! - A walk takes regular files ending `.txt` or `.md` (any case), in name
//!   order, depth first, and leaves out hidden entries (`.git`, `.cache`)
//!   and other files without a word. Symlinks are followed; a directory or
//!   file reached twice (a symlink loop, two links to one place) is taken
//!   once, with a note. A FIFO, socket or device named `.txt` is skipped
//!   with a note (opening one can block).
//! - What cannot be read (a directory without permission, a broken link)
//!   is a [`Note`] of [`Severity::Error`]; the walk goes on.
//!
//! Whether a file found is a report (not binary, not empty, Chinese) is
//! decided when it is read ([`super::load`]).

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

/// How deep a walk goes below the directory named.
pub const MAX_DEPTH: usize = 64;

/// A file to read as a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// Named on the command line (taken whatever it holds), rather than
    /// found in a directory (taken only if it is a report).
    pub explicit: bool,
}

impl Found {
    /// The path as output shows it (`dir/sub/a.txt`, `-`).
    pub fn source(&self) -> String {
        self.path.display().to_string()
    }
}

/// Whether a note means something could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Passed over on purpose (not a report, a loop): nothing is lost.
    Skipped,
    /// Could not be read: the exit status says so.
    Error,
}

/// One line about a path that was skipped or could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub source: String,
    pub message: String,
    pub severity: Severity,
}

impl Note {
    pub fn skipped(source: impl Into<String>, message: impl Into<String>) -> Note {
        Note {
            source: source.into(),
            message: message.into(),
            severity: Severity::Skipped,
        }
    }

    pub fn error(source: impl Into<String>, message: impl Into<String>) -> Note {
        Note {
            source: source.into(),
            message: message.into(),
            severity: Severity::Error,
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// Whether a file name is a candidate in a walk: `.txt` or `.md`, any case.
pub fn is_candidate(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    (lower.ends_with(".txt") || lower.ends_with(".md")) && !name.starts_with('.')
}

/// A file or directory's identity, to take each once (device and inode).
#[cfg(unix)]
fn identity(_path: &Path, meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

/// Elsewhere, the canonical path's hash stands for the inode.
#[cfg(not(unix))]
fn identity(path: &Path, _meta: &fs::Metadata) -> Option<(u64, u64)> {
    use std::hash::{Hash, Hasher};
    let canonical = fs::canonicalize(path).ok()?;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    canonical.hash(&mut h);
    Some((0, h.finish()))
}

/// The files the paths name, in order, and the notes of the walk.
pub fn discover(paths: &[PathBuf]) -> (Vec<Found>, Vec<Note>) {
    let mut walk = Walk::default();
    for p in paths {
        walk.named(p);
    }
    (walk.found, walk.notes)
}

/// Whether the paths make a library (a directory, or more than one path)
/// rather than name one report: the scripted views then wrap their output
/// per report.
pub fn is_library(paths: &[PathBuf]) -> bool {
    paths.len() > 1 || paths.iter().any(|p| p.as_os_str() != "-" && p.is_dir())
}

#[derive(Default)]
struct Walk {
    found: Vec<Found>,
    notes: Vec<Note>,
    /// Directories walked and files found in walks.
    seen_dirs: HashSet<(u64, u64)>,
    seen_files: HashSet<(u64, u64)>,
}

impl Walk {
    fn named(&mut self, path: &Path) {
        if path.as_os_str() == "-" {
            self.found.push(Found {
                path: path.to_path_buf(),
                explicit: true,
            });
            return;
        }
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                let mut ancestors = Vec::new();
                self.dir(path, &meta, 0, &mut ancestors);
            }
            // Anything else named is read as asked (a FIFO from `<(…)`
            // too); reading says what is wrong with it.
            _ => self.found.push(Found {
                path: path.to_path_buf(),
                explicit: true,
            }),
        }
    }

    fn dir(
        &mut self,
        path: &Path,
        meta: &fs::Metadata,
        depth: usize,
        ancestors: &mut Vec<(u64, u64)>,
    ) {
        let id = identity(path, meta);
        let source = path.display().to_string();
        if id.is_some_and(|id| ancestors.contains(&id)) {
            self.notes
                .push(Note::skipped(source, "skipped: a symlink loop"));
            return;
        }
        if id.is_some_and(|id| !self.seen_dirs.insert(id)) {
            self.notes
                .push(Note::skipped(source, "skipped: a directory already listed"));
            return;
        }
        if depth > MAX_DEPTH {
            self.notes.push(Note::skipped(
                source,
                format!("skipped: nested deeper than {MAX_DEPTH} directories"),
            ));
            return;
        }
        let mut entries: Vec<(String, PathBuf)> = match fs::read_dir(path) {
            Ok(rd) => rd
                .filter_map(|e| {
                    let e = e.ok()?;
                    Some((e.file_name().to_string_lossy().into_owned(), e.path()))
                })
                .filter(|(name, _)| !name.starts_with('.'))
                .collect(),
            Err(e) => {
                self.notes.push(Note::error(source, io_message(&e)));
                return;
            }
        };
        entries.sort();
        ancestors.extend(id);
        for (name, p) in entries {
            self.entry(&name, &p, depth, ancestors);
        }
        if id.is_some() {
            ancestors.pop();
        }
    }

    fn entry(&mut self, name: &str, path: &Path, depth: usize, ancestors: &mut Vec<(u64, u64)>) {
        let source = path.display().to_string();
        let meta = match fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let link = fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
                if link || is_candidate(name) {
                    let why = if link && e.kind() == std::io::ErrorKind::NotFound {
                        "a broken symlink".to_string()
                    } else {
                        io_message(&e)
                    };
                    self.notes.push(Note::error(source, why));
                }
                return;
            }
        };
        if meta.is_dir() {
            self.dir(path, &meta, depth + 1, ancestors);
            return;
        }
        if !is_candidate(name) {
            return;
        }
        if !meta.is_file() {
            self.notes
                .push(Note::skipped(source, "skipped: not a regular file"));
            return;
        }
        if identity(path, &meta).is_some_and(|id| !self.seen_files.insert(id)) {
            self.notes.push(Note::skipped(
                source,
                "skipped: the same file as one already listed",
            ));
            return;
        }
        self.found.push(Found {
            path: path.to_path_buf(),
            explicit: false,
        });
    }
}

/// An I/O error as a note says it.
fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates() {
        assert!(is_candidate("a.txt"));
        assert!(is_candidate("B.MD"));
        assert!(is_candidate("报告.Txt"));
        assert!(!is_candidate(".hidden.txt"));
        assert!(!is_candidate("a.pdf"));
        assert!(!is_candidate("txt"));
    }

    #[test]
    fn notes_print_as_one_line() {
        let n = Note::error("d/x.txt", "permission denied");
        assert_eq!(n.to_string(), "d/x.txt: permission denied");
        assert!(n.is_error());
        assert!(!Note::skipped("a", "b").is_error());
    }
}
