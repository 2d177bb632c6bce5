//! `gangmu --targets` (and `--targets --all`) in each format, and the
//! `targets` list of `--outline --format json|yaml`.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

fn gangmu(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn json_is_a_list_of_target_objects() {
    let v: serde_json::Value =
        serde_json::from_str(&gangmu(&["--targets", "--format", "json"])).unwrap();
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 9);
    let t = &list[7];
    assert_eq!(t["subject"], "立体绿化");
    assert_eq!(t["verb"], "新建");
    assert_eq!(t["value"], 10000);
    assert!(t["value"].is_number());
    assert_eq!(t["unit"], "平方米");
    assert_eq!(t["qualifier"], serde_json::Value::Null);
    assert_eq!(t["deadline"], "全年");
    assert_eq!(t["kind"], "target");
    // The bundled report never says its year.
    assert_eq!(t["year"], serde_json::Value::Null);
    assert_eq!(t["text"], "1万平方米立体绿化");
    assert_eq!(t["node"], "5.3.2");
    let text = gangmu::document::Document::bundled().text;
    let (s, e) = (
        t["start"].as_u64().unwrap() as usize,
        t["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "1万平方米立体绿化");
    let keys: Vec<&str> = t.as_object().unwrap().keys().map(String::as_str).collect();
    let mut want = [
        "kind",
        "year",
        "subject",
        "verb",
        "value",
        "unit",
        "qualifier",
        "deadline",
        "text",
        "node",
        "start",
        "end",
    ];
    want.sort();
    let mut keys = keys;
    keys.sort();
    assert_eq!(keys, want);
}

#[test]
fn yaml_matches_json() {
    let json: serde_json::Value =
        serde_json::from_str(&gangmu(&["--targets", "--format", "json"])).unwrap();
    let yaml: serde_json::Value =
        serde_yaml::from_str(&gangmu(&["--targets", "--format", "yaml"])).unwrap();
    assert_eq!(json, yaml);
}

#[test]
fn csv_has_a_header_and_quotes_properly() {
    let csv = gangmu(&["--targets", "--format", "csv"]);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "node,kind,subject,verb,value,unit,qualifier,deadline,year,text,start,end"
    );
    assert_eq!(lines.len(), 1 + 9 + 1); // header, rows, final empty
    assert!(
        lines[1]
            .starts_with("2.2.1,target,高新技术企业,达到,4000,家,,年内,,高新技术企业达到4000家,")
    );
    // The 2024 report, results too: every row has twelve fields.
    let csv = gangmu(&[
        "--targets",
        "--all",
        "--format",
        "csv",
        "tests/fixtures/2024-government-work-report.txt",
    ]);
    let rows: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    for l in &rows {
        assert_eq!(l.split(',').count(), 12, "{l}");
    }
    assert!(rows.iter().any(|l| l.contains(",result,")));
    assert!(rows.iter().any(|l| l.contains(",target,")));
}

#[test]
fn text_columns_line_up_in_display_width() {
    let out = gangmu(&["--targets"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 10);
    let col = |l: &str, word: &str| l[..l.find(word).unwrap()].width();
    let header_value = col(lines[0], "value");
    assert_eq!(col(lines[1], "4000"), header_value);
    assert_eq!(col(lines[8], "10000"), header_value);
    let header_text = col(lines[0], "text");
    assert_eq!(col(lines[1], "高新技术企业达到"), header_text);
    assert_eq!(col(lines[9], "新增2处"), header_text);
    // Without --all there is no kind column: every row is a target.
    assert!(!lines[0].contains("kind"));
}

/// `--all` adds the results, marked as such, in document order with the
/// targets; JSON/YAML carry `kind` and `year`.
#[test]
fn all_adds_the_results_marked() {
    let report = "tests/fixtures/2024-government-work-report.txt";
    let targets: serde_json::Value =
        serde_json::from_str(&gangmu(&["--targets", "--format", "json", report])).unwrap();
    let all: serde_json::Value =
        serde_json::from_str(&gangmu(&["--targets", "--all", "--format", "json", report])).unwrap();
    let (targets, all) = (targets.as_array().unwrap(), all.as_array().unwrap());
    let kinds = |v: &[serde_json::Value], k: &str| v.iter().filter(|t| t["kind"] == k).count();
    assert_eq!(kinds(targets, "result"), 0);
    assert_eq!(kinds(all, "target"), targets.len());
    assert!(kinds(all, "result") >= 10, "{}", kinds(all, "result"));
    // The review of 2023 holds results; every item of 2024 says its year.
    let first = &all[0];
    assert_eq!(first["kind"], "result");
    assert_eq!(first["text"], "国内生产总值超过126万亿元");
    assert_eq!(first["year"], 2023);
    assert!(targets.iter().all(|t| t["year"] == 2024));
    let text = gangmu(&["--targets", "--all", report]);
    let header = text.lines().next().unwrap();
    assert!(header.starts_with("node  kind"), "{header}");
    assert!(text.lines().any(|l| l.contains("  result  ")));
    // --all needs --targets.
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(["--all"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn outline_json_and_yaml_carry_the_targets() {
    let v: serde_json::Value =
        serde_json::from_str(&gangmu(&["--outline", "--format", "json"])).unwrap();
    let t = v["targets"].as_array().unwrap();
    assert_eq!(t.len(), 9);
    assert_eq!(t[0]["text"], "高新技术企业达到4000家");
    let y: serde_json::Value =
        serde_yaml::from_str(&gangmu(&["--outline", "--format", "yaml"])).unwrap();
    assert_eq!(y["targets"], v["targets"]);
}
