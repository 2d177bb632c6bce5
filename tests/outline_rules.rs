//! One test per outline rule and per false friend, on small texts.

mod common;

use common::{parse, render};

#[test]
fn speech_style_theme_sections_points() {
    let doc = parse(
        "导语。\n主题一。\n第一,甲。一是子一。二是子二。\n第二:乙。\n主题二。\n第一、丙。\n另外,结语。",
    );
    assert_eq!(
        render(&doc),
        "preamble | 导语\ntheme | 主题一\n  section 第一 | 甲\n    point 一是 | 子一\n    point 二是 | 子二\n  section 第二 | 乙\ntheme | 主题二\n  section 第一 | 丙\nclosing | 另外,结语\n"
    );
}

#[test]
fn formal_levels_nest_by_rank() {
    let text = "第一章 总则\n第一节 目的\n一、总体要求\n（一）指导思想。全面贯彻。\n1.背景\n（1）细则\n①其一\n②其二\n（2）细则二\n2.现状\n（二）目标任务\n二、主要任务\n第二节 范围\n第二章 附则";
    let doc = parse(text);
    assert_eq!(
        render(&doc),
        "heading 第一章 | 总则\n  heading 第一节 | 目的\n    heading 一、 | 总体要求\n      heading （一） | 指导思想\n        heading 1. | 背景\n          heading （1） | 细则\n            heading ① | 其一\n            heading ② | 其二\n          heading （2） | 细则二\n        heading 2. | 现状\n      heading （二） | 目标任务\n    heading 二、 | 主要任务\n  heading 第二节 | 范围\nheading 第二章 | 附则\n"
    );
}

#[test]
fn run_in_heading_keeps_its_body() {
    let text = "一、总体要求\n（一）指导思想。全面贯彻党的十九大精神。";
    let doc = parse(text);
    let id = doc.outline.find_dotted("1.1").unwrap();
    assert_eq!(doc.node_title(id), "指导思想");
    assert!(doc.text[doc.outline.nodes[id].span.clone()].ends_with("十九大精神。"));
}

#[test]
fn ordinals_must_run_in_sequence() {
    // 三、 without 二、 is text; 二、 restarts nothing.
    let doc = parse("一、甲\n三、乙\n二、丙");
    assert_eq!(render(&doc), "heading 一、 | 甲\nheading 二、 | 丙\n");
    // (二) only after (一) under the same parent; restarts under each new parent.
    let doc = parse("一、甲\n（一）子\n（二）子\n二、乙\n（一）子\n（三）子");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  heading （一） | 子\n  heading （二） | 子\nheading 二、 | 乙\n  heading （一） | 子\n"
    );
}

#[test]
fn chinese_ordinals_run_to_ninety_nine() {
    let mut text = String::new();
    for n in 1..=99u32 {
        let d = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        let s = match (n / 10, n % 10) {
            (0, u) => d[u as usize].to_string(),
            (1, u) => format!("十{}", d[u as usize]),
            (t, u) => format!("{}十{}", d[t as usize], d[u as usize]),
        };
        text.push_str(&format!("{s}、标题{n}\n"));
    }
    let doc = parse(&text);
    assert_eq!(doc.outline.roots.len(), 99);
    assert_eq!(doc.node_marker(98), Some("九十九、"));
}

#[test]
fn sub_points_start_sentences() {
    let doc = parse("一、甲\n统一是关键,之一是创新。一是强基础。二是补短板;三是消隐患!");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  point 一是 | 强基础\n  point 二是 | 补短板\n  point 三是 | 消隐患\n"
    );
}

#[test]
fn false_friends_never_mark() {
    let text = "第一,甲。安全第一。第一书记驻村。第一责任人。第一线。第一个阶段。一企一策,一村一品,一事一议。“十五五”规划。“三支一扶”。第七届。";
    let doc = parse(text);
    assert_eq!(render(&doc), "section 第一 | 甲\n");
}

#[test]
fn pairs_must_close() {
    // An unclosed 一方面 is no point; a closed pair is two.
    let doc = parse("第一,甲。一方面要做。\n第二,乙。一方面,强化。另一方面,提升。");
    assert_eq!(
        render(&doc),
        "section 第一 | 甲\nsection 第二 | 乙\n  point 一方面 | 强化\n  point 另一方面 | 提升\n"
    );
    let doc = parse("第一,甲。一手抓建设。一手抓管理。");
    assert_eq!(
        render(&doc),
        "section 第一 | 甲\n  point 一手抓 | 建设\n  point 一手抓 | 管理\n"
    );
    // A lone 一手抓 is not a pair.
    let doc = parse("第一,甲。一手抓建设。");
    assert_eq!(render(&doc), "section 第一 | 甲\n");
}

#[test]
fn sequences_and_qi() {
    let doc = parse("一、甲\n首先,要学。其次,要用。最后,要改。\n其一,坚持。其二,创新。");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  point 首先 | 要学\n  point 其次 | 要用\n  point 最后 | 要改\n  point 其一 | 坚持\n  point 其二 | 创新\n"
    );
    // 最后 alone is a word, not a point.
    let doc = parse("一、甲\n最后一公里要打通。");
    assert_eq!(render(&doc), "heading 一、 | 甲\n");
}

#[test]
fn bullets() {
    let doc = parse("一、回顾\n——经济回升向好。国内生产总值增长。\n——民生保障有力。");
    assert_eq!(
        render(&doc),
        "heading 一、 | 回顾\n  bullet —— | 经济回升向好\n  bullet —— | 民生保障有力\n"
    );
}

#[test]
fn table_of_contents_is_one_node() {
    let text = "目录\n一、总体要求\n二、主要任务\n一、总体要求\n正文。\n二、主要任务\n正文。";
    let doc = parse(text);
    assert_eq!(
        render(&doc),
        "contents | 目录\nheading 一、 | 总体要求\nheading 二、 | 主要任务\n"
    );
}

#[test]
fn unstructured_text_is_paragraphs() {
    let doc = parse("第一段。\n\n第二段。");
    assert_eq!(render(&doc), "paragraph | 第一段\nparagraph | 第二段\n");
}

#[test]
fn empty_and_blank_documents() {
    assert!(parse("").outline.is_empty());
    assert!(parse("\n\u{3000}\r\n  ").outline.is_empty());
}

#[test]
fn numbers_are_not_markers() {
    let doc = parse("一、目标\n1.3万亿斤以上。\n2024年3月5日。");
    assert_eq!(render(&doc), "heading 一、 | 目标\n");
}

#[test]
fn markdown_copy_gives_the_same_outline() {
    let txt = "政府工作报告\n各位代表：\n一、总体要求\n（一）指导思想。全面贯彻。\n——坚持党的领导。\n二、主要任务";
    let md = "---\ntitle: 政府工作报告\n---\n# 政府工作报告\n\n> 各位代表：\n\n## **一、总体要求**\n\n**（一）指导思想。**全面贯彻。\n\n——坚持党的领导。\n\n---\n\n**二、主要任务**\n";
    assert_eq!(render(&parse(txt)), render(&parse(md)));
    assert_eq!(parse(md).title(), "政府工作报告");
}

#[test]
fn line_endings_and_indents_do_not_matter() {
    let lf = "导语。\n主题。\n第一,甲。一是乙。\n";
    let crlf = "\u{3000}\u{3000}导语。\r\n\r\n  主题。\r\n\t第一,甲。一是乙。\r\n\r\n";
    let cr = "导语。\r主题。\r第一,甲。一是乙。";
    assert_eq!(render(&parse(lf)), render(&parse(crlf)));
    assert_eq!(render(&parse(lf)), render(&parse(cr)));
}

#[test]
fn bold_marks_do_not_hide_a_sentence_start() {
    let txt = "锚定目标，做好三方面工作。\n第一，重点企业。一方面，强化培育。另一方面，提升服务。";
    let md = "锚定目标，做好三方面工作。\n\n**第一，重点企业。**一方面，强化培育。**另一方面**，提升服务。";
    assert_eq!(render(&parse(txt)), render(&parse(md)));
    assert!(render(&parse(md)).contains("point 另一方面 | 提升服务"));
}

#[test]
fn a_bold_markdown_copy_of_the_seed_has_the_seeds_outline() {
    let seed = gangmu::document::Document::bundled();
    // Bold every section's heading sentence, as Markdown copies do.
    let md: String = seed
        .text
        .lines()
        .map(|l| match l.find('。') {
            Some(i) if l.starts_with('第') => format!("**{}**{}\n\n", &l[..i + 3], &l[i + 3..]),
            _ => format!("{l}\n\n"),
        })
        .collect();
    assert_eq!(render(&parse(&md)), render(&seed));
}
