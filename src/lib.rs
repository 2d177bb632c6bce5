//! gangmu 纲目 — a terminal reader and outline navigator for Chinese policy
//! reports.
//!
//! The library is split so that everything but the reader is
//! terminal-free and can be tested and benchmarked alone:
//! - [`document`]: loading, decoding and parsing a report into an outline;
//! - [`layout`]: Chinese line breaking by display width (clreq rules);
//! - [`targets`]: quantified commitments (高新技术企业达到4000家);
//! - [`compare`]: two reports' targets side by side, and last year's targets judged;
//! - [`search`]: literal and pinyin search with per-node counts;
//! - [`persist`]: per-document reading state between runs;
//! - [`library`]: many reports: finding, listing (title, year, kind), the
//!   cache of parsed reports, and search across them;
//! - [`config`]: the YAML configuration;
//! - [`tui`]: the reader (ratatui + crossterm), the only part that touches the terminal;
//! - [`cli`]: the scripted views (`--outline`, `--targets`, `--search`) and the command line.

pub mod cli;
pub mod compare;
pub mod config;
pub mod document;
pub mod layout;
pub mod library;
pub mod persist;
pub mod search;
pub mod targets;
pub mod tui;
