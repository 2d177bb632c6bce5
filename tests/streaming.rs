//! `--search` writes its results as they are found: the heap while the
//! JSON, YAML or text is written stays a small constant, whatever the
//! number of hits (it was the whole output model plus the whole output:
//! 232 MB for `，` on the seed ×1000). Measured with a counting allocator,
//! so this file holds one test.

use gangmu::cli::Format;
use gangmu::cli::output::write_serialized;
use gangmu::cli::search::{SearchOut, write_text};
use gangmu::document::{BUNDLED, Document};
use gangmu::search::{RankedHits, SearchIndex};

#[path = "../benches/common/counting.rs"]
mod counting;

/// Counts what is written, keeps nothing.
#[derive(Default)]
struct Sink(usize);

impl std::io::Write for Sink {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0 += b.len();
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn search_output_is_written_as_found() {
    let mut text = Vec::new();
    for _ in 0..200 {
        text.extend_from_slice(BUNDLED);
        text.push(b'\n');
    }
    let doc = Document::from_vec("seed x200", text).unwrap();
    let index = SearchIndex::new(&doc);
    index.prepare();
    let hits = RankedHits::new(&index, "，", true).count();
    assert_eq!(hits, 200 * 180);
    for format in [Format::Json, Format::Yaml, Format::Text] {
        let mut out = Sink::default();
        let ((), peak) = counting::peak_during(|| match format {
            Format::Text => {
                let n =
                    write_text(&mut out, &doc, RankedHits::new(&index, "，", true), false).unwrap();
                assert_eq!(n, hits);
            }
            f => {
                let s = SearchOut::new(&index, "，", true);
                assert_eq!(s.total, hits);
                write_serialized(&mut out, &s, f).unwrap();
            }
        });
        // Megabytes written (the old model and string held them all), under
        // one megabyte held: a step's
        // hits (a 256 KiB slice of text) and one hit's output.
        assert!(out.0 > 8_000_000, "{format:?}: {} bytes", out.0);
        assert!(peak < 1 << 20, "{format:?}: peak {peak} bytes");
    }
}
