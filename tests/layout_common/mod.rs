//! A checker for laid-out text, independent of the engine's breaking logic.
//!
//! It re-derives every rule from the issue: prohibited line starts and ends, `——`/`……`, numbers
//! with their units, UAX #14 (unicode-linebreak on the display text, with Unicode 15.1's LB19a
//! for quotation marks next to CJK text), widths, coverage; and proves that a short line could
//! not have taken more: every longer prefix that fits ends at a boundary a rule forbids.
//! It uses the engine only for display forms (one cluster at a time, via `segments`).

#![allow(dead_code)]

use std::ops::Range;

use gangmu::layout::{DisplayLine, LayoutOptions, segments};
use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

pub const START: &str = "，。、；：？！）》」』】〕〉”’…‥·～／,.;:?!)]}%";
pub const END: &str = "（《「『【〔〈“‘([{";

/// Number-with-unit tokens that must never be split (from the issue and the seed).
pub const TOKENS: &[&str] = &[
    "4000家",
    "5.2%",
    "1万平方米",
    "60公顷",
    "80%",
    "10平方公里",
    "1平方公里",
    "24小时",
    "7公里",
    "125家",
    "5家",
    "3.0版",
    "5530弄",
    "2处",
    "9个",
    "24日",
    "7月",
];

pub struct Cl {
    pub range: Range<usize>,
    pub disp: String,
    pub width: usize,
    pub space: bool,
    pub hard: bool,
}

/// Clusters of `text` with their display forms.
pub fn clusters(text: &str, opts: &LayoutOptions) -> Vec<Cl> {
    text.grapheme_indices(true)
        .map(|(i, g)| {
            let range = i..i + g.len();
            let one = DisplayLine {
                range: range.clone(),
                visible_end: range.end,
                indent: 0,
                width: 0,
            };
            let disp: String = segments(&one, text, opts, &[])
                .iter()
                .map(|s| s.text.as_str())
                .collect();
            let hard = g == "\n" || g == "\r\n";
            Cl {
                range,
                width: disp.width(),
                disp,
                space: g == " " || g == "\t",
                hard,
            }
        })
        .collect()
}

fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x3040..=0x30FF | 0xFF01..=0xFF60) || is_han(c)
}

/// Rule checks for a break before cluster `b`.
pub struct Rules<'a> {
    text: &'a str,
    cl: &'a [Cl],
    uax: Vec<bool>,
}

impl<'a> Rules<'a> {
    pub fn new(text: &'a str, cl: &'a [Cl]) -> Self {
        let mut disp = String::new();
        let mut starts = Vec::new();
        for c in cl {
            starts.push(disp.len());
            disp.push_str(if c.hard { "\n" } else { &c.disp });
        }
        let mut uax = vec![false; cl.len() + 1];
        for (pos, _) in linebreaks(&disp) {
            if let Ok(k) = starts.binary_search(&pos) {
                uax[k] = true;
            }
        }
        Rules { text, cl, uax }
    }

    /// Why a break before cluster `b` is forbidden by clreq's start/end/pair rules, if it is.
    pub fn clreq_violation(&self, b: usize) -> Option<String> {
        let a = self.cl[b - 1].disp.chars().next_back();
        let n = self.cl[b].disp.chars().next();
        if let Some(n) = n.filter(|&n| START.contains(n)) {
            return Some(format!("line starts with {n}"));
        }
        if let Some(a) = a.filter(|&a| END.contains(a)) {
            return Some(format!("line ends with {a}"));
        }
        if let (Some(a), Some(n)) = (a, n)
            && ((a == '—' && n == '—') || (a == '…' && n == '…'))
        {
            return Some(format!("splits {a}{n}"));
        }
        None
    }

    /// Why a break before cluster `b` is forbidden by any rule, if it is.
    pub fn violation(&self, b: usize) -> Option<String> {
        if let Some(v) = self.clreq_violation(b) {
            return Some(v);
        }
        let a = self.cl[b - 1].disp.chars().next_back().unwrap_or(' ');
        let n = self.cl[b].disp.chars().next().unwrap_or(' ');
        if a.is_ascii_digit() && (n.is_ascii_digit() || n == '.' || n == '%' || is_han(n)) {
            return Some(format!("splits number {a}|{n}"));
        }
        let at = self.cl[b].range.start;
        for t in TOKENS {
            for (i, _) in self.text.match_indices(t) {
                if i < at && at < i + t.len() {
                    return Some(format!("splits {t}"));
                }
            }
        }
        let quote = (matches!(n, '“' | '‘') && is_cjk(a)) || (matches!(a, '”' | '’') && is_cjk(n));
        if !self.uax[b] && !quote {
            return Some("UAX #14 forbids".into());
        }
        None
    }
}

pub struct Check {
    /// Prohibited starts/ends are errors even when forced.
    pub strict: bool,
    /// Prove every short line is as full as the rules allow.
    pub fullness: bool,
}

/// Checks `lines` (from `wrap(text, width, opts)`). Returns a list of problems.
pub fn check(
    text: &str,
    width: usize,
    opts: &LayoutOptions,
    lines: &[DisplayLine],
    how: Check,
) -> Vec<String> {
    let mut errs = Vec::new();
    let width = width.max(1);
    let cl = clusters(text, opts);
    let rules = Rules::new(text, &cl);
    // Coverage.
    let mut pos = 0;
    for l in lines {
        if l.range.start != pos || l.range.end < l.range.start {
            errs.push(format!("range {:?} does not follow {pos}", l.range));
        }
        pos = l.range.end;
    }
    if pos != text.len() || lines.is_empty() {
        errs.push(format!("lines end at {pos}, text at {}", text.len()));
        return errs;
    }
    let idx = |off: usize| cl.partition_point(|c| c.range.start < off);
    for (k, l) in lines.iter().enumerate() {
        let (s, e) = (idx(l.range.start), idx(l.range.end));
        if e < cl.len() && cl[e].range.start != l.range.end {
            errs.push(format!("line {k} ends inside a cluster"));
            continue;
        }
        let avail = width - l.indent;
        let vis: Vec<&Cl> = cl[s..e]
            .iter()
            .filter(|c| c.range.end <= l.visible_end)
            .collect();
        let w: usize = vis.iter().map(|c| c.width).sum();
        if w != l.width {
            errs.push(format!(
                "line {k}: width {} but clusters measure {w}",
                l.width
            ));
        }
        if w > avail && !(e - s == 1 && cl[s].width > avail) {
            errs.push(format!("line {k}: {w} cells > {avail}"));
        }
        if cl[s..e]
            .iter()
            .any(|c| c.hard && c.range.end != l.range.end)
        {
            errs.push(format!("line {k}: newline inside"));
        }
        if e == cl.len() || (e > 0 && cl[e - 1].hard) || e <= s {
            continue;
        }
        // The break before cluster e.
        let fits = |b: usize| {
            let mut t = b;
            while t > s && cl[t - 1].space {
                t -= 1;
            }
            cl[s..t].iter().map(|c| c.width).sum::<usize>() <= avail
        };
        if let Some(v) = rules.clreq_violation(e) {
            let forced = (s + 1..e).all(|b| rules.clreq_violation(b).is_some() || !fits(b));
            if how.strict || !forced {
                errs.push(format!("line {k} → {k}+1: {v} (forced: {forced})"));
            }
        }
        if how.fullness {
            if let Some(v) = rules.violation(e) {
                errs.push(format!("line {k} → {k}+1: break violates: {v}"));
            }
            let mut b = e + 1;
            while b < cl.len() && fits(b) && !cl[b - 1].hard {
                if rules.violation(b).is_none() {
                    errs.push(format!(
                        "line {k} is short: could end before {:?} (byte {})",
                        cl[b].disp, cl[b].range.start
                    ));
                }
                b += 1;
            }
        }
    }
    errs
}

/// The lines as they would be drawn (indent, display forms).
pub fn render(text: &str, opts: &LayoutOptions, lines: &[DisplayLine]) -> Vec<String> {
    lines
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
