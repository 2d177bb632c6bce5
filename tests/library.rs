//! The library: discovery (nesting, symlink loops, unreadable entries,
//! binary and non-report files), the metadata of every corpus report
//! (title, year, kind: written by reading the reports), the cache (round
//! trip, corruption of every kind rebuilt, concurrent writers), opening
//! and searching across reports.

use std::fs;
use std::path::{Path, PathBuf};

use gangmu::document::paragraphs::Starts;
use gangmu::document::{Document, Node, Outline, Paragraphs};
use gangmu::library::cache::{Cache, Listing, Lookup, Parsed, codec};
use gangmu::library::discover::{Severity, discover};
use gangmu::library::{Found, Library, Options, ReportKind, Sort, load};
use gangmu::persist::document_key;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The corpus reports the library's rules were written on: the fixtures
/// without the held-out ones (`tests/fixtures/HELDOUT.md`, whose titles,
/// years and kinds nobody has checked against the library's reading yet),
/// copied to a directory of their own once.
fn tuned() -> PathBuf {
    static DIR: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("library-tuned");
        let held_out = fs::read_to_string(fixtures().join("HELDOUT.md")).unwrap();
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        for e in fs::read_dir(fixtures()).unwrap() {
            let path = e.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_string();
            if name.ends_with(".txt") && !held_out.contains(&format!("| {name} |")) {
                fs::copy(&path, dir.join(&name)).unwrap();
            }
        }
        dir
    })
    .clone()
}

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/minhang-2024-07-24.txt")
}

fn options(cache: Option<&Path>) -> Options {
    Options {
        cache: cache.map(Cache::at),
        threads: 2,
    }
}

fn found(path: &Path) -> Found {
    Found {
        path: path.to_path_buf(),
        explicit: true,
    }
}

fn name(p: &str) -> &str {
    p.rsplit('/').next().unwrap()
}

// ------------------------------------------------------------ metadata

/// Title, year and kind of each corpus report, decided by reading it:
/// the title line (or lines) as views show it, the year it is delivered
/// in, the genre its title or subtitle names.
const CORPUS: [(&str, &str, Option<i32>, Option<ReportKind>); 8] = [
    (
        // 规划纲要, a draft for comment; its period (2010-2020年) opens in 2010.
        "2010-plan-outline-national-education-reform-draft.txt",
        "国家中长期教育改革和发展规划纲要",
        Some(2010),
        Some(ReportKind::Plan),
    ),
    (
        // `在…会议上的讲话`, dated （2010年2月22日）.
        "2010-speech-city-education-bureau-shaoxing.txt",
        "在全市教育系统年度工作会议上的讲话",
        Some(2010),
        Some(ReportKind::Speech),
    ),
    (
        "2018-rural-revitalization-opinions-crlf.txt",
        "中共中央 国务院关于实施乡村振兴战略的意见",
        Some(2018),
        Some(ReportKind::Opinions),
    ),
    (
        // A slogan title over two lines (letter-spaced as published); the
        // subtitle `——在市政府八届五次全体会议上的讲话` names the genre;
        // the year is the one its `新的一年` sentences name.
        "2019-speech-city-mayor-shaoxing.txt",
        "弘 扬“四气” 提 振 精 神 只 争 朝 夕 狠 抓 落 实",
        Some(2019),
        Some(ReportKind::Speech),
    ),
    (
        "2021-opinions-cpc-state-council-zhejiang-common-prosperity.txt",
        "中共中央 国务院关于支持浙江高质量发展建设共同富裕示范区的意见",
        Some(2021),
        Some(ReportKind::Opinions),
    ),
    (
        "2023-government-work-report.txt",
        "2023政府工作报告",
        Some(2023),
        Some(ReportKind::WorkReport),
    ),
    (
        // The title line runs on into `——2024年3月5日在…`: cut before it.
        "2024-government-work-report.txt",
        "政府工作报告",
        Some(2024),
        Some(ReportKind::WorkReport),
    ),
    (
        // The seed: a news write-up of the acting district head's answers
        // at the congress. Its text names no year (`7月24日`) and no genre:
        // the year comes from the file's name, the kind stays unknown.
        "minhang-2024-07-24.txt",
        "7月24日,闵行区第七届人民代表大会第七次会议召开",
        Some(2024),
        None,
    ),
];

#[test]
fn every_corpus_report_is_listed_with_its_title_year_and_kind() {
    let lib = Library::build(&[tuned(), seed()], &options(None));
    let got: Vec<(&str, &str, Option<i32>, Option<ReportKind>)> = lib
        .reports()
        .iter()
        .map(|r| (name(&r.source), r.title.as_str(), r.year, r.kind))
        .collect();
    assert_eq!(got, CORPUS);
    for r in lib.reports() {
        let doc = Document::open(&r.found.path).unwrap();
        let items = gangmu::targets::extract(&doc);
        let targets = items.iter().filter(|t| t.is_target()).count();
        assert_eq!(r.targets, Some(targets), "{}", r.source);
        assert_eq!(r.results, Some(items.len() - targets), "{}", r.source);
        assert_eq!(r.bytes, doc.text.len());
        assert_eq!(r.key, document_key(&doc.text));
    }
    // The fixtures' HELDOUT.md, README and TARGETS.md are English:
    // skipped, noted.
    let lib = Library::list(&[fixtures(), seed()], &options(None));
    let notes: Vec<String> = lib.notes().iter().map(|n| n.to_string()).collect();
    let held_out = fixtures().join("HELDOUT.md");
    let readme = fixtures().join("README.md");
    let targets_md = fixtures().join("expect/TARGETS.md");
    assert_eq!(
        notes,
        [
            format!(
                "{}: skipped: not a Chinese report (few Han characters)",
                held_out.display()
            ),
            format!(
                "{}: skipped: not a Chinese report (few Han characters)",
                readme.display()
            ),
            format!(
                "{}: skipped: not a Chinese report (few Han characters)",
                targets_md.display()
            ),
        ]
    );
}

#[test]
fn sorted_by_year_and_by_title() {
    let mut lib = Library::build(&[tuned(), seed()], &options(None));
    lib.sort(Sort::Year);
    let order: Vec<&str> = lib.reports().iter().map(|r| name(&r.source)).collect();
    assert_eq!(
        order,
        [
            // 2024: 政府 (zheng) before 7月 by pinyin? Digits come first.
            "minhang-2024-07-24.txt",
            "2024-government-work-report.txt",
            "2023-government-work-report.txt",
            "2021-opinions-cpc-state-council-zhejiang-common-prosperity.txt",
            "2019-speech-city-mayor-shaoxing.txt",
            "2018-rural-revitalization-opinions-crlf.txt",
            // 2010: 国家 (guo) before 在全市 (zai).
            "2010-plan-outline-national-education-reform-draft.txt",
            "2010-speech-city-education-bureau-shaoxing.txt",
        ]
    );
    lib.sort(Sort::Title);
    let titles: Vec<&str> = lib.reports().iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "2023政府工作报告",
            "7月24日,闵行区第七届人民代表大会第七次会议召开",
            "国家中长期教育改革和发展规划纲要",
            "弘 扬“四气” 提 振 精 神 只 争 朝 夕 狠 抓 落 实",
            "在全市教育系统年度工作会议上的讲话",
            "政府工作报告",
            "中共中央 国务院关于实施乡村振兴战略的意见",
            "中共中央 国务院关于支持浙江高质量发展建设共同富裕示范区的意见",
        ]
    );
    lib.sort(Sort::Found);
    assert!(lib.reports().windows(2).all(|w| w[0].id < w[1].id));
}

// ------------------------------------------------------------ discovery

/// A report of a few lines, distinct by `n`.
fn report(n: usize) -> String {
    format!("第{n}号工作报告\n一、总体要求\n今年新增绿地{n}0公顷。\n二、主要任务\n推进城市更新。\n")
}

#[cfg(unix)]
#[test]
fn discovery_walks_nested_directories_and_notes_what_it_skips() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("lib");
    let w = |p: &str, bytes: &[u8]| {
        let p = root.join(p);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    };
    w("a.txt", report(1).as_bytes());
    let two = report(2);
    let (gb, _, _) = encoding_rs::GB18030.encode(&two);
    w("b.md", &gb);
    w(
        "README.md",
        b"# Reports\nThese are the reports of the year.\n",
    );
    w("empty.txt", b"");
    w("bin.txt", b"\x00\x01binary\x00");
    w("notes.pdf", b"%PDF-1.4");
    w(".hidden/x.txt", report(3).as_bytes());
    w("sub/c.TXT", report(4).as_bytes());
    w("sub/deeper/d.txt", report(5).as_bytes());
    symlink("..", root.join("sub/loop")).unwrap();
    symlink("a.txt", root.join("link.txt")).unwrap();
    symlink("nowhere.txt", root.join("broken.txt")).unwrap();
    symlink("self.txt", root.join("self.txt")).unwrap();
    let fifo = std::ffi::CString::new(root.join("fifo.txt").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);

    let (files, notes) = discover(std::slice::from_ref(&root));
    let rel = |p: &Path| p.strip_prefix(&root).unwrap().display().to_string();
    let names: Vec<String> = files.iter().map(|f| rel(&f.path)).collect();
    assert_eq!(
        names,
        [
            "README.md",
            "a.txt",
            "b.md",
            "bin.txt",
            "empty.txt",
            "sub/c.TXT",
            "sub/deeper/d.txt"
        ]
    );
    assert!(files.iter().all(|f| !f.explicit));
    let said: Vec<(String, &str, Severity)> = notes
        .iter()
        .map(|n| (rel(Path::new(&n.source)), n.message.as_str(), n.severity))
        .collect();
    let loop_msg = "Too many levels of symbolic links (os error 40)";
    assert_eq!(
        said,
        [
            ("broken.txt".into(), "a broken symlink", Severity::Error),
            (
                "fifo.txt".into(),
                "skipped: not a regular file",
                Severity::Skipped
            ),
            (
                "link.txt".into(),
                "skipped: the same file as one already listed",
                Severity::Skipped
            ),
            ("self.txt".into(), loop_msg, Severity::Error),
            (
                "sub/loop".into(),
                "skipped: a symlink loop",
                Severity::Skipped
            ),
        ]
    );

    // Reading decides what is a report.
    let lib = Library::list(std::slice::from_ref(&root), &options(None));
    let listed: Vec<String> = lib.reports().iter().map(|r| rel(&r.found.path)).collect();
    assert_eq!(listed, ["a.txt", "b.md", "sub/c.TXT", "sub/deeper/d.txt"]);
    let titles: Vec<&str> = lib.reports().iter().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "第1号工作报告",
            "第2号工作报告",
            "第4号工作报告",
            "第5号工作报告"
        ]
    );
    assert!(
        lib.reports()
            .iter()
            .all(|r| r.kind == Some(ReportKind::WorkReport))
    );
    let skipped: Vec<(String, &str)> = lib
        .notes()
        .iter()
        .skip(notes.len())
        .map(|n| (rel(Path::new(&n.source)), n.message.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (
                "README.md".into(),
                "skipped: not a Chinese report (few Han characters)"
            ),
            ("bin.txt".into(), "skipped: a binary file, not a report"),
            ("empty.txt".into(), "skipped: empty"),
        ]
    );

    // Named on the command line, a file is read whatever it holds.
    let readme = root.join("README.md");
    let lib = Library::list(std::slice::from_ref(&readme), &options(None));
    assert_eq!(lib.len(), 1);
    assert_eq!(lib.reports()[0].title, "Reports");
}

#[cfg(unix)]
#[test]
fn an_unreadable_directory_is_an_error_and_the_walk_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    fs::create_dir_all(root.join("locked")).unwrap();
    fs::write(root.join("locked/x.txt"), report(1)).unwrap();
    fs::write(root.join("ok.txt"), report(2)).unwrap();
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o000)).unwrap();
    let readable = fs::read_dir(root.join("locked")).is_ok(); // root reads anyway
    let (files, notes) = discover(&[root.to_path_buf()]);
    fs::set_permissions(root.join("locked"), fs::Permissions::from_mode(0o700)).unwrap();
    if readable {
        assert_eq!(files.len(), 2);
        return;
    }
    assert_eq!(files.len(), 1);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].message, "permission denied");
    assert!(notes[0].is_error());
}

#[test]
fn a_missing_path_named_is_an_error_note() {
    let tmp = tempfile::tempdir().unwrap();
    let gone = tmp.path().join("gone.txt");
    let lib = Library::list(std::slice::from_ref(&gone), &options(None));
    assert!(lib.is_empty());
    assert_eq!(lib.notes().len(), 1);
    assert_eq!(
        lib.notes()[0].to_string(),
        format!("{}: no such file", gone.display())
    );
    assert!(lib.notes()[0].is_error());
}

// ------------------------------------------------------------ the cache

#[test]
fn listing_then_counting_then_listing_from_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let opts = options(Some(&tmp.path().join("cache")));
    let cold = Library::list(&[tuned()], &opts);
    assert_eq!(cold.len(), 7);
    assert!(cold.reports().iter().all(|r| r.targets.is_none()));
    assert_eq!(cold.pending().len(), 7);
    // Nothing is cached before the targets are counted.
    assert!(!tmp.path().join("cache").exists());
    let built = Library::build(&[tuned()], &opts);
    assert!(built.pending().is_empty());
    let warm = Library::list(&[tuned()], &opts);
    assert!(warm.pending().is_empty());
    assert_eq!(warm.reports(), built.reports());
    for (c, w) in cold.reports().iter().zip(warm.reports()) {
        assert_eq!(
            (&c.title, c.year, c.kind, c.bytes, &c.key),
            (&w.title, w.year, w.kind, w.bytes, &w.key)
        );
    }
    // The counts arrive from other threads while the list is usable.
    let mut lib = Library::list(&[tuned()], &options(None));
    let pending = lib.pending();
    let (tx, rx) = std::sync::mpsc::channel();
    let o = lib.options().clone();
    std::thread::spawn(move || {
        gangmu::library::count(&pending, &o, |c| tx.send(c).unwrap());
    });
    for c in rx {
        lib.apply(c);
    }
    assert_eq!(lib.reports(), built.reports());
}

fn corpus_paths() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    v.sort();
    v.push(seed());
    v
}

#[test]
fn an_entry_round_trips_every_corpus_report() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path());
    for p in corpus_paths() {
        let fresh = load::load(&found(&p), Some(&cache)).unwrap();
        assert!(!fresh.from_cache);
        let again = load::load(&found(&p), Some(&cache)).unwrap();
        assert!(again.from_cache, "{}", p.display());
        let parsed = Document::open(&p).unwrap();
        assert_eq!(again.doc.text, parsed.text);
        assert_eq!(again.doc.outline, parsed.outline, "{}", p.display());
        assert_eq!(again.doc.paragraph_table(), parsed.paragraph_table());
        assert_eq!(again.doc.title, parsed.title);
        assert_eq!(again.doc.source, parsed.source);
        assert_eq!(again.doc.decoding, parsed.decoding);
        assert_eq!(again.items, gangmu::targets::extract(&parsed));
        assert_eq!(again.meta, fresh.meta);
        assert_eq!(again.key, document_key(&parsed.text));
        let Lookup::Hit(listing) = cache.listing(&again.key) else {
            panic!("no listing for {}", p.display())
        };
        assert_eq!(listing.meta, fresh.meta);
        assert_eq!(listing.text_len, parsed.text.len());
    }
}

/// A small report, its cache and the bytes of its entry.
fn small_entry() -> (tempfile::TempDir, Cache, Found, String, Vec<u8>) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("r.txt");
    fs::write(&path, report(7)).unwrap();
    let cache = Cache::at(tmp.path().join("cache"));
    let l = load::load(&found(&path), Some(&cache)).unwrap();
    assert_eq!(l.items.len(), 1);
    let bytes = fs::read(cache.path(&l.key)).unwrap();
    (tmp, cache, found(&path), l.key, bytes)
}

/// Writes `bytes` as the entry; checks that it is not trusted, that
/// loading the report rebuilds it, and that the rebuilt entry is trusted.
fn assert_rebuilt(cache: &Cache, f: &Found, key: &str, bytes: &[u8], what: &str) -> String {
    let text = fs::read_to_string(&f.path).unwrap();
    fs::write(cache.path(key), bytes).unwrap();
    let why = match cache.entry(key, &text) {
        Lookup::Invalid(why) => why,
        other => panic!("{what}: trusted as {other:?}"),
    };
    let l = load::load(f, Some(cache)).unwrap();
    assert!(!l.from_cache, "{what}");
    assert_eq!(l.doc.outline, Document::open(&f.path).unwrap().outline);
    assert!(
        matches!(cache.entry(key, &text), Lookup::Hit(_)),
        "{what}: not rebuilt"
    );
    why
}

#[test]
fn an_entry_truncated_at_every_length_is_rebuilt() {
    let (_tmp, cache, f, key, full) = small_entry();
    assert!(full.len() > codec::PREFIX + 100, "{}", full.len());
    for len in 0..full.len() {
        let cut = &full[..len];
        fs::write(cache.path(&key), cut).unwrap();
        assert!(
            !matches!(cache.listing(&key), Lookup::Hit(_)),
            "listed from {len} bytes"
        );
        assert_rebuilt(&cache, &f, &key, cut, &format!("{len} bytes"));
    }
    // One byte too many is not trusted either.
    let mut long = full.clone();
    long.push(0);
    assert_rebuilt(&cache, &f, &key, &long, "a byte more");
}

#[test]
fn an_entry_with_any_byte_flipped_is_rebuilt() {
    let (_tmp, cache, f, key, full) = small_entry();
    let p = codec::prefix(&full).unwrap();
    for i in 0..full.len() {
        let mut b = full.clone();
        b[i] ^= 0x20;
        fs::write(cache.path(&key), &b).unwrap();
        // A flip in the prefix or the header spoils the listing too.
        if i < codec::PREFIX + p.header_len {
            assert!(!matches!(cache.listing(&key), Lookup::Hit(_)), "byte {i}");
        }
        assert_rebuilt(&cache, &f, &key, &b, &format!("byte {i}"));
    }
}

#[test]
fn wrong_versions_keys_and_lengths_are_rebuilt() {
    let (_tmp, cache, f, key, full) = small_entry();
    let mut v2 = full.clone();
    v2[8] = 1;
    assert!(assert_rebuilt(&cache, &f, &key, &v2, "version").contains("format version 1"));
    let mut build = full.clone();
    build[12] ^= 1;
    assert!(assert_rebuilt(&cache, &f, &key, &build, "build").contains("another build"));
    assert!(assert_rebuilt(&cache, &f, &key, b"", "empty").contains("truncated"));
    assert!(assert_rebuilt(&cache, &f, &key, b"GANGMUC\nxx", "short").contains("truncated"));
    assert!(
        assert_rebuilt(&cache, &f, &key, &[0xAB; 200], "garbage").contains("not a cache entry")
    );
    // Another text's entry under this text's name.
    let other = tempfile::tempdir().unwrap();
    let other_path = other.path().join("o.txt");
    fs::write(&other_path, report(8)).unwrap();
    let o = load::load(&found(&other_path), Some(&cache)).unwrap();
    let theirs = fs::read(cache.path(&o.key)).unwrap();
    assert!(assert_rebuilt(&cache, &f, &key, &theirs, "other key").contains("key"));
    // The same text edited (same length): another key, a miss.
    let text = fs::read_to_string(&f.path).unwrap().replace("绿地", "林地");
    assert_eq!(cache.entry(&document_key(&text), &text), Lookup::Miss);
    // An entry checked against a text of another length.
    fs::write(cache.path(&key), &full).unwrap();
    let mut longer = fs::read_to_string(&f.path).unwrap();
    longer.push('。');
    assert!(matches!(cache.entry(&key, &longer), Lookup::Invalid(w) if w.contains("length")));
}

/// Encodes `parsed` for the small report with valid checksums: only the
/// content checks can refuse it.
fn forged(
    parsed: &Parsed,
    listing: &Listing,
    text: &str,
) -> Result<(Listing, Parsed), codec::Invalid> {
    let bytes = codec::encode(listing, parsed.into()).unwrap();
    codec::decode(&bytes, listing.key, text)
}

/// An outline of `nodes` as they are, unchecked (to forge entries).
fn forge_outline(nodes: &[Node]) -> Outline {
    let mut o = Outline::restoring(nodes.len());
    for n in nodes {
        o.restore_node(
            n.kind,
            n.marker.clone(),
            n.title.clone(),
            n.span.clone(),
            n.parent,
        );
    }
    o
}

/// A paragraphs' table of `starts`, each raised to the one before (the
/// table stores them so).
fn forge_paragraphs(starts: impl Iterator<Item = usize>) -> Paragraphs {
    let mut table = Starts::with_capacity(0);
    let mut last = 0;
    for s in starts {
        last = s.max(last);
        table.push(last);
    }
    Paragraphs::from_starts(table, None)
}

#[test]
fn entries_whose_checksums_match_are_still_checked_against_the_text() {
    let (_tmp, cache, f, key, _) = small_entry();
    let text = fs::read_to_string(&f.path).unwrap();
    let Lookup::Hit((listing, parsed)) = cache.entry(&key, &text) else {
        panic!()
    };
    assert!(forged(&parsed, &listing, &text).is_ok());
    let n = parsed.outline.len();
    assert!(n >= 3, "{n}");
    let nodes: Vec<Node> = parsed.outline.iter().collect();
    let with_nodes = |change: &dyn Fn(&mut Vec<Node>)| {
        let mut p = parsed.clone();
        let mut nodes = nodes.clone();
        change(&mut nodes);
        p.outline = forge_outline(&nodes);
        p
    };
    let mut cases: Vec<(&str, Parsed, Listing)> = Vec::new();
    let mut p = parsed.clone();
    p.title = 0..text.len() + 3;
    cases.push(("outside the text", p, listing.clone()));
    let mut p = parsed.clone();
    p.title = 0..1; // inside 第
    cases.push(("outside the text", p, listing.clone()));
    let mut p = parsed.clone();
    let first = parsed.paragraphs.starts().next().unwrap();
    p.paragraphs = forge_paragraphs([first, first].into_iter().chain(parsed.paragraphs.starts()));
    cases.push(("paragraphs out of order", p, listing.clone()));
    let mut p = parsed.clone();
    p.paragraphs = forge_paragraphs([text.len()].into_iter());
    cases.push(("paragraphs out of order", p, listing.clone()));
    let p = with_nodes(&|n| n[1].parent = Some(2));
    cases.push(("before its parent", p, listing.clone()));
    let p = with_nodes(&|n| n[1].span.end = text.len());
    cases.push(("overlap", p, listing.clone()));
    let p = with_nodes(&|n| {
        n.pop();
    });
    cases.push(("belongs to no node", p, listing.clone()));
    let p = with_nodes(&|n| n[1].title = 0..3);
    cases.push(("outside its node", p, listing.clone()));
    let p = with_nodes(&|n| n.swap(1, 2));
    cases.push(("out of order", p, listing.clone()));
    let mut p = parsed.clone();
    p.items[0].node = n;
    cases.push(("in no node", p, listing.clone()));
    let mut p = parsed.clone();
    p.items[0].value = f64::NAN;
    cases.push(("not a number", p, listing.clone()));
    let mut p = parsed.clone();
    p.items[0].quantity = text.len()..text.len() + 1;
    cases.push(("outside the text", p, listing.clone()));
    let mut l = listing.clone();
    l.targets += 1;
    cases.push(("counts", parsed.clone(), l));
    for (why, p, l) in cases {
        let err = forged(&p, &l, &text).expect_err(why);
        assert!(err.0.contains(why), "{why}: {err}");
    }
}

#[test]
fn a_flat_report_of_many_paragraphs_round_trips() {
    // No structure: every paragraph a top-level node.
    let text: String = (0..20_000)
        .map(|i| format!("这是第{i}段文字，它讲的是一件完整的事情，也足够长。\n"))
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("flat.txt");
    fs::write(&path, &text).unwrap();
    let cache = Cache::at(tmp.path().join("cache"));
    let fresh = load::load(&found(&path), Some(&cache)).unwrap();
    assert!(fresh.doc.outline.roots().count() >= 20_000);
    let again = load::load(&found(&path), Some(&cache)).unwrap();
    assert!(again.from_cache);
    assert_eq!(again.doc.outline, fresh.doc.outline);
}

#[cfg(unix)]
#[test]
fn entries_are_regular_files_never_symlinks_and_capped() {
    let (tmp, cache, f, key, full) = small_entry();
    let text = fs::read_to_string(&f.path).unwrap();
    // A symlink to a valid entry is refused.
    let elsewhere = tmp.path().join("valid.bin");
    fs::write(&elsewhere, &full).unwrap();
    fs::remove_file(cache.path(&key)).unwrap();
    std::os::unix::fs::symlink(&elsewhere, cache.path(&key)).unwrap();
    assert!(
        matches!(cache.entry(&key, &text), Lookup::Invalid(w) if w.contains("not a regular file"))
    );
    assert!(matches!(cache.listing(&key), Lookup::Invalid(_)));
    let l = load::load(&f, Some(&cache)).unwrap();
    assert!(!l.from_cache);
    assert!(!cache.path(&key).is_symlink(), "the link is replaced");
    assert_eq!(fs::read(&elsewhere).unwrap(), full, "its target untouched");
    // A FIFO is refused at once (no writer: a blocking open would hang).
    fs::remove_file(cache.path(&key)).unwrap();
    let c = std::ffi::CString::new(cache.path(&key).to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    assert!(matches!(cache.entry(&key, &text), Lookup::Invalid(_)));
    assert!(matches!(cache.listing(&key), Lookup::Invalid(_)));
    fs::remove_file(cache.path(&key)).unwrap();
    // Over the cap (a sparse file): refused without being read.
    let big = fs::File::create(cache.path(&key)).unwrap();
    big.set_len(gangmu::library::cache::MAX_ENTRY_BYTES + 1)
        .unwrap();
    assert!(matches!(cache.entry(&key, &text), Lookup::Invalid(w) if w.contains("larger than")));
    assert!(matches!(cache.listing(&key), Lookup::Invalid(_)));
}

#[test]
fn concurrent_writers_and_readers_never_see_a_torn_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = Cache::at(tmp.path().join("cache"));
    let paths: Vec<PathBuf> = (0..3)
        .map(|i| {
            let p = tmp.path().join(format!("r{i}.txt"));
            fs::write(&p, report(i).repeat(40)).unwrap();
            p
        })
        .collect();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let keys: Vec<String> = texts.iter().map(|t| document_key(t)).collect();
    std::thread::scope(|s| {
        for w in 0..4 {
            let (cache, paths) = (&cache, &paths);
            s.spawn(move || {
                for i in 0..30 {
                    let p = &paths[(w + i) % paths.len()];
                    let doc = Document::open(p).unwrap();
                    let items = gangmu::targets::extract(&doc);
                    let meta = gangmu::library::Meta::read(&doc);
                    let key = document_key(&doc.text);
                    assert!(cache.store(&key, &doc, &items, &meta).unwrap());
                }
            });
        }
        for _ in 0..2 {
            let (cache, texts, keys) = (&cache, &texts, &keys);
            s.spawn(move || {
                for i in 0..200 {
                    let k = i % keys.len();
                    match cache.entry(&keys[k], &texts[k]) {
                        Lookup::Hit(_) | Lookup::Miss => {}
                        Lookup::Invalid(why) => panic!("torn: {why}"),
                    }
                    assert!(!matches!(cache.listing(&keys[k]), Lookup::Invalid(_)));
                }
            });
        }
    });
    for (k, t) in keys.iter().zip(&texts) {
        assert!(matches!(cache.entry(k, t), Lookup::Hit(_)));
    }
    // Only the entries: no temporary file left behind.
    assert_eq!(fs::read_dir(cache.dir()).unwrap().count(), 3);
}

#[test]
fn a_cache_that_cannot_be_written_is_not_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    // The cache "directory" is a file.
    let blocked = tmp.path().join("cache");
    fs::write(&blocked, "x").unwrap();
    let cache = Cache::at(&blocked);
    let l = load::load(
        &found(&fixtures().join("2024-government-work-report.txt")),
        Some(&cache),
    )
    .unwrap();
    assert!(!l.from_cache);
    assert_eq!(l.meta.kind, Some(ReportKind::WorkReport));
}

// ------------------------------------------------------------ opening, searching

#[test]
fn opening_a_report_from_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::build(&[tuned()], &options(Some(tmp.path())));
    lib.sort(Sort::Year);
    let opened = lib.open(0).unwrap();
    assert!(opened.from_cache);
    assert_eq!(opened.doc.display_report_title(), "政府工作报告");
    let parsed = Document::open(&fixtures().join("2024-government-work-report.txt")).unwrap();
    assert_eq!(opened.doc.outline, parsed.outline);
    assert_eq!(opened.items, gangmu::targets::extract(&parsed));
    assert!(lib.open(99).is_err());
}

#[test]
fn a_report_changed_or_removed_after_listing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("a.txt"), report(1)).unwrap();
    fs::write(dir.join("b.txt"), report(2)).unwrap();
    let mut lib = Library::build(
        std::slice::from_ref(&dir),
        &options(Some(&tmp.path().join("c"))),
    );
    fs::write(dir.join("a.txt"), report(3)).unwrap();
    let opened = lib.open(0).unwrap();
    assert!(!opened.from_cache);
    assert_eq!(
        lib.reports()[0].title,
        "第3号工作报告",
        "the row follows the file"
    );
    fs::remove_file(dir.join("b.txt")).unwrap();
    let err = lib.open(1).unwrap_err();
    assert!(
        err.is_error() && err.message.contains("no such file"),
        "{err}"
    );
    let results: Vec<_> = lib.search("工作报告", false).collect();
    assert_eq!(results.len(), 2);
    assert!(
        results[0]
            .as_ref()
            .is_ok_and(|h| h.doc.title() == "第3号工作报告")
    );
    assert!(results[1].as_ref().is_err_and(|n| n.is_error()));
}

#[test]
fn searching_across_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    let mut lib = Library::build(&[tuned(), seed()], &options(Some(tmp.path())));
    lib.sort(Sort::Year);
    for (query, pinyin) in [
        ("国内生产总值", true),
        ("zfgzbg", true),
        ("５%左右", true),
        ("大零号湾", false),
    ] {
        let got: Vec<(String, usize, usize)> = lib
            .search(query, pinyin)
            .map(|r| {
                let h = r.unwrap();
                (name(&h.source).to_string(), h.total, h.hits.len())
            })
            .collect();
        // Report by report, what searching each alone finds.
        let want: Vec<(String, usize, usize)> = lib
            .reports()
            .iter()
            .filter_map(|r| {
                let doc = Document::open(&r.found.path).unwrap();
                let n = gangmu::search::search_opts(&doc, query, pinyin).len();
                (n > 0).then(|| (name(&r.source).to_string(), n, n))
            })
            .collect();
        assert!(!want.is_empty(), "{query}");
        assert_eq!(got, want, "{query}");
    }
    // A limit keeps the first hits and counts the rest.
    let first = lib
        .search("发展", true)
        .keep(3, true)
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(first.hits.len(), 3);
    let all = gangmu::search::search_opts(&first.doc, "发展", true);
    assert_eq!(first.total, all.len());
    assert_eq!(first.hits, all[..3]);
    assert!(lib.search("这个词不在任何报告里", true).next().is_none());
    // A reader runs it on a thread and finds each report by its id.
    fn send<T: Send + 'static>(_: &T) {}
    let search = lib.search("发展", true);
    send(&search);
    let h = std::thread::spawn(move || search.take(2).collect::<Vec<_>>())
        .join()
        .unwrap();
    let (index, info) = lib.by_id(h[1].as_ref().unwrap().id).unwrap();
    assert_eq!(index, 1);
    assert_eq!(info.source, h[1].as_ref().unwrap().source);
}

#[test]
fn a_walk_stops_at_its_depth_limit() {
    let tmp = tempfile::tempdir().unwrap();
    let mut deep = tmp.path().to_path_buf();
    for i in 0..=gangmu::library::discover::MAX_DEPTH + 1 {
        deep.push(format!("d{i}"));
    }
    fs::create_dir_all(&deep).unwrap();
    fs::write(deep.join("deep.txt"), report(1)).unwrap();
    fs::write(tmp.path().join("d0/top.txt"), report(2)).unwrap();
    let (files, notes) = discover(&[tmp.path().to_path_buf()]);
    assert_eq!(files.len(), 1);
    assert!(files[0].path.ends_with("d0/top.txt"));
    assert_eq!(notes.len(), 1);
    assert_eq!(
        notes[0].message,
        "skipped: nested deeper than 64 directories"
    );
}

#[test]
fn reports_in_other_encodings_or_with_a_bom_are_listed_and_searched_from_the_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lib");
    fs::create_dir(&dir).unwrap();
    let text = report(6);
    let (gb, _, _) = encoding_rs::GB18030.encode(&text);
    fs::write(dir.join("gb.txt"), &gb).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(report(7).as_bytes());
    fs::write(dir.join("bom.txt"), &bom).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    for u in report(8).encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    fs::write(dir.join("utf16.txt"), &utf16).unwrap();
    let opts = options(Some(&tmp.path().join("cache")));
    let built = Library::build(std::slice::from_ref(&dir), &opts);
    let warm = Library::list(std::slice::from_ref(&dir), &opts);
    assert_eq!(warm.reports(), built.reports());
    assert!(warm.pending().is_empty());
    let titles: Vec<&str> = warm.reports().iter().map(|r| r.title.as_str()).collect();
    assert_eq!(titles, ["第7号工作报告", "第6号工作报告", "第8号工作报告"]);
    let keys: Vec<String> = [report(7), text, report(8)]
        .iter()
        .map(|t| document_key(t))
        .collect();
    let listed: Vec<&String> = warm.reports().iter().map(|r| &r.key).collect();
    assert_eq!(listed, keys.iter().collect::<Vec<_>>());
    // Search reads each through its own encoding.
    let found: Vec<(String, String)> = warm
        .search("城市更新", false)
        .map(|r| {
            let h = r.unwrap();
            (
                h.doc.title().to_string(),
                h.doc.text[h.hits[0].range.clone()].to_string(),
            )
        })
        .collect();
    assert_eq!(found.len(), 3);
    assert!(found.iter().all(|(_, hit)| hit == "城市更新"));
    let hits = warm.search("城市更新", false).next().unwrap().unwrap();
    assert!(hits.doc.decoding.bom);
    assert_eq!(
        hits.hits[0].node,
        hits.doc.outline.node_at(hits.hits[0].range.start)
    );
    assert!(hits.hits[0].node.is_some());
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
    /// Entries forged with valid checksums and random changes to their
    /// outline, paragraphs and targets: decoding never panics, and what
    /// it accepts keeps every invariant of an outline.
    #[test]
    fn forged_entries_are_refused_or_sound(
        changes in proptest::collection::vec((0usize..4, 0usize..1000, 0usize..8, 0u32..20_000), 1..4)
    ) {
        let text = std::str::from_utf8(gangmu::document::BUNDLED).unwrap();
        let doc = Document::from_bytes("seed", text.as_bytes()).unwrap();
        let items = gangmu::targets::extract(&doc);
        let mut p = Parsed {
            title: doc.title.clone(),
            paragraphs: doc.paragraph_table().clone(),
            outline: doc.outline.clone(),
            items,
        };
        let mut nodes: Vec<Node> = doc.outline.iter().collect();
        let mut starts: Vec<usize> = p.paragraphs.starts().collect();
        for (what, i, field, v) in changes {
            let v = v as usize;
            match what {
                0 => {
                    let n = &mut nodes[i % doc.outline.len()];
                    match field {
                        0 => n.span.start = v,
                        1 => n.span.end = v,
                        2 => n.title.end = v,
                        3 => n.parent = Some(v % (doc.outline.len() + 2)),
                        4 => n.parent = None,
                        5 => n.marker = Some(v..v + 3),
                        _ => n.title.start = v,
                    }
                }
                1 => {
                    // Starts only grow (the table stores them so): a
                    // start moved, at least to the one before it.
                    let k = i % starts.len();
                    let before = if k == 0 { 0 } else { starts[k - 1] };
                    starts[k] = if field % 2 == 0 { v.max(before) } else { before };
                }
                2 if !p.items.is_empty() => {
                    let k = i % p.items.len();
                    let t = &mut p.items[k];
                    match field {
                        0 => t.node = v,
                        1 => t.span = v..v,
                        2 => t.subject.end = v,
                        _ => t.verb = Some(v..v + 1),
                    }
                }
                _ => p.title = v..v + field,
            }
        }
        p.outline = forge_outline(&nodes);
        p.paragraphs = forge_paragraphs(starts.into_iter());
        let targets = p.items.iter().filter(|t| t.is_target()).count();
        let listing = Listing {
            key: u128::from_str_radix(&document_key(text), 16).unwrap(),
            text_len: text.len(),
            meta: gangmu::library::Meta::read(&doc),
            targets,
            results: p.items.len() - targets,
        };
        let bytes = codec::encode(&listing, (&p).into()).unwrap();
        if let Ok((_, back)) = codec::decode(&bytes, listing.key, text) {
            proptest::prop_assert!(gangmu::document::check::check(text, &back.outline).is_ok());
            for t in &back.items {
                proptest::prop_assert!(t.node < back.outline.len());
                proptest::prop_assert!(text.get(t.span.clone()).is_some());
            }
        }
    }
}

#[test]
fn a_search_told_to_stop_ends_at_once() {
    let lib = Library::build(&[tuned(), seed()], &options(None));
    let all = lib.search("发展", false).count();
    assert!(all >= 5, "{all}");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let mut s = lib
        .search("发展", false)
        .stop_when(move || flag.load(std::sync::atomic::Ordering::Relaxed));
    assert!(s.next().is_some_and(|r| r.is_ok()));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    assert!(s.next().is_none());
    assert!(s.next().is_none());
}
