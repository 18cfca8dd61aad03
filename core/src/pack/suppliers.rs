//! The board pack's supplier portfolio (`report --portfolio`): the portfolio model of
//! [`crate::portfolio`] as it is, and the top risks by named supplier that page one lists.
//!
//! The rule for a top risk, in one place: a supplier of tier critical or high whose latest
//! assessment has an area below its target (a target the supplier's assessment sets, in an
//! area where something applies), or has items blocking level 1 (an area at level 0 and the
//! level-1 items that keep it there). They are listed in the portfolio's order (tier, then
//! weakest first), each with its top action — the first action of that supplier's own
//! pack plan that is not done — and the action's owner. Page one shows the first [`TOP`];
//! the portfolio section lists the rest.

use serde::Serialize;

use super::{BoardPack, TOP};
use crate::catalog::Catalog;
use crate::figures::{NONE, count, level_words, percent};
use crate::portfolio::{Folder, Portfolio, PortfolioRow};
use crate::questionnaire::Tier;

/// A critical or high supplier that worries: below target, or with items blocking level 1.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupplierRisk {
    /// The supplier's name.
    pub supplier: String,
    /// Its tier.
    pub tier: Option<Tier>,
    /// The id of the assessment the figures come from.
    pub assessment: String,
    /// Its level in words ("Level 1 · Performed").
    pub level_text: String,
    /// Its score in words ("53 %").
    pub score_text: String,
    /// The titles of the areas below their target.
    pub below_target: Vec<String>,
    /// How many items block level 1.
    pub blocking_level_one: usize,
    /// Why it is listed, in words ("2 areas below target; 3 items block level 1").
    pub why: String,
    /// The supplier's top action; `None` when its plan has no open action.
    pub top_action: Option<String>,
    /// The action's owner as people read it ("no owner yet").
    pub owner_text: String,
}

/// The portfolio section of a board pack.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioSection {
    /// The portfolio exactly as `supplycheck portfolio --json` prints it.
    pub portfolio: Portfolio,
    /// Every top risk, in the portfolio's order; page one shows the first [`TOP`].
    pub top_risks: Vec<SupplierRisk>,
}

impl PortfolioSection {
    /// The section for `portfolio`, built from `folder` against `catalog`: each row's
    /// assessment is looked up in the folder (by file and id) for its targets, blocking
    /// items and plan.
    pub fn build(catalog: &Catalog, folder: &Folder, portfolio: Portfolio) -> Self {
        let top_risks = portfolio
            .rows
            .iter()
            .filter(|r| matches!(r.tier, Some(Tier::Critical | Tier::High)))
            .filter_map(|r| risk(catalog, folder, r))
            .collect();
        PortfolioSection {
            portfolio,
            top_risks,
        }
    }

    /// The top risks page one lists: at most [`TOP`].
    pub fn on_page_one(&self) -> &[SupplierRisk] {
        &self.top_risks[..self.top_risks.len().min(TOP)]
    }

    /// The top risks beyond page one's, for the portfolio section.
    pub fn beyond_page_one(&self) -> &[SupplierRisk] {
        &self.top_risks[self.top_risks.len().min(TOP)..]
    }
}

/// The row's supplier as a top risk, or `None` when it is not one.
fn risk(catalog: &Catalog, folder: &Folder, row: &PortfolioRow) -> Option<SupplierRisk> {
    let (_, a) = folder
        .assessments
        .iter()
        .find(|(path, a)| a.id == row.assessment && path.display().to_string() == row.file)?;
    let pack = BoardPack::from_questionnaires(&catalog.for_assessment(a), a);
    let below_target: Vec<String> = pack
        .areas
        .iter()
        .filter(|x| x.meets_target == Some(false) && x.figures.level.is_some())
        .map(|x| x.title.clone())
        .collect();
    let blocking_level_one: usize = pack
        .score
        .sections
        .iter()
        .filter(|s| s.figures.level == Some(0))
        .map(|s| s.blocking.len())
        .sum();
    if below_target.is_empty() && blocking_level_one == 0 {
        return None;
    }
    let mut why = Vec::new();
    if !below_target.is_empty() {
        why.push(format!(
            "{} below target",
            count(below_target.len(), "area", "areas")
        ));
    }
    if blocking_level_one > 0 {
        why.push(format!(
            "{} {} level 1",
            count(blocking_level_one, "item", "items"),
            if blocking_level_one == 1 {
                "blocks"
            } else {
                "block"
            }
        ));
    }
    let top = pack.page_one.top.first();
    Some(SupplierRisk {
        supplier: row.supplier.clone(),
        tier: row.tier,
        assessment: row.assessment.clone(),
        level_text: level_words(row.level),
        score_text: percent(row.score),
        below_target,
        blocking_level_one,
        why: why.join("; "),
        top_action: top.map(|t| t.action.clone()),
        owner_text: top.map_or_else(|| NONE.to_string(), |t| t.owner_text.clone()),
    })
}

#[cfg(test)]
mod tests;
