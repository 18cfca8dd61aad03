//! Items whose `when` condition does not hold: N/A by rule, left out of every figure.

use super::*;
use crate::questionnaire::Tier;
use crate::record::Subject;
use crate::test_support::{assessment, choice, na, supplier_when, ticked};

fn supplier(tier: Tier) -> Subject {
    Subject::Supplier {
        name: "Payroll Co".into(),
        tier: Some(tier),
        services: vec!["payroll".into()],
    }
}

/// Every item answered, some N/A by the user, for a critical supplier.
fn answered() -> Assessment {
    let q = supplier_when();
    let mut a = assessment(
        &q,
        "s",
        &[
            ("holds-data", choice("yes")),
            ("data-terms", na()),
            ("audit", choice("partial")),
            ("exit-test", ticked(&["handover", "deletion"])),
            ("deletion-proof", choice("yes")),
            ("review", choice("fully")),
            ("review-3", choice("largely")),
        ],
    );
    a.subject = Some(supplier(Tier::Critical));
    a
}

#[test]
fn a_tier_change_back_and_forth_keeps_every_answer_and_the_figures_return_exactly() {
    let q = supplier_when();
    let mut a = answered();
    let answers = a.answers.clone();
    let critical = score(&[&q], &a);
    assert_eq!(critical.overall.na_by_rule, 0);
    assert!(a.set_subject(supplier(Tier::Low)));
    let low = score(&[&q], &a);
    assert_eq!(a.answers, answers, "no answer is deleted");
    assert_eq!(
        low.overall.na_by_rule, 3,
        "audit, exit-test, deletion-proof"
    );
    assert_ne!(low, critical);
    assert!(a.set_subject(supplier(Tier::Critical)));
    assert!(!a.set_subject(supplier(Tier::Critical)), "no change");
    assert_eq!(a.answers, answers);
    assert_eq!(score(&[&q], &a), critical, "the figures return exactly");
}

#[test]
fn by_rule_never_counts_as_the_users_na() {
    let q = supplier_when();
    let mut a = answered();
    let critical = score(&[&q], &a).overall;
    assert_eq!(critical.na, 1, "data-terms, answered N/A");
    a.set_subject(supplier(Tier::Low));
    let low = score(&[&q], &a).overall;
    assert_eq!(low.na, 1, "by rule adds nothing to na");
    assert_eq!(low.na_by_rule, 3);
    assert_eq!(low.total, critical.total - 3);
    assert_eq!(low.total, low.applicable + low.na);
    a.set_answer("supplier-when/holds-data", choice("no"));
    let no_data = score(&[&q], &a).overall;
    assert_eq!(
        (no_data.na, no_data.na_by_rule),
        (0, 4),
        "data-terms stops applying: its user N/A is not counted, it is N/A by rule"
    );
}

#[test]
fn an_item_that_does_not_apply_changes_no_figure_against_the_item_being_absent() {
    let q = supplier_when();
    let mut a = answered();
    a.set_subject(supplier(Tier::Medium));
    let report = score(&[&q], &a);
    let mut without = q.clone();
    for s in &mut without.sections {
        s.items
            .retain(|i| !["audit", "exit-test", "deletion-proof"].contains(&i.id.as_str()));
    }
    let mut absent = score(&[&without], &a);
    assert_eq!(absent.overall.na_by_rule, 0);
    absent.overall.na_by_rule = 3;
    absent.sections[0].figures.na_by_rule = 3;
    assert_eq!(report, absent);
}

#[test]
fn an_item_that_does_not_apply_is_neither_a_gap_nor_blocking_nor_not_assessed() {
    let q = supplier_when();
    let mut a = assessment(&q, "s", &[("holds-data", choice("yes"))]);
    a.subject = Some(supplier(Tier::Low));
    let r = score(&[&q], &a);
    for key in ["supplier-when/audit", "supplier-when/exit-test"] {
        assert!(!r.not_assessed.iter().any(|k| k == key), "{key}");
        assert!(!r.sections[0].blocking.iter().any(|k| k == key), "{key}");
    }
    assert!(
        r.not_assessed
            .iter()
            .any(|k| k == "supplier-when/data-terms")
    );
    a.subject = Some(supplier(Tier::High));
    let r = score(&[&q], &a);
    assert!(r.not_assessed.iter().any(|k| k == "supplier-when/audit"));
    let (_, audit) = q.item("audit").expect("item");
    a.subject = Some(supplier(Tier::Low));
    a.set_answer("supplier-when/audit", choice("not"));
    assert_eq!(value_in(&q, audit, &a), ItemValue::ByRule);
    assert!(!value_in(&q, audit, &a).needs_answer());
    assert!(
        score(&[&q], &a)
            .gaps
            .iter()
            .all(|g| g.item != "supplier-when/audit")
    );
}
