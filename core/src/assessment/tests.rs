//! The assessment format's tests: the file shape, answers and their rules, times, targets.

use super::*;
use crate::questionnaire::{Item, ItemKind};
use crate::test_support::{choice, na, worked_example};

#[test]
fn copying_a_value_replaces_the_answer_and_keeps_note_owner_and_flag() {
    let mut entry = Answer {
        value: Value::Checklist {
            ticked: vec!["x".into()],
            na_checks: vec!["y".into()],
        },
        note: Some("ask IT".into()),
        owner: Some("legal".into()),
        flag: true,
        ..Answer::default()
    };
    entry.copy_value_from(&Answer {
        note: Some("other note".into()),
        ..choice("fully")
    });
    assert_eq!(
        entry,
        Answer {
            note: Some("ask IT".into()),
            owner: Some("legal".into()),
            flag: true,
            ..choice("fully")
        }
    );
}

fn checklist() -> Item {
    worked_example()
        .sections
        .iter()
        .flat_map(|s| &s.items)
        .find(|i| i.kind == ItemKind::Checklist)
        .cloned()
        .expect("the worked example has a checklist")
}

#[test]
fn choosing_an_option_replaces_the_answer_and_keeps_the_note() {
    let mut a = Answer {
        note: Some("ask IT".into()),
        ..na()
    };
    a.choose_option("fully");
    assert_eq!(
        a,
        Answer {
            note: Some("ask IT".into()),
            ..choice("fully")
        }
    );
}

#[test]
fn ticking_keeps_the_checklist_order_and_ends_n_a() {
    let item = checklist();
    let ids: Vec<String> = item.checks.iter().map(|c| c.id.clone()).collect();
    let mut a = na();
    a.toggle_check(&item, 1);
    a.toggle_check(&item, 0);
    assert!(!a.is_na());
    assert_eq!(a.ticked(), Some(&[ids[0].clone(), ids[1].clone()][..]));
    a.toggle_check(&item, 0);
    assert_eq!(a.ticked(), Some(&[ids[1].clone()][..]));
    a.toggle_check(&item, 99);
    assert_eq!(
        a.ticked(),
        Some(&[ids[1].clone()][..]),
        "no such check: no change"
    );
}

#[test]
fn a_check_marked_n_a_loses_its_tick_and_all_n_a_answers_the_list() {
    let item = checklist();
    let mut a = Answer::default();
    a.toggle_check(&item, 0);
    a.toggle_na_check(&item, 0);
    assert_eq!(a.ticked(), Some(&[][..]));
    assert_eq!(a.na_checks(), [item.checks[0].id.clone()]);
    a.toggle_na_check(&item, 0);
    assert!(a.na_checks().is_empty());
    let mut all = Answer::default();
    for n in 0..item.checks.len() {
        all.toggle_na_check(&item, n);
    }
    assert!(all.is_answered(), "every check N/A answers the checklist");
    all.toggle_check(&item, 0);
    assert_eq!(all.na_checks().len(), item.checks.len() - 1);
}

#[test]
fn n_a_toggles_and_clears_the_value() {
    let mut a = choice("fully");
    a.toggle_na();
    assert_eq!(a, na());
    a.toggle_na();
    assert!(!a.is_answered());
    assert!(a.toggle_flag());
    assert!(!a.toggle_flag());
}

#[test]
fn writing_blank_clears_and_the_same_text_is_no_change() {
    let mut a = Answer::default();
    assert!(a.set_written(false, "call back"));
    assert!(!a.set_written(false, "call back"));
    assert_eq!(a.note.as_deref(), Some("call back"));
    assert!(a.set_written(true, "We use SBOMs."));
    assert_eq!(a.text(), Some("We use SBOMs."));
    assert!(a.set_written(false, "  \n"));
    assert_eq!(a.note, None);
}

#[test]
fn the_examples_round_trip_byte_for_byte() {
    for text in [
        include_str!("../../../examples/acme-2025.json"),
        include_str!("../../../examples/acme-2026.json"),
        include_str!("../../../tests/fixtures/assessment-2.json"),
    ] {
        assert!(text.contains(&format!("\"format\": \"{ASSESSMENT_FORMAT}\"")));
        let a: Assessment = serde_json::from_str(text).expect("an example assessment");
        let mut again = serde_json::to_string_pretty(&a).expect("serialises");
        again.push('\n');
        assert_eq!(again, text);
    }
}

#[test]
fn retired_answers_are_read_and_written_only_when_there_are_some() {
    let q = worked_example();
    let mut a = crate::test_support::assessment(&q, "w", &[]);
    let plain = serde_json::to_value(&a).expect("serialises");
    assert!(plain.get("retired").is_none(), "left out when empty");
    a.retired.push(Retired {
        item: "worked-example/gone".into(),
        version: "1.0.0".into(),
        answer: Answer {
            note: Some("kept".into()),
            ..choice("fully")
        },
    });
    let json = serde_json::to_value(&a).expect("serialises");
    assert_eq!(
        json["retired"],
        serde_json::json!([{
            "item": "worked-example/gone",
            "version": "1.0.0",
            "answer": { "choice": "fully", "note": "kept" }
        }])
    );
    let again: Assessment = serde_json::from_value(json).expect("reads back");
    assert_eq!(again, a);
}

#[test]
fn every_format_2_field_is_read_into_its_type() {
    use crate::questionnaire::Tier;
    use crate::record::{Evidence, Status, Subject};
    let a: Assessment =
        serde_json::from_str(include_str!("../../../tests/fixtures/assessment-2.json"))
            .expect("reads");
    let entry = &a.answers["worked-example/a"];
    assert_eq!(
        entry.due().map(|d| d.to_string()).as_deref(),
        Some("2027-03-31")
    );
    assert_eq!(entry.status(), Some(Status::InProgress));
    assert_eq!(entry.evidence().len(), 2);
    assert_eq!(
        entry.evidence()[1],
        Evidence::new("https://intranet.example/audit-2026")
    );
    assert!(entry.decision().is_some_and(|d| d.starts_with("Approve")));
    assert!(!entry.is_parked());
    let parked = &a.answers["worked-example/b"];
    assert!(parked.is_parked() && !parked.is_answered() && !parked.is_empty());
    assert_eq!(
        a.subject,
        Some(Subject::Supplier {
            name: "Payroll Co".into(),
            tier: Some(Tier::Critical),
            services: vec!["payroll".into()],
        })
    );
    assert_eq!(a.plan[0].sections[0].minutes, 45);
    assert_eq!(a.respondents[1].group.as_deref(), Some("finance"));
    assert_eq!(a.settled["worked-example/e"].from.as_deref(), Some("Ann"));
    assert_eq!(a.settled["worked-example/strategy"].from, None);
    assert_eq!(a.responses["worked-example/c"].len(), 2);
}

#[test]
fn a_format_1_assessment_reads_as_format_2_with_nothing_lost() {
    let one = include_str!("../../../tests/fixtures/assessment-1.json");
    let a: Assessment = serde_json::from_str(one).expect("a format 1 file reads");
    assert_eq!(a.format, ASSESSMENT_FORMAT);
    let mut again = serde_json::to_string_pretty(&a).expect("serialises");
    again.push('\n');
    assert_eq!(
        again,
        one.replace(ASSESSMENT_FORMAT_1, ASSESSMENT_FORMAT),
        "written as format 2, every other byte as it was"
    );
    let mut future: serde_json::Value = serde_json::from_str(one).expect("json");
    future["format"] = "supplycheck.assessment/3".into();
    let kept: Assessment = serde_json::from_value(future).expect("reads");
    assert_eq!(
        kept.format, "supplycheck.assessment/3",
        "another format is kept for the check to report"
    );
}

#[test]
fn a_wrong_due_day_status_or_evidence_is_refused_naming_the_field() {
    for (json, says) in [
        (
            r#"{"due":"31/03/2027"}"#,
            "\"due\": \"31/03/2027\" is not a date",
        ),
        (
            r#"{"due":"2027-02-30"}"#,
            "\"due\": \"2027-02-30\" is not a day",
        ),
        (r#"{"status":"closed"}"#, "unknown variant `closed`"),
        (
            r#"{"evidence":[{"reviewed":"2026-01-01"}]}"#,
            "missing field `ref`",
        ),
        (r#"{"parked":"yes"}"#, "expected a boolean"),
    ] {
        let e = serde_json::from_str::<Answer>(json).expect_err(json);
        assert!(e.to_string().contains(says), "{json}: {e}");
    }
}

#[test]
fn a_follow_up_change_sets_clears_and_adds_evidence_once() {
    use crate::record::{FollowUpChange, Status};
    let mut a = choice("fully");
    let set = FollowUpChange::parse(
        Some("2027-03-31"),
        Some("open"),
        &["Register".into(), "Register".into()],
        Some("Approve"),
        Some(true),
    )
    .expect("valid");
    a.apply_follow_up(&set);
    assert_eq!(
        stored(&a),
        r#"{"choice":"fully","due":"2027-03-31","status":"open","evidence":[{"ref":"Register"}],"decision":"Approve","parked":true}"#
    );
    let clear =
        FollowUpChange::parse(Some(""), Some("done"), &[], Some(" "), Some(false)).expect("valid");
    a.apply_follow_up(&clear);
    assert_eq!(a.status(), Some(Status::Done));
    assert_eq!(
        stored(&a),
        r#"{"choice":"fully","status":"done","evidence":[{"ref":"Register"}]}"#
    );
    assert!(
        FollowUpChange::parse(None, None, &[], None, None)
            .expect("nothing")
            .is_empty()
    );
    for (due, status, says) in [
        (Some("tomorrow"), None, "--due: \"tomorrow\" is not a date"),
        (None, Some("closed"), "--status: \"closed\" is not a status"),
    ] {
        let e = FollowUpChange::parse(due, status, &[], None, None).expect_err(says);
        assert!(e.starts_with(says), "{e}");
    }
}

#[test]
fn targets_are_read_kept_in_order_and_checked() {
    let example = include_str!("../../../examples/acme-2026.json");
    // The example sets targets of its own; this test sets others in their place.
    let cut = example
        .find(",\n  \"targets\"")
        .expect("the example sets targets");
    let text = &format!("{}\n}}\n", &example[..cut]);
    let with = text.replacen(
        "\n  \"answers\"",
        "\n  \"targets\": {\"ncsc-board/q1-sharing\": 2, \"cfcs-phases/planning\": 3},\n  \
         \"default_target\": 1,\n  \"answers\"",
        1,
    );
    let a: Assessment = serde_json::from_str(&with).expect("reads");
    assert_eq!(a.target("cfcs-phases/planning"), Some(3));
    assert_eq!(a.target("ncsc-board/q1-sharing"), Some(2));
    assert_eq!(a.target("cert-exd/anything"), Some(1));
    let again = serde_json::to_string(&a).expect("serialises");
    assert!(
        again.contains(
            "\"targets\":{\"ncsc-board/q1-sharing\":2,\"cfcs-phases/planning\":3},\
             \"default_target\":1"
        ),
        "{again}"
    );
    let plain: Assessment = serde_json::from_str(text).expect("reads");
    assert_eq!(plain.target("cfcs-phases/planning"), None);
    for (bad, message) in [
        (
            "\"targets\": {\"cfcs-phases/planning\": 4}",
            "the target of \"cfcs-phases/planning\" is 4; a target is a level from 0 to 3",
        ),
        (
            "\"targets\": {\"planning\": 2}",
            "\"targets\" names \"planning\"; name a section as <questionnaire id>/<section id>",
        ),
        (
            "\"default_target\": -1",
            "\"default_target\" is -1; a target is a level from 0 to 3",
        ),
    ] {
        let text = text.replacen("\n  \"answers\"", &format!("\n  {bad},\n  \"answers\""), 1);
        let err = serde_json::from_str::<Assessment>(&text).expect_err("refused");
        assert!(err.to_string().contains(message), "{err}");
    }
}

#[test]
fn follow_up_fields_keep_an_entry_and_survive_a_change_of_answer() {
    let mut a = entry(r#"{"due":"2027-01-15"}"#);
    assert!(!a.is_empty() && !a.is_answered() && a.has_follow_up());
    a.choose_option("fully");
    a.toggle_na();
    assert_eq!(
        a.due().map(|d| d.to_string()).as_deref(),
        Some("2027-01-15")
    );
    assert_eq!(stored(&a), r#"{"na":true,"due":"2027-01-15"}"#);
    let bare = entry(r#"{"evidence":["Contract register"]}"#);
    assert_eq!(
        stored(&bare),
        r#"{"evidence":[{"ref":"Contract register"}]}"#
    );
}

#[test]
fn times_are_kept_as_times_and_stored_as_rfc_3339_in_utc() {
    let text = include_str!("../../../examples/acme-2026.json");
    let mut a: Assessment = serde_json::from_str(text).expect("an example assessment");
    assert_eq!(a.created.to_string(), "2026-11-02T09:00:00Z");
    assert!(a.created < a.updated);
    a.updated = "2026-11-22T12:00:00+02:00".parse().expect("a time");
    let json = serde_json::to_value(&a).expect("serialises");
    assert_eq!(json["updated"], "2026-11-22T10:00:00Z");
    let before = a.updated;
    a.touch();
    assert!(a.updated > before);
    assert_eq!(a.updated.subsec_nanosecond(), 0);
}

/// The JSON of one entry, as a file holds it.
fn entry(json: &str) -> Answer {
    serde_json::from_str(json).expect("an answer")
}

fn stored(a: &Answer) -> String {
    serde_json::to_string(a).expect("serialises")
}

#[test]
fn each_value_reads_from_and_writes_to_its_file_shape() {
    let cases = [
        ("{}", Value::Unanswered),
        (r#"{"na_checks":["y"]}"#, Value::NaChecks(vec!["y".into()])),
        (r#"{"choice":"fully"}"#, Value::Choice("fully".into())),
        (
            r#"{"checked":[],"na_checks":["x","y"]}"#,
            Value::Checklist {
                ticked: vec![],
                na_checks: vec!["x".into(), "y".into()],
            },
        ),
        (
            r#"{"checked":["x"]}"#,
            Value::Checklist {
                ticked: vec!["x".into()],
                na_checks: vec![],
            },
        ),
        (r#"{"na":true}"#, Value::NotApplicable),
        (
            r#"{"text":"We use SBOMs."}"#,
            Value::Text("We use SBOMs.".into()),
        ),
    ];
    for (json, value) in cases {
        let a = entry(json);
        assert_eq!(a.value, value, "{json}");
        assert_eq!(stored(&a), json);
        assert_eq!(stored(&Answer::from(value)), json);
    }
    let noted = entry(r#"{"choice":"not","note":"ask IT","owner":"legal","flag":true}"#);
    assert_eq!(noted.value, Value::Choice("not".into()));
    assert_eq!(noted.note.as_deref(), Some("ask IT"));
    assert_eq!(noted.owner.as_deref(), Some("legal"));
    assert!(noted.flag);
    let wrong = serde_json::from_str::<Answer>(r#""fully""#).expect_err("not an entry");
    assert!(
        wrong.to_string().contains("expected struct Answer"),
        "{wrong}"
    );
    let unknown = serde_json::from_str::<Answer>(r#"{"chioce":"x"}"#).expect_err("a typo");
    let follow_up = entry(
        r#"{"choice":"not","due":"2027-03-31","status":"done","evidence":[{"ref":"r","reviewed":"2026-10-01"}],"decision":"d","parked":true}"#,
    );
    assert_eq!(
        stored(&follow_up),
        r#"{"choice":"not","due":"2027-03-31","status":"done","evidence":[{"ref":"r","reviewed":"2026-10-01"}],"decision":"d","parked":true}"#
    );
    assert!(
        unknown.to_string().contains("unknown field `chioce`"),
        "{unknown}"
    );
}

#[test]
fn each_value_answers_what_its_accessors_say() {
    let unanswered = Answer::default();
    assert!(!unanswered.is_answered() && unanswered.is_empty());
    assert_eq!(
        (unanswered.choice(), unanswered.ticked(), unanswered.text()),
        (None, None, None)
    );
    let marked = Answer::from(Value::NaChecks(vec!["y".into()]));
    assert!(
        !marked.is_answered(),
        "N/A checks alone do not answer a checklist"
    );
    assert!(!marked.is_empty(), "but the marks are kept");
    assert!(marked.is_check_na("y") && !marked.is_check_na("x"));
    assert_eq!(marked.ticked(), None);
    let chosen = choice("fully");
    assert!(chosen.is_answered() && !chosen.is_na());
    assert_eq!(chosen.choice(), Some("fully"));
    let list = Answer::from(Value::Checklist {
        ticked: vec!["x".into()],
        na_checks: vec!["y".into()],
    });
    assert!(list.is_answered() && list.is_ticked("x") && !list.is_ticked("y"));
    assert_eq!(list.na_checks(), ["y"]);
    let none = Answer::from(Value::checklist(Some(vec![]), vec![]));
    assert!(
        none.is_answered(),
        "a checklist with nothing ticked is answered"
    );
    assert_eq!(Value::checklist(None, vec![]), Value::Unanswered);
    assert_eq!(
        Value::checklist(None, vec!["y".into()]),
        Value::NaChecks(vec!["y".into()])
    );
    let not_applicable = na();
    assert!(not_applicable.is_answered() && not_applicable.is_na());
    let text = Answer::from(Value::Text("Grow".into()));
    assert!(text.is_answered());
    assert_eq!(text.text(), Some("Grow"));
}

#[test]
fn an_entry_setting_two_values_is_kept_as_read_and_reported() {
    let json = r#"{"choice":"fully","na":true,"note":"n"}"#;
    let a = entry(json);
    assert!(matches!(a.value, Value::Mixed(_)));
    assert_eq!(stored(&a), json, "kept as read");
    assert!(a.is_na() && a.is_answered());
    assert_eq!(a.choice(), Some("fully"));
    let q = worked_example();
    let (_, item) = q.item("a").expect("a");
    assert_eq!(
        answer_problems(&q, item, &a),
        ["holds more than one of choice, checked, na and text"]
    );
    assert_eq!(
        crate::scoring::item_value(&q, item, Some(&a)),
        crate::scoring::ItemValue::NotApplicable,
        "N/A is read first, as it always was"
    );
    let stray = entry(r#"{"choice":"fully","na_checks":["x"]}"#);
    assert!(matches!(stray.value, Value::Mixed(_)));
    assert_eq!(stored(&stray), r#"{"choice":"fully","na_checks":["x"]}"#);
    let mut chosen = a.clone();
    chosen.choose_option("largely");
    assert_eq!(chosen.value, Value::Choice("largely".into()));
    assert_eq!(chosen.note.as_deref(), Some("n"));
}

#[test]
fn marking_some_checks_n_a_keeps_the_checklist_unanswered() {
    let item = checklist();
    let mut a = Answer::default();
    a.toggle_na_check(&item, 1);
    assert_eq!(a.value, Value::NaChecks(vec![item.checks[1].id.clone()]));
    assert!(!a.is_answered());
    a.toggle_na_check(&item, 1);
    assert_eq!(a.value, Value::Unanswered);
    a.toggle_check(&item, 0);
    a.toggle_check(&item, 0);
    assert_eq!(
        a.value,
        Value::Checklist {
            ticked: vec![],
            na_checks: vec![]
        },
        "taking the last tick off leaves an answer with nothing ticked"
    );
}

#[test]
fn a_wrong_kind_of_answer_is_still_read_by_its_fields() {
    let q = worked_example();
    let (_, item) = q.item("a").expect("a");
    let ticks = entry(r#"{"checked":["x"]}"#);
    assert_eq!(
        answer_problems(&q, item, &ticks),
        ["does not fit a choice item"]
    );
}

mod file_shape {
    use super::super::Answer;
    use super::super::answer::AnswerFile;
    use crate::record::{Evidence, Status};
    use jiff::civil::Date;
    use proptest::prelude::*;

    fn ids() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec("[a-z]{0,3}", 0..4)
    }

    fn file() -> impl Strategy<Value = AnswerFile> {
        (
            (
                prop::option::of("[a-z]{0,6}"),
                prop::option::of(ids()),
                ids(),
                any::<bool>(),
            ),
            (
                prop::option::of("[ -~\n]{0,8}"),
                prop::option::of("[a-z ]{0,6}"),
                prop::option::of("[a-z-]{0,6}"),
                any::<bool>(),
            ),
            (
                prop::option::of((1i16..=9999, 1i8..=12, 1i8..=28)),
                prop::option::of(prop::sample::select(Status::ALL.to_vec())),
                prop::collection::vec(
                    (
                        "[ -~]{0,8}",
                        prop::option::of((1i16..=9999, 1i8..=12, 1i8..=28)),
                    ),
                    0..3,
                ),
                prop::option::of("[ -~]{0,8}"),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    (choice, checked, na_checks, na),
                    (text, note, owner, flag),
                    (due, status, evidence, decision, parked),
                )| {
                    let day = |(y, m, d)| Date::new(y, m, d).expect("a day of every month");
                    AnswerFile {
                        choice,
                        checked,
                        na_checks,
                        na,
                        text,
                        note,
                        owner,
                        flag,
                        due: due.map(day),
                        status,
                        evidence: evidence
                            .into_iter()
                            .map(|(reference, reviewed)| Evidence {
                                reference,
                                reviewed: reviewed.map(day),
                            })
                            .collect(),
                        decision,
                        parked,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn any_entry_that_loads_is_written_back_as_it_was(f in file()) {
            let json = serde_json::to_string_pretty(&f).expect("serialises");
            let a: Answer = serde_json::from_str(&json).expect("loads");
            prop_assert_eq!(serde_json::to_string_pretty(&a).expect("serialises"), json);
            let again: Answer = serde_json::from_str(
                &serde_json::to_string(&a).expect("serialises"),
            )
            .expect("loads");
            prop_assert_eq!(again, a);
        }
    }
}

#[test]
fn a_target_is_set_for_one_section_or_every_other_and_removed() {
    let q = worked_example();
    let mut a = crate::test_support::assessment(&q, "t", &[]);
    a.set_target(None, Some(1));
    a.set_target(Some("worked-example/planning"), Some(3));
    assert_eq!(a.target("worked-example/planning"), Some(3));
    assert_eq!(a.target("worked-example/other"), Some(1));
    a.set_target(Some("worked-example/planning"), None);
    assert_eq!(a.targets, None, "no empty map is written");
    assert_eq!(a.target("worked-example/planning"), Some(1));
    a.set_target(None, None);
    assert_eq!(a.target("worked-example/planning"), None);
}

#[test]
fn a_decision_or_evidence_with_control_characters_is_refused_naming_the_option() {
    use crate::record::FollowUpChange;
    let d = FollowUpChange::parse(None, None, &[], Some("Approve\u{1b}[2J"), None)
        .expect_err("control characters");
    assert!(d.starts_with("--decision holds control characters"), "{d}");
    let e = FollowUpChange::parse(None, None, &["SOC 2\u{7}".into()], None, None)
        .expect_err("control characters");
    assert!(e.starts_with("--evidence holds control characters"), "{e}");
    FollowUpChange::parse(
        None,
        None,
        &["SOC 2 report 2026".into()],
        Some("Approve"),
        None,
    )
    .expect("plain text");
}
