//! `compare` on real reports: the 2023 and the 2024 government work
//! reports, row by row, against a table written by reading both reports
//! (before the matching was tuned); the same report twice; the reversed
//! order; reports without targets.

use gangmu::compare::{self, Change, Comparison, Order, Verdict};
use gangmu::document::Document;

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Document::open(std::path::Path::new(&path)).expect("fixture")
}

fn doc(text: &str) -> Document {
    Document::from_bytes("test.txt", text.as_bytes()).expect("decodes")
}

/// One row as `change | measure | unit | old → new | outcome`, the
/// outcome `verdict: the result's words` or `-`.
fn render(c: &Comparison, old: &Document, new: &Document) -> Vec<String> {
    c.rows
        .iter()
        .map(|r| {
            let side = |t: &Option<gangmu::targets::Item>, d: &Document| {
                t.as_ref()
                    .map_or_else(|| "-".to_string(), |t| compare::written(t, d))
            };
            let outcome = r.outcome.as_ref().map_or_else(
                || "-".to_string(),
                |o| format!("{}: {}", o.verdict.as_str(), o.result.text(new)),
            );
            format!(
                "{} | {} | {} | {} → {} | {}",
                r.change.as_str(),
                r.measure,
                r.unit,
                side(&r.old, old),
                side(&r.new, new),
                outcome
            )
        })
        .collect()
}

/// The 2023 report's eight targets (part 二, 对今年政府工作的建议) against the
/// 2024 report's sixteen (its `经济增长预期目标为5%左右` restates the first
/// and is one row with it), and what the 2024 report's look-back
/// (一、2023年工作回顾) says of each 2023 target.
///
/// Hand-checked, reading both reports:
/// - GDP growth 5%左右 both years; 2023 actual `增长5.2%` (line 6 of the 2024
///   report): growth is a measure to raise, so `左右` is a floor less the
///   tolerance (4.75): met.
/// - 城镇新增就业 1200万人左右 → 1200万人以上 (the qualifier tightened:
///   changed); 2023 actual 1244万人 ≥ 1140万: met.
/// - 城镇调查失业率 5.5%左右 both; actual `平均为5.2%`: unemployment is a
///   measure to keep down, so `左右` is a ceiling (5.775): met.
/// - 居民消费价格涨幅 3%左右 both; actual `上涨0.2%`: a price rise is kept
///   down, the target is a ceiling: met (far below it, but a ceiling).
/// - 粮食产量 1.3万亿斤以上 both (2023 `保持在…以上`, 2024 bare `…以上`: the
///   same bound, unchanged); actual 1.39万亿斤 ≥ 1.3万亿斤: met.
/// - 单位国内生产总值能耗降低2.5%左右: new (2023 said `继续下降` with no number).
/// - 赤字率 3% both: unchanged; the 2024 look-back gives no 2023 deficit.
/// - 赤字规模, 一般公共预算支出规模, 超长期特别国债, 中央预算内投资: new in 2024
///   (the 2023 report names no such figure as a target).
/// - 地方政府专项债券 3.8万亿元 → 3.9万亿元: changed; no 2023 figure in the
///   look-back.
/// - the 30-year extension of land contracts (2023 `国家关于土地承包期再延长30年
///   的政策`, 2024 `第二轮土地承包到期后再延长30年整省试点`): the same policy,
///   unchanged; no outcome.
/// - 居民医保人均财政补助标准提高30元, 城乡居民基础养老金月最低标准提高20元: new
///   (the 2023 report names no such increase).
///
/// No 2023 target is dropped. Rows follow the 2024 report's order.
const EXPECTED_2023_2024: &[&str] = &[
    "unchanged | 国内生产总值增长 | % | 5%左右 → 5%左右 | met: 增长5.2%",
    "changed | 城镇新增就业 | 人 | 1200万人左右 → 1200万人以上 | met: 城镇新增就业1244万人",
    "unchanged | 城镇调查失业率 | % | 5.5%左右 → 5.5%左右 | met: 城镇调查失业率平均为5.2%",
    "unchanged | 居民消费价格涨幅 | % | 3%左右 → 3%左右 | met: 居民消费价格上涨0.2%",
    "unchanged | 粮食产量 | 斤 | 1.3万亿斤以上 → 1.3万亿斤以上 | met: 粮食产量1.39万亿斤",
    "new | 单位国内生产总值能耗降低 | % | - → 2.5%左右 | -",
    "unchanged | 赤字率 | % | 3% → 3% | -",
    "new | 赤字规模 | 元 | - → 4.06万亿元 | -",
    "new | 一般公共预算支出规模 | 元 | - → 28.5万亿元 | -",
    "changed | 地方政府专项债券 | 元 | 3.8万亿元 → 3.9万亿元 | -",
    "new | 超长期特别国债 | 元 | - → 1万亿元 | -",
    "new | 中央预算内投资 | 元 | - → 7000亿元 | -",
    "unchanged | 第二轮土地承包延长 | 年 | 30年 → 30年 | -",
    "new | 居民医保人均财政补助标准提高 | 元 | - → 30元 | -",
    "new | 城乡居民基础养老金月最低标准提高 | 元 | - → 20元 | -",
];

#[test]
fn the_2023_and_2024_work_reports_row_by_row() {
    let old = fixture("2023-government-work-report.txt");
    let new = fixture("2024-government-work-report.txt");
    assert_eq!(compare::order(&old, &new), Order::Forward);
    let c = compare::compare(&old, &new);
    assert_eq!(render(&c, &old, &new), EXPECTED_2023_2024);
    let items = |d: &Document| gangmu::targets::extract(d);
    assert_eq!(
        compare::compare_items(&old, &items(&old), &new, &items(&new)),
        c
    );
    assert_eq!(c.old.year, Some(2023));
    assert_eq!(c.new.year, Some(2024));
    assert_eq!(c.old.source, old.source);
    // Every row with an outcome is about a 2023 target, judged on a 2023
    // result of the 2024 report.
    for r in &c.rows {
        if let Some(o) = &r.outcome {
            assert_eq!(r.old.as_ref().and_then(|t| t.year), Some(2023));
            assert_eq!(o.result.year, Some(2023));
            assert_eq!(o.result.kind, gangmu::targets::Kind::Result);
        }
    }
}

#[test]
fn the_same_report_twice_is_all_unchanged() {
    for name in [
        "2023-government-work-report.txt",
        "2024-government-work-report.txt",
    ] {
        let d = fixture(name);
        assert_eq!(compare::order(&d, &d), Order::Same);
        let c = compare::compare(&d, &d);
        let targets = gangmu::targets::extract(&d)
            .into_iter()
            .filter(|t| t.is_target())
            .count();
        // The 2024 report restates its growth target once.
        let restated = usize::from(name.starts_with("2024"));
        assert_eq!(c.rows.len(), targets - restated, "{name}");
        for r in &c.rows {
            assert_eq!(r.change, Change::Unchanged, "{name}: {}", r.measure);
            assert_eq!(r.old, r.new, "{name}: {}", r.measure);
            // A report's own results are for the year before it.
            assert!(r.outcome.is_none(), "{name}: {}", r.measure);
        }
    }
}

#[test]
fn the_reversed_order_is_told() {
    let old = fixture("2024-government-work-report.txt");
    let new = fixture("2023-government-work-report.txt");
    assert_eq!(compare::order(&old, &new), Order::Reversed);
    // Compared as given, nothing is judged (the older report cannot look
    // back on the later one's targets) and the changes read backwards.
    let c = compare::compare(&old, &new);
    assert!(c.rows.iter().all(|r| r.outcome.is_none()));
    let changed: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.change == Change::Changed)
        .map(|r| r.measure.as_str())
        .collect();
    assert_eq!(changed, ["城镇新增就业", "地方政府专项债券"]);
    let dropped = c
        .rows
        .iter()
        .filter(|r| r.change == Change::Dropped)
        .count();
    assert_eq!(dropped, 7);
    assert!(c.rows.iter().all(|r| r.change != Change::New));
}

#[test]
fn reports_without_targets() {
    let none = doc("关于某事的说明\n一、情况\n过去一年，各项工作稳步推进。\n");
    let also_none = doc("会议纪要\n大家讨论了工作。\n");
    let c = compare::compare(&none, &also_none);
    assert!(c.rows.is_empty());
    assert_eq!(compare::order(&none, &also_none), Order::Unknown);

    let some = fixture("2023-government-work-report.txt");
    let c = compare::compare(&some, &none);
    assert_eq!(c.rows.len(), 8);
    assert!(c.rows.iter().all(|r| r.change == Change::Dropped));
    assert!(c.rows.iter().all(|r| r.new.is_none() && r.old.is_some()));
    let c = compare::compare(&none, &some);
    assert_eq!(c.rows.len(), 8);
    assert!(c.rows.iter().all(|r| r.change == Change::New));
    assert!(c.rows.iter().all(|r| r.outcome.is_none()));
}

#[test]
fn a_later_report_judges_the_targets_it_looks_back_on() {
    // A small pair in the shape of a work report: last year's targets, and
    // this year's look-back that reports them.
    let old = doc("2022年政府工作报告\n\
         一、2021年工作回顾\n过去一年，地区生产总值增长6%。\n\
         二、2022年主要目标\n今年主要预期目标是：地区生产总值增长6%左右；\
         城镇调查失业率控制在5.5%以内；居民消费价格涨幅3%左右；\
         新建公园20个；森林覆盖率达到30%；研发经费投入增长10%以上；\
         货物进出口总额增长5%。\n");
    let new = doc("2023年政府工作报告\n\
         一、2022年工作回顾\n过去一年，全市经济增长4.8%，城镇调查失业率5.6%，\
         居民消费价格下降0.5%，森林覆盖率提高到31%，研发经费投入增长近10%。\
         五年来，货物进出口总额年均增长8%。\n\
         二、2023年主要目标\n今年主要预期目标是：地区生产总值增长5%左右；\
         城镇调查失业率控制在5.5%以内；新建公园20个。\n");
    let c = compare::compare(&old, &new);
    let verdicts: Vec<(String, Change, Option<Verdict>)> = c
        .rows
        .iter()
        .map(|r| {
            (
                r.measure.clone(),
                r.change,
                r.outcome.as_ref().map(|o| o.verdict),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            // 4.8 < 6 × 0.95
            (
                "地区生产总值增长".to_string(),
                Change::Changed,
                Some(Verdict::Missed)
            ),
            // 5.6 > 5.5 (以内: no tolerance)
            (
                "城镇调查失业率".to_string(),
                Change::Unchanged,
                Some(Verdict::Missed)
            ),
            // a fall is below a ceiling on the rise
            (
                "居民消费价格涨幅".to_string(),
                Change::Dropped,
                Some(Verdict::Met)
            ),
            ("公园".to_string(), Change::Unchanged, None),
            (
                "森林覆盖率".to_string(),
                Change::Dropped,
                Some(Verdict::Met)
            ),
            // 近10% could be 9.5 or 9.99: under the floor of 10 either way
            (
                "研发经费投入增长".to_string(),
                Change::Dropped,
                Some(Verdict::Missed)
            ),
            // a five-year average says nothing of last year
            ("货物进出口总额增长".to_string(), Change::Dropped, None),
        ]
    );
}

#[test]
fn unclear_when_the_look_back_gives_nothing_to_compare() {
    let old = doc("2022年政府工作报告\n\
         二、2022年主要目标\n今年主要预期目标是：粮食产量保持在1.3万亿斤以上；\
         研发经费投入强度达到2.5%以上；新建公园20个。\n");
    let new = doc("2023年政府工作报告\n\
         一、2022年工作回顾\n过去一年，粮食产量增长1.3%，研发经费投入强度约2.5%，新建公园18个。\n");
    let c = compare::compare(&old, &new);
    let outcomes: Vec<(String, Option<Verdict>, String)> = c
        .rows
        .iter()
        .map(|r| {
            (
                r.measure.clone(),
                r.outcome.as_ref().map(|o| o.verdict),
                r.outcome
                    .as_ref()
                    .map(|o| o.result.text(&new).to_string())
                    .unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            // a rise in percent says nothing of the level in 斤
            (
                "粮食产量".to_string(),
                Some(Verdict::Unclear),
                "粮食产量增长1.3%".to_string()
            ),
            // 约2.5% could be under or over 2.5%
            (
                "研发经费投入强度".to_string(),
                Some(Verdict::Unclear),
                "研发经费投入强度约2.5%".to_string()
            ),
            (
                "公园".to_string(),
                Some(Verdict::Missed),
                "新建公园18个".to_string()
            ),
        ]
    );
    assert!(c.rows.iter().all(|r| r.change == Change::Dropped));
}

/// A city's two years, in the shape of a municipal work report: targets
/// missed, targets dropped but judged, bounds that change (`控制在…以下` →
/// `控制在…`) and one that only changes wording (`控制在5.5%以内` → `5.5%以内`).
#[test]
fn a_city_report_pair() {
    let old = doc("2023年某市政府工作报告\n\
         ——2023年1月10日在某市第十六届人民代表大会第二次会议上\n\
         一、2022年工作回顾\n\
         过去一年，全市地区生产总值增长3.5%，一般公共预算收入增长2%。\n\
         二、2023年主要目标\n\
         今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%；\
         规模以上工业增加值增长7%；城镇新增就业12万人以上；城镇调查失业率控制在5.5%以内；\
         居民人均可支配收入增长与经济增长基本同步；单位地区生产总值能耗下降3%；\
         PM2.5平均浓度控制在30微克/立方米以下；新建改造保障性租赁住房2万套；高新技术企业达到3000家。\n");
    let new = doc("2024年某市政府工作报告\n\
         ——2024年1月12日在某市第十六届人民代表大会第三次会议上\n\
         一、2023年工作回顾\n\
         过去一年，全市地区生产总值增长5.8%，一般公共预算收入增长8.1%，规模以上工业增加值增长6.2%，\
         城镇新增就业13.5万人，城镇调查失业率5.1%，单位地区生产总值能耗下降2.1%，\
         PM2.5平均浓度28微克/立方米，高新技术企业达到3200家，新建改造保障性租赁住房2.3万套。\n\
         二、2024年主要目标\n\
         今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；一般公共预算收入增长5%；\
         城镇新增就业12万人以上；城镇调查失业率5.5%以内；单位地区生产总值能耗下降2.5%；\
         PM2.5平均浓度控制在29微克/立方米；高新技术企业突破3500家；研发经费投入强度达到3%。\n");
    let c = compare::compare(&old, &new);
    assert_eq!(
        render(&c, &old, &new),
        [
            // 5.8 ≥ 6 × 0.95
            "changed | 地区生产总值增长 | % | 6%左右 → 5.5%左右 | met: 全市地区生产总值增长5.8%",
            "unchanged | 一般公共预算收入增长 | % | 5% → 5% | met: 一般公共预算收入增长8.1%",
            "dropped | 规模以上工业增加值增长 | % | 7% → - | missed: 规模以上工业增加值增长6.2%",
            "unchanged | 城镇新增就业 | 人 | 12万人以上 → 12万人以上 | met: 城镇新增就业13.5万人",
            "unchanged | 城镇调查失业率 | % | 5.5%以内 → 5.5%以内 | met: 城镇调查失业率5.1%",
            // a fall of 2.1% is short of a fall of 3%
            "changed | 单位地区生产总值能耗下降 | % | 3% → 2.5% | missed: 单位地区生产总值能耗下降2.1%",
            "changed | PM2.5平均浓度 | 微克/立方米 | 30微克/立方米以下 → 控制在29微克/立方米 \
             | met: PM2.5平均浓度28微克/立方米",
            "dropped | 改造保障性租赁住房 | 套 | 2万套 → - | met: 新建改造保障性租赁住房2.3万套",
            "changed | 高新技术企业 | 家 | 3000家 → 突破3500家 | met: 高新技术企业达到3200家",
            "new | 研发经费投入强度 | % | - → 3% | -",
        ]
    );
}
