//! Which units measure the same thing, and by what factor.
//!
//! A quantity's unit here is the item's unit with the rate written after
//! it (`30微克/立方米` is in `微克/立方米`, a concentration, not `微克`, a
//! mass; `800元/生·年` in `元/生·年`) or the alternative in brackets
//! (`2000套（间）`): [`of`].
//!
//! Two quantities are comparable only in compatible units: the same unit
//! (as `--targets` writes it: `％` is `%`), or two units of one dimension
//! that convert exactly: weights (`斤`, `公斤`/`千克`, `吨`), areas (`平方米`,
//! `亩`, `公顷`, `平方公里`/`平方千米`), lengths (`米`, `公里`/`千米`) and
//! people (`人`, `名`, `位`). Everything else is its own dimension: `%`
//! and `个百分点` never compare (a level and a change in points), nor `吨`
//! and `吨标准煤`, `元` and `美元`, `人` and `人次`.

use crate::document::Document;
use crate::targets::Item;
use crate::targets::units::compound_tail;

/// The unit of `item`: its unit, with the rate or bracketed alternative
/// that follows it in the quantity as written.
pub fn of(item: &Item, doc: &Document) -> String {
    let unit = if item.unit == "％" {
        "%"
    } else {
        item.unit.as_str()
    };
    let written = item.quantity(doc);
    let tail = written
        .rfind(item.unit.as_str())
        .map(|i| &written[i + item.unit.len()..])
        .map(|rest| &rest[..compound_tail(rest)])
        .unwrap_or_default();
    format!("{unit}{tail}")
}

/// A unit's dimension and its size in the dimension's base unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Dimension {
    /// The base unit of the dimension (`斤` for every weight), or the unit
    /// itself when it has no other.
    pub base: String,
    /// How many base units one of this unit is.
    pub factor: f64,
}

/// Units that convert, as (unit, base unit, factor).
const CONVERTIBLE: &[(&str, &str, f64)] = &[
    ("斤", "斤", 1.0),
    ("公斤", "斤", 2.0),
    ("千克", "斤", 2.0),
    ("吨", "斤", 2000.0),
    ("平方米", "平方米", 1.0),
    ("亩", "平方米", 10000.0 / 15.0),
    ("公顷", "平方米", 10_000.0),
    ("平方公里", "平方米", 1_000_000.0),
    ("平方千米", "平方米", 1_000_000.0),
    ("米", "米", 1.0),
    ("公里", "米", 1000.0),
    ("千米", "米", 1000.0),
    ("人", "人", 1.0),
    ("名", "人", 1.0),
    ("位", "人", 1.0),
];

/// The dimension of `unit`.
pub fn dimension(unit: &str) -> Dimension {
    let unit = if unit == "％" { "%" } else { unit };
    match CONVERTIBLE.iter().find(|(u, _, _)| *u == unit) {
        Some((_, base, factor)) => Dimension {
            base: (*base).to_string(),
            factor: *factor,
        },
        None => Dimension {
            base: unit.to_string(),
            factor: 1.0,
        },
    }
}

/// Whether quantities in `a` and `b` can be compared.
pub fn compatible(a: &str, b: &str) -> bool {
    dimension(a).base == dimension(b).base
}

/// `value` in unit `from`, expressed in unit `to` (compatible units).
pub fn convert(value: f64, from: &str, to: &str) -> f64 {
    value * dimension(from).factor / dimension(to).factor
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_unit_is_compatible() {
        assert!(compatible("%", "%"));
        assert!(compatible("%", "％"));
        assert!(compatible("元", "元"));
        assert!(compatible("家", "家"));
    }

    #[test]
    fn units_of_one_dimension_convert() {
        assert!(compatible("斤", "吨"));
        assert_eq!(convert(6.5e8, "吨", "斤"), 1.3e12);
        assert!(compatible("公顷", "平方公里"));
        assert_eq!(convert(100.0, "公顷", "平方公里"), 1.0);
        assert!(compatible("名", "人"));
        assert_eq!(convert(15.0, "亩", "平方米"), 10000.0);
    }

    #[test]
    fn a_rate_is_part_of_the_unit() {
        let doc = Document::from_bytes(
            "t.txt",
            "2024年工作报告\n二、2024年目标\n今年PM2.5平均浓度控制在30微克/立方米以下，新建保障房2000套（间），粮食产量1.3万亿斤以上。\n"
                .as_bytes(),
        )
        .unwrap();
        let units: Vec<String> = crate::targets::extract(&doc)
            .iter()
            .map(|t| of(t, &doc))
            .collect();
        assert_eq!(units, ["微克/立方米", "套（间）", "斤"]);
        assert!(!compatible("微克/立方米", "微克"));
        assert!(!compatible("元/吨", "元"));
    }

    #[test]
    fn other_units_never_compare() {
        for (a, b) in [
            ("%", "个百分点"),
            ("吨", "吨标准煤"),
            ("元", "美元"),
            ("人", "人次"),
            ("家", "个"),
            ("斤", "平方米"),
        ] {
            assert!(!compatible(a, b), "{a} {b}");
        }
    }
}
