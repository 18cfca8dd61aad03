//! The home screen: the list of assessments, opening, creating and deleting them.

use std::path::PathBuf;

use crate::store::{Listed, Session, StoreError};
use crate::text::sanitize_line;
use crate::tui::action::Action;

use super::{
    AfterList, AfterOpen, App, Effect, Leaving, Mode, OpenAssessment, Screen, Status, message,
};

/// An assessment on the home screen.
#[derive(Debug, Clone, PartialEq)]
pub struct HomeRow {
    /// Its file.
    pub path: PathBuf,
    /// Its id (empty when the file cannot be read).
    pub id: String,
    /// Its name (safe to show).
    pub name: String,
    /// The organisation (safe to show).
    pub organisation: String,
    /// When it last changed, `YYYY-MM-DD HH:MM` (UTC).
    pub updated: String,
    /// Applicable scored items answered.
    pub answered: usize,
    /// Scored items.
    pub total: usize,
    /// Overall maturity level.
    pub level: Option<u8>,
    /// The overall figures, when the file can be read.
    pub figures: Option<crate::scoring::Figures>,
    /// Why the file cannot be read, if it cannot.
    pub error: Option<String>,
}

impl App {
    /// The list of assessments was read again: the home rows follow it.
    pub fn home_listed(&mut self, listed: Result<Vec<Listed>, StoreError>, then: AfterList) {
        self.home = match listed {
            Ok(list) => list.into_iter().map(|l| self.home_row(l)).collect(),
            Err(e) => {
                self.status = Status::Error(message(&e));
                Vec::new()
            }
        };
        let last = self.home.len().saturating_sub(1);
        if let Screen::Home { selected } = &mut self.screen {
            *selected = (*selected).min(last);
        }
        match then {
            AfterList::Nothing => {}
            AfterList::PickComparison => self.pick_comparison_from_home_rows(),
        }
    }

    fn home_row(&self, listed: Listed) -> HomeRow {
        match listed.assessment {
            Ok(a) => {
                let report = self.ws.score(&a);
                HomeRow {
                    path: listed.path,
                    id: a.id.clone(),
                    name: sanitize_line(&a.name),
                    organisation: sanitize_line(&a.organisation),
                    updated: crate::stamp::minute(&a.updated),
                    answered: report.overall.answered,
                    total: report.overall.total,
                    level: report.overall.level,
                    figures: Some(report.overall.clone()),
                    error: None,
                }
            }
            Err(e) => HomeRow {
                name: listed
                    .path
                    .file_name()
                    .map(|n| sanitize_line(&n.to_string_lossy()))
                    .unwrap_or_default(),
                path: listed.path,
                id: String::new(),
                organisation: String::new(),
                updated: String::new(),
                answered: 0,
                total: 0,
                level: None,
                figures: None,
                error: Some(message(&e)),
            },
        }
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_home(&mut self, action: Action) {
        let selected = self.home_selected();
        let last = self.home.len().saturating_sub(1);
        match action {
            Action::Up => {
                self.screen = Screen::Home {
                    selected: selected.saturating_sub(1),
                }
            }
            Action::Down => {
                self.screen = Screen::Home {
                    selected: (selected + 1).min(last),
                }
            }
            Action::ClickRow(n) if n < self.home.len() => {
                if selected == n {
                    self.open_selected(AfterOpen::Questionnaire);
                } else {
                    self.screen = Screen::Home { selected: n };
                }
            }
            Action::Open => self.open_selected(AfterOpen::Questionnaire),
            Action::New => self.ask_new(),
            Action::Rename => self.ask_rename(),
            Action::Delete if !self.home.is_empty() => self.mode = Mode::ConfirmDelete(selected),
            Action::Compare => self.open_selected(AfterOpen::Compare),
            Action::WriteReport => self.ask_report_from_home(),
            Action::Portfolio => self.show_portfolio(),
            Action::Help => self.mode = Mode::Help(0),
            Action::BackOrQuit => self.leave(Leaving::Quit),
            _ => {}
        }
    }

    /// The highlighted home row, when it is an assessment that can be read; otherwise the
    /// status line says why not.
    pub(super) fn usable_home_row(&mut self) -> Option<&HomeRow> {
        let selected = self.home_selected();
        let Some(row) = self.home.get(selected) else {
            self.info("There is no assessment yet: press n to create one.");
            return None;
        };
        if let Some(e) = &row.error {
            self.status = Status::Error(e.clone());
            return None;
        }
        self.home.get(selected)
    }

    fn open_selected(&mut self, then: AfterOpen) {
        if let Some(path) = self.usable_home_row().map(|row| row.path.clone()) {
            self.effect(Effect::Open(path, then));
        }
    }

    /// Opening an assessment came to `opened`.
    pub fn opened(&mut self, opened: Result<Session, StoreError>, then: AfterOpen) {
        match opened {
            Ok(session) => {
                self.start_session(session);
                if then == AfterOpen::Compare {
                    self.screen = Screen::Results { selected: 0 };
                    self.pick_comparison();
                }
            }
            Err(e) => self.status = Status::Error(message(&e)),
        }
    }

    pub(super) fn start_session(&mut self, session: Session) {
        let open = OpenAssessment::new(session, &self.ws);
        let problems = self.ws.check(&open.session.assessment);
        self.status = match problems.first() {
            Some(p) => Status::Info(format!(
                "Note: {} (and {} more; run `supplycheck score` to see them)",
                message(p),
                problems.len() - 1
            )),
            None => Status::None,
        };
        if problems.len() == 1
            && let Some(p) = problems.first()
        {
            self.status = Status::Info(format!("Note: {}", message(p)));
        }
        if let Some(words) = crate::editing::missing_words(&self.ws, &open.session.assessment) {
            self.status = Status::Error(words);
        }
        let first_unanswered = (0..open.items.len()).find(|i| open.value_at(*i).needs_answer());
        let left_at = self
            .positions
            .get(&open.session.assessment.id)
            .and_then(|full| open.index_of(full));
        self.open = Some(open);
        self.back_to_questionnaire();
        if let Some(n) = left_at.or(first_unanswered) {
            self.go_to(n);
        }
        self.mode = Mode::Normal;
    }

    /// Closes the assessment whatever is unsaved (the person has been asked), and goes home
    /// with its row highlighted.
    pub(super) fn close_now(&mut self) {
        let closed = self.open.take();
        let selected = closed
            .as_ref()
            .and_then(|o| {
                self.home
                    .iter()
                    .position(|r| crate::store::same_file(&r.path, &o.session.path))
            })
            .unwrap_or(0);
        if let Some(open) = closed {
            self.effect(Effect::Close(Box::new(open)));
        }
        self.screen = Screen::Home { selected };
        self.mode = Mode::Normal;
        self.effect(Effect::ListHome(AfterList::Nothing));
    }

    pub(super) fn update_confirm_delete(&mut self, row: usize, action: &Action) {
        match action {
            Action::Confirm => {
                self.mode = Mode::Normal;
                if let Some(entry) = self.home.get(row) {
                    let (path, name) = (entry.path.clone(), entry.name.clone());
                    self.effect(Effect::Delete { path, name });
                }
            }
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("Nothing was deleted.");
            }
            _ => {}
        }
    }

    /// Deleting assessment `name` came to `deleted` (the name to restore it by).
    pub fn deleted(&mut self, name: &str, deleted: Result<String, StoreError>) {
        match deleted {
            Ok(restore) => {
                self.info(format!(
                    "Deleted \"{name}\". It is kept in the deleted folder: `supplycheck \
                     restore {}` brings it back.",
                    sanitize_line(&restore)
                ));
                self.effect(Effect::ListHome(AfterList::Nothing));
            }
            Err(e) => self.status = Status::Error(message(&e)),
        }
    }

    /// Creating a new assessment (and opening it) came to `created`.
    pub fn created(&mut self, created: Result<Session, String>) {
        match created {
            Ok(session) => {
                self.effect(Effect::ListHome(AfterList::Nothing));
                self.start_session(session);
                self.saved_at = Some((self.clock)());
            }
            Err(e) => self.status = Status::Error(format!("Could not create it: {e}")),
        }
    }
}
