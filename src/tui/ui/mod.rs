//! Drawing: `view` paints the whole screen from `&App`, with no side effects. `hit` answers
//! which action a mouse click at a place means, from the same layout.

mod board;
mod disputes;
mod field;
mod gap;
mod home;
mod new_form;
mod overlay;
mod plan;
mod portfolio;
mod questionnaire;
mod results;
mod supplier;

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::action::Action;
use super::app::{App, Mode, Screen, Status};
use super::keys;
use super::theme::Theme;
use crate::figures::level_heading;
pub(crate) use crate::figures::{fit, pad, percent, wrap};

/// The smallest usable terminal: below it a message asks for a larger window.
pub const MIN_WIDTH: u16 = 60;
/// The smallest usable terminal height.
pub const MIN_HEIGHT: u16 = 16;

/// Whether `area` is too small to show the app.
pub fn too_small_for(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Draws the app.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if too_small_for(area) {
        too_small(app, frame, area);
        return;
    }
    let [body, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    match app.screen {
        Screen::Home { .. } => home::draw(app, frame, body),
        Screen::Questionnaire { .. } => questionnaire::draw(app, frame, body),
        Screen::Results { .. } => results::draw(app, frame, body),
        Screen::Board { .. } => board::draw(app, frame, body),
        Screen::Disagreements { .. } => disputes::draw(app, frame, body),
        Screen::Gap { .. } => gap::draw(app, frame, body),
        Screen::Portfolio { .. } => portfolio::draw(app, frame, body),
    }
    overlay::draw(app, frame, body);
    status_line(app, frame, status);
}

/// The action a left click at (column, row) means, if any.
pub fn hit(app: &App, area: Rect, column: u16, row: u16) -> Option<Action> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [body, _] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    if app.mode != Mode::Normal {
        return overlay::hit(app, body, column, row);
    }
    match app.screen {
        Screen::Home { .. } => home::hit(app, body, column, row),
        Screen::Questionnaire { .. } => questionnaire::hit(app, body, column, row),
        Screen::Results { .. } => results::hit(app, body, column, row),
        Screen::Disagreements { .. } => disputes::hit(app, body, column, row),
        Screen::Board { .. } | Screen::Gap { .. } => None,
        Screen::Portfolio { .. } => portfolio::hit(app, body, column, row),
    }
}

fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let text = vec![
        Line::styled("This window is too small.", t.title),
        Line::raw(""),
        Line::raw(format!(
            "Make it at least {MIN_WIDTH} × {MIN_HEIGHT} (now {} × {}).",
            area.width, area.height
        )),
        Line::raw("Everything is saved. Ctrl-C quits."),
    ];
    let height = u16::try_from(text.len()).unwrap_or(u16::MAX);
    let top = area.height.saturating_sub(height) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height.saturating_sub(top),
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .style(t.text),
        rect,
    );
}

fn status_line(app: &App, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let unsaved = app.saving.unsaved().is_some();
    let saved = if unsaved {
        " not saved ".to_string()
    } else {
        app.saved_at
            .as_ref()
            .map(|s| format!(" saved {s} "))
            .unwrap_or_default()
    };
    let mut pace = plan::pace_words(app);
    // A message is said whole: the pace gives way to it until the next key clears it.
    let said = match &app.status {
        Status::Error(m) | Status::Info(m) => m.width() + 1,
        Status::None => 0,
    };
    let room = usize::from(area.width);
    if said > 0 && said + pace.width() + saved.width() > room {
        pace.clear();
    }
    let pace_width = u16::try_from(pace.width()).unwrap_or(0);
    let saved_width = u16::try_from(saved.width()).unwrap_or(0);
    let [left, timing, right] = Layout::horizontal([
        Constraint::Min(1),
        Constraint::Length(pace_width),
        Constraint::Length(saved_width),
    ])
    .areas(area);
    let line = match &app.status {
        Status::Error(m) => Line::from(Span::styled(format!(" {m}"), t.error)),
        Status::Info(m) => Line::from(Span::styled(format!(" {m}"), t.status)),
        Status::None => {
            // "? help" first, then as many whole hints as fit.
            let mut hints = keys::hints(app.context());
            hints.sort_by_key(|(key, _)| *key != "?");
            let mut spans = vec![Span::styled(" ", t.status)];
            let mut used = 1;
            for (key, word) in hints {
                let text = format!(" {word}   ");
                let w = key.width() + text.width();
                if used + w > usize::from(left.width) {
                    break;
                }
                used += w;
                spans.push(Span::styled(key, t.status.patch(t.key)));
                spans.push(Span::styled(text, t.status));
            }
            Line::from(spans)
        }
    };
    frame.render_widget(Paragraph::new(line).style(t.status), left);
    let late = app.pace().is_some_and(|p| !p.on_time || p.left.is_zero());
    frame.render_widget(
        Paragraph::new(Span::styled(
            pace,
            t.status.patch(if late { t.warn } else { t.key }),
        ))
        .style(t.status),
        timing,
    );
    frame.render_widget(
        Paragraph::new(Span::styled(
            saved,
            t.status.patch(if unsaved { t.error } else { t.good }),
        ))
        .style(t.status),
        right,
    );
}

/// A bordered panel with a title.
pub(crate) fn panel(title: &str, t: &Theme, focus: bool) -> Block<'static> {
    Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Rounded)
        .border_style(if focus { t.border_focus } else { t.border })
        .title(Span::styled(format!(" {title} "), t.title))
}

/// A bar of `width` cells filled to `ratio`, as (filled, empty) text.
pub(crate) fn bar(ratio: f64, width: usize) -> (String, String) {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // clamped to [0, width]
    let filled = ((ratio.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    ("█".repeat(filled), "░".repeat(width - filled))
}

/// A styled bar.
pub(crate) fn bar_spans(ratio: f64, width: usize, t: &Theme) -> Vec<Span<'static>> {
    let (filled, empty) = bar(ratio, width);
    vec![
        Span::styled(filled, t.bar),
        Span::styled(empty, t.bar_empty),
    ]
}

/// A level as "Level 1 · Performed", or words for no level.
pub(crate) fn level_words(level: Option<u8>) -> String {
    level_heading(level, "No level (nothing applicable)")
}

/// The first row to show so that `focus` is visible in `height` rows of `total`.
pub(crate) fn scroll_for(focus: usize, total: usize, height: usize) -> usize {
    if total <= height || height == 0 {
        return 0;
    }
    let max = total - height;
    focus.saturating_sub(height / 3).min(max)
}

/// The style of a highlighted row.
pub(crate) fn row_style(t: &Theme, highlighted: bool) -> Style {
    if highlighted { t.cursor } else { t.text }
}

/// The row clicked inside `area` (0-based), if the click is inside it.
pub(crate) fn row_in(area: Rect, column: u16, row: u16) -> Option<usize> {
    (column >= area.x
        && column < area.x + area.width
        && row >= area.y
        && row < area.y + area.height)
        .then(|| usize::from(row - area.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_and_breaks_long_ones() {
        assert_eq!(wrap("one two three", 7), ["one two", "three"]);
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(bar(0.5, 4), ("██".to_string(), "░░".to_string()));
    }
}
