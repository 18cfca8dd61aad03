//! `supplycheck report --portfolio`: the supplier portfolio in the board pack — top risks by
//! supplier on page one and a section of every supplier — with the figures of `portfolio
//! --json`, hostile supplier names escaped, the example portfolio pack kept current.

mod common;

use std::path::{Path, PathBuf};

use common::Env;
use serde_json::Value;

const AS_OF: &str = "2026-12-01";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn examples() -> PathBuf {
    root().join("examples")
}

fn acme() -> PathBuf {
    examples().join("acme-2026.json")
}

/// `report` of the Acme example with the portfolio of `from`, which must succeed.
fn report(env: &Env, from: Option<&Path>, args: &[&str]) -> Vec<u8> {
    let mut cmd = env.cmd();
    cmd.arg("report")
        .arg(acme())
        .args(["--portfolio", "--as-of", AS_OF]);
    if let Some(dir) = from {
        cmd.arg("--from").arg(dir);
    }
    let out = cmd.args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}

/// The part of a page between two markers.
fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in the page"));
    let rest = &page[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

#[test]
fn the_example_portfolio_pack_is_what_the_binary_writes() {
    for (format, file) in [("html", "portfolio-pack.html"), ("md", "portfolio-pack.md")] {
        let committed =
            std::fs::read_to_string(examples().join(file)).expect("the example is in examples/");
        let written = text(report(
            &Env::new(),
            Some(&examples()),
            &["--format", format],
        ));
        assert!(
            written == committed,
            "examples/{file} is out of date; regenerate it with `supplycheck report \
             examples/acme-2026.json --portfolio --from examples/ --as-of {AS_OF} --format \
             {format} -o examples/{file}`"
        );
    }
}

#[test]
fn the_section_holds_the_portfolio_of_portfolio_json_unchanged() {
    let env = Env::new();
    let pack: Value =
        serde_json::from_slice(&report(&env, Some(&examples()), &["--format", "json"]))
            .expect("JSON");
    let examples = examples();
    let dir = examples.to_str().expect("a UTF-8 path");
    let portfolio = env.json(&["portfolio", "--json", "--from", dir, "--as-of", AS_OF]);
    assert_eq!(pack["portfolio"]["portfolio"], portfolio);
    assert_eq!(portfolio["rows"].as_array().map(Vec::len), Some(3));

    // The Markdown rows show those figures: level, score, known and each area's digit.
    let md = text(report(&env, Some(&examples), &["--format", "md"]));
    let section = between(&md, "## Supplier portfolio", "### Concentration");
    for row in portfolio["rows"].as_array().expect("rows") {
        let supplier = row["supplier"].as_str().expect("a name");
        let line = section
            .lines()
            .find(|l| l.starts_with(&format!("| {supplier} | ")))
            .unwrap_or_else(|| panic!("a row for {supplier}"));
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").map(str::trim).collect();
        let pct = |v: &Value| format!("{} %", (v.as_f64().expect("a figure") * 100.0).round());
        assert_eq!(cells[4], pct(&row["score"]), "{supplier}");
        assert_eq!(cells[5], pct(&row["coverage"]), "{supplier}");
        let digits: Vec<String> = row["areas"]
            .as_array()
            .expect("areas")
            .iter()
            .map(|a| a["level"].as_u64().map_or("–".into(), |l| l.to_string()))
            .collect();
        assert_eq!(cells[6..6 + digits.len()], digits[..], "{supplier}");
        assert_eq!(
            cells[6 + digits.len()],
            row["open_actions"].to_string(),
            "{supplier}"
        );
        assert_eq!(
            cells[7 + digits.len()].contains("stale"),
            row["stale"] == true,
            "{supplier}"
        );
    }
    // Print Shop's review is stale as of the day given, and said so.
    assert!(md.contains("- Print Shop (low): last reviewed 2024-03-05, due 2026-03-05"));
}

#[test]
fn page_one_lists_the_critical_and_high_suppliers_at_risk_with_top_action_and_owner() {
    let html = text(report(
        &Env::new(),
        Some(&examples()),
        &["--format", "html"],
    ));
    let page_one = between(&html, "id=\"decision\"", "</section>");
    let risks = between(page_one, "Top risks by supplier", "</table>");
    assert!(risks.contains("Payroll Co") && risks.contains("Hosting Ltd"));
    assert!(
        !risks.contains("Print Shop"),
        "a low supplier is not listed"
    );
    assert!(risks.contains("2 areas below target"));
    assert!(risks.contains("Organisation executives"));
    let heat = between(&html, "id=\"portfolio\"", "</table>");
    assert!(
        heat.contains("<td class=\"cell l1\">1</td>"),
        "digit and step"
    );
    assert!(html.contains("class=\"heat-wrap\""));

    let json: Value = serde_json::from_slice(&report(
        &Env::new(),
        Some(&examples()),
        &["--format", "json"],
    ))
    .expect("JSON");
    let top: Vec<&str> = json["portfolio"]["top_risks"]
        .as_array()
        .expect("top risks")
        .iter()
        .map(|r| r["supplier"].as_str().expect("a name"))
        .collect();
    assert_eq!(top, ["Payroll Co", "Hosting Ltd"]);
}

/// A data directory with a critical supplier whose name and service are hostile; with
/// nothing answered, it has items blocking level 1 and is a top risk.
fn hostile_env(name: &str) -> Env {
    let env = Env::new();
    env.cmd()
        .args([
            "new",
            "--name",
            "Review",
            "--org",
            "Acme",
            "--supplier",
            name,
        ])
        .args(["--tier", "critical", "--service", name])
        .assert()
        .success();
    env
}

#[test]
fn hostile_supplier_names_are_escaped_in_html_markdown_and_word() {
    let name = "Evil | Co <script>alert(1)</script> *x* & \"q\" 'a'";
    let env = hostile_env(name);

    let html = text(report(&env, None, &["--format", "html"]));
    assert!(!html.contains("<script>"), "no markup from the name");
    assert!(html.contains(
        "Evil | Co &lt;script&gt;alert(1)&lt;/script&gt; *x* &amp; &quot;q&quot; &#39;a&#39;"
    ));
    assert_eq!(
        between(&html, "id=\"decision\"", "</section>")
            .matches("Evil | Co")
            .count(),
        1,
        "on page one"
    );

    let md = text(report(&env, None, &["--format", "md"]));
    assert!(!md.contains(" <script>"), "{md}");
    let row = md
        .lines()
        .find(|l| l.starts_with("| Evil"))
        .expect("the supplier's row");
    assert!(
        row.starts_with("| Evil \\| Co \\<script>alert(1)\\</script> \\*x\\* "),
        "{row}"
    );

    let docx = report(&env, None, &["--format", "docx", "--appendix"]);
    let xml = {
        use std::io::Read as _;
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip file");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("the document")
            .read_to_string(&mut xml)
            .expect("UTF-8");
        xml
    };
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let words: String = doc
        .descendants()
        .filter(|n| n.has_tag_name("t"))
        .filter_map(|n| n.text())
        .collect();
    assert!(words.contains(name), "the name reads as it is");
    assert!(!xml.contains("<script>"));
}

#[test]
fn csv_is_refused_with_the_portfolio_and_from_needs_it() {
    let env = Env::new();
    let out = env
        .cmd()
        .arg("report")
        .arg(acme())
        .args(["--portfolio", "--format", "csv"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not written as CSV") && err.contains("portfolio --json"),
        "{err}"
    );

    let out = env
        .cmd()
        .arg("report")
        .arg(acme())
        .args(["--format", "html", "--from", "examples"])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--portfolio"));
}

#[test]
fn without_the_portfolio_the_pack_has_no_trace_of_it() {
    let env = hostile_env("Payroll Co");
    let out = env
        .cmd()
        .arg("report")
        .arg(acme())
        .args(["--format", "html"])
        .output()
        .expect("runs");
    let html = String::from_utf8_lossy(&out.stdout);
    assert!(!html.contains("Top risks by supplier") && !html.contains("heat-wrap"));
    let json = env.json(&[
        "report",
        acme().to_str().expect("UTF-8"),
        "--format",
        "json",
    ]);
    assert!(json.get("portfolio").is_none());
}

#[test]
fn the_data_directory_is_read_when_no_folder_is_given_and_an_empty_one_says_so() {
    let html = text(report(&Env::new(), None, &["--format", "html"]));
    assert!(html.contains("No critical or high supplier is below its target"));
    assert!(
        html.contains("0 suppliers as of 1 December 2026")
            || html.contains("0 suppliers as of 2026-12-01")
    );
}

#[test]
fn the_pack_names_the_files_it_left_out_and_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["supplier-payroll-co.json", "supplier-print-shop.json"] {
        std::fs::copy(examples().join(name), dir.path().join(name)).expect("copy");
    }
    // A newer review of Print Shop whose computer's clock was far ahead.
    let text = std::fs::read_to_string(examples().join("supplier-print-shop.json")).expect("read");
    let mut future: Value = serde_json::from_str(&text).expect("json");
    future["id"] = "print-shop-future".into();
    future["updated"] = "2999-01-01T00:00:00Z".into();
    std::fs::write(
        dir.path().join("print-future.json"),
        serde_json::to_string_pretty(&future).expect("json"),
    )
    .expect("write");
    std::fs::write(dir.path().join("broken.json"), "{").expect("write");
    for format in ["html", "md"] {
        let page = text_of(report(&Env::new(), Some(dir.path()), &["--format", format]));
        assert!(page.contains("Left out"), "{format}");
        assert!(
            page.contains("print-future.json: its last change"),
            "{format}"
        );
        assert!(page.contains("check the clock"), "{format}");
        assert!(page.contains("broken.json: "), "{format}");
    }
}

fn text_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).expect("UTF-8")
}
