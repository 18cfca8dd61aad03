//! Leaving while changes are not saved: the question of what to do with them (try again,
//! write them to another file, or leave without them), and the end of the app when the
//! terminal goes away or a signal asks it to stop.

use crate::editing::{UNSAVED_CHOICES, copy_name, written_elsewhere};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{App, Effect, Mode, Status, message};

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
    /// once more ([`Effect::Leave`]), and if it still fails the person is asked what to do
    /// with them ([`App::leave_if_saved`]).
    pub(super) fn leave(&mut self, leaving: Leaving) {
        self.finish_editing();
        self.effect(Effect::Leave(leaving));
    }

    /// Leaves as asked when every change is saved; otherwise asks what to do with the
    /// changes that are not.
    pub fn leave_if_saved(&mut self, leaving: Leaving) {
        if self.open.is_some() && self.saving.unsaved().is_some() {
            self.mode = Mode::Unsaved(UnsavedDialog {
                leaving,
                selected: 0,
                file: None,
            });
            return;
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

    /// After the idle tick tried saving again: when the question about unsaved changes is
    /// up and everything is now saved, leave as was asked.
    pub fn idle_retried(&mut self) {
        if let Mode::Unsaved(d) = &self.mode
            && self.saving.unsaved().is_none()
        {
            let leaving = d.leaving;
            self.leave_now(leaving);
        }
    }

    /// Forgets the unsaved changes, noting in [`App::lost`] what they were.
    pub fn give_up_unsaved(&mut self) {
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
                self.effect(Effect::Leave(d.leaving));
                return;
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

    /// Asks for the answers in memory to be written to a new file.
    fn write_elsewhere(&mut self, mut d: UnsavedDialog, file: Editor) {
        let typed = file.text().trim().to_string();
        if self.open.is_none() {
            return self.leave_now(d.leaving);
        }
        if typed.is_empty() {
            self.status = Status::Error("Give the copy a file name.".into());
            d.file = Some(file);
            self.mode = Mode::Unsaved(d);
            return;
        }
        let path = self.report_path(&typed);
        self.mode = Mode::Unsaved(d.clone());
        self.effect(Effect::WriteCopy {
            dialog: d,
            file,
            path,
        });
    }

    /// Writing the answers in memory to a new file (as the dialog `d` asked, with the name
    /// in `file`) came to `written`; leaves when it worked.
    pub fn copy_written(
        &mut self,
        mut d: UnsavedDialog,
        file: Editor,
        written: Result<(), StoreError>,
    ) {
        let typed = file.text().trim().to_string();
        let Some(open) = self.open.as_ref() else {
            return self.leave_now(d.leaving);
        };
        match written {
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
        d.file = Some(file);
        self.mode = Mode::Unsaved(d);
    }
}
