//! `gangmu --targets` in each format, and the `targets` list of
//! `--outline --format json|yaml`.

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
        "node,subject,verb,value,unit,qualifier,deadline,text,start,end"
    );
    assert_eq!(lines.len(), 1 + 9 + 1); // header, rows, final empty
    assert!(lines[1].starts_with("2.2.1,高新技术企业,达到,4000,家,,年内,高新技术企业达到4000家,"));
    // The 2024 report: every row has ten fields.
    let csv = gangmu(&[
        "--targets",
        "--format",
        "csv",
        "tests/fixtures/2024-government-work-report.txt",
    ]);
    for l in csv.split("\r\n").filter(|l| !l.is_empty()) {
        assert_eq!(l.split(',').count(), 10, "{l}");
    }
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
