//! Whether an item applies in an assessment: its `when` condition (format 2) evaluated
//! against the assessment's subject and its other answers. Scoring, the walk to the next
//! unanswered item, merging, comparing, the board pack, the app and plain mode all ask here.
//!
//! The rules:
//! - an item without `when` always applies;
//! - `tier` holds when the subject is a supplier of one of the tiers named. When the tier is
//!   not known (an organisation subject, no subject, or a supplier without a tier) it holds,
//!   so that an item is asked rather than silently dropped;
//! - `item` + `in` holds when the named item applies and its answer is one of the option keys
//!   named, or has one of the checks named ticked (a check marked N/A is not ticked). An item
//!   answered N/A, unanswered, or not applying itself makes it false;
//! - `all` holds when every condition in it holds, `any` when at least one does.
//!
//! An answer to an item that does not apply is kept in the file: it counts again as soon as
//! the condition holds again.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::assessment::{Answer, Assessment};
use crate::questionnaire::{Condition, Item, Questionnaire};
use crate::record::Subject;

impl Condition {
    /// Whether the condition holds for `subject`, given `answer`, which returns the answer
    /// of an item (full name) when that item applies and has an entry.
    pub fn holds<'a>(
        &self,
        subject: Option<&Subject>,
        answer: &dyn Fn(&str) -> Option<&'a Answer>,
    ) -> bool {
        match self {
            Condition::Tier(tiers) => match subject {
                Some(Subject::Supplier {
                    tier: Some(tier), ..
                }) => tiers.contains(tier),
                _ => true,
            },
            Condition::Answer { item, any_of } => answer(item).is_some_and(|a| {
                !a.is_na()
                    && (a.choice().is_some_and(|k| any_of.iter().any(|o| o == k))
                        || a.ticked().is_some_and(|ticked| {
                            ticked
                                .iter()
                                .any(|c| !a.is_check_na(c) && any_of.iter().any(|o| o == c))
                        }))
            }),
            Condition::All(list) => list.iter().all(|c| c.holds(subject, answer)),
            Condition::Any(list) => list.iter().any(|c| c.holds(subject, answer)),
        }
    }
}

/// Whether `item` of `q` applies in `assessment` (see the module's rules).
pub fn applies(q: &Questionnaire, item: &Item, assessment: &Assessment) -> bool {
    applies_known(q, item, assessment, &RefCell::new(HashMap::new()))
}

/// [`applies`], remembering in `known` what each item named by a condition came to, so
/// that conditions naming items that name others are followed once each: without it, a
/// chain of `any` conditions takes time exponential in its length. A questionnaire with a
/// cycle of conditions does not validate; should one be met anyway, an item already being
/// worked out is taken to apply.
fn applies_known<'q>(
    q: &'q Questionnaire,
    item: &'q Item,
    assessment: &Assessment,
    known: &RefCell<HashMap<&'q str, bool>>,
) -> bool {
    let Some(when) = &item.when else {
        return true;
    };
    let answer = |full: &str| -> Option<&Answer> {
        let (_, named) = full
            .split_once('/')
            .filter(|(qid, _)| *qid == q.id)
            .and_then(|(_, id)| q.item(id))?;
        let seen = known.borrow().get(named.id.as_str()).copied();
        let applying = seen.unwrap_or_else(|| {
            known.borrow_mut().insert(&named.id, true);
            let result = applies_known(q, named, assessment, known);
            known.borrow_mut().insert(&named.id, result);
            result
        });
        if applying {
            assessment.answer(full)
        } else {
            None
        }
    };
    when.holds(assessment.subject.as_ref(), &answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::questionnaire::Tier;
    use crate::test_support::{assessment, choice, na, supplier_when, ticked};

    fn supplier(tier: Option<Tier>) -> Subject {
        Subject::Supplier {
            name: "Payroll Co".into(),
            tier,
            services: vec!["payroll".into()],
        }
    }

    fn applying(q: &Questionnaire, a: &Assessment) -> Vec<String> {
        q.items()
            .filter(|(_, i)| applies(q, i, a))
            .map(|(_, i)| i.id.clone())
            .collect()
    }

    #[test]
    fn a_tier_condition_holds_for_the_tiers_named_and_when_the_tier_is_not_known() {
        let q = supplier_when();
        let mut a = assessment(&q, "s", &[]);
        let (_, audit) = q.item("audit").expect("item");
        for (subject, expected) in [
            (None, true),
            (Some(Subject::Organisation), true),
            (Some(supplier(None)), true),
            (Some(supplier(Some(Tier::Critical))), true),
            (Some(supplier(Some(Tier::High))), true),
            (Some(supplier(Some(Tier::Medium))), false),
            (Some(supplier(Some(Tier::Low))), false),
        ] {
            a.subject = subject.clone();
            assert_eq!(applies(&q, audit, &a), expected, "{subject:?}");
        }
    }

    #[test]
    fn an_answer_condition_holds_on_the_options_and_ticked_checks_named() {
        let q = supplier_when();
        let (_, terms) = q.item("data-terms").expect("item");
        let (_, proof) = q.item("deletion-proof").expect("item");
        let mut a = assessment(&q, "s", &[]);
        a.subject = Some(supplier(Some(Tier::Critical)));
        assert!(!applies(&q, terms, &a), "unanswered");
        for (answer, expected) in [(choice("yes"), true), (choice("no"), false), (na(), false)] {
            a.set_answer("supplier-when/holds-data", answer.clone());
            assert_eq!(applies(&q, terms, &a), expected, "{answer:?}");
        }
        a.set_answer("supplier-when/holds-data", choice("yes"));
        a.set_answer("supplier-when/exit-test", ticked(&["handover"]));
        assert!(!applies(&q, proof, &a), "deletion not ticked");
        a.set_answer("supplier-when/exit-test", ticked(&["handover", "deletion"]));
        assert!(applies(&q, proof, &a), "deletion ticked");
        let mut na_check = ticked(&["deletion"]);
        na_check.toggle_na_check(q.item("exit-test").expect("item").1, 1);
        a.set_answer("supplier-when/exit-test", na_check);
        assert!(!applies(&q, proof, &a), "a check marked N/A is not ticked");
    }

    #[test]
    fn an_item_named_by_a_condition_that_does_not_apply_makes_it_false() {
        let q = supplier_when();
        let mut a = assessment(
            &q,
            "s",
            &[
                ("holds-data", choice("yes")),
                ("exit-test", ticked(&["deletion"])),
            ],
        );
        a.subject = Some(supplier(Some(Tier::Critical)));
        assert!(applying(&q, &a).contains(&"deletion-proof".to_string()));
        a.subject = Some(supplier(Some(Tier::Low)));
        let now = applying(&q, &a);
        assert!(!now.contains(&"exit-test".to_string()), "{now:?}");
        assert!(
            !now.contains(&"deletion-proof".to_string()),
            "exit-test does not apply, so its ticks do not count: {now:?}"
        );
        assert!(a.answer("supplier-when/exit-test").is_some(), "answer kept");
    }

    #[test]
    fn all_and_any_combine_conditions() {
        let subject = supplier(Some(Tier::Low));
        let yes = choice("yes");
        let answer = |_: &str| Some(&yes);
        let low = Condition::Tier(vec![Tier::Low]);
        let high = Condition::Tier(vec![Tier::High]);
        let said_yes = Condition::Answer {
            item: "q/x".into(),
            any_of: vec!["yes".into()],
        };
        let holds = |c: &Condition| c.holds(Some(&subject), &answer);
        assert!(holds(&Condition::All(vec![low.clone(), said_yes.clone()])));
        assert!(!holds(&Condition::All(vec![
            high.clone(),
            said_yes.clone()
        ])));
        assert!(holds(&Condition::Any(vec![high.clone(), said_yes])));
        assert!(!holds(&Condition::Any(vec![high])));
        assert!(holds(&Condition::Any(vec![low])));
    }

    #[test]
    fn a_cycle_met_at_run_time_still_comes_to_an_answer() {
        let mut q = supplier_when();
        let cycle = Condition::Answer {
            item: "supplier-when/data-terms".into(),
            any_of: vec!["yes".into()],
        };
        q.sections[0].items[0].when = Some(cycle);
        let a = assessment(&q, "s", &[]);
        let (_, holds_data) = q.item("holds-data").expect("item");
        assert!(!applies(&q, holds_data, &a));
    }

    #[test]
    fn an_item_not_asked_says_why_in_words() {
        let q = supplier_when();
        let words = |id: &str| crate::figures::not_asked(&q, q.item(id).expect("item").1);
        assert_eq!(
            words("audit"),
            "Not asked: only asked for critical and high suppliers"
        );
        assert_eq!(
            words("data-terms"),
            "Not asked: only asked when holds-data is Yes"
        );
        assert_eq!(
            words("exit-test"),
            "Not asked: only asked when the supplier is critical and holds-data is Yes"
        );
        assert_eq!(
            words("deletion-proof"),
            "Not asked: only asked when exit-test has Deletion of data ticked"
        );
        assert_eq!(words("review"), "");
        let mut a = assessment(&q, "s", &[]);
        a.subject = Some(supplier(Some(Tier::Low)));
        let (_, audit) = q.item("audit").expect("item");
        assert_eq!(
            crate::figures::describe_in(&q, audit, &a),
            crate::figures::BY_RULE
        );
    }

    #[test]
    fn a_long_chain_of_any_conditions_is_followed_once_per_item() {
        // Item k is asked when item k+1 or k+2 is answered yes: followed naively, the last
        // item's answer is reached by some 10^12 paths; remembered, by 80.
        let n = 80;
        let items: Vec<String> = (0..n)
            .map(|k| {
                let when = if k + 2 < n {
                    format!(
                        r#", "when": {{"any": [{{"item": "chain/i{}", "in": ["y"]}}, {{"item": "chain/i{}", "in": ["y"]}}]}}"#,
                        k + 1,
                        k + 2
                    )
                } else {
                    String::new()
                };
                format!(
                    r#"{{"id": "i{k}", "kind": "choice", "scale": "yn", "level": 1, "prompt": "Q{k}?", "refs": ["x"]{when}}}"#
                )
            })
            .collect();
        let json = format!(
            r#"{{"format": "supplycheck.questionnaire/2", "id": "chain", "version": "1.0.0",
               "title": "Chain", "source": "test",
               "scales": {{"yn": {{"options": [{{"key": "y", "label": "Yes", "value": 1}},
                                              {{"key": "n", "label": "No", "value": 0}}]}}}},
               "sections": [{{"id": "s", "title": "S", "items": [{}]}}]}}"#,
            items.join(", ")
        );
        let (q, _) = Questionnaire::load_str(&json, "chain.json").expect("loads");
        let mut a = assessment(&q, "c", &[]);
        assert_eq!(
            applying(&q, &a).len(),
            2,
            "only the last two, unconditional"
        );
        a.answers.insert(format!("chain/i{}", n - 1), choice("y"));
        assert_eq!(
            applying(&q, &a).len(),
            3,
            "one yes opens the item before it"
        );
        for k in 0..n {
            a.answers.insert(format!("chain/i{k}"), choice("y"));
        }
        assert_eq!(
            applying(&q, &a).len(),
            n,
            "yes all along opens the whole chain"
        );
    }
}
