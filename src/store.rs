//! Where assessments live, and how they are read and written safely.
//!
//! Layout of the data directory:
//! - `assessments/<id>.json` — an assessment; `<id>.json.bak` its previous version;
//!   `<id>.json.lock` the lock file held while a process edits it.
//! - `questionnaires/<id>@<version>.json` — questionnaires of the user's own, each version
//!   side by side (older copies named `<id>.json` are read too).
//! - `deleted/<id>.<time>.json` — a deleted assessment, with its backup
//!   `<id>.<time>.json.bak`; `<time>` is when it was deleted (UTC, e.g.
//!   `2026-11-30T10-04-05Z`), so a later assessment of the same name never replaces it.
//!
//! Every save writes a temporary file in the same folder, flushes and fsyncs it, keeps the
//! old file as the backup, renames the new one over it and fsyncs the folder. A file that
//! cannot be read is never written over.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::assessment::{ASSESSMENT_FORMAT, Assessment};

/// The environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "SUPPLYCHECK_DATA_DIR";

/// Why the store could not do something.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A file or folder operation failed.
    #[error("{path}: {action}: {cause}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What was being done, e.g. "cannot write".
        action: &'static str,
        /// The cause (shown in the message itself, so it is not a `source`).
        cause: std::io::Error,
    },
    /// The file is not valid JSON or not an assessment.
    #[error(
        "{path}: line {line}, column {column}: {message}\n  \
         The file was not changed. {backup}"
    )]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
        /// Where the backup is, in words.
        backup: String,
    },
    /// The file is of another format or version.
    #[error(
        "{path}: the format is \"{found}\", but this version of supplycheck reads \
         \"{ASSESSMENT_FORMAT}\".\n  The file was not changed; open it with a supplycheck that \
         reads its format."
    )]
    Format {
        /// The file.
        path: PathBuf,
        /// The format found.
        found: String,
    },
    /// No assessment by that id or path.
    #[error(
        "no assessment \"{id}\" in {dir}\n  Run `supplycheck list` to see the assessments, or give a file's path."
    )]
    NotFound {
        /// What was asked for.
        id: String,
        /// Where it was looked for.
        dir: PathBuf,
    },
    /// Another process is editing the assessment.
    #[error(
        "{path} is open in another supplycheck process.\n  \
         Close it there first; only one process may change an assessment at a time."
    )]
    Locked {
        /// The assessment file.
        path: PathBuf,
    },
    /// No data directory could be found.
    #[error(
        "cannot find a data directory for this user; pass --data-dir DIR or set {DATA_DIR_ENV}"
    )]
    NoDataDir,
}

/// The data directory and the paths inside it.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

/// One assessment found in the store, for listings.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The file.
    pub path: PathBuf,
    /// The assessment, or why it could not be read.
    pub assessment: Result<Assessment, String>,
}

impl Store {
    /// The store at `dir`, or (when `None`) from [`DATA_DIR_ENV`], or the user's data
    /// directory (XDG on Linux).
    pub fn locate(dir: Option<PathBuf>) -> Result<Self, StoreError> {
        if let Some(dir) = dir {
            return Ok(Self::at(dir));
        }
        if let Some(dir) = std::env::var_os(DATA_DIR_ENV).filter(|v| !v.is_empty()) {
            return Ok(Self::at(PathBuf::from(dir)));
        }
        directories::ProjectDirs::from("", "", "supplycheck")
            .map(|p| Self::at(p.data_dir().to_path_buf()))
            .ok_or(StoreError::NoDataDir)
    }

    /// The store rooted at `root`.
    pub fn at(root: PathBuf) -> Self {
        Self { root }
    }

    /// The data directory.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of assessments.
    pub fn assessments_dir(&self) -> PathBuf {
        self.root.join("assessments")
    }

    /// The folder of the user's questionnaires.
    pub fn questionnaires_dir(&self) -> PathBuf {
        self.root.join("questionnaires")
    }

    /// The file of an assessment id.
    pub fn path_of(&self, id: &str) -> PathBuf {
        self.assessments_dir().join(format!("{id}.json"))
    }

    /// Resolves `ID|PATH`: an existing file path, or an id in the store.
    pub fn resolve(&self, id_or_path: &str) -> Result<PathBuf, StoreError> {
        let as_path = Path::new(id_or_path);
        let looks_like_path = id_or_path.contains(std::path::MAIN_SEPARATOR)
            || id_or_path.contains('/')
            || as_path.extension().is_some_and(|e| e == "json");
        if looks_like_path {
            if as_path.is_file() {
                return Ok(as_path.to_path_buf());
            }
            return Err(StoreError::Io {
                path: as_path.to_path_buf(),
                action: "cannot open the assessment",
                cause: std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "there is no such file; check the path, or give an id from `supplycheck list`",
                ),
            });
        }
        let path = self.path_of(id_or_path);
        if path.is_file() {
            Ok(path)
        } else {
            Err(StoreError::NotFound {
                id: id_or_path.to_string(),
                dir: self.assessments_dir(),
            })
        }
    }

    /// A file-safe id made from `name`, unique in the store.
    pub fn new_id(&self, name: &str) -> String {
        let base = slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.path_of(&id).exists() {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Every assessment in the store, newest change first; unreadable files are listed with
    /// their error.
    pub fn list(&self) -> Result<Vec<Listed>, StoreError> {
        let dir = self.assessments_dir();
        let read = match fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(StoreError::Io {
                    path: dir,
                    action: "cannot read the folder",
                    cause: source,
                });
            }
        };
        let mut out: Vec<Listed> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|path| Listed {
                assessment: load(&path).map_err(|e| e.to_string()),
                path,
            })
            .collect();
        out.sort_by(|a, b| match (&a.assessment, &b.assessment) {
            (Ok(x), Ok(y)) => y.updated.cmp(&x.updated).then(x.id.cmp(&y.id)),
            (Ok(_), Err(_)) => std::cmp::Ordering::Less,
            (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
            (Err(_), Err(_)) => a.path.cmp(&b.path),
        });
        Ok(out)
    }

    /// Creates the folders of the store (owner-only on Unix).
    pub fn ensure_dirs(&self) -> Result<(), StoreError> {
        for dir in [self.root.clone(), self.assessments_dir()] {
            create_private_dir(&dir)?;
        }
        Ok(())
    }
}

/// Makes a file-safe, lower-case id from a name: letters and digits joined by `-`, at most
/// 48 characters; `assessment` when nothing is left.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
        if out.len() >= 48 {
            break;
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "assessment".into()
    } else {
        out
    }
}

/// The backup path of an assessment file.
pub fn backup_path(path: &Path) -> PathBuf {
    sibling(path, "bak")
}

/// The lock-file path of an assessment file.
pub fn lock_path(path: &Path) -> PathBuf {
    sibling(path, "lock")
}

fn sibling(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".");
    name.push(ext);
    path.with_file_name(name)
}

/// Whether two paths name the same file: compared in full (links and `..` resolved) when
/// both exist, otherwise as written.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// Reads an assessment file. Errors name the file, the line and column, and the backup.
pub fn load(path: &Path) -> Result<Assessment, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        action: "cannot read the assessment",
        cause: source,
    })?;
    parse(&bytes, path)
}

/// Parses assessment bytes read from `path`.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Assessment, StoreError> {
    let backup = || {
        let b = backup_path(path);
        if b.is_file() {
            format!("The previous version is in {}.", b.display())
        } else {
            "There is no backup of it.".to_string()
        }
    };
    let text = crate::text::json_text(bytes).map_err(|e| {
        let (line, column) = crate::text::line_column(bytes, e.offset);
        StoreError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message,
            backup: backup(),
        }
    })?;
    let parse_error = |e: serde_json::Error| StoreError::Parse {
        path: path.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: crate::text::serde_message(&e),
        backup: backup(),
    };
    crate::text::check_unique_keys(text).map_err(parse_error)?;
    // Check the format first, so a future format gets a message about versions rather than
    // about whichever field changed.
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_str::<serde_json::Value>(text)
        && let Some(found) = map.get("format").and_then(|f| f.as_str())
        && found != ASSESSMENT_FORMAT
    {
        return Err(StoreError::Format {
            path: path.to_path_buf(),
            found: crate::text::sanitize_line(found),
        });
    }
    serde_json::from_str(text).map_err(parse_error)
}

/// Writes `bytes` to `path` atomically: temporary file in the same folder, fsync, keep the
/// old file as `<file>.bak`, rename over, fsync the folder. New files are owner-only (0600).
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), StoreError> {
    write_atomic_with(path, keep_backup, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the writing of the contents given as a function, so that tests can
/// make it fail (a full disk) and check that nothing is left behind.
fn write_atomic_with(
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
    let mut tmp = tempfile::Builder::new()
        .prefix(".supplycheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io("cannot write a temporary file in", dir))?;
    write(tmp.as_file_mut())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(io("cannot write", path))?;
    if keep_backup && path.is_file() {
        let backup = backup_path(path);
        // A hard link keeps the old file's bytes under the backup name at no cost; where
        // links are not supported, copy instead (through a temporary file, so the backup is
        // never half-written).
        let link = tempfile::Builder::new()
            .prefix(".supplycheck-")
            .suffix(".bak.tmp")
            .make_in(dir, |p| fs::hard_link(path, p));
        if let Ok(link) = link {
            link.into_temp_path()
                .persist(&backup)
                .map_err(|e| e.error)
                .map_err(io("cannot keep the backup", &backup))?;
        } else {
            let old = fs::read(path).map_err(io("cannot read", path))?;
            let mut b = tempfile::NamedTempFile::new_in(dir)
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

/// Saves an assessment (pretty JSON, trailing newline) atomically with a backup.
pub fn save(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    let mut json = serde_json::to_vec_pretty(assessment).map_err(|e| StoreError::Io {
        path: path.to_path_buf(),
        action: "cannot encode",
        cause: e.into(),
    })?;
    json.push(b'\n');
    write_atomic(path, &json, true)
}

/// Creates a new assessment file; fails if one exists at `path`.
pub fn create(path: &Path, assessment: &Assessment) -> Result<(), StoreError> {
    if path.exists() {
        return Err(StoreError::Io {
            path: path.to_path_buf(),
            action: "cannot create the assessment",
            cause: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "the file exists"),
        });
    }
    save(path, assessment)
}

fn sync_dir(dir: &Path) {
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

/// A held edit lock on an assessment file; released when dropped (or when the process
/// dies, since it is an operating-system file lock, so a killed process never blocks the
/// next one).
#[derive(Debug)]
pub struct EditLock {
    _file: File,
}

impl EditLock {
    /// Takes the edit lock of the assessment at `path`, or fails at once if another process
    /// holds it.
    pub fn acquire(path: &Path) -> Result<Self, StoreError> {
        let lock = lock_path(path);
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&lock).map_err(|source| StoreError::Io {
            path: lock.clone(),
            action: "cannot create the lock file",
            cause: source,
        })?;
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
    /// The assessment file.
    pub path: PathBuf,
    /// The assessment as last saved.
    pub assessment: Assessment,
    _lock: EditLock,
}

impl Session {
    /// Locks and reads the assessment at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let lock = EditLock::acquire(path)?;
        let assessment = load(path)?;
        Ok(Self {
            path: path.to_path_buf(),
            assessment,
            _lock: lock,
        })
    }

    /// Stamps `updated` and saves atomically.
    pub fn save(&mut self) -> Result<(), StoreError> {
        self.assessment.touch();
        save(&self.path, &self.assessment)
    }
}

// Creating files that are never replaced, and deleted assessments.

/// Writes a new file atomically without ever replacing one: a temporary file in the same
/// folder, fsync, then linked into place only if nothing is at `path` yet (an error of kind
/// [`std::io::ErrorKind::AlreadyExists`] otherwise), and the folder fsynced. Owner-only.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".supplycheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|cause| StoreError::Io {
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
fn link_new(from: &Path, to: &Path) -> Result<(), StoreError> {
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

fn already_exists(e: &StoreError) -> bool {
    matches!(e, StoreError::Io { cause, .. } if cause.kind() == std::io::ErrorKind::AlreadyExists)
}

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
fn deletion_stamp() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H-%M-%SZ")
        .to_string()
}

/// Splits a deleted assessment's name `<id>.<time>[-n]` into the id and the time as RFC
/// 3339; the time is empty (and the id the whole name) when the name is not of that form.
fn parse_deleted_name(name: &str) -> (String, String) {
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
        let dir = self.deleted_dir();
        let read = match fs::read_dir(&dir) {
            Ok(r) => r,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(cause) => {
                return Err(StoreError::Io {
                    path: dir,
                    action: "cannot read the folder",
                    cause,
                });
            }
        };
        let mut out: Vec<DeletedAssessment> = read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .filter(|p| fs::metadata(p).is_ok_and(|m| m.is_file()))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(
            slug("Acme – 2026 Q4 supplier workshop"),
            "acme-2026-q4-supplier-workshop"
        );
        assert_eq!(slug("  ../../etc/passwd "), "etc-passwd");
        assert_eq!(slug("???"), "assessment");
        assert!(slug(&"x".repeat(200)).len() <= 48);
        assert!(crate::questionnaire::is_valid_id(&slug("Ünïcødé Ltd")));
    }

    #[test]
    fn ids_are_unique_in_the_store() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().to_path_buf());
        store.ensure_dirs().expect("dirs");
        assert_eq!(store.new_id("Acme"), "acme");
        fs::write(store.path_of("acme"), "{}").expect("write");
        assert_eq!(store.new_id("Acme"), "acme-2");
    }

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

    #[test]
    fn a_truncated_file_names_line_column_and_backup() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        fs::write(
            &path,
            "{\n  \"format\": \"supplycheck.assessment/1\",\n  \"id\": \"a",
        )
        .expect("w");
        fs::write(backup_path(&path), "{}").expect("w");
        let err = load(&path).expect_err("fails").to_string();
        assert!(err.contains("line 3, column"), "{err}");
        assert!(err.contains("a.json.bak"), "{err}");
        assert!(err.contains("The file was not changed"), "{err}");
    }

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

    #[test]
    fn a_future_format_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        fs::write(&path, r#"{"format": "supplycheck.assessment/2", "new": 1}"#).expect("w");
        let err = load(&path).expect_err("fails").to_string();
        assert!(err.contains("\"supplycheck.assessment/2\""), "{err}");
    }
}
