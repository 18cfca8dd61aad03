//! The session plan dialog (the session's name, and each section ticked with its time box)
//! and the status line's pace while a plan is set.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use super::overlay::centred;
use super::{fit, pad, panel, row_style, scroll_for, wrap};
use crate::figures::{count, minutes_words};
use crate::tui::app::{App, PlanForm};

/// Columns before the name field.
const LABEL: u16 = 17;

/// Draws the plan dialog.
pub fn draw(app: &App, frame: &mut Frame, area: Rect, form: &PlanForm) {
    let t = &app.theme;
    let headings = form
        .rows
        .windows(2)
        .filter(|w| w[0].questionnaire != w[1].questionnaire)
        .count()
        + 1;
    let rows = u16::try_from(form.rows.len() + headings).unwrap_or(u16::MAX);
    let outer = centred(
        area,
        area.width.saturating_sub(4).min(96),
        rows.saturating_add(9),
    );
    frame.render_widget(Clear, outer);
    let which = match (form.session < form.sessions, form.sessions) {
        (true, n) => format!("session {} of {n}", form.session + 1),
        (false, 0) => "the first session".to_string(),
        (false, n) => format!("a new session (the plan has {n})"),
    };
    let block = panel(&format!("Session plan · {which}"), t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let field_width = width.saturating_sub(usize::from(LABEL) + 1);
    let on_name = form.row == 0;
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(
                "{}{:<15}",
                if on_name { "> " } else { "  " },
                "Session name"
            ),
            t.prompt,
        ),
        Span::styled(
            pad(&fit(&form.name.text(), field_width), field_width),
            if on_name { t.cursor } else { t.text },
        ),
    ])];
    lines.push(Line::raw(""));
    let help = [
        format!(
            "Total {} · {} chosen",
            minutes_words(form.total()),
            count(
                form.rows.iter().filter(|r| r.minutes.is_some()).count(),
                "section",
                "sections"
            )
        ),
        "Space ticks a section, digits set its minutes · Enter keeps (Ctrl-Z takes it back) · \
         Esc cancels · PgDn the next session"
            .to_string(),
    ];
    let help: Vec<String> = help
        .iter()
        .flat_map(|h| wrap(h, width.saturating_sub(2)))
        .collect();
    let room = usize::from(inner.height)
        .saturating_sub(lines.len() + help.len() + 1)
        .max(1);
    let (rows, focus) = section_lines(app, form, width);
    let top = scroll_for(focus, rows.len(), room);
    let below = rows.len().saturating_sub(top + room);
    lines.extend(rows.into_iter().skip(top).take(room));
    lines.push(Line::styled(
        if below > 0 {
            format!("  {below} more ↓")
        } else {
            String::new()
        },
        t.dim,
    ));
    for h in help {
        lines.push(Line::styled(format!(" {h}"), t.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if on_name {
        let col = super::new_form::cursor_column(&form.name).min(field_width);
        let x = inner.x + LABEL + u16::try_from(col).unwrap_or(0);
        frame.set_cursor_position(Position::new(x, inner.y));
    }
}

/// The sections under their questionnaire's title, and the line of the one with focus.
fn section_lines(app: &App, form: &PlanForm, width: usize) -> (Vec<Line<'static>>, usize) {
    let t = &app.theme;
    let mut rows: Vec<Line<'static>> = Vec::new();
    let mut focus = 0;
    for (n, r) in form.rows.iter().enumerate() {
        if n == 0 || form.rows[n - 1].questionnaire != r.questionnaire {
            rows.push(Line::styled(
                fit(&format!(" {}", r.questionnaire), width),
                t.title,
            ));
        }
        let cursor = form.row == n + 1;
        if cursor {
            focus = rows.len();
        }
        let (tick, minutes) = match r.minutes {
            Some(m) => ("[x]", minutes_words(u64::from(m))),
            None => ("[ ]", "–".to_string()),
        };
        let text = format!(
            "{}{tick} {minutes:>9}  {}",
            if cursor { "> " } else { "  " },
            r.title
        );
        rows.push(Line::styled(
            pad(&fit(&text, width), width),
            row_style(t, cursor),
        ));
    }
    (rows, focus)
}

/// The pace of the session in force for the status line, " 12 min left · on time ", or
/// nothing without a plan (or outside the session's sections).
pub fn pace_words(app: &App) -> String {
    app.pace()
        .map(|p| format!(" {} ", crate::figures::pace_words(&p)))
        .unwrap_or_default()
}
