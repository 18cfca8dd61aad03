//! The maturity model: a pure function from (questionnaires, assessment) to a [`ScoreReport`],
//! exactly as the scoring rule (score format 2) in the README says.

use serde::Serialize;

use crate::applies::applies;
use crate::assessment::{Answer, Assessment};
use crate::key::ItemKey;
use crate::level::Level;
use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::walk::{self, Place};

/// The format tag of `supplycheck score --json`.
pub const SCORE_FORMAT: &str = "supplycheck.score/2";

/// The value of one item under an assessment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemValue {
    /// No answer yet (or an answer that does not fit the item).
    Unanswered,
    /// Answered N/A (or a checklist with every check N/A): left out of every figure.
    NotApplicable,
    /// Answered, with a value in [0, 1].
    Value(f64),
    /// Answered with an option marked unknown ("Don't know"): value 0, not known.
    Unknown,
    /// A text item: never scored. `true` when it has an answer.
    Text(bool),
    /// The item's `when` condition does not hold: not asked, and left out of every figure
    /// as if the item were not there (N/A by rule, never the user's N/A). An answer it has
    /// is kept and counts again when the condition holds again.
    ByRule,
}

impl ItemValue {
    /// Whether the item counts as answered (N/A and "Don't know" do).
    pub fn is_answered(self) -> bool {
        matches!(
            self,
            ItemValue::NotApplicable
                | ItemValue::Value(_)
                | ItemValue::Unknown
                | ItemValue::Text(true)
        )
    }

    /// Whether the item waits for an answer: unanswered, and not left out by its condition.
    pub fn needs_answer(self) -> bool {
        !self.is_answered() && self != ItemValue::ByRule
    }

    /// The value that counts in a score: the answer's value, 0 for "Don't know"; `None`
    /// when unanswered, N/A or text.
    pub fn number(self) -> Option<f64> {
        match self {
            ItemValue::Value(v) => Some(v),
            ItemValue::Unknown => Some(0.0),
            _ => None,
        }
    }
}

/// The value of `item` in `assessment`: [`ItemValue::ByRule`] when its condition does not
/// hold ([`crate::applies`]), else the value its answer gives it ([`item_value`]).
pub fn value_in(q: &Questionnaire, item: &Item, assessment: &Assessment) -> ItemValue {
    if applies(q, item, assessment) {
        item_value(q, item, assessment.answer(&ItemKey::new(&q.id, &item.id)))
    } else {
        ItemValue::ByRule
    }
}

/// The value an answer gives an item, per the scoring rule (whether the item applies is
/// not asked here; see [`value_in`]).
pub fn item_value(q: &Questionnaire, item: &Item, answer: Option<&Answer>) -> ItemValue {
    let Some(a) = answer else {
        return if item.kind == ItemKind::Text {
            ItemValue::Text(false)
        } else {
            ItemValue::Unanswered
        };
    };
    match item.kind {
        ItemKind::Text => ItemValue::Text(a.text().is_some_and(|t| !t.trim().is_empty())),
        _ if a.is_na() => {
            if item.allows_na() {
                ItemValue::NotApplicable
            } else {
                ItemValue::Unanswered
            }
        }
        ItemKind::Choice => a
            .choice()
            .and_then(|key| q.options(item).iter().find(|o| o.key == key))
            .map_or(ItemValue::Unanswered, |o| {
                if o.is_unknown() {
                    ItemValue::Unknown
                } else {
                    ItemValue::Value(o.value)
                }
            }),
        ItemKind::Checklist => {
            let Some(checked) = a.ticked() else {
                return ItemValue::Unanswered;
            };
            let applicable: Vec<&str> = item
                .checks
                .iter()
                .map(|c| c.id.as_str())
                .filter(|id| !a.is_check_na(id))
                .collect();
            if applicable.is_empty() {
                return ItemValue::NotApplicable;
            }
            let ticked = applicable
                .iter()
                .filter(|id| checked.iter().any(|c| c == *id))
                .count();
            let needed = item
                .required
                .and_then(|r| usize::try_from(r).ok())
                .filter(|r| *r >= 1)
                .map_or(applicable.len(), |r| r.min(applicable.len()));
            ItemValue::Value((ticked as f64 / needed as f64).min(1.0))
        }
    }
}

/// The score report of FORMATS.md (`supplycheck.score/2`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreReport {
    /// Always [`SCORE_FORMAT`].
    pub format: &'static str,
    /// The assessment's id.
    pub assessment: String,
    /// Figures for the whole assessment.
    pub overall: Figures,
    /// Figures per section, in questionnaire order.
    pub sections: Vec<SectionScore>,
    /// The weakest links, in the rule's order.
    pub gaps: Vec<Gap>,
    /// The unanswered applicable items (full names), in questionnaire order.
    pub not_assessed: Vec<String>,
}

/// Score, coverage, level and counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Weighted mean value over every applicable item, unanswered ones counting 0; `None`
    /// if there are no applicable items.
    pub score: Option<f64>,
    /// Weighted mean value over the answered applicable items; `None` if there are none.
    pub answered_score: Option<f64>,
    /// The known share: (answered − unknown) ÷ applicable; `None` if nothing is applicable.
    pub coverage: Option<f64>,
    /// Maturity level 0–3; `None` where nothing applicable exists.
    pub level: Option<u8>,
    /// The level's name.
    pub level_name: Option<&'static str>,
    /// Applicable items with an answer.
    pub answered: usize,
    /// Those answered with an option marked unknown ("Don't know").
    pub unknown: usize,
    /// Scored items not answered N/A.
    pub applicable: usize,
    /// Scored items answered N/A.
    pub na: usize,
    /// Scored items not asked because their `when` condition does not hold (N/A by rule):
    /// counted here only, in no other figure.
    pub na_by_rule: usize,
    /// Scored items that apply (applicable + N/A).
    pub total: usize,
}

impl Figures {
    /// Answered items whose answer is known (answered − unknown).
    pub fn known(&self) -> usize {
        self.answered.saturating_sub(self.unknown)
    }
}

/// One section's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionScore {
    /// `<questionnaire id>/<section id>`.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// Score, coverage, level and counts.
    #[serde(flatten)]
    pub figures: Figures,
    /// The applicable items of the next level that are not achieved, in questionnaire order.
    pub blocking: Vec<String>,
    /// The level aimed for, when the assessment sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<u8>,
    /// Whether the level reaches the target, when one is set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meets_target: Option<bool>,
}

/// An answered applicable item below the pass mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The item's level.
    pub level: u8,
    /// The item's weight.
    pub weight: f64,
    /// The item's value.
    pub value: f64,
}

/// Running sums for the figures.
#[derive(Default)]
struct Tally {
    /// Σ weight·value over applicable items (unanswered count 0).
    weighted: f64,
    /// Σ weight over applicable items.
    weights: f64,
    /// Σ weight·value over answered applicable items.
    answered_weighted: f64,
    /// Σ weight over answered applicable items.
    answered_weights: f64,
    answered: usize,
    unknown: usize,
    applicable: usize,
    na: usize,
    na_by_rule: usize,
    total: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.weighted += other.weighted;
        self.weights += other.weights;
        self.answered_weighted += other.answered_weighted;
        self.answered_weights += other.answered_weights;
        self.answered += other.answered;
        self.unknown += other.unknown;
        self.applicable += other.applicable;
        self.na += other.na;
        self.na_by_rule += other.na_by_rule;
        self.total += other.total;
    }

    fn figures(&self, level: Option<u8>) -> Figures {
        let applicable = self.applicable;
        Figures {
            score: (applicable > 0 && self.weights > 0.0).then(|| self.weighted / self.weights),
            answered_score: (self.answered > 0 && self.answered_weights > 0.0)
                .then(|| self.answered_weighted / self.answered_weights),
            coverage: (applicable > 0)
                .then(|| self.answered.saturating_sub(self.unknown) as f64 / applicable as f64),
            level,
            level_name: level.map(|l| Level::at_most_3(l).name()),
            answered: self.answered,
            unknown: self.unknown,
            applicable,
            na: self.na,
            na_by_rule: self.na_by_rule,
            total: self.total,
        }
    }
}

/// One applicable item of a section, for its level and blocking list.
pub(crate) struct Standing {
    /// The full item name.
    pub(crate) key: String,
    /// The level whose practice it evidences.
    pub(crate) level: u8,
    /// Whether its value reaches the pass mark.
    pub(crate) achieved: bool,
}

/// The level a section reaches from its applicable items, and the items blocking the next.
pub(crate) fn level_and_blocking(items: &[Standing]) -> (Option<u8>, Vec<String>) {
    if items.is_empty() {
        return (None, Vec::new());
    }
    let mut reached = 0u8;
    for level in 1..=3u8 {
        if items
            .iter()
            .filter(|i| i.level == level)
            .all(|i| i.achieved)
        {
            reached = level;
        } else {
            break;
        }
    }
    let blocking = items
        .iter()
        .filter(|i| i.level == reached + 1 && !i.achieved)
        .map(|i| i.key.clone())
        .collect();
    (Some(reached), blocking)
}

/// Scores an assessment against its questionnaires (in the assessment's order).
pub fn score(questionnaires: &[&Questionnaire], assessment: &Assessment) -> ScoreReport {
    let mut overall = Tally::default();
    let mut sections = Vec::new();
    let mut gaps: Vec<(usize, Gap)> = Vec::new();
    let mut not_assessed = Vec::new();
    let mut order = 0usize;
    for place in walk::sections(questionnaires) {
        let q = place.questionnaire;
        let mut tally = Tally::default();
        let mut standings = Vec::new();
        for Place { item, key, .. } in place.items().filter(|p| p.item.is_scored()) {
            order += 1;
            let value = value_in(q, item, assessment);
            if value == ItemValue::ByRule {
                tally.na_by_rule += 1;
                continue;
            }
            let level = item.level();
            let weight = item.weight();
            tally.total += 1;
            if value == ItemValue::NotApplicable {
                tally.na += 1;
                continue;
            }
            tally.applicable += 1;
            tally.weights += weight;
            let Some(v) = value.number() else {
                not_assessed.push(key.to_string());
                standings.push(Standing {
                    key: key.into(),
                    level,
                    achieved: false,
                });
                continue;
            };
            tally.answered += 1;
            if value == ItemValue::Unknown {
                tally.unknown += 1;
            }
            tally.weighted += weight * v;
            tally.answered_weighted += weight * v;
            tally.answered_weights += weight;
            let achieved = v >= q.pass_mark;
            if !achieved {
                gaps.push((
                    order,
                    Gap {
                        item: key.to_string(),
                        level,
                        weight,
                        value: v,
                    },
                ));
            }
            standings.push(Standing {
                key: key.into(),
                level,
                achieved,
            });
        }
        overall.add(&tally);
        let (level, blocking) = level_and_blocking(&standings);
        let id = place.id();
        let target = assessment.target(&id);
        sections.push(SectionScore {
            title: place.section.title.clone(),
            figures: tally.figures(level),
            blocking,
            target,
            meets_target: target.map(|t| level.is_some_and(|l| l >= t)),
            id,
        });
    }
    let overall_level = sections.iter().filter_map(|s| s.figures.level).min();
    gaps.sort_by(|(ia, a), (ib, b)| {
        a.level
            .cmp(&b.level)
            .then_with(|| {
                let sa = a.weight * (1.0 - a.value);
                let sb = b.weight * (1.0 - b.value);
                sb.total_cmp(&sa)
            })
            .then(ia.cmp(ib))
    });
    ScoreReport {
        format: SCORE_FORMAT,
        assessment: assessment.id.clone(),
        overall: overall.figures(overall_level),
        sections,
        gaps: gaps.into_iter().map(|(_, g)| g).collect(),
        not_assessed,
    }
}

impl ScoreReport {
    /// The report as pretty JSON (`supplycheck score --json`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// A section's figures by full id (`<questionnaire>/<section>`).
    pub fn section(&self, full_id: &str) -> Option<&SectionScore> {
        self.sections.iter().find(|s| s.id == full_id)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod by_rule_tests;
