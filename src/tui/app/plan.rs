//! The session plan in the app: the dialog that chooses a session's sections and time boxes
//! (saved into the assessment's `plan`, undoable), the time spent in each section, the
//! status line's pace, the one notice at the end of a box, and `u` keeping to the plan.
//! The time comes from [`App::now`], which the event loop sets; nothing here reads a clock.

use std::time::Duration;

use crate::plan::{self, Pace};
use crate::record::{Session, TimeBox};
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{App, Mode, OpenAssessment};

/// The minutes a section gets when it is ticked without typing any.
pub const DEFAULT_MINUTES: u32 = 15;

/// One section of the plan dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanRow {
    /// The section's full id, `<questionnaire>/<section>`.
    pub section: String,
    /// The questionnaire's title, safe to show.
    pub questionnaire: String,
    /// The section's title, safe to show.
    pub title: String,
    /// Its time box in this session; `None`: the session does not cover it.
    pub minutes: Option<u32>,
}

/// The plan dialog: one session's name and the sections it covers with their time boxes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanForm {
    /// The session edited: an index into the plan (its length for a new session).
    pub session: usize,
    /// How many sessions the plan has.
    pub sessions: usize,
    /// The session's name.
    pub name: Editor,
    /// Every section of the assessment, in questionnaire order.
    pub rows: Vec<PlanRow>,
    /// The row with focus: 0 is the name, then the sections.
    pub row: usize,
    /// The focused row's minutes are as ticked or as they were: the next digit typed
    /// replaces them, like a selected input.
    pub fresh: bool,
}

impl PlanForm {
    /// The dialog for session `index` of `open`'s plan (a new one past the last).
    fn of(open: &OpenAssessment, index: usize) -> Self {
        let plan = &open.session.assessment.plan;
        let session = plan.get(index);
        let rows = (0..open.sections.len())
            .filter_map(|n| {
                let (q, s) = open.section(n)?;
                let section = format!("{}/{}", q.id, s.id);
                let minutes = session.and_then(|p| {
                    p.sections
                        .iter()
                        .find(|tb| tb.section == section)
                        .map(|tb| tb.minutes)
                });
                Some(PlanRow {
                    section,
                    questionnaire: sanitize_line(&q.title),
                    title: sanitize_line(&s.title),
                    minutes,
                })
            })
            .collect();
        let name = session.and_then(|s| s.name.as_deref()).unwrap_or_default();
        Self {
            session: index.min(plan.len()),
            sessions: plan.len(),
            name: Editor::new(&sanitize_line(name)),
            rows,
            row: 0,
            fresh: true,
        }
    }

    /// The total of the time boxes chosen, in minutes.
    pub fn total(&self) -> u64 {
        self.rows
            .iter()
            .filter_map(|r| r.minutes)
            .map(u64::from)
            .sum()
    }

    /// The session as the dialog has it. Sections keep the plan's order where the session
    /// had them, new ones follow in questionnaire order.
    fn session(&self, before: Option<&Session>) -> Session {
        let name = self.name.text().trim().to_string();
        let chosen = |section: &str| {
            self.rows
                .iter()
                .find(|r| r.section == section)
                .and_then(|r| r.minutes)
        };
        let mut sections: Vec<TimeBox> = before
            .map(|s| {
                s.sections
                    .iter()
                    .filter_map(|tb| {
                        chosen(&tb.section).map(|minutes| TimeBox {
                            section: tb.section.clone(),
                            minutes,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        for r in &self.rows {
            if let Some(minutes) = r.minutes
                && !sections.iter().any(|tb| tb.section == r.section)
            {
                sections.push(TimeBox {
                    section: r.section.clone(),
                    minutes,
                });
            }
        }
        Session {
            name: (!name.is_empty()).then_some(name),
            sections,
        }
    }
}

/// The time spent in each section of the open assessment while its plan is set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlanTimer {
    /// The assessment the times are of.
    pub assessment: String,
    /// The session in force: an index into the plan.
    pub session: usize,
    /// [`App::now`] when time was last counted.
    pub last: Option<Duration>,
    /// The time spent so far in each section, by full id.
    pub spent: Vec<(String, Duration)>,
    /// The sections whose box has ended and been said so (said once each).
    pub told: Vec<String>,
}

impl PlanTimer {
    fn add(&mut self, section: &str, d: Duration) {
        match self.spent.iter_mut().find(|(s, _)| s == section) {
            Some((_, t)) => *t += d,
            None => self.spent.push((section.to_string(), d)),
        }
    }
}

impl App {
    /// Opens the plan dialog on the session in force.
    pub(super) fn ask_plan(&mut self) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        self.mode = Mode::Plan(PlanForm::of(open, self.timer.session));
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_plan(&mut self, mut form: PlanForm, action: Action) {
        let action = if form.row == 0 {
            match form.name.edit_line(action) {
                Ok(_) => {
                    self.mode = Mode::Plan(form);
                    return;
                }
                Err(action) => action,
            }
        } else {
            action
        };
        let last = form.rows.len();
        match action {
            Action::Back | Action::BackOrQuit => {
                self.mode = Mode::Normal;
                self.info("The plan is as it was.");
                return;
            }
            Action::Confirm => {
                self.mode = Mode::Normal;
                self.save_plan(&form);
                return;
            }
            Action::Up => {
                form.row = form.row.saturating_sub(1);
                form.fresh = true;
            }
            Action::Down => {
                form.row = (form.row + 1).min(last);
                form.fresh = true;
            }
            Action::NextSession => {
                let next = if form.session >= form.sessions {
                    0
                } else {
                    form.session + 1
                };
                if let Some(open) = self.open.as_ref() {
                    form = PlanForm::of(open, next);
                }
            }
            _ if form.row == 0 => {}
            Action::Input(' ') | Action::Toggle => {
                if let Some(r) = form.rows.get_mut(form.row - 1) {
                    r.minutes = match r.minutes {
                        Some(_) => None,
                        None => Some(DEFAULT_MINUTES),
                    };
                }
                form.fresh = true;
            }
            Action::Input(c) => {
                if let (Some(d), Some(r)) = (c.to_digit(10), form.rows.get_mut(form.row - 1)) {
                    let before = if form.fresh {
                        0
                    } else {
                        r.minutes.unwrap_or(0)
                    };
                    let typed = u64::from(before) * 10 + u64::from(d);
                    match plan::minutes_problem(typed) {
                        None => {
                            r.minutes = u32::try_from(typed).ok();
                            form.fresh = false;
                        }
                        Some(problem) if typed > 0 => self.info(format!("{}.", capital(&problem))),
                        Some(_) => {}
                    }
                }
            }
            Action::Backspace | Action::DeleteChar => {
                form.fresh = false;
                if let Some(r) = form.rows.get_mut(form.row - 1) {
                    r.minutes = r.minutes.map(|m| m / 10).filter(|m| *m > 0);
                }
            }
            _ => {}
        }
        self.mode = Mode::Plan(form);
    }

    /// Puts the dialog's session into the plan (an empty one takes the session out), saved
    /// like any change and undoable.
    fn save_plan(&mut self, form: &PlanForm) {
        let Some(open) = self.open.as_ref() else {
            return;
        };
        let plan = &open.session.assessment.plan;
        let session = form.session(plan.get(form.session));
        let clash = session.name.as_deref().is_some_and(|name| {
            plan.iter().enumerate().any(|(n, s)| {
                n != form.session
                    && s.name
                        .as_deref()
                        .is_some_and(|o| o.trim().eq_ignore_ascii_case(name))
            })
        });
        if clash {
            self.mode = Mode::Plan(form.clone());
            self.info("Another session has this name; give this one its own.");
            return;
        }
        let mut new_plan = plan.clone();
        let words = if session.sections.is_empty() {
            if form.session < new_plan.len() {
                new_plan.remove(form.session);
            }
            "Session taken out of the plan.".to_string()
        } else {
            let total = crate::figures::minutes_words(form.total());
            let label = plan::session_label(&session, form.session);
            let count = crate::figures::count(session.sections.len(), "section", "sections");
            if form.session < new_plan.len() {
                new_plan[form.session] = session;
            } else {
                new_plan.push(session);
            }
            format!("Session {label} planned: {count}, {total}.")
        };
        if new_plan == *plan {
            self.info("The plan is as it was.");
            return;
        }
        self.record_edit("session plan");
        if let Some(open) = self.open.as_mut() {
            open.session.assessment.plan = new_plan;
            let sessions = open.session.assessment.plan.len();
            self.timer.session = form.session.min(sessions.saturating_sub(1));
        }
        self.timer.told.clear();
        self.info(words);
        self.commit();
    }

    /// Counts the time since it was last counted to the current section, while the open
    /// assessment has a plan.
    pub(super) fn keep_time(&mut self) {
        let now = self.now;
        let Some(open) = self.open.as_ref() else {
            self.timer.last = None;
            return;
        };
        let id = &open.session.assessment.id;
        if self.timer.assessment != *id {
            self.timer = PlanTimer {
                assessment: id.clone(),
                last: Some(now),
                ..PlanTimer::default()
            };
            return;
        }
        let section = open.section_id(open.current_section());
        if let (false, Some(last), Some(section)) = (
            open.session.assessment.plan.is_empty(),
            self.timer.last,
            section,
        ) {
            self.timer.add(&section, now.saturating_sub(last));
        }
        self.timer.last = Some(now);
    }

    /// The session in force, if the open assessment has a plan.
    pub fn plan_session(&self) -> Option<&Session> {
        let plan = &self.open.as_ref()?.session.assessment.plan;
        plan.get(self.timer.session).or_else(|| plan.first())
    }

    /// Where the session in force stands at the current section; `None` without a plan or
    /// when the current section is not in the session.
    pub fn pace(&self) -> Option<Pace> {
        let open = self.open.as_ref()?;
        let session = self.plan_session()?;
        let current = open.section_id(open.current_section())?;
        let spent: Vec<(&str, Duration)> = self
            .timer
            .spent
            .iter()
            .map(|(s, d)| (s.as_str(), *d))
            .collect();
        plan::pace(session, &spent, &current)
    }

    /// Says once, when the current section's box has ended, that its time is up.
    pub(super) fn tell_time_up(&mut self) {
        let Some(p) = self.pace() else {
            return;
        };
        if !p.left.is_zero() || self.timer.told.contains(&p.section) {
            return;
        }
        self.timer.told.push(p.section.clone());
        let title = self
            .open
            .as_ref()
            .and_then(|o| o.section(o.current_section()))
            .map(|(_, s)| sanitize_line(&s.title))
            .unwrap_or_default();
        let minutes = crate::figures::minutes_up(p.planned);
        let session = if p.on_time {
            "the session is on time".to_string()
        } else {
            format!(
                "the session is {} behind",
                crate::figures::minutes_up(p.behind)
            )
        };
        self.info(format!(
            "Time is up for {title} ({minutes}); {session}. Park what is open (P) and move on."
        ));
    }

    /// The items `u` looks through, in the order it does: with a plan, those of the session
    /// in force's sections in the plan's order; without one (or when the session has no
    /// section of this assessment), `None`: every item.
    pub fn planned_items(&self) -> Option<Vec<usize>> {
        let open = self.open.as_ref()?;
        let session = self.plan_session()?;
        let items: Vec<usize> = session
            .sections
            .iter()
            .filter_map(|tb| {
                (0..open.sections.len())
                    .find(|n| open.section_id(*n).as_deref() == Some(&tb.section))
            })
            .filter_map(|n| open.sections.get(n))
            .flat_map(|pos| pos.first..pos.first + pos.len)
            .collect();
        (!items.is_empty()).then_some(items)
    }

    /// `u` with a plan: the next item without an answer in the session's sections, after
    /// the current one in the plan's order (round to the first); when every one of them has
    /// an answer, the next one anywhere.
    pub(super) fn next_planned(&mut self) {
        let Some((open, items)) = self.open.as_ref().zip(self.planned_items()) else {
            return;
        };
        let start = items
            .iter()
            .position(|n| *n == open.current)
            .map_or(0, |p| p + 1);
        let next = items[start..]
            .iter()
            .chain(&items[..start])
            .copied()
            .find(|n| open.value_at(*n).needs_answer());
        if let Some(n) = next {
            if n == open.current {
                self.info("This is the only item of this session without an answer.");
            }
            self.go_to(n);
            return;
        }
        let len = open.items.len();
        let anywhere = (1..=len)
            .map(|k| (open.current + k) % len.max(1))
            .find(|i| open.value_at(*i).needs_answer());
        match anywhere {
            Some(n) => {
                self.go_to(n);
                self.info(
                    "Every item of this session's sections has an answer; this one is outside \
                     the plan.",
                );
            }
            None => self.info("Every item has an answer. Press r for the results."),
        }
    }
}

/// `text` with its first letter in capitals.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}
