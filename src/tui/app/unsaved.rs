//! Leaving while changes are not saved: the question of what to do with them (try again,
//! write them to another file, or leave without them), and the end of the app when the
//! terminal goes away or a signal asks it to stop.

use crate::editing::{UNSAVED_CHOICES, copy_name, write_copy, written_elsewhere};
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{App, Mode, Status, message};

/// What leaving asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaving {
    /// End the app.
    Quit,
    /// Close the assessment and go home.
    Close,
}

/// The question asked before leaving while changes are not saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsavedDialog {
    /// What leaving asked for, done once the question is answered.
    pub leaving: Leaving,
    /// The highlighted answer: 0 try again, 1 write them elsewhere, 2 leave without them.
    pub selected: usize,
    /// The file name field, once writing them elsewhere is chosen.
    pub file: Option<Editor>,
}

impl App {
    /// Leaves: quits, or closes the assessment. While changes are not saved, saving is tried
    /// once more, and if it still fails the person is asked what to do with them.
    pub(super) fn leave(&mut self, leaving: Leaving) {
        self.finish_editing();
        if self.open.is_some() && self.saving.unsaved().is_some() {
            self.retry_saving(true);
            if self.saving.unsaved().is_some() {
                self.mode = Mode::Unsaved(UnsavedDialog {
                    leaving,
                    selected: 0,
                    file: None,
                });
                return;
            }
        }
        self.leave_now(leaving);
    }

    pub(super) fn leave_now(&mut self, leaving: Leaving) {
        self.mode = Mode::Normal;
        match leaving {
            Leaving::Quit => self.should_quit = true,
            Leaving::Close => self.close_now(),
        }
    }

    /// The terminal went away, or a signal asked the app to stop: the text being written is
    /// kept and saved, saving is tried once more if it failed, and the app ends. What still
    /// could not be saved is named in [`App::lost`].
    pub fn hang_up(&mut self) {
        self.finish_editing();
        if self.saving.unsaved().is_some() {
            self.retry_saving(true);
        }
        self.give_up_unsaved();
        self.should_quit = true;
    }

    /// Forgets the unsaved changes, noting in [`App::lost`] what they were.
    fn give_up_unsaved(&mut self) {
        let (Some(open), Some(u)) = (self.open.as_ref(), self.saving.give_up()) else {
            return;
        };
        self.lost
            .push(u.lost(&open.session.assessment.id, &open.session.path));
    }

    /// The words of the question: what is not saved, and why.
    pub fn unsaved_summary(&self) -> String {
        match (self.open.as_ref(), self.saving.unsaved()) {
            (Some(open), Some(u)) => u.summary(&open.session.assessment.id),
            _ => "Every change is saved.".to_string(),
        }
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_unsaved(&mut self, mut d: UnsavedDialog, action: Action) {
        if let Some(mut file) = d.file.take() {
            match file.edit_line(action) {
                Err(Action::Back | Action::BackOrQuit) => {}
                Err(Action::Confirm) => return self.write_elsewhere(d, file),
                Ok(_) | Err(_) => d.file = Some(file),
            }
            self.mode = Mode::Unsaved(d);
            return;
        }
        let len = UNSAVED_CHOICES.len();
        match action {
            Action::Up => d.selected = d.selected.saturating_sub(1),
            Action::Down => d.selected = (d.selected + 1).min(len - 1),
            Action::Choose(n) if (1..=len).contains(&n) => return self.answer_unsaved(d, n - 1),
            Action::ClickRow(n) if n < len => return self.answer_unsaved(d, n),
            Action::Confirm => {
                let n = d.selected;
                return self.answer_unsaved(d, n);
            }
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.status = Status::Error(format!(
                    "{}. They stay here; saving is tried again every few seconds.",
                    self.unsaved_summary()
                ));
                return;
            }
            _ => {}
        }
        self.mode = Mode::Unsaved(d);
    }

    fn answer_unsaved(&mut self, mut d: UnsavedDialog, choice: usize) {
        d.selected = choice;
        match choice {
            0 => {
                self.retry_saving(true);
                if self.saving.unsaved().is_none() {
                    return self.leave_now(d.leaving);
                }
            }
            1 => {
                let id = self
                    .open
                    .as_ref()
                    .map_or_else(String::new, |o| o.session.assessment.id.clone());
                d.file = Some(Editor::new(&copy_name(&id)));
            }
            _ => {
                self.give_up_unsaved();
                let words = self.lost.last().cloned().unwrap_or_default();
                self.leave_now(d.leaving);
                self.status = Status::Error(words.lines().next().unwrap_or_default().into());
                return;
            }
        }
        self.mode = Mode::Unsaved(d);
    }

    /// Writes the answers in memory to a new file; leaves when it worked.
    fn write_elsewhere(&mut self, mut d: UnsavedDialog, file: Editor) {
        let typed = file.text().trim().to_string();
        let Some(open) = self.open.as_ref() else {
            return self.leave_now(d.leaving);
        };
        if typed.is_empty() {
            self.status = Status::Error("Give the copy a file name.".into());
        } else {
            let path = self.report_path(&typed);
            match write_copy(&path, &open.session.assessment) {
                Ok(()) => {
                    let words =
                        written_elsewhere(&open.session.assessment.id, &typed, &open.session.path);
                    self.saving.give_up();
                    self.farewell.push(words.clone());
                    self.leave_now(d.leaving);
                    self.status = Status::Info(words);
                    return;
                }
                Err(e) => {
                    self.status = Status::Error(format!(
                        "Not written: {}. Give another name or folder.",
                        message(&e)
                    ));
                }
            }
        }
        d.file = Some(file);
        self.mode = Mode::Unsaved(d);
    }
}
