//! Where a report or a new assessment may not go: the store's own files, links to them
//! and files another process holds.

use std::fs;
use std::path::{Path, PathBuf};

use super::lock::{LockProbe, probe_lock};
use super::tidy::is_temporary;
use super::{Store, StoreError, backup_path, lock_path};

impl Store {
    /// Checks that a report may be written to `path`: refused are folders, any file in the
    /// data directory's `assessments/`, `deleted/` and `questionnaires/` folders, names of
    /// backups, lock files and temporary files of supplycheck, an existing assessment or
    /// questionnaire anywhere, a file another supplycheck process holds open, and a link
    /// leading to any of these.
    pub fn check_output(&self, path: &Path) -> Result<(), StoreError> {
        self.check_target(path, false)
    }

    /// [`Store::check_output`] for a new assessment (e.g. a merge's output), which may go in
    /// the assessments folder. It is created with [`create`], which never replaces a file.
    pub fn check_new_assessment(&self, path: &Path) -> Result<(), StoreError> {
        self.check_target(path, true)
    }

    fn check_target(&self, path: &Path, new_assessment: bool) -> Result<(), StoreError> {
        let text = path.as_os_str().to_string_lossy();
        if text.ends_with('/')
            || text.ends_with(std::path::MAIN_SEPARATOR)
            || path.file_name().is_none()
            || fs::metadata(path).is_ok_and(|m| m.is_dir())
        {
            return Err(StoreError::NeedsFileName {
                path: path.to_path_buf(),
            });
        }
        let protected = |why: String| {
            Err(StoreError::Protected {
                path: path.to_path_buf(),
                why,
            })
        };
        let given = located(path);
        let real = real_path(path);
        let through_link = |why: String| {
            if real == given {
                why
            } else {
                format!("it is a link to {}, and {why}", real.display())
            }
        };
        if let Some(why) = self.reserved(&given, new_assessment) {
            return protected(why);
        }
        if let Some(why) = self.reserved(&real, new_assessment) {
            return protected(through_link(why));
        }
        if let Ok(meta) = fs::metadata(path)
            && !meta.is_file()
        {
            return protected(through_link(format!(
                "it is {}, not a regular file, and writing would replace it",
                kind_of(meta.file_type())
            )));
        }
        if new_assessment {
            if fs::symlink_metadata(path).is_err() && backup_path(&real).exists() {
                return protected(
                    "the backup of an earlier assessment of that name is still there, and \
                     the new one's first save would replace it"
                        .to_string(),
                );
            }
            // Whatever is there, a new assessment is never written over it: see `create`.
            return Ok(());
        }
        if let Some(what) = sniff(&real) {
            return protected(through_link(format!("it is {what}")));
        }
        if let Ok(LockProbe::Held) = probe_lock(&lock_path(&real)) {
            return protected(through_link(
                "another supplycheck process has it open".to_string(),
            ));
        }
        Ok(())
    }

    /// Why `file` (a full path, links resolved) is reserved for supplycheck's own files.
    fn reserved(&self, file: &Path, new_assessment: bool) -> Option<String> {
        let name = file.file_name()?.to_string_lossy();
        if name.ends_with(".json.bak") {
            return Some("the name is that of an assessment's backup".into());
        }
        if name.ends_with(".json.lock") {
            return Some("the name is that of an assessment's lock file".into());
        }
        if is_temporary(&name) {
            return Some("the name is that of a temporary file of a save".into());
        }
        if let Some(parent) = file.parent()
            && self.root.canonicalize().is_ok_and(|root| root == parent)
            && let Some((_, what)) = ROOT_FILES.iter().find(|(n, _)| **n == *name)
        {
            return Some(format!("it is the data directory's {what}"));
        }
        for folder in ["assessments", "deleted", "questionnaires"] {
            if new_assessment && folder == "assessments" {
                continue;
            }
            if let Ok(dir) = self.root.join(folder).canonicalize()
                && file.starts_with(&dir)
            {
                return Some(format!(
                    "it is in the data directory's {folder} folder, which holds supplycheck's \
                     own files"
                ));
            }
        }
        None
    }
}

pub(super) use crate::file::kind_of;

/// The files supplycheck keeps directly in the data directory, with what each is: never an
/// output's place.
pub const ROOT_FILES: [(&str, &str); 2] = [
    (
        "portfolio.json",
        "portfolio settings (the review intervals)",
    ),
    ("positions.json", "record of where each assessment was left"),
];

/// `path` made absolute with its folder's links resolved, the last part left as it is.
pub(super) fn located(path: &Path) -> PathBuf {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (parent.canonicalize(), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_path_buf(),
    }
}

/// The file `path` leads to, every link followed; for a path that does not exist (yet),
/// where it would be, following a dangling link's target.
pub(super) fn real_path(path: &Path) -> PathBuf {
    if let Ok(real) = path.canonicalize() {
        return real;
    }
    let given = located(path);
    match fs::read_link(&given) {
        Ok(target) => located(&given.parent().unwrap_or(Path::new("/")).join(target)),
        Err(_) => given,
    }
}

/// What a file is when it is one of ours that must not be replaced: "a supplycheck
/// assessment" or "a supplycheck questionnaire", read from its `format` field.
pub(super) fn sniff(path: &Path) -> Option<&'static str> {
    // The whole file (supplycheck never reads more than `file::MAX_BYTES`, so neither does
    // this): whitespace before the object or a `format` key far down must not hide it.
    let bytes = crate::file::read_regular(path).ok()?;
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if body.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    let kind = |format: &str| {
        if format.starts_with("supplycheck.assessment/") {
            Some("a supplycheck assessment")
        } else if format.starts_with("supplycheck.questionnaire/") {
            Some("a supplycheck questionnaire")
        } else {
            None
        }
    };
    let text = String::from_utf8_lossy(body);
    match serde_json::from_str::<Sniffed>(&text) {
        Ok(f) => f.format.as_ref().and_then(|f| f.as_str()).and_then(kind),
        // A damaged file of ours is still ours, wherever its format tag sits.
        Err(_) => ["supplycheck.assessment/", "supplycheck.questionnaire/"]
            .into_iter()
            .find(|f| text.contains(&format!("\"{f}")))
            .and_then(kind),
    }
}

/// The one field [`sniff`] reads.
#[derive(serde::Deserialize)]
pub(super) struct Sniffed {
    format: Option<serde_json::Value>,
}

/// A [`crate::file::ReadError`] as the store says it.
pub(super) fn read_error(
    path: &Path,
    action: &'static str,
    e: crate::file::ReadError,
) -> StoreError {
    match e {
        crate::file::ReadError::Io(cause) => StoreError::Io {
            path: path.to_path_buf(),
            action,
            cause,
        },
        crate::file::ReadError::NotRegular(kind) => StoreError::NotRegular {
            path: path.to_path_buf(),
            kind,
        },
        too_large @ crate::file::ReadError::TooLarge { .. } => StoreError::Io {
            path: path.to_path_buf(),
            action,
            cause: std::io::Error::new(std::io::ErrorKind::InvalidData, too_large.to_string()),
        },
    }
}

/// What is at the place a file is to be written, once it may be written there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputTarget {
    /// Nothing yet: the file is new.
    New,
    /// A file that writing replaces.
    Exists,
    /// A folder: a file name is still needed.
    Folder,
}

impl Store {
    /// Whether a report may be written to `path` ([`Store::check_output`]), and what is
    /// there now: nothing, a file it replaces, or a folder.
    pub fn output_target(&self, path: &Path) -> Result<OutputTarget, StoreError> {
        if fs::metadata(path).is_ok_and(|m| m.is_dir()) {
            return Ok(OutputTarget::Folder);
        }
        self.check_output(path)?;
        Ok(if fs::metadata(path).is_ok() {
            OutputTarget::Exists
        } else {
            OutputTarget::New
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_assessment_is_known_whatever_comes_before_its_format() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().join("data"));
        let padded = dir.path().join("padded.json");
        fs::write(
            &padded,
            format!(
                "{}{{\"id\": \"a\", \"format\": \"supplycheck.assessment/2\"}}",
                "\n".repeat(5000)
            ),
        )
        .expect("write");
        let err = store.check_output(&padded).expect_err("an assessment");
        assert!(
            err.to_string().contains("it is a supplycheck assessment"),
            "{err}"
        );
        let damaged = dir.path().join("damaged.json");
        fs::write(
            &damaged,
            format!(
                "{{\"answers\": \"{}\", \"format\": \"supplycheck.assessment/2\", \"id",
                "x".repeat(10_000)
            ),
        )
        .expect("write");
        let err = store
            .check_output(&damaged)
            .expect_err("a damaged assessment");
        assert!(
            err.to_string().contains("it is a supplycheck assessment"),
            "{err}"
        );
        let report = dir.path().join("report.json");
        fs::write(&report, "{\"format\": \"supplycheck.report/1\"}").expect("write");
        store
            .check_output(&report)
            .expect("an earlier report may be replaced");
    }

    #[test]
    fn the_data_directorys_own_files_are_never_replaced_by_a_report() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("data");
        fs::create_dir_all(&root).expect("data dir");
        let store = Store::at(root.clone());
        for (name, what) in ROOT_FILES {
            fs::write(root.join(name), "{}").expect("write");
            let err = store
                .check_output(&root.join(name))
                .expect_err("a file of the data directory");
            assert!(err.to_string().contains(what), "{err}");
        }
        // The same names elsewhere are ordinary files.
        store
            .check_output(&dir.path().join("portfolio.json"))
            .expect("another folder's portfolio.json may be written");
    }

    #[test]
    fn a_device_or_a_pipe_is_never_replaced_by_a_report() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().join("data"));
        let err = store
            .check_output(Path::new("/dev/null"))
            .expect_err("a device");
        assert!(
            err.to_string()
                .contains("it is a device, not a regular file"),
            "{err}"
        );
        let link = dir.path().join("null.md");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/dev/null", &link).expect("link");
            let err = store.check_output(&link).expect_err("a link to a device");
            assert!(
                err.to_string().contains("it is a link to /dev/null"),
                "{err}"
            );
        }
    }

    #[test]
    fn the_output_target_says_new_existing_or_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().join("data"));
        let file = dir.path().join("pack.html");
        assert_eq!(store.output_target(&file).expect("free"), OutputTarget::New);
        fs::write(&file, "old").expect("write");
        assert_eq!(
            store.output_target(&file).expect("free"),
            OutputTarget::Exists
        );
        assert_eq!(
            store.output_target(dir.path()).expect("a folder"),
            OutputTarget::Folder
        );
        let backup = dir.path().join("x.json.bak");
        assert!(matches!(
            store.output_target(&backup),
            Err(StoreError::Protected { .. })
        ));
    }
    use crate::store::tests::{acme, why};
    use crate::store::{EditLock, create_private_dir};

    #[test]
    fn reports_are_never_written_over_the_stores_files() {
        let (dir, store, path) = acme();
        let data = store.root().to_path_buf();
        assert!(why(store.check_output(&path)).contains("assessments folder"));
        assert!(why(store.check_output(&backup_path(&path))).contains("backup"));
        assert!(why(store.check_output(&lock_path(&path))).contains("lock file"));
        let assessments = store.assessments_dir();
        assert!(why(store.check_output(&assessments.join("new.html"))).contains("assessments"));
        for folder in ["deleted", "questionnaires"] {
            create_private_dir(&data.join(folder)).expect("dir");
            let file = data.join(folder).join("x.json");
            assert!(why(store.check_output(&file)).contains(folder));
        }
        // Elsewhere: a copy of an assessment, a damaged one, a questionnaire.
        let copy = dir.path().join("copy.json");
        fs::copy(&path, &copy).expect("copy");
        assert_eq!(
            why(store.check_output(&copy)),
            "it is a supplycheck assessment"
        );
        let damaged = dir.path().join("damaged.json");
        fs::write(
            &damaged,
            "\u{feff}{\"format\": \"supplycheck.assessment/1\", \"id\": ",
        )
        .expect("w");
        assert_eq!(
            why(store.check_output(&damaged)),
            "it is a supplycheck assessment"
        );
        let q = dir.path().join("q.json");
        fs::write(&q, r#"{"format": "supplycheck.questionnaire/1"}"#).expect("w");
        assert_eq!(
            why(store.check_output(&q)),
            "it is a supplycheck questionnaire"
        );
        // A report, a new file, and a JSON report may be (re)written.
        let report = dir.path().join("pack.json");
        fs::write(&report, r#"{"format": "supplycheck.report/1", "assessment": {"format": "supplycheck.assessment/1"}}"#).expect("w");
        store
            .check_output(&report)
            .expect("a report may be replaced");
        store
            .check_output(&dir.path().join("new.html"))
            .expect("a new file");
        // A folder is not a file name.
        for folder in [dir.path().to_path_buf(), dir.path().join("missing/")] {
            assert!(matches!(
                store.check_output(&folder),
                Err(StoreError::NeedsFileName { .. })
            ));
        }
    }

    #[cfg(unix)]
    #[test]
    fn links_and_held_files_are_refused_as_outputs() {
        let (dir, store, path) = acme();
        let link = dir.path().join("pack.html");
        std::os::unix::fs::symlink(&path, &link).expect("symlink");
        let message = why(store.check_output(&link));
        assert!(message.starts_with("it is a link to "), "{message}");
        assert!(message.contains("assessments folder"), "{message}");
        let dangling = dir.path().join("dangling.html");
        std::os::unix::fs::symlink(store.assessments_dir().join("later.json"), &dangling)
            .expect("symlink");
        assert!(why(store.check_output(&dangling)).contains("assessments folder"));
        let notes = dir.path().join("notes.txt");
        fs::write(&notes, "mine").expect("w");
        let held = EditLock::acquire(&notes).expect("lock");
        assert_eq!(
            why(store.check_output(&notes)),
            "another supplycheck process has it open"
        );
        drop(held);
        store.check_output(&notes).expect("free again");
        // A new assessment may go in the assessments folder, but not over a backup's name.
        store
            .check_new_assessment(&store.path_of("merged"))
            .expect("a new assessment");
        assert!(why(store.check_new_assessment(&backup_path(&path))).contains("backup"));
        fs::remove_file(&path).expect("delete, keeping the backup");
        assert!(why(store.check_new_assessment(&path)).contains("backup of an earlier"));
    }
}
