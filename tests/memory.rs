//! Bookmarks, the jump history, the saved state and the keys from the
//! config: actions in, state out, no terminal.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gangmu::config::{Config, DEFAULT_YAML};
use gangmu::document::Document;
use gangmu::tui::action::{Action, COMMANDS, Mode};
use gangmu::tui::app::{App, Focus};
use gangmu::tui::event_loop::key_of;
use gangmu::tui::initial_state;

fn state() -> App {
    initial_state(Document::bundled(), 120, 40)
}

/// The action of a key, through the edge, as the event loop sees it.
fn lookup(s: &App, ev: KeyEvent) -> Option<Action> {
    s.keymap.lookup(s.mode, key_of(&ev)?)
}

fn key(s: &App, c: char) -> Option<Action> {
    lookup(s, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn press(s: &mut App, keys: &str) {
    for c in keys.chars() {
        if let Some(a) = key(s, c) {
            s.apply(a);
        }
    }
}

fn scroll(s: &mut App, n: usize) {
    s.focus = Focus::Detail;
    for _ in 0..n {
        s.apply(Action::Down);
    }
}

#[test]
fn every_action_has_a_default_key_in_the_config_and_the_help() {
    let config = Config::default();
    let s = state();
    let help: Vec<(String, String)> = s.keymap.help_rows();
    for c in COMMANDS {
        let (a, name) = (c.action, c.name);
        let keys = config.keys.get(name);
        assert!(
            keys.is_some_and(|k| !k.is_empty()),
            "{name} has no default key"
        );
        // The printed config (--print-config prints DEFAULT_YAML) names it.
        assert!(
            DEFAULT_YAML.contains(&format!("\n  {name}: ")),
            "{name} missing from assets/config.yaml"
        );
        assert!(
            help.iter()
                .any(|(k, d)| *d == a.describe() && !k.is_empty()),
            "{name} missing from the help"
        );
    }
    // Nothing in the config but bindable actions.
    assert_eq!(config.keys.len(), COMMANDS.len());
}

#[test]
fn m_and_a_letter_set_a_bookmark_and_quote_goes_back_to_it() {
    let mut s = state();
    scroll(&mut s, 40);
    let here = s.report().reading_offset();
    press(&mut s, "m");
    assert_eq!(s.mode, Mode::SetMark);
    press(&mut s, "a");
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.report().memory.bookmarks.get(&'a'), Some(&here));
    s.apply(Action::Top);
    assert_ne!(s.report().reading_offset(), here);
    press(&mut s, "'a");
    assert_eq!(s.report().reading_offset(), here);
    // ...and Ctrl-o goes back to where the jump started.
    s.apply(Action::JumpBack);
    assert_eq!(s.report().reading_offset(), 0);
    s.apply(Action::JumpForward);
    assert_eq!(s.report().reading_offset(), here);
}

#[test]
fn esc_cancels_a_pending_letter_and_unknown_marks_say_so() {
    let mut s = state();
    press(&mut s, "m");
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let a = lookup(&s, esc).unwrap();
    s.apply(a);
    assert_eq!(s.mode, Mode::Normal);
    assert!(s.report().memory.bookmarks.is_empty());
    press(&mut s, "'z");
    assert_eq!(s.notices.status.as_deref(), Some("no bookmark z"));
    press(&mut s, "j");
    assert_eq!(s.notices.status, None);
}

#[test]
fn the_list_of_bookmarks_goes_and_deletes() {
    let mut s = state();
    press(&mut s, "ma");
    scroll(&mut s, 30);
    press(&mut s, "mb");
    let b = s.report().reading_offset();
    s.apply(Action::Top);
    press(&mut s, "`");
    assert_eq!(s.mode, Mode::Bookmarks);
    press(&mut s, "j");
    s.apply(Action::Activate);
    assert_eq!(s.mode, Mode::Normal);
    assert_eq!(s.report().reading_offset(), b);
    press(&mut s, "Bd");
    assert_eq!(s.report().memory.bookmarks.keys().collect::<String>(), "b");
    s.apply(Action::Close);
    assert_eq!(s.mode, Mode::Normal);
}

#[test]
fn the_jump_history_is_bounded() {
    let mut s = state();
    let len = s.report().doc.text.len();
    for i in 0..300 {
        s.report_mut().jump_to_offset(i * 37 % len);
    }
    assert!(s.report().memory.back.len() <= gangmu::tui::report::memory::HISTORY_MAX);
}

#[test]
fn saved_state_restores_position_folds_bookmarks_and_history() {
    let mut s = state();
    s.apply(Action::ShowDepth(3));
    scroll(&mut s, 120);
    press(&mut s, "mq");
    s.report_mut().jump_to_offset(100);
    scroll(&mut s, 7);
    let saved = s.report().saved_state();
    let json = serde_json::to_string(&saved).unwrap();
    let back: gangmu::persist::SavedState = serde_json::from_str(&json).unwrap();

    let mut t = state();
    t.report_mut().restore(&back);
    assert_eq!(t.report().reading_offset(), s.report().reading_offset());
    assert_eq!(t.report().detail.top, s.report().detail.top);
    assert_eq!(t.report().detail.reading, s.report().detail.reading);
    assert_eq!(t.report().tree.selected(), s.report().tree.selected());
    let open = |x: &App| {
        (0..x.report().doc.outline.len())
            .filter(|&i| x.report().tree.expanded[i] && x.report().doc.outline.has_children(i))
            .collect::<Vec<_>>()
    };
    assert_eq!(open(&t), open(&s));
    assert_eq!(t.report().tree.visible, s.report().tree.visible);
    assert_eq!(t.report().memory.bookmarks, s.report().memory.bookmarks);
    assert_eq!(t.report().memory.back, s.report().memory.back);
    assert_eq!(t.report().memory.forward, s.report().memory.forward);
    assert_eq!(saved.position.as_ref().unwrap().node, {
        let r = s.report().detail.reading.unwrap();
        s.report().doc.outline.dotted_id(r)
    });
}

#[test]
fn nonsense_saved_state_is_clamped_not_a_crash() {
    let mut s = state();
    let mut saved = gangmu::persist::SavedState::new();
    saved.position = Some(gangmu::persist::Position {
        offset: usize::MAX,
        node: "99.99".into(),
    });
    saved.open = vec!["x".into(), "0".into(), "1.1.1.1.1".into()];
    saved.history = vec![saved.position.clone().unwrap()];
    saved.history_forward = 7;
    saved.bookmarks.insert('?', saved.position.clone().unwrap());
    s.report_mut().restore(&saved);
    assert!(s.report().reading_offset() <= s.report().doc.text.len());
    assert!(s.report().memory.bookmarks.is_empty());
    s.apply(Action::JumpBack);
    s.apply(Action::JumpForward);
}

#[test]
fn a_config_rebinds_and_sets_the_panes() {
    let names = Action::names();
    let c = Config::from_yaml(
        "keys:\n  toggle_mouse: [x]\n  set_mark: [alt-m]\npanes:\n  tree_width: 30\n  sidebar_width: 30\n  sidebar: false\n",
        "t.yaml",
        &names,
    )
    .unwrap();
    let s = gangmu::tui::initial_state_with(Document::bundled(), 120, 40, c);
    assert!(s.sidebar_hidden);
    assert_eq!(key(&s, 'x'), Some(Action::ToggleMouse));
    assert_eq!(key(&s, 'M'), None);
    assert_eq!(key(&s, 'm'), None);
    let alt_m = KeyEvent::new(KeyCode::Char('m'), KeyModifiers::ALT);
    assert_eq!(lookup(&s, alt_m), Some(Action::SetMark));
}

#[test]
fn the_mouse_toggle_is_capital_m() {
    let mut s = state();
    assert!(s.mouse);
    press(&mut s, "M");
    assert!(!s.mouse);
}

#[test]
fn display_options_reach_the_detail_pane() {
    let names = Action::names();
    let plain = Config::from_yaml(
        "display:\n  fullwidth_punctuation: false\n  first_line_indent: false\n",
        "d.yaml",
        &names,
    )
    .unwrap();
    let d = initial_state(Document::bundled(), 120, 40);
    let p = gangmu::tui::initial_state_with(Document::bundled(), 120, 40, plain);
    let indents = |s: &App| {
        (0..s.report().doc.paragraph_count())
            .map(|i| s.report().para_lines(i)[0].indent)
            .max()
            .unwrap()
    };
    assert!(indents(&d) > 0);
    assert_eq!(indents(&p), 0);
    assert!(!p.report().detail.cache.options().fullwidth_punct);
}

#[test]
fn search_pinyin_default_is_kept_for_the_search_ui() {
    let names = Action::names();
    let c = Config::from_yaml("search:\n  pinyin: false\n", "s.yaml", &names).unwrap();
    let s = gangmu::tui::initial_state_with(Document::bundled(), 120, 40, c);
    assert!(!s.config.search.pinyin);
    assert!(state().config.search.pinyin);
}

/// A state file with 200,000 history places delayed the first frame by 4 s
/// (the reader trimmed them one at a time from the front): reading keeps
/// the last HISTORY_MAX.
#[test]
fn a_huge_history_is_trimmed_while_read() {
    use gangmu::persist::{HISTORY_LIMIT, Loaded, Position, SavedState, StateStore};
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::at(dir.path());
    let mut s = state();
    let len = s.report().doc.text.len();
    let mut saved = SavedState::new();
    saved.history = (0..200_000)
        .map(|i| Position {
            offset: i * 7 % len,
            node: "1".into(),
        })
        .collect();
    saved.history_forward = 1;
    std::fs::write(store.path("k"), serde_json::to_vec(&saved).unwrap()).unwrap();
    let Loaded::Found(loaded) = store.load("k") else {
        panic!("not loaded")
    };
    assert_eq!(loaded.history.len(), HISTORY_LIMIT);
    assert_eq!(loaded.history[..], saved.history[200_000 - HISTORY_LIMIT..]);
    s.report_mut().restore(&loaded);
    let m = &s.report().memory;
    assert_eq!(
        m.back.len() + m.forward.len(),
        gangmu::tui::report::memory::HISTORY_MAX
    );
    assert_eq!(m.forward, [199_999 * 7 % len]);
}
