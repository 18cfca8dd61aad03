//! The questionnaires available to a run: the built-ins compiled into the binary, the files
//! in the data directory's `questionnaires/` folder, and files named on the command line.

use std::path::{Path, PathBuf};

use crate::questionnaire::{Finding, Origin, Questionnaire, QuestionnaireError};

/// The built-in questionnaires as (id, JSON text), in the order a new assessment uses them.
pub const BUILT_INS: [(&str, &str); 3] = [
    (
        "ncsc-board",
        include_str!("../questionnaires/ncsc-board.json"),
    ),
    (
        "cfcs-phases",
        include_str!("../questionnaires/cfcs-phases.json"),
    ),
    ("cert-exd", include_str!("../questionnaires/cert-exd.json")),
];

/// A loaded questionnaire and where it came from.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The questionnaire.
    pub questionnaire: Questionnaire,
    /// Built-in or a file.
    pub origin: Origin,
    /// Validation warnings.
    pub warnings: Vec<Finding>,
}

/// Every questionnaire a run can use, with the problems met while loading them.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<Entry>,
    /// Files that could not be loaded (they are left out).
    pub problems: Vec<CatalogProblem>,
}

/// A questionnaire file left out of the catalog, and why.
#[derive(Debug, Clone)]
pub struct CatalogProblem {
    /// The file.
    pub file: PathBuf,
    /// Why, for people.
    pub message: String,
}

impl Catalog {
    /// Only the built-in questionnaires.
    pub fn built_in() -> Self {
        let mut catalog = Self::default();
        for (id, text) in BUILT_INS {
            // The built-ins are checked by the test suite, so a failure here is a build defect;
            // it is reported as a problem rather than a panic all the same.
            match Questionnaire::load_str(text, &format!("built-in {id}")) {
                Ok((questionnaire, warnings)) => catalog.entries.push(Entry {
                    questionnaire,
                    origin: Origin::BuiltIn,
                    warnings,
                }),
                Err(e) => catalog.problems.push(CatalogProblem {
                    file: PathBuf::from(format!("built-in {id}")),
                    message: e.to_string(),
                }),
            }
        }
        catalog
    }

    /// The built-ins, then every `*.json` in `dir` (when it exists), then `extra` files.
    ///
    /// A file whose id is a built-in's is left out with a problem; an extra file replaces a
    /// data-directory copy of the same id. Unreadable files are left out with a problem,
    /// except `extra` files, whose failure is an error (the user asked for them).
    pub fn load(dir: Option<&Path>, extra: &[PathBuf]) -> Result<Self, QuestionnaireError> {
        let mut catalog = Self::built_in();
        if let Some(dir) = dir
            && let Ok(read) = std::fs::read_dir(dir)
        {
            let mut files: Vec<PathBuf> = read
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            files.sort();
            for file in files {
                match Questionnaire::load_file(&file) {
                    Ok((q, warnings)) => catalog.add(q, Origin::File(file), warnings, false),
                    Err(e) => catalog.problems.push(CatalogProblem {
                        file,
                        message: e.to_string(),
                    }),
                }
            }
        }
        for file in extra {
            let (q, warnings) = Questionnaire::load_file(file)?;
            catalog.add(q, Origin::File(file.clone()), warnings, true);
        }
        Ok(catalog)
    }

    fn add(&mut self, q: Questionnaire, origin: Origin, warnings: Vec<Finding>, replace: bool) {
        let file = match &origin {
            Origin::File(p) => p.clone(),
            Origin::BuiltIn => PathBuf::from("built-in"),
        };
        match self.entries.iter().position(|e| e.questionnaire.id == q.id) {
            Some(i) if self.entries[i].origin == Origin::BuiltIn => {
                self.problems.push(CatalogProblem {
                    file,
                    message: format!(
                        "left out: \"{}\" is the id of a built-in questionnaire; give your \
                         questionnaire an id of its own",
                        q.id
                    ),
                });
            }
            Some(i) if replace => {
                self.entries[i] = Entry {
                    questionnaire: q,
                    origin,
                    warnings,
                };
            }
            Some(i) => self.problems.push(CatalogProblem {
                file,
                message: format!(
                    "left out: questionnaire \"{}\" is already loaded from {}",
                    q.id, self.entries[i].origin
                ),
            }),
            None => self.entries.push(Entry {
                questionnaire: q,
                origin,
                warnings,
            }),
        }
    }

    /// A questionnaire by id.
    pub fn get(&self, id: &str) -> Option<&Questionnaire> {
        self.entry(id).map(|e| &e.questionnaire)
    }

    /// A catalog entry by id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.questionnaire.id == id)
    }

    /// Every entry, built-ins first.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The ids of the built-in questionnaires, in order.
    pub fn built_in_ids() -> Vec<&'static str> {
        BUILT_INS.iter().map(|(id, _)| *id).collect()
    }

    /// Adds a questionnaire directly (used by tests and benchmarks).
    pub fn insert(&mut self, questionnaire: Questionnaire) {
        self.entries
            .retain(|e| e.questionnaire.id != questionnaire.id);
        self.entries.push(Entry {
            questionnaire,
            origin: Origin::BuiltIn,
            warnings: Vec::new(),
        });
    }

    /// The questionnaires an assessment uses, in its order (missing ones are skipped; see
    /// [`crate::assessment::Assessment::check`] for the report).
    pub fn for_assessment(&self, a: &crate::assessment::Assessment) -> Vec<&Questionnaire> {
        a.questionnaires
            .iter()
            .filter_map(|r| self.get(&r.id))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_loads_without_findings() {
        let catalog = Catalog::built_in();
        assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
        assert_eq!(catalog.entries().len(), BUILT_INS.len());
        for entry in catalog.entries() {
            assert!(
                entry.warnings.is_empty(),
                "{}: {:?}",
                entry.questionnaire.id,
                entry.warnings
            );
        }
        for (id, _) in BUILT_INS {
            assert!(catalog.get(id).is_some(), "{id} is missing");
        }
    }
}
