//! Moving an assessment to a newer version of its questionnaires, losing nothing.
//!
//! Answers carry over by item id and the new item's `was`, options by key and the new
//! option's `was`, checklist ticks by check id. Every answer that cannot carry over goes to
//! the assessment's `retired` list with the version it was given against.

use std::collections::HashSet;

use serde::Serialize;

use crate::assessment::{Answer, Assessment, Retired, Value};
use crate::catalog::Catalog;
use crate::key::ItemKey;
use crate::questionnaire::{Item, ItemKind, Questionnaire};
use crate::text::sanitize_line;

/// The format tag of `supplycheck upgrade --json`.
pub const UPGRADE_FORMAT: &str = "supplycheck.upgrade/1";

/// Why an upgrade cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UpgradeError {
    /// The questionnaire named is not one the assessment uses.
    #[error(
        "this assessment does not use questionnaire \"{id}\"; it uses {used}. Name one of those."
    )]
    NotUsed {
        /// The id asked for.
        id: String,
        /// The ids the assessment uses.
        used: String,
    },
    /// `--to` with an assessment of several questionnaires, none named.
    #[error(
        "this assessment uses several questionnaires ({used}); say which one moves to that \
         version with --questionnaire ID"
    )]
    WhichQuestionnaire {
        /// The ids the assessment uses.
        used: String,
    },
    /// The version asked for is not available.
    #[error(
        "questionnaire \"{id}\" has no version {version} here; the versions available are \
         {available}. Put the file of version {version} in the data directory's \
         questionnaires/ folder or pass --questionnaire-file."
    )]
    NoSuchVersion {
        /// The questionnaire.
        id: String,
        /// The version asked for.
        version: String,
        /// The versions there are.
        available: String,
    },
    /// The version asked for is not newer than the one answered against.
    #[error(
        "the assessment is on version {current} of \"{id}\"; version {version} is not newer, \
         and an assessment only moves forward (versions available: {available})"
    )]
    NotNewer {
        /// The questionnaire.
        id: String,
        /// The version the assessment records.
        current: String,
        /// The version asked for.
        version: String,
        /// The versions there are.
        available: String,
    },
    /// No questionnaire of the assessment has a newer version.
    #[error(
        "there is no newer version to upgrade to: {}. To add one, put its file in the data \
         directory's questionnaires/ folder or pass --questionnaire-file.",
        .questionnaires.join("; ")
    )]
    NothingNewer {
        /// Each questionnaire considered, as "<id> is on <version> (available: …)".
        questionnaires: Vec<String>,
    },
}

/// What to upgrade: every questionnaire to its newest version, or one questionnaire, to its
/// newest version or to the version named.
#[derive(Debug, Clone, Copy, Default)]
pub struct Request<'r> {
    /// Only this questionnaire (by id).
    pub questionnaire: Option<&'r str>,
    /// To this version (needs one questionnaire: named, or the assessment's only one).
    pub to: Option<&'r str>,
}

/// What an upgrade did (or, in a dry run, would do).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Upgrade {
    /// Always [`UPGRADE_FORMAT`].
    pub format: &'static str,
    /// The assessment's id.
    pub assessment: String,
    /// Each questionnaire moved, in the assessment's order.
    pub questionnaires: Vec<Step>,
}

/// One questionnaire moved from one version to another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The questionnaire's id.
    pub id: String,
    /// The version the answers were given against.
    pub from: String,
    /// The version the assessment now uses.
    pub to: String,
    /// The answers carried over.
    pub carried: Vec<Carried>,
    /// The answers that could not carry over, now in the assessment's `retired`.
    pub retired: Vec<RetiredAnswer>,
    /// The items new in this version, unanswered, by full name.
    pub unanswered: Vec<String>,
}

/// An answer carried over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Carried {
    /// The full item name it had.
    pub from: String,
    /// The full item name it has now (the same unless the item was renamed).
    pub to: String,
    /// What changed on the way, in words (a renamed option, checks no longer listed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<String>,
}

/// An answer that could not carry over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetiredAnswer {
    /// The full item name it answered.
    pub item: String,
    /// The version it was given against.
    pub version: String,
    /// Why it could not carry over.
    pub reason: String,
}

/// An upgrade worked out: the report, and the assessment as it is after it.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// What moved.
    pub report: Upgrade,
    /// The upgraded assessment (not saved).
    pub assessment: Assessment,
}

/// A newer version of a questionnaire an assessment uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Newer {
    /// The questionnaire's id.
    pub id: String,
    /// The version the assessment records.
    pub current: String,
    /// The newest version available.
    pub newest: String,
}

/// The questionnaires of `a` that have a newer version in `catalog`, in the assessment's
/// order.
pub fn newer_versions(catalog: &Catalog, a: &Assessment) -> Vec<Newer> {
    a.questionnaires
        .iter()
        .filter_map(|r| {
            catalog
                .newer_versions(&r.id, &r.version)
                .last()
                .map(|newest| Newer {
                    id: r.id.clone(),
                    current: r.version.clone(),
                    newest: (*newest).to_string(),
                })
        })
        .collect()
}

/// Works out the upgrade of `a` that `request` asks for; `a` itself is not changed.
pub fn upgrade(
    catalog: &Catalog,
    a: &Assessment,
    request: Request<'_>,
) -> Result<Outcome, UpgradeError> {
    let targets = targets(catalog, a, request)?;
    let mut assessment = a.clone();
    let mut steps = Vec::new();
    for (index, new) in targets {
        steps.push(move_questionnaire(catalog, &mut assessment, index, new));
    }
    Ok(Outcome {
        report: Upgrade {
            format: UPGRADE_FORMAT,
            assessment: sanitize_line(&a.id),
            questionnaires: steps,
        },
        assessment,
    })
}

/// The questionnaires to move (their index in the assessment's list) and where to.
fn targets<'c>(
    catalog: &'c Catalog,
    a: &Assessment,
    request: Request<'_>,
) -> Result<Vec<(usize, &'c Questionnaire)>, UpgradeError> {
    let used = || {
        a.questionnaires
            .iter()
            .map(|r| sanitize_line(&r.id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let available = |id: &str| {
        let versions = catalog.versions_of(id);
        if versions.is_empty() {
            "none".to_string()
        } else {
            versions.join(", ")
        }
    };
    let chosen: Vec<usize> = match request.questionnaire {
        Some(id) => match a.questionnaires.iter().position(|r| r.id == id) {
            Some(index) => vec![index],
            None => {
                return Err(UpgradeError::NotUsed {
                    id: sanitize_line(id),
                    used: used(),
                });
            }
        },
        None if request.to.is_some() && a.questionnaires.len() > 1 => {
            return Err(UpgradeError::WhichQuestionnaire { used: used() });
        }
        None => (0..a.questionnaires.len()).collect(),
    };
    let mut out = Vec::new();
    let mut unchanged = Vec::new();
    for index in chosen {
        let r = &a.questionnaires[index];
        if let Some(version) = request.to {
            let Some(entry) = catalog.version(&r.id, version) else {
                return Err(UpgradeError::NoSuchVersion {
                    id: sanitize_line(&r.id),
                    version: sanitize_line(version),
                    available: available(&r.id),
                });
            };
            if !catalog.newer_versions(&r.id, &r.version).contains(&version) {
                return Err(UpgradeError::NotNewer {
                    id: sanitize_line(&r.id),
                    current: sanitize_line(&r.version),
                    version: sanitize_line(version),
                    available: available(&r.id),
                });
            }
            out.push((index, &entry.questionnaire));
        } else if let Some(newest) = catalog.newer_versions(&r.id, &r.version).last()
            && let Some(entry) = catalog.version(&r.id, newest)
        {
            out.push((index, &entry.questionnaire));
        } else {
            unchanged.push(format!(
                "{} is on {} (available: {})",
                sanitize_line(&r.id),
                sanitize_line(&r.version),
                available(&r.id)
            ));
        }
    }
    if out.is_empty() {
        return Err(UpgradeError::NothingNewer {
            questionnaires: unchanged,
        });
    }
    Ok(out)
}

/// Moves questionnaire `index` of `a` to `new`, carrying what can be carried.
fn move_questionnaire(
    catalog: &Catalog,
    a: &mut Assessment,
    index: usize,
    new: &Questionnaire,
) -> Step {
    let qid = new.id.clone();
    let from = a.questionnaires[index].version.clone();
    let old = catalog.version(&qid, &from).map(|e| &e.questionnaire);
    let mut keys: Vec<(String, String)> = a
        .answers
        .keys()
        .filter_map(|full| {
            let key = ItemKey::parse(full).ok()?;
            (key.questionnaire() == qid).then(|| (full.clone(), key.item().to_string()))
        })
        .collect();
    // An answer to an item that kept its id goes first, so that it wins over one carried
    // through `was` to the same item.
    keys.sort_by_key(|(_, item)| new.item(item).is_none());

    let mut step = Step {
        id: qid.clone(),
        from: from.clone(),
        to: new.version.clone(),
        carried: Vec::new(),
        retired: Vec::new(),
        unanswered: Vec::new(),
    };
    let mut taken: HashSet<String> = HashSet::new();
    for (full, old_item) in keys {
        let Some(entry) = a.answers.remove(&full) else {
            continue;
        };
        let Some((_, item)) = new.items().find(|(_, i)| i.answers_to(&old_item)) else {
            let reason = format!("version {} has no such item", new.version);
            retire(a, &mut step, &full, reason, entry);
            continue;
        };
        let to = ItemKey::new(&qid, &item.id).to_string();
        if taken.contains(&item.id) {
            let reason = format!("another answer was carried to {to}, which takes one answer");
            retire(a, &mut step, &full, reason, entry);
            continue;
        }
        match carry(new, item, &entry) {
            Ok((answer, changes, lost)) => {
                if lost {
                    let reason = format!("carried to {to} in part; the whole answer is kept here");
                    retire(a, &mut step, &full, reason, entry);
                }
                taken.insert(item.id.clone());
                a.answers.insert(to.clone(), answer);
                if let Some(mut responses) = a.responses.remove(&full) {
                    for r in &mut responses {
                        if let Ok((answer, _, _)) = carry(new, item, &r.answer) {
                            r.answer = answer;
                        }
                    }
                    a.responses.insert(to.clone(), responses);
                }
                if let Some(settled) = a.settled.remove(&full) {
                    a.settled.insert(to.clone(), settled);
                }
                step.carried.push(Carried {
                    from: sanitize_line(&full),
                    to: sanitize_line(&to),
                    changes,
                });
            }
            Err(reason) => retire(a, &mut step, &full, reason, entry),
        }
    }
    step.unanswered = new
        .items()
        .filter(|(_, item)| {
            let is_new = old.is_none_or(|old| {
                !old.items()
                    .any(|(_, o)| item.answers_to(&o.id) || o.id == item.id)
            });
            is_new
                && !a
                    .answers
                    .get(&ItemKey::new(&qid, &item.id).to_string())
                    .is_some_and(Answer::is_answered)
        })
        .map(|(_, item)| ItemKey::new(&qid, &item.id).to_string())
        .collect();
    a.questionnaires[index].version.clone_from(&new.version);
    step
}

/// Puts `answer`, given to `full` against `step`'s old version, in `a`'s retired answers.
fn retire(a: &mut Assessment, step: &mut Step, full: &str, reason: String, answer: Answer) {
    a.retired.push(Retired {
        item: full.to_string(),
        version: step.from.clone(),
        answer,
    });
    step.retired.push(RetiredAnswer {
        item: sanitize_line(full),
        version: sanitize_line(&step.from),
        reason,
    });
}

/// The answer `entry` carried to `item` of `q`, with what changed on the way and whether
/// part of it was lost; or why it cannot carry.
fn carry(
    q: &Questionnaire,
    item: &Item,
    entry: &Answer,
) -> Result<(Answer, Vec<String>, bool), String> {
    let mut out = entry.clone();
    let mut changes = Vec::new();
    let mut lost = false;
    let kind_changed = |was: &str| {
        format!(
            "it was {was}, and {} is a {} item in version {}",
            item.id,
            item.kind.as_str(),
            q.version
        )
    };
    match &entry.value {
        Value::Unanswered => {}
        Value::NotApplicable => {
            if !item.allows_na() {
                return Err(format!(
                    "it was N/A, and {} does not allow N/A in version {}",
                    item.id, q.version
                ));
            }
        }
        Value::Choice(key) => {
            if item.kind != ItemKind::Choice {
                return Err(kind_changed("an option"));
            }
            let options = q.options(item);
            if !options.iter().any(|o| o.key == *key) {
                let Some(option) = options.iter().find(|o| o.answers_to(key)) else {
                    return Err(format!(
                        "option \"{}\" is not in version {}'s scale, and no option there was \
                         called so",
                        sanitize_line(key),
                        q.version
                    ));
                };
                changes.push(format!(
                    "option {} is now {}",
                    sanitize_line(key),
                    option.key
                ));
                out.value = Value::Choice(option.key.clone());
            }
        }
        Value::Checklist { .. } | Value::NaChecks(_) => {
            if item.kind != ItemKind::Checklist {
                return Err(kind_changed("a checklist"));
            }
            let (kept_ticks, gone_ticks): (Vec<String>, Vec<String>) = entry
                .ticked()
                .unwrap_or_default()
                .iter()
                .cloned()
                .partition(|c| item.check(c).is_some());
            let (kept_na, gone_na): (Vec<String>, Vec<String>) = entry
                .na_checks()
                .iter()
                .cloned()
                .partition(|c| item.check(c).is_some());
            let gone: Vec<String> = gone_ticks
                .iter()
                .chain(&gone_na)
                .map(|c| sanitize_line(c))
                .collect();
            if !gone.is_empty() {
                lost = true;
                changes.push(format!("check(s) no longer listed: {}", gone.join(", ")));
            }
            out.value = Value::checklist(entry.ticked().map(|_| kept_ticks), kept_na);
        }
        Value::Text(_) => {
            if item.kind != ItemKind::Text {
                return Err(kind_changed("text"));
            }
        }
        Value::Mixed(_) => changes.push("kept as read: it holds more than one value".into()),
    }
    Ok((out, changes, lost))
}

impl Upgrade {
    /// The report as pretty JSON (`supplycheck upgrade --json`).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests;
