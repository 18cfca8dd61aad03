//! Paths named on the command line that are not regular files — a named pipe, a device, a
//! link to one — are refused at once: never read (a pipe would wait for ever, /dev/zero
//! would fill the memory) and never replaced by a report.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::Env;

/// Runs `supplycheck ARGS` in `env` and fails the test if it takes more than a few seconds.
fn run_briefly(env: &Env, args: &[&str]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_supplycheck"))
        .args(args)
        .env("SUPPLYCHECK_DATA_DIR", env.dir.path())
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("supplycheck {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(ok.success());
}

#[cfg(unix)]
#[test]
fn a_questionnaire_file_that_is_a_pipe_or_a_device_is_refused_at_once() {
    let env = Env::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("q.json");
    mkfifo(&fifo);
    let fifo = fifo.to_str().expect("utf8");
    for (args, what) in [
        (
            vec!["--questionnaire-file", fifo, "list"],
            "a named pipe (FIFO)",
        ),
        (
            vec!["questionnaires", "validate", fifo],
            "a named pipe (FIFO)",
        ),
        (
            vec!["--questionnaire-file", "/dev/zero", "list"],
            "a device",
        ),
        (vec!["questionnaires", "validate", "/dev/zero"], "a device"),
    ] {
        let out = run_briefly(&env, &args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains(&format!("it is {what}, not a regular file")),
            "{args:?}: {stderr}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_report_never_replaces_a_pipe_a_device_or_a_link_to_one() {
    use std::os::unix::fs::FileTypeExt;

    let env = Env::new();
    let id = env.new_example("Acme");
    let dir = tempfile::tempdir().expect("tempdir");
    let fifo = dir.path().join("out.md");
    mkfifo(&fifo);
    let link = dir.path().join("null.md");
    std::os::unix::fs::symlink("/dev/null", &link).expect("link");
    for target in [&fifo, &link] {
        let out = run_briefly(
            &env,
            &[
                "report",
                &id,
                "--format",
                "md",
                "-o",
                target.to_str().expect("utf8"),
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("not a regular file"), "{stderr}");
    }
    assert!(
        std::fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type()
            .is_fifo()
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("still there")
            .file_type()
            .is_symlink()
    );
}
