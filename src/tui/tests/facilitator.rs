//! Nothing surprises the facilitator: keys under the too-small message, Enter that never
//! types into a note, a key for every check, Esc back to where the item was opened from,
//! resuming where an assessment was left, the details and sections at 80×24.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use crate::tui::app::EditTarget;
use crate::tui::keys::{Context, pick_key};

/// The app in the built-in CFCS questionnaire, at the checklist of 15 checks.
fn long_checklist() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace {
        store: Store::at(dir.path().to_path_buf()),
        catalog: Catalog::built_in(),
    };
    ws.create("Acme 2026", "Acme Ltd", None, &["cfcs-phases".to_string()])
        .expect("create");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("acme-2026").expect("opens");
    let n = app
        .open
        .as_ref()
        .and_then(|o| o.index_of("cfcs-phases/management-areas"))
        .expect("the checklist of 15 checks");
    app.open.as_mut().expect("open").current = n;
    app.screen = Screen::Questionnaire { highlight: 0 };
    Fixture { _dir: dir, app }
}

fn keys(app: &App, keys: &str) -> VecDeque<Event> {
    let _ = app;
    tokens(keys)
        .iter()
        .map(|t| Event::Key(key_event(t)))
        .collect()
}

#[test]
fn while_the_window_is_too_small_keys_change_nothing_but_ctrl_c_quits() {
    let mut f = opened();
    press(&mut f.app, "3");
    let before = saved(&f.app);
    let item = current_id(&f.app);
    let mut terminal = Terminal::new(TestBackend::new(50, 12)).expect("terminal");
    let mut events = ScriptedEvents(keys(&f.app, "n2<Enter>aPfD<C-z>"));
    run_loop(
        &mut terminal,
        &mut f.app,
        &mut events,
        &AtomicBool::new(false),
        true,
    )
    .expect("runs");
    assert_eq!(saved(&f.app).answers, before.answers, "nothing changed");
    assert_eq!(current_id(&f.app), item, "still on the same item");
    assert_eq!(f.app.mode, Mode::Normal);
    assert!(terminal.backend().to_string().contains("too small"));
    // A mouse scroll does nothing either; Ctrl-C still quits.
    let scroll = Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 1,
        row: 1,
        modifiers: KeyModifiers::NONE,
    });
    let small = Rect::new(0, 0, 50, 12);
    assert_eq!(action_for_event(&f.app, small, &scroll), None);
    let mut events = ScriptedEvents(keys(&f.app, "<C-c>"));
    run_loop(
        &mut terminal,
        &mut f.app,
        &mut events,
        &AtomicBool::new(false),
        true,
    )
    .expect("runs");
    assert!(f.app.should_quit);
}

#[test]
fn enter_confirms_and_moves_on_and_never_types_into_a_note() {
    let mut f = opened();
    assert_eq!(current_id(&f.app), "worked-example/a");
    // Enter on a choice item chooses the highlighted option and goes on.
    press(&mut f.app, "jj<Enter>");
    assert_eq!(f.app.mode, Mode::Normal, "no editor opened");
    assert_eq!(current_id(&f.app), "worked-example/b");
    let a = &saved(&f.app).answers["worked-example/a"];
    assert_eq!(a.choice(), Some("largely"));
    assert_eq!(a.note, None);
    // Reflexive Enters on the checklist change nothing and go on.
    press(&mut f.app, "nn<Enter>");
    assert_eq!(current_id(&f.app), "worked-example/e");
    assert!(!saved(&f.app).answers.contains_key("worked-example/d"));
    // The note has its own key, and the editor says it is open.
    press(&mut f.app, "e");
    assert!(matches!(&f.app.mode, Mode::Editor(e) if e.target == EditTarget::Note));
    let screen = snapshots::draw(&f.app, 80, 24);
    assert!(screen.contains("Note — editing, Esc to save"), "{screen}");
    press(&mut f.app, "<Esc>");
    // On a text item, Enter (and e) writes the answer.
    press(&mut f.app, "n<Enter>");
    assert!(matches!(&f.app.mode, Mode::Editor(e) if e.target == EditTarget::Answer));
    press(&mut f.app, "In words<Esc>e");
    assert!(matches!(&f.app.mode, Mode::Editor(e) if e.target == EditTarget::Answer));
    press(&mut f.app, "<Esc>");
    assert_eq!(
        saved(&f.app).answers["worked-example/strategy"].text(),
        Some("In words")
    );
}

#[test]
fn every_check_of_a_long_checklist_is_ticked_by_its_key_and_the_key_is_shown() {
    let mut f = long_checklist();
    let twelve = pick_key(Context::Item, 12).expect("a key for check 12");
    let fifteen = pick_key(Context::Item, 15).expect("a key for check 15");
    press(&mut f.app, &format!("0{twelve}{fifteen}"));
    let a = saved(&f.app);
    let open = f.app.open.as_ref().expect("open");
    let (_, _, item) = open.item().expect("item");
    let ids: Vec<String> = [9, 11, 14]
        .iter()
        .map(|n| item.checks[*n].id.clone())
        .collect();
    assert_eq!(
        a.answers["cfcs-phases/management-areas"].ticked(),
        Some(&ids[..])
    );
    // The highlight is on the last check ticked, the prompt still on screen.
    assert_eq!(f.app.highlight(), 14);
    let screen = snapshots::draw(&f.app, 80, 24);
    let prompt_start: String = crate::text::sanitize_line(&item.prompt)
        .chars()
        .take(30)
        .collect();
    assert!(screen.contains(&prompt_start), "{screen}");
    assert!(screen.contains(&format!("[x] {fifteen}")), "{screen}");
}

#[test]
fn esc_goes_back_to_the_results_row_the_item_was_opened_from() {
    let mut f = opened();
    press(&mut f.app, "1<Tab>1<Tab>1<Tab>rj");
    let row = f.app.plan_selected();
    assert_eq!(row, 1);
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    // Moving on in the questionnaire keeps where it was opened from.
    press(&mut f.app, "n<Esc>");
    assert_eq!(f.app.screen, Screen::Results { selected: 1 });
    // Reached from the questionnaire itself, Esc closes the assessment as before.
    press(&mut f.app, "<Esc><Esc>");
    assert!(f.app.open.is_none());
}

#[test]
fn reopening_an_assessment_resumes_at_the_item_it_was_left_at() {
    let mut f = at_home();
    press(&mut f.app, "<Enter>nnn");
    assert_eq!(current_id(&f.app), "worked-example/d");
    press(&mut f.app, "q");
    assert!(f.app.open.is_none());
    press(&mut f.app, "<Enter>");
    assert_eq!(current_id(&f.app), "worked-example/d");
    press(&mut f.app, "q");
    // Kept in the data directory for the next run of the app.
    let root = f.app.ws.store.root().to_path_buf();
    let kept = crate::tui::resume::read(&root);
    assert_eq!(
        kept.get("acme-2026").map(String::as_str),
        Some("worked-example/d")
    );
    let mut again = App::new(workspace(&root), Theme::colour());
    again.open_at_start("acme-2026").expect("opens");
    assert_eq!(current_id(&again), "worked-example/d");
}

#[test]
fn page_down_reaches_why_this_matters_and_the_source_at_80x24() {
    let mut f = long_checklist();
    let before = snapshots::draw(&f.app, 80, 24);
    assert!(before.contains("PgDn: more"), "{before}");
    assert!(!before.contains("Source"), "{before}");
    press(
        &mut f.app,
        "<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>",
    );
    let after = snapshots::draw(&f.app, 80, 24);
    assert!(after.contains("Source"), "{after}");
    assert!(after.contains("PgUp"), "{after}");
    press(
        &mut f.app,
        "<PgUp><PgUp><PgUp><PgUp><PgUp><PgUp><PgUp><PgUp>",
    );
    assert_eq!(f.app.open.as_ref().expect("open").detail, 0);
    // Moving to another item starts its details at the top.
    press(&mut f.app, "<PgDn>n");
    assert_eq!(f.app.open.as_ref().expect("open").detail, 0);
}

#[test]
fn the_title_keeps_where_am_i_at_80x24() {
    let f = long_checklist();
    let screen = snapshots::draw(&f.app, 80, 24);
    let title = screen.lines().nth(3).expect("the title row");
    assert!(
        title.contains("of 15") || title.contains("item "),
        "{title}"
    );
    let open = f.app.open.as_ref().expect("open");
    let pos = &open.sections[open.current_section()];
    let n = open.current - pos.first + 1;
    assert!(
        title.contains(&format!("item {n} of {}", pos.len)),
        "{title}"
    );
    let q: String = crate::text::sanitize_line(&open.item().expect("item").0.title)
        .chars()
        .take(5)
        .collect();
    assert!(title.contains(&q), "{title}");
}

#[test]
fn every_section_is_chosen_by_its_key_under_its_questionnaires_title() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace {
        store: Store::at(dir.path().to_path_buf()),
        catalog: Catalog::built_in(),
    };
    let mut ids: Vec<String> = ws
        .catalog
        .entries()
        .iter()
        .map(|e| e.questionnaire.id.clone())
        .collect();
    ids.dedup();
    ws.create("All", "Acme Ltd", None, &ids).expect("create");
    let mut app = App::new(ws, Theme::colour());
    app.open_at_start("all").expect("opens");
    let sections = app.open.as_ref().expect("open").sections.len();
    for n in 1..=sections {
        let key = pick_key(Context::Picker, n).expect("a key for every section");
        press(&mut app, &format!("g{key}"));
        let open = app.open.as_ref().expect("open");
        assert_eq!(open.current_section(), n - 1, "key {key}");
        assert_eq!(app.mode, Mode::Normal);
    }
    press(&mut app, "g1g");
    let screen = snapshots::draw(&app, 80, 24);
    let open = app.open.as_ref().expect("open");
    let (q, s) = open.section(open.current_section()).expect("section");
    let old = format!(
        "{} · {}",
        crate::text::sanitize_line(&q.title),
        crate::text::sanitize_line(&s.title)
    );
    assert!(
        !screen.contains(&format!("  {old}")),
        "the questionnaire is a heading, not on every row: {screen}"
    );
    assert!(screen.contains("Go to a section"), "{screen}");
    assert!(screen.contains("More below ↓"), "{screen}");
}

fn at_both_sizes(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), snapshots::draw(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_200x60"), snapshots::draw(app, 200, 60));
}

#[test]
fn snapshots_of_the_long_checklist_the_follow_up_and_the_dialogs() {
    let mut f = long_checklist();
    let twelve = pick_key(Context::Item, 12).expect("a key for check 12");
    press(
        &mut f.app,
        &format!("2{twelve}PdApprove the budget for an exit plan<Enter>"),
    );
    press(&mut f.app, "t2027-01-31<Enter>ssvSOC 2 report 2026<Enter>");
    press(&mut f.app, "o8Head of Procurement<Enter>");
    f.app.status = Status::None;
    at_both_sizes("long_checklist", &f.app);
    press(&mut f.app, "t");
    at_both_sizes("due_field", &f.app);
    press(&mut f.app, "<Esc>g");
    at_both_sizes("go_to_section", &f.app);
    press(&mut f.app, "<Esc>");
    let n = f
        .app
        .open
        .as_ref()
        .and_then(|o| o.index_of("cfcs-phases/external-advice"))
        .expect("a choice item with long options");
    f.app.open.as_mut().expect("open").current = n;
    press(&mut f.app, "j");
    f.app.status = Status::None;
    at_both_sizes("choice_wrapped", &f.app);
}
