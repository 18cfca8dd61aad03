//! The page's sections that list items: the weakest links, the board's answers, the action
//! plan and the appendix of every answer.

use maud::{Markup, html};

use super::{Text, answer_with_value, lines, note, owner_cell, pct, pill, ref_line};
use crate::figures::{Level, answered_counts, coverage};
use crate::pack::{Action, BoardPack, CheckRow, ItemRow, Status, count};
use crate::scoring::Figures;

/// A level as a pill and its name, e.g. "L2 Managed".
fn level_cell(f: &Figures) -> Markup {
    html! {
        @match (f.level, f.level_name) {
            (Some(l), Some(name)) => { (pill(Some(l))) " " (name) }
            _ => { span class="muted" { "No level" } }
        }
    }
}

/// The tag of an item flagged for follow-up.
fn flag_tag() -> Markup {
    html! { span class="tag flag" { "⚑ flagged" } }
}

/// The tag of an answer below the pass mark.
fn gap_tag() -> Markup {
    html! { span class="tag gap" { "below the pass mark" } }
}

/// The head of a table of items with a number, an answer and an owner.
fn numbered_table_head() -> Markup {
    html! {
        colgroup { col class="c-num"; col; col class="c-answer"; col class="c-owner"; }
        "\n"
        thead { tr { th class="num" { "#" } th { "Item" } th { "Answer" } th { "Owner" } } }
        "\n"
    }
}

/// "The weakest links": every answered item below the pass mark, grouped by level.
pub(super) fn weakest_links(pack: &BoardPack) -> Markup {
    let links = &pack.weakest_links;
    // Each level's links, with the number of the first.
    let mut first = 1;
    let groups: Vec<(usize, &[_])> = links
        .chunk_by(|a, b| a.level == b.level)
        .map(|g| {
            let at = first;
            first += g.len();
            (at, g)
        })
        .collect();
    html! {
        section id="weakest" {
            "\n"
            h2 { "The weakest links" } "\n"
            @if links.is_empty() {
                p class="empty" {
                    @if pack.overall.answered == 0 {
                        "Nothing is answered yet, so no item can fall below the pass mark."
                    } @else {
                        "No answered item is below the pass mark."
                    }
                }
                "\n"
            } @else {
                p class="intro" {
                    "Answered items below the pass mark, lowest level first, then by how far \
                     they fall short (weight × the share missing)."
                }
                "\n"
                table class="data links" {
                    "\n"
                    (numbered_table_head())
                    @for (at, group) in &groups {
                        @let level = group[0].level;
                        tbody {
                            "\n"
                            tr class="group" {
                                th colspan="4" {
                                    (pill(Some(level))) " Level " (level) " items · "
                                    (Level::at_most_3(level).name()) " "
                                    span class="muted" {
                                        "· "
                                        (count(
                                            links.iter().filter(|x| x.level == level).count(),
                                            "item",
                                            "items",
                                        ))
                                    }
                                }
                            }
                            "\n"
                            @for (n, l) in group.iter().enumerate() {
                                tr {
                                    td class="num" { (at + n) }
                                    td {
                                        span class="prompt" { (Text(&l.prompt)) }
                                        (ref_line(Some(&l.section), &l.refs, None))
                                    }
                                    td data-label="Answer" {
                                        (answer_with_value(&l.answer, Some(l.value)))
                                    }
                                    td data-label="Owner" { (owner_cell(l.owner.as_deref())) }
                                }
                                "\n"
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            @if pack.not_assessed > 0 {
                p {
                    strong { "Not yet assessed:" } " "
                    (count(pack.not_assessed, "scored item", "scored items"))
                    "; each holds its area's level down until it is answered."
                }
                "\n"
            }
        }
        "\n"
    }
}

/// "The board's answers", in the board's own words; left out where there are none.
pub(super) fn board_answers(pack: &BoardPack) -> Markup {
    if pack.board_answers.is_empty() {
        return html! {};
    }
    html! {
        section id="board" class="board" {
            "\n"
            h2 { "The board's answers" } "\n"
            p class="intro" { "The board's own words on its strategy for suppliers." } "\n"
            @for b in &pack.board_answers {
                h3 { (Text(&b.prompt)) } "\n"
                @match &b.answer {
                    Some(text) => { div class="quote" { (lines(text)) } "\n" }
                    None => { p class="empty" { "Not yet answered." } "\n" }
                }
            }
        }
        "\n"
    }
}

/// The action plan: the gaps, then the items flagged for follow-up.
pub(super) fn action_plan(pack: &BoardPack) -> Markup {
    let plan = &pack.action_plan;
    let mut first = 1;
    let groups: Vec<(usize, &[Action])> = plan
        .chunk_by(|a, b| a.is_gap == b.is_gap)
        .map(|g| {
            let at = first;
            first += g.len();
            (at, g)
        })
        .collect();
    let gaps = plan.iter().filter(|x| x.is_gap).count();
    html! {
        section id="actions" {
            "\n"
            h2 { "Action plan" } "\n"
            @if plan.is_empty() {
                p class="empty" { "Nothing to follow up: no gaps and no flagged items." } "\n"
            } @else {
                p class="intro" {
                    "Every weakest link in the same order, then every item flagged for follow-up \
                     in questionnaire order."
                }
                "\n"
                table class="data plan" {
                    "\n"
                    (numbered_table_head())
                    @for (at, group) in &groups {
                        tbody {
                            "\n"
                            tr class="group" {
                                th colspan="4" {
                                    @if group[0].is_gap {
                                        "Gaps: the weakest links "
                                        span class="muted" { "· " (count(gaps, "item", "items")) }
                                    } @else {
                                        "Flagged for follow-up "
                                        span class="muted" {
                                            "· " (count(plan.len() - gaps, "item", "items"))
                                        }
                                    }
                                }
                            }
                            "\n"
                            @for (n, x) in group.iter().enumerate() {
                                (action_row(at + n, x))
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
        }
        "\n"
    }
}

/// One row of the action plan.
fn action_row(n: usize, x: &Action) -> Markup {
    html! {
        tr {
            td class="num" { (n) }
            td {
                (pill(x.level)) " " span class="prompt" { (Text(&x.prompt)) }
                (ref_line(Some(&x.section), &x.refs, None))
                (note(x.note.as_ref()))
            }
            td data-label="Answer" {
                @if x.answer.is_empty() {
                    span class="muted" { "not yet answered" }
                } @else {
                    (answer_with_value(&x.answer, x.value))
                }
                @if x.flag && x.is_gap { br; (flag_tag()) }
            }
            td data-label="Owner" { (owner_cell(x.owner.as_deref())) }
        }
        "\n"
    }
}

/// The appendix: every item of every area with its answer, value, owner and note.
pub(super) fn every_answer(pack: &BoardPack) -> Markup {
    html! {
        section id="answers" class="appendix" {
            "\n"
            h2 { "Appendix: every answer" } "\n"
            p class="intro" {
                "Every item of every area with its answer, value, owner and note. Shaded rows \
                 are below the pass mark; for a checklist, ✓ marks a check in place, ✗ one \
                 missing and – one not applicable."
            }
            "\n"
            @if pack.areas.is_empty() {
                p class="empty" {
                    "No items: the assessment's questionnaires are not available."
                }
                "\n"
            }
            @for area in &pack.areas {
                @let f = &area.figures;
                h3 { (Text(&area.title)) } "\n"
                p class="areafig" {
                    (Text(&area.questionnaire)) " · score " (Text(pct(f.score))) " · "
                    (level_cell(f)) " · "
                    (Text(coverage(f.coverage))) " · " (Text(answered_counts(f)))
                }
                "\n"
                table class="data answers" {
                    "\n"
                    colgroup { col; col class="c-answer"; col class="c-owner"; }
                    "\n"
                    thead { tr { th { "Item" } th { "Answer" } th { "Owner" } } }
                    "\n"
                    tbody {
                        "\n"
                        @for row in pack.items_of(&area.id) {
                            (answer_row(row))
                        }
                    }
                    "\n"
                }
                "\n"
            }
        }
        "\n"
    }
}

/// One item of the appendix.
fn answer_row(row: &ItemRow) -> Markup {
    let gap = row.status == Status::BelowPassMark;
    // A text answer without an owner may use the owner's column too.
    let wide = row.status == Status::Text && row.owner.is_none();
    html! {
        tr class=[gap.then_some("gap")] {
            td {
                (pill(row.level)) " " span class="prompt" { (Text(&row.prompt)) }
                (ref_line(None, &row.refs, Some(&row.item)))
                (checks(&row.checks, row.status))
                (note(row.note.as_ref()))
            }
            td data-label="Answer" colspan=[wide.then_some("2")] {
                @match row.status {
                    Status::Unanswered => { span class="muted" { "not yet answered" } }
                    Status::Text => { (lines(&row.answer)) }
                    Status::NotApplicable => { (Text(&row.answer)) }
                    Status::ByRule => { span class="muted" { (Text(&row.answer)) } }
                    Status::Achieved | Status::BelowPassMark => {
                        (answer_with_value(&row.answer, row.value))
                    }
                }
                @if gap || row.flag { br; }
                @if gap { (gap_tag()) }
                @if row.flag { (flag_tag()) }
            }
            @if !wide {
                td data-label="Owner" { @if let Some(o) = &row.owner { (Text(o)) } }
            }
        }
        "\n"
    }
}

/// A checklist's checks, each marked in place, missing or not applicable; nothing for an
/// unanswered or not applicable item.
fn checks(checks: &[CheckRow], status: Status) -> Markup {
    if checks.is_empty() || matches!(status, Status::Unanswered | Status::NotApplicable) {
        return html! {};
    }
    html! {
        ul class="checks" {
            @for c in checks {
                @let (mark, off, suffix) = match (c.na, c.ticked) {
                    (true, _) => ("–", true, " (not applicable)"),
                    (false, true) => ("✓", false, ""),
                    (false, false) => ("✗", true, ""),
                };
                li class=[off.then_some("off")] {
                    span class="mark" { (mark) } (Text(&c.text)) (suffix)
                }
            }
        }
    }
}
