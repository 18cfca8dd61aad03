//! Deleted assessments: moved to `deleted/` with the time in their name, listed and
//! restored.

use std::fs;
use std::path::{Path, PathBuf};

use super::lock::EditLock;
use super::write::{already_exists, create_private_dir, link_new, sync_dir};
use super::{Store, StoreError, backup_path, load, lock_path};
use crate::assessment::Assessment;

/// An assessment in the data directory's `deleted/` folder.
#[derive(Debug, Clone)]
pub struct DeletedAssessment {
    /// The name it is restored by: its file's name without `.json`, e.g.
    /// `acme.2026-11-30T10-04-05Z`.
    pub name: String,
    /// The id it had: the name of its file in `assessments/`.
    pub id: String,
    /// When it was deleted (RFC 3339, UTC), read from the name; empty if the name does not
    /// say.
    pub deleted: String,
    /// The file.
    pub path: PathBuf,
    /// Whether its backup (`<file>.bak`) was kept beside it.
    pub has_backup: bool,
    /// The assessment, or why it cannot be read.
    pub assessment: Result<Assessment, String>,
}

/// Why a deleted assessment could not be restored.
#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    /// A store error.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No deleted assessment by that name or id.
    #[error(
        "no deleted assessment \"{name}\" in {dir}\n  \
         Run `supplycheck list --deleted` to see the ones that can be restored."
    )]
    NotFound {
        /// What was asked for.
        name: String,
        /// The deleted folder.
        dir: PathBuf,
    },
    /// The deleted file cannot be read (it is damaged, or not a regular file).
    #[error(
        "cannot restore \"{name}\": {why}\n  Only a deleted assessment that can be read is \
         restored; look at the file in the deleted folder."
    )]
    Unreadable {
        /// The deleted assessment's name.
        name: String,
        /// Why it cannot be read.
        why: String,
    },
    /// The place it would go back to is taken.
    #[error(
        "cannot restore \"{name}\": {path} exists, and restoring never replaces a file.\n  \
         Delete that assessment first (it is kept in the deleted folder too), or move the \
         file out of the folder, then run `supplycheck restore {name}` again."
    )]
    Taken {
        /// The deleted assessment's name.
        name: String,
        /// The file in the way.
        path: PathBuf,
    },
}

/// The time now as it appears in a deleted assessment's name: `2026-11-30T10-04-05Z`.
pub(super) fn deletion_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H-%M-%SZ")
        .to_string()
}

/// Splits a deleted assessment's name `<id>.<time>[-n]` into the id and the time as RFC
/// 3339; the time is empty (and the id the whole name) when the name is not of that form.
pub(super) fn parse_deleted_name(name: &str) -> (String, String) {
    if let Some((id, rest)) = name.rsplit_once('.')
        && let Some(stamp) = rest.get(..20)
        && let (Some(date), Some(h), Some(m), Some(sec)) = (
            stamp.get(..10),
            stamp.get(11..13),
            stamp.get(14..16),
            stamp.get(17..19),
        )
    {
        let rfc = format!("{date}T{h}:{m}:{sec}Z");
        if !id.is_empty() && rfc.parse::<jiff::Timestamp>().is_ok() {
            return (id.to_string(), rfc);
        }
    }
    (name.to_string(), String::new())
}

impl Store {
    /// The folder deleted assessments are kept in.
    pub fn deleted_dir(&self) -> PathBuf {
        self.root.join("deleted")
    }

    /// Deletes the assessment at `path`: under its edit lock (so one open elsewhere is never
    /// deleted), moves it and its backup into the `deleted/` folder under a name with the
    /// time (`<id>.<time>.json`, `….json.bak`), never replacing anything there. Returns the
    /// deleted file's new path.
    pub fn delete(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let lock = EditLock::acquire(path)?;
        let meta = fs::metadata(path).map_err(|cause| StoreError::Io {
            path: path.to_path_buf(),
            action: "cannot delete",
            cause,
        })?;
        if !meta.is_file() {
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                action: "cannot delete",
                cause: std::io::Error::other("it is not a regular file"),
            });
        }
        let dir = self.deleted_dir();
        create_private_dir(&dir)?;
        let backup = backup_path(path);
        let has_backup = backup.is_file();
        let id = path.file_stem().map_or_else(
            || "assessment".to_string(),
            |s| s.to_string_lossy().into_owned(),
        );
        let stamp = deletion_stamp();
        let mut moved = None;
        for n in 1..=1000 {
            let name = if n == 1 {
                format!("{id}.{stamp}")
            } else {
                format!("{id}.{stamp}-{n}")
            };
            let target = dir.join(format!("{name}.json"));
            match link_new(path, &target) {
                Ok(()) => {}
                Err(e) if already_exists(&e) => continue,
                Err(e) => return Err(e),
            }
            if has_backup {
                let target_backup = backup_path(&target);
                match link_new(&backup, &target_backup) {
                    Ok(()) => {}
                    Err(e) => {
                        let _ = fs::remove_file(&target);
                        if already_exists(&e) {
                            continue;
                        }
                        return Err(e);
                    }
                }
            }
            moved = Some(target);
            break;
        }
        let Some(target) = moved else {
            return Err(StoreError::Io {
                path: dir,
                action: "cannot delete into",
                cause: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "every name for this deletion is taken",
                ),
            });
        };
        sync_dir(&dir);
        if let Err(cause) = fs::remove_file(path) {
            // Nothing is lost either way; undo, so the assessment is not in both places.
            let _ = fs::remove_file(backup_path(&target));
            let _ = fs::remove_file(&target);
            return Err(StoreError::Io {
                path: path.to_path_buf(),
                action: "cannot delete",
                cause,
            });
        }
        if has_backup {
            // The backup is safe in the deleted folder; one left behind would only be
            // replaced by a later assessment's first save, never read as this one's.
            let _ = fs::remove_file(&backup);
        }
        if let Some(parent) = path.parent() {
            sync_dir(parent);
        }
        drop(lock);
        // The lock file is only a helper; if it cannot be removed, nothing is lost.
        let _ = fs::remove_file(lock_path(path));
        Ok(target)
    }

    /// The deleted assessments, most recently deleted first. Only regular files are read.
    pub fn list_deleted(&self) -> Result<Vec<DeletedAssessment>, StoreError> {
        let mut out: Vec<DeletedAssessment> = super::json_files(&self.deleted_dir())?
            .into_iter()
            .map(|path| {
                let name = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let (id, deleted) = parse_deleted_name(&name);
                DeletedAssessment {
                    has_backup: backup_path(&path).is_file(),
                    assessment: load(&path).map_err(|e| e.to_string()),
                    name,
                    id,
                    deleted,
                    path,
                }
            })
            .collect();
        out.sort_by(|a, b| {
            b.deleted
                .cmp(&a.deleted)
                .then_with(|| b.name.len().cmp(&a.name.len()))
                .then_with(|| b.name.cmp(&a.name))
        });
        Ok(out)
    }

    /// A deleted assessment by its name as listed, or by the id it had (the most recently
    /// deleted one of that id).
    pub fn find_deleted(&self, name: &str) -> Result<DeletedAssessment, RestoreError> {
        let mut listed = self.list_deleted()?;
        let found = listed
            .iter()
            .position(|d| d.name == name)
            .or_else(|| listed.iter().position(|d| d.id == name));
        match found {
            Some(i) => Ok(listed.swap_remove(i)),
            None => Err(RestoreError::NotFound {
                name: crate::text::sanitize_line(name),
                dir: self.deleted_dir(),
            }),
        }
    }

    /// Brings a deleted assessment (and its backup) back to `assessments/<id>.json`, never
    /// replacing a file there. Returns the restored file's path and what was restored.
    pub fn restore(&self, name: &str) -> Result<(PathBuf, DeletedAssessment), RestoreError> {
        let deleted = self.find_deleted(name)?;
        if let Err(why) = &deleted.assessment {
            return Err(RestoreError::Unreadable {
                name: crate::text::sanitize_line(&deleted.name),
                why: crate::text::sanitize_line(why),
            });
        }
        let target = self.path_of(&deleted.id);
        let target_backup = backup_path(&target);
        let taken = |path: &Path| RestoreError::Taken {
            name: crate::text::sanitize_line(&deleted.name),
            path: path.to_path_buf(),
        };
        // A backup without its assessment belongs to another (earlier) one; it stays.
        for path in [&target, &target_backup] {
            if fs::symlink_metadata(path).is_ok() {
                return Err(taken(path));
            }
        }
        self.ensure_dirs()?;
        let lock = EditLock::acquire(&target)?;
        match link_new(&deleted.path, &target) {
            Ok(()) => {}
            Err(e) if already_exists(&e) => return Err(taken(&target)),
            Err(e) => return Err(e.into()),
        }
        if deleted.has_backup {
            let from = backup_path(&deleted.path);
            if let Err(e) = link_new(&from, &target_backup) {
                let _ = fs::remove_file(&target);
                if already_exists(&e) {
                    return Err(taken(&target_backup));
                }
                return Err(e.into());
            }
        }
        sync_dir(&self.assessments_dir());
        let _ = fs::remove_file(&deleted.path);
        if deleted.has_backup {
            let _ = fs::remove_file(backup_path(&deleted.path));
        }
        sync_dir(&self.deleted_dir());
        drop(lock);
        Ok((target, deleted))
    }
}

impl Store {
    /// Deletes the assessment at `path` as [`Store::delete`] does, and returns the name
    /// `supplycheck restore` brings it back by.
    pub fn delete_assessment(&self, path: &Path) -> Result<String, StoreError> {
        let moved = self.delete(path)?;
        Ok(moved
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::write_atomic;

    #[test]
    fn a_deleted_name_gives_the_id_and_the_time() {
        assert_eq!(
            parse_deleted_name("acme.2026-11-30T10-04-05Z"),
            ("acme".to_string(), "2026-11-30T10:04:05Z".to_string())
        );
        assert_eq!(
            parse_deleted_name("acme-2.2026-11-30T10-04-05Z-3"),
            ("acme-2".to_string(), "2026-11-30T10:04:05Z".to_string())
        );
        for odd in ["acme", "acme.notatime-at-all-x", ".2026-11-30T10-04-05Z"] {
            assert_eq!(parse_deleted_name(odd), (odd.to_string(), String::new()));
        }
    }

    #[test]
    fn deleting_moves_the_file_and_its_backup_and_never_replaces() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().to_path_buf());
        store.ensure_dirs().expect("dirs");
        let path = store.path_of("acme");
        write_atomic(&path, b"one", true).expect("first");
        write_atomic(&path, b"two", true).expect("second");
        let first = store.delete(&path).expect("deleted");
        assert!(!path.exists() && !backup_path(&path).exists());
        assert_eq!(fs::read(&first).expect("moved"), b"two");
        assert_eq!(fs::read(backup_path(&first)).expect("moved"), b"one");
        write_atomic(&path, b"three", true).expect("again");
        let second = store.delete(&path).expect("deleted again");
        assert_ne!(first, second);
        assert_eq!(fs::read(&first).expect("kept"), b"two");
        assert_eq!(fs::read(&second).expect("moved"), b"three");
        assert!(!backup_path(&second).exists());
        let listed = store.list_deleted().expect("list");
        assert_eq!(listed.len(), 2);
        assert!(listed.iter().all(|d| d.id == "acme"));
    }
}
