//! `supplycheck new`: a new assessment, from flags or by asking.

use anyhow::bail;

use super::super::{Globals, interactive, out};
use super::NewArgs;
use crate::catalog::Catalog;
use crate::questionnaire::{Origin, Scope};
use crate::record::Respondent;
use crate::record::Subject;
use crate::stamp;
use crate::text::sanitize_line;

/// `supplycheck new`.
pub fn new(g: &Globals, args: &NewArgs) -> anyhow::Result<()> {
    let group = args
        .group
        .as_deref()
        .map(crate::record::parse_group)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--group: {}", sanitize_line(&e)))?;
    let ws = g.workspace()?;
    if args.supplier.as_ref().is_some_and(|n| n.trim().is_empty()) {
        bail!("--supplier is empty; give the supplier's name, e.g. --supplier \"Payroll Co\"");
    }
    let subject = args
        .supplier
        .as_ref()
        .map(|name| Subject::supplier(name, args.tier, &args.services))
        .transpose()
        .map_err(|e| anyhow::anyhow!("--supplier: {e}"))?;
    let missing = (args.name.is_none() && args.supplier.is_none())
        || args.org.is_none()
        || args.respondent.is_none()
        || args.questionnaires.is_empty();
    let ask = interactive() && missing;
    let (name, org, respondent, questionnaires) = if ask {
        ask_new(&ws.catalog, args)?
    } else {
        (
            args.name.clone().unwrap_or_else(|| match &args.supplier {
                Some(supplier) => format!("{} {}", supplier.trim(), stamp::date(&stamp::now())),
                None => format!("Supplier assessment {}", stamp::date(&stamp::now())),
            }),
            args.org.clone().unwrap_or_default(),
            args.respondent.clone(),
            args.questionnaires.clone(),
        )
    };
    let respondent = respondent
        .map(|name| crate::assessment::check_name(&name))
        .transpose()
        .map_err(|e| {
            anyhow::anyhow!(
                "--respondent: {}",
                e.replace("the name", "the respondent's name")
            )
        })?
        .map(|name| Respondent { name, group });
    let (path, a) = ws.create_for(&name, &org, respondent, &questionnaires, subject)?;
    // A questionnaire written for the other kind of subject is allowed, and said.
    let supplier = matches!(a.subject, Some(Subject::Supplier { .. }));
    for q in ws.questionnaires_of(&a) {
        let for_supplier = q.scope() == Scope::Supplier;
        if for_supplier != supplier {
            out::note(&format!(
                "Note: {} is written for {}, and this assessment is of {}.",
                q.id,
                if for_supplier {
                    "one supplier"
                } else {
                    "the whole organisation"
                },
                if supplier {
                    "one supplier"
                } else {
                    "the organisation"
                }
            ));
        }
    }
    if let Err(e) = out::text(&format!("{}\n", a.id)) {
        // The assessment exists: that is what matters, so this is not a failure.
        out::note(&format!(
            "Created {} (id {}), but the id could not be printed: {e}.",
            path.display(),
            a.id
        ));
        return Ok(());
    }
    if interactive() {
        out::note(&format!(
            "Created {}. Open it with `supplycheck open {}`.",
            path.display(),
            a.id
        ));
    }
    Ok(())
}

/// Asks for what `new` is missing, in a terminal.
fn ask_new(
    catalog: &Catalog,
    args: &NewArgs,
) -> anyhow::Result<(String, String, Option<String>, Vec<String>)> {
    use dialoguer::{Input, MultiSelect};
    let name: String = match (&args.name, &args.supplier) {
        (Some(n), _) => n.clone(),
        (None, Some(supplier)) => format!("{} {}", supplier.trim(), stamp::date(&stamp::now())),
        (None, None) => Input::new()
            .with_prompt("Name of the assessment")
            .validate_with(|s: &String| {
                if s.trim().is_empty() {
                    Err("give a name")
                } else {
                    Ok(())
                }
            })
            .interact_text()?,
    };
    let org: String = match &args.org {
        Some(o) => o.clone(),
        None => Input::new()
            .with_prompt("Organisation")
            .allow_empty(true)
            .interact_text()?,
    };
    let respondent = if let Some(r) = &args.respondent {
        Some(r.clone())
    } else {
        let r: String = Input::new()
            .with_prompt("Respondent (who gives these answers; empty for the whole room)")
            .allow_empty(true)
            .interact_text()?;
        Some(r).filter(|r| !r.trim().is_empty())
    };
    let questionnaires = if args.questionnaires.is_empty() {
        let entries = catalog.newest_entries();
        let labels: Vec<String> = entries
            .iter()
            .map(|e| {
                format!(
                    "{} — {}",
                    e.questionnaire.id,
                    sanitize_line(&e.questionnaire.title)
                )
            })
            .collect();
        let scope = if args.supplier.is_some() {
            Scope::Supplier
        } else {
            Scope::Organisation
        };
        let built_ins = catalog.default_ids(scope);
        let defaults: Vec<bool> = entries
            .iter()
            .map(|e| {
                e.origin == Origin::BuiltIn && built_ins.contains(&e.questionnaire.id.as_str())
            })
            .collect();
        let picked = MultiSelect::new()
            .with_prompt("Questionnaires (Space to tick, Enter to accept)")
            .items(&labels)
            .defaults(&defaults)
            .interact()?;
        if picked.is_empty() {
            bail!("no questionnaire chosen; tick at least one");
        }
        picked
            .into_iter()
            .map(|i| entries[i].questionnaire.id.clone())
            .collect()
    } else {
        args.questionnaires.clone()
    };
    Ok((
        name.trim().to_string(),
        org.trim().to_string(),
        respondent,
        questionnaires,
    ))
}
