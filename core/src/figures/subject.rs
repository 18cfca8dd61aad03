//! The subject of an assessment and the items not asked of it, in words: the supplier and
//! its tier, "N/A by rule" and why an item is not asked.

use super::{answer_label, status_of};
use crate::assessment::Assessment;
use crate::key::ItemKey;
use crate::questionnaire::{Condition, Item, ItemKind, Questionnaire};
use crate::record::Subject;
use crate::scoring;
use crate::text::sanitize_line;

/// An item's answer in `assessment` as people read it: [`BY_RULE`] when the item does not
/// apply there, else as [`describe_answer`] says.
pub fn describe_in(q: &Questionnaire, item: &Item, assessment: &Assessment) -> String {
    let value = scoring::value_in(q, item, assessment);
    let answer = assessment.answer(&ItemKey::new(&q.id, &item.id));
    answer_label(q, item, answer, status_of(q, value).0)
}

/// What an assessment covers, in a few words: "Payroll Co (critical supplier)" for a
/// supplier ("Payroll Co (supplier, tier not set)" without a tier), else the organisation's
/// name.
pub fn subject_words(assessment: &Assessment) -> String {
    match &assessment.subject {
        Some(Subject::Supplier { name, tier, .. }) => match tier {
            Some(t) => format!("{} ({t} supplier)", sanitize_line(name)),
            None => format!("{} (supplier, tier not set)", sanitize_line(name)),
        },
        _ => sanitize_line(&assessment.organisation),
    }
}

/// A supplier assessment's subject in one line for a paper's head: "Review of Payroll Co ·
/// critical supplier · services: payroll, pensions"; `None` for an organisation assessment.
pub fn supplier_line(assessment: &Assessment) -> Option<String> {
    let Some(Subject::Supplier {
        name,
        tier,
        services,
    }) = &assessment.subject
    else {
        return None;
    };
    let mut parts = vec![format!("Review of {}", sanitize_line(name.trim()))];
    parts.push(match tier {
        Some(t) => format!("{t} supplier"),
        None => "tier not set".to_string(),
    });
    if !services.is_empty() {
        let shown: Vec<String> = services.iter().map(|s| sanitize_line(s.trim())).collect();
        parts.push(format!("services: {}", shown.join(", ")));
    }
    Some(parts.join(" · "))
}

/// How an item whose `when` condition does not hold is shown in lists and reports.
pub const BY_RULE: &str = "N/A by rule";

/// Why an item is not asked, in words: "Not asked: only asked for critical and high
/// suppliers", "Not asked: only asked when supplier-when/holds-data is Yes".
pub fn not_asked(q: &Questionnaire, item: &Item) -> String {
    match &item.when {
        Some(Condition::Tier(tiers)) => format!(
            "Not asked: only asked for {} suppliers",
            joined(
                &tiers
                    .iter()
                    .map(|t| t.as_str().to_string())
                    .collect::<Vec<_>>(),
                "and"
            )
        ),
        Some(when) => format!("Not asked: only asked when {}", condition_words(q, when)),
        None => String::new(),
    }
}

/// A condition in words, e.g. "the supplier is critical or high and holds-data is Yes".
pub fn condition_words(q: &Questionnaire, condition: &Condition) -> String {
    let inner = |list: &[Condition], word: &str| {
        let parts: Vec<String> = list
            .iter()
            .map(|c| match c {
                Condition::All(_) | Condition::Any(_) => format!("({})", condition_words(q, c)),
                _ => condition_words(q, c),
            })
            .collect();
        parts.join(&format!(" {word} "))
    };
    match condition {
        Condition::Tier(tiers) => format!(
            "the supplier is {}",
            joined(
                &tiers
                    .iter()
                    .map(|t| t.as_str().to_string())
                    .collect::<Vec<_>>(),
                "or"
            )
        ),
        Condition::Answer { item, any_of } => {
            let named = item
                .split_once('/')
                .filter(|(qid, _)| *qid == q.id)
                .and_then(|(_, id)| q.item(id))
                .map(|(_, i)| i);
            let words: Vec<String> = any_of
                .iter()
                .map(|key| {
                    named
                        .and_then(|i| {
                            q.options(i)
                                .iter()
                                .find(|o| &o.key == key)
                                .map(|o| o.label.clone())
                                .or_else(|| {
                                    i.checks
                                        .iter()
                                        .find(|c| &c.id == key)
                                        .map(|c| c.text.clone())
                                })
                        })
                        .map_or_else(|| sanitize_line(key), |w| sanitize_line(&w))
                })
                .collect();
            let name = sanitize_line(named.map_or(item.as_str(), |i| i.id.as_str()));
            match named.map(|i| i.kind) {
                Some(ItemKind::Checklist) => {
                    format!("{name} has {} ticked", joined(&words, "or"))
                }
                _ => format!("{name} is {}", joined(&words, "or")),
            }
        }
        Condition::All(list) => inner(list, "and"),
        Condition::Any(list) => inner(list, "or"),
    }
}

/// Words joined as a list is read: "a", "a or b", "a, b or c".
fn joined(words: &[String], last: &str) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., end] => format!("{} {last} {end}", init.join(", ")),
    }
}
