//! The action plan: one list of what to do, each row an action in the imperative with its
//! owner, due day, status and evidence, ranked by what a board weighs.
//!
//! What is an action: every answered applicable item below the pass mark ("Don't know"
//! included: "Find out: …"), every applicable item not yet assessed ("Assess: …"), and every
//! item flagged for follow-up or carrying a decision for the board.
//!
//! The ranking: decisions requested, then flagged items; then items that keep their area from
//! its next level (scoring's `blocking`), areas furthest below their target first; then the
//! rest by weight × shortfall. Within a rank, the larger weight × shortfall first, then
//! questionnaire order. Actions whose status is `done` come last.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::assessment::{Answer, Assessment};
use crate::figures::{self, Status};
use crate::questionnaire::{ItemKind, Questionnaire};
use crate::record;
use crate::roles::owner_label;
use crate::scoring::{self, ItemValue, ScoreReport};
use crate::text::{sanitize, sanitize_line};
use crate::walk::{self, Place};

/// What kind of action a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActionKind {
    /// Answered below the pass mark: improve the practice.
    Improve,
    /// Answered "Don't know": find out.
    FindOut,
    /// Not yet assessed: assess.
    Assess,
    /// Respondents of a workshop answered it differently (or not all of them) and it is not
    /// settled yet: settle it in the room.
    Settle,
    /// Achieved, N/A or a text item, but flagged or carrying a decision: follow up.
    FollowUp,
}

/// Why an action ranks where it does, highest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Priority {
    /// The board is asked to take a decision on it.
    Decision,
    /// Flagged for follow-up.
    Flagged,
    /// Keeps its area from its next level.
    Blocking,
    /// Any other shortfall, by weight × shortfall.
    Shortfall,
    /// Its status is `done`.
    Done,
}

/// A piece of evidence as a report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceRef {
    /// The document name, path or link (sanitised; escape it for the format).
    pub reference: String,
    /// The day it was last reviewed, as people read it ("1 October 2026").
    pub reviewed: Option<String>,
}

impl EvidenceRef {
    /// A list of evidence in one line, as every writer shows it: "SOC 2 report (reviewed
    /// 1 October 2026); Supplier register.xlsx".
    pub fn listed(evidence: &[EvidenceRef]) -> String {
        evidence
            .iter()
            .map(|e| match &e.reviewed {
                Some(day) => format!("{} (reviewed {day})", e.reference),
                None => e.reference.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// Where an action stands against the earlier assessment a pack is compared with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Since {
    /// Not an action in the earlier assessment.
    New,
    /// Already an action in the earlier assessment.
    CarriedOver {
        /// The earlier assessment's day, as people read it ("20 November 2025").
        since: String,
        /// Whole months between the two assessments' last changes.
        months: i64,
    },
}

/// One row of the action plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanAction {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The area's full id, `<questionnaire id>/<section id>`.
    pub area: String,
    /// The area's (section's) title.
    pub section: String,
    /// What to do, in the imperative: the questionnaire's `action`, else the prompt;
    /// "Assess: …" for an item not yet assessed, "Find out: …" for "Don't know".
    pub action: String,
    /// What kind of action it is.
    pub kind: ActionKind,
    /// Why it ranks where it does.
    pub priority: Priority,
    /// The reason in words: "Decision requested", "Flagged for follow-up", "Blocks level 2
    /// in 3. Contract (target 3)", "Below the pass mark at level 1", "Not yet assessed",
    /// "Answered \"Don't know\"", "Done".
    pub why: String,
    /// The question.
    pub prompt: String,
    /// The item's level (scored items only).
    pub level: Option<u8>,
    /// The item's weight (scored items only).
    pub weight: Option<f64>,
    /// The item's value, when it has one (never shown as a percentage).
    pub value: Option<f64>,
    /// Weight × shortfall, the ranking's last measure (0 for an item without a value).
    pub shortfall: f64,
    /// Where the answer stands; [`Status::Unanswered`] reads "not assessed".
    pub answer_status: Status,
    /// The answer in words ("Partially implemented", "1 of 3 checks in place"; "" when
    /// not assessed).
    pub answer: String,
    /// For a checklist: the applicable checks not ticked, by their text.
    pub missing_checks: Vec<String>,
    /// The owner as people read it (a CFCS role's name, or the user's own words).
    pub owner: Option<String>,
    /// The owner, or "no owner yet".
    pub owner_text: String,
    /// The due day, `YYYY-MM-DD`.
    pub due: Option<String>,
    /// The due day as people read it ("31 January 2027"), or "no date".
    pub due_text: String,
    /// Where the follow-up stands (open when none is recorded).
    pub status: record::Status,
    /// The status in words: "open", "in progress", "done".
    pub status_text: &'static str,
    /// The evidence behind the answer.
    pub evidence: Vec<EvidenceRef>,
    /// The questionnaire's title (where the item comes from).
    pub source: String,
    /// The item's references in its source document ("CFCS 1.3").
    pub refs: Vec<String>,
    /// The note on the answer.
    pub note: Option<String>,
    /// The wording of the decision the board is asked to take.
    pub decision: Option<String>,
    /// Flagged for follow-up.
    pub flag: bool,
    /// With a comparison: new, or carried over (and for how long).
    pub since: Option<Since>,
    /// [`since`](Self::since) in words: "new", "carried over for 12 months" ("carried over
    /// since 20 November 2025" within a month); `None` without a comparison.
    pub since_text: Option<String>,
}

/// An earlier action that is no longer one: improved, assessed, found out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DoneSince {
    /// `<questionnaire id>/<item id>`, as the later questionnaire names it.
    pub item: String,
    /// The area's (section's) title.
    pub section: String,
    /// What the action was.
    pub action: String,
    /// The answer then, in words ("" when not assessed).
    pub answer_before: String,
    /// The answer now, in words.
    pub answer_now: String,
}

/// Works out the action plan of `a`, ranked.
pub(super) fn plan(qs: &[&Questionnaire], a: &Assessment, score: &ScoreReport) -> Vec<PlanAction> {
    let gap: HashSet<&str> = score.gaps.iter().map(|g| g.item.as_str()).collect();
    let unassessed: HashSet<&str> = score.not_assessed.iter().map(String::as_str).collect();
    let mut rows: Vec<PlanAction> = walk::items(qs)
        .filter_map(|place| {
            let key = place.key.as_str();
            // An item not asked of this subject (N/A by rule) asks for no action or decision,
            // whatever its kept answer holds.
            if !crate::applies::applies(place.questionnaire, place.item, a) {
                return None;
            }
            let answer = a.answer(key);
            let value = scoring::item_value(place.questionnaire, place.item, answer);
            // A disputed item not settled yet (a board text answer too) is the room's to settle.
            let kind = if a.disputed(key) && !answer.is_some_and(Answer::is_answered) {
                ActionKind::Settle
            } else if unassessed.contains(key) {
                ActionKind::Assess
            } else if gap.contains(key) {
                if value == ItemValue::Unknown {
                    ActionKind::FindOut
                } else {
                    ActionKind::Improve
                }
            } else if answer.is_some_and(|x| x.flag || decision(x).is_some()) {
                ActionKind::FollowUp
            } else {
                return None;
            };
            Some(row(&place, answer, value, kind, score))
        })
        .collect();
    rank(&mut rows, score);
    rows
}

/// The decision an answer asks for, sanitised; `None` when blank.
pub(super) fn decision(answer: &Answer) -> Option<String> {
    answer
        .decision
        .as_deref()
        .map(|d| sanitize_line(d).trim().to_string())
        .filter(|d| !d.is_empty())
}

/// The evidence behind an answer, as a report shows it.
pub(super) fn evidence_refs(answer: Option<&Answer>) -> Vec<EvidenceRef> {
    answer
        .map(|x| {
            x.evidence
                .iter()
                .map(|e| EvidenceRef {
                    reference: sanitize_line(&e.reference),
                    reviewed: e.reviewed.map(figures::day),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// One row of the plan, not yet ranked.
fn row(
    place: &Place<'_>,
    answer: Option<&Answer>,
    value: ItemValue,
    kind: ActionKind,
    score: &ScoreReport,
) -> PlanAction {
    let (q, item, key) = (place.questionnaire, place.item, place.key.as_str());
    let decision = answer.and_then(decision);
    let flag = answer.is_some_and(|x| x.flag);
    {
        let section_id = format!("{}/{}", q.id, place.section.id);
        let section = score.section(&section_id);
        let (status, number) = figures::status_of(q, value);
        let prompt = sanitize_line(&item.prompt);
        let own = item
            .action
            .as_deref()
            .map(sanitize_line)
            .filter(|x| !x.trim().is_empty())
            .unwrap_or_else(|| prompt.clone());
        let action = match kind {
            ActionKind::Assess => format!("Assess: {prompt}"),
            ActionKind::Settle => format!("Settle: {prompt}"),
            ActionKind::FindOut => format!("Find out: {prompt}"),
            ActionKind::Improve | ActionKind::FollowUp => own,
        };
        let scored = item.is_scored();
        let weight = scored.then(|| item.weight());
        let shortfall = match kind {
            ActionKind::FollowUp => 0.0,
            _ => weight.unwrap_or(0.0) * (1.0 - number.unwrap_or(0.0)),
        };
        let follow = answer
            .and_then(|x| x.status)
            .unwrap_or(record::Status::Open);
        let blocking = section.is_some_and(|s| s.blocking.iter().any(|b| b == key));
        let priority = if follow == record::Status::Done {
            Priority::Done
        } else if decision.is_some() {
            Priority::Decision
        } else if flag {
            Priority::Flagged
        } else if blocking {
            Priority::Blocking
        } else {
            Priority::Shortfall
        };
        let level = scored.then(|| item.level());
        let why = why(priority, kind, status, level, section, &place.section.title);
        let due = answer.and_then(|x| x.due);
        let owner = answer
            .and_then(|x| x.owner.as_deref())
            .filter(|o| !o.trim().is_empty())
            .map(owner_label);
        PlanAction {
            item: key.to_string(),
            area: section_id,
            section: sanitize_line(&place.section.title),
            action,
            kind,
            priority,
            why,
            prompt,
            level,
            weight,
            value: number,
            shortfall,
            answer_status: status,
            answer: figures::answer_label(q, item, answer, status),
            missing_checks: missing_checks(item, answer),
            owner_text: owner.clone().unwrap_or_else(|| NO_OWNER.to_string()),
            owner,
            due: due.map(|d| d.to_string()),
            due_text: due.map_or_else(|| "no date".to_string(), figures::day),
            status: follow,
            status_text: figures::follow_up_status(follow),
            evidence: evidence_refs(answer),
            source: sanitize_line(&q.title),
            refs: item.refs.iter().map(|r| sanitize_line(r)).collect(),
            note: answer
                .and_then(|x| x.note.as_deref())
                .map(|n| sanitize(n).trim().to_string())
                .filter(|n| !n.is_empty()),
            decision,
            flag,
            since: None,
            since_text: None,
        }
    }
}

/// Why an action ranks where it does, in words.
fn why(
    priority: Priority,
    kind: ActionKind,
    status: Status,
    level: Option<u8>,
    section: Option<&crate::scoring::SectionScore>,
    section_title: &str,
) -> String {
    match priority {
        Priority::Done => "Done".to_string(),
        Priority::Decision => "Decision requested".to_string(),
        Priority::Flagged => "Flagged for follow-up".to_string(),
        Priority::Blocking => {
            let next = section
                .and_then(|s| s.figures.level)
                .map_or(1, |l| l.saturating_add(1));
            let target = section
                .and_then(|s| s.target)
                .map(|t| format!(" (target {t})"))
                .unwrap_or_default();
            format!(
                "Blocks level {next} in {}{target}",
                sanitize_line(section_title)
            )
        }
        Priority::Shortfall => match kind {
            ActionKind::Assess => "Not yet assessed".to_string(),
            ActionKind::Settle => "Respondents disagree; not settled yet".to_string(),
            ActionKind::FindOut => "Answered \"Don't know\"".to_string(),
            _ => figures::group_heading(status, level),
        },
    }
}

/// Sorts the rows by the ranking (see the module's documentation).
fn rank(rows: &mut [PlanAction], score: &ScoreReport) {
    // How far each area is below its target: the further, the sooner.
    let below = |area: &str| {
        score.section(area).map_or(0, |s| {
            let level = s.figures.level.unwrap_or(0);
            s.target.map_or(0, |t| t.saturating_sub(level))
        })
    };
    let area_level = |area: &str| {
        score
            .section(area)
            .and_then(|s| s.figures.level)
            .unwrap_or(0)
    };
    // A stable sort: equal rows stay in questionnaire order.
    rows.sort_by(|x, y| {
        x.priority
            .cmp(&y.priority)
            .then_with(|| {
                if x.priority == Priority::Blocking {
                    below(&y.area)
                        .cmp(&below(&x.area))
                        .then_with(|| area_level(&x.area).cmp(&area_level(&y.area)))
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then_with(|| y.shortfall.total_cmp(&x.shortfall))
    });
}

/// What an action without an owner says in the owner's place.
pub const NO_OWNER: &str = "no owner yet";

fn missing_checks(
    item: &crate::questionnaire::Item,
    answer: Option<&crate::assessment::Answer>,
) -> Vec<String> {
    if item.kind != ItemKind::Checklist {
        return Vec::new();
    }
    figures::check_rows(item, answer)
        .into_iter()
        .filter(|c| !c.ticked && !c.na)
        .map(|c| c.text)
        .collect()
}

/// Marks each action of `rows` (the plan of `a`, against `qs`) new or carried over from
/// `earlier_rows` (the plan of `earlier`), and lists the earlier actions that are no longer
/// actions. An item is the same across questionnaire versions by its id or its `was`.
pub(super) fn compare(
    rows: &mut [PlanAction],
    qs: &[&Questionnaire],
    a: &Assessment,
    earlier_rows: &[PlanAction],
    earlier: &Assessment,
) -> Vec<DoneSince> {
    let since = figures::day(earlier.updated.to_zoned(jiff::tz::TimeZone::UTC).date());
    let months = months_between(earlier, a);
    let mut done = Vec::new();
    let earlier_by_key: HashMap<&str, &PlanAction> =
        earlier_rows.iter().map(|r| (r.item.as_str(), r)).collect();
    for place in walk::items(qs) {
        let (q, item) = (place.questionnaire, place.item);
        let before = std::iter::once(&item.id).chain(&item.was).find_map(|id| {
            earlier_by_key
                .get(format!("{}/{id}", q.id).as_str())
                .copied()
        });
        match rows.iter_mut().find(|r| r.item == place.key.as_str()) {
            Some(row) => {
                let (state, text) = if before.is_some() {
                    let text = match months {
                        0 => format!("carried over since {since}"),
                        1 => "carried over for 1 month".to_string(),
                        m => format!("carried over for {m} months"),
                    };
                    let state = Since::CarriedOver {
                        since: since.clone(),
                        months,
                    };
                    (state, text)
                } else {
                    (Since::New, "new".to_string())
                };
                row.since = Some(state);
                row.since_text = Some(text);
            }
            None => {
                if let Some(b) = before {
                    done.push(DoneSince {
                        item: place.key.to_string(),
                        section: sanitize_line(&place.section.title),
                        action: b.action.clone(),
                        answer_before: b.answer.clone(),
                        answer_now: figures::describe_answer(q, item, a.answer(&place.key)),
                    });
                }
            }
        }
    }
    done
}

/// Whole months from the earlier assessment's last change to the later one's (0 when the
/// later is not later).
fn months_between(earlier: &Assessment, a: &Assessment) -> i64 {
    let from = earlier.updated.to_zoned(jiff::tz::TimeZone::UTC).date();
    let to = a.updated.to_zoned(jiff::tz::TimeZone::UTC).date();
    from.until((jiff::Unit::Month, to))
        .map_or(0, |span| i64::from(span.get_months()).max(0))
}
