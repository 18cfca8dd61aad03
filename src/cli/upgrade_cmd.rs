//! `supplycheck upgrade`: move an assessment to a newer version of its questionnaires.

use std::fmt::Write as _;

use anyhow::Context as _;
use clap::Args;

use super::core_cmds::clip;
use super::{Globals, out};
use crate::store::backup_path;
use crate::upgrade::{self, Request, Upgrade};

/// Arguments of `upgrade`.
#[derive(Debug, Args)]
pub struct UpgradeArgs {
    /// The assessment (id or path)
    #[arg(value_name = "ID")]
    pub assessment: String,
    /// Only this questionnaire (by id) [default: every questionnaire with a newer version]
    #[arg(long, value_name = "ID")]
    pub questionnaire: Option<String>,
    /// The version to move to [default: the newest]; needs --questionnaire when the
    /// assessment uses several
    #[arg(long, value_name = "VERSION")]
    pub to: Option<String>,
    /// Show what would carry and what would retire, and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Print what moved as JSON (format supplycheck.upgrade/1)
    #[arg(long)]
    pub json: bool,
}

/// `supplycheck upgrade`.
pub fn upgrade(g: &Globals, args: &UpgradeArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let mut session = ws.edit(&args.assessment)?;
    let request = Request {
        questionnaire: args.questionnaire.as_deref(),
        to: args.to.as_deref(),
    };
    let outcome = upgrade::upgrade(&ws.catalog, &session.assessment, request)
        .with_context(|| format!("{} was not upgraded", session.path.display()))?;
    if !args.dry_run {
        // The version moved to is kept first: the upgraded assessment must never record a
        // version the data directory does not hold.
        ws.keep_copies_for(&outcome.assessment)
            .with_context(|| format!("{} was not upgraded", session.path.display()))?;
        session.assessment = outcome.assessment;
        session
            .save()
            .with_context(|| format!("{} was not upgraded", session.path.display()))?;
    }
    if args.json {
        let printed = out::json(&outcome.report.to_json());
        if args.dry_run {
            printed?;
        } else {
            out::after_creating(printed, &session.path);
        }
        return Ok(());
    }
    let mut text = summary(&outcome.report);
    let _ = if args.dry_run {
        writeln!(
            text,
            "\nDry run: nothing was changed. Run the same command without --dry-run to upgrade."
        )
    } else {
        writeln!(
            text,
            "\nSaved {}. The file as it was before is kept as {}.",
            session.path.display(),
            backup_path(&session.path).display()
        )
    };
    if args.dry_run {
        out::text(&text)?;
    } else {
        // The upgrade is saved: that is what matters, so a standard output that cannot be
        // written is said, not a failure.
        out::after_creating(out::text(&text), &session.path);
    }
    Ok(())
}

/// What moved, in words: per questionnaire, what carried, what retired and the new items.
fn summary(report: &Upgrade) -> String {
    let mut text = String::new();
    for step in &report.questionnaires {
        let _ = writeln!(text, "{}: version {} → {}", step.id, step.from, step.to);
        let _ = writeln!(text, "  Carried over: {}", step.carried.len());
        for c in &step.carried {
            let renamed = if c.from == c.to {
                String::new()
            } else {
                format!(" → {}", clip(&c.to, 44))
            };
            let _ = writeln!(text, "    {}{renamed}", clip(&c.from, 44));
            for change in &c.changes {
                let _ = writeln!(text, "      {}", clip(change, 90));
            }
        }
        let _ = writeln!(
            text,
            "  Retired (kept in the file with version {}): {}",
            step.from,
            step.retired.len()
        );
        for r in &step.retired {
            let _ = writeln!(text, "    {}: {}", clip(&r.item, 44), clip(&r.reason, 90));
        }
        let _ = writeln!(text, "  New items, unanswered: {}", step.unanswered.len());
        for item in &step.unanswered {
            let _ = writeln!(text, "    {}", clip(item, 60));
        }
    }
    text
}
