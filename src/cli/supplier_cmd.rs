//! `supplycheck supplier`: the supplier a supplier assessment covers, its tier and services.

use std::fmt::Write as _;

use anyhow::{Context as _, bail};
use clap::Args;

use super::core_cmds::parse_tier;
use super::{Globals, out};
use crate::figures::{count, not_asked, subject_words};
use crate::questionnaire::Tier;
use crate::record::Subject;
use crate::scoring::{ItemValue, value_in};
use crate::text::sanitize_line;
use crate::walk;

/// Arguments of `supplier`.
#[derive(Debug, Args)]
pub struct SupplierArgs {
    /// The supplier assessment (id or path)
    pub assessment: String,
    /// The supplier's new name
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// How critical the supplier is: critical, high, medium or low
    #[arg(long, value_name = "TIER", value_parser = parse_tier)]
    pub tier: Option<Tier>,
    /// A service that depends on the supplier (repeatable; replaces the list)
    #[arg(long = "service", value_name = "SERVICE")]
    pub services: Vec<String>,
}

/// `supplycheck supplier`.
pub fn supplier(g: &Globals, args: &SupplierArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let mut session = ws.edit(&args.assessment)?;
    let Some(Subject::Supplier {
        name,
        tier,
        services,
    }) = session.assessment.subject.clone()
    else {
        bail!(
            "{} is an assessment of the organisation, not of one supplier; create a supplier \
             assessment with `supplycheck new --supplier NAME --tier TIER`",
            session.path.display()
        );
    };
    if args.name.as_ref().is_some_and(|n| n.trim().is_empty()) {
        bail!("--name is empty; give the supplier's name");
    }
    let changed = args.name.is_some() || args.tier.is_some() || !args.services.is_empty();
    let subject = Subject::supplier(
        args.name.as_deref().unwrap_or(&name),
        args.tier.or(tier),
        if args.services.is_empty() {
            &services
        } else {
            &args.services
        },
    )
    .map_err(anyhow::Error::msg)?;
    if changed && session.assessment.set_subject(subject) {
        session.assessment.touch();
        session
            .save()
            .with_context(|| format!("the supplier was not saved to {}", session.path.display()))?;
    }
    let a = &session.assessment;
    let mut text = format!("{}\n", subject_words(a));
    if let Some(Subject::Supplier { services, .. }) = &a.subject
        && !services.is_empty()
    {
        let shown: Vec<String> = services.iter().map(|s| sanitize_line(s)).collect();
        let _ = writeln!(text, "Services: {}", shown.join(", "));
    }
    let used = ws.questionnaires_of(a);
    let not_asked_now: Vec<String> = walk::items(&used)
        .filter(|p| value_in(p.questionnaire, p.item, a) == ItemValue::ByRule)
        .map(|p| format!("  {}: {}", p.key, not_asked(p.questionnaire, p.item)))
        .collect();
    if not_asked_now.is_empty() {
        text.push_str("Every item is asked.\n");
    } else {
        let _ = writeln!(
            text,
            "{} not asked for this supplier (their answers are kept):",
            count(not_asked_now.len(), "item is", "items are")
        );
        for line in &not_asked_now {
            let _ = writeln!(text, "{line}");
        }
    }
    let r = ws.score(a);
    let _ = writeln!(text, "Overall: {}", crate::figures::score_line(&r.overall));
    out::after_creating(out::text(&text), &session.path);
    Ok(())
}
