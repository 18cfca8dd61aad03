//! `update` is pure: these drive it with actions and look at the effects it asks for,
//! without performing them — no file is read or written.

use std::path::PathBuf;

use super::{AfterList, AfterOpen, App, Effect, Leaving, Mode, Screen};
use crate::store::Store;
use crate::tui::action::Action;
use crate::tui::theme::Theme;
use crate::workspace::Workspace;

/// An app at home over a data directory that does not exist, with one row listed.
fn app_with_a_row() -> App {
    let ws = Workspace {
        store: Store::at(PathBuf::from("no-such-data-dir")),
        catalog: crate::catalog::Catalog::default(),
    };
    let mut app = App::new(ws, Theme::colour());
    app.home = vec![super::HomeRow {
        path: PathBuf::from("no-such-data-dir/assessments/acme.json"),
        id: "acme".into(),
        name: "Acme".into(),
        organisation: String::new(),
        updated: String::new(),
        answered: 0,
        total: 0,
        level: None,
        figures: None,
        error: None,
    }];
    app
}

#[test]
fn enter_at_home_asks_to_open_the_highlighted_file() {
    let mut app = app_with_a_row();
    let effects = app.update(Action::Open);
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Open(path, AfterOpen::Questionnaire)] if path.ends_with("acme.json")
        ),
        "{effects:?}"
    );
    assert!(
        app.open.is_none(),
        "nothing is opened until the loop does it"
    );
    let effects = app.update(Action::Compare);
    assert!(matches!(
        effects.as_slice(),
        [Effect::Open(_, AfterOpen::Compare)]
    ));
}

#[test]
fn deleting_is_asked_first_and_then_asked_of_the_loop() {
    let mut app = app_with_a_row();
    assert!(app.update(Action::Delete).is_empty());
    assert_eq!(app.mode, Mode::ConfirmDelete(0));
    let effects = app.update(Action::Confirm);
    assert!(
        matches!(effects.as_slice(), [Effect::Delete { name, .. }] if name == "Acme"),
        "{effects:?}"
    );
    assert!(
        app.home.len() == 1,
        "the list is read again only once deleted"
    );
}

#[test]
fn quitting_at_home_is_leaving_and_the_new_form_asks_to_create() {
    let mut app = app_with_a_row();
    let effects = app.update(Action::BackOrQuit);
    assert!(matches!(effects.as_slice(), [Effect::Leave(Leaving::Quit)]));
    assert!(!app.should_quit, "quitting waits for the last save");
    app.leave_if_saved(Leaving::Quit);
    assert!(app.should_quit);

    let mut app = app_with_a_row();
    assert!(app.update(Action::New).is_empty());
    for c in "Acme".chars() {
        assert!(app.update(Action::Input(c)).is_empty());
    }
    assert!(
        app.update(Action::Confirm).is_empty(),
        "on to the organisation"
    );
    let effects = app.update(Action::Confirm);
    assert!(
        matches!(effects.as_slice(), [Effect::Create { name, .. }] if name == "Acme"),
        "{effects:?}"
    );
}

#[test]
fn the_idle_tick_asks_nothing_when_everything_is_saved() {
    let mut app = app_with_a_row();
    assert!(app.update(Action::Idle).is_empty());
    assert!(app.update(Action::Down).is_empty());
    assert_eq!(app.screen, Screen::Home { selected: 0 });
}

#[test]
fn a_board_pack_name_without_a_format_is_refused_before_any_file_is_touched() {
    let mut app = app_with_a_row();
    assert!(app.update(Action::WriteReport).is_empty());
    assert!(matches!(app.mode, Mode::WriteReport(_)));
    for _ in 0.."acme-board-pack.html".len() {
        app.update(Action::Backspace);
    }
    for c in "pack.txt".chars() {
        app.update(Action::Input(c));
    }
    assert!(app.update(Action::Confirm).is_empty());
    let effects = {
        for _ in 0..3 {
            app.update(Action::Backspace);
        }
        for c in "md".chars() {
            app.update(Action::Input(c));
        }
        app.update(Action::Confirm)
    };
    assert!(
        matches!(effects.as_slice(), [Effect::WriteReport { path, .. }] if path.ends_with("pack.md")),
        "{effects:?}"
    );
}

#[test]
fn closing_hands_the_session_over_and_reads_the_list_again() {
    let mut app = app_with_a_row();
    app.close_now();
    let effects = app.take_effects();
    assert!(
        matches!(effects.as_slice(), [Effect::ListHome(AfterList::Nothing)]),
        "nothing open: nothing to close; {effects:?}"
    );
    assert_eq!(app.screen, Screen::HOME);
}
