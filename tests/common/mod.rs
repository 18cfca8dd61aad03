//! Helpers shared by the integration tests: a data directory of its own with supplycheck
//! run in it, the files it saves read back, the real binary in a pseudo-terminal, and the
//! published JSON Schemas.

#![allow(dead_code, reason = "each test file uses a part of it")]

pub mod pty;
pub mod schema;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The worked example of SCORING.md as a questionnaire file.
pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/worked-example.json"
);

/// A file supplycheck saved, read as JSON.
pub fn read_json(file: &Path) -> Value {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

/// A data directory of its own, and the commands run in it.
pub struct Env {
    /// The data directory.
    pub dir: tempfile::TempDir,
}

impl Env {
    /// An empty data directory.
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    /// `supplycheck` with this data directory and no colour.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("supplycheck").expect("binary");
        c.env("SUPPLYCHECK_DATA_DIR", self.dir.path())
            .env("NO_COLOR", "1");
        c
    }

    /// `supplycheck new ARGS` (the worked-example questionnaire available); returns the id.
    pub fn new_assessment(&self, args: &[&str]) -> String {
        let out = self
            .cmd()
            .args(["--questionnaire-file", FIXTURE, "new"])
            .args(args)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("utf8")
            .trim()
            .to_string()
    }

    /// A new assessment of the worked-example questionnaire; returns the id.
    pub fn new_example(&self, name: &str) -> String {
        self.new_assessment(&[
            "--name",
            name,
            "--org",
            "Acme Ltd",
            "--questionnaire",
            "worked-example",
        ])
    }

    /// `supplycheck answer TARGET ARGS`, which must succeed.
    pub fn answer(&self, target: impl AsRef<OsStr>, args: &[&str]) {
        self.cmd()
            .arg("answer")
            .arg(target)
            .args(args)
            .assert()
            .success();
    }

    /// The file of assessment `id`.
    pub fn path(&self, id: &str) -> PathBuf {
        self.dir
            .path()
            .join("assessments")
            .join(format!("{id}.json"))
    }

    /// The saved assessment `id_or_path`, read as JSON: a file's path (with a separator, or
    /// ending in `.json`, as the command line takes it), or the id of an assessment in this
    /// data directory.
    pub fn saved(&self, id_or_path: impl AsRef<Path>) -> Value {
        let given = id_or_path.as_ref();
        let is_path =
            given.components().count() > 1 || given.extension().is_some_and(|e| e == "json");
        if is_path {
            read_json(given)
        } else {
            let mut name = given.as_os_str().to_owned();
            name.push(".json");
            read_json(&self.dir.path().join("assessments").join(name))
        }
    }

    /// Runs `supplycheck ARGS`, which must succeed, and reads its output as JSON.
    pub fn json(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    }
}
