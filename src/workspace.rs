//! A workspace: the store (data directory) and the questionnaires a run can use. It is what
//! every front end — command line, full-screen app, plain mode — works through.

use std::path::{Path, PathBuf};

use crate::assessment::{Assessment, Problem};
use crate::catalog::Catalog;
use crate::questionnaire::{Origin, Questionnaire, QuestionnaireError};
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

    /// Creates and saves a new assessment; `questionnaires` empty means every built-in.
    /// Questionnaires from files outside the data directory are copied into its
    /// `questionnaires/` folder, so the assessment keeps working when the original is gone.
    pub fn create(
        &self,
        name: &str,
        organisation: &str,
        respondent: Option<String>,
        questionnaires: &[String],
    ) -> Result<(PathBuf, Assessment), WorkspaceError> {
        let ids: Vec<String> = if questionnaires.is_empty() {
            Catalog::built_in_ids()
                .into_iter()
                .map(String::from)
                .collect()
        } else {
            questionnaires.to_vec()
        };
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
        let a = Assessment::new(
            store::slug(name),
            name.to_string(),
            organisation.to_string(),
            respondent,
            &chosen,
        );
        Ok(self.store.create_new(name, a)?)
    }

    /// Copies a questionnaire file into the data directory unless it is already there.
    fn keep_copy(&self, file: &Path, q: &Questionnaire) -> Result<(), WorkspaceError> {
        let dir = self.store.questionnaires_dir();
        let target = dir.join(format!("{}.json", q.id));
        let same_place = match (file.canonicalize(), target.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        if same_place {
            return Ok(());
        }
        let bytes = std::fs::read(file).map_err(|source| StoreError::Io {
            path: file.to_path_buf(),
            action: "cannot read",
            cause: source,
        })?;
        store::create_private_dir(&dir)?;
        store::write_atomic(&target, &bytes, true)?;
        Ok(())
    }
}
