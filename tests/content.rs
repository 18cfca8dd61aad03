//! The content of the built-in questionnaires: every item cites its source in one of the
//! allowed forms, every required source section is cited, every section spans levels 1–3,
//! and no text copies a run of 12 words from the source documents in `../shared/seeds`.
//!
//! Uses only std and `serde_json`, reading the files from disk, so it checks the JSON as
//! written rather than as the crate models it.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

/// The built-in questionnaire files, relative to the crate root.
const BUILT_INS: [&str; 3] = [
    "questionnaires/ncsc-board.json",
    "questionnaires/cfcs-phases.json",
    "questionnaires/cert-exd.json",
];

/// The numbered recommendations of the CFCS guide. The guide calls them 16, but its own
/// table numbers 17 (1.1–1.5, 2.1–2.3, 3.1, 4.1–4.2, 5.1–5.5, 6.1); every one is required.
const CFCS_RECOMMENDATIONS: [&str; 17] = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "3.1", "4.1", "4.2", "5.1", "5.2",
    "5.3", "5.4", "5.5", "6.1",
];

/// Length of the word run that may not be shared with a source document.
const RUN: usize = 12;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn load(rel: &str) -> Value {
    let path = root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn built_ins() -> Vec<(String, Value)> {
    BUILT_INS
        .iter()
        .map(|rel| {
            let q = load(rel);
            let id = q["id"].as_str().unwrap_or(rel).to_string();
            (id, q)
        })
        .collect()
}

/// Every reference form an item may cite, spelled exactly.
fn allowed_refs() -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    set.insert("NCSC board".to_string());
    for i in 1..=4 {
        set.insert(format!("NCSC board Q{i}"));
    }
    for r in CFCS_RECOMMENDATIONS {
        set.insert(format!("CFCS {r}"));
    }
    for i in 1..=5 {
        set.insert(format!("CFCS App. {i}"));
    }
    set.insert("CERT RMM".to_string());
    for i in 1..=4 {
        set.insert(format!("CERT RMM EXD goal {i}"));
    }
    set
}

fn is_allowed_ref(r: &str) -> bool {
    allowed_refs().contains(r)
}

fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key].as_str().unwrap_or("")
}

fn array_of<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map_or(&[], Vec::as_slice)
}

fn keys_of(v: &Value) -> Vec<&str> {
    v.as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn is_scored(item: &Value) -> bool {
    str_of(item, "kind") != "text"
}

/// Every problem with one questionnaire's structure, refs, guidance and levels.
fn structure_problems(q: &Value) -> Vec<String> {
    const TOP: [&str; 9] = [
        "format",
        "id",
        "version",
        "title",
        "description",
        "source",
        "pass_mark",
        "scales",
        "sections",
    ];
    const SECTION: [&str; 4] = ["id", "title", "intro", "items"];
    let qid = str_of(q, "id");
    let mut out = Vec::new();
    for k in keys_of(q) {
        if !TOP.contains(&k) {
            out.push(format!("{qid}: unknown field {k:?}"));
        }
    }
    for k in TOP {
        if q.get(k).is_none() {
            out.push(format!("{qid}: missing field {k:?}"));
        }
    }
    if str_of(q, "format") != "supplycheck.questionnaire/1" {
        out.push(format!("{qid}: wrong format"));
    }
    if !is_valid_id(qid) {
        out.push(format!("{qid:?}: bad questionnaire id"));
    }
    let sections = array_of(q, "sections");
    if sections.is_empty() {
        out.push(format!("{qid}: no sections"));
    }
    let mut section_ids = HashSet::new();
    let mut item_ids = HashSet::new();
    for s in sections {
        let sid = str_of(s, "id");
        if !is_valid_id(sid) || !section_ids.insert(sid) {
            out.push(format!("{qid}/{sid}: bad or duplicate section id"));
        }
        for k in keys_of(s) {
            if !SECTION.contains(&k) {
                out.push(format!("{qid}/{sid}: unknown field {k:?}"));
            }
        }
        if str_of(s, "title").trim().is_empty() || str_of(s, "intro").trim().is_empty() {
            out.push(format!("{qid}/{sid}: empty title or intro"));
        }
        let mut levels = BTreeSet::new();
        for item in array_of(s, "items") {
            let iid = str_of(item, "id");
            let at = format!("{qid}/{iid}");
            if !is_valid_id(iid) || !item_ids.insert(iid) {
                out.push(format!("{at}: bad or duplicate item id"));
            }
            if let Some(level) = item_problems(q, item, &at, &mut out) {
                levels.insert(level);
            }
        }
        for l in 1..=3 {
            if !levels.contains(&l) {
                out.push(format!("{qid}/{sid}: no scored item at level {l}"));
            }
        }
    }
    out
}

/// Problems with one item (its id is checked by the caller); returns its level when it is a
/// scored item with a valid level.
fn item_problems(q: &Value, item: &Value, at: &str, out: &mut Vec<String>) -> Option<u64> {
    const ITEM: [&str; 10] = [
        "id", "kind", "scale", "checks", "level", "weight", "allow_na", "prompt", "guidance",
        "refs",
    ];
    for k in keys_of(item) {
        if !ITEM.contains(&k) {
            out.push(format!("{at}: unknown field {k:?}"));
        }
    }
    if str_of(item, "prompt").trim().is_empty() {
        out.push(format!("{at}: empty prompt"));
    }
    let refs = array_of(item, "refs");
    if refs.is_empty() {
        out.push(format!("{at}: no refs"));
    }
    for r in refs {
        match r.as_str() {
            Some(r) if is_allowed_ref(r) => {}
            _ => out.push(format!("{at}: ref {r} is not one of the allowed forms")),
        }
    }
    match str_of(item, "kind") {
        "choice" => {
            let scale = str_of(item, "scale");
            if q["scales"].get(scale).is_none() {
                out.push(format!("{at}: unknown scale {scale:?}"));
            }
        }
        "checklist" => {
            let checks = array_of(item, "checks");
            if checks.is_empty() {
                out.push(format!("{at}: checklist without checks"));
            }
            let mut ids = HashSet::new();
            for c in checks {
                let cid = str_of(c, "id");
                if !is_valid_id(cid) || !ids.insert(cid) {
                    out.push(format!("{at}/{cid}: bad or duplicate check id"));
                }
                if str_of(c, "text").trim().is_empty() {
                    out.push(format!("{at}/{cid}: empty check text"));
                }
            }
        }
        "text" => {}
        other => out.push(format!("{at}: unknown kind {other:?}")),
    }
    if !is_scored(item) {
        if item.get("level").is_some() || item.get("weight").is_some() {
            out.push(format!("{at}: a text item takes no level or weight"));
        }
        return None;
    }
    if str_of(item, "guidance").trim().is_empty() {
        out.push(format!("{at}: scored item without guidance"));
    }
    if !item["weight"].as_f64().is_some_and(|w| w > 0.0) {
        out.push(format!("{at}: weight must be above 0"));
    }
    let level = item["level"].as_u64().filter(|l| (1..=3).contains(l));
    if level.is_none() {
        out.push(format!("{at}: level must be 1, 2 or 3"));
    }
    level
}

/// The required source sections that no item cites.
fn uncited(questionnaires: &[(String, Value)], required: &[String]) -> Vec<String> {
    let cited: HashSet<&str> = questionnaires
        .iter()
        .flat_map(|(_, q)| array_of(q, "sections"))
        .flat_map(|s| array_of(s, "items"))
        .flat_map(|i| array_of(i, "refs"))
        .filter_map(Value::as_str)
        .collect();
    required
        .iter()
        .filter(|r| !cited.contains(r.as_str()))
        .cloned()
        .collect()
}

fn required_sections() -> Vec<String> {
    let mut out = vec!["NCSC board".to_string()];
    out.extend((1..=4).map(|i| format!("NCSC board Q{i}")));
    out.extend(CFCS_RECOMMENDATIONS.iter().map(|r| format!("CFCS {r}")));
    out.extend((1..=5).map(|i| format!("CFCS App. {i}")));
    out.extend((1..=4).map(|i| format!("CERT RMM EXD goal {i}")));
    out
}

/// Words: runs of letters and digits, lower-cased; everything else separates.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Every run of `RUN` consecutive words in the texts.
fn runs(texts: &[String]) -> HashSet<String> {
    let mut out = HashSet::new();
    for t in texts {
        let w = words(t);
        for window in w.windows(RUN) {
            out.insert(window.join(" "));
        }
    }
    out
}

/// The runs of `RUN` words in `text` that also occur in the source runs.
fn shared_runs(text: &str, source: &HashSet<String>) -> Vec<String> {
    words(text)
        .windows(RUN)
        .map(|w| w.join(" "))
        .filter(|r| source.contains(r))
        .collect()
}

/// Every piece of prose in a questionnaire, with where it sits.
fn prose(q: &Value) -> Vec<(String, String)> {
    let qid = str_of(q, "id");
    let mut out = vec![
        (format!("{qid} title"), str_of(q, "title").to_string()),
        (
            format!("{qid} description"),
            str_of(q, "description").to_string(),
        ),
    ];
    for s in array_of(q, "sections") {
        let sid = str_of(s, "id");
        out.push((format!("{qid}/{sid} title"), str_of(s, "title").to_string()));
        out.push((format!("{qid}/{sid} intro"), str_of(s, "intro").to_string()));
        for item in array_of(s, "items") {
            let at = format!("{qid}/{}", str_of(item, "id"));
            out.push((format!("{at} prompt"), str_of(item, "prompt").to_string()));
            out.push((
                format!("{at} guidance"),
                str_of(item, "guidance").to_string(),
            ));
            for c in array_of(item, "checks") {
                out.push((
                    format!("{at}/{} check", str_of(c, "id")),
                    str_of(c, "text").to_string(),
                ));
            }
        }
    }
    out
}

fn seed_texts(dir: &Path) -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

#[test]
fn the_checkers_catch_what_they_should() {
    assert!(is_allowed_ref("CFCS 1.1"));
    assert!(is_allowed_ref("CFCS App. 5"));
    assert!(is_allowed_ref("CERT RMM EXD goal 4"));
    assert!(is_allowed_ref("NCSC board Q4"));
    for bad in [
        "CFCS 1.6",
        "CFCS 7.1",
        "cfcs 1.1",
        "CFCS App 1",
        "CFCS 1.1 ",
        "NCSC Board",
        "NCSC board Q5",
        "CERT RMM EXD goal 5",
        "",
    ] {
        assert!(!is_allowed_ref(bad), "{bad:?} should be refused");
    }

    let bad = serde_json::json!({
        "format": "supplycheck.questionnaire/1", "id": "t", "version": "1", "title": "T",
        "description": "", "source": "", "pass_mark": 0.6, "scales": {},
        "sections": [{ "id": "s", "title": "S", "intro": "I", "items": [
            { "id": "a", "kind": "checklist", "level": 1, "weight": 1, "prompt": "P?",
              "guidance": "", "refs": ["CFCS 9.9"], "checks": [{ "id": "x", "text": "X" }] },
            { "id": "a", "kind": "text", "prompt": "P?", "refs": [], "extra": true }
        ]}]
    });
    let problems = structure_problems(&bad).join("\n");
    for expected in [
        "t/a: ref \"CFCS 9.9\" is not one of the allowed forms",
        "t/a: scored item without guidance",
        "t/a: bad or duplicate item id",
        "t/a: no refs",
        "t/a: unknown field \"extra\"",
        "t/s: no scored item at level 2",
        "t/s: no scored item at level 3",
    ] {
        assert!(
            problems.contains(expected),
            "missing {expected:?} in:\n{problems}"
        );
    }

    let one = vec![("t".to_string(), bad)];
    let missing = uncited(&one, &["CFCS 9.9".to_string(), "CFCS 1.1".to_string()]);
    assert_eq!(missing, ["CFCS 1.1"]);

    assert_eq!(
        words("Don't copy—the CFCS's 2nd ed."),
        ["don", "t", "copy", "the", "cfcs", "s", "2nd", "ed"]
    );
    let source = runs(&[
        "One two three, four five six seven eight nine ten eleven twelve thirteen.".to_string(),
    ]);
    assert_eq!(
        shared_runs(
            "Zero ONE two three four five-six seven eight nine ten eleven twelve!",
            &source
        ),
        ["one two three four five six seven eight nine ten eleven twelve"]
    );
    assert!(
        shared_runs(
            "one two three four five six seven eight nine ten eleven",
            &source
        )
        .is_empty()
    );
    assert!(
        shared_runs(
            "two three four five six seven eight nine ten eleven twelve fourteen",
            &source
        )
        .is_empty()
    );
}

#[test]
fn every_built_in_parses_and_is_well_formed() {
    let all = built_ins();
    let ids: Vec<&str> = all.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["ncsc-board", "cfcs-phases", "cert-exd"]);
    let problems: Vec<String> = all
        .iter()
        .flat_map(|(_, q)| structure_problems(q))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_required_source_section_is_cited() {
    let missing = uncited(&built_ins(), &required_sections());
    assert!(missing.is_empty(), "no item cites: {missing:?}");
}

#[test]
fn no_text_copies_twelve_words_from_a_source() {
    let dir = root().join("../shared/seeds");
    if !dir.is_dir() {
        eprintln!("skipping: ../shared/seeds not found (it is present in CI)");
        return;
    }
    let seeds = seed_texts(&dir);
    assert!(
        !seeds.is_empty(),
        "{}: no .txt source documents",
        dir.display()
    );
    let source = runs(&seeds);
    let mut copied = Vec::new();
    for (_, q) in built_ins() {
        for (at, text) in prose(&q) {
            for run in shared_runs(&text, &source) {
                copied.push(format!("{at}: \"{run}\""));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "text copied from a source document:\n{}",
        copied.join("\n")
    );
}
