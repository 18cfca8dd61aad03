//! The results screen: the overall level and score as a large gauge, every section's score
//! and level as bars, the weakest links, what is not yet assessed, and the action plan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{
    bar_spans, fit, level_words, pad, panel, percent, row_in, row_style, scroll_for, wrap,
};
use crate::compare::Change;
use crate::figures::{answered_counts, coverage, level_short, score_line};
use crate::pack::Area;
use crate::report::BoardPack;
use crate::text::one_line;
use crate::tui::action::Action;
use crate::tui::app::{App, Compared, OpenAssessment};
use crate::tui::theme::Theme;

struct Areas {
    gauge: Rect,
    chart: Rect,
    links: Rect,
    plan: Rect,
    parked: Rect,
}

/// The parts of the results screen; the parked panel (below the action plan) is as high as
/// its `parked` rows need, up to a few, and not there without any.
fn areas(body: Rect, parked: usize) -> Areas {
    let gauge_height = if body.height >= 40 { 5 } else { 3 };
    let [gauge, rest] =
        Layout::vertical([Constraint::Length(gauge_height), Constraint::Min(1)]).areas(body);
    let [chart, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
    let links_height = if rest.height >= 30 { 9 } else { 6 };
    let most = if rest.height >= 30 { 8 } else { 4 };
    let parked_height = match parked {
        0 => 0,
        n => u16::try_from(n.min(most) + 2).unwrap_or(u16::MAX),
    };
    let [links, plan, parked] = Layout::vertical([
        Constraint::Length(links_height),
        Constraint::Min(3),
        Constraint::Length(parked_height),
    ])
    .areas(right);
    Areas {
        gauge,
        chart,
        links,
        plan,
        parked,
    }
}

/// The change of a score as an arrow and whole points: "▲ +12", "▼ -5", "= 0", or "–"
/// when either side has no score; with the style to draw it in.
pub(crate) fn change_words(c: Option<&Change>, t: &Theme) -> (String, ratatui::style::Style) {
    let shown = c.map(Change::shown);
    let style = match shown.and_then(crate::figures::ScoreChange::direction) {
        Some(std::cmp::Ordering::Greater) => t.good,
        Some(std::cmp::Ordering::Less) => t.warn,
        Some(std::cmp::Ordering::Equal) => t.text,
        None => t.dim,
    };
    (
        shown.map_or_else(|| "–".to_string(), |s| s.to_string()),
        style,
    )
}

/// Each area's target (`None`: none set), in the order of `areas`.
pub(crate) fn targets(open: &crate::tui::app::OpenAssessment) -> Vec<Option<u8>> {
    open.pack
        .areas
        .iter()
        .map(|a| open.session.assessment.target(&a.id))
        .collect()
}

/// An area's level against its target: " target L2 ✓" (or " →L2 ✓" when `short`), with ✗
/// when the level is below it.
fn target_cell(level: Option<u8>, target: Option<u8>, short: bool) -> String {
    let Some(aim) = target else {
        return String::new();
    };
    let met = if level.is_some_and(|l| l >= aim) {
        "✓"
    } else {
        "✗"
    };
    let aim = level_short(Some(aim));
    if short {
        format!(" →{aim} {met}")
    } else {
        format!(" target {aim} {met}")
    }
}

/// Bars, one line per area: title, bar, percent, known share, level, the target when one
/// is set, and with a comparison the change of each area's score. Where room is short the
/// bar goes first, then the known share, so that the title stays readable.
pub(crate) fn area_lines(
    areas: &[Area],
    t: &Theme,
    width: usize,
    names: bool,
    compared: Option<&Compared>,
    targets: &[Option<u8>],
) -> Vec<Line<'static>> {
    let level_width = if names { 14 } else { 3 };
    let change_width = if compared.is_some() { 7 } else { 0 };
    let any_target = targets.iter().any(Option::is_some);
    let short_target = !names;
    let target_width = match (any_target, short_target) {
        (false, _) => 0,
        (true, true) => 6,
        (true, false) => 12,
    };
    let mut known_width = 12;
    let spaced = compared.is_some() || any_target;
    let figures = |known: usize| {
        6 + known + level_width + 2 + change_width + target_width + usize::from(spaced)
    };
    let bar_width = (width.saturating_sub(change_width + known_width) / 3).clamp(4, 40);
    let bar_width = if width.saturating_sub(figures(known_width) + bar_width) >= 16 {
        bar_width
    } else {
        0
    };
    if width.saturating_sub(figures(known_width)) < 12 {
        known_width = 0;
    }
    let title_width = width.saturating_sub(bar_width + figures(known_width));
    areas
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let f = &a.figures;
            let mut spans = vec![
                Span::raw(" "),
                Span::styled(pad(&a.title, title_width), t.text),
                Span::raw(" "),
            ];
            spans.extend(bar_spans(f.score.unwrap_or(0.0), bar_width, t));
            spans.push(Span::styled(format!("{:>5} ", percent(f.score)), t.prompt));
            if known_width > 0 {
                spans.push(Span::styled(pad(&coverage(f.coverage), known_width), t.dim));
            }
            let level = if names {
                crate::figures::level_words(f.level)
            } else {
                level_short(f.level)
            };
            let style = if f.level.unwrap_or(0) == 0 {
                t.warn
            } else {
                t.good
            };
            let target = targets.get(n).copied().flatten();
            if spaced {
                spans.push(Span::styled(pad(&level, level_width + 1), style));
            } else {
                spans.push(Span::styled(level, style));
            }
            if any_target {
                let cell = target_cell(f.level, target, short_target);
                let met = f.level.zip(target).is_some_and(|(l, aim)| l >= aim);
                spans.push(Span::styled(
                    pad(&cell, target_width),
                    if met { t.good } else { t.warn },
                ));
            }
            if let Some(c) = compared {
                let (words, style) = change_words(c.section(&a.id), t);
                spans.push(Span::styled(pad(&words, change_width), style));
            }
            Line::from(spans)
        })
        .collect()
}

/// Draws the results screen.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let s = &open.pack;
    let t = &app.theme;
    let a = areas(body, open.parked_items().len());
    let name = &s.assessment.name;
    let answered = answered_counts(&s.overall);
    let room = usize::from(a.gauge.width.saturating_sub(2));
    let (title, label) = match &open.compare {
        Some(c) => (
            format!(
                "Results · {name} · compared with {} ({})",
                c.name(),
                c.side()
            ),
            compared_label(&c.comparison.overall, &answered, room, t),
        ),
        None => (
            format!("Results · {name}"),
            format!("{}  —  {answered}", score_line(&s.overall)),
        ),
    };
    frame.render_widget(
        Gauge::default()
            .block(panel(&fit(&title, room.saturating_sub(2)), t, false))
            .gauge_style(if t.colour { t.bar } else { t.cursor })
            .ratio(s.overall.score.unwrap_or(0.0).clamp(0.0, 1.0))
            .label(Span::styled(label, t.prompt)),
        a.gauge,
    );
    let with_targets = targets(open).iter().any(Option::is_some);
    let chart_title = match (open.compare.is_some(), with_targets) {
        (true, _) => "Sections: score, level and change",
        (false, true) => "Score, level and target (t)",
        (false, false) => "Score and level · t sets targets",
    };
    let chart_block = panel(chart_title, t, false);
    let inner = chart_block.inner(a.chart);
    frame.render_widget(chart_block, a.chart);
    let names = inner.width >= 60;
    let mut lines = area_lines(
        &s.areas,
        t,
        usize::from(inner.width),
        names,
        open.compare.as_ref(),
        &targets(open),
    );
    let current = open.current_section();
    let top = scroll_for(current, lines.len(), usize::from(inner.height));
    if let Some(c) = &open.compare
        && lines.len() + 2 <= usize::from(inner.height)
    {
        let cmp = &c.comparison;
        lines.push(Line::raw(""));
        let parts: Vec<String> = [
            (cmp.improved.len(), "improved"),
            (cmp.slipped.len(), "slipped"),
            (cmp.newly_answered.len(), "newly answered"),
            (cmp.no_longer_answered.len(), "no longer answered"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
        let moved = if parts.is_empty() {
            "No item's answer changed.".to_string()
        } else {
            format!("Items: {}", parts.join(" · "))
        };
        for l in wrap(&moved, usize::from(inner.width).saturating_sub(2)) {
            lines.push(Line::styled(format!(" {l}"), t.dim));
        }
    }
    for n in &open.newer {
        if lines.len() + 2 > usize::from(inner.height) {
            break;
        }
        let offer = format!(
            "A newer version {} of {} exists: press U to upgrade.",
            n.newest, n.id
        );
        lines.push(Line::raw(""));
        for l in wrap(&offer, usize::from(inner.width).saturating_sub(2)) {
            lines.push(Line::styled(format!(" {l}"), t.prompt));
        }
    }
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        inner,
    );

    let links_block = panel("Weakest links", t, false);
    let inner = links_block.inner(a.links);
    frame.render_widget(links_block, a.links);
    frame.render_widget(Paragraph::new(link_lines(s, t, inner)), inner);

    plan(app, s, frame, a.plan);
    parked(app, open, frame, a.parked);
}

/// The parked items, one a row, after the action plan's rows for the highlight.
fn parked(app: &App, open: &OpenAssessment, frame: &mut Frame, area: Rect) {
    let items = open.parked_items();
    if items.is_empty() || area.height < 3 {
        return;
    }
    let t = &app.theme;
    let block = panel(&format!("Parked for later · {}", items.len()), t, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let selected = app.plan_selected().checked_sub(open.pack.action_plan.len());
    let top = scroll_for(
        selected.unwrap_or(0),
        items.len(),
        usize::from(inner.height),
    );
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(top)
        .map(|(n, i)| {
            let prompt = open
                .at(*i)
                .map(|(_, _, item)| one_line(&item.prompt))
                .unwrap_or_default();
            let cursor = selected == Some(n);
            Line::styled(
                pad(
                    &fit(
                        &format!("{}P  {prompt}", if cursor { "> " } else { "  " }),
                        width,
                    ),
                    width,
                ),
                row_style(t, cursor),
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The overall change in words, as long as fits in `room` columns: before → after level and
/// score, and the change in points.
fn compared_label(c: &Change, answered: &str, room: usize, t: &Theme) -> String {
    let (arrow, _) = change_words(Some(c), t);
    let full = crate::report::since::change_text(c);
    let (points, cause) = match arrow.as_str() {
        "–" => (String::new(), String::new()),
        "= 0" => ("  = no change".to_string(), String::new()),
        _ => match full.split_once(" (") {
            Some((arrow, cause)) => (format!("  {arrow} points"), format!(" ({cause}")),
            None => (format!("  {full} points"), String::new()),
        },
    };
    let long = |l: Option<u8>| l.map_or_else(|| "no level".to_string(), |l| level_words(Some(l)));
    let short = level_short;
    let score = format!(
        "score {} → {}{points}",
        percent(c.score_before),
        percent(c.score_after)
    );
    let known = format!(
        "{} → {}",
        percent(c.coverage_before),
        coverage(c.coverage_after)
    );
    let levels = format!("{} → {}", long(c.level_before), long(c.level_after));
    let brief = format!("{} → {}", short(c.level_before), short(c.level_after));
    [
        format!("{levels}  —  {score}{cause}  —  {known}  —  {answered}"),
        format!("{levels}  —  {score}{cause}  —  {known}"),
        format!("{brief}  —  {score}{cause}  —  {known}"),
        format!("{brief}  —  {score}  —  {known}"),
        format!("{brief}  —  {score}"),
    ]
    .into_iter()
    .find(|l| l.width() <= room)
    .unwrap_or_else(|| fit(&format!("{brief} {score}"), room))
}

fn link_lines(s: &BoardPack, t: &Theme, area: Rect) -> Vec<Line<'static>> {
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    let room = usize::from(area.height).saturating_sub(1);
    if s.weakest_links.is_empty() {
        lines.push(Line::styled(" No gaps among the answered items.", t.good));
    }
    for l in s.weakest_links.iter().take(room.max(1)) {
        let head = format!("{:>4}  ", percent(Some(l.value)));
        lines.push(Line::from(vec![
            Span::styled(head.clone(), t.warn),
            Span::styled(fit(&l.prompt, width.saturating_sub(head.width())), t.text),
        ]));
    }
    lines.truncate(room.max(1));
    lines.push(Line::from(vec![
        Span::styled(" Not yet assessed: ", t.dim),
        Span::styled(
            format!(
                "{} item{}",
                s.not_assessed,
                if s.not_assessed == 1 { "" } else { "s" }
            ),
            if s.not_assessed > 0 { t.warn } else { t.good },
        ),
        Span::styled(
            if s.weakest_links.len() > room {
                format!("  ·  {} gaps in all", s.weakest_links.len())
            } else {
                String::new()
            },
            t.dim,
        ),
    ]));
    lines
}

/// Each plan row takes two lines: the item, then owner · source · note.
fn plan_lines(app: &App, s: &BoardPack, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let selected = app.plan_selected();
    let mut lines = Vec::new();
    for (n, row) in s.action_plan.iter().enumerate() {
        let highlighted = n == selected;
        let gap = row.value.filter(|_| row.is_gap);
        let tag = match (gap, row.flag) {
            (Some(v), true) => format!("gap {} ⚑", percent(Some(v))),
            (Some(v), false) => format!("gap {}", percent(Some(v))),
            (None, _) => "⚑ flagged".to_string(),
        };
        let cursor = if highlighted { "> " } else { "  " };
        let head = format!("{cursor}{tag:<11} ");
        let style = if highlighted { t.cursor } else { t.text };
        lines.push(Line::styled(
            pad(&format!("{head}{}", row.prompt), width),
            style,
        ));
        let mut detail = vec![format!(
            "owner: {}",
            row.owner.clone().unwrap_or_else(|| "none yet".into())
        )];
        if !row.refs.is_empty() {
            detail.push(row.refs.join(", "));
        }
        if let Some(note) = &row.note {
            detail.push(format!("note: {}", one_line(note)));
        }
        lines.push(Line::styled(
            fit(
                &format!("{}{}", " ".repeat(14), detail.join("  ·  ")),
                width,
            ),
            t.dim,
        ));
    }
    lines
}

fn plan(app: &App, s: &BoardPack, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let block = panel(&format!("Action plan · {}", s.action_plan.len()), t, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if s.action_plan.is_empty() {
        let text = "Nothing to act on yet: gaps (answers below the pass mark) and flagged items appear here.";
        frame.render_widget(
            Paragraph::new(
                wrap(text, usize::from(inner.width))
                    .into_iter()
                    .map(|l| Line::styled(l, t.dim))
                    .collect::<Vec<_>>(),
            ),
            inner,
        );
        return;
    }
    let lines = plan_lines(app, s, usize::from(inner.width));
    let selected = app.plan_selected();
    let top = plan_top(selected, s.action_plan.len(), inner.height);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(top * 2).collect::<Vec<_>>()),
        inner,
    );
}

fn plan_top(selected: usize, rows: usize, height: u16) -> usize {
    scroll_for(selected, rows, usize::from(height / 2))
}

/// A click on a row of the action plan.
pub fn hit(app: &App, body: Rect, column: u16, row: u16) -> Option<Action> {
    let open = app.open.as_ref()?;
    let s = &open.pack;
    let parked = open.parked_items();
    let a = areas(body, parked.len());
    let inner = ratatui::widgets::Block::bordered().inner(a.parked);
    if let Some(r) = row_in(inner, column, row) {
        let selected = app.plan_selected().checked_sub(s.action_plan.len());
        let n = scroll_for(
            selected.unwrap_or(0),
            parked.len(),
            usize::from(inner.height),
        ) + r;
        return (n < parked.len()).then_some(Action::ClickRow(s.action_plan.len() + n));
    }
    let inner = ratatui::widgets::Block::bordered().inner(a.plan);
    let r = row_in(inner, column, row)?;
    let n = plan_top(app.plan_selected(), s.action_plan.len(), inner.height) + r / 2;
    (n < s.action_plan.len()).then_some(Action::ClickRow(n))
}
