//! The workshop in the app: the perception gap screen (G), the session plan dialog (T) with
//! its time keeping and `u` keeping to the plan, and the parked items on the results.

use std::time::Duration;

use super::super::keys::{Context, action_for};
use super::board::{big_workshop, built_in_workspace};
#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use crate::record::{Session, TimeBox};
use snapshots::draw;

/// Gives the open merged assessment's respondents these groups, in order.
fn with_groups(f: &mut Fixture, groups: &[&str]) {
    let open = f.app.open.as_mut().expect("open");
    for (r, g) in open.session.assessment.respondents.iter_mut().zip(groups) {
        r.group = Some((*g).to_string());
    }
}

/// The three-respondent workshop of the worked example, Alice on the board and Bob and
/// Carol staff.
fn grouped() -> Fixture {
    let mut f = workshop();
    with_groups(&mut f, &["board", "staff", "staff"]);
    f
}

/// The big built-in workshop, Alice on the board, Bob in management, Carol staff.
fn big_grouped() -> Fixture {
    let mut f = big_workshop();
    with_groups(&mut f, &["board", "management", "staff"]);
    f.app.status = Status::None;
    f
}

#[test]
fn g_on_the_results_shows_the_cores_gap_and_enter_goes_to_an_item() {
    let mut f = grouped();
    press(&mut f.app, "rG");
    assert_eq!(
        f.app.screen,
        Screen::Gap {
            selected: 0,
            results: 0
        }
    );
    let open = f.app.open.as_ref().expect("open");
    let refs: Vec<&crate::questionnaire::Questionnaire> = open.questionnaires.iter().collect();
    let expected = crate::gap::gap(&refs, &open.session.assessment).expect("gap");
    let shown = f
        .app
        .gap_report()
        .expect("worked out")
        .as_ref()
        .expect("gap");
    assert_eq!(shown, &expected, "the core's report, nothing recomputed");
    let items: Vec<&str> = shown.items.iter().map(|i| i.item.as_str()).collect();
    assert_eq!(
        items,
        ["worked-example/d", "worked-example/a"],
        "widest first"
    );
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("Alice (board) against staff"), "{screen}");
    assert!(screen.contains("gap"), "{screen}");
    // Overall and area: the board's figures and staff's, and the difference of the shown
    // percentages.
    let points = shown.shown_difference(&shown.overall).signed();
    assert!(screen.contains(&points), "{points} in {screen}");
    assert!(screen.contains("Bob (staff): 0 of 2 che"), "{screen}");
    // Enter on an area row says what Enter does; on the first item row it goes there.
    press(&mut f.app, "<Enter>");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("Enter on an item")));
    press(&mut f.app, "j<Enter>");
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    assert_eq!(current_id(&f.app), "worked-example/d");
    // Esc goes back to the gap, and from there to the results.
    press(&mut f.app, "<Esc>");
    assert!(matches!(f.app.screen, Screen::Gap { selected: 1, .. }));
    press(&mut f.app, "jjjj");
    assert_eq!(f.app.gap_selected(), 2, "stops at the last row");
    press(&mut f.app, "k<PgUp>");
    assert_eq!(f.app.gap_selected(), 0);
    press(&mut f.app, "<PgDn>");
    assert_eq!(f.app.gap_selected(), 2);
    press(&mut f.app, "?");
    assert!(matches!(f.app.mode, Mode::Help(_)));
    press(&mut f.app, "?<Esc>");
    assert!(matches!(f.app.screen, Screen::Results { .. }));
    press(&mut f.app, "Gq");
    assert!(
        matches!(f.app.screen, Screen::Results { .. }),
        "q goes back too"
    );
}

#[test]
fn g_without_groups_says_how_to_get_them() {
    let mut f = workshop();
    press(&mut f.app, "rG");
    assert!(matches!(f.app.gap_report(), Some(Err(_))));
    let screen = draw(&f.app, 80, 24);
    assert!(
        screen.contains("no respondent groups to compare"),
        "{screen}"
    );
    assert!(screen.contains("--group board"), "{screen}");
    assert!(screen.contains("merge"), "{screen}");
    let mut f = opened();
    press(&mut f.app, "rG");
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("lists no respondents"), "{screen}");
    press(&mut f.app, "<Esc>");
    assert!(matches!(f.app.screen, Screen::Results { .. }));
}

#[test]
fn the_gap_screen_at_80x24_scrolls_to_every_row_and_says_how_many_more() {
    let mut f = big_grouped();
    press(&mut f.app, "rG");
    let rows = f.app.gap_rows();
    assert!(rows > 30, "{rows} rows: areas and items");
    let first = draw(&f.app, 80, 24);
    insta::assert_snapshot!("gap_80x24", first);
    let report = f
        .app
        .gap_report()
        .expect("gap")
        .as_ref()
        .expect("gap")
        .clone();
    // The count is of rows (an area, or an item with its answers), not of lines.
    let visible = report
        .areas
        .iter()
        .filter(|a| {
            let start: String = crate::text::sanitize_line(&a.title)
                .chars()
                .take(12)
                .collect();
            first.contains(&start)
        })
        .count();
    let said = format!("{} more rows ↓", rows - visible);
    assert!(first.contains(&said), "{said} in {first}");
    let last = report.items.last().expect("items");
    let words = crate::figures::fit(&crate::text::sanitize_line(&last.prompt), 20);
    assert!(!first.contains(&words), "the last item is further down");
    for _ in 0..=rows / GAP_PAGE_FOR_TEST {
        press(&mut f.app, "<PgDn>");
    }
    assert_eq!(f.app.gap_selected(), rows - 1);
    let end = draw(&f.app, 80, 24);
    let start: String = words.chars().take(12).collect();
    assert!(end.contains(&start), "{start} in {end}");
    assert!(!end.contains("more rows ↓"), "{end}");
    press(&mut f.app, "<Esc>G");
    insta::assert_snapshot!("gap_200x60", draw(&f.app, 200, 60));
}

const GAP_PAGE_FOR_TEST: usize = 8;

/// An assessment of the built-ins, open in the questionnaire at its first item.
fn built_ins() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = built_in_workspace(dir.path());
    ws.create("Acme 2026", "Acme Ltd", None, &[])
        .expect("create");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("acme-2026").expect("opens");
    Fixture { _dir: dir, app }
}

fn section_ids(app: &App) -> Vec<String> {
    let open = app.open.as_ref().expect("open");
    (0..open.sections.len())
        .map(|n| open.section_id(n).expect("section"))
        .collect()
}

#[test]
fn t_plans_a_session_saved_at_once_and_undone_with_ctrl_z() {
    let mut f = built_ins();
    let ids = section_ids(&f.app);
    press(&mut f.app, "T");
    assert!(matches!(f.app.mode, Mode::Plan(_)));
    // The name takes every printable key, u and q included.
    press(&mut f.app, "Board workshop");
    press(&mut f.app, "<Down> <Down>2<Down><Down>45<Backspace>0");
    let Mode::Plan(form) = &f.app.mode else {
        panic!("the dialog stays open");
    };
    assert_eq!(form.name.text(), "Board workshop");
    assert_eq!(form.total(), 15 + 2 + 40);
    press(&mut f.app, "<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    let a = saved(&f.app);
    assert_eq!(
        a.plan,
        [Session {
            name: Some("Board workshop".into()),
            sections: vec![
                TimeBox {
                    section: ids[0].clone(),
                    minutes: 15
                },
                TimeBox {
                    section: ids[1].clone(),
                    minutes: 2
                },
                TimeBox {
                    section: ids[3].clone(),
                    minutes: 40
                },
            ],
        }]
    );
    assert!(
        matches!(&f.app.status, Status::Info(m) if m == "Session \"Board workshop\" planned: 3 sections, 57 min.")
    );
    // Reopened, the dialog shows the session; a section ticked off leaves it; Esc changes
    // nothing.
    press(&mut f.app, "T<Down> <Esc>");
    assert_eq!(saved(&f.app).plan, a.plan);
    assert!(matches!(&f.app.status, Status::Info(m) if m == "The plan is as it was."));
    press(&mut f.app, "T<Down><Down><Backspace><Enter>");
    assert_eq!(
        saved(&f.app).plan[0].sections.len(),
        2,
        "2 minutes, less a digit"
    );
    press(&mut f.app, "<C-z>");
    assert_eq!(saved(&f.app).plan, a.plan, "undone");
    press(&mut f.app, "<C-z>");
    assert!(saved(&f.app).plan.is_empty(), "no plan, as at first");
    // PgDn shows a new session after the last; its name must be its own.
    press(&mut f.app, "T<PgDn>");
    let Mode::Plan(form) = &f.app.mode else {
        panic!("open");
    };
    assert_eq!((form.session, form.sessions), (0, 0));
    press(&mut f.app, "<Esc>rT");
    assert!(matches!(f.app.mode, Mode::Plan(_)), "T on the results too");
}

#[test]
fn digits_typed_after_ticking_replace_the_default_within_one_bound() {
    let mut f = built_ins();
    let minutes = |app: &App| {
        let Mode::Plan(form) = &app.mode else {
            panic!("the dialog stays open");
        };
        form.rows.iter().map(|r| r.minutes).collect::<Vec<_>>()
    };
    press(&mut f.app, "TMorning<Down> 30");
    assert_eq!(minutes(&f.app)[0], Some(30), "30, not 153");
    // On coming back to a row its minutes are selected too; 0 first changes nothing.
    press(&mut f.app, "<Down><Up>045");
    assert_eq!(minutes(&f.app)[0], Some(45));
    // The core's bound: 600 minutes is the most, and more is said, not cut.
    press(&mut f.app, "<Down> 600");
    assert_eq!(minutes(&f.app)[1], Some(600));
    press(&mut f.app, "1");
    assert_eq!(minutes(&f.app)[1], Some(600), "6001 is refused");
    assert!(
        matches!(&f.app.status, Status::Info(m) if m == "A time box is at most 600 minutes (10 hours)."),
        "{:?}",
        f.app.status
    );
    press(&mut f.app, "<Backspace><Backspace>1");
    assert_eq!(minutes(&f.app)[1], Some(61));
    press(&mut f.app, "<Down> 9999");
    assert_eq!(minutes(&f.app)[2], Some(99), "not 159");
    press(&mut f.app, "<Enter>");
    let boxes: Vec<u32> = saved(&f.app).plan[0]
        .sections
        .iter()
        .map(|tb| tb.minutes)
        .collect();
    assert_eq!(boxes, [45, 61, 99]);
}

#[test]
fn the_plan_confirmation_is_said_whole_at_80_columns_until_the_next_key() {
    let mut f = built_ins();
    plan(&mut f, &[(0, 15)]);
    at(&mut f.app, 0);
    assert!(status_line(&f.app).contains("15 min left · on time"));
    press(&mut f.app, "T<Down><Down> 30<Down> 99<Enter>");
    let said = "Session \"Morning\" planned: 3 sections, 2 h 24 min.";
    assert!(
        matches!(&f.app.status, Status::Info(m) if m == said),
        "{:?}",
        f.app.status
    );
    let line = status_line(&f.app);
    assert!(
        line.contains(said) && !line.contains("left"),
        "whole, not cut into the pace: {line}"
    );
    press(&mut f.app, "?<Esc>");
    assert!(status_line(&f.app).contains("on time"), "the pace is back");
}

/// Plans one session: `minutes` for each of the sections given by index.
fn plan(f: &mut Fixture, boxes: &[(usize, u32)]) {
    let ids = section_ids(&f.app);
    let open = f.app.open.as_mut().expect("open");
    open.session.assessment.plan = vec![Session {
        name: Some("Morning".into()),
        sections: boxes
            .iter()
            .map(|(n, m)| TimeBox {
                section: ids[*n].clone(),
                minutes: *m,
            })
            .collect(),
    }];
}

fn at(app: &mut App, secs: u64) {
    app.now = Duration::from_secs(secs);
    act(app, Action::Idle);
}

fn status_line(app: &App) -> String {
    draw(app, 80, 24)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_status_line_keeps_time_and_the_end_of_a_box_is_said_once() {
    let mut f = built_ins();
    plan(&mut f, &[(0, 1), (1, 5)]);
    at(&mut f.app, 0);
    assert!(status_line(&f.app).contains("1 min left · on time"));
    at(&mut f.app, 30);
    let pace = f.app.pace().expect("a pace");
    assert_eq!(pace.left, Duration::from_secs(30));
    assert_eq!(f.app.status, Status::None, "nothing said yet");
    at(&mut f.app, 61);
    assert!(
        matches!(&f.app.status, Status::Info(m) if m.starts_with("Time is up for") && m.contains("(1 min); the session is 1 min behind")),
        "{:?}",
        f.app.status
    );
    f.app.status = Status::None;
    for secs in [62, 90, 200] {
        at(&mut f.app, secs);
        assert_eq!(f.app.status, Status::None, "said once, at {secs} s");
    }
    assert!(
        status_line(&f.app).contains("time is up, 3 min over · 3 min behind"),
        "{}",
        status_line(&f.app)
    );
    // The next section's box counts from when it is reached.
    press(&mut f.app, "g2");
    at(&mut f.app, 260);
    let pace = f.app.pace().expect("a pace");
    assert_eq!(pace.index, 1);
    assert_eq!(pace.left, Duration::from_secs(240));
    assert!(
        pace.on_time,
        "260 s spent, 6 min planned up to the end of this section"
    );
}

#[test]
fn time_is_counted_only_while_a_plan_is_set_and_not_outside_its_sections() {
    let mut f = built_ins();
    at(&mut f.app, 0);
    at(&mut f.app, 600);
    assert!(f.app.pace().is_none());
    assert!(f.app.timer.spent.is_empty(), "{:?}", f.app.timer.spent);
    plan(&mut f, &[(1, 10)]);
    at(&mut f.app, 700);
    assert!(f.app.pace().is_none(), "the first section is not planned");
    assert!(!status_line(&f.app).contains("left"));
}

#[test]
fn u_keeps_to_the_planned_sections_and_falls_back_to_every_item() {
    let mut f = built_ins();
    let open = f.app.open.as_ref().expect("open");
    let second = open.sections[1].first;
    let third = open.sections[2].first;
    press(&mut f.app, "u");
    assert_eq!(
        f.app.open.as_ref().expect("open").current,
        1,
        "no plan: the next item"
    );
    plan(&mut f, &[(2, 10), (1, 10)]);
    press(&mut f.app, "u");
    assert_eq!(
        f.app.open.as_ref().expect("open").current,
        third,
        "the plan's first section"
    );
    // From the last item of the third section, u goes on in the plan's order: the second.
    let last_of_third = third + f.app.open.as_ref().expect("open").sections[2].len - 1;
    act(&mut f.app, Action::Idle);
    f.app.open.as_mut().expect("open").current = last_of_third;
    press(&mut f.app, "u");
    assert_eq!(f.app.open.as_ref().expect("open").current, second);
}

#[test]
fn the_plan_dialog_at_80x24_and_200x60() {
    let mut f = built_ins();
    press(
        &mut f.app,
        "TBoard workshop<Down> <Down>20<Down><Down><Down>",
    );
    f.app.status = Status::None;
    insta::assert_snapshot!("plan_dialog_80x24", draw(&f.app, 80, 24));
    insta::assert_snapshot!("plan_dialog_200x60", draw(&f.app, 200, 60));
}

#[test]
fn parked_items_are_listed_on_the_results_and_enter_goes_to_one() {
    let mut f = opened();
    press(&mut f.app, "3fPn");
    let parked_at = f.app.open.as_ref().expect("open").current - 1;
    press(&mut f.app, "r");
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("Parked for later · 1"), "{screen}");
    let actions = f.app.open.as_ref().expect("open").pack.action_plan.len();
    for _ in 0..actions {
        press(&mut f.app, "j");
    }
    assert_eq!(f.app.plan_selected(), actions, "the parked row");
    press(&mut f.app, "j");
    assert_eq!(f.app.plan_selected(), actions, "the last row");
    press(&mut f.app, "<Enter>");
    assert_eq!(f.app.open.as_ref().expect("open").current, parked_at);
    assert!(matches!(f.app.screen, Screen::Questionnaire { .. }));
    // Taken off the parked list, the panel goes.
    press(&mut f.app, "Pr");
    assert!(!draw(&f.app, 80, 24).contains("Parked for later"));
}

#[test]
fn the_workshop_keys_are_in_the_key_table_help_and_hints() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let key = |c: KeyCode| KeyEvent::new(c, KeyModifiers::NONE);
    let ch = |c: char| key(KeyCode::Char(c));
    assert_eq!(
        action_for(Context::Results, &ch('G')),
        Some(Action::PerceptionGap)
    );
    assert_eq!(
        action_for(Context::Results, &ch('T')),
        Some(Action::TimePlan)
    );
    assert_eq!(action_for(Context::Item, &ch('T')), Some(Action::TimePlan));
    assert_eq!(action_for(Context::Gap, &ch('j')), Some(Action::Down));
    assert_eq!(
        action_for(Context::Gap, &key(KeyCode::PageDown)),
        Some(Action::PageDown)
    );
    assert_eq!(
        action_for(Context::Gap, &key(KeyCode::Enter)),
        Some(Action::Open)
    );
    assert_eq!(action_for(Context::Gap, &ch('r')), Some(Action::Back));
    assert_eq!(
        action_for(Context::Plan, &ch('q')),
        Some(Action::Input('q'))
    );
    assert_eq!(
        action_for(Context::Plan, &ch('u')),
        Some(Action::Input('u'))
    );
    assert_eq!(
        action_for(Context::Plan, &key(KeyCode::PageDown)),
        Some(Action::NextSession)
    );
    assert_eq!(
        action_for(Context::Plan, &key(KeyCode::Enter)),
        Some(Action::Confirm)
    );
    assert_eq!(
        action_for(
            Context::Plan,
            &KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)
        ),
        Some(Action::Quit)
    );
    let hints = super::super::keys::hints(Context::Results);
    assert!(hints.contains(&("G", "gap")), "{hints:?}");
    let help = super::super::keys::help(Context::Gap);
    assert_eq!(
        help[0].0,
        "Perception gap (a merged assessment with groups)"
    );
    let results = help.iter().find(|(h, _)| *h == "Results").expect("results");
    assert!(results.1.iter().any(|(k, _)| *k == "G"));
    assert!(results.1.iter().any(|(k, _)| *k == "T"));
    assert!(
        help.iter()
            .any(|(h, rows)| h.starts_with("Session plan") && !rows.is_empty())
    );
}
