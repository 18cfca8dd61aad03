//! The decision paper laid out once for the formats that print it from top to bottom —
//! Markdown and Word: headings, paragraphs, lists and tables holding the board pack's own
//! words, in the order a board reads them. Page one (where we stand, decisions requested,
//! against the target, what matters most, the counts, the levels in one line), then the
//! action plan, the level definitions in full, and with the appendix every answer.
//!
//! Nothing here works out a figure: every figure and count sentence comes from the model
//! ([`crate::pack`]) or from [`crate::figures`]. Each writer escapes the text for its format.

use super::since;
use crate::figures;
use crate::pack::{Area, BoardPack, ItemRow, PlanAction, Status, count, display_time, percent};

/// A piece of text in a paragraph, with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Plain text.
    Plain(String),
    /// Strong (bold) text.
    Strong(String),
    /// An identifier, in a fixed-width font.
    Code(String),
    /// Emphasised (italic) text.
    Emph(String),
}

/// A table of plain cells with a header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The column headings.
    pub header: Vec<String>,
    /// The rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// A row to stand out (where we stand, in the table of levels).
    pub marked: Option<usize>,
}

/// A numbered list of entries that each have a title, a few short fields and details: the
/// action plan and what matters most. Markdown writes it as a numbered list, Word as a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Records {
    /// The heading of the title column ("Action").
    pub title: &'static str,
    /// The names of the short fields, each a column in a table.
    pub columns: Vec<&'static str>,
    /// The entries.
    pub rows: Vec<Record>,
}

/// One entry of [`Records`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// What the entry is (an action in the imperative).
    pub title: String,
    /// The short fields, one per column of [`Records::columns`].
    pub columns: Vec<String>,
    /// Longer fields as (name, text), only those that hold something.
    pub details: Vec<(&'static str, String)>,
    /// A note that may span lines.
    pub note: Option<String>,
}

/// One block of the paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading: 1 is the paper's title, 2 a part, 3 a section within it, 4 a group.
    Heading(u8, String),
    /// A paragraph.
    Para(Vec<Span>),
    /// Lines of one paragraph, kept apart by line breaks.
    Lines(Vec<Vec<Span>>),
    /// A bulleted list, one paragraph per bullet.
    Bullets(Vec<Vec<Span>>),
    /// A table.
    Table(Table),
    /// A numbered list of entries with fields.
    Records(Records),
    /// Text that may span lines (a board's answer, a note), set apart as a quotation.
    Quote(String),
    /// Where a printed paper starts a new page.
    PageBreak,
}

fn plain(text: impl Into<String>) -> Span {
    Span::Plain(text.into())
}

fn strong(text: impl Into<String>) -> Span {
    Span::Strong(text.into())
}

/// A sentence from the model with its full stop, unless it has one already.
fn sentence(text: &str) -> String {
    if text.ends_with(['.', '!', '?']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The decision paper of a pack; with `appendix`, every answer follows, item by item.
pub fn paper(pack: &BoardPack, appendix: bool) -> Vec<Block> {
    let mut out = Vec::new();
    title(&mut out, pack);
    standing(&mut out, pack);
    decisions(&mut out, pack);
    against_target(&mut out, pack);
    top(&mut out, pack);
    counts(&mut out, pack);
    levels_short(&mut out, pack);
    out.push(Block::PageBreak);
    since(&mut out, pack);
    plan(&mut out, pack);
    later(&mut out, pack);
    board_answers(&mut out, pack);
    levels_full(&mut out, pack);
    method(&mut out, pack);
    if appendix {
        out.push(Block::PageBreak);
        every_answer(&mut out, pack);
    }
    out
}

fn title(out: &mut Vec<Block>, pack: &BoardPack) {
    let a = &pack.assessment;
    out.push(Block::Heading(
        1,
        format!("Supplier security board pack: {}", a.name),
    ));
    let mut lines = Vec::new();
    if !a.organisation.is_empty() {
        lines.push(vec![strong(&a.organisation)]);
    }
    lines.push(vec![
        plain("Assessment "),
        Span::Code(a.id.clone()),
        plain(format!(
            ", created {}, last changed {}.",
            display_time(&a.created),
            display_time(&a.updated)
        )),
    ]);
    if let Some(r) = &a.respondent {
        lines.push(vec![plain(format!("Answers given by {r}."))]);
    }
    out.push(Block::Lines(lines));
}

fn standing(out: &mut Vec<Block>, pack: &BoardPack) {
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

fn decisions(out: &mut Vec<Block>, pack: &BoardPack) {
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

fn against_target(out: &mut Vec<Block>, pack: &BoardPack) {
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

fn top(out: &mut Vec<Block>, pack: &BoardPack) {
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
                let mut columns = vec![
                    x.why.clone(),
                    x.owner_text.clone(),
                    x.due_text.clone(),
                    x.status_text.to_string(),
                ];
                if compared {
                    columns.push(x.since_text.clone().unwrap_or_default());
                }
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

fn top_columns(compared: bool) -> Vec<&'static str> {
    let mut columns = vec!["Why", "Owner", "Due", "Status"];
    if compared {
        columns.push("Since");
    }
    columns
}

fn counts(out: &mut Vec<Block>, pack: &BoardPack) {
    let c = &pack.page_one.counts;
    out.push(Block::Heading(2, "The counts".into()));
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

fn levels_short(out: &mut Vec<Block>, pack: &BoardPack) {
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

/// What changed since the earlier assessment, area by area, when the pack is compared.
fn since(out: &mut Vec<Block>, pack: &BoardPack) {
    let Some(c) = &pack.comparison else {
        return;
    };
    out.push(Block::Heading(2, format!("Since {}", c.before.name)));
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

fn plan(out: &mut Vec<Block>, pack: &BoardPack) {
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
    let mut columns = vec![
        x.why.clone(),
        x.owner_text.clone(),
        x.due_text.clone(),
        x.status_text.to_string(),
    ];
    if compared {
        columns.push(x.since_text.clone().unwrap_or_default());
    }
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
        details.push((
            "Evidence",
            x.evidence
                .iter()
                .map(|e| match &e.reviewed {
                    Some(day) => format!("{} (reviewed {day})", e.reference),
                    None => e.reference.clone(),
                })
                .collect::<Vec<_>>()
                .join("; "),
        ));
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

/// The sections other parts of the product fill, each only when it holds something.
fn later(out: &mut Vec<Block>, pack: &BoardPack) {
    let l = &pack.later;
    if !l.disagreements.is_empty() {
        out.push(Block::Heading(2, "Where we disagreed".into()));
        out.push(Block::Records(Records {
            title: "Question",
            columns: vec!["Spread", "Settled on"],
            rows: l
                .disagreements
                .iter()
                .map(|d| Record {
                    title: d.prompt.clone(),
                    columns: vec![
                        d.spread.clone(),
                        d.settled.clone().unwrap_or_else(|| "not yet".into()),
                    ],
                    details: d
                        .answers
                        .iter()
                        .map(|r| {
                            let who = match &r.group {
                                Some(g) => format!("{} ({g})", r.respondent),
                                None => r.respondent.clone(),
                            };
                            ("Answer", format!("{who}: {}", r.answer))
                        })
                        .collect(),
                    note: None,
                })
                .collect(),
        }));
    }
    if !l.perception_gaps.is_empty() {
        out.push(Block::Heading(2, "How the groups see it".into()));
        out.push(Block::Table(Table {
            header: ["Area", "Groups", "Gap"].map(String::from).to_vec(),
            rows: l
                .perception_gaps
                .iter()
                .map(|g| {
                    let groups = g
                        .groups
                        .iter()
                        .map(|(group, score)| format!("{group}: {score}"))
                        .collect::<Vec<_>>()
                        .join("; ");
                    vec![g.section.clone(), groups, g.gap.clone()]
                })
                .collect(),
            marked: None,
        }));
    }
    if !l.parked.is_empty() {
        out.push(Block::Heading(2, "Parked for later".into()));
        out.push(Block::Bullets(
            l.parked
                .iter()
                .map(|p| vec![plain(format!("{} ({})", p.prompt, p.section))])
                .collect(),
        ));
    }
    if let Some(suppliers) = l.portfolio.as_ref().filter(|s| !s.is_empty()) {
        out.push(Block::Heading(2, "Top risks by supplier".into()));
        out.push(Block::Table(Table {
            header: ["Supplier", "Tier", "Level", "Score", "Top risks"]
                .map(String::from)
                .to_vec(),
            rows: suppliers
                .iter()
                .map(|s| {
                    vec![
                        s.supplier.clone(),
                        s.tier.clone().unwrap_or_default(),
                        s.level_text.clone(),
                        s.score_text.clone(),
                        s.top_risks.join("; "),
                    ]
                })
                .collect(),
            marked: None,
        }));
    }
}

fn board_answers(out: &mut Vec<Block>, pack: &BoardPack) {
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

fn levels_full(out: &mut Vec<Block>, pack: &BoardPack) {
    out.push(Block::Heading(2, "The levels in full".into()));
    for d in &pack.page_one.levels {
        out.push(Block::Para(vec![
            strong(format!("Level {} · {}", d.number, d.name)),
            plain(format!(": {}", d.full)),
        ]));
    }
}

fn method(out: &mut Vec<Block>, pack: &BoardPack) {
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

/// The order of the groups within an area of the appendix: what needs work first.
fn group_rank(row: &ItemRow) -> (u8, u8) {
    let level = row.level.unwrap_or(0);
    match row.status {
        Status::BelowPassMark => (0, level),
        Status::Unanswered => (1, 0),
        Status::Achieved => (2, level),
        Status::NotApplicable => (3, 0),
        Status::Text => (4, 0),
    }
}

fn every_answer(out: &mut Vec<Block>, pack: &BoardPack) {
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
