//! While the app has an assessment open, no other process may change it: a CLI `answer`
//! and a second app are refused with a message saying so; once the app quits, both work.

mod common;

use common::Env;
use common::pty::Term;
use predicates::prelude::*;

#[test]
fn a_second_process_is_refused_while_the_app_has_the_assessment_open() {
    let env = Env::new();
    let id = env.new_example("Held");

    let mut app = Term::start(env.dir.path(), &["open", &id], 24, 80);
    app.wait_for("Item A?");

    env.cmd()
        .args(["answer", &id, "a", "fully"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is open in another supplycheck process",
        ))
        .stderr(predicate::str::contains("Close it there first"));

    let mut second = Term::start(env.dir.path(), &["open", &id], 24, 80);
    second.wait_for("is open in another supplycheck process");
    assert_eq!(
        second.wait_exit().exit_code(),
        1,
        "the second app exits with an error"
    );

    app.press("q");
    assert!(app.wait_exit().success());
    env.answer(&id, &["a", "fully"]);
}
