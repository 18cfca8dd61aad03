//! Changing a supplier's tier and services from the questionnaire (`T`): saved at once, the
//! items' conditions follow the tier, every answer is kept and the figures come back when
//! the tier does.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use crate::questionnaire::Tier;
use crate::record::Subject;
use crate::scoring::ItemValue;
use crate::tui::app::{SupplierField, SupplierForm};
use crate::tui::keys;

const SUPPLIER: &str = include_str!("../../../tests/fixtures/supplier-when.json");

/// A critical supplier assessment of the supplier fixture with every item answered, open.
fn critical_supplier() -> Fixture {
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
        tier: Some(Tier::Critical),
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
    for (item, answer) in [
        ("holds-data", choice("yes")),
        ("data-terms", choice("largely")),
        ("audit", choice("fully")),
        ("exit-test", ticked(&["deletion"])),
        ("deletion-proof", choice("yes")),
        ("review", choice("partial")),
        ("review-3", choice("not")),
    ] {
        a.answers.insert(format!("supplier-when/{item}"), answer);
    }
    store::save(&path, &a).expect("save");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start(&a.id).expect("opens");
    Fixture { _dir: dir, app }
}

fn tier_on_disk(app: &App) -> Option<Tier> {
    match saved(app).subject {
        Some(Subject::Supplier { tier, .. }) => tier,
        other => panic!("not a supplier: {other:?}"),
    }
}

fn by_rule(app: &App) -> Vec<String> {
    let open = app.open.as_ref().expect("open");
    (0..open.items.len())
        .filter(|n| open.value_at(*n) == ItemValue::ByRule)
        .map(|n| open.items[n].full.clone())
        .collect()
}

#[test]
fn tier_critical_to_low_and_back_keeps_every_answer_and_the_figures_return() {
    let mut f = critical_supplier();
    let answers = saved(&f.app).answers;
    let figures = f.app.open.as_ref().expect("open").pack.overall.clone();
    assert!(by_rule(&f.app).is_empty());

    // T opens the dialog on the tier; 4 chooses low; Enter saves.
    press(&mut f.app, "S");
    assert_eq!(f.app.context(), keys::Context::Supplier);
    press(&mut f.app, "4<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(tier_on_disk(&f.app), Some(Tier::Low));
    assert_eq!(saved(&f.app).answers, answers, "no answer is deleted");
    assert_eq!(
        by_rule(&f.app),
        [
            "supplier-when/audit",
            "supplier-when/exit-test",
            "supplier-when/deletion-proof"
        ]
    );
    let low = f.app.open.as_ref().expect("open").pack.overall.clone();
    assert_ne!(low, figures);
    assert!(
        matches!(&f.app.status, Status::Info(m) if m.contains("Tier low: 3 items are not asked")),
        "{:?}",
        f.app.status
    );

    // Back to critical with Space from "low": none, then critical.
    press(&mut f.app, "S  <Enter>");
    assert_eq!(tier_on_disk(&f.app), Some(Tier::Critical));
    assert_eq!(saved(&f.app).answers, answers);
    assert!(by_rule(&f.app).is_empty());
    assert_eq!(f.app.open.as_ref().expect("open").pack.overall, figures);
}

#[test]
fn the_dialog_edits_the_services_and_undo_takes_the_change_back() {
    let mut f = critical_supplier();
    press(&mut f.app, "S<Tab>");
    assert!(matches!(
        &f.app.mode,
        Mode::Supplier(SupplierForm {
            field: SupplierField::Services,
            ..
        })
    ));
    press(&mut f.app, ", HR<Enter>");
    let Some(Subject::Supplier { services, tier, .. }) = saved(&f.app).subject else {
        panic!("a supplier");
    };
    assert_eq!(services, ["payroll", "HR"]);
    assert_eq!(tier, Some(Tier::Critical));
    press(&mut f.app, "<C-z>");
    let Some(Subject::Supplier { services, .. }) = saved(&f.app).subject else {
        panic!("a supplier");
    };
    assert_eq!(services, ["payroll"]);
}

#[test]
fn esc_leaves_the_supplier_as_it_was_and_left_arrow_steps_back() {
    let mut f = critical_supplier();
    press(&mut f.app, "S<Left>");
    assert!(matches!(
        &f.app.mode,
        Mode::Supplier(SupplierForm { tier: None, .. })
    ));
    press(&mut f.app, "<Right><Right>");
    assert!(matches!(
        &f.app.mode,
        Mode::Supplier(SupplierForm {
            tier: Some(Tier::High),
            ..
        })
    ));
    insta::assert_snapshot!("supplier_dialog_80x24", snapshots::draw(&f.app, 80, 24));
    press(&mut f.app, "<Esc>");
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(tier_on_disk(&f.app), Some(Tier::Critical));
}

#[test]
fn an_organisation_assessment_has_no_tier_to_change() {
    let mut f = opened();
    press(&mut f.app, "S");
    assert_eq!(f.app.mode, Mode::Normal);
    assert!(
        matches!(&f.app.status, Status::Info(m) if m.contains("not of one supplier")),
        "{:?}",
        f.app.status
    );
}

#[test]
fn a_service_typed_twice_is_kept_once() {
    let mut f = critical_supplier();
    press(&mut f.app, "S<Tab>");
    press(&mut f.app, ", PAYROLL, hr<Enter>");
    let Some(Subject::Supplier { services, .. }) = saved(&f.app).subject else {
        panic!("a supplier");
    };
    assert_eq!(services, ["payroll", "hr"]);
}
