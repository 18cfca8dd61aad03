//! The content of the built-in questionnaires (format 2; the three organisation-scope ones at
//! version 2.0.0, the supplier-scope `supplier-review` at 1.0.0): every built-in loads with no
//! warnings; every item cites its source in one of the allowed forms and every required source
//! section is cited; every level of every section has an item that cannot be answered N/A
//! whatever the supplier's tier, and every section has at least two level-3 items; every
//! scored item has an action; "Don't know" is an unknown answer beside a known "No"; the
//! supplier review asks some things only of critical and high-tier suppliers; and no text
//! copies a run of 8 words from the source documents in `../shared/seeds`.
//!
//! Apart from the loader, uses only std and `serde_json`, reading the files from disk, so it
//! checks the JSON as written rather than as the crate models it.

use std::collections::{BTreeSet, HashSet};
use std::path::PathBuf;

use serde_json::Value;

/// A built-in questionnaire file (relative to the crate root) with the version and scope it
/// must have.
struct BuiltIn {
    file: &'static str,
    version: &'static str,
    scope: &'static str,
}

/// The built-in questionnaire files, in the catalog's order.
const BUILT_INS: [BuiltIn; 4] = [
    BuiltIn {
        file: "questionnaires/ncsc-board.json",
        version: "2.0.0",
        scope: ORGANISATION,
    },
    BuiltIn {
        file: "questionnaires/cfcs-phases.json",
        version: "2.0.0",
        scope: ORGANISATION,
    },
    BuiltIn {
        file: "questionnaires/cert-exd.json",
        version: "2.0.0",
        scope: ORGANISATION,
    },
    BuiltIn {
        file: "questionnaires/supplier-review.json",
        version: "1.0.0",
        scope: SUPPLIER,
    },
];

/// The scope of a questionnaire about the whole programme (the format's default).
const ORGANISATION: &str = "organisation";

/// The scope of a questionnaire about one supplier relationship.
const SUPPLIER: &str = "supplier";

/// The format every built-in is written in.
const FORMAT: &str = "supplycheck.questionnaire/2";

/// The numbered recommendations of the CFCS guide. The guide calls them 16, but its own
/// table numbers 17 (1.1–1.5, 2.1–2.3, 3.1, 4.1–4.2, 5.1–5.5, 6.1); every one is required.
const CFCS_RECOMMENDATIONS: [&str; 17] = [
    "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "3.1", "4.1", "4.2", "5.1", "5.2",
    "5.3", "5.4", "5.5", "6.1",
];

/// The parts of the NCSC board toolkit: what the Board itself does, and what the
/// organisation does; both are required.
const NCSC_PARTS: [&str; 2] = ["NCSC board: the Board", "NCSC board: organisation"];

/// The specific practices of the RMM External Dependencies Management process area, by goal
/// (goal 1: 2 practices, goal 2: 2, goal 3: 4, goal 4: 2).
const RMM_PRACTICES: [(u32, u32); 4] = [(1, 2), (2, 2), (3, 4), (4, 2)];

/// The generic practices of the RMM (institutionalising a process), numbered as RMM does.
const RMM_GENERIC_PRACTICES: u32 = 10;

/// Items the rest of a section stands on: (questionnaire, item). They may not be answered N/A.
const FOUNDATIONAL: [(&str, &str); 8] = [
    ("ncsc-board", "supplier-landscape"),
    ("cfcs-phases", "system-criticality"),
    ("cfcs-phases", "outsourcing-risk-assessment"),
    ("cfcs-phases", "access-removal"),
    ("cert-exd", "dependency-register"),
    ("supplier-review", "services-dependent"),
    ("supplier-review", "tier-recorded"),
    ("supplier-review", "data-held"),
];

/// The fewest level-3 items a section has.
const MIN_LEVEL_3: usize = 2;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    let path = root().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn built_ins() -> Vec<(String, Value)> {
    BUILT_INS
        .iter()
        .map(|b| {
            let q: Value =
                serde_json::from_str(&read(b.file)).unwrap_or_else(|e| panic!("{}: {e}", b.file));
            let id = q["id"].as_str().unwrap_or(b.file).to_string();
            (id, q)
        })
        .collect()
}

fn built_in(id: &str) -> Value {
    built_ins()
        .into_iter()
        .find(|(i, _)| i == id)
        .map_or_else(|| panic!("no built-in {id}"), |(_, q)| q)
}

/// Every reference form an item may cite, spelled exactly.
fn allowed_refs() -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    set.insert("NCSC board".to_string());
    set.extend(NCSC_PARTS.iter().map(ToString::to_string));
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
    set.insert("CERT RMM EXD".to_string());
    for (goal, practices) in RMM_PRACTICES {
        set.insert(format!("CERT RMM EXD goal {goal}"));
        for p in 1..=practices {
            set.insert(format!("CERT RMM EXD SG{goal}.SP{p}"));
        }
    }
    for gp in 1..=RMM_GENERIC_PRACTICES {
        set.insert(format!("CERT RMM EXD GP{gp}"));
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

fn unknown_keys(v: &Value, allowed: &[&str], at: &str, out: &mut Vec<String>) {
    for k in keys_of(v) {
        if !allowed.contains(&k) {
            out.push(format!("{at}: unknown field {k:?}"));
        }
    }
}

fn is_scored(item: &Value) -> bool {
    str_of(item, "kind") != "text"
}

/// Whether the item may be answered N/A (the format's default is yes).
fn allows_na(item: &Value) -> bool {
    item["allow_na"].as_bool().unwrap_or(true)
}

/// Whether an option's label says the answer is not known ("Don't know", "We don't know").
fn says_dont_know(label: &str) -> bool {
    let w = words(label);
    w.windows(3)
        .any(|r| r == ["don", "t", "know"] || r == ["do", "not", "know"])
}

/// Whether an option's label is a plain "No" ("No", "Not implemented", "No — we know …").
fn says_no(label: &str) -> bool {
    words(label)
        .first()
        .is_some_and(|w| matches!(w.as_str(), "no" | "not" | "none" | "never"))
}

/// Problems with the top-level fields: unknown or missing ones, the format, version, scope
/// and id.
fn top_problems(q: &Value, version: &str, scope: &str) -> Vec<String> {
    const TOP: [&str; 10] = [
        "format",
        "id",
        "version",
        "title",
        "description",
        "source",
        "pass_mark",
        "scope",
        "scales",
        "sections",
    ];
    const REQUIRED_TOP: [&str; 9] = [
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
    let qid = str_of(q, "id");
    let mut out = Vec::new();
    unknown_keys(q, &TOP, qid, &mut out);
    for k in REQUIRED_TOP {
        if q.get(k).is_none() {
            out.push(format!("{qid}: missing field {k:?}"));
        }
    }
    if str_of(q, "format") != FORMAT {
        out.push(format!("{qid}: format must be {FORMAT}"));
    }
    if str_of(q, "version") != version {
        out.push(format!("{qid}: version must be {version}"));
    }
    let given = q
        .get("scope")
        .map_or(ORGANISATION, |s| s.as_str().unwrap_or(""));
    if given != scope {
        out.push(format!("{qid}: scope must be {scope}"));
    }
    if !is_valid_id(qid) {
        out.push(format!("{qid:?}: bad questionnaire id"));
    }
    out
}

/// Every problem with one questionnaire's structure, refs, scales, guidance and levels; it
/// should have `version` and `scope`.
fn structure_problems(q: &Value, version: &str, scope: &str) -> Vec<String> {
    const SECTION: [&str; 4] = ["id", "title", "intro", "items"];
    let qid = str_of(q, "id");
    let mut out = top_problems(q, version, scope);
    scale_problems(q, &mut out);
    let sections = array_of(q, "sections");
    if sections.is_empty() {
        out.push(format!("{qid}: no sections"));
    }
    let mut section_ids = HashSet::new();
    let mut item_ids = HashSet::new();
    let mut was_ids = HashSet::new();
    for s in sections {
        let sid = str_of(s, "id");
        if !is_valid_id(sid) || !section_ids.insert(sid) {
            out.push(format!("{qid}/{sid}: bad or duplicate section id"));
        }
        unknown_keys(s, &SECTION, &format!("{qid}/{sid}"), &mut out);
        if str_of(s, "title").trim().is_empty() || str_of(s, "intro").trim().is_empty() {
            out.push(format!("{qid}/{sid}: empty title or intro"));
        }
        // Per level: (scored items, of which cannot be N/A).
        let mut levels = [(0usize, 0usize); 3];
        for item in array_of(s, "items") {
            let iid = str_of(item, "id");
            let at = format!("{qid}/{iid}");
            if !is_valid_id(iid) || !item_ids.insert(iid) {
                out.push(format!("{at}: bad or duplicate item id"));
            }
            for was in array_of(item, "was") {
                let old = was.as_str().unwrap_or("");
                if !is_valid_id(old) || old == iid || !was_ids.insert(old) {
                    out.push(format!("{at}: bad or duplicate was {was}"));
                }
            }
            if let Some(level) = item_problems(q, item, &at, &mut out) {
                let (scored, fixed) = &mut levels[level - 1];
                *scored += 1;
                if !allows_na(item) && always_asked(item) {
                    *fixed += 1;
                }
            }
        }
        for (l, (scored, fixed)) in (1..).zip(levels) {
            if scored == 0 {
                out.push(format!("{qid}/{sid}: no scored item at level {l}"));
            } else if fixed == 0 {
                out.push(format!(
                    "{qid}/{sid}: every item at level {l} may be answered N/A or is not \
                     asked of every tier"
                ));
            }
        }
        if levels[2].0 < MIN_LEVEL_3 {
            out.push(format!(
                "{qid}/{sid}: {} level-3 item(s), fewer than {MIN_LEVEL_3}",
                levels[2].0
            ));
        }
    }
    out
}

/// Problems with the scales: option fields, "Don't know" marked unknown, and a known "No"
/// beside every unknown option.
fn scale_problems(q: &Value, out: &mut Vec<String>) {
    const OPTION: [&str; 5] = ["key", "label", "value", "was", "unknown"];
    let qid = str_of(q, "id");
    let Some(scales) = q["scales"].as_object() else {
        out.push(format!("{qid}: scales must be an object"));
        return;
    };
    for (key, scale) in scales {
        let at = format!("{qid} scale {key}");
        unknown_keys(scale, &["options"], &at, out);
        let options = array_of(scale, "options");
        let mut has_unknown = false;
        let mut has_known_no = false;
        for o in options {
            let oat = format!("{at}/{}", str_of(o, "key"));
            unknown_keys(o, &OPTION, &oat, out);
            let label = str_of(o, "label");
            let unknown = o["unknown"].as_bool() == Some(true);
            if says_dont_know(label) && !unknown {
                out.push(format!("{oat}: {label:?} must be \"unknown\": true"));
            }
            has_unknown |= unknown;
            has_known_no |= !unknown && o["value"].as_f64() == Some(0.0) && says_no(label);
        }
        if has_unknown && !has_known_no {
            out.push(format!(
                "{at}: has an unknown option but no known \"No\" of value 0"
            ));
        }
    }
}

/// Problems with one item (its id is checked by the caller); returns its level when it is a
/// scored item with a valid level.
fn item_problems(q: &Value, item: &Value, at: &str, out: &mut Vec<String>) -> Option<usize> {
    const ITEM: [&str; 14] = [
        "id", "kind", "scale", "checks", "level", "weight", "allow_na", "prompt", "guidance",
        "refs", "was", "action", "when", "required",
    ];
    unknown_keys(item, &ITEM, at, out);
    let prompt = str_of(item, "prompt");
    if prompt.trim().is_empty() {
        out.push(format!("{at}: empty prompt"));
    }
    let lower = prompt.to_lowercase();
    if str_of(q, "scope") == SUPPLIER {
        for many in [
            "our suppliers",
            "each supplier",
            "every supplier",
            "all suppliers",
        ] {
            if lower.contains(many) {
                out.push(format!(
                    "{at}: the prompt asks about {many:?}, not the one supplier"
                ));
            }
        }
    } else {
        for one in ["this supplier", "this party", "this contract"] {
            if lower.contains(one) {
                out.push(format!(
                    "{at}: the prompt asks about {one:?}, not the programme"
                ));
            }
        }
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
        "checklist" => checklist_problems(item, at, out),
        "text" => {}
        other => out.push(format!("{at}: unknown kind {other:?}")),
    }
    if !is_scored(item) {
        for k in ["level", "weight", "action", "required"] {
            if item.get(k).is_some() {
                out.push(format!("{at}: a text item takes no {k}"));
            }
        }
        return None;
    }
    if str_of(item, "guidance").trim().is_empty() {
        out.push(format!("{at}: scored item without guidance"));
    }
    if str_of(item, "action").trim().is_empty() {
        out.push(format!("{at}: scored item without an action"));
    }
    if !item["weight"].as_f64().is_some_and(|w| w > 0.0) {
        out.push(format!("{at}: weight must be above 0"));
    }
    let level = item["level"]
        .as_u64()
        .and_then(|l| usize::try_from(l).ok())
        .filter(|l| (1..=3).contains(l));
    if level.is_none() {
        out.push(format!("{at}: level must be 1, 2 or 3"));
    }
    level
}

fn checklist_problems(item: &Value, at: &str, out: &mut Vec<String>) {
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
        unknown_keys(c, &["id", "text"], &format!("{at}/{cid}"), out);
        if str_of(c, "text").trim().is_empty() {
            out.push(format!("{at}/{cid}: empty check text"));
        }
    }
    if let Some(required) = item.get("required") {
        // A list the source presents as a complete set leaves `required` out.
        if !required
            .as_u64()
            .and_then(|r| usize::try_from(r).ok())
            .is_some_and(|r| r >= 1 && r < checks.len())
        {
            out.push(format!(
                "{at}: required must be a whole number from 1 to fewer than its {} checks",
                checks.len()
            ));
        }
    }
}

/// The foundational items that are missing or may be answered N/A.
fn foundational_problems(questionnaires: &[(String, Value)]) -> Vec<String> {
    FOUNDATIONAL
        .iter()
        .filter_map(|&(qid, iid)| {
            let item = questionnaires
                .iter()
                .filter(|(id, _)| id == qid)
                .flat_map(|(_, q)| array_of(q, "sections"))
                .flat_map(|s| array_of(s, "items"))
                .find(|i| str_of(i, "id") == iid || array_of(i, "was").iter().any(|w| w == iid));
            match item {
                None => Some(format!("{qid}/{iid}: missing")),
                Some(i) if allows_na(i) => Some(format!(
                    "{qid}/{}: foundational, so \"allow_na\": false",
                    str_of(i, "id")
                )),
                Some(_) => None,
            }
        })
        .collect()
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
    let mut out: Vec<String> = NCSC_PARTS.iter().map(ToString::to_string).collect();
    out.extend((1..=4).map(|i| format!("NCSC board Q{i}")));
    out.extend(CFCS_RECOMMENDATIONS.iter().map(|r| format!("CFCS {r}")));
    out.extend((1..=5).map(|i| format!("CFCS App. {i}")));
    out.extend((1..=4).map(|i| format!("CERT RMM EXD goal {i}")));
    out
}

/// Every piece of prose in a questionnaire, with where it sits: title, description, option
/// labels, section titles and intros, prompts, guidance, actions and check texts.
fn prose(q: &Value) -> Vec<(String, String)> {
    let qid = str_of(q, "id");
    let text = |at: String, v: &Value, key: &str| (at, str_of(v, key).to_string());
    let mut out = vec![
        text(format!("{qid} title"), q, "title"),
        text(format!("{qid} description"), q, "description"),
    ];
    for (key, scale) in q["scales"].as_object().into_iter().flatten() {
        for o in array_of(scale, "options") {
            out.push(text(
                format!("{qid} scale {key}/{} label", str_of(o, "key")),
                o,
                "label",
            ));
        }
    }
    for s in array_of(q, "sections") {
        let sid = str_of(s, "id");
        out.push(text(format!("{qid}/{sid} title"), s, "title"));
        out.push(text(format!("{qid}/{sid} intro"), s, "intro"));
        for item in array_of(s, "items") {
            let at = format!("{qid}/{}", str_of(item, "id"));
            for key in ["prompt", "guidance", "action"] {
                out.push(text(format!("{at} {key}"), item, key));
            }
            for c in array_of(item, "checks") {
                out.push(text(format!("{at}/{} check", str_of(c, "id")), c, "text"));
            }
        }
    }
    out
}

/// Prose that points at something a workshop participant cannot see.
fn unseen_references(q: &Value) -> Vec<String> {
    prose(q)
        .into_iter()
        .filter(|(_, text)| {
            let w = words(text).join(" ");
            ["the guide", "the steps above"]
                .iter()
                .any(|p| format!(" {w} ").contains(&format!(" {p} ")))
        })
        .map(|(at, _)| at)
        .collect()
}

#[path = "content/checkers.rs"]
mod checkers;
#[path = "content/conditions.rs"]
mod conditions;
#[path = "content/copies.rs"]
mod copies;
#[path = "content/supplier_review.rs"]
mod supplier_review;

use conditions::always_asked;
use copies::{runs, seed_texts, shared_runs, words};

#[test]
fn every_built_in_is_format_2_and_loads_without_warnings() {
    for b in BUILT_INS {
        let rel = b.file;
        let (q, findings) = supplycheck::questionnaire::Questionnaire::load_str(&read(rel), rel)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            (q.version.as_str(), q.format.as_str()),
            (b.version, FORMAT),
            "{rel}"
        );
        let findings: Vec<String> = findings.iter().map(ToString::to_string).collect();
        assert!(findings.is_empty(), "{rel}:\n{}", findings.join("\n"));
    }
}

#[test]
fn every_built_in_parses_and_is_well_formed() {
    let all = built_ins();
    let ids: Vec<&str> = all.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["ncsc-board", "cfcs-phases", "cert-exd", "supplier-review"]
    );
    let problems: Vec<String> = all
        .iter()
        .zip(BUILT_INS)
        .flat_map(|((_, q), b)| structure_problems(q, b.version, b.scope))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn foundational_items_cannot_be_answered_na() {
    let problems = foundational_problems(&built_ins());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_required_source_section_is_cited() {
    let missing = uncited(&built_ins(), &required_sections());
    assert!(missing.is_empty(), "no item cites: {missing:?}");
}

#[test]
fn no_text_points_at_what_a_participant_cannot_see() {
    let found: Vec<String> = built_ins()
        .iter()
        .flat_map(|(_, q)| unseen_references(q))
        .collect();
    assert!(
        found.is_empty(),
        "\"the guide\" or \"the steps above\" in:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_text_copies_eight_words_from_a_source() {
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
