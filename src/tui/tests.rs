//! Tests of the app without a terminal: keys in, state and saved file out; and screen
//! snapshots drawn on ratatui's `TestBackend`.

use std::collections::VecDeque;
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::action::Action;
use super::app::{App, Mode, Screen, Status};
use super::terminal::{ScriptedEvents, action_for_event, run_loop};
use super::theme::Theme;
use crate::assessment::{Answer, Assessment};
use crate::catalog::Catalog;
use crate::questionnaire::Questionnaire;
use crate::store::{self, Store};
use crate::workspace::Workspace;

const EXAMPLE: &str = include_str!("../../tests/fixtures/worked-example.json");

struct Fixture {
    _dir: tempfile::TempDir,
    app: App,
}

fn workspace(dir: &std::path::Path) -> Workspace {
    let (q, _) = Questionnaire::load_str(EXAMPLE, "worked-example.json").expect("fixture loads");
    let mut catalog = Catalog::default();
    catalog.insert(q);
    Workspace {
        store: Store::at(dir.to_path_buf()),
        catalog,
    }
}

/// An app at home with one assessment of the worked example, not yet opened.
fn at_home() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    ws.create(
        "Acme 2026",
        "Acme Ltd",
        None,
        &["worked-example".to_string()],
    )
    .expect("create");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.new_questionnaires = vec!["worked-example".to_string()];
    Fixture { _dir: dir, app }
}

/// An app in the questionnaire of the worked example (opened with `open`).
fn opened() -> Fixture {
    let mut f = at_home();
    f.app.open_at_start("acme-2026").expect("opens");
    f
}

/// Creates an assessment of the worked example in the workspace, answered by `answers`
/// (item id, answer), last changed at `updated`. Returns its id.
fn add_assessment(
    ws: &Workspace,
    name: &str,
    respondent: Option<&str>,
    updated: &str,
    answers: &[(&str, Answer)],
) -> String {
    let (path, mut a) = ws
        .create(
            name,
            "Acme Ltd",
            respondent.map(String::from),
            &["worked-example".to_string()],
        )
        .expect("create");
    for (item, answer) in answers {
        a.answers
            .insert(format!("worked-example/{item}"), answer.clone());
    }
    a.updated = updated.parse().expect("a time");
    store::save(&path, &a).expect("save");
    a.id
}

fn choice(key: &str) -> Answer {
    Answer {
        choice: Some(key.to_string()),
        ..Answer::default()
    }
}

fn ticked(checks: &[&str]) -> Answer {
    Answer {
        checked: Some(checks.iter().map(|c| (*c).to_string()).collect()),
        ..Answer::default()
    }
}

/// An app in a workshop: three respondents' answers merged. They agree on item B and
/// disagree on item A (fully, largely, fully: a spread of 33%) and on checklist D (both
/// checks, none, both: a spread of 100%).
fn workshop() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let noted = Answer {
        note: Some("Audited in March".into()),
        ..choice("fully")
    };
    let answers = [
        (
            "Alice",
            vec![
                ("a", noted),
                ("b", choice("largely")),
                ("d", ticked(&["x", "y"])),
            ],
        ),
        (
            "Bob",
            vec![
                ("a", choice("largely")),
                ("b", choice("largely")),
                ("d", ticked(&[])),
            ],
        ),
        (
            "Carol",
            vec![
                ("a", choice("fully")),
                ("b", choice("largely")),
                ("d", ticked(&["x", "y"])),
            ],
        ),
    ];
    let loaded: Vec<Assessment> = answers
        .iter()
        .map(|(who, given)| {
            let id = add_assessment(&ws, who, Some(who), "2026-11-20T10:00:00Z", given);
            ws.load(&id).expect("load").1
        })
        .collect();
    let inputs: Vec<crate::merge::Input<'_>> = loaded
        .iter()
        .map(|a| crate::merge::Input {
            source: &a.id,
            assessment: a,
        })
        .collect();
    let mut merged = crate::merge::merge(&inputs, &ws.catalog, "workshop".into(), false)
        .expect("merge")
        .assessment;
    merged.name = "Acme workshop".into();
    store::create(&ws.store.path_of("workshop"), &merged).expect("write");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("workshop").expect("opens");
    Fixture { _dir: dir, app }
}

fn key_event(token: &str) -> KeyEvent {
    let code = match token {
        "<Enter>" => KeyCode::Enter,
        "<Esc>" => KeyCode::Esc,
        "<Tab>" => KeyCode::Tab,
        "<BackTab>" => KeyCode::BackTab,
        "<Up>" => KeyCode::Up,
        "<Down>" => KeyCode::Down,
        "<Left>" => KeyCode::Left,
        "<Right>" => KeyCode::Right,
        "<Backspace>" => KeyCode::Backspace,
        "<C-c>" | "<C-s>" | "<C-x>" => {
            let c = token.chars().nth(3).expect("letter");
            return KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        }
        t => KeyCode::Char(t.chars().next().expect("a key")),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Splits "ab<Enter>c" into key tokens.
fn tokens(keys: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = keys.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<' && chars.peek().is_some_and(char::is_ascii_uppercase) {
            let mut t = String::from("<");
            for n in chars.by_ref() {
                t.push(n);
                if n == '>' {
                    break;
                }
            }
            out.push(t);
        } else {
            out.push(c.to_string());
        }
    }
    out
}

/// Presses keys as the event loop would.
fn press(app: &mut App, keys: &str) {
    for t in tokens(keys) {
        let event = Event::Key(key_event(&t));
        if let Some(action) = action_for_event(app, Rect::new(0, 0, 80, 24), &event) {
            app.update(action);
        }
    }
}

fn saved(app: &App) -> Assessment {
    let path = &app.open.as_ref().expect("open").session.path;
    store::load(path).expect("saved file loads")
}

fn current_id(app: &App) -> String {
    let open = app.open.as_ref().expect("open");
    open.items[open.current].full.clone()
}

#[test]
fn number_keys_answer_and_save_at_once() {
    let mut f = opened();
    press(&mut f.app, "4<Tab>3");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/a"].choice.as_deref(),
        Some("fully")
    );
    assert_eq!(
        a.answers["worked-example/b"].choice.as_deref(),
        Some("largely")
    );
    assert_eq!(f.app.saved_at.as_deref(), Some("12:00:00"));
    // Space chooses the highlighted option.
    press(&mut f.app, "<Tab>kkk ");
    assert_eq!(
        saved(&f.app).answers["worked-example/c"].choice.as_deref(),
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
    assert_eq!(d.checked.as_deref(), Some(&["x".to_string()][..]));
    assert_eq!(d.na_checks, ["y"]);
    press(&mut f.app, "k ");
    let d = &saved(&f.app).answers["worked-example/d"];
    assert_eq!(d.checked.as_deref(), Some(&[][..]));
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
        a.answers["worked-example/strategy"].text.as_deref(),
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
    assert!(a.na);
    press(&mut f.app, "ao8f");
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
fn q_quits_from_an_assessment_opened_with_open_but_goes_home_otherwise() {
    let mut f = opened();
    press(&mut f.app, "r");
    assert_eq!(f.app.screen, Screen::Results);
    press(&mut f.app, "b");
    assert_eq!(f.app.screen, Screen::Board);
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.screen, Screen::Questionnaire);
    press(&mut f.app, "q");
    assert!(f.app.should_quit);

    let mut f = at_home();
    press(&mut f.app, "<Enter>");
    assert_eq!(f.app.screen, Screen::Questionnaire);
    press(&mut f.app, "q");
    assert_eq!(f.app.screen, Screen::Home);
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
    assert_eq!(f.app.screen, Screen::Questionnaire);
    assert_eq!(
        f.app.open.as_ref().expect("open").session.assessment.name,
        "Board 2027"
    );
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.home.len(), 2);
    let victim = f.app.home[f.app.home_selected].path.clone();
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
fn a_failed_save_is_shown_and_the_answer_kept() {
    let mut f = opened();
    let dir = f.app.ws.store.assessments_dir();
    std::fs::remove_dir_all(&dir).expect("remove");
    press(&mut f.app, "3");
    assert!(matches!(&f.app.status, Status::Error(m) if m.starts_with("Not saved")));
    let open = f.app.open.as_ref().expect("open");
    assert_eq!(
        open.session.assessment.answers["worked-example/a"]
            .choice
            .as_deref(),
        Some("largely")
    );
    std::fs::create_dir_all(&dir).expect("mkdir");
    press(&mut f.app, "<Tab>2");
    assert_eq!(f.app.status, Status::None);
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/a"].choice.as_deref(),
        Some("largely")
    );
}

#[test]
fn an_unreadable_file_is_listed_with_why_and_never_opened() {
    let mut f = at_home();
    let bad = f.app.ws.store.assessments_dir().join("broken.json");
    std::fs::write(&bad, "{ \"format\": ").expect("write");
    f.app.refresh_home();
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
    f.app.home_selected = row;
    press(&mut f.app, "<Enter>");
    assert_eq!(f.app.screen, Screen::Home);
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
    assert_eq!(f.app.screen, Screen::Home);
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
    assert_eq!(
        a.answers["worked-example/a"].choice.as_deref(),
        Some("largely")
    );
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
    assert_eq!(f.app.screen, Screen::Results);
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
fn disagreements_are_listed_by_spread_and_settled_with_a_respondents_answer() {
    let mut f = workshop();
    let open = f.app.open.as_ref().expect("open");
    let listed: Vec<(&str, f64)> = open
        .disputes
        .iter()
        .map(|d| (d.item.as_str(), (d.spread * 100.0).round()))
        .collect();
    assert_eq!(
        listed,
        [("worked-example/d", 100.0), ("worked-example/a", 33.0)]
    );
    press(&mut f.app, "D");
    assert_eq!(f.app.screen, Screen::Disagreements);
    assert_eq!(
        f.app.open.as_ref().expect("open").dispute_selected,
        1,
        "at the current item"
    );
    press(&mut f.app, "k2");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/d"].checked.as_deref(),
        Some(&[][..]),
        "Bob ticked nothing"
    );
    assert!(!a.responses.contains_key("worked-example/d"));
    assert!(
        a.responses.contains_key("worked-example/a"),
        "the other stays"
    );
    assert_eq!(f.app.saved_at.as_deref(), Some("12:00:00"));
    assert!(
        matches!(&f.app.status, Status::Info(m) if m == "Settled with Bob's answer (0 of 2 checks in place); 1 left.")
    );
    let open = f.app.open.as_ref().expect("open");
    assert_eq!(open.disputes.len(), 1);
    assert_eq!(open.disputes[0].item, "worked-example/a");
    // There is no fourth respondent; → and Space settle with the highlighted one.
    press(&mut f.app, "4");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("no respondent 4")));
    press(&mut f.app, "<Right> ");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/a"].choice.as_deref(),
        Some("largely")
    );
    assert_eq!(
        a.answers["worked-example/a"].note.as_deref(),
        Some("Alice: Audited in March"),
        "the merged note stays"
    );
    assert!(a.responses.is_empty());
    assert!(
        matches!(&f.app.status, Status::Info(m) if m.contains("Every disagreement is settled"))
    );
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.screen, Screen::Questionnaire);
    press(&mut f.app, "D");
    assert_eq!(f.app.screen, Screen::Questionnaire, "nothing left to show");
}

#[test]
fn enter_in_the_disagreements_goes_to_the_item() {
    let mut f = workshop();
    press(&mut f.app, "Dk<Enter>");
    assert_eq!(f.app.screen, Screen::Questionnaire);
    assert_eq!(current_id(&f.app), "worked-example/d");
    // A click on the second row of the list highlights it; a second click goes there.
    press(&mut f.app, "D");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 6,
        modifiers: KeyModifiers::NONE,
    });
    let action = action_for_event(&f.app, Rect::new(0, 0, 80, 24), &click);
    assert_eq!(action, Some(Action::ClickRow(1)));
    f.app.update(Action::ClickRow(1));
    f.app.update(Action::ClickRow(1));
    assert_eq!(current_id(&f.app), "worked-example/a");
}

#[test]
fn answering_a_disputed_item_settles_it_and_u_finds_disputed_items() {
    let mut f = workshop();
    assert_eq!(
        current_id(&f.app),
        "worked-example/a",
        "the first unanswered"
    );
    press(&mut f.app, "u");
    assert_eq!(current_id(&f.app), "worked-example/c");
    press(&mut f.app, "u");
    assert_eq!(
        current_id(&f.app),
        "worked-example/d",
        "a disputed item is unanswered"
    );
    // A note is not an answer: the dispute stays.
    press(&mut f.app, "eTo discuss<Esc>");
    assert!(saved(&f.app).responses.contains_key("worked-example/d"));
    press(&mut f.app, "1");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/d"].checked.as_deref(),
        Some(&["x".to_string()][..])
    );
    assert!(!a.responses.contains_key("worked-example/d"));
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("settled")));
    press(&mut f.app, "/item a<Enter>3");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/a"].choice.as_deref(),
        Some("largely")
    );
    assert!(a.responses.is_empty());
    assert!(f.app.open.as_ref().expect("open").disputes.is_empty());
}

/// The worked example answered so that the score moves by a known amount: before, A is
/// not implemented (0) and B fully (1), a score of 2/3; after, A fully (1) and B partially
/// (0.33), a score of 1.66/3. The change: −11 points.
fn compared(other_updated: &str) -> Fixture {
    let mut f = at_home();
    add_assessment(
        &f.app.ws,
        "Acme 2025",
        None,
        other_updated,
        &[("a", choice("not")), ("b", choice("fully"))],
    );
    f.app.refresh_home();
    let row = f
        .app
        .home
        .iter()
        .position(|r| r.name == "Acme 2026")
        .expect("listed");
    f.app.home_selected = row;
    press(&mut f.app, "<Enter>4<Tab>2r");
    f
}

#[test]
fn comparing_shows_each_sections_change() {
    let mut f = compared("2025-11-20T10:00:00Z");
    press(&mut f.app, "c");
    assert!(matches!(f.app.mode, Mode::Picker(_)));
    assert_eq!(f.app.compare_candidates().len(), 1, "not the open one");
    press(&mut f.app, "1");
    let open = f.app.open.as_ref().expect("open");
    let c = open.compare.as_ref().expect("compared");
    assert!(c.is_before);
    let change = c.section("worked-example/planning").expect("section");
    assert_eq!(change.direction(), Some(std::cmp::Ordering::Less));
    let delta = change.score_delta.expect("delta");
    assert!((delta - (1.66 - 2.0) / 3.0).abs() < 1e-9, "{delta}");
    let screen = snapshots::draw(&f.app, 100, 30);
    assert!(
        screen.contains("compared with Acme 2025 (before)"),
        "{screen}"
    );
    assert!(screen.contains("▼ -11"), "{screen}");
    // The comparison follows a change to the open assessment.
    press(&mut f.app, "<Esc>3r");
    let open = f.app.open.as_ref().expect("open");
    let change = open.compare.as_ref().expect("kept").comparison.overall;
    assert!((change.score_delta.expect("delta") - (1.0 + 2.0 * 0.67 - 2.0) / 3.0).abs() < 1e-9);
    // c again stops comparing.
    press(&mut f.app, "c");
    assert!(f.app.open.as_ref().expect("open").compare.is_none());
    assert!(!snapshots::draw(&f.app, 100, 30).contains("compared with"));
}

#[test]
fn the_board_pack_written_while_comparing_says_what_changed() {
    let mut f = compared("2025-11-20T10:00:00Z");
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "c1w");
    let Mode::WriteReport(form) = &f.app.mode else {
        panic!("the file dialog is open");
    };
    let name = form.file.text().replace(".html", ".md");
    press(
        &mut f.app,
        "<Backspace><Backspace><Backspace><Backspace>md<Enter>",
    );
    let md = std::fs::read_to_string(out.path().join(&name)).expect("written");
    assert!(md.contains("## Since Acme 2025"), "{md}");
    assert_eq!(
        f.app.status,
        Status::Info(format!("Wrote {name}, with what changed since Acme 2025"))
    );
    // Without a comparison, the pack is the plain one.
    press(
        &mut f.app,
        "cw<Backspace><Backspace><Backspace><Backspace>md<Enter><Enter>",
    );
    assert_eq!(f.app.status, Status::Info(format!("Wrote {name}")));
    let md = std::fs::read_to_string(out.path().join(&name)).expect("written");
    assert!(!md.contains("## Since"), "{md}");
}

#[test]
fn a_later_assessment_is_after_and_no_comparison_clears_it() {
    let mut f = compared("2099-01-01T00:00:00Z");
    press(&mut f.app, "c<Enter>");
    let c = f
        .app
        .open
        .as_ref()
        .expect("open")
        .compare
        .as_ref()
        .expect("compared");
    assert!(!c.is_before);
    assert_eq!(
        c.comparison.overall.direction(),
        Some(std::cmp::Ordering::Greater)
    );
    let screen = snapshots::draw(&f.app, 100, 30);
    assert!(
        screen.contains("compared with Acme 2025 (after)"),
        "{screen}"
    );
    assert!(screen.contains("▲ +11"), "{screen}");
    press(&mut f.app, "c");
    press(&mut f.app, "c");
    press(&mut f.app, "j<Enter>");
    assert!(f.app.open.as_ref().expect("open").compare.is_none());
}

#[test]
fn c_at_home_opens_the_results_with_the_comparison_picker() {
    let mut f = compared("2025-11-20T10:00:00Z");
    press(&mut f.app, "q");
    assert_eq!(f.app.screen, Screen::Questionnaire);
    press(&mut f.app, "q");
    assert_eq!(f.app.screen, Screen::Home);
    let row = f
        .app
        .home
        .iter()
        .position(|r| r.name == "Acme 2026")
        .expect("listed");
    f.app.home_selected = row;
    press(&mut f.app, "c");
    assert_eq!(f.app.screen, Screen::Results);
    assert!(matches!(f.app.mode, Mode::Picker(_)));
    press(&mut f.app, "<Enter>");
    assert!(f.app.open.as_ref().expect("open").compare.is_some());
}

#[test]
fn w_at_home_writes_the_board_pack() {
    let mut f = at_home();
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "w");
    assert!(matches!(f.app.mode, Mode::WriteReport(_)));
    press(&mut f.app, "<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    let file = out.path().join("acme-2026-board-pack.html");
    let html = std::fs::read_to_string(&file).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..40]);
    assert!(html.contains("Acme 2026"));
    assert_eq!(
        f.app.status,
        Status::Info("Wrote acme-2026-board-pack.html".into())
    );
    // An existing file is replaced only on a second Enter.
    std::fs::write(&file, "old").expect("write");
    press(&mut f.app, "w<Enter>");
    assert!(matches!(f.app.mode, Mode::WriteReport(_)));
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("exists")));
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "old");
    press(&mut f.app, "<Enter>");
    assert!(
        std::fs::read_to_string(&file)
            .expect("read")
            .starts_with("<!DOCTYPE html>")
    );
}

#[test]
fn the_format_follows_the_file_name() {
    let mut f = opened();
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "3r");
    press(
        &mut f.app,
        "w<Backspace><Backspace><Backspace><Backspace>txt<Enter>",
    );
    assert!(
        matches!(f.app.mode, Mode::WriteReport(_)),
        "the dialog stays"
    );
    assert!(matches!(&f.app.status, Status::Error(m) if m.contains(".html, .md, .csv or .json")));
    press(&mut f.app, "<Backspace><Backspace><Backspace>md<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    let md = std::fs::read_to_string(out.path().join("acme-2026-board-pack.md")).expect("md");
    assert!(md.starts_with("# "), "{md}");
    press(&mut f.app, "b");
    assert_eq!(f.app.screen, Screen::Board);
    press(
        &mut f.app,
        "w<Backspace><Backspace><Backspace><Backspace>csv<Enter>",
    );
    let csv = std::fs::read_to_string(out.path().join("acme-2026-board-pack.csv")).expect("csv");
    assert!(csv.contains("worked-example/a"));
    // A folder that does not exist: the dialog says why and stays.
    press(&mut f.app, "w");
    press(&mut f.app, &"<Backspace>".repeat(25));
    f.app
        .update(Action::Paste("no-such-folder/pack.json".into()));
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.mode, Mode::WriteReport(_)));
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.starts_with("Not written")),
        "{:?}",
        f.app.status
    );
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.status, Status::Info("No file was written.".into()));
}

#[test]
fn a_board_pack_written_after_a_change_holds_the_time_it_was_saved() {
    let mut f = at_home();
    add_assessment(&f.app.ws, "Acme 2020", None, "2020-01-01T00:00:00Z", &[]);
    f.app.refresh_home();
    f.app.home_selected = f
        .app
        .home
        .iter()
        .position(|r| r.name == "Acme 2020")
        .expect("listed");
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "<Enter>3rw");
    let Mode::WriteReport(form) = &f.app.mode else {
        panic!("the file dialog is open");
    };
    let name = form.file.text().replace(".html", ".json");
    press(
        &mut f.app,
        "<Backspace><Backspace><Backspace><Backspace>json<Enter>",
    );
    let text = std::fs::read_to_string(out.path().join(&name)).expect("written");
    let pack: serde_json::Value = serde_json::from_str(&text).expect("json");
    let updated = crate::stamp::stored(&saved(&f.app).updated);
    assert_ne!(updated, "2020-01-01T00:00:00Z", "the change is saved");
    assert_eq!(pack["assessment"]["updated"], updated.as_str());
}

mod unsaved;

mod snapshots {
    use super::*;

    pub(super) fn draw(app: &App, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|frame| super::super::ui::view(app, frame))
            .expect("draw");
        terminal.backend().to_string()
    }

    /// An assessment with answers of every kind, a flag, an owner and a note.
    fn answered() -> Fixture {
        let mut f = opened();
        press(&mut f.app, "3fojj<Enter>eAgreed at the workshop<Esc>");
        press(&mut f.app, "<Tab>2<Tab>1<Tab>1jx<Tab><Tab>");
        press(
            &mut f.app,
            "<Enter>We accept little risk from suppliers.<Esc>",
        );
        f.app.status = Status::None;
        f
    }

    fn both(name: &str, app: &App) {
        insta::assert_snapshot!(format!("{name}_80x24"), draw(app, 80, 24));
        insta::assert_snapshot!(format!("{name}_160x48"), draw(app, 160, 48));
    }

    #[test]
    fn home() {
        let mut f = answered();
        press(&mut f.app, "<Esc>");
        let path = f.app.home[0].path.clone();
        let mut a = store::load(&path).expect("load");
        a.updated = "2026-11-22T11:32:05Z".parse().expect("a time");
        store::save(&path, &a).expect("save");
        f.app.refresh_home();
        f.app.status = Status::None;
        both("home", &f.app);
    }

    #[test]
    fn questionnaire_choice() {
        let f = answered();
        let mut app = f.app;
        press(&mut app, "gj<Enter>");
        press(&mut app, "/item a<Enter>");
        both("questionnaire_choice", &app);
    }

    #[test]
    fn questionnaire_checklist() {
        let mut f = answered();
        press(&mut f.app, "/item d<Enter>");
        both("questionnaire_checklist", &f.app);
    }

    #[test]
    fn questionnaire_text() {
        let mut f = answered();
        press(&mut f.app, "/strategy<Enter>");
        both("questionnaire_text", &f.app);
    }

    #[test]
    fn note_editor() {
        let mut f = answered();
        press(&mut f.app, "/item a<Enter>e and signed off");
        both("note_editor", &f.app);
    }

    #[test]
    fn results() {
        let mut f = answered();
        press(&mut f.app, "r");
        both("results", &f.app);
    }

    #[test]
    fn board() {
        let mut f = answered();
        press(&mut f.app, "b");
        both("board", &f.app);
    }

    #[test]
    fn disagreements() {
        let mut f = workshop();
        press(&mut f.app, "D");
        insta::assert_snapshot!("disagreements_notes_80x24", draw(&f.app, 80, 24));
        press(&mut f.app, "k");
        both("disagreements", &f.app);
    }

    #[test]
    fn questionnaire_disputed() {
        let f = workshop();
        insta::assert_snapshot!("questionnaire_disputed_80x24", draw(&f.app, 80, 24));
    }

    #[test]
    fn results_compared() {
        let mut f = answered();
        add_assessment(
            &f.app.ws,
            "Acme 2025",
            None,
            "2025-11-20T10:00:00Z",
            &[
                ("a", choice("fully")),
                ("b", choice("not")),
                ("c", choice("partial")),
            ],
        );
        press(&mut f.app, "rc1");
        f.app.status = Status::None;
        both("results_compared", &f.app);
    }

    #[test]
    fn help() {
        let mut f = answered();
        press(&mut f.app, "?");
        both("help", &f.app);
    }

    #[test]
    fn the_monochrome_theme_draws_without_colour_and_still_shows_focus() {
        let mut f = answered();
        f.app.theme = Theme::monochrome();
        for keys in ["/item a<Enter>", "r", "b", "?"] {
            press(&mut f.app, keys);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            terminal
                .draw(|frame| super::super::ui::view(&f.app, frame))
                .expect("draw");
            let buffer = terminal.backend().buffer();
            for cell in buffer.content() {
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
            }
            assert!(
                buffer
                    .content()
                    .iter()
                    .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
                "{keys}: focus shows by reverse video"
            );
        }
    }

    #[test]
    fn the_workshop_views_draw_without_colour_too() {
        let mut f = workshop();
        f.app.theme = Theme::monochrome();
        add_assessment(&f.app.ws, "Acme 2025", None, "2025-11-20T10:00:00Z", &[]);
        for keys in ["D", "<Esc>rc1", "w"] {
            press(&mut f.app, keys);
            let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
            terminal
                .draw(|frame| super::super::ui::view(&f.app, frame))
                .expect("draw");
            let buffer = terminal.backend().buffer();
            for cell in buffer.content() {
                assert_eq!(cell.fg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
                assert_eq!(cell.bg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
            }
            assert!(
                buffer
                    .content()
                    .iter()
                    .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
                "{keys}: focus shows by reverse video"
            );
        }
        let screen = draw(&f.app, 80, 24);
        assert!(screen.contains("Write the board pack"), "{screen}");
        assert!(screen.contains("workshop-board-pack.html"), "{screen}");
    }

    #[test]
    fn too_small() {
        let f = answered();
        insta::assert_snapshot!("too_small", draw(&f.app, 40, 10));
    }

    #[test]
    fn hostile_text_never_reaches_the_terminal() {
        let mut f = opened();
        press(&mut f.app, "e");
        f.app
            .update(Action::Paste("evil\u{1b}]0;owned\u{7}\u{1b}[2J".into()));
        press(&mut f.app, "<Esc>");
        let screen = draw(&f.app, 80, 24);
        assert!(!screen.contains('\u{1b}'));
        assert!(screen.contains("evil"));
    }
}

#[test]
fn w_never_writes_over_an_assessment() {
    let mut f = at_home();
    let path = f.app.ws.store.path_of("acme-2026");
    let before = std::fs::read(&path).expect("read");
    let out = tempfile::tempdir().expect("tempdir");
    let copy = out.path().join("copy.json");
    std::fs::copy(&path, &copy).expect("copy");
    let in_store = f.app.ws.store.assessments_dir().join("pack.html");
    for (target, why) in [
        (&path, "assessments folder"),
        (&in_store, "assessments folder"),
        (&copy, "it is a supplycheck assessment"),
    ] {
        press(&mut f.app, "w");
        press(&mut f.app, &"<Backspace>".repeat(40));
        f.app.update(Action::Paste(target.display().to_string()));
        // Refused at once, and again on a second Enter: never "Enter again replaces it".
        for _ in 0..2 {
            press(&mut f.app, "<Enter>");
            assert!(
                matches!(f.app.mode, Mode::WriteReport(_)),
                "the dialog stays"
            );
            assert!(
                matches!(&f.app.status, Status::Error(m)
                    if m.starts_with("Not written: ") && m.contains(why)),
                "{:?}",
                f.app.status
            );
        }
        press(&mut f.app, "<Esc>");
    }
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(std::fs::read(&copy).expect("read"), before);
    assert!(!in_store.exists());
}
