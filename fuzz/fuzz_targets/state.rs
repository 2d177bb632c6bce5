//! A saved state file from any bytes: read (history cut to its limit) or
//! refused, and merging any three states never panics.
#![no_main]

use gangmu::persist::{HISTORY_LIMIT, SavedState};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = serde_json::from_slice::<SavedState>(data) else {
        return;
    };
    assert!(s.history.len() <= HISTORY_LIMIT);
    let mut other = s.clone();
    other.bookmarks.clear();
    let m = SavedState::merge(&SavedState::new(), &s, &other);
    assert_eq!(m.bookmarks, s.bookmarks);
    let back: SavedState = serde_json::from_slice(&serde_json::to_vec(&m).unwrap()).unwrap();
    assert_eq!(back, m);
});
