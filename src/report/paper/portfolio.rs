//! The supplier portfolio in the paper (`report --portfolio`): the top risks by supplier on
//! page one, and after the board part a section of its own — every supplier with its areas
//! as a heat map of level digits, the top risks page one had no room for, concentration and
//! stale reviews. Every figure comes from the model through [`crate::figures`].

use super::{Block, Table, plain, sentence, strong};
use crate::figures::{NONE, count, level_digit, level_words, percent};
use crate::pack::{BoardPack, SupplierRisk};
use crate::portfolio::Portfolio;

fn risks_table(risks: &[SupplierRisk]) -> Block {
    Block::Table(Table {
        header: ["Supplier", "Tier", "Level", "Why", "Top action", "Owner"]
            .map(String::from)
            .to_vec(),
        rows: risks
            .iter()
            .map(|r| {
                vec![
                    r.supplier.clone(),
                    crate::portfolio::tier_word(r.tier).to_string(),
                    r.level_text.clone(),
                    r.why.clone(),
                    r.top_action.clone().unwrap_or_else(|| NONE.to_string()),
                    r.owner_text.clone(),
                ]
            })
            .collect(),
        marked: None,
    })
}

/// Page one's top risks by supplier, when the pack has a portfolio.
pub(super) fn top_risks(out: &mut Vec<Block>, pack: &BoardPack) {
    let Some(section) = &pack.later.portfolio else {
        return;
    };
    out.push(Block::Heading(2, "Top risks by supplier".into()));
    let shown = section.on_page_one();
    if shown.is_empty() {
        out.push(Block::Para(vec![plain(
            "No critical or high supplier is below its target or has items blocking level 1.",
        )]));
        return;
    }
    out.push(risks_table(shown));
    let more = section.beyond_page_one().len();
    if more > 0 {
        out.push(Block::Para(vec![plain(format!(
            "{} more under Supplier portfolio.",
            count(more, "supplier", "suppliers")
        ))]));
    }
}

/// The portfolio section, after the board part, when the pack has a portfolio.
pub(super) fn section(out: &mut Vec<Block>, pack: &BoardPack) {
    let Some(section) = &pack.later.portfolio else {
        return;
    };
    let p = &section.portfolio;
    out.push(Block::PageBreak);
    out.push(Block::Heading(2, "Supplier portfolio".into()));
    out.push(Block::Para(vec![plain(sentence(&format!(
        "{} as of {}, by tier then weakest first; each area's level as a digit (– where \
         nothing in it applies)",
        count(p.rows.len(), "supplier", "suppliers"),
        crate::stamp::day_of(&p.settings.as_of)
    )))]));
    if !p.rows.is_empty() {
        out.push(Block::Table(rows_table(p)));
    }
    if !section.beyond_page_one().is_empty() {
        out.push(Block::Heading(3, "More top risks".into()));
        out.push(risks_table(section.beyond_page_one()));
    }
    concentration(out, p);
    stale(out, p);
    left_out(out, p);
}

/// What the portfolio left out: counted, and each file that could not be read or was not
/// trusted, with why.
fn left_out(out: &mut Vec<Block>, p: &Portfolio) {
    let counted = p.left_out.counted();
    let files = p.left_out.skipped_lines();
    if counted.is_empty() && files.is_empty() {
        return;
    }
    out.push(Block::Heading(3, "Left out".into()));
    if !counted.is_empty() {
        out.push(Block::Para(vec![plain(format!("{}.", counted.join("; ")))]));
    }
    if !files.is_empty() {
        out.push(Block::Bullets(
            files.into_iter().map(|f| vec![plain(f)]).collect(),
        ));
    }
}

/// Every supplier row: tier, services, level, score and known, each area's level, open
/// actions and the last review.
fn rows_table(p: &Portfolio) -> Table {
    let mut header: Vec<String> = ["Supplier", "Tier", "Services", "Level", "Score", "Known"]
        .map(String::from)
        .to_vec();
    header.extend(p.areas.iter().map(|a| a.title.clone()));
    header.extend(["Open actions", "Last reviewed"].map(String::from));
    let rows = p
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                r.supplier.clone(),
                crate::portfolio::tier_word(r.tier).to_string(),
                r.services.join(", "),
                level_words(r.level),
                percent(r.score),
                percent(r.coverage),
            ];
            row.extend(
                p.areas
                    .iter()
                    .map(|a| r.area_level(&a.id).map_or_else(String::new, level_digit)),
            );
            row.push(r.open_actions.to_string());
            row.push(if r.stale {
                format!(
                    "{} (stale, due {})",
                    crate::stamp::day_of(&r.last_reviewed),
                    r.review_due
                )
            } else {
                crate::stamp::day_of(&r.last_reviewed)
            });
            row
        })
        .collect();
    Table {
        header,
        rows,
        marked: None,
    }
}

fn concentration(out: &mut Vec<Block>, p: &Portfolio) {
    let c = &p.concentration;
    out.push(Block::Heading(3, "Concentration".into()));
    if c.sole_suppliers.is_empty() {
        out.push(Block::Para(vec![plain(
            "No service depends on one supplier alone.",
        )]));
    } else {
        out.push(Block::Para(vec![strong(
            "Services that depend on one supplier:",
        )]));
        out.push(Block::Bullets(
            c.sole_suppliers
                .iter()
                .map(|s| vec![plain(s.words())])
                .collect(),
        ));
    }
    let threshold = p.settings.concentration_threshold;
    if c.concentrated.is_empty() {
        out.push(Block::Para(vec![plain(format!(
            "No supplier has {threshold} or more critical services depending on it."
        ))]));
    } else {
        out.push(Block::Para(vec![strong(format!(
            "Suppliers that {threshold} or more critical services depend on:"
        ))]));
        out.push(Block::Bullets(
            c.concentrated
                .iter()
                .map(|s| vec![plain(s.words())])
                .collect(),
        ));
    }
}

fn stale(out: &mut Vec<Block>, p: &Portfolio) {
    let m = &p.settings.review_months;
    out.push(Block::Heading(3, "Stale reviews".into()));
    out.push(Block::Para(vec![plain(format!(
        "Reviews are due every {} months for critical suppliers, {} for high, {} for medium \
         and {} for low.",
        m.critical, m.high, m.medium, m.low
    ))]));
    if p.stale.is_empty() {
        out.push(Block::Para(vec![plain("No review is stale.")]));
        return;
    }
    out.push(Block::Bullets(
        p.stale.iter().map(|s| vec![plain(s.words())]).collect(),
    ));
}
