//! `gangmu --compare OLD NEW` through the binary: each format, the
//! reversed order, the same report twice, reports without targets, bad
//! arguments, and report text that tries to drive the terminal.

use std::process::Command;

use unicode_width::UnicodeWidthStr;

const Y2023: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/2023-government-work-report.txt"
);
const Y2024: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/2024-government-work-report.txt"
);

/// Exit status, stdout and stderr.
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
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn ok(args: &[&str]) -> String {
    let (code, out, err) = gangmu(args);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(err, "", "no warning expected");
    out
}

fn temp_report(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

#[test]
fn json_has_the_reports_and_one_row_per_measure() {
    let out = ok(&["--compare", Y2023, Y2024, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["new", "old", "rows"]);
    assert_eq!(v["old"]["source"], Y2023);
    assert_eq!(v["old"]["title"], "2023政府工作报告");
    assert_eq!(v["old"]["year"], 2023);
    assert_eq!(v["new"]["year"], 2024);
    let rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 15);
    let gdp = &rows[0];
    let mut row_keys: Vec<&str> = gdp
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    row_keys.sort_unstable();
    assert_eq!(
        row_keys,
        ["change", "measure", "new", "old", "outcome", "unit"]
    );
    assert_eq!(gdp["measure"], "国内生产总值增长");
    assert_eq!(gdp["unit"], "%");
    assert_eq!(gdp["change"], "unchanged");
    // the targets as --targets serialises them
    assert_eq!(gdp["old"]["kind"], "target");
    assert_eq!(gdp["old"]["text"], "国内生产总值增长5%左右");
    assert_eq!(gdp["old"]["year"], 2023);
    assert_eq!(gdp["new"]["year"], 2024);
    assert_eq!(gdp["outcome"]["verdict"], "met");
    assert_eq!(gdp["outcome"]["result"]["kind"], "result");
    assert_eq!(gdp["outcome"]["result"]["value"], 5.2);
    assert_eq!(gdp["outcome"]["result"]["subject"], "国内生产总值");
    // offsets point into each report's own text
    let new_text = std::fs::read_to_string(Y2024).unwrap();
    let r = &gdp["outcome"]["result"];
    let (s, e) = (
        r["start"].as_u64().unwrap() as usize,
        r["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&new_text[s..e], "增长5.2%");
    let new_only = &rows[5];
    assert_eq!(new_only["change"], "new");
    assert!(new_only["old"].is_null());
    assert!(new_only["outcome"].is_null());
    assert_eq!(new_only["new"]["subject"], "单位国内生产总值能耗");
    let changes: Vec<&str> = rows.iter().map(|r| r["change"].as_str().unwrap()).collect();
    assert_eq!(changes.iter().filter(|c| **c == "unchanged").count(), 6);
    assert_eq!(changes.iter().filter(|c| **c == "changed").count(), 2);
    assert_eq!(changes.iter().filter(|c| **c == "new").count(), 7);
    let met = rows
        .iter()
        .filter(|r| r["outcome"]["verdict"] == "met")
        .count();
    assert_eq!(met, 5);
}

#[test]
fn yaml_is_the_same_model() {
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["--compare", Y2023, Y2024, "--format", "json"])).unwrap();
    let yaml: serde_json::Value =
        serde_yaml::from_str(&ok(&["--compare", Y2023, Y2024, "--format", "yaml"])).unwrap();
    assert_eq!(json, yaml);
}

#[test]
fn the_text_table_lines_up() {
    let out = ok(&["--compare", Y2023, Y2024]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        format!("old  2023  2023政府工作报告  {Y2023}").as_str()
    );
    assert_eq!(
        lines[1],
        format!("new  2024  政府工作报告  {Y2024}").as_str()
    );
    assert_eq!(lines[2], "");
    let table = &lines[3..];
    assert_eq!(table.len(), 16);
    let col = |l: &str, word: &str| l.find(word).map(|i| l[..i].width());
    let measure_at = col(table[0], "measure").unwrap();
    let outcome_at = col(table[0], "outcome").unwrap();
    assert_eq!(col(table[1], "国内生产总值增长"), Some(measure_at));
    assert_eq!(col(table[1], "met"), Some(outcome_at));
    let result_at = col(table[0], "result").unwrap();
    assert_eq!(col(table[5], "met"), Some(outcome_at));
    assert_eq!(col(table[5], "粮食产量1.39万亿斤"), Some(result_at));
    assert!(table[10].starts_with("changed    地方政府专项债券"));
    assert!(table[10].contains("3.8万亿元"));
    assert!(table[10].ends_with("3.9万亿元"));
}

#[test]
fn csv_has_a_header_and_a_row_per_measure() {
    let out = ok(&["--compare", Y2023, Y2024, "--format", "csv"]);
    let lines: Vec<&str> = out.split("\r\n").collect();
    assert_eq!(
        lines[0],
        "change,measure,unit,old,new,outcome,result,old_text,new_text"
    );
    assert_eq!(lines.len(), 1 + 15 + 1, "{out}");
    assert_eq!(lines[16], "");
    assert_eq!(
        lines[5],
        "unchanged,粮食产量,斤,1.3万亿斤以上,1.3万亿斤以上,met,粮食产量1.39万亿斤,\
         粮食产量保持在1.3万亿斤以上,粮食产量1.3万亿斤以上"
    );
    assert_eq!(
        lines[6],
        "new,单位国内生产总值能耗降低,%,,2.5%左右,,,,单位国内生产总值能耗降低2.5%左右"
    );
}

#[test]
fn the_reversed_order_is_compared_in_time_order_and_said() {
    let forward = ok(&["--compare", Y2023, Y2024, "--format", "json"]);
    let (code, reversed, err) = gangmu(&["--compare", Y2024, Y2023, "--format", "json"]);
    assert_eq!(code, Some(0));
    assert_eq!(reversed, forward);
    assert_eq!(
        err,
        format!(
            "gangmu: {Y2023} (2023) is older than {Y2024} (2024): compared in time order, 2023 → 2024\n"
        )
    );
}

#[test]
fn the_same_report_twice() {
    let out = ok(&["--compare", Y2024, Y2024, "--format", "csv"]);
    let rows: Vec<&str> = out
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 15);
    assert!(rows.iter().all(|r| r.starts_with("unchanged,")), "{out}");
    // no outcome: a report's look-back is about the year before it
    for r in &rows {
        let fields: Vec<&str> = r.split(',').collect();
        assert_eq!(fields[5], "", "{r}");
    }
}

#[test]
fn reports_without_targets() {
    let dir = tempfile::tempdir().unwrap();
    let none = temp_report(&dir, "none.txt", "会议纪要\n大家讨论了工作。\n");
    let empty = temp_report(&dir, "empty.txt", "");
    let out = ok(&["--compare", &none, &empty]);
    assert_eq!(
        out,
        format!(
            "old  year unknown  会议纪要  {none}\nnew  year unknown    {empty}\n\n\
             change  measure  old  new  outcome  result\n"
        )
    );
    let json: serde_json::Value =
        serde_json::from_str(&ok(&["--compare", &none, &empty, "--format", "json"])).unwrap();
    assert_eq!(json["rows"], serde_json::json!([]));
    assert!(json["old"]["year"].is_null());
    let csv = ok(&["--compare", Y2023, &none, "--format", "csv"]);
    let rows: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), 8);
    assert!(rows.iter().all(|r| r.starts_with("dropped,")), "{csv}");
}

#[test]
fn bad_arguments_are_one_line_and_status_2() {
    let (code, out, err) = gangmu(&["--compare", Y2023]);
    assert_eq!(code, Some(2));
    assert_eq!(out, "");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (code, _, err) = gangmu(&["--compare", Y2023, Y2024, "--format", "md"]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "gangmu: --compare supports --format text, csv, json or yaml\n"
    );
    let (code, _, err) = gangmu(&["--compare", "-", "-"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("only one of OLD and NEW"), "{err}");
    let (code, _, err) = gangmu(&["--compare", Y2023, "/no/such/report.txt"]);
    assert_eq!(code, Some(2));
    assert!(err.starts_with("gangmu: /no/such/report.txt"), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let (code, _, _) = gangmu(&["--compare", Y2023, Y2024, "--targets"]);
    assert_eq!(code, Some(2));
    let (code, _, _) = gangmu(&["--compare", Y2023, Y2024, Y2023]);
    assert_eq!(code, Some(2));
}

#[test]
fn report_text_never_drives_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let old = temp_report(
        &dir,
        "old.txt",
        "2023年工作报告\n二、2023年主要目标\n今年主要预期目标是：\u{1b}[2J绿地面积达到100公顷。\n",
    );
    let new = temp_report(
        &dir,
        "new.txt",
        "2024年工作报告\n二、2024年主要目标\n今年主要预期目标是：\u{1b}[2J绿地面积达到120公顷。\n",
    );
    for format in ["text", "csv", "json", "yaml"] {
        let out = ok(&["--compare", &old, &new, "--format", format]);
        assert!(!out.contains('\u{1b}'), "{format}: {out}");
    }
    let text = ok(&["--compare", &old, &new]);
    assert!(text.contains("changed  ␛[2J绿地面积"), "{text}");
    assert!(text.contains("100公顷  120公顷"), "{text}");
}

#[test]
fn the_readme_shows_the_real_output() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let command =
        "$ gangmu --compare 2023-government-work-report.txt 2024-government-work-report.txt\n";
    let at = readme.find(command).expect("the example in the README") + command.len();
    let shown = readme[at..].split("```").next().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args([
            "--compare",
            "2023-government-work-report.txt",
            "2024-government-work-report.txt",
        ])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), shown);
}
