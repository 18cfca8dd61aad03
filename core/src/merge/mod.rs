//! Merging several respondents' assessments of the same questionnaires into one.
//!
//! Where every answer given agrees, the merged assessment holds it. Where answers differ,
//! the item is left unanswered and every respondent's answer is kept in the assessment's
//! `responses` field, for a facilitator to settle. Notes are all kept, each prefixed with
//! its respondent; an item is flagged when anyone flagged it.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::Serialize;

use crate::assessment::{Answer, Assessment, QuestionnaireRef, Response};
use crate::catalog::Catalog;
use crate::figures::describe_answer;
use crate::key::ItemKey;
use crate::questionnaire::{Item, Questionnaire};
use crate::record::Respondent;
use crate::roles::owner_label;
use crate::scoring::{ItemValue, item_value};
use crate::text::sanitize_line;
use crate::walk;

/// One assessment to merge.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// Where it came from (a file name or id), for messages.
    pub source: &'a str,
    /// The assessment.
    pub assessment: &'a Assessment,
}

/// Why assessments cannot be merged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MergeError {
    /// Fewer than two assessments.
    #[error("give at least two assessments to merge")]
    TooFew,
    /// The assessments use different questionnaires or versions.
    #[error(
        "the assessments do not use the same questionnaires:\n{}\n  Merge assessments of the \
         same questionnaires and versions, or add --force to merge the questionnaires they \
         share and leave out the rest.",
        differences.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n")
    )]
    Mismatch {
        /// Each difference, in words.
        differences: Vec<String>,
    },
    /// Nothing in common, even with `--force`.
    #[error(
        "the assessments share no questionnaire at the same version, so there is nothing to \
         merge:\n{}",
        differences.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n")
    )]
    NothingInCommon {
        /// Each difference, in words.
        differences: Vec<String>,
    },
    /// A questionnaire the assessments use is not loaded.
    #[error(
        "the assessments use the questionnaire \"{id}\", which is not loaded; add it with \
         --questionnaire-file FILE or put it in the data directory's questionnaires folder"
    )]
    UnknownQuestionnaire {
        /// Its id.
        id: String,
    },
    /// One respondent's answers come in through two inputs (a merge given together with an
    /// assessment it already holds).
    #[error(
        "{name}'s answers are in both {first} and {second} (a merged assessment already holds \
         its respondents' answers); leave one of them out and merge again"
    )]
    SameRespondent {
        /// The respondent.
        name: String,
        /// The first input holding their answers.
        first: String,
        /// The second.
        second: String,
    },
}

/// One respondent's answer to a disputed item, as people read it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GivenAnswer {
    /// Who gave it.
    pub respondent: String,
    /// The answer in words ("Largely implemented", "2 of 5 checks in place", …).
    pub answer: String,
    /// Its value from 0 to 1; `None` for N/A and text answers.
    pub value: Option<f64>,
}

/// An item the respondents answered differently.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Disagreement {
    /// The full item name, `<questionnaire>/<item>`.
    pub item: String,
    /// The item's prompt (empty when the questionnaire no longer has the item).
    pub prompt: String,
    /// The largest value given minus the smallest, to six decimal places (0 when fewer
    /// than two answers have a value, e.g. N/A against an answer, or text answers).
    pub spread: f64,
    /// Each respondent's answer, in the order the assessments were given.
    pub answers: Vec<GivenAnswer>,
}

/// A questionnaire left out of a forced merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// The questionnaire's id.
    pub questionnaire: String,
    /// Why, in words.
    pub reason: String,
    /// How many answers to it were not merged.
    pub answers: usize,
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merged {
    /// The merged assessment, ready to save.
    #[serde(skip)]
    pub assessment: Assessment,
    /// The respondents, in the order given (made unique).
    pub respondents: Vec<String>,
    /// The questionnaires merged.
    pub questionnaires: Vec<QuestionnaireRef>,
    /// How many items have an answer everyone who answered agrees on.
    pub agreed: usize,
    /// The items answered differently, largest spread first.
    pub disagreements: Vec<Disagreement>,
    /// Questionnaires left out (only with `force`).
    pub left_out: Vec<LeftOut>,
}

/// Merges `inputs` into a new assessment with the given id. Different questionnaire sets or
/// versions are an error unless `force`, which merges the questionnaires every input shares
/// at the same version and lists the rest in [`Merged::left_out`].
pub fn merge(
    inputs: &[Input<'_>],
    catalog: &Catalog,
    id: String,
    force: bool,
) -> Result<Merged, MergeError> {
    if inputs.len() < 2 {
        return Err(MergeError::TooFew);
    }
    let Shared {
        common,
        differences,
        left_out,
    } = common_questionnaires(inputs);
    if !differences.is_empty() && !force {
        return Err(MergeError::Mismatch { differences });
    }
    if common.is_empty() {
        return Err(MergeError::NothingInCommon { differences });
    }
    let mut questionnaires = Vec::new();
    for r in &common {
        let q = catalog
            .for_ref(r)
            .ok_or_else(|| MergeError::UnknownQuestionnaire { id: r.id.clone() })?;
        questionnaires.push(q);
    }
    let respondents = labels(inputs);
    same_respondent_twice(inputs, &respondents)?;
    let left_out = left_out_answers(inputs, left_out);

    let first = inputs[0].assessment;
    let mut out = Assessment::new(
        id,
        default_name(&respondents),
        first.organisation.clone(),
        Some(respondents.join(", ")),
        &questionnaires,
    );
    out.respondents = merged_respondents(inputs, &respondents);
    out.questionnaires.clone_from(&common);
    out.subject.clone_from(&first.subject);

    let mut agreed = 0;
    let mut disagreements = Vec::new();
    let items = Items::of(&questionnaires);
    for (order, key) in item_keys(inputs, &questionnaires, &items)
        .into_iter()
        .enumerate()
    {
        let item = items.get(&key);
        let given = given_answers(inputs, &respondents, &key);
        let mut entry = Answer::default();
        if let Some((_, first_answer)) = given.first() {
            // Agreed only when everyone answered, alike: an answer some respondents left
            // blank is theirs alone, kept in `responses` and settled in the room.
            if everyone_answered(inputs, &key)
                && given.iter().all(|(_, a)| a.same_value(first_answer))
            {
                entry.copy_value_from(first_answer);
                agreed += 1;
            } else {
                disagreements.push((order, disagreement(&key, item, &given)));
                out.responses.insert(
                    key.clone(),
                    given
                        .iter()
                        .map(|(who, a)| Response {
                            respondent: who.clone(),
                            answer: a.clone(),
                        })
                        .collect(),
                );
            }
        }
        merge_notes(&mut entry, inputs, &respondents, &key);
        if !entry.is_empty() {
            out.answers.insert(key, entry);
        }
    }
    // An item that does not apply to the subject is no matter for the agenda; what each
    // respondent gave stays in `responses`.
    disagreements.retain(|(_, d)| {
        items
            .get(&d.item)
            .is_none_or(|(q, item)| crate::applies::applies(q, item, &out))
    });
    disagreements.sort_by(|(oa, a), (ob, b)| b.spread.total_cmp(&a.spread).then(oa.cmp(ob)));

    Ok(Merged {
        assessment: out,
        respondents,
        questionnaires: common,
        agreed,
        disagreements: disagreements.into_iter().map(|(_, d)| d).collect(),
        left_out,
    })
}

/// What the inputs' questionnaires have in common, and what not.
struct Shared {
    /// The questionnaires every input uses at the same version, in the order they first
    /// appear.
    common: Vec<QuestionnaireRef>,
    /// Every difference, in words.
    differences: Vec<String>,
    /// The id of every other questionnaire, with why it is left out, in the same order.
    left_out: Vec<(String, &'static str)>,
}

/// Sorts the inputs' questionnaires into those every input uses at the same version and
/// those left out, with every difference in words.
fn common_questionnaires(inputs: &[Input<'_>]) -> Shared {
    let mut ids: Vec<&str> = Vec::new();
    for input in inputs {
        for r in &input.assessment.questionnaires {
            if !ids.contains(&r.id.as_str()) {
                ids.push(&r.id);
            }
        }
    }
    let mut common = Vec::new();
    let mut differences = Vec::new();
    let mut left_out = Vec::new();
    for id in ids {
        let versions: Vec<Option<&str>> = inputs
            .iter()
            .map(|i| {
                i.assessment
                    .questionnaires
                    .iter()
                    .find(|r| r.id == id)
                    .map(|r| r.version.as_str())
            })
            .collect();
        let shown = sanitize_line(id);
        if versions.iter().any(Option::is_none) {
            let missing: Vec<String> = inputs
                .iter()
                .zip(&versions)
                .filter(|(_, v)| v.is_none())
                .map(|(i, _)| sanitize_line(i.source))
                .collect();
            differences.push(format!("{shown}: not in {}", missing.join(", ")));
            left_out.push((id.to_string(), "not every assessment uses it"));
            continue;
        }
        let distinct: BTreeSet<&str> = versions.iter().flatten().copied().collect();
        if distinct.len() > 1 {
            let each: Vec<String> = inputs
                .iter()
                .zip(&versions)
                .map(|(i, v)| {
                    format!(
                        "{} in {}",
                        sanitize_line(v.unwrap_or_default()),
                        sanitize_line(i.source)
                    )
                })
                .collect();
            differences.push(format!("{shown}: versions differ ({})", each.join(", ")));
            left_out.push((id.to_string(), "its versions differ"));
            continue;
        }
        common.push(QuestionnaireRef {
            id: id.to_string(),
            version: versions[0].unwrap_or_default().to_string(),
        });
    }
    Shared {
        common,
        differences,
        left_out,
    }
}

/// Each input's respondent label: its `respondent`, or else where it came from; made unique
/// by numbering repeats.
fn labels(inputs: &[Input<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for input in inputs {
        let base = input
            .assessment
            .respondent
            .as_deref()
            .map(sanitize_line)
            .map(|r| r.trim().to_string())
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| sanitize_line(input.source));
        let mut label = base.clone();
        let mut n = 2;
        while out.contains(&label) {
            label = format!("{base} ({n})");
            n += 1;
        }
        out.push(label);
    }
    out
}

/// The questionnaires left out, each with how many answers to it are not merged.
fn left_out_answers(inputs: &[Input<'_>], left_out: Vec<(String, &str)>) -> Vec<LeftOut> {
    left_out
        .into_iter()
        .map(|(questionnaire, reason)| {
            let prefix = format!("{questionnaire}/");
            let answers = inputs
                .iter()
                .map(|i| {
                    i.assessment
                        .answers
                        .iter()
                        .filter(|(k, a)| k.starts_with(&prefix) && a.is_answered())
                        .count()
                })
                .sum();
            LeftOut {
                questionnaire,
                reason: reason.to_string(),
                answers,
            }
        })
        .collect()
}

/// Every item of some questionnaires by full name, with its place in questionnaire order.
struct Items<'q>(HashMap<String, (usize, &'q Questionnaire, &'q Item)>);

impl<'q> Items<'q> {
    fn of(questionnaires: &[&'q Questionnaire]) -> Self {
        let mut map = HashMap::new();
        for place in walk::items(questionnaires) {
            let order = map.len();
            map.insert(place.key.into(), (order, place.questionnaire, place.item));
        }
        Self(map)
    }

    fn get(&self, key: &str) -> Option<(&'q Questionnaire, &'q Item)> {
        self.0.get(key).map(|(_, q, i)| (*q, *i))
    }

    /// Sorts full item names into questionnaire order; names of items the questionnaires
    /// no longer have come last, in name order.
    fn sort<K: AsRef<str>>(&self, keys: &mut [K]) {
        keys.sort_by_cached_key(|k| {
            (
                self.0
                    .get(k.as_ref())
                    .map_or(usize::MAX, |(place, ..)| *place),
                k.as_ref().to_string(),
            )
        });
    }
}

/// Every item name any input has an entry for, in the merged questionnaires, in
/// questionnaire order.
fn item_keys(
    inputs: &[Input<'_>],
    questionnaires: &[&Questionnaire],
    items: &Items<'_>,
) -> Vec<String> {
    let mut present: BTreeSet<&str> = BTreeSet::new();
    for input in inputs {
        present.extend(input.assessment.answers.keys().map(String::as_str));
        present.extend(input.assessment.responses.keys().map(String::as_str));
    }
    let mut keys: Vec<String> = present
        .into_iter()
        .filter(|k| {
            ItemKey::parse(k)
                .is_ok_and(|key| questionnaires.iter().any(|q| q.id == key.questionnaire()))
        })
        .map(String::from)
        .collect();
    items.sort(&mut keys);
    keys
}

/// Every answer given to `key`: the answers an already merged input keeps in its
/// `responses` (settled or not: each respondent's own), else each input's own answer.
/// Whether every respondent behind the inputs answered item `key`: an input that is itself
/// a merge stands for each of its respondents.
fn everyone_answered(inputs: &[Input<'_>], key: &str) -> bool {
    inputs.iter().all(|input| {
        let a = input.assessment;
        match a.responses.get(key) {
            Some(responses) => {
                let people = a.respondents.len().max(responses.len());
                responses.iter().filter(|r| r.answer.is_answered()).count() == people
            }
            None => a.answers.get(key).is_some_and(Answer::is_answered),
        }
    })
}

fn given_answers(inputs: &[Input<'_>], respondents: &[String], key: &str) -> Vec<(String, Answer)> {
    let mut given = Vec::new();
    for (input, who) in inputs.iter().zip(respondents) {
        if let Some(responses) = input.assessment.responses.get(key) {
            given.extend(
                responses
                    .iter()
                    .filter(|r| r.answer.is_answered())
                    .map(|r| (sanitize_line(&r.respondent), r.answer.clone())),
            );
        } else if let Some(a) = input
            .assessment
            .answers
            .get(key)
            .filter(|a| a.is_answered())
        {
            given.push((who.clone(), a.clone()));
        }
    }
    given
}

fn value_of(item: Option<(&Questionnaire, &Item)>, answer: &Answer) -> Option<f64> {
    let (q, item) = item?;
    match item_value(q, item, Some(answer)) {
        ItemValue::Value(v) => Some(v),
        _ => None,
    }
}

fn disagreement(
    key: &str,
    item: Option<(&Questionnaire, &Item)>,
    given: &[(String, Answer)],
) -> Disagreement {
    let answers: Vec<GivenAnswer> = given
        .iter()
        .map(|(who, a)| GivenAnswer {
            respondent: who.clone(),
            answer: match item {
                Some((q, i)) => describe_answer(q, i, Some(a)),
                None => raw_answer(a),
            },
            value: value_of(item, a),
        })
        .collect();
    let values: Vec<f64> = answers.iter().filter_map(|a| a.value).collect();
    let spread = if values.len() < 2 {
        0.0
    } else {
        let max = values.iter().copied().fold(f64::MIN, f64::max);
        let min = values.iter().copied().fold(f64::MAX, f64::min);
        // Rounded to a millionth, so 0.6 − 0.4 reads 0.2.
        ((max - min) * 1e6).round() / 1e6
    };
    Disagreement {
        item: key.to_string(),
        prompt: item
            .map(|(_, i)| sanitize_line(&i.prompt))
            .unwrap_or_default(),
        spread,
        answers,
    }
}

/// An answer to an item the questionnaire no longer has, as stored.
fn raw_answer(a: &Answer) -> String {
    if a.is_na() {
        "Not applicable".to_string()
    } else if let Some(c) = a.choice() {
        sanitize_line(c)
    } else if let Some(ticked) = a.ticked() {
        format!("ticked: {}", sanitize_line(&ticked.join(", ")))
    } else {
        sanitize_line(a.text().unwrap_or_default())
    }
}

/// Notes from every respondent, each prefixed with its respondent; the owner when everyone
/// who named one agrees (otherwise each proposal goes into the note); flagged when anyone
/// flagged it.
fn merge_notes(entry: &mut Answer, inputs: &[Input<'_>], respondents: &[String], key: &str) {
    let mut notes = Vec::new();
    let mut owners: Vec<(&str, &str)> = Vec::new();
    for (input, who) in inputs.iter().zip(respondents) {
        let Some(a) = input.assessment.answers.get(key) else {
            continue;
        };
        if let Some(note) = a.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            notes.push(format!("{who}: {note}"));
        }
        if let Some(owner) = a.owner.as_deref().map(str::trim).filter(|o| !o.is_empty()) {
            owners.push((who, owner));
        }
        entry.flag |= a.flag;
    }
    let distinct: BTreeSet<&str> = owners.iter().map(|(_, o)| *o).collect();
    match distinct.len() {
        0 => {}
        1 => entry.owner = owners.first().map(|(_, o)| (*o).to_string()),
        _ => notes.push(format!(
            "Owners proposed: {}",
            owners
                .iter()
                .map(|(who, o)| format!("{who}: {}", owner_label(o)))
                .collect::<Vec<_>>()
                .join("; ")
        )),
    }
    if !notes.is_empty() {
        entry.note = Some(notes.join("\n"));
    }
}

/// The disputed items of a merged assessment (with `responses`, not settled) that apply to its subject,
/// largest spread first, then in questionnaire order.
pub fn disputes(questionnaires: &[&Questionnaire], a: &Assessment) -> Vec<Disagreement> {
    let items = Items::of(questionnaires);
    let mut keys: Vec<&String> = a
        .responses
        .keys()
        .filter(|key| a.disputed(key))
        .filter(|key| {
            items
                .get(key)
                .is_none_or(|(q, item)| crate::applies::applies(q, item, a))
        })
        .collect();
    items.sort(&mut keys);
    let mut out: Vec<Disagreement> = keys
        .into_iter()
        .map(|key| {
            let given: Vec<(String, Answer)> = a.responses[key]
                .iter()
                .map(|r| (sanitize_line(&r.respondent), r.answer.clone()))
                .collect();
            disagreement(key, items.get(key), &given)
        })
        .collect();
    // A stable sort: equal spreads stay in questionnaire order.
    out.sort_by(|x, y| y.spread.total_cmp(&x.spread));
    out
}

/// Settles a disputed item with the answer respondent number `index` gave (in the order of
/// its `responses`): the answer is copied (the merged note, owner and flag stay), every
/// respondent's answer is kept, and the settlement is recorded: by `by`, now, from that
/// respondent. Returns `false`, changing nothing, when there is no such response.
pub fn settle(a: &mut Assessment, key: &str, index: usize, by: &str) -> bool {
    let Some(chosen) = a.responses.get(key).and_then(|r| r.get(index)).cloned() else {
        return false;
    };
    a.settle(key, &chosen.answer, by, Some(&chosen.respondent))
}

/// The merged assessment's name: "Merged: " and the respondents (the first three, then how
/// many more).
pub fn default_name(respondents: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut names = respondents
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if respondents.len() > SHOWN {
        let _ = write!(names, " and {} more", respondents.len() - SHOWN);
    }
    format!("Merged: {names}")
}

/// Every respondent with their group: an input that gathers several respondents (an already
/// merged one) carries its own list; any other input is one respondent, named by its label,
/// with the group its `respondents` give it. Each name once.
/// Refuses inputs that bring one respondent's answers twice: a merge given with one of the
/// assessments it was made from would hold every answer of theirs twice.
fn same_respondent_twice(inputs: &[Input<'_>], labels: &[String]) -> Result<(), MergeError> {
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for (input, label) in inputs.iter().zip(labels) {
        let a = input.assessment;
        let names: Vec<&str> = if a.respondents.len() > 1 {
            a.respondents.iter().map(|r| r.name.as_str()).collect()
        } else {
            vec![label.as_str()]
        };
        for name in names {
            if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                return Err(MergeError::SameRespondent {
                    name: crate::text::sanitize_line(name),
                    first: crate::text::sanitize_line(first),
                    second: crate::text::sanitize_line(input.source),
                });
            }
            seen.push((name, input.source));
        }
    }
    Ok(())
}

fn merged_respondents(inputs: &[Input<'_>], labels: &[String]) -> Vec<Respondent> {
    let mut out: Vec<Respondent> = Vec::new();
    for (input, label) in inputs.iter().zip(labels) {
        let a = input.assessment;
        let carried: Vec<Respondent> = if a.respondents.len() > 1 {
            a.respondents.clone()
        } else {
            let group = a
                .respondent
                .as_deref()
                .and_then(|r| a.group_of(r))
                .or_else(|| a.respondents.first().and_then(|r| r.group.as_deref()));
            vec![Respondent {
                name: label.clone(),
                group: group.map(str::to_string),
            }]
        };
        for r in carried {
            if !out.iter().any(|o| o.name == r.name) {
                out.push(r);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
