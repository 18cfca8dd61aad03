//! What sits on top of a screen: the note editor, the new-assessment form, the pickers
//! (owner, section, comparison) and the search box.

use crate::roles::ROLES;
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{App, Effect, Mode, OpenAssessment};

/// The levels a target can be, in the order the target picker lists them.
pub const TARGET_LEVELS: [u8; 4] = [0, 1, 2, 3];

/// Which text the editor writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    /// The item's note.
    Note,
    /// A text item's answer.
    Answer,
}

/// The editor and what it edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditState {
    /// Note or answer.
    pub target: EditTarget,
    /// The text being written.
    pub editor: Editor,
    /// The text as it was when the editor opened (for discarding).
    pub original: String,
}

/// What a picker picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// The owner role of the current item (then "someone else", typed, and "no owner").
    Owner,
    /// A section to go to.
    Section,
    /// Another assessment to compare with (the last row is "no comparison").
    Compare,
    /// The area whose target is set (the first row is "every area").
    TargetArea,
    /// The target level for an area (`None`: every area), the last row "no target".
    TargetLevel(Option<usize>),
}

/// A list to pick from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    /// What is picked.
    pub kind: PickerKind,
    /// The highlighted row.
    pub selected: usize,
}

/// The search box and its matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchState {
    /// The words searched for.
    pub query: Editor,
    /// The matching items (indexes into the open assessment's items).
    pub matches: Vec<usize>,
    /// The highlighted match.
    pub selected: usize,
}

impl App {
    /// Writes the editor's text into the answer (saving when it changed).
    fn write_field(&mut self) {
        let Mode::Editor(edit) = &self.mode else {
            return;
        };
        let text = edit.editor.text();
        let target = edit.target;
        self.set_field(target, &text);
    }

    fn set_field(&mut self, target: EditTarget, text: &str) {
        let is_text = target == EditTarget::Answer;
        let unchanged = self
            .open
            .as_ref()
            .and_then(OpenAssessment::answer)
            .cloned()
            .unwrap_or_default()
            .set_written(is_text, text);
        if !unchanged {
            return;
        }
        self.change(|a, _, _| {
            a.set_written(is_text, text);
        });
    }

    /// Saves and closes the editor, if it is open.
    pub fn finish_editing(&mut self) {
        if matches!(self.mode, Mode::Editor(_)) {
            self.write_field();
            self.mode = Mode::Normal;
        }
    }

    pub(super) fn update_editor(&mut self, action: Action) {
        let Mode::Editor(edit) = &mut self.mode else {
            return;
        };
        let e = &mut edit.editor;
        match action {
            Action::Input(c) => e.insert(c),
            Action::Paste(text) => e.paste(&text),
            Action::Newline => e.newline(),
            Action::Backspace => e.backspace(),
            Action::DeleteChar => e.delete(),
            Action::Left => e.left(),
            Action::Right => e.right(),
            Action::Up => e.up(),
            Action::Down => e.down(),
            Action::LineStart => e.home(),
            Action::LineEnd => e.end(),
            Action::Idle => self.write_field(),
            Action::SaveField => {
                self.write_field();
                let saving = self.effects.iter().any(|e| matches!(e, Effect::Save));
                if saving || (self.saved_at.is_some() && !self.failed()) {
                    self.info("The text is saved; go on writing, or press Esc to close.");
                }
            }
            Action::DiscardField => {
                let (target, original) = (edit.target, edit.original.clone());
                self.mode = Mode::Normal;
                self.set_field(target, &original);
                self.info("Your changes were thrown away; the text is as it was.");
            }
            Action::Back | Action::BackOrQuit => self.finish_editing(),
            Action::NextItem | Action::PrevItem => {
                self.finish_editing();
                self.update_item(action);
            }
            _ => {}
        }
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_picker(&mut self, mut picker: Picker, action: Action) {
        let len = match picker.kind {
            PickerKind::Owner => ROLES.len() + 2,
            PickerKind::Section => self.open.as_ref().map_or(0, |o| o.sections.len()),
            PickerKind::Compare => self.compare_candidates().len() + 1,
            PickerKind::TargetArea => self.open.as_ref().map_or(0, |o| o.pack.areas.len()) + 1,
            PickerKind::TargetLevel(_) => TARGET_LEVELS.len() + 1,
        };
        match action {
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(len.saturating_sub(1)),
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Choose(n) if n >= 1 && n <= len => {
                picker.selected = n - 1;
                self.pick(picker);
                return;
            }
            Action::ClickRow(n) if n < len => {
                picker.selected = n;
                self.pick(picker);
                return;
            }
            Action::Confirm => {
                self.pick(picker);
                return;
            }
            _ => {}
        }
        self.mode = Mode::Picker(picker);
    }

    fn pick(&mut self, picker: Picker) {
        self.mode = Mode::Normal;
        match picker.kind {
            PickerKind::Owner if picker.selected == ROLES.len() => {
                self.open_field(super::FieldKind::Owner);
            }
            PickerKind::Owner => {
                let owner = ROLES.get(picker.selected).map(|r| r.id.to_string());
                let words = ROLES
                    .get(picker.selected)
                    .map_or("No owner now.".to_string(), |r| {
                        format!("Owner: {}.", r.label)
                    });
                self.change(|a, _, _| a.owner = owner);
                self.info(words);
            }
            PickerKind::Section => {
                if let Some(first) = self
                    .open
                    .as_ref()
                    .and_then(|o| o.sections.get(picker.selected))
                    .map(|s| s.first)
                {
                    self.go_to(first);
                }
            }
            PickerKind::Compare => self.compare_with(picker.selected),
            PickerKind::TargetArea => {
                let area = picker.selected.checked_sub(1);
                let current = self.open.as_ref().and_then(|o| {
                    let a = &o.session.assessment;
                    match area {
                        Some(n) => o.pack.areas.get(n).and_then(|x| a.target(&x.id)),
                        None => a.default_target,
                    }
                });
                self.mode = Mode::Picker(Picker {
                    kind: PickerKind::TargetLevel(area),
                    selected: current.map_or(TARGET_LEVELS.len(), usize::from),
                });
            }
            PickerKind::TargetLevel(area) => {
                let level = TARGET_LEVELS.get(picker.selected).copied();
                self.set_target(area, level);
            }
        }
    }

    pub(super) fn update_search(&mut self, mut search: SearchState, action: Action) {
        let action = match search.query.edit_line(action) {
            Ok(edited) => {
                if edited {
                    search.matches = self.search(&search.query.text());
                    search.selected = 0;
                }
                self.mode = Mode::Search(search);
                return;
            }
            Err(action) => action,
        };
        match action {
            Action::Up => search.selected = search.selected.saturating_sub(1),
            Action::Down => {
                search.selected = (search.selected + 1).min(search.matches.len().saturating_sub(1));
            }
            Action::ClickRow(n) if n < search.matches.len() => {
                search.selected = n;
                return self.update_search(search, Action::Confirm);
            }
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Confirm => {
                self.mode = Mode::Normal;
                match search.matches.get(search.selected) {
                    Some(n) => self.go_to(*n),
                    None => self.info("Nothing matches; type other words."),
                }
                return;
            }
            _ => {}
        }
        self.mode = Mode::Search(search);
    }
}
