//! Fuzzing with proptest: loading questionnaires and assessments, scoring, merging,
//! comparing and reporting them never panics, whatever the bytes — arbitrary JSON, and real
//! files with bytes flipped, cut or spliced; and whatever text the files hold, the
//! command line prints no control character.

use proptest::prelude::*;
use serde_json::Value;
use supplycheck::assessment::Assessment;
use supplycheck::catalog::Catalog;
use supplycheck::questionnaire::Questionnaire;

const QUESTIONNAIRE: &str = include_str!("fixtures/worked-example.json");
const ASSESSMENT: &str = r#"{
  "format": "supplycheck.assessment/1", "id": "x", "name": "X", "organisation": "O",
  "created": "2026-11-22T10:00:00Z", "updated": "2026-11-22T10:00:00Z",
  "questionnaires": [ { "id": "worked-example", "version": "1.0.0" } ],
  "answers": {
    "worked-example/a": { "choice": "fully", "note": "n", "owner": "legal", "flag": true },
    "worked-example/d": { "checked": ["x"], "na_checks": ["y"] },
    "worked-example/e": { "na": true },
    "worked-example/strategy": { "text": "t" }
  }
}"#;

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z0-9/ -]{0,12}".prop_map(Value::String),
        prop_oneof![
            Just("supplycheck.questionnaire/1"),
            Just("supplycheck.assessment/1"),
            Just("choice"),
            Just("checklist"),
            Just("text"),
            Just("implementation"),
            Just("worked-example/a"),
        ]
        .prop_map(|s| Value::String(s.into())),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec(
                (
                    prop_oneof![
                        Just("format".to_string()),
                        Just("id".to_string()),
                        Just("sections".to_string()),
                        Just("items".to_string()),
                        Just("answers".to_string()),
                        Just("kind".to_string()),
                        Just("level".to_string()),
                        "[a-z_]{1,8}",
                    ],
                    inner
                ),
                0..6
            )
            .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Loads and scores, the way the CLI does; any outcome but a panic is fine.
fn exercise(q_text: &[u8], a_text: &[u8]) {
    let q = std::str::from_utf8(q_text)
        .ok()
        .and_then(|t| Questionnaire::load_str(t, "q.json").ok())
        .map(|(q, _)| q);
    let a = supplycheck::store::parse(a_text, std::path::Path::new("a.json")).ok();
    let mut catalog = Catalog::default();
    if let Some(q) = q.clone() {
        catalog.insert(q);
    }
    let fallback = Questionnaire::load_str(QUESTIONNAIRE, "q.json")
        .expect("fixture")
        .0;
    catalog.insert(q.unwrap_or(fallback));
    if let Some(a) = a {
        let _ = a.check(&catalog);
        let qs = catalog.for_assessment(&a);
        let _ = supplycheck::scoring::score(&qs, &a).to_json();
        workshop_and_reports(&catalog, &a);
    }
}

/// Merges, compares and reports a loaded assessment against the fixture's; any outcome but
/// a panic is fine.
fn workshop_and_reports(catalog: &Catalog, a: &Assessment) {
    let base = supplycheck::store::parse(ASSESSMENT.as_bytes(), std::path::Path::new("b.json"))
        .expect("fixture");
    let inputs = [
        supplycheck::merge::Input {
            source: "a.json",
            assessment: a,
        },
        supplycheck::merge::Input {
            source: "b.json",
            assessment: &base,
        },
    ];
    for force in [false, true] {
        if let Ok(merged) = supplycheck::merge::merge(&inputs, catalog, "m".into(), force) {
            let qs = catalog.for_assessment(&merged.assessment);
            let _ = supplycheck::merge::disputes(&qs, &merged.assessment);
        }
    }
    let qs_a = catalog.for_assessment(a);
    let qs_b = catalog.for_assessment(&base);
    let _ = supplycheck::compare::compare(&qs_a, a, &qs_b, &base).to_json();
    let _ = supplycheck::compare::compare(&qs_b, &base, &qs_a, a).to_json();
    let pack = supplycheck::report::BoardPack::from_questionnaires(&qs_a, a);
    for format in [
        supplycheck::report::Format::Html,
        supplycheck::report::Format::Markdown,
        supplycheck::report::Format::Csv,
        supplycheck::report::Format::Json,
    ] {
        let _ = supplycheck::report::render(&pack, format);
    }
}

/// Cases per property: 512, or `FUZZ_CASES` for a longer run.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(512)
}

fn mutate(base: &str, edits: &[(usize, u8)], cut: usize) -> Vec<u8> {
    let mut bytes = base.as_bytes().to_vec();
    for (at, byte) in edits {
        let i = at % bytes.len();
        bytes[i] = *byte;
    }
    bytes.truncate(cut % (bytes.len() + 1));
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn arbitrary_json_never_panics(q in json_value(), a in json_value()) {
        exercise(q.to_string().as_bytes(), a.to_string().as_bytes());
        exercise(QUESTIONNAIRE.as_bytes(), a.to_string().as_bytes());
    }

    #[test]
    fn mutated_files_never_panic(
        q_edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        a_edits in prop::collection::vec((any::<usize>(), any::<u8>()), 0..8),
        q_cut in any::<usize>(),
        a_cut in any::<usize>(),
    ) {
        let q = mutate(QUESTIONNAIRE, &q_edits, q_cut.max(QUESTIONNAIRE.len() / 2));
        let a = mutate(ASSESSMENT, &a_edits, a_cut);
        exercise(&q, &a);
        exercise(QUESTIONNAIRE.as_bytes(), &mutate(ASSESSMENT, &a_edits, usize::MAX));
    }

    #[test]
    fn answers_with_any_values_never_panic(
        choice in "[a-z]{0,8}",
        checked in prop::collection::vec("[a-z]{0,3}", 0..5),
        na in any::<bool>(),
        item in prop_oneof![Just("a"), Just("d"), Just("strategy"), Just("zz"), Just("")],
    ) {
        let mut a: Assessment = serde_json::from_str(ASSESSMENT).expect("parses");
        // Every value at once, as a hand-edited file may hold them.
        let answer = serde_json::json!({ "choice": choice, "checked": checked, "na": na });
        a.answers.insert(
            format!("worked-example/{item}"),
            serde_json::from_value(answer).expect("an answer"),
        );
        let text = serde_json::to_string(&a).expect("json");
        exercise(QUESTIONNAIRE.as_bytes(), text.as_bytes());
    }

    #[test]
    fn merged_files_with_any_responses_never_panic(
        item in prop_oneof![Just("a"), Just("d"), Just("strategy"), Just("zz"), Just("")],
        respondents in prop::collection::vec("[A-Za-z\u{1b}\n ]{0,6}", 0..4),
        choices in prop::collection::vec(prop::option::of("[a-z]{0,8}"), 0..4),
        settle_with in 0usize..5,
    ) {
        let mut a: Assessment = serde_json::from_str(ASSESSMENT).expect("parses");
        let responses: Vec<supplycheck::assessment::Response> = respondents
            .into_iter()
            .zip(choices)
            .map(|(respondent, choice)| supplycheck::assessment::Response {
                respondent,
                answer: supplycheck::assessment::Answer::from(choice.map_or(
                    supplycheck::assessment::Value::Unanswered,
                    supplycheck::assessment::Value::Choice,
                )),
            })
            .collect();
        let key = format!("worked-example/{item}");
        a.responses.insert(key.clone(), responses);
        let text = serde_json::to_string(&a).expect("json");
        exercise(QUESTIONNAIRE.as_bytes(), text.as_bytes());
        let (q, _) = Questionnaire::load_str(QUESTIONNAIRE, "q.json").expect("fixture");
        for d in supplycheck::merge::disputes(&[&q], &a) {
            prop_assert!(d.spread >= 0.0 && d.spread <= 1.0);
            for given in &d.answers {
                prop_assert!(!given.respondent.contains('\u{1b}'), "names are made safe");
            }
        }
        let had = a.responses[&key].len();
        let answered = a.responses[&key]
            .get(settle_with)
            .is_some_and(|r| r.answer.is_answered());
        let settled = supplycheck::merge::settle(&mut a, &key, settle_with, "facilitator");
        prop_assert_eq!(settled, settle_with < had && answered);
        prop_assert_eq!(a.disputed(&key), !settled);
        prop_assert_eq!(a.responses[&key].len(), had, "every response is kept");
    }
}

#[test]
fn the_unmutated_files_load_and_score() {
    let (q, _) = Questionnaire::load_str(QUESTIONNAIRE, "q.json").expect("loads");
    let a = supplycheck::store::parse(ASSESSMENT.as_bytes(), std::path::Path::new("a.json"))
        .expect("parses");
    let r = supplycheck::scoring::score(&[&q], &a);
    assert_eq!(r.overall.answered + r.overall.na, 3);
}

/// Fails when printed text holds a control character (other than line feed, carriage
/// return and tab) or a bidi control.
fn assert_no_control(what: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(bytes);
    let bad = text.chars().find(|c| {
        (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
            || supplycheck::text::is_bidi_control(*c)
    });
    prop_assert!(bad.is_none(), "{} printed {:?}:\n{}", what, bad, text);
    Ok(())
}

/// Any text, weighted towards controls, escape introducers and bidi controls.
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => any::<char>(),
            2 => prop::char::range('\u{0}', '\u{1f}'),
            2 => prop::char::range('\u{7f}', '\u{9f}'),
            1 => prop::char::range('\u{2066}', '\u{2069}'),
            1 => Just('\u{202e}'),
            1 => Just('\u{200f}'),
            1 => Just('['),
            1 => Just(']'),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases((cases() / 32).max(4)))]

    #[test]
    fn cli_text_output_holds_no_control_character(
        name in hostile_text(),
        note in hostile_text(),
        title in hostile_text(),
        prompt in hostile_text(),
    ) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir_all(dir.path().join("questionnaires")).expect("dir");
        std::fs::create_dir_all(dir.path().join("assessments")).expect("dir");
        let mut q: Value = serde_json::from_str(QUESTIONNAIRE).expect("fixture");
        q["title"] = Value::String(title.clone());
        q["sections"][0]["title"] = Value::String(title);
        q["sections"][0]["items"][0]["prompt"] = Value::String(prompt);
        std::fs::write(
            dir.path().join("questionnaires/worked-example.json"),
            q.to_string(),
        )
        .expect("write");
        let mut a: Value = serde_json::from_str(ASSESSMENT).expect("fixture");
        a["name"] = Value::String(name.clone());
        a["organisation"] = Value::String(name.clone());
        a["respondent"] = Value::String(name);
        a["answers"]["worked-example/a"]["note"] = Value::String(note.clone());
        a["answers"]["worked-example/a"]["owner"] = Value::String(note.clone());
        a["answers"]["worked-example/strategy"]["text"] = Value::String(note);
        std::fs::write(dir.path().join("assessments/x.json"), a.to_string()).expect("write");
        for args in [
            &["list"][..],
            &["list", "--json"],
            &["score", "x"],
            &["score", "x", "--json"],
            &["compare", "x", "x"],
            &["report", "x", "--format", "md"],
            &["report", "x", "--format", "csv"],
            &["report", "x", "--format", "html"],
            &["report", "x", "--format", "json"],
            &["questionnaires", "list"],
            &["questionnaires", "show", "worked-example"],
        ] {
            let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("supplycheck"))
                .env("SUPPLYCHECK_DATA_DIR", dir.path())
                .env("NO_COLOR", "1")
                .args(args)
                .stdin(std::process::Stdio::null())
                .output()
                .expect("runs");
            prop_assert_ne!(out.status.code(), Some(101), "{:?} panicked", args);
            assert_no_control(&format!("{args:?} stdout"), &out.stdout)?;
            assert_no_control(&format!("{args:?} stderr"), &out.stderr)?;
        }
    }
}
