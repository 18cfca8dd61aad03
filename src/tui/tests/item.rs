//! The questionnaire: answering with keys and the mouse, notes and text answers, moving
//! between items.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;

#[test]
fn number_keys_answer_and_save_at_once() {
    let mut f = opened();
    press(&mut f.app, "4<Tab>3");
    let a = saved(&f.app);
    assert_eq!(a.answers["worked-example/a"].choice(), Some("fully"));
    assert_eq!(a.answers["worked-example/b"].choice(), Some("largely"));
    assert_eq!(f.app.saved_at.as_deref(), Some("12:00:00"));
    // Space chooses the highlighted option.
    press(&mut f.app, "<Tab>kkk ");
    assert_eq!(
        saved(&f.app).answers["worked-example/c"].choice(),
        Some("not")
    );
    // A number past the options says so and changes nothing.
    press(&mut f.app, "9");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("no option 9")));
}

#[test]
fn checklists_tick_and_mark_checks_not_applicable() {
    let mut f = opened();
    press(&mut f.app, "nnn");
    assert_eq!(current_id(&f.app), "worked-example/d");
    press(&mut f.app, "1jx");
    let d = &saved(&f.app).answers["worked-example/d"];
    assert_eq!(d.ticked(), Some(&["x".to_string()][..]));
    assert_eq!(d.na_checks(), ["y"]);
    press(&mut f.app, "k ");
    let d = &saved(&f.app).answers["worked-example/d"];
    assert_eq!(d.ticked(), Some(&[][..]));
}

#[test]
fn a_paste_and_a_pause_are_saved_while_writing() {
    let mut f = opened();
    press(&mut f.app, "e");
    act(
        &mut f.app,
        Action::Paste("first line\r\nsecond é\u{1b}[2J".into()),
    );
    press(&mut f.app, "<Backspace>!");
    assert!(matches!(f.app.mode, Mode::Editor(_)));
    // A pause while writing saves the text; the editor stays open.
    act(&mut f.app, Action::Idle);
    assert!(matches!(f.app.mode, Mode::Editor(_)));
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("first line\nsecond !")
    );
    press(&mut f.app, "<Up><Left>X<Esc>");
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("first lXine\nsecond !")
    );
}

#[test]
fn the_note_editor_keeps_every_keystroke() {
    let mut f = opened();
    press(&mut f.app, "ehello q n?<Enter>world<Esc>");
    assert_eq!(f.app.mode, Mode::Normal);
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/a"].note.as_deref(),
        Some("hello q n?\nworld")
    );
    // Ctrl-S saves while writing; Ctrl-X puts the text back as it was.
    press(&mut f.app, "e!<C-s>");
    assert!(matches!(f.app.mode, Mode::Editor(_)));
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("hello q n?\nworld!")
    );
    press(&mut f.app, "<C-x>");
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("hello q n?\nworld")
    );
    // Tab leaves the editor with the text saved.
    press(
        &mut f.app,
        "e<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Tab>",
    );
    assert_eq!(current_id(&f.app), "worked-example/b");
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("hello q n?")
    );
}

#[test]
fn arrows_move_the_cursor_in_the_editor() {
    let mut f = opened();
    press(&mut f.app, "eab<Enter>cd<Up>X<Down>Y<Esc>");
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("abX\ncdY")
    );
}

#[test]
fn a_text_item_is_answered_in_words_and_ctrl_c_saves_it() {
    let mut f = opened();
    press(&mut f.app, "/strategy<Enter>");
    assert_eq!(current_id(&f.app), "worked-example/strategy");
    press(&mut f.app, "<Enter>Low appetite<C-c>");
    assert!(f.app.should_quit);
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/strategy"].text(),
        Some("Low appetite")
    );
}

#[test]
fn owner_flag_and_not_applicable() {
    let mut f = opened();
    press(&mut f.app, "ojj<Enter>fa");
    let a = &saved(&f.app).answers["worked-example/a"];
    assert_eq!(a.owner.as_deref(), Some("contract-manager"));
    assert!(a.flag);
    assert!(a.is_na());
    press(&mut f.app, "ao9f");
    let a = saved(&f.app);
    assert!(
        !a.answers.contains_key("worked-example/a"),
        "an empty entry is dropped"
    );
}

#[test]
fn next_unanswered_search_and_go_to_section() {
    let mut f = opened();
    press(&mut f.app, "1<Tab>1<Tab>1");
    press(&mut f.app, "gg"); // second g is ignored in the picker
    assert!(matches!(f.app.mode, Mode::Picker(_)));
    press(&mut f.app, "<Enter>");
    assert_eq!(current_id(&f.app), "worked-example/a");
    press(&mut f.app, "u");
    assert_eq!(current_id(&f.app), "worked-example/d");
    press(&mut f.app, "/item e?<Enter>");
    assert_eq!(current_id(&f.app), "worked-example/e");
    press(&mut f.app, "/zzz<Enter>");
    assert_eq!(current_id(&f.app), "worked-example/e");
}

#[test]
fn esc_typed_quickly_before_a_key_still_closes_the_editor() {
    let mut f = opened();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut events: VecDeque<Event> = "enote"
        .chars()
        .map(|c| Event::Key(key_event(&c.to_string())))
        .collect();
    events.push_back(Event::Key(KeyEvent::new(
        KeyCode::Char('r'),
        KeyModifiers::ALT,
    )));
    run_loop(
        &mut terminal,
        &mut f.app,
        &mut ScriptedEvents(events),
        &AtomicBool::new(false),
        true,
    )
    .expect("loop");
    assert_eq!(f.app.mode, Mode::Normal);
    assert!(matches!(f.app.screen, Screen::Results { .. }));
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("note")
    );
}

#[test]
fn a_click_on_a_section_goes_there() {
    let mut f = opened();
    press(&mut f.app, "nnn");
    let event = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 5,
        row: 4,
        modifiers: KeyModifiers::NONE,
    });
    let action = action_for_event(&f.app, Rect::new(0, 0, 80, 24), &event);
    assert_eq!(action, Some(Action::ClickSection(0)));
}

#[test]
fn the_item_index_follows_the_walk_of_the_questionnaires() {
    let f = opened();
    let open = f.app.open.as_ref().expect("open");
    let qs: Vec<&crate::questionnaire::Questionnaire> = open.questionnaires.iter().collect();
    let walked: Vec<(usize, usize, usize, String)> = crate::walk::items(&qs)
        .map(|p| (p.q_index, p.section_index, p.item_index, p.key.to_string()))
        .collect();
    let indexed: Vec<(usize, usize, usize, String)> = open
        .items
        .iter()
        .map(|p| (p.q, p.s, p.i, p.full.clone()))
        .collect();
    assert_eq!(indexed, walked);
    assert_eq!(open.sections.len(), crate::walk::sections(&qs).count());
    for (n, s) in open.sections.iter().enumerate() {
        let items = &open.items[s.first..s.first + s.len];
        assert!(
            items
                .iter()
                .all(|p| p.section == n && (p.q, p.s) == (s.q, s.s))
        );
    }
}
