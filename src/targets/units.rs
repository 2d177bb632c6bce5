//! Units of measure and counters that make a number a quantity.
//!
//! A number is a quantity only when a unit follows it (`4000家`, `60公顷`,
//! `5%`, `2.5个百分点`). Multipliers (`万`, `亿`) are read with the number,
//! so the unit is the base one: `1万平方米` is 10000 `平方米`, `1200万人` is
//! 12000000 `人` and `500万标箱` is 5000000 `标箱`. Compound units are read
//! whole, as written: `吨标准煤`, `微克/立方米`, `元/生·年`, `套（间）`.
//!
//! Words that are *not* units here keep dates (`年`, `月`, `日`), ordinals
//! (`届`, `次会议`), addresses (`弄`, `号`), versions (`版`) and counts such
//! as `两大优势` or `三方面` out. Units of time (`年`, `个月`, `天`, `小时`)
//! are read apart ([`match_time`]): they make a duration only where the
//! words around say so (`再延长30年`, `受教育年限…13.5年`), never a date.

use std::sync::OnceLock;

/// Units, longest first where one is a prefix of another.
const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "吨标准煤",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "千瓦时",
    "千瓦",
    "公顷",
    "公里",
    "千米",
    "公斤",
    "千克",
    "微克",
    "毫克",
    "人次",
    "标准箱",
    "标箱",
    "学时",
    "课时",
    "学分",
    "美元",
    "欧元",
    "港元",
    "%",
    "％",
    "‰",
    "亩",
    "米",
    "吨",
    "斤",
    "元",
    "家",
    "个",
    "处",
    "人",
    "名",
    "位",
    "户",
    "所",
    "座",
    "条",
    "项",
    "套",
    "间",
    "张",
    "床",
    "台",
    "辆",
    "艘",
    "架",
    "件",
    "场",
    "倍",
    "栋",
    "幢",
    "岁",
    "枚",
    "株",
    "头",
    "强",
    "km2",
    "km²",
    "m2",
    "m²",
    "㎡",
];

/// Characters that, right after a one-character unit, show it is the start
/// of another word (`3人民币`, `5条件`, `2处置`, `4场所`, `6所有`).
fn breaks_word(unit: &str, next: Option<char>) -> bool {
    let Some(n) = next else { return false };
    match unit {
        "人" => matches!(n, '民' | '才' | '口' | '员' | '们' | '工'),
        "条" => matches!(n, '件' | '例'),
        "处" => matches!(n, '置' | '理'),
        "场" => matches!(n, '所' | '景'),
        "所" => matches!(n, '有' | '以' | '在' | '得'),
        "元" => matches!(n, '素' | '旦'),
        "家" => matches!(n, '庭' | '乡'),
        "台" => matches!(n, '湾'),
        "位" => matches!(n, '置' | '于' | '数'),
        "头" => matches!(n, '脑'),
        "米" => matches!(n, '面'),
        "强" => !matches!(n, '”' | '"' | '目' | '城' | '企' | '县' | '区' | '市'),
        // An ASCII unit is a word of its own: `5m2x` is a code.
        u if u.starts_with(|c: char| c.is_ascii_alphabetic()) => n.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// Whether `c` starts some unit (most characters after a number do not:
/// one test spares the walk through the table).
fn may_start_unit(c: char) -> bool {
    static FIRSTS: OnceLock<Vec<char>> = OnceLock::new();
    let firsts = FIRSTS.get_or_init(|| {
        let mut v: Vec<char> = UNITS
            .iter()
            .chain(TIMES)
            .filter_map(|u| u.chars().next())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    firsts.binary_search(&c).is_ok()
}

/// The unit at the start of `s`, as written (without a compound tail).
pub fn match_unit(s: &str) -> Option<&'static str> {
    if !s.chars().next().is_some_and(may_start_unit) {
        return None;
    }
    let unit = UNITS.iter().copied().find(|u| s.starts_with(u))?;
    (!breaks_word(unit, s[unit.len()..].chars().next())).then_some(unit)
}

/// Units of time: a duration only where the words around say so.
const TIMES: &[&str] = &["个月", "小时", "年", "天"];

/// The unit of time at the start of `s`.
pub fn match_time(s: &str) -> Option<&'static str> {
    if !s.chars().next().is_some_and(may_start_unit) {
        return None;
    }
    TIMES.iter().copied().find(|u| s.starts_with(u))
}

/// What may follow `/` in a rate (`微克/立方米`, `元/吨`, `元/生·年`).
const PER: &[&str] = &[
    "生·年",
    "立方米",
    "平方米",
    "千瓦时",
    "公顷",
    "小时",
    "人",
    "年",
    "月",
    "日",
    "天",
    "生",
    "户",
    "亩",
    "吨",
    "升",
    "次",
];

/// The length of a compound tail right after a unit: a rate (`/立方米`)
/// or an alternative unit in brackets (`（间）`); 0 when there is none.
pub fn compound_tail(s: &str) -> usize {
    if let Some(rest) = s.strip_prefix('/').or_else(|| s.strip_prefix('／')) {
        let slash = s.len() - rest.len();
        return PER
            .iter()
            .find(|p| rest.starts_with(*p))
            .map_or(0, |p| slash + p.len());
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(rest) = s.strip_prefix(open)
            && let Some(u) = match_unit(rest)
            && rest[u.len()..].starts_with(close)
        {
            return open.len_utf8() + u.len() + close.len_utf8();
        }
    }
    0
}

/// The unit as output: full-width `％` becomes `%`, the signs of area
/// (`m2`, `㎡`, `km²`) their names (`平方米`, `平方公里`); everything else
/// stays as written.
pub fn normalise(unit: &'static str) -> &'static str {
    match unit {
        "％" => "%",
        "m2" | "m²" | "㎡" => "平方米",
        "km2" | "km²" => "平方公里",
        u => u,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_unit_wins() {
        assert_eq!(match_unit("平方公里产业社区"), Some("平方公里"));
        assert_eq!(match_unit("平方米立体绿化"), Some("平方米"));
        assert_eq!(match_unit("公里绿道"), Some("公里"));
        assert_eq!(match_unit("个百分点"), Some("个百分点"));
        assert_eq!(match_unit("个已认定"), Some("个"));
        assert_eq!(match_unit("吨标准煤"), Some("吨标准煤"));
        assert_eq!(match_unit("标箱"), Some("标箱"));
        assert_eq!(match_unit("学时"), Some("学时"));
        assert_eq!(normalise("％"), "%");
        assert_eq!(match_unit("m2左右"), Some("m2"));
        assert_eq!(normalise("m2"), "平方米");
        assert_eq!(normalise("km²"), "平方公里");
        assert_eq!(match_unit("m2x"), None);
    }

    #[test]
    fn compound_units() {
        assert_eq!(compound_tail("/立方米以下"), "/立方米".len());
        assert_eq!(compound_tail("／生·年的标准"), "／生·年".len());
        assert_eq!(compound_tail("（间）保障房"), "（间）".len());
        assert_eq!(compound_tail("/"), 0);
        assert_eq!(compound_tail("（一）"), 0);
        assert_eq!(compound_tail("保障房"), 0);
    }

    #[test]
    fn not_units() {
        for s in [
            "年",
            "月",
            "日",
            "届",
            "弄",
            "版",
            "大优势",
            "方面",
            "小时",
            "周年",
        ] {
            assert_eq!(match_unit(s), None, "{s}");
        }
        assert_eq!(match_unit("人民币"), None);
        assert_eq!(match_unit("条件"), None);
        assert_eq!(match_unit("位置"), None);
        assert_eq!(match_time("年整省试点"), Some("年"));
        assert_eq!(match_time("个月"), Some("个月"));
        assert_eq!(match_time("小时"), Some("小时"));
    }
}
