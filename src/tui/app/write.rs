//! Writing the board pack to a file: the dialog that asks for the file's name, and what
//! came of writing it.

use std::path::{Path, PathBuf};

use crate::questionnaire::Questionnaire;
use crate::report::{BoardPack, Format};
use crate::store::{self, StoreError};
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::editor::Editor;
use crate::workspace::WorkspaceError;

use super::{App, Effect, Mode, OpenAssessment, Status, message};

/// The dialog that asks where to write a board pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteForm {
    /// The file name (relative to the current directory, or absolute).
    pub file: Editor,
    /// The assessment's file when written from home; `None`: the open assessment.
    pub source: Option<PathBuf>,
    /// The assessment's name (safe to show).
    pub name: String,
    /// The file exists, and Enter once more replaces it.
    pub replace: bool,
}

/// What a board pack file is written as: one of the text formats, or a Word document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PackFormat {
    /// HTML, Markdown, CSV or JSON.
    Text(Format),
    /// A Word document (`.docx`), without the appendix.
    Word,
}

/// The format a board pack file name asks for, by its extension.
fn format_of(file: &str) -> Option<PackFormat> {
    let ext = Path::new(file).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => Some(PackFormat::Text(Format::Html)),
        "md" | "markdown" => Some(PackFormat::Text(Format::Markdown)),
        "csv" => Some(PackFormat::Text(Format::Csv)),
        "json" => Some(PackFormat::Text(Format::Json)),
        "docx" => Some(PackFormat::Word),
        _ => None,
    }
}

/// The default file name of an assessment's board pack.
fn default_file(id: &str) -> String {
    format!("{}-board-pack.html", store::slug(id))
}

impl OpenAssessment {
    /// The board pack written from the results or board screen: the one they show; while
    /// compared on the results screen with an earlier assessment, with what changed since
    /// then.
    pub fn pack_to_write(&self) -> BoardPack {
        match self.compare.as_ref().filter(|c| c.is_before) {
            Some(c) => {
                let now: Vec<&Questionnaire> = self.questionnaires.iter().collect();
                let then: Vec<&Questionnaire> = c.questionnaires.iter().collect();
                BoardPack::compared(&now, &self.session.assessment, &then, &c.other)
            }
            None => self.pack.clone(),
        }
    }
}

/// What came of writing a board pack.
#[derive(Debug)]
pub enum ReportOutcome {
    /// Written; `since` names the earlier assessment the pack says what changed since.
    Written {
        /// The earlier assessment's name, when the pack was compared.
        since: Option<String>,
    },
    /// The name is that of a folder.
    Folder,
    /// The file may not be written there (an assessment, a backup, a lock, …).
    Refused(StoreError),
    /// A file of that name exists: it is replaced only on a second Enter.
    Exists,
    /// The assessment written from home cannot be read.
    Unreadable(WorkspaceError),
    /// There is no assessment to write.
    NothingOpen,
    /// Writing failed.
    Failed(StoreError),
}

impl App {
    /// `w` at home: ask where to write the highlighted assessment's board pack.
    pub(super) fn ask_report_from_home(&mut self) {
        let Some(row) = self.usable_home_row() else {
            return;
        };
        self.mode = Mode::WriteReport(WriteForm {
            file: Editor::new(&default_file(&row.id)),
            source: Some(row.path.clone()),
            name: row.name.clone(),
            replace: false,
        });
    }

    /// `w` on the results or board screen: ask where to write the open assessment's pack.
    pub(super) fn ask_report_for_open(&mut self) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        let a = &open.session.assessment;
        self.mode = Mode::WriteReport(WriteForm {
            file: Editor::new(&default_file(&a.id)),
            source: None,
            name: sanitize_line(&a.name),
            replace: false,
        });
    }

    pub(super) fn update_write(&mut self, mut form: WriteForm, action: Action) {
        let action = match form.file.edit_line(action) {
            Ok(edited) => {
                // A changed name must be confirmed again before it replaces a file.
                form.replace &= !edited;
                self.mode = Mode::WriteReport(form);
                return;
            }
            Err(action) => action,
        };
        match action {
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("No file was written.");
                return;
            }
            Action::Confirm => {
                self.write_report(form);
                return;
            }
            _ => {}
        }
        self.mode = Mode::WriteReport(form);
    }

    /// Where a typed file name points: `~/` is the home folder; a relative name is in
    /// [`App::report_dir`] (the current directory unless set).
    pub(super) fn report_path(&self, typed: &str) -> PathBuf {
        if let Some(rest) = typed.strip_prefix("~/")
            && let Some(dirs) = directories::BaseDirs::new()
        {
            return dirs.home_dir().join(rest);
        }
        let path = PathBuf::from(typed);
        match &self.report_dir {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path,
        }
    }

    /// Asks for the board pack the dialog names to be written; the dialog stays open until
    /// it is.
    fn write_report(&mut self, form: WriteForm) {
        let typed = form.file.text().trim().to_string();
        let Some(format) = format_of(&typed) else {
            self.status = Status::Error(
                "Give the file a name ending .html, .md, .csv, .json or .docx: the format follows it."
                    .into(),
            );
            self.mode = Mode::WriteReport(form);
            return;
        };
        let path = self.report_path(&typed);
        self.mode = Mode::WriteReport(form.clone());
        self.effect(Effect::WriteReport { form, path, format });
    }

    /// Writing the board pack the dialog `form` asked for came to `outcome`.
    pub fn report_written(&mut self, mut form: WriteForm, outcome: ReportOutcome) {
        let shown = sanitize_line(form.file.text().trim());
        let (status, keep) = match outcome {
            ReportOutcome::Written { since } => {
                let since = since
                    .map(|name| format!(", with what changed since {name}"))
                    .unwrap_or_default();
                (Status::Info(format!("Wrote {shown}{since}")), false)
            }
            ReportOutcome::Folder => (
                Status::Error(format!("{shown} is a folder: add a file name.")),
                true,
            ),
            ReportOutcome::Refused(e) => {
                (Status::Error(format!("Not written: {}", message(&e))), true)
            }
            ReportOutcome::Exists => {
                form.replace = true;
                (
                    Status::Info(format!(
                        "{shown} exists: Enter again replaces it, or change the name."
                    )),
                    true,
                )
            }
            ReportOutcome::Unreadable(e) => (
                Status::Error(format!("Not written: {}", message(&e))),
                false,
            ),
            ReportOutcome::NothingOpen => (self.status.clone(), false),
            ReportOutcome::Failed(e) => (
                Status::Error(format!(
                    "Not written: {}. Check that the folder exists and can be written to.",
                    message(&e)
                )),
                true,
            ),
        };
        self.status = status;
        self.mode = if keep {
            Mode::WriteReport(form)
        } else {
            Mode::Normal
        };
    }
}
