//! Supplier assessments on the command line: `new --supplier`, `supplier` (tier changes),
//! `answer` on an item that does not apply, and `list`/`score` naming the subject.

mod common;

use common::Env;
use predicates::prelude::*;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/supplier-when.json"
);

/// A critical supplier assessment of the supplier fixture; returns the environment and id.
fn payroll() -> (Env, String) {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "--questionnaire-file",
            FIXTURE,
            "new",
            "--name",
            "Payroll review",
        ])
        .args([
            "--org",
            "Acme Ltd",
            "--supplier",
            "Payroll Co",
            "--tier",
            "critical",
        ])
        .args(["--service", "payroll", "--service", "pensions"])
        .args(["--questionnaire", "supplier-when"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = String::from_utf8(out.stdout)
        .expect("utf8")
        .trim()
        .to_string();
    (env, id)
}

fn answer_all(env: &Env, id: &str) {
    for (item, value) in [
        ("holds-data", "yes"),
        ("data-terms", "na"),
        ("audit", "partial"),
        ("exit-test", "handover,deletion"),
        ("deletion-proof", "yes"),
        ("review", "fully"),
        ("review-3", "largely"),
    ] {
        env.answer(id, &[item, value]);
    }
}

#[test]
fn new_with_a_supplier_writes_the_subject() {
    let (env, id) = payroll();
    assert_eq!(id, "payroll-review");
    let saved = env.saved(&id);
    assert_eq!(
        saved["subject"],
        serde_json::json!({
            "kind": "supplier", "name": "Payroll Co", "tier": "critical",
            "services": ["payroll", "pensions"]
        })
    );
    let list = env.json(&["list", "--json"]);
    assert_eq!(list[0]["subject"]["tier"], "critical");
    env.cmd()
        .arg("list")
        .assert()
        .success()
        .stdout(predicate::str::contains("Payroll Co (critical supplier)"));
    env.cmd()
        .args(["score", &id])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Subject: Payroll Co (critical supplier)",
        ));
}

#[test]
fn a_tier_or_service_without_a_supplier_is_a_usage_error() {
    let env = Env::new();
    for args in [&["--tier", "critical"][..], &["--service", "payroll"][..]] {
        env.cmd()
            .args(["new", "--name", "X", "--org", "Acme"])
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--supplier"));
    }
    env.cmd()
        .args([
            "new",
            "--name",
            "X",
            "--org",
            "Acme",
            "--supplier",
            "P",
            "--tier",
            "huge",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "\"huge\" is not a tier; use critical, high, medium or low",
        ));
    assert!(!env.dir.path().join("assessments/x.json").exists());
}

#[test]
fn a_supplier_without_questionnaires_gets_the_supplier_built_ins_and_an_organisation_not() {
    let env = Env::new();
    let supplier_ids = supplycheck::catalog::Catalog::built_in()
        .default_ids(supplycheck::questionnaire::Scope::Supplier);
    let out = env
        .cmd()
        .args([
            "new",
            "--name",
            "S",
            "--org",
            "Acme",
            "--supplier",
            "Payroll Co",
        ])
        .output()
        .expect("runs");
    if supplier_ids.is_empty() {
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(
                "no built-in questionnaire covers one supplier; name one with --questionnaire ID"
            ),
            "{err}"
        );
    } else {
        assert!(out.status.success());
        let used: Vec<String> = env.saved("s")["questionnaires"]
            .as_array()
            .expect("list")
            .iter()
            .map(|q| q["id"].as_str().expect("id").to_string())
            .collect();
        assert_eq!(used, supplier_ids);
    }
    env.cmd()
        .args(["new", "--name", "O", "--org", "Acme"])
        .assert()
        .success();
    let org_ids = supplycheck::catalog::Catalog::built_in()
        .default_ids(supplycheck::questionnaire::Scope::Organisation);
    let used: Vec<String> = env.saved("o")["questionnaires"]
        .as_array()
        .expect("list")
        .iter()
        .map(|q| q["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(used, org_ids);
    assert!(!used.iter().any(|id| supplier_ids.contains(&id.as_str())));
}

#[test]
fn a_tier_change_back_and_forth_keeps_every_answer_and_the_figures() {
    let (env, id) = payroll();
    answer_all(&env, &id);
    let answers = env.saved(&id)["answers"].clone();
    let critical = env.json(&["score", &id, "--json"]);
    assert_eq!(critical["overall"]["na_by_rule"], 0);
    assert_eq!(critical["overall"]["na"], 1);
    env.cmd()
        .args(["supplier", &id, "--tier", "low"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Payroll Co (low supplier)"))
        .stdout(predicate::str::contains(
            "3 items are not asked for this supplier (their answers are kept):",
        ))
        .stdout(predicate::str::contains(
            "supplier-when/audit: Not asked: only asked for critical and high suppliers",
        ));
    assert_eq!(env.saved(&id)["answers"], answers, "no answer deleted");
    assert_eq!(env.saved(&id)["subject"]["tier"], "low");
    assert_eq!(env.saved(&id)["subject"]["services"][1], "pensions");
    let low = env.json(&["score", &id, "--json"]);
    assert_eq!(low["overall"]["na_by_rule"], 3);
    assert_eq!(
        low["overall"]["na"], 1,
        "by rule never counts as the user's N/A"
    );
    assert_ne!(low["overall"], critical["overall"]);
    env.cmd()
        .args(["supplier", &id, "--tier", "critical"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Every item is asked."));
    assert_eq!(env.json(&["score", &id, "--json"]), critical);
    assert_eq!(env.saved(&id)["answers"], answers);
}

#[test]
fn answering_an_item_that_does_not_apply_stores_it_and_says_so() {
    let (env, id) = payroll();
    env.cmd()
        .args(["supplier", &id, "--tier", "medium", "--name", "Payroll Ltd"])
        .assert()
        .success();
    env.cmd()
        .args(["answer", &id, "audit", "fully"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "supplier-when/audit does not apply now (Not asked: only asked for critical and \
             high suppliers); the answer is kept and counts when it applies.",
        ));
    let saved = env.saved(&id);
    assert_eq!(saved["answers"]["supplier-when/audit"]["choice"], "fully");
    assert_eq!(saved["subject"]["name"], "Payroll Ltd");
    let score = env.json(&["score", &id, "--json"]);
    assert!(
        !score["not_assessed"]
            .as_array()
            .expect("list")
            .iter()
            .any(|k| k == "supplier-when/audit")
    );
    env.cmd()
        .args(["answer", &id, "review", "fully"])
        .assert()
        .success()
        .stderr(predicate::str::contains("does not apply").not());
}

#[test]
fn the_supplier_command_refuses_an_organisation_assessment_and_changes_nothing() {
    let env = Env::new();
    let id = env.new_example("Org");
    let before = std::fs::read(env.path(&id)).expect("saved");
    env.cmd()
        .args(["supplier", &id, "--tier", "low"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "is an assessment of the organisation, not of one supplier; create a supplier \
             assessment with `supplycheck new --supplier NAME --tier TIER`",
        ));
    env.cmd()
        .args(["supplier", &id, "--tier", "huge"])
        .assert()
        .code(2);
    assert_eq!(std::fs::read(env.path(&id)).expect("saved"), before);
}

#[test]
fn reports_show_an_item_not_asked_as_na_by_rule_not_as_na() {
    let (env, id) = payroll();
    answer_all(&env, &id);
    env.cmd()
        .args(["supplier", &id, "--tier", "low"])
        .assert()
        .success();
    let md = env
        .cmd()
        .args(["report", &id, "--format", "md"])
        .output()
        .expect("runs");
    assert!(md.status.success());
    let md = String::from_utf8(md.stdout).expect("utf8");
    let audit = md
        .lines()
        .find(|l| l.contains("Can we audit the supplier?"))
        .expect("audit row");
    assert!(audit.contains("N/A by rule"), "{audit}");
    assert!(!audit.contains("Partially"), "{audit}");
    let terms = md
        .lines()
        .find(|l| l.contains("Does the contract set terms for our data?"))
        .expect("data-terms row");
    assert!(
        terms.contains("Not applicable") && !terms.contains("by rule"),
        "{terms}"
    );
    let html = env
        .cmd()
        .args(["report", &id, "--format", "html"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&html.stdout).contains("N/A by rule"));
    let json = env.json(&["report", &id, "--format", "json"]);
    assert!(
        json.to_string().contains("\"by_rule\""),
        "the item's status"
    );
}

#[test]
fn a_supplier_assessments_pack_names_the_supplier_its_tier_and_services_in_every_format() {
    let (env, id) = payroll();
    let line = "Review of Payroll Co · critical supplier · services: payroll, pensions";
    for format in ["md", "html"] {
        let out = env
            .cmd()
            .args(["report", &id, "--format", format])
            .output()
            .expect("runs");
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("utf8");
        assert!(
            text.contains(line),
            "{format}: {}",
            &text[..text.len().min(600)]
        );
    }
    let json = env.json(&["report", &id, "--format", "json"]);
    assert_eq!(json["assessment"]["supplier"], line);
    // An organisation assessment has no such line.
    let org = env.json(&["report", "--format", "json", &env.new_example("Org")]);
    assert!(org["assessment"]["supplier"].is_null());
}

#[test]
fn a_supplier_or_service_with_control_characters_is_refused_and_services_are_kept_once() {
    let (env, id) = payroll();
    env.cmd()
        .args(["supplier", &id, "--name", "Evil\u{1b}]0;pwned\u{7}Co"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "the supplier's name \"EvilCo\" holds control characters",
        ));
    env.cmd()
        .args([
            "supplier",
            &id,
            "--service",
            "payroll",
            "--service",
            "PAYROLL",
        ])
        .assert()
        .success();
    assert_eq!(
        env.saved(&id)["subject"]["services"],
        serde_json::json!(["payroll"])
    );
    env.cmd()
        .args(["new", "--supplier", "Bad\u{1b}[2JCo", "--tier", "low"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--supplier: the supplier's name"));
}

#[test]
fn a_questionnaire_written_for_the_other_kind_of_subject_is_allowed_and_said() {
    let env = Env::new();
    env.cmd()
        .args([
            "new",
            "--name",
            "Odd",
            "--supplier",
            "Payroll Co",
            "--questionnaire",
            "ncsc-board",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Note: ncsc-board is written for the whole organisation, and this assessment is of \
             one supplier.",
        ));
    env.cmd()
        .args(["new", "--name", "Org", "--questionnaire", "supplier-review"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "Note: supplier-review is written for one supplier, and this assessment is of the \
             organisation.",
        ));
}
