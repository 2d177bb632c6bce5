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
