//! The seed's whole outline, written by reading the report. Two readings
//! follow the corpus expectations: the preamble is titled with the lead's
//! first clause (the report has no title line), and the pair inside 第一
//! (`工业,一方面…另一方面…`, one topic of the section after its discussion)
//! is prose: a pair is a point only when it opens right after its parent's
//! title sentence.

mod common;

use gangmu::document::Document;

const EXPECTED: &str = "\
preamble | 7月24日,闵行区第七届人民代表大会第七次会议召开
theme | 锚定目标,切实巩固增强经济回升向好态势
  section 第一 | 重点行业稳定支撑
  section 第二 | 重点企业靠前发力
    point 一方面 | 强化企业梯度培育
    point 另一方面 | 提升为企服务水平
  section 第三 | 重点园区多做贡献
theme | 充分发挥“科创策源”和“高端制造”两大优势,坚定推进创新驱动、转型发展,以科技创新引领新质生产力发展,加快向产业链高端迈进
  section 第一 | 强化大零号湾科技创新策源功能
    point 一是 | 发挥高校创新引擎作用
    point 二是 | 强化园区科创承载功能
    point 三是 | 完善城区双创服务生态
  section 第二 | 以科技创新引领产业创新
    point 一是 | 做大做强三大主导产业
    point 二是 | 形成未来产业先发优势
    point 三是 | 加快传统产业转型升级
      point 一方面 | 支持企业深化数字化、智能化转型,提高产品和服务附加值,用先进模式赋能传统产业创新发展
      point 另一方面 | 围绕主导产业,健全服务配套,大力发展金融、物流、科技研发、信息技术等生产性服务业,助力制造业企业在生产运营、供应链管理等环节降本增效
  section 第三 | 畅通科技-产业-金融良性循环
    point 一是 | 打造高质量发展基金矩阵
    point 二是 | 推动普惠金融扩面增量降本
theme | 抢抓虹桥国际开放枢纽建设等重大机遇,以开放应变局、以改革开新局,为高质量发展拓展新空间、构筑新优势
  section 第一 | 强化虹桥国际中央商务区核心功能
    point 一是 | 加快打造总部经济集聚地
    point 二是 | 加快打造“走出去”服务高地
    point 三是 | 加快打造高品质国际化新城区
  section 第二 | 提升对内对外开放水平
    point 一是 | 稳步扩大制度型开放
    point 二是 | 高质量开展投资促进工作
    point 三是 | 培育壮大外贸新动能
  section 第三 | 着力激发经营主体活力
    point 一是 | 提升国资国企改革质效
    point 二是 | 推进民营经济高质量发展
    point 三是 | 深化农村集体经济改革
theme | 切实聚焦群众急难愁盼问题,采取更多惠民生暖民心举措,努力让人民生活更有品质、更加幸福
  section 第一 | 打好稳就业组合拳
  section 第二 | 改善群众居住条件
    point 一手抓 | 建设,推动“两旧一村”改造提速加力
    point 一手抓 | 管理,推动物业治理提质增效
  section 第三 | 深化公园城市建设
    point 一是 | 持续优化生态环境
    point 二是 | 打造高品质生态空间
  section 第四 | 守牢城市安全底线
    point 一是 | 强基础
    point 二是 | 补短板
    point 三是 | 消隐患
closing | 另外,要高水平做好“十五五”规划编制工作
";

#[test]
fn seed_outline_is_what_a_reader_sees() {
    let doc = Document::bundled();
    gangmu::document::check::check(&doc.text, &doc.outline).unwrap();
    assert_eq!(common::render(&doc), EXPECTED);
}

#[test]
fn seed_top_level_and_section_counts() {
    let doc = Document::bundled();
    let o = &doc.outline;
    let kinds: Vec<&str> = o.roots().map(|r| o.kind(r).as_str()).collect();
    assert_eq!(
        kinds,
        ["preamble", "theme", "theme", "theme", "theme", "closing"]
    );
    let sections: Vec<usize> = o.roots().collect::<Vec<_>>()[1..5]
        .iter()
        .map(|&r| o.children(Some(r)).count())
        .collect();
    assert_eq!(sections, [3, 3, 3, 4]);
}

#[test]
fn seed_spans_are_exact_bytes() {
    let doc = Document::bundled();
    let o = &doc.outline;
    // The whole document is covered, and every top-level node is whole lines.
    assert_eq!(o.span(o.roots().next().unwrap()).start, 0);
    assert_eq!(o.span(o.roots().last().unwrap()).end, doc.text.len());
    let section = o.find_dotted("4.1").unwrap();
    let text = &doc.text[o.span(section)];
    assert!(text.starts_with("第一,强化虹桥国际中央商务区核心功能。"));
    assert!(text.ends_with("城市配套基础设施。"), "{text}");
    assert!(!text.contains('\n'));
    let point = o.find_dotted("3.1.1").unwrap();
    let p = &doc.text[o.span(point)];
    assert!(p.starts_with("一是发挥高校创新引擎作用。"));
    assert!(!p.contains("二是"));
}

#[test]
fn seed_false_friends_are_not_markers() {
    let doc = Document::bundled();
    let rendered = common::render(&doc);
    for ff in [
        "安全第一",
        "一企一策",
        "一街镇一产业",
        "三区联动",
        "十五五",
        "第七届",
    ] {
        assert!(
            !rendered
                .lines()
                .any(|l| l.trim_start().split(" | ").next().unwrap().contains(ff)),
            "{ff} became a marker"
        );
    }
}

#[test]
fn a_blank_line_belongs_to_the_text_above_it() {
    let doc = Document::bundled();
    let o = &doc.outline;
    let s51 = o.find_dotted("5.1").unwrap();
    let end = o.span(s51).end;
    assert_eq!(&doc.text[end..end + 1], "\n");
    // node_at gives the parent of both; node_before the section above.
    assert_eq!(o.node_at(end), o.parent(s51));
    assert_eq!(doc.node_before(end), Some(s51));
    assert_eq!(doc.node_before(end + 1), o.find_dotted("5.2"));
    assert_eq!(
        doc.node_before(doc.text.len()),
        Some(o.roots().last().unwrap())
    );
    assert_eq!(doc.node_before(0), Some(o.roots().next().unwrap()));
}
