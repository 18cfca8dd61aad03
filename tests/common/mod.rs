//! Helpers shared by the integration tests: a data directory of its own with supplycheck
//! run in it, and the real binary in a pseudo-terminal.

#![allow(dead_code, reason = "each test file uses a part of it")]

pub mod pty;

use std::ffi::OsStr;
use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

/// The worked example of SCORING.md as a questionnaire file.
pub const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/worked-example.json"
);

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
