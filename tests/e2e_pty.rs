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
