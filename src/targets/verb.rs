//! The verb of a quantity: the word right before it (`达到4000家`), or
//! the verb that opens its clause and names an object first
//! (`拟安排地方政府专项债券3.9万亿元`).
//!
//! A few words are verbs only in company: `为` after a target's name
//! (`预期目标为5%`), `按` after `拟` (`赤字率拟按3%`). A rise by an amount
//! (`提高30元`) is an action, not a comparison: it commits to that much.

use std::ops::Range;

use super::lexicon::{self, VerbClass};

/// A verb and what it commits to (ranges relative to the sentence).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Verb {
    pub(super) range: Range<usize>,
    pub(super) class: VerbClass,
}

/// The verb that ends right at `at`, no earlier than `floor`; `unit` is
/// the quantity's unit.
pub(super) fn before(s: &str, floor: usize, at: usize, unit: &str) -> Option<Verb> {
    let before = &s[floor..at];
    let (w, class) = lexicon::verb_before(before)?;
    let rest = &before[..before.len() - w.len()];
    let ok = match w {
        "为" => ["目标", "指标", "定", "确定"]
            .iter()
            .any(|p| rest.ends_with(p)),
        "按" => rest.ends_with('拟'),
        _ => true,
    };
    if !ok {
        return None;
    }
    let class = match w {
        "提高" | "增加" | "减少" if unit != "%" => VerbClass::Action,
        _ => class,
    };
    Some(Verb {
        range: at - w.len()..at,
        class,
    })
}

/// The verb that opens the clause `s[lead]`, when more words follow it
/// before the quantity (its object).
pub(super) fn opening(s: &str, lead: Range<usize>) -> Option<Verb> {
    let (w, class) = lexicon::verb_opening(&s[lead.clone()])?;
    (lead.len() > w.len()).then(|| Verb {
        range: lead.start..lead.start + w.len(),
        class,
    })
}

/// Whether a duration verb (`延长`, `缩短`) ends at `at`.
pub(super) fn is_duration_verb(s: &str, at: usize) -> bool {
    lexicon::suffix_in(&s[..at], lexicon::DURATION_VERBS).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verb(s: &str, unit: &str) -> Option<(String, VerbClass)> {
        before(s, 0, s.len(), unit).map(|v| (s[v.range].to_string(), v.class))
    }

    #[test]
    fn verbs_in_company() {
        assert_eq!(
            verb("预期目标为", "%"),
            Some(("为".into(), VerbClass::Comparator))
        );
        assert_eq!(verb("比重为", "%"), None);
        assert_eq!(
            verb("赤字率拟按", "%"),
            Some(("按".into(), VerbClass::Comparator))
        );
        assert_eq!(verb("标准按", "%"), None);
        assert_eq!(
            verb("标准提高", "元"),
            Some(("提高".into(), VerbClass::Action))
        );
        assert_eq!(
            verb("比例提高", "%"),
            Some(("提高".into(), VerbClass::Comparator))
        );
        assert_eq!(
            verb("比例提高到", "%"),
            Some(("提高到".into(), VerbClass::Level))
        );
    }

    #[test]
    fn opening_verbs() {
        let s = "拟安排地方政府专项债券";
        let v = opening(s, 3..s.len()).unwrap();
        assert_eq!(&s[v.range], "安排");
        assert!(opening("新增", 0..6).is_none());
        assert!(is_duration_verb("再延长", "再延长".len()));
    }
}
