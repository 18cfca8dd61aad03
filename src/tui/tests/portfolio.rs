//! The supplier portfolio screen: reached with `P` from home, filtered by tier and service,
//! the concentration on its second tab, Enter opens a supplier's assessment; snapshots on
//! the shared portfolio fixture (four suppliers, an organisation assessment and an earlier
//! review) at 80×24, 100×30 and 200×60.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use crate::portfolio::{Options, Portfolio, read_folder};
use crate::questionnaire::Tier;
use crate::tui::app::PortfolioTab;
use crate::tui::keys;

const MINI: &str = include_str!("../../../tests/fixtures/portfolio/supplier-mini.json");

fn fixture_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio/shared")
}

fn as_of() -> jiff::Timestamp {
    "2026-11-30T00:00:00Z".parse().expect("a time")
}

/// An app at home over a data directory holding the shared portfolio fixture (its
/// unreadable file only when `broken`), reviews judged as of 30 November 2026.
fn portfolio_home(broken: bool) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let assessments = dir.path().join("assessments");
    std::fs::create_dir_all(&assessments).expect("folder");
    for entry in std::fs::read_dir(fixture_dir()).expect("fixture folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("a name").to_owned();
        if broken || name != "broken.json" {
            std::fs::copy(&path, assessments.join(name)).expect("copy");
        }
    }
    let mut catalog = Catalog::built_in();
    catalog.insert(
        Questionnaire::load_str(MINI, "supplier-mini.json")
            .expect("loads")
            .0,
    );
    let ws = Workspace {
        store: Store::at(dir.path().to_path_buf()),
        catalog,
    };
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.portfolio.now = as_of;
    Fixture { _dir: dir, app }
}

fn in_portfolio() -> Fixture {
    let mut f = portfolio_home(false);
    press(&mut f.app, "P");
    f
}

fn names(app: &App) -> Vec<String> {
    app.portfolio
        .shown
        .as_ref()
        .expect("the portfolio is read")
        .rows
        .iter()
        .map(|r| r.supplier.clone())
        .collect()
}

#[test]
fn p_on_home_asks_for_the_portfolio_to_be_read_and_shows_the_core_model() {
    let mut f = portfolio_home(false);
    assert!(keys::hints(keys::Context::Home).contains(&("P", "portfolio")));
    let effects = f.app.update(Action::Portfolio);
    assert!(matches!(f.app.screen, Screen::Portfolio { selected: 0 }));
    assert!(
        matches!(effects.as_slice(), [Effect::LoadPortfolio]),
        "{effects:?}"
    );
    assert!(f.app.portfolio.shown.is_none(), "nothing is read in update");
    crate::tui::effects::perform(&mut f.app, effects);
    let folder = read_folder(&f.app.ws.store.assessments_dir()).expect("reads");
    let core = Portfolio::build(&f.app.ws.catalog, &folder, &Options::default(), as_of());
    assert_eq!(f.app.portfolio.shown.as_ref(), Some(&core));
    assert_eq!(
        names(&f.app),
        ["Payroll Co", "CRM Co", "CloudHost Ltd", "Mail Co"]
    );
    assert_eq!(f.app.status, Status::None);
}

#[test]
fn t_cycles_the_tier_filter_through_every_tier_and_back_to_all() {
    let mut f = in_portfolio();
    let all = names(&f.app);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut f.app, "t");
        let tier = f.app.portfolio.tier.expect("a tier");
        seen.push(tier);
        let shown = f.app.portfolio.shown.as_ref().expect("shown");
        assert!(shown.rows.iter().all(|r| r.tier == Some(tier)), "{tier:?}");
        assert_eq!(shown.left_out.filtered, all.len() - shown.rows.len());
    }
    assert_eq!(seen, Tier::ALL);
    press(&mut f.app, "t");
    assert_eq!(f.app.portfolio.tier, None);
    assert_eq!(names(&f.app), all);
}

#[test]
fn slash_filters_by_a_service_ignoring_case_and_empty_shows_every_supplier() {
    let mut f = in_portfolio();
    press(&mut f.app, "/");
    assert_eq!(f.app.context(), keys::Context::ServiceFilter);
    press(&mut f.app, "PAYROLL<Enter>");
    assert_eq!(f.app.portfolio.service.as_deref(), Some("PAYROLL"));
    assert_eq!(names(&f.app), ["Payroll Co", "CloudHost Ltd"]);
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("Showing 2 suppliers")));
    // Esc leaves the filter as it was.
    press(&mut f.app, "/x<Esc>");
    assert_eq!(f.app.portfolio.service.as_deref(), Some("PAYROLL"));
    press(
        &mut f.app,
        "/<Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Backspace><Enter>",
    );
    assert_eq!(f.app.portfolio.service, None);
    assert_eq!(names(&f.app).len(), 4);
}

#[test]
fn enter_opens_the_highlighted_suppliers_assessment() {
    let mut f = in_portfolio();
    press(&mut f.app, "jj");
    assert!(matches!(f.app.screen, Screen::Portfolio { selected: 2 }));
    press(&mut f.app, "k");
    assert!(matches!(f.app.screen, Screen::Portfolio { selected: 1 }));
    press(&mut f.app, "j<Enter>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    let open = f.app.open.as_ref().expect("open");
    assert_eq!(open.session.assessment.id, "cloudhost");
}

#[test]
fn tab_switches_to_the_concentration_and_arrows_page_the_areas() {
    let mut f = in_portfolio();
    press(&mut f.app, "<Tab>");
    assert_eq!(f.app.portfolio.tab, PortfolioTab::Concentration);
    press(&mut f.app, "jj");
    assert_eq!(f.app.portfolio.scroll, 2);
    assert!(matches!(f.app.screen, Screen::Portfolio { selected: 0 }));
    press(&mut f.app, "k<Tab>");
    assert_eq!(f.app.portfolio.tab, PortfolioTab::Suppliers);
    assert_eq!(f.app.portfolio.scroll, 0);
    press(&mut f.app, "<Right>l");
    assert_eq!(f.app.portfolio.area_page, 2);
    press(&mut f.app, "h<Left><Left>");
    assert_eq!(f.app.portfolio.area_page, 0);
}

#[test]
fn esc_and_q_go_back_home_and_help_lists_the_portfolio_keys() {
    let mut f = in_portfolio();
    press(&mut f.app, "?");
    assert!(matches!(f.app.mode, Mode::Help(_)));
    let help = keys::help(keys::Context::Portfolio);
    assert_eq!(help[0].0, "Supplier portfolio");
    for key in ["Enter", "t", "/", "Tab", "←/h", "→/l", "Esc", "q", "?"] {
        assert!(help[0].1.iter().any(|(k, _)| *k == key), "{key}");
    }
    press(&mut f.app, "<Esc><Esc>");
    assert!(matches!(f.app.screen, Screen::Home { .. }));
    press(&mut f.app, "Pq");
    assert!(matches!(f.app.screen, Screen::Home { .. }));
    assert!(!f.app.should_quit);
}

#[test]
fn a_file_that_cannot_be_read_is_named_and_the_rest_are_shown() {
    let mut f = portfolio_home(true);
    press(&mut f.app, "P");
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.contains("broken.json")),
        "{:?}",
        f.app.status
    );
    assert_eq!(names(&f.app).len(), 4);
}

#[test]
fn an_empty_data_directory_says_how_to_make_a_supplier_assessment() {
    let mut f = at_home();
    press(&mut f.app, "P");
    assert!(names(&f.app).is_empty());
    let screen = snapshots::draw(&f.app, 80, 24);
    assert!(screen.contains("No supplier assessments yet"), "{screen}");
}

#[test]
fn snapshots_of_the_portfolio() {
    let mut f = in_portfolio();
    insta::assert_snapshot!("portfolio_80x24", snapshots::draw(&f.app, 80, 24));
    insta::assert_snapshot!("portfolio_200x60", snapshots::draw(&f.app, 200, 60));
    insta::assert_snapshot!("portfolio_100x30", snapshots::draw(&f.app, 100, 30));
    press(&mut f.app, "<Tab>");
    insta::assert_snapshot!(
        "portfolio_concentration_80x24",
        snapshots::draw(&f.app, 80, 24)
    );
    press(&mut f.app, "<Tab>t/pay");
    f.app.status = Status::None;
    insta::assert_snapshot!(
        "portfolio_service_filter_80x24",
        snapshots::draw(&f.app, 80, 24)
    );
}

#[test]
fn the_heat_map_has_the_level_digits_without_colour() {
    let mut f = in_portfolio();
    f.app.theme = Theme::monochrome();
    let screen = snapshots::draw(&f.app, 80, 24);
    let payroll = screen
        .lines()
        .find(|l| l.contains("Payroll Co") && l.contains("L1"))
        .expect("Payroll Co's row");
    let row = &f.app.portfolio.shown.as_ref().expect("shown").rows[0];
    let digits: Vec<String> = row
        .areas
        .iter()
        .map(|a| crate::figures::level_digit(a.level))
        .collect();
    assert_eq!(digits, ["1", "3"]);
    assert!(
        payroll.trim_end_matches(['"', ' ', '│']).ends_with(" 1  3"),
        "{payroll}"
    );
}

/// An app at home over a data directory holding a copy of `examples/` (three supplier
/// assessments of the built-in `supplier-review`, two organisation assessments).
fn examples_home() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let assessments = dir.path().join("assessments");
    std::fs::create_dir_all(&assessments).expect("folder");
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for entry in std::fs::read_dir(examples).expect("examples") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            std::fs::copy(&path, assessments.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    let ws = Workspace {
        store: Store::at(dir.path().to_path_buf()),
        catalog: Catalog::built_in(),
    };
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.portfolio.now = as_of;
    Fixture { _dir: dir, app }
}

#[test]
fn the_examples_portfolio_with_eight_areas_fits_80x24_and_100x30() {
    let mut f = examples_home();
    press(&mut f.app, "P");
    assert_eq!(names(&f.app), ["Payroll Co", "Hosting Ltd", "Print Shop"]);
    let small = snapshots::draw(&f.app, 80, 24);
    for n in 1..=8 {
        assert!(
            small.contains(&format!(" {n} ")),
            "area {n} is headed at 80×24:\n{small}"
        );
    }
    insta::assert_snapshot!("portfolio_examples_80x24", small);
    insta::assert_snapshot!(
        "portfolio_examples_100x30",
        snapshots::draw(&f.app, 100, 30)
    );
    insta::assert_snapshot!(
        "portfolio_examples_200x60",
        snapshots::draw(&f.app, 200, 60)
    );
    // At 60 columns the heat map pages its areas.
    let narrow = snapshots::draw(&f.app, 60, 20);
    assert!(narrow.contains("Areas 1–4 of 8"), "{narrow}");
    assert!(narrow.contains(" 1  2  3  4│"), "{narrow}");
    press(&mut f.app, "l");
    assert_eq!(f.app.portfolio.area_page, 1);
    let next = snapshots::draw(&f.app, 60, 20);
    assert!(next.contains("Areas 5–8 of 8"), "{next}");
    assert!(next.contains(" 5  6  7  8│"), "{next}");
    insta::assert_snapshot!("portfolio_examples_paged_60x20", next);
}

#[test]
fn a_good_read_clears_an_earlier_error_and_the_reason_shows_first_at_80_columns() {
    let mut f = portfolio_home(false);
    let settings = f.app.ws.store.root().join(crate::portfolio::SETTINGS_FILE);
    std::fs::write(&settings, "not json").expect("write");
    press(&mut f.app, "P");
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.starts_with("Portfolio not read: the file is not JSON")),
        "{:?}",
        f.app.status
    );
    let screen = snapshots::draw(&f.app, 80, 24);
    let last = screen.lines().last().unwrap_or_default();
    assert!(
        last.contains("Portfolio not read: the file is not JSON"),
        "what is wrong shows at 80 columns: {last}"
    );
    press(&mut f.app, "<Esc>");
    std::fs::remove_file(&settings).expect("remove");
    press(&mut f.app, "P");
    assert!(f.app.portfolio.all.is_some(), "read");
    assert_eq!(f.app.status, Status::None, "the old error is gone");
    // Home's hint line at 80 columns offers the portfolio.
    press(&mut f.app, "<Esc>");
    let screen = snapshots::draw(&f.app, 80, 24);
    let last = screen.lines().last().unwrap_or_default();
    assert!(
        last.contains("? help") && last.contains("P portfolio"),
        "{last}"
    );
}
