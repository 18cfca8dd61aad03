//! `supplycheck list` (and `--deleted`) and `supplycheck restore`.

use std::fmt::Write as _;

use serde_json::json;

use super::super::{Globals, out};
use super::{ListArgs, RestoreArgs, clip};
use crate::stamp;
use crate::text::sanitize_line;

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
                        "subject": a.subject,
                        "respondent": a.respondent,
                        "path": l.path,
                        "created": stamp::stored(&a.created),
                        "updated": stamp::stored(&a.updated),
                        "answered": r.overall.answered,
                        "total": r.overall.total,
                        "score": r.overall.score,
                        "level": r.overall.level,
                        "level_name": r.overall.level_name,
                        "parked": a.parked().len(),
                        "disputed": a.disputes().len(),
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
        "{:<28} {:<30} {:<30} {:<17} {:<28}  {}\n",
        "ID", "NAME", "ORGANISATION OR SUPPLIER", "UPDATED", "LEVEL · SCORE · KNOWN", "ANSWERED"
    );
    for l in &listed {
        match &l.assessment {
            Ok(a) => {
                let r = ws.score(a);
                let row = format!(
                    "{:<28} {:<30} {:<30} {:<17} {:<28}  {}{}",
                    clip(&a.id, 28),
                    clip(&a.name, 30),
                    clip(&crate::figures::subject_words(a), 30),
                    stamp::minute(&a.updated),
                    crate::figures::score_line(&r.overall),
                    crate::figures::answered_counts(&r.overall),
                    workshop_counts(a)
                );
                let _ = writeln!(out, "{}", row.trim_end());
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

/// What a workshop left open, for the ANSWERED column: " · 2 parked · 3 disputed", or
/// nothing.
pub(super) fn workshop_counts(a: &crate::assessment::Assessment) -> String {
    let mut out = String::new();
    for (n, what) in [
        (a.parked().len(), "parked"),
        (a.disputes().len(), "disputed"),
    ] {
        if n > 0 {
            let _ = write!(out, " · {n} {what}");
        }
    }
    out
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
    out::after_creating(out::text(&format!("{id}\n")), &path);
    out::note(&format!("Restored {} as {}.", deleted.name, path.display()));
    Ok(())
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}
