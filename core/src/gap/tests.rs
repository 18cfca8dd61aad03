//! The perception gap's figures, checked against values worked out by hand.

use super::*;
use crate::assessment::Response;
use crate::record::{Respondent, Settled};
use crate::test_support::{choice, na, ticked, worked_example};

fn response(who: &str, answer: Answer) -> Response {
    Response {
        respondent: who.into(),
        answer,
    }
}

/// Ann (board), Bob and Carl (staff), merged: a agreed (Fully); b, c, e disputed; d settled
/// with Bob's answer. Carl gave no answer to c; Bob and Carl answered e N/A.
fn workshop(groups: [Option<&str>; 3]) -> Assessment {
    let q = worked_example();
    let mut a = crate::test_support::assessment(&q, "room", &[("a", choice("fully"))]);
    a.name = "Acme workshop".into();
    a.respondents = ["Ann", "Bob", "Carl"]
        .iter()
        .zip(groups)
        .map(|(name, group)| Respondent {
            name: (*name).into(),
            group: group.map(String::from),
        })
        .collect();
    let mut dispute = |item: &str, given: Vec<Response>| {
        a.responses.insert(format!("worked-example/{item}"), given);
    };
    dispute(
        "b",
        vec![
            response("Ann", choice("fully")),
            response("Bob", choice("largely")),
            response("Carl", choice("partial")),
        ],
    );
    dispute(
        "c",
        vec![
            response("Ann", choice("fully")),
            response("Bob", choice("not")),
        ],
    );
    dispute(
        "d",
        vec![
            response("Ann", ticked(&["x", "y"])),
            response("Bob", ticked(&["x"])),
            response("Carl", ticked(&[])),
        ],
    );
    dispute(
        "e",
        vec![
            response("Ann", choice("largely")),
            response("Bob", na()),
            response("Carl", na()),
        ],
    );
    a.answers.insert("worked-example/d".into(), ticked(&["x"]));
    a.settled.insert(
        "worked-example/d".into(),
        Settled {
            by: "facilitator".into(),
            at: crate::stamp::now(),
            from: Some("Bob".into()),
        },
    );
    a
}

fn close(x: Option<f64>, y: f64) -> bool {
    x.is_some_and(|x| (x - y).abs() < 1e-9)
}

#[test]
fn the_board_against_staff_matches_the_hand_computed_figures() {
    let q = worked_example();
    let r = gap(
        &[&q],
        &workshop([Some("board"), Some("staff"), Some("staff")]),
    )
    .expect("gap");
    let labels: Vec<&str> = r.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(
        labels,
        ["Ann (board)", "staff"],
        "one person shown as that person"
    );
    assert_eq!(r.groups[1].respondents, ["Bob", "Carl"]);
    assert_eq!(
        (r.compared.as_str(), r.against.as_slice()),
        ("board", &["staff".to_string()][..])
    );
    // Board (Ann): a 1, b 1, c 1, d 1, e 0.67; weights 1, 2, 1, 1, 1.
    // score = (1 + 2 + 1 + 1 + 0.67) / 6 = 0.945; every level achieved: level 3.
    let area = &r.areas[0];
    assert_eq!(area.id, "worked-example/planning");
    assert!(
        close(area.groups[0].score, 5.67 / 6.0),
        "{:?}",
        area.groups[0]
    );
    assert_eq!(area.groups[0].level, Some(3));
    // Staff: a mean(1, 1) = 1; b mean(0.67, 0.33) = 0.5; c Bob 0 (Carl none) = 0;
    // d mean(0.5, 0) = 0.25; e N/A for both: left out. score = (1 + 1 + 0 + 0.25) / 5.
    assert!(
        close(area.groups[1].score, 2.25 / 5.0),
        "{:?}",
        area.groups[1]
    );
    assert_eq!(area.groups[1].level, Some(0), "b is below the pass mark");
    assert_eq!(area.groups[1].level_name, Some("Incomplete"));
    assert!(close(area.difference, 5.67 / 6.0 - 0.45));
    assert!(close(r.difference, 5.67 / 6.0 - 0.45));
    assert_eq!(r.overall[0].level, Some(3));
    // Shown: 95 % against 45 %, so 50 points (the unrounded difference is 0.495).
    assert_eq!(r.shown_difference(&r.overall).signed(), "+50");
    // Items where the board is above staff, widest first: c (1 − 0), d (1 − 0.25),
    // b (1 − 0.5); a is agreed, e has no staff value.
    let items: Vec<(&str, f64)> = r
        .items
        .iter()
        .map(|i| (i.item.as_str(), i.difference))
        .collect();
    assert_eq!(
        items,
        [
            ("worked-example/c", 1.0),
            ("worked-example/d", 0.75),
            ("worked-example/b", 0.5)
        ]
    );
    // An item's gap is shown by the area's rule: the difference of the shown figures.
    let shown: Vec<String> = r
        .items
        .iter()
        .map(|i| r.item_difference(i).in_points())
        .collect();
    assert_eq!(shown, ["100 points", "75 points", "50 points"]);
    let c = &r.items[0];
    let words: Vec<(&str, &str, &str)> = c
        .answers
        .iter()
        .map(|a| (a.respondent.as_str(), a.group.as_str(), a.answer.as_str()))
        .collect();
    assert_eq!(
        words,
        [
            ("Ann", "board", "Fully implemented"),
            ("Bob", "staff", "Not implemented"),
            ("Carl", "staff", "")
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).expect("json");
    assert_eq!(json["format"], "supplycheck.gap/1");
    assert_eq!(json["items"][0]["groups"][1]["value"], 0.0);
}

#[test]
fn respondents_without_a_group_form_one_and_any_number_of_groups_works() {
    let q = worked_example();
    let r = gap(&[&q], &workshop([Some("board"), Some("IT team"), None])).expect("gap");
    let labels: Vec<&str> = r.groups.iter().map(|g| g.label.as_str()).collect();
    assert_eq!(labels, ["Ann (board)", "Bob (IT team)", "Carl (no group)"]);
    assert_eq!(r.against, ["IT team", "no group"]);
    // Bob: a 1, b 0.67, c 0, d 0.5, e N/A → (1 + 1.34 + 0 + 0.5) / 5 = 0.568.
    // Carl: a 1, b 0.33, c unanswered 0, d 0, e N/A → (1 + 0.66) / 5 = 0.332.
    let s = &r.areas[0].groups;
    assert!(
        close(s[1].score, 2.84 / 5.0) && close(s[2].score, 1.66 / 5.0),
        "{s:?}"
    );
    assert!(close(
        r.difference,
        5.67 / 6.0 - f64::midpoint(2.84 / 5.0, 1.66 / 5.0)
    ));
}

#[test]
fn without_a_board_the_highest_group_is_compared_with_the_lowest() {
    let q = worked_example();
    let r = gap(
        &[&q],
        &workshop([Some("staff"), Some("management"), Some("supplier")]),
    )
    .expect("gap");
    let order: Vec<&str> = r.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(
        order,
        ["management", "staff", "supplier"],
        "known groups in their order"
    );
    assert_eq!(
        (r.compared.as_str(), r.against.as_slice()),
        ("staff", &["supplier".to_string()][..])
    );
    assert!(close(r.difference, 5.67 / 6.0 - 1.66 / 5.0));
}

#[test]
fn no_groups_or_one_group_is_a_clear_message() {
    let q = worked_example();
    let e = gap(&[&q], &workshop([None, None, None])).expect_err("no groups");
    assert_eq!(
        e.to_string(),
        "no respondent of \"Acme workshop\" (Ann, Bob, Carl) has a group, so there are no \
         groups to compare; create each respondent's assessment with `new --respondent NAME \
         --group board|management|staff|supplier` (or a word of your own), then merge them \
         again"
    );
    let e = gap(&[&q], &workshop([Some("staff"); 3])).expect_err("one group");
    assert!(e.to_string().contains("in the group \"staff\""), "{e}");
    let mut lone = workshop([None, None, None]);
    lone.respondents.clear();
    let e = gap(&[&q], &lone).expect_err("no respondents");
    assert!(e.to_string().contains("lists no respondents"), "{e}");
}

#[test]
fn an_items_gap_and_an_areas_gap_of_the_same_values_read_the_same() {
    // Board 1, staff a mean of 0.33 and 0: 0.165 → shown 17 %; 100 − 17 = 83 both ways
    // (rounding the raw 0.835 would say 84).
    let item = ItemGap {
        item: "q/a".into(),
        prompt: "A?".into(),
        area: "q/s".into(),
        difference: 0.835,
        groups: vec![
            GroupValue {
                group: "board".into(),
                value: Some(1.0),
            },
            GroupValue {
                group: "staff".into(),
                value: Some(0.165),
            },
        ],
        answers: Vec::new(),
    };
    let r = GapReport {
        format: GAP_FORMAT,
        assessment: "a".into(),
        groups: Vec::new(),
        compared: "board".into(),
        against: vec!["staff".into()],
        overall: Vec::new(),
        difference: None,
        areas: Vec::new(),
        items: Vec::new(),
    };
    assert_eq!(r.item_difference(&item).in_points(), "83 points");
}

#[test]
fn an_items_answers_follow_the_groups_order_of_the_area_table() {
    // Bob (staff) comes before Carl (management) in the assessment; management comes first
    // among the groups, so Carl's answer is listed before Bob's, as in the area table.
    let a = workshop([Some("board"), Some("staff"), Some("management")]);
    let q = worked_example();
    let r = gap(&[&q], &a).expect("a gap");
    let order: Vec<&str> = r.groups.iter().map(|g| g.group.as_str()).collect();
    assert_eq!(order, ["board", "management", "staff"]);
    for item in &r.items {
        let who: Vec<&str> = item.answers.iter().map(|x| x.respondent.as_str()).collect();
        assert_eq!(who, ["Ann", "Carl", "Bob"], "{}", item.item);
    }
}
