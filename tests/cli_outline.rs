//! The `--outline` scripted view and load errors, through the real binary.

use std::io::Write;
use std::process::{Command, Stdio};

fn gangmu(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn seed_path() -> String {
    format!(
        "{}/assets/minhang-2024-07-24.txt",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn json_outline_of_the_seed() {
    let (code, out, err) = gangmu(&["--outline", "--format", "json", &seed_path()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let text = std::fs::read_to_string(seed_path()).unwrap();
    assert_eq!(v["bytes"], text.len());
    assert_eq!(v["source"], seed_path());
    let nodes = v["nodes"].as_array().unwrap();
    let kinds: Vec<&str> = nodes.iter().map(|n| n["kind"].as_str().unwrap()).collect();
    assert_eq!(
        kinds,
        ["preamble", "theme", "theme", "theme", "theme", "closing"]
    );
    let s = &nodes[2]["children"][0];
    assert_eq!(s["id"], "3.1");
    assert_eq!(s["marker"], "第一");
    assert_eq!(s["title"], "强化大零号湾科技创新策源功能");
    let (a, b) = (
        s["start"].as_u64().unwrap() as usize,
        s["end"].as_u64().unwrap() as usize,
    );
    assert!(text[a..b].starts_with("第一,强化大零号湾"));
    assert_eq!(s["children"][0]["id"], "3.1.1");
    assert_eq!(nodes[1]["marker"], serde_json::Value::Null);
}

#[test]
fn yaml_and_json_share_one_schema() {
    let (_, json, _) = gangmu(&["--outline", "--format", "json"]);
    let (code, yaml, _) = gangmu(&["--outline", "--format", "yaml"]);
    assert_eq!(code, 0);
    let j: serde_json::Value = serde_json::from_str(&json).unwrap();
    let y: serde_json::Value = serde_yaml::from_str(&yaml).unwrap();
    assert_eq!(j, y);
    assert_eq!(j["source"], "<bundled>");
}

#[test]
fn text_outline_and_stdin() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(["--outline", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(std::fs::read(seed_path()).unwrap().as_slice())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let (_, bundled, _) = gangmu(&["--outline"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), bundled);
    assert!(
        bundled.contains("\n  第一 强化大零号湾科技创新策源功能\n    一是 发挥高校创新引擎作用\n")
    );
}

fn assert_one_line_error(args: &[&str], needle: &str) {
    let (code, out, err) = gangmu(args);
    assert_eq!(code, 2, "{args:?}: {err}");
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("gangmu: ") && err.contains(needle), "{err}");
}

#[test]
fn bad_input_is_one_line_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert_one_line_error(
        &["--outline", d.join("missing.txt").to_str().unwrap()],
        "no such file",
    );
    // A directory is a library (tests/library_cli.rs); an empty one has
    // nothing to print.
    assert_one_line_error(&["--outline", d.to_str().unwrap()], "no report");
    let bin = d.join("a.bin");
    std::fs::write(&bin, b"\x7fELF\x02\x01\x00\x00binary").unwrap();
    assert_one_line_error(&["--outline", bin.to_str().unwrap()], "binary");
    let big = d.join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(257 * 1024 * 1024)
        .unwrap();
    assert_one_line_error(&["--outline", big.to_str().unwrap()], "too large");
    assert_one_line_error(&["--outline", "--format", "csv"], "--format");
}

#[test]
fn empty_file_is_an_empty_outline() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let (code, out, _) = gangmu(&["--outline", "--format", "json", empty.to_str().unwrap()]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["nodes"].as_array().unwrap().len(), 0);
    assert_eq!(v["bytes"], 0);
}

#[test]
fn replaced_bytes_are_reported_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("bad.txt");
    let mut bytes = "一、总体要求\n（一）指导思想。全面贯彻。"
        .as_bytes()
        .to_vec();
    bytes.insert(3, 0xFF);
    std::fs::write(&f, &bytes).unwrap();
    let (code, out, err) = gangmu(&["--outline", f.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(err.contains("replaced with U+FFFD"), "{err}");
    assert!(out.contains('\u{FFFD}'), "{out}");
}

#[test]
fn print_config_is_the_default_config() {
    let (code, out, _) = gangmu(&["--print-config"]);
    assert_eq!(code, 0);
    assert_eq!(out, gangmu::config::DEFAULT_YAML);
    let (code, _, err) = gangmu(&["--print-config", "--outline"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn completions_for_each_shell() {
    for (shell, needle) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef gangmu"),
        ("fish", "complete -c gangmu"),
    ] {
        let (code, out, err) = gangmu(&["--completions", shell]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains(needle), "{shell}");
        assert!(out.contains("outline"), "{shell}");
    }
}

#[test]
fn titles_shown_are_bounded_collapsed_and_without_bold() {
    let dir = tempfile::tempdir().unwrap();
    // A paragraph without 。；！？ is no 136 KB title in every node and path.
    let long = dir.path().join("long.txt");
    let para = "高新技术企业达到4000家，".repeat(4000);
    std::fs::write(&long, format!("一、总则\n{para}\n二、任务\n一是{para}\n")).unwrap();
    let (code, out, err) = gangmu(&["--outline", "--format", "json", long.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.len() < 4096, "{} bytes of JSON", out.len());
    let (code, out, err) = gangmu(&[
        "--search",
        "4000家",
        "--format",
        "json",
        long.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 8000);
    for h in hits {
        for t in h["path"].as_array().unwrap() {
            assert!(t.as_str().unwrap().chars().count() <= 81, "{t}");
        }
    }
    // Spaces collapsed and bold removed in text and JSON titles.
    let md = dir.path().join("md.txt");
    std::fs::write(
        &md,
        "**目  录**\n一、总体  要求\n一、**总体  要求**\n正文。\n",
    )
    .unwrap();
    let (_, out, _) = gangmu(&["--outline", md.to_str().unwrap()]);
    assert_eq!(out, "[contents] 目 录\n一、 总体 要求\n");
    let (_, out, _) = gangmu(&["--outline", "--format", "json", md.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["nodes"][1]["title"], "总体 要求");
}
