//! A workshop's record from the command line: respondents with groups merged into a new
//! assessment, disputes settled without losing anyone's answer, the perception gap, the
//! session plan, renaming and parked items.

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::Env;

/// Ann (board), Bob and Carl (staff) answer the worked example; returns their ids.
fn three(env: &Env, groups: [Option<&str>; 3]) -> Vec<String> {
    let given: [(&str, [&str; 5]); 3] = [
        ("Ann", ["fully", "fully", "fully", "x,y", "largely"]),
        ("Bob", ["fully", "largely", "not", "x", "na"]),
        ("Carl", ["fully", "partial", "", "", "na"]),
    ];
    let mut ids = Vec::new();
    for ((who, answers), group) in given.iter().zip(groups) {
        let mut args = vec![
            "--name",
            "Workshop",
            "--respondent",
            who,
            "--questionnaire",
            "worked-example",
        ];
        if let Some(g) = group {
            args.extend(["--group", g]);
        }
        let id = env.new_assessment(&args);
        for (item, value) in ["a", "b", "c", "d", "e"].iter().zip(answers) {
            if !(value.is_empty() && *item == "c") {
                env.answer(&id, &[item, value]);
            }
        }
        ids.push(id);
    }
    ids
}

/// Merges `ids` into a new assessment in the data directory; returns its id.
fn merged(env: &Env, ids: &[String], extra: &[&str]) -> String {
    let out = env
        .cmd()
        .arg("merge")
        .args(ids)
        .args(extra)
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).expect("json");
    report["id"].as_str().expect("an id").to_string()
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

#[test]
fn new_writes_the_respondent_with_a_group_and_refuses_a_bad_one() {
    let env = Env::new();
    let id = env.new_assessment(&[
        "--name",
        "Ann's answers",
        "--respondent",
        "Ann",
        "--group",
        "Board",
    ]);
    let file = env.saved(&id);
    assert_eq!(file["respondent"], "Ann");
    assert_eq!(
        file["respondents"],
        serde_json::json!([{"name": "Ann", "group": "board"}])
    );
    let own = env.new_assessment(&["--name", "Bob", "--respondent", "Bob", "--group", "IT team"]);
    assert_eq!(env.saved(&own)["respondents"][0]["group"], "IT team");
    env.cmd()
        .args([
            "new",
            "--name",
            "X",
            "--respondent",
            "Carl",
            "--group",
            &"g".repeat(40),
        ])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("--group: the group")
                .and(predicate::str::contains("at most 32")),
        );
    env.cmd()
        .args(["new", "--name", "X", "--group", "board"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--respondent"));
    env.cmd()
        .args([
            "new",
            "--name",
            "X",
            "--respondent",
            "Cat\u{1b}[31m\u{202e}",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--respondent: the respondent's name holds control characters",
        ));
}

#[test]
fn a_merge_goes_into_the_data_directory_with_its_groups_and_settling_keeps_every_answer() {
    let env = Env::new();
    let ids = three(&env, [Some("board"), Some("staff"), Some("staff")]);
    let room = merged(&env, &ids, &[]);
    let file = env.saved(&room);
    assert_eq!(
        file["name"], "Merged: Ann, Bob, Carl",
        "never the first respondent's name"
    );
    assert_eq!(
        file["respondents"],
        serde_json::json!([
            {"name": "Ann", "group": "board"},
            {"name": "Bob", "group": "staff"},
            {"name": "Carl", "group": "staff"}
        ])
    );
    let listed = env.json(&["list", "--json"]);
    let row = listed
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == room.as_str()))
        .expect("the merged assessment shows on home");
    assert_eq!(row["disputed"], 4);

    // The room takes Bob's answer for d, and writes a new one for b.
    env.cmd()
        .args(["answer", &room, "d", "x", "--by", "Fiona"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Settled the disagreement with Bob's answer",
        ));
    env.answer(&room, &["b", "not"]);
    let file = env.saved(&room);
    assert_eq!(file["settled"]["worked-example/d"]["by"], "Fiona");
    assert_eq!(file["settled"]["worked-example/d"]["from"], "Bob");
    assert_eq!(file["settled"]["worked-example/b"]["by"], "facilitator");
    assert_eq!(file["settled"]["worked-example/b"]["from"], Value::Null);
    for item in ["b", "c", "d", "e"] {
        assert!(
            file["responses"][format!("worked-example/{item}")].is_array(),
            "{item}: every respondent's answer is kept"
        );
    }
    assert_eq!(
        file["responses"]["worked-example/d"][2]["respondent"],
        "Carl"
    );

    // Settle the rest; the fully settled file still has every respondent's answers.
    env.answer(&room, &["c", "fully"]);
    env.answer(&room, &["e", "na"]);
    let file = env.saved(&room);
    assert_eq!(file["settled"]["worked-example/c"]["from"], "Ann");
    assert_eq!(file["settled"]["worked-example/e"]["from"], "Bob");
    assert_eq!(
        file["responses"].as_object().map(serde_json::Map::len),
        Some(4)
    );
    env.cmd()
        .args(["score", &room])
        .assert()
        .success()
        .stdout(predicate::str::contains("Disputed").not());
}

#[test]
fn merge_takes_a_name_and_a_folder_and_rename_renames() {
    let env = Env::new();
    let ids = three(&env, [Some("board"), Some("staff"), None]);
    let folder = env.dir.path().join("answers");
    std::fs::create_dir(&folder).expect("folder");
    for id in &ids {
        std::fs::copy(env.path(id), folder.join(format!("{id}.json"))).expect("copy");
    }
    // A board pack's JSON beside the answers is not a respondent: left out, as the
    // portfolio leaves it out.
    std::fs::write(
        folder.join("board-pack.json"),
        r#"{"format": "supplycheck.report/2"}"#,
    )
    .expect("writes");
    let room = merged(
        &env,
        &[],
        &[
            "--from",
            folder.to_str().expect("utf8"),
            "--name",
            "Acme board workshop",
        ],
    );
    let file = env.saved(&room);
    assert_eq!(file["name"], "Acme board workshop");
    // The folder's files in name order: workshop-2 (Bob), workshop-3 (Carl), workshop (Ann).
    assert_eq!(file["respondent"], "Bob, Carl, Ann");
    // A file that cannot be read stops the merge, naming it: no respondent is dropped.
    std::fs::write(folder.join("broken.json"), "{").expect("writes");
    env.cmd()
        .args(["merge", "--from", folder.to_str().expect("utf8")])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "broken.json cannot be read as an assessment",
        ));
    env.cmd()
        .args(["merge", "--from", "no-such-folder"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--from no-such-folder: no such folder",
        ));

    env.cmd()
        .args(["rename", &room, "Acme 2026 workshop"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Renamed \"Acme board workshop\" to \"Acme 2026 workshop\"",
        ));
    assert_eq!(env.saved(&room)["name"], "Acme 2026 workshop");
    assert_eq!(env.saved(&room)["id"], room.as_str(), "the id stays");
    env.cmd()
        .args(["rename", &room, "  "])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the name is empty"));
    assert_eq!(env.saved(&room)["name"], "Acme 2026 workshop");
}

#[test]
fn the_gap_shows_the_hand_computed_figures() {
    let env = Env::new();
    let ids = three(&env, [Some("board"), Some("staff"), Some("staff")]);
    let room = merged(&env, &ids, &["-o", "room"]);
    env.answer(&room, &["d", "x"]);
    let gap = env.json(&["gap", &room, "--json"]);
    assert_eq!(gap["format"], "supplycheck.gap/1");
    assert_eq!(gap["compared"], "board");
    assert_eq!(gap["against"], serde_json::json!(["staff"]));
    assert_eq!(gap["groups"][0]["label"], "Ann (board)");
    assert_eq!(
        gap["groups"][1]["respondents"],
        serde_json::json!(["Bob", "Carl"])
    );
    // Board: (1 + 2·1 + 1 + 1 + 0.67) / 6; staff: (1 + 2·0.5 + 0 + 0.25) / 5, e N/A.
    let area = &gap["areas"][0];
    assert!(close(&area["groups"][0]["score"], 5.67 / 6.0), "{area}");
    assert!(close(&area["groups"][1]["score"], 0.45), "{area}");
    assert_eq!(area["groups"][0]["level"], 3);
    assert_eq!(area["groups"][1]["level"], 0);
    assert!(close(&area["difference"], 5.67 / 6.0 - 0.45));
    let items: Vec<(&str, f64)> = gap["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["item"].as_str().unwrap_or(""),
                i["difference"].as_f64().unwrap_or(-1.0),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("worked-example/c", 1.0),
            ("worked-example/d", 0.75),
            ("worked-example/b", 0.5)
        ]
    );
    env.cmd().args(["gap", &room]).assert().success().stdout(
        predicate::str::contains("Compared: Ann (board) against staff")
            .and(predicate::str::contains("95 % L3"))
            .and(predicate::str::contains("45 % L0"))
            .and(predicate::str::contains("+50"))
            .and(predicate::str::contains(
                "Where Ann (board) answered highest above staff",
            ))
            .and(predicate::str::contains("100 points"))
            .and(predicate::str::contains("Carl (staff): no answer")),
    );
}

#[test]
fn the_gap_without_groups_says_what_to_do() {
    let env = Env::new();
    let ids = three(&env, [None, None, None]);
    let room = merged(&env, &ids, &["-o", "room"]);
    env.cmd().args(["gap", &room]).assert().code(1).stderr(
        predicate::str::contains("no respondent of \"Merged: Ann, Bob, Carl\"").and(
            predicate::str::contains("--group board|management|staff|supplier"),
        ),
    );
}

#[test]
fn the_plan_is_set_shown_replaced_and_cleared() {
    let env = Env::new();
    let id = env.new_example("Acme");
    env.cmd()
        .args(["plan", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains("No plan yet"));
    env.cmd()
        .args([
            "plan",
            &id,
            "--session",
            "Board",
            "--section",
            "planning=20",
        ])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Session \"Board\": 1 section in 20 min").and(
                predicate::str::contains("1. Planning (worked-example/planning)"),
            ),
        );
    assert_eq!(
        env.saved(&id)["plan"],
        serde_json::json!([{"name": "Board", "sections": [
            {"section": "worked-example/planning", "minutes": 20}
        ]}])
    );
    env.cmd()
        .args([
            "plan",
            &id,
            "--session",
            "board",
            "--section",
            "worked-example/planning=95",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 h 35 min"));
    assert_eq!(
        env.saved(&id)["plan"].as_array().map(Vec::len),
        Some(1),
        "replaced"
    );
    for (bad, says) in [
        ("nowhere=5", "no section \"nowhere\" in this assessment"),
        ("planning=0", "at least 1"),
        ("planning", "has no minutes"),
        (
            "planning=4294967295",
            "a time box is at most 600 minutes (10 hours)",
        ),
        (
            "planning=4294967296",
            "a time box is at most 600 minutes (10 hours)",
        ),
        (
            "planning\u{1b}[31m=10",
            "the section holds control characters",
        ),
    ] {
        env.cmd()
            .args(["plan", &id, "--section", bad])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says));
    }
    env.cmd()
        .args([
            "plan",
            &id,
            "--session",
            &"s".repeat(200),
            "--section",
            "planning=10",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--session is 200 characters long"));
    env.cmd().args(["plan", &id, "--clear"]).assert().success();
    assert!(env.saved(&id).get("plan").is_none());
}

#[test]
fn parked_items_are_counted_in_list_and_score() {
    let env = Env::new();
    let id = env.new_example("Acme");
    env.answer(&id, &["a", "--park"]);
    env.answer(&id, &["c", "--park"]);
    env.cmd()
        .args(["score", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Parked (left for later in the workshop): 2 items: worked-example/a, worked-example/c",
        ));
    env.cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains(" · 2 parked"));
    assert_eq!(env.json(&["list", "--json"])[0]["parked"], 2);
}
