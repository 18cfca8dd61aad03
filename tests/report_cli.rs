//! `supplycheck report` as a user runs it, and the example board pack in `examples/`.

use predicates::prelude::*;

mod common;

use common::Env;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-2026.json");
const EARLIER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-2025.json");

/// A worked-example assessment with a gap carrying a hostile note; returns its id.
fn assessment(env: &Env) -> String {
    let id = env.new_example("Acme review");
    env.answer(
        &id,
        &[
            "c",
            "partial",
            "--owner",
            "legal",
            "--note",
            "Fix <this>, \"now\" & later\nsecond line",
        ],
    );
    env.answer(&id, &["a", "fully", "--flag"]);
    id
}

#[test]
fn markdown_goes_to_standard_output() {
    let env = Env::new();
    let id = assessment(&env);
    env.cmd()
        .args(["report", &id, "--format", "md"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "# Supplier security board pack: Acme review\n",
        ))
        .stdout(predicate::str::contains("## Action plan"))
        .stdout(predicate::str::contains("Owner: Legal function"));
}

#[test]
fn every_format_can_be_written_to_a_file() {
    let env = Env::new();
    let id = assessment(&env);
    let out = tempfile::tempdir().expect("tempdir");
    for (format, name, start) in [
        ("html", "pack.html", "<!DOCTYPE html>"),
        ("markdown", "pack.md", "# Supplier security"),
        ("csv", "pack.csv", "\u{feff}questionnaire,section,item,"),
        ("json", "pack.json", "{"),
    ] {
        let file = out.path().join(name);
        env.cmd()
            .args(["report", &id, "--format", format, "-o"])
            .arg(&file)
            .assert()
            .success()
            .stdout("")
            .stderr(predicate::str::contains("Wrote "));
        let text = std::fs::read_to_string(&file).expect("written");
        assert!(
            text.starts_with(start),
            "{name}: {}",
            &text[..40.min(text.len())]
        );
        let stdout = env
            .cmd()
            .args(["report", &id, "--format", format])
            .output()
            .expect("runs")
            .stdout;
        assert_eq!(
            text.as_bytes(),
            stdout,
            "{name}: the file holds what stdout shows"
        );
    }
    // Writing again replaces the file without leaving a backup beside it.
    let file = out.path().join("pack.html");
    env.cmd()
        .args(["report", &id, "--format", "html", "-o"])
        .arg(&file)
        .assert()
        .success();
    let names: Vec<String> = std::fs::read_dir(out.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 4, "{names:?}");
}

#[test]
fn the_html_escapes_the_note() {
    let env = Env::new();
    let id = assessment(&env);
    env.cmd()
        .args(["report", &id, "--format", "html"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Fix &lt;this&gt;, &quot;now&quot; &amp; later<br>\nsecond line",
        ))
        .stdout(predicate::str::contains("<this>").not());
}

#[test]
fn an_unknown_assessment_is_an_error() {
    let env = Env::new();
    env.cmd()
        .args(["report", "no-such-thing", "--format", "md"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: no assessment \"no-such-thing\"",
        ))
        .stderr(predicate::str::contains("supplycheck list"));
}

#[test]
fn the_format_is_required_and_checked() {
    let env = Env::new();
    let id = assessment(&env);
    env.cmd()
        .args(["report", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--format <FORMAT>"));
    env.cmd()
        .args(["report", &id, "--format", "pdf"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "possible values: html, md, csv, json",
        ));
}

#[test]
fn an_unwritable_output_names_the_file() {
    let env = Env::new();
    let id = assessment(&env);
    let file = env.dir.path().join("no-such-folder").join("pack.html");
    env.cmd()
        .args(["report", &id, "--format", "html", "-o"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "error: the report was not written to {}",
            file.display()
        )));
}

#[test]
fn the_example_assessment_loads_and_scores_against_the_built_ins() {
    let path = std::path::Path::new(EXAMPLE);
    let a = supplycheck::store::load(path).expect("the example loads");
    let catalog = supplycheck::catalog::Catalog::built_in();
    let problems = a.check(&catalog);
    assert!(
        problems.is_empty(),
        "the example no longer fits the built-in questionnaires; regenerate it:\n{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let qs = catalog.for_assessment(&a);
    assert_eq!(qs.len(), 3, "uses the organisation-scope built-ins");
    for q in &qs {
        let current = catalog.get(&q.id).expect("a built-in");
        assert_eq!(
            q.version, current.version,
            "{} is answered on an earlier version; make the example again with \
             `sh examples/make-acme.sh`",
            q.id
        );
    }
    let r = supplycheck::scoring::score(&qs, &a);
    assert!(
        r.overall.answered * 10 >= r.overall.total * 9,
        "mostly answered"
    );
    assert!(!r.gaps.is_empty(), "has weakest links to show");
    let pack = supplycheck::pack::BoardPack::from_questionnaires(&qs, &a);
    assert!(pack.action_plan.iter().any(|x| x.flag && !x.is_gap));
    assert!(pack.board_answers.iter().all(|b| b.answer.is_some()));
    assert!(r.overall.unknown > 0, "has \"don't know\" answers to show");
}

#[test]
fn the_example_board_pack_is_what_the_binary_writes() {
    for (format, file) in [
        ("html", "board-pack.html"),
        ("md", "board-pack.md"),
        ("csv", "board-pack.csv"),
        ("json", "board-pack.json"),
    ] {
        let committed = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples")
                .join(file),
        )
        .expect("the example pack is in examples/");
        let out = Env::new()
            .cmd()
            .args(["report", EXAMPLE, "--format", format])
            .output()
            .expect("runs");
        assert!(out.status.success(), "report --format {format} failed");
        assert!(
            String::from_utf8_lossy(&out.stdout) == committed,
            "examples/{file} is out of date; regenerate it with \
             `supplycheck report examples/acme-2026.json --format {format} -o examples/{file}`"
        );
    }
}

#[test]
fn the_compared_example_board_pack_is_what_the_binary_writes() {
    let committed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join("board-pack-compared.html"),
    )
    .expect("the compared example pack is in examples/");
    let out = Env::new()
        .cmd()
        .args(["report", EXAMPLE, "--compare", EARLIER, "--format", "html"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "report --compare failed");
    assert!(
        String::from_utf8_lossy(&out.stdout) == committed,
        "examples/board-pack-compared.html is out of date; regenerate it with \
         `supplycheck report examples/acme-2026.json --compare examples/acme-2025.json \
         --format html -o examples/board-pack-compared.html`"
    );
    assert!(committed.contains("<h2>Appendix: since Acme – 2025 supplier security review</h2>"));
}

#[test]
fn the_json_pack_holds_what_compare_json_prints() {
    let env = Env::new();
    let json = |args: &[&str]| -> serde_json::Value {
        let out = env.cmd().args(args).output().expect("runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("json")
    };
    let pack = json(&["report", EXAMPLE, "--compare", EARLIER, "--format", "json"]);
    let compared = json(&["compare", EARLIER, EXAMPLE, "--json"]);
    assert_eq!(pack["comparison"], compared);
    assert_eq!(pack["format"], "supplycheck.report/2");
    let plain = json(&["report", EXAMPLE, "--format", "json"]);
    assert!(plain.get("comparison").is_none());
}

#[test]
fn compare_adds_the_earlier_answers_to_the_csv_and_markdown() {
    let env = Env::new();
    let run = |format: &str| {
        let out = env
            .cmd()
            .args(["report", EXAMPLE, "--compare", EARLIER, "--format", format])
            .output()
            .expect("runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("utf8")
    };
    let csv_text = run("csv");
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(header.len(), 20);
    assert_eq!(&header[18], "earlier_answer");
    assert_eq!(&header[19], "earlier_value");
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    let role = rows
        .iter()
        .find(|r| &r[2] == "cfcs-phases/supplier-manager-role")
        .expect("row");
    assert_eq!((&role[7], &role[8]), ("Fully implemented", "1"));
    assert_eq!((&role[18], &role[19]), ("Not implemented", "0"));
    let md = run("md");
    assert!(md.contains("\n## Appendix: since Acme – 2025 supplier security review\n"));
    assert!(
        md.contains("| Overall score | 53 % | 60 % | ▲ +7 (answers +6, answered more items +1) |")
    );
    assert!(md.contains("| Known | 90 % | 96 % | |"));
}

#[test]
fn compare_with_a_missing_assessment_names_it() {
    let env = Env::new();
    let out = tempfile::tempdir().expect("tempdir");
    let file = out.path().join("pack.html");
    env.cmd()
        .args([
            "report",
            EXAMPLE,
            "--compare",
            "acme-1999",
            "--format",
            "html",
            "-o",
        ])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::starts_with(
            "error: cannot compare with the earlier assessment \"acme-1999\": no assessment \
             \"acme-1999\"",
        ))
        .stderr(predicate::str::contains("supplycheck list"));
    assert!(!file.exists(), "no pack is written");
}

#[test]
fn markdown_has_the_appendix_unless_asked_to_leave_it_out() {
    let env = Env::new();
    let md = |extra: &[&str]| {
        let out = env
            .cmd()
            .args(["report", EXAMPLE, "--format", "md"])
            .args(extra)
            .output()
            .expect("runs");
        assert!(out.status.success());
        String::from_utf8(out.stdout).expect("utf8")
    };
    let default = md(&[]);
    assert!(default.contains("\n## Appendix: every answer\n"));
    assert_eq!(default, md(&["--appendix"]), "on by default for Markdown");
    let board = md(&["--no-appendix"]);
    assert!(!board.contains("Appendix"), "{board}");
    assert!(default.starts_with(&board), "the board part is the same");
    // The board part: page one, one action plan, the levels in full; nothing twice.
    for heading in [
        "\n## Where we stand\n",
        "\n## Decisions requested\n",
        "\n## What matters most\n",
        "\n## In numbers\n",
        "\n## Action plan\n",
        "\n## The levels in full\n",
    ] {
        assert_eq!(board.matches(heading).count(), 1, "{heading}");
    }
    assert!(!board.contains("weakest links"), "one list");
    assert!(board.contains("**Level 3 · Defined**: An organisation-wide, institutionalised"));
    assert!(
        board.contains("Missing checks: "),
        "checklist actions name their checks"
    );
}
