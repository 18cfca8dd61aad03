//! "Since …": what changed since the earlier assessment a pack is compared with.

use maud::{Markup, html};

use super::{Text, level_class, lines, pct, pill, pill_or_dash, ref_line};
use crate::compare::{Change, Comparison, ItemChange};
use crate::figures::Level;
use crate::pack::{BoardPack, count, display_time};
use crate::report::since;

/// The class of a change's colour: `up`, `down`, `same`, or `none` without a change.
fn change_class(c: &Change) -> &'static str {
    match since::direction(c) {
        Some(std::cmp::Ordering::Greater) => "up",
        Some(std::cmp::Ordering::Less) => "down",
        Some(std::cmp::Ordering::Equal) => "same",
        None => "none",
    }
}

/// A change in points that does not break between arrow and number, e.g. "▲ +12".
fn change_figure(c: &Change) -> String {
    since::change_text(c).replace(' ', "\u{a0}")
}

/// A change in points as a coloured figure, e.g. "▲ +12".
fn change_cell(c: &Change) -> Markup {
    html! {
        span class=(format!("chg {}", change_class(c))) { (Text(change_figure(c))) }
    }
}

/// "What changed since the earlier assessment": the overall figures before and after, a
/// reading of them, every area's move, and the answers that moved.
pub(super) fn since(pack: &BoardPack, c: &Comparison) -> Markup {
    let reading = since::reading(c);
    html! {
        section id="since" {
            "\n"
            h2 { "Appendix: since " (Text(&c.before.name)) } "\n"
            p class="intro" {
                "Compared with the earlier assessment " strong { (Text(&c.before.name)) } " ("
                code { (Text(&c.before.id)) } "), last changed "
                (Text(display_time(&c.before.updated)))
                ". Changes are in percentage points, between the whole percentages shown."
            }
            "\n"
            (since_tiles(c))
            p class="lead" { (Text(&reading.lead)) } "\n"
            ul class="points" {
                "\n"
                @for point in &reading.points {
                    li { (Text(point)) } "\n"
                }
            }
            "\n"
            (since_areas(pack, c))
            (since_items(pack, c))
        }
        "\n"
    }
}

/// A headline figure of the comparison: what it is, the figure (with the value's own
/// classes, `v` first), and a line on it.
fn figure(key: &str, value: &Markup, class: &str, sub: &str) -> Markup {
    html! {
        div class="tile" {
            span class="k" { (key) }
            span class=(class) { (value) }
            span class="s" { (sub) }
        }
        "\n"
    }
}

/// The overall figures earlier and now, and how many answers moved, as tiles.
fn since_tiles(c: &Comparison) -> Markup {
    let o = &c.overall;
    let name = |l: Option<u8>| l.map_or("no level", |l| Level::at_most_3(l).name());
    let names = if o.level_before == o.level_after {
        format!("Still {}", name(o.level_after))
    } else {
        format!("{} → {}", name(o.level_before), name(o.level_after))
    };
    html! {
        div class="headline" {
            "\n"
            div class=(format!("tile level {}", level_class(o.level_after))) {
                span class="k" { "Overall maturity level" }
                span class="v" { "Level " (Text(since::level_move(o))) }
                span class="vn" { (Text(&names)) }
                span class="s" { "Earlier → now, on the scale " span class="nw" { "0–3" } "." }
            }
            "\n"
            (figure(
                "Overall score",
                &html! {
                    (Text(pct(o.score_before))) span class="to" { "→" } (Text(pct(o.score_after)))
                },
                "v pair",
                &format!(
                    "Earlier → now; known {} → {}.",
                    pct(o.coverage_before),
                    pct(o.coverage_after)
                ),
            ))
            (figure(
                "Change",
                &html! { (Text(o.shown().to_string().replace(' ', "\u{a0}"))) },
                &format!("v chg {}", change_class(o)),
                &since::cause_sentence(o)
                    .unwrap_or_else(|| "Percentage points, overall.".to_string()),
            ))
            (figure(
                "Improved",
                &html! { (c.improved.len()) },
                "v",
                "Answers better than before.",
            ))
            (figure(
                "Slipped",
                &html! { (c.slipped.len()) },
                "v",
                "Answers worse than before.",
            ))
        }
        "\n"
    }
}

/// The answers that improved, slipped, were answered for the first time or are no longer
/// answered.
fn since_items(pack: &BoardPack, c: &Comparison) -> Markup {
    let lists = since::move_lists(c);
    // The empty lists first, on one line, so that none is left alone after the others.
    let empty: Vec<&str> = lists
        .iter()
        .filter(|l| l.items.is_empty())
        .map(|l| l.title)
        .collect();
    html! {
        @if !empty.is_empty() {
            p class="more" {
                @for (n, title) in empty.iter().enumerate() {
                    @if n > 0 { " " }
                    strong { (title) ":" } " none."
                }
            }
            "\n"
        }
        @for l in lists.iter().filter(|l| !l.items.is_empty()) {
            h3 {
                (l.title) " "
                span class="muted" {
                    "· " (count(l.items.len(), l.noun, &format!("{}s", l.noun)))
                }
            }
            "\n"
            @if l.listed {
                (moves_table(pack, l.items))
            } @else {
                p class="more" {
                    "Too many to list here; the appendix gives each item's answer now."
                }
                "\n"
            }
        }
    }
}

/// Every area's level and score before and after, in the pack's order, grouped by
/// questionnaire.
fn since_areas(pack: &BoardPack, c: &Comparison) -> Markup {
    let questionnaires: Vec<&str> = c
        .sections
        .iter()
        .map(|s| {
            pack.areas
                .iter()
                .find(|a| a.id == s.id)
                .map_or("Only in the earlier assessment", |a| {
                    a.questionnaire.as_str()
                })
        })
        .collect();
    html! {
        h3 { "Area by area" } "\n"
        @if c.sections.is_empty() {
            p class="empty" { "No areas: the questionnaires are not available." } "\n"
        } @else {
            table class="since-areas" {
                "\n"
                colgroup {
                    col; col class="c-level"; col class="c-score"; col class="c-chg";
                }
                "\n"
                thead {
                    tr {
                        th { "Area" } th { "Level" } th class="num" { "Score" }
                        th class="num" { "Change" }
                    }
                }
                "\n"
                tbody {
                    "\n"
                    @for (i, s) in c.sections.iter().enumerate() {
                        @if i == 0 || questionnaires[i - 1] != questionnaires[i] {
                            tr class="group" { th colspan="4" { (Text(questionnaires[i])) } }
                            "\n"
                        }
                        @let ch = &s.change;
                        tr class=(change_class(ch)) {
                            td class="area" { (Text(&s.title)) }
                            td class="lv" {
                                (pill_or_dash(ch.level_before)) span class="to" { "→" }
                                (pill_or_dash(ch.level_after))
                            }
                            td class="num" {
                                (Text(pct(ch.score_before))) span class="to" { "→" }
                                (Text(pct(ch.score_after)))
                            }
                            td class="num" { (change_cell(ch)) }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }
}

/// Items with their answer before and after.
fn moves_table(pack: &BoardPack, items: &[ItemChange]) -> Markup {
    let answer = |text: &str, _value: Option<f64>| {
        if text.is_empty() {
            html! { span class="muted" { "not assessed" } }
        } else {
            lines(&since::short_answer(text))
        }
    };
    html! {
        table class="data moves" {
            "\n"
            colgroup { col; col class="c-answer"; col class="c-answer"; }
            "\n"
            thead { tr { th { "Item" } th { "Earlier" } th { "Now" } } }
            "\n"
            tbody {
                "\n"
                @for i in items {
                    @let row = pack.item(&i.item);
                    tr {
                        td {
                            (pill(row.and_then(|r| r.level))) " "
                            span class="prompt" { (Text(&i.prompt)) }
                            (ref_line(
                                row.map(|r| r.section.as_str()),
                                row.map_or(&[], |r| r.refs.as_slice()),
                                None,
                            ))
                        }
                        td data-label="Earlier" { (answer(&i.answer_before, i.value_before)) }
                        td data-label="Now" { (answer(&i.answer_after, i.value_after)) }
                    }
                    "\n"
                }
            }
            "\n"
        }
        "\n"
    }
}
