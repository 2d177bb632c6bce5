//! What the library lists about a report, read from its text: its title,
//! the year it is from, its kind (work report, plan, speech…), and
//! whether it is a Chinese report at all.
//!
//! # Kind
//! A Chinese official document names its genre (文种) with the last words
//! of its title (GB/T 9704): `…的意见`, `…规划纲要`, `在…会议上的讲话`,
//! `关于印发《…》的通知` (a notice, whatever it carries). So the kind is the
//! genre word that ends the title, once trailing brackets (`（试行）`,
//! `(2010-2020年)`), quotes and punctuation are set aside; else the one
//! ending a subtitle line of the head (`——在市政府全体会议上的讲话`). Where
//! neither names one, the shape of the text decides: a short line in the
//! head that addresses people (`同志们：`, `各位代表：`) makes a speech, and
//! articles (`第一条`…, three or more) a regulation. Otherwise the kind is
//! unknown.
//!
//! # Year
//! The year the report is delivered in as the targets read it
//! ([`crate::targets::report_year`]: a date in the opening lines, a year
//! in the title, a heading that reviews or plans a year…); else, for a
//! plan, the first year of the period its head names (`(2010-2020年)`: a
//! plan is issued as its period starts). A year in the file's name is the
//! library's last resort, applied when listing ([`name_year`]): it is not
//! the text's, so it is never cached with it.
//!
//! # Report or not
//! In a directory, a `.txt` or `.md` file is listed only if it reads as a
//! Chinese report: Han characters are at least half of the letters of its
//! first 8 KiB ([`is_chinese`]), so a `README.md` or a licence beside the
//! reports is skipped.

use crate::document::{Document, NodeKind};

/// The genre of a report, as far as its text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReportKind {
    /// 政府工作报告 and other 工作报告.
    WorkReport,
    /// Other reports (`关于…执行情况的报告`, 公报).
    Report,
    /// 规划, 纲要, 计划, 方案, 要点.
    Plan,
    /// 讲话, 致辞, 发言.
    Speech,
    /// 意见.
    Opinions,
    /// 通知, 通告, 公告, 通报.
    Notice,
    /// 条例, 办法, 规定, 细则, 规则, 章程, 准则.
    Regulation,
    /// 决定, 决议.
    Decision,
}

impl ReportKind {
    /// Every kind, in the order above.
    pub const ALL: [ReportKind; 8] = [
        ReportKind::WorkReport,
        ReportKind::Report,
        ReportKind::Plan,
        ReportKind::Speech,
        ReportKind::Opinions,
        ReportKind::Notice,
        ReportKind::Regulation,
        ReportKind::Decision,
    ];

    /// The name in scripted output (`work-report`, `plan`…).
    pub fn as_str(self) -> &'static str {
        match self {
            ReportKind::WorkReport => "work-report",
            ReportKind::Report => "report",
            ReportKind::Plan => "plan",
            ReportKind::Speech => "speech",
            ReportKind::Opinions => "opinions",
            ReportKind::Notice => "notice",
            ReportKind::Regulation => "regulation",
            ReportKind::Decision => "decision",
        }
    }

    /// The Chinese name, for a reader's list (`工作报告`, `规划`…).
    pub fn label(self) -> &'static str {
        match self {
            ReportKind::WorkReport => "工作报告",
            ReportKind::Report => "报告",
            ReportKind::Plan => "规划",
            ReportKind::Speech => "讲话",
            ReportKind::Opinions => "意见",
            ReportKind::Notice => "通知",
            ReportKind::Regulation => "条例",
            ReportKind::Decision => "决定",
        }
    }
}

/// Genre words (文种) and their kinds; the longest one ending a title wins
/// (`工作报告` over `报告`).
const GENRES: &[(&str, ReportKind)] = &[
    ("工作报告", ReportKind::WorkReport),
    ("报告", ReportKind::Report),
    ("公报", ReportKind::Report),
    ("规划", ReportKind::Plan),
    ("纲要", ReportKind::Plan),
    ("计划", ReportKind::Plan),
    ("方案", ReportKind::Plan),
    ("要点", ReportKind::Plan),
    ("讲话", ReportKind::Speech),
    ("致辞", ReportKind::Speech),
    ("发言", ReportKind::Speech),
    ("讲稿", ReportKind::Speech),
    ("演讲", ReportKind::Speech),
    ("意见", ReportKind::Opinions),
    ("通知", ReportKind::Notice),
    ("通告", ReportKind::Notice),
    ("公告", ReportKind::Notice),
    ("通报", ReportKind::Notice),
    ("条例", ReportKind::Regulation),
    ("办法", ReportKind::Regulation),
    ("规定", ReportKind::Regulation),
    ("细则", ReportKind::Regulation),
    ("规则", ReportKind::Regulation),
    ("章程", ReportKind::Regulation),
    ("准则", ReportKind::Regulation),
    ("决定", ReportKind::Decision),
    ("决议", ReportKind::Decision),
];

/// The most paragraphs read as the head (title lines, subtitle, author,
/// date, salutation).
const HEAD_PARAGRAPHS: usize = 8;

/// A head line longer than this (in characters) is prose, not a title,
/// subtitle or address.
const HEAD_LINE_CHARS: usize = 80;

/// An address line (`各位代表、各位委员：`) has at most this many characters.
const ADDRESS_CHARS: usize = 16;

/// Articles (`第一条`) that make a text a regulation.
const MIN_ARTICLES: usize = 3;

/// How much of a text [`is_chinese`] reads.
const SAMPLE_BYTES: usize = 8 * 1024;

/// What the library knows of a report from its text alone (so it may be
/// cached by the text's hash).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    /// The title as every view shows it (empty when the text has none).
    pub title: String,
    /// The year, where the text says it.
    pub year: Option<i32>,
    pub kind: Option<ReportKind>,
    /// Whether it reads as a Chinese report ([`is_chinese`]).
    pub chinese: bool,
}

impl Meta {
    /// Reads a parsed report.
    pub fn read(doc: &Document) -> Meta {
        Meta {
            title: doc.display_report_title().into_owned(),
            year: text_year(doc),
            kind: kind(doc),
            chinese: is_chinese(&doc.text),
        }
    }
}

/// The head's paragraphs (title lines, subtitle, author, date, address):
/// those of the preamble, or, in a report the parser finds no preamble in,
/// the short lines before the first prose or heading; the first paragraph
/// always, at most [`HEAD_PARAGRAPHS`].
fn head(doc: &Document) -> impl Iterator<Item = &str> {
    let preamble_end = doc
        .outline
        .roots()
        .next()
        .filter(|&r| doc.outline.kind(r) == NodeKind::Preamble)
        .map(|r| doc.outline.span(r).end);
    let in_head = move |p: &crate::document::Paragraph| match preamble_end {
        Some(end) => p.content.start < end,
        None => {
            let text = &doc.text[p.content.clone()];
            let structure = doc
                .outline
                .node_at(p.content.start)
                .is_some_and(|id| doc.outline.kind(id) != NodeKind::Paragraph);
            !structure && text.chars().count() <= HEAD_LINE_CHARS
        }
    };
    doc.paragraphs()
        .take(HEAD_PARAGRAPHS)
        .enumerate()
        .take_while(move |(i, p)| *i == 0 || in_head(p))
        .map(|(_, p)| &doc.text[p.content.clone()])
}

/// The report's kind (see the module docs).
pub fn kind(doc: &Document) -> Option<ReportKind> {
    if let Some(k) = genre(doc.title()) {
        return Some(k);
    }
    let short = |s: &&str| s.chars().count() <= HEAD_LINE_CHARS;
    let subtitle = head(doc).filter(short).find_map(|p| {
        let at = p.find('—')?;
        genre(&p[at..])
    });
    if subtitle.is_some() {
        return subtitle;
    }
    if head(doc).any(is_address) {
        return Some(ReportKind::Speech);
    }
    let articles = (0..doc.outline.len())
        .filter_map(|id| doc.node_marker(id))
        .filter(|m| is_article(m))
        .count();
    (articles >= MIN_ARTICLES).then_some(ReportKind::Regulation)
}

/// The genre word ending `title`, after trailing brackets, quotes,
/// punctuation and spaces.
pub fn genre(title: &str) -> Option<ReportKind> {
    let end = strip_tail(title);
    GENRES
        .iter()
        .filter(|(w, _)| end.ends_with(w))
        .max_by_key(|(w, _)| w.len())
        .map(|&(_, k)| k)
}

/// `title` without what may follow its genre word: bracketed groups
/// (`（试行）`, `(2010-2020年)`), closing quotes, punctuation and spaces.
fn strip_tail(title: &str) -> &str {
    let mut s = title;
    // Each round removes at least one character.
    loop {
        let t = s.trim_end_matches(|c: char| {
            c.is_whitespace() || "。.!！》〉”’\"'*".contains(c) || c == '\u{3000}'
        });
        let t = match t.chars().next_back() {
            Some(close @ ('）' | ')' | '】' | '〕' | ']')) => {
                let open = match close {
                    '）' => ['（', '('],
                    ')' => ['(', '（'],
                    '】' => ['【', '【'],
                    '〕' => ['〔', '〔'],
                    _ => ['[', '['],
                };
                match t.rfind(open) {
                    Some(i) => &t[..i],
                    None => t,
                }
            }
            _ => t,
        };
        if t.len() == s.len() {
            return s;
        }
        s = t;
    }
}

/// A short head line that addresses an audience: `同志们：`, `各位代表：`,
/// `尊敬的各位来宾：`: people named in the plural (`…们`) or as `各位…`,
/// `尊敬的…`, `亲爱的…`, before a colon.
fn is_address(p: &str) -> bool {
    let p = p.trim();
    let Some(who) = p.strip_suffix('：').or_else(|| p.strip_suffix(':')) else {
        return false;
    };
    let people = who.ends_with('们')
        || ["各位", "尊敬的", "亲爱的"]
            .iter()
            .any(|w| who.starts_with(w));
    people && p.chars().count() <= ADDRESS_CHARS && !p.contains(['，', ',', '。'])
}

/// A regulation's article marker: `第一条`, `第12条`.
fn is_article(marker: &str) -> bool {
    let m: String = marker.chars().filter(|c| !c.is_whitespace()).collect();
    m.starts_with('第') && m.ends_with('条') && m.chars().count() >= 3
}

/// The year the text says it is from (see the module docs).
pub fn text_year(doc: &Document) -> Option<i32> {
    crate::targets::report_year(doc).or_else(|| {
        head(doc)
            .filter(|p| p.chars().count() <= HEAD_LINE_CHARS)
            .find_map(period_start)
    })
}

/// The first year of a period `2010-2020年`, `2021—2025年`, `2021至2025年`
/// in `s`.
fn period_start(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if let Some(y) = year_at(s, i) {
            let rest = s[i + 4..].trim_start();
            let rest = rest
                .strip_prefix(['-', '－', '—', '–', '~', '～', '至'])
                .map(|r| r.trim_start_matches('—').trim_start());
            if let Some(r) = rest
                && year_at(r, 0).is_some()
                && r[4..].starts_with('年')
            {
                return Some(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    None
}

/// The year written with four ASCII digits from 1900 to 2099 at byte `i`
/// of `s`, not part of a longer number.
fn year_at(s: &str, i: usize) -> Option<i32> {
    let b = s.as_bytes();
    let digits = b.get(i..i + 4)?;
    let alone =
        (i == 0 || !b[i - 1].is_ascii_digit()) && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
    (alone
        && digits.iter().all(u8::is_ascii_digit)
        && (digits.starts_with(b"19") || digits.starts_with(b"20")))
    .then(|| s[i..i + 4].parse().ok())
    .flatten()
}

/// The first year (four digits, 1900–2099, standing alone) in a file's
/// name: the library's last resort when the text says none.
pub fn name_year(name: &str) -> Option<i32> {
    (0..name.len()).find_map(|i| year_at(name, i))
}

/// Whether a text reads as a Chinese report: in its first 8 KiB, Han
/// characters are at least half of the letters (and there is one).
pub fn is_chinese(text: &str) -> bool {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let (mut han, mut other) = (0usize, 0usize);
    for c in text[..end].chars() {
        if c.is_ascii() {
            other += usize::from(c.is_ascii_alphabetic());
        } else if crate::search::pinyin::is_han(c) {
            han += 1;
        } else if !is_cjk_symbol(c) && c.is_alphabetic() {
            other += 1;
        }
    }
    han > 0 && han >= other
}

/// CJK punctuation, symbols and full-width forms, none of them letters
/// (checked first: Unicode's letter tables are slow for them).
fn is_cjk_symbol(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Document {
        Document::from_bytes("t.txt", text.as_bytes()).unwrap()
    }

    #[test]
    fn the_genre_word_ends_the_title() {
        let cases = [
            ("2023政府工作报告", Some(ReportKind::WorkReport)),
            (
                "关于2023年国民经济和社会发展计划执行情况与2024年计划草案的报告",
                Some(ReportKind::Report),
            ),
            ("国家中长期教育改革和发展规划纲要", Some(ReportKind::Plan)),
            (
                "在全市教育系统年度工作会议上的讲话",
                Some(ReportKind::Speech),
            ),
            (
                "中共中央 国务院关于实施乡村振兴战略的意见",
                Some(ReportKind::Opinions),
            ),
            (
                "国务院关于印发《“十四五”数字经济发展规划》的通知",
                Some(ReportKind::Notice),
            ),
            ("上海市住房租赁条例", Some(ReportKind::Regulation)),
            (
                "某某市城市更新管理办法（试行）",
                Some(ReportKind::Regulation),
            ),
            (
                "关于全面深化改革若干重大问题的决定",
                Some(ReportKind::Decision),
            ),
            ("某某区2024年工作要点", Some(ReportKind::Plan)),
            ("某某规划（2021—2025年）", Some(ReportKind::Plan)),
            ("“十四五”规划》", Some(ReportKind::Plan)),
            ("弘扬“四气” 提振精神", None),
            ("意见反馈办理情况", None),
            ("", None),
        ];
        for (title, want) in cases {
            assert_eq!(genre(title), want, "{title}");
        }
    }

    #[test]
    fn strip_tail_is_bounded_and_exact() {
        assert_eq!(strip_tail("纲要（2010-2020年）(征求意见稿)。 "), "纲要");
        assert_eq!(strip_tail("（试行）"), "");
        assert_eq!(strip_tail("a)"), "a)");
        assert_eq!(strip_tail("))))"), "))))");
    }

    #[test]
    fn kind_from_subtitle_address_or_articles() {
        let speech = doc(
            "弘 扬“四气” 提 振 精 神\n——在市政府八届五次全体会议上的讲话\n盛 阅 春\n同志们：\n正文。\n",
        );
        assert_eq!(kind(&speech), Some(ReportKind::Speech));
        let addressed = doc("关于今年工作\n同志们：\n今年工作很多。\n");
        assert_eq!(kind(&addressed), Some(ReportKind::Speech));
        let rules = doc(
            "某某管理\n第一条 为了规范管理，制定本文。\n第二条 本文适用于本市。\n第三条 本文自发布之日起施行。\n",
        );
        assert_eq!(kind(&rules), Some(ReportKind::Regulation));
        assert!(is_address("各位代表、各位委员：") && is_address("女士们、先生们："));
        assert!(!is_address("主要内容：") && !is_address("同志们，今年："));
        let plain = doc("闵行区会议召开\n今年，全区经济平稳增长。\n");
        assert_eq!(kind(&plain), None);
        // A colon line in the body is not an address.
        let body = doc("某某情况\n现就有关事项说明如下。\n主要内容：\n正文。\n");
        assert_eq!(kind(&body), None);
    }

    #[test]
    fn the_year_of_the_text_a_plans_period_or_the_name() {
        assert_eq!(
            text_year(&doc("规划纲要\n(2010-2020年)\n(公开征求意见稿)\n正文。\n")),
            Some(2010)
        );
        assert_eq!(
            text_year(&doc("某某规划\n（2021—2025年）\n正文。\n")),
            Some(2021)
        );
        assert_eq!(
            text_year(&doc("讲话\n（2010年2月22日）\n同志们：\n")),
            Some(2010)
        );
        assert_eq!(text_year(&doc("闵行区会议召开\n正文。\n")), None);
        assert_eq!(period_start("12010-2020年"), None);
        assert_eq!(period_start("2010-20200年"), None);
        assert_eq!(name_year("minhang-2024-07-24.txt"), Some(2024));
        assert_eq!(name_year("report-12024.txt"), None);
        assert_eq!(name_year("第3号.txt"), None);
    }

    #[test]
    fn chinese_reports_and_other_text() {
        assert!(is_chinese("政府工作报告\nGDP增长5%左右。"));
        assert!(!is_chinese(
            "# Corpus fixtures\nThe reports are kept as published: 第一 and 一是."
        ));
        assert!(!is_chinese("12345 ,.;"));
        assert!(!is_chinese(""));
        assert!(!is_chinese("，。、“”（）——"));
        assert!(is_chinese("Ｇｄｐ增长较快"));
        assert!(!is_chinese("Привет мир 你好"));
        // The sample is cut on a character boundary.
        let long = "报".repeat(SAMPLE_BYTES);
        assert!(is_chinese(&long));
    }

    #[test]
    fn every_kind_has_names() {
        for k in ReportKind::ALL {
            assert!(!k.as_str().is_empty() && !k.label().is_empty());
        }
    }
}
