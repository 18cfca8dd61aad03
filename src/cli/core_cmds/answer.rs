//! `supplycheck answer`: one answer from the command line.

use anyhow::{Context, bail};

use super::super::{Globals, out};
use super::AnswerArgs;
use crate::assessment::apply_value;
use crate::catalog::resolve_item;
use crate::questionnaire::ItemKind;
use crate::roles;
use crate::text::sanitize_line;

/// `supplycheck answer`.
pub fn answer(g: &Globals, args: &AnswerArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let mut session = ws.edit(&args.assessment)?;
    let (q, item, full) =
        resolve_item(&ws.catalog, &session.assessment, &args.item).map_err(anyhow::Error::msg)?;
    if let Some(owner) = &args.owner
        && !owner.is_empty()
        && roles::role(owner).is_none()
    {
        bail!(
            "\"{}\" is not an owner role; use one of: {}",
            sanitize_line(owner),
            roles::role_ids()
        );
    }
    let mut entry = session
        .assessment
        .answers
        .get(full.as_str())
        .cloned()
        .unwrap_or_default();
    apply_value(q, item, &mut entry, &args.value, args.na_checks.as_deref())
        .map_err(anyhow::Error::msg)?;
    if let Some(note) = &args.note {
        entry.note = Some(note.clone()).filter(|n| !n.is_empty());
    }
    if let Some(owner) = &args.owner {
        entry.owner = Some(owner.clone()).filter(|o| !o.is_empty());
    }
    if args.flag {
        entry.flag = true;
    }
    if args.unflag {
        entry.flag = false;
    }
    // A value was applied, so the entry is answered and settles any dispute.
    session.assessment.set_answer(&full, entry);
    session
        .save()
        .with_context(|| format!("the answer to {full} was not saved"))?;
    let shown = match item.kind {
        ItemKind::Text => "(text)".to_string(),
        _ => sanitize_line(&args.value),
    };
    out::note(&format!(
        "saved {full} = {shown} in {}",
        session.path.display()
    ));
    Ok(())
}
