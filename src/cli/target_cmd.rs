//! `supplycheck target`: the level the board aims for, in every section or in one.

use std::fmt::Write as _;

use anyhow::{Context as _, bail};
use clap::Args;

use super::{Globals, out};
use crate::figures::{Level, level_words};
use crate::walk;

/// Arguments of `target`.
#[derive(Debug, Args)]
pub struct TargetArgs {
    /// The assessment (id or path), then optionally a section (`<questionnaire>/<section>`,
    /// or a section id only one questionnaire has), then the level: 0–3, or `none` to remove
    /// the target
    #[arg(value_name = "ARG", num_args = 2..=3, required = true)]
    pub values: Vec<String>,
}

/// `supplycheck target`.
pub fn target(g: &Globals, args: &TargetArgs) -> anyhow::Result<()> {
    let (id, section, level) = match args.values.as_slice() {
        [id, level] => (id, None, level),
        [id, section, level] => (id, Some(section), level),
        _ => bail!("give the assessment, optionally a section, and the level"),
    };
    let level = parse_level(level)?;
    let ws = g.workspace()?;
    let mut session = ws.edit(id)?;
    let used = ws.questionnaires_of(&session.assessment);
    let section = match section {
        None => None,
        Some(s) => Some(resolve_section(&used, s)?),
    };
    session.assessment.set_target(section.as_deref(), level);
    session
        .save()
        .with_context(|| format!("the target was not saved to {}", session.path.display()))?;
    let r = ws.score(&session.assessment);
    let mut text = match &section {
        None => format!(
            "Target for every section without its own: {}.\n",
            target_words(level)
        ),
        Some(s) => format!("Target for {s}: {}.\n", target_words(level)),
    };
    let shown: Vec<_> = r
        .sections
        .iter()
        .filter(|s| section.as_ref().is_none_or(|only| &s.id == only))
        .collect();
    let met = shown
        .iter()
        .filter(|s| s.meets_target == Some(true))
        .count();
    let with_target = shown.iter().filter(|s| s.target.is_some()).count();
    for s in &shown {
        if let (Some(t), Some(meets)) = (s.target, s.meets_target) {
            let _ = writeln!(
                text,
                "  {:<44} now {:<14} target {}  {}",
                super::core_cmds::clip(&format!("{} ({})", s.title, s.id), 44),
                level_words(s.figures.level),
                t,
                if meets { "met" } else { "not met" }
            );
        }
    }
    if with_target > 0 {
        let _ = writeln!(text, "{met} of {with_target} areas meet their target.");
    }
    out::after_creating(out::text(&text), &session.path);
    Ok(())
}

fn parse_level(text: &str) -> anyhow::Result<Option<u8>> {
    if text.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(l) if l <= 3 => Ok(Some(l)),
        _ => bail!(
            "\"{}\" is not a level: give 0, 1, 2 or 3 (or `none` to remove the target)",
            crate::text::sanitize_line(text)
        ),
    }
}

/// A section's full id from what was typed: `<questionnaire>/<section>`, or a section id only
/// one of the assessment's questionnaires has.
pub(super) fn resolve_section(
    used: &[&crate::questionnaire::Questionnaire],
    typed: &str,
) -> anyhow::Result<String> {
    let all: Vec<String> = walk::sections(used).map(|s| s.id()).collect();
    if all.iter().any(|id| id == typed) {
        return Ok(typed.to_string());
    }
    let matches: Vec<&String> = all
        .iter()
        .filter(|id| id.rsplit_once('/').is_some_and(|(_, s)| s == typed))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).clone()),
        [] => bail!(
            "no section \"{}\" in this assessment; its sections are: {}",
            crate::text::sanitize_line(typed),
            all.join(", ")
        ),
        many => bail!(
            "\"{}\" names a section of several questionnaires ({}); write it in full",
            crate::text::sanitize_line(typed),
            many.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn target_words(level: Option<u8>) -> String {
    level.map_or_else(
        || "none (removed)".to_string(),
        |l| Level::at_most_3(l).to_string(),
    )
}
