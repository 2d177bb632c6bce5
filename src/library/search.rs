//! One query over every report of a library, a report at a time, so that
//! hits stream in: [`LibrarySearch`] is an iterator over the reports that
//! have a hit, in the library's order, each with its document and hits.
//!
//! Each report is read from its file when its turn comes (the library
//! holds no text), then searched as a single report is ([`RankedHits`]:
//! literal hits, then pinyin hits); its outline (for the hits' nodes) is
//! taken from the cache or parsed only when it has a hit. Two shortcuts
//! keep a report without hits cheap:
//! - a hit of a literal query holds, as written, the query's longest run
//!   of characters that only fold to themselves (Han text:
//!   [`fold::is_fixed`]), or else one of the few forms of one of its
//!   characters (`9` or `９`: [`fold::preimages`]); so the text as written
//!   is scanned for that part, and the characters around each occurrence
//!   are folded and compared with the rest of the query ([`Anchor`]): a
//!   report where none matches has no hit, and is passed over without its
//!   text being folded (a query pinyin may find has no anchor);
//! - a report listed with the cache is looked for in its file's bytes as
//!   they are: when their hash is the listed key they are its text, so
//!   they need not even be decoded.
//!
//! The iterator owns what it needs (`Send + 'static`): a reader runs it on
//! a thread and drops it to cancel. Each report's hits are kept up to a
//! limit ([`LibrarySearch::keep`]) and the rest counted.

use std::collections::VecDeque;
use std::sync::Arc;

use crate::document::{Decoding, Document};
use crate::persist::bytes_key;
use crate::search::{Hit, Query, RankedHits, SearchIndex, fold};

use super::cache::Cache;
use super::discover::{Found, Note};
use super::load;

/// How many hits of a report are kept by default (the rest are counted).
pub const KEEP: usize = 10_000;

/// A report with hits.
#[derive(Debug)]
pub struct ReportHits {
    /// The report's [`super::ReportInfo::id`].
    pub id: usize,
    pub source: String,
    /// The document searched (its outline from the cache when valid), for
    /// breadcrumbs and snippets, and to open it at a hit.
    pub doc: Arc<Document>,
    /// The first hits, ranked (literal, then pinyin, each in document
    /// order), at most the limit.
    pub hits: Vec<Hit>,
    /// Every hit, kept or counted.
    pub total: usize,
}

/// A report to search: its id, its file, and the key it was listed with.
pub type Target = (usize, Found, Option<String>);

/// A search over a library's reports (see the module docs).
pub struct LibrarySearch {
    reports: std::vec::IntoIter<Target>,
    /// Reports searched ahead, in order.
    ready: VecDeque<Result<Option<ReportHits>, Note>>,
    threads: usize,
    /// Reports searched at a time: one per thread at first, growing.
    batch: usize,
    query: String,
    pinyin: bool,
    /// Where every hit can be looked for in the text as written.
    anchor: Option<Anchor>,
    cache: Option<Cache>,
    keep: usize,
    count_rest: bool,
    /// Asked before each report: `true` stops the search (a reader's newer
    /// query has made it stale).
    stop: Option<Arc<dyn Fn() -> bool + Send + Sync>>,
}

/// Where a literal query can be found without folding the text: a part
/// of it that a hit holds in one of a few forms as written (its longest
/// run of characters that fold only to themselves; else the one
/// character with the fewest forms, [`fold::preimages`]), and the folded
/// characters before and after that part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// The part, in each form the text may write it.
    forms: Vec<String>,
    /// Before the part, nearest first.
    before: Vec<char>,
    after: Vec<char>,
}

impl Anchor {
    /// The anchor of a query, unless it may be found by pinyin (a pinyin
    /// hit holds none of its letters).
    pub fn new(query: &str, pinyin: bool) -> Option<Anchor> {
        let q = Query::parse(query);
        if q.is_empty() || pinyin && q.pinyin.is_some() {
            return None;
        }
        let chars: Vec<char> = q.folded.chars().collect();
        let mut best = 0..0;
        let mut start = 0;
        for (i, &c) in chars.iter().enumerate() {
            if !fold::is_fixed(c) {
                start = i + 1;
            } else if i + 1 - start > best.len() {
                best = start..i + 1;
            }
        }
        let forms = if best.is_empty() {
            // One character, the one written in the fewest ways; a letter
            // (rarer in reports) before a digit before a space.
            let rank = |c: char| {
                usize::from(!c.is_alphabetic())
                    + usize::from(c.is_numeric())
                    + 2 * usize::from(c.is_whitespace())
            };
            let (i, forms) = chars
                .iter()
                .enumerate()
                .map(|(i, &c)| (i, fold::preimages(c)))
                .min_by_key(|(i, f)| (f.len(), rank(chars[*i])))?;
            best = i..i + 1;
            forms.iter().map(char::to_string).collect()
        } else {
            vec![chars[best.clone()].iter().collect()]
        };
        Some(Anchor {
            forms,
            before: chars[..best.start].iter().rev().copied().collect(),
            after: chars[best.end..].to_vec(),
        })
    }

    /// Whether `text` (UTF-8) holds the query, folded: the exact answer
    /// of a literal search, without folding the text.
    pub fn found_in(&self, text: &[u8]) -> bool {
        self.forms.iter().any(|form| {
            memchr::memmem::find_iter(text, form.as_bytes()).any(|at| {
                folds_to(chars_before(text, at), &self.before)
                    && folds_to(chars_after(text, at + form.len()), &self.after)
            })
        })
    }
}

/// The characters of UTF-8 `bytes` from byte `at` on, up to an invalid
/// one.
fn chars_after(bytes: &[u8], mut at: usize) -> impl Iterator<Item = char> + '_ {
    std::iter::from_fn(move || {
        let len = match *bytes.get(at)? {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            0xF0..=0xF7 => 4,
            _ => return None,
        };
        let c = std::str::from_utf8(bytes.get(at..at + len)?)
            .ok()?
            .chars()
            .next()?;
        at += len;
        Some(c)
    })
}

/// The characters of UTF-8 `bytes` before byte `end`, nearest first, up
/// to an invalid one.
fn chars_before(bytes: &[u8], mut end: usize) -> impl Iterator<Item = char> + '_ {
    std::iter::from_fn(move || {
        let start = (end.saturating_sub(4)..end)
            .rev()
            .find(|&i| bytes[i] & 0xC0 != 0x80)?;
        let c = std::str::from_utf8(&bytes[start..end])
            .ok()?
            .chars()
            .next()?;
        end = start;
        Some(c)
    })
}

/// Whether the first characters of `text` fold to `want`.
fn folds_to(mut text: impl Iterator<Item = char>, want: &[char]) -> bool {
    want.iter()
        .all(|&w| text.next().is_some_and(|c| fold::fold_char(c) == w))
}

impl LibrarySearch {
    /// A search of `reports` in that order.
    pub fn new(
        reports: Vec<Target>,
        query: &str,
        pinyin: bool,
        cache: Option<Cache>,
    ) -> LibrarySearch {
        LibrarySearch {
            reports: reports.into_iter(),
            ready: VecDeque::new(),
            threads: 1,
            batch: 1,
            query: query.to_string(),
            pinyin,
            anchor: Anchor::new(query, pinyin),
            cache,
            keep: KEEP,
            count_rest: true,
            stop: None,
        }
    }

    /// Stops as soon as `stop` says so: no report is searched after (those
    /// being searched on other threads finish theirs), and the iterator
    /// ends, even with reports searched ahead. Dropping the search cancels it too, but only once the report
    /// it is waiting for has been searched; a rare query waits for every
    /// report.
    pub fn stop_when(mut self, stop: impl Fn() -> bool + Send + Sync + 'static) -> LibrarySearch {
        self.stop = Some(Arc::new(stop));
        self
    }

    /// Whether the search has been told to stop.
    fn stopped(&self) -> bool {
        self.stop.as_ref().is_some_and(|s| s())
    }

    /// Keeps at most `n` hits a report; with `count_rest`, counts the
    /// others into [`ReportHits::total`] (else `total` is the hits kept).
    pub fn keep(mut self, n: usize, count_rest: bool) -> LibrarySearch {
        self.keep = n;
        self.count_rest = count_rest;
        self
    }

    /// Searches `n` reports at a time, on `n` threads: the first results
    /// come after one report per thread, then batches grow to 16 reports
    /// per thread (results stay in the library's order).
    pub fn threads(mut self, n: usize) -> LibrarySearch {
        self.threads = n.max(1);
        self.batch = self.threads;
        self
    }

    /// Whether `text` may hold a hit.
    fn may_hold(&self, text: &[u8]) -> bool {
        self.anchor.as_ref().is_none_or(|a| a.found_in(text))
    }

    /// The hits of one report, `None` when it has none.
    fn search(
        &self,
        id: usize,
        found: &Found,
        key: Option<&str>,
    ) -> Result<Option<ReportHits>, Note> {
        if self.stopped() {
            return Ok(None);
        }
        let mut bytes = load::read_bytes(found)?;
        let raw = load::without_bom(&bytes);
        let listed = key.is_some_and(|k| bytes_key(raw) == k);
        if listed && !self.may_hold(raw) {
            return Ok(None);
        }
        let (text, decoding) = if listed {
            let bom = raw.len() < bytes.len();
            bytes.drain(..bytes.len() - raw.len());
            match String::from_utf8(bytes) {
                Ok(t) => (
                    t,
                    Decoding {
                        bom,
                        ..Decoding::default()
                    },
                ),
                Err(e) => load::decode(found, e.into_bytes())?,
            }
        } else {
            load::decode(found, bytes)?
        };
        if !listed && !self.may_hold(text.as_bytes()) {
            return Ok(None);
        }
        // Searched without its outline, which is read only for a hit.
        let bare = Arc::new(load::bare(found.source(), text, decoding));
        let (mut hits, total) = {
            let index = SearchIndex::shared(Arc::clone(&bare));
            let mut ranked = RankedHits::new(&index, &self.query, self.pinyin);
            let hits: Vec<Hit> = ranked.by_ref().take(self.keep).collect();
            let rest = if self.count_rest && hits.len() == self.keep {
                ranked.count()
            } else {
                0
            };
            (hits, rest)
        };
        if hits.is_empty() {
            return Ok(None);
        }
        let bare = Arc::try_unwrap(bare).unwrap_or_else(|shared| (*shared).clone());
        let doc = load::document(bare.source, bare.text, bare.decoding, self.cache.as_ref());
        for h in &mut hits {
            h.node = doc.outline.node_at(h.range.start);
        }
        Ok(Some(ReportHits {
            id,
            source: found.source(),
            total: hits.len() + total,
            hits,
            doc: Arc::new(doc),
        }))
    }
}

impl Iterator for LibrarySearch {
    /// The next report with a hit, or a note on one that could not be read.
    type Item = Result<ReportHits, Note>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.stopped() {
                return None;
            }
            match self.ready.pop_front() {
                Some(Ok(None)) => continue,
                Some(Ok(Some(h))) => return Some(Ok(h)),
                Some(Err(n)) => return Some(Err(n)),
                None => {}
            }
            let batch: Vec<Target> = self.reports.by_ref().take(self.batch).collect();
            if batch.is_empty() || self.stopped() {
                return None;
            }
            let this = &*self;
            let done = super::parallel(&batch, this.threads, |(id, found, key)| {
                this.search(*id, found, key.as_deref())
            });
            self.ready.extend(done);
            self.batch = (self.batch * 2).min(self.threads * 16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn anchors_of_queries() {
        let a = Anchor::new("5%左右", true).unwrap();
        assert_eq!(a.forms, strings(&["左右"]));
        assert_eq!(
            (a.before.as_slice(), a.after.as_slice()),
            (&['%', '5'][..], &[][..])
        );
        let a = Anchor::new("第１号工作报告", false).unwrap();
        assert_eq!(a.forms, strings(&["号工作报告"]));
        assert_eq!(a.before, ['1', '第']);
        // No fixed character: the one written in the fewest ways.
        let a = Anchor::new("C919", false).unwrap();
        assert_eq!(a.forms, strings(&["9", "９"]));
        assert_eq!(
            (a.before.as_slice(), a.after.as_slice()),
            (&['c'][..], &['1', '9'][..])
        );
        let a = Anchor::new("GDP", false).unwrap();
        assert_eq!(a.forms, strings(&["g", "G", "Ｇ", "ｇ"]));
        // A query pinyin may find has no anchor.
        assert_eq!(Anchor::new("dlhw", true), None);
        assert!(Anchor::new("dlhw", false).is_some());
        assert_eq!(Anchor::new("", true), None);
    }

    #[test]
    fn found_in_agrees_with_searching() {
        let texts = [
            "今年增长５％左右，明年增长5%左右。",
            "增长5.5%左右",
            "左右为难",
            "第1号工作报告\n第２号工作报告",
            "号工作报告",
            "a\u{FF05}左右",
            "Kelvin \u{212A}",
        ];
        let queries = [
            "5%左右",
            "%左右",
            "第2号工作报告",
            "第１号工作报告",
            "号工作",
            "左右为难的",
            "ａ％左右",
            "5%",
            "A",
            "\n",
            "5.5",
            "k",
            "n k",
        ];
        for t in texts {
            let doc = Document::from_bytes("t", t.as_bytes()).unwrap();
            for q in queries {
                let a = Anchor::new(q, false).unwrap();
                let hits = crate::search::search_opts(&doc, q, false);
                assert_eq!(a.found_in(t.as_bytes()), !hits.is_empty(), "{q:?} in {t:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn found_in_is_exactly_whether_a_literal_search_finds(
            text in "[左右号报告5５%％aAａＡkK\u{212A}。｡ 　\n]{0,40}",
            query in "[左右号报告5５%％aAａＡkK\u{212A}。｡ 　]{1,6}",
        ) {
            let doc = Document::from_bytes("t", text.as_bytes()).unwrap();
            let hits = crate::search::search_opts(&doc, &query, false);
            match Anchor::new(&query, false) {
                Some(a) => proptest::prop_assert_eq!(a.found_in(text.as_bytes()), !hits.is_empty()),
                None => proptest::prop_assert!(hits.is_empty()),
            }
        }
    }

    #[test]
    fn decoding_stops_at_bad_bytes_and_edges() {
        let b = "a大b".as_bytes();
        assert_eq!(chars_after(b, 0).collect::<String>(), "a大b");
        assert_eq!(chars_before(b, b.len()).collect::<String>(), "b大a");
        assert_eq!(chars_after(b, 2).count(), 0);
        assert_eq!(chars_before(b, 3).count(), 0);
        assert_eq!(chars_after(b"\xFFa", 0).count(), 0);
    }
}
