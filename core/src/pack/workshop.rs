//! The workshop's sections of the board pack, worked out from the assessment's record: where
//! the respondents disagreed (every item with `responses`, disputed or settled), the
//! perception gap between their groups ([`crate::gap`]), and the parked items.

use super::ItemRow;
use super::later::{
    Disagreement, GAP_ITEMS, GapArea, GapItem, GroupFigures, Later, Parked, PerceptionGap, Person,
    RespondentAnswer,
};
use crate::assessment::Assessment;
use crate::figures::{self, describe_answer, level_words, percent, spread};
use crate::gap::{self, GapReport, GroupScore, NO_GROUP};
use crate::questionnaire::Questionnaire;
use crate::scoring::item_value;
use crate::text::sanitize_line;
use crate::walk;

/// The workshop's sections of `a`'s pack; `items` are the pack's rows.
pub(super) fn later(questionnaires: &[&Questionnaire], a: &Assessment, items: &[ItemRow]) -> Later {
    let respondents = people(a);
    Later {
        disagreements: disagreements(questionnaires, a, items, &respondents),
        perception_gap: gap::gap(questionnaires, a)
            .ok()
            .map(|r| perception(&r, items)),
        parked: items
            .iter()
            .filter(|r| {
                a.answer(&r.item)
                    .is_some_and(crate::assessment::Answer::is_parked)
            })
            .map(|r| Parked {
                item: r.item.clone(),
                prompt: r.prompt.clone(),
                section: r.section.clone(),
            })
            .collect(),
        portfolio: None,
        respondents,
    }
}

/// A group as recorded, made safe; `None` when blank.
fn group(text: Option<&str>) -> Option<String> {
    text.map(sanitize_line)
        .map(|g| g.trim().to_string())
        .filter(|g| !g.is_empty())
}

/// The respondents of `respondents`, then anyone else named in `responses`, each once.
fn people(a: &Assessment) -> Vec<Person> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    let named = a
        .respondents
        .iter()
        .map(|r| (r.name.as_str(), r.group.as_deref()))
        .chain(
            a.responses
                .values()
                .flatten()
                .map(|r| (r.respondent.as_str(), a.group_of(&r.respondent))),
        );
    for (name, g) in named {
        if !out.iter().any(|(n, _)| n == name) {
            out.push((name.to_string(), g.map(str::to_string)));
        }
    }
    out.into_iter()
        .map(|(name, g)| Person {
            name: sanitize_line(&name),
            group: group(g.as_deref()),
        })
        .collect()
}

/// Every item with respondents' answers that applies, widest spread first, then in
/// questionnaire order.
fn disagreements(
    questionnaires: &[&Questionnaire],
    a: &Assessment,
    items: &[ItemRow],
    people: &[Person],
) -> Vec<Disagreement> {
    let mut out = Vec::new();
    for place in walk::items(questionnaires) {
        let key = place.key.to_string();
        let Some(responses) = a.responses.get(&key) else {
            continue;
        };
        let (q, item) = (place.questionnaire, place.item);
        if !crate::applies::applies(q, item, a) {
            continue;
        }
        let answers = people
            .iter()
            .map(|p| RespondentAnswer {
                respondent: p.name.clone(),
                group: p.group.clone(),
                answer: responses
                    .iter()
                    .find(|r| sanitize_line(&r.respondent) == p.name)
                    .map(|r| describe_answer(q, item, Some(&r.answer)))
                    .unwrap_or_default(),
            })
            .collect();
        let values: Vec<f64> = responses
            .iter()
            .filter_map(|r| item_value(q, item, Some(&r.answer)).number())
            .collect();
        let spread_value = if values.len() < 2 {
            0.0
        } else {
            let max = values.iter().copied().fold(f64::MIN, f64::max);
            let min = values.iter().copied().fold(f64::MAX, f64::min);
            ((max - min) * 1e6).round() / 1e6
        };
        let record = a.settled.get(&key);
        let row = items.iter().find(|r| r.item == key);
        out.push(Disagreement {
            prompt: row.map(|r| r.prompt.clone()).unwrap_or_default(),
            section: row.map(|r| r.section.clone()).unwrap_or_default(),
            item: key.clone(),
            answers,
            spread: spread(spread_value),
            spread_value,
            disputed: record.is_none(),
            settled: record.map(|_| describe_answer(q, item, a.answer(&key))),
            settled_by: record.map(|s| sanitize_line(&s.by)),
            settled_from: record.and_then(|s| s.from.as_deref()).map(sanitize_line),
            settlement: figures::settlement(record),
        });
    }
    // A stable sort: equal spreads stay in questionnaire order.
    out.sort_by(|x, y| y.spread_value.total_cmp(&x.spread_value));
    out
}

/// The perception gap as the pack shows it.
fn perception(r: &GapReport, items: &[ItemRow]) -> PerceptionGap {
    let shown = |scores: &[GroupScore]| -> Vec<GroupFigures> {
        scores
            .iter()
            .map(|s| GroupFigures {
                group: s.group.clone(),
                label: r.label(&s.group).to_string(),
                score: s.score,
                score_text: percent(s.score),
                level: s.level,
                level_text: level_words(s.level),
            })
            .collect()
    };
    let section_of = |item: &str| {
        items
            .iter()
            .find(|r| r.item == item)
            .map(|r| r.section.clone())
            .unwrap_or_default()
    };
    PerceptionGap {
        groups: r.groups.iter().map(|g| g.label.clone()).collect(),
        compared: r.label(&r.compared).to_string(),
        against: r.against.iter().map(|g| r.label(g).to_string()).collect(),
        overall: shown(&r.overall),
        difference: r.shown_difference(&r.overall).signed(),
        areas: r
            .areas
            .iter()
            .map(|area| GapArea {
                area: area.id.clone(),
                section: area.title.clone(),
                groups: shown(&area.groups),
                difference: r.shown_difference(&area.groups).signed(),
            })
            .collect(),
        items: r
            .items
            .iter()
            .take(GAP_ITEMS)
            .map(|i| GapItem {
                item: i.item.clone(),
                prompt: i.prompt.clone(),
                section: section_of(&i.item),
                difference_value: i.difference,
                difference: r.item_difference(i).in_points(),
                answers: i
                    .answers
                    .iter()
                    .map(|x| RespondentAnswer {
                        respondent: x.respondent.clone(),
                        group: Some(x.group.clone()).filter(|g| !g.is_empty() && g != NO_GROUP),
                        answer: x.answer.clone(),
                    })
                    .collect(),
            })
            .collect(),
        items_total: r.items.len(),
    }
}

/// Up to how many disagreements the board part of a pack lists; with more, it gives their
/// summary and the appendix lists them.
pub const BOARD_DISAGREEMENTS: usize = 5;

/// Up to how many parked items the board part of a pack lists; with more, it gives their
/// count and the appendix lists them.
pub const BOARD_PARKED: usize = 10;

impl Later {
    /// Whether the board part lists every disagreement (few enough), rather than the
    /// appendix.
    pub fn disagreements_in_board_part(&self) -> bool {
        self.disagreements.len() <= BOARD_DISAGREEMENTS
    }

    /// Whether the board part lists every parked item (few enough), rather than the
    /// appendix.
    pub fn parked_in_board_part(&self) -> bool {
        self.parked.len() <= BOARD_PARKED
    }

    /// The parked items in one sentence: "12 items were parked for later."
    pub fn parked_summary(&self) -> String {
        let n = self.parked.len();
        format!(
            "{} {} parked for later.",
            figures::count(n, "item", "items"),
            if n == 1 { "was" } else { "were" }
        )
    }

    /// The heading of the perception gap: "Board and staff: the perception gap" when the
    /// board is compared with staff, else "<compared> and <against>: the perception gap".
    pub fn perception_heading(&self) -> Option<String> {
        let g = self.perception_gap.as_ref()?;
        let word = |label: &str| {
            g.overall
                .iter()
                .find(|f| f.label == label)
                .map_or_else(|| label.to_string(), |f| f.group.clone())
        };
        let mut compared = word(&g.compared);
        if let Some(first) = compared.get(..1) {
            compared = format!("{}{}", first.to_uppercase(), &compared[1..]);
        }
        let against: Vec<String> = g.against.iter().map(|l| word(l)).collect();
        Some(format!(
            "{compared} and {}: the perception gap",
            against.join(", ")
        ))
    }
    /// How many of [`disagreements`](Self::disagreements) are still disputed.
    pub fn disputed(&self) -> usize {
        self.disagreements.iter().filter(|d| d.disputed).count()
    }

    /// The disagreements in one sentence (counts and the widest spread), or `None` when
    /// there are none.
    pub fn disagreement_summary(&self) -> Option<String> {
        let first = self.disagreements.first()?;
        let disputed = self.disputed();
        let widest = (first.spread_value > 0.0).then(|| {
            if first.prompt.is_empty() {
                first.spread.clone()
            } else {
                format!("{} (\u{201c}{}\u{201d})", first.spread, first.prompt)
            }
        });
        Some(figures::disagreement_summary(
            disputed,
            self.disagreements.len() - disputed,
            widest.as_deref(),
        ))
    }
}

#[cfg(test)]
mod tests;
