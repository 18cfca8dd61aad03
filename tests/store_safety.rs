//! Nothing is written over what is not meant to be replaced, names are claimed atomically,
//! the lock belongs to the file and not to a name of it, killed saves leave no litter, and
//! odd files in the data directory never hang a command. Every test runs the real binary;
//! where concurrency matters, several processes run at once.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output, Stdio};
use std::time::Duration;

use predicates::prelude::*;

mod common;

use common::Env;

fn stderr_of(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The `.supplycheck-*.tmp` files in a folder, sorted.
fn temporaries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".supplycheck-") && n.rsplit('.').next() == Some("tmp"))
        .collect();
    names.sort();
    names
}

/// Opens `path` for editing in this process. A lock just released here can stay held for a
/// moment by a process another test thread is starting (a forked child shares the open lock
/// file until it runs the new program), so this waits a little for it.
fn open_when_free(path: &Path) -> supplycheck::store::Session {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        match supplycheck::store::Session::open(path) {
            Ok(s) => return s,
            Err(supplycheck::store::StoreError::Locked { .. })
                if std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
}

/// Runs `command` until `done` says so (see [`open_when_free`] for why a lock released here
/// may look held for a moment); returns the standard error of every run.
fn until(mut command: impl FnMut() -> Output, done: impl Fn(&Output) -> bool) -> Vec<String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut stderrs = Vec::new();
    loop {
        let out = command();
        stderrs.push(stderr_of(&out));
        if done(&out) {
            return stderrs;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "never done: {stderrs:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// An assessment `acme` of the worked example with one answer (so it has a backup), and a
/// folder outside the data directory for reports.
fn acme() -> (Env, tempfile::TempDir) {
    let env = Env::new();
    assert_eq!(env.new_example("Acme"), "acme");
    env.answer("acme", &["a", "partial"]);
    env.answer("acme", &["a", "fully"]);
    (env, tempfile::tempdir().expect("tempdir"))
}

fn report_to(env: &Env, out: &Path) -> assert_cmd::assert::Assert {
    env.cmd()
        .args(["report", "acme", "--format", "html", "-o"])
        .arg(out)
        .assert()
}

// 1. Never write a report over anything that is not meant to be replaced.

#[test]
fn report_refuses_the_files_of_the_data_directory() {
    let (env, _out) = acme();
    let data = env.dir.path();
    std::fs::create_dir_all(data.join("deleted")).expect("dir");
    std::fs::write(data.join("deleted/old.json"), "{}").expect("write");
    std::fs::write(data.join("assessments/acme.json.lock"), "").expect("write");
    let cases = [
        (
            data.join("assessments/acme.json"),
            "in the data directory's assessments folder",
        ),
        (
            data.join("assessments/acme.json.bak"),
            "the name is that of an assessment's backup",
        ),
        (
            data.join("assessments/acme.json.lock"),
            "the name is that of an assessment's lock file",
        ),
        (
            data.join("assessments/report.html"),
            "in the data directory's assessments folder",
        ),
        (
            data.join("questionnaires/worked-example.json"),
            "in the data directory's questionnaires folder",
        ),
        (
            data.join("deleted/old.json"),
            "in the data directory's deleted folder",
        ),
    ];
    for (target, why) in cases {
        let before = std::fs::read(&target).ok();
        report_to(&env, &target)
            .code(1)
            .stderr(predicate::str::contains(why))
            .stderr(predicate::str::contains(
                "Nothing was written; choose another file name.",
            ));
        assert_eq!(
            std::fs::read(&target).ok(),
            before,
            "{} is unchanged",
            target.display()
        );
    }
    assert_eq!(temporaries(&data.join("assessments")), Vec::<String>::new());
}

#[test]
fn report_refuses_assessments_questionnaires_and_links_anywhere() {
    let (env, out) = acme();
    let data = env.dir.path();
    let copy = out.path().join("acme-copy.json");
    std::fs::copy(data.join("assessments/acme.json"), &copy).expect("copy");
    let questionnaire = out.path().join("mine.json");
    std::fs::copy(common::FIXTURE, &questionnaire).expect("copy");
    let link = out.path().join("pack.html");
    std::os::unix::fs::symlink(data.join("assessments/acme.json"), &link).expect("symlink");
    let to_copy = out.path().join("to-copy.html");
    std::os::unix::fs::symlink(&copy, &to_copy).expect("symlink");
    let temporary = out.path().join(".supplycheck-acme.json.abc123.tmp");
    let cases = [
        (&copy, "it is a supplycheck assessment".to_string()),
        (
            &questionnaire,
            "it is a supplycheck questionnaire".to_string(),
        ),
        (
            &link,
            format!(
                "it is a link to {}, and it is in the data directory's assessments folder",
                data.join("assessments/acme.json")
                    .canonicalize()
                    .expect("real")
                    .display()
            ),
        ),
        (&to_copy, "and it is a supplycheck assessment".to_string()),
        (
            &temporary,
            "the name is that of a temporary file of a save".to_string(),
        ),
    ];
    for (target, why) in cases {
        let before = std::fs::read(target).ok();
        report_to(&env, target)
            .code(1)
            .stderr(predicate::str::contains(why));
        assert_eq!(std::fs::read(target).ok(), before);
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link is left as it is"
    );
}

#[test]
fn report_refuses_a_file_another_supplycheck_holds() {
    let (env, out) = acme();
    let notes = out.path().join("notes.md");
    std::fs::write(&notes, "my notes").expect("write");
    let held = supplycheck::store::EditLock::acquire(&notes).expect("lock");
    report_to(&env, &notes)
        .code(1)
        .stderr(predicate::str::contains(
            "another supplycheck process has it open",
        ));
    assert_eq!(std::fs::read_to_string(&notes).expect("read"), "my notes");
    drop(held);
    // Free again, and not ours: a report may replace it (and an earlier report).
    let report = || {
        env.cmd()
            .args(["report", "acme", "--format", "html", "-o"])
            .arg(&notes)
            .output()
            .expect("runs")
    };
    until(report, |out| out.status.success());
    report_to(&env, &notes).success();
    let html = std::fs::read_to_string(&notes).expect("read");
    assert!(html.starts_with("<!DOCTYPE html>"));
    let json = out.path().join("pack.json");
    for _ in 0..2 {
        env.cmd()
            .args(["report", "acme", "--format", "json", "-o"])
            .arg(&json)
            .assert()
            .success();
    }
}

#[test]
fn merge_refuses_to_write_into_the_data_directorys_own_files() {
    let env = Env::new();
    let a = env.new_example("Acme");
    let b = env.new_example("Acme");
    let data = env.dir.path();
    for (target, why) in [
        (
            data.join("questionnaires/merged.json"),
            "in the data directory's questionnaires folder",
        ),
        (
            data.join("assessments/acme.json.bak"),
            "the name is that of an assessment's backup",
        ),
    ] {
        env.cmd()
            .args(["merge", &a, &b, "--force", "-o"])
            .arg(&target)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(why));
        assert!(!target.exists());
    }
}

// 19. A folder is not a file name; an empty data-directory variable is named.

#[test]
fn report_to_a_folder_says_it_needs_a_file_name() {
    let (env, out) = acme();
    let with_slash = format!("{}/", out.path().display());
    for target in [with_slash.as_str(), &out.path().display().to_string()] {
        env.cmd()
            .args(["report", "acme", "--format", "md", "-o", target])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is a folder, not a file"))
            .stderr(predicate::str::contains(
                "Give the name of the file to write",
            ));
    }
    let missing = format!("{}/new-folder/", out.path().display());
    env.cmd()
        .args(["report", "acme", "--format", "md", "-o", &missing])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a folder, not a file"));
}

#[test]
fn an_empty_data_directory_variable_is_an_error_naming_it() {
    let env = Env::new();
    for args in [&["list"][..], &["new", "--name", "Acme"]] {
        env.cmd()
            .env("SUPPLYCHECK_DATA_DIR", "")
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "SUPPLYCHECK_DATA_DIR is set but empty",
            ));
    }
}

// 2. Creating is atomic.

/// Starts `supplycheck ARGS` in `data` with output captured.
fn spawn(data: &Path, args: &[&str]) -> std::process::Child {
    Process::new(assert_cmd::cargo::cargo_bin("supplycheck"))
        .args(args)
        .env("SUPPLYCHECK_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns")
}

#[test]
fn concurrent_new_assessments_get_distinct_ids_and_files() {
    let env = Env::new();
    let data = env.dir.path();
    let mut seen = std::collections::BTreeMap::new();
    for round in 0..6 {
        let children: Vec<_> = (0..8)
            .map(|i| {
                let respondent = format!("r{round}-{i}");
                let child = spawn(
                    data,
                    &[
                        "new",
                        "--name",
                        "Acme",
                        "--org",
                        "Acme Ltd",
                        "--respondent",
                        &respondent,
                        "--questionnaire",
                        "ncsc-board",
                    ],
                );
                (respondent, child)
            })
            .collect();
        for (respondent, child) in children {
            let out = child.wait_with_output().expect("waits");
            assert!(out.status.success(), "{}", stderr_of(&out));
            let id = String::from_utf8(out.stdout)
                .expect("utf8")
                .trim()
                .to_string();
            assert!(
                seen.insert(id.clone(), respondent.clone()).is_none(),
                "round {round}: {id} was printed twice"
            );
        }
    }
    assert_eq!(seen.len(), 48);
    for (id, respondent) in &seen {
        let saved = env.saved(id);
        assert_eq!(saved["id"], id.as_str());
        assert_eq!(
            saved["respondent"],
            respondent.as_str(),
            "{id} holds the answers of the process that printed it"
        );
    }
    let files = std::fs::read_dir(data.join("assessments"))
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".json"))
        .count();
    assert_eq!(files, 48);
    assert_eq!(temporaries(&data.join("assessments")), Vec::<String>::new());
}

#[test]
fn a_new_assessment_never_takes_over_an_old_backup() {
    let env = Env::new();
    let assessments = env.dir.path().join("assessments");
    std::fs::create_dir_all(&assessments).expect("dir");
    std::fs::write(assessments.join("acme.json.bak"), "the old answers").expect("write");
    assert_eq!(env.new_example("Acme"), "acme-2");
    env.answer("acme-2", &["a", "fully"]);
    env.answer("acme-2", &["a", "not"]);
    assert_eq!(
        std::fs::read_to_string(assessments.join("acme.json.bak")).expect("read"),
        "the old answers"
    );
}

#[test]
fn concurrent_merges_to_the_same_name_one_wins_the_rest_are_refused() {
    let env = Env::new();
    let a = env.new_example("Acme");
    let b = env.new_example("Acme");
    let data = env.dir.path();
    for round in 0..6 {
        let name = format!("merged-{round}");
        let file = data.join(format!("by-path-{round}.json"));
        for out in [name.clone(), file.display().to_string()] {
            let children: Vec<_> = (0..8)
                .map(|_| spawn(data, &["merge", &a, &b, "--force", "-o", &out]))
                .collect();
            let outputs: Vec<Output> = children
                .into_iter()
                .map(|c| c.wait_with_output().expect("waits"))
                .collect();
            let won = outputs.iter().filter(|o| o.status.success()).count();
            assert_eq!(
                won, 1,
                "round {round}, -o {out}: exactly one merge succeeds"
            );
            for lost in outputs.iter().filter(|o| !o.status.success()) {
                assert_eq!(lost.status.code(), Some(1));
                assert!(
                    stderr_of(lost).contains("already exists and is left as it is"),
                    "{}",
                    stderr_of(lost)
                );
            }
        }
        assert_eq!(env.saved(&name)["id"], name.as_str());
        assert_eq!(env.saved(&file)["id"], format!("by-path-{round}"));
    }
}

// 7. The lock belongs to the file, not to its name.

/// `acme`, a symbolic link to its file, and a folder outside the data directory.
fn linked() -> (Env, tempfile::TempDir, PathBuf) {
    let (env, out) = acme();
    let link = out.path().join("link.json");
    std::os::unix::fs::symlink(env.path("acme"), &link).expect("symlink");
    (env, out, link)
}

#[test]
fn an_assessment_open_under_one_name_is_locked_under_a_link() {
    let (env, _out, link) = linked();
    let held = open_when_free(&env.path("acme"));
    env.cmd()
        .arg("answer")
        .arg(&link)
        .args(["a", "not"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "open in another supplycheck process",
        ));
    drop(held);
    let held = open_when_free(&link);
    env.cmd()
        .args(["answer", "acme", "a", "not"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "open in another supplycheck process",
        ));
    drop(held);
    assert_eq!(
        env.saved("acme")["answers"]["worked-example/a"]["choice"],
        "fully"
    );
}

#[test]
fn saving_through_a_link_keeps_the_link() {
    let (env, out, link) = linked();
    env.answer(&link, &["a", "largely"]);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    assert_eq!(
        env.saved("acme")["answers"]["worked-example/a"]["choice"],
        "largely",
        "the real file holds the answer"
    );
    assert!(
        !out.path().join("link.json.lock").exists(),
        "the lock is the real file's"
    );
}

#[test]
fn an_assessment_with_hard_links_is_not_opened_for_editing() {
    let (env, out) = acme();
    let other = out.path().join("other-name.json");
    std::fs::hard_link(env.path("acme"), &other).expect("hard link");
    for target in [other.as_os_str(), "acme".as_ref()] {
        env.cmd()
            .arg("answer")
            .arg(target)
            .args(["a", "not"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("2 names (hard links)"))
            .stderr(predicate::str::contains("Edit a copy instead"));
    }
    assert_eq!(
        env.saved(&other)["answers"]["worked-example/a"]["choice"],
        "fully"
    );
    // Reading is fine.
    env.cmd().arg("score").arg(&other).assert().success();
}

#[test]
fn a_lock_file_that_is_a_link_is_never_followed() {
    let (env, out) = acme();
    let lock = env.dir.path().join("assessments/acme.json.lock");
    let _ = std::fs::remove_file(&lock);
    let target = out.path().join("elsewhere");
    std::os::unix::fs::symlink(&target, &lock).expect("symlink");
    env.cmd()
        .args(["answer", "acme", "a", "not"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert!(!target.exists(), "nothing was created through the link");
}

// 8. Killed saves leave no litter.

#[test]
fn stale_temporaries_are_removed_once_but_not_those_of_an_open_assessment() {
    let env = Env::new();
    env.new_example("Acme");
    env.new_example("Beta");
    let dir = env.dir.path().join("assessments");
    let stale = [
        ".supplycheck-acme.json.AbC123.tmp",
        ".supplycheck-acme.json.XyZ789.bak.tmp",
        ".supplycheck-gone.json.Qq1234.tmp",
    ];
    for name in stale {
        std::fs::write(dir.join(name), "half a save").expect("write");
    }
    let kept = ".supplycheck-beta.json.Zz9999.tmp";
    let held = open_when_free(&env.path("beta"));
    std::fs::write(dir.join(kept), "a save under way").expect("write");
    let out = env.cmd().arg("list").output().expect("runs");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        stderr_of(&out),
        format!(
            "Removed 3 unfinished temporary files left by interrupted saves in {}.\n",
            dir.display()
        )
    );
    assert_eq!(temporaries(&dir), [kept]);
    // Said once: nothing more to remove.
    let out = env.cmd().arg("list").output().expect("runs");
    assert_eq!(stderr_of(&out), "");
    drop(held);
    let stderrs = until(
        || env.cmd().arg("list").output().expect("runs"),
        |out| out.status.success() && temporaries(&dir).is_empty(),
    );
    assert_eq!(
        stderrs
            .iter()
            .filter(|e| e.contains("Removed 1 unfinished temporary file left"))
            .count(),
        1,
        "{stderrs:?}"
    );
}

#[test]
fn saves_killed_at_random_moments_leave_nothing_behind() {
    let env = Env::new();
    env.new_example("Big");
    let dir = env.dir.path().join("assessments");
    // Large enough that a save takes a while: several MB of notes.
    let mut big = supplycheck::store::load(&env.path("big")).expect("loads");
    for item in ["b", "c", "d", "e"] {
        big.answers.insert(
            format!("worked-example/{item}"),
            supplycheck::assessment::Answer {
                note: Some(format!("{item} ").repeat(500_000)),
                ..supplycheck::assessment::Answer::default()
            },
        );
    }
    supplycheck::store::save(&env.path("big"), &big).expect("saves");
    let bin = assert_cmd::cargo::cargo_bin("supplycheck");
    let mut seed: u64 = 0x5eed;
    for round in 0..40 {
        let mut child = Process::new(&bin)
            .args([
                "answer",
                "big",
                "a",
                if round % 2 == 0 { "fully" } else { "not" },
            ])
            .env("SUPPLYCHECK_DATA_DIR", env.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        std::thread::sleep(Duration::from_micros((seed >> 33) % 60_000));
        let _ = child.kill();
        let _ = child.wait();
    }
    // Whatever the kills left, the next command tidies it up, and the assessment opens.
    env.cmd()
        .args(["answer", "big", "a", "largely"])
        .assert()
        .success();
    assert_eq!(temporaries(&dir), Vec::<String>::new());
    assert_eq!(
        env.saved("big")["answers"]["worked-example/a"]["choice"],
        "largely"
    );
}

// 13. A FIFO or socket named *.json never hangs a command.

#[test]
fn a_fifo_or_socket_in_the_assessments_folder_is_skipped_with_a_warning() {
    let env = Env::new();
    env.new_example("Acme");
    let dir = env.dir.path().join("assessments");
    let fifo = dir.join("pipe.json");
    let made = Process::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(dir.join("socket.json")).expect("socket");
    env.cmd()
        .arg("list")
        .timeout(Duration::from_secs(20))
        .assert()
        .success()
        .stdout(predicate::str::contains("acme "))
        .stdout(predicate::str::contains(
            "pipe.json  (cannot be read: it is a named pipe (FIFO), not a regular file",
        ))
        .stdout(predicate::str::contains(
            "socket.json  (cannot be read: it is a socket, not a regular file",
        ));
    env.cmd()
        .args(["list", "--json"])
        .timeout(Duration::from_secs(20))
        .assert()
        .success()
        .stdout(predicate::str::contains("named pipe (FIFO)"));
    for target in [fifo.as_os_str(), "pipe".as_ref()] {
        env.cmd()
            .arg("score")
            .arg(target)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "is a named pipe (FIFO), not a regular file",
            ));
    }
}
