//! The perception gap screen: who is compared with whom, each group's score and level per
//! area with the difference, and the items where the compared group (the board) answered
//! highest above the others, widest first. Every figure is the core's, in `figures`' words.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{fit, pad, panel, row_style, scroll_for, wrap};
use crate::figures::{level_short, level_words, percent};
use crate::gap::{GapReport, GroupScore};
use crate::text::sanitize_line;
use crate::tui::app::App;
use crate::tui::theme::Theme;

/// A group's figures in a column: "95 % L3", or with room "95 % 3 Defined".
fn cell(s: Option<&GroupScore>, long: bool) -> String {
    let Some(s) = s else {
        return crate::figures::NONE.to_string();
    };
    if s.score.is_none() && s.level.is_none() {
        return crate::figures::NONE.to_string();
    }
    let level = if long {
        level_words(s.level)
    } else {
        level_short(s.level)
    };
    format!("{} {level}", percent(s.score))
}

/// "Ann (board) against staff" (with "their mean" for several).
fn compared_words(r: &GapReport) -> String {
    let against: Vec<&str> = r.against.iter().map(|g| r.label(g)).collect();
    format!(
        "{} against {}{}",
        r.label(&r.compared),
        against.join(", "),
        if against.len() > 1 {
            " (their mean)"
        } else {
            ""
        }
    )
}

/// The list's lines, and the line each row (areas, then items) starts at.
fn lines(r: &GapReport, app: &App, width: usize) -> (Vec<Line<'static>>, Vec<usize>) {
    let t = &app.theme;
    let selected = app.gap_selected();
    let long = width >= 120;
    let col = r
        .groups
        .iter()
        .map(|g| g.label.width())
        .max()
        .unwrap_or(0)
        .clamp(if long { 19 } else { 9 }, if long { 24 } else { 14 })
        + 1;
    let gap_col = 6;
    let title_width = width.saturating_sub(2 + col * r.groups.len() + gap_col);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut starts = Vec::new();
    let mut head = format!("  {}", pad("Area", title_width));
    for g in &r.groups {
        head.push_str(&pad(&fit(&g.label, col - 1), col));
    }
    let _ = write!(head, "{:>gap_col$}", "gap");
    out.push(Line::styled(fit(&head, width), t.dim));
    let row = |title: &str, scores: &[GroupScore], cursor: bool| {
        let mut text = format!(
            "{}{}",
            if cursor { "> " } else { "  " },
            pad(&fit(title, title_width.saturating_sub(1)), title_width)
        );
        for g in &r.groups {
            let s = scores.iter().find(|s| s.group == g.group);
            text.push_str(&pad(&fit(&cell(s, long), col - 1), col));
        }
        let points = r.shown_difference(scores).signed();
        let _ = write!(text, "{points:>gap_col$}");
        text
    };
    out.push(Line::styled(
        fit(&row("Overall", &r.overall, false), width),
        t.prompt,
    ));
    for (n, area) in r.areas.iter().enumerate() {
        starts.push(out.len());
        let cursor = n == selected;
        out.push(Line::styled(
            fit(
                &row(&sanitize_line(&area.title), &area.groups, cursor),
                width,
            ),
            row_style(t, cursor),
        ));
    }
    out.push(Line::raw(""));
    let who = r.label(&r.compared).to_string();
    if r.items.is_empty() {
        out.push(Line::styled(
            fit(
                &format!(" No item where {who} answered above the others."),
                width,
            ),
            t.good,
        ));
    } else {
        out.push(Line::styled(
            fit(
                &format!(
                    " Where {who} answered highest above the others · {} item{}, widest first",
                    r.items.len(),
                    if r.items.len() == 1 { "" } else { "s" }
                ),
                width,
            ),
            t.title,
        ));
    }
    for (n, item) in r.items.iter().enumerate() {
        starts.push(out.len());
        let cursor = r.areas.len() + n == selected;
        let head = format!(
            "{}{:>10}  {}",
            if cursor { "> " } else { "  " },
            r.item_difference(item).in_points(),
            sanitize_line(&item.prompt)
        );
        out.push(Line::styled(
            pad(&fit(&head, width), width),
            row_style(t, cursor),
        ));
        out.push(answers_line(item, t, width));
    }
    (out, starts)
}

/// Each respondent's answer to a gap item, on one line.
fn answers_line(item: &crate::gap::ItemGap, t: &Theme, width: usize) -> Line<'static> {
    let words: Vec<String> = item
        .answers
        .iter()
        .map(|a| {
            let answer = if a.answer.is_empty() {
                "no answer".to_string()
            } else {
                sanitize_line(&a.answer)
            };
            format!(
                "{} ({}): {answer}",
                sanitize_line(&a.respondent),
                sanitize_line(&a.group)
            )
        })
        .collect();
    Line::styled(
        fit(&format!("{}{}", " ".repeat(14), words.join(" · ")), width),
        t.dim,
    )
}

/// Draws the gap screen.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let t = &app.theme;
    let name = app
        .open
        .as_ref()
        .map(|o| sanitize_line(&o.session.assessment.name))
        .unwrap_or_default();
    let title = format!("Perception gap · {name}");
    let report = match app.gap_report() {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            no_groups(app, frame, body, &title, &e.to_string());
            return;
        }
        None => return,
    };
    let [head, list] = Layout::vertical([Constraint::Length(4), Constraint::Min(3)]).areas(body);
    let block = panel(
        &fit(&title, usize::from(head.width).saturating_sub(6)),
        t,
        false,
    );
    let inner = block.inner(head);
    frame.render_widget(block, head);
    let width = usize::from(inner.width);
    let groups: Vec<String> = report
        .groups
        .iter()
        .map(crate::gap::Group::with_members)
        .collect();
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(
                fit(&format!(" {}", compared_words(report)), width),
                t.prompt,
            ),
            Line::styled(
                fit(&format!(" Groups: {}", groups.join(" · ")), width),
                t.dim,
            ),
        ]),
        inner,
    );
    let block = panel("Each group's score and level, and the gap", t, true);
    let inner = block.inner(list);
    let width = usize::from(inner.width);
    let (lines, starts) = lines(report, app, width);
    let height = usize::from(inner.height);
    let selected = app.gap_selected();
    let focus = starts
        .get(selected)
        .map_or(0, |s| s + usize::from(selected >= report.areas.len()));
    let top = scroll_for(focus, lines.len(), height);
    // Rows (an area, or an item with its answers) that start below the window.
    let below = starts.iter().filter(|s| **s >= top + height).count();
    let block = if below > 0 {
        block.title_bottom(Span::styled(
            format!(
                " {} ↓ ",
                crate::figures::count(below, "more row", "more rows")
            ),
            t.dim,
        ))
    } else {
        block
    };
    frame.render_widget(block, list);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        inner,
    );
}

/// Without groups to compare: why, and how to get them.
fn no_groups(app: &App, frame: &mut Frame, body: Rect, title: &str, why: &str) {
    let t = &app.theme;
    let block = panel(title, t, true);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width).saturating_sub(2);
    let mut lines = vec![
        Line::raw(""),
        Line::styled(" There are no respondent groups to compare here.", t.warn),
        Line::raw(""),
    ];
    for l in wrap(why, width) {
        lines.push(Line::styled(format!(" {l}"), t.text));
    }
    lines.push(Line::raw(""));
    for l in wrap(
        "For example: supplycheck new --name Ann --respondent Ann --group board, the same \
         for each member of staff with --group staff; each answers their own; then \
         supplycheck merge ann bob carl --name Workshop, and open the merged assessment.",
        width,
    ) {
        lines.push(Line::styled(format!(" {l}"), t.dim));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(" Esc goes back to the results.", t.dim));
    frame.render_widget(Paragraph::new(lines), inner);
}
