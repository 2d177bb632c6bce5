//! The proof on the bundled seed, through the library and the CLI.

use gangmu::document::Document;
use gangmu::search::{HitKind, NodeCounts, search};

fn section_of(doc: &Document, id: usize) -> String {
    let path = doc.outline.path(id);
    path.iter()
        .map(|&n| doc.node_label(n))
        .collect::<Vec<_>>()
        .join(" › ")
}

#[test]
fn seed_queries() {
    let doc = Document::bundled();
    for q in [
        "大零号湾",
        "dlhw",
        "dalinghaowan",
        "da ling hao wan",
        "DLHW",
        "dalinghaowa",
    ] {
        let hits = search(&doc, q);
        let where_: Vec<String> = hits
            .iter()
            .map(|h| section_of(&doc, h.node.unwrap()))
            .collect();
        assert_eq!(hits.len(), 2, "{q}: {where_:?}");
        for h in &hits {
            assert_eq!(&doc.text[h.range.clone()], "大零号湾");
            let path = doc.outline.path(h.node.unwrap());
            assert!(
                path.iter()
                    .any(|&n| doc.node_label(n) == "第一 强化大零号湾科技创新策源功能"),
                "{q}: {where_:?}"
            );
        }
        let kind = if q == "大零号湾" {
            HitKind::Literal
        } else {
            HitKind::Pinyin
        };
        assert!(hits.iter().all(|h| h.kind == kind));
    }
    assert_eq!(search(&doc, "莘庄").len(), 2);
    assert_eq!(search(&doc, "xinzhuang").len(), 2);
    assert!(search(&doc, "火星基地").is_empty());
    assert!(search(&doc, "zzzzqqq").is_empty());
}

#[test]
fn seed_polyphones_and_initials() {
    let doc = Document::bundled();
    let mhq = search(&doc, "mhq");
    assert!(!mhq.is_empty());
    assert!(
        mhq.iter().all(|h| &doc.text[h.range.clone()] == "闵行区"),
        "{:?}",
        mhq.iter()
            .map(|h| &doc.text[h.range.clone()])
            .collect::<Vec<_>>()
    );
    let lit = search(&doc, "闵行").len();
    assert_eq!(search(&doc, "minhang").len(), lit);
    assert_eq!(search(&doc, "minxing").len(), lit);
}

#[test]
fn seed_counts() {
    let doc = Document::bundled();
    let hits = search(&doc, "dlhw");
    let c = NodeCounts::new(&doc.outline, &hits);
    let kept: Vec<usize> = c.nodes_with_hits().collect();
    assert!(!kept.is_empty());
    for &id in &kept {
        if let Some(p) = doc.outline.nodes[id].parent {
            assert!(kept.contains(&p));
        }
    }
}
