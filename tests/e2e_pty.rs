//! End to end: the real binary in a pseudo-terminal. It answers items with keys, quits, and
//! the saved file holds the answers.

mod common;

use common::Env;
use common::pty::Term;

#[test]
fn keys_in_a_real_terminal_are_saved() {
    let env = Env::new();
    let id = env.new_example("Pty test");
    let mut app = Term::start(env.dir.path(), &["open", &id], 24, 80);

    app.wait_for("Item A?");
    app.press("4");
    app.wait_for("(•) 4");
    app.press("n");
    app.wait_for("Item B?");
    app.press("3");
    app.wait_for("(•) 3");
    app.press("nnnf");
    app.wait_for("flagged for follow-up");
    app.press("q");

    let status = app.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    // The terminal is back as it was: main screen, no mouse capture.
    std::thread::sleep(std::time::Duration::from_millis(200));
    app.screen(|screen| {
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is still on"
        );
    });

    let saved = std::fs::read_to_string(env.path(&id)).expect("the assessment file");
    let json: serde_json::Value = serde_json::from_str(&saved).expect("json");
    let answers = &json["answers"];
    assert_eq!(answers["worked-example/a"]["choice"], "fully");
    assert_eq!(answers["worked-example/b"]["choice"], "largely");
    assert_eq!(answers["worked-example/e"]["flag"], true);
}

#[test]
fn check_twelve_of_a_long_checklist_is_ticked_by_its_key_and_an_answer_undone() {
    let env = Env::new();
    let id = env.new_assessment(&[
        "--name",
        "Long lists",
        "--org",
        "Acme",
        "--questionnaire",
        "cfcs-phases",
    ]);
    let questionnaire: serde_json::Value =
        serde_json::from_str(include_str!("../questionnaires/cfcs-phases.json"))
            .expect("the built-in questionnaire");
    let checks: Vec<String> = questionnaire["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["items"].as_array().expect("items").iter())
        .find(|i| i["id"] == "management-areas")
        .expect("the checklist of 15 checks")["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .map(|c| c["id"].as_str().expect("an id").to_string())
        .collect();
    assert_eq!(checks.len(), 15);
    let mut app = Term::start(env.dir.path(), &["open", &id], 24, 80);

    app.wait_for("Progress");
    // The second section, then its fourth item: the supplier-management areas.
    app.press("g2");
    app.wait_for("item 1 of 11");
    app.press("nnn");
    app.wait_for("item 4 of 11");
    app.wait_for("supplier-management areas?");
    // Check 12 has the key `h`, shown beside it.
    app.press("h");
    app.wait_for("[x] h");
    app.press("2");
    app.wait_for("[x] 2");
    app.press("\u{1a}");
    app.wait_for("Undone: answer to cfcs-phases/management-areas");
    app.wait_for("[ ] 2");
    app.press("q");
    let status = app.wait_exit();
    assert!(status.success(), "exit status {status:?}");

    let saved = env.saved(&id);
    let ticked = &saved["answers"]["cfcs-phases/management-areas"]["checked"];
    assert_eq!(ticked, &serde_json::json!([checks[11]]), "{saved}");
}
