//! The compare view, drawn over the panes: the rows of the comparison as
//! `--compare` prints them (a mark, measure, unit, old → new, change,
//! outcome and the result's words), columns lined up in display width and
//! dropped, least needed first, where the screen is narrow; and a row's
//! passages, one above the other, each with its report's year and title
//! and its breadcrumb, its words highlighted.
//!
//! The cells come made ([`crate::tui::app::compare::RowText`]: display
//! forms, terminal-safe); titles are sanitised here; passages are laid out
//! by the layout engine, whose display forms are terminal-safe.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Widget};

use super::theme::Theme;
use super::{clear_popup_area, put};
use crate::compare::{Change, Side, Verdict};
use crate::layout::{self, LayoutOptions, Mark};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::app::compare::{CompareView, Passage, RowText, Which};
use crate::tui::geometry;
use crate::tui::text::{sanitize, str_width, truncate};

/// A column of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    /// `=` `~` `+` `-`: the change at a glance.
    Mark,
    Measure,
    Unit,
    Old,
    /// `→` between the two values.
    Arrow,
    New,
    Change,
    Outcome,
    Result,
}

impl Col {
    fn header(self) -> &'static str {
        match self {
            Col::Mark | Col::Arrow => "",
            Col::Measure => "measure",
            Col::Unit => "unit",
            Col::Old => "old",
            Col::New => "new",
            Col::Change => "change",
            Col::Outcome => "outcome",
            Col::Result => "result",
        }
    }

    /// Cells between this column and the one before it.
    fn gap(self) -> u16 {
        match self {
            Col::Mark => 0,
            Col::Measure => 1,
            Col::Arrow | Col::New => 1,
            _ => 2,
        }
    }

    /// The least width a shown column gets.
    fn min(self) -> u16 {
        match self {
            Col::Mark | Col::Arrow => 1,
            Col::Measure => 8,
            Col::Old | Col::New => 6,
            Col::Unit => 2,
            Col::Result => 8,
            Col::Change => 9,
            // The sign alone (`✓`), the word beside it where there is room.
            Col::Outcome => 1,
        }
    }
}

/// The columns in display order.
const ORDER: [Col; 9] = [
    Col::Mark,
    Col::Measure,
    Col::Unit,
    Col::Old,
    Col::Arrow,
    Col::New,
    Col::Change,
    Col::Outcome,
    Col::Result,
];

/// The optional columns, the first dropped first when the row is narrow.
const DROPPED_FIRST: [Col; 4] = [Col::Result, Col::Unit, Col::Change, Col::Outcome];

/// The most a column's natural width counts (the rest is cut with `…`).
fn cap(c: Col) -> usize {
    match c {
        Col::Measure => 36,
        Col::Unit => 12,
        Col::Old | Col::New => 20,
        _ => usize::MAX,
    }
}

/// The verdict as shown: a sign that reads without colours, then the
/// word.
fn verdict_label(outcome: &str) -> &'static str {
    match outcome {
        "met" => "✓ met",
        "missed" => "✗ missed",
        "unclear" => "? unclear",
        _ => "",
    }
}

fn mark(change: Change) -> &'static str {
    match change {
        Change::Unchanged => "=",
        Change::Changed => "~",
        Change::New => "+",
        Change::Dropped => "-",
    }
}

fn cell(t: &RowText, c: Col) -> &str {
    match c {
        Col::Mark => "",
        Col::Measure => &t.measure,
        Col::Unit => &t.unit,
        Col::Old => &t.old,
        Col::Arrow => "→",
        Col::New => &t.new,
        Col::Change => t.change,
        Col::Outcome => verdict_label(t.outcome),
        Col::Result => &t.result,
    }
}

/// The columns shown in `width` cells and their widths: every column at
/// its natural width (its widest cell, capped) where that fits; else the
/// optional ones dropped (result, unit, then change) until the values fit
/// whole beside 8 Han characters of the measure, and the outcome too when
/// even the least widths do not fit; the columns shown then grow from
/// their least widths toward their natural ones (values and unit first,
/// then the measure), and the result takes what is left.
pub fn columns(texts: &[RowText], width: u16) -> Vec<(Col, u16)> {
    let mut natural = ORDER.map(|c| str_width(c.header()));
    for t in texts {
        for (n, &c) in natural.iter_mut().zip(&ORDER) {
            *n = (*n).max(str_width(cell(t, c)));
        }
    }
    let nat = |c: Col| -> u16 {
        let i = ORDER.iter().position(|&o| o == c).unwrap_or(0);
        natural[i].clamp(1, cap(c).min(u16::MAX as usize)) as u16
    };
    // Columns with nothing to show in any row are left out.
    let mut shown: Vec<Col> = ORDER
        .into_iter()
        .filter(|&c| {
            !matches!(c, Col::Unit | Col::Outcome | Col::Result)
                || texts.iter().any(|t| !cell(t, c).is_empty())
        })
        .collect();
    let least = |c: Col| c.min().min(nat(c));
    // What the row needs to read well: the values and the verdict whole,
    // the measure to 8 Han characters.
    let comfortable = |c: Col| match c {
        Col::Measure => nat(c).min(16),
        Col::Old | Col::New | Col::Outcome => nat(c),
        _ => least(c),
    };
    let need = |cols: &[Col], w: &dyn Fn(Col) -> u16| -> u16 {
        cols.iter().map(|&c| c.gap() + w(c)).sum()
    };
    for drop in DROPPED_FIRST {
        let fits = if drop == Col::Outcome {
            need(&shown, &least) <= width
        } else {
            need(&shown, &comfortable) <= width
        };
        if fits {
            break;
        }
        shown.retain(|&c| c != drop);
    }
    let mut room = width.saturating_sub(need(&shown, &least));
    let mut widths: Vec<(Col, u16)> = shown.iter().map(|&c| (c, least(c))).collect();
    // The values a cell at a time each, as long as either wants more;
    // then the others, each to its natural width in turn.
    let mut grow = |col: Col, by: u16, room: &mut u16| {
        if let Some((_, w)) = widths.iter_mut().find(|(c, _)| *c == col) {
            let more = nat(col).saturating_sub(*w).min(by).min(*room);
            *w += more;
            *room -= more;
            return more > 0;
        }
        false
    };
    while room > 0 && (grow(Col::Old, 1, &mut room) | grow(Col::New, 1, &mut room)) {}
    for col in [Col::Outcome, Col::Unit, Col::Measure, Col::Change] {
        grow(col, u16::MAX, &mut room);
    }
    if let Some((_, w)) = widths.iter_mut().find(|(c, _)| *c == Col::Result) {
        *w += room;
    }
    widths
}

/// `2023 2023政府工作报告`: a report's year and title, terminal-safe.
fn side_label(s: &Side) -> String {
    let year = s
        .year
        .map_or_else(|| "year?".to_string(), |y| y.to_string());
    sanitize(&format!("{year} {}", s.title)).into_owned()
}

/// Draws the compare view over the body of the screen.
pub fn render(buf: &mut Buffer, screen: Rect, app: &App, theme: &Theme) {
    let area = geometry::results_area(screen.width, screen.height);
    if area.width < 8 || area.height < 3 {
        return;
    }
    clear_popup_area(buf, area);
    let Some(v) = &app.compare else {
        // A report is still being read: compared once it is.
        Block::new()
            .borders(Borders::ALL)
            .title(" compare ")
            .border_style(theme.border(true))
            .render(area, buf);
        let msg = "reading the reports… (compared once read)";
        put(
            buf,
            area.x + 1,
            area.y + 1,
            msg,
            area.width - 2,
            theme.dim(),
        );
        return;
    };
    let title = match &v.compared {
        Some(c) => format!(
            " compare {} → {} ",
            side_label(&c.comparison.old),
            side_label(&c.comparison.new)
        ),
        None => " compare ".to_string(),
    };
    Block::new()
        .borders(Borders::ALL)
        .title(truncate(&title, area.width.saturating_sub(2) as usize).into_owned())
        .border_style(theme.border(true))
        .render(area, buf);
    let inner = Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2);
    let Some(c) = &v.compared else {
        put(
            buf,
            inner.x,
            inner.y,
            "comparing the two reports' targets…",
            inner.width,
            theme.dim(),
        );
        return;
    };
    summary(buf, area, v, theme);
    if c.texts.is_empty() || v.shown.is_empty() {
        let why = if c.texts.is_empty() {
            "neither report states a target".to_string()
        } else {
            let key = app
                .keymap
                .command_key(Action::SearchFilter)
                .unwrap_or_default();
            format!("no changes: every target is unchanged ({key} shows every row)")
        };
        put(buf, inner.x, inner.y, &why, inner.width, theme.dim());
        return;
    }
    let cols = columns(&c.texts, inner.width);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    draw_row(buf, inner, inner.y, &cols, |col| (col.header(), bold));
    let page = (inner.height as usize).saturating_sub(1);
    if page == 0 {
        return;
    }
    let sel = v.list.selected();
    let from = v.list.shown_from(page);
    for (k, &i) in v.shown.iter().enumerate().skip(from).take(page) {
        let (Some(t), Some(row)) = (c.texts.get(i), c.comparison.rows.get(i)) else {
            break;
        };
        let y = inner.y + 1 + (k - from) as u16;
        let base = if sel == Some(k) {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected(true));
            theme.selected(true)
        } else {
            Style::new()
        };
        let verdict = row.outcome.as_ref().map(|o| o.verdict);
        draw_row(buf, inner, y, &cols, |col| match col {
            Col::Mark => (mark(row.change), base.patch(theme.change(row.change))),
            Col::Change => (cell(t, col), base.patch(theme.change(row.change))),
            Col::Outcome => (
                cell(t, col),
                verdict.map_or(base, |v| base.patch(theme.verdict(v))),
            ),
            Col::Arrow if t.old.is_empty() || t.new.is_empty() => ("", base),
            Col::Unit | Col::Result | Col::Arrow => (cell(t, col), base.patch(theme.dim())),
            _ => (cell(t, col), base),
        });
    }
}

/// The counts on the lower border: `16 rows: 6 = 2 ~ 8 + 0 -`, and
/// whether only the changes are shown.
fn summary(buf: &mut Buffer, area: Rect, v: &CompareView, theme: &Theme) {
    let [same, changed, new, dropped] = v.counts();
    let total = same + changed + new + dropped;
    let text = if v.changes_only {
        format!(" changes only: {} of {total} rows ", v.shown.len())
    } else {
        format!(" {total} rows: {same} unchanged, {changed} changed, {new} new, {dropped} dropped ")
    };
    let w = str_width(&text) as u16;
    if w + 4 <= area.width && area.height >= 3 {
        put(
            buf,
            area.right() - 2 - w,
            area.bottom() - 1,
            &text,
            w,
            theme.key(),
        );
    }
}

/// Draws one row of cells, each cut to its column.
fn draw_row<'a>(
    buf: &mut Buffer,
    inner: Rect,
    y: u16,
    cols: &[(Col, u16)],
    cell: impl Fn(Col) -> (&'a str, Style),
) {
    let mut x = inner.x;
    for &(col, w) in cols {
        x = x.saturating_add(col.gap());
        if x >= inner.right() {
            break;
        }
        let w = w.min(inner.right() - x);
        let (text, style) = cell(col);
        // A narrow outcome column keeps the verdict's sign (`✓`).
        let text = match text.char_indices().nth(1) {
            Some((i, _)) if col == Col::Outcome && str_width(text) > w as usize => &text[..i],
            _ => text,
        };
        put(buf, x, y, text, w, style);
        x += w;
    }
}

// ----- the passages ------------------------------------------------------

/// A passage as drawn: its header (which, year, title), its breadcrumb,
/// its sentence laid out at the width.
struct PassageLines {
    header: String,
    crumb: String,
    text: String,
    lines: Vec<layout::DisplayLine>,
    /// The item's own words in the sentence, relative to it.
    words: Range<usize>,
    opts: LayoutOptions,
}

/// The most bytes of a passage shown on each side of the item's words: a
/// "sentence" without stops can be a whole long paragraph, and only a few
/// lines of it show.
const AROUND: usize = 2048;

/// The part of `sentence` shown around `words` (at most [`AROUND`] bytes
/// on each side, cut on character boundaries, `…` where cut), and the
/// words' place in it.
fn window(text: &str, sentence: Range<usize>, words: Range<usize>) -> (String, Range<usize>) {
    let words = words.start.clamp(sentence.start, sentence.end)
        ..words.end.clamp(sentence.start, sentence.end);
    let mut from = words.start.saturating_sub(AROUND).max(sentence.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = words.end.saturating_add(AROUND).min(sentence.end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let to = to.max(from);
    let lead = if from > sentence.start { "…" } else { "" };
    let tail = if to < sentence.end { "…" } else { "" };
    let shown = format!("{lead}{}{tail}", &text[from..to]);
    let at = |o: usize| o.clamp(from, to) - from + lead.len();
    (shown, at(words.start)..at(words.end))
}

fn passage_block(
    app: &App,
    p: &Passage,
    side: &Side,
    verdict: Option<Verdict>,
    width: u16,
) -> PassageLines {
    let r = &app.reports()[p.report.0];
    let which = match (p.which, verdict) {
        (Which::Result, Some(v)) => format!("result ({})", v.as_str()),
        (w, _) => w.as_str().to_string(),
    };
    let header = format!("{which}  {}", side_label(side));
    let crumb = super::status::crumb_fit(r, p.item.node, width as usize);
    let (text, words) = window(&r.doc.text, p.item.sentence.clone(), p.item.span.clone());
    let opts = LayoutOptions {
        first_line_indent: 0,
        ..*r.detail.cache.options()
    };
    let lines = layout::wrap(&text, (width as usize).max(1), &opts);
    PassageLines {
        header,
        crumb,
        text,
        lines,
        words,
        opts,
    }
}

/// The first of a passage's lines to show when only `shown` of them fit:
/// the one where the item's words start, moved up as far as the lines
/// left below allow, so that the words show whatever is cut.
fn first_shown(lines: &[layout::DisplayLine], words: &Range<usize>, shown: usize) -> usize {
    let at = lines
        .iter()
        .position(|l| l.range.end > words.start)
        .unwrap_or(0);
    at.min(lines.len().saturating_sub(shown))
}

/// How many text lines each block gets in `height` rows: all it needs
/// where everything fits; else an equal share each (at least one line),
/// what a short block leaves going to the longer ones.
fn text_budget(needs: &[usize], height: usize) -> Vec<usize> {
    let n = needs.len();
    // Header and breadcrumb per block, a blank line between blocks.
    let mut room = height.saturating_sub(n * 2 + n.saturating_sub(1));
    let mut out = vec![0; n];
    // A line at a time to each block that wants more, in turn: every
    // round gives at least one line or ends.
    while room > 0 {
        let mut gave = false;
        for (o, &need) in out.iter_mut().zip(needs) {
            if room > 0 && *o < need {
                *o += 1;
                room -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    out
}

/// Draws the selected row's passages, one above the other, over the body
/// of the screen; the chosen one's header in the selection's style.
pub fn render_passages(buf: &mut Buffer, screen: Rect, app: &App, theme: &Theme) {
    let Some(v) = &app.compare else {
        return;
    };
    let (Some(c), Some(i)) = (&v.compared, v.selected_row()) else {
        return;
    };
    let (Some(t), Some(row)) = (c.texts.get(i), c.comparison.rows.get(i)) else {
        return;
    };
    let area = geometry::results_area(screen.width, screen.height);
    if area.width < 8 || area.height < 3 {
        return;
    }
    clear_popup_area(buf, area);
    let values = match (t.old.is_empty(), t.new.is_empty()) {
        (false, false) => format!("{} → {}", t.old, t.new),
        (true, _) => format!("→ {}", t.new),
        (_, true) => format!("{} →", t.old),
    };
    let title = format!(" {} {values} · {} ", t.measure, t.change);
    Block::new()
        .borders(Borders::ALL)
        .title(truncate(&title, area.width.saturating_sub(2) as usize).into_owned())
        .border_style(theme.border(true))
        .render(area, buf);
    let inner = Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2);
    let verdict = row.outcome.as_ref().map(|o| o.verdict);
    let blocks: Vec<PassageLines> = v
        .passages()
        .iter()
        .map(|p| {
            let side = match p.which {
                Which::Old => &c.comparison.old,
                Which::New | Which::Result => &c.comparison.new,
            };
            passage_block(app, p, side, verdict, inner.width.saturating_sub(2))
        })
        .collect();
    let needs: Vec<usize> = blocks.iter().map(|b| b.lines.len()).collect();
    let budget = text_budget(&needs, inner.height as usize);
    let mut y = inner.y;
    for (k, (b, &lines)) in blocks.iter().zip(&budget).enumerate() {
        if y >= inner.bottom() {
            break;
        }
        let head = if k == v.chosen {
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.selected(true));
            theme.selected(true)
        } else {
            theme.title()
        };
        put(buf, inner.x, y, &b.header, inner.width, head);
        y += 1;
        if y >= inner.bottom() {
            break;
        }
        put(buf, inner.x, y, &b.crumb, inner.width, theme.dim());
        y += 1;
        let styles = [(b.words.clone(), Mark::SELECTED_TARGET)];
        let first = first_shown(&b.lines, &b.words, lines);
        for (n, line) in b.lines.iter().enumerate().skip(first).take(lines) {
            if y >= inner.bottom() {
                break;
            }
            let mut x = inner.x + 2;
            for seg in layout::segments(line, &b.text, &b.opts, &styles) {
                if x >= inner.right() {
                    break;
                }
                let style = if seg.mark.contains(Mark::SELECTED_TARGET) {
                    theme.highlight()
                } else {
                    Style::new()
                };
                x = put(buf, x, y, &seg.text, inner.right() - x, style);
            }
            if n + 1 == first + lines && n + 1 < b.lines.len() && x < inner.right() {
                put(buf, x, y, "…", 1, theme.dim());
            }
            y += 1;
        }
        y += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(measure: &str, old: &str, new: &str, outcome: &'static str) -> RowText {
        RowText {
            change: "changed",
            measure: measure.into(),
            unit: "%".into(),
            old: old.into(),
            new: new.into(),
            outcome,
            result: if outcome.is_empty() { "" } else { "增长5.2%" }.into(),
        }
    }

    #[test]
    fn columns_fit_the_width_dropping_the_least_needed_first() {
        let rows = [
            row("国内生产总值增长", "5%左右", "5%左右", "met"),
            row("赤字率", "3%", "4%", ""),
        ];
        let total = |cols: &[(Col, u16)]| -> u16 { cols.iter().map(|&(c, w)| c.gap() + w).sum() };
        let names = |cols: &[(Col, u16)]| -> Vec<Col> { cols.iter().map(|&(c, _)| c).collect() };
        let wide = columns(&rows, 120);
        assert_eq!(names(&wide), ORDER.to_vec());
        assert_eq!(total(&wide), 120, "the result takes what is left");
        assert_eq!(wide[1], (Col::Measure, 16));
        let narrow = columns(&rows, 38);
        assert_eq!(
            names(&narrow),
            [
                Col::Mark,
                Col::Measure,
                Col::Old,
                Col::Arrow,
                Col::New,
                Col::Outcome
            ]
        );
        assert!(total(&narrow) <= 38);
        for w in 0..200 {
            let cols = columns(&rows, w);
            // Below the least the required columns take, drawing cuts them.
            assert!(total(&cols) <= w.max(27), "{w}: {cols:?}");
        }
        // No outcome in any row: no outcome nor result column.
        let cols = columns(&[row("赤字率", "3%", "4%", "")], 200);
        assert!(!names(&cols).contains(&Col::Outcome) && !names(&cols).contains(&Col::Result));
    }

    #[test]
    fn a_long_sentence_is_shown_around_the_words() {
        let text = format!("{}赤字率3%{}", "甲".repeat(2000), "乙".repeat(2000));
        let words = 6000..6000 + "赤字率3%".len();
        let (shown, at) = window(&text, 0..text.len(), words.clone());
        assert_eq!(&shown[at], "赤字率3%");
        assert!(
            shown.starts_with("…甲") && shown.ends_with("乙…"),
            "{shown}"
        );
        assert!(shown.len() <= 2 * AROUND + words.len() + 6);
        let (shown, at) = window("赤字率3%。", 0..14, 0..11);
        assert_eq!((shown.as_str(), at), ("赤字率3%。", 0..11));
    }

    #[test]
    fn a_cut_passage_shows_the_words() {
        let text = "甲".repeat(40);
        let lines = layout::wrap(&text, 10, &LayoutOptions::PLAIN);
        assert_eq!(lines.len(), 8, "five characters a line");
        let words = |c: usize| c * 3..c * 3 + 6;
        // The words on the fourth line: shown from there.
        assert_eq!(first_shown(&lines, &words(17), 2), 3);
        // Near the end: as many lines as fit, the last ones.
        assert_eq!(first_shown(&lines, &words(38), 3), 5);
        // All fit: from the first.
        assert_eq!(first_shown(&lines, &words(38), 8), 0);
        assert_eq!(first_shown(&[], &words(0), 2), 0);
    }

    #[test]
    fn passages_share_the_height() {
        assert_eq!(text_budget(&[2, 3], 20), [2, 3]);
        // 3 blocks: 6 header rows, 2 blank ones; 4 lines left.
        assert_eq!(text_budget(&[10, 1, 10], 12), [2, 1, 1]);
        assert_eq!(text_budget(&[10, 10], 3), [0, 0]);
        assert_eq!(text_budget(&[], 10), Vec::<usize>::new());
    }
}
