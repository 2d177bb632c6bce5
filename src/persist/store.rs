//! The state directory: atomic, merged writes; tolerant, bounded reads.
//!
//! A save takes the directory's lock (`flock`, briefly: other gangmu
//! processes saving wait for it), re-reads the state file, merges this
//! reader's changes into it ([`SavedState::merge`]: two readers of one
//! report both keep their new bookmarks) and replaces the file durably
//! ([`super::atomic`]: a temporary file created exclusively under a random
//! name, fsynced, renamed over the state file, the directory fsynced):
//! killing gangmu at any instant leaves the old state or the new one.
//!
//! Reading takes only regular files of at most [`MAX_BYTES`], without
//! blocking ([`read_small`]): a file that cannot be parsed, is too large or
//! is not a regular file is renamed aside (`*.corrupt`) and reported in
//! one line. A file that exists but cannot be read (permissions) is kept
//! as it is, and never replaced: saves for it fail, said once at exit.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::atomic::{self, Durability};
use super::small_file::{SmallFileError, read_small};
use super::{STATE_VERSION, SavedState};

/// The largest state file read: far above any real state (100 history
/// places, the bookmarks, the unfolded nodes of a huge report).
pub const MAX_BYTES: u64 = 8 << 20;

/// The outcome of loading a document's state.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// No state yet.
    Missing,
    Found(SavedState),
    /// The file was not a state file and has been set aside; the notice
    /// says so.
    SetAside(String),
    /// The file exists but cannot be read: it is kept and will not be
    /// replaced; the notice says so.
    Kept(String),
}

/// A directory of per-document state files.
#[derive(Clone, Debug)]
pub struct StateStore {
    dir: PathBuf,
    /// Per key, the state as this process last read or wrote it: what
    /// the file held as far as this reader knows, the base of a merge.
    seen: Arc<Mutex<HashMap<String, SavedState>>>,
}

/// What reading the file found, for loading and for merging.
enum Read {
    Missing,
    Found(SavedState),
    /// Not a state file: why.
    Corrupt(String),
    /// There, but unreadable: why.
    Unreadable(String),
}
impl StateStore {
    /// `$XDG_STATE_HOME/gangmu`, or `~/.local/state/gangmu`.
    pub fn from_env() -> Option<StateStore> {
        let dirs = directories::BaseDirs::new()?;
        let base = dirs
            .state_dir()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| dirs.home_dir().join(".local/state"));
        Some(StateStore::at(base.join("gangmu")))
    }

    pub fn at(dir: impl Into<PathBuf>) -> StateStore {
        StateStore {
            dir: dir.into(),
            seen: Arc::default(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding the state for `key`.
    pub fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    fn read(&self, key: &str) -> Read {
        let bytes = match read_small(&self.path(key), MAX_BYTES) {
            Ok(b) => b,
            Err(e) if e.is_missing() => return Read::Missing,
            Err(e @ (SmallFileError::NotRegular | SmallFileError::TooLarge(_))) => {
                return Read::Corrupt(e.to_string());
            }
            Err(e) => return Read::Unreadable(e.to_string()),
        };
        match serde_json::from_slice::<SavedState>(&bytes) {
            Ok(s) if s.version == STATE_VERSION => Read::Found(s),
            Ok(s) => Read::Corrupt(format!("unknown version {}", s.version)),
            Err(e) => Read::Corrupt(e.to_string()),
        }
    }

    fn remember(&self, key: &str, state: &SavedState) {
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(key.to_string(), state.clone());
        }
    }

    /// Loads the state for `key`.
    pub fn load(&self, key: &str) -> Loaded {
        match self.read(key) {
            Read::Missing => {
                self.remember(key, &SavedState::new());
                Loaded::Missing
            }
            Read::Found(s) => {
                self.remember(key, &s);
                Loaded::Found(s)
            }
            Read::Corrupt(why) => {
                self.remember(key, &SavedState::new());
                Loaded::SetAside(self.set_aside(key, &why))
            }
            Read::Unreadable(why) => Loaded::Kept(format!(
                "could not read saved state {} ({why}); it is kept, and this session's is not saved",
                self.path(key).display()
            )),
        }
    }

    fn set_aside(&self, key: &str, why: &str) -> String {
        let path = self.path(key);
        let aside = path.with_extension("json.corrupt");
        if fs::rename(&path, &aside).is_ok() {
            format!(
                "saved state was unreadable ({why}); moved to {}",
                aside.display()
            )
        } else {
            format!("saved state was unreadable ({why})")
        }
    }

    /// Saves the state for `key` atomically, merged with what another
    /// reader may have saved since this one last read or wrote it.
    pub fn save(&self, key: &str, state: &SavedState) -> io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let dir = fs::File::open(&self.dir)?;
        let _lock = DirLock::take(&dir);
        let base = self
            .seen
            .lock()
            .ok()
            .and_then(|seen| seen.get(key).cloned());
        let merged = match self.read(key) {
            Read::Missing => state.clone(),
            Read::Found(theirs) => match &base {
                Some(base) => SavedState::merge(base, state, &theirs),
                None => state.clone(),
            },
            Read::Corrupt(why) => {
                self.set_aside(key, &why);
                state.clone()
            }
            Read::Unreadable(why) => {
                return Err(io::Error::new(
                    io::ErrorKind::PermissionDenied,
                    format!(
                        "{} cannot be read ({why}), so it is not replaced",
                        self.path(key).display()
                    ),
                ));
            }
        };
        let json = serde_json::to_vec_pretty(&merged).map_err(io::Error::other)?;
        atomic::replace(
            &self.dir,
            &format!("{key}.json"),
            &json,
            Durability::Durable,
        )?;
        self.remember(key, state);
        Ok(())
    }
}

/// An exclusive `flock` on the state directory for the time of a save, so
/// that two processes' read–merge–write cycles do not interleave. Waits a
/// little for another holder, then goes on without (a stopped process
/// must not freeze this one).
struct DirLock<'a>(Option<&'a fs::File>);

impl<'a> DirLock<'a> {
    #[cfg(unix)]
    fn take(dir: &'a fs::File) -> DirLock<'a> {
        use std::os::fd::AsRawFd;
        for _ in 0..100 {
            // SAFETY: flock on a descriptor this function borrows.
            if unsafe { libc::flock(dir.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
                return DirLock(Some(dir));
            }
            if io::Error::last_os_error().kind() != io::ErrorKind::WouldBlock {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        DirLock(None)
    }

    #[cfg(not(unix))]
    fn take(_dir: &'a fs::File) -> DirLock<'a> {
        DirLock(None)
    }
}

impl Drop for DirLock<'_> {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let Some(dir) = self.0 {
            use std::os::fd::AsRawFd;
            // SAFETY: as in `take`.
            unsafe { libc::flock(dir.as_raw_fd(), libc::LOCK_UN) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Position;
    use super::*;

    fn sample() -> SavedState {
        let mut s = SavedState::new();
        s.position = Some(Position {
            offset: 1234,
            node: "3.1.2".into(),
        });
        s.open = vec!["2".into(), "3.1".into()];
        s.bookmarks.insert(
            'a',
            Position {
                offset: 99,
                node: "2.1".into(),
            },
        );
        s.history = vec![Position {
            offset: 5,
            node: "1".into(),
        }];
        s
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::at(dir.path().join("gangmu"));
        assert_eq!(store.load("k"), Loaded::Missing);
        store.save("k", &sample()).unwrap();
        assert_eq!(store.load("k"), Loaded::Found(sample()));
        // No temporary files are left behind.
        let names: Vec<_> = fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["k.json"]);
    }

    #[test]
    fn a_file_truncated_at_every_length_is_set_aside_or_read() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::at(dir.path());
        let full = serde_json::to_vec_pretty(&sample()).unwrap();
        for len in 0..full.len() {
            fs::write(store.path("k"), &full[..len]).unwrap();
            match store.load("k") {
                Loaded::SetAside(notice) => {
                    assert!(notice.contains("unreadable"), "{notice}");
                    assert!(!store.path("k").exists(), "set aside at {len}");
                }
                other => panic!("a {len}-byte prefix loaded as {other:?}"),
            }
        }
        fs::write(store.path("k"), &full).unwrap();
        assert_eq!(store.load("k"), Loaded::Found(sample()));
    }

    #[test]
    fn garbage_and_wrong_versions_are_set_aside() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::at(dir.path());
        for bad in [
            &b"\xff\xfe garbage"[..],
            b"{\"version\": 99}",
            b"{\"version\":1,\"x\":2}",
            b"[]",
        ] {
            fs::write(store.path("k"), bad).unwrap();
            assert!(matches!(store.load("k"), Loaded::SetAside(_)));
        }
    }

    fn names(store: &StateStore) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::at(dir.path().join("gangmu"));
        fs::create_dir_all(store.dir()).unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, "precious").unwrap();
        // Every name the old scheme would have used (pid, counter).
        for n in 0..64 {
            let name = format!(".k.{}.{n}.tmp", std::process::id());
            std::os::unix::fs::symlink(&victim, store.dir().join(name)).unwrap();
        }
        for _ in 0..8 {
            store.save("k", &sample()).unwrap();
        }
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(store.load("k"), Loaded::Found(sample()));
        let left: Vec<String> = names(&store)
            .into_iter()
            .filter(|n| !n.starts_with(".k.") || !store.dir().join(n).is_symlink())
            .collect();
        assert_eq!(left, ["k.json"]);
    }

    #[test]
    fn a_file_that_cannot_be_read_is_kept_and_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::at(dir.path());
        // A symlink loop: opening it fails, as a file without read
        // permission does (which root would read anyway).
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("k.json", store.path("k")).unwrap();
            assert!(matches!(store.load("k"), Loaded::Kept(n) if n.contains("is kept")));
            assert!(store.save("k", &sample()).is_err());
            assert!(store.path("k").is_symlink(), "replaced");
            fs::remove_file(store.path("k")).unwrap();
        }
        // Without read permission (meaningful when not root).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mut mine = sample();
            mine.bookmarks.clear();
            fs::write(store.path("k"), serde_json::to_vec(&mine).unwrap()).unwrap();
            fs::set_permissions(store.path("k"), fs::Permissions::from_mode(0o000)).unwrap();
            if fs::read(store.path("k")).is_err() {
                assert!(matches!(store.load("k"), Loaded::Kept(_)));
                assert!(store.save("k", &sample()).is_err());
            }
            fs::set_permissions(store.path("k"), fs::Permissions::from_mode(0o600)).unwrap();
            let back: SavedState =
                serde_json::from_slice(&fs::read(store.path("k")).unwrap()).unwrap();
            assert!(back == mine || back == sample());
        }
    }

    #[test]
    fn two_readers_both_keep_their_bookmarks() {
        let dir = tempfile::tempdir().unwrap();
        // Two processes: two stores on one directory.
        let (a, b) = (StateStore::at(dir.path()), StateStore::at(dir.path()));
        a.save("k", &sample()).unwrap();
        let Loaded::Found(mut sa) = a.load("k") else {
            panic!()
        };
        let Loaded::Found(mut sb) = b.load("k") else {
            panic!()
        };
        sa.bookmarks.insert(
            'x',
            Position {
                offset: 1,
                node: String::new(),
            },
        );
        sa.bookmarks.remove(&'a');
        a.save("k", &sa).unwrap();
        sb.bookmarks.insert(
            'y',
            Position {
                offset: 2,
                node: String::new(),
            },
        );
        sb.position = Some(Position {
            offset: 777,
            node: String::new(),
        });
        b.save("k", &sb).unwrap();
        // A quits without having moved since: its position does not win.
        a.save("k", &sa).unwrap();
        let Loaded::Found(s) = StateStore::at(dir.path()).load("k") else {
            panic!()
        };
        assert_eq!(s.bookmarks.keys().collect::<String>(), "xy");
        assert_eq!(s.position.unwrap().offset, 777);
    }

    #[test]
    fn fifos_and_huge_files_are_set_aside_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::at(dir.path());
        #[cfg(unix)]
        {
            let c = std::ffi::CString::new(store.path("k").to_str().unwrap()).unwrap();
            // SAFETY: a valid NUL-terminated path.
            assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
            // No writer: a blocking read would never return.
            assert!(
                matches!(store.load("k"), Loaded::SetAside(n) if n.contains("not a regular file"))
            );
            assert!(!store.path("k").exists());
            fs::remove_file(store.path("k").with_extension("json.corrupt")).unwrap();
        }
        let mut huge = serde_json::to_vec(&sample()).unwrap();
        huge.pop();
        huge.extend(std::iter::repeat_n(b' ', MAX_BYTES as usize));
        huge.push(b'}');
        fs::write(store.path("k"), &huge).unwrap();
        assert!(matches!(store.load("k"), Loaded::SetAside(n) if n.contains("larger than 8 MiB")));
        store.save("k", &sample()).unwrap();
        assert_eq!(store.load("k"), Loaded::Found(sample()));
    }

    #[test]
    fn concurrent_writers_leave_a_valid_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::at(dir.path());
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let store = store.clone();
                std::thread::spawn(move || {
                    for i in 0..50 {
                        let mut s = SavedState::new();
                        s.position = Some(Position {
                            offset: t * 1000 + i,
                            node: String::new(),
                        });
                        store.save("k", &s).unwrap();
                        assert!(matches!(store.load("k"), Loaded::Found(_)));
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert!(matches!(store.load("k"), Loaded::Found(_)));
        assert_eq!(fs::read_dir(store.dir()).unwrap().count(), 1);
    }
}
