//! Screen snapshots drawn on ratatui's `TestBackend`, at 80×24 and 160×48, in colour and
//! without.

use super::*;

pub(super) fn draw(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| super::super::ui::view(app, frame))
        .expect("draw");
    terminal.backend().to_string()
}

/// An assessment with answers of every kind, a flag, an owner and a note.
fn answered() -> Fixture {
    let mut f = opened();
    press(&mut f.app, "3fojj<Enter>eAgreed at the workshop<Esc>");
    press(&mut f.app, "<Tab>2<Tab>1<Tab>1jx<Tab><Tab>");
    press(
        &mut f.app,
        "<Enter>We accept little risk from suppliers.<Esc>",
    );
    f.app.status = Status::None;
    f
}

fn both(name: &str, app: &App) {
    insta::assert_snapshot!(format!("{name}_80x24"), draw(app, 80, 24));
    insta::assert_snapshot!(format!("{name}_160x48"), draw(app, 160, 48));
}

#[test]
fn home() {
    let mut f = answered();
    press(&mut f.app, "<Esc>");
    let path = f.app.home[0].path.clone();
    let mut a = store::load(&path).expect("load");
    a.updated = "2026-11-22T11:32:05Z".parse().expect("a time");
    store::save(&path, &a).expect("save");
    refresh_home(&mut f.app);
    f.app.status = Status::None;
    both("home", &f.app);
}

#[test]
fn questionnaire_choice() {
    let f = answered();
    let mut app = f.app;
    press(&mut app, "gj<Enter>");
    press(&mut app, "/item a<Enter>");
    both("questionnaire_choice", &app);
}

#[test]
fn questionnaire_checklist() {
    let mut f = answered();
    press(&mut f.app, "/item d<Enter>");
    both("questionnaire_checklist", &f.app);
}

#[test]
fn questionnaire_text() {
    let mut f = answered();
    press(&mut f.app, "/strategy<Enter>");
    both("questionnaire_text", &f.app);
}

#[test]
fn note_editor() {
    let mut f = answered();
    press(&mut f.app, "/item a<Enter>e and signed off");
    both("note_editor", &f.app);
}

#[test]
fn results() {
    let mut f = answered();
    press(&mut f.app, "r");
    both("results", &f.app);
}

#[test]
fn board() {
    let mut f = answered();
    press(&mut f.app, "b");
    both("board", &f.app);
}

#[test]
fn disagreements() {
    let mut f = workshop();
    press(&mut f.app, "D");
    insta::assert_snapshot!("disagreements_notes_80x24", draw(&f.app, 80, 24));
    press(&mut f.app, "k");
    both("disagreements", &f.app);
}

#[test]
fn questionnaire_disputed() {
    let f = workshop();
    insta::assert_snapshot!("questionnaire_disputed_80x24", draw(&f.app, 80, 24));
}

#[test]
fn results_compared() {
    let mut f = answered();
    add_assessment(
        &f.app.ws,
        "Acme 2025",
        None,
        "2025-11-20T10:00:00Z",
        &[
            ("a", choice("fully")),
            ("b", choice("not")),
            ("c", choice("partial")),
        ],
    );
    press(&mut f.app, "rc1");
    f.app.status = Status::None;
    both("results_compared", &f.app);
}

#[test]
fn help() {
    let mut f = answered();
    press(&mut f.app, "?");
    both("help", &f.app);
}

#[test]
fn the_monochrome_theme_draws_without_colour_and_still_shows_focus() {
    let mut f = answered();
    f.app.theme = Theme::monochrome();
    for keys in ["/item a<Enter>", "r", "b", "?"] {
        press(&mut f.app, keys);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|frame| super::super::ui::view(&f.app, frame))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
        }
        assert!(
            buffer
                .content()
                .iter()
                .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
            "{keys}: focus shows by reverse video"
        );
    }
}

#[test]
fn the_workshop_views_draw_without_colour_too() {
    let mut f = workshop();
    f.app.theme = Theme::monochrome();
    add_assessment(&f.app.ws, "Acme 2025", None, "2025-11-20T10:00:00Z", &[]);
    for keys in ["D", "<Esc>rc1", "w"] {
        press(&mut f.app, keys);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
        terminal
            .draw(|frame| super::super::ui::view(&f.app, frame))
            .expect("draw");
        let buffer = terminal.backend().buffer();
        for cell in buffer.content() {
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "{keys}: {cell:?}");
        }
        assert!(
            buffer
                .content()
                .iter()
                .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
            "{keys}: focus shows by reverse video"
        );
    }
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("Write the board pack"), "{screen}");
    assert!(screen.contains("workshop-board-pack.html"), "{screen}");
}

#[test]
fn too_small() {
    let f = answered();
    insta::assert_snapshot!("too_small", draw(&f.app, 40, 10));
}

#[test]
fn hostile_text_never_reaches_the_terminal() {
    let mut f = opened();
    press(&mut f.app, "e");
    act(
        &mut f.app,
        Action::Paste("evil\u{1b}]0;owned\u{7}\u{1b}[2J".into()),
    );
    press(&mut f.app, "<Esc>");
    let screen = draw(&f.app, 80, 24);
    assert!(!screen.contains('\u{1b}'));
    assert!(screen.contains("evil"));
}
