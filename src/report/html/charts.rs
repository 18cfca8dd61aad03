//! The page's SVG charts: the areas' scores as bars, and as a radar with its key.

use maud::{Markup, html};

use super::{Text, level_class, pct, pill_or_dash};
use crate::figures::coverage;
use crate::pack::{Area, clip, level_text};
use crate::scoring::Figures;

/// Where the bars of the bar chart start, how long a full bar is and how tall.
const BAR_X: f64 = 336.0;
const BAR: f64 = 270.0;
const BAR_H: f64 = 15.0;
/// The line height of a bar chart label.
const LINE: f64 = 16.0;

/// A coordinate with one decimal, as the charts write them.
fn dec1(x: f64) -> String {
    format!("{x:.1}")
}

/// Text broken at spaces into lines of at most `width` characters, at most `max_lines` of
/// them; what does not fit is cut with an ellipsis.
pub(super) fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    let max_lines = max_lines.max(1);
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(rest);
    }
    lines.iter().map(|l| clip(l, width)).collect()
}

/// What stands in a chart where an area has no score.
fn no_score(f: &Figures) -> &'static str {
    if f.level.is_none() {
        "nothing applicable"
    } else {
        "not yet assessed"
    }
}

/// A level as a chart labels it: "L2 Managed", or "No level".
fn level_label(f: &Figures) -> String {
    if f.level.is_some() {
        format!("L{}", level_text(f))
    } else {
        "No level".to_string()
    }
}

/// What the bar chart knows of an area's earlier score.
#[derive(Debug, Clone, Copy)]
enum Earlier {
    /// The pack is not compared with an earlier assessment.
    NotCompared,
    /// The area had no score in the earlier assessment.
    NoScore,
    /// The area's earlier score.
    Score(f64),
}

/// Horizontal bars: one per area, grouped by questionnaire, with score and level; with
/// `earlier` (one per area), a tick at each earlier score.
pub(super) fn bar_chart(areas: &[Area], earlier: Option<&[Option<f64>]>) -> Markup {
    const WIDTH: f64 = 880.0;
    const LABEL_CHARS: usize = 42;
    const GROUP: f64 = 30.0;
    const TOP: f64 = 24.0;
    const BOTTOM: f64 = 24.0;
    let new_group = |i: usize| i == 0 || areas[i - 1].questionnaire != areas[i].questionnaire;
    let labels: Vec<Vec<String>> = areas
        .iter()
        .map(|a| wrap(&a.title, LABEL_CHARS, 2))
        .collect();
    let row_height = |lines: usize| 12.0 + LINE * lines as f64;
    // Each area's top: the rows above it and their group headings.
    let mut tops = Vec::with_capacity(areas.len());
    let mut y = TOP;
    for (i, lines) in labels.iter().enumerate() {
        if new_group(i) {
            y += GROUP;
        }
        tops.push(y);
        y += row_height(lines.len());
    }
    let height = y + BOTTOM;
    html! {
        div class="scroll" {
            svg class="chart bars" viewBox=(format!("0 0 {WIDTH} {height}")) role="img"
                aria-label="Bar chart of each area's score and level" {
                "\n"
                @for step in [0.0, 0.25, 0.5, 0.75, 1.0] {
                    @let x = BAR_X + BAR * step;
                    line class="grid" x1=(x) y1=(TOP - 4.0) x2=(x) y2=(height - BOTTOM + 4.0) {}
                    text class="small" x=(x) y="14" text-anchor="middle" { (pct(Some(step))) }
                    text class="small" x=(x) y=(height - 6.0) text-anchor="middle" {
                        (pct(Some(step)))
                    }
                    "\n"
                }
                @for (i, area) in areas.iter().enumerate() {
                    @if new_group(i) {
                        text class="group" x="0" y=(tops[i] - GROUP + 20.0) {
                            (Text(clip(&area.questionnaire, 90)))
                        }
                        "\n"
                    }
                    @let was = match earlier.map(|e| e.get(i).copied().flatten()) {
                        None => Earlier::NotCompared,
                        Some(None) => Earlier::NoScore,
                        Some(Some(score)) => Earlier::Score(score),
                    };
                    (bar_row(area, &labels[i], tops[i] + row_height(labels[i].len()) / 2.0, was))
                }
            }
        }
        "\n"
    }
}

/// One area's bar, its label (`lines`) and its figures, centred on `mid`; with a
/// comparison (`was`), a tick at the earlier score, if there was one.
fn bar_row(area: &Area, lines: &[String], mid: f64, was: Earlier) -> Markup {
    let f = &area.figures;
    let bar_y = dec1(mid - BAR_H / 2.0);
    let earlier = match was {
        Earlier::NotCompared => String::new(),
        Earlier::NoScore => format!("; earlier score {}", pct(None)),
        Earlier::Score(s) => format!("; earlier score {}", pct(Some(s))),
    };
    html! {
        g class=(level_class(f.level)) {
            title {
                (Text(&area.title)) ": score " (Text(pct(f.score))) ", "
                (Text(coverage(f.coverage))) ", level " (Text(level_text(f))) (Text(earlier))
            }
            text x="12" y=(dec1(mid + 4.5 - LINE * (lines.len() - 1) as f64 / 2.0)) {
                @for (n, line) in lines.iter().enumerate() {
                    tspan x="12" dy=[(n > 0).then_some(LINE)] { (Text(line)) }
                }
            }
            @match f.score {
                Some(score) => {
                    rect class="track" x=(BAR_X) y=(bar_y) width=(BAR) height=(BAR_H) rx="2" {}
                    rect class="bar" x=(BAR_X) y=(bar_y) width=(dec1(BAR * score.clamp(0.0, 1.0)))
                        height=(BAR_H) rx="2" {}
                }
                None => {
                    rect class="track missing" x=(BAR_X) y=(bar_y) width=(BAR) height=(BAR_H)
                        rx="2" {}
                    rect class="bar" x=(BAR_X) y=(bar_y) width="0" height=(BAR_H) {}
                    text class="none" x=(BAR_X + 8.0) y=(dec1(mid + 4.0)) { (no_score(f)) }
                }
            }
            @if let Earlier::Score(earlier) = was {
                rect class="was" x=(dec1(BAR_X + BAR * earlier.clamp(0.0, 1.0) - 1.5))
                    y=(dec1(mid - BAR_H / 2.0 - 3.0)) width="3" height=(BAR_H + 6.0) rx="1" {}
            }
            text class="num" x=(BAR_X + BAR + 46.0) y=(dec1(mid + 4.5)) text-anchor="end" {
                (Text(pct(f.score)))
            }
            rect class="mark" x=(BAR_X + BAR + 58.0) y=(dec1(mid - 5.0)) width="10" height="10"
                rx="2" {}
            text x=(BAR_X + BAR + 73.0) y=(dec1(mid + 4.5)) {
                (Text(level_label(f))) " · " (Text(coverage(f.coverage)))
            }
        }
        "\n"
    }
}

/// A radar (spider) chart of the areas' scores, numbered, with a key beside it.
pub(super) fn radar_chart(areas: &[Area]) -> Markup {
    const SIZE: f64 = 460.0;
    const C: f64 = SIZE / 2.0;
    const R: f64 = 178.0;
    const RINGS: [f64; 4] = [0.25, 0.5, 0.75, 1.0];
    let n = areas.len();
    let angle =
        |i: usize| std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let point = |i: usize, r: f64| (C + r * angle(i).cos(), C + r * angle(i).sin());
    let points = |corners: &mut dyn Iterator<Item = (usize, f64)>| {
        corners
            .map(|(i, r)| {
                let (x, y) = point(i, r);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let scored: Vec<(usize, f64)> = areas
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.figures.score.map(|s| (i, s.clamp(0.0, 1.0))))
        .collect();
    html! {
        div class="radar" {
            "\n"
            svg class="chart spider" viewBox=(format!("0 0 {SIZE} {SIZE}")) role="img"
                aria-label="Radar chart of the areas' scores; the numbers are those of the key" {
                "\n"
                @for ring in RINGS {
                    polygon class="grid" points=(points(&mut (0..n).map(|i| (i, R * ring)))) {}
                    "\n"
                }
                @for i in 0..n {
                    @let (x, y) = point(i, R);
                    line class="grid" x1=(C) y1=(C) x2=(dec1(x)) y2=(dec1(y)) {} "\n"
                }
                polygon class="area"
                    points=(points(&mut scored.iter().map(|&(i, s)| (i, R * s)))) {}
                "\n"
                @for ring in RINGS {
                    text class="small halo" x=(dec1(C + 4.0)) y=(dec1(C - R * ring + 11.0)) {
                        (pct(Some(ring)))
                    }
                    "\n"
                }
                @for &(i, s) in &scored {
                    @let a = &areas[i];
                    @let (x, y) = point(i, R * s);
                    circle class=(format!("dot {}", level_class(a.figures.level))) cx=(dec1(x))
                        cy=(dec1(y)) r="4.5" {
                        title {
                            (i + 1) ". " (Text(&a.title)) ": " (Text(pct(a.figures.score))) ", "
                            (Text(level_label(&a.figures)))
                        }
                    }
                    "\n"
                }
                @for i in 0..n {
                    @let (x, y) = point(i, R + 17.0);
                    @let cos = angle(i).cos();
                    @let anchor = if cos > 0.3 { "start" } else if cos < -0.3 { "end" } else { "middle" };
                    text class="num" x=(dec1(x)) y=(dec1(y + 4.5)) text-anchor=(anchor) { (i + 1) }
                    "\n"
                }
                @if scored.is_empty() {
                    text class="none halo" x=(C) y=(dec1(C + 4.0)) text-anchor="middle" {
                        "No area has a score yet"
                    }
                    "\n"
                }
            }
            "\n"
            (radar_key(areas))
        }
        "\n"
    }
}

/// The radar chart's key: each area's number, title, score and level.
fn radar_key(areas: &[Area]) -> Markup {
    let unscored: Vec<String> = areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.figures.score.is_none())
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    let which = match unscored.as_slice() {
        [one] => format!("Area {one} has"),
        [rest @ .., last] => format!("Areas {} and {last} have", rest.join(", ")),
        [] => String::new(),
    };
    html! {
        div {
            "\n"
            table class="key" {
                "\n"
                thead {
                    tr {
                        th class="num" { "#" } th { "Area" } th class="num" { "Score" }
                        th { "Level" }
                    }
                }
                "\n"
                tbody {
                    "\n"
                    @for (i, a) in areas.iter().enumerate() {
                        @if i == 0 || areas[i - 1].questionnaire != a.questionnaire {
                            tr class="group" { th colspan="4" { (Text(&a.questionnaire)) } } "\n"
                        }
                        @let f = &a.figures;
                        tr {
                            td class="num" { (i + 1) }
                            td { (Text(&a.title)) }
                            td class="num" {
                                @match f.score {
                                    Some(s) => { (Text(pct(Some(s)))) }
                                    None => { span class="muted" { (no_score(f)) } }
                                }
                            }
                            td { (pill_or_dash(f.level)) }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
            @if !unscored.is_empty() && unscored.len() < areas.len() {
                p class="intro" {
                    (which) " no score yet, so no point on the chart; the shape joins the areas \
                     that have one."
                }
                "\n"
            }
        }
        "\n"
    }
}
