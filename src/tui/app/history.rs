//! Undo: the assessment as it was before each change, newest last, so that Ctrl-Z can put
//! it back. Every change to the open assessment goes through [`App::record_edit`] (the
//! questionnaire's changes do so in [`App::change`]), and an undo is saved like any change.

use crate::assessment::{Answer, Assessment};

use super::{App, Mode, Screen};

/// How many changes can be undone.
pub const UNDO_STEPS: usize = 50;

/// One change that can be undone.
#[derive(Debug, Clone)]
struct Step {
    /// The assessment before the change.
    before: Assessment,
    /// The item that was current.
    current: usize,
    /// What changed, for "Undone: …".
    words: String,
    /// Still growing: the editor's saves while it stays open make one step.
    open: bool,
}

/// The changes that can be undone, oldest first.
#[derive(Debug, Clone, Default)]
pub struct History {
    steps: Vec<Step>,
}

impl History {
    /// How many changes can be undone now.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether there is nothing to undo.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// What the next undo takes back.
    pub fn next_words(&self) -> Option<&str> {
        self.steps.last().map(|s| s.words.as_str())
    }

    /// The editor closed or opened: its next save is a change of its own.
    pub fn close_step(&mut self) {
        if let Some(last) = self.steps.last_mut() {
            last.open = false;
        }
    }

    /// Forgets the last step recorded (its change did not happen after all).
    pub fn forget_last(&mut self) {
        self.steps.pop();
    }

    fn push(&mut self, step: Step) {
        self.steps.push(step);
        if self.steps.len() > UNDO_STEPS {
            self.steps.remove(0);
        }
    }
}

/// What changed between two states of an item's answer, in words: "answer to q/i".
pub fn edit_words(full: &str, before: Option<&Answer>, after: Option<&Answer>) -> String {
    let empty = Answer::default();
    let (b, a) = (before.unwrap_or(&empty), after.unwrap_or(&empty));
    let what = if b.value != a.value {
        "answer to"
    } else if b.note != a.note {
        "note on"
    } else if b.owner != a.owner {
        "owner of"
    } else if b.flag != a.flag {
        "flag on"
    } else if b.parked != a.parked {
        "parking of"
    } else if b.decision != a.decision {
        "decision on"
    } else if b.due != a.due {
        "due day of"
    } else if b.status != a.status {
        "status of"
    } else if b.evidence != a.evidence {
        "evidence for"
    } else {
        "change to"
    };
    format!("{what} {full}")
}

impl App {
    /// Keeps the open assessment as it is now, so that the change about to be made can be
    /// undone; `words` say what it is ("settlement of q/i"). Call it before changing
    /// `open.session.assessment`, then ask for a save as usual.
    pub fn record_edit(&mut self, words: impl Into<String>) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let step = Step {
            before: open.session.assessment.clone(),
            current: open.current,
            words: words.into(),
            open: false,
        };
        open.history.push(step);
    }

    /// Records a change already made to item `full`, given the assessment before it; the
    /// editor's saves while it stays open make one step, and a change that puts the item
    /// back as it was before that step takes the step away.
    pub(super) fn recorded(&mut self, before: Assessment, current: usize, full: &str) {
        let editing = matches!(self.mode, Mode::Editor(_));
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let after = open.session.assessment.answer(full);
        let words = edit_words(full, before.answer(full), after);
        if let Some(last) = open.history.steps.last()
            && last.open
            && last.words == words
        {
            if !editing
                && last.before.answer(full).cloned().unwrap_or_default()
                    == after.cloned().unwrap_or_default()
            {
                open.history.steps.pop();
            }
            return;
        }
        if before == open.session.assessment {
            return;
        }
        open.history.push(Step {
            before,
            current,
            words,
            open: editing,
        });
    }

    /// Takes back the last change, saves, and says what was undone.
    pub(super) fn undo(&mut self) {
        self.finish_editing();
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let Some(step) = open.history.steps.pop() else {
            self.info("There is nothing to undo.");
            return;
        };
        open.session.assessment = step.before;
        let on_item = matches!(self.screen, Screen::Questionnaire { .. });
        self.info(format!("Undone: {}", step.words));
        if on_item {
            self.go_to(step.current);
        }
        self.commit();
    }
}
