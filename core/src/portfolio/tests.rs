use std::path::{Path, PathBuf};

use pretty_assertions::assert_eq;

use super::*;
use crate::assessment::{Answer, Value};

const SMALL: &str = include_str!("../../../tests/fixtures/portfolio/supplier-mini.json");

fn shared_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/portfolio/shared")
}

fn catalog() -> Catalog {
    let mut c = Catalog::built_in();
    c.insert(
        Questionnaire::load_str(SMALL, "supplier-mini.json")
            .expect("fixture loads")
            .0,
    );
    c
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("a timestamp")
}

fn now() -> Timestamp {
    at("2026-11-30T00:00:00Z")
}

fn shared(options: &Options) -> Portfolio {
    let folder = read_folder(&shared_dir()).expect("the fixture folder reads");
    Portfolio::build(&catalog(), &folder, options, now())
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn each_supplier_is_one_row_with_hand_computed_figures_in_tier_then_weakest_order() {
    let p = shared(&Options::default());
    let names: Vec<&str> = p.rows.iter().map(|r| r.supplier.as_str()).collect();
    assert_eq!(names, ["Payroll Co", "CRM Co", "CloudHost Ltd", "Mail Co"]);

    let payroll = &p.rows[0];
    assert_eq!(payroll.tier, Some(Tier::Critical));
    assert_eq!(payroll.services, ["payroll", "hr"]);
    assert_eq!(payroll.assessment, "payroll-co-2026");
    assert_eq!(payroll.earlier, ["payroll-co-2025"]);
    // access: (1 + 0.5 + 0·2) ÷ 4; exit: (1 + 1 + 0.75) ÷ 3; overall 4.25 ÷ 7.
    assert!(close(payroll.score, 4.25 / 7.0), "{:?}", payroll.score);
    assert!(close(payroll.coverage, 5.0 / 6.0));
    assert_eq!(
        (payroll.level, payroll.level_name),
        (Some(1), Some("Performed"))
    );
    assert_eq!(payroll.areas.len(), 2);
    assert_eq!(
        (payroll.areas[0].id.as_str(), payroll.areas[0].level),
        ("supplier-mini/access", Some(1))
    );
    assert!(close(payroll.areas[0].score, 0.375));
    assert_eq!(payroll.area_level("supplier-mini/exit"), Some(Some(3)));
    assert!(close(payroll.areas[1].score, 2.75 / 3.0));
    // a2 is a gap but done, x1 flagged but done: a3 (unanswered) and x2 (flagged) are open.
    assert_eq!(payroll.open_actions, 2);
    assert_eq!(payroll.last_reviewed, "2026-03-01T10:00:00Z");
    assert_eq!(
        (
            payroll.review_months,
            payroll.review_due.as_str(),
            payroll.stale
        ),
        (12, "2027-03-01", false)
    );

    let crm = &p.rows[1];
    assert!(close(crm.score, 1.0) && close(crm.coverage, 1.0));
    assert_eq!((crm.level, crm.open_actions), (Some(3), 0));

    let cloud = &p.rows[2];
    // a1 "Don't know": worth 0 and not known. (0 + 1 + 1·2 + 1 + 1 + 1) ÷ 7.
    assert!(close(cloud.score, 6.0 / 7.0));
    assert!(close(cloud.coverage, 5.0 / 6.0));
    assert_eq!((cloud.level, cloud.open_actions), (Some(0), 1));
    assert_eq!(
        (cloud.review_months, cloud.review_due.as_str(), cloud.stale),
        (18, "2026-10-15", true)
    );

    let mail = &p.rows[3];
    assert!(close(mail.score, 0.0) && close(mail.coverage, 0.0));
    assert_eq!((mail.level, mail.open_actions), (Some(0), 6));
    assert_eq!((mail.review_due.as_str(), mail.stale), ("2026-01-10", true));

    let columns: Vec<&str> = p.areas.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(columns, ["Access", "Exit"]);
    let stale: Vec<&str> = p.stale.iter().map(|s| s.supplier.as_str()).collect();
    assert_eq!(stale, ["CloudHost Ltd", "Mail Co"]);
    assert_eq!(p.left_out.organisation_assessments, 1);
    assert_eq!(p.left_out.earlier_assessments, 1);
    assert_eq!(p.left_out.skipped.len(), 1);
    assert!(p.left_out.skipped[0].file.ends_with("broken.json"));
    assert!(
        p.left_out.skipped[0].reason.starts_with("line 2, column 0"),
        "{}",
        p.left_out.skipped[0].reason
    );
    assert_eq!(p.settings.as_of, "2026-11-30T00:00:00Z");
}

#[test]
fn concentration_names_sole_suppliers_and_suppliers_many_critical_services_lean_on() {
    let p = shared(&Options {
        tiers: vec![Tier::Low],
        ..Options::default()
    });
    // Worked out over every supplier, whatever the filter.
    let c = &p.concentration;
    let sole: Vec<(&str, &str)> = c
        .sole_suppliers
        .iter()
        .map(|s| (s.service.as_str(), s.supplier.as_str()))
        .collect();
    assert_eq!(sole, [("hr", "Payroll Co")]);
    // Critical services: payroll and hr (Payroll Co), crm (CRM Co). CloudHost carries
    // payroll and crm, Payroll Co payroll and hr; CRM Co only crm; email is not critical.
    let concentrated: Vec<(&str, Vec<&str>)> = c
        .concentrated
        .iter()
        .map(|s| {
            (
                s.supplier.as_str(),
                s.critical_services.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        concentrated,
        [
            ("Payroll Co", vec!["hr", "payroll"]),
            ("CloudHost Ltd", vec!["crm", "payroll"])
        ]
    );
}

#[test]
fn filters_choose_rows_by_tier_and_by_service_ignoring_case() {
    let names =
        |p: &Portfolio| -> Vec<String> { p.rows.iter().map(|r| r.supplier.clone()).collect() };
    let p = shared(&Options {
        tiers: vec![Tier::High, Tier::Low],
        ..Options::default()
    });
    assert_eq!(names(&p), ["CloudHost Ltd", "Mail Co"]);
    assert_eq!(p.left_out.filtered, 2);
    let p = shared(&Options {
        service: Some("PAYROLL".into()),
        ..Options::default()
    });
    assert_eq!(names(&p), ["Payroll Co", "CloudHost Ltd"]);
    assert!(p.stale.iter().all(|s| s.supplier == "CloudHost Ltd"));
}

#[test]
fn a_review_is_stale_only_after_its_tiers_interval_which_settings_change() {
    let mut review = ReviewMonths::default();
    review.set(Tier::Critical, 6);
    let p = shared(&Options {
        review_months: review,
        ..Options::default()
    });
    let payroll = &p.rows[0];
    assert_eq!(
        (payroll.review_due.as_str(), payroll.stale),
        ("2026-09-01", true)
    );
    let crm = &p.rows[1];
    assert_eq!((crm.review_due.as_str(), crm.stale), ("2026-12-01", false));
    let folder = read_folder(&shared_dir()).expect("reads");
    let just_before = Portfolio::build(
        &catalog(),
        &folder,
        &Options::default(),
        at("2026-10-15T08:30:00Z"),
    );
    let cloud = just_before
        .rows
        .iter()
        .find(|r| r.supplier == "CloudHost Ltd");
    assert_eq!(cloud.map(|r| r.stale), Some(false));
    let just_after = Portfolio::build(
        &catalog(),
        &folder,
        &Options::default(),
        at("2026-10-15T08:30:01Z"),
    );
    let cloud = just_after
        .rows
        .iter()
        .find(|r| r.supplier == "CloudHost Ltd");
    assert_eq!(cloud.map(|r| r.stale), Some(true));
}

fn supplier(id: &str, name: &str, tier: Option<Tier>, updated: &str) -> Assessment {
    let q = catalog().get("supplier-mini").expect("loaded").clone();
    let mut a = Assessment::new(id.into(), id.into(), "Acme".into(), None, &[&q]);
    a.subject = Some(Subject::Supplier {
        name: name.into(),
        tier,
        services: vec![],
    });
    a.updated = at(updated);
    a
}

#[test]
fn the_latest_assessment_of_a_supplier_is_used_names_compared_ignoring_case() {
    let folder = Folder {
        assessments: vec![
            (
                "b.json".into(),
                supplier("b", "Acme Hosting", None, "2026-01-01T00:00:00Z"),
            ),
            (
                "a.json".into(),
                supplier("a", " ACME hosting", None, "2026-05-01T00:00:00Z"),
            ),
            (
                "c.json".into(),
                supplier("c", "acme hosting", None, "2025-05-01T00:00:00Z"),
            ),
        ],
        skipped: vec![],
        other_files: 0,
    };
    let p = Portfolio::build(&catalog(), &folder, &Options::default(), now());
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].assessment, "a");
    assert_eq!(p.rows[0].supplier, "ACME hosting");
    assert_eq!(p.rows[0].earlier, ["b", "c"]);
    assert_eq!(p.rows[0].review_months, 24, "no tier is reviewed as low");
    assert_eq!(p.left_out.earlier_assessments, 2);
}

#[test]
fn suppliers_without_a_tier_come_last_and_an_unknown_questionnaire_is_skipped() {
    let mut unknown = supplier(
        "u",
        "Unknown Q",
        Some(Tier::Critical),
        "2026-01-01T00:00:00Z",
    );
    unknown.questionnaires[0].version = "9.9.9".into();
    let mut hostile = supplier(
        "h",
        "\u{1b}[31mEvil\u{7} Co\u{202e}",
        None,
        "2026-01-01T00:00:00Z",
    );
    hostile.answers.insert(
        "supplier-mini/a1".into(),
        Answer::from(Value::Choice("fully".into())),
    );
    let folder = Folder {
        assessments: vec![
            ("h.json".into(), hostile),
            (
                "l.json".into(),
                supplier("l", "Low Co", Some(Tier::Low), "2026-01-01T00:00:00Z"),
            ),
            ("u.json".into(), unknown),
        ],
        skipped: vec![],
        other_files: 0,
    };
    let p = Portfolio::build(&catalog(), &folder, &Options::default(), now());
    let names: Vec<&str> = p.rows.iter().map(|r| r.supplier.as_str()).collect();
    assert_eq!(names.len(), 2);
    assert_eq!(names[0], "Low Co");
    assert!(
        !names[1].chars().any(|c| c.is_control() || c == '\u{202e}'),
        "{:?}",
        names[1]
    );
    assert!(names[1].contains("Evil") && names[1].contains("Co"));
    assert_eq!(p.left_out.skipped.len(), 1);
    assert!(
        p.left_out.skipped[0]
            .reason
            .contains("\"supplier-mini\" version 9.9.9, which is not available"),
        "{}",
        p.left_out.skipped[0].reason
    );
}

#[test]
fn the_json_carries_the_format_settings_rows_concentration_and_stale() {
    let p = shared(&Options::default());
    let v: serde_json::Value = serde_json::from_str(&p.to_json()).expect("json");
    assert_eq!(v["format"], "supplycheck.portfolio/1");
    assert_eq!(v["settings"]["review_months"]["high"], 18);
    assert_eq!(v["settings"]["concentration_threshold"], 2);
    assert_eq!(v["rows"][0]["tier"], "critical");
    assert_eq!(v["rows"][0]["areas"][1]["level"], 3);
    assert_eq!(v["stale"][1]["review_due"], "2026-01-10");
    assert_eq!(v["concentration"]["sole_suppliers"][0]["service"], "hr");
    assert_eq!(v["left_out"]["organisation_assessments"], 1);
}

#[test]
fn open_actions_follow_the_one_rule() {
    let q = catalog().get("supplier-mini").expect("loaded").clone();
    let mut a = supplier("o", "O", None, "2026-01-01T00:00:00Z");
    let set = |a: &mut Assessment, item: &str, value: Value, flag: bool, status: Option<Status>| {
        let mut answer = Answer::from(value);
        answer.flag = flag;
        answer.status = status;
        a.answers.insert(format!("supplier-mini/{item}"), answer);
    };
    let count = |a: &Assessment| open_actions(&[&q], a, &scoring::score(&[&q], a));
    assert_eq!(count(&a), 6, "every unanswered scored item");
    set(&mut a, "a1", Value::Choice("fully".into()), false, None);
    set(
        &mut a,
        "a2",
        Value::Choice("not".into()),
        false,
        Some(Status::Open),
    );
    set(&mut a, "a3", Value::Choice("dunno".into()), false, None);
    set(&mut a, "x1", Value::Choice("fully".into()), true, None);
    set(
        &mut a,
        "x2",
        Value::Choice("partial".into()),
        true,
        Some(Status::Done),
    );
    set(&mut a, "x3", Value::NotApplicable, false, None);
    // a2 (gap), a3 (unknown), x1 (flagged); x2 is done, a1 achieved, x3 N/A.
    assert_eq!(count(&a), 3);
}

#[test]
fn filtering_a_built_portfolio_gives_what_building_with_the_filter_gives() {
    let everything = shared(&Options::default());
    for (tiers, service) in [
        (vec![Tier::Critical], None),
        (vec![Tier::High, Tier::Low], None),
        (Vec::new(), Some("PAYROLL")),
        (vec![Tier::Critical], Some("crm")),
        (vec![Tier::Medium], None),
    ] {
        let built = shared(&Options {
            tiers: tiers.clone(),
            service: service.map(String::from),
            ..Options::default()
        });
        assert_eq!(
            everything.filtered(&tiers, service),
            built,
            "{tiers:?} {service:?}"
        );
    }
    let critical = everything.filtered(&[Tier::Critical], None);
    let criticals = everything
        .rows
        .iter()
        .filter(|r| r.tier == Some(Tier::Critical))
        .count();
    assert_eq!(critical.rows.len(), criticals);
    assert_eq!(
        critical.left_out.filtered,
        everything.rows.len() - criticals
    );
    assert_eq!(critical.concentration, everything.concentration);
    let none = critical.filtered(&[Tier::Low], None);
    assert!(none.rows.is_empty() && none.areas.is_empty() && none.stale.is_empty());
    assert_eq!(none.left_out.filtered, everything.rows.len());
}

#[test]
fn other_supplycheck_files_in_the_folder_are_left_out_quietly_and_strangers_are_named() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("board-pack.json"),
        r#"{"format": "supplycheck.report/2", "pack": {}}"#,
    )
    .expect("writes");
    std::fs::write(
        dir.path().join("future.json"),
        r#"{"format": "supplycheck.assessment/9"}"#,
    )
    .expect("writes");
    let folder = read_folder(dir.path()).expect("reads");
    assert_eq!(folder.other_files, 1, "the report is not an assessment");
    assert_eq!(folder.skipped.len(), 1, "a future assessment is named");
    assert!(folder.skipped[0].file.ends_with("future.json"));
    let p = Portfolio::build(&catalog(), &folder, &Options::default(), now());
    assert_eq!(p.left_out.other_files, 1);
}

#[test]
fn one_supplier_spelt_two_unicode_ways_or_with_invisible_characters_is_one_row() {
    let mut nfd = supplier(
        "nfd",
        "Cafe\u{301} Ltd",
        Some(Tier::High),
        "2026-01-01T00:00:00Z",
    );
    let mut nfc = supplier("nfc", "Café Ltd", Some(Tier::High), "2026-02-01T00:00:00Z");
    let zwsp = supplier(
        "zwsp",
        "Caf\u{200b}é Ltd\u{feff}",
        Some(Tier::High),
        "2025-01-01T00:00:00Z",
    );
    for (a, service) in [(&mut nfd, "pay\u{200b}roll"), (&mut nfc, "payroll")] {
        if let Some(Subject::Supplier { services, .. }) = a.subject.as_mut() {
            services.push(service.into());
        }
    }
    let folder = Folder {
        assessments: vec![
            ("nfd.json".into(), nfd),
            ("nfc.json".into(), nfc),
            ("zwsp.json".into(), zwsp),
        ],
        skipped: vec![],
        other_files: 0,
    };
    let p = Portfolio::build(&catalog(), &folder, &Options::default(), now());
    assert_eq!(p.rows.len(), 1, "{:?}", p.rows);
    assert_eq!(p.rows[0].assessment, "nfc", "the latest");
    assert_eq!(p.rows[0].earlier, ["nfd", "zwsp"]);
}

#[test]
fn a_review_dated_in_the_future_or_a_second_file_with_the_same_id_is_named_not_trusted() {
    let genuine = supplier(
        "print-2024",
        "Print Shop",
        Some(Tier::Low),
        "2024-01-10T00:00:00Z",
    );
    let future = supplier(
        "print-future",
        "Print Shop",
        Some(Tier::Low),
        "2999-01-01T00:00:00Z",
    );
    let copy = supplier(
        "print-2024",
        "Print Shop",
        Some(Tier::Low),
        "2024-01-10T00:00:00Z",
    );
    let folder = Folder {
        assessments: vec![
            ("a.json".into(), genuine),
            ("b.json".into(), future),
            ("c.json".into(), copy),
        ],
        skipped: vec![],
        other_files: 0,
    };
    let p = Portfolio::build(&catalog(), &folder, &Options::default(), now());
    assert_eq!(p.rows.len(), 1);
    assert_eq!(p.rows[0].assessment, "print-2024");
    assert!(p.rows[0].stale, "the real review is stale and stays so");
    assert!(p.rows[0].earlier.is_empty());
    let reasons: Vec<(&str, &str)> = p
        .left_out
        .skipped
        .iter()
        .map(|s| (s.file.as_str(), s.reason.as_str()))
        .collect();
    assert_eq!(reasons.len(), 2, "{reasons:?}");
    assert!(reasons[0].0 == "b.json" && reasons[0].1.contains("check the clock"));
    assert!(reasons[1].0 == "c.json" && reasons[1].1.contains("same id \"print-2024\" as a.json"));
}

#[test]
fn a_review_just_begun_does_not_replace_the_last_one_done_nor_clear_its_staleness() {
    let mut done = supplier(
        "payroll-2024",
        "Payroll Co",
        Some(Tier::Critical),
        "2024-06-01T00:00:00Z",
    );
    for item in ["a1", "a2", "a3", "x1"] {
        done.answers.insert(
            format!("supplier-mini/{item}"),
            Answer::from(Value::Choice("fully".into())),
        );
    }
    let mut begun = supplier(
        "payroll-2026",
        "Payroll Co",
        Some(Tier::Critical),
        "2026-11-29T00:00:00Z",
    );
    begun.answers.insert(
        "supplier-mini/a1".into(),
        Answer::from(Value::Choice("partial".into())),
    );
    let folder = Folder {
        assessments: vec![("a.json".into(), done), ("b.json".into(), begun)],
        skipped: vec![],
        other_files: 0,
    };
    let p = Portfolio::build(&catalog(), &folder, &Options::default(), now());
    let row = &p.rows[0];
    assert_eq!(row.assessment, "payroll-2024", "the last review done");
    assert_eq!(row.in_progress, ["payroll-2026"]);
    assert!(
        row.stale,
        "a 2024 review of a critical supplier is stale in November 2026"
    );
    assert_eq!(row.last_reviewed, "2024-06-01T00:00:00Z");
}

#[test]
fn an_item_not_asked_of_the_supplier_is_no_open_action_whatever_its_kept_answer() {
    let q = crate::test_support::supplier_when();
    let mut a = Assessment::new("s".into(), "S".into(), "Acme".into(), None, &[&q]);
    let mut flagged = Answer::from(Value::Choice("fully".into()));
    flagged.flag = true;
    a.answers.insert("supplier-when/audit".into(), flagged);
    let count = |a: &Assessment| {
        let qs = [&q];
        let r = crate::scoring::score(&qs, a);
        open_actions(&qs, a, &r)
    };
    a.subject = Some(Subject::Supplier {
        name: "S".into(),
        tier: Some(Tier::Critical),
        services: vec![],
    });
    let critical = count(&a);
    a.subject = Some(Subject::Supplier {
        name: "S".into(),
        tier: Some(Tier::Low),
        services: vec![],
    });
    let low = count(&a);
    let mut unflagged = a.clone();
    if let Some(x) = unflagged.answers.get_mut("supplier-when/audit") {
        x.flag = false;
    }
    assert_eq!(
        low,
        count(&unflagged),
        "the flag on an item not asked asks for nothing"
    );
    let mut critical_unflagged = unflagged.clone();
    critical_unflagged.subject = Some(Subject::Supplier {
        name: "S".into(),
        tier: Some(Tier::Critical),
        services: vec![],
    });
    assert_eq!(
        critical,
        count(&critical_unflagged) + 1,
        "while it applies, it counts"
    );
    assert!(
        a.answers.contains_key("supplier-when/audit"),
        "its answer is kept"
    );
}

#[test]
fn of_two_files_with_one_id_the_one_changed_last_is_read_whatever_the_names() {
    let old = supplier(
        "print",
        "Print Shop",
        Some(Tier::Low),
        "2024-01-10T00:00:00Z",
    );
    let new = supplier(
        "print",
        "Print Shop",
        Some(Tier::Low),
        "2026-06-01T00:00:00Z",
    );
    let folder = Folder {
        assessments: vec![("a-copy.json".into(), old), ("b.json".into(), new)],
        skipped: vec![],
        other_files: 0,
    };
    let p = Portfolio::build(&catalog(), &folder, &Options::default(), now());
    assert_eq!(p.rows[0].file, "b.json");
    assert!(!p.rows[0].stale);
    assert_eq!(p.left_out.skipped.len(), 1);
    assert_eq!(p.left_out.skipped[0].file, "a-copy.json");
}
