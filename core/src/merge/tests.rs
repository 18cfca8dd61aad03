use super::*;
use crate::assessment::Value;
use crate::scoring::score;

use crate::test_support::{choice, na, ticked as checks, worked_example};

fn catalog() -> Catalog {
    let mut c = Catalog::built_in();
    c.insert(worked_example());
    c
}

fn respondent(c: &Catalog, who: &str, answers: &[(&str, Answer)]) -> Assessment {
    let q = c.get("worked-example").expect("fixture");
    let mut a = Assessment::new(
        who.to_lowercase(),
        "Acme 2026".into(),
        "Acme Ltd".into(),
        Some(who.into()),
        &[q],
    );
    for (item, answer) in answers {
        a.answers
            .insert(format!("worked-example/{item}"), answer.clone());
    }
    a
}

fn inputs(assessments: &[Assessment]) -> Vec<Input<'_>> {
    assessments
        .iter()
        .map(|a| Input {
            source: &a.id,
            assessment: a,
        })
        .collect()
}

/// Three respondents: agreement on a, b (b unanswered by Carol); disagreement on c
/// (spread 1.0, with an N/A), on the checklist d (spread 0.5) and on the text.
fn three(c: &Catalog) -> Vec<Assessment> {
    let noted = |mut a: Answer, note: &str| {
        a.note = Some(note.into());
        a
    };
    vec![
        respondent(
            c,
            "Alice",
            &[
                ("a", noted(choice("fully"), "We have the register")),
                ("b", choice("largely")),
                ("c", choice("fully")),
                ("d", checks(&["x", "y"])),
                ("strategy", Answer::from(Value::Text("Grow".into()))),
            ],
        ),
        respondent(
            c,
            "Bob",
            &[
                ("a", choice("fully")),
                ("b", choice("largely")),
                ("c", choice("not")),
                ("d", checks(&["x"])),
                ("strategy", Answer::from(Value::Text("Hold".into()))),
            ],
        ),
        respondent(
            c,
            "Carol",
            &[
                ("a", noted(choice("fully"), "Checked in March")),
                ("c", na()),
                (
                    "e",
                    Answer {
                        flag: true,
                        owner: Some("legal".into()),
                        ..Answer::default()
                    },
                ),
            ],
        ),
    ]
}

#[test]
fn agreed_answers_are_kept_and_disagreements_ordered_by_spread() {
    let c = catalog();
    let all = three(&c);
    let m = merge(&inputs(&all), &c, "workshop".into(), false).expect("merges");
    assert_eq!(m.respondents, ["Alice", "Bob", "Carol"]);
    assert_eq!(m.agreed, 1, "a: all three alike");
    // b: Alice and Bob alike, Carol gave none — not agreed: her blank is hers, and the
    // room settles it; so each respondent's own answer stays on record.
    let items: Vec<&str> = m.disagreements.iter().map(|d| d.item.as_str()).collect();
    assert_eq!(
        items,
        [
            "worked-example/c",
            "worked-example/d",
            "worked-example/b",
            "worked-example/strategy"
        ]
    );
    let spreads: Vec<f64> = m.disagreements.iter().map(|d| d.spread).collect();
    assert_eq!(spreads, [1.0, 0.5, 0.0, 0.0]);
    let c_answers: Vec<(&str, &str, Option<f64>)> = m.disagreements[0]
        .answers
        .iter()
        .map(|a| (a.respondent.as_str(), a.answer.as_str(), a.value))
        .collect();
    assert_eq!(
        c_answers,
        [
            ("Alice", "Fully implemented", Some(1.0)),
            ("Bob", "Not implemented", Some(0.0)),
            ("Carol", "Not applicable", None),
        ]
    );
    assert_eq!(
        m.disagreements[1].answers[1].answer,
        "1 of 2 checks in place"
    );

    let out = &m.assessment;
    assert_eq!(out.id, "workshop");
    assert_eq!(out.name, "Merged: Alice, Bob, Carol");
    assert_eq!(out.respondent.as_deref(), Some("Alice, Bob, Carol"));
    assert_eq!(out.answers["worked-example/a"].choice(), Some("fully"));
    assert_eq!(
        out.answers["worked-example/a"].note.as_deref(),
        Some("Alice: We have the register\nCarol: Checked in March")
    );
    assert!(
        !out.answers.contains_key("worked-example/b"),
        "answered by two of three: disputed"
    );
    let b: Vec<&str> = out.responses["worked-example/b"]
        .iter()
        .map(|r| r.respondent.as_str())
        .collect();
    assert_eq!(b, ["Alice", "Bob"], "who answered b, kept");
    assert!(
        !out.answers.contains_key("worked-example/c"),
        "disputed: unanswered"
    );
    assert_eq!(out.responses["worked-example/c"].len(), 3);
    assert_eq!(out.responses["worked-example/c"][2].respondent, "Carol");
    assert!(out.responses["worked-example/c"][2].answer.is_na());
    let e = &out.answers["worked-example/e"];
    assert!(e.flag && !e.is_answered());
    assert_eq!(e.owner.as_deref(), Some("legal"));
}

#[test]
fn the_merged_file_checks_scores_and_round_trips() {
    let c = catalog();
    let all = three(&c);
    let m = merge(&inputs(&all), &c, "workshop".into(), false).expect("merges");
    assert!(m.assessment.check(&c).is_empty());
    let json = serde_json::to_string(&m.assessment).expect("encodes");
    let back =
        crate::store::parse(json.as_bytes(), std::path::Path::new("w.json")).expect("parses");
    assert_eq!(back, m.assessment);
    let q = c.get("worked-example").expect("fixture");
    let r = score(&[q], &back);
    // a = 1.0 (w1); b (w2, disputed), c, d, e (w1 each) unanswered count 0.
    assert_eq!(r.overall.answered, 1);
    assert!((r.overall.answered_score.expect("a score") - 1.0).abs() < 1e-9);
    assert!((r.overall.score.expect("a score") - 1.0 / 6.0).abs() < 1e-9);
}

#[test]
fn owners_that_differ_go_into_the_note() {
    let c = catalog();
    let owned = |o: &str| Answer {
        owner: Some(o.into()),
        ..choice("fully")
    };
    let all = vec![
        respondent(&c, "Alice", &[("a", owned("legal"))]),
        respondent(&c, "Bob", &[("a", owned("it-manager"))]),
    ];
    let m = merge(&inputs(&all), &c, "w".into(), false).expect("merges");
    let a = &m.assessment.answers["worked-example/a"];
    assert_eq!(a.owner, None);
    assert_eq!(
        a.note.as_deref(),
        Some("Owners proposed: Alice: Legal function; Bob: IT manager")
    );
}

#[test]
fn respondents_without_names_are_named_by_source_and_made_unique() {
    let c = catalog();
    let mut all = vec![
        respondent(&c, "Alice", &[]),
        respondent(&c, "Alice", &[]),
        respondent(&c, "x", &[]),
    ];
    all[2].respondent = None;
    all[2].id = "laptop-3".into();
    let m = merge(&inputs(&all), &c, "w".into(), false).expect("merges");
    assert_eq!(m.respondents, ["Alice", "Alice (2)", "laptop-3"]);
}

#[test]
fn different_questionnaires_are_refused_unless_forced() {
    let c = catalog();
    let mut all = three(&c);
    all[1].questionnaires.push(QuestionnaireRef {
        id: "cert-exd".into(),
        version: "1.0.0".into(),
    });
    all[1]
        .answers
        .insert("cert-exd/high-value-services".into(), choice("yes"));
    all[2].questionnaires[0].version = "2.0.0".into();
    let err = merge(&inputs(&all), &c, "w".into(), false).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "the assessments do not use the same questionnaires:\n  \
         worked-example: versions differ (1.0.0 in alice, 1.0.0 in bob, 2.0.0 in carol)\n  \
         cert-exd: not in alice, carol\n  \
         Merge assessments of the same questionnaires and versions, or add --force to \
         merge the questionnaires they share and leave out the rest."
    );
    // Forced, nothing is shared at the same version.
    let err = merge(&inputs(&all), &c, "w".into(), true).expect_err("nothing to merge");
    assert!(matches!(err, MergeError::NothingInCommon { .. }));

    // Forced with a shared questionnaire: the rest is listed.
    all[2].questionnaires[0].version = "1.0.0".into();
    let m = merge(&inputs(&all), &c, "w".into(), true).expect("merges what is common");
    assert_eq!(
        m.left_out,
        [LeftOut {
            questionnaire: "cert-exd".into(),
            reason: "not every assessment uses it".into(),
            answers: 1,
        }]
    );
    assert_eq!(m.assessment.questionnaires.len(), 1);
    assert!(
        !m.assessment
            .answers
            .keys()
            .any(|k| k.starts_with("cert-exd/"))
    );
}

#[test]
fn a_questionnaire_at_different_versions_is_left_out_with_why() {
    let c = catalog();
    let mut all = three(&c);
    for (a, version) in all.iter_mut().zip(["1.0.0", "1.0.0", "1.1.0"]) {
        a.questionnaires.push(QuestionnaireRef {
            id: "cert-exd".into(),
            version: version.into(),
        });
        a.answers
            .insert("cert-exd/high-value-services".into(), choice("yes"));
    }
    let m = merge(&inputs(&all), &c, "w".into(), true).expect("merges what is common");
    assert_eq!(
        m.left_out,
        [LeftOut {
            questionnaire: "cert-exd".into(),
            reason: "its versions differ".into(),
            answers: 3,
        }]
    );
    assert_eq!(m.questionnaires.len(), 1);
}

#[test]
fn a_merged_file_can_be_merged_again_and_disputes_settled() {
    let c = catalog();
    let all = three(&c);
    let first = merge(&inputs(&all[..2]), &c, "ab".into(), false).expect("merges");
    let again = [first.assessment, all[2].clone()];
    let m = merge(&inputs(&again), &c, "abc".into(), false).expect("merges");
    let c_item = m
        .disagreements
        .iter()
        .find(|d| d.item == "worked-example/c")
        .expect("c disputed");
    let who: Vec<&str> = c_item
        .answers
        .iter()
        .map(|a| a.respondent.as_str())
        .collect();
    assert_eq!(who, ["Alice", "Bob", "Carol"]);

    let q = c.get("worked-example").expect("fixture");
    let mut out = m.assessment;
    let listed = disputes(&[q], &out);
    assert_eq!(listed, m.disagreements);
    assert!(settle(&mut out, "worked-example/c", 1, "Fiona"));
    assert_eq!(out.answers["worked-example/c"].choice(), Some("not"));
    assert_eq!(out.responses["worked-example/c"].len(), 3, "kept");
    let s = &out.settled["worked-example/c"];
    assert_eq!((s.by.as_str(), s.from.as_deref()), ("Fiona", Some("Bob")));
    assert!(
        !settle(&mut out, "worked-example/d", 9, "Fiona"),
        "no such respondent"
    );
    assert_eq!(disputes(&[q], &out).len(), listed.len() - 1);
    assert!(
        settle(&mut out, "worked-example/c", 0, "Fiona"),
        "settled again"
    );
    assert_eq!(
        out.settled["worked-example/c"].from.as_deref(),
        Some("Alice")
    );
    assert_eq!(out.answers["worked-example/c"].choice(), Some("fully"));
}

#[test]
fn a_fully_settled_merge_keeps_every_answer_and_whose_was_taken() {
    let c = catalog();
    let m = merge(&inputs(&three(&c)), &c, "w".into(), false).expect("merges");
    let mut out = m.assessment;
    for d in &m.disagreements {
        assert!(settle(&mut out, &d.item, 0, "facilitator"));
    }
    assert!(out.disputes().is_empty());
    assert!(disputes(&[c.get("worked-example").expect("fixture")], &out).is_empty());
    let json = serde_json::to_string(&out).expect("writes");
    let back: Assessment = serde_json::from_str(&json).expect("reads");
    for d in &m.disagreements {
        let kept: Vec<&str> = back.responses[&d.item]
            .iter()
            .map(|r| r.respondent.as_str())
            .collect();
        let given: Vec<&str> = d.answers.iter().map(|a| a.respondent.as_str()).collect();
        assert_eq!(kept, given, "{}", d.item);
        assert_eq!(back.settled[&d.item].from.as_deref(), Some(given[0]));
    }
}

#[test]
fn respondents_carry_their_groups_into_the_merge_and_a_merge_of_merges() {
    let c = catalog();
    let mut all = three(&c);
    for (a, group) in all.iter_mut().zip([Some("board"), Some("staff"), None]) {
        let name = a.respondent.clone().expect("named");
        a.respondents = vec![crate::record::Respondent {
            name,
            group: group.map(String::from),
        }];
    }
    let m = merge(&inputs(&all), &c, "w".into(), false).expect("merges");
    let groups: Vec<(&str, Option<&str>)> = m
        .assessment
        .respondents
        .iter()
        .map(|r| (r.name.as_str(), r.group.as_deref()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Alice", Some("board")),
            ("Bob", Some("staff")),
            ("Carol", None)
        ]
    );
    let first = merge(&inputs(&all[..2]), &c, "ab".into(), false).expect("merges");
    let again = [first.assessment, all[2].clone()];
    let m2 = merge(&inputs(&again), &c, "abc".into(), false).expect("merges");
    assert_eq!(m2.assessment.respondents, m.assessment.respondents);
}

#[test]
fn the_default_name_lists_the_respondents_never_only_the_first() {
    assert_eq!(
        default_name(&["Ann".into(), "Bob".into()]),
        "Merged: Ann, Bob"
    );
    let five: Vec<String> = ["A", "B", "C", "D", "E"].map(String::from).to_vec();
    assert_eq!(default_name(&five), "Merged: A, B, C and 2 more");
}

#[test]
fn fewer_than_two_is_an_error() {
    let c = catalog();
    let one = [respondent(&c, "Alice", &[])];
    assert_eq!(
        merge(&inputs(&one), &c, "w".into(), false),
        Err(MergeError::TooFew)
    );
}

#[test]
fn a_merge_keeps_the_subject_and_leaves_items_not_asked_off_the_agenda() {
    let q = crate::test_support::supplier_when();
    let mut c = Catalog::built_in();
    c.insert(q.clone());
    let subject = crate::record::Subject::Supplier {
        name: "Payroll Co".into(),
        tier: Some(crate::questionnaire::Tier::Low),
        services: Vec::new(),
    };
    let given = |who: &str, audit: &str, review: &str| {
        let mut a = crate::test_support::assessment(
            &q,
            &who.to_lowercase(),
            &[("audit", choice(audit)), ("review", choice(review))],
        );
        a.respondent = Some(who.into());
        a.subject = Some(subject.clone());
        a
    };
    let all = [
        given("Ann", "fully", "fully"),
        given("Bob", "not", "partial"),
    ];
    let merged = merge(&inputs(&all), &c, "m".into(), false).expect("merge");
    assert_eq!(merged.assessment.subject, Some(subject));
    let agenda: Vec<&str> = merged
        .disagreements
        .iter()
        .map(|d| d.item.as_str())
        .collect();
    assert_eq!(
        agenda,
        ["supplier-when/review"],
        "audit is not asked of a low supplier"
    );
    assert_eq!(
        merged.assessment.responses["supplier-when/audit"].len(),
        2,
        "what each gave is kept"
    );
    let open = disputes(&[&q], &merged.assessment);
    assert_eq!(open.len(), 1, "{open:?}");
    assert_eq!(open[0].item, "supplier-when/review");
}

#[test]
fn a_merge_given_with_one_of_its_own_sources_is_refused_naming_both() {
    let c = catalog();
    let all = three(&c);
    let m = merge(&inputs(&all), &c, "w".into(), false).expect("merges");
    let mut again = vec![m.assessment];
    again.push(all[0].clone());
    let err = merge(&inputs(&again), &c, "w2".into(), false).expect_err("Ann twice");
    let MergeError::SameRespondent { name, .. } = &err else {
        panic!("{err}");
    };
    assert_eq!(name, all[0].respondent.as_deref().expect("named"));
    assert!(err.to_string().contains("leave one of them out"), "{err}");
    // Two different people who happen to share a name are still merged, told apart.
    let mut twins = three(&c);
    let ann = twins[0].respondent.clone();
    twins[1].respondent = ann;
    merge(&inputs(&twins), &c, "w3".into(), false).expect("two Anns merge");
}
