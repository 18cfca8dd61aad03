//! Sections of the board pack that other parts of the product fill: where respondents
//! disagreed, the perception gap between groups, parked items, and a portfolio of suppliers.
//! [`super::BoardPack::build`] leaves them empty; a writer shows a section only when it
//! holds something.

use serde::Serialize;

use super::suppliers::PortfolioSection;

/// One respondent's own answer to a disputed item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RespondentAnswer {
    /// The respondent's name.
    pub respondent: String,
    /// Their group ("board", "management", …), when recorded.
    pub group: Option<String>,
    /// Their answer, in words.
    pub answer: String,
}

/// An item the respondents disagreed on ("Where we disagreed").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The question.
    pub prompt: String,
    /// Every respondent's answer.
    pub answers: Vec<RespondentAnswer>,
    /// The answer settled on, in words; `None` while the item is disputed.
    pub settled: Option<String>,
    /// How far the answers lie apart, in words ("67 points").
    pub spread: String,
}

/// How differently two groups see one area (the perception gap).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerceptionGap {
    /// The area's full id.
    pub area: String,
    /// The area's title.
    pub section: String,
    /// Each group and its score in words ("board: 72 %").
    pub groups: Vec<(String, String)>,
    /// The gap in words ("30 points").
    pub gap: String,
}

/// An item left for later in a workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parked {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The question.
    pub prompt: String,
    /// The area's title.
    pub section: String,
}

/// The sections other parts of the product add.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Later {
    /// Where we disagreed.
    pub disagreements: Vec<Disagreement>,
    /// The perception gap between groups.
    pub perception_gaps: Vec<PerceptionGap>,
    /// Items parked in a workshop.
    pub parked: Vec<Parked>,
    /// The supplier portfolio and the top risks by supplier (`report --portfolio`).
    pub portfolio: Option<PortfolioSection>,
}
