//! The board pack as JSON for other tools (`supplycheck.report/1`): the assessment, its
//! questionnaires, the score report of `supplycheck score --json` unchanged, the action
//! plan and every answer; compared with an earlier assessment, also the comparison of
//! `supplycheck compare --json` unchanged (the field is left out otherwise).

use serde::Serialize;

use super::BoardPack;
use crate::compare::Comparison;
use crate::pack::{Action, AssessmentInfo, BoardAnswer, ItemRow, QuestionnaireInfo};
use crate::scoring::ScoreReport;

/// The format tag of a JSON board pack.
pub const REPORT_FORMAT: &str = "supplycheck.report/1";

/// The JSON document.
#[derive(Serialize)]
struct Document<'p> {
    format: &'static str,
    assessment: &'p AssessmentInfo,
    questionnaires: &'p [QuestionnaireInfo],
    score: &'p ScoreReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    comparison: Option<&'p Comparison>,
    board_answers: &'p [BoardAnswer],
    action_plan: &'p [Action],
    answers: &'p [ItemRow],
    scoring_rule: &'static str,
}

/// Writes the board pack as pretty JSON.
pub fn render(pack: &BoardPack) -> String {
    let doc = Document {
        format: REPORT_FORMAT,
        assessment: &pack.assessment,
        questionnaires: &pack.questionnaires,
        score: &pack.score,
        comparison: pack.comparison.as_ref(),
        board_answers: &pack.board_answers,
        action_plan: &pack.action_plan,
        answers: &pack.items,
        scoring_rule: pack.scoring_rule,
    };
    // Serialising plain data to a string cannot fail.
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
