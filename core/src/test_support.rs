//! What the unit tests share: the worked example of SCORING.md and answers made short.
//! Compiled for the core's own tests and, with the `test-support` feature, for the edges'.

#![allow(
    clippy::missing_panics_doc,
    reason = "test fixtures: a fixture that does not load is a failed test"
)]

use crate::assessment::{Answer, Assessment, Value};
use crate::key::ItemKey;
use crate::questionnaire::Questionnaire;

/// The worked example's questionnaire text.
pub const WORKED_EXAMPLE: &str = include_str!("../../tests/fixtures/worked-example.json");

/// The worked example's questionnaire.
pub fn worked_example() -> Questionnaire {
    Questionnaire::load_str(WORKED_EXAMPLE, "worked-example.json")
        .expect("fixture loads")
        .0
}

/// The questionnaire of score format 2's worked example (items A–F, F a checklist of
/// alternatives with `"required": 2`, and a "Don't know" option).
pub const WORKED_EXAMPLE_2: &str = include_str!("../../tests/fixtures/scoring-example.json");

/// The questionnaire of score format 2's worked example.
pub fn worked_example_2() -> Questionnaire {
    Questionnaire::load_str(WORKED_EXAMPLE_2, "scoring-example.json")
        .expect("fixture loads")
        .0
}

/// The answers of score format 2's worked example: A Fully, B Largely, C Partially, D N/A,
/// E unanswered, F one of four checks ticked and one N/A.
pub fn worked_example_2_answers() -> Vec<(&'static str, Answer)> {
    vec![
        ("a", choice("fully")),
        ("b", choice("largely")),
        ("c", choice("partial")),
        ("d", na()),
        (
            "f",
            Answer::from(Value::Checklist {
                ticked: vec!["testing".into()],
                na_checks: vec!["certification".into()],
            }),
        ),
    ]
}

/// A supplier-scope questionnaire whose items follow the tier and other answers (`when`).
pub const SUPPLIER_WHEN: &str = include_str!("../../tests/fixtures/supplier-when.json");

/// The questionnaire of [`SUPPLIER_WHEN`].
pub fn supplier_when() -> Questionnaire {
    Questionnaire::load_str(SUPPLIER_WHEN, "supplier-when.json")
        .expect("fixture loads")
        .0
}

/// An answer choosing option `key`.
pub fn choice(key: &str) -> Answer {
    Answer::from(Value::Choice(key.into()))
}

/// An N/A answer.
pub fn na() -> Answer {
    Answer::from(Value::NotApplicable)
}

/// A checklist answer ticking `checks`.
pub fn ticked(checks: &[&str]) -> Answer {
    Answer::from(Value::Checklist {
        ticked: checks.iter().map(|c| (*c).to_string()).collect(),
        na_checks: Vec::new(),
    })
}

/// An assessment `id` of `q` with the given answers by item id.
pub fn assessment(q: &Questionnaire, id: &str, answers: &[(&str, Answer)]) -> Assessment {
    let mut a = Assessment::new(id.into(), id.into(), "Acme".into(), None, &[q]);
    for (item, answer) in answers {
        a.answers
            .insert(ItemKey::new(&q.id, item).into(), answer.clone());
    }
    a
}
