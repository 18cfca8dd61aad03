//! Home and leaving: creating, deleting, opening, quitting, a failed save, unreadable and
//! locked files, and the real loop on a test backend.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;

#[test]
fn q_quits_from_an_assessment_opened_with_open_but_goes_home_otherwise() {
    let mut f = opened();
    press(&mut f.app, "r");
    assert!(matches!(f.app.screen, Screen::Results { .. }));
    press(&mut f.app, "b");
    assert!(matches!(f.app.screen, Screen::Board { .. }));
    press(&mut f.app, "<Esc>");
    assert!(
        matches!(f.app.screen, Screen::Results { .. }),
        "Esc on the board view goes back to the results"
    );
    press(&mut f.app, "<Esc>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    press(&mut f.app, "q");
    assert!(f.app.should_quit);

    let mut f = at_home();
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    press(&mut f.app, "q");
    assert!(matches!(f.app.screen, Screen::Home { .. }));
    assert!(!f.app.should_quit);
    assert!(f.app.open.is_none(), "the lock is released");
    press(&mut f.app, "q");
    assert!(f.app.should_quit);
}

#[test]
fn home_creates_and_deletes_with_confirmation() {
    let mut f = at_home();
    press(&mut f.app, "n<Enter>");
    assert!(matches!(f.app.mode, Mode::NewForm(_)));
    press(&mut f.app, "<Enter>");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("name")));
    press(&mut f.app, "Board 2027<Enter>Acme<Enter>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    assert_eq!(
        f.app.open.as_ref().expect("open").session.assessment.name,
        "Board 2027"
    );
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.home.len(), 2);
    let victim = f.app.home[f.app.home_selected()].path.clone();
    press(&mut f.app, "dn");
    assert_eq!(f.app.home.len(), 2);
    press(&mut f.app, "dy");
    assert_eq!(f.app.home.len(), 1);
    assert!(!victim.exists());
    let deleted = f.app.ws.store.list_deleted().expect("deleted folder");
    assert_eq!(deleted.len(), 1, "the last version is kept in deleted/");
    assert_eq!(
        Some(deleted[0].id.as_str()),
        victim.file_stem().and_then(|s| s.to_str())
    );
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("supplycheck restore")));
}

#[test]
fn the_new_dialog_uses_the_organisation_built_ins_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace {
        store: Store::at(dir.path().to_path_buf()),
        catalog: Catalog::built_in(),
    };
    assert!(ws.catalog.get("supplier-review").is_some());
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    press(&mut app, "nBoard 2027<Enter>Acme<Enter>");
    let a = &app.open.as_ref().expect("open").session.assessment;
    let ids: Vec<&str> = a.questionnaires.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["ncsc-board", "cfcs-phases", "cert-exd"]);
}

#[test]
fn a_failed_save_is_shown_and_the_answer_kept() {
    let mut f = opened();
    let dir = f.app.ws.store.assessments_dir();
    std::fs::remove_dir_all(&dir).expect("remove");
    press(&mut f.app, "3");
    assert!(matches!(&f.app.status, Status::Error(m) if m.starts_with("Not saved")));
    let open = f.app.open.as_ref().expect("open");
    assert_eq!(
        open.session.assessment.answers["worked-example/a"].choice(),
        Some("largely")
    );
    std::fs::create_dir_all(&dir).expect("mkdir");
    press(&mut f.app, "<Tab>2");
    assert_eq!(f.app.status, Status::None);
    let a = saved(&f.app);
    assert_eq!(a.answers["worked-example/a"].choice(), Some("largely"));
}

#[test]
fn an_unreadable_file_is_listed_with_why_and_never_opened() {
    let mut f = at_home();
    let bad = f.app.ws.store.assessments_dir().join("broken.json");
    std::fs::write(&bad, "{ \"format\": ").expect("write");
    refresh_home(&mut f.app);
    assert_eq!(f.app.home.len(), 2);
    let row = f
        .app
        .home
        .iter()
        .position(|r| r.error.is_some())
        .expect("listed");
    assert!(
        f.app.home[row]
            .error
            .as_deref()
            .is_some_and(|e| e.contains("line 1"))
    );
    f.app.screen = Screen::Home { selected: row };
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.screen, Screen::Home { .. }));
    assert!(matches!(&f.app.status, Status::Error(m) if m.contains("broken.json")));
    assert_eq!(
        std::fs::read_to_string(&bad).expect("read"),
        "{ \"format\": "
    );
}

#[test]
fn an_assessment_open_elsewhere_is_not_opened_twice() {
    let mut f = at_home();
    let path = f.app.home[0].path.clone();
    let _held = store::Session::open(&path).expect("first");
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.screen, Screen::Home { .. }));
    assert!(matches!(&f.app.status, Status::Error(m) if m.contains("another supplycheck process")));
}

#[test]
fn the_real_loop_runs_on_a_test_backend_with_mouse_clicks() {
    let mut f = opened();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    // Option 3 of item A sits on row 10 of an 80×24 screen (see the snapshots).
    let click = |column, row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    let events = VecDeque::from([click(40, 10), Event::Key(key_event("q"))]);
    run_loop(
        &mut terminal,
        &mut f.app,
        &mut ScriptedEvents(events),
        &AtomicBool::new(false),
        true,
    )
    .expect("loop");
    assert!(f.app.should_quit);
    let a = saved(&f.app);
    assert_eq!(a.answers["worked-example/a"].choice(), Some("largely"));
}
