//! The supplier portfolio in the HTML pack (`report --portfolio`): the top risks by supplier
//! on page one, and after the board part a section of its own — every supplier as a row of
//! a heat map (the level digit in each cell and a lightness step per level, so it reads in
//! greyscale; the table scrolls sideways on a narrow screen), the top risks page one had no
//! room for, concentration and stale reviews. Every figure comes from the model through
//! [`crate::figures`].

use maud::{Markup, html};

use super::{Text, level_class, pct};
use crate::figures::{NONE, count, level_digit, level_words};
use crate::pack::{BoardPack, SupplierRisk};
use crate::portfolio::{Portfolio, PortfolioRow};

/// The style sheet's additions for a pack with a portfolio; left out otherwise.
pub(super) const STYLE: &str = include_str!("portfolio.css");

fn risks_table(risks: &[SupplierRisk]) -> Markup {
    html! {
        table class="data risks" {
            "\n"
            colgroup { col class="c-sup"; col class="c-why"; col; col class="c-owner"; }
            "\n"
            thead { tr { th { "Supplier" } th { "Why" } th { "Top action" } th { "Owner" } } }
            "\n"
            tbody {
                "\n"
                @for r in risks {
                    tr {
                        td {
                            strong { (Text(&r.supplier)) }
                            div class="ref" { (crate::portfolio::tier_word(r.tier)) " · " (Text(&r.level_text)) }
                        }
                        td data-label="Why" { (Text(&r.why)) }
                        td data-label="Top action" {
                            @if let Some(a) = &r.top_action { (Text(a)) } @else { span class="muted" { (NONE) } }
                        }
                        td data-label="Owner" { (Text(&r.owner_text)) }
                    }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}

/// Page one's top risks by supplier, when the pack has a portfolio.
pub(super) fn top_risks(pack: &BoardPack) -> Markup {
    let Some(section) = &pack.later.portfolio else {
        return html! {};
    };
    let shown = section.on_page_one();
    let more = section.beyond_page_one().len();
    html! {
        h2 { "Top risks by supplier" } "\n"
        @if shown.is_empty() {
            p class="quiet" {
                "No critical or high supplier is below its target or has items blocking level 1."
            }
            "\n"
        } @else {
            (risks_table(shown))
            @if more > 0 {
                p class="more" {
                    (count(more, "supplier", "suppliers")) " more under "
                    a href="#portfolio" { "Supplier portfolio" } "."
                }
                "\n"
            }
        }
    }
}

/// The portfolio section, after the board part, when the pack has a portfolio.
pub(super) fn section(pack: &BoardPack) -> Markup {
    let Some(section) = &pack.later.portfolio else {
        return html! {};
    };
    let p = &section.portfolio;
    html! {
        section id="portfolio" class="portfolio" {
            "\n"
            h2 { "Supplier portfolio" } "\n"
            p class="intro" {
                (count(p.rows.len(), "supplier", "suppliers")) " as of " (crate::stamp::day_of(&p.settings.as_of))
                ", by tier then weakest first."
            }
            "\n"
            @if !p.rows.is_empty() {
                p class="heat-key" {
                    "Each area's level: "
                    @for l in 0..=3u8 {
                        span class=(format!("cell {}", level_class(Some(l)))) { (level_digit(Some(l))) }
                    }
                    span class="cell lnone" { (NONE) } " nothing in it applies."
                }
                "\n"
                (heat_map(p))
            }
            @if !section.beyond_page_one().is_empty() {
                h3 { "More top risks" } "\n"
                (risks_table(section.beyond_page_one()))
            }
            (concentration(p))
            (stale(p))
            (left_out(p))
        }
        "\n"
    }
}

fn heat_map(p: &Portfolio) -> Markup {
    html! {
        div class="heat-wrap" {
            "\n"
            table class="heat" {
                "\n"
                colgroup {
                    col class="c-sup"; col class="c-tier"; col class="c-lv"; col class="c-pc";
                    col class="c-pc";
                    @for _ in &p.areas { col; }
                    col class="c-open"; col class="c-rev";
                }
                "\n"
                thead {
                    tr {
                        th scope="col" { "Supplier" }
                        th scope="col" { "Tier" }
                        th scope="col" { "Level" }
                        th scope="col" class="num" { "Score" }
                        th scope="col" class="num" { "Known" }
                        @for a in &p.areas {
                            th scope="col" class="area" title=(Text(&a.id)) { (Text(&a.title)) }
                        }
                        th scope="col" class="num" { "Open" }
                        th scope="col" { "Last reviewed" }
                    }
                }
                "\n"
                tbody {
                    "\n"
                    @for r in &p.rows {
                        (heat_row(p, r))
                    }
                }
                "\n"
            }
            "\n"
        }
        "\n"
    }
}

fn heat_row(p: &Portfolio, r: &PortfolioRow) -> Markup {
    html! {
        tr {
            th scope="row" {
                (Text(&r.supplier))
                @if !r.services.is_empty() {
                    div class="ref" { (Text(r.services.join(", "))) }
                }
            }
            td { (crate::portfolio::tier_word(r.tier)) }
            td { (level_words(r.level)) }
            td class="num" { (pct(r.score)) }
            td class="num" { (pct(r.coverage)) }
            @for a in &p.areas {
                @match r.area_level(&a.id) {
                    Some(level) => {
                        td class=(format!("cell {}", level_class(level))) { (level_digit(level)) }
                    }
                    None => { td {} }
                }
            }
            td class="num" { (r.open_actions) }
            @if r.stale {
                td class="stale" {
                    (crate::stamp::day_of(&r.last_reviewed)) br;
                    "stale, due " (Text(&r.review_due))
                }
            } @else {
                td { (crate::stamp::day_of(&r.last_reviewed)) }
            }
        }
        "\n"
    }
}

fn concentration(p: &Portfolio) -> Markup {
    let c = &p.concentration;
    let threshold = p.settings.concentration_threshold;
    html! {
        h3 { "Concentration" } "\n"
        @if c.sole_suppliers.is_empty() {
            p { "No service depends on one supplier alone." } "\n"
        } @else {
            p { strong { "Services that depend on one supplier:" } } "\n"
            ul class="portfolio-list" {
                @for s in &c.sole_suppliers {
                    li { (Text(s.words())) }
                }
            }
            "\n"
        }
        @if c.concentrated.is_empty() {
            p { "No supplier has " (threshold) " or more critical services depending on it." } "\n"
        } @else {
            p { strong { "Suppliers that " (threshold) " or more critical services depend on:" } } "\n"
            ul class="portfolio-list" {
                @for s in &c.concentrated {
                    li { (Text(s.words())) }
                }
            }
            "\n"
        }
    }
}

/// What the portfolio left out: counted, and each file that could not be read or was not
/// trusted, with why — so a pack never hides a newer review it could not use.
fn left_out(p: &Portfolio) -> Markup {
    let counted = p.left_out.counted();
    let files = p.left_out.skipped_lines();
    html! {
        @if !counted.is_empty() || !files.is_empty() {
            h3 { "Left out" } "\n"
            @if !counted.is_empty() { p { (Text(&counted.join("; "))) "." } "\n" }
            @if !files.is_empty() {
                ul class="portfolio-list" {
                    @for f in &files { li { (Text(f)) } }
                }
                "\n"
            }
        }
    }
}

fn stale(p: &Portfolio) -> Markup {
    let m = &p.settings.review_months;
    html! {
        h3 { "Stale reviews" } "\n"
        p {
            "Reviews are due every " (m.critical) " months for critical suppliers, " (m.high)
            " for high, " (m.medium) " for medium and " (m.low) " for low."
        }
        "\n"
        @if p.stale.is_empty() {
            p { "No review is stale." } "\n"
        } @else {
            ul class="portfolio-list" {
                @for s in &p.stale {
                    li { (Text(s.words())) }
                }
            }
            "\n"
        }
    }
}
