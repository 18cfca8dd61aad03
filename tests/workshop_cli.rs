//! Workshops as a facilitator runs them: three respondents' files merged, disagreements
//! listed, and two assessments compared year on year.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::Env;

/// One laptop: a data directory of its own.
type Laptop = Env;

/// Creates an assessment of `questionnaires` on `laptop` and returns its file.
fn assessment(laptop: &Laptop, respondent: Option<&str>, questionnaires: &[&str]) -> PathBuf {
    let mut args = vec!["--name", "Acme 2026", "--org", "Acme Ltd"];
    if let Some(r) = respondent {
        args.extend(["--respondent", r]);
    }
    for q in questionnaires {
        args.extend(["--questionnaire", q]);
    }
    laptop.path(&laptop.new_assessment(&args))
}

/// Answers `item` with `value` on `file`, with further `answer` arguments.
fn answer(laptop: &Laptop, file: &Path, item: &str, value: &str, extra: &[&str]) {
    let mut args = vec![item, value];
    args.extend(extra);
    laptop.answer(file, &args);
}

fn json_of(out: &std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// An answer given on a laptop: item, value, further `answer` arguments.
type Given<'a> = (&'a str, &'a str, &'a [&'a str]);

/// Three laptops answer cert-exd; returns the facilitator's laptop and the three files
/// copied onto it.
fn three_respondents() -> (Laptop, Vec<PathBuf>) {
    let facilitator = Laptop::new();
    let mut files = Vec::new();
    let answers: [(&str, &[Given]); 3] = [
        (
            "Alice",
            &[
                (
                    "cert-exd/high-value-services",
                    "fully",
                    &["--note", "In the BIA, 2025"],
                ),
                ("cert-exd/priority-by-service", "fully", &[]),
                (
                    "cert-exd/agreement-contents",
                    "blanket-requirements,recourse",
                    &[],
                ),
                ("cert-exd/dependency-tiers", "largely", &[]),
            ],
        ),
        (
            "Bob",
            &[
                ("cert-exd/high-value-services", "fully", &[]),
                ("cert-exd/priority-by-service", "not", &["--flag"]),
                (
                    "cert-exd/agreement-contents",
                    "blanket-requirements,recourse,restoration-times",
                    &[],
                ),
                (
                    "cert-exd/dependency-tiers",
                    "largely",
                    &["--note", "Three tiers"],
                ),
            ],
        ),
        (
            "Carol",
            &[
                ("cert-exd/high-value-services", "fully", &[]),
                ("cert-exd/priority-by-service", "dont-know", &[]),
                ("cert-exd/dependency-tiers", "largely", &[]),
            ],
        ),
    ];
    for (who, given) in answers {
        let laptop = Laptop::new();
        let file = assessment(&laptop, Some(who), &["cert-exd"]);
        for (item, value, extra) in given {
            answer(&laptop, &file, item, value, extra);
        }
        let copied = facilitator
            .dir
            .path()
            .join(format!("{}.json", who.to_lowercase()));
        std::fs::copy(&file, &copied).expect("copy to the facilitator");
        files.push(copied);
    }
    (facilitator, files)
}

#[test]
fn three_respondents_merge_with_disagreements_widest_first() {
    let (f, files) = three_respondents();
    let out = f
        .cmd()
        .arg("merge")
        .args(&files)
        .args(["-o", "workshop", "--json"])
        .output()
        .expect("runs");
    let summary = json_of(&out);
    assert_eq!(summary["format"], "supplycheck.merge/1");
    assert_eq!(summary["id"], "workshop");
    assert_eq!(
        summary["respondents"],
        serde_json::json!(["Alice", "Bob", "Carol"])
    );
    assert_eq!(
        summary["agreed"], 2,
        "high-value-services and dependency-tiers"
    );
    let disputed: Vec<(&str, f64)> = summary["disagreements"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| {
            (
                d["item"].as_str().expect("item"),
                d["spread"].as_f64().expect("spread"),
            )
        })
        .collect();
    assert_eq!(
        disputed,
        [
            ("cert-exd/priority-by-service", 1.0),
            ("cert-exd/agreement-contents", 0.2),
        ]
    );
    let first = &summary["disagreements"][0]["answers"];
    assert_eq!(first[0]["respondent"], "Alice");
    assert_eq!(first[0]["answer"], "Fully implemented");
    assert_eq!(first[1]["value"], 0.0);
    assert_eq!(first[2]["answer"], "Don't know");
    assert_eq!(
        first[2]["value"],
        Value::Null,
        "a \"Don't know\" has no value to compare"
    );

    // The merged file is in the facilitator's data directory, fits the schema and scores.
    let merged = f.saved("workshop");
    let validator = common::schema::validator("questionnaires/assessment-2.schema.json");
    let errors = common::schema::errors(&validator, &merged);
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(merged["respondent"], "Alice, Bob, Carol");
    let a = &merged["answers"];
    assert_eq!(a["cert-exd/high-value-services"]["choice"], "fully");
    assert_eq!(
        a["cert-exd/high-value-services"]["note"],
        "Alice: In the BIA, 2025"
    );
    assert_eq!(a["cert-exd/dependency-tiers"]["note"], "Bob: Three tiers");
    assert_eq!(a["cert-exd/priority-by-service"]["flag"], true);
    assert_eq!(a["cert-exd/priority-by-service"].get("choice"), None);
    assert_eq!(
        merged["responses"]["cert-exd/agreement-contents"][1]["answer"]["checked"],
        serde_json::json!(["blanket-requirements", "recourse", "restoration-times"])
    );

    let score = json_of(
        &f.cmd()
            .args(["score", "workshop", "--json"])
            .output()
            .expect("runs"),
    );
    assert_eq!(score["overall"]["answered"], 2);
}

#[test]
fn the_merge_summary_reads_as_an_agenda() {
    let (f, files) = three_respondents();
    f.cmd()
        .arg("merge")
        .args(&files)
        .args(["-o", "workshop"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Merged 3 assessments (Alice, Bob, Carol) into",
        ))
        .stdout(predicate::str::contains("Agreed: 2 items"))
        .stdout(predicate::str::contains("Disagreements: 2"))
        .stdout(predicate::str::contains("Bob: Not implemented"))
        .stdout(predicate::str::contains("supplycheck open workshop"));
}

#[test]
fn an_existing_output_is_never_overwritten() {
    let (f, files) = three_respondents();
    let out = f.dir.path().join("merged.json");
    std::fs::write(&out, "not even JSON").expect("write");
    f.cmd()
        .arg("merge")
        .args(&files)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already exists and is left as it is",
        ));
    assert_eq!(
        std::fs::read_to_string(&out).expect("read"),
        "not even JSON"
    );
    // Nor an input.
    f.cmd()
        .arg("merge")
        .args(&files)
        .arg("-o")
        .arg(&files[0])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is one of the assessments to merge",
        ));
}

#[test]
fn different_questionnaires_need_force() {
    let laptop = Laptop::new();
    let a = assessment(&laptop, Some("Alice"), &["cert-exd"]);
    let b = assessment(&laptop, Some("Bob"), &["cert-exd", "ncsc-board"]);
    answer(&laptop, &a, "cert-exd/high-value-services", "fully", &[]);
    answer(&laptop, &b, "cert-exd/high-value-services", "not", &[]);
    answer(
        &laptop,
        &b,
        "ncsc-board/supplier-landscape",
        "evidence",
        &[],
    );
    let out = laptop.dir.path().join("m.json");
    laptop
        .cmd()
        .arg("merge")
        .args([&a, &b])
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the assessments do not use the same questionnaires:\n  ncsc-board: not in acme-2026.json\n",
        ))
        .stderr(predicate::str::contains("add --force"));
    assert!(!out.exists());
    let summary = json_of(
        &laptop
            .cmd()
            .arg("merge")
            .args([&a, &b])
            .arg("-o")
            .arg(&out)
            .args(["--force", "--json"])
            .output()
            .expect("runs"),
    );
    assert_eq!(
        summary["left_out"],
        serde_json::json!([{
            "questionnaire": "ncsc-board",
            "reason": "not every assessment uses it",
            "answers": 1
        }])
    );
    assert_eq!(summary["disagreements"][0]["spread"], 1.0);
    assert!(out.exists());
}

#[test]
fn merge_needs_two_assessments_and_a_usable_output() {
    let laptop = Laptop::new();
    let a = assessment(&laptop, None, &["cert-exd"]);
    laptop
        .cmd()
        .arg("merge")
        .arg(&a)
        .args(["-o", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "give at least two assessments to merge",
        ));
    laptop.cmd().arg("merge").assert().code(2);
    laptop
        .cmd()
        .arg("merge")
        .args([&a, &a])
        .args(["-o", "Not An Id"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "neither a file path nor a usable id",
        ));
}

#[test]
fn compare_shows_what_moved_year_on_year() {
    let laptop = Laptop::new();
    let last_year = assessment(&laptop, None, &["cert-exd"]);
    let this_year = assessment(&laptop, None, &["cert-exd"]);
    for (file, item, value) in [
        (&last_year, "high-value-services", "not"),
        (&last_year, "priority-by-service", "fully"),
        (&last_year, "dependency-tiers", "partial"),
        (&this_year, "high-value-services", "fully"),
        (&this_year, "priority-by-service", "largely"),
        (&this_year, "stress-priorities", "partial"),
    ] {
        answer(&laptop, file, &format!("cert-exd/{item}"), value, &[]);
    }

    let c = json_of(
        &laptop
            .cmd()
            .arg("compare")
            .args([&last_year, &this_year])
            .arg("--json")
            .output()
            .expect("runs"),
    );
    assert_eq!(c["format"], "supplycheck.compare/2");
    let items = |key: &str| -> Vec<String> {
        c[key]
            .as_array()
            .expect("a list")
            .iter()
            .map(|i| i["item"].as_str().expect("item").to_string())
            .collect()
    };
    assert_eq!(items("improved"), ["cert-exd/high-value-services"]);
    assert_eq!(items("slipped"), ["cert-exd/priority-by-service"]);
    assert_eq!(items("newly_answered"), ["cert-exd/stress-priorities"]);
    assert_eq!(items("no_longer_answered"), ["cert-exd/dependency-tiers"]);
    assert_eq!(c["improved"][0]["answer_before"], "Not implemented");
    assert_eq!(c["improved"][0]["answer_after"], "Fully implemented");
    let goal1 = &c["sections"][0];
    assert_eq!(goal1["id"], "cert-exd/identify-prioritise");
    // Seven items weigh 16 in all; before 3.33, after 6, with the earlier answered items
    // 5.34 (weights and values in the questionnaire; unanswered items count 0).
    let before = 3.33 / 16.0;
    let after = 6.0 / 16.0;
    let same_items = 5.34 / 16.0;
    let close = |v: &Value, x: f64| (v.as_f64().expect("number") - x).abs() < 1e-9;
    assert!(close(&goal1["score_before"], before), "{goal1}");
    assert!(close(&goal1["score_after"], after), "{goal1}");
    assert!(close(&goal1["score_delta"], after - before), "{goal1}");
    assert!(
        close(&goal1["score_from_answers"], same_items - before),
        "{goal1}"
    );
    assert!(
        close(&goal1["score_from_coverage"], after - same_items),
        "{goal1}"
    );
    assert_eq!(goal1["level_before"], 0);

    laptop
        .cmd()
        .arg("compare")
        .args([&last_year, &this_year])
        .assert()
        .success()
        .stdout(predicate::str::contains("Improved: 1"))
        .stdout(predicate::str::contains(
            "Not implemented → Fully implemented",
        ))
        .stdout(predicate::str::contains(format!(
            "▲ +{}",
            supplycheck::figures::whole_percent(after)
                - supplycheck::figures::whole_percent(before)
        )));
}

#[test]
fn compare_names_a_missing_assessment() {
    let laptop = Laptop::new();
    let a = assessment(&laptop, None, &["cert-exd"]);
    laptop
        .cmd()
        .arg("compare")
        .arg(&a)
        .arg("no-such-thing")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no assessment \"no-such-thing\""));
}

#[test]
fn the_example_years_compare_as_the_readme_shows() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let laptop = Laptop::new();
    laptop
        .cmd()
        .arg("compare")
        .arg(examples.join("acme-2025.json"))
        .arg(examples.join("acme-2026.json"))
        .assert()
        .success()
        .stderr("")
        .stdout(predicate::str::contains(
            "Overall                                        0 → 0     53 % → 60 %       90 % → 96 %       \
             ▲ +7 (answers +6, answered more items +1)",
        ))
        .stdout(predicate::str::contains(
            "Changed answers raised the score by 6 points; 1 point from items answered for the \
             first time.",
        ))
        .stdout(predicate::str::contains("Improved: 16"))
        .stdout(predicate::str::contains("Slipped: 3"))
        .stdout(predicate::str::contains("Newly answered: 11"));
}
