//! The results screen and the board view: the action plan's cursor, opening an item from
//! it, the board view's pages, targets, comparing and writing the board pack.

use crate::tui::action::Action;

use super::{App, Mode, Picker, PickerKind, Screen};

/// The most pages the board view counts up to (it wraps round its real pages).
const MOST_PAGES: usize = 1000;

impl App {
    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_results(&mut self, action: Action) {
        let selected = self.plan_selected();
        let on_results = matches!(self.screen, Screen::Results { .. });
        let Some(open) = self.open.as_ref() else {
            self.screen = Screen::HOME;
            return;
        };
        let parked = open.parked_items();
        let plan_len = open.pack.action_plan.len() + parked.len();
        let target = match selected.checked_sub(open.pack.action_plan.len()) {
            Some(n) => parked.get(n).copied(),
            None => open
                .pack
                .action_plan
                .get(selected)
                .and_then(|p| open.index_of(&p.item)),
        };
        let keep = |selected: usize| {
            if on_results {
                Screen::Results { selected }
            } else {
                Screen::Board { selected }
            }
        };
        if !on_results {
            match action {
                Action::Down | Action::PageDown => {
                    self.board_page = (self.board_page + 1).min(MOST_PAGES);
                    return;
                }
                Action::Up | Action::PageUp => {
                    self.board_page = self.board_page.saturating_sub(1);
                    return;
                }
                // Leaving the board view: it opens at its first page next time.
                Action::Results | Action::Back | Action::BackOrQuit => self.board_page = 0,
                _ => {}
            }
        }
        match action {
            Action::Up => self.screen = keep(selected.saturating_sub(1)),
            Action::Down => self.screen = keep((selected + 1).min(plan_len.saturating_sub(1))),
            Action::ClickRow(n) if n < plan_len => {
                if selected == n {
                    self.update_results(Action::Open);
                } else {
                    self.screen = keep(n);
                }
            }
            Action::Open if on_results => {
                if let Some(n) = target {
                    self.go_to(n);
                }
            }
            Action::Results => self.screen = Screen::Results { selected },
            Action::Board => self.screen = Screen::Board { selected },
            Action::Compare if on_results => self.toggle_compare(),
            Action::PerceptionGap if on_results => self.show_gap(),
            Action::TimePlan if on_results => self.ask_plan(),
            Action::WriteReport => self.ask_report_for_open(),
            Action::Upgrade if on_results => self.ask_upgrade(),
            Action::Target if on_results => {
                self.mode = Mode::Picker(Picker {
                    kind: PickerKind::TargetArea,
                    selected: 0,
                });
            }
            Action::Help => self.mode = Mode::Help(0),
            Action::Back if !on_results => self.screen = Screen::Results { selected },
            Action::Back | Action::BackOrQuit => self.back_to_questionnaire(),
            _ => {}
        }
    }

    /// Sets the target of area `area` (an index into the results' areas; `None`: the
    /// default of every area without its own) to `level` (`None`: no target), and saves.
    pub(super) fn set_target(&mut self, area: Option<usize>, level: Option<u8>) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let id = match area {
            Some(n) => match open.pack.areas.get(n) {
                Some(a) => Some(a.id.clone()),
                None => return,
            },
            None => None,
        };
        let title = area
            .and_then(|n| open.pack.areas.get(n))
            .map_or_else(|| "every area".to_string(), |a| a.title.clone());
        open.session.assessment.set_target(id.as_deref(), level);
        let words = match (level, area) {
            (Some(l), _) => format!(
                "Target for {title}: {}.",
                crate::figures::level_words(Some(l))
            ),
            (None, Some(_)) => format!("No target of its own for {title} now."),
            (None, None) => "No default target now.".to_string(),
        };
        self.info(words);
        self.commit();
    }
}
