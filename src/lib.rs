//! gangmu 纲目 — a terminal reader and outline navigator for Chinese policy
//! reports.
//!
//! The library is split so that everything but [`tui`] is terminal-free:
//! - [`document`]: loading, decoding and parsing a report into an outline;
//! - [`cli`]: the scripted views (`--outline`, …) and the command line.

pub mod cli;
pub mod document;
pub mod tui;
