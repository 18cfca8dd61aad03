use super::*;

/// How many distinct versions the binary ships: the current built-ins and the archived ones,
/// an archived file whose id and version are a current one's counting once.
fn shipped_versions() -> usize {
    let mut seen = std::collections::BTreeSet::new();
    for (id, text) in BUILT_INS.iter().chain(&ARCHIVED) {
        let q = Questionnaire::parse(text, id).expect("a built-in parses");
        seen.insert((q.id, q.version));
    }
    seen.len()
}

#[test]
fn every_built_in_loads_without_findings() {
    let catalog = Catalog::built_in();
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert_eq!(catalog.entries().len(), shipped_versions());
    // The built-ins' content is rewritten later: until then, a level whose every item may
    // be answered N/A is the one warning they may carry.
    for entry in catalog.entries() {
        let other: Vec<_> = entry
            .warnings
            .iter()
            .filter(|w| !w.message.starts_with(crate::questionnaire::ALL_NA_AT_LEVEL))
            .collect();
        assert!(other.is_empty(), "{}: {other:?}", entry.questionnaire.id);
    }
    for (id, _) in BUILT_INS {
        assert!(catalog.get(id).is_some(), "{id} is missing");
    }
}

fn worked_example(edit: impl Fn(String) -> String) -> Questionnaire {
    let text = include_str!("../../../tests/fixtures/worked-example.json").to_string();
    Questionnaire::load_str(&edit(text), "worked-example.json")
        .expect("valid")
        .0
}

#[test]
fn versions_compare_as_people_read_them() {
    assert_eq!(compare_versions("1.10.0", "1.9.0"), Ordering::Greater);
    assert_eq!(compare_versions("1.0.0", "1.0.0"), Ordering::Equal);
    assert_eq!(compare_versions("2", "1.9"), Ordering::Greater);
    assert_eq!(compare_versions("1.0", "1.0.1"), Ordering::Less);
    assert_eq!(compare_versions("2026-01", "2025-12"), Ordering::Greater);
    assert_eq!(compare_versions("1.0.0", "1.0.rc"), Ordering::Greater);
    assert_eq!(
        compare_versions("01", "1"),
        Ordering::Less,
        "as written, when equal"
    );
}

#[test]
fn versions_sit_side_by_side_and_an_assessment_gets_its_own() {
    let mut catalog = Catalog::built_in();
    let v1 = worked_example(|t| t);
    let v2 = worked_example(|t| t.replace("\"1.0.0\"", "\"1.10.0\""));
    let v3 = worked_example(|t| t.replace("\"1.0.0\"", "\"1.9.0\""));
    for q in [v1.clone(), v2, v3] {
        catalog
            .add(q, Origin::File(PathBuf::from("f")), Vec::new(), true)
            .expect("added");
    }
    assert_eq!(
        catalog.get("worked-example").map(|q| q.version.as_str()),
        Some("1.10.0")
    );
    let a = Assessment::new("a".into(), "A".into(), String::new(), None, &[&v1]);
    assert_eq!(catalog.for_assessment(&a)[0].version, "1.0.0");
    assert!(a.check(&catalog).is_empty(), "{:?}", a.check(&catalog));
    let gone = QuestionnaireRef {
        id: "worked-example".into(),
        version: "0.1".into(),
    };
    assert!(
        catalog.for_ref(&gone).is_none(),
        "never scored against another version"
    );
    assert_eq!(
        catalog.versions_of("worked-example"),
        ["1.0.0", "1.9.0", "1.10.0"]
    );
    let mut on_gone = a.clone();
    on_gone.questionnaires[0] = gone;
    let problems = on_gone.check(&catalog);
    assert!(
        problems[0].to_string().contains(
            "answered against version 0.1, which is not available (only 1.0.0, 1.9.0, 1.10.0)"
        ),
        "{problems:?}"
    );
    assert_eq!(catalog.newest_entries().len(), BUILT_INS.len() + 1);
}

#[test]
fn the_same_version_with_other_content_is_refused_with_what_differs() {
    let mut catalog = Catalog::built_in();
    let v1 = worked_example(|t| t);
    catalog
        .add(v1.clone(), Origin::File("a.json".into()), Vec::new(), false)
        .expect("added");
    catalog
        .add(v1, Origin::File("same.json".into()), Vec::new(), true)
        .expect("identical content is no conflict");
    let changed = worked_example(|t| {
        t.replace("Item A?", "Item A!")
            .replace(
                "{ \"id\": \"y\", \"text\": \"Check Y\" }",
                "{ \"id\": \"z\", \"text\": \"Check Z\" }",
            )
            .replace("\"pass_mark\": 0.6", "\"pass_mark\": 0.5")
    });
    let err = catalog
        .add(
            changed.clone(),
            Origin::File("b.json".into()),
            Vec::new(),
            true,
        )
        .expect_err("refused")
        .to_string();
    assert!(
        err.starts_with(
            "b.json: questionnaire \"worked-example\" version 1.0.0 is already in a.json, \
             with other content:\n"
        ),
        "{err}"
    );
    for line in [
        "  pass_mark: 0.6 → 0.5",
        "  planning/a/prompt: \"Item A?\" → \"Item A!\"",
        "  planning/d/y: missing from the new file",
        "  planning/d/z: only in the new file",
    ] {
        assert!(err.contains(line), "{line} in {err}");
    }
    assert_eq!(catalog.entries().len(), shipped_versions() + 1);
    catalog
        .add(changed, Origin::File("c.json".into()), Vec::new(), false)
        .expect("a problem, not an error");
    assert!(
        catalog.problems[0]
            .message
            .contains("left out: version 1.0.0")
    );
}

#[test]
fn a_copy_of_a_built_in_adds_nothing_and_a_changed_one_is_left_out() {
    let mut catalog = Catalog::built_in();
    let (_, text) = BUILT_INS[0];
    let same = Questionnaire::load_str(text, "copy").expect("valid").0;
    catalog
        .add(
            same.clone(),
            Origin::File("copy.json".into()),
            Vec::new(),
            true,
        )
        .expect("added");
    assert!(catalog.problems.is_empty());
    assert_eq!(catalog.entries().len(), shipped_versions());
    let mut other = same;
    other.title.push('!');
    catalog
        .add(other, Origin::File("other.json".into()), Vec::new(), true)
        .expect("a problem");
    assert!(catalog.problems[0].message.contains("id of a built-in"));
}

#[test]
fn a_file_name_needs_a_short_id_and_a_plain_version() {
    let ok = worked_example(|t| t);
    assert_eq!(copy_file_name(&ok), "worked-example@1.0.0.json");
    assert!(file_name_problem(&ok).is_none());
    let mut long = ok.clone();
    long.id = "q".repeat(MAX_ID_LEN + 1);
    assert!(file_name_problem(&long).is_some_and(|m| m.contains("at most 64")));
    for version in ["../x", "", "1/2", ".hidden", "v 1"] {
        let mut bad = ok.clone();
        bad.version = version.into();
        assert!(file_name_problem(&bad).is_some(), "{version:?}");
    }
}

const VERSION_2: &str = include_str!("../../../tests/fixtures/worked-example-2.json");

#[test]
fn an_archived_built_in_version_still_scores_the_assessments_answered_on_it() {
    let v1 = worked_example(|t| t);
    let catalog = Catalog::with_built_ins(
        &[("worked-example", VERSION_2)],
        &[(
            "worked-example",
            include_str!("../../../tests/fixtures/worked-example.json"),
        )],
    );
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert_eq!(catalog.versions_of("worked-example"), ["1.0.0", "2.0.0"]);
    assert_eq!(
        catalog.get("worked-example").map(|q| q.version.as_str()),
        Some("2.0.0"),
        "a new assessment uses the current version"
    );
    let a = Assessment::new("a".into(), "A".into(), String::new(), None, &[&v1]);
    assert_eq!(catalog.for_assessment(&a)[0], &v1);
    assert!(a.check(&catalog).is_empty(), "{:?}", a.check(&catalog));
    assert!(
        catalog
            .entries()
            .iter()
            .all(|e| e.origin == Origin::BuiltIn)
    );
    assert_eq!(catalog.newer_versions("worked-example", "1.0.0"), ["2.0.0"]);
    assert!(catalog.newer_versions("worked-example", "2.0.0").is_empty());
}

#[test]
fn a_file_copy_of_an_archived_version_adds_nothing_and_a_changed_one_is_left_out() {
    let mut catalog = Catalog::with_built_ins(
        &[("worked-example", VERSION_2)],
        &[(
            "worked-example",
            include_str!("../../../tests/fixtures/worked-example.json"),
        )],
    );
    catalog
        .add(
            worked_example(|t| t),
            Origin::File("kept.json".into()),
            Vec::new(),
            false,
        )
        .expect("added");
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert_eq!(catalog.entries().len(), 2);
    catalog
        .add(
            worked_example(|t| t.replace("Item A?", "Item A!")),
            Origin::File("changed.json".into()),
            Vec::new(),
            false,
        )
        .expect("a problem");
    assert!(catalog.problems[0].message.contains("id of a built-in"));
}

#[test]
fn an_archived_version_equal_to_a_current_built_in_adds_nothing() {
    let current = include_str!("../../../tests/fixtures/worked-example.json");
    let catalog = Catalog::with_built_ins(
        &[("worked-example", current)],
        &[("worked-example", current)],
    );
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert_eq!(catalog.entries().len(), 1);
    assert_eq!(catalog.versions_of("worked-example"), ["1.0.0"]);

    // The current built-in is the one kept, so an archive filled early cannot shadow it.
    let retitled = current.replacen("\"title\": \"", "\"title\": \"Retitled ", 1);
    assert_ne!(retitled, current);
    let catalog = Catalog::with_built_ins(
        &[("worked-example", current)],
        &[("worked-example", retitled.as_str())],
    );
    assert!(catalog.problems.is_empty(), "{:?}", catalog.problems);
    assert_eq!(catalog.entries().len(), 1);
    assert_eq!(
        catalog.get("worked-example"),
        Some(&worked_example(|t| t)),
        "the current built-in's content"
    );
}

#[test]
fn every_archived_built_in_loads_and_is_named_by_its_id() {
    for (id, text) in ARCHIVED {
        let (q, _) = Questionnaire::load_str(text, id).expect("an archived built-in loads");
        assert_eq!(q.id, id);
    }
    let catalog = Catalog::built_in();
    for (id, text) in ARCHIVED {
        let q = Questionnaire::parse(text, id).expect("parses");
        assert!(
            catalog.version(&q.id, &q.version).is_some(),
            "{id} {} is not in the catalog",
            q.version
        );
    }
}

#[test]
fn a_new_assessment_defaults_to_the_built_ins_of_its_scope() {
    let catalog = Catalog::built_in();
    assert_eq!(
        Catalog::built_in_ids(),
        ["ncsc-board", "cfcs-phases", "cert-exd", "supplier-review"]
    );
    assert_eq!(
        catalog.default_ids(Scope::Organisation),
        ["ncsc-board", "cfcs-phases", "cert-exd"]
    );
    assert_eq!(catalog.default_ids(Scope::Supplier), ["supplier-review"]);
    let review = catalog.get("supplier-review").expect("a built-in");
    assert_eq!(review.scope(), Scope::Supplier);
    assert_eq!(review.version, "1.0.0");
}

#[test]
fn default_ids_follow_the_scope_of_the_loaded_built_in() {
    // A catalog whose supplier-review were replaced by an organisation-scope questionnaire
    // of that id would offer it to a new organisation assessment.
    let mut catalog = Catalog::built_in();
    let mut q = catalog.get("supplier-review").expect("a built-in").clone();
    q.scope = Some(Scope::Organisation);
    catalog.insert(q);
    assert_eq!(
        catalog.default_ids(Scope::Organisation),
        ["ncsc-board", "cfcs-phases", "cert-exd", "supplier-review"]
    );
    assert!(catalog.default_ids(Scope::Supplier).is_empty());
    let empty = Catalog::default();
    assert!(empty.default_ids(Scope::Organisation).is_empty());
}
