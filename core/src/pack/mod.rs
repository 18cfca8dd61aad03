//! The board pack's content, worked out once from an assessment: page one (the decision
//! page: where we stand, against the target, decisions requested, what matters most, true
//! counts), the ranked action plan, the board's own answers and every answer. The renderers
//! (HTML, Markdown, CSV, JSON, Word) and the app's results screen draw from it; none of them
//! works out a figure again.
//!
//! Every piece of text in a [`BoardPack`] has been through [`crate::text::sanitize`]: no
//! control characters or terminal escape sequences are left, but newlines in notes and
//! answers are kept. Renderers still escape it for their format (HTML, CSV).

mod later;
mod page;
mod plan;
mod suppliers;
mod workshop;

use serde::Serialize;

pub use later::{
    Disagreement, GAP_ITEMS, GapArea, GapItem, GroupFigures, Later, NO_ANSWER, Parked,
    PerceptionGap, Person, RespondentAnswer,
};
pub use page::{
    AgainstTarget, Counts, Decision, LevelDefinition, PageOne, Standing, THIN_COVERAGE, TOP, Trend,
};
pub use plan::{ActionKind, DoneSince, EvidenceRef, NO_OWNER, PlanAction, Priority, Since};
pub use suppliers::{PortfolioSection, SupplierRisk};
pub use workshop::{BOARD_DISAGREEMENTS, BOARD_PARKED};

use crate::assessment::Assessment;
use crate::compare::{self, Comparison};
use crate::questionnaire::{ItemKind, Questionnaire};
use crate::roles::owner_label;
use crate::scoring::{self, Figures, ScoreReport};
use crate::stamp;
use crate::text::{sanitize, sanitize_line};
use crate::walk::{self, Place};
use crate::workspace::Workspace;

pub use crate::figures::{
    CheckRow, Status, answer_label, check_rows, clip, count, describe_answer, display_time,
    level_text, level_words, number, percent, status_of,
};

/// The scoring rule in one paragraph, for readers of a report.
pub const SCORING_RULE: &str = "How the figures are worked out: each scored item takes a value \
from 0 to 1 — the chosen option's value, or for a checklist the share of the applicable checks \
it needs that are ticked (all of them, or the number it requires). A \"Don't know\" answer is \
worth 0. Items answered N/A are left out; text answers are never scored. A score is the \
weighted mean value of every applicable item, an unanswered item counting 0, so the score \
never rises because answers were removed. Beside it, \"known\" is the share of applicable \
items answered with something other than \"Don't know\". An item is achieved when its value \
reaches the questionnaire's pass mark. A section reaches level 1 (Performed), 2 (Managed) or 3 \
(Defined) when every applicable item of that level and of the levels below it is answered \
and achieved; an unanswered item is not achieved. The overall level is the lowest section \
level, because a supply chain is only as strong as its weakest link. Actions are ranked: \
decisions and flagged items, then what blocks an area's next level, then weight × (1 − value).";

/// Who and what the assessment is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssessmentInfo {
    /// The assessment's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The organisation assessed.
    pub organisation: String,
    /// Who gave the answers, if recorded.
    pub respondent: Option<String>,
    /// For a supplier assessment, the supplier, its tier and services in one line
    /// ([`crate::figures::supplier_line`]); `None` for an organisation assessment.
    pub supplier: Option<String>,
    /// When it was created (RFC 3339, as stored).
    pub created: String,
    /// When it last changed (RFC 3339, as stored).
    pub updated: String,
}

/// A questionnaire the assessment uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionnaireInfo {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The version loaded now (the one the figures are worked out against).
    pub version: String,
    /// The version the assessment recorded when it was answered.
    pub answered_version: String,
    /// The document its questions come from.
    pub source: String,
    /// Its pass mark.
    pub pass_mark: f64,
}

/// One area of the assessment: a section of one of its questionnaires.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Area {
    /// `<questionnaire id>/<section id>`.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// The title of the questionnaire it belongs to.
    pub questionnaire: String,
    /// Score, level and progress.
    pub figures: Figures,
    /// The level the board aims for here, when set.
    pub target: Option<u8>,
    /// Whether the level reaches the target; `None` without a target or a level.
    pub meets_target: Option<bool>,
    /// How many levels short of the target (0 when it meets it); `None` without a target.
    pub below_target: Option<u8>,
    /// Whether any applicable item is answered; an area with none is "not assessed", never
    /// shown as a failure.
    pub assessed: bool,
}

/// A weak link: an answered applicable item below the pass mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeakLink {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The question.
    pub prompt: String,
    /// The title of the item's section.
    pub section: String,
    /// Source references.
    pub refs: Vec<String>,
    /// The item's level (1–3).
    pub level: u8,
    /// The item's weight.
    pub weight: f64,
    /// The item's value in [0, 1].
    pub value: f64,
    /// The answer as people read it, e.g. "Partially implemented" or "1 of 3 checks".
    pub answer: String,
    /// The owner role as people read it.
    pub owner: Option<String>,
    /// The note.
    pub note: Option<String>,
}

/// A free-text answer of the board (a text item).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardAnswer {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The question.
    pub prompt: String,
    /// The title of the item's section.
    pub section: String,
    /// The answer, or `None` when not yet answered.
    pub answer: Option<String>,
}

/// One row of the action plan: a gap, or an item flagged for follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The question.
    pub prompt: String,
    /// The title of the item's section.
    pub section: String,
    /// Source references.
    pub refs: Vec<String>,
    /// The item's level (scored items only).
    pub level: Option<u8>,
    /// The item's value, when it has one.
    pub value: Option<f64>,
    /// The answer as people read it.
    pub answer: String,
    /// The owner role as people read it.
    pub owner: Option<String>,
    /// The note.
    pub note: Option<String>,
    /// Flagged for follow-up.
    pub flag: bool,
    /// Below the pass mark (a weakest link).
    pub is_gap: bool,
}

/// One item and its answer, for the "every answer" part of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// `<questionnaire id>/<section id>`.
    pub section_id: String,
    /// The section's title.
    pub section: String,
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// Choice, checklist or text.
    pub kind: &'static str,
    /// The question.
    pub prompt: String,
    /// Source references.
    pub refs: Vec<String>,
    /// The item's level (scored items only).
    pub level: Option<u8>,
    /// The item's weight (scored items only).
    pub weight: Option<f64>,
    /// Where the answer stands.
    pub status: Status,
    /// The answer as people read it ("" when unanswered).
    pub answer: String,
    /// The item's value, when it has one.
    pub value: Option<f64>,
    /// For a checklist: every check and how it was answered.
    pub checks: Vec<CheckRow>,
    /// The note.
    pub note: Option<String>,
    /// The owner role as people read it.
    pub owner: Option<String>,
    /// Flagged for follow-up.
    pub flag: bool,
    /// The day the follow-up is due, `YYYY-MM-DD`.
    pub due: Option<String>,
    /// Where the follow-up stands, when recorded.
    pub follow_up: Option<crate::record::Status>,
    /// The evidence behind the answer.
    pub evidence: Vec<EvidenceRef>,
    /// The wording of the decision the board is asked to take.
    pub decision: Option<String>,
}

/// An item's answer in the earlier assessment a pack is compared with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EarlierAnswer {
    /// The answer as people read it ("" when unanswered, or when the earlier assessment did
    /// not use the item's questionnaire).
    pub answer: String,
    /// The item's value then, when it had one.
    pub value: Option<f64>,
}

/// Everything a board pack shows, as owned data.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoardPack {
    /// Who and what.
    pub assessment: AssessmentInfo,
    /// The questionnaires used, in the assessment's order.
    pub questionnaires: Vec<QuestionnaireInfo>,
    /// The whole assessment's figures.
    pub overall: Figures,
    /// Every section's figures, in questionnaire order.
    pub areas: Vec<Area>,
    /// The weakest links, in the scoring rule's order. The app's results screen lists them;
    /// reports show [`plan`](Self::plan) instead, one list.
    pub weakest_links: Vec<WeakLink>,
    /// How many applicable scored items are not yet answered (the items are listed in
    /// [`ScoreReport::not_assessed`] of [`score`](Self::score)).
    pub not_assessed: usize,
    /// The board's free-text answers: every text item, in questionnaire order.
    pub board_answers: Vec<BoardAnswer>,
    /// The app's action plan: the gaps in the rule's order, then flagged items that are not
    /// gaps, in questionnaire order. Reports use [`plan`](Self::plan), ranked, with
    /// unassessed and "Don't know" items as actions too.
    pub action_plan: Vec<Action>,
    /// Every item and its answer, in questionnaire order.
    pub items: Vec<ItemRow>,
    /// The score report of `supplycheck score --json`.
    pub score: ScoreReport,
    /// The scoring rule in one paragraph ([`SCORING_RULE`]).
    pub scoring_rule: &'static str,
    /// What changed since an earlier assessment, when the pack is compared with one
    /// ([`BoardPack::compared`]); exactly what `supplycheck compare --json` prints.
    pub comparison: Option<Comparison>,
    /// With a comparison: the earlier assessment's answer to each item of
    /// [`items`](Self::items), in the same order. Empty without one.
    pub earlier_answers: Vec<EarlierAnswer>,
    /// Page one, the decision page.
    pub page_one: PageOne,
    /// The action plan: one list, ranked (see [`plan`]); page one's top five are its first
    /// rows that are not done.
    pub plan: Vec<PlanAction>,
    /// With a comparison: the earlier actions that are no longer actions. Empty without one.
    pub done_since: Vec<DoneSince>,
    /// The workshop's sections (where we disagreed, the perception gap, parked items) and
    /// the sections other parts of the product fill.
    pub later: Later,
}

impl BoardPack {
    /// Works out the board pack of an assessment against the workspace's questionnaires.
    pub fn build(ws: &Workspace, a: &Assessment) -> BoardPack {
        Self::from_questionnaires(&ws.questionnaires_of(a), a)
    }

    /// Works out the board pack from the questionnaires themselves (in the assessment's
    /// order); [`BoardPack::build`] looks them up in a workspace.
    pub fn from_questionnaires(questionnaires: &[&Questionnaire], a: &Assessment) -> BoardPack {
        let score = scoring::score(questionnaires, a);
        let mut items = Vec::new();
        let mut board_answers = Vec::new();
        let mut areas = Vec::new();
        let mut section_scores = score.sections.iter();
        for section in walk::sections(questionnaires) {
            let section_id = section.id();
            let section_title = sanitize_line(&section.section.title);
            if let Some(s) = section_scores.next() {
                let level = s.figures.level;
                areas.push(Area {
                    id: s.id.clone(),
                    title: section_title.clone(),
                    questionnaire: sanitize_line(&section.questionnaire.title),
                    figures: s.figures.clone(),
                    target: s.target,
                    meets_target: s.meets_target,
                    below_target: s.target.map(|t| t.saturating_sub(level.unwrap_or(0))),
                    assessed: s.figures.answered > 0,
                });
            }
            for place in section.items() {
                let is_text = place.item.kind == ItemKind::Text;
                let row = item_row(place, &section_id, &section_title, a);
                if is_text {
                    board_answers.push(BoardAnswer {
                        item: row.item.clone(),
                        prompt: row.prompt.clone(),
                        section: row.section.clone(),
                        answer: (row.status == Status::Text).then(|| row.answer.clone()),
                    });
                }
                items.push(row);
            }
        }
        let find = |full: &str| items.iter().find(|r| r.item == full);
        let weakest_links: Vec<WeakLink> = score
            .gaps
            .iter()
            .filter_map(|g| {
                let row = find(&g.item)?;
                Some(WeakLink {
                    item: g.item.clone(),
                    prompt: row.prompt.clone(),
                    section: row.section.clone(),
                    refs: row.refs.clone(),
                    level: g.level,
                    weight: g.weight,
                    value: g.value,
                    answer: row.answer.clone(),
                    owner: row.owner.clone(),
                    note: row.note.clone(),
                })
            })
            .collect();
        let mut action_plan: Vec<Action> = score
            .gaps
            .iter()
            .filter_map(|g| find(&g.item))
            .map(|row| action(row, true))
            .collect();
        action_plan.extend(
            items
                .iter()
                .filter(|r| r.flag && r.status != Status::BelowPassMark)
                .map(|row| action(row, false)),
        );
        let plan = plan::plan(questionnaires, a, &score);
        let page_one = page::page_one(&score, &areas, &plan, None);
        let later = workshop::later(questionnaires, a, &items);
        BoardPack {
            page_one,
            plan,
            done_since: Vec::new(),
            later,
            assessment: AssessmentInfo {
                id: a.id.clone(),
                name: sanitize_line(&a.name),
                organisation: sanitize_line(&a.organisation),
                respondent: a.respondent.as_deref().map(sanitize_line),
                supplier: crate::figures::supplier_line(a),
                created: stamp::stored(&a.created),
                updated: stamp::stored(&a.updated),
            },
            questionnaires: questionnaire_infos(questionnaires, a),
            overall: score.overall.clone(),
            areas,
            weakest_links,
            not_assessed: score.not_assessed.len(),
            board_answers,
            action_plan,
            items,
            score,
            scoring_rule: SCORING_RULE,
            comparison: None,
            earlier_answers: Vec::new(),
        }
    }

    /// Works out the board pack of `a` compared with an earlier assessment, both against
    /// the workspace's questionnaires.
    pub fn build_compared(ws: &Workspace, a: &Assessment, earlier: &Assessment) -> BoardPack {
        Self::compared(
            &ws.questionnaires_of(a),
            a,
            &ws.questionnaires_of(earlier),
            earlier,
        )
    }

    /// Works out the board pack of `a` (against `questionnaires`) with what changed since
    /// `earlier` (against `earlier_questionnaires`): [`BoardPack::comparison`] holds
    /// [`compare::compare`] of the two, and [`BoardPack::earlier_answers`] the earlier
    /// answer to every item.
    pub fn compared(
        questionnaires: &[&Questionnaire],
        a: &Assessment,
        earlier_questionnaires: &[&Questionnaire],
        earlier: &Assessment,
    ) -> BoardPack {
        let mut pack = Self::from_questionnaires(questionnaires, a);
        let comparison = compare::compare(earlier_questionnaires, earlier, questionnaires, a);
        let earlier_plan = plan::plan(
            earlier_questionnaires,
            earlier,
            &scoring::score(earlier_questionnaires, earlier),
        );
        pack.done_since = plan::compare(&mut pack.plan, questionnaires, a, &earlier_plan, earlier);
        pack.page_one = page::page_one(&pack.score, &pack.areas, &pack.plan, Some(&comparison));
        pack.comparison = Some(comparison);
        // Like the comparison, an earlier answer is read against the questionnaire of this
        // pack, and only where the earlier assessment used that questionnaire too.
        for Place {
            questionnaire: q,
            item,
            key,
            ..
        } in walk::items(questionnaires)
        {
            let shared = earlier_questionnaires.iter().any(|e| e.id == q.id);
            let answer = earlier.answer(&key).filter(|_| shared);
            let value = if shared {
                scoring::value_in(q, item, earlier)
            } else {
                scoring::item_value(q, item, None)
            };
            let (status, value) = status_of(q, value);
            pack.earlier_answers.push(EarlierAnswer {
                answer: answer_label(q, item, answer, status),
                value,
            });
        }
        pack
    }

    /// The items of one area (section), by its full id.
    pub fn items_of<'p>(&'p self, section_id: &'p str) -> impl Iterator<Item = &'p ItemRow> {
        self.items
            .iter()
            .filter(move |r| r.section_id == section_id)
    }

    /// An item's row, by its full id (`<questionnaire id>/<item id>`).
    pub fn item(&self, full: &str) -> Option<&ItemRow> {
        self.items.iter().find(|r| r.item == full)
    }

    /// The number of flagged items.
    pub fn flagged(&self) -> usize {
        self.items.iter().filter(|r| r.flag).count()
    }

    /// Each workshop respondent's own answer to an item, in the order of
    /// [`Later::respondents`]: for an item they answered differently, their response ("" when
    /// they gave none); for any other item, the assessment's answer, which everyone who
    /// answered agreed on ("" when unanswered). Empty without respondents.
    pub fn respondent_answers(&self, row: &ItemRow) -> Vec<RespondentAnswer> {
        if let Some(d) = self.later.disagreements.iter().find(|d| d.item == row.item) {
            return d.answers.clone();
        }
        let agreed = if row.status == Status::Unanswered {
            String::new()
        } else {
            row.answer.clone()
        };
        self.later
            .respondents
            .iter()
            .map(|p| RespondentAnswer {
                respondent: p.name.clone(),
                group: p.group.clone(),
                answer: agreed.clone(),
            })
            .collect()
    }
}

fn questionnaire_infos(
    questionnaires: &[&Questionnaire],
    a: &Assessment,
) -> Vec<QuestionnaireInfo> {
    questionnaires
        .iter()
        .map(|q| QuestionnaireInfo {
            id: q.id.clone(),
            title: sanitize_line(&q.title),
            version: sanitize_line(&q.version),
            answered_version: a
                .questionnaires
                .iter()
                .find(|r| r.id == q.id)
                .map_or_else(|| q.version.clone(), |r| sanitize_line(&r.version)),
            source: sanitize_line(&q.source),
            pass_mark: q.pass_mark,
        })
        .collect()
}

fn action(row: &ItemRow, is_gap: bool) -> Action {
    Action {
        item: row.item.clone(),
        prompt: row.prompt.clone(),
        section: row.section.clone(),
        refs: row.refs.clone(),
        level: row.level,
        value: row.value,
        answer: row.answer.clone(),
        owner: row.owner.clone(),
        note: row.note.clone(),
        flag: row.flag,
        is_gap,
    }
}

fn item_row(place: Place<'_>, section_id: &str, section_title: &str, a: &Assessment) -> ItemRow {
    let Place {
        questionnaire: q,
        item,
        key,
        ..
    } = place;
    let answer = a.answer(&key);
    let (status, number) = status_of(q, scoring::value_in(q, item, a));
    let scored = item.is_scored();
    ItemRow {
        questionnaire: q.id.clone(),
        section_id: section_id.to_string(),
        section: section_title.to_string(),
        item: key.into(),
        kind: item.kind.as_str(),
        prompt: sanitize_line(&item.prompt),
        refs: item.refs.iter().map(|r| sanitize_line(r)).collect(),
        level: scored.then(|| item.level()),
        weight: scored.then(|| item.weight()),
        status,
        answer: answer_label(q, item, answer, status),
        value: number,
        checks: check_rows(item, answer),
        note: answer
            .and_then(|x| x.note.as_deref())
            .map(|n| sanitize(n).trim().to_string())
            .filter(|n| !n.is_empty()),
        owner: answer
            .and_then(|x| x.owner.as_deref())
            .filter(|o| !o.trim().is_empty())
            .map(owner_label),
        flag: answer.is_some_and(|x| x.flag),
        due: answer.and_then(|x| x.due).map(|d| d.to_string()),
        follow_up: answer.and_then(|x| x.status),
        evidence: plan::evidence_refs(answer),
        decision: answer.and_then(plan::decision),
    }
}

#[cfg(test)]
mod paper_tests;

#[cfg(test)]
mod tests;
