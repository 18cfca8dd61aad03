//! Page one, the decision page: the paper's masthead, where we stand, the decisions the
//! board is asked to take, where the areas stand against their target, what matters most,
//! counts that are true, and the levels in one line each. Every figure and sentence comes
//! worked out from the model ([`crate::pack::PageOne`]); this only lays it out.

use maud::{Markup, html};

use super::{Text, level_class, pill};
use crate::pack::{BoardPack, PlanAction, Priority, display_time};

/// A stored RFC 3339 time as a date people read ("19 November 2026").
pub(super) fn display_date(stored: &str) -> String {
    stored.parse::<jiff::Timestamp>().map_or_else(
        |_| display_time(stored),
        |t| t.strftime("%-d %B %Y").to_string(),
    )
}

/// Page one.
pub(super) fn page_one(pack: &BoardPack) -> Markup {
    let a = &pack.assessment;
    let p = &pack.page_one;
    html! {
        section id="decision" class="page-one" {
            "\n"
            div class="masthead" {
                span { "Board paper · Cyber security in supplier relationships" }
                span { "As at " (Text(display_date(&a.updated))) }
            }
            "\n"
            h1 { (Text(&a.name)) } "\n"
            @if let Some(supplier) = &a.supplier { p class="supplier" { strong { (Text(supplier)) } } "\n" }
            p class="org" {
                @if !a.organisation.is_empty() { (Text(&a.organisation)) " · " }
                "assessment " code { (Text(&a.id)) }
                @if let Some(r) = &a.respondent { " · answers given by " (Text(r)) }
                @if let Some(c) = &pack.comparison {
                    " · compared with " (Text(&c.before.name))
                }
            }
            "\n"
            (standing(pack))
            h2 { "Decisions requested" } "\n"
            @if p.decisions.is_empty() {
                p class="quiet" { (Text(&p.counts.decisions_text)) "." } "\n"
            } @else {
                ol class="decisions" {
                    "\n"
                    @for d in &p.decisions {
                        li {
                            strong { (Text(&d.decision)) }
                            div class="ref" {
                                (Text(&d.section)) " · " (Text(&d.owner_text)) " · due "
                                (Text(&d.due_text))
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            h2 { "Against the target" } "\n"
            p {
                (Text(&p.against_target.text)) ". Each area's level against its target is under "
                a href="#areas" { "Areas against their target" } "."
            }
            "\n"
            h2 { "What matters most" } "\n"
            @if p.top.is_empty() {
                p class="quiet" { "No action is open." } "\n"
            } @else {
                (top_table(&p.top))
            }
            (super::portfolio::top_risks(pack))
            h2 { "In numbers" } "\n"
            ul class="counts" {
                li { (Text(&p.counts.owners_text)) }
                li { (Text(&p.counts.not_assessed_text)) }
                li { (Text(&p.counts.dont_know_text)) }
                li { (Text(&p.counts.decisions_text)) }
            }
            "\n"
            h2 class="levels-h" { "The levels" } "\n"
            ul class="levels" {
                @for l in &p.levels {
                    li { (pill(Some(l.number))) " " strong { (l.name) } ": " (l.short) }
                }
            }
            "\n"
            p class="more" {
                "In full under " a href="#method" { "How to read the figures" } "; the whole "
                a href="#actions" { "action plan" } " follows."
            }
            "\n"
        }
        "\n"
    }
}

/// Where we stand: the level and its meaning, the score with how much is known, a caution
/// when the figures are thin, and the trend.
fn standing(pack: &BoardPack) -> Markup {
    let s = &pack.page_one.standing;
    html! {
        h2 { "Where we stand" } "\n"
        div class="stand" {
            "\n"
            div class=(format!("tile level {}", level_class(s.level))) {
                span class="k" { "Maturity level" }
                span class="v" { (Text(&s.level_text)) }
                span class="s" { (Text(&s.meaning)) }
            }
            "\n"
            div class="tile" {
                span class="k" { "Score" }
                span class="v" { (Text(&s.score_text)) }
                span class="s" {
                    "Every applicable item counts; an unassessed one counts 0. The weakest \
                     area sets the level."
                }
            }
            "\n"
        }
        "\n"
        @if let Some(c) = &s.caution {
            p class="caution" { strong { "Read with care: " } (Text(c)) } "\n"
        }
        @if let Some(t) = &s.trend {
            p class="trend" { strong { "Trend: " } (Text(&t.text)) "." } "\n"
        }
    }
}

/// The top five: action, why, owner, due day and status.
fn top_table(top: &[PlanAction]) -> Markup {
    html! {
        table class="data top" {
            "\n"
            colgroup { col class="c-num"; col; col class="c-owner"; col class="c-due"; }
            "\n"
            thead { tr { th class="num" { "#" } th { "Action" } th { "Owner" } th { "Due · status" } } }
            "\n"
            tbody {
                "\n"
                @for (n, r) in top.iter().enumerate() {
                    tr class=[(r.priority <= Priority::Flagged).then_some("hot")] {
                        td class="num" { (n + 1) }
                        td {
                            span class="prompt" { (Text(&r.action)) }
                            div class="ref" { (Text(&r.why)) " · " (Text(&r.section)) }
                        }
                        td data-label="Owner" class=[r.owner.is_none().then_some("muted")] {
                            (Text(&r.owner_text))
                        }
                        td data-label="Due" {
                            (Text(&r.due_text)) " · " (Text(r.status_text))
                        }
                    }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}
