//! One figure reads the same everywhere: the command line (`score`, `list`, `compare`) and
//! every report format (HTML, Markdown, CSV, JSON) show an assessment's percentage, level,
//! answered count and change alike, on scores chosen to sit on rounding edges.

mod common;

use assert_cmd::Command;
use common::Env;
use supplycheck::figures::{Counted, ScoreChange, answered, answered_of, level_words, percent};

const ROUNDING: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rounding.json");

fn cmd(env: &Env) -> Command {
    let mut c = env.cmd();
    c.args(["--questionnaire-file", ROUNDING]);
    c
}

fn run(env: &Env, args: &[&str]) -> String {
    let out = cmd(env).args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

/// A new assessment of the rounding questionnaire, answered with `option` ("na" for N/A,
/// `None` for no answer); returns its id.
fn assessment(env: &Env, name: &str, option: Option<&str>) -> String {
    let id = run(
        env,
        &[
            "new",
            "--name",
            name,
            "--org",
            "Edge Ltd",
            "--questionnaire",
            "rounding",
        ],
    )
    .trim()
    .to_string();
    if let Some(option) = option {
        run(env, &["answer", &id, "rounding/x", option]);
    }
    id
}

/// The figures one assessment should show, from the figures module.
struct Expected {
    percent: String,
    level: String,
    answered: String,
}

fn expected(score: Option<f64>, level: Option<u8>, answered_count: usize) -> Expected {
    Expected {
        percent: percent(score),
        level: level_words(level),
        answered: answered(answered_count, 1, Counted::ScoredItems),
    }
}

fn assert_everywhere(env: &Env, id: &str, e: &Expected) {
    let score = run(env, &["score", id]);
    assert!(
        score.contains(&format!("score {}, {}", e.percent, e.answered)),
        "score: {score}"
    );
    assert!(
        score.contains(&format!("level {}", e.level)),
        "score: {score}"
    );
    let row = score
        .lines()
        .find(|l| l.starts_with("Edges (rounding/edges)"))
        .expect("section row");
    assert!(row.contains(&e.percent), "section: {row}");
    assert!(row.contains(&e.level), "section: {row}");

    let list = run(env, &["list"]);
    let line = list.lines().find(|l| l.starts_with(id)).expect("listed");
    assert!(line.contains(&e.level), "list: {line}");

    let md = run(env, &["report", id, "--format", "md"]);
    assert!(md.contains(&format!("{}`", e.percent)), "md: {md}");
    assert!(md.contains(&e.level), "md");

    let html = run(env, &["report", id, "--format", "html"]);
    assert!(html.contains(&e.percent.replace(' ', "\u{a0}")), "html");

    let csv = run(env, &["report", id, "--format", "csv"]);
    assert!(csv.contains("rounding/x"), "csv");

    let json: serde_json::Value =
        serde_json::from_str(&run(env, &["report", id, "--format", "json"])).expect("json");
    let exact = json["score"]["overall"]["score"].as_f64();
    assert_eq!(percent(exact), e.percent, "json carries the exact value");
}

#[test]
fn a_score_on_a_rounding_edge_reads_the_same_everywhere() {
    let env = Env::new();
    for (option, score, shown) in [
        ("p125", 0.125, "13 %"),
        ("p445", 0.445, "45 %"),
        ("p535", 0.535, "54 %"),
        ("p575", 0.575, "58 %"),
        ("p500", 0.5, "50 %"),
        ("p501", 0.501, "50 %"),
    ] {
        let id = assessment(&env, option, Some(option));
        let e = expected(Some(score), Some(0), 1);
        assert_eq!(e.percent, shown);
        assert_everywhere(&env, &id, &e);
    }
}

#[test]
fn an_empty_and_an_all_na_assessment_read_the_same_everywhere() {
    let env = Env::new();
    let empty = assessment(&env, "Empty", None);
    let json = env.json(&["--questionnaire-file", ROUNDING, "score", &empty, "--json"]);
    let e = expected(
        json["overall"]["score"].as_f64(),
        json["overall"]["level"]
            .as_u64()
            .and_then(|l| u8::try_from(l).ok()),
        0,
    );
    assert_everywhere(&env, &empty, &e);

    let na = assessment(&env, "All N/A", Some("na"));
    let json = env.json(&["--questionnaire-file", ROUNDING, "score", &na, "--json"]);
    assert_eq!(json["overall"]["level"], serde_json::Value::Null);
    let e = expected(json["overall"]["score"].as_f64(), None, 1);
    assert_everywhere(&env, &na, &e);
}

#[test]
fn a_change_is_the_difference_of_the_percentages_shown_everywhere() {
    let env = Env::new();
    for (before, after, b, a, arrow) in [
        ("p535", "p575", 0.535, 0.575, "▲ +4"),
        ("p500", "p501", 0.5, 0.501, "= 0"),
        ("p445", "p125", 0.445, 0.125, "▼ -32"),
    ] {
        let earlier = assessment(&env, &format!("{before} then"), Some(before));
        let later = assessment(&env, &format!("{after} now"), Some(after));
        let change = ScoreChange::between(Some(b), Some(a));
        assert_eq!(change.to_string(), arrow);
        let moved = format!("{} → {}", percent(Some(b)), percent(Some(a)));

        let compare = run(&env, &["compare", &earlier, &later]);
        assert!(compare.contains(&moved), "compare: {compare}");
        assert!(compare.contains(arrow), "compare: {compare}");

        let md = run(
            &env,
            &["report", &later, "--compare", &earlier, "--format", "md"],
        );
        assert!(
            md.contains(&format!(
                "| {} | {} | {arrow} |",
                percent(Some(b)),
                percent(Some(a))
            )),
            "md: {md}"
        );

        let html = run(
            &env,
            &["report", &later, "--compare", &earlier, "--format", "html"],
        );
        assert!(html.contains(&arrow.replace(' ', "\u{a0}")), "html");
    }
    assert_eq!(answered_of(1, 1), "1 of 1");
}
