//! The questionnaires of one's own, as files: each version kept side by side in the data
//! directory, every assessment scored on the version it records, a changed file under an old
//! version refused, only regular files read, and `questionnaires validate` saying what
//! loading will do.

use std::path::{Path, PathBuf};
use std::time::Duration;

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::{Env, FIXTURE};

/// The worked example with `edit` applied to its text, written to `dir/name`.
fn variant(dir: &Path, name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let text = std::fs::read_to_string(FIXTURE).expect("fixture");
    let path = dir.join(name);
    std::fs::write(&path, edit(&text)).expect("write");
    path
}

/// Version 1.1.0 of the worked example: item B weighs 3, and a new scored item F.
fn version_1_1(text: &str) -> String {
    text.replace("\"version\": \"1.0.0\"", "\"version\": \"1.1.0\"")
        .replace("\"level\": 1, \"weight\": 2", "\"level\": 1, \"weight\": 3")
        .replace(
            "{ \"id\": \"strategy\"",
            "{ \"id\": \"f\", \"kind\": \"choice\", \"scale\": \"implementation\", \"level\": 1, \
             \"prompt\": \"Item F?\" },\n        { \"id\": \"strategy\"",
        )
}

fn questionnaires_dir(env: &Env) -> PathBuf {
    env.dir.path().join("questionnaires")
}

fn s(path: &Path) -> &str {
    path.to_str().expect("utf8 path")
}

#[test]
fn an_assessment_keeps_the_version_it_was_answered_on() {
    let env = Env::new();
    let src = tempfile::tempdir().expect("tempdir");
    let v1 = variant(src.path(), "mine.json", str::to_string);
    let v11 = variant(src.path(), "mine-1.1.json", version_1_1);

    let out = env
        .cmd()
        .args(["--questionnaire-file", s(&v1), "new", "--name", "Old"])
        .args(["--questionnaire", "worked-example"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    env.answer("old", &["b", "largely"]);
    let before = env.json(&["score", "old", "--json"]);
    assert_eq!(before["overall"]["total"], 5);

    // Loading 1.1.0 neither replaces 1.0.0 nor rescores the old assessment on it.
    let out = env
        .cmd()
        .args(["--questionnaire-file", s(&v11), "new", "--name", "New"])
        .args(["--questionnaire", "worked-example"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let dir = questionnaires_dir(&env);
    let first_copy = dir.join("worked-example@1.0.0.json");
    let second_copy = dir.join("worked-example@1.1.0.json");
    assert_eq!(
        std::fs::read(&first_copy).expect("1.0.0 kept"),
        std::fs::read(&v1).expect("v1")
    );
    assert_eq!(
        std::fs::read(&second_copy).expect("1.1.0 kept"),
        std::fs::read(&v11).expect("v11")
    );
    assert_eq!(env.saved("new")["questionnaires"][0]["version"], "1.1.0");
    drop(src);

    for extra in [&[][..], &["--questionnaire-file", s(&second_copy)][..]] {
        let out = env
            .cmd()
            .args(extra)
            .args(["score", "old", "--json"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        assert!(
            out.stderr.is_empty(),
            "no version warning: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after: Value = serde_json::from_slice(&out.stdout).expect("json");
        assert_eq!(after, before, "scored on 1.0.0 still");
    }
    let new = env.json(&["score", "new", "--json"]);
    assert_eq!(new["overall"]["total"], 6, "scored on 1.1.0");

    let listed = env.json(&["questionnaires", "list", "--json"]);
    let versions: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter(|q| q["id"] == "worked-example")
        .filter_map(|q| q["version"].as_str())
        .collect();
    assert_eq!(versions, ["1.0.0", "1.1.0"]);
    let shown = env.json(&["questionnaires", "show", "worked-example", "--json"]);
    assert_eq!(shown["version"], "1.1.0", "the newest by id");
}

#[test]
fn an_older_copy_without_a_version_in_its_name_is_still_read() {
    let env = Env::new();
    std::fs::create_dir_all(questionnaires_dir(&env)).expect("dir");
    std::fs::copy(
        FIXTURE,
        questionnaires_dir(&env).join("worked-example.json"),
    )
    .expect("copy");
    env.cmd()
        .args(["new", "--name", "Old", "--questionnaire", "worked-example"])
        .assert()
        .success();
    env.answer("old", &["a", "fully"]);
    let src = tempfile::tempdir().expect("tempdir");
    let v11 = variant(src.path(), "mine-1.1.json", version_1_1);
    let same = variant(src.path(), "same.json", str::to_string);
    let out = env
        .cmd()
        .args(["--questionnaire-file", s(&v11)])
        .args(["--questionnaire-file", s(&same)])
        .args(["score", "old", "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "an identical file is no conflict: {out:?}"
    );
    let r: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(r["overall"]["total"], 5);
}

#[test]
fn the_same_version_with_other_content_is_refused_naming_the_difference() {
    let env = Env::new();
    let src = tempfile::tempdir().expect("tempdir");
    let v1 = variant(src.path(), "mine.json", str::to_string);
    env.cmd()
        .args(["--questionnaire-file", s(&v1), "new", "--name", "Old"])
        .args(["--questionnaire", "worked-example"])
        .assert()
        .success();
    let kept = questionnaires_dir(&env).join("worked-example@1.0.0.json");
    let kept_bytes = std::fs::read(&kept).expect("kept");

    let changed = variant(src.path(), "changed.json", |t| {
        t.replace("Item A?", "Item A, reworded?")
            .replace("\"level\": 1, \"weight\": 2", "\"level\": 1, \"weight\": 3")
    });
    for args in [
        &["score", "old"][..],
        &[
            "new",
            "--name",
            "Another",
            "--questionnaire",
            "worked-example",
        ][..],
    ] {
        env.cmd()
            .args(["--questionnaire-file", s(&changed)])
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "error: {}: questionnaire \"worked-example\" version 1.0.0 is already in {}, \
                 with other content:",
                changed.display(),
                kept.display()
            )))
            .stderr(predicate::str::contains(
                "planning/a/prompt: \"Item A?\" → \"Item A, reworded?\"",
            ))
            .stderr(predicate::str::contains("planning/b/weight: 2.0 → 3.0"))
            .stderr(predicate::str::contains(
                "give the changed questionnaire a new version",
            ));
    }
    assert_eq!(
        std::fs::read(&kept).expect("kept"),
        kept_bytes,
        "not replaced"
    );
    assert!(!env.path("another").exists());

    // Two copies in the data directory that disagree: the second is left out with a
    // warning, and the assessment still scores on the first.
    std::fs::copy(&changed, questionnaires_dir(&env).join("zz-changed.json")).expect("copy");
    let out = env
        .cmd()
        .args(["score", "old", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "zz-changed.json: left out: version 1.0.0 of \"worked-example\" is already loaded from"
        ) && stderr.contains("planning/a/prompt"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_questionnaires_is_skipped_with_a_warning() {
    let env = Env::new();
    let dir = questionnaires_dir(&env);
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::copy(FIXTURE, dir.join("worked-example@1.0.0.json")).expect("copy");
    let pipe = dir.join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::fs::create_dir(dir.join("folder.json")).expect("dir");

    let out = env
        .cmd()
        .args(["questionnaires", "list", "--json"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("runs");
    assert!(out.status.success(), "no hang, no failure: {out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "warning: {}: left out: it is a named pipe (FIFO), not a regular file",
            pipe.display()
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains("folder.json: left out: it is a folder"),
        "{stderr}"
    );
    let listed: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(
        listed
            .as_array()
            .expect("array")
            .iter()
            .any(|q| q["id"] == "worked-example"),
        "the regular file is still read"
    );
    env.cmd()
        .args(["new", "--name", "x", "--questionnaire", "worked-example"])
        .timeout(Duration::from_secs(20))
        .assert()
        .success();
}

#[test]
fn validate_says_a_changed_built_in_id_would_be_ignored() {
    let env = Env::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let board = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/ncsc-board.json"
    );
    let text = std::fs::read_to_string(board).expect("built-in");
    let copy = dir.path().join("copy.json");
    std::fs::write(&copy, &text).expect("write");
    env.cmd()
        .args(["questionnaires", "validate"])
        .arg(&copy)
        .assert()
        .success()
        .stdout(predicate::str::contains(": ok — ncsc-board 2.0.0"))
        .stdout(predicate::str::contains(
            "identical to the built-in ncsc-board",
        ));

    let fixture = std::fs::read_to_string(FIXTURE).expect("fixture");
    let reuse = dir.path().join("reuse.json");
    std::fs::write(
        &reuse,
        fixture.replace("\"worked-example\"", "\"ncsc-board\""),
    )
    .expect("write");
    env.cmd()
        .args(["questionnaires", "validate"])
        .arg(&reuse)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ok").not())
        .stderr(predicate::str::contains(format!(
            "{}: \"ncsc-board\" is the id of a built-in questionnaire, and this file differs \
             from it, so loading would ignore it: give your questionnaire an id of its own.",
            reuse.display()
        )))
        .stderr(predicate::str::contains("What differs from the built-in:"))
        .stderr(predicate::str::contains("1 of 1 file(s) did not validate"));
}

#[test]
fn validate_refuses_an_id_too_long_for_a_file_name() {
    let env = Env::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let long = "q".repeat(65);
    let file = variant(dir.path(), "long.json", |t| {
        t.replace("\"worked-example\"", &format!("\"{long}\""))
    });
    env.cmd()
        .args(["questionnaires", "validate"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("ok").not())
        .stderr(predicate::str::contains("64"))
        .stderr(predicate::str::contains("1 of 1 file(s) did not validate"));
    let ok = variant(dir.path(), "ok.json", |t| {
        t.replace("\"worked-example\"", &format!("\"{}\"", "q".repeat(64)))
    });
    env.cmd()
        .args(["questionnaires", "validate"])
        .arg(&ok)
        .assert()
        .success();
}

#[test]
fn validate_says_a_changed_copy_of_a_kept_version_would_be_refused() {
    let env = Env::new();
    let dir = tempfile::tempdir().expect("tempdir");
    env.cmd()
        .args(["--questionnaire-file", FIXTURE, "new", "--name", "x"])
        .args(["--questionnaire", "worked-example"])
        .assert()
        .success();
    let changed = variant(dir.path(), "changed.json", |t| {
        t.replace("Item C?", "Item C!")
    });
    env.cmd()
        .args(["questionnaires", "validate"])
        .arg(&changed)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "version 1.0.0 of \"worked-example\" is already in",
        ))
        .stderr(predicate::str::contains("so loading would be refused"))
        .stderr(predicate::str::contains("planning/c/prompt"));
    let renewed = variant(dir.path(), "renewed.json", |t| {
        t.replace("Item C?", "Item C!")
            .replace("\"version\": \"1.0.0\"", "\"version\": \"1.0.1\"")
    });
    env.cmd()
        .args(["questionnaires", "validate"])
        .arg(&renewed)
        .assert()
        .success();
}

#[test]
fn another_file_claiming_the_kept_version_never_replaces_it() {
    let env = Env::new();
    let src = tempfile::tempdir().expect("tempdir");
    let v1 = variant(src.path(), "mine.json", str::to_string);
    let out = env
        .cmd()
        .args(["--questionnaire-file", s(&v1), "new", "--name", "Old"])
        .args(["--questionnaire", "worked-example"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    env.answer("old", &["b", "largely"]);
    let before = env.json(&["score", "old", "--json"]);

    // A file of the same id and version, other weights, whose name sorts before the copy.
    variant(&questionnaires_dir(&env), "a-custom.json", |t| {
        t.replace(
            "\"level\": 1, \"weight\": 2",
            "\"level\": 1, \"weight\": 100",
        )
    });
    let out = env
        .cmd()
        .args(["score", "old", "--json"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let after: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        after["overall"], before["overall"],
        "scored on the kept copy"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("a-custom.json"), "{stderr}");
    assert!(stderr.contains("left out"), "{stderr}");
}

#[test]
fn an_assessment_whose_version_is_gone_is_not_scored_against_another() {
    let env = Env::new();
    let src = tempfile::tempdir().expect("tempdir");
    let v1 = variant(src.path(), "mine.json", str::to_string);
    let v11 = variant(src.path(), "mine-1.1.json", version_1_1);
    for file in [&v1, &v11] {
        let out = env
            .cmd()
            .args(["--questionnaire-file", s(file), "new", "--name", "Old"])
            .args(["--questionnaire", "worked-example"])
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
    }
    env.answer("old", &["b", "largely"]);
    std::fs::remove_file(questionnaires_dir(&env).join("worked-example@1.0.0.json"))
        .expect("remove 1.0.0");

    let out = env
        .cmd()
        .args(["score", "old", "--json"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("answered against version 1.0.0, which is not available (only 1.1.0)"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        json["overall"]["total"], 0,
        "nothing scored on 1.1.0: {json}"
    );
}
