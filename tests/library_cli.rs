//! The scripted views over several reports and directories, through the
//! real binary: every format with exact expectations, the single-report
//! form kept for one file, errors in one report, exit statuses, `--list`,
//! the cache (`--no-cache`, concurrent processes).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

/// A library of two small reports and a file that is not one.
struct Lib {
    dir: tempfile::TempDir,
}

const A: &str = "第1号工作报告\n一、总体要求\n今年新增绿地10公顷。\n二、主要任务\n推进城市更新。\n";
const B: &str = "第2号工作报告\n一、总体要求\n今年新增绿地20公顷。\n";

impl Lib {
    fn new() -> Lib {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("lib/sub")).unwrap();
        std::fs::write(dir.path().join("lib/a.txt"), A).unwrap();
        std::fs::write(dir.path().join("lib/sub/b.md"), B).unwrap();
        std::fs::write(dir.path().join("lib/notes.txt"), "hello world\n").unwrap();
        Lib { dir }
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Runs gangmu in the library's directory (so paths are `lib/a.txt`),
    /// with its own cache, state and configuration directories.
    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
            .args(args)
            .current_dir(self.root())
            .env("XDG_CACHE_HOME", self.root().join("cache"))
            .env("XDG_STATE_HOME", self.root().join("state"))
            .env("XDG_CONFIG_HOME", self.root().join("config"))
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {err}");
        out
    }

    fn cache_entries(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.root().join("cache/gangmu")) {
            Ok(rd) => rd.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }
}

const SKIPPED: &str = "gangmu: lib/notes.txt: skipped: not a Chinese report (few Han characters)\n";

#[test]
fn text_names_the_report_on_every_line() {
    let lib = Lib::new();
    let (code, out, err) = lib.run(&["--outline", "lib"]);
    assert_eq!(code, 0);
    assert_eq!(err, SKIPPED);
    assert_eq!(
        out,
        "lib/a.txt: [preamble] 第1号工作报告\n\
         lib/a.txt: 一、 总体要求\n\
         lib/a.txt: 二、 主要任务\n\
         lib/sub/b.md: [preamble] 第2号工作报告\n\
         lib/sub/b.md: 一、 总体要求\n"
    );
    assert_eq!(
        lib.ok(&["--targets", "lib"]),
        "lib/a.txt: node  subject  verb  value  unit  qualifier  deadline  year  text\n\
         lib/a.txt: 2     绿地     新增  10     公顷             今年            新增绿地10公顷\n\
         lib/sub/b.md: node  subject  verb  value  unit  qualifier  deadline  year  text\n\
         lib/sub/b.md: 2     绿地     新增  20     公顷             今年            新增绿地20公顷\n"
    );
    assert_eq!(
        lib.ok(&["--search", "绿地", "lib"]),
        "lib/a.txt: 一、 总体要求: 今年新增⟦绿地⟧10公顷。\n\
         lib/sub/b.md: 一、 总体要求: 今年新增⟦绿地⟧20公顷。\n"
    );
    // Only the reports with a hit.
    assert_eq!(
        lib.ok(&["--search", "城市更新", "lib"]),
        "lib/a.txt: 二、 主要任务: 推进⟦城市更新⟧。\n"
    );
}

/// Each line of the single-report view of `file`, after `file: `.
fn prefixed(lib: &Lib, args: &[&str], file: &str) -> String {
    let mut a = args.to_vec();
    a.push(file);
    lib.ok(&a)
        .lines()
        .map(|l| format!("{file}: {l}\n"))
        .collect()
}

#[test]
fn text_is_the_single_report_views_prefixed_in_order() {
    let lib = Lib::new();
    let files = ["lib/sub/b.md", "lib/a.txt"];
    for args in [
        vec!["--outline"],
        vec!["--targets"],
        vec!["--targets", "--all"],
        vec!["--search", "总体"],
        vec!["--search", "gzbg"],
    ] {
        let mut all = args.clone();
        all.extend(files);
        let want: String = files.iter().map(|f| prefixed(&lib, &args, f)).collect();
        assert_eq!(lib.ok(&all), want, "{args:?}");
    }
}

/// The JSON of a view of one file (a search may find nothing: status 1).
fn single(lib: &Lib, args: &[&str], file: &str) -> Value {
    let mut a = args.to_vec();
    a.extend(["--format", "json", file]);
    let (code, out, err) = lib.run(&a);
    assert!(
        code == 0 || code == 1 && args[0] == "--search",
        "{a:?}: {err}"
    );
    serde_json::from_str(&out).unwrap()
}

#[test]
fn json_and_yaml_wrap_the_single_report_objects() {
    let lib = Lib::new();
    let files = ["lib/a.txt", "lib/sub/b.md"];
    let outline: Vec<Value> = files
        .iter()
        .map(|f| single(&lib, &["--outline"], f))
        .collect();
    let targets: Vec<Value> = files
        .iter()
        .map(|f| json!({"source": f, "targets": single(&lib, &["--targets", "--all"], f)}))
        .collect();
    let search = |q: &str| -> Vec<Value> {
        files
            .iter()
            .filter_map(|f| {
                let mut v = single(&lib, &["--search", q], f);
                (v["total"] != 0).then(|| {
                    let mut o = json!({"source": f});
                    o.as_object_mut()
                        .unwrap()
                        .append(v.as_object_mut().unwrap());
                    o
                })
            })
            .collect()
    };
    let cases: Vec<(Vec<&str>, Value)> = vec![
        (vec!["--outline"], json!({"reports": outline})),
        (vec!["--targets", "--all"], json!({"reports": targets})),
        (vec!["--search", "绿地"], json!({"reports": search("绿地")})),
        (
            vec!["--search", "城市更新"],
            json!({"reports": search("城市更新")}),
        ),
    ];
    for (args, want) in cases {
        for format in ["json", "yaml"] {
            let mut a = args.clone();
            a.extend(["--format", format, "lib"]);
            let out = lib.ok(&a);
            let got: Value = if format == "json" {
                serde_json::from_str(&out).unwrap()
            } else {
                serde_yaml::from_str(&out).unwrap()
            };
            assert_eq!(got, want, "{a:?}");
        }
    }
    // The search object keeps its keys in the single-report order, after
    // the source.
    let out = lib.ok(&["--search", "城市更新", "--format", "json", "lib"]);
    let keys: Vec<usize> = ["\"source\"", "\"query\"", "\"total\"", "\"hits\""]
        .iter()
        .map(|k| out.find(k).unwrap())
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "{out}");
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap()["reports"][0]["hits"][0]["snippet"],
        "推进城市更新。"
    );
    // One file keeps the single-report form exactly.
    let one = lib.ok(&["--outline", "--format", "json", "lib/a.txt"]);
    assert!(one.starts_with("{\n  \"source\": \"lib/a.txt\""), "{one}");
}

#[test]
fn csv_markdown_and_org() {
    let lib = Lib::new();
    assert_eq!(
        lib.ok(&["--targets", "--format", "csv", "lib"]),
        "source,node,kind,subject,verb,value,unit,qualifier,deadline,year,text,start,end\r\n\
         lib/a.txt,2,target,绿地,新增,10,公顷,,今年,,新增绿地10公顷,45,65\r\n\
         lib/sub/b.md,2,target,绿地,新增,20,公顷,,今年,,新增绿地20公顷,45,65\r\n"
    );
    assert_eq!(
        lib.ok(&["--targets", "--format", "md", "lib"]),
        "## 第1号工作报告\n\n\
         | kind | node | subject | verb | value | unit | qualifier | deadline | year | text |\n\
         |---|---|---|---|--:|---|---|---|--:|---|\n\
         | target | 2 | 绿地 | 新增 | 10 | 公顷 |  | 今年 |  | 新增绿地10公顷 |\n\
         \n\
         ## 第2号工作报告\n\n\
         | kind | node | subject | verb | value | unit | qualifier | deadline | year | text |\n\
         |---|---|---|---|--:|---|---|---|--:|---|\n\
         | target | 2 | 绿地 | 新增 | 20 | 公顷 |  | 今年 |  | 新增绿地20公顷 |\n"
    );
    assert_eq!(
        lib.ok(&["--outline", "--format", "md", "lib"]),
        "# 第1号工作报告\n\n## 第1号工作报告\n## 一、 总体要求\n## 二、 主要任务\n\n\
         # 第2号工作报告\n\n## 第2号工作报告\n## 一、 总体要求\n"
    );
    assert_eq!(
        lib.ok(&["--outline", "--format", "org", "lib"]),
        "* 第1号工作报告\n** 第1号工作报告\n** 一、 总体要求\n** 二、 主要任务\n\n\
         * 第2号工作报告\n** 第2号工作报告\n** 一、 总体要求\n"
    );
}

#[test]
fn the_list_in_every_format() {
    let lib = Lib::new();
    std::fs::write(
        lib.root().join("lib/2023-plan.txt"),
        "某某区发展规划\n（2021—2025年）\n一、总体要求\n到2025年，新增绿地100公顷。\n",
    )
    .unwrap();
    let (code, out, err) = lib.run(&["--list", "lib"]);
    assert_eq!((code, err.as_str()), (0, SKIPPED));
    assert_eq!(
        out,
        "year  kind         targets  bytes  title           source\n\
         2021  plan         1        100    某某区发展规划  lib/2023-plan.txt\n      \
               work-report  1        110    第1号工作报告   lib/a.txt\n      \
               work-report  1        69     第2号工作报告   lib/sub/b.md\n"
    );
    let by_title = lib.ok(&["--list", "--sort", "title", "--format", "csv", "lib"]);
    assert_eq!(
        by_title,
        "year,kind,targets,bytes,title,source\r\n\
         ,work-report,1,110,第1号工作报告,lib/a.txt\r\n\
         ,work-report,1,69,第2号工作报告,lib/sub/b.md\r\n\
         2021,plan,1,100,某某区发展规划,lib/2023-plan.txt\r\n"
    );
    let json: Value =
        serde_json::from_str(&lib.ok(&["--list", "--format", "json", "lib/a.txt"])).unwrap();
    assert_eq!(
        json,
        json!({"reports": [{"source": "lib/a.txt", "title": "第1号工作报告", "year": null,
            "kind": "work-report", "bytes": 110, "targets": 1, "results": 0}]})
    );
    let yaml: Value =
        serde_yaml::from_str(&lib.ok(&["--list", "--format", "yaml", "lib/a.txt"])).unwrap();
    assert_eq!(yaml, json);
    let (code, _, err) = lib.run(&["--list", "--format", "md", "lib"]);
    assert_eq!(code, 2);
    assert!(err.contains("--list supports"), "{err}");
    let (code, _, err) = lib.run(&["--list"]);
    assert_eq!(code, 2);
    assert!(err.contains("--list needs files or directories"), "{err}");
}

#[test]
fn an_error_in_one_report_is_one_line_and_the_others_are_printed() {
    let lib = Lib::new();
    std::fs::write(lib.root().join("bin.txt"), b"\x00binary\x00").unwrap();
    // Named on the command line: a missing file, a binary one.
    let (code, out, err) = lib.run(&["--outline", "lib/a.txt", "missing.txt", "bin.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        out,
        "lib/a.txt: [preamble] 第1号工作报告\nlib/a.txt: 一、 总体要求\nlib/a.txt: 二、 主要任务\n"
    );
    assert_eq!(
        err,
        "gangmu: missing.txt: no such file\n\
         gangmu: bin.txt: looks like a binary file (contains NUL bytes), not a text report\n"
    );
    // JSON stays valid, without the report that failed.
    let (code, out, _) = lib.run(&["--targets", "--format", "json", "missing.txt", "lib/a.txt"]);
    assert_eq!(code, 2);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["reports"].as_array().unwrap().len(), 1);
    assert_eq!(v["reports"][0]["source"], "lib/a.txt");
    // Search: 2 after an error even with hits; 1 with no hit anywhere.
    let (code, out, _) = lib.run(&["--search", "绿地", "lib", "missing.txt"]);
    assert_eq!(code, 2);
    assert_eq!(out.lines().count(), 2);
    let (code, out, err) = lib.run(&["--search", "没有这个词", "lib"]);
    assert_eq!((code, out.as_str(), err.as_str()), (1, "", SKIPPED));
    let (code, out, _) = lib.run(&["--search", "没有这个词", "--format", "json", "lib"]);
    assert_eq!(code, 1);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"reports": []})
    );
    // A directory without reports.
    std::fs::create_dir(lib.root().join("empty")).unwrap();
    let (code, out, err) = lib.run(&["--outline", "empty"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(err, "gangmu: no report (.txt or .md) found in empty\n");
    // A path with control characters cannot drive the terminal.
    std::fs::write(lib.root().join("e\u{1b}[2J.txt"), A).unwrap();
    let out = lib.ok(&["--outline", "e\u{1b}[2J.txt", "lib/a.txt"]);
    assert!(out.starts_with("e␛[2J.txt: [preamble]"), "{out}");
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn the_library_reader_needs_a_terminal() {
    // The reader opens a library (tests/library_pty.rs); without a
    // terminal, one line points to the scripted views.
    let lib = Lib::new();
    let (code, out, err) = lib.run(&["lib"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.starts_with("gangmu: standard output is not a terminal; use --list,"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn the_cache_is_used_bypassed_and_shared_by_concurrent_processes() {
    let lib = Lib::new();
    let first = lib.ok(&["--no-cache", "--targets", "--format", "json", "lib"]);
    assert!(lib.cache_entries().is_empty(), "--no-cache wrote");
    // One file alone does not use the cache either.
    lib.ok(&["--targets", "lib/a.txt"]);
    assert!(lib.cache_entries().is_empty());
    assert_eq!(lib.ok(&["--targets", "--format", "json", "lib"]), first);
    let entries = lib.cache_entries();
    assert_eq!(entries.len(), 2);
    assert!(
        entries
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "bin"))
    );
    // From the cache: the same output.
    assert_eq!(lib.ok(&["--targets", "--format", "json", "lib"]), first);
    // A corrupt entry is rebuilt, not trusted.
    std::fs::write(&entries[0], b"GANGMUC\ngarbage").unwrap();
    assert_eq!(lib.ok(&["--targets", "--format", "json", "lib"]), first);
    assert!(std::fs::read(&entries[0]).unwrap().len() > 64);
    // Many processes at once, on a larger library, from an empty cache.
    std::fs::remove_dir_all(lib.root().join("cache")).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let want = lib.ok(&[
        "--no-cache",
        "--outline",
        "--format",
        "json",
        corpus.to_str().unwrap(),
    ]);
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_gangmu"))
                .args(["--outline", "--format", "json", corpus.to_str().unwrap()])
                .env("XDG_CACHE_HOME", lib.root().join("cache"))
                .env("XDG_CONFIG_HOME", lib.root().join("config"))
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(out.status.success());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    }
    let reports = std::fs::read_dir(&corpus)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert!(reports >= 7, "{reports}");
    assert_eq!(
        lib.cache_entries().len(),
        reports,
        "one entry a report, no temporary file"
    );
    assert_eq!(
        lib.ok(&["--outline", "--format", "json", corpus.to_str().unwrap()]),
        want
    );
}
