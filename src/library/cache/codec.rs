//! The binary form of a cache entry, and its validation.
//!
//! ```text
//! prefix (64 bytes, little-endian)
//!   0  magic       b"GANGMUC\n"
//!   8  version     u32   FORMAT_VERSION
//!  12  code        u32   low half of the build's code fingerprint
//!  16  key         u128  xxh3-128 of the text
//!  32  text_len    u64
//!  40  header_len  u32
//!  44  body_len    u32
//!  48  body_sum    u64   xxh3-64 of the body
//!  56  header_sum  u64   xxh3-64 of prefix[0..56] and the header
//! header: what the library lists (title, year, kind, counts)
//! body:   the title range, the front matter and where each paragraph
//!         starts, outline nodes (parents only) and targets of the report
//! ```
//!
//! Decoding never trusts a byte: every read is bounded, every count is
//! checked against the bytes left before anything is allocated, every
//! range must lie inside the text on character boundaries, node parents
//! come before their children (in pre-order: a node's parent is the node
//! before it or one of that node's ancestors), and the outline rebuilt
//! from the parents must keep the invariants of [`crate::document::check`]
//! (checked here in linear time, as the nodes are read). The outline's
//! children, depths and last descendants are derived from the parents
//! ([`Outline::restore_node`]), so they cannot disagree with them; a
//! paragraph is read again from its line, so only its start is kept. Any failure is an
//! [`Invalid`] with the reason: the entry is rebuilt.

use std::ops::Range;

use crate::document::outline::MAX_NODES;
use crate::document::paragraphs::{Starts, is_space};
use crate::document::{NodeId, NodeKind, Outline, Paragraphs};
use crate::library::meta::{Meta, ReportKind};
use crate::targets::{Item, Kind};

/// The magic bytes that open an entry.
pub const MAGIC: &[u8; 8] = b"GANGMUC\n";

/// The entry format; a file with another is rebuilt.
pub const FORMAT_VERSION: u32 = 2;

/// Bytes of the fixed prefix.
pub const PREFIX: usize = 64;

/// The longest header read (a title is at most a few hundred bytes).
pub const MAX_HEADER: usize = 64 * 1024;

/// The longest title kept in a header.
const MAX_TITLE: usize = 4096;

/// The longest unit name (`吨标准煤/万元`) kept.
const MAX_UNIT: usize = 256;

/// The fingerprint of the code whose output an entry holds (`build.rs`).
pub fn code_fingerprint() -> u32 {
    u64::from_str_radix(env!("GANGMU_CODE_FINGERPRINT"), 16).map_or(0, |h| h as u32)
}

/// Why an entry was not trusted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid(pub String);

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad<T>(why: impl Into<String>) -> Result<T, Invalid> {
    Err(Invalid(why.into()))
}

/// What the library lists about a report: the header of its entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    /// xxh3-128 of the text.
    pub key: u128,
    pub text_len: usize,
    pub meta: Meta,
    /// Targets and results ([`crate::targets::extract`]).
    pub targets: usize,
    pub results: usize,
}

/// What opening a report needs besides its text: the body of its entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub title: Range<usize>,
    pub paragraphs: Paragraphs,
    pub outline: Outline,
    pub items: Vec<Item>,
}

/// The fixed prefix, read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    pub key: u128,
    pub text_len: usize,
    pub header_len: usize,
    pub body_len: usize,
    header_sum: u64,
    body_sum: u64,
}

impl Prefix {
    /// The whole entry's length.
    pub fn total(&self) -> usize {
        PREFIX + self.header_len + self.body_len
    }
}

const ITEM_KINDS: [Kind; 2] = [Kind::Target, Kind::Result];

/// A value too large for the format: the entry is not written.
#[derive(Debug)]
pub struct TooLarge;

// ---------------------------------------------------------------- writing

#[derive(Default)]
struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u32(&mut self, v: usize) -> Result<(), TooLarge> {
        let v = u32::try_from(v).map_err(|_| TooLarge)?;
        self.0.extend_from_slice(&v.to_le_bytes());
        Ok(())
    }
    fn i32(&mut self, v: i32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn range(&mut self, r: &Range<usize>) -> Result<(), TooLarge> {
        self.u32(r.start)?;
        self.u32(r.end)
    }
    fn opt_range(&mut self, r: &Option<Range<usize>>) -> Result<(), TooLarge> {
        match r {
            None => {
                self.u8(0);
                Ok(())
            }
            Some(r) => {
                self.u8(1);
                self.range(r)
            }
        }
    }
    fn opt_i32(&mut self, v: Option<i32>) {
        match v {
            None => self.u8(0),
            Some(v) => {
                self.u8(1);
                self.i32(v);
            }
        }
    }
    fn str(&mut self, s: &str) -> Result<(), TooLarge> {
        self.u32(s.len())?;
        self.0.extend_from_slice(s.as_bytes());
        Ok(())
    }
}

fn kind_code(k: Option<ReportKind>) -> u8 {
    k.and_then(|k| ReportKind::ALL.iter().position(|&a| a == k))
        .map_or(0, |i| i as u8 + 1)
}

/// What an entry's body is made from, borrowed (a [`Parsed`] by
/// reference: writing an entry copies nothing of the document).
#[derive(Clone, Copy, Debug)]
pub struct Body<'a> {
    pub title: &'a Range<usize>,
    pub paragraphs: &'a Paragraphs,
    pub outline: &'a Outline,
    pub items: &'a [Item],
}

impl<'a> From<&'a Parsed> for Body<'a> {
    fn from(p: &'a Parsed) -> Body<'a> {
        Body {
            title: &p.title,
            paragraphs: &p.paragraphs,
            outline: &p.outline,
            items: &p.items,
        }
    }
}

/// Encodes an entry: the listing and what opening needs.
pub fn encode(listing: &Listing, parsed: Body<'_>) -> Result<Vec<u8>, TooLarge> {
    let mut h = Writer::default();
    let title = cut(&listing.meta.title, MAX_TITLE);
    h.str(title)?;
    h.opt_i32(listing.meta.year);
    h.u8(kind_code(listing.meta.kind));
    h.u8(u8::from(listing.meta.chinese));
    h.u32(listing.targets)?;
    h.u32(listing.results)?;

    let mut b = Writer::default();
    b.range(parsed.title)?;
    b.opt_range(&parsed.paragraphs.front_matter)?;
    b.u32(parsed.paragraphs.len())?;
    for start in parsed.paragraphs.starts() {
        b.u32(start)?;
    }
    b.u32(parsed.outline.len())?;
    for n in parsed.outline.iter() {
        let k = NodeKind::ALL
            .iter()
            .position(|&k| k == n.kind)
            .ok_or(TooLarge)?;
        b.u8(k as u8);
        b.opt_range(&n.marker)?;
        b.range(&n.title)?;
        b.range(&n.span)?;
        b.u32(n.parent.map_or(u32::MAX as usize, |p| p))?;
    }
    b.u32(parsed.items.len())?;
    for t in parsed.items {
        let k = ITEM_KINDS
            .iter()
            .position(|&k| k == t.kind)
            .ok_or(TooLarge)?;
        b.u8(k as u8);
        b.u32(t.node)?;
        b.range(&t.span)?;
        b.range(&t.sentence)?;
        b.range(&t.subject)?;
        b.opt_range(&t.subject_head)?;
        b.opt_range(&t.verb)?;
        b.range(&t.quantity)?;
        b.f64(t.value);
        b.str(cut(&t.unit, MAX_UNIT))?;
        b.opt_range(&t.qualifier)?;
        b.opt_range(&t.deadline)?;
        b.opt_i32(t.year);
    }

    let (header, body) = (h.0, b.0);
    if header.len() > MAX_HEADER {
        return Err(TooLarge);
    }
    let mut out = Vec::with_capacity(PREFIX + header.len() + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&code_fingerprint().to_le_bytes());
    out.extend_from_slice(&listing.key.to_le_bytes());
    out.extend_from_slice(&(listing.text_len as u64).to_le_bytes());
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    let body_len = u32::try_from(body.len()).map_err(|_| TooLarge)?;
    out.extend_from_slice(&body_len.to_le_bytes());
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&body).to_le_bytes());
    let header_sum = checksum(&out[..56], &header);
    out.extend_from_slice(&header_sum.to_le_bytes());
    out.extend_from_slice(&header);
    out.extend_from_slice(&body);
    Ok(out)
}

/// `s` cut to at most `max` bytes on a character boundary.
fn cut(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn checksum(prefix: &[u8], header: &[u8]) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(prefix);
    h.update(header);
    h.digest()
}

// ---------------------------------------------------------------- reading

/// A bounded cursor over bytes: every read checks what is left.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(b: &'a [u8]) -> Reader<'a> {
        Reader { b, pos: 0 }
    }
    fn left(&self) -> usize {
        self.b.len() - self.pos
    }
    fn take(&mut self, n: usize) -> Result<&'a [u8], Invalid> {
        if n > self.left() {
            return bad("truncated");
        }
        let s = &self.b[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], Invalid> {
        let mut a = [0; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    fn u8(&mut self) -> Result<u8, Invalid> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<usize, Invalid> {
        Ok(u32::from_le_bytes(self.array()?) as usize)
    }
    fn i32(&mut self) -> Result<i32, Invalid> {
        Ok(i32::from_le_bytes(self.array()?))
    }
    fn f64(&mut self) -> Result<f64, Invalid> {
        Ok(f64::from_le_bytes(self.array()?))
    }
    fn flag(&mut self) -> Result<bool, Invalid> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => bad("bad flag"),
        }
    }
    /// A count of records of at least `min` bytes each, checked against
    /// the bytes left before anything is allocated.
    fn count(&mut self, min: usize) -> Result<usize, Invalid> {
        let n = self.u32()?;
        if n.saturating_mul(min) > self.left() {
            return bad("a count larger than the entry");
        }
        Ok(n)
    }
    fn raw_range(&mut self) -> Result<Range<usize>, Invalid> {
        Ok(self.u32()?..self.u32()?)
    }
    fn range(&mut self, text: &str) -> Result<Range<usize>, Invalid> {
        let r = self.raw_range()?;
        in_text(text, &r)?;
        Ok(r)
    }
    fn opt_range(&mut self, text: &str) -> Result<Option<Range<usize>>, Invalid> {
        if self.flag()? {
            Ok(Some(self.range(text)?))
        } else {
            Ok(None)
        }
    }
    fn opt_i32(&mut self) -> Result<Option<i32>, Invalid> {
        if self.flag()? {
            Ok(Some(self.i32()?))
        } else {
            Ok(None)
        }
    }
    fn str(&mut self, max: usize) -> Result<String, Invalid> {
        let n = self.u32()?;
        if n > max {
            return bad("a string too long");
        }
        match std::str::from_utf8(self.take(n)?) {
            Ok(s) => Ok(s.to_string()),
            Err(_) => bad("a string that is not UTF-8"),
        }
    }
    fn end(&self) -> Result<(), Invalid> {
        if self.left() == 0 {
            Ok(())
        } else {
            bad("bytes after the end")
        }
    }
}

/// A range inside `text`, on character boundaries.
fn in_text(text: &str, r: &Range<usize>) -> Result<(), Invalid> {
    if r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
    {
        Ok(())
    } else {
        bad(format!("a range {r:?} outside the text"))
    }
}

/// Reads the fixed prefix: magic, version, build, and the sizes.
pub fn prefix(bytes: &[u8]) -> Result<Prefix, Invalid> {
    let mut r = Reader::new(bytes);
    if r.take(8)? != MAGIC {
        return bad("not a cache entry");
    }
    let version = r.u32()? as u32;
    if version != FORMAT_VERSION {
        return bad(format!("format version {version}, not {FORMAT_VERSION}"));
    }
    if r.u32()? as u32 != code_fingerprint() {
        return bad("written by another build of gangmu");
    }
    let key = u128::from_le_bytes(r.array()?);
    let text_len = u64::from_le_bytes(r.array()?);
    let header_len = r.u32()?;
    let body_len = r.u32()?;
    let body_sum = u64::from_le_bytes(r.array()?);
    let header_sum = u64::from_le_bytes(r.array()?);
    if header_len > MAX_HEADER {
        return bad("a header too long");
    }
    Ok(Prefix {
        key,
        text_len: usize::try_from(text_len).map_err(|_| Invalid("text too long".into()))?,
        header_len,
        body_len,
        header_sum,
        body_sum,
    })
}

/// Reads the header, given the prefix's bytes and the header's.
pub fn listing(prefix_bytes: &[u8], p: &Prefix, header: &[u8]) -> Result<Listing, Invalid> {
    if prefix_bytes.len() < 56 || header.len() != p.header_len {
        return bad("truncated");
    }
    if checksum(&prefix_bytes[..56], header) != p.header_sum {
        return bad("the header's checksum does not match");
    }
    let mut r = Reader::new(header);
    let title = r.str(MAX_TITLE)?;
    let year = r.opt_i32()?;
    let kind = match r.u8()? {
        0 => None,
        k => Some(
            *ReportKind::ALL
                .get(usize::from(k) - 1)
                .ok_or_else(|| Invalid("unknown kind".into()))?,
        ),
    };
    let chinese = r.flag()?;
    let targets = r.u32()?;
    let results = r.u32()?;
    r.end()?;
    Ok(Listing {
        key: p.key,
        text_len: p.text_len,
        meta: Meta {
            title,
            year,
            kind,
            chinese,
        },
        targets,
        results,
    })
}

/// Reads a whole entry for `text`, whose key the caller computed: the
/// listing and the body, every part checked against the text.
pub fn decode(bytes: &[u8], key: u128, text: &str) -> Result<(Listing, Parsed), Invalid> {
    let p = prefix(bytes)?;
    if p.key != key {
        return bad("the key does not match the text");
    }
    if p.text_len != text.len() {
        return bad("the text's length does not match");
    }
    if bytes.len() != p.total() {
        return bad(format!(
            "{} bytes where the entry says {}",
            bytes.len(),
            p.total()
        ));
    }
    let header = &bytes[PREFIX..PREFIX + p.header_len];
    let listing = listing(bytes, &p, header)?;
    let body = &bytes[PREFIX + p.header_len..];
    if xxhash_rust::xxh3::xxh3_64(body) != p.body_sum {
        return bad("the body's checksum does not match");
    }
    let parsed = body_of(body, text)?;
    let targets = parsed.items.iter().filter(|t| t.is_target()).count();
    if targets != listing.targets || parsed.items.len() - targets != listing.results {
        return bad("the counts do not match the targets");
    }
    Ok((listing, parsed))
}

fn body_of(body: &[u8], text: &str) -> Result<Parsed, Invalid> {
    let mut r = Reader::new(body);
    let title = r.range(text)?;
    let paragraphs = paragraphs(&mut r, text)?;
    let outline = outline(&mut r, text)?;
    let items = items(&mut r, text, outline.len())?;
    r.end()?;
    Ok(Parsed {
        title,
        paragraphs,
        outline,
        items,
    })
}

/// The paragraphs' table: each start a character boundary inside the text,
/// after the one before.
fn paragraphs(r: &mut Reader, text: &str) -> Result<Paragraphs, Invalid> {
    let front_matter = r.opt_range(text)?;
    let n = r.count(4)?;
    let mut starts = Starts::with_capacity(n);
    let mut next = 0;
    for _ in 0..n {
        let start = r.u32()?;
        if start < next || start >= text.len() || !text.is_char_boundary(start) {
            return bad("paragraphs out of order");
        }
        next = start + 1;
        starts.push(start);
    }
    Ok(Paragraphs::from_starts(starts, front_matter))
}

/// The outline from its nodes' parents, checked as it is read: each
/// parent before its child, in pre-order, and the invariants of
/// [`crate::document::check`] that parents do not make true by themselves,
/// in time linear in the nodes and the text (`check` looks each node up
/// among its siblings: quadratic on a flat outline of a hundred thousand
/// paragraphs): spans ordered, markers and titles inside their spans,
/// children inside their parents and apart, and every non-whitespace
/// character inside a top-level span.
fn outline(r: &mut Reader, text: &str) -> Result<Outline, Invalid> {
    let n = r.count(22)?;
    if n > MAX_NODES {
        return bad("too many nodes");
    }
    let mut outline = Outline::restoring(n);
    // The last node read and its ancestors, from the top down.
    let mut open: Vec<NodeId> = Vec::new();
    let mut prev_start = 0;
    for id in 0..n {
        let kind = *NodeKind::ALL
            .get(usize::from(r.u8()?))
            .ok_or_else(|| Invalid("unknown node kind".into()))?;
        let marker = r.opt_range(text)?;
        let title = r.range(text)?;
        let span = r.range(text)?;
        let parent = match r.u32()? {
            p if p == u32::MAX as usize => None,
            p if p < id => Some(p),
            _ => return bad("a node before its parent"),
        };
        // Pre-order: the parent is open; the node closed last under it is
        // the previous sibling.
        let mut sibling = None;
        while let Some(&top) = open.last()
            && Some(top) != parent
        {
            sibling = open.pop();
        }
        if parent.is_some() && open.last().copied() != parent {
            return bad("nodes out of order");
        }
        if span.start < prev_start {
            return bad("node spans out of order");
        }
        prev_start = span.start;
        let inside = |r: &Range<usize>| r.start >= span.start && r.end <= span.end;
        if !marker.iter().chain([&title]).all(inside) {
            return bad("a marker or title outside its node");
        }
        if let Some(p) = parent {
            let ps = outline.span(p);
            if span.start < ps.start || span.end > ps.end {
                return bad("a node outside its parent");
            }
        }
        if sibling.is_some_and(|s| outline.span(s).end > span.start) {
            return bad("nodes overlap");
        }
        outline.restore_node(kind, marker, title, span, parent);
        open.push(id);
    }
    let outline = outline.restored();
    // Every character but spaces in a top-level node.
    let mut covered = 0;
    for root in outline.roots() {
        let span = outline.span(root);
        if text[covered..span.start].chars().any(|c| !is_space(c)) {
            return bad("text that belongs to no node");
        }
        covered = span.end;
    }
    if text[covered..].chars().any(|c| !is_space(c)) {
        return bad("text that belongs to no node");
    }
    Ok(outline)
}

fn items(r: &mut Reader, text: &str, nodes: usize) -> Result<Vec<Item>, Invalid> {
    let n = r.count(54)?;
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let kind = *ITEM_KINDS
            .get(usize::from(r.u8()?))
            .ok_or_else(|| Invalid("unknown target kind".into()))?;
        let node = r.u32()?;
        if node >= nodes {
            return bad("a target in no node");
        }
        let item = Item {
            kind,
            node,
            span: r.range(text)?,
            sentence: r.range(text)?,
            subject: r.range(text)?,
            subject_head: r.opt_range(text)?,
            verb: r.opt_range(text)?,
            quantity: r.range(text)?,
            value: r.f64()?,
            unit: r.str(MAX_UNIT)?,
            qualifier: r.opt_range(text)?,
            deadline: r.opt_range(text)?,
            year: r.opt_i32()?,
        };
        if !item.value.is_finite() {
            return bad("a value that is not a number");
        }
        out.push(item);
    }
    Ok(out)
}
