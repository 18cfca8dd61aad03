//! The questionnaire's own dialogs: the one-line field (decision, due day, evidence, an
//! owner in words) and the go-to-section list, its sections under their questionnaire's
//! title, each with the key that picks it.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::overlay::centred;
use super::{fit, pad, panel, row_in, row_style, scroll_for, wrap};
use crate::figures::answered_of;
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::app::{App, FieldForm};
use crate::tui::keys::{Context, pick_key};

/// Draws the one-line field.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, form: &FieldForm) {
    let t = &app.theme;
    let outer = centred(area, area.width.saturating_sub(8).min(76), 10);
    frame.render_widget(Clear, outer);
    let block = panel(form.kind.title(), t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let field_width = width.saturating_sub(4);
    let prompt = app
        .open
        .as_ref()
        .and_then(|o| o.item().map(|(_, _, i)| sanitize_line(&i.prompt)))
        .unwrap_or_default();
    let text = form.editor.text();
    let cursor_col = text
        .chars()
        .take(form.editor.cursor().1)
        .collect::<String>()
        .width();
    // A text longer than the field shows its end, where the cursor is.
    let skip = cursor_col.saturating_sub(field_width.saturating_sub(1));
    let shown: String = {
        let mut used = 0;
        text.chars()
            .skip_while(|c| {
                used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
                used <= skip
            })
            .collect()
    };
    let mut lines = vec![
        Line::styled(fit(&format!("  {prompt}"), width), t.dim),
        Line::raw(""),
        Line::from(vec![
            Span::styled("> ", t.prompt),
            Span::styled(pad(&fit(&shown, field_width), field_width), t.cursor),
        ]),
        Line::raw(""),
    ];
    match &form.error {
        Some(why) => {
            for l in wrap(why, width.saturating_sub(2)).into_iter().take(2) {
                lines.push(Line::styled(format!("  {l}"), t.error));
            }
        }
        None => lines.push(Line::styled(
            fit(&format!("  {}", form.kind.hint()), width),
            t.dim,
        )),
    }
    lines.push(Line::styled(
        fit("  Enter: keep (saved at once)   Esc: cancel", width),
        t.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + 2 + u16::try_from(cursor_col - skip.min(cursor_col)).unwrap_or(0);
    if x < inner.x + inner.width {
        frame.set_cursor_position(Position::new(x, inner.y + 2));
    }
}

/// The rows of the section list: `None` for a questionnaire's title, `Some(n)` for section
/// `n`, with their text.
fn rows(app: &App) -> Vec<(Option<usize>, String)> {
    let Some(open) = app.open.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (n, pos) in open.sections.iter().enumerate() {
        if n == 0 || open.sections[n - 1].q != pos.q {
            let title = open
                .questionnaires
                .get(pos.q)
                .map(|q| sanitize_line(&q.title))
                .unwrap_or_default();
            out.push((None, title));
        }
        let (answered, total) = open.section_progress(n);
        let title = open
            .section(n)
            .map(|(_, s)| sanitize_line(&s.title))
            .unwrap_or_default();
        let key = pick_key(Context::Picker, n + 1).map_or(' ', |k| k);
        out.push((
            Some(n),
            format!("{key}  {title}  ({})", answered_of(answered, total)),
        ));
    }
    out
}

/// The box and the list inside it.
fn list_area(area: Rect, rows: usize) -> (Rect, Rect) {
    let height = u16::try_from(rows + 3).unwrap_or(u16::MAX);
    let outer = centred(area, area.width.saturating_sub(8).min(76), height);
    let inner = Block::bordered().inner(outer);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    (outer, list)
}

/// The first row shown, keeping the selected section (and its title, when it fits) in view.
fn top(rows: &[(Option<usize>, String)], selected: usize, height: usize) -> usize {
    let at = rows
        .iter()
        .position(|(n, _)| *n == Some(selected))
        .unwrap_or(0);
    scroll_for(at, rows.len(), height)
}

/// Draws the go-to-section list.
pub fn sections(app: &App, frame: &mut Frame, area: Rect, selected: usize) {
    let t = &app.theme;
    let rows = rows(app);
    let (outer, list) = list_area(area, rows.len());
    frame.render_widget(Clear, outer);
    let block = panel("Go to a section", t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let height = usize::from(list.height);
    let first = top(&rows, selected, height);
    let more_below = rows.len() > first + height;
    let header = if more_below {
        " More below ↓ · the key beside a section goes there · Esc closes"
    } else {
        " The key beside a section goes there; ↑/↓ and Enter; Esc closes"
    };
    let mut lines = vec![Line::styled(fit(header, width), t.dim)];
    for (n, text) in rows.iter().skip(first).take(height) {
        match n {
            None => lines.push(Line::styled(fit(&format!(" {text}"), width), t.title)),
            Some(n) => {
                let highlighted = *n == selected;
                let marker = if highlighted { ">" } else { " " };
                lines.push(Line::styled(
                    pad(&fit(&format!("{marker}  {text}"), width), width),
                    row_style(t, highlighted),
                ));
            }
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A click on a section of the list.
pub fn section_hit(
    app: &App,
    area: Rect,
    column: u16,
    row: u16,
    selected: usize,
) -> Option<Action> {
    let rows = rows(app);
    let (_, list) = list_area(area, rows.len());
    let r = row_in(list, column, row)?;
    let first = top(&rows, selected, usize::from(list.height));
    rows.get(first + r)
        .and_then(|(n, _)| *n)
        .map(Action::ClickRow)
}
