//! The published JSON Schemas agree with the files supplycheck reads and writes.

use serde_json::{Value, json};

mod common;

use common::schema::{errors, load, validator};

#[test]
fn every_built_in_questionnaire_matches_the_schema() {
    let v = validator("questionnaires/questionnaire.schema.json");
    for (id, text) in supplycheck::catalog::BUILT_INS {
        let instance: Value = serde_json::from_str(text).expect("built-in parses");
        let errs = errors(&v, &instance);
        assert!(errs.is_empty(), "{id}: {errs:#?}");
    }
    let fixture = load("tests/fixtures/worked-example.json");
    assert!(errors(&v, &fixture).is_empty());
}

#[test]
fn the_questionnaire_schema_rejects_broken_files() {
    let v = validator("questionnaires/questionnaire.schema.json");
    let good = load("tests/fixtures/worked-example.json");

    let mut bad_level = good.clone();
    bad_level["sections"][0]["items"][0]["level"] = json!(4);
    assert!(!v.is_valid(&bad_level));

    let mut unknown_field = good.clone();
    unknown_field["sections"][0]["items"][0]["wieght"] = json!(2);
    assert!(!v.is_valid(&unknown_field));

    let mut empty_checklist = good.clone();
    empty_checklist["sections"][0]["items"][3]["checks"] = json!([]);
    assert!(!v.is_valid(&empty_checklist));

    let mut bad_id = good.clone();
    bad_id["id"] = json!("Not An Id");
    assert!(!v.is_valid(&bad_id));

    let mut scored_text = good;
    scored_text["sections"][0]["items"][5]["level"] = json!(1);
    assert!(!v.is_valid(&scored_text));
}

#[test]
fn assessments_written_by_supplycheck_match_the_schema() {
    let v = validator("questionnaires/assessment.schema.json");
    let q = supplycheck::questionnaire::Questionnaire::load_str(
        include_str!("fixtures/worked-example.json"),
        "worked-example.json",
    )
    .expect("fixture loads")
    .0;
    let mut a = supplycheck::assessment::Assessment::new(
        "acme".into(),
        "Acme".into(),
        "Acme Ltd".into(),
        Some("CISO".into()),
        &[&q],
    );
    for (item, value) in [
        ("a", "fully"),
        ("d", "x"),
        ("e", "na"),
        ("strategy", "We accept…"),
    ] {
        let (_, it) = q.item(item).expect("item");
        let entry = a
            .answers
            .entry(format!("worked-example/{item}"))
            .or_default();
        supplycheck::assessment::apply_value(&q, it, entry, value, None).expect("applies");
    }
    a.answers.get_mut("worked-example/a").expect("a").note = Some("note".into());
    a.responses.insert(
        "worked-example/b".into(),
        vec![supplycheck::assessment::Response {
            respondent: "CFO".into(),
            answer: supplycheck::assessment::Answer::from(supplycheck::assessment::Value::Choice(
                "not".into(),
            )),
        }],
    );
    let instance = serde_json::to_value(&a).expect("serialises");
    let errs = errors(&v, &instance);
    assert!(errs.is_empty(), "{errs:#?}");

    let mut two_values = instance.clone();
    two_values["answers"]["worked-example/a"]["text"] = json!("and text");
    assert!(!v.is_valid(&two_values));
    let mut unknown = instance;
    unknown["answers"]["worked-example/a"]["choise"] = json!("fully");
    assert!(!v.is_valid(&unknown));
}

#[test]
fn the_schemas_describe_unknown_options_required_checks_and_targets() {
    let v = validator("questionnaires/questionnaire.schema.json");
    let two = load("tests/fixtures/worked-example-2.json");
    assert!(errors(&v, &two).is_empty(), "{:#?}", errors(&v, &two));
    let mut worth_something = two.clone();
    worth_something["scales"]["implementation"]["options"][4]["value"] = json!(0.5);
    assert!(
        !v.is_valid(&worth_something),
        "a Don't know option is worth 0"
    );
    let mut required_zero = two.clone();
    required_zero["sections"][0]["items"][5]["required"] = json!(0);
    assert!(!v.is_valid(&required_zero));
    let mut required_on_choice = two;
    required_on_choice["sections"][0]["items"][0]["required"] = json!(1);
    assert!(
        !v.is_valid(&required_on_choice),
        "only a checklist takes required"
    );

    let v = validator("questionnaires/assessment.schema.json");
    let q = supplycheck::questionnaire::Questionnaire::load_str(
        include_str!("fixtures/worked-example-2.json"),
        "worked-example-2.json",
    )
    .expect("fixture loads")
    .0;
    let mut a = supplycheck::assessment::Assessment::new(
        "acme".into(),
        "Acme".into(),
        "Acme Ltd".into(),
        None,
        &[&q],
    );
    a.targets = Some(
        [("worked-example/planning".to_string(), 2)]
            .into_iter()
            .collect(),
    );
    a.default_target = Some(1);
    let instance = serde_json::to_value(&a).expect("serialises");
    assert!(
        errors(&v, &instance).is_empty(),
        "{:#?}",
        errors(&v, &instance)
    );
    let mut too_high = instance.clone();
    too_high["targets"]["worked-example/planning"] = json!(4);
    assert!(!v.is_valid(&too_high));
    let mut bad_default = instance;
    bad_default["default_target"] = json!(-1);
    assert!(!v.is_valid(&bad_default));
}
