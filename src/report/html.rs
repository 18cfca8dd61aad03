//! The board pack as one self-contained HTML page: inline CSS (light and dark screen
//! themes, a narrow-screen layout, clean A4 print with page numbers), inline SVG charts, no
//! scripts, fonts or links to anything outside the page. Every piece of text from a file or
//! a user goes through [`escape`] (or [`css_string`] inside the style sheet).

use std::fmt::Write as _;

use super::since;
use crate::compare::{Change, Comparison, ItemChange};
use crate::figures::Level;
use crate::pack::{
    Action, Area, BoardPack, CheckRow, ItemRow, Status, clip, count, display_time, level_text,
    number, percent,
};
use crate::scoring::Figures;

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

/// Text as the inside of a double-quoted CSS string in a `<style>` element: everything but
/// ASCII letters, digits and spaces becomes a hex escape, so no quote, backslash, `<` or
/// line break can end the string or the element.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out
}

/// Escaped text whose line breaks become `<br>`.
fn escape_lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("<br>\n")
}

/// Text broken at spaces into lines of at most `width` characters, at most `max_lines` of
/// them; what does not fit is cut with an ellipsis.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
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

/// The CSS class of a level (`l0`–`l3`, `lnone`).
fn level_class(level: Option<u8>) -> String {
    level.map_or_else(|| "lnone".to_string(), |l| format!("l{}", l.min(3)))
}

/// A stored RFC 3339 time as a date people read ("19 November 2026").
fn display_date(stored: &str) -> String {
    stored.parse::<jiff::Timestamp>().map_or_else(
        |_| display_time(stored),
        |t| t.strftime("%-d %B %Y").to_string(),
    )
}

const CSS: &str = r##"
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1c2430; --muted: #5b6675; --rule: #d8dde4; --strong-rule: #9aa4b1;
  --panel: #f3f5f8; --accent: #1d3557; --accent-soft: #e6edf6; --gap: #fcebea; --grid: #e1e5eb;
  --l0: #b3261e; --l1: #a85400; --l2: #1f6fb2; --l3: #2e7d32; --lnone: #6b7785; --on-level: #ffffff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #12161c; --fg: #e4e8ee; --muted: #a3adba; --rule: #323a46; --strong-rule: #5b6675;
    --panel: #1b2129; --accent: #9cc3ff; --accent-soft: #1d2a3b; --gap: #3b2427; --grid: #2b323d;
    --l0: #ff8a80; --l1: #f0a04b; --l2: #6cb6ff; --l3: #6fdd8b; --lnone: #8b96a3; --on-level: #12161c;
  }
}
* { box-sizing: border-box; }
html { font-size: 15.5px; background: var(--bg); color: var(--fg); -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0 auto; max-width: 62rem; padding: 2.2rem 2rem 4rem;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-variant-numeric: tabular-nums;
}
h1, h2, h3 { color: var(--accent); line-height: 1.25; font-weight: 700; }
h1 { font-size: 2.15rem; margin: 0 0 0.2rem; letter-spacing: -0.01em; color: var(--fg); }
h2 { font-size: 1.4rem; margin: 3rem 0 0.9rem; padding-bottom: 0.35rem; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.08rem; margin: 1.8rem 0 0.5rem; }
p { margin: 0.5rem 0; }
a { color: var(--accent); }
code, .id { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
.muted { color: var(--muted); }
.intro { color: var(--muted); font-size: 0.92rem; max-width: 48rem; }
.masthead { display: flex; justify-content: space-between; flex-wrap: wrap; gap: 0.2rem 1rem; border-bottom: 3px solid var(--accent); padding-bottom: 0.45rem; margin-bottom: 1.6rem; font-size: 0.74rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); }
.org { font-size: 1.2rem; margin: 0 0 1.2rem; color: var(--muted); }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.2rem; margin: 0 0 1rem; font-size: 0.9rem; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; }
.meta ul { margin: 0; padding: 0; list-style: none; }
.toc { display: flex; flex-wrap: wrap; gap: 0.3rem 1.2rem; font-size: 0.85rem; padding: 0.6rem 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); margin: 1.2rem 0 0; }
.toc a { text-decoration: none; }
.toc a:hover { text-decoration: underline; }
.headline { display: grid; grid-template-columns: minmax(0, 1.6fr) repeat(4, minmax(0, 1fr)); gap: 0.8rem; margin: 1rem 0 1.2rem; }
.tile { background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; padding: 0.75rem 0.95rem; display: flex; flex-direction: column; gap: 0.15rem; }
.tile .k { font-size: 0.72rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.tile .v { font-size: 1.6rem; font-weight: 700; line-height: 1.15; white-space: nowrap; }
.tile .vn { font-size: 1.1rem; font-weight: 700; line-height: 1.2; color: var(--lc); }
.tile .s { font-size: 0.8rem; color: var(--muted); line-height: 1.35; }
.tile.level { border-left: 6px solid var(--lc); }
.tile.level .v { color: var(--lc); }
.l0 { --lc: var(--l0); } .l1 { --lc: var(--l1); } .l2 { --lc: var(--l2); } .l3 { --lc: var(--l3); } .lnone { --lc: var(--lnone); }
.ladder { display: flex; gap: 4px; margin: 0.3rem 0 0.15rem; }
.ladder span { flex: 1; text-align: center; font-size: 0.72rem; font-weight: 700; line-height: 1.6; border: 1px solid var(--strong-rule); border-radius: 3px; color: var(--muted); }
.ladder span.on { background: var(--lc); border-color: var(--lc); color: var(--on-level); }
.meter { height: 6px; background: var(--grid); border-radius: 3px; overflow: hidden; margin-top: 0.35rem; }
.meter span { display: block; height: 100%; background: var(--accent); }
.lead { font-size: 1.04rem; max-width: 50rem; margin: 0.4rem 0 0; }
.glance { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 0 2rem; margin-top: 1.2rem; }
.glance h3 { margin-top: 0.8rem; font-size: 0.95rem; }
table.dist { font-size: 0.88rem; margin: 0.2rem 0; }
table.dist th { font-weight: 600; white-space: nowrap; width: 1%; }
table.dist td.num { width: 1%; white-space: nowrap; }
table.dist th, table.dist td { padding: 0.3rem 0.4rem; border-bottom: 1px solid var(--rule); vertical-align: middle; }
.dbar { display: block; height: 0.7rem; background: var(--grid); border-radius: 2px; overflow: hidden; min-width: 3rem; }
.dbar span { display: block; height: 100%; background: var(--lc); }
ol.top { margin: 0.2rem 0; padding-left: 1.4rem; font-size: 0.9rem; }
ol.top li { padding: 0.25rem 0 0.3rem; border-bottom: 1px solid var(--rule); }
ol.top li::marker { color: var(--muted); }
.more { font-size: 0.85rem; margin: 0.4rem 0 0; }
.empty { padding: 0.6rem 0.9rem; border: 1px dashed var(--strong-rule); border-radius: 6px; color: var(--muted); }
.pill { display: inline-block; min-width: 2.1em; text-align: center; padding: 0 0.4rem; border-radius: 999px; font-size: 0.74rem; font-weight: 700; line-height: 1.55; color: var(--on-level); background: var(--lc, var(--lnone)); white-space: nowrap; vertical-align: 0.08em; }
.tag { display: inline-block; margin: 0.2rem 0.3rem 0 0; padding: 0 0.4rem; border: 1px solid currentColor; border-radius: 4px; font-size: 0.72rem; font-weight: 600; line-height: 1.5; white-space: nowrap; }
.tag.gap { color: var(--l0); }
.tag.flag { color: var(--accent); }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0 1.2rem; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.55rem; border-bottom: 1px solid var(--rule); overflow-wrap: break-word; }
table.data td { overflow-wrap: anywhere; }
thead th { font-size: 0.7rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); border-bottom: 2px solid var(--strong-rule); padding-top: 0.3rem; padding-bottom: 0.35rem; }
td.num, th.num { text-align: right; white-space: nowrap; overflow-wrap: normal; }
table.data td.num, table.key td.num:first-child { color: var(--muted); }
table.data { table-layout: fixed; }
col.c-num { width: 2.6rem; } col.c-answer { width: 23%; } col.c-owner { width: 17%; }
tr.group th { background: var(--accent-soft); font-size: 0.86rem; font-weight: 600; padding: 0.45rem 0.55rem; border-bottom: 1px solid var(--rule); }
tr.group th .muted { font-weight: 400; }
tr.gap td { background: var(--gap); }
.prompt { font-weight: 500; }
.ref { margin-top: 0.15rem; font-size: 0.78rem; color: var(--muted); }
.val { color: var(--muted); white-space: nowrap; }
.note { margin-top: 0.4rem; padding: 0.3rem 0.6rem; border-left: 3px solid var(--accent); background: var(--panel); font-size: 0.85rem; }
.checks { list-style: none; margin: 0.4rem 0 0; padding: 0; font-size: 0.82rem; }
.checks li { padding-left: 1.25rem; text-indent: -1.25rem; }
.checks .mark { display: inline-block; width: 1.25rem; text-indent: 0; font-weight: 700; }
.checks .off { color: var(--muted); }
.areafig { margin: -0.2rem 0 0.4rem; font-size: 0.85rem; color: var(--muted); }
.quote { margin: 0.4rem 0 1.3rem; padding: 0.75rem 1rem; background: var(--panel); border-left: 4px solid var(--accent); border-radius: 0 6px 6px 0; }
.board h3 { color: var(--fg); font-size: 1rem; }
.scroll { overflow-x: auto; }
.chart { width: 100%; height: auto; display: block; margin: 0.4rem 0 0.8rem; font-family: inherit; }
.chart text { fill: var(--fg); font-size: 13px; }
.chart .small { font-size: 11px; fill: var(--muted); }
.chart .group { font-weight: 700; fill: var(--accent); }
.chart .num { font-weight: 700; }
.spider text { font-size: 15px; }
.spider .small { font-size: 12px; }
.spider .none { font-size: 14px; }
.chart .none { font-size: 11.5px; font-style: italic; fill: var(--muted); }
.chart .halo { paint-order: stroke; stroke: var(--bg); stroke-width: 3px; stroke-linejoin: round; }
.chart .grid { stroke: var(--grid); stroke-width: 1; fill: none; }
.chart .track { fill: var(--panel); stroke: var(--rule); stroke-width: 0.5; }
.chart .track.missing { fill: none; stroke: var(--strong-rule); stroke-dasharray: 3 3; }
.chart .bar, .chart .dot, .chart .mark { fill: var(--lc); }
.chart .dot { stroke: var(--bg); stroke-width: 1.5; }
.chart .area { fill: var(--accent); fill-opacity: 0.14; stroke: var(--accent); stroke-width: 2; stroke-linejoin: round; }
.radar { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 1.8rem; align-items: start; }
table.key { font-size: 0.84rem; margin-top: 0.4rem; }
table.key td, table.key th { padding: 0.2rem 0.4rem; }
table.key td:last-child { white-space: nowrap; }
table.key tr.group th { font-size: 0.78rem; padding: 0.3rem 0.4rem; }
.legend { font-size: 0.8rem; color: var(--muted); display: flex; flex-wrap: wrap; gap: 0.3rem 1.1rem; margin: 0.6rem 0 0.2rem; }
.legend span::before { content: ""; display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.4em; border-radius: 2px; background: var(--lc); vertical-align: -0.05em; }
.method { font-size: 0.9rem; }
footer { margin-top: 3rem; font-size: 0.78rem; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 0.6rem; }
@media screen and (max-width: 52rem) {
  .headline { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .tile.level { grid-column: span 2; }
  .radar, .glance { grid-template-columns: minmax(0, 1fr); }
  .radar svg { max-width: 30rem; margin: 0 auto; }
}
@media screen and (max-width: 40rem) {
  html { font-size: 15px; }
  body { padding: 1.2rem 1rem 3rem; }
  h1 { font-size: 1.65rem; }
  h2 { font-size: 1.25rem; margin-top: 2.4rem; }
  .meta { grid-template-columns: minmax(0, 1fr); gap: 0; }
  .meta dd { margin-bottom: 0.5rem; }
  .tile .v { font-size: 1.6rem; }
  table.data, table.data tbody, table.data tr, table.data td, table.data tr.group th { display: block; width: auto; }
  table.data thead, table.data colgroup { display: none; }
  table.data tr { border-bottom: 1px solid var(--rule); padding: 0.5rem 0.4rem; }
  table.data tr.gap { background: var(--gap); }
  table.data tr.group { padding: 0; border: none; margin-top: 0.8rem; }
  table.data td { border: none; padding: 0.12rem 0; background: none; }
  table.data td:empty { display: none; }
  table.data td.num { text-align: left; font-weight: 700; }
  table.data td.num::before { content: "#"; }
  table.data td[data-label]::before { content: attr(data-label) ": "; font-size: 0.72rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
}
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  :root {
    color-scheme: light;
    --bg: #ffffff; --fg: #111820; --muted: #4d5866; --rule: #cdd3db; --strong-rule: #8c96a3;
    --panel: #f2f4f7; --accent: #1d3557; --accent-soft: #e6edf6; --gap: #fbeaea; --grid: #dde2e8;
    --l0: #b3261e; --l1: #a85400; --l2: #1f6fb2; --l3: #2e7d32; --lnone: #6b7785; --on-level: #ffffff;
  }
  html { font-size: 9.5pt; }
  html, body { background: #ffffff; }
  body { max-width: none; padding: 0; line-height: 1.4; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  .toc { display: none; }
  h1 { font-size: 21pt; }
  h2 { font-size: 14pt; margin: 0 0 0.7rem; break-after: avoid; }
  #board h2 { margin-top: 1.6rem; }
  h3 { font-size: 11pt; margin-top: 1.1rem; break-after: avoid; }
  #areas, #actions, .appendix, #method { break-before: page; }
  #weakest h2 { margin-top: 1.6rem; }
  .headline { grid-template-columns: minmax(0, 1.5fr) repeat(4, minmax(0, 1fr)); gap: 0.5rem; }
  .tile { padding: 0.5rem 0.65rem; }
  .tile .v { font-size: 14pt; }
  .tile .vn { font-size: 11pt; }
  .scroll { overflow: visible; }
  .chart { margin: 0.2rem 0 0.4rem; }
  .radar { grid-template-columns: 50% minmax(0, 1fr); gap: 0 1.2rem; }
  .radar, .glance { break-inside: avoid; }
  table { font-size: 9pt; }
  table.key { font-size: 8pt; margin-top: 0; }
  table.key td, table.key th { padding: 0.1rem 0.35rem; }
  .appendix table { font-size: 8.7pt; }
  tr, .tile, .quote, .chart, .legend, .areafig, .note { break-inside: avoid; }
  .areafig { break-after: avoid; }
  tr.group { break-after: avoid; }
  .board h3 { break-after: avoid; }
  thead { display: table-header-group; }
  footer { margin-top: 1.5rem; }
}
"##;

/// The style sheet's additions for a pack compared with an earlier assessment ("Since …"
/// and the earlier scores on the bar chart); left out otherwise.
const SINCE_CSS: &str = r"
.nw { white-space: nowrap; }
.chg { font-weight: 700; white-space: nowrap; }
.chg.up { color: var(--l3); }
.chg.down { color: var(--l0); }
.chg.same, .chg.none { color: var(--muted); font-weight: 600; }
.tile .v.pair { font-size: 1.2rem; line-height: 1.55; white-space: normal; }
.tile .v.pair .to { margin: 0 0.15rem; }
.tile .v.chg.same, .tile .v.chg.none { font-weight: 700; }
.to { color: var(--muted); margin: 0 0.3rem; }
ul.points { max-width: 50rem; margin: 0.6rem 0 0; padding-left: 1.3rem; }
ul.points li { margin: 0.25rem 0; }
ul.points li::marker { color: var(--accent); }
table.since-areas { table-layout: fixed; }
table.since-areas td { vertical-align: middle; }
table.since-areas col.c-level { width: 7.5rem; }
table.since-areas col.c-score { width: 8.5rem; }
table.since-areas col.c-chg { width: 5.5rem; }
table.since-areas td.lv { white-space: nowrap; }
table.since-areas tr.same td.area { color: var(--muted); }
.chart .was { fill: var(--fg); stroke: var(--bg); stroke-width: 1; }
.legend span.was::before { width: 3px; height: 1.1em; border-radius: 1px; background: var(--fg); vertical-align: -0.2em; }
@media screen and (max-width: 40rem) {
  table.since-areas, table.since-areas tbody { display: block; }
  table.since-areas thead, table.since-areas colgroup { display: none; }
  table.since-areas tr { display: grid; grid-template-columns: max-content minmax(0, 1fr) max-content; gap: 0.1rem 0.9rem; align-items: center; padding: 0.45rem 0.4rem; border-bottom: 1px solid var(--rule); }
  table.since-areas tr.group { display: block; padding: 0; border: none; margin-top: 0.8rem; }
  table.since-areas tr.group th { display: block; }
  table.since-areas td { border: none; padding: 0; }
  table.since-areas td.area { grid-column: 1 / -1; }
  table.since-areas td.num { text-align: left; }
  table.since-areas td:last-child { text-align: right; }
}
@media print {
  #since { break-before: page; }
  .tile .v.pair { font-size: 12pt; }
  #since table { font-size: 8.7pt; }
  table.since-areas td, table.since-areas th { padding: 0.28rem 0.45rem; }
  table.moves td { padding: 0.35rem 0.5rem; }
}
";

/// Writes the board pack as one self-contained HTML page.
pub fn render(pack: &BoardPack) -> String {
    let mut out = String::with_capacity(96 * 1024);
    let a = &pack.assessment;
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title>Board pack: {}</title>\n<style>{CSS}{}{}</style>\n</head>\n<body>\n",
        escape(&a.name),
        page_boxes(&a.name),
        if pack.comparison.is_some() {
            SINCE_CSS
        } else {
            ""
        }
    );
    cover(&mut out, pack);
    contents(&mut out, pack);
    out.push_str("<main>\n");
    summary(&mut out, pack);
    if let Some(c) = &pack.comparison {
        since(&mut out, pack, c);
    }
    area_charts(&mut out, pack);
    weakest_links(&mut out, pack);
    board_answers(&mut out, pack);
    action_plan(&mut out, pack);
    every_answer(&mut out, pack);
    method(&mut out, pack);
    out.push_str("</main>\n");
    let _ = write!(
        out,
        "<footer>Board pack written by supplycheck from assessment <code>{}</code>, \
         last changed {}.</footer>\n</body>\n</html>\n",
        escape(&a.id),
        escape(&display_time(&a.updated))
    );
    out
}

/// The printed page's running foot: the paper's name and the page number.
fn page_boxes(name: &str) -> String {
    format!(
        "@page {{\n  @bottom-left {{ content: \"Board pack \\b7  {}\"; font: 7.5pt system-ui, \
         sans-serif; color: #4d5866; }}\n  @bottom-right {{ content: \"Page \" counter(page) \
         \" of \" counter(pages); font: 7.5pt system-ui, sans-serif; color: #4d5866; }}\n}}\n",
        css_string(&clip(name, 90))
    )
}

fn cover(out: &mut String, pack: &BoardPack) {
    let a = &pack.assessment;
    let _ = write!(
        out,
        "<header>\n<div class=\"masthead\"><span>Board paper · Cyber security in supplier \
         relationships</span><span>As at {}</span></div>\n<h1>{}</h1>\n",
        escape(&display_date(&a.updated)),
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
    if let Some(c) = &pack.comparison {
        let _ = writeln!(
            out,
            "<dt>Compared with</dt><dd>{} (<code>{}</code>), last changed {}</dd>",
            escape(&c.before.name),
            escape(&c.before.id),
            escape(&display_time(&c.before.updated))
        );
    }
    out.push_str("<dt>Questionnaires</dt><dd>");
    if pack.questionnaires.is_empty() {
        out.push_str("none available");
    } else {
        out.push_str("<ul>");
        for q in &pack.questionnaires {
            let _ = write!(
                out,
                "<li>{} (version {})",
                escape(&q.title),
                escape(&q.version)
            );
            if q.answered_version != q.version {
                let _ = write!(
                    out,
                    ", answered against version {}",
                    escape(&q.answered_version)
                );
            }
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    out.push_str("</dd>\n</dl>\n</header>\n");
}

/// The page's contents, for reading on screen (print leaves it out).
fn contents(out: &mut String, pack: &BoardPack) {
    out.push_str("<nav class=\"toc\" aria-label=\"Contents\">");
    // Each link's text as HTML.
    let mut parts = vec![("summary", "Summary".to_string())];
    if let Some(c) = &pack.comparison {
        parts.push((
            "since",
            format!("Since {}", escape(&clip(&c.before.name, 48))),
        ));
    }
    parts.extend([
        ("areas", "Scores by area".to_string()),
        ("weakest", "The weakest links".to_string()),
    ]);
    if !pack.board_answers.is_empty() {
        parts.push(("board", "The board's answers".to_string()));
    }
    parts.extend([
        ("actions", "Action plan".to_string()),
        ("answers", "Every answer".to_string()),
        ("method", "How to read the figures".to_string()),
    ]);
    for (id, text) in parts {
        let _ = write!(out, "<a href=\"#{id}\">{text}</a>");
    }
    out.push_str("</nav>\n");
}

fn summary(out: &mut String, pack: &BoardPack) {
    let o = &pack.overall;
    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"headline\">\n");
    let _ = write!(
        out,
        "<div class=\"tile level {}\"><span class=\"k\">Overall maturity level</span>\
         <span class=\"v\">{}</span><span class=\"vn\">{}</span>\
         <span class=\"ladder\" aria-hidden=\"true\">",
        level_class(o.level),
        o.level
            .map_or_else(|| "No level".to_string(), |l| format!("Level {l}")),
        escape(o.level_name.unwrap_or("nothing applicable yet")),
    );
    for step in 0..=3u8 {
        let on = o.level.is_some_and(|l| step <= l);
        let _ = write!(
            out,
            "<span{}>{step}</span>",
            if on { " class=\"on\"" } else { "" }
        );
    }
    out.push_str(
        "</span><span class=\"s\">On the scale 0–3; the weakest area sets it.</span></div>\n",
    );
    tile(
        out,
        "Overall score",
        &pct(o.score),
        if o.score.is_some() {
            "Weighted mean of the answered items."
        } else {
            "Nothing answered yet."
        },
        None,
    );
    let share = if o.total == 0 {
        0.0
    } else {
        o.answered as f64 / o.total as f64
    };
    tile(
        out,
        "Answered",
        &format!("{}/{}", o.answered, o.total),
        "Scored items with an answer.",
        Some(share),
    );
    tile(
        out,
        "Weakest links",
        &pack.weakest_links.len().to_string(),
        "Answered items below the pass mark.",
        None,
    );
    tile(
        out,
        "Actions",
        &pack.action_plan.len().to_string(),
        "Gaps and items flagged for follow-up.",
        None,
    );
    out.push_str("</div>\n");
    let _ = writeln!(out, "<p class=\"lead\">{}</p>", lead(pack));
    glance(out, pack);
    out.push_str("</section>\n");
}

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
fn change_cell(c: &Change) -> String {
    format!(
        "<span class=\"chg {}\">{}</span>",
        change_class(c),
        escape(&change_figure(c))
    )
}

/// A level as a pill, or a muted dash.
fn pill_or_dash(level: Option<u8>) -> String {
    level.map_or_else(
        || "<span class=\"muted\">–</span>".to_string(),
        |l| pill(Some(l)),
    )
}

/// "What changed since the earlier assessment": the overall figures before and after, a
/// reading of them, every area's move, and the answers that moved.
fn since(out: &mut String, pack: &BoardPack, c: &Comparison) {
    let _ = writeln!(
        out,
        "<section id=\"since\">\n<h2>Since {}</h2>\n<p class=\"intro\">Compared with the earlier \
         assessment <strong>{}</strong> (<code>{}</code>), last changed {}. Changes are in \
         percentage points, between the whole percentages shown.</p>",
        escape(&c.before.name),
        escape(&c.before.name),
        escape(&c.before.id),
        escape(&display_time(&c.before.updated)),
    );
    since_tiles(out, c);
    let reading = since::reading(c);
    let _ = writeln!(
        out,
        "<p class=\"lead\">{}</p>\n<ul class=\"points\">",
        escape(&reading.lead)
    );
    for point in &reading.points {
        let _ = writeln!(out, "<li>{}</li>", escape(point));
    }
    out.push_str("</ul>\n");
    since_areas(out, pack, c);
    since_items(out, pack, c);
    out.push_str("</section>\n");
}

/// The overall figures earlier and now, and how many answers moved, as tiles.
fn since_tiles(out: &mut String, c: &Comparison) {
    let o = &c.overall;
    out.push_str("<div class=\"headline\">\n");
    let name = |l: Option<u8>| l.map_or("no level", |l| Level::at_most_3(l).name());
    let names = if o.level_before == o.level_after {
        format!("Still {}", name(o.level_after))
    } else {
        format!("{} → {}", name(o.level_before), name(o.level_after))
    };
    let _ = writeln!(
        out,
        "<div class=\"tile level {}\"><span class=\"k\">Overall maturity level</span>\
         <span class=\"v\">Level {}</span><span class=\"vn\">{}</span><span class=\"s\">\
         Earlier → now, on the scale <span class=\"nw\">0–3</span>.</span></div>",
        level_class(o.level_after),
        escape(&since::level_move(o)),
        escape(&names),
    );
    let figure = |key: &str, value: String, class: &str, sub: &str| {
        format!(
            "<div class=\"tile\"><span class=\"k\">{key}</span><span class=\"v{class}\">{value}\
             </span><span class=\"s\">{sub}</span></div>\n"
        )
    };
    out.push_str(&figure(
        "Overall score",
        format!(
            "{}<span class=\"to\">→</span>{}",
            escape(&pct(o.score_before)),
            escape(&pct(o.score_after))
        ),
        " pair",
        "Earlier → now.",
    ));
    out.push_str(&figure(
        "Change",
        escape(&change_figure(o)),
        &format!(" chg {}", change_class(o)),
        "Percentage points, overall.",
    ));
    out.push_str(&figure(
        "Improved",
        c.improved.len().to_string(),
        "",
        "Answers better than before.",
    ));
    out.push_str(&figure(
        "Slipped",
        c.slipped.len().to_string(),
        "",
        "Answers worse than before.",
    ));
    out.push_str("</div>\n");
}

/// The answers that improved, slipped, were answered for the first time or are no longer
/// answered.
fn since_items(out: &mut String, pack: &BoardPack, c: &Comparison) {
    let lists = since::move_lists(c);
    // The empty lists first, on one line, so that none is left alone after the others.
    let empty: Vec<String> = lists
        .iter()
        .filter(|l| l.items.is_empty())
        .map(|l| format!("<strong>{}:</strong> none.", l.title))
        .collect();
    if !empty.is_empty() {
        let _ = writeln!(out, "<p class=\"more\">{}</p>", empty.join(" "));
    }
    for l in lists {
        if l.items.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "<h3>{} <span class=\"muted\">· {}</span></h3>",
            l.title,
            count(l.items.len(), l.noun, &format!("{}s", l.noun))
        );
        if l.listed {
            moves_table(out, pack, l.items);
        } else {
            out.push_str(
                "<p class=\"more\">Too many to list here; the appendix gives each item's answer \
                 now.</p>\n",
            );
        }
    }
}

/// Every area's level and score before and after, in the pack's order, grouped by
/// questionnaire.
fn since_areas(out: &mut String, pack: &BoardPack, c: &Comparison) {
    out.push_str("<h3>Area by area</h3>\n");
    if c.sections.is_empty() {
        out.push_str("<p class=\"empty\">No areas: the questionnaires are not available.</p>\n");
        return;
    }
    out.push_str(
        "<table class=\"since-areas\">\n<colgroup><col><col class=\"c-level\"><col \
         class=\"c-score\"><col class=\"c-chg\"></colgroup>\n<thead><tr><th>Area</th>\
         <th>Level</th><th class=\"num\">Score</th><th class=\"num\">Change</th></tr></thead>\n\
         <tbody>\n",
    );
    let mut group: Option<String> = None;
    for s in &c.sections {
        let questionnaire = pack.areas.iter().find(|a| a.id == s.id).map_or_else(
            || "Only in the earlier assessment".to_string(),
            |a| a.questionnaire.clone(),
        );
        if group.as_ref() != Some(&questionnaire) {
            let _ = writeln!(
                out,
                "<tr class=\"group\"><th colspan=\"4\">{}</th></tr>",
                escape(&questionnaire)
            );
            group = Some(questionnaire);
        }
        let ch = &s.change;
        let _ = writeln!(
            out,
            "<tr class=\"{}\"><td class=\"area\">{}</td><td class=\"lv\">{}<span \
             class=\"to\">→</span>{}</td><td class=\"num\">{}<span class=\"to\">→</span>{}</td>\
             <td class=\"num\">{}</td></tr>",
            change_class(ch),
            escape(&s.title),
            pill_or_dash(ch.level_before),
            pill_or_dash(ch.level_after),
            escape(&pct(ch.score_before)),
            escape(&pct(ch.score_after)),
            change_cell(ch),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Items with their answer before and after.
fn moves_table(out: &mut String, pack: &BoardPack, items: &[ItemChange]) {
    out.push_str(
        "<table class=\"data moves\">\n<colgroup><col><col class=\"c-answer\"><col \
         class=\"c-answer\"></colgroup>\n<thead><tr><th>Item</th><th>Earlier</th><th>Now</th>\
         </tr></thead>\n<tbody>\n",
    );
    let answer = |text: &str, value: Option<f64>| {
        if text.is_empty() {
            "<span class=\"muted\">not answered</span>".to_string()
        } else {
            answer_with_value(&since::short_answer(text), value)
        }
    };
    for i in items {
        let row = pack.item(&i.item);
        let _ = writeln!(
            out,
            "<tr><td>{} <span class=\"prompt\">{}</span>{}</td><td data-label=\"Earlier\">{}</td>\
             <td data-label=\"Now\">{}</td></tr>",
            pill(row.and_then(|r| r.level)),
            escape(&i.prompt),
            ref_line(
                row.map(|r| r.section.as_str()),
                row.map_or(&[], |r| r.refs.as_slice()),
                None
            ),
            answer(&i.answer_before, i.value_before),
            answer(&i.answer_after, i.value_after),
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// How many links of the weakest the cover shows.
const TOP_LINKS: usize = 5;

/// The cover's two glances: how many areas stand at each level, and the weakest links at
/// the top of the list. Left out while nothing is answered.
fn glance(out: &mut String, pack: &BoardPack) {
    if pack.areas.is_empty() || pack.overall.answered == 0 {
        return;
    }
    out.push_str(
        "<div class=\"glance\">\n<div>\n<h3>Areas at each level</h3>\n<table class=\"dist\">\n\
         <tbody>\n",
    );
    let total = pack.areas.len();
    let mut levels: Vec<Option<u8>> = (0..=3u8).map(Some).collect();
    if pack.areas.iter().any(|a| a.figures.level.is_none()) {
        levels.push(None);
    }
    for level in levels {
        let n = pack
            .areas
            .iter()
            .filter(|a| a.figures.level.map(|l| l.min(3)) == level)
            .count();
        let name = level.map_or("No level", |l| Level::at_most_3(l).name());
        let _ = writeln!(
            out,
            "<tr class=\"{}\"><th>{} {name}</th><td><span class=\"dbar\"><span \
             style=\"width: {:.1}%\"></span></span></td><td class=\"num\">{}</td></tr>",
            level_class(level),
            level.map_or_else(String::new, |l| pill(Some(l))),
            n as f64 / total as f64 * 100.0,
            count(n, "area", "areas")
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    if !pack.weakest_links.is_empty() {
        let shown = pack.weakest_links.len().min(TOP_LINKS);
        let _ = writeln!(
            out,
            "<div>\n<h3>{}</h3>\n<ol class=\"top\">",
            if shown == 1 {
                "The weakest link".to_string()
            } else {
                format!("The {shown} weakest links")
            }
        );
        for l in pack.weakest_links.iter().take(TOP_LINKS) {
            let _ = writeln!(
                out,
                "<li>{} {}<div class=\"ref\">{} · {}</div></li>",
                pill(Some(l.level)),
                escape(&l.prompt),
                escape(&l.section),
                answer_with_value(&l.answer, Some(l.value))
            );
        }
        out.push_str("</ol>\n");
        if pack.weakest_links.len() > shown {
            let _ = writeln!(
                out,
                "<p class=\"more\">The full list of {} is under <a href=\"#weakest\">The \
                 weakest links</a>.</p>",
                pack.weakest_links.len()
            );
        }
        out.push_str("</div>\n");
    }
    out.push_str("</div>\n");
}

fn tile(out: &mut String, key: &str, value: &str, sub: &str, meter: Option<f64>) {
    let _ = write!(
        out,
        "<div class=\"tile\"><span class=\"k\">{}</span><span class=\"v\">{}</span>",
        escape(key),
        escape(value),
    );
    if let Some(share) = meter {
        let _ = write!(
            out,
            "<span class=\"meter\" aria-hidden=\"true\"><span style=\"width: {:.1}%\"></span></span>",
            share.clamp(0.0, 1.0) * 100.0
        );
    }
    let _ = writeln!(out, "<span class=\"s\">{}</span></div>", escape(sub));
}

/// The cover's one-paragraph reading of the figures.
fn lead(pack: &BoardPack) -> String {
    let o = &pack.overall;
    if o.total > 0 && o.answered == 0 {
        return format!(
            "Nothing is answered yet: all {} scored items are still to be assessed, so every \
             area stands at level 0 and there is no score to show. The charts and tables \
             below fill in as the questions are answered.",
            o.total
        );
    }
    let mut s = match o.level {
        Some(l) => format!(
            "Overall, supplier security is at level {l}, <strong>{}</strong>: {}.",
            Level::at_most_3(l).name(),
            Level::at_most_3(l).meaning()
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
            " The <a href=\"#actions\">action plan</a> lists {} for follow-up, each with \
             its owner.",
            count(pack.action_plan.len(), "item", "items")
        );
    }
    s
}

fn area_charts(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"areas\">\n<h2>Scores by area</h2>\n");
    if pack.areas.is_empty() {
        out.push_str(
            "<p class=\"empty\">No areas: the assessment's questionnaires are not available.</p>\n\
             </section>\n",
        );
        return;
    }
    let _ = writeln!(
        out,
        "<p class=\"intro\">Each bar is an area's score: the weighted mean value of its answered \
         items. The label beside it gives the area's maturity level. A level needs every item \
         of that level and below to be answered and achieved, so a high score can still sit \
         with a low level.{}</p>",
        if pack.comparison.is_some() {
            " The thin tick on a bar marks the area's score in the earlier assessment."
        } else {
            ""
        }
    );
    if pack.areas.iter().all(|a| a.figures.score.is_none()) {
        out.push_str(
            "<p class=\"empty\">No area has a score yet: nothing is answered. The bars and the \
             radar chart fill in as items are answered.</p>\n",
        );
    }
    out.push_str("<p class=\"legend\">");
    for (l, name) in Level::ALL.map(Level::name).iter().enumerate() {
        let _ = write!(out, "<span class=\"l{l}\">L{l} {name}</span>");
    }
    out.push_str("<span class=\"lnone\">No level (nothing applicable)</span>");
    if pack.comparison.is_some() {
        out.push_str("<span class=\"was\">earlier score</span>");
    }
    out.push_str("</p>\n");
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
    bar_chart(out, &pack.areas, earlier.as_deref());
    if pack.areas.len() >= 3 {
        out.push_str("<h3>Maturity across the areas</h3>\n");
        radar_chart(out, &pack.areas);
    }
    out.push_str("</section>\n");
}

/// What stands in a chart where an area has no score.
fn no_score(f: &Figures) -> &'static str {
    if f.level.is_none() {
        "nothing applicable"
    } else {
        "not yet assessed"
    }
}

/// Where the bars of the bar chart start, how long a full bar is and how tall.
const BAR_X: f64 = 336.0;
const BAR: f64 = 270.0;
const BAR_H: f64 = 15.0;
/// The line height of a bar chart label.
const LINE: f64 = 16.0;

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
fn bar_chart(out: &mut String, areas: &[Area], earlier: Option<&[Option<f64>]>) {
    const WIDTH: f64 = 780.0;
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
    let body: f64 = (0..areas.len())
        .map(|i| row_height(labels[i].len()) + if new_group(i) { GROUP } else { 0.0 })
        .sum();
    let height = TOP + body + BOTTOM;
    let _ = writeln!(
        out,
        "<div class=\"scroll\"><svg class=\"chart bars\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-label=\"Bar chart of each area's score and level\">"
    );
    for step in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let x = BAR_X + BAR * step;
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>\
             <text class=\"small\" x=\"{x}\" y=\"14\" text-anchor=\"middle\">{:.0}\u{a0}%</text>\
             <text class=\"small\" x=\"{x}\" y=\"{}\" text-anchor=\"middle\">{:.0}\u{a0}%</text>",
            TOP - 4.0,
            height - BOTTOM + 4.0,
            step * 100.0,
            height - 6.0,
            step * 100.0
        );
    }
    let mut y = TOP;
    for (i, area) in areas.iter().enumerate() {
        if new_group(i) {
            let _ = writeln!(
                out,
                "<text class=\"group\" x=\"0\" y=\"{}\">{}</text>",
                y + 20.0,
                escape(&clip(&area.questionnaire, 90))
            );
            y += GROUP;
        }
        let h = row_height(labels[i].len());
        let was = match earlier.map(|e| e.get(i).copied().flatten()) {
            None => Earlier::NotCompared,
            Some(None) => Earlier::NoScore,
            Some(Some(score)) => Earlier::Score(score),
        };
        bar_row(out, area, &labels[i], y + h / 2.0, was);
        y += h;
    }
    out.push_str("</svg></div>\n");
}

/// One area's bar, its label (`lines`) and its figures, centred on `mid`; with a
/// comparison (`was`), a tick at the earlier score, if there was one.
fn bar_row(out: &mut String, area: &Area, lines: &[String], mid: f64, was: Earlier) {
    let f = &area.figures;
    let bar_y = mid - BAR_H / 2.0;
    let class = level_class(f.level);
    let _ = write!(
        out,
        "<g class=\"{class}\"><title>{}: score {}, level {}{}</title><text x=\"12\" y=\"{:.1}\">",
        escape(&area.title),
        escape(&pct(f.score)),
        escape(&level_text(f)),
        match was {
            Earlier::NotCompared => String::new(),
            Earlier::NoScore => format!("; earlier score {}", escape(&pct(None))),
            Earlier::Score(s) => format!("; earlier score {}", escape(&pct(Some(s)))),
        },
        mid + 4.5 - LINE * (lines.len() - 1) as f64 / 2.0,
    );
    for (n, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"12\"{}>{}</tspan>",
            if n == 0 {
                String::new()
            } else {
                format!(" dy=\"{LINE}\"")
            },
            escape(line)
        );
    }
    out.push_str("</text>");
    match f.score {
        Some(score) => {
            let _ = write!(
                out,
                "<rect class=\"track\" x=\"{BAR_X}\" y=\"{bar_y:.1}\" width=\"{BAR}\" \
                     height=\"{BAR_H}\" rx=\"2\"/><rect class=\"bar\" x=\"{BAR_X}\" \
                     y=\"{bar_y:.1}\" width=\"{:.1}\" height=\"{BAR_H}\" rx=\"2\"/>",
                BAR * score.clamp(0.0, 1.0)
            );
        }
        None => {
            let _ = write!(
                out,
                "<rect class=\"track missing\" x=\"{BAR_X}\" y=\"{bar_y:.1}\" \
                     width=\"{BAR}\" height=\"{BAR_H}\" rx=\"2\"/><rect class=\"bar\" \
                     x=\"{BAR_X}\" y=\"{bar_y:.1}\" width=\"0\" height=\"{BAR_H}\"/>\
                     <text class=\"none\" x=\"{}\" y=\"{:.1}\">{}</text>",
                BAR_X + 8.0,
                mid + 4.0,
                no_score(f)
            );
        }
    }
    if let Earlier::Score(earlier) = was {
        let _ = write!(
            out,
            "<rect class=\"was\" x=\"{:.1}\" y=\"{:.1}\" width=\"3\" height=\"{}\" rx=\"1\"/>",
            BAR_X + BAR * earlier.clamp(0.0, 1.0) - 1.5,
            bar_y - 3.0,
            BAR_H + 6.0
        );
    }
    let _ = writeln!(
        out,
        "<text class=\"num\" x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
             <rect class=\"mark\" x=\"{}\" y=\"{:.1}\" width=\"10\" height=\"10\" rx=\"2\"/>\
             <text x=\"{}\" y=\"{:.1}\">{}</text></g>",
        BAR_X + BAR + 46.0,
        mid + 4.5,
        escape(&pct(f.score)),
        BAR_X + BAR + 58.0,
        mid - 5.0,
        BAR_X + BAR + 73.0,
        mid + 4.5,
        escape(&level_label(f)),
    );
}

fn level_label(f: &Figures) -> String {
    match (f.level, f.level_name) {
        (Some(l), Some(n)) => format!("L{l} {n}"),
        _ => "No level".to_string(),
    }
}

/// A radar (spider) chart of the areas' scores, numbered, with a key beside it.
fn radar_chart(out: &mut String, areas: &[Area]) {
    const SIZE: f64 = 460.0;
    const C: f64 = SIZE / 2.0;
    const R: f64 = 178.0;
    let n = areas.len();
    let angle =
        |i: usize| std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let point = |i: usize, r: f64| (C + r * angle(i).cos(), C + r * angle(i).sin());
    out.push_str("<div class=\"radar\">\n");
    let _ = writeln!(
        out,
        "<svg class=\"chart spider\" viewBox=\"0 0 {SIZE} {SIZE}\" role=\"img\" \
         aria-label=\"Radar chart of the areas' scores; the numbers are those of the key\">"
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
    }
    for i in 0..n {
        let (x, y) = point(i, R);
        let _ = writeln!(
            out,
            "<line class=\"grid\" x1=\"{C}\" y1=\"{C}\" x2=\"{x:.1}\" y2=\"{y:.1}\"/>"
        );
    }
    let scored: Vec<(usize, f64)> = areas
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.figures.score.map(|s| (i, s.clamp(0.0, 1.0))))
        .collect();
    let shape: Vec<String> = scored
        .iter()
        .map(|&(i, s)| {
            let (x, y) = point(i, R * s);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let _ = writeln!(
        out,
        "<polygon class=\"area\" points=\"{}\"/>",
        shape.join(" ")
    );
    for ring in [0.25, 0.5, 0.75, 1.0] {
        let _ = writeln!(
            out,
            "<text class=\"small halo\" x=\"{:.1}\" y=\"{:.1}\">{:.0}\u{a0}%</text>",
            C + 4.0,
            C - R * ring + 11.0,
            ring * 100.0
        );
    }
    for &(i, s) in &scored {
        let a = &areas[i];
        let (x, y) = point(i, R * s);
        let _ = writeln!(
            out,
            "<circle class=\"dot {}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4.5\"><title>{}. {}: {}, \
             {}</title></circle>",
            level_class(a.figures.level),
            i + 1,
            escape(&a.title),
            escape(&pct(a.figures.score)),
            escape(&level_label(&a.figures))
        );
    }
    radar_numbers(out, n, |i| point(i, R + 17.0), |i| angle(i).cos());
    if scored.is_empty() {
        let _ = writeln!(
            out,
            "<text class=\"none halo\" x=\"{C}\" y=\"{:.1}\" text-anchor=\"middle\">\
             No area has a score yet</text>",
            C + 4.0
        );
    }
    out.push_str("</svg>\n");
    radar_key(out, areas);
    out.push_str("</div>\n");
}

/// The radar chart's area numbers at the spokes' ends, anchored away from the centre.
fn radar_numbers(
    out: &mut String,
    n: usize,
    at: impl Fn(usize) -> (f64, f64),
    cos: impl Fn(usize) -> f64,
) {
    for i in 0..n {
        let (x, y) = at(i);
        let anchor = if cos(i) > 0.3 {
            "start"
        } else if cos(i) < -0.3 {
            "end"
        } else {
            "middle"
        };
        let _ = writeln!(
            out,
            "<text class=\"num\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}</text>",
            y + 4.5,
            i + 1
        );
    }
}

/// The radar chart's key: each area's number, title, score and level.
fn radar_key(out: &mut String, areas: &[Area]) {
    out.push_str(
        "<div>\n<table class=\"key\">\n<thead><tr><th class=\"num\">#</th><th>Area</th>\
         <th class=\"num\">Score</th><th>Level</th></tr></thead>\n<tbody>\n",
    );
    for (i, a) in areas.iter().enumerate() {
        if i == 0 || areas[i - 1].questionnaire != a.questionnaire {
            let _ = writeln!(
                out,
                "<tr class=\"group\"><th colspan=\"4\">{}</th></tr>",
                escape(&a.questionnaire)
            );
        }
        let f = &a.figures;
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            i + 1,
            escape(&a.title),
            f.score.map_or_else(
                || format!("<span class=\"muted\">{}</span>", no_score(f)),
                |s| escape(&pct(Some(s)))
            ),
            pill_or_dash(f.level)
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let unscored: Vec<String> = areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.figures.score.is_none())
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if !unscored.is_empty() && unscored.len() < areas.len() {
        let _ = writeln!(
            out,
            "<p class=\"intro\">{} no score yet, so no point on the chart; the shape joins \
             the areas that have one.</p>",
            match unscored.as_slice() {
                [one] => format!("Area {one} has"),
                [rest @ .., last] => format!("Areas {} and {last} have", rest.join(", ")),
                [] => String::new(),
            }
        );
    }
    out.push_str("</div>\n");
}

/// A level as a pill and its name, e.g. "L2 Managed".
fn level_cell(f: &Figures) -> String {
    match (f.level, f.level_name) {
        (Some(l), Some(name)) => format!("{} {}", pill(Some(l)), escape(name)),
        _ => "<span class=\"muted\">No level</span>".to_string(),
    }
}

fn pill(level: Option<u8>) -> String {
    match level {
        Some(l) => format!("<span class=\"pill {}\">L{l}</span>", level_class(Some(l))),
        None => String::new(),
    }
}

/// The small line under a question: its section, its source references and (in the
/// appendix) its id.
fn ref_line(section: Option<&str>, refs: &[String], item: Option<&str>) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(s) = section {
        parts.push(escape(s));
    }
    if !refs.is_empty() {
        parts.push(escape(&refs.join(", ")));
    }
    if let Some(id) = item {
        parts.push(format!("<span class=\"id\">{}</span>", escape(id)));
    }
    format!("<div class=\"ref\">{}</div>", parts.join(" · "))
}

fn note(note: Option<&String>) -> String {
    note.map(|n| format!("<div class=\"note\">{}</div>", escape_lines(n)))
        .unwrap_or_default()
}

/// An answer with its value, e.g. "Partially implemented (33 %)".
fn answer_with_value(answer: &str, value: Option<f64>) -> String {
    match value {
        Some(v) => format!(
            "{} <span class=\"val\">({})</span>",
            escape(answer),
            escape(&pct(Some(v)))
        ),
        None => escape_lines(answer),
    }
}

fn owner_cell(owner: Option<&str>) -> String {
    owner.map_or_else(
        || "<span class=\"muted\">not assigned</span>".to_string(),
        escape,
    )
}

const FLAG_TAG: &str = "<span class=\"tag flag\">⚑ flagged</span>";
const GAP_TAG: &str = "<span class=\"tag gap\">below the pass mark</span>";

fn weakest_links(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"weakest\">\n<h2>The weakest links</h2>\n");
    if pack.weakest_links.is_empty() {
        let text = if pack.overall.answered == 0 {
            "Nothing is answered yet, so no item can fall below the pass mark."
        } else {
            "No answered item is below the pass mark."
        };
        let _ = writeln!(out, "<p class=\"empty\">{text}</p>");
    } else {
        out.push_str(
            "<p class=\"intro\">Answered items below the pass mark, lowest level first, then by \
             how far they fall short (weight × the share missing).</p>\n\
             <table class=\"data links\">\n<colgroup><col class=\"c-num\"><col><col \
             class=\"c-answer\"><col class=\"c-owner\"></colgroup>\n<thead><tr><th \
             class=\"num\">#</th><th>Item</th><th>Answer</th><th>Owner</th></tr></thead>\n",
        );
        let mut current = None;
        for (n, l) in pack.weakest_links.iter().enumerate() {
            if current != Some(l.level) {
                if current.is_some() {
                    out.push_str("</tbody>\n");
                }
                current = Some(l.level);
                let many = pack
                    .weakest_links
                    .iter()
                    .filter(|x| x.level == l.level)
                    .count();
                let _ = writeln!(
                    out,
                    "<tbody>\n<tr class=\"group\"><th colspan=\"4\">{} Level {} items · {} \
                     <span class=\"muted\">· {}</span></th></tr>",
                    pill(Some(l.level)),
                    l.level,
                    Level::at_most_3(l.level).name(),
                    count(many, "item", "items")
                );
            }
            let _ = writeln!(
                out,
                "<tr><td class=\"num\">{}</td><td><span class=\"prompt\">{}</span>{}</td>\
                 <td data-label=\"Answer\">{}</td><td data-label=\"Owner\">{}</td></tr>",
                n + 1,
                escape(&l.prompt),
                ref_line(Some(&l.section), &l.refs, None),
                answer_with_value(&l.answer, Some(l.value)),
                owner_cell(l.owner.as_deref()),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    if pack.not_assessed > 0 {
        let _ = writeln!(
            out,
            "<p><strong>Not yet assessed:</strong> {}; each holds its area's level down until \
             it is answered.</p>",
            count(pack.not_assessed, "scored item", "scored items")
        );
    }
    out.push_str("</section>\n");
}

fn board_answers(out: &mut String, pack: &BoardPack) {
    if pack.board_answers.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"board\" class=\"board\">\n<h2>The board's answers</h2>\n\
         <p class=\"intro\">The board's own words on its strategy for suppliers.</p>\n",
    );
    for b in &pack.board_answers {
        let _ = writeln!(out, "<h3>{}</h3>", escape(&b.prompt));
        match &b.answer {
            Some(text) => {
                let _ = writeln!(out, "<div class=\"quote\">{}</div>", escape_lines(text));
            }
            None => out.push_str("<p class=\"empty\">Not yet answered.</p>\n"),
        }
    }
    out.push_str("</section>\n");
}

fn action_plan(out: &mut String, pack: &BoardPack) {
    out.push_str("<section id=\"actions\">\n<h2>Action plan</h2>\n");
    if pack.action_plan.is_empty() {
        out.push_str(
            "<p class=\"empty\">Nothing to follow up: no gaps and no flagged items.</p>\n\
             </section>\n",
        );
        return;
    }
    out.push_str(
        "<p class=\"intro\">Every weakest link in the same order, then every item flagged for \
         follow-up in questionnaire order.</p>\n<table class=\"data plan\">\n<colgroup><col \
         class=\"c-num\"><col><col class=\"c-answer\"><col class=\"c-owner\"></colgroup>\n\
         <thead><tr><th class=\"num\">#</th><th>Item</th><th>Answer</th><th>Owner</th></tr>\
         </thead>\n",
    );
    let gaps = pack.action_plan.iter().filter(|x| x.is_gap).count();
    let flagged = pack.action_plan.len() - gaps;
    let mut in_gaps = None;
    for (n, x) in pack.action_plan.iter().enumerate() {
        if in_gaps != Some(x.is_gap) {
            if in_gaps.is_some() {
                out.push_str("</tbody>\n");
            }
            in_gaps = Some(x.is_gap);
            let _ = writeln!(
                out,
                "<tbody>\n<tr class=\"group\"><th colspan=\"4\">{}</th></tr>",
                if x.is_gap {
                    format!(
                        "Gaps: the weakest links <span class=\"muted\">· {}</span>",
                        count(gaps, "item", "items")
                    )
                } else {
                    format!(
                        "Flagged for follow-up <span class=\"muted\">· {}</span>",
                        count(flagged, "item", "items")
                    )
                }
            );
        }
        action_row(out, n + 1, x);
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn action_row(out: &mut String, n: usize, x: &Action) {
    let mut answer = if x.answer.is_empty() {
        "<span class=\"muted\">not yet answered</span>".to_string()
    } else {
        answer_with_value(&x.answer, x.value)
    };
    if x.flag && x.is_gap {
        answer.push_str("<br>");
        answer.push_str(FLAG_TAG);
    }
    let _ = writeln!(
        out,
        "<tr><td class=\"num\">{n}</td><td>{} <span class=\"prompt\">{}</span>{}{}</td>\
         <td data-label=\"Answer\">{answer}</td><td data-label=\"Owner\">{}</td></tr>",
        pill(x.level),
        escape(&x.prompt),
        ref_line(Some(&x.section), &x.refs, None),
        note(x.note.as_ref()),
        owner_cell(x.owner.as_deref()),
    );
}

fn every_answer(out: &mut String, pack: &BoardPack) {
    out.push_str(
        "<section id=\"answers\" class=\"appendix\">\n<h2>Appendix: every answer</h2>\n\
         <p class=\"intro\">Every item of every area with its answer, value, owner and note. \
         Shaded rows are below the pass mark; for a checklist, ✓ marks a check in place, ✗ one \
         missing and – one not applicable.</p>\n",
    );
    if pack.areas.is_empty() {
        out.push_str(
            "<p class=\"empty\">No items: the assessment's questionnaires are not available.</p>\n",
        );
    }
    for area in &pack.areas {
        let f = &area.figures;
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"areafig\">{} · score {} · {} · {} of {} answered</p>\n\
             <table class=\"data answers\">\n<colgroup><col><col class=\"c-answer\"><col \
             class=\"c-owner\"></colgroup>\n<thead><tr><th>Item</th><th>Answer</th>\
             <th>Owner</th></tr></thead>\n<tbody>",
            escape(&area.title),
            escape(&area.questionnaire),
            escape(&pct(f.score)),
            level_cell(f),
            f.answered,
            count(f.total, "scored item", "scored items"),
        );
        for row in pack.items_of(&area.id) {
            answer_row(out, row);
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</section>\n");
}

fn answer_row(out: &mut String, row: &ItemRow) {
    let gap = row.status == Status::BelowPassMark;
    let mut answer = match row.status {
        Status::Unanswered => "<span class=\"muted\">not yet answered</span>".to_string(),
        Status::Text => escape_lines(&row.answer),
        Status::NotApplicable => escape(&row.answer),
        Status::Achieved | Status::BelowPassMark => answer_with_value(&row.answer, row.value),
    };
    if gap || row.flag {
        answer.push_str("<br>");
    }
    if gap {
        answer.push_str(GAP_TAG);
    }
    if row.flag {
        answer.push_str(FLAG_TAG);
    }
    // A text answer without an owner may use the owner's column too.
    let (span, owner) = match (row.status, row.owner.as_deref()) {
        (Status::Text, None) => (" colspan=\"2\"", String::new()),
        (_, owner) => (
            "",
            format!(
                "<td data-label=\"Owner\">{}</td>",
                owner.map(escape).unwrap_or_default()
            ),
        ),
    };
    let _ = writeln!(
        out,
        "<tr{}><td>{} <span class=\"prompt\">{}</span>{}{}{}</td><td data-label=\"Answer\"{span}>\
         {answer}</td>{owner}</tr>",
        if gap { " class=\"gap\"" } else { "" },
        pill(row.level),
        escape(&row.prompt),
        ref_line(None, &row.refs, Some(&row.item)),
        checks(&row.checks, row.status),
        note(row.note.as_ref()),
    );
}

fn checks(checks: &[CheckRow], status: Status) -> String {
    if checks.is_empty() || matches!(status, Status::Unanswered | Status::NotApplicable) {
        return String::new();
    }
    let mut list = String::from("<ul class=\"checks\">");
    for c in checks {
        let (mark, class, suffix) = match (c.na, c.ticked) {
            (true, _) => ("–", " class=\"off\"", " (not applicable)"),
            (false, true) => ("✓", "", ""),
            (false, false) => ("✗", " class=\"off\"", ""),
        };
        let _ = write!(
            list,
            "<li{class}><span class=\"mark\">{mark}</span>{}{suffix}</li>",
            escape(&c.text)
        );
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
    for (l, (name, meaning)) in Level::ALL
        .map(|l| (l.name(), l.meaning()))
        .into_iter()
        .enumerate()
    {
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
                "<tr><td>{}<div class=\"ref\"><span class=\"id\">{}</span></div></td><td>{}</td>\
                 <td class=\"num\">{}</td><td>{}</td></tr>",
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
    use crate::assessment::Assessment;
    use crate::questionnaire::Questionnaire;

    const EXAMPLE: &str = include_str!("../../tests/fixtures/worked-example.json");

    fn example() -> Questionnaire {
        Questionnaire::load_str(EXAMPLE, "worked-example.json")
            .expect("fixture loads")
            .0
    }

    fn page(q: &Questionnaire, a: &Assessment) -> String {
        render(&BoardPack::from_questionnaires(&[q], a))
    }

    #[test]
    fn an_empty_assessment_explains_its_empty_chart() {
        let q = example();
        let a = Assessment::new("e".into(), "E".into(), String::new(), None, &[&q]);
        let html = page(&q, &a);
        assert!(html.contains("No area has a score yet"));
        assert!(html.contains("Nothing is answered yet"));
        assert!(
            html.contains(">not yet assessed</text>"),
            "the empty bar says why"
        );
        assert!(!html.contains("NaN"));
        assert!(!html.contains("class=\"glance\""), "no glance at nothing");
    }

    #[test]
    fn weakest_links_are_grouped_by_level_and_shown_on_the_cover() {
        let q = example();
        let mut a = Assessment::new("t".into(), "T".into(), String::new(), None, &[&q]);
        for (id, choice) in [("a", "not"), ("b", "fully"), ("c", "partial")] {
            a.answers
                .entry(format!("worked-example/{id}"))
                .or_default()
                .choice = Some(choice.into());
        }
        let html = page(&q, &a);
        let level1 = html
            .find("Level 1 items · Performed")
            .expect("level 1 group");
        let level2 = html.find("Level 2 items · Managed").expect("level 2 group");
        assert!(level1 < level2, "lowest level first");
        assert!(html.contains("<h3>The 2 weakest links</h3>"));
        assert!(html.contains("<h3>Areas at each level</h3>"));
    }

    #[test]
    fn the_printed_foot_cannot_end_the_style_sheet() {
        let q = example();
        let a = Assessment::new(
            "t".into(),
            "Acme </style><script>x</script>".into(),
            String::new(),
            None,
            &[&q],
        );
        let html = page(&q, &a);
        assert_eq!(html.matches("</style>").count(), 1);
        assert!(html.contains("@bottom-left { content: \"Board pack \\b7  Acme \\3c \\2f style"));
        assert!(!html.contains("<script>"));
    }

    #[test]
    fn escape_covers_the_five_specials() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("plain"), "plain");
    }

    #[test]
    fn css_strings_cannot_end_the_string_or_the_style_element() {
        let s = css_string("Acme \"Co\" </style>\\\n–");
        assert_eq!(s, "Acme \\22 Co\\22  \\3c \\2f style\\3e \\5c \\a \\2013 ");
        for c in ['"', '<', '>', '\n', '\''] {
            assert!(!s.contains(c), "{c:?} is escaped");
        }
    }

    #[test]
    fn clip_shortens_long_labels() {
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }

    #[test]
    fn wrap_breaks_at_spaces_and_clips_what_does_not_fit() {
        assert_eq!(
            wrap(
                "Goal 1: Identify and prioritise external dependencies",
                42,
                2
            ),
            ["Goal 1: Identify and prioritise external", "dependencies"]
        );
        assert_eq!(wrap("Short", 42, 2), ["Short"]);
        assert_eq!(wrap("one two three four", 7, 2), ["one two", "three…"]);
        assert_eq!(wrap("", 10, 2), [""]);
    }
}
