//! The reader's search, as state transitions: actions in, state out.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gangmu::document::{Decoding, Document};
use gangmu::tui::action::Action;
use gangmu::tui::event_loop::key_of;
use gangmu::tui::initial_state;
use gangmu::tui::state::{AppState, Focus, Mode};

fn state() -> AppState {
    initial_state(Document::bundled(), 120, 40)
}

fn type_query(s: &mut AppState, q: &str) {
    s.apply(Action::SearchOpen);
    assert_eq!(s.mode, Mode::Search);
    for c in q.chars() {
        s.apply(Action::SearchInput(c));
    }
    s.search_finish();
}

fn hit_text(s: &AppState) -> String {
    let h = s.search.current.as_ref().expect("a current hit");
    s.doc.text[h.range.clone()].to_string()
}

fn find(s: &AppState, label: &str) -> usize {
    (0..s.doc.outline.len())
        .find(|&i| s.doc.node_label(i) == label)
        .unwrap_or_else(|| panic!("no node {label}"))
}

const DLHW_SECTION: &str = "第一 强化大零号湾科技创新策源功能";

#[test]
fn typing_searches_every_keystroke_and_previews() {
    let mut s = state();
    s.apply(Action::SearchOpen);
    s.apply(Action::SearchInput('大'));
    s.search_finish();
    let one = s.search.len();
    assert!(one > 2);
    for c in "零号湾".chars() {
        s.apply(Action::SearchInput(c));
    }
    s.search_finish();
    assert_eq!(s.search.len(), 2);
    assert_eq!(s.search.prompt.as_ref().unwrap().text, "大零号湾");
    assert_eq!(hit_text(&s), "大零号湾");
    // The preview shows the hit at the top without unfolding the tree.
    let h = s.search.current.clone().unwrap();
    assert_eq!(s.top, s.pos_of(h.range.start));
    // Backspace edits, and the search follows.
    s.apply(Action::SearchBackspace);
    s.apply(Action::SearchBackspace);
    s.search_finish();
    assert_eq!(s.search.prompt.as_ref().unwrap().text, "大零");
    assert_eq!(s.search.query(), Some("大零"));
    assert!(s.search.len() >= 2);
    // The cursor moves by characters; typing inserts there.
    s.apply(Action::SearchLeft);
    s.apply(Action::SearchInput('x'));
    assert_eq!(s.search.prompt.as_ref().unwrap().text, "大x零");
    s.apply(Action::SearchRight);
    s.apply(Action::SearchRight);
    s.apply(Action::SearchInput('!'));
    assert_eq!(s.search.prompt.as_ref().unwrap().text, "大x零!");
    s.apply(Action::SearchClear);
    assert_eq!(s.search.prompt.as_ref().unwrap().text, "");
    assert_eq!(s.search.len(), 0);
}

#[test]
fn pinyin_and_initials_find_the_same_hits() {
    for q in ["dlhw", "dalinghaowan", "大零号湾"] {
        let mut s = state();
        type_query(&mut s, q);
        s.apply(Action::SearchAccept);
        assert_eq!(s.search.len(), 2, "{q}");
        assert_eq!(hit_text(&s), "大零号湾", "{q}");
        assert_eq!(s.search.position_label(), "1/2");
    }
}

#[test]
fn enter_keeps_hits_and_unfolds_to_the_first() {
    let mut s = state();
    type_query(&mut s, "大零号湾");
    s.apply(Action::SearchAccept);
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.search.prompt.is_none());
    let node = find(&s, DLHW_SECTION);
    let reading = s.reading.unwrap();
    assert!(s.doc.outline.path(reading).contains(&node));
    // Unfolded and selected: the node read is a row of the tree.
    assert_eq!(s.selected, Some(reading));
    assert!(s.visible.contains(&reading));
    // Counts bubble up to the theme, folded or not.
    let theme = s.doc.outline.root_of(node);
    assert_eq!(s.search.counts.total(theme), 2);
    assert_eq!(s.search.counts.total(node), 2);
}

#[test]
fn esc_cancels_and_returns_to_where_reading_was() {
    let mut s = state();
    s.apply(Action::FocusNext);
    for _ in 0..5 {
        s.apply(Action::Down);
    }
    let (top, reading, selected, tree_scroll) = (s.top, s.reading, s.selected, s.tree_scroll);
    let expanded = s.expanded.clone();
    type_query(&mut s, "莘庄");
    assert_ne!(s.top, top, "the preview moved the text");
    s.apply(Action::SearchCancel);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(
        (s.top, s.reading, s.selected, s.tree_scroll),
        (top, reading, selected, tree_scroll)
    );
    assert_eq!(s.expanded, expanded);
    assert_eq!(s.search.query(), None);
    assert_eq!(s.search.len(), 0);
}

#[test]
fn esc_keeps_the_previous_search() {
    let mut s = state();
    type_query(&mut s, "莘庄");
    s.apply(Action::SearchAccept);
    let cur = s.search.current.clone();
    type_query(&mut s, "大零");
    s.apply(Action::SearchCancel);
    s.search_finish();
    assert_eq!(s.search.query(), Some("莘庄"));
    assert_eq!(s.search.current, cur);
    assert_eq!(s.search.len(), 2);
}

#[test]
fn n_and_shift_n_step_through_hits_and_wrap() {
    let mut s = state();
    type_query(&mut s, "莘庄");
    s.apply(Action::SearchAccept);
    assert_eq!(s.search.position_label(), "1/2");
    let first = s.search.current.clone().unwrap();
    s.apply(Action::SearchNext);
    assert_eq!(s.search.position_label(), "2/2");
    assert!(s.search.notice.is_none());
    let second = s.search.current.clone().unwrap();
    assert!(second.range.start > first.range.start);
    assert_eq!(s.top, s.pos_of(second.range.start));
    s.apply(Action::SearchNext);
    assert_eq!(s.search.position_label(), "1/2");
    assert!(s.search.notice.unwrap().contains("BOTTOM"));
    s.apply(Action::SearchPrev);
    assert_eq!(s.search.position_label(), "2/2");
    assert!(s.search.notice.unwrap().contains("TOP"));
    s.apply(Action::SearchPrev);
    assert_eq!(s.search.current.as_ref(), Some(&first));
    // Any other key clears the notice.
    s.apply(Action::Down);
    assert!(s.search.notice.is_none());
}

#[test]
fn n_counts_from_the_reading_position() {
    let mut s = state();
    type_query(&mut s, "闵行");
    s.apply(Action::SearchAccept);
    let total = s.search.len();
    assert!(total > 3);
    // Scroll far past the first hit: n goes to the first hit below.
    s.focus = Focus::Detail;
    s.apply(Action::Bottom);
    s.apply(Action::PageUp);
    let from = s.offset_of(s.top);
    s.apply(Action::SearchNext);
    let h = s.search.current.clone().unwrap();
    assert!(h.range.start >= from || s.search.notice.is_some());
}

#[test]
fn n_without_a_search_says_so() {
    let mut s = state();
    let top = s.top;
    s.apply(Action::SearchNext);
    assert_eq!(s.top, top);
    assert!(s.search.notice.is_some());
}

#[test]
fn filter_narrows_the_tree_and_restores_it() {
    let mut s = state();
    let visible = s.visible.clone();
    type_query(&mut s, "大零号湾");
    s.apply(Action::SearchAccept);
    let expanded = s.expanded.clone();
    s.apply(Action::SearchFilter);
    assert!(s.search.filter_on());
    let node = find(&s, DLHW_SECTION);
    let path = s.doc.outline.path(node);
    // Only the nodes with hits and their ancestors.
    for &v in &s.visible {
        assert!(s.search.counts.total(v) > 0);
    }
    for p in &path {
        assert!(s.visible.contains(p));
    }
    assert!(s.visible.len() < visible.len());
    assert!(s.visible.contains(&s.selected.unwrap()));
    s.apply(Action::SearchFilter);
    assert!(!s.search.filter_on());
    assert_eq!(s.expanded, expanded);
}

#[test]
fn results_list_moves_and_jumps() {
    let mut s = state();
    type_query(&mut s, "mhq");
    s.apply(Action::SearchAccept);
    let n = s.search.len();
    assert!(n >= 2);
    s.apply(Action::SearchResults);
    assert_eq!(s.mode, Mode::Results);
    assert_eq!(s.search.results_sel, 0);
    s.apply(Action::Down);
    assert_eq!(s.search.results_sel, 1);
    s.apply(Action::Up);
    s.apply(Action::Up);
    assert_eq!(s.search.results_sel, 0);
    s.apply(Action::Bottom);
    assert_eq!(s.search.results_sel, n - 1);
    let want = s.search.ranked(n - 1).cloned().unwrap();
    s.apply(Action::Activate);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.search.current.as_ref(), Some(&want));
    assert_eq!(s.top, s.pos_of(want.range.start));
    assert_eq!(s.reading, s.doc.outline.node_at(want.range.start));
    // Esc closes without moving.
    let top = s.top;
    s.apply(Action::SearchResults);
    s.apply(Action::Top);
    s.apply(Action::Close);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.top, top);
}

#[test]
fn prompt_keys_type_any_character() {
    let s = state();
    let key = |c: KeyCode| key_of(&KeyEvent::new(c, KeyModifiers::NONE)).unwrap();
    let km = &s.keymap;
    assert_eq!(
        km.lookup(Mode::Search, key(KeyCode::Char('湾'))),
        Some(Action::SearchInput('湾'))
    );
    // Keys bound in normal mode are typed in the prompt.
    for c in ['q', 'n', '/', 'j', '?'] {
        assert_eq!(
            km.lookup(Mode::Search, key(KeyCode::Char(c))),
            Some(Action::SearchInput(c))
        );
    }
    assert_eq!(
        km.lookup(Mode::Search, key(KeyCode::Enter)),
        Some(Action::SearchAccept)
    );
    assert_eq!(
        km.lookup(Mode::Search, key(KeyCode::Esc)),
        Some(Action::SearchCancel)
    );
    assert_eq!(
        km.lookup(Mode::Normal, key(KeyCode::Char('/'))),
        Some(Action::SearchOpen)
    );
    let rows = km.help_rows();
    assert!(rows.iter().any(|(k, _)| k == "/"));
    assert!(rows.iter().any(|(k, _)| k == "F"));
}

#[test]
fn a_big_document_is_searched_in_slices() {
    let seed = Document::bundled();
    let text = seed.text.repeat(40);
    let doc = Document::from_text(
        "big",
        text,
        Decoding {
            encoding: "UTF-8",
            bom: false,
            replaced: 0,
        },
    );
    let mut s = AppState::new(doc, Vec::new(), 120, 40);
    s.apply(Action::SearchOpen);
    for c in "dlhw".chars() {
        s.apply(Action::SearchInput(c));
    }
    // A keystroke never waits for the index or the whole document: the
    // loop steps the search. Enter before the first hit goes to it when
    // it is found.
    assert!(s.search.is_running());
    s.apply(Action::SearchAccept);
    assert_eq!(s.search.current, None);
    let mut steps = 0;
    while !s.search_step(4096) {
        steps += 1;
    }
    assert!(steps > 10);
    assert_eq!(s.search.len(), 80);
    assert_eq!(s.search.position_label(), "1/80");
    let h = s.search.current.clone().unwrap();
    assert_eq!(s.top, s.pos_of(h.range.start));
}

#[test]
fn targets_can_arrive_after_the_first_frame() {
    let doc = Document::bundled();
    let items = gangmu::tui::sidebar_items(&doc);
    let mut s = AppState::new(doc, Vec::new(), 120, 40);
    s.targets_pending = true;
    assert!(s.sidebar_rows.is_empty());
    s.set_targets(items.clone());
    assert!(!s.targets_pending);
    assert_eq!(s.targets, items);
    assert!(!s.sidebar_rows.is_empty());
}

#[test]
fn the_config_can_turn_pinyin_matching_off() {
    let mut config = gangmu::config::Config::default();
    config.search.pinyin = false;
    let mut s = gangmu::tui::initial_state_with(Document::bundled(), 120, 40, config);
    type_query(&mut s, "dlhw");
    assert_eq!(s.search.len(), 0);
    let mut s = state();
    type_query(&mut s, "dlhw");
    assert_eq!(s.search.len(), 2);
}
