//! `--help`, the man page (`--man`, generated from the clap definition) and
//! the README's usage block cannot drift apart: each names every flag the
//! command line has, and nothing else. Also the Markdown and Org outputs
//! through the binary.

use std::collections::BTreeSet;
use std::process::Command;

fn gangmu(args: &[&str]) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .env("XDG_CONFIG_HOME", dir.path())
        .env("XDG_STATE_HOME", dir.path())
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The long flags (`--outline`) a text names.
fn flags(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let b = text.as_bytes();
    let mut i = 0;
    while let Some(at) = text[i..].find("--") {
        let start = i + at + 2;
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_lowercase() || **c == b'-')
            .count();
        let before_ok =
            i + at == 0 || !b[i + at - 1].is_ascii_alphanumeric() && b[i + at - 1] != b'-';
        if len > 1 && before_ok {
            out.insert(format!("--{}", &text[start..start + len]));
        }
        i = start + len.max(1);
    }
    out
}

/// The flags clap knows, from the definition itself.
fn defined() -> BTreeSet<String> {
    let cmd = <gangmu::cli::Args as clap::CommandFactory>::command();
    let mut out: BTreeSet<String> = cmd
        .get_arguments()
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}"))
        .collect();
    out.insert("--help".into());
    out.insert("--version".into());
    out
}

#[test]
fn help_man_page_and_readme_name_the_same_flags() {
    let want = defined();
    let (code, help, _) = gangmu(&["--help"]);
    assert_eq!(code, Some(0));
    // The man page escapes `-` as `\-` in roff, and sets flags in bold
    // (`\fB…\fR`).
    let (code, man, _) = gangmu(&["--man"]);
    assert_eq!(code, Some(0));
    let man = man
        .replace("\\-", "-")
        .replace("\\fB", " ")
        .replace("\\fR", " ")
        .replace("\\fI", " ");
    assert!(
        man.starts_with(".ie") || man.contains(".TH gangmu 1"),
        "{man}"
    );
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let usage = readme
        .split("## Usage")
        .nth(1)
        .and_then(|s| s.split("```").nth(1))
        .expect("a usage block in the README");
    for (what, text) in [
        ("--help", &help),
        ("the man page", &man),
        ("the README", &usage.to_string()),
    ] {
        let found = flags(text);
        let missing: Vec<_> = want.difference(&found).collect();
        let extra: Vec<_> = found.difference(&want).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{what}: missing {missing:?}, unknown {extra:?}"
        );
    }
    // Every format the command line takes is in the README's usage too.
    for f in ["text", "json", "yaml", "csv", "md", "org"] {
        assert!(usage.contains(f), "the README's usage lacks the format {f}");
        assert!(man.contains(f), "the man page lacks the format {f}");
    }
}

#[test]
fn outline_as_markdown_and_org_and_targets_as_a_markdown_table() {
    let (code, md, _) = gangmu(&["--outline", "--format", "md"]);
    assert_eq!(code, Some(0));
    assert!(md.starts_with("# "), "{md}");
    assert!(
        md.contains("\n### 第一 强化大零号湾科技创新策源功能\n"),
        "{md}"
    );
    let (code, org, _) = gangmu(&["--outline", "--format", "org"]);
    assert_eq!(code, Some(0));
    assert!(org.starts_with("#+TITLE: "), "{org}");
    assert!(
        org.contains("\n** 第一 强化大零号湾科技创新策源功能\n"),
        "{org}"
    );
    let (code, table, _) = gangmu(&["--targets", "--format", "md"]);
    assert_eq!(code, Some(0));
    assert!(table.starts_with("| kind | node | subject |"), "{table}");
    assert!(
        table.contains("| target | 2.2.1 | 高新技术企业 | 达到 | 4000 | 家 |"),
        "{table}"
    );
    // Formats a view has no use for are refused in one line, exit 2.
    let (code, out, err) = gangmu(&["--targets", "--format", "org"]);
    assert_eq!((code, out.as_str()), (Some(2), ""));
    assert!(err.contains("--targets supports"), "{err}");
}
