//! What format 2 of an assessment records beside the answers: its subject, the session plan,
//! the respondents, how disputed items were settled, and an answer's follow-up (status,
//! evidence). Each is read into a type, checked where the format gives a rule, and written
//! back so that no field a file holds is lost on a save.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::questionnaire::Tier;
use crate::stamp;

/// What an assessment covers: the whole organisation, or one supplier relationship.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Subject {
    /// `{"kind": "organisation"}`: the organisation's whole programme.
    Organisation,
    /// `{"kind": "supplier", "name": …, "tier": …, "services": […]}`: one supplier.
    Supplier {
        /// The supplier's name.
        name: String,
        /// How critical the relationship is.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tier: Option<Tier>,
        /// The services bought from the supplier.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        services: Vec<String>,
    },
}

/// The longest supplier name, and the longest name of a service.
pub const MAX_SUPPLIER_CHARS: usize = 120;

impl Subject {
    /// A supplier subject from what a person typed, checked: the name and each service plain
    /// text (no control characters), not empty, at most [`MAX_SUPPLIER_CHARS`]; services
    /// trimmed, and each named once (ignoring case). The error says what is wrong, naming
    /// "the supplier's name" or "the service".
    pub fn supplier(
        name: &str,
        tier: Option<Tier>,
        services: &[String],
    ) -> Result<Subject, String> {
        let plain = |text: &str, what: &str| -> Result<String, String> {
            let text = text.trim();
            if text.is_empty() {
                return Err(format!("{what} is empty"));
            }
            if text.chars().any(char::is_control) {
                return Err(format!(
                    "{what} \"{}\" holds control characters; give plain text",
                    crate::text::sanitize_line(text)
                ));
            }
            let n = text.chars().count();
            if n > MAX_SUPPLIER_CHARS {
                return Err(format!(
                    "{what} is {n} characters long; give at most {MAX_SUPPLIER_CHARS}"
                ));
            }
            Ok(text.to_string())
        };
        let name = plain(name, "the supplier's name")?;
        let mut kept: Vec<String> = Vec::new();
        for s in services {
            let s = plain(s, "the service")?;
            if !kept.iter().any(|k| k.to_lowercase() == s.to_lowercase()) {
                kept.push(s);
            }
        }
        Ok(Subject::Supplier {
            name,
            tier,
            services: kept,
        })
    }
}

/// One session of a workshop plan: the sections it covers, in order, each with a time box.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// What the session is called, e.g. "Board workshop".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The sections covered, in the order they are taken.
    pub sections: Vec<TimeBox>,
}

/// A section of a session plan and the minutes given to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeBox {
    /// The section's full name, `<questionnaire id>/<section id>`.
    pub section: String,
    /// The time box, in whole minutes (at least 1).
    #[serde(deserialize_with = "minutes")]
    pub minutes: u32,
}

fn minutes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let n = u32::deserialize(d)?;
    if n == 0 {
        Err(serde::de::Error::custom(
            "\"minutes\" is 0; give a time box of at least 1 minute",
        ))
    } else {
        Ok(n)
    }
}

/// Someone whose answers an assessment gathers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Respondent {
    /// Their name.
    pub name: String,
    /// Their group: `board`, `management`, `staff`, `supplier`, or the user's own word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// The groups supplycheck knows; a respondent's group may also be the user's own word.
pub const GROUPS: [&str; 4] = ["board", "management", "staff", "supplier"];

/// The longest group name, in characters.
pub const MAX_GROUP_CHARS: usize = 32;

/// Reads a group as a command gives it: one of [`GROUPS`] (in any case, stored in lower
/// case) or the user's own word, trimmed. Refused when blank, longer than
/// [`MAX_GROUP_CHARS`] or holding control characters.
pub fn parse_group(text: &str) -> Result<String, String> {
    let group = text.trim();
    if group.is_empty() {
        return Err(format!(
            "the group is empty; give {} or a word of your own",
            GROUPS.join(", ")
        ));
    }
    if group.chars().any(char::is_control) {
        return Err("the group holds control characters; give plain text".into());
    }
    let n = group.chars().count();
    if n > MAX_GROUP_CHARS {
        return Err(format!(
            "the group \"{}…\" is {n} characters long; give at most {MAX_GROUP_CHARS}",
            group.chars().take(20).collect::<String>()
        ));
    }
    Ok(GROUPS
        .iter()
        .find(|g| g.eq_ignore_ascii_case(group))
        .map_or_else(|| group.to_string(), |g| (*g).to_string()))
}

/// How a disputed item was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settled {
    /// Who settled it.
    pub by: String,
    /// When (stored as RFC 3339 in UTC, see [`stamp`]).
    #[serde(deserialize_with = "settled_at", serialize_with = "stamp::serialize")]
    pub at: Timestamp,
    /// Whose answer was taken; `None` (`null`) when the facilitator wrote a new one.
    #[serde(default)]
    pub from: Option<String>,
}

fn settled_at<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Timestamp, D::Error> {
    stamp::deserialize(d, "at")
}

/// Where the follow-up of an answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Not started.
    Open,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
}

impl Status {
    /// Every status, in the order work moves.
    pub const ALL: [Status; 3] = [Status::Open, Status::InProgress, Status::Done];

    /// The word used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in-progress",
            Status::Done => "done",
        }
    }

    /// Reads a status word, or says which words there are.
    pub fn parse(word: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|s| s.as_str() == word)
            .ok_or_else(|| {
                format!(
                    "\"{}\" is not a status; use open, in-progress or done",
                    crate::text::sanitize_line(word)
                )
            })
    }
}

/// A piece of evidence behind an answer: a document name, a path or a link, and the day it
/// was last reviewed. A file may give a bare string for one without a day; it is written
/// back as `{"ref": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(into = "EvidenceObject")]
pub struct Evidence {
    /// The document name, path or link.
    pub reference: String,
    /// The day it was last reviewed.
    pub reviewed: Option<Date>,
}

impl Evidence {
    /// Evidence with no review day.
    pub fn new(reference: impl Into<String>) -> Self {
        Self {
            reference: reference.into(),
            reviewed: None,
        }
    }
}

/// Evidence as a file's object holds it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename = "Evidence", deny_unknown_fields)]
struct EvidenceObject {
    #[serde(rename = "ref")]
    reference: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "reviewed",
        serialize_with = "some_day"
    )]
    reviewed: Option<Date>,
}

fn reviewed<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    stamp::deserialize_day(d, "reviewed").map(Some)
}

/// Writes a day that is there (`skip_serializing_if` leaves out the rest).
#[allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)] // serde passes a reference
pub(crate) fn some_day<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => stamp::serialize_day(d, s),
        None => s.serialize_none(),
    }
}

impl From<Evidence> for EvidenceObject {
    fn from(e: Evidence) -> Self {
        EvidenceObject {
            reference: e.reference,
            reviewed: e.reviewed,
        }
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Evidence;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a reference, or {\"ref\": …, \"reviewed\": \"YYYY-MM-DD\"}")
            }

            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Evidence, E> {
                Ok(Evidence::new(v))
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Evidence, A::Error> {
                let o =
                    EvidenceObject::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Evidence {
                    reference: o.reference,
                    reviewed: o.reviewed,
                })
            }
        }
        d.deserialize_any(Visitor)
    }
}

/// A change to an answer's follow-up fields, as a command gives it: each `Some` sets its
/// field (`Some(None)` clears it); evidence is added to what is there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FollowUpChange {
    /// The new due day.
    pub due: Option<Option<Date>>,
    /// The new status.
    pub status: Option<Option<Status>>,
    /// References to add (one already there is not added again).
    pub evidence: Vec<String>,
    /// The new decision wording.
    pub decision: Option<Option<String>>,
    /// Parked or not.
    pub parked: Option<bool>,
}

impl FollowUpChange {
    /// Reads the words of a command line: a due day (`YYYY-MM-DD`, `""` to clear), a status
    /// (`open`, `in-progress`, `done`, `""` to clear), references, a decision (`""` or blank
    /// to clear) and parked. An error names the option (`--due`, `--status`, `--evidence`).
    pub fn parse(
        due: Option<&str>,
        status: Option<&str>,
        evidence: &[String],
        decision: Option<&str>,
        parked: Option<bool>,
    ) -> Result<Self, String> {
        let due = match due {
            None => None,
            Some("") => Some(None),
            Some(day) => Some(Some(
                stamp::parse_day(day).map_err(|e| format!("--due: {e}"))?,
            )),
        };
        let status = match status {
            None => None,
            Some("") => Some(None),
            Some(word) => Some(Some(
                Status::parse(word).map_err(|e| format!("--status: {e}"))?,
            )),
        };
        if evidence.iter().any(|r| r.trim().is_empty()) {
            return Err("--evidence is empty; give a document name, a path or a link".into());
        }
        if evidence.iter().any(|r| r.chars().any(char::is_control)) {
            return Err("--evidence holds control characters; give plain text".into());
        }
        if decision.is_some_and(|d| d.chars().any(char::is_control)) {
            return Err(
                "--decision holds control characters; give the decision's wording as one line \
                 of plain text"
                    .into(),
            );
        }
        Ok(Self {
            due,
            status,
            evidence: evidence.to_vec(),
            decision: decision.map(|d| Some(d.to_string()).filter(|d| !d.trim().is_empty())),
            parked,
        })
    }

    /// Whether the change changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_supplier_typed_in_is_plain_text_with_each_service_once() {
        let s = Subject::supplier(
            "  Payroll Co ",
            Some(Tier::High),
            &["payroll".into(), " Payroll".into(), "pensions".into()],
        )
        .expect("plain");
        assert_eq!(
            s,
            Subject::Supplier {
                name: "Payroll Co".into(),
                tier: Some(Tier::High),
                services: vec!["payroll".into(), "pensions".into()],
            }
        );
        for (name, service, says) in [
            (
                "Bad\u{1b}[2JCo",
                "x",
                "the supplier's name \"BadCo\" holds control",
            ),
            ("Co", "pay\nroll", "the service \"pay roll\" holds control"),
            ("Co", "  ", "the service is empty"),
            (" ", "x", "the supplier's name is empty"),
        ] {
            let e = Subject::supplier(name, None, &[service.into()]).expect_err(says);
            assert!(e.starts_with(says), "{e}");
        }
        let long = Subject::supplier(&"x".repeat(121), None, &[]).expect_err("long");
        assert!(long.contains("at most 120"), "{long}");
    }

    #[test]
    fn a_subject_is_the_organisation_or_a_supplier_with_a_known_tier() {
        let org: Subject = serde_json::from_str(r#"{"kind":"organisation"}"#).expect("reads");
        assert_eq!(org, Subject::Organisation);
        assert_eq!(
            serde_json::to_string(&org).expect("writes"),
            r#"{"kind":"organisation"}"#
        );
        let json =
            r#"{"kind":"supplier","name":"Payroll Co","tier":"critical","services":["payroll"]}"#;
        let supplier: Subject = serde_json::from_str(json).expect("reads");
        assert_eq!(
            supplier,
            Subject::Supplier {
                name: "Payroll Co".into(),
                tier: Some(Tier::Critical),
                services: vec!["payroll".into()],
            }
        );
        assert_eq!(serde_json::to_string(&supplier).expect("writes"), json);
        for (bad, says) in [
            (
                r#"{"kind":"supplier","name":"P","tier":"huge"}"#,
                "unknown variant `huge`",
            ),
            (r#"{"kind":"vendor"}"#, "unknown variant `vendor`"),
            (r#"{"kind":"supplier"}"#, "missing field `name`"),
            (
                r#"{"kind":"supplier","name":"P","teir":"low"}"#,
                "unknown field `teir`",
            ),
        ] {
            let e = serde_json::from_str::<Subject>(bad).expect_err(bad);
            assert!(e.to_string().contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn evidence_reads_a_string_or_an_object_and_writes_an_object() {
        let list: Vec<Evidence> = serde_json::from_str(
            r#"["Contract register", {"ref": "https://example.org/audit", "reviewed": "2026-10-01"}]"#,
        )
        .expect("reads");
        assert_eq!(list[0], Evidence::new("Contract register"));
        assert_eq!(
            list[1].reviewed.map(|d| d.to_string()).as_deref(),
            Some("2026-10-01")
        );
        assert_eq!(
            serde_json::to_string(&list).expect("writes"),
            r#"[{"ref":"Contract register"},{"ref":"https://example.org/audit","reviewed":"2026-10-01"}]"#
        );
        for (bad, says) in [
            (r#"{"ref":"x","reviewed":"1 Oct 2026"}"#, "YYYY-MM-DD"),
            (
                r#"{"ref":"x","reviewd":"2026-10-01"}"#,
                "unknown field `reviewd`",
            ),
            ("3", "a reference"),
        ] {
            let e = serde_json::from_str::<Evidence>(bad).expect_err(bad);
            assert!(e.to_string().contains(says), "{bad}: {e}");
        }
    }

    #[test]
    fn statuses_plans_and_settlements_read_and_write_their_shapes() {
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Ok(s));
            assert_eq!(
                serde_json::to_string(&s).expect("writes"),
                format!("\"{}\"", s.as_str())
            );
        }
        assert!(
            Status::parse("closed")
                .expect_err("no such status")
                .contains("open, in-progress or done")
        );
        let plan = r#"{"name":"Board","sections":[{"section":"q/planning","minutes":20}]}"#;
        let session: Session = serde_json::from_str(plan).expect("reads");
        assert_eq!(session.sections[0].minutes, 20);
        assert_eq!(serde_json::to_string(&session).expect("writes"), plan);
        let zero =
            serde_json::from_str::<Session>(r#"{"sections":[{"section":"q/s","minutes":0}]}"#)
                .expect_err("no time");
        assert!(zero.to_string().contains("at least 1 minute"), "{zero}");
        let settled = r#"{"by":"Facilitator","at":"2026-11-22T10:00:00Z","from":null}"#;
        let s: Settled = serde_json::from_str(settled).expect("reads");
        assert_eq!(s.from, None);
        assert_eq!(serde_json::to_string(&s).expect("writes"), settled);
    }

    #[test]
    fn a_group_is_a_known_word_in_lower_case_or_the_users_own_within_limits() {
        assert_eq!(parse_group(" Board ").as_deref(), Ok("board"));
        assert_eq!(parse_group("STAFF").as_deref(), Ok("staff"));
        assert_eq!(parse_group("IT team").as_deref(), Ok("IT team"));
        assert!(
            parse_group("  ")
                .expect_err("blank")
                .contains("board, management")
        );
        assert!(
            parse_group("a\u{1b}[2J")
                .expect_err("escape")
                .contains("control")
        );
        let long = "x".repeat(MAX_GROUP_CHARS + 1);
        assert!(parse_group(&long).expect_err("long").contains("at most 32"));
        assert!(parse_group(&"x".repeat(MAX_GROUP_CHARS)).is_ok());
    }
}
