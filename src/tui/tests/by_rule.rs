//! Items whose `when` condition does not hold: shown as not asked, skipped by `u`, and the
//! answer keys refuse with a message that says why.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use crate::questionnaire::Tier;
use crate::record::Subject;

const SUPPLIER: &str = include_str!("../../../tests/fixtures/supplier-when.json");

/// A low-tier supplier assessment of the supplier fixture, `holds-data` answered yes, open.
fn low_supplier() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let (q, _) = Questionnaire::load_str(SUPPLIER, "supplier-when.json").expect("fixture loads");
    let mut catalog = Catalog::default();
    catalog.insert(q);
    let ws = Workspace {
        store: Store::at(dir.path().to_path_buf()),
        catalog,
    };
    let subject = Subject::Supplier {
        name: "Payroll Co".into(),
        tier: Some(Tier::Low),
        services: vec!["payroll".into()],
    };
    let (path, mut a) = ws
        .create_for(
            "Payroll Co",
            "Acme Ltd",
            None,
            &["supplier-when".to_string()],
            Some(subject),
        )
        .expect("create");
    a.answers
        .insert("supplier-when/holds-data".into(), choice("yes"));
    store::save(&path, &a).expect("save");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start(&a.id).expect("opens");
    Fixture { _dir: dir, app }
}

#[test]
fn next_unanswered_skips_the_items_that_do_not_apply() {
    let mut f = low_supplier();
    assert_eq!(current_id(&f.app), "supplier-when/data-terms");
    press(&mut f.app, "u");
    assert_eq!(current_id(&f.app), "supplier-when/review");
}

#[test]
fn answer_keys_on_an_item_not_asked_refuse_and_say_why() {
    let mut f = low_supplier();
    press(&mut f.app, "<Tab>");
    assert_eq!(current_id(&f.app), "supplier-when/audit");
    for key in ["2", " ", "a"] {
        press(&mut f.app, key);
        assert!(
            matches!(&f.app.status, Status::Info(m)
                if m.contains("Not asked: only asked for critical and high suppliers")),
            "{key}: {:?}",
            f.app.status
        );
    }
    assert!(saved(&f.app).answer("supplier-when/audit").is_none());
    f.app.status = Status::None;
    insta::assert_snapshot!("by_rule_item_80x24", snapshots::draw(&f.app, 80, 24));
}

#[test]
fn an_item_that_applies_is_answered_as_ever() {
    let mut f = low_supplier();
    press(&mut f.app, "3");
    assert_eq!(
        saved(&f.app).answers["supplier-when/data-terms"].choice(),
        Some("largely")
    );
}

#[test]
fn the_progress_line_counts_only_the_items_asked() {
    let f = low_supplier();
    // 8 items; audit, exit-test and deletion-proof are not asked of a low-tier supplier.
    assert_eq!(f.app.open.as_ref().expect("open").progress(), (1, 5));
}
