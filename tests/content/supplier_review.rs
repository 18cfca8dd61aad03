//! The supplier review (`supplier-review`, scope supplier): the sources it draws on are cited,
//! and its questions follow the supplier's tier and another item's answer.

use serde_json::Value;

use super::conditions::{TIERS, can_hold_for, names_an_answer};
use super::{array_of, built_in, str_of, uncited};

/// The source sections the supplier review draws on, each cited by at least one of its items:
/// CFCS's recommendations on requirements, selection, the contract, supplier management and
/// termination, and its appendix on sub-suppliers; NCSC board Q1; RMM EXD goals 1, 3 and 4.
const SUPPLIER_REVIEW_CITES: [&str; 17] = [
    "CFCS 2.1",
    "CFCS 2.2",
    "CFCS 2.3",
    "CFCS 3.1",
    "CFCS 4.1",
    "CFCS 4.2",
    "CFCS 5.1",
    "CFCS 5.2",
    "CFCS 5.3",
    "CFCS 5.4",
    "CFCS 5.5",
    "CFCS 6.1",
    "CFCS App. 2",
    "NCSC board Q1",
    "CERT RMM EXD goal 1",
    "CERT RMM EXD goal 3",
    "CERT RMM EXD goal 4",
];

/// Items of the supplier review that only a critical or high-tier supplier is asked.
const TOP_TIERS_ONLY: [&str; 3] = ["exit-tested", "onsite-audit", "flow-down"];

#[test]
fn the_supplier_review_cites_what_it_draws_on() {
    let review = vec![("supplier-review".to_string(), built_in("supplier-review"))];
    let required: Vec<String> = SUPPLIER_REVIEW_CITES
        .iter()
        .map(ToString::to_string)
        .collect();
    let missing = uncited(&review, &required);
    assert!(
        missing.is_empty(),
        "no supplier-review item cites: {missing:?}"
    );
}

#[test]
fn the_supplier_review_asks_by_tier_and_by_answer() {
    let q = built_in("supplier-review");
    let items: Vec<&Value> = array_of(&q, "sections")
        .iter()
        .flat_map(|s| array_of(s, "items"))
        .collect();
    for id in TOP_TIERS_ONLY {
        let item = items
            .iter()
            .find(|i| str_of(i, "id") == id)
            .unwrap_or_else(|| panic!("supplier-review/{id}: missing"));
        let when = item
            .get("when")
            .unwrap_or_else(|| panic!("supplier-review/{id}: no \"when\""));
        let asked: Vec<&str> = TIERS
            .into_iter()
            .filter(|t| can_hold_for(when, t))
            .collect();
        assert_eq!(asked, ["critical", "high"], "supplier-review/{id}");
    }
    assert!(
        items
            .iter()
            .filter_map(|i| i.get("when"))
            .any(names_an_answer),
        "no supplier-review item is asked because of another item's answer"
    );
    for item in &items {
        if let Some(when) = item.get("when") {
            assert!(
                TIERS.iter().any(|t| can_hold_for(when, t)),
                "supplier-review/{}: asked of no tier",
                str_of(item, "id")
            );
        }
    }
}
