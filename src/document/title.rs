//! Titles: where a heading's title ends, how long it may be, and how every
//! view shows it.
//!
//! A title is a range of the report's text (the outline never copies it),
//! bounded so that a paragraph without a sentence end cannot become a
//! 100 KB "title" repeated in every search hit's path. [`display`] is the one
//! place that turns a title into what a view shows: runs of spaces collapsed
//! (`目  录` → `目 录`), Markdown `**` removed, the length bounded.
//! Control characters are left for the views' sanitizer.

use std::borrow::Cow;

use super::paragraphs::is_space;

/// The longest title, in characters: a long heading sentence fits, a
/// paragraph does not.
pub const MAX_TITLE_CHARS: usize = 80;

/// The longest report title made from a first paragraph, in characters.
pub const MAX_REPORT_TITLE_CHARS: usize = 40;

/// A report title made from a first paragraph has at least this many
/// characters when the paragraph has them (`7月24日` alone says nothing).
pub const MIN_REPORT_TITLE_CHARS: usize = 12;

/// Characters that end a sentence, so a title.
fn ends_title(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?')
}

/// Characters that end a clause: a bounded title is cut after one.
fn ends_clause(c: char) -> bool {
    matches!(c, ',' | '，' | '、' | ':' | '：' | ';' | '；') || is_space(c)
}

/// Separators dropped from the end of a title.
fn trailing_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '，' | '、' | ':' | '：' | '.' | '．')
}

/// Where a title that starts at `from` ends: before the first sentence end,
/// a `**` bold mark, or the end of `s`, and within [`MAX_TITLE_CHARS`]
/// (cut after a clause when it is longer); trailing commas and spaces
/// dropped. Reads at most `MAX_TITLE_CHARS + 1` characters of `s`.
pub fn title_end(s: &str, from: usize) -> usize {
    let rest = &s[from..];
    let end = clause_bounded(rest, MAX_TITLE_CHARS, MAX_TITLE_CHARS / 2, |i, c| {
        ends_title(c) || rest[i..].starts_with("**")
    });
    from + rest[..end].trim_end_matches(trailing_separator).len()
}

/// The first [`MAX_TITLE_CHARS`] characters of `s`, as a byte length: the
/// title of something that has no sentence to take one from (a lone `**`).
pub fn prefix_end(s: &str) -> usize {
    s.char_indices()
        .nth(MAX_TITLE_CHARS)
        .map_or(s.len(), |(i, _)| i)
}

/// The end of a report title made from the first paragraph `s`: its first
/// clauses, at least [`MIN_REPORT_TITLE_CHARS`] characters when the first
/// sentence has them and at most [`MAX_REPORT_TITLE_CHARS`].
pub fn report_title_end(s: &str) -> usize {
    let s = &s[..title_end(s, 0)];
    let mut end = s.len();
    for (n, (i, c)) in s.char_indices().enumerate() {
        if n == MAX_REPORT_TITLE_CHARS
            || (n >= MIN_REPORT_TITLE_CHARS && ends_clause(c) && !is_space(c))
        {
            end = i;
            break;
        }
    }
    s[..end].trim_end_matches(trailing_separator).len()
}

/// The end of the title a report's first paragraph `s` gives: a short line
/// without a full stop up to a `——` subtitle (`政府工作报告——2024年3月5日…`),
/// else its first clauses ([`report_title_end`]).
pub fn lead_title_end(s: &str) -> usize {
    if s.chars().nth(SHORT_LEAD_CHARS).is_none() && !s.contains('。') {
        let end = s.find("——").filter(|&e| e > 0).unwrap_or(s.len());
        return s[..end].trim_end_matches(trailing_separator).len();
    }
    report_title_end(s)
}

/// A first line of at most this many characters without a full stop is a
/// title line.
const SHORT_LEAD_CHARS: usize = 60;

/// The byte length of the prefix of `s` up to the first character where
/// `stop` holds, if that is within `max` characters; else the prefix up to
/// the last clause end at or past `min` characters, else `max` characters.
fn clause_bounded(
    s: &str,
    max: usize,
    min: usize,
    mut stop: impl FnMut(usize, char) -> bool,
) -> usize {
    let mut last_clause = None;
    for (n, (i, c)) in s.char_indices().enumerate() {
        if stop(i, c) {
            return i;
        }
        if n == max {
            return last_clause.unwrap_or(i);
        }
        if n >= min && ends_clause(c) {
            last_clause = Some(i);
        }
    }
    s.len()
}

/// A title as every view shows it: runs of spaces collapsed to one, `**`
/// removed, at most [`MAX_TITLE_CHARS`] characters (`…` when cut).
pub fn display(s: &str) -> Cow<'_, str> {
    let s = s.trim_matches(is_space);
    let mut prev_space = false;
    let clean = s.chars().enumerate().all(|(n, c)| {
        let space = is_space(c);
        let ok = n < MAX_TITLE_CHARS && !(space && (prev_space || c != ' ')) && c != '*';
        prev_space = space;
        ok
    });
    if clean {
        return Cow::Borrowed(s);
    }
    let without_bold = s.replace("**", "");
    let mut out = String::with_capacity(without_bold.len().min(4 * MAX_TITLE_CHARS + 3));
    let mut prev_space = false;
    let mut count = 0;
    for c in without_bold.trim_matches(is_space).chars() {
        let space = is_space(c);
        if space && prev_space {
            continue;
        }
        prev_space = space;
        if count == MAX_TITLE_CHARS {
            out.push('…');
            break;
        }
        out.push(if space { ' ' } else { c });
        count += 1;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_end_at_a_sentence_or_bold() {
        assert_eq!(title_end("指导思想。全面", 0), "指导思想".len());
        assert_eq!(title_end("指导思想**全面", 0), "指导思想".len());
        assert_eq!(title_end("一、总体要求，", 3), "一、总体要求".len());
    }

    #[test]
    fn long_titles_are_cut_after_a_clause() {
        let clause = "高新技术企业达到4000家，";
        let s = clause.repeat(4000);
        let end = title_end(&s, 0);
        let t = &s[..end];
        assert!(
            t.chars().count() <= MAX_TITLE_CHARS,
            "{}",
            t.chars().count()
        );
        assert!(t.ends_with("4000家"), "{t}");
        // No clause at all: a hard cut.
        let s = "字".repeat(10_000);
        assert_eq!(title_end(&s, 0), MAX_TITLE_CHARS * '字'.len_utf8());
    }

    #[test]
    fn a_report_title_is_a_few_clauses() {
        let s = "7月24日,闵行区第七届人民代表大会第七次会议召开,会上,闵行区代理区长吴强就人大代表、政协委员和市民关心的问题,结合区委。";
        assert_eq!(
            &s[..report_title_end(s)],
            "7月24日,闵行区第七届人民代表大会第七次会议召开"
        );
        let short = "短标题。正文";
        assert_eq!(&short[..report_title_end(short)], "短标题");
        let long = "字".repeat(100);
        assert_eq!(report_title_end(&long), MAX_REPORT_TITLE_CHARS * 3);
    }

    #[test]
    fn a_title_line_ends_before_its_subtitle() {
        let s = "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上";
        assert_eq!(&s[..lead_title_end(s)], "政府工作报告");
        assert_eq!(lead_title_end("——在会议上的讲话"), "——在会议上的讲话".len());
        let s = "7月24日,闵行区第七届人民代表大会第七次会议召开,会上,闵行区代理区长吴强就人大代表、政协委员和市民关心的问题。";
        assert_eq!(
            &s[..lead_title_end(s)],
            "7月24日,闵行区第七届人民代表大会第七次会议召开"
        );
    }

    #[test]
    fn display_collapses_spaces_and_drops_bold() {
        assert_eq!(display("目  录"), "目 录");
        assert_eq!(
            display("只 争 朝 夕\u{3000}\u{3000} 狠 抓"),
            "只 争 朝 夕 狠 抓"
        );
        assert_eq!(display("**第一篇 总则**"), "第一篇 总则");
        assert_eq!(display("总则\t细则"), "总则 细则");
        assert!(matches!(display("总体要求"), Cow::Borrowed("总体要求")));
        let long = "字".repeat(500);
        let d = display(&long);
        assert_eq!(d.chars().count(), MAX_TITLE_CHARS + 1);
        assert!(d.ends_with('…'));
        // Control characters are the sanitizer's business.
        assert_eq!(display("a\u{1b}[2Jb"), "a\u{1b}[2Jb");
    }
}
