//! A workshop's record in the board pack, as a user makes it: three respondents in two
//! groups answer, are merged, and one disagreement is settled; the HTML, Markdown, Word and
//! CSV packs show each respondent's answer side by side and how the item was settled, the
//! perception gap's figures are those of `gap --json`, and parked items are listed.

use std::io::Read as _;

use serde_json::Value;

mod common;

use common::Env;

/// The board member's name, hostile on purpose.
const ANN: &str = "Ann <i>&\"x\"";

/// Ann (board), Bob and Carl (staff) answer the worked example, are merged, Fiona settles d
/// with Bob's answer and e is parked; returns the merged assessment's id.
fn workshop(env: &Env) -> String {
    let given: [(&str, &str, [&str; 5]); 3] = [
        (ANN, "board", ["fully", "fully", "fully", "x,y", "largely"]),
        ("Bob", "staff", ["fully", "largely", "not", "x", "na"]),
        ("Carl", "staff", ["fully", "partial", "", "", "na"]),
    ];
    let mut ids = Vec::new();
    for (who, group, answers) in given {
        let id = env.new_assessment(&[
            "--name",
            "Workshop",
            "--respondent",
            who,
            "--group",
            group,
            "--questionnaire",
            "worked-example",
        ]);
        for (item, value) in ["a", "b", "c", "d", "e"].iter().zip(answers) {
            if !value.is_empty() {
                env.answer(&id, &[item, value]);
            }
        }
        ids.push(id);
    }
    let out = env
        .cmd()
        .arg("merge")
        .args(&ids)
        .args(["--name", "Acme workshop", "--json"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let merged: Value = serde_json::from_slice(&out.stdout).expect("json");
    let room = merged["id"].as_str().expect("an id").to_string();
    env.answer(&room, &["d", "x", "--by", "Fiona"]);
    env.answer(&room, &["a", "--park"]);
    room
}

fn report(env: &Env, id: &str, args: &[&str]) -> String {
    let out = env
        .cmd()
        .args(["report", id])
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

fn docx_text(env: &Env, id: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("pack.docx");
    env.cmd()
        .args(["report", id, "--format", "docx", "-o"])
        .arg(&file)
        .assert()
        .success();
    let bytes = std::fs::read(&file).expect("written");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("the document")
        .read_to_string(&mut xml)
        .expect("UTF-8");
    xml
}

/// The shown percentage of a score in `gap --json`.
fn percent(v: &Value) -> i64 {
    let x = v.as_f64().expect("a score") * 100.0;
    #[allow(clippy::cast_possible_truncation)]
    let whole = x.round() as i64;
    whole
}

#[test]
fn html_shows_answers_side_by_side_the_settlement_and_the_gap_of_gap_json() {
    let env = Env::new();
    let room = workshop(&env);
    let html = report(&env, &room, &["--format", "html"]);
    assert!(html.contains("<h2>Where we disagreed</h2>"), "{html}");
    assert!(
        html.contains("Ann &lt;i&gt;&amp;&quot;x&quot;"),
        "escaped name"
    );
    assert!(!html.contains("<i>&"), "no raw name");
    // d: each answer in its own column, then how it was settled.
    let disagreed = html
        .split("id=\"disagreed\"")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .expect("the section");
    let d = disagreed
        .split("<tr")
        .find(|row| row.contains("Item D?"))
        .expect("a row for d");
    let cells: Vec<&str> = d.split("<td").skip(1).collect();
    assert!(cells[1].contains("50 points"), "{d}");
    assert!(cells[2].contains("2 of 2 checks in place"), "{d}");
    assert!(cells[3].contains("1 of 2 checks in place"), "{d}");
    assert!(cells[4].contains("no answer"), "Carl gave none: {d}");
    assert!(
        cells[5].contains("settled by Fiona on") && cells[5].contains("taking Bob&#39;s answer"),
        "{d}"
    );
    let c = disagreed
        .split("<tr")
        .find(|row| row.starts_with(" class=\"disputed\"") && row.contains("Item C?"))
        .expect("a row for c");
    assert!(c.contains("no answer"), "Carl gave none: {c}");
    assert!(c.contains("Still disputed."), "{c}");
    assert!(
        html.contains("<h2>Board and staff: the perception gap</h2>"),
        "{html}"
    );
    assert!(html.contains("<h2>Parked for later</h2>"), "{html}");

    let gap = env.json(&["gap", &room, "--json"]);
    let area = &gap["areas"][0];
    let board = &area["groups"][0];
    let staff = &area["groups"][1];
    assert_eq!(board["group"], "board");
    let cell = |g: &Value| {
        format!(
            "{} % ({} {})",
            percent(&g["score"]),
            g["level"],
            g["level_name"].as_str().expect("a level")
        )
    };
    let row = html
        .split("<tr")
        .find(|r| r.contains("1. Planning") && r.contains(" % ("))
        .expect("the area's row");
    assert!(row.contains(&cell(board)), "{row}\n{}", cell(board));
    assert!(row.contains(&cell(staff)), "{row}\n{}", cell(staff));
    let points = percent(&board["score"]) - percent(&staff["score"]);
    assert!(row.contains(&format!("+{points}")), "{row}");
    assert!(points > 0, "the board is more confident");
    let first = gap["items"][0]["prompt"].as_str().expect("an item");
    assert!(
        html.split("gap-items")
            .nth(1)
            .is_some_and(|t| t.contains(first)),
        "the widest item is listed"
    );
}

#[test]
fn markdown_and_word_show_the_same_sections() {
    let env = Env::new();
    let room = workshop(&env);
    let md = report(&env, &room, &["--format", "md"]);
    assert!(md.contains("## Where we disagreed"), "{md}");
    assert!(
        md.contains("## Board and staff: the perception gap"),
        "{md}"
    );
    assert!(md.contains("## Parked for later"), "{md}");
    let d = md
        .lines()
        .find(|l| l.starts_with("| Item D?"))
        .expect("a row for d");
    assert!(
        d.contains("| 50 points | 2 of 2 checks in place | 1 of 2 checks in place | no answer |"),
        "{d}"
    );
    assert!(d.contains("taking Bob's answer"), "{d}");
    assert!(md.contains("| Ann \\<i>&"), "the name is escaped: {md}");
    assert!(!md.contains(" <i>"), "never raw: {md}");
    let xml = docx_text(&env, &room);
    for text in [
        "Where we disagreed",
        "Board and staff: the perception gap",
        "Parked for later",
        "2 of 2 checks in place",
        "taking Bob&apos;s answer",
        "Ann &lt;i&gt;&amp;",
    ] {
        assert!(
            xml.contains(text) || xml.contains(&text.replace("&apos;", "'")),
            "{text}"
        );
    }
}

#[test]
fn csv_has_a_column_per_respondent_and_the_settlement() {
    let env = Env::new();
    let room = workshop(&env);
    let text = report(&env, &room, &["--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader.headers().expect("header").clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("{name} in {header:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let row = |id: &str| {
        rows.iter()
            .find(|r| &r[2] == format!("worked-example/{id}").as_str())
            .expect(id)
    };
    let ann = col(&format!("answer: {ANN}"));
    let (bob, carl) = (col("answer: Bob"), col("answer: Carl"));
    let d = row("d");
    assert_eq!(&d[ann], "2 of 2 checks in place");
    assert_eq!(&d[bob], "1 of 2 checks in place");
    assert_eq!(&d[col("settled_by")], "Fiona");
    assert_eq!(&d[col("settled_from")], "Bob");
    let c = row("c");
    assert_eq!(&c[carl], "", "Carl gave no answer");
    assert_eq!(&c[col("settled_by")], "", "still disputed");
    assert_eq!(&row("a")[bob], "Fully implemented", "agreed");
}

#[test]
fn json_carries_the_workshop_and_a_plain_assessment_shows_none_of_it() {
    let env = Env::new();
    let room = workshop(&env);
    let pack = env.json(&["report", &room, "--format", "json"]);
    assert_eq!(pack["respondents"][0]["group"], "board");
    let d = pack["disagreements"]
        .as_array()
        .expect("disagreements")
        .iter()
        .find(|d| d["item"] == "worked-example/d")
        .expect("d");
    assert_eq!(d["settled_from"], "Bob");
    assert_eq!(d["answers"][1]["answer"], "1 of 2 checks in place");
    assert_eq!(pack["perception_gap"]["compared"], format!("{ANN} (board)"));
    assert_eq!(pack["parked"][0]["item"], "worked-example/a");

    let plain = env.new_example("Plain");
    env.answer(&plain, &["a", "fully"]);
    for format in ["html", "md"] {
        let text = report(&env, &plain, &["--format", format, "--appendix"]);
        for heading in ["Where we disagreed", "perception gap", "Parked for later"] {
            assert!(!text.contains(heading), "{format}: {heading}");
        }
    }
    let csv = report(&env, &plain, &["--format", "csv"]);
    let header = csv.lines().next().expect("a header");
    assert!(
        !header.contains("answer: ") && !header.contains("settled_by"),
        "{header}"
    );
    let json = env.json(&["report", &plain, "--format", "json"]);
    for field in ["respondents", "disagreements", "perception_gap", "parked"] {
        assert!(json.get(field).is_none(), "{field}");
    }
}

#[test]
fn on_a_narrow_screen_every_workshop_cell_says_whose_answer_or_which_group_it_is() {
    let env = Env::new();
    let room = workshop(&env);
    let html = report(&env, &room, &["--format", "html"]);
    // Tables become lists of cards below 40rem; each cell carries its column's heading.
    for label in [
        "data-label=\"Spread\"",
        "data-label=\"Gap\"",
        "data-label=\"Settled answer\"",
    ] {
        assert!(html.contains(label), "{label}");
    }
    // Each respondent's answer says whose it is (Bob's group is staff), and the hostile name
    // is escaped in the attribute too.
    assert!(html.contains("data-label=\"Bob (staff)\""), "Bob's cells");
    assert!(
        html.contains("data-label=\"staff\""),
        "the gap's group columns"
    );
    assert!(!html.contains("data-label=\"Ann <i>"), "escaped");
    assert!(html.contains("data-label=\"Ann &lt;i&gt;&amp;&quot;x&quot; (board)\""));
}
