//! Expectation tests for target extraction: every target of the seed (read
//! by hand), the false friends of issue 4, the 2024 report's expected
//! targets, and an annotated set scored for precision and recall.

use gangmu::document::Document;
use gangmu::targets::{Item, extract};

const REPORT_2024: &[u8] = include_bytes!("fixtures/2024-government-work-report.txt");
const RURAL_2018: &[u8] = include_bytes!("fixtures/2018-rural-revitalization-opinions-crlf.txt");

fn doc(text: &str) -> Document {
    Document::from_bytes("<test>", text.as_bytes()).unwrap()
}

/// The targets of a document (results left out).
fn targets(d: &Document) -> Vec<Item> {
    extract(d).into_iter().filter(Item::is_target).collect()
}

/// `subject|verb|value|unit|qualifier|deadline|text|node` for a target.
fn row(d: &Document, t: &Item) -> String {
    format!(
        "{}|{}|{}|{}|{}|{}|{}|{}",
        t.subject(d),
        t.verb(d).unwrap_or(""),
        t.value,
        t.unit,
        t.qualifier(d).unwrap_or(""),
        t.deadline(d).unwrap_or(""),
        t.text(d),
        d.outline.dotted_id(t.node),
    )
}

fn rows(d: &Document) -> Vec<String> {
    targets(d).iter().map(|t| row(d, t)).collect()
}

/// The seed, read line by line. Its forward-looking quantified
/// commitments are these nine. Left out on purpose:
/// - `比重超过80%` (line 3): a description of today's economy, no commitment;
/// - `前湾10平方公里重点开发区域` (line 11): the size of an area whose layout
///   is to be optimised, not a quantity to reach;
/// - `24小时有序开放` (line 17): opening hours, not a quantity of parks;
/// - `安全生产治本攻坚三年行动` (line 18): the name of a campaign;
/// - dates, ordinals, `5530弄`, `3.0版`, `十五五` and the slogans.
///
/// Kept: `推进9个已认定城中村项目` (line 16, `推进` is a commitment verb and
/// the nine projects are a count to deliver), `落地1平方公里产业社区` (line
/// 11), and `新增2处单位附属绿地` (line 17, a sentence of its own after
/// `同时`, so it does not inherit `全年`).
#[test]
fn every_target_of_the_seed() {
    let d = Document::bundled();
    let expected = [
        "高新技术企业|达到|4000|家||年内|高新技术企业达到4000家|2.2.1",
        "专精特新“小巨人”企业|突破|125|家||年内|专精特新“小巨人”企业突破125家|2.2.1",
        "国家级制造业单项冠军企业|突破|5|家||年内|国家级制造业单项冠军企业突破5家|2.2.1",
        "产业社区|落地|1|平方公里|||落地1平方公里产业社区|4.1.3",
        "已认定城中村项目|推进|9|个|||推进9个已认定城中村项目|5.2.1",
        "绿地|新增|60|公顷||全年|新增60公顷绿地|5.3.2",
        "绿道|新建|7|公里||全年|新建7公里绿道|5.3.2",
        "立体绿化|新建|10000|平方米||全年|1万平方米立体绿化|5.3.2",
        "单位附属绿地|新增|2|处|||新增2处单位附属绿地|5.3.2",
    ];
    assert_eq!(rows(&d), expected);
}

#[test]
fn seed_targets_are_in_document_order_with_exact_spans() {
    let d = Document::bundled();
    let ts = targets(&d);
    for w in ts.windows(2) {
        assert!(w[0].span.start < w[1].span.start);
    }
    for t in &ts {
        assert!(t.sentence.start <= t.span.start && t.span.end <= t.sentence.end);
        assert!(t.span.start <= t.quantity.start && t.quantity.end <= t.span.end);
        assert!(d.outline.span(t.node).contains(&t.quantity.start));
    }
    // The shared verb of `新建7公里绿道、1万平方米立体绿化` is the one word.
    assert_eq!(ts[6].verb, ts[7].verb);
    assert_eq!(ts[7].quantity(&d), "1万平方米");
}

/// Every false friend of issue 4, each inside a sentence that otherwise
/// looks forward, so the filter — not the lack of a verb — must reject it.
#[test]
fn false_friends_are_not_targets() {
    let cases = [
        "7月24日,力争年内召开会议。",
        "确保2024年3月5日前完成。",
        "力争年内开好第七届人民代表大会第七次会议。",
        "力争第一,确保达到第一。",
        "年内推进吴泾镇龙吴路5530弄旧住房改造。",
        "力争年内提前做好3.0版虹桥国家政策承接。",
        "确保年内高水平做好“十五五”规划编制工作,推进十五五规划。",
        "力争完成“十四五”规划目标,推进十四五建设。",
        "为实现两个一百年奋斗目标,推进“两个一百年”建设。",
        "年内对重点企业实施“一企一策”,推进一企一策。",
        "一是新增绿地。二是新建绿道。",
        "力争发挥两大优势,重点抓好三方面工作。",
        "年内建立“一个产业、一个集聚区、一支专业队伍”的机制,新建一个集聚区。",
        "力争国产大飞机C919投入运营,推进5G建设。",
        "工业占地区生产总值的比重超过80%,稳住了全区经济。",
        "预计今年高校毕业生超过1170万人。",
        "推动更多城市公园24小时有序开放。",
        "以安全生产治本攻坚三年行动为主线。",
        "全年推进千家万户用上清洁能源。",
        // Durations only after a duration verb; a year stays a date.
        "确保2024年延长服务时间。",
        "力争延长至2030年。",
        // A forecast covers the clauses after it that name no subject.
        "预计今年经济增长,达到5%。",
    ];
    for text in cases {
        let d = doc(text);
        assert_eq!(rows(&d), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn chinese_numerals_and_multipliers_in_targets() {
    let d = doc(
        "力争到2027年全区生产总值达到五十四万亿元,新建一万二千套保障性住房,绿化覆盖率提高到百分之三十左右。",
    );
    assert_eq!(
        rows(&d),
        [
            "全区生产总值|达到|54000000000000|元||到2027年|全区生产总值达到五十四万亿元|1",
            "保障性住房|新建|12000|套||到2027年|新建一万二千套保障性住房|1",
            "绿化覆盖率|提高到|30|%|左右|到2027年|绿化覆盖率提高到百分之三十左右|1",
        ]
    );
}

#[test]
fn full_width_digits_separators_and_pre_qualifiers() {
    let d = doc("2035年前新增绿地１２公顷,力争年内引进人才近1,200人,新建约3.5公里绿道。");
    assert_eq!(
        rows(&d),
        [
            "绿地|新增|12|公顷||2035年前|新增绿地１２公顷|1",
            "人才|引进|1200|人|近|年内|引进人才近1,200人|1",
            "绿道|新建|3.5|公里|约|年内|新建约3.5公里绿道|1",
        ]
    );
}

/// Line 28 of the 2024 government work report: the year's main targets.
#[test]
fn main_targets_of_the_2024_report() {
    let d = Document::from_bytes("2024", REPORT_2024).unwrap();
    let line28 = d
        .paragraphs()
        .find(|p| d.text[p.content.clone()].starts_with("今年发展主要预期目标是"));
    let para = line28.expect("the paragraph is there").span.clone();
    let got: Vec<String> = targets(&d)
        .iter()
        .filter(|t| para.contains(&t.span.start))
        .map(|t| row(&d, t))
        .collect();
    assert_eq!(
        got,
        [
            "国内生产总值|增长|5|%|左右|今年|国内生产总值增长5%左右|3",
            "城镇新增就业|新增|12000000|人|以上|今年|城镇新增就业1200万人以上|3",
            "城镇调查失业率||5.5|%|左右|今年|城镇调查失业率5.5%左右|3",
            "居民消费价格涨幅||3|%|左右|今年|居民消费价格涨幅3%左右|3",
            "粮食产量||1300000000000|斤|以上|今年|粮食产量1.3万亿斤以上|3",
            "单位国内生产总值能耗|降低|2.5|%|左右|今年|单位国内生产总值能耗降低2.5%左右|3",
        ]
    );
}

/// Every target of the 2024 report, in order. Verbs: a metric named right
/// before its value has an implied copula and no verb (`城镇调查失业率`,
/// `粮食产量`, `赤字规模`, `一般公共预算支出规模`), unless its name holds
/// the one action verb (`城镇新增就业` → `新增`). `一般公共预算支出规模
/// 28.5万亿元` is the budget's planned spending: `预计` forecasts only the
/// revenue clause it opens. `发行1万亿元` takes the object `发行` had
/// earlier in the sentence (`超长期特别国债`). `再延长30年` is a duration.
/// Left out: the review section's achievements, `比上年增加…` (restating a
/// figure), `预计今年高校毕业生超过1170万人` (a forecast), `3.0版`, dates.
#[test]
fn every_target_of_the_2024_report() {
    let d = Document::from_bytes("2024", REPORT_2024).unwrap();
    assert_eq!(
        rows(&d),
        [
            "国内生产总值|增长|5|%|左右|今年|国内生产总值增长5%左右|3",
            "城镇新增就业|新增|12000000|人|以上|今年|城镇新增就业1200万人以上|3",
            "城镇调查失业率||5.5|%|左右|今年|城镇调查失业率5.5%左右|3",
            "居民消费价格涨幅||3|%|左右|今年|居民消费价格涨幅3%左右|3",
            "粮食产量||1300000000000|斤|以上|今年|粮食产量1.3万亿斤以上|3",
            "单位国内生产总值能耗|降低|2.5|%|左右|今年|单位国内生产总值能耗降低2.5%左右|3",
            "经济增长预期目标|为|5|%|左右||经济增长预期目标为5%左右|3",
            "赤字率|按|3|%|||赤字率拟按3%|3",
            "赤字规模||4060000000000|元|||赤字规模4.06万亿元|3",
            "一般公共预算支出规模||28500000000000|元||今年|一般公共预算支出规模28.5万亿元|3",
            "地方政府专项债券|安排|3900000000000|元|||安排地方政府专项债券3.9万亿元|3",
            "超长期特别国债|发行|1000000000000|元||今年|发行1万亿元|3",
            "中央预算内投资|安排|700000000000|元||今年|中央预算内投资拟安排7000亿元|4.3",
            "第二轮土地承包|延长|30|年|||第二轮土地承包到期后再延长30年|4.7",
            "居民医保人均财政补助标准|提高|30|元|||居民医保人均财政补助标准提高30元|4.10",
            "城乡居民基础养老金月最低标准|提高|20|元|||城乡居民基础养老金月最低标准提高20元|4.10",
        ]
    );
}

/// What a sentence leaves implicit, on small cases.
#[test]
fn implicit_verbs_objects_and_durations() {
    // `再延长近3个月` names no measure: under issue 10's rule (no empty
    // subject) it is no target.
    let d = doc("今年拟发行国债,先发行1万亿元。力争年内新增就业100万人,再延长近3个月。");
    assert_eq!(
        rows(&d),
        [
            "国债|发行|1000000000000|元||今年|发行1万亿元|1",
            "就业|新增|1000000|人||年内|新增就业100万人|1",
        ]
    );
    let d2 = doc("力争第二轮土地承包到期后再延长30年,研发投入增长5%、再延长近3个月。");
    assert_eq!(
        rows(&d2),
        [
            "第二轮土地承包|延长|30|年|||第二轮土地承包到期后再延长30年|1",
            "研发投入|增长|5|%|||研发投入增长5%|1",
        ]
    );
    // A borrowed subject lies outside the target's own words.
    let t = &targets(&d)[0];
    assert!(t.subject.end < t.span.start);
}

/// An annotated set: the seed, the 2024 report (its review part holds
/// achievements, none a commitment) and the 2018 rural-revitalisation
/// opinions (one quantified commitment: the land contracts' 30-year
/// extension, the same as the 2024 report's). Each gold target is the
/// quantity as written and a word of its subject, identifying it uniquely.
#[test]
fn precision_and_recall_on_the_annotated_set() {
    let seed_gold = [
        "4000家",
        "125家",
        "5家",
        "1平方公里",
        "9个",
        "60公顷",
        "7公里",
        "1万平方米",
        "2处",
    ];
    let gold_2024 = [
        "5%",         // 国内生产总值增长5%左右
        "1200万人",   // 城镇新增就业
        "5.5%",       // 城镇调查失业率
        "3%",         // 居民消费价格涨幅 (line 28) and 赤字率 (line 31)
        "1.3万亿斤",  // 粮食产量
        "2.5%",       // 能耗降低
        "4.06万亿元", // 赤字规模
        "28.5万亿元", // 一般公共预算支出规模
        "3.9万亿元",  // 地方政府专项债券
        "1万亿元",    // 超长期特别国债
        "7000亿元",   // 中央预算内投资
        "30元",       // 居民医保人均财政补助标准提高
        "20元",       // 基础养老金月最低标准提高
        "30年",       // 土地承包到期后再延长30年
    ];
    // Multiplicity: `5%` twice (GDP and 经济增长预期目标为5%左右), `3%` twice.
    let gold_2024: Vec<(&str, usize)> = gold_2024
        .iter()
        .map(|&g| (g, if g == "5%" || g == "3%" { 2 } else { 1 }))
        .collect();
    let mut tp = 0;
    let mut found = 0;
    let mut gold = 0;
    let mut score = |d: &Document, g: &[(&str, usize)]| {
        let got: Vec<String> = targets(d)
            .iter()
            .map(|t| t.quantity(d).to_string())
            .collect();
        found += got.len();
        for (q, n) in g {
            gold += n;
            tp += got.iter().filter(|x| x == q).count().min(*n);
        }
    };
    let seed: Vec<(&str, usize)> = seed_gold.iter().map(|&g| (g, 1)).collect();
    score(&Document::bundled(), &seed);
    score(
        &Document::from_bytes("2024", REPORT_2024).unwrap(),
        &gold_2024,
    );
    score(
        &Document::from_bytes("2018", RURAL_2018).unwrap(),
        &[("30年", 1)],
    );
    let precision = tp as f64 / found as f64;
    let recall = tp as f64 / gold as f64;
    eprintln!(
        "annotated set: {tp} of {found} found are gold, {tp} of {gold} gold found: precision {precision:.3}, recall {recall:.3}"
    );
    assert!(precision >= 0.95, "precision {precision}");
    assert!(recall >= 0.9, "recall {recall}");
}

/// The forms issue 10 found missed, one line each: levels to reach or hold
/// (`提高到`, `降至`, `控制在…以内`, `保持在`, `稳定在`, `不低于`, `不超过`,
/// `低于`, `≥`), `年均增长`, `目标定为`, `设定…的目标`, ranges (the value is
/// the upper bound), `从12.4年提高到13.5年` (the target is 13.5), bullets
/// under `主要预期目标`, `分别` lists (one target per subject), compound
/// units as written, and sentences opening with `确保`/`力争`/`争取`.
#[test]
fn the_forms_issue_10_found_missed() {
    let d = doc(concat!(
        "力争到2025年，全社会研发投入强度提高到3%，单位地区生产总值能耗降至0.4吨标准煤，PM2.5平均浓度降低到30微克/立方米。\n",
        "城镇调查失业率控制在5.5%以内，粮食产量保持在1.3万亿斤以上，居民消费价格涨幅稳定在3%左右。\n",
        "确保耕地保有量不低于18.65亿亩，新增建设用地不超过50万亩，城镇调查失业率低于5.5%。\n",
        "经济增长≥6.5%。\n",
        "力争地区生产总值年均增长7%以上。\n",
        "经济增长目标定为5%左右。\n",
        "设定地区生产总值增长6%的目标。\n",
        "今年地区生产总值增长5%—5.5%，一般公共预算收入增长5%-5.5%。\n",
        "新增劳动力平均受教育年限从12.4年提高到13.5年。\n",
        "今年主要预期目标是：\n",
        "——地区生产总值增长5.5%左右；\n",
        "——城镇新增就业8万人以上。\n",
        "争取港口集装箱吞吐量达到500万标箱。\n",
        "今年小学、初中、高中学生近视率分别控制在46.8%、67.51%、72.73%。\n",
        "今年氮氧化物、挥发性有机物排放量分别下降8%以上。\n",
        "今年每名教师培训不少于72学时，新建学校5所，招聘教师300名，建设保障性住房2000套（间）。\n",
    ));
    assert_eq!(
        rows(&d),
        [
            "全社会研发投入强度|提高到|3|%||到2025年|全社会研发投入强度提高到3%|1",
            "单位地区生产总值能耗|降至|0.4|吨标准煤||到2025年|单位地区生产总值能耗降至0.4吨标准煤|1",
            "PM2.5平均浓度|降低到|30|微克||到2025年|PM2.5平均浓度降低到30微克/立方米|1",
            "城镇调查失业率|控制在|5.5|%|以内||城镇调查失业率控制在5.5%以内|2",
            "粮食产量|保持在|1300000000000|斤|以上||粮食产量保持在1.3万亿斤以上|2",
            "居民消费价格涨幅|稳定在|3|%|左右||居民消费价格涨幅稳定在3%左右|2",
            "耕地保有量|不低于|1865000000|亩|||耕地保有量不低于18.65亿亩|3",
            "新增建设用地|不超过|500000|亩|||新增建设用地不超过50万亩|3",
            "城镇调查失业率|低于|5.5|%|||城镇调查失业率低于5.5%|3",
            "经济增长|≥|6.5|%|||经济增长≥6.5%|4",
            "地区生产总值|增长|7|%|以上||地区生产总值年均增长7%以上|5",
            "经济增长目标|定为|5|%|左右||经济增长目标定为5%左右|6",
            "地区生产总值|增长|6|%|||地区生产总值增长6%|7",
            "地区生产总值|增长|5.5|%||今年|地区生产总值增长5%—5.5%|8",
            "一般公共预算收入|增长|5.5|%||今年|一般公共预算收入增长5%-5.5%|8",
            "新增劳动力平均受教育年限|提高到|13.5|年|||新增劳动力平均受教育年限从12.4年提高到13.5年|9",
            "地区生产总值|增长|5.5|%|左右|今年|地区生产总值增长5.5%左右|10.1",
            "城镇新增就业|新增|80000|人|以上|今年|城镇新增就业8万人以上|10.2",
            "港口集装箱吞吐量|达到|5000000|标箱|||港口集装箱吞吐量达到500万标箱|11",
            "小学学生近视率|控制在|46.8|%||今年|小学、初中、高中学生近视率分别控制在46.8%|12",
            "初中学生近视率|控制在|67.51|%||今年|67.51%|12",
            "高中学生近视率|控制在|72.73|%||今年|72.73%|12",
            "氮氧化物排放量|下降|8|%|以上|今年|氮氧化物、挥发性有机物排放量分别下降8%以上|13",
            "挥发性有机物排放量|下降|8|%|以上|今年|8%以上|13",
            "每名教师培训|不少于|72|学时||今年|每名教师培训不少于72学时|14",
            "学校|新建|5|所||今年|新建学校5所|14",
            "教师|招聘|300|名||今年|招聘教师300名|14",
            "保障性住房|建设|2000|套||今年|建设保障性住房2000套（间）|14",
        ]
    );
    // The units as written, compound ones whole.
    let units: Vec<&str> = targets(&d)
        .iter()
        .map(|t| &d.text[t.quantity.clone()])
        .collect();
    assert!(units.contains(&"30微克/立方米") && units.contains(&"2000套（间）"));
}

/// Targets and results: a part that reviews (`…工作回顾`) holds results, a
/// sentence set in a past year too; `今年` is the report's year, read from
/// its date line; a heading about the report's year gives its year to the
/// sentences under it that name none.
#[test]
fn kinds_and_years() {
    let d = doc(concat!(
        "政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上\n",
        "一、2023年工作回顾\n",
        "国内生产总值超过126万亿元，增长5.2%。\n",
        "二、2024年政府工作任务\n",
        "今年发展主要预期目标是：国内生产总值增长5%左右。\n",
        "居民医保人均财政补助标准提高30元。\n",
        "2023年粮食产量1.39万亿斤，明年粮食产量达到1.4万亿斤以上。\n",
    ));
    let got: Vec<String> = extract(&d)
        .iter()
        .map(|t| format!("{}|{:?}|{:?}", t.text(&d), t.kind, t.year))
        .collect();
    assert_eq!(
        got,
        [
            "国内生产总值超过126万亿元|Result|Some(2023)",
            "增长5.2%|Result|Some(2023)",
            "国内生产总值增长5%左右|Target|Some(2024)",
            "居民医保人均财政补助标准提高30元|Target|Some(2024)",
            "粮食产量1.39万亿斤|Result|Some(2023)",
            "粮食产量达到1.4万亿斤以上|Target|Some(2025)",
        ]
    );
}

/// One per thing (`都有一所`, `每天…一小时`: `一` is a count, not the
/// article), doublings, rates after `按`, a goal named in quotes, and a
/// count of things to act on in a forward sentence (`年内对100家企业开展
/// 检查`: under issue 10's rules a target, no longer a false friend).
/// Thresholds and spans that pick whom a rule concerns are not targets.
#[test]
fn counts_doublings_rates_goals_and_thresholds() {
    let d = doc(concat!(
        "年内对100家企业开展检查。\n",
        "力争全市学校都有一所心理辅导室，保证学生每天锻炼一小时。\n",
        "到2020年，具有高等教育文化程度的人数比2009年翻一番。\n",
        "各地要按增值税的3%足额征收教育费附加。\n",
        "围绕综合经济实力早日重返全国“30强”目标，我们做了很多工作。\n",
        "要落实600人以上学校设立医务室，加强对后20%学生的跟踪，重视0-3岁婴幼儿教育。\n",
    ));
    let got: Vec<String> = extract(&d)
        .iter()
        .map(|t| {
            format!(
                "{:?}|{}|{}|{}|{}",
                t.kind,
                t.subject(&d),
                t.text(&d),
                t.value,
                t.unit
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            "Target|企业|100家企业|100|家",
            "Target|心理辅导室|都有一所心理辅导室|1|所",
            "Target|学生每天锻炼|学生每天锻炼一小时|1|小时",
            "Target|具有高等教育文化程度的人数|具有高等教育文化程度的人数比2009年翻一番|2|倍",
            "Target|教育费附加|3%足额征收教育费附加|3|%",
            "Target|综合经济实力早日重返全国|综合经济实力早日重返全国“30强”|30|强",
        ]
    );
}

/// Shapes of report beyond the corpus, written for this test: a plan's
/// execution report (`…执行情况` then `…计划草案`), a five-year plan
/// (`发展基础` then `主要目标`), a mid-year briefing (`上半年…同比`).
#[test]
fn reports_of_other_shapes() {
    let got = |text: &str| -> Vec<String> {
        let d = doc(text);
        extract(&d)
            .iter()
            .map(|t| format!("{:?}|{}|{}|{:?}", t.kind, t.subject(&d), t.text(&d), t.year))
            .collect()
    };
    assert_eq!(
        got(concat!(
            "关于2023年国民经济和社会发展计划执行情况与2024年国民经济和社会发展计划草案的报告\n",
            "一、2023年国民经济和社会发展计划执行情况\n",
            "国内生产总值增长5.2%，城镇新增就业1244万人。\n",
            "二、2024年国民经济和社会发展计划草案\n",
            "国内生产总值增长5%左右，城镇新增就业1200万人以上。\n",
        )),
        [
            "Result|国内生产总值|国内生产总值增长5.2%|Some(2023)",
            "Result|城镇新增就业|城镇新增就业1244万人|Some(2023)",
            "Target|国内生产总值|国内生产总值增长5%左右|Some(2024)",
            "Target|城镇新增就业|城镇新增就业1200万人以上|Some(2024)",
        ]
    );
    assert_eq!(
        got(concat!(
            "某市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n",
            "第一章 发展基础\n",
            "“十三五”时期，全市地区生产总值年均增长6.5%。\n",
            "第二章 主要目标\n",
            "到2025年，常住人口城镇化率提高到65%，森林覆盖率达到24.1%。\n",
        )),
        [
            "Result|全市地区生产总值|全市地区生产总值年均增长6.5%|Some(2020)",
            "Target|常住人口城镇化率|常住人口城镇化率提高到65%|Some(2025)",
            "Target|森林覆盖率|森林覆盖率达到24.1%|Some(2025)",
        ]
    );
    assert_eq!(
        got(
            "上半年，全区实现地区生产总值1200亿元，同比增长5.5%。我们将确保全年新开工项目100个。\n"
        ),
        [
            "Result|全区实现地区生产总值|全区实现地区生产总值1200亿元|None",
            "Result|全区实现地区生产总值|增长5.5%|None",
            "Target|项目|新开工项目100个|None",
        ]
    );
}

// Inputs that once took time quadratic in their length (issue 11), each
// with its exact answer. The first three are sized so that the old scanner
// would not finish in CI; the others, the issue's own shapes, at a size a
// debug build reads quickly. The `targets` bench measures the growth of
// each shape per doubling.

/// Half a million digits with no unit: the old scanner re-read the run
/// from every digit (3 s for 40,000 in a release build: over 5 minutes
/// for this), now it skips the run.
#[test]
fn a_run_of_digits_is_read_once() {
    let digits = format!("力争新增{}。", "9".repeat(500_000));
    assert_eq!(extract(&doc(&digits)).len(), 0);
}

/// The same for Chinese numerals.
#[test]
fn a_run_of_chinese_numerals_is_read_once() {
    let numerals = format!("力争新增{}。", "九".repeat(200_000));
    assert_eq!(extract(&doc(&numerals)).len(), 0);
}

/// A paragraph of 100,000 quoted quantities: each was checked against
/// every quote before it (5·10⁹ checks); now the scan jumps over quotes
/// (a quote counts only when it holds nothing but a quantity: `“30强”`).
#[test]
fn quotes_are_jumped_over() {
    let quoted = "力争新增“1家企业”，".repeat(100_000);
    assert_eq!(extract(&doc(&quoted)).len(), 0);
}

/// How many items text of `len` bytes made of nothing but quantities
/// keeps at least: 512, and one per 256 bytes past them (the budget of
/// `targets::extract`), less a margin for the pieces an overlong sentence
/// is read in.
fn thinned(len: usize) -> usize {
    (512 + len / 256) * 9 / 10
}

/// `力争新增1家“甲”，`×n (8× the text took 61× the time). Denser in
/// quantities than any report, the text is thinned, all along.
#[test]
fn a_paragraph_full_of_quotes_is_linear() {
    let n = 20_000;
    let d = doc(&"力争新增1家“甲”，".repeat(n));
    let ts = extract(&d);
    assert!(
        ts.len() >= thinned(d.text.len()) && ts.len() < n,
        "{}",
        ts.len()
    );
    assert!(ts.last().map_or(0, |t| t.span.end) > d.text.len() * 9 / 10);
    assert!(ts.iter().all(|t| t.quantity(&d) == "1家" && t.value == 1.0));
    assert!(ts.iter().all(|t| t.subject(&d) == "“甲”"));
}

/// One clause of list items (each reads back only to the one before),
/// unbalanced quotes, and `分别` with nothing to hand out.
#[test]
fn long_lists_are_linear() {
    let n = 20_000;
    // One sentence of 300 KB is read in pieces of 8 KiB: the items of its
    // first piece share the verb `新增`; past it they have none (bare
    // numbers, no item). What matters here is that it ends at all.
    let list = format!("力争新增{}。", "1家企业、".repeat(n));
    let len = extract(&doc(&list)).len();
    assert!((500..n).contains(&len), "{len}");
    let opens = format!("力争{}新增1家企业。", "“".repeat(n));
    assert_eq!(targets(&doc(&opens)).len(), 1);
    let each = format!("力争{}。", "甲乙分别新增1家、".repeat(n / 4));
    let len = extract(&doc(&each)).len();
    assert!(len >= thinned(each.len()) && len < n / 4, "{len}");
    // A sentence of many deadlines: each item finds its own by a search,
    // not a walk through all of them.
    let d = doc(&"年内新增1家企业，".repeat(n));
    let ts = targets(&d);
    assert!(
        ts.len() >= thinned(d.text.len()) && ts.len() < n,
        "{}",
        ts.len()
    );
    assert!(
        ts.iter().all(|t| t.deadline(&d) == Some("年内")
            && t.span.start - t.deadline.clone().unwrap().end == 0)
    );
}

/// A value that is not a finite number is no quantity (`新增` and 400
/// nines overflowed to `inf`: `"value": null` in JSON).
#[test]
fn overflowing_values_are_not_targets() {
    let d = doc(&format!("力争新增{}家。", "9".repeat(400)));
    assert!(extract(&d).is_empty());
    let d = doc(&format!("力争新增{}万亿家。", "9".repeat(300)));
    assert!(extract(&d).is_empty());
    assert!(
        extract(&Document::bundled())
            .iter()
            .all(|t| t.value.is_finite())
    );
}
