//! The portfolio at scale: 500 supplier assessments of the three built-in questionnaires
//! (145 items each, every item answered, notes on a third), written into a temporary folder.
//! Budgets: `portfolio --json` end to end (read the folder, build, serialise) under 1 s and
//! 100 MB; building the portfolio model the app's screen draws from under 200 ms; and the
//! app's portfolio screen opening — `P` on home, the folder read and the model built by the
//! effect, the first frame drawn at 200×60 on a `TestBackend` — under 200 ms.
//! Run with `cargo bench --bench portfolio`; prints the peak resident set size (Linux) first.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use supplycheck::assessment::{Answer, Assessment, Value};
use supplycheck::catalog::Catalog;
use supplycheck::portfolio::{Options, Portfolio, read_folder};
use supplycheck::questionnaire::{ItemKind, Tier};
use supplycheck::record::Subject;
use supplycheck::tui::action::Action;
use supplycheck::tui::theme::Theme;
use supplycheck::tui::{App, effects, ui};
use supplycheck::workspace::Workspace;

/// How many supplier assessments the folder holds.
const SUPPLIERS: usize = 500;

/// The process's peak resident set size in KiB, from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Supplier `n`'s assessment of the built-ins, every item answered.
fn supplier(catalog: &Catalog, n: usize) -> Assessment {
    let qs: Vec<_> = Catalog::built_in_ids()
        .into_iter()
        .filter_map(|id| catalog.get(id))
        .collect();
    let mut a = Assessment::new(
        format!("supplier-{n:03}"),
        format!("Supplier {n} review"),
        "Acme Ltd".into(),
        None,
        &qs,
    );
    a.subject = Some(Subject::Supplier {
        name: format!("Supplier {}", n % 450),
        tier: Some(Tier::ALL[n % 4]),
        services: vec![format!("service-{}", n % 60), format!("service-{}", n % 97)],
    });
    for q in &qs {
        for (i, (_, item)) in q.items().enumerate() {
            let value = match item.kind {
                ItemKind::Choice => {
                    let options = q.options(item);
                    Value::Choice(options[(n + i) % options.len()].key.clone())
                }
                ItemKind::Checklist => Value::Checklist {
                    ticked: item
                        .checks
                        .iter()
                        .step_by(2)
                        .map(|c| c.id.clone())
                        .collect(),
                    na_checks: vec![],
                },
                ItemKind::Text => Value::Text("Our answer, in a sentence or two.".into()),
            };
            let mut answer = Answer::from(value);
            if i % 3 == 0 {
                answer.note = Some("What the workshop said about it, briefly.".into());
            }
            answer.flag = i % 11 == 0;
            a.answers.insert(format!("{}/{}", q.id, item.id), answer);
        }
    }
    a
}

/// The app at home over the data directory `dir`.
fn app_at_home(dir: &Path) -> App {
    let ws = Workspace::open(Some(dir.to_path_buf()), &[]).expect("workspace");
    App::new(ws, Theme::colour())
}

/// `P` on home as the event loop does it: the action, then its effect (reading the folder
/// and building the model), then the first frame of the screen at 200×60.
fn open_portfolio_screen(
    app: &mut App,
    terminal: &mut ratatui::Terminal<ratatui::backend::TestBackend>,
) {
    let asked = app.update(Action::Portfolio);
    effects::perform(app, asked);
    terminal.draw(|frame| ui::view(app, frame)).expect("draw");
    assert!(!app.portfolio.is_empty());
    app.update(Action::Back);
}

/// Writes the folder of supplier assessments.
fn write_folder(dir: &Path) {
    let catalog = Catalog::built_in();
    for n in 0..SUPPLIERS {
        let a = supplier(&catalog, n);
        supplycheck::store::save(&dir.join(format!("{}.json", a.id)), &a).expect("saves");
    }
}

/// `portfolio --json` without printing: read the folder, build, serialise.
fn portfolio_json(dir: &Path) -> String {
    let catalog = Catalog::built_in();
    let folder = read_folder(dir).expect("reads");
    let now = supplycheck::stamp::now();
    Portfolio::build(&catalog, &folder, &Options::default(), now).to_json()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` asks every bench for its names
    }
    // A data directory: the assessments in its `assessments` folder, which `read_folder`
    // reads when given the data directory.
    let data = tempfile::tempdir().expect("tempdir");
    let dir = data.path().join("assessments");
    std::fs::create_dir(&dir).expect("folder");
    write_folder(&dir);
    let bytes: u64 = std::fs::read_dir(&dir)
        .expect("lists")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();

    let before = peak_rss_kib();
    let started = std::time::Instant::now();
    let json = portfolio_json(&dir);
    let took = started.elapsed();
    assert!(json.contains("\"rows\""));
    match (before, peak_rss_kib()) {
        (Some(b), Some(p)) => println!(
            "portfolio/{SUPPLIERS}_json: one cold run {:.0} ms; peak resident {:.1} MB (after \
             writing the folder {:.1} MB; {:.1} MB of assessment files)",
            took.as_secs_f64() * 1000.0,
            p as f64 / 1024.0,
            b as f64 / 1024.0,
            bytes as f64 / 1_048_576.0
        ),
        _ => println!(
            "portfolio/{SUPPLIERS}_json: one cold run {:.0} ms; peak resident size not \
             available on this platform",
            took.as_secs_f64() * 1000.0
        ),
    }

    let mut c = Criterion::default().configure_from_args().sample_size(10);
    c.bench_function("portfolio/500_json_end_to_end", |b| {
        b.iter(|| black_box(portfolio_json(black_box(&dir))));
    });
    let catalog = Catalog::built_in();
    let folder = read_folder(&dir).expect("reads");
    let now = supplycheck::stamp::now();
    c.bench_function("portfolio/500_build_model", |b| {
        b.iter(|| {
            black_box(Portfolio::build(
                &catalog,
                black_box(&folder),
                &Options::default(),
                now,
            ))
        });
    });
    let mut app = app_at_home(data.path());
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 60)).expect("terminal");
    let started = std::time::Instant::now();
    open_portfolio_screen(&mut app, &mut terminal);
    println!(
        "portfolio/{SUPPLIERS}_app_screen_opens_200x60: one cold run {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
    c.bench_function("portfolio/500_app_screen_opens_200x60", |b| {
        b.iter(|| open_portfolio_screen(black_box(&mut app), &mut terminal));
    });
    c.final_summary();
}
