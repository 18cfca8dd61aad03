//! The app's state and its `update`: actions in, state and [`Effect`]s out. `update` reads
//! and writes no file: what must touch the disk (saving, listing, opening, deleting,
//! writing) comes back as effects, which the event loop performs and feeds back.
//!
//! One module per screen, mirroring `ui/`: [`home`], [`item`] (the questionnaire),
//! [`results`] (and the board view), [`disputes`]; the dialogs on top of them in [`dialogs`]
//! and [`unsaved`]; the comparison and board-pack writing in [`compare`] and [`write`].

use std::path::PathBuf;

use crate::assessment::Answer;
use crate::editing::{SaveTracker, Saved};
use crate::questionnaire::{Item, Questionnaire};
use crate::text::one_line;
use crate::workspace::Workspace;

use super::action::Action;
use super::keys::Context;
use super::theme::Theme;

mod compare;
mod dialogs;
mod disputes;
mod effect;
mod fields;
mod gap;
mod history;
mod home;
mod item;
mod new_form;
mod open;
mod plan;
mod portfolio;
mod results;
mod supplier;
mod unsaved;
mod upgrade;
mod write;

pub use compare::Compared;
pub use dialogs::{EditState, EditTarget, Picker, PickerKind, SearchState, TARGET_LEVELS};
pub use disputes::DisputeFilter;
pub use effect::{AfterList, AfterOpen, Effect};
pub use fields::{FieldForm, FieldKind, status_words};
pub use history::{History, UNDO_STEPS, edit_words};
pub use home::HomeRow;
pub use new_form::{NewField, NewForm, QuestionnaireChoice, RenameForm};
pub use open::{ItemPos, OpenAssessment, SectionPos};
pub use plan::{PlanForm, PlanRow, PlanTimer};
pub use portfolio::{PortfolioTab, PortfolioView};
pub use supplier::{SupplierField, SupplierForm};
pub use unsaved::{Leaving, UnsavedDialog};
pub use write::{PackFormat, ReportOutcome, WriteForm};

/// The screen on show, with its own cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The list of assessments, with the highlighted row.
    Home {
        /// The highlighted row of [`App::home`].
        selected: usize,
    },
    /// Answering the items of an assessment.
    Questionnaire {
        /// The highlighted option or check of the current item.
        highlight: usize,
    },
    /// Levels, scores, weakest links and the action plan.
    Results {
        /// The highlighted row of the action plan.
        selected: usize,
    },
    /// The one-screen summary made to be projected.
    Board {
        /// The action plan's highlighted row, kept for going back to the results.
        selected: usize,
    },
    /// The disagreements of a merged assessment, to settle.
    Disagreements {
        /// The highlighted disagreement.
        selected: usize,
        /// The highlighted respondent.
        respondent: usize,
    },
    /// The perception gap of a merged assessment: the board against the other groups.
    Gap {
        /// The highlighted row: the areas, then the items.
        selected: usize,
        /// The results' highlighted row, to go back to.
        results: usize,
    },
    /// Every supplier assessment in one table.
    Portfolio {
        /// The highlighted row of the portfolio shown.
        selected: usize,
    },
}

impl Screen {
    /// Home, at the first row.
    pub const HOME: Screen = Screen::Home { selected: 0 };

    /// Where the keys go on this screen when nothing is on top of it.
    pub fn context(self) -> Context {
        match self {
            Screen::Home { .. } => Context::Home,
            Screen::Questionnaire { .. } => Context::Item,
            Screen::Results { .. } => Context::Results,
            Screen::Board { .. } => Context::Board,
            Screen::Disagreements { .. } => Context::Disputes,
            Screen::Gap { .. } => Context::Gap,
            Screen::Portfolio { .. } => Context::Portfolio,
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
    /// Asking whether to upgrade the open assessment to these newer versions.
    ConfirmUpgrade(Vec<crate::upgrade::Newer>),
    /// A one-line field of the current item: decision, due day, evidence, owner.
    Field(FieldForm),
    /// Asking for a home row's new name.
    Rename(RenameForm),
    /// Planning a session: its name, sections and time boxes.
    Plan(PlanForm),
    /// Asking for the service the portfolio is filtered by.
    ServiceFilter(crate::tui::editor::Editor),
    /// The supplier's tier and services.
    Supplier(SupplierForm),
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
    /// The questionnaires a new assessment uses (empty: the organisation-scope built-ins).
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
    /// The screen the questionnaire was reached from (a results row, the disagreements),
    /// where Esc goes back to.
    pub came_from: Option<Screen>,
    /// The item each assessment was left at (assessment id → item), to resume there.
    pub positions: std::collections::BTreeMap<String, String>,
    /// The page the board view shows (counted on: the view wraps it round its pages).
    pub board_page: usize,
    /// Which disagreements the disagreements view lists.
    pub dispute_filter: DisputeFilter,
    /// How far the detail of the highlighted disagreement is scrolled down.
    pub dispute_scroll: usize,
    /// The disagreement whose text answer is being written in the disagreements view: its
    /// proposals stay on screen beside the editor, also once the answer settles it.
    pub dispute_editing: Option<crate::merge::Disagreement>,
    /// The perception gap on show (or why there is none), worked out when the screen opens.
    pub gap: Option<Result<crate::gap::GapReport, crate::gap::GapError>>,
    /// The time now, as the event loop measures it from its start (set by the loop before
    /// each action; tests set it by hand). Nothing in `update` reads a clock.
    pub now: std::time::Duration,
    /// The time spent in each section of the open assessment, for the session plan.
    pub timer: PlanTimer,
    /// The supplier portfolio screen's model and filters.
    pub portfolio: PortfolioView,
    /// What `update` (or a result fed back) asks the loop to do, in order.
    effects: Vec<Effect>,
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
            screen: Screen::HOME,
            mode: Mode::Normal,
            home: Vec::new(),
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
            came_from: None,
            positions: std::collections::BTreeMap::new(),
            board_page: 0,
            dispute_filter: DisputeFilter::All,
            dispute_scroll: 0,
            dispute_editing: None,
            gap: None,
            now: std::time::Duration::ZERO,
            timer: PlanTimer::default(),
            portfolio: PortfolioView::default(),
            effects: Vec::new(),
        };
        app.positions = super::resume::read(app.ws.store.root());
        let listed = app.ws.store.list();
        app.home_listed(listed, AfterList::Nothing);
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

    /// The effects asked for since they were last taken, in order.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    fn effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Where the keys go now.
    pub fn context(&self) -> Context {
        match &self.mode {
            Mode::Help(_) => Context::Help,
            Mode::Editor(_) => Context::Editor,
            Mode::NewForm(_) | Mode::Rename(_) => Context::Form,
            Mode::ConfirmDelete(_) | Mode::ConfirmUpgrade(_) => Context::Confirm,
            Mode::Search(_) => Context::Search,
            Mode::WriteReport(_) => Context::FileName,
            Mode::Field(_) => Context::Field,
            Mode::Plan(_) => Context::Plan,
            Mode::ServiceFilter(_) => Context::ServiceFilter,
            Mode::Supplier(_) => Context::Supplier,
            Mode::Unsaved(d) if d.file.is_some() => Context::FileName,
            // The question is answered like a pick from a list.
            Mode::Picker(_) | Mode::Unsaved(_) => Context::Picker,
            Mode::Normal => self.screen.context(),
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Status::Info(text.into());
    }

    fn failed(&self) -> bool {
        matches!(self.status, Status::Error(_))
    }

    /// Saving a change is asked of the loop ([`Effect::Save`]); what it came to comes back
    /// through [`App::saved`].
    fn commit(&mut self) {
        if self.open.is_some() {
            self.effect(Effect::Save);
        }
    }

    /// A save after a change came to `saved`: what follows from the answers is worked out
    /// again (with the time the save stamped) and the status line says how it went.
    pub fn saved(&mut self, saved: Saved) {
        self.rescore();
        self.show_saved(saved, false);
    }

    /// Unsaved changes were tried again and came to `saved`.
    pub fn retried(&mut self, saved: Saved) {
        self.rescore();
        self.show_saved(saved, true);
    }

    fn rescore(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        open.rescore();
        if let Screen::Disagreements { selected, .. } = &mut self.screen {
            let shown = self.dispute_filter.shown(open.disputes.len());
            *selected = (*selected).min(shown.saturating_sub(1));
        }
        self.refresh_gap();
    }

    /// Says what a save came to on the status line. A message set with the change stays
    /// unless the save failed.
    fn show_saved(&mut self, saved: Saved, retried: bool) {
        match saved {
            Saved::Done | Saved::Recovered(_) if !retried => {
                self.saved_at = Some((self.clock)());
                if self.failed() {
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

    /// Changes the current item's answer (created when missing) and asks for a save.
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
        let current = open.current;
        let assessment = &mut open.session.assessment;
        let before = assessment.clone();
        let answer = assessment.answers.entry(full.clone()).or_default();
        f(answer, q, item);
        // Answering a disputed item settles the dispute; every respondent's answer is kept.
        let settled = assessment.settle_by_answer(&full, crate::assessment::FACILITATOR);
        self.recorded(before, current, &full);
        if settled {
            self.info("Disagreement settled with this answer.");
        }
        self.commit();
    }

    /// Goes to item `n` of the open assessment, on the questionnaire screen.
    fn go_to(&mut self, n: usize) {
        if let Some(open) = self.open.as_mut()
            && n < open.items.len()
        {
            if !matches!(
                self.screen,
                Screen::Questionnaire { .. } | Screen::Home { .. }
            ) {
                self.came_from = Some(self.screen);
            }
            open.current = n;
            open.detail = 0;
            if let Some(p) = open.items.get(n) {
                self.positions
                    .insert(open.session.assessment.id.clone(), p.full.clone());
            }
            self.screen = Screen::Questionnaire {
                highlight: open.default_highlight(),
            };
        }
    }

    /// The questionnaire screen at the current item, its highlight where the answer is.
    fn back_to_questionnaire(&mut self) {
        let highlight = self
            .open
            .as_ref()
            .map_or(0, OpenAssessment::default_highlight);
        self.came_from = None;
        self.screen = Screen::Questionnaire { highlight };
    }

    /// Applies one action, and says what must be done outside the app's state: saving,
    /// reading, writing, deleting. The loop performs the effects and feeds back what came
    /// of them.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        self.keep_time();
        self.apply(action);
        self.keep_time();
        self.tell_time_up();
        self.take_effects()
    }

    fn apply(&mut self, action: Action) {
        if action == Action::Quit {
            match &mut self.mode {
                Mode::Unsaved(d) => d.leaving = Leaving::Quit,
                _ => self.leave(Leaving::Quit),
            }
            return;
        }
        if action == Action::Idle && self.open.is_some() && self.saving.unsaved().is_some() {
            self.effect(Effect::RetrySave { now: false });
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
            Mode::ConfirmDelete(row) => self.update_confirm_delete(row, &action),
            Mode::Picker(picker) => self.update_picker(picker, action),
            Mode::Search(search) => self.update_search(search, action),
            Mode::WriteReport(form) => self.update_write(form, action),
            Mode::Unsaved(dialog) => self.update_unsaved(dialog, action),
            Mode::ConfirmUpgrade(_) => self.update_confirm_upgrade(&action),
            Mode::Field(form) => self.update_field(form, action),
            Mode::Rename(form) => self.update_rename(form, action),
            Mode::Plan(form) => self.update_plan(form, action),
            Mode::ServiceFilter(field) => self.update_service_filter(field, action),
            Mode::Supplier(form) => self.update_supplier(form, action),
        }
    }

    fn update_screen(&mut self, action: Action) {
        if action == Action::Undo
            && !matches!(self.screen, Screen::Home { .. } | Screen::Portfolio { .. })
        {
            self.undo();
            return;
        }
        match self.screen {
            Screen::Home { .. } => self.update_home(action),
            Screen::Questionnaire { .. } => self.update_item(action),
            Screen::Results { .. } | Screen::Board { .. } => self.update_results(action),
            Screen::Disagreements { .. } => self.update_disputes(action),
            Screen::Gap { .. } => self.update_gap(action),
            Screen::Portfolio { .. } => self.update_portfolio(action),
        }
    }

    /// The highlighted home row.
    pub fn home_selected(&self) -> usize {
        match self.screen {
            Screen::Home { selected } => selected,
            _ => 0,
        }
    }

    /// The highlighted option or check of the current item.
    pub fn highlight(&self) -> usize {
        match self.screen {
            Screen::Questionnaire { highlight } => highlight,
            _ => 0,
        }
    }

    /// The highlighted row of the action plan (results and board).
    pub fn plan_selected(&self) -> usize {
        match self.screen {
            Screen::Results { selected } | Screen::Board { selected } => selected,
            _ => 0,
        }
    }

    /// The highlighted disagreement and respondent.
    pub fn dispute_cursor(&self) -> (usize, usize) {
        match self.screen {
            Screen::Disagreements {
                selected,
                respondent,
            } => (selected, respondent),
            _ => (0, 0),
        }
    }
}

#[cfg(test)]
mod tests;
