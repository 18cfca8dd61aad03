//! The portfolio's lists: the concentration of services on suppliers, the stale reviews,
//! what was left out and the heat map's areas, stacked or side by side.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::area_name;
use crate::figures::NONE;
use crate::portfolio::Portfolio;
use crate::questionnaire::Tier;
use crate::tui::theme::Theme;
use crate::tui::ui::fit;

/// The concentration, stale reviews and what was left out, as sections of lines.
pub(super) fn concentration(p: &Portfolio) -> Vec<(String, Vec<String>)> {
    let tier = |t: Option<Tier>| t.map_or(NONE, Tier::as_str);
    let none = |v: Vec<String>| {
        if v.is_empty() {
            vec!["  none".to_string()]
        } else {
            v
        }
    };
    let c = &p.concentration;
    let sole = c
        .sole_suppliers
        .iter()
        .map(|s| format!("  {} → {} ({})", s.service, s.supplier, tier(s.tier)))
        .collect();
    let many = c
        .concentrated
        .iter()
        .map(|s| {
            format!(
                "  {} ({}): {}",
                s.supplier,
                tier(s.tier),
                s.critical_services.join(", ")
            )
        })
        .collect();
    let stale = p
        .stale
        .iter()
        .map(|s| {
            format!(
                "  {} ({}): reviewed {}, due {}",
                s.supplier,
                tier(s.tier),
                crate::stamp::day_of(&s.last_reviewed),
                s.review_due
            )
        })
        .collect();
    let m = &p.settings.review_months;
    let mut sections = vec![
        (
            format!(
                "Services that depend on one supplier ({})",
                c.sole_suppliers.len()
            ),
            none(sole),
        ),
        (
            format!(
                "Suppliers {} or more critical services depend on ({})",
                p.settings.concentration_threshold,
                c.concentrated.len()
            ),
            none(many),
        ),
        (
            format!(
                "Stale reviews ({}; every {}/{}/{}/{} months by tier)",
                p.stale.len(),
                m.critical,
                m.high,
                m.medium,
                m.low
            ),
            none(stale),
        ),
    ];
    let left = &p.left_out;
    let mut notes = left.counted();
    for s in &left.skipped {
        let name = s.file.rsplit(['/', '\\']).next().unwrap_or(&s.file);
        notes.push(format!("{name} (cannot be read)"));
    }
    if !notes.is_empty() {
        sections.push((format!("Left out: {}", notes.join("; ")), Vec::new()));
    }
    sections
}

/// The heat map's columns in full, for the concentration tab.
fn areas_section(p: &Portfolio) -> (String, Vec<String>) {
    (
        format!("Heat-map areas ({})", p.areas.len()),
        p.areas
            .iter()
            .enumerate()
            .map(|(n, a)| format!("  {}", area_name(n, &a.title)))
            .collect(),
    )
}

/// The sections stacked, as lines.
fn stacked(sections: &[(String, Vec<String>)], t: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for (heading, items) in sections {
        lines.push(Line::styled(fit(heading, width), t.prompt));
        lines.extend(items.iter().map(|i| Line::styled(fit(i, width), t.text)));
    }
    lines
}

/// Draws the sections in `area`: side by side when it is wide, stacked otherwise, from row
/// `scroll`; a last line says when more follows.
pub(super) fn draw_sections(
    frame: &mut Frame,
    area: Rect,
    p: &Portfolio,
    t: &Theme,
    scroll: usize,
    with_areas: bool,
) {
    let mut sections = concentration(p);
    if with_areas {
        sections.push(areas_section(p));
    }
    let height = usize::from(area.height);
    if area.width >= 120 {
        let [a, b, c] = Layout::horizontal([Constraint::Ratio(1, 3); 3]).areas(area);
        let (first, rest) = sections.split_at(2.min(sections.len()));
        for (rect, part) in [
            (a, &first[..1.min(first.len())]),
            (b, &first[1.min(first.len())..]),
            (c, rest),
        ] {
            let w = usize::from(rect.width.saturating_sub(1));
            let lines = cut(stacked(part, t, w), height, scroll, t);
            frame.render_widget(Paragraph::new(lines), rect);
        }
        return;
    }
    let lines = cut(
        stacked(&sections, t, usize::from(area.width)),
        height,
        scroll,
        t,
    );
    frame.render_widget(Paragraph::new(lines), area);
}

/// `lines` from row `scroll`, `height` at most; when some are left below, the last row
/// says so.
fn cut(lines: Vec<Line<'static>>, height: usize, scroll: usize, t: &Theme) -> Vec<Line<'static>> {
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let total = lines.len();
    let mut shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    if scroll + height < total && height > 0 {
        shown.pop();
        shown.push(Line::styled(
            format!(
                "… {} (Tab, then ↓)",
                crate::figures::count(
                    total - scroll - height + 1,
                    "more line below",
                    "more lines below"
                )
            ),
            t.dim,
        ));
    }
    shown
}
