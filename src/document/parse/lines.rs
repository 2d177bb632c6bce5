//! Stage 1: what each paragraph looks like, on its own.
//!
//! A [`Line`] records the signals the later stages decide with: the block
//! marker it opens with, a `——` bullet, whether it is prose (it has a
//! sentence end, or is long) or a heading-only line, whether it could be an
//! unnumbered stand-alone heading (`序 言`, `结束语`, `附件1`), and whether it
//! announces a list (ends with a colon). Nothing here looks at neighbours.

use super::super::markers::{BlockMarker, BlockStyle, block_marker, bullet};
use super::super::paragraphs::{Paragraphs, is_space};

/// A heading-only line has at most this many characters (a `目录` entry, a
/// title, a heading without body).
pub const SHORT_CHARS: usize = 60;

/// A stand-alone heading has at most this many characters, spaces aside.
pub const STANDALONE_CHARS: usize = 20;

/// What a paragraph is to the tree walk, decided by [`super::roles`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    /// Head matter: part of the preamble.
    Head,
    /// In the contents list.
    Contents,
    /// Opens with a block marker (a heading if its series allows it).
    Marker,
    /// An unnumbered stand-alone heading.
    Standalone,
    /// A `——` bullet.
    Bullet,
    /// Anything else.
    #[default]
    Text,
}

/// A bare numbered label has at most this many characters, spaces aside.
pub const LABEL_CHARS: usize = 6;

/// The block marker a paragraph opens with, as the stages after this one
/// need it: its style, and whether it is the first of its series. (Its
/// ordinal and lengths are read again where they matter, by
/// [`block_marker`].)
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opens {
    pub style: BlockStyle,
    /// Its ordinal is 1.
    pub first: bool,
}

// One per paragraph: a report of one-letter lines has millions, so a
// paragraph's line is two bytes.
const _: () = assert!(size_of::<Line>() == 2);

/// What one paragraph looks like, packed in 16 bits: its role (3 bits),
/// four flags, its shape among short lines (2 bits: it announces, it is an
/// address, it is a heading of words and inner commas, or none of these,
/// which exclude each other by how they end), its `——` bullet mark (2
/// bits), the style of the block marker it opens with (4 bits, 0 for none)
/// and whether that marker is the first of its series.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub struct Line(u16);

const ROLE_BITS: u16 = 0b111;
const PROSE: u16 = 1 << 3;
const WORDS_ONLY: u16 = 1 << 4;
const PAGE_NUMBER: u16 = 1 << 5;
const NUMBERED_LABEL: u16 = 1 << 6;
const SHAPE_SHIFT: u16 = 7;
const ANNOUNCES: u16 = 1 << SHAPE_SHIFT;
const ADDRESS: u16 = 2 << SHAPE_SHIFT;
const CLAUSE_HEADING: u16 = 3 << SHAPE_SHIFT;
const SHAPE_BITS: u16 = 3 << SHAPE_SHIFT;
const BULLET_SHIFT: u16 = 9;
const STYLE_SHIFT: u16 = 11;
const FIRST: u16 = 1 << 15;

/// The bullet marks' lengths, by their 2-bit code (`--`, `——`).
const BULLET_LENS: [usize; 3] = [0, 2, 6];

/// The roles, by their 3-bit code.
const ROLES: [Role; 6] = [
    Role::Text,
    Role::Head,
    Role::Contents,
    Role::Marker,
    Role::Standalone,
    Role::Bullet,
];

impl Line {
    /// Its role, once [`super::roles::plan`] has decided it.
    pub fn role(self) -> Role {
        ROLES[usize::from(self.0 & ROLE_BITS)]
    }

    pub fn set_role(&mut self, role: Role) {
        let code = ROLES.iter().position(|&r| r == role).unwrap_or(0) as u16;
        self.0 = (self.0 & !ROLE_BITS) | code;
    }

    /// The block marker it opens with.
    pub fn marker(self) -> Option<Opens> {
        let code = usize::from((self.0 >> STYLE_SHIFT) & 0b1111);
        let style = *BlockStyle::ALL.get(code.checked_sub(1)?)?;
        Some(Opens {
            style,
            first: self.0 & FIRST != 0,
        })
    }

    /// The length of its `——` bullet mark, if it has one.
    pub fn bullet(self) -> Option<usize> {
        let len = BULLET_LENS[usize::from((self.0 >> BULLET_SHIFT) & 0b11)];
        (len > 0).then_some(len)
    }

    /// Body text: a sentence end somewhere, or longer than a heading.
    pub fn prose(self) -> bool {
        self.0 & PROSE != 0
    }

    /// A short line of words only (letters, digits, spaces, quotes), once a
    /// contents page number is set aside: a title line or an unnumbered
    /// heading.
    pub fn words_only(self) -> bool {
        self.0 & WORDS_ONLY != 0
    }

    /// Ends with a page number after dots or spaces (`... 2`, `………1`).
    pub fn page_number(self) -> bool {
        self.0 & PAGE_NUMBER != 0
    }

    /// A bare numbered label of words only (`附件1`, `附表 2`): the next line
    /// may be its title.
    pub fn numbered_label(self) -> bool {
        self.0 & NUMBERED_LABEL != 0
    }

    /// Ends with a colon: it announces what follows (`提三点希望：`).
    pub fn announces(self) -> bool {
        self.0 & SHAPE_BITS == ANNOUNCES
    }

    /// A stand-alone address to the audience: a few words and `！`
    /// (`各位代表！`, `同志们！`).
    pub fn address(self) -> bool {
        self.0 & SHAPE_BITS == ADDRESS
    }

    /// A line that could head a part of a report without numbers: at most
    /// [`CLAUSE_HEADING_CHARS`] characters of words, quotes and commas
    /// inside, no sentence end (`加大宏观政策实施力度，着力稳企业保就业`).
    pub fn clause_heading(self) -> bool {
        self.0 & SHAPE_BITS == CLAUSE_HEADING
    }

    fn new(marker: Option<BlockMarker>, bullet_len: usize, flags: u16) -> Line {
        let bullet = BULLET_LENS
            .iter()
            .position(|&l| l == bullet_len)
            .unwrap_or(0) as u16;
        let (style, first) = marker.map_or((0, 0), |m| {
            let first = if m.ordinal == 1 { FIRST } else { 0 };
            (m.style.index() as u16 + 1, first)
        });
        Line(flags | bullet << BULLET_SHIFT | style << STYLE_SHIFT | first)
    }
}

impl std::fmt::Debug for Line {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Line")
            .field("role", &self.role())
            .field("marker", &self.marker())
            .field("bullet", &self.bullet())
            .field("prose", &self.prose())
            .field("words_only", &self.words_only())
            .field("page_number", &self.page_number())
            .field("numbered_label", &self.numbered_label())
            .field("announces", &self.announces())
            .field("address", &self.address())
            .field("clause_heading", &self.clause_heading())
            .finish()
    }
}

/// An address line has at most this many characters before its `！`.
pub const ADDRESS_CHARS: usize = 8;

/// A heading of words and inner commas has at most this many characters,
/// spaces aside: two clauses of a part's heading.
pub const CLAUSE_HEADING_CHARS: usize = 28;

/// Characters that end a sentence.
fn sentence_end(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?')
}

/// Characters a stand-alone heading may hold besides letters and digits.
fn heading_punctuation(c: char) -> bool {
    is_space(c) || matches!(c, '“' | '”' | '"' | '《' | '》' | '·')
}

/// `s` without a trailing contents page number (`序 言... 1` → `序 言`),
/// and whether there was one: digits after dot leaders or spaces.
pub fn strip_page_number(s: &str) -> (&str, bool) {
    let t = s.trim_end_matches(is_space);
    let digits = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.len() == t.len() {
        return (s, false);
    }
    let body = digits.trim_end_matches(|c: char| {
        is_space(c) || matches!(c, '.' | '…' | '·' | '．' | '-' | '—' | '_')
    });
    if body.len() == digits.len() || body.is_empty() {
        (s, false)
    } else {
        (body, true)
    }
}

/// `各位代表！`, `同志们！`: a few words and one closing `！`.
fn is_address(s: &str) -> bool {
    let Some(body) = s.strip_suffix(['！', '!']) else {
        return false;
    };
    !body.is_empty()
        && body.chars().nth(ADDRESS_CHARS).is_none()
        && !body
            .chars()
            .any(|c| sentence_end(c) || matches!(c, '：' | ':'))
}

/// A heading of one or more clauses: words, quotes and commas between
/// them (not first nor last), at most [`CLAUSE_HEADING_CHARS`] characters.
fn is_clause_heading(s: &str) -> bool {
    let comma = |c: char| matches!(c, '，' | ',' | '、');
    let words = s.chars().filter(|&c| !is_space(c)).count();
    (1..=CLAUSE_HEADING_CHARS).contains(&words)
        && !s.starts_with(comma)
        && !s.ends_with(comma)
        && s.chars()
            .all(|c| c.is_alphanumeric() || heading_punctuation(c) || comma(c))
}

/// The shape code of a short line: it announces, it is an address, it is
/// a clause heading, or none (these exclude each other).
fn shape(s: &str) -> u16 {
    if s.ends_with(['：', ':']) {
        ANNOUNCES
    } else if is_address(s) {
        ADDRESS
    } else if is_clause_heading(s) {
        CLAUSE_HEADING
    } else {
        0
    }
}

/// The byte length of an address that opens `s` as a sentence of its own
/// (`同志们！新征程…` → `同志们！`), spaces after it included; 0 if none.
/// An address is never a title: the title is what follows it.
pub fn leading_address_len(s: &str) -> usize {
    // Only the first few characters can hold an address: the search is
    // bounded, whatever the paragraph's length.
    let head = s
        .char_indices()
        .nth(ADDRESS_CHARS + 1)
        .map_or(s, |(i, _)| &s[..i]);
    let Some(k) = head.find(['！', '!']) else {
        return 0;
    };
    let bang = s[k..].chars().next().map_or(0, char::len_utf8);
    if !is_address(&s[..k + bang]) {
        return 0;
    }
    let rest = &s[k + bang..];
    s.len() - rest.trim_start_matches(is_space).len()
}

/// A field label has at most this many characters (`来源`, `发布时间`).
const FIELD_LABEL_CHARS: usize = 6;

/// A field line of a page copied from the web (`来源：新华社`,
/// `时间：2024-03-05`, `相关报道：`, `【字号：大 中 小】`): a short label and a
/// colon. Never a title (nor is a salutation, `同志们：`, which reads the
/// same).
pub fn is_field(s: &str) -> bool {
    let inner = s
        .strip_prefix('【')
        .and_then(|r| r.strip_suffix('】'))
        .unwrap_or(s);
    inner.find(['：', ':']).is_some_and(|k| {
        let label = &inner[..k];
        !label.is_empty()
            && label.chars().nth(FIELD_LABEL_CHARS).is_none()
            && label.chars().all(char::is_alphabetic)
    })
}

/// A button word of a web page (`打印`, `下载`, `关闭`): one or two letters.
pub fn is_button(s: &str) -> bool {
    s.chars().count() <= 2 && s.chars().all(char::is_alphabetic)
}

/// The [`Line`] of one paragraph's words.
pub fn classify(s: &str) -> Line {
    let marker = block_marker(s);
    let bullet_len = bullet(s).unwrap_or(0);
    // A long paragraph is prose without reading it all.
    let long = s.len() > SHORT_CHARS * 4 || s.chars().nth(SHORT_CHARS).is_some();
    if long {
        return Line::new(marker, bullet_len, PROSE);
    }
    let (body, page_number) = strip_page_number(s);
    let words = body.chars().filter(|&c| !is_space(c)).count();
    let words_only = words <= STANDALONE_CHARS
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || heading_punctuation(c));
    let numbered_label = words_only
        && s.chars().filter(|&c| !is_space(c)).count() <= LABEL_CHARS
        && s.ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let flag = |on: bool, bit: u16| if on { bit } else { 0 };
    let flags = flag(s.chars().any(sentence_end), PROSE)
        | flag(words_only, WORDS_ONLY)
        | flag(page_number, PAGE_NUMBER)
        | flag(numbered_label, NUMBERED_LABEL)
        | shape(s);
    Line::new(marker, bullet_len, flags)
}

/// The [`Line`] of every paragraph.
pub fn classify_all(text: &str, paras: &Paragraphs) -> Vec<Line> {
    let mut lines = Vec::with_capacity(paras.len());
    lines.extend(paras.iter(text).map(|p| classify(&text[p.content])));
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert_eq!(strip_page_number("序 言... 1"), ("序 言", true));
        assert_eq!(strip_page_number("第一章 总则………12"), ("第一章 总则", true));
        assert_eq!(strip_page_number("第一章 总则 3"), ("第一章 总则", true));
        assert_eq!(strip_page_number("附件1"), ("附件1", false));
        assert_eq!(strip_page_number("2023"), ("2023", false));
        assert_eq!(strip_page_number("... 2"), ("... 2", false));
    }

    #[test]
    fn web_furniture() {
        for s in [
            "来源：新华社",
            "时间：2024-03-05 10:00",
            "相关报道：",
            "【字号：大 中 小】",
            "同志们：",
        ] {
            assert!(is_field(s), "{s}");
        }
        for s in [
            "政府工作报告",
            "附件1",
            "今年发展主要预期目标是：国内生产总值增长5%左右",
            "【重点任务1】",
        ] {
            assert!(!is_field(s), "{s}");
        }
        assert!(is_button("打印") && is_button("下载"));
        assert!(!is_button("附件1") && !is_button("政府工作报告"));
    }

    #[test]
    fn kinds_of_lines() {
        let l = classify("序 言");
        assert!(l.words_only() && !l.prose() && l.marker().is_none());
        let l = classify("实 施... 18");
        assert!(l.words_only() && l.page_number());
        assert!(classify("附件1").words_only() && classify("附件1").numbered_label());
        assert!(classify("附表 2").numbered_label());
        assert!(!classify("专栏1 主要指标").numbered_label());
        assert!(!classify("序 言").numbered_label());
        assert!(classify("弘 扬“四气” 提 振 精 神").words_only());
        let l = classify("百年大计，教育为本。");
        assert!(l.prose() && !l.words_only());
        let l = classify("同志们：");
        assert!(!l.prose() && !l.words_only() && l.announces());
        assert!(classify("各位代表！").address());
        assert!(classify("各位代表、同志们！").address());
        assert!(!classify("今年发展主要预期目标是：").address());
        assert!(!classify("这是一个最好的时代，也是一个最坏的时代！").address());
        assert!(!classify("同志们！征程万里。").address());
        assert_eq!(leading_address_len("同志们！征程万里。"), "同志们！".len());
        assert_eq!(
            leading_address_len("各位代表、同志们! 今年"),
            "各位代表、同志们! ".len()
        );
        assert_eq!(leading_address_len("总体要求：坚持！"), 0);
        assert_eq!(leading_address_len("这是一个最好的时代，也是！"), 0);
        let l = classify("（2010年2月22日）");
        assert!(!l.prose() && !l.words_only() && l.marker().is_none());
        let l = classify("——在市政府八届五次全体会议上的讲话");
        assert!(l.bullet().is_some() && !l.prose() && !l.words_only());
        assert!(classify(&"字".repeat(61)).prose());
        let l = classify("加大宏观政策实施力度，着力稳企业保就业");
        assert!(l.clause_heading() && !l.words_only() && !l.prose());
        assert!(classify("序 言").clause_heading());
        assert!(!classify("同胞们，朋友们：").clause_heading());
        assert!(!classify("一是加强，").clause_heading());
        assert!(!classify("各位代表！").clause_heading());
        assert!(!classify(&"字".repeat(29)).clause_heading());
        assert!(!classify(&"字".repeat(21)).words_only());
        let l = classify("第一章 指导思想和工作方针... 2");
        assert!(l.marker().is_some() && l.page_number() && !l.prose());
    }
}
