//! Deleted assessments: moved with their backup into the data directory's `deleted/` folder,
//! listed by `list --deleted`, brought back by `restore`, and never written over — not by a
//! new assessment of the same name, not by a restore.

use std::path::{Path, PathBuf};
use std::time::Duration;

use predicates::prelude::*;

mod common;

use common::Env;
use common::pty::Term;

fn deleted_dir(env: &Env) -> PathBuf {
    env.dir.path().join("deleted")
}

/// The files in the deleted folder, sorted.
fn deleted_files(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(deleted_dir(env))
        .expect("the deleted folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Deletes an assessment as the app does.
fn delete(env: &Env, id: &str) -> String {
    let store = supplycheck::store::Store::at(env.dir.path().to_path_buf());
    store.delete_assessment(&env.path(id)).expect("deleted")
}

fn backup(path: &Path) -> PathBuf {
    supplycheck::store::backup_path(path)
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn deleting_in_the_app_keeps_the_backup_from_a_new_assessment_of_the_same_name() {
    let env = Env::new();
    let id = env.new_example("Acme");
    assert_eq!(id, "acme");
    env.answer(&id, &["a", "fully"]);
    env.answer(&id, &["b", "largely"]);
    let old_file = read(&env.path(&id));
    let old_backup = read(&backup(&env.path(&id)));

    let mut app = Term::start(env.dir.path(), &[], 24, 80);
    app.wait_for("Acme");
    app.press("d");
    app.wait_for("Delete?");
    app.wait_for("deleted folder");
    app.press("y");
    app.wait_for("supplycheck restore");
    app.press("q");
    assert!(app.wait_exit().success());

    assert!(!env.path(&id).exists());
    assert!(
        !backup(&env.path(&id)).exists(),
        "the backup moved with the file"
    );
    let files = deleted_files(&env);
    assert_eq!(files.len(), 2, "{files:?}");
    let stem = files[0].trim_end_matches(".json").to_string();
    assert!(
        stem.starts_with("acme.") && stem.ends_with('Z'),
        "a timestamp in the name: {stem}"
    );
    assert_eq!(files[1], format!("{stem}.json.bak"));

    // A new "Acme", answered, takes the old id but never the old backup.
    assert_eq!(env.new_example("Acme"), "acme");
    env.answer("acme", &["a", "not"]);
    env.answer("acme", &["a", "partial"]);
    let dir = deleted_dir(&env);
    assert_eq!(read(&dir.join(format!("{stem}.json"))), old_file);
    assert_eq!(read(&dir.join(format!("{stem}.json.bak"))), old_backup);
}

#[test]
fn list_deleted_and_restore_bring_it_back_whole() {
    let env = Env::new();
    let id = env.new_example("Acme");
    env.answer(&id, &["a", "fully"]);
    env.answer(&id, &["b", "largely"]);
    let old_file = read(&env.path(&id));
    let old_backup = read(&backup(&env.path(&id)));
    let name = delete(&env, &id);

    let rows = env.json(&["list", "--deleted", "--json"]);
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
    assert_eq!(rows[0]["name"], name.as_str());
    assert_eq!(rows[0]["id"], "acme");
    assert_eq!(rows[0]["assessment_name"], "Acme");
    assert_eq!(rows[0]["backup"], true);
    let when = rows[0]["deleted"].as_str().expect("deleted");
    assert!(
        when.parse::<jiff::Timestamp>().is_ok(),
        "an RFC 3339 time: {when}"
    );
    env.cmd()
        .args(["list", "--deleted"])
        .assert()
        .success()
        .stdout(predicate::str::contains(&name))
        .stdout(predicate::str::contains("supplycheck restore NAME"));
    env.cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("No assessments"));

    env.cmd()
        .args(["restore", "acme"])
        .assert()
        .success()
        .stdout("acme\n")
        .stderr(predicate::str::contains(format!("Restored {name} as ")));
    assert_eq!(read(&env.path(&id)), old_file);
    assert_eq!(read(&backup(&env.path(&id))), old_backup);
    assert_eq!(
        env.json(&["list", "--deleted", "--json"]),
        serde_json::json!([])
    );
    let r = env.json(&["score", &id, "--json"]);
    assert_eq!(r["overall"]["answered"], 2);
    env.answer(&id, &["c", "fully"]);
}

#[test]
fn restore_never_replaces_an_assessment_or_a_backup() {
    let env = Env::new();
    let id = env.new_example("Acme");
    env.answer(&id, &["a", "fully"]);
    let name = delete(&env, &id);

    assert_eq!(env.new_example("Acme"), "acme");
    let current = read(&env.path("acme"));
    for asked in ["acme", name.as_str()] {
        env.cmd()
            .args(["restore", asked])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "error: cannot restore \"{name}\": "
            )))
            .stderr(predicate::str::contains(
                "acme.json exists, and restoring never replaces a file.",
            ))
            .stderr(predicate::str::contains("Delete that assessment first"));
    }
    assert_eq!(read(&env.path("acme")), current);
    assert_eq!(
        deleted_files(&env).len(),
        2,
        "still deleted, with its backup"
    );

    // A backup without its assessment (left by an earlier delete) is not written over
    // either.
    std::fs::rename(env.path("acme"), env.dir.path().join("elsewhere.json")).expect("move");
    std::fs::write(backup(&env.path("acme")), "an older backup").expect("write");
    env.cmd()
        .args(["restore", "acme"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("acme.json.bak exists"));
    assert_eq!(read(&backup(&env.path("acme"))), b"an older backup");

    env.cmd()
        .args(["restore", "nobody"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: no deleted assessment \"nobody\" in ",
        ))
        .stderr(predicate::str::contains("supplycheck list --deleted"));
}

#[test]
fn deleting_the_same_id_twice_keeps_both_and_restores_the_latest() {
    let env = Env::new();
    let first = env.new_example("Acme");
    env.answer(&first, &["a", "fully"]);
    let first_name = delete(&env, &first);
    let second = env.new_example("Acme");
    env.answer(&second, &["a", "not"]);
    let second_name = delete(&env, &second);
    assert_ne!(first_name, second_name);
    assert_eq!(deleted_files(&env).len(), 4);

    let rows = env.json(&["list", "--deleted", "--json"]);
    assert_eq!(
        rows[0]["name"],
        second_name.as_str(),
        "latest first: {rows}"
    );
    assert_eq!(rows[1]["name"], first_name.as_str());

    env.cmd().args(["restore", "acme"]).assert().success();
    assert_eq!(
        env.saved("acme")["answers"]["worked-example/a"]["choice"],
        "not"
    );
    std::fs::remove_file(env.path("acme")).expect("remove");
    std::fs::remove_file(backup(&env.path("acme"))).expect("remove");
    env.cmd().args(["restore", &first_name]).assert().success();
    assert_eq!(
        env.saved("acme")["answers"]["worked-example/a"]["choice"],
        "fully"
    );
}

#[test]
fn an_assessment_open_elsewhere_is_not_deleted() {
    let env = Env::new();
    let id = env.new_example("Held");
    let _held = supplycheck::store::Session::open(&env.path(&id)).expect("open");
    let store = supplycheck::store::Store::at(env.dir.path().to_path_buf());
    let err = store
        .delete_assessment(&env.path(&id))
        .expect_err("it is open")
        .to_string();
    assert!(err.contains("open in another supplycheck process"), "{err}");
    assert!(env.path(&id).is_file());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_deleted_folder_does_not_hang_the_listing() {
    let env = Env::new();
    let id = env.new_example("Acme");
    let name = delete(&env, &id);
    let pipe = deleted_dir(&env).join("pipe.2026-01-01T00-00-00Z.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let rows = {
        let out = env
            .cmd()
            .args(["list", "--deleted", "--json"])
            .timeout(Duration::from_secs(20))
            .output()
            .expect("runs");
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("json")
    };
    // The pipe is listed with why it cannot be read, never opened in a way that waits.
    assert_eq!(rows.as_array().map(Vec::len), Some(2), "{rows}");
    let by_name = |n: &str| {
        rows.as_array()
            .and_then(|r| r.iter().find(|row| row["name"] == n))
            .cloned()
            .unwrap_or_default()
    };
    assert!(by_name(&name)["error"].is_null(), "{rows}");
    let pipe_row = by_name("pipe.2026-01-01T00-00-00Z");
    assert!(
        pipe_row["error"]
            .as_str()
            .is_some_and(|e| e.contains("a named pipe (FIFO), not a regular file")),
        "{rows}"
    );
    let out = env
        .cmd()
        .args(["restore", "pipe.2026-01-01T00-00-00Z"])
        .timeout(Duration::from_secs(20))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot restore"),
        "{out:?}"
    );
    assert!(!env.path("pipe").exists(), "nothing restored");
}
