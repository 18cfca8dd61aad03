//! The assessment open for editing: its session (and lock), the index of its items and
//! sections, the current item, and what its answers come to.

use crate::assessment::{Answer, Assessment};
use crate::merge::Disagreement;
use crate::questionnaire::{Item, ItemKind, Questionnaire, Section};
use crate::report::BoardPack;
use crate::scoring::{self, ItemValue};
use crate::store::Session;
use crate::walk;
use crate::workspace::Workspace;

use super::Compared;

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
    /// What the results screen and the board view show, as of the last change.
    pub pack: BoardPack,
    /// The disputed items (a merged assessment's), largest spread first, as of the last
    /// change.
    pub disputes: Vec<Disagreement>,
    /// The assessment compared with on the results screen, if any.
    pub compare: Option<Compared>,
    /// The questionnaires with a newer version it could be upgraded to.
    pub newer: Vec<crate::upgrade::Newer>,
    /// The changes that can be undone.
    pub history: super::History,
    /// How far the current item's details are scrolled down (page down), in rows.
    pub detail: usize,
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
        let refs: Vec<&Questionnaire> = questionnaires.iter().collect();
        for place in walk::sections(&refs) {
            let section = sections.len();
            sections.push(SectionPos {
                q: place.q_index,
                s: place.section_index,
                first: items.len(),
                len: place.section.items.len(),
            });
            items.extend(place.items().map(|p| ItemPos {
                q: p.q_index,
                s: p.section_index,
                i: p.item_index,
                full: p.key.into(),
                section,
            }));
        }
        let (pack, disputes) = worked_out(&questionnaires, &session.assessment);
        let newer = crate::upgrade::newer_versions(&ws.catalog, &session.assessment);
        Self {
            session,
            questionnaires,
            items,
            sections,
            current: 0,
            pack,
            disputes,
            compare: None,
            newer,
            history: super::History::default(),
            detail: 0,
        }
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
            Some((q, _, item)) => scoring::value_in(q, item, &self.session.assessment),
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

    /// Whether an item of section `n` is parked.
    pub fn section_parked(&self, n: usize) -> bool {
        self.sections.get(n).is_some_and(|pos| {
            (pos.first..pos.first + pos.len)
                .any(|i| self.answer_at(i).is_some_and(Answer::is_parked))
        })
    }

    /// The parked items (indexes into [`OpenAssessment::items`]), in questionnaire order.
    pub fn parked_items(&self) -> Vec<usize> {
        (0..self.items.len())
            .filter(|n| self.answer_at(*n).is_some_and(Answer::is_parked))
            .collect()
    }

    /// The full id (`<questionnaire>/<section>`) of section `n`.
    pub fn section_id(&self, n: usize) -> Option<String> {
        let (q, s) = self.section(n)?;
        Some(format!("{}/{}", q.id, s.id))
    }

    /// Answered items of every kind, and the items asked (all but those N/A by rule).
    pub fn progress(&self) -> (usize, usize) {
        let values: Vec<ItemValue> = (0..self.items.len()).map(|i| self.value_at(i)).collect();
        // An item not asked of this subject (N/A by rule) is neither answered nor to answer.
        let asked = values.iter().filter(|v| **v != ItemValue::ByRule).count();
        let answered = values.iter().filter(|v| v.is_answered()).count();
        (answered, asked)
    }

    /// The row highlighted when the current item is shown: the chosen option of a choice
    /// item, otherwise the first row.
    pub fn default_highlight(&self) -> usize {
        match (self.item(), self.answer()) {
            (Some((q, _, item)), Some(a)) if item.kind == ItemKind::Choice => a
                .choice()
                .and_then(|k| q.options(item).iter().position(|o| o.key == k))
                .unwrap_or(0),
            _ => 0,
        }
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
    pub(super) fn rescore(&mut self) {
        (self.pack, self.disputes) = worked_out(&self.questionnaires, &self.session.assessment);
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
