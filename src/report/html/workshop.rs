//! The workshop's sections: "Where we disagreed" (each respondent's answer side by side and
//! how the item was settled), the perception gap between the respondent groups, and
//! "Parked for later". A long list goes to the appendix, with a summary in the board part;
//! the sentences are the paper's ([`crate::report::paper::workshop`]).

use maud::{Markup, html};

use super::Text;
use crate::pack::{BoardPack, Later, PerceptionGap};
use crate::report::paper::workshop::{cell, elsewhere, gap_intro, gap_items_intro, settled_cell};

/// The sections' entries in the page's contents, as (id, text), in the board part.
pub(super) fn contents(pack: &BoardPack) -> Vec<(&'static str, String)> {
    let l = &pack.later;
    let mut out = Vec::new();
    if !l.disagreements.is_empty() {
        out.push(("disagreed", "Where we disagreed".to_string()));
    }
    if let Some(h) = l.perception_heading() {
        out.push(("gap", h));
    }
    if !l.parked.is_empty() {
        out.push(("parked", "Parked for later".to_string()));
    }
    out
}

/// The sections' entries in the appendix's contents.
pub(super) fn appendix_contents(pack: &BoardPack) -> Vec<(&'static str, String)> {
    let l = &pack.later;
    let mut out = Vec::new();
    if !l.disagreements_in_board_part() {
        out.push(("disagreed-all", "Appendix: where we disagreed".to_string()));
    }
    if !l.parked_in_board_part() {
        out.push(("parked-all", "Appendix: parked for later".to_string()));
    }
    out
}

/// The sections in the board part.
pub(super) fn board_part(pack: &BoardPack, appendix: bool) -> Markup {
    let l = &pack.later;
    html! {
        @if let Some(summary) = l.disagreement_summary() {
            section id="disagreed" class="workshop" {
                "\n"
                h2 { "Where we disagreed" } "\n"
                p class="intro" { (Text(summary)) } "\n"
                @if l.disagreements_in_board_part() {
                    (disagreements(l))
                } @else {
                    p { (Text(elsewhere(
                        "Every item, with each respondent's answer side by side and how it was settled,",
                        appendix,
                    ))) } "\n"
                }
            }
            "\n"
        }
        @if let (Some(g), Some(heading)) = (&l.perception_gap, l.perception_heading()) {
            section id="gap" class="workshop" {
                "\n"
                h2 { (Text(heading)) } "\n"
                (perception(g))
            }
            "\n"
        }
        @if !l.parked.is_empty() {
            section id="parked" class="workshop" {
                "\n"
                h2 { "Parked for later" } "\n"
                @if l.parked_in_board_part() {
                    (parked(l))
                } @else {
                    p { (Text(l.parked_summary())) " " (Text(elsewhere("They", appendix))) } "\n"
                }
            }
            "\n"
        }
    }
}

/// The long lists, in the appendix.
pub(super) fn appendix(pack: &BoardPack) -> Markup {
    let l = &pack.later;
    html! {
        @if !l.disagreements_in_board_part() {
            section id="disagreed-all" class="appendix" {
                "\n"
                h2 { "Appendix: where we disagreed" } "\n"
                @if let Some(summary) = l.disagreement_summary() {
                    p class="intro" { (Text(summary)) } "\n"
                }
                (disagreements(l))
            }
            "\n"
        }
        @if !l.parked_in_board_part() {
            section id="parked-all" class="appendix" {
                "\n"
                h2 { "Appendix: parked for later" } "\n"
                (parked(l))
            }
            "\n"
        }
    }
}

/// Every disagreement, each respondent's answer in a column of its own.
fn disagreements(l: &Later) -> Markup {
    html! {
        table class="data disagreed" {
            "\n"
            thead {
                tr {
                    th { "Question" }
                    th class="num" { "Spread" }
                    @for p in &l.respondents {
                        th {
                            (Text(&p.name))
                            @if let Some(g) = &p.group { br; span class="muted" { (Text(g)) } }
                        }
                    }
                    th { "Settled answer" }
                }
            }
            "\n"
            tbody {
                "\n"
                @for d in &l.disagreements {
                    tr class=(if d.disputed { "disputed" } else { "settled" }) {
                        td { span class="prompt" { (Text(&d.prompt)) } br; span class="ref" { (Text(&d.section)) } }
                        td class="num" data-label="Spread" { (Text(&d.spread)) }
                        @for a in &d.answers {
                            td data-label=(a.who()) {
                                @if a.answer.is_empty() {
                                    span class="muted" { (Text(a.shown())) }
                                } @else {
                                    (Text(&a.answer))
                                }
                            }
                        }
                        td data-label="Settled answer" { (Text(settled_cell(d))) }
                    }
                    "\n"
                }
            }
        }
        "\n"
    }
}

/// Each group's figures per area, and the items where the compared group is highest above
/// the others.
fn perception(g: &PerceptionGap) -> Markup {
    html! {
        p class="intro" { (Text(gap_intro(g))) } "\n"
        table class="data gap" {
            "\n"
            thead {
                tr {
                    th { "Area" }
                    @for label in &g.groups { th { (Text(label)) } }
                    th class="num" { "Gap" }
                }
            }
            "\n"
            tbody {
                "\n"
                tr class="overall" {
                    td { strong { "Overall" } }
                    @for (label, f) in g.groups.iter().zip(&g.overall) {
                        td data-label=(label) { (Text(cell(f))) }
                    }
                    td class="num" data-label="Gap" { strong { (Text(&g.difference)) } }
                }
                "\n"
                @for a in &g.areas {
                    tr {
                        td { (Text(&a.section)) }
                        @for (label, f) in g.groups.iter().zip(&a.groups) {
                            td data-label=(label) { (Text(cell(f))) }
                        }
                        td class="num" data-label="Gap" { (Text(&a.difference)) }
                    }
                    "\n"
                }
            }
        }
        "\n"
        p { (Text(gap_items_intro(g))) } "\n"
        @if let Some(first) = g.items.first() {
            table class="data gap-items" {
                "\n"
                thead {
                    tr {
                        th { "Question" }
                        th class="num" { "Gap" }
                        @for a in &first.answers { th { (Text(a.who())) } }
                    }
                }
                "\n"
                tbody {
                    "\n"
                    @for i in &g.items {
                        tr {
                            td { span class="prompt" { (Text(&i.prompt)) } br; span class="ref" { (Text(&i.section)) } }
                            td class="num" data-label="Gap" { (Text(&i.difference)) }
                            @for a in &i.answers { td data-label=(a.who()) { (Text(a.shown())) } }
                        }
                        "\n"
                    }
                }
            }
            "\n"
        }
    }
}

fn parked(l: &Later) -> Markup {
    html! {
        ul class="parked" {
            @for p in &l.parked {
                li { (Text(&p.prompt)) " " span class="ref" { "(" (Text(&p.section)) ")" } }
            }
        }
        "\n"
    }
}
