//! Reading every assessment of a folder for the portfolio: a file that cannot be read is
//! listed with the reason, never fatal.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::assessment::Assessment;
use crate::store::{self, StoreError};

/// A file the portfolio left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// The file.
    pub file: String,
    /// Why it was left out.
    pub reason: String,
}

/// The assessments a folder holds, and the files in it that could not be read.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// Each assessment read, with its file, in file-name order.
    pub assessments: Vec<(PathBuf, Assessment)>,
    /// The files that could not be read, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files of another supplycheck format (a board pack's JSON, a score report): not
    /// assessments, so left out without a warning.
    pub other_files: usize,
}

/// Reads every `*.json` file directly in `dir` as an assessment (not its subfolders). A
/// data directory — a folder holding an `assessments` folder — is read through that
/// folder. The portfolio settings file (`portfolio.json`) is not an assessment and is
/// passed over. Only a folder that cannot be listed is an error.
pub fn read_folder(dir: &Path) -> Result<Folder, StoreError> {
    let inner = dir.join("assessments");
    let dir = if inner.is_dir() {
        inner
    } else {
        dir.to_path_buf()
    };
    if !dir.is_dir() {
        return Err(StoreError::Io {
            path: dir.clone(),
            action: "cannot read the folder",
            cause: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "it does not exist or is not a folder; give the folder that holds the \
                 assessment files",
            ),
        });
    }
    let mut files = store::json_files(&dir)?;
    files.retain(|p| {
        p.file_name()
            .is_none_or(|n| n != std::ffi::OsStr::new(super::SETTINGS_FILE))
    });
    files.sort();
    let mut folder = Folder::default();
    for path in files {
        match store::load(&path) {
            Ok(a) => folder.assessments.push((path, a)),
            Err(StoreError::Format { found, .. }) if is_other_output(&found) => {
                folder.other_files += 1;
            }
            Err(e) => {
                let file = path.display().to_string();
                let message = e.to_string();
                let reason = message
                    .strip_prefix(&format!("{file}: "))
                    .unwrap_or(&message)
                    .lines()
                    .next()
                    .unwrap_or_default();
                folder.skipped.push(Skipped {
                    reason: crate::text::sanitize(reason),
                    file,
                });
            }
        }
    }
    Ok(folder)
}

/// Whether `format` names another of supplycheck's own files — a report, a score, a
/// questionnaire — rather than an assessment of an unknown version.
fn is_other_output(format: &str) -> bool {
    format
        .strip_prefix("supplycheck.")
        .is_some_and(|rest| !rest.starts_with("assessment/"))
}
