//! `supplycheck questionnaires …`: list, show, validate and export questionnaires.

use std::fmt::Write as _;
use std::path::PathBuf;

use anyhow::bail;
use serde_json::json;

use super::super::{Globals, out};
use super::{QuestionnairesCommand, clip};
use crate::catalog::Catalog;
use crate::key::ItemKey;
use crate::questionnaire::{ItemKind, Questionnaire};
use crate::text::sanitize_line;

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
    crate::file::read_regular(file)
        .ok()
        .and_then(|bytes| {
            let text = crate::text::json_text(&bytes).ok()?;
            serde_json::from_str::<serde_json::Value>(text).ok()
        })
        .is_some_and(|v| v.get("$schema").is_some() && v.get("format").is_none())
}
