//! Unit tests of the layout engine.

use super::*;

fn show(text: &str, width: usize, opts: &LayoutOptions) -> Vec<String> {
    wrap(text, width, opts)
        .iter()
        .map(|l| {
            let segs = segments(l, text, opts, &[]);
            format!(
                "{}{}",
                " ".repeat(l.indent),
                segs.iter().map(|s| s.text.as_str()).collect::<String>()
            )
        })
        .collect()
}

#[test]
fn basic_chinese() {
    let t = "锚定目标,切实巩固增强经济回升向好态势。";
    let lines = show(t, 10, &LayoutOptions::default());
    // `，` may not start a line: `标` is pulled down with it (推出).
    assert_eq!(
        lines,
        vec!["  锚定目", "标，切实巩", "固增强经济", "回升向好态", "势。"]
    );
}

#[test]
fn wide_character_at_width_one_overflows_alone() {
    let lines = show("中a文", 1, &LayoutOptions::default());
    assert_eq!(lines, vec!["中", "a", "文"]);
}

#[test]
fn dashes_ellipses_and_numbers_stay_whole() {
    let o = LayoutOptions::PLAIN;
    assert_eq!(show("一二三——四五", 7, &o), vec!["一二三", "——四五"]);
    assert_eq!(show("一二三……四五", 7, &o), vec!["一二", "三……四", "五"]);
    assert_eq!(
        show("面积1万平方米左右", 10, &o),
        vec!["面积", "1万平方米", "左右"]
    );
    assert_eq!(
        show("新增60公顷绿地", 7, &o),
        vec!["新增", "60公顷", "绿地"]
    );
    assert_eq!(show("比重超过5.2%的", 10, &o), vec!["比重超过", "5.2%的"]);
}

#[test]
fn controls_are_placeholders_and_newline_breaks() {
    let o = LayoutOptions::PLAIN;
    assert_eq!(
        show("a\u{1b}[2Jb\u{202e}c\u{85}", 20, &o),
        vec!["a␛[2Jb␦c␦"]
    );
    let t = "甲乙\n丙";
    let lines = wrap(t, 20, &LayoutOptions::default());
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].range, 0..7);
    assert_eq!(lines[0].visible_end, 6);
    assert_eq!((lines[1].indent, lines[1].range.clone()), (0, 7..10));
}

#[test]
fn fullwidth_punct_is_display_only_and_measured() {
    let t = "甲,乙(丙) a,b";
    let o = LayoutOptions {
        first_line_indent: 0,
        fullwidth_punct: true,
    };
    assert_eq!(show(t, 40, &o), vec!["甲，乙（丙） a,b"]);
    assert_eq!(wrap(t, 40, &o)[0].width, 16);
    // The source range of `，` is the ASCII comma's.
    let segs = segments(&wrap(t, 40, &o)[0], t, &o, &[(3..4, Mark::HIT)]);
    assert_eq!(segs[1].text, "，");
    assert_eq!(segs[1].range, 3..4);
    assert_eq!(segs[1].mark, Mark::HIT);
}

#[test]
fn trailing_spaces_hang() {
    let o = LayoutOptions::PLAIN;
    let lines = wrap("abc def", 3, &o);
    assert_eq!(lines[0].range, 0..4);
    assert_eq!(lines[0].visible_end, 3);
    assert_eq!(show("abc def", 3, &o), vec!["abc", "def"]);
    // A word longer than the line is cut.
    assert_eq!(show("abcdefgh", 3, &o), vec!["abc", "def", "gh"]);
}

#[test]
fn quotes_break_in_cjk_context() {
    // Unicode 15.1 LB19a: a break before `“` after Han text (15.0 forbade it).
    let o = LayoutOptions::PLAIN;
    assert_eq!(
        show("实施“一企一策”", 5, &o),
        vec!["实施", "“一企", "一策”"]
    );
}

#[test]
fn cache_wraps_once_per_key() {
    let mut c = LayoutCache::with_capacity(2);
    let o = LayoutOptions::default();
    let a = c.lines(1, "甲乙丙", 4, &o);
    let b = c.lines(1, "甲乙丙", 4, &o);
    assert!(std::sync::Arc::ptr_eq(&a, &b));
    assert_eq!(c.wrap_count(), 1);
    c.lines(2, "丁", 4, &o);
    c.lines(1, "甲乙丙", 6, &o); // full: other widths go first
    assert_eq!(c.len(), 1);
    assert_eq!(c.wrap_count(), 3);
}

#[test]
fn ratatui_edge_builds_styled_line() {
    use ratatui::style::{Color, Style};
    let t = "甲乙丙";
    let o = LayoutOptions::default();
    let l = &wrap(t, 20, &o)[0];
    let line = ratatui_edge::render_line(l, t, &o, &[(3..6, Mark::HIT)], |m| {
        if m.contains(Mark::HIT) {
            Style::new().fg(Color::Red)
        } else {
            Style::new()
        }
    });
    let parts: Vec<(String, Style)> = line
        .spans
        .iter()
        .map(|s| (s.content.to_string(), s.style))
        .collect();
    assert_eq!(parts[0].0, "  ");
    assert_eq!(parts[2], ("乙".to_string(), Style::new().fg(Color::Red)));
}

#[test]
fn display_line_uses_the_detail_panes_forms() {
    let o = LayoutOptions::default();
    assert_eq!(
        super::display_line("第一,重点行业(稳定)支撑。a,b\x1b", &o),
        "第一，重点行业（稳定）支撑。a,b␛"
    );
    assert_eq!(
        super::display_line("甲\n乙", &LayoutOptions::PLAIN),
        "甲␊乙"
    );
    assert_eq!(
        super::display_line("第一,重点", &LayoutOptions::PLAIN),
        "第一,重点"
    );
}
