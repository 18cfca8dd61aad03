//! While the app has an assessment open, no other process may change it: a CLI `answer`
//! and a second app are refused with a message saying so; once the app quits, both work.

mod common;

use common::pty::Term;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/worked-example.json"
);

fn supplycheck(data: &std::path::Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_supplycheck"))
        .args(args)
        .args(["--questionnaire-file", FIXTURE])
        .env("SUPPLYCHECK_DATA_DIR", data)
        .output()
        .expect("runs")
}

#[test]
fn a_second_process_is_refused_while_the_app_has_the_assessment_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = supplycheck(
        dir.path(),
        &["new", "--name", "Held", "--questionnaire", "worked-example"],
    );
    assert!(out.status.success());

    let mut app = Term::start(dir.path(), &["open", "held"], 24, 80);
    app.wait_for("Item A?");

    let refused = supplycheck(dir.path(), &["answer", "held", "a", "fully"]);
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(
        message.contains("is open in another supplycheck process")
            && message.contains("Close it there first"),
        "{message}"
    );

    let mut second = Term::start(dir.path(), &["open", "held"], 24, 80);
    second.wait_for("is open in another supplycheck process");
    assert!(!second.wait_exit(), "the second app exits with an error");

    app.press("q");
    assert!(app.wait_exit());
    let after = supplycheck(dir.path(), &["answer", "held", "a", "fully"]);
    assert!(
        after.status.success(),
        "{}",
        String::from_utf8_lossy(&after.stderr)
    );
}
