//! The app offers a newer questionnaire version on the results screen and upgrades after
//! asking, losing nothing.

use super::snapshots::draw;
use super::*;

const VERSION_2: &str = include_str!("../../../tests/fixtures/worked-example-2.json");

/// An app in the results of an assessment answered on 1.0.0, with 2.0.0 available.
fn on_an_old_version() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = workspace(dir.path());
    add_assessment(
        &old,
        "Acme 2025",
        None,
        "2025-11-02T09:00:00Z",
        &[
            ("a", choice("fully")),
            ("b", choice("partial")),
            ("c", choice("largely")),
            ("d", ticked(&["x", "y"])),
        ],
    );
    let ws = Workspace {
        store: Store::at(dir.path().to_path_buf()),
        catalog: Catalog::with_built_ins(
            &[("worked-example", VERSION_2)],
            &[("worked-example", EXAMPLE)],
        ),
    };
    let mut app = App::new(ws, Theme::monochrome());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("acme-2025").expect("opens");
    press(&mut app, "r");
    Fixture { _dir: dir, app }
}

#[test]
fn the_results_offer_the_newer_version_and_u_upgrades_after_asking() {
    let Fixture { _dir, mut app } = on_an_old_version();
    assert_eq!(app.screen, Screen::Results { selected: 0 });
    let screen = draw(&app, 120, 40);
    assert!(
        screen.contains("A newer version 2.0.0 of worked-example exists: press U"),
        "{screen}"
    );

    press(&mut app, "U");
    assert!(matches!(&app.mode, Mode::ConfirmUpgrade(n) if n[0].newest == "2.0.0"));
    let dialog = draw(&app, 120, 40);
    assert!(
        dialog.contains("Move worked-example from version 1.0.0 to 2.0.0?"),
        "{dialog}"
    );
    press(&mut app, "n");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        saved(&app).questionnaires[0].version,
        "1.0.0",
        "nothing changed"
    );

    press(&mut app, "U y");
    assert_eq!(app.mode, Mode::Normal);
    let after = saved(&app);
    assert_eq!(after.questionnaires[0].version, "2.0.0");
    assert_eq!(after.answers["worked-example/b2"].choice(), Some("some"));
    let retired: Vec<&str> = after.retired.iter().map(|r| r.item.as_str()).collect();
    assert_eq!(retired, ["worked-example/d", "worked-example/c"]);
    assert!(after.retired.iter().all(|r| r.version == "1.0.0"));
    let Status::Info(said) = &app.status else {
        panic!("{:?}", app.status);
    };
    assert!(
        said.starts_with(
            "Upgraded worked-example 1.0.0 → 2.0.0: 3 carried, 2 retired (kept in the file), 1 \
             new unanswered. The file as it was is kept as "
        ),
        "{said}"
    );
    let backup = store::load(&store::backup_path(
        &app.open.as_ref().expect("open").session.path,
    ))
    .expect("backup");
    assert_eq!(backup.questionnaires[0].version, "1.0.0");
    let open = app.open.as_ref().expect("open");
    assert!(open.newer.is_empty());
    assert_eq!(open.questionnaires[0].version, "2.0.0");
    assert!(!draw(&app, 120, 40).contains("A newer version"));
    press(&mut app, "U");
    assert_eq!(app.mode, Mode::Normal, "nothing newer to ask about");
}
