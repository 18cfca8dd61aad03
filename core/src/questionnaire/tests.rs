use super::*;

fn sample() -> &'static str {
    r#"{
      "format": "supplycheck.questionnaire/1", "id": "t", "version": "1", "title": "T",
      "scales": { "yn": { "options": [ {"key":"yes","label":"Yes","value":1},
                                       {"key":"no","label":"No","value":0} ] } },
      "sections": [ { "id": "s", "title": "S", "items": [
        { "id": "a", "kind": "choice", "scale": "yn", "level": 1, "allow_na": false, "prompt": "A?" },
        { "id": "b", "kind": "checklist", "level": 2, "allow_na": false, "prompt": "B?",
          "checks": [ {"id":"x","text":"X"} ] },
        { "id": "c", "kind": "choice", "scale": "yn", "level": 3, "allow_na": false, "prompt": "C?" },
        { "id": "d", "kind": "text", "prompt": "D?" } ] } ] }"#
}

#[test]
fn a_good_questionnaire_has_no_findings() {
    let (q, findings) = Questionnaire::load_str(sample(), "t.json").expect("loads");
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(q.scored_count(), 3);
    assert_eq!(q.item_count(), 4);
    assert!((q.pass_mark - 0.6).abs() < 1e-12);
}

#[test]
fn syntax_errors_carry_line_and_column() {
    let err = Questionnaire::parse("{\n  \"id\": ,\n}", "bad.json").expect_err("fails");
    match err {
        QuestionnaireError::Syntax { line, column, .. } => assert_eq!((line, column), (2, 9)),
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn unknown_fields_are_rejected_with_their_place() {
    let text = sample().replace("\"prompt\": \"A?\"", "\"prompt\": \"A?\", \"wieght\": 2");
    let err = Questionnaire::parse(&text, "t.json").expect_err("fails");
    assert!(err.to_string().contains("unknown field `wieght`"), "{err}");
    assert!(err.to_string().contains("line 6"), "{err}");
}

#[test]
fn every_problem_is_reported_at_once() {
    let text = sample()
        .replace("\"value\":1", "\"value\":1.5")
        .replace("\"key\":\"no\"", "\"key\":\"yes\"")
        .replace(
            "\"scale\": \"yn\", \"level\": 1",
            "\"scale\": \"zz\", \"level\": 4",
        )
        .replace("[ {\"id\":\"x\",\"text\":\"X\"} ]", "[]")
        .replace("\"id\": \"c\"", "\"id\": \"a\"")
        .replace("\"id\": \"d\"", "\"id\": \"D d\"");
    let q = Questionnaire::parse(&text, "t.json").expect("parses");
    let messages: Vec<String> = q.validate().iter().map(ToString::to_string).collect();
    let all = messages.join("\n");
    for needle in [
        "scales/yn/yes: value 1.5 is outside [0, 1]",
        "scales/yn/yes: duplicate option key",
        "s/a: unknown scale \"zz\"; known scales: yn",
        "s/a: level 4 is outside 1–3",
        "s/b: a checklist needs at least one check",
        "s/a: duplicate item id",
        "s/D d: id \"D d\" is not valid",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in\n{all}");
    }
}

#[test]
fn weight_must_be_positive() {
    let text = sample().replace("\"level\": 2,", "\"level\": 2, \"weight\": 0,");
    let q = Questionnaire::parse(&text, "t.json").expect("parses");
    assert!(
        q.validate()
            .iter()
            .any(|f| f.message.contains("weight 0 must be at least 0.001"))
    );
}

#[test]
fn a_section_missing_a_level_is_a_warning_only() {
    let text = sample().replace("\"level\": 3", "\"level\": 2");
    let (_, findings) = Questionnaire::load_str(&text, "t.json").expect("still loads");
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0].severity, Severity::Warning);
    assert!(findings[0].message.contains("no scored item at level 3"));
}

#[test]
fn a_level_whose_every_item_allows_n_a_is_a_warning_naming_section_and_level() {
    let text = sample().replace(
        "\"level\": 3, \"allow_na\": false",
        "\"level\": 3, \"allow_na\": true",
    );
    let (_, findings) = Questionnaire::load_str(&text, "t.json").expect("still loads");
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0].severity, Severity::Warning);
    assert_eq!(findings[0].path, "s");
    assert!(findings[0].message.starts_with(ALL_NA_AT_LEVEL));
    assert!(
        findings[0]
            .to_string()
            .contains("warning: s: every scored item at level 3 may be answered N/A"),
        "{}",
        findings[0]
    );
    let defaulted = sample().replace(", \"allow_na\": false", "");
    let (_, findings) = Questionnaire::load_str(&defaulted, "t.json").expect("still loads");
    let levels: Vec<&str> = findings
        .iter()
        .map(|f| &f.message[ALL_NA_AT_LEVEL.len()..][..2])
        .collect();
    assert_eq!(levels, [" 1", " 2", " 3"]);
}

#[test]
fn an_unknown_option_must_be_worth_nothing() {
    let fine = sample().replace(
        "{\"key\":\"no\",\"label\":\"No\",\"value\":0}",
        "{\"key\":\"no\",\"label\":\"No\",\"value\":0}, {\"key\":\"dk\",\"label\":\"Don't know\",\"value\":0,\"unknown\":true}",
    );
    let (q, findings) = Questionnaire::load_str(&fine, "t.json").expect("loads");
    assert!(findings.is_empty(), "{findings:?}");
    assert!(q.scales["yn"].options[2].is_unknown());
    assert!(q.to_json().contains("\"unknown\": true"));
    let bad = fine.replace("\"value\":0,\"unknown\"", "\"value\":0.5,\"unknown\"");
    let err = Questionnaire::load_str(&bad, "t.json").expect_err("refused");
    assert!(
        err.to_string()
            .contains("scales/yn/dk: is marked \"unknown\" but has value 0.5"),
        "{err}"
    );
}

#[test]
fn required_is_a_whole_number_up_to_the_checks() {
    let with = |r: &str| {
        sample().replace(
            "\"level\": 2,",
            &format!("\"level\": 2, \"required\": {r},"),
        )
    };
    let (q, findings) = Questionnaire::load_str(&with("1"), "t.json").expect("loads");
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(q.item("b").expect("b").1.required, Some(1));
    for bad in ["0", "2", "-1"] {
        let err = Questionnaire::load_str(&with(bad), "t.json").expect_err("refused");
        assert!(
            err.to_string().contains(&format!(
                "s/b: \"required\" is {bad}; give a whole number from 1 to the number of checks (1)"
            )),
            "{err}"
        );
    }
    assert!(Questionnaire::parse(&with("1.5"), "t.json").is_err());
    let on_choice = sample().replace("\"level\": 1,", "\"level\": 1, \"required\": 1,");
    let err = Questionnaire::load_str(&on_choice, "t.json").expect_err("refused");
    assert!(
        err.to_string()
            .contains("a choice item takes no \"required\""),
        "{err}"
    );
}

#[test]
fn files_without_the_new_fields_round_trip_unchanged() {
    let q = Questionnaire::parse(sample(), "t.json").expect("parses");
    let json = q.to_json();
    assert!(!json.contains("unknown") && !json.contains("required"));
}

#[test]
fn ids_are_checked() {
    assert!(is_valid_id("cfcs-phases"));
    assert!(is_valid_id("a1"));
    assert!(!is_valid_id(""));
    assert!(!is_valid_id("Upper"));
    assert!(!is_valid_id("a_b"));
    assert!(!is_valid_id("a/b"));
}

#[test]
fn earlier_ids_and_keys_are_read_and_kept() {
    let text = sample()
        .replace(
            "\"id\": \"a\", \"kind\"",
            "\"id\": \"a\", \"was\": [\"old-a\"], \"kind\"",
        )
        .replace(
            "{\"key\":\"yes\",\"label\":\"Yes\",\"value\":1}",
            "{\"key\":\"yes\",\"label\":\"Yes\",\"value\":1,\"was\":[\"y\"]}",
        );
    let (q, findings) = Questionnaire::load_str(&text, "t.json").expect("loads");
    assert!(findings.is_empty(), "{findings:?}");
    let (_, a) = q.item("a").expect("a");
    assert_eq!(a.was, ["old-a"]);
    assert!(a.answers_to("a") && a.answers_to("old-a") && !a.answers_to("b"));
    let yes = &q.options(a)[0];
    assert!(yes.answers_to("y") && yes.answers_to("yes") && !yes.answers_to("no"));
    let json = q.to_json();
    let again = Questionnaire::parse(&json, "again.json").expect("reads back");
    assert_eq!(again, q);
    let (_, b) = q.item("b").expect("b");
    assert!(b.was.is_empty());
    assert_eq!(
        json.matches("\"was\"").count(),
        2,
        "left out where there is none"
    );
}

/// The sample as format 2, with `extra` added to item `c` (after its prompt).
fn sample_2(extra: &str) -> String {
    sample()
        .replace("questionnaire/1", "questionnaire/2")
        .replace("\"prompt\": \"C?\"", &format!("\"prompt\": \"C?\"{extra}"))
}

fn errors(text: &str) -> Vec<String> {
    Questionnaire::parse(text, "t.json")
        .expect("parses")
        .validate()
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.to_string())
        .collect()
}

#[test]
fn formats_1_and_2_are_read_and_a_later_one_is_named() {
    for format in QUESTIONNAIRE_FORMATS {
        let text = sample().replace(QUESTIONNAIRE_FORMAT_1, format);
        let (q, findings) = Questionnaire::load_str(&text, "t.json").expect("loads");
        assert!(findings.is_empty(), "{format}: {findings:?}");
        assert_eq!(q.format, format, "kept as the file gave it");
    }
    let later = errors(&sample().replace("questionnaire/1", "questionnaire/3"));
    assert_eq!(
        later,
        [
            "error: format: is \"supplycheck.questionnaire/3\"; this version of supplycheck reads \
          \"supplycheck.questionnaire/1\" and \"supplycheck.questionnaire/2\""
        ]
    );
}

#[test]
fn an_earlier_id_may_not_be_a_current_one_or_claimed_twice() {
    let text = sample()
        .replace(
            "\"id\": \"a\", \"kind\"",
            "\"id\": \"a\", \"was\": [\"c\", \"gone\"], \"kind\"",
        )
        .replace(
            "\"id\": \"b\", \"kind\"",
            "\"id\": \"b\", \"was\": [\"gone\", \"Bad\"], \"kind\"",
        )
        .replace(
            "{\"key\":\"no\",\"label\":\"No\",\"value\":0}",
            "{\"key\":\"no\",\"label\":\"No\",\"value\":0,\"was\":[\"yes\"]}",
        );
    let q = Questionnaire::parse(&text, "t.json").expect("parses");
    let shown: Vec<String> = q.validate().iter().map(ToString::to_string).collect();
    for expected in [
        "error: scales/yn/yes: \"yes\" in the \"was\" of option \"no\" is the key of a current \
         option; an earlier key must not be one in use, or answers would carry to the wrong \
         option: remove it from \"was\"",
        "error: s/b/was: id \"Bad\" is not valid: use lower-case letters, digits and '-' only",
        "error: was/c: \"c\" in the \"was\" of item \"a\" is the id of a current item; an earlier \
         id must not be one in use, or answers would carry to the wrong item: remove it from \
         \"was\"",
        "error: was/gone: \"gone\" is in the \"was\" of both item \"a\" and item \"b\"; an \
         earlier id can carry to one item only: keep it in one \"was\"",
    ] {
        assert!(
            shown.iter().any(|s| s == expected),
            "{expected}\nin {shown:#?}"
        );
    }
}

#[test]
fn scope_action_and_when_are_read_and_kept() {
    let text = sample_2(
        r#", "action": "Keep a register of every supplier's access",
            "when": {"any": [{"tier": ["critical", "high"]}, {"item": "t/a", "in": ["yes"]}]}"#,
    )
    .replace(
        "\"title\": \"T\",",
        "\"title\": \"T\", \"scope\": \"supplier\",",
    );
    let (q, findings) = Questionnaire::load_str(&text, "t.json").expect("loads");
    assert!(findings.is_empty(), "{findings:?}");
    assert_eq!(q.scope(), Scope::Supplier);
    let (_, c) = q.item("c").expect("c");
    assert_eq!(
        c.action.as_deref(),
        Some("Keep a register of every supplier's access")
    );
    assert_eq!(
        c.when,
        Some(Condition::Any(vec![
            Condition::Tier(vec![Tier::Critical, Tier::High]),
            Condition::Answer {
                item: "t/a".into(),
                any_of: vec!["yes".into()],
            },
        ]))
    );
    let again = Questionnaire::parse(&q.to_json(), "again.json").expect("reads back");
    assert_eq!(again, q, "written back with nothing lost");
    let plain = Questionnaire::parse(sample(), "t.json").expect("parses");
    assert_eq!(plain.scope(), Scope::Organisation, "the default scope");
    let bad_scope = Questionnaire::parse(
        &sample().replace(
            "\"title\": \"T\",",
            "\"title\": \"T\", \"scope\": \"team\",",
        ),
        "t.json",
    )
    .expect_err("unknown scope");
    assert!(
        bad_scope.to_string().contains("unknown variant `team`"),
        "{bad_scope}"
    );
}

#[test]
fn a_condition_must_name_an_item_of_this_questionnaire_and_its_answers() {
    for (when, says) in [
        (
            r#"{"item": "t/zz", "in": ["yes"]}"#,
            "\"when\" names \"t/zz\", which is not an item of this questionnaire",
        ),
        (
            r#"{"item": "other/a", "in": ["yes"]}"#,
            "\"when\" names \"other/a\", which is not an item of this questionnaire",
        ),
        (
            r#"{"item": "t/a", "in": ["maybe"]}"#,
            "\"maybe\" is not an answer of \"t/a\"; valid: yes, no",
        ),
        (
            r#"{"item": "t/b", "in": ["y"]}"#,
            "\"y\" is not an answer of \"t/b\"; valid: x",
        ),
        (
            r#"{"item": "t/d", "in": ["x"]}"#,
            "names the text item \"t/d\"",
        ),
        (r#"{"item": "t/c", "in": ["yes"]}"#, "names the item itself"),
        (
            r#"{"item": "t/a", "in": []}"#,
            "the \"in\" list for \"t/a\" is empty",
        ),
        (r#"{"tier": []}"#, "a \"tier\" list is empty"),
        (r#"{"all": []}"#, "an \"all\" or \"any\" list is empty"),
    ] {
        let found = errors(&sample_2(&format!(", \"when\": {when}")));
        assert!(
            found
                .iter()
                .any(|e| e.starts_with("error: s/c: ") && e.contains(says)),
            "{when}: {found:?}"
        );
    }
    let tier = Questionnaire::parse(&sample_2(r#", "when": {"tier": ["huge"]}"#), "t.json")
        .expect_err("unknown tier");
    assert!(
        tier.to_string().contains("unknown variant `huge`"),
        "{tier}"
    );
    let action = errors(&sample_2(r#", "action": " ""#));
    assert!(
        action.iter().any(|e| e.contains("has an empty \"action\"")),
        "{action:?}"
    );
}

fn supplier_fixture() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/supplier-when.json"
    ))
    .expect("fixture")
}

#[test]
fn the_supplier_fixture_validates_without_findings() {
    let q = Questionnaire::parse(&supplier_fixture(), "s.json").expect("parses");
    assert_eq!(q.validate(), Vec::new());
}

#[test]
fn cycles_of_conditions_of_any_length_are_rejected_naming_the_cycle() {
    let text = supplier_fixture();
    // Two items: holds-data asked when data-terms is answered, and data-terms the other way.
    let two = text.replacen(
        r#""allow_na": false, "prompt": "Does the supplier hold our data?""#,
        r#""allow_na": false, "prompt": "Does the supplier hold our data?", "when": {"item": "supplier-when/data-terms", "in": ["fully"]}"#,
        1,
    );
    let found = errors(&two);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0],
        "error: relationship/data-terms: \"when\" conditions form a cycle: \
         supplier-when/data-terms → supplier-when/holds-data → supplier-when/data-terms; each \
         of these items is asked only when another is answered, so none can be; remove one of \
         the conditions"
    );
    // Three items: holds-data → deletion-proof → exit-test → holds-data.
    let three = text.replacen(
        r#""allow_na": false, "prompt": "Does the supplier hold our data?""#,
        r#""allow_na": false, "prompt": "Does the supplier hold our data?", "when": {"any": [{"tier": ["low"]}, {"item": "supplier-when/deletion-proof", "in": ["yes"]}]}"#,
        1,
    );
    let found = errors(&three);
    assert!(
        found.iter().any(|e| e.contains(
            "form a cycle: supplier-when/deletion-proof → supplier-when/exit-test → \
             supplier-when/holds-data → supplier-when/deletion-proof"
        )),
        "{found:?}"
    );
    assert!(
        found.iter().all(|e| e.contains("form a cycle")),
        "{found:?}"
    );
}

#[test]
fn a_tier_condition_in_an_organisation_questionnaire_is_warned_about() {
    let text = supplier_fixture().replace(r#""scope": "supplier","#, "");
    let q = Questionnaire::parse(&text, "s.json").expect("parses");
    let found: Vec<String> = q.validate().iter().map(ToString::to_string).collect();
    assert_eq!(found.len(), 2, "audit and exit-test: {found:?}");
    assert!(
        found[0].starts_with("warning: relationship/audit: \"when\" names a tier, but this questionnaire's scope is organisation"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("warning: relationship/exit-test:"),
        "{found:?}"
    );
}
