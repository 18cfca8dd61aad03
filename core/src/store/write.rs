//! Safe writes: atomic replacement with a backup, and creating a file without ever
//! replacing one.

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;

use super::lock::EditLock;
use super::tidy::{TEMP_SUFFIX, temp_file_for, temp_prefix};
use super::{StoreError, backup_path};
use crate::assessment::Assessment;

/// Writes `bytes` to `path` atomically: temporary file in the same folder, fsync, keep the
/// old file as `<file>.bak`, rename over, fsync the folder. New files are owner-only (0600).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    write_atomic_with(path, keep_backup, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the writing of the contents given as a function, so that tests can
/// make it fail (a full disk) and check that nothing is left behind.
pub(super) fn write_atomic_with(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |action: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::Io {
            path,
            action,
            cause: source,
        }
    };
    let mut tmp = temp_file_for(dir, path, TEMP_SUFFIX)
        .map_err(io("cannot write a temporary file in", dir))?;
    write(tmp.as_file_mut())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(io("cannot write", path))?;
    let backup = backup_path(path);
    // After an interrupted save the backup may already be the current file.
    if keep_backup && path.is_file() && !same_inode(path, &backup) {
        // A hard link keeps the old file's bytes under the backup name at no cost; where
        // links are not supported, copy instead (through a temporary file, so the backup is
        // never half-written).
        let link = tempfile::Builder::new()
            .prefix(&temp_prefix(path))
            .suffix(".bak.tmp")
            .make_in(dir, |p| fs::hard_link(path, p));
        if let Ok(link) = link {
            link.into_temp_path()
                .persist(&backup)
                .map_err(|e| e.error)
                .map_err(io("cannot keep the backup", &backup))?;
        } else {
            let old = fs::read(path).map_err(io("cannot read", path))?;
            let mut b = temp_file_for(dir, path, ".bak.tmp")
                .map_err(io("cannot write a temporary file in", dir))?;
            b.write_all(&old)
                .and_then(|()| b.as_file().sync_all())
                .map_err(io("cannot keep the backup", &backup))?;
            b.persist(&backup)
                .map_err(|e| e.error)
                .map_err(io("cannot keep the backup", &backup))?;
        }
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .map_err(io("cannot replace", path))?;
    sync_dir(dir);
    Ok(())
}

/// Whether two paths are names of the same file (device and inode compared).
pub(super) fn same_inode(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}

/// An assessment as it is saved: pretty JSON with a trailing newline.
pub fn encode(path: &Path, assessment: &Assessment) -> Result<Vec<u8>, StoreError> {
    let mut json = serde_json::to_vec_pretty(assessment).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        action: "cannot encode",
        cause: e.into(),
    })?;
    json.push(b'\n');
    Ok(json)
}

/// Saves an assessment (pretty JSON, trailing newline) atomically with a backup.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    write_atomic(path, &encode(path, assessment)?, true)
}

/// Creates a new assessment file, claiming the name atomically: the file is written in
/// full under a temporary name and then given its name only if nothing has it, so two
/// processes creating the same name never both succeed. Fails with
/// [`StoreError::Exists`] if the name is taken (or being created by another process).
pub fn create(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    let exists = || StoreError::Exists {
        path: path.to_path_buf(),
    };
    // The lock keeps the temporary file safe from another process's tidying.
    let _lock = match EditLock::acquire(path) {
        Err(StoreError::Locked { .. }) => return Err(exists()),
        other => other?,
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let json = encode(path, assessment)?;
    write_new(path, &json).map_err(|e| if already_exists(&e) { exists() } else { e })
}

pub(super) fn sync_dir(dir: &Path) {
    // Not every platform can open a folder for fsync; the rename is still atomic there.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// Creates a folder (and its parents); new folders are owner-only on Unix.
pub fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(|source| StoreError::Io {
        path: dir.to_path_buf(),
        action: "cannot create the folder",
        cause: source,
    })
}

/// Writes a new file atomically without ever replacing one: a temporary file in the same
/// folder, fsync, then linked into place only if nothing is at `path` yet (an error of kind
/// [`std::io::ErrorKind::AlreadyExists`] otherwise), and the folder fsynced. Owner-only.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = temp_file_for(dir, path, TEMP_SUFFIX).map_err(|cause| StoreError::Io {
        path: dir.to_path_buf(),
        action: "cannot write a temporary file in",
        cause,
    })?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|cause| StoreError::Io {
            path: path.to_path_buf(),
            action: "cannot write",
            cause,
        })?;
    tmp.persist_noclobber(path).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        action: "cannot create",
        cause: e.error,
    })?;
    sync_dir(dir);
    Ok(())
}

/// Puts the file at `from` also at `to`, failing with
/// [`std::io::ErrorKind::AlreadyExists`] if anything is at `to`: a hard link, or where links
/// are not supported, a new copy.
pub(super) fn link_new(from: &Path, to: &Path) -> Result<(), StoreError> {
    match fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(StoreError::Io {
            path: to.to_path_buf(),
            action: "cannot create",
            cause: e,
        }),
        Err(_) => {
            let bytes = fs::read(from).map_err(|cause| StoreError::Io {
                path: from.to_path_buf(),
                action: "cannot read",
                cause,
            })?;
            write_new(to, &bytes)
        }
    }
}

pub(super) fn already_exists(e: &StoreError) -> bool {
    matches!(e, StoreError::Io { cause, .. } if cause.kind() == std::io::ErrorKind::AlreadyExists)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::acme;
    use crate::store::tidy::is_temporary;

    #[test]
    fn saving_keeps_the_previous_version_and_is_private() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one", true).expect("first");
        write_atomic(&path, b"two", true).expect("second");
        assert_eq!(fs::read(&path).expect("read"), b"two");
        assert_eq!(fs::read(backup_path(&path)).expect("bak"), b"one");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_full_disk_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        write_atomic(&path, b"old", true).expect("first");
        let err = write_atomic_with(&path, true, |f| {
            f.write_all(b"half")?;
            Err(std::io::Error::from_raw_os_error(28))
        })
        .expect_err("the disk is full");
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{}: cannot write: ", path.display())),
            "{message}"
        );
        assert!(message.contains("No space left on device"), "{message}");
        assert_eq!(fs::read(&path).expect("read"), b"old");
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(
            names,
            ["a.json"],
            "no temporary file or backup is left behind"
        );
    }

    #[test]
    fn creating_never_replaces_a_file() {
        let (_dir, store, path) = acme();
        let before = fs::read(&path).expect("read");
        let other = Assessment::new("acme".into(), "Other".into(), String::new(), None, &[]);
        assert!(matches!(
            create(&path, &other),
            Err(StoreError::Exists { .. })
        ));
        assert_eq!(fs::read(&path).expect("read"), before);
        // While another process creates (holds the name's lock), the name is taken too.
        let next = store.path_of("acme-2");
        let held = EditLock::acquire(&next).expect("lock");
        assert!(matches!(
            create(&next, &other),
            Err(StoreError::Exists { .. })
        ));
        drop(held);
        let (path, a) = store.create_new("Acme", other).expect("created");
        assert_eq!(a.id, "acme-2");
        assert_eq!(path, next);
        let names: Vec<String> = fs::read_dir(store.assessments_dir())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| is_temporary(n))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }
}
