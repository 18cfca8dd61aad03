//! Plain mode end to end: the real binary in a pseudo-terminal, driven by keys. Answers are
//! in the saved file the moment they are given; Esc and Ctrl-C leave cleanly, with the
//! cursor shown again; a second process is refused; without a terminal it says what to do.

use std::path::{Path, PathBuf};

use assert_cmd::assert::OutputAssertExt;
use predicates::prelude::*;

mod common;

use common::Env;
use common::pty::Term;

const LEFT: &str = "Left plain mode; every answer is saved.";
const DOWN: &str = "\u{1b}[B";
const ESC: &str = "\u{1b}";
const ENTER: &str = "\r";
const CTRL_C: &str = "\u{3}";

/// Plain mode (`supplycheck ARGS`) in a 24×80 pseudo-terminal.
fn start(data: &Path, args: &[&str]) -> Term {
    Term::start(data, args, 24, 80)
}

/// Creates the assessment `pty-test` of the worked example in `env`; returns its file.
fn create(env: &Env) -> PathBuf {
    let id = env.new_assessment(&[
        "--name",
        "Pty test",
        "--org",
        "Acme",
        "--questionnaire",
        "worked-example",
    ]);
    env.path(&id)
}

/// The answers saved in `file`.
fn answers(file: &Path) -> serde_json::Value {
    common::read_json(file)["answers"].clone()
}

#[test]
fn an_option_chosen_with_keys_is_saved_and_esc_leaves() {
    let env = Env::new();
    let dir = &env.dir;
    let file = create(&env);
    let mut plain = start(dir.path(), &["--plain", "open", "pty-test"]);

    plain.wait_for_all(&[
        "Worked example / 1. Planning: item 1 of 6, level 1 practice",
        "Item A?",
        "Why this matters: Level 1 practice.",
        "Source: CFCS 1.1",
        "> Not implemented",
        "Leave plain mode",
    ]);
    plain.press(DOWN);
    plain.wait_for("> Partially implemented");
    plain.press(ENTER);
    plain.wait_for_all(&[
        "Your answer: Partially implemented",
        "Saved.",
        "> Next item",
    ]);
    assert_eq!(answers(&file)["worked-example/a"]["choice"], "partial");
    plain.press(ENTER);
    plain.wait_for_all(&["Item B?", "> Not implemented"]);
    plain.press(ESC);

    let status = plain.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    plain.wait_for(LEFT);
    assert!(!plain.cursor_hidden(), "the cursor is still hidden");
    let answers = answers(&file);
    assert_eq!(answers["worked-example/a"]["choice"], "partial");
    assert!(
        answers.get("worked-example/b").is_none(),
        "item B was left unanswered: {answers}"
    );
}

#[test]
fn ctrl_c_leaves_with_the_answers_saved_and_the_cursor_back() {
    let env = Env::new();
    let dir = &env.dir;
    let file = create(&env);
    let mut plain = start(dir.path(), &["--plain", "open", "pty-test"]);

    plain.wait_for_all(&["Item A?", "> Not implemented"]);
    plain.press(DOWN);
    plain.wait_for("> Partially implemented");
    plain.press(DOWN);
    plain.wait_for("> Largely implemented");
    plain.press(ENTER);
    plain.wait_for_all(&["Saved.", "> Next item"]);
    // Flag it from the menu after the answer, then Ctrl-C there.
    for _ in 0..3 {
        plain.press(DOWN);
    }
    plain.wait_for("> Flag for follow-up");
    plain.press(ENTER);
    plain.wait_for_all(&["Flagged for follow-up.", "> Next item", "Remove the flag"]);
    plain.press(CTRL_C);

    let status = plain.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    plain.wait_for(LEFT);
    assert!(!plain.cursor_hidden(), "the cursor is still hidden");
    let answers = answers(&file);
    assert_eq!(answers["worked-example/a"]["choice"], "largely");
    assert_eq!(answers["worked-example/a"]["flag"], true);
}

#[test]
fn ctrl_c_while_typing_a_note_says_truthfully_that_the_note_was_not_saved() {
    let env = Env::new();
    let dir = &env.dir;
    let file = create(&env);
    let mut plain = start(dir.path(), &["--plain", "open", "pty-test"]);

    plain.wait_for_all(&["Item A?", "> Not implemented"]);
    plain.press(ENTER);
    plain.wait_for_all(&["Saved.", "> Next item"]);
    plain.press(DOWN);
    plain.wait_for("> Add a note");
    plain.press(ENTER);
    plain.wait_for("Type the note on one line");
    plain.press("half a thought");
    plain.wait_for("half a thought");
    plain.press(CTRL_C);

    let status = plain.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    plain.wait_for("The note being typed was not saved");
    let answers = answers(&file);
    assert_eq!(answers["worked-example/a"]["choice"], "not");
    assert!(
        answers["worked-example/a"].get("note").is_none(),
        "no note was saved, as said: {answers}"
    );
}

#[test]
fn the_walk_starts_at_the_first_item_without_an_answer() {
    let env = Env::new();
    let dir = &env.dir;
    let file = create(&env);
    for (item, value) in [("a", "fully"), ("b", "na")] {
        env.answer("pty-test", &[item, value]);
    }
    let mut plain = start(dir.path(), &["--plain", "open", "pty-test"]);
    plain.wait_for_all(&["6 items, 4 without an answer.", "item 3 of 6", "Item C?"]);
    plain.press(ESC);
    let status = plain.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    assert_eq!(answers(&file)["worked-example/a"]["choice"], "fully");
}

#[test]
fn a_second_process_is_refused_with_the_stores_message() {
    let env = Env::new();
    let dir = &env.dir;
    let file = create(&env);
    let _held = supplycheck::store::EditLock::acquire(&file).expect("the lock");
    let mut plain = start(dir.path(), &["--plain", "open", "pty-test"]);
    let status = plain.wait_exit();
    assert!(!status.success(), "exit status {status:?}");
    assert_eq!(status.exit_code(), 1);
    plain.wait_for("is open in another supplycheck process");
}

#[test]
fn plain_mode_without_a_command_creates_an_assessment_and_starts_it() {
    let env = Env::new();
    let mut plain = start(env.dir.path(), &["--plain"]);
    plain.wait_for_all(&[
        "There are no assessments yet.",
        "> Create a new assessment",
        "Leave plain mode",
    ]);
    plain.press(ENTER);
    plain.wait_for("Name of the assessment");
    plain.press("Board day");
    plain.press(ENTER);
    plain.wait_for("Organisation");
    plain.press("Acme");
    plain.press(ENTER);
    plain.wait_for("Respondent");
    plain.press(ENTER);
    plain.wait_for_all(&[
        "Created Board day (id board-day).",
        "item 1 of",
        "Skip (leave for later)",
    ]);
    plain.press(ESC);
    let status = plain.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let json = env.saved("board-day");
    assert_eq!(json["name"], "Board day");
    assert_eq!(json["organisation"], "Acme");
    assert!(json.get("respondent").is_none(), "{json}");
    let used: Vec<&str> = json["questionnaires"]
        .as_array()
        .expect("questionnaires")
        .iter()
        .filter_map(|q| q["id"].as_str())
        .collect();
    assert_eq!(used, ["ncsc-board", "cfcs-phases", "cert-exd"]);
}

#[test]
fn without_a_terminal_plain_mode_says_so_and_exits_1() {
    let env = Env::new();
    let dir = &env.dir;
    create(&env);
    for args in [&["--plain"][..], &["--plain", "open", "pty-test"][..]] {
        std::process::Command::new(env!("CARGO_BIN_EXE_supplycheck"))
            .args(args)
            .env("SUPPLYCHECK_DATA_DIR", dir.path())
            .stdin(std::process::Stdio::null())
            .assert()
            .code(1)
            .stderr(predicate::str::contains("plain mode needs a terminal too"))
            .stderr(predicate::str::contains("supplycheck answer"));
    }
}
