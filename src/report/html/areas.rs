//! "Areas against their target": one row per area with its level drawn as steps against the
//! target, its score and how much of it is known; with a comparison, the change. A table,
//! not a picture: it reads at any width, prints in greyscale (the steps are filled or empty,
//! the target step is outlined and marked) and an area with nothing assessed reads "not
//! assessed", never as a failure.

use maud::{Markup, html};

use super::{Text, pct};
use crate::figures::{coverage, level_words};
use crate::pack::{Area, BoardPack, count};

/// The CSS class of an area's state: its level (`l0`–`l3`), `lna` when nothing is assessed,
/// `lnone` when nothing applies.
fn state_class(a: &Area) -> String {
    match a.figures.level {
        _ if !a.assessed && a.figures.applicable > 0 => "lna".to_string(),
        Some(l) => format!("l{}", l.min(3)),
        None => "lnone".to_string(),
    }
}

/// The level as steps 1–3, filled up to the level, the target step outlined.
fn steps(a: &Area) -> Markup {
    let level = a.figures.level.unwrap_or(0);
    html! {
        span class="steps" aria-hidden="true" {
            @for step in 1..=3u8 {
                span class={
                    "step"
                    @if a.assessed && step <= level { " on" }
                    @if a.target == Some(step) { " target" }
                } { (step) }
            }
        }
    }
}

/// The area's level in words: "1 Performed", "not assessed", "nothing applicable".
fn level_cell(a: &Area) -> String {
    if !a.assessed && a.figures.applicable > 0 {
        "not assessed".to_string()
    } else if a.figures.level.is_none() {
        "nothing applicable".to_string()
    } else {
        level_words(a.figures.level)
    }
}

/// The section.
pub(super) fn areas(pack: &BoardPack) -> Markup {
    let new_group =
        |i: usize| i == 0 || pack.areas[i - 1].questionnaire != pack.areas[i].questionnaire;
    let change = |id: &str| {
        pack.comparison.as_ref().map(|c| {
            c.sections.iter().find(|s| s.id == id).map_or_else(
                || "–".to_string(),
                |s| s.change.shown().to_string().replace(' ', "\u{a0}"),
            )
        })
    };
    html! {
        section id="areas" {
            "\n"
            h2 { "Areas against their target" } "\n"
            @if pack.areas.is_empty() {
                p class="empty" { "No areas: the assessment's questionnaires are not available." }
                "\n"
            } @else {
                p class="intro" {
                    "Steps: the level reached (filled) and the target (outlined, ◆). "
                    (Text(&pack.page_one.against_target.text)) "."
                }
                "\n"
                table class="data areas" {
                    "\n"
                    colgroup { col; col class="c-level"; col class="c-target"; col class="c-score"; }
                    "\n"
                    thead {
                        tr {
                            th { "Area" } th { "Level" } th { "Target" }
                            th { "Score · known" @if pack.comparison.is_some() { " · change" } }
                        }
                    }
                    "\n"
                    tbody {
                        "\n"
                        @for (i, a) in pack.areas.iter().enumerate() {
                            @if new_group(i) {
                                tr class="group" { th colspan="4" { (Text(&a.questionnaire)) } }
                                "\n"
                            }
                            tr class=(state_class(a)) {
                                td { (Text(&a.title)) }
                                td data-label="Level" class="lv" { (steps(a)) " " (level_cell(a)) }
                                td data-label="Target" {
                                    @match (a.target, a.meets_target) {
                                        (Some(t), Some(true)) => { "◆ " (t) " · met" }
                                        (Some(t), _) => {
                                            "◆ " (t) " · "
                                            (count(a.below_target.unwrap_or(0).into(), "level", "levels"))
                                            " short"
                                        }
                                        (None, _) => { span class="muted" { "none set" } }
                                    }
                                }
                                td data-label="Score" {
                                    (Text(pct(a.figures.score))) " · "
                                    (Text(coverage(a.figures.coverage)))
                                    @if let Some(c) = change(&a.id) { " · " (Text(c)) }
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
        "\n"
    }
}
