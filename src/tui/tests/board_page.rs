//! The board view read as page one: its pages break between actions and count what is
//! still to come, and it shows the decisions requested and what matters most.

#[allow(clippy::wildcard_imports)] // the shared fixtures and helpers of the app's tests
use super::*;
use board::{board, pages};
use snapshots::draw;

/// The text of the "What blocks the next level" panel of an 80-column board screen, its
/// rows joined by a space.
fn blocker_text(screen: &str) -> String {
    let rows: Vec<String> = screen
        .lines()
        .map(|l| l.trim_matches('"').chars().skip(41).take(38).collect())
        .collect();
    let start = screen
        .lines()
        .position(|l| {
            l.contains("What blocks the next level") || l.contains("Decide · top five · blockers")
        })
        .expect("the panel");
    rows[start + 1..]
        .iter()
        .take_while(|r| !r.starts_with('─'))
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn board_pages_at_80x24_keep_each_action_whole_and_count_the_areas_still_to_come() {
    let mut f = board();
    let open = f.app.open.as_ref().expect("open");
    let titles: Vec<String> = open
        .pack
        .score
        .sections
        .iter()
        .map(|s| crate::text::sanitize_line(&s.title))
        .collect();
    let actions: Vec<String> = open
        .pack
        .score
        .sections
        .iter()
        .flat_map(|s| s.blocking.clone())
        .filter_map(|key| {
            let (_, _, item) = open.at(open.index_of(&key)?)?;
            Some(crate::text::sanitize_line(
                item.action.as_deref().unwrap_or(&item.prompt),
            ))
        })
        .collect();
    let screens = pages(&mut f.app, 80, 24);
    // At 80×24 the decisions, the top five and the blockers share one panel, counted in items.
    let shared = screens
        .first()
        .is_some_and(|s| s.contains("Decide · top five · blockers"));
    let texts: Vec<String> = screens.iter().map(|s| blocker_text(s)).collect();
    let shown = |text: &str| text.replace("• ", "");
    let mut whole = 0;
    for action in &actions {
        if texts.iter().any(|t| shown(t).contains(action.as_str())) {
            whole += 1;
        } else {
            assert!(
                !texts.iter().any(|t| {
                    let start: String = action.chars().take(25).collect();
                    shown(t).contains(&start)
                }),
                "{action} is cut between pages: {texts:#?}"
            );
        }
    }
    assert!(whole > 3, "{whole} actions found whole");
    if shared {
        for (p, text) in texts.iter().enumerate() {
            let last = p + 1 == texts.len();
            assert_eq!(
                !last,
                text.contains("more items ↓")
                    || text.contains("1 more item ↓")
                    || text.contains("more of this"),
                "page {}: {text}",
                p + 1
            );
        }
        return;
    }
    // The count says how many areas have not been on screen yet.
    let first_page = |title: &String| {
        let start: String = title.chars().take(12).collect();
        texts.iter().position(|t| t.contains(&start))
    };
    let firsts: Vec<usize> = titles.iter().filter_map(first_page).collect();
    for (p, text) in texts.iter().enumerate() {
        let later = firsts.iter().filter(|f| **f > p).count();
        let said = match later {
            0 => None,
            1 => Some("1 more area ↓".to_string()),
            n => Some(format!("{n} more areas ↓")),
        };
        match said {
            Some(words) => assert!(
                text.contains(&words)
                    || (p + 1 < texts.len() && text.contains("more of this area")),
                "page {}: {words} in {text}",
                p + 1
            ),
            None => assert!(!text.contains("more area"), "page {}: {text}", p + 1),
        }
    }
}

#[test]
fn the_board_view_shows_page_ones_decisions_and_what_matters_most_with_owner_due_and_status() {
    let mut f = board();
    press(&mut f.app, "<Esc>");
    press(&mut f.app, "<Esc>");
    assert!(
        matches!(f.app.screen, Screen::Questionnaire { .. }),
        "{:?}",
        f.app.screen
    );
    press(&mut f.app, "d");
    act(
        &mut f.app,
        Action::Paste("Approve the budget for an exit plan".into()),
    );
    press(&mut f.app, "<Enter>b");
    assert!(matches!(f.app.screen, Screen::Board { .. }));
    let wide = draw(&f.app, 200, 60);
    assert!(
        wide.contains("Decisions requested · what matters most"),
        "{wide}"
    );
    assert!(
        wide.contains("◆ Decide: Approve the budget for an exit plan"),
        "{wide}"
    );
    let top = &f.app.open.as_ref().expect("open").pack.page_one.top;
    assert!(!top.is_empty());
    let first = format!("1. {}", top[0].action.chars().take(30).collect::<String>());
    assert!(wide.contains(&first), "{first} in {wide}");
    assert!(wide.contains("no owner yet · no date · open"), "{wide}");
    // At 80×24 the same words share one panel with the blockers, paged.
    let small = pages(&mut f.app, 80, 24).join("\n");
    assert!(small.contains("◆ Decide: Approve the budget"), "{small}");
}
