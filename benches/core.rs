//! Benchmarks of the core against the performance budgets: load + validate + score of
//! generated questionnaires (100, 1,000 and 10,000 items; budget 100 ms at 10,000), and the
//! autosave of a 500-answer assessment (budget 5 ms).

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use supplycheck::assessment::{Answer, Assessment};
use supplycheck::questionnaire::Questionnaire;

/// A questionnaire of `items` items in sections of 20: choice items and 5-check checklists
/// at levels 1–3, as JSON text.
fn questionnaire_json(items: usize) -> String {
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
fn answered(q: &Questionnaire) -> Assessment {
    let mut a = Assessment::new("gen".into(), "Generated".into(), "Org".into(), None, &[q]);
    for (n, (_, item)) in q.items().enumerate() {
        let answer = if item.checks.is_empty() {
            if n % 7 == 0 {
                Answer {
                    na: true,
                    ..Answer::default()
                }
            } else {
                let key = ["not", "partial", "largely", "fully"][n % 4];
                Answer {
                    choice: Some(key.into()),
                    ..Answer::default()
                }
            }
        } else {
            Answer {
                checked: Some(vec!["a".into(), "c".into()]),
                na_checks: vec!["e".into()],
                ..Answer::default()
            }
        };
        a.answers.insert(format!("gen/{}", item.id), answer);
    }
    a
}

fn load_validate_score(c: &mut Criterion) {
    let mut group = c.benchmark_group("load_validate_score");
    group.sample_size(20);
    for items in [100, 1_000, 10_000] {
        let q_text = questionnaire_json(items);
        let (q, _) = Questionnaire::load_str(&q_text, "gen.json").expect("generated loads");
        let a_text = serde_json::to_string(&answered(&q)).expect("json");
        group.throughput(Throughput::Elements(items as u64));
        group.bench_with_input(BenchmarkId::from_parameter(items), &items, |b, _| {
            b.iter(|| {
                let (q, _) =
                    Questionnaire::load_str(black_box(&q_text), "gen.json").expect("loads");
                let a =
                    supplycheck::store::parse(a_text.as_bytes(), std::path::Path::new("a.json"))
                        .expect("parses");
                black_box(supplycheck::scoring::score(&[&q], &a))
            });
        });
    }
    group.finish();
}

fn score_only(c: &mut Criterion) {
    let q_text = questionnaire_json(10_000);
    let (q, _) = Questionnaire::load_str(&q_text, "gen.json").expect("generated loads");
    let a = answered(&q);
    c.bench_function("score/10000", |b| {
        b.iter(|| black_box(supplycheck::scoring::score(&[&q], black_box(&a))));
    });
}

fn autosave(c: &mut Criterion) {
    let (q, _) = Questionnaire::load_str(&questionnaire_json(500), "gen.json").expect("loads");
    let mut a = answered(&q);
    for (n, answer) in a.answers.values_mut().enumerate() {
        if n % 3 == 0 {
            answer.note = Some("A note of a workshop's discussion, a sentence or two long.".into());
        }
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gen.json");
    supplycheck::store::save(&path, &a).expect("first save");
    let mut group = c.benchmark_group("autosave");
    group.sample_size(50);
    group.bench_function("500_answers", |b| {
        b.iter(|| supplycheck::store::save(&path, black_box(&a)).expect("saves"));
    });
    group.finish();
}

criterion_group!(benches, load_validate_score, score_only, autosave);
criterion_main!(benches);
