//! The results screen: the overall level and score as a large gauge, every section's score
//! and level as bars, the weakest links, what is not yet assessed, and the action plan.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::{bar_spans, fit, level_words, pad, panel, percent, row_in, scroll_for, wrap};
use crate::scoring::level_name;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::summary::{Area, Summary};
use crate::tui::theme::Theme;

struct Areas {
    gauge: Rect,
    chart: Rect,
    links: Rect,
    plan: Rect,
}

fn areas(body: Rect) -> Areas {
    let gauge_height = if body.height >= 40 { 5 } else { 3 };
    let [gauge, rest] =
        Layout::vertical([Constraint::Length(gauge_height), Constraint::Min(1)]).areas(body);
    let [chart, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
    let links_height = if rest.height >= 30 { 9 } else { 6 };
    let [links, plan] =
        Layout::vertical([Constraint::Length(links_height), Constraint::Min(3)]).areas(right);
    Areas {
        gauge,
        chart,
        links,
        plan,
    }
}

/// Bars, one line per area: title, bar, percent, level.
pub(crate) fn area_lines(
    areas: &[Area],
    t: &Theme,
    width: usize,
    names: bool,
) -> Vec<Line<'static>> {
    let level_width = if names { 14 } else { 3 };
    let bar_width = (width / 3).clamp(6, 40);
    let title_width = width.saturating_sub(bar_width + 6 + level_width + 2);
    areas
        .iter()
        .map(|a| {
            let f = &a.figures;
            let mut spans = vec![
                Span::raw(" "),
                Span::styled(pad(&a.title, title_width), t.text),
                Span::raw(" "),
            ];
            spans.extend(bar_spans(f.score.unwrap_or(0.0), bar_width, t));
            spans.push(Span::styled(format!("{:>5} ", percent(f.score)), t.prompt));
            let level = match f.level {
                Some(l) if names => format!("{l} {}", level_name(l)),
                Some(l) => format!("L{l}"),
                None => "–".to_string(),
            };
            let style = if f.level.unwrap_or(0) == 0 {
                t.warn
            } else {
                t.good
            };
            spans.push(Span::styled(level, style));
            Line::from(spans)
        })
        .collect()
}

/// Draws the results screen.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let (Some(open), Some(s)) = (app.open.as_ref(), app.summary()) else {
        return;
    };
    let t = &app.theme;
    let a = areas(body);
    let name = crate::text::sanitize_line(&open.session.assessment.name);
    let label = format!(
        "{}  —  score {}  —  {} of {} scored items answered",
        level_words(s.overall.level),
        percent(s.overall.score),
        s.overall.answered,
        s.overall.total
    );
    frame.render_widget(
        Gauge::default()
            .block(panel(&format!("Results · {name}"), t, false))
            .gauge_style(if t.colour { t.bar } else { t.cursor })
            .ratio(s.overall.score.unwrap_or(0.0).clamp(0.0, 1.0))
            .label(Span::styled(label, t.prompt)),
        a.gauge,
    );
    let chart_block = panel("Every section: score and level", t, false);
    let inner = chart_block.inner(a.chart);
    frame.render_widget(chart_block, a.chart);
    let names = inner.width >= 60;
    let lines = area_lines(&s.areas, t, usize::from(inner.width), names);
    let current = open.current_section();
    let top = scroll_for(current, lines.len(), usize::from(inner.height));
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        inner,
    );

    let links_block = panel("Weakest links", t, false);
    let inner = links_block.inner(a.links);
    frame.render_widget(links_block, a.links);
    frame.render_widget(Paragraph::new(link_lines(&s, t, inner)), inner);

    plan(app, &s, frame, a.plan);
}

fn link_lines(s: &Summary, t: &Theme, area: Rect) -> Vec<Line<'static>> {
    let width = usize::from(area.width);
    let mut lines: Vec<Line> = Vec::new();
    let room = usize::from(area.height).saturating_sub(1);
    if s.links.is_empty() {
        lines.push(Line::styled(" No gaps among the answered items.", t.good));
    }
    for l in s.links.iter().take(room.max(1)) {
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
            if s.links.len() > room {
                format!("  ·  {} gaps in all", s.links.len())
            } else {
                String::new()
            },
            t.dim,
        ),
    ]));
    lines
}

/// Each plan row takes two lines: the item, then owner · source · note.
fn plan_lines(app: &App, s: &Summary, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let selected = app.open.as_ref().map_or(0, |o| o.plan_selected);
    let mut lines = Vec::new();
    for (n, row) in s.plan.iter().enumerate() {
        let highlighted = n == selected;
        let tag = match (row.gap, row.flagged) {
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
            detail.push(row.refs.clone());
        }
        if let Some(note) = &row.note {
            detail.push(format!("note: {note}"));
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

fn plan(app: &App, s: &Summary, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let block = panel(&format!("Action plan · {}", s.plan.len()), t, true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if s.plan.is_empty() {
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
    let selected = app.open.as_ref().map_or(0, |o| o.plan_selected);
    let top = plan_top(selected, s.plan.len(), inner.height);
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
    let s = app.summary()?;
    let a = areas(body);
    let inner = ratatui::widgets::Block::bordered().inner(a.plan);
    let r = row_in(inner, column, row)?;
    let selected = app.open.as_ref().map_or(0, |o| o.plan_selected);
    let n = plan_top(selected, s.plan.len(), inner.height) + r / 2;
    (n < s.plan.len()).then_some(Action::ClickRow(n))
}
