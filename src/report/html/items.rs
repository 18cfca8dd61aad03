//! The page's sections that list items: the board's answers and the appendix of every
//! answer (answers in words, "not assessed" as its own state).

use maud::{Markup, html};

use super::{Text, lines, note, pct, pill, ref_line};
use crate::figures::{answered_counts, coverage};
use crate::pack::{BoardPack, CheckRow, ItemRow, Status};
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

/// The appendix: every item of every area with its answer, value, owner and note.
pub(super) fn every_answer(pack: &BoardPack) -> Markup {
    html! {
        section id="answers" class="appendix" {
            "\n"
            h2 { "Appendix: every answer" } "\n"
            p class="intro" {
                "Every item of every area with its answer, owner and note. Shaded rows are \
                 below the pass mark, dashed ones not assessed; for a checklist, ✓ marks a check \
                 in place, ✗ one missing and – one not applicable."
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

/// The class of an appendix row: below the pass mark, or not assessed.
fn row_class(status: Status) -> Option<&'static str> {
    match status {
        Status::BelowPassMark => Some("gap"),
        Status::Unanswered => Some("na-row"),
        _ => None,
    }
}

/// One item of the appendix.
fn answer_row(row: &ItemRow) -> Markup {
    let gap = row.status == Status::BelowPassMark;
    // A text answer without an owner may use the owner's column too.
    let wide = row.status == Status::Text && row.owner.is_none();
    html! {
        tr class=[row_class(row.status)] {
            td {
                (pill(row.level)) " " span class="prompt" { (Text(&row.prompt)) }
                (ref_line(None, &row.refs, Some(&row.item)))
                (checks(&row.checks, row.status))
                (note(row.note.as_ref()))
            }
            td data-label="Answer" colspan=[wide.then_some("2")] {
                @match row.status {
                    Status::Unanswered => { span class="muted" { "not assessed" } }
                    Status::Text => { (lines(&row.answer)) }
                    Status::ByRule => { span class="muted" { (Text(&row.answer)) } }
                    Status::NotApplicable | Status::Achieved | Status::BelowPassMark => {
                        (Text(&row.answer))
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
