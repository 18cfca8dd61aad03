//! The assessment format (`supplycheck.assessment/2`, which also reads `/1`): one
//! organisation's answers.

use std::collections::BTreeMap;
use std::fmt;

use indexmap::IndexMap;
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::questionnaire::Questionnaire;
use crate::record::{Respondent, Session, Settled, Subject};
use crate::stamp;

mod answer;
mod workshop;

pub use answer::{Answer, Mixed, Value, answer_problems, apply_value};
pub use workshop::{FACILITATOR, MAX_NAME_CHARS, check_name};

/// The format tag of an assessment written by this version: every save writes it.
pub const ASSESSMENT_FORMAT: &str = "supplycheck.assessment/2";

/// The format tag of the first assessment format, still read. Format 2 only adds optional
/// fields, so a `/1` file reads as format 2 (it may already use format 2's fields) and is
/// saved as format 2.
pub const ASSESSMENT_FORMAT_1: &str = "supplycheck.assessment/1";

/// Every assessment format this version reads.
pub const ASSESSMENT_FORMATS: [&str; 2] = [ASSESSMENT_FORMAT_1, ASSESSMENT_FORMAT];

/// An assessment: who answered which questionnaires, and their answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// [`ASSESSMENT_FORMAT`] (a file of format 1 reads as format 2); another value only when
    /// read from a file of a format this version does not read (see [`Assessment::check`]).
    #[serde(deserialize_with = "format")]
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
    #[serde(default, deserialize_with = "crate::text::unique_keys")]
    pub answers: BTreeMap<String, Answer>,
    /// For a merged assessment: every respondent's answer to each item they disagreed on,
    /// by full item name, kept for ever (also after the item is settled).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::text::unique_keys"
    )]
    pub responses: BTreeMap<String, Vec<Response>>,
    /// Answers an upgrade to a newer questionnaire version could not carry over, each with
    /// the version it was given against: nothing an assessment held is ever dropped.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<Retired>,
    /// How disputed items were settled, by full item name (format 2): who settled each, when,
    /// and whose answer was taken.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::text::unique_keys"
    )]
    pub settled: BTreeMap<String, Settled>,
    /// What the assessment covers: the organisation or one supplier (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<Subject>,
    /// The workshop plan: sessions, each with sections in order and time boxes (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plan: Vec<Session>,
    /// The people whose answers this assessment gathers (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<Respondent>,
    /// The level (0–3) the organisation aims for, per section (`<questionnaire>/<section>`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "targets"
    )]
    pub targets: Option<IndexMap<String, u8>>,
    /// The level (0–3) aimed for in every section `targets` does not name.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "default_target"
    )]
    pub default_target: Option<u8>,
}

/// An answer an upgrade could not carry over to the new version of its questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Retired {
    /// The full item name it answered, `<questionnaire id>/<item id>`.
    pub item: String,
    /// The questionnaire version it was given against.
    pub version: String,
    /// The answer, as it was stored.
    pub answer: Answer,
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

/// Reads the format tag: a file of format 1 reads as format 2 (and is saved as format 2);
/// any other tag is kept as read, for [`Assessment::check`] to report.
fn format<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let found = String::deserialize(d)?;
    Ok(if found == ASSESSMENT_FORMAT_1 {
        ASSESSMENT_FORMAT.to_string()
    } else {
        found
    })
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

/// A target level, refused outside 0–3.
fn target_level<E: serde::de::Error>(field: &str, level: i64) -> Result<u8, E> {
    u8::try_from(level).ok().filter(|l| *l <= 3).ok_or_else(|| {
        E::custom(format!(
            "{field} is {level}; a target is a level from 0 to 3"
        ))
    })
}

/// Reads `targets`: section ids `<questionnaire>/<section>` to levels 0–3.
fn targets<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<IndexMap<String, u8>>, D::Error> {
    let raw: IndexMap<String, i64> = crate::text::unique_keys(d)?;
    let mut out = IndexMap::new();
    for (section, level) in raw {
        let well_formed = section.split_once('/').is_some_and(|(q, s)| {
            crate::questionnaire::is_valid_id(q) && crate::questionnaire::is_valid_id(s)
        });
        if !well_formed {
            return Err(serde::de::Error::custom(format!(
                "\"targets\" names \"{}\"; name a section as <questionnaire id>/<section id>, \
                 e.g. \"cfcs-phases/planning\"",
                crate::text::sanitize_line(&section)
            )));
        }
        let level = target_level(
            &format!("the target of \"{}\"", crate::text::sanitize_line(&section)),
            level,
        )?;
        out.insert(section, level);
    }
    Ok(Some(out))
}

/// Reads `default_target`: a level 0–3.
fn default_target<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    let level = i64::deserialize(d)?;
    target_level("\"default_target\"", level).map(Some)
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
            retired: Vec::new(),
            settled: BTreeMap::new(),
            subject: None,
            plan: Vec::new(),
            respondents: Vec::new(),
            targets: None,
            default_target: None,
        }
    }

    /// The answer to an item, by full name.
    pub fn answer(&self, full_id: &str) -> Option<&Answer> {
        self.answers.get(full_id)
    }

    /// The level aimed for in section `full_id` (`<questionnaire>/<section>`): from
    /// `targets`, else `default_target`, else none.
    pub fn target(&self, full_id: &str) -> Option<u8> {
        self.targets
            .as_ref()
            .and_then(|t| t.get(full_id).copied())
            .or(self.default_target)
    }

    /// Sets the level aimed for: in section `full_id` (`<questionnaire>/<section>`), or in
    /// every section without a target of its own when `full_id` is `None`. `None` as the
    /// level removes that target.
    pub fn set_target(&mut self, full_id: Option<&str>, level: Option<u8>) {
        match (full_id, level) {
            (None, level) => self.default_target = level,
            (Some(id), Some(level)) => {
                self.targets
                    .get_or_insert_with(IndexMap::new)
                    .insert(id.to_string(), level);
            }
            (Some(id), None) => {
                if let Some(targets) = self.targets.as_mut() {
                    targets.shift_remove(id);
                    if targets.is_empty() {
                        self.targets = None;
                    }
                }
            }
        }
    }

    /// Sets what the assessment covers. Every answer is kept: an item whose condition stops
    /// holding keeps its answer, which counts again when the condition holds again. Returns
    /// whether the subject changed.
    pub fn set_subject(&mut self, subject: Subject) -> bool {
        if self.subject.as_ref() == Some(&subject) {
            return false;
        }
        self.subject = Some(subject);
        true
    }

    /// Sets `updated` to now.
    pub fn touch(&mut self) {
        self.updated = stamp::now();
    }
}

/// The current time as RFC 3339 in UTC, to the second.
pub fn now_rfc3339() -> String {
    stamp::stored(&stamp::now())
}

#[cfg(test)]
mod tests;
