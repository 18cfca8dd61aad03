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
    /// The data-directory variable is set, but to nothing.
    #[error(
        "{DATA_DIR_ENV} is set but empty.\n  Set it to the folder that holds your assessments, \
         or unset it to use the user's data directory."
    )]
    EmptyDataDirEnv,
    /// A file that must not be replaced was given as the place to write.
    #[error("{path}: {why}.\n  Nothing was written; choose another file name.")]
    Protected {
        /// The file given.
        path: PathBuf,
        /// Why it is protected, in words.
        why: String,
    },
    /// A folder was given where a file name is needed.
    #[error(
        "{path} is a folder, not a file.\n  Give the name of the file to write: a path inside \
         that folder, or another name."
    )]
    NeedsFileName {
        /// The folder given.
        path: PathBuf,
    },
    /// A new file was to be created, but the name is taken.
    #[error("{path} already exists and is left as it is; choose another name, or remove it first")]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// The assessment file has other names (hard links), which a save would separate.
    #[error(
        "{path} has {links} names (hard links) for the same file, and saving replaces the \
         file, which would leave the other names with the old answers.\n  Edit a copy instead \
         (e.g. `cp` it to a new name), or remove the other links."
    )]
    HardLinked {
        /// The assessment file.
        path: PathBuf,
        /// How many names the file has.
        links: u64,
    },
    /// A lock file that is a symbolic link.
    #[error(
        "{path} is a symbolic link, but it should be an assessment's lock file; supplycheck \
         never follows a link there.\n  Remove the link and try again."
    )]
    LockIsLink {
        /// The lock file.
        path: PathBuf,
    },
    /// A FIFO, socket, device or folder where an assessment file was expected.
    #[error(
        "{path} is {kind}, not a regular file; supplycheck reads only regular files.\n  \
         Give the path of an assessment file, or move this one out of the folder."
    )]
    NotRegular {
        /// The path.
        path: PathBuf,
        /// What it is, in words (e.g. "a named pipe (FIFO)").
        kind: &'static str,
    },
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
        match std::env::var_os(DATA_DIR_ENV) {
            Some(dir) if dir.is_empty() => return Err(StoreError::EmptyDataDirEnv),
            Some(dir) => return Ok(Self::at(PathBuf::from(dir))),
            None => {}
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
            match fs::metadata(as_path) {
                Ok(m) if m.is_file() => return Ok(as_path.to_path_buf()),
                Ok(m) => {
                    return Err(StoreError::NotRegular {
                        path: as_path.to_path_buf(),
                        kind: kind_of(m.file_type()),
                    });
                }
                Err(_) => {}
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
        match fs::metadata(&path) {
            Ok(m) if m.is_file() => Ok(path),
            Ok(m) => Err(StoreError::NotRegular {
                path,
                kind: kind_of(m.file_type()),
            }),
            Err(_) => Err(StoreError::NotFound {
                id: id_or_path.to_string(),
                dir: self.assessments_dir(),
            }),
        }
    }

    /// A file-safe id made from `name` that is free in the store now: no assessment by that
    /// id, and no backup left by an earlier one. Only a first guess: [`Store::create_new`]
    /// claims an id atomically.
    pub fn new_id(&self, name: &str) -> String {
        let base = slug(name);
        (1..=MAX_NUMBER)
            .map(|n| numbered(&base, n))
            .find(|id| self.is_free(id))
            .unwrap_or(base)
    }

    /// Whether nothing in the assessments folder uses `id`: neither a file (or link) by its
    /// name nor a backup of an earlier assessment that had it.
    fn is_free(&self, id: &str) -> bool {
        let path = self.path_of(id);
        fs::symlink_metadata(&path).is_err() && fs::symlink_metadata(backup_path(&path)).is_err()
    }

    /// Saves `a` as a new assessment under a free id made from `name` (`acme`, `acme-2`,
    /// …), which it sets, and returns its file and the assessment. The id is claimed
    /// atomically: when another process takes it at the same moment, the next one is tried.
    /// An id whose backup is still there is skipped, so a new assessment never takes over
    /// an old one's backup.
    pub fn create_new(
        &self,
        name: &str,
        mut a: Assessment,
    ) -> Result<(PathBuf, Assessment), StoreError> {
        self.ensure_dirs()?;
        let base = slug(name);
        let mut last = None;
        for n in 1..=MAX_NUMBER {
            let id = numbered(&base, n);
            if !self.is_free(&id) {
                continue;
            }
            let path = self.path_of(&id);
            a.id = id;
            match create(&path, &a) {
                Ok(()) => return Ok((path, a)),
                Err(e @ StoreError::Exists { .. }) => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or(StoreError::Exists {
            path: self.path_of(&base),
        }))
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
            .map(|path| {
                // Only regular files are read: a FIFO or a device would block, or never end.
                let assessment = match fs::metadata(&path) {
                    Ok(m) if !m.is_file() => Err(format!(
                        "it is {}, not a regular file; supplycheck reads only regular files, \
                         so it was skipped. Move it out of the folder.",
                        kind_of(m.file_type())
                    )),
                    _ => load(&path).map_err(|e| e.to_string()),
                };
                Listed { path, assessment }
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

    /// Creates the folders of the store (owner-only on Unix).
    pub fn ensure_dirs(&self) -> Result<(), StoreError> {
        for dir in [self.root.clone(), self.assessments_dir()] {
            create_private_dir(&dir)?;
        }
        Ok(())
    }
}

/// Makes a file-safe, lower-case id from a name: letters and digits joined by `-`, at most
/// 48 characters; `assessment` when nothing is left. Letters beyond ASCII are spelled in
/// ASCII ("Café" → `cafe`, "Ærø" → `aero`) rather than dropped.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in deunicode::deunicode(name)
        .chars()
        .flat_map(char::to_lowercase)
    {
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

/// How far `acme-N` is counted before giving up.
const MAX_NUMBER: u32 = 100_000;

/// `base` for the first, `base-N` for the N-th.
fn numbered(base: &str, n: u32) -> String {
    if n <= 1 {
        base.to_string()
    } else {
        format!("{base}-{n}")
    }
}

/// What a file type is, in words, for messages.
fn kind_of(t: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    if t.is_dir() {
        "a folder"
    } else if t.is_symlink() {
        "a symbolic link"
    } else {
        "something other than a file"
    }
}

/// `path` made absolute with its folder's links resolved, the last part left as it is.
fn located(path: &Path) -> PathBuf {
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
fn real_path(path: &Path) -> PathBuf {
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
fn sniff(path: &Path) -> Option<&'static str> {
    use std::io::Read as _;
    let mut file = open_regular(path, "cannot read").ok()?;
    let mut head = Vec::new();
    std::io::Read::take(&mut file, 4096)
        .read_to_end(&mut head)
        .ok()?;
    let json = |bytes: &[u8]| -> Vec<u8> {
        bytes
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(bytes)
            .to_vec()
    };
    if json(&head).iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return None;
    }
    let mut all = head.clone();
    file.read_to_end(&mut all).ok()?;
    let kind = |format: &str| {
        if format.starts_with("supplycheck.assessment/") {
            Some("a supplycheck assessment")
        } else if format.starts_with("supplycheck.questionnaire/") {
            Some("a supplycheck questionnaire")
        } else {
            None
        }
    };
    if let Ok(f) = serde_json::from_slice::<Sniffed>(&json(&all)) {
        f.format.as_ref().and_then(|f| f.as_str()).and_then(kind)
    } else {
        // A damaged file of ours is still ours.
        let head = String::from_utf8_lossy(&head);
        ["supplycheck.assessment/", "supplycheck.questionnaire/"]
            .into_iter()
            .find(|f| head.contains(&format!("\"{f}")))
            .and_then(kind)
    }
}

/// The one field [`sniff`] reads.
#[derive(serde::Deserialize)]
struct Sniffed {
    format: Option<serde_json::Value>,
}

/// Opens a file for reading, without waiting on a FIFO or device, and checks that it is a
/// regular file.
fn open_regular(path: &Path, action: &'static str) -> Result<File, StoreError> {
    let io = |cause| StoreError::Io {
        path: path.to_path_buf(),
        action,
        cause,
    };
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_file() {
        Ok(file)
    } else {
        Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            kind: kind_of(meta.file_type()),
        })
    }
}

const TEMP_PREFIX: &str = ".supplycheck-";
const TEMP_SUFFIX: &str = ".tmp";

/// Whether a file name is that of one of supplycheck's temporary files.
fn is_temporary(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)
}

/// The temporary file's name for a save of `file`: `.supplycheck-<file>.` (a random part
/// and `kind` follow), so that a temporary file left by a killed save can be traced to its
/// assessment.
fn temp_prefix(file: &Path) -> String {
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
fn temp_owner(name: &str) -> Option<&str> {
    let inner = name.strip_prefix(TEMP_PREFIX)?.strip_suffix(TEMP_SUFFIX)?;
    let inner = inner.strip_suffix(".bak").unwrap_or(inner);
    inner.rsplit_once('.').map(|(owner, _random)| owner)
}

/// A temporary file in `dir` for writing `file`, owner-only (0600).
fn temp_file_for(
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
fn remove_temporaries_of(file: &Path) {
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

/// The state of a lock file, found without creating it or following a link.
enum LockProbe {
    /// Nobody holds it; it is held (by this value) until dropped.
    Free(File),
    /// Another process (or another open of it) holds it.
    Held,
    /// There is no lock file.
    Absent,
}

fn probe_lock(lock: &Path) -> std::io::Result<LockProbe> {
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
    use std::io::Read as _;
    let mut file = open_regular(path, "cannot read the assessment")?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)
        .map_err(|source| StoreError::Io {
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
fn same_inode(a: &Path, b: &Path) -> bool {
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
fn encode(path: &Path, assessment: &Assessment) -> Result<Vec<u8>, StoreError> {
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

/// Refuses a file with hard links besides its own backup (which an interrupted save can
/// leave as a second name of the current file).
fn check_single_name(file: &Path) -> Result<(), StoreError> {
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
    fn slugs_spell_letters_beyond_ascii_in_ascii() {
        assert_eq!(slug("Café"), "cafe");
        assert_eq!(slug("Ærø Færgeri"), "aero-faergeri");
        assert_eq!(slug("Ünïcødé Ltd"), "unicode-ltd");
        assert_eq!(slug("Straße & Söhne GmbH"), "strasse-sohne-gmbh");
        assert_eq!(slug("Łódź Logistics"), "lodz-logistics");
        for name in [
            "Café",
            "Ærø",
            "東京 Supplies",
            "Москва",
            "🦀 crab shack",
            "\u{1b}[31mred\u{1b}[0m",
            "\u{0}\u{7f}",
            &"é".repeat(200),
            &"Ⅻ".repeat(100),
        ] {
            let id = slug(name);
            assert!(
                crate::questionnaire::is_valid_id(&id),
                "{name:?} gave {id:?}"
            );
            assert!(id.len() <= 48, "{name:?} gave {id:?}");
        }
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

    /// A store with one assessment `acme` (saved twice, so it has a backup).
    fn acme() -> (tempfile::TempDir, Store, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().join("data"));
        let a = Assessment::new("acme".into(), "Acme".into(), String::new(), None, &[]);
        let (path, a) = store.create_new("Acme", a).expect("created");
        save(&path, &a).expect("saved");
        (dir, store, path)
    }

    fn why(result: Result<(), StoreError>) -> String {
        match result {
            Err(StoreError::Protected { why, .. }) => why,
            other => panic!("not refused as protected: {other:?}"),
        }
    }

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

    #[test]
    fn a_new_id_skips_a_backup_left_by_an_earlier_assessment() {
        let (_dir, store, path) = acme();
        fs::remove_file(&path).expect("delete, keeping the backup");
        assert_eq!(store.new_id("Acme"), "acme-2");
        let a = Assessment::new("x".into(), "Acme".into(), String::new(), None, &[]);
        assert_eq!(store.create_new("Acme", a).expect("created").1.id, "acme-2");
    }

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

    #[cfg(unix)]
    #[test]
    fn a_socket_is_listed_with_the_reason_and_not_read() {
        let (_dir, store, _path) = acme();
        let socket = store.assessments_dir().join("socket.json");
        let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("socket");
        assert!(matches!(
            store.resolve("socket"),
            Err(StoreError::NotRegular {
                kind: "a socket",
                ..
            })
        ));
        let listed = store.list().expect("lists");
        assert_eq!(listed.len(), 2);
        let found = listed.iter().find(|l| l.path == socket).expect("listed");
        assert!(
            found
                .assessment
                .as_ref()
                .is_err_and(|e| e.starts_with("it is a socket, not a regular file")),
            "{:?}",
            found.assessment
        );
        let folder = store.assessments_dir().join("folder.json");
        create_private_dir(&folder).expect("dir");
        assert!(matches!(
            load(&folder),
            Err(StoreError::NotRegular {
                kind: "a folder",
                ..
            })
        ));
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
