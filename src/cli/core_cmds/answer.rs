//! `supplycheck answer`: one answer from the command line.

use anyhow::{Context, bail};

use super::super::{Globals, out};
use super::AnswerArgs;
use crate::assessment::{FACILITATOR, apply_value};
use crate::catalog::resolve_item;
use crate::figures::not_asked;
use crate::questionnaire::ItemKind;
use crate::record::FollowUpChange;
use crate::roles;
use crate::scoring::{ItemValue, value_in};
use crate::text::sanitize_line;

/// `supplycheck answer`.
pub fn answer(g: &Globals, args: &AnswerArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let mut session = ws.edit(&args.assessment)?;
    let (q, item, full) =
        resolve_item(&ws.catalog, &session.assessment, &args.item).map_err(anyhow::Error::msg)?;
    if let Some(by) = &args.by
        && (by.trim().is_empty() || by.chars().any(char::is_control))
    {
        bail!("--by is empty or not plain text; give the name of who settles the item");
    }
    let owner = args
        .owner
        .as_deref()
        .map(roles::parse_owner)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let parked = match (args.park, args.unpark) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    let follow_up = FollowUpChange::parse(
        args.due.as_deref(),
        args.status.as_deref(),
        &args.evidence,
        args.decision.as_deref(),
        parked,
    )
    .map_err(anyhow::Error::msg)?;
    if args.value.is_none()
        && follow_up.is_empty()
        && args.note.is_none()
        && args.owner.is_none()
        && !args.flag
        && !args.unflag
    {
        bail!(
            "nothing to change: give a VALUE, or at least one of --note, --owner, --flag, \
             --unflag, --due, --status, --evidence, --decision, --park, --unpark"
        );
    }
    let mut entry = session
        .assessment
        .answers
        .get(full.as_str())
        .cloned()
        .unwrap_or_default();
    if let Some(value) = &args.value {
        apply_value(q, item, &mut entry, value, args.na_checks.as_deref())
            .map_err(anyhow::Error::msg)?;
    }
    if let Some(note) = &args.note {
        entry.note = Some(note.clone()).filter(|n| !n.is_empty());
    }
    if let Some(owner) = owner {
        entry.owner = owner;
    }
    if args.flag {
        entry.flag = true;
    }
    if args.unflag {
        entry.flag = false;
    }
    entry.apply_follow_up(&follow_up);
    let mut settled = false;
    if args.value.is_some() {
        // A value was applied, so the entry is answered and settles any dispute.
        session.assessment.set_answer(&full, entry);
        let by = args.by.as_deref().map_or(FACILITATOR, str::trim);
        settled = session.assessment.settle_by_answer(&full, by);
    } else if entry.is_empty() {
        session.assessment.answers.remove(full.as_str());
    } else {
        session.assessment.answers.insert(full.to_string(), entry);
    }
    session
        .save()
        .with_context(|| format!("the answer to {full} was not saved"))?;
    let shown = match (&args.value, item.kind) {
        (None, _) => String::new(),
        (Some(_), ItemKind::Text) => " = (text)".to_string(),
        (Some(value), _) => format!(" = {}", sanitize_line(value)),
    };
    out::note(&format!(
        "saved {full}{shown} in {}",
        session.path.display()
    ));
    if value_in(q, item, &session.assessment) == ItemValue::ByRule {
        out::note(&format!(
            "{full} does not apply now ({}); the answer is kept and counts when it applies.",
            not_asked(q, item)
        ));
    }
    if settled {
        out::note(&settled_words(&session.assessment, &full));
    }
    Ok(())
}

/// What settling item `full` did, in words.
fn settled_words(a: &crate::assessment::Assessment, full: &str) -> String {
    match a.settled.get(full).and_then(|s| s.from.as_deref()) {
        Some(who) => format!(
            "Settled the disagreement with {}'s answer; every respondent's answer is kept.",
            sanitize_line(who)
        ),
        None => "Settled the disagreement with a new answer; every respondent's answer is kept."
            .to_string(),
    }
}
