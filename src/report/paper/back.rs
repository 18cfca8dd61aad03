//! What follows page one: the comparison with an earlier assessment, the action plan (and
//! what is done since), the sections others fill, the board's answers, the levels in full
//! and how to read the figures.

use super::page_one::top_columns;
use super::{Block, Record, Records, Span, Table, plain, strong};
use crate::figures;
use crate::pack::{BoardPack, PlanAction, Status, count, display_time, percent};
use crate::report::since;

/// What changed since the earlier assessment, area by area, when the pack is compared: in
/// the appendix, as page one gives the trend and each action says whether it is new.
pub(super) fn since(out: &mut Vec<Block>, pack: &BoardPack) {
    let Some(c) = &pack.comparison else {
        return;
    };
    out.push(Block::Heading(
        2,
        format!("Appendix: since {}", c.before.name),
    ));
    out.push(Block::Para(vec![
        plain("Compared with the earlier assessment "),
        Span::Code(c.before.id.clone()),
        plain(format!(
            ", {}, last changed {}. Changes are in percentage points, between the whole \
             percentages shown.",
            c.before.name,
            display_time(&c.before.updated)
        )),
    ]));
    let o = &c.overall;
    out.push(Block::Table(Table {
        header: ["", "Earlier", "Now", "Change"].map(String::from).to_vec(),
        rows: vec![
            vec![
                "Overall maturity level".into(),
                figures::level_words(o.level_before),
                figures::level_words(o.level_after),
                since::level_change_text(o),
            ],
            vec![
                "Overall score".into(),
                percent(o.score_before),
                percent(o.score_after),
                since::change_text(o),
            ],
            vec![
                "Known".into(),
                percent(o.coverage_before),
                percent(o.coverage_after),
                String::new(),
            ],
        ],
        marked: None,
    }));
    let reading = since::reading(c);
    out.push(Block::Para(vec![plain(reading.lead)]));
    if !reading.points.is_empty() {
        out.push(Block::Bullets(
            reading.points.into_iter().map(|p| vec![plain(p)]).collect(),
        ));
    }
    out.push(Block::Heading(3, "Area by area".into()));
    if c.sections.is_empty() {
        out.push(Block::Para(vec![plain(
            "No areas: the questionnaires are not available.",
        )]));
        return;
    }
    out.push(Block::Table(Table {
        header: ["Area", "Level", "Score", "Change"]
            .map(String::from)
            .to_vec(),
        rows: c
            .sections
            .iter()
            .map(|s| {
                let gone = if pack.areas.iter().any(|a| a.id == s.id) {
                    ""
                } else {
                    " (only in the earlier assessment)"
                };
                vec![
                    format!("{}{gone}", s.title),
                    since::level_move(&s.change),
                    since::score_move(&s.change),
                    since::change_text(&s.change),
                ]
            })
            .collect(),
        marked: None,
    }));
}

pub(super) fn plan(out: &mut Vec<Block>, pack: &BoardPack) {
    out.push(Block::Heading(2, "Action plan".into()));
    if pack.plan.is_empty() {
        out.push(Block::Para(vec![plain(
            "Nothing to follow up: every applicable item is assessed and achieved, and \
             nothing is flagged.",
        )]));
    } else {
        out.push(Block::Para(vec![plain(format!(
            "{}, ranked: decisions requested first, then flagged items, then what keeps an \
             area from its next level (areas furthest below their target first), then the \
             largest shortfall; done last.",
            count(pack.plan.len(), "action", "actions")
        ))]));
        let compared = pack.comparison.is_some();
        out.push(Block::Records(Records {
            title: "Action",
            columns: top_columns(compared),
            rows: pack.plan.iter().map(|x| action(x, compared)).collect(),
        }));
    }
    done_since(out, pack);
}

/// One action of the plan with every field it has.
fn action(x: &PlanAction, compared: bool) -> Record {
    let columns = super::action_columns(x, compared);
    let mut details: Vec<(&'static str, String)> = Vec::new();
    if let Some(d) = &x.decision {
        details.push(("Decision requested", d.clone()));
    }
    details.push(("Area", x.section.clone()));
    let answer = if x.answer_status == Status::Unanswered || x.answer.is_empty() {
        "not assessed".to_string()
    } else {
        x.answer.clone()
    };
    details.push(("Answer", answer));
    if !x.missing_checks.is_empty() {
        details.push(("Missing checks", x.missing_checks.join("; ")));
    }
    if !x.evidence.is_empty() {
        details.push(("Evidence", crate::pack::EvidenceRef::listed(&x.evidence)));
    }
    details.push(("Source", source(&x.source, &x.refs, &x.item)));
    Record {
        title: x.action.clone(),
        columns,
        details,
        note: x.note.clone(),
    }
}

/// Where an item comes from: "Board questions, CFCS 1.3 (q/item)".
fn source(title: &str, refs: &[String], item: &str) -> String {
    if refs.is_empty() {
        format!("{title} ({item})")
    } else {
        format!("{title}, {} ({item})", refs.join(", "))
    }
}

fn done_since(out: &mut Vec<Block>, pack: &BoardPack) {
    let Some(c) = &pack.comparison else {
        return;
    };
    out.push(Block::Heading(3, format!("Done since {}", c.before.name)));
    if pack.done_since.is_empty() {
        out.push(Block::Para(vec![plain(
            "None of the earlier actions is done.",
        )]));
        return;
    }
    out.push(Block::Bullets(
        pack.done_since
            .iter()
            .map(|d| {
                let before = if d.answer_before.is_empty() {
                    "not assessed"
                } else {
                    &d.answer_before
                };
                vec![
                    strong(&d.action),
                    plain(format!(" ({}): {before} → {}", d.section, d.answer_now)),
                ]
            })
            .collect(),
    ));
}

pub(super) fn board_answers(out: &mut Vec<Block>, pack: &BoardPack) {
    if pack.board_answers.is_empty() {
        return;
    }
    out.push(Block::Heading(2, "The board's answers".into()));
    for b in &pack.board_answers {
        out.push(Block::Para(vec![strong(&b.prompt)]));
        match &b.answer {
            Some(text) => out.push(Block::Quote(text.clone())),
            None => out.push(Block::Para(vec![Span::Emph("Not yet answered.".into())])),
        }
    }
}

pub(super) fn levels_full(out: &mut Vec<Block>, pack: &BoardPack) {
    out.push(Block::Heading(2, "The levels in full".into()));
    for d in &pack.page_one.levels {
        out.push(Block::Para(vec![
            strong(format!("Level {} · {}", d.number, d.name)),
            plain(format!(": {}", d.full)),
        ]));
    }
}

pub(super) fn method(out: &mut Vec<Block>, pack: &BoardPack) {
    out.push(Block::Heading(2, "How to read the figures".into()));
    out.push(Block::Para(vec![plain(pack.scoring_rule)]));
    let marks: Vec<String> = pack
        .questionnaires
        .iter()
        .map(|q| format!("{} {}", q.id, percent(Some(q.pass_mark))))
        .collect();
    if !marks.is_empty() {
        out.push(Block::Para(vec![plain(format!(
            "Pass marks: {}.",
            marks.join(", ")
        ))]));
    }
    out.push(Block::Para(vec![plain("Questionnaires:")]));
    out.push(Block::Bullets(
        pack.questionnaires
            .iter()
            .map(|q| {
                let mut line = vec![
                    plain(format!("{} (", q.title)),
                    Span::Code(q.id.clone()),
                    plain(format!("), version {}", q.version)),
                ];
                if q.answered_version != q.version {
                    line.push(plain(format!(
                        " (answered against version {})",
                        q.answered_version
                    )));
                }
                if !q.source.is_empty() {
                    line.push(plain(format!(". Source: {}", q.source)));
                }
                line
            })
            .collect(),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{Disagreement, Parked, Person, RespondentAnswer};

    fn headings(pack: &BoardPack) -> Vec<String> {
        super::super::paper(pack, false)
            .into_iter()
            .filter_map(|b| match b {
                Block::Heading(2, text) => Some(text),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn sections_others_fill_show_only_when_they_hold_something() {
        let q = crate::test_support::worked_example();
        let a = crate::test_support::assessment(&q, "w", &[]);
        let mut pack = BoardPack::from_questionnaires(&[&q], &a);
        let empty = headings(&pack);
        assert!(
            !empty
                .iter()
                .any(|h| h == "Where we disagreed" || h == "Parked for later")
        );
        pack.later.parked.push(Parked {
            item: "worked-example/a".into(),
            prompt: "Item A?".into(),
            section: "1. Planning".into(),
        });
        pack.later.respondents.push(Person {
            name: "Ann".into(),
            group: Some("board".into()),
        });
        pack.later.disagreements.push(Disagreement {
            item: "worked-example/b".into(),
            prompt: "Item B?".into(),
            section: "1. Planning".into(),
            answers: vec![RespondentAnswer {
                respondent: "Ann".into(),
                group: Some("board".into()),
                answer: "Fully".into(),
            }],
            spread: "67 points".into(),
            spread_value: 0.67,
            disputed: true,
            settled: None,
            settled_by: None,
            settled_from: None,
            settlement: "still disputed".into(),
        });
        let filled = headings(&pack);
        assert!(
            filled.iter().any(|h| h == "Where we disagreed"),
            "{filled:?}"
        );
        assert!(filled.iter().any(|h| h == "Parked for later"), "{filled:?}");
        let md = crate::report::markdown::render(&pack, false);
        assert!(md.contains("| Ann (board) |"), "{md}");
        assert!(
            md.contains("| Item B? | 67 points | Fully | Still disputed. |"),
            "{md}"
        );
    }
}
