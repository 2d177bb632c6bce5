//! Sentence structure by punctuation: clause delimiters, sentence ends,
//! quoted passages, and where a clause starts or ends around a quantity.

use std::ops::Range;

/// Clause delimiters (the seed uses ASCII punctuation).
pub fn is_delimiter(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '、' | '。' | '！' | '？' | '!' | '?'
    )
}

/// Sentence ends.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

/// Byte ranges of quoted passages of `s` (relative), balanced pairs only.
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
    }
    out
}

/// Start of the clause that holds `at` (relative).
pub(super) fn clause_start_of(s: &str, at: usize) -> usize {
    s[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_delimiter(c))
        .map_or(0, |(j, c)| j + c.len_utf8())
}

/// Whether no subject follows the quantity ending at `end`: the clause
/// ends there.
pub(super) fn after_is_empty(s: &str, end: usize) -> bool {
    s[end..].chars().next().is_none_or(is_delimiter)
}
