//! Property tests: any text or bytes parse without panic into an outline
//! whose spans nest, are ordered, lie on char boundaries and cover every
//! non-whitespace character; GB18030 and UTF-8 twins agree.

use gangmu::document::{Document, check::check};
use proptest::prelude::*;

/// Pieces real reports are made of, so random texts hit the parser's rules.
const PIECES: &[&str] = &[
    "第一,",
    "第二，",
    "第十、",
    "第三:",
    "一、",
    "二、",
    "（一）",
    "（二）",
    "(三)",
    "1.",
    "2、",
    "１．",
    "（1）",
    "(2)",
    "①",
    "②",
    "第一章 ",
    "第二节",
    "第一篇",
    "一是",
    "二是",
    "三是",
    "一方面",
    "另一方面",
    "一手抓",
    "首先",
    "其次",
    "最后",
    "其一",
    "其二",
    "——",
    "目录",
    "另外,",
    "**",
    "# ",
    "> ",
    "---",
    "。",
    "；",
    ";",
    "，",
    ",",
    "：",
    "！",
    "？",
    "“",
    "”",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "　　",
    " ",
    "\t",
    "锚定目标",
    "大零号湾",
    "4000家",
    "1.3万亿斤",
    "安全第一",
    "第一书记",
    "一企一策",
    "十五五",
    "\u{FEFF}",
    "\u{FFFD}",
    "é",
    "😀",
    "\u{0301}",
    "\u{1b}[2J",
    "第一部分 ",
    "第二部分",
    "(十 八)",
    "( 二 )",
    "【重点任务1】",
    "【字号：大 中 小】",
    "目  录",
    "序 言",
    "结束语",
    "附件1",
    "... 2",
    "………1",
    "各位代表！",
    "同志们，",
    "让我们",
    "提三点希望：",
    "来源：",
    "打印",
    "(2010-2020年)",
];

fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

/// Reports as lines: each line a few pieces, so heading lines, contents
/// lists and stand-alone lines come up often.
fn report_lines() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(prop::sample::select(PIECES), 0..5).prop_map(|v| v.concat()),
        0..40,
    )
    .prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_report_like_text_gives_a_valid_outline(text in report_like()) {
        let doc = Document::from_text("p", text.clone(), Default::default());
        prop_assert_eq!(&doc.text, &text);
        if let Err(e) = check(&doc.text, &doc.outline) {
            return Err(TestCaseError::fail(format!("{e}\n{text:?}")));
        }
    }

    #[test]
    fn any_report_lines_give_a_valid_bounded_outline(text in report_lines()) {
        let doc = Document::from_text("p", text.clone(), Default::default());
        if let Err(e) = check(&doc.text, &doc.outline) {
            return Err(TestCaseError::fail(format!("{e}\n{text:?}")));
        }
        // Ranks, styles and one restarted list bound the depth.
        prop_assert!(doc.outline.height() <= 24, "height {}", doc.outline.height());
        prop_assert!(doc.title().chars().count() <= 80);
        for id in 0..doc.outline.len() {
            prop_assert!(doc.node_title(id).chars().count() <= 80);
            prop_assert!(!doc.display_title(id).contains("**"));
        }
    }

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(doc) = Document::from_bytes("p", &bytes) {
            prop_assert!(check(&doc.text, &doc.outline).is_ok());
            if std::str::from_utf8(&bytes).is_ok() && !bytes.starts_with(b"\xEF\xBB\xBF") {
                prop_assert_eq!(doc.text.as_bytes(), &bytes[..]);
            }
        } else {
            prop_assert!(bytes.contains(&0));
        }
    }

    #[test]
    fn gb18030_twin_has_the_same_outline(text in report_like()) {
        let text = text.replace('\u{FEFF}', "");
        let utf8 = Document::from_bytes("u", text.as_bytes()).unwrap();
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let gb_doc = Document::from_bytes("g", &gb).unwrap();
        // Short inputs may be too short to detect; when decoded right, the
        // outline must match exactly.
        if gb_doc.text == text {
            prop_assert_eq!(gb_doc.outline, utf8.outline);
        }
    }
}
