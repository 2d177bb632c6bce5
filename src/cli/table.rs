//! Tables for the scripted text views: columns lined up in terminal
//! display width (a CJK character takes two columns), two spaces apart,
//! no trailing spaces. Cells come already made terminal-safe
//! ([`crate::layout::safe::visible`]).

use unicode_width::UnicodeWidthStr;

/// The rows (the header first) as lines of aligned columns.
pub fn aligned(rows: &[Vec<String>]) -> String {
    aligned_twice(|| rows.iter().cloned())
}

/// [`aligned`] for rows made twice by `rows` (once for the widths, once to
/// write them), so that a long table is never held whole, only its output.
pub fn aligned_twice<I>(rows: impl Fn() -> I) -> String
where
    I: Iterator<Item = Vec<String>>,
{
    let mut widths: Vec<usize> = Vec::new();
    for r in rows() {
        if widths.len() < r.len() {
            widths.resize(r.len(), 0);
        }
        for (w, cell) in widths.iter_mut().zip(&r) {
            *w = (*w).max(cell.width());
        }
    }
    let mut out = String::new();
    for r in rows() {
        let mut line = String::new();
        for (i, cell) in r.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < r.len() {
                line.extend(std::iter::repeat_n(' ', widths[i] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_line_up_in_display_width() {
        let rows = vec![
            vec!["a".to_string(), "b".to_string(), "c".to_string()],
            vec!["国内生产总值".to_string(), "5%".to_string(), String::new()],
        ];
        assert_eq!(aligned(&rows), "a             b   c\n国内生产总值  5%\n");
        assert_eq!(aligned(&[]), "");
    }
}
