//! Benchmarks of the full-screen app against its budgets: one frame of the questionnaire,
//! results and board screens at 200×60 (budget 5 ms), a key press and its redraw (5 ms), and
//! start to first frame — workspace, assessment list, opening an assessment and drawing
//! (budget 50 ms).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use supplycheck::tui::action::Action;
use supplycheck::tui::app::Screen;
use supplycheck::tui::theme::Theme;
use supplycheck::tui::{App, ui};
use supplycheck::workspace::Workspace;

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
            app.update(Action::Choose(2));
            app.update(Action::Flag);
        }
        app.update(Action::NextItem);
    }
    (dir, a.id)
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
        ("questionnaire", Screen::Questionnaire),
        ("results", Screen::Results),
        ("board", Screen::Board),
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
    app.screen = Screen::Questionnaire;
    group.bench_function("key_press_and_redraw", |b| {
        let mut down = true;
        b.iter(|| {
            app.update(if down {
                Action::NextItem
            } else {
                Action::PrevItem
            });
            down = !down;
            terminal.draw(|frame| ui::view(&app, frame)).expect("draw");
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
