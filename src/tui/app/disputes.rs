//! The disagreements view of a merged assessment: choosing a respondent's answer settles
//! an item.

use crate::text::sanitize_line;
use crate::tui::action::Action;

use super::{App, Mode, Screen};

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
        let selected = open
            .items
            .get(open.current)
            .and_then(|p| open.disputes.iter().position(|d| d.item == p.full))
            .unwrap_or(0);
        self.screen = Screen::Disagreements {
            selected,
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
        let len = open.disputes.len();
        let answers = open.disputes.get(selected).map_or(0, |d| d.answers.len());
        let at = |selected: usize, respondent: usize| Screen::Disagreements {
            selected,
            respondent,
        };
        match action {
            Action::Up => self.screen = at(selected.saturating_sub(1), 0),
            Action::Down => self.screen = at((selected + 1).min(len.saturating_sub(1)), 0),
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
            Action::Help => self.mode = Mode::Help(0),
            Action::Back | Action::BackOrQuit => self.back_to_questionnaire(),
            _ => {}
        }
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
        if !crate::merge::settle(
            &mut open.session.assessment,
            &key,
            index,
            crate::assessment::FACILITATOR,
        ) {
            return;
        }
        let left = open.disputes.iter().filter(|d| d.item != key).count();
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
