//! The board view at the sizes a room sees it, targets from the results, the `n` dialog,
//! renaming from home, and the disagreements list's order and filter.

use super::super::app::{DisputeFilter, Picker, PickerKind};
#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use crate::questionnaire::{ItemKind, Tier};
use crate::record::{Respondent, Subject};
use snapshots::draw;

/// A workspace of the built-in questionnaires.
pub(super) fn built_in_workspace(dir: &std::path::Path) -> Workspace {
    Workspace {
        store: Store::at(dir.to_path_buf()),
        catalog: Catalog::built_in(),
    }
}

/// An assessment of the built-ins with the first two items of every section answered
/// "fully", the board's written answers given, a default target of level 1 and a target of
/// level 2 in the first area; open on the board view.
pub(super) fn board() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = built_in_workspace(dir.path());
    let (path, mut a) = ws
        .create("Acme 2026", "Acme Ltd", None, &[])
        .expect("create");
    let mut written = 0;
    for q in ws.questionnaires_of(&a.clone()) {
        for s in &q.sections {
            let mut answered = 0;
            for item in &s.items {
                let key = format!("{}/{}", q.id, item.id);
                match item.kind {
                    ItemKind::Choice if answered < 2 => {
                        let best = q
                            .options(item)
                            .iter()
                            .max_by(|x, y| x.value.total_cmp(&y.value));
                        if let Some(o) = best {
                            a.answers.insert(key, choice(&o.key));
                            answered += 1;
                        }
                    }
                    ItemKind::Text => {
                        written += 1;
                        let text = format!(
                            "Board answer {written}: we review this every quarter and report \
                             to the audit committee, with the risk owner present."
                        );
                        a.answers.insert(key, Answer::from(Value::Text(text)));
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(written >= 2, "the built-ins have written board answers");
    a.default_target = Some(1);
    let first = ws.score(&a).sections[0].id.clone();
    a.set_target(Some(&first), Some(2));
    store::save(&path, &a).expect("save");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("acme-2026").expect("opens");
    press(&mut app, "b");
    assert!(matches!(app.screen, Screen::Board { .. }));
    app.status = Status::None;
    Fixture { _dir: dir, app }
}

/// Every page of the board view at `width` × `height`, paging with `j` until the first
/// page comes round again.
pub(super) fn pages(app: &mut App, width: u16, height: u16) -> Vec<String> {
    app.board_page = 0;
    let first = draw(app, width, height);
    let mut out = vec![first.clone()];
    for _ in 0..50 {
        press(app, "j");
        let screen = draw(app, width, height);
        if screen == first {
            app.board_page = 0;
            return out;
        }
        out.push(screen);
    }
    panic!("the pages never came round to the first");
}

/// The screen's text without the line breaks of the snapshot format, so that a phrase split
/// over two rows is still found (rows are joined by a space).
fn flat(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.trim_matches('"').trim_matches('│').trim())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_board_view_at_80x24_pages_what_does_not_fit_and_keeps_the_figure_whole() {
    let mut f = board();
    let screen = draw(&f.app, 80, 24);
    insta::assert_snapshot!("board_builtins_80x24", screen);
    assert!(screen.contains("more areas ↓"), "{screen}");
    assert!(screen.contains("MATURITY LEVEL"));
    assert!(screen.contains("page 1 of"), "{screen}");
    let open = f.app.open.as_ref().expect("open");
    let titles: Vec<String> = open.pack.areas.iter().map(|a| a.title.clone()).collect();
    let answers: Vec<String> = open
        .pack
        .board_answers
        .iter()
        .filter_map(|a| a.answer.clone())
        .collect();
    let all = pages(&mut f.app, 80, 24);
    assert!(all.len() > 1);
    let text: Vec<String> = all.iter().map(|s| flat(s)).collect();
    for title in &titles {
        let start: String = title.chars().take(10).collect();
        assert!(
            text.iter().any(|t| t.contains(&start)),
            "area {title} is on no page"
        );
    }
    for answer in &answers {
        let start: String = answer.chars().take(16).collect();
        assert!(
            text.iter().any(|t| t.contains(&start)),
            "the board's answer {answer} is on no page"
        );
    }
    // At the smallest usable size the figure is still whole and every panel shows something.
    let small = draw(&f.app, 60, 16);
    assert!(
        small.contains("MATURITY LEVEL") && small.contains("▀▀▀▀▀"),
        "{small}"
    );
    assert!(small.contains("How much risk"), "{small}");
    // k goes back a page; from the first, it stays.
    press(&mut f.app, "jk");
    assert_eq!(f.app.board_page, 0);
    press(&mut f.app, "k");
    assert_eq!(f.app.board_page, 0);
    // The idle tick keeps the page; leaving the board view starts it at the first again.
    press(&mut f.app, "jj");
    act(&mut f.app, Action::Idle);
    assert_eq!(f.app.board_page, 2);
    press(&mut f.app, "r");
    assert!(matches!(f.app.screen, Screen::Results { .. }));
    press(&mut f.app, "b");
    assert_eq!(f.app.board_page, 0);
}

#[test]
fn the_paging_keys_are_in_the_key_table() {
    use crate::tui::keys::{Context, action_for};
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    for (context, code, action) in [
        (Context::Board, KeyCode::PageDown, Action::PageDown),
        (Context::Board, KeyCode::Char(' '), Action::PageDown),
        (Context::Board, KeyCode::Down, Action::PageDown),
        (Context::Board, KeyCode::PageUp, Action::PageUp),
        (Context::Board, KeyCode::Char('k'), Action::PageUp),
        (Context::Disputes, KeyCode::PageDown, Action::PageDown),
        (Context::Disputes, KeyCode::PageUp, Action::PageUp),
        (Context::Disputes, KeyCode::Char('f'), Action::Filter),
        (Context::Disputes, KeyCode::Char('e'), Action::Edit),
        (Context::Results, KeyCode::Char('t'), Action::Target),
        (Context::Home, KeyCode::Char('R'), Action::Rename),
    ] {
        assert_eq!(
            action_for(context, &key(code)),
            Some(action),
            "{context:?} {code:?}"
        );
    }
    let help = crate::tui::keys::help(Context::Board);
    assert!(
        help[0].1.iter().any(|(k, _)| *k == "PgDn/j/↓/Space"),
        "{help:?}"
    );
}

#[test]
fn the_board_view_at_200x60_draws_the_level_large_and_says_what_blocks_the_next_level() {
    let f = board();
    let screen = draw(&f.app, 200, 60);
    insta::assert_snapshot!("board_builtins_200x60", screen);
    let figure_rows = screen.lines().filter(|l| l.contains("████")).count();
    assert!(figure_rows >= 15, "{figure_rows} rows of figure:\n{screen}");
    let open = f.app.open.as_ref().expect("open");
    let sections = &open.pack.score.sections;
    let lowest = sections.iter().filter_map(|s| s.figures.level).min();
    let weakest = sections
        .iter()
        .find(|s| s.figures.level == lowest && !s.blocking.is_empty())
        .expect("a blocked area among the weakest");
    let n = open.index_of(&weakest.blocking[0]).expect("the item");
    let (_, _, item) = open.at(n).expect("the item");
    let words = item.action.clone().unwrap_or_else(|| item.prompt.clone());
    let start: String = words.chars().take(30).collect();
    assert!(flat(&screen).contains(&start), "{start}\n{screen}");
    assert!(screen.contains("target L2 ✓") || screen.contains("target L2 ✗"));
    assert!(screen.contains("areas meet their target"), "{screen}");
}

#[test]
fn t_in_the_results_sets_an_areas_target_and_the_default_saved_at_once() {
    let mut f = answered_workshop_free();
    press(&mut f.app, "r");
    press(&mut f.app, "t");
    assert!(matches!(
        f.app.mode,
        Mode::Picker(Picker {
            kind: PickerKind::TargetArea,
            ..
        })
    ));
    // The first area (row 2), level 2 (row 3).
    press(&mut f.app, "j<Enter>3");
    assert_eq!(f.app.mode, Mode::Normal);
    let a = saved(&f.app);
    assert_eq!(a.target("worked-example/planning"), Some(2));
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("Target for 1. Planning")));
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("→L2 ✗"), "{screen}");
    // Every area: the default; "No target" takes the area's own away.
    press(&mut f.app, "t<Enter>2");
    let a = saved(&f.app);
    assert_eq!(a.default_target, Some(1));
    press(&mut f.app, "tj<Enter>5");
    let a = saved(&f.app);
    assert_eq!(
        a.target("worked-example/planning"),
        Some(1),
        "the default again"
    );
    press(&mut f.app, "t<Esc>");
    assert_eq!(f.app.mode, Mode::Normal);
}

/// The worked example, opened, on the questionnaire screen.
fn answered_workshop_free() -> Fixture {
    let mut f = opened();
    press(&mut f.app, "4");
    f
}

#[test]
fn the_n_dialog_writes_respondent_group_supplier_and_the_questionnaires_ticked() {
    let mut f = at_home();
    let text = EXAMPLE.replacen(
        "\"id\": \"worked-example\"",
        "\"id\": \"supplier-check\", \"scope\": \"supplier\"",
        1,
    );
    let (q, _) = Questionnaire::load_str(&text, "supplier-check.json").expect("loads");
    f.app.ws.catalog.insert(q);
    f.app.new_questionnaires = vec!["worked-example".into(), "supplier-check".into()];
    press(&mut f.app, "n");
    let Mode::NewForm(form) = &f.app.mode else {
        panic!("the form is open");
    };
    assert_eq!(form.questionnaires.len(), 2);
    press(
        &mut f.app,
        "Payroll review<Enter>Acme Ltd<Tab>Ann<Tab>board<Tab>Payroll Co",
    );
    press(&mut f.app, "<Tab>  <Tab>payroll, expenses<Tab>");
    let Mode::NewForm(form) = &f.app.mode else {
        panic!("the form is open");
    };
    assert_eq!(
        form.tier,
        Some(Tier::High),
        "Space twice: critical, then high"
    );
    assert_eq!(
        form.chosen(),
        ["supplier-check"],
        "a supplier: the supplier questionnaires"
    );
    let screen = draw(&f.app, 80, 24);
    insta::assert_snapshot!("new_form_supplier_80x24", screen);
    assert!(screen.contains("[x] supplier-check"), "{screen}");
    press(&mut f.app, "<Enter>");
    let a = saved(&f.app);
    assert_eq!(a.name, "Payroll review");
    assert_eq!(a.respondent.as_deref(), Some("Ann"));
    assert_eq!(
        a.respondents,
        [Respondent {
            name: "Ann".into(),
            group: Some("board".into())
        }]
    );
    assert_eq!(
        a.subject,
        Some(Subject::Supplier {
            name: "Payroll Co".into(),
            tier: Some(Tier::High),
            services: vec!["payroll".into(), "expenses".into()],
        })
    );
    let ids: Vec<&str> = a.questionnaires.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["supplier-check"]);
}

#[test]
fn the_n_dialog_defaults_to_the_organisation_questionnaires_and_ticks_by_number() {
    let mut f = at_home();
    let text = EXAMPLE.replacen(
        "\"id\": \"worked-example\"",
        "\"id\": \"supplier-check\", \"scope\": \"supplier\"",
        1,
    );
    let (q, _) = Questionnaire::load_str(&text, "supplier-check.json").expect("loads");
    f.app.ws.catalog.insert(q);
    f.app.new_questionnaires = vec!["worked-example".into(), "supplier-check".into()];
    press(&mut f.app, "nOrg only<Enter>");
    let Mode::NewForm(form) = &f.app.mode else {
        panic!("the form is open");
    };
    assert_eq!(form.chosen(), ["worked-example"], "the organisation's");
    let row = |id: &str| {
        1 + form
            .questionnaires
            .iter()
            .position(|q| q.id == id)
            .expect("offered")
    };
    let (org, supplier) = (row("worked-example"), row("supplier-check"));
    // Straight to the questionnaires: untick the one ticked, and nothing is left.
    press(&mut f.app, &format!("<BackTab><BackTab>{org}<Enter>"));
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("Tick at least one")));
    press(&mut f.app, &format!("{supplier}<Enter>"));
    let a = saved(&f.app);
    let ids: Vec<&str> = a.questionnaires.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, ["supplier-check"]);
    assert!(a.respondents.is_empty());
    assert_eq!(a.subject, None);
    // A group without a respondent is refused.
    press(&mut f.app, "<Esc>");
    let mut f = at_home();
    press(&mut f.app, "nX<Tab><Tab><Tab>staff<Enter>");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("belongs to a respondent")));
    assert!(matches!(f.app.mode, Mode::NewForm(_)));
}

#[test]
fn r_at_home_renames_the_assessment_in_its_file() {
    let mut f = at_home();
    press(&mut f.app, "R");
    assert!(matches!(f.app.mode, Mode::Rename(_)));
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("New name"), "{screen}");
    for _ in 0.."Acme 2026".len() {
        press(&mut f.app, "<Backspace>");
    }
    press(&mut f.app, "<Enter>");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("Give the assessment a name")));
    press(&mut f.app, "Acme board 2026<Enter>");
    assert_eq!(f.app.mode, Mode::Normal);
    let path = f.app.home[0].path.clone();
    assert_eq!(store::load(&path).expect("load").name, "Acme board 2026");
    assert_eq!(f.app.home[0].name, "Acme board 2026");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("Renamed")));
    press(&mut f.app, "R<Esc>");
    assert_eq!(store::load(&path).expect("load").name, "Acme board 2026");
}

/// A workshop of the built-ins: three respondents who disagree on 25 choice items, with
/// spreads from 33 to 100 points, and the last respondent leaves five of them unanswered.
pub(super) fn big_workshop() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = built_in_workspace(dir.path());
    let (_, base) = ws.create("base", "Acme Ltd", None, &[]).expect("create");
    let items: Vec<(String, Vec<String>)> = ws
        .questionnaires_of(&base)
        .iter()
        .flat_map(|q| {
            q.sections.iter().flat_map(move |s| {
                s.items
                    .iter()
                    .filter(|i| i.kind == ItemKind::Choice)
                    .map(move |i| {
                        let mut options: Vec<_> = q.options(i).iter().collect();
                        options.sort_by(|x, y| x.value.total_cmp(&y.value));
                        (
                            format!("{}/{}", q.id, i.id),
                            options.iter().map(|o| o.key.clone()).collect(),
                        )
                    })
            })
        })
        .take(25)
        .collect();
    let mut loaded = Vec::new();
    for (r, who) in ["Alice", "Bob", "Carol"].iter().enumerate() {
        let (path, mut a) = ws
            .create(who, "Acme Ltd", Some((*who).to_string()), &[])
            .expect("create");
        for (n, (key, keys)) in items.iter().enumerate() {
            let pick = match r {
                0 => keys.last(),
                1 => keys.get(n % keys.len().saturating_sub(1).max(1)),
                _ if n % 5 == 0 => None,
                _ => keys.first(),
            };
            if let Some(k) = pick {
                a.answers.insert(key.clone(), choice(k));
            }
        }
        store::save(&path, &a).expect("save");
        loaded.push(a);
    }
    let inputs: Vec<crate::merge::Input<'_>> = loaded
        .iter()
        .map(|a| crate::merge::Input {
            source: &a.id,
            assessment: a,
        })
        .collect();
    let merged = crate::merge::merge(&inputs, &ws.catalog, "workshop".into(), false)
        .expect("merge")
        .assessment;
    store::create(&ws.store.path_of("workshop"), &merged).expect("write");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("workshop").expect("opens");
    Fixture { _dir: dir, app }
}

#[test]
fn d_lists_the_widest_first_from_the_top_and_f_shows_the_top_10_or_20() {
    let mut f = big_workshop();
    let total = f.app.open.as_ref().expect("open").disputes.len();
    assert!(total > 20, "{total} disagreements");
    let spreads: Vec<f64> = f
        .app
        .open
        .as_ref()
        .expect("open")
        .disputes
        .iter()
        .map(|d| d.spread)
        .collect();
    assert!(spreads.windows(2).all(|w| w[0] >= w[1]), "{spreads:?}");
    press(&mut f.app, "jjjD");
    assert_eq!(f.app.dispute_cursor(), (0, 0), "from the top");
    let screen = draw(&f.app, 80, 24);
    assert!(
        screen.contains(&format!("1 of {total}, widest spread first")),
        "{screen}"
    );
    assert!(screen.contains("no answer"), "{screen}");
    press(&mut f.app, "jj");
    assert!(draw(&f.app, 80, 24).contains(&format!("3 of {total}")));
    press(&mut f.app, "f");
    assert_eq!(f.app.dispute_filter, DisputeFilter::Top(10));
    let screen = draw(&f.app, 200, 60);
    assert!(
        screen.contains(&format!("3 of 10, the widest 10 of {total}")),
        "{screen}"
    );
    insta::assert_snapshot!("disagreements_top10_200x60", screen);
    // The list stops at 10: moving down stops on the tenth.
    press(&mut f.app, "jjjjjjjjjjjj");
    assert_eq!(f.app.dispute_cursor().0, 9);
    press(&mut f.app, "f");
    assert_eq!(f.app.dispute_filter, DisputeFilter::Top(20));
    press(&mut f.app, "f");
    assert_eq!(f.app.dispute_filter, DisputeFilter::All);
    press(&mut f.app, "ff");
    press(&mut f.app, "f");
    assert_eq!(f.app.dispute_filter, DisputeFilter::All);
    assert_eq!(f.app.dispute_cursor().0, 9, "the cursor stays where it was");
}

#[test]
fn filters_count_the_top_n() {
    assert_eq!(DisputeFilter::Top(10).shown(74), 10);
    assert_eq!(DisputeFilter::Top(20).shown(12), 12);
    assert_eq!(DisputeFilter::All.shown(74), 74);
    assert_eq!(DisputeFilter::All.next().next().next(), DisputeFilter::All);
}

#[test]
fn a_checklist_disagreement_shows_every_check_at_80x24_scrolling_with_pgdn() {
    let mut f = workshop();
    press(&mut f.app, "D");
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("Check X  [x]  [ ]  [x]"), "{screen}");
    assert!(screen.contains("Check Y"), "{screen}");
    act(&mut f.app, Action::PageDown);
    assert_eq!(f.app.dispute_scroll, 5);
    act(&mut f.app, Action::PageUp);
    assert_eq!(f.app.dispute_scroll, 0);
}

#[test]
fn e_on_a_disputed_text_item_opens_the_editor_with_the_proposals_beside_it() {
    let mut f = text_workshop();
    press(&mut f.app, "D");
    let d = f.app.open.as_ref().expect("open").disputes[0].item.clone();
    assert_eq!(d, "worked-example/strategy");
    press(&mut f.app, "le");
    let Mode::Editor(edit) = &f.app.mode else {
        panic!("the editor is open");
    };
    assert_eq!(edit.editor.text(), "Bob: accept little risk");
    let screen = draw(&f.app, 80, 24);
    insta::assert_snapshot!("disagreements_text_editor_80x24", screen);
    assert!(screen.contains("Alice: no risk at all"), "{screen}");
    press(&mut f.app, ", reviewed yearly<Esc>");
    let a = saved(&f.app);
    assert_eq!(
        a.answers["worked-example/strategy"].text(),
        Some("Bob: accept little risk, reviewed yearly")
    );
    assert!(matches!(f.app.screen, Screen::Disagreements { .. }));
    // On a choice item, e says how to settle instead.
    let mut f = workshop();
    press(&mut f.app, "De");
    assert!(matches!(&f.app.status, Status::Info(m) if m.contains("settle this one")));
}

/// Two respondents who wrote different strategies.
fn text_workshop() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = workspace(dir.path());
    let text = |t: &str| Answer::from(Value::Text(t.to_string()));
    let loaded: Vec<Assessment> = [
        ("Alice", "Alice: no risk at all"),
        ("Bob", "Bob: accept little risk"),
    ]
    .iter()
    .map(|(who, said)| {
        let id = add_assessment(
            &ws,
            who,
            Some(who),
            "2026-11-20T10:00:00Z",
            &[("strategy", text(said))],
        );
        ws.load(&id).expect("load").1
    })
    .collect();
    let inputs: Vec<crate::merge::Input<'_>> = loaded
        .iter()
        .map(|a| crate::merge::Input {
            source: &a.id,
            assessment: a,
        })
        .collect();
    let merged = crate::merge::merge(&inputs, &ws.catalog, "workshop".into(), false)
        .expect("merge")
        .assessment;
    store::create(&ws.store.path_of("workshop"), &merged).expect("write");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("workshop").expect("opens");
    Fixture { _dir: dir, app }
}

/// An app open on the merge of `given` respondents' answers (full item keys), in `ws`.
fn merged_of(
    dir: tempfile::TempDir,
    ws: Workspace,
    given: &[(&str, Vec<(String, Answer)>)],
) -> Fixture {
    let mut loaded = Vec::new();
    for (who, answers) in given {
        let (path, mut a) = ws
            .create(who, "Acme Ltd", Some((*who).to_string()), &[])
            .expect("create");
        for (key, answer) in answers {
            a.answers.insert(key.clone(), answer.clone());
        }
        store::save(&path, &a).expect("save");
        loaded.push(a);
    }
    let inputs: Vec<crate::merge::Input<'_>> = loaded
        .iter()
        .map(|a| crate::merge::Input {
            source: &a.id,
            assessment: a,
        })
        .collect();
    let merged = crate::merge::merge(&inputs, &ws.catalog, "workshop".into(), false)
        .expect("merge")
        .assessment;
    store::create(&ws.store.path_of("workshop"), &merged).expect("write");
    let mut app = App::new(ws, Theme::colour());
    app.clock = || "12:00:00".to_string();
    app.open_at_start("workshop").expect("opens");
    Fixture { _dir: dir, app }
}

#[test]
fn a_long_checklist_disagreement_at_80x24_scrolls_to_its_last_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = built_in_workspace(dir.path());
    let (key, checks) = ws
        .catalog
        .newest_entries()
        .iter()
        .flat_map(|e| {
            let q = &e.questionnaire;
            q.sections.iter().flat_map(move |s| {
                s.items
                    .iter()
                    .map(move |i| (format!("{}/{}", q.id, i.id), i.checks.clone()))
            })
        })
        .max_by_key(|(_, checks)| checks.len())
        .expect("a checklist");
    assert!(checks.len() >= 11, "{} checks", checks.len());
    let all: Vec<&str> = checks.iter().map(|c| c.id.as_str()).collect();
    let mut f = merged_of(
        dir,
        ws,
        &[
            ("Alice", vec![(key.clone(), ticked(&all))]),
            ("Bob", vec![(key.clone(), ticked(&[]))]),
        ],
    );
    press(&mut f.app, "D");
    let last: String = checks
        .last()
        .expect("a check")
        .text
        .chars()
        .take(12)
        .collect();
    let screen = draw(&f.app, 80, 24);
    assert!(screen.contains("more lines ↓"), "{screen}");
    assert!(!screen.contains(&last), "{screen}");
    let mut seen = false;
    for _ in 0..10 {
        act(&mut f.app, Action::PageDown);
        let screen = draw(&f.app, 80, 24);
        if screen.contains(&last) {
            assert!(screen.contains("[x]  [ ]"), "{screen}");
            seen = true;
            break;
        }
    }
    assert!(seen, "the last check is never shown");
    insta::assert_snapshot!(
        "disagreements_long_checklist_scrolled_80x24",
        draw(&f.app, 80, 24)
    );
}

#[test]
fn renaming_an_assessment_open_elsewhere_says_why_it_cannot() {
    let mut f = at_home();
    let path = f.app.home[0].path.clone();
    let held = crate::store::Session::open(&path).expect("lock it");
    press(&mut f.app, "R2027<Enter>");
    assert!(
        matches!(&f.app.status, Status::Error(m) if m.starts_with("Could not rename it:")),
        "{:?}",
        f.app.status
    );
    drop(held);
    assert_eq!(store::load(&path).expect("load").name, "Acme 2026");
}

#[test]
fn the_disagreement_panel_at_80x24_keeps_each_figure_whole() {
    let mut f = big_workshop();
    let open = f.app.open.as_ref().expect("open");
    let (n, dispute) = (0..open.items.len())
        .find_map(|n| {
            let d = open.dispute_at(n)?;
            let longest = d.answers.iter().map(|a| a.answer.chars().count()).max()?;
            (longest > 30 && d.answers.iter().any(|a| a.value == Some(1.0))).then(|| (n, d.clone()))
        })
        .expect("a disputed item with a long answer and a full score");
    f.app.open.as_mut().expect("open").current = n;
    f.app.screen = Screen::Questionnaire { highlight: 0 };
    let screen = draw(&f.app, 80, 24);
    for given in &dispute.answers {
        let Some(value) = given.value else { continue };
        let figure = crate::figures::percent(Some(value));
        let line = screen
            .lines()
            .find(|l| l.contains(&format!("    {}  ", given.respondent)))
            .unwrap_or_default();
        assert!(
            line.contains(&figure),
            "{figure} whole in {line:?}\n{screen}"
        );
    }
}
