//! Answers read against the catalog: checking an assessment's answers, and finding the item
//! a person names.

use crate::assessment::{
    ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_1, ASSESSMENT_FORMATS, Assessment, Problem,
    answer_problems,
};
use crate::key::ItemKey;
use crate::questionnaire::Questionnaire;

use super::Catalog;

impl Assessment {
    /// Checks the answers against the questionnaires. Answers are never dropped: each one
    /// that does not fit (unknown item, unknown option or check, wrong kind) is reported.
    pub fn check(&self, catalog: &Catalog) -> Vec<Problem> {
        let mut problems = Vec::new();
        if !ASSESSMENT_FORMATS.contains(&self.format.as_str()) {
            problems.push(Problem {
                place: "format".into(),
                message: format!(
                    "is \"{}\"; this version of supplycheck reads \"{ASSESSMENT_FORMAT_1}\" and \
                     \"{ASSESSMENT_FORMAT}\"",
                    crate::text::sanitize_line(&self.format)
                ),
            });
        }
        for qref in &self.questionnaires {
            if catalog.for_ref(qref).is_none() {
                let others = catalog.versions_of(&qref.id);
                let message = if others.is_empty() {
                    format!(
                        "version {} of this questionnaire is not available: put its file in the \
                         data directory's questionnaires/ folder or pass --questionnaire-file",
                        qref.version
                    )
                } else {
                    format!(
                        "answered against version {}, which is not available (only {}); it is \
                         not scored against another version: put the file of version {} in \
                         the data directory's questionnaires/ folder or pass \
                         --questionnaire-file",
                        qref.version,
                        others.join(", "),
                        qref.version
                    )
                };
                problems.push(Problem {
                    place: qref.id.clone(),
                    message,
                });
            }
        }
        for (full, answer) in &self.answers {
            let Ok(key) = ItemKey::parse(full) else {
                problems.push(Problem {
                    place: full.clone(),
                    message: "is not a full item name `<questionnaire>/<item>`".into(),
                });
                continue;
            };
            let (qid, iid) = (key.questionnaire(), key.item());
            if !self.questionnaires.iter().any(|q| q.id == qid) {
                problems.push(Problem {
                    place: full.clone(),
                    message: format!(
                        "answers questionnaire \"{qid}\", which this assessment does not use; \
                         the answer is kept but not scored"
                    ),
                });
                continue;
            }
            let used = self.questionnaires.iter().find(|r| r.id == qid);
            let Some(q) = used.and_then(|r| catalog.for_ref(r)) else {
                continue;
            };
            let Some((_, item)) = q.item(iid) else {
                problems.push(Problem {
                    place: full.clone(),
                    message: format!(
                        "no such item in {qid} {}; the answer is kept but not scored",
                        q.version
                    ),
                });
                continue;
            };
            problems.extend(
                answer_problems(q, item, answer)
                    .into_iter()
                    .map(|message| Problem {
                        place: full.clone(),
                        message,
                    }),
            );
        }
        if !self.plan.is_empty() {
            problems.extend(crate::plan::problems(
                &self.plan,
                &catalog.for_assessment(self),
            ));
        }
        problems
    }
}

/// Finds the item an assessment's user means by `name`: a full name
/// `<questionnaire>/<item>`, or a bare item id that only one of its questionnaires has.
/// Returns the questionnaire, the item and its full name, or a message for people.
pub fn resolve_item<'c>(
    catalog: &'c Catalog,
    assessment: &Assessment,
    name: &str,
) -> Result<(&'c Questionnaire, &'c crate::questionnaire::Item, ItemKey), String> {
    let questionnaires = catalog.for_assessment(assessment);
    let found: Vec<_> = match ItemKey::parse(name) {
        Ok(key) => questionnaires
            .iter()
            .filter(|q| q.id == key.questionnaire())
            .filter_map(|q| q.item(key.item()).map(|(_, i)| (*q, i)))
            .collect(),
        Err(_) => questionnaires
            .iter()
            .filter_map(|q| q.item(name).map(|(_, i)| (*q, i)))
            .collect(),
    };
    match found.as_slice() {
        [(q, item)] => Ok((q, item, ItemKey::new(&q.id, &item.id))),
        [] => Err(format!(
            "no item \"{}\" in this assessment's questionnaires ({}).\n  \
             Run `supplycheck questionnaires show ID` to see the item ids.",
            crate::text::sanitize_line(name),
            assessment
                .questionnaires
                .iter()
                .map(|q| q.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
        many => Err(format!(
            "\"{name}\" is in more than one questionnaire; use its full name: {}",
            many.iter()
                .map(|(q, i)| ItemKey::new(&q.id, &i.id).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}
