//! Reading gangmu's own small files (the configuration, the saved states):
//! regular files only, with a size cap, never blocking.
//!
//! Such a path can name anything: `--config /dev/zero` would grow without
//! end, a FIFO left as a state file would block the reader before its
//! first frame, a terminal device would become the controlling terminal.
//! So the path is checked before it is opened, opened without blocking and
//! without taking a terminal, checked again by its descriptor, and read up
//! to the cap plus one byte. The library's cache also refuses a symlink
//! ([`Links::Refuse`]).

use std::fmt;
use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a small file could not be read.
#[derive(Debug)]
pub enum SmallFileError {
    /// Not a regular file (a directory, FIFO, socket or device).
    NotRegular,
    /// Longer than the cap, in bytes.
    TooLarge(u64),
    Io(io::Error),
}

impl SmallFileError {
    /// The file does not exist.
    pub fn is_missing(&self) -> bool {
        matches!(self, SmallFileError::Io(e) if e.kind() == io::ErrorKind::NotFound)
    }
}

impl fmt::Display for SmallFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SmallFileError::NotRegular => write!(f, "not a regular file"),
            SmallFileError::TooLarge(cap) if cap % (1 << 20) == 0 => {
                write!(f, "larger than {} MiB", cap >> 20)
            }
            SmallFileError::TooLarge(cap) => write!(f, "larger than {cap} bytes"),
            SmallFileError::Io(e) => match e.kind() {
                io::ErrorKind::NotFound => write!(f, "no such file"),
                io::ErrorKind::PermissionDenied => write!(f, "permission denied"),
                _ => write!(f, "{e}"),
            },
        }
    }
}

impl std::error::Error for SmallFileError {}

impl From<io::Error> for SmallFileError {
    fn from(e: io::Error) -> SmallFileError {
        SmallFileError::Io(e)
    }
}

/// Whether a symlink at the last component of a path is followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// Follow it (the configuration may well be a symlink into dotfiles).
    Follow,
    /// Refuse it as not a regular file (the cache: a planted link must not
    /// make gangmu read, or report on, another file).
    Refuse,
}

/// Opens a regular file for reading, without blocking and without taking
/// a terminal; returns it with its length. A symlink is followed or
/// refused as `links` says.
pub fn open_regular(path: &Path, links: Links) -> Result<(File, u64), SmallFileError> {
    // Refused before opening: opening a device or a FIFO can have effects.
    let meta = match links {
        Links::Follow => std::fs::metadata(path)?,
        Links::Refuse => std::fs::symlink_metadata(path)?,
    };
    if !meta.is_file() {
        return Err(SmallFileError::NotRegular);
    }
    let file = open_nonblocking(path, links)?;
    // The path may have been replaced since: check what was opened.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(SmallFileError::NotRegular);
    }
    Ok((file, meta.len()))
}

/// Reads a regular file of at most `cap` bytes.
pub fn read_small(path: &Path, cap: u64) -> Result<Vec<u8>, SmallFileError> {
    read_small_with(path, cap, Links::Follow)
}

/// [`read_small`], following a symlink or not as `links` says.
pub fn read_small_with(path: &Path, cap: u64, links: Links) -> Result<Vec<u8>, SmallFileError> {
    let (file, len) = open_regular(path, links)?;
    if len > cap {
        return Err(SmallFileError::TooLarge(cap));
    }
    let mut bytes = Vec::with_capacity(len as usize);
    // A file growing while read is still cut at the cap.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(SmallFileError::TooLarge(cap));
    }
    Ok(bytes)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path, links: Links) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let nofollow = match links {
        Links::Follow => 0,
        // A link swapped in after the check fails to open (ELOOP).
        Links::Refuse => libc::O_NOFOLLOW,
    };
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY | nofollow)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path, _links: Links) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, b"12345").unwrap();
        assert_eq!(read_small(&p, 5).unwrap(), b"12345");
        assert!(matches!(
            read_small(&p, 4),
            Err(SmallFileError::TooLarge(4))
        ));
        let missing = read_small(&dir.path().join("none"), 5).unwrap_err();
        assert!(missing.is_missing());
        assert_eq!(missing.to_string(), "no such file");
        assert!(matches!(
            read_small(dir.path(), 5),
            Err(SmallFileError::NotRegular)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_are_followed_or_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target");
        std::fs::write(&target, b"abc").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert_eq!(read_small(&link, 5).unwrap(), b"abc");
        assert!(matches!(
            read_small_with(&link, 5, Links::Refuse),
            Err(SmallFileError::NotRegular)
        ));
        assert_eq!(read_small_with(&target, 5, Links::Refuse).unwrap(), b"abc");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_at_once() {
        for dev in ["/dev/zero", "/dev/null", "/dev/urandom"] {
            assert!(
                matches!(
                    read_small(Path::new(dev), 1 << 20),
                    Err(SmallFileError::NotRegular)
                ),
                "{dev}"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        // No writer: a blocking open would never return.
        assert!(matches!(
            read_small(&fifo, 1 << 20),
            Err(SmallFileError::NotRegular)
        ));
    }
}
