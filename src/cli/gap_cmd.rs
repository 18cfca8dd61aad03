//! `supplycheck gap`: the perception gap between the respondent groups of a merged
//! assessment.

use std::fmt::Write as _;

use clap::Args;

use super::core_cmds::clip;
use super::{Globals, out};
use crate::figures::{NONE, level_short, percent};
use crate::gap::{self, GapReport, GroupScore};
use crate::text::sanitize_line;

/// Up to how many items the text output lists.
const LISTED: usize = 10;

/// Arguments of `gap`.
#[derive(Debug, Args)]
pub struct GapArgs {
    /// The merged assessment (id or path)
    #[arg(value_name = "MERGED")]
    pub assessment: String,
    /// Print the gap as JSON (format supplycheck.gap/1)
    #[arg(long)]
    pub json: bool,
}

/// `supplycheck gap`.
pub fn gap(g: &Globals, args: &GapArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let (path, a) = super::load_reporting(&ws, &args.assessment)?;
    let r = gap::gap(&ws.questionnaires_of(&a), &a)
        .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    if args.json {
        out::json(&r.to_json())?;
        return Ok(());
    }
    out::text(&text(&r, &sanitize_line(&a.name)))?;
    Ok(())
}

/// One group's figures in a column: "94 % L3".
fn cell(s: &GroupScore) -> String {
    if s.score.is_none() && s.level.is_none() {
        return NONE.to_string();
    }
    format!("{} {}", percent(s.score), level_short(s.level))
}

/// The compared group's score against the others' mean, in points of the shown figures.
fn points(r: &GapReport, scores: &[GroupScore]) -> String {
    r.shown_difference(scores).signed()
}

fn text(r: &GapReport, name: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Perception gap: {name} ({})", r.assessment);
    let groups: Vec<String> = r
        .groups
        .iter()
        .map(crate::gap::Group::with_members)
        .collect();
    let _ = writeln!(out, "Groups: {}", groups.join("; "));
    let against: Vec<&str> = r.against.iter().map(|g| r.label(g)).collect();
    let _ = writeln!(
        out,
        "Compared: {} against {}{}\n",
        r.label(&r.compared),
        against.join(", "),
        if against.len() > 1 {
            " (their mean)"
        } else {
            ""
        }
    );
    let _ = write!(out, "{:<40}", "AREA");
    for g in &r.groups {
        let _ = write!(out, " {:<16}", clip(&g.label, 16));
    }
    let _ = writeln!(out, " GAP");
    let mut row = |title: &str, scores: &[GroupScore]| {
        let _ = write!(out, "{:<40}", clip(title, 40));
        for s in scores {
            let _ = write!(out, " {:<16}", cell(s));
        }
        let _ = writeln!(out, " {}", points(r, scores));
    };
    row("Overall", &r.overall);
    for area in &r.areas {
        row(&format!("{} ({})", area.title, area.id), &area.groups);
    }
    if r.items.is_empty() {
        let _ = writeln!(
            out,
            "\nNo item where {} answered above {}.",
            r.label(&r.compared),
            against.join(", ")
        );
        return out;
    }
    let _ = writeln!(
        out,
        "\nWhere {} answered highest above {} (widest first):",
        r.label(&r.compared),
        against.join(", ")
    );
    for item in r.items.iter().take(LISTED) {
        let _ = writeln!(
            out,
            "  {:<44} {:>10}\n      {}",
            clip(&item.item, 44),
            r.item_difference(item).in_points(),
            clip(&item.prompt, 90)
        );
        let answers: Vec<String> = item
            .answers
            .iter()
            .map(|a| {
                let answer = if a.answer.is_empty() {
                    "no answer"
                } else {
                    &a.answer
                };
                format!("{} ({}): {}", a.respondent, a.group, clip(answer, 40))
            })
            .collect();
        let _ = writeln!(out, "      {}", answers.join(" · "));
    }
    if r.items.len() > LISTED {
        let _ = writeln!(
            out,
            "  and {} more (--json lists them all)",
            r.items.len() - LISTED
        );
    }
    out
}
