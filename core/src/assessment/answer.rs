//! One item's answer: its [`Value`] (an enum: at most one kind of answer), with the note,
//! owner, flag and follow-up beside it; read and written through the file shape, and the
//! rules of every change to it (a key press in the app, a command-line VALUE).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::record::{Evidence, Status};
use crate::stamp;

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
pub(super) struct AnswerFile {
    /// The chosen option's key (choice items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) choice: Option<String>,
    /// The ticked check ids (checklists); present, even empty, means answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) checked: Option<Vec<String>>,
    /// Checks marked not applicable (checklists).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) na_checks: Vec<String>,
    /// The item is not applicable.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) na: bool,
    /// A text answer (text items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) text: Option<String>,
    /// A note on the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) note: Option<String>,
    /// The role that owns the follow-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) owner: Option<String>,
    /// Marked for follow-up.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) flag: bool,
    /// The day the follow-up is due, `YYYY-MM-DD`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "due",
        serialize_with = "crate::record::some_day"
    )]
    pub(super) due: Option<Date>,
    /// Where the follow-up stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) status: Option<Status>,
    /// The evidence behind the answer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) evidence: Vec<Evidence>,
    /// The decision the board is asked to take.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) decision: Option<String>,
    /// Left for later in a workshop.
    #[serde(default, skip_serializing_if = "is_false")]
    pub(super) parked: bool,
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
