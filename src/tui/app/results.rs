//! The results screen and the board view: the action plan's cursor, opening an item from
//! it, comparing and writing the board pack.

use crate::tui::action::Action;

use super::{App, Mode, Screen};

impl App {
    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_results(&mut self, action: Action) {
        let selected = self.plan_selected();
        let on_results = matches!(self.screen, Screen::Results { .. });
        let Some(open) = self.open.as_ref() else {
            self.screen = Screen::HOME;
            return;
        };
        let plan_len = open.pack.action_plan.len();
        let target = open
            .pack
            .action_plan
            .get(selected)
            .and_then(|p| open.index_of(&p.item));
        let keep = |selected: usize| {
            if on_results {
                Screen::Results { selected }
            } else {
                Screen::Board { selected }
            }
        };
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
            Action::WriteReport => self.ask_report_for_open(),
            Action::Upgrade if on_results => self.ask_upgrade(),
            Action::Help => self.mode = Mode::Help(0),
            Action::Back if !on_results => self.screen = Screen::Results { selected },
            Action::Back | Action::BackOrQuit => self.back_to_questionnaire(),
            _ => {}
        }
    }
}
