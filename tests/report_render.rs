//! The board pack's renderers: Markdown snapshots, HTML escaping and well-formedness,
//! CSV round trips, and the JSON document.

use supplycheck::assessment::{Answer, Assessment, Value};
use supplycheck::catalog::Catalog;
use supplycheck::questionnaire::Questionnaire;
use supplycheck::report::{self, BoardPack, Format};
use supplycheck::store::Store;
use supplycheck::workspace::Workspace;

const FIXTURE: &str = include_str!("fixtures/board-pack.json");
const WORKED: &str = include_str!("fixtures/worked-example.json");

/// A note that tries everything: markup, quotes, ampersands, commas, line breaks.
const HOSTILE: &str =
    "Ask <script>alert(\"x\")</script> & 'friends', then \"quote\", comma, done\nsecond line";

fn workspace() -> Workspace {
    let mut catalog = Catalog::default();
    for (text, file) in [
        (FIXTURE, "board-pack.json"),
        (WORKED, "worked-example.json"),
    ] {
        catalog.insert(
            Questionnaire::load_str(text, file)
                .expect("fixture loads")
                .0,
        );
    }
    Workspace {
        store: Store::at("unused".into()),
        catalog,
    }
}

fn empty(ws: &Workspace) -> Assessment {
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
    a
}

fn set(a: &mut Assessment, item: &str, f: impl FnOnce(&mut Answer)) {
    f(a.answers.entry(format!("board-pack/{item}")).or_default());
}

fn choice(key: &str) -> impl FnOnce(&mut Answer) {
    let key = key.to_string();
    move |x| x.value = Value::Choice(key)
}

/// Some answers given, some not; a gap with a hostile note; flags; a board answer.
fn partial(ws: &Workspace) -> Assessment {
    let mut a = empty(ws);
    set(&mut a, "appetite", |x| {
        x.value = Value::Text("Low for critical services.\nModerate for the rest.".into());
    });
    set(&mut a, "oversight", choice("fully"));
    set(&mut a, "reporting", |x| {
        x.value = Value::Choice("partial".into());
        x.note = Some(HOSTILE.into());
        x.owner = Some("executives".into());
    });
    set(&mut a, "criteria", |x| {
        x.value = Value::Checklist {
            ticked: vec!["capability".into()],
            na_checks: vec!["location".into()],
        };
        x.owner = Some("contract-manager".into());
    });
    set(&mut a, "due-diligence", |x| {
        x.value = Value::Choice("largely".into());
        x.flag = true;
        x.note = Some("Template agreed | review in Q1".into());
    });
    set(&mut a, "exit-plan", choice("not"));
    set(&mut a, "data-return", |x| x.value = Value::NotApplicable);
    set(&mut a, "tested", |x| {
        x.flag = true;
        x.owner = Some("our own role".into());
    });
    a
}

/// Every item answered.
fn complete(ws: &Workspace) -> Assessment {
    let mut a = partial(ws);
    set(&mut a, "culture", choice("largely"));
    set(&mut a, "standard", choice("fully"));
    set(&mut a, "tested", choice("partial"));
    a
}

fn pack(ws: &Workspace, a: &Assessment) -> BoardPack {
    BoardPack::build(ws, a)
}

#[test]
fn markdown_of_a_partial_assessment() {
    let ws = workspace();
    insta::assert_snapshot!(report::render(&pack(&ws, &partial(&ws)), Format::Markdown));
}

#[test]
fn markdown_of_an_empty_assessment() {
    let ws = workspace();
    insta::assert_snapshot!(report::render(&pack(&ws, &empty(&ws)), Format::Markdown));
}

#[test]
fn markdown_of_a_complete_assessment() {
    let ws = workspace();
    insta::assert_snapshot!(report::render(&pack(&ws, &complete(&ws)), Format::Markdown));
}

#[test]
fn markdown_reads_as_text() {
    let ws = workspace();
    let md = report::render(&pack(&ws, &partial(&ws)), Format::Markdown);
    assert!(
        md.contains("| Board & strategy | 1 Performed | – | no target | ████░░░░░░ 42 % | 67 % |"),
        "areas against the target, with text bars:\n{md}"
    );
    assert!(md.contains("Score: 31 %, with 63 % of the scored items known."));
    assert!(
        md.contains("22 November 2026, 10:00 UTC"),
        "dates for people"
    );
    assert!(md.contains("version 2.1.0"), "questionnaire version");
    assert!(
        md.contains("How the figures are worked out"),
        "the scoring rule"
    );
    assert!(
        md.contains(r"Ask \<script>alert"),
        "markup in notes is escaped"
    );
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "every < is escaped:\n{md}"
    );
}

/// Parses HTML with a real HTML5 parser (the document keeps its parse errors).
fn parse(html: &str) -> scraper::Html {
    scraper::Html::parse_document(html)
}

#[test]
fn html_escapes_notes_with_markup_quotes_and_ampersands() {
    let ws = workspace();
    let html = report::render(&pack(&ws, &partial(&ws)), Format::Html);
    assert!(!html.contains("<script"), "no script element");
    assert!(
        html.contains(
            "Ask &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;friends&#39;"
        )
    );
    let doc = parse(&html);
    let script = scraper::Selector::parse("script").expect("selector");
    assert_eq!(doc.select(&script).count(), 0);
    // The note comes back as the user wrote it when the page is read.
    let notes = scraper::Selector::parse(".note").expect("selector");
    let texts: Vec<String> = doc
        .select(&notes)
        .map(|n| n.text().collect::<String>())
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with(
            "Ask <script>alert(\"x\")</script> & 'friends', then \"quote\", comma, done"
        )),
        "{texts:?}"
    );
}

#[test]
fn html_escapes_names_and_titles() {
    let ws = workspace();
    let mut a = partial(&ws);
    a.name = "<b>Acme</b> & \"Co\"".into();
    let html = report::render(&pack(&ws, &a), Format::Html);
    assert!(
        html.contains("<title>Board pack: &lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Co&quot;</title>")
    );
    assert!(html.contains("Board &amp; strategy"), "section titles");
    assert!(!html.contains("<b>Acme"));
}

fn assert_well_formed_and_self_contained(html: &str) {
    let doc = parse(html);
    assert!(
        doc.errors.is_empty(),
        "the HTML parser found errors: {:?}",
        doc.errors
    );
    let all = scraper::Selector::parse("*").expect("selector");
    for el in doc.select(&all) {
        let name = el.value().name();
        assert!(
            !matches!(
                name,
                "script" | "link" | "iframe" | "img" | "object" | "embed"
            ),
            "element <{name}> may load something from outside"
        );
        for (attr, value) in el.value().attrs() {
            assert!(
                !matches!(attr, "src" | "srcset" | "xlink:href" | "action"),
                "attribute {attr}={value} on <{name}>"
            );
            if attr == "href" {
                assert!(value.starts_with('#'), "link {value} leaves the page");
            }
        }
    }
    let lower = html.to_ascii_lowercase();
    for outside in ["http://", "https://", "url(", "@import", "//fonts"] {
        assert!(!lower.contains(outside), "the page refers to {outside}");
    }
    let style = scraper::Selector::parse("style").expect("selector");
    let css: String = doc.select(&style).flat_map(|s| s.text()).collect();
    assert!(css.contains("@page { size: A4;"), "A4 print CSS");
    assert!(css.contains("@media print"));
    assert!(css.contains("prefers-color-scheme: dark"));
}

#[test]
fn html_is_well_formed_and_self_contained() {
    let ws = workspace();
    for a in [empty(&ws), partial(&ws), complete(&ws)] {
        let html = report::render(&pack(&ws, &a), Format::Html);
        assert_well_formed_and_self_contained(&html);
        let svg = scraper::Selector::parse("svg").expect("selector");
        assert_eq!(parse(&html).select(&svg).count(), 0, "tables, not pictures");
    }
}

#[test]
fn html_areas_show_level_against_target_one_row_per_area() {
    let ws = workspace();
    let mut a = partial(&ws);
    a.set_target(None, Some(2));
    let html = report::render(&compared(&ws, &a, &earlier(&ws)), Format::Html);
    let doc = parse(&html);
    let rows = scraper::Selector::parse("table.areas tbody tr:not(.group)").expect("selector");
    assert_eq!(doc.select(&rows).count(), 3, "one row per area");
    let targets = scraper::Selector::parse("table.areas .step.target").expect("selector");
    assert_eq!(
        doc.select(&targets).count(),
        3,
        "every area marks its target step"
    );
    assert!(html.contains("0 of 3 areas meet their target"));
    assert!(html.contains("◆ 2 · 1 level short") || html.contains("◆ 2 · 2 levels short"));
}

#[test]
fn html_has_the_decision_page_then_the_board_part_then_the_appendix() {
    let ws = workspace();
    let html = report::render(&pack(&ws, &partial(&ws)), Format::Html);
    let doc = parse(&html);
    let h2 = scraper::Selector::parse("h2").expect("selector");
    let headings: Vec<String> = doc.select(&h2).map(|h| h.text().collect()).collect();
    assert_eq!(
        headings,
        [
            "Where we stand",
            "Decisions requested",
            "Against the target",
            "What matters most",
            "In numbers",
            "The levels",
            "Areas against their target",
            "The board's answers",
            "Action plan",
            "How to read the figures",
            "Appendix: where the figures come from",
            "Appendix: every answer",
        ]
    );
    assert_eq!(
        html.matches("weakest links").count(),
        0,
        "one list, not two"
    );
    assert!(html.contains("Board pack test questions"));
    assert!(html.contains("22 November 2026, 11:32 UTC"));
}

#[test]
fn csv_round_trips_notes_with_commas_quotes_and_newlines() {
    let ws = workspace();
    let text = report::render(&pack(&ws, &partial(&ws)), Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(
        header,
        [
            "questionnaire",
            "section",
            "item",
            "refs",
            "prompt",
            "level",
            "weight",
            "answer",
            "value",
            "note",
            "owner",
            "flag",
            "status",
            "due",
            "decision",
            "evidence",
            "organisation",
            "assessed_on"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    assert_eq!(rows.len(), 10, "one row per item");
    let reporting = rows
        .iter()
        .find(|r| &r[2] == "board-pack/reporting")
        .expect("row");
    assert_eq!(&reporting[9], HOSTILE);
    assert_eq!(&reporting[7], "Partially implemented");
    assert_eq!(&reporting[8], "0.33");
    assert_eq!(&reporting[10], "Organisation executives");
    assert_eq!(&reporting[5], "2");
    assert_eq!(&reporting[6], "2");
    let criteria = rows
        .iter()
        .find(|r| &r[2] == "board-pack/criteria")
        .expect("row");
    assert_eq!(&criteria[7], "1 of 2 checks in place");
    assert_eq!(&criteria[8], "0.5");
    let tested = rows
        .iter()
        .find(|r| &r[2] == "board-pack/tested")
        .expect("row");
    assert_eq!(&tested[11], "yes");
    assert_eq!(&tested[10], "our own role");
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
}

#[test]
fn json_holds_the_score_report_and_every_answer() {
    let ws = workspace();
    let a = partial(&ws);
    let text = report::render(&pack(&ws, &a), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["format"], "supplycheck.report/2");
    let score: serde_json::Value =
        serde_json::from_str(&ws.score(&a).to_json()).expect("score json");
    assert_eq!(v["score"], score, "the score report, unchanged");
    assert_eq!(v["answers"].as_array().expect("answers").len(), 10);
    assert_eq!(v["answers"][2]["note"], HOSTILE);
    assert_eq!(v["answers"][2]["status"], "below_pass_mark");
    assert_eq!(v["plan"][0]["item"], v["page_one"]["top"][0]["item"]);
    assert_eq!(
        v["page_one"]["counts"]["actions"],
        v["plan"].as_array().expect("plan").len()
    );
    assert!(v.get("done_since").is_none(), "only with a comparison");
    assert_eq!(v["questionnaires"][0]["version"], "2.1.0");
    assert_eq!(v["assessment"]["created"], "2026-11-22T10:00:00Z");
}

#[test]
fn every_format_works_for_empty_and_complete_assessments() {
    let ws = workspace();
    for a in [empty(&ws), complete(&ws)] {
        let p = pack(&ws, &a);
        for format in [Format::Html, Format::Markdown, Format::Csv, Format::Json] {
            let text = report::render(&p, format);
            assert!(text.len() > 200, "{format:?} is written");
        }
    }
    let done = pack(&ws, &complete(&ws));
    assert_eq!(done.not_assessed, 0);
    assert_eq!(done.overall.answered + done.overall.na, done.overall.total);
}

#[test]
fn an_assessment_whose_questionnaires_are_missing_still_reports() {
    let ws = workspace();
    let mut a = partial(&ws);
    a.questionnaires[0].id = "gone".into();
    let p = pack(&ws, &a);
    assert!(p.areas.is_empty());
    let md = report::render(&p, Format::Markdown);
    assert!(md.contains("questionnaires are not available"));
    assert_well_formed_and_self_contained(&report::render(&p, Format::Html));
}

/// A year earlier: the same questionnaire answered differently, and the worked example
/// besides, which the later assessment no longer uses.
fn earlier(ws: &Workspace) -> Assessment {
    let qs = [
        ws.catalog.get("board-pack").expect("fixture"),
        ws.catalog.get("worked-example").expect("fixture"),
    ];
    let mut a = Assessment::new(
        "acme-2025".into(),
        "Acme – 2025 supplier review".into(),
        "Acme Ltd".into(),
        None,
        &qs,
    );
    a.created = "2025-11-02T09:00:00Z".parse().expect("a time");
    a.updated = "2025-11-20T15:30:00Z".parse().expect("a time");
    set(&mut a, "appetite", |x| {
        x.value = Value::Text("High, \"for now\"\nto be reviewed".into());
    });
    set(&mut a, "oversight", choice("partial"));
    set(&mut a, "reporting", choice("partial"));
    set(&mut a, "due-diligence", choice("fully"));
    set(&mut a, "exit-plan", choice("largely"));
    set(&mut a, "tested", choice("not"));
    a.answers
        .entry("worked-example/a".into())
        .or_default()
        .value = Value::Choice("fully".into());
    a
}

fn compared(ws: &Workspace, a: &Assessment, before: &Assessment) -> BoardPack {
    BoardPack::build_compared(ws, a, before)
}

#[test]
fn markdown_of_a_compared_assessment() {
    let ws = workspace();
    insta::assert_snapshot!(report::render(
        &compared(&ws, &partial(&ws), &earlier(&ws)),
        Format::Markdown
    ));
}

#[test]
fn markdown_gives_the_trend_on_page_one_and_the_comparison_in_the_appendix() {
    let ws = workspace();
    let md = report::render(
        &compared(&ws, &partial(&ws), &earlier(&ws)),
        Format::Markdown,
    );
    let page_one = md.find("\n## Where we stand\n").expect("page one");
    let since = md
        .find("\n## Appendix: since Acme – 2025 supplier review\n")
        .expect("since");
    let action_plan = md.find("\n## Action plan\n").expect("plan");
    assert!(page_one < action_plan && action_plan < since);
    assert!(
        md[page_one..action_plan]
            .contains("since Acme – 2025 supplier review (20 November 2025, 15:30 UTC)"),
        "the trend is on page one:\n{md}"
    );
    assert!(md.contains("last changed 20 November 2025, 15:30 UTC"));
    assert!(md.contains("| Board & strategy | 0 → 1 | 25 % → 42 % | ▲ +17 |"));
    assert!(md.contains(
        "| Supplier selection | 0 → 0 | 33 % → 39 % | ▲ +6 (answers -11, answered more items +17) |"
    ));
    assert!(md.contains("| 1. Planning (only in the earlier assessment) | 0 → – | 17 % → – | – |"));
    assert!(md.contains("\n### Done since Acme – 2025 supplier review\n"));
    assert!(md.contains("Since: new") && md.contains("Since: carried over"));
    // Without a comparison: no trend, no "since" anywhere.
    let plain = report::render(&pack(&ws, &partial(&ws)), Format::Markdown);
    assert!(!plain.contains("since Acme") && !plain.contains("Done since"));
    assert!(!plain.contains("Since: "));
}

#[test]
fn html_with_a_comparison_is_well_formed_and_escapes_the_earlier_name() {
    let ws = workspace();
    let mut before = earlier(&ws);
    before.name = "<b>Acme</b> & \"2025\" </style><script>x</script>".into();
    let html = report::render(&compared(&ws, &partial(&ws), &before), Format::Html);
    assert_well_formed_and_self_contained(&html);
    assert!(!html.contains("<b>Acme"));
    assert!(!html.contains("<script"));
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(html.contains(
        "<h2>Appendix: since &lt;b&gt;Acme&lt;/b&gt; &amp; &quot;2025&quot; &lt;/style&gt;\
         &lt;script&gt;x&lt;/script&gt;</h2>"
    ));
    assert!(
        html.contains(
            " since &lt;b&gt;Acme&lt;/b&gt; &amp; &quot;2025&quot; &lt;/style&gt;&lt;script&gt;x\
         &lt;/script&gt; ("
        ),
        "the trend on page one names it, escaped"
    );
}

#[test]
fn html_shows_each_areas_change_and_keeps_the_details_for_the_appendix() {
    let ws = workspace();
    let html = report::render(&compared(&ws, &partial(&ws), &earlier(&ws)), Format::Html);
    let doc = parse(&html);
    let rows =
        scraper::Selector::parse("table.since-areas tbody tr:not(.group)").expect("selector");
    assert_eq!(
        doc.select(&rows).count(),
        4,
        "three areas and the one left out"
    );
    assert!(html.contains("<th colspan=\"4\">Only in the earlier assessment</th>"));
    assert!(html.contains("Score · known · change"));
    assert!(html.contains("<strong>Trend: </strong>"));
    let board = report::render_with(
        &compared(&ws, &partial(&ws), &earlier(&ws)),
        Format::Html,
        report::Options { appendix: false },
    );
    assert!(
        !board.contains("id=\"since\""),
        "the item-by-item changes are appendix"
    );
    assert!(board.contains("Done since the earlier assessment"));
    // Without a comparison, no change column, no trend, no section.
    let plain = report::render(&pack(&ws, &partial(&ws)), Format::Html);
    for absent in [
        "id=\"since\"",
        "Trend: ",
        "· change",
        ".chg",
        "carried over",
    ] {
        assert!(!plain.contains(absent), "{absent}");
    }
}

#[test]
fn json_holds_the_comparison_of_compare_json() {
    let ws = workspace();
    let (a, before) = (partial(&ws), earlier(&ws));
    let text = report::render(&compared(&ws, &a, &before), Format::Json);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    let c = supplycheck::compare::compare(
        &ws.questionnaires_of(&before),
        &before,
        &ws.questionnaires_of(&a),
        &a,
    );
    let expected: serde_json::Value = serde_json::from_str(&c.to_json()).expect("compare json");
    assert_eq!(v["comparison"], expected);
    assert_eq!(v["comparison"]["format"], "supplycheck.compare/2");
    assert_eq!(
        v["comparison"]["improved"][0]["item"],
        "board-pack/oversight"
    );
    // Not compared: the field is left out, not null.
    let plain: serde_json::Value =
        serde_json::from_str(&report::render(&pack(&ws, &a), Format::Json)).expect("json");
    assert!(plain.get("comparison").is_none(), "{plain}");
}

#[test]
fn csv_with_a_comparison_has_the_earlier_answer_and_value() {
    let ws = workspace();
    let text = report::render(&compared(&ws, &partial(&ws), &earlier(&ws)), Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    assert_eq!(header.len(), 20);
    assert_eq!(header[18..], ["earlier_answer", "earlier_value"]);
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .collect::<Result<_, _>>()
        .expect("valid CSV");
    assert_eq!(rows.len(), 10, "one row per item");
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[2] == format!("board-pack/{id}").as_str())
            .expect("row")
    };
    assert_eq!(&row("oversight")[18], "Partially implemented");
    assert_eq!(&row("oversight")[19], "0.33");
    assert_eq!(&row("oversight")[7], "Fully implemented");
    assert_eq!(&row("appetite")[18], "High, \"for now\"\nto be reviewed");
    assert_eq!(&row("appetite")[19], "");
    assert_eq!(&row("criteria")[18], "", "unanswered then");
    assert_eq!(&row("criteria")[19], "");
    assert_eq!(&row("reporting")[9], HOSTILE, "notes still round-trip");
    assert_eq!(&row("tested")[18], "Not implemented");
    assert_eq!(&row("tested")[19], "0");
    // Without a comparison: no earlier columns.
    let plain = report::render(&pack(&ws, &partial(&ws)), Format::Csv);
    assert!(plain.starts_with(
        "\u{feff}questionnaire,section,item,refs,prompt,level,weight,answer,value,note,owner,flag,\
         status,due,decision,evidence,organisation,assessed_on\r\n"
    ));
}

#[test]
fn every_table_of_the_paper_has_rows_as_long_as_its_header() {
    use supplycheck::report::paper::{Block, paper};
    let catalog = Catalog::built_in();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme-2026.json");
    let earlier = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/acme-2025.json");
    let a = supplycheck::store::load(&path).expect("the example loads");
    let e = supplycheck::store::load(&earlier).expect("the earlier example loads");
    let qs = catalog.for_assessment(&a);
    let qs_e = catalog.for_assessment(&e);
    for pack in [
        BoardPack::from_questionnaires(&qs, &a),
        BoardPack::compared(&qs, &a, &qs_e, &e),
    ] {
        let mut tables = 0;
        for block in paper(&pack, true) {
            if let Block::Table(t) = block {
                tables += 1;
                for row in &t.rows {
                    assert_eq!(row.len(), t.header.len(), "{:?}: {row:?}", t.header);
                }
            }
        }
        assert!(tables > 0);
    }
}
