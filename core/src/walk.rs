//! One walk over questionnaires' sections and items, in order, with each item's place
//! (indexes and references) and key. Scoring, merging, comparing, the board pack and the
//! edges all go through it, so they agree on order and on keys.

use crate::key::ItemKey;
use crate::questionnaire::{Item, Questionnaire, Section};

/// A section on the walk.
#[derive(Debug, Clone, Copy)]
pub struct SectionPlace<'q> {
    /// Index of the questionnaire in the list walked.
    pub q_index: usize,
    /// Index of the section in its questionnaire.
    pub section_index: usize,
    /// The questionnaire.
    pub questionnaire: &'q Questionnaire,
    /// The section.
    pub section: &'q Section,
}

/// An item on the walk.
#[derive(Debug, Clone)]
pub struct Place<'q> {
    /// Index of the questionnaire in the list walked.
    pub q_index: usize,
    /// Index of the section in its questionnaire.
    pub section_index: usize,
    /// Index of the item in its section.
    pub item_index: usize,
    /// The questionnaire.
    pub questionnaire: &'q Questionnaire,
    /// The section.
    pub section: &'q Section,
    /// The item.
    pub item: &'q Item,
    /// The item's key, under which its answer is stored.
    pub key: ItemKey,
}

impl<'q> SectionPlace<'q> {
    /// The section's full id, `<questionnaire>/<section>`.
    pub fn id(&self) -> String {
        format!("{}/{}", self.questionnaire.id, self.section.id)
    }

    /// The section's items, in order.
    pub fn items(self) -> impl Iterator<Item = Place<'q>> {
        self.section
            .items
            .iter()
            .enumerate()
            .map(move |(item_index, item)| Place {
                q_index: self.q_index,
                section_index: self.section_index,
                item_index,
                questionnaire: self.questionnaire,
                section: self.section,
                item,
                key: ItemKey::new(&self.questionnaire.id, &item.id),
            })
    }
}

/// Every section of the questionnaires, in order.
pub fn sections<'q>(qs: &[&'q Questionnaire]) -> impl Iterator<Item = SectionPlace<'q>> {
    qs.iter().enumerate().flat_map(|(q_index, &questionnaire)| {
        questionnaire
            .sections
            .iter()
            .enumerate()
            .map(move |(section_index, section)| SectionPlace {
                q_index,
                section_index,
                questionnaire,
                section,
            })
    })
}

/// Every item of the questionnaires, in order: questionnaire by questionnaire, section by
/// section.
pub fn items<'q>(qs: &[&'q Questionnaire]) -> impl Iterator<Item = Place<'q>> {
    sections(qs).flat_map(SectionPlace::items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::worked_example;

    #[test]
    fn the_walk_visits_every_item_in_order_with_its_place_and_key() {
        let q = worked_example();
        let qs = [&q, &q];
        let places: Vec<Place<'_>> = items(&qs).collect();
        let expected: Vec<(usize, usize, usize, String)> = qs
            .iter()
            .enumerate()
            .flat_map(|(qi, q)| {
                q.sections.iter().enumerate().flat_map(move |(si, s)| {
                    s.items
                        .iter()
                        .enumerate()
                        .map(move |(ii, item)| (qi, si, ii, format!("{}/{}", q.id, item.id)))
                })
            })
            .collect();
        let got: Vec<(usize, usize, usize, String)> = places
            .iter()
            .map(|p| (p.q_index, p.section_index, p.item_index, p.key.to_string()))
            .collect();
        assert_eq!(got, expected);
        for p in &places {
            assert_eq!(p.item.id, p.key.item());
            assert_eq!(p.questionnaire.id, p.key.questionnaire());
            assert_eq!(p.section.id, p.questionnaire.sections[p.section_index].id);
            assert_eq!(p.item.id, p.section.items[p.item_index].id);
        }
    }

    #[test]
    fn sections_have_full_ids_and_their_items() {
        let q = worked_example();
        let all: Vec<SectionPlace<'_>> = sections(&[&q]).collect();
        assert_eq!(all.len(), q.sections.len());
        for (s, place) in q.sections.iter().zip(&all) {
            assert_eq!(place.id(), format!("{}/{}", q.id, s.id));
            assert_eq!(place.items().count(), s.items.len());
        }
    }
}
