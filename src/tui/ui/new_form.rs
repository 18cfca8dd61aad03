//! The new-assessment form and the rename form, drawn on top of home.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::overlay::centred;
use super::{fit, pad, panel, scroll_for};
use crate::tui::app::{App, NewField, NewForm, RenameForm};
use crate::tui::editor::Editor;

/// Columns before a field's text: marker and label.
const LABEL: u16 = 18;

/// The column of the text cursor of a one-line editor.
pub(super) fn cursor_column(e: &Editor) -> usize {
    e.lines().first().map_or(0, |l| {
        l.chars().take(e.cursor().1).collect::<String>().width()
    })
}

/// Draws the new-assessment form.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, form: &NewForm) {
    let t = &app.theme;
    let rows = form.questionnaires.len();
    // Eight fields, the questionnaires, a blank line and the keys, in a border.
    let height = u16::try_from(rows + 12).unwrap_or(u16::MAX);
    let outer = centred(area, 76, height);
    frame.render_widget(Clear, outer);
    let block = panel("New assessment", t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let field_width = width.saturating_sub(usize::from(LABEL) + 1);
    let marker = |f: NewField| if form.field == f { "> " } else { "  " };
    let label =
        |f: NewField, text: &str| Span::styled(format!("{}{text:<16}", marker(f)), t.prompt);
    let text_row = |f: NewField, text: &str, e: &Editor, hint: &str| {
        let focus = form.field == f;
        let shown = e.text();
        let (shown, style) = if shown.is_empty() && !focus {
            (hint.to_string(), t.dim)
        } else {
            (shown, if focus { t.cursor } else { t.text })
        };
        Line::from(vec![
            label(f, text),
            Span::styled(pad(&fit(&shown, field_width), field_width), style),
        ])
    };
    let tier = form
        .tier
        .map_or_else(|| "none".to_string(), |t| t.as_str().to_string());
    let tier_focus = form.field == NewField::Tier;
    let mut lines = vec![
        text_row(NewField::Name, "Name", &form.name, ""),
        text_row(
            NewField::Organisation,
            "Organisation",
            &form.organisation,
            "",
        ),
        text_row(
            NewField::Respondent,
            "Respondent",
            &form.respondent,
            "who answers (optional)",
        ),
        text_row(
            NewField::Group,
            "Group",
            &form.group,
            "board, management, staff, supplier, or your word",
        ),
        text_row(
            NewField::Supplier,
            "Supplier",
            &form.supplier,
            "empty: the organisation is assessed",
        ),
        Line::from(vec![
            label(NewField::Tier, "Tier"),
            Span::styled(
                pad(&format!("< {tier} >"), field_width),
                if tier_focus { t.cursor } else { t.text },
            ),
        ]),
        text_row(
            NewField::Services,
            "Services",
            &form.services,
            "what depends on the supplier, with commas",
        ),
        Line::from(label(NewField::Questionnaires, "Questionnaires")),
    ];
    questionnaire_rows(app, form, &mut lines, width, usize::from(inner.height));
    frame.render_widget(Paragraph::new(lines), inner);
    let focused = match form.field {
        NewField::Name => Some((0, &form.name)),
        NewField::Organisation => Some((1, &form.organisation)),
        NewField::Respondent => Some((2, &form.respondent)),
        NewField::Group => Some((3, &form.group)),
        NewField::Supplier => Some((4, &form.supplier)),
        NewField::Services => Some((6, &form.services)),
        NewField::Tier | NewField::Questionnaires => None,
    };
    if let Some((row, e)) = focused {
        let col = cursor_column(e).min(field_width);
        let x = inner.x + LABEL + u16::try_from(col).unwrap_or(0);
        frame.set_cursor_position(Position::new(x, inner.y + row));
    }
}

/// Draws the rename form.
pub fn rename(app: &App, frame: &mut Frame, area: Rect, form: &RenameForm) {
    let t = &app.theme;
    let outer = centred(area, 64, 7);
    frame.render_widget(Clear, outer);
    let block = panel("Rename", t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let field_width = usize::from(inner.width.saturating_sub(LABEL + 1));
    let lines = vec![
        Line::raw(""),
        Line::from(vec![
            Span::styled(format!("> {:<16}", "New name"), t.prompt),
            Span::styled(
                pad(&fit(&form.name.text(), field_width), field_width),
                t.cursor,
            ),
        ]),
        Line::raw(""),
        Line::styled(
            "  Enter: rename (saved at once)   Esc: keep the name",
            t.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    let col = cursor_column(&form.name).min(field_width);
    let x = inner.x + LABEL + u16::try_from(col).unwrap_or(0);
    frame.set_cursor_position(Position::new(x, inner.y + 1));
}

/// The questionnaires to tick, scrolled to the highlighted one, and the keys of the field
/// with focus, added below the fields.
fn questionnaire_rows(
    app: &App,
    form: &NewForm,
    lines: &mut Vec<Line<'static>>,
    width: usize,
    height: usize,
) {
    let t = &app.theme;
    let rows = form.questionnaires.len();
    let tier_focus = form.field == NewField::Tier;
    let hints = if tier_focus {
        "  Space/→ or 1–4: tier   Enter: create   Tab: next   Esc: cancel"
    } else if form.field == NewField::Questionnaires {
        "  Space or 1–9: tick   ↑/↓: move   Enter: create   Esc: cancel"
    } else if form.field == NewField::Name {
        "  Enter: next   Tab/↓: next field   Esc: cancel"
    } else {
        "  Enter: create   Tab/↓: next field   Shift-Tab/↑: back   Esc: cancel"
    };
    let room = height.saturating_sub(lines.len() + 2);
    let top = scroll_for(form.row, rows, room);
    for n in (0..rows).skip(top).take(room) {
        let Some(q) = form.questionnaires.get(n) else {
            continue;
        };
        let on = form.field == NewField::Questionnaires && n == form.row;
        let tick = if form.is_ticked(n) { "[x]" } else { "[ ]" };
        let kind = if q.supplier { "  (one supplier)" } else { "" };
        let cursor = if on { ">" } else { " " };
        let text = format!("  {cursor} {} {tick} {}  {}{kind}", n + 1, q.id, q.title);
        lines.push(Line::styled(
            pad(&fit(&text, width), width),
            if on { t.cursor } else { t.text },
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(fit(hints, width), t.dim));
}
