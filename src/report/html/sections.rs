//! The page's contents (for reading on screen) and "How to read the figures": the levels
//! in full, the scoring rule, and where the figures come from.

use maud::{Markup, html};

use super::{Text, pill};
use crate::pack::{BoardPack, clip, display_time, number};

/// The page's contents, for reading on screen (print leaves it out).
pub(super) fn contents(pack: &BoardPack, appendix: bool) -> Markup {
    let mut parts = vec![
        ("decision", html! { "Page one" }),
        ("areas", html! { "Areas against their target" }),
    ];
    if !pack.board_answers.is_empty() {
        parts.push(("board", html! { "The board's answers" }));
    }
    // A workshop's record (where we disagreed, the perception gap, parked items) comes
    // before the long action plan.
    for (id, text) in super::workshop::contents(pack) {
        parts.push((id, html! { (Text(text)) }));
    }
    parts.push(("actions", html! { "Action plan" }));
    parts.push(("method", html! { "How to read the figures" }));
    if pack.later.portfolio.is_some() {
        parts.push(("portfolio", html! { "Supplier portfolio" }));
    }
    if appendix {
        parts.push(("sources", html! { "Appendix: where the figures come from" }));
        if let Some(c) = &pack.comparison {
            parts.push((
                "since",
                html! { "Appendix: since " (Text(clip(&c.before.name, 48))) },
            ));
        }
        for (id, text) in super::workshop::appendix_contents(pack) {
            parts.push((id, html! { (Text(text)) }));
        }
        parts.push(("answers", html! { "Appendix: every answer" }));
    }
    html! {
        nav class="toc" aria-label="Contents" {
            @for (id, text) in &parts {
                a href=(format!("#{id}")) { (text) }
            }
        }
        "\n"
    }
}

/// "How to read the figures": the levels in full and the scoring rule.
pub(super) fn method(pack: &BoardPack) -> Markup {
    html! {
        section id="method" class="method" {
            "\n"
            h2 { "How to read the figures" } "\n"
            table class="level-defs" {
                "\n"
                caption { "The levels in full: what each means for supplier relationships" }
                "\n"
                tbody {
                    "\n"
                    @for l in &pack.page_one.levels {
                        tr {
                            td { (pill(Some(l.number))) }
                            td { (l.name) }
                            td { (l.full) }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
            p { (Text(pack.scoring_rule)) } "\n"
        }
        "\n"
    }
}

/// "Where the figures come from" (appendix): the assessment and the questionnaires used.
pub(super) fn sources(pack: &BoardPack) -> Markup {
    let a = &pack.assessment;
    html! {
        section id="sources" class="appendix method" {
            "\n"
            h2 { "Appendix: where the figures come from" } "\n"
            p {
                "Assessment " code { (Text(&a.id)) } ", created " (Text(display_time(&a.created)))
                ", last changed " (Text(display_time(&a.updated))) "."
                @if let Some(c) = &pack.comparison {
                    " Compared with " (Text(&c.before.name)) " (" code { (Text(&c.before.id)) }
                    "), last changed " (Text(display_time(&c.before.updated))) "."
                }
            }
            "\n"
            @if !pack.questionnaires.is_empty() {
                table class="data" {
                    "\n"
                    colgroup { col class="c-q"; col class="c-v"; col class="c-pm"; col; }
                    "\n"
                    thead {
                        tr {
                            th { "Questionnaire" } th { "Version" } th class="num" { "Pass mark" }
                            th { "Source" }
                        }
                    }
                    "\n"
                    tbody {
                        "\n"
                        @for q in &pack.questionnaires {
                            tr {
                                td {
                                    (Text(&q.title))
                                    div class="ref" { span class="id" { (Text(&q.id)) } }
                                }
                                td data-label="Version" {
                                    (Text(&q.version))
                                    @if q.answered_version != q.version {
                                        " (answered against " (Text(&q.answered_version)) ")"
                                    }
                                }
                                td data-label="Pass mark" class="num" { (number(q.pass_mark)) }
                                td data-label="Source" { (Text(&q.source)) }
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
