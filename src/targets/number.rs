//! Values of quantities: Arabic and Chinese numerals, normalised to `f64`.
//!
//! Reports write numbers in several ways, often in one sentence: Arabic
//! digits (half- or full-width, with `,` thousands separators and a `.` or
//! `．` decimal point), Chinese numerals (`五十四万亿`, `一万二千`, `一点二`,
//! `二〇二四`), and Arabic digits with a Chinese multiplier (`1.3万亿`,
//! `1200万`). Each parser reads at the *start* of a string and returns the
//! value with the number of bytes it used, so callers keep byte offsets
//! exact. The outline's ordinal parser ([`crate::document::numerals`]) stops
//! at 999 and refuses `两`; the cardinals here share its digit table.

use crate::document::numerals::cn_digit;

/// Value of an ASCII or full-width Arabic digit.
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Whether `c` can be part of a Chinese numeral.
pub fn is_cn_numeral_char(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '百' | '千' | '万' | '亿' | '点')
}

/// Reads Arabic digits at the start of `s`: `4000`, `1,200`, `5.5`,
/// `１２`, `2．5`. A `,` counts as a separator only when exactly three
/// digits follow it; a decimal point only when a digit follows it.
pub fn parse_arabic(s: &str) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut used = 0;
    let mut seen_point = false;
    for (i, c) in s.char_indices() {
        if let Some(d) = arabic_digit(c) {
            digits.push(char::from(b'0' + d as u8));
            used = i + c.len_utf8();
            continue;
        }
        let rest = &s[i + c.len_utf8()..];
        match c {
            ',' if !seen_point && !digits.is_empty() && three_digits_follow(rest) => {}
            '.' | '．' if !seen_point && !digits.is_empty() => {
                if rest.chars().next().and_then(arabic_digit).is_none() {
                    break;
                }
                seen_point = true;
                digits.push('.');
            }
            _ => break,
        }
    }
    if digits.is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, used))
}

fn three_digits_follow(rest: &str) -> bool {
    let mut it = rest.chars();
    (0..3).all(|_| it.next().and_then(arabic_digit).is_some())
        && it.next().and_then(arabic_digit).is_none()
}

/// Reads a run of Chinese multipliers (`万`, `亿`, `万亿`, `千万`, `百万`)
/// at the start of `s`; returns their power of ten and the bytes used
/// (`(0, 0)` when there is none).
pub fn parse_multiplier(s: &str) -> (i32, usize) {
    let mut exp = 0;
    let mut used = 0;
    for c in s.chars() {
        exp += match c {
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => break,
        };
        used += c.len_utf8();
    }
    (exp, used)
}

/// `v × 10^exp`, rounded as the decimal literal would be (`4.06` × 10¹²
/// is 4060000000000, not 4059999999999.9995).
pub fn scale(v: f64, exp: i32) -> f64 {
    if exp == 0 {
        return v;
    }
    format!("{v}e{exp}").parse().unwrap_or(v * 10f64.powi(exp))
}

/// Reads a Chinese numeral at the start of `s`: `零`, `三`, `十二`,
/// `一万二千`, `五十四万亿`, `一百零五`, `一点二`, `二〇二四` (a digit
/// string). A numeral must start with a digit or `十`: a bare `千` or `万`
/// (`千家万户`) is a word, not a number.
pub fn parse_chinese(s: &str) -> Option<(f64, usize)> {
    let first = s.chars().next()?;
    if cn_digit(first).is_none() && first != '十' {
        return None;
    }
    let mut total = 0.0; // 亿 and above
    let mut section = 0.0; // 万 … 千万
    let mut small = 0.0; // below 万
    let mut num: Option<f64> = None; // a digit waiting for its unit
    let mut digit_run = false; // the last char was a digit
    let mut units_used = false;
    let mut used = 0;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if let Some(d) = cn_digit(c) {
            let d = f64::from(d);
            if digit_run {
                // `二〇二四`: digits in a row are a digit string, but not
                // after a unit (`十五五` is 十五 and a stray 五).
                if units_used {
                    if num != Some(0.0) {
                        break;
                    }
                    num = Some(d); // `一百零五`: 零 only fills a gap
                } else {
                    num = Some(num.unwrap_or(0.0) * 10.0 + d);
                }
            } else {
                num = Some(d);
            }
            digit_run = true;
        } else {
            let unit = match c {
                '十' => 10.0,
                '百' => 100.0,
                '千' => 1000.0,
                '万' | '亿' | '点' => 0.0,
                _ => break,
            };
            if digit_run && num.is_some_and(|n| n >= 10.0) {
                break; // `二〇二四十` is no numeral
            }
            digit_run = false;
            match c {
                '十' | '百' | '千' => {
                    let n = match num.take() {
                        Some(n) => n,
                        None if c == '十' && (used == 0 || small == 0.0) => 1.0,
                        None => break,
                    };
                    small += n * unit;
                }
                '万' => {
                    let v = small + num.take().unwrap_or(0.0);
                    if v == 0.0 && section == 0.0 {
                        break;
                    }
                    section = (section + v) * 1e4;
                    small = 0.0;
                }
                '亿' => {
                    let v = section + small + num.take().unwrap_or(0.0);
                    if v == 0.0 {
                        break;
                    }
                    total += v * 1e8;
                    section = 0.0;
                    small = 0.0;
                }
                _ => {
                    // 点: fraction digits, then an optional multiplier.
                    let after = &rest['点'.len_utf8()..];
                    let mut frac = 0.0;
                    let mut place = 0.1;
                    let mut flen = 0;
                    for fc in after.chars() {
                        let Some(d) = cn_digit(fc) else { break };
                        frac += f64::from(d) * place;
                        place /= 10.0;
                        flen += fc.len_utf8();
                    }
                    if flen == 0 {
                        break;
                    }
                    let int = total + section + small + num.take().unwrap_or(0.0);
                    let (m, mlen) = parse_multiplier(&after[flen..]);
                    let value = scale(int + frac, m);
                    return Some((value, used + '点'.len_utf8() + flen + mlen));
                }
            }
            units_used = true;
        }
        used += c.len_utf8();
        rest = &s[used..];
    }
    if used == 0 {
        return None;
    }
    Some((total + section + small + num.unwrap_or(0.0), used))
}

/// Reads `百分之…` (`百分之三十`, `百分之2.5`): the percentage and bytes.
pub fn parse_percent_words(s: &str) -> Option<(f64, usize)> {
    let rest = s.strip_prefix("百分之")?;
    let (v, n) = parse_arabic(rest).or_else(|| parse_chinese(rest))?;
    Some((v, "百分之".len() + n))
}

/// Reads any number with its multiplier: `1.3万亿`, `1200万`, `五十四万亿`.
pub fn parse_number(s: &str) -> Option<(f64, usize)> {
    if let Some((v, n)) = parse_arabic(s) {
        let (m, mlen) = parse_multiplier(&s[n..]);
        return Some((scale(v, m), n + mlen));
    }
    parse_chinese(s)
}

/// Writes `n` in standard Chinese numerals (`10010` → `一万零一十`); the
/// inverse of [`parse_chinese`] for integers below 10⁸, used by tests.
pub fn to_chinese(n: u64) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const U: [&str; 4] = ["", "十", "百", "千"];
    fn below_10k(n: u64, out: &mut String, leading: bool) {
        let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
        let mut zero = false;
        let mut started = !leading;
        for (i, &d) in digits.iter().enumerate() {
            if d == 0 {
                zero = started;
                continue;
            }
            if zero {
                out.push('零');
                zero = false;
            }
            out.push(D[d as usize]);
            out.push_str(U[3 - i]);
            started = true;
        }
    }
    if n == 0 {
        return "零".into();
    }
    let mut out = String::new();
    let high = n / 10_000;
    let low = n % 10_000;
    if high > 0 {
        below_10k(high, &mut out, true);
        out.push('万');
        if low > 0 {
            if low < 1000 {
                out.push('零');
            }
            below_10k(low, &mut out, true);
        }
    } else {
        below_10k(low, &mut out, true);
        if (10..20).contains(&n) {
            out.remove(0); // 十二, not 一十二
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn num(s: &str) -> f64 {
        let (v, n) = parse_number(s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!(n, s.len(), "{s}");
        v
    }

    #[test]
    fn arabic() {
        assert_eq!(num("4000"), 4000.0);
        assert_eq!(num("1,200"), 1200.0);
        assert_eq!(num("12,345,678"), 12_345_678.0);
        assert_eq!(num("5.5"), 5.5);
        assert_eq!(num("１２３"), 123.0);
        assert_eq!(num("2．5"), 2.5);
        assert_eq!(parse_arabic("80%,稳住"), Some((80.0, 2)));
        assert_eq!(parse_arabic("4000家,专"), Some((4000.0, 4)));
        assert_eq!(parse_arabic("12,34"), Some((12.0, 2)));
        assert_eq!(parse_arabic("3.0版"), Some((3.0, 3)));
        assert_eq!(parse_arabic("3.版"), Some((3.0, 1)));
        assert_eq!(parse_arabic("x1"), None);
    }

    #[test]
    fn multipliers() {
        assert_eq!(num("1万"), 1e4);
        assert_eq!(num("1200万"), 1.2e7);
        assert_eq!(num("1.3万亿"), 1.3e12);
        assert_eq!(num("4.06万亿"), 4.06e12);
        assert_eq!(num("3千万"), 3e7);
        assert_eq!(num("4.06万亿"), 4_060_000_000_000.0);
        assert_eq!(num("28.5万亿"), 28_500_000_000_000.0);
    }

    #[test]
    fn chinese() {
        assert_eq!(num("零"), 0.0);
        assert_eq!(num("十"), 10.0);
        assert_eq!(num("十五"), 15.0);
        assert_eq!(num("一万二千"), 12000.0);
        assert_eq!(num("五十四万亿"), 5.4e13);
        assert_eq!(num("一点二"), 1.2);
        assert_eq!(num("一点二万"), 12000.0);
        assert_eq!(num("两千"), 2000.0);
        assert_eq!(num("一百零五"), 105.0);
        assert_eq!(num("一亿二千万"), 1.2e8);
        assert_eq!(num("二〇二四"), 2024.0);
        assert_eq!(parse_chinese("十五五"), Some((15.0, 6)));
        assert_eq!(parse_chinese("千家万户"), None);
        assert_eq!(parse_chinese("万一"), None);
        assert_eq!(parse_chinese("三方面"), Some((3.0, 3)));
    }

    #[test]
    fn percent_words() {
        assert_eq!(parse_percent_words("百分之三十"), Some((30.0, 15)));
        assert_eq!(parse_percent_words("百分之2.5以上"), Some((2.5, 12)));
        assert_eq!(parse_percent_words("百分之"), None);
    }

    #[test]
    fn every_integer_to_99999_round_trips() {
        for n in 0..=99_999u64 {
            let s = to_chinese(n);
            assert_eq!(parse_chinese(&s), Some((n as f64, s.len())), "{n} {s}");
        }
        assert_eq!(to_chinese(10010), "一万零一十");
        assert_eq!(to_chinese(12), "十二");
        assert_eq!(to_chinese(1005), "一千零五");
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,40}") {
            let _ = parse_number(&s);
            let _ = parse_chinese(&s);
            let _ = parse_percent_words(&s);
        }

        #[test]
        fn numeral_soup_never_panics(s in "[零〇一二两三四五六七八九十百千万亿点0-9.,０-９％%]{0,20}") {
            if let Some((_, n)) = parse_number(&s) {
                prop_assert!(n <= s.len() && s.is_char_boundary(n));
            }
            if let Some((_, n)) = parse_chinese(&s) {
                prop_assert!(n <= s.len() && s.is_char_boundary(n));
            }
        }

        #[test]
        fn arabic_round_trips(n in 0u64..10_000_000_000) {
            let s = n.to_string();
            prop_assert_eq!(parse_number(&s), Some((n as f64, s.len())));
        }
    }
}
