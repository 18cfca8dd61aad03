//! The portfolio at scale: 500 supplier assessments of the three built-in questionnaires
//! (145 items each, every item answered, notes on a third), written into a temporary folder.
//! Budgets: `portfolio --json` end to end (read the folder, build, serialise) under 1 s and
//! 100 MB; building the portfolio model the app's screen draws from under 200 ms.
//! Run with `cargo bench --bench portfolio`; prints the peak resident set size (Linux) first.

use std::hint::black_box;
use std::path::Path;

use criterion::Criterion;
use supplycheck::assessment::{Answer, Assessment, Value};
use supplycheck::catalog::Catalog;
use supplycheck::portfolio::{Options, Portfolio, read_folder};
use supplycheck::questionnaire::{ItemKind, Tier};
use supplycheck::record::Subject;

/// How many supplier assessments the folder holds.
const SUPPLIERS: usize = 500;

/// The process's peak resident set size in KiB, from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Supplier `n`'s assessment of the built-ins, every item answered.
fn supplier(catalog: &Catalog, n: usize) -> Assessment {
    let qs: Vec<_> = Catalog::built_in_ids()
        .into_iter()
        .filter_map(|id| catalog.get(id))
        .collect();
    let mut a = Assessment::new(
        format!("supplier-{n:03}"),
        format!("Supplier {n} review"),
        "Acme Ltd".into(),
        None,
        &qs,
    );
    a.subject = Some(Subject::Supplier {
        name: format!("Supplier {}", n % 450),
        tier: Some(Tier::ALL[n % 4]),
        services: vec![format!("service-{}", n % 60), format!("service-{}", n % 97)],
    });
    for q in &qs {
        for (i, (_, item)) in q.items().enumerate() {
            let value = match item.kind {
                ItemKind::Choice => {
                    let options = q.options(item);
                    Value::Choice(options[(n + i) % options.len()].key.clone())
                }
                ItemKind::Checklist => Value::Checklist {
                    ticked: item
                        .checks
                        .iter()
                        .step_by(2)
                        .map(|c| c.id.clone())
                        .collect(),
                    na_checks: vec![],
                },
                ItemKind::Text => Value::Text("Our answer, in a sentence or two.".into()),
            };
            let mut answer = Answer::from(value);
            if i % 3 == 0 {
                answer.note = Some("What the workshop said about it, briefly.".into());
            }
            answer.flag = i % 11 == 0;
            a.answers.insert(format!("{}/{}", q.id, item.id), answer);
        }
    }
    a
}

/// Writes the folder of supplier assessments.
fn write_folder(dir: &Path) {
    let catalog = Catalog::built_in();
    for n in 0..SUPPLIERS {
        let a = supplier(&catalog, n);
        supplycheck::store::save(&dir.join(format!("{}.json", a.id)), &a).expect("saves");
    }
}

/// `portfolio --json` without printing: read the folder, build, serialise.
fn portfolio_json(dir: &Path) -> String {
    let catalog = Catalog::built_in();
    let folder = read_folder(dir).expect("reads");
    let now = supplycheck::stamp::now();
    Portfolio::build(&catalog, &folder, &Options::default(), now).to_json()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` asks every bench for its names
    }
    let dir = tempfile::tempdir().expect("tempdir");
    write_folder(dir.path());
    let bytes: u64 = std::fs::read_dir(dir.path())
        .expect("lists")
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();

    let before = peak_rss_kib();
    let started = std::time::Instant::now();
    let json = portfolio_json(dir.path());
    let took = started.elapsed();
    assert!(json.contains("\"rows\""));
    match (before, peak_rss_kib()) {
        (Some(b), Some(p)) => println!(
            "portfolio/{SUPPLIERS}_json: one cold run {:.0} ms; peak resident {:.1} MB (after \
             writing the folder {:.1} MB; {:.1} MB of assessment files)",
            took.as_secs_f64() * 1000.0,
            p as f64 / 1024.0,
            b as f64 / 1024.0,
            bytes as f64 / 1_048_576.0
        ),
        _ => println!(
            "portfolio/{SUPPLIERS}_json: one cold run {:.0} ms; peak resident size not \
             available on this platform",
            took.as_secs_f64() * 1000.0
        ),
    }

    let mut c = Criterion::default().configure_from_args().sample_size(10);
    c.bench_function("portfolio/500_json_end_to_end", |b| {
        b.iter(|| black_box(portfolio_json(black_box(dir.path()))));
    });
    let catalog = Catalog::built_in();
    let folder = read_folder(dir.path()).expect("reads");
    let now = supplycheck::stamp::now();
    c.bench_function("portfolio/500_build_model", |b| {
        b.iter(|| {
            black_box(Portfolio::build(
                &catalog,
                black_box(&folder),
                &Options::default(),
                now,
            ))
        });
    });
    c.final_summary();
}
