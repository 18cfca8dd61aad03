//! The board pack as one self-contained HTML page: inline CSS (light and dark screen
//! themes, clean A4 print), inline SVG charts, no scripts, fonts or links to anything
//! outside the page. Every piece of text from a file or a user goes through [`escape`].

use std::fmt::Write as _;

use super::markdown::number;
use super::summary::{
    Area, BoardPack, CheckRow, ItemRow, Status, display_time, level_text, percent,
};
use crate::scoring::{Figures, LEVEL_MEANINGS, LEVEL_NAMES};

/// A percentage that does not break between number and sign.
fn pct(score: Option<f64>) -> String {
    percent(score).replace(' ', "\u{a0}")
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text whose line breaks become `<br>`.
fn escape_lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("<br>\n")
}

/// Text cut to `max` characters with an ellipsis (for chart labels; the full text is in a
/// tooltip and in the tables).
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The CSS class of a level (`l0`–`l3`, `lnone`).
fn level_class(level: Option<u8>) -> String {
    level.map_or_else(|| "lnone".to_string(), |l| format!("l{}", l.min(3)))
}

const CSS: &str = r#"
:root {
  --bg: #ffffff; --fg: #1f2933; --muted: #5f6b7a; --rule: #d9dee5; --panel: #f4f6f9;
  --accent: #1d3557; --gap: #fbeaea; --grid: #e3e7ed;
  --l0: #b3261e; --l1: #c76a00; --l2: #1f6fb2; --l3: #2e7d32; --lnone: #9aa5b1;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #14181f; --fg: #e6e9ee; --muted: #a3adba; --rule: #333b47; --panel: #1d232c;
    --accent: #9cc3ff; --gap: #3a2224; --grid: #2a313c;
    --l0: #ff7b72; --l1: #f0a04b; --l2: #6cb6ff; --l3: #6fdd8b; --lnone: #6b7785;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body {
  margin: 0 auto; max-width: 60rem; padding: 2.5rem 2rem 4rem;
  font: 15px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif;
}
h1, h2, h3 { font-family: Georgia, "Times New Roman", serif; color: var(--accent); line-height: 1.2; }
h1 { font-size: 2.1rem; margin: 0.2rem 0 0.3rem; }
h2 { font-size: 1.45rem; margin: 2.6rem 0 0.8rem; padding-bottom: 0.3rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.1rem; margin: 1.6rem 0 0.5rem; }
p { margin: 0.5rem 0; }
a { color: var(--accent); }
.kicker { text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.78rem; color: var(--muted); margin: 0; }
.org { font-size: 1.15rem; margin: 0 0 1rem; }
.muted, .ref { color: var(--muted); }
.ref { font-size: 0.8rem; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0 0 1.4rem; font-size: 0.9rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.headline { display: flex; flex-wrap: wrap; gap: 0.8rem; margin: 1rem 0; }
.tile { flex: 1 1 9rem; background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 0.7rem 0.9rem; }
.tile .v { display: block; font-size: 1.7rem; font-weight: 600; line-height: 1.1; }
.tile .k { font-size: 0.8rem; color: var(--muted); }
.tile.level { flex: 2 1 16rem; border-left: 6px solid var(--lc, var(--lnone)); }
.tile.level .v { color: var(--lc, var(--fg)); }
.l0 { --lc: var(--l0); } .l1 { --lc: var(--l1); } .l2 { --lc: var(--l2); } .l3 { --lc: var(--l3); } .lnone { --lc: var(--lnone); }
.lead { font-size: 1.02rem; }
.pill { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600; color: var(--bg); background: var(--lc, var(--lnone)); white-space: nowrap; }
table { width: 100%; border-collapse: collapse; font-size: 0.88rem; margin: 0.4rem 0 1rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--rule); }
th { font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); border-bottom: 2px solid var(--rule); }
td.num, th.num { text-align: right; white-space: nowrap; }
tr.gap td { background: var(--gap); }
table.answers { table-layout: fixed; }
table.answers th:nth-child(1) { width: 52%; } table.answers th:nth-child(2) { width: 30%; }
.note { margin-top: 0.25rem; padding-left: 0.6rem; border-left: 3px solid var(--rule); color: var(--fg); font-size: 0.85rem; }
.flag { color: var(--l0); font-weight: 600; white-space: nowrap; }
.checks { list-style: none; margin: 0.3rem 0 0; padding: 0; font-size: 0.82rem; }
.checks li { padding-left: 1.3rem; text-indent: -1.3rem; }
.checks .off { color: var(--muted); }
.quote { margin: 0.3rem 0 1.1rem; padding: 0.6rem 0.9rem; background: var(--panel); border-left: 4px solid var(--accent); }
.chart { width: 100%; height: auto; display: block; margin: 0.5rem 0 1rem; }
.chart text { fill: var(--fg); font: 12px "Segoe UI", system-ui, Arial, sans-serif; }
.chart .small { font-size: 10.5px; fill: var(--muted); }
.chart .group { font-weight: 600; fill: var(--accent); }
.chart .grid { stroke: var(--grid); stroke-width: 1; fill: none; }
.chart .track { fill: var(--panel); }
.chart .bar.l0 { fill: var(--l0); } .chart .bar.l1 { fill: var(--l1); } .chart .bar.l2 { fill: var(--l2); } .chart .bar.l3 { fill: var(--l3); } .chart .bar.lnone { fill: var(--lnone); }
.chart .area { fill: var(--accent); fill-opacity: 0.18; stroke: var(--accent); stroke-width: 2; }
.radar { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.radar svg { flex: 1 1 22rem; max-width: 30rem; }
.radar ol { flex: 1 1 16rem; font-size: 0.82rem; margin: 0.5rem 0; padding-left: 1.6rem; }
.legend { font-size: 0.8rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; }
.legend span::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em; border-radius: 2px; background: var(--lc); vertical-align: -0.05em; }
.method { font-size: 0.88rem; }
footer { margin-top: 3rem; font-size: 0.78rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 0.6rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  :root {
    --bg: #ffffff; --fg: #000000; --muted: #4a5462; --rule: #c5ccd6; --panel: #f2f4f7;
    --accent: #1d3557; --gap: #fbeaea; --grid: #dde2e8;
    --l0: #b3261e; --l1: #c76a00; --l2: #1f6fb2; --l3: #2e7d32; --lnone: #9aa5b1;
  }
  html, body { background: #ffffff; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { margin-top: 1.4rem; break-after: avoid; }
  h3 { break-after: avoid; }
  tr, .tile, .quote, .chart, .radar { break-inside: avoid; }
  thead { display: table-header-group; }
  .appendix { break-before: page; }
}
"#;

/// Writes the board pack as one self-contained HTML page.
pub fn render(pack: &BoardPack) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let a = &pack.assessment;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>Board pack: {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(&a.name)
    );
    cover(&mut out, pack);
    area_charts(&mut out, pack);
    weakest_links(&mut out, pack);
    board_answers(&mut out, pack);
    action_plan(&mut out, pack);
    every_answer(&mut out, pack);
    method(&mut out, pack);
    let _ = write!(
        out,
        "<footer>Board pack written by supplycheck from assessment <code>{}</code>, \
         last changed {}.</footer>\n</body>\n</html>\n",
        escape(&a.id),
        escape(&display_time(&a.updated))
    );
    out
}

fn cover(out: &mut String, pack: &BoardPack) {
    let a = &pack.assessment;
    let o = &pack.overall;
    let _ = write!(
        out,
        "<header>\n<p class=\"kicker\">Cyber security in supplier relationships · Board pack</p>\n\
         <h1>{}</h1>\n",
        escape(&a.name)
    );
    if !a.organisation.is_empty() {
        let _ = writeln!(out, "<p class=\"org\">{}</p>", escape(&a.organisation));
    }
    out.push_str("<dl class=\"meta\">\n");
    if let Some(r) = &a.respondent {
        let _ = writeln!(out, "<dt>Answers given by</dt><dd>{}</dd>", escape(r));
    }
    let _ = writeln!(
        out,
        "<dt>Assessment</dt><dd><code>{}</code>, created {}, last changed {}</dd>",
        escape(&a.id),
        escape(&display_time(&a.created)),
        escape(&display_time(&a.updated))
    );
    let versions: Vec<String> = pack
        .questionnaires
        .iter()
        .map(|q| {
            let mut s = format!("{} (version {})", escape(&q.title), escape(&q.version));
            if q.answered_version != q.version {
                let _ = write!(
                    s,
                    ", answered against version {}",
                    escape(&q.answered_version)
                );
            }
            s
        })
        .collect();
    let _ = writeln!(
        out,
        "<dt>Questionnaires</dt><dd>{}</dd>\n</dl>\n</header>",
        if versions.is_empty() {
            "none available".to_string()
        } else {
            versions.join("; ")
        }
    );

    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"headline\">\n");
    let _ = writeln!(
        out,
        "<div class=\"tile level {}\"><span class=\"v\">{}</span>\
         <span class=\"k\">Overall maturity level (0–3)</span></div>",
        level_class(o.level),
        escape(&level_text(o))
    );
    tile(out, &pct(o.score), "Overall score");
    tile(
        out,
        &format!("{}/{}", o.answered, o.total),
        "Scored items answered",
    );
    tile(
        out,
        &pack.weakest_links.len().to_string(),
        "Weakest links (below the pass mark)",
    );
    tile(
        out,
        &pack.action_plan.len().to_string(),
        "Actions to follow up",
    );
    out.push_str("</div>\n");
    let _ = writeln!(out, "<p class=\"lead\">{}</p>", lead(pack));
    out.push_str("</section>\n");
}

fn tile(out: &mut String, value: &str, key: &str) {
    let _ = writeln!(
        out,
        "<div class=\"tile\"><span class=\"v\">{}</span><span class=\"k\">{}</span></div>",
        escape(value),
        escape(key)
    );
}

/// The cover's one-paragraph reading of the figures.
fn lead(pack: &BoardPack) -> String {
    let o = &pack.overall;
    let mut s = match o.level {
        Some(l) => format!(
            "Overall, supplier security is at level {l}, <strong>{}</strong>: {}.",
            LEVEL_NAMES[usize::from(l.min(3))],
            LEVEL_MEANINGS[usize::from(l.min(3))]
        ),
        None => {
            "No area has an applicable scored item yet, so there is no overall level.".to_string()
        }
    };
    if let Some(level) = o.level {
        let weakest: Vec<String> = pack
            .areas
            .iter()
            .filter(|a| a.figures.level == Some(level))
            .map(|a| escape(&a.title))
            .collect();
        if !weakest.is_empty() && weakest.len() < pack.areas.len() {
            let _ = write!(
                s,
                " The level is set by the weakest {}: {}.",
                if weakest.len() == 1 { "area" } else { "areas" },
                weakest.join("; ")
            );
        }
    }
    if pack.not_assessed > 0 {
        let _ = write!(
            s,
            " {} of {} scored items are not yet assessed; an unanswered item holds its \
             area's level down until it is answered.",
            pack.not_assessed, o.total
        );
    }
    if !pack.action_plan.is_empty() {
        let _ = write!(
            s,
            " The <a href=\"#actions\">action plan</a> lists {} items for follow-up, each with \
             its owner.",
            pack.action_plan.len()
        );
    }
    s
}

fn area_charts(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"areas\">\n<h2>Scores by area</h2>\n");
    if pack.areas.is_empty() {
        out.push_str(
            "<p>No areas: the assessment's questionnaires are not available.</p>\n</section>\n",
        );
        return;
    }
    out.push_str("<p class=\"legend\">");
    for (l, name) in LEVEL_NAMES.iter().enumerate() {
        let _ = write!(out, "<span class=\"l{l}\">Level {l} {name}</span>");
    }
    out.push_str("<span class=\"lnone\">No level (nothing applicable)</span></p>\n");
    bar_chart(out, &pack.areas);
    if pack.areas.len() >= 3 {
        out.push_str("<h3>Maturity across the areas</h3>\n");
        radar_chart(out, &pack.areas);
    }
    out.push_str("</section>\n");
}

/// Horizontal bars: one per area, grouped by questionnaire, with score and level.
fn bar_chart(out: &mut String, areas: &[Area]) {
    const WIDTH: f64 = 760.0;
    const LABEL: f64 = 300.0;
    const BAR: f64 = 300.0;
    const ROW: f64 = 26.0;
    let groups = areas
        .iter()
        .enumerate()
        .filter(|(i, a)| *i == 0 || areas[i - 1].questionnaire != a.questionnaire)
        .count();
    let height = 24.0 + ROW * (areas.len() + groups) as f64 + 8.0;
    let _ = writeln!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" \
         aria-label=\"Bar chart of each area's score and level\">"
    );
    for pct in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = LABEL + BAR * pct;
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{x}\" y1=\"16\" x2=\"{x}\" y2=\"{}\"/>\
             <text class=\"small\" x=\"{x}\" y=\"12\" text-anchor=\"middle\">{:.0} %</text>",
            height - 4.0,
            pct * 100.0
        );
    }
    let mut y = 24.0;
    for (i, area) in areas.iter().enumerate() {
        if i == 0 || areas[i - 1].questionnaire != area.questionnaire {
            let _ = writeln!(
                out,
                "<text class=\"group\" x=\"0\" y=\"{}\">{}</text>",
                y + 17.0,
                escape(&clip(&area.questionnaire, 60))
            );
            y += ROW;
        }
        let f = &area.figures;
        let w = f.score.map_or(0.0, |s| BAR * s.clamp(0.0, 1.0));
        let class = level_class(f.level);
        let _ = writeln!(
            out,
            "<g><title>{}: {} score, level {}</title>\
             <text x=\"12\" y=\"{}\">{}</text>\
             <rect class=\"track\" x=\"{LABEL}\" y=\"{}\" width=\"{BAR}\" height=\"16\" rx=\"2\"/>\
             <rect class=\"bar {class}\" x=\"{LABEL}\" y=\"{}\" width=\"{w:.1}\" height=\"16\" rx=\"2\"/>\
             <text x=\"{}\" y=\"{}\">{}</text>\
             <text class=\"small\" x=\"{}\" y=\"{}\">{}</text></g>",
            escape(&area.title),
            escape(&pct(f.score)),
            escape(&level_text(f)),
            y + 17.0,
            escape(&clip(&area.title, 44)),
            y + 5.0,
            y + 5.0,
            LABEL + BAR + 10.0,
            y + 17.0,
            escape(&pct(f.score)),
            LABEL + BAR + 56.0,
            y + 17.0,
            escape(&level_label(f)),
        );
        y += ROW;
    }
    out.push_str("</svg>\n");
}

fn level_label(f: &Figures) -> String {
    match (f.level, f.level_name) {
        (Some(l), Some(n)) => format!("L{l} {n}"),
        _ => "no level".to_string(),
    }
}

/// A radar (spider) chart of the areas' scores, with a numbered key.
fn radar_chart(out: &mut String, areas: &[Area]) {
    const SIZE: f64 = 440.0;
    const C: f64 = SIZE / 2.0;
    const R: f64 = 170.0;
    let n = areas.len();
    let point = |i: usize, r: f64| {
        let angle = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
        (C + r * angle.cos(), C + r * angle.sin())
    };
    out.push_str("<div class=\"radar\">\n");
    let _ = writeln!(
        out,
        "<svg class=\"chart\" viewBox=\"0 0 {SIZE} {SIZE}\" role=\"img\" \
         aria-label=\"Radar chart of the areas' scores\">"
    );
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let pts: Vec<String> = (0..n)
            .map(|i| {
                let (x, y) = point(i, R * ring);
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = writeln!(
            out,
            "<polygon class=\"grid\" points=\"{}\"/>",
            pts.join(" ")
        );
        let (_, y) = point(0, R * ring);
        let _ = writeln!(
            out,
            "<text class=\"small\" x=\"{:.1}\" y=\"{:.1}\">{:.0}\u{a0}%</text>",
            C + 5.0,
            y + 12.0,
            ring * 100.0
        );
    }
    for i in 0..n {
        let (x, y) = point(i, R);
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{C}\" y1=\"{C}\" x2=\"{x:.1}\" y2=\"{y:.1}\"/>"
        );
    }
    let shape: Vec<String> = areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let (x, y) = point(i, R * a.figures.score.unwrap_or(0.0).clamp(0.0, 1.0));
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let _ = writeln!(
        out,
        "<polygon class=\"area\" points=\"{}\"/>",
        shape.join(" ")
    );
    for (i, a) in areas.iter().enumerate() {
        let (x, y) = point(i, R * a.figures.score.unwrap_or(0.0).clamp(0.0, 1.0));
        let _ = writeln!(
            out,
            "<circle class=\"bar {}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\"><title>{}: {}</title></circle>",
            level_class(a.figures.level),
            escape(&a.title),
            escape(&pct(a.figures.score))
        );
        let (lx, ly) = point(i, R + 16.0);
        let _ = writeln!(
            out,
            "<text x=\"{lx:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
            ly + 4.0,
            i + 1
        );
    }
    out.push_str("</svg>\n<ol>\n");
    for a in areas {
        let _ = writeln!(
            out,
            "<li>{} <span class=\"muted\">{} · {}</span></li>",
            escape(&a.title),
            escape(&pct(a.figures.score)),
            escape(&level_label(&a.figures))
        );
    }
    out.push_str("</ol>\n</div>\n");
}

fn pill(level: Option<u8>) -> String {
    match level {
        Some(l) => format!("<span class=\"pill l{}\">L{l}</span>", l.min(3)),
        None => String::new(),
    }
}

fn refs(refs: &[String], item: &str) -> String {
    let mut s = escape(&refs.join(", "));
    if !s.is_empty() {
        s.push_str(" · ");
    }
    let _ = write!(s, "{}", escape(item));
    format!("<div class=\"ref\">{s}</div>")
}

fn note(note: Option<&String>) -> String {
    note.map(|n| format!("<div class=\"note\">{}</div>", escape_lines(n)))
        .unwrap_or_default()
}

fn weakest_links(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"weakest\">\n<h2>The weakest links</h2>\n");
    if pack.weakest_links.is_empty() {
        out.push_str("<p>No answered item is below the pass mark.</p>\n");
    } else {
        out.push_str(
            "<p class=\"muted\">Answered items below the pass mark, lowest level first, then by \
             how far they fall short.</p>\n<table>\n<thead><tr><th class=\"num\">#</th><th>Item</th>\
             <th>Level</th><th>Answer</th><th>Owner</th></tr></thead>\n<tbody>\n",
        );
        for (n, l) in pack.weakest_links.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr><td class=\"num\">{}</td><td>{}<div class=\"ref\">{}</div>{}</td>\
                 <td>{}</td><td>{} <span class=\"muted\">({})</span></td><td>{}</td></tr>",
                n + 1,
                escape(&l.prompt),
                escape(&l.section),
                refs(&l.refs, &l.item),
                pill(Some(l.level)),
                escape(&l.answer),
                escape(&pct(Some(l.value))),
                l.owner.as_deref().map_or_else(
                    || "<span class=\"muted\">not assigned</span>".to_string(),
                    escape
                ),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if pack.not_assessed > 0 {
        let _ = writeln!(
            out,
            "<p><strong>Not yet assessed:</strong> {} scored {}.</p>",
            pack.not_assessed,
            if pack.not_assessed == 1 {
                "item"
            } else {
                "items"
            }
        );
    }
    out.push_str("</section>\n");
}

fn board_answers(out: &mut String, pack: &BoardPack) {
    if pack.board_answers.is_empty() {
        return;
    }
    out.push_str("<section id=\"board\">\n<h2>The board's answers</h2>\n");
    for b in &pack.board_answers {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&b.prompt));
        match &b.answer {
            Some(text) => {
                let _ = writeln!(out, "<div class=\"quote\">{}</div>", escape_lines(text));
            }
            None => out.push_str("<p class=\"muted\"><em>Not yet answered.</em></p>\n"),
        }
    }
    out.push_str("</section>\n");
}

fn action_plan(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"actions\">\n<h2>Action plan</h2>\n");
    if pack.action_plan.is_empty() {
        out.push_str("<p>Nothing to follow up: no gaps and no flagged items.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<p class=\"muted\">Every weakest link in order, then every item flagged for follow-up \
         in questionnaire order.</p>\n<table>\n<thead><tr><th class=\"num\">#</th><th>Item</th>\
         <th>Why</th><th>Answer</th><th>Owner</th></tr></thead>\n<tbody>\n",
    );
    for (n, x) in pack.action_plan.iter().enumerate() {
        let why = match (x.is_gap, x.flag) {
            (true, true) => "Gap <span class=\"flag\">⚑ flagged</span>",
            (true, false) => "Gap",
            _ => "<span class=\"flag\">⚑ flagged</span>",
        };
        let answer = match (x.answer.is_empty(), x.value) {
            (true, _) => "<span class=\"muted\">not yet answered</span>".to_string(),
            (false, Some(v)) => format!(
                "{} <span class=\"muted\">({})</span>",
                escape(&x.answer),
                escape(&pct(Some(v)))
            ),
            (false, None) => escape_lines(&x.answer),
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{} {}<div class=\"ref\">{}</div>{}{}</td>\
             <td>{why}</td><td>{answer}</td><td>{}</td></tr>",
            n + 1,
            pill(x.level),
            escape(&x.prompt),
            escape(&x.section),
            refs(&x.refs, &x.item),
            note(x.note.as_ref()),
            x.owner.as_deref().map_or_else(
                || "<span class=\"muted\">not assigned</span>".to_string(),
                escape
            ),
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn every_answer(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"answers\" class=\"appendix\">\n<h2>Appendix: every answer</h2>\n");
    for area in &pack.areas {
        let _ = writeln!(
            out,
            "<h3>{} <span class=\"muted\">· {}</span></h3>\n<table class=\"answers\">\n<thead><tr><th>Item</th>\
             <th>Answer</th><th>Owner</th></tr></thead>\n<tbody>",
            escape(&area.title),
            escape(&area.questionnaire)
        );
        for row in pack.items_of(&area.id) {
            answer_row(out, row);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn answer_row(out: &mut String, row: &ItemRow) {
    let class = if row.status == Status::BelowPassMark {
        " class=\"gap\""
    } else {
        ""
    };
    let answer = match row.status {
        Status::Unanswered => "<span class=\"muted\">not yet answered</span>".to_string(),
        Status::Text => escape_lines(&row.answer),
        _ => match row.value {
            Some(v) => format!(
                "{} <span class=\"muted\">({})</span>",
                escape(&row.answer),
                escape(&pct(Some(v)))
            ),
            None => escape(&row.answer),
        },
    };
    let flag = if row.flag {
        " <span class=\"flag\">⚑ flagged</span>"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<tr{class}><td>{} {}{}{}</td><td>{answer}{flag}{}</td><td>{}</td></tr>",
        pill(row.level),
        escape(&row.prompt),
        refs(&row.refs, &row.item),
        note(row.note.as_ref()),
        checks(&row.checks, row.status),
        row.owner.as_deref().map(escape).unwrap_or_default(),
    );
}

fn checks(checks: &[CheckRow], status: Status) -> String {
    if checks.is_empty() || matches!(status, Status::Unanswered | Status::NotApplicable) {
        return String::new();
    }
    let mut list = String::from("<ul class=\"checks\">");
    for c in checks {
        let (mark, class, suffix) = match (c.na, c.ticked) {
            (true, _) => ("–", " class=\"off\"", " (N/A)"),
            (false, true) => ("✓", "", ""),
            (false, false) => ("✗", " class=\"off\"", ""),
        };
        let _ = write!(list, "<li{class}>{mark} {}{suffix}</li>", escape(&c.text));
    }
    list.push_str("</ul>");
    list
}

fn method(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"method\" class=\"method\">\n<h2>How to read the figures</h2>\n");
    let _ = writeln!(out, "<p>{}</p>", escape(pack.scoring_rule));
    out.push_str(
        "<table>\n<thead><tr><th>Level</th><th>Name</th><th>Meaning for supplier relationships</th></tr></thead>\n<tbody>\n",
    );
    for (l, (name, meaning)) in LEVEL_NAMES.iter().zip(LEVEL_MEANINGS).enumerate() {
        let _ = writeln!(
            out,
            "<tr><td><span class=\"pill l{l}\">L{l}</span></td><td>{name}</td><td>{meaning}</td></tr>"
        );
    }
    out.push_str("</tbody>\n</table>\n");
    if !pack.questionnaires.is_empty() {
        out.push_str(
            "<table>\n<thead><tr><th>Questionnaire</th><th>Version</th><th class=\"num\">Pass mark</th>\
             <th>Source</th></tr></thead>\n<tbody>\n",
        );
        for q in &pack.questionnaires {
            let _ = writeln!(
                out,
                "<tr><td>{} <span class=\"ref\">{}</span></td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&q.title),
                escape(&q.id),
                escape(&q.version),
                number(q.pass_mark),
                escape(&q.source)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_the_five_specials() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn clip_shortens_long_labels() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
