//! Undo, parking and the follow-up fields of an item (decision, due day, status, evidence,
//! an owner in words): each saved at once and undoable.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use crate::record::Status as WorkStatus;

fn answer_a(app: &App) -> Answer {
    saved(app)
        .answers
        .get("worked-example/a")
        .cloned()
        .unwrap_or_default()
}

fn status_text(app: &App) -> String {
    match &app.status {
        Status::Info(m) | Status::Error(m) => m.clone(),
        Status::None => String::new(),
    }
}

#[test]
fn ctrl_z_undoes_answers_notes_owners_and_flags_one_step_at_a_time_saved_at_once() {
    let mut f = opened();
    press(&mut f.app, "3");
    press(&mut f.app, "4");
    press(&mut f.app, "eAudited<Esc>");
    press(&mut f.app, "o2");
    press(&mut f.app, "f");
    let a = answer_a(&f.app);
    assert_eq!(
        (a.choice(), a.note.as_deref(), a.flag),
        (Some("fully"), Some("Audited"), true)
    );
    assert_eq!(a.owner.as_deref(), Some("security-coordinator"));
    press(&mut f.app, "<C-z>");
    assert_eq!(status_text(&f.app), "Undone: flag on worked-example/a");
    assert!(!answer_a(&f.app).flag, "the undo is saved");
    press(&mut f.app, "<C-z>");
    assert_eq!(status_text(&f.app), "Undone: owner of worked-example/a");
    assert_eq!(answer_a(&f.app).owner, None);
    press(&mut f.app, "<C-z>");
    assert_eq!(status_text(&f.app), "Undone: note on worked-example/a");
    assert_eq!(answer_a(&f.app).note, None);
    press(&mut f.app, "<C-z>");
    assert_eq!(status_text(&f.app), "Undone: answer to worked-example/a");
    assert_eq!(answer_a(&f.app).choice(), Some("largely"));
    press(&mut f.app, "<C-z>");
    assert!(!saved(&f.app).answers.contains_key("worked-example/a"));
    press(&mut f.app, "<C-z>");
    assert_eq!(status_text(&f.app), "There is nothing to undo.");
}

#[test]
fn undo_goes_back_to_the_item_it_changed_and_keeps_fifty_steps() {
    let mut f = opened();
    press(&mut f.app, "2nn");
    assert_eq!(current_id(&f.app), "worked-example/c");
    press(&mut f.app, "<C-z>");
    assert_eq!(current_id(&f.app), "worked-example/a");
    for _ in 0..30 {
        press(&mut f.app, "12");
    }
    let history = &f.app.open.as_ref().expect("open").history;
    assert_eq!(history.len(), crate::tui::app::UNDO_STEPS);
}

#[test]
fn a_note_written_in_several_pauses_is_undone_in_one_step() {
    let mut f = opened();
    press(&mut f.app, "eFirst");
    act(&mut f.app, Action::Idle);
    press(&mut f.app, " and more");
    act(&mut f.app, Action::Idle);
    press(&mut f.app, "<Esc>");
    assert_eq!(answer_a(&f.app).note.as_deref(), Some("First and more"));
    assert_eq!(f.app.open.as_ref().expect("open").history.len(), 1);
    press(&mut f.app, "<C-z>");
    assert_eq!(answer_a(&f.app).note, None);
    // Discarding what was written leaves nothing to undo.
    press(&mut f.app, "eGone");
    act(&mut f.app, Action::Idle);
    press(&mut f.app, "<C-x>");
    assert_eq!(answer_a(&f.app).note, None);
    assert!(f.app.open.as_ref().expect("open").history.is_empty());
}

#[test]
fn a_settlement_is_undone_with_every_respondents_answer_back() {
    let mut f = workshop();
    let before = saved(&f.app);
    press(&mut f.app, "D");
    let (selected, _) = f.app.dispute_cursor();
    let item = f.app.open.as_ref().expect("open").disputes[selected]
        .item
        .clone();
    press(&mut f.app, "2");
    let settled = saved(&f.app);
    assert_eq!(
        settled.responses, before.responses,
        "every response is kept"
    );
    assert!(
        settled.settled.contains_key(&item),
        "the settlement is recorded"
    );
    press(&mut f.app, "<C-z>");
    assert_eq!(status_text(&f.app), format!("Undone: settlement of {item}"));
    let after = saved(&f.app);
    assert_eq!(after.responses, before.responses);
    assert_eq!(after.settled, before.settled);
    assert_eq!(after.answers, before.answers);
    assert!(matches!(f.app.screen, Screen::Disagreements { .. }));
}

#[test]
fn p_parks_an_item_shown_on_it_and_in_the_section_list_and_undoable() {
    let mut f = opened();
    press(&mut f.app, "P");
    assert!(answer_a(&f.app).is_parked());
    let screen = snapshots::draw(&f.app, 80, 24);
    assert!(screen.contains("parked for later"), "{screen}");
    assert!(screen.contains("P 0/6"), "{screen}");
    press(&mut f.app, "<C-z>");
    assert!(!answer_a(&f.app).is_parked());
    assert_eq!(status_text(&f.app), "Undone: parking of worked-example/a");
    press(&mut f.app, "PP");
    assert!(!answer_a(&f.app).is_parked());
}

#[test]
fn decision_due_status_and_evidence_are_set_from_the_item_and_undoable() {
    let mut f = opened();
    press(&mut f.app, "dApprove the budget<Enter>");
    assert_eq!(answer_a(&f.app).decision(), Some("Approve the budget"));
    // A day that is not one says so and keeps the dialog open.
    press(&mut f.app, "t2027-02-30<Enter>");
    assert!(
        matches!(&f.app.mode, Mode::Field(form) if form.error.as_deref()
        .is_some_and(|e| e.contains("not a day of the calendar")))
    );
    assert_eq!(answer_a(&f.app).due(), None);
    press(&mut f.app, "<Backspace><Backspace>28<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    assert_eq!(
        answer_a(&f.app).due().map(|d| d.to_string()).as_deref(),
        Some("2027-02-28")
    );
    press(&mut f.app, "s");
    assert_eq!(answer_a(&f.app).status(), Some(WorkStatus::Open));
    press(&mut f.app, "s");
    assert_eq!(answer_a(&f.app).status(), Some(WorkStatus::InProgress));
    press(&mut f.app, "s");
    assert_eq!(answer_a(&f.app).status(), Some(WorkStatus::Done));
    press(
        &mut f.app,
        "vSOC 2 report 2026<Enter>vhttps://example.com/policy<Enter>",
    );
    let refs: Vec<String> = answer_a(&f.app)
        .evidence()
        .iter()
        .map(|e| e.reference.clone())
        .collect();
    assert_eq!(refs, ["SOC 2 report 2026", "https://example.com/policy"]);
    let screen = snapshots::draw(&f.app, 200, 60);
    for shown in [
        "Approve the budget",
        "due 2027-02-28 · done",
        "SOC 2 report 2026",
        "https://example.com/policy",
    ] {
        assert!(screen.contains(shown), "{shown}: {screen}");
    }
    press(&mut f.app, "<C-z>");
    assert_eq!(answer_a(&f.app).evidence().len(), 1);
    assert_eq!(status_text(&f.app), "Undone: evidence for worked-example/a");
    press(&mut f.app, "<C-z><C-z>");
    assert_eq!(answer_a(&f.app).status(), Some(WorkStatus::InProgress));
    // Esc in a field changes nothing; an empty field clears.
    press(&mut f.app, "dOther<Esc>");
    assert_eq!(answer_a(&f.app).decision(), Some("Approve the budget"));
    press(&mut f.app, "d");
    for _ in 0.."Approve the budget".len() {
        press(&mut f.app, "<Backspace>");
    }
    press(&mut f.app, "<Enter>");
    assert_eq!(answer_a(&f.app).decision(), None);
}

#[test]
fn the_owner_is_a_cfcs_role_or_the_users_own_words() {
    let mut f = opened();
    press(&mut f.app, "o3");
    assert_eq!(answer_a(&f.app).owner.as_deref(), Some("contract-manager"));
    press(&mut f.app, "o8Head of Procurement<Enter>");
    assert_eq!(
        answer_a(&f.app).owner.as_deref(),
        Some("Head of Procurement")
    );
    let screen = snapshots::draw(&f.app, 80, 24);
    assert!(screen.contains("Head of Procurement"), "{screen}");
    // Opening the owner again highlights "someone else", holding the words.
    press(&mut f.app, "o");
    assert!(matches!(&f.app.mode, Mode::Picker(p) if p.selected == 7));
    press(&mut f.app, "<Enter>");
    assert!(matches!(&f.app.mode, Mode::Field(form)
        if form.editor.text() == "Head of Procurement"));
    press(&mut f.app, "<Esc><C-z>");
    assert_eq!(answer_a(&f.app).owner.as_deref(), Some("contract-manager"));
}
