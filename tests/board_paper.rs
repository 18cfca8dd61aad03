//! The board pack as a decision paper, as a user writes it: page one's counts are true of
//! the assessment, a thin assessment does not read as good, the top five are ranked as a
//! board weighs them, compared actions are new, carried over or done since, the appendix
//! comes and goes with its flag, and the board part of the Acme example prints on at most
//! six A4 pages (measured with headless Chromium where it is installed).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;

use common::Env;

const EXAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-2026.json");
const EARLIER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/acme-2025.json");

fn run(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

/// The text of every element page one shows under `selector`.
fn page_one_texts(html: &str, selector: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse(&format!("#decision {selector}")).expect("selector");
    doc.select(&sel)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[test]
fn every_count_on_page_one_is_true_of_the_assessment() {
    let env = Env::new();
    let a: Value = common::read_json(Path::new(EXAMPLE));
    let score = env.json(&["score", EXAMPLE, "--json"]);
    let answers = a["answers"].as_object().expect("answers");
    let has = |item: &str, field: &str| {
        answers
            .get(item)
            .and_then(|x| x.get(field))
            .is_some_and(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()) || v == true)
    };
    // The actions, worked out from the score report and the file alone: every gap, every
    // item not yet assessed, every item flagged or carrying a decision.
    let mut actions: BTreeSet<String> = BTreeSet::new();
    for g in score["gaps"].as_array().expect("gaps") {
        actions.insert(g["item"].as_str().expect("id").to_string());
    }
    let not_assessed = score["not_assessed"].as_array().expect("list");
    for i in not_assessed {
        actions.insert(i.as_str().expect("id").to_string());
    }
    for (item, _) in answers {
        if has(item, "flag") || has(item, "decision") {
            actions.insert(item.clone());
        }
    }
    let owned = actions.iter().filter(|i| has(i, "owner")).count();
    let decisions = answers.keys().filter(|i| has(i, "decision")).count();
    let unknown = usize::try_from(score["overall"]["unknown"].as_u64().expect("n")).expect("n");
    let expected = [
        format!(
            "{owned} of {} {} an owner",
            plural(actions.len(), "action", "actions"),
            if actions.len() == 1 { "has" } else { "have" }
        ),
        format!(
            "{} not yet assessed",
            plural(not_assessed.len(), "item", "items")
        ),
        if unknown == 1 {
            "1 answer is \"don't know\"".to_string()
        } else {
            format!("{unknown} answers are \"don't know\"")
        },
        format!("{} requested", plural(decisions, "decision", "decisions")),
    ];
    let html = run(&env, &["report", EXAMPLE, "--format", "html"]);
    assert_eq!(page_one_texts(&html, "ul.counts li"), expected);
    assert_eq!(decisions, 2, "the example asks for two decisions");
    assert_eq!(
        page_one_texts(&html, "ol.decisions li strong").len(),
        decisions
    );
    assert!(
        owned < actions.len(),
        "not every action has an owner: {owned}"
    );
}

#[test]
fn an_assessment_with_one_answer_does_not_read_as_good() {
    let env = Env::new();
    let id = env.new_example("One answer");
    env.answer(&id, &["a", "fully"]);
    let html = run(&env, &["report", &id, "--format", "html"]);
    let stand = page_one_texts(&html, ".stand .v");
    assert_eq!(stand[0], "Level 0 · Incomplete");
    assert!(!stand[1].starts_with("100"), "{stand:?}");
    let caution = page_one_texts(&html, "p.caution");
    assert_eq!(caution.len(), 1, "a caution on page one");
    assert!(
        caution[0].contains("is not yet a picture of where we stand"),
        "{caution:?}"
    );
    let top = page_one_texts(&html, "table.top .prompt");
    assert!(top[0].starts_with("Assess: "), "{top:?}");
    let empty = env.new_example("Nothing yet");
    let html = run(&env, &["report", &empty, "--format", "html"]);
    assert!(html.contains("Nothing is assessed yet: the first action is to assess"));
    assert!(!html.contains("Nothing to follow up"));
}

#[test]
fn the_top_five_put_decisions_then_flags_first() {
    let env = Env::new();
    let pack = env.json(&["report", EXAMPLE, "--format", "json"]);
    let top = pack["page_one"]["top"].as_array().expect("top");
    assert_eq!(top.len(), 5);
    let priorities: Vec<&str> = top
        .iter()
        .map(|r| r["priority"].as_str().expect("priority"))
        .collect();
    assert_eq!(
        priorities,
        ["decision", "decision", "flagged", "flagged", "flagged"]
    );
    let plan = pack["plan"].as_array().expect("plan");
    assert_eq!(&plan[..5], top.as_slice(), "the top five head the plan");
    // Ranks never go back up the list.
    let order = ["decision", "flagged", "blocking", "shortfall", "done"];
    let ranks: Vec<usize> = plan
        .iter()
        .map(|r| {
            order
                .iter()
                .position(|p| r["priority"] == *p)
                .expect("known priority")
        })
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(plan.last().expect("a row")["status"], "done");
    for r in plan {
        let kind = r["kind"].as_str().expect("kind");
        let action = r["action"].as_str().expect("action");
        match kind {
            "assess" => assert!(action.starts_with("Assess: "), "{action}"),
            "find-out" => assert!(action.starts_with("Find out: "), "{action}"),
            _ => assert!(!action.is_empty()),
        }
        if r["owner"].is_null() {
            assert_eq!(r["owner_text"], "no owner yet");
        }
    }
}

#[test]
fn compared_actions_are_new_carried_over_or_done_since() {
    let env = Env::new();
    let pack = env.json(&["report", EXAMPLE, "--compare", EARLIER, "--format", "json"]);
    let plan = pack["plan"].as_array().expect("plan");
    let states: BTreeSet<&str> = plan
        .iter()
        .map(|r| {
            r["since"]["state"]
                .as_str()
                .expect("a state for every action")
        })
        .collect();
    assert_eq!(
        states,
        BTreeSet::from(["carried-over", "new"]),
        "both kinds in the example"
    );
    let carried = plan
        .iter()
        .find(|r| r["since"]["state"] == "carried-over")
        .expect("one");
    assert_eq!(carried["since"]["since"], "20 November 2025");
    assert_eq!(carried["since_text"], "carried over for 11 months");
    let done = pack["done_since"].as_array().expect("done since");
    assert!(!done.is_empty());
    for d in done {
        assert!(
            plan.iter().all(|r| r["item"] != d["item"]),
            "{} is done, not an action",
            d["item"]
        );
    }
    let not_compared = env.json(&["report", EXAMPLE, "--format", "json"]);
    assert!(not_compared["plan"][0]["since"].is_null());
    assert!(not_compared.get("done_since").is_none());
}

#[test]
fn the_appendix_flag_puts_every_answer_in_or_leaves_it_out() {
    let env = Env::new();
    let html = |extra: &[&str]| {
        let mut args = vec!["report", EXAMPLE, "--format", "html"];
        args.extend_from_slice(extra);
        run(&env, &args)
    };
    let default = html(&[]);
    assert!(default.contains("<section id=\"answers\" class=\"appendix\">"));
    assert_eq!(default, html(&["--appendix"]), "on by default for HTML");
    let board = html(&["--no-appendix"]);
    assert!(!board.contains("id=\"answers\""));
    assert!(!board.contains("id=\"sources\""));
    assert!(
        board.contains("id=\"actions\""),
        "the action plan is board part"
    );
    assert_eq!(
        html(&["--no-appendix", "--appendix"]),
        default,
        "the last flag wins"
    );
}

/// Prints `html` to PDF with headless Chromium and counts the pages; `None` (with a
/// notice) when Chromium or pdfinfo is not installed.
fn printed_pages(html: &Path, pdf: &Path) -> Option<usize> {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        });
    let Some(chromium) = chromium else {
        eprintln!("notice: chromium is not installed; the page count is not measured");
        return None;
    };
    let printed = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(pdf.exists(), "{}", String::from_utf8_lossy(&printed.stderr));
    let Ok(info) = Command::new("pdfinfo").arg(pdf).output() else {
        eprintln!("notice: pdfinfo is not installed; the page count is not measured");
        return None;
    };
    let text = String::from_utf8_lossy(&info.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().expect("a number of pages"))
}

#[test]
fn the_board_part_of_the_example_prints_on_at_most_six_a4_pages() {
    let env = Env::new();
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, compare) in [("plain", None), ("compared", Some(EARLIER))] {
        let html = dir.path().join(format!("{name}.html"));
        let mut cmd = env.cmd();
        cmd.args(["report", EXAMPLE, "--format", "html", "--no-appendix", "-o"])
            .arg(&html);
        if let Some(earlier) = compare {
            cmd.args(["--compare", earlier]);
        }
        assert!(cmd.output().expect("runs").status.success());
        let Some(pages) = printed_pages(&html, &dir.path().join(format!("{name}.pdf"))) else {
            return;
        };
        assert!(pages <= 6, "the {name} board part prints on {pages} pages");
    }
}

#[test]
fn the_portfolio_adds_its_own_page_and_leaves_the_board_part_as_it_was() {
    let env = Env::new();
    let dir = tempfile::tempdir().expect("tempdir");
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut pages = Vec::new();
    for (name, portfolio) in [("without", false), ("with", true)] {
        let html = dir.path().join(format!("{name}.html"));
        let mut cmd = env.cmd();
        cmd.args(["report", EXAMPLE, "--format", "html", "--no-appendix", "-o"])
            .arg(&html);
        if portfolio {
            cmd.args(["--portfolio", "--from", examples, "--as-of", "2026-12-01"]);
        }
        assert!(cmd.output().expect("runs").status.success());
        let Some(n) = printed_pages(&html, &dir.path().join(format!("{name}.pdf"))) else {
            return;
        };
        pages.push(n);
    }
    // Page one keeps to one page with the top risks by supplier; the portfolio section
    // starts on a page of its own after the board part and takes one page for three
    // suppliers.
    assert_eq!(pages[1], pages[0] + 1, "{pages:?}");
}
