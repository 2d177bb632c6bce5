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
        if let Some(p) = doc.outline.parent(id) {
            assert!(kept.contains(&p));
        }
    }
}

fn gangmu(args: &[&str]) -> (i32, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn cli_text_and_exit_status() {
    let (code, out) = gangmu(&["--search", "dlhw"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 2);
    for line in out.lines() {
        assert!(
            line.contains("第一 强化大零号湾科技创新策源功能: "),
            "{line}"
        );
        assert!(line.contains("⟦大零号湾⟧"), "{line}");
        assert!(!line.contains('\x1b'), "no colour into a pipe");
    }
    let (code, out) = gangmu(&["--search", "火星基地"]);
    assert_eq!((code, out.as_str()), (1, ""));
}

#[test]
fn cli_json() {
    let (code, out) = gangmu(&["--search", "莘庄", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["query"], "莘庄");
    assert_eq!(v["total"], 2);
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    let doc = Document::bundled();
    for h in hits {
        let (s, e) = (
            h["start"].as_u64().unwrap() as usize,
            h["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&doc.text[s..e], "莘庄");
        assert_eq!(h["kind"], "literal");
        let id = doc
            .outline
            .find_dotted(h["node"].as_str().unwrap())
            .unwrap();
        let path: Vec<&str> = h["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        assert_eq!(path.last().copied(), Some(doc.node_title(id)));
        assert!(h["snippet"].as_str().unwrap().contains("莘庄"));
    }
    let (code, out) = gangmu(&["--search", "zzzzqqq", "--format", "json"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["total"], 0);
}

#[test]
fn cli_control_characters_are_visible() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.txt");
    std::fs::write(&p, "一、总则\n甲\u{1b}[2J大零号湾\u{7}乙\n").unwrap();
    let (code, out) = gangmu(&["--search", "dlhw", p.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.trim_end().chars().any(char::is_control), "{out:?}");
    assert!(out.contains("␛[2J⟦大零号湾⟧␇"), "{out}");
}

// ----- cost: every query is linear in the text and in itself --------------

fn doc_of(text: &str) -> Document {
    Document::from_bytes("t", text.as_bytes()).unwrap()
}

/// 啊 spells `a` five ways (its tones) and `a` again as an initial: a
/// matcher that backtracks tried 10^k paths per character for k letters
/// (ib-matcher's did; `aaaab` over 1,000 of them took 0.85 s). The set of
/// positions reached is one state per position.
#[test]
fn a_polyphone_run_is_linear_in_any_query() {
    let doc = doc_of(&format!("{}\n", "啊".repeat(30_000)));
    for k in [8, 30, 63] {
        let miss = format!("{}b", "a".repeat(k));
        assert!(search(&doc, &miss).is_empty(), "{k}");
    }
    let hits = search(&doc, &"a".repeat(40));
    assert_eq!(hits.len(), 30_000 / 40);
    assert!(hits.iter().all(|h| h.range.len() == 40 * 3));
}

/// Compiling a 16,000-letter pinyin query took 1.3 s (ib-matcher builds a
/// DFA for the letters themselves, quadratic in their number); past
/// `pinyin::MAX_LETTERS` a query is searched literally only.
#[test]
fn a_very_long_query_is_searched_literally_at_once() {
    let doc = Document::bundled();
    let long = "a".repeat(64_000);
    assert!(search(&doc, &long).is_empty());
    let max = "dlhw".repeat(gangmu::search::pinyin::MAX_LETTERS / 4);
    assert!(search(&doc, &max).is_empty());
    // The longest pinyin query still finds by pinyin.
    let text = "大零号湾".repeat(gangmu::search::pinyin::MAX_LETTERS / 4);
    let doc = doc_of(&format!("{text}\n"));
    let hits = search(&doc, &max);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].kind, HitKind::Pinyin);
    assert_eq!(&doc.text[hits[0].range.clone()], text);
}

/// Pasting 8,000 letters into `/` froze the reader for minutes (each key
/// recompiled the query): the prompt takes MAX_QUERY_CHARS and says so.
#[test]
fn the_prompt_refuses_a_query_past_its_longest() {
    use gangmu::search::MAX_QUERY_CHARS;
    use gangmu::tui::action::Action;
    let mut s = gangmu::tui::initial_state(Document::bundled(), 100, 30);
    s.apply(Action::SearchOpen);
    for _ in 0..8_000 {
        s.apply(Action::SearchInput('a'));
    }
    let typed = s
        .report()
        .search
        .prompt
        .as_ref()
        .map(|p| p.text.chars().count());
    assert_eq!(typed, Some(MAX_QUERY_CHARS));
    let notice = s.notices.search.unwrap_or_default();
    assert!(notice.contains(&MAX_QUERY_CHARS.to_string()), "{notice:?}");
    // Backspace makes room again and the notice goes.
    s.apply(Action::SearchBackspace);
    assert_eq!(s.notices.search, None);
    s.apply(Action::SearchInput('b'));
    let p = s.report().search.prompt.as_ref().unwrap();
    assert!(p.text.ends_with('b'));
}

/// A paragraph without `。；！？` is its own title, and every hit in it
/// showed its breadcrumb by building the whole label first: `，` in
/// 40,000 clauses copied 40,000 × 1.3 MB. A crumb reads 20 characters.
#[test]
fn text_output_reads_only_the_crumb_of_a_long_title() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("r.txt");
    std::fs::write(
        &p,
        format!("{}\n", "高新技术企业达到4000家，".repeat(40_000)),
    )
    .unwrap();
    let (code, out) = gangmu(&["--search", "，", p.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 40_000);
    let first = out.lines().next().unwrap();
    assert!(
        first.starts_with("高新技术企业达到4000家，高新技术企业…: "),
        "{first}"
    );
}
