//! The state directory: atomic writes, tolerant reads.
//!
//! A save writes a temporary file in the same directory (named after the
//! process and a counter, so concurrent gangmu processes never share one),
//! fsyncs it, renames it over the state file and fsyncs the directory:
//! killing gangmu at any instant leaves the old state or the new one, and
//! two processes saving at once leave one of their states, whole. A state
//! file that cannot be read or parsed is renamed aside (`*.corrupt`) and
//! reported in one line; it never stops the reader.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::{STATE_VERSION, SavedState};

/// The outcome of loading a document's state.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// No state yet.
    Missing,
    Found(SavedState),
    /// The file was unreadable and has been set aside; the notice says so.
    SetAside(String),
}

/// A directory of per-document state files.
#[derive(Clone, Debug)]
pub struct StateStore {
    dir: PathBuf,
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

impl StateStore {
    /// `$XDG_STATE_HOME/gangmu`, or `~/.local/state/gangmu`.
    pub fn from_env() -> Option<StateStore> {
        let dirs = directories::BaseDirs::new()?;
        let base = dirs
            .state_dir()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| dirs.home_dir().join(".local/state"));
        Some(StateStore {
            dir: base.join("gangmu"),
        })
    }

    pub fn at(dir: impl Into<PathBuf>) -> StateStore {
        StateStore { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding the state for `key`.
    pub fn path(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.json"))
    }

    /// Loads the state for `key`.
    pub fn load(&self, key: &str) -> Loaded {
        let path = self.path(key);
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::Missing,
            Err(e) => {
                return Loaded::SetAside(format!(
                    "could not read saved state {}: {e}",
                    path.display()
                ));
            }
        };
        match serde_json::from_slice::<SavedState>(&bytes) {
            Ok(s) if s.version == STATE_VERSION => Loaded::Found(s),
            Ok(s) => self.set_aside(&path, &format!("unknown version {}", s.version)),
            Err(e) => self.set_aside(&path, &e.to_string()),
        }
    }

    fn set_aside(&self, path: &Path, why: &str) -> Loaded {
        let aside = path.with_extension("json.corrupt");
        let moved = fs::rename(path, &aside).is_ok();
        Loaded::SetAside(if moved {
            format!(
                "saved state was unreadable ({why}); moved to {}",
                aside.display()
            )
        } else {
            format!("saved state was unreadable ({why})")
        })
    }

    /// Saves the state for `key` atomically.
    pub fn save(&self, key: &str, state: &SavedState) -> std::io::Result<()> {
        fs::create_dir_all(&self.dir)?;
        let json = serde_json::to_vec_pretty(state).map_err(std::io::Error::other)?;
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = self
            .dir
            .join(format!(".{key}.{}.{n}.tmp", std::process::id()));
        let result = (|| {
            let mut f = fs::File::create(&tmp)?;
            f.write_all(&json)?;
            f.sync_all()?;
            drop(f);
            fs::rename(&tmp, self.path(key))?;
            // Make the rename itself durable.
            if let Ok(d) = fs::File::open(&self.dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
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
