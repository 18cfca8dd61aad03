//! The board pack as a Word document: unzipped, its `word/document.xml` holds the decision
//! paper with Word's heading styles, page one's count sentences and the action plan as a
//! table; `pandoc` reads it as text; the same pack gives the same bytes; the CLI writes it
//! to a file or a pipe, never to a terminal, and keeps `examples/board-pack.docx` current.

use std::io::Read as _;

use supplycheck::assessment::{Answer, Assessment, Value};
use supplycheck::catalog::Catalog;
use supplycheck::questionnaire::Questionnaire;
use supplycheck::record::{Evidence, Status};
use supplycheck::report::{BoardPack, docx};
use supplycheck::store::Store;
use supplycheck::workspace::Workspace;

mod common;

use common::Env;
use common::pty::Term;

const FIXTURE: &str = include_str!("fixtures/board-pack.json");
const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-2026.json");

fn workspace() -> Workspace {
    let mut catalog = Catalog::default();
    catalog.insert(
        Questionnaire::load_str(FIXTURE, "board-pack.json")
            .expect("fixture loads")
            .0,
    );
    Workspace {
        store: Store::at("unused".into()),
        catalog,
    }
}

fn set(a: &mut Assessment, item: &str, f: impl FnOnce(&mut Answer)) {
    f(a.answers.entry(format!("board-pack/{item}")).or_default());
}

/// Some answers, a decision, a due day, a status and evidence, an owner, a flag.
fn assessment(ws: &Workspace) -> Assessment {
    let q = ws.catalog.get("board-pack").expect("fixture");
    let mut a = Assessment::new(
        "acme-2026".into(),
        "Acme – 2026 supplier review".into(),
        "Acme Ltd".into(),
        Some("Board & executives".into()),
        &[q],
    );
    a.created = "2026-11-22T10:00:00Z".parse().expect("a time");
    a.updated = "2026-11-22T11:32:05Z".parse().expect("a time");
    set(&mut a, "oversight", |x| {
        x.value = Value::Choice("fully".into());
    });
    set(&mut a, "exit-plan", |x| {
        x.value = Value::Choice("not".into());
        x.decision = Some("Approve the budget for an exit plan".into());
        x.owner = Some("contract-manager".into());
        x.due = Some("2027-01-31".parse().expect("a day"));
        x.status = Some(Status::InProgress);
        x.evidence = vec![Evidence::new("SOC 2 report 2026")];
        x.note = Some("No exit plan for the payment platform.\nDraft by Q1.".into());
    });
    set(&mut a, "criteria", |x| {
        x.value = Value::Checklist {
            ticked: vec!["capability".into()],
            na_checks: Vec::new(),
        };
    });
    set(&mut a, "due-diligence", |x| {
        x.value = Value::Choice("largely".into());
        x.flag = true;
    });
    a
}

/// One part of a `.docx`, as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut text = String::new();
    zip.by_name(name)
        .expect("the part is there")
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

/// The text of each paragraph with the style it has, in document order.
fn paragraphs(xml: &str) -> Vec<(Option<String>, String)> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    doc.descendants()
        .filter(|n| n.has_tag_name("p"))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name("pStyle"))
                .and_then(|n| n.attributes().find(|a| a.name() == "val"))
                .map(|a| a.value().to_string());
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name("t"))
                .filter_map(|n| n.text())
                .collect();
            (style, text)
        })
        .collect()
}

fn styled<'p>(ps: &'p [(Option<String>, String)], style: &str) -> Vec<&'p str> {
    ps.iter()
        .filter(|(s, _)| s.as_deref() == Some(style))
        .map(|(_, t)| t.as_str())
        .collect()
}

#[test]
fn the_document_holds_the_decision_paper_in_word_heading_styles() {
    let ws = workspace();
    let pack = BoardPack::build(&ws, &assessment(&ws));
    let bytes = docx::render(&pack, false).expect("a document");
    let xml = part(&bytes, "word/document.xml");
    let ps = paragraphs(&xml);
    assert_eq!(
        styled(&ps, "Title"),
        ["Supplier security board pack: Acme – 2026 supplier review"]
    );
    let h1 = styled(&ps, "Heading1");
    let order = [
        "Where we stand",
        "Decisions requested",
        "Against the target",
        "What matters most",
        "In numbers",
        "The levels",
        "Action plan",
        "The levels in full",
    ];
    let found: Vec<usize> = order
        .iter()
        .map(|h| h1.iter().position(|x| x == h).expect(h))
        .collect();
    assert!(found.is_sorted(), "page one first, then the plan: {h1:?}");
    assert!(
        !h1.contains(&"Appendix: every answer"),
        "no appendix by default"
    );
    // The styles are Word's own, by name, so that a template restyles them.
    let styles = part(&bytes, "word/styles.xml");
    assert!(styles.contains(r#"w:styleId="Heading1""#) && styles.contains("heading 1"));
    assert!(styles.contains(r#"w:styleId="Heading2""#) && styles.contains("heading 2"));
    // Every count sentence of page one, word for word.
    let text: Vec<&str> = ps.iter().map(|(_, t)| t.as_str()).collect();
    let c = &pack.page_one.counts;
    for sentence in [
        &c.owners_text,
        &c.not_assessed_text,
        &c.dont_know_text,
        &c.decisions_text,
    ] {
        assert!(
            text.contains(&format!("• {sentence}.").as_str()),
            "{sentence:?} in {text:?}"
        );
    }
    assert_eq!(c.decisions, 1);
    assert!(text.contains(&"Approve the budget for an exit plan"));
    // Each page's foot names the paper and numbers the page.
    let foot = part(&bytes, "word/footer1.xml");
    assert!(foot.contains("Board pack: Acme – 2026 supplier review · page "));
    assert!(foot.contains("<w:instrText>PAGE</w:instrText>"));
    assert!(foot.contains("<w:instrText>NUMPAGES</w:instrText>"));
}

#[test]
fn the_action_plan_is_a_table_with_a_row_per_action() {
    let ws = workspace();
    let pack = BoardPack::build(&ws, &assessment(&ws));
    let xml = part(
        &docx::render(&pack, false).expect("a document"),
        "word/document.xml",
    );
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let text = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.has_tag_name("t"))
            .filter_map(|d| d.text())
            .collect()
    };
    // The last table is the action plan (after page one's).
    let tables: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("tbl"))
        .collect();
    let plan = tables.last().expect("tables");
    let rows: Vec<Vec<String>> = plan
        .children()
        .filter(|n| n.has_tag_name("tr"))
        .map(|tr| {
            tr.children()
                .filter(|c| c.has_tag_name("tc"))
                .map(text)
                .collect()
        })
        .collect();
    assert_eq!(
        rows[0],
        ["#", "Action", "Why", "Owner", "Due", "Status", "Details"]
    );
    assert_eq!(rows.len(), pack.plan.len() + 1, "{rows:?}");
    let exit = rows
        .iter()
        .find(|r| r[1] == pack.plan[0].action)
        .expect("the first action");
    assert_eq!(exit[0], "1");
    assert_eq!(exit[2], "Decision requested");
    assert_eq!(exit[3], "Contract manager");
    assert_eq!(exit[4], "31 January 2027");
    assert_eq!(exit[5], "in progress");
    assert!(exit[6].contains("Evidence: SOC 2 report 2026"), "{exit:?}");
    assert!(exit[6].contains("Note: No exit plan for the payment platform."));
    let criteria = rows
        .iter()
        .find(|r| r[6].contains("board-pack/criteria"))
        .expect("the checklist");
    assert!(
        criteria[6].contains("Missing checks: Security"),
        "{criteria:?}"
    );
    // Areas against their target are a table too, and so are the levels.
    assert!(tables.len() >= 4, "areas, top five, levels, plan");
}

#[test]
fn the_appendix_comes_only_when_asked_for() {
    let ws = workspace();
    let pack = BoardPack::build(&ws, &assessment(&ws));
    let with = paragraphs(&part(
        &docx::render(&pack, true).expect("a document"),
        "word/document.xml",
    ));
    assert!(styled(&with, "Heading1").contains(&"Appendix: every answer"));
    assert!(styled(&with, "Heading3").contains(&"Below the pass mark at level 1"));
}

#[test]
fn the_same_pack_gives_the_same_bytes() {
    let ws = workspace();
    let pack = BoardPack::build(&ws, &assessment(&ws));
    assert_eq!(
        docx::render(&pack, true).expect("a document"),
        docx::render(&pack, true).expect("a document")
    );
}

#[test]
fn pandoc_reads_the_document_as_text() {
    let ws = workspace();
    let pack = BoardPack::build(&ws, &assessment(&ws));
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("pack.docx");
    std::fs::write(&file, docx::render(&pack, false).expect("a document")).expect("write");
    let out = match std::process::Command::new("pandoc")
        .args(["-t", "plain", "--wrap=none"])
        .arg(&file)
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            eprintln!(
                "NOTICE: pandoc is not available ({e}); the Word document was not read as text"
            );
            return;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for expected in [
        "Where we stand",
        "Level 0 · Incomplete: basic practices are missing or not known to be in place",
        "Approve the budget for an exit plan",
        "1 of 8 actions have an owner.",
        "Missing checks: Security",
        "31 January 2027",
    ] {
        assert!(text.contains(expected), "{expected:?} in:\n{text}");
    }
}

#[test]
fn the_cli_writes_a_word_document_to_a_file_or_a_pipe() {
    let env = Env::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("pack.docx");
    env.cmd()
        .args(["report", EXAMPLE, "--format", "docx", "-o"])
        .arg(&file)
        .assert()
        .success();
    let written = std::fs::read(&file).expect("written");
    assert!(written.starts_with(b"PK"), "a zip file");
    let piped = env
        .cmd()
        .args(["report", EXAMPLE, "--format", "docx"])
        .output()
        .expect("runs");
    assert!(piped.status.success());
    assert_eq!(piped.stdout, written, "the same bytes to a pipe");
    let appendix = env
        .cmd()
        .args(["report", EXAMPLE, "--format", "docx", "--appendix"])
        .output()
        .expect("runs");
    assert!(part(&appendix.stdout, "word/document.xml").contains("Appendix: every answer"));
    assert!(!part(&written, "word/document.xml").contains("Appendix: every answer"));
}

#[test]
fn the_cli_refuses_to_write_over_an_assessment_with_a_word_document() {
    let env = Env::new();
    let id = env.new_example("Word");
    let target = env.path(&id);
    let before = std::fs::read(&target).expect("the assessment");
    env.cmd()
        .args(["report", &id, "--format", "docx", "-o"])
        .arg(&target)
        .assert()
        .code(1);
    assert_eq!(std::fs::read(&target).expect("still there"), before);
}

#[test]
fn the_cli_does_not_print_a_word_document_to_a_terminal() {
    let env = Env::new();
    let mut term = Term::start(
        env.dir.path(),
        &["report", EXAMPLE, "--format", "docx"],
        24,
        100,
    );
    term.wait_for("is binary");
    let status = term.wait_exit();
    assert_eq!(status.exit_code(), 1);
    let screen = term.text();
    assert!(screen.contains("-o FILE"), "{screen}");
    assert!(!screen.contains("PK"), "{screen}");
}

#[test]
fn the_example_word_pack_is_what_the_binary_writes() {
    let committed = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join("board-pack.docx"),
    )
    .expect("the example pack is in examples/");
    let out = Env::new()
        .cmd()
        .args(["report", EXAMPLE, "--format", "docx"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(
        part(&out.stdout, "word/document.xml") == part(&committed, "word/document.xml")
            && out.stdout == committed,
        "examples/board-pack.docx is out of date; regenerate it with \
         `supplycheck report examples/acme-2026.json --format docx -o examples/board-pack.docx`"
    );
}
