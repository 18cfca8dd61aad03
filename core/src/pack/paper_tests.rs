//! Page one and the action plan, on score format 2's worked example.

use super::*;
use crate::assessment::Answer;
use crate::test_support::{assessment, choice, ticked, worked_example_2, worked_example_2_answers};

const Q: &str = "worked-example";

fn with(answers: &[(&str, Answer)], edit: impl Fn(&mut Assessment)) -> (Questionnaire, Assessment) {
    let q = worked_example_2();
    let mut a = assessment(&q, "t", answers);
    edit(&mut a);
    (q, a)
}

fn entry<'a>(a: &'a mut Assessment, id: &str) -> &'a mut Answer {
    a.answers.entry(format!("{Q}/{id}")).or_default()
}

fn ranked() -> (Questionnaire, Assessment) {
    with(&worked_example_2_answers(), |a| {
        entry(a, "a").flag = true;
        entry(a, "b").decision = Some("Approve the budget\u{1b}[2J for an exit plan".into());
        entry(a, "c").owner = Some("contract-manager".into());
        a.set_target(Some("worked-example/planning"), Some(3));
    })
}

fn items(plan: &[PlanAction]) -> Vec<&str> {
    plan.iter()
        .map(|r| r.item.strip_prefix("worked-example/").unwrap_or(&r.item))
        .collect()
}

#[test]
fn the_plan_ranks_decisions_flags_blocking_gaps_then_shortfall() {
    let (q, a) = ranked();
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    assert_eq!(items(&pack.plan), ["b", "a", "c", "e", "f"]);
    let why: Vec<&str> = pack.plan.iter().map(|r| r.why.as_str()).collect();
    assert_eq!(
        why,
        [
            "Decision requested",
            "Flagged for follow-up",
            "Blocks level 2 in 1. Planning (target 3)",
            "Not yet assessed",
            "Below the pass mark at level 3",
        ]
    );
    assert_eq!(
        pack.plan[0].decision.as_deref(),
        Some("Approve the budget for an exit plan")
    );
    assert_eq!(
        pack.plan[3].action,
        format!("Assess: {}", pack.plan[3].prompt)
    );
    assert_eq!(pack.plan[3].kind, ActionKind::Assess);
    assert_eq!(pack.plan[3].answer, "");
    assert_eq!(pack.plan[4].missing_checks, ["Auditing", "Accreditation"]);
    assert_eq!(pack.plan[2].owner_text, "Contract manager");
    assert_eq!(pack.plan[3].owner_text, "no owner yet");
    assert_eq!(pack.plan[3].status_text, "open");
    let top: Vec<&str> = items(&pack.page_one.top);
    assert_eq!(top, ["b", "a", "c", "e", "f"]);
    assert_eq!(pack.page_one.decisions.len(), 1);
    assert_eq!(pack.page_one.decisions[0].item, "worked-example/b");
}

#[test]
fn a_done_action_goes_last_and_leaves_the_top_five() {
    let (q, mut a) = ranked();
    entry(&mut a, "c").status = Some(crate::record::Status::Done);
    entry(&mut a, "e").due = Some(jiff::civil::date(2027, 1, 31));
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    assert_eq!(items(&pack.plan), ["b", "a", "e", "f", "c"]);
    assert_eq!(items(&pack.page_one.top), ["b", "a", "e", "f"]);
    assert_eq!(pack.plan[2].due.as_deref(), Some("2027-01-31"));
    assert_eq!(pack.plan[2].due_text, "31 January 2027");
    assert_eq!(pack.plan[4].status_text, "done");
    assert_eq!(pack.page_one.counts.done, 1);
    assert_eq!(pack.page_one.counts.with_due, 1);
}

#[test]
fn every_count_on_page_one_is_true() {
    let (q, mut a) = ranked();
    entry(&mut a, "a").value = crate::assessment::Value::Choice("dont-know".into());
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    let c = &pack.page_one.counts;
    assert_eq!(c.actions, pack.plan.len());
    assert_eq!(c.owners_text, "1 of 5 actions have an owner");
    assert_eq!(c.not_assessed_text, "1 item not yet assessed");
    assert_eq!(c.dont_know_text, "1 answer is \"don't know\"");
    assert_eq!(c.decisions_text, "1 decision requested");
    assert_eq!(
        pack.plan[1].action,
        format!("Find out: {}", pack.plan[1].prompt)
    );
    assert_eq!(
        pack.page_one.against_target.text,
        "0 of 1 area meets their target"
    );
    assert_eq!(pack.areas[0].below_target, Some(3));
    assert!(pack.areas[0].assessed);
}

#[test]
fn one_answer_does_not_read_as_good() {
    let (q, a) = with(&[("a", choice("fully"))], |_| {});
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    let s = &pack.page_one.standing;
    assert_eq!(s.level, Some(0));
    assert_eq!(s.level_text, "Level 0 · Incomplete");
    assert_eq!(s.score_text, "14 %, with 17 % of the scored items known");
    assert_eq!(
        s.caution.as_deref(),
        Some(
            "Only 1 of 6 scored items is known: this is not yet a picture of where we stand; \
             assess the rest before relying on these figures."
        )
    );
    assert_eq!(pack.page_one.counts.not_assessed, 5);
    assert_eq!(
        pack.plan
            .iter()
            .filter(|r| r.kind == ActionKind::Assess)
            .count(),
        5
    );
}

#[test]
fn an_empty_assessments_first_action_is_to_assess() {
    let (q, a) = with(&[], |_| {});
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    assert_eq!(
        pack.page_one.standing.caution.as_deref(),
        Some("Nothing is assessed yet: the first action is to assess the 6 scored items.")
    );
    assert!(pack.page_one.top[0].action.starts_with("Assess: "));
    assert_eq!(pack.page_one.counts.not_assessed, 6);
    assert!(!pack.areas[0].assessed);
    assert_eq!(
        pack.page_one.against_target.text,
        "No target is set yet (the board sets one per area with supplycheck target)"
    );
}

#[test]
fn compared_actions_are_new_carried_over_or_done_since() {
    let q = worked_example_2();
    let mut before = assessment(&q, "before", &worked_example_2_answers());
    before.name = "Acme 2025".into();
    before.updated = "2025-11-20T15:30:00Z".parse().expect("time");
    before
        .answers
        .insert(format!("{Q}/f"), ticked(&["testing", "auditing"]));
    let mut now = assessment(&q, "now", &worked_example_2_answers());
    now.updated = "2026-11-22T10:00:00Z".parse().expect("time");
    now.answers.insert(format!("{Q}/c"), choice("fully"));
    let pack = BoardPack::compared(&[&q], &now, &[&q], &before);
    let since: Vec<(&str, Option<&str>)> = pack
        .plan
        .iter()
        .map(|r| (r.item.as_str(), r.since_text.as_deref()))
        .collect();
    assert_eq!(
        since,
        [
            ("worked-example/e", Some("carried over for 12 months")),
            ("worked-example/f", Some("new")),
        ]
    );
    assert_eq!(
        pack.plan[0].since,
        Some(Since::CarriedOver {
            since: "20 November 2025".into(),
            months: 12
        })
    );
    assert_eq!(pack.done_since.len(), 1);
    assert_eq!(pack.done_since[0].item, "worked-example/c");
    assert_eq!(pack.done_since[0].answer_before, "Partially implemented");
    assert_eq!(pack.done_since[0].answer_now, "Fully implemented");
    let trend = pack.page_one.standing.trend.as_ref().expect("a trend");
    assert!(
        trend
            .text
            .contains("since Acme 2025 (20 November 2025, 15:30 UTC)"),
        "{}",
        trend.text
    );
    assert_eq!(trend.points.map(|p| p > 0), Some(true));
    let plain = BoardPack::from_questionnaires(&[&q], &now);
    assert!(plain.plan.iter().all(|r| r.since.is_none()));
}

#[test]
fn an_item_not_asked_of_the_supplier_asks_for_no_action_and_no_decision() {
    use crate::questionnaire::Tier;
    use crate::record::Subject;
    let q = crate::test_support::supplier_when();
    let mut a = assessment(&q, "s", &[]);
    let audit = a.answers.entry("supplier-when/audit".into()).or_default();
    *audit = choice("partial");
    audit.flag = true;
    audit.decision = Some("Fund an on-site audit".into());
    let pack_at = |a: &mut Assessment, tier| {
        a.subject = Some(Subject::Supplier {
            name: "Payroll Co".into(),
            tier: Some(tier),
            services: vec![],
        });
        BoardPack::from_questionnaires(&[&q], a)
    };
    let critical = pack_at(&mut a, Tier::Critical);
    assert!(items(&critical.plan).contains(&"supplier-when/audit"));
    assert_eq!(critical.page_one.decisions.len(), 1);
    let low = pack_at(&mut a, Tier::Low);
    assert!(
        !items(&low.plan).contains(&"supplier-when/audit"),
        "not asked: no action"
    );
    assert!(low.page_one.decisions.is_empty(), "not asked: no decision");
    assert!(
        a.answers.contains_key("supplier-when/audit"),
        "its answer is kept"
    );
}

#[test]
fn a_disputed_item_not_yet_settled_reads_settle_not_assess() {
    use crate::assessment::Response;
    let (q, mut a) = with(&[], |_| {});
    a.responses.insert(
        format!("{Q}/c"),
        vec![
            Response {
                respondent: "Ann".into(),
                answer: choice("fully"),
            },
            Response {
                respondent: "Bob".into(),
                answer: choice("not"),
            },
        ],
    );
    a.responses.insert(
        format!("{Q}/strategy"),
        vec![
            Response {
                respondent: "Ann".into(),
                answer: Answer::from(crate::assessment::Value::Text("Grow".into())),
            },
            Response {
                respondent: "Bob".into(),
                answer: Answer::from(crate::assessment::Value::Text("Hold".into())),
            },
        ],
    );
    let pack = BoardPack::from_questionnaires(&[&q], &a);
    let strategy = pack
        .plan
        .iter()
        .find(|r| r.item == format!("{Q}/strategy"))
        .expect("a disputed text answer is an action too");
    assert_eq!(strategy.kind, ActionKind::Settle);
    let c = pack
        .plan
        .iter()
        .find(|r| r.item == format!("{Q}/c"))
        .expect("c is an action");
    assert_eq!(c.kind, ActionKind::Settle);
    assert!(c.action.starts_with("Settle: "), "{}", c.action);
    let other = pack
        .plan
        .iter()
        .find(|r| r.item == format!("{Q}/e"))
        .expect("e is an action");
    assert_eq!(other.kind, ActionKind::Assess, "nobody disputes e");
    let counts = &pack.page_one.counts;
    // c (scored) and the text answer: two disputed; c is among those not yet assessed.
    assert_eq!(counts.disputed, 2);
    assert_eq!(
        counts.not_assessed_text,
        format!(
            "{} not yet assessed, and 2 disputed, to settle",
            crate::figures::count(counts.not_assessed - 1, "item", "items")
        )
    );
}
