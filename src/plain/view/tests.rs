use super::*;
use crate::assessment::{Response, Value};
use crate::test_support::{choice, na, ticked, worked_example as questionnaire};

fn assessment(q: &Questionnaire) -> Assessment {
    Assessment::new("t".into(), "Test".into(), "Acme".into(), None, &[q])
}

#[test]
fn the_walk_starts_at_the_first_item_without_an_answer() {
    let q = questionnaire();
    let places = places(&[&q]);
    assert_eq!(places.len(), 6);
    let mut a = assessment(&q);
    assert_eq!(first_unanswered(&places, &a), Some(0));
    a.answers.insert("worked-example/a".into(), choice("fully"));
    a.answers.insert("worked-example/b".into(), na());
    // A note alone is no answer.
    a.answers.insert(
        "worked-example/c".into(),
        Answer {
            note: Some("ask IT".into()),
            ..Answer::default()
        },
    );
    assert_eq!(first_unanswered(&places, &a), Some(2));
    assert_eq!(unanswered(&places, &a), 4);
    for id in ["c", "e"] {
        a.answers
            .insert(format!("worked-example/{id}"), choice("not"));
    }
    a.answers.insert("worked-example/d".into(), ticked(&[]));
    // The text item is the last one left.
    assert_eq!(first_unanswered(&places, &a), Some(5));
    a.answers.insert(
        "worked-example/strategy".into(),
        Answer::from(Value::Text("Buy local".into())),
    );
    assert_eq!(first_unanswered(&places, &a), None);
}

#[test]
fn the_header_says_where_the_item_is_and_what_it_takes() {
    let q = questionnaire();
    let places = places(&[&q]);
    assert_eq!(
        header(&places[2]),
        "Worked example / 1. Planning: item 3 of 6, level 2 practice"
    );
    assert_eq!(
        header(&places[5]),
        "Worked example / 1. Planning: item 6 of 6, answer in words, not scored"
    );
}

#[test]
fn an_item_shows_prompt_guidance_sources_and_the_answer_so_far() {
    let q = questionnaire();
    let places = places(&[&q]);
    let mut a = assessment(&q);
    a.answers.insert(
        "worked-example/b".into(),
        Answer {
            value: Value::Choice("largely".into()),
            note: Some("two\nlines".into()),
            owner: Some("contract-manager".into()),
            flag: true,
            ..Answer::default()
        },
    );
    a.responses.insert(
        "worked-example/b".into(),
        vec![
            Response {
                respondent: "Ann".into(),
                answer: choice("fully"),
            },
            Response {
                respondent: "Bo".into(),
                answer: choice("not"),
            },
        ],
    );
    assert_eq!(
        item_lines(&places[1], &a, 80),
        [
            "",
            "Worked example / 1. Planning: item 2 of 6, level 1 practice",
            "Item B?",
            "Why this matters: Level 1 practice, weighted.",
            "Source: CFCS 1.2",
            "Answer so far: Largely implemented",
            "The respondents disagree. Ann: Fully implemented; Bo: Not implemented.",
            "Note: two",
            "lines",
            "Owner: Contract manager",
            "Flagged for follow-up.",
        ]
    );
    assert!(item_lines(&places[0], &a, 80).contains(&"Answer so far: not answered yet".into()));
    let ann = a.responses["worked-example/b"][0].answer.clone();
    assert!(a.settle("worked-example/b", &ann, "facilitator", Some("Ann")));
    assert!(
        item_lines(&places[1], &a, 200).contains(
            &"The respondents disagreed; settled with Ann's answer. Ann: Fully implemented; Bo: \
          Not implemented."
                .into()
        )
    );
    // A respondent of the workshop who gave the item no answer is named as such.
    a.respondents = ["Ann", "Bo", "Cy"]
        .iter()
        .map(|n| crate::record::Respondent {
            name: (*n).into(),
            group: None,
        })
        .collect();
    assert!(
        item_lines(&places[1], &a, 200)
            .iter()
            .any(|l| l.ends_with("Bo: Not implemented; Cy: no answer.")),
        "{:?}",
        item_lines(&places[1], &a, 200)
    );
}

#[test]
fn text_from_files_reaches_the_terminal_without_escape_sequences() {
    let mut q = questionnaire();
    q.title = "Evil\u{1b}[2J title".into();
    q.sections[0].items[0].prompt = "Clear \u{1b}]0;owned\u{7}screen?".into();
    q.sections[0].items[0].guidance = "\u{9b}31mred".into();
    let places = places(&[&q]);
    let mut a = assessment(&q);
    a.name = "Name\u{1b}[31m".into();
    a.answers.insert(
        "worked-example/a".into(),
        Answer {
            note: Some("n\u{7}ote\u{1b}[1m".into()),
            ..Answer::from(Value::Choice("not".into()))
        },
    );
    let mut all = item_lines(&places[0], &a, 80);
    all.extend(score_lines(&a, &scoring::score(&[&q], &a), 1));
    all.push(listing(&a, &scoring::score(&[&q], &a)));
    for line in &all {
        assert!(!line.chars().any(char::is_control), "{line:?}");
    }
    assert!(all.contains(&"Clear screen?".to_string()), "{all:?}");
}

#[test]
fn the_menu_of_a_choice_item_preselects_the_current_answer() {
    let q = questionnaire();
    let item = &q.sections[0].items[0];
    let (menu, default) = item_menu(&q, item, None);
    let labels: Vec<&str> = menu.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Not implemented",
            "Partially implemented",
            "Largely implemented",
            "Fully implemented",
            "Not applicable",
            "Skip (leave for later)",
            "Leave plain mode",
        ]
    );
    assert_eq!(default, 0);
    let (_, default) = item_menu(&q, item, Some(&choice("largely")));
    assert_eq!(default, 2);
    let (menu, default) = item_menu(&q, item, Some(&na()));
    assert_eq!(menu[default].0, Pick::NotApplicable);
}

#[test]
fn an_item_that_does_not_allow_na_offers_no_na() {
    let mut q = questionnaire();
    q.sections[0].items[3].allow_na = Some(false);
    let item = &q.sections[0].items[3];
    let (menu, default) = item_menu(&q, item, None);
    let picks: Vec<&Pick> = menu.iter().map(|(p, _)| p).collect();
    assert_eq!(picks, [&Pick::Checks, &Pick::Skip, &Pick::Leave]);
    assert_eq!(default, 0);
    let text = &q.sections[0].items[5];
    let (menu, _) = item_menu(&q, text, None);
    assert_eq!(menu[0], (Pick::Write, "Write the answer".to_string()));
    assert!(!menu.iter().any(|(p, _)| *p == Pick::NotApplicable));
}

#[test]
fn ticks_keep_the_other_na_checks_and_untick_what_is_na() {
    let mut q = questionnaire();
    q.sections[0].items[3]
        .checks
        .push(crate::questionnaire::Check {
            id: "z".into(),
            text: "Check Z".into(),
        });
    let item = &q.sections[0].items[3];
    let before = Answer::from(Value::Checklist {
        ticked: vec!["x".into()],
        na_checks: vec!["y".into(), "z".into()],
    });
    let (labels, ticked) = check_entries(item, Some(&before));
    assert_eq!(
        labels,
        [
            "Check X",
            "Check Y (not applicable)",
            "Check Z (not applicable)"
        ]
    );
    assert_eq!(ticked, [true, false, false]);
    // Ticking Z makes it applicable again; Y stays N/A.
    let (value, na) = checks_value(item, &[0, 2], Some(&before));
    assert_eq!((value.as_str(), na.as_str()), ("x,z", "y"));
    let mut after = before.clone();
    crate::assessment::apply_value(&q, item, &mut after, &value, Some(&na))
        .expect("a valid checklist answer");
    assert_eq!(
        after.ticked(),
        Some(&["x".to_string(), "z".to_string()][..])
    );
    assert_eq!(after.na_checks(), ["y"]);
    assert_eq!(
        checks_value(item, &[], None),
        (String::new(), String::new())
    );
    assert_eq!(
        ticked_words(item, &[0, 2]),
        "Ticked 2 of 3: Check X; Check Z."
    );
    assert_eq!(ticked_words(item, &[]), "Ticked none of 3 checks.");
}

#[test]
fn answers_in_words() {
    let q = questionnaire();
    let d = &q.sections[0].items[3];
    let some = Answer::from(Value::Checklist {
        ticked: vec!["x".into()],
        na_checks: vec!["y".into()],
    });
    assert_eq!(answer_words(&q, d, Some(&some)), "1 of 1 check in place");
    let all_na = Answer::from(Value::Checklist {
        ticked: vec![],
        na_checks: vec!["x".into(), "y".into()],
    });
    assert_eq!(answer_words(&q, d, Some(&all_na)), "Not applicable");
    assert_eq!(answer_words(&q, d, None), "not answered yet");
}

#[test]
fn unchanged_text_keeps_the_original_even_over_several_lines() {
    assert_eq!(edited(Some("one\ntwo"), "one two"), Edit::Unchanged);
    assert_eq!(
        edited(Some("one\ntwo"), "one two").apply(Some("one\ntwo")),
        Some("one\ntwo".into())
    );
    assert_eq!(edited(None, "  "), Edit::Unchanged);
    assert_eq!(edited(Some("old"), ""), Edit::Removed);
    assert_eq!(edited(Some("old"), " new "), Edit::Set("new".into()));
    assert_eq!(edited(None, "first").apply(None), Some("first".into()));
}

#[test]
fn the_menu_after_an_answer_goes_on_by_default_and_says_what_is_set() {
    let labels = |m: Vec<(Then, String)>| -> Vec<String> { m.into_iter().map(|e| e.1).collect() };
    assert_eq!(
        labels(then_menu(None, false)),
        [
            "Next item",
            "Add a note",
            "Set the owner",
            "Flag for follow-up",
            "Leave plain mode"
        ]
    );
    let set = Answer {
        note: Some("n".into()),
        owner: Some("legal".into()),
        flag: true,
        ..choice("not")
    };
    assert_eq!(
        labels(then_menu(Some(&set), true)),
        [
            "Finish and show the score",
            "Change the note",
            "Change the owner (now Legal function)",
            "Remove the flag",
            "Leave plain mode"
        ]
    );
}

#[test]
fn the_owner_menu_keeps_an_owner_of_the_users_own() {
    let (menu, default) = owner_menu(None);
    assert_eq!(menu.len(), ROLES.len() + 1);
    assert_eq!(default, 0);
    assert_eq!(menu.last().map(|e| e.0.clone()), Some(None));
    let (menu, default) = owner_menu(Some("legal"));
    assert_eq!(menu[default].0.as_deref(), Some("legal"));
    let (menu, default) = owner_menu(Some("Facilities\u{1b}[1m"));
    assert_eq!(menu.len(), ROLES.len() + 2);
    assert_eq!(menu[default].1, "Facilities");
}

#[test]
fn the_score_lines_name_level_score_and_what_is_left() {
    let q = questionnaire();
    let mut a = assessment(&q);
    let lines = score_lines(&a, &scoring::score(&[&q], &a), 6);
    assert_eq!(
        lines[1..],
        [
            "Test: overall maturity level 0 Incomplete: basic practices are missing or not \
             known to be in place.",
            "Level 0 · 0 % · 0 % known; answered 0 · 0 don't know; 5 scored items apply.",
            "6 items have no answer yet.",
            "Every section's figures: supplycheck score t",
        ]
    );
    for id in ["a", "b", "c", "e"] {
        a.answers
            .insert(format!("worked-example/{id}"), choice("fully"));
    }
    a.answers
        .insert("worked-example/d".into(), ticked(&["x", "y"]));
    let lines = score_lines(&a, &scoring::score(&[&q], &a), 1);
    assert!(
        lines[1].starts_with("Test: overall maturity level 3 Defined: "),
        "{lines:?}"
    );
    assert_eq!(
        lines[2],
        "Level 3 · 100 % · 100 % known; answered 5 · 0 don't know; 5 scored items apply."
    );
    assert_eq!(lines[3], "1 item has no answer yet.");
}

#[test]
fn listing_shows_name_organisation_and_progress() {
    let q = questionnaire();
    let mut a = assessment(&q);
    a.answers.insert("worked-example/a".into(), choice("fully"));
    let r = scoring::score(&[&q], &a);
    assert_eq!(
        listing(&a, &r),
        "Test, Acme: Level 0 · 17 % · 20 % known, answered 1 · 0 don't know"
    );
    a.organisation = String::new();
    assert_eq!(
        listing(&a, &r),
        "Test: Level 0 · 17 % · 20 % known, answered 1 · 0 don't know"
    );
}

#[test]
fn long_menu_entries_go_on_under_themselves() {
    assert_eq!(menu_entry("Short", 80, 6), "Short");
    let long = "Security tests and vulnerability scans by us, the supplier or a third party";
    let entry = menu_entry(long, 60, 6);
    assert_eq!(
        entry,
        "Security tests and vulnerability scans by us, the\n      supplier or a third party"
    );
    for line in entry.lines() {
        assert!(6 + str_width(line.trim_start()) < 60, "{line:?}");
    }
}

#[test]
fn wrapping_keeps_words_and_line_breaks() {
    assert_eq!(
        wrap("Why this matters: suppliers hold your data", 20),
        ["Why this matters:", "suppliers hold your", "data"]
    );
    assert_eq!(wrap("a\n\nb", 20), ["a", "", "b"]);
    assert_eq!(wrap("", 20), [""]);
    assert_eq!(
        wrap(&"x".repeat(25), 10),
        ["x".repeat(10), "x".repeat(10), "x".repeat(5)]
    );
    for line in wrap("Größe ünd wörter, die Breite 漢字漢字 haben", 12) {
        assert!(str_width(&line) <= 12, "{line:?}");
    }
}

#[test]
fn one_check_is_marked_na_from_its_own_menu_entry_and_back() {
    let q = questionnaire();
    let item = &q.sections[0].items[3];
    let (menu, _) = item_menu(&q, item, None);
    assert_eq!(menu[1].0, Pick::CheckNa);
    let checks = check_na_menu(item, None);
    assert_eq!(checks.len(), item.checks.len());
    let mut a = Answer::default();
    a.toggle_na_check(item, 1);
    assert!(check_na_words(item, 1, &a).starts_with("Not applicable: "));
    assert!(
        check_na_menu(item, Some(&a))[1]
            .1
            .contains("not applicable now")
    );
    a.toggle_na_check(item, 1);
    assert!(check_na_words(item, 1, &a).starts_with("Applicable again: "));
}

#[test]
fn items_that_do_not_apply_are_not_asked_skipped_and_not_counted_as_open() {
    let q = crate::test_support::supplier_when();
    let places = places(&[&q]);
    let mut a = assessment(&q);
    a.subject = Some(crate::record::Subject::Supplier {
        name: "Payroll Co".into(),
        tier: Some(crate::questionnaire::Tier::Low),
        services: Vec::new(),
    });
    a.answers
        .insert("supplier-when/holds-data".into(), choice("no"));
    a.answers
        .insert("supplier-when/data-terms".into(), choice("fully"));
    // data-terms (holds-data is no), audit, exit-test and deletion-proof are not asked.
    assert_eq!(first_unanswered(&places, &a), Some(5));
    assert_eq!(unanswered(&places, &a), 3, "review, review-3, notes");
    assert_eq!(
        not_asked_count(&places, &a),
        4,
        "data-terms, audit, exit-test, deletion-proof"
    );
    let audit = &places[2];
    assert_eq!(
        not_asked_line(audit, &a).as_deref(),
        Some(
            "Supplier conditions / 1. The relationship: item 3 of 8, level 2 practice — Not \
             asked: only asked for critical and high suppliers"
        )
    );
    assert_eq!(not_asked_line(&places[0], &a), None);
    assert_eq!(
        not_asked_line(&places[1], &a).map(|l| l.contains("holds-data is Yes")),
        Some(true)
    );
}
