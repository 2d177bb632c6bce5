//! The document core: a report's text, its paragraphs and its outline.
//!
//! [`Document`] is what every view works from. It owns the decoded text
//! (UTF-8, BOM removed, nothing else changed) and the outline built from it.
//! Nothing here knows about terminals.

pub mod check;
pub mod load;
pub mod markers;
pub mod numerals;
pub mod outline;
pub mod paragraphs;
pub mod parse;
pub mod title;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;

pub use load::{Decoding, LoadError, Opening};
pub use outline::{Node, NodeId, NodeKind, Outline};
pub use paragraphs::{Paragraph, Paragraphs};

/// The report compiled into the binary.
pub const BUNDLED_NAME: &str = "minhang-2024-07-24.txt";
pub const BUNDLED: &[u8] = include_bytes!("../../assets/minhang-2024-07-24.txt");

/// A parsed report.
#[derive(Clone, Debug)]
pub struct Document {
    /// Where it came from: a path, `-` for standard input, or `<bundled>`.
    pub source: String,
    /// The decoded text.
    pub text: String,
    pub decoding: Decoding,
    /// Where the paragraphs are ([`Document::paragraph`] reads one).
    paragraphs: Paragraphs,
    pub outline: Outline,
    /// The report's title, as a range of `text` (empty when there is none).
    pub title: Range<usize>,
}

impl Document {
    /// Parses already-decoded text.
    pub fn from_text(source: impl Into<String>, text: String, decoding: Decoding) -> Document {
        let split = paragraphs::split(&text);
        let title = find_title(&text, &split);
        let outline = parse::build(&text, &split, title.clone());
        Document {
            source: source.into(),
            text,
            decoding,
            paragraphs: split,
            outline,
            title,
        }
    }

    /// A document from parts made elsewhere, without parsing: the
    /// library's cache, which checked them against the text.
    pub fn from_parts(
        source: impl Into<String>,
        text: String,
        decoding: Decoding,
        paragraphs: Paragraphs,
        outline: Outline,
        title: Range<usize>,
    ) -> Document {
        Document {
            source: source.into(),
            text,
            decoding,
            paragraphs,
            outline,
            title,
        }
    }

    /// Decodes and parses bytes.
    pub fn from_bytes(source: impl Into<String>, bytes: &[u8]) -> Result<Document, LoadError> {
        let source = source.into();
        let (text, decoding) = load::decode(bytes, &source)?;
        Ok(Document::from_text(source, text, decoding))
    }

    /// Decodes and parses bytes the document may keep (no copy for UTF-8).
    pub fn from_vec(source: impl Into<String>, bytes: Vec<u8>) -> Result<Document, LoadError> {
        let source = source.into();
        let (text, decoding) = load::decode_owned(bytes, &source)?;
        Ok(Document::from_text(source, text, decoding))
    }

    /// The bundled report.
    pub fn bundled() -> Document {
        Document::from_bytes("<bundled>", BUNDLED).expect("the bundled report is valid UTF-8")
    }

    /// Opens a path; `-` reads standard input.
    pub fn open(path: &Path) -> Result<Document, LoadError> {
        Document::from_opening(Opening::open(Some(path), usize::MAX)?)
    }

    /// Reads the rest of a report being opened and parses it.
    pub fn from_opening(opening: Opening) -> Result<Document, LoadError> {
        let source = opening.label().to_string();
        let (text, decoding) = opening.finish()?;
        Ok(Document::from_text(source, text, decoding))
    }

    /// The title text, as written.
    pub fn title(&self) -> &str {
        &self.text[self.title.clone()]
    }

    /// The report's title as every view shows it ([`title::display`]).
    pub fn display_report_title(&self) -> Cow<'_, str> {
        title::display(self.title())
    }

    /// A node's title as written (a bounded range of the text); an
    /// unlabelled contents list is titled `目录`. Views show
    /// [`Document::display_title`].
    pub fn node_title(&self, id: NodeId) -> &str {
        let title = self.outline.title(id);
        if title.is_empty() && self.outline.kind(id) == NodeKind::Contents {
            return "目录";
        }
        &self.text[title]
    }

    /// A node's marker as written, if any.
    pub fn node_marker(&self, id: NodeId) -> Option<&str> {
        self.outline.marker(id).map(|r| &self.text[r])
    }

    /// A node's title as every view shows it: bounded, runs of spaces
    /// collapsed, no Markdown `**` ([`title::display`]). Control characters
    /// are left for the views' sanitizer.
    pub fn display_title(&self, id: NodeId) -> Cow<'_, str> {
        title::display(self.node_title(id))
    }

    /// `marker title` (or just the title) for a node, as a tree shows it:
    /// the marker as written, then [`Document::display_title`].
    pub fn node_label(&self, id: NodeId) -> String {
        let t = self.display_title(id);
        match self.node_marker(id) {
            Some(m) => format!("{} {t}", title::display(m)),
            None => t.into_owned(),
        }
    }

    /// The node a reader at `offset` is in: the deepest node holding the
    /// last non-whitespace character at or before it, so a blank line
    /// belongs to the text above it, not to the parent of both.
    pub fn node_before(&self, offset: usize) -> Option<NodeId> {
        let mut at = offset.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        let head = self.text[..at].trim_end_matches(paragraphs::is_space);
        let on_space = self.text[at..]
            .chars()
            .next()
            .is_none_or(paragraphs::is_space);
        let at = if on_space && !head.is_empty() {
            head.len() - head.chars().next_back().map_or(0, char::len_utf8)
        } else {
            at
        };
        self.outline.node_at(at)
    }

    /// The paragraph holding `offset`, by index (the last one before it
    /// when the offset falls between paragraphs).
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        self.paragraphs.index_at(offset)
    }

    /// How many paragraphs the report has.
    pub fn paragraph_count(&self) -> usize {
        self.paragraphs.len()
    }

    /// Paragraph `i` (read from its line: the document keeps only where
    /// each paragraph starts).
    pub fn paragraph(&self, i: usize) -> Option<Paragraph> {
        self.paragraphs.get(&self.text, i)
    }

    /// Every paragraph, in order.
    pub fn paragraphs(&self) -> impl DoubleEndedIterator<Item = Paragraph> + '_ {
        self.paragraphs.iter(&self.text)
    }

    /// The table of paragraphs.
    pub fn paragraph_table(&self) -> &Paragraphs {
        &self.paragraphs
    }
}

/// The title: YAML front matter, a `#` heading, or what the first paragraph
/// gives ([`title::lead_title_end`]).
fn find_title(text: &str, split: &paragraphs::Paragraphs) -> Range<usize> {
    if let Some(fm) = split.front_matter.clone()
        && let Some(t) = paragraphs::front_matter_title(text, fm)
    {
        return t;
    }
    if split.is_empty() {
        return 0..0;
    }
    if let Some(h1) = split.iter(text).take(3).find(|p| p.md_heading == 1) {
        return h1.content;
    }
    // Skip the furniture of a web page before the title line: field lines,
    // and button words among them.
    let mut after_field = false;
    let lead = split
        .iter(text)
        .take(MAX_FURNITURE_LINES)
        .position(|p| {
            let s = &text[p.content.clone()];
            let skip = parse::lines::is_field(s) || (after_field && parse::lines::is_button(s));
            after_field = skip;
            !skip
        })
        .unwrap_or(0);
    let Some(p) = split.get(text, lead) else {
        return 0..0;
    };
    let s = &text[p.content.clone()];
    let end = title::lead_title_end(s);
    // A title line of words only may go on on the next line (`…发展` /
    // `第十四个五年规划…纲要`, `弘 扬“四气”…` / `只 争 朝 夕…`), but not into an
    // author's name, a date, a subtitle or a salutation.
    let words = |s: &str| {
        let line = parse::lines::classify(s);
        line.words_only() && !line.page_number()
    };
    let second = split.get(text, lead + 1).filter(|q| {
        let t = &text[q.content.clone()];
        end == s.len()
            && words(s)
            && words(t)
            && t.chars().filter(|&c| !paragraphs::is_space(c)).count() >= MIN_TITLE_LINE_CHARS
    });
    match second {
        Some(q) => p.content.start..q.content.end,
        None => p.content.start..p.content.start + end,
    }
}

/// How many lines of web-page furniture may precede a title line.
const MAX_FURNITURE_LINES: usize = 8;

/// A second title line has at least this many characters (a name has
/// fewer).
const MIN_TITLE_LINE_CHARS: usize = 5;
