//! What every front end (the full-screen app and plain mode) shares while an assessment is
//! edited: keeping count of changes that could not be saved, trying again, saying so in the
//! same words everywhere, writing a copy elsewhere as a way out, and naming the
//! questionnaires an assessment needs that are not available.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::assessment::{Assessment, QuestionnaireRef};
use crate::store::{self, Session, StoreError};
use crate::text::{one_line, sanitize_line};
use crate::workspace::Workspace;

/// How often changes that could not be saved are tried again.
pub const RETRY_EVERY: Duration = Duration::from_secs(3);

/// What the question asked before leaving with changes unsaved offers, in order: try
/// again, write them to another file, leave without them.
pub const UNSAVED_CHOICES: [&str; 3] = [
    "Try to save again",
    "Write them to another file",
    "Leave without them (they are lost)",
];

/// The file name offered for a copy of assessment `id`'s unsaved answers.
pub fn copy_name(id: &str) -> String {
    format!("{}-not-saved.json", crate::store::slug(id))
}

/// What is said once the unsaved answers of assessment `id` (whose own file is `file`) were
/// written to `copy` instead.
pub fn written_elsewhere(id: &str, copy: &str, file: &Path) -> String {
    let copy = sanitize_line(copy);
    format!(
        "The changes to {} that could not be saved are in {copy}; {} holds the answers saved \
         before. Open the copy with `supplycheck open {copy}`.",
        sanitize_line(id),
        sanitize_line(&file.display().to_string())
    )
}

/// Changes kept in memory that are not on disk, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unsaved {
    /// Changes made since the last save that reached the disk.
    pub changes: usize,
    /// Why the last save failed, on one line and safe to show.
    pub why: String,
}

impl Unsaved {
    /// "1 change" or "3 changes".
    fn counted(&self) -> String {
        match self.changes {
            1 => "1 change".to_string(),
            n => format!("{n} changes"),
        }
    }

    /// What is unsaved, for a question about leaving: "3 changes to acme are not saved: …".
    pub fn summary(&self, id: &str) -> String {
        let verb = if self.changes == 1 { "is" } else { "are" };
        format!(
            "{} to {} {verb} not saved: {}",
            self.counted(),
            sanitize_line(id),
            self.why
        )
    }

    /// The status line while the changes are unsaved.
    pub fn status(&self) -> String {
        format!(
            "Not saved: {}. Your answers stay here; saving is tried again every few seconds.",
            self.why
        )
    }

    /// What is said on leaving without them: what was lost, and what the file holds.
    pub fn lost(&self, id: &str, file: &Path) -> String {
        let verb = if self.changes == 1 { "was" } else { "were" };
        format!(
            "{} to {} {verb} not saved and {} lost: {}\n  {} holds the answers saved before; \
             give the missing ones again once the cause is fixed.",
            self.counted(),
            sanitize_line(id),
            if self.changes == 1 { "is" } else { "are" },
            self.why,
            sanitize_line(&file.display().to_string())
        )
    }
}

/// What a save (or a try again) came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Everything is on disk.
    Done,
    /// Everything is on disk again, after this many changes had not been saved.
    Recovered(usize),
    /// It failed: these changes are unsaved.
    Failed(Unsaved),
}

/// Keeps track of whether the answers in memory are on disk. Every change is saved through
/// it; a failed save is remembered, counted and tried again until it works or the person
/// chooses to leave without it.
#[derive(Debug, Clone)]
pub struct SaveTracker {
    unsaved: Option<Unsaved>,
    last_try: Option<Instant>,
    /// How long to wait between tries ([`RETRY_EVERY`]; tests set it to zero).
    pub retry_every: Duration,
}

impl Default for SaveTracker {
    fn default() -> Self {
        Self {
            unsaved: None,
            last_try: None,
            retry_every: RETRY_EVERY,
        }
    }
}

impl SaveTracker {
    /// What is unsaved, if anything.
    pub fn unsaved(&self) -> Option<&Unsaved> {
        self.unsaved.as_ref()
    }

    /// Saves the session after a change: empty entries are dropped, `updated` is stamped.
    pub fn save_change(&mut self, session: &mut Session) -> Saved {
        self.attempt(session, 1)
    }

    /// Tries the unsaved changes again; `None` when everything is on disk.
    pub fn retry(&mut self, session: &mut Session) -> Option<Saved> {
        self.unsaved.as_ref()?;
        Some(self.attempt(session, 0))
    }

    /// Tries the unsaved changes again if the last try is [`SaveTracker::retry_every`] ago.
    pub fn retry_if_due(&mut self, session: &mut Session, now: Instant) -> Option<Saved> {
        let due = self
            .last_try
            .is_none_or(|t| now.saturating_duration_since(t) >= self.retry_every);
        if due { self.retry(session) } else { None }
    }

    /// Forgets the unsaved changes (the person chose to leave without them, or they were
    /// written elsewhere); returns what they were.
    pub fn give_up(&mut self) -> Option<Unsaved> {
        self.unsaved.take()
    }

    fn attempt(&mut self, session: &mut Session, new_changes: usize) -> Saved {
        session.assessment.answers.retain(|_, a| !a.is_empty());
        self.last_try = Some(Instant::now());
        match session.save() {
            Ok(()) => match self.unsaved.take() {
                Some(u) => Saved::Recovered(u.changes),
                None => Saved::Done,
            },
            Err(e) => {
                let changes = self.unsaved.as_ref().map_or(0, |u| u.changes) + new_changes;
                let unsaved = Unsaved {
                    changes: changes.max(1),
                    why: cause_first(&e),
                };
                self.unsaved = Some(unsaved.clone());
                Saved::Failed(unsaved)
            }
        }
    }
}

/// Why a save failed, the cause first ("No space left on device (os error 28), writing
/// …/acme.json"), so that a status line cut at the window's edge still says it.
fn cause_first(e: &StoreError) -> String {
    match e {
        StoreError::Io {
            path,
            action,
            cause,
        } => one_line(&format!("{cause}; {action} {}", path.display())),
        other => one_line(&other.to_string()),
    }
}

/// Writes a copy of an assessment to a new file, atomically (a temporary file in the same
/// folder, flushed and fsynced, then linked in place), never over an existing file. The
/// copy is readable by the owner only on Unix.
pub fn write_copy(path: &Path, a: &Assessment) -> Result<(), StoreError> {
    store::write_new(path, &store::encode(path, a)?).map_err(|e| match e {
        StoreError::Io { cause, .. } if cause.kind() == std::io::ErrorKind::AlreadyExists => {
            StoreError::Io {
                path: path.to_path_buf(),
                action: "cannot write the copy",
                cause: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "a file of that name exists; give a new name",
                ),
            }
        }
        other => other,
    })
}

/// The questionnaires an assessment was answered against that this run does not have.
pub fn missing_questionnaires<'a>(ws: &Workspace, a: &'a Assessment) -> Vec<&'a QuestionnaireRef> {
    let found = ws.questionnaires_of(a);
    a.questionnaires
        .iter()
        .filter(|r| !found.iter().any(|q| q.id == r.id))
        .collect()
}

/// What to say when questionnaires are missing: which ones, which versions, and how to get
/// them loaded. `None` when none is missing.
pub fn missing_words(ws: &Workspace, a: &Assessment) -> Option<String> {
    let missing = missing_questionnaires(ws, a);
    if missing.is_empty() {
        return None;
    }
    let named: Vec<String> = missing
        .iter()
        .map(|r| format!("\"{}\" {}", sanitize_line(&r.id), sanitize_line(&r.version)))
        .collect();
    let (noun, which, it) = if named.len() == 1 {
        ("questionnaire", "which is", "it")
    } else {
        ("questionnaires", "which are", "them")
    };
    let list = match named.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => named.join(""),
    };
    let folder = ws.store.questionnaires_dir();
    Some(format!(
        "This assessment uses {noun} {list}, {which} not available. Load {it} with \
         --questionnaire-file FILE or put {it} in {}/.",
        sanitize_line(&folder.display().to_string())
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::store::Store;

    fn session_in(dir: &Path) -> Session {
        let ws = Workspace {
            store: Store::at(dir.to_path_buf()),
            catalog: Catalog::built_in(),
        };
        let (path, _) = ws.create("Acme", "Acme Ltd", None, &[]).expect("create");
        Session::open(&path).expect("open")
    }

    /// Makes saving fail: the assessments folder is replaced by a file (which stops writes
    /// even for root). Returns where the folder went.
    fn break_folder(dir: &Path) -> std::path::PathBuf {
        let folder = dir.join("assessments");
        let away = dir.join("away");
        std::fs::rename(&folder, &away).expect("move the folder away");
        std::fs::write(&folder, "not a folder").expect("a file in its place");
        away
    }

    fn mend_folder(dir: &Path, away: &Path) {
        let folder = dir.join("assessments");
        std::fs::remove_file(&folder).expect("remove the file");
        std::fs::rename(away, &folder).expect("move the folder back");
    }

    #[test]
    fn failed_saves_are_counted_retried_and_recovered() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut s = session_in(dir.path());
        let mut t = SaveTracker::default();
        assert_eq!(t.save_change(&mut s), Saved::Done);
        assert_eq!(t.retry(&mut s), None, "nothing to try again");

        let away = break_folder(dir.path());
        s.assessment.name = "Changed once".into();
        assert!(matches!(t.save_change(&mut s), Saved::Failed(u) if u.changes == 1));
        s.assessment.name = "Changed twice".into();
        let Saved::Failed(u) = t.save_change(&mut s) else {
            panic!("the save must fail");
        };
        assert_eq!(u.changes, 2);
        assert!(u.why.contains("assessments"), "{}", u.why);
        assert!(
            u.summary("acme")
                .starts_with("2 changes to acme are not saved: ")
        );
        assert!(matches!(t.retry(&mut s), Some(Saved::Failed(u)) if u.changes == 2));
        assert!(
            t.retry_if_due(&mut s, Instant::now()).is_none(),
            "not due yet"
        );

        mend_folder(dir.path(), &away);
        t.retry_every = Duration::ZERO;
        assert_eq!(
            t.retry_if_due(&mut s, Instant::now()),
            Some(Saved::Recovered(2))
        );
        assert!(t.unsaved().is_none());
        let saved = crate::store::load(&s.path).expect("load");
        assert_eq!(saved.name, "Changed twice");
    }

    #[test]
    fn the_words_name_what_is_lost_and_where_the_file_is() {
        let one = Unsaved {
            changes: 1,
            why: "no space left on device".into(),
        };
        assert_eq!(
            one.summary("acme"),
            "1 change to acme is not saved: no space left on device"
        );
        let lost = one.lost("acme", Path::new("data/acme.json"));
        assert!(
            lost.starts_with(
                "1 change to acme was not saved and is lost: no space left on device\n"
            ),
            "{lost}"
        );
        assert!(lost.contains("data/acme.json holds the answers saved before"));
    }

    #[test]
    fn a_copy_is_written_to_a_new_file_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let s = session_in(dir.path());
        let copy = dir.path().join("rescue.json");
        write_copy(&copy, &s.assessment).expect("written");
        assert_eq!(
            crate::store::load(&copy).expect("loads").id,
            s.assessment.id
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&copy).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(&copy, "precious").expect("write");
        let err = write_copy(&copy, &s.assessment).expect_err("never over a file");
        assert!(
            err.to_string().contains("a file of that name exists"),
            "{err}"
        );
        assert_eq!(std::fs::read_to_string(&copy).expect("read"), "precious");
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".supplycheck-"))
            .collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn missing_questionnaires_are_named_with_their_version() {
        let dir = tempfile::tempdir().expect("tempdir");
        let ws = Workspace {
            store: Store::at(dir.path().to_path_buf()),
            catalog: Catalog::built_in(),
        };
        let mut a = session_in(dir.path()).assessment;
        assert_eq!(missing_words(&ws, &a), None);
        a.questionnaires = vec![QuestionnaireRef {
            id: "myq".into(),
            version: "1.2.0".into(),
        }];
        let words = missing_words(&ws, &a).expect("missing");
        assert_eq!(
            words,
            format!(
                "This assessment uses questionnaire \"myq\" 1.2.0, which is not available. \
                 Load it with --questionnaire-file FILE or put it in {}/.",
                dir.path().join("questionnaires").display()
            )
        );
        a.questionnaires.push(QuestionnaireRef {
            id: "other".into(),
            version: "2.0.0".into(),
        });
        let words = missing_words(&ws, &a).expect("missing");
        assert!(
            words.starts_with(
                "This assessment uses questionnaires \"myq\" 1.2.0 and \"other\" 2.0.0, \
                 which are not available. Load them with"
            ),
            "{words}"
        );
    }
}
