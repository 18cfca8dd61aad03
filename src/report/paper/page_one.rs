//! Page one of the paper, the decision page: where we stand, decisions requested, against
//! the target, what matters most, the counts and the levels in one line.

use super::{Block, Record, Records, Table, plain, sentence, strong};
use crate::figures;
use crate::pack::{Area, BoardPack, count, percent};

pub(super) fn standing(out: &mut Vec<Block>, pack: &BoardPack) {
    let s = &pack.page_one.standing;
    out.push(Block::Heading(2, "Where we stand".into()));
    let mut lines = vec![
        vec![strong(&s.level_text), plain(format!(": {}", s.meaning))],
        vec![plain(format!("Score: {}.", s.score_text))],
    ];
    if let Some(t) = &s.trend {
        lines.push(vec![plain(sentence(&t.text))]);
    }
    out.push(Block::Lines(lines));
    if let Some(c) = &s.caution {
        out.push(Block::Para(vec![strong(sentence(c))]));
    }
}

pub(super) fn decisions(out: &mut Vec<Block>, pack: &BoardPack) {
    let p = &pack.page_one;
    out.push(Block::Heading(2, "Decisions requested".into()));
    if p.decisions.is_empty() {
        out.push(Block::Para(vec![plain(sentence(&p.counts.decisions_text))]));
        return;
    }
    out.push(Block::Records(Records {
        title: "Decision",
        columns: vec!["Area", "Owner", "Due"],
        rows: p
            .decisions
            .iter()
            .map(|d| Record {
                title: d.decision.clone(),
                columns: vec![d.section.clone(), d.owner_text.clone(), d.due_text.clone()],
                details: vec![("Action", d.action.clone())],
                note: None,
            })
            .collect(),
    }));
}

pub(super) fn against_target(out: &mut Vec<Block>, pack: &BoardPack) {
    out.push(Block::Heading(2, "Against the target".into()));
    out.push(Block::Para(vec![plain(sentence(
        &pack.page_one.against_target.text,
    ))]));
    if pack.areas.is_empty() {
        out.push(Block::Para(vec![plain(
            "No areas: the assessment's questionnaires are not available.",
        )]));
        return;
    }
    out.push(Block::Table(Table {
        header: [
            "Area",
            "Level now",
            "Target",
            "Against the target",
            "Score",
            "Known",
            "Answered",
        ]
        .map(String::from)
        .to_vec(),
        rows: pack.areas.iter().map(area_row).collect(),
        marked: None,
    }));
}

/// An area's current level against its target, and its score as a text bar.
fn area_row(area: &Area) -> Vec<String> {
    let f = &area.figures;
    let now = if area.assessed {
        figures::level_text(f)
    } else {
        "not assessed".to_string()
    };
    let against = match (area.target, area.meets_target, area.below_target) {
        (None, _, _) => "no target".to_string(),
        (Some(_), _, _) if !area.assessed => "not assessed".to_string(),
        (Some(_), Some(true), _) => "meets it".to_string(),
        (Some(_), _, Some(n)) if n > 0 => format!("{} short", count(n.into(), "level", "levels")),
        (Some(_), _, _) => figures::NONE.to_string(),
    };
    let score = if area.assessed {
        bar(f.score)
    } else {
        "not assessed".to_string()
    };
    vec![
        area.title.clone(),
        now,
        figures::level_words(area.target),
        against,
        score,
        percent(f.coverage),
        figures::answered_counts(f),
    ]
}

/// How many cells a text bar has.
const BAR_CELLS: usize = 10;

/// A text bar for a score, e.g. `█████░░░░░ 52 %`; empty cells and "–" without a score.
pub fn bar(score: Option<f64>) -> String {
    let filled = score.map_or(0, |s| cells(s, BAR_CELLS));
    format!(
        "{}{} {}",
        "█".repeat(filled),
        "░".repeat(BAR_CELLS - filled),
        percent(score)
    )
}

/// How many of `n` cells a score in [0, 1] fills, rounded.
fn cells(score: f64, n: usize) -> usize {
    let exact = score.clamp(0.0, 1.0) * n as f64;
    (0..=n)
        .min_by(|a, b| {
            (*a as f64 - exact)
                .abs()
                .total_cmp(&(*b as f64 - exact).abs())
        })
        .unwrap_or(0)
}

pub(super) fn top(out: &mut Vec<Block>, pack: &BoardPack) {
    let p = &pack.page_one;
    out.push(Block::Heading(2, "What matters most".into()));
    if p.top.is_empty() {
        out.push(Block::Para(vec![plain(
            "Nothing to follow up: every applicable item is assessed and achieved, and \
             nothing is flagged or open.",
        )]));
        return;
    }
    let compared = pack.comparison.is_some();
    out.push(Block::Records(Records {
        title: "Action",
        columns: top_columns(compared),
        rows: p
            .top
            .iter()
            .map(|x| {
                let columns = super::action_columns(x, compared);
                Record {
                    title: x.action.clone(),
                    columns,
                    details: Vec::new(),
                    note: None,
                }
            })
            .collect(),
    }));
}

pub(super) fn top_columns(compared: bool) -> Vec<&'static str> {
    let mut columns = vec!["Why", "Owner", "Due", "Status"];
    if compared {
        columns.push("Since");
    }
    columns
}

pub(super) fn counts(out: &mut Vec<Block>, pack: &BoardPack) {
    let c = &pack.page_one.counts;
    out.push(Block::Heading(2, "In numbers".into()));
    out.push(Block::Bullets(
        [
            &c.owners_text,
            &c.not_assessed_text,
            &c.dont_know_text,
            &c.decisions_text,
        ]
        .iter()
        .map(|t| vec![plain(sentence(t))])
        .collect(),
    ));
}

pub(super) fn levels_short(out: &mut Vec<Block>, pack: &BoardPack) {
    let p = &pack.page_one;
    out.push(Block::Heading(2, "The levels".into()));
    let marked = p
        .standing
        .level
        .and_then(|l| p.levels.iter().position(|d| d.number == l));
    out.push(Block::Table(Table {
        header: ["Level", "In one line", "Where we stand"]
            .map(String::from)
            .to_vec(),
        rows: p
            .levels
            .iter()
            .enumerate()
            .map(|(n, d)| {
                vec![
                    format!("{} {}", d.number, d.name),
                    d.short.to_string(),
                    if marked == Some(n) {
                        "◀ we are here"
                    } else {
                        ""
                    }
                    .to_string(),
                ]
            })
            .collect(),
        marked,
    }));
}
