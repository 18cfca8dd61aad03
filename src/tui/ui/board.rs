//! The board view, made to be projected: the overall level as a large figure scaled to the
//! window with its name and meaning, every area's level and score against its target, the decisions requested and what
//! matters most (page one of the board pack, with its trend and its caution when little is
//! known), what blocks the next level in the weakest
//! areas, and the board's own words. Whatever does not
//! fit is paged (PgDn/j), each panel saying how much more there is.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{fit, panel, percent, wrap};
use crate::figures::{Level, answered_counts, count, coverage, level_short};
use crate::report::BoardPack;
use crate::text::sanitize_line;
use crate::tui::app::{App, OpenAssessment};
use crate::tui::theme::Theme;

/// Pixels of a glyph used (the font's eighth row and column are blank).
const GLYPH: usize = 7;

/// The level figure drawn with block characters: each pixel of the 8×8 font is `scale`
/// columns wide and `scale` half-rows tall (▀ ▄ █), so the figure keeps its shape.
pub(crate) fn big_figure(text: &str, scale: usize) -> Vec<String> {
    let scale = scale.max(1);
    let glyphs: Vec<[u8; 8]> = text
        .chars()
        .map(|c| {
            let code = usize::try_from(u32::from(c)).unwrap_or(0);
            font8x8::legacy::BASIC_LEGACY
                .get(code)
                .copied()
                .unwrap_or([0; 8])
        })
        .collect();
    let pixel = |g: &[u8; 8], x: usize, y: usize| {
        y < GLYPH && x < GLYPH && g.get(y).is_some_and(|row| row >> x & 1 == 1)
    };
    let half_rows = GLYPH * scale;
    (0..half_rows.div_ceil(2))
        .map(|row| {
            let (upper, lower) = (2 * row / scale, (2 * row + 1) / scale);
            let mut line = String::new();
            for (n, g) in glyphs.iter().enumerate() {
                if n > 0 {
                    line.push_str(&" ".repeat(scale));
                }
                for col in 0..GLYPH * scale {
                    let x = col / scale;
                    let lower_on = (2 * row + 1) < half_rows && pixel(g, x, lower);
                    line.push(match (pixel(g, x, upper), lower_on) {
                        (true, true) => '█',
                        (true, false) => '▀',
                        (false, true) => '▄',
                        (false, false) => ' ',
                    });
                }
            }
            line.trim_end().to_string()
        })
        .collect()
}

/// The largest scale at which `glyphs` glyphs fit in `width` × `height` cells (at least 1).
pub(crate) fn figure_scale(glyphs: usize, width: usize, height: usize) -> usize {
    (1..=12)
        .take_while(|s| {
            let w = glyphs * GLYPH * s + glyphs.saturating_sub(1) * s;
            w <= width && (GLYPH * s).div_ceil(2) <= height
        })
        .last()
        .unwrap_or(1)
}

/// A panel's content cut into pages of a given height: each page's lines, and how many
/// entries come after it (entries not on it at all).
type Pages = Vec<(Vec<Line<'static>>, usize)>;

/// One entry of a panel (an area, an answer): its blocks of lines, each block kept on one
/// page when it can be (an action, a sentence).
pub(crate) type Entry = Vec<Vec<Line<'static>>>;

/// Cuts `entries` into pages of `height` rows. When everything does not fit, each page
/// keeps its last row for a line saying what follows; an entry is not split unless it is
/// longer than a page, and then between its blocks (a block only when it is longer than a
/// page itself).
pub(crate) fn paginate(entries: &[Entry], height: usize) -> Pages {
    let rows = |blocks: &[Vec<Line<'static>>]| blocks.iter().map(Vec::len).sum::<usize>();
    let total: usize = entries.iter().map(|e| rows(e)).sum();
    if total <= height {
        return vec![(entries.iter().flatten().flatten().cloned().collect(), 0)];
    }
    let room = height.saturating_sub(1).max(1);
    let mut pages: Pages = Vec::new();
    let mut page: Vec<Line<'static>> = Vec::new();
    for (n, entry) in entries.iter().enumerate() {
        let after = entries.len() - n;
        let len = rows(entry);
        if !page.is_empty() && page.len() + len > room && len <= room {
            pages.push((std::mem::take(&mut page), after));
        }
        // Whether the page being filled shows some of this entry.
        let mut begun = false;
        for block in entry {
            if !page.is_empty() && page.len() + block.len() > room && block.len() <= room {
                pages.push((std::mem::take(&mut page), after - usize::from(begun)));
                begun = false;
            }
            for line in block {
                if page.len() == room {
                    pages.push((std::mem::take(&mut page), after - usize::from(begun)));
                }
                page.push(line.clone());
                begun = true;
            }
        }
    }
    if !page.is_empty() {
        pages.push((page, 0));
    }
    pages
}

/// Draws one page of a panel, with the line saying what follows when there are more.
/// `what` names one entry and many.
fn draw_pages(
    t: &Theme,
    frame: &mut Frame,
    area: Rect,
    pages: &Pages,
    page: usize,
    what: (&str, &str),
) {
    let width = usize::from(area.width);
    let n = pages.len();
    let shown = page.min(n.saturating_sub(1));
    let Some((lines, left)) = pages.get(shown) else {
        return;
    };
    let mut lines = lines.clone();
    // A panel of one row shows its content; the title says there are more pages.
    if n > 1 && area.height > 1 {
        let words = if shown + 1 == n {
            format!(" page {n} of {n} · PgUp/k back")
        } else if *left > 0 {
            format!(
                " {} ↓   page {} of {n} · PgDn/j",
                count(
                    *left,
                    &format!("more {}", what.0),
                    &format!("more {}", what.1)
                ),
                shown + 1
            )
        } else {
            format!(
                " more of this {} ↓   page {} of {n} · PgDn/j",
                what.0,
                shown + 1
            )
        };
        let room = usize::from(area.height).saturating_sub(1);
        lines.resize(room, Line::raw(""));
        lines.push(Line::styled(fit(&words, width), t.key));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The heights of the board view's parts in a body of `height` rows: the headline, and
/// the part below it.
fn headline_height(height: u16) -> u16 {
    if height >= 30 { height * 2 / 5 } else { 7 }
}

/// A panel of the board view: its title, where it goes, its entries, and what one and
/// several of its entries are called ("area", "areas").
type BoardPanel<'a> = (&'a str, Rect, Vec<Entry>, (&'a str, &'a str));

/// Draws the board view.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let Some(open) = app.open.as_ref() else {
        return;
    };
    let s = &open.pack;
    let t = &app.theme;
    let big = body.height >= 40;
    let [top, rest] = Layout::vertical([
        Constraint::Length(headline_height(body.height)),
        Constraint::Min(1),
    ])
    .areas(body);
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(rest);
    let answered_words = s.board_answers.iter().any(|a| a.answer.is_some());
    let words_height = if answered_words {
        right.height * 2 / 5
    } else {
        3
    };
    // On a small window the decisions, the top follow-ups and the blockers share one panel
    // (paged), so that each keeps rows enough to be read.
    let small = right.height < 20;
    let [decide, blockers, board_words] = if small {
        let [both, words] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(words_height)]).areas(right);
        [both, Rect::default(), words]
    } else {
        Layout::vertical([
            Constraint::Percentage(45),
            Constraint::Min(3),
            Constraint::Length(words_height),
        ])
        .areas(right)
    };

    let long_title = "Each area: level and score, against its target";
    let areas_title = if usize::from(left.width) >= long_title.width() + 4 {
        long_title
    } else {
        "Areas: level, score, target"
    };
    let inner = |r: Rect| panel("", t, false).inner(r);
    let width = |r: Rect| usize::from(inner(r).width);
    let mut decide_list = decide_entries(s, t, width(decide));
    if small {
        decide_list.extend(blocker_entries(open, t, width(decide), big));
    }
    // Each panel: its title, where it goes, its entries, and what its entries are called.
    let mut panels: Vec<BoardPanel> = vec![
        (
            areas_title,
            left,
            area_entries(open, t, inner(left), big),
            ("area", "areas"),
        ),
        (
            if small {
                "Decide · top five · blockers"
            } else {
                "Decisions requested · what matters most"
            },
            decide,
            decide_list,
            ("item", "items"),
        ),
    ];
    if !small {
        panels.push((
            "What blocks the next level",
            blockers,
            blocker_entries(open, t, width(blockers), big),
            ("area", "areas"),
        ));
    }
    panels.push((
        "In the board's own words",
        board_words,
        word_entries(s, t, width(board_words)),
        ("answer", "answers"),
    ));
    let cut: Vec<Pages> = panels
        .iter()
        .map(|(_, r, entries, _)| paginate(entries, usize::from(inner(*r).height)))
        .collect();
    let pages = cut.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let page = app.board_page % pages;

    let mut title = s.assessment.name.clone();
    if !s.assessment.organisation.trim().is_empty() {
        title.push_str(" — ");
        title.push_str(&s.assessment.organisation);
    }
    if pages > 1 {
        let _ = write!(title, " · page {} of {pages}", page + 1);
    }
    let block = panel(&format!("Board view · {title}"), t, true);
    let head = block.inner(top);
    frame.render_widget(block, top);
    headline(app, s, frame, head, big);
    for ((name, r, _, what), panel_pages) in panels.iter().zip(&cut) {
        frame.render_widget(panel(name, t, false), *r);
        draw_pages(t, frame, inner(*r), panel_pages, page, *what);
    }
}

/// One entry per area: its line of figures (and a blank line after it on a large screen).
fn area_entries(open: &OpenAssessment, t: &Theme, inner: Rect, big: bool) -> Vec<Entry> {
    let lines = super::results::area_lines(
        &open.pack.areas,
        t,
        usize::from(inner.width),
        inner.width >= 60,
        None,
        &super::results::targets(open),
    );
    let spaced = big && lines.len() * 2 <= usize::from(inner.height);
    lines
        .into_iter()
        .map(|l| {
            if spaced {
                vec![vec![l, Line::raw("")]]
            } else {
                vec![vec![l]]
            }
        })
        .collect()
}

/// Page one's caution (little known) and trend (when compared), its decisions requested,
/// then its top follow-ups (what matters most), each with its owner, due day and status —
/// the words of the board pack's page one.
fn decide_entries(s: &BoardPack, t: &Theme, width: usize) -> Vec<Entry> {
    let p = &s.page_one;
    let item = |head: String, tail: String, style| -> Entry {
        let mut lines: Vec<Line<'static>> = wrap(&head, width.saturating_sub(1))
            .into_iter()
            .map(|l| Line::styled(format!(" {l}"), style))
            .collect();
        for l in wrap(&tail, width.saturating_sub(4)) {
            lines.push(Line::styled(format!("    {l}"), t.dim));
        }
        vec![lines]
    };
    let mut entries: Vec<Entry> = Vec::new();
    // Page one's warning when little is known comes first, then the trend when compared.
    if let Some(caution) = &p.standing.caution {
        entries.push(vec![
            wrap(caution, width.saturating_sub(1))
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), t.warn))
                .collect(),
        ]);
    }
    if let Some(trend) = &p.standing.trend {
        entries.push(vec![
            wrap(&trend.text, width.saturating_sub(1))
                .into_iter()
                .map(|l| Line::styled(format!(" {l}"), t.prompt))
                .collect(),
        ]);
    }
    let decisions: Vec<Entry> = p
        .decisions
        .iter()
        .map(|d| {
            item(
                format!("◆ Decide: {}", d.decision),
                format!("{} · {} · {}", d.action, d.owner_text, d.due_text),
                t.warn,
            )
        })
        .collect();
    if decisions.is_empty() {
        entries.push(vec![vec![Line::styled(
            format!(" {}.", p.counts.decisions_text),
            t.dim,
        )]]);
    }
    entries.extend(decisions);
    for (n, a) in p.top.iter().enumerate() {
        entries.push(item(
            format!("{}. {}", n + 1, a.action),
            format!("{} · {} · {}", a.owner_text, a.due_text, a.status_text),
            t.prompt,
        ));
    }
    entries
}

/// What keeps the weakest areas from their next level: the areas at the lowest level, then
/// those below their target, each with its blocking items in plain words (the item's
/// action, or its prompt).
fn blocker_entries(open: &OpenAssessment, t: &Theme, width: usize, big: bool) -> Vec<Entry> {
    let sections = &open.pack.score.sections;
    let lowest = sections.iter().filter_map(|x| x.figures.level).min();
    let mut weakest: Vec<&crate::scoring::SectionScore> = sections
        .iter()
        .filter(|x| !x.blocking.is_empty() && x.figures.level.is_some())
        .filter(|x| x.figures.level == lowest || x.meets_target == Some(false))
        .collect();
    weakest.sort_by_key(|x| (x.figures.level, x.meets_target.unwrap_or(true)));
    if weakest.is_empty() {
        let words = if lowest.is_none() {
            "Nothing is answered yet: every area is still to be assessed."
        } else {
            "Nothing blocks: every area has reached level 3."
        };
        return vec![vec![vec![Line::styled(format!(" {words}"), t.good)]]];
    }
    weakest
        .into_iter()
        .map(|x| {
            let level = x.figures.level;
            let next = level.map_or(1, |l| l.saturating_add(1));
            let mut head = format!(
                " {} · {} → {}",
                sanitize_line(&x.title),
                level_short(level),
                level_short(Some(next))
            );
            if let Some(aim) = x.target {
                let _ = write!(head, " · target {}", level_short(Some(aim)));
            }
            let mut block: Vec<Line<'static>> = wrap(&head, width)
                .into_iter()
                .map(|l| Line::styled(l, t.prompt))
                .collect();
            // The area's heading goes with its first action; each action is kept whole.
            let mut blocks: Entry = Vec::new();
            for key in &x.blocking {
                let words = open.index_of(key).and_then(|n| open.at(n)).map_or_else(
                    || sanitize_line(key),
                    |(_, _, item)| sanitize_line(item.action.as_deref().unwrap_or(&item.prompt)),
                );
                for (k, l) in wrap(&words, width.saturating_sub(4))
                    .into_iter()
                    .enumerate()
                {
                    let lead = if k == 0 { "  • " } else { "    " };
                    block.push(Line::from(vec![
                        Span::styled(lead, t.warn),
                        Span::styled(l, t.text),
                    ]));
                }
                blocks.push(std::mem::take(&mut block));
            }
            if big {
                block.push(Line::raw(""));
            }
            if !block.is_empty() {
                blocks.push(block);
            }
            blocks
        })
        .collect()
}

/// One entry per written answer of the board: the question, then the answer in full.
fn word_entries(s: &BoardPack, t: &Theme, width: usize) -> Vec<Entry> {
    let answered: Vec<(&str, &str)> = s
        .board_answers
        .iter()
        .filter_map(|a| Some((a.prompt.as_str(), a.answer.as_deref()?)))
        .collect();
    if answered.is_empty() {
        return vec![vec![vec![Line::styled(" No written answers yet.", t.dim)]]];
    }
    answered
        .into_iter()
        .map(|(prompt, text)| {
            let mut lines: Vec<Line<'static>> = wrap(prompt, width)
                .into_iter()
                .map(|l| Line::styled(l, t.dim))
                .collect();
            for l in wrap(text, width.saturating_sub(2)) {
                lines.push(Line::styled(format!("  {l}"), t.prompt));
            }
            vec![lines]
        })
        .collect()
}

/// The overall level as a large figure, its name and meaning, and the overall figures.
fn headline(app: &App, s: &BoardPack, frame: &mut Frame, inner: Rect, big: bool) {
    let t = &app.theme;
    let figure = s.overall.level.map_or_else(
        || "-".to_string(),
        |l| Level::at_most_3(l).number().to_string(),
    );
    let room = usize::from(inner.height).saturating_sub(1);
    let scale = figure_scale(1, usize::from(inner.width) / 3, room);
    let figure_width = u16::try_from(GLYPH * scale + 6).unwrap_or(u16::MAX).max(20);
    let [digit, words] =
        Layout::horizontal([Constraint::Length(figure_width), Constraint::Min(1)]).areas(inner);
    let mut digit_lines = vec![Line::styled("  MATURITY LEVEL", t.dim)];
    for row in big_figure(&figure, scale) {
        digit_lines.push(Line::styled(format!("    {row}"), t.big));
    }
    frame.render_widget(Paragraph::new(digit_lines), digit);

    let level = s.overall.level.map(Level::at_most_3);
    let name = level.map_or("No level yet", Level::name).to_uppercase();
    let spaced: String = if big {
        name.chars().flat_map(|c| [c, ' ']).collect()
    } else {
        name
    };
    let meaning = level.map_or("nothing applicable has been answered yet", Level::meaning);
    let width = usize::from(words.width);
    let mut lines = Vec::new();
    if big {
        lines.extend([Line::raw(""), Line::raw("")]);
    }
    lines.push(Line::styled(spaced, t.big));
    for l in wrap(
        &format!("{}.", crate::figures::capitalised(meaning)),
        width.saturating_sub(2),
    ) {
        lines.push(Line::styled(l, t.text));
    }
    if big {
        lines.push(Line::raw(""));
    }
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
    let mut status = vec![Span::styled(
        format!("{} not yet assessed", s.not_assessed),
        if s.not_assessed > 0 { t.warn } else { t.good },
    )];
    let with_target: Vec<_> = s
        .score
        .sections
        .iter()
        .filter_map(|x| x.meets_target)
        .collect();
    if !with_target.is_empty() {
        let met = with_target.iter().filter(|m| **m).count();
        lines.push(Line::from(std::mem::take(&mut status)));
        status.push(Span::styled(
            format!("{met} of {} areas meet their target", with_target.len()),
            if met == with_target.len() {
                t.good
            } else {
                t.warn
            },
        ));
    }
    lines.push(Line::from(status));
    frame.render_widget(Paragraph::new(lines), words);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pages: &Pages) -> Vec<(Vec<String>, usize)> {
        pages
            .iter()
            .map(|(lines, left)| (lines.iter().map(ToString::to_string).collect(), *left))
            .collect()
    }

    #[test]
    fn the_figure_grows_with_the_room_and_keeps_its_shape() {
        assert_eq!(figure_scale(1, 20, 4), 1);
        assert_eq!(figure_scale(1, 60, 20), 5);
        assert_eq!(figure_scale(1, 14, 40), 2, "the width limits it too");
        let one = big_figure("1", 1);
        assert_eq!(one.len(), 4, "7 pixel rows in half-rows: {one:?}");
        let five = big_figure("1", 5);
        assert_eq!(five.len(), 18);
        assert!(five.iter().all(|l| l.chars().count() <= 35));
        assert!(five.iter().any(|l| l.contains("██████████")), "{five:?}");
        assert_ne!(big_figure("2", 2), big_figure("3", 2));
    }

    #[test]
    fn pages_keep_entries_whole_and_say_how_many_follow() {
        let entry = |n: usize, rows: usize| -> Entry {
            vec![(0..rows).map(|k| Line::raw(format!("{n}.{k}"))).collect()]
        };
        let entries = vec![entry(1, 2), entry(2, 2), entry(3, 1)];
        assert_eq!(paginate(&entries, 5).len(), 1, "everything fits");
        let pages = texts(&paginate(&entries, 4));
        assert_eq!(
            pages,
            [
                (vec!["1.0".into(), "1.1".into()], 2),
                (vec!["2.0".into(), "2.1".into(), "3.0".into()], 0),
            ]
        );
        // A block longer than a page is split.
        let pages = texts(&paginate(&[entry(1, 5)], 3));
        assert_eq!(pages.len(), 3);
        assert_eq!(pages[0], (vec!["1.0".into(), "1.1".into()], 0));
        assert_eq!(pages[2], (vec!["1.4".into()], 0));
    }

    #[test]
    fn a_long_entry_breaks_between_its_blocks_and_counts_only_entries_not_shown() {
        let block = |name: &str, rows: usize| -> Vec<Line<'static>> {
            (0..rows)
                .map(|k| Line::raw(format!("{name}.{k}")))
                .collect()
        };
        // An area with three actions of two lines, then two one-line areas; pages of 4 rows
        // (3 and the line saying what follows).
        let entries: Vec<Entry> = vec![
            vec![block("a", 2), block("b", 2), block("c", 2)],
            vec![block("x", 1)],
            vec![block("y", 1)],
        ];
        let pages = texts(&paginate(&entries, 4));
        assert_eq!(
            pages,
            [
                (vec!["a.0".into(), "a.1".into()], 2),
                (vec!["b.0".into(), "b.1".into()], 2),
                (vec!["c.0".into(), "c.1".into(), "x.0".into()], 1),
                (vec!["y.0".into()], 0),
            ],
            "no action is cut, and the area on screen is not counted as more"
        );
    }
}
