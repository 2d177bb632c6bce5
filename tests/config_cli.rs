//! The config through the binary: a bad file is one line on stderr naming
//! file:line:col and what was expected, exit 2, before the terminal is
//! touched (these runs have no terminal at all).

use std::process::Command;

fn run(args: &[&str], config_home: &std::path::Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_STATE_HOME", config_home.join("state"))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn bad_configs_name_line_and_column_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, &str, &str)] = &[
        (
            "theme: dark\ncolour: red\n",
            ":2:1:",
            "unknown field `colour`",
        ),
        ("theme: sepia\n", ":1:8:", "unknown variant `sepia`"),
        (
            "panes:\n  tree_width: wide\n  sidebar_width: 30\n  sidebar: true\n",
            ":2:15:",
            "invalid type",
        ),
        (
            "keys:\n  down: [j, pgdn]\n",
            ":2:13:",
            "`pgdn` is not a key",
        ),
        ("keys:\n  jump: [x]\n", ":2:3:", "unknown action `jump`"),
        ("keys:\n  quit: [j]\n", ":2:3:", "key `j` is bound to both"),
        (
            "keys:\n  toggle_mouse: m\n",
            ":2:3:",
            "key `m` is bound to both",
        ),
    ];
    for (i, (yaml, loc, what)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("bad{i}.yaml"));
        std::fs::write(&path, yaml).unwrap();
        let (code, stdout, stderr) = run(&["--config", path.to_str().unwrap()], dir.path());
        assert_eq!(code, Some(2), "{yaml}: {stderr}");
        assert!(stdout.is_empty());
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let expected = format!("gangmu: {}{loc} ", path.display());
        assert!(
            stderr.starts_with(&expected),
            "{yaml}\n{stderr}\nwanted {expected}"
        );
        assert!(stderr.contains(what), "{stderr}");
        assert!(
            !stderr.contains('\x1b'),
            "the terminal was touched: {stderr:?}"
        );
    }
}

#[test]
fn the_config_home_file_is_read_when_present() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("gangmu")).unwrap();
    let path = dir.path().join("gangmu/config.yaml");
    std::fs::write(&path, "display:\n  first_line_indent: maybe\n").unwrap();
    let (code, _, stderr) = run(&[], dir.path());
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains(&format!("{}:2:", path.display())),
        "{stderr}"
    );
    // A good one passes on to the reader (which then wants a terminal).
    std::fs::write(&path, "theme: light\nkeys:\n  quit: [x, ctrl-c]\n").unwrap();
    let (code, _, stderr) = run(&[], dir.path());
    assert_eq!(code, Some(2));
    assert!(stderr.contains("not a terminal"), "{stderr}");
}

#[test]
fn print_config_lists_every_action_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (code, stdout, _) = run(&["--print-config"], dir.path());
    assert_eq!(code, Some(0));
    for name in gangmu::tui::action::Action::names() {
        assert!(stdout.contains(&format!("\n  {name}: ")), "{name}");
    }
    let path = dir.path().join("printed.yaml");
    std::fs::write(&path, &stdout).unwrap();
    let (_, _, stderr) = run(&["--config", path.to_str().unwrap()], dir.path());
    assert!(stderr.contains("not a terminal"), "{stderr}");
}

#[test]
fn scripted_views_check_and_use_the_config() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.yaml");
    std::fs::write(&bad, "foo: 1\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(["--config", bad.to_str().unwrap(), "--outline"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.yaml:1:1:"), "{err}");

    let missing = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
        .args(["--config", "/nonexistent/gangmu.yaml", "--targets"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&missing.stderr),
        "gangmu: /nonexistent/gangmu.yaml: no such file\n"
    );

    let nopy = dir.path().join("nopy.yaml");
    std::fs::write(&nopy, "search:\n  pinyin: false\n").unwrap();
    let run = |cfg: Option<&std::path::Path>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"));
        if let Some(cfg) = cfg {
            c.args(["--config", cfg.to_str().unwrap()]);
        }
        c.env("XDG_CONFIG_HOME", dir.path().join("none"));
        c.args(["--search", "dlhw"]).output().unwrap().status.code()
    };
    assert_eq!(run(None), Some(0));
    assert_eq!(run(Some(&nopy)), Some(1));
}

#[test]
fn bad_flags_and_empty_queries_are_one_line() {
    for args in [
        &["--bogus"][..],
        &["--search", ""],
        &["--format", "xml", "--outline"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_gangmu"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.starts_with("gangmu: "), "{err}");
    }
}

// ----- hostile config files: refused at once, in one short line -----------

fn refused_at_once(path: &std::path::Path, home: &std::path::Path, what: &str) {
    let start = std::time::Instant::now();
    let (code, stdout, stderr) = run(&["--config", path.to_str().unwrap(), "--outline"], home);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.chars().count() < 300, "{} chars", stderr.len());
    assert!(stderr.contains(what), "{stderr}");
    // Debug build, loaded machine: the old code took seconds in release.
    assert!(start.elapsed().as_secs() < 10);
}

#[test]
fn deep_nesting_is_refused_before_the_parser_sees_it() {
    let dir = tempfile::tempdir().unwrap();
    // libyaml is quadratic in the nesting: 11 s (release) to refuse this.
    for (i, yaml) in [
        "{a: ".repeat(40_000),
        format!("keys:\n  quit: {}", "[".repeat(40_000)),
    ]
    .iter()
    .enumerate()
    {
        let p = dir.path().join(format!("deep{i}.yaml"));
        std::fs::write(&p, yaml).unwrap();
        refused_at_once(&p, dir.path(), "nested deeper than 32 levels");
    }
}

#[test]
fn only_small_regular_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    // A 50 MB value made a 52 MB "one line" error.
    let big = dir.path().join("big.yaml");
    std::fs::write(&big, format!("theme: {}\n", "x".repeat(50_000_000))).unwrap();
    refused_at_once(&big, dir.path(), "big.yaml: larger than 1 MiB");
    // A value under the cap is quoted, but cut short.
    let long = dir.path().join("long.yaml");
    std::fs::write(&long, format!("theme: {}\n", "x".repeat(500_000))).unwrap();
    refused_at_once(&long, dir.path(), "unknown variant `xxx");
    // /dev/zero grew to gigabytes.
    refused_at_once(
        std::path::Path::new("/dev/zero"),
        dir.path(),
        "/dev/zero: not a regular file",
    );
    // A FIFO with no writer blocked forever.
    let fifo = dir.path().join("fifo.yaml");
    let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    refused_at_once(&fifo, dir.path(), "fifo.yaml: not a regular file");
    refused_at_once(dir.path(), dir.path(), "not a regular file");
}
