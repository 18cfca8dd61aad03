//! `supplycheck score`: the maturity figures of an assessment.

use std::fmt::Write as _;

use super::super::{Globals, out};
use super::{ScoreArgs, clip, percent};
use crate::figures::{Counted, answered, answered_of, level_short};
use crate::key::ItemKey;
use crate::pack::level_text;
use crate::text::sanitize_line;

/// `supplycheck score`.
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
    let _ = writeln!(
        out,
        "Overall: level {}, score {}, {}\n",
        level_text(&r.overall),
        percent(r.overall.score),
        answered(r.overall.answered, r.overall.total, Counted::ScoredItems)
    );
    let _ = writeln!(
        out,
        "{:<44} {:<14} {:>8} {:>15}",
        "SECTION", "LEVEL", "SCORE", "SCORED ANSWERED"
    );
    for s in &r.sections {
        let _ = writeln!(
            out,
            "{:<44} {:<14} {:>8} {:>15}",
            clip(&format!("{} ({})", s.title, s.id), 44),
            level_text(&s.figures),
            percent(s.figures.score),
            answered_of(s.figures.answered, s.figures.total)
        );
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
    let _ = writeln!(out, "\nNot yet assessed: {} scored item(s)", r.not_assessed);
    out::text(&out)?;
    Ok(())
}
