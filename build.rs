//! Build script: a fingerprint of the code whose output the library's
//! cache keeps (the parser, the targets, the report metadata), so that a
//! cache entry written by another build of gangmu is rebuilt, never
//! trusted (`src/library/cache/`). It hashes the sources' paths and
//! contents, in a fixed order, with FNV-1a (no dependency, stable across
//! toolchains).

use std::fs;
use std::path::{Path, PathBuf};

/// The sources whose behaviour a cache entry records.
const CACHED_CODE: &[&str] = &["src/document", "src/targets", "src/library/meta.rs"];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

fn fnv1a(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

fn main() {
    let mut list = Vec::new();
    for p in CACHED_CODE {
        println!("cargo:rerun-if-changed={p}");
        files(Path::new(p), &mut list);
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    fnv1a(&mut hash, env!("CARGO_PKG_VERSION").as_bytes());
    for f in &list {
        fnv1a(&mut hash, f.to_string_lossy().as_bytes());
        fnv1a(&mut hash, &fs::read(f).unwrap_or_default());
    }
    println!("cargo:rustc-env=GANGMU_CODE_FINGERPRINT={hash:016x}");
}
