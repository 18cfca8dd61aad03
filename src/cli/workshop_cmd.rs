//! `supplycheck compare` and `merge`: year on year, and several respondents.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Args;

use super::core_cmds::clip;
use super::{Globals, out};
use crate::compare::{self, Change, ItemChange};
use crate::merge::{self, Input};
use crate::pack::{display_time, percent};
use crate::questionnaire::is_valid_id;
use crate::report::since;
use crate::store;
use crate::text::sanitize_line;
use crate::workspace::Workspace;

/// Arguments of `compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// The earlier assessment (id or path)
    #[arg(value_name = "A")]
    pub a: String,
    /// The later assessment (id or path), compared against A
    #[arg(value_name = "B")]
    pub b: String,
    /// Print the comparison as JSON (format supplycheck.compare/1)
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// The respondents' assessments (ids or paths), two or more in all
    #[arg(value_name = "ASSESSMENT", required_unless_present = "from")]
    pub inputs: Vec<String>,
    /// Merge every assessment file (`*.json`) in this folder too
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// Where to write the merged assessment: an id in the data directory, or a file path
    /// (containing `/` or ending in `.json`) [default: a new assessment in the data
    /// directory, with a fresh id that is printed]
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<String>,
    /// The merged assessment's name [default: "Merged: " and the respondents]
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// Merge the questionnaires the assessments share, even if their sets or versions differ
    #[arg(long)]
    pub force: bool,
    /// Print the summary as JSON
    #[arg(long)]
    pub json: bool,
}

/// `supplycheck compare`.
pub fn compare(g: &Globals, args: &CompareArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let (_, before) = super::load_reporting(&ws, &args.a)?;
    let (_, after) = super::load_reporting(&ws, &args.b)?;
    let c = compare::compare(
        &ws.questionnaires_of(&before),
        &before,
        &ws.questionnaires_of(&after),
        &after,
    );
    if args.json {
        out::json(&c.to_json())?;
        return Ok(());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Before: {} ({}, last changed {})\nAfter:  {} ({}, last changed {})\n",
        c.before.name,
        c.before.id,
        display_time(&c.before.updated),
        c.after.name,
        c.after.id,
        display_time(&c.after.updated)
    );
    let _ = writeln!(
        out,
        "{:<46} {:<9} {:<17} {:<17} CHANGE",
        "", "LEVEL", "SCORE", "KNOWN"
    );
    let _ = writeln!(out, "{}", change_row("Overall", &c.overall));
    if let Some(cause) = since::cause_sentence(&c.overall) {
        let _ = writeln!(out, "  {cause}");
    }
    let _ = writeln!(out);
    for s in &c.sections {
        let _ = writeln!(out, "{}", change_row(&s.title, &s.change));
    }
    for (title, items) in [
        ("Improved", &c.improved),
        ("Slipped", &c.slipped),
        ("Newly answered", &c.newly_answered),
        ("No longer answered", &c.no_longer_answered),
    ] {
        let _ = writeln!(out, "\n{title}: {}", items.len());
        for i in items {
            let _ = writeln!(out, "{}", item_row(i));
        }
    }
    for (title, items) in [
        ("Only in the earlier version (A)", &c.only_before),
        ("Only in the later version (B)", &c.only_after),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title}: {}", items.len());
        for i in items {
            let answer = if i.answer.is_empty() {
                "unanswered".to_string()
            } else {
                clip(&i.answer, 28)
            };
            let _ = writeln!(
                out,
                "  {:<44} {} ({})\n      {}",
                clip(&i.item, 44),
                answer,
                i.version,
                clip(&i.prompt, 90)
            );
        }
    }
    out::text(&out)?;
    Ok(())
}

fn change_row(title: &str, c: &Change) -> String {
    format!(
        "{:<46} {:<9} {:<17} {:<17} {}",
        clip(title, 46),
        since::level_move(c),
        since::score_move(c),
        format!(
            "{} → {}",
            percent(c.coverage_before),
            percent(c.coverage_after)
        ),
        since::change_text(c)
    )
}

fn item_row(i: &ItemChange) -> String {
    let shown = |s: &str| {
        if s.is_empty() {
            "unanswered".to_string()
        } else {
            clip(s, 28)
        }
    };
    format!(
        "  {:<44} {} → {}\n      {}",
        clip(&i.item, 44),
        shown(&i.answer_before),
        shown(&i.answer_after),
        clip(&i.prompt, 90)
    )
}

/// The summary `merge --json` prints.
#[derive(serde::Serialize)]
struct MergeReport<'m> {
    format: &'static str,
    id: &'m str,
    output: String,
    #[serde(flatten)]
    merged: &'m merge::Merged,
}

/// `supplycheck merge`.
pub fn merge(g: &Globals, args: &MergeArgs) -> anyhow::Result<()> {
    let name = args
        .name
        .as_deref()
        .map(crate::assessment::check_name)
        .transpose()
        .map_err(|e| anyhow::anyhow!("--name: {e}"))?;
    let ws = g.workspace()?;
    let out_path = args
        .output
        .as_deref()
        .map(|o| output_path(&ws, o))
        .transpose()?;
    let mut given = args.inputs.clone();
    if let Some(dir) = &args.from {
        given.extend(folder_inputs(dir)?);
    }
    let mut loaded = Vec::new();
    for input in &given {
        let (path, a) = super::load_reporting(&ws, input)?;
        if let Some(out_path) = &out_path
            && same_file(&path, out_path)
        {
            anyhow::bail!(
                "{} is one of the assessments to merge; write the merged assessment \
                 somewhere else with -o",
                out_path.display()
            );
        }
        loaded.push((source_name(&ws, input, &path), a));
    }
    if let Some(out_path) = &out_path {
        ws.store.check_new_assessment(out_path)?;
    }
    let inputs: Vec<Input<'_>> = loaded
        .iter()
        .map(|(source, a)| Input {
            source,
            assessment: a,
        })
        .collect();
    let id = out_path.as_ref().map_or_else(
        || "merged".into(),
        |p| {
            p.file_stem()
                .map_or_else(|| "merged".into(), |s| store::slug(&s.to_string_lossy()))
        },
    );
    let mut merged = merge::merge(&inputs, &ws.catalog, id, args.force)?;
    if let Some(name) = name {
        merged.assessment.name = name;
    }
    let out_path = if let Some(p) = out_path {
        write_to(&ws, &p, &merged.assessment)?;
        p
    } else {
        let (p, a) = ws
            .store
            .create_new(&merged.assessment.name, merged.assessment.clone())
            .with_context(|| {
                format!(
                    "the merged assessment was not written to {}",
                    ws.store.assessments_dir().display()
                )
            })?;
        merged.assessment = a;
        p
    };
    if args.json {
        let report = MergeReport {
            format: "supplycheck.merge/1",
            id: &merged.assessment.id,
            output: out_path.display().to_string(),
            merged: &merged,
        };
        out::after_creating(
            out::json(&serde_json::to_string_pretty(&report)?),
            &out_path,
        );
        return Ok(());
    }
    let open_as = if out_path == ws.store.path_of(&merged.assessment.id) {
        merged.assessment.id.clone()
    } else {
        out_path.display().to_string()
    };
    out::after_creating(
        out::text(&merge_summary(&merged, &out_path, &open_as)),
        &out_path,
    );
    Ok(())
}

/// Writes the merged assessment to `-o`'s file, claiming the name atomically: of two merges
/// to the same name, one is refused.
fn write_to(
    ws: &Workspace,
    out_path: &Path,
    a: &crate::assessment::Assessment,
) -> anyhow::Result<()> {
    if out_path.parent() == Some(ws.store.assessments_dir().as_path()) {
        ws.store.ensure_dirs()?;
    }
    match store::create(out_path, a) {
        Ok(()) => Ok(()),
        Err(store::StoreError::Exists { .. }) => anyhow::bail!(
            "{} already exists and is left as it is; choose another name with -o, or remove \
             it first",
            out_path.display()
        ),
        Err(e) => Err(e).with_context(|| {
            format!(
                "the merged assessment was not written to {}; check that its folder exists \
                 and can be written to",
                out_path.display()
            )
        }),
    }
}

/// The assessment files of `--from DIR`, in name order, read by the portfolio's rules: a
/// data directory through its `assessments` folder, supplycheck's other files (a board
/// pack's JSON, `portfolio.json`) left out. A file that cannot be read stops the merge: a
/// respondent is never left out without a word.
fn folder_inputs(dir: &Path) -> anyhow::Result<Vec<String>> {
    if !dir.is_dir() {
        anyhow::bail!(
            "--from {}: no such folder; give the folder that holds the respondents' \
             assessment files",
            dir.display()
        );
    }
    let folder = crate::portfolio::read_folder(dir)?;
    if let Some(bad) = folder.skipped.first() {
        anyhow::bail!(
            "--from {}: {} cannot be read as an assessment: {}\n  Move it out of the folder \
             (or repair it) and merge again.",
            dir.display(),
            bad.file,
            bad.reason
        );
    }
    if folder.assessments.is_empty() {
        anyhow::bail!(
            "--from {}: the folder holds no assessment files (*.json)",
            dir.display()
        );
    }
    Ok(folder
        .assessments
        .into_iter()
        .map(|(p, _)| p.display().to_string())
        .collect())
}

/// Where `-o OUT` points: a path when it looks like one, else an id in the data directory.
fn output_path(ws: &Workspace, out: &str) -> anyhow::Result<PathBuf> {
    let p = Path::new(out);
    if out.contains('/')
        || out.contains(std::path::MAIN_SEPARATOR)
        || p.extension().is_some_and(|e| e == "json")
    {
        return Ok(p.to_path_buf());
    }
    if !is_valid_id(out) {
        anyhow::bail!(
            "\"{}\" is neither a file path nor a usable id; give an id of lower-case letters, \
             digits and '-' (e.g. acme-2026-workshop), or a path ending in .json",
            sanitize_line(out)
        );
    }
    Ok(ws.store.path_of(out))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// How an input is named in messages: its id when it is in the data directory, else its
/// file name.
fn source_name(ws: &Workspace, given: &str, path: &Path) -> String {
    if path == ws.store.path_of(given) {
        given.to_string()
    } else {
        path.file_name()
            .map_or_else(|| given.to_string(), |n| n.to_string_lossy().into_owned())
    }
}

fn merge_summary(m: &merge::Merged, out_path: &Path, open_as: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Merged {} assessments ({}) into {} (id {}).",
        m.respondents.len(),
        m.respondents.join(", "),
        out_path.display(),
        m.assessment.id
    );
    for l in &m.left_out {
        let _ = writeln!(
            out,
            "Left out {}: {} ({} answers not merged).",
            sanitize_line(&l.questionnaire),
            l.reason,
            l.answers
        );
    }
    let _ = writeln!(out, "Agreed: {} items", m.agreed);
    let _ = writeln!(out, "Disagreements: {}", m.disagreements.len());
    for d in &m.disagreements {
        let _ = writeln!(
            out,
            "  {:<44} spread {}\n      {}",
            clip(&d.item, 44),
            crate::figures::spread(d.spread),
            clip(&d.prompt, 90)
        );
        for a in &d.answers {
            let answer = if a.answer.is_empty() {
                "–"
            } else {
                &a.answer
            };
            let _ = writeln!(
                out,
                "      {}: {}",
                clip(&a.respondent, 24),
                clip(answer, 60)
            );
        }
    }
    if !m.disagreements.is_empty() {
        let _ = writeln!(
            out,
            "\nSettle them in the app: `supplycheck open {open_as}`, then D lists the \
             disagreements."
        );
    }
    out
}
