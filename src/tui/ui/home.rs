//! The home screen: every assessment with its organisation, last change, progress and level.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{bar_spans, fit, pad, panel, row_in, row_style, scroll_for};
use crate::figures::score_line;
use crate::tui::action::Action;
use crate::tui::app::App;

/// The panel's inner list area (below the column heads).
fn list_area(body: Rect) -> (Rect, Rect) {
    let [_, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(body);
    let inner = ratatui::widgets::Block::bordered().inner(rest);
    let [heads, _, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ])
    .areas(inner);
    (heads, list)
}

struct Columns {
    name: usize,
    org: usize,
    updated: usize,
    bar: usize,
}

/// Columns of the figures after the bar: " Level 1 · 100 % · 100 % known".
const PROGRESS: usize = 30;

fn columns(width: usize) -> Columns {
    let updated = if width >= 100 { 18 } else { 0 };
    let bar = if width >= 120 { 20 } else { 10 };
    // marker 2, the known share as a bar, then level, score and known share
    let fixed = 2 + updated + bar + PROGRESS;
    let rest = width.saturating_sub(fixed).max(10);
    let org = if width >= 70 { rest * 2 / 5 } else { 0 };
    Columns {
        name: rest - org,
        org,
        updated,
        bar,
    }
}

/// Draws the home screen.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let t = &app.theme;
    let [title, rest] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(body);
    frame.render_widget(
        Paragraph::new(vec![
            Line::raw(""),
            Line::from(vec![
                Span::styled("  supplycheck", t.title),
                Span::styled("  ·  cyber security in supplier relationships", t.dim),
            ]),
        ]),
        title,
    );
    let block = panel("Assessments", t, true);
    frame.render_widget(block, rest);
    let (heads, list) = list_area(body);
    if app.home.is_empty() {
        frame.render_widget(
            Paragraph::new(vec![
                Line::raw(""),
                Line::styled("No assessments yet.", t.prompt),
                Line::raw(""),
                Line::from(vec![
                    Span::raw("Press "),
                    Span::styled("n", t.key),
                    Span::raw(" to create one: you will be asked for its name and organisation."),
                ]),
            ])
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(ratatui::widgets::Wrap { trim: true }),
            list,
        );
        return;
    }
    let c = columns(usize::from(heads.width));
    let mut head = format!("  {}", pad("Name", c.name));
    if c.org > 0 {
        head.push_str(&pad("Organisation", c.org));
    }
    if c.updated > 0 {
        head.push_str(&pad("Last change (UTC)", c.updated));
    }
    head.push_str(&pad("Known", c.bar + 1));
    head.push_str("Level · score · known");
    frame.render_widget(Paragraph::new(Span::styled(head, t.dim)), heads);
    let height = usize::from(list.height);
    let top = scroll_for(app.home_selected(), app.home.len(), height);
    let lines: Vec<Line> = app
        .home
        .iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(n, row)| {
            let selected = n == app.home_selected();
            let style = row_style(t, selected);
            let marker = if selected { "> " } else { "  " };
            if let Some(e) = &row.error {
                return Line::from(vec![
                    Span::styled(format!("{marker}{}", pad(&row.name, c.name)), style),
                    Span::styled(
                        fit(
                            &format!("cannot be read: {e}"),
                            c.org + c.updated + c.bar + PROGRESS,
                        ),
                        t.warn,
                    ),
                ]);
            }
            let mut spans = vec![Span::styled(
                format!("{marker}{}", pad(&row.name, c.name)),
                style,
            )];
            if c.org > 0 {
                spans.push(Span::styled(pad(&row.organisation, c.org), style));
            }
            if c.updated > 0 {
                spans.push(Span::styled(pad(&row.updated, c.updated), style));
            }
            let known = row.figures.as_ref().and_then(|f| f.coverage);
            spans.extend(bar_spans(known.unwrap_or(0.0), c.bar, t));
            spans.push(Span::styled(
                format!(
                    " {}",
                    row.figures.as_ref().map_or_else(String::new, score_line)
                ),
                style,
            ));
            Line::from(spans)
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}

/// A click on a row of the list.
pub fn hit(app: &App, body: Rect, column: u16, row: u16) -> Option<Action> {
    let (_, list) = list_area(body);
    let r = row_in(list, column, row)?;
    let top = scroll_for(
        app.home_selected(),
        app.home.len(),
        usize::from(list.height),
    );
    let n = top + r;
    (n < app.home.len()).then_some(Action::ClickRow(n))
}
