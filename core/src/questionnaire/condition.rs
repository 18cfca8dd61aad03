//! When an item applies (format 2's `when`), and the supplier tiers it can name.
//!
//! A condition is read into [`Condition`] and written back in the file's shape; checking
//! that it names items and options that exist is part of [`super::Questionnaire::validate`].
//! Evaluating it against an assessment is done in [`crate::applies`].

use std::fmt;

use serde::{Deserialize, Serialize};

/// How critical a supplier relationship is (an assessment's `subject`, a condition's `tier`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    /// The organisation cannot work without it.
    Critical,
    /// Serious harm if it fails.
    High,
    /// Noticeable harm if it fails.
    Medium,
    /// Little harm if it fails.
    Low,
}

impl Tier {
    /// Every tier, most critical first.
    pub const ALL: [Tier; 4] = [Tier::Critical, Tier::High, Tier::Medium, Tier::Low];

    /// The word used in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::Critical => "critical",
            Tier::High => "high",
            Tier::Medium => "medium",
            Tier::Low => "low",
        }
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// When an item applies: from the assessment's subject, or from another answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "ConditionFile", into = "ConditionFile")]
pub enum Condition {
    /// `{"tier": ["critical", "high"]}`: the subject is a supplier of one of these tiers.
    Tier(Vec<Tier>),
    /// `{"item": "q/item", "in": ["yes"]}`: that item is answered with one of these option
    /// keys (a choice item) or has one of these checks ticked (a checklist).
    Answer {
        /// The item's full name, `<questionnaire id>/<item id>`.
        item: String,
        /// The option keys or check ids that make the condition true.
        any_of: Vec<String>,
    },
    /// `{"all": […]}`: every condition holds.
    All(Vec<Condition>),
    /// `{"any": […]}`: at least one condition holds.
    Any(Vec<Condition>),
}

/// A condition as a file holds it: exactly one of its forms.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(rename = "Condition", deny_unknown_fields)]
struct ConditionFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tier: Option<Vec<Tier>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    item: Option<String>,
    #[serde(default, rename = "in", skip_serializing_if = "Option::is_none")]
    any_of: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    all: Option<Vec<Condition>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    any: Option<Vec<Condition>>,
}

impl TryFrom<ConditionFile> for Condition {
    type Error = String;

    fn try_from(f: ConditionFile) -> Result<Self, String> {
        const SHAPES: &str = "write one of {\"tier\": […]}, {\"item\": \"q/item\", \"in\": […]}, \
                              {\"all\": […]} or {\"any\": […]}";
        match f {
            ConditionFile {
                tier: Some(tiers),
                item: None,
                any_of: None,
                all: None,
                any: None,
            } => Ok(Condition::Tier(tiers)),
            ConditionFile {
                tier: None,
                item: Some(item),
                any_of: Some(any_of),
                all: None,
                any: None,
            } => Ok(Condition::Answer { item, any_of }),
            ConditionFile {
                tier: None,
                item: Some(_),
                any_of: None,
                all: None,
                any: None,
            } => Err("a condition on an item needs \"in\": the answers that make it true".into()),
            ConditionFile {
                tier: None,
                item: None,
                any_of: None,
                all: Some(all),
                any: None,
            } => Ok(Condition::All(all)),
            ConditionFile {
                tier: None,
                item: None,
                any_of: None,
                all: None,
                any: Some(any),
            } => Ok(Condition::Any(any)),
            _ => Err(format!("a condition has one form; {SHAPES}")),
        }
    }
}

impl From<Condition> for ConditionFile {
    fn from(c: Condition) -> Self {
        match c {
            Condition::Tier(tiers) => ConditionFile {
                tier: Some(tiers),
                ..ConditionFile::default()
            },
            Condition::Answer { item, any_of } => ConditionFile {
                item: Some(item),
                any_of: Some(any_of),
                ..ConditionFile::default()
            },
            Condition::All(all) => ConditionFile {
                all: Some(all),
                ..ConditionFile::default()
            },
            Condition::Any(any) => ConditionFile {
                any: Some(any),
                ..ConditionFile::default()
            },
        }
    }
}

impl Condition {
    /// Every item this condition names (full names), in the order written.
    pub fn items(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.walk(&mut |c| {
            if let Condition::Answer { item, .. } = c {
                out.push(item.as_str());
            }
        });
        out
    }

    /// Calls `f` on this condition and every condition inside it.
    pub fn walk<'a>(&'a self, f: &mut impl FnMut(&'a Condition)) {
        f(self);
        if let Condition::All(inner) | Condition::Any(inner) = self {
            for c in inner {
                c.walk(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Condition, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn each_form_reads_into_its_variant_and_writes_back_as_read() {
        let cases = [
            (
                r#"{"tier":["critical","high"]}"#,
                Condition::Tier(vec![Tier::Critical, Tier::High]),
            ),
            (
                r#"{"item":"q/holds-data","in":["yes"]}"#,
                Condition::Answer {
                    item: "q/holds-data".into(),
                    any_of: vec!["yes".into()],
                },
            ),
            (
                r#"{"all":[{"tier":["low"]},{"any":[{"item":"q/a","in":["x","y"]}]}]}"#,
                Condition::All(vec![
                    Condition::Tier(vec![Tier::Low]),
                    Condition::Any(vec![Condition::Answer {
                        item: "q/a".into(),
                        any_of: vec!["x".into(), "y".into()],
                    }]),
                ]),
            ),
        ];
        for (json, condition) in cases {
            assert_eq!(read(json).expect(json), condition, "{json}");
            assert_eq!(serde_json::to_string(&condition).expect("writes"), json);
        }
        let nested = read(r#"{"any":[{"item":"q/a","in":["x"]},{"item":"q/b","in":["y"]}]}"#)
            .expect("nested");
        assert_eq!(nested.items(), ["q/a", "q/b"]);
    }

    #[test]
    fn a_condition_of_two_forms_or_none_or_an_unknown_tier_is_refused() {
        let two = read(r#"{"tier":["low"],"all":[]}"#).expect_err("two forms");
        assert!(two.contains("a condition has one form"), "{two}");
        let none = read("{}").expect_err("no form");
        assert!(none.contains("a condition has one form"), "{none}");
        let no_in = read(r#"{"item":"q/a"}"#).expect_err("no in");
        assert!(no_in.contains("needs \"in\""), "{no_in}");
        let tier = read(r#"{"tier":["huge"]}"#).expect_err("unknown tier");
        assert!(tier.contains("unknown variant `huge`"), "{tier}");
        let typo = read(r#"{"teir":["low"]}"#).expect_err("typo");
        assert!(typo.contains("unknown field `teir`"), "{typo}");
    }
}
