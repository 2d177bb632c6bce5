//! `gangmu --compare` printing to a real terminal (a pseudo-terminal read
//! by a VT100 emulator): the hand-checked 2023 → 2024 rows, their columns
//! lined up in the terminal's own cells (a Han character takes two).

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const COLS: u16 = 160;
const ROWS: u16 = 30;

/// The screen after `gangmu args` has run to its end in a pseudo-terminal:
/// each row as (text, the cell column where each character starts).
fn run_in_pty(args: &[&str]) -> Vec<(String, Vec<u16>)> {
    let home = tempfile::tempdir().unwrap();
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gangmu"));
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_STATE_HOME", home.path());
    cmd.env("XDG_CONFIG_HOME", home.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
            let _ = tx.send(all.clone());
        }
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "gangmu did not end"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    assert!(status.success());
    // What was written, once the output has stopped growing.
    let mut bytes = Vec::new();
    while let Ok(b) = rx.recv_timeout(Duration::from_millis(300)) {
        bytes = b;
    }
    drop(pair.master);
    let mut parser = vt100::Parser::new(ROWS, COLS, 0);
    parser.process(&bytes);
    let screen = parser.screen();
    (0..ROWS)
        .map(|r| {
            let mut text = String::new();
            let mut starts = Vec::new();
            for c in 0..COLS {
                let cell = screen.cell(r, c).unwrap();
                if cell.is_wide_continuation() {
                    continue;
                }
                let s = cell.contents();
                let s = if s.is_empty() { " " } else { s };
                for _ in s.chars() {
                    starts.push(c);
                }
                text.push_str(s);
            }
            let kept = text.trim_end().chars().count();
            starts.truncate(kept);
            (text.trim_end().to_string(), starts)
        })
        .collect()
}

/// The cell column where `word` starts in a row.
fn column(row: &(String, Vec<u16>), word: &str) -> Option<u16> {
    let at = row.0.find(word)?;
    Some(row.1[row.0[..at].chars().count()])
}

#[test]
fn the_2023_2024_comparison_on_a_terminal() {
    let old = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/2023-government-work-report.txt"
    );
    let new = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/2024-government-work-report.txt"
    );
    let screen = run_in_pty(&["--compare", old, new]);
    let table: Vec<&(String, Vec<u16>)> = screen[3..19].iter().collect();
    let words = |r: &(String, Vec<u16>)| -> Vec<String> {
        r.0.split("  ")
            .map(str::trim)
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    // change, measure, old, new, outcome, result: hand-checked (see
    // tests/compare_reports.rs for the reading of both reports)
    let expected: [&[&str]; 16] = [
        &["change", "measure", "old", "new", "outcome", "result"],
        &[
            "unchanged",
            "国内生产总值增长",
            "5%左右",
            "5%左右",
            "met",
            "增长5.2%",
        ],
        &[
            "changed",
            "城镇新增就业",
            "1200万人左右",
            "1200万人以上",
            "met",
            "城镇新增就业1244万人",
        ],
        &[
            "unchanged",
            "城镇调查失业率",
            "5.5%左右",
            "5.5%左右",
            "met",
            "城镇调查失业率平均为5.2%",
        ],
        &[
            "unchanged",
            "居民消费价格涨幅",
            "3%左右",
            "3%左右",
            "met",
            "居民消费价格上涨0.2%",
        ],
        &[
            "unchanged",
            "粮食产量",
            "1.3万亿斤以上",
            "1.3万亿斤以上",
            "met",
            "粮食产量1.39万亿斤",
        ],
        &["new", "单位国内生产总值能耗降低", "2.5%左右"],
        &["unchanged", "赤字率", "3%", "3%"],
        &["new", "赤字规模", "4.06万亿元"],
        &["new", "一般公共预算支出规模", "28.5万亿元"],
        &["changed", "地方政府专项债券", "3.8万亿元", "3.9万亿元"],
        &["new", "超长期特别国债", "1万亿元"],
        &["new", "中央预算内投资", "7000亿元"],
        &["unchanged", "第二轮土地承包延长", "30年", "30年"],
        &["new", "居民医保人均财政补助标准提高", "30元"],
        &["new", "城乡居民基础养老金月最低标准提高", "20元"],
    ];
    for (row, want) in table.iter().zip(expected) {
        assert_eq!(words(row), want, "{}", row.0);
    }
    assert_eq!(screen[19].0, "");
    // Columns line up in the terminal's cells.
    let header = table[0];
    let at = |w: &str| column(header, w).unwrap();
    for row in &table[1..] {
        let cells = words(row);
        assert_eq!(column(row, &cells[1]), Some(at("measure")), "{}", row.0);
        if cells[0] == "new" {
            assert_eq!(column(row, &cells[2]), Some(at("new")), "{}", row.0);
        } else {
            assert_eq!(column(row, &cells[2]), Some(at("old")), "{}", row.0);
        }
        if cells.len() == 6 {
            assert_eq!(column(row, "met"), Some(at("outcome")), "{}", row.0);
            assert_eq!(column(row, &cells[5]), Some(at("result")), "{}", row.0);
        }
    }
}
