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
    assert!(doc.text[doc.outline.span(id)].ends_with("十九大精神。"));
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
    assert_eq!(doc.outline.roots().count(), 99);
    assert_eq!(doc.node_marker(98), Some("九十九、"));
}

#[test]
fn sub_points_start_sentences() {
    // In a heading's own paragraph: 统一是, 之一是 are words, not markers.
    let doc = parse("一、甲。统一是关键,之一是创新。一是强基础。二是补短板;三是消隐患!");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  point 一是 | 强基础\n  point 二是 | 补短板\n  point 三是 | 消隐患\n"
    );
}

#[test]
fn sub_points_divide_a_nodes_own_paragraph() {
    // Paragraph-leading points under a heading are points; a list in the
    // middle of an unmarked body paragraph is prose.
    let doc = parse("一、甲\n导语。\n一是强基础。细节。\n二是补短板。\n正文。一是甲。二是乙。");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  point 一是 | 强基础\n  point 二是 | 补短板\n"
    );
}

#[test]
fn a_list_after_a_colon_is_a_clause() {
    // The inner list after a colon is prose, and so are its other items:
    // the paragraph-leading series goes on with the next paragraph.
    let doc = parse("一、甲\n一是成绩好。有四项第一：一是上线率高；二是重点率高。\n二是竞赛好。");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  point 一是 | 成绩好\n  point 二是 | 竞赛好\n"
    );
    // After a full stop, a list restarting inside a point nests under it.
    let doc = parse("一、甲\n一是成绩好。一是上线率高。二是重点率高。\n二是竞赛好。");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  point 一是 | 成绩好\n    point 一是 | 上线率高\n    point 二是 | 重点率高\n  point 二是 | 竞赛好\n"
    );
}

#[test]
fn pairs_open_right_after_their_parents_title() {
    let doc = parse(
        "第一,甲。一方面,强化。另一方面,提升。\n第二,乙。总述。工业,一方面优化。另一方面做大。\n第三,丙。总述。首先,要学。其次,要用。",
    );
    assert_eq!(
        render(&doc),
        "section 第一 | 甲\n  point 一方面 | 强化\n  point 另一方面 | 提升\nsection 第二 | 乙\nsection 第三 | 丙\n"
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
    let doc = parse("一、甲。首先,要学。其次,要用。最后,要改。\n其一,坚持。其二,创新。");
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

// ------------------------------------------------------------ contents

#[test]
fn the_issues_minimal_contents_case() {
    let text = "标题\n目  录\n第一篇 总则\n第一章 一\n第二篇 目标\n第二章 二\n**第一篇 总则**\n第一章 一\n内容。\n**第二篇 目标**\n第二章 二\n内容。\n";
    assert_eq!(
        render(&parse(text)),
        "preamble | 标题\ncontents | 目  录\nheading 第一篇 | 总则\n  heading 第一章 | 一\nheading 第二篇 | 目标\n  heading 第二章 | 二\n"
    );
}

#[test]
fn contents_labels_page_numbers_and_differing_titles() {
    let body = "一、总体要求\n正文。\n二、主要任务\n正文。\n";
    let want = "contents | 目录\nheading 一、 | 总体要求\nheading 二、 | 主要任务\n";
    for label in ["目录", "目 录", "目  录", "**目  录**"] {
        for entries in [
            "一、总体要求\n二、主要任务\n",
            "一、总体要求... 2\n二、主要任务... 5\n",
            "一、总体要求………1\n二、主要任务………3\n",
            "一、总的要求 1\n二、任务 4\n",
        ] {
            let doc = parse(&format!("报告\n{label}\n{entries}{body}"));
            let r = render(&doc);
            let r = r.replacen(
                &format!("contents | {}", &doc.node_title(1)),
                "contents | 目录",
                1,
            );
            assert_eq!(r, format!("preamble | 报告\n{want}"), "{label} / {entries}");
            assert_eq!(doc.outline.children(Some(1)).count(), 0);
        }
    }
}

#[test]
fn an_unlabelled_contents_list_is_told_by_the_restart() {
    let text = "纲要\n(2010-2020年)\n(公开征求意见稿)\n序 言... 1\n第一部分 总体战略... 2\n第一章 指导思想... 2\n第二部分 发展任务... 4\n第二章 学前教育... 4\n实 施... 9\n根据规划，特制定本纲要。\n序 言\n百年大计，教育为本。\n第一部分 总体战略\n第一章 指导思想\n(一)指导思想。高举旗帜。\n第二部分 发展任务\n第二章 学前教育\n(二)普及学前教育。正文。\n实 施\n本纲要涉及面广。\n";
    assert_eq!(
        render(&parse(text)),
        "preamble | 纲要\ncontents | 目录\nheading | 序 言\nheading 第一部分 | 总体战略\n  heading 第一章 | 指导思想\n    heading (一) | 指导思想\nheading 第二部分 | 发展任务\n  heading 第二章 | 学前教育\n    heading (二) | 普及学前教育\nheading | 实 施\n"
    );
}

#[test]
fn heading_lines_without_a_restart_are_no_contents() {
    // A body whose first headings follow each other: no series starts over.
    let doc = parse(
        "报告\n第一章 总则\n第一节 目的\n一、总体要求\n（一）指导思想。全面贯彻。\n二、主要任务\n正文。",
    );
    assert_eq!(
        render(&doc),
        "preamble | 报告\nheading 第一章 | 总则\n  heading 第一节 | 目的\n    heading 一、 | 总体要求\n      heading （一） | 指导思想\n    heading 二、 | 主要任务\n"
    );
}

// ------------------------------------------------------------ levels

#[test]
fn pian_above_part_above_chapter() {
    let doc = parse(
        "第一篇 总论\n第一部分 背景\n第一章 现状\n正文。\n第二部分 目标\n第二章 指标\n正文。\n第二篇 任务\n第三部分 产业\n第三章 制造\n正文。",
    );
    assert_eq!(
        render(&doc),
        "heading 第一篇 | 总论\n  heading 第一部分 | 背景\n    heading 第一章 | 现状\n  heading 第二部分 | 目标\n    heading 第二章 | 指标\nheading 第二篇 | 任务\n  heading 第三部分 | 产业\n    heading 第三章 | 制造\n"
    );
}

#[test]
fn ascii_brackets_and_spaces_inside_them() {
    let mut text = String::from("第一章 总则\n");
    for m in ["(一)", "(二)", "(三)"] {
        text.push_str(&format!("{m}甲。正文。\n"));
    }
    text.push_str("第二章 任务\n(四)乙。正文。\n(五)丙。正文。\n");
    let doc = parse(&text);
    let markers: Vec<(&str, usize)> = (0..doc.outline.len())
        .map(|id| (doc.node_marker(id).unwrap(), doc.outline.depth(id)))
        .collect();
    assert_eq!(
        markers,
        [
            ("第一章", 0),
            ("(一)", 1),
            ("(二)", 1),
            ("(三)", 1),
            ("第二章", 0),
            ("(四)", 1),
            ("(五)", 1)
        ]
    );
    let numerals = [
        "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
        "十五", "十六", "十 七", "十 八", "十九", " 二十 ",
    ];
    let text: String = std::iter::once("一、甲\n".to_string())
        .chain(numerals.iter().map(|n| format!("({n})乙。正文。\n")))
        .collect();
    let doc = parse(&text);
    let markers: Vec<&str> = (1..doc.outline.len())
        .map(|id| doc.node_marker(id).unwrap())
        .collect();
    assert_eq!(markers.len(), 20);
    assert_eq!(markers[16..], ["(十 七)", "(十 八)", "(十九)", "( 二十 )"]);
    // Years and notes in brackets are no ordinals.
    let doc = parse("纲要\n(2010-2020年)\n(公开征求意见稿)\n（2010年2月22日）\n一、总则\n正文。");
    assert_eq!(render(&doc), "preamble | 纲要\nheading 一、 | 总则\n");
}

#[test]
fn a_series_continues_across_parents() {
    let doc = parse(
        "一、总体要求\n（一）指导思想。正文。\n（二）工作原则\n二、提高质量\n（三）创新。正文。\n（四）产业。正文。\n三、收入分配\n（五）就业。正文。",
    );
    assert_eq!(
        render(&doc),
        "heading 一、 | 总体要求\n  heading （一） | 指导思想\n  heading （二） | 工作原则\nheading 二、 | 提高质量\n  heading （三） | 创新\n  heading （四） | 产业\nheading 三、 | 收入分配\n  heading （五） | 就业\n"
    );
    // A skipped number is still no heading.
    let doc = parse("一、甲\n（一）子。正文。\n二、乙\n（三）子。正文。");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  heading （一） | 子\nheading 二、 | 乙\n"
    );
}

#[test]
fn arabic_items_with_any_stop() {
    for (a, b) in [
        ("1.", "2."),
        ("1、", "2、"),
        ("1．", "2．"),
        ("１．", "２．"),
    ] {
        let doc = parse(&format!("（一）甲\n{a}子。正文。\n{b}丑。正文。"));
        assert_eq!(
            render(&doc),
            format!("heading （一） | 甲\n  heading {a} | 子\n  heading {b} | 丑\n")
        );
    }
}

#[test]
fn line_start_numbers_in_brackets_are_headings_inline_ones_are_not() {
    let doc = parse(
        "1．重技能。职业教育要体现素质为上。\n（1）加大调整力度。正文。\n（2）加大建设力度。正文。\n2．重质量。（1）稳定招生规模。（2）提升质量。\n3．重规范。",
    );
    assert_eq!(
        render(&doc),
        "heading 1． | 重技能\n  heading （1） | 加大调整力度\n  heading （2） | 加大建设力度\nheading 2． | 重质量\nheading 3． | 重规范\n"
    );
}

#[test]
fn circled_numbers_nest_lowest() {
    let doc = parse("（1）细则\n①其一。正文。\n②其二。正文。\n（2）细则二");
    assert_eq!(
        render(&doc),
        "heading （1） | 细则\n  heading ① | 其一\n  heading ② | 其二\nheading （2） | 细则二\n"
    );
}

#[test]
fn bracket_labels_with_numbers() {
    let doc = parse(
        "一、重点任务\n【重点任务1】推进科创。正文。\n【重点任务2】扩大开放。正文。\n二、保障\n【字号：大 中 小】",
    );
    assert_eq!(
        render(&doc),
        "heading 一、 | 重点任务\n  heading 【重点任务1】 | 推进科创\n  heading 【重点任务2】 | 扩大开放\nheading 二、 | 保障\n"
    );
}

#[test]
fn standalone_headings_sit_at_the_top_level() {
    let text = "报告\n导语。\n序 言\n百年大计。\n一、总则\n（一）目的。正文。\n（二）范围。正文。\n二、任务\n正文。\n结束语\n全文完。\n附件1\n正文。";
    assert_eq!(
        render(&parse(text)),
        "preamble | 报告\nheading | 序 言\nheading 一、 | 总则\n  heading （一） | 目的\n  heading （二） | 范围\nheading 二、 | 任务\nheading | 结束语\nheading | 附件1\n"
    );
}

#[test]
fn standalone_false_friends() {
    // A motto line inside a part (a lower heading follows), a short line
    // after a heading line, and web furniture at the end are not headings.
    let text = "一、总则\n（一）主题\n对学生一生负责\n（二）范围。正文。\n再接再厉\n（三）要求。正文。\n二、任务\n正文。\n打印\n下载";
    assert_eq!(
        render(&parse(text)),
        "heading 一、 | 总则\n  heading （一） | 主题\n  heading （二） | 范围\n  heading （三） | 要求\nheading 二、 | 任务\n"
    );
}

#[test]
fn speech_sections_nest_under_a_formal_heading() {
    // Under 一、 the lead paragraph is body text, not a theme.
    let doc = parse(
        "一、大力弘扬精神\n站在新起点上。\n第一，要有豪气。正文。\n第二，要有勇气。正文。\n二、推行方法\n正文。",
    );
    assert_eq!(
        render(&doc),
        "heading 一、 | 大力弘扬精神\n  section 第一 | 要有豪气\n  section 第二 | 要有勇气\nheading 二、 | 推行方法\n"
    );
}

// ------------------------------------------------------------ closing

#[test]
fn a_coda_is_a_closing_and_its_points_are_top_level() {
    let text = "一、回顾\n正文。\n二、要求\n（一）安全\n1．目标体系。正文。\n同志们，我提三点希望：\n一是要树立大局意识。正文。\n二是要树立责任意识。正文。\n三是要树立前列意识。正文。";
    assert_eq!(
        render(&parse(text)),
        "heading 一、 | 回顾\nheading 二、 | 要求\n  heading （一） | 安全\n    heading 1． | 目标体系\nclosing | 同志们，我提三点希望\npoint 一是 | 要树立大局意识\npoint 二是 | 要树立责任意识\npoint 三是 | 要树立前列意识\n"
    );
    // The same run announced right after a heading is that heading's.
    let text = "一、回顾\n正文。\n二、要求\n这里，我提几点要求：\n一是要学。\n二是要干。";
    assert_eq!(
        render(&parse(text)),
        "heading 一、 | 回顾\nheading 二、 | 要求\n  point 一是 | 要学\n  point 二是 | 要干\n"
    );
}

#[test]
fn an_address_after_the_last_heading_opens_the_closing() {
    let text = "各位代表：\n现在报告。\n一、回顾\n正文。\n各位代表！\n过去一年成绩显著。\n二、任务\n（一）产业。正文。\n各位代表！\n新征程新使命。我们要奋斗。\n各位代表！\n让我们团结奋斗。";
    let doc = parse(text);
    assert_eq!(
        render(&doc),
        "preamble | 现在报告\nheading 一、 | 回顾\nheading 二、 | 任务\n  heading （一） | 产业\nclosing | 新征程新使命\n"
    );
    // A salutation is never a title: the preamble of a report without a
    // title line takes the lead sentence after it.
    let closing = doc.outline.roots().last().unwrap();
    assert!(doc.text[doc.outline.span(closing)].starts_with("各位代表！"));
}

#[test]
fn a_final_appeal_is_a_closing() {
    let doc = parse("一、甲\n（一）子。正文。\n让我们团结奋斗，作出新的贡献！");
    assert_eq!(
        render(&doc),
        "heading 一、 | 甲\n  heading （一） | 子\nclosing | 让我们团结奋斗，作出新的贡献\n"
    );
}

// ------------------------------------------------------------ head and tail

#[test]
fn head_matter_is_the_preamble() {
    let text = "来源：新华社\n时间：2019-01-20\n【字号：大 中 小】\n打印\n弘 扬“四气” 提 振 精 神\n只 争 朝 夕   狠 抓 落 实\n——在市政府全体会议上的讲话\n盛 阅 春\n（2019年1月20日）\n同志们：\n一分部署，九分落实。\n一、大力弘扬精神\n正文。\n相关报道：\n下载";
    let doc = parse(text);
    assert_eq!(
        render(&doc),
        "preamble | 弘 扬“四气” 提 振 精 神\nheading 一、 | 大力弘扬精神\n"
    );
    assert_eq!(
        doc.display_report_title(),
        "弘 扬“四气” 提 振 精 神 只 争 朝 夕 狠 抓 落 实"
    );
}

#[test]
fn a_report_without_a_title_line_gets_a_short_title() {
    let doc = parse(
        "7月24日,闵行区第七届人民代表大会第七次会议召开,会上,闵行区代理区长吴强就人大代表、政协委员和市民关心的问题作了介绍。\n锚定目标。\n第一,甲。",
    );
    assert_eq!(
        doc.title(),
        "7月24日,闵行区第七届人民代表大会第七次会议召开"
    );
    assert_eq!(doc.node_title(0), doc.title());
}

#[test]
fn titles_are_shown_with_spaces_collapsed_and_without_bold() {
    let doc =
        parse("**目  录**\n一、总体  要求\n二、任务\n**一、总体  要求**\n正文。\n二、任务\n正文。");
    assert_eq!(doc.display_title(0), "目 录");
    assert_eq!(doc.node_label(1), "一、 总体 要求");
    assert_eq!(doc.display_title(1), "总体 要求");
}

#[test]
fn titles_have_a_bounded_length() {
    // A paragraph without a sentence end is no 100 KB title.
    let para = "高新技术企业达到4000家，".repeat(4000);
    for text in [
        format!("一、{para}"),
        format!("一、甲\n一是{para}"),
        format!("{para}\n一、甲"),
        para.clone(),
    ] {
        let doc = parse(&text);
        assert!(doc.title().chars().count() <= 80, "{}", doc.title().len());
        for id in 0..doc.outline.len() {
            let t = doc.node_title(id);
            assert!(
                t.chars().count() <= 80,
                "node {id}: {} chars",
                t.chars().count()
            );
            assert!(doc.display_title(id).chars().count() <= 81);
        }
    }
}

#[test]
fn lists_nest_one_deep() {
    // A restart inside a restarted list is no deeper point: the depth of the
    // tree never grows with the length of a paragraph.
    let para = "一是甲。二是乙。一是丙。".repeat(2000);
    let doc = parse(&format!("一、总则\n{para}"));
    assert_eq!(doc.outline.height(), 3);
    assert_eq!(
        render(&parse(
            "一、总则\n一是甲。二是乙。一是丙。一是丁。二是戊。三是己。"
        )),
        "heading 一、 | 总则\n  point 一是 | 甲\n  point 二是 | 乙\n    point 一是 | 丙\n    point 二是 | 戊\n    point 三是 | 己\n"
    );
}

#[test]
fn text_right_after_a_heading_line_is_its_body() {
    // Even a closing word: the heading has said nothing yet.
    let doc =
        parse("一、回顾\n正文。\n二、任务\n（一）甲。正文。\n结束语\n同志们，让我们团结奋斗。");
    assert_eq!(
        render(&doc),
        "heading 一、 | 回顾\nheading 二、 | 任务\n  heading （一） | 甲\nheading | 结束语\n"
    );
}

#[test]
fn web_furniture_at_the_tail_is_no_node() {
    let doc = parse(
        "报告\n一、回顾\n正文。\n二、任务\n正文。\n相关报道：\n李强作政府工作报告\n责任编辑：张三\n打印\n关闭",
    );
    assert_eq!(
        render(&doc),
        "preamble | 报告\nheading 一、 | 回顾\nheading 二、 | 任务\n"
    );
}

#[test]
fn an_address_before_a_coda_titles_the_closing() {
    let doc = parse("１．甲\n一是乙。\n各位代表！\n一是丙。\n二是丁。");
    assert_eq!(
        render(&doc),
        "heading １． | 甲\n  point 一是 | 乙\nclosing | 各位代表\npoint 一是 | 丙\npoint 二是 | 丁\n"
    );
}

#[test]
fn a_title_may_go_on_on_a_second_line_but_not_into_a_name() {
    let doc = parse(
        "中华人民共和国国民经济和社会发展\n第十四个五年规划和2035年远景目标纲要\n正文。\n一、甲",
    );
    assert_eq!(
        doc.display_report_title(),
        "中华人民共和国国民经济和社会发展 第十四个五年规划和2035年远景目标纲要"
    );
    for second in [
        "陈国阳",
        "盛 阅 春",
        "（2010年2月22日）",
        "——在会议上的讲话",
        "同志们：",
    ] {
        let doc = parse(&format!(
            "在全市教育系统年度工作会议上的讲话\n{second}\n正文。\n一、甲"
        ));
        assert_eq!(
            doc.title(),
            "在全市教育系统年度工作会议上的讲话",
            "{second}"
        );
    }
}

#[test]
fn a_caption_is_no_heading_but_does_not_hide_one() {
    // 专栏1 heads a box, not the report: 结束语 after it is the heading.
    let text = "一、甲\n正文。\n二、乙\n正文。\n专栏1  主要指标\n结束语\n实现目标，意义重大。";
    assert_eq!(
        render(&parse(text)),
        "heading 一、 | 甲\nheading 二、 | 乙\nheading | 结束语\n"
    );
}

#[test]
fn a_paged_contents_list_gives_back_the_first_heading_of_the_body() {
    let text = "纲要\n目  录\n第一章  基础 ………1\n第一节  成就 ………1\n第二章  指导 ………8\n序言\n“十四五”时期很关键。\n第一章  基础\n第一节  成就\n正文。\n第二章  指导\n正文。";
    assert_eq!(
        render(&parse(text)),
        "preamble | 纲要\ncontents | 目  录\nheading | 序言\nheading 第一章 | 基础\n  heading 第一节 | 成就\nheading 第二章 | 指导\n"
    );
}

#[test]
fn articles_of_a_regulation() {
    let text = "上海市促进条例\n第一章　总则\n第一条　为了促进发展，制定本条例。\n第二条　本条例适用于本市。\n第二章　附则\n第三条　本条例自2024年1月1日起施行。";
    assert_eq!(
        render(&parse(text)),
        "preamble | 上海市促进条例\nheading 第一章 | 总则\n  heading 第一条 | 为了促进发展，制定本条例\n  heading 第二条 | 本条例适用于本市\nheading 第二章 | 附则\n  heading 第三条 | 本条例自2024年1月1日起施行\n"
    );
}
