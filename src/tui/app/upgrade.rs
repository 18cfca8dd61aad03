//! Offering and making the move to a newer questionnaire version from the results screen.

use crate::store::backup_path;
use crate::tui::action::Action;
use crate::upgrade::{self, Request, Upgrade};

use super::Effect;
use super::{App, Mode, OpenAssessment, Screen, Status};

impl App {
    /// Asks whether to upgrade the open assessment, when a newer version exists.
    pub(super) fn ask_upgrade(&mut self) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        if open.newer.is_empty() {
            self.info("Every questionnaire of this assessment is on its newest version.");
        } else {
            self.mode = Mode::ConfirmUpgrade(open.newer.clone());
        }
    }

    pub(super) fn update_confirm_upgrade(&mut self, action: &Action) {
        match action {
            Action::Confirm => {
                self.mode = Mode::Normal;
                self.upgrade_open();
            }
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("Nothing was upgraded.");
            }
            _ => {}
        }
    }

    /// Upgrades the open assessment in memory, works out its items again and asks for a
    /// save (which keeps the file as it was as the backup).
    fn upgrade_open(&mut self) {
        let Some(open) = self.open.take() else {
            return;
        };
        let outcome = upgrade::upgrade(
            &self.ws.catalog,
            &open.session.assessment,
            Request::default(),
        );
        let mut session = open.session;
        match outcome {
            Ok(outcome) => {
                session.assessment = outcome.assessment;
                let backup = backup_path(&session.path);
                self.open = Some(OpenAssessment::new(session, &self.ws));
                self.screen = Screen::Results { selected: 0 };
                self.info(format!(
                    "{} The file as it was is kept as {}.",
                    summary(&outcome.report),
                    backup.display()
                ));
                self.effect(Effect::KeepQuestionnaires);
                self.commit();
            }
            Err(e) => {
                self.open = Some(OpenAssessment::new(session, &self.ws));
                self.status = Status::Error(super::message(&e));
            }
        }
    }
}

impl App {
    /// Keeping the new questionnaire version failed: the upgrade is saved all the same (its
    /// answers are safe), and the status line says what to do so it keeps being scored.
    pub fn kept_questionnaires_failed(&mut self, e: &dyn std::fmt::Display) {
        self.status = Status::Error(format!(
            "The questionnaire version moved to could not be kept in the data directory: {}. \
             Put its file in the questionnaires folder.",
            super::message(e)
        ));
    }
}

/// What an upgrade did, on one line.
fn summary(report: &Upgrade) -> String {
    report
        .questionnaires
        .iter()
        .map(|s| {
            format!(
                "Upgraded {} {} → {}: {} carried, {} retired (kept in the file), {} new \
                 unanswered.",
                s.id,
                s.from,
                s.to,
                s.carried.len(),
                s.retired.len(),
                s.unanswered.len()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}
