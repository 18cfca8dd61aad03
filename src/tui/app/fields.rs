//! The follow-up of the current item, set from the questionnaire: parking it, the decision
//! the board is asked to take, the day it is due, its status, its evidence, and an owner in
//! the user's own words. Each is one change, saved at once and undoable.

use crate::record::{FollowUpChange, Status as WorkStatus};
use crate::text::{one_line, sanitize_line};
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{App, Mode};

/// What a one-line field sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// The decision the board is asked to take.
    Decision,
    /// The day the follow-up is due.
    Due,
    /// A piece of evidence to add.
    Evidence,
    /// An owner in the user's own words.
    Owner,
}

impl FieldKind {
    /// The dialog's title.
    pub fn title(self) -> &'static str {
        match self {
            FieldKind::Decision => "Decision the board is asked to take",
            FieldKind::Due => "Due day of the follow-up",
            FieldKind::Evidence => "Add evidence",
            FieldKind::Owner => "Owner, in your own words",
        }
    }

    /// A line under the field saying what to write.
    pub fn hint(self) -> &'static str {
        match self {
            FieldKind::Decision => {
                "One line, e.g. \"Approve the budget for an exit plan\"; empty removes it."
            }
            FieldKind::Due => "YYYY-MM-DD, e.g. 2027-01-31; empty removes it.",
            FieldKind::Evidence => "A document name, a path or a link, e.g. \"SOC 2 report 2026\".",
            FieldKind::Owner => {
                "A person or a team, e.g. \"Head of Procurement\"; empty: no owner."
            }
        }
    }
}

/// A one-line field of the questionnaire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldForm {
    /// What it sets.
    pub kind: FieldKind,
    /// The text being written.
    pub editor: Editor,
    /// Why the text was not taken, shown in the dialog.
    pub error: Option<String>,
}

impl App {
    /// Opens the one-line field `kind` for the current item, holding what is there now.
    pub(super) fn open_field(&mut self, kind: FieldKind) {
        let Some(answer) = self
            .open
            .as_ref()
            .map(|o| o.answer().cloned().unwrap_or_default())
        else {
            return;
        };
        let now = match kind {
            FieldKind::Decision => answer.decision.clone().unwrap_or_default(),
            FieldKind::Due => answer
                .due
                .map(|d| d.strftime("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            FieldKind::Evidence => String::new(),
            FieldKind::Owner => answer
                .owner
                .filter(|o| crate::roles::role(o).is_none())
                .unwrap_or_default(),
        };
        self.mode = Mode::Field(FieldForm {
            kind,
            editor: Editor::new(&one_line(&now)),
            error: None,
        });
    }

    pub(super) fn update_field(&mut self, mut form: FieldForm, action: Action) {
        let Err(action) = form.editor.edit_line(action) else {
            form.error = None;
            self.mode = Mode::Field(form);
            return;
        };
        match action {
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("Nothing was changed.");
            }
            Action::Confirm => {
                let text = form.editor.text().trim().to_string();
                match self.keep_field(form.kind, &text) {
                    Ok(words) => {
                        self.mode = Mode::Normal;
                        self.info(words);
                    }
                    Err(why) => {
                        form.error = Some(why);
                        self.mode = Mode::Field(form);
                    }
                }
            }
            _ => self.mode = Mode::Field(form),
        }
    }

    /// Keeps what a field holds on the current item; the words say what was done.
    fn keep_field(&mut self, kind: FieldKind, text: &str) -> Result<String, String> {
        let shown = sanitize_line(text);
        let (change, words) = match kind {
            FieldKind::Decision => (
                FollowUpChange::parse(None, None, &[], Some(text), None)?,
                if text.is_empty() {
                    "No decision asked for now.".to_string()
                } else {
                    format!("Decision: {shown}")
                },
            ),
            FieldKind::Due => {
                let due = if text.is_empty() {
                    None
                } else {
                    Some(crate::stamp::parse_day(text).map_err(|e| format!("Due day: {e}."))?)
                };
                self.change(|a, _, _| a.due = due);
                return Ok(if text.is_empty() {
                    "No due day now.".to_string()
                } else {
                    format!("Due {shown}.")
                });
            }
            FieldKind::Evidence => {
                if text.is_empty() {
                    return Err(
                        "Write a document name, a path or a link (Esc adds nothing).".into(),
                    );
                }
                (
                    FollowUpChange::parse(None, None, &[text.to_string()], None, None)?,
                    format!("Evidence added: {shown}"),
                )
            }
            FieldKind::Owner => {
                let owner = (!text.is_empty()).then(|| text.to_string());
                self.change(|a, _, _| a.owner = owner);
                return Ok(if text.is_empty() {
                    "No owner now.".to_string()
                } else {
                    format!("Owner: {shown}.")
                });
            }
        };
        self.change(|a, _, _| a.apply_follow_up(&change));
        Ok(words)
    }

    /// Parks the current item, or takes it off the parked list.
    pub(super) fn toggle_park(&mut self) {
        let mut parked = false;
        self.change(|a, _, _| {
            a.parked = !a.parked;
            parked = a.parked;
        });
        self.info(if parked {
            "Parked for later: the room can move on."
        } else {
            "No longer parked."
        });
    }

    /// Moves the current item's status on: open, in progress, done, then none.
    pub(super) fn cycle_status(&mut self) {
        let mut now = None;
        self.change(|a, _, _| {
            a.status = match a.status {
                None => Some(WorkStatus::Open),
                Some(WorkStatus::Open) => Some(WorkStatus::InProgress),
                Some(WorkStatus::InProgress) => Some(WorkStatus::Done),
                Some(WorkStatus::Done) => None,
            };
            now = a.status;
        });
        self.info(match now {
            Some(s) => format!("Status: {}.", status_words(s)),
            None => "No status now.".to_string(),
        });
    }
}

/// A status in words.
pub fn status_words(s: WorkStatus) -> &'static str {
    match s {
        WorkStatus::Open => "open",
        WorkStatus::InProgress => "in progress",
        WorkStatus::Done => "done",
    }
}
