//! The appendix: every answer, area by area, in groups whose headings say what they are.

use super::{Block, Span, plain, strong};
use crate::figures;
use crate::pack::{BoardPack, ItemRow, Status};

/// The order of the groups within an area of the appendix: what needs work first.
fn group_rank(row: &ItemRow) -> (u8, u8) {
    let level = row.level.unwrap_or(0);
    match row.status {
        Status::BelowPassMark => (0, level),
        Status::Unanswered => (1, 0),
        Status::Achieved => (2, level),
        Status::NotApplicable => (3, 0),
        Status::ByRule => (4, 0),
        Status::Text => (5, 0),
    }
}

pub(super) fn every_answer(out: &mut Vec<Block>, pack: &BoardPack) {
    out.push(Block::Heading(2, "Appendix: every answer".into()));
    out.push(Block::Para(vec![plain(
        "Item by item, area by area; within an area, what is below the pass mark first, \
         then what is not yet assessed, achieved, not applicable, and the board's answers.",
    )]));
    for area in &pack.areas {
        out.push(Block::Heading(
            3,
            format!("{}: {}", area.questionnaire, area.title),
        ));
        let mut rows: Vec<&ItemRow> = pack.items_of(&area.id).collect();
        rows.sort_by_key(|r| group_rank(r));
        let mut current: Option<(u8, u8)> = None;
        let mut bullets: Vec<Vec<Span>> = Vec::new();
        for row in rows {
            let rank = group_rank(row);
            if current != Some(rank) {
                if !bullets.is_empty() {
                    out.push(Block::Bullets(std::mem::take(&mut bullets)));
                }
                out.push(Block::Heading(
                    4,
                    figures::group_heading(row.status, row.level),
                ));
                current = Some(rank);
            }
            bullets.push(appendix_row(row));
        }
        if !bullets.is_empty() {
            out.push(Block::Bullets(bullets));
        }
    }
}

fn appendix_row(row: &ItemRow) -> Vec<Span> {
    let answer = match row.status {
        Status::Unanswered => "not yet assessed".to_string(),
        Status::Text => "in \"The board's answers\"".to_string(),
        _ => row.answer.clone(),
    };
    let mut line = vec![
        strong(&row.prompt),
        plain(format!(": {answer}")),
        plain(if row.flag { " · flagged" } else { "" }),
        plain(" · "),
    ];
    if !row.refs.is_empty() {
        line.push(plain(format!("{} · ", row.refs.join(", "))));
    }
    line.push(Span::Code(row.item.clone()));
    if let Some(owner) = &row.owner {
        line.push(plain(format!(" · owner: {owner}")));
    }
    if let Some(note) = &row.note {
        line.push(plain(" · note: "));
        line.push(Span::Emph(note.clone()));
    }
    line.retain(|s| !matches!(s, Span::Plain(t) if t.is_empty()));
    line
}
