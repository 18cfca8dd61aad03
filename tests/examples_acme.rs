//! The example organisation assessments in `examples/`: both are answered on the current
//! built-ins, the 2026 one shows what a finished review holds (owners, decisions, due dates,
//! statuses, evidence, "don't know"), the 2025 one is an earlier, weaker picture of the same
//! company, and `examples/make-acme.sh` makes the same files again.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

const FILES: [&str; 2] = ["acme-2026.json", "acme-2025.json"];

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

fn score(env: &common::Env, file: &str) -> Value {
    let out = env
        .cmd()
        .arg("score")
        .arg(examples().join(file))
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{file}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{file}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn the_2026_example_holds_what_a_finished_review_holds() {
    let a = common::read_json(&examples().join(FILES[0]));
    let answers = a["answers"].as_object().expect("answers");
    let owners: BTreeSet<&str> = answers
        .values()
        .filter_map(|x| x.get("owner").and_then(Value::as_str))
        .collect();
    assert!(owners.len() >= 5, "{owners:?}");
    let count = |field: &str| answers.values().filter(|x| x.get(field).is_some()).count();
    assert_eq!(count("decision"), 2, "two decisions for the board");
    assert!(count("due") >= 5);
    assert!(count("status") >= 5);
    assert!(count("evidence") >= 3);
    let statuses: BTreeSet<&str> = answers
        .values()
        .filter_map(|x| x.get("status").and_then(Value::as_str))
        .collect();
    assert_eq!(
        statuses,
        BTreeSet::from(["done", "in-progress", "open"]),
        "every status"
    );
    assert_eq!(
        a["targets"],
        serde_json::json!({"ncsc-board/board-role": 1, "cfcs-phases/termination": 3})
    );
}

#[test]
fn the_2025_example_is_an_earlier_weaker_picture_of_the_same_company() {
    let env = common::Env::new();
    let now = score(&env, FILES[0]);
    let then = score(&env, FILES[1]);
    for (s, file) in [(&now, FILES[0]), (&then, FILES[1])] {
        assert!(s["overall"]["unknown"].as_u64() > Some(0), "{file}");
    }
    let figure = |s: &Value, f: &str| s["overall"][f].as_f64().expect("a figure");
    assert!(figure(&then, "score") < figure(&now, "score"));
    assert!(figure(&then, "coverage") < figure(&now, "coverage"));
    let (a, b) = (
        common::read_json(&examples().join(FILES[1])),
        common::read_json(&examples().join(FILES[0])),
    );
    assert_eq!(a["organisation"], b["organisation"]);
    assert_eq!(a["questionnaires"], b["questionnaires"]);
    let value = |x: &Value| {
        ["choice", "checked", "text"]
            .iter()
            .find_map(|f| x.get(*f).cloned())
    };
    let (before, after) = (
        a["answers"].as_object().expect("answers"),
        b["answers"].as_object().expect("answers"),
    );
    let changed = after
        .iter()
        .filter(|(k, x)| {
            let earlier = before.get(k.as_str()).and_then(value);
            earlier.is_some() && value(x).is_some() && earlier != value(x)
        })
        .count();
    let newly = after
        .iter()
        .filter(|(k, x)| value(x).is_some() && before.get(k.as_str()).and_then(value).is_none())
        .count();
    assert!(changed >= 10, "changed answers: {changed}");
    assert!(newly >= 10, "newly answered: {newly}");
}

#[cfg(unix)]
#[test]
fn the_script_makes_the_example_files_again() {
    let work = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(work.path().join("examples")).expect("folder");
    let bin = assert_cmd::cargo::cargo_bin("supplycheck");
    let out = std::process::Command::new("sh")
        .arg(examples().join("make-acme.sh"))
        .current_dir(work.path())
        .env("SUPPLYCHECK", &bin)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in FILES {
        let made = std::fs::read_to_string(work.path().join("examples").join(file)).expect("made");
        let kept = std::fs::read_to_string(examples().join(file)).expect("kept");
        assert!(
            made == kept,
            "examples/{file} is out of date; make it again with `sh examples/make-acme.sh`"
        );
    }
}
