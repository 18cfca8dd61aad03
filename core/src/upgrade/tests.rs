use pretty_assertions::assert_eq;

use super::*;
use crate::test_support::{assessment, choice, na, ticked, worked_example};

const VERSION_2: &str = include_str!("../../../tests/fixtures/worked-example-2.json");

fn version_2() -> Questionnaire {
    Questionnaire::load_str(VERSION_2, "worked-example-2.json")
        .expect("fixture loads")
        .0
}

/// A catalog holding both versions of the worked example.
fn catalog() -> Catalog {
    Catalog::with_built_ins(
        &[("worked-example", VERSION_2)],
        &[("worked-example", crate::test_support::WORKED_EXAMPLE)],
    )
}

fn text(t: &str) -> Answer {
    Answer::from(Value::Text(t.into()))
}

/// An assessment of version 1.0.0 answering every item.
fn answered() -> Assessment {
    let mut a = assessment(
        &worked_example(),
        "y2025",
        &[
            ("a", choice("fully")),
            ("b", choice("partial")),
            ("c", choice("largely")),
            ("d", ticked(&["x", "y"])),
            ("e", na()),
            ("strategy", text("Grow")),
        ],
    );
    a.answers.get_mut("worked-example/b").expect("b").note = Some("ask IT".into());
    a
}

#[test]
fn answers_carry_by_id_and_was_and_the_rest_retire_with_their_version() {
    let before = answered();
    let Outcome { report, assessment } =
        upgrade(&catalog(), &before, Request::default()).expect("upgrades");
    assert_eq!(assessment.questionnaires[0].version, "2.0.0");
    let step = &report.questionnaires[0];
    assert_eq!((step.from.as_str(), step.to.as_str()), ("1.0.0", "2.0.0"));
    let carried: Vec<(&str, &str)> = step
        .carried
        .iter()
        .map(|c| (c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(
        carried,
        [
            ("worked-example/a", "worked-example/a"),
            ("worked-example/d", "worked-example/d"),
            ("worked-example/e", "worked-example/e"),
            ("worked-example/strategy", "worked-example/strategy"),
            ("worked-example/b", "worked-example/b2"),
        ]
    );
    let b2 = &assessment.answers["worked-example/b2"];
    assert_eq!(b2.choice(), Some("some"), "the option carried by its was");
    assert_eq!(b2.note.as_deref(), Some("ask IT"), "with its note");
    assert_eq!(step.carried[4].changes, ["option partial is now some"]);
    assert_eq!(
        assessment.answers["worked-example/d"].ticked(),
        Some(&["x".to_string()][..])
    );
    assert_eq!(step.carried[1].changes, ["check(s) no longer listed: y"]);

    let retired: Vec<(&str, &str)> = assessment
        .retired
        .iter()
        .map(|r| (r.item.as_str(), r.version.as_str()))
        .collect();
    assert_eq!(
        retired,
        [("worked-example/d", "1.0.0"), ("worked-example/c", "1.0.0")]
    );
    assert_eq!(
        assessment.retired[0].answer,
        ticked(&["x", "y"]),
        "all of it"
    );
    assert_eq!(assessment.retired[1].answer, choice("largely"));
    assert_eq!(step.retired[1].reason, "version 2.0.0 has no such item");
    assert!(!assessment.answers.contains_key("worked-example/c"));
    assert!(!assessment.answers.contains_key("worked-example/b"));
    assert_eq!(step.unanswered, ["worked-example/f"]);
    assert!(
        assessment.check(&catalog()).is_empty(),
        "{:?}",
        assessment.check(&catalog())
    );
}

#[test]
fn nothing_an_assessment_held_is_lost() {
    let before = answered();
    let Outcome { report, assessment } =
        upgrade(&catalog(), &before, Request::default()).expect("upgrades");
    let step = &report.questionnaires[0];
    for (key, answer) in &before.answers {
        let carried = step.carried.iter().any(|c| c.from == *key);
        let retired = assessment
            .retired
            .iter()
            .any(|r| r.item == *key && r.answer == *answer && r.version == "1.0.0");
        assert!(carried || retired, "{key} is neither carried nor retired");
        if !carried {
            assert!(step.retired.iter().any(|r| r.item == *key));
        }
    }
    assert_eq!(
        assessment.answers.len() + assessment.retired.len(),
        before.answers.len() + 1,
        "every answer once, and the part-carried checklist also whole in retired"
    );
}

#[test]
fn an_answer_that_no_longer_fits_its_item_retires() {
    let mut v2 = version_2();
    v2.sections
        .iter_mut()
        .flat_map(|s| &mut s.items)
        .find(|i| i.id == "e")
        .expect("e")
        .allow_na = Some(false);
    v2.scales
        .get_mut("implementation")
        .expect("scale")
        .options
        .retain(|o| o.key != "fully");
    let v2_text = v2.to_json();
    let catalog = Catalog::with_built_ins(
        &[("worked-example", &v2_text)],
        &[("worked-example", crate::test_support::WORKED_EXAMPLE)],
    );
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    let mut before = answered();
    before
        .answers
        .insert("worked-example/strategy".into(), choice("fully"));
    let Outcome { report, assessment } =
        upgrade(&catalog, &before, Request::default()).expect("upgrades");
    let reasons: Vec<(&str, &str)> = report.questionnaires[0]
        .retired
        .iter()
        .map(|r| (r.item.as_str(), r.reason.as_str()))
        .collect();
    for expected in [
        (
            "worked-example/a",
            "option \"fully\" is not in version 2.0.0's scale, and no option there was called so",
        ),
        (
            "worked-example/e",
            "it was N/A, and e does not allow N/A in version 2.0.0",
        ),
        (
            "worked-example/strategy",
            "it was an option, and strategy is a text item in version 2.0.0",
        ),
    ] {
        assert!(reasons.contains(&expected), "{expected:?} in {reasons:#?}");
    }
    assert!(!assessment.answers.contains_key("worked-example/a"));
}

#[test]
fn an_answer_by_the_same_id_wins_over_one_carried_by_was() {
    let mut before = answered();
    // An answer to b2 under version 1.0.0 (not an item there) and one to b.
    before
        .answers
        .insert("worked-example/b2".into(), choice("not"));
    let Outcome { report, assessment } =
        upgrade(&catalog(), &before, Request::default()).expect("upgrades");
    assert_eq!(
        assessment.answers["worked-example/b2"].choice(),
        Some("not")
    );
    let step = &report.questionnaires[0];
    let b = step
        .retired
        .iter()
        .find(|r| r.item == "worked-example/b")
        .expect("b retired");
    assert_eq!(
        b.reason,
        "another answer was carried to worked-example/b2, which takes one answer"
    );
}

#[test]
fn an_assessment_already_on_the_newest_version_says_which_versions_exist() {
    let a = assessment(&version_2(), "y2026", &[]);
    let err = upgrade(&catalog(), &a, Request::default()).expect_err("nothing newer");
    assert_eq!(
        err.to_string(),
        "there is no newer version to upgrade to: worked-example is on 2.0.0 (available: \
         1.0.0, 2.0.0). To add one, put its file in the data directory's questionnaires/ \
         folder or pass --questionnaire-file."
    );
    let old = answered();
    let to = |v| Request {
        questionnaire: None,
        to: Some(v),
    };
    assert_eq!(
        upgrade(&catalog(), &old, to("3.0.0"))
            .expect_err("no such version")
            .to_string(),
        "questionnaire \"worked-example\" has no version 3.0.0 here; the versions available \
         are 1.0.0, 2.0.0. Put the file of version 3.0.0 in the data directory's \
         questionnaires/ folder or pass --questionnaire-file."
    );
    assert!(matches!(
        upgrade(&catalog(), &old, to("1.0.0")),
        Err(UpgradeError::NotNewer { .. })
    ));
    assert!(matches!(
        upgrade(
            &catalog(),
            &old,
            Request {
                questionnaire: Some("cfcs-phases"),
                to: None
            }
        ),
        Err(UpgradeError::NotUsed { .. })
    ));
    let done = upgrade(&catalog(), &old, to("2.0.0")).expect("upgrades");
    assert_eq!(done.report.questionnaires[0].to, "2.0.0");
}

#[test]
fn the_newer_versions_an_assessment_could_move_to_are_listed() {
    assert_eq!(
        newer_versions(&catalog(), &answered()),
        [Newer {
            id: "worked-example".into(),
            current: "1.0.0".into(),
            newest: "2.0.0".into(),
        }]
    );
    assert!(newer_versions(&catalog(), &assessment(&version_2(), "n", &[])).is_empty());
}

#[test]
fn the_report_as_json_names_every_field() {
    let Outcome { report, .. } =
        upgrade(&catalog(), &answered(), Request::default()).expect("upgrades");
    let v: serde_json::Value = serde_json::from_str(&report.to_json()).expect("json");
    assert_eq!(v["format"], "supplycheck.upgrade/1");
    assert_eq!(v["assessment"], "y2025");
    let step = &v["questionnaires"][0];
    assert_eq!(step["id"], "worked-example");
    assert_eq!(step["from"], "1.0.0");
    assert_eq!(step["to"], "2.0.0");
    assert_eq!(
        step["carried"][0],
        serde_json::json!({"from": "worked-example/a", "to": "worked-example/a"})
    );
    assert_eq!(step["retired"][1]["version"], "1.0.0");
    assert_eq!(step["unanswered"], serde_json::json!(["worked-example/f"]));
}

#[test]
fn a_settled_items_responses_and_record_move_with_it() {
    let mut before = answered();
    before.responses.insert(
        "worked-example/b".into(),
        vec![
            crate::assessment::Response {
                respondent: "Ann".into(),
                answer: choice("partial"),
            },
            crate::assessment::Response {
                respondent: "Bob".into(),
                answer: choice("fully"),
            },
        ],
    );
    let partial = choice("partial");
    assert!(before.settle("worked-example/b", &partial, "facilitator", Some("Ann")));
    let Outcome { assessment, .. } =
        upgrade(&catalog(), &before, Request::default()).expect("upgrades");
    assert_eq!(assessment.responses["worked-example/b2"].len(), 2);
    assert_eq!(
        assessment.settled["worked-example/b2"].from.as_deref(),
        Some("Ann")
    );
    assert!(!assessment.settled.contains_key("worked-example/b"));
    assert!(assessment.disputes().is_empty());
}
