//! The perception gap of a merged assessment: how each group of respondents (board,
//! management, staff, supplier, or the user's own word) scores the organisation, area by
//! area, and where the board believes more than the others.
//!
//! The rules, in the words of docs/formats.md:
//! - **A respondent's answers.** For a disputed or settled item (one with `responses`), their
//!   own response (none when they gave none); for any other item, the assessment's answer
//!   (everyone who answered it agreed).
//! - **A group's answer** to a scored item is the mean of its members' values (a "Don't
//!   know" counts 0; members without an answer or answering N/A are left out). With no value
//!   among its members, the item is N/A for the group when a member answered N/A, else
//!   unanswered.
//! - **A group's figures** follow score format 2 on those values: `score` = Σ weight·value ÷
//!   Σ weight over applicable items (unanswered count 0); `level` from the items' levels, an
//!   item achieved when its value reaches the pass mark; the overall level is the lowest area
//!   level.
//! - **Groups**: respondents with the same group form one; respondents with no group form
//!   "no group". A group of one respondent is shown as that person ("Ann (board)").
//! - **The difference**: with a board group, the board's figure minus the mean of the other
//!   groups' figures; without one, the group with the highest overall score against the one
//!   with the lowest.
//! - **Items**: those where the compared group's value is above the others' mean value,
//!   widest first (then questionnaire order).

use serde::Serialize;

use crate::assessment::{Answer, Assessment};
use crate::figures::{ScoreChange, describe_answer};
use crate::level::Level;
use crate::questionnaire::Questionnaire;
use crate::record::GROUPS;
use crate::scoring::{ItemValue, Standing, item_value, level_and_blocking};
use crate::text::sanitize_line;
use crate::walk;

/// The format tag of `supplycheck gap --json`.
pub const GAP_FORMAT: &str = "supplycheck.gap/1";

/// The group of respondents who have none.
pub const NO_GROUP: &str = "no group";

/// The group the others are compared with when it is there.
pub const BOARD: &str = "board";

/// Why there is no perception gap to show.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GapError {
    /// The assessment lists no respondents.
    #[error(
        "\"{name}\" lists no respondents, so there are no groups to compare; the perception \
         gap reads a merged assessment: create each respondent's assessment with `new \
         --respondent NAME --group board|management|staff|supplier`, then `merge` them"
    )]
    NoRespondents {
        /// The assessment's name.
        name: String,
    },
    /// No respondent has a group.
    #[error(
        "no respondent of \"{name}\" ({respondents}) has a group, so there are no groups to \
         compare; create each respondent's assessment with `new --respondent NAME --group \
         board|management|staff|supplier` (or a word of your own), then merge them again"
    )]
    NoGroups {
        /// The assessment's name.
        name: String,
        /// The respondents, in words.
        respondents: String,
    },
    /// Every respondent is in one group.
    #[error(
        "every respondent of \"{name}\" is in the group \"{group}\", so there is nothing to \
         compare it with; merge in respondents of another group"
    )]
    OneGroup {
        /// The assessment's name.
        name: String,
        /// The one group.
        group: String,
    },
}

/// A group of respondents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Group {
    /// The group's word (`board`, …, the user's own, or "no group").
    pub group: String,
    /// How it is shown: the group's word, or for one respondent "Ann (board)".
    pub label: String,
    /// Its respondents, in the assessment's order.
    pub respondents: Vec<String>,
}

impl Group {
    /// The group with its members, as every surface lists it: "Ann (board)" for a group
    /// of one, "staff: Bob, Carl" for more.
    pub fn with_members(&self) -> String {
        if self.respondents.len() == 1 {
            self.label.clone()
        } else {
            format!("{}: {}", self.label, self.respondents.join(", "))
        }
    }
}

/// One group's figures for an area or the whole assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupScore {
    /// The group's word.
    pub group: String,
    /// Score format 2's score on the group's answers; `null` with no applicable item.
    pub score: Option<f64>,
    /// The level reached on the group's answers; `null` with no applicable item.
    pub level: Option<u8>,
    /// The level's name.
    pub level_name: Option<&'static str>,
}

/// One area's (section's) figures per group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaGap {
    /// The section's full id, `<questionnaire>/<section>`.
    pub id: String,
    /// The section's title.
    pub title: String,
    /// Each group's figures, in the order of [`GapReport::groups`].
    pub groups: Vec<GroupScore>,
    /// The compared group's score minus the mean score of the groups it is compared with;
    /// `null` when either side has none.
    pub difference: Option<f64>,
}

/// One group's value for an item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GroupValue {
    /// The group's word.
    pub group: String,
    /// The mean of its members' values; `null` when none has one.
    pub value: Option<f64>,
}

/// One respondent's answer to an item, in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RespondentAnswer {
    /// Who.
    pub respondent: String,
    /// Their group's word.
    pub group: String,
    /// Their answer in words ("" when they gave none).
    pub answer: String,
}

/// An item where the compared group's answer is above the others'.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemGap {
    /// The full item name.
    pub item: String,
    /// The item's prompt.
    pub prompt: String,
    /// Its section's full id.
    pub area: String,
    /// The compared group's value minus the mean value of the others (rounded to a
    /// millionth), above 0.
    pub difference: f64,
    /// Each group's value, in the order of [`GapReport::groups`].
    pub groups: Vec<GroupValue>,
    /// Each respondent's answer, in the assessment's order.
    pub answers: Vec<RespondentAnswer>,
}

/// The perception gap (`supplycheck.gap/1`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapReport {
    /// Always [`GAP_FORMAT`].
    pub format: &'static str,
    /// The assessment's id.
    pub assessment: String,
    /// The groups: `board`, `management`, `staff`, `supplier`, then the users' own words in
    /// the order they first appear, then "no group".
    pub groups: Vec<Group>,
    /// The group compared with the others: `board`, else the highest overall score.
    pub compared: String,
    /// The groups it is compared with: every other one with a board, else the lowest
    /// overall score.
    pub against: Vec<String>,
    /// Each group's overall figures.
    pub overall: Vec<GroupScore>,
    /// The overall difference, as for an area.
    pub difference: Option<f64>,
    /// Every area, in questionnaire order.
    pub areas: Vec<AreaGap>,
    /// The items where the compared group's answer is above the others', widest first.
    pub items: Vec<ItemGap>,
}

impl GapReport {
    /// The report as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The compared group's score against the mean of the others' in `scores` (the overall
    /// figures or an area's), as shown: the difference of the shown whole percentages.
    pub fn shown_difference(&self, scores: &[GroupScore]) -> ScoreChange {
        let of = |group: &str| {
            scores
                .iter()
                .find(|s| s.group == group)
                .and_then(|s| s.score)
        };
        let against: Vec<f64> = self.against.iter().filter_map(|g| of(g)).collect();
        let mean =
            (!against.is_empty()).then(|| against.iter().sum::<f64>() / against.len() as f64);
        ScoreChange::between(mean, of(&self.compared))
    }

    /// Item `item`'s gap as shown, by the same rule as an area's: the compared group's value
    /// against the others' mean, as the difference of the shown whole percentages.
    pub fn item_difference(&self, item: &ItemGap) -> ScoreChange {
        let of = |group: &str| {
            item.groups
                .iter()
                .find(|g| g.group == group)
                .and_then(|g| g.value)
        };
        let against: Vec<f64> = self.against.iter().filter_map(|g| of(g)).collect();
        let mean =
            (!against.is_empty()).then(|| against.iter().sum::<f64>() / against.len() as f64);
        ScoreChange::between(mean, of(&self.compared))
    }

    /// A group's label by its word.
    pub fn label<'a>(&'a self, group: &'a str) -> &'a str {
        self.groups
            .iter()
            .find(|g| g.group == group)
            .map_or(group, |g| g.label.as_str())
    }
}

/// A respondent's answer to item `key`: their response to a disputed or settled item, else
/// the assessment's (agreed) answer.
pub fn respondent_answer<'a>(a: &'a Assessment, respondent: &str, key: &str) -> Option<&'a Answer> {
    match a.responses.get(key) {
        Some(responses) => responses
            .iter()
            .find(|r| r.respondent == respondent)
            .map(|r| &r.answer),
        None => a.answers.get(key),
    }
}

/// A respondent's group as the gap shows it: their group made safe, or "no group".
fn group_word(group: Option<&str>) -> String {
    group
        .map(str::trim)
        .filter(|g| !g.is_empty())
        .map_or_else(|| NO_GROUP.to_string(), sanitize_line)
}

/// The groups of `a`'s respondents, in the order [`GapReport::groups`] describes.
pub fn groups(a: &Assessment) -> Vec<Group> {
    let word = group_word;
    let mut order: Vec<String> = GROUPS.iter().map(|g| (*g).to_string()).collect();
    for r in &a.respondents {
        let g = word(r.group.as_deref());
        if g != NO_GROUP && !order.contains(&g) {
            order.push(g);
        }
    }
    order.push(NO_GROUP.to_string());
    order
        .into_iter()
        .filter_map(|group| {
            let respondents: Vec<String> = a
                .respondents
                .iter()
                .filter(|r| word(r.group.as_deref()) == group)
                .map(|r| sanitize_line(&r.name))
                .collect();
            let label = match respondents.as_slice() {
                [] => return None,
                [one] => format!("{one} ({group})"),
                _ => group.clone(),
            };
            Some(Group {
                group,
                label,
                respondents,
            })
        })
        .collect()
}

/// Running sums of one group's figures.
#[derive(Default)]
struct Tally {
    weighted: f64,
    weights: f64,
    applicable: usize,
    standings: Vec<Standing>,
}

impl Tally {
    fn score(&self) -> Option<f64> {
        (self.applicable > 0 && self.weights > 0.0).then(|| self.weighted / self.weights)
    }
}

fn figures(group: &str, score: Option<f64>, level: Option<u8>) -> GroupScore {
    GroupScore {
        group: group.to_string(),
        score,
        level,
        level_name: level.map(|l| Level::at_most_3(l).name()),
    }
}

/// `compared` minus the mean of `against` (those with a value).
fn difference(compared: Option<f64>, against: &[Option<f64>]) -> Option<f64> {
    let values: Vec<f64> = against.iter().flatten().copied().collect();
    if values.is_empty() {
        return None;
    }
    Some(compared? - values.iter().sum::<f64>() / values.len() as f64)
}

/// The groups of `a`, refused when there are none to compare.
fn checked_groups(a: &Assessment) -> Result<Vec<Group>, GapError> {
    let name = sanitize_line(&a.name);
    if a.respondents.is_empty() {
        return Err(GapError::NoRespondents { name });
    }
    let groups = groups(a);
    if groups.iter().all(|g| g.group == NO_GROUP) {
        return Err(GapError::NoGroups {
            name,
            respondents: groups
                .iter()
                .flat_map(|g| g.respondents.clone())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    if let [one] = groups.as_slice() {
        return Err(GapError::OneGroup {
            name,
            group: one.group.clone(),
        });
    }
    Ok(groups)
}

/// The perception gap of `a` against its questionnaires (in the assessment's order).
pub fn gap(questionnaires: &[&Questionnaire], a: &Assessment) -> Result<GapReport, GapError> {
    let groups = checked_groups(a)?;
    let members: Vec<Vec<&str>> = groups
        .iter()
        .map(|g| {
            a.respondents
                .iter()
                .filter(|r| group_word(r.group.as_deref()) == g.group)
                .map(|r| r.name.as_str())
                .collect()
        })
        .collect();
    let Walked {
        overall,
        area_tallies,
        item_values,
    } = walk_items(questionnaires, a, &groups, &members);
    let area_levels: Vec<Vec<Option<u8>>> = area_tallies
        .iter()
        .map(|(_, _, t)| {
            t.iter()
                .map(|t| level_and_blocking(&t.standings).0)
                .collect()
        })
        .collect();
    let overall_scores: Vec<GroupScore> = groups
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let level = area_levels.iter().filter_map(|l| l[n]).min();
            figures(&g.group, overall[n].score(), level)
        })
        .collect();
    let (compared, against) = comparison(&groups, &overall_scores);
    let pick = |scores: &[Option<f64>]| {
        let c = scores[compared];
        let o: Vec<Option<f64>> = against.iter().map(|n| scores[*n]).collect();
        difference(c, &o)
    };
    let areas = area_tallies
        .into_iter()
        .zip(&area_levels)
        .map(|((id, title, tallies), levels)| {
            let scores: Vec<Option<f64>> = tallies.iter().map(Tally::score).collect();
            AreaGap {
                id,
                title,
                groups: groups
                    .iter()
                    .zip(&scores)
                    .zip(levels)
                    .map(|((g, s), l)| figures(&g.group, *s, *l))
                    .collect(),
                difference: pick(&scores),
            }
        })
        .collect();
    let overall_numbers: Vec<Option<f64>> = overall_scores.iter().map(|s| s.score).collect();
    let items = widest(item_values, &groups, pick);
    Ok(GapReport {
        format: GAP_FORMAT,
        assessment: a.id.clone(),
        compared: groups[compared].group.clone(),
        against: against.iter().map(|n| groups[*n].group.clone()).collect(),
        difference: pick(&overall_numbers),
        groups,
        overall: overall_scores,
        areas,
        items,
    })
}

/// An item's figures per group, for the items list: key, prompt, area, each group's value,
/// each respondent's answer.
type ItemRow = (
    String,
    String,
    String,
    Vec<Option<f64>>,
    Vec<RespondentAnswer>,
);

/// Every group's sums, overall and per area, and every scored item's values.
struct Walked {
    overall: Vec<Tally>,
    area_tallies: Vec<(String, String, Vec<Tally>)>,
    item_values: Vec<ItemRow>,
}

/// Walks every scored item once, adding each group's value to its sums.
fn walk_items(
    questionnaires: &[&Questionnaire],
    a: &Assessment,
    groups: &[Group],
    members: &[Vec<&str>],
) -> Walked {
    let mut overall: Vec<Tally> = groups.iter().map(|_| Tally::default()).collect();
    let mut area_tallies: Vec<(String, String, Vec<Tally>)> = Vec::new();
    let mut item_values = Vec::new();
    for section in walk::sections(questionnaires) {
        let q = section.questionnaire;
        let mut tallies: Vec<Tally> = groups.iter().map(|_| Tally::default()).collect();
        for place in section.items().filter(|p| p.item.is_scored()) {
            let key = place.key.to_string();
            let mut values = Vec::new();
            for (n, who) in members.iter().enumerate() {
                let given: Vec<ItemValue> = who
                    .iter()
                    .map(|r| item_value(q, place.item, respondent_answer(a, r, &key)))
                    .collect();
                let numbers: Vec<f64> = given.iter().filter_map(|v| v.number()).collect();
                let value = if numbers.is_empty() {
                    None
                } else {
                    Some(numbers.iter().sum::<f64>() / numbers.len() as f64)
                };
                values.push(value);
                if value.is_none() && given.contains(&ItemValue::NotApplicable) {
                    continue;
                }
                let weight = place.item.weight();
                for t in [&mut tallies[n], &mut overall[n]] {
                    t.applicable += 1;
                    t.weights += weight;
                    t.weighted += weight * value.unwrap_or(0.0);
                }
                tallies[n].standings.push(Standing {
                    key: key.clone(),
                    level: place.item.level(),
                    achieved: value.is_some_and(|v| v >= q.pass_mark),
                });
            }
            // In the groups' order (the order of the area table), each group's members in
            // the assessment's order: one order wherever the gap is shown.
            let answers = groups
                .iter()
                .zip(members)
                .flat_map(|(g, who)| {
                    who.iter().map(|r| RespondentAnswer {
                        respondent: sanitize_line(r),
                        group: g.group.clone(),
                        answer: describe_answer(q, place.item, respondent_answer(a, r, &key)),
                    })
                })
                .collect::<Vec<_>>();
            item_values.push((
                key,
                sanitize_line(&place.item.prompt),
                section.id(),
                values,
                answers,
            ));
        }
        area_tallies.push((section.id(), sanitize_line(&section.section.title), tallies));
    }
    Walked {
        overall,
        area_tallies,
        item_values,
    }
}

/// The items where the compared group is above the others (`pick` gives the difference),
/// widest first, then in questionnaire order.
fn widest(
    item_values: Vec<ItemRow>,
    groups: &[Group],
    pick: impl Fn(&[Option<f64>]) -> Option<f64>,
) -> Vec<ItemGap> {
    let mut items: Vec<(usize, ItemGap)> = item_values
        .into_iter()
        .enumerate()
        .filter_map(|(order, (item, prompt, area, values, answers))| {
            let d = pick(&values)?;
            let d = (d * 1e6).round() / 1e6;
            (d > 0.0).then(|| {
                (
                    order,
                    ItemGap {
                        item,
                        prompt,
                        area,
                        difference: d,
                        groups: groups
                            .iter()
                            .zip(&values)
                            .map(|(g, v)| GroupValue {
                                group: g.group.clone(),
                                value: *v,
                            })
                            .collect(),
                        answers,
                    },
                )
            })
        })
        .collect();
    items.sort_by(|(oa, a), (ob, b)| b.difference.total_cmp(&a.difference).then(oa.cmp(ob)));
    items.into_iter().map(|(_, i)| i).collect()
}

/// Which group is compared with which: the board with every other group; without a board,
/// the highest overall score (the first of equals, in group order) with the lowest of the
/// others (the last of equals). A group without a score counts below every score.
fn comparison(groups: &[Group], overall: &[GroupScore]) -> (usize, Vec<usize>) {
    if let Some(board) = groups.iter().position(|g| g.group == BOARD) {
        let others = (0..groups.len()).filter(|n| *n != board).collect();
        return (board, others);
    }
    let score = |n: usize| overall[n].score.unwrap_or(-1.0);
    let mut high = 0;
    for n in 1..groups.len() {
        if score(n) > score(high) {
            high = n;
        }
    }
    let mut low: Option<usize> = None;
    for n in (0..groups.len()).filter(|n| *n != high) {
        if low.is_none_or(|l| score(n) <= score(l)) {
            low = Some(n);
        }
    }
    (high, low.into_iter().collect())
}

#[cfg(test)]
mod tests;
