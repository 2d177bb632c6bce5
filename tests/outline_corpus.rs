//! The corpus reports (see ../shared/corpus/SOURCES.md): every `一、` and
//! `（一）` heading at the right depth with the right title, none of their
//! false friends; the structures each report is known for (an unlabelled
//! contents list, 第X部分, numbering on across parts, sections under a
//! formal heading, four formal levels and a coda, closings at an address);
//! and the same outline from GB18030 and Markdown-spaced copies.

mod common;

use gangmu::document::{Document, NodeKind};

/// Lines that open with `X、` or `（X）` in the raw text, found without the
/// parser: (marker, title up to the first full stop).
fn raw_headings(text: &str, open: &str, close: &str) -> Vec<(String, String)> {
    let digits = "一二三四五六七八九十";
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l.strip_prefix(open)?;
            let n = rest.chars().take_while(|c| digits.contains(*c)).count();
            if n == 0 {
                return None;
            }
            let num: String = rest.chars().take(n).collect();
            let after = rest[num.len()..].strip_prefix(close)?;
            let title = after.split('。').next().unwrap().trim_end_matches('，');
            Some((format!("{open}{num}{close}"), title.to_string()))
        })
        .collect()
}

fn headings(doc: &Document, depth: usize, marker_end: &str) -> Vec<(String, String)> {
    doc.outline
        .iter()
        .enumerate()
        .filter(|(id, n)| {
            n.kind == NodeKind::Heading
                && n.depth == depth
                && doc.node_marker(*id).unwrap().ends_with(marker_end)
        })
        .map(|(id, _)| {
            (
                doc.node_marker(id).unwrap().to_string(),
                doc.node_title(id).to_string(),
            )
        })
        .collect()
}

fn check_report(name: &str, top: usize, second: usize) -> Document {
    let bytes = common::fixture(name);
    let doc = Document::from_bytes(name, &bytes).unwrap();
    gangmu::document::check::check(&doc.text, &doc.outline).unwrap();
    let raw_top = raw_headings(&doc.text, "", "、");
    let raw_second = raw_headings(&doc.text, "（", "）");
    assert_eq!(raw_top.len(), top);
    assert_eq!(raw_second.len(), second);
    assert_eq!(headings(&doc, 0, "、"), raw_top);
    assert_eq!(headings(&doc, 1, "）"), raw_second);
    // Every （X） sits under a 一、 heading.
    for (id, n) in doc.outline.iter().enumerate() {
        if doc.node_marker(id).is_some_and(|m| m.starts_with('（')) && n.kind == NodeKind::Heading
        {
            let p = n.parent.unwrap();
            assert!(doc.node_marker(p).unwrap().ends_with('、'));
        }
    }
    doc
}

#[test]
fn government_work_report_2024() {
    let doc = check_report("2024-government-work-report.txt", 3, 10);
    let o = &doc.outline;
    assert_eq!(o.kind(o.roots().next().unwrap()), NodeKind::Preamble);
    assert_eq!(doc.title(), "政府工作报告");
    let part1 = o.roots().nth(1).unwrap();
    assert_eq!(doc.node_title(part1), "2023年工作回顾");
    let points: Vec<&str> = o
        .children(Some(part1))
        .filter(|&c| o.kind(c) == NodeKind::Point)
        .map(|c| doc.node_marker(c).unwrap())
        .collect();
    assert_eq!(points, ["一是", "二是", "三是", "四是", "五是", "六是"]);
    let bullets = o
        .children(Some(part1))
        .filter(|&c| o.kind(c) == NodeKind::Bullet)
        .count();
    assert_eq!(bullets, 7);
    let t = o.find_dotted("4.1").unwrap();
    assert_eq!(
        doc.node_title(t),
        "大力推进现代化产业体系建设，加快发展新质生产力"
    );
}

#[test]
fn rural_revitalization_2018_crlf() {
    let doc = check_report("2018-rural-revitalization-opinions-crlf.txt", 12, 49);
    let o = &doc.outline;
    let t = o.find_dotted("3.1").unwrap();
    assert_eq!(doc.node_title(t), "指导思想");
    let principles = o.find_dotted("3.3").unwrap();
    let bullets = o
        .children(Some(principles))
        .filter(|&c| o.kind(c) == NodeKind::Bullet)
        .count();
    assert_eq!(bullets, 7);
    // False friends of this report never become markers or points.
    let text = common::render(&doc);
    for ff in [
        "第一书记",
        "第一责任人",
        "第一线",
        "一村一品",
        "一事一议",
        "三支一扶",
    ] {
        assert!(doc.text.contains(ff), "{ff} is in the report");
        for line in text.lines() {
            let head = line.split(" | ").next().unwrap();
            assert!(!head.contains(ff), "{ff} became a marker: {line}");
        }
    }
    // CRLF and trailing blank lines are kept in offsets but not in nodes.
    let last = o.roots().last().unwrap();
    assert!(!doc.text[o.span(last)].ends_with('\n'));
}

#[test]
fn gb18030_twins_give_equal_outlines() {
    for name in [
        "2024-government-work-report.txt",
        "2018-rural-revitalization-opinions-crlf.txt",
    ] {
        let bytes = common::fixture(name);
        let utf8 = Document::from_bytes(name, &bytes).unwrap();
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(&utf8.text);
        assert!(!unmappable);
        let twin = Document::from_bytes(name, &gb).unwrap();
        assert_eq!(twin.decoding.encoding, "gb18030");
        assert_eq!(twin.decoding.replaced, 0);
        assert_eq!(twin.text, utf8.text);
        assert_eq!(twin.outline, utf8.outline);
    }
    let seed = Document::bundled();
    let (gb, _, _) = encoding_rs::GB18030.encode(&seed.text);
    assert_eq!(
        Document::from_bytes("gb", &gb).unwrap().outline,
        seed.outline
    );
}

/// The report `name` parsed, its invariants checked.
fn open(name: &str) -> Document {
    let bytes = common::fixture(name);
    let doc = Document::from_bytes(name, &bytes).unwrap();
    gangmu::document::check::check(&doc.text, &doc.outline).unwrap();
    doc
}

/// `(depth, marker)` of every node of `kind`.
fn markers_of(doc: &Document, kind: NodeKind) -> Vec<(usize, String)> {
    (0..doc.outline.len())
        .filter(|&id| doc.outline.kind(id) == kind)
        .map(|id| {
            (
                doc.outline.depth(id),
                doc.node_marker(id).unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn root_kinds(doc: &Document) -> Vec<&'static str> {
    let o = &doc.outline;
    o.roots().map(|r| o.kind(r).as_str()).collect()
}

#[test]
fn plan_outline_2010_contents_parts_chapters() {
    let doc = open("2010-plan-outline-national-education-reform-draft.txt");
    let o = &doc.outline;
    // Title lines (with `(2010-2020年)`, `(公开征求意见稿)`), the unlabelled
    // contents list, 序 言, four parts, 实 施.
    assert_eq!(
        root_kinds(&doc),
        [
            "preamble", "contents", "heading", "heading", "heading", "heading", "heading",
            "heading"
        ]
    );
    assert_eq!(doc.title(), "国家中长期教育改革和发展规划纲要");
    let contents = o.roots().nth(1).unwrap();
    assert!(o.children(Some(contents)).next().is_none());
    assert_eq!(doc.node_title(contents), "目录");
    let span = &doc.text[o.span(contents)];
    assert!(span.starts_with("序 言... 1") && span.contains("实 施... 18"));
    let top: Vec<String> = o.roots().skip(2).map(|r| doc.node_label(r)).collect();
    assert_eq!(
        top,
        [
            "序 言",
            "第一部分 总体战略",
            "第二部分 发展任务",
            "第三部分 体制改革",
            "第四部分 保障措施",
            "实 施"
        ]
    );
    // 22 chapters under the parts, (一)…(七十) numbered on across them.
    let headings = markers_of(&doc, NodeKind::Heading);
    let chapters: Vec<_> = headings.iter().filter(|(_, m)| m.ends_with('章')).collect();
    assert_eq!(chapters.len(), 22);
    assert!(chapters.iter().all(|(d, _)| *d == 1));
    let items: Vec<&String> = headings
        .iter()
        .filter(|(d, m)| *d == 2 && m.starts_with('('))
        .map(|(_, m)| m)
        .collect();
    assert_eq!(items.len(), 70);
    assert_eq!(items[17], "(十 八)");
    assert_eq!(items[69], "(七 十)");
    // The (五) that opens 第三章 is its first child.
    let ch3 = (0..o.len())
        .find(|&id| doc.node_marker(id) == Some("第三章"))
        .unwrap();
    assert_eq!(
        doc.node_marker(o.children(Some(ch3)).next().unwrap()),
        Some("(五)")
    );
}

#[test]
fn common_prosperity_2021_numbers_on_across_parts() {
    let doc = open("2021-opinions-cpc-state-council-zhejiang-common-prosperity.txt");
    let o = &doc.outline;
    let raw = raw_headings(&doc.text, "（", "）");
    assert_eq!(raw.len(), 28);
    assert_eq!(headings(&doc, 1, "）"), raw);
    let part2 = o.roots().nth(2).unwrap();
    assert_eq!(doc.node_marker(part2), Some("二、"));
    assert_eq!(
        doc.node_marker(o.children(Some(part2)).next().unwrap()),
        Some("（五）")
    );
    assert_eq!(doc.node_marker(o.roots().nth(8).unwrap()), Some("八、"));
    assert_eq!(o.children(Some(o.roots().nth(8).unwrap())).count(), 4);
    // No closing: the text ends inside （二十八）.
    assert_eq!(*root_kinds(&doc).last().unwrap(), "heading");
}

#[test]
fn mayor_speech_2019_sections_under_a_heading() {
    let doc = open("2019-speech-city-mayor-shaoxing.txt");
    let o = &doc.outline;
    assert_eq!(
        root_kinds(&doc),
        ["preamble", "heading", "heading", "heading", "closing"]
    );
    // The subtitle ——在…讲话 is head matter, not a bullet.
    assert!(markers_of(&doc, NodeKind::Bullet).is_empty());
    assert!(
        doc.text[o.span(o.roots().next().unwrap())].contains("——在市政府八届五次全体会议上的讲话")
    );
    assert_eq!(
        doc.display_report_title(),
        "弘 扬“四气” 提 振 精 神 只 争 朝 夕 狠 抓 落 实"
    );
    // 第一…第四 under 一、, no theme.
    let sections = markers_of(&doc, NodeKind::Section);
    assert_eq!(
        sections,
        [(1, "第一"), (1, "第二"), (1, "第三"), (1, "第四")].map(|(d, m)| (d, m.to_string()))
    );
    assert!(markers_of(&doc, NodeKind::Theme).is_empty());
    // Paragraph-leading 一是…四是 under 三、 only: the lists inside body
    // paragraphs (after a colon, 一要…, 首先…, a mid-paragraph pair) are prose.
    let points = markers_of(&doc, NodeKind::Point);
    assert_eq!(
        points,
        [(1, "一是"), (1, "二是"), (1, "三是"), (1, "四是")].map(|(d, m)| (d, m.to_string()))
    );
    assert_eq!(o.children(Some(o.roots().nth(3).unwrap())).count(), 4);
    assert!(
        doc.node_title(o.roots().nth(4).unwrap())
            .starts_with("最后，")
    );
}

#[test]
fn education_speech_2010_four_levels_and_a_coda() {
    let doc = open("2010-speech-city-education-bureau-shaoxing.txt");
    let o = &doc.outline;
    let headings = markers_of(&doc, NodeKind::Heading);
    let count = |depth: usize, end: char| {
        headings
            .iter()
            .filter(|(d, m)| *d == depth && m.ends_with(end))
            .count()
    };
    assert_eq!(count(0, '、'), 3);
    assert_eq!(count(1, '）'), 16);
    assert_eq!(count(2, '．'), 32);
    // Line-start （1）…, not the inline ones.
    assert_eq!(count(3, '）'), 9);
    assert_eq!(headings.len(), 3 + 16 + 32 + 9);
    // The coda: a closing, then its 一是…三是 at the top level.
    let n = o.roots().count();
    assert_eq!(
        &root_kinds(&doc)[n - 4..],
        ["closing", "point", "point", "point"]
    );
    assert!(
        doc.node_title(o.roots().nth(n - 4).unwrap())
            .starts_with("同志们，教育是")
    );
    let coda: Vec<&str> = o.roots().collect::<Vec<_>>()[n - 3..]
        .iter()
        .map(|&r| doc.node_marker(r).unwrap())
        .collect();
    assert_eq!(coda, ["一是", "二是", "三是"]);
    // 一是 lists after a colon are clauses, not points.
    assert!(
        markers_of(&doc, NodeKind::Point)
            .iter()
            .all(|(d, _)| *d == 0 || *d == 2)
    );
}

#[test]
fn work_reports_close_at_the_last_address() {
    for (name, closing) in [
        (
            "2023-government-work-report.txt",
            "我们要以铸牢中华民族共同体意识为主线",
        ),
        ("2024-government-work-report.txt", "新征程新使命"),
    ] {
        let doc = open(name);
        let o = &doc.outline;
        let last = o.roots().last().unwrap();
        assert_eq!(o.kind(last), NodeKind::Closing, "{name}");
        assert!(doc.node_title(last).starts_with(closing), "{name}");
        assert!(doc.text[o.span(last)].starts_with("各位代表！"));
        // The earlier 各位代表！ are text of their parts.
        let closings = markers_of(&doc, NodeKind::Closing).len();
        assert_eq!(closings, 1, "{name}");
    }
    let doc = open("2023-government-work-report.txt");
    assert_eq!(doc.title(), "2023政府工作报告");
    assert_eq!(
        root_kinds(&doc),
        ["preamble", "heading", "heading", "closing"]
    );
}

#[test]
fn every_corpus_report_has_gb18030_and_markdown_twins() {
    for name in [
        "2010-plan-outline-national-education-reform-draft.txt",
        "2010-speech-city-education-bureau-shaoxing.txt",
        "2019-speech-city-mayor-shaoxing.txt",
        "2021-opinions-cpc-state-council-zhejiang-common-prosperity.txt",
        "2023-government-work-report.txt",
    ] {
        let utf8 = open(name);
        let (gb, _, unmappable) = encoding_rs::GB18030.encode(&utf8.text);
        assert!(!unmappable);
        let twin = Document::from_bytes(name, &gb).unwrap();
        assert_eq!(twin.outline, utf8.outline, "{name}");
        // Blank lines between paragraphs, as a Markdown copy has them.
        let md = utf8.text.replace('\n', "\n\n");
        assert_eq!(
            common::render(&common::parse(&md)),
            common::render(&utf8),
            "{name}"
        );
    }
}
