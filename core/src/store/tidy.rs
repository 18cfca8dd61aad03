//! Temporary files of saves: their names, and removing those an interrupted save left.

use std::fs;
use std::path::Path;

use super::lock::{LockProbe, probe_lock};
use super::{Store, lock_path};

impl Store {
    /// Removes the temporary files that interrupted saves left in the assessments folder,
    /// except those of assessments another process has open; returns how many it removed.
    /// A temporary file that does not say whose it is (from an older supplycheck) is
    /// removed once it is ten minutes old.
    pub fn remove_stale_temporaries(&self) -> usize {
        let dir = self.assessments_dir();
        let Ok(entries) = fs::read_dir(&dir) else {
            return 0;
        };
        let mut removed = 0;
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                continue;
            };
            if !is_temporary(name) || !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let path = entry.path();
            let gone = if let Some(owner) = temp_owner(name) {
                match probe_lock(&lock_path(&dir.join(owner))) {
                    // Removed while the lock is held, so no save can start meanwhile.
                    Ok(LockProbe::Free(_held)) => fs::remove_file(&path).is_ok(),
                    Ok(LockProbe::Absent) => fs::remove_file(&path).is_ok(),
                    Ok(LockProbe::Held) | Err(_) => false,
                }
            } else {
                let old = entry
                    .metadata()
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| t.elapsed().ok())
                    .is_some_and(|age| age > std::time::Duration::from_secs(600));
                old && fs::remove_file(&path).is_ok()
            };
            if gone {
                removed += 1;
            }
        }
        removed
    }
}

pub(super) const TEMP_PREFIX: &str = ".supplycheck-";
pub(super) const TEMP_SUFFIX: &str = ".tmp";

/// Whether a file name is that of one of supplycheck's temporary files.
pub(super) fn is_temporary(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// The temporary file's name for a save of `file`: `.supplycheck-<file>.` (a random part
/// and `kind` follow), so that a temporary file left by a killed save can be traced to its
/// assessment.
pub(super) fn temp_prefix(file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // File names are limited to 255 bytes; a long name is cut (on a character boundary).
    let mut cut = name.len().min(120);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{TEMP_PREFIX}{}.", &name[..cut])
}

/// The file a temporary file was written for: `.supplycheck-<file>.<random>[.bak].tmp`
/// gives `<file>`.
pub(super) fn temp_owner(name: &str) -> Option<&str> {
    let inner = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let inner = inner.strip_suffix(".bak").unwrap_or(inner);
    inner.rsplit_once('.').map(|(owner, _random)| owner)
}

/// A temporary file in `dir` for writing `file`, owner-only (0600).
pub(super) fn temp_file_for(
    dir: &Path,
    file: &Path,
    suffix: &str,
) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&temp_prefix(file))
        .suffix(suffix)
        .tempfile_in(dir)
}

/// Removes the temporary files left for `file` by earlier saves; only call with its lock
/// held, when no save of it can be under way.
pub(super) fn remove_temporaries_of(file: &Path) {
    let (Some(dir), Some(name)) = (file.parent(), file.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        let found = entry.file_name();
        let Some(found) = found.to_str() else {
            continue;
        };
        if is_temporary(found)
            && temp_owner(found) == Some(&name)
            && entry.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::acme;
    use crate::store::{EditLock, Session};

    #[test]
    fn temporary_files_say_whose_they_are() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("acme.json");
        let tmp = temp_file_for(dir.path(), &path, TEMP_SUFFIX).expect("temp");
        let name = tmp
            .path()
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(name.starts_with(".supplycheck-acme.json."), "{name}");
        assert_eq!(temp_owner(&name), Some("acme.json"));
        assert_eq!(
            temp_owner(".supplycheck-acme.json.Ab12Cd.bak.tmp"),
            Some("acme.json")
        );
        assert_eq!(temp_owner(".supplycheck-Ab12Cd.tmp"), None);
        assert_eq!(temp_owner("acme.json"), None);
        let long = dir.path().join(format!("{}.json", "é".repeat(120)));
        temp_file_for(dir.path(), &long, TEMP_SUFFIX).expect("a long name is cut");
    }

    #[test]
    fn stale_temporaries_go_but_those_of_a_held_assessment_stay() {
        let (_dir, store, path) = acme();
        let other = store.path_of("other");
        fs::write(&other, "{}").expect("w");
        let dir = store.assessments_dir();
        for name in [
            ".supplycheck-acme.json.aaaaaa.tmp",
            ".supplycheck-acme.json.bbbbbb.bak.tmp",
            ".supplycheck-other.json.cccccc.tmp",
            ".supplycheck-dddddd.tmp",
        ] {
            fs::write(dir.join(name), "half").expect("w");
        }
        let held = EditLock::acquire(&other).expect("lock");
        assert_eq!(store.remove_stale_temporaries(), 2);
        assert!(dir.join(".supplycheck-other.json.cccccc.tmp").exists());
        assert!(
            dir.join(".supplycheck-dddddd.tmp").exists(),
            "one that does not say whose it is stays until it is old"
        );
        assert_eq!(store.remove_stale_temporaries(), 0);
        drop(held);
        // Opening an assessment removes its own leftovers, with its lock held.
        fs::write(dir.join(".supplycheck-acme.json.eeeeee.tmp"), "half").expect("w");
        let _session = Session::open(&path).expect("open");
        assert!(!dir.join(".supplycheck-acme.json.eeeeee.tmp").exists());
        assert_eq!(store.remove_stale_temporaries(), 1, "the other one's");
    }
}
