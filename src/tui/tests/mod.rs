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
use super::app::{AfterList, App, Effect, Mode, Screen, Status};
use super::terminal::{ScriptedEvents, action_for_event, run_loop};
use super::theme::Theme;
use crate::assessment::{Answer, Assessment, Value};
use crate::catalog::Catalog;
use crate::questionnaire::Questionnaire;
use crate::store::{self, Store};
use crate::workspace::Workspace;

const EXAMPLE: &str = include_str!("../../../tests/fixtures/worked-example.json");

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
    Answer::from(Value::Choice(key.to_string()))
}

fn ticked(checks: &[&str]) -> Answer {
    Answer::from(Value::Checklist {
        ticked: checks.iter().map(|c| (*c).to_string()).collect(),
        na_checks: Vec::new(),
    })
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
        "<PgUp>" => KeyCode::PageUp,
        "<PgDn>" => KeyCode::PageDown,
        "<C-c>" | "<C-s>" | "<C-x>" | "<C-z>" => {
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

/// Presses keys as the event loop would: each action's effects are performed.
fn press(app: &mut App, keys: &str) {
    for t in tokens(keys) {
        let event = Event::Key(key_event(&t));
        if let Some(action) = action_for_event(app, Rect::new(0, 0, 80, 24), &event) {
            act(app, action);
        }
    }
}

/// Reads the list of assessments again, as the loop does when asked.
fn refresh_home(app: &mut App) {
    crate::tui::effects::perform(app, vec![Effect::ListHome(AfterList::Nothing)]);
}

/// Applies one action as the event loop would, performing its effects.
fn act(app: &mut App, action: Action) {
    let asked = app.update(action);
    crate::tui::effects::perform(app, asked);
}

fn saved(app: &App) -> Assessment {
    let path = &app.open.as_ref().expect("open").session.path;
    store::load(path).expect("saved file loads")
}

fn current_id(app: &App) -> String {
    let open = app.open.as_ref().expect("open");
    open.items[open.current].full.clone()
}

mod board;
mod board_page;
mod by_rule;
mod facilitator;
mod followup;
mod home;
mod item;
mod plan_gap;
mod portfolio;
mod report;
mod snapshots;
mod supplier;
mod unsaved;
mod upgrade;
mod workshop;
