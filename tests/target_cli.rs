//! `supplycheck target`: the level the board aims for, in every section or in one; kept in
//! the assessment (`default_target`, `targets`) and reported by `score`.

mod common;

use common::Env;
use predicates::prelude::*;

fn answered() -> Env {
    let env = Env::new();
    let id = env.new_example("Targets");
    assert_eq!(id, "targets");
    env.answer("targets", &["a", "fully"]);
    env.answer("targets", &["b", "largely"]);
    env
}

#[test]
fn a_default_target_and_a_section_target_are_kept_and_scored() {
    let env = answered();
    env.cmd()
        .args(["target", "targets", "1"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Target for every section without its own: 1 Performed.",
        ))
        .stdout(predicate::str::contains("1 of 1 areas meet their target."));
    env.cmd()
        .args(["target", "targets", "planning", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Target for worked-example/planning: 2 Managed.",
        ))
        .stdout(predicate::str::contains("0 of 1 areas meet their target."));
    let saved = env.saved("targets");
    assert_eq!(saved["default_target"], 1);
    assert_eq!(saved["targets"]["worked-example/planning"], 2);
    let score = env.json(&["score", "targets", "--json"]);
    assert_eq!(score["sections"][0]["target"], 2);
    assert_eq!(score["sections"][0]["meets_target"], false);

    env.cmd()
        .args(["target", "targets", "worked-example/planning", "none"])
        .assert()
        .success();
    let saved = env.saved("targets");
    assert!(saved.get("targets").is_none(), "{saved}");
    assert_eq!(
        env.json(&["score", "targets", "--json"])["sections"][0]["target"],
        1
    );
}

#[test]
fn a_wrong_level_or_section_changes_nothing() {
    let env = answered();
    let before = std::fs::read(env.path("targets")).expect("saved");
    env.cmd()
        .args(["target", "targets", "4"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "\"4\" is not a level: give 0, 1, 2 or 3 (or `none` to remove the target)",
        ));
    env.cmd()
        .args(["target", "targets", "nowhere", "2"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no section \"nowhere\" in this assessment; its sections are: worked-example/planning",
        ));
    assert_eq!(std::fs::read(env.path("targets")).expect("saved"), before);
}
