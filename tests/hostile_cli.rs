//! The scripted views on a hostile report: no byte of the report reaches a
//! terminal in any output (text and CSV show the reader's stand-ins, JSON
//! and YAML escape), and every error is one short, safe line.

use std::process::Command;

/// ESC sequences (clear screen, alternate screen, colour), BEL, DEL, a C1
/// CSI (U+009B), NEL and a bidirectional override, inside a theme, a
/// target and search hits.
const HOSTILE: &str = "第一，重点\u{1b}[2J行业\u{1b}[?1049h稳定支撑\u{7}。\n\
力争年内高新技术企业\u{1b}[31m达到4000家\u{7f}。\n\
闵行\u{9b}2J区\u{85}大零号湾\u{202e}反转。\n";

fn gangmu(args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    (
        out.status.code(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Characters a terminal may act on (newline and, for CSV, CR aside).
fn unsafe_chars(s: &str, allow_cr: bool) -> Vec<char> {
    s.chars()
        .filter(|&c| gangmu::layout::safe::placeholder(c).is_some() && !(allow_cr && c == '\r'))
        .collect()
}

fn report() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("hostile.txt");
    std::fs::write(&p, HOSTILE).unwrap();
    let p = p.to_str().unwrap().to_string();
    (dir, p)
}

#[test]
fn text_and_csv_show_stand_ins() {
    let (_dir, p) = report();
    for (args, marks) in [
        (vec!["--outline"], &["重点␛[2J行业"][..]),
        (vec!["--targets"], &["企业␛[31m达到4000家"][..]),
        (
            vec!["--targets", "--format", "csv"],
            &["企业␛[31m达到4000家"][..],
        ),
        (vec!["--search", "行业"], &["␛[2J⟦行业⟧␛[?1049h"][..]),
        (vec!["--search", "dlhw"], &["␦2J区␦⟦大零号湾⟧␦反转"][..]),
    ] {
        let mut all = args.clone();
        all.push(&p);
        let (code, out, err) = gangmu(&all);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        let out = String::from_utf8(out).unwrap();
        let csv = args.contains(&"csv");
        assert_eq!(unsafe_chars(&out, csv), [], "{args:?}: {out}");
        for m in marks {
            assert!(out.contains(m), "{args:?}: {m} in {out}");
        }
    }
}

#[test]
fn json_and_yaml_escape_and_keep_the_text() {
    let (_dir, p) = report();
    for format in ["json", "yaml"] {
        for view in [
            &["--outline"][..],
            &["--targets"][..],
            &["--search", "dlhw"][..],
        ] {
            let mut args = view.to_vec();
            args.extend(["--format", format, &p]);
            let (code, out, err) = gangmu(&args);
            assert_eq!(code, Some(0), "{args:?}: {err}");
            let out = String::from_utf8(out).unwrap();
            // YAML leaves the bidirectional override as it is (printable
            // in YAML's terms, and no escape sequence).
            let left: Vec<char> = unsafe_chars(&out, false)
                .into_iter()
                .filter(|&c| !(format == "yaml" && c == '\u{202e}'))
                .collect();
            assert_eq!(left, [], "{args:?}: {out}");
            let v: serde_json::Value = if format == "json" {
                serde_json::from_str(&out).unwrap()
            } else {
                serde_yaml::from_str(&out).unwrap()
            };
            // The text itself is intact.
            let all = v.to_string();
            if view[0] == "--search" {
                // Snippets are for display: stand-ins, as in the text
                // output; the offsets give the exact text.
                let snippet = v["hits"][0]["snippet"].as_str().unwrap();
                assert!(snippet.contains("␦2J区␦大零号湾␦反转"), "{snippet:?}");
            } else {
                assert!(all.contains("\\u001b[") || all.contains("\\u001b"), "{all}");
            }
        }
    }
}

#[test]
fn errors_are_one_short_safe_line() {
    let dir = tempfile::tempdir().unwrap();
    // A missing file whose name clears the screen.
    let name = dir.path().join("no\u{1b}[2Jsuch.txt");
    let (code, out, err) = gangmu(&["--outline", name.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("no␛[2Jsuch.txt: no such file"), "{err:?}");
    // A name of 120 KB (as long as one argument can be).
    let long = format!("{}.txt", "长".repeat(40_000));
    let (code, _, err) = gangmu(&["--outline", &long]);
    assert_eq!(code, Some(2));
    assert_eq!(err.lines().count(), 1);
    assert!(err.chars().count() < 300, "{} chars", err.chars().count());
    assert!(err.trim_end().ends_with('…'), "{err}");
    // Replaced bytes are told with the (safe) name too.
    let bad = dir.path().join("bad\u{1b}]0;title\u{7}.txt");
    std::fs::write(&bad, b"\xff\xfe\xfd abc \xe9\n").unwrap();
    let (code, _, err) = gangmu(&["--outline", bad.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
}
