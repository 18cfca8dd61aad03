//! The app's state and its `update`: actions in, state (and saved files) out. No terminal
//! I/O here; saving goes through the core's [`Session`].

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::assessment::{Answer, Assessment};
use crate::editing::{SaveTracker, Saved};
use crate::merge::Disagreement;
use crate::questionnaire::{Item, ItemKind, Questionnaire, Section};
use crate::report::BoardPack;
use crate::roles::ROLES;
use crate::scoring::{self, ItemValue};
use crate::store::{self, Session};
use crate::text::{one_line, sanitize_line};
use crate::workspace::Workspace;

use super::action::Action;
use super::editor::Editor;
use super::keys::Context;
use super::theme::Theme;

mod unsaved;
mod workshop;

pub use unsaved::{Leaving, UnsavedDialog};
pub use workshop::{Compared, WriteForm};

/// The screen on show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of assessments.
    Home,
    /// Answering the items of an assessment.
    Questionnaire,
    /// Levels, scores, weakest links and the action plan.
    Results,
    /// The one-screen summary made to be projected.
    Board,
    /// The disagreements of a merged assessment, to settle.
    Disagreements,
}

impl Screen {
    /// Where the keys go on this screen when nothing is on top of it.
    pub fn context(self) -> Context {
        match self {
            Screen::Home => Context::Home,
            Screen::Questionnaire => Context::Item,
            Screen::Results => Context::Results,
            Screen::Board => Context::Board,
            Screen::Disagreements => Context::Disputes,
        }
    }
}

/// What has focus on top of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The screen itself.
    Normal,
    /// The help overlay, scrolled down by this many rows.
    Help(u16),
    /// Writing a note or a text answer.
    Editor(EditState),
    /// The new-assessment form.
    NewForm(NewForm),
    /// Asking whether to delete home row N.
    ConfirmDelete(usize),
    /// Picking from a list.
    Picker(Picker),
    /// Searching the prompts.
    Search(SearchState),
    /// Asking for the file name a board pack is written to.
    WriteReport(WriteForm),
    /// Asking what to do with changes that could not be saved, before leaving.
    Unsaved(UnsavedDialog),
}

/// Which text the editor writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditTarget {
    /// The item's note.
    Note,
    /// A text item's answer.
    Answer,
}

/// The editor and what it edits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditState {
    /// Note or answer.
    pub target: EditTarget,
    /// The text being written.
    pub editor: Editor,
    /// The text as it was when the editor opened (for discarding).
    pub original: String,
}

/// The new-assessment form.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NewForm {
    /// The assessment's name.
    pub name: Editor,
    /// The organisation assessed.
    pub organisation: Editor,
    /// The field with focus: 0 name, 1 organisation.
    pub field: usize,
}

/// What a picker picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// The owner role of the current item (the last row is "no owner").
    Owner,
    /// A section to go to.
    Section,
    /// Another assessment to compare with (the last row is "no comparison").
    Compare,
}

/// A list to pick from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picker {
    /// What is picked.
    pub kind: PickerKind,
    /// The highlighted row.
    pub selected: usize,
}

/// The search box and its matches.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchState {
    /// The words searched for.
    pub query: Editor,
    /// The matching items (indexes into the open assessment's items).
    pub matches: Vec<usize>,
    /// The highlighted match.
    pub selected: usize,
}

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
    /// Scored items answered.
    pub answered: usize,
    /// Scored items.
    pub total: usize,
    /// Overall maturity level.
    pub level: Option<u8>,
    /// Why the file cannot be read, if it cannot.
    pub error: Option<String>,
}

/// Where an item sits: questionnaire, section and item indexes, and its full name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemPos {
    /// Index into [`OpenAssessment::questionnaires`].
    pub q: usize,
    /// Section index in the questionnaire.
    pub s: usize,
    /// Item index in the section.
    pub i: usize,
    /// `<questionnaire>/<item>`.
    pub full: String,
    /// Index into [`OpenAssessment::sections`].
    pub section: usize,
}

/// A section of the open assessment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionPos {
    /// Index into [`OpenAssessment::questionnaires`].
    pub q: usize,
    /// Section index in the questionnaire.
    pub s: usize,
    /// Index of its first item in [`OpenAssessment::items`].
    pub first: usize,
    /// Number of items.
    pub len: usize,
}

/// An assessment open for editing (locked until closed).
#[derive(Debug)]
pub struct OpenAssessment {
    /// The locked file and the assessment.
    pub session: Session,
    /// Its questionnaires, in its order.
    pub questionnaires: Vec<Questionnaire>,
    /// Every item, in order.
    pub items: Vec<ItemPos>,
    /// Every section, in order.
    pub sections: Vec<SectionPos>,
    /// The current item.
    pub current: usize,
    /// The highlighted option or check of the current item.
    pub highlight: usize,
    /// What the results screen and the board view show, as of the last change.
    pub pack: BoardPack,
    /// The highlighted row of the action plan.
    pub plan_selected: usize,
    /// The disputed items (a merged assessment's), largest spread first, as of the last
    /// change.
    pub disputes: Vec<Disagreement>,
    /// The highlighted row of the disagreements view.
    pub dispute_selected: usize,
    /// The highlighted respondent of the disagreements view.
    pub respondent: usize,
    /// The assessment compared with on the results screen, if any.
    pub compare: Option<Compared>,
}

impl OpenAssessment {
    /// Builds the item index of a session.
    pub fn new(session: Session, ws: &Workspace) -> Self {
        let questionnaires: Vec<Questionnaire> = ws
            .questionnaires_of(&session.assessment)
            .into_iter()
            .cloned()
            .collect();
        let mut items = Vec::new();
        let mut sections = Vec::new();
        for (qi, q) in questionnaires.iter().enumerate() {
            for (si, s) in q.sections.iter().enumerate() {
                sections.push(SectionPos {
                    q: qi,
                    s: si,
                    first: items.len(),
                    len: s.items.len(),
                });
                for (ii, item) in s.items.iter().enumerate() {
                    items.push(ItemPos {
                        q: qi,
                        s: si,
                        i: ii,
                        full: crate::key::ItemKey::new(&q.id, &item.id).into(),
                        section: sections.len() - 1,
                    });
                }
            }
        }
        let (pack, disputes) = worked_out(&questionnaires, &session.assessment);
        let mut open = Self {
            session,
            questionnaires,
            items,
            sections,
            current: 0,
            highlight: 0,
            pack,
            plan_selected: 0,
            disputes,
            dispute_selected: 0,
            respondent: 0,
            compare: None,
        };
        open.reset_highlight();
        open
    }

    /// The questionnaire, section and item at index `n`.
    pub fn at(&self, n: usize) -> Option<(&Questionnaire, &Section, &Item)> {
        let pos = self.items.get(n)?;
        let q = self.questionnaires.get(pos.q)?;
        let s = q.sections.get(pos.s)?;
        Some((q, s, s.items.get(pos.i)?))
    }

    /// The current questionnaire, section and item.
    pub fn item(&self) -> Option<(&Questionnaire, &Section, &Item)> {
        self.at(self.current)
    }

    /// The answer to item `n`.
    pub fn answer_at(&self, n: usize) -> Option<&Answer> {
        self.session.assessment.answer(&self.items.get(n)?.full)
    }

    /// The answer to the current item.
    pub fn answer(&self) -> Option<&Answer> {
        self.answer_at(self.current)
    }

    /// The value of item `n` under the current answers.
    pub fn value_at(&self, n: usize) -> ItemValue {
        match self.at(n) {
            Some((q, _, item)) => scoring::item_value(q, item, self.answer_at(n)),
            None => ItemValue::Unanswered,
        }
    }

    /// The section `n` with its questionnaire.
    pub fn section(&self, n: usize) -> Option<(&Questionnaire, &Section)> {
        let pos = self.sections.get(n)?;
        let q = self.questionnaires.get(pos.q)?;
        Some((q, q.sections.get(pos.s)?))
    }

    /// Index of the current section.
    pub fn current_section(&self) -> usize {
        self.items.get(self.current).map_or(0, |p| p.section)
    }

    /// Answered items (of every kind) in section `n`, and its items.
    pub fn section_progress(&self, n: usize) -> (usize, usize) {
        let Some(pos) = self.sections.get(n) else {
            return (0, 0);
        };
        let answered = (pos.first..pos.first + pos.len)
            .filter(|i| self.value_at(*i).is_answered())
            .count();
        (answered, pos.len)
    }

    /// Answered items of every kind, and all items.
    pub fn progress(&self) -> (usize, usize) {
        let answered = (0..self.items.len())
            .filter(|i| self.value_at(*i).is_answered())
            .count();
        (answered, self.items.len())
    }

    fn reset_highlight(&mut self) {
        self.highlight = match (self.item(), self.answer()) {
            (Some((q, _, item)), Some(a)) if item.kind == ItemKind::Choice => a
                .choice
                .as_ref()
                .and_then(|k| q.options(item).iter().position(|o| &o.key == k))
                .unwrap_or(0),
            _ => 0,
        };
    }

    /// Rows of the current item that can be highlighted (options or checks).
    pub fn rows(&self) -> usize {
        match self.item() {
            Some((q, _, item)) => match item.kind {
                ItemKind::Choice => q.options(item).len(),
                ItemKind::Checklist => item.checks.len(),
                ItemKind::Text => 0,
            },
            None => 0,
        }
    }

    /// Works out what follows from the answers again: scores, disputes, the comparison.
    fn rescore(&mut self) {
        (self.pack, self.disputes) = worked_out(&self.questionnaires, &self.session.assessment);
        self.dispute_selected = self
            .dispute_selected
            .min(self.disputes.len().saturating_sub(1));
        if let Some(c) = self.compare.as_mut() {
            c.recompute(&self.questionnaires, &self.session.assessment);
        }
    }

    /// The index of the item with full name `full`.
    pub fn index_of(&self, full: &str) -> Option<usize> {
        self.items.iter().position(|p| p.full == full)
    }

    /// The dispute over item `n`, if respondents disagree on it.
    pub fn dispute_at(&self, n: usize) -> Option<&Disagreement> {
        let full = &self.items.get(n)?.full;
        self.disputes.iter().find(|d| &d.item == full)
    }
}

/// What the answers come to: the board pack (with the scores) and the disputed items,
/// largest spread first.
fn worked_out(questionnaires: &[Questionnaire], a: &Assessment) -> (BoardPack, Vec<Disagreement>) {
    let refs: Vec<&Questionnaire> = questionnaires.iter().collect();
    (
        BoardPack::from_questionnaires(&refs, a),
        crate::merge::disputes(&refs, a),
    )
}

/// A message on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Nothing to say: the key hints show.
    None,
    /// Information.
    Info(String),
    /// Something went wrong.
    Error(String),
}

/// The whole state of the app.
#[derive(Debug)]
pub struct App {
    /// The data directory and questionnaires.
    pub ws: Workspace,
    /// The screen on show.
    pub screen: Screen,
    /// What has focus on top of it.
    pub mode: Mode,
    /// The assessments on the home screen.
    pub home: Vec<HomeRow>,
    /// The highlighted home row.
    pub home_selected: usize,
    /// The home rows the open assessment can be compared with (indexes into
    /// [`App::home`]), worked out when the comparison picker opens.
    pub compare_rows: Vec<usize>,
    /// The assessment being answered.
    pub open: Option<OpenAssessment>,
    /// The status-line message.
    pub status: Status,
    /// When the last save happened, `HH:MM:SS`.
    pub saved_at: Option<String>,
    /// Started with `open`: `q` in the questionnaire quits.
    pub quit_from_questionnaire: bool,
    /// Set when the app should end.
    pub should_quit: bool,
    /// Every style.
    pub theme: Theme,
    /// The clock for "saved HH:MM:SS" (fixed in tests).
    pub clock: fn() -> String,
    /// The questionnaires a new assessment uses (empty: every built-in).
    pub new_questionnaires: Vec<String>,
    /// The folder a board pack's relative file name is written in (`None`: the current
    /// directory).
    pub report_dir: Option<PathBuf>,
    /// Whether the answers in memory are on disk; failed saves are tried again.
    pub saving: SaveTracker,
    /// What was left without being saved, said when the app ends (and it then ends with an
    /// error).
    pub lost: Vec<String>,
    /// Where changes that could not be saved were written instead, said when the app ends.
    pub farewell: Vec<String>,
}

/// The local time as `HH:MM:SS`.
pub fn wall_clock() -> String {
    jiff::Zoned::now().strftime("%H:%M:%S").to_string()
}

/// Words for an error, on one line, safe to show.
fn message(e: &dyn std::fmt::Display) -> String {
    one_line(&e.to_string())
}

impl App {
    /// The app at home, listing the assessments of the workspace.
    pub fn new(ws: Workspace, theme: Theme) -> Self {
        let mut app = Self {
            ws,
            screen: Screen::Home,
            mode: Mode::Normal,
            home: Vec::new(),
            home_selected: 0,
            compare_rows: Vec::new(),
            open: None,
            status: Status::None,
            saved_at: None,
            quit_from_questionnaire: false,
            should_quit: false,
            theme,
            clock: wall_clock,
            new_questionnaires: Vec::new(),
            report_dir: None,
            saving: SaveTracker::default(),
            lost: Vec::new(),
            farewell: Vec::new(),
        };
        app.refresh_home();
        app
    }

    /// Opens an assessment by id or path straight into the questionnaire; `q` there quits.
    pub fn open_at_start(
        &mut self,
        id_or_path: &str,
    ) -> Result<(), crate::workspace::WorkspaceError> {
        let session = self.ws.edit(id_or_path)?;
        self.start_session(session);
        self.quit_from_questionnaire = true;
        Ok(())
    }

    fn start_session(&mut self, session: Session) {
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
        let first_unanswered = (0..open.items.len()).find(|i| !open.value_at(*i).is_answered());
        self.open = Some(open);
        if let Some(n) = first_unanswered {
            self.go_to(n);
        }
        self.screen = Screen::Questionnaire;
        self.mode = Mode::Normal;
    }

    /// Re-reads the list of assessments.
    pub fn refresh_home(&mut self) {
        self.home = match self.ws.store.list() {
            Ok(list) => list
                .into_iter()
                .map(|listed| match listed.assessment {
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
                        error: Some(message(&e)),
                    },
                })
                .collect(),
            Err(e) => {
                self.status = Status::Error(message(&e));
                Vec::new()
            }
        };
        self.home_selected = self.home_selected.min(self.home.len().saturating_sub(1));
    }

    /// Where the keys go now.
    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Help(_) => Context::Help,
            Mode::Editor(_) => Context::Editor,
            Mode::NewForm(_) => Context::Form,
            Mode::ConfirmDelete(_) => Context::Confirm,
            Mode::Search(_) => Context::Search,
            Mode::WriteReport(_) => Context::FileName,
            Mode::Unsaved(d) if d.file.is_some() => Context::FileName,
            // The question is answered like a pick from a list.
            Mode::Picker(_) | Mode::Unsaved(_) => Context::Picker,
            Mode::Normal => self.screen.context(),
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Status::Info(text.into());
    }

    /// Saves the open assessment; a failure is shown, the answers stay in memory and
    /// saving is tried again.
    fn commit(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        // Saving stamps the time of the change; worked out after it, the pack carries that
        // time too, and is the one a written board pack holds.
        let saved = self.saving.save_change(&mut open.session);
        open.rescore();
        self.show_saved(saved, false);
    }

    /// Tries the unsaved changes again when it is time (on the idle tick), or at once when
    /// `now` is set.
    fn retry_saving(&mut self, now: bool) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let saved = if now {
            self.saving.retry(&mut open.session)
        } else {
            self.saving.retry_if_due(&mut open.session, Instant::now())
        };
        if let Some(saved) = saved {
            open.rescore();
            self.show_saved(saved, true);
        }
    }

    /// Says what a save came to on the status line.
    fn show_saved(&mut self, saved: Saved, retried: bool) {
        match saved {
            Saved::Done | Saved::Recovered(_) if !retried => {
                self.saved_at = Some((self.clock)());
                if matches!(self.status, Status::Error(_)) {
                    self.status = Status::None;
                }
            }
            Saved::Done | Saved::Recovered(_) => {
                let at = (self.clock)();
                self.status =
                    Status::Info(format!("Saved at {at}: every change is on disk again."));
                self.saved_at = Some(at);
            }
            Saved::Failed(u) => self.status = Status::Error(u.status()),
        }
    }

    /// Changes the current item's answer (created when missing) and saves.
    fn change(&mut self, f: impl FnOnce(&mut Answer, &Questionnaire, &Item)) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let Some(pos) = open.items.get(open.current) else {
            return;
        };
        let full = pos.full.clone();
        let Some(q) = open.questionnaires.get(pos.q) else {
            return;
        };
        let Some(item) = q.sections.get(pos.s).and_then(|s| s.items.get(pos.i)) else {
            return;
        };
        let assessment = &mut open.session.assessment;
        let answer = assessment.answers.entry(full.clone()).or_default();
        f(answer, q, item);
        // Answering a disputed item settles the dispute.
        let settled = answer.is_answered() && assessment.responses.remove(&full).is_some();
        self.commit();
        if settled && !matches!(self.status, Status::Error(_)) {
            self.info("Disagreement settled with this answer.");
        }
    }

    fn go_to(&mut self, n: usize) {
        if let Some(open) = self.open.as_mut()
            && n < open.items.len()
        {
            open.current = n;
            open.reset_highlight();
        }
    }

    fn close_assessment(&mut self) {
        self.leave(Leaving::Close);
    }

    /// Closes the assessment whatever is unsaved (the person has been asked).
    fn close_now(&mut self) {
        self.open = None;
        self.screen = Screen::Home;
        self.mode = Mode::Normal;
        self.refresh_home();
    }

    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if action == Action::Quit {
            match &mut self.mode {
                Mode::Unsaved(d) => d.leaving = Leaving::Quit,
                _ => self.leave(Leaving::Quit),
            }
            return;
        }
        if action == Action::Idle {
            self.retry_saving(false);
            if let Mode::Unsaved(d) = &self.mode
                && self.saving.unsaved().is_none()
            {
                // Saved while the question was up: leave, as was asked.
                let leaving = d.leaving;
                self.leave_now(leaving);
                return;
            }
        }
        if !matches!(action, Action::Up | Action::Down | Action::Idle) && self.mode == Mode::Normal
        {
            // A new command replaces an old message (errors stay until the next save).
            if matches!(self.status, Status::Info(_)) {
                self.status = Status::None;
            }
        }
        match self.mode.clone() {
            Mode::Normal => self.update_screen(action),
            Mode::Help(scroll) => match action {
                Action::Back | Action::Help | Action::BackOrQuit => self.mode = Mode::Normal,
                Action::Up => self.mode = Mode::Help(scroll.saturating_sub(1)),
                Action::Down => self.mode = Mode::Help(scroll.saturating_add(1)),
                _ => {}
            },
            Mode::Editor(_) => self.update_editor(action),
            Mode::NewForm(form) => self.update_form(form, action),
            Mode::ConfirmDelete(row) => match action {
                Action::Confirm => {
                    self.mode = Mode::Normal;
                    self.delete(row);
                }
                Action::Back | Action::BackOrQuit => {
                    self.mode = Mode::Normal;
                    self.info("Nothing was deleted.");
                }
                _ => {}
            },
            Mode::Picker(picker) => self.update_picker(picker, action),
            Mode::Search(search) => self.update_search(search, action),
            Mode::WriteReport(form) => self.update_write(form, action),
            Mode::Unsaved(dialog) => self.update_unsaved(dialog, action),
        }
    }

    fn update_screen(&mut self, action: Action) {
        match self.screen {
            Screen::Home => self.update_home(action),
            Screen::Questionnaire => self.update_item(action),
            Screen::Results | Screen::Board => self.update_results(action),
            Screen::Disagreements => self.update_disputes(action),
        }
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    fn update_home(&mut self, action: Action) {
        match action {
            Action::Up => self.home_selected = self.home_selected.saturating_sub(1),
            Action::Down => {
                self.home_selected =
                    (self.home_selected + 1).min(self.home.len().saturating_sub(1));
            }
            Action::ClickRow(n) if n < self.home.len() => {
                if self.home_selected == n {
                    self.open_selected();
                } else {
                    self.home_selected = n;
                }
            }
            Action::Open => self.open_selected(),
            Action::New => self.mode = Mode::NewForm(NewForm::default()),
            Action::Delete if !self.home.is_empty() => {
                self.mode = Mode::ConfirmDelete(self.home_selected);
            }
            Action::Compare => self.compare_from_home(),
            Action::WriteReport => self.ask_report_from_home(),
            Action::Help => self.mode = Mode::Help(0),
            Action::BackOrQuit => self.leave(Leaving::Quit),
            _ => {}
        }
    }

    /// The highlighted home row, when it is an assessment that can be read; otherwise the
    /// status line says why not.
    fn usable_home_row(&mut self) -> Option<&HomeRow> {
        let Some(row) = self.home.get(self.home_selected) else {
            self.info("There is no assessment yet: press n to create one.");
            return None;
        };
        if let Some(e) = &row.error {
            self.status = Status::Error(e.clone());
            return None;
        }
        self.home.get(self.home_selected)
    }

    fn open_selected(&mut self) {
        let Some(path) = self.usable_home_row().map(|row| row.path.clone()) else {
            return;
        };
        match Session::open(&path) {
            Ok(session) => self.start_session(session),
            Err(e) => self.status = Status::Error(message(&e)),
        }
    }

    fn delete(&mut self, row: usize) {
        let Some(entry) = self.home.get(row) else {
            return;
        };
        let path = entry.path.clone();
        let name = entry.name.clone();
        match delete_assessment(&self.ws.store, &path) {
            Ok(deleted) => {
                self.refresh_home();
                self.info(format!(
                    "Deleted \"{name}\". It is kept in the deleted folder: `supplycheck \
                     restore {}` brings it back.",
                    sanitize_line(&deleted)
                ));
            }
            Err(e) => self.status = Status::Error(e),
        }
    }

    #[allow(clippy::too_many_lines, clippy::needless_pass_by_value)] // one match, small actions
    fn update_item(&mut self, action: Action) {
        let Some(open) = self.open.as_mut() else {
            self.screen = Screen::Home;
            return;
        };
        let kind = open.item().map(|(_, _, i)| i.kind);
        match action {
            Action::Up => open.highlight = open.highlight.saturating_sub(1),
            Action::Down => {
                open.highlight = (open.highlight + 1).min(open.rows().saturating_sub(1));
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
            Action::Toggle => {
                let h = open.highlight;
                self.choose(h);
            }
            Action::ToggleNaCheck => {
                if kind == Some(ItemKind::Checklist) {
                    let h = open.highlight;
                    self.change(|a, _, item| toggle_na_check(a, item, h));
                } else {
                    self.info("x marks a check of a checklist N/A; for the whole item press a.");
                }
            }
            Action::NotApplicable => match open.item() {
                Some((_, _, item)) if item.kind == ItemKind::Text => {
                    self.info("A text item is answered in words: press Enter to write.");
                }
                Some((_, _, item)) if !item.allows_na() => {
                    self.info("This item cannot be answered N/A.");
                }
                Some(_) => self.change(|a, _, _| {
                    let was = a.na;
                    a.clear_value();
                    a.na = !was;
                }),
                None => {}
            },
            Action::NextUnanswered => {
                let len = open.items.len();
                let next = (1..=len)
                    .map(|k| (open.current + k) % len.max(1))
                    .find(|i| !open.value_at(*i).is_answered());
                match next {
                    Some(n) if n != open.current || !open.value_at(n).is_answered() => {
                        if n == open.current {
                            self.info("This is the only item without an answer.");
                        }
                        self.go_to(n);
                    }
                    _ => self.info("Every item has an answer. Press r for the results."),
                }
            }
            Action::Edit => {
                let (target, text) = match (kind, open.answer()) {
                    (Some(ItemKind::Text), a) => (
                        EditTarget::Answer,
                        a.and_then(|a| a.text.clone()).unwrap_or_default(),
                    ),
                    (_, a) => (
                        EditTarget::Note,
                        a.and_then(|a| a.note.clone()).unwrap_or_default(),
                    ),
                };
                self.mode = Mode::Editor(EditState {
                    target,
                    editor: Editor::new(&crate::text::sanitize(&text)),
                    original: text,
                });
            }
            Action::Owner => {
                let selected = open
                    .answer()
                    .and_then(|a| a.owner.as_deref())
                    .and_then(|o| ROLES.iter().position(|r| r.id == o))
                    .unwrap_or(0);
                self.mode = Mode::Picker(Picker {
                    kind: PickerKind::Owner,
                    selected,
                });
            }
            Action::Flag => {
                self.change(|a, _, _| a.flag = !a.flag);
                let flagged = self
                    .open
                    .as_ref()
                    .and_then(OpenAssessment::answer)
                    .is_some_and(|a| a.flag);
                if !matches!(self.status, Status::Error(_)) {
                    self.info(if flagged {
                        "Flagged for follow-up."
                    } else {
                        "The flag is off."
                    });
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
            Action::Results => self.screen = Screen::Results,
            Action::Board => self.screen = Screen::Board,
            Action::Disagreements => self.show_disputes(),
            Action::Help => self.mode = Mode::Help(0),
            Action::Back => self.close_assessment(),
            Action::BackOrQuit => {
                if self.quit_from_questionnaire {
                    self.leave(Leaving::Quit);
                } else {
                    self.close_assessment();
                }
            }
            _ => {}
        }
    }

    /// Chooses option `index` (0-based) of a choice item, or toggles check `index`.
    fn choose(&mut self, index: usize) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let Some((q, _, item)) = open.item() else {
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
                open.highlight = index;
                self.change(|a, _, _| {
                    a.clear_value();
                    a.choice = Some(key);
                });
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
                open.highlight = index;
                self.change(|a, _, item| toggle_check(a, item, index));
            }
            ItemKind::Text => self.info("A text item is answered in words: press Enter to write."),
        }
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    fn update_results(&mut self, action: Action) {
        let plan_len = self.open.as_ref().map_or(0, |o| o.pack.action_plan.len());
        let target = self.open.as_ref().and_then(|o| {
            o.pack
                .action_plan
                .get(o.plan_selected)
                .and_then(|p| o.index_of(&p.item))
        });
        let Some(open) = self.open.as_mut() else {
            self.screen = Screen::Home;
            return;
        };
        match action {
            Action::Up => open.plan_selected = open.plan_selected.saturating_sub(1),
            Action::Down => {
                open.plan_selected = (open.plan_selected + 1).min(plan_len.saturating_sub(1));
            }
            Action::ClickRow(n) if n < plan_len => {
                if open.plan_selected == n {
                    self.update_results(Action::Open);
                } else {
                    open.plan_selected = n;
                }
            }
            Action::Open if self.screen == Screen::Results => {
                if let Some(n) = target {
                    self.screen = Screen::Questionnaire;
                    self.go_to(n);
                }
            }
            Action::Results => self.screen = Screen::Results,
            Action::Board => self.screen = Screen::Board,
            Action::Compare if self.screen == Screen::Results => self.toggle_compare(),
            Action::WriteReport => self.ask_report_for_open(),
            Action::Help => self.mode = Mode::Help(0),
            Action::Back | Action::BackOrQuit => self.screen = Screen::Questionnaire,
            _ => {}
        }
    }

    /// Writes the editor's text into the answer (saving when it changed).
    fn write_field(&mut self) {
        let Mode::Editor(edit) = &self.mode else {
            return;
        };
        let text = edit.editor.text();
        let target = edit.target;
        self.set_field(target, &text);
    }

    fn set_field(&mut self, target: EditTarget, text: &str) {
        let value = (!text.trim().is_empty()).then(|| text.to_string());
        let current = self
            .open
            .as_ref()
            .and_then(OpenAssessment::answer)
            .and_then(|a| match target {
                EditTarget::Note => a.note.clone(),
                EditTarget::Answer => a.text.clone(),
            });
        if current == value {
            return;
        }
        self.change(|a, _, _| match target {
            EditTarget::Note => a.note = value,
            EditTarget::Answer => a.text = value,
        });
    }

    /// Saves and closes the editor, if it is open.
    pub(crate) fn finish_editing(&mut self) {
        if matches!(self.mode, Mode::Editor(_)) {
            self.write_field();
            self.mode = Mode::Normal;
        }
    }

    fn update_editor(&mut self, action: Action) {
        let Mode::Editor(edit) = &mut self.mode else {
            return;
        };
        let e = &mut edit.editor;
        match action {
            Action::Input(c) => e.insert(c),
            Action::Paste(text) => e.paste(&text),
            Action::Newline => e.newline(),
            Action::Backspace => e.backspace(),
            Action::DeleteChar => e.delete(),
            Action::Left => e.left(),
            Action::Right => e.right(),
            Action::Up => e.up(),
            Action::Down => e.down(),
            Action::LineStart => e.home(),
            Action::LineEnd => e.end(),
            Action::Idle => self.write_field(),
            Action::SaveField => {
                self.write_field();
                if self.saved_at.is_some() && !matches!(self.status, Status::Error(_)) {
                    self.info("The text is saved; go on writing, or press Esc to close.");
                }
            }
            Action::DiscardField => {
                let (target, original) = (edit.target, edit.original.clone());
                self.mode = Mode::Normal;
                self.set_field(target, &original);
                self.info("Your changes were thrown away; the text is as it was.");
            }
            Action::Back | Action::BackOrQuit => self.finish_editing(),
            Action::NextItem | Action::PrevItem => {
                self.finish_editing();
                self.update_item(action);
            }
            _ => {}
        }
    }

    fn update_form(&mut self, mut form: NewForm, action: Action) {
        let field = if form.field == 0 {
            &mut form.name
        } else {
            &mut form.organisation
        };
        let Err(action) = field.edit_line(action) else {
            self.mode = Mode::NewForm(form);
            return;
        };
        match action {
            Action::Up | Action::Down => form.field = 1 - form.field.min(1),
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("No assessment was created.");
                return;
            }
            Action::Confirm => {
                let name = form.name.text().trim().to_string();
                if form.field == 0 {
                    form.field = 1;
                } else if name.is_empty() {
                    form.field = 0;
                    self.info("Give the assessment a name first.");
                } else {
                    let org = form.organisation.text().trim().to_string();
                    self.create(&name, &org);
                    return;
                }
            }
            _ => {}
        }
        self.mode = Mode::NewForm(form);
    }

    fn create(&mut self, name: &str, organisation: &str) {
        self.mode = Mode::Normal;
        let created = self
            .ws
            .create(name, organisation, None, &self.new_questionnaires)
            .map_err(|e| message(&e))
            .and_then(|(path, _)| Session::open(&path).map_err(|e| message(&e)));
        match created {
            Ok(session) => {
                self.refresh_home();
                self.start_session(session);
                self.saved_at = Some((self.clock)());
            }
            Err(e) => self.status = Status::Error(format!("Could not create it: {e}")),
        }
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    fn update_picker(&mut self, mut picker: Picker, action: Action) {
        let len = match picker.kind {
            PickerKind::Owner => ROLES.len() + 1,
            PickerKind::Section => self.open.as_ref().map_or(0, |o| o.sections.len()),
            PickerKind::Compare => self.compare_candidates().len() + 1,
        };
        match action {
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(len.saturating_sub(1)),
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Choose(n) if n >= 1 && n <= len => {
                picker.selected = n - 1;
                self.pick(picker);
                return;
            }
            Action::ClickRow(n) if n < len => {
                picker.selected = n;
                self.pick(picker);
                return;
            }
            Action::Confirm => {
                self.pick(picker);
                return;
            }
            _ => {}
        }
        self.mode = Mode::Picker(picker);
    }

    fn pick(&mut self, picker: Picker) {
        self.mode = Mode::Normal;
        match picker.kind {
            PickerKind::Owner => {
                let owner = ROLES.get(picker.selected).map(|r| r.id.to_string());
                let words = ROLES
                    .get(picker.selected)
                    .map_or("No owner now.".to_string(), |r| {
                        format!("Owner: {}.", r.label)
                    });
                self.change(|a, _, _| a.owner = owner);
                if !matches!(self.status, Status::Error(_)) {
                    self.info(words);
                }
            }
            PickerKind::Section => {
                if let Some(first) = self
                    .open
                    .as_ref()
                    .and_then(|o| o.sections.get(picker.selected))
                    .map(|s| s.first)
                {
                    self.go_to(first);
                }
            }
            PickerKind::Compare => self.compare_with(picker.selected),
        }
    }

    fn update_search(&mut self, mut search: SearchState, action: Action) {
        let action = match search.query.edit_line(action) {
            Ok(edited) => {
                if edited {
                    search.matches = self.search(&search.query.text());
                    search.selected = 0;
                }
                self.mode = Mode::Search(search);
                return;
            }
            Err(action) => action,
        };
        match action {
            Action::Up => search.selected = search.selected.saturating_sub(1),
            Action::Down => {
                search.selected = (search.selected + 1).min(search.matches.len().saturating_sub(1));
            }
            Action::ClickRow(n) if n < search.matches.len() => {
                search.selected = n;
                return self.update_search(search, Action::Confirm);
            }
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                return;
            }
            Action::Confirm => {
                self.mode = Mode::Normal;
                match search.matches.get(search.selected) {
                    Some(n) => self.go_to(*n),
                    None => self.info("Nothing matches; type other words."),
                }
                return;
            }
            _ => {}
        }
        self.mode = Mode::Search(search);
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

/// Ticks check `index` of a checklist, or takes the tick off (the item stops being N/A).
fn toggle_check(a: &mut Answer, item: &Item, index: usize) {
    let Some(id) = item.checks.get(index).map(|c| c.id.clone()) else {
        return;
    };
    a.na = false;
    a.na_checks.retain(|c| *c != id);
    let checked = a.checked.get_or_insert_with(Vec::new);
    if let Some(at) = checked.iter().position(|c| *c == id) {
        checked.remove(at);
    } else {
        checked.push(id);
        checked.sort_by_key(|c| item.checks.iter().position(|k| k.id == *c));
    }
}

/// Marks check `index` N/A, or applicable again.
fn toggle_na_check(a: &mut Answer, item: &Item, index: usize) {
    let Some(id) = item.checks.get(index).map(|c| c.id.clone()) else {
        return;
    };
    a.na = false;
    if let Some(at) = a.na_checks.iter().position(|c| *c == id) {
        a.na_checks.remove(at);
    } else {
        a.na_checks.push(id.clone());
        a.na_checks
            .sort_by_key(|c| item.checks.iter().position(|k| k.id == *c));
        if let Some(checked) = a.checked.as_mut() {
            checked.retain(|c| *c != id);
        }
    }
    if a.na_checks.len() == item.checks.len() && a.checked.is_none() {
        // Every check N/A: the checklist is answered, and N/A.
        a.checked = Some(Vec::new());
    }
}

/// Deletes an assessment: under its edit lock (so one open elsewhere is never deleted),
/// moves it and its backup into the data directory's `deleted/` folder, from where
/// `supplycheck restore` brings it back. Returns the name to restore it by.
pub fn delete_assessment(store: &store::Store, path: &Path) -> Result<String, String> {
    let moved = store.delete(path).map_err(|e| message(&e))?;
    Ok(moved
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default())
}
