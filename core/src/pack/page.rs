//! Page one of the board pack, the decision page: where we stand, against what target, what
//! the board is asked to decide, what matters most, and counts that are true. Every figure
//! is worked out here once and put in words through [`crate::figures`]; writers lay it out.

use std::fmt::Write as _;

use serde::Serialize;

use super::Area;
use super::plan::{PlanAction, Priority};
use crate::compare::Comparison;
use crate::figures::{self, Level};
use crate::scoring::{Figures, ScoreReport};

/// How many actions "what matters most" lists.
pub const TOP: usize = 5;

/// Below this known share, page one says the figures are not yet a picture of where we
/// stand.
pub const THIN_COVERAGE: f64 = 0.5;

/// Page one: everything the decision page shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageOne {
    /// Where we stand.
    pub standing: Standing,
    /// Against the target.
    pub against_target: AgainstTarget,
    /// The decisions the board is asked to take, in the plan's order.
    pub decisions: Vec<Decision>,
    /// What matters most: the first [`TOP`] actions of the plan that are not done.
    pub top: Vec<PlanAction>,
    /// The counts page one states, each true of the plan and the figures.
    pub counts: Counts,
    /// The levels, each in one line and in full.
    pub levels: Vec<LevelDefinition>,
}

/// Where we stand.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// The overall level (the lowest area level); `None` when no area has one.
    pub level: Option<u8>,
    /// "Level 1 · Performed", or "No level yet".
    pub level_text: String,
    /// The level's meaning in one line ("the basic practices are done, perhaps ad hoc").
    pub meaning: String,
    /// The format-2 score.
    pub score: Option<f64>,
    /// The known share of the applicable scored items.
    pub coverage: Option<f64>,
    /// "53 %, with 80 % of the scored items known".
    pub score_text: String,
    /// Said when the figures are thin ("Only 1 of 105 scored items is known: …"), or when
    /// nothing is assessed; `None` otherwise.
    pub caution: Option<String>,
    /// The trend, when the pack is compared with an earlier assessment.
    pub trend: Option<Trend>,
}

/// The trend since an earlier assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trend {
    /// The earlier assessment's name.
    pub since: String,
    /// Its last change, as people read it ("20 November 2025, 15:30 UTC").
    pub since_date: String,
    /// The change in whole percentage points shown; `None` when either side has no score.
    pub points: Option<i64>,
    /// The points that come from changed answers.
    pub from_answers: Option<i64>,
    /// The points that come from items answered for the first time (or no longer answered).
    pub from_coverage: Option<i64>,
    /// The level before.
    pub level_before: Option<u8>,
    /// The level now.
    pub level_after: Option<u8>,
    /// "▲ +4 since Acme – 2025 review (20 November 2025, 15:30 UTC): +6 from changed
    /// answers, -2 from items answered for the first time or no longer answered".
    pub text: String,
}

/// Against the target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgainstTarget {
    /// Areas with a level.
    pub areas: usize,
    /// Areas with a target.
    pub with_target: usize,
    /// Areas meeting their target.
    pub meeting: usize,
    /// "3 of 17 areas meet their target", or "No target is set yet (…)"; no full stop.
    pub text: String,
}

/// A decision the board is asked to take.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The decision's wording.
    pub decision: String,
    /// The area's title.
    pub section: String,
    /// The action behind it.
    pub action: String,
    /// The owner, or "no owner yet".
    pub owner_text: String,
    /// The due day as people read it, or "no date".
    pub due_text: String,
}

/// The counts page one states.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Actions in the plan.
    pub actions: usize,
    /// Actions with an owner.
    pub with_owner: usize,
    /// Actions with a due day.
    pub with_due: usize,
    /// Actions done.
    pub done: usize,
    /// Applicable scored items not yet assessed (a workshop's disputed items among them).
    pub not_assessed: usize,
    /// Of those, the items a workshop's respondents answered differently, not yet settled.
    pub disputed: usize,
    /// Applicable scored items answered "Don't know".
    pub dont_know: usize,
    /// Decisions requested.
    pub decisions: usize,
    /// "18 of 45 actions have an owner".
    pub owners_text: String,
    /// "4 items not yet assessed"; in a workshop with open disagreements, "2 items not yet
    /// assessed, and 127 disputed, to settle".
    pub not_assessed_text: String,
    /// "26 answers are \"don't know\"".
    pub dont_know_text: String,
    /// "2 decisions requested", or "No decision requested".
    pub decisions_text: String,
}

/// A level, in one line and in full.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LevelDefinition {
    /// 0–3.
    pub number: u8,
    /// "Managed".
    pub name: &'static str,
    /// One line.
    pub short: &'static str,
    /// In full.
    pub full: &'static str,
}

/// Works out page one from the figures, the areas and the ranked plan.
pub(super) fn page_one(
    score: &ScoreReport,
    areas: &[Area],
    plan: &[PlanAction],
    comparison: Option<&Comparison>,
) -> PageOne {
    let o = &score.overall;
    let decisions: Vec<Decision> = plan
        .iter()
        .filter_map(|r| {
            Some(Decision {
                item: r.item.clone(),
                decision: r.decision.clone()?,
                section: r.section.clone(),
                action: r.action.clone(),
                owner_text: r.owner_text.clone(),
                due_text: r.due_text.clone(),
            })
        })
        .collect();
    let counts = counts(o, score.not_assessed.len(), plan, decisions.len());
    PageOne {
        standing: standing(o, comparison),
        against_target: against_target(areas),
        decisions,
        top: plan
            .iter()
            .filter(|r| r.priority != Priority::Done)
            .take(TOP)
            .cloned()
            .collect(),
        counts,
        levels: Level::ALL
            .iter()
            .map(|l| LevelDefinition {
                number: l.number(),
                name: l.name(),
                short: l.meaning(),
                full: l.definition(),
            })
            .collect(),
    }
}

fn standing(o: &Figures, comparison: Option<&Comparison>) -> Standing {
    let known = o.known();
    let caution = if o.applicable > 0 && o.answered == 0 {
        Some(format!(
            "Nothing is assessed yet: the first action is to assess the {}.",
            figures::count(o.applicable, "scored item", "scored items")
        ))
    } else if o.coverage.is_some_and(|c| c < THIN_COVERAGE) {
        Some(format!(
            "Only {known} of {} {} known: this is not yet a picture of where we stand; \
             assess the rest before relying on these figures.",
            figures::count(o.applicable, "scored item", "scored items"),
            if known == 1 { "is" } else { "are" }
        ))
    } else {
        None
    };
    Standing {
        level: o.level,
        level_text: figures::level_heading(o.level, "No level yet"),
        meaning: o.level.map_or_else(
            || "no scored item applies".to_string(),
            |l| Level::at_most_3(l).meaning().to_string(),
        ),
        score: o.score,
        coverage: o.coverage,
        score_text: format!(
            "{}, with {} of the scored items known",
            figures::percent(o.score),
            figures::percent(o.coverage)
        ),
        caution,
        trend: comparison.map(trend),
    }
}

fn trend(c: &Comparison) -> Trend {
    let change = &c.overall;
    let parts = change.shown_parts();
    let since_date = figures::display_time(&c.before.updated);
    let mut text = format!("{} since {} ({since_date})", change.shown(), c.before.name);
    if let Some(p) = parts {
        let signed = |n: i64| {
            if n > 0 {
                format!("+{n}")
            } else {
                n.to_string()
            }
        };
        let _ = write!(
            text,
            ": {} from changed answers, {} from items answered for the first time or no \
             longer answered",
            signed(p.answers),
            signed(p.coverage)
        );
    }
    Trend {
        since: c.before.name.clone(),
        since_date,
        points: change.shown().points,
        from_answers: parts.map(|p| p.answers),
        from_coverage: parts.map(|p| p.coverage),
        level_before: change.level_before,
        level_after: change.level_after,
        text,
    }
}

fn against_target(areas: &[Area]) -> AgainstTarget {
    let with_level = areas.iter().filter(|a| a.figures.level.is_some()).count();
    let with_target = areas.iter().filter(|a| a.target.is_some()).count();
    let meeting = areas
        .iter()
        .filter(|a| a.meets_target == Some(true))
        .count();
    let text = if with_target == 0 {
        "No target is set yet (the board sets one per area with supplycheck target)".to_string()
    } else {
        format!(
            "{meeting} of {} {} their target",
            figures::count(with_target, "area", "areas"),
            if with_target == 1 { "meets" } else { "meet" }
        )
    };
    AgainstTarget {
        areas: with_level,
        with_target,
        meeting,
        text,
    }
}

fn counts(o: &Figures, not_assessed: usize, plan: &[PlanAction], decisions: usize) -> Counts {
    let actions = plan.len();
    let with_owner = plan.iter().filter(|r| r.owner.is_some()).count();
    let settle = |r: &&PlanAction| r.kind == super::ActionKind::Settle;
    let disputed = plan.iter().filter(settle).count();
    // Disputed scored items are among those not yet assessed; a disputed text answer is not.
    let disputed_scored = plan
        .iter()
        .filter(settle)
        .filter(|r| r.weight.is_some())
        .count();
    Counts {
        actions,
        with_owner,
        with_due: plan.iter().filter(|r| r.due.is_some()).count(),
        done: plan.iter().filter(|r| r.priority == Priority::Done).count(),
        not_assessed,
        disputed,
        dont_know: o.unknown,
        decisions,
        owners_text: format!(
            "{with_owner} of {} {} an owner",
            figures::count(actions, "action", "actions"),
            if actions == 1 { "has" } else { "have" }
        ),
        not_assessed_text: if disputed == 0 {
            format!(
                "{} not yet assessed",
                figures::count(not_assessed, "item", "items")
            )
        } else {
            format!(
                "{} not yet assessed, and {disputed} disputed, to settle",
                figures::count(not_assessed - disputed_scored, "item", "items")
            )
        },
        dont_know_text: format!(
            "{} \"don't know\"",
            match o.unknown {
                1 => "1 answer is".to_string(),
                n => format!("{n} answers are"),
            }
        ),
        decisions_text: match decisions {
            0 => "No decision requested".to_string(),
            n => format!("{} requested", figures::count(n, "decision", "decisions")),
        },
    }
}
