//! Workshops: settling the disagreements of a merged assessment, and comparing with
//! another assessment.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;

#[test]
fn disagreements_are_listed_by_spread_and_settled_with_a_respondents_answer() {
    let mut f = workshop();
    let open = f.app.open.as_ref().expect("open");
    let listed: Vec<(&str, f64)> = open
        .disputes
        .iter()
        .map(|d| (d.item.as_str(), (d.spread * 100.0).round()))
        .collect();
    assert_eq!(
        listed,
        [("worked-example/d", 100.0), ("worked-example/a", 33.0)]
    );
    press(&mut f.app, "D");
    assert!(matches!(f.app.screen, Screen::Disagreements { .. }));
    assert_eq!(
        f.app.dispute_cursor().0,
        0,
        "the widest first, from the top"
    );
    press(&mut f.app, "k2");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/d"].ticked(),
        Some(&[][..]),
        "Bob ticked nothing"
    );
    assert!(!a.disputed("worked-example/d"));
    assert_eq!(a.responses["worked-example/d"].len(), 3, "kept");
    assert_eq!(
        a.settled["worked-example/d"].from.as_deref(),
        Some("Bob"),
        "whose answer was taken"
    );
    assert!(a.disputed("worked-example/a"), "the other stays");
    assert_eq!(f.app.saved_at.as_deref(), Some("12:00:00"));
    assert!(
        matches!(&f.app.status, Status::Info(m) if m == "Settled with Bob's answer (0 of 2 checks in place); 1 left.")
    );
    let open = f.app.open.as_ref().expect("open");
    assert_eq!(open.disputes.len(), 1);
    assert_eq!(open.disputes[0].item, "worked-example/a");
    // There is no fourth respondent; → and Space settle with the highlighted one.
    press(&mut f.app, "4");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("no respondent 4")));
    press(&mut f.app, "<Right> ");
    let a = saved(&f.app);
    assert_eq!(a.answers["worked-example/a"].choice(), Some("largely"));
    assert_eq!(
        a.answers["worked-example/a"].note.as_deref(),
        Some("Alice: Audited in March"),
        "the merged note stays"
    );
    assert!(a.disputes().is_empty());
    assert_eq!(a.responses.len(), 2, "every response is kept");
    assert!(
        matches!(&f.app.status, Status::Info(m) if m.contains("Every disagreement is settled"))
    );
    press(&mut f.app, "<Esc>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    press(&mut f.app, "D");
    assert!(
        matches!(f.app.screen, Screen::Questionnaire { .. }),
        "nothing left to show"
    );
}

#[test]
fn enter_in_the_disagreements_goes_to_the_item() {
    let mut f = workshop();
    press(&mut f.app, "Dk<Enter>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    assert_eq!(current_id(&f.app), "worked-example/d");
    // A click on the second row of the list highlights it; a second click goes there.
    press(&mut f.app, "D");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 10,
        row: 6,
        modifiers: KeyModifiers::NONE,
    });
    let action = action_for_event(&f.app, Rect::new(0, 0, 80, 24), &click);
    assert_eq!(action, Some(Action::ClickRow(1)));
    act(&mut f.app, Action::ClickRow(1));
    act(&mut f.app, Action::ClickRow(1));
    assert_eq!(current_id(&f.app), "worked-example/a");
}

#[test]
fn answering_a_disputed_item_settles_it_and_u_finds_disputed_items() {
    let mut f = workshop();
    assert_eq!(
        current_id(&f.app),
        "worked-example/a",
        "the first unanswered"
    );
    press(&mut f.app, "u");
    assert_eq!(current_id(&f.app), "worked-example/c");
    press(&mut f.app, "u");
    assert_eq!(
        current_id(&f.app),
        "worked-example/d",
        "a disputed item is unanswered"
    );
    // A note is not an answer: the dispute stays.
    press(&mut f.app, "eTo discuss<Esc>");
    assert!(saved(&f.app).disputed("worked-example/d"));
    press(&mut f.app, "1");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/d"].ticked(),
        Some(&["x".to_string()][..])
    );
    assert!(!a.disputed("worked-example/d"));
    assert!(a.responses.contains_key("worked-example/d"), "kept");
    assert_eq!(a.settled["worked-example/d"].from, None, "a new answer");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("settled")));
    press(&mut f.app, "/item a<Enter>3");
    let a = saved(&f.app);
    assert_eq!(a.answers["worked-example/a"].choice(), Some("largely"));
    assert!(a.disputes().is_empty());
    assert!(f.app.open.as_ref().expect("open").disputes.is_empty());
}

/// The worked example answered so that the score moves by a known amount: before, A is
/// not implemented (0) and B fully (1), a score of 2/6 (the unanswered C, D and E count 0);
/// after, A fully (1) and B partially (0.33), a score of 1.66/6. The change: −5 points.
fn compared(other_updated: &str) -> Fixture {
    let mut f = at_home();
    add_assessment(
        &f.app.ws,
        "Acme 2025",
        None,
        other_updated,
        &[("a", choice("not")), ("b", choice("fully"))],
    );
    refresh_home(&mut f.app);
    let row = f
        .app
        .home
        .iter()
        .position(|r| r.name == "Acme 2026")
        .expect("listed");
    f.app.screen = Screen::Home { selected: row };
    press(&mut f.app, "<Enter>4<Tab>2r");
    f
}

#[test]
fn comparing_shows_each_sections_change() {
    let mut f = compared("2025-11-20T10:00:00Z");
    press(&mut f.app, "c");
    assert!(matches!(f.app.mode, Mode::Picker(_)));
    assert_eq!(f.app.compare_candidates().len(), 1, "not the open one");
    press(&mut f.app, "1");
    let open = f.app.open.as_ref().expect("open");
    let c = open.compare.as_ref().expect("compared");
    assert!(c.is_before);
    let change = c.section("worked-example/planning").expect("section");
    assert_eq!(change.direction(), Some(std::cmp::Ordering::Less));
    let delta = change.score_delta.expect("delta");
    assert!((delta - (1.66 - 2.0) / 6.0).abs() < 1e-9, "{delta}");
    let screen = snapshots::draw(&f.app, 100, 30);
    assert!(
        screen.contains("compared with Acme 2025 (before)"),
        "{screen}"
    );
    assert!(screen.contains("33 % → 28 %  ▼ -5"), "{screen}");
    // The comparison follows a change to the open assessment.
    press(&mut f.app, "<Esc>3r");
    let open = f.app.open.as_ref().expect("open");
    let change = open.compare.as_ref().expect("kept").comparison.overall;
    assert!((change.score_delta.expect("delta") - (1.0 + 2.0 * 0.67 - 2.0) / 6.0).abs() < 1e-9);
    // c again stops comparing.
    press(&mut f.app, "c");
    assert!(f.app.open.as_ref().expect("open").compare.is_none());
    assert!(!snapshots::draw(&f.app, 100, 30).contains("compared with"));
}

#[test]
fn the_board_pack_written_while_comparing_says_what_changed() {
    let mut f = compared("2025-11-20T10:00:00Z");
    let out = tempfile::tempdir().expect("tempdir");
    f.app.report_dir = Some(out.path().to_path_buf());
    press(&mut f.app, "c1w");
    let Mode::WriteReport(form) = &f.app.mode else {
        panic!("the file dialog is open");
    };
    let name = form.file.text().replace(".html", ".md");
    press(
        &mut f.app,
        "<Backspace><Backspace><Backspace><Backspace>md<Enter>",
    );
    let md = std::fs::read_to_string(out.path().join(&name)).expect("written");
    assert!(md.contains("## Appendix: since Acme 2025"), "{md}");
    assert_eq!(
        f.app.status,
        Status::Info(format!("Wrote {name}, with what changed since Acme 2025"))
    );
    // Without a comparison, the pack is the plain one.
    press(
        &mut f.app,
        "cw<Backspace><Backspace><Backspace><Backspace>md<Enter><Enter>",
    );
    assert_eq!(f.app.status, Status::Info(format!("Wrote {name}")));
    let md = std::fs::read_to_string(out.path().join(&name)).expect("written");
    assert!(!md.contains("## Since"), "{md}");
}

#[test]
fn a_later_assessment_is_after_and_no_comparison_clears_it() {
    let mut f = compared("2099-01-01T00:00:00Z");
    press(&mut f.app, "c<Enter>");
    let c = f
        .app
        .open
        .as_ref()
        .expect("open")
        .compare
        .as_ref()
        .expect("compared");
    assert!(!c.is_before);
    assert_eq!(
        c.comparison.overall.direction(),
        Some(std::cmp::Ordering::Greater)
    );
    let screen = snapshots::draw(&f.app, 100, 30);
    assert!(
        screen.contains("compared with Acme 2025 (after)"),
        "{screen}"
    );
    assert!(screen.contains("▲ +5"), "{screen}");
    press(&mut f.app, "c");
    press(&mut f.app, "c");
    press(&mut f.app, "j<Enter>");
    assert!(f.app.open.as_ref().expect("open").compare.is_none());
}

#[test]
fn c_at_home_opens_the_results_with_the_comparison_picker() {
    let mut f = compared("2025-11-20T10:00:00Z");
    press(&mut f.app, "q");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    press(&mut f.app, "q");
    assert!(matches!(f.app.screen, Screen::Home { .. }));
    let row = f
        .app
        .home
        .iter()
        .position(|r| r.name == "Acme 2026")
        .expect("listed");
    f.app.screen = Screen::Home { selected: row };
    press(&mut f.app, "c");
    assert!(matches!(f.app.screen, Screen::Results { .. }));
    assert!(matches!(f.app.mode, Mode::Picker(_)));
    press(&mut f.app, "<Enter>");
    assert!(f.app.open.as_ref().expect("open").compare.is_some());
}
