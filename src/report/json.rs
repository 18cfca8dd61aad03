//! The board pack as JSON for other tools (`supplycheck.report/2`): the assessment, its
//! questionnaires, the score report of `supplycheck score --json` unchanged, the areas with
//! their targets, page one (the decision page), the ranked action plan and every answer;
//! compared with an earlier assessment, also the comparison of `supplycheck compare --json`
//! unchanged and the actions done since (both fields are left out otherwise); for a workshop,
//! its respondents, where they disagreed, the perception gap and the parked items (each left
//! out when empty); with `--portfolio`, the supplier portfolio (`supplycheck portfolio
//! --json` unchanged) and the top risks by supplier (left out otherwise).

use serde::Serialize;

use super::BoardPack;
use crate::compare::Comparison;
use crate::pack::{
    Area, AssessmentInfo, BoardAnswer, Disagreement, DoneSince, ItemRow, PageOne, Parked,
    PerceptionGap, Person, PlanAction, PortfolioSection, QuestionnaireInfo,
};
use crate::scoring::ScoreReport;

/// The format tag of a JSON board pack.
pub const REPORT_FORMAT: &str = "supplycheck.report/2";

/// The JSON document.
#[derive(Serialize)]
struct Document<'p> {
    format: &'static str,
    assessment: &'p AssessmentInfo,
    questionnaires: &'p [QuestionnaireInfo],
    score: &'p ScoreReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    comparison: Option<&'p Comparison>,
    areas: &'p [Area],
    page_one: &'p PageOne,
    plan: &'p [PlanAction],
    #[serde(skip_serializing_if = "Option::is_none")]
    done_since: Option<&'p [DoneSince]>,
    board_answers: &'p [BoardAnswer],
    answers: &'p [ItemRow],
    scoring_rule: &'static str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    respondents: &'p [Person],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    disagreements: &'p [Disagreement],
    #[serde(skip_serializing_if = "Option::is_none")]
    perception_gap: Option<&'p PerceptionGap>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    parked: &'p [Parked],
    #[serde(skip_serializing_if = "Option::is_none")]
    portfolio: Option<&'p PortfolioSection>,
}

/// Writes the board pack as pretty JSON.
pub fn render(pack: &BoardPack) -> String {
    let doc = Document {
        format: REPORT_FORMAT,
        assessment: &pack.assessment,
        questionnaires: &pack.questionnaires,
        score: &pack.score,
        comparison: pack.comparison.as_ref(),
        areas: &pack.areas,
        page_one: &pack.page_one,
        plan: &pack.plan,
        done_since: pack
            .comparison
            .is_some()
            .then_some(pack.done_since.as_slice()),
        board_answers: &pack.board_answers,
        answers: &pack.items,
        scoring_rule: pack.scoring_rule,
        respondents: &pack.later.respondents,
        disagreements: &pack.later.disagreements,
        perception_gap: pack.later.perception_gap.as_ref(),
        parked: &pack.later.parked,
        portfolio: pack.later.portfolio.as_ref(),
    };
    // Serialising plain data to a string cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
