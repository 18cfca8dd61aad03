//! One figure reads the same everywhere: the command line (`score`, `list`, `compare`),
//! every report format (HTML, Markdown, CSV, JSON), the app's screens (home, questionnaire,
//! results, board view, drawn on ratatui's `TestBackend` at 80×24 and 200×60) and plain mode
//! show an assessment's level, percentage and known share ("Level 0 · 54 % · 100 % known"),
//! its answered count ("answered 1 · 0 don't know") and change alike, on scores chosen to
//! sit on rounding edges.

mod common;

use std::path::PathBuf;

use assert_cmd::Command;
use common::Env;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supplycheck::figures::{
    Counted, Level, ScoreChange, answered, answered_counts, coverage, level_words, percent,
    score_line,
};
use supplycheck::plain::view as plain;
use supplycheck::scoring::Figures;
use supplycheck::tui::action::Action;
use supplycheck::tui::app::Screen;
use supplycheck::tui::theme::Theme;
use supplycheck::tui::{App, effects, ui};
use supplycheck::workspace::Workspace;

const ROUNDING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rounding.json");

fn cmd(env: &Env) -> Command {
    let mut c = env.cmd();
    c.args(["--questionnaire-file", ROUNDING]);
    c
}

fn run(env: &Env, args: &[&str]) -> String {
    let out = cmd(env).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

/// A new assessment of the rounding questionnaire, answered with `option` ("na" for N/A,
/// `None` for no answer); returns its id.
fn assessment(env: &Env, name: &str, option: Option<&str>) -> String {
    let id = run(
        env,
        &[
            "new",
            "--name",
            name,
            "--org",
            "Edge Ltd",
            "--questionnaire",
            "rounding",
        ],
    )
    .trim()
    .to_string();
    if let Some(option) = option {
        run(env, &["answer", &id, "rounding/x", option]);
    }
    id
}

/// The figures one assessment should show, from the figures module.
struct Expected {
    percent: String,
    level: String,
    /// "Level 0 · 54 % · 100 % known".
    line: String,
    /// "100 % known".
    known: String,
    /// "answered 1 · 0 don't know".
    answered: String,
    /// The level, when there is one.
    level_at: Option<u8>,
    /// How many of the questionnaire's items have an answer (N/A counts).
    progress_count: usize,
}

fn expected(f: &Figures, progress_count: usize) -> Expected {
    Expected {
        percent: percent(f.score),
        level: level_words(f.level),
        line: score_line(f),
        known: coverage(f.coverage),
        answered: answered_counts(f),
        level_at: f.level,
        progress_count,
    }
}

/// The overall figures of assessment `id`, as the workspace scores them.
fn figures(env: &Env, id: &str) -> Figures {
    let ws = workspace(env);
    let (_, a) = ws.load(id).expect("loads");
    ws.score(&a).overall
}

fn assert_everywhere(env: &Env, id: &str, e: &Expected) {
    let score = run(env, &["score", id]);
    assert!(
        score.contains(&format!("Overall: {}\n  {}", e.line, e.answered)),
        "score: {score}"
    );
    let row = score
        .lines()
        .find(|l| l.starts_with("Edges (rounding/edges)"))
        .expect("section row");
    assert!(row.contains(&e.line), "section: {row}");
    assert!(row.contains(&e.answered), "section: {row}");

    let list = run(env, &["list"]);
    let line = list.lines().find(|l| l.starts_with(id)).expect("listed");
    assert!(line.contains(&e.line), "list: {line}");
    assert!(line.contains(&e.answered), "list: {line}");

    let md = run(env, &["report", id, "--format", "md"]);
    assert!(
        md.contains(&format!(
            "Score: {}, with {} of the scored items known.",
            e.percent,
            e.known.trim_end_matches(" known")
        )),
        "md: {md}"
    );
    assert!(md.contains(&e.level), "md");
    let area = line_with(&md, "| Edges |");
    assert!(
        area.ends_with(&format!(
            " | {} | {} |",
            e.known.trim_end_matches(" known"),
            e.answered
        )),
        "md: {area}"
    );

    let html = run(env, &["report", id, "--format", "html"]);
    assert!(html.contains(&e.percent.replace(' ', "\u{a0}")), "html");
    assert!(
        html.contains(&format!(
            "<span class=\"v\">{}, with {} of the scored items known</span>",
            e.percent,
            e.known.trim_end_matches(" known")
        )),
        "html: the score tile on page one"
    );
    let areafig = line_with(&html, "class=\"areafig\"");
    assert!(
        areafig.contains(&format!(
            "{} · {}",
            e.known,
            e.answered.replace('\'', "&#39;")
        )) || areafig.contains(&format!("{} · {}", e.known, e.answered)),
        "html: the area's figures: {areafig}"
    );

    let level_text = e.level_at.map_or_else(
        || "No level yet".to_string(),
        |l| format!("Level {l} · {}", Level::at_most_3(l).name()),
    );
    assert!(
        html.contains(&format!("<span class=\"v\">{level_text}</span>")),
        "html: the level tile"
    );

    // The CSV, like the JSON, carries the exact value; the one scored item's value is the
    // score.
    let csv = run(env, &["report", id, "--format", "csv"]);
    let row = line_with(&csv, ",rounding/x,");
    let value = row.split(',').nth(8).expect("a value column");
    if !value.is_empty() {
        let exact = value.parse::<f64>().expect("a number");
        assert_eq!(percent(Some(exact)), e.percent, "csv: {row}");
    }

    let json: serde_json::Value =
        serde_json::from_str(&run(env, &["report", id, "--format", "json"])).expect("json");
    let exact = json["score"]["overall"]["score"].as_f64();
    assert_eq!(percent(exact), e.percent, "json carries the exact value");

    assert_on_screens(env, id, e);
    assert_in_plain_mode(env, id, e);
}

#[test]
fn a_score_on_a_rounding_edge_reads_the_same_everywhere() {
    let env = Env::new();
    for (option, score, shown) in [
        ("p125", 0.125, "13 %"),
        ("p445", 0.445, "45 %"),
        ("p535", 0.535, "54 %"),
        ("p575", 0.575, "58 %"),
        ("p500", 0.5, "50 %"),
        ("p501", 0.501, "50 %"),
    ] {
        let id = assessment(&env, option, Some(option));
        let e = expected(&figures(&env, &id), 1);
        assert_eq!(e.percent, shown);
        assert_eq!(percent(Some(score)), shown);
        assert_eq!(e.line, format!("Level 0 · {shown} · 100 % known"));
        assert_everywhere(&env, &id, &e);
    }
}

#[test]
fn an_empty_and_an_all_na_assessment_read_the_same_everywhere() {
    let env = Env::new();
    let empty = assessment(&env, "Empty", None);
    let e = expected(&figures(&env, &empty), 0);
    assert_eq!(e.line, "Level 0 · 0 % · 0 % known");
    assert_everywhere(&env, &empty, &e);

    let na = assessment(&env, "All N/A", Some("na"));
    let json = env.json(&["--questionnaire-file", ROUNDING, "score", &na, "--json"]);
    assert_eq!(json["overall"]["level"], serde_json::Value::Null);
    let e = expected(&figures(&env, &na), 1);
    assert_eq!(e.line, "All N/A");
    assert_everywhere(&env, &na, &e);
}

#[test]
fn a_change_is_the_difference_of_the_percentages_shown_everywhere() {
    let env = Env::new();
    for (before, after, b, a, arrow) in [
        ("p535", "p575", 0.535, 0.575, "▲ +4"),
        ("p500", "p501", 0.5, 0.501, "= 0"),
        ("p445", "p125", 0.445, 0.125, "▼ -32"),
    ] {
        let earlier = assessment(&env, &format!("{before} then"), Some(before));
        backdate(&env, &earlier);
        let later = assessment(&env, &format!("{after} now"), Some(after));
        let change = ScoreChange::between(Some(b), Some(a));
        assert_eq!(change.to_string(), arrow);
        let moved = format!("{} → {}", percent(Some(b)), percent(Some(a)));

        let compare = run(&env, &["compare", &earlier, &later]);
        assert!(compare.contains(&moved), "compare: {compare}");
        assert!(compare.contains(arrow), "compare: {compare}");

        let md = run(
            &env,
            &["report", &later, "--compare", &earlier, "--format", "md"],
        );
        assert!(
            md.contains(&format!(
                "| {} | {} | {arrow} |",
                percent(Some(b)),
                percent(Some(a))
            )),
            "md: {md}"
        );

        let html = run(
            &env,
            &["report", &later, "--compare", &earlier, "--format", "html"],
        );
        assert!(html.contains(&arrow.replace(' ', "\u{a0}")), "html");

        assert_compared_on_screen(&env, &earlier, &later, &moved, arrow);
    }
}

/// Moves the last change of assessment `id` a year back, so that the app, which takes the
/// earlier of two assessments as "before", compares the two in the order the CLI is given.
fn backdate(env: &Env, id: &str) {
    let ws = workspace(env);
    let (path, mut a) = ws.load(id).expect("loads");
    a.updated = "2025-11-20T10:00:00Z".parse().expect("a time");
    supplycheck::store::save(&path, &a).expect("saved");
}

// ---- the app's screens ----

/// The sizes every screen is drawn at: the smallest the app supports and a large one.
const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn workspace(env: &Env) -> Workspace {
    Workspace::open(
        Some(env.dir.path().to_path_buf()),
        &[PathBuf::from(ROUNDING)],
    )
    .expect("workspace")
}

/// Applies an action and performs its effects, as the event loop does.
fn act(app: &mut App, action: Action) {
    let asked = app.update(action);
    effects::perform(app, asked);
}

/// The screen as text at every size.
fn screens(app: &App) -> Vec<String> {
    SIZES
        .iter()
        .map(|&(w, h)| {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("terminal");
            terminal.draw(|frame| ui::view(app, frame)).expect("draw");
            terminal.backend().to_string()
        })
        .collect()
}

/// The line of `screen` that contains `text`.
fn line_with<'s>(screen: &'s str, text: &str) -> &'s str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no line with {text:?} in\n{screen}"))
}

/// The app in assessment `id`, opened from its row at home as Enter does; and home drawn
/// with that row highlighted.
fn opened(env: &Env, id: &str) -> (App, Vec<String>) {
    let mut app = App::new(workspace(env), Theme::monochrome());
    let row = app.home.iter().position(|r| r.id == id).expect("listed");
    for _ in 0..row {
        act(&mut app, Action::Down);
    }
    let home = screens(&app);
    act(&mut app, Action::Open);
    assert!(
        matches!(app.screen, Screen::Questionnaire { .. }),
        "opened: {:?}",
        app.status
    );
    (app, home)
}

/// Home, the questionnaire, the results and the board view show the figures of `e`.
fn assert_on_screens(env: &Env, id: &str, e: &Expected) {
    let (mut app, home) = opened(env, id);
    let name = app
        .home
        .iter()
        .find(|r| r.id == id)
        .expect("row")
        .name
        .clone();
    for screen in &home {
        let row = line_with(screen, &format!("> {name}"));
        assert!(row.contains(&e.line), "home: {row}");
    }

    // The questionnaire counts every item (the text item too); the figures count scored ones.
    let progress = answered(e.progress_count, 2, Counted::Items);
    for screen in screens(&app) {
        let top = screen.lines().next().expect("a top line");
        assert!(top.contains(&e.line), "top: {top}");
        assert!(
            line_with(&screen, "Progress").contains(&progress),
            "{screen}"
        );
    }

    act(&mut app, Action::Results);
    assert!(matches!(app.screen, Screen::Results { .. }));
    for screen in screens(&app) {
        let gauge = format!("{}  —  {}", e.line, e.answered);
        assert!(screen.contains(&gauge), "results: {gauge} in\n{screen}");
        assert_section_row(&screen, e);
    }

    act(&mut app, Action::Board);
    assert!(matches!(app.screen, Screen::Board { .. }));
    let name = e
        .level_at
        .map_or("No level yet", |l| Level::at_most_3(l).name())
        .to_uppercase();
    for screen in screens(&app) {
        let score = format!("Score {} · {}   ·   {}", e.percent, e.known, e.answered);
        assert!(screen.contains(&score), "board: {score} in\n{screen}");
        let spaced: String = name.chars().flat_map(|c| [c, ' ']).collect();
        assert!(
            screen.contains(&name) || screen.contains(spaced.trim_end()),
            "board: {name} in\n{screen}"
        );
        assert_section_row(&screen, e);
    }
}

/// The section's row of bars shows its percentage and level (named where there is room).
fn assert_section_row(screen: &str, e: &Expected) {
    let row = line_with(screen, "│ Edges ");
    assert!(row.contains(&format!(" {} ", e.percent)), "section: {row}");
    let short = e
        .level_at
        .map_or_else(|| "–".to_string(), |l| Level::at_most_3(l).short());
    assert!(
        row.contains(&e.level) || row.contains(&format!(" {short}")),
        "section: {row}"
    );
}

/// On the results screen of `later`, compared (with `c`, as the app does) with `earlier`:
/// the scores before and after and the change read as on the command line.
fn assert_compared_on_screen(env: &Env, earlier: &str, later: &str, moved: &str, arrow: &str) {
    let (mut app, _) = opened(env, later);
    act(&mut app, Action::Results);
    act(&mut app, Action::Compare);
    let other = app
        .compare_candidates()
        .iter()
        .position(|r| r.id == earlier)
        .expect("offered");
    for _ in 0..other {
        act(&mut app, Action::Down);
    }
    act(&mut app, Action::Confirm);
    let compared = app
        .open
        .as_ref()
        .and_then(|o| o.compare.as_ref())
        .expect("compared");
    assert!(compared.is_before, "the earlier one is before");
    let overall = if arrow == "= 0" {
        "= no change".to_string()
    } else {
        format!("{arrow} points")
    };
    for screen in screens(&app) {
        let gauge = format!("score {moved}  {overall}");
        assert!(screen.contains(&gauge), "results: {gauge} in\n{screen}");
        let row = line_with(&screen, "│ Edges ");
        assert!(row.contains(arrow), "section: {row}");
    }
}

// ---- plain mode ----

/// Plain mode lists the assessment and closes with the figures of `e`.
fn assert_in_plain_mode(env: &Env, id: &str, e: &Expected) {
    let ws = workspace(env);
    let (_, a) = ws.load(id).expect("loads");
    let report = ws.score(&a);
    let listing = plain::listing(&a, &report);
    assert!(listing.ends_with(&e.answered), "plain: {listing}");

    let lines = plain::score_lines(&a, &report, 0).join("\n");
    assert!(
        lines.contains(&format!("{}; {};", e.line, e.answered)),
        "plain: {lines}"
    );
    let level = match e.level_at {
        Some(_) => format!("overall maturity level {}:", e.level),
        None => "overall maturity not yet assessed.".to_string(),
    };
    assert!(lines.contains(&level), "plain: {lines}");
}
