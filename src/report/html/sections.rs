//! The page's sections that are about figures: the cover, the contents, the summary, the
//! scores by area and how to read the figures. "Since …" is in `compared`, the
//! sections that list items in `items`.

use maud::{Markup, html};

use super::charts::{bar_chart, radar_chart};
use super::{Text, answer_with_value, level_class, pct, pill};
use crate::figures::{Level, answered_counts};
use crate::pack::{BoardPack, clip, count, display_time, level_words, number};

/// How many links of the weakest the cover shows.
const TOP_LINKS: usize = 5;

/// A stored RFC 3339 time as a date people read ("19 November 2026").
fn display_date(stored: &str) -> String {
    stored.parse::<jiff::Timestamp>().map_or_else(
        |_| display_time(stored),
        |t| t.strftime("%-d %B %Y").to_string(),
    )
}

/// The cover: the paper's masthead, the assessment's name and where its figures come from.
pub(super) fn cover(pack: &BoardPack) -> Markup {
    let a = &pack.assessment;
    html! {
        header {
            "\n"
            div class="masthead" {
                span { "Board paper · Cyber security in supplier relationships" }
                span { "As at " (Text(display_date(&a.updated))) }
            }
            "\n"
            h1 { (Text(&a.name)) } "\n"
            @if !a.organisation.is_empty() {
                p class="org" { (Text(&a.organisation)) } "\n"
            }
            dl class="meta" {
                "\n"
                @if let Some(r) = &a.respondent {
                    dt { "Answers given by" } dd { (Text(r)) } "\n"
                }
                dt { "Assessment" }
                dd {
                    code { (Text(&a.id)) } ", created " (Text(display_time(&a.created)))
                    ", last changed " (Text(display_time(&a.updated)))
                }
                "\n"
                @if let Some(c) = &pack.comparison {
                    dt { "Compared with" }
                    dd {
                        (Text(&c.before.name)) " (" code { (Text(&c.before.id)) } "), last changed "
                        (Text(display_time(&c.before.updated)))
                    }
                    "\n"
                }
                dt { "Questionnaires" }
                dd {
                    @if pack.questionnaires.is_empty() {
                        "none available"
                    } @else {
                        ul {
                            @for q in &pack.questionnaires {
                                li {
                                    (Text(&q.title)) " (version " (Text(&q.version)) ")"
                                    @if q.answered_version != q.version {
                                        ", answered against version " (Text(&q.answered_version))
                                    }
                                }
                            }
                        }
                    }
                }
                "\n"
            }
            "\n"
        }
        "\n"
    }
}

/// The page's contents, for reading on screen (print leaves it out).
pub(super) fn contents(pack: &BoardPack) -> Markup {
    let mut parts = vec![("summary", html! { "Summary" })];
    if let Some(c) = &pack.comparison {
        parts.push(("since", html! { "Since " (Text(clip(&c.before.name, 48))) }));
    }
    parts.extend([
        ("areas", html! { "Scores by area" }),
        ("weakest", html! { "The weakest links" }),
    ]);
    if !pack.board_answers.is_empty() {
        parts.push(("board", html! { "The board's answers" }));
    }
    parts.extend([
        ("actions", html! { "Action plan" }),
        ("answers", html! { "Every answer" }),
        ("method", html! { "How to read the figures" }),
    ]);
    html! {
        nav class="toc" aria-label="Contents" {
            @for (id, text) in &parts {
                a href=(format!("#{id}")) { (text) }
            }
        }
        "\n"
    }
}

/// The summary: the overall level and figures as tiles, a reading of them, and the glance.
pub(super) fn summary(pack: &BoardPack) -> Markup {
    let o = &pack.overall;
    let share = o.coverage.unwrap_or(0.0);
    let known = format!(
        "{} of {} applicable scored items.",
        capitalised(&answered_counts(o)),
        o.applicable
    );
    html! {
        section id="summary" {
            "\n"
            h2 { "Summary" } "\n"
            div class="headline" {
                "\n"
                div class=(format!("tile level {}", level_class(o.level))) {
                    span class="k" { "Overall maturity level" }
                    span class="v" {
                        @match o.level {
                            Some(l) => { "Level " (l) }
                            None => { "No level" }
                        }
                    }
                    span class="vn" { (o.level_name.unwrap_or("nothing applicable yet")) }
                    span class="ladder" aria-hidden="true" {
                        @for step in 0..=3u8 {
                            span class=[o.level.is_some_and(|l| step <= l).then_some("on")] {
                                (step)
                            }
                        }
                    }
                    span class="s" { "On the scale 0–3; the weakest area sets it." }
                }
                "\n"
                (tile(
                    "Overall score",
                    &pct(o.score),
                    if o.score.is_some() {
                        "Weighted mean of every applicable item; an unanswered one counts 0."
                    } else {
                        "No scored item applies."
                    },
                    None,
                ))
                (tile(
                    "Known",
                    &pct(o.coverage),
                    &known,
                    Some(share),
                ))
                (tile(
                    "Weakest links",
                    &pack.weakest_links.len().to_string(),
                    "Answered items below the pass mark.",
                    None,
                ))
                (tile(
                    "Actions",
                    &pack.action_plan.len().to_string(),
                    "Gaps and items flagged for follow-up.",
                    None,
                ))
            }
            "\n"
            p class="lead" { (lead(pack)) } "\n"
            (glance(pack))
        }
        "\n"
    }
}

/// A headline figure: what it is, the figure, a meter for a share, and a line on it.
fn tile(key: &str, value: &str, sub: &str, meter: Option<f64>) -> Markup {
    html! {
        div class="tile" {
            span class="k" { (Text(key)) }
            span class="v" { (Text(value)) }
            @if let Some(share) = meter {
                span class="meter" aria-hidden="true" {
                    span style=(format!("width: {:.1}%", share.clamp(0.0, 1.0) * 100.0)) {}
                }
            }
            span class="s" { (Text(sub)) }
        }
        "\n"
    }
}

/// The cover's one-paragraph reading of the figures.
fn lead(pack: &BoardPack) -> Markup {
    let o = &pack.overall;
    if o.total > 0 && o.answered == 0 {
        return html! {
            "Nothing is answered yet: all " (o.total) " scored items are still to be assessed, \
             so every area stands at level 0 and there is no score to show. The charts and \
             tables below fill in as the questions are answered."
        };
    }
    let weakest: Vec<&str> = o.level.map_or_else(Vec::new, |level| {
        pack.areas
            .iter()
            .filter(|a| a.figures.level == Some(level))
            .map(|a| a.title.as_str())
            .collect()
    });
    html! {
        @match o.level {
            Some(l) => {
                "Overall, supplier security is at level " (l) ", " strong { (Level::at_most_3(l).name()) }
                ": " (Level::at_most_3(l).meaning()) "."
            }
            None => {
                "No area has an applicable scored item yet, so there is no overall level."
            }
        }
        @if !weakest.is_empty() && weakest.len() < pack.areas.len() {
            " The level is set by the weakest "
            (if weakest.len() == 1 { "area" } else { "areas" }) ": "
            @for (n, title) in weakest.iter().enumerate() {
                @if n > 0 { "; " }
                (Text(title))
            }
            "."
        }
        @if pack.not_assessed > 0 {
            " " (pack.not_assessed) " of " (o.total) " scored items are not yet assessed; an \
             unanswered item holds its area's level down until it is answered."
        }
        @if !pack.action_plan.is_empty() {
            " The " a href="#actions" { "action plan" } " lists "
            (count(pack.action_plan.len(), "item", "items"))
            " for follow-up, each with its owner."
        }
    }
}

/// The cover's two glances: how many areas stand at each level, and the weakest links at
/// the top of the list. Left out while nothing is answered.
fn glance(pack: &BoardPack) -> Markup {
    if pack.areas.is_empty() || pack.overall.answered == 0 {
        return html! {};
    }
    let total = pack.areas.len();
    let mut levels: Vec<Option<u8>> = (0..=3u8).map(Some).collect();
    if pack.areas.iter().any(|a| a.figures.level.is_none()) {
        levels.push(None);
    }
    let at = |level: Option<u8>| {
        pack.areas
            .iter()
            .filter(|a| a.figures.level.map(|l| l.min(3)) == level)
            .count()
    };
    let links = &pack.weakest_links;
    let shown = links.len().min(TOP_LINKS);
    html! {
        div class="glance" {
            "\n"
            div {
                "\n"
                h3 { "Areas at each level" } "\n"
                table class="dist" {
                    "\n"
                    tbody {
                        "\n"
                        @for level in levels {
                            tr class=(level_class(level)) {
                                th { (pill(level)) " " (level.map_or("No level", |l| Level::at_most_3(l).name())) }
                                td {
                                    span class="dbar" {
                                        span style=(format!(
                                            "width: {:.1}%",
                                            at(level) as f64 / total as f64 * 100.0
                                        )) {}
                                    }
                                }
                                td class="num" { (count(at(level), "area", "areas")) }
                            }
                            "\n"
                        }
                    }
                    "\n"
                }
                "\n"
            }
            "\n"
            @if !links.is_empty() {
                div {
                    "\n"
                    h3 {
                        @if shown == 1 { "The weakest link" } @else { "The " (shown) " weakest links" }
                    }
                    "\n"
                    ol class="top" {
                        "\n"
                        @for l in links.iter().take(TOP_LINKS) {
                            li {
                                (pill(Some(l.level))) " " (Text(&l.prompt))
                                div class="ref" {
                                    (Text(&l.section)) " · "
                                    (answer_with_value(&l.answer, Some(l.value)))
                                }
                            }
                            "\n"
                        }
                    }
                    "\n"
                    @if links.len() > shown {
                        p class="more" {
                            "The full list of " (links.len()) " is under "
                            a href="#weakest" { "The weakest links" } "."
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

/// "Scores by area": the legend, the bar chart and, from three areas, the radar chart.
pub(super) fn area_charts(pack: &BoardPack) -> Markup {
    // With a comparison, each area's earlier score (`None` where it had none).
    let earlier: Option<Vec<Option<f64>>> = pack.comparison.as_ref().map(|c| {
        pack.areas
            .iter()
            .map(|a| {
                c.sections
                    .iter()
                    .find(|s| s.id == a.id)
                    .and_then(|s| s.change.score_before)
            })
            .collect()
    });
    html! {
        section id="areas" {
            "\n"
            h2 { "Scores by area" } "\n"
            @if pack.areas.is_empty() {
                p class="empty" {
                    "No areas: the assessment's questionnaires are not available."
                }
                "\n"
            } @else {
                p class="intro" {
                    "Each bar is an area's score: the weighted mean value of its answered items. \
                     The label beside it gives the area's maturity level. A level needs every \
                     item of that level and below to be answered and achieved, so a high score \
                     can still sit with a low level."
                    @if pack.comparison.is_some() {
                        " The thin tick on a bar marks the area's score in the earlier assessment."
                    }
                }
                "\n"
                @if pack.areas.iter().all(|a| a.figures.score.is_none()) {
                    p class="empty" {
                        "No area has a score yet: nothing is answered. The bars and the radar \
                         chart fill in as items are answered."
                    }
                    "\n"
                }
                p class="legend" {
                    @for l in 0..=3u8 {
                        span class=(level_class(Some(l))) { "L" (level_words(Some(l))) }
                    }
                    span class="lnone" { "No level (nothing applicable)" }
                    @if pack.comparison.is_some() {
                        span class="was" { "earlier score" }
                    }
                }
                "\n"
                (bar_chart(&pack.areas, earlier.as_deref()))
                @if pack.areas.len() >= 3 {
                    h3 { "Maturity across the areas" } "\n"
                    (radar_chart(&pack.areas))
                }
            }
        }
        "\n"
    }
}

/// "How to read the figures": the scoring rule, the levels, and the questionnaires used.
pub(super) fn method(pack: &BoardPack) -> Markup {
    html! {
        section id="method" class="method" {
            "\n"
            h2 { "How to read the figures" } "\n"
            p { (Text(pack.scoring_rule)) } "\n"
            table {
                "\n"
                thead {
                    tr { th { "Level" } th { "Name" } th { "Meaning for supplier relationships" } }
                }
                "\n"
                tbody {
                    "\n"
                    @for (l, (name, meaning)) in (0..=3u8).zip(Level::ALL.map(|l| (l.name(), l.meaning()))) {
                        tr { td { (pill(Some(l))) } td { (name) } td { (meaning) } } "\n"
                    }
                }
                "\n"
            }
            "\n"
            @if !pack.questionnaires.is_empty() {
                table {
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
                                td { (Text(&q.version)) }
                                td class="num" { (number(q.pass_mark)) }
                                td { (Text(&q.source)) }
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

/// Text with its first letter in upper case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
