//! The command line, run as a user runs it: messages, exit codes and files.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::{Env, FIXTURE};

fn read(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
}

#[test]
fn new_prints_an_id_made_from_the_name() {
    let env = Env::new();
    assert_eq!(
        env.new_example("Acme – 2026 Q4 workshop"),
        "acme-2026-q4-workshop"
    );
    assert_eq!(
        env.new_example("Acme – 2026 Q4 workshop"),
        "acme-2026-q4-workshop-2"
    );
    let a = read(&env.path("acme-2026-q4-workshop"));
    assert_eq!(a["format"], "supplycheck.assessment/2");
    assert_eq!(a["organisation"], "Acme Ltd");
    assert_eq!(a["questionnaires"][0]["id"], "worked-example");
}

#[test]
fn new_uses_the_organisation_built_ins_by_default() {
    let env = Env::new();
    env.cmd()
        .args(["new", "--name", "All", "--respondent", "CISO"])
        .assert()
        .success()
        .stdout("all\n");
    let a = read(&env.path("all"));
    let ids: Vec<&str> = a["questionnaires"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|q| q["id"].as_str())
        .collect();
    assert_eq!(ids, ["ncsc-board", "cfcs-phases", "cert-exd"]);
    assert_eq!(a["respondent"], "CISO");
}

/// Score format 2's worked example as a questionnaire file.
const FIXTURE_2: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/scoring-example.json"
);

#[test]
fn the_worked_example_scores_as_documented() {
    let env = Env::new();
    let run = |args: &[&str]| {
        let out = env
            .cmd()
            .args(["--questionnaire-file", FIXTURE_2])
            .args(args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let id = run(&[
        "new",
        "--name",
        "Worked",
        "--org",
        "Acme Ltd",
        "--questionnaire",
        "worked-example",
    ])
    .trim()
    .to_string();
    run(&["answer", &id, "a", "fully"]);
    run(&["answer", &id, "b", "largely"]);
    run(&["answer", &id, "worked-example/c", "partial"]);
    run(&["answer", &id, "d", "na"]);
    run(&[
        "answer",
        &id,
        "f",
        "testing",
        "--na-checks",
        "certification",
    ]);
    let r: serde_json::Value = serde_json::from_str(&run(&["score", &id, "--json"])).expect("json");
    let figures = serde_json::json!({
        "score": 3.17 / 6.0, "answered_score": 0.634, "coverage": 0.8, "level": 1,
        "level_name": "Performed", "answered": 4, "unknown": 0, "applicable": 5, "na": 1,
        "total": 6
    });
    let close = |got: &serde_json::Value, want: &serde_json::Value| {
        for (k, w) in want.as_object().expect("object") {
            match (got[k].as_f64(), w.as_f64()) {
                (Some(g), Some(w)) => assert!((g - w).abs() < 1e-12, "{k}: {g} {w}"),
                _ => assert_eq!(&got[k], w, "{k}"),
            }
        }
    };
    assert_eq!(r["format"], "supplycheck.score/2");
    close(&r["overall"], &figures);
    close(&r["sections"][0], &figures);
    assert_eq!(r["sections"][0]["id"], "worked-example/planning");
    assert_eq!(
        r["sections"][0]["blocking"],
        serde_json::json!(["worked-example/c"])
    );
    assert!(r["sections"][0].get("target").is_none());
    let gaps: Vec<&str> = r["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .filter_map(|g| g["item"].as_str())
        .collect();
    assert_eq!(gaps, ["worked-example/c", "worked-example/f"]);
    assert_eq!(r["gaps"][1]["value"], 0.5);
    assert_eq!(r["not_assessed"], serde_json::json!(["worked-example/e"]));

    let text = run(&["score", &id]);
    for line in [
        "Overall: Level 1 · 53 % · 80 % known",
        "answered 4 · 0 don't know · 1 N/A; 5 of 6 scored items apply; score of the answered \
         items alone 63 %",
        "next level blocked by: worked-example/c",
        "Not yet assessed: 1 scored item(s): worked-example/e",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
}

#[test]
fn answer_keeps_note_owner_and_flag_and_checklists() {
    let env = Env::new();
    let id = env.new_example("Notes");
    env.answer(
        &id,
        &[
            "a",
            "largely",
            "--note",
            "Contract clause 7",
            "--owner",
            "contract-manager",
            "--flag",
        ],
    );
    env.answer(&id, &["d", "x", "--na-checks", "y"]);
    env.answer(&id, &["strategy", "We accept moderate risk, with care."]);
    env.answer(&id, &["a", "fully"]);
    let a = read(&env.path(&id));
    let answer = &a["answers"]["worked-example/a"];
    assert_eq!(answer["choice"], "fully");
    assert_eq!(answer["note"], "Contract clause 7");
    assert_eq!(answer["owner"], "contract-manager");
    assert_eq!(answer["flag"], true);
    assert_eq!(
        a["answers"]["worked-example/d"]["checked"],
        serde_json::json!(["x"])
    );
    assert_eq!(
        a["answers"]["worked-example/d"]["na_checks"],
        serde_json::json!(["y"])
    );
    assert_eq!(
        a["answers"]["worked-example/strategy"]["text"],
        "We accept moderate risk, with care."
    );
    // The previous version is kept as the backup.
    let bak = read(
        &env.dir
            .path()
            .join("assessments")
            .join(format!("{id}.json.bak")),
    );
    assert_eq!(bak["answers"]["worked-example/a"]["choice"], "largely");
}

#[test]
fn answer_rejects_unknown_items_options_checks_and_owners_that_are_not_text() {
    let env = Env::new();
    let id = env.new_example("Bad");
    env.cmd()
        .args(["answer", &id, "zz", "fully"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no item \"zz\" in this assessment's questionnaires (worked-example)",
        ));
    env.cmd()
        .args(["answer", &id, "a", "mostly"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "\"mostly\" is not an option of a; valid: not, partial, largely, fully, na",
        ));
    env.cmd()
        .args(["answer", &id, "d", "x,q"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "d has no check \"q\"; valid checks: x, y",
        ));
    // An owner is a CFCS role or a name in the user's own words; never control characters.
    env.cmd()
        .args([
            "answer",
            &id,
            "a",
            "fully",
            "--owner",
            "Head of Procurement",
        ])
        .assert()
        .success();
    assert_eq!(
        env.saved(&id)["answers"]["worked-example/a"]["owner"],
        "Head of Procurement"
    );
    env.cmd()
        .args(["answer", &id, "a", "fully", "--owner", "boss\u{1b}[31m"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "holds control characters; give a role (executives",
        ));
    env.cmd()
        .args(["answer", "nope", "a", "fully"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no assessment \"nope\""));
}

#[test]
fn a_truncated_file_is_reported_and_left_untouched() {
    let env = Env::new();
    let id = env.new_example("Trunc");
    env.answer(&id, &["a", "fully"]);
    let path = env.path(&id);
    let full = std::fs::read(&path).expect("read");
    let truncated = &full[..full.len() / 2];
    std::fs::write(&path, truncated).expect("write");
    for args in [
        vec!["answer", id.as_str(), "b", "fully"],
        vec!["score", id.as_str()],
    ] {
        env.cmd()
            .args(&args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "{}: line ",
                path.display()
            )))
            .stderr(predicate::str::contains(", column "))
            .stderr(predicate::str::contains("The file was not changed"))
            .stderr(predicate::str::contains(format!("{id}.json.bak")));
    }
    assert_eq!(
        std::fs::read(&path).expect("read"),
        truncated,
        "the file must stay byte-for-byte"
    );
}

#[test]
fn a_second_writer_is_refused_while_the_assessment_is_open() {
    let env = Env::new();
    let id = env.new_example("Locked");
    let _held = supplycheck::store::EditLock::acquire(&env.path(&id)).expect("lock");
    env.cmd()
        .args(["answer", &id, "a", "fully"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is open in another supplycheck process",
        ));
}

#[test]
fn a_questionnaire_file_is_kept_in_the_data_directory() {
    let env = Env::new();
    let src = tempfile::tempdir().expect("tempdir");
    let mine = src.path().join("mine.json");
    std::fs::copy(FIXTURE, &mine).expect("copy");
    let out = env
        .cmd()
        .args([
            "--questionnaire-file",
            mine.to_str().expect("utf8"),
            "new",
            "--name",
            "Mine",
        ])
        .args(["--questionnaire", "worked-example"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    drop(src);
    assert!(
        env.dir
            .path()
            .join("questionnaires/worked-example@1.0.0.json")
            .is_file()
    );
    env.answer("mine", &["a", "fully"]);
    let list = env.json(&["list", "--json"]);
    assert_eq!(list[0]["id"], "mine");
    assert_eq!(list[0]["answered"], 1);
    assert_eq!(list[0]["total"], 5);
    assert_eq!(list[0]["level"], 0);
    assert!(
        list[0]["path"]
            .as_str()
            .expect("path")
            .ends_with("mine.json")
    );
    assert!(list[0]["updated"].is_string());
}

#[test]
fn validate_reports_every_problem_with_its_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(FIXTURE)
        .expect("read")
        .replace("\"level\": 3", "\"level\": 5")
        .replace(
            "\"scale\": \"implementation\", \"level\": 2",
            "\"scale\": \"nope\", \"level\": 2",
        )
        .replace("\"id\": \"b\"", "\"id\": \"a\"");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, text).expect("write");
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\n  \"format\": \"supplycheck.questionnaire/1\",\n  \"id\": x\n}",
    )
    .expect("w");
    let env = Env::new();
    env.cmd()
        .args(["questionnaires", "validate", FIXTURE])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "ok — worked-example 1.0.0 (1 sections, 6 items, 5 scored)",
        ));
    env.cmd()
        .args(["questionnaires", "validate", FIXTURE])
        .arg(&bad)
        .arg(&broken)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "planning/e: level 5 is outside 1–3",
        ))
        .stderr(predicate::str::contains(
            "planning/c: unknown scale \"nope\"; known scales: implementation",
        ))
        .stderr(predicate::str::contains("planning/a: duplicate item id"))
        .stderr(predicate::str::contains(
            "broken.json: line 3, column 9: expected value",
        ))
        .stderr(predicate::str::contains("2 of 3 file(s) did not validate"));
}

#[test]
fn validate_passes_the_built_ins_and_skips_the_schemas() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let out = Env::new()
        .cmd()
        .args(["questionnaires", "validate"])
        .args(&files)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for schema in [
        "assessment-1",
        "assessment-2",
        "questionnaire-1",
        "questionnaire-2",
    ] {
        assert!(
            stdout.contains(&format!(
                "{schema}.schema.json: skipped — a JSON Schema, not a questionnaire"
            )),
            "{stdout}"
        );
    }
    assert_eq!(stdout.matches(": ok — ").count(), 4, "{stdout}");
    // The built-ins' content is rewritten later: until then, a level whose every item may be
    // answered N/A is the one warning they may carry.
    let other: Vec<&str> = stdout
        .lines()
        .filter(|l| l.trim_start().starts_with("warning:"))
        .filter(|l| !l.contains("may be answered N/A, so level"))
        .collect();
    assert!(
        other.is_empty(),
        "the built-ins have no other warnings: {stdout}"
    );
}

#[test]
fn questionnaires_list_and_show() {
    let env = Env::new();
    let list = env.json(&["questionnaires", "list", "--json"]);
    let ids: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|q| q["id"].as_str())
        .collect();
    // Every version the binary holds: the current built-ins, then the archived 1.0.0 ones.
    assert_eq!(
        ids,
        [
            "ncsc-board",
            "cfcs-phases",
            "cert-exd",
            "supplier-review",
            "ncsc-board",
            "cfcs-phases",
            "cert-exd"
        ]
    );
    let versions: Vec<&str> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|q| q["version"].as_str())
        .collect();
    assert_eq!(
        versions,
        [
            "2.0.0", "2.0.0", "2.0.0", "1.0.0", "1.0.0", "1.0.0", "1.0.0"
        ]
    );
    let shown = env.json(&[
        "--questionnaire-file",
        FIXTURE,
        "questionnaires",
        "show",
        "worked-example",
        "--json",
    ]);
    let original = std::fs::read_to_string(FIXTURE).expect("read");
    let original =
        supplycheck::questionnaire::Questionnaire::parse(&original, "f").expect("parses");
    let shown =
        supplycheck::questionnaire::Questionnaire::parse(&shown.to_string(), "s").expect("parses");
    assert_eq!(shown, original);
    env.cmd()
        .args(["questionnaires", "show", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no questionnaire \"nope\"; available: ncsc-board, cfcs-phases, cert-exd, \
             supplier-review",
        ));
}

#[test]
fn usage_errors_exit_with_2() {
    let env = Env::new();
    env.cmd().args(["score"]).assert().code(2);
    env.cmd().args(["frobnicate"]).assert().code(2);
    env.cmd()
        .args(["--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: supplycheck"));
}

#[test]
fn a_future_format_is_refused_with_its_version() {
    let env = Env::new();
    let id = env.new_example("Future");
    let path = env.path(&id);
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("assessment/2", "assessment/3");
    std::fs::write(&path, &text).expect("write");
    env.cmd()
        .args(["score", &id])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the format is \"supplycheck.assessment/3\"",
        ));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn a_format_1_file_is_answered_and_saved_as_format_2() {
    let env = Env::new();
    let id = env.new_example("Old");
    let path = env.path(&id);
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("assessment/2", "assessment/1");
    std::fs::write(&path, &text).expect("write");
    env.answer(&id, &["a", "fully", "--note", "kept"]);
    let a = read(&path);
    assert_eq!(a["format"], "supplycheck.assessment/2");
    assert_eq!(a["answers"]["worked-example/a"]["note"], "kept");
}

#[test]
fn answer_sets_the_follow_up_fields_and_keeps_them_when_the_answer_changes() {
    let env = Env::new();
    let id = env.new_example("Follow");
    env.answer(
        &id,
        &[
            "a",
            "partial",
            "--due",
            "2027-03-31",
            "--status",
            "in-progress",
            "--evidence",
            "Supplier register.xlsx",
            "--evidence",
            "https://intranet.example/audit",
            "--decision",
            "Approve an audit budget",
            "--park",
        ],
    );
    let a = read(&env.path(&id));
    let entry = &a["answers"]["worked-example/a"];
    assert_eq!(entry["choice"], "partial");
    assert_eq!(entry["due"], "2027-03-31");
    assert_eq!(entry["status"], "in-progress");
    assert_eq!(
        entry["evidence"],
        serde_json::json!([
            { "ref": "Supplier register.xlsx" },
            { "ref": "https://intranet.example/audit" }
        ])
    );
    assert_eq!(entry["decision"], "Approve an audit budget");
    assert_eq!(entry["parked"], true);
    env.answer(
        &id,
        &["a", "largely", "--evidence", "Supplier register.xlsx"],
    );
    env.answer(&id, &["a", "--status", "done", "--unpark", "--due", ""]);
    let a = read(&env.path(&id));
    let entry = &a["answers"]["worked-example/a"];
    assert_eq!(entry["choice"], "largely", "no VALUE keeps the answer");
    assert_eq!(entry["status"], "done");
    assert_eq!(
        entry["evidence"].as_array().map(Vec::len),
        Some(2),
        "no duplicate"
    );
    assert_eq!(entry["decision"], "Approve an audit budget");
    assert!(entry.get("parked").is_none() && entry.get("due").is_none());
    env.answer(&id, &["b", "--due", "2027-01-31"]);
    let a = read(&env.path(&id));
    assert_eq!(
        a["answers"]["worked-example/b"],
        serde_json::json!({ "due": "2027-01-31" }),
        "a follow-up alone keeps the item unanswered"
    );
}

#[test]
fn answer_refuses_a_wrong_due_day_or_status_and_changes_nothing() {
    let env = Env::new();
    let id = env.new_example("Wrong");
    let before = std::fs::read_to_string(env.path(&id)).expect("read");
    for (args, says) in [
        (
            vec!["a", "fully", "--due", "31/03/2027"],
            "--due: \"31/03/2027\" is not a date; write it as YYYY-MM-DD",
        ),
        (
            vec!["a", "fully", "--due", "2027-02-30"],
            "--due: \"2027-02-30\" is not a day of the calendar",
        ),
        (
            vec!["a", "fully", "--status", "closed"],
            "--status: \"closed\" is not a status; use open, in-progress or done",
        ),
        (vec!["a", "fully", "--evidence", " "], "--evidence is empty"),
        (vec!["a"], "nothing to change: give a VALUE"),
    ] {
        env.cmd()
            .arg("answer")
            .arg(&id)
            .args(&args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says));
    }
    env.cmd()
        .args(["answer", &id, "a", "fully", "--park", "--unpark"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot be used with"));
    assert_eq!(
        std::fs::read_to_string(env.path(&id)).expect("read"),
        before
    );
}

#[test]
fn answers_to_items_that_no_longer_exist_are_kept_and_reported() {
    let env = Env::new();
    let id = env.new_example("Old");
    let path = env.path(&id);
    let mut a = read(&path);
    a["answers"]["worked-example/gone"] =
        serde_json::json!({ "choice": "fully", "note": "keep me" });
    std::fs::write(&path, serde_json::to_string_pretty(&a).expect("json")).expect("write");
    env.cmd()
        .args(["--questionnaire-file", FIXTURE, "score", &id])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "worked-example/gone: no such item in worked-example 1.0.0; the answer is kept",
        ));
    env.answer(&id, &["a", "fully"]);
    assert_eq!(
        read(&path)["answers"]["worked-example/gone"]["note"],
        "keep me"
    );
}
