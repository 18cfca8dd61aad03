//! `supplycheck new` in a terminal asks, with dialoguer, for what its flags leave out.

mod common;

use common::Env;
use common::pty::Term;

#[test]
fn new_in_a_terminal_asks_for_what_is_missing() {
    let env = Env::new();
    let mut term = Term::start(
        env.dir.path(),
        &["new", "--org", "Acme Ltd", "--questionnaire", "cert-exd"],
        24,
        100,
    );
    term.wait_for("Name of the assessment");
    term.press("Board 2026\r");
    term.wait_for("Respondent");
    term.press("Alice\r");
    term.wait_for("Open it with `supplycheck open board-2026`");
    assert!(term.wait_exit().success());

    let a = env.json(&["list", "--json"]);
    let first = &a[0];
    assert_eq!(first["id"], "board-2026");
    assert_eq!(first["organisation"], "Acme Ltd");
    assert_eq!(first["respondent"], "Alice");
    let saved = env.saved("board-2026");
    assert_eq!(saved["questionnaires"][0]["id"], "cert-exd");
    assert_eq!(saved["questionnaires"].as_array().map(Vec::len), Some(1));
}

#[test]
fn new_without_a_terminal_takes_the_flags_only() {
    let env = Env::new();
    let id = env.new_assessment(&["--name", "Scripted", "--questionnaire", "cert-exd"]);
    assert_eq!(id, "scripted");
    let a = env.json(&["list", "--json"]);
    assert_eq!(a[0]["organisation"], "");
    assert_eq!(a[0]["respondent"], serde_json::Value::Null);
}
