//! Comparing two assessments, an earlier one (A) and a later one (B): what moved.

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use crate::assessment::Assessment;
use crate::figures::{BY_RULE, ScoreChange, describe_answer, whole_percent};
use crate::key::ItemKey;
use crate::questionnaire::{Item, Questionnaire};
use crate::scoring::{self, Figures, ItemValue, item_value, value_in};
use crate::stamp;
use crate::text::sanitize_line;
use crate::walk;

/// The format tag of `supplycheck compare --json`.
pub const COMPARE_FORMAT: &str = "supplycheck.compare/2";

/// The comparison of a later assessment with an earlier one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Always [`COMPARE_FORMAT`].
    pub format: &'static str,
    /// The earlier assessment.
    pub before: Side,
    /// The later assessment.
    pub after: Side,
    /// The overall figures, before and after.
    pub overall: Change,
    /// Every section of either assessment's questionnaires (the later one's order first).
    pub sections: Vec<SectionChange>,
    /// Items whose value went up, largest rise first.
    pub improved: Vec<ItemChange>,
    /// Items whose value went down, largest fall first.
    pub slipped: Vec<ItemChange>,
    /// Items unanswered before and answered now (N/A counts as an answer).
    pub newly_answered: Vec<ItemChange>,
    /// Items answered before and unanswered now.
    pub no_longer_answered: Vec<ItemChange>,
    /// Items of the earlier version of a questionnaire that the later version no longer has
    /// (by id or `was`), when the two assessments use different versions of it.
    pub only_before: Vec<OneSide>,
    /// Items of the later version that the earlier version did not have.
    pub only_after: Vec<OneSide>,
}

/// An item one side's questionnaire version has and the other's does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OneSide {
    /// The full item name, `<questionnaire>/<item>`.
    pub item: String,
    /// The questionnaire version that has it.
    pub version: String,
    /// Its prompt.
    pub prompt: String,
    /// Its answer on that side, in words ("" when unanswered).
    pub answer: String,
}

/// Which assessment a side is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Side {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// When it last changed (RFC 3339, as stored).
    pub updated: String,
}

/// Figures before and after.
///
/// A change in score has two causes, kept apart: answers that changed on items answered on
/// both sides, and items answered for the first time or no longer answered. The later
/// assessment is scored once more with the earlier one's set of answered items (each item
/// answered on both sides keeps its later answer, every other item its earlier state):
/// `score_from_answers` is that score minus the earlier one, `score_from_coverage` the later
/// score minus that one. The two add up to `score_delta`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// The score before (`None` when nothing was applicable, or the section was not there).
    pub score_before: Option<f64>,
    /// The score after.
    pub score_after: Option<f64>,
    /// After minus before, when both have a score.
    pub score_delta: Option<f64>,
    /// The part of `score_delta` that comes from changed answers.
    pub score_from_answers: Option<f64>,
    /// The part of `score_delta` that comes from items answered or no longer answered.
    pub score_from_coverage: Option<f64>,
    /// The known share before.
    pub coverage_before: Option<f64>,
    /// The known share after.
    pub coverage_after: Option<f64>,
    /// The maturity level before.
    pub level_before: Option<u8>,
    /// The maturity level after.
    pub level_after: Option<u8>,
    /// The later assessment's score with the earlier one's answered items.
    #[serde(skip)]
    pub score_same_items: Option<f64>,
}

/// A change in score in whole percentage points, split by cause (see [`Change`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownParts {
    /// Points from changed answers.
    pub answers: i64,
    /// Points from items answered or no longer answered.
    pub coverage: i64,
}

impl Change {
    /// The change between figures before and after; `same_items` are the later figures
    /// with the earlier answered items (see [`Change`]).
    pub fn of(
        before: Option<&Figures>,
        after: Option<&Figures>,
        same_items: Option<&Figures>,
    ) -> Self {
        let score_before = before.and_then(|f| f.score);
        let score_after = after.and_then(|f| f.score);
        let score_same_items = same_items.and_then(|f| f.score);
        let both = score_before.zip(score_after);
        let split = both.zip(score_same_items);
        Self {
            score_before,
            score_after,
            score_delta: both.map(|(b, a)| a - b),
            score_from_answers: split.map(|((b, _), m)| m - b),
            score_from_coverage: split.map(|((_, a), m)| a - m),
            coverage_before: before.and_then(|f| f.coverage),
            coverage_after: after.and_then(|f| f.coverage),
            level_before: before.and_then(|f| f.level),
            level_after: after.and_then(|f| f.level),
            score_same_items,
        }
    }

    /// The change as shown: the difference of the two whole percentages.
    pub fn shown(&self) -> ScoreChange {
        ScoreChange::between(self.score_before, self.score_after)
    }

    /// The shown change split by cause, in whole percentage points that add up to it;
    /// `None` when either side has no score.
    pub fn shown_parts(&self) -> Option<ShownParts> {
        let (b, a) = self.score_before.zip(self.score_after)?;
        let m = self.score_same_items?;
        Some(ShownParts {
            answers: whole_percent(m) - whole_percent(b),
            coverage: whole_percent(a) - whole_percent(m),
        })
    }

    /// Which way the shown score moved: `Some(Greater)` up, `Some(Less)` down, `Some(Equal)`
    /// level (the same whole percentage), `None` when either side has no score.
    pub fn direction(&self) -> Option<std::cmp::Ordering> {
        self.shown().direction()
    }
}

/// One section's figures before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionChange {
    /// The full section id, `<questionnaire>/<section>`.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its figures.
    #[serde(flatten)]
    pub change: Change,
}

/// One item's answer before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemChange {
    /// The full item name, `<questionnaire>/<item>`.
    pub item: String,
    /// Its prompt.
    pub prompt: String,
    /// The answer before, in words ("" when unanswered).
    pub answer_before: String,
    /// The answer after, in words.
    pub answer_after: String,
    /// The value before (`None` when unanswered, N/A or text).
    pub value_before: Option<f64>,
    /// The value after.
    pub value_after: Option<f64>,
}

impl ItemChange {
    fn delta(&self) -> f64 {
        self.value_after.unwrap_or_default() - self.value_before.unwrap_or_default()
    }
}

/// Compares `after` (answered against `qs_after`) with `before` (against `qs_before`).
pub fn compare(
    qs_before: &[&Questionnaire],
    before: &Assessment,
    qs_after: &[&Questionnaire],
    after: &Assessment,
) -> Comparison {
    let score_before = scoring::score(qs_before, before);
    let score_after = scoring::score(qs_after, after);
    let score_same = scoring::score(qs_after, &same_items(qs_before, before, qs_after, after));
    let same = |id: &str| score_same.section(id).map(|s| &s.figures);

    let mut sections: Vec<SectionChange> = score_after
        .sections
        .iter()
        .map(|s| SectionChange {
            id: s.id.clone(),
            title: sanitize_line(&s.title),
            change: Change::of(
                score_before.section(&s.id).map(|b| &b.figures),
                Some(&s.figures),
                same(&s.id),
            ),
        })
        .collect();
    for s in &score_before.sections {
        if score_after.section(&s.id).is_none() {
            sections.push(SectionChange {
                id: s.id.clone(),
                title: sanitize_line(&s.title),
                change: Change::of(Some(&s.figures), None, None),
            });
        }
    }

    let mut improved = Vec::new();
    let mut slipped = Vec::new();
    let mut newly_answered = Vec::new();
    let mut no_longer_answered = Vec::new();
    let mut only_after = Vec::new();
    let shared: Vec<&Questionnaire> = qs_after
        .iter()
        .copied()
        .filter(|q| qs_before.iter().any(|b| b.id == q.id))
        .collect();
    // The earlier versions' items by questionnaire and item id, looked up once each.
    let earlier_items: HashMap<(&str, &str), (&Questionnaire, &Item)> = qs_before
        .iter()
        .flat_map(|b| {
            b.items()
                .map(move |(_, i)| ((b.id.as_str(), i.id.as_str()), (*b, i)))
        })
        .collect();
    for place in walk::items(&shared) {
        let (q, item) = (place.questionnaire, place.item);
        // The same item in the earlier version: by its id, else by an id in its `was`.
        let earlier = std::iter::once(&item.id)
            .chain(&item.was)
            .find_map(|id| earlier_items.get(&(q.id.as_str(), id.as_str())).copied());
        let Some((earlier_q, earlier_item)) = earlier else {
            only_after.push(one_side(q, item, &place.key, after));
            continue;
        };
        let key_before = ItemKey::new(&earlier_q.id, &earlier_item.id);
        let was = value_in(earlier_q, earlier_item, before);
        let now = value_in(q, item, after);
        let change = || ItemChange {
            item: place.key.to_string(),
            prompt: sanitize_line(&item.prompt),
            answer_before: answer_words(earlier_q, earlier_item, was, before, &key_before),
            answer_after: answer_words(q, item, now, after, &place.key),
            value_before: number(was),
            value_after: number(now),
        };
        match (was.is_answered(), now.is_answered()) {
            (false, true) => newly_answered.push(change()),
            (true, false) => no_longer_answered.push(change()),
            _ => {
                if let (Some(b), Some(a)) = (was.number(), now.number()) {
                    if a > b {
                        improved.push(change());
                    } else if a < b {
                        slipped.push(change());
                    }
                }
            }
        }
    }
    let only_before = gone_items(qs_before, &shared, before);
    // Stable sorts: equal moves stay in questionnaire order.
    improved.sort_by(|x, y| y.delta().total_cmp(&x.delta()));
    slipped.sort_by(|x, y| x.delta().total_cmp(&y.delta()));

    Comparison {
        format: COMPARE_FORMAT,
        before: side(before),
        after: side(after),
        overall: Change::of(
            Some(&score_before.overall),
            Some(&score_after.overall),
            Some(&score_same.overall),
        ),
        sections,
        improved,
        slipped,
        newly_answered,
        no_longer_answered,
        only_before,
        only_after,
    }
}

/// An item's answer in words for a comparison: "N/A by rule" when it does not apply.
fn answer_words(
    q: &Questionnaire,
    item: &Item,
    value: ItemValue,
    a: &Assessment,
    key: &str,
) -> String {
    if value == ItemValue::ByRule {
        BY_RULE.to_string()
    } else {
        describe_answer(q, item, a.answer(key))
    }
}

/// The later assessment with the earlier one's answered items: an item answered on both
/// sides keeps its later answer; an item answered on one side only takes its earlier state.
fn same_items(
    qs_before: &[&Questionnaire],
    before: &Assessment,
    qs_after: &[&Questionnaire],
    after: &Assessment,
) -> Assessment {
    let mut mixed = after.clone();
    for place in walk::items(qs_after) {
        let (q, item) = (place.questionnaire, place.item);
        let now = item_value(q, item, after.answer(&place.key));
        let was = qs_before
            .iter()
            .find(|b| b.id == q.id)
            .and_then(|b| b.item(&item.id).map(|(_, i)| (b, i)))
            .map_or(ItemValue::Unanswered, |(b, i)| {
                item_value(b, i, before.answer(&place.key))
            });
        if was.is_answered() != now.is_answered() {
            match before.answer(&place.key) {
                Some(answer) if was.is_answered() => {
                    mixed.answers.insert(place.key.to_string(), answer.clone());
                }
                _ => {
                    mixed.answers.remove(place.key.as_ref());
                }
            }
        }
    }
    mixed
}

fn side(a: &Assessment) -> Side {
    Side {
        id: sanitize_line(&a.id),
        name: sanitize_line(&a.name),
        updated: stamp::stored(&a.updated),
    }
}

/// The items of the earlier versions of `shared` questionnaires that no item of the later
/// version answers to (by id or `was`), with their answers in `before`.
fn gone_items(
    qs_before: &[&Questionnaire],
    shared: &[&Questionnaire],
    before: &Assessment,
) -> Vec<OneSide> {
    let earlier: Vec<&Questionnaire> = qs_before
        .iter()
        .copied()
        .filter(|b| shared.iter().any(|q| q.id == b.id))
        .collect();
    // Every (questionnaire, id) a later item answers to: its own id and its `was`.
    let claimed: HashSet<(&str, &str)> = shared
        .iter()
        .flat_map(|q| {
            q.items().flat_map(move |(_, i)| {
                std::iter::once(&i.id)
                    .chain(&i.was)
                    .map(move |id| (q.id.as_str(), id.as_str()))
            })
        })
        .collect();
    walk::items(&earlier)
        .filter(|place| {
            !claimed.contains(&(place.questionnaire.id.as_str(), place.item.id.as_str()))
        })
        .map(|place| one_side(place.questionnaire, place.item, &place.key, before))
        .collect()
}

/// A figure's number, when it has one.
fn number(v: ItemValue) -> Option<f64> {
    match v {
        ItemValue::Value(x) => Some(x),
        _ => None,
    }
}

fn one_side(q: &Questionnaire, item: &Item, key: &ItemKey, a: &Assessment) -> OneSide {
    OneSide {
        item: key.to_string(),
        version: sanitize_line(&q.version),
        prompt: sanitize_line(&item.prompt),
        answer: describe_answer(q, item, a.answer(key)),
    }
}

impl Comparison {
    /// The comparison as pretty JSON (`supplycheck compare --json`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    use crate::test_support::{
        assessment as answered, choice, na, ticked, worked_example as example,
    };

    #[test]
    fn moves_are_sorted_into_improved_slipped_new_and_gone() {
        let q = example();
        let before = answered(
            &q,
            "y2025",
            &[
                ("a", choice("partial")),
                ("b", choice("fully")),
                ("c", choice("not")),
                ("d", ticked(&["x"])),
            ],
        );
        let after = answered(
            &q,
            "y2026",
            &[
                ("a", choice("fully")),
                ("b", choice("largely")),
                ("c", choice("fully")),
                ("e", na()),
            ],
        );
        let c = compare(&[&q], &before, &[&q], &after);
        let ids = |v: &[ItemChange]| v.iter().map(|i| i.item.clone()).collect::<Vec<_>>();
        // c rose by 1, a by 0.67: the largest rise first.
        assert_eq!(ids(&c.improved), ["worked-example/c", "worked-example/a"]);
        assert_eq!(ids(&c.slipped), ["worked-example/b"]);
        assert_eq!(ids(&c.newly_answered), ["worked-example/e"]);
        assert_eq!(ids(&c.no_longer_answered), ["worked-example/d"]);
        assert_eq!(c.slipped[0].answer_before, "Fully implemented");
        assert_eq!(c.slipped[0].answer_after, "Largely implemented");
        assert_eq!(c.slipped[0].value_before, Some(1.0));
        assert_eq!(c.newly_answered[0].answer_after, "Not applicable");
        assert_eq!(
            c.no_longer_answered[0].answer_before,
            "1 of 2 checks in place"
        );

        // Before: a .33 w1, b 1 w2, c 0 w1, d .5 w1, e unanswered w1 → 2.83 / 6; after: a 1,
        // b .67 w2, c 1, d unanswered, e N/A → 3.34 / 5. With the earlier answered items
        // (d .5 kept, e unanswered): 3.84 / 6.
        let b = 2.83 / 6.0;
        let a = 3.34 / 5.0;
        let m = 3.84 / 6.0;
        let o = c.overall;
        let close = |x: Option<f64>, want: f64| (x.expect("a figure") - want).abs() < 1e-9;
        assert!(close(o.score_before, b));
        assert!(close(o.score_after, a));
        assert!(close(o.score_delta, a - b));
        assert!(close(o.score_from_answers, m - b));
        assert!(close(o.score_from_coverage, a - m));
        assert!(close(o.coverage_before, 4.0 / 5.0));
        assert!(close(o.coverage_after, 3.0 / 4.0));
        // 47 % → 67 %: 64 % with the earlier items, so +17 from answers and +3 from coverage.
        assert_eq!(o.shown().points, Some(20));
        assert_eq!(
            o.shown_parts(),
            Some(ShownParts {
                answers: 17,
                coverage: 3
            })
        );
        assert_eq!(o.direction(), Some(Ordering::Greater));
        // Before, a is below the pass mark; after, level 1 holds but d (level 2) is unanswered.
        assert_eq!((o.level_before, o.level_after), (Some(0), Some(1)));
        assert_eq!(c.sections.len(), 1);
        assert_eq!(c.sections[0].id, "worked-example/planning");
        assert_eq!(c.sections[0].change, o, "one section: the same figures");
    }

    #[test]
    fn removing_answers_is_a_fall_from_coverage_never_a_rise() {
        let q = example();
        let all = [
            ("a", choice("fully")),
            ("b", choice("partial")),
            ("c", choice("partial")),
            ("d", ticked(&["x"])),
            ("e", choice("not")),
        ];
        let before = answered(&q, "y2025", &all);
        // Format 1 showed 100 % here (the one answer left is "Fully"), a rise from 44 %.
        let after = answered(&q, "y2026", &all[..1]);
        let c = compare(&[&q], &before, &[&q], &after);
        let o = c.overall;
        assert_eq!(o.direction(), Some(Ordering::Less));
        let parts = o.shown_parts().expect("parts");
        assert_eq!(parts.answers, 0);
        assert!(parts.coverage < 0);
        assert_eq!(
            parts.answers + parts.coverage,
            o.shown().points.expect("points")
        );
        assert!(o.score_from_answers.expect("answers").abs() < 1e-12);
        assert_eq!(c.no_longer_answered.len(), 4);
        assert!(c.improved.is_empty());
    }

    #[test]
    fn the_json_names_every_field() {
        let q = example();
        let before = answered(&q, "y2025", &[]);
        let after = answered(&q, "y2026", &[("a", choice("fully"))]);
        let v: serde_json::Value =
            serde_json::from_str(&compare(&[&q], &before, &[&q], &after).to_json()).expect("json");
        assert_eq!(v["format"], "supplycheck.compare/2");
        assert_eq!(v["before"]["id"], "y2025");
        assert_eq!(v["overall"]["score_before"], 0.0);
        assert_eq!(v["overall"]["score_after"], 1.0 / 6.0);
        assert_eq!(v["overall"]["score_delta"], 1.0 / 6.0);
        assert_eq!(v["overall"]["score_from_answers"], 0.0);
        assert_eq!(v["overall"]["score_from_coverage"], 1.0 / 6.0);
        assert_eq!(v["overall"]["coverage_before"], 0.0);
        assert_eq!(v["overall"]["coverage_after"], 0.2);
        assert!(v["overall"].get("score_same_items").is_none());
        assert_eq!(v["sections"][0]["id"], "worked-example/planning");
        assert_eq!(v["sections"][0]["level_after"], 0);
        assert_eq!(v["newly_answered"][0]["item"], "worked-example/a");
        for key in [
            "improved",
            "slipped",
            "no_longer_answered",
            "only_before",
            "only_after",
        ] {
            assert_eq!(v[key], serde_json::json!([]), "{key}");
        }
    }

    #[test]
    fn across_versions_items_match_through_was_and_the_rest_are_on_one_side() {
        let v1 = example();
        let v2 = crate::questionnaire::Questionnaire::load_str(
            include_str!("../../tests/fixtures/worked-example-2.json"),
            "worked-example-2.json",
        )
        .expect("fixture loads")
        .0;
        let before = answered(
            &v1,
            "y2025",
            &[
                ("a", choice("partial")),
                ("b", choice("partial")),
                ("c", choice("fully")),
            ],
        );
        let after = answered(
            &v2,
            "y2026",
            &[
                ("a", choice("some")),
                ("b2", choice("fully")),
                ("f", choice("fully")),
            ],
        );
        let c = compare(&[&v1], &before, &[&v2], &after);
        let ids = |v: &[ItemChange]| v.iter().map(|i| i.item.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&c.improved), ["worked-example/b2"], "b is b2 now");
        assert_eq!(c.improved[0].answer_before, "Partially implemented");
        assert_eq!(c.improved[0].answer_after, "Fully implemented");
        assert!(
            c.slipped.is_empty(),
            "a kept its value under its new option key"
        );
        assert!(c.newly_answered.is_empty() && c.no_longer_answered.is_empty());
        let sides = |v: &[OneSide]| {
            v.iter()
                .map(|i| (i.item.clone(), i.version.clone(), i.answer.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            sides(&c.only_before),
            [(
                "worked-example/c".to_string(),
                "1.0.0".to_string(),
                "Fully implemented".to_string()
            )]
        );
        assert_eq!(
            sides(&c.only_after),
            [(
                "worked-example/f".to_string(),
                "2.0.0".to_string(),
                "Fully implemented".to_string()
            )]
        );
        let json: serde_json::Value = serde_json::from_str(&c.to_json()).expect("json");
        assert_eq!(json["only_before"][0]["item"], "worked-example/c");
        assert_eq!(json["only_after"][0]["prompt"], "Item F, new in 2.0.0?");
        let same = compare(&[&v1], &before, &[&v1], &before);
        assert!(same.only_before.is_empty() && same.only_after.is_empty());
    }

    #[test]
    fn sections_only_on_one_side_have_no_score_on_the_other() {
        let q = example();
        let cert = crate::catalog::Catalog::built_in();
        let exd = cert.get("cert-exd").expect("built-in");
        let before = answered(&q, "y2025", &[("a", choice("fully"))]);
        let mut after = Assessment::new("y2026".into(), "y".into(), "Acme".into(), None, &[exd]);
        after
            .answers
            .insert("cert-exd/high-value-services".into(), choice("yes"));
        let c = compare(&[&q], &before, &[exd], &after);
        let first = &c.sections[0];
        assert!(first.id.starts_with("cert-exd/"));
        assert_eq!(first.change.score_before, None);
        let last = c.sections.last().expect("sections");
        assert_eq!(last.id, "worked-example/planning");
        assert_eq!(last.change.score_after, None);
        assert_eq!(last.change.direction(), None);
        assert!(c.improved.is_empty() && c.newly_answered.is_empty());
    }
}
