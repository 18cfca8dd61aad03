//! The supplier portfolio screen: one row per supplier — tier, services, level, score,
//! known share, open actions, last review (with `!` when stale) and each area's level as a
//! heat map whose cells carry the level's digit — with the concentration of services on
//! suppliers and the stale reviews below it, or on the second tab.
//!
//! When the width runs short, columns give way in this order: the services (then shown
//! for the highlighted row below the table), the tier's full word (then "crit", "high",
//! "med", "low"), the known share; then the heat map pages its areas (←/→) and last the
//! supplier's name is shortened.

use std::fmt::Write as _;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{fit, pad, panel, row_in, row_style, scroll_for};
use crate::figures::{NONE, count, level_digit, level_short, percent, wrap_lines};
use crate::portfolio::{Portfolio, PortfolioRow};
use crate::questionnaire::Tier;
use crate::stamp;
use crate::tui::action::Action;
use crate::tui::app::{App, PortfolioTab};
use crate::tui::theme::Theme;
use lists::{concentration, draw_sections};

mod lists;

/// Columns of one heat-map cell.
const CELL: usize = 3;
/// The narrowest the supplier's name gets.
const NAME_MIN: usize = 10;
/// The widest the supplier's name column gets.
const NAME_MAX: usize = 28;
/// The narrowest services column worth showing.
const SERVICES_MIN: usize = 12;
/// The widest services column; room beyond it widens the heat map's cells.
const SERVICES_MAX: usize = 40;
/// The widest heat-map cell (wide cells are headed by the area's title).
const CELL_MAX: usize = 16;
/// Level ("L2 "), score ("100 % "), open actions ("Open ") and last review
/// ("2026-03-01 ! ").
const LEVEL: usize = 4;
const SCORE: usize = 6;
const OPEN: usize = 5;
const REVIEWED: usize = 13;
/// The known share ("100 % ").
const KNOWN: usize = 6;

/// The table's columns at a width: what shows, and how wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    name: usize,
    tier: usize,
    services: usize,
    known: bool,
    /// Heat-map areas on one page (at least one).
    per_page: usize,
    /// Columns of one heat-map cell.
    cell: usize,
}

impl Columns {
    fn fixed(self) -> usize {
        2 + self.tier + LEVEL + SCORE + OPEN + REVIEWED + if self.known { KNOWN } else { 0 }
    }

    /// The columns for `width` cells, `areas` heat-map areas and names up to `longest`.
    fn at(width: usize, areas: usize, longest: usize) -> Self {
        let name = longest.clamp(NAME_MIN, NAME_MAX);
        let heat = 1 + CELL * areas;
        let mut c = Columns {
            name,
            tier: 9,
            services: 0,
            known: true,
            per_page: areas.max(1),
            cell: CELL,
        };
        let room = |c: Columns| width.saturating_sub(c.fixed() + c.name + heat);
        if room(c) >= SERVICES_MIN {
            let spare = room(c).saturating_sub(SERVICES_MAX);
            c.cell = (CELL + spare / areas.max(1)).min(CELL_MAX);
            c.services = room(c)
                .saturating_sub((c.cell - CELL) * areas)
                .min(SERVICES_MAX);
            return c;
        }
        for step in 0..2 {
            if c.fixed() + c.name + heat <= width {
                return c;
            }
            match step {
                0 => c.tier = 5,
                _ => c.known = false,
            }
        }
        if c.fixed() + c.name + heat <= width {
            return c;
        }
        let left = width.saturating_sub(c.fixed() + NAME_MIN + 1);
        c.per_page = (left / CELL).clamp(1, areas.max(1));
        c.name = width
            .saturating_sub(c.fixed() + 1 + CELL * c.per_page)
            .clamp(NAME_MIN.min(width), name);
        c
    }
}

fn tier_word(tier: Option<Tier>, width: usize) -> &'static str {
    match (tier, width > 5) {
        (Some(Tier::Critical), false) => "crit",
        (Some(Tier::Medium), false) => "med",
        (t, _) => crate::portfolio::tier_word(t),
    }
}

/// The heat-map page shown, and how many pages there are.
fn page_of(app: &App, areas: usize, per_page: usize) -> (usize, usize) {
    let pages = areas.div_ceil(per_page.max(1)).max(1);
    (app.portfolio.area_page % pages, pages)
}

/// A heat-map cell: `None` where the row has no such area, `Some(None)` where nothing in
/// it applies.
#[allow(clippy::option_option)] // the shape of `PortfolioRow::area_level`
fn heat_cell(level: Option<Option<u8>>, width: usize, t: &Theme) -> Span<'static> {
    match level {
        Some(Some(l)) => Span::styled(
            format!("{:^width$}", level_digit(Some(l))),
            t.heat[usize::from(l.min(3))],
        ),
        Some(None) => Span::styled(format!("{NONE:^width$}"), t.dim),
        None => Span::raw(" ".repeat(width)),
    }
}

fn header(c: Columns, p: &Portfolio, first: usize) -> String {
    let mut head = format!("  {}{}", pad("Supplier", c.name + 1), pad("Tier", c.tier));
    if c.services > 0 {
        head.push_str(&pad("Services", c.services));
    }
    head.push_str(&pad("Lvl", LEVEL));
    let _ = write!(head, "{:>5} ", "Score");
    if c.known {
        let _ = write!(head, "{:>5} ", "Known");
    }
    let _ = write!(head, "{:>4} ", "Open");
    head.push_str(&pad("Reviewed", REVIEWED));
    head.push(' ');
    for (n, area) in p.areas.iter().enumerate().skip(first).take(c.per_page) {
        if c.cell >= 8 {
            head.push_str(&pad(
                &fit(&format!("{} {}", n + 1, area.title), c.cell - 1),
                c.cell,
            ));
        } else {
            let _ = write!(head, "{:^w$}", n + 1, w = c.cell);
        }
    }
    head
}

fn row_line(
    r: &PortfolioRow,
    c: Columns,
    p: &Portfolio,
    first: usize,
    t: &Theme,
    on: bool,
) -> Line<'static> {
    let style = row_style(t, on);
    let marker = if on { "> " } else { "  " };
    let mut text = format!(
        "{marker}{} {}",
        pad(&fit(&r.supplier, c.name), c.name),
        pad(tier_word(r.tier, c.tier), c.tier)
    );
    if c.services > 0 {
        text.push_str(&pad(
            &fit(&r.services.join(", "), c.services - 1),
            c.services,
        ));
    }
    text.push_str(&pad(&level_short(r.level), LEVEL));
    let _ = write!(text, "{:>5} ", percent(r.score));
    if c.known {
        let _ = write!(text, "{:>5} ", percent(r.coverage));
    }
    let _ = write!(text, "{:>4} ", r.open_actions);
    let mark = if r.stale { " !" } else { "  " };
    let mut spans = vec![Span::styled(text, style)];
    spans.push(Span::styled(
        format!("{}{mark}", pad(&stamp::day_of(&r.last_reviewed), 10)),
        if r.stale { t.warn } else { style },
    ));
    spans.push(Span::styled("  ", style));
    for area in p.areas.iter().skip(first).take(c.per_page) {
        spans.push(heat_cell(r.area_level(&area.id), c.cell, t));
    }
    Line::from(spans)
}

/// The lines under the table: the highlighted supplier's services and next review, and
/// the heat map's legend.
fn footer(app: &App, p: &Portfolio, c: Columns, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(r) = p.rows.get(app.portfolio_selected()) {
        let services = if r.services.is_empty() {
            "no services listed".to_string()
        } else {
            format!("services {}", r.services.join(", "))
        };
        let review = if r.stale {
            format!("review was due {} (stale)", r.review_due)
        } else {
            format!("next review due {}", r.review_due)
        };
        lines.push(fit(
            &format!("{}: {services} · {review}", r.supplier),
            width,
        ));
    }
    let (page, pages) = page_of(app, p.areas.len(), c.per_page);
    let first = page * c.per_page;
    let names: Vec<String> = p
        .areas
        .iter()
        .enumerate()
        .skip(first)
        .take(c.per_page)
        .map(|(n, a)| area_name(n, &a.title))
        .collect();
    let shown = if pages > 1 {
        format!(
            "Areas {}–{} of {}, ←/→ more · ",
            first + 1,
            first + names.len(),
            p.areas.len()
        )
    } else {
        String::new()
    };
    let legend = format!(
        "{shown}! stale review · cells show the area's level · areas (all on Tab): {}",
        names.join(" · ")
    );
    lines.extend(wrap_lines(&legend, width, 2));
    lines
}

/// Heat-map column `n` (0-based) as "3 Security in the contract": its number, then its
/// title without the same number in front.
fn area_name(n: usize, title: &str) -> String {
    let number = (n + 1).to_string();
    let bare = title
        .strip_prefix(&number)
        .and_then(|t| t.strip_prefix(['.', ' ']))
        .map_or(title, str::trim_start);
    format!("{number} {bare}")
}

/// The top two lines: what is shown, and the tabs.
fn top(app: &App, p: Option<&Portfolio>, width: usize) -> Vec<Line<'static>> {
    let t = &app.theme;
    let v = &app.portfolio;
    let tier = v.tier.map_or("all", Tier::as_str);
    let service = v
        .service
        .clone()
        .map_or_else(|| "all".to_string(), |s| crate::text::sanitize_line(&s));
    let counted = p.map_or_else(String::new, |p| {
        format!(
            " · {} as of {}",
            count(p.rows.len(), "supplier", "suppliers"),
            stamp::day_of(&p.settings.as_of)
        )
    });
    let title = fit(
        &format!("  Supplier portfolio{counted} · tier {tier} · service {service}"),
        width,
    );
    let tab = |on: bool, name: &str| {
        Span::styled(
            format!("{}{name} ", if on { " >" } else { "  " }),
            if on { t.cursor } else { t.dim },
        )
    };
    let on_table = v.tab == PortfolioTab::Suppliers;
    vec![
        Line::styled(title, t.title),
        Line::from(vec![
            tab(on_table, "Suppliers"),
            Span::raw(" "),
            tab(!on_table, "Concentration and reviews"),
            Span::styled("  Tab switches", t.dim),
        ]),
    ]
}

/// The table panel's inner rows area for the rows (below the head), given the table panel.
fn rows_area(table: Rect, footer: usize) -> Rect {
    let inner = ratatui::widgets::Block::bordered().inner(table);
    let footer = u16::try_from(footer).unwrap_or(u16::MAX);
    let [_, rows, _] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(footer),
    ])
    .areas(inner);
    rows
}

/// Where the table panel goes in `rest` (below the top lines), and the concentration panel
/// if there is room for it.
fn split(rest: Rect, rows: usize, footer: usize, below: usize) -> (Rect, Option<Rect>) {
    let height = usize::from(rest.height);
    let table_needed = 2 + 1 + rows.max(1) + footer;
    let table_min = table_needed.min(2 + 1 + 3 + footer);
    let below_needed = below + 2;
    if table_needed + below_needed <= height {
        let table = u16::try_from(table_needed).unwrap_or(0);
        let [table, panel] =
            Layout::vertical([Constraint::Length(table), Constraint::Min(1)]).areas(rest);
        return (table, Some(panel));
    }
    let mut lower = below_needed.min(height.saturating_sub(table_needed));
    if lower < 5 {
        lower = below_needed.min(height.saturating_sub(table_min));
    }
    if lower < 5 {
        return (rest, None);
    }
    let lower = u16::try_from(lower).unwrap_or(0);
    let [table, panel] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(lower)]).areas(rest);
    (table, Some(panel))
}

struct Geometry {
    table: Rect,
    lower: Option<Rect>,
    columns: Columns,
    footer: Vec<String>,
}

fn geometry(app: &App, p: &Portfolio, rest: Rect) -> Geometry {
    let inner_width = usize::from(rest.width.saturating_sub(2));
    let longest = p
        .rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.supplier.as_str()))
        .max()
        .unwrap_or(0);
    let columns = Columns::at(inner_width, p.areas.len(), longest);
    let footer = footer(app, p, columns, inner_width);
    let below: usize = concentration(p)
        .iter()
        .map(|(_, items)| 1 + items.len())
        .sum();
    let below = if rest.width >= 122 {
        concentration(p)
            .chunks(2)
            .map(|c| c.iter().map(|(_, i)| 1 + i.len()).sum::<usize>())
            .max()
            .unwrap_or(0)
            .max(below / 3)
    } else {
        below
    };
    let (table, lower) = split(rest, p.rows.len(), footer.len(), below);
    Geometry {
        table,
        lower,
        columns,
        footer,
    }
}

/// Draws the portfolio screen.
pub fn draw(app: &App, frame: &mut Frame, body: Rect) {
    let t = &app.theme;
    let p = app.portfolio.shown.as_ref();
    let [head, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(body);
    frame.render_widget(Paragraph::new(top(app, p, usize::from(body.width))), head);
    let Some(p) = p else {
        let words = if matches!(app.status, crate::tui::app::Status::Error(_)) {
            "The portfolio could not be read: the status line says why."
        } else {
            "Reading the supplier assessments…"
        };
        frame.render_widget(
            Paragraph::new(Line::styled(format!("  {words}"), t.dim)),
            rest,
        );
        return;
    };
    if app.portfolio.tab == PortfolioTab::Concentration {
        let block = panel("Concentration and reviews", t, true);
        let inner = block.inner(rest);
        frame.render_widget(block, rest);
        draw_sections(frame, inner, p, t, app.portfolio.scroll, true);
        return;
    }
    let g = geometry(app, p, rest);
    let block = panel("Suppliers, by tier then weakest first", t, true);
    let inner = block.inner(g.table);
    frame.render_widget(block, g.table);
    if p.rows.is_empty() {
        let words = if p.left_out.filtered > 0 {
            "No supplier matches the filter: t changes the tier, / the service."
        } else {
            "No supplier assessments yet. From home, n creates one with a supplier and its \
             tier; or run `supplycheck new --supplier NAME --tier TIER`."
        };
        frame.render_widget(
            Paragraph::new(Line::styled(words, t.prompt))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
    } else {
        let c = g.columns;
        let (page, _) = page_of(app, p.areas.len(), c.per_page);
        let first = page * c.per_page;
        let [heads, _] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
        frame.render_widget(
            Paragraph::new(Span::styled(header(c, p, first), t.dim)),
            heads,
        );
        let rows = rows_area(g.table, g.footer.len());
        let height = usize::from(rows.height);
        let selected = app.portfolio_selected();
        let top_row = scroll_for(selected, p.rows.len(), height);
        let lines: Vec<Line> = p
            .rows
            .iter()
            .enumerate()
            .skip(top_row)
            .take(height)
            .map(|(n, r)| row_line(r, c, p, first, t, n == selected))
            .collect();
        frame.render_widget(Paragraph::new(lines), rows);
        let footer_height = u16::try_from(g.footer.len()).unwrap_or(0);
        let foot = Rect {
            y: inner.y + inner.height.saturating_sub(footer_height),
            height: footer_height.min(inner.height),
            ..inner
        };
        let mut foot_lines: Vec<Line> = Vec::new();
        for (n, l) in g.footer.iter().enumerate() {
            foot_lines.push(Line::styled(l.clone(), if n == 0 { t.text } else { t.dim }));
        }
        frame.render_widget(Paragraph::new(foot_lines), foot);
    }
    if let Some(lower) = g.lower {
        let block = panel("Concentration and stale reviews", t, false);
        let inner = block.inner(lower);
        frame.render_widget(block, lower);
        draw_sections(frame, inner, p, t, 0, false);
    }
}

/// A click on a row of the table.
pub fn hit(app: &App, body: Rect, column: u16, row: u16) -> Option<Action> {
    let p = app.portfolio.shown.as_ref()?;
    if app.portfolio.tab != PortfolioTab::Suppliers || p.rows.is_empty() {
        return None;
    }
    let [_, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(1)]).areas(body);
    let g = geometry(app, p, rest);
    let rows = rows_area(g.table, g.footer.len());
    let r = row_in(rows, column, row)?;
    let top_row = scroll_for(
        app.portfolio_selected(),
        p.rows.len(),
        usize::from(rows.height),
    );
    let n = top_row + r;
    (n < p.rows.len()).then_some(Action::ClickRow(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_give_way_in_the_documented_order() {
        let wide = Columns::at(196, 8, 20);
        assert!(wide.services >= SERVICES_MIN && wide.known && wide.tier == 9);
        assert!(wide.fixed() + wide.name + 1 + wide.cell * 8 + wide.services <= 196);
        assert_eq!(wide.per_page, 8);
        let no_services = Columns::at(100, 8, 20);
        assert_eq!(
            (no_services.services, no_services.tier, no_services.known),
            (0, 9, true)
        );
        let short_tier = Columns::at(88, 8, 20);
        assert_eq!(
            (short_tier.services, short_tier.tier, short_tier.known),
            (0, 5, true)
        );
        let narrow = Columns::at(78, 8, 20);
        assert_eq!((narrow.services, narrow.tier, narrow.known), (0, 5, false));
        assert_eq!(narrow.per_page, 8, "eight areas still fit at 80 columns");
        let paged = Columns::at(60, 8, 20);
        assert!(paged.per_page < 8 && paged.per_page >= 1);
        assert!(paged.name >= NAME_MIN);
        assert!(paged.fixed() + paged.name + 1 + CELL * paged.per_page <= 60);
        assert_eq!(tier_word(Some(Tier::Critical), 5), "crit");
        assert_eq!(
            area_name(2, "3. Security in the contract"),
            "3 Security in the contract"
        );
        assert_eq!(area_name(0, "Access"), "1 Access");
        assert_eq!(area_name(0, "10 things"), "1 10 things");
        assert_eq!(tier_word(Some(Tier::Critical), 9), "critical");
        let t = Theme::colour();
        assert_ne!(
            heat_cell(Some(Some(0)), 3, &t).style,
            heat_cell(Some(Some(3)), 3, &t).style
        );
        assert_eq!(heat_cell(Some(Some(2)), 3, &t).content, " 2 ");
        assert_eq!(heat_cell(Some(None), 3, &t).content, " – ");
        let wide = Columns::at(196, 2, 13);
        assert_eq!(wide.services, SERVICES_MAX);
        assert!(wide.cell > CELL && wide.cell <= CELL_MAX);
    }
}
