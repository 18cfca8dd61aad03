//! The board pack model, checked against the worked example.

use super::*;
use crate::assessment::{Answer, Value};
use crate::catalog::Catalog;

use crate::test_support::worked_example as example;

fn answered(q: &Questionnaire) -> Assessment {
    let mut a = Assessment::new(
        "t".into(),
        "Test".into(),
        "Acme".into(),
        Some("Ann".into()),
        &[q],
    );
    let mut set = |id: &str, f: &dyn Fn(&mut Answer)| {
        let entry = a.answers.entry(format!("worked-example/{id}")).or_default();
        f(entry);
    };
    set("a", &|x| {
        x.choose_option("fully");
        x.flag = true;
    });
    set("b", &|x| x.choose_option("largely"));
    set("c", &|x| {
        x.choose_option("partial");
        x.note = Some("Needs a plan\u{1b}[31m".into());
        x.owner = Some("contract-manager".into());
    });
    set("d", &|x| x.value = Value::NotApplicable);
    set("e", &|x| x.flag = true);
    set("strategy", &|x| {
        x.value = Value::Text("Low appetite".into());
    });
    a
}

#[test]
fn the_worked_example_gives_the_documented_pack() {
    let q = example();
    let pack = BoardPack::from_questionnaires(&[&q], &answered(&q));
    assert_eq!(pack.overall.level, Some(1));
    assert_eq!(pack.areas.len(), 1);
    assert_eq!(pack.areas[0].id, "worked-example/planning");
    assert_eq!(pack.areas[0].questionnaire, "Worked example");
    assert_eq!(pack.not_assessed, 1);
    assert_eq!(pack.weakest_links.len(), 1);
    let c = &pack.weakest_links[0];
    assert_eq!(c.item, "worked-example/c");
    assert_eq!(c.answer, "Partially implemented");
    assert_eq!(c.owner.as_deref(), Some("Contract manager"));
    assert_eq!(
        c.note.as_deref(),
        Some("Needs a plan"),
        "escapes are removed"
    );
    assert_eq!(c.refs, ["CFCS 1.3"]);
    assert_eq!(
        pack.board_answers,
        [BoardAnswer {
            item: "worked-example/strategy".into(),
            prompt: "Your strategy in words?".into(),
            section: "1. Planning".into(),
            answer: Some("Low appetite".into()),
        }]
    );
    assert_eq!(pack.items.len(), 6);
    assert_eq!(pack.questionnaires[0].version, "1.0.0");
    assert_eq!(pack.flagged(), 2);
}

#[test]
fn the_action_plan_lists_gaps_first_then_flagged_items_in_order() {
    let q = example();
    let mut a = answered(&q);
    a.answers
        .entry("worked-example/b".into())
        .or_default()
        .choose_option("not");
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    let plan: Vec<(&str, bool, bool)> = pack
        .action_plan
        .iter()
        .map(|x| (x.item.as_str(), x.is_gap, x.flag))
        .collect();
    assert_eq!(
        plan,
        [
            ("worked-example/b", true, false),
            ("worked-example/c", true, false),
            ("worked-example/a", false, true),
            ("worked-example/e", false, true),
        ]
    );
    assert_eq!(pack.action_plan[3].value, None);
    assert_eq!(pack.action_plan[3].answer, "");
    assert_eq!(pack.action_plan[2].value, Some(1.0));
}

#[test]
fn an_empty_assessment_has_an_empty_plan() {
    let q = example();
    let a = Assessment::new("e".into(), "E".into(), String::new(), None, &[&q]);
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    assert!(pack.action_plan.is_empty());
    assert!(pack.weakest_links.is_empty());
    assert_eq!(pack.not_assessed, 5);
    assert_eq!(pack.board_answers[0].answer, None);
    assert!(pack.items.iter().all(|r| r.status == Status::Unanswered));
}

#[test]
fn checklists_read_as_checks_in_place() {
    let q = example();
    let mut a = answered(&q);
    let d = a.answers.entry("worked-example/d".into()).or_default();
    d.value = Value::Checklist {
        ticked: vec!["x".into()],
        na_checks: Vec::new(),
    };
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    let row = pack
        .items
        .iter()
        .find(|r| r.item == "worked-example/d")
        .expect("d");
    assert_eq!(row.answer, "1 of 2 checks in place");
    assert_eq!(row.status, Status::BelowPassMark);
    assert!(row.checks[0].ticked && !row.checks[1].ticked);
}

#[test]
fn build_uses_the_workspace_catalog() {
    let q = example();
    let mut catalog = Catalog::default();
    catalog.insert(q.clone());
    let ws = Workspace {
        store: crate::store::Store::at(std::path::PathBuf::from("unused")),
        catalog,
    };
    let pack = BoardPack::build(&ws, &answered(&q));
    assert_eq!(pack.areas.len(), 1);
    assert_eq!(pack.score.assessment, "t");
}

#[test]
fn times_read_as_dates() {
    assert_eq!(
        display_time("2026-11-22T10:00:00Z"),
        "22 November 2026, 10:00 UTC"
    );
    assert_eq!(display_time("yesterday"), "yesterday");
    assert_eq!(percent(Some(0.6675)), "67 %");
    assert_eq!(percent(None), "–");
}

#[test]
fn an_area_with_one_na_and_one_answer_below_the_pass_mark_is_assessed() {
    let q = example();
    let a = crate::test_support::assessment(
        &q,
        "p",
        &[
            ("a", crate::test_support::na()),
            ("b", crate::test_support::choice("not")),
        ],
    );
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    assert!(pack.areas[0].assessed);
    let none = crate::test_support::assessment(&q, "n", &[("a", crate::test_support::na())]);
    let pack = BoardPack::from_questionnaires(&[&q], &none);
    assert!(
        !pack.areas[0].assessed,
        "only N/A: nothing applicable answered"
    );
}
