//! `supplycheck plan`: show or set the session plan (the sections each session covers, in
//! order, with their time boxes).

use std::fmt::Write as _;

use anyhow::Context as _;
use clap::Args;

use super::{Globals, out};
use crate::assessment::Assessment;
use crate::figures::minutes_words;
use crate::plan::{self, parse_time_box};
use crate::questionnaire::Questionnaire;
use crate::record::{Session, TimeBox};
use crate::text::sanitize_line;
use crate::walk;

/// Arguments of `plan`.
#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The assessment (id or path)
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
    /// The session to set (replaced when the plan has one of that name, else added)
    #[arg(long, value_name = "NAME", requires = "sections")]
    pub session: Option<String>,
    /// A section the session covers and its time box in minutes, in the order taken
    /// (repeatable): `<questionnaire>/<section>=MINUTES`, or a section id only one
    /// questionnaire has
    #[arg(long = "section", value_name = "SECTION=MINUTES")]
    pub sections: Vec<String>,
    /// Remove the whole plan
    #[arg(long, conflicts_with_all = ["session", "sections"])]
    pub clear: bool,
}

/// `supplycheck plan`.
pub fn plan(g: &Globals, args: &PlanArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if !args.clear && args.sections.is_empty() {
        let (_, a) = super::load_reporting(&ws, &args.assessment)?;
        out::text(&shown(&a, &ws.questionnaires_of(&a)))?;
        return Ok(());
    }
    let mut session = ws.edit(&args.assessment)?;
    let used = ws.questionnaires_of(&session.assessment);
    if args.clear {
        session.assessment.plan.clear();
    } else {
        let name = match args.session.as_deref().map(str::trim) {
            Some("") => anyhow::bail!("--session is empty; give the session a name"),
            Some(n) if n.chars().any(char::is_control) => {
                anyhow::bail!("--session holds control characters; give plain text")
            }
            Some(n) if n.chars().count() > crate::assessment::MAX_NAME_CHARS => anyhow::bail!(
                "--session is {} characters long; give a name of at most {}",
                n.chars().count(),
                crate::assessment::MAX_NAME_CHARS
            ),
            other => other.map(str::to_string),
        };
        let mut sections: Vec<TimeBox> = Vec::new();
        for typed in &args.sections {
            let (section, minutes) =
                parse_time_box(typed).map_err(|e| anyhow::anyhow!("--section {e}"))?;
            let section = super::target_cmd::resolve_section(&used, &section)?;
            if sections.iter().any(|tb| tb.section == section) {
                anyhow::bail!("--section names {section} twice; plan each section once");
            }
            sections.push(TimeBox { section, minutes });
        }
        plan::set_session(&mut session.assessment.plan, Session { name, sections });
    }
    session
        .save()
        .with_context(|| format!("the plan was not saved to {}", session.path.display()))?;
    let text = shown(&session.assessment, &used);
    out::after_creating(out::text(&text), &session.path);
    Ok(())
}

/// The plan in words: each session with its sections, time boxes and total.
fn shown(a: &Assessment, used: &[&Questionnaire]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "Session plan of {} ({})", sanitize_line(&a.name), a.id);
    if a.plan.is_empty() {
        let _ = writeln!(
            out,
            "No plan yet. Set one with `supplycheck plan {} --session NAME --section \
             SECTION=MINUTES …`.",
            a.id
        );
        return out;
    }
    let titles: Vec<(String, String)> = walk::sections(used)
        .map(|s| (s.id(), sanitize_line(&s.section.title)))
        .collect();
    for (n, s) in a.plan.iter().enumerate() {
        let total = plan::total(s).as_secs() / 60;
        let _ = writeln!(
            out,
            "\nSession {}: {} in {}",
            plan::session_label(s, n),
            crate::figures::count(s.sections.len(), "section", "sections"),
            minutes_words(total)
        );
        let mut start = 0u64;
        for (k, tb) in s.sections.iter().enumerate() {
            let title = titles
                .iter()
                .find(|(id, _)| *id == tb.section)
                .map_or("(not in this assessment)", |(_, t)| t.as_str());
            let _ = writeln!(
                out,
                "  {:>2}. {:<48} {:>10}  from {}",
                k + 1,
                super::core_cmds::clip(&format!("{title} ({})", sanitize_line(&tb.section)), 48),
                minutes_words(u64::from(tb.minutes)),
                minutes_words(start)
            );
            start += u64::from(tb.minutes);
        }
    }
    for p in plan::problems(&a.plan, used) {
        let _ = writeln!(out, "Warning: {p}");
    }
    out
}
