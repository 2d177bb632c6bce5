//! Recognising outline markers in a paragraph's words.
//!
//! Block markers open a paragraph (`第一篇`, `第一部分`, `第一章`, `第一条`, `一、`,
//! `（一）` or `(十 八)`, `【重点任务1】`, `1.`, `（1）`, `①`, the speech-style
//! `第一,`); inline markers open a sentence anywhere in
//! a paragraph (`一是`, `一方面`, `一手抓`, `首先`, `其一`). This module only
//! says what a marker *could* be; whether it really is one (ordinals in
//! sequence, pairs closed) is decided by the parser.

use super::numerals::{parse_any_ordinal, parse_arabic, parse_circled, parse_cn_ordinal};

/// The family of a paragraph-opening marker. Order is rank: earlier
/// families hold later ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BlockStyle {
    /// `第一篇`
    Pian,
    /// `第一部分` (a level like 篇; below it where both occur)
    Part,
    /// `第一章`
    Zhang,
    /// `第一节`
    Jie,
    /// `第一条`, the article of a regulation
    Tiao,
    /// `一、`
    CnComma,
    /// `（一）` or `(一)`, spaces inside allowed (`(十 八)`)
    CnParen,
    /// A bracket label with a number: `【重点任务1】`
    Bracket,
    /// `1.` `1、` `１．`
    Arabic,
    /// `（1）` or `(1)`
    ArabicParen,
    /// `①`
    Circled,
    /// Speech-style `第一,` (a section under a theme).
    Di,
}

impl BlockStyle {
    /// Nesting rank: a marker closes every open block of equal or greater rank.
    pub fn rank(self) -> u8 {
        match self {
            BlockStyle::Pian => 1,
            BlockStyle::Part => 2,
            BlockStyle::Zhang => 3,
            BlockStyle::Jie => 4,
            BlockStyle::Tiao => 5,
            BlockStyle::CnComma => 6,
            BlockStyle::CnParen => 7,
            BlockStyle::Bracket => 8,
            BlockStyle::Arabic => 9,
            BlockStyle::ArabicParen => 10,
            BlockStyle::Circled => 11,
            // A theme has rank 12, its sections 13.
            BlockStyle::Di => 13,
        }
    }

    /// Every style, in rank order (for tables indexed by style).
    pub const ALL: [BlockStyle; 12] = [
        BlockStyle::Pian,
        BlockStyle::Part,
        BlockStyle::Zhang,
        BlockStyle::Jie,
        BlockStyle::Tiao,
        BlockStyle::CnComma,
        BlockStyle::CnParen,
        BlockStyle::Bracket,
        BlockStyle::Arabic,
        BlockStyle::ArabicParen,
        BlockStyle::Circled,
        BlockStyle::Di,
    ];

    /// Position in [`BlockStyle::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Rank of an unmarked theme paragraph.
pub const THEME_RANK: u8 = 12;

/// A marker found at the start of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockMarker {
    pub style: BlockStyle,
    pub ordinal: u32,
    /// Length in bytes of the marker as written (`第一`, `一、`, `（一）`).
    len: u32,
    /// Bytes from the start to the title (marker plus separators).
    title_start: u32,
}

impl BlockMarker {
    /// Length in bytes of the marker as written (`第一`, `一、`, `（一）`).
    pub fn marker_len(&self) -> usize {
        self.len as usize
    }

    /// Bytes from the start to the title (marker plus separators).
    pub fn title_start(&self) -> usize {
        self.title_start as usize
    }
}

fn starts_with_any(s: &str, set: &[char]) -> Option<usize> {
    let c = s.chars().next()?;
    set.contains(&c).then_some(c.len_utf8())
}

const OPEN_PAREN: [char; 2] = ['（', '('];
const CLOSE_PAREN: [char; 2] = ['）', ')'];
/// Separators between a speech-style `第一` and its title.
const DI_SEP: [char; 5] = [',', '，', '、', ':', '：'];

/// Skips separators and spaces between a marker and its title.
pub fn skip_separators(s: &str, from: usize) -> usize {
    let rest = &s[from..];
    let t = rest.trim_start_matches(|c: char| {
        // `*`: Markdown bold around a marker (`**另一方面**，提升服务`).
        c.is_whitespace() || matches!(c, ',' | '，' | '、' | ':' | '：' | '.' | '．' | '*')
    });
    from + rest.len() - t.len()
}

/// Whether a `第X章` heading is really a heading: followed by a space, a
/// colon, nothing, or a short line without a full stop.
fn chapter_like(s: &str, after: usize) -> bool {
    let rest = &s[after..];
    rest.is_empty()
        || rest.starts_with(|c: char| c.is_whitespace() || matches!(c, ':' | '：' | '　'))
        || (s.chars().count() <= 40 && !s.contains('。'))
}

fn cn_digit_or_ten(c: char) -> bool {
    super::numerals::cn_digit(c).is_some() || matches!(c, '十' | '百')
}

/// A number closed by one of `close` at the start of `s`, spaces allowed
/// inside (`十 八)`, ` 3 )`): the style it implies (Chinese or Arabic), its
/// value and the bytes used, the closing bracket included.
fn bracketed(s: &str, close: &[char]) -> Option<(BlockStyle, u32, usize)> {
    // A number in brackets is short: look no further than a few characters.
    let end = s
        .char_indices()
        .take(8)
        .find(|&(_, c)| close.contains(&c))?
        .0;
    let inner = &s[..end];
    let digits: String = inner.chars().filter(|&c| !c.is_whitespace()).collect();
    let (style, (n, used)) = match parse_cn_ordinal(&digits) {
        Some(v) => (BlockStyle::CnParen, v),
        None => (BlockStyle::ArabicParen, parse_arabic(&digits)?),
    };
    let close_len = s[end..].chars().next().map_or(0, char::len_utf8);
    (used == digits.len()).then_some((style, n, end + close_len))
}

/// The block marker at the start of `s` (a paragraph's content), if any.
pub fn block_marker(s: &str) -> Option<BlockMarker> {
    // Reports are at most 256 MiB, so offsets within a paragraph fit in u32.
    let mk = |style, ordinal, len: usize, s: &str| {
        Some(BlockMarker {
            style,
            ordinal,
            len: u32::try_from(len).ok()?,
            title_start: u32::try_from(skip_separators(s, len)).ok()?,
        })
    };
    if let Some(rest) = s.strip_prefix('第') {
        let (n, used) = parse_any_ordinal(rest)?;
        let after = '第'.len_utf8() + used;
        let tail = &s[after..];
        let unit = [
            ("篇", BlockStyle::Pian),
            ("部分", BlockStyle::Part),
            ("章", BlockStyle::Zhang),
            ("节", BlockStyle::Jie),
            ("条", BlockStyle::Tiao),
        ]
        .into_iter()
        .find(|(u, _)| tail.starts_with(u));
        if let Some((unit, style)) = unit {
            let len = after + unit.len();
            return chapter_like(s, len).then(|| mk(style, n, len, s)).flatten();
        }
        // Speech style: `第一,` — Chinese numerals only (`第1,` is rare and
        // usually a list of counts).
        parse_cn_ordinal(rest)?;
        starts_with_any(tail, &DI_SEP)?;
        return mk(BlockStyle::Di, n, after, s);
    }
    if let Some(open) = starts_with_any(s, &OPEN_PAREN) {
        let (style, n, len) = bracketed(&s[open..], &CLOSE_PAREN)?;
        return mk(style, n, open + len, s);
    }
    if let Some(rest) = s.strip_prefix('【') {
        // A label of a few letters, then its number: `【重点任务1】`.
        let label = rest
            .char_indices()
            .take(9)
            .find(|&(_, c)| !c.is_alphabetic() || cn_digit_or_ten(c))
            .map_or(0, |(i, _)| i);
        let (_, n, len) = bracketed(&rest[label..], &['】'])?;
        return mk(BlockStyle::Bracket, n, '【'.len_utf8() + label + len, s);
    }
    if let Some((n, used)) = parse_circled(s) {
        return mk(BlockStyle::Circled, n, used, s);
    }
    if let Some((n, used)) = parse_cn_ordinal(s) {
        let sep = starts_with_any(&s[used..], &['、'])?;
        return mk(BlockStyle::CnComma, n, used + sep, s);
    }
    if let Some((n, used)) = parse_arabic(s) {
        let sep = starts_with_any(&s[used..], &['.', '．', '、'])?;
        let next = s[used + sep..].chars().next();
        // `1.3万亿斤` is a number, not a marker.
        if next.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
            return None;
        }
        return mk(BlockStyle::Arabic, n, used + sep, s);
    }
    None
}

/// Length of a `——` bullet mark at the start of `s`.
pub fn bullet(s: &str) -> Option<usize> {
    if s.starts_with("——") {
        Some("——".len())
    } else if s.starts_with("--") && !s.starts_with("---") {
        Some(2)
    } else {
        None
    }
}

/// The family of a sentence-opening marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InlineStyle {
    /// `一是` `二是` …
    Shi,
    /// `一方面` … `另一方面`
    OneHand,
    /// `一手抓` … `一手抓`
    Grasp,
    /// `首先` `其次` `再次` `最后`
    Sequence,
    /// `其一` `其二` …
    Qi,
    /// `一要` `二要` …: an ordinal series of 要 opening sentences, the same
    /// signal as `一是` (a first `一要` needs its `二要` to follow).
    Yao,
}

/// A marker found at a sentence start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InlineMarker {
    pub style: InlineStyle,
    /// Position in its series (`三是` → 3, `另一方面` → 2). For `一手抓` both
    /// halves read 1; the parser numbers them.
    pub ordinal: u32,
    pub len: usize,
}

/// The inline marker at the start of `s`, if any.
pub fn inline_marker(s: &str) -> Option<InlineMarker> {
    let m = |style, ordinal, len| {
        Some(InlineMarker {
            style,
            ordinal,
            len,
        })
    };
    if s.starts_with("一方面") {
        return m(InlineStyle::OneHand, 1, "一方面".len());
    }
    if s.starts_with("一手抓") {
        return m(InlineStyle::Grasp, 1, "一手抓".len());
    }
    if s.starts_with("另一方面") {
        return m(InlineStyle::OneHand, 2, "另一方面".len());
    }
    for (i, w) in ["首先", "其次", "再次", "最后"].iter().enumerate() {
        if s.starts_with(w) {
            return m(InlineStyle::Sequence, i as u32 + 1, w.len());
        }
    }
    if let Some(rest) = s.strip_prefix("其")
        && let Some((n, used)) = parse_cn_ordinal(rest)
        && rest[used..].starts_with([',', '，', '是', ':', '：'])
    {
        return m(InlineStyle::Qi, n, '其'.len_utf8() + used);
    }
    let (n, used) = parse_cn_ordinal(s)?;
    let after = s[used..].chars().next()?;
    let style = match after {
        '是' => InlineStyle::Shi,
        '要' => InlineStyle::Yao,
        _ => return None,
    };
    m(style, n, used + after.len_utf8())
}

/// Characters after which a new sentence starts.
pub fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '：' | ':')
}

pub use super::title::title_end;

#[cfg(test)]
mod tests {
    use super::*;

    fn style(s: &str) -> Option<(BlockStyle, u32, &str)> {
        block_marker(s).map(|m| (m.style, m.ordinal, &s[..m.marker_len()]))
    }

    #[test]
    fn formal_markers() {
        assert_eq!(style("第一篇 总论"), Some((BlockStyle::Pian, 1, "第一篇")));
        assert_eq!(
            style("第十二章　附则"),
            Some((BlockStyle::Zhang, 12, "第十二章"))
        );
        assert_eq!(style("第3节"), Some((BlockStyle::Jie, 3, "第3节")));
        assert_eq!(
            style("第十二条　本办法自发布之日起施行。"),
            Some((BlockStyle::Tiao, 12, "第十二条"))
        );
        assert_eq!(
            style("一、总体要求"),
            Some((BlockStyle::CnComma, 1, "一、"))
        );
        assert_eq!(
            style("十二、加强党的领导"),
            Some((BlockStyle::CnComma, 12, "十二、"))
        );
        assert_eq!(
            style("（一）指导思想。"),
            Some((BlockStyle::CnParen, 1, "（一）"))
        );
        assert_eq!(style("(三)方法"), Some((BlockStyle::CnParen, 3, "(三)")));
        assert_eq!(style("1.背景"), Some((BlockStyle::Arabic, 1, "1.")));
        assert_eq!(style("2、背景"), Some((BlockStyle::Arabic, 2, "2、")));
        assert_eq!(style("１．背景"), Some((BlockStyle::Arabic, 1, "１．")));
        assert_eq!(
            style("（1）细则"),
            Some((BlockStyle::ArabicParen, 1, "（1）"))
        );
        assert_eq!(style("②细则"), Some((BlockStyle::Circled, 2, "②")));
        assert_eq!(style("第一,重点行业"), Some((BlockStyle::Di, 1, "第一")));
        assert_eq!(
            style("第二十一：结语"),
            Some((BlockStyle::Di, 21, "第二十一"))
        );
    }

    #[test]
    fn block_false_friends() {
        for s in [
            "第一书记要驻村。",
            "第一责任人",
            "第一线",
            "第一个阶段",
            "第一条地铁线路于1993年开通。",
            "第七届人民代表大会",
            "1.3万亿斤以上",
            "一村一品",
            "一企一策",
            "两个毫不动摇",
            "第一章节的内容很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长。",
        ] {
            assert_eq!(block_marker(s), None, "{s}");
        }
    }

    #[test]
    fn inline_markers() {
        let i = |s| inline_marker(s).map(|m| (m.style, m.ordinal, m.len));
        assert_eq!(i("一是发挥"), Some((InlineStyle::Shi, 1, 6)));
        assert_eq!(i("十二是"), Some((InlineStyle::Shi, 12, 9)));
        assert_eq!(i("另一方面做大"), Some((InlineStyle::OneHand, 2, 12)));
        assert_eq!(i("一手抓建设"), Some((InlineStyle::Grasp, 1, 9)));
        assert_eq!(i("其次,"), Some((InlineStyle::Sequence, 2, 6)));
        assert_eq!(i("其二，"), Some((InlineStyle::Qi, 2, 6)));
        assert_eq!(i("其中"), None);
        assert_eq!(i("二要打造"), Some((InlineStyle::Yao, 2, 6)));
        assert_eq!(i("一企一策"), None);
    }

    #[test]
    fn titles() {
        let s = "第一,重点行业稳定支撑。工业";
        let m = block_marker(s).unwrap();
        assert_eq!(
            &s[m.title_start()..title_end(s, m.title_start())],
            "重点行业稳定支撑"
        );
        let s = "（一）指导思想。**全面";
        let m = block_marker(s).unwrap();
        assert_eq!(
            &s[m.title_start()..title_end(s, m.title_start())],
            "指导思想"
        );
        let s = "一、2023年工作回顾";
        let m = block_marker(s).unwrap();
        assert_eq!(
            &s[m.title_start()..title_end(s, m.title_start())],
            "2023年工作回顾"
        );
    }
}
