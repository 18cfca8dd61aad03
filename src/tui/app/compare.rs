//! Comparing the open assessment with another on the results screen: picking the other,
//! reading it, and what changed between the two.

use std::path::PathBuf;

use crate::assessment::Assessment;
use crate::compare::{self, Change, Comparison};
use crate::questionnaire::Questionnaire;
use crate::store;
use crate::workspace::WorkspaceError;

use super::{AfterList, App, Effect, HomeRow, Mode, Picker, PickerKind, Status, message};

/// Another assessment the open one is compared with on the results screen.
#[derive(Debug, Clone)]
pub struct Compared {
    /// Whether it is the earlier of the two ("before"); otherwise it is "after".
    pub is_before: bool,
    /// The assessment as read (not locked, never written).
    pub other: Assessment,
    /// Its questionnaires.
    pub questionnaires: Vec<Questionnaire>,
    /// Before against after, worked out when chosen and after every change.
    pub comparison: Comparison,
}

impl Compared {
    /// Compares `other` with the open assessment `current` (answered against `current_qs`);
    /// `other` is "before" when it last changed earlier than `current`.
    pub fn new(
        other: Assessment,
        questionnaires: Vec<Questionnaire>,
        current_qs: &[Questionnaire],
        current: &Assessment,
    ) -> Self {
        let is_before = other.updated < current.updated;
        let comparison = work_out(is_before, &questionnaires, &other, current_qs, current);
        Self {
            is_before,
            other,
            questionnaires,
            comparison,
        }
    }

    /// Works the comparison out again after the open assessment changed.
    pub fn recompute(&mut self, current_qs: &[Questionnaire], current: &Assessment) {
        self.comparison = work_out(
            self.is_before,
            &self.questionnaires,
            &self.other,
            current_qs,
            current,
        );
    }

    /// Its name (safe to show).
    pub fn name(&self) -> &str {
        let side = if self.is_before {
            &self.comparison.before
        } else {
            &self.comparison.after
        };
        &side.name
    }

    /// "before" or "after": which the other assessment is.
    pub fn side(&self) -> &'static str {
        if self.is_before { "before" } else { "after" }
    }

    /// The change of the section with full id `id`, if either assessment has it.
    pub fn section(&self, id: &str) -> Option<&Change> {
        self.comparison
            .sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| &s.change)
    }
}

/// Compares the other assessment with the current one, the earlier one as "before".
fn work_out(
    other_is_before: bool,
    other_qs: &[Questionnaire],
    other: &Assessment,
    current_qs: &[Questionnaire],
    current: &Assessment,
) -> Comparison {
    let mine: Vec<&Questionnaire> = current_qs.iter().collect();
    let theirs: Vec<&Questionnaire> = other_qs.iter().collect();
    if other_is_before {
        compare::compare(&theirs, other, &mine, current)
    } else {
        compare::compare(&mine, current, &theirs, other)
    }
}

impl App {
    /// The other assessments the open one can be compared with, as worked out when the
    /// comparison picker opened ([`App::compare_rows`]).
    pub fn compare_candidates(&self) -> Vec<&HomeRow> {
        self.compare_rows
            .iter()
            .filter_map(|&n| self.home.get(n))
            .collect()
    }

    /// `c` on the results screen: stop comparing, or pick an assessment to compare with.
    pub(super) fn toggle_compare(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        if open.compare.take().is_some() {
            self.info("No comparison now.");
            return;
        }
        self.pick_comparison();
    }

    /// Reads the list of assessments again, then offers them to compare with.
    pub(super) fn pick_comparison(&mut self) {
        self.effect(Effect::ListHome(AfterList::PickComparison));
    }

    pub(super) fn pick_comparison_from_home_rows(&mut self) {
        // The home rows cannot change while the picker is open: the candidates are worked
        // out once, here, and not on every frame.
        let current = self.open.as_ref().map(|o| o.session.path.as_path());
        self.compare_rows = self
            .home
            .iter()
            .enumerate()
            .filter(|(_, r)| r.error.is_none())
            .filter(|(_, r)| current.is_none_or(|p| !store::same_file(p, &r.path)))
            .map(|(n, _)| n)
            .collect();
        if self.compare_rows.is_empty() {
            self.info(
                "There is no other assessment to compare with: create one at home with n, \
                 or with `supplycheck new`.",
            );
            return;
        }
        self.mode = Mode::Picker(Picker {
            kind: PickerKind::Compare,
            selected: 0,
        });
    }

    /// Compares with candidate `n` (the row after the last: no comparison).
    pub(super) fn compare_with(&mut self, n: usize) {
        let Some(path) = self.compare_candidates().get(n).map(|r| r.path.clone()) else {
            if let Some(open) = self.open.as_mut() {
                open.compare = None;
            }
            self.info("No comparison now.");
            return;
        };
        self.effect(Effect::LoadComparison(path));
    }

    /// Reading the assessment to compare with came to `loaded`.
    pub fn comparison_loaded(&mut self, loaded: Result<(PathBuf, Assessment), WorkspaceError>) {
        let other = match loaded {
            Ok((_, other)) => other,
            Err(e) => {
                self.status = Status::Error(format!("Cannot compare: {}", message(&e)));
                return;
            }
        };
        let questionnaires: Vec<Questionnaire> = self
            .ws
            .questionnaires_of(&other)
            .into_iter()
            .cloned()
            .collect();
        if let Some(open) = self.open.as_mut() {
            open.compare = Some(Compared::new(
                other,
                questionnaires,
                &open.questionnaires,
                &open.session.assessment,
            ));
        }
    }
}
