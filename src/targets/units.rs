//! Units of measure and counters that make a number a quantity.
//!
//! A number is a target's value only when a unit follows it (`4000家`,
//! `60公顷`, `5%`, `2.5个百分点`). Multipliers (`万`, `亿`) are read with the
//! number, so the unit is the base one: `1万平方米` is 10000 `平方米` and
//! `1200万人` is 12000000 `人`. Words that are *not* units here are what keep
//! dates (`年`, `月`, `日`), ordinals (`届`, `次会议`), addresses (`弄`,
//! `号`), versions (`版`) and counts such as `两大优势` or `三方面` out;
//! a duration (`30年`, `6个月`) counts only after a duration verb
//! (`延长`), which no date follows.

/// Units, longest first where one is a prefix of another.
const UNITS: &[&str] = &[
    "个百分点",
    "百分点",
    "平方公里",
    "平方千米",
    "平方米",
    "立方米",
    "万千瓦",
    "千瓦时",
    "千瓦",
    "公顷",
    "公里",
    "千米",
    "公斤",
    "千克",
    "人次",
    "标准箱",
    "美元",
    "%",
    "％",
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
    "户",
    "所",
    "座",
    "条",
    "项",
    "套",
    "间",
    "张",
    "台",
    "辆",
    "架",
    "件",
    "场",
    "倍",
    "栋",
    "幢",
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
        _ => false,
    }
}

/// The unit at the start of `s`, as written.
pub fn match_unit(s: &str) -> Option<&'static str> {
    let unit = UNITS.iter().copied().find(|u| s.starts_with(u))?;
    (!breaks_word(unit, s[unit.len()..].chars().next())).then_some(unit)
}

/// Units of time, read only right after a duration verb (`再延长30年`):
/// anywhere else `年` is a date's (`2024年`).
const DURATIONS: &[&str] = &["个月", "年", "天"];

/// The unit of a duration at the start of `s`.
pub fn match_duration(s: &str) -> Option<&'static str> {
    DURATIONS.iter().copied().find(|u| s.starts_with(u))
}

/// The unit as output: full-width `％` becomes `%`, everything else stays
/// as written.
pub fn normalise(unit: &str) -> &str {
    if unit == "％" { "%" } else { unit }
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
        assert_eq!(normalise("％"), "%");
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
        assert_eq!(match_duration("年整省试点"), Some("年"));
        assert_eq!(match_duration("个月"), Some("个月"));
    }
}
