//! The disagreements view of a merged assessment: the widest first, all or the top few;
//! choosing a respondent's answer settles an item.

use crate::text::sanitize_line;
use crate::tui::action::Action;

use super::{App, EditState, EditTarget, Mode, Screen};
use crate::questionnaire::ItemKind;
use crate::tui::editor::Editor;

/// Which disagreements the view lists (they are always widest spread first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DisputeFilter {
    /// Every one.
    All,
    /// The first N.
    Top(usize),
}

impl DisputeFilter {
    /// The filter the filter key moves to: all, top 10, top 20, all again.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            DisputeFilter::All => DisputeFilter::Top(10),
            DisputeFilter::Top(n) if n < 20 => DisputeFilter::Top(20),
            DisputeFilter::Top(_) => DisputeFilter::All,
        }
    }

    /// How many of `total` disagreements are listed.
    pub fn shown(self, total: usize) -> usize {
        match self {
            DisputeFilter::All => total,
            DisputeFilter::Top(n) => n.min(total),
        }
    }
}

impl App {
    /// Shows the disagreements view, at the current item's dispute when it has one.
    pub(super) fn show_disputes(&mut self) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        if open.disputes.is_empty() {
            self.info(
                "There are no disagreements to settle: they come from merging respondents' \
                 assessments (supplycheck merge).",
            );
            return;
        }
        self.dispute_scroll = 0;
        self.dispute_editing = None;
        self.screen = Screen::Disagreements {
            selected: 0,
            respondent: 0,
        };
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_disputes(&mut self, action: Action) {
        let (selected, respondent) = self.dispute_cursor();
        let Some(open) = self.open.as_ref() else {
            self.screen = Screen::HOME;
            return;
        };
        let total = open.disputes.len();
        let len = self.dispute_filter.shown(total);
        let answers = open.disputes.get(selected).map_or(0, |d| d.answers.len());
        let at = |selected: usize, respondent: usize| Screen::Disagreements {
            selected,
            respondent,
        };
        if matches!(action, Action::Up | Action::Down | Action::ClickRow(_)) {
            self.dispute_scroll = 0;
        }
        match action {
            Action::Up => self.screen = at(selected.saturating_sub(1), 0),
            Action::Down => self.screen = at((selected + 1).min(len.saturating_sub(1)), 0),
            Action::PageDown => {
                // About as far as the detail reaches: prompt and place, each respondent's
                // answer with a note, and a checklist's checks with their heading and key.
                let checks = open
                    .disputes
                    .get(selected)
                    .and_then(|d| open.index_of(&d.item))
                    .and_then(|n| open.at(n))
                    .map_or(0, |(_, _, item)| item.checks.len());
                let most = 5 + 3 * answers + checks + 3;
                self.dispute_scroll = (self.dispute_scroll + 5).min(most);
            }
            Action::PageUp => self.dispute_scroll = self.dispute_scroll.saturating_sub(5),
            Action::Filter => {
                self.dispute_filter = self.dispute_filter.next();
                let shown = self.dispute_filter.shown(total);
                self.screen = at(selected.min(shown.saturating_sub(1)), 0);
                self.dispute_scroll = 0;
                self.info(match self.dispute_filter {
                    DisputeFilter::All => format!("Showing all {total} disagreements."),
                    DisputeFilter::Top(n) => {
                        format!("Showing the {shown} widest of {total} disagreements (top {n}).")
                    }
                });
            }
            Action::Left => self.screen = at(selected, respondent.saturating_sub(1)),
            Action::Right => {
                self.screen = at(selected, (respondent + 1).min(answers.saturating_sub(1)));
            }
            Action::Choose(n) if n >= 1 => self.settle(n - 1),
            Action::Toggle => self.settle(respondent),
            Action::ClickRow(n) if n < len => {
                if selected == n {
                    self.update_disputes(Action::Open);
                } else {
                    self.screen = at(n, 0);
                }
            }
            Action::Open => {
                let target = open
                    .disputes
                    .get(selected)
                    .map(|d| (open.index_of(&d.item), d.item.clone()));
                match target {
                    Some((Some(n), _)) => self.go_to(n),
                    Some((None, item)) => self.info(format!(
                        "{} is not in the questionnaires loaded now; settle it here with \
                         a number key.",
                        sanitize_line(&item)
                    )),
                    None => {}
                }
            }
            Action::Edit => self.write_over_dispute(selected, respondent),
            Action::Help => self.mode = Mode::Help(0),
            Action::Back | Action::BackOrQuit => self.back_to_questionnaire(),
            _ => {}
        }
    }

    /// For a disputed text item, opens the editor on the answer, pre-filled with the
    /// highlighted respondent's proposal; the proposals stay on screen beside it.
    fn write_over_dispute(&mut self, selected: usize, respondent: usize) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let Some(d) = open.disputes.get(selected).cloned() else {
            return;
        };
        let Some(n) = open.index_of(&d.item) else {
            return;
        };
        let is_text = open
            .at(n)
            .is_some_and(|(_, _, item)| item.kind == ItemKind::Text);
        if !is_text {
            self.info("Only a text answer is written here: settle this one with a number key.");
            return;
        }
        open.current = n;
        let proposal = open
            .session
            .assessment
            .responses
            .get(&d.item)
            .and_then(|r| r.get(respondent))
            .and_then(|r| r.answer.text())
            .unwrap_or_default()
            .to_string();
        let original = open
            .answer()
            .and_then(crate::assessment::Answer::text)
            .unwrap_or_default()
            .to_string();
        self.dispute_editing = Some(d);
        self.mode = Mode::Editor(EditState {
            target: EditTarget::Answer,
            editor: Editor::new(&crate::text::sanitize(&proposal)),
            original,
        });
    }

    /// Settles the highlighted dispute with respondent `index`'s (0-based) answer, and asks
    /// for a save.
    fn settle(&mut self, index: usize) {
        let (selected, _) = self.dispute_cursor();
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let Some(d) = open.disputes.get(selected) else {
            self.info("Every disagreement is settled. Esc goes back to the questionnaire.");
            return;
        };
        let Some(given) = d.answers.get(index) else {
            let n = d.answers.len();
            self.info(format!(
                "There is no respondent {}: this item has {n} answers.",
                index + 1
            ));
            return;
        };
        let words = if given.answer.is_empty() {
            format!("Settled with {}'s answer", given.respondent)
        } else {
            let answer: String = if given.answer.chars().count() > 32 {
                given.answer.chars().take(31).chain(['…']).collect()
            } else {
                given.answer.clone()
            };
            format!("Settled with {}'s answer ({answer})", given.respondent)
        };
        let key = d.item.clone();
        let left = open.disputes.iter().filter(|d| d.item != key).count();
        self.record_edit(format!("settlement of {key}"));
        let Some(open) = self.open.as_mut() else {
            return;
        };
        if !crate::merge::settle(
            &mut open.session.assessment,
            &key,
            index,
            crate::assessment::FACILITATOR,
        ) {
            open.history.forget_last();
            return;
        }
        self.screen = Screen::Disagreements {
            selected,
            respondent: 0,
        };
        self.info(match left {
            0 => format!("{words}. Every disagreement is settled."),
            n => format!("{words}; {n} left."),
        });
        self.commit();
    }
}
