//! The disagreements view of a merged assessment: the disputed items, largest spread first,
//! and for the highlighted one every respondent's answer side by side, to settle it.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::questionnaire::header;
use super::{fit, pad, panel, percent, row_in, row_style, scroll_for, wrap};
use crate::merge::Disagreement;
use crate::questionnaire::Item;
use crate::text::{one_line, sanitize_line};
use crate::tui::action::Action;
use crate::tui::app::{App, DisputeFilter, Mode, OpenAssessment, Screen};
use crate::tui::theme::Theme;

/// Every respondent of the merged assessment, in order: its `respondents` when it names
/// them, otherwise everyone who gave an answer to a disputed item.
fn everyone(open: &OpenAssessment) -> Vec<String> {
    let named = &open.session.assessment.respondents;
    if !named.is_empty() {
        return named.iter().map(|r| sanitize_line(&r.name)).collect();
    }
    let mut out: Vec<String> = Vec::new();
    for given in open.disputes.iter().flat_map(|d| &d.answers) {
        if !out.contains(&given.respondent) {
            out.push(given.respondent.clone());
        }
    }
    out
}

/// The disagreement with the respondents who gave no answer to it added at the end, as
/// "no answer" (they cannot be chosen to settle it).
fn with_silent(open: &OpenAssessment, d: &Disagreement) -> Disagreement {
    let mut all = d.clone();
    for who in everyone(open) {
        if !d.answers.iter().any(|a| a.respondent == who) {
            all.answers.push(crate::merge::GivenAnswer {
                respondent: who,
                answer: String::new(),
                value: None,
            });
        }
    }
    all
}

/// The key that settles with answer `i` of `d`: its number, or "–" for a respondent who
/// gave no answer.
fn number(d: &Disagreement, i: usize) -> String {
    let given = d.answers.get(i);
    if given.is_some_and(|g| g.answer.is_empty() && g.value.is_none()) {
        "–".to_string()
    } else {
        (i + 1).to_string()
    }
}

/// What a respondent who did not answer the item is shown as.
const NO_ANSWER: &str = "no answer";

/// The narrowest column a respondent gets before the answers are listed one per row.
const MIN_COLUMN: usize = 18;

struct Areas {
    header: Rect,
    list_panel: Rect,
    list: Rect,
    detail: Rect,
}

fn areas(app: &App, open: &OpenAssessment, body: Rect) -> Areas {
    let most = if body.height >= 40 { 12 } else { 5 };
    let rows = app.dispute_filter.shown(open.disputes.len()).clamp(1, most);
    let height = u16::try_from(rows + 3).unwrap_or(u16::MAX);
    let [header, list_panel, detail] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(height),
        Constraint::Min(4),
    ])
    .areas(body);
    let inner = ratatui::widgets::Block::bordered().inner(list_panel);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    };
    Areas {
        header,
        list_panel,
        list,
        detail,
    }
}

/// While a disputed text answer is written here: the editor's area (the upper part) and the
/// proposals' (the lower part).
pub(super) fn editing(app: &App, body: Rect) -> Option<(Rect, Rect)> {
    let on = matches!(app.screen, Screen::Disagreements { .. })
        && matches!(app.mode, Mode::Editor(_))
        && app.dispute_editing.is_some();
    on.then(|| {
        let [above, below] =
            Layout::vertical([Constraint::Percentage(45), Constraint::Min(6)]).areas(body);
        (above, below)
    })
}

/// Columns of the spread: "100 points ".
const SPREAD: usize = 11;

/// The spread of a disagreement in words: its size, or "–" when the answers differ in
/// another way (N/A against an answer, or text).
fn spread(d: &Disagreement) -> String {
    crate::figures::spread(d.spread)
}

/// The title of the section an item sits in.
fn section_of(open: &OpenAssessment, item: &str) -> String {
    open.index_of(item)
        .and_then(|n| open.at(n))
        .map(|(_, s, _)| sanitize_line(&s.title))
        .unwrap_or_default()
}

/// Draws the disagreements view.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let t = &app.theme;
    if let Some((_, below)) = editing(app, body) {
        if let Some(d) = app.dispute_editing.as_ref() {
            detail(app, open, d, frame, below);
        }
        return;
    }
    let a = areas(app, open, body);
    header(app, open, frame, a.header);
    let total = open.disputes.len();
    let count = app.dispute_filter.shown(total);
    let at = app.dispute_cursor().0 + 1;
    let title = match (count, app.dispute_filter) {
        (0, _) => "Disagreements".to_string(),
        (1, DisputeFilter::All) => "Disagreements · 1 to settle".to_string(),
        (_, DisputeFilter::All) => {
            format!("Disagreements · {at} of {total}, widest spread first · f: top 10")
        }
        (_, DisputeFilter::Top(n)) => format!(
            "Disagreements · {at} of {count}, the widest {n} of {total} · f: {}",
            match app.dispute_filter.next() {
                DisputeFilter::All => "all".to_string(),
                DisputeFilter::Top(m) => format!("top {m}"),
            }
        ),
    };
    frame.render_widget(panel(&title, t, false), a.list_panel);
    let width = usize::from(a.list.width);
    let heads_row = Rect {
        y: a.list.y.saturating_sub(1),
        height: 1,
        ..a.list
    };
    if count == 0 {
        frame.render_widget(
            Paragraph::new(Line::styled(
                fit(
                    " Every disagreement is settled. Esc goes back to the questionnaire.",
                    width,
                ),
                t.good,
            )),
            heads_row,
        );
        frame.render_widget(panel("Respondents' answers", t, true), a.detail);
        return;
    }
    let section_width = if width >= 100 { 34 } else { 0 };
    let prompt_width = width.saturating_sub(2 + SPREAD + section_width);
    let mut heads = format!("  {}{}", pad("Spread", SPREAD), pad("Item", prompt_width));
    if section_width > 0 {
        heads.push_str("Section");
    }
    frame.render_widget(Paragraph::new(Line::styled(heads, t.dim)), heads_row);
    let height = usize::from(a.list.height);
    let top = scroll_for(app.dispute_cursor().0, count, height);
    let lines: Vec<Line> = open
        .disputes
        .iter()
        .take(count)
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(n, d)| {
            let highlighted = n == app.dispute_cursor().0;
            let marker = if highlighted { "> " } else { "  " };
            let mut text = format!(
                "{marker}{}{}",
                pad(&spread(d), SPREAD),
                pad(&d.prompt, prompt_width)
            );
            if section_width > 0 {
                text.push_str(&section_of(open, &d.item));
            }
            Line::styled(pad(&text, width), row_style(t, highlighted))
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), a.list);
    if let Some(d) = open.disputes.get(app.dispute_cursor().0) {
        detail(app, open, d, frame, a.detail);
    }
}

/// The rows the respondents' notes may take in a column before they are cut.
const NOTE_ROWS: usize = 6;

/// The highlighted item and every respondent's answer to it, with a checklist's per-check
/// table below; scrolled with PgDn/PgUp when it does not fit.
fn detail(app: &App, open: &OpenAssessment, d: &Disagreement, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let n = d.answers.len();
    let d = &with_silent(open, d);
    let is_text = open
        .index_of(&d.item)
        .and_then(|i| open.at(i))
        .is_some_and(|(_, _, item)| item.kind == crate::questionnaire::ItemKind::Text);
    let hint = match (app.dispute_editing.is_some(), is_text, n > 9) {
        (true, ..) => " The proposals, to write from ".to_string(),
        (false, true, _) => {
            format!(" 1–{n} settle · e write it from the highlighted one · PgDn/PgUp scroll ")
        }
        (false, false, true) => {
            " 1–9 or ←/→ and Space settle with that answer · Enter go to the item ".to_string()
        }
        (false, false, false) => {
            format!(" 1–{n} settle with that answer · ←/→ Space · Enter go to the item ")
        }
    };
    let block = panel("Respondents' answers", t, true).title_bottom(Span::styled(
        fit(&hint, usize::from(area.width).saturating_sub(2)),
        t.dim,
    ));
    let outer = block.inner(area);
    frame.render_widget(block, area);
    let inner = Rect {
        x: outer.x + 1,
        width: outer.width.saturating_sub(2),
        ..outer
    };
    let width = usize::from(inner.width);
    let mut lines: Vec<Line> = Vec::new();
    let prompt = wrap(&d.prompt, width);
    let cut = prompt.len() > 3;
    for (k, l) in prompt.into_iter().take(3).enumerate() {
        let l = if cut && k == 2 {
            fit(&format!("{l} …"), width)
        } else {
            l
        };
        lines.push(Line::styled(l, t.prompt));
    }
    // The item, looked up once: its section, its sources, and its checks below.
    let found = open.index_of(&d.item).and_then(|i| open.at(i));
    let mut place = vec![
        found
            .map(|(_, s, _)| sanitize_line(&s.title))
            .unwrap_or_default(),
    ];
    if let Some((_, _, item)) = found {
        if !item.refs.is_empty() {
            place.push(sanitize_line(&item.refs.join(", ")));
        }
    } else {
        place.push(sanitize_line(&d.item));
    }
    place.retain(|p| !p.is_empty());
    lines.push(Line::styled(fit(&place.join("  ·  "), width), t.dim));
    lines.push(Line::raw(""));
    let notes: Vec<Option<String>> = (0..n)
        .map(|i| {
            open.session
                .assessment
                .responses
                .get(&d.item)
                .and_then(|r| r.get(i))
                .and_then(|r| r.answer.note.as_deref())
                .map(one_line)
                .filter(|note| !note.is_empty())
        })
        .collect();
    let highlighted = app.dispute_cursor().1;
    let n = d.answers.len();
    if n > 0 && width / n >= MIN_COLUMN {
        lines.extend(columns(t, d, &notes, highlighted, width, NOTE_ROWS + 6));
    } else {
        lines.extend(rows(t, d, &notes, highlighted, width, 2 * n));
    }
    if let Some((_, _, item)) = found {
        lines.extend(check_matrix(t, open, d, item, width));
    }
    let height = usize::from(inner.height);
    let most = lines.len().saturating_sub(height);
    let top = if most > 0 {
        app.dispute_scroll.min(most + 1)
    } else {
        0
    };
    let mut shown: Vec<Line> = lines.into_iter().skip(top).collect();
    let below = shown.len().saturating_sub(height);
    if below > 0 || top > 0 {
        shown.truncate(height.saturating_sub(1));
        let words = if below > 0 {
            format!("{} more lines ↓  PgDn", below + 1)
        } else {
            "↑ PgUp for the lines above".to_string()
        };
        shown.resize(height.saturating_sub(1), Line::raw(""));
        shown.push(Line::styled(fit(&words, width), t.key));
    }
    frame.render_widget(Paragraph::new(shown), inner);
}

/// The answer's value as a percent, or why it has none.
fn value_words(value: Option<f64>, answer: &str) -> String {
    match value {
        Some(_) => percent(value),
        None if answer == "Not applicable" => "left out of the score".to_string(),
        None if answer.is_empty() => String::new(),
        None => "not scored".to_string(),
    }
}

/// Every respondent's answer in a column of its own, side by side.
fn columns(
    t: &Theme,
    d: &Disagreement,
    notes: &[Option<String>],
    highlighted: usize,
    width: usize,
    room: usize,
) -> Vec<Line<'static>> {
    let n = d.answers.len();
    let column = width / n;
    let text_width = column.saturating_sub(2);
    // Each column as lines of (text, style); then laid side by side.
    let cells: Vec<Vec<(String, Style)>> = d
        .answers
        .iter()
        .enumerate()
        .map(|(i, given)| {
            let on = i == highlighted;
            let marker = if on { ">" } else { " " };
            let head = format!("{marker}{} {}", number(d, i), given.respondent);
            let mut cell = vec![(pad(&head, text_width), if on { t.cursor } else { t.prompt })];
            let answer = if given.answer.is_empty() {
                NO_ANSWER.to_string()
            } else {
                given.answer.clone()
            };
            let mut words = wrap(&answer, text_width.saturating_sub(2));
            if words.len() > 3 {
                words.truncate(3);
                if let Some(last) = words.last_mut() {
                    *last = fit(&format!("{last} …"), text_width.saturating_sub(2));
                }
            }
            cell.extend(words.into_iter().map(|w| (format!("  {w}"), t.text)));
            cell.push((
                format!("  {}", value_words(given.value, &given.answer)),
                if given.value.is_some() {
                    t.chosen
                } else {
                    t.dim
                },
            ));
            if let Some(note) = notes.get(i).and_then(Option::as_ref) {
                cell.push((String::new(), t.text));
                let mut note_lines = wrap(&format!("note: {note}"), text_width.saturating_sub(2));
                let most = room.saturating_sub(cell.len()).max(1);
                if note_lines.len() > most {
                    note_lines.truncate(most);
                    if let Some(last) = note_lines.last_mut() {
                        *last = fit(&format!("{last} …"), text_width.saturating_sub(2));
                    }
                }
                cell.extend(note_lines.into_iter().map(|l| (format!("  {l}"), t.dim)));
            }
            cell
        })
        .collect();
    let height = cells.iter().map(Vec::len).max().unwrap_or(0).min(room);
    (0..height)
        .map(|row| {
            let spans: Vec<Span<'static>> = cells
                .iter()
                .flat_map(|cell| {
                    let (text, style) = cell
                        .get(row)
                        .cloned()
                        .unwrap_or_else(|| (String::new(), t.text));
                    let gap = column - text_width.min(column);
                    [
                        Span::styled(pad(&text, text_width), style),
                        Span::raw(" ".repeat(gap)),
                    ]
                })
                .collect();
            Line::from(spans)
        })
        .collect()
}

/// Every respondent's answer on a row of its own, for narrow windows or many respondents.
fn rows(
    t: &Theme,
    d: &Disagreement,
    notes: &[Option<String>],
    highlighted: usize,
    width: usize,
    room: usize,
) -> Vec<Line<'static>> {
    let name_width = name_width(d);
    let with_notes = room >= d.answers.len() * 2;
    let mut out = Vec::new();
    for (i, given) in d.answers.iter().enumerate() {
        let on = i == highlighted;
        let marker = if on { ">" } else { " " };
        let value = value_words(given.value, &given.answer);
        let head = format!(
            "{marker}{:<2}{} ",
            number(d, i),
            pad(&given.respondent, name_width)
        );
        let answer_width = width.saturating_sub(head.width() + value.width() + 2);
        out.push(Line::from(vec![
            Span::styled(head, if on { t.cursor } else { t.prompt }),
            Span::styled(
                pad(
                    if given.answer.is_empty() {
                        NO_ANSWER
                    } else {
                        &given.answer
                    },
                    answer_width,
                ),
                if given.answer.is_empty() {
                    t.dim
                } else {
                    t.text
                },
            ),
            Span::styled(format!("  {value}"), t.dim),
        ]));
        if with_notes && let Some(note) = notes.get(i).and_then(Option::as_ref) {
            let indent = " ".repeat(3 + name_width + 1);
            out.push(Line::styled(
                fit(&format!("{indent}note: {note}"), width),
                t.dim,
            ));
        }
    }
    out
}

/// For a checklist (`item`, the disputed one), which checks each respondent ticked, one row
/// per check, with a line saying what the marks mean.
fn check_matrix(
    t: &Theme,
    open: &OpenAssessment,
    d: &Disagreement,
    item: &Item,
    width: usize,
) -> Vec<Line<'static>> {
    let Some(responses) = open.session.assessment.responses.get(&d.item) else {
        return Vec::new();
    };
    let marks_width = 5 * responses.len();
    let longest = item
        .checks
        .iter()
        .map(|c| sanitize_line(&c.text).width())
        .max()
        .unwrap_or(0);
    let available = width.saturating_sub(marks_width + 2);
    if item.checks.is_empty() || available < 12 {
        return Vec::new();
    }
    let text_width = available.min(longest.max(5) + 2);
    let mut heads = pad("  Check", text_width + 2);
    for n in 1..=responses.len() {
        heads.push_str(&pad(&format!(" {n}"), 5));
    }
    let mut out = vec![Line::raw(""), Line::styled(heads, t.dim)];
    for check in &item.checks {
        let marks: Vec<&str> = responses
            .iter()
            .map(|r| {
                let a = &r.answer;
                if !a.is_answered() {
                    " · "
                } else if a.is_na() {
                    "N/A"
                } else if a.is_check_na(&check.id) {
                    "[-]"
                } else if a.is_ticked(&check.id) {
                    "[x]"
                } else {
                    "[ ]"
                }
            })
            .collect();
        // Checks the respondents answered alike are dim; the ones that differ stand out.
        let differ = marks.iter().any(|m| *m != marks[0]);
        let style = if differ { t.prompt } else { t.dim };
        let mut spans = vec![Span::styled(
            format!("  {}", pad(&sanitize_line(&check.text), text_width)),
            style,
        )];
        for m in marks {
            spans.push(Span::styled(format!("{m}  "), style));
        }
        out.push(Line::from(spans));
    }
    out.push(Line::styled(
        fit(
            "  [x] ticked  [ ] not ticked  [-] check N/A  N/A item N/A  · no answer",
            width,
        ),
        t.dim,
    ));
    out
}

/// A click on a row of the list of disputed items.
pub fn hit(app: &App, body: Rect, column: u16, row: u16) -> Option<Action> {
    let open = app.open.as_ref()?;
    let a = areas(app, open, body);
    let r = row_in(a.list, column, row)?;
    let len = app.dispute_filter.shown(open.disputes.len());
    let n = scroll_for(app.dispute_cursor().0, len, usize::from(a.list.height)) + r;
    (n < len).then_some(Action::ClickRow(n))
}

/// How wide the respondents' names are shown: the longest, within 4 to 18 columns.
pub(super) fn name_width(d: &Disagreement) -> usize {
    d.answers
        .iter()
        .map(|a| a.respondent.width())
        .max()
        .unwrap_or(0)
        .clamp(4, 18)
}
