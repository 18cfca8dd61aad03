//! Peak memory of loading, validating and scoring a generated questionnaire of 10,000 items
//! with every item answered (budget: under 50 MB resident). Run with
//! `cargo bench --bench memory`; prints the peak resident set size (Linux).

#[path = "common.rs"]
mod common;

use supplycheck::questionnaire::Questionnaire;

/// The process's peak resident set size in KiB, from /proc (Linux only).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return; // `cargo bench -- --list` asks every bench for its names
    }
    let before = peak_rss_kib();
    let q_text = common::questionnaire_json(10_000);
    let (q, _) =
        Questionnaire::load_str(&q_text, "gen.json").expect("generated questionnaire loads");
    let a_text = serde_json::to_string(&common::answered(&q)).expect("json");
    drop(q);
    let (q, _) = Questionnaire::load_str(&q_text, "gen.json").expect("loads");
    let a = supplycheck::store::parse(a_text.as_bytes(), std::path::Path::new("a.json"))
        .expect("parses");
    let report = supplycheck::scoring::score(&[&q], &a);
    assert_eq!(report.overall.total, 10_000);
    match (before, peak_rss_kib()) {
        (Some(b), Some(p)) => println!(
            "memory/10000_items: peak resident {:.1} MB (process start {:.1} MB; inputs {:.1} MB of JSON text)",
            p as f64 / 1024.0,
            b as f64 / 1024.0,
            (q_text.len() + a_text.len()) as f64 / 1_048_576.0
        ),
        _ => println!("memory/10000_items: peak resident size not available on this platform"),
    }
}
