//! A real full disk: the data directory on a tiny tmpfs that is then filled up. The README
//! promises that a save that fails for want of space loses nothing: the old file stays
//! whole, no temporary file is left, the app keeps the answer, says so, and saves it once
//! there is room again.
//!
//! Mounting a filesystem needs privileges (CI runs as root); where `mount` is refused, each
//! test says so and skips.

mod common;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::pty::Term;
use common::{FIXTURE, read_json};

/// A tmpfs of `size` mounted on a fresh folder, unmounted when dropped.
struct TinyDisk {
    _base: tempfile::TempDir,
    mount: PathBuf,
}

impl TinyDisk {
    /// Mounts a tmpfs of `size` (e.g. "256k"), or `None` (after saying why) where this
    /// machine does not allow it.
    fn mount(size: &str) -> Option<Self> {
        let base = tempfile::tempdir().expect("tempdir");
        let mount = base.path().join("data");
        std::fs::create_dir(&mount).expect("mount point");
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0700"),
                "tmpfs",
            ])
            .arg(&mount)
            .output();
        match out {
            Ok(o) if o.status.success() => Some(Self { _base: base, mount }),
            Ok(o) => {
                eprintln!(
                    "skipped: a small filesystem cannot be mounted here ({}); the full-disk \
                     behaviour is still checked by the store's unit tests",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("skipped: `mount` cannot be run here ({e})");
                None
            }
        }
    }

    fn path(&self) -> &Path {
        &self.mount
    }

    /// Fills the filesystem to the last byte with a file of its own; returns that file.
    fn fill(&self) -> PathBuf {
        let filler = self.mount.join("filler");
        let mut f = std::fs::File::create(&filler).expect("filler");
        let chunk = vec![0u8; 4096];
        while f.write_all(&chunk).is_ok() {}
        // The last partial chunk: byte by byte, until not one more fits.
        while f.write_all(&[0]).is_ok() {}
        let _ = f.sync_all();
        filler
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        // Lazily, so that a process still holding a file there does not keep it mounted.
        let _ = Command::new("umount").arg("-l").arg(&self.mount).status();
    }
}

fn supplycheck(data: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("supplycheck").expect("binary");
    c.env("SUPPLYCHECK_DATA_DIR", data).env("NO_COLOR", "1");
    c
}

fn new_example(data: &Path) -> String {
    let out = supplycheck(data)
        .args(["--questionnaire-file", FIXTURE, "new", "--name", "Disk"])
        .args(["--org", "Acme", "--questionnaire", "worked-example"])
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

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            std::path::Path::new(n)
                .extension()
                .is_some_and(|e| e == "tmp")
        })
        .collect()
}

#[test]
fn a_command_on_a_full_disk_fails_and_leaves_the_file_whole() {
    let Some(disk) = TinyDisk::mount("256k") else {
        return;
    };
    let id = new_example(disk.path());
    supplycheck(disk.path())
        .args([
            "answer",
            &id,
            "worked-example/a",
            "fully",
            "--note",
            "first",
        ])
        .assert()
        .success();
    let file = disk.path().join("assessments").join(format!("{id}.json"));
    let before = std::fs::read(&file).expect("saved");

    let filler = disk.fill();
    let out = supplycheck(disk.path())
        .args(["answer", &id, "worked-example/b", "fully"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    assert!(stderr.contains("was not saved"), "{stderr}");
    assert_eq!(std::fs::read(&file).expect("still there"), before);
    assert!(temporaries(&disk.path().join("assessments")).is_empty());

    std::fs::remove_file(filler).expect("room again");
    supplycheck(disk.path())
        .args(["answer", &id, "worked-example/b", "fully"])
        .assert()
        .success();
    let saved = read_json(&file);
    assert_eq!(saved["answers"]["worked-example/a"]["note"], "first");
    assert_eq!(saved["answers"]["worked-example/b"]["choice"], "fully");
}

#[test]
fn the_app_keeps_an_answer_the_full_disk_refused_and_saves_it_when_there_is_room() {
    let Some(disk) = TinyDisk::mount("256k") else {
        return;
    };
    let id = new_example(disk.path());
    let file = disk.path().join("assessments").join(format!("{id}.json"));
    let mut app = Term::start(disk.path(), &["open", &id], 24, 80);
    app.wait_for("Item A?");
    app.press("4");
    app.wait_for("(•) 4");
    app.wait_for("saved");

    let filler = disk.fill();
    app.press("n");
    app.wait_for("Item B?");
    app.press("3");
    app.wait_for("not saved");
    app.wait_for("No space left");
    assert!(
        read_json(&file)["answers"]
            .get("worked-example/b")
            .is_none(),
        "nothing half-written"
    );
    assert!(temporaries(&disk.path().join("assessments")).is_empty());

    // Leaving asks; there is room again, so trying again saves and leaves.
    app.press("q");
    app.wait_for("1 Try to save again");
    std::fs::remove_file(filler).expect("room again");
    app.press("1");
    let status = app.wait_exit();
    assert!(status.success(), "exit status {status:?}");
    let saved = read_json(&file);
    assert_eq!(saved["answers"]["worked-example/a"]["choice"], "fully");
    assert_eq!(saved["answers"]["worked-example/b"]["choice"], "largely");
}
