//! Quoting: the words a reader copies (`y`) and their citation — the
//! report's title, the breadcrumb of the passage and the report's year —
//! or the breadcrumb alone (`Y`). Pure text: the app sends it to the
//! clipboard ([`crate::tui::clipboard`]).

use std::ops::Range;

use crate::document::{BUNDLED_NAME, Document, NodeId};
use crate::layout::safe::visible;

use super::Report;

/// The report's year, for a citation: the first year (a 4-digit 19xx or
/// 20xx standing alone) in the title, else in the first lines (a date
/// line such as `（2018年1月2日）`), else in the file's name. `None` when
/// nothing says it.
pub fn year(doc: &Document) -> Option<String> {
    let head: String = doc
        .paragraphs()
        .take(3)
        .map(|p| &doc.text[p.content])
        .collect::<Vec<_>>()
        .join("\n");
    let source = if doc.source == "<bundled>" {
        BUNDLED_NAME
    } else {
        doc.source.rsplit('/').next().unwrap_or(&doc.source)
    };
    [doc.title(), head.as_str(), source]
        .into_iter()
        .find_map(first_year)
}

/// The first 4-digit number from 1900 to 2099 not part of a longer one.
fn first_year(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).find_map(|i| {
        let digits = &b[i..i + 4];
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        (alone
            && digits.iter().all(u8::is_ascii_digit)
            && (digits.starts_with(b"19") || digits.starts_with(b"20")))
        .then(|| String::from_utf8_lossy(digits).into_owned())
    })
}

/// Report text made safe to paste into a terminal: each line through the
/// one sanitizer (controls as visible stand-ins), line breaks kept, `\r`
/// of CRLF text dropped.
fn safe_lines(s: &str) -> String {
    s.lines()
        .map(|l| visible(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The sentence around `range` in its paragraph: from after the last
/// `。！？；` before it to the next one after it, included.
pub fn sentence_around(doc: &Document, range: Range<usize>) -> Range<usize> {
    let para = doc
        .paragraph_at(range.start)
        .and_then(|p| doc.paragraph(p))
        .map_or(range.clone(), |p| p.content.clone());
    let ends = |c: char| "。！？；!?;".contains(c);
    let text = &doc.text;
    let start = text[para.start..range.start.max(para.start)]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends(c))
        .map_or(para.start, |(i, c)| para.start + i + c.len_utf8());
    let from = range.end.clamp(para.start, para.end);
    let end = text[from..para.end]
        .char_indices()
        .find(|&(_, c)| ends(c))
        .map_or(para.end, |(i, c)| from + i + c.len_utf8());
    start..end.max(start)
}

impl Report {
    /// The whole breadcrumb of the node holding `offset` (labels in full,
    /// ` › ` between), as it is quoted.
    pub fn breadcrumb_at(&self, offset: usize) -> String {
        match self.doc.outline.node_at(offset) {
            Some(n) => self.breadcrumb_of(n),
            None => String::new(),
        }
    }

    /// The whole breadcrumb of a node.
    pub fn breadcrumb_of(&self, node: NodeId) -> String {
        self.doc
            .outline
            .path(node)
            .iter()
            .map(|&id| self.display(&self.doc.node_label(id)))
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// The paragraph read at the top of the text (the one below, on the
    /// blank line after a paragraph).
    pub fn paragraph_read(&self) -> Range<usize> {
        let top = self.detail.top;
        let lines = self.para_lines(top.para);
        let para = if lines.get(top.line).is_some_and(|l| l.line.is_none())
            && top.para + 1 < self.doc.paragraph_count()
        {
            top.para + 1
        } else {
            top.para
        };
        self.doc.paragraph(para).map_or(0..0, |p| p.content)
    }

    /// `range` of the text quoted: the words, then a line with the
    /// citation — `——《title》，year，breadcrumb` — for the node at
    /// `node` (or the one holding the start).
    pub fn quote(&self, range: Range<usize>, node: Option<NodeId>) -> String {
        let words = safe_lines(self.doc.text[range.clone()].trim());
        let title = if self.doc.title().is_empty() {
            visible(&self.doc.source).into_owned()
        } else {
            self.display(self.doc.title())
        };
        let crumb = match node {
            Some(n) => self.breadcrumb_of(n),
            None => self.breadcrumb_at(range.start),
        };
        let mut cite = format!("——《{title}》");
        if let Some(y) = year(&self.doc) {
            cite.push('，');
            cite.push_str(&y);
        }
        if !crumb.is_empty() {
            cite.push('，');
            cite.push_str(&crumb);
        }
        format!("{words}\n{cite}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_from_the_title_the_head_or_the_name() {
        let doc = |name: &str, text: &str| Document::from_bytes(name, text.as_bytes()).unwrap();
        assert_eq!(
            year(&doc("a.txt", "2023政府工作报告\n各位代表：\n")).as_deref(),
            Some("2023")
        );
        assert_eq!(
            year(&doc("a.txt", "关于实施的意见\n（2018年1月2日）\n正文。\n")).as_deref(),
            Some("2018")
        );
        assert_eq!(
            year(&doc("/x/2019-speech.txt", "讲话\n同志们：\n")).as_deref(),
            Some("2019")
        );
        assert_eq!(year(&doc("a.txt", "讲话\n编号12345。\n")), None);
        assert_eq!(year(&Document::bundled()).as_deref(), Some("2024"));
    }

    #[test]
    fn a_sentence_is_cut_at_its_stops() {
        let d =
            Document::from_bytes("a", "标题\n甲乙。丙丁达到4000家；戊己。\n".as_bytes()).unwrap();
        let at = d.text.find("4000").unwrap();
        let s = sentence_around(&d, at..at + 4);
        assert_eq!(&d.text[s], "丙丁达到4000家；");
    }
}
