//! What a target measures, and whether two targets measure the same thing.
//!
//! A [`Measure`] is read from an item's subject and verb:
//! - its **operation** ([`Op`]): a *level* (`粮食产量1.3万亿斤`,
//!   `失业率控制在5.5%`), a *change* by an amount, up or down, named by
//!   the verb (`国内生产总值增长5%`, `能耗降低2.5%`, `标准提高30元`) or by the
//!   subject (`居民消费价格涨幅3%`, `经济增长预期目标为5%`), or an *action*
//!   that counts what it adds (`新建公园20个`, `城镇新增就业1200万人`,
//!   `安排专项债券3.9万亿元`; the action is named by its verb, also inside
//!   the subject). Two measures compare only with the same operation (a
//!   change with a change whatever its direction; an action with the same
//!   action): `GDP增长5%` is never `GDP超过126万亿元`, nor `新建公园` `改建公园`;
//! - its **stem**, the subject normalised ([`stem`]): full-width letters
//!   folded, quotes dropped, what precedes `关于` dropped (`国家关于土地承包期`
//!   → `土地承包期`), then, while they leave something, prefixes of scope and
//!   time (`全年`, `今年`, `全国`, `全市`, `我国`, `全社会`, a year `2024年`,
//!   `到2025年`, a round `第二轮`, `新一轮`, `首批`) and suffixes that name the
//!   figure rather than the thing (`预期目标`, `目标`, `指标`, `规模`, `总量`,
//!   `总额`, `人数`), and a change named by the subject (`涨幅`, `增长`,
//!   `增速`, `降幅`…, which becomes the operation). Words that change what
//!   is measured stay: `城镇`, `农村`, `人均`, `年均`, `单位`;
//! - its **headline class** ([`Class`]), for the few measures reports name
//!   in several ways: GDP (`国内生产总值`, `地区生产总值`, `生产总值`, `GDP`,
//!   `经济`: so `经济增长` is GDP growth), consumer prices (`居民消费价格`,
//!   `CPI`, `消费价格`, `物价`, `物价总水平`…) and urban new jobs (`城镇新增就业`,
//!   `新增城镇就业`, `新增就业`). A stem in a class matches only its class:
//!   `单位国内生产总值能耗` is not GDP;
//! - whether it is an **average a year** over several (`年均增长8.6%`, `城镇新增就业
//!   年均1270多万人`, `年均` before the value): an average never matches a
//!   single year's figure;
//! - its **polarity**: whether it is a measure to keep down (a rate of
//!   unemployment, prices, energy or water use, emissions and pollution,
//!   deficits and debt, concentrations, deaths, accidents, incidence,
//!   myopia, drop-outs, costs, time limits, losses, bad loans), unless
//!   its head is a rate to raise (`受污染耕地安全利用率`, `排放达标率`:
//!   `利用率`, `达标率`, `处理率`, `合格率`, `覆盖率`…), which
//!   [`super::bound`] uses to read `左右`.
//!
//! Outside the classes, two stems match when they are equal or their
//! character-bigram Dice similarity is at least [`MATCH_SCORE`]
//! (`调查失业率` ~ `城镇调查失业率` 0.8; `城镇登记失业率` ≁ `城镇调查失业率` 0.5).

use std::ops::Range;

use crate::document::Document;
use crate::targets::Item;

/// The least similarity of two stems outside the classes that matches.
pub const MATCH_SCORE: f64 = 0.6;

/// The direction of a change.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sign {
    Up,
    Down,
}

impl Sign {
    /// +1 or -1.
    pub fn factor(self) -> f64 {
        match self {
            Sign::Up => 1.0,
            Sign::Down => -1.0,
        }
    }
}

/// What the value of a target is.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    /// A level to reach, hold or observe.
    Level,
    /// A change by the amount, in a direction.
    Change(Sign),
    /// What an action adds (`新建`, `新增`, `安排`).
    Action(String),
}

impl Op {
    /// Whether values of the two operations measure the same kind of thing.
    pub fn compatible(&self, other: &Op) -> bool {
        match (self, other) {
            (Op::Level, Op::Level) | (Op::Change(_), Op::Change(_)) => true,
            (Op::Action(a), Op::Action(b)) => a == b,
            _ => false,
        }
    }
}

/// Headline measures that reports name in several ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Class {
    Gdp,
    ConsumerPrices,
    UrbanJobs,
}

/// The stems of each class (after [`stem`]).
const CLASSES: &[(Class, &[&str])] = &[
    (
        Class::Gdp,
        &["国内生产总值", "地区生产总值", "生产总值", "GDP", "经济"],
    ),
    (
        Class::ConsumerPrices,
        &[
            "居民消费价格",
            "居民消费价格指数",
            "消费价格",
            "消费价格指数",
            "消费者价格指数",
            "CPI",
            "物价",
            "物价水平",
            "物价总水平",
            "价格总水平",
        ],
    ),
    (Class::UrbanJobs, &["城镇就业", "就业"]),
];

/// Verbs of a change by an amount, and their direction.
const CHANGE_VERBS: &[(&str, Sign)] = &[
    ("增长", Sign::Up),
    ("增加", Sign::Up),
    ("提高", Sign::Up),
    ("提升", Sign::Up),
    ("上涨", Sign::Up),
    ("上升", Sign::Up),
    ("扩大", Sign::Up),
    ("延长", Sign::Up),
    ("下降", Sign::Down),
    ("降低", Sign::Down),
    ("减少", Sign::Down),
    ("下跌", Sign::Down),
    ("缩小", Sign::Down),
    ("缩短", Sign::Down),
    ("压减", Sign::Down),
    ("压缩", Sign::Down),
    ("回落", Sign::Down),
];

/// A change named at the end of a subject (`居民消费价格涨幅`).
const CHANGE_NOUNS: &[(&str, Sign)] = &[
    ("增长率", Sign::Up),
    ("增长", Sign::Up),
    ("增速", Sign::Up),
    ("增幅", Sign::Up),
    ("涨幅", Sign::Up),
    ("上涨", Sign::Up),
    ("提高", Sign::Up),
    ("增加", Sign::Up),
    ("降幅", Sign::Down),
    ("下降", Sign::Down),
    ("降低", Sign::Down),
    ("减少", Sign::Down),
];

/// Verbs that state or bound a level rather than act (a verb ending in
/// `到`, `至`, `在`, `为`, `于` is one too: `提高到`, `控制在`, `不低于`).
const STATE_VERBS: &[&str] = &[
    "达到", "达", "突破", "超过", "实现", "保持", "重返", "跻身", "迈入", "都有", "均有", "各有",
    "按", "≥", "≤", "⩾", "⩽", "＞", "＜", ">", "<",
];

/// Prefixes of scope and time that do not change what is measured.
const SCOPE_PREFIXES: &[&str] = &[
    "全年",
    "今年",
    "年内",
    "明年",
    "当年",
    "全国",
    "全省",
    "全市",
    "全区",
    "全县",
    "全镇",
    "我国",
    "我省",
    "我市",
    "我区",
    "我县",
    "本市",
    "全社会",
    "新一轮",
    "首批",
];

/// Suffixes that name the figure rather than the thing.
const FIGURE_SUFFIXES: &[&str] = &[
    "预期目标",
    "预期",
    "目标",
    "指标",
    "规模",
    "总量",
    "总额",
    "人数",
];

/// Words of measures to keep down.
const KEEP_LOW: &[&str] = &[
    "失业",
    "价格",
    "物价",
    "CPI",
    "能耗",
    "水耗",
    "煤耗",
    "排放",
    "污染",
    "赤字",
    "负债",
    "债务",
    "浓度",
    "死亡",
    "事故",
    "发生率",
    "发病率",
    "近视",
    "辍学",
    "成本",
    "时限",
    "耗时",
    "亏损",
    "不良",
];

/// Heads of measures to raise, whatever they are of (`受污染耕地安全利用率`,
/// `排放达标率`): they override [`KEEP_LOW`].
const RAISE_HEADS: &[&str] = &[
    "利用率",
    "达标率",
    "处理率",
    "处置率",
    "治理率",
    "合格率",
    "优良率",
    "覆盖率",
    "回收率",
    "改善率",
    "化解率",
    "清偿率",
];

/// What a target or result measures.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    /// The name shown: the subject as `--targets` prints it, and the verb
    /// after it when the value is a change (`国内生产总值增长`).
    pub name: String,
    pub stem: String,
    pub class: Option<Class>,
    pub op: Op,
    /// A measure to keep down.
    pub keep_low: bool,
    /// An average a year over several years (`年均`).
    pub yearly_average: bool,
    /// The stem's distinct character bigrams, sorted.
    bigrams: Vec<(char, char)>,
}

impl Measure {
    /// The measure of `item` in `doc`.
    pub fn of(item: &Item, doc: &Document) -> Measure {
        let subject = item.subject(doc);
        let verb = item.verb.clone().map(|r| (&doc.text[r.clone()], r));
        let inside = verb
            .as_ref()
            .filter(|(_, r)| within(r, &item.subject))
            .map(|(v, _)| *v);
        let outside = verb
            .as_ref()
            .filter(|(_, r)| !within(r, &item.subject))
            .map(|(v, _)| *v);
        // A verb inside the subject (`城镇新增就业`) is the measure's action
        // and leaves the stem.
        let (bare, inside_op) = match inside {
            Some(v) => (subject.replacen(v, "", 1), Some(verb_op(v))),
            None => (subject.clone(), None),
        };
        let (stem, noun_change) = stem(&bare);
        let op = match (outside.map(verb_op), inside_op) {
            (Some(op @ (Op::Change(_) | Op::Action(_))), _) => op,
            (_, Some(op @ (Op::Change(_) | Op::Action(_)))) => op,
            _ => noun_change.map_or(Op::Level, Op::Change),
        };
        let name = match (outside, &op) {
            (Some(v), Op::Change(_)) if change_verb(v).is_some() => format!("{subject}{v}"),
            _ => subject,
        };
        let before_value = &doc.text[item.span.start.min(item.quantity.start)..item.quantity.start];
        let mut m = Measure::new(name, stem, op);
        m.yearly_average = m.yearly_average || before_value.contains("年均");
        m
    }

    /// A measure from its parts (`stem` already normalised).
    pub fn new(name: String, stem: String, op: Op) -> Measure {
        let class = class_of(&stem);
        let keep_low = class == Some(Class::ConsumerPrices)
            || (KEEP_LOW.iter().any(|w| stem.contains(w))
                && !RAISE_HEADS.iter().any(|h| stem.ends_with(h)));
        let mut bigrams: Vec<(char, char)> =
            stem.chars().zip(stem.chars().skip(1)).collect::<Vec<_>>();
        bigrams.sort_unstable();
        bigrams.dedup();
        Measure {
            yearly_average: stem.contains("年均"),
            name,
            stem,
            class,
            op,
            keep_low,
            bigrams,
        }
    }

    /// How alike the two measures' names are, from 0 to 1, whatever their
    /// operations: 1 for the same class or stem, 0 across classes, for an
    /// empty stem or between a yearly average and a single year's figure,
    /// else the Dice similarity of the stems' bigrams.
    pub fn similarity(&self, other: &Measure) -> f64 {
        if self.yearly_average != other.yearly_average {
            return 0.0;
        }
        if self.class.is_some() || other.class.is_some() {
            return if self.class == other.class { 1.0 } else { 0.0 };
        }
        if self.stem.is_empty() || other.stem.is_empty() {
            return 0.0;
        }
        if self.stem == other.stem {
            return 1.0;
        }
        let total = self.bigrams.len() + other.bigrams.len();
        if total == 0 {
            return 0.0;
        }
        let shared = self
            .bigrams
            .iter()
            .filter(|b| other.bigrams.binary_search(b).is_ok())
            .count();
        2.0 * shared as f64 / total as f64
    }

    /// Whether the two name the same thing (a similarity of at least
    /// [`MATCH_SCORE`]) with compatible operations: the score, or `None`.
    pub fn matches(&self, other: &Measure) -> Option<f64> {
        let s = self.similarity(other);
        (s >= MATCH_SCORE && self.op.compatible(&other.op)).then_some(s)
    }
}

fn within(inner: &Range<usize>, outer: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The direction of a change verb.
fn change_verb(v: &str) -> Option<Sign> {
    CHANGE_VERBS.iter().find(|(w, _)| *w == v).map(|&(_, s)| s)
}

/// Whether `v` states or bounds a level.
pub fn is_state_verb(v: &str) -> bool {
    STATE_VERBS.contains(&v) || v.ends_with(['到', '至', '在', '为', '于'])
}

/// What a verb makes of its value.
fn verb_op(v: &str) -> Op {
    if let Some(s) = change_verb(v) {
        Op::Change(s)
    } else if is_state_verb(v) {
        Op::Level
    } else {
        Op::Action(v.to_string())
    }
}

/// The class whose stems hold `stem`.
fn class_of(stem: &str) -> Option<Class> {
    CLASSES
        .iter()
        .find(|(_, stems)| stems.contains(&stem))
        .map(|&(c, _)| c)
}

/// The subject normalised for matching, and the change it names at its
/// end (`居民消费价格涨幅` → `居民消费价格`, up); see the module doc.
pub fn stem(subject: &str) -> (String, Option<Sign>) {
    let folded: String = subject
        .chars()
        .filter(|c| !c.is_whitespace() && !"*“”‘’\"'「」『』".contains(*c))
        .map(fold)
        .collect();
    let mut s = match folded.rfind("关于") {
        Some(i) if i + "关于".len() < folded.len() => folded[i + "关于".len()..].to_string(),
        _ => folded,
    };
    let mut change = None;
    // Each pass shortens `s` or ends the loop: bounded by its length.
    loop {
        let before = s.len();
        if let Some(rest) = strip_prefix(&s) {
            s = rest.to_string();
        }
        if let Some(w) = FIGURE_SUFFIXES
            .iter()
            .find(|w| longer_than(&s, w) && s.ends_with(*w))
        {
            s.truncate(s.len() - w.len());
        }
        if change.is_none()
            && let Some((w, sign)) = CHANGE_NOUNS
                .iter()
                .find(|(w, _)| longer_than(&s, w) && s.ends_with(*w))
        {
            s.truncate(s.len() - w.len());
            change = Some(*sign);
        }
        if s.len() == before {
            break;
        }
    }
    (s, change)
}

/// Whether `s` holds more than `w` (a strip leaves something).
fn longer_than(s: &str, w: &str) -> bool {
    s.len() > w.len()
}

/// `s` without one scope, time or round prefix, if it has one and more.
fn strip_prefix(s: &str) -> Option<&str> {
    if let Some(w) = SCOPE_PREFIXES
        .iter()
        .find(|w| longer_than(s, w) && s.starts_with(*w))
    {
        return Some(&s[w.len()..]);
    }
    // `2024年`, `到2025年`, `至2025年`
    let t = s
        .strip_prefix('到')
        .or_else(|| s.strip_prefix('至'))
        .unwrap_or(s);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4
        && let Some(rest) = t[digits..].strip_prefix('年')
        && !rest.is_empty()
    {
        return Some(rest);
    }
    // `第二轮`, `第3批`
    if let Some(t) = s.strip_prefix('第') {
        let n = t
            .char_indices()
            .find(|&(_, c)| !(c.is_ascii_digit() || "一二三四五六七八九十".contains(c)))
            .map_or(t.len(), |(i, _)| i);
        if n > 0
            && let Some(rest) = t[n..]
                .strip_prefix('轮')
                .or_else(|| t[n..].strip_prefix('批'))
            && !rest.is_empty()
        {
            return Some(rest);
        }
    }
    None
}

/// Full-width ASCII to ASCII, letters to upper case.
fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_ascii_uppercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(subject: &str, op: Op) -> Measure {
        let (s, change) = stem(subject);
        let op = match (op, change) {
            (Op::Level, Some(sign)) => Op::Change(sign),
            (op, _) => op,
        };
        Measure::new(subject.to_string(), s, op)
    }

    fn up() -> Op {
        Op::Change(Sign::Up)
    }

    #[test]
    fn stems_drop_scope_time_rounds_and_figure_words() {
        assert_eq!(stem("全年粮食产量"), ("粮食产量".into(), None));
        assert_eq!(stem("全国城镇调查失业率"), ("城镇调查失业率".into(), None));
        assert_eq!(stem("2024年全市新增绿地"), ("新增绿地".into(), None));
        assert_eq!(stem("到2025年森林覆盖率"), ("森林覆盖率".into(), None));
        assert_eq!(stem("第二轮土地承包"), ("土地承包".into(), None));
        assert_eq!(stem("国家关于土地承包期"), ("土地承包期".into(), None));
        assert_eq!(stem("赤字规模"), ("赤字".into(), None));
        assert_eq!(stem("城镇新增就业人数"), ("城镇新增就业".into(), None));
        // what changes the measure stays
        assert_eq!(stem("城镇居民人均可支配收入").0, "城镇居民人均可支配收入");
        assert_eq!(stem("单位国内生产总值能耗").0, "单位国内生产总值能耗");
        // a strip never empties the stem
        assert_eq!(stem("全年"), ("全年".into(), None));
        assert_eq!(stem("目标"), ("目标".into(), None));
    }

    #[test]
    fn a_change_named_by_the_subject() {
        assert_eq!(
            stem("居民消费价格涨幅"),
            ("居民消费价格".into(), Some(Sign::Up))
        );
        assert_eq!(stem("经济增长预期目标"), ("经济".into(), Some(Sign::Up)));
        assert_eq!(stem("能耗降幅"), ("能耗".into(), Some(Sign::Down)));
        assert_eq!(stem("ＣＰＩ涨幅"), ("CPI".into(), Some(Sign::Up)));
    }

    #[test]
    fn headline_classes_match_their_other_names_only() {
        let gdp = m("国内生产总值", up());
        assert_eq!(gdp.matches(&m("经济增长预期目标", Op::Level)), Some(1.0));
        assert_eq!(gdp.matches(&m("地区生产总值", up())), Some(1.0));
        assert_eq!(gdp.matches(&m("GDP", up())), Some(1.0));
        // contains GDP's name, but measures energy
        assert_eq!(gdp.matches(&m("单位国内生产总值能耗", up())), None);
        let cpi = m("居民消费价格涨幅", Op::Level);
        assert_eq!(cpi.matches(&m("CPI涨幅", Op::Level)), Some(1.0));
        assert_eq!(
            cpi.matches(&m("居民消费价格", Op::Change(Sign::Up))),
            Some(1.0)
        );
        assert_eq!(cpi.matches(&m("物价总水平", up())), Some(1.0));
        assert_eq!(cpi.matches(&m("农产品价格", up())), None);
        let jobs = m("城镇就业", Op::Action("新增".into()));
        assert_eq!(jobs.class, Some(Class::UrbanJobs));
        assert_eq!(
            jobs.matches(&m("就业", Op::Action("新增".into()))),
            Some(1.0)
        );
    }

    #[test]
    fn operations_must_agree() {
        // growth and the level of GDP are different measures
        assert_eq!(
            m("国内生产总值", up()).matches(&m("国内生产总值", Op::Level)),
            None
        );
        // new parks are not rebuilt parks, nor the number of parks
        let new = m("公园", Op::Action("新建".into()));
        assert!(new.matches(&m("公园", Op::Action("新建".into()))).is_some());
        assert_eq!(new.matches(&m("公园", Op::Action("改建".into()))), None);
        assert_eq!(new.matches(&m("公园", Op::Level)), None);
        // a rise and a fall of one measure compare (the sign tells them apart)
        let down = m("单位国内生产总值能耗", Op::Change(Sign::Down));
        assert!(down.matches(&m("单位国内生产总值能耗", up())).is_some());
    }

    #[test]
    fn similar_stems_match_and_different_ones_do_not() {
        let level = |s: &str| m(s, Op::Level);
        assert!(
            level("调查失业率")
                .matches(&level("城镇调查失业率"))
                .is_some()
        );
        assert!(
            level("常住人口城镇化率")
                .matches(&level("城镇化率"))
                .is_some()
        );
        assert_eq!(
            level("城镇登记失业率").matches(&level("城镇调查失业率")),
            None
        );
        assert_eq!(
            level("居民医保人均财政补助标准").matches(&level("城乡居民基础养老金月最低标准")),
            None
        );
        assert_eq!(
            level("地方政府专项债券").matches(&level("超长期特别国债")),
            None
        );
        let land = m("国家关于土地承包期", up());
        assert!(land.matches(&m("第二轮土地承包", up())).is_some());
        assert_eq!(level("").matches(&level("")), None);
    }

    #[test]
    fn a_yearly_average_is_another_measure() {
        let avg = m("货物进出口总额年均", up());
        assert!(avg.yearly_average);
        assert_eq!(avg.matches(&m("货物进出口总额", up())), None);
        let mut one = m("城镇就业", Op::Action("新增".into()));
        assert!(!one.yearly_average);
        let mut other = one.clone();
        other.yearly_average = true;
        assert_eq!(one.matches(&other), None);
        one.yearly_average = true;
        assert_eq!(one.matches(&other), Some(1.0));
    }

    #[test]
    fn measures_of_extracted_items() {
        let doc = Document::from_bytes(
            "t.txt",
            "2024年工作报告\n二、2024年目标\n今年新增城镇就业1100万人以上，国内生产总值增长5%左右，\
             居民消费价格涨幅3%左右，中央预算内投资拟安排7000亿元，城镇新增就业1200万人。\n"
                .as_bytes(),
        )
        .unwrap();
        let items = crate::targets::extract(&doc);
        let ms: Vec<Measure> = items.iter().map(|t| Measure::of(t, &doc)).collect();
        let read: Vec<(&str, &str, Op)> = ms
            .iter()
            .map(|m| (m.name.as_str(), m.stem.as_str(), m.op.clone()))
            .collect();
        let action = |v: &str| Op::Action(v.to_string());
        assert_eq!(
            read,
            [
                ("城镇就业", "城镇就业", action("新增")),
                ("国内生产总值增长", "国内生产总值", up()),
                ("居民消费价格涨幅", "居民消费价格", up()),
                ("中央预算内投资", "中央预算内投资", action("安排")),
                // the action inside the name leaves the stem
                ("城镇新增就业", "城镇就业", action("新增")),
            ]
        );
        // either order of 新增 names the same measure
        assert_eq!(ms[0].matches(&ms[4]), Some(1.0));
    }

    #[test]
    fn polarity() {
        for s in [
            "城镇调查失业率",
            "居民消费价格涨幅",
            "单位国内生产总值能耗",
            "赤字率",
            "PM2.5平均浓度",
        ] {
            assert!(m(s, Op::Level).keep_low, "{s}");
        }
        for s in ["重污染天数", "不良贷款率", "二氧化碳排放"] {
            assert!(m(s, Op::Level).keep_low, "{s}");
        }
        for s in [
            "国内生产总值",
            "粮食产量",
            "森林覆盖率",
            "城镇新增就业",
            "受污染耕地安全利用率",
            "工业废水排放达标率",
        ] {
            assert!(!m(s, Op::Level).keep_low, "{s}");
        }
    }
}
