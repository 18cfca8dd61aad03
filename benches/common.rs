//! Generated questionnaires and assessments shared by the benchmarks.

#![allow(dead_code, reason = "each benchmark uses a part of it")]

use std::fmt::Write as _;

use supplycheck::assessment::{Answer, Assessment, Value};
use supplycheck::questionnaire::Questionnaire;

/// A questionnaire of `items` items in sections of 20: choice items and 5-check checklists
/// at levels 1–3, as JSON text.
pub fn questionnaire_json(items: usize) -> String {
    let mut s = String::from(
        r#"{"format":"supplycheck.questionnaire/1","id":"gen","version":"1","title":"Generated",
        "scales":{"impl":{"options":[{"key":"not","label":"Not","value":0},
        {"key":"partial","label":"Partial","value":0.33},{"key":"largely","label":"Largely","value":0.67},
        {"key":"fully","label":"Fully","value":1}]}},"sections":["#,
    );
    for section in 0..items.div_ceil(20) {
        if section > 0 {
            s.push(',');
        }
        let _ = write!(
            s,
            r#"{{"id":"s{section}","title":"Section {section}","items":["#
        );
        for i in 0..20.min(items - section * 20) {
            if i > 0 {
                s.push(',');
            }
            let level = i % 3 + 1;
            if i % 4 == 3 {
                let _ = write!(
                    s,
                    r#"{{"id":"i{section}-{i}","kind":"checklist","level":{level},"prompt":"Checklist {i}?",
                    "guidance":"Why it matters.","refs":["CFCS 1.1"],"checks":[{{"id":"a","text":"A"}},
                    {{"id":"b","text":"B"}},{{"id":"c","text":"C"}},{{"id":"d","text":"D"}},{{"id":"e","text":"E"}}]}}"#
                );
            } else {
                let _ = write!(
                    s,
                    r#"{{"id":"i{section}-{i}","kind":"choice","scale":"impl","level":{level},"weight":2,
                    "prompt":"Practice {i} in place?","guidance":"Why it matters.","refs":["CFCS 1.1"]}}"#
                );
            }
        }
        s.push_str("]}");
    }
    s.push_str("]}");
    s
}

/// An assessment answering every item of `q` (a mix of values, N/A and checklists).
pub fn answered(q: &Questionnaire) -> Assessment {
    let mut a = Assessment::new("gen".into(), "Generated".into(), "Org".into(), None, &[q]);
    for (n, (_, item)) in q.items().enumerate() {
        let answer = if item.checks.is_empty() {
            if n % 7 == 0 {
                Answer::from(Value::NotApplicable)
            } else {
                let key = ["not", "partial", "largely", "fully"][n % 4];
                Answer::from(Value::Choice(key.into()))
            }
        } else {
            Answer::from(Value::Checklist {
                ticked: vec!["a".into(), "c".into()],
                na_checks: vec!["e".into()],
            })
        };
        a.answers.insert(format!("gen/{}", item.id), answer);
    }
    a
}

/// Three respondents' copies of `base`, each choosing its own option ("not", "partial",
/// "fully") on every `every`-th choice answered, so that they disagree there.
pub fn respondents(base: &Assessment, every: usize) -> Vec<Assessment> {
    ["not", "partial", "fully"]
        .iter()
        .enumerate()
        .map(|(r, key)| {
            let mut a = base.clone();
            a.respondent = Some(format!("Respondent {r}"));
            for (n, answer) in a.answers.values_mut().enumerate() {
                if n % every == 0 && answer.choice().is_some() {
                    answer.choose_option(key);
                }
            }
            a
        })
        .collect()
}
