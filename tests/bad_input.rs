//! The bad-input matrix: each hostile or broken input gets a message for people (checked
//! word for word), exit code 1, and no file is written over.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::{Value, json};

mod common;

use common::FIXTURE;

/// A data directory holding the worked-example questionnaire and one assessment `x`.
struct Env(common::Env);

impl Env {
    fn new() -> Self {
        let env = common::Env::new();
        std::fs::create_dir_all(env.dir.path().join("questionnaires")).expect("dir");
        std::fs::copy(
            FIXTURE,
            env.dir.path().join("questionnaires/worked-example.json"),
        )
        .expect("copy");
        env.cmd()
            .args(["new", "--name", "x", "--questionnaire", "worked-example"])
            .assert()
            .success();
        Self(env)
    }

    fn cmd(&self) -> Command {
        self.0.cmd()
    }

    fn file(&self) -> std::path::PathBuf {
        self.0.path("x")
    }

    fn value(&self) -> Value {
        serde_json::from_slice(&std::fs::read(self.file()).expect("read")).expect("json")
    }

    fn write(&self, bytes: &[u8]) {
        std::fs::write(self.file(), bytes).expect("write");
    }

    /// Runs `answer` on the broken file and checks the message and that the file is untouched.
    fn refused(&self, expected: &str) {
        let before = std::fs::read(self.file()).expect("read");
        self.cmd()
            .args(["answer", "x", "a", "fully"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(expected));
        assert_eq!(
            std::fs::read(self.file()).expect("read"),
            before,
            "the file was changed"
        );
    }
}

#[test]
fn malformed_json_names_line_and_column() {
    let env = Env::new();
    env.cmd()
        .args(["answer", "x", "a", "fully"])
        .assert()
        .success();
    env.write(b"{\n  \"format\": \"supplycheck.assessment/1\",\n  \"id\": \"x\",,\n}");
    let path = env.file().display().to_string();
    env.refused(&format!(
        "error: {path}: line 3, column 13: key must be a string\n  The file was not changed. The previous version is in {path}.bak."
    ));
}

#[test]
fn a_future_format_is_refused() {
    let env = Env::new();
    env.write(br#"{"format": "supplycheck.assessment/9", "id": "x"}"#);
    env.refused(
        "the format is \"supplycheck.assessment/9\", but this version of supplycheck reads \
         \"supplycheck.assessment/1\".\n  The file was not changed; open it with a supplycheck that reads its format.",
    );
}

#[test]
fn unknown_fields_are_refused_not_dropped() {
    let env = Env::new();
    let mut v = env.value();
    v["answers"] = json!({ "worked-example/a": { "choise": "fully" } });
    env.write(serde_json::to_string_pretty(&v).expect("json").as_bytes());
    env.refused(
        "unknown field `choise`, expected one of `choice`, `checked`, `na_checks`, `na`, `text`, `note`, `owner`, `flag`",
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused() {
    let env = Env::new();
    let bytes = std::fs::read(env.file()).expect("read");
    let text = String::from_utf8(bytes).expect("utf8").replacen(
        "\"name\": \"x\"",
        "\"name\": \"\u{1}\"",
        1,
    );
    let mut bytes = text.into_bytes();
    let at = bytes.iter().position(|b| *b == 1).expect("marker");
    bytes[at] = 0xe9;
    env.write(&bytes);
    env.refused(
        ": line 4, column 12: the file is not UTF-8 text\n  The file was not changed. There is no backup of it.",
    );
}

#[test]
fn answers_that_no_longer_fit_are_reported_and_kept() {
    let env = Env::new();
    let mut v = env.value();
    v["answers"] = json!({
        "worked-example/a": { "choice": "sometimes" },
        "worked-example/d": { "checked": ["x", "zz"] },
        "worked-example/gone": { "na": true, "note": "from last year" }
    });
    env.write(serde_json::to_string_pretty(&v).expect("json").as_bytes());
    let path = env.file().display().to_string();
    env.cmd()
        .args(["score", "x"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "warning: {path}: worked-example/a: unknown option \"sometimes\"; valid options: not, partial, largely, fully"
        )))
        .stderr(predicate::str::contains(format!(
            "warning: {path}: worked-example/d: unknown check \"zz\"; valid checks: x, y"
        )))
        .stderr(predicate::str::contains(format!(
            "warning: {path}: worked-example/gone: no such item in worked-example 1.0.0; the answer is kept but not scored"
        )));
    env.cmd()
        .args(["answer", "x", "b", "fully"])
        .assert()
        .success();
    let after = env.value();
    assert_eq!(after["answers"]["worked-example/a"]["choice"], "sometimes");
    assert_eq!(
        after["answers"]["worked-example/gone"]["note"],
        "from last year"
    );
}

#[test]
fn a_missing_file_or_id_is_named() {
    let env = Env::new();
    env.cmd()
        .args(["score", "missing/file.json"])
        .assert()
        .code(1)
        .stderr("error: missing/file.json: cannot open the assessment: there is no such file; check the path, or give an id from `supplycheck list`\n");
    env.cmd()
        .args(["score", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "error: no assessment \"nope\" in ",
        ))
        .stderr(predicate::str::contains(
            "Run `supplycheck list` to see the assessments, or give a file's path.",
        ));
}

#[test]
fn a_data_directory_that_cannot_be_written_is_named() {
    // A path below a file can never be created, not even by root.
    let env = Env::new();
    env.cmd()
        .args(["--data-dir", "/dev/null/supplycheck", "new", "--name", "y"])
        .assert()
        .code(1)
        .stderr("error: /dev/null/supplycheck: cannot create the folder: Not a directory (os error 20)\n");
}

#[test]
fn a_questionnaire_with_duplicate_ids_is_refused_with_every_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(FIXTURE)
        .expect("read")
        .replace("\"id\": \"b\"", "\"id\": \"a\"")
        .replace("{ \"id\": \"y\"", "{ \"id\": \"x\"");
    let file = dir.path().join("dup.json");
    std::fs::write(&file, text).expect("write");
    Command::cargo_bin("supplycheck")
        .expect("binary")
        .args(["questionnaires", "validate"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("{}: 2 problem(s):", file.display())))
        .stderr(predicate::str::contains(
            "  error: planning/a: duplicate item id (item ids must be unique in the whole questionnaire)",
        ))
        .stderr(predicate::str::contains("  error: planning/d/x: duplicate check id in this item"));
}

#[test]
fn a_five_megabyte_note_is_kept_whole() {
    let env = Env::new();
    let note = "Lorem ipsum dolor sit amet. ".repeat(5 * 1024 * 1024 / 28);
    let mut v = env.value();
    v["answers"] = json!({ "worked-example/a": { "choice": "fully", "note": note } });
    env.write(serde_json::to_string(&v).expect("json").as_bytes());
    env.cmd()
        .args(["answer", "x", "b", "largely"])
        .assert()
        .success();
    env.cmd().args(["score", "x", "--json"]).assert().success();
    assert_eq!(
        env.value()["answers"]["worked-example/a"]["note"]
            .as_str()
            .map(str::len),
        Some(note.len())
    );
}

#[test]
fn escape_sequences_never_reach_the_terminal() {
    let env = Env::new();
    let evil = "Evil \u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{0}name";
    let mut v = env.value();
    v["name"] = json!(evil);
    v["organisation"] = json!(evil);
    v["answers"] = json!({ "worked-example/a": { "choice": "not", "note": evil } });
    env.write(serde_json::to_string(&v).expect("json").as_bytes());
    let dir = tempfile::tempdir().expect("tempdir");
    let q = std::fs::read_to_string(FIXTURE)
        .expect("read")
        .replace("Item A?", "Item \\u001b[31mA?");
    let qfile = dir.path().join("evil.json");
    std::fs::write(&qfile, q.replace("\"worked-example\"", "\"evil\"")).expect("write");
    for args in [
        vec!["score", "x"],
        vec!["list"],
        vec!["answer", "x", "a", "\u{1b}[2J"],
        vec!["questionnaires", "show", "evil"],
    ] {
        let out = env
            .cmd()
            .arg("--questionnaire-file")
            .arg(&qfile)
            .args(&args)
            .output()
            .expect("runs");
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.iter().any(|b| *b == 0x1b || *b == 0x07 || *b == 0),
                "{args:?} printed a control character: {}",
                String::from_utf8_lossy(stream)
            );
        }
        assert!(!String::from_utf8_lossy(&out.stdout).contains('\u{9b}'));
    }
}
