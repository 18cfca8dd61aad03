//! What the results screen and the board view show, worked out from the open assessment's
//! score report: areas, weakest links, the board's own words, and the action plan.

use crate::questionnaire::ItemKind;
use crate::roles::owner_label;
use crate::scoring::{Figures, ItemValue};
use crate::text::{sanitize, sanitize_line};

use super::app::OpenAssessment;

/// One area (section) of the assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// The section's title.
    pub title: String,
    /// Its figures.
    pub figures: Figures,
}

/// A weak link: an answered item below the pass mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The item's index in the open assessment.
    pub index: usize,
    /// Its prompt, on one line.
    pub prompt: String,
    /// Its level.
    pub level: u8,
    /// Its value in [0, 1].
    pub value: f64,
}

/// One row of the action plan: a gap, or an item flagged for follow-up.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    /// The item's index in the open assessment.
    pub index: usize,
    /// Its prompt, on one line.
    pub prompt: String,
    /// Its value when it is a gap.
    pub gap: Option<f64>,
    /// Flagged for follow-up.
    pub flagged: bool,
    /// The owner role, as people read it.
    pub owner: Option<String>,
    /// The note, on one line.
    pub note: Option<String>,
    /// The source references.
    pub refs: String,
}

/// The figures of an open assessment, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// The whole assessment's figures.
    pub overall: Figures,
    /// Every section's figures.
    pub areas: Vec<Area>,
    /// Every gap, weakest first (the scoring rule's order).
    pub links: Vec<Link>,
    /// Scored items without an answer.
    pub not_assessed: usize,
    /// The answers to text items: (prompt, answer).
    pub words: Vec<(String, String)>,
    /// Gaps, then flagged items that are not gaps, in questionnaire order.
    pub plan: Vec<PlanRow>,
}

impl Summary {
    /// Works out the summary of an open assessment.
    pub fn of(open: &OpenAssessment) -> Self {
        let r = &open.report;
        let index_of = |full: &str| open.items.iter().position(|p| p.full == full);
        let prompt_of = |n: usize| {
            open.at(n)
                .map(|(_, _, i)| sanitize_line(&i.prompt))
                .unwrap_or_default()
        };
        let links: Vec<Link> = r
            .gaps
            .iter()
            .filter_map(|g| {
                let index = index_of(&g.item)?;
                Some(Link {
                    index,
                    prompt: prompt_of(index),
                    level: g.level,
                    value: g.value,
                })
            })
            .collect();
        let row = |index: usize, gap: Option<f64>| {
            let answer = open.answer_at(index);
            PlanRow {
                index,
                prompt: prompt_of(index),
                gap,
                flagged: answer.is_some_and(|a| a.flag),
                owner: answer.and_then(|a| a.owner.as_deref()).map(owner_label),
                note: answer
                    .and_then(|a| a.note.as_deref())
                    .map(sanitize_line)
                    .filter(|n| !n.trim().is_empty()),
                refs: open
                    .at(index)
                    .map(|(_, _, i)| sanitize_line(&i.refs.join(", ")))
                    .unwrap_or_default(),
            }
        };
        let mut plan: Vec<PlanRow> = links.iter().map(|l| row(l.index, Some(l.value))).collect();
        for n in 0..open.items.len() {
            let flagged = open.answer_at(n).is_some_and(|a| a.flag);
            if flagged && !links.iter().any(|l| l.index == n) {
                plan.push(row(n, None));
            }
        }
        let words = (0..open.items.len())
            .filter_map(|n| {
                let (_, _, item) = open.at(n)?;
                if item.kind != ItemKind::Text || open.value_at(n) != ItemValue::Text(true) {
                    return None;
                }
                let text = open.answer_at(n)?.text.as_deref()?;
                Some((
                    sanitize_line(&item.prompt),
                    sanitize(text).trim().to_string(),
                ))
            })
            .collect();
        Self {
            overall: r.overall.clone(),
            areas: r
                .sections
                .iter()
                .map(|s| Area {
                    title: sanitize_line(&s.title),
                    figures: s.figures.clone(),
                })
                .collect(),
            links,
            not_assessed: r.not_assessed,
            words,
            plan,
        }
    }
}
