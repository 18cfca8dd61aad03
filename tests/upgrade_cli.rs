//! `supplycheck upgrade`: an assessment moves to a newer questionnaire version, every answer
//! carried or retired, the old file kept; and `compare` across the two versions.

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::Env;

/// The second version of the worked example.
const VERSION_2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/worked-example-2.json"
);

/// An assessment "old" of version 1.0.0 with answers, and version 2.0.0 in the data
/// directory's questionnaires/ folder.
fn answered_on_1_0_0() -> Env {
    let env = Env::new();
    let id = env.new_example("Old");
    assert_eq!(id, "old");
    env.answer("old", &["a", "fully"]);
    env.answer("old", &["b", "partial", "--note", "ask IT"]);
    env.answer("old", &["c", "largely"]);
    env.answer("old", &["d", "x,y"]);
    env.answer("old", &["strategy", "Grow"]);
    std::fs::copy(
        VERSION_2,
        env.dir
            .path()
            .join("questionnaires")
            .join("worked-example@2.0.0.json"),
    )
    .expect("copy version 2");
    env
}

#[test]
fn a_dry_run_says_what_would_move_and_writes_nothing() {
    let env = answered_on_1_0_0();
    let path = env.path("old");
    let before = std::fs::read(&path).expect("saved");
    let backup_before = std::fs::read(path.with_extension("json.bak")).ok();
    env.cmd()
        .args(["upgrade", "old", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "worked-example: version 1.0.0 → 2.0.0\n  Carried over: 4\n",
        ))
        .stdout(predicate::str::contains(
            "    worked-example/b → worked-example/b2\n      option partial is now some\n",
        ))
        .stdout(predicate::str::contains(
            "  Retired (kept in the file with version 1.0.0): 2\n",
        ))
        .stdout(predicate::str::contains(
            "    worked-example/c: version 2.0.0 has no such item\n",
        ))
        .stdout(predicate::str::contains(
            "  New items, unanswered: 1\n    worked-example/f\n",
        ))
        .stdout(predicate::str::contains("Dry run: nothing was changed."));
    assert_eq!(std::fs::read(&path).expect("saved"), before, "untouched");
    assert_eq!(
        std::fs::read(path.with_extension("json.bak")).ok(),
        backup_before,
        "the backup too"
    );
}

#[test]
fn an_upgrade_carries_or_retires_every_answer_and_keeps_the_old_file() {
    let env = answered_on_1_0_0();
    let path = env.path("old");
    let original_bytes = std::fs::read(&path).expect("saved");
    let original = env.saved("old");
    let out = env
        .cmd()
        .args(["upgrade", "old", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["format"], "supplycheck.upgrade/1");
    let step = &report["questionnaires"][0];
    assert_eq!(
        (step["from"].as_str(), step["to"].as_str()),
        (Some("1.0.0"), Some("2.0.0"))
    );

    let saved = env.saved("old");
    assert_eq!(saved["questionnaires"][0]["version"], "2.0.0");
    assert_eq!(saved["answers"]["worked-example/b2"]["choice"], "some");
    assert_eq!(saved["answers"]["worked-example/b2"]["note"], "ask IT");
    assert_eq!(
        saved["answers"]["worked-example/d"]["checked"],
        serde_json::json!(["x"])
    );
    // Nothing lost: every answer of the old file is carried, or retired with its version.
    let retired = saved["retired"].as_array().expect("retired");
    for (key, answer) in original["answers"].as_object().expect("answers") {
        let carried = step["carried"]
            .as_array()
            .expect("carried")
            .iter()
            .any(|c| c["from"] == *key);
        let kept = retired
            .iter()
            .any(|r| r["item"] == *key && r["version"] == "1.0.0" && r["answer"] == *answer);
        assert!(carried || kept, "{key} lost");
    }
    assert!(
        retired
            .iter()
            .any(|r| r["item"] == "worked-example/c" && r["answer"]["choice"] == "largely")
    );
    assert_eq!(
        std::fs::read(path.with_extension("json.bak")).expect("backup"),
        original_bytes,
        "the file as it was is the backup"
    );
    // It scores against 2.0.0 now, with no warning about the retired answers.
    env.cmd()
        .args(["score", "old"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}

#[test]
fn the_text_names_the_backup_and_a_second_upgrade_says_which_versions_exist() {
    let env = answered_on_1_0_0();
    let path = env.path("old");
    env.cmd()
        .args(["upgrade", "old"])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(
            "Saved {}. The file as it was before is kept as {}.bak.",
            path.display(),
            path.display()
        )));
    env.cmd()
        .args(["upgrade", "old"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "error: {} was not upgraded: there is no newer version to upgrade to: \
             worked-example is on 2.0.0 (available: 1.0.0, 2.0.0).",
            path.display()
        )));
    env.cmd()
        .args(["upgrade", "old", "--to", "9.9"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "questionnaire \"worked-example\" has no version 9.9 here; the versions available \
             are 1.0.0, 2.0.0.",
        ));
}

#[test]
fn compare_across_versions_matches_through_was_and_names_one_sided_items() {
    let env = answered_on_1_0_0();
    let path = env.path("old");
    env.cmd().args(["upgrade", "old"]).assert().success();
    let earlier = tempfile::tempdir().expect("tempdir");
    let copy = earlier.path().join("old-1.json");
    std::fs::copy(path.with_extension("json.bak"), &copy).expect("copy the backup");
    env.answer("old", &["b2", "fully"]);
    let c = env.json(&["compare", copy.to_str().expect("utf8"), "old", "--json"]);
    assert_eq!(c["improved"][0]["item"], "worked-example/b2");
    assert_eq!(c["improved"][0]["answer_before"], "Partially implemented");
    assert_eq!(c["only_before"][0]["item"], "worked-example/c");
    assert_eq!(c["only_after"][0]["item"], "worked-example/f");
    env.cmd()
        .args(["compare", copy.to_str().expect("utf8"), "old"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "\nOnly in the earlier version (A): 1\n  worked-example/c",
        ))
        .stdout(predicate::str::contains(
            "\nOnly in the later version (B): 1\n  worked-example/f",
        ));
}

#[test]
fn the_version_moved_to_from_a_file_is_kept_so_the_assessment_goes_on_scoring() {
    let env = Env::new();
    env.new_example("Old");
    env.answer("old", &["a", "fully"]);
    let kept = env
        .dir
        .path()
        .join("questionnaires")
        .join("worked-example@2.0.0.json");
    assert!(!kept.exists());
    env.cmd()
        .args(["--questionnaire-file", VERSION_2, "upgrade", "old"])
        .assert()
        .success();
    assert_eq!(
        std::fs::read(&kept).expect("version 2.0.0 kept in the data directory"),
        std::fs::read(VERSION_2).expect("fixture")
    );
    // Without the file, the assessment still scores on 2.0.0.
    let score = env.json(&["score", "old", "--json"]);
    assert_eq!(score["overall"]["answered"], 1, "{score}");
}
