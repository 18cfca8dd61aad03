//! The assessment format (`supplycheck.assessment/2`, which also reads `/1`): one
//! organisation's answers.

use std::collections::BTreeMap;
use std::fmt;

use indexmap::IndexMap;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::record::{Evidence, Respondent, Session, Settled, Status, Subject};
use crate::stamp;

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
    /// by full item name. Settling an item removes its entry.
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
    /// How disputed items were settled, by full item name (format 2; kept, not yet written
    /// by supplycheck itself).
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

/// One item's answer: its value, and what goes with it whatever the value is (a note, the
/// role that owns the follow-up, a flag, and format 2's follow-up fields). Read and written
/// in the file shape (`choice`, `checked`, `na_checks`, `na`, `text`, `note`, `owner`,
/// `flag`, `due`, `status`, `evidence`, `decision`, `parked`), so every entry reads and
/// writes as it was.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(from = "AnswerFile", into = "AnswerFile")]
pub struct Answer {
    /// What was answered.
    pub value: Value,
    /// A note on the answer.
    pub note: Option<String>,
    /// The role that owns the follow-up.
    pub owner: Option<String>,
    /// Marked for follow-up.
    pub flag: bool,
    /// The day the follow-up is due.
    pub due: Option<Date>,
    /// Where the follow-up stands.
    pub status: Option<Status>,
    /// The evidence behind the answer.
    pub evidence: Vec<Evidence>,
    /// The wording of a decision the board is asked to take.
    pub decision: Option<String>,
    /// Left for later in a workshop.
    pub parked: bool,
}

/// What an item was answered: one of an option, ticks, N/A or text, or nothing yet.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    /// No answer yet.
    #[default]
    Unanswered,
    /// A checklist with these checks marked N/A but no ticks given yet (in the app: some,
    /// not all, checks marked N/A): unanswered, with the marks kept.
    NaChecks(Vec<String>),
    /// The chosen option's key (choice items).
    Choice(String),
    /// A checklist's answer: the ticked check ids (possibly none) and the checks marked N/A.
    Checklist {
        /// The ticked check ids.
        ticked: Vec<String>,
        /// The checks marked not applicable.
        na_checks: Vec<String>,
    },
    /// The item is not applicable.
    NotApplicable,
    /// A text answer (text items).
    Text(String),
    /// An entry read from a file that sets more than one of choice, ticks, N/A and text (or
    /// N/A checks beside a choice, N/A or text). It is kept as read and written back as
    /// read; the accessors of [`Answer`] read it field by field, so scoring reads N/A first
    /// and then the field that fits the item's kind, and [`answer_problems`] reports the
    /// values set at once. Changing the answer replaces it with one value.
    Mixed(Box<Mixed>),
}

/// The fields of an entry that sets more than one value; see [`Value::Mixed`]. Only a file
/// makes one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mixed {
    choice: Option<String>,
    checked: Option<Vec<String>>,
    na_checks: Vec<String>,
    na: bool,
    text: Option<String>,
}

/// An answer exactly as a file holds it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename = "Answer", deny_unknown_fields)]
struct AnswerFile {
    /// The chosen option's key (choice items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    choice: Option<String>,
    /// The ticked check ids (checklists); present, even empty, means answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    checked: Option<Vec<String>>,
    /// Checks marked not applicable (checklists).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    na_checks: Vec<String>,
    /// The item is not applicable.
    #[serde(default, skip_serializing_if = "is_false")]
    na: bool,
    /// A text answer (text items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    /// A note on the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    /// The role that owns the follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    owner: Option<String>,
    /// Marked for follow-up.
    #[serde(default, skip_serializing_if = "is_false")]
    flag: bool,
    /// The day the follow-up is due, `YYYY-MM-DD`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "due",
        serialize_with = "crate::record::some_day"
    )]
    due: Option<Date>,
    /// Where the follow-up stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    /// The evidence behind the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<Evidence>,
    /// The decision the board is asked to take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    decision: Option<String>,
    /// Left for later in a workshop.
    #[serde(default, skip_serializing_if = "is_false")]
    parked: bool,
}

fn due<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    stamp::deserialize_day(d, "due").map(Some)
}

impl From<Mixed> for Value {
    fn from(m: Mixed) -> Self {
        match m {
            Mixed {
                choice: None,
                checked: None,
                na_checks,
                na: false,
                text: None,
            } if na_checks.is_empty() => Value::Unanswered,
            Mixed {
                choice: None,
                checked: None,
                na_checks,
                na: false,
                text: None,
            } => Value::NaChecks(na_checks),
            Mixed {
                choice: Some(key),
                checked: None,
                na: false,
                text: None,
                na_checks,
            } if na_checks.is_empty() => Value::Choice(key),
            Mixed {
                choice: None,
                checked: Some(ticked),
                na_checks,
                na: false,
                text: None,
            } => Value::Checklist { ticked, na_checks },
            Mixed {
                choice: None,
                checked: None,
                na: true,
                text: None,
                na_checks,
            } if na_checks.is_empty() => Value::NotApplicable,
            Mixed {
                choice: None,
                checked: None,
                na: false,
                text: Some(text),
                na_checks,
            } if na_checks.is_empty() => Value::Text(text),
            mixed => Value::Mixed(Box::new(mixed)),
        }
    }
}

impl From<Value> for Mixed {
    fn from(value: Value) -> Self {
        match value {
            Value::Unanswered => Mixed::default(),
            Value::NaChecks(na_checks) => Mixed {
                na_checks,
                ..Mixed::default()
            },
            Value::Choice(key) => Mixed {
                choice: Some(key),
                ..Mixed::default()
            },
            Value::Checklist { ticked, na_checks } => Mixed {
                checked: Some(ticked),
                na_checks,
                ..Mixed::default()
            },
            Value::NotApplicable => Mixed {
                na: true,
                ..Mixed::default()
            },
            Value::Text(text) => Mixed {
                text: Some(text),
                ..Mixed::default()
            },
            Value::Mixed(mixed) => *mixed,
        }
    }
}

impl From<AnswerFile> for Answer {
    fn from(f: AnswerFile) -> Self {
        Answer {
            value: Value::from(Mixed {
                choice: f.choice,
                checked: f.checked,
                na_checks: f.na_checks,
                na: f.na,
                text: f.text,
            }),
            note: f.note,
            owner: f.owner,
            flag: f.flag,
            due: f.due,
            status: f.status,
            evidence: f.evidence,
            decision: f.decision,
            parked: f.parked,
        }
    }
}

impl From<Answer> for AnswerFile {
    fn from(a: Answer) -> Self {
        let Mixed {
            choice,
            checked,
            na_checks,
            na,
            text,
        } = Mixed::from(a.value);
        AnswerFile {
            choice,
            checked,
            na_checks,
            na,
            text,
            note: a.note,
            owner: a.owner,
            flag: a.flag,
            due: a.due,
            status: a.status,
            evidence: a.evidence,
            decision: a.decision,
            parked: a.parked,
        }
    }
}

impl From<Value> for Answer {
    /// An entry giving `value`, with no note, owner or flag.
    fn from(value: Value) -> Self {
        Answer {
            value,
            ..Answer::default()
        }
    }
}

impl Value {
    /// A checklist's value from its ticks (`None`: no tick given yet) and N/A checks.
    pub fn checklist(ticked: Option<Vec<String>>, na_checks: Vec<String>) -> Self {
        match ticked {
            Some(ticked) => Value::Checklist { ticked, na_checks },
            None if na_checks.is_empty() => Value::Unanswered,
            None => Value::NaChecks(na_checks),
        }
    }
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

#[allow(clippy::trivially_copy_pass_by_ref)] // serde's skip_serializing_if passes a reference
fn is_false(b: &bool) -> bool {
    !*b
}

impl Answer {
    /// The chosen option's key, if an option is chosen.
    pub fn choice(&self) -> Option<&str> {
        match &self.value {
            Value::Choice(key) => Some(key),
            Value::Mixed(m) => m.choice.as_deref(),
            _ => None,
        }
    }

    /// The ticked check ids, if the checklist is answered (possibly with none ticked).
    pub fn ticked(&self) -> Option<&[String]> {
        match &self.value {
            Value::Checklist { ticked, .. } => Some(ticked),
            Value::Mixed(m) => m.checked.as_deref(),
            _ => None,
        }
    }

    /// Whether check `id` is ticked.
    pub fn is_ticked(&self, id: &str) -> bool {
        self.ticked().is_some_and(|t| t.iter().any(|c| c == id))
    }

    /// The checks marked N/A.
    pub fn na_checks(&self) -> &[String] {
        match &self.value {
            Value::NaChecks(na_checks) | Value::Checklist { na_checks, .. } => na_checks,
            Value::Mixed(m) => &m.na_checks,
            _ => &[],
        }
    }

    /// Whether check `id` is marked N/A.
    pub fn is_check_na(&self, id: &str) -> bool {
        self.na_checks().iter().any(|c| c == id)
    }

    /// Whether the item is answered N/A.
    pub fn is_na(&self) -> bool {
        match &self.value {
            Value::NotApplicable => true,
            Value::Mixed(m) => m.na,
            _ => false,
        }
    }

    /// The text answer, if any.
    pub fn text(&self) -> Option<&str> {
        match &self.value {
            Value::Text(text) => Some(text),
            Value::Mixed(m) => m.text.as_deref(),
            _ => None,
        }
    }

    /// Whether the entry holds an answer (N/A counts).
    pub fn is_answered(&self) -> bool {
        !matches!(self.value, Value::Unanswered | Value::NaChecks(_))
    }

    /// Whether the entry holds nothing at all and can be dropped.
    pub fn is_empty(&self) -> bool {
        self.value == Value::Unanswered
            && self.note.as_deref().is_none_or(str::is_empty)
            && self.owner.is_none()
            && !self.flag
            && !self.has_follow_up()
    }

    /// Whether the entry holds any of format 2's follow-up fields: a due day, a status,
    /// evidence, a decision, or a parked mark.
    pub fn has_follow_up(&self) -> bool {
        self.due.is_some()
            || self.status.is_some()
            || !self.evidence.is_empty()
            || self.decision.is_some()
            || self.parked
    }

    /// The day the follow-up is due.
    pub fn due(&self) -> Option<Date> {
        self.due
    }

    /// Where the follow-up stands.
    pub fn status(&self) -> Option<Status> {
        self.status
    }

    /// The evidence behind the answer.
    pub fn evidence(&self) -> &[Evidence] {
        &self.evidence
    }

    /// The decision the board is asked to take.
    pub fn decision(&self) -> Option<&str> {
        self.decision.as_deref()
    }

    /// Whether the item was left for later in a workshop.
    pub fn is_parked(&self) -> bool {
        self.parked
    }

    /// Applies a change to the follow-up fields; the answer itself is kept.
    pub fn apply_follow_up(&mut self, change: &crate::record::FollowUpChange) {
        if let Some(due) = change.due {
            self.due = due;
        }
        if let Some(status) = change.status {
            self.status = status;
        }
        for reference in &change.evidence {
            if !self.evidence.iter().any(|e| e.reference == *reference) {
                self.evidence.push(Evidence::new(reference.clone()));
            }
        }
        if let Some(decision) = &change.decision {
            self.decision.clone_from(decision);
        }
        if let Some(parked) = change.parked {
            self.parked = parked;
        }
    }

    /// Clears the answer itself, keeping note, owner and flag.
    pub fn clear_value(&mut self) {
        self.value = Value::Unanswered;
    }

    /// Makes this entry give `other`'s answer, keeping its own note, owner and flag.
    pub fn copy_value_from(&mut self, other: &Answer) {
        self.value.clone_from(&other.value);
    }

    /// Whether two entries give the same answer (notes, owners and flags aside; the order of
    /// ticks and N/A checks aside).
    pub fn same_value(&self, other: &Answer) -> bool {
        let sorted = |v: &[String]| {
            let mut v = v.to_vec();
            v.sort();
            v
        };
        self.is_na() == other.is_na()
            && self.choice() == other.choice()
            && self.text() == other.text()
            && self.ticked().map(sorted) == other.ticked().map(sorted)
            && sorted(self.na_checks()) == sorted(other.na_checks())
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

    /// Sets the entry of item `full` to `answer`. An answer settles a dispute: when the entry
    /// is answered, the item's `responses` are removed. Returns whether a dispute was settled.
    pub fn set_answer(&mut self, full: &str, answer: Answer) -> bool {
        let answered = answer.is_answered();
        self.answers.insert(full.to_string(), answer);
        answered && self.responses.remove(full).is_some()
    }

    /// The level aimed for in section `full_id` (`<questionnaire>/<section>`): from
    /// `targets`, else `default_target`, else none.
    pub fn target(&self, full_id: &str) -> Option<u8> {
        self.targets
            .as_ref()
            .and_then(|t| t.get(full_id).copied())
            .or(self.default_target)
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
        a.choice().is_some(),
        a.ticked().is_some(),
        a.is_na(),
        a.text().is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if set > 1 {
        out.push("holds more than one of choice, checked, na and text".into());
    }
    if a.is_na() && !item.allows_na() {
        out.push("is N/A, but this item does not allow N/A".into());
    }
    match item.kind {
        ItemKind::Choice => {
            if let Some(key) = a.choice()
                && !q.options(item).iter().any(|o| o.key == key)
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
            for id in a.ticked().into_iter().flatten().chain(a.na_checks()) {
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
        ItemKind::Choice => a.ticked().is_some() || a.text().is_some(),
        ItemKind::Checklist => a.choice().is_some() || a.text().is_some(),
        ItemKind::Text => a.choice().is_some() || a.ticked().is_some(),
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
    let next = if value == "na" && item.kind != ItemKind::Text {
        if !item.allows_na() {
            return Err(format!("{} does not allow N/A", item.id));
        }
        Value::NotApplicable
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
                Value::Choice(value.to_string())
            }
            ItemKind::Checklist => {
                let ticked = split(value);
                let na_checks = na_checks.map(split).unwrap_or_default();
                let unknown: Vec<&String> = ticked
                    .iter()
                    .chain(&na_checks)
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
                if let Some(both) = na_checks.iter().find(|n| ticked.contains(n)) {
                    return Err(format!("check \"{both}\" cannot be both ticked and N/A"));
                }
                Value::Checklist { ticked, na_checks }
            }
            ItemKind::Text => Value::Text(value.to_string()),
        }
    };
    if na_checks.is_some() && item.kind != ItemKind::Checklist {
        return Err(format!(
            "--na-checks is for checklists; {} is a {} item",
            item.id,
            item.kind.as_str()
        ));
    }
    answer.value = next;
    Ok(())
}

// How one key press in the app changes an answer. Each rule keeps the note, owner and
// flag, and leaves one value (see [`Value`]).
impl Answer {
    /// Answers a choice item with option `key`.
    pub fn choose_option(&mut self, key: &str) {
        self.value = Value::Choice(key.to_string());
    }

    /// The ticks (`None`: none given yet) and N/A checks this entry holds as a checklist.
    fn checklist_parts(&self) -> (Option<Vec<String>>, Vec<String>) {
        (
            self.ticked().map(<[String]>::to_vec),
            self.na_checks().to_vec(),
        )
    }

    /// Ticks check `index` of checklist `item`, or takes the tick off; a ticked check is no
    /// longer N/A, and the item stops being N/A. Ticks stay in the checklist's order.
    pub fn toggle_check(&mut self, item: &Item, index: usize) {
        let Some(id) = item.checks.get(index).map(|c| c.id.clone()) else {
            return;
        };
        let (ticked, mut na_checks) = self.checklist_parts();
        let mut ticked = ticked.unwrap_or_default();
        na_checks.retain(|c| *c != id);
        if let Some(at) = ticked.iter().position(|c| *c == id) {
            ticked.remove(at);
        } else {
            ticked.push(id);
            ticked.sort_by_key(|c| item.checks.iter().position(|k| k.id == *c));
        }
        self.value = Value::Checklist { ticked, na_checks };
    }

    /// Marks check `index` of checklist `item` N/A (taking its tick off), or applicable
    /// again; the item stops being N/A. With every check N/A the checklist is answered.
    pub fn toggle_na_check(&mut self, item: &Item, index: usize) {
        let Some(id) = item.checks.get(index).map(|c| c.id.clone()) else {
            return;
        };
        let (mut ticked, mut na_checks) = self.checklist_parts();
        if let Some(at) = na_checks.iter().position(|c| *c == id) {
            na_checks.remove(at);
        } else {
            na_checks.push(id.clone());
            na_checks.sort_by_key(|c| item.checks.iter().position(|k| k.id == *c));
            if let Some(ticked) = ticked.as_mut() {
                ticked.retain(|c| *c != id);
            }
        }
        if na_checks.len() == item.checks.len() && ticked.is_none() {
            ticked = Some(Vec::new());
        }
        self.value = Value::checklist(ticked, na_checks);
    }

    /// Answers the item N/A, or takes the N/A back (leaving it unanswered).
    pub fn toggle_na(&mut self) {
        self.value = if self.is_na() {
            Value::Unanswered
        } else {
            Value::NotApplicable
        };
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
        if text {
            if self.text() == value.as_deref() {
                return false;
            }
            self.value = value.map_or(Value::Unanswered, Value::Text);
        } else {
            if self.note == value {
                return false;
            }
            self.note = value;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{choice, na, worked_example};

    #[test]
    fn copying_a_value_replaces_the_answer_and_keeps_note_owner_and_flag() {
        let mut entry = Answer {
            value: Value::Checklist {
                ticked: vec!["x".into()],
                na_checks: vec!["y".into()],
            },
            note: Some("ask IT".into()),
            owner: Some("legal".into()),
            flag: true,
            ..Answer::default()
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
        assert!(a.answers["worked-example/a"].is_na());
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
        assert!(!a.is_na());
        assert_eq!(a.ticked(), Some(&[ids[0].clone(), ids[1].clone()][..]));
        a.toggle_check(&item, 0);
        assert_eq!(a.ticked(), Some(&[ids[1].clone()][..]));
        a.toggle_check(&item, 99);
        assert_eq!(
            a.ticked(),
            Some(&[ids[1].clone()][..]),
            "no such check: no change"
        );
    }

    #[test]
    fn a_check_marked_n_a_loses_its_tick_and_all_n_a_answers_the_list() {
        let item = checklist();
        let mut a = Answer::default();
        a.toggle_check(&item, 0);
        a.toggle_na_check(&item, 0);
        assert_eq!(a.ticked(), Some(&[][..]));
        assert_eq!(a.na_checks(), [item.checks[0].id.clone()]);
        a.toggle_na_check(&item, 0);
        assert!(a.na_checks().is_empty());
        let mut all = Answer::default();
        for n in 0..item.checks.len() {
            all.toggle_na_check(&item, n);
        }
        assert!(all.is_answered(), "every check N/A answers the checklist");
        all.toggle_check(&item, 0);
        assert_eq!(all.na_checks().len(), item.checks.len() - 1);
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
        assert_eq!(a.text(), Some("We use SBOMs."));
        assert!(a.set_written(false, "  \n"));
        assert_eq!(a.note, None);
    }

    #[test]
    fn the_examples_round_trip_byte_for_byte() {
        for text in [
            include_str!("../../examples/acme-2025.json"),
            include_str!("../../examples/acme-2026.json"),
            include_str!("../../tests/fixtures/assessment-2.json"),
        ] {
            assert!(text.contains(&format!("\"format\": \"{ASSESSMENT_FORMAT}\"")));
            let a: Assessment = serde_json::from_str(text).expect("an example assessment");
            let mut again = serde_json::to_string_pretty(&a).expect("serialises");
            again.push('\n');
            assert_eq!(again, text);
        }
    }

    #[test]
    fn retired_answers_are_read_and_written_only_when_there_are_some() {
        let q = worked_example();
        let mut a = crate::test_support::assessment(&q, "w", &[]);
        let plain = serde_json::to_value(&a).expect("serialises");
        assert!(plain.get("retired").is_none(), "left out when empty");
        a.retired.push(Retired {
            item: "worked-example/gone".into(),
            version: "1.0.0".into(),
            answer: Answer {
                note: Some("kept".into()),
                ..choice("fully")
            },
        });
        let json = serde_json::to_value(&a).expect("serialises");
        assert_eq!(
            json["retired"],
            serde_json::json!([{
                "item": "worked-example/gone",
                "version": "1.0.0",
                "answer": { "choice": "fully", "note": "kept" }
            }])
        );
        let again: Assessment = serde_json::from_value(json).expect("reads back");
        assert_eq!(again, a);
    }

    #[test]
    fn every_format_2_field_is_read_into_its_type() {
        use crate::questionnaire::Tier;
        use crate::record::{Evidence, Status, Subject};
        let a: Assessment =
            serde_json::from_str(include_str!("../../tests/fixtures/assessment-2.json"))
                .expect("reads");
        let entry = &a.answers["worked-example/a"];
        assert_eq!(
            entry.due().map(|d| d.to_string()).as_deref(),
            Some("2027-03-31")
        );
        assert_eq!(entry.status(), Some(Status::InProgress));
        assert_eq!(entry.evidence().len(), 2);
        assert_eq!(
            entry.evidence()[1],
            Evidence::new("https://intranet.example/audit-2026")
        );
        assert!(entry.decision().is_some_and(|d| d.starts_with("Approve")));
        assert!(!entry.is_parked());
        let parked = &a.answers["worked-example/b"];
        assert!(parked.is_parked() && !parked.is_answered() && !parked.is_empty());
        assert_eq!(
            a.subject,
            Some(Subject::Supplier {
                name: "Payroll Co".into(),
                tier: Some(Tier::Critical),
                services: vec!["payroll".into()],
            })
        );
        assert_eq!(a.plan[0].sections[0].minutes, 45);
        assert_eq!(a.respondents[1].group.as_deref(), Some("finance"));
        assert_eq!(a.settled["worked-example/e"].from.as_deref(), Some("Ann"));
        assert_eq!(a.settled["worked-example/strategy"].from, None);
        assert_eq!(a.responses["worked-example/c"].len(), 2);
    }

    #[test]
    fn a_format_1_assessment_reads_as_format_2_with_nothing_lost() {
        let one = include_str!("../../tests/fixtures/assessment-1.json");
        let a: Assessment = serde_json::from_str(one).expect("a format 1 file reads");
        assert_eq!(a.format, ASSESSMENT_FORMAT);
        let mut again = serde_json::to_string_pretty(&a).expect("serialises");
        again.push('\n');
        assert_eq!(
            again,
            one.replace(ASSESSMENT_FORMAT_1, ASSESSMENT_FORMAT),
            "written as format 2, every other byte as it was"
        );
        let mut future: serde_json::Value = serde_json::from_str(one).expect("json");
        future["format"] = "supplycheck.assessment/3".into();
        let kept: Assessment = serde_json::from_value(future).expect("reads");
        assert_eq!(
            kept.format, "supplycheck.assessment/3",
            "another format is kept for the check to report"
        );
    }

    #[test]
    fn a_wrong_due_day_status_or_evidence_is_refused_naming_the_field() {
        for (json, says) in [
            (
                r#"{"due":"31/03/2027"}"#,
                "\"due\": \"31/03/2027\" is not a date",
            ),
            (
                r#"{"due":"2027-02-30"}"#,
                "\"due\": \"2027-02-30\" is not a day",
            ),
            (r#"{"status":"closed"}"#, "unknown variant `closed`"),
            (
                r#"{"evidence":[{"reviewed":"2026-01-01"}]}"#,
                "missing field `ref`",
            ),
            (r#"{"parked":"yes"}"#, "expected a boolean"),
        ] {
            let e = serde_json::from_str::<Answer>(json).expect_err(json);
            assert!(e.to_string().contains(says), "{json}: {e}");
        }
    }

    #[test]
    fn a_follow_up_change_sets_clears_and_adds_evidence_once() {
        use crate::record::{FollowUpChange, Status};
        let mut a = choice("fully");
        let set = FollowUpChange::parse(
            Some("2027-03-31"),
            Some("open"),
            &["Register".into(), "Register".into()],
            Some("Approve"),
            Some(true),
        )
        .expect("valid");
        a.apply_follow_up(&set);
        assert_eq!(
            stored(&a),
            r#"{"choice":"fully","due":"2027-03-31","status":"open","evidence":[{"ref":"Register"}],"decision":"Approve","parked":true}"#
        );
        let clear = FollowUpChange::parse(Some(""), Some("done"), &[], Some(" "), Some(false))
            .expect("valid");
        a.apply_follow_up(&clear);
        assert_eq!(a.status(), Some(Status::Done));
        assert_eq!(
            stored(&a),
            r#"{"choice":"fully","status":"done","evidence":[{"ref":"Register"}]}"#
        );
        assert!(
            FollowUpChange::parse(None, None, &[], None, None)
                .expect("nothing")
                .is_empty()
        );
        for (due, status, says) in [
            (Some("tomorrow"), None, "--due: \"tomorrow\" is not a date"),
            (None, Some("closed"), "--status: \"closed\" is not a status"),
        ] {
            let e = FollowUpChange::parse(due, status, &[], None, None).expect_err(says);
            assert!(e.starts_with(says), "{e}");
        }
    }

    #[test]
    fn targets_are_read_kept_in_order_and_checked() {
        let text = include_str!("../../examples/acme-2026.json");
        let with = text.replacen(
            "\n  \"answers\"",
            "\n  \"targets\": {\"ncsc-board/q1-sharing\": 2, \"cfcs-phases/planning\": 3},\n  \
             \"default_target\": 1,\n  \"answers\"",
            1,
        );
        let a: Assessment = serde_json::from_str(&with).expect("reads");
        assert_eq!(a.target("cfcs-phases/planning"), Some(3));
        assert_eq!(a.target("ncsc-board/q1-sharing"), Some(2));
        assert_eq!(a.target("cert-exd/anything"), Some(1));
        let again = serde_json::to_string(&a).expect("serialises");
        assert!(
            again.contains(
                "\"targets\":{\"ncsc-board/q1-sharing\":2,\"cfcs-phases/planning\":3},\
                 \"default_target\":1"
            ),
            "{again}"
        );
        let plain: Assessment = serde_json::from_str(text).expect("reads");
        assert_eq!(plain.target("cfcs-phases/planning"), None);
        for (bad, message) in [
            (
                "\"targets\": {\"cfcs-phases/planning\": 4}",
                "the target of \"cfcs-phases/planning\" is 4; a target is a level from 0 to 3",
            ),
            (
                "\"targets\": {\"planning\": 2}",
                "\"targets\" names \"planning\"; name a section as <questionnaire id>/<section id>",
            ),
            (
                "\"default_target\": -1",
                "\"default_target\" is -1; a target is a level from 0 to 3",
            ),
        ] {
            let text = text.replacen("\n  \"answers\"", &format!("\n  {bad},\n  \"answers\""), 1);
            let err = serde_json::from_str::<Assessment>(&text).expect_err("refused");
            assert!(err.to_string().contains(message), "{err}");
        }
    }

    #[test]
    fn follow_up_fields_keep_an_entry_and_survive_a_change_of_answer() {
        let mut a = entry(r#"{"due":"2027-01-15"}"#);
        assert!(!a.is_empty() && !a.is_answered() && a.has_follow_up());
        a.choose_option("fully");
        a.toggle_na();
        assert_eq!(
            a.due().map(|d| d.to_string()).as_deref(),
            Some("2027-01-15")
        );
        assert_eq!(stored(&a), r#"{"na":true,"due":"2027-01-15"}"#);
        let bare = entry(r#"{"evidence":["Contract register"]}"#);
        assert_eq!(
            stored(&bare),
            r#"{"evidence":[{"ref":"Contract register"}]}"#
        );
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

    /// The JSON of one entry, as a file holds it.
    fn entry(json: &str) -> Answer {
        serde_json::from_str(json).expect("an answer")
    }

    fn stored(a: &Answer) -> String {
        serde_json::to_string(a).expect("serialises")
    }

    #[test]
    fn each_value_reads_from_and_writes_to_its_file_shape() {
        let cases = [
            ("{}", Value::Unanswered),
            (r#"{"na_checks":["y"]}"#, Value::NaChecks(vec!["y".into()])),
            (r#"{"choice":"fully"}"#, Value::Choice("fully".into())),
            (
                r#"{"checked":[],"na_checks":["x","y"]}"#,
                Value::Checklist {
                    ticked: vec![],
                    na_checks: vec!["x".into(), "y".into()],
                },
            ),
            (
                r#"{"checked":["x"]}"#,
                Value::Checklist {
                    ticked: vec!["x".into()],
                    na_checks: vec![],
                },
            ),
            (r#"{"na":true}"#, Value::NotApplicable),
            (
                r#"{"text":"We use SBOMs."}"#,
                Value::Text("We use SBOMs.".into()),
            ),
        ];
        for (json, value) in cases {
            let a = entry(json);
            assert_eq!(a.value, value, "{json}");
            assert_eq!(stored(&a), json);
            assert_eq!(stored(&Answer::from(value)), json);
        }
        let noted = entry(r#"{"choice":"not","note":"ask IT","owner":"legal","flag":true}"#);
        assert_eq!(noted.value, Value::Choice("not".into()));
        assert_eq!(noted.note.as_deref(), Some("ask IT"));
        assert_eq!(noted.owner.as_deref(), Some("legal"));
        assert!(noted.flag);
        let wrong = serde_json::from_str::<Answer>(r#""fully""#).expect_err("not an entry");
        assert!(
            wrong.to_string().contains("expected struct Answer"),
            "{wrong}"
        );
        let unknown = serde_json::from_str::<Answer>(r#"{"chioce":"x"}"#).expect_err("a typo");
        let follow_up = entry(
            r#"{"choice":"not","due":"2027-03-31","status":"done","evidence":[{"ref":"r","reviewed":"2026-10-01"}],"decision":"d","parked":true}"#,
        );
        assert_eq!(
            stored(&follow_up),
            r#"{"choice":"not","due":"2027-03-31","status":"done","evidence":[{"ref":"r","reviewed":"2026-10-01"}],"decision":"d","parked":true}"#
        );
        assert!(
            unknown.to_string().contains("unknown field `chioce`"),
            "{unknown}"
        );
    }

    #[test]
    fn each_value_answers_what_its_accessors_say() {
        let unanswered = Answer::default();
        assert!(!unanswered.is_answered() && unanswered.is_empty());
        assert_eq!(
            (unanswered.choice(), unanswered.ticked(), unanswered.text()),
            (None, None, None)
        );
        let marked = Answer::from(Value::NaChecks(vec!["y".into()]));
        assert!(
            !marked.is_answered(),
            "N/A checks alone do not answer a checklist"
        );
        assert!(!marked.is_empty(), "but the marks are kept");
        assert!(marked.is_check_na("y") && !marked.is_check_na("x"));
        assert_eq!(marked.ticked(), None);
        let chosen = choice("fully");
        assert!(chosen.is_answered() && !chosen.is_na());
        assert_eq!(chosen.choice(), Some("fully"));
        let list = Answer::from(Value::Checklist {
            ticked: vec!["x".into()],
            na_checks: vec!["y".into()],
        });
        assert!(list.is_answered() && list.is_ticked("x") && !list.is_ticked("y"));
        assert_eq!(list.na_checks(), ["y"]);
        let none = Answer::from(Value::checklist(Some(vec![]), vec![]));
        assert!(
            none.is_answered(),
            "a checklist with nothing ticked is answered"
        );
        assert_eq!(Value::checklist(None, vec![]), Value::Unanswered);
        assert_eq!(
            Value::checklist(None, vec!["y".into()]),
            Value::NaChecks(vec!["y".into()])
        );
        let not_applicable = na();
        assert!(not_applicable.is_answered() && not_applicable.is_na());
        let text = Answer::from(Value::Text("Grow".into()));
        assert!(text.is_answered());
        assert_eq!(text.text(), Some("Grow"));
    }

    #[test]
    fn an_entry_setting_two_values_is_kept_as_read_and_reported() {
        let json = r#"{"choice":"fully","na":true,"note":"n"}"#;
        let a = entry(json);
        assert!(matches!(a.value, Value::Mixed(_)));
        assert_eq!(stored(&a), json, "kept as read");
        assert!(a.is_na() && a.is_answered());
        assert_eq!(a.choice(), Some("fully"));
        let q = worked_example();
        let (_, item) = q.item("a").expect("a");
        assert_eq!(
            answer_problems(&q, item, &a),
            ["holds more than one of choice, checked, na and text"]
        );
        assert_eq!(
            crate::scoring::item_value(&q, item, Some(&a)),
            crate::scoring::ItemValue::NotApplicable,
            "N/A is read first, as it always was"
        );
        let stray = entry(r#"{"choice":"fully","na_checks":["x"]}"#);
        assert!(matches!(stray.value, Value::Mixed(_)));
        assert_eq!(stored(&stray), r#"{"choice":"fully","na_checks":["x"]}"#);
        let mut chosen = a.clone();
        chosen.choose_option("largely");
        assert_eq!(chosen.value, Value::Choice("largely".into()));
        assert_eq!(chosen.note.as_deref(), Some("n"));
    }

    #[test]
    fn marking_some_checks_n_a_keeps_the_checklist_unanswered() {
        let item = checklist();
        let mut a = Answer::default();
        a.toggle_na_check(&item, 1);
        assert_eq!(a.value, Value::NaChecks(vec![item.checks[1].id.clone()]));
        assert!(!a.is_answered());
        a.toggle_na_check(&item, 1);
        assert_eq!(a.value, Value::Unanswered);
        a.toggle_check(&item, 0);
        a.toggle_check(&item, 0);
        assert_eq!(
            a.value,
            Value::Checklist {
                ticked: vec![],
                na_checks: vec![]
            },
            "taking the last tick off leaves an answer with nothing ticked"
        );
    }

    #[test]
    fn a_wrong_kind_of_answer_is_still_read_by_its_fields() {
        let q = worked_example();
        let (_, item) = q.item("a").expect("a");
        let ticks = entry(r#"{"checked":["x"]}"#);
        assert_eq!(
            answer_problems(&q, item, &ticks),
            ["does not fit a choice item"]
        );
    }

    mod file_shape {
        use super::super::{Answer, AnswerFile, Date, Evidence, Status};
        use proptest::prelude::*;

        fn ids() -> impl Strategy<Value = Vec<String>> {
            prop::collection::vec("[a-z]{0,3}", 0..4)
        }

        fn file() -> impl Strategy<Value = AnswerFile> {
            (
                (
                    prop::option::of("[a-z]{0,6}"),
                    prop::option::of(ids()),
                    ids(),
                    any::<bool>(),
                ),
                (
                    prop::option::of("[ -~\n]{0,8}"),
                    prop::option::of("[a-z ]{0,6}"),
                    prop::option::of("[a-z-]{0,6}"),
                    any::<bool>(),
                ),
                (
                    prop::option::of((1i16..=9999, 1i8..=12, 1i8..=28)),
                    prop::option::of(prop::sample::select(Status::ALL.to_vec())),
                    prop::collection::vec(
                        (
                            "[ -~]{0,8}",
                            prop::option::of((1i16..=9999, 1i8..=12, 1i8..=28)),
                        ),
                        0..3,
                    ),
                    prop::option::of("[ -~]{0,8}"),
                    any::<bool>(),
                ),
            )
                .prop_map(
                    |(
                        (choice, checked, na_checks, na),
                        (text, note, owner, flag),
                        (due, status, evidence, decision, parked),
                    )| {
                        let day = |(y, m, d)| Date::new(y, m, d).expect("a day of every month");
                        AnswerFile {
                            choice,
                            checked,
                            na_checks,
                            na,
                            text,
                            note,
                            owner,
                            flag,
                            due: due.map(day),
                            status,
                            evidence: evidence
                                .into_iter()
                                .map(|(reference, reviewed)| Evidence {
                                    reference,
                                    reviewed: reviewed.map(day),
                                })
                                .collect(),
                            decision,
                            parked,
                        }
                    },
                )
        }

        proptest! {
            #[test]
            fn any_entry_that_loads_is_written_back_as_it_was(f in file()) {
                let json = serde_json::to_string_pretty(&f).expect("serialises");
                let a: Answer = serde_json::from_str(&json).expect("loads");
                prop_assert_eq!(serde_json::to_string_pretty(&a).expect("serialises"), json);
                let again: Answer = serde_json::from_str(
                    &serde_json::to_string(&a).expect("serialises"),
                )
                .expect("loads");
                prop_assert_eq!(again, a);
            }
        }
    }
}
