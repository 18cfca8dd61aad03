//! The full-screen app's command-line edges that need no terminal.

use assert_cmd::Command;
use predicates::prelude::*;

#[test]
fn without_a_terminal_the_app_says_to_use_plain_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [&[][..], &["open", "anything"][..]] {
        Command::cargo_bin("supplycheck")
            .expect("binary")
            .args(args)
            .env("SUPPLYCHECK_DATA_DIR", dir.path())
            .write_stdin("")
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "the full-screen app needs a terminal",
            ))
            .stderr(predicate::str::contains("supplycheck --plain"));
    }
}
