//! The portfolio's service filter and the supplier dialog (tier and services), drawn on top
//! of their screens.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::overlay::centred;
use super::{fit, pad, panel};
use crate::questionnaire::Tier;
use crate::tui::app::{App, SupplierField, SupplierForm};
use crate::tui::editor::Editor;

/// The column of the text cursor of a one-line editor.
fn cursor_column(e: &Editor) -> usize {
    e.lines().first().map_or(0, |l| {
        l.chars().take(e.cursor().1).collect::<String>().width()
    })
}

/// The line of a one-line field `width` wide, showing its end when it is longer.
fn field_text(e: &Editor, width: usize) -> String {
    let text = e.text();
    let skip = cursor_column(e).saturating_sub(width.saturating_sub(1));
    let mut used = 0;
    let shown: String = text
        .chars()
        .skip_while(|c| {
            used += unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
            used <= skip
        })
        .collect();
    pad(&fit(&shown, width), width)
}

fn place_cursor(frame: &mut Frame, x: u16, y: u16, e: &Editor, width: usize) {
    let col = cursor_column(e).min(width.saturating_sub(1));
    frame.set_cursor_position(Position {
        x: x + u16::try_from(col).unwrap_or(0),
        y,
    });
}

/// Draws the service filter of the portfolio.
pub fn filter(app: &App, frame: &mut Frame, area: Rect, e: &Editor) {
    let t = &app.theme;
    let outer = centred(area, area.width.saturating_sub(8).min(64), 7);
    frame.render_widget(Clear, outer);
    let block = panel("Filter by service", t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width).saturating_sub(4);
    let lines = vec![
        Line::styled(
            fit(
                "  Suppliers this service depends on (in any case):",
                width + 4,
            ),
            t.dim,
        ),
        Line::raw(""),
        Line::from(vec![
            Span::styled("> ", t.prompt),
            Span::styled(field_text(e, width), t.cursor),
        ]),
        Line::raw(""),
        Line::styled(
            fit(
                "  Enter filter (empty: every supplier) · Esc cancel",
                width + 4,
            ),
            t.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    place_cursor(frame, inner.x + 2, inner.y + 2, e, width);
}

/// Draws the supplier dialog: tier and services.
pub fn form(app: &App, frame: &mut Frame, area: Rect, form: &SupplierForm) {
    let t = &app.theme;
    let outer = centred(area, area.width.saturating_sub(8).min(72), 10);
    frame.render_widget(Clear, outer);
    let block = panel(&format!("Supplier: {}", form.name), t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let field_width = width.saturating_sub(14);
    let marker = |f: SupplierField| if form.field == f { "> " } else { "  " };
    let tiers: Vec<Span> = std::iter::once(None)
        .chain(Tier::ALL.iter().copied().map(Some))
        .map(|tier| {
            let word = tier.map_or("none", Tier::as_str);
            if tier == form.tier {
                Span::styled(format!("[{word}] "), t.chosen)
            } else {
                Span::styled(format!(" {word}  "), t.dim)
            }
        })
        .collect();
    let mut tier_line = vec![Span::styled(
        format!("{}{:<10}", marker(SupplierField::Tier), "Tier"),
        t.prompt,
    )];
    tier_line.extend(tiers);
    let services_style = if form.field == SupplierField::Services {
        t.cursor
    } else {
        t.text
    };
    let lines = vec![
        Line::from(tier_line),
        Line::styled(
            fit(
                "            Space or ←/→ change it; 1–4 critical, high, medium, low",
                width,
            ),
            t.dim,
        ),
        Line::raw(""),
        Line::from(vec![
            Span::styled(
                format!("{}{:<10}", marker(SupplierField::Services), "Services"),
                t.prompt,
            ),
            Span::styled(field_text(&form.services, field_width), services_style),
        ]),
        Line::styled(fit("            separated by commas", width), t.dim),
        Line::raw(""),
        Line::styled(
            fit("  Items not asked at this tier keep their answers.", width),
            t.dim,
        ),
        Line::styled(
            fit("  Enter save · Tab other field · Esc cancel", width),
            t.dim,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
    if form.field == SupplierField::Services {
        place_cursor(
            frame,
            inner.x + 12,
            inner.y + 3,
            &form.services,
            field_width,
        );
    }
}
