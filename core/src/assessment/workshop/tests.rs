//! Settling, parking and renaming: every respondent's answer is kept, and the settlement
//! record names whose answer was taken.

use super::super::{ASSESSMENT_FORMAT, Answer, Assessment, Response};
use crate::test_support::{choice, worked_example};

fn disputed_a() -> Assessment {
    let q = worked_example();
    let mut a = crate::test_support::assessment(&q, "w", &[]);
    a.responses.insert(
        "worked-example/a".into(),
        vec![
            Response {
                respondent: "Ann".into(),
                answer: choice("not"),
            },
            Response {
                respondent: "Bob".into(),
                answer: choice("fully"),
            },
        ],
    );
    a
}

#[test]
fn an_answer_settles_a_dispute_keeping_every_response_and_naming_whose_answer_it_was() {
    let mut a = disputed_a();
    assert!(a.disputed("worked-example/a"));
    assert_eq!(a.disputes(), ["worked-example/a"]);
    let noted = Answer {
        note: Some("later".into()),
        ..Answer::default()
    };
    a.set_answer("worked-example/a", noted.clone());
    assert!(
        !a.settle_by_answer("worked-example/a", "Fiona"),
        "no answer yet"
    );
    assert_eq!(a.answers["worked-example/a"], noted);
    assert!(a.disputed("worked-example/a"));
    a.set_answer("worked-example/a", choice("fully"));
    assert!(a.settle_by_answer("worked-example/a", "Fiona"));
    assert!(!a.disputed("worked-example/a"));
    assert!(a.disputes().is_empty());
    assert_eq!(
        a.responses["worked-example/a"].len(),
        2,
        "responses are kept"
    );
    let s = &a.settled["worked-example/a"];
    assert_eq!((s.by.as_str(), s.from.as_deref()), ("Fiona", Some("Bob")));
    assert!(
        !a.settle_by_answer("worked-example/a", "Gus"),
        "the record already says so"
    );
    assert_eq!(a.settled["worked-example/a"].by, "Fiona");
    a.set_answer("worked-example/a", choice("partly"));
    assert!(
        !a.settle_by_answer("worked-example/a", "Gus"),
        "it was settled"
    );
    let s = &a.settled["worked-example/a"];
    assert_eq!((s.by.as_str(), s.from.as_deref()), ("Gus", None));
    a.set_answer("worked-example/a", Answer::default());
    assert!(!a.settle_by_answer("worked-example/a", "Gus"));
    assert!(
        a.disputed("worked-example/a"),
        "a cleared answer opens it again"
    );
    assert!(a.settled.is_empty());
    a.set_answer("worked-example/b", choice("fully"));
    assert!(
        !a.settle_by_answer("worked-example/b", "Gus"),
        "no dispute to settle"
    );
    assert!(!a.settled.contains_key("worked-example/b"));
}

#[test]
fn settling_records_by_whom_and_from_whom_and_keeps_the_entrys_note() {
    let mut a = disputed_a();
    a.set_answer(
        "worked-example/a",
        Answer {
            note: Some("Ann: ask IT".into()),
            ..Answer::default()
        },
    );
    assert!(!a.settle("worked-example/a", &Answer::default(), "F", None));
    assert!(!a.settle("worked-example/b", &choice("fully"), "F", None));
    assert!(a.settle("worked-example/a", &choice("not"), "F", Some("Ann")));
    let entry = &a.answers["worked-example/a"];
    assert_eq!(entry.choice(), Some("not"));
    assert_eq!(entry.note.as_deref(), Some("Ann: ask IT"));
    assert_eq!(a.settled["worked-example/a"].from.as_deref(), Some("Ann"));
    let json = serde_json::to_string(&a).expect("writes");
    let back: Assessment = serde_json::from_str(&json).expect("reads");
    assert_eq!(back.responses["worked-example/a"].len(), 2);
    assert_eq!(back.settled["worked-example/a"].by, "F");
}

#[test]
fn parked_items_are_listed_and_a_rename_keeps_the_id() {
    let mut a = disputed_a();
    a.set_answer(
        "worked-example/c",
        Answer {
            parked: true,
            ..Answer::default()
        },
    );
    a.set_answer("worked-example/b", choice("fully"));
    assert_eq!(a.parked(), ["worked-example/c"]);
    a.rename("  Acme board workshop ").expect("a good name");
    assert_eq!(
        (a.name.as_str(), a.id.as_str()),
        ("Acme board workshop", "w")
    );
    assert!(a.rename(" ").expect_err("blank").contains("empty"));
    assert!(a.rename("a\u{7}b").expect_err("bell").contains("control"));
    assert!(
        a.rename(&"n".repeat(121))
            .expect_err("long")
            .contains("at most 120")
    );
    assert_eq!(a.name, "Acme board workshop");
}

#[test]
fn a_format_1_file_with_responses_and_no_settled_reads_its_disputes() {
    let json = r#"{"format":"supplycheck.assessment/1","id":"room","name":"Room",
        "created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z",
        "questionnaires":[{"id":"worked-example","version":"1.0.0"}],
        "answers":{"worked-example/b":{"choice":"fully"}},
        "responses":{"worked-example/a":[
            {"respondent":"Ann","answer":{"choice":"fully"}},
            {"respondent":"Bob","answer":{"choice":"not"}}]}}"#;
    let mut a: Assessment = serde_json::from_str(json).expect("reads");
    assert_eq!(a.disputes(), ["worked-example/a"]);
    assert!(a.settled.is_empty() && a.respondents.is_empty());
    let ann = a.responses["worked-example/a"][0].answer.clone();
    assert!(a.settle("worked-example/a", &ann, "facilitator", Some("Ann")));
    let saved: serde_json::Value =
        serde_json::from_str(&serde_json::to_string(&a).expect("writes")).expect("json");
    assert_eq!(saved["format"], ASSESSMENT_FORMAT);
    assert_eq!(saved["settled"]["worked-example/a"]["from"], "Ann");
    assert_eq!(
        saved["responses"]["worked-example/a"][1]["respondent"],
        "Bob"
    );
}
