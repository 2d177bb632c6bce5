//! Chinese and Arabic numerals as they appear in outline markers.
//!
//! Markers number their items with Chinese numerals (`一` … `九十九`, `一百`),
//! Arabic digits (half- or full-width), or circled digits (`①`). Each parser
//! reads a numeral at the start of a string and returns its value with the
//! number of bytes it used, so callers can keep byte offsets exact.

/// Value of one Chinese digit character, if it is one.
pub fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Reads a Chinese ordinal (`一`, `十二`, `二十`, `九十九`, `一百零一`) at the
/// start of `s`. Returns `(value, bytes)`. `两` is not accepted as a lone
/// ordinal: `两个` is a count, never an item number.
pub fn parse_cn_ordinal(s: &str) -> Option<(u32, usize)> {
    let mut total: u32 = 0;
    let mut pending: Option<u32> = None; // digit waiting for a unit
    let mut used = 0;
    for c in s.chars() {
        if let Some(d) = cn_digit(c) {
            if c == '两' && used == 0 {
                return None;
            }
            if pending.is_some() {
                break; // two digits in a row (`一二`) is not an ordinal
            }
            if d == 0 {
                if total == 0 {
                    break; // a leading 〇 is no ordinal
                }
                // `一百零一`: 零 only fills a gap.
            } else {
                pending = Some(d);
            }
        } else if c == '十' {
            total += pending.take().unwrap_or(1) * 10;
        } else if c == '百' {
            total += pending.take()? * 100;
        } else {
            break;
        }
        used += c.len_utf8();
        if total > 999 {
            return None;
        }
    }
    if used == 0 {
        return None;
    }
    total += pending.unwrap_or(0);
    (total > 0).then_some((total, used))
}

/// Reads ASCII or full-width Arabic digits at the start of `s` (at most 4).
pub fn parse_arabic(s: &str) -> Option<(u32, usize)> {
    let mut value: u32 = 0;
    let mut used = 0;
    let mut count = 0;
    for c in s.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        count += 1;
        if count > 4 {
            return None;
        }
        value = value * 10 + d;
        used += c.len_utf8();
    }
    (used > 0 && value > 0).then_some((value, used))
}

/// Reads a circled number `①`…`⑳` at the start of `s`.
pub fn parse_circled(s: &str) -> Option<(u32, usize)> {
    let c = s.chars().next()?;
    let v = match c {
        '①'..='⑳' => c as u32 - '①' as u32 + 1,
        _ => return None,
    };
    Some((v, c.len_utf8()))
}

/// Reads either a Chinese ordinal or Arabic digits.
pub fn parse_any_ordinal(s: &str) -> Option<(u32, usize)> {
    parse_cn_ordinal(s).or_else(|| parse_arabic(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_ordinals() {
        let cases = [
            ("一", 1),
            ("九", 9),
            ("十", 10),
            ("十一", 11),
            ("二十", 20),
            ("二十三", 23),
            ("九十九", 99),
            ("一百", 100),
            ("一百零一", 101),
        ];
        for (s, v) in cases {
            assert_eq!(parse_cn_ordinal(s), Some((v, s.len())), "{s}");
        }
        assert_eq!(parse_cn_ordinal("三是"), Some((3, 3)));
        assert_eq!(parse_cn_ordinal("十二、"), Some((12, 6)));
        assert_eq!(parse_cn_ordinal("两个"), None);
        assert_eq!(parse_cn_ordinal("是"), None);
        assert_eq!(parse_cn_ordinal(""), None);
        assert_eq!(parse_cn_ordinal("〇"), None);
    }

    #[test]
    fn every_ordinal_to_99_round_trips() {
        const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        for n in 1..=99u32 {
            let s = match (n / 10, n % 10) {
                (0, u) => D[u as usize].to_string(),
                (1, u) => format!("十{}", D[u as usize]),
                (t, u) => format!("{}十{}", D[t as usize], D[u as usize]),
            };
            assert_eq!(parse_cn_ordinal(&s), Some((n, s.len())), "{s}");
        }
    }

    #[test]
    fn arabic_and_circled() {
        assert_eq!(parse_arabic("12."), Some((12, 2)));
        assert_eq!(parse_arabic("１．"), Some((1, 3)));
        assert_eq!(parse_arabic("0."), None);
        assert_eq!(parse_arabic("12345"), None);
        assert_eq!(parse_circled("③x"), Some((3, 3)));
        assert_eq!(parse_circled("x"), None);
    }
}
