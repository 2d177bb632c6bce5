//! Golden tests: the seed's paragraphs at widths 20, 21, 37, 40, 60 and 80, checked by the
//! independent checker in `layout_common` (rules, widths, coverage, fullness) and snapshotted.

mod layout_common;

use gangmu::layout::{LayoutOptions, wrap};
use layout_common::{Check, check, render};
use unicode_width::UnicodeWidthStr;

const SEED: &str = include_str!("../assets/minhang-2024-07-24.txt");
const WIDTHS: [usize; 6] = [20, 21, 37, 40, 60, 80];

fn golden(opts: LayoutOptions, name: &str) {
    for width in WIDTHS {
        let mut out = Vec::new();
        for (p, para) in SEED.lines().enumerate() {
            let lines = wrap(para, width, &opts);
            let errs = check(
                para,
                width,
                &opts,
                &lines,
                Check {
                    strict: true,
                    fullness: true,
                },
            );
            assert!(
                errs.is_empty(),
                "paragraph {p} at width {width}:\n{}",
                errs.join("\n")
            );
            for r in render(para, &opts, &lines) {
                let pad = width.saturating_sub(UnicodeWidthStr::width(r.as_str()));
                out.push(format!("{r}{}|", " ".repeat(pad)));
            }
            out.push(String::new());
        }
        insta::assert_snapshot!(format!("{name}_{width}"), out.join("\n"));
    }
}

#[test]
fn seed_detail_pane() {
    golden(LayoutOptions::default(), "seed_default");
}

#[test]
fn seed_plain() {
    golden(LayoutOptions::PLAIN, "seed_plain");
}

/// The checker itself catches bad layouts (a checker that accepts everything proves nothing).
#[test]
fn checker_rejects_bad_layouts() {
    use gangmu::layout::DisplayLine;
    let opts = LayoutOptions::PLAIN;
    let text = "锚定目标，切实巩固达到4000家";
    let line = |r: std::ops::Range<usize>, w| DisplayLine {
        visible_end: r.end,
        range: r,
        indent: 0,
        width: w,
    };
    let strict = || Check {
        strict: true,
        fullness: true,
    };
    // `，` starts a line.
    let bad = [line(0..12, 8), line(12..text.len(), 21)];
    let errs = check(text, 10, &opts, &bad, strict());
    assert!(
        errs.iter().any(|e| e.contains("starts with ，")),
        "{errs:?}"
    );
    // A short line that could have taken `锚定目` + more.
    let short = [line(0..3, 2), line(3..text.len(), 27)];
    let errs = check(text, 10, &opts, &short, strict());
    assert!(errs.iter().any(|e| e.contains("is short")), "{errs:?}");
    // 4000家 split.
    let cut = text.find('家').unwrap();
    let split = [line(0..cut, 25), line(cut..text.len(), 2)];
    let errs = check(text, 40, &opts, &split, strict());
    assert!(errs.iter().any(|e| e.contains("splits")), "{errs:?}");
    // Too wide, and a gap in the coverage.
    let wide = [line(0..text.len(), 27)];
    assert!(!check(text, 10, &opts, &wide, strict()).is_empty());
    let gap = [line(0..3, 2), line(6..text.len(), 2)];
    assert!(!check(text, 40, &opts, &gap, strict()).is_empty());
}
