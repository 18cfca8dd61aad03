use std::path::PathBuf;

use jiff::Timestamp;
use pretty_assertions::assert_eq;

use super::*;
use crate::assessment::Assessment;
use crate::portfolio::Options;
use crate::questionnaire::Questionnaire;
use crate::record::Subject;
use crate::test_support::{assessment, choice, supplier_when};

fn supplier(
    q: &Questionnaire,
    name: &str,
    tier: Tier,
    answers: &[(&str, crate::assessment::Answer)],
    target: Option<u8>,
) -> (PathBuf, Assessment) {
    let id = name.to_lowercase().replace(' ', "-");
    let mut a = assessment(q, &id, answers);
    a.subject = Some(Subject::Supplier {
        name: name.into(),
        tier: Some(tier),
        services: vec![format!("{id}-service")],
    });
    if target.is_some() {
        a.set_target(Some("supplier-when/relationship"), target);
    }
    (PathBuf::from(format!("{id}.json")), a)
}

fn section(folder: &Folder) -> PortfolioSection {
    let mut catalog = Catalog::default();
    catalog.insert(supplier_when());
    let now: Timestamp = "2026-11-30T00:00:00Z".parse().expect("a time");
    let p = Portfolio::build(&catalog, folder, &Options::default(), now);
    PortfolioSection::build(&catalog, folder, p)
}

/// A critical supplier below its target, a high one with an item blocking level 1, a low one
/// with both, and a critical one that meets its target.
fn fixture() -> Folder {
    let q = supplier_when();
    let mut owned = choice("not");
    owned.owner = Some("contract-manager".into());
    Folder {
        assessments: vec![
            supplier(
                &q,
                "Payroll Co",
                Tier::Critical,
                &[("holds-data", choice("yes")), ("review", choice("fully"))],
                Some(2),
            ),
            supplier(
                &q,
                "Hosting Ltd",
                Tier::High,
                &[("holds-data", choice("yes")), ("review", owned)],
                None,
            ),
            supplier(
                &q,
                "Print Shop",
                Tier::Low,
                &[("holds-data", choice("no")), ("review", choice("not"))],
                Some(3),
            ),
            supplier(
                &q,
                "Fine Co",
                Tier::Critical,
                &[("holds-data", choice("yes")), ("review", choice("fully"))],
                Some(1),
            ),
        ],
        ..Folder::default()
    }
}

#[test]
fn top_risks_are_critical_and_high_suppliers_below_target_or_blocked_at_level_one() {
    let s = section(&fixture());
    let listed: Vec<(&str, &str)> = s
        .top_risks
        .iter()
        .map(|r| (r.supplier.as_str(), r.why.as_str()))
        .collect();
    assert_eq!(
        listed,
        [
            ("Payroll Co", "1 area below target"),
            ("Hosting Ltd", "1 item blocks level 1"),
        ]
    );
    let payroll = &s.top_risks[0];
    assert_eq!(payroll.below_target, ["1. The relationship"]);
    assert_eq!(payroll.blocking_level_one, 0);
    assert_eq!(payroll.level_text, level_words(Some(1)));
    let hosting = &s.top_risks[1];
    assert_eq!(hosting.blocking_level_one, 1);
    assert!(hosting.below_target.is_empty());
    assert_eq!(
        hosting.top_action.as_deref(),
        Some("Is the supplier reviewed every year?"),
        "the first open action of the supplier's own plan"
    );
    assert_eq!(hosting.owner_text, "Contract manager");
    assert_eq!(payroll.owner_text, super::super::NO_OWNER);
    assert!(payroll.top_action.is_some());
    assert_eq!(s.on_page_one().len(), 2);
    assert!(s.beyond_page_one().is_empty());
}

#[test]
fn the_section_keeps_the_portfolio_as_built() {
    let folder = fixture();
    let s = section(&folder);
    let mut catalog = Catalog::default();
    catalog.insert(supplier_when());
    let now: Timestamp = "2026-11-30T00:00:00Z".parse().expect("a time");
    assert_eq!(
        s.portfolio,
        Portfolio::build(&catalog, &folder, &Options::default(), now)
    );
}

#[test]
fn page_one_takes_the_first_five_and_the_section_the_rest() {
    let q = supplier_when();
    let assessments = (1..=7)
        .map(|n| {
            supplier(
                &q,
                &format!("Supplier {n}"),
                Tier::Critical,
                &[("review", choice("not"))],
                None,
            )
        })
        .collect();
    let s = section(&Folder {
        assessments,
        ..Folder::default()
    });
    assert_eq!(s.top_risks.len(), 7);
    assert_eq!(s.on_page_one().len(), TOP);
    assert_eq!(s.beyond_page_one().len(), 2);
    assert_eq!(s.on_page_one()[0].why, "2 items block level 1");
}

#[test]
fn a_row_whose_assessment_is_not_in_the_folder_is_not_a_risk() {
    let folder = fixture();
    let s = section(&folder);
    let mut catalog = Catalog::default();
    catalog.insert(supplier_when());
    let empty = PortfolioSection::build(&catalog, &Folder::default(), s.portfolio.clone());
    assert!(empty.top_risks.is_empty());
}
