//! Nothing typed is lost in a real terminal: changes that cannot be saved are asked about
//! before the app ends (and leaving without them ends with an error naming them), plain mode
//! says the same, and a terminal window closed while a note is being typed keeps the note.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::Env;
use common::pty::Term;

const ESC: &str = "\u{1b}";
const ENTER: &str = "\r";
const CTRL_C: &str = "\u{3}";
const DOWN: &str = "\u{1b}[B";

/// Makes saving fail in the data directory `dir`: the assessments folder moves away and a
/// file takes its place. This stops writes for every user, root included (a read-only
/// folder would not stop root). Returns where the folder went.
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

#[test]
fn leaving_without_unsaved_changes_is_asked_and_ends_with_an_error_naming_them() {
    let env = Env::new();
    let id = env.new_example("Pty test");
    let mut app = Term::start(env.dir.path(), &["open", &id], 24, 80);
    app.wait_for("Item A?");
    let away = break_saving(env.dir.path());

    app.press("3");
    app.wait_for("not saved");
    app.press("q");
    app.wait_for_all(&["1 change to pty-test is not saved", "1 Try to save again"]);
    app.press(ESC);
    std::thread::sleep(Duration::from_millis(300));
    app.press(CTRL_C);
    app.wait_for("3 Leave without them");
    app.press("3");

    let status = app.wait_exit();
    assert_eq!(status.exit_code(), 1, "leaving without them is an error");
    app.wait_for("error: 1 change to pty-test was not saved and is lost");
    app.screen(|screen| assert!(!screen.alternate_screen(), "the terminal is restored"));

    mend_saving(env.dir.path(), &away);
    let saved = env.saved(&id);
    assert!(
        saved["answers"].get("worked-example/a").is_none(),
        "the answer was never saved: {saved}"
    );
}

#[test]
fn trying_again_once_the_cause_is_fixed_saves_and_quits_cleanly() {
    let env = Env::new();
    let id = env.new_example("Pty test");
    let mut app = Term::start(env.dir.path(), &["open", &id], 24, 80);
    app.wait_for("Item A?");
    let away = break_saving(env.dir.path());

    app.press("3");
    app.wait_for("not saved");
    app.press("q");
    app.wait_for("1 Try to save again");
    mend_saving(env.dir.path(), &away);
    app.press("1");

    let status = app.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_eq!(
        env.saved(&id)["answers"]["worked-example/a"]["choice"],
        "largely"
    );
}

#[test]
fn sigterm_with_changes_unsaved_tries_once_more_and_ends_with_an_error_naming_them() {
    let env = Env::new();
    let id = env.new_example("Pty test");
    let mut app = Term::start(env.dir.path(), &["open", &id], 24, 80);
    app.wait_for("Item A?");
    let away = break_saving(env.dir.path());
    app.press("3");
    app.wait_for("not saved");

    let killed = std::process::Command::new("kill")
        .args(["-TERM", &app.pid().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());

    let status = app.wait_exit();
    assert_eq!(status.exit_code(), 1, "exit status {status:?}");
    app.wait_for("error: 1 change to pty-test was not saved and is lost");
    mend_saving(env.dir.path(), &away);
}

#[test]
fn plain_mode_asks_the_same_question_and_says_the_same_words() {
    let env = Env::new();
    let id = env.new_example("Pty test");
    let mut plain = Term::start(env.dir.path(), &["--plain", "open", &id], 24, 80);
    plain.wait_for("Item A?");
    let away = break_saving(env.dir.path());

    plain.press(ENTER);
    plain.wait_for("Not saved:");
    plain.press(ESC);
    plain.wait_for_all(&["1 change to pty-test is not saved", "Try to save again"]);
    plain.press(DOWN);
    plain.press(DOWN);
    plain.wait_for("> Leave without them (they are lost)");
    plain.press(ENTER);

    let status = plain.wait_exit();
    assert_eq!(status.exit_code(), 1);
    plain.wait_for("error: 1 change to pty-test was not saved and is lost");
    mend_saving(env.dir.path(), &away);
}

#[test]
fn plain_mode_writes_the_unsaved_answers_to_a_new_file() {
    let env = Env::new();
    let id = env.new_example("Pty test");
    let copy = env.dir.path().join("rescued.json");
    let mut plain = Term::start(env.dir.path(), &["--plain", "open", &id], 24, 80);
    plain.wait_for("Item A?");
    let away = break_saving(env.dir.path());

    plain.press(ENTER);
    plain.wait_for("Not saved:");
    plain.press(ESC);
    plain.wait_for("Write them to another file");
    plain.press(DOWN);
    plain.press(ENTER);
    plain.wait_for("Copy to (a new file)");
    // Replace the offered name with a path of the test's own.
    plain.press(&"\u{7f}".repeat(40));
    plain.press(&copy.display().to_string());
    plain.press(ENTER);

    let status = plain.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_eq!(
        env.saved(&copy)["answers"]["worked-example/a"]["choice"],
        "not"
    );
    mend_saving(env.dir.path(), &away);
    assert!(env.saved(&id)["answers"].get("worked-example/a").is_none());
}

#[test]
fn a_terminal_window_closed_while_a_note_is_typed_keeps_the_note() {
    for round in 0..4 {
        let env = Env::new();
        let id = env.new_example("Pty test");
        let mut app = Term::start(env.dir.path(), &["open", &id], 24, 80);
        app.wait_for("Item A?");
        app.press("e");
        app.wait_for("Esc save & close");

        let note = format!("Typed just before the window closed, round {round}");
        app.type_and_close(&note, &note, Duration::from_millis(50));

        let status = app.wait_exit();
        // 0 or 1, never a panic (101) nor the signal watcher's way out (129), which would
        // mean the app was stuck.
        assert!(
            matches!(status.exit_code(), 0 | 1),
            "round {round}: exit status {status:?}"
        );
        let saved = env.saved(&id);
        assert_eq!(
            saved["answers"]["worked-example/a"]["note"], note,
            "round {round}: the note is kept"
        );
        // The lock went with the process: the assessment can be changed again.
        env.answer(&id, &["a", "fully"]);
    }
}
