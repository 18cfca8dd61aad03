//! How a figure or an answer is put in words, once for every surface (the app, plain mode,
//! the command line and every report format): levels, percentages, counts, times, and an
//! answer as people read it.

use serde::Serialize;

use crate::assessment::Answer;
use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::scoring::{self, Figures, ItemValue};
use crate::text::{sanitize, sanitize_line};

/// Where an item's answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// No answer yet.
    Unanswered,
    /// Answered N/A: left out of the figures.
    NotApplicable,
    /// A scored item answered and achieved.
    Achieved,
    /// A scored item answered below the pass mark.
    BelowPassMark,
    /// A text item answered.
    Text,
}

/// How one check of a checklist was answered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckRow {
    /// What is checked.
    pub text: String,
    /// Ticked.
    pub ticked: bool,
    /// Marked not applicable.
    pub na: bool,
}

/// An item's answer as people read it: "Largely implemented", "3 of 6 checks in place",
/// "Not applicable", a text answer, or "" when unanswered.
pub fn describe_answer(q: &Questionnaire, item: &Item, answer: Option<&Answer>) -> String {
    let (status, _) = status_of(q, scoring::item_value(q, item, answer));
    answer_label(q, item, answer, status)
}

/// Where an item stands, and its value when it has one.
pub fn status_of(q: &Questionnaire, value: ItemValue) -> (Status, Option<f64>) {
    match value {
        ItemValue::Unanswered | ItemValue::Text(false) => (Status::Unanswered, None),
        ItemValue::NotApplicable => (Status::NotApplicable, None),
        ItemValue::Text(true) => (Status::Text, None),
        ItemValue::Value(v) if v >= q.pass_mark => (Status::Achieved, Some(v)),
        ItemValue::Value(v) => (Status::BelowPassMark, Some(v)),
    }
}

/// The answer to an item as people read it.
pub fn answer_label(
    q: &Questionnaire,
    item: &Item,
    answer: Option<&Answer>,
    status: Status,
) -> String {
    let Some(answer) = answer else {
        return String::new();
    };
    match status {
        Status::Unanswered => String::new(),
        Status::NotApplicable => "Not applicable".to_string(),
        Status::Text => sanitize(answer.text.as_deref().unwrap_or_default())
            .trim()
            .to_string(),
        Status::Achieved | Status::BelowPassMark => match item.kind {
            ItemKind::Choice => answer
                .choice
                .as_ref()
                .and_then(|key| q.options(item).iter().find(|o| &o.key == key))
                .map(|o| sanitize_line(&o.label))
                .unwrap_or_default(),
            ItemKind::Checklist => {
                let rows = check_rows(item, Some(answer));
                let applicable = rows.iter().filter(|c| !c.na).count();
                let ticked = rows.iter().filter(|c| c.ticked && !c.na).count();
                let word = if applicable == 1 { "check" } else { "checks" };
                format!("{ticked} of {applicable} {word} in place")
            }
            ItemKind::Text => String::new(),
        },
    }
}

pub fn check_rows(item: &Item, answer: Option<&Answer>) -> Vec<CheckRow> {
    if item.kind != ItemKind::Checklist {
        return Vec::new();
    }
    item.checks
        .iter()
        .map(|c| CheckRow {
            text: sanitize_line(&c.text),
            ticked: answer
                .and_then(|a| a.checked.as_ref())
                .is_some_and(|ticked| ticked.iter().any(|t| t == &c.id)),
            na: answer.is_some_and(|a| a.na_checks.iter().any(|n| n == &c.id)),
        })
        .collect()
}

/// A stored RFC 3339 time as people read it, e.g. "22 November 2026, 10:00 UTC"; the
/// stored text itself when it cannot be read as a time.
pub fn display_time(stored: &str) -> String {
    stored.parse::<jiff::Timestamp>().map_or_else(
        |_| sanitize_line(stored),
        |t| t.strftime("%-d %B %Y, %H:%M UTC").to_string(),
    )
}

/// A score as a whole percentage ("52 %"), or "–" when there is none.
pub fn percent(score: Option<f64>) -> String {
    score.map_or_else(|| "–".to_string(), |s| format!("{:.0} %", s * 100.0))
}

/// A weight without needless decimals: 1, 2, 1.5.
pub fn number(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Text cut to `max` characters with an ellipsis.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A count with its noun, singular or plural: "1 item", "2 items".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A level as "2 Managed", or "–" when there is none.
pub fn level_words(level: Option<u8>) -> String {
    level.map_or_else(
        || "–".to_string(),
        |l| format!("{l} {}", scoring::level_name(l)),
    )
}

/// An area's or the whole assessment's level as "2 Managed", or "–" when there is none.
pub fn level_text(figures: &Figures) -> String {
    level_words(figures.level)
}
