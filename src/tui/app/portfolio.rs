//! The supplier portfolio screen: every supplier assessment of the data directory as one
//! row, filtered by tier and by service, with concentration and stale reviews. The model is
//! the core's [`Portfolio`], built by [`Effect::LoadPortfolio`] and only filtered here.

use std::path::PathBuf;

use jiff::Timestamp;

use crate::portfolio::Portfolio;
use crate::questionnaire::Tier;
use crate::tui::action::Action;
use crate::tui::editor::Editor;

use super::{AfterOpen, App, Effect, Mode, Screen, Status};

/// What the portfolio screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PortfolioTab {
    /// The suppliers' table (with the concentration below it when there is room).
    #[default]
    Suppliers,
    /// The concentration of services on suppliers and the stale reviews, on the whole
    /// screen.
    Concentration,
}

/// The portfolio screen's state.
#[derive(Debug, Clone)]
pub struct PortfolioView {
    /// Every supplier, as read (no filter).
    pub all: Option<Portfolio>,
    /// The rows shown: [`PortfolioView::all`] filtered.
    pub shown: Option<Portfolio>,
    /// Only this tier (`None`: every tier).
    pub tier: Option<Tier>,
    /// Only the suppliers this service depends on.
    pub service: Option<String>,
    /// The page of the heat map's areas shown (counted on; the view wraps it).
    pub area_page: usize,
    /// The tab shown.
    pub tab: PortfolioTab,
    /// How far the concentration tab is scrolled down, in rows.
    pub scroll: usize,
    /// The moment reviews are judged against (fixed in tests).
    pub now: fn() -> Timestamp,
}

impl Default for PortfolioView {
    fn default() -> Self {
        Self {
            all: None,
            shown: None,
            tier: None,
            service: None,
            area_page: 0,
            tab: PortfolioTab::default(),
            scroll: 0,
            now: crate::stamp::now,
        }
    }
}

impl PortfolioView {
    /// The tier after `tier` in the filter's round: all, critical, high, medium, low.
    pub fn next_tier(tier: Option<Tier>) -> Option<Tier> {
        match tier {
            None => Tier::ALL.first().copied(),
            Some(t) => {
                let n = Tier::ALL.iter().position(|x| *x == t).unwrap_or(0);
                Tier::ALL.get(n + 1).copied()
            }
        }
    }

    /// Filters every supplier again by the tier and service chosen.
    fn refilter(&mut self) {
        let tiers: Vec<Tier> = self.tier.into_iter().collect();
        self.shown = self
            .all
            .as_ref()
            .map(|p| p.filtered(&tiers, self.service.as_deref()));
    }

    /// How many rows are shown.
    pub fn len(&self) -> usize {
        self.shown.as_ref().map_or(0, |p| p.rows.len())
    }

    /// Whether no row is shown.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How the status line begins when the portfolio could not be read.
const NOT_READ: &str = "Portfolio not read: ";

/// How the status line begins when a file was left out of the portfolio.
const LEFT_OUT: &str = "Left out of the portfolio: ";

impl App {
    /// Opens the portfolio screen; its model is read by [`Effect::LoadPortfolio`].
    pub(super) fn show_portfolio(&mut self) {
        self.screen = Screen::Portfolio { selected: 0 };
        self.portfolio.tab = PortfolioTab::Suppliers;
        self.portfolio.scroll = 0;
        self.effect(Effect::LoadPortfolio);
    }

    /// Reading the portfolio came to `loaded` (the model, or why it could not be read).
    pub fn portfolio_loaded(&mut self, loaded: Result<Portfolio, String>) {
        // What an earlier read said is over once the portfolio is read again.
        if matches!(&self.status, Status::Error(m) if m.starts_with(NOT_READ) || m.starts_with(LEFT_OUT))
        {
            self.status = Status::None;
        }
        match loaded {
            Ok(p) => {
                for s in &p.left_out.skipped {
                    self.status = Status::Error(format!(
                        "{LEFT_OUT}{} ({})",
                        s.reason,
                        crate::text::sanitize_line(&s.file)
                    ));
                }
                self.portfolio.all = Some(p);
                self.portfolio.refilter();
            }
            Err(e) => {
                self.portfolio.all = None;
                self.portfolio.shown = None;
                self.status = Status::Error(format!("{NOT_READ}{e}"));
            }
        }
        self.clamp_portfolio_row();
    }

    /// The highlighted row of the portfolio.
    pub fn portfolio_selected(&self) -> usize {
        match self.screen {
            Screen::Portfolio { selected } => selected,
            _ => 0,
        }
    }

    fn clamp_portfolio_row(&mut self) {
        let last = self.portfolio.len().saturating_sub(1);
        if let Screen::Portfolio { selected } = &mut self.screen {
            *selected = (*selected).min(last);
        }
    }

    fn portfolio_filtered(&mut self) {
        self.portfolio.refilter();
        self.portfolio.area_page = 0;
        self.clamp_portfolio_row();
        let shown = self.portfolio.len();
        let tier = self.portfolio.tier.map_or("every tier", Tier::as_str);
        let service = self
            .portfolio
            .service
            .as_deref()
            .map_or_else(|| "every service".to_string(), crate::text::sanitize_line);
        self.info(format!(
            "Showing {} ({tier}, {service}).",
            crate::figures::count(shown, "supplier", "suppliers")
        ));
    }

    #[allow(clippy::needless_pass_by_value)] // actions are small and matched by value
    pub(super) fn update_portfolio(&mut self, action: Action) {
        let selected = self.portfolio_selected();
        let last = self.portfolio.len().saturating_sub(1);
        let on_table = self.portfolio.tab == PortfolioTab::Suppliers;
        match action {
            Action::Up if on_table => {
                self.screen = Screen::Portfolio {
                    selected: selected.saturating_sub(1),
                }
            }
            Action::Down if on_table => {
                self.screen = Screen::Portfolio {
                    selected: (selected + 1).min(last),
                }
            }
            Action::Up => self.portfolio.scroll = self.portfolio.scroll.saturating_sub(1),
            Action::Down => self.portfolio.scroll = self.portfolio.scroll.saturating_add(1),
            Action::ClickRow(n) if n < self.portfolio.len() => {
                if selected == n {
                    self.open_portfolio_row();
                } else {
                    self.screen = Screen::Portfolio { selected: n };
                }
            }
            Action::Open => self.open_portfolio_row(),
            Action::CycleTier => {
                self.portfolio.tier = PortfolioView::next_tier(self.portfolio.tier);
                self.portfolio_filtered();
            }
            Action::FilterService => {
                let now = self.portfolio.service.clone().unwrap_or_default();
                self.mode = Mode::ServiceFilter(Editor::new(&now));
            }
            Action::NextTab => {
                self.portfolio.tab = match self.portfolio.tab {
                    PortfolioTab::Suppliers => PortfolioTab::Concentration,
                    PortfolioTab::Concentration => PortfolioTab::Suppliers,
                };
                self.portfolio.scroll = 0;
            }
            Action::Left => self.portfolio.area_page = self.portfolio.area_page.saturating_sub(1),
            Action::Right => self.portfolio.area_page = self.portfolio.area_page.saturating_add(1),
            Action::Help => self.mode = Mode::Help(0),
            Action::Back | Action::BackOrQuit => {
                self.screen = Screen::HOME;
                self.effect(Effect::ListHome(super::AfterList::Nothing));
            }
            _ => {}
        }
    }

    fn open_portfolio_row(&mut self) {
        let selected = self.portfolio_selected();
        let Some(row) = self
            .portfolio
            .shown
            .as_ref()
            .and_then(|p| p.rows.get(selected))
        else {
            self.info("No supplier is shown: t and / change the filter.");
            return;
        };
        let path = PathBuf::from(&row.file);
        self.effect(Effect::Open(path, AfterOpen::Questionnaire));
    }

    pub(super) fn update_service_filter(&mut self, mut field: Editor, action: Action) {
        let Err(action) = field.edit_line(action) else {
            self.mode = Mode::ServiceFilter(field);
            return;
        };
        match action {
            Action::Back | Action::BackOrQuit => self.mode = Mode::Normal,
            Action::Confirm => {
                self.mode = Mode::Normal;
                let text = field.text().trim().to_string();
                self.portfolio.service = (!text.is_empty()).then_some(text);
                self.portfolio_filtered();
            }
            _ => self.mode = Mode::ServiceFilter(field),
        }
    }
}
