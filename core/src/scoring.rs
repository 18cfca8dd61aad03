//! The maturity model: a pure function from (questionnaires, assessment) to a [`ScoreReport`],
//! exactly as the scoring rule in the README says.

use serde::Serialize;

use crate::assessment::{Answer, Assessment};
use crate::level::Level;
use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::walk::{self, Place};

/// The format tag of `supplycheck score --json`.
pub const SCORE_FORMAT: &str = "supplycheck.score/1";

/// The value of one item under an assessment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ItemValue {
    /// No answer yet (or an answer that does not fit the item).
    Unanswered,
    /// Answered N/A (or a checklist with every check N/A): left out of every figure.
    NotApplicable,
    /// Answered, with a value in [0, 1].
    Value(f64),
    /// A text item: never scored. `true` when it has an answer.
    Text(bool),
}

impl ItemValue {
    /// Whether the item counts as answered (N/A does).
    pub fn is_answered(self) -> bool {
        matches!(
            self,
            ItemValue::NotApplicable | ItemValue::Value(_) | ItemValue::Text(true)
        )
    }
}

/// The value an answer gives an item, per the scoring rule.
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
            .map_or(ItemValue::Unanswered, |o| ItemValue::Value(o.value)),
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
            ItemValue::Value(ticked as f64 / applicable.len() as f64)
        }
    }
}

/// The score report of FORMATS.md.
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
    /// Unanswered scored items.
    pub not_assessed: usize,
}

/// Score, level and progress.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Weighted mean value of answered applicable items; `None` if there are none.
    pub score: Option<f64>,
    /// Maturity level 0–3; `None` where nothing applicable exists.
    pub level: Option<u8>,
    /// The level's name.
    pub level_name: Option<&'static str>,
    /// Scored items answered (N/A counts).
    pub answered: usize,
    /// Scored items.
    pub total: usize,
}

/// One section's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionScore {
    /// `<questionnaire id>/<section id>`.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// Score, level and progress.
    #[serde(flatten)]
    pub figures: Figures,
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

/// Running sums for score and level.
#[derive(Default)]
struct Tally {
    weighted: f64,
    weights: f64,
    answered: usize,
    total: usize,
    applicable: usize,
    /// Per level 1–3: whether every applicable item of that level is answered and achieved.
    level_ok: [bool; 3],
}

impl Tally {
    fn new() -> Self {
        Self {
            level_ok: [true; 3],
            ..Self::default()
        }
    }

    fn score(&self) -> Option<f64> {
        (self.weights > 0.0).then(|| self.weighted / self.weights)
    }

    fn level(&self) -> Option<u8> {
        if self.applicable == 0 {
            return None;
        }
        let reached = self.level_ok.iter().take_while(|ok| **ok).count();
        u8::try_from(reached).ok()
    }
}

/// Scores an assessment against its questionnaires (in the assessment's order).
pub fn score(questionnaires: &[&Questionnaire], assessment: &Assessment) -> ScoreReport {
    let mut overall = Tally::new();
    let mut sections = Vec::new();
    let mut gaps: Vec<(usize, Gap)> = Vec::new();
    let mut not_assessed = 0;
    let mut order = 0usize;
    for place in walk::sections(questionnaires) {
        let q = place.questionnaire;
        let mut tally = Tally::new();
        for Place { item, key, .. } in place.items().filter(|p| p.item.is_scored()) {
            order += 1;
            let value = item_value(q, item, assessment.answer(&key));
            let level = item.level();
            let weight = item.weight();
            tally.total += 1;
            match value {
                ItemValue::NotApplicable => tally.answered += 1,
                ItemValue::Unanswered | ItemValue::Text(_) => {
                    not_assessed += 1;
                    tally.applicable += 1;
                    tally.level_ok[usize::from(level - 1)] = false;
                }
                ItemValue::Value(v) => {
                    tally.answered += 1;
                    tally.applicable += 1;
                    tally.weighted += weight * v;
                    tally.weights += weight;
                    if v < q.pass_mark {
                        tally.level_ok[usize::from(level - 1)] = false;
                        gaps.push((
                            order,
                            Gap {
                                item: key.into(),
                                level,
                                weight,
                                value: v,
                            },
                        ));
                    }
                }
            }
        }
        overall.weighted += tally.weighted;
        overall.weights += tally.weights;
        overall.answered += tally.answered;
        overall.total += tally.total;
        sections.push(SectionScore {
            id: place.id(),
            title: place.section.title.clone(),
            figures: figures(&tally, tally.level()),
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
        overall: figures(&overall, overall_level),
        sections,
        gaps: gaps.into_iter().map(|(_, g)| g).collect(),
        not_assessed,
    }
}

fn figures(t: &Tally, level: Option<u8>) -> Figures {
    Figures {
        score: t.score(),
        level,
        level_name: level.map(|l| Level::at_most_3(l).name()),
        answered: t.answered,
        total: t.total,
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
mod tests {
    use super::*;
    use crate::assessment::{Answer, Value};

    use crate::test_support::{choice, na, worked_example as example};

    fn assessment(q: &Questionnaire, answers: &[(&str, Answer)]) -> Assessment {
        crate::test_support::assessment(q, "t", answers)
    }

    #[test]
    fn the_worked_example_scores_as_documented() {
        let q = example();
        let a = assessment(
            &q,
            &[
                ("a", choice("fully")),
                ("b", choice("largely")),
                ("c", choice("partial")),
                ("d", na()),
            ],
        );
        let r = score(&[&q], &a);
        let s = &r.sections[0].figures;
        assert!((s.score.expect("score") - 0.6675).abs() < 1e-12);
        assert_eq!(s.level, Some(1));
        assert_eq!(s.level_name, Some("Performed"));
        assert_eq!((s.answered, s.total), (4, 5));
        assert_eq!(r.gaps.len(), 1);
        assert_eq!(r.gaps[0].item, "worked-example/c");
        assert_eq!(r.not_assessed, 1);
        assert_eq!(r.overall.level, Some(1));
        assert_eq!(r.overall.score, s.score);
    }

    #[test]
    fn checklists_count_ticks_over_applicable_checks() {
        let q = example();
        let (_, item) = q.item("d").expect("d");
        let half = Answer::from(Value::Checklist {
            ticked: vec!["x".into()],
            na_checks: vec![],
        });
        assert_eq!(item_value(&q, item, Some(&half)), ItemValue::Value(0.5));
        let one_na = Answer::from(Value::Checklist {
            ticked: vec!["x".into()],
            na_checks: vec!["y".into()],
        });
        assert_eq!(item_value(&q, item, Some(&one_na)), ItemValue::Value(1.0));
        let all_na = Answer::from(Value::Checklist {
            ticked: vec![],
            na_checks: vec!["x".into(), "y".into()],
        });
        assert_eq!(
            item_value(&q, item, Some(&all_na)),
            ItemValue::NotApplicable
        );
        let untouched = Answer {
            note: Some("n".into()),
            ..Answer::default()
        };
        assert_eq!(
            item_value(&q, item, Some(&untouched)),
            ItemValue::Unanswered
        );
        let none_ticked = Answer::from(Value::Checklist {
            ticked: vec![],
            na_checks: vec![],
        });
        assert_eq!(
            item_value(&q, item, Some(&none_ticked)),
            ItemValue::Value(0.0)
        );
    }

    #[test]
    fn an_empty_assessment_has_level_zero_and_no_score() {
        let q = example();
        let r = score(&[&q], &assessment(&q, &[]));
        assert_eq!(r.overall.score, None);
        assert_eq!(r.overall.level, Some(0));
        assert_eq!(r.not_assessed, 5);
        assert!(r.gaps.is_empty());
    }

    #[test]
    fn an_all_na_section_has_no_level() {
        let q = example();
        let answers: Vec<(&str, Answer)> = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|i| (*i, na()))
            .collect();
        let r = score(&[&q], &assessment(&q, &answers));
        assert_eq!(r.sections[0].figures.level, None);
        assert_eq!(r.sections[0].figures.level_name, None);
        assert_eq!(r.overall.level, None);
        assert_eq!(r.overall.answered, 5);
    }

    #[test]
    fn everything_achieved_reaches_defined() {
        let q = example();
        let all = Answer::from(Value::Checklist {
            ticked: vec!["x".into(), "y".into()],
            na_checks: vec![],
        });
        let r = score(
            &[&q],
            &assessment(
                &q,
                &[
                    ("a", choice("fully")),
                    ("b", choice("fully")),
                    ("c", choice("largely")),
                    ("d", all),
                    ("e", choice("fully")),
                ],
            ),
        );
        assert_eq!(r.overall.level, Some(3));
        assert_eq!(r.overall.level_name, Some("Defined"));
    }

    #[test]
    fn gaps_are_ordered_by_level_then_shortfall_then_position() {
        let q = example();
        let r = score(
            &[&q],
            &assessment(
                &q,
                &[
                    ("a", choice("partial")),
                    ("b", choice("partial")),
                    ("c", choice("not")),
                    ("e", choice("not")),
                ],
            ),
        );
        let order: Vec<&str> = r.gaps.iter().map(|g| g.item.as_str()).collect();
        assert_eq!(
            order,
            [
                "worked-example/b",
                "worked-example/a",
                "worked-example/c",
                "worked-example/e"
            ]
        );
    }

    #[test]
    fn the_json_has_the_documented_shape() {
        let q = example();
        let a = assessment(&q, &[("c", choice("partial"))]);
        let v: serde_json::Value = serde_json::from_str(&score(&[&q], &a).to_json()).expect("json");
        assert_eq!(v["format"], "supplycheck.score/1");
        assert_eq!(v["assessment"], "t");
        assert_eq!(v["overall"]["level"], 0);
        assert_eq!(v["overall"]["level_name"], "Incomplete");
        assert_eq!(v["sections"][0]["id"], "worked-example/planning");
        assert_eq!(v["sections"][0]["title"], "1. Planning");
        assert_eq!(v["sections"][0]["answered"], 1);
        assert_eq!(v["gaps"][0]["item"], "worked-example/c");
        assert_eq!(v["gaps"][0]["value"], 0.33);
        assert_eq!(v["not_assessed"], 4);
        let keys: Vec<&String> = v["sections"][0]
            .as_object()
            .expect("object")
            .keys()
            .collect();
        assert_eq!(keys.len(), 7, "{keys:?}");
    }
}
