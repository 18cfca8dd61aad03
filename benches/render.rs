//! Benchmarks of the full-screen app against its budgets: one frame of every screen at
//! 200×60 — home, questionnaire, results, board, the disagreements of a merged assessment —
//! (budget 5 ms), a key press and its redraw (5 ms), and start to first frame — workspace,
//! assessment list, opening an assessment and drawing (budget 50 ms).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supplycheck::tui::action::Action;
use supplycheck::tui::app::Screen;
use supplycheck::tui::theme::Theme;
use supplycheck::tui::{App, effects, ui};
use supplycheck::workspace::Workspace;

#[path = "common.rs"]
mod common;

/// A data directory with one assessment of every built-in, a third of it answered.
fn setup() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = Workspace::open(Some(dir.path().to_path_buf()), &[]).expect("workspace");
    let (_, a) = ws.create("Bench", "Acme Ltd", None, &[]).expect("create");
    let mut app = App::new(ws, Theme::colour());
    app.open_at_start(&a.id).expect("open");
    let items = app.open.as_ref().map_or(0, |o| o.items.len());
    for n in 0..items {
        if n % 3 == 0 {
            act(&mut app, Action::Choose(2));
            act(&mut app, Action::Flag);
        }
        act(&mut app, Action::NextItem);
    }
    (dir, a.id)
}

/// Three respondents' copies of assessment `id`, differing on every fourth item, merged into
/// a new assessment in the same data directory; returns the merged id.
fn merged(dir: &std::path::Path, id: &str) -> String {
    let ws = Workspace::open(Some(dir.to_path_buf()), &[]).expect("workspace");
    let (_, base) = ws.load(id).expect("loads");
    let all = common::respondents(&base, 4);
    let inputs: Vec<_> = all
        .iter()
        .map(|a| supplycheck::merge::Input {
            source: "bench",
            assessment: a,
        })
        .collect();
    let m =
        supplycheck::merge::merge(&inputs, &ws.catalog, "merged".into(), false).expect("merges");
    supplycheck::store::create(&ws.store.path_of("merged"), &m.assessment).expect("saved");
    "merged".into()
}

/// Applies an action and performs its effects, as the event loop does.
fn act(app: &mut App, action: Action) {
    let asked = app.update(action);
    effects::perform(app, asked);
}

fn open_app(dir: &std::path::Path, id: &str) -> App {
    let ws = Workspace::open(Some(dir.to_path_buf()), &[]).expect("workspace");
    let mut app = App::new(ws, Theme::colour());
    app.open_at_start(id).expect("open");
    app
}

fn frames(c: &mut Criterion) {
    let (dir, id) = setup();
    let mut app = open_app(dir.path(), &id);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let mut group = c.benchmark_group("frame_200x60");
    for (name, screen) in [
        ("questionnaire", Screen::Questionnaire { highlight: 0 }),
        ("results", Screen::Results { selected: 0 }),
        ("board", Screen::Board { selected: 0 }),
    ] {
        app.screen = screen;
        group.bench_function(name, |b| {
            b.iter(|| {
                terminal
                    .draw(|frame| ui::view(black_box(&app), frame))
                    .expect("draw");
            });
        });
    }
    app.screen = Screen::Questionnaire { highlight: 0 };
    group.bench_function("key_press_and_redraw", |b| {
        let mut down = true;
        b.iter(|| {
            act(
                &mut app,
                if down {
                    Action::NextItem
                } else {
                    Action::PrevItem
                },
            );
            down = !down;
            terminal.draw(|frame| ui::view(&app, frame)).expect("draw");
        });
    });
    let home = App::new(
        Workspace::open(Some(dir.path().to_path_buf()), &[]).expect("workspace"),
        Theme::colour(),
    );
    group.bench_function("home", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| ui::view(black_box(&home), frame))
                .expect("draw");
        });
    });
    let merged_id = merged(dir.path(), &id);
    let mut disputes = open_app(dir.path(), &merged_id);
    act(&mut disputes, Action::Disagreements);
    assert!(
        matches!(disputes.screen, Screen::Disagreements { .. }),
        "disputes to show"
    );
    group.bench_function("disagreements", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| ui::view(black_box(&disputes), frame))
                .expect("draw");
        });
    });
    group.finish();
}

fn first_frame(c: &mut Criterion) {
    let (dir, id) = setup();
    let mut group = c.benchmark_group("start");
    group.sample_size(20);
    group.bench_function("to_first_frame", |b| {
        b.iter(|| {
            let app = open_app(dir.path(), &id);
            let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
            terminal.draw(|frame| ui::view(&app, frame)).expect("draw");
            black_box(app)
        });
    });
    group.finish();
}

criterion_group!(benches, frames, first_frame);
criterion_main!(benches);
