//! The core commands: new, list, answer, score, questionnaires, completions.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::{Args, CommandFactory, Subcommand};
use serde_json::json;

use super::{Globals, interactive, out};
use crate::assessment::{apply_value, resolve_item};
use crate::catalog::Catalog;
use crate::key::ItemKey;
use crate::pack::level_text;
use crate::questionnaire::{ItemKind, Questionnaire};
use crate::roles;
use crate::stamp;
use crate::text::sanitize_line;

// A score with one decimal, as `score`, the workshop commands and plain mode print it.
pub(super) use crate::plain::percent;

/// Arguments of `new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// A name people recognise, e.g. "Acme 2026 Q4 supplier workshop"
    #[arg(long)]
    pub name: Option<String>,
    /// The organisation assessed
    #[arg(long)]
    pub org: Option<String>,
    /// Who gives these answers (for merging several respondents later)
    #[arg(long)]
    pub respondent: Option<String>,
    /// A questionnaire to use (repeatable) [default: every built-in]
    #[arg(long = "questionnaire", value_name = "ID")]
    pub questionnaires: Vec<String>,
}

/// Arguments of `list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON for scripts
    #[arg(long)]
    pub json: bool,
    /// List the deleted assessments instead (they can be brought back with `restore`)
    #[arg(long)]
    pub deleted: bool,
}

/// Arguments of `restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The deleted assessment's name as `list --deleted` shows it, or the id it had (the
    /// most recently deleted one of that id)
    pub name: String,
}

/// Arguments of `answer`.
#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
    /// The item: `<questionnaire>/<item>`, or an item id only one questionnaire has
    pub item: String,
    /// An option key, `na`, ticked check ids separated by commas ("" for none), or text
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    /// A note on the answer
    #[arg(long)]
    pub note: Option<String>,
    /// The role that owns the follow-up (see `--help` for the roles)
    #[arg(long, long_help = owner_help())]
    pub owner: Option<String>,
    /// Flag the item for follow-up
    #[arg(long, conflicts_with = "unflag")]
    pub flag: bool,
    /// Clear the follow-up flag
    #[arg(long)]
    pub unflag: bool,
    /// For a checklist: the checks that do not apply, separated by commas
    #[arg(long, value_name = "IDS")]
    pub na_checks: Option<String>,
}

fn owner_help() -> String {
    format!(
        "The role that owns the follow-up: one of {} (the roles of the CFCS appendix on roles \
         and responsibilities)",
        roles::role_ids()
    )
}

/// Arguments of `score`.
#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// The assessment's id, or the path of its file
    #[arg(value_name = "ID|PATH")]
    pub assessment: String,
    /// Print the score report as JSON (format supplycheck.score/1)
    #[arg(long)]
    pub json: bool,
}

/// `questionnaires` subcommands.
#[derive(Debug, Subcommand)]
pub enum QuestionnairesCommand {
    /// List the questionnaires available
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Show a questionnaire's sections and items
    Show {
        /// The questionnaire's id
        id: String,
        /// Print the questionnaire file (format supplycheck.questionnaire/1)
        #[arg(long)]
        json: bool,
    },
    /// Check questionnaire files and report every problem
    Validate {
        /// The files to check
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Arguments of `completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    pub shell: clap_complete::Shell,
}

/// `supplycheck new`.
pub fn new(g: &Globals, args: &NewArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let missing = args.name.is_none()
        || args.org.is_none()
        || args.respondent.is_none()
        || args.questionnaires.is_empty();
    let ask = interactive() && missing;
    let (name, org, respondent, questionnaires) = if ask {
        ask_new(&ws.catalog, args)?
    } else {
        (
            args.name
                .clone()
                .unwrap_or_else(|| format!("Supplier assessment {}", stamp::date(&stamp::now()))),
            args.org.clone().unwrap_or_default(),
            args.respondent.clone(),
            args.questionnaires.clone(),
        )
    };
    let (path, a) = ws.create(&name, &org, respondent, &questionnaires)?;
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
    let name: String = match &args.name {
        Some(n) => n.clone(),
        None => Input::new()
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
        let entries = catalog.entries();
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
        let defaults: Vec<bool> = entries
            .iter()
            .map(|e| e.origin == crate::questionnaire::Origin::BuiltIn)
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

/// `supplycheck list`.
pub fn list(g: &Globals, args: &ListArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    if args.deleted {
        return list_deleted(&ws, args.json);
    }
    let listed = ws.store.list()?;
    if args.json {
        let rows: Vec<serde_json::Value> = listed
            .iter()
            .map(|l| match &l.assessment {
                Ok(a) => {
                    let r = ws.score(a);
                    json!({
                        "id": a.id,
                        "name": a.name,
                        "organisation": a.organisation,
                        "respondent": a.respondent,
                        "path": l.path,
                        "created": stamp::stored(&a.created),
                        "updated": stamp::stored(&a.updated),
                        "answered": r.overall.answered,
                        "total": r.overall.total,
                        "score": r.overall.score,
                        "level": r.overall.level,
                        "level_name": r.overall.level_name,
                    })
                }
                Err(e) => json!({ "path": l.path, "error": e }),
            })
            .collect();
        out::json(&serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    if listed.is_empty() {
        out::text(&format!(
            "No assessments in {} yet. Create one with `supplycheck new --name NAME`.\n",
            ws.store.assessments_dir().display()
        ))?;
        return Ok(());
    }
    let mut out = format!(
        "{:<28} {:<30} {:<20} {:<17} {:>9}  {}\n",
        "ID", "NAME", "ORGANISATION", "UPDATED", "ANSWERED", "LEVEL"
    );
    for l in &listed {
        match &l.assessment {
            Ok(a) => {
                let r = ws.score(a);
                let _ = writeln!(
                    out,
                    "{:<28} {:<30} {:<20} {:<17} {:>9}  {}",
                    clip(&a.id, 28),
                    clip(&a.name, 30),
                    clip(&a.organisation, 20),
                    stamp::minute(&a.updated),
                    format!("{}/{}", r.overall.answered, r.overall.total),
                    level_text(&r.overall)
                );
            }
            Err(e) => {
                let _ = writeln!(
                    out,
                    "{}  (cannot be read: {})",
                    l.path.display(),
                    crate::text::one_line(first_line(e))
                );
            }
        }
    }
    out::text(&out)?;
    Ok(())
}

/// `supplycheck list --deleted`.
fn list_deleted(ws: &crate::workspace::Workspace, json: bool) -> anyhow::Result<()> {
    let deleted = ws.store.list_deleted()?;
    if json {
        let rows: Vec<serde_json::Value> = deleted
            .iter()
            .map(|d| {
                let mut row = json!({
                    "name": d.name,
                    "id": d.id,
                    "deleted": d.deleted,
                    "path": d.path,
                    "backup": d.has_backup,
                });
                match &d.assessment {
                    Ok(a) => {
                        row["assessment_name"] = json!(a.name);
                        row["organisation"] = json!(a.organisation);
                        row["updated"] = json!(stamp::stored(&a.updated));
                    }
                    Err(e) => row["error"] = json!(e),
                }
                row
            })
            .collect();
        out::json(&serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    if deleted.is_empty() {
        out::text(&format!(
            "No deleted assessments in {}.\n",
            ws.store.deleted_dir().display()
        ))?;
        return Ok(());
    }
    let mut out = format!(
        "{:<40} {:<24} {:<30} {}\n",
        "NAME (to restore)", "ID", "ASSESSMENT", "DELETED"
    );
    for d in &deleted {
        let title = match &d.assessment {
            Ok(a) => clip(&a.name, 30),
            Err(e) => format!("(cannot be read: {})", clip(first_line(e), 60)),
        };
        let _ = writeln!(
            out,
            "{:<40} {:<24} {:<30} {}",
            sanitize_line(&d.name),
            clip(&d.id, 24),
            title,
            d.deleted.replace('T', " ").trim_end_matches('Z')
        );
    }
    let _ = writeln!(
        out,
        "\nBring one back with `supplycheck restore NAME` (or the id, for the latest)."
    );
    out::text(&out)?;
    Ok(())
}

/// `supplycheck restore`.
pub fn restore(g: &Globals, args: &RestoreArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let (path, deleted) = ws.store.restore(&args.name)?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    out::text(&format!("{id}\n"))?;
    out::note(&format!("Restored {} as {}.", deleted.name, path.display()));
    Ok(())
}

pub(super) fn clip(s: &str, width: usize) -> String {
    let s = sanitize_line(s);
    if s.chars().count() <= width {
        s
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

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

/// `supplycheck score`.
pub fn score(g: &Globals, args: &ScoreArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let (_, a) = super::load_reporting(&ws, &args.assessment)?;
    let r = ws.score(&a);
    if args.json {
        out::json(&r.to_json())?;
        return Ok(());
    }
    let mut out = String::new();
    let _ = writeln!(out, "{} ({})", sanitize_line(&a.name), a.id);
    let _ = writeln!(
        out,
        "Overall: level {}, score {}, {} of {} scored items answered\n",
        level_text(&r.overall),
        percent(r.overall.score),
        r.overall.answered,
        r.overall.total
    );
    let _ = writeln!(
        out,
        "{:<44} {:<14} {:>8} {:>9}",
        "SECTION", "LEVEL", "SCORE", "ANSWERED"
    );
    for s in &r.sections {
        let _ = writeln!(
            out,
            "{:<44} {:<14} {:>8} {:>9}",
            clip(&format!("{} ({})", s.title, s.id), 44),
            level_text(&s.figures),
            percent(s.figures.score),
            format!("{}/{}", s.figures.answered, s.figures.total)
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
                "  L{} {:<40} {:>5.2}  {}",
                gap.level,
                clip(&gap.item, 40),
                gap.value,
                prompt
            );
        }
    }
    let _ = writeln!(out, "\nNot yet assessed: {} scored item(s)", r.not_assessed);
    out::text(&out)?;
    Ok(())
}

/// `supplycheck questionnaires …`.
pub fn questionnaires(g: &Globals, cmd: &QuestionnairesCommand) -> anyhow::Result<()> {
    match cmd {
        QuestionnairesCommand::List { json } => {
            let ws = g.workspace()?;
            if *json {
                let rows: Vec<serde_json::Value> = ws
                    .catalog
                    .entries()
                    .iter()
                    .map(|e| {
                        let q = &e.questionnaire;
                        json!({
                            "id": q.id,
                            "version": q.version,
                            "title": q.title,
                            "sections": q.sections.len(),
                            "items": q.item_count(),
                            "scored": q.scored_count(),
                            "origin": e.origin.to_string(),
                        })
                    })
                    .collect();
                out::json(&serde_json::to_string_pretty(&rows)?)?;
            } else {
                let mut table = format!(
                    "{:<20} {:<8} {:>6} {:>7}  {:<40} FROM\n",
                    "ID", "VERSION", "ITEMS", "SCORED", "TITLE"
                );
                for e in ws.catalog.entries() {
                    let q = &e.questionnaire;
                    let _ = writeln!(
                        table,
                        "{:<20} {:<8} {:>6} {:>7}  {:<40} {}",
                        clip(&q.id, 20),
                        clip(&q.version, 8),
                        q.item_count(),
                        q.scored_count(),
                        clip(&q.title, 40),
                        sanitize_line(&e.origin.to_string())
                    );
                }
                out::text(&table)?;
            }
            Ok(())
        }
        QuestionnairesCommand::Show { id, json } => {
            let ws = g.workspace()?;
            let Some(q) = ws.catalog.get(id) else {
                bail!(
                    "no questionnaire \"{}\"; available: {}",
                    sanitize_line(id),
                    ws.catalog
                        .entries()
                        .iter()
                        .map(|e| e.questionnaire.id.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            };
            if *json {
                out::json(&q.to_json())?;
            } else {
                out::text(&show_text(q))?;
            }
            Ok(())
        }
        QuestionnairesCommand::Validate { files } => validate(g, files),
    }
}

fn show_text(q: &Questionnaire) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} — {}",
        q.id,
        sanitize_line(&q.version),
        sanitize_line(&q.title)
    );
    if !q.source.is_empty() {
        let _ = writeln!(out, "Source: {}", sanitize_line(&q.source));
    }
    let _ = writeln!(out, "Pass mark: {}", q.pass_mark);
    for s in &q.sections {
        let _ = writeln!(out, "\n{} ({})", sanitize_line(&s.title), s.id);
        for i in &s.items {
            let what = match i.kind {
                ItemKind::Text => "text".to_string(),
                ItemKind::Choice => format!(
                    "choice L{} w{} [{}]",
                    i.level(),
                    i.weight(),
                    q.options(i)
                        .iter()
                        .map(|o| o.key.as_str())
                        .collect::<Vec<_>>()
                        .join("|")
                ),
                ItemKind::Checklist => format!(
                    "checklist L{} w{} ({} checks)",
                    i.level(),
                    i.weight(),
                    i.checks.len()
                ),
            };
            let _ = writeln!(out, "  {}  {what}", ItemKey::new(&q.id, &i.id));
            let _ = writeln!(out, "      {}", sanitize_line(&i.prompt));
            for c in &i.checks {
                let _ = writeln!(out, "        - {}: {}", c.id, sanitize_line(&c.text));
            }
        }
    }
    out
}

/// `questionnaires validate`: each file is checked as loading it would treat it — its
/// contents, its id and version as a file name, and against the built-ins, the data
/// directory's questionnaires and the files given before it.
fn validate(g: &Globals, files: &[PathBuf]) -> anyhow::Result<()> {
    let built_in = Catalog::built_in();
    // The data directory's questionnaires, when there is a data directory; its own
    // problems are not this command's subject.
    let known = crate::store::Store::locate(g.data_dir.clone())
        .ok()
        .and_then(|store| Catalog::load(Some(&store.questionnaires_dir()), &[]).ok())
        .unwrap_or_default();
    let mut given: Vec<(PathBuf, Questionnaire)> = Vec::new();
    let mut failed = 0;
    for file in files {
        if is_json_schema(file) {
            out::text(&format!(
                "{}: skipped — a JSON Schema, not a questionnaire\n",
                file.display()
            ))?;
            continue;
        }
        match Questionnaire::load_file(file) {
            Ok((q, warnings)) => match how_loading_treats(&q, &built_in, &known, &given) {
                Ok(note) => {
                    out::text(&format!(
                        "{}: ok — {} {} ({} sections, {} items, {} scored){}{note}\n",
                        file.display(),
                        sanitize_line(&q.id),
                        sanitize_line(&q.version),
                        q.sections.len(),
                        q.item_count(),
                        q.scored_count(),
                        if warnings.is_empty() {
                            String::new()
                        } else {
                            format!(", {} warning(s)", warnings.len())
                        }
                    ))?;
                    for w in warnings {
                        out::text(&format!("  {w}\n"))?;
                    }
                    given.push((file.clone(), q));
                }
                Err(problem) => {
                    failed += 1;
                    out::note(&format!("{}: {problem}", file.display()));
                }
            },
            Err(e) => {
                failed += 1;
                out::note(&e.to_string());
            }
        }
    }
    if failed > 0 {
        bail!("{failed} of {} file(s) did not validate", files.len());
    }
    Ok(())
}

/// What loading a valid questionnaire would do with it: `Ok` with a note to add to the
/// "ok" line, or `Err` saying why it would be left out or refused.
fn how_loading_treats(
    q: &Questionnaire,
    built_in: &Catalog,
    known: &Catalog,
    given: &[(PathBuf, Questionnaire)],
) -> Result<String, String> {
    if let Some(message) = crate::catalog::file_name_problem(q) {
        return Err(message);
    }
    if let Some(b) = built_in.get(&q.id) {
        if b == q {
            return Ok(format!(", identical to the built-in {}", q.id));
        }
        return Err(format!(
            "\"{}\" is the id of a built-in questionnaire, and this file differs from it, so \
             loading would ignore it: give your questionnaire an id of its own.\n  What \
             differs from the built-in:\n{}",
            q.id,
            crate::catalog::render_differences(&crate::catalog::differences(b, q))
        ));
    }
    let earlier = known
        .version(&q.id, &q.version)
        .map(|e| (e.origin.to_string(), &e.questionnaire))
        .or_else(|| {
            given
                .iter()
                .find(|(_, g)| g.id == q.id && g.version == q.version)
                .map(|(f, g)| (f.display().to_string(), g))
        });
    match earlier {
        Some((_, other)) if other == q => Ok(String::new()),
        Some((place, other)) => Err(format!(
            "version {} of \"{}\" is already in {}, with other content, so loading would be \
             refused: give this file a new version in its \"version\" field.\n  What differs:\n{}",
            sanitize_line(&q.version),
            q.id,
            sanitize_line(&place),
            crate::catalog::render_differences(&crate::catalog::differences(other, q))
        )),
        None => Ok(String::new()),
    }
}

/// Whether a file is a JSON Schema (such as the ones published beside the built-ins), which
/// `validate` skips rather than reporting as a broken questionnaire.
fn is_json_schema(file: &std::path::Path) -> bool {
    std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
        .is_some_and(|v| v.get("$schema").is_some() && v.get("format").is_none())
}

/// `supplycheck completions SHELL`.
pub fn completions(args: &CompletionsArgs) -> anyhow::Result<()> {
    let mut cmd = super::Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "supplycheck", &mut script);
    out::bytes(&script)?;
    Ok(())
}
