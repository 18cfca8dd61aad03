//! The board view, made to be projected: the overall level in large type with its name and
//! meaning, every area's level and score, the five weakest links, what is not yet assessed,
//! and the board's own words.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use unicode_width::UnicodeWidthStr;

use super::{fit, panel, percent, wrap};
use crate::figures::{Level, answered_counts, coverage};
use crate::report::BoardPack;
use crate::tui::app::App;

/// Five-row block digits for the levels (and "–" for none).
fn big_digit(level: Option<u8>) -> [&'static str; 5] {
    match level {
        Some(0) => [" ███ ", "█   █", "█   █", "█   █", " ███ "],
        Some(1) => ["  █  ", " ██  ", "  █  ", "  █  ", " ███ "],
        Some(2) => [" ███ ", "    █", " ███ ", "█    ", "█████"],
        Some(3) => ["████ ", "    █", " ███ ", "    █", "████ "],
        _ => ["     ", "     ", "█████", "     ", "     "],
    }
}

/// Draws the board view.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let s = &open.pack;
    let t = &app.theme;
    let big = body.height >= 40;
    let top_height = if big { 11 } else { 7 };
    let [top, rest] =
        Layout::vertical([Constraint::Length(top_height), Constraint::Min(1)]).areas(body);
    let mut title = s.assessment.name.clone();
    if !open.session.assessment.organisation.trim().is_empty() {
        title.push_str(" — ");
        title.push_str(&s.assessment.organisation);
    }
    let block = panel(&format!("Board view · {title}"), t, true);
    let inner = block.inner(top);
    frame.render_widget(block, top);
    headline(app, s, frame, inner, big);

    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
    let areas_block = panel("Each area: level and score", t, false);
    let inner = areas_block.inner(left);
    frame.render_widget(areas_block, left);
    let area_lines = super::results::area_lines(
        &s.areas,
        t,
        usize::from(inner.width),
        inner.width >= 60,
        None,
    );
    let spaced_out = big && area_lines.len() * 2 <= usize::from(inner.height);
    let area_lines: Vec<Line> = if spaced_out {
        area_lines
            .into_iter()
            .flat_map(|l| [l, Line::raw("")])
            .collect()
    } else {
        area_lines
    };
    frame.render_widget(Paragraph::new(area_lines), inner);

    let words_height = if s.board_answers.iter().all(|a| a.answer.is_none()) {
        3
    } else {
        right.height / 2
    };
    let [weakest, board_words] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(words_height)]).areas(right);
    links_panel(app, s, frame, weakest);
    words_panel(app, s, frame, board_words);
}

/// The overall level in large type, its name and meaning, and the overall figures.
fn headline(app: &App, s: &BoardPack, frame: &mut Frame, inner: Rect, big: bool) {
    let t = &app.theme;
    let [digit, words] = Layout::horizontal([
        Constraint::Length(if big { 26 } else { 20 }),
        Constraint::Min(1),
    ])
    .areas(inner);
    let mut digit_lines = vec![Line::styled("  MATURITY LEVEL", t.dim)];
    for row in big_digit(s.overall.level) {
        let row = if big {
            row.chars().flat_map(|c| [c, c]).collect::<String>()
        } else {
            row.to_string()
        };
        digit_lines.push(Line::styled(format!("      {row}"), t.big));
    }
    if big {
        digit_lines.insert(1, Line::raw(""));
    }
    frame.render_widget(Paragraph::new(digit_lines), digit);

    let level = s.overall.level;
    let level = level.map(Level::at_most_3);
    let name = level.map_or("No level yet", Level::name).to_uppercase();
    let spaced: String = if big {
        name.chars().flat_map(|c| [c, ' ']).collect()
    } else {
        name
    };
    let meaning = level.map_or("nothing applicable has been answered yet", Level::meaning);
    let width = usize::from(words.width);
    let mut lines = vec![Line::raw("")];
    if big {
        lines.push(Line::raw(""));
    } else {
        lines.clear();
    }
    lines.push(Line::styled(spaced, t.big));
    for l in wrap(
        &format!("{}.", capitalise(meaning)),
        width.saturating_sub(2),
    ) {
        lines.push(Line::styled(l, t.text));
    }
    lines.push(Line::raw(""));
    lines.push(Line::from(vec![
        Span::styled("Score ", t.dim),
        Span::styled(percent(s.overall.score), t.prompt),
        Span::styled(
            format!(
                " · {}   ·   {}",
                coverage(s.overall.coverage),
                answered_counts(&s.overall)
            ),
            t.dim,
        ),
    ]));
    lines.push(Line::styled(
        format!("{} not yet assessed", s.not_assessed),
        if s.not_assessed > 0 { t.warn } else { t.good },
    ));
    frame.render_widget(Paragraph::new(lines), words);
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn links_panel(app: &App, s: &BoardPack, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let block = panel("The five weakest links", t, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if s.weakest_links.is_empty() {
        lines.push(Line::styled("No gaps among the answered items.", t.good));
    }
    // As many lines per link as fit (one to three); a cut prompt ends with "…".
    let shown = s.weakest_links.len().min(5);
    let each = usize::from(inner.height) / shown.max(1);
    let spacer = each >= 3;
    let per = if spacer { each - 1 } else { each }.clamp(1, 3);
    for (n, l) in s.weakest_links.iter().take(5).enumerate() {
        let head = format!("{}. {:>4}  ", n + 1, percent(Some(l.value)));
        let room = width.saturating_sub(head.width());
        let mut body = wrap(&l.prompt, room);
        if body.len() > per {
            body.truncate(per);
            if let Some(last) = body.last_mut() {
                *last = fit(&format!("{last} …"), room);
            }
        }
        for (k, text) in body.into_iter().enumerate() {
            let lead = if k == 0 {
                Span::styled(head.clone(), t.warn)
            } else {
                Span::raw(" ".repeat(head.width()))
            };
            lines.push(Line::from(vec![lead, Span::styled(text, t.text)]));
        }
        if spacer {
            lines.push(Line::raw(""));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn words_panel(app: &App, s: &BoardPack, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let block = panel("In the board's own words", t, false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    let words: Vec<(&str, &str)> = s
        .board_answers
        .iter()
        .filter_map(|a| Some((a.prompt.as_str(), a.answer.as_deref()?)))
        .collect();
    if words.is_empty() {
        lines.push(Line::styled("No written answers yet.", t.dim));
    }
    for (prompt, text) in words {
        lines.push(Line::styled(fit(prompt, width), t.dim));
        for l in wrap(text, width.saturating_sub(2)) {
            lines.push(Line::styled(format!("  {l}"), t.prompt));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
