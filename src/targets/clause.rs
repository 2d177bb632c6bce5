//! Stage 1 of the pipeline: a paragraph's sentences, a sentence's clauses,
//! and its quoted passages, all by punctuation.
//!
//! A sentence ends at `。！？`; a clause at any delimiter (`，；：、` too).
//! Clauses come at two strengths: a *phrase* ends at a major delimiter
//! (`，；：`), so `小学、初中、高中学生近视率` is one phrase of three
//! minor clauses. Delimiters inside quotes (`“一个产业、一个集聚区”`) end
//! nothing. Every query here is a binary search over boundaries computed
//! once per sentence, so reading a sentence stays linear in its length.

use std::ops::Range;

/// Clause delimiters (the seed uses ASCII punctuation).
pub fn is_delimiter(c: char) -> bool {
    is_major(c) || c == '、'
}

/// Delimiters that end a phrase: everything but the enumeration comma.
fn is_major(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?'
    )
}

/// Sentence ends.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// The sentences of `text[para]` (absolute ranges, each ending after its
/// closing punctuation; the last may have none).
pub fn sentences(text: &str, para: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = para.start;
    let body = &text[para.clone()];
    // `!` `?` are ASCII; `。！？` start with 0xE3 or 0xEF: only those bytes
    // can end a sentence.
    for (i, b) in body.bytes().enumerate() {
        if !matches!(b, b'!' | b'?' | 0xE3 | 0xEF) {
            continue;
        }
        let Some(c) = body[i..].chars().next() else {
            continue;
        };
        if is_sentence_end(c) {
            let end = para.start + i + c.len_utf8();
            push_cut(text, start..end, &mut out);
            start = end;
        }
    }
    if start < para.end {
        push_cut(text, start..para.end, &mut out);
    }
    out
}

/// The longest sentence read whole. Real sentences run to a few hundred
/// characters; text with no sentence end for megabytes (a list pasted as
/// one line, a hostile file) would otherwise be read as one sentence, all
/// its quantities and clauses held at once.
pub const MAX_SENTENCE: usize = 8 * 1024;

/// Pushes `r`, cut into pieces of at most about [`MAX_SENTENCE`] bytes,
/// each ending after a major delimiter where one lies in its second half
/// (else at a character boundary): no byte is lost, pieces are adjacent.
fn push_cut(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    // Punctuation alone (`。。。`, `？！`) says nothing: no range kept for it
    // (a run of sentence ends would cost a range every three bytes).
    if text[r.clone()]
        .chars()
        .all(|c| is_delimiter(c) || c.is_whitespace())
    {
        return;
    }
    let mut start = r.start;
    while r.end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut half = start + MAX_SENTENCE / 2;
        while !text.is_char_boundary(half) {
            half += 1;
        }
        if let Some((i, c)) = text[half..cut]
            .char_indices()
            .rev()
            .find(|&(_, c)| is_major(c))
        {
            cut = half + i + c.len_utf8();
        }
        out.push(start..cut);
        start = cut;
    }
    out.push(start..r.end);
}

/// Byte ranges of quoted passages of `s` (relative, in order, not
/// overlapping): outermost balanced pairs only.
pub fn quoted(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, c) in s.char_indices() {
        let close = match c {
            '“' | '「' | '『' | '‘' => {
                open.push((c, i));
                continue;
            }
            '"' if !open.iter().any(|&(o, _)| o == '"') => {
                open.push(('"', i));
                continue;
            }
            '”' => '“',
            '」' => '「',
            '』' => '『',
            '’' => '‘',
            '"' => '"',
            _ => continue,
        };
        if let Some(pos) = open.iter().rposition(|&(o, _)| o == close) {
            let (_, start) = open[pos];
            open.truncate(pos);
            if open.is_empty() {
                out.push(start..i + c.len_utf8());
            }
        }
        // An unbalanced stack is cut short: nesting deeper than a few
        // levels is noise, and a bounded stack keeps this linear.
        if open.len() > 8 {
            open.remove(0);
        }
    }
    out
}

/// Whether `at` lies inside one of the sorted, disjoint `quotes`.
pub fn in_quotes(quotes: &[Range<usize>], at: usize) -> bool {
    let i = quotes.partition_point(|q| q.end <= at);
    quotes.get(i).is_some_and(|q| q.contains(&at))
}

/// A sentence's clause boundaries, for lookups by position.
#[derive(Debug)]
pub struct Clauses {
    /// Ends (relative, after the delimiter) of every clause but the last.
    minor: Vec<usize>,
    /// The same for phrases (major delimiters only).
    major: Vec<usize>,
}

impl Clauses {
    /// The clauses of `s`, ignoring delimiters inside `quotes` (relative).
    pub fn new(s: &str, quotes: &[Range<usize>]) -> Clauses {
        let mut minor = Vec::new();
        let mut major = Vec::new();
        let mut q = quotes.iter().peekable();
        for (i, c) in s.char_indices() {
            while q.peek().is_some_and(|r| r.end <= i) {
                q.next();
            }
            if !is_delimiter(c) || q.peek().is_some_and(|r| r.contains(&i)) {
                continue;
            }
            let end = i + c.len_utf8();
            minor.push(end);
            if is_major(c) {
                major.push(end);
            }
        }
        Clauses { minor, major }
    }

    /// Start of the clause that holds `at`.
    pub fn clause_start(&self, at: usize) -> usize {
        start_in(&self.minor, at)
    }

    /// Start of the phrase that holds `at`.
    pub fn phrase_start(&self, at: usize) -> usize {
        start_in(&self.major, at)
    }

    /// The starts of the clauses from `from` to `to` (both included when
    /// they are starts), for walking the clauses of a phrase.
    pub fn minor_starts(&self, from: usize, to: usize) -> Vec<usize> {
        let a = self.minor.partition_point(|&e| e < from);
        let b = self.minor.partition_point(|&e| e <= to);
        std::iter::once(from)
            .chain(self.minor[a..b].iter().copied().filter(|&e| e > from))
            .collect()
    }

    /// End of the clause that holds `at` (before its delimiter), or `len`.
    pub fn clause_end(&self, s: &str, at: usize) -> usize {
        end_in(s, &self.minor, at)
    }
}

fn start_in(ends: &[usize], at: usize) -> usize {
    let i = ends.partition_point(|&e| e <= at);
    if i == 0 { 0 } else { ends[i - 1] }
}

fn end_in(s: &str, ends: &[usize], at: usize) -> usize {
    let i = ends.partition_point(|&e| e <= at);
    match ends.get(i) {
        // The end is after the delimiter: step back over it.
        Some(&e) => s[..e].char_indices().next_back().map_or(e, |(j, _)| j),
        None => s.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_their_punctuation() {
        let t = "一。二！三";
        let got: Vec<&str> = sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect();
        assert_eq!(got, ["一。", "二！", "三"]);
    }

    #[test]
    fn quotes_are_outermost_and_balanced() {
        let s = "甲“乙‘丙’丁”戊“己";
        let q = quoted(s);
        assert_eq!(q.len(), 1);
        assert_eq!(&s[q[0].clone()], "“乙‘丙’丁”");
        assert!(in_quotes(&q, s.find('丙').unwrap()));
        assert!(!in_quotes(&q, s.find('戊').unwrap()));
    }

    #[test]
    fn clauses_and_phrases() {
        let s = "小学、初中、高中学生近视率分别控制在46.8%，确保“甲、乙”达标";
        let c = Clauses::new(s, &quoted(s));
        let at = s.find("高中").unwrap();
        assert_eq!(&s[c.clause_start(at)..at], "");
        assert_eq!(c.phrase_start(at), 0);
        let at = s.find("46.8").unwrap();
        assert_eq!(
            &s[c.clause_start(at)..c.clause_end(s, at)],
            "高中学生近视率分别控制在46.8%"
        );
        assert_eq!(
            &s[c.phrase_start(at)..c.clause_end(s, at)],
            "小学、初中、高中学生近视率分别控制在46.8%"
        );
        // The 、 inside quotes ends no clause.
        let at = s.find("达标").unwrap();
        assert_eq!(&s[c.clause_start(at)..], "确保“甲、乙”达标");
    }

    #[test]
    fn an_overlong_sentence_is_read_in_pieces_cut_after_a_clause() {
        let clause = "高新技术企业达到4000家，";
        let text = clause.repeat(2_000);
        let pieces = sentences(&text, 0..text.len());
        assert!(pieces.len() > 1, "{pieces:?}");
        assert_eq!(pieces.first().map(|p| p.start), Some(0));
        assert_eq!(pieces.last().map(|p| p.end), Some(text.len()));
        for w in pieces.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for p in &pieces {
            assert!(p.len() <= MAX_SENTENCE, "{p:?}");
            assert!(text[p.clone()].ends_with('，') || p.end == text.len());
        }
        // No delimiter at all: cut at character boundaries.
        let han = "字".repeat(10_000);
        let pieces = sentences(&han, 0..han.len());
        assert_eq!(pieces.len(), 4);
        assert!(pieces.iter().all(|p| han.is_char_boundary(p.start)));
    }

    #[test]
    fn punctuation_alone_is_no_sentence() {
        let text = "。；：！？，、".repeat(100) + "新增1家。" + "！？";
        let got = sentences(&text, 0..text.len());
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(text[got[0].clone()].ends_with("新增1家。"));
    }
}
