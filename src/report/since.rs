//! What changed since an earlier assessment, in the words every renderer of a compared
//! board pack shares: changes in whole percentage points, moves such as "0 → 2", and one
//! paragraph that reads the comparison.
//!
//! A change is worked out from the whole percentages a pack shows, so that "54 % → 58 %"
//! reads "▲ +4" and a director's own subtraction agrees with the paper; the JSON keeps the
//! unrounded figures.

use std::cmp::Ordering;
use std::fmt::Write as _;

use crate::compare::{Change, Comparison, ItemChange, SectionChange};
use crate::figures::{Level, NONE, level_change};
use crate::pack::{clip, count, percent};

/// Up to how many newly answered or no-longer-answered items a pack lists one by one;
/// above it, only their number.
pub const LISTED_ITEMS: usize = 10;

/// How many areas the reading names among the largest rises, and among the largest falls.
const NAMED_MOVES: usize = 3;

/// Up to how many areas that changed level the reading names.
const NAMED_LEVELS: usize = 4;

/// The change in whole percentage points between the percentages shown; `None` when either
/// side has no score.
pub fn points(c: &Change) -> Option<i64> {
    c.shown().points
}

/// Which way the shown change points: up, down or level; `None` without a change.
pub fn direction(c: &Change) -> Option<Ordering> {
    c.shown().direction()
}

/// The change as "▲ +12", "▼ -5", "= 0", or "–" when either side has no score; when items
/// were answered or no longer answered, what the change comes from follows: "▼ -59 (answered
/// fewer items)", "▲ +4 (answers +6, answered fewer items -2)".
pub fn change_text(c: &Change) -> String {
    let shown = c.shown().to_string();
    match c.shown_parts() {
        Some(p) if p.coverage != 0 => {
            let items = if p.coverage > 0 {
                "answered more items"
            } else {
                "answered fewer items"
            };
            if p.answers == 0 {
                format!("{shown} ({items})")
            } else {
                format!(
                    "{shown} (answers {}, {items} {})",
                    signed(p.answers),
                    signed(p.coverage)
                )
            }
        }
        _ => shown,
    }
}

/// A whole number of points with its sign: "+4", "-2", "0".
fn signed(p: i64) -> String {
    if p > 0 {
        format!("+{p}")
    } else {
        p.to_string()
    }
}

/// What a change in score comes from, in a sentence, when items were answered or no longer
/// answered; `None` when only answers changed.
pub fn cause_sentence(c: &Change) -> Option<String> {
    let p = c.shown_parts().filter(|p| p.coverage != 0)?;
    let items = if p.coverage > 0 {
        format!(
            "{} from items answered for the first time",
            points_word(p.coverage)
        )
    } else {
        format!(
            "{} lost because items are no longer answered",
            points_word(-p.coverage)
        )
    };
    Some(match p.answers.cmp(&0) {
        Ordering::Equal => format!("Changed answers left the score where it was; {items}."),
        Ordering::Greater => format!(
            "Changed answers raised the score by {}; {items}.",
            points_word(p.answers)
        ),
        Ordering::Less => format!(
            "Changed answers lowered the score by {}; {items}.",
            points_word(-p.answers)
        ),
    })
}

/// A level as its digit, or "–" when there is none.
pub fn level_digit(level: Option<u8>) -> String {
    level.map_or_else(|| NONE.to_string(), |l| l.to_string())
}

/// The change in level as "▲ +2", "▼ -1", "= 0", or "–" when either side has none.
pub fn level_change_text(c: &Change) -> String {
    level_change(c.level_before, c.level_after)
}

/// The level before and after, e.g. "0 → 2".
pub fn level_move(c: &Change) -> String {
    format!(
        "{} → {}",
        level_digit(c.level_before),
        level_digit(c.level_after)
    )
}

/// The score before and after, e.g. "54 % → 58 %".
pub fn score_move(c: &Change) -> String {
    format!("{} → {}", percent(c.score_before), percent(c.score_after))
}

/// One list of answers that moved: its title, what it counts ("answer" or "item"), its
/// items, and whether a pack lists them one by one or only gives their number.
#[derive(Debug, Clone, Copy)]
pub struct MoveList<'c> {
    /// "Improved", "Slipped", "Newly answered" or "No longer answered".
    pub title: &'static str,
    /// What one entry is, in the singular: "answer" or "item".
    pub noun: &'static str,
    /// The items in the list.
    pub items: &'c [ItemChange],
    /// Listed one by one; otherwise only counted (more than [`LISTED_ITEMS`] newly or no
    /// longer answered items).
    pub listed: bool,
}

/// The four lists of moved answers, in a pack's order: improved, slipped, newly answered
/// and no longer answered.
pub fn move_lists(c: &Comparison) -> [MoveList<'_>; 4] {
    fn answers<'c>(title: &'static str, items: &'c [ItemChange]) -> MoveList<'c> {
        MoveList {
            title,
            noun: "answer",
            items,
            listed: true,
        }
    }
    fn items<'c>(title: &'static str, items: &'c [ItemChange]) -> MoveList<'c> {
        MoveList {
            title,
            noun: "item",
            items,
            listed: items.len() <= LISTED_ITEMS,
        }
    }
    [
        answers("Improved", &c.improved),
        answers("Slipped", &c.slipped),
        items("Newly answered", &c.newly_answered),
        items("No longer answered", &c.no_longer_answered),
    ]
}

/// How many characters of an answer a list of moves shows.
const ANSWER_CHARS: usize = 80;

/// An answer on one line for a list of moves: a text answer's lines joined, and cut with an
/// ellipsis after [`ANSWER_CHARS`] characters.
pub fn short_answer(text: &str) -> String {
    clip(
        &text.split_whitespace().collect::<Vec<_>>().join(" "),
        ANSWER_CHARS,
    )
}

/// "1 point", "4 points".
fn points_word(p: i64) -> String {
    format!("{p} {}", if p.abs() == 1 { "point" } else { "points" })
}

/// "a", "a and b", "a, b and c".
fn and_list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "1 area", "3 areas".
fn areas(n: usize) -> String {
    count(n, "area", "areas")
}

/// A reading of the comparison for a director: a lead sentence on the overall score and
/// level, then short points on the areas that changed level, the largest moves in score,
/// and how many answers moved. Plain text; renderers escape it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The overall score and level, earlier and now.
    pub lead: String,
    /// What moved beneath them, one sentence or two each.
    pub points: Vec<String>,
}

/// Reads a comparison (see [`Reading`]).
pub fn reading(c: &Comparison) -> Reading {
    let mut points = vec![level_sentence(&c.sections)];
    points.extend(moves_sentences(&c.sections));
    points.push(items_sentence(c));
    let mut lead = overall_sentence(&c.overall);
    if let Some(cause) = cause_sentence(&c.overall) {
        lead.push(' ');
        lead.push_str(&cause);
    }
    Reading { lead, points }
}

fn overall_sentence(o: &Change) -> String {
    let score = match (o.score_before, o.score_after, points(o)) {
        (Some(b), Some(a), Some(p)) => match p.cmp(&0) {
            Ordering::Greater => format!(
                "the overall score has risen by {}, from {} to {}",
                points_word(p),
                percent(Some(b)),
                percent(Some(a))
            ),
            Ordering::Less => format!(
                "the overall score has fallen by {}, from {} to {}",
                points_word(-p),
                percent(Some(b)),
                percent(Some(a))
            ),
            Ordering::Equal => format!("the overall score is unchanged at {}", percent(Some(a))),
        },
        (None, Some(a), _) => format!(
            "the overall score is now {} (the earlier assessment had none)",
            percent(Some(a))
        ),
        (Some(b), None, _) => format!(
            "the overall score was {} and now there is none",
            percent(Some(b))
        ),
        _ => "neither assessment has an overall score yet".to_string(),
    };
    let words = |l: u8| format!("{l} ({})", Level::at_most_3(l).name());
    let level = match (o.level_before, o.level_after) {
        (Some(b), Some(a)) if a == b => format!("the overall level is still {}", words(a)),
        (Some(b), Some(a)) => format!(
            "the overall level has {} from {} to {}",
            if a > b { "risen" } else { "fallen" },
            words(b),
            words(a)
        ),
        (None, Some(a)) => format!(
            "the overall level is now {}, where there was none before",
            words(a)
        ),
        (Some(b), None) => format!("the overall level was {} and now there is none", words(b)),
        (None, None) => "neither has an overall level".to_string(),
    };
    format!("Since the earlier assessment, {score}, and {level}.")
}

fn level_sentence(sections: &[SectionChange]) -> String {
    let moved = |up: bool| -> Vec<&SectionChange> {
        sections
            .iter()
            .filter(|s| match (s.change.level_before, s.change.level_after) {
                (Some(b), Some(a)) => (a > b && up) || (a < b && !up),
                _ => false,
            })
            .collect()
    };
    let describe = |list: &[&SectionChange]| {
        if list.len() > NAMED_LEVELS {
            areas(list.len())
        } else {
            let named: Vec<String> = list
                .iter()
                .map(|s| format!("{}, {}", s.title, level_move(&s.change)))
                .collect();
            format!("{} ({})", areas(list.len()), named.join("; "))
        }
    };
    let (ups, downs) = (moved(true), moved(false));
    match (ups.is_empty(), downs.is_empty()) {
        (true, true) => "No area changed level.".to_string(),
        (false, true) => format!("Levels rose in {}; no area fell a level.", describe(&ups)),
        (true, false) => format!("Levels fell in {}; no area rose a level.", describe(&downs)),
        (false, false) => format!(
            "Levels rose in {} and fell in {}.",
            describe(&ups),
            describe(&downs)
        ),
    }
}

fn moves_sentences(sections: &[SectionChange]) -> Vec<String> {
    let mut moves: Vec<(&SectionChange, i64)> = sections
        .iter()
        .filter_map(|s| points(&s.change).map(|p| (s, p)))
        .collect();
    if moves.is_empty() {
        return Vec::new();
    }
    // Stable: equal moves keep the pack's order.
    moves.sort_by_key(|&(_, p)| std::cmp::Reverse(p.abs()));
    let list = |up: bool| -> Option<String> {
        let chosen: Vec<&(&SectionChange, i64)> = moves
            .iter()
            .filter(|(_, p)| if up { *p > 0 } else { *p < 0 })
            .collect();
        if chosen.is_empty() {
            return None;
        }
        let named: Vec<String> = chosen
            .iter()
            .take(NAMED_MOVES)
            .enumerate()
            .map(|(i, (s, p))| {
                let sign = if *p > 0 { "+" } else { "" };
                if i == 0 {
                    format!("{} ({sign}{})", s.title, points_word(*p))
                } else {
                    format!("{} ({sign}{p})", s.title)
                }
            })
            .collect();
        let sep = if chosen.len() > NAMED_MOVES {
            ", most in "
        } else {
            ": "
        };
        Some(format!(
            "Scores {} in {}{sep}{}.",
            if up { "rose" } else { "fell" },
            areas(chosen.len()),
            and_list(&named)
        ))
    };
    let found: Vec<String> = [list(true), list(false)].into_iter().flatten().collect();
    if found.is_empty() {
        vec!["No area's score moved.".to_string()]
    } else {
        found
    }
}

fn items_sentence(c: &Comparison) -> String {
    let (up, down) = (c.improved.len(), c.slipped.len());
    let mut s = match (up, down) {
        (0, 0) => "No answer improved or slipped".to_string(),
        (0, d) => format!("No answer improved and {d} slipped"),
        (1, 0) => "1 answer improved and none slipped".to_string(),
        (u, 0) => format!("{u} answers improved and none slipped"),
        (1, d) => format!("1 answer improved and {d} slipped"),
        (u, d) => format!("{u} answers improved and {d} slipped"),
    };
    let (new, gone) = (c.newly_answered.len(), c.no_longer_answered.len());
    let item = |n: usize| count(n, "item", "items");
    if new > 0 {
        let _ = write!(
            s,
            "; {} {} answered for the first time",
            item(new),
            if new == 1 { "was" } else { "were" }
        );
    }
    if gone > 0 {
        let _ = write!(
            s,
            "; {} {} no longer answered",
            item(gone),
            if gone == 1 { "is" } else { "are" }
        );
    }
    s.push('.');
    if new + gone > 0 {
        s.push_str(
            " A score can also move when items are answered for the first time or no longer \
             answered.",
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{ItemChange, Side};

    fn change(before: Option<f64>, after: Option<f64>, levels: (u8, u8)) -> Change {
        Change {
            score_before: before,
            score_after: after,
            score_delta: before.zip(after).map(|(b, a)| a - b),
            score_from_answers: before.zip(after).map(|(b, a)| a - b),
            score_from_coverage: before.zip(after).map(|_| 0.0),
            coverage_before: before.map(|_| 1.0),
            coverage_after: after.map(|_| 1.0),
            level_before: Some(levels.0),
            level_after: Some(levels.1),
            score_same_items: after,
        }
    }

    fn section(title: &str, c: Change) -> SectionChange {
        SectionChange {
            id: format!("q/{title}"),
            title: title.to_string(),
            change: c,
        }
    }

    fn comparison(overall: Change, sections: Vec<SectionChange>) -> Comparison {
        let side = |id: &str| Side {
            id: id.into(),
            name: id.into(),
            updated: String::new(),
        };
        Comparison {
            format: crate::compare::COMPARE_FORMAT,
            before: side("a"),
            after: side("b"),
            overall,
            sections,
            improved: Vec::new(),
            slipped: Vec::new(),
            newly_answered: Vec::new(),
            no_longer_answered: Vec::new(),
            only_before: Vec::new(),
            only_after: Vec::new(),
        }
    }

    #[test]
    fn a_change_says_when_it_comes_from_items_answered_or_no_longer_answered() {
        // Only removed answers: the score fell, and the words say why.
        let mut fewer = change(Some(0.44), Some(0.17), (0, 0));
        fewer.score_same_items = Some(0.44);
        assert_eq!(change_text(&fewer), "▼ -27 (answered fewer items)");
        assert_eq!(
            cause_sentence(&fewer).as_deref(),
            Some(
                "Changed answers left the score where it was; 27 points lost because items are \
                 no longer answered."
            )
        );
        let mut both = change(Some(0.50), Some(0.54), (0, 0));
        both.score_same_items = Some(0.56);
        assert_eq!(
            change_text(&both),
            "▲ +4 (answers +6, answered fewer items -2)"
        );
        assert_eq!(
            cause_sentence(&both).as_deref(),
            Some(
                "Changed answers raised the score by 6 points; 2 points lost because items are no longer answered."
            )
        );
        let mut more = change(Some(0.2), Some(0.3), (0, 0));
        more.score_same_items = Some(0.2);
        assert_eq!(change_text(&more), "▲ +10 (answered more items)");
        assert_eq!(cause_sentence(&change(Some(0.2), Some(0.3), (0, 0))), None);
    }

    #[test]
    fn changes_agree_with_the_percentages_shown() {
        // 53.6 % → 57.4 % shows as 54 % → 57 %: the paper says +3, not the unrounded 3.8.
        let c = change(Some(0.536), Some(0.574), (0, 0));
        assert_eq!(score_move(&c), "54 % → 57 %");
        assert_eq!(change_text(&c), "▲ +3");
        assert_eq!(change_text(&change(Some(0.5), Some(0.45), (1, 1))), "▼ -5");
        assert_eq!(change_text(&change(Some(0.5), Some(0.502), (1, 1))), "= 0");
        assert_eq!(change_text(&change(None, Some(0.5), (1, 1))), "–");
        assert_eq!(direction(&change(Some(0.5), None, (1, 1))), None);
        assert_eq!(level_move(&change(None, None, (0, 2))), "0 → 2");
        assert_eq!(level_change_text(&change(None, None, (2, 1))), "▼ -1");
        assert_eq!(short_answer("Low\n  for critical"), "Low for critical");
        assert_eq!(short_answer(&"x ".repeat(60)).chars().count(), 80);
    }

    #[test]
    fn the_reading_names_the_level_changes_and_the_largest_moves() {
        let c = comparison(
            change(Some(0.536), Some(0.576), (0, 0)),
            vec![
                section("Board", change(Some(0.38), Some(0.49), (0, 0))),
                section("Contract", change(Some(0.58), Some(0.72), (0, 2))),
                section("Goal 3", change(Some(0.63), Some(0.56), (2, 1))),
                section("Steady", change(Some(0.5), Some(0.5), (1, 1))),
                section("New", change(None, Some(0.5), (1, 1))),
            ],
        );
        let r = reading(&c);
        assert_eq!(
            r.lead,
            "Since the earlier assessment, the overall score has risen by 4 points, from \
             54 % to 58 %, and the overall level is still 0 (Incomplete)."
        );
        assert_eq!(
            r.points,
            [
                "Levels rose in 1 area (Contract, 0 → 2) and fell in 1 area (Goal 3, 2 → 1).",
                "Scores rose in 2 areas: Contract (+14 points) and Board (+11).",
                "Scores fell in 1 area: Goal 3 (-7 points).",
                "No answer improved or slipped."
            ]
        );
    }

    #[test]
    fn the_reading_names_only_the_largest_of_many_moves() {
        let sections: Vec<SectionChange> = (1..=5)
            .map(|n| {
                let after = 0.5 + f64::from(n) / 100.0;
                section(&format!("A{n}"), change(Some(0.5), Some(after), (1, 1)))
            })
            .collect();
        let r = reading(&comparison(change(Some(0.5), Some(0.53), (1, 1)), sections));
        assert_eq!(
            r.points[1],
            "Scores rose in 5 areas, most in A5 (+5 points), A4 (+4) and A3 (+3)."
        );
    }

    #[test]
    fn the_reading_says_when_a_side_has_no_score() {
        let mut o = change(None, Some(0.5), (0, 1));
        o.level_before = None;
        let r = reading(&comparison(o, Vec::new()));
        assert_eq!(
            r.lead,
            "Since the earlier assessment, the overall score is now 50 % (the earlier \
             assessment had none), and the overall level is now 1 (Performed), where there was \
             none before."
        );
        assert_eq!(change_text(&o), "–");
    }

    #[test]
    fn the_reading_says_when_nothing_moved() {
        let mut c = comparison(change(Some(0.5), Some(0.5), (1, 1)), Vec::new());
        c.newly_answered = vec![ItemChange {
            item: "q/x".into(),
            prompt: "X?".into(),
            answer_before: String::new(),
            answer_after: "Yes".into(),
            value_before: None,
            value_after: Some(1.0),
        }];
        let r = reading(&c);
        assert_eq!(
            r.lead,
            "Since the earlier assessment, the overall score is unchanged at 50 %, and the \
             overall level is still 1 (Performed)."
        );
        assert_eq!(
            r.points,
            [
                "No area changed level.",
                "No answer improved or slipped; 1 item was answered for the first time. A \
                 score can also move when items are answered for the first time or no longer \
                 answered."
            ]
        );
    }
}
