//! `supplycheck portfolio`: the figures of a small shared folder worked out by hand, the
//! concentration of services, stale reviews judged on a fixed day, review settings, filters,
//! unreadable files and hostile supplier names.

mod common;

use std::path::{Path, PathBuf};

use pretty_assertions::assert_eq;
use serde_json::{Value, json};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/portfolio")
}

fn questionnaire() -> PathBuf {
    fixtures().join("supplier-mini.json")
}

/// `portfolio ARGS` over the shared fixture folder as of 30 November 2026.
fn run(env: &common::Env, args: &[&str]) -> std::process::Output {
    env.cmd()
        .arg("--questionnaire-file")
        .arg(questionnaire())
        .args(["portfolio", "--as-of", "2026-11-30", "--from"])
        .arg(fixtures().join("shared"))
        .args(args)
        .output()
        .expect("runs")
}

fn json_of(out: &std::process::Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn close(v: &Value, expected: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - expected).abs() < 1e-9)
}

#[test]
fn the_portfolio_json_has_the_hand_computed_figures_of_every_supplier() {
    let env = common::Env::new();
    let out = run(&env, &["--json"]);
    let v = json_of(&out);
    assert_eq!(v["format"], "supplycheck.portfolio/1");
    assert_eq!(v["settings"]["as_of"], "2026-11-30T00:00:00Z");
    assert_eq!(
        v["settings"]["review_months"],
        json!({"critical": 12, "high": 18, "medium": 24, "low": 24})
    );
    let rows = v["rows"].as_array().expect("rows");
    let shown: Vec<(&str, &str, u64, u64, bool)> = rows
        .iter()
        .map(|r| {
            (
                r["supplier"].as_str().expect("name"),
                r["tier"].as_str().expect("tier"),
                r["level"].as_u64().expect("level"),
                r["open_actions"].as_u64().expect("count"),
                r["stale"].as_bool().expect("flag"),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("Payroll Co", "critical", 1, 2, false),
            ("CRM Co", "critical", 3, 0, false),
            ("CloudHost Ltd", "high", 0, 1, true),
            ("Mail Co", "low", 0, 6, true),
        ]
    );
    // Payroll Co: access (1 + 0.5 + 0·2) ÷ 4, exit (1 + 1 + 0.75) ÷ 3, overall 4.25 ÷ 7,
    // known 5 of 6.
    assert!(close(&rows[0]["score"], 4.25 / 7.0), "{}", rows[0]["score"]);
    assert!(close(&rows[0]["coverage"], 5.0 / 6.0));
    assert!(close(&rows[0]["areas"][0]["score"], 0.375));
    assert_eq!(rows[0]["areas"][0]["level"], 1);
    assert_eq!(rows[0]["areas"][1]["level"], 3);
    assert_eq!(rows[0]["earlier"], json!(["payroll-co-2025"]));
    assert_eq!(rows[0]["review_due"], "2027-03-01");
    // CloudHost: "Don't know" on a1 is worth 0 and not known: 6 ÷ 7, known 5 of 6.
    assert!(close(&rows[2]["score"], 6.0 / 7.0));
    assert!(close(&rows[2]["coverage"], 5.0 / 6.0));
    assert!(close(&rows[1]["score"], 1.0) && close(&rows[3]["score"], 0.0));
    assert_eq!(
        v["stale"],
        json!([
            {"supplier": "CloudHost Ltd", "tier": "high",
             "last_reviewed": "2025-04-15T08:30:00Z", "review_due": "2026-10-15"},
            {"supplier": "Mail Co", "tier": "low",
             "last_reviewed": "2024-01-10T09:00:00Z", "review_due": "2026-01-10"}
        ])
    );
    assert_eq!(
        v["areas"][0],
        json!({"id": "supplier-mini/access", "title": "Access"})
    );
    assert_eq!(v["left_out"]["organisation_assessments"], 1);
    assert_eq!(v["left_out"]["earlier_assessments"], 1);
    let skipped = &v["left_out"]["skipped"][0];
    assert!(
        skipped["file"]
            .as_str()
            .expect("file")
            .ends_with("broken.json")
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning: skipped ") && stderr.contains("broken.json: line 2"),
        "{stderr}"
    );
}

#[test]
fn concentration_lists_sole_suppliers_and_the_supplier_critical_services_share() {
    let env = common::Env::new();
    let v = json_of(&run(&env, &["--json"]));
    assert_eq!(
        v["concentration"],
        json!({
            "sole_suppliers": [{"service": "hr", "supplier": "Payroll Co", "tier": "critical"}],
            "concentrated": [
                {"supplier": "Payroll Co", "tier": "critical",
                 "critical_services": ["hr", "payroll"]},
                {"supplier": "CloudHost Ltd", "tier": "high",
                 "critical_services": ["crm", "payroll"]}
            ]
        })
    );
}

#[test]
fn the_text_table_shows_figures_stale_reviews_and_concentration() {
    let env = common::Env::new();
    let out = run(&env, &[]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Supplier portfolio: 4 suppliers, as of 2026-11-30"
    );
    assert_eq!(
        lines[2],
        "SUPPLIER                 TIER      LEVEL        SCORE  KNOWN  OPEN  LAST REVIEWED"
    );
    assert_eq!(
        lines[3],
        "Payroll Co               critical  1 Performed   61 %   83 %     2  2026-03-01"
    );
    assert_eq!(
        lines[4],
        "  services: payroll, hr · areas: Access L1, Exit L3 · latest of 2 assessments \
         (earlier: payroll-co-2025)"
    );
    assert!(text.contains(
        "CloudHost Ltd            high      0 Incomplete  86 %   83 %     1  2025-04-15 stale, \
         due 2026-10-15\n"
    ));
    assert!(text.contains("  Mail Co (low): last reviewed 2024-01-10, due 2026-01-10\n"));
    assert!(text.contains("Services that depend on one supplier:\n  hr → Payroll Co (critical)\n"));
    assert!(text.contains("  CloudHost Ltd (high): crm, payroll\n"));
    assert!(text.contains(
        "Left out: 1 organisation assessment; 1 superseded assessment; 1 file that could not \
         be read (see the warnings)."
    ));
}

#[test]
fn filters_choose_suppliers_by_tier_and_service() {
    let env = common::Env::new();
    let names = |v: &Value| -> Vec<String> {
        v["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["supplier"].as_str().expect("name").to_string())
            .collect()
    };
    let v = json_of(&run(
        &env,
        &["--json", "--tier", "critical", "--tier", "low"],
    ));
    assert_eq!(names(&v), ["Payroll Co", "CRM Co", "Mail Co"]);
    assert_eq!(v["left_out"]["filtered"], 1);
    let v = json_of(&run(&env, &["--json", "--service", "CRM"]));
    assert_eq!(names(&v), ["CRM Co", "CloudHost Ltd"]);
    let out = run(&env, &["--tier", "huge"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("\"huge\" is not a tier"));
}

/// A data directory holding the shared fixture's assessments.
fn data_dir_with_fixtures() -> common::Env {
    let env = common::Env::new();
    let dir = env.dir.path().join("assessments");
    std::fs::create_dir_all(&dir).expect("folder");
    for entry in std::fs::read_dir(fixtures().join("shared")).expect("fixtures") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.join(path.file_name().expect("name"))).expect("copies");
    }
    env
}

fn data_dir_json(env: &common::Env, args: &[&str]) -> Value {
    let out = env
        .cmd()
        .arg("--questionnaire-file")
        .arg(questionnaire())
        .args(["portfolio", "--json", "--as-of", "2026-11-30"])
        .args(args)
        .output()
        .expect("runs");
    json_of(&out)
}

fn stale_names(v: &Value) -> Vec<String> {
    v["stale"]
        .as_array()
        .expect("stale")
        .iter()
        .map(|s| s["supplier"].as_str().expect("name").to_string())
        .collect()
}

#[test]
fn review_intervals_come_from_portfolio_json_and_the_command_line() {
    let env = data_dir_with_fixtures();
    let v = data_dir_json(&env, &[]);
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["settings"]["file"], Value::Null);
    assert_eq!(stale_names(&v), ["CloudHost Ltd", "Mail Co"]);
    let settings = env.dir.path().join("portfolio.json");
    std::fs::write(&settings, r#"{"review_months": {"critical": 6}}"#).expect("writes");
    let v = data_dir_json(&env, &[]);
    assert_eq!(v["settings"]["review_months"]["critical"], 6);
    assert_eq!(v["settings"]["file"], settings.display().to_string());
    assert_eq!(stale_names(&v), ["Payroll Co", "CloudHost Ltd", "Mail Co"]);
    let v = data_dir_json(
        &env,
        &[
            "--review-months",
            "critical=12",
            "--review-months",
            "low=36",
        ],
    );
    assert_eq!(stale_names(&v), ["CloudHost Ltd"]);
    // --from with a data directory reads its assessments folder.
    let v = json_of(
        &env.cmd()
            .arg("--questionnaire-file")
            .arg(questionnaire())
            .args(["portfolio", "--json", "--from"])
            .arg(env.dir.path())
            .output()
            .expect("runs"),
    );
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(4));
}

#[test]
fn bad_settings_and_options_are_errors_for_people() {
    let env = data_dir_with_fixtures();
    let settings = env.dir.path().join("portfolio.json");
    std::fs::write(&settings, r#"{"review_months": {"critcal": 6}}"#).expect("writes");
    let out = env.cmd().args(["portfolio"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{}: line 1, column", settings.display()))
            && stderr.contains("unknown field `critcal`")
            && stderr.contains(r#"e.g. {"review_months": {"critical": 6, "high": 12}}"#),
        "{stderr}"
    );
    std::fs::remove_file(&settings).expect("removes");
    for (args, says) in [
        (
            &["--review-months", "critical"][..],
            "--review-months critical: write it as TIER=MONTHS",
        ),
        (
            &["--review-months", "high=0"],
            "the high review interval is 0 months",
        ),
        (&["--as-of", "30/11/2026"], "--as-of: "),
        (&["--from", "no-such-folder"], "no-such-folder"),
    ] {
        let out = env
            .cmd()
            .arg("portfolio")
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}

#[test]
fn hostile_supplier_names_and_services_are_printed_as_text() {
    let env = common::Env::new();
    let dir = env.dir.path().join("assessments");
    std::fs::create_dir_all(&dir).expect("folder");
    let payload = "\u{1b}]0;pwned\u{7}Evil\u{1b}[2J\u{202e} Co\r";
    let a = json!({
        "format": "supplycheck.assessment/2", "id": "evil", "name": payload,
        "organisation": payload, "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
        "questionnaires": [{"id": "supplier-mini", "version": "1.0.0"}],
        "answers": {},
        "subject": {"kind": "supplier", "name": payload, "tier": "critical",
                    "services": [payload, payload.to_uppercase()]}
    });
    std::fs::write(dir.join("evil.json"), a.to_string()).expect("writes");
    std::fs::write(dir.join("bad\u{1b}[31m.json"), "{").expect("writes");
    for args in [&["portfolio"][..], &["portfolio", "--json"]] {
        let out = env
            .cmd()
            .arg("--questionnaire-file")
            .arg(questionnaire())
            .args(args)
            .output()
            .expect("runs");
        assert!(out.status.success(), "{args:?}");
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            assert!(
                !text
                    .chars()
                    .any(|c| (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}')),
                "{args:?} {stream}: {text:?}"
            );
        }
        assert!(String::from_utf8_lossy(&out.stdout).contains("Evil"));
    }
}
