//! The published JSON Schemas agree with the files supplycheck reads and writes: format 1
//! (`questionnaire-1`, `assessment-1`) and format 2 (`questionnaire-2`, `assessment-2`).

use serde_json::{Value, json};

mod common;

use common::schema::{errors, load, validator};

const QUESTIONNAIRE_1: &str = "questionnaires/questionnaire-1.schema.json";
const QUESTIONNAIRE_2: &str = "questionnaires/questionnaire-2.schema.json";
const ASSESSMENT_1: &str = "questionnaires/assessment-1.schema.json";
const ASSESSMENT_2: &str = "questionnaires/assessment-2.schema.json";

/// The worked example as a format 2 questionnaire.
fn worked_example_2() -> Value {
    let mut q = load("tests/fixtures/worked-example.json");
    q["format"] = json!("supplycheck.questionnaire/2");
    q
}

#[test]
fn every_built_in_questionnaire_matches_the_schema() {
    let v2 = validator(QUESTIONNAIRE_2);
    for (id, text) in supplycheck::catalog::BUILT_INS {
        let instance: Value = serde_json::from_str(text).expect("built-in parses");
        let errs = errors(&v2, &instance);
        assert!(errs.is_empty(), "{id}: {errs:#?}");
    }
    let v = validator(QUESTIONNAIRE_1);
    for (id, text) in supplycheck::catalog::ARCHIVED {
        let instance: Value = serde_json::from_str(text).expect("built-in parses");
        let errs = errors(&v, &instance);
        assert!(errs.is_empty(), "{id}: {errs:#?}");
    }
    let fixture = load("tests/fixtures/worked-example.json");
    assert!(errors(&v, &fixture).is_empty());
    let two = validator(QUESTIONNAIRE_2);
    assert!(
        !two.is_valid(&fixture),
        "the format 2 schema names its own format"
    );
    let errs = errors(&two, &worked_example_2());
    assert!(
        errs.is_empty(),
        "format 1's fields are format 2's: {errs:#?}"
    );
    let upgraded_version = load("tests/fixtures/worked-example-2.json");
    let errs = errors(&two, &upgraded_version);
    assert!(errs.is_empty(), "a version with `was`: {errs:#?}");
}

#[test]
fn the_questionnaire_schema_rejects_broken_files() {
    for (schema, good) in [
        (QUESTIONNAIRE_1, load("tests/fixtures/worked-example.json")),
        (QUESTIONNAIRE_2, worked_example_2()),
    ] {
        let v = validator(schema);

        let mut bad_level = good.clone();
        bad_level["sections"][0]["items"][0]["level"] = json!(4);
        assert!(!v.is_valid(&bad_level), "{schema}");

        let mut unknown_field = good.clone();
        unknown_field["sections"][0]["items"][0]["wieght"] = json!(2);
        assert!(!v.is_valid(&unknown_field), "{schema}");

        let mut empty_checklist = good.clone();
        empty_checklist["sections"][0]["items"][3]["checks"] = json!([]);
        assert!(!v.is_valid(&empty_checklist), "{schema}");

        let mut bad_id = good.clone();
        bad_id["id"] = json!("Not An Id");
        assert!(!v.is_valid(&bad_id), "{schema}");

        let mut scored_text = good;
        scored_text["sections"][0]["items"][5]["level"] = json!(1);
        assert!(!v.is_valid(&scored_text), "{schema}");
    }
}

#[test]
fn the_format_2_questionnaire_schema_describes_every_new_field() {
    let v = validator(QUESTIONNAIRE_2);
    let mut q = worked_example_2();
    q["scope"] = json!("supplier");
    q["scales"]["implementation"]["options"][0]["was"] = json!(["none"]);
    q["scales"]["implementation"]["options"]
        .as_array_mut()
        .expect("options")
        .push(json!({ "key": "dont-know", "label": "Don't know", "value": 0, "unknown": true }));
    let items = &mut q["sections"][0]["items"];
    items[0]["action"] = json!("Keep a register of every supplier's access");
    items[0]["was"] = json!(["old-a"]);
    items[0]["when"] = json!({ "any": [
        { "tier": ["critical", "high"] },
        { "all": [ { "item": "worked-example/b", "in": ["fully", "largely"] } ] }
    ] });
    items[3]["required"] = json!(1);
    let errs = errors(&v, &q);
    assert!(errs.is_empty(), "{errs:#?}");
    let mut scoped = worked_example_2();
    scoped["scope"] = q["scope"].clone();
    for field in ["action", "when"] {
        scoped["sections"][0]["items"][0][field] = q["sections"][0]["items"][0][field].clone();
    }
    assert!(errors(&v, &scoped).is_empty());
    let parsed = supplycheck::questionnaire::Questionnaire::load_str(
        &serde_json::to_string(&scoped).expect("json"),
        "q.json",
    );
    assert!(
        parsed.is_ok_and(|(_, findings)| findings.iter().all(|f| f
            .message
            .starts_with(supplycheck::questionnaire::ALL_NA_AT_LEVEL))),
        "supplycheck reads scope, action and when as the schema gives them"
    );

    for (place, bad) in [
        ("/scope", json!({ "scope": "team" })),
        ("/when", json!({ "when": { "tier": ["huge"] } })),
        ("/when", json!({ "when": { "tier": ["low"], "any": [] } })),
        ("/when", json!({ "when": { "item": "worked-example/b" } })),
        ("/required", json!({ "required": 0 })),
        ("/action", json!({ "action": "" })),
    ] {
        let mut broken = q.clone();
        for (k, val) in bad.as_object().expect("object") {
            broken["sections"][0]["items"][if k == "required" { 3 } else { 0 }][k] = val.clone();
            if k == "scope" {
                broken["scope"] = val.clone();
            }
        }
        assert!(!v.is_valid(&broken), "{place}: {bad}");
    }
    let mut unknown_not_zero = q.clone();
    unknown_not_zero["scales"]["implementation"]["options"][4]["value"] = json!(0.5);
    assert!(
        !v.is_valid(&unknown_not_zero),
        "an unknown option is worth 0"
    );
    let mut required_on_choice = q;
    required_on_choice["sections"][0]["items"][0]["required"] = json!(1);
    assert!(
        !v.is_valid(&required_on_choice),
        "required is for checklists"
    );
}

/// An assessment of the worked example as supplycheck writes it, with answers of every kind.
fn written_assessment() -> Value {
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
    serde_json::to_value(&a).expect("serialises")
}

#[test]
fn assessments_written_by_supplycheck_match_the_schema() {
    let v = validator(ASSESSMENT_2);
    let instance = written_assessment();
    assert_eq!(instance["format"], "supplycheck.assessment/2");
    let errs = errors(&v, &instance);
    assert!(errs.is_empty(), "{errs:#?}");

    let mut two_values = instance.clone();
    two_values["answers"]["worked-example/a"]["text"] = json!("and text");
    assert!(!v.is_valid(&two_values));
    let mut unknown = instance.clone();
    unknown["answers"]["worked-example/a"]["choise"] = json!("fully");
    assert!(!v.is_valid(&unknown));

    let one = validator(ASSESSMENT_1);
    let mut as_one = instance;
    as_one["format"] = json!("supplycheck.assessment/1");
    let errs = errors(&one, &as_one);
    assert!(errs.is_empty(), "format 1's schema is kept: {errs:#?}");
    let mut fixture = load("tests/fixtures/assessment-1.json");
    let mixed = fixture["answers"]
        .as_object_mut()
        .expect("answers")
        .remove("worked-example/b");
    assert_eq!(
        mixed,
        Some(json!({ "choice": "fully", "na": true })),
        "an entry of two values, which supplycheck keeps and reports but the schema refuses"
    );
    let errs = errors(&one, &fixture);
    assert!(errs.is_empty(), "{errs:#?}");
    for example in ["examples/acme-2025.json", "examples/acme-2026.json"] {
        let errs = errors(&v, &load(example));
        assert!(errs.is_empty(), "{example}: {errs:#?}");
    }
}

#[test]
fn the_format_2_assessment_schema_describes_every_new_field() {
    let v = validator(ASSESSMENT_2);
    let mut full = load("tests/fixtures/assessment-2.json");
    let errs = errors(&v, &full);
    assert!(errs.is_empty(), "{errs:#?}");
    full["answers"]["worked-example/c"]["evidence"] = json!(["Contract register"]);
    full["targets"] = json!({ "worked-example/planning": 2 });
    full["default_target"] = json!(1);
    full["retired"] = json!([
        { "item": "worked-example/old", "version": "0.9.0", "answer": { "choice": "fully" } }
    ]);
    let errs = errors(&v, &full);
    assert!(errs.is_empty(), "{errs:#?}");

    for (pointer, bad) in [
        ("/answers/worked-example~1a/due", json!("31/03/2027")),
        ("/answers/worked-example~1a/status", json!("closed")),
        (
            "/answers/worked-example~1a/evidence",
            json!([{ "reviewed": "2026-01-01" }]),
        ),
        ("/answers/worked-example~1b/parked", json!("yes")),
        ("/subject/tier", json!("huge")),
        ("/subject/kind", json!("vendor")),
        ("/plan/0/sections/0/minutes", json!(0)),
        ("/settled/worked-example~1e/from", json!(3)),
        ("/targets/worked-example~1planning", json!(4)),
        ("/default_target", json!(-1)),
        ("/retired/0/version", json!(1)),
    ] {
        let mut broken = full.clone();
        *broken.pointer_mut(pointer).expect(pointer) = bad.clone();
        assert!(!v.is_valid(&broken), "{pointer}: {bad}");
    }
    let one = validator(ASSESSMENT_1);
    let mut as_one = load("tests/fixtures/assessment-2.json");
    as_one["format"] = json!("supplycheck.assessment/1");
    assert!(
        !one.is_valid(&as_one),
        "format 1's schema is kept as it was, without format 2's fields"
    );
}

#[test]
fn the_schemas_describe_unknown_options_required_checks_and_targets() {
    let v = validator(QUESTIONNAIRE_2);
    let two = load("tests/fixtures/scoring-example.json");
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

    let v = validator(ASSESSMENT_2);
    let q = supplycheck::questionnaire::Questionnaire::load_str(
        include_str!("fixtures/scoring-example.json"),
        "scoring-example.json",
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
