//! The supplier portfolio: every supplier assessment as one row — tier, services, level,
//! score, coverage, each area's level (a heat map), open actions, when it was last reviewed
//! and whether that review is stale — with the concentration of services on suppliers.
//! `supplycheck portfolio` prints it; the app and the board pack draw from the same model.
//!
//! The rules, in one place:
//! - **Rows**: one per supplier, from assessments whose subject is a supplier (organisation
//!   assessments are left out and counted). Several assessments of one supplier (the same
//!   name, ignoring case and surrounding spaces) give one row, from the most recently
//!   updated; the others are named in the row's `earlier`.
//! - **Order**: by tier, critical first and no tier last; then weakest first: level (none
//!   first), then score (none first); then by supplier name.
//! - **Open actions** ([`open_actions`]): the items that need follow-up — scored items
//!   answered below the pass mark ("Don't know" included), applicable scored items not yet
//!   answered, and any flagged item — whose answer's status is not `done`; each item once.
//! - **Stale**: the assessment's `updated` time plus its tier's review interval
//!   ([`ReviewMonths`]; no tier counts as low) is before now.
//! - **Concentration** ([`Concentration`]), worked out over every row whatever the filter:
//!   a service listed by exactly one supplier depends on that supplier alone; a *critical
//!   service* is a service listed by at least one critical supplier, and a supplier that
//!   [`CONCENTRATION_THRESHOLD`] or more critical services depend on is concentrated.
//! - **Filters** (tiers, a service) choose the rows and stale reviews shown.
//!
//! Every text in the model has been through [`crate::text::sanitize_line`].

use std::collections::{BTreeMap, BTreeSet};

use jiff::{Timestamp, ToSpan as _, tz::TimeZone};
use serde::Serialize;

use crate::assessment::Assessment;
use crate::catalog::Catalog;
use crate::questionnaire::{Questionnaire, Tier};
use crate::record::{Status, Subject};
use crate::scoring::{self, ScoreReport};
use crate::stamp;
use crate::text::sanitize_line;
use crate::walk;

mod load;
mod settings;

pub use load::{Folder, Skipped, read_folder};
pub use settings::{MAX_REVIEW_MONTHS, ReviewMonths, SETTINGS_FILE, SettingsError, parse_tier};

/// The format tag of `supplycheck portfolio --json`.
pub const PORTFOLIO_FORMAT: &str = "supplycheck.portfolio/1";

/// How many critical services must depend on a supplier for it to count as concentrated.
pub const CONCENTRATION_THRESHOLD: usize = 2;

/// What the portfolio shows and how it judges reviews.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Options {
    /// The review interval of each tier.
    pub review_months: ReviewMonths,
    /// The settings file the intervals were read from, if one was.
    pub settings_file: Option<String>,
    /// Only these tiers (all when empty).
    pub tiers: Vec<Tier>,
    /// Only suppliers that this service depends on (ignoring case).
    pub service: Option<String>,
}

/// The settings a portfolio was worked out with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Settings {
    /// The review interval of each tier, in months.
    pub review_months: ReviewMonths,
    /// The settings file the intervals were read from; `None` when none was.
    pub file: Option<String>,
    /// The moment reviews are judged against (RFC 3339).
    pub as_of: String,
    /// The threshold of [`CONCENTRATION_THRESHOLD`].
    pub concentration_threshold: usize,
}

/// The filter the rows were chosen with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Filter {
    /// Only these tiers (all when empty).
    pub tiers: Vec<Tier>,
    /// Only suppliers this service depends on.
    pub service: Option<String>,
}

/// One area (a section of a questionnaire) of a supplier's assessment: a heat-map cell.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaLevel {
    /// `<questionnaire id>/<section id>`.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// The level reached; `None` where nothing in the area applies.
    pub level: Option<u8>,
    /// The area's score.
    pub score: Option<f64>,
}

/// A heat-map column: an area some row has, in the order rows first show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaColumn {
    /// `<questionnaire id>/<section id>`.
    pub id: String,
    /// The section's title.
    pub title: String,
}

/// One supplier: its latest assessment's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioRow {
    /// The supplier's name.
    pub supplier: String,
    /// How critical the relationship is.
    pub tier: Option<Tier>,
    /// The services that depend on the supplier.
    pub services: Vec<String>,
    /// The assessment's id.
    pub assessment: String,
    /// The file it was read from.
    pub file: String,
    /// The overall level (the lowest area level).
    pub level: Option<u8>,
    /// The level's name.
    pub level_name: Option<&'static str>,
    /// The overall score (score format 2).
    pub score: Option<f64>,
    /// The known share of the applicable items.
    pub coverage: Option<f64>,
    /// Each area's level and score, in questionnaire order.
    pub areas: Vec<AreaLevel>,
    /// The follow-up actions not done ([`open_actions`]).
    pub open_actions: usize,
    /// When the assessment last changed (RFC 3339).
    pub last_reviewed: String,
    /// The review interval that applies, in months.
    pub review_months: u32,
    /// The day the next review is due (`YYYY-MM-DD`, UTC).
    pub review_due: String,
    /// The review is older than the tier's interval.
    pub stale: bool,
    /// Older assessments of the same supplier, left out (ids, newest first).
    pub earlier: Vec<String>,
    /// Newer assessments of the same supplier that are still in progress — less than half
    /// of their scored items known ([`REVIEW_DONE_SHARE`]) — so the row keeps the last review
    /// that was done (ids, newest first).
    pub in_progress: Vec<String>,
}

/// The share of a supplier assessment's scored items that must be known (answered, not
/// "don't know") for it to count as a review that was done: a review just begun does not
/// replace the last finished one, nor clear its staleness.
pub const REVIEW_DONE_SHARE: f64 = 0.5;

impl PortfolioRow {
    /// The level of area `id` in this row: `None` when the row has no such area, `Some(None)`
    /// when nothing in it applies.
    pub fn area_level(&self, id: &str) -> Option<Option<u8>> {
        self.areas.iter().find(|a| a.id == id).map(|a| a.level)
    }
}

/// A service that depends on one supplier alone.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SoleSupplier {
    /// The service.
    pub service: String,
    /// The one supplier it depends on.
    pub supplier: String,
    /// That supplier's tier.
    pub tier: Option<Tier>,
}

/// A supplier that many critical services depend on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConcentratedSupplier {
    /// The supplier.
    pub supplier: String,
    /// Its tier.
    pub tier: Option<Tier>,
    /// The critical services that depend on it.
    pub critical_services: Vec<String>,
}

/// Where services lean on few suppliers.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Concentration {
    /// Services listed by exactly one supplier, by that supplier's tier, then service.
    pub sole_suppliers: Vec<SoleSupplier>,
    /// Suppliers that [`CONCENTRATION_THRESHOLD`] or more critical services depend on, the
    /// most depended on first.
    pub concentrated: Vec<ConcentratedSupplier>,
}

/// A supplier whose review is older than its tier's interval.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaleReview {
    /// The supplier.
    pub supplier: String,
    /// Its tier.
    pub tier: Option<Tier>,
    /// When the assessment last changed (RFC 3339).
    pub last_reviewed: String,
    /// The day the review was due (`YYYY-MM-DD`).
    pub review_due: String,
}

/// What the portfolio left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LeftOut {
    /// Organisation assessments (not about one supplier).
    pub organisation_assessments: usize,
    /// Older assessments of a supplier that has a newer one.
    pub earlier_assessments: usize,
    /// Supplier rows the filter did not choose.
    pub filtered: usize,
    /// Files that could not be read or scored, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files of another supplycheck format in the folder (a board pack's JSON, a score
    /// report), left out quietly.
    pub other_files: usize,
}

/// A tier as a word ("critical"), or "–" without one.
pub fn tier_word(tier: Option<Tier>) -> &'static str {
    tier.map_or(crate::figures::NONE, Tier::as_str)
}

impl SoleSupplier {
    /// "payroll → Payroll Co (critical)".
    pub fn words(&self) -> String {
        format!(
            "{} → {} ({})",
            self.service,
            self.supplier,
            tier_word(self.tier)
        )
    }
}

impl ConcentratedSupplier {
    /// "Hosting Ltd (high): payroll, pensions".
    pub fn words(&self) -> String {
        format!(
            "{} ({}): {}",
            self.supplier,
            tier_word(self.tier),
            self.critical_services.join(", ")
        )
    }
}

impl StaleReview {
    /// "Print Shop (low): last reviewed 2024-03-05, due 2026-03-05".
    pub fn words(&self) -> String {
        format!(
            "{} ({}): last reviewed {}, due {}",
            self.supplier,
            tier_word(self.tier),
            crate::stamp::day_of(&self.last_reviewed),
            self.review_due
        )
    }
}

impl LeftOut {
    /// Each file that could not be read or was not trusted, in words: "future.json: its last
    /// change (2999-01-01 00:00) is after …". The file is named by its name alone.
    pub fn skipped_lines(&self) -> Vec<String> {
        self.skipped
            .iter()
            .map(|s| {
                let name = s.file.rsplit(['/', '\\']).next().unwrap_or(&s.file);
                format!("{}: {}", sanitize_line(name), s.reason)
            })
            .collect()
    }

    /// What was left out, counted in words, for every surface: "2 suppliers by the filter",
    /// "2 organisation assessments", "1 superseded assessment" (an older one of a supplier with a newer one).
    /// Files that could not be read are named by each surface in its own way.
    pub fn counted(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.filtered > 0 {
            notes.push(format!(
                "{} by the filter",
                crate::figures::count(self.filtered, "supplier", "suppliers")
            ));
        }
        if self.organisation_assessments > 0 {
            notes.push(crate::figures::count(
                self.organisation_assessments,
                "organisation assessment",
                "organisation assessments",
            ));
        }
        if self.earlier_assessments > 0 {
            notes.push(crate::figures::count(
                self.earlier_assessments,
                "superseded assessment",
                "superseded assessments",
            ));
        }
        notes
    }
}

/// The portfolio (`supplycheck.portfolio/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Portfolio {
    /// Always [`PORTFOLIO_FORMAT`].
    pub format: &'static str,
    /// The settings used.
    pub settings: Settings,
    /// The filter used.
    pub filter: Filter,
    /// The heat map's columns: every area of the rows shown.
    pub areas: Vec<AreaColumn>,
    /// One row per supplier, in the portfolio's order.
    pub rows: Vec<PortfolioRow>,
    /// The stale reviews among the rows, in the rows' order.
    pub stale: Vec<StaleReview>,
    /// Concentration over every supplier, whatever the filter.
    pub concentration: Concentration,
    /// What was left out.
    pub left_out: LeftOut,
}

/// The follow-up actions of an assessment that are not done: scored items answered below
/// the pass mark ("Don't know" included), applicable scored items not yet answered, and any
/// flagged item, whose answer's `status` is not `done`. Each item counts once.
pub fn open_actions(questionnaires: &[&Questionnaire], a: &Assessment, r: &ScoreReport) -> usize {
    let needs: BTreeSet<&str> = r
        .gaps
        .iter()
        .map(|g| g.item.as_str())
        .chain(r.not_assessed.iter().map(String::as_str))
        .collect();
    walk::items(questionnaires)
        .filter(|p| {
            let key = p.key.to_string();
            let answer = a.answer(&key);
            let follow_up = needs.contains(key.as_str()) || answer.is_some_and(|x| x.flag);
            // An item that does not apply to this supplier (N/A by rule) asks for nothing,
            // whatever its kept answer says.
            follow_up
                && answer.and_then(|x| x.status) != Some(Status::Done)
                && crate::applies::applies(p.questionnaire, p.item, a)
        })
        .count()
}

/// The key supplier and service names are grouped by: one Unicode spelling (NFKC), without
/// invisible characters (zero-width spaces, joiners, direction marks, soft hyphens),
/// trimmed, ignoring case — so "Café Ltd" typed two ways, or "Pay\u{200b}roll", is one.
fn name_key(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let invisible = |c: &char| {
        matches!(
            *c,
            '\u{00ad}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{2069}'
                | '\u{feff}'
        )
    };
    name.nfkc()
        .filter(|c| !invisible(c))
        .collect::<String>()
        .trim()
        .to_lowercase()
}

/// Tier order: critical first, no tier last.
fn tier_rank(tier: Option<Tier>) -> usize {
    tier.map_or(Tier::ALL.len(), |t| t as usize)
}

/// A supplier assessment found in the input.
struct Candidate<'a> {
    file: String,
    assessment: &'a Assessment,
    name: &'a str,
    tier: Option<Tier>,
    services: &'a [String],
}

impl Portfolio {
    /// Works out the portfolio of `folder`'s assessments against `catalog`, judging reviews
    /// as of `now`. An assessment whose questionnaires are not in the catalog is left out
    /// and listed as skipped.
    pub fn build(catalog: &Catalog, folder: &Folder, options: &Options, now: Timestamp) -> Self {
        let mut left_out = LeftOut {
            skipped: folder.skipped.clone(),
            other_files: folder.other_files,
            ..LeftOut::default()
        };
        let mut all = supplier_rows(catalog, folder, &options.review_months, now, &mut left_out);
        all.sort_by(|x, y| {
            tier_rank(x.tier)
                .cmp(&tier_rank(y.tier))
                .then(x.level.cmp(&y.level))
                .then_with(|| match (x.score, y.score) {
                    (Some(a), Some(b)) => a.total_cmp(&b),
                    (a, b) => a.is_some().cmp(&b.is_some()),
                })
                .then_with(|| name_key(&x.supplier).cmp(&name_key(&y.supplier)))
                .then_with(|| x.assessment.cmp(&y.assessment))
        });
        let concentration = concentration(&all);
        let everything = Portfolio {
            format: PORTFOLIO_FORMAT,
            settings: Settings {
                review_months: options.review_months,
                file: options.settings_file.clone(),
                as_of: stamp::stored(&now),
                concentration_threshold: CONCENTRATION_THRESHOLD,
            },
            filter: Filter {
                tiers: Vec::new(),
                service: None,
            },
            areas: Vec::new(),
            rows: all,
            stale: Vec::new(),
            concentration,
            left_out,
        };
        everything.filtered(&options.tiers, options.service.as_deref())
    }

    /// The portfolio showing only the rows of these tiers (all when empty) that this
    /// service depends on (ignoring case): the heat map's columns, the stale reviews and the
    /// count of rows left out follow; no figure is worked out again and the concentration,
    /// which is over every supplier, stays. The filter applies to the rows this portfolio
    /// holds, so build it without a filter to filter it more than once.
    #[must_use]
    pub fn filtered(&self, tiers: &[Tier], service: Option<&str>) -> Self {
        let key = service.map(name_key);
        let (rows, filtered): (Vec<&PortfolioRow>, Vec<&PortfolioRow>) =
            self.rows.iter().partition(|r| {
                (tiers.is_empty() || r.tier.is_some_and(|t| tiers.contains(&t)))
                    && key
                        .as_ref()
                        .is_none_or(|s| r.services.iter().any(|x| name_key(x) == *s))
            });
        let mut areas: Vec<AreaColumn> = Vec::new();
        for area in rows.iter().flat_map(|r| &r.areas) {
            if !areas.iter().any(|c| c.id == area.id) {
                areas.push(AreaColumn {
                    id: area.id.clone(),
                    title: area.title.clone(),
                });
            }
        }
        let stale = rows
            .iter()
            .filter(|r| r.stale)
            .map(|r| StaleReview {
                supplier: r.supplier.clone(),
                tier: r.tier,
                last_reviewed: r.last_reviewed.clone(),
                review_due: r.review_due.clone(),
            })
            .collect();
        let mut left_out = self.left_out.clone();
        left_out.filtered += filtered.len();
        Portfolio {
            format: PORTFOLIO_FORMAT,
            settings: self.settings.clone(),
            filter: Filter {
                tiers: tiers.to_vec(),
                service: service.map(sanitize_line),
            },
            areas,
            rows: rows.into_iter().cloned().collect(),
            stale,
            concentration: self.concentration.clone(),
            left_out,
        }
    }

    /// The portfolio as pretty JSON (`supplycheck portfolio --json`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// One row per supplier (unsorted): the latest assessment of each, the others named in it.
fn supplier_rows(
    catalog: &Catalog,
    folder: &Folder,
    review: &ReviewMonths,
    now: Timestamp,
    left_out: &mut LeftOut,
) -> Vec<PortfolioRow> {
    let mut latest: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    // A clock a little ahead on a colleague's laptop is forgiven; a review dated later than
    // that would hide a stale one, so it is named instead of trusted.
    let latest_credible = now
        .checked_add(jiff::SignedDuration::from_hours(24))
        .unwrap_or(now);
    // Two files with one id (a copy in a shared folder): of those dated credibly, the one
    // changed last is read, and the others named.
    let mut ids: BTreeMap<&str, (&std::path::Path, Timestamp)> = BTreeMap::new();
    for (path, a) in &folder.assessments {
        let newer = ids.get(a.id.as_str()).is_none_or(|(_, t)| a.updated > *t);
        if a.updated <= latest_credible && newer {
            ids.insert(&a.id, (path, a.updated));
        }
    }
    for (path, a) in &folder.assessments {
        if a.updated > latest_credible {
            left_out.skipped.push(Skipped {
                file: path.display().to_string(),
                reason: format!(
                    "its last change ({}) is after {}: check the clock of the computer \
                     that wrote it",
                    crate::stamp::minute(&a.updated),
                    crate::stamp::minute(&now)
                ),
            });
            continue;
        }
        if let Some((kept, _)) = ids.get(a.id.as_str())
            && *kept != path.as_path()
        {
            left_out.skipped.push(Skipped {
                file: path.display().to_string(),
                reason: format!(
                    "it has the same id \"{}\" as {}, which changed later and is read: a \
                     copy? keep one of the two",
                    a.id,
                    kept.display()
                ),
            });
            continue;
        }
        let Some(Subject::Supplier {
            name,
            tier,
            services,
        }) = &a.subject
        else {
            left_out.organisation_assessments += 1;
            continue;
        };
        if let Some(missing) = a
            .questionnaires
            .iter()
            .find(|r| catalog.for_ref(r).is_none())
        {
            left_out.skipped.push(Skipped {
                file: path.display().to_string(),
                reason: format!(
                    "it uses the questionnaire \"{}\" version {}, which is not available; \
                         load it with --questionnaire-file",
                    missing.id,
                    sanitize_line(&missing.version)
                ),
            });
            continue;
        }
        let candidate = Candidate {
            file: path.display().to_string(),
            assessment: a,
            name,
            tier: *tier,
            services,
        };
        latest.entry(name_key(name)).or_default().push(candidate);
    }
    latest
        .into_values()
        .map(|mut all| {
            all.sort_by(|x, y| {
                (y.assessment.updated, &y.assessment.id)
                    .cmp(&(x.assessment.updated, &x.assessment.id))
            });
            // With one assessment there is nothing to choose between (and nothing to score
            // twice); with more, the newest that was done, scored until it is found.
            let best = if all.len() == 1 {
                0
            } else {
                all.iter()
                    .position(|c| review_done(catalog, c.assessment))
                    .unwrap_or(0)
            };
            let in_progress: Vec<&Assessment> = all[..best].iter().map(|c| c.assessment).collect();
            let earlier: Vec<&Assessment> = all[best + 1..].iter().map(|c| c.assessment).collect();
            left_out.earlier_assessments += earlier.len() + in_progress.len();
            let mut row = row(catalog, &all[best], &earlier, review, now);
            row.in_progress = in_progress.iter().map(|a| a.id.clone()).collect();
            row
        })
        .collect()
}

/// Whether assessment `a` is a review that was done: at least [`REVIEW_DONE_SHARE`] of its
/// scored items known.
fn review_done(catalog: &Catalog, a: &Assessment) -> bool {
    let qs = catalog.for_assessment(a);
    scoring::score(&qs, a)
        .overall
        .coverage
        .is_some_and(|c| c >= REVIEW_DONE_SHARE)
}

/// The day a review made at `updated` is due after `months`; `None` past the calendar's end.
fn review_due(updated: Timestamp, months: u32) -> Option<Timestamp> {
    updated
        .to_zoned(TimeZone::UTC)
        .checked_add(i64::from(months).months())
        .ok()
        .map(|z| z.timestamp())
}

fn row(
    catalog: &Catalog,
    c: &Candidate,
    earlier: &[&Assessment],
    review: &ReviewMonths,
    now: Timestamp,
) -> PortfolioRow {
    let a = c.assessment;
    let qs = catalog.for_assessment(a);
    let r = scoring::score(&qs, a);
    let months = review.of(c.tier);
    let due = review_due(a.updated, months);
    PortfolioRow {
        supplier: sanitize_line(c.name.trim()),
        tier: c.tier,
        services: c.services.iter().map(|s| sanitize_line(s.trim())).collect(),
        assessment: a.id.clone(),
        file: c.file.clone(),
        level: r.overall.level,
        level_name: r.overall.level_name,
        score: r.overall.score,
        coverage: r.overall.coverage,
        areas: r
            .sections
            .iter()
            .map(|s| AreaLevel {
                id: s.id.clone(),
                title: sanitize_line(&s.title),
                level: s.figures.level,
                score: s.figures.score,
            })
            .collect(),
        open_actions: open_actions(&qs, a, &r),
        last_reviewed: stamp::stored(&a.updated),
        review_months: months,
        review_due: due.map_or_else(|| "never".to_string(), |d| stamp::date(&d)),
        stale: due.is_some_and(|d| d < now),
        earlier: earlier.iter().map(|e| e.id.clone()).collect(),
        in_progress: Vec::new(),
    }
}

/// The concentration of services on suppliers, over every row.
fn concentration(rows: &[PortfolioRow]) -> Concentration {
    // Service key → (shown name, the rows listing it).
    let mut services: BTreeMap<String, (String, Vec<&PortfolioRow>)> = BTreeMap::new();
    for r in rows {
        let mut seen = BTreeSet::new();
        for s in &r.services {
            let key = name_key(s);
            if key.is_empty() || !seen.insert(key.clone()) {
                continue;
            }
            services
                .entry(key)
                .or_insert_with(|| (s.clone(), Vec::new()))
                .1
                .push(r);
        }
    }
    let mut sole_suppliers: Vec<SoleSupplier> = services
        .values()
        .filter(|(_, rs)| rs.len() == 1)
        .map(|(service, rs)| SoleSupplier {
            service: service.clone(),
            supplier: rs[0].supplier.clone(),
            tier: rs[0].tier,
        })
        .collect();
    sole_suppliers.sort_by(|x, y| {
        tier_rank(x.tier)
            .cmp(&tier_rank(y.tier))
            .then_with(|| name_key(&x.service).cmp(&name_key(&y.service)))
    });
    let critical: Vec<&(String, Vec<&PortfolioRow>)> = services
        .values()
        .filter(|(_, rs)| rs.iter().any(|r| r.tier == Some(Tier::Critical)))
        .collect();
    let mut concentrated: Vec<ConcentratedSupplier> = rows
        .iter()
        .filter_map(|r| {
            let critical_services: Vec<String> = critical
                .iter()
                .filter(|(_, rs)| rs.iter().any(|x| std::ptr::eq(*x, r)))
                .map(|(s, _)| s.clone())
                .collect();
            (critical_services.len() >= CONCENTRATION_THRESHOLD).then(|| ConcentratedSupplier {
                supplier: r.supplier.clone(),
                tier: r.tier,
                critical_services,
            })
        })
        .collect();
    concentrated.sort_by(|x, y| {
        y.critical_services
            .len()
            .cmp(&x.critical_services.len())
            .then(tier_rank(x.tier).cmp(&tier_rank(y.tier)))
            .then_with(|| name_key(&x.supplier).cmp(&name_key(&y.supplier)))
    });
    Concentration {
        sole_suppliers,
        concentrated,
    }
}

#[cfg(test)]
mod tests;
