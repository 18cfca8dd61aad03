//! Crash safety: the real binary saving a large assessment is killed with SIGKILL at random
//! moments, over and over. After every kill the assessment and its backup must parse and
//! score, hold either the old or the new answer (never a torn file), and the lock the dead
//! process held must not block the next writer.

#![cfg(unix)]

use std::process::{Command, Stdio};
use std::time::Duration;

use supplycheck::assessment::{Answer, Assessment};
use supplycheck::questionnaire::Questionnaire;
use supplycheck::store;

const FIXTURE: &str = include_str!("fixtures/worked-example.json");

/// A small deterministic generator, so a failure can be replayed.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn note_of(a: &Assessment) -> Option<String> {
    a.answers
        .get("worked-example/a")
        .and_then(|x| x.note.clone())
}

#[test]
#[allow(clippy::too_many_lines)] // one scenario, read top to bottom
fn killing_a_save_never_tears_the_file() {
    let q = Questionnaire::load_str(FIXTURE, "worked-example.json")
        .expect("fixture")
        .0;
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path();
    std::fs::create_dir_all(data.join("questionnaires")).expect("dir");
    std::fs::write(data.join("questionnaires/worked-example.json"), FIXTURE).expect("write");
    std::fs::create_dir_all(data.join("assessments")).expect("dir");

    // A large assessment: several hundred KB of notes.
    let mut a = Assessment::new("big".into(), "Big".into(), "Org".into(), None, &[&q]);
    for item in ["b", "c", "d", "e", "strategy"] {
        a.answers.insert(
            format!("worked-example/{item}"),
            Answer {
                note: Some(format!("{item} ").repeat(60_000)),
                ..Answer::default()
            },
        );
    }
    let path = data.join("assessments/big.json");
    store::save(&path, &a).expect("first save");
    store::save(&path, &a).expect("second save, so that a backup exists");
    assert!(std::fs::metadata(&path).expect("meta").len() > 300_000);

    let bin = assert_cmd::cargo::cargo_bin("supplycheck");
    // How long one whole run takes here, so the kills spread over all of it: start-up,
    // reading, writing the temporary file, keeping the backup, the rename.
    let started = std::time::Instant::now();
    let calibrate = Command::new(&bin)
        .args(["answer", "big", "a", "partial", "--note", "calibration"])
        .env("SUPPLYCHECK_DATA_DIR", data)
        .output()
        .expect("runs");
    assert!(
        calibrate.status.success(),
        "{}",
        String::from_utf8_lossy(&calibrate.stderr)
    );
    let whole = u64::try_from(started.elapsed().as_micros())
        .unwrap_or(u64::MAX)
        .max(1_000);
    let mut rng = Lcg(0x5eed);
    let mut previous = Some("calibration".to_string());
    let mut kills = 0;
    let mut changed = 0;
    let mut completed = 0;
    for round in 0..120 {
        let note = format!("round {round}");
        let mut child = Command::new(&bin)
            .args([
                "answer",
                "big",
                "a",
                if round % 2 == 0 { "fully" } else { "not" },
                "--note",
                &note,
            ])
            .env("SUPPLYCHECK_DATA_DIR", data)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(Duration::from_micros(rng.next(whole * 11 / 10)));
        // SIGKILL: no chance to clean up.
        let _ = child.kill();
        let status = child.wait().expect("waits");
        if status.success() {
            completed += 1;
        } else {
            kills += 1;
        }

        let now = store::load(&path).unwrap_or_else(|e| panic!("round {round}: torn file: {e}"));
        let report = supplycheck::scoring::score(&[&q], &now);
        assert_eq!(report.overall.total, 5, "round {round}");
        let got = note_of(&now);
        assert!(
            got == previous || got.as_deref() == Some(note.as_str()),
            "round {round}: neither the old nor the new answer: {got:?}"
        );
        assert_eq!(
            now.answers["worked-example/b"].note,
            a.answers["worked-example/b"].note
        );
        let backup = store::load(&store::backup_path(&path))
            .unwrap_or_else(|e| panic!("round {round}: torn backup: {e}"));
        assert_eq!(supplycheck::scoring::score(&[&q], &backup).overall.total, 5);
        // Whatever the dead process held, the lock is free again.
        drop(store::EditLock::acquire(&path).unwrap_or_else(|e| panic!("round {round}: {e}")));
        if got != previous {
            changed += 1;
        }
        previous = got;
    }
    eprintln!("{kills} runs killed, {completed} completed, {changed} changed the file");
    assert!(
        kills >= 30,
        "only {kills} of 120 runs were killed ({completed} completed)"
    );
    assert!(
        changed >= 2,
        "only {changed} of 120 runs got as far as the rename"
    );

    // Afterwards a normal writer works, and no temporary files are left over from the dead
    // processes beyond what a kill between write and rename leaves (those are ignored).
    let out = Command::new(&bin)
        .args(["answer", "big", "a", "largely", "--note", "final"])
        .env("SUPPLYCHECK_DATA_DIR", data)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        note_of(&store::load(&path).expect("loads")).as_deref(),
        Some("final")
    );
}
