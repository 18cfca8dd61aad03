//! The questionnaire screen: moving between items and answering them. The answer rules
//! themselves are the core's ([`crate::assessment::Answer`]).

use crate::assessment::Answer;
use crate::figures::not_asked;
use crate::questionnaire::ItemKind;
use crate::roles::ROLES;
use crate::scoring::ItemValue;
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{
    App, EditState, EditTarget, FieldKind, Leaving, Mode, OpenAssessment, Picker, PickerKind,
    Screen, SearchState,
};

/// How many rows page up and page down scroll the item's details.
pub const PAGE: usize = 8;

/// What the status line adds when an answer key is pressed on an item that is not asked.
pub const NOT_ASKED_HINT: &str = "It is answered when it applies; press u for the next open item.";

impl App {
    #[allow(clippy::too_many_lines, clippy::needless_pass_by_value)] // one match, small actions
    pub(super) fn update_item(&mut self, action: Action) {
        let highlight = self.highlight();
        let Some(open) = self.open.as_ref() else {
            self.screen = Screen::HOME;
            return;
        };
        let kind = open.item().map(|(_, _, i)| i.kind);
        let answers = matches!(
            action,
            Action::Choose(_)
                | Action::ClickOption(_)
                | Action::Toggle
                | Action::ToggleNaCheck
                | Action::NotApplicable
        ) || (action == Action::Edit && kind == Some(ItemKind::Text));
        if answers && open.value_at(open.current) == ItemValue::ByRule {
            let words = open
                .item()
                .map(|(q, _, item)| not_asked(q, item))
                .unwrap_or_default();
            self.info(format!("{words}. {NOT_ASKED_HINT}"));
            return;
        }
        match action {
            Action::Up => {
                self.screen = Screen::Questionnaire {
                    highlight: highlight.saturating_sub(1),
                };
            }
            Action::Down => {
                self.screen = Screen::Questionnaire {
                    highlight: (highlight + 1).min(open.rows().saturating_sub(1)),
                };
            }
            Action::NextItem => {
                if open.current + 1 < open.items.len() {
                    let n = open.current + 1;
                    self.go_to(n);
                } else {
                    self.info("This is the last item. Press r for the results.");
                }
            }
            Action::PrevItem => {
                if open.current > 0 {
                    let n = open.current - 1;
                    self.go_to(n);
                } else {
                    self.info("This is the first item.");
                }
            }
            Action::Choose(n) if n >= 1 => self.choose(n - 1),
            Action::ClickOption(n) => self.choose(n),
            Action::Toggle => self.choose(highlight),
            Action::ToggleNaCheck => {
                if kind == Some(ItemKind::Checklist) {
                    self.change(|a, _, item| a.toggle_na_check(item, highlight));
                } else {
                    self.info("x marks a check of a checklist N/A; for the whole item press a.");
                }
            }
            Action::NotApplicable => match open.item() {
                Some((_, _, item)) if item.kind == ItemKind::Text => {
                    self.info("A text item is answered in words: press e to write.");
                }
                Some((_, _, item)) if !item.allows_na() => {
                    self.info("This item cannot be answered N/A.");
                }
                Some(_) => self.change(|a, _, _| a.toggle_na()),
                None => {}
            },
            Action::NextUnanswered if self.planned_items().is_some() => self.next_planned(),
            Action::NextUnanswered => {
                let len = open.items.len();
                let next = (1..=len)
                    .map(|k| (open.current + k) % len.max(1))
                    .find(|i| open.value_at(*i).needs_answer());
                match next {
                    Some(n) if n != open.current || open.value_at(n).needs_answer() => {
                        if n == open.current {
                            self.info("This is the only item without an answer.");
                        }
                        self.go_to(n);
                    }
                    _ => self.info("Every item has an answer. Press r for the results."),
                }
            }
            Action::ConfirmItem => match kind {
                Some(ItemKind::Text) => self.update_item(Action::Edit),
                Some(ItemKind::Choice) => {
                    self.choose(highlight);
                    self.update_item(Action::NextItem);
                }
                Some(ItemKind::Checklist) => self.update_item(Action::NextItem),
                None => {}
            },
            Action::Edit => {
                let (target, text) = match (kind, open.answer()) {
                    (Some(ItemKind::Text), a) => (
                        EditTarget::Answer,
                        a.and_then(Answer::text).unwrap_or_default().to_string(),
                    ),
                    (_, a) => (
                        EditTarget::Note,
                        a.and_then(|a| a.note.clone()).unwrap_or_default(),
                    ),
                };
                if let Some(open) = self.open.as_mut() {
                    open.history.close_step();
                }
                self.mode = Mode::Editor(EditState {
                    target,
                    editor: Editor::new(&crate::text::sanitize(&text)),
                    original: text,
                });
            }
            Action::TimePlan => self.ask_plan(),
            Action::Owner => {
                let selected = open
                    .answer()
                    .and_then(|a| a.owner.as_deref())
                    .map_or(0, |o| {
                        ROLES.iter().position(|r| r.id == o).unwrap_or(ROLES.len())
                    });
                self.mode = Mode::Picker(Picker {
                    kind: PickerKind::Owner,
                    selected,
                });
            }
            Action::Flag => {
                let mut flagged = false;
                self.change(|a, _, _| flagged = a.toggle_flag());
                self.info(if flagged {
                    "Flagged for follow-up."
                } else {
                    "The flag is off."
                });
            }
            Action::Park => self.toggle_park(),
            Action::Decision => self.open_field(FieldKind::Decision),
            Action::Due => self.open_field(FieldKind::Due),
            Action::AddEvidence => self.open_field(FieldKind::Evidence),
            Action::CycleStatus => self.cycle_status(),
            Action::PageUp | Action::PageDown => {
                if let Some(open) = self.open.as_mut() {
                    open.detail = if action == Action::PageUp {
                        open.detail.saturating_sub(PAGE)
                    } else {
                        open.detail.saturating_add(PAGE)
                    };
                }
            }
            Action::Search => self.mode = Mode::Search(SearchState::default()),
            Action::GoToSection => {
                let selected = open.current_section();
                self.mode = Mode::Picker(Picker {
                    kind: PickerKind::Section,
                    selected,
                });
            }
            Action::ClickSection(n) => {
                if let Some(first) = open.sections.get(n).map(|s| s.first) {
                    self.go_to(first);
                }
            }
            Action::Results => self.screen = Screen::Results { selected: 0 },
            Action::Board => self.screen = Screen::Board { selected: 0 },
            Action::Disagreements => self.show_disputes(),
            Action::EditSupplier => self.ask_supplier(),
            Action::Help => self.mode = Mode::Help(0),
            Action::Back => match self.came_from.take() {
                Some(screen) => self.screen = screen,
                None => self.leave(Leaving::Close),
            },
            Action::BackOrQuit => {
                if self.quit_from_questionnaire {
                    self.leave(Leaving::Quit);
                } else {
                    self.leave(Leaving::Close);
                }
            }
            _ => {}
        }
    }

    /// Chooses option `index` (0-based) of a choice item, or toggles check `index`.
    fn choose(&mut self, index: usize) {
        let Some((q, _, item)) = self.open.as_ref().and_then(OpenAssessment::item) else {
            return;
        };
        match item.kind {
            ItemKind::Choice => {
                let options = q.options(item);
                let Some(key) = options.get(index).map(|o| o.key.clone()) else {
                    let n = options.len();
                    self.info(format!(
                        "There is no option {}: this item has {n}.",
                        index + 1
                    ));
                    return;
                };
                self.screen = Screen::Questionnaire { highlight: index };
                self.change(|a, _, _| a.choose_option(&key));
            }
            ItemKind::Checklist => {
                if index >= item.checks.len() {
                    let n = item.checks.len();
                    self.info(format!(
                        "There is no check {}: this list has {n}.",
                        index + 1
                    ));
                    return;
                }
                self.screen = Screen::Questionnaire { highlight: index };
                self.change(|a, _, item| a.toggle_check(item, index));
            }
            ItemKind::Text => self.info("A text item is answered in words: press e to write."),
        }
    }

    /// Items whose prompt (or id) holds every word of `query`, case aside.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
        let Some(open) = self.open.as_ref() else {
            return Vec::new();
        };
        if words.is_empty() {
            return Vec::new();
        }
        (0..open.items.len())
            .filter(|n| {
                open.at(*n).is_some_and(|(_, _, item)| {
                    let hay = format!("{} {}", item.prompt, item.id).to_lowercase();
                    words.iter().all(|w| hay.contains(w.as_str()))
                })
            })
            .collect()
    }
}
