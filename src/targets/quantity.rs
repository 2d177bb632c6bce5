//! Stage 2 of the pipeline: every quantity of a sentence, in one pass.
//!
//! A quantity is a number with its unit, as written: `4000家`, `1.3万亿斤`,
//! `百分之三十`, `5%—5.5%` (a range: its value is the upper bound),
//! `1：1` (a ratio, after `比`), `30微克/立方米`, with the qualifiers
//! glued to it (`近`, `约`, `多`, `左右`, `以上`). [`scan`] walks the
//! sentence once: where a number has no unit, or is glued to something
//! else (`C919`, `第3`, `3.0版`), or sits in quotes, the whole run of
//! numerals is skipped, never re-read from its next character, so a
//! sentence of a million digits is read in linear time. A value that is
//! not a finite number (`新增` and 400 nines) is no quantity. A quote that
//! holds nothing but a quantity (`“30强”`) is one; `翻一番` doubles; `一`
//! is the article unless one per something is meant (`每天锻炼一小时`,
//! `都有一所`).
//!
//! Units of time (`30年`, `6个月`) are marked [`Quantity::time`]: whether
//! they are durations or dates is for the sentence to say.

use std::ops::Range;

use super::clause::in_quotes;
use super::lexicon::{self, POST_QUALIFIERS, PRE_QUALIFIERS, suffix_in};
use super::{number, units};

/// A number and its unit, with ranges relative to the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Quantity {
    /// Number and unit as written (a range's two ends included).
    pub(super) range: Range<usize>,
    /// The normalised value (a range's upper bound).
    pub(super) value: f64,
    /// The base unit (`%` for `％`; `比` for a ratio).
    pub(super) unit: &'static str,
    /// The unit as written, compound tail included (`微克/立方米`).
    pub(super) unit_range: Range<usize>,
    /// A unit of time: a duration or a date, for the sentence to say.
    pub(super) time: bool,
    /// Written in Chinese numerals.
    pub(super) chinese: bool,
    /// Written with a decimal point (`13.5年` is no date).
    pub(super) fraction: bool,
    /// `近`, `超`, `约`, `逾` right before the number.
    pub(super) pre: Option<Range<usize>>,
    /// `多` inside (`1100多万`) or `左右`, `以上`, … after the unit.
    pub(super) post: Option<Range<usize>>,
}

impl Quantity {
    /// Where the quantity's words start: its pre-qualifier or its number.
    pub(super) fn start(&self) -> usize {
        self.pre.as_ref().map_or(self.range.start, |p| p.start)
    }

    /// Where they end: after the post-qualifier or the unit.
    pub(super) fn end(&self) -> usize {
        self.post
            .as_ref()
            .map_or(self.range.end, |p| p.end.max(self.range.end))
    }
}

/// Every quantity of the sentence `s`, in order, none inside `quotes`
/// (relative, sorted). Linear in the length of `s`.
pub(super) fn scan(s: &str, quotes: &[Range<usize>]) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut quote = quotes.iter().peekable();
    while i < s.len() {
        // Nothing inside quotes counts: jump over them.
        while quote.peek().is_some_and(|q| q.end <= i) {
            quote.next();
        }
        if let Some(q) = quote.peek().filter(|q| q.contains(&i)) {
            // `“30强”`: a quote that holds one quantity and nothing else
            // is that quantity; any other quote is a name or a slogan.
            if let Some(inner) = whole_quantity(s, (*q).clone()) {
                out.push(inner);
            }
            i = q.end;
            continue;
        }
        if let Some(q) = doubling_at(s, i) {
            i = q.range.end;
            out.push(q);
            continue;
        }
        if !starts_numeral(s, i) {
            i += s[i..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        match read_at(s, i) {
            Ok(q) => {
                let next = q.range.end;
                if !rejected(s, &q, quotes) {
                    out.push(q);
                }
                i = next;
            }
            Err(resume) => i = resume.max(skip_numerals(s, i)),
        }
    }
    out
}

/// Whether a numeral starts at `i`.
fn starts_numeral(s: &str, i: usize) -> bool {
    match s[i..].chars().next() {
        Some(
            '0'..='9'
            | '０'..='９'
            | '〇'
            | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十',
        ) => true,
        Some('百') => s[i..].starts_with("百分之"),
        _ => false,
    }
}

/// The end of the run of numeral characters at `i` (at least one
/// character on): where the scan resumes after a number that is no
/// quantity, so no digit of the run is read twice.
fn skip_numerals(s: &str, i: usize) -> usize {
    let start = if s[i..].starts_with("百分之") {
        i + "百分之".len()
    } else {
        i
    };
    let run = s[start..]
        .char_indices()
        .find(|&(_, c)| !(number::arabic_digit(c).is_some() || number::is_cn_numeral_char(c)))
        .map_or(s.len(), |(j, _)| start + j);
    run.max(i + s[i..].chars().next().map_or(1, char::len_utf8))
}

/// Lexical reasons a quantity is none: glued to a code, an ordinal or
/// another number, inside quotes, the article `一`, a slogan's numeral
/// (`两个一百年`), or a value that is not a finite number.
fn rejected(s: &str, q: &Quantity, quotes: &[Range<usize>]) -> bool {
    let i = q.range.start;
    let prev = s[..i].chars().next_back();
    let next = s[q.range.end..].chars().next();
    let digits = &s[i..q.unit_range.start];
    !q.value.is_finite()
        || glued(prev, q.chinese)
        || in_quotes(quotes, i)
        || q.chinese && digits == "一" && !distributive(&s[..i])
        || q.chinese && next.is_some_and(number::is_cn_numeral_char)
}

/// Whether `before` sets up one per something (`每天锻炼一小时`,
/// `都有一所`): then `一` is a count, not the article.
fn distributive(before: &str) -> bool {
    let near: String = before
        .chars()
        .rev()
        .take_while(|&c| !super::clause::is_delimiter(c))
        .take(10)
        .collect();
    near.contains('每') || ["都有", "均有", "各有"].iter().any(|w| before.ends_with(w))
}

/// The quantity a quote holds when it holds nothing else (`“30强”`).
fn whole_quantity(s: &str, quote: Range<usize>) -> Option<Quantity> {
    let open = s[quote.clone()].chars().next()?.len_utf8();
    let close = s[quote.clone()].chars().next_back()?.len_utf8();
    let inner = quote.start + open..quote.end - close;
    if inner.is_empty() || !starts_numeral(s, inner.start) {
        return None;
    }
    let q = read_at(&s[..inner.end], inner.start).ok()?;
    (q.range == inner && !q.time && q.value.is_finite()).then_some(q)
}

/// `翻一番` (doubles), `翻两番` (quadruples): 2ⁿ times, unit `倍`; `翻番`
/// without a numeral doubles.
fn doubling_at(s: &str, i: usize) -> Option<Quantity> {
    let rest = s[i..].strip_prefix('翻')?;
    if rest.starts_with('番') {
        let end = i + "翻番".len();
        return Some(Quantity {
            range: i..end,
            value: 2.0,
            unit: "倍",
            unit_range: end..end,
            time: false,
            chinese: false,
            fraction: false,
            pre: None,
            post: None,
        });
    }
    let c = rest.chars().next()?;
    let n = crate::document::numerals::cn_digit(c)?;
    let after = &rest[c.len_utf8()..];
    if !after.starts_with('番') || n == 0 || n > 8 {
        return None;
    }
    let end = s.len() - after.len() + '番'.len_utf8();
    Some(Quantity {
        range: i..end,
        value: f64::from(2u32.pow(n)),
        unit: "倍",
        unit_range: end..end,
        time: false,
        chinese: false,
        fraction: false,
        pre: None,
        post: None,
    })
}

/// Whether the character before a number shows it is part of something
/// else: another number, a Latin code (`C919`), a version, an ordinal.
fn glued(prev: Option<char>, chinese: bool) -> bool {
    let Some(p) = prev else { return false };
    number::arabic_digit(p).is_some()
        || p.is_ascii_alphabetic()
        || matches!(
            p,
            '.' | '．' | '第' | '-' | '+' | '/' | '－' | '—' | '～' | '~'
        )
        || chinese && number::is_cn_numeral_char(p)
}

/// A number read at a position: value, where it ends, how it is written.
struct Number {
    value: f64,
    end: usize,
    chinese: bool,
    fraction: bool,
    more: Option<Range<usize>>,
    /// Where a multiplier (`万`, `亿`) starts, if one follows the digits.
    digits_end: usize,
}

/// Reads a number at `i` (Arabic with an optional `多` and multiplier,
/// Chinese, or `百分之…`). `None` when there is none.
fn number_at(s: &str, i: usize) -> Option<Number> {
    let rest = &s[i..];
    if let Some((v, n)) = number::parse_arabic(rest) {
        let mut end = i + n;
        let fraction = rest[..n].contains(['.', '．']);
        let mut more = None;
        if s[end..].starts_with('多') {
            more = Some(end..end + '多'.len_utf8());
            end += '多'.len_utf8();
        }
        return Some(Number {
            value: v,
            end,
            chinese: false,
            fraction,
            more,
            digits_end: end,
        });
    }
    let (v, n) = number::parse_chinese(rest)?;
    Some(Number {
        value: v,
        end: i + n,
        chinese: true,
        fraction: rest[..n].contains('点'),
        more: None,
        digits_end: i + n,
    })
}

/// The unit after an Arabic number: tries every split between a run of
/// multipliers and the unit, preferring the longest unit (`5万千瓦` is
/// 5万 千瓦, `1.5千米` is 1.5 千米), then the longest multiplier.
/// Returns (power of ten, unit start, unit, time unit?).
fn unit_after(s: &str, at: usize) -> Option<(i32, usize, &'static str, bool)> {
    // (bytes, power of ten) after 0 to 4 multipliers.
    let mut splits = [(0usize, 0i32); 5];
    let mut n = 1;
    for c in s[at..].chars().take(4) {
        let e = match c {
            '百' => 2,
            '千' => 3,
            '万' => 4,
            '亿' => 8,
            _ => break,
        };
        let (len, exp) = splits[n - 1];
        splits[n] = (len + c.len_utf8(), exp + e);
        n += 1;
    }
    let mut best: Option<(i32, usize, &'static str, bool)> = None;
    for &(len, exp) in &splits[..n] {
        let from = at + len;
        if let Some((u, time)) = unit_at(&s[from..])
            && best.is_none_or(|b| u.len() >= b.2.len())
        {
            best = Some((exp, from, u, time));
        }
    }
    best
}

/// The unit or unit of time at the start of `s`, the longer one
/// (`个月` over `个`), and whether it is one of time.
fn unit_at(s: &str) -> Option<(&'static str, bool)> {
    let unit = units::match_unit(s);
    let time = units::match_time(s);
    match (unit, time) {
        (Some(u), Some(t)) if t.len() > u.len() => Some((t, true)),
        (Some(u), _) => Some((u, false)),
        (None, Some(t)) => Some((t, true)),
        (None, None) => None,
    }
}

/// The quantity whose number starts at `i`, if a unit follows it (or it
/// is a ratio or the low end of a range); else where the number read
/// ends, for the scan to resume there.
fn read_at(s: &str, i: usize) -> Result<Quantity, usize> {
    if let Some((v, n)) = number::parse_percent_words(&s[i..]) {
        let end = i + n;
        return Ok(finish(s, i, v, "%", end..end, false, false, false, None));
    }
    let Some(num) = number_at(s, i) else {
        return Err(i);
    };
    let found = if num.chinese {
        unit_at(&s[num.end..]).map(|(u, time)| (0, num.end, u, time))
    } else {
        unit_after(s, num.digits_end)
    };
    let Some((exp, ustart, unit, time)) = found else {
        return range_from_bare(s, i, &num)
            .or_else(|| ratio_at(s, i, &num))
            .or_else(|| bare_ratio_at(s, i, &num))
            .ok_or(num.end);
    };
    let value = number::scale(num.value, exp);
    let mut uend = ustart + unit.len();
    if !time {
        uend += units::compound_tail(&s[uend..]);
    }
    let q = finish(
        s,
        i,
        value,
        units::normalise(unit),
        ustart..uend,
        time,
        num.chinese,
        num.fraction,
        num.more,
    );
    Ok(range_to(s, q).unwrap_or_else(|q| q))
}

/// Builds a quantity and reads the qualifiers around it.
#[allow(clippy::too_many_arguments)]
fn finish(
    s: &str,
    i: usize,
    value: f64,
    unit: &'static str,
    unit_range: Range<usize>,
    time: bool,
    chinese: bool,
    fraction: bool,
    more: Option<Range<usize>>,
) -> Quantity {
    let end = unit_range.end;
    let pre = suffix_in(&s[..i], PRE_QUALIFIERS).map(|p| i - p.len()..i);
    let post = POST_QUALIFIERS
        .iter()
        .find(|p| s[end..].starts_with(*p))
        .map(|p| end..end + p.len())
        .or(more);
    Quantity {
        range: i..end,
        value,
        unit,
        unit_range,
        time,
        chinese,
        fraction,
        pre,
        post,
    }
}

/// Dashes and tildes that join the two ends of a range.
fn range_dash(s: &str) -> usize {
    ['—', '–', '－', '-', '～', '~', '〜']
        .into_iter()
        .find(|d| s.starts_with(*d))
        .map_or(0, |d| {
            // `——` as one dash
            let n = d.len_utf8();
            if s[n..].starts_with(d) { 2 * n } else { n }
        })
}

/// `5%—5.5%`: a quantity followed by a dash and another of the same unit
/// is one range (value: the upper bound). `Err` gives the quantity back.
fn range_to(s: &str, q: Quantity) -> Result<Quantity, Quantity> {
    let at = q.range.end;
    let dash = range_dash(&s[at..]);
    if dash == 0 || q.time {
        return Err(q);
    }
    match number_at(s, at + dash).and_then(|n| upper(s, at + dash, &n)) {
        Some(hi) if hi.unit == q.unit => Ok(Quantity {
            range: q.range.start..hi.range.end,
            pre: q.pre,
            ..hi
        }),
        _ => Err(q),
    }
}

/// `5—5.5%`: a bare number, a dash and a quantity.
fn range_from_bare(s: &str, i: usize, num: &Number) -> Option<Quantity> {
    let at = num.end;
    let dash = range_dash(&s[at..]);
    if dash == 0 {
        return None;
    }
    let n = number_at(s, at + dash)?;
    let hi = upper(s, at + dash, &n)?;
    let pre = suffix_in(&s[..i], PRE_QUALIFIERS).map(|p| i - p.len()..i);
    (!hi.time).then_some(Quantity {
        range: i..hi.range.end,
        pre,
        ..hi
    })
}

/// The upper end of a range: a number with a unit at `at`.
fn upper(s: &str, at: usize, n: &Number) -> Option<Quantity> {
    let (exp, ustart, unit, time) = if n.chinese {
        units::match_unit(&s[n.end..]).map(|u| (0, n.end, u, false))?
    } else {
        unit_after(s, n.digits_end)?
    };
    let mut uend = ustart + unit.len();
    uend += units::compound_tail(&s[uend..]);
    Some(finish(
        s,
        at,
        number::scale(n.value, exp),
        units::normalise(unit),
        ustart..uend,
        time,
        n.chinese,
        n.fraction,
        n.more.clone(),
    ))
}

/// `普职比保持1：1左右`: two whole numbers joined by a colon, right after
/// a ratio's name (`…比`, `…比例`) and its verb. The value is their
/// quotient.
fn ratio_at(s: &str, i: usize, num: &Number) -> Option<Quantity> {
    if num.chinese || num.fraction {
        return None;
    }
    let before = &s[..i];
    let before = lexicon::verb_suffix(before).map_or(before, |v| &before[..before.len() - v.len()]);
    if !(before.ends_with('比') || before.ends_with("比例")) {
        return None;
    }
    let colon = ['：', ':']
        .into_iter()
        .find(|c| s[num.end..].starts_with(*c))?;
    let at = num.end + colon.len_utf8();
    let (d, n) = number::parse_arabic(&s[at..])?;
    if d == 0.0 || s[at..at + n].contains('.') {
        return None;
    }
    let end = at + n;
    Some(finish(
        s,
        i,
        num.value / d,
        "比",
        end..end,
        false,
        false,
        false,
        None,
    ))
}

/// Names of a ratio that a bare number may measure, with the unit it is
/// read in: a multiple (`倍差`) or a ratio (`之比`).
const RATIO_NAMES: &[(&str, &str)] =
    &[("倍差", "倍"), ("倍数", "倍"), ("比值", "比"), ("比", "比")];

/// `城乡居民收入倍差缩小到1.9以内`, `…之比达到0.75`: an Arabic number with no
/// unit, right after a ratio's name and a verb, is that ratio's value.
fn bare_ratio_at(s: &str, i: usize, num: &Number) -> Option<Quantity> {
    if num.chinese || num.more.is_some() || s[num.end..].starts_with(['：', ':']) {
        return None;
    }
    let before = &s[..i];
    let verb = lexicon::verb_suffix(before)?;
    let name = &before[..before.len() - verb.len()];
    let &(_, unit) = RATIO_NAMES.iter().find(|(n, _)| name.ends_with(n))?;
    let end = num.end;
    Some(finish(
        s,
        i,
        num.value,
        unit,
        end..end,
        false,
        false,
        num.fraction,
        None,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (String, f64, &'static str) {
        let qs = scan(s, &[]);
        assert_eq!(qs.len(), 1, "{s}: {qs:?}");
        let q = &qs[0];
        (s[q.range.clone()].to_string(), q.value, q.unit)
    }

    #[test]
    fn numbers_and_units() {
        assert_eq!(one("达到4000家"), ("4000家".into(), 4000.0, "家"));
        assert_eq!(one("1.3万亿斤以上"), ("1.3万亿斤".into(), 1.3e12, "斤"));
        assert_eq!(one("新增5万千瓦"), ("5万千瓦".into(), 5e4, "千瓦"));
        assert_eq!(one("长1.5千米"), ("1.5千米".into(), 1.5, "千米"));
        assert_eq!(one("吞吐量500万标箱"), ("500万标箱".into(), 5e6, "标箱"));
        assert_eq!(
            one("降至0.4吨标准煤"),
            ("0.4吨标准煤".into(), 0.4, "吨标准煤")
        );
        assert_eq!(
            one("浓度30微克/立方米"),
            ("30微克/立方米".into(), 30.0, "微克")
        );
        assert_eq!(
            one("建设2000套（间）"),
            ("2000套（间）".into(), 2000.0, "套")
        );
        assert_eq!(one("提高到百分之三十"), ("百分之三十".into(), 30.0, "%"));
        assert_eq!(one("新建一万二千套"), ("一万二千套".into(), 12000.0, "套"));
    }

    #[test]
    fn ranges_and_ratios() {
        assert_eq!(one("增长5%—5.5%"), ("5%—5.5%".into(), 5.5, "%"));
        assert_eq!(one("增长5%-5.5%左右"), ("5%-5.5%".into(), 5.5, "%"));
        assert_eq!(one("增长5—5.5%"), ("5—5.5%".into(), 5.5, "%"));
        assert_eq!(one("普职比保持1：1左右"), ("1：1".into(), 1.0, "比"));
        assert_eq!(one("收入倍差缩小到1.9以内"), ("1.9".into(), 1.9, "倍"));
        assert_eq!(one("与平均之比达到0.75"), ("0.75".into(), 0.75, "比"));
        assert_eq!(
            one("建筑面积达到4400m2左右"),
            ("4400m2".into(), 4400.0, "平方米")
        );
        // A bare number needs a ratio's name and a verb before it.
        assert!(scan("收入倍差1.9", &[]).is_empty());
        assert!(scan("面积达到4400", &[]).is_empty());
        assert!(scan("会议8:30开始", &[]).is_empty());
    }

    #[test]
    fn qualifiers() {
        let s = "引进近1,200人以上";
        let q = &scan(s, &[])[0];
        assert_eq!(&s[q.pre.clone().unwrap()], "近");
        assert_eq!(&s[q.post.clone().unwrap()], "以上");
        assert_eq!(&s[q.start()..q.end()], "近1,200人以上");
        let s = "1100多万人";
        let q = &scan(s, &[])[0];
        assert_eq!(&s[q.post.clone().unwrap()], "多");
        assert_eq!(q.value, 1.1e7);
    }

    #[test]
    fn no_quantity() {
        for s in [
            "C919投入运营",
            "第3家",
            "3.0版",
            "“一个产业、一个集聚区”",
            "一个集聚区",
            "两个一百年",
            "培养一名学生",
            "5530弄",
            "7月24日",
            "9999999999",
        ] {
            // Units of time are for the sentence to judge.
            let qs: Vec<Quantity> = scan(s, &crate::targets::clause::quoted(s))
                .into_iter()
                .filter(|q| !q.time)
                .collect();
            assert!(qs.is_empty(), "{s}: {qs:?}");
        }
        let nines = format!("新增{}家", "9".repeat(400));
        assert!(scan(&nines, &[]).is_empty());
    }

    #[test]
    fn quoted_ranks_doublings_and_one_per_thing() {
        let s = "重返全国“30强”";
        let q = &scan(s, &crate::targets::clause::quoted(s))[0];
        assert_eq!((&s[q.range.clone()], q.value, q.unit), ("30强", 30.0, "强"));
        assert_eq!(one("人数翻一番"), ("翻一番".into(), 2.0, "倍"));
        assert_eq!(one("翻两番"), ("翻两番".into(), 4.0, "倍"));
        assert_eq!(one("收入翻番"), ("翻番".into(), 2.0, "倍"));
        assert_eq!(one("都有一所特殊教育学校"), ("一所".into(), 1.0, "所"));
        assert_eq!(one("每天锻炼一小时"), ("一小时".into(), 1.0, "小时"));
    }

    #[test]
    fn time_units_are_marked() {
        let qs = scan("2024年延长30年", &[]);
        assert_eq!(qs.len(), 2);
        assert!(qs.iter().all(|q| q.time));
        assert!(scan("13.5年", &[])[0].fraction);
    }
}
