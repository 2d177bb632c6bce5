//! The reader's search, as state transitions: actions in, state out.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gangmu::document::{Decoding, Document};
use gangmu::tui::action::{Action, Mode};
use gangmu::tui::app::{App, Focus};
use gangmu::tui::event_loop::key_of;
use gangmu::tui::initial_state;
use gangmu::tui::report::Update;

fn state() -> App {
    initial_state(Document::bundled(), 120, 40)
}

fn type_query(s: &mut App, q: &str) {
    s.apply(Action::SearchOpen);
    assert_eq!(s.mode, Mode::Search);
    for c in q.chars() {
        s.apply(Action::SearchInput(c));
    }
    s.search_finish();
}

fn hit_text(s: &App) -> String {
    let h = s.report().search.current.as_ref().expect("a current hit");
    s.report().doc.text[h.range.clone()].to_string()
}

fn find(s: &App, label: &str) -> usize {
    (0..s.report().doc.outline.len())
        .find(|&i| s.report().doc.node_label(i) == label)
        .unwrap_or_else(|| panic!("no node {label}"))
}

const DLHW_SECTION: &str = "第一 强化大零号湾科技创新策源功能";

#[test]
fn typing_searches_every_keystroke_and_previews() {
    let mut s = state();
    s.apply(Action::SearchOpen);
    s.apply(Action::SearchInput('大'));
    s.search_finish();
    let one = s.report().search.len();
    assert!(one > 2);
    for c in "零号湾".chars() {
        s.apply(Action::SearchInput(c));
    }
    s.search_finish();
    assert_eq!(s.report().search.len(), 2);
    assert_eq!(s.report().search.prompt.as_ref().unwrap().text, "大零号湾");
    assert_eq!(hit_text(&s), "大零号湾");
    // The preview shows the hit at the top without unfolding the tree.
    let h = s.report().search.current.clone().unwrap();
    assert_eq!(s.report().detail.top, s.report().pos_of(h.range.start));
    // Backspace edits, and the search follows.
    s.apply(Action::SearchBackspace);
    s.apply(Action::SearchBackspace);
    s.search_finish();
    assert_eq!(s.report().search.prompt.as_ref().unwrap().text, "大零");
    assert_eq!(s.report().search.query(), Some("大零"));
    assert!(s.report().search.len() >= 2);
    // The cursor moves by characters; typing inserts there.
    s.apply(Action::SearchLeft);
    s.apply(Action::SearchInput('x'));
    assert_eq!(s.report().search.prompt.as_ref().unwrap().text, "大x零");
    s.apply(Action::SearchRight);
    s.apply(Action::SearchRight);
    s.apply(Action::SearchInput('!'));
    assert_eq!(s.report().search.prompt.as_ref().unwrap().text, "大x零!");
    s.apply(Action::SearchClear);
    assert_eq!(s.report().search.prompt.as_ref().unwrap().text, "");
    assert_eq!(s.report().search.len(), 0);
}

#[test]
fn pinyin_and_initials_find_the_same_hits() {
    for q in ["dlhw", "dalinghaowan", "大零号湾"] {
        let mut s = state();
        type_query(&mut s, q);
        s.apply(Action::SearchAccept);
        assert_eq!(s.report().search.len(), 2, "{q}");
        assert_eq!(hit_text(&s), "大零号湾", "{q}");
        assert_eq!(s.report().search.position_label(), "1/2");
    }
}

#[test]
fn enter_keeps_hits_and_unfolds_to_the_first() {
    let mut s = state();
    type_query(&mut s, "大零号湾");
    s.apply(Action::SearchAccept);
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.report().search.prompt.is_none());
    let node = find(&s, DLHW_SECTION);
    let reading = s.report().detail.reading.unwrap();
    assert!(s.report().doc.outline.path(reading).contains(&node));
    // Unfolded and selected: the node read is a row of the tree.
    assert_eq!(s.report().tree.selected(), Some(reading));
    assert!(s.report().tree.visible.contains(&reading));
    // Counts bubble up to the theme, folded or not.
    let theme = s.report().doc.outline.root_of(node);
    assert_eq!(s.report().search.counts.total(theme), 2);
    assert_eq!(s.report().search.counts.total(node), 2);
}

#[test]
fn esc_cancels_and_returns_to_where_reading_was() {
    let mut s = state();
    s.apply(Action::FocusNext);
    for _ in 0..5 {
        s.apply(Action::Down);
    }
    let (top, reading, selected, tree_scroll) = (
        s.report().detail.top,
        s.report().detail.reading,
        s.report().tree.selected(),
        s.report().tree.list.offset(),
    );
    let expanded = s.report().tree.expanded.clone();
    type_query(&mut s, "莘庄");
    assert_ne!(s.report().detail.top, top, "the preview moved the text");
    s.apply(Action::SearchCancel);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(
        (
            s.report().detail.top,
            s.report().detail.reading,
            s.report().tree.selected(),
            s.report().tree.list.offset()
        ),
        (top, reading, selected, tree_scroll)
    );
    assert_eq!(s.report().tree.expanded, expanded);
    assert_eq!(s.report().search.query(), None);
    assert_eq!(s.report().search.len(), 0);
}

#[test]
fn esc_keeps_the_previous_search() {
    let mut s = state();
    type_query(&mut s, "莘庄");
    s.apply(Action::SearchAccept);
    let cur = s.report().search.current.clone();
    type_query(&mut s, "大零");
    s.apply(Action::SearchCancel);
    s.search_finish();
    assert_eq!(s.report().search.query(), Some("莘庄"));
    assert_eq!(s.report().search.current, cur);
    assert_eq!(s.report().search.len(), 2);
}

#[test]
fn n_and_shift_n_step_through_hits_and_wrap() {
    let mut s = state();
    type_query(&mut s, "莘庄");
    s.apply(Action::SearchAccept);
    assert_eq!(s.report().search.position_label(), "1/2");
    let first = s.report().search.current.clone().unwrap();
    s.apply(Action::SearchNext);
    assert_eq!(s.report().search.position_label(), "2/2");
    assert!(s.notices.search.is_none());
    let second = s.report().search.current.clone().unwrap();
    assert!(second.range.start > first.range.start);
    assert_eq!(s.report().detail.top, s.report().pos_of(second.range.start));
    s.apply(Action::SearchNext);
    assert_eq!(s.report().search.position_label(), "1/2");
    assert!(s.notices.search.unwrap().contains("BOTTOM"));
    s.apply(Action::SearchPrev);
    assert_eq!(s.report().search.position_label(), "2/2");
    assert!(s.notices.search.unwrap().contains("TOP"));
    s.apply(Action::SearchPrev);
    assert_eq!(s.report().search.current.as_ref(), Some(&first));
    // Any other key clears the notice.
    s.apply(Action::Down);
    assert!(s.notices.search.is_none());
}

#[test]
fn n_counts_from_the_reading_position() {
    let mut s = state();
    type_query(&mut s, "闵行");
    s.apply(Action::SearchAccept);
    let total = s.report().search.len();
    assert!(total > 3);
    // Scroll far past the first hit: n goes to the first hit below.
    s.focus = Focus::Detail;
    s.apply(Action::Bottom);
    s.apply(Action::PageUp);
    let from = s.report().offset_of(s.report().detail.top);
    s.apply(Action::SearchNext);
    let h = s.report().search.current.clone().unwrap();
    assert!(h.range.start >= from || s.notices.search.is_some());
}

#[test]
fn n_without_a_search_says_so() {
    let mut s = state();
    let top = s.report().detail.top;
    s.apply(Action::SearchNext);
    assert_eq!(s.report().detail.top, top);
    assert!(s.notices.search.is_some());
}

#[test]
fn filter_narrows_the_tree_and_restores_it() {
    let mut s = state();
    let visible = s.report().tree.visible.clone();
    type_query(&mut s, "大零号湾");
    s.apply(Action::SearchAccept);
    let expanded = s.report().tree.expanded.clone();
    s.apply(Action::SearchFilter);
    assert!(s.report().search.filter_on());
    let node = find(&s, DLHW_SECTION);
    let path = s.report().doc.outline.path(node);
    // Only the nodes with hits and their ancestors.
    for &v in &s.report().tree.visible {
        assert!(s.report().search.counts.total(v) > 0);
    }
    for p in &path {
        assert!(s.report().tree.visible.contains(p));
    }
    assert!(s.report().tree.visible.len() < visible.len());
    assert!(
        s.report()
            .tree
            .visible
            .contains(&s.report().tree.selected().unwrap())
    );
    s.apply(Action::SearchFilter);
    assert!(!s.report().search.filter_on());
    assert_eq!(s.report().tree.expanded, expanded);
}

#[test]
fn results_list_moves_and_jumps() {
    let mut s = state();
    type_query(&mut s, "mhq");
    s.apply(Action::SearchAccept);
    let n = s.report().search.len();
    assert!(n >= 2);
    s.apply(Action::SearchResults);
    assert_eq!(s.mode, Mode::Results);
    assert_eq!(s.report().search.results.selected().unwrap(), 0);
    s.apply(Action::Down);
    assert_eq!(s.report().search.results.selected().unwrap(), 1);
    s.apply(Action::Up);
    s.apply(Action::Up);
    assert_eq!(s.report().search.results.selected().unwrap(), 0);
    s.apply(Action::Bottom);
    assert_eq!(s.report().search.results.selected().unwrap(), n - 1);
    let want = s.report().search.ranked(n - 1).cloned().unwrap();
    s.apply(Action::Activate);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.report().search.current.as_ref(), Some(&want));
    assert_eq!(s.report().detail.top, s.report().pos_of(want.range.start));
    assert_eq!(
        s.report().detail.reading,
        s.report().doc.outline.node_at(want.range.start)
    );
    // Esc closes without moving.
    let top = s.report().detail.top;
    s.apply(Action::SearchResults);
    s.apply(Action::Top);
    s.apply(Action::Close);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.report().detail.top, top);
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
    let mut s = App::new(doc, None, 120, 40);
    s.apply(Action::SearchOpen);
    for c in "dlhw".chars() {
        s.apply(Action::SearchInput(c));
    }
    // A keystroke never waits for the index or the whole document: the
    // loop steps the search. Enter before the first hit goes to it when
    // it is found.
    assert!(s.report().search.is_running());
    s.apply(Action::SearchAccept);
    assert_eq!(s.report().search.current, None);
    let mut steps = 0;
    while !s.search_step(4096) {
        steps += 1;
    }
    assert!(steps > 10);
    assert_eq!(s.report().search.len(), 80);
    assert_eq!(s.report().search.position_label(), "1/80");
    let h = s.report().search.current.clone().unwrap();
    assert_eq!(s.report().detail.top, s.report().pos_of(h.range.start));
}

#[test]
fn targets_can_arrive_after_the_first_frame() {
    let doc = Document::bundled();
    let items = gangmu::tui::sidebar_items(&doc);
    let mut s = App::new(doc, None, 120, 40);
    assert!(s.report().sidebar.pending);
    assert!(s.report().sidebar.rows.is_empty());
    // As the event loop delivers them from their thread.
    let id = s.current();
    s.update(id, Update::Targets(items.clone()));
    assert!(!s.report().sidebar.pending);
    assert_eq!(s.report().sidebar.items, items);
    assert!(!s.report().sidebar.rows.is_empty());
}

#[test]
fn the_config_can_turn_pinyin_matching_off() {
    let mut config = gangmu::config::Config::default();
    config.search.pinyin = false;
    let mut s = gangmu::tui::initial_state_with(Document::bundled(), 120, 40, config);
    type_query(&mut s, "dlhw");
    assert_eq!(s.report().search.len(), 0);
    let mut s = state();
    type_query(&mut s, "dlhw");
    assert_eq!(s.report().search.len(), 2);
}
