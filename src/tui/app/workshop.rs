//! The workshop parts of `update`: settling the disagreements of a merged assessment,
//! comparing with another assessment on the results screen, and writing a board pack.

use std::path::{Path, PathBuf};

use crate::assessment::Assessment;
use crate::compare::{self, Change, Comparison};
use crate::questionnaire::Questionnaire;
use crate::report::{self, BoardPack, Format};
use crate::store;
use crate::text::sanitize_line;

use super::{App, HomeRow, Mode, OpenAssessment, Picker, PickerKind, Screen, Status, message};
use crate::tui::action::Action;
use crate::tui::editor::Editor;

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

/// The dialog that asks where to write a board pack.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteForm {
    /// The file name (relative to the current directory, or absolute).
    pub file: Editor,
    /// The assessment's file when written from home; `None`: the open assessment.
    pub source: Option<PathBuf>,
    /// The assessment's name (safe to show).
    pub name: String,
    /// The file exists, and Enter once more replaces it.
    pub replace: bool,
}

/// The format a board pack file name asks for, by its extension.
fn format_of(file: &str) -> Option<Format> {
    let ext = Path::new(file).extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => Some(Format::Html),
        "md" | "markdown" => Some(Format::Markdown),
        "csv" => Some(Format::Csv),
        "json" => Some(Format::Json),
        _ => None,
    }
}

/// The default file name of an assessment's board pack.
fn default_file(id: &str) -> String {
    format!("{}-board-pack.html", store::slug(id))
}

impl OpenAssessment {
    /// The board pack written from the results or board screen: the one they show; while
    /// compared on the results screen with an earlier assessment, with what changed since
    /// then.
    pub fn pack_to_write(&self) -> BoardPack {
        match self.compare.as_ref().filter(|c| c.is_before) {
            Some(c) => {
                let now: Vec<&Questionnaire> = self.questionnaires.iter().collect();
                let then: Vec<&Questionnaire> = c.questionnaires.iter().collect();
                BoardPack::compared(&now, &self.session.assessment, &then, &c.other)
            }
            None => self.pack.clone(),
        }
    }
}

impl App {
    /// Shows the disagreements view, at the current item's dispute when it has one.
    pub(super) fn show_disputes(&mut self) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        if open.disputes.is_empty() {
            self.info(
                "There are no disagreements to settle: they come from merging respondents' \
                 assessments (supplycheck merge).",
            );
            return;
        }
        if let Some(n) = open
            .items
            .get(open.current)
            .and_then(|p| open.disputes.iter().position(|d| d.item == p.full))
        {
            open.dispute_selected = n;
        }
        open.respondent = 0;
        self.screen = Screen::Disagreements;
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_disputes(&mut self, action: Action) {
        let Some(open) = self.open.as_mut() else {
            self.screen = Screen::Home;
            return;
        };
        let len = open.disputes.len();
        let answers = open
            .disputes
            .get(open.dispute_selected)
            .map_or(0, |d| d.answers.len());
        match action {
            Action::Up => {
                open.dispute_selected = open.dispute_selected.saturating_sub(1);
                open.respondent = 0;
            }
            Action::Down => {
                open.dispute_selected = (open.dispute_selected + 1).min(len.saturating_sub(1));
                open.respondent = 0;
            }
            Action::Left => open.respondent = open.respondent.saturating_sub(1),
            Action::Right => {
                open.respondent = (open.respondent + 1).min(answers.saturating_sub(1));
            }
            Action::Choose(n) if n >= 1 => self.settle(n - 1),
            Action::Toggle => {
                let n = open.respondent;
                self.settle(n);
            }
            Action::ClickRow(n) if n < len => {
                if open.dispute_selected == n {
                    self.update_disputes(Action::Open);
                } else {
                    open.dispute_selected = n;
                    open.respondent = 0;
                }
            }
            Action::Open => {
                let target = open
                    .disputes
                    .get(open.dispute_selected)
                    .map(|d| (open.index_of(&d.item), d.item.clone()));
                match target {
                    Some((Some(n), _)) => {
                        self.screen = Screen::Questionnaire;
                        self.go_to(n);
                    }
                    Some((None, item)) => self.info(format!(
                        "{} is not in the questionnaires loaded now; settle it here with \
                         a number key.",
                        sanitize_line(&item)
                    )),
                    None => {}
                }
            }
            Action::Help => self.mode = Mode::Help(0),
            Action::Back | Action::BackOrQuit => self.screen = Screen::Questionnaire,
            _ => {}
        }
    }

    /// Settles the highlighted dispute with respondent `index`'s (0-based) answer, and saves.
    fn settle(&mut self, index: usize) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        let Some(d) = open.disputes.get(open.dispute_selected) else {
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
        if !crate::merge::settle(&mut open.session.assessment, &key, index) {
            return;
        }
        open.respondent = 0;
        self.commit();
        if matches!(self.status, Status::Error(_)) {
            return;
        }
        let left = self.open.as_ref().map_or(0, |o| o.disputes.len());
        self.info(match left {
            0 => format!("{words}. Every disagreement is settled."),
            n => format!("{words}; {n} left."),
        });
    }

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

    fn pick_comparison(&mut self) {
        self.refresh_home();
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

    /// `c` at home: open the highlighted assessment's results and pick one to compare with.
    pub(super) fn compare_from_home(&mut self) {
        self.open_selected();
        if self.open.is_some() && self.screen == Screen::Questionnaire {
            self.screen = Screen::Results;
            self.pick_comparison();
        }
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
        let loaded = self.ws.load(&path.to_string_lossy());
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

    /// `w` at home: ask where to write the highlighted assessment's board pack.
    pub(super) fn ask_report_from_home(&mut self) {
        let Some(row) = self.usable_home_row() else {
            return;
        };
        self.mode = Mode::WriteReport(WriteForm {
            file: Editor::new(&default_file(&row.id)),
            source: Some(row.path.clone()),
            name: row.name.clone(),
            replace: false,
        });
    }

    /// `w` on the results or board screen: ask where to write the open assessment's pack.
    pub(super) fn ask_report_for_open(&mut self) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        let a = &open.session.assessment;
        self.mode = Mode::WriteReport(WriteForm {
            file: Editor::new(&default_file(&a.id)),
            source: None,
            name: sanitize_line(&a.name),
            replace: false,
        });
    }

    pub(super) fn update_write(&mut self, mut form: WriteForm, action: Action) {
        let action = match form.file.edit_line(action) {
            Ok(edited) => {
                // A changed name must be confirmed again before it replaces a file.
                form.replace &= !edited;
                self.mode = Mode::WriteReport(form);
                return;
            }
            Err(action) => action,
        };
        match action {
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("No file was written.");
                return;
            }
            Action::Confirm => {
                self.write_report(form);
                return;
            }
            _ => {}
        }
        self.mode = Mode::WriteReport(form);
    }

    /// Where a typed file name points: `~/` is the home folder; a relative name is in
    /// [`App::report_dir`] (the current directory unless set).
    pub(super) fn report_path(&self, typed: &str) -> PathBuf {
        if let Some(rest) = typed.strip_prefix("~/")
            && let Some(dirs) = directories::BaseDirs::new()
        {
            return dirs.home_dir().join(rest);
        }
        let path = PathBuf::from(typed);
        match &self.report_dir {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path,
        }
    }

    /// Writes the board pack the dialog asks for; the dialog stays open when it cannot.
    fn write_report(&mut self, mut form: WriteForm) {
        let typed = form.file.text().trim().to_string();
        let shown = sanitize_line(&typed);
        let Some(format) = format_of(&typed) else {
            self.status = Status::Error(
                "Give the file a name ending .html, .md, .csv or .json: the format follows it."
                    .into(),
            );
            self.mode = Mode::WriteReport(form);
            return;
        };
        let path = self.report_path(&typed);
        if path.is_dir() {
            self.status = Status::Error(format!("{shown} is a folder: add a file name."));
            self.mode = Mode::WriteReport(form);
            return;
        }
        // Never over an assessment, a backup, a lock, the data directory's own files, or a
        // file another supplycheck holds; asked again on every Enter.
        if let Err(e) = self.ws.store.check_output(&path) {
            self.status = Status::Error(format!("Not written: {}", message(&e)));
            self.mode = Mode::WriteReport(form);
            return;
        }
        if path.exists() && !form.replace {
            form.replace = true;
            self.status = Status::Info(format!(
                "{shown} exists: Enter again replaces it, or change the name."
            ));
            self.mode = Mode::WriteReport(form);
            return;
        }
        let pack = match (&form.source, self.open.as_ref()) {
            (None, Some(open)) => open.pack_to_write(),
            (Some(source), _) => match self.ws.load(&source.to_string_lossy()) {
                Ok((_, a)) => BoardPack::build(&self.ws, &a),
                Err(e) => {
                    self.mode = Mode::Normal;
                    self.status = Status::Error(format!("Not written: {}", message(&e)));
                    return;
                }
            },
            (None, None) => {
                self.mode = Mode::Normal;
                return;
            }
        };
        let since = pack
            .comparison
            .as_ref()
            .map(|c| format!(", with what changed since {}", c.before.name))
            .unwrap_or_default();
        let text = report::render(&pack, format);
        match store::write_atomic(&path, text.as_bytes(), false) {
            Ok(()) => {
                self.mode = Mode::Normal;
                self.status = Status::Info(format!("Wrote {shown}{since}"));
            }
            Err(e) => {
                self.status = Status::Error(format!(
                    "Not written: {}. Check that the folder exists and can be written to.",
                    message(&e)
                ));
                self.mode = Mode::WriteReport(form);
            }
        }
    }
}
