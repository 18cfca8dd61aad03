//! What `update` asks the event loop to do outside the app's state, as data.

use std::path::PathBuf;

use crate::tui::editor::Editor;

use super::{Leaving, OpenAssessment, UnsavedDialog, WriteForm};

/// What follows once the list of assessments is read again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterList {
    /// Nothing more.
    Nothing,
    /// Pick an assessment to compare the open one with.
    PickComparison,
}

/// What follows once an assessment is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AfterOpen {
    /// Answer it: the questionnaire at its first item without an answer.
    Questionnaire,
    /// Its results, with the picker of an assessment to compare with.
    Compare,
}

/// One thing to be done outside the app's state, in the order asked.
#[derive(Debug)]
pub enum Effect {
    /// Save the open assessment after a change; the result goes to [`super::App::saved`].
    Save,
    /// Keep in the data directory a copy of each questionnaire version the open assessment
    /// records that came from a file of the user's (after an upgrade moved it to one).
    KeepQuestionnaires,
    /// Try the unsaved changes again: at once, or only when it is time (the idle tick).
    RetrySave {
        /// At once, whenever the last try was.
        now: bool,
    },
    /// Leave — quit or close the assessment — once saving what is unsaved was tried once
    /// more; if it still fails the person is asked what to do with the changes.
    Leave(Leaving),
    /// Read the list of assessments again.
    ListHome(AfterList),
    /// Open (and lock) the assessment in this file.
    Open(PathBuf, AfterOpen),
    /// Create a new assessment and open it.
    Create {
        /// Its name.
        name: String,
        /// The organisation assessed.
        organisation: String,
        /// Who gives the answers, with their group.
        respondent: Option<crate::record::Respondent>,
        /// The questionnaires it uses (ids).
        questionnaires: Vec<String>,
        /// The supplier assessed, for a supplier assessment.
        subject: Option<crate::record::Subject>,
    },
    /// Give the assessment in this file another name (locked while it is saved).
    Rename {
        /// Its file.
        path: PathBuf,
        /// The new name.
        name: String,
    },
    /// Close the assessment: its lock is released.
    Close(Box<OpenAssessment>),
    /// Delete the assessment in this file (it is moved to the deleted folder).
    Delete {
        /// Its file.
        path: PathBuf,
        /// Its name (safe to show).
        name: String,
    },
    /// Read the assessment in this file to compare the open one with.
    LoadComparison(PathBuf),
    /// Write a board pack as the dialog asks.
    WriteReport {
        /// The dialog (it stays open when the file cannot be written).
        form: WriteForm,
        /// Where the file goes.
        path: PathBuf,
        /// Its format.
        format: super::write::PackFormat,
    },
    /// Write the answers that could not be saved to a new file.
    WriteCopy {
        /// The question being answered.
        dialog: UnsavedDialog,
        /// The file name field.
        file: Editor,
        /// Where the copy goes.
        path: PathBuf,
    },
    /// Read every supplier assessment of the data directory into the portfolio; the result
    /// goes to [`super::App::portfolio_loaded`].
    LoadPortfolio,
}
