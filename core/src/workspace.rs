//! A workspace: the store (data directory) and the questionnaires a run can use. It is what
//! every front end — command line, full-screen app, plain mode — works through.

use std::path::{Path, PathBuf};

use crate::assessment::{Assessment, Problem};
use crate::catalog::{self, Catalog, CatalogError};
use crate::questionnaire::{Origin, Questionnaire, QuestionnaireError, Scope};
use crate::record::{Respondent, Subject};
use crate::scoring::{self, ScoreReport};
use crate::store::{self, Session, Store, StoreError};

/// Why a workspace operation failed.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// A store error.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A questionnaire could not be loaded.
    #[error(transparent)]
    Questionnaire(#[from] QuestionnaireError),
    /// A questionnaire the user asked for conflicts with one already known.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// An unknown questionnaire id was asked for.
    #[error(
        "no questionnaire \"{id}\"; available: {available}\n  Run `supplycheck questionnaires list` to see them."
    )]
    UnknownQuestionnaire {
        /// The id asked for.
        id: String,
        /// The ids available.
        available: String,
    },
    /// No questionnaire was named and no built-in one covers the subject.
    #[error(
        "no built-in questionnaire covers one {scope}; name one with --questionnaire ID\n  \
         Run `supplycheck questionnaires list` to see them."
    )]
    NoQuestionnaireFor {
        /// What the assessment covers, in words ("supplier", "organisation").
        scope: &'static str,
    },
}

/// The store and the questionnaires of one run.
#[derive(Debug, Clone)]
pub struct Workspace {
    /// The data directory.
    pub store: Store,
    /// Every questionnaire available.
    pub catalog: Catalog,
}

impl Workspace {
    /// Opens the workspace: the data directory (`--data-dir`, then the environment, then
    /// the user's data directory) and the questionnaires (built-ins, the data directory's,
    /// and `extra` files).
    pub fn open(data_dir: Option<PathBuf>, extra: &[PathBuf]) -> Result<Self, WorkspaceError> {
        let store = Store::locate(data_dir)?;
        let catalog = Catalog::load(Some(&store.questionnaires_dir()), extra)?;
        Ok(Self { store, catalog })
    }

    /// The questionnaires an assessment uses, in its order.
    pub fn questionnaires_of(&self, a: &Assessment) -> Vec<&Questionnaire> {
        self.catalog.for_assessment(a)
    }

    /// Scores an assessment.
    pub fn score(&self, a: &Assessment) -> ScoreReport {
        scoring::score(&self.questionnaires_of(a), a)
    }

    /// What does not fit in an assessment (answers are kept; this only reports).
    pub fn check(&self, a: &Assessment) -> Vec<Problem> {
        a.check(&self.catalog)
    }

    /// Reads an assessment by id or path (no lock: for reading only).
    pub fn load(&self, id_or_path: &str) -> Result<(PathBuf, Assessment), WorkspaceError> {
        let path = self.store.resolve(id_or_path)?;
        let a = store::load(&path)?;
        Ok((path, a))
    }

    /// Opens an assessment by id or path for editing (locked until the session is dropped).
    pub fn edit(&self, id_or_path: &str) -> Result<Session, WorkspaceError> {
        let path = self.store.resolve(id_or_path)?;
        Ok(Session::open(&path)?)
    }

    /// Creates and saves a new assessment; `questionnaires` empty means the built-ins that
    /// assess the organisation ([`Catalog::default_ids`]).
    /// Questionnaires from files outside the data directory are copied into its
    /// `questionnaires/` folder, so the assessment keeps working when the original is gone.
    pub fn create(
        &self,
        name: &str,
        organisation: &str,
        respondent: Option<String>,
        questionnaires: &[String],
    ) -> Result<(PathBuf, Assessment), WorkspaceError> {
        let respondent = respondent.map(|name| Respondent { name, group: None });
        self.create_for(name, organisation, respondent, questionnaires, None)
    }

    /// Creates and saves a new assessment as [`Workspace::create`] does, for a respondent
    /// who may have a group: the assessment's `respondent` is their name, and a respondent
    /// with a group is also listed in `respondents` with it.
    pub fn create_with(
        &self,
        name: &str,
        organisation: &str,
        respondent: Option<Respondent>,
        questionnaires: &[String],
    ) -> Result<(PathBuf, Assessment), WorkspaceError> {
        self.create_for(name, organisation, respondent, questionnaires, None)
    }

    /// [`Workspace::create_with`] for a subject: a supplier assessment without questionnaires
    /// named gets the supplier-scope built-ins, any other the organisation-scope ones.
    pub fn create_for(
        &self,
        name: &str,
        organisation: &str,
        respondent: Option<Respondent>,
        questionnaires: &[String],
        subject: Option<Subject>,
    ) -> Result<(PathBuf, Assessment), WorkspaceError> {
        let scope = match subject {
            Some(Subject::Supplier { .. }) => Scope::Supplier,
            _ => Scope::Organisation,
        };
        let ids: Vec<String> = if questionnaires.is_empty() {
            self.catalog
                .default_ids(scope)
                .into_iter()
                .map(String::from)
                .collect()
        } else {
            questionnaires.to_vec()
        };
        if ids.is_empty() {
            return Err(WorkspaceError::NoQuestionnaireFor {
                scope: match scope {
                    Scope::Supplier => "supplier",
                    Scope::Organisation => "organisation",
                },
            });
        }
        let mut chosen = Vec::new();
        for id in &ids {
            let entry =
                self.catalog
                    .entry(id)
                    .ok_or_else(|| WorkspaceError::UnknownQuestionnaire {
                        id: crate::text::sanitize_line(id),
                        available: self
                            .catalog
                            .entries()
                            .iter()
                            .map(|e| e.questionnaire.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    })?;
            if !chosen
                .iter()
                .any(|q: &&Questionnaire| q.id == entry.questionnaire.id)
            {
                chosen.push(&entry.questionnaire);
            }
            if let Origin::File(file) = &entry.origin {
                self.keep_copy(file, &entry.questionnaire)?;
            }
        }
        let mut a = Assessment::new(
            store::slug(name),
            name.to_string(),
            organisation.to_string(),
            respondent.as_ref().map(|r| r.name.clone()),
            &chosen,
        );
        a.subject = subject;
        if let Some(r) = respondent.filter(|r| r.group.is_some()) {
            a.respondents.push(r);
        }
        Ok(self.store.create_new(name, a)?)
    }

    /// Keeps in the data directory a copy of every questionnaire version `a` records that
    /// this run loaded from a file of the user's (as creating an assessment does), so the
    /// assessment goes on being scored against exactly that version when the file is gone.
    pub fn keep_copies_for(&self, a: &Assessment) -> Result<(), WorkspaceError> {
        for r in &a.questionnaires {
            if let Some(entry) = self.catalog.version(&r.id, &r.version)
                && let Origin::File(file) = &entry.origin
            {
                self.keep_copy(file, &entry.questionnaire)?;
            }
        }
        Ok(())
    }

    /// Keeps a copy of a questionnaire file in the data directory's `questionnaires/` folder
    /// as `<id>@<version>.json`, beside any other versions, unless the file is already in
    /// that folder. A copy is never replaced: one already there with the same content is
    /// kept, and one with other content is an error naming what differs.
    fn keep_copy(&self, file: &Path, q: &Questionnaire) -> Result<(), WorkspaceError> {
        let dir = self.store.questionnaires_dir();
        let in_dir = file
            .parent()
            .is_some_and(|parent| store::same_file(parent, &dir));
        if in_dir {
            return Ok(());
        }
        if let Some(message) = catalog::file_name_problem(q) {
            return Err(CatalogError::FileName {
                file: file.to_path_buf(),
                message,
            }
            .into());
        }
        let target = dir.join(catalog::copy_file_name(q));
        if Self::same_copy(file, &target, q)? {
            return Ok(());
        }
        let bytes = crate::file::read_regular(file).map_err(|e| StoreError::Io {
            path: file.to_path_buf(),
            action: "cannot read",
            cause: std::io::Error::other(e.to_string()),
        })?;
        store::create_private_dir(&dir)?;
        match store::write_new(&target, &bytes) {
            Ok(()) => Ok(()),
            // Another process kept its copy a moment ago: it must be the same questionnaire.
            Err(StoreError::Io { cause, .. })
                if cause.kind() == std::io::ErrorKind::AlreadyExists =>
            {
                if Self::same_copy(file, &target, q)? {
                    Ok(())
                } else {
                    Err(WorkspaceError::Store(StoreError::Io {
                        path: target,
                        action: "cannot keep a copy of the questionnaire",
                        cause,
                    }))
                }
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Whether `target` already holds `q` (false when there is no such file); a copy with
    /// other content, or one that cannot be read, is an error: it is never written over.
    fn same_copy(file: &Path, target: &Path, q: &Questionnaire) -> Result<bool, WorkspaceError> {
        match std::fs::symlink_metadata(target) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            _ => {}
        }
        let (existing, _) =
            Questionnaire::load_file(target).map_err(|e| CatalogError::FileName {
                file: target.to_path_buf(),
                message: format!(
                    "the copy of \"{}\" version {} kept here cannot be read, so it is not \
                     replaced; move it away and try again.\n  {}",
                    crate::text::sanitize_line(&q.id),
                    crate::text::sanitize_line(&q.version),
                    crate::text::sanitize(&e.to_string())
                ),
            })?;
        if existing == *q {
            return Ok(true);
        }
        Err(CatalogError::Conflict {
            file: file.to_path_buf(),
            id: crate::text::sanitize_line(&q.id),
            version: crate::text::sanitize_line(&q.version),
            existing: target.display().to_string(),
            differences: catalog::differences(&existing, q),
        }
        .into())
    }
}
