//! `supplycheck score`: the maturity figures of an assessment.

use std::fmt::Write as _;

use super::super::{Globals, out};
use super::{ScoreArgs, clip, percent};
use crate::figures::{BY_RULE, answered_counts, level_short, score_line};
use crate::key::ItemKey;
use crate::text::sanitize_line;

/// Up to how many unanswered items the text output names.
const LISTED: usize = 10;

/// `supplycheck score`.
#[allow(clippy::too_many_lines)] // one report, read top to bottom
pub fn score(g: &Globals, args: &ScoreArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let (_, a) = super::super::load_reporting(&ws, &args.assessment)?;
    let r = ws.score(&a);
    if args.json {
        out::json(&r.to_json())?;
        return Ok(());
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", sanitize_line(&a.name), a.id);
    if a.subject.is_some() {
        let _ = writeln!(out, "Subject: {}", crate::figures::subject_words(&a));
    }
    let _ = writeln!(out, "Overall: {}", score_line(&r.overall));
    let _ = writeln!(
        out,
        "  {} · {} N/A{}; {} of {} scored items apply; score of the answered items alone {}\n",
        answered_counts(&r.overall),
        r.overall.na,
        if r.overall.na_by_rule == 0 {
            String::new()
        } else {
            format!(" · {} {BY_RULE}", r.overall.na_by_rule)
        },
        r.overall.applicable,
        r.overall.total,
        percent(r.overall.answered_score)
    );
    let _ = writeln!(
        out,
        "{:<40} {:<29} {:<24} TARGET",
        "SECTION", "LEVEL · SCORE · KNOWN", "ANSWERED"
    );
    for s in &r.sections {
        let target = s.target.map_or_else(String::new, |t| {
            let met = if s.meets_target == Some(true) {
                "met"
            } else {
                "not met"
            };
            format!("{} ({met})", level_short(Some(t)))
        });
        let row = format!(
            "{:<40} {:<29} {:<24} {}",
            clip(&format!("{} ({})", s.title, s.id), 40),
            score_line(&s.figures),
            answered_counts(&s.figures),
            target
        );
        let _ = writeln!(out, "{}", row.trim_end());
        if !s.blocking.is_empty() {
            let _ = writeln!(out, "  next level blocked by: {}", s.blocking.join(", "));
        }
    }
    if !r.gaps.is_empty() {
        let _ = writeln!(out, "\nWeakest links (answered below the pass mark):");
        let used = ws.questionnaires_of(&a);
        for gap in &r.gaps {
            let prompt = ItemKey::parse(&gap.item)
                .ok()
                .and_then(|key| {
                    let q = used.iter().find(|q| q.id == key.questionnaire())?;
                    q.item(key.item())
                })
                .map(|(_, i)| clip(&i.prompt, 60))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} {:<40} {:>5}  {}",
                level_short(Some(gap.level)),
                clip(&gap.item, 40),
                percent(Some(gap.value)),
                prompt
            );
        }
    }
    let _ = writeln!(
        out,
        "\nNot yet assessed: {} scored item(s){}",
        r.not_assessed.len(),
        match r.not_assessed.len() {
            0 => String::new(),
            n if n <= LISTED => format!(": {}", r.not_assessed.join(", ")),
            n => format!(
                ": {} and {} more (--json lists them all)",
                r.not_assessed[..LISTED].join(", "),
                n - LISTED
            ),
        }
    );
    let parked = a.parked();
    if !parked.is_empty() {
        let _ = writeln!(
            out,
            "Parked (left for later in the workshop): {}: {}",
            crate::figures::count(parked.len(), "item", "items"),
            parked.join(", ")
        );
    }
    let disputed = a.disputes().len();
    if disputed > 0 {
        let _ = writeln!(
            out,
            "Disputed (the respondents disagree, not yet settled): {}",
            crate::figures::count(disputed, "item", "items")
        );
    }
    out::text(&out)?;
    Ok(())
}
