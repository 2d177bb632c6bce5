//! Stage 4: the walk that builds the tree, one paragraph at a time, each
//! by its [`Role`].
//!
//! - Head matter opens the preamble; the contents list is one node.
//! - A marker paragraph is a heading if its series allows it
//!   ([`Builder::accept_block`]), else text.
//! - A stand-alone heading sits at the report's top level.
//! - Text is a theme (an unmarked paragraph right before a `第一,` that no
//!   formal heading holds), a closing, or the body of the block it is in.
//! - The closing starts after the last numbered heading, inside the
//!   structure, once the last part has said something, at the first
//!   paragraph that opens with a closing word (`另外`, `此外`, `总之`,
//!   `最后，`, `同志们`, `让我们`), at a stand-alone address (`各位代表！`: the
//!   closing's title is then the sentence after it), or at a paragraph that
//!   announces a run of points (`提三点希望：` before `一是…`).
//! - After a closing that announces a run, the paragraphs that open with
//!   the run's points (`一是…三是`) are top-level points: siblings of the
//!   parts, not children of the last one nor of the closing (a coda).
//! - A text without numbered headings is a run of `paragraph` nodes, one
//!   for each paragraph of prose (it has a sentence end, or is long) and
//!   one for each run of lines that are not (a title block, a list of
//!   names, a poem, lines of a few letters): the tree lists what a reader
//!   can tell apart, so a million one-letter lines are one node, not a
//!   million.
//! - A paragraph past the tree's budget ([`Builder::room`]) is text of the
//!   block it is in; a heading there still counts in its series, so the
//!   next one (`3.` after a `2.` past the budget) is a heading again when
//!   the budget allows.

use std::ops::Range;

use super::super::markers::{
    BlockMarker, BlockStyle, InlineStyle, THEME_RANK, block_marker, inline_marker,
};
use super::super::outline::{NodeId, NodeKind};
use super::super::paragraphs::{Paragraph, Paragraphs};
use super::super::title::title_end;
use super::inline::{self, Scan};
use super::lines::{Line, Role, leading_address_len};
use super::roles::Plan;
use super::tree::{Builder, TOP_RANK};

/// Paragraph openings that mark the closing remarks of a speech or report.
const CLOSING_CUES: [&str; 7] = [
    "另外",
    "此外",
    "总之",
    "同志们",
    "最后,",
    "最后，",
    "让我们",
];

/// Where to look for sub-points after a step.
struct ScanAt {
    /// The node they belong under.
    block: NodeId,
    /// From this byte of the paragraph's words.
    from: usize,
    /// Whether the paragraph is the block's own (its heading's paragraph).
    own: bool,
    /// Where the block's title sentence ends in the paragraph, if there.
    anchor: Option<usize>,
}

type ScanFrom = Option<ScanAt>;

/// The sub-points of a node's own paragraph, after its title at `from`.
fn own(block: NodeId, from: usize, title_end: usize) -> ScanFrom {
    Some(ScanAt {
        block,
        from,
        own: true,
        anchor: Some(title_end),
    })
}

struct Walk<'a, 'b> {
    b: &'b mut Builder<'a>,
    paras: &'b Paragraphs,
    plan: &'b Plan,
    /// Whether the report has headings at all (numbered, or the
    /// unnumbered parts of a report without numbers).
    structured: bool,
    /// Whether a closing announced a run of top-level points.
    coda: bool,
    /// The report's title.
    title: Range<usize>,
    /// The open `paragraph` node of a text without structure is a run of
    /// lines that are not prose.
    in_run: bool,
}

/// Builds the tree of `paras` into `b`.
pub fn walk(b: &mut Builder, paras: &Paragraphs, plan: &Plan, title: Range<usize>) {
    let structured = plan
        .lines
        .iter()
        .any(|l| matches!(l.role(), Role::Marker | Role::Standalone));
    let mut w = Walk {
        b,
        paras,
        plan,
        structured,
        coda: false,
        title,
        in_run: false,
    };
    for i in 0..paras.len() {
        w.step(i);
    }
}

impl Walk<'_, '_> {
    fn line(&self, i: usize) -> Line {
        self.plan.lines[i]
    }

    /// Paragraph `i`, read from its line.
    fn para(&self, i: usize) -> Paragraph {
        let end = self.b.text.len();
        self.paras.get(self.b.text, i).unwrap_or(Paragraph {
            span: end..end,
            content: end..end,
            md_heading: 0,
        })
    }

    fn content(&self, i: usize) -> &str {
        &self.b.text[self.para(i).content]
    }

    /// Where paragraph `i` starts (the text's end past the last).
    fn start(&self, i: usize) -> usize {
        self.paras.start(i).unwrap_or(self.b.text.len())
    }

    /// The end of whatever is open before paragraph `i`.
    fn end_before(&self, i: usize) -> usize {
        self.b.end_before(self.start(i))
    }

    /// The first sentence of paragraph `i`, as a title; after an address
    /// that opens it (`同志们！新征程已经开启，…`), the sentence after it.
    fn first_sentence(&self, i: usize) -> Range<usize> {
        let c = self.para(i).content;
        let s = &self.b.text[c.clone()];
        let from = match leading_address_len(s) {
            n if n < s.len() => n,
            _ => 0,
        };
        c.start + from..c.start + title_end(s, from).max(from)
    }

    fn step(&mut self, i: usize) {
        if !self.b.room(self.start(i)) {
            self.past_budget(i);
            return;
        }
        let line = self.plan.lines[i];
        let scan_from = match (line.role(), line.marker(), line.bullet()) {
            (Role::Head, ..) => self.head(i),
            (Role::Contents, ..) => self.contents(i),
            (Role::Marker, Some(_), _) => match block_marker(self.content(i)) {
                Some(m) => match self.b.accept_block(&m) {
                    Some(keep) => self.heading(i, m, keep),
                    None => self.text(i),
                },
                None => self.text(i),
            },
            (Role::Standalone, ..) => self.standalone(i),
            (Role::Bullet, _, Some(len)) => self.bullet(i, len),
            _ => self.text(i),
        };
        if let Some(sa) = scan_from {
            let next = self.plan.next_marker(i + 1);
            let region_end = self.start(next);
            let p = self.para(i);
            let at = Scan {
                content: p.content.clone(),
                end: p.span.end,
                from: sa.from,
                own: sa.own,
                anchor: sa.anchor,
                region_end,
            };
            inline::scan(self.b, at, sa.block);
        }
    }

    /// Paragraph `i` past the tree's budget: text of the block it is in,
    /// but a heading's number counts in its series.
    fn past_budget(&mut self, i: usize) {
        if self.line(i).role() == Role::Marker
            && let Some(m) = block_marker(self.content(i))
            && let Some(keep) = self.b.accept_block(&m)
        {
            let end = self.end_before(i);
            self.b.skip_block(&m, keep, end);
        }
        self.b.note_body();
    }

    /// Opens a top-level-only node (preamble, contents, closing, paragraph).
    fn open_top(&mut self, i: usize, kind: NodeKind, title: Range<usize>) -> NodeId {
        let end = self.end_before(i);
        self.b.close_to(0, end);
        let start = self.start(i);
        self.b
            .push_block(kind, TOP_RANK, None, None, title, start, i)
    }

    fn head(&mut self, i: usize) -> ScanFrom {
        if !self.structured {
            return self.text(i);
        }
        if self.b.stack.is_empty() {
            self.preamble(i);
        }
        None
    }

    /// Opens the preamble at paragraph `i`, titled with the report's title
    /// when that lies before the body (its first line: a node's title is
    /// one line).
    fn preamble(&mut self, i: usize) {
        let t = self.title.clone();
        let title = if self.b.outline.is_empty()
            && !t.is_empty()
            && t.end <= self.head_end().max(self.para(i).span.end)
        {
            // The paragraph holding the title's start, if one does (a
            // front matter title lies in none).
            let line = self
                .paras
                .index_at(t.start)
                .map(|k| self.para(k))
                .filter(|p| p.content.contains(&t.start));
            t.start..line.map_or(t.end, |p| t.end.min(p.content.end))
        } else {
            self.first_sentence(i)
        };
        self.open_top(i, NodeKind::Preamble, title);
    }

    /// Where the preamble's own words may end: the body's start, or the
    /// end of its first paragraph when that is lead text (a report whose
    /// first line is a salutation, `各位代表：`, takes its title from the
    /// lead sentence after it).
    fn head_end(&self) -> usize {
        let first = self.plan.body_start;
        match self.plan.lines.get(first).map(|l| l.role()) {
            Some(Role::Text) => self.para(first).span.end,
            _ => self.start(first),
        }
    }

    fn contents(&mut self, i: usize) -> ScanFrom {
        let Some(c) = &self.plan.contents else {
            return self.text(i);
        };
        if c.paragraphs().start == i {
            let content = self.para(i).content;
            let title = match c.label {
                Some(_) => content,
                None => content.start..content.start,
            };
            self.open_top(i, NodeKind::Contents, title);
        }
        None
    }

    fn heading(&mut self, i: usize, m: BlockMarker, keep: usize) -> ScanFrom {
        let end = self.end_before(i);
        self.b.close_to(keep, end);
        let p = self.para(i);
        let c0 = p.content.start;
        let s = &self.b.text[p.content];
        let t_end = title_end(s, m.title_start()).max(m.title_start());
        // A heading sentence, or a heading with its body run in, has said
        // something; a bare heading line has not.
        let run_in = self.line(i).prose() || s[t_end..].chars().any(char::is_alphanumeric);
        let kind = if m.style == BlockStyle::Di {
            NodeKind::Section
        } else {
            NodeKind::Heading
        };
        let id = self.b.push_block(
            kind,
            m.style.rank(),
            Some((m.style, m.ordinal)),
            Some(c0..c0 + m.marker_len()),
            c0 + m.title_start()..c0 + t_end,
            p.span.start,
            i,
        );
        if run_in {
            self.b.note_body();
        }
        own(id, t_end, t_end)
    }

    fn standalone(&mut self, i: usize) -> ScanFrom {
        let Some(rank) = self.plan.top_rank else {
            return self.text(i);
        };
        let end = self.end_before(i);
        let keep = self.b.kept_below(rank);
        self.b.close_to(keep, end);
        let title = self.first_sentence(i);
        let start = self.start(i);
        self.b
            .push_block(NodeKind::Heading, rank, None, None, title, start, i);
        None
    }

    /// Whether a bullet at paragraph `i`, before any heading, is one of a
    /// run of top-level bullets: it follows the preamble's prose, or such
    /// a bullet. (A `——` line of the head matter is a subtitle.)
    fn leads_top_bullets(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1) else {
            return false;
        };
        match self.b.top_kind() {
            Some(NodeKind::Preamble) => self.line(before).prose(),
            None => self
                .b
                .outline
                .len()
                .checked_sub(1)
                .is_some_and(|last| self.b.kind(last) == NodeKind::Bullet),
            _ => false,
        }
    }

    fn bullet(&mut self, i: usize, len: usize) -> ScanFrom {
        if self.structured
            && matches!(
                self.b.top_kind(),
                None | Some(NodeKind::Preamble | NodeKind::Contents)
            )
        {
            if !self.leads_top_bullets(i) {
                return self.text(i);
            }
            let end = self.end_before(i);
            self.b.close_to(0, end);
        }
        let p = self.para(i);
        let c0 = p.content.start;
        let t0 = c0 + len;
        let title = t0..t0 + title_end(&self.b.text[t0..p.content.end], 0);
        let title_end = title.end;
        let parent = self.b.top();
        self.b.note_body();
        let id = self
            .b
            .add(NodeKind::Bullet, Some(c0..t0), title, p.span.start, parent);
        self.b.outline.set_end(id, p.span.end);
        own(id, len, title_end - c0)
    }

    fn text(&mut self, i: usize) -> ScanFrom {
        if self.is_theme(i) {
            let end = self.end_before(i);
            let keep = self.b.kept_below(THEME_RANK);
            self.b.close_to(keep, end);
            let title = self.first_sentence(i);
            let t_end = title.end - self.para(i).content.start;
            let start = self.start(i);
            let id = self
                .b
                .push_block(NodeKind::Theme, THEME_RANK, None, None, title, start, i);
            return own(id, 0, t_end);
        }
        if !self.structured {
            return self.passage(i);
        }
        match self.b.top_kind() {
            // Lead text: the preamble.
            None if self.b.outline.is_empty() => {
                self.preamble(i);
                return None;
            }
            // Text after top-level bullets before any heading: the last
            // bullet's (a top-level node reaches to the next one).
            None => return None,
            // Front matter between the contents and the body stays with them.
            Some(NodeKind::Preamble | NodeKind::Contents) => return None,
            _ => {}
        }
        if self.is_closing(i) {
            return self.closing(i);
        }
        if self.coda
            && let Some(at) = self.coda_point(i)
        {
            return Some(at);
        }
        self.body()
    }

    /// A paragraph of the innermost open block's body.
    fn body(&mut self) -> ScanFrom {
        let first_body = self.b.stack.last().is_some_and(|o| !o.has_body);
        self.b.note_body();
        self.b.top().map(|block| ScanAt {
            block,
            from: 0,
            own: false,
            anchor: first_body.then_some(0),
        })
    }

    /// Paragraph `i` of a text without structure: a new passage, or, when
    /// neither it nor the line before is prose, more of the open run.
    fn passage(&mut self, i: usize) -> ScanFrom {
        let prose = self.line(i).prose();
        if !prose && self.in_run && self.b.top_kind() == Some(NodeKind::Paragraph) {
            return self.body();
        }
        self.in_run = !prose;
        let title = self.first_sentence(i);
        let t_end = title.end - self.para(i).content.start;
        let id = self.open_top(i, NodeKind::Paragraph, title);
        own(id, 0, t_end)
    }

    /// Opens the closing at paragraph `i`. After a stand-alone address its
    /// title is the next paragraph's first sentence, when that paragraph is
    /// text the closing holds (not a coda's first point nor a heading). Its
    /// paragraphs hold no sub-points.
    fn closing(&mut self, i: usize) -> ScanFrom {
        self.coda = self.leads_with_first_point(i + 1);
        let next_is_text = self
            .plan
            .lines
            .get(i + 1)
            .is_some_and(|l| l.role() == Role::Text);
        let titled = if self.line(i).address() && !self.coda && next_is_text {
            i + 1
        } else {
            i
        };
        let title = self.first_sentence(titled);
        self.open_top(i, NodeKind::Closing, title);
        // Closing remarks are not divided into sub-points (`最后，…强调四点
        // 意见。一要…四要…`): only a coda's paragraph-leading points are
        // nodes.
        None
    }

    /// An unmarked paragraph right before a `第一,` opens a theme, unless a
    /// formal heading already holds the sections.
    fn is_theme(&self, i: usize) -> bool {
        self.line(i).marker().is_none()
            && self.line(i).bullet().is_none()
            && self
                .plan
                .marker(i + 1)
                .is_some_and(|m| m.style == BlockStyle::Di && m.first)
            && !self.b.is_open(&[NodeKind::Heading])
    }

    /// A closing paragraph: after the last numbered heading, inside the
    /// structure, once the innermost part has a body: opening with a
    /// closing word, a stand-alone address, or announcing a run of points.
    fn is_closing(&self, i: usize) -> bool {
        if !self.plan.after_last_marker(i)
            || !self
                .b
                .is_open(&[NodeKind::Section, NodeKind::Theme, NodeKind::Heading])
        {
            return false;
        }
        // Right after a heading line, text is that heading's body.
        if !self.b.stack.last().is_some_and(|o| o.has_body) {
            return false;
        }
        let content = self.content(i);
        let cue = CLOSING_CUES.iter().any(|c| content.starts_with(c));
        let announces = self.line(i).announces() && self.leads_with_first_point(i + 1);
        cue || self.line(i).address() || announces
    }

    /// Whether paragraph `i` opens with the first point of a run (`一是`,
    /// `一要`, `首先`, `其一`).
    fn leads_with_first_point(&self, i: usize) -> bool {
        let Some(p) = self.paras.get(self.b.text, i) else {
            return false;
        };
        let s = &self.b.text[p.content];
        inline_marker(s).is_some_and(|m| {
            m.ordinal == 1
                && matches!(
                    m.style,
                    InlineStyle::Shi | InlineStyle::Yao | InlineStyle::Qi | InlineStyle::Sequence
                )
        })
    }

    /// A paragraph of a coda that opens with the run's next point: a
    /// top-level point.
    fn coda_point(&mut self, i: usize) -> ScanFrom {
        let p = self.para(i);
        let s = &self.b.text[p.content.clone()];
        let m = inline_marker(s)?;
        let c0 = p.content.start;
        let ordinal = inline::accept(self.b, None, &m, c0, self.b.text.len())?;
        let t0 = super::super::markers::skip_separators(s, m.len);
        let t_end = title_end(s, t0).max(t0);
        let end = self.end_before(i);
        self.b.close_to(0, end);
        let id = self.b.push_block(
            NodeKind::Point,
            TOP_RANK,
            None,
            Some(c0..c0 + m.len),
            c0 + t0..c0 + t_end,
            p.span.start,
            i,
        );
        self.b.series.insert((None, m.style), ordinal);
        own(id, t_end, t_end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::tree::{BYTES_PER_NODE, FREE_NODES};
    use crate::document::{Decoding, Document, NodeKind};

    fn parse(text: &str) -> Document {
        Document::from_text("t", text.to_string(), Decoding::default())
    }

    fn kinds_and_titles(doc: &Document) -> Vec<(NodeKind, String)> {
        (0..doc.outline.len())
            .map(|id| (doc.outline.kind(id), doc.node_title(id).to_string()))
            .collect()
    }

    #[test]
    fn a_text_without_structure_lists_prose_and_runs_of_short_lines() {
        let doc = parse("标题\n作者\n第一段。\n\n第二段很长，但没有句号\na\nb\nc\n第三段。");
        assert_eq!(
            kinds_and_titles(&doc),
            [
                (NodeKind::Paragraph, "标题".to_string()),
                (NodeKind::Paragraph, "第一段".to_string()),
                (NodeKind::Paragraph, "第二段很长，但没有句号".to_string()),
                (NodeKind::Paragraph, "第三段".to_string()),
            ]
        );
        // 200,000 one-letter lines are one node.
        let doc = parse(&"a\n".repeat(200_000));
        assert_eq!(doc.outline.len(), 1);
        assert_eq!(doc.outline.span(0), 0..399_999);
    }

    #[test]
    fn addresses_never_title_the_preamble_or_the_closing() {
        let doc = parse(
            "各位代表：\n现在，我代表国务院，向大会报告工作。\n一、回顾\n去年很好。\n\
             同志们！新征程已经开启，新蓝图催人奋进。让我们奋斗。",
        );
        let k = kinds_and_titles(&doc);
        assert_eq!(
            k[0],
            (
                NodeKind::Preamble,
                "现在，我代表国务院，向大会报告工作".into()
            )
        );
        assert_eq!(
            k.last().unwrap(),
            &(NodeKind::Closing, "新征程已经开启，新蓝图催人奋进".into())
        );
    }

    #[test]
    fn a_closing_paragraph_holds_no_sub_points() {
        let doc = parse("一、甲\n正文。\n最后，强调两点。一要保平安。二要优供应。");
        let k = kinds_and_titles(&doc);
        assert_eq!(
            k.last().unwrap(),
            &(NodeKind::Closing, "最后，强调两点".into())
        );
        assert_eq!(k.len(), 2, "{k:?}");
    }

    #[test]
    fn a_coda_of_yao_points_is_top_level_like_one_of_shi_points() {
        let doc =
            parse("一、甲\n正文。\n同志们，我提两点要求：\n一要保平安。正文。\n二要优供应。正文。");
        let k: Vec<_> = (0..doc.outline.len())
            .map(|id| (doc.outline.kind(id), doc.outline.depth(id)))
            .collect();
        assert_eq!(
            k,
            [
                (NodeKind::Heading, 0),
                (NodeKind::Closing, 0),
                (NodeKind::Point, 0),
                (NodeKind::Point, 0),
            ]
        );
    }

    #[test]
    fn bullets_after_the_lead_before_any_heading_are_top_level() {
        let doc = parse(
            "讲话\n同胞们：\n今天我们集会。\n——回归后，香港稳步前行。\n\
             ——回归后，香港实现民主。\n同胞们！\n正文。\n温故知新。\n第一，贯彻方针。\n第二，落实。",
        );
        let k: Vec<_> = (0..doc.outline.len())
            .map(|id| (doc.outline.kind(id), doc.outline.depth(id)))
            .collect();
        assert_eq!(
            k,
            [
                (NodeKind::Preamble, 0),
                (NodeKind::Bullet, 0),
                (NodeKind::Bullet, 0),
                (NodeKind::Theme, 0),
                (NodeKind::Section, 1),
                (NodeKind::Section, 1),
            ]
        );
        assert!(crate::document::check::check(&doc.text, &doc.outline).is_ok());
        // A `——` subtitle in the head matter stays the preamble's.
        let doc = parse("讲话\n——在大会上的讲话\n同志们：\n一、总则\n正文。");
        assert_eq!(doc.outline.kind(1), NodeKind::Heading);
    }

    #[test]
    fn the_tree_holds_a_node_per_32_bytes_and_numbering_goes_on_past_it() {
        // `1.a` … `9999.a`: a heading every 7 bytes.
        let text: String = (1..=9999).map(|k| format!("{k}.a\n")).collect();
        let doc = parse(&text);
        let n = doc.outline.len();
        assert!(n <= FREE_NODES + text.len() / BYTES_PER_NODE, "{n}");
        assert!(n > FREE_NODES + text.len() / BYTES_PER_NODE - 10, "{n}");
        // Past the budget the headings that are kept are still in series
        // order, up to the last.
        let markers: Vec<u32> = (0..n)
            .map(|id| {
                doc.node_marker(id)
                    .unwrap()
                    .trim_end_matches('.')
                    .parse()
                    .unwrap()
            })
            .collect();
        assert!(markers.windows(2).all(|w| w[0] < w[1]), "{markers:?}");
        assert!(*markers.last().unwrap() > 9_900, "{markers:?}");
        assert!(crate::document::check::check(&doc.text, &doc.outline).is_ok());
        // The same for points in one paragraph: 一是a。… 九十九是a。
        let cn = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        let mut points = String::from("一、标题\n");
        for k in 1..100 {
            let tens = match k / 10 {
                0 => String::new(),
                1 => "十".to_string(),
                t => format!("{}十", cn[t]),
            };
            points.push_str(&format!("{tens}{}是a。", cn[k % 10]));
        }
        let doc = parse(&points);
        assert_eq!(doc.outline.len(), 1 + 99);
        let dense = points.repeat(40);
        let doc = parse(&dense);
        assert!(doc.outline.len() <= FREE_NODES + dense.len() / BYTES_PER_NODE);
        assert!(crate::document::check::check(&doc.text, &doc.outline).is_ok());
    }
}
