//! The corpus reports: every `一、` and `（一）` heading at the right depth
//! with the right title, none of their false friends, and the same outline
//! from a GB18030 copy.

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
        .nodes
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
    for (id, n) in doc.outline.nodes.iter().enumerate() {
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
    assert_eq!(o.nodes[o.roots[0]].kind, NodeKind::Preamble);
    assert_eq!(doc.title(), "政府工作报告");
    let part1 = o.roots[1];
    assert_eq!(doc.node_title(part1), "2023年工作回顾");
    let points: Vec<&str> = o.nodes[part1]
        .children
        .iter()
        .filter(|&&c| o.nodes[c].kind == NodeKind::Point)
        .map(|&c| doc.node_marker(c).unwrap())
        .collect();
    assert_eq!(points, ["一是", "二是", "三是", "四是", "五是", "六是"]);
    let bullets = o.nodes[part1]
        .children
        .iter()
        .filter(|&&c| o.nodes[c].kind == NodeKind::Bullet)
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
    let bullets = o.nodes[principles]
        .children
        .iter()
        .filter(|&&c| o.nodes[c].kind == NodeKind::Bullet)
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
    let last = *o.roots.last().unwrap();
    assert!(!doc.text[o.nodes[last].span.clone()].ends_with('\n'));
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
