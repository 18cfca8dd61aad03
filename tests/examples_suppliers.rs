//! The example supplier assessments in `examples/`: they load, validate and score with the
//! levels they were made to show; `portfolio --from examples/` finds the sole-supplier
//! services and the supplier two critical services depend on, and leaves the organisation
//! assessments out quietly; and `examples/make-suppliers.sh` makes the same files again.

mod common;

use std::path::{Path, PathBuf};

use pretty_assertions::assert_eq;
use serde_json::{Value, json};

const FILES: [&str; 3] = [
    "supplier-payroll-co.json",
    "supplier-hosting-ltd.json",
    "supplier-print-shop.json",
];

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

#[test]
fn each_example_supplier_assessment_loads_validates_and_scores() {
    let env = common::Env::new();
    let schema = common::schema::validator("questionnaires/assessment-2.schema.json");
    for (file, tier, level) in [
        (FILES[0], "critical", 1),
        (FILES[1], "high", 2),
        (FILES[2], "low", 0),
    ] {
        let path = examples().join(file);
        let a = common::read_json(&path);
        assert_eq!(
            a["questionnaires"],
            json!([{"id": "supplier-review", "version": "1.0.0"}])
        );
        assert_eq!(
            common::schema::errors(&schema, &a),
            Vec::<String>::new(),
            "{file}"
        );
        assert_eq!(a["subject"]["kind"], "supplier", "{file}");
        assert_eq!(a["subject"]["tier"], tier, "{file}");
        let out = env
            .cmd()
            .arg("score")
            .arg(&path)
            .arg("--json")
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // `score` names on stderr any answer that does not fit the questionnaire.
        assert!(
            out.stderr.is_empty(),
            "{file}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let score: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(score["overall"]["level"], level, "{file}");
        let answers = a["answers"].as_object().expect("answers");
        assert!(answers.len() >= 20, "{file}: realistic answers");
        for field in ["note", "owner"] {
            assert!(
                answers.values().any(|x| x.get(field).is_some()),
                "{file}: {field}"
            );
        }
        assert!(
            answers
                .values()
                .any(|x| x.get("due").is_some() || x.get("decision").is_some()),
            "{file}: a due day or a decision"
        );
    }
    // A low-tier supplier is not asked what only critical and high ones must do.
    let print = common::read_json(&examples().join(FILES[2]));
    assert!(
        print["answers"]
            .get("supplier-review/onsite-audit")
            .is_none()
    );
}

#[test]
fn the_portfolio_of_the_examples_folder_finds_the_concentration_and_leaves_the_rest_out() {
    let env = common::Env::new();
    let out = env
        .cmd()
        .args(["portfolio", "--json", "--as-of", "2026-11-30", "--from"])
        .arg(examples())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "the organisation assessments are left out quietly: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let p: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rows: Vec<(&str, &str, i64)> = p["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["supplier"].as_str().expect("name"),
                r["tier"].as_str().expect("tier"),
                r["level"].as_i64().expect("level"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Payroll Co", "critical", 1),
            ("Hosting Ltd", "high", 2),
            ("Print Shop", "low", 0)
        ]
    );
    assert_eq!(p["left_out"]["organisation_assessments"], 2);
    assert_eq!(p["left_out"]["skipped"], json!([]));
    let sole = &p["concentration"]["sole_suppliers"];
    assert!(
        sole.as_array()
            .expect("list")
            .contains(&json!({"service": "website", "supplier": "Hosting Ltd", "tier": "high"})),
        "{sole}"
    );
    let concentrated = p["concentration"]["concentrated"].as_array().expect("list");
    assert!(
        concentrated.contains(&json!({
            "supplier": "Hosting Ltd",
            "tier": "high",
            "critical_services": ["payroll", "pensions"]
        })),
        "{concentrated:?}"
    );
    let stale: Vec<&str> = p["stale"]
        .as_array()
        .expect("stale")
        .iter()
        .map(|s| s["supplier"].as_str().expect("name"))
        .collect();
    assert_eq!(stale, ["Print Shop"]);
}

#[cfg(unix)]
#[test]
fn the_script_makes_the_example_files_again() {
    let work = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(work.path().join("examples")).expect("folder");
    let bin = assert_cmd::cargo::cargo_bin("supplycheck");
    let out = std::process::Command::new("sh")
        .arg(examples().join("make-suppliers.sh"))
        .current_dir(work.path())
        .env("SUPPLYCHECK", &bin)
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for file in FILES {
        let made = std::fs::read_to_string(work.path().join("examples").join(file)).expect("made");
        let kept = std::fs::read_to_string(examples().join(file)).expect("kept");
        assert!(
            made == kept,
            "examples/{file} is out of date; make it again with `sh examples/make-suppliers.sh`"
        );
    }
}
