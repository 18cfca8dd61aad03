//! Sections of the board pack that other parts of the product fill: where respondents
//! disagreed, the perception gap between groups, parked items, and a portfolio of suppliers.
//! [`super::BoardPack::build`] fills the workshop's (see `workshop.rs`); a writer shows a
//! section only when it holds something.

use serde::Serialize;

use super::suppliers::PortfolioSection;

/// A respondent of a workshop: someone named in the assessment's `respondents` or
/// `responses`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    /// Their name.
    pub name: String,
    /// Their group ("board", "management", …), when recorded.
    pub group: Option<String>,
}

/// One respondent's own answer to an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RespondentAnswer {
    /// The respondent's name.
    pub respondent: String,
    /// Their group ("board", "management", …), when recorded.
    pub group: Option<String>,
    /// Their answer, in words; "" when they gave none (shown as [`NO_ANSWER`]).
    pub answer: String,
}

impl RespondentAnswer {
    /// Who, as shown: "Ann (board)", or the name alone without a group.
    pub fn who(&self) -> String {
        match &self.group {
            Some(g) => format!("{} ({g})", self.respondent),
            None => self.respondent.clone(),
        }
    }

    /// The answer as shown: the words, or [`NO_ANSWER`].
    pub fn shown(&self) -> &str {
        if self.answer.is_empty() {
            NO_ANSWER
        } else {
            &self.answer
        }
    }
}

/// How a respondent who gave no answer is shown.
pub const NO_ANSWER: &str = "no answer";

/// An item the respondents answered differently ("Where we disagreed"), disputed or settled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The question.
    pub prompt: String,
    /// The area's (section's) title.
    pub section: String,
    /// Every respondent's own answer, in the order of [`Later::respondents`].
    pub answers: Vec<RespondentAnswer>,
    /// How far the answers lie apart, in words ("67 points", or "–" when they differ in
    /// another way).
    pub spread: String,
    /// The largest value given minus the smallest (0 when fewer than two have a value).
    pub spread_value: f64,
    /// Whether it is still disputed (not settled).
    pub disputed: bool,
    /// The answer settled on, in words; `None` while the item is disputed.
    pub settled: Option<String>,
    /// Who settled it.
    pub settled_by: Option<String>,
    /// Whose answer was taken; `None` when a new answer was written or while disputed.
    pub settled_from: Option<String>,
    /// How it was settled, in words: "settled by Fiona on 30 November 2026, taking Bob's
    /// answer", "settled by Fiona on 30 November 2026, a new answer written", or "still
    /// disputed".
    pub settlement: String,
}

/// One group's figures in the perception gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupFigures {
    /// The group's word.
    pub group: String,
    /// How it is shown: the group's word, or for one respondent "Ann (board)".
    pub label: String,
    /// The score on the group's answers (`null` with no applicable item).
    pub score: Option<f64>,
    /// The score in words ("72 %", "–").
    pub score_text: String,
    /// The level reached on the group's answers.
    pub level: Option<u8>,
    /// The level in words.
    pub level_text: String,
}

/// How differently the groups see one area.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapArea {
    /// The area's full id.
    pub area: String,
    /// The area's title.
    pub section: String,
    /// Each group's figures, in the order of [`PerceptionGap::groups`].
    pub groups: Vec<GroupFigures>,
    /// The compared group's shown score minus the others' mean, in signed points ("+12",
    /// "-3", "0", "–").
    pub difference: String,
}

/// An item where the compared group (the board) answered above the others.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapItem {
    /// `<questionnaire id>/<item id>`.
    pub item: String,
    /// The question.
    pub prompt: String,
    /// The area's title.
    pub section: String,
    /// The compared group's value minus the others' mean.
    pub difference_value: f64,
    /// The same in words ("67 points").
    pub difference: String,
    /// Every respondent's answer.
    pub answers: Vec<RespondentAnswer>,
}

/// The perception gap between the respondent groups (core [`crate::gap`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PerceptionGap {
    /// The groups' labels, in the gap's order.
    pub groups: Vec<String>,
    /// The label of the group compared with the others (the board when there is one).
    pub compared: String,
    /// The labels of the groups it is compared with.
    pub against: Vec<String>,
    /// Each group's overall figures.
    pub overall: Vec<GroupFigures>,
    /// The overall difference in signed points.
    pub difference: String,
    /// Every area, in questionnaire order.
    pub areas: Vec<GapArea>,
    /// The items where the compared group is highest above the others, widest first (at
    /// most [`GAP_ITEMS`]).
    pub items: Vec<GapItem>,
    /// How many such items there are in all.
    pub items_total: usize,
}

/// How many of the perception gap's items a pack lists.
pub const GAP_ITEMS: usize = 10;

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
    /// Where we disagreed: every item with respondents' answers (disputed or settled),
    /// widest spread first, then in questionnaire order.
    pub disagreements: Vec<Disagreement>,
    /// The perception gap between groups, when the assessment has two groups or more.
    pub perception_gap: Option<PerceptionGap>,
    /// Items parked in a workshop, in questionnaire order.
    pub parked: Vec<Parked>,
    /// The supplier portfolio and the top risks by supplier (`report --portfolio`).
    pub portfolio: Option<PortfolioSection>,
    /// The workshop's respondents: those of `respondents`, then anyone else named in
    /// `responses`, each once.
    pub respondents: Vec<Person>,
}
