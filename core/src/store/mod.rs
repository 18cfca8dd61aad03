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

mod deleted;
mod lock;
mod protect;
mod tidy;
mod write;

use std::fs;
use std::path::{Path, PathBuf};

use protect::{kind_of, read_error};

pub use deleted::{DeletedAssessment, RestoreError};
pub use lock::{EditLock, Session};
pub use protect::{OutputTarget, ROOT_FILES};
pub use write::{create, create_private_dir, encode, save, write_atomic, write_new};

use crate::assessment::{ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_1, ASSESSMENT_FORMATS, Assessment};

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
         \"{ASSESSMENT_FORMAT_1}\" and \"{ASSESSMENT_FORMAT}\".\n  The file was not changed; open \
         it with a supplycheck that reads its format."
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
        let mut out: Vec<Listed> = json_files(&self.assessments_dir())?
            .into_iter()
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

/// The `*.json` entries of a folder (none when it does not exist yet), whatever they are:
/// the caller reads each as a regular file or says why not.
pub fn json_files(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    match fs::read_dir(dir) {
        Ok(read) => Ok(read
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(cause) => Err(StoreError::Io {
            path: dir.to_path_buf(),
            action: "cannot read the folder",
            cause,
        }),
    }
}

/// Reads an assessment file. Errors name the file, the line and column, and the backup.
pub fn load(path: &Path) -> Result<Assessment, StoreError> {
    let bytes = crate::file::read_regular(path)
        .map_err(|e| read_error(path, "cannot read the assessment", e))?;
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
    // Check the format first, so a future format gets a message about versions rather than
    // about whichever field changed.
    if let Some(found) = crate::text::format_of(text)
        && !ASSESSMENT_FORMATS.contains(&found.as_str())
    {
        return Err(StoreError::Format {
            path: path.to_path_buf(),
            found: crate::text::sanitize_line(&found),
        });
    }
    serde_json::from_str(text).map_err(parse_error)
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
    pub(super) fn acme() -> (tempfile::TempDir, Store, PathBuf) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::at(dir.path().join("data"));
        let a = Assessment::new("acme".into(), "Acme".into(), String::new(), None, &[]);
        let (path, a) = store.create_new("Acme", a).expect("created");
        save(&path, &a).expect("saved");
        (dir, store, path)
    }

    pub(super) fn why(result: Result<(), StoreError>) -> String {
        match result {
            Err(StoreError::Protected { why, .. }) => why,
            other => panic!("not refused as protected: {other:?}"),
        }
    }

    #[test]
    fn a_new_id_skips_a_backup_left_by_an_earlier_assessment() {
        let (_dir, store, path) = acme();
        fs::remove_file(&path).expect("delete, keeping the backup");
        assert_eq!(store.new_id("Acme"), "acme-2");
        let a = Assessment::new("x".into(), "Acme".into(), String::new(), None, &[]);
        assert_eq!(store.create_new("Acme", a).expect("created").1.id, "acme-2");
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
    fn a_future_format_is_named() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        fs::write(&path, r#"{"format": "supplycheck.assessment/3", "new": 1}"#).expect("w");
        let err = load(&path).expect_err("fails").to_string();
        assert!(
            err.contains("the format is \"supplycheck.assessment/3\""),
            "{err}"
        );
        assert!(
            err.contains("reads \"supplycheck.assessment/1\" and \"supplycheck.assessment/2\""),
            "{err}"
        );
    }

    #[test]
    fn a_format_1_file_loads_and_is_saved_as_format_2() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.json");
        let one = include_str!("../../../tests/fixtures/assessment-1.json");
        fs::write(&path, one).expect("w");
        let a = load(&path).expect("a format 1 file loads");
        assert_eq!(a.format, ASSESSMENT_FORMAT);
        save(&path, &a).expect("saves");
        let saved = fs::read_to_string(&path).expect("read");
        assert_eq!(
            saved,
            one.replace("supplycheck.assessment/1", "supplycheck.assessment/2"),
            "only the format tag changes: nothing is lost"
        );
        assert_eq!(load(&path).expect("loads again"), a);
    }
}
