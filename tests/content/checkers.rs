//! The content checkers, proved on small questionnaires made for the purpose: each accepts
//! what the rules allow and catches what they forbid.

use serde_json::{Value, json};

use super::conditions::{always_asked, can_hold_for, names_an_answer};
use super::{
    foundational_problems, is_allowed_ref, runs, says_dont_know, says_no, shared_runs,
    structure_problems, uncited, unseen_references, words,
};

/// A scored item at `level` that cannot be answered N/A.
fn fixed(id: &str, level: u64) -> Value {
    json!({
        "id": id, "kind": "choice", "scale": "assurance", "level": level, "weight": 1,
        "allow_na": false, "prompt": "Across our suppliers, is it done?",
        "guidance": "Ask for the register.", "action": "Do it.", "refs": ["CFCS 1.1"]
    })
}

/// A questionnaire that keeps every rule, using every format-2 field.
fn good() -> Value {
    json!({
        "format": "supplycheck.questionnaire/2", "id": "t", "version": "2.0.0",
        "title": "T", "description": "D", "source": "S", "pass_mark": 0.6,
        "scope": "organisation",
        "scales": { "assurance": { "options": [
            { "key": "dont-know", "label": "We don't know", "value": 0, "unknown": true },
            { "key": "no", "label": "No — we know it is not in place", "value": 0 },
            { "key": "believe", "label": "We believe so", "value": 0.5, "was": ["think"] },
            { "key": "evidence", "label": "We have evidence", "value": 1 }
        ]}},
        "sections": [{ "id": "s", "title": "S", "intro": "I", "items": [
            fixed("a", 1),
            fixed("b", 2),
            fixed("c", 3),
            { "id": "d", "kind": "checklist", "level": 3, "weight": 1, "required": 2,
              "prompt": "Which of these do we use?", "guidance": "Any two will do.",
              "action": "Use two of them.", "refs": ["CERT RMM EXD SG2.SP2"],
              "was": ["old-d"], "when": { "tier": ["critical"] },
              "checks": [{ "id": "x", "text": "X" }, { "id": "y", "text": "Y" },
                         { "id": "z", "text": "Z" }] },
            { "id": "e", "kind": "text", "prompt": "What is our strategy?",
              "refs": ["NCSC board: the Board"] }
        ]}]
    })
}

fn problems_of(q: &Value) -> String {
    structure_problems(q, "2.0.0", "organisation").join("\n")
}

fn assert_has(problems: &str, expected: &[&str]) {
    for e in expected {
        assert!(problems.contains(e), "missing {e:?} in:\n{problems}");
    }
}

#[test]
fn the_refs_checker_knows_the_allowed_forms() {
    for good in [
        "CFCS 1.1",
        "CFCS 2.3",
        "CFCS App. 5",
        "CERT RMM EXD goal 4",
        "CERT RMM EXD GP10",
        "CERT RMM EXD SG2.SP2",
        "CERT RMM EXD SG3.SP4",
        "NCSC board Q4",
        "NCSC board: the Board",
        "NCSC board: organisation",
    ] {
        assert!(is_allowed_ref(good), "{good:?} should be allowed");
    }
    for bad in [
        "CFCS 1.6",
        "CFCS 7.1",
        "cfcs 1.1",
        "CFCS App 1",
        "CFCS 1.1 ",
        "NCSC Board",
        "NCSC board Q5",
        "NCSC board: The Board",
        "NCSC board: the organisation",
        "CERT RMM EXD goal 5",
        "CERT RMM EXD GP11",
        "CERT RMM EXD SG2.SP3",
        "CERT RMM EXD SG5.SP1",
        "",
    ] {
        assert!(!is_allowed_ref(bad), "{bad:?} should be refused");
    }
}

#[test]
fn a_questionnaire_that_keeps_every_rule_has_no_problems() {
    let q = good();
    assert_eq!(problems_of(&q), "");
    assert!(unseen_references(&q).is_empty());
}

#[test]
fn the_structure_checker_refuses_unknown_fields_and_the_wrong_version() {
    let mut q = good();
    q["format"] = json!("supplycheck.questionnaire/1");
    q["version"] = json!("1.0.0");
    q["scope"] = json!("supplier");
    q["extra"] = json!(1);
    q["sections"][0]["extra"] = json!(1);
    q["sections"][0]["items"][0]["extra"] = json!(1);
    q["sections"][0]["items"][3]["checks"][0]["extra"] = json!(1);
    q["scales"]["assurance"]["options"][0]["extra"] = json!(1);
    q["scales"]["assurance"]["extra"] = json!(1);
    assert_has(
        &problems_of(&q),
        &[
            "t: format must be supplycheck.questionnaire/2",
            "t: version must be 2.0.0",
            "t: scope must be organisation",
            "t: unknown field \"extra\"",
            "t/s: unknown field \"extra\"",
            "t/a: unknown field \"extra\"",
            "t/d/x: unknown field \"extra\"",
            "t scale assurance/dont-know: unknown field \"extra\"",
            "t scale assurance: unknown field \"extra\"",
        ],
    );
}

#[test]
fn the_structure_checker_catches_bad_items() {
    let mut q = good();
    let items = &mut q["sections"][0]["items"];
    items[0]["refs"] = json!(["CFCS 9.9"]);
    items[0]["guidance"] = json!("");
    items[1]["action"] = json!("  ");
    items[1]["prompt"] = json!("Does this supplier do it?");
    items[2]["id"] = json!("a");
    items[3]["required"] = json!(3);
    items[4]["action"] = json!("Write it.");
    items[4]["refs"] = json!([]);
    assert_has(
        &problems_of(&q),
        &[
            "t/a: ref \"CFCS 9.9\" is not one of the allowed forms",
            "t/a: scored item without guidance",
            "t/b: scored item without an action",
            "t/b: the prompt asks about \"this supplier\", not the programme",
            "t/a: bad or duplicate item id",
            "t/d: required must be a whole number from 1 to fewer than its 3 checks",
            "t/e: a text item takes no action",
            "t/e: no refs",
        ],
    );
    let mut q = good();
    q["sections"][0]["items"][0]["was"] = json!(["old-d"]);
    assert_has(&problems_of(&q), &["t/d: bad or duplicate was \"old-d\""]);
}

#[test]
fn the_level_checker_wants_a_fixed_item_at_every_level_and_two_at_level_3() {
    let mut q = good();
    let items = &mut q["sections"][0]["items"];
    items[1]["allow_na"] = json!(true);
    items[2]["level"] = json!(2);
    items[2]["allow_na"] = json!(false);
    assert_has(&problems_of(&q), &["t/s: 1 level-3 item(s), fewer than 2"]);
    let mut q = good();
    let items = &mut q["sections"][0]["items"];
    items[1]
        .as_object_mut()
        .expect("an object")
        .remove("allow_na");
    items[2]["allow_na"] = json!(true);
    let problems = problems_of(&q);
    assert_has(
        &problems,
        &[
            "t/s: every item at level 2 may be answered N/A or is not asked of every tier",
            "t/s: every item at level 3 may be answered N/A or is not asked of every tier",
        ],
    );
    assert!(!problems.contains("level 1"), "{problems}");
    let mut q = good();
    q["sections"][0]["items"][0]["level"] = json!(2);
    assert_has(&problems_of(&q), &["t/s: no scored item at level 1"]);
}

#[test]
fn the_scale_checker_wants_dont_know_unknown_beside_a_known_no() {
    assert!(says_dont_know("We don't know"));
    assert!(says_dont_know("Don’t know"));
    assert!(says_dont_know("We do not know"));
    assert!(!says_dont_know("Known"));
    assert!(says_no("No — we know it is not in place"));
    assert!(says_no("Not implemented"));
    assert!(!says_no("Noted"));

    let mut q = good();
    q["scales"]["assurance"]["options"][0]
        .as_object_mut()
        .expect("an object")
        .remove("unknown");
    assert_has(
        &problems_of(&q),
        &["t scale assurance/dont-know: \"We don't know\" must be \"unknown\": true"],
    );
    let mut q = good();
    q["scales"]["assurance"]["options"][1]["value"] = json!(0.1);
    assert_has(
        &problems_of(&q),
        &["t scale assurance: has an unknown option but no known \"No\" of value 0"],
    );
    let mut q = good();
    q["scales"]["assurance"]["options"][1]["unknown"] = json!(true);
    q["scales"]["assurance"]["options"][1]["label"] = json!("No idea");
    assert_has(
        &problems_of(&q),
        &["t scale assurance: has an unknown option but no known \"No\" of value 0"],
    );
}

#[test]
fn the_foundational_checker_wants_them_present_and_not_na() {
    let q = |item: Value| json!({ "id": "cert-exd", "sections": [{ "id": "s", "items": [item] }] });
    let all = vec![(
        "cert-exd".to_string(),
        q(json!({ "id": "register", "was": ["dependency-register"], "allow_na": false })),
    )];
    let problems = foundational_problems(&all).join("\n");
    assert!(!problems.contains("cert-exd"), "{problems}");
    assert!(
        problems.contains("cfcs-phases/access-removal: missing"),
        "{problems}"
    );
    let all = vec![(
        "cert-exd".to_string(),
        q(json!({ "id": "dependency-register" })),
    )];
    assert!(
        foundational_problems(&all)
            .join("\n")
            .contains("cert-exd/dependency-register: foundational, so \"allow_na\": false")
    );
}

#[test]
fn the_citation_checker_names_what_no_item_cites() {
    let one = vec![("t".to_string(), good())];
    let missing = uncited(
        &one,
        &[
            "CFCS 1.1".to_string(),
            "NCSC board: the Board".to_string(),
            "NCSC board: organisation".to_string(),
            "CERT RMM EXD SG2.SP2".to_string(),
        ],
    );
    assert_eq!(missing, ["NCSC board: organisation"]);
}

#[test]
fn the_unseen_reference_checker_finds_the_guide_and_the_steps_above() {
    let mut q = good();
    q["sections"][0]["items"][0]["guidance"] = json!("As The Guide says, do it.");
    q["sections"][0]["items"][1]["action"] = json!("Follow the steps above.");
    q["sections"][0]["items"][2]["guidance"] = json!("A guidebook; the guides; steps.");
    assert_eq!(unseen_references(&q), ["t/a guidance", "t/b action"]);
}

#[test]
fn the_copy_checker_finds_runs_of_eight_words_in_every_text_field() {
    assert_eq!(
        words("Don't copy—the CFCS's 2nd ed."),
        ["don", "t", "copy", "the", "cfcs", "s", "2nd", "ed"]
    );
    let source = runs(&["One two three, four five six seven eight nine.".to_string()]);
    assert_eq!(
        shared_runs("Zero ONE two three four five-six seven eight!", &source),
        ["one two three four five six seven eight"]
    );
    assert!(shared_runs("one two three four five six seven", &source).is_empty());
    assert!(shared_runs("two three four five six seven eight ten", &source).is_empty());

    let mut q = good();
    let copied = "one two three four five six seven eight";
    q["title"] = json!(copied);
    q["description"] = json!(copied);
    q["scales"]["assurance"]["options"][2]["label"] = json!(copied);
    q["sections"][0]["intro"] = json!(copied);
    q["sections"][0]["title"] = json!(copied);
    q["sections"][0]["items"][3]["prompt"] = json!(copied);
    q["sections"][0]["items"][3]["guidance"] = json!(copied);
    q["sections"][0]["items"][3]["action"] = json!(copied);
    q["sections"][0]["items"][3]["checks"][1]["text"] = json!(copied);
    let found: Vec<String> = super::prose(&q)
        .into_iter()
        .filter(|(_, text)| !shared_runs(text, &source).is_empty())
        .map(|(at, _)| at)
        .collect();
    assert_eq!(
        found,
        [
            "t title",
            "t description",
            "t scale assurance/believe label",
            "t/s title",
            "t/s intro",
            "t/d prompt",
            "t/d guidance",
            "t/d action",
            "t/d/y check",
        ]
    );
}

#[test]
fn a_supplier_review_speaks_of_the_one_supplier() {
    let mut q = good();
    q["scope"] = json!("supplier");
    q["version"] = json!("1.0.0");
    let items = &mut q["sections"][0]["items"];
    items[0]["prompt"] = json!("Does this supplier hold our data?");
    items[1]["prompt"] = json!("Do we audit all suppliers?");
    items[2]["prompt"] = json!("Does each supplier report to us?");
    let problems = structure_problems(&q, "1.0.0", "supplier").join("\n");
    assert_has(
        &problems,
        &[
            "t/b: the prompt asks about \"all suppliers\", not the one supplier",
            "t/c: the prompt asks about \"each supplier\", not the one supplier",
        ],
    );
    assert!(!problems.contains("t/a"), "{problems}");
    assert!(!problems.contains("scope"), "{problems}");
    q.as_object_mut().expect("an object").remove("scope");
    assert_has(
        &structure_problems(&q, "1.0.0", "supplier").join("\n"),
        &["t: scope must be supplier"],
    );
}

#[test]
fn an_item_asked_only_of_some_tiers_does_not_hold_its_level() {
    let when_item = json!({ "item": "t/a", "in": ["no"] });
    for (when, counts) in [
        (json!({ "tier": ["critical", "high"] }), false),
        (
            json!({ "tier": ["low", "medium", "high", "critical"] }),
            true,
        ),
        (when_item.clone(), false),
        (
            json!({ "any": [when_item.clone(), { "tier": ["critical", "high", "medium", "low"] }] }),
            true,
        ),
        (
            json!({ "all": [when_item.clone(), { "tier": ["critical", "high", "medium", "low"] }] }),
            false,
        ),
    ] {
        let mut q = good();
        q["sections"][0]["items"][1]["when"] = when.clone();
        assert_eq!(
            always_asked(&q["sections"][0]["items"][1]),
            counts,
            "{when}"
        );
        let problems = problems_of(&q);
        assert_eq!(
            problems.contains("level 2 may be answered N/A or is not asked of every tier"),
            !counts,
            "{when}: {problems}"
        );
    }
}

#[test]
fn the_condition_helpers_read_tiers_and_answers() {
    let top = json!({ "tier": ["critical", "high"] });
    assert!(can_hold_for(&top, "high"));
    assert!(!can_hold_for(&top, "low"));
    let answer = json!({ "item": "t/a", "in": ["no"] });
    assert!(
        can_hold_for(&answer, "low"),
        "an answer may hold at any tier"
    );
    let both = json!({ "all": [top.clone(), answer.clone()] });
    assert!(!can_hold_for(&both, "medium"));
    assert!(can_hold_for(&both, "critical"));
    let either = json!({ "any": [top.clone(), answer.clone()] });
    assert!(can_hold_for(&either, "low"));
    assert!(names_an_answer(&answer));
    assert!(names_an_answer(&both));
    assert!(names_an_answer(&json!({ "any": [{ "all": [answer] }] })));
    assert!(!names_an_answer(&top));
}
