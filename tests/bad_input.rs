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
         \"supplycheck.assessment/1\" and \"supplycheck.assessment/2\".\n  The file was not changed; open it with a supplycheck that reads its format.",
    );
}

#[test]
fn unknown_fields_are_refused_not_dropped() {
    let env = Env::new();
    let mut v = env.value();
    v["answers"] = json!({ "worked-example/a": { "choise": "fully" } });
    env.write(serde_json::to_string_pretty(&v).expect("json").as_bytes());
    env.refused(
        "unknown field `choise`, expected one of `choice`, `checked`, `na_checks`, `na`, `text`, `note`, `owner`, `flag`, `due`, `status`, `evidence`, `decision`, `parked`",
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
        // Two errors, and the fixture's three levels whose every item may be answered N/A.
        .stderr(predicate::str::contains(format!("{}: 5 problem(s):", file.display())))
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

#[test]
fn a_duplicate_key_is_refused_naming_the_key() {
    let env = Env::new();
    let text = String::from_utf8(std::fs::read(env.file()).expect("read")).expect("utf8");
    let doubled = text.replacen(
        "\"answers\": {}",
        "\"answers\": {\n    \"worked-example/a\": { \"choice\": \"not\" },\n    \
         \"worked-example/a\": { \"choice\": \"fully\" }\n  }",
        1,
    );
    assert_ne!(doubled, text, "the fixture has an empty answers object");
    env.write(doubled.as_bytes());
    env.refused(
        "the key \"worked-example/a\" appears twice in the same object; keep one of them\n  \
         The file was not changed.",
    );
    let mut v: Value = serde_json::from_str(&text).expect("json");
    v["questionnaires"] = json!([
        { "id": "worked-example", "version": "1.0.0" },
        { "id": "worked-example", "version": "1.0.0" }
    ]);
    env.write(serde_json::to_string_pretty(&v).expect("json").as_bytes());
    env.refused("\"questionnaires\" lists \"worked-example\" twice; list each questionnaire once");
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("dup.json");
    let q = std::fs::read_to_string(FIXTURE).expect("read").replacen(
        "\"title\": \"Worked example\",",
        "\"title\": \"Worked example\", \"title\": \"Other\",",
        1,
    );
    std::fs::write(&file, q).expect("write");
    Command::cargo_bin("supplycheck")
        .expect("binary")
        .args(["questionnaires", "validate"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}: line 5, column 36: the key \"title\" appears twice in the same object",
            file.display()
        )));
}

#[test]
fn a_weight_out_of_range_is_refused_naming_the_item() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("heavy.json");
    for (weight, shown) in [
        ("1e308", "1e308"),
        ("5e-324", "5e-324"),
        ("0.0009", "0.0009"),
    ] {
        let q = std::fs::read_to_string(FIXTURE).expect("read").replacen(
            "\"weight\": 2,",
            &format!("\"weight\": {weight},"),
            1,
        );
        std::fs::write(&file, q).expect("write");
        Command::cargo_bin("supplycheck")
            .expect("binary")
            .args(["questionnaires", "validate"])
            .arg(&file)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "  error: planning/b: weight {shown} must be at least 0.001 and at most 1000"
            )));
    }
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let env = Env::new();
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend(std::fs::read(env.file()).expect("read"));
    env.write(&bytes);
    env.cmd().args(["score", "x"]).assert().success();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bom.json");
    let mut q = b"\xef\xbb\xbf".to_vec();
    q.extend(std::fs::read(FIXTURE).expect("read"));
    std::fs::write(&file, q).expect("write");
    Command::cargo_bin("supplycheck")
        .expect("binary")
        .args(["questionnaires", "validate"])
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::contains(": ok — worked-example 1.0.0"));
}

#[test]
fn a_file_that_is_not_json_text_is_named_for_what_it_is() {
    let env = Env::new();
    let utf16: Vec<u8> = "{\"format\": 1}"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let mut with_bom = vec![0xff, 0xfe];
    with_bom.extend(&utf16);
    for (bytes, expected) in [
        (&b""[..], ": line 1, column 1: the file is empty\n"),
        (&b"  \n"[..], ": line 1, column 1: the file is empty\n"),
        (
            &with_bom[..],
            ": line 1, column 1: the file looks like UTF-16 text; save it as UTF-8",
        ),
        (
            &utf16[..],
            ": line 1, column 1: the file looks like UTF-16 text; save it as UTF-8",
        ),
        (
            &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..],
            ": line 1, column 1: the file is not JSON: it starts with the bytes 89 50 4e 47 0d 0a 1a 0a\n",
        ),
        (
            &b"id = x\n"[..],
            ": line 1, column 1: the file is not JSON: it starts with \"id = x\"\n",
        ),
    ] {
        env.write(bytes);
        env.refused(expected);
    }
}

#[test]
fn a_timestamp_that_is_not_one_is_refused_naming_the_field() {
    let env = Env::new();
    for field in ["created", "updated"] {
        let mut v = env.value();
        let good = v[field].clone();
        v[field] = json!("last Tuesday");
        env.write(serde_json::to_string_pretty(&v).expect("json").as_bytes());
        env.refused(&format!(
            "\"{field}\" is \"last Tuesday\", which is not a timestamp; write an RFC 3339 time \
             such as \"2026-11-22T10:00:00Z\""
        ));
        v[field] = good;
        env.write(serde_json::to_string_pretty(&v).expect("json").as_bytes());
    }
}
