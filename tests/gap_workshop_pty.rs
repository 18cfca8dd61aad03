//! A three-respondent workshop end to end with the real binary: each respondent's assessment
//! created with a group and answered from the command line, merged into the data directory,
//! settled in the app's `D` list, undone with Ctrl-Z and settled again; the perception gap
//! looked at in the app; then the file keeps every response and the settlement record, and
//! `gap --json` gives the figures worked out by hand.

mod common;

use common::Env;
use common::pty::Term;
use serde_json::Value;

/// Ann (board), Bob and Carl (staff), each answering the worked example in their own file.
const ANSWERS: [(&str, &str, [&str; 5]); 3] = [
    (
        "Ann",
        "board",
        ["fully", "fully", "fully", "x,y", "largely"],
    ),
    ("Bob", "staff", ["fully", "partial", "not", "", "not"]),
    ("Carl", "staff", ["fully", "largely", "-", "x", "na"]),
];

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

#[test]
fn a_three_respondent_workshop_settles_undoes_and_keeps_its_record() {
    let env = Env::new();
    let mut ids = Vec::new();
    for (who, group, answers) in ANSWERS {
        let id = env.new_assessment(&[
            "--name",
            &format!("Room {who}"),
            "--respondent",
            who,
            "--group",
            group,
            "--questionnaire",
            "worked-example",
        ]);
        for (item, answer) in ["a", "b", "c", "d", "e"].iter().zip(answers) {
            if answer != "-" {
                env.answer(&id, &[item, answer]);
            }
        }
        ids.push(id);
    }
    // No -o: the merged assessment goes into the data directory, named as asked.
    let mut merge = env.cmd();
    merge.arg("merge").args(&ids).args(["--name", "Board room"]);
    merge.assert().success();
    let before = env.saved("board-room");
    assert_eq!(before["name"], "Board room");

    let mut app = Term::start(env.dir.path(), &["open", "board-room"], 24, 80);
    app.wait_for("4 disagreements");
    app.press("D");
    // Widest first: item C, where Ann says fully and Bob not (Carl gave no answer).
    app.wait_for_all(&["1 of 4", "Item C?", "no answer"]);
    app.press("1");
    app.wait_for("Settled with Ann's answer");
    app.press("\u{1a}");
    app.wait_for("Undone: ");
    app.wait_for("1 of 4");
    app.press("2");
    app.wait_for("Settled with Bob's answer");
    // The perception gap in the app: 95 % against 38 %, 57 points.
    app.press("\u{1b}");
    app.wait_for("Item");
    app.press("r");
    app.wait_for("Results");
    app.press("G");
    app.wait_for_all(&["Ann (board) against staff", "95 % L3", "38 % L0", "+57"]);
    app.press("\u{1b}");
    app.wait_for("Action plan");
    app.press("\u{1b}");
    app.wait_for("Item");
    app.press("q");
    assert!(app.wait_exit().success(), "{}", app.text());

    let file = env.saved("board-room");
    // Every respondent's answer is kept, settled or not.
    assert_eq!(file["responses"], before["responses"], "{file}");
    for (item, answered) in [("b", 3), ("c", 2), ("d", 3), ("e", 3)] {
        assert_eq!(
            file["responses"][format!("worked-example/{item}")]
                .as_array()
                .map(Vec::len),
            Some(answered),
            "{item}: {file}"
        );
    }
    // One settlement, the one made after the undo: Bob's answer to C.
    let settled = file["settled"].as_object().expect("a settled record");
    assert_eq!(settled.len(), 1, "{file}");
    let c = &settled["worked-example/c"];
    assert_eq!(c["from"], "Bob");
    assert_eq!(c["by"], "facilitator");
    assert!(c["at"].as_str().is_some_and(|t| t.ends_with('Z')), "{c}");
    assert_eq!(file["answers"]["worked-example/c"]["choice"], "not");

    gap_by_hand(&env);
}

/// `gap --json` on the merged assessment gives the figures worked out by hand.
fn gap_by_hand(env: &Env) {
    // The gap, by hand. Weights a 1, b 2, c 1, d 1, e 1; pass mark 0.6.
    // Ann: 1, 1, 1, 1 (both checks), 0.67 → 5.67 / 6 = 0.945; every level achieved: 3.
    // Staff (Bob, Carl): a mean(1, 1) = 1; b mean(0.33, 0.67) = 0.5; c Bob's 0 (Carl none);
    // d mean(0, 0.5) = 0.25; e Bob's 0 (Carl N/A left out) → (1 + 1 + 0 + 0.25 + 0) / 6 =
    // 0.375; b is below the pass mark: level 0.
    let gap = env.json(&["gap", "board-room", "--json"]);
    assert_eq!(gap["format"], "supplycheck.gap/1");
    assert_eq!(gap["compared"], "board");
    assert_eq!(gap["against"], serde_json::json!(["staff"]));
    assert_eq!(gap["groups"][0]["label"], "Ann (board)");
    assert_eq!(
        gap["groups"][1]["respondents"],
        serde_json::json!(["Bob", "Carl"])
    );
    let overall = &gap["overall"];
    assert!(close(&overall[0]["score"], 5.67 / 6.0), "{overall}");
    assert_eq!(overall[0]["level"], 3);
    assert!(close(&overall[1]["score"], 2.25 / 6.0), "{overall}");
    assert_eq!(overall[1]["level"], 0);
    assert_eq!(overall[1]["level_name"], "Incomplete");
    assert!(close(&gap["difference"], 5.67 / 6.0 - 2.25 / 6.0), "{gap}");
    assert!(close(&gap["areas"][0]["difference"], 0.57), "{gap}");
    // Where the board is above staff, widest first: c 1 − 0, d 1 − 0.25, e 0.67 − 0,
    // b 1 − 0.5; a is agreed.
    let items: Vec<(&str, f64)> = gap["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| {
            (
                i["item"].as_str().unwrap_or_default(),
                i["difference"].as_f64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        items,
        [
            ("worked-example/c", 1.0),
            ("worked-example/d", 0.75),
            ("worked-example/e", 0.67),
            ("worked-example/b", 0.5)
        ]
    );
    let c_answers = &gap["items"][0]["answers"];
    assert_eq!(c_answers[2]["respondent"], "Carl");
    assert_eq!(c_answers[2]["answer"], "", "Carl gave no answer to C");
}
