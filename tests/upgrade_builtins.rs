//! The built-ins' earlier versions stay in the binary: the 2025 example as it was answered on
//! version 1.0.0 of all three built-ins, still opens and scores against 1.0.0, and
//! `supplycheck upgrade` moves it to 2.0.0 with every answer carried or retired.

use std::path::PathBuf;

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::{Env, read_json};

/// The example assessment answered on version 1.0.0.
const ACME_2025: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/acme-2025-v1.json"
);

/// The built-ins, in the order the example uses them.
const IDS: [&str; 3] = ["ncsc-board", "cfcs-phases", "cert-exd"];

/// The version the built-ins move to.
const NEW: &str = "2.0.0";

fn questionnaire_file(rel: &str) -> Value {
    read_json(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel))
}

/// Full section ids (`questionnaire/section`) of the built-ins in a version's files.
fn section_ids(file_of: impl Fn(&str) -> String) -> Vec<String> {
    IDS.iter()
        .flat_map(|id| {
            let q = questionnaire_file(&file_of(id));
            q["sections"]
                .as_array()
                .expect("sections")
                .iter()
                .map(|s| format!("{id}/{}", s["id"].as_str().expect("a section id")))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// A data directory holding the example as assessment `acme-2025`.
fn with_acme_2025() -> Env {
    let env = Env::new();
    let dir = env.dir.path().join("assessments");
    std::fs::create_dir_all(&dir).expect("assessments folder");
    std::fs::copy(ACME_2025, env.path("acme-2025")).expect("copy the example");
    env
}

fn versions(assessment: &Value) -> Vec<(String, String)> {
    assessment["questionnaires"]
        .as_array()
        .expect("questionnaires")
        .iter()
        .map(|q| {
            (
                q["id"].as_str().expect("id").to_string(),
                q["version"].as_str().expect("version").to_string(),
            )
        })
        .collect()
}

#[test]
fn acme_2025_opens_and_scores_against_version_1_0_0() {
    let env = with_acme_2025();
    let before = std::fs::read(env.path("acme-2025")).expect("copied");
    let out = env
        .cmd()
        .args(["score", "acme-2025", "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let score: Value = serde_json::from_slice(&out.stdout).expect("json");
    let sections: Vec<&str> = score["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s["id"].as_str().expect("a section id"))
        .collect();
    assert_eq!(
        sections,
        section_ids(|id| format!("questionnaires/archive/{id}@1.0.0.json")),
        "scored against the archived 1.0.0"
    );
    let answered = score["overall"]["answered"].as_u64().expect("answered");
    assert!(answered > 0, "{score}");
    assert_eq!(
        std::fs::read(env.path("acme-2025")).expect("still there"),
        before,
        "scoring changes nothing"
    );
    let expected: Vec<(String, String)> = IDS
        .iter()
        .map(|id| ((*id).to_string(), "1.0.0".to_string()))
        .collect();
    assert_eq!(versions(&env.saved("acme-2025")), expected);
}

#[test]
fn a_dry_run_names_every_built_in_moving_to_2_0_0_and_writes_nothing() {
    let env = with_acme_2025();
    let before = std::fs::read(env.path("acme-2025")).expect("copied");
    let mut assert = env
        .cmd()
        .args(["upgrade", "acme-2025", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Dry run: nothing was changed."));
    for id in IDS {
        assert = assert.stdout(predicate::str::contains(format!(
            "{id}: version 1.0.0 → {NEW}\n  Carried over: "
        )));
    }
    assert_eq!(
        std::fs::read(env.path("acme-2025")).expect("still there"),
        before,
        "untouched"
    );
    assert!(
        !env.path("acme-2025").with_extension("json.bak").exists(),
        "no backup for a dry run"
    );
}

#[test]
fn acme_2025_upgrades_to_2_0_0_with_every_answer_carried_or_retired() {
    let env = with_acme_2025();
    let original = read_json(std::path::Path::new(ACME_2025));
    let out = env
        .cmd()
        .args(["upgrade", "acme-2025", "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["format"], "supplycheck.upgrade/1");
    let steps = report["questionnaires"].as_array().expect("steps");
    let moved: Vec<(&str, &str, &str)> = steps
        .iter()
        .map(|s| {
            (
                s["id"].as_str().expect("id"),
                s["from"].as_str().expect("from"),
                s["to"].as_str().expect("to"),
            )
        })
        .collect();
    assert_eq!(
        moved,
        IDS.iter().map(|id| (*id, "1.0.0", NEW)).collect::<Vec<_>>()
    );

    let saved = env.saved("acme-2025");
    let expected: Vec<(String, String)> = IDS
        .iter()
        .map(|id| ((*id).to_string(), NEW.to_string()))
        .collect();
    assert_eq!(versions(&saved), expected);
    let answers = saved["answers"].as_object().expect("answers");
    let retired = saved["retired"].as_array().map_or(&[][..], Vec::as_slice);
    let mut lost = Vec::new();
    for (key, answer) in original["answers"].as_object().expect("answers") {
        let carried = steps
            .iter()
            .flat_map(|s| s["carried"].as_array().expect("carried"))
            .find(|c| c["from"] == *key)
            .and_then(|c| c["to"].as_str())
            .is_some_and(|to| answers.contains_key(to));
        let kept = retired
            .iter()
            .any(|r| r["item"] == *key && r["version"] == "1.0.0" && r["answer"] == *answer);
        if !(carried || kept) {
            lost.push(key.as_str());
        }
    }
    assert!(
        lost.is_empty(),
        "answers neither carried nor retired: {lost:?}"
    );

    // Every answer now names an item of 2.0.0, and the file scores against 2.0.0 cleanly.
    let current: Vec<String> = IDS
        .iter()
        .flat_map(|id| {
            let q = questionnaire_file(&format!("questionnaires/{id}.json"));
            q["sections"]
                .as_array()
                .expect("sections")
                .iter()
                .flat_map(|s| s["items"].as_array().expect("items").clone())
                .map(|i| format!("{id}/{}", i["id"].as_str().expect("an item id")))
                .collect::<Vec<_>>()
        })
        .collect();
    let strays: Vec<&String> = answers.keys().filter(|k| !current.contains(k)).collect();
    assert!(strays.is_empty(), "answers to no item of {NEW}: {strays:?}");
    env.cmd()
        .args(["score", "acme-2025"])
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
}
