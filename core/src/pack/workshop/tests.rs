//! The workshop's sections of the pack, checked against a merged assessment worked out by
//! hand.

use crate::assessment::{Answer, Assessment, Response};
use crate::pack::{BoardPack, NO_ANSWER};
use crate::record::{Respondent, Settled};
use crate::test_support::{choice, na, ticked, worked_example};

fn response(who: &str, answer: Answer) -> Response {
    Response {
        respondent: who.into(),
        answer,
    }
}

/// Ann (board), Bob and Carl (staff), merged: a agreed (Fully); b, c, e disputed; d settled
/// by Fiona with Bob's answer on 30 November 2026. Carl gave no answer to c.
fn workshop(ann: &str) -> Assessment {
    let q = worked_example();
    let mut a = crate::test_support::assessment(&q, "room", &[("a", choice("fully"))]);
    a.respondents = [(ann, "board"), ("Bob", "staff"), ("Carl", "staff")]
        .iter()
        .map(|(name, group)| Respondent {
            name: (*name).into(),
            group: Some((*group).into()),
        })
        .collect();
    let mut dispute = |item: &str, given: Vec<Response>| {
        a.responses.insert(format!("worked-example/{item}"), given);
    };
    dispute(
        "b",
        vec![
            response(ann, choice("fully")),
            response("Bob", choice("largely")),
            response("Carl", choice("partial")),
        ],
    );
    dispute(
        "c",
        vec![
            response(ann, choice("fully")),
            response("Bob", choice("not")),
        ],
    );
    dispute(
        "d",
        vec![
            response(ann, ticked(&["x", "y"])),
            response("Bob", ticked(&["x"])),
            response("Carl", ticked(&[])),
        ],
    );
    dispute(
        "e",
        vec![
            response(ann, choice("largely")),
            response("Bob", na()),
            response("Carl", na()),
        ],
    );
    a.answers.insert("worked-example/d".into(), ticked(&["x"]));
    a.settled.insert(
        "worked-example/d".into(),
        Settled {
            by: "Fiona".into(),
            at: "2026-11-30T10:00:00Z".parse().expect("a time"),
            from: Some("Bob".into()),
        },
    );
    a
}

fn pack(a: &Assessment) -> BoardPack {
    let q = worked_example();
    BoardPack::from_questionnaires(&[&q], a)
}

#[test]
fn every_disagreement_shows_each_answer_the_spread_and_how_it_was_settled() {
    let p = pack(&workshop("Ann"));
    let l = &p.later;
    let order: Vec<(&str, &str)> = l
        .disagreements
        .iter()
        .map(|d| (d.item.as_str(), d.spread.as_str()))
        .collect();
    // c: Fully (1) against Not (0); d: 2 of 2 (1) against none (0); b: 1 against 0.33;
    // e: one value only (N/A against an answer).
    assert_eq!(
        order,
        [
            ("worked-example/c", "100 points"),
            ("worked-example/d", "100 points"),
            ("worked-example/b", "67 points"),
            ("worked-example/e", "–"),
        ]
    );
    let c = &l.disagreements[0];
    assert!(c.disputed);
    assert_eq!(c.settled, None);
    assert_eq!(c.settlement, "still disputed");
    assert_eq!(c.section, "1. Planning");
    let answers: Vec<(String, &str)> = c.answers.iter().map(|x| (x.who(), x.shown())).collect();
    assert_eq!(
        answers,
        [
            ("Ann (board)".to_string(), "Fully implemented"),
            ("Bob (staff)".to_string(), "Not implemented"),
            ("Carl (staff)".to_string(), NO_ANSWER),
        ]
    );
    let d = &l.disagreements[1];
    assert!(!d.disputed);
    assert_eq!(d.settled.as_deref(), Some("1 of 2 checks in place"));
    assert_eq!(d.settled_by.as_deref(), Some("Fiona"));
    assert_eq!(d.settled_from.as_deref(), Some("Bob"));
    assert_eq!(
        d.settlement,
        "settled by Fiona on 30 November 2026, taking Bob's answer"
    );
    assert_eq!(l.disputed(), 3);
    let summary = l.disagreement_summary().expect("a summary");
    assert!(
        summary.starts_with(
            "4 items were answered differently: 3 are still disputed, 1 is settled; the widest \
             spread is 100 points"
        ),
        "{summary}"
    );
}

#[test]
fn a_new_answer_written_is_said_so() {
    let mut a = workshop("Ann");
    a.answers.insert("worked-example/b".into(), choice("not"));
    a.settled.insert(
        "worked-example/b".into(),
        Settled {
            by: "facilitator".into(),
            at: "2026-11-29T23:59:00Z".parse().expect("a time"),
            from: None,
        },
    );
    let p = pack(&a);
    let b = p
        .later
        .disagreements
        .iter()
        .find(|d| d.item == "worked-example/b")
        .expect("b");
    assert_eq!(b.settled.as_deref(), Some("Not implemented"));
    assert_eq!(
        b.settlement,
        "settled by facilitator on 29 November 2026, a new answer written"
    );
}

#[test]
fn the_perception_gap_is_the_gap_report_in_words() {
    let q = worked_example();
    let a = workshop("Ann");
    let r = crate::gap::gap(&[&q], &a).expect("gap");
    let g = pack(&a).later.perception_gap.expect("a gap");
    assert_eq!(g.groups, ["Ann (board)", "staff"]);
    assert_eq!(g.compared, "Ann (board)");
    assert_eq!(g.against, ["staff"]);
    let area = &g.areas[0];
    assert_eq!(area.section, "1. Planning");
    for (shown, given) in area.groups.iter().zip(&r.areas[0].groups) {
        assert_eq!(shown.score, given.score);
        assert_eq!(shown.score_text, crate::figures::percent(given.score));
        assert_eq!(shown.level, given.level);
    }
    // Board 5.67 / 6 = 94.5 %, shown 95 %; staff 2.25 / 5 = 45 %: +50 points as shown.
    assert_eq!(area.groups[0].score_text, "95 %");
    assert_eq!(area.groups[1].score_text, "45 %");
    assert_eq!(area.difference, "+50");
    assert_eq!(g.difference, "+50");
    let items: Vec<&str> = g.items.iter().map(|i| i.item.as_str()).collect();
    let expected: Vec<&str> = r.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(items, expected);
    assert_eq!(g.items_total, r.items.len());
    assert_eq!(g.items[0].section, "1. Planning");
}

#[test]
fn parked_items_are_listed_in_questionnaire_order() {
    let mut a = workshop("Ann");
    for item in ["e", "b"] {
        a.answers
            .entry(format!("worked-example/{item}"))
            .or_default()
            .parked = true;
    }
    let parked: Vec<String> = pack(&a).later.parked.into_iter().map(|p| p.item).collect();
    assert_eq!(parked, ["worked-example/b", "worked-example/e"]);
}

#[test]
fn hostile_names_are_made_safe() {
    let p = pack(&workshop("Ann\u{1b}[31m<b>"));
    let who = &p.later.disagreements[0].answers[0].respondent;
    assert_eq!(
        who, "Ann<b>",
        "escapes removed; HTML is escaped by its writer"
    );
    assert_eq!(p.later.respondents[0].name, "Ann<b>");
}

#[test]
fn an_assessment_without_a_workshop_has_none_of_these_sections() {
    let q = worked_example();
    let a = crate::test_support::assessment(&q, "w", &[("a", choice("fully"))]);
    let p = pack(&a);
    assert!(p.later.disagreements.is_empty());
    assert!(p.later.perception_gap.is_none());
    assert!(p.later.parked.is_empty());
    assert!(p.later.respondents.is_empty());
    assert_eq!(p.later.disagreement_summary(), None);
    assert!(p.respondent_answers(&p.items[0]).is_empty());
}

#[test]
fn each_respondent_answer_of_an_agreed_item_is_the_agreed_one() {
    let p = pack(&workshop("Ann"));
    let a = p.item("worked-example/a").expect("a");
    let answers: Vec<String> = p
        .respondent_answers(a)
        .into_iter()
        .map(|x| x.answer)
        .collect();
    assert_eq!(answers, ["Fully implemented"; 3]);
    let c = p.item("worked-example/c").expect("c");
    let answers: Vec<String> = p
        .respondent_answers(c)
        .into_iter()
        .map(|x| x.answer)
        .collect();
    assert_eq!(answers, ["Fully implemented", "Not implemented", ""]);
}

#[test]
fn follow_up_fields_are_on_every_item() {
    let mut a = workshop("Ann");
    let entry = a.answers.entry("worked-example/a".into()).or_default();
    entry.due = Some("2027-01-31".parse().expect("a day"));
    entry.status = Some(crate::record::Status::Done);
    entry.decision = Some("Keep it\u{7}".into());
    entry.evidence = vec![crate::record::Evidence::new("SOC 2 report 2026")];
    let p = pack(&a);
    let row = p.item("worked-example/a").expect("a");
    assert_eq!(row.due.as_deref(), Some("2027-01-31"));
    assert_eq!(row.follow_up, Some(crate::record::Status::Done));
    assert_eq!(row.decision.as_deref(), Some("Keep it"));
    assert_eq!(row.evidence[0].reference, "SOC 2 report 2026");
}

#[test]
fn the_gap_is_headed_by_the_groups_and_long_lists_go_to_the_appendix() {
    let mut a = workshop("Ann");
    let l = pack(&a).later;
    assert_eq!(
        l.perception_heading().as_deref(),
        Some("Board and staff: the perception gap")
    );
    assert!(l.disagreements_in_board_part(), "4 disagreements are few");
    assert!(l.parked_in_board_part());
    for r in &mut a.respondents {
        r.group = Some(
            if r.name == "Bob" {
                "management"
            } else {
                "staff"
            }
            .into(),
        );
    }
    let l = pack(&a).later;
    let heading = l.perception_heading().expect("a gap");
    assert!(
        heading.ends_with(": the perception gap") && heading.contains(" and "),
        "{heading}"
    );
    let mut many = workshop("Ann");
    for item in ["a", "strategy"] {
        many.responses.insert(
            format!("worked-example/{item}"),
            vec![
                response("Ann", choice("fully")),
                response("Bob", choice("not")),
            ],
        );
    }
    assert!(
        !pack(&many).later.disagreements_in_board_part(),
        "6 disagreements are more than {}",
        super::BOARD_DISAGREEMENTS
    );
    let q = worked_example();
    for place in crate::walk::items(&[&q]) {
        many.answers
            .entry(place.key.to_string())
            .or_default()
            .parked = true;
    }
    let l = pack(&many).later;
    assert_eq!(l.parked.len(), 6);
    assert!(
        l.parked_in_board_part(),
        "6 of at most {}",
        super::BOARD_PARKED
    );
    assert_eq!(l.parked_summary(), "6 items were parked for later.");
}
