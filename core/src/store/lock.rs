//! One process edits an assessment at a time: the edit lock and the editing session.

use std::fs::{self, File};
use std::path::{Path, PathBuf};

use super::protect::{kind_of, real_path};
use super::tidy::remove_temporaries_of;
use super::write::{same_inode, save};
use super::{StoreError, backup_path, load, lock_path};
use crate::assessment::Assessment;

/// The state of a lock file, found without creating it or following a link.
pub(super) enum LockProbe {
    /// Nobody holds it; it is held (by this value) until dropped.
    Free(File),
    /// Another process (or another open of it) holds it.
    Held,
    /// There is no lock file.
    Absent,
}

pub(super) fn probe_lock(lock: &Path) -> std::io::Result<LockProbe> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = match options.open(lock) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(LockProbe::Absent),
        Err(e) => return Err(e),
    };
    match file.try_lock() {
        Ok(()) => Ok(LockProbe::Free(file)),
        Err(fs::TryLockError::WouldBlock) => Ok(LockProbe::Held),
        Err(fs::TryLockError::Error(e)) => Err(e),
    }
}

/// A held edit lock on an assessment file; released when dropped (or when the process
/// dies, since it is an operating-system file lock, so a killed process never blocks the
/// next one).
#[derive(Debug)]
pub struct EditLock {
    _file: File,
}

impl EditLock {
    /// Takes the edit lock of the assessment at `path`, or fails at once if another process
    /// holds it. The lock belongs to the file, not to the name: links are followed to the
    /// real file, whose `<file>.lock` is taken. A lock file that is itself a link is refused.
    pub fn acquire(path: &Path) -> Result<Self, StoreError> {
        Self::acquire_real(path, &real_path(path))
    }

    /// [`EditLock::acquire`] for `real`, the file `path` leads to.
    fn acquire_real(path: &Path, real: &Path) -> Result<Self, StoreError> {
        let lock = lock_path(real);
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
            options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
        }
        let file = match options.open(&lock) {
            Ok(file) => file,
            Err(_) if fs::symlink_metadata(&lock).is_ok_and(|m| m.file_type().is_symlink()) => {
                return Err(StoreError::LockIsLink { path: lock });
            }
            Err(source) => {
                return Err(StoreError::Io {
                    path: lock,
                    action: "cannot create the lock file",
                    cause: source,
                });
            }
        };
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Err(StoreError::NotRegular {
                kind: file
                    .metadata()
                    .map_or("something other than a file", |m| kind_of(m.file_type())),
                path: lock,
            });
        }
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(fs::TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: path.to_path_buf(),
            }),
            Err(fs::TryLockError::Error(source)) => Err(StoreError::Io {
                path: lock,
                action: "cannot lock",
                cause: source,
            }),
        }
    }
}

/// An assessment opened for editing: the file, its lock, and the assessment.
#[derive(Debug)]
pub struct Session {
    /// The assessment file, as it was given.
    pub path: PathBuf,
    /// The assessment as last saved.
    pub assessment: Assessment,
    /// The file `path` leads to (links followed), which is locked and written.
    real: PathBuf,
    _lock: EditLock,
}

impl Session {
    /// Locks and reads the assessment at `path`. A link is followed: the real file is
    /// locked and saved, and the link stays a link. A file with other hard links is
    /// refused, since saving replaces the file and would separate the names.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let real = real_path(path);
        let lock = EditLock::acquire_real(path, &real)?;
        // With the lock held no save of this file is under way, so any temporary file of
        // it was left by an interrupted one.
        remove_temporaries_of(&real);
        check_single_name(&real)?;
        let assessment = load(&real)?;
        Ok(Self {
            path: path.to_path_buf(),
            assessment,
            real,
            _lock: lock,
        })
    }

    /// Stamps `updated` and saves atomically.
    pub fn save(&mut self) -> Result<(), StoreError> {
        self.assessment.touch();
        save(&self.real, &self.assessment)
    }
}

// Creating files that are never replaced, and deleted assessments.

/// Refuses a file with hard links besides its own backup (which an interrupted save can
/// leave as a second name of the current file).
pub(super) fn check_single_name(file: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let Ok(meta) = fs::metadata(file) {
            let mut links = meta.nlink();
            if links > 1 && same_inode(file, &backup_path(file)) {
                links -= 1;
            }
            if links > 1 {
                return Err(StoreError::HardLinked {
                    path: file.to_path_buf(),
                    links: meta.nlink(),
                });
            }
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::acme;

    #[test]
    fn a_second_lock_is_refused_and_released_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        let first = EditLock::acquire(&path).expect("first lock");
        let err = EditLock::acquire(&path).expect_err("second must fail");
        assert!(matches!(err, StoreError::Locked { .. }));
        assert!(
            err.to_string()
                .contains("open in another supplycheck process")
        );
        drop(first);
        EditLock::acquire(&path).expect("free again");
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_and_the_save_go_through_a_link_to_the_real_file() {
        let (dir, _store, path) = acme();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&path, &link).expect("symlink");
        let mut session = Session::open(&link).expect("open through the link");
        assert!(matches!(
            Session::open(&path),
            Err(StoreError::Locked { .. })
        ));
        assert!(matches!(
            EditLock::acquire(&link),
            Err(StoreError::Locked { .. })
        ));
        session.assessment.name = "Renamed".into();
        session.save().expect("saved");
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(load(&path).expect("loads").name, "Renamed");
        assert!(!lock_path(&link).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_linked_file_is_not_edited_but_its_own_backup_link_is_fine() {
        let (dir, _store, path) = acme();
        let other = dir.path().join("other.json");
        fs::hard_link(&path, &other).expect("link");
        let err = Session::open(&other).expect_err("refused");
        assert!(
            matches!(err, StoreError::HardLinked { links: 2, .. }),
            "{err}"
        );
        assert!(matches!(
            Session::open(&path),
            Err(StoreError::HardLinked { .. })
        ));
        fs::remove_file(&other).expect("rm");
        // A save killed after keeping the backup leaves the backup as a second name.
        fs::remove_file(backup_path(&path)).expect("rm");
        fs::hard_link(&path, backup_path(&path)).expect("link");
        let mut session = Session::open(&path).expect("open");
        session.save().expect("saved");
        assert!(!same_inode(&path, &backup_path(&path)));
    }

    #[cfg(unix)]
    #[test]
    fn a_lock_file_that_is_a_link_is_refused() {
        let (dir, _store, path) = acme();
        let target = dir.path().join("target");
        let lock = lock_path(&path);
        let _ = fs::remove_file(&lock);
        std::os::unix::fs::symlink(&target, &lock).expect("symlink");
        let err = EditLock::acquire(&path).expect_err("refused");
        assert!(matches!(err, StoreError::LockIsLink { .. }), "{err}");
        assert!(!target.exists());
    }
}
