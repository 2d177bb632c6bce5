//! Line breaking: greedy first fit over grapheme clusters, measured in display cells.
//!
//! Each line takes as many clusters as fit and ends at the last boundary whose [`Level`] is
//! [`Level::Legal`]. Pulling a character down (clreq's 推出) falls out of this: when `，` would
//! start the next line, the boundary before it is not legal, so the last legal boundary is
//! before the character preceding it. If no legal boundary fits, the line ends at the last
//! [`Level::Clreq`] boundary (inside a Latin word or a long number), and failing that at the last
//! boundary that fits, so the layout never overflows or loops. A cluster wider than the whole
//! line (a wide character at width 1) goes alone on its line.
//!
//! Spaces that do not fit at the end of a line hang: they belong to the line's source range but
//! are not displayed (the line's `visible_end` stops before them).

use std::ops::Range;

use unicode_linebreak::linebreaks;
use unicode_segmentation::UnicodeSegmentation;

use super::cluster::{Kind, display_form, kind_of, width_of};
use super::rules::{self, ClusterView, Level};
use super::{DisplayLine, LayoutOptions};

/// One cluster, prepared for breaking.
#[derive(Clone, Copy, Debug)]
struct Cl {
    start: usize,
    end: usize,
    width: usize,
    kind: Kind,
    first: Option<char>,
    last: Option<char>,
    single: bool,
}

struct Clusters(Vec<Cl>);

impl ClusterView for Clusters {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn first(&self, i: usize) -> Option<char> {
        self.0[i].first
    }
    fn last(&self, i: usize) -> Option<char> {
        self.0[i].last
    }
    fn single(&self, i: usize) -> Option<char> {
        let c = &self.0[i];
        if c.single { c.first } else { None }
    }
}

/// Splits `text` into clusters and grades every boundary.
fn prepare(text: &str, opts: &LayoutOptions) -> (Clusters, Vec<Level>) {
    let graphemes: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
    let mut cls = Vec::with_capacity(graphemes.len());
    // Display text fed to UAX #14, and where each cluster starts in it.
    let mut disp = String::with_capacity(text.len() + text.len() / 4);
    let mut disp_start = Vec::with_capacity(graphemes.len() + 1);
    for (k, &(start, g)) in graphemes.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| graphemes[p].1);
        let next = graphemes.get(k + 1).map(|x| x.1);
        let kind = kind_of(g);
        let d = display_form(g, prev, next, opts);
        disp_start.push(disp.len());
        if kind == Kind::HardBreak {
            disp.push('\n');
        } else {
            disp.push_str(&d);
        }
        let mut chars = d.chars();
        let first = chars.next();
        let single = first.is_some() && chars.next().is_none();
        cls.push(Cl {
            start,
            end: start + g.len(),
            width: width_of(&d),
            kind,
            first,
            last: d.chars().next_back(),
            single,
        });
    }
    let n = cls.len();
    disp_start.push(disp.len());
    let cls = Clusters(cls);

    // UAX #14 on the display text, mapped to cluster boundaries.
    let mut uax = vec![false; n + 1];
    let mut k = 0;
    for (pos, _) in linebreaks(&disp) {
        while k < n && disp_start[k] < pos {
            k += 1;
        }
        if disp_start[k] == pos {
            uax[k] = true;
        }
    }
    let mut glued = vec![false; n + 1];
    rules::glue_numbers(&cls, &mut glued);

    let mut levels = vec![Level::Never; n + 1];
    for i in 1..n {
        levels[i] = if !rules::clreq_ok(&cls, i) {
            Level::Never
        } else if (uax[i] || rules::quote_relaxation(&cls, i)) && !glued[i] {
            Level::Legal
        } else {
            Level::Clreq
        };
    }
    (cls, levels)
}

/// Lays `text` out in lines of at most `width` cells.
///
/// Ranges in the result are byte ranges of `text`; they are in order and cover it exactly once.
/// An empty text gives one empty line. A width of 0 is taken as 1. See the module docs of
/// [`crate::layout`] for the rules.
pub fn wrap(text: &str, width: usize, opts: &LayoutOptions) -> Vec<DisplayLine> {
    let width = width.max(1);
    let (cls, levels) = prepare(text, opts);
    let cl = &cls.0;
    let n = cl.len();
    let first_indent = opts.effective_indent(width);
    let mut lines = Vec::new();
    let mut s = 0;
    let mut after_hard_break = false;
    while s < n || lines.is_empty() || after_hard_break {
        let indent = if lines.is_empty() { first_indent } else { 0 };
        let avail = width - indent;
        // Best boundary so far at each level: (boundary, used width, first hidden cluster).
        let mut best: [Option<(usize, usize, Option<usize>)>; 2] = [None, None];
        let mut used = 0;
        let mut hidden: Option<usize> = None;
        let mut i = s;
        after_hard_break = false;
        let (end, end_used, end_hidden) = loop {
            if i == n {
                break (n, used, hidden);
            }
            let c = &cl[i];
            if c.kind == Kind::HardBreak {
                after_hard_break = true;
                break (i + 1, used, Some(hidden.unwrap_or(i)));
            }
            if hidden.is_none() && used + c.width <= avail {
                used += c.width;
            } else if c.kind == Kind::Space && i > s {
                hidden.get_or_insert(i);
            } else if i == s {
                // Wider than the whole line: alone, overflowing.
                break (i + 1, c.width, None);
            } else {
                break best[1].or(best[0]).unwrap_or((i, used, hidden));
            }
            i += 1;
            if i < n {
                match levels[i] {
                    Level::Legal => best[1] = Some((i, used, hidden)),
                    Level::Clreq => best[0] = Some((i, used, hidden)),
                    Level::Never => {}
                }
            }
        };
        let start = if s < n { cl[s].start } else { text.len() };
        let end_byte = if end > 0 && end > s {
            cl[end - 1].end
        } else {
            start
        };
        let visible_end = end_hidden.map_or(end_byte, |h| cl[h].start);
        lines.push(DisplayLine {
            range: start..end_byte,
            visible_end,
            indent,
            width: end_used,
        });
        s = end;
    }
    lines
}

/// Display clusters of `range` within `text`: (source range, display form, width). Neighbours
/// outside `range` are taken from `text`, so the forms match those [`wrap`] measured.
pub(crate) fn display_clusters<'a>(
    text: &'a str,
    range: Range<usize>,
    opts: &'a LayoutOptions,
) -> impl Iterator<Item = (Range<usize>, std::borrow::Cow<'a, str>, usize)> + 'a {
    let mut prev = text[..range.start].graphemes(true).next_back();
    let base = range.start;
    let mut it = text[range.clone()].grapheme_indices(true).peekable();
    let after = &text[range.end..];
    std::iter::from_fn(move || {
        let (off, g) = it.next()?;
        let next = match it.peek() {
            Some(&(_, n)) => Some(n),
            None => after.graphemes(true).next(),
        };
        let d = display_form(g, prev, next, opts);
        prev = Some(g);
        let w = width_of(&d);
        Some((base + off..base + off + g.len(), d, w))
    })
}
