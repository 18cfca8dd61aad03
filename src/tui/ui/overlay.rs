//! What is drawn on top of a screen: help, the editor, the new-assessment form, the delete
//! question, the owner, section and comparison pickers, search, and the board-pack file name.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{fit, pad, panel, row_in, row_style, scroll_for, wrap};
use crate::editing::UNSAVED_CHOICES;
use crate::roles::ROLES;
use crate::text::sanitize_line;
use crate::tui::action::Action;
use crate::tui::app::{App, EditTarget, Mode, PickerKind, TARGET_LEVELS, UnsavedDialog, WriteForm};
use crate::tui::editor::Editor;
use crate::tui::keys;

/// A box of `width` × `height` in the middle of `area` (clipped to it).
pub(super) fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

fn list_box(area: Rect, rows: usize) -> Rect {
    let height = u16::try_from(rows + 4).unwrap_or(u16::MAX);
    centred(area, area.width.saturating_sub(8).min(72), height)
}

/// The inner list area of a picker or of the search results.
fn list_inner(app: &App, area: Rect) -> Option<(Rect, usize, usize)> {
    match &app.mode {
        Mode::Picker(p) => {
            let rows = picker_rows(app, p.kind).len();
            let outer = list_box(area, rows);
            let inner = ratatui::widgets::Block::bordered().inner(outer);
            let list = Rect {
                y: inner.y + 1,
                height: inner.height.saturating_sub(1),
                ..inner
            };
            Some((list, p.selected, rows))
        }
        Mode::Search(s) => {
            let outer = list_box(area, s.matches.len().max(1) + 2);
            let inner = ratatui::widgets::Block::bordered().inner(outer);
            let list = Rect {
                y: inner.y + 2,
                height: inner.height.saturating_sub(2),
                ..inner
            };
            Some((list, s.selected, s.matches.len()))
        }
        _ => None,
    }
}

fn picker_rows(app: &App, kind: PickerKind) -> Vec<String> {
    match kind {
        PickerKind::Owner => ROLES
            .iter()
            .map(|r| r.label.to_string())
            .chain([
                "Someone else (type a name)…".to_string(),
                "No owner".to_string(),
            ])
            .collect(),
        PickerKind::Section => app.open.as_ref().map_or_else(Vec::new, |o| {
            (0..o.sections.len())
                .map(|n| {
                    let (answered, total) = o.section_progress(n);
                    let title = o
                        .section(n)
                        .map(|(q, s)| {
                            format!("{} · {}", sanitize_line(&q.title), sanitize_line(&s.title))
                        })
                        .unwrap_or_default();
                    format!(
                        "{title}  ({})",
                        crate::figures::answered_of(answered, total)
                    )
                })
                .collect()
        }),
        PickerKind::Compare => app
            .compare_candidates()
            .iter()
            .map(|r| {
                let org = if r.organisation.trim().is_empty() {
                    String::new()
                } else {
                    format!(" ({})", r.organisation)
                };
                let changed = if r.updated.is_empty() {
                    String::new()
                } else {
                    format!("  ·  changed {} UTC", r.updated)
                };
                format!("{}{org}{changed}", r.name)
            })
            .chain(["No comparison".to_string()])
            .collect(),
        PickerKind::TargetArea => app.open.as_ref().map_or_else(Vec::new, |o| {
            let a = &o.session.assessment;
            let default = format!(
                "Every area (the default; now {})",
                target_words(a.default_target)
            );
            std::iter::once(default)
                .chain(o.pack.areas.iter().map(|x| {
                    format!(
                        "{}  ·  now {}, target {}",
                        x.title,
                        crate::figures::level_short(x.figures.level),
                        target_words(a.target(&x.id))
                    )
                }))
                .collect()
        }),
        PickerKind::TargetLevel(_) => TARGET_LEVELS
            .iter()
            .map(|l| crate::figures::level_heading(Some(*l), ""))
            .chain(["No target".to_string()])
            .collect(),
    }
}

/// A target level in its short form, or "none".
fn target_words(level: Option<u8>) -> String {
    level.map_or_else(
        || "none".to_string(),
        |l| crate::figures::level_short(Some(l)),
    )
}

/// The question whether to upgrade to `newer` versions.
fn confirm_upgrade(app: &App, frame: &mut Frame, area: Rect, newer: &[crate::upgrade::Newer]) {
    let t = &app.theme;
    let height = u16::try_from(newer.len())
        .unwrap_or(u16::MAX)
        .saturating_add(10);
    let outer = centred(area, 66, height);
    frame.render_widget(Clear, outer);
    let block = panel("Upgrade?", t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width.saturating_sub(4));
    let mut lines = vec![Line::raw("")];
    for n in newer {
        let move_to = format!("Move {} from version {} to {}?", n.id, n.current, n.newest);
        for l in wrap(&move_to, width) {
            lines.push(Line::styled(format!("  {l}"), t.prompt));
        }
    }
    for l in wrap(
        "Answers carry over by item and option; any that cannot are kept in the file as \
         retired, with their version. The file as it was is kept as a backup (.bak).",
        width,
    ) {
        lines.push(Line::styled(format!("  {l}"), t.dim));
    }
    lines.push(Line::raw(""));
    lines.push(yes_or_no("upgrade", "keep this version", t));
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Draws whatever the mode puts on top of the screen.
pub fn draw(app: &App, frame: &mut Frame, area: Rect) {
    match &app.mode {
        Mode::Normal => {}
        Mode::Help(scroll) => help(app, frame, area, *scroll),
        Mode::Editor(edit) => {
            let title = match edit.target {
                EditTarget::Note => "Note — editing, Esc to save",
                EditTarget::Answer => "Answer — editing, Esc to save",
            };
            // Writing a disputed text answer: the editor above, the proposals below it.
            let area = super::disputes::editing(app, area).map_or(area, |(above, _)| above);
            editor(app, frame, area, title, &edit.editor);
        }
        Mode::NewForm(form) => super::new_form::draw(app, frame, area, form),
        Mode::Rename(form) => super::new_form::rename(app, frame, area, form),
        Mode::Plan(form) => super::plan::draw(app, frame, area, form),
        Mode::ConfirmDelete(row) => {
            let t = &app.theme;
            let name = app
                .home
                .get(*row)
                .map(|r| r.name.clone())
                .unwrap_or_default();
            let outer = centred(area, 60, 9);
            frame.render_widget(Clear, outer);
            let block = panel("Delete?", t, true);
            let inner = block.inner(outer);
            frame.render_widget(block, outer);
            let mut lines = vec![Line::raw("")];
            for l in wrap(
                &format!("Delete \"{name}\"?"),
                usize::from(inner.width.saturating_sub(4)),
            ) {
                lines.push(Line::styled(format!("  {l}"), t.prompt));
            }
            for l in wrap(
                "It is kept in the deleted folder; `supplycheck restore` brings it back.",
                usize::from(inner.width.saturating_sub(4)),
            ) {
                lines.push(Line::styled(format!("  {l}"), t.dim));
            }
            lines.push(Line::raw(""));
            lines.push(yes_or_no("delete", "keep it", t));
            frame.render_widget(Paragraph::new(lines), inner);
        }
        Mode::ConfirmUpgrade(newer) => confirm_upgrade(app, frame, area, newer),
        Mode::Field(form) => super::field::draw(app, frame, area, form),
        Mode::Picker(p) if p.kind == PickerKind::Section => {
            super::field::sections(app, frame, area, p.selected);
        }
        Mode::Picker(p) => {
            let title = match p.kind {
                PickerKind::Owner => "Owner: the role that owns the follow-up",
                PickerKind::Section => "Go to a section",
                PickerKind::Compare => "Compare with",
                PickerKind::TargetArea => "Target: for which area?",
                PickerKind::TargetLevel(_) => "Target: the level the board aims for",
            };
            let rows = picker_rows(app, p.kind);
            list(app, frame, area, title, &rows, p.selected, None);
        }
        Mode::Search(s) => {
            let rows: Vec<String> = app.open.as_ref().map_or_else(Vec::new, |o| {
                s.matches
                    .iter()
                    .filter_map(|n| o.at(*n).map(|(_, _, i)| sanitize_line(&i.prompt)))
                    .collect()
            });
            list(
                app,
                frame,
                area,
                "Search the prompts",
                &rows,
                s.selected,
                Some(&s.query),
            );
        }
        Mode::WriteReport(form) => write_form(app, frame, area, form),
        Mode::Unsaved(d) => unsaved(app, frame, area, d),
        Mode::ServiceFilter(e) => super::supplier::filter(app, frame, area, e),
        Mode::Supplier(form) => super::supplier::form(app, frame, area, form),
    }
}

/// The question asked before leaving while changes are not saved.
fn unsaved(app: &App, frame: &mut Frame, area: Rect, d: &UnsavedDialog) {
    let t = &app.theme;
    let width = area.width.saturating_sub(8).min(72);
    let text_width = usize::from(width.saturating_sub(6));
    let summary = wrap(&app.unsaved_summary(), text_width);
    let rows = summary.len() + 7;
    let outer = centred(area, width, u16::try_from(rows + 2).unwrap_or(u16::MAX));
    frame.render_widget(Clear, outer);
    let block = panel("Not saved", t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::raw("")];
    for l in summary {
        lines.push(Line::styled(format!("  {l}"), t.error));
    }
    lines.push(Line::raw(""));
    let mut cursor = None;
    if let Some(file) = &d.file {
        let field_width = width.saturating_sub(12);
        let text = file.text();
        let col = text
            .chars()
            .take(file.cursor().1)
            .collect::<String>()
            .width();
        let start = col.saturating_sub(field_width.saturating_sub(1));
        let shown: String = text.chars().skip(start).collect();
        lines.push(Line::from(vec![
            Span::styled("> Copy to  ", t.prompt),
            Span::styled(pad(&fit(&shown, field_width), field_width), t.cursor),
        ]));
        cursor = Some((col - start, lines.len() - 1));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fit("  A new file: never written over an existing one.", width),
            t.dim,
        ));
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fit("  Enter: write the copy   Esc: back", width),
            t.dim,
        ));
    } else {
        for (n, choice) in UNSAVED_CHOICES.iter().enumerate() {
            let highlighted = n == d.selected;
            let marker = if highlighted { ">" } else { " " };
            lines.push(Line::styled(
                pad(&format!("{marker} {} {choice}", n + 1), width),
                row_style(t, highlighted),
            ));
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            fit("  ↑/↓ and Enter, or the number; Esc stays here", width),
            t.dim,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((col, row)) = cursor {
        let x = inner.x + 11 + u16::try_from(col).unwrap_or(0);
        let y = inner.y + u16::try_from(row).unwrap_or(0);
        if x < inner.x + inner.width && y < inner.y + inner.height {
            frame.set_cursor_position(Position::new(x, y));
        }
    }
}

fn write_form(app: &App, frame: &mut Frame, area: Rect, form: &WriteForm) {
    let t = &app.theme;
    let outer = centred(area, area.width.saturating_sub(8).min(76), 11);
    frame.render_widget(Clear, outer);
    let block = panel("Write the board pack", t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let field_width = width.saturating_sub(10);
    // Keep the cursor in view: a name longer than the field shows its end.
    let chars: Vec<char> = form.file.text().chars().collect();
    let cursor = form.file.cursor().1.min(chars.len());
    let width_of = |from: usize, to: usize| -> usize {
        chars[from..to]
            .iter()
            .map(|c| UnicodeWidthChar::width(*c).unwrap_or(0))
            .sum()
    };
    let mut start = 0;
    while start < cursor && width_of(start, cursor) + 1 > field_width {
        start += 1;
    }
    let shown: String = chars[start..].iter().collect();
    let col = width_of(start, cursor);
    let mut lines = vec![
        Line::raw(""),
        Line::from(vec![
            Span::styled("  Of       ", t.dim),
            Span::styled(fit(&form.name, width.saturating_sub(11)), t.prompt),
        ]),
        Line::raw(""),
        Line::from(vec![
            Span::styled("> File    ", t.prompt),
            Span::styled(pad(&shown, field_width), t.cursor),
        ]),
        Line::raw(""),
        Line::styled(
            fit(
                "  .html web page · .md Markdown · .csv spreadsheet · .json data",
                width,
            ),
            t.dim,
        ),
    ];
    if form.replace {
        lines.push(Line::styled(
            fit("  The file exists: Enter replaces it.", width),
            t.warn,
        ));
    } else {
        lines.push(Line::styled(
            fit(
                "  A name without a folder is written in the current folder.",
                width,
            ),
            t.dim,
        ));
    }
    lines.push(Line::styled(
        fit("  Enter: write   Esc: cancel", width),
        t.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    let x = inner.x + 10 + u16::try_from(col).unwrap_or(0);
    if x < inner.x + inner.width {
        frame.set_cursor_position(Position::new(x, inner.y + 3));
    }
}

fn list(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rows: &[String],
    selected: usize,
    query: Option<&Editor>,
) {
    let t = &app.theme;
    let extra = if query.is_some() {
        rows.len().max(1) + 2
    } else {
        rows.len()
    };
    let outer = list_box(area, extra);
    frame.render_widget(Clear, outer);
    let block = panel(title, t, true);
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let mut lines = Vec::new();
    if let Some(q) = query {
        let text = q.text();
        lines.push(Line::from(vec![
            Span::styled(" / ", t.key),
            Span::styled(pad(&text, width.saturating_sub(3)), t.prompt),
        ]));
        let col = text.chars().take(q.cursor().1).collect::<String>().width();
        frame.set_cursor_position(Position::new(
            inner.x
                + 3
                + u16::try_from(col)
                    .unwrap_or(0)
                    .min(inner.width.saturating_sub(4)),
            inner.y,
        ));
        if rows.is_empty() {
            lines.push(Line::raw(""));
            let hint = if text.trim().is_empty() {
                "Type words from a question; Enter goes to the highlighted match."
            } else {
                "Nothing matches."
            };
            lines.push(Line::styled(format!(" {hint}"), t.dim));
        } else {
            lines.push(Line::styled(
                format!(
                    " {} match{}",
                    rows.len(),
                    if rows.len() == 1 { "" } else { "es" }
                ),
                t.dim,
            ));
        }
    } else {
        lines.push(Line::styled(
            " ↑/↓ and Enter, or the number; Esc closes",
            t.dim,
        ));
    }
    let header = lines.len();
    let height = usize::from(inner.height).saturating_sub(header);
    let top = scroll_for(selected, rows.len(), height);
    for (n, row) in rows.iter().enumerate().skip(top).take(height) {
        let highlighted = n == selected;
        let marker = if highlighted { ">" } else { " " };
        let number = if query.is_none() && n < 9 {
            format!("{} ", n + 1)
        } else {
            "  ".to_string()
        };
        lines.push(Line::styled(
            pad(&format!("{marker} {number}{row}"), width),
            row_style(t, highlighted),
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn editor(app: &App, frame: &mut Frame, area: Rect, title: &str, e: &Editor) {
    let t = &app.theme;
    let outer = centred(
        area,
        area.width.saturating_sub(6).min(100),
        area.height.saturating_sub(2).min(22),
    );
    frame.render_widget(Clear, outer);
    let prompt = app
        .open
        .as_ref()
        .and_then(|o| o.item().map(|(_, _, i)| sanitize_line(&i.prompt)))
        .unwrap_or_default();
    let block = panel(title, t, true).title_bottom(Span::styled(
        " Esc save & close · Ctrl-S save · Ctrl-X discard changes · Enter new line ",
        t.dim,
    ));
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width.saturating_sub(2));
    let mut lines: Vec<Line> = wrap(&prompt, width)
        .into_iter()
        .take(2)
        .map(|l| Line::styled(format!(" {l}"), t.dim))
        .collect();
    lines.push(Line::raw(""));
    let header = lines.len();
    let height = usize::from(inner.height).saturating_sub(header);
    let (text, (row, col)) = e.wrapped(width);
    let top = scroll_for(row, text.len(), height);
    for l in text.iter().skip(top).take(height) {
        lines.push(Line::styled(format!(" {l}"), t.text));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    let line = text
        .get(row)
        .map_or(0, |l| l.chars().take(col).collect::<String>().width());
    let x = inner.x + 1 + u16::try_from(line).unwrap_or(0);
    let y = inner.y + u16::try_from(header + row - top).unwrap_or(0);
    if y < inner.y + inner.height {
        frame.set_cursor_position(Position::new(x.min(inner.x + inner.width), y));
    }
}

fn help(app: &App, frame: &mut Frame, area: Rect, scroll: u16) {
    let t = &app.theme;
    let outer = centred(
        area,
        area.width.saturating_sub(4).min(96),
        area.height.saturating_sub(1),
    );
    frame.render_widget(Clear, outer);
    let block = panel("Help: every key", t, true)
        .title_bottom(Span::styled(" ↑/↓ scroll · Esc or ? closes ", t.dim));
    let inner = block.inner(outer);
    frame.render_widget(block, outer);
    let width = usize::from(inner.width);
    let key_width = 16;
    let mut lines = Vec::new();
    for (heading, rows) in keys::help(app.screen.context()) {
        if rows.is_empty() {
            continue;
        }
        lines.push(Line::styled(format!(" {heading}"), t.title));
        for (key, what) in rows {
            let body = wrap(what, width.saturating_sub(key_width + 3));
            for (k, l) in body.into_iter().enumerate() {
                let key = if k == 0 { key } else { "" };
                lines.push(Line::from(vec![
                    Span::styled(format!("   {}", pad(key, key_width)), t.key),
                    Span::styled(l, t.text),
                ]));
            }
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled(
        " Every change is saved the moment it is made; Ctrl-Z takes it back (50 steps).",
        t.dim,
    ));
    let max = lines.len().saturating_sub(usize::from(inner.height));
    let top = usize::from(scroll).min(max);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(top).collect::<Vec<_>>()),
        inner,
    );
}

/// A click on a row of a picker or of the search results.
pub fn hit(app: &App, area: Rect, column: u16, row: u16) -> Option<Action> {
    if let Mode::Picker(p) = &app.mode
        && p.kind == PickerKind::Section
    {
        return super::field::section_hit(app, area, column, row, p.selected);
    }
    let (list, selected, rows) = list_inner(app, area)?;
    let r = row_in(list, column, row)?;
    let n = scroll_for(selected, rows, usize::from(list.height)) + r;
    (n < rows).then_some(Action::ClickRow(n))
}

/// The keys of a yes/no question: "y <yes>    n or Esc <no>".
fn yes_or_no(yes: &str, no: &str, t: &crate::tui::theme::Theme) -> Line<'static> {
    Line::from(vec![
        Span::styled("  y", t.key),
        Span::raw(format!(" {yes}    ")),
        Span::styled("n", t.key),
        Span::raw(" or "),
        Span::styled("Esc", t.key),
        Span::raw(format!(" {no}")),
    ])
}
