//! The assessment format (`supplycheck.assessment/1`): one organisation's answers.

use std::collections::BTreeMap;
use std::fmt;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::stamp;

/// The format tag every assessment file carries.
pub const ASSESSMENT_FORMAT: &str = "supplycheck.assessment/1";

/// An assessment: who answered which questionnaires, and their answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Always [`ASSESSMENT_FORMAT`].
    pub format: String,
    /// File-safe id, also the file name in the data directory.
    #[serde(deserialize_with = "valid_id")]
    pub id: String,
    /// A name people recognise.
    pub name: String,
    /// The organisation assessed.
    #[serde(default)]
    pub organisation: String,
    /// Who gave these answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub respondent: Option<String>,
    /// When it was created (stored as RFC 3339 in UTC, see [`stamp`]).
    #[serde(deserialize_with = "created", serialize_with = "stamp::serialize")]
    pub created: Timestamp,
    /// When it last changed (stored as RFC 3339 in UTC, see [`stamp`]).
    #[serde(deserialize_with = "updated", serialize_with = "stamp::serialize")]
    pub updated: Timestamp,
    /// The questionnaires answered, with the versions answered against; each at most once.
    #[serde(deserialize_with = "questionnaire_refs")]
    pub questionnaires: Vec<QuestionnaireRef>,
    /// Answers by full item name, `<questionnaire id>/<item id>`.
    #[serde(default)]
    pub answers: BTreeMap<String, Answer>,
    /// For a merged assessment: every respondent's answer to each item they disagreed on,
    /// by full item name. Settling an item removes its entry.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub responses: BTreeMap<String, Vec<Response>>,
}

/// A questionnaire an assessment uses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    /// The questionnaire's id.
    #[serde(deserialize_with = "valid_id")]
    pub id: String,
    /// The version answered against.
    pub version: String,
}

/// One item's answer. At most one of `choice`, `checked`, `na` and `text` is set; an
/// entry with none of them is unanswered but may carry a note, owner or flag.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The chosen option's key (choice items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub choice: Option<String>,
    /// The ticked check ids (checklists); present, even empty, means answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<Vec<String>>,
    /// Checks marked not applicable (checklists).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub na_checks: Vec<String>,
    /// The item is not applicable.
    #[serde(default, skip_serializing_if = "is_false")]
    pub na: bool,
    /// A text answer (text items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A note on the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The role that owns the follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Marked for follow-up.
    #[serde(default, skip_serializing_if = "is_false")]
    pub flag: bool,
}

/// One respondent's answer to a disputed item of a merged assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// Who gave it.
    pub respondent: String,
    /// What they answered.
    pub answer: Answer,
}

/// Reads an id, refusing one that is not lower-case letters, digits and `-` (at most 64).
fn valid_id<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let id = String::deserialize(d)?;
    if crate::questionnaire::is_valid_id(&id) {
        Ok(id)
    } else {
        Err(serde::de::Error::custom(format!(
            "\"id\": {}",
            crate::questionnaire::bad_id_message(&id)
        )))
    }
}

fn created<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    stamp::deserialize(d, "created")
}

fn updated<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    stamp::deserialize(d, "updated")
}

/// Reads the questionnaires of an assessment, refusing one listed twice.
fn questionnaire_refs<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<QuestionnaireRef>, D::Error> {
    let refs = Vec::<QuestionnaireRef>::deserialize(d)?;
    for (n, r) in refs.iter().enumerate() {
        if refs[..n].iter().any(|earlier| earlier.id == r.id) {
            return Err(serde::de::Error::custom(format!(
                "\"questionnaires\" lists \"{}\" twice; list each questionnaire once",
                r.id
            )));
        }
    }
    Ok(refs)
}

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

impl Answer {
    /// Whether the entry holds an answer (N/A counts).
    pub fn is_answered(&self) -> bool {
        self.na || self.choice.is_some() || self.checked.is_some() || self.text.is_some()
    }

    /// Whether the entry holds nothing at all and can be dropped.
    pub fn is_empty(&self) -> bool {
        !self.is_answered()
            && self.na_checks.is_empty()
            && self.note.as_deref().is_none_or(str::is_empty)
            && self.owner.is_none()
            && !self.flag
    }

    /// Clears the answer itself, keeping note, owner and flag.
    pub fn clear_value(&mut self) {
        self.choice = None;
        self.checked = None;
        self.na_checks.clear();
        self.na = false;
        self.text = None;
    }

    /// Makes this entry give `other`'s answer (choice, ticks, N/A checks, N/A and text),
    /// keeping its own note, owner and flag.
    pub fn copy_value_from(&mut self, other: &Answer) {
        self.choice.clone_from(&other.choice);
        self.checked.clone_from(&other.checked);
        self.na_checks.clone_from(&other.na_checks);
        self.na = other.na;
        self.text.clone_from(&other.text);
    }

    /// Whether two entries give the same answer (notes, owners and flags aside).
    pub fn same_value(&self, other: &Answer) -> bool {
        let sorted = |v: &Option<Vec<String>>| {
            v.as_ref().map(|v| {
                let mut v = v.clone();
                v.sort();
                v
            })
        };
        let mut na_a = self.na_checks.clone();
        let mut na_b = other.na_checks.clone();
        na_a.sort();
        na_b.sort();
        self.na == other.na
            && self.choice == other.choice
            && self.text == other.text
            && sorted(&self.checked) == sorted(&other.checked)
            && na_a == na_b
    }
}

/// A problem found when checking an assessment against its questionnaires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The full item name, or a field name.
    pub place: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl Assessment {
    /// A new, empty assessment of the given questionnaires, stamped now.
    pub fn new(
        id: String,
        name: String,
        organisation: String,
        respondent: Option<String>,
        questionnaires: &[&Questionnaire],
    ) -> Self {
        let now = stamp::now();
        Self {
            format: ASSESSMENT_FORMAT.to_string(),
            id,
            name,
            organisation,
            respondent,
            created: now,
            updated: now,
            questionnaires: questionnaires
                .iter()
                .map(|q| QuestionnaireRef {
                    id: q.id.clone(),
                    version: q.version.clone(),
                })
                .collect(),
            answers: BTreeMap::new(),
            responses: BTreeMap::new(),
        }
    }

    /// The answer to an item, by full name.
    pub fn answer(&self, full_id: &str) -> Option<&Answer> {
        self.answers.get(full_id)
    }

    /// Sets the entry of item `full` to `answer`. An answer settles a dispute: when the entry
    /// is answered, the item's `responses` are removed. Returns whether a dispute was settled.
    pub fn set_answer(&mut self, full: &str, answer: Answer) -> bool {
        let answered = answer.is_answered();
        self.answers.insert(full.to_string(), answer);
        answered && self.responses.remove(full).is_some()
    }

    /// Sets `updated` to now.
    pub fn touch(&mut self) {
        self.updated = stamp::now();
    }
}

/// What is wrong with an answer to `item`, in words (empty when it fits).
pub fn answer_problems(
    q: &Questionnaire,
    item: &crate::questionnaire::Item,
    a: &Answer,
) -> Vec<String> {
    let mut out = Vec::new();
    let set = [
        a.choice.is_some(),
        a.checked.is_some(),
        a.na,
        a.text.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if set > 1 {
        out.push("holds more than one of choice, checked, na and text".into());
    }
    if a.na && !item.allows_na() {
        out.push("is N/A, but this item does not allow N/A".into());
    }
    match item.kind {
        ItemKind::Choice => {
            if let Some(key) = &a.choice
                && !q.options(item).iter().any(|o| &o.key == key)
            {
                out.push(format!(
                    "unknown option \"{key}\"; valid options: {}",
                    q.options(item)
                        .iter()
                        .map(|o| o.key.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
        }
        ItemKind::Checklist => {
            for id in a.checked.iter().flatten().chain(&a.na_checks) {
                if item.check(id).is_none() {
                    out.push(format!(
                        "unknown check \"{id}\"; valid checks: {}",
                        item.checks
                            .iter()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
        }
        ItemKind::Text => {}
    }
    let wrong = match item.kind {
        ItemKind::Choice => a.checked.is_some() || a.text.is_some(),
        ItemKind::Checklist => a.choice.is_some() || a.text.is_some(),
        ItemKind::Text => a.choice.is_some() || a.checked.is_some(),
    };
    if wrong {
        out.push(format!("does not fit a {} item", item.kind.as_str()));
    }
    out
}

/// The current time as RFC 3339 in UTC, to the second.
pub fn now_rfc3339() -> String {
    stamp::stored(&stamp::now())
}

/// Sets the answer of `item` from a command-line VALUE: an option key, `na`, a
/// comma-separated list of ticked check ids (`""` for none), or text. `na_checks` is a
/// checklist's comma-separated N/A checks. Note, owner and flag are kept.
pub fn apply_value(
    q: &Questionnaire,
    item: &crate::questionnaire::Item,
    answer: &mut Answer,
    value: &str,
    na_checks: Option<&str>,
) -> Result<(), String> {
    let split = |s: &str| -> Vec<String> {
        s.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    };
    let mut next = Answer::default();
    if value == "na" && item.kind != ItemKind::Text {
        if !item.allows_na() {
            return Err(format!("{} does not allow N/A", item.id));
        }
        next.na = true;
    } else {
        match item.kind {
            ItemKind::Choice => {
                if !q.options(item).iter().any(|o| o.key == value) {
                    return Err(format!(
                        "\"{}\" is not an option of {}; valid: {}{}",
                        crate::text::sanitize_line(value),
                        item.id,
                        q.options(item)
                            .iter()
                            .map(|o| o.key.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                        if item.allows_na() { ", na" } else { "" }
                    ));
                }
                next.choice = Some(value.to_string());
            }
            ItemKind::Checklist => {
                next.checked = Some(split(value));
                next.na_checks = na_checks.map(split).unwrap_or_default();
                let unknown: Vec<&String> = next
                    .checked
                    .iter()
                    .flatten()
                    .chain(&next.na_checks)
                    .filter(|id| item.check(id).is_none())
                    .collect();
                if !unknown.is_empty() {
                    return Err(format!(
                        "{} has no check {}; valid checks: {}",
                        item.id,
                        unknown
                            .iter()
                            .map(|u| format!("\"{}\"", crate::text::sanitize_line(u)))
                            .collect::<Vec<_>>()
                            .join(", "),
                        item.checks
                            .iter()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
                if let Some(both) = next
                    .na_checks
                    .iter()
                    .find(|n| next.checked.iter().flatten().any(|c| c == *n))
                {
                    return Err(format!("check \"{both}\" cannot be both ticked and N/A"));
                }
            }
            ItemKind::Text => next.text = Some(value.to_string()),
        }
    }
    if na_checks.is_some() && item.kind != ItemKind::Checklist {
        return Err(format!(
            "--na-checks is for checklists; {} is a {} item",
            item.id,
            item.kind.as_str()
        ));
    }
    answer.copy_value_from(&next);
    Ok(())
}

// How one key press in the app changes an answer. Each rule keeps the note, owner and
// flag, and leaves at most one of choice, ticks, N/A and text set.
impl Answer {
    /// Answers a choice item with option `key`.
    pub fn choose_option(&mut self, key: &str) {
        self.clear_value();
        self.choice = Some(key.to_string());
    }

    /// Ticks check `index` of checklist `item`, or takes the tick off; a ticked check is no
    /// longer N/A, and the item stops being N/A. Ticks stay in the checklist's order.
    pub fn toggle_check(&mut self, item: &Item, index: usize) {
        let Some(id) = item.checks.get(index).map(|c| c.id.clone()) else {
            return;
        };
        self.na = false;
        self.na_checks.retain(|c| *c != id);
        let checked = self.checked.get_or_insert_with(Vec::new);
        if let Some(at) = checked.iter().position(|c| *c == id) {
            checked.remove(at);
        } else {
            checked.push(id);
            checked.sort_by_key(|c| item.checks.iter().position(|k| k.id == *c));
        }
    }

    /// Marks check `index` of checklist `item` N/A (taking its tick off), or applicable
    /// again; the item stops being N/A. With every check N/A the checklist is answered.
    pub fn toggle_na_check(&mut self, item: &Item, index: usize) {
        let Some(id) = item.checks.get(index).map(|c| c.id.clone()) else {
            return;
        };
        self.na = false;
        if let Some(at) = self.na_checks.iter().position(|c| *c == id) {
            self.na_checks.remove(at);
        } else {
            self.na_checks.push(id.clone());
            self.na_checks
                .sort_by_key(|c| item.checks.iter().position(|k| k.id == *c));
            if let Some(checked) = self.checked.as_mut() {
                checked.retain(|c| *c != id);
            }
        }
        if self.na_checks.len() == item.checks.len() && self.checked.is_none() {
            self.checked = Some(Vec::new());
        }
    }

    /// Answers the item N/A, or takes the N/A back (leaving it unanswered).
    pub fn toggle_na(&mut self) {
        let was = self.na;
        self.clear_value();
        self.na = !was;
    }

    /// Flags the item for follow-up, or takes the flag off; returns whether it is flagged.
    pub fn toggle_flag(&mut self) -> bool {
        self.flag = !self.flag;
        self.flag
    }

    /// Sets the note (`text == false`) or a text item's answer (`text == true`) to what was
    /// written; blank writing clears it. Returns whether anything changed.
    pub fn set_written(&mut self, text: bool, written: &str) -> bool {
        let value = (!written.trim().is_empty()).then(|| written.to_string());
        let field = if text { &mut self.text } else { &mut self.note };
        if *field == value {
            return false;
        }
        *field = value;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{choice, na, ticked, worked_example};

    #[test]
    fn copying_a_value_replaces_the_answer_and_keeps_note_owner_and_flag() {
        let mut entry = Answer {
            na_checks: vec!["y".into()],
            note: Some("ask IT".into()),
            owner: Some("legal".into()),
            flag: true,
            ..ticked(&["x"])
        };
        entry.copy_value_from(&Answer {
            note: Some("other note".into()),
            ..choice("fully")
        });
        assert_eq!(
            entry,
            Answer {
                note: Some("ask IT".into()),
                owner: Some("legal".into()),
                flag: true,
                ..choice("fully")
            }
        );
    }

    #[test]
    fn an_answer_settles_a_dispute_and_an_empty_entry_does_not() {
        let q = worked_example();
        let mut a = crate::test_support::assessment(&q, "w", &[]);
        let disputed = vec![Response {
            respondent: "Ann".into(),
            answer: choice("not"),
        }];
        a.responses.insert("worked-example/a".into(), disputed);
        let noted = Answer {
            note: Some("later".into()),
            ..Answer::default()
        };
        assert!(!a.set_answer("worked-example/a", noted.clone()));
        assert_eq!(a.answers["worked-example/a"], noted);
        assert!(a.responses.contains_key("worked-example/a"));
        assert!(a.set_answer("worked-example/a", na()));
        assert!(a.answers["worked-example/a"].na);
        assert!(a.responses.is_empty());
        assert!(
            !a.set_answer("worked-example/b", choice("fully")),
            "no dispute to settle"
        );
    }

    fn checklist() -> Item {
        worked_example()
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| i.kind == ItemKind::Checklist)
            .cloned()
            .expect("the worked example has a checklist")
    }

    #[test]
    fn choosing_an_option_replaces_the_answer_and_keeps_the_note() {
        let mut a = Answer {
            note: Some("ask IT".into()),
            ..na()
        };
        a.choose_option("fully");
        assert_eq!(
            a,
            Answer {
                note: Some("ask IT".into()),
                ..choice("fully")
            }
        );
    }

    #[test]
    fn ticking_keeps_the_checklist_order_and_ends_n_a() {
        let item = checklist();
        let ids: Vec<String> = item.checks.iter().map(|c| c.id.clone()).collect();
        let mut a = na();
        a.toggle_check(&item, 1);
        a.toggle_check(&item, 0);
        assert!(!a.na);
        assert_eq!(a.checked, Some(vec![ids[0].clone(), ids[1].clone()]));
        a.toggle_check(&item, 0);
        assert_eq!(a.checked, Some(vec![ids[1].clone()]));
        a.toggle_check(&item, 99);
        assert_eq!(
            a.checked,
            Some(vec![ids[1].clone()]),
            "no such check: no change"
        );
    }

    #[test]
    fn a_check_marked_n_a_loses_its_tick_and_all_n_a_answers_the_list() {
        let item = checklist();
        let mut a = Answer::default();
        a.toggle_check(&item, 0);
        a.toggle_na_check(&item, 0);
        assert_eq!(a.checked, Some(vec![]));
        assert_eq!(a.na_checks, vec![item.checks[0].id.clone()]);
        a.toggle_na_check(&item, 0);
        assert!(a.na_checks.is_empty());
        let mut all = Answer::default();
        for n in 0..item.checks.len() {
            all.toggle_na_check(&item, n);
        }
        assert!(all.is_answered(), "every check N/A answers the checklist");
        all.toggle_check(&item, 0);
        assert_eq!(all.na_checks.len(), item.checks.len() - 1);
    }

    #[test]
    fn n_a_toggles_and_clears_the_value() {
        let mut a = choice("fully");
        a.toggle_na();
        assert_eq!(a, na());
        a.toggle_na();
        assert!(!a.is_answered());
        assert!(a.toggle_flag());
        assert!(!a.toggle_flag());
    }

    #[test]
    fn writing_blank_clears_and_the_same_text_is_no_change() {
        let mut a = Answer::default();
        assert!(a.set_written(false, "call back"));
        assert!(!a.set_written(false, "call back"));
        assert_eq!(a.note.as_deref(), Some("call back"));
        assert!(a.set_written(true, "We use SBOMs."));
        assert_eq!(a.text.as_deref(), Some("We use SBOMs."));
        assert!(a.set_written(false, "  \n"));
        assert_eq!(a.note, None);
    }

    #[test]
    fn the_examples_round_trip_byte_for_byte() {
        for text in [
            include_str!("../../examples/acme-2025.json"),
            include_str!("../../examples/acme-2026.json"),
        ] {
            let a: Assessment = serde_json::from_str(text).expect("an example assessment");
            let mut again = serde_json::to_string_pretty(&a).expect("serialises");
            again.push('\n');
            assert_eq!(again, text);
        }
    }

    #[test]
    fn times_are_kept_as_times_and_stored_as_rfc_3339_in_utc() {
        let text = include_str!("../../examples/acme-2026.json");
        let mut a: Assessment = serde_json::from_str(text).expect("an example assessment");
        assert_eq!(a.created.to_string(), "2026-11-02T09:00:00Z");
        assert!(a.created < a.updated);
        a.updated = "2026-11-22T12:00:00+02:00".parse().expect("a time");
        let json = serde_json::to_value(&a).expect("serialises");
        assert_eq!(json["updated"], "2026-11-22T10:00:00Z");
        let before = a.updated;
        a.touch();
        assert!(a.updated > before);
        assert_eq!(a.updated.subsec_nanosecond(), 0);
    }
}
