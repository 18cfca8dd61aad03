//! The scoring rule's tests: SCORING.md's worked example and each rule on its own.

use super::*;
use crate::assessment::{Answer, Value};

use crate::test_support::{
    choice, na, worked_example as example, worked_example_2, worked_example_2_answers,
};

fn assessment(q: &Questionnaire, answers: &[(&str, Answer)]) -> Assessment {
    crate::test_support::assessment(q, "t", answers)
}

fn close(x: Option<f64>, want: f64) -> bool {
    x.is_some_and(|x| (x - want).abs() < 1e-12)
}

#[test]
fn the_worked_example_scores_as_documented() {
    let q = worked_example_2();
    let a = assessment(&q, &worked_example_2_answers());
    let r = score(&[&q], &a);
    let s = &r.sections[0];
    let f = &s.figures;
    assert!(close(f.score, 3.17 / 6.0), "{:?}", f.score);
    assert_eq!(crate::figures::percent(f.score), "53 %");
    assert!(close(f.answered_score, 0.634), "{:?}", f.answered_score);
    assert!(close(f.coverage, 0.8), "{:?}", f.coverage);
    assert_eq!(f.level, Some(1));
    assert_eq!(f.level_name, Some("Performed"));
    assert_eq!(
        (f.answered, f.unknown, f.applicable, f.na, f.total),
        (4, 0, 5, 1, 6)
    );
    assert_eq!(s.blocking, ["worked-example/c"]);
    assert_eq!((s.target, s.meets_target), (None, None));
    let gaps: Vec<(&str, u8)> = r.gaps.iter().map(|g| (g.item.as_str(), g.level)).collect();
    assert_eq!(gaps, [("worked-example/c", 2), ("worked-example/f", 3)]);
    assert!((r.gaps[1].value - 0.5).abs() < 1e-12);
    assert_eq!(r.not_assessed, ["worked-example/e"]);
    assert_eq!(&r.overall, f);
}

#[test]
fn a_checklist_of_alternatives_is_met_by_the_number_required() {
    let q = worked_example_2();
    let (_, f) = q.item("f").expect("f");
    let ticks = |ticked: &[&str], na: &[&str]| {
        let a = Answer::from(Value::Checklist {
            ticked: ticked.iter().map(|c| (*c).to_string()).collect(),
            na_checks: na.iter().map(|c| (*c).to_string()).collect(),
        });
        item_value(&q, f, Some(&a))
    };
    assert_eq!(ticks(&["testing"], &[]), ItemValue::Value(0.5));
    assert_eq!(ticks(&["testing", "auditing"], &[]), ItemValue::Value(1.0));
    assert_eq!(
        ticks(&["testing", "auditing", "accreditation"], &[]),
        ItemValue::Value(1.0)
    );
    // Only one check applicable: min(2, 1) = 1 is enough.
    assert_eq!(
        ticks(
            &["testing"],
            &["auditing", "accreditation", "certification"]
        ),
        ItemValue::Value(1.0)
    );
    assert_eq!(
        ticks(
            &[],
            &["testing", "auditing", "accreditation", "certification"]
        ),
        ItemValue::NotApplicable
    );
}

#[test]
fn dont_know_is_answered_worth_nothing_and_not_known() {
    let q = worked_example_2();
    let mut answers = worked_example_2_answers();
    answers.push(("e", choice("dont-know")));
    let r = score(&[&q], &assessment(&q, &answers));
    let f = &r.overall;
    assert_eq!((f.answered, f.unknown, f.applicable), (5, 1, 5));
    assert!(close(f.coverage, 0.8));
    assert!(close(f.score, 3.17 / 6.0));
    assert!(close(f.answered_score, 3.17 / 6.0));
    assert!(r.not_assessed.is_empty());
    let gaps: Vec<&str> = r.gaps.iter().map(|g| g.item.as_str()).collect();
    assert_eq!(
        gaps,
        ["worked-example/c", "worked-example/e", "worked-example/f"]
    );
    assert_eq!(
        item_value(&q, q.item("e").expect("e").1, Some(&choice("dont-know"))),
        ItemValue::Unknown
    );
}

#[test]
fn targets_come_from_the_section_else_the_default() {
    let q = worked_example_2();
    let mut a = assessment(&q, &worked_example_2_answers());
    let r = score(&[&q], &a);
    let v: serde_json::Value = serde_json::from_str(&r.to_json()).expect("json");
    assert!(v["sections"][0].get("target").is_none());
    assert!(v["sections"][0].get("meets_target").is_none());
    a.default_target = Some(1);
    let s = &score(&[&q], &a).sections[0];
    assert_eq!((s.target, s.meets_target), (Some(1), Some(true)));
    a.targets = Some(
        [("worked-example/planning".to_string(), 2)]
            .into_iter()
            .collect(),
    );
    let s = &score(&[&q], &a).sections[0];
    assert_eq!((s.target, s.meets_target), (Some(2), Some(false)));
}

#[test]
fn unanswered_items_count_as_nothing_and_block_their_level() {
    let q = example();
    let r = score(&[&q], &assessment(&q, &[("a", choice("fully"))]));
    // Only A answered (weight 1 of 6): one "Fully" is not 100 %.
    assert!(close(r.overall.score, 1.0 / 6.0));
    assert!(close(r.overall.answered_score, 1.0));
    assert!(close(r.overall.coverage, 0.2));
    assert_eq!(r.overall.level, Some(0));
    assert_eq!(r.sections[0].blocking, ["worked-example/b"]);
    assert_eq!(r.not_assessed.len(), 4);
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
fn an_empty_assessment_has_level_zero_and_score_zero() {
    let q = example();
    let r = score(&[&q], &assessment(&q, &[]));
    assert_eq!(r.overall.score, Some(0.0));
    assert_eq!(r.overall.answered_score, None);
    assert_eq!(r.overall.coverage, Some(0.0));
    assert_eq!(r.overall.level, Some(0));
    assert_eq!(r.not_assessed.len(), 5);
    assert_eq!(
        r.sections[0].blocking,
        ["worked-example/a", "worked-example/b"]
    );
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
    let f = &r.sections[0].figures;
    assert_eq!(f.level, None);
    assert_eq!(f.level_name, None);
    assert_eq!((f.score, f.answered_score, f.coverage), (None, None, None));
    assert_eq!(r.overall.level, None);
    assert_eq!((r.overall.answered, r.overall.na), (0, 5));
    assert!(r.sections[0].blocking.is_empty());
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
    assert!(r.sections[0].blocking.is_empty());
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

/// The keys of an object in the order the JSON text holds them.
fn keys(json: &str) -> Vec<String> {
    serde_json::from_str::<indexmap::IndexMap<String, serde_json::Value>>(json)
        .expect("object")
        .into_keys()
        .collect()
}

fn json<T: Serialize>(x: &T) -> String {
    serde_json::to_string(x).expect("json")
}

#[test]
fn the_json_has_the_documented_shape() {
    let q = worked_example_2();
    let mut a = assessment(&q, &worked_example_2_answers());
    a.targets = Some(
        [("worked-example/planning".to_string(), 2)]
            .into_iter()
            .collect(),
    );
    let r = score(&[&q], &a);
    let text = r.to_json();
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["format"], "supplycheck.score/2");
    assert_eq!(v["assessment"], "t");
    assert_eq!(
        keys(&text),
        [
            "format",
            "assessment",
            "overall",
            "sections",
            "gaps",
            "not_assessed"
        ]
    );
    let figures = [
        "score",
        "answered_score",
        "coverage",
        "level",
        "level_name",
        "answered",
        "unknown",
        "applicable",
        "na",
        "na_by_rule",
        "total",
    ];
    assert_eq!(keys(&json(&r.overall)), figures);
    let mut section = vec!["id", "title"];
    section.extend(figures);
    section.extend(["blocking", "target", "meets_target"]);
    assert_eq!(keys(&json(&r.sections[0])), section);
    assert_eq!(v["overall"]["level"], 1);
    assert_eq!(v["overall"]["level_name"], "Performed");
    assert_eq!(v["overall"]["coverage"], 0.8);
    assert_eq!(v["sections"][0]["id"], "worked-example/planning");
    assert_eq!(v["sections"][0]["title"], "1. Planning");
    assert_eq!(
        v["sections"][0]["blocking"],
        serde_json::json!(["worked-example/c"])
    );
    assert_eq!(v["sections"][0]["target"], 2);
    assert_eq!(v["sections"][0]["meets_target"], false);
    assert_eq!(
        keys(&json(&r.gaps[0])),
        ["item", "level", "weight", "value"]
    );
    assert_eq!(v["gaps"][0]["item"], "worked-example/c");
    assert_eq!(v["gaps"][0]["value"], 0.33);
    assert_eq!(v["not_assessed"], serde_json::json!(["worked-example/e"]));
    let empty = assessment(&q, &[("a", na())]);
    let v: serde_json::Value = serde_json::from_str(&score(&[&q], &empty).to_json()).expect("json");
    assert_eq!(v["overall"]["answered_score"], serde_json::Value::Null);
}
