//! The workshop's sections of the paper: where we disagreed, the perception gap between the
//! respondent groups, and the parked items. Each shows only when it holds something; a long
//! list of disagreements or parked items goes to the appendix, with a summary in the board
//! part.

use super::{Block, Table, plain, sentence};
use crate::pack::{BoardPack, Disagreement, GroupFigures, Later, PerceptionGap};

/// The workshop's sections in the board part; `appendix` says whether the appendix follows.
pub(super) fn board_part(out: &mut Vec<Block>, pack: &BoardPack, appendix: bool) {
    let l = &pack.later;
    if let Some(summary) = l.disagreement_summary() {
        out.push(Block::Heading(2, "Where we disagreed".into()));
        out.push(Block::Para(vec![plain(summary)]));
        if l.disagreements_in_board_part() {
            out.push(Block::Table(disagreements(l)));
        } else {
            out.push(Block::Para(vec![plain(elsewhere(
                "Every item, with each respondent's answer side by side and how it was settled,",
                appendix,
            ))]));
        }
    }
    if let (Some(g), Some(heading)) = (&l.perception_gap, l.perception_heading()) {
        out.push(Block::Heading(2, heading));
        perception(out, g);
    }
    if !l.parked.is_empty() {
        out.push(Block::Heading(2, "Parked for later".into()));
        if l.parked_in_board_part() {
            out.push(Block::Bullets(parked(l)));
        } else {
            out.push(Block::Para(vec![plain(format!(
                "{} {}",
                l.parked_summary(),
                elsewhere("They", appendix)
            ))]));
        }
    }
}

/// The workshop's long lists, in the appendix.
pub(super) fn appendix(out: &mut Vec<Block>, pack: &BoardPack) {
    let l = &pack.later;
    if !l.disagreements_in_board_part() {
        out.push(Block::Heading(2, "Appendix: where we disagreed".into()));
        out.push(Block::Table(disagreements(l)));
    }
    if !l.parked_in_board_part() {
        out.push(Block::Heading(2, "Appendix: parked for later".into()));
        out.push(Block::Bullets(parked(l)));
    }
}

/// Where a long list is: "… are in the appendix." or, without it, how to add it.
pub(crate) fn elsewhere(what: &str, appendix: bool) -> String {
    if appendix {
        format!("{what} are listed in the appendix.")
    } else {
        format!("{what} are listed in the appendix, left out here (--appendix adds it).")
    }
}

/// Each disagreement with every respondent's answer side by side.
fn disagreements(l: &Later) -> Table {
    let mut header = vec!["Question".to_string(), "Spread".to_string()];
    header.extend(l.respondents.iter().map(|p| match &p.group {
        Some(g) => format!("{} ({g})", p.name),
        None => p.name.clone(),
    }));
    header.push("Settled answer".into());
    Table {
        header,
        rows: l.disagreements.iter().map(disagreement_row).collect(),
        marked: None,
    }
}

fn disagreement_row(d: &Disagreement) -> Vec<String> {
    let mut row = vec![d.prompt.clone(), d.spread.clone()];
    row.extend(d.answers.iter().map(|a| a.shown().to_string()));
    row.push(settled_cell(d));
    row
}

/// The settled answer and how it was settled: "1 of 2 checks in place: settled by Fiona on
/// 30 November 2026, taking Bob's answer.", or "Still disputed."
pub(crate) fn settled_cell(d: &Disagreement) -> String {
    match &d.settled {
        Some(answer) => format!("{answer}: {}", sentence(&d.settlement)),
        None => sentence(&capitalised(&d.settlement)),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().chain(chars).collect::<String>()
    })
}

/// A group's figures in a cell: "95 % (3 Defined)".
pub(crate) fn cell(f: &GroupFigures) -> String {
    format!("{} ({})", f.score_text, f.level_text)
}

/// What the perception gap's table shows, in one sentence.
pub(crate) fn gap_intro(g: &PerceptionGap) -> String {
    let mean = if g.against.len() > 1 {
        " (their mean)"
    } else {
        ""
    };
    format!(
        "Each group's score and level on its own answers, area by area; the gap is {}'s \
         score minus {}'s{mean}, in percentage points.",
        g.compared,
        g.against.join(", ")
    )
}

/// What the perception gap's items are, in one sentence.
pub(crate) fn gap_items_intro(g: &PerceptionGap) -> String {
    let against = g.against.join(", ");
    if g.items.is_empty() {
        return format!("No item where {} answered above {against}.", g.compared);
    }
    let shown = if g.items_total > g.items.len() {
        format!(" (the widest {} of {})", g.items.len(), g.items_total)
    } else {
        String::new()
    };
    format!(
        "Where {} answered highest above {against}, widest first{shown}:",
        g.compared
    )
}

fn perception(out: &mut Vec<Block>, g: &PerceptionGap) {
    out.push(Block::Para(vec![plain(gap_intro(g))]));
    let mut header = vec!["Area".to_string()];
    header.extend(g.groups.iter().cloned());
    header.push("Gap".into());
    let row = |title: &str, groups: &[GroupFigures], difference: &str| {
        let mut row = vec![title.to_string()];
        row.extend(groups.iter().map(cell));
        row.push(difference.to_string());
        row
    };
    let mut rows = vec![row("Overall", &g.overall, &g.difference)];
    rows.extend(
        g.areas
            .iter()
            .map(|a| row(&a.section, &a.groups, &a.difference)),
    );
    out.push(Block::Table(Table {
        header,
        rows,
        marked: Some(0),
    }));
    out.push(Block::Para(vec![plain(gap_items_intro(g))]));
    if g.items.is_empty() {
        return;
    }
    let mut header = vec!["Question".to_string(), "Gap".to_string()];
    header.extend(
        g.items[0]
            .answers
            .iter()
            .map(crate::pack::RespondentAnswer::who),
    );
    out.push(Block::Table(Table {
        header,
        rows: g
            .items
            .iter()
            .map(|i| {
                let mut row = vec![i.prompt.clone(), i.difference.clone()];
                row.extend(i.answers.iter().map(|a| a.shown().to_string()));
                row
            })
            .collect(),
        marked: None,
    }));
}

fn parked(l: &Later) -> Vec<Vec<super::Span>> {
    l.parked
        .iter()
        .map(|p| vec![plain(format!("{} ({})", p.prompt, p.section))])
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::pack::{BOARD_DISAGREEMENTS, BoardPack, Disagreement};
    use crate::report::markdown;

    fn disagreement(n: usize) -> Disagreement {
        Disagreement {
            item: format!("worked-example/{n}"),
            prompt: format!("Question {n}?"),
            section: "1. Planning".into(),
            answers: Vec::new(),
            spread: "50 points".into(),
            spread_value: 0.5,
            disputed: true,
            settled: None,
            settled_by: None,
            settled_from: None,
            settlement: "still disputed".into(),
        }
    }

    #[test]
    fn many_disagreements_are_summarised_in_the_board_part_and_listed_in_the_appendix() {
        let q = crate::test_support::worked_example();
        let a = crate::test_support::assessment(&q, "w", &[]);
        let mut pack = BoardPack::from_questionnaires(&[&q], &a);
        pack.later.disagreements = (0..=BOARD_DISAGREEMENTS).map(disagreement).collect();
        let board = markdown::render(&pack, false);
        assert!(
            board.contains("6 items were answered differently: 6 are still disputed"),
            "{board}"
        );
        assert!(
            !board.contains("| Question 0? |"),
            "not listed in the board part"
        );
        assert!(board.contains("--appendix adds it"), "{board}");
        let full = markdown::render(&pack, true);
        let appendix = full
            .split("## Appendix: where we disagreed")
            .nth(1)
            .expect("the appendix lists them");
        assert!(
            appendix.contains("| Question 5? | 50 points |"),
            "{appendix}"
        );
        pack.later.disagreements.truncate(BOARD_DISAGREEMENTS);
        let few = markdown::render(&pack, true);
        assert!(!few.contains("## Appendix: where we disagreed"));
        assert!(
            few.contains("| Question 4? | 50 points |"),
            "listed in the board part"
        );
    }
}
