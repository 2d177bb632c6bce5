//! gangmu 纲目 — a terminal reader and outline navigator for Chinese policy
//! reports.
//!
//! The library is split so that everything but the reader is
//! terminal-free and can be tested and benchmarked alone:
//! - [`document`]: loading, decoding and parsing a report into an outline;
//! - [`layout`]: Chinese line breaking by display width (clreq rules);
//! - [`cli`]: the scripted views (`--outline`, …) and the command line.

pub mod cli;
pub mod document;
pub mod layout;
pub mod persist;
pub mod tui;
