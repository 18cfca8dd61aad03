//! The perception gap screen: each respondent group's figures per area, and the items where
//! the board's answer is highest above the others'. Everything shown comes from the core's
//! [`crate::gap::gap`].

use crate::gap::{GapError, GapReport};
use crate::questionnaire::Questionnaire;
use crate::tui::action::Action;

use super::{App, Screen};

impl App {
    /// The perception gap of the open assessment, worked out again (or why there is none).
    fn work_out_gap(&mut self) {
        self.gap = self.open.as_ref().map(|open| {
            let refs: Vec<&Questionnaire> = open.questionnaires.iter().collect();
            crate::gap::gap(&refs, &open.session.assessment)
        });
    }

    /// Shows the perception gap screen, from the results.
    pub(super) fn show_gap(&mut self) {
        self.work_out_gap();
        self.screen = Screen::Gap {
            selected: 0,
            results: self.plan_selected(),
        };
    }

    /// Works the gap out again after a change, when it is on show.
    pub(super) fn refresh_gap(&mut self) {
        if matches!(self.screen, Screen::Gap { .. }) {
            self.work_out_gap();
            let rows = self.gap_rows();
            if let Screen::Gap { selected, .. } = &mut self.screen {
                *selected = (*selected).min(rows.saturating_sub(1));
            }
        }
    }

    /// The gap on show: the report, or why there is none.
    pub fn gap_report(&self) -> Option<&Result<GapReport, GapError>> {
        self.gap.as_ref()
    }

    /// The rows the gap screen's highlight moves over: the areas, then the items.
    pub fn gap_rows(&self) -> usize {
        match &self.gap {
            Some(Ok(r)) => r.areas.len() + r.items.len(),
            _ => 0,
        }
    }

    /// The highlighted row of the gap screen.
    pub fn gap_selected(&self) -> usize {
        match self.screen {
            Screen::Gap { selected, .. } => selected,
            _ => 0,
        }
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_gap(&mut self, action: Action) {
        let selected = self.gap_selected();
        let results = match self.screen {
            Screen::Gap { results, .. } => results,
            _ => 0,
        };
        let last = self.gap_rows().saturating_sub(1);
        let page = |selected: usize| Screen::Gap { selected, results };
        match action {
            Action::Up => self.screen = page(selected.saturating_sub(1)),
            Action::Down => self.screen = page((selected + 1).min(last)),
            Action::PageUp => self.screen = page(selected.saturating_sub(GAP_PAGE)),
            Action::PageDown => self.screen = page((selected + GAP_PAGE).min(last)),
            Action::Open => self.open_gap_item(selected),
            Action::Help => self.mode = super::Mode::Help(0),
            Action::Back | Action::BackOrQuit | Action::Results => {
                self.screen = Screen::Results { selected: results };
            }
            _ => {}
        }
    }

    /// Enter on an item row goes to the item in the questionnaire.
    fn open_gap_item(&mut self, selected: usize) {
        let Some(Ok(r)) = &self.gap else {
            return;
        };
        let Some(item) = selected
            .checked_sub(r.areas.len())
            .and_then(|n| r.items.get(n))
        else {
            self.info("Enter on an item below the areas goes to it.");
            return;
        };
        let found = self.open.as_ref().and_then(|o| o.index_of(&item.item));
        if let Some(n) = found {
            self.go_to(n);
        }
    }
}

/// How many rows page up and page down move on the gap screen.
pub const GAP_PAGE: usize = 8;
