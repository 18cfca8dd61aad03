//! `supplycheck portfolio`: every supplier assessment as one row, with concentration and
//! stale reviews.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use clap::Args;

use super::{Globals, out};
use crate::figures::{count, level_short, level_words, pad, percent};
use crate::portfolio::{
    Folder, Options, Portfolio, PortfolioRow, ReviewMonths, SETTINGS_FILE, parse_tier, read_folder,
};
use crate::questionnaire::Tier;
use crate::stamp;
use crate::workspace::Workspace;

/// Arguments of `portfolio`.
#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Print the portfolio as JSON (format supplycheck.portfolio/1)
    #[arg(long)]
    pub json: bool,
    /// Read the assessments from this folder (a shared folder, a git checkout, or another
    /// data directory) instead of the data directory
    #[arg(long, value_name = "DIR")]
    pub from: Option<PathBuf>,
    /// Only suppliers of this tier (repeatable): critical, high, medium or low
    #[arg(long = "tier", value_name = "TIER", value_parser = parse_tier)]
    pub tiers: Vec<Tier>,
    /// Only suppliers this service depends on (ignoring case)
    #[arg(long, value_name = "SERVICE")]
    pub service: Option<String>,
    /// The review interval of a tier in months, e.g. critical=6 (repeatable; overrides the
    /// data directory's portfolio.json)
    #[arg(long = "review-months", value_name = "TIER=N")]
    pub review_months: Vec<String>,
    /// Judge reviews as of this day (YYYY-MM-DD, start of the day in UTC) [default: now]
    #[arg(long, value_name = "DAY")]
    pub as_of: Option<String>,
}

/// `supplycheck portfolio`.
pub fn portfolio(g: &Globals, args: &PortfolioArgs) -> anyhow::Result<()> {
    let ws = g.workspace()?;
    let (_, p) = gather(
        &ws,
        args.from.as_deref(),
        args.as_of.as_deref(),
        &args.review_months,
        &args.tiers,
        args.service.as_deref(),
    )?;
    if args.json {
        out::json(&p.to_json()).context("the portfolio was not printed")?;
        return Ok(());
    }
    out::text(&text(&p))?;
    Ok(())
}

/// The moment of `--as-of DAY` (the start of the day in UTC), or now.
pub(super) fn as_of(day: Option<&str>) -> anyhow::Result<jiff::Timestamp> {
    match day {
        None => Ok(stamp::now()),
        Some(day) => stamp::parse_day(day)
            .and_then(|d| {
                d.to_zoned(jiff::tz::TimeZone::UTC)
                    .map(|z| z.timestamp())
                    .map_err(|e| e.to_string())
            })
            .map_err(|e| anyhow::anyhow!("--as-of: {e}")),
    }
}

/// Reads the assessments of `from` (else the data directory) and works out the portfolio
/// as of `as_of` with the data directory's review intervals, overridden by `review_months`
/// (`TIER=N`); the files that could not be read are warned about.
pub(super) fn gather(
    ws: &Workspace,
    from: Option<&Path>,
    as_of_day: Option<&str>,
    review: &[String],
    tiers: &[Tier],
    service: Option<&str>,
) -> anyhow::Result<(Folder, Portfolio)> {
    let now = as_of(as_of_day)?;
    let mut review_months = ReviewMonths::default();
    let settings_path = ws.store.root().join(SETTINGS_FILE);
    let settings_file = review_months
        .read_file(&settings_path)?
        .then(|| settings_path.display().to_string());
    for given in review {
        review_months.apply_option(given)?;
    }
    let folder = if let Some(dir) = from {
        read_folder(dir)?
    } else {
        let dir = ws.store.assessments_dir();
        if dir.is_dir() {
            read_folder(&dir)?
        } else {
            Folder::default()
        }
    };
    let options = Options {
        review_months,
        settings_file,
        tiers: tiers.to_vec(),
        service: service.map(str::to_string),
    };
    let p = Portfolio::build(&ws.catalog, &folder, &options, now);
    for s in &p.left_out.skipped {
        out::warning(&format!("skipped {}: {}", s.file, s.reason));
    }
    Ok((folder, p))
}

/// " none" after a heading whose list is empty.
fn none_if(empty: bool) -> &'static str {
    if empty { " none" } else { "" }
}

fn row_lines(out: &mut String, r: &PortfolioRow) {
    let reviewed = if r.stale {
        format!(
            "{} stale, due {}",
            crate::stamp::day_of(&r.last_reviewed),
            r.review_due
        )
    } else {
        crate::stamp::day_of(&r.last_reviewed)
    };
    let line = format!(
        "{} {} {} {:>5} {:>6} {:>5}  {}",
        pad(&r.supplier, 24),
        pad(crate::portfolio::tier_word(r.tier), 9),
        pad(&level_words(r.level), 12),
        percent(r.score),
        percent(r.coverage),
        r.open_actions,
        reviewed
    );
    let _ = writeln!(out, "{}", line.trim_end());
    let mut details = Vec::new();
    if !r.services.is_empty() {
        details.push(format!("services: {}", r.services.join(", ")));
    }
    if !r.areas.is_empty() {
        let areas: Vec<String> = r
            .areas
            .iter()
            .map(|a| format!("{} {}", a.title, level_short(a.level)))
            .collect();
        details.push(format!("areas: {}", areas.join(", ")));
    }
    if !r.earlier.is_empty() {
        details.push(format!(
            "latest of {} assessments (earlier: {})",
            r.earlier.len() + 1,
            r.earlier.join(", ")
        ));
    }
    if !r.in_progress.is_empty() {
        details.push(format!(
            "review in progress, not counted until half is known: {}",
            r.in_progress.join(", ")
        ));
    }
    if !details.is_empty() {
        let _ = writeln!(out, "  {}", details.join(" · "));
    }
}

/// The portfolio as a text table and lists.
fn text(p: &Portfolio) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Supplier portfolio: {}, as of {}",
        count(p.rows.len(), "supplier", "suppliers"),
        crate::stamp::day_of(&p.settings.as_of)
    );
    let mut chosen = Vec::new();
    if !p.filter.tiers.is_empty() {
        let tiers: Vec<&str> = p.filter.tiers.iter().map(|t| t.as_str()).collect();
        chosen.push(format!("tier {}", tiers.join(" or ")));
    }
    if let Some(s) = &p.filter.service {
        chosen.push(format!("service {s}"));
    }
    if !chosen.is_empty() {
        let _ = writeln!(
            out,
            "Only {} ({} left out)",
            chosen.join(", "),
            count(p.left_out.filtered, "supplier", "suppliers")
        );
    }
    if p.rows.is_empty() {
        let _ = writeln!(
            out,
            "\nNo supplier assessments. Create one with `supplycheck new --supplier NAME --tier \
             TIER`, or read another folder with --from DIR."
        );
    } else {
        let _ = writeln!(
            out,
            "\n{} {} {} {:>5} {:>6} {:>5}  LAST REVIEWED",
            pad("SUPPLIER", 24),
            pad("TIER", 9),
            pad("LEVEL", 12),
            "SCORE",
            "KNOWN",
            "OPEN"
        );
        for r in &p.rows {
            row_lines(&mut out, r);
        }
    }
    let m = &p.settings.review_months;
    let _ = writeln!(
        out,
        "\nStale reviews (review every {} months for critical suppliers, {} high, {} medium, \
         {} low):{}",
        m.critical,
        m.high,
        m.medium,
        m.low,
        none_if(p.stale.is_empty())
    );
    for s in &p.stale {
        let _ = writeln!(out, "  {}", s.words());
    }
    concentration_lines(&mut out, p);
    let left = &p.left_out;
    let mut notes = left.counted();
    if !left.skipped.is_empty() {
        notes.push(format!(
            "{} that could not be read (see the warnings)",
            count(left.skipped.len(), "file", "files")
        ));
    }
    if !notes.is_empty() {
        let _ = writeln!(out, "\nLeft out: {}.", notes.join("; "));
    }
    out
}

fn concentration_lines(out: &mut String, p: &Portfolio) {
    let c = &p.concentration;
    let _ = writeln!(
        out,
        "\nServices that depend on one supplier:{}",
        none_if(c.sole_suppliers.is_empty())
    );
    for s in &c.sole_suppliers {
        let _ = writeln!(out, "  {}", s.words());
    }
    let _ = writeln!(
        out,
        "Suppliers that {} or more critical services depend on:{}",
        p.settings.concentration_threshold,
        none_if(c.concentrated.is_empty())
    );
    for s in &c.concentrated {
        let _ = writeln!(out, "  {}", s.words());
    }
}
