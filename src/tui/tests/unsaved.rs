//! Changes that could not be saved are never forgotten: they are tried again, leaving asks
//! what to do with them, and a terminal that goes away keeps the text being written.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;

use super::snapshots::draw;
use super::{act, at_home, key_event, opened, press, refresh_home, saved};
use crate::assessment::QuestionnaireRef;
use crate::tui::action::Action;
use crate::tui::app::{Leaving, Mode, Screen, Status};
use crate::tui::terminal::{Events, run_loop};

/// Makes saving fail: the assessments folder moves away and a file takes its place (which
/// stops writes even for root). Returns where the folder went.
fn break_saving(dir: &Path) -> PathBuf {
    let folder = dir.join("assessments");
    let away = dir.join("assessments-away");
    std::fs::rename(&folder, &away).expect("move the folder away");
    std::fs::write(&folder, "not a folder").expect("a file in its place");
    away
}

/// Puts the folder back: saving works again.
fn mend_saving(dir: &Path, away: &Path) {
    let folder = dir.join("assessments");
    std::fs::remove_file(&folder).expect("remove the file");
    std::fs::rename(away, &folder).expect("move the folder back");
}

fn data_dir(f: &super::Fixture) -> PathBuf {
    f.app.ws.store.root().to_path_buf()
}

fn unsaved_dialog(app: &crate::tui::App) -> Option<&crate::tui::app::UnsavedDialog> {
    match &app.mode {
        Mode::Unsaved(d) => Some(d),
        _ => None,
    }
}

#[test]
fn quitting_with_unsaved_changes_asks_and_leaving_without_them_is_named() {
    let mut f = opened();
    let dir = data_dir(&f);
    let _away = break_saving(&dir);
    press(&mut f.app, "3");
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.starts_with("Not saved: ")
            && m.contains("tried again every few seconds")),
        "{:?}",
        f.app.status
    );
    press(&mut f.app, "<Tab>4");

    press(&mut f.app, "q");
    assert!(!f.app.should_quit, "q does not quit with changes unsaved");
    let d = unsaved_dialog(&f.app).expect("the question");
    assert_eq!(d.leaving, Leaving::Quit);
    assert!(
        f.app
            .unsaved_summary()
            .starts_with("2 changes to acme-2026 are not saved: "),
        "{}",
        f.app.unsaved_summary()
    );
    let screen = draw(&f.app, 80, 24);
    for words in [
        "Not saved",
        "2 changes to acme-2026 are not saved",
        "1 Try to save again",
        "2 Write them to another file",
        "3 Leave without them (they are lost)",
    ] {
        assert!(screen.contains(words), "{words} is not on:\n{screen}");
    }

    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.mode, Mode::Normal, "Esc stays");
    assert!(!f.app.should_quit);
    press(&mut f.app, "<C-c>");
    assert!(!f.app.should_quit, "nor does Ctrl-C quit");
    assert!(unsaved_dialog(&f.app).is_some());
    press(&mut f.app, "1");
    assert!(unsaved_dialog(&f.app).is_some(), "trying again fails");
    assert!(f.app.lost.is_empty());

    press(&mut f.app, "3");
    assert!(f.app.should_quit);
    assert_eq!(f.app.lost.len(), 1);
    let lost = &f.app.lost[0];
    assert!(
        lost.starts_with("2 changes to acme-2026 were not saved and are lost: "),
        "{lost}"
    );
    assert!(
        lost.contains("acme-2026.json holds the answers saved before"),
        "{lost}"
    );
}

#[test]
fn saving_is_tried_again_on_the_idle_tick_and_the_status_says_when_it_worked() {
    let mut f = opened();
    f.app.saving.retry_every = std::time::Duration::ZERO;
    let dir = data_dir(&f);
    let away = break_saving(&dir);
    press(&mut f.app, "3");
    act(&mut f.app, Action::Idle);
    assert!(matches!(&f.app.status, Status::Error(m) if m.starts_with("Not saved")));
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("not saved"), "{screen}");

    mend_saving(&dir, &away);
    act(&mut f.app, Action::Idle);
    assert_eq!(
        f.app.status,
        Status::Info("Saved at 12:00:00: every change is on disk again.".into())
    );
    assert!(f.app.saving.unsaved().is_none());
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].choice(),
        Some("largely")
    );
    press(&mut f.app, "q");
    assert!(f.app.should_quit);
    assert!(f.app.lost.is_empty());
}

#[test]
fn saved_on_the_idle_tick_while_the_question_is_up_leaves_as_asked() {
    let mut f = opened();
    f.app.saving.retry_every = std::time::Duration::ZERO;
    let dir = data_dir(&f);
    let away = break_saving(&dir);
    press(&mut f.app, "3q");
    assert!(unsaved_dialog(&f.app).is_some());
    act(&mut f.app, Action::Idle);
    assert!(unsaved_dialog(&f.app).is_some(), "still failing");
    mend_saving(&dir, &away);
    act(&mut f.app, Action::Idle);
    assert!(f.app.should_quit);
    assert!(f.app.lost.is_empty());
}

#[test]
fn closing_asks_too_and_trying_again_leaves_once_it_works() {
    let mut f = at_home();
    press(&mut f.app, "<Enter>");
    let dir = data_dir(&f);
    let away = break_saving(&dir);
    press(&mut f.app, "3<Esc>");
    let d = unsaved_dialog(&f.app).expect("the question");
    assert_eq!(d.leaving, Leaving::Close);
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    mend_saving(&dir, &away);
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.screen, Screen::Home { .. }));
    assert!(f.app.open.is_none());
    assert!(!f.app.should_quit);
    let path = f.app.home[0].path.clone();
    let a = crate::store::load(&path).expect("load");
    assert_eq!(a.answers["worked-example/a"].choice(), Some("largely"));
}

#[test]
fn the_changes_can_be_written_to_a_new_file_never_over_one() {
    let mut f = opened();
    let elsewhere = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(elsewhere.path().to_path_buf());
    let dir = data_dir(&f);
    let _away = break_saving(&dir);
    press(&mut f.app, "3q2");
    let d = unsaved_dialog(&f.app).expect("the question");
    let field = d.file.as_ref().expect("the file name field");
    assert_eq!(field.text(), "acme-2026-not-saved.json");

    let taken = elsewhere.path().join("acme-2026-not-saved.json");
    std::fs::write(&taken, "precious").expect("write");
    press(&mut f.app, "<Enter>");
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.contains("a file of that name exists")),
        "{:?}",
        f.app.status
    );
    assert_eq!(std::fs::read_to_string(&taken).expect("read"), "precious");
    assert!(!f.app.should_quit);

    press(
        &mut f.app,
        "<Backspace><Backspace><Backspace><Backspace><Backspace>-2.json",
    );
    press(&mut f.app, "<Enter>");
    assert!(f.app.should_quit);
    assert!(f.app.lost.is_empty(), "nothing is lost");
    assert_eq!(f.app.farewell.len(), 1);
    assert!(f.app.farewell[0].contains("acme-2026-not-saved-2.json"));
    let copy = crate::store::load(&elsewhere.path().join("acme-2026-not-saved-2.json"))
        .expect("the copy loads");
    assert_eq!(copy.answers["worked-example/a"].choice(), Some("largely"));
}

#[test]
fn hanging_up_keeps_the_text_being_written() {
    let mut f = opened();
    press(&mut f.app, "eA note typed just now");
    crate::tui::effects::hang_up(&mut f.app);
    assert!(f.app.should_quit);
    assert!(f.app.lost.is_empty());
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("A note typed just now")
    );
}

#[test]
fn hanging_up_with_changes_unsaved_names_them() {
    let mut f = opened();
    let dir = data_dir(&f);
    let _away = break_saving(&dir);
    press(&mut f.app, "eA note");
    crate::tui::effects::hang_up(&mut f.app);
    assert!(f.app.should_quit);
    assert_eq!(f.app.lost.len(), 1);
    assert!(
        f.app.lost[0].starts_with("1 change to acme-2026 was not saved and is lost"),
        "{}",
        f.app.lost[0]
    );
}

/// Keys, then the terminal fails as a closed one does.
struct Vanishing(VecDeque<Event>);

impl Events for Vanishing {
    fn next(&mut self) -> std::io::Result<Option<Event>> {
        match self.0.pop_front() {
            Some(event) => Ok(Some(event)),
            None => Err(std::io::Error::from_raw_os_error(5)),
        }
    }
}

#[test]
fn a_terminal_that_fails_to_read_ends_the_loop_with_the_note_saved() {
    let mut f = opened();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let events: VecDeque<Event> = "eclosing the window"
        .chars()
        .map(|c| Event::Key(key_event(&c.to_string())))
        .collect();
    let ended = run_loop(
        &mut terminal,
        &mut f.app,
        &mut Vanishing(events),
        &AtomicBool::new(false),
        false,
    );
    let err = ended.expect_err("the read error is returned");
    assert!(
        format!("{err:#}").starts_with("cannot read from the terminal"),
        "{err:#}"
    );
    assert!(f.app.should_quit);
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("closing the window")
    );
}

#[test]
fn a_signal_ends_the_loop_with_the_note_saved() {
    let mut f = opened();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    press(&mut f.app, "esignalled");
    run_loop(
        &mut terminal,
        &mut f.app,
        &mut Vanishing(VecDeque::new()),
        &AtomicBool::new(true),
        false,
    )
    .expect("a signal ends the loop cleanly");
    assert_eq!(
        saved(&f.app).answers["worked-example/a"].note.as_deref(),
        Some("signalled")
    );
}

#[test]
fn a_missing_questionnaire_is_named_with_its_version() {
    let mut f = at_home();
    let path = f.app.home[0].path.clone();
    let mut a = crate::store::load(&path).expect("load");
    a.questionnaires = vec![QuestionnaireRef {
        id: "myq".into(),
        version: "1.2.0".into(),
    }];
    crate::store::save(&path, &a).expect("save");
    refresh_home(&mut f.app);
    press(&mut f.app, "<Enter>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    let folder = f.app.ws.store.questionnaires_dir();
    let words = format!(
        "This assessment uses questionnaire \"myq\" 1.2.0, which is not available. Load it \
         with --questionnaire-file FILE or put it in {}/.",
        folder.display()
    );
    assert_eq!(f.app.status, Status::Error(words));
    let screen = draw(&f.app, 160, 48);
    assert!(!screen.contains("has no items"), "{screen}");
    let flat = screen
        .lines()
        .map(|l| l.trim_matches(|c: char| c == '"' || c == '│' || c.is_whitespace()))
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "This assessment uses questionnaire",
        "\"myq\" 1.2.0, which is not available.",
        "--questionnaire-file FILE",
    ] {
        assert!(flat.contains(words), "{words} is not on:\n{screen}");
    }
}
