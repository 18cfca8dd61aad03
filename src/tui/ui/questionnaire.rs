//! The questionnaire screen: the section list with progress and levels, and the current item
//! with its prompt, options or checks, owner, flag, note, guidance and source.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{bar_spans, fit, pad, panel, percent, row_in, scroll_for, wrap};
use crate::assessment::Answer;
use crate::figures::{BY_RULE, Counted, answered, level_short, not_asked};
use crate::questionnaire::ItemKind;
use crate::roles::owner_label;
use crate::scoring::ItemValue;
use crate::text::{sanitize, sanitize_line};
use crate::tui::action::Action;
use crate::tui::app::{App, OpenAssessment, Screen, status_words};
use crate::tui::keys::{Context, pick_key};
use crate::tui::theme::Theme;

/// The parts of the questionnaire screen.
pub(crate) struct Areas {
    /// Assessment name and overall figures.
    pub header: Rect,
    /// The list of sections (inside its border).
    pub sections: Rect,
    /// The section panel with its border.
    pub sections_panel: Rect,
    /// The item panel with its border.
    pub item_panel: Rect,
    /// The item's text (inside the border).
    pub item: Rect,
}

/// Splits the body of the screen.
pub(crate) fn areas(body: Rect) -> Areas {
    let [header, main] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(body);
    let side = (body.width * 3 / 10).clamp(28, 46);
    let [sections_panel, item_panel] =
        Layout::horizontal([Constraint::Length(side), Constraint::Min(1)]).areas(main);
    let block = ratatui::widgets::Block::bordered();
    let inner = block.inner(item_panel);
    Areas {
        header,
        sections: block.inner(sections_panel),
        sections_panel,
        item_panel,
        item: Rect {
            x: inner.x + 1,
            width: inner.width.saturating_sub(2),
            ..inner
        },
    }
}

/// The header: which assessment, its level and score, and a progress bar.
pub(crate) fn header(app: &App, open: &OpenAssessment, frame: &mut Frame, area: Rect) {
    let t = &app.theme;
    let a = &open.session.assessment;
    let overall = &open.pack.score.overall;
    let right = format!("{}  ", crate::figures::score_line(overall));
    let width = usize::from(area.width);
    let mut name = format!("  {}", open.pack.assessment.name);
    if !a.organisation.trim().is_empty() {
        name.push_str(" — ");
        name.push_str(&open.pack.assessment.organisation);
    }
    let name = pad(&name, width.saturating_sub(right.width()));
    let (answered_count, total) = open.progress();
    let ratio = if total == 0 {
        0.0
    } else {
        answered_count as f64 / total as f64
    };
    let label = format!(" {}", answered(answered_count, total, Counted::Items));
    // On the questionnaire, say which key lists the disagreements.
    let key = if matches!(app.screen, Screen::Questionnaire { .. }) {
        " — D"
    } else {
        ""
    };
    let disputes = match open.disputes.len() {
        0 => String::new(),
        1 => format!("   1 disagreement{key}"),
        n => format!("   {n} disagreements{key}"),
    };
    let bar_width = width
        .saturating_sub(label.width() + disputes.width() + 13)
        .min(60);
    let mut progress = vec![Span::styled("  Progress  ", t.dim)];
    progress.extend(bar_spans(ratio, bar_width, t));
    progress.push(Span::styled(label, t.text));
    progress.push(Span::styled(disputes, t.warn));
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(vec![
                Span::styled(name, t.title),
                Span::styled(right, t.prompt),
            ]),
            Line::from(progress),
        ]),
        area,
    );
}

/// Draws the questionnaire screen.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let t = &app.theme;
    let a = areas(body);
    header(app, open, frame, a.header);
    frame.render_widget(panel("Sections", t, false), a.sections_panel);
    frame.render_widget(
        Paragraph::new(section_lines(open, t, a.sections)),
        a.sections,
    );
    let (q_title, s_title) = open
        .item()
        .map(|(q, s, _)| (sanitize_line(&q.title), sanitize_line(&s.title)))
        .unwrap_or_default();
    let section = open.current_section();
    let pos = open.sections.get(section);
    let title = where_am_i(
        &q_title,
        &s_title,
        pos.map_or(0, |p| open.current - p.first + 1),
        pos.map_or(0, |p| p.len),
        usize::from(a.item_panel.width.saturating_sub(6)),
    );
    let view = item_view(app, open, usize::from(a.item.width));
    let shown = shown_lines(&view, usize::from(a.item.height), open.detail);
    let below = shown.last().is_some_and(|l| l + 1 < view.lines.len());
    let scrolled = open.detail > 0;
    let more = match (scrolled, below) {
        (_, true) => " PgDn: more ↓ ",
        (true, false) => " PgUp: back ↑ ",
        (false, false) => "",
    };
    frame.render_widget(
        panel(&title, t, true).title_bottom(Span::styled(more, t.dim)),
        a.item_panel,
    );
    let mut lines = view.lines;
    let shown: Vec<Line> = shown
        .iter()
        .map(|n| std::mem::take(&mut lines[*n]))
        .collect();
    frame.render_widget(Paragraph::new(shown), a.item);
}

/// The item panel's title: questionnaire · section · item n of m, the titles shortened so
/// that the place always shows whole.
fn where_am_i(q: &str, s: &str, n: usize, m: usize, width: usize) -> String {
    let place = format!("item {n} of {m}");
    let room = width.saturating_sub(place.width() + 3);
    let full = format!("{q} · {s}");
    if full.width() <= room {
        return format!("{full} · {place}");
    }
    let q_room = (room / 3).min(q.width());
    let s_room = room.saturating_sub(q_room + 3);
    let s = fit(s, s_room);
    let q = fit(q, room.saturating_sub(s.width() + 3));
    if q.is_empty() {
        format!("{} · {place}", fit(&s, room))
    } else {
        format!("{q} · {s} · {place}")
    }
}

/// Which lines of the item panel show in `height` rows, scrolled `detail` rows down: the
/// prompt stays at the top (when it takes at most half the panel) while the options,
/// checks and details below it scroll, keeping the highlighted one in view.
pub(crate) fn shown_lines(view: &ItemView, height: usize, detail: usize) -> Vec<usize> {
    let total = view.lines.len();
    let fixed = if view.head * 2 <= height {
        view.head
    } else {
        0
    };
    let room = height.saturating_sub(fixed);
    let rest = total.saturating_sub(fixed);
    let base = scroll_for(view.focus.saturating_sub(fixed), rest, room);
    let top = (base + detail).min(rest.saturating_sub(room));
    (0..fixed).chain((fixed + top..total).take(room)).collect()
}

/// The rows of the section list: a heading for each questionnaire (when there are several),
/// then its sections.
fn section_rows(open: &OpenAssessment) -> Vec<Option<usize>> {
    let several = open.questionnaires.len() > 1;
    let mut rows = Vec::new();
    for (n, pos) in open.sections.iter().enumerate() {
        if several && (n == 0 || open.sections[n - 1].q != pos.q) {
            if n > 0 {
                rows.push(None);
            }
            rows.push(None);
        }
        rows.push(Some(n));
    }
    rows
}

/// The first row of the section list to show, keeping the current section in view.
fn section_top(open: &OpenAssessment, rows: &[Option<usize>], height: usize) -> usize {
    let current = open.current_section();
    let at = rows.iter().position(|r| *r == Some(current)).unwrap_or(0);
    scroll_for(at, rows.len(), height)
}

fn section_lines(open: &OpenAssessment, t: &Theme, area: Rect) -> Vec<Line<'static>> {
    let current = open.current_section();
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    let rows = section_rows(open);
    let top = section_top(open, &rows, height);
    rows.iter()
        .enumerate()
        .skip(top)
        .take(height)
        .map(|(k, row)| {
            let Some(n) = *row else {
                // A heading: the title of the questionnaire whose sections follow.
                let next = rows.get(k + 1).copied().flatten();
                let title = next
                    .and_then(|n| open.section(n))
                    .map(|(q, _)| sanitize_line(&q.title).to_uppercase())
                    .unwrap_or_default();
                return Line::styled(fit(&format!(" {title}"), width), t.title);
            };
            let (answered, total) = open.section_progress(n);
            let level = open
                .pack
                .score
                .sections
                .get(n)
                .and_then(|s| s.figures.level)
                .map_or("  ".to_string(), |l| level_short(Some(l)));
            let title = open
                .section(n)
                .map(|(_, s)| sanitize_line(&s.title))
                .unwrap_or_default();
            let parked = if open.section_parked(n) { "P" } else { " " };
            let figures = format!("{parked}{answered:>2}/{total:<2} {level}");
            let marker = if n == current { "> " } else { "  " };
            let name = pad(
                &format!("{marker}{title}"),
                width.saturating_sub(figures.width()),
            );
            let done = answered == total && total > 0;
            let figure_style = if done { t.good } else { t.dim };
            if n == current {
                Line::from(vec![
                    Span::styled(name, t.cursor),
                    Span::styled(figures, t.cursor),
                ])
            } else {
                Line::from(vec![
                    Span::styled(name, t.text),
                    Span::styled(figures, figure_style),
                ])
            }
        })
        .collect()
}

/// The lines of the item panel, which line shows which option or check, and the line to
/// keep in view.
pub(crate) struct ItemView {
    pub lines: Vec<Line<'static>>,
    pub rows: Vec<Option<usize>>,
    pub focus: usize,
    /// The lines of the head (what kind of item, the prompt), which stay in view.
    pub head: usize,
}

impl ItemView {
    fn push(&mut self, line: Line<'static>, row: Option<usize>) {
        self.lines.push(line);
        self.rows.push(row);
    }

    fn blank(&mut self) {
        self.push(Line::raw(""), None);
    }

    /// `text` wrapped after `head`, its next lines indented as far, each line on `row`.
    fn hanging(
        &mut self,
        head: &str,
        text: &str,
        width: usize,
        style: ratatui::style::Style,
        row: Option<usize>,
    ) {
        let indent = " ".repeat(head.width());
        for (k, l) in wrap(text, width.saturating_sub(head.width()))
            .into_iter()
            .enumerate()
        {
            let prefix = if k == 0 { head } else { indent.as_str() };
            self.push(
                Line::styled(pad(&format!("{prefix}{l}"), width), style),
                row,
            );
        }
    }

    fn wrapped(&mut self, text: &str, width: usize, style: ratatui::style::Style, indent: &str) {
        for l in wrap(text, width.saturating_sub(indent.width())) {
            self.push(Line::styled(format!("{indent}{l}"), style), None);
        }
    }
}

#[allow(clippy::too_many_lines)] // the item panel, top to bottom
pub(crate) fn item_view(app: &App, open: &OpenAssessment, width: usize) -> ItemView {
    let t = &app.theme;
    let mut v = ItemView {
        lines: Vec::new(),
        rows: Vec::new(),
        focus: 0,
        head: 0,
    };
    let Some((q, _, item)) = open.item() else {
        match crate::editing::missing_words(&app.ws, &open.session.assessment) {
            Some(words) => v.wrapped(&words, width, t.error, ""),
            None => v.push(Line::raw("This assessment has no items."), None),
        }
        return v;
    };
    let answer = open.answer();
    let value = open.value_at(open.current);
    let kind = match item.kind {
        ItemKind::Choice => "choose one".to_string(),
        ItemKind::Checklist => "tick what is in place".to_string(),
        ItemKind::Text => "answer in words; not scored".to_string(),
    };
    let mut meta = vec![Span::styled(kind, t.dim)];
    if item.is_scored() {
        meta.push(Span::styled(
            format!("  ·  level {} practice", item.level()),
            t.dim,
        ));
        if (item.weight() - 1.0).abs() > f64::EPSILON {
            meta.push(Span::styled(
                format!("  ·  weight {}", item.weight()),
                t.dim,
            ));
        }
    }
    let state = match value {
        ItemValue::Unanswered | ItemValue::Text(false) => {
            Span::styled("  ·  not answered yet", t.warn)
        }
        ItemValue::NotApplicable => Span::styled("  ·  N/A", t.chosen),
        ItemValue::ByRule => Span::styled(format!("  ·  {BY_RULE}"), t.dim),
        ItemValue::Value(x) => Span::styled(format!("  ·  answered, {}", percent(Some(x))), t.good),
        ItemValue::Unknown => Span::styled("  ·  answered: don't know", t.warn),
        ItemValue::Text(true) => Span::styled("  ·  answered", t.good),
    };
    let meta_width: usize = meta.iter().map(Span::width).sum::<usize>() + state.width();
    if meta_width > width && meta.len() > 1 {
        meta.remove(0);
        if let Some(first) = meta.first_mut() {
            first.content = first
                .content
                .trim_start_matches([' ', '·'])
                .to_string()
                .into();
        }
    }
    let meta_width: usize = meta.iter().map(Span::width).sum::<usize>() + state.width();
    if meta_width > width {
        // The item's state goes on a line of its own rather than being cut.
        v.push(Line::from(meta), None);
        let mut state = state;
        state.content = state
            .content
            .trim_start_matches([' ', '·'])
            .to_string()
            .into();
        v.push(Line::from(state), None);
    } else {
        meta.push(state);
        v.push(Line::from(meta), None);
    }
    v.blank();
    v.wrapped(&sanitize(&item.prompt), width, t.prompt, "");
    v.blank();
    if value == ItemValue::ByRule {
        v.wrapped(&not_asked(q, item), width, t.warn, "");
        v.blank();
    }
    v.head = v.lines.len();
    let na = answer.is_some_and(Answer::is_na);
    match item.kind {
        ItemKind::Choice => {
            let chosen = answer.and_then(Answer::choice);
            for (n, option) in q.options(item).iter().enumerate() {
                let highlighted = n == app.highlight();
                let mark = if chosen == Some(option.key.as_str()) {
                    "(•)"
                } else {
                    "( )"
                };
                let cursor = if highlighted { ">" } else { " " };
                let label = sanitize_line(&option.label);
                let key = pick_key(Context::Item, n + 1).unwrap_or(' ');
                let head = format!("{cursor} {mark} {key}  ");
                let style = if highlighted {
                    t.cursor
                } else if chosen == Some(option.key.as_str()) {
                    t.chosen
                } else {
                    t.text
                };
                if highlighted {
                    v.focus = v.lines.len();
                }
                v.hanging(&head, &label, width, style, Some(n));
            }
            if item.allows_na() {
                let mark = if na { "(•)" } else { "( )" };
                let style = if na { t.chosen } else { t.dim };
                v.push(
                    Line::styled(format!("  {mark} a  Not applicable"), style),
                    None,
                );
            }
        }
        ItemKind::Checklist => {
            let checked = answer.and_then(Answer::ticked);
            let na_checks = answer.map(Answer::na_checks).unwrap_or_default();
            for (n, check) in item.checks.iter().enumerate() {
                let highlighted = n == app.highlight();
                let ticked = checked.is_some_and(|c| c.contains(&check.id));
                let is_na = na_checks.contains(&check.id);
                let mark = if is_na {
                    "[-]"
                } else if ticked {
                    "[x]"
                } else {
                    "[ ]"
                };
                let cursor = if highlighted { ">" } else { " " };
                let key = pick_key(Context::Item, n + 1).unwrap_or(' ');
                let head = format!("{cursor} {mark} {key}  ");
                let mut text = sanitize_line(&check.text);
                if is_na {
                    text.push_str("  (N/A)");
                }
                let style = if highlighted {
                    t.cursor
                } else if ticked {
                    t.chosen
                } else if is_na {
                    t.dim
                } else {
                    t.text
                };
                if highlighted {
                    v.focus = v.lines.len();
                }
                v.hanging(&head, &text, width, style, Some(n));
            }
            if na {
                v.push(
                    Line::styled(
                        "  The whole item is N/A (press a to take it back).",
                        t.chosen,
                    ),
                    None,
                );
            }
        }
        ItemKind::Text => {
            match answer
                .and_then(Answer::text)
                .filter(|x| !x.trim().is_empty())
            {
                Some(text) => {
                    for l in wrap(&sanitize(text), width.saturating_sub(4)) {
                        v.push(
                            Line::from(vec![
                                Span::styled("  │ ", t.border_focus),
                                Span::styled(l, t.text),
                            ]),
                            None,
                        );
                    }
                }
                None => v.push(
                    Line::from(vec![
                        Span::styled("  No answer yet: press ", t.dim),
                        Span::styled("e", t.key),
                        Span::styled(" to write it.", t.dim),
                    ]),
                    None,
                ),
            }
        }
    }
    if let Some(d) = open.dispute_at(open.current) {
        v.blank();
        v.push(
            Line::styled(
                fit("  Respondents disagree (answering settles it):", width),
                t.warn,
            ),
            None,
        );
        let name_width = super::disputes::name_width(d);
        let values: Vec<String> = d
            .answers
            .iter()
            .map(|a| {
                a.value
                    .map(|x| format!("  {:>4}", percent(Some(x))))
                    .unwrap_or_default()
            })
            .collect();
        let value_width = values.iter().map(|x| x.width()).max().unwrap_or(0);
        // The figure is kept whole; the answer's words give way.
        let answer_width = d
            .answers
            .iter()
            .map(|a| a.answer.width())
            .max()
            .unwrap_or(0)
            .min(width.saturating_sub(name_width + 6 + value_width));
        for (given, value) in d.answers.iter().zip(values) {
            let head = format!("    {}  ", pad(&given.respondent, name_width));
            v.push(
                Line::from(vec![
                    Span::styled(head, t.prompt),
                    Span::styled(pad(&fit(&given.answer, answer_width), answer_width), t.text),
                    Span::styled(value, t.dim),
                ]),
                None,
            );
        }
    }
    v.blank();
    let owner = answer
        .and_then(|a| a.owner.as_deref())
        .map_or_else(|| "—".to_string(), owner_label);
    let mut flag = vec![if answer.is_some_and(|a| a.flag) {
        Span::styled("⚑ flagged for follow-up", t.warn)
    } else {
        Span::styled("not flagged", t.dim)
    }];
    if answer.is_some_and(Answer::is_parked) {
        flag.push(Span::styled("  ·  ", t.dim));
        flag.push(Span::styled("parked for later (P)", t.warn));
    }
    v.push(
        Line::from(vec![
            Span::styled("  Owner ", t.dim),
            Span::styled(fit(&owner, width.saturating_sub(8)), t.text),
        ]),
        None,
    );
    flag.insert(0, Span::styled("  Flag  ", t.dim));
    v.push(Line::from(flag), None);
    if let Some(a) = answer {
        follow_up(&mut v, a, width, t);
    }
    if item.kind != ItemKind::Text {
        match answer
            .and_then(|a| a.note.as_deref())
            .filter(|n| !n.trim().is_empty())
        {
            Some(note) => {
                let lines = wrap(&sanitize(note), width.saturating_sub(8));
                for (k, l) in lines.into_iter().enumerate() {
                    let head = if k == 0 { "  Note  " } else { "        " };
                    v.push(
                        Line::from(vec![Span::styled(head, t.dim), Span::styled(l, t.text)]),
                        None,
                    );
                }
            }
            None => v.push(
                Line::styled("  Note  — (press e to write one)", t.dim),
                None,
            ),
        }
    }
    if !item.guidance.trim().is_empty() {
        v.blank();
        v.push(Line::styled("  Why this matters", t.title), None);
        v.wrapped(&sanitize(&item.guidance), width, t.dim, "  ");
    }
    if !item.refs.is_empty() {
        v.blank();
        v.push(
            Line::from(vec![
                Span::styled("  Source  ", t.dim),
                Span::styled(sanitize_line(&item.refs.join(", ")), t.text),
            ]),
            None,
        );
    }
    v
}

/// The follow-up fields that are set: decision, due day, status, evidence.
fn follow_up(v: &mut ItemView, a: &Answer, width: usize, t: &Theme) {
    let mut field = |label: &str, text: &str| {
        for (k, l) in wrap(text, width.saturating_sub(12)).into_iter().enumerate() {
            let head = if k == 0 {
                format!("  {label:<10}")
            } else {
                " ".repeat(12)
            };
            v.push(
                Line::from(vec![Span::styled(head, t.dim), Span::styled(l, t.text)]),
                None,
            );
        }
    };
    if let Some(d) = a.decision() {
        field("Decision", &sanitize(d));
    }
    let mut when = Vec::new();
    if let Some(due) = a.due() {
        when.push(format!("due {}", due.strftime("%Y-%m-%d")));
    }
    if let Some(s) = a.status() {
        when.push(status_words(s).to_string());
    }
    if !when.is_empty() {
        field("Action", &when.join(" · "));
    }
    for (k, e) in a.evidence().iter().enumerate() {
        field(
            if k == 0 { "Evidence" } else { "" },
            &sanitize_line(&e.reference),
        );
    }
}

/// A click on a section or on an option or check.
pub fn hit(app: &App, body: Rect, column: u16, row: u16) -> Option<Action> {
    let open = app.open.as_ref()?;
    let a = areas(body);
    if let Some(r) = row_in(a.sections, column, row) {
        let rows = section_rows(open);
        let top = section_top(open, &rows, usize::from(a.sections.height));
        return rows
            .get(top + r)
            .copied()
            .flatten()
            .map(Action::ClickSection);
    }
    let r = row_in(a.item, column, row)?;
    let view = item_view(app, open, usize::from(a.item.width));
    let shown = shown_lines(&view, usize::from(a.item.height), open.detail);
    shown
        .get(r)
        .and_then(|n| view.rows.get(*n))
        .copied()
        .flatten()
        .map(Action::ClickOption)
}
