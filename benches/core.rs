//! Benchmarks of the core against the performance budgets: load + validate + score of
//! generated questionnaires (100, 1,000 and 10,000 items; budget 100 ms at 10,000), and the
//! autosave of a 500-answer assessment (budget 5 ms); and, with no budget of their own, a
//! merge of three respondents and a year-on-year comparison at 10,000 items.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use supplycheck::questionnaire::Questionnaire;

#[path = "common.rs"]
mod common;
use common::{answered, questionnaire_json, respondents};

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

fn workshop(c: &mut Criterion) {
    let (q, _) = Questionnaire::load_str(&questionnaire_json(10_000), "gen.json").expect("loads");
    let mut catalog = supplycheck::catalog::Catalog::built_in();
    catalog.insert(q.clone());
    // Three respondents' answers to 10,000 items, differing on a third of them.
    let all = respondents(&answered(&q), 3);
    let inputs: Vec<supplycheck::merge::Input<'_>> = all
        .iter()
        .map(|a| supplycheck::merge::Input {
            source: "gen.json",
            assessment: a,
        })
        .collect();
    let mut group = c.benchmark_group("workshop");
    group.sample_size(20);
    group.bench_function("merge_3x10000", |b| {
        b.iter(|| {
            supplycheck::merge::merge(black_box(&inputs), &catalog, "merged".into(), false)
                .expect("merges")
        });
    });
    group.bench_function("compare_10000", |b| {
        b.iter(|| supplycheck::compare::compare(&[&q], black_box(&all[0]), &[&q], &all[1]));
    });
    group.finish();
}

criterion_group!(benches, load_validate_score, score_only, autosave, workshop);
criterion_main!(benches);
