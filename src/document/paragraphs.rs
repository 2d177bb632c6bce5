//! Splitting decoded text into paragraphs, and the compact table that
//! remembers where they are.
//!
//! A paragraph is a non-blank line (LF, CRLF or CR). Its `span` is the line
//! without surrounding whitespace (spaces, tabs, full-width `　`); its
//! `content` also drops the Markdown artefacts real reports carry: `#`
//! heading marks, `>` quote marks and `**` bold around a line. YAML front
//! matter and thematic breaks (`---`) are not paragraphs. Offsets always
//! refer to the original text.
//!
//! A report of one-letter lines has a paragraph every two bytes, so the
//! table keeps only where each paragraph starts, in about two bytes a
//! paragraph ([`Starts`]); its end, its words and its heading level are
//! read again from the line when asked ([`Paragraphs::get`]).

use std::ops::Range;

/// One paragraph of the report, as read from its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The line without surrounding whitespace.
    pub span: Range<usize>,
    /// The words of the paragraph without Markdown marks.
    pub content: Range<usize>,
    /// Markdown heading level (`#` count), 0 for none.
    pub md_heading: u8,
}

/// The paragraphs of a text and the YAML front matter, if any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Paragraphs {
    starts: Starts,
    /// The front matter block, `---` lines included.
    pub front_matter: Option<Range<usize>>,
}

impl Paragraphs {
    /// How many paragraphs there are.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.len() == 0
    }

    /// Where paragraph `i` starts (its span's start).
    pub fn start(&self, i: usize) -> Option<usize> {
        self.starts.get(i)
    }

    /// Paragraph `i` of `text` (the text it was split from).
    pub fn get(&self, text: &str, i: usize) -> Option<Paragraph> {
        self.start(i).map(|s| paragraph_from(text, s))
    }

    /// Every paragraph of `text`, in order.
    pub fn iter<'a>(&'a self, text: &'a str) -> impl DoubleEndedIterator<Item = Paragraph> + 'a {
        (0..self.len()).filter_map(move |i| self.get(text, i))
    }

    /// The last paragraph starting at or before `offset`, by index.
    pub fn index_at(&self, offset: usize) -> Option<usize> {
        self.starts.partition_point(offset).checked_sub(1)
    }

    /// The heap this table holds, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.starts.heap_bytes()
    }

    /// Where every paragraph starts, in order (what a stored table keeps).
    pub fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter_map(|i| self.start(i))
    }

    /// A table stored elsewhere (the library's cache): the starts of the
    /// paragraphs of a text, each on a character boundary inside it and
    /// after the one before (the caller checks), and its front matter.
    pub fn from_starts(starts: Starts, front_matter: Option<Range<usize>>) -> Paragraphs {
        Paragraphs {
            starts,
            front_matter,
        }
    }
}

/// The paragraph whose span starts at `start`: the rest of its line
/// without trailing whitespace, and its words without Markdown marks.
fn paragraph_from(text: &str, start: usize) -> Paragraph {
    let rest = &text.as_bytes()[start..];
    let line_end = memchr::memchr2(b'\n', b'\r', rest).map_or(text.len(), |i| start + i);
    let end = start + text[start..line_end].trim_end_matches(is_space).len();
    let (content, md_heading) = strip_markdown(text, start..end);
    Paragraph {
        span: start..end,
        content,
        md_heading,
    }
}

/// Paragraph starts in groups of this many.
const GROUP: usize = 32;

/// Where each paragraph starts, about two bytes a paragraph: a group of
/// [`GROUP`] paragraphs keeps its first start, and each paragraph its
/// distance from it in a `u16`. A group whose paragraphs lie further apart
/// than that (64 KiB or more for 32 paragraphs, so rare and cheap) keeps
/// its starts whole in `wide`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Starts {
    groups: Vec<Group>,
    deltas: Vec<u16>,
    wide: Vec<u32>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Group {
    /// The group's first start.
    base: u32,
    /// Where the group's starts are in `wide`, or [`NARROW`].
    wide: u32,
}

/// A group whose starts are deltas.
const NARROW: u32 = u32::MAX;

/// A text offset as stored: reports are at most 256 MiB (a few times that
/// decoded), far below 4 GiB.
fn offset32(x: usize) -> u32 {
    debug_assert!(u32::try_from(x).is_ok(), "text offsets fit in u32");
    x as u32
}

impl Starts {
    /// Room for `n` starts, allocated once (a vector grown by doubling
    /// holds up to twice what it needs, and three times while it moves).
    pub fn with_capacity(n: usize) -> Starts {
        Starts {
            groups: Vec::with_capacity(n.div_ceil(GROUP)),
            deltas: Vec::with_capacity(n),
            wide: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.deltas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.deltas.is_empty()
    }

    /// Appends a start (after every start before it).
    pub fn push(&mut self, start: usize) {
        let start = offset32(start);
        let i = self.deltas.len();
        if i % GROUP == 0 {
            self.groups.push(Group {
                base: start,
                wide: NARROW,
            });
        }
        let Some(g) = self.groups.last_mut() else {
            return;
        };
        let delta = start - g.base;
        if g.wide == NARROW && delta > u32::from(u16::MAX) {
            // Too far apart: this group keeps whole starts from now on.
            let first = i - i % GROUP;
            let at = offset32(self.wide.len());
            let base = g.base;
            g.wide = at;
            self.wide
                .extend(self.deltas[first..i].iter().map(|&d| base + u32::from(d)));
        }
        if g.wide == NARROW {
            self.deltas.push(delta as u16);
        } else {
            self.deltas.push(0);
            self.wide.push(start);
        }
    }

    pub fn get(&self, i: usize) -> Option<usize> {
        let d = *self.deltas.get(i)?;
        let g = self.groups[i / GROUP];
        Some(if g.wide == NARROW {
            (g.base + u32::from(d)) as usize
        } else {
            self.wide[g.wide as usize + i % GROUP] as usize
        })
    }

    /// How many starts are at or before `offset`.
    pub fn partition_point(&self, offset: usize) -> usize {
        let groups = self.groups.partition_point(|g| g.base as usize <= offset);
        let Some(g) = groups.checked_sub(1) else {
            return 0;
        };
        let first = g * GROUP;
        let last = (first + GROUP).min(self.len());
        let within = (first..last)
            .position(|i| self.get(i).is_none_or(|s| s > offset))
            .unwrap_or(last - first);
        first + within
    }

    pub fn heap_bytes(&self) -> usize {
        self.groups.capacity() * size_of::<Group>()
            + self.deltas.capacity() * size_of::<u16>()
            + self.wide.capacity() * size_of::<u32>()
    }
}

/// Byte ranges of the lines of `text`, without their line terminators.
pub fn lines(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        match memchr::memchr2(b'\n', b'\r', &bytes[pos..]) {
            Some(i) => {
                let end = pos + i;
                pos = end + 1;
                if bytes[end] == b'\r' && bytes.get(pos) == Some(&b'\n') {
                    pos += 1;
                }
                Some(start..end)
            }
            None => {
                pos = bytes.len();
                Some(start..bytes.len())
            }
        }
    })
}

/// Whether `c` is indentation or padding.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let t = s.trim_start_matches(is_space).trim_end_matches(is_space);
    r.start + lead..r.start + lead + t.len()
}

fn is_thematic_break(s: &str) -> bool {
    let Some(mark) = s.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut count = 0;
    for c in s.chars() {
        if c == mark {
            count += 1;
        } else if !c.is_whitespace() {
            return false;
        }
    }
    count >= 3
}

/// Removes Markdown marks from a trimmed line, returning the content range
/// and the heading level.
fn strip_markdown(text: &str, span: Range<usize>) -> (Range<usize>, u8) {
    let mut r = span;
    let mut level = 0u8;
    // `> ` quote marks (a byline), possibly nested.
    while text[r.clone()].starts_with('>') {
        r = trim_range(text, r.start + 1..r.end);
    }
    // `#` headings: 1–6 marks followed by a space.
    let s = &text[r.clone()];
    let hashes = s.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && s[hashes..].starts_with(|c: char| c.is_whitespace()) {
        level = hashes as u8;
        r = trim_range(text, r.start + hashes..r.end);
        // Optional closing hashes.
        let s = &text[r.clone()];
        let t = s.trim_end_matches('#');
        if t.len() < s.len() && t.ends_with(|c: char| c.is_whitespace()) {
            r = trim_range(text, r.start..r.start + t.len());
        }
    }
    // Bold around the line or its start: `**一、总体要求**`.
    for mark in ["**", "__"] {
        if text[r.clone()].starts_with(mark) {
            r = trim_range(text, r.start + 2..r.end);
            if text[r.clone()].ends_with(mark) {
                r = trim_range(text, r.start..r.end - 2);
            }
        }
    }
    (r, level)
}

/// At least as many as `text` has paragraphs: its lines that start with
/// something other than a line break (one memchr pass).
fn most_paragraphs(text: &str) -> usize {
    let bytes = text.as_bytes();
    let starts_line = |i: usize| {
        bytes
            .get(i + 1)
            .is_some_and(|b| !matches!(b, b'\n' | b'\r'))
    };
    let first = usize::from(bytes.first().is_some_and(|b| !matches!(b, b'\n' | b'\r')));
    first
        + memchr::memchr2_iter(b'\n', b'\r', bytes)
            .filter(|&i| starts_line(i))
            .count()
}

/// Splits `text` into paragraphs.
pub fn split(text: &str) -> Paragraphs {
    let mut out = Paragraphs {
        starts: Starts::with_capacity(most_paragraphs(text)),
        front_matter: None,
    };
    let mut lines = lines(text).peekable();
    // YAML front matter: `---` on the first line, closed by `---` or `...`.
    if text.starts_with("---") {
        let first = lines.peek().cloned();
        if let Some(first) = first
            && text[first.clone()].trim_end() == "---"
        {
            let rest: Vec<Range<usize>> =
                super::paragraphs::lines(text).skip(1).take(200).collect();
            if let Some(close) = rest
                .iter()
                .position(|l| matches!(text[l.clone()].trim_end(), "---" | "..."))
            {
                let end = rest[close].end;
                out.front_matter = Some(0..end);
                for _ in 0..close + 2 {
                    lines.next();
                }
            }
        }
    }
    for line in lines {
        let span = trim_range(text, line);
        if span.is_empty() || is_thematic_break(&text[span.clone()]) {
            continue;
        }
        let (content, _) = strip_markdown(text, span.clone());
        if content.is_empty() {
            continue;
        }
        out.starts.push(span.start);
    }
    out
}

/// The `title:` of YAML front matter, if present.
pub fn front_matter_title(text: &str, fm: Range<usize>) -> Option<Range<usize>> {
    for line in lines(&text[fm.clone()]) {
        let l = &text[fm.start + line.start..fm.start + line.end];
        if let Some(v) = l.strip_prefix("title:") {
            let lead = l.len() - v.len();
            let v_trim = v.trim().trim_matches(|c| c == '"' || c == '\'');
            if v_trim.is_empty() {
                return None;
            }
            let off = v.find(v_trim)?;
            let start = fm.start + line.start + lead + off;
            return Some(start..start + v_trim.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contents(text: &str) -> Vec<&str> {
        split(text).iter(text).map(|p| &text[p.content]).collect()
    }

    #[test]
    fn line_endings_and_indents() {
        let t = "　　第一段\r\n\r\n  第二段\r第三段\n\n";
        assert_eq!(contents(t), ["第一段", "第二段", "第三段"]);
    }

    #[test]
    fn markdown_artefacts() {
        let t = "---\ntitle: 报告\n---\n# 政府工作报告\n> 李强\n\n**一、总体要求**\n***\n**（一）指导思想。**全面贯彻。";
        let p = split(t);
        assert_eq!(
            contents(t),
            [
                "政府工作报告",
                "李强",
                "一、总体要求",
                "（一）指导思想。**全面贯彻。"
            ]
        );
        assert_eq!(p.get(t, 0).unwrap().md_heading, 1);
        let fm = p.front_matter.clone().unwrap();
        assert_eq!(&t[front_matter_title(t, fm).unwrap()], "报告");
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        assert_eq!(contents("---\n正文"), ["正文"]);
    }

    #[test]
    fn a_paragraph_is_read_again_from_its_start() {
        let t = "  # 标题 #\r\n\n**一、总则**  \n正文。";
        let p = split(t);
        let all: Vec<Paragraph> = p.iter(t).collect();
        assert_eq!(all.len(), 3);
        assert_eq!(&t[all[0].span.clone()], "# 标题 #");
        assert_eq!(&t[all[0].content.clone()], "标题");
        assert_eq!(all[0].md_heading, 1);
        assert_eq!(&t[all[1].span.clone()], "**一、总则**");
        assert_eq!(&t[all[1].content.clone()], "一、总则");
        assert_eq!(&t[all[2].content.clone()], "正文。");
        assert_eq!(p.index_at(0), None);
        assert_eq!(p.index_at(all[1].span.start), Some(1));
        assert_eq!(p.index_at(all[1].span.start - 1), Some(0));
        assert_eq!(p.index_at(t.len()), Some(2));
    }

    /// The starts of paragraphs `gaps` bytes apart, through the table.
    fn round_trip(gaps: &[usize]) {
        let mut s = Starts::default();
        let mut at = 0;
        let mut all = Vec::new();
        for &g in gaps {
            at += g;
            s.push(at);
            all.push(at);
        }
        assert_eq!(s.len(), all.len());
        for (i, &a) in all.iter().enumerate() {
            assert_eq!(s.get(i), Some(a), "start {i}");
            assert_eq!(s.partition_point(a), i + 1);
            if a > 0 && (i == 0 || all[i - 1] < a - 1) {
                assert_eq!(s.partition_point(a - 1), i);
            }
        }
        assert_eq!(s.get(all.len()), None);
    }

    #[test]
    fn starts_are_two_bytes_a_paragraph_and_exact() {
        round_trip(&[2; 10_000]);
        let mut s = Starts::default();
        for i in 0..64_000 {
            s.push(2 * i);
        }
        assert!(s.heap_bytes() < 64_000 * 5 / 2, "{}", s.heap_bytes());
        // Groups spread wider than a u16 keep whole starts.
        round_trip(&[70_000, 1, 1, 70_000, 5, 100_000, 3]);
        let mut gaps = vec![1; 40];
        gaps[35] = 1 << 20;
        gaps[5] = 40_000;
        gaps[6] = 40_000;
        round_trip(&gaps);
    }

    proptest::proptest! {
        #[test]
        fn starts_keep_every_offset(gaps in proptest::collection::vec(
            proptest::prop_oneof![1usize..4, 1usize..100_000], 0..200)) {
            round_trip(&gaps);
        }
    }
}
