//! The questionnaire format (`supplycheck.questionnaire/2`, which also reads `/1`): model,
//! loading and validation.
//!
//! Loading happens in two steps. [`Questionnaire::parse`] reads the JSON into the model
//! (syntax and shape errors carry a line and column); [`Questionnaire::validate`] then
//! checks the meaning and reports *every* problem at once, each with its
//! `section/item/check` path.

use std::fmt;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

mod condition;
mod validate;

pub use condition::{Condition, Tier};

/// The format tag of a questionnaire written by this version.
pub const QUESTIONNAIRE_FORMAT: &str = "supplycheck.questionnaire/2";

/// The format tag of the first questionnaire format, still read: format 2 only adds optional
/// fields, so a `/1` file reads as format 2 (and may use format 2's fields).
pub const QUESTIONNAIRE_FORMAT_1: &str = "supplycheck.questionnaire/1";

/// Every questionnaire format this version reads.
pub const QUESTIONNAIRE_FORMATS: [&str; 2] = [QUESTIONNAIRE_FORMAT_1, QUESTIONNAIRE_FORMAT];

/// The pass mark used when a questionnaire does not set one.
pub const DEFAULT_PASS_MARK: f64 = 0.6;

/// A questionnaire: sections of items, and the answer scales its choice items use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// One of [`QUESTIONNAIRE_FORMATS`], kept as the file gave it.
    pub format: String,
    /// Lower-case id, unique among loaded questionnaires, e.g. `cfcs-phases`.
    pub id: String,
    /// The questionnaire's own version; assessments record it.
    pub version: String,
    /// Title shown on screen and in reports.
    pub title: String,
    /// What the questionnaire covers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The document the questions come from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// An item is achieved when its value reaches this mark; in (0, 1].
    #[serde(default = "default_pass_mark")]
    pub pass_mark: f64,
    /// What one assessment of it covers (format 2; organisation when not given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Scope>,
    /// Answer scales for choice items, by key.
    #[serde(default, deserialize_with = "crate::text::unique_keys")]
    pub scales: IndexMap<String, Scale>,
    /// The sections, in order.
    pub sections: Vec<Section>,
}

fn default_pass_mark() -> f64 {
    DEFAULT_PASS_MARK
}

/// What one assessment of a questionnaire covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// The whole programme: one assessment for the organisation.
    #[default]
    Organisation,
    /// One supplier relationship: one assessment for each supplier.
    Supplier,
}

/// An answer scale: the options of a choice item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The options, in the order they are offered.
    pub options: Vec<ScaleOption>,
}

/// One option of a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    /// The key stored in an answer, e.g. `largely`.
    pub key: String,
    /// The label shown to people, e.g. "Largely implemented".
    pub label: String,
    /// The value this option scores, in [0, 1].
    pub value: f64,
    /// The keys this option had in earlier versions of the questionnaire, so answers carry
    /// over on upgrade.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub was: Vec<String>,
    /// Whether the option says the answer is not known ("Don't know"): answered, value 0,
    /// and counted as unknown in the coverage figures. Its value must be 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown: Option<bool>,
}

impl ScaleOption {
    /// Whether the option says the answer is not known.
    pub fn is_unknown(&self) -> bool {
        self.unknown == Some(true)
    }
}

/// A section of a questionnaire; each section is scored separately.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Id, unique within the questionnaire.
    pub id: String,
    /// Title, e.g. "1. Planning".
    pub title: String,
    /// A short introduction.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
    /// The items, in order.
    pub items: Vec<Item>,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// One option of a scale.
    Choice,
    /// A list of checks to tick.
    Checklist,
    /// Free text; never scored.
    Text,
}

impl ItemKind {
    /// Whether items of this kind take part in scoring.
    pub fn is_scored(self) -> bool {
        !matches!(self, ItemKind::Text)
    }

    /// The word used in the file format.
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Choice => "choice",
            ItemKind::Checklist => "checklist",
            ItemKind::Text => "text",
        }
    }
}

/// One question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Id, unique within the questionnaire.
    pub id: String,
    /// Choice, checklist or text.
    pub kind: ItemKind,
    /// For a choice item: the key of its scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// The maturity level (1–3) whose practice the item evidences; scored kinds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<i64>,
    /// The item's weight in scores (> 0, default 1); scored kinds only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// Whether the item may be answered N/A (default true).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allow_na: Option<bool>,
    /// The question.
    pub prompt: String,
    /// Why it matters and what good looks like.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub guidance: String,
    /// Where the question comes from, e.g. `CFCS 3.1`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub refs: Vec<String>,
    /// For a checklist: its checks.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// The ids this item had in earlier versions of the questionnaire, so answers carry over
    /// on upgrade and comparisons match across versions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub was: Vec<String>,
    /// The follow-up in the imperative, for the action plan (format 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// When the item applies (format 2); kept and checked, not yet evaluated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
    /// For a checklist of alternatives: how many applicable checks fully meet the item
    /// (a whole number from 1 to the number of checks; all of them when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<i64>,
}

impl Item {
    /// Whether the item takes part in scoring.
    pub fn is_scored(&self) -> bool {
        self.kind.is_scored()
    }

    /// The item's weight (1 when not given).
    pub fn weight(&self) -> f64 {
        self.weight.unwrap_or(1.0)
    }

    /// The item's level as 1–3 (a validated questionnaire has one on every scored item).
    pub fn level(&self) -> u8 {
        self.level
            .and_then(|l| u8::try_from(l).ok())
            .unwrap_or(1)
            .clamp(1, 3)
    }

    /// Whether N/A is an allowed answer.
    pub fn allows_na(&self) -> bool {
        self.allow_na.unwrap_or(true)
    }

    /// Finds a check by id.
    pub fn check(&self, id: &str) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// Whether this item is the one an earlier version called `id`: its own id, or one of
    /// its `was`.
    pub fn answers_to(&self, id: &str) -> bool {
        self.id == id || self.was.iter().any(|w| w == id)
    }
}

impl ScaleOption {
    /// Whether this option is the one an earlier version keyed `key`: its own key, or one of
    /// its `was`.
    pub fn answers_to(&self, key: &str) -> bool {
        self.key == key || self.was.iter().any(|w| w == key)
    }
}

/// One entry of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Id, unique within the item.
    pub id: String,
    /// What is checked.
    pub text: String,
}

/// How serious a validation finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The questionnaire cannot be used.
    Error,
    /// Usable, but probably not what the author meant.
    Warning,
}

/// A problem found by [`Questionnaire::validate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Where: `section/item/check`, or a top-level field name.
    pub path: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{word}: {}: {}", self.path, self.message)
    }
}

/// Why a questionnaire could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum QuestionnaireError {
    /// The file could not be read.
    #[error("{file}: cannot read the questionnaire: {cause}")]
    Read {
        /// The file.
        file: String,
        /// The cause (shown in the message itself).
        cause: crate::file::ReadError,
    },
    /// The file is not valid JSON, or not of the questionnaire's shape.
    #[error(
        "{file}: line {line}, column {column}: {message}\n  \
         Fix the JSON at that place (see the questionnaire format in the README)."
    )]
    Syntax {
        /// The file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What serde found.
        message: String,
    },
    /// The file parsed but its contents are wrong.
    #[error("{file}: {} problem(s):\n{}", .findings.len(), render_findings(.findings))]
    Invalid {
        /// The file.
        file: String,
        /// Every error (and warning) found.
        findings: Vec<Finding>,
    },
}

fn render_findings(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("  {f}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// How the warning for a section level whose every item may be answered N/A begins.
pub const ALL_NA_AT_LEVEL: &str = "every scored item at level";

/// The longest id allowed, in characters.
pub const MAX_ID_LEN: usize = 64;

/// The greatest weight an item may have.
pub const MAX_WEIGHT: f64 = 1000.0;

/// The smallest weight an item may have: a smaller one vanishes in the sums of a score (a
/// weight of 5e-324 made every score 0 %).
pub const MIN_WEIGHT: f64 = 0.001;

/// Whether a string is a valid id: lower-case letters, digits and `-`, not empty, at most
/// [`MAX_ID_LEN`] characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Where a questionnaire came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Compiled into the binary.
    BuiltIn,
    /// Read from a file.
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::BuiltIn => f.write_str("built-in"),
            Origin::File(p) => write!(f, "{}", p.display()),
        }
    }
}

impl Questionnaire {
    /// Parses JSON text into a questionnaire without checking its meaning.
    /// `file` names the source in messages.
    /// A byte-order mark at the start is skipped; an object with a repeated key is refused.
    pub fn parse(text: &str, file: &str) -> Result<Self, QuestionnaireError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let syntax = |e: serde_json::Error| QuestionnaireError::Syntax {
            file: file.to_string(),
            line: e.line(),
            column: e.column(),
            message: crate::text::serde_message(&e),
        };
        serde_json::from_str(text).map_err(syntax)
    }

    /// Parses and validates; fails on any error-level finding (warnings are returned).
    pub fn load_str(text: &str, file: &str) -> Result<(Self, Vec<Finding>), QuestionnaireError> {
        let q = Self::parse(text, file)?;
        let findings = q.validate();
        if findings.iter().any(|f| f.severity == Severity::Error) {
            return Err(QuestionnaireError::Invalid {
                file: file.to_string(),
                findings,
            });
        }
        Ok((q, findings))
    }

    /// Reads, parses and validates a questionnaire file.
    pub fn load_file(path: &Path) -> Result<(Self, Vec<Finding>), QuestionnaireError> {
        let file = path.display().to_string();
        let bytes = crate::file::read_regular(path).map_err(|cause| QuestionnaireError::Read {
            file: file.clone(),
            cause,
        })?;
        let text = crate::text::json_text(&bytes).map_err(|e| {
            let (line, column) = crate::text::line_column(&bytes, e.offset);
            QuestionnaireError::Syntax {
                file: file.clone(),
                line,
                column,
                message: e.message,
            }
        })?;
        Self::load_str(text, &file)
    }
}

/// Why an id is not valid, in words.
pub fn bad_id_message(id: &str) -> String {
    let shown = crate::text::sanitize_line(id);
    if id.len() > MAX_ID_LEN {
        let head: String = shown.chars().take(20).collect();
        format!(
            "id \"{head}…\" is too long ({} characters): use at most {MAX_ID_LEN}",
            id.chars().count()
        )
    } else {
        format!("id \"{shown}\" is not valid: use lower-case letters, digits and '-' only")
    }
}

#[cfg(test)]
mod tests;
